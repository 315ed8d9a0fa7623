//! The search line's state: what is typed, the results it gives, the
//! searches of this run (for ↑/↓), and where the reader was when the search
//! began, so that Esc can go back there.

use std::ops::Range;

use tui_input::Input;

use super::ui::layout::Pane;
use crate::facets::complete::{self, Completion};
use crate::facets::Values;
use crate::search::{Doc, Results};

/// Where the reader was: which pane had the keyboard, what the list had
/// selected and what the viewer showed (its scroll position is remembered
/// by the viewer itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub focus: Pane,
    pub selected: Option<Doc>,
    pub viewing: Option<Doc>,
}

/// The state just before `/` was pressed, for Esc in the search line.
#[derive(Debug, Clone)]
pub struct Before {
    pub query: String,
    pub results: Option<Results>,
    pub place: Place,
}

/// Earlier searches kept for ↑/↓ in one run.
const HISTORY: usize = crate::state::model::QUERIES;

/// Tab going through the completions of one facet word.
#[derive(Debug, Clone)]
pub struct Cycle {
    pub completion: Completion,
    pub index: usize,
    /// The bytes of the line the current completion fills.
    pub filled: Range<usize>,
}

#[derive(Debug, Default)]
pub struct SearchLine {
    /// True while typing in the line.
    pub active: bool,
    pub input: Input,
    /// Kept results: `Some` while the list shows hits.
    pub results: Option<Results>,
    /// The input changed since the last search (searching waits until the
    /// pending keys are all applied).
    pub dirty: bool,
    history: Vec<String>,
    /// How many of `history` came from the state file (the rest are new).
    loaded: usize,
    /// The history entry the line shows while ↑/↓ walk it.
    walk: Option<usize>,
    /// Where the reader was before any search: Esc in the results list
    /// goes back there.
    pub origin: Option<Place>,
    /// The state when `/` was last pressed: Esc while typing goes back there.
    pub before: Option<Before>,
    /// Tab's completions, while Tab is pressed again and again.
    pub cycle: Option<Cycle>,
    /// What Tab would complete at the cursor, shown under the line.
    pub suggestions: Option<Completion>,
}

impl SearchLine {
    pub fn query(&self) -> &str {
        self.input.value()
    }

    /// `/`: start typing. With results kept, the line keeps their query to
    /// refine; otherwise it starts empty and `place` becomes the origin.
    pub fn open(&mut self, place: Place) {
        if self.results.is_none() {
            self.input.reset();
            self.origin = Some(place.clone());
        }
        self.before = Some(Before {
            query: self.query().to_owned(),
            results: self.results.clone(),
            place,
        });
        self.walk = None;
        self.dirty = false;
        self.active = true;
    }

    pub fn set_text(&mut self, text: &str) {
        if text != self.query() {
            self.input = Input::new(text.to_owned());
            self.dirty = true;
            self.cycle = None;
        }
    }

    /// The cursor as a byte offset into the query.
    pub fn cursor_byte(&self) -> usize {
        let value = self.query();
        value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i)
    }

    /// Replaces bytes `range` of the line with `text`, the cursor after it.
    fn replace(&mut self, range: Range<usize>, text: &str) -> Range<usize> {
        let value = self.query();
        let new = format!("{}{text}{}", &value[..range.start], &value[range.end..]);
        let end = range.start + text.len();
        let cursor = new[..end].chars().count();
        self.input = Input::new(new).with_cursor(cursor);
        self.walk = None;
        self.dirty = true;
        range.start..end
    }

    /// Tab (`forward`) or Shift-Tab: completes the facet word at the
    /// cursor; pressed again, puts the next (previous) completion in its
    /// place. Returns a message when there is nothing to complete.
    pub fn complete(&mut self, values: &Values, forward: bool) -> Option<String> {
        if let Some(mut cy) = self.cycle.take() {
            let n = cy.completion.candidates.len();
            let still = self.query().get(cy.filled.clone())
                == Some(cy.completion.candidates[cy.index].insert.as_str());
            if still && n > 1 {
                cy.index = if forward {
                    (cy.index + 1) % n
                } else {
                    (cy.index + n - 1) % n
                };
                let text = cy.completion.candidates[cy.index].insert.clone();
                cy.filled = self.replace(cy.filled.clone(), &text);
                self.cycle = Some(cy);
                return None;
            }
        }
        let Some(c) = complete::at(self.query(), self.cursor_byte(), values)
            .filter(|c| !c.candidates.is_empty())
        else {
            return Some(crate::t!("reader-tab-completes"));
        };
        let n = c.candidates.len();
        let index = if forward { 0 } else { n - 1 };
        let filled = self.replace(c.range.clone(), &c.candidates[index].insert.clone());
        if n > 1 {
            self.cycle = Some(Cycle {
                completion: c,
                index,
                filled,
            });
        }
        None
    }

    /// What Tab would complete, after an edit or a move of the cursor.
    pub fn refresh_suggestions(&mut self, values: &Values) {
        self.suggestions = match &self.cycle {
            Some(cy) => Some(cy.completion.clone()),
            // Only inside a word: an empty line shows the keys instead.
            None if self.active => complete::at(self.query(), self.cursor_byte(), values)
                .filter(|c| !c.candidates.is_empty() && (c.facet.is_some() || !c.range.is_empty())),
            None => None,
        };
    }

    /// Adds text at the cursor (a paste, or several typed letters at once).
    pub fn insert(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.input = inserted(&self.input, text);
        self.walk = None;
        self.dirty = true;
        self.cycle = None;
    }

    /// An edit was applied by tui-input; `changed` if the text changed.
    pub fn edited(&mut self, changed: bool) {
        if changed {
            self.walk = None;
            self.dirty = true;
            self.cycle = None;
        }
    }

    /// Whether ↑/↓ walk the history now: on an empty line, or while the
    /// line shows an entry of it.
    pub fn walking(&self) -> bool {
        self.query().is_empty() || self.walk.is_some()
    }

    /// ↑ (`back`) or ↓ through the earlier searches of this run. Past the
    /// newest, the line is empty again.
    pub fn walk_history(&mut self, back: bool) {
        let n = self.history.len();
        if n == 0 {
            return;
        }
        let next = match (self.walk, back) {
            (None, true) => Some(n - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) => (i + 1 < n).then_some(i + 1),
        };
        let text = next.map_or(String::new(), |i| self.history[i].clone());
        self.set_text(&text);
        self.input = Input::new(text);
        self.walk = next;
    }

    /// Leaves the line, remembering a non-empty query for ↑.
    pub fn close(&mut self) {
        self.active = false;
        self.walk = None;
        self.cycle = None;
        self.suggestions = None;
        let q = self.query().trim().to_owned();
        if !q.is_empty() && self.history.last() != Some(&q) {
            self.history.push(q);
            if self.history.len() > HISTORY {
                self.history.remove(0);
                self.loaded = self.loaded.saturating_sub(1);
            }
        }
    }

    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// The searches of earlier sessions (oldest first), to walk with ↑.
    /// Not while ↑/↓ are walking: the line would change under the user.
    pub fn restore_history(&mut self, queries: Vec<String>) {
        if self.walk.is_none() {
            self.loaded = queries.len();
            self.history = queries;
        }
    }

    /// The searches since the history was last restored.
    pub fn new_queries(&self) -> &[String] {
        &self.history[self.loaded.min(self.history.len())..]
    }
}

/// `input` with `text` at its cursor and the cursor after it: one copy of
/// the line, where tui-input's `InsertChar` finds the cursor's byte from
/// the start of the line for every letter (a paste of n letters would cost
/// n² steps).
pub fn inserted(input: &Input, text: &str) -> Input {
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    let mut new = String::with_capacity(value.len() + text.len());
    new.push_str(&value[..at]);
    new.push_str(text);
    new.push_str(&value[at..]);
    let cursor = input.cursor() + text.chars().count();
    Input::new(new).with_cursor(cursor)
}

/// A paste into the search line: its first line only (a pasted Enter must
/// not run anything), without control characters.
pub fn paste_text(text: &str) -> String {
    let first = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    crate::text::sanitize::sanitize_line(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place {
            focus: Pane::Viewer,
            selected: None,
            viewing: None,
        }
    }

    #[test]
    fn a_paste_gives_its_first_line_without_controls() {
        assert_eq!(paste_text("Balıkesir\rqj"), "Balıkesir");
        assert_eq!(paste_text("Balıkesir\nqj\n"), "Balıkesir");
        assert_eq!(paste_text("\n\n  ankara\tbelmek \n"), "ankara belmek");
        assert_eq!(paste_text("a\u{1b}[2Jb"), "ab");
    }

    #[test]
    fn up_and_down_walk_the_searches_of_this_run() {
        let mut s = SearchLine::default();
        for q in ["belmek", "kadin", "kadin"] {
            s.open(place());
            s.set_text(q);
            s.close();
            s.results = None;
        }
        assert_eq!(s.history(), ["belmek", "kadin"]);
        s.open(place());
        assert!(s.walking());
        s.walk_history(true);
        assert_eq!(s.query(), "kadin");
        s.walk_history(true);
        assert_eq!(s.query(), "belmek");
        s.walk_history(true);
        assert_eq!(s.query(), "belmek", "stays at the oldest");
        s.walk_history(false);
        s.walk_history(false);
        assert_eq!(s.query(), "", "past the newest: empty again");
        s.insert("x");
        assert!(!s.walking(), "typed text: arrows move in the results");
    }

    #[test]
    fn tab_completes_then_goes_through_the_completions() {
        let values = Values::new(&crate::corpus::bundled());
        let mut s = SearchLine::default();
        s.insert("bursa reg");
        assert_eq!(s.complete(&values, true), None);
        assert_eq!(s.query(), "bursa region:");
        s.complete(&values, true);
        assert_eq!(s.query(), "bursa region:Africa");
        s.complete(&values, true);
        assert_eq!(s.query(), "bursa region:\"Arab States\"");
        s.complete(&values, false);
        s.complete(&values, false);
        assert!(
            s.query().ends_with("\"Latin America and the Caribbean\""),
            "wraps back"
        );
        assert_eq!(s.cursor_byte(), s.query().len());
        s.insert(" x");
        assert!(s.cycle.is_none(), "typing ends the cycle");
        assert!(
            s.complete(&values, true).is_some(),
            "nothing to complete in a word"
        );
    }

    #[test]
    fn inserting_goes_to_the_cursor() {
        let mut s = SearchLine::default();
        s.insert("öğren");
        s.insert(" şehir");
        assert_eq!(s.query(), "öğren şehir");
        assert_eq!(s.input.cursor(), 11);
    }
}
