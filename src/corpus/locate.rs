//! Which corpus a run reads. The first of these places that has a file
//! wins:
//!
//! 1. `--data FILE` (or `validate FILE`);
//! 2. `$LEARNCITY_DATA` (empty counts as unset; naming a missing file is
//!    an error, never a silent fall-back);
//! 3. `$XDG_DATA_HOME/learncity/corpus.json` (by default
//!    `~/.local/share/learncity/corpus.json`): one user's corpus;
//! 4. `/usr/share/learncity/corpus.json`: the corpus an administrator
//!    installed for everyone on the machine;
//! 5. the corpus bundled in the binary.
//!
//! A file that is there but cannot be read, or is not a valid corpus, is an
//! error when it is loaded: the lookup never skips a place because its file
//! is broken, so what `--which` says is what is read.
//!
//! [`locate`] is pure (the environment and the file system come in as
//! functions), so the order is tested without touching either;
//! [`locate_here`] asks the real ones.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The corpus file's name in the data directories.
pub const FILE: &str = "corpus.json";
/// The system-wide data directory.
pub const SYSTEM_DIR: &str = "/usr/share/learncity";
/// The variable that names a corpus file.
pub const ENV: &str = "LEARNCITY_DATA";

/// A place a corpus can come from, in the order they are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `--data FILE`
    Flag,
    /// `$LEARNCITY_DATA`
    Env,
    /// `$XDG_DATA_HOME/learncity/corpus.json`
    User,
    /// `/usr/share/learncity/corpus.json`
    System,
    /// The corpus compiled into the binary.
    Bundled,
}

/// What the lookup found at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// `--data` not given, or `$LEARNCITY_DATA` unset.
    NotGiven,
    /// `$LEARNCITY_DATA` set to the empty string (which counts as unset).
    Empty,
    /// No file there.
    Missing,
    /// No user data directory (no home directory).
    NoDir,
    /// This place's corpus is the one used.
    Used,
    /// Not looked at: an earlier place is used.
    Skipped,
}

/// One place and what was found there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub place: Place,
    /// The file the place names, when it names one.
    pub path: Option<PathBuf>,
    pub seen: Seen,
}

/// The outcome of a lookup: every place, in order, one of them used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub steps: Vec<Step>,
    /// The user's data file as its owner knows it:
    /// `$XDG_DATA_HOME/learncity/corpus.json` when that variable decides
    /// it, else the path with the home directory written `~`.
    pub user_label: String,
}

impl Lookup {
    /// The step whose corpus is used.
    pub fn used(&self) -> &Step {
        self.steps
            .iter()
            .find(|s| s.seen == Seen::Used)
            .expect("a lookup always uses one place")
    }

    /// Where the corpus used comes from.
    pub fn place(&self) -> Place {
        self.used().place
    }

    /// The file to read; `None` for the bundled corpus.
    pub fn path(&self) -> Option<&Path> {
        self.used().path.as_deref()
    }
}

/// A lookup that cannot decide without guessing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocateError {
    /// `$LEARNCITY_DATA` names a file that is not there.
    EnvMissing(PathBuf),
}

/// Finds the corpus to read.
///
/// - `flag`: `--data FILE` (or `validate FILE`), used as given: a missing
///   file is reported when it is loaded, as it always was;
/// - `env`: the environment (`LEARNCITY_DATA`, and `XDG_DATA_HOME` and
///   `HOME` for how the user data file is named);
/// - `user_data_dir`: the user's data directory (`$XDG_DATA_HOME`, by
///   default `~/.local/share`), `None` without a home directory;
/// - `system_dir`: `/usr/share/learncity`;
/// - `exists`: whether there is something at a path (a file that is there
///   but unreadable counts as there).
pub fn locate(
    flag: Option<&Path>,
    env: &dyn Fn(&str) -> Option<OsString>,
    user_data_dir: Option<&Path>,
    system_dir: &Path,
    exists: &dyn Fn(&Path) -> bool,
) -> Result<Lookup, LocateError> {
    let user_file = user_data_dir.map(|d| d.join("learncity").join(FILE));
    let user_label = user_label(env, user_file.as_deref());
    let mut steps: Vec<Step> = Vec::with_capacity(5);
    // Once a place is used, the later ones are not looked at.
    let push = |steps: &mut Vec<Step>, place: Place, path: Option<PathBuf>, seen: Seen| {
        let decided = steps.iter().any(|s| s.seen == Seen::Used);
        let seen = if decided { Seen::Skipped } else { seen };
        steps.push(Step { place, path, seen });
    };
    let decided = |steps: &[Step]| steps.iter().any(|s| s.seen == Seen::Used);
    let file_at = |steps: &[Step], path: &Path| {
        if decided(steps) || exists(path) {
            Seen::Used
        } else {
            Seen::Missing
        }
    };

    let seen = if flag.is_some() {
        Seen::Used
    } else {
        Seen::NotGiven
    };
    push(&mut steps, Place::Flag, flag.map(Path::to_path_buf), seen);

    match env(ENV) {
        Some(value) if !value.is_empty() => {
            let path = PathBuf::from(value);
            if !decided(&steps) && !exists(&path) {
                return Err(LocateError::EnvMissing(path));
            }
            push(&mut steps, Place::Env, Some(path), Seen::Used);
        }
        Some(_) => push(&mut steps, Place::Env, None, Seen::Empty),
        None => push(&mut steps, Place::Env, None, Seen::NotGiven),
    }

    match user_file {
        Some(path) => {
            let seen = file_at(&steps, &path);
            push(&mut steps, Place::User, Some(path), seen);
        }
        None => push(&mut steps, Place::User, None, Seen::NoDir),
    }

    let system_file = system_dir.join(FILE);
    let seen = file_at(&steps, &system_file);
    push(&mut steps, Place::System, Some(system_file), seen);

    push(&mut steps, Place::Bundled, None, Seen::Used);
    Ok(Lookup { steps, user_label })
}

/// How the user's data file is named for people.
fn user_label(env: &dyn Fn(&str) -> Option<OsString>, file: Option<&Path>) -> String {
    let xdg = env("XDG_DATA_HOME").filter(|v| Path::new(v).is_absolute());
    if xdg.is_some() {
        return format!("$XDG_DATA_HOME/learncity/{FILE}");
    }
    let Some(file) = file else {
        return format!("~/.local/share/learncity/{FILE}");
    };
    let home = env("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    match home.as_deref().and_then(|h| file.strip_prefix(h).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => file.display().to_string(),
    }
}

/// [`locate`] with this process's environment and file system.
pub fn locate_here(flag: Option<&Path>) -> Result<Lookup, LocateError> {
    let env = |name: &str| std::env::var_os(name);
    let user = directories::BaseDirs::new().map(|b| b.data_dir().to_path_buf());
    locate(flag, &env, user.as_deref(), &system_dir(), &present)
}

/// `/usr/share/learncity`; in debug builds `LEARNCITY_TEST_SYSTEM_DATA`
/// replaces it, so the tests can put a system-wide corpus somewhere (or
/// make sure the machine's own is not read).
pub fn system_dir() -> PathBuf {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("LEARNCITY_TEST_SYSTEM_DATA").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    PathBuf::from(SYSTEM_DIR)
}

/// Whether anything is at `path`. Only "no such file" (or a parent that is
/// not a directory) counts as absent: a file that is there but cannot be
/// read, a dangling link, a directory in the way, are all "there", and
/// loading them then says what is wrong instead of falling back quietly.
pub fn present(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: &str = "/home/u";
    const USER_DIR: &str = "/home/u/.local/share";
    const USER_FILE: &str = "/home/u/.local/share/learncity/corpus.json";
    const SYSTEM_FILE: &str = "/usr/share/learncity/corpus.json";

    /// A lookup with these variables set and these files present.
    fn look(
        flag: Option<&str>,
        vars: &[(&str, &str)],
        files: &[&str],
    ) -> Result<Lookup, LocateError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let env = move |k: &str| {
            vars.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| OsString::from(v))
        };
        let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        let exists = move |p: &Path| files.iter().any(|f| f == p);
        locate(
            flag.map(Path::new),
            &env,
            Some(Path::new(USER_DIR)),
            Path::new(SYSTEM_DIR),
            &exists,
        )
    }

    fn used(flag: Option<&str>, vars: &[(&str, &str)], files: &[&str]) -> (Place, Option<String>) {
        let l = look(flag, vars, files).expect("a corpus");
        (l.place(), l.path().map(|p| p.display().to_string()))
    }

    #[test]
    fn the_first_place_with_a_file_wins() {
        let all = ["/e.json", USER_FILE, SYSTEM_FILE];
        let env = [("LEARNCITY_DATA", "/e.json"), ("HOME", HOME)];
        assert_eq!(
            used(Some("f.json"), &env, &all),
            (Place::Flag, Some("f.json".into()))
        );
        assert_eq!(used(None, &env, &all), (Place::Env, Some("/e.json".into())));
        assert_eq!(used(None, &[], &all), (Place::User, Some(USER_FILE.into())));
        assert_eq!(
            used(None, &[], &[SYSTEM_FILE]),
            (Place::System, Some(SYSTEM_FILE.into()))
        );
        assert_eq!(used(None, &[], &[]), (Place::Bundled, None));
    }

    #[test]
    fn every_place_is_listed_in_order_with_what_was_found() {
        let l = look(None, &[], &[SYSTEM_FILE]).unwrap();
        let seen: Vec<(Place, Seen)> = l.steps.iter().map(|s| (s.place, s.seen.clone())).collect();
        assert_eq!(
            seen,
            [
                (Place::Flag, Seen::NotGiven),
                (Place::Env, Seen::NotGiven),
                (Place::User, Seen::Missing),
                (Place::System, Seen::Used),
                (Place::Bundled, Seen::Skipped),
            ]
        );
        let l = look(Some("x.json"), &[], &[]).unwrap();
        assert!(l.steps[1..].iter().all(|s| s.seen == Seen::Skipped));
    }

    #[test]
    fn an_empty_variable_counts_as_unset() {
        let l = look(None, &[("LEARNCITY_DATA", "")], &[]).unwrap();
        assert_eq!(l.place(), Place::Bundled);
        assert_eq!(l.steps[1].seen, Seen::Empty);
    }

    #[test]
    fn a_variable_naming_a_missing_file_is_an_error() {
        assert_eq!(
            look(None, &[("LEARNCITY_DATA", "/gone.json")], &[USER_FILE]),
            Err(LocateError::EnvMissing("/gone.json".into()))
        );
        // --data decides before the variable is looked at.
        assert_eq!(
            used(Some("f.json"), &[("LEARNCITY_DATA", "/gone.json")], &[]).0,
            Place::Flag
        );
    }

    #[test]
    fn no_home_skips_the_user_file() {
        let env = |_: &str| None;
        let exists = |p: &Path| p == Path::new(SYSTEM_FILE);
        let l = locate(None, &env, None, Path::new(SYSTEM_DIR), &exists).unwrap();
        assert_eq!(l.steps[2].seen, Seen::NoDir);
        assert_eq!(l.place(), Place::System);
    }

    #[test]
    fn the_user_file_is_named_as_its_owner_knows_it() {
        let label = |vars: &[(&str, &str)]| look(None, vars, &[]).unwrap().user_label;
        assert_eq!(
            label(&[("XDG_DATA_HOME", "/data"), ("HOME", HOME)]),
            "$XDG_DATA_HOME/learncity/corpus.json"
        );
        // A relative XDG_DATA_HOME is ignored, as the XDG spec says.
        assert_eq!(
            label(&[("XDG_DATA_HOME", "data"), ("HOME", HOME)]),
            "~/.local/share/learncity/corpus.json"
        );
        assert_eq!(label(&[]), USER_FILE);
    }

    #[test]
    fn only_a_missing_file_is_absent() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("corpus.json");
        assert!(!present(&file));
        assert!(!present(&file.join("below-a-file")));
        std::fs::write(&file, "{}").unwrap();
        assert!(present(&file));
        assert!(!present(&file.join("below-a-file")));
        #[cfg(unix)]
        {
            let link = dir.path().join("dangling.json");
            std::os::unix::fs::symlink(dir.path().join("nothing"), &link).unwrap();
            assert!(present(&link), "a dangling link is an error to report");
        }
    }
}
