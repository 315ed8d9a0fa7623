//! The reader's state and `App::update`, the only place it changes.
//!
//! State is kept per pane (`ListPane`, `Viewer`, `StatsPane`, `SearchLine`,
//! `HelpPane`), each with its own small operations; `update` turns an
//! action into those operations and keeps the panes in step with each other
//! (the viewer shows the list's selection, the statistics describe its
//! city). Everything costly (searching, wrapping, finding matches) happens
//! here, when its inputs change; drawing only reads.

use crossterm::event::Event;
use ratatui::layout::Rect;
use tui_input::backend::crossterm::EventHandler;

use super::copy;
use super::document::Order;
use super::filter::FilterState;
use super::find_line::FindLine;
use super::help::{self, HelpPane};
use super::keys::{Action, KeyFocus, Pointer};
use super::links::Links;
use super::list::{self, CityOrders, ListPane, Row};
use super::marks::Marks;
use super::osc;
use super::outline::Outline;
use super::picker::{self, Picker};
use super::search_line::{paste_text, Place, SearchLine};
use super::stats_pane::{self, StatsPane};
use super::theme::Theme;
use super::ui::layout::{self, Layout, Pane};
use super::viewer::Viewer;
use crate::corpus::Corpus;
use crate::facets::{self, Facet, Test};
use crate::search::{Doc, Keep, Pattern, SearchIndex};
use crate::state::model::{Spot, View};
use crate::state::Saved;
use crate::stats::{corpus_summary_counted, CorpusStats};
use crate::t;
use crate::text::number::{self, Unit};
use std::sync::Arc;

/// Expand every city's reports at start when there are at most this many.
const EXPAND_ALL_UP_TO: usize = 200;

pub struct App {
    /// Shared with the thread that writes the cache after the first frame.
    pub corpus: Arc<Corpus>,
    pub index: Arc<SearchIndex>,
    pub stats: CorpusStats,
    pub theme: Theme,
    orders: CityOrders,

    /// The screen, clamped to what is worth drawing (see `layout::clamp`).
    pub size: Rect,
    pub layout: Layout,
    /// The pane with the keyboard.
    pub focus: Pane,
    /// Viewer or statistics: the one beside the cities at medium width.
    pub right: Pane,
    /// The focused pane alone on the screen (`z`).
    pub zoom: bool,
    /// The last left-button press, to tell a double click.
    last_click: Option<(u16, u16, std::time::Instant)>,

    pub list: ListPane,
    pub viewer: Viewer,
    pub statistics: StatsPane,
    pub search: SearchLine,
    pub help: HelpPane,
    pub picker: Picker,
    pub outline: Outline,
    pub find: FindLine,
    /// The facets of the search line, and the cities they let through.
    pub filter: FilterState,
    /// Read marks and bookmarks, and the state file they came from.
    pub marks: Marks,

    /// Whether the terminal takes OSC sequences (clipboard, links): not
    /// under TERM=dumb, linux or vt100.
    pub osc: bool,
    /// Whether web addresses are drawn as OSC 8 links (off in tests and
    /// with LEARNCITY_HYPERLINKS=0), and their numbers: numbered only
    /// when links are drawn (`tui::run`), empty otherwise.
    pub hyperlinks: bool,
    pub links: Links,
    /// Text `y` put on the clipboard, for the event loop to send (OSC 52)
    /// after the next draw.
    pub clipboard: Option<String>,
    /// The browser `o` runs (from $BROWSER, when there is a display), and
    /// the address for the event loop to open with it.
    pub browser: Option<String>,
    pub to_open: Option<String>,
    /// An address shown whole over the status line (`o` without a
    /// browser), until the next key.
    pub popup: Option<String>,
    /// One line for the status bar, until the next key.
    pub message: Option<String>,
    pub quit: bool,
    pub suspend: bool,
}

impl App {
    pub fn new(corpus: Corpus, size: Rect, theme: Theme) -> Self {
        let index = SearchIndex::build(&corpus);
        Self::with_index(Arc::new(corpus), Arc::new(index), size, theme)
    }

    /// The reader over `corpus` and its index (from the cache, or built),
    /// without links until `links` is given their table.
    pub fn with_index(
        corpus: Arc<Corpus>,
        index: Arc<SearchIndex>,
        size: Rect,
        theme: Theme,
    ) -> Self {
        let words: Vec<usize> = index.article_words().iter().map(|&w| w as usize).collect();
        let stats = corpus_summary_counted(&corpus, &words);
        let orders = CityOrders::new(&corpus);
        let short = corpus.articles.len() <= EXPAND_ALL_UP_TO;
        let list = ListPane::new(&corpus, short);
        let filter = FilterState::new(&corpus);
        let marks = Marks::new(&corpus, Saved::default());
        let size = layout::clamp(size);
        let mut app = App {
            corpus,
            index,
            stats,
            theme,
            orders,
            size,
            layout: layout::compute(size, Pane::Cities, Pane::Viewer, false, false),
            focus: Pane::Cities,
            right: Pane::Viewer,
            zoom: false,
            last_click: None,
            list,
            viewer: Viewer::new(Order::for_language(crate::i18n::current())),
            statistics: StatsPane::default(),
            search: SearchLine::default(),
            help: HelpPane::default(),
            picker: Picker::default(),
            outline: Outline::default(),
            find: FindLine::default(),
            filter,
            marks,
            osc: true,
            hyperlinks: false,
            links: Links::default(),
            clipboard: None,
            browser: None,
            to_open: None,
            popup: None,
            message: None,
            quit: false,
            suspend: false,
        };
        app.relayout();
        app.rebuild_list(None);
        // Start on the first report, so the viewer has something to read.
        if let Some(i) = app
            .list
            .rows
            .iter()
            .position(|r| matches!(r.doc, Doc::Article(_)))
        {
            app.list.selected = i;
            app.list.keep_visible();
        }
        app.show_selected();
        app.refresh_statistics();
        app.refresh_personal();
        app
    }

    /// Which context keys are read in.
    pub fn key_focus(&self) -> KeyFocus {
        if self.help.open {
            KeyFocus::Help
        } else if self.picker.open {
            KeyFocus::Picker
        } else if self.outline.open {
            KeyFocus::Outline
        } else {
            self.line_focus()
        }
    }

    /// The search or find line when one is open, else the focused pane:
    /// where the keyboard goes once an overlay (help, picker, outline)
    /// closes, which is what the footer's hints are about.
    pub fn line_focus(&self) -> KeyFocus {
        if self.find.active {
            KeyFocus::Find
        } else if self.search.active {
            KeyFocus::Search
        } else {
            match self.focus {
                Pane::Cities => KeyFocus::Cities,
                Pane::Viewer => KeyFocus::Viewer,
                Pane::Statistics => KeyFocus::Statistics,
            }
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.list.selected_row()
    }

    /// The city the statistics describe: the selected one, or the city of
    /// the selected report.
    pub fn selected_city(&self) -> Option<usize> {
        self.list.selected_doc()?.city(&self.corpus)
    }

    pub fn query(&self) -> &str {
        self.search.query()
    }

    /// Results are kept (the list shows hits, not the cities).
    pub fn filtered(&self) -> bool {
        self.search.results.is_some()
    }

    /// The list shows less than every city: hits, or the cities of a facet.
    pub fn narrowed(&self) -> bool {
        self.filtered() || self.filter.active()
    }

    /// The words of the query to search for, without its facets.
    fn text_query(&self) -> String {
        facets::without_facets(self.search.query())
    }

    /// An article's word count, as the index counted it.
    fn words_of(&self, doc: Option<Doc>) -> Option<usize> {
        match doc? {
            Doc::Article(a) => self.index.article_words().get(a).map(|&w| w as usize),
            Doc::City(_) => None,
        }
    }

    // ---- geometry --------------------------------------------------------

    /// Lays the panes out for the size and focus, and tells each pane its
    /// new size (the viewer re-wraps if its width changed).
    fn relayout(&mut self) {
        let map = self.statistics.map;
        self.layout = layout::compute(self.size, self.focus, self.right, map, self.zoom);
        // Only "too small" is drawn: panes that have a size keep it, rather
        // than re-wrap a long report to a column or two; panes that have
        // none yet (a reader started in a tiny window) get the smallest
        // layout's.
        let sizing = if self.layout.too_small {
            if self.viewer.width > 0 {
                return;
            }
            layout::compute(
                Rect::new(0, 0, layout::MIN_WIDTH, layout::MIN_HEIGHT),
                self.focus,
                self.right,
                map,
                false,
            )
        } else {
            self.layout
        };
        let size = if self.layout.too_small {
            Rect::new(0, 0, layout::MIN_WIDTH, layout::MIN_HEIGHT)
        } else {
            self.size
        };
        // Where a pane is, or would be if it were shown: page sizes, scroll
        // limits and the wrap width stay the same while other panes take its
        // place (the narrow layout's tabs, the medium layout's right side).
        let rect_of = |pane: Pane| {
            sizing
                .rect(pane)
                .or_else(|| layout::compute(size, pane, self.right, map, false).rect(pane))
                .unwrap_or_default()
        };
        let inner = |pane: Pane| {
            let r = sizing.inner(pane, rect_of(pane));
            (r.width as usize, r.height as usize)
        };
        let (_, list_h) = inner(Pane::Cities);
        let (view_w, view_h) = inner(Pane::Viewer);
        let (stats_w, stats_h) = inner(Pane::Statistics);
        self.list.set_height(list_h);
        let words = self.words_of(self.viewer.doc());
        // One column is the scrollbar's, except in the zoomed viewer, which
        // has none: a terminal's selection there takes only text.
        let bar = usize::from(sizing.framed(Pane::Viewer));
        self.viewer
            .resize(&self.corpus, view_w.saturating_sub(bar), view_h, words);
        self.statistics.set_size(stats_w, stats_h);
        self.refresh_statistics();
        // The help is laid out only when it is open (it looks up and wraps
        // every key's description).
        if self.help.open {
            self.help.scroll = self.help.scroll.min(help::view(self.size).max_scroll());
        }
        let overlay = picker::area(&self.layout, size).height.saturating_sub(2) as usize;
        self.picker.set_height(overlay);
        self.outline.set_height(overlay);
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = layout::clamp(size);
        self.relayout();
    }

    // ---- update ----------------------------------------------------------

    /// Applies a terminal event; returns true if the screen must be redrawn.
    /// The event loop sends `Action::Settle` once no more events are waiting.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        self.handle_events(std::slice::from_ref(event))
    }

    /// Applies events that arrived together, in order, as `handle_event`
    /// would one by one, except that letters typed in a row into the
    /// search or find line go in as one `Action::Type`: a program typing,
    /// or a terminal without bracketed paste, sends a long text as single
    /// keys, and a line that took them one at a time would cost the square
    /// of its length. Stops at a quit. Returns true if the screen must be
    /// redrawn.
    pub fn handle_events(&mut self, events: &[Event]) -> bool {
        let mut typed = String::new();
        let mut changed = false;
        for event in events {
            if self.quit {
                break;
            }
            // A typed letter leaves the keyboard where it is, so the keys
            // after it mean the same before the letters are put in.
            let action = super::keys::action_for_event(event, self.key_focus());
            if let Some(c) = action.as_ref().and_then(super::keys::typed_letter) {
                typed.push(c);
                continue;
            }
            if !typed.is_empty() {
                self.update(Action::Type(std::mem::take(&mut typed)));
                changed = true;
            }
            changed |= self.apply(action);
        }
        if !typed.is_empty() {
            self.update(Action::Type(typed));
            changed = true;
        }
        changed
    }

    /// An event's action, given the last click for a double click.
    fn apply(&mut self, action: Option<Action>) -> bool {
        match action {
            Some(Action::Pointer(Pointer::Click { x, y, .. })) => {
                // A second press in the same cell soon after the first is a
                // double click; a third starts again.
                let now = std::time::Instant::now();
                let double = self.last_click.is_some_and(|(lx, ly, at)| {
                    (lx, ly) == (x, y) && now.duration_since(at) <= super::keys::DOUBLE_CLICK
                });
                self.last_click = (!double).then_some((x, y, now));
                self.update(Action::Pointer(Pointer::Click { x, y, double }));
                true
            }
            Some(action) => {
                self.update(action);
                true
            }
            None => false,
        }
    }

    pub fn update(&mut self, action: Action) {
        // The address box of `o`: y copies the address, a click on it is
        // for the terminal (it is a link); anything else closes it.
        if let Some(url) = self.popup.clone() {
            match action {
                Action::Copy | Action::CopyReport => {
                    self.popup = None;
                    self.copy_text(copy::Copied {
                        text: url,
                        what: t!("reader-copied-address"),
                    });
                    return;
                }
                Action::Pointer(Pointer::Click { x, y, .. })
                    if super::ui::popup::area(self.size, &url)
                        .contains(ratatui::layout::Position::new(x, y)) =>
                {
                    return;
                }
                _ => {}
            }
        }
        if !matches!(
            action,
            Action::Settle | Action::Resize(..) | Action::Saved(_)
        ) {
            self.message = None;
            self.popup = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend if !super::terminal::can_stop() => {
                self.message = Some(t!("reader-no-shell"));
            }
            Action::Suspend => self.suspend = true,
            Action::Resize(w, h) => self.resize(Rect::new(0, 0, w, h)),
            Action::Settle => self.settle(),
            // Over the help and the picker the wheel scrolls them; a click
            // does nothing there (they close on their keys).
            Action::Pointer(Pointer::Wheel { lines, .. }) if self.help.open || self.picker.open => {
                let step = if lines > 0 { Action::Down } else { Action::Up };
                for _ in 0..lines.unsigned_abs() {
                    self.update(step.clone());
                }
            }
            Action::Pointer(_) if self.help.open || self.picker.open => {}
            Action::Pointer(Pointer::Wheel { lines, .. }) if self.outline.open => {
                let n = self.headings();
                self.outline.step(lines as isize, n);
            }
            // A click on a heading of the outline goes there.
            Action::Pointer(Pointer::Click { x, y, .. }) if self.outline.open => {
                let r = picker::area(&self.layout, self.size);
                let inner = r.inner(ratatui::layout::Margin::new(1, 1));
                if inner.contains(ratatui::layout::Position::new(x, y)) {
                    let i = self.outline.offset + (y - inner.y) as usize;
                    if i < self.headings() {
                        self.outline.selected = i;
                        self.update_outline(Action::Open);
                    }
                }
            }
            Action::Pointer(p) => self.pointer(p),
            Action::Restore(saved) => self.restore(*saved),
            Action::Saved(saved) => self.adopt_saved(*saved),
            Action::Notice(text) => self.message = Some(text),
            action if self.help.open => self.update_help(action),
            action if self.picker.open => self.update_picker(action),
            action if self.outline.open => self.update_outline(action),
            action if self.find.active => self.update_find(action),
            action if self.search.active => self.update_search(action),
            action => self.update_panes(action),
        }
        self.refresh_statistics();
        self.note_reading();
    }

    fn update_help(&mut self, action: Action) {
        let view = help::view(self.size);
        let page = view.visible.saturating_sub(1).max(1) as isize;
        let delta = match action {
            Action::CloseHelp => {
                self.help.open = false;
                return;
            }
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::HalfPageUp => -(page / 2).max(1),
            Action::HalfPageDown => (page / 2).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return,
        };
        self.help.scroll = (self.help.scroll as isize)
            .saturating_add(delta)
            .clamp(0, view.max_scroll() as isize) as usize;
    }

    fn update_search(&mut self, action: Action) {
        match action {
            Action::SearchEdit(key) => {
                let before = self.search.input.value().len();
                let changed = self
                    .search
                    .input
                    .handle_event(&Event::Key(key))
                    .is_some_and(|r| r.value);
                self.search
                    .edited(changed || before != self.search.input.value().len());
            }
            Action::Paste(text) => self.search.insert(&paste_text(&text)),
            Action::Type(text) => self.search.insert(&text),
            Action::Complete | Action::CompleteBack => {
                let forward = action == Action::Complete;
                self.message = self.search.complete(&self.filter.values, forward);
            }
            Action::SearchUp | Action::SearchDown if self.search.walking() => {
                self.search.walk_history(matches!(action, Action::SearchUp));
            }
            Action::SearchUp | Action::Up => self.move_in_results(-1),
            Action::SearchDown | Action::Down => self.move_in_results(1),
            Action::SearchAccept => self.accept_search(),
            Action::SearchCancel => self.cancel_search(),
            _ => {}
        }
        self.search.refresh_suggestions(&self.filter.values);
    }

    fn update_picker(&mut self, action: Action) {
        let page = self.picker.height.saturating_sub(1).max(1) as isize;
        match action {
            Action::ClosePicker => self.picker.open = false,
            Action::Up => self.picker.step(-1),
            Action::Down => self.picker.step(1),
            Action::PageUp => self.picker.step(-page),
            Action::PageDown => self.picker.step(page),
            Action::Top => self.picker.top(),
            Action::Bottom => self.picker.bottom(),
            Action::PickerNextGroup => self.picker.group(1),
            Action::PickerPrevGroup => self.picker.group(-1),
            Action::PickerToggle => {
                if let Some((facet, item, checked)) = self.picker.selected_value() {
                    let mut items = self.picker.checked(facet);
                    if checked {
                        items.retain(|i| *i != item);
                    } else {
                        items.push(item);
                    }
                    let q = facets::set_words(self.search.query(), facet, &items);
                    self.set_query(&q);
                }
            }
            Action::PickerClear => {
                let q = facets::without_facets(self.search.query());
                self.set_query(&q);
            }
            _ => {}
        }
    }

    fn update_panes(&mut self, action: Action) {
        match action {
            Action::Help => {
                self.help.open = true;
                self.help.scroll = 0;
            }
            Action::StartSearch => self.start_search(),
            Action::Back => self.back(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.move_focus(-1),
            Action::FocusRight => self.move_focus(1),
            Action::Up => self.step(Step::Lines(-1)),
            Action::Down => self.step(Step::Lines(1)),
            Action::HalfPageUp => self.step(Step::Pages(-1, 2)),
            Action::HalfPageDown => self.step(Step::Pages(1, 2)),
            Action::PageUp => self.step(Step::Pages(-1, 1)),
            Action::PageDown => self.step(Step::Pages(1, 1)),
            Action::Top => self.step(Step::Top),
            Action::Bottom => self.step(Step::Bottom),
            Action::Open => self.open(),
            Action::CycleSort | Action::CycleSortBack if self.filtered() => {
                self.message = Some(t!("reader-results-by-relevance"));
            }
            Action::CycleSort | Action::CycleSortBack => {
                self.list.sort = if action == Action::CycleSort {
                    self.list.sort.next()
                } else {
                    self.list.sort.prev()
                };
                let keep = self.list.selected_doc();
                self.rebuild_list(keep);
                self.message = Some(t!("reader-sorted", order = self.list.sort.label()));
            }
            Action::NextMatch => self.message = Some(self.viewer.jump(1)),
            Action::PrevMatch => self.message = Some(self.viewer.jump(-1)),
            Action::ToggleReports => self.toggle_reports(),
            Action::OpenPicker => {
                self.picker.build(&self.corpus, &self.filter);
                self.picker.open = true;
            }
            Action::ToggleMap => self.toggle_map(),
            Action::NextHeading => self.message = self.viewer.jump_block(1, true),
            Action::PrevHeading => self.message = self.viewer.jump_block(-1, true),
            Action::NextParagraph => self.message = self.viewer.jump_block(1, false),
            Action::PrevParagraph => self.message = self.viewer.jump_block(-1, false),
            Action::OpenOutline => self.open_outline(),
            Action::OpenSource => self.open_source(),
            Action::BrowserFailed(url, e) => {
                self.message = Some(t!("reader-browser-failed", error = e));
                self.popup = Some(url);
            }
            Action::Copy => self.copy(false),
            Action::CopyReport => self.copy(true),
            Action::StartFind if self.viewer.document.is_none() => {
                self.message = Some(t!("reader-nothing-to-find-in"));
            }
            Action::StartFind => {
                let pattern = self.viewer.pattern.clone();
                self.find
                    .open(pattern, self.viewer.scroll, self.viewer.current);
                self.viewer
                    .set_pattern(&self.corpus, Pattern::default(), true);
            }
            Action::ToggleZoom => {
                self.zoom = !self.zoom;
                self.relayout();
            }
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleTextOrder => self.toggle_text_order(),
            // A paste outside the search line does nothing.
            _ => {}
        }
    }

    /// `L`: every report's summary first, or its text first; the open
    /// one stays at the block that is at the top of the screen.
    fn toggle_text_order(&mut self) {
        let order = self.viewer.order.swapped();
        let words = self.words_of(self.viewer.doc());
        self.viewer.set_order(&self.corpus, order, words);
        self.message = Some(match order {
            Order::SummaryFirst => t!("reader-order-summary-first"),
            Order::TextFirst => t!("reader-order-text-first"),
        });
    }

    // ---- marks --------------------------------------------------------------

    /// The report `u` and `B` act on: the open one in the viewer and the
    /// statistics, the selected one in the list.
    fn at_hand(&self) -> Option<Doc> {
        match self.focus {
            Pane::Cities => self.list.selected_doc(),
            _ => self.viewer.doc(),
        }
    }

    fn toggle_read(&mut self) {
        let reports: Vec<usize> = match self.at_hand() {
            Some(Doc::Article(a)) => vec![a],
            Some(Doc::City(c)) => self.corpus.articles_of(c).to_vec(),
            None => Vec::new(),
        };
        if reports.is_empty() {
            self.message = Some(t!("reader-no-report-to-mark"));
            return;
        }
        // A city with any unread report: all read; else all unread.
        let read = reports.iter().any(|&a| !self.marks.is_read(a));
        for &a in &reports {
            self.marks.set_read(&self.corpus, a, read);
        }
        let n = reports.len();
        let reports = number::with_unit(n as u64, Unit::Report);
        self.message = Some(match (n, read) {
            (1, true) => t!("reader-marked-read"),
            (1, false) => t!("reader-marked-unread"),
            (_, true) => t!("reader-marked-reports-read", reports = reports),
            (_, false) => t!("reader-marked-reports-unread", reports = reports),
        });
        self.refresh_personal();
    }

    fn toggle_bookmark(&mut self) {
        let Some(Doc::Article(a)) = self.at_hand() else {
            self.message = Some(t!("reader-bookmarks-are-for-reports"));
            return;
        };
        let on = !self.marks.is_bookmarked(a);
        self.marks.set_bookmark(a, on);
        self.message = Some(if on {
            t!("reader-bookmarked")
        } else {
            t!("reader-bookmark-off")
        });
        self.refresh_personal();
    }

    /// A report counts as read once its end has been on screen while it
    /// was being read: the viewer had the keyboard. (Passing over reports
    /// in the list, which shows each in the viewer, is not reading them.)
    fn note_reading(&mut self) {
        let Some(Doc::Article(a)) = self.viewer.doc() else {
            self.marks.end_seen = None;
            return;
        };
        if self.marks.end_seen.is_some_and(|e| e != a) {
            self.marks.end_seen = None;
        }
        let reading = self.focus == Pane::Viewer && !self.search.active && !self.layout.too_small;
        if reading && self.viewer.end_visible() && self.marks.end_seen.is_none() {
            self.marks.end_seen = Some(a);
            if !self.marks.is_read(a) {
                self.marks.set_read(&self.corpus, a, true);
                self.refresh_personal();
            }
        }
    }

    /// The cities with bookmarked and unread reports, for the facets.
    fn refresh_personal(&mut self) {
        let cities = 0..self.corpus.cities.len();
        let personal = crate::facets::values::Personal {
            bookmarked: cities
                .clone()
                .map(|c| self.marks.city_bookmarked(&self.corpus, c))
                .collect(),
            unread: cities.map(|c| self.marks.unread_in(c) > 0).collect(),
        };
        let before = self.filter.generation;
        self.filter.set_personal(&self.corpus, personal);
        if self.filter.generation != before {
            let keep = self.list.selected_doc();
            self.rebuild_list(keep);
        }
    }

    /// What is saved of this session (see `Marks::snapshot`).
    pub fn snapshot(&self, now: u64) -> Saved {
        let places = self
            .viewer
            .places()
            .filter_map(|(doc, (piece, byte))| match doc {
                Doc::Article(a) => Some((a, Spot { piece, byte })),
                Doc::City(_) => None,
            });
        let view = View {
            selected: self
                .list
                .selected_doc()
                .map(|d| d.id(&self.corpus).to_owned()),
            pane: self.focus.name().to_lowercase(),
            sort: self.list.sort.name(),
        };
        self.marks
            .snapshot(&self.corpus, places, view, self.search.new_queries(), now)
    }

    /// Starts where an earlier session ended: its marks, the place in each
    /// report, the order, the selection and pane, the searches.
    fn restore(&mut self, saved: Saved) {
        // The open report is closed without noting its place, so that the
        // place kept for it is where it opens again; only the kept places
        // are known after this.
        self.viewer.forget();
        self.take_places_and_searches(&saved);
        if let Some(view) = saved.view.as_ref().map(|v| &v.value) {
            if let Some(sort) = crate::corpus::order::Sort::named(&view.sort) {
                self.list.sort = sort;
                self.rebuild_list(self.list.selected_doc());
            }
            if let Some(doc) = view
                .selected
                .as_deref()
                .and_then(|id| Doc::by_id(&self.corpus, id))
            {
                self.select_doc(doc);
            }
            if let Some(pane) = Pane::named(&view.pane) {
                self.set_focus(pane);
            }
        }
        self.show_selected();
        self.marks = Marks::new(&self.corpus, saved);
        // Restoring is not reading: a report whose end shows now was read
        // (or not) in the session that left it there.
        self.marks.end_seen = match self.viewer.doc() {
            Some(Doc::Article(a)) if self.viewer.end_visible() => Some(a),
            _ => None,
        };
        self.refresh_personal();
    }

    /// After a save: the marks another reader saved meanwhile become ours
    /// too, and the file as saved is what later changes are measured by.
    fn adopt_saved(&mut self, saved: Saved) {
        self.take_places_and_searches(&saved);
        self.marks.adopt(&self.corpus, saved);
        self.refresh_personal();
    }

    /// The places in reports (but the open one's) and the searches of a
    /// state file.
    fn take_places_and_searches(&mut self, saved: &Saved) {
        for (a, m) in saved.known(&self.corpus) {
            if let Some(p) = &m.place {
                self.viewer
                    .set_place(Doc::Article(a), (p.value.piece, p.value.byte));
            }
        }
        let queries = saved.queries.iter().map(|q| q.value.clone()).collect();
        self.search.restore_history(queries);
    }

    // ---- sources ----------------------------------------------------------

    /// `o`: the web address of the report or city on show (the viewer's,
    /// else the list's selection): its first source.
    fn open_source(&mut self) {
        let doc = self.viewer.doc().or_else(|| self.list.selected_doc());
        let url = match doc {
            Some(Doc::Article(a)) => self.corpus.articles[a]
                .source
                .as_ref()
                .and_then(|s| s.url.clone()),
            Some(Doc::City(c)) => self.corpus.cities[c]
                .sources
                .iter()
                .find_map(|l| l.url.clone()),
            None => None,
        };
        match url {
            Some(url) => self.open_url(url),
            None => {
                self.message = Some(match doc {
                    Some(Doc::Article(_)) => t!("reader-report-no-address"),
                    _ => t!("reader-no-address"),
                })
            }
        }
    }

    /// Opens `url` in the browser when there is one to run, else shows it
    /// whole (over SSH the terminal's own link handling or a copy does it).
    fn open_url(&mut self, url: String) {
        match &self.browser {
            // Only web addresses go to a browser.
            Some(b) if super::links::is_web(&url) => {
                self.message = Some(t!("reader-opening", browser = b, url = url.as_str()));
                self.to_open = Some(url);
            }
            _ => self.popup = Some(url),
        }
    }

    // ---- the clipboard ----------------------------------------------------

    /// `y`: what is selected in the pane with the keyboard; `Y` (`all`):
    /// the open report as Markdown. Says what went, and when it was cut.
    fn copy(&mut self, all: bool) {
        let got = if all {
            match self.viewer.doc() {
                Some(Doc::Article(a)) => {
                    Some(copy::report_markdown(&self.corpus, a, self.viewer.order))
                }
                _ => {
                    self.message = Some(t!("reader-copy-report-needs-one"));
                    return;
                }
            }
        } else {
            match self.focus {
                Pane::Cities => self.list.selected_doc().map(|d| copy::id(&self.corpus, d)),
                Pane::Viewer => copy::paragraph(&self.corpus, &self.viewer),
                Pane::Statistics => self
                    .statistics
                    .selected_figure()
                    .map(|(a, f)| copy::figure(&self.corpus, a, f)),
            }
        };
        let Some(c) = got else {
            self.message = Some(t!("reader-nothing-to-copy"));
            return;
        };
        self.copy_text(c);
    }

    /// Puts `c` on the clipboard (by the event loop), saying what went.
    fn copy_text(&mut self, c: copy::Copied) {
        if !self.osc {
            self.message = Some(t!("reader-no-clipboard"));
            return;
        }
        let (text, cut) = osc::capped(&c.text);
        let chars = number::with_unit(
            text.chars().count() as u64,
            crate::text::number::Unit::Character,
        );
        self.message = Some(if cut {
            t!("reader-copied-cut", what = c.what, characters = chars)
        } else {
            t!("reader-copied", what = c.what, characters = chars)
        });
        self.clipboard = Some(text.to_owned());
    }

    // ---- find in the text -------------------------------------------------

    /// What the find line holds, marked as it is typed, on the visible
    /// lines only.
    fn find_typed(&mut self) {
        let p = Pattern::new(self.find.query());
        self.viewer.set_pattern(&self.corpus, p, true);
    }

    fn update_find(&mut self, action: Action) {
        match action {
            Action::FindEdit(key) => {
                self.find.input.handle_event(&Event::Key(key));
                self.find_typed();
            }
            Action::Paste(text) => {
                self.find.insert(&text);
                self.find_typed();
            }
            Action::Type(text) => {
                self.find.type_text(&text);
                self.find_typed();
            }
            Action::FindAccept => {
                let query = self.find.query().to_owned();
                self.find.close();
                let p = Pattern::new(&query);
                if p.is_empty() {
                    self.viewer.set_pattern(&self.corpus, p, false);
                    return;
                }
                self.viewer.set_pattern(&self.corpus, p, false);
                self.message = Some(if self.viewer.matches.is_empty() {
                    t!("reader-not-in-this-text", query = query.trim())
                } else {
                    self.viewer.jump(1)
                });
            }
            Action::FindCancel => {
                // As the corpus search's Esc and less: the place from
                // before, and what was typed kept for n/N.
                let typed = Pattern::new(self.find.query());
                if let Some((before, scroll, current)) = self.find.close() {
                    let pattern = if typed.is_empty() { before } else { typed };
                    self.viewer.set_pattern(&self.corpus, pattern, false);
                    self.viewer.scroll = scroll;
                    self.viewer.current = current.filter(|&i| i < self.viewer.matches.len());
                }
            }
            _ => {}
        }
    }

    // ---- the outline ------------------------------------------------------

    fn headings(&self) -> usize {
        self.viewer
            .document
            .as_ref()
            .map_or(0, |d| d.headings.len())
    }

    fn open_outline(&mut self) {
        let Some(d) = &self.viewer.document else {
            self.message = Some(t!("reader-nothing-to-outline"));
            return;
        };
        if d.headings.is_empty() {
            self.message = Some(t!("reader-no-headings"));
            return;
        }
        let current = d
            .section_at(self.viewer.scroll)
            .and_then(|h| d.headings.iter().position(|&x| x == h))
            .unwrap_or(0);
        let n = d.headings.len();
        self.outline.open_at(current, n);
    }

    fn update_outline(&mut self, action: Action) {
        let n = self.headings();
        let page = self.outline.height.saturating_sub(1).max(1) as isize;
        match action {
            Action::CloseOutline => self.outline.open = false,
            Action::Up => self.outline.step(-1, n),
            Action::Down => self.outline.step(1, n),
            Action::PageUp => self.outline.step(-page, n),
            Action::PageDown => self.outline.step(page, n),
            Action::Top => self.outline.step(isize::MIN / 2, n),
            Action::Bottom => self.outline.step(isize::MAX / 2, n),
            Action::Open => {
                self.outline.open = false;
                self.set_focus(Pane::Viewer);
                if let Some(d) = &self.viewer.document {
                    if let Some(&h) = d.headings.get(self.outline.selected) {
                        let line = d.first_line(h);
                        self.viewer.put_on_top(line);
                    }
                }
            }
            _ => {}
        }
    }

    /// The list's rows again, for the results or the browse order and the
    /// facets in force, keeping `keep` selected when it is still listed.
    fn rebuild_list(&mut self, keep: Option<Doc>) {
        self.list.rebuild(
            &self.corpus,
            &self.orders,
            self.search.results.as_ref(),
            self.filter.members(),
            keep,
        );
    }

    // ---- the mouse --------------------------------------------------------

    /// The pane at a cell of the screen, if any.
    fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let at = ratatui::layout::Position::new(x, y);
        self.layout
            .visible()
            .into_iter()
            .find(|&p| self.layout.rect(p).is_some_and(|r| r.contains(at)))
    }

    /// The wheel scrolls the pane under the pointer, which keeps or takes
    /// no focus; a click focuses the pane (or the tab) under it and acts on
    /// what it hit: a list row is selected (opened on a double click), a
    /// figure is traced.
    fn pointer(&mut self, p: Pointer) {
        match p {
            Pointer::Wheel { x, y, lines } => match self.pane_at(x, y) {
                Some(Pane::Cities) => self.list.scroll_by(lines as isize),
                Some(Pane::Viewer) => self.viewer.scroll_by(lines as isize),
                Some(Pane::Statistics) => self.statistics.scroll_by(lines as isize),
                _ => {}
            },
            Pointer::Click { x, y, double } => {
                if let Some(pane) = self
                    .layout
                    .tabs
                    .and_then(|t| (t.y == y).then(|| self.layout.tab_at(x)).flatten())
                {
                    self.set_focus(pane);
                    return;
                }
                let Some(pane) = self.pane_at(x, y) else {
                    return;
                };
                if self.focus != pane {
                    self.set_focus(pane);
                }
                let Some(r) = self.layout.rect(pane).map(|r| self.layout.inner(pane, r)) else {
                    return;
                };
                // On the frame: the pane has the focus, nothing more.
                if y < r.y || y >= r.bottom() || x < r.x || x >= r.right() {
                    return;
                }
                let row = (y - r.y) as usize;
                match pane {
                    Pane::Cities => {
                        let i = self.list.offset + row;
                        if i < self.list.rows.len() {
                            if i != self.list.selected {
                                self.list.selected = i;
                                self.list.keep_visible();
                                self.show_selected();
                            }
                            if double {
                                self.open();
                            }
                        }
                    }
                    Pane::Statistics => {
                        if let Some(url) = self.statistics.link_at(row, (x - r.x) as usize) {
                            let url = url.to_owned();
                            self.open_url(url);
                        } else if let Some(f) = self.statistics.figure_at(row) {
                            self.statistics.selected = Some(f);
                            self.open();
                        }
                    }
                    Pane::Viewer => {
                        // A click on a web address opens it as `o` does.
                        let col = (x - r.x) as usize;
                        if let Some(url) = self.viewer.link_at(&self.corpus, row, col) {
                            let url = url.to_owned();
                            self.open_url(url);
                        }
                    }
                }
            }
        }
    }

    // ---- facets and the map ----------------------------------------------

    /// Puts `q` in the search line and applies it at once: the facet
    /// picker and `r` change the filter this way, so the line always shows
    /// it. Esc in the list then goes back to where this began.
    fn set_query(&mut self, q: &str) {
        if !self.narrowed() && self.search.origin.is_none() {
            self.search.origin = Some(self.here());
        }
        self.search.set_text(q);
        self.settle();
        if self.picker.open {
            self.picker.build(&self.corpus, &self.filter);
        }
    }

    fn toggle_reports(&mut self) {
        let mut has: Vec<String> = self
            .filter
            .filter()
            .clauses
            .iter()
            .filter(|c| c.facet == Facet::Has && !c.negated)
            .flat_map(|c| match &c.test {
                Test::Has(hs) => hs.iter().map(|h| h.name().to_owned()).collect(),
                _ => Vec::new(),
            })
            .collect();
        let on = self.filter.only_reports();
        if on {
            has.retain(|h| h != "report");
        } else {
            has.push("report".into());
        }
        let q = facets::set_words(self.search.query(), Facet::Has, &has);
        self.set_query(&q);
        if !self.search.active && self.message.is_none() {
            let (_, n) = self.list.position();
            self.message = Some(if on {
                t!("reader-every-city-again")
            } else {
                t!("reader-only-with-reports", n = n)
            });
        }
    }

    fn toggle_map(&mut self) {
        self.statistics.map = !self.statistics.map;
        self.relayout();
        if self.statistics.map && self.layout.statistics.is_none() {
            self.set_focus(Pane::Statistics);
        }
        // The map (or the pane's top) in view; a selected figure that is
        // no longer on screen gives way to one that is, or to none.
        self.statistics.show_top();
        let set = &self.filter.set;
        self.message = Some(if self.statistics.map {
            t!(
                "reader-map-shown",
                placed = set.placed,
                cities = number::with_unit(set.cities as u64, Unit::City)
            )
        } else {
            t!("reader-map-hidden")
        });
    }

    // ---- focus -----------------------------------------------------------

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Cities {
            self.right = pane;
        }
        self.relayout();
    }

    fn cycle_focus(&mut self, dir: isize) {
        let order = Pane::ALL;
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        self.set_focus(order[(at + dir).rem_euclid(3) as usize]);
    }

    /// h/l: to the neighbouring pane on screen; past the edge at medium or
    /// narrow width, on to the pane that is not shown.
    fn move_focus(&mut self, dir: isize) {
        let order = Pane::ALL;
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let to = at + dir;
        if (0..3).contains(&to) {
            self.set_focus(order[to as usize]);
        }
    }

    // ---- moving ----------------------------------------------------------

    /// Moves within the focused pane.
    fn step(&mut self, step: Step) {
        match self.focus {
            Pane::Cities => {
                let page = self.list.height.saturating_sub(1).max(1) as isize;
                if self.list.step(step.delta(page)) {
                    self.show_selected();
                }
            }
            Pane::Viewer => {
                let page = self.viewer.height.saturating_sub(1).max(1) as isize;
                self.viewer.scroll_by(step.delta(page));
            }
            Pane::Statistics => {
                let page = self.statistics.height.saturating_sub(1).max(1) as isize;
                match step {
                    Step::Lines(d) => self.statistics.step(d),
                    Step::Top => self.statistics.top(),
                    Step::Bottom => self.statistics.bottom(),
                    Step::Pages(..) => self.statistics.scroll_by(step.delta(page)),
                }
            }
        }
    }

    fn move_in_results(&mut self, delta: isize) {
        self.settle();
        if self.list.step(delta) {
            self.show_selected();
        }
    }

    // ---- opening ---------------------------------------------------------

    fn open(&mut self) {
        match self.focus {
            Pane::Cities => match self.list.selected_doc() {
                Some(Doc::City(c)) => self.open_city(c),
                Some(doc @ Doc::Article(_)) => {
                    self.show(Some(doc));
                    self.set_focus(Pane::Viewer);
                }
                None => {}
            },
            Pane::Statistics => self.trace_figure(),
            Pane::Viewer => {}
        }
    }

    /// Shows or hides a city's reports under it in the list (the browse
    /// list or the results alike).
    fn open_city(&mut self, c: usize) {
        if self.corpus.articles_of(c).is_empty() {
            self.message = Some(t!("reader-city-has-no-report"));
            return;
        }
        self.list.toggle(c, self.filtered());
        self.rebuild_list(Some(Doc::City(c)));
    }

    /// Opens the report of the selected figure at the sentence stating it.
    fn trace_figure(&mut self) {
        let Some((a, f)) = self.statistics.selected_figure() else {
            self.message = Some(if self.statistics.figures.is_empty() {
                t!("reader-no-figure-to-trace")
            } else {
                t!("reader-no-figure-on-screen")
            });
            return;
        };
        let doc = Doc::Article(a);
        self.select_doc(doc);
        self.show(Some(doc));
        let quote = &self.corpus.articles[a].figures[f].quote;
        let spot = self
            .viewer
            .document
            .as_ref()
            .and_then(|d| d.find_quote(&self.corpus, quote));
        self.set_focus(Pane::Viewer);
        match spot {
            Some(spot) => {
                self.viewer.mark_sentence(spot);
                let fig = &self.corpus.articles[a].figures[f];
                self.message = Some(t!("reader-stated-here", figure = fig.label.as_str()));
            }
            None => self.message = Some(t!("reader-quote-not-found")),
        }
    }

    /// Selects `doc` in the list, listing a report under its city if needed.
    fn select_doc(&mut self, doc: Doc) {
        if self.list.select(doc) {
            return;
        }
        if let (Doc::Article(a), false) = (doc, self.filtered()) {
            if let Some(c) = self.corpus.city_of(a) {
                if self.list.expand(c) {
                    self.rebuild_list(Some(doc));
                }
            }
        }
    }

    // ---- search ----------------------------------------------------------

    fn here(&self) -> Place {
        Place {
            focus: self.focus,
            selected: self.list.selected_doc(),
            viewing: self.viewer.doc(),
        }
    }

    fn start_search(&mut self) {
        let place = self.here();
        self.search.open(place);
        // The results are what typing changes: they must be on screen, in
        // any layout and after any resize.
        self.set_focus(Pane::Cities);
        let pattern = Pattern::new(&self.text_query());
        self.viewer.set_pattern(&self.corpus, pattern, true);
        self.refresh_viewer_stats();
        self.search.refresh_suggestions(&self.filter.values);
    }

    /// Runs the search put off while keys were arriving: the facets first,
    /// then the words, whose hits are kept only in the facets' cities.
    fn settle(&mut self) {
        if !self.search.dirty {
            return;
        }
        self.search.dirty = false;
        self.filter.apply(&self.corpus, self.search.query());
        if let Some(old) = self.search.results.take() {
            self.index.recycle(old);
        }
        let keep = Keep::cities(&self.corpus, self.filter.members());
        let results = self
            .index
            .search_top(&self.filter.parsed.text, keep, list::ORDERED_HITS);
        self.search.results = (!results.query.is_empty()).then_some(results);
        match &self.search.results {
            Some(r) => self.list.show_results(&self.corpus, &self.orders, r),
            None => {
                // An emptied line shows the list as it was before `/`; a
                // filter keeps the selection when it can.
                let keep = if self.search.query().trim().is_empty() {
                    self.search.origin.as_ref().and_then(|p| p.selected)
                } else {
                    self.list.selected_doc()
                };
                self.rebuild_list(keep);
                if keep.is_none_or(|d| !self.list.select(d)) {
                    self.list.selected = 0;
                    self.list.offset = 0;
                }
            }
        }
        if let Some(e) = self.filter.parsed.errors.first() {
            self.message = Some(e.clone());
        }
        let pattern = Pattern::new(&self.filter.parsed.text);
        self.viewer.set_pattern(&self.corpus, pattern, true);
        self.show_selected();
    }

    /// Enter in the search line: keep the results and open the selected
    /// hit, as fzf does: a report in the viewer, a city with its reports
    /// listed under it. With facets alone, keep the filtered list.
    fn accept_search(&mut self) {
        self.settle();
        self.search.close();
        if !self.narrowed() {
            // Nothing typed: as Esc.
            self.restore_before();
            return;
        }
        self.search.before = None;
        let pattern = Pattern::new(&self.filter.parsed.text);
        self.viewer.set_pattern(&self.corpus, pattern, false);
        self.refresh_viewer_stats();
        match self.list.selected_doc() {
            Some(doc @ Doc::Article(_)) => {
                self.show(Some(doc));
                self.set_focus(Pane::Viewer);
            }
            Some(Doc::City(c)) if self.filtered() => {
                if !self.list.is_open(c, true) && !self.corpus.articles_of(c).is_empty() {
                    self.open_city(c);
                }
                self.set_focus(Pane::Cities);
            }
            _ => self.set_focus(Pane::Cities),
        }
    }

    /// Esc in the search line: back to where `/` was pressed (the list,
    /// the open report and its scroll position). The typed words stay the
    /// pattern for `n`/`N`, as in less.
    fn cancel_search(&mut self) {
        self.search.close();
        let typed = Pattern::new(&self.text_query());
        let pattern = if typed.is_empty() {
            self.viewer.pattern.clone()
        } else {
            typed
        };
        self.restore_before();
        self.viewer.set_pattern(&self.corpus, pattern, false);
        self.refresh_viewer_stats();
    }

    fn restore_before(&mut self) {
        let Some(before) = self.search.before.take() else {
            return;
        };
        self.search.set_text(&before.query);
        self.search.dirty = false;
        self.filter.apply(&self.corpus, &before.query);
        self.search.results = before.results;
        if !self.narrowed() {
            self.search.origin = None;
        }
        self.viewer.preview = false;
        self.rebuild_list(None);
        self.go_to(&before.place);
    }

    /// Esc outside the search line: from the viewer or the statistics back
    /// to the list; in the list, out of kept results and facets to where
    /// the search began.
    fn back(&mut self) {
        if self.focus != Pane::Cities {
            self.set_focus(Pane::Cities);
            return;
        }
        if !self.narrowed() {
            return;
        }
        self.search.results = None;
        self.search.input.reset();
        self.filter.apply(&self.corpus, "");
        let origin = self.search.origin.take();
        self.list
            .rebuild(&self.corpus, &self.orders, None, None, None);
        if let Some(place) = origin {
            self.go_to(&Place {
                focus: Pane::Cities,
                ..place
            });
        } else {
            self.show_selected();
        }
    }

    fn go_to(&mut self, place: &Place) {
        if let Some(doc) = place.selected {
            self.select_doc(doc);
        }
        let viewing = place.viewing.or(self.list.selected_doc());
        self.show(viewing);
        self.set_focus(place.focus);
    }

    // ---- the viewer and the statistics -----------------------------------

    fn show_selected(&mut self) {
        self.show(self.list.selected_doc());
    }

    fn show(&mut self, doc: Option<Doc>) {
        let words = self.words_of(doc);
        self.viewer.show(&self.corpus, doc, words);
    }

    /// After a search ends: the frequent words of a report opened while
    /// typing.
    fn refresh_viewer_stats(&mut self) {
        let words = self.words_of(self.viewer.doc());
        self.viewer.complete_stats(&self.corpus, words);
    }

    /// Rebuilds the statistics pane if the city or report it describes, or
    /// its width, changed.
    fn refresh_statistics(&mut self) {
        let city = self.selected_city();
        self.statistics.refresh(&stats_pane::Source {
            corpus: &self.corpus,
            stats: &self.stats,
            filter: &self.filter,
            theme: &self.theme,
            city,
            viewing: self.viewer.doc(),
            report: self.viewer.stats.as_ref(),
        });
    }

    /// "match 3/7" while `n`/`N` are in use or results are kept.
    pub fn match_status(&self) -> Option<String> {
        if self.search.active || self.viewer.preview || self.viewer.pattern.is_empty() {
            return None;
        }
        let n = self.viewer.matches.len();
        match self.viewer.current {
            Some(i) => Some(t!("reader-match", at = i + 1, total = n)),
            None if !self.filtered() => None,
            None => Some(t!("reader-matches-in-text", n = n)),
        }
    }
}

/// A move within a pane.
#[derive(Debug, Clone, Copy)]
enum Step {
    Lines(isize),
    /// Pages (direction, divisor: 2 for half a page).
    Pages(isize, isize),
    Top,
    Bottom,
}

impl Step {
    fn delta(self, page: isize) -> isize {
        match self {
            Step::Lines(d) => d,
            Step::Pages(dir, div) => dir * (page / div).max(1),
            Step::Top => isize::MIN / 2,
            Step::Bottom => isize::MAX / 2,
        }
    }
}

#[cfg(test)]
mod tests;
