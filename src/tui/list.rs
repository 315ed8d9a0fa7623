//! The rows of the city list: cities in the chosen order with their reports
//! under them, or, while a search filter is on, the hits best first.

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

/// Browsing rows: every city, and the reports of expanded cities under it.
pub fn browse_rows(corpus: &Corpus, order: &[usize], expanded: &[bool]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(order.len());
    for &c in order {
        rows.push(Row {
            doc: Doc::City(c),
            depth: 0,
        });
        if expanded[c] {
            rows.extend(corpus.articles_of(c).iter().map(|&a| Row {
                doc: Doc::Article(a),
                depth: 1,
            }));
        }
    }
    rows
}

/// Filter rows: the hits, best first.
pub fn hit_rows(results: &Results) -> Vec<Row> {
    results
        .hits
        .iter()
        .map(|h| Row {
            doc: h.doc,
            depth: 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

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
}
