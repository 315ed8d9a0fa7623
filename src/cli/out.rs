//! How plain output looks: the width to fit, and whether to style text.
//!
//! No escape sequence is written unless stdout is a terminal. Styling uses
//! attributes only (bold, underline, faint), never a colour number, so it
//! reads the same on dark and light themes and on 16-colour terminals;
//! under `NO_COLOR` or `TERM=dumb` only bold and underline remain.

use std::io::{IsTerminal, Write};

use super::Failure;
use crate::text::wrap::{is_url, wrap_hanging};
pub use crate::text::wrap::{pad, truncate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// Not a terminal: plain text.
    None,
    /// A terminal with `NO_COLOR` or `TERM=dumb`: bold and underline only.
    Mono,
    /// Any other terminal.
    Full,
}

#[derive(Debug, Clone, Copy)]
pub struct Out {
    /// Every line fits this many columns (URLs and ids excepted: they are
    /// never cut, so a URL wider than the screen is on a line of its own).
    pub width: usize,
    pub styling: Styling,
    /// stdout is a terminal.
    pub tty: bool,
    /// `width` is the terminal's or COLUMNS', not the default of 80.
    pub width_given: bool,
    /// Long output may go through a pager (off with `--no-pager`).
    pub page: bool,
    /// Web addresses are written as OSC 8 links: on a terminal only (one
    /// that takes them, and not with LEARNCITY_HYPERLINKS=0).
    pub links: bool,
}

/// Narrowest width output is laid out for.
pub const MIN_WIDTH: usize = 20;
const MAX_WIDTH: usize = 1000;

/// `NO_COLOR` counts when set to anything but the empty string (no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// A terminal that takes no colour at all.
pub fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|t| t == "dumb")
}

/// `COLUMNS` when it is a width, as shells and `ls` read it.
fn columns_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|&w| w > 0)
}

impl Out {
    pub fn detect() -> Self {
        let tty = std::io::stdout().is_terminal();
        // On a terminal its width; piped, COLUMNS, or 80 as most tools do.
        let given = if tty {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| w as usize)
                .filter(|&w| w > 0)
                .or_else(columns_env)
        } else {
            columns_env()
        };
        let styling = match (tty, no_color() || dumb_terminal()) {
            (false, _) => Styling::None,
            (true, true) => Styling::Mono,
            (true, false) => Styling::Full,
        };
        let links = tty
            && crate::tui::links::wanted(
                std::env::var("TERM").ok().as_deref(),
                std::env::var("LEARNCITY_HYPERLINKS").ok().as_deref(),
            );
        Out {
            width: given.unwrap_or(80).clamp(MIN_WIDTH, MAX_WIDTH),
            styling,
            tty,
            width_given: given.is_some(),
            page: true,
            links,
        }
    }

    pub fn plain(width: usize) -> Self {
        Out {
            width,
            styling: Styling::None,
            tty: false,
            width_given: true,
            page: false,
            links: false,
        }
    }

    fn sgr(&self, s: &str, on: &str, off: &str) -> String {
        if self.styling == Styling::None || s.is_empty() {
            s.to_owned()
        } else {
            format!("\x1b[{on}m{s}\x1b[{off}m")
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.sgr(s, "1", "22")
    }

    /// Less important text: faint, which terminals derive from the text
    /// colour of the theme; plain without colour.
    pub fn dim(&self, s: &str) -> String {
        match self.styling {
            Styling::Full => self.sgr(s, "2", "22"),
            _ => s.to_owned(),
        }
    }

    /// A search match: bold and underlined.
    pub fn mark(&self, s: &str) -> String {
        self.sgr(s, "1;4", "22;24")
    }

    /// `text` with the byte `ranges` marked.
    pub fn marked(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
        self.marked_with(text, ranges, str::to_owned)
    }

    /// `text` in bold with the byte `ranges` marked.
    pub fn bold_marked(&self, text: &str, ranges: &[std::ops::Range<usize>]) -> String {
        // Underline on and off inside the bold run: the bold stays.
        self.bold(&self.marked_with(text, ranges, str::to_owned))
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
            out.push_str(&self.sgr(&text[r.clone()], "4", "24"));
            at = r.end;
        }
        if at < text.len() {
            out.push_str(&plain(&text[at..]));
        }
        out
    }

    /// `text` wrapped to the width, each line after `indent` spaces.
    pub fn wrapped(&self, text: &str, indent: usize) -> String {
        self.hanging(text, indent, indent)
    }

    /// `text` wrapped to the width: the first line after `first` spaces,
    /// the others after `rest` (a hanging indent keeps a column's text
    /// under its column).
    pub fn hanging(&self, text: &str, first: usize, rest: usize) -> String {
        let mut out = String::new();
        for (n, line) in self.lines(text, first, rest).into_iter().enumerate() {
            let indent = if n == 0 { first } else { rest };
            out.push_str(&" ".repeat(indent));
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// A verdict a script may read (`FILE: valid corpus …`): wrapped as
    /// `hanging` when the width is known, on one line when it is only the
    /// default of piped output.
    pub fn status(&self, text: &str) -> String {
        if self.width_given {
            self.hanging(text, 0, 2)
        } else {
            format!("{text}\n")
        }
    }

    /// The lines of `text` wrapped for a first indent and a hanging indent.
    pub fn lines(&self, text: &str, first: usize, rest: usize) -> Vec<String> {
        let room = |indent: usize| self.width.saturating_sub(indent).max(1);
        wrap_hanging(text, room(first), room(rest))
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    /// A URL on a line of its own: whole, never cut or wrapped (copying
    /// it must give the address).
    pub fn url_line(&self, url: &str, indent: usize) -> String {
        debug_assert!(is_url(url) || !url.contains(' '));
        let shown = if self.links {
            crate::tui::links::wrap_url(url)
        } else {
            url.to_owned()
        };
        format!("{}{}\n", " ".repeat(indent), self.dim(&shown))
    }
}

/// Set by the binary when file descriptor 1 was closed when the program
/// started (`learncity list >&-`). Rust's runtime then opens /dev/null on
/// it, so output would vanish and the command "succeed" having printed
/// nothing; it must fail instead.
pub static STDOUT_WAS_CLOSED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// A failure if stdout was closed when the program started: what it
/// prints would go nowhere, and a script would take silence for success.
pub fn stdout_open() -> Result<(), Failure> {
    if STDOUT_WAS_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Failure::Usage(crate::t!("cli-stdout-closed")));
    }
    Ok(())
}

/// Writes to stdout. A closed pipe (`learncity list | head -1`) is not an
/// error; a closed or failing stdout is (exit 2 with a message), so a
/// script never takes "printed nothing" for success.
pub fn write_stdout(s: &str) -> Result<(), Failure> {
    stdout_open()?;
    // What was read from a damaged cache file may be missing: nothing is
    // printed, and the command runs again from the corpus file.
    if crate::cache::damaged() {
        return Err(Failure::CacheDamaged);
    }
    let tty = std::io::stdout().is_terminal();
    // On a terminal, emoji sequences as their parts (see text::display);
    // piped, the text as the corpus has it.
    let s = if tty {
        crate::text::display::for_terminal(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Usage(crate::t!(
            "cli-cannot-write",
            reason = crate::corpus::io_reason(&e)
        ))),
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
        let mono = Out {
            styling: Styling::Mono,
            ..Out::plain(80)
        };
        assert!(mono.marked("abc def", &[4..7]).contains('\u{1b}'));
        assert_eq!(mono.dim("x"), "x");
    }

    #[test]
    fn styles_are_attributes_never_colour_numbers() {
        let full = Out {
            styling: Styling::Full,
            ..Out::plain(80)
        };
        let s = format!(
            "{}{}{}",
            full.bold("a"),
            full.dim("b"),
            full.bold_marked("abc", &[1..2])
        );
        assert!(s.contains("\x1b[1m") && s.contains("\x1b[4m"), "{s:?}");
        for colour in ["38;", "48;", "[3", "[9"] {
            assert!(!s.contains(colour), "{colour} in {s:?}");
        }
    }

    #[test]
    fn hanging_indent_keeps_text_under_its_column() {
        let out = Out::plain(30);
        let text = "55 new cities from 27 countries and more words to wrap";
        let s = out.hanging(text, 2, 12);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines.len() > 1);
        assert!(
            lines[1..].iter().all(|l| l.starts_with(&" ".repeat(12))),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| crate::text::wrap::str_width(l) <= 30),
            "{lines:?}"
        );
    }
}
