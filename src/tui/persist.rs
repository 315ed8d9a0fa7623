//! When the reader's state is read and written: read once at start; written
//! a few seconds after the last change (never on every key), on quit, and
//! on a hang-up or SIGTERM within a bound. A failure to write is said once
//! and the reader goes on.

use std::time::{Duration, Instant};

use super::app::App;
use super::keys::Action;
use crate::corpus::io_reason;
use crate::corpus::Corpus;
use crate::state::{self, Saved, Store};

/// Quiet time after a change before it is saved.
pub const SAVE_AFTER: Duration = Duration::from_secs(3);
/// `SAVE_AFTER`, or in debug builds `LEARNCITY_TEST_SAVE_AFTER_MS`, so the
/// end-to-end tests need not wait seconds for a save. Read once, at start.
fn save_after() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("LEARNCITY_TEST_SAVE_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    SAVE_AFTER
}

/// Changes are saved at the latest this long after the first of them, even
/// while keys keep coming.
const SAVE_WITHIN: Duration = Duration::from_secs(15);
/// How long a save waits for another reader's save (the file lock).
pub const ON_QUIT: Duration = Duration::from_secs(2);
/// The same on a hang-up or SIGTERM: the signal thread gives the whole
/// exit 200 ms (`terminal::end_grace`), so the wait for the lock must end
/// sooner, leaving time to write.
pub fn on_signal() -> Duration {
    super::terminal::end_grace() * 3 / 5
}

pub struct Persist {
    store: Option<Store>,
    /// The quiet time before a save (`save_after`).
    after: Duration,
    /// A failure was said: later ones are not.
    told: bool,
    first_change: Option<Instant>,
    due: Option<Instant>,
}

/// What starting found: the state to restore, and a line to show once.
pub struct Opened {
    pub persist: Persist,
    pub saved: Option<Saved>,
    pub notice: Option<String>,
}

impl Persist {
    /// Nothing read, nothing written.
    pub fn off() -> Self {
        Persist {
            store: None,
            after: SAVE_AFTER,
            told: true,
            first_change: None,
            due: None,
        }
    }

    /// The state of `corpus`, when `enabled` (not `--no-state` or
    /// `LEARNCITY_STATE=off`).
    pub fn open(corpus: &Corpus, enabled: bool) -> Opened {
        if !enabled {
            return Opened {
                persist: Persist::off(),
                saved: None,
                notice: None,
            };
        }
        let root = match state::root() {
            Ok(r) => r,
            Err(why) => {
                return Opened {
                    persist: Persist::off(),
                    saved: None,
                    notice: Some(crate::t!("reader-not-saving", why = why)),
                }
            }
        };
        let store = Store::new(root.join(state::corpus_key(corpus)));
        let loaded = store.load();
        Opened {
            persist: Persist {
                store: Some(store),
                after: save_after(),
                told: loaded.unusable,
                first_change: None,
                due: None,
            },
            saved: Some(loaded.saved),
            notice: loaded.notice,
        }
    }

    /// Something changed: save once things are quiet.
    pub fn changed(&mut self, now: Instant) {
        if self.store.is_none() {
            return;
        }
        let first = *self.first_change.get_or_insert(now);
        self.due = Some((now + self.after).min(first + SAVE_WITHIN));
    }

    /// When the event loop should wake up to save, if it should.
    pub fn due(&self) -> Option<Instant> {
        self.due
    }

    /// Saves what changed, if anything did; tells the reader the merged
    /// state (another reader's marks), or, once, why nothing was saved.
    /// True when the screen may have changed: another reader's marks came
    /// in, or the reader was told something.
    pub fn save(&mut self, app: &mut App, wait: Duration) -> bool {
        self.due = None;
        self.first_change = None;
        let Some(store) = &self.store else {
            return false;
        };
        let mine = app.snapshot(crate::clock::now_ms());
        if mine == app.marks.baseline {
            return false;
        }
        match store.save(&mine, wait) {
            Ok(merged) => {
                // Only another reader's marks change what is on screen.
                let theirs = merged != mine;
                app.update(Action::Saved(Box::new(merged)));
                return theirs;
            }
            // Another reader is saving: try again later.
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                self.changed(Instant::now());
                return false;
            }
            Err(e) if !self.told => {
                self.told = true;
                let why = format!("{} ({})", io_reason(&e), store.dir.display());
                app.update(Action::Notice(crate::t!("reader-not-saving", why = why)));
            }
            Err(_) => return false,
        }
        true
    }
}
