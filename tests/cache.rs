//! The cache of parsed corpora, through the binary: a cache that is stale,
//! cut short, of another version, in a directory that cannot be written, or
//! written by two processes at once never changes what a command prints.
//! `LEARNCITY_CACHE_TRACE=1` makes each run say what it did with the cache.

#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    /// A scratch home with a generated corpus of `articles` reports.
    fn new(articles: usize) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let bytes = gen::corpus_bytes(&gen::Config::new(articles, 7));
        std::fs::write(dir.path().join("corpus.json"), bytes).unwrap();
        Home { dir }
    }

    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus.json")
    }

    fn cache_home(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn cache_dir(&self) -> PathBuf {
        self.cache_home().join("learncity")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_learncity"));
        cmd.arg("--data")
            .arg(self.corpus())
            .args(args)
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LEARNCITY_CACHE")
            .env("LEARNCITY_CACHE_TRACE", "1")
            .env("XDG_CACHE_HOME", self.cache_home())
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"));
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// The cache files, without the directory.
    fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.cache_dir())
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    fn cache_file(&self) -> PathBuf {
        let files = self.files();
        assert_eq!(files.len(), 1, "{files:?}");
        self.cache_dir().join(&files[0])
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What the run did with the cache: "opened", "written", "not used (none yet)"…
fn did(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter_map(|l| l.strip_prefix("learncity: cache: "))
        .map(|l| l.rsplit_once(' ').map_or(l, |(what, _)| what).to_owned())
        .collect()
}

const QUERIES: [&[&str]; 3] = [
    &["search", "belediye", "--limit", "5"],
    &["search", "ogrenen", "sehri", "--json", "--limit", "3"],
    &["stats"],
];

#[test]
fn the_first_search_writes_the_cache_and_later_runs_read_it_with_the_same_output() {
    let h = Home::new(200);
    let first = h.run(QUERIES[0]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(did(&first), ["not used (none yet)", "written"]);
    let file = h.cache_file();
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&h.cache_dir()), 0o700);
    assert_eq!(mode(&file), 0o600);
    for q in QUERIES {
        let cold = h.run(&[&["--no-cache"], q].concat());
        let warm = h.run(q);
        assert_eq!(did(&cold), Vec::<String>::new(), "--no-cache reads nothing");
        assert_eq!(did(&warm), ["opened"], "{q:?}");
        assert_eq!(stdout(&warm), stdout(&cold), "{q:?}");
        assert!(warm.status.success());
    }
    // A report's text comes from the cache too.
    let id = stdout(&h.run(&["search", "belediye", "--json", "--limit", "1"]))
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("\"id\": \"")
                .map(|s| s.trim_end_matches("\",").to_owned())
        })
        .unwrap();
    let warm = h.run(&["show", &id]);
    let cold = h.run(&["--no-cache", "show", &id]);
    assert_eq!(did(&warm), ["opened"]);
    assert_eq!(stdout(&warm), stdout(&cold));
    let info = stdout(&h.run(&["cache", "info"]));
    assert!(info.contains("current"), "{info}");
    assert!(info.contains(&h.corpus().display().to_string()), "{info}");
}

#[test]
fn a_corpus_edited_with_its_size_and_time_restored_is_read_again() {
    let h = Home::new(200);
    h.run(QUERIES[0]);
    // One word of the text changed for another of the same length, and
    // the modification time put back.
    let path = h.corpus();
    let text = std::fs::read_to_string(&path).unwrap();
    let before = std::fs::metadata(&path).unwrap();
    let at = text.find("belediye").unwrap();
    let edited = format!("{}zyxwvuts{}", &text[..at], &text[at + 8..]);
    std::fs::write(&path, &edited).unwrap();
    let f = std::fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(before.modified().unwrap()).unwrap();
    drop(f);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());

    let o = h.run(&["search", "zyxwvuts"]);
    assert_eq!(
        did(&o),
        ["not used (the corpus file changed since)", "written"]
    );
    assert!(o.status.success(), "the new word is found: {}", stderr(&o));
    let again = h.run(&["search", "zyxwvuts"]);
    assert_eq!(did(&again), ["opened"]);
    assert_eq!(stdout(&again), stdout(&o));
}

#[test]
fn a_corpus_touched_or_copied_back_unchanged_keeps_its_cache() {
    let h = Home::new(100);
    h.run(QUERIES[0]);
    let path = h.corpus();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let o = h.run(QUERIES[0]);
    assert_eq!(did(&o), ["restamped", "opened"]);
    let o = h.run(QUERIES[0]);
    assert_eq!(did(&o), ["opened"], "the new identity is kept");
}

#[test]
fn a_cache_cut_short_is_rebuilt() {
    let h = Home::new(200);
    let want = stdout(&h.run(QUERIES[0]));
    let file = h.cache_file();
    let len = std::fs::metadata(&file).unwrap().len();
    for cut in [len - 1, len / 2, 10, 0] {
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_len(cut).unwrap();
        drop(f);
        let o = h.run(QUERIES[0]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), want, "cut at {cut}");
        let why = if cut >= 512 {
            "cut short"
        } else {
            "not a cache file of this user's"
        };
        assert_eq!(did(&o), [format!("not used ({why})"), "written".into()]);
        assert_eq!(std::fs::metadata(&file).unwrap().len(), len);
    }
}

#[test]
fn a_cache_of_another_version_is_rebuilt() {
    let h = Home::new(100);
    let want = stdout(&h.run(QUERIES[0]));
    let file = h.cache_file();
    let mut bytes = std::fs::read(&file).unwrap();
    // The program's version, at bytes 16..48 of the header.
    bytes[16..48].fill(0);
    bytes[16..22].copy_from_slice(b"0.0.42");
    std::fs::write(&file, &bytes).unwrap();
    let info = stdout(&h.run(&["cache", "info"]));
    assert!(info.contains("made by learncity 0.0.42"), "{info}");
    let o = h.run(QUERIES[0]);
    assert_eq!(stdout(&o), want);
    assert_eq!(
        did(&o),
        ["not used (made by another version: 0.0.42)", "written"]
    );
}

#[test]
fn a_damaged_report_text_is_noticed_and_the_command_runs_again_from_the_corpus() {
    let h = Home::new(100);
    let first = h.run(&["search", "belediye", "--limit", "50"]);
    let file = h.cache_file();
    // Every byte of the texts' section changed: whichever report is read,
    // its chunk fails its check. The TEXT section is the 11th of the table.
    let mut bytes = std::fs::read(&file).unwrap();
    let at = 96 + 16 * 10;
    let off = u64::from_ne_bytes(bytes[at..at + 8].try_into().unwrap()) as usize;
    let len = u64::from_ne_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize;
    for b in &mut bytes[off..off + len] {
        *b ^= 0x20;
    }
    std::fs::write(&file, &bytes).unwrap();
    let o = h.run(&["search", "belediye", "--limit", "50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&first), "printed once, whole");
    assert!(stderr(&o).contains("was damaged"), "{}", stderr(&o));
    assert_eq!(did(&o)[..2], ["opened", "damaged"]);
    let next = h.run(&["search", "belediye", "--limit", "50"]);
    assert_eq!(did(&next), ["not used (none yet)", "written"], "rebuilt");
}

/// Root may write anywhere: the directory is made unwritable by running
/// the program as another user, whose directory it is not.
fn as_other_user_if_root(cmd: &mut Command) {
    if rustix::process::geteuid().is_root() {
        use std::os::unix::process::CommandExt;
        cmd.uid(65534).gid(65534);
    }
}

#[test]
fn a_cache_directory_that_cannot_be_written_is_said_once_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let h = Home::new(100);
    // Readable by anyone, writable by its owner alone, and for a user who
    // is not root, not even by its owner.
    std::fs::create_dir_all(h.cache_dir()).unwrap();
    std::fs::set_permissions(h.cache_dir(), std::fs::Permissions::from_mode(0o500)).unwrap();
    std::fs::set_permissions(h.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(h.corpus(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let root = rustix::process::geteuid().is_root();
    if root {
        // Another user's directory (root's), mode 0755 for the check of
        // who owns it to fail first if it were writable.
        std::fs::set_permissions(h.cache_dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let run = |args: &[&str]| {
        let mut cmd = h.command(args);
        cmd.env("XDG_STATE_HOME", "/nonexistent/state");
        as_other_user_if_root(&mut cmd);
        cmd.output().unwrap()
    };
    let o = run(QUERIES[0]);
    let cold = run(&[&["--no-cache"], QUERIES[0]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&cold));
    let said = stderr(&o).matches("cannot keep a cache in").count();
    assert_eq!(said, 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("working without one"), "{}", stderr(&o));
    assert!(h.files().is_empty(), "{:?}", h.files());
    // `cache clear` reports that it cannot, with exit 2, rather than
    // pretending.
    std::fs::set_permissions(h.cache_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::write(h.cache_dir().join("x.lcc"), "x").unwrap();
    std::fs::set_permissions(h.cache_dir(), std::fs::Permissions::from_mode(0o500)).unwrap();
    if !root {
        let o = run(&["cache", "clear"]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    }
    std::fs::set_permissions(h.cache_dir(), std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn two_processes_building_the_cache_at_once_both_succeed_and_leave_one_whole_file() {
    let h = Home::new(400);
    let want = stdout(&h.run(&["--no-cache", "search", "belediye", "--limit", "5"]));
    // Each writer waits after writing its temporary file, so both exist
    // before either is renamed over the other.
    let spawn = || {
        h.command(&["search", "belediye", "--limit", "5"])
            .env("LEARNCITY_TEST_CACHE_PAUSE_MS", "700")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        assert!(o.status.success(), "{}", stderr(o));
        assert_eq!(stdout(o), want);
        assert_eq!(did(o), ["not used (none yet)", "written"]);
    }
    let files = h.files();
    assert_eq!(files.len(), 1, "no temporary file left: {files:?}");
    let o = h.run(&["search", "belediye", "--limit", "5"]);
    assert_eq!(did(&o), ["opened"]);
    assert_eq!(stdout(&o), want);
}

#[test]
fn cache_clear_removes_the_files_and_info_lists_them() {
    let h = Home::new(50);
    h.run(QUERIES[0]);
    assert_eq!(h.files().len(), 1);
    let info = stdout(&h.run(&["cache", "info"]));
    assert!(info.contains("one file"), "{info}");
    let o = h.run(&["cache", "clear"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("one file removed"), "{}", stdout(&o));
    assert!(h.files().is_empty());
    let info = stdout(&h.run(&["cache", "info"]));
    assert!(info.contains("no cache files"), "{info}");
    // Commands that need no index do not write one.
    let o = h.run(&["list"]);
    assert_eq!(did(&o), ["not used (none yet)"]);
    assert!(h.files().is_empty());
}

#[test]
fn the_bundled_corpus_is_never_cached() {
    let h = Home::new(10);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_learncity"));
    let o = cmd
        .args(["search", "balikesir"])
        .env("LANG", "C.UTF-8")
        .env("LEARNCITY_CACHE_TRACE", "1")
        .env("XDG_CACHE_HOME", h.cache_home())
        .env("XDG_DATA_HOME", h.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", h.dir.path().join("config"))
        .env("LEARNCITY_TEST_SYSTEM_DATA", h.dir.path().join("system"))
        .env_remove("LEARNCITY_DATA")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(did(&o), Vec::<String>::new());
    assert!(h.files().is_empty());
}

/// Runs `cmd` and waits at most `secs` seconds for it (a hang fails the
/// test rather than the whole run).
fn run_within(cmd: &mut Command, secs: u64) -> Output {
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(o) => o,
        Err(_) => {
            // SAFETY: kill takes no pointers.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
            panic!("no answer within {secs} s");
        }
    }
}

/// A pipe is read once: hashing it to check a cache would eat the corpus
/// the loader then waits for (the run hung for good), and what comes
/// through a name that was once a file says nothing of that file's cache.
#[test]
fn a_pipe_in_place_of_a_cached_corpus_is_read_once_and_never_cached() {
    let h = Home::new(50);
    let want = stdout(&h.run(QUERIES[0]));
    assert_eq!(h.files().len(), 1, "the file's cache");
    let bytes = std::fs::read(h.corpus()).unwrap();
    std::fs::remove_file(h.corpus()).unwrap();
    let name = std::ffi::CString::new(h.corpus().as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    for _ in 0..2 {
        let fifo = h.corpus();
        let data = bytes.clone();
        let writer = std::thread::spawn(move || {
            // Blocks until the program opens the pipe; a broken pipe (the
            // program read what it needed) is not this test's business.
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(fifo) {
                use std::io::Write;
                let _ = f.write_all(&data);
            }
        });
        let o = run_within(&mut h.command(QUERIES[0]), 120);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), want);
        assert_eq!(did(&o), ["not used (not a regular file)"]);
        writer.join().unwrap();
    }
    assert_eq!(h.files().len(), 1, "nothing cached for the pipe");
}

#[test]
fn cache_clear_removes_only_files() {
    let h = Home::new(10);
    h.run(QUERIES[0]);
    std::fs::create_dir_all(h.cache_dir().join("someone's.lcc")).unwrap();
    let o = h.run(&["cache", "clear"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("one file removed"), "{}", stdout(&o));
    assert_eq!(h.files(), ["someone's.lcc"]);
    let o = h.run(&["cache", "info"]);
    assert!(o.status.success(), "{}", stderr(&o));
}
