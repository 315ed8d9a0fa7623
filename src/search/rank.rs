//! Scoring and ordering.
//!
//! Per query word, a document scores its best matching word, in tiers that
//! nothing else can overturn: where the word is (a name or title, then a
//! place or an id, then body text), then how it matched (exact, prefix,
//! typo, fuzzy). Within a tier, the match's closeness, how much of the
//! name the query covers and how often the word occurs break ties. So the
//! order holds while a word is typed: `bal`, `balik` and `balikesir` all
//! put the city Balıkesir (its whole name) before the report whose title
//! starts with it, and before any text that merely mentions it.

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

/// Where the word occurs, best place first.
fn field_tier(fields: u8) -> f32 {
    if fields & field::NAME != 0 {
        3.0
    } else if fields & (field::PLACE | field::ID) != 0 {
        2.0
    } else {
        1.0
    }
}

fn kind_tier(kind: MatchKind) -> f32 {
    match kind {
        MatchKind::Exact => 4.0,
        MatchKind::Prefix => 3.0,
        MatchKind::Typo => 2.0,
        MatchKind::Fuzzy => 1.0,
    }
}

/// One field tier is worth more than any kind tier, which is worth more
/// than all the tie-breakers together.
const FIELD: f32 = 1000.0;
const KIND: f32 = 100.0;
/// Tie-breakers: the match's closeness (weight 0..1), the share of the
/// name covered, and how often the word occurs.
const CLOSENESS: f32 = 40.0;
const COVERAGE: f32 = 30.0;
const FREQUENCY: f32 = 0.5;

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
        // Name words the query covers, per document.
        let mut covered = vec![0u16; n];
        let mut best = vec![0f32; n];
        let mut in_name = vec![0u16; n];
        for term in &query.terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            in_name.iter_mut().for_each(|c| *c = 0);
            for &(id, m) in term.words.iter() {
                for &Posting {
                    doc, fields, count, ..
                } in self.postings.get(id as usize)
                {
                    let d = doc as usize;
                    // A posting past the documents could only come from a
                    // damaged cache file: skipped, never a panic.
                    if !alive.get(d).copied().unwrap_or(false) {
                        continue;
                    }
                    let s = FIELD * field_tier(fields)
                        + KIND * kind_tier(m.kind)
                        + CLOSENESS * m.weight
                        + FREQUENCY * f32::from(count.min(20)) / 20.0;
                    if s > best[d] {
                        best[d] = s;
                    }
                    if fields & field::JOINED != 0 {
                        in_name[d] = self.name_words[d];
                    } else if fields & field::NAME != 0 {
                        in_name[d] = in_name[d].max(1);
                    }
                }
            }
            for d in 0..n {
                if best[d] > 0.0 {
                    total[d] += best[d];
                    covered[d] = covered[d].saturating_add(in_name[d]);
                } else {
                    alive[d] = false;
                }
            }
        }
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| alive[d])
            .map(|d| {
                let words = f32::from(self.name_words[d].max(1));
                let coverage = (f32::from(covered[d]) / words).min(1.0);
                Hit {
                    doc: self.docs[d],
                    score: total[d] + COVERAGE * coverage,
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

/// Number of words in a name, for the share of it a query covers.
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

    /// Issue 8, item 10: the city whose name is typed comes first at every
    /// prefix length and with typos, above the report whose title has it.
    /// While the prefix is still that of other cities' names too ("bal":
    /// Balanga City, Balıkesir), one of those cities comes first.
    #[test]
    fn ranking_holds_while_a_name_is_typed() {
        let c = bundled();
        let names: Vec<(String, String)> = c
            .cities
            .iter()
            .map(|x| (x.id.clone(), crate::text::fold::fold(&x.name)))
            .collect();
        for (typed, city) in [
            ("balikesir", "balikesir"),
            ("ankara", "ankara"),
            ("ankra", "ankara"),
            ("blkesir", "balikesir"),
            ("balikesr", "balikesir"),
        ] {
            let lens = if typed.len() == city.len() && typed == city {
                3..=typed.len()
            } else {
                typed.len()..=typed.len()
            };
            for len in lens {
                let q = &typed[..len];
                let hits = ids(&c, q);
                let sharing: Vec<String> = names
                    .iter()
                    .filter(|(_, n)| n.starts_with(q))
                    .map(|(id, _)| format!("city:{id}"))
                    .collect();
                let first = hits.first().cloned().unwrap_or_default();
                if sharing.len() > 1 {
                    assert!(sharing.contains(&first), "{q}: {hits:?}");
                } else {
                    assert_eq!(first, format!("city:{city}"), "{q}: {hits:?}");
                }
            }
        }
    }

    #[test]
    fn a_name_match_beats_a_body_match_of_the_same_kind() {
        let json = r#"{"schema": 1, "cities": [{"id": "c", "name": "Kadin", "country": "X"}],
          "articles": [
            {"id": "a", "city": "c", "title": "Bir", "body": [{"kind": "paragraph", "text": "kadin kadin kadin kadin kadin"}]}]}"#;
        let c = crate::corpus::load_bytes("t.json", json.as_bytes()).unwrap();
        for q in ["kad", "kadin", "kadn"] {
            assert_eq!(ids(&c, q)[0], "city:c", "{q}");
        }
    }

    #[test]
    fn ids_and_names_written_as_one_word_are_found() {
        let json = r#"{"schema": 1, "cities": [
            {"id": "ha-noi", "name": "Ha Noi", "country": "Viet Nam"},
            {"id": "cao-lanh", "name": "Cao Lãnh", "country": "Viet Nam"},
            {"id": "hcmc", "name": "Ho Chi Minh City", "country": "Viet Nam"}],
          "articles": [
            {"id": "hanoi-report-2024", "city": "ha-noi", "title": "Learning", "body": [{"kind": "paragraph", "text": "Text."}]}]}"#;
        let c = crate::corpus::load_bytes("t.json", json.as_bytes()).unwrap();
        assert_eq!(ids(&c, "hanoi")[0], "city:ha-noi");
        assert_eq!(ids(&c, "caolanh")[0], "city:cao-lanh");
        assert_eq!(ids(&c, "hochiminh")[0], "city:hcmc");
        assert_eq!(ids(&c, "hcmc")[0], "city:hcmc");
        assert_eq!(ids(&c, "hanoi-report-2024"), ["article:hanoi-report-2024"]);
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
