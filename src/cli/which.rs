//! `learncity --which`: which corpus a run reads, and why; and the one
//! lookup every command and the reader go through
//! (`corpus::locate`).

use std::path::{Path, PathBuf};

use super::Failure;
use crate::corpus::locate::{self, LocateError, Lookup, Place, Seen};
use crate::t;

/// The corpus to read: `--data` (or `validate FILE`), `$LEARNCITY_DATA`,
/// the user's data file, the system's, or the bundled one.
pub fn lookup(data: Option<&PathBuf>) -> Result<Lookup, Failure> {
    locate::locate_here(data.map(PathBuf::as_path)).map_err(|e| Failure::Usage(error(&e)))
}

fn error(e: &LocateError) -> String {
    match e {
        LocateError::EnvMissing(path) => t!("which-error-env-missing", path = shown(path)),
    }
}

fn shown(path: &Path) -> String {
    crate::corpus::display_name(path)
}

/// What `--which` prints: the corpus used and why, then every place in
/// the order they are looked at. Paths are shown with their control
/// characters escaped (`corpus::display_name`).
pub fn text(lookup: &Lookup) -> String {
    let used = lookup.used();
    let path = || used.path.as_deref().map(shown).unwrap_or_default();
    let mut s = match used.place {
        Place::Flag => t!("which-from-flag", path = path()),
        Place::Env => t!("which-from-env", path = path()),
        Place::User => t!(
            "which-from-user",
            path = path(),
            place = lookup.user_label.as_str()
        ),
        Place::System => t!("which-from-system", path = path()),
        Place::Bundled => {
            let reasons: Vec<String> = lookup
                .steps
                .iter()
                .filter_map(|step| match (step.place, &step.seen) {
                    (Place::Flag, _) => Some(t!("which-why-no-flag")),
                    (Place::Env, _) => Some(t!("which-why-env-unset")),
                    (_, Seen::NoDir) => Some(t!("which-why-no-home")),
                    (_, Seen::Missing) => step
                        .path
                        .as_deref()
                        .map(|p| t!("which-why-no-file", path = shown(p))),
                    _ => None,
                })
                .collect();
            t!("which-bundled", reasons = reasons.join(", "))
        }
    };
    s.push('\n');
    s.push_str(&t!("which-heading"));
    s.push('\n');
    for (n, step) in lookup.steps.iter().enumerate() {
        let place = match step.place {
            Place::Flag => t!("which-place-flag"),
            Place::Env => t!("which-place-env"),
            Place::User => match &step.path {
                Some(p) => t!(
                    "which-place-user",
                    path = shown(p),
                    place = lookup.user_label.as_str()
                ),
                None => lookup.user_label.clone(),
            },
            Place::System => t!(
                "which-place-system",
                path = step.path.as_deref().map(shown).unwrap_or_default()
            ),
            Place::Bundled => t!("which-place-bundled"),
        };
        let named = || step.path.as_deref().map(shown).unwrap_or_default();
        let seen = match (&step.seen, step.place) {
            (Seen::NotGiven, Place::Env) => t!("which-seen-unset"),
            (Seen::NotGiven, _) => t!("which-seen-not-given"),
            (Seen::Empty, _) => t!("which-seen-empty"),
            (Seen::Missing, _) => t!("which-seen-missing"),
            (Seen::NoDir, _) => t!("which-seen-no-home"),
            (Seen::Used, Place::Flag | Place::Env) => t!("which-seen-used-file", path = named()),
            (Seen::Used, _) => t!("which-seen-used"),
            (Seen::Skipped, _) => t!("which-seen-skipped"),
        };
        s.push_str(&t!("which-step", n = n + 1, place = place, seen = seen));
        s.push('\n');
    }
    s
}

/// `learncity --which`.
pub fn run(data: Option<&PathBuf>) -> Result<(), Failure> {
    super::out::write_stdout(&text(&lookup(data)?))
}
