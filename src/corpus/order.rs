//! The orders cities are listed in, by the reader and by `list`: by name in
//! Turkish alphabetical order (`text::collate`), and by country, region,
//! join year or number of reports, each with ties in name order.

use std::cmp::Ordering;

use super::model::Corpus;
use crate::text::collate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Sort {
    /// By name, in Turkish alphabetical order
    Name,
    /// By country, then name
    Country,
    /// By region, then country and name
    Region,
    /// Oldest members first, unknown years last
    Joined,
    /// Newest members first, unknown years last
    Newest,
    /// Most reports first
    Reports,
}

impl Sort {
    pub const ALL: [Sort; 6] = [
        Sort::Name,
        Sort::Country,
        Sort::Region,
        Sort::Joined,
        Sort::Newest,
        Sort::Reports,
    ];

    fn at(self) -> usize {
        Sort::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next order in the cycle (`s` in the reader); `prev` for `S`.
    pub fn next(self) -> Self {
        Sort::ALL[(self.at() + 1) % Sort::ALL.len()]
    }

    pub fn prev(self) -> Self {
        Sort::ALL[(self.at() + Sort::ALL.len() - 1) % Sort::ALL.len()]
    }

    /// Its name on the command line (`list --sort`), also how the reader
    /// keeps it between sessions.
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned())
    }

    /// The order a name names (any case), as `name` writes it.
    pub fn named(name: &str) -> Option<Sort> {
        use clap::ValueEnum;
        Sort::from_str(name, true).ok()
    }

    /// How the order is named for people, in the interface's language:
    /// "by name", "oldest first".
    pub fn label(self) -> &'static str {
        crate::i18n::label(match self {
            Sort::Name => "sort-name",
            Sort::Country => "sort-country",
            Sort::Region => "sort-region",
            Sort::Joined => "sort-joined",
            Sort::Newest => "sort-newest",
            Sort::Reports => "sort-reports",
        })
    }
}

/// Known values before unknown ones, known ones in Turkish alphabetical
/// order.
fn by_text(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => collate::compare(x, y),
        (x, y) => x.is_none().cmp(&y.is_none()),
    }
}

/// Every city's index, in the order `sort`; `by_name` is the name order
/// when it is already known (the other orders start from it).
pub fn sorted(corpus: &Corpus, sort: Sort, by_name: Option<&[usize]>) -> Vec<usize> {
    let cities = &corpus.cities;
    let mut rows: Vec<usize> = match by_name {
        Some(order) => order.to_vec(),
        None => {
            // Each name ranked once, not at each of its n log n comparisons
            // (a sixteenth of a warm start at 100 000 reports).
            let mut v: Vec<usize> = (0..cities.len()).collect();
            v.sort_by_cached_key(|&c| {
                let name = cities[c].name.as_str();
                (collate::key(name), name, cities[c].id.as_str())
            });
            v
        }
    };
    // Stable sorts over the name order: ties stay alphabetical.
    match sort {
        Sort::Name => {}
        Sort::Country => rows
            .sort_by(|&a, &b| by_text(cities[a].country.as_deref(), cities[b].country.as_deref())),
        Sort::Region => rows.sort_by(|&a, &b| {
            by_text(cities[a].region.as_deref(), cities[b].region.as_deref())
                .then_with(|| by_text(cities[a].country.as_deref(), cities[b].country.as_deref()))
        }),
        Sort::Joined => rows.sort_by_key(|&c| (cities[c].joined.is_none(), cities[c].joined)),
        Sort::Newest => rows.sort_by_key(|&c| {
            (
                cities[c].joined.is_none(),
                std::cmp::Reverse(cities[c].joined),
            )
        }),
        Sort::Reports => rows.sort_by_key(|&c| std::cmp::Reverse(corpus.articles_of(c).len())),
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn names(c: &Corpus, sort: Sort) -> Vec<&str> {
        sorted(c, sort, None)
            .into_iter()
            .map(|i| c.cities[i].name.as_str())
            .collect()
    }

    #[test]
    fn every_order_keeps_names_alphabetical_within_ties() {
        let c = bundled();
        let by_name = names(&c, Sort::Name);
        assert_eq!(by_name.len(), 320);
        // Turkish order: "Iğdır"-like dotless I before İ, Ş after S.
        let at = |n: &str| by_name.iter().position(|x| *x == n).unwrap();
        assert!(at("Sakarya") < at("Sejong"));
        assert!(at("Hatay") < at("İzmir"));
        let by_country = sorted(&c, Sort::Country, None);
        let countries: Vec<Option<&str>> = by_country
            .iter()
            .map(|&i| c.cities[i].country.as_deref())
            .collect();
        assert_eq!(countries[0], Some("Algeria"));
        assert_eq!(countries[countries.len() - 1], None, "unknown last");
        let turkish: Vec<&str> = by_country
            .iter()
            .filter(|&&i| c.cities[i].country.as_deref() == Some("Türkiye"))
            .map(|&i| c.cities[i].name.as_str())
            .collect();
        assert_eq!(turkish[..3], ["Afyonkarahisar", "Ankara", "Balıkesir"]);
        let newest = names(&c, Sort::Newest);
        assert_eq!(c.cities[c.city_index("ankara").unwrap()].joined, Some(2025));
        assert!(newest[..46].contains(&"Ankara"));
        let joined = sorted(&c, Sort::Joined, None);
        assert_eq!(c.cities[joined[0]].joined, Some(2015));
        assert_eq!(c.cities[joined[319]].joined, None);
        assert_eq!(names(&c, Sort::Reports)[..2], ["Ankara", "Balıkesir"]);
    }

    #[test]
    fn the_cycle_visits_every_order() {
        let mut s = Sort::Name;
        for _ in 0..Sort::ALL.len() {
            s = s.next();
            assert_eq!(s.prev().next(), s);
        }
        assert_eq!(s, Sort::Name);
    }

    #[test]
    fn every_order_is_named_in_both_languages() {
        use crate::i18n::{with, Lang};
        with(Lang::En, || {
            assert_eq!(Sort::Name.label(), "by name");
            assert_eq!(Sort::Joined.label(), "oldest first");
        });
        with(Lang::Tr, || {
            assert_eq!(Sort::Name.label(), "ada göre");
            assert_eq!(Sort::Newest.label(), "önce en yeni");
        });
        for lang in Lang::ALL {
            with(lang, || {
                for s in Sort::ALL {
                    assert!(!s.label().starts_with("sort-"), "{s:?} in {lang:?}");
                }
            });
        }
    }
}
