//! The values a facet can take in a corpus (its regions, countries and join
//! years), each with its folded form and how many cities have it, and each
//! city's value as a number, so that filtering compares numbers, not text.

use std::collections::{BTreeMap, HashMap};

use crate::corpus::Corpus;
use crate::text::collate;
use crate::text::fold::fold;

/// One distinct value of a text facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// As the corpus writes it (the first spelling met).
    pub shown: String,
    /// Folded words, space-separated: what queries are compared with.
    pub folded: String,
    pub cities: usize,
}

/// The distinct values of one text field, in alphabetical order, and each
/// city's.
#[derive(Debug, Clone, Default)]
pub struct Field {
    pub values: Vec<Value>,
    /// Index into `values` of each city's value; `None` where it has none.
    pub of_city: Vec<Option<u32>>,
}

impl Field {
    fn new<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut values: Vec<Value> = Vec::new();
        let mut of_city = Vec::new();
        for t in texts {
            of_city.push(t.map(|t| {
                let folded = folded_words(t);
                let id = *ids.entry(folded.clone()).or_insert_with(|| {
                    values.push(Value {
                        shown: t.to_owned(),
                        folded,
                        cities: 0,
                    });
                    (values.len() - 1) as u32
                });
                values[id as usize].cities += 1;
                id
            }));
        }
        // Alphabetical, and the cities' numbers renumbered to match.
        let mut order: Vec<usize> = (0..values.len()).collect();
        order.sort_by(|&a, &b| collate::compare(&values[a].shown, &values[b].shown));
        let mut new_id = vec![0u32; values.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new as u32;
        }
        let values = order.iter().map(|&i| values[i].clone()).collect();
        let of_city = of_city
            .into_iter()
            .map(|v| v.map(|v| new_id[v as usize]))
            .collect();
        Field { values, of_city }
    }

    /// The values `query` names: the one whose whole folded form it is, or
    /// else every value with a run of words that the query's words begin
    /// (`korea` names "Republic of Korea", `asia` "Asia and the Pacific").
    pub fn lookup(&self, query: &str) -> Vec<u32> {
        let q = folded_words(query);
        if q.is_empty() {
            return Vec::new();
        }
        if let Some(i) = self.values.iter().position(|v| v.folded == q) {
            return vec![i as u32];
        }
        self.values
            .iter()
            .enumerate()
            .filter(|(_, v)| words_begin(&v.folded, &q))
            .map(|(i, _)| i as u32)
            .collect()
    }
}

/// `s` folded, its words joined by single spaces ("Iran (Islamic Republic
/// of)" → "iran islamic republic of").
pub fn folded_words(s: &str) -> String {
    let f = fold(s);
    crate::text::words::word_spans(&f)
        .map(|r| &f[r])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether consecutive words of `value` begin with the words of `query`,
/// one for one (both folded).
pub fn words_begin(value: &str, query: &str) -> bool {
    let v: Vec<&str> = value.split(' ').collect();
    let q: Vec<&str> = query.split(' ').collect();
    (0..v.len()).any(|start| {
        start + q.len() <= v.len() && q.iter().zip(&v[start..]).all(|(q, v)| v.starts_with(q))
    })
}

/// The facet values of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub regions: Field,
    pub countries: Field,
    /// Join years that occur, oldest first, with their cities.
    pub years: BTreeMap<i64, usize>,
    pub year_unknown: usize,
    /// The reader's marks per city, for `has:bookmark` and `has:unread`;
    /// empty (no city has them) where no marks were read.
    pub personal: Personal,
}

/// Per city: whether it has a bookmarked report, an unread one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Personal {
    pub bookmarked: Vec<bool>,
    pub unread: Vec<bool>,
}

impl Values {
    pub fn new(corpus: &Corpus) -> Self {
        let mut years = BTreeMap::new();
        for y in corpus.cities.iter().filter_map(|c| c.joined) {
            *years.entry(y).or_default() += 1;
        }
        Values {
            regions: Field::new(corpus.cities.iter().map(|c| c.region.as_deref())),
            countries: Field::new(corpus.cities.iter().map(|c| c.country.as_deref())),
            years,
            year_unknown: corpus.cities.iter().filter(|c| c.joined.is_none()).count(),
            personal: Personal::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_sorted_counted_and_folded() {
        let f = Field::new([Some("Türkiye"), Some("Portugal"), None, Some("TÜRKIYE")].into_iter());
        assert_eq!(f.values.len(), 2);
        assert_eq!(f.values[0].shown, "Portugal");
        assert_eq!(
            (f.values[1].folded.as_str(), f.values[1].cities),
            ("turkiye", 2)
        );
        assert_eq!(f.of_city, [Some(1), Some(0), None, Some(1)]);
    }

    #[test]
    fn a_whole_value_wins_else_words_begin() {
        let f = Field::new(
            [
                "Guinea",
                "Guinea-Bissau",
                "Republic of Korea",
                "Iran (Islamic Republic of)",
            ]
            .map(Some)
            .into_iter(),
        );
        let shown = |q: &str| -> Vec<&str> {
            f.lookup(q)
                .into_iter()
                .map(|i| f.values[i as usize].shown.as_str())
                .collect()
        };
        assert_eq!(shown("guinea"), ["Guinea"]);
        assert_eq!(shown("guin"), ["Guinea", "Guinea-Bissau"]);
        assert_eq!(shown("korea"), ["Republic of Korea"]);
        assert_eq!(
            shown("republic"),
            ["Iran (Islamic Republic of)", "Republic of Korea"]
        );
        assert_eq!(shown("iran"), ["Iran (Islamic Republic of)"]);
        assert_eq!(shown("of korea"), ["Republic of Korea"]);
        assert!(shown("atlantis").is_empty());
        assert!(shown("").is_empty());
    }
}
