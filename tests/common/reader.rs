//! Starting and stopping the reader in a pty the way most end-to-end tests
//! do: at 160×45, its first screen drawn and settled; `q`, and a clean exit.

use super::pty::{Session, QUIET, TIMEOUT};
use super::screen::{must, wide_ready};

pub const W: u16 = 160;
pub const H: u16 = 45;

/// The reader at 160×45 with `args` and `env`, once its first screen is
/// complete and the output has stopped.
pub fn start_wide(args: &[&str], env: &[(&str, &str)]) -> Session {
    let s = Session::spawn(args, W, H, env);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    s
}

/// `q`, and the reader exits with status 0.
pub fn quit(s: &mut Session) {
    s.send("q");
    let status = s.wait_exit(TIMEOUT).expect("q quits");
    assert!(status.success(), "{status:?}");
}

/// Where `needle` first occurs in the bytes the terminal received.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
