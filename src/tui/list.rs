//! The city list's state: its rows (cities in the chosen order with their
//! reports under them, or, while a search is kept, the hits best first),
//! the selection and the scroll offset.

use crate::corpus::Corpus;
use crate::search::{Doc, Results};
use crate::text::collate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Joined,
    Reports,
}

impl SortKey {
    pub fn next(self) -> Self {
        match self {
            SortKey::Name => SortKey::Joined,
            SortKey::Joined => SortKey::Reports,
            SortKey::Reports => SortKey::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "by name",
            SortKey::Joined => "by join year",
            SortKey::Reports => "by reports",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub doc: Doc,
    /// 1 for a report listed under its city.
    pub depth: u8,
}

/// The three city orders, computed once: sorting by Turkish collation is
/// not free, and the order only depends on the corpus.
#[derive(Debug, Clone)]
pub struct CityOrders {
    name: Vec<usize>,
    joined: Vec<usize>,
    reports: Vec<usize>,
}

impl CityOrders {
    pub fn new(corpus: &Corpus) -> Self {
        let mut name: Vec<usize> = (0..corpus.cities.len()).collect();
        name.sort_by(|&a, &b| collate::compare(&corpus.cities[a].name, &corpus.cities[b].name));
        // Stable sorts over the name order: ties stay alphabetical.
        let mut joined = name.clone();
        joined.sort_by_key(|&c| (corpus.cities[c].joined.is_none(), corpus.cities[c].joined));
        let mut reports = name.clone();
        reports.sort_by_key(|&c| std::cmp::Reverse(corpus.articles_of(c).len()));
        CityOrders {
            name,
            joined,
            reports,
        }
    }

    pub fn get(&self, key: SortKey) -> &[usize] {
        match key {
            SortKey::Name => &self.name,
            SortKey::Joined => &self.joined,
            SortKey::Reports => &self.reports,
        }
    }
}

/// Rows for `cities` in order, each followed by its reports where `open`.
fn city_rows(corpus: &Corpus, cities: impl Iterator<Item = Doc>, open: &[bool]) -> Vec<Row> {
    let mut rows = Vec::new();
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
    rows
}

/// Browsing rows: every city, and the reports of expanded cities under it.
pub fn browse_rows(corpus: &Corpus, order: &[usize], expanded: &[bool]) -> Vec<Row> {
    city_rows(corpus, order.iter().map(|&c| Doc::City(c)), expanded)
}

/// Result rows: the hits, best first, with the reports of the city hits
/// that were opened listed under them.
pub fn hit_rows(corpus: &Corpus, results: &Results, opened: &[bool]) -> Vec<Row> {
    city_rows(corpus, results.hits.iter().map(|h| h.doc), opened)
}

#[derive(Debug, Clone)]
pub struct ListPane {
    pub sort: SortKey,
    /// Browsing: the cities whose reports are listed under them.
    expanded: Vec<bool>,
    /// Results: the city hits whose reports are listed under them.
    opened: Vec<bool>,
    pub rows: Vec<Row>,
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
            sort: SortKey::Name,
            expanded,
            opened: vec![false; corpus.cities.len()],
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            height: 1,
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
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
        keep: Option<Doc>,
    ) {
        self.rows = match results {
            Some(r) => hit_rows(corpus, r, &self.opened),
            None => browse_rows(corpus, orders.get(self.sort), &self.expanded),
        };
        if let Some(i) = keep.and_then(|d| self.rows.iter().position(|r| r.doc == d)) {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.keep_visible();
    }

    /// New results: the first hit selected, no city opened yet.
    pub fn show_results(
        &mut self,
        corpus: &Corpus,
        orders: &CityOrders,
        results: Option<&Results>,
    ) {
        self.opened.iter_mut().for_each(|o| *o = false);
        self.selected = 0;
        self.offset = 0;
        self.rebuild(corpus, orders, results, None);
    }

    /// Moves the selection by `delta` rows; true if it moved.
    pub fn step(&mut self, delta: isize) -> bool {
        let last = self.rows.len().saturating_sub(1) as isize;
        let to = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last) as usize;
        let moved = to != self.selected;
        self.selected = to;
        self.keep_visible();
        moved
    }

    /// Selects `doc` if it is listed; true if it is.
    pub fn select(&mut self, doc: Doc) -> bool {
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

    pub fn keep_visible(&mut self) {
        let h = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::search::SearchIndex;

    fn names(c: &Corpus, key: SortKey) -> Vec<&str> {
        CityOrders::new(c)
            .get(key)
            .iter()
            .map(|&i| c.cities[i].name.as_str())
            .collect()
    }

    #[test]
    fn orders() {
        let c = bundled();
        assert_eq!(
            names(&c, SortKey::Name)[..4],
            ["Afyonkarahisar", "Ankara", "Balıkesir", "Bolu"]
        );
        let by_year = names(&c, SortKey::Joined);
        assert_eq!(by_year[0], "Eskişehir");
        assert_eq!(by_year[9..], ["Hatay", "Konya"], "unknown years last");
        let by_reports = names(&c, SortKey::Reports);
        assert_eq!(by_reports[..2], ["Ankara", "Balıkesir"]);
    }

    #[test]
    fn expanded_cities_list_their_reports() {
        let c = bundled();
        let orders = CityOrders::new(&c);
        let mut expanded = vec![false; c.cities.len()];
        assert_eq!(
            browse_rows(&c, orders.get(SortKey::Name), &expanded).len(),
            11
        );
        let ankara = c.city_index("ankara").unwrap();
        expanded[ankara] = true;
        let rows = browse_rows(&c, orders.get(SortKey::Name), &expanded);
        assert_eq!(rows.len(), 12);
        assert_eq!(
            rows[2],
            Row {
                doc: Doc::Article(c.article_index("ankara-belmek-2025").unwrap()),
                depth: 1
            }
        );
    }

    #[test]
    fn an_opened_city_hit_lists_its_reports_under_it() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let r = idx.search("eskisehir ankara");
        assert!(r.hits.is_empty());
        let r = idx.search("ankara");
        let ankara = c.city_index("ankara").unwrap();
        let mut opened = vec![false; c.cities.len()];
        let before = hit_rows(&c, &r, &opened).len();
        opened[ankara] = true;
        let rows = hit_rows(&c, &r, &opened);
        assert_eq!(rows.len(), before + 1);
        let at = rows
            .iter()
            .position(|r| r.doc == Doc::City(ankara))
            .unwrap();
        assert_eq!(rows[at + 1].depth, 1);
    }

    #[test]
    fn the_selection_stays_on_screen() {
        let c = bundled();
        let mut l = ListPane::new(&c, true);
        l.rebuild(&c, &CityOrders::new(&c), None, None);
        l.set_height(3);
        l.step(5);
        assert!(l.selected >= l.offset && l.selected < l.offset + 3);
        l.step(-100);
        assert_eq!((l.selected, l.offset), (0, 0));
    }
}
