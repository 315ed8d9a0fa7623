//! `/` in the viewer, as in newsboat and less: find words in the open text
//! only. The top line becomes "Find in text:"; what is typed is marked as
//! it is typed; Enter goes to the first match from the top of the screen
//! and leaves the pattern for n/N; Esc puts back the place from before and
//! also leaves what was typed for n/N, as the corpus search's Esc does.

use tui_input::Input;

use crate::search::Pattern;

#[derive(Debug, Default)]
pub struct FindLine {
    /// True while typing in the line.
    pub active: bool,
    pub input: Input,
    /// The viewer's pattern, scroll position and current match before `/`.
    pub before: Option<(Pattern, usize, Option<usize>)>,
}

impl FindLine {
    pub fn query(&self) -> &str {
        self.input.value()
    }

    /// Starts typing, remembering what Esc restores.
    pub fn open(&mut self, pattern: Pattern, scroll: usize, current: Option<usize>) {
        self.active = true;
        self.input.reset();
        self.before = Some((pattern, scroll, current));
    }

    /// Inserts pasted text at the cursor: its first line only.
    pub fn insert(&mut self, text: &str) {
        self.type_text(&super::search_line::paste_text(text));
    }

    /// Inserts typed letters at the cursor, as they are.
    pub fn type_text(&mut self, text: &str) {
        self.input = super::search_line::inserted(&self.input, text);
    }

    /// Stops typing; returns what Esc restores.
    pub fn close(&mut self) -> Option<(Pattern, usize, Option<usize>)> {
        self.active = false;
        self.before.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_inserts_its_first_line() {
        let mut f = FindLine::default();
        f.open(Pattern::default(), 0, None);
        f.insert("\n  belmek kadın\rq");
        assert_eq!(f.query(), "belmek kadın");
        assert!(f.close().is_some());
        assert!(!f.active && f.close().is_none());
    }

    #[test]
    fn a_paste_goes_where_its_letters_typed_one_by_one_would() {
        let mut typed = Input::new("şehir kadın".into()).with_cursor(6);
        for c in "öğ ren".chars() {
            typed.handle(tui_input::InputRequest::InsertChar(c));
        }
        let mut f = FindLine {
            input: Input::new("şehir kadın".into()).with_cursor(6),
            ..FindLine::default()
        };
        f.insert("öğ ren");
        assert_eq!(f.query(), typed.value());
        assert_eq!(f.input.cursor(), typed.cursor());
    }
}
