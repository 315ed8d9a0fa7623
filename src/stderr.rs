//! Lines for standard error that never become a panic.
//!
//! `eprintln!` panics when standard error cannot be written: a hung-up
//! terminal, `2>/dev/full`. A message that cannot be shown is lost
//! instead, and the exit status still says what happened.

use std::fmt::Display;
use std::io::Write;

/// Writes `text` and a line break to standard error, if it can.
pub fn line(text: impl Display) {
    let _ = writeln!(std::io::stderr(), "{text}");
}
