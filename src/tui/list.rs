//! The city list's state: its rows (cities in the chosen order with their
//! reports under them, or, while a search is kept, the hits best first),
//! the selection and the scroll offset.
//!
//! A search puts only its best hits in order (`SearchIndex::search_top`);
//! the list holds the others apart and orders them the first time it is
//! moved or scrolled near them.

use std::cell::OnceCell;

use crate::corpus::order::{sorted, Sort};
use crate::corpus::Corpus;
use crate::search::{Doc, Hit, Results};

/// How many hits a search puts in order for the list: many screens of the
/// tallest list (500 rows), so that the rest is ordered only for a reader
/// who goes past them.
pub const ORDERED_HITS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub doc: Doc,
    /// 1 for a report listed under its city.
    pub depth: u8,
}

/// The city orders, each computed the first time it is asked for (sorting
/// by Turkish collation is not free) and kept: they depend only on the
/// corpus.
#[derive(Debug, Clone, Default)]
pub struct CityOrders {
    orders: [OnceCell<Vec<usize>>; 6],
}

impl CityOrders {
    pub fn new(_corpus: &Corpus) -> Self {
        CityOrders::default()
    }

    pub fn get(&self, corpus: &Corpus, key: Sort) -> &[usize] {
        let name = self.orders[0].get_or_init(|| sorted(corpus, Sort::Name, None));
        let at = Sort::ALL.iter().position(|s| *s == key).unwrap_or(0);
        self.orders[at].get_or_init(|| sorted(corpus, key, Some(name)))
    }
}

/// Rows for `cities` in order, each followed by its reports where `open`,
/// appended to `rows`.
fn push_city_rows(
    rows: &mut Vec<Row>,
    corpus: &Corpus,
    cities: impl Iterator<Item = Doc>,
    open: &[bool],
) {
    rows.reserve(cities.size_hint().0);
    for doc in cities {
        rows.push(Row { doc, depth: 0 });
        if let Doc::City(c) = doc {
            if open.get(c).copied().unwrap_or(false) {
                rows.extend(corpus.articles_of(c).iter().map(|&a| Row {
                    doc: Doc::Article(a),
                    depth: 1,
                }));
            }
        }
    }
}

/// Whether city `c` is among `members` (every city when there is no filter).
fn member(members: Option<&[bool]>, c: usize) -> bool {
    members.is_none_or(|m| m.get(c).copied().unwrap_or(false))
}

/// Browsing rows: every city the filter lets through, and the reports of
/// expanded cities under it, appended to `rows`.
fn push_browse_rows(
    rows: &mut Vec<Row>,
    corpus: &Corpus,
    order: &[usize],
    expanded: &[bool],
    members: Option<&[bool]>,
) {
    let cities = order.iter().filter(|&&c| member(members, c));
    push_city_rows(rows, corpus, cities.map(|&c| Doc::City(c)), expanded);
}

#[derive(Debug, Clone)]
pub struct ListPane {
    pub sort: Sort,
    /// Browsing: the cities whose reports are listed under them.
    expanded: Vec<bool>,
    /// Results: the city hits whose reports are listed under them.
    opened: Vec<bool>,
    /// The rows in order. While a search is kept, hits past these may wait
    /// in `unordered`; `len` counts both.
    pub rows: Vec<Row>,
    /// Hits that rank below every row, in no order until the list is moved
    /// or scrolled near them (`reveal`). Never opened cities, so each is one
    /// row.
    unordered: Vec<Hit>,
    /// The rows of reports listed under their city, in order: the others
    /// are the top-level rows (cities, or hits) the list counts, "12/320".
    /// Few, where a row per row would be 100 000 numbers per keystroke.
    nested: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    /// Rows on screen, set by the app from the layout.
    pub height: usize,
}

impl ListPane {
    /// Every city with reports starts expanded when the list stays short.
    pub fn new(corpus: &Corpus, expand_all: bool) -> Self {
        let expanded = (0..corpus.cities.len())
            .map(|c| expand_all && !corpus.articles_of(c).is_empty())
            .collect();
        ListPane {
            sort: Sort::Name,
            expanded,
            opened: vec![false; corpus.cities.len()],
            rows: Vec::new(),
            unordered: Vec::new(),
            nested: Vec::new(),
            selected: 0,
            offset: 0,
            height: 1,
        }
    }

    /// Every row, including hits not yet in order.
    pub fn len(&self) -> usize {
        self.rows.len() + self.unordered.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Puts the hits waiting in `unordered` in order, when row `i` is
    /// among them: rows before them never move, so a selection or an
    /// offset keeps its meaning.
    fn reveal(&mut self, i: usize) {
        if i >= self.rows.len() && !self.unordered.is_empty() {
            crate::search::order(&mut self.unordered);
            self.rows.extend(self.unordered.drain(..).map(|h| Row {
                doc: h.doc,
                depth: 0,
            }));
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }

    /// The selected city's or hit's place among the top-level rows, and
    /// how many there are: "12/320".
    pub fn position(&self) -> (usize, usize) {
        let at = if self.selected < self.rows.len() {
            let nested = self.nested.partition_point(|&i| i <= self.selected);
            self.selected + 1 - nested
        } else {
            0
        };
        (at, self.len() - self.nested.len())
    }

    pub fn selected_doc(&self) -> Option<Doc> {
        self.selected_row().map(|r| r.doc)
    }

    /// Whether a city's reports are listed under it, in the given mode.
    pub fn is_open(&self, city: usize, in_results: bool) -> bool {
        let open = if in_results {
            &self.opened
        } else {
            &self.expanded
        };
        open.get(city).copied().unwrap_or(false)
    }

    /// Shows or hides a city's reports under it.
    pub fn toggle(&mut self, city: usize, in_results: bool) {
        let open = if in_results {
            &mut self.opened
        } else {
            &mut self.expanded
        };
        if let Some(o) = open.get_mut(city) {
            *o = !*o;
        }
    }

    /// Shows a city's reports under it (browsing), so one can be selected.
    pub fn expand(&mut self, city: usize) -> bool {
        match self.expanded.get_mut(city) {
            Some(e) if !*e => {
                *e = true;
                true
            }
            _ => false,
        }
    }

    /// Rebuilds the rows for the results (or the browse list), keeping
    /// `keep` selected if it is still listed.
    pub fn rebuild(
        &mut self,
        corpus: &Corpus,
        orders: &CityOrders,
        results: Option<&Results>,
        members: Option<&[bool]>,
        keep: Option<Doc>,
    ) {
        // The rows' memory is kept: 100 000 of them at a keystroke go into
        // pages already there, not fresh ones.
        let mut rows = std::mem::take(&mut self.rows);
        rows.clear();
        self.unordered.clear();
        match results {
            Some(r) => {
                push_city_rows(
                    &mut rows,
                    corpus,
                    r.ordered().iter().map(|h| h.doc),
                    &self.opened,
                );
                self.unordered.extend_from_slice(r.unordered());
                // A city opened when the hits were all in order lists its
                // reports under it.
                let opened = &self.opened;
                let is_open =
                    |h: &Hit| matches!(h.doc, Doc::City(c) if opened.get(c) == Some(&true));
                if opened.contains(&true) && self.unordered.iter().any(is_open) {
                    crate::search::order(&mut self.unordered);
                    let hits = self.unordered.drain(..).map(|h| h.doc);
                    push_city_rows(&mut rows, corpus, hits, &self.opened);
                }
            }
            None => {
                let order = orders.get(corpus, self.sort);
                push_browse_rows(&mut rows, corpus, order, &self.expanded, members);
            }
        }
        self.rows = rows;
        self.nested.clear();
        self.nested.extend(
            self.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.depth != 0)
                .map(|(i, _)| i),
        );
        if let Some(d) = keep {
            if self.unordered.iter().any(|h| h.doc == d) {
                self.reveal(usize::MAX);
            }
            if let Some(i) = self.rows.iter().position(|r| r.doc == d) {
                self.selected = i;
            }
        }
        self.selected = self.selected.min(self.len().saturating_sub(1));
        self.keep_visible();
    }

    /// New results: the first hit selected, no city opened yet.
    pub fn show_results(&mut self, corpus: &Corpus, orders: &CityOrders, results: &Results) {
        self.opened.iter_mut().for_each(|o| *o = false);
        self.selected = 0;
        self.offset = 0;
        self.rebuild(corpus, orders, Some(results), None, None);
    }

    /// Moves the selection by `delta` rows; true if it moved.
    pub fn step(&mut self, delta: isize) -> bool {
        let last = self.len().saturating_sub(1) as isize;
        let to = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last) as usize;
        self.reveal(to);
        let moved = to != self.selected;
        self.selected = to;
        self.keep_visible();
        moved
    }

    /// Selects `doc` if it is listed; true if it is.
    pub fn select(&mut self, doc: Doc) -> bool {
        if self.unordered.iter().any(|h| h.doc == doc) {
            self.reveal(usize::MAX);
        }
        match self.rows.iter().position(|r| r.doc == doc) {
            Some(i) => {
                self.selected = i;
                self.keep_visible();
                true
            }
            None => false,
        }
    }

    pub fn set_height(&mut self, height: usize) {
        self.height = height.max(1);
        self.keep_visible();
    }

    /// The wheel: the rows move, the selection stays (and may leave the
    /// screen until a key moves it), as in a browser or less.
    pub fn scroll_by(&mut self, delta: isize) {
        let max = self.len().saturating_sub(self.height.max(1));
        self.offset = (self.offset as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
        self.reveal(self.offset + self.height.max(1) - 1);
    }

    pub fn keep_visible(&mut self) {
        let h = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(self.len().saturating_sub(h));
        self.reveal(self.selected.max(self.offset + h - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::search::{Keep, SearchIndex};

    #[test]
    fn orders_are_computed_once_and_agree_with_the_cli() {
        let c = bundled();
        let o = CityOrders::new(&c);
        for sort in Sort::ALL {
            assert_eq!(o.get(&c, sort), sorted(&c, sort, None), "{sort:?}");
            assert!(std::ptr::eq(o.get(&c, sort), o.get(&c, sort)));
        }
    }

    #[test]
    fn expanded_cities_list_their_reports() {
        let c = bundled();
        let orders = CityOrders::new(&c);
        let mut l = ListPane::new(&c, false);
        l.rebuild(&c, &orders, None, None, None);
        assert_eq!(l.len(), 320);
        let ankara = c.city_index("ankara").unwrap();
        l.toggle(ankara, false);
        l.rebuild(&c, &orders, None, None, None);
        assert_eq!(l.len(), 321);
        let at = l
            .rows
            .iter()
            .position(|r| r.doc == Doc::City(ankara))
            .unwrap();
        assert_eq!(
            l.rows[at + 1],
            Row {
                doc: Doc::Article(c.article_index("ankara-belmek-2025").unwrap()),
                depth: 1
            }
        );
    }

    /// The bundled corpus, its index and its city orders.
    fn indexed() -> (Corpus, SearchIndex, CityOrders) {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let orders = CityOrders::new(&c);
        (c, idx, orders)
    }

    #[test]
    fn an_opened_city_hit_lists_its_reports_under_it() {
        let (c, idx, orders) = indexed();
        let r = idx.search("eskisehir ankara");
        assert!(r.is_empty());
        let r = idx.search("ankara");
        let ankara = c.city_index("ankara").unwrap();
        let mut l = ListPane::new(&c, false);
        l.show_results(&c, &orders, &r);
        let before = l.len();
        l.toggle(ankara, true);
        l.rebuild(&c, &orders, Some(&r), None, None);
        assert_eq!(l.len(), before + 1);
        let at = l
            .rows
            .iter()
            .position(|r| r.doc == Doc::City(ankara))
            .unwrap();
        assert_eq!(l.rows[at + 1].depth, 1);
    }

    /// A city opened once the list had ordered every hit keeps its reports
    /// under it when the rows are made again from results that order only
    /// the first few.
    #[test]
    fn a_city_opened_past_the_ordered_hits_keeps_its_reports_under_it() {
        let (c, idx, orders) = indexed();
        let ankara = c.city_index("ankara").unwrap();
        let full = idx.search("a");
        let at = full
            .ordered()
            .iter()
            .position(|h| h.doc == Doc::City(ankara))
            .unwrap();
        assert!(at > 2, "Ankara is hit {at}");
        let part = idx.search_top("a", Keep::All, at - 1);
        let mut l = ListPane::new(&c, false);
        l.set_height(3);
        l.show_results(&c, &orders, &part);
        assert!(l.select(Doc::City(ankara)));
        l.toggle(ankara, true);
        l.rebuild(&c, &orders, Some(&part), None, Some(Doc::City(ankara)));
        let mut want: Vec<Doc> = full.ordered().iter().map(|h| h.doc).collect();
        let report = Doc::Article(c.article_index("ankara-belmek-2025").unwrap());
        want.insert(at + 1, report);
        let rows: Vec<Doc> = l.rows.iter().map(|r| r.doc).collect();
        assert_eq!(rows, want);
        assert_eq!(l.selected_doc(), Some(Doc::City(ankara)));
        assert_eq!(l.rows[at + 1].depth, 1);
    }

    /// Hits a search left out of order are put in order the moment the
    /// list reaches them, by a step, a jump to the end, the wheel or a
    /// selected document, and the list then reads as the full order.
    #[test]
    fn hits_left_unordered_are_ordered_when_the_list_reaches_them() {
        let (c, idx, orders) = indexed();
        let full = idx.search("a");
        let n = full.len();
        assert!(n > 40, "{n} hits");
        let want: Vec<Doc> = full.ordered().iter().map(|h| h.doc).collect();
        let rows = |l: &ListPane| l.rows.iter().map(|r| r.doc).collect::<Vec<_>>();
        let fresh = |height| {
            let mut l = ListPane::new(&c, false);
            l.set_height(height);
            l.show_results(&c, &orders, &idx.search_top("a", Keep::All, 10));
            assert_eq!(l.len(), n);
            assert_eq!(l.position(), (1, n));
            l
        };
        // Steps within the ordered hits leave the rest alone.
        let mut l = fresh(5);
        l.step(9);
        assert_eq!(rows(&l), want[..10]);
        assert_eq!(l.selected_doc(), Some(want[9]));
        // One more reaches them.
        l.step(1);
        assert_eq!(rows(&l), want);
        assert_eq!(l.selected_doc(), Some(want[10]));
        assert_eq!(l.position(), (11, n));
        let mut l = fresh(5);
        l.step(isize::MAX / 2);
        assert_eq!(l.selected_doc(), Some(want[n - 1]));
        assert_eq!(l.position(), (n, n));
        let mut l = fresh(5);
        l.scroll_by(8);
        assert_eq!(rows(&l), want);
        let mut l = fresh(5);
        assert!(l.select(want[n - 3]));
        assert_eq!(l.selected, n - 3);
        assert_eq!(rows(&l), want);
        // A taller list than the ordered hits orders them at once.
        let l = fresh(30);
        assert_eq!(rows(&l), want);
    }

    #[test]
    fn a_filter_keeps_its_members_and_the_position_counts_cities() {
        let c = bundled();
        let orders = CityOrders::new(&c);
        let mut l = ListPane::new(&c, true);
        let members: Vec<bool> = c
            .cities
            .iter()
            .map(|x| x.country.as_deref() == Some("Türkiye"))
            .collect();
        l.rebuild(&c, &orders, None, Some(&members), None);
        // 11 cities and the 2 reports listed under theirs.
        assert_eq!(l.rows.len(), 13);
        assert_eq!(l.position(), (1, 11));
        l.step(100);
        assert_eq!(l.position(), (11, 11));
        // A report counts as the city it is listed under.
        for i in 0..l.rows.len() {
            l.selected = i;
            let cities = l.rows[..=i].iter().filter(|r| r.depth == 0).count();
            assert_eq!(l.position(), (cities, 11), "row {i}");
        }
        l.selected = l.rows.len();
        assert_eq!(l.position(), (0, 11));
    }

    #[test]
    fn the_selection_stays_on_screen() {
        let c = bundled();
        let mut l = ListPane::new(&c, true);
        l.rebuild(&c, &CityOrders::new(&c), None, None, None);
        l.set_height(3);
        l.step(5);
        assert!(l.selected >= l.offset && l.selected < l.offset + 3);
        l.step(-100);
        assert_eq!((l.selected, l.offset), (0, 0));
    }
}
