//! Completion of facet words in the search line: the facet names
//! (`reg` → `region:`), then the values the corpus has (`region:as` →
//! `"Asia and the Pacific"`), each with how many cities have it.

use std::ops::Range;

use super::tokens::{quote, tokens};
use super::values::{folded_words, words_begin, Field};
use super::{facet_word, Facet, Has, Values};
use crate::corpus::Status;

/// One way to complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The text that replaces what was typed.
    pub insert: String,
    /// How it is listed.
    pub shown: String,
    /// Cities with this value, where that is known.
    pub cities: Option<usize>,
}

/// What can be completed at the cursor: the byte range it would replace
/// and the candidates, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub range: Range<usize>,
    /// Which facet's values these are; `None` for facet names.
    pub facet: Option<Facet>,
    pub candidates: Vec<Candidate>,
}

/// The completion for a cursor at byte `cursor` of `q`: of the facet word
/// the cursor ends or is in. `None` when the cursor is in a plain word that
/// begins no facet name.
pub fn at(q: &str, cursor: usize, values: &Values) -> Option<Completion> {
    let cursor = cursor.min(q.len());
    let token = tokens(q)
        .into_iter()
        .find(|r| r.start < cursor && cursor <= r.end);
    let Some(token) = token else {
        // Between words: every facet name.
        return Some(names(cursor..cursor, ""));
    };
    let word = &q[token.start..cursor];
    match facet_word(word) {
        None => {
            let bare = word.strip_prefix('-').unwrap_or(word);
            if word.contains(':') {
                return None;
            }
            let c = names(token.start + (word.len() - bare.len())..cursor, bare);
            (!c.candidates.is_empty()).then_some(c)
        }
        Some((facet, _, value)) => {
            // The value being typed: after the last comma outside quotes.
            let value_start = cursor - value.len();
            let mut item_start = value_start;
            let mut quoted = false;
            for (i, ch) in value.char_indices() {
                match ch {
                    '"' => quoted = !quoted,
                    ',' if !quoted => item_start = value_start + i + 1,
                    _ => {}
                }
            }
            let typed = q[item_start..cursor].trim_start_matches('"');
            Some(Completion {
                range: item_start..cursor,
                facet: Some(facet),
                candidates: value_candidates(facet, typed, values),
            })
        }
    }
}

fn names(range: Range<usize>, typed: &str) -> Completion {
    let typed = typed.to_ascii_lowercase();
    Completion {
        range,
        facet: None,
        candidates: Facet::ALL
            .into_iter()
            .filter(|f| f.name().starts_with(&typed))
            .map(|f| Candidate {
                insert: format!("{}:", f.name()),
                shown: format!("{}:", f.name()),
                cities: None,
            })
            .collect(),
    }
}

/// The values of `facet` that what was typed begins.
pub fn value_candidates(facet: Facet, typed: &str, values: &Values) -> Vec<Candidate> {
    let field = |f: &Field| -> Vec<Candidate> {
        let q = folded_words(typed);
        f.values
            .iter()
            .filter(|v| q.is_empty() || words_begin(&v.folded, &q))
            .map(|v| Candidate {
                insert: quote(&v.shown),
                shown: v.shown.clone(),
                cities: Some(v.cities),
            })
            .collect()
    };
    let plain = |items: Vec<(String, Option<usize>)>| -> Vec<Candidate> {
        let low = typed.to_lowercase();
        items
            .into_iter()
            .filter(|(s, _)| s.starts_with(&low))
            .map(|(s, n)| Candidate {
                insert: s.clone(),
                shown: s,
                cities: n,
            })
            .collect()
    };
    match facet {
        Facet::Region => field(&values.regions),
        Facet::Country => field(&values.countries),
        Facet::Joined => {
            // A comparison typed first keeps its sign on every year.
            let op: String = typed.chars().take_while(|c| "<>=".contains(*c)).collect();
            let mut items: Vec<(String, Option<usize>)> = values
                .years
                .iter()
                .map(|(y, n)| (format!("{op}{y}"), op.is_empty().then_some(*n)))
                .collect();
            if op.is_empty() && values.year_unknown > 0 {
                items.push(("unknown".into(), Some(values.year_unknown)));
            }
            plain(items)
        }
        Facet::Status => plain(
            Status::ALL
                .into_iter()
                .map(|s| (s.as_str().to_owned(), None))
                .collect(),
        ),
        Facet::Has => plain(
            Has::ALL
                .into_iter()
                .map(|h| (h.name().to_owned(), None))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn inserts(q: &str) -> Vec<String> {
        let v = Values::new(&bundled());
        at(q, q.len(), &v)
            .map(|c| c.candidates.into_iter().map(|c| c.insert).collect())
            .unwrap_or_default()
    }

    #[test]
    fn facet_names_complete_from_their_first_letters() {
        assert_eq!(inserts("ankara reg"), ["region:"]);
        assert_eq!(inserts("-co"), ["country:"]);
        assert_eq!(
            inserts("ankara "),
            ["region:", "country:", "joined:", "status:", "has:"]
        );
        assert!(inserts("ankara").is_empty());
    }

    #[test]
    fn values_complete_quoted_with_the_range_they_replace() {
        assert_eq!(inserts("region:as"), ["\"Asia and the Pacific\""]);
        assert_eq!(inserts("region:af"), ["Africa"]);
        assert_eq!(inserts("country:korea"), ["\"Republic of Korea\""]);
        assert_eq!(inserts("status:d"), ["disputed"]);
        assert_eq!(inserts("has:"), ["report", "coords", "bookmark", "unread"]);
        assert_eq!(
            inserts("joined:<201"),
            ["<2015", "<2016", "<2017", "<2018", "<2019"]
        );
        assert!(inserts("joined:").contains(&"unknown".to_owned()));
        let v = Values::new(&bundled());
        let q = "x region:Africa,\"arab";
        let c = at(q, q.len(), &v).unwrap();
        assert_eq!(&q[c.range.clone()], "\"arab");
        assert_eq!(c.candidates[0].insert, "\"Arab States\"");
        assert_eq!(c.candidates[0].cities, Some(53));
    }
}
