//! The reader's state and `App::update`, the only place it changes.
//! Everything costly (searching, wrapping, finding matches) happens here,
//! when its inputs change; drawing only reads.

use crossterm::event::Event;
use ratatui::layout::Rect;
use tui_input::backend::crossterm::EventHandler;
use tui_input::Input;

use super::document::{Document, Spot};
use super::keys::{Action, KeyFocus};
use super::list::{browse_rows, hit_rows, CityOrders, Row, SortKey};
use super::theme::Theme;
use super::ui::layout::{self, Layout, Pane};
use crate::corpus::Corpus;
use crate::search::{Doc, Results, SearchIndex};
use crate::stats::{
    article_stats, corpus_stats_counted, reading_minutes, ArticleStats, CorpusStats,
};

/// Expand every city's reports at start when the list stays this short.
const EXPAND_ALL_UP_TO: usize = 200;
/// How many frequent words the statistics panel lists.
pub const TOP_WORDS: usize = 8;

pub struct App {
    pub corpus: Corpus,
    pub index: SearchIndex,
    pub stats: CorpusStats,
    pub theme: Theme,
    orders: CityOrders,

    pub size: Rect,
    pub layout: Layout,
    pub focus: Pane,
    /// Article or statistics: the one beside the cities at medium width.
    pub right: Pane,
    pub searching: bool,
    pub help: bool,

    pub sort: SortKey,
    expanded: Vec<bool>,
    pub input: Input,
    /// The filter: `Some` while the search line holds words.
    pub results: Option<Results>,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub list_offset: usize,

    /// The viewer's content, wrapped for the article pane's width.
    pub document: Option<Document>,
    pub scroll: usize,
    /// Matches of the search in the document, and the one `n`/`N` is on.
    pub matches: Vec<Spot>,
    pub current_match: Option<usize>,
    /// True while typing: `matches` is not made yet (see `refresh_matches`).
    pub matches_pending: bool,
    /// The sentence a figure was traced to.
    pub sentence: Option<Spot>,
    pub article_stats: Option<ArticleStats>,
    /// The figure selected in the statistics panel (of the selected city).
    pub figure: usize,

    pub message: Option<String>,
    pub quit: bool,
    pub suspend: bool,
}

impl App {
    pub fn new(corpus: Corpus, size: Rect, theme: Theme) -> Self {
        let index = SearchIndex::build(&corpus);
        let words: Vec<usize> = index.article_words().iter().map(|&w| w as usize).collect();
        let stats = corpus_stats_counted(&corpus, &words);
        let orders = CityOrders::new(&corpus);
        let short = corpus.cities.len() + corpus.articles.len() <= EXPAND_ALL_UP_TO;
        let expanded = (0..corpus.cities.len())
            .map(|c| short && !corpus.articles_of(c).is_empty())
            .collect();
        let mut app = App {
            corpus,
            index,
            stats,
            theme,
            orders,
            size,
            layout: layout::compute(size, Pane::Cities, Pane::Article),
            focus: Pane::Cities,
            right: Pane::Article,
            searching: false,
            help: false,
            sort: SortKey::Name,
            expanded,
            input: Input::default(),
            results: None,
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            document: None,
            scroll: 0,
            matches: Vec::new(),
            current_match: None,
            matches_pending: false,
            sentence: None,
            article_stats: None,
            figure: 0,
            message: None,
            quit: false,
            suspend: false,
        };
        app.rebuild_rows(None);
        // Start on the first report, so the viewer has something to read.
        app.selected = app
            .rows
            .iter()
            .position(|r| matches!(r.doc, Doc::Article(_)))
            .unwrap_or(0);
        app.show_selected();
        app
    }

    /// Which context keys are read in.
    pub fn key_focus(&self) -> KeyFocus {
        if self.help {
            KeyFocus::Help
        } else if self.searching {
            KeyFocus::Search
        } else {
            match self.focus {
                Pane::Cities => KeyFocus::Cities,
                Pane::Article => KeyFocus::Article,
                Pane::Stats => KeyFocus::Stats,
            }
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }

    /// The city the statistics panel describes: the selected one, or the
    /// city of the selected report.
    pub fn selected_city(&self) -> Option<usize> {
        match self.selected_row()?.doc {
            Doc::City(c) => Some(c),
            Doc::Article(a) => self.corpus.city_of(a),
        }
    }

    /// The figures of the selected city: (article, figure index).
    pub fn city_figures(&self) -> Vec<(usize, usize)> {
        let Some(c) = self.selected_city() else {
            return Vec::new();
        };
        self.corpus
            .articles_of(c)
            .iter()
            .flat_map(|&a| (0..self.corpus.articles[a].figures.len()).map(move |f| (a, f)))
            .collect()
    }

    /// An article's word count, as the index counted it.
    fn words_of(&self, doc: Doc) -> Option<usize> {
        match doc {
            Doc::Article(a) => self.index.article_words().get(a).map(|&w| w as usize),
            Doc::City(_) => None,
        }
    }

    pub fn is_expanded(&self, city: usize) -> bool {
        self.expanded.get(city).copied().unwrap_or(false)
    }

    pub fn query(&self) -> &str {
        self.input.value()
    }

    // ---- geometry --------------------------------------------------------

    fn relayout(&mut self) {
        self.layout = layout::compute(self.size, self.focus, self.right);
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Where `pane` is, or would be if it were shown: page sizes, scroll
    /// limits and the wrap width stay the same while other panes take its
    /// place (the narrow layout's tabs, the medium layout's right side).
    fn rect_of(&self, pane: Pane) -> Option<Rect> {
        self.layout
            .rect(pane)
            .or_else(|| layout::compute(self.size, pane, self.right).rect(pane))
    }

    /// Lines of text the list shows.
    pub fn list_height(&self) -> usize {
        self.rect_of(Pane::Cities)
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
            .max(1)
    }

    /// Lines of text the viewer shows.
    pub fn view_height(&self) -> usize {
        self.rect_of(Pane::Article)
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
            .max(1)
    }

    /// Width the viewer wraps to: inside the borders, less the scrollbar.
    pub fn wrap_width(&self) -> usize {
        self.rect_of(Pane::Article)
            .map_or(20, |r| r.width.saturating_sub(3) as usize)
            .max(1)
    }

    // ---- update ----------------------------------------------------------

    /// Applies a terminal event; returns true if the screen must be redrawn.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) => match super::keys::action_for(key, self.key_focus()) {
                Some(action) => {
                    self.update(action);
                    true
                }
                // The help promises that any key closes it.
                None if self.help && key.kind != crossterm::event::KeyEventKind::Release => {
                    self.help = false;
                    true
                }
                None => false,
            },
            Event::Resize(w, h) => {
                self.resize(Rect::new(0, 0, *w, *h));
                true
            }
            _ => false,
        }
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        self.relayout();
        self.rewrap();
        self.keep_selection_visible();
    }

    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.help {
            match action {
                Action::Quit => self.quit = true,
                Action::Suspend => self.suspend = true,
                _ => self.help = false,
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::Help => self.help = true,
            Action::StartSearch => {
                self.searching = true;
                // One pane at a time: the results must be the one shown.
                if self.layout.mode == layout::Mode::Narrow && self.focus != Pane::Cities {
                    self.set_focus(Pane::Cities);
                }
            }
            Action::Back => {
                if self.results.is_some() {
                    self.clear_search();
                }
            }
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.move_focus(-1),
            Action::FocusRight => self.move_focus(1),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::HalfPageUp => self.step(-(self.page() as isize / 2).max(1)),
            Action::HalfPageDown => self.step((self.page() as isize / 2).max(1)),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::PageDown => self.step(self.page() as isize),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Open => self.open(),
            Action::CycleSort if self.results.is_some() => {
                self.message =
                    Some("search results are sorted by relevance; Esc clears the search".into());
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                let keep = self.selected_row().map(|r| r.doc);
                self.rebuild_rows(keep);
                self.message = Some(format!("sorted {}", self.sort.label()));
            }
            Action::NextMatch => self.jump_match(1),
            Action::PrevMatch => self.jump_match(-1),
            Action::SearchAccept => {
                self.searching = false;
                self.refresh_article_stats();
                self.refresh_matches();
                self.set_focus(Pane::Cities);
            }
            Action::SearchCancel => {
                self.searching = false;
                self.clear_search();
                self.refresh_article_stats();
                self.refresh_matches();
            }
            Action::SearchEdit(key) => {
                let before = self.input.value().to_owned();
                self.input.handle_event(&Event::Key(key));
                if self.input.value() != before {
                    self.query_changed();
                }
            }
        }
    }

    fn page(&self) -> usize {
        match (self.searching, self.focus) {
            (false, Pane::Article) => self.view_height().saturating_sub(1).max(1),
            _ => self.list_height().saturating_sub(1).max(1),
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Cities {
            self.right = pane;
        }
        self.relayout();
        self.rewrap();
        self.keep_selection_visible();
    }

    fn cycle_focus(&mut self, dir: isize) {
        let order = [Pane::Cities, Pane::Article, Pane::Stats];
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        self.set_focus(order[(at + dir).rem_euclid(3) as usize]);
    }

    /// h/l: to the neighbouring pane on screen; past the edge at medium or
    /// narrow width, on to the pane that is not shown.
    fn move_focus(&mut self, dir: isize) {
        let order = [Pane::Cities, Pane::Article, Pane::Stats];
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let to = at + dir;
        if (0..3).contains(&to) {
            self.set_focus(order[to as usize]);
        }
    }

    /// Moves within the focused pane (or the results while typing).
    fn step(&mut self, delta: isize) {
        if self.searching || self.focus == Pane::Cities {
            let last = self.rows.len().saturating_sub(1);
            let to = (self.selected as isize)
                .saturating_add(delta)
                .clamp(0, last as isize) as usize;
            if to != self.selected {
                self.selected = to;
                self.keep_selection_visible();
                self.show_selected();
            }
        } else if self.focus == Pane::Article {
            self.scroll_to((self.scroll as isize).saturating_add(delta).max(0) as usize);
        } else {
            let n = self.city_figures().len();
            if n > 0 {
                self.figure = (self.figure as isize)
                    .saturating_add(delta)
                    .clamp(0, n as isize - 1) as usize;
            }
        }
    }

    pub fn max_scroll(&self) -> usize {
        let lines = self.document.as_ref().map_or(0, |d| d.lines.len());
        lines.saturating_sub(self.view_height())
    }

    fn scroll_to(&mut self, line: usize) {
        self.scroll = line.min(self.max_scroll());
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + h {
            self.list_offset = self.selected + 1 - h;
        }
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(h));
    }

    fn open(&mut self) {
        match self.focus {
            Pane::Cities => match self.selected_row().map(|r| r.doc) {
                Some(Doc::City(c)) if self.results.is_none() => {
                    if self.corpus.articles_of(c).is_empty() {
                        self.message = Some("no report about this city in the corpus yet".into());
                    } else {
                        self.expanded[c] = !self.expanded[c];
                        self.rebuild_rows(Some(Doc::City(c)));
                    }
                }
                Some(Doc::Article(a)) => {
                    // The viewer may show another report (a traced figure's).
                    if self.document.as_ref().map(|d| d.doc) != Some(Doc::Article(a)) {
                        self.show(Doc::Article(a));
                    }
                    self.set_focus(Pane::Article);
                }
                _ => {}
            },
            Pane::Stats => self.trace_figure(),
            Pane::Article => {}
        }
    }

    /// Opens the article of the selected figure at the sentence stating it.
    fn trace_figure(&mut self) {
        let figures = self.city_figures();
        let Some(&(a, f)) = figures.get(self.figure) else {
            self.message = Some("no figure to trace for this city".into());
            return;
        };
        self.select_doc(Doc::Article(a));
        if self.document.as_ref().map(|d| d.doc) != Some(Doc::Article(a)) {
            self.show(Doc::Article(a));
        }
        let quote = self.corpus.articles[a].figures[f].quote.clone();
        let spot = self
            .document
            .as_ref()
            .and_then(|d| d.find_quote(&self.corpus, &quote));
        self.set_focus(Pane::Article);
        match spot {
            Some(spot) => {
                let line = self
                    .document
                    .as_ref()
                    .map_or(0, |d| d.line_of(spot.piece, spot.range.start));
                self.scroll_to(line.saturating_sub(2));
                self.sentence = Some(spot);
                let fig = &self.corpus.articles[a].figures[f];
                self.message = Some(format!("“{}” is stated here", fig.label));
            }
            None => self.message = Some("the quote was not found in the article".into()),
        }
    }

    fn jump_match(&mut self, dir: isize) {
        if self.matches.is_empty() {
            self.message = Some(if self.results.is_some() {
                "no match in this text".into()
            } else {
                "no search: press / to search".into()
            });
            return;
        }
        let n = self.matches.len() as isize;
        let next = match self.current_match {
            Some(i) => (i as isize + dir).rem_euclid(n),
            // The first match at or after the top of the view.
            None => {
                let doc = self.document.as_ref();
                let first_below = self.matches.iter().position(|m| {
                    doc.map_or(0, |d| d.line_of(m.piece, m.range.start)) >= self.scroll
                });
                match (first_below, dir > 0) {
                    (Some(i), true) => i as isize,
                    (Some(i), false) => (i as isize - 1).rem_euclid(n),
                    (None, true) => 0,
                    (None, false) => n - 1,
                }
            }
        } as usize;
        self.current_match = Some(next);
        let m = &self.matches[next];
        let line = self
            .document
            .as_ref()
            .map_or(0, |d| d.line_of(m.piece, m.range.start));
        if line < self.scroll || line >= self.scroll + self.view_height() {
            self.scroll_to(line.saturating_sub(self.view_height() / 3));
        }
    }

    // ---- search ----------------------------------------------------------

    fn query_changed(&mut self) {
        let results = self.index.search(self.input.value());
        if results.query.is_empty() {
            self.results = None;
            self.rebuild_rows(None);
        } else {
            self.results = Some(results);
            self.rebuild_rows(None);
        }
        self.selected = 0;
        self.list_offset = 0;
        self.show_selected();
    }

    fn clear_search(&mut self) {
        let keep = self.selected_row().map(|r| r.doc);
        self.input.reset();
        self.results = None;
        self.rebuild_rows(keep);
        self.show_selected();
    }

    /// Rebuilds the list rows, keeping `keep` selected if it is still listed.
    fn rebuild_rows(&mut self, keep: Option<Doc>) {
        self.rows = match &self.results {
            Some(r) => hit_rows(r),
            None => browse_rows(&self.corpus, self.orders.get(self.sort), &self.expanded),
        };
        if let Some(doc) = keep {
            if let Some(i) = self.rows.iter().position(|r| r.doc == doc) {
                self.selected = i;
            }
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    /// Selects `doc` in the list, expanding its city if needed.
    fn select_doc(&mut self, doc: Doc) {
        if let (Doc::Article(a), None) = (doc, &self.results) {
            if let Some(c) = self.corpus.city_of(a) {
                if !self.expanded[c] {
                    self.expanded[c] = true;
                    self.rebuild_rows(Some(doc));
                }
            }
        }
        if let Some(i) = self.rows.iter().position(|r| r.doc == doc) {
            self.selected = i;
            self.keep_selection_visible();
        }
    }

    // ---- the viewer ------------------------------------------------------

    fn show_selected(&mut self) {
        match self.selected_row() {
            Some(row) => {
                if self.document.as_ref().map(|d| d.doc) != Some(row.doc) {
                    self.show(row.doc);
                } else {
                    self.refresh_matches();
                }
            }
            None => {
                self.document = None;
                self.matches.clear();
                self.current_match = None;
                self.article_stats = None;
            }
        }
        let n = self.city_figures().len();
        self.figure = self.figure.min(n.saturating_sub(1));
    }

    fn show(&mut self, doc: Doc) {
        self.document = Some(Document::build(
            &self.corpus,
            doc,
            self.wrap_width(),
            self.words_of(doc),
        ));
        self.scroll = 0;
        self.sentence = None;
        self.refresh_article_stats();
        self.refresh_matches();
    }

    /// The open report's numbers. While a query is typed only the word
    /// count (known from the index) is given; the frequent words, which
    /// mean reading the whole text, follow when typing ends.
    fn refresh_article_stats(&mut self) {
        let Some(Doc::Article(a)) = self.document.as_ref().map(|d| d.doc) else {
            self.article_stats = None;
            return;
        };
        self.article_stats = Some(if self.searching {
            let words = self.words_of(Doc::Article(a)).unwrap_or(0);
            ArticleStats {
                words,
                reading_minutes: reading_minutes(words),
                top_words: Vec::new(),
            }
        } else {
            article_stats(&self.corpus.articles[a], TOP_WORDS)
        });
    }

    /// Finds the search's matches in the viewer's text. While the query is
    /// being typed this waits (a 2 MB report has hundreds of thousands of
    /// words to check on every keystroke); the viewer then marks the lines
    /// it shows by itself, and the full list is made when typing ends.
    fn refresh_matches(&mut self) {
        self.current_match = None;
        self.matches.clear();
        self.matches_pending = self.searching && self.results.is_some();
        if self.matches_pending {
            return;
        }
        if let (Some(d), Some(r)) = (&self.document, &self.results) {
            self.matches = d.find(&self.corpus, &self.index, &r.query);
        }
    }

    /// Re-wraps the document if the viewer's width changed, keeping the
    /// first visible line's text in view.
    fn rewrap(&mut self) {
        let width = self.wrap_width();
        let Some(doc) = &self.document else { return };
        if doc.width == width {
            return;
        }
        let anchor = doc.lines.get(self.scroll).map(|l| (l.piece, l.start));
        let new = Document::build(&self.corpus, doc.doc, width, self.words_of(doc.doc));
        self.scroll = anchor.map_or(0, |(p, at)| new.line_of(p, at));
        self.document = Some(new);
        self.scroll_to(self.scroll);
    }

    /// "match 3/7" while `n`/`N` are in use, else the number of matches.
    pub fn match_status(&self) -> Option<String> {
        if self.matches_pending {
            return None;
        }
        self.results.as_ref()?;
        Some(match self.current_match {
            Some(i) => format!("match {}/{}", i + 1, self.matches.len()),
            None if self.matches.is_empty() => "no match in this text".to_owned(),
            None if self.matches.len() == 1 => "1 match in this text".to_owned(),
            None => format!("{} matches in this text", self.matches.len()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn app() -> App {
        App::new(bundled(), Rect::new(0, 0, 160, 45), Theme::mono())
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::SearchEdit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    fn selected_id(app: &App) -> String {
        match app.selected_row().unwrap().doc {
            Doc::City(c) => app.corpus.cities[c].id.clone(),
            Doc::Article(a) => app.corpus.articles[a].id.clone(),
        }
    }

    #[test]
    fn starts_on_the_first_report() {
        let a = app();
        assert!(matches!(a.selected_row().unwrap().doc, Doc::Article(_)));
        assert!(matches!(a.document.as_ref().unwrap().doc, Doc::Article(_)));
    }

    #[test]
    fn typing_filters_live_and_esc_restores_the_list() {
        let mut a = app();
        let all = a.rows.len();
        a.update(Action::StartSearch);
        type_text(&mut a, "balıkesır");
        assert_eq!(selected_id(&a), "balikesir");
        assert!(a.rows.len() < all);
        a.update(Action::SearchCancel);
        assert!(a.results.is_none() && a.query().is_empty());
        assert_eq!(a.rows.len(), all);
        assert_eq!(
            selected_id(&a),
            "balikesir",
            "the selection survives clearing"
        );
    }

    #[test]
    fn q_in_the_search_line_is_a_letter() {
        let mut a = app();
        a.update(Action::StartSearch);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let ev = Event::Key(q);
        assert!(a.handle_event(&ev));
        assert!(!a.quit);
        assert_eq!(a.query(), "q");
    }

    #[test]
    fn enter_keeps_the_filter_and_focuses_the_results() {
        let mut a = app();
        a.update(Action::StartSearch);
        type_text(&mut a, "kadin");
        a.update(Action::SearchAccept);
        assert!(!a.searching && a.focus == Pane::Cities);
        assert_eq!(selected_id(&a), "ankara-belmek-2025");
        a.update(Action::Back);
        assert!(a.results.is_none(), "Esc clears a kept filter");
    }

    #[test]
    fn n_and_n_walk_the_matches() {
        let mut a = app();
        a.update(Action::StartSearch);
        type_text(&mut a, "belmek");
        a.update(Action::SearchAccept);
        let n = a.matches.len();
        assert!(n >= 5);
        a.update(Action::NextMatch);
        assert_eq!(a.match_status().unwrap(), format!("match 1/{n}"));
        a.update(Action::NextMatch);
        assert_eq!(a.match_status().unwrap(), format!("match 2/{n}"));
        a.update(Action::PrevMatch);
        a.update(Action::PrevMatch);
        assert_eq!(
            a.match_status().unwrap(),
            format!("match {n}/{n}"),
            "wraps around"
        );
        let m = &a.matches[n - 1];
        let line = a.document.as_ref().unwrap().line_of(m.piece, m.range.start);
        assert!(
            line >= a.scroll && line < a.scroll + a.view_height(),
            "the match is on screen"
        );
    }

    #[test]
    fn matches_in_the_text_wait_until_typing_ends() {
        let mut a = app();
        a.update(Action::StartSearch);
        type_text(&mut a, "belmek");
        assert!(a.matches_pending && a.matches.is_empty() && a.match_status().is_none());
        a.update(Action::SearchAccept);
        assert!(!a.matches_pending && !a.matches.is_empty());
        assert!(a.match_status().unwrap().ends_with("matches in this text"));
    }

    #[test]
    fn searching_in_the_narrow_layout_shows_the_results() {
        let mut a = App::new(bundled(), Rect::new(0, 0, 60, 20), Theme::mono());
        a.update(Action::FocusNext);
        assert_eq!(a.focus, Pane::Article);
        a.update(Action::StartSearch);
        assert_eq!(a.focus, Pane::Cities);
        assert!(a.layout.cities.is_some());
    }

    #[test]
    fn enter_on_a_report_opens_that_report() {
        let mut a = app();
        // Trace a figure of the Ankara report, then go back and open the
        // Balıkesir report from the list: the viewer must follow.
        a.update(Action::FocusPrev);
        a.update(Action::Open);
        assert_eq!(selected_id(&a), "ankara-belmek-2025");
        a.update(Action::FocusPrev);
        assert_eq!(a.focus, Pane::Cities);
        let balikesir = a.corpus.article_index("balikesir-ogrenen-sehir").unwrap();
        let row = a
            .rows
            .iter()
            .position(|r| r.doc == Doc::Article(balikesir))
            .unwrap();
        while a.selected < row {
            a.update(Action::Down);
        }
        a.update(Action::Open);
        assert_eq!(a.document.as_ref().unwrap().doc, Doc::Article(balikesir));
        assert_eq!(a.focus, Pane::Article);
    }

    #[test]
    fn sorting_cycles_and_keeps_the_selection() {
        let mut a = app();
        let before = selected_id(&a);
        a.update(Action::CycleSort);
        assert_eq!(a.sort, SortKey::Joined);
        assert_eq!(selected_id(&a), before);
        a.update(Action::CycleSort);
        a.update(Action::CycleSort);
        assert_eq!(a.sort, SortKey::Name);
    }

    #[test]
    fn enter_on_a_city_collapses_and_expands_its_reports() {
        let mut a = app();
        a.update(Action::Top);
        while !matches!(a.selected_row().unwrap().doc, Doc::City(c) if !a.corpus.articles_of(c).is_empty())
        {
            a.update(Action::Down);
        }
        let n = a.rows.len();
        a.update(Action::Open);
        assert_eq!(a.rows.len(), n - 1);
        a.update(Action::Open);
        assert_eq!(a.rows.len(), n);
    }

    #[test]
    fn scrolling_is_bounded() {
        let mut a = app();
        a.update(Action::FocusNext);
        a.update(Action::Bottom);
        assert_eq!(a.scroll, a.max_scroll());
        a.update(Action::PageDown);
        assert_eq!(a.scroll, a.max_scroll());
        a.update(Action::Top);
        assert_eq!(a.scroll, 0);
        a.update(Action::Up);
        assert_eq!(a.scroll, 0);
    }

    #[test]
    fn a_figure_is_traced_to_its_sentence() {
        let mut a = app();
        a.update(Action::FocusPrev);
        assert_eq!(a.focus, Pane::Stats);
        a.update(Action::Down);
        a.update(Action::Open);
        assert_eq!(a.focus, Pane::Article);
        let spot = a.sentence.clone().expect("a sentence is marked");
        let doc = a.document.as_ref().unwrap();
        let text = &doc.text_of(&a.corpus, spot.piece)[spot.range.clone()];
        assert!(text.contains("2 bin 100 kadına"), "{text}");
        let line = doc.line_of(spot.piece, spot.range.start);
        assert!(line >= a.scroll && line < a.scroll + a.view_height());
    }

    #[test]
    fn resizing_rewraps_and_keeps_the_place() {
        let mut a = app();
        a.update(Action::FocusNext);
        a.update(Action::PageDown);
        let doc = a.document.as_ref().unwrap();
        let top = doc.lines[a.scroll];
        a.resize(Rect::new(0, 0, 80, 24));
        let doc = a.document.as_ref().unwrap();
        assert_eq!(doc.width, a.wrap_width());
        let l = doc.lines[a.scroll];
        assert_eq!(l.piece, top.piece);
        assert!(l.start <= top.start);
    }

    #[test]
    fn help_closes_on_any_key() {
        let mut a = app();
        a.update(Action::Help);
        assert!(a.help);
        let x = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        assert!(a.handle_event(&x));
        assert!(!a.help);
    }
}
