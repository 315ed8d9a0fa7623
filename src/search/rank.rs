//! Scoring and ordering. Per query word, a document scores its best matching
//! word: exact over prefix over typo over fuzzy, and a name or title over a
//! place over body text. A document must match every query word; its score
//! is the sum, plus a bonus when the query is its whole name.

use super::index::{field, Doc, Posting, SearchIndex};
use super::query::{MatchKind, Query};
use crate::text::words::word_spans;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: Doc,
    /// Higher is better; only meaningful within one query's results.
    pub score: f32,
}

#[derive(Debug, Clone, Default)]
pub struct Results {
    pub query: Query,
    /// Best first.
    pub hits: Vec<Hit>,
}

fn field_weight(fields: u8) -> f32 {
    if fields & field::NAME != 0 {
        1.0
    } else if fields & field::PLACE != 0 {
        0.6
    } else {
        0.5
    }
}

/// Points for a query that is exactly a document's whole name.
const WHOLE_NAME_BONUS: f32 = 50.0;

impl SearchIndex {
    /// Every document matching all words of `raw`, best first. An empty
    /// query matches nothing.
    pub fn search(&self, raw: &str) -> Results {
        let query = Query::parse(self, raw);
        let hits = self.rank(&query);
        Results { query, hits }
    }

    fn rank(&self, query: &Query) -> Vec<Hit> {
        if query.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len();
        let mut total = vec![0f32; n];
        let mut alive = vec![true; n];
        let mut exact_in_name = vec![0u16; n];
        let mut best = vec![0f32; n];
        for term in &query.terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            for (&id, m) in term.words.iter() {
                for &Posting { doc, fields, count } in &self.postings[id as usize] {
                    let d = doc as usize;
                    if !alive[d] {
                        continue;
                    }
                    let s =
                        100.0 * m.weight * field_weight(fields) + 0.2 * f32::from(count.min(20));
                    if s > best[d] {
                        best[d] = s;
                    }
                    if m.kind == MatchKind::Exact && fields & field::NAME != 0 {
                        exact_in_name[d] += 1;
                    }
                }
            }
            for d in 0..n {
                if best[d] > 0.0 {
                    total[d] += best[d];
                } else {
                    alive[d] = false;
                }
            }
        }
        let terms = query.terms.len() as u16;
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| alive[d])
            .map(|d| {
                let whole = exact_in_name[d] >= terms && self.name_words[d] == terms;
                Hit {
                    doc: self.docs[d],
                    score: total[d] + if whole { WHOLE_NAME_BONUS } else { 0.0 },
                }
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| kind_order(a.doc).cmp(&kind_order(b.doc)))
        });
        hits
    }
}

/// Cities before articles; then corpus order.
fn kind_order(doc: Doc) -> (u8, usize) {
    match doc {
        Doc::City(i) => (0, i),
        Doc::Article(i) => (1, i),
    }
}

/// Number of words in a name, for the whole-name bonus.
pub(super) fn name_word_count(name: &str) -> u16 {
    word_spans(name).count().min(u16::MAX as usize) as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{bundled, Corpus};

    fn ids(corpus: &Corpus, q: &str) -> Vec<String> {
        let idx = SearchIndex::build(corpus);
        idx.search(q)
            .hits
            .iter()
            .map(|h| match h.doc {
                Doc::City(i) => format!("city:{}", corpus.cities[i].id),
                Doc::Article(i) => format!("article:{}", corpus.articles[i].id),
            })
            .collect()
    }

    #[test]
    fn a_city_name_puts_the_city_first_then_its_report() {
        let c = bundled();
        for q in ["balikesir", "BALIKESIR", "Balıkesir", "balıkesır"] {
            let hits = ids(&c, q);
            assert_eq!(
                hits[..2],
                ["city:balikesir", "article:balikesir-ogrenen-sehir"],
                "{q}"
            );
        }
    }

    #[test]
    fn every_word_must_match() {
        let c = bundled();
        let hits = ids(&c, "ogrenen sehir");
        assert!(
            hits.contains(&"article:balikesir-ogrenen-sehir".to_owned()),
            "{hits:?}"
        );
        assert!(
            hits.contains(&"article:ankara-belmek-2025".to_owned()),
            "{hits:?}"
        );
        assert!(ids(&c, "belmek balikesir").is_empty());
        assert_eq!(ids(&c, "belmek kadin"), ["article:ankara-belmek-2025"]);
    }

    #[test]
    fn exact_beats_prefix_beats_typo() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let score = |q: &str| idx.search(q).hits.first().map(|h| h.score).unwrap_or(0.0);
        assert!(score("ankara") > score("ankar"));
        assert!(score("ankar") > score("ankaro"));
        assert!(score("ankaro") > 0.0);
    }

    #[test]
    fn an_exact_word_beats_a_frequent_prefix() {
        let json = r#"{"schema": 1, "cities": [{"id": "c", "name": "C", "country": "X"}],
          "articles": [
            {"id": "once", "city": "c", "title": "Bir", "body": [{"kind": "paragraph", "text": "ankara"}]},
            {"id": "often", "city": "c", "title": "Iki", "body": [{"kind": "paragraph",
              "text": "ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı ankaralı"}]}]}"#;
        let c = crate::corpus::load_bytes("t.json", json.as_bytes()).unwrap();
        assert_eq!(ids(&c, "ankara"), ["article:once", "article:often"]);
    }

    #[test]
    fn names_beat_body_text() {
        let c = bundled();
        // "Ankara" is the Ankara city's name and appears in both the
        // Ankara report's title and body: the city comes first.
        let hits = ids(&c, "ankara");
        assert_eq!(hits[0], "city:ankara");
        assert_eq!(hits[1], "article:ankara-belmek-2025");
    }

    #[test]
    fn empty_queries_match_nothing() {
        let c = bundled();
        assert!(ids(&c, "").is_empty());
        assert!(ids(&c, "  ?! ").is_empty());
    }
}
