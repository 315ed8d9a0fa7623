//! The state file on disk: read, moved aside when it cannot be used, and
//! written so that it is always either the old file or the new one whole
//! (temporary file, fsync, rename, fsync of the directory), under an
//! advisory lock that two readers on one account take in turn, each
//! merging what the other saved.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{flock, FlockOperation};

use super::model::{Saved, VERSION};
use crate::clock::{now_ms, utc_stamp};
use crate::corpus::{io_reason, json_reason};

pub const STATE: &str = "state.json";
const LOCK: &str = "state.lock";

/// One corpus's state directory.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
}

/// What loading found besides the state: a file that could not be used,
/// and where it went.
#[derive(Debug, Default)]
pub struct Loaded {
    pub saved: Saved,
    pub notice: Option<String>,
    /// The directory itself cannot be used (not a directory, no access):
    /// the notice says marks are not being saved, and saves will fail.
    pub unusable: bool,
}

impl Store {
    pub fn new(dir: PathBuf) -> Self {
        Store { dir }
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(STATE)
    }

    /// Reads the state. A file that does not parse, comes from a newer
    /// version or cannot be read is moved aside (never deleted) and the
    /// reader starts clean, told why. No file is a clean start, silently.
    pub fn load(&self) -> Loaded {
        let file = self.file();
        if let Err(e) = fs::metadata(&file) {
            if matches!(
                e.kind(),
                io::ErrorKind::NotADirectory | io::ErrorKind::PermissionDenied
            ) {
                return Loaded {
                    saved: Saved::default(),
                    notice: Some(crate::t!(
                        "state-not-saved",
                        reason = io_reason(&e),
                        dir = self.dir.display().to_string()
                    )),
                    unusable: true,
                };
            }
        }
        match read(&file) {
            Ok(saved) => Loaded {
                saved: saved.unwrap_or_default(),
                notice: None,
                unusable: false,
            },
            Err(why) => {
                let notice = match self.move_aside() {
                    Ok(to) => crate::t!(
                        "state-moved-aside",
                        why = why,
                        file = to.display().to_string()
                    ),
                    Err(e) => crate::t!("state-not-moved-aside", why = why, reason = io_reason(&e)),
                };
                Loaded {
                    saved: Saved::default(),
                    notice: Some(notice),
                    unusable: false,
                }
            }
        }
    }

    /// `state.json` → `state.json.bad-<UTC time>`, made private.
    fn move_aside(&self) -> io::Result<PathBuf> {
        let mut to = self
            .dir
            .join(format!("{STATE}.bad-{}", utc_stamp(now_ms())));
        let mut n = 1;
        while to.exists() {
            n += 1;
            to = self
                .dir
                .join(format!("{STATE}.bad-{}-{n}", utc_stamp(now_ms())));
        }
        fs::rename(self.file(), &to)?;
        let _ = fs::set_permissions(&to, fs::Permissions::from_mode(0o600));
        Ok(to)
    }

    /// Merges `mine` with what is on disk and writes the result; returns
    /// it. Gives up (an error, nothing written) if another reader holds the
    /// lock past `deadline`: a hang-up must not hang.
    pub fn save(&self, mine: &Saved, deadline: Duration) -> io::Result<Saved> {
        let until = Instant::now() + deadline;
        make_private_dir(&self.dir)?;
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(self.dir.join(LOCK))?;
        lock_until(&lock, until)?;
        // Whoever writes a temporary file holds the lock: one found now was
        // left by a reader that died mid-save.
        self.remove_stale_temporaries();
        let theirs = match read(&self.file()) {
            Ok(s) => s.unwrap_or_default(),
            // Broken since we loaded: keep it for whoever wants to look.
            Err(_) => {
                let _ = self.move_aside();
                Saved::default()
            }
        };
        let merged = mine.merge(&theirs);
        self.write(&merged)?;
        // The lock goes when `lock` is closed.
        Ok(merged)
    }

    fn remove_stale_temporaries(&self) {
        let prefix = format!("{STATE}.tmp-");
        for e in fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    fn write(&self, saved: &Saved) -> io::Result<()> {
        let text = serde_json::to_vec_pretty(saved).map_err(io::Error::other)?;
        let tmp = self.dir.join(format!("{STATE}.tmp-{}", std::process::id()));
        let result = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)?;
            f.write_all(&text)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            pause_if_asked();
            fs::rename(&tmp, self.file())?;
            File::open(&self.dir)?.sync_all()
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }
}

/// The file's state; `None` when there is none. An error says why it
/// cannot be used.
fn read(path: &Path) -> Result<Option<Saved>, String> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_reason(&e)),
    };
    #[derive(serde::Deserialize)]
    struct Probe {
        version: u32,
    }
    let not_valid = |e: serde_json::Error| crate::t!("state-not-valid", reason = json_reason(&e));
    let probe: Probe = serde_json::from_slice(&bytes).map_err(not_valid)?;
    if probe.version > VERSION {
        return Err(crate::t!(
            "state-newer",
            version = probe.version.to_string(),
            reads = VERSION.to_string()
        ));
    }
    serde_json::from_slice(&bytes).map(Some).map_err(not_valid)
}

/// Creates `dir` and its missing parents with mode 0700 (the XDG rule),
/// and makes `dir` itself private if it already was there.
pub fn make_private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mode = fs::metadata(dir)?.permissions().mode() & 0o777;
    if mode != 0o700 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn lock_until(file: &File, until: Instant) -> io::Result<()> {
    loop {
        match flock(file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::WOULDBLOCK || e == rustix::io::Errno::INTR => {
                if Instant::now() >= until {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        crate::t!("state-busy"),
                    ));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Lets a test kill the process between writing the new file and putting
/// it in place (debug builds only): the file named by the variable is
/// created, then the save waits.
fn pause_if_asked() {
    #[cfg(debug_assertions)]
    if let Some(flag) = std::env::var_os("LEARNCITY_TEST_PAUSE_BEFORE_RENAME") {
        let _ = fs::write(flag, b"");
        std::thread::sleep(Duration::from_secs(30));
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{ReportMarks, Stamped};
    use super::*;

    fn bookmarked(id: &str, at: u64) -> Saved {
        let mut s = Saved::default();
        s.reports.insert(
            id.into(),
            ReportMarks {
                bookmark: Some(Stamped::new(true, at)),
                ..Default::default()
            },
        );
        s
    }

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_save_merges_with_the_file_and_keeps_things_private() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::new(tmp.path().join("a/b/corpus"));
        store
            .save(&bookmarked("x", 1), Duration::from_secs(1))
            .unwrap();
        let merged = store
            .save(&bookmarked("y", 2), Duration::from_secs(1))
            .unwrap();
        assert!(merged.reports["x"].is_bookmarked() && merged.reports["y"].is_bookmarked());
        assert_eq!(store.load().saved, merged);
        assert_eq!(mode(&store.dir), 0o700);
        assert_eq!(mode(&tmp.path().join("a")), 0o700, "parents made too");
        for f in fs::read_dir(&store.dir).unwrap() {
            let f = f.unwrap().path();
            assert_eq!(mode(&f), 0o600, "{}", f.display());
            assert!(!f.to_string_lossy().contains(".tmp-"), "no temporary left");
        }
    }

    #[test]
    fn an_existing_open_directory_is_made_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("s");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        Store::new(dir.clone())
            .save(&Saved::default(), Duration::from_secs(1))
            .unwrap();
        assert_eq!(mode(&dir), 0o700);
    }

    #[test]
    fn a_broken_or_newer_file_is_moved_aside_and_said() {
        for (text, why) in [
            ("{\"version\": 1, \"reports\": [", "not valid"),
            ("{\"version\": 99}", "newer learncity"),
            ("\u{0}\u{1}binary", "not valid"),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let store = Store::new(tmp.path().to_owned());
            fs::write(store.file(), text).unwrap();
            let loaded = store.load();
            assert_eq!(loaded.saved, Saved::default());
            let notice = loaded.notice.expect("a notice");
            assert!(notice.contains(why), "{notice}");
            let names: Vec<String> = fs::read_dir(tmp.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(names.len(), 1, "{names:?}");
            assert!(names[0].starts_with("state.json.bad-2"), "{names:?}");
            let kept = fs::read_to_string(tmp.path().join(&names[0])).unwrap();
            assert_eq!(kept, text, "moved, not changed");
            assert!(notice.contains(&names[0]), "{notice}");
        }
    }

    #[test]
    fn what_happened_is_said_in_turkish_too() {
        use crate::i18n::{with, Lang};
        with(Lang::Tr, || {
            let tmp = tempfile::tempdir().unwrap();
            let store = Store::new(tmp.path().to_owned());
            fs::write(store.file(), "{\"version\": 1, \"reports\": [").unwrap();
            let notice = store.load().notice.expect("a notice");
            assert!(
                notice.starts_with(
                    "işaretleriniz okunamadı (geçerli değil: dosya bir dizinin içinde bitiyor \
                     (bir `]` eksik); satır 1, sütun 27); sıfırdan başlandı, eski dosya: "
                ),
                "{notice}"
            );
            fs::write(store.file(), "{\"version\": 99}").unwrap();
            let notice = store.load().notice.expect("a notice");
            assert!(
                notice.contains("(daha yeni bir learncity yazmış (biçim 99; bu sürüm 1 okur))"),
                "{notice}"
            );
            // A directory that is a file.
            let file = tmp.path().join("plain");
            fs::write(&file, "").unwrap();
            let loaded = Store::new(file.join("corpus")).load();
            assert!(loaded.unusable);
            assert!(loaded
                .notice
                .unwrap()
                .starts_with("işaretler kaydedilmiyor: bir dizin değil ("),);
        });
    }

    #[test]
    fn a_held_lock_makes_a_save_give_up_in_time() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::new(tmp.path().to_owned());
        store
            .save(&Saved::default(), Duration::from_secs(1))
            .unwrap();
        let held = File::open(tmp.path().join(LOCK)).unwrap();
        flock(&held, FlockOperation::LockExclusive).unwrap();
        let err = store
            .save(&bookmarked("x", 1), Duration::from_millis(20))
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        assert!(!store.load().saved.reports.contains_key("x"));
    }
}
