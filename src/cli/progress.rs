//! A progress line on stderr for slow steps (loading or indexing a large
//! corpus): nothing for a step that ends within a quarter of a second, then
//! the step and its elapsed time, updated a few times a second and erased
//! when the step ends. Only on a terminal; scripts see nothing.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::text::wrap::{str_width, truncate};

/// Quiet this long first, so quick steps print nothing.
const DELAY: Duration = Duration::from_millis(250);
const TICK: Duration = Duration::from_millis(200);

pub struct Progress {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Shows `label` while the returned value lives (see [`Progress::finish`]).
    pub fn start(label: String) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress {
                stop: None,
                thread: None,
            };
        }
        let (tx, rx) = mpsc::channel::<()>();
        // The seconds in the language of the thread that asked for them.
        let lang = crate::i18n::current();
        let thread = std::thread::spawn(move || {
            crate::i18n::with(lang, || {
                let started = Instant::now();
                let mut wait = DELAY;
                let mut shown = false;
                loop {
                    match rx.recv_timeout(wait) {
                        Err(RecvTimeoutError::Timeout) => {
                            let secs = started.elapsed().as_secs_f32();
                            let time =
                                crate::t!("seconds", s = crate::i18n::fixed(f64::from(secs), 1));
                            // Cut to the terminal's width: a line that wraps
                            // cannot be rewritten in place (`\r` goes back to
                            // its last row only), and each tick would leave
                            // a row behind. Erased before it is rewritten.
                            let width =
                                crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
                            let mut err = std::io::stderr().lock();
                            let _ = err.write_all(line(&label, &time, width).as_bytes());
                            let _ = err.flush();
                            shown = true;
                            wait = TICK;
                        }
                        // Finished (or the sender is gone): erase the line.
                        _ => {
                            if shown {
                                let mut err = std::io::stderr().lock();
                                let _ = write!(err, "\r\x1b[K");
                                let _ = err.flush();
                            }
                            return;
                        }
                    }
                }
            })
        });
        Progress {
            stop: Some(tx),
            thread: Some(thread),
        }
    }

    /// Ends the step and erases its line.
    pub fn finish(mut self) {
        self.end();
    }

    fn end(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The progress line that replaces the one before it: `label` cut so that
/// the line, with `time`, fits in `width` columns without wrapping.
fn line(label: &str, time: &str, width: usize) -> String {
    let room = width.saturating_sub(str_width(time) + 2).max(1);
    format!("\r\x1b[K{} {time}", truncate(label, room))
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line wider than the terminal wrapped, and `\r` went back to its
    /// last row only: each tick left a row behind.
    #[test]
    fn the_line_fits_the_width_and_erases_the_one_before() {
        let label = format!("Loading {}", "çok-uzun-bir-dosya-adı/".repeat(20));
        for width in [1, 10, 24, 40, 80, 200] {
            let l = line(&label, "1.2 s", width);
            assert!(l.starts_with("\r\x1b[K"), "{l:?}");
            let shown = &l["\r\x1b[K".len()..];
            assert!(!shown.contains(['\n', '\r']), "{l:?}");
            assert!(shown.ends_with(" 1.2 s"), "{l:?}");
            assert!(
                str_width(shown) <= width.max(str_width(" 1.2 s") + 1),
                "{width}: {} columns: {shown:?}",
                str_width(shown)
            );
        }
        assert_eq!(line("Loading x", "0.3 s", 80), "\r\x1b[KLoading x 0.3 s");
    }
}
