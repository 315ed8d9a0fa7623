//! The persistent cache: a corpus file's checked corpus and search index,
//! kept under `$XDG_CACHE_HOME/learncity/` so that later runs open them
//! without parsing (docs/performance.md, "The cache").
//!
//! A cache file is used only when its header names this program's version
//! and format, its checksum matches, and the corpus file is the one it was
//! made from: same device, inode, size, modification and change times, or,
//! when any of those changed, the same xxh3 hash of its bytes. Anything else
//! rebuilds it; nothing about a cache makes a command fail.

mod format;
mod meta;
mod read;
mod write;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::corpus::{Corpus, LoadError};
use crate::search::{SearchIndex, TooLarge};
pub use format::{Identity, Reject};
pub use read::MappedPostings;

/// Whether the cache is used: `--no-cache` or `LEARNCITY_CACHE=off` turn
/// it off for one run.
static OFF: AtomicBool = AtomicBool::new(false);

pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

pub fn is_off() -> bool {
    OFF.load(Ordering::Relaxed)
        || crate::state::off_by_env(std::env::var("LEARNCITY_CACHE").ok().as_deref())
}

/// What was loaded, and whether it came from the cache.
pub struct Loaded {
    pub corpus: Corpus,
    /// Present when it came from the cache or was built to write one.
    pub index: Option<SearchIndex>,
    pub from_cache: bool,
    /// A cache still to write, when the caller asked to write it later.
    pub pending: Option<Pending>,
}

/// A cache file to write once the caller has shown something.
pub struct Pending {
    dir: PathBuf,
    cache: PathBuf,
    source: PathBuf,
    identity: Identity,
}

impl Pending {
    /// Writes it on another thread: the reader draws its first frame and
    /// takes keys meanwhile. A reader that quits first leaves a temporary
    /// file, which the next writer removes.
    pub fn spawn(
        self,
        corpus: std::sync::Arc<Corpus>,
        index: std::sync::Arc<SearchIndex>,
        done: impl FnOnce() + Send + 'static,
    ) -> Option<std::thread::JoinHandle<()>> {
        let lang = crate::i18n::current();
        std::thread::Builder::new()
            .name("cache".into())
            .spawn(move || {
                crate::i18n::with(lang, || {
                    save(
                        &self.dir,
                        &self.cache,
                        &self.source,
                        self.identity,
                        &corpus,
                        &index,
                    )
                });
                done();
            })
            .ok()
    }
}

/// The directory of cache files: `$XDG_CACHE_HOME/learncity`, else
/// `~/.cache/learncity`.
pub fn dir() -> Option<PathBuf> {
    let base = directories::BaseDirs::new()?;
    Some(base.cache_dir().join("learncity"))
}

/// The cache file of the corpus at `source`: named after the file (for
/// people listing the directory) and a hash of its whole path.
pub fn file_for(dir: &Path, source: &Path) -> PathBuf {
    let full = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_owned());
    let stem: String = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .take(40)
        .collect();
    let hash = xxhash_rust::xxh3::xxh3_64(full.as_os_str().as_encoded_bytes());
    dir.join(format!("{stem}-{hash:016x}.lcc"))
}

/// The identity of the corpus file as it is now, without its hash. Only a
/// regular file has one: a pipe or a device (`--data /dev/stdin`, a FIFO)
/// is read once, so hashing it to check a cache would eat what the loader
/// then waits for, and its name says nothing about what comes through it.
fn stat(path: &Path) -> std::io::Result<Identity> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path)?;
    if !m.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    Ok(Identity {
        dev: m.dev(),
        ino: m.ino(),
        size: m.size(),
        mtime_ns: m.mtime() * 1_000_000_000 + m.mtime_nsec(),
        ctime_ns: m.ctime() * 1_000_000_000 + m.ctime_nsec(),
        hash: 0,
    })
}

/// The xxh3 hash of the file's bytes, read in pieces (it may be large).
fn hash_file(path: &Path) -> std::io::Result<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(h.digest());
        }
        h.update(&buf[..n]);
    }
}

/// How a caller builds the index when the cache has none (with progress),
/// or finds that it would take more memory than the corpus's budget leaves.
pub type Build<'a> = &'a dyn Fn(&Corpus) -> Result<SearchIndex, TooLarge>;

/// A corpus refused because its index would be too large.
fn index_refused(path: &Path, corpus: &Corpus, t: TooLarge) -> LoadError {
    let left = corpus.budget().unwrap_or(crate::corpus::Left {
        file_len: 0,
        used: 0,
    });
    LoadError::one(
        &crate::corpus::display_name(path),
        left.index_refusal(t.words, t.need),
    )
}

/// Loads the corpus at `path`: from its cache when the cache is current,
/// otherwise from the file. With `index`, the search index too: a cold
/// load builds it with `index` and writes the cache for next time.
/// With `later`, a cache to write is returned (`Loaded::pending`) rather
/// than written.
pub fn load(path: &Path, index: Option<Build>, later: bool) -> Result<Loaded, LoadError> {
    if is_off() {
        let corpus = crate::corpus::load_file(path)?;
        let index = index
            .map(|build| build(&corpus))
            .transpose()
            .map_err(|t| index_refused(path, &corpus, t))?;
        return Ok(Loaded {
            corpus,
            index,
            from_cache: false,
            pending: None,
        });
    }
    let before = match stat(path) {
        Ok(now) => Some(now),
        Err(e) => {
            trace(&format!("not used ({e}) {}", path.display()));
            None
        }
    };
    let dir = dir();
    let cache = dir.as_deref().zip(before).map(|(d, _)| file_for(d, path));
    if let (Some(cache), Some(now)) = (&cache, before) {
        match try_open(cache, path, now) {
            Ok((corpus, index)) => {
                trace(&format!("opened {}", cache.display()));
                return Ok(Loaded {
                    corpus,
                    index: Some(index),
                    from_cache: true,
                    pending: None,
                });
            }
            Err(why) => trace(&format!(
                "not used ({}) {}",
                why.describe(),
                cache.display()
            )),
        }
    }
    let (corpus, hash) = crate::corpus::load_file_hashed(path)?;
    // A corpus refused is never cached: nothing is written before this.
    let built = index
        .map(|build| build(&corpus))
        .transpose()
        .map_err(|t| index_refused(path, &corpus, t))?;
    let mut pending = None;
    if let (Some(idx), Some(cache), Some(now), Some(dir)) = (&built, cache, before, dir) {
        // The identity from before the file was read: if it changed while
        // being read, the next run sees a new change time and checks the
        // hash, which is of the bytes that were read.
        let p = Pending {
            dir,
            cache,
            source: path.to_owned(),
            identity: Identity { hash, ..now },
        };
        if later {
            pending = Some(p);
        } else {
            save(&p.dir, &p.cache, &p.source, p.identity, &corpus, idx);
        }
    }
    Ok(Loaded {
        corpus,
        index: built,
        from_cache: false,
        pending,
    })
}

/// The cache's corpus and index, if the cache file is whole, of this
/// version, and of the corpus file as it is now.
fn try_open(cache: &Path, source: &Path, now: Identity) -> Result<(Corpus, SearchIndex), Reject> {
    let mapped = read::map(cache)?;
    let header = &mapped.header;
    let restamp = if header.identity.same_stat(&now) {
        false
    } else if header.identity.size == now.size
        && hash_file(source).is_ok_and(|h| h == header.identity.hash)
    {
        // Touched, copied back, or moved: the same bytes. Opened, and the
        // header is brought up to date so the file is not hashed again.
        true
    } else {
        return Err(Reject::Stale);
    };
    let identity = Identity {
        hash: header.identity.hash,
        ..now
    };
    let opened = read::open(mapped, cache)?;
    if restamp {
        let _ = write::restamp(cache, identity);
        trace(&format!("restamped {}", cache.display()));
    }
    Ok(opened)
}

/// Writes the cache; a directory that cannot be written is said once.
fn save(
    dir: &Path,
    cache: &Path,
    source: &Path,
    identity: Identity,
    corpus: &Corpus,
    index: &SearchIndex,
) {
    let source = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_owned());
    let result = make_dir(dir).and_then(|_| {
        remove_leftovers(dir);
        write::write(cache, &source, identity, corpus, index)
    });
    match &result {
        Ok(()) => trace(&format!("written {}", cache.display())),
        Err(e) => trace(&format!("not written ({e}) {}", cache.display())),
    }
    if let Err(e) = result {
        notice(crate::t!(
            "cache-cannot-write",
            dir = crate::text::sanitize::printable(&dir.display().to_string()),
            reason = crate::corpus::io_reason(&e)
        ));
    }
}

/// Creates the directory, only this user's (0700), and refuses one that
/// others could write into.
fn make_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let m = std::fs::metadata(dir)?;
    if m.uid() != rustix::process::geteuid().as_raw() {
        return Err(std::io::Error::from_raw_os_error(libc::EACCES));
    }
    if m.mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Temporary files of writers that died before renaming them.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_suffix(".tmp")
            .and_then(|n| n.rsplit('.').next())
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if !name.starts_with('.') {
            continue;
        }
        let alive = rustix::process::Pid::from_raw(pid)
            .is_some_and(|p| rustix::process::test_kill_process(p).is_ok());
        if !alive {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// `LEARNCITY_CACHE_TRACE=1`: one line on stderr per decision (opened,
/// built and why, not written and why), for finding out why a run was slow.
fn trace(what: &str) {
    if std::env::var_os("LEARNCITY_CACHE_TRACE").is_some_and(|v| !v.is_empty() && v != "0") {
        crate::stderr::line(format_args!(
            "learncity: cache: {}",
            crate::text::sanitize::printable(what)
        ));
    }
}

/// What the cache has to say to the user, said once per run.
static NOTICES: Mutex<Vec<String>> = Mutex::new(Vec::new());
static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn notice(text: String) {
    if let (Ok(mut said), Ok(mut n)) = (SAID.lock(), NOTICES.lock()) {
        if !said.contains(&text) {
            said.push(text.clone());
            n.push(text);
        }
    }
}

/// Notices not yet shown.
pub fn take_notices() -> Vec<String> {
    NOTICES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default()
}

/// Set when a part of a cache file failed its check after opening: what
/// was read from it may be missing (an empty body, no postings).
static DAMAGED: AtomicBool = AtomicBool::new(false);

/// True once a cache file in use turned out damaged. A command checks it
/// before printing, and runs again from the corpus file, with the cache
/// off, if so.
pub fn damaged() -> bool {
    DAMAGED.load(Ordering::Relaxed) && !OFF.load(Ordering::Relaxed)
}

fn report_damage(path: &Path) {
    DAMAGED.store(true, Ordering::Relaxed);
    trace(&format!("damaged {}", path.display()));
    notice(crate::t!(
        "cache-damaged",
        file = crate::text::sanitize::printable(&path.display().to_string())
    ));
}

/// One cache file, for `learncity cache info`.
pub struct Entry {
    pub file: PathBuf,
    pub bytes: u64,
    /// The corpus file it was made from, as recorded in it.
    pub source: Option<PathBuf>,
    pub state: EntryState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryState {
    /// Made from the corpus file as it is now.
    Current,
    /// The corpus file changed, or is gone.
    Stale,
    SourceGone,
    Rejected(Reject),
}

/// Every cache file in the directory.
pub fn entries(dir: &Path) -> std::io::Result<Vec<Entry>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)?.flatten() {
        let file = e.path();
        if file.extension().is_none_or(|x| x != "lcc") || !e.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
        let (source, state) = match read::map(&file) {
            Err(r) => (None, EntryState::Rejected(r)),
            Ok(mapped) => {
                let header = &mapped.header;
                let source = mapped.path_section().map(|b| {
                    use std::os::unix::ffi::OsStrExt;
                    PathBuf::from(std::ffi::OsStr::from_bytes(b))
                });
                let state = match source.as_deref().map(stat) {
                    Some(Ok(now)) if header.identity.same_stat(&now) => EntryState::Current,
                    Some(Ok(now))
                        if header.identity.size == now.size
                            && source
                                .as_deref()
                                .and_then(|s| hash_file(s).ok())
                                .is_some_and(|h| h == header.identity.hash) =>
                    {
                        EntryState::Current
                    }
                    Some(Ok(_)) => EntryState::Stale,
                    Some(Err(e)) if e.kind() == std::io::ErrorKind::InvalidInput => {
                        EntryState::Stale
                    }
                    _ => EntryState::SourceGone,
                };
                (source, state)
            }
        };
        out.push(Entry {
            file,
            bytes,
            source,
            state,
        });
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// Removes every cache file (and leftover temporary file); returns how many
/// files and bytes.
pub fn clear(dir: &Path) -> std::io::Result<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
        Err(e) => return Err(e),
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        // Only files: a directory someone named `x.lcc` is not ours.
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        if is_file && (name.ends_with(".lcc") || (name.starts_with('.') && name.ends_with(".tmp")))
        {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            std::fs::remove_file(e.path())?;
            files += 1;
            bytes += len;
        }
    }
    Ok((files, bytes))
}

#[cfg(test)]
mod tests;
