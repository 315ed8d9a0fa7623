//! How plain output looks: the width to wrap to, and whether to style text.
//! No escape sequence is written unless stdout is a terminal, and only bold
//! and underline (no colour) when `NO_COLOR` is set.

use std::io::{IsTerminal, Write};

use crossterm::style::Stylize;

use super::Failure;
use crate::text::wrap::wrap;
pub use crate::text::wrap::{pad, truncate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// Not a terminal: plain text.
    None,
    /// A terminal with `NO_COLOR`: bold and underline only.
    Mono,
    Colour,
}

#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub width: usize,
    pub styling: Styling,
}

/// `NO_COLOR` counts when set to anything but the empty string (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Out {
    pub fn detect() -> Self {
        let tty = std::io::stdout().is_terminal();
        let width = if tty {
            crossterm::terminal::size()
                .map_or(80, |(w, _)| w as usize)
                .max(20)
        } else {
            80
        };
        let styling = match (tty, no_color()) {
            (false, _) => Styling::None,
            (true, true) => Styling::Mono,
            (true, false) => Styling::Colour,
        };
        Out { width, styling }
    }

    pub fn plain(width: usize) -> Self {
        Out {
            width,
            styling: Styling::None,
        }
    }

    pub fn bold(&self, s: &str) -> String {
        match self.styling {
            Styling::None => s.to_owned(),
            _ => s.bold().to_string(),
        }
    }

    pub fn dim(&self, s: &str) -> String {
        match self.styling {
            Styling::Colour => s.dark_grey().to_string(),
            _ => s.to_owned(),
        }
    }

    /// A search match: underlined, and yellow where colour is allowed.
    pub fn mark(&self, s: &str) -> String {
        match self.styling {
            Styling::None => s.to_owned(),
            Styling::Mono => s.bold().underlined().to_string(),
            Styling::Colour => s.bold().yellow().to_string(),
        }
    }

    /// `text` in bold with the byte `ranges` marked: each piece is styled
    /// on its own, since a mark's reset would end an enclosing bold.
    pub fn bold_marked(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
        self.marked_with(text, ranges, |s| self.bold(s))
    }

    /// `text` with the byte `ranges` marked.
    pub fn marked(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
        self.marked_with(text, ranges, str::to_owned)
    }

    fn marked_with(
        &self,
        text: &str,
        ranges: &[std::ops::Range<usize>],
        plain: impl Fn(&str) -> String,
    ) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in ranges {
            if r.start < at || r.end > text.len() {
                continue;
            }
            if at < r.start {
                out.push_str(&plain(&text[at..r.start]));
            }
            out.push_str(&self.mark(&text[r.clone()]));
            at = r.end;
        }
        if at < text.len() {
            out.push_str(&plain(&text[at..]));
        }
        out
    }

    /// `text` wrapped to the output width, each line after `indent` spaces.
    pub fn wrapped(&self, text: &str, indent: usize) -> String {
        let width = self.width.saturating_sub(indent).max(10);
        let pad = " ".repeat(indent);
        let mut out = String::new();
        for line in wrap(text, width) {
            out.push_str(&pad);
            out.push_str(&text[line]);
            out.push('\n');
        }
        out
    }
}

/// Writes to stdout; a closed pipe (`learncity list | head -1`) is not an error.
pub fn write_stdout(s: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Usage(format!("cannot write output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_output_has_no_escapes() {
        let out = Out::plain(80);
        assert_eq!(out.bold("x"), "x");
        assert_eq!(out.marked("abc def", &[4..7]), "abc def");
        let colour = Out {
            width: 80,
            styling: Styling::Mono,
        };
        assert!(colour.marked("abc def", &[4..7]).contains('\u{1b}'));
    }
}
