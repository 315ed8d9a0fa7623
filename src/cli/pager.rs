//! Long output on a terminal goes through a pager, as git does: `$PAGER`,
//! or `less -R` when it is not set. Piped output, `--no-pager`, an empty
//! `$PAGER` or `cat`, and output that fits the screen are printed directly.

use std::io::Write;
use std::process::{Command, Stdio};

use super::out::{write_stdout, Out};
use super::Failure;

/// Prints `text`, through the pager when it is longer than the screen.
pub fn emit(text: &str, out: &Out) -> Result<(), Failure> {
    if crate::cache::damaged() {
        return Err(Failure::CacheDamaged);
    }
    match pager_command(out, text) {
        Some(cmd) if run_pager(&cmd, text) => Ok(()),
        _ => write_stdout(text),
    }
}

/// The pager to use for `text`, if any.
fn pager_command(out: &Out, text: &str) -> Option<String> {
    if !out.tty || !out.page {
        return None;
    }
    let rows = crossterm::terminal::size().map_or(24, |(_, h)| h as usize);
    if text.lines().count() < rows {
        return None;
    }
    let cmd = match std::env::var("PAGER") {
        Ok(p) => p,
        Err(_) => "less -R".to_owned(),
    };
    let trimmed = cmd.trim();
    (!trimmed.is_empty() && trimmed != "cat").then(|| trimmed.to_owned())
}

/// Runs the pager with `text` on its input; false if it could not start
/// (the text is then printed directly). The reader quitting the pager
/// early is not an error.
fn run_pager(cmd: &str, text: &str) -> bool {
    let mut command = Command::new("sh");
    command.arg("-c").arg(cmd).stdin(Stdio::piped());
    // less without -R shows escape codes as text; LESS=R is what git sets.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(crate::text::display::for_terminal(text).as_bytes());
    }
    match child.wait() {
        // 127: the shell could not find the pager.
        Ok(status) => status.code() != Some(127),
        Err(_) => false,
    }
}
