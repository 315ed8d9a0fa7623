//! The viewer's state: the open document wrapped to the pane, where it is
//! scrolled to (remembered per document for the life of the process), the
//! last search pattern and its matches, a traced figure's sentence, and
//! whether a report's summary or its text comes first.

use std::collections::HashMap;

use super::document::{Document, Order, PieceStyle, Spot};
use crate::corpus::Corpus;
use crate::search::{Doc, Pattern};
use crate::stats::{article_stats, reading_minutes, ArticleStats};
use crate::t;

/// How many frequent words the statistics list for the open report.
pub const TOP_WORDS: usize = 8;

#[derive(Debug, Default)]
pub struct Viewer {
    pub document: Option<Document>,
    /// The first line on screen.
    pub scroll: usize,
    /// The text area: wrap width and lines shown.
    pub width: usize,
    pub height: usize,
    /// Where each document was left: its top line as (piece, byte), which
    /// survives re-wrapping to another width; the piece by its canonical
    /// number, which survives a change of order too.
    places: HashMap<Doc, (usize, usize)>,
    /// A report's summary first, or its text (the same for every report,
    /// for the life of the process).
    pub order: Order,
    /// The last search, kept after the search line closes (as in less), so
    /// that `n` and `N` go on finding it.
    pub pattern: Pattern,
    /// While a query is typed only the visible lines are marked: a long
    /// report has hundreds of thousands of words to check per keystroke.
    pub preview: bool,
    /// The pattern's matches in reading order (empty while previewing).
    pub matches: Vec<Spot>,
    /// The match `n`/`N` went to.
    pub current: Option<usize>,
    /// The sentence a figure was traced to.
    pub sentence: Option<Spot>,
    /// The open report's numbers; without frequent words while previewing.
    pub stats: Option<ArticleStats>,
    /// Whether `stats` has the frequent words (reading the whole text).
    stats_full: bool,
    /// The top line is past the last screenful (`put_on_top`).
    overscrolled: bool,
}

impl Viewer {
    /// An empty viewer that will show reports in `order`.
    pub fn new(order: Order) -> Self {
        Viewer {
            order,
            ..Viewer::default()
        }
    }

    pub fn doc(&self) -> Option<Doc> {
        self.document.as_ref().map(|d| d.doc)
    }

    /// Opens `doc` at the place it was left (the top for a new one).
    /// `words` is its word count when known, so it is not counted again.
    pub fn show(&mut self, corpus: &Corpus, doc: Option<Doc>, words: Option<usize>) {
        if self.doc() == doc {
            return;
        }
        self.remember();
        self.sentence = None;
        self.current = None;
        self.document = doc.map(|d| Document::build(corpus, d, self.width, words, self.order));
        self.scroll = match (doc.and_then(|d| self.places.get(&d)), &self.document) {
            (Some(&(piece, at)), Some(d)) => d.line_of(d.piece_at(piece), at),
            _ => 0,
        };
        self.scroll = self.scroll.min(self.max_scroll());
        self.overscrolled = false;
        self.refresh_matches(corpus);
        self.refresh_stats(corpus, words);
    }

    /// Where each document was left, the open one included: its top
    /// line as (piece, byte).
    pub fn places(&self) -> impl Iterator<Item = (Doc, (usize, usize))> + '_ {
        let open = self.document.as_ref().and_then(|d| {
            d.lines
                .get(self.scroll)
                .map(|l| (d.doc, (d.canonical(l.piece), l.start)))
        });
        self.places
            .iter()
            .filter(move |(d, _)| Some(**d) != open.map(|o| o.0))
            .map(|(d, p)| (*d, *p))
            .chain(open)
    }

    /// Where `doc` was left in an earlier session; the open document is
    /// not moved under the reader.
    pub fn set_place(&mut self, doc: Doc, place: (usize, usize)) {
        if self.doc() != Some(doc) {
            self.places.insert(doc, place);
        }
    }

    /// Closes the open document and forgets every place noted: the places
    /// of an earlier session are about to be restored, and are the only
    /// ones.
    pub fn forget(&mut self) {
        self.document = None;
        self.scroll = 0;
        self.places.clear();
    }

    /// Whether the last line of the open document is on screen.
    pub fn end_visible(&self) -> bool {
        self.document
            .as_ref()
            .is_some_and(|d| self.scroll + self.height >= d.lines.len())
    }

    /// Notes where the open document is, to come back to it there.
    fn remember(&mut self) {
        if let Some(d) = &self.document {
            if let Some(l) = d.lines.get(self.scroll) {
                self.places.insert(d.doc, (d.canonical(l.piece), l.start));
            }
        }
    }

    /// Shows reports in `order`: the open one is built again, with the
    /// same block at the top of the screen (or as near the top as the end
    /// of the text lets it), and its matches and traced sentence kept.
    pub fn set_order(&mut self, corpus: &Corpus, order: Order, words: Option<usize>) {
        if self.order == order {
            return;
        }
        self.order = order;
        let Some(old) = self.document.take() else {
            return;
        };
        let canonical = |spot: &Spot| (old.canonical(spot.piece), spot.range.clone());
        let top = old
            .lines
            .get(self.scroll)
            .map(|l| (old.canonical(l.piece), l.start));
        let sentence = self.sentence.as_ref().map(canonical);
        let current = self
            .current
            .and_then(|i| self.matches.get(i))
            .map(canonical);
        let new = Document::build(corpus, old.doc, self.width, words, order);
        let spot = |(piece, range): (usize, std::ops::Range<usize>)| Spot {
            piece: new.piece_at(piece),
            range,
        };
        let line = top.map_or(0, |(piece, at)| new.line_of(new.piece_at(piece), at));
        self.sentence = sentence.map(spot);
        let current = current.map(spot);
        self.document = Some(new);
        self.scroll_to(line);
        self.refresh_matches(corpus);
        self.current = current.and_then(|c| self.matches.iter().position(|m| *m == c));
    }

    /// The pane's text area changed: re-wrap, keeping the top line's text
    /// in view.
    pub fn resize(&mut self, corpus: &Corpus, width: usize, height: usize, words: Option<usize>) {
        self.height = height.max(1);
        let width = width.max(1);
        if self.width != width {
            self.width = width;
            if let Some(doc) = &self.document {
                let anchor = doc.lines.get(self.scroll).map(|l| (l.piece, l.start));
                let new = Document::build(corpus, doc.doc, width, words, self.order);
                self.scroll = anchor.map_or(0, |(p, at)| new.line_of(p, at));
                self.document = Some(new);
            }
        }
        // A heading put on top in the last screenful stays there (see
        // `put_on_top`); otherwise the view stays within the text.
        let lines = self.document.as_ref().map_or(0, |d| d.lines.len());
        self.scroll = if self.overscrolled {
            self.scroll.min(lines.saturating_sub(1))
        } else {
            self.scroll.min(self.max_scroll())
        };
    }

    pub fn max_scroll(&self) -> usize {
        let lines = self.document.as_ref().map_or(0, |d| d.lines.len());
        lines.saturating_sub(self.height)
    }

    pub fn scroll_to(&mut self, line: usize) {
        self.overscrolled = false;
        self.scroll = line.min(self.max_scroll());
    }

    /// Puts `line` at the top of the screen even in the last screenful,
    /// as less does for a mark or a match (the rest of the screen is then
    /// empty): a heading there can be reached, and the frame names it.
    /// The next scroll comes back within the text.
    pub fn put_on_top(&mut self, line: usize) {
        let lines = self.document.as_ref().map_or(0, |d| d.lines.len());
        self.scroll = line.min(lines.saturating_sub(1));
        self.overscrolled = self.scroll > self.max_scroll();
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll_to((self.scroll as isize).saturating_add(delta).max(0) as usize);
    }

    /// `]`/`[`: the next or previous heading to the top of the screen;
    /// `}`/`{` (`heading` false) the next or previous paragraph. Says so
    /// when there is none that way.
    pub fn jump_block(&mut self, dir: isize, heading: bool) -> Option<String> {
        let d = self.document.as_ref()?;
        if heading && d.headings.is_empty() {
            return Some(t!("reader-no-headings"));
        }
        let to = if heading {
            d.heading_from(self.scroll, dir)
        } else {
            d.paragraph_from(self.scroll, dir)
        };
        match (to, heading, dir > 0) {
            (Some(line), ..) => {
                self.put_on_top(line);
                None
            }
            (None, true, true) => Some(t!("reader-no-heading-below")),
            (None, true, false) => Some(t!("reader-no-heading-above")),
            (None, false, true) => Some(t!("reader-no-paragraph-below")),
            (None, false, false) => Some(t!("reader-no-paragraph-above")),
        }
    }

    /// "line 12/340": the top line on screen, of all.
    pub fn line_label(&self) -> Option<String> {
        let total = self.document.as_ref()?.lines.len();
        Some(t!(
            "reader-line",
            at = (self.scroll + 1).min(total),
            total = total
        ))
    }

    /// Where the reader is, for the frame (or, zoomed, the status line):
    /// "line 12/340 · 42%", or "· top", "· end", "· all".
    pub fn place(&self) -> Option<String> {
        let total = self.document.as_ref()?.lines.len();
        let at = if total <= self.height {
            t!("reader-place-all")
        } else if self.scroll == 0 {
            t!("reader-place-top")
        } else if self.scroll >= self.max_scroll() {
            t!("reader-place-end")
        } else {
            crate::text::number::percent(((self.scroll + self.height) * 100 / total) as u64)
        };
        Some(format!("{} · {at}", self.line_label()?))
    }

    /// The web address shown on row `row` of the pane at column `col`, if
    /// the click is on its text (not the blank after it).
    pub fn link_at<'a>(&'a self, corpus: &'a Corpus, row: usize, col: usize) -> Option<&'a str> {
        let d = self.document.as_ref()?;
        let l = d.lines.get(self.scroll + row)?;
        let text = d.text_of(corpus, l.piece);
        let shown = crate::text::wrap::str_width(&text[l.start..l.end]);
        (d.pieces[l.piece].style == PieceStyle::Link && col < shown).then_some(text)
    }

    /// The text of the heading the top line is under.
    pub fn section<'a>(&'a self, corpus: &'a Corpus) -> Option<&'a str> {
        let d = self.document.as_ref()?;
        let h = d.section_at(self.scroll)?;
        Some(d.text_of(corpus, h))
    }

    /// Sets the search pattern. While previewing, only visible lines are
    /// marked (by the drawing); otherwise every match is found now.
    pub fn set_pattern(&mut self, corpus: &Corpus, pattern: Pattern, preview: bool) {
        self.pattern = pattern;
        self.preview = preview;
        self.current = None;
        self.refresh_matches(corpus);
    }

    fn refresh_matches(&mut self, corpus: &Corpus) {
        self.matches.clear();
        self.current = None;
        if self.preview {
            return;
        }
        if let Some(d) = &self.document {
            self.matches = d.find(corpus, &self.pattern);
        }
    }

    /// The open report's numbers, for a newly opened report: the word
    /// count comes from the index when it is known; the frequent words
    /// (which read the whole text) wait while previewing.
    fn refresh_stats(&mut self, corpus: &Corpus, words: Option<usize>) {
        self.stats_full = false;
        self.stats = match self.doc() {
            Some(Doc::Article(a)) if self.preview => {
                let words =
                    words.unwrap_or_else(|| crate::stats::article_words(&corpus.articles[a]));
                Some(ArticleStats {
                    words,
                    reading_minutes: reading_minutes(words),
                    top_words: Vec::new(),
                })
            }
            Some(Doc::Article(a)) => {
                self.stats_full = true;
                Some(article_stats(&corpus.articles[a], TOP_WORDS))
            }
            _ => None,
        };
    }

    /// After previewing: the frequent words, if the report was opened
    /// while previewing (once per report, not once per search).
    pub fn complete_stats(&mut self, corpus: &Corpus, words: Option<usize>) {
        if !self.preview && !self.stats_full {
            self.refresh_stats(corpus, words);
        }
    }

    fn line_of_match(&self, i: usize) -> usize {
        let m = &self.matches[i];
        self.document
            .as_ref()
            .map_or(0, |d| d.line_of(m.piece, m.range.start))
    }

    /// `n` (dir > 0) and `N` (dir < 0), as in less: from the match last
    /// gone to while it is on screen, else from the top of the screen;
    /// past the last (or first) match, around to the other end. Returns
    /// what to tell the reader.
    pub fn jump(&mut self, dir: isize) -> String {
        if self.pattern.is_empty() {
            return t!("reader-no-search-yet");
        }
        if self.matches.is_empty() {
            return t!("reader-no-match-for", pattern = self.pattern.raw.as_str());
        }
        let n = self.matches.len();
        let top = self.scroll;
        let bottom = self.scroll + self.height;
        let on_screen = self
            .current
            .filter(|&i| (top..bottom).contains(&self.line_of_match(i)));
        // Matches are in reading order, so their lines never decrease.
        let first_at_or_below = |line: usize| (0..n).find(|&i| self.line_of_match(i) >= line);
        let target = match (on_screen, dir > 0) {
            (Some(i), true) => (i + 1 < n).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => first_at_or_below(top),
            (None, false) => first_at_or_below(top).unwrap_or(n).checked_sub(1),
        };
        let wrapped = target.is_none();
        let i = target.unwrap_or(if dir > 0 { 0 } else { n - 1 });
        self.current = Some(i);
        let line = self.line_of_match(i);
        if line < top || line >= bottom {
            self.scroll_to(line.saturating_sub(self.height / 3));
        }
        let status = t!("reader-match", at = i + 1, total = n);
        if wrapped {
            t!("reader-search-wrapped", status = status)
        } else {
            status
        }
    }

    /// Marks a traced figure's sentence and brings it into view.
    pub fn mark_sentence(&mut self, spot: Spot) {
        if let Some(d) = &self.document {
            let line = d.line_of(spot.piece, spot.range.start);
            self.scroll_to(line.saturating_sub(self.height / 3));
        }
        self.sentence = Some(spot);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn viewer(c: &Corpus, id: &str) -> Viewer {
        let mut v = Viewer {
            width: 60,
            height: 10,
            ..Viewer::default()
        };
        v.show(c, Some(Doc::Article(c.article_index(id).unwrap())), None);
        v
    }

    #[test]
    fn each_document_is_reopened_where_it_was_left() {
        let c = bundled();
        let mut v = viewer(&c, "balikesir-ogrenen-sehir");
        v.scroll_to(12);
        let ankara = Doc::Article(c.article_index("ankara-belmek-2025").unwrap());
        v.show(&c, Some(ankara), None);
        assert_eq!(v.scroll, 0, "a new document opens at the top");
        v.scroll_to(3);
        let balikesir = Doc::Article(c.article_index("balikesir-ogrenen-sehir").unwrap());
        v.show(&c, Some(balikesir), None);
        assert_eq!(v.scroll, 12);
        v.show(&c, Some(ankara), None);
        assert_eq!(v.scroll, 3);
    }

    #[test]
    fn n_starts_below_the_top_of_the_screen_and_wraps() {
        let c = bundled();
        let mut v = viewer(&c, "ankara-belmek-2025");
        v.set_pattern(&c, Pattern::new("belmek"), false);
        let n = v.matches.len();
        assert!(n >= 5);
        assert_eq!(v.jump(1), format!("match 1/{n}"));
        assert_eq!(v.jump(1), format!("match 2/{n}"));
        // Scrolled to the end: the next match is the first one on screen
        // from the top, not the one after the last match gone to.
        v.scroll_to(usize::MAX);
        let top = v.scroll;
        let first_here = (0..n).find(|&i| v.line_of_match(i) >= top);
        let msg = v.jump(1);
        match first_here {
            Some(i) => assert_eq!(msg, format!("match {}/{n}", i + 1)),
            None => assert_eq!(msg, format!("search wrapped · match 1/{n}")),
        }
        v.current = Some(n - 1);
        v.scroll_to(v.line_of_match(n - 1));
        assert_eq!(v.jump(1), format!("search wrapped · match 1/{n}"));
        assert_eq!(v.jump(-1), format!("search wrapped · match {n}/{n}"));
    }

    #[test]
    fn without_a_pattern_n_says_how_to_search() {
        let c = bundled();
        let mut v = viewer(&c, "ankara-belmek-2025");
        assert_eq!(v.jump(1), "no search yet: press / to search");
        v.set_pattern(&c, Pattern::new("zzz"), false);
        assert_eq!(v.jump(1), "no match for “zzz” in this text");
    }
}
