//! A query, resolved against the vocabulary: for each query word, the
//! vocabulary words it matches and how well.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use super::index::SearchIndex;
use super::typos::{TypoWalk, Walked};
use crate::text::distance::typo_budget;
use crate::text::fold::fold;
use crate::text::words::{cap_word, word_spans};

/// How a query word matched a vocabulary word, worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The query's letters appear in order, close together (fuzzy-matcher).
    Fuzzy,
    /// Within a small edit distance of the word or of its start.
    Typo,
    /// The word starts with the query word.
    Prefix,
    /// The same word.
    Exact,
}

/// One vocabulary word matched by a query word.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordMatch {
    pub kind: MatchKind,
    /// 0..=1: how good the match is, before field weights.
    pub weight: f32,
    /// How many bytes of the folded word to highlight from its start.
    pub highlight_bytes: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Term {
    pub text: String,
    pub words: Arc<WordMatches>,
}

/// A parsed query: its folded words, each resolved against the vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub(super) terms: Vec<Term>,
    /// Every vocabulary word the query matches, with how many of its bytes
    /// to highlight: built on first use, so highlighting a text costs a hash
    /// look-up per word rather than a search of the vocabulary.
    highlights: OnceLock<Arc<FxHashMap<Box<str>, usize>>>,
}

/// The distinct words of a query that are searched: every document must
/// match each of them, so more narrow nothing in practice, and a pasted
/// page of text costs what 32 words cost.
pub const MAX_TERMS: usize = 32;

/// Fuzzy matches weaker than this share of a perfect match are noise: a
/// subsequence spread over a long word ("belmek" in "belirlemek").
const FUZZY_MIN_QUALITY: f32 = 0.72;
/// Shortest query word that may match with a typo or fuzzily.
const MIN_FUZZY_LEN: usize = 3;
/// Cells of the fuzzy matcher's tables (a query word's letters by a
/// candidate's) one query may fill, shared between its words. Ordinary
/// text fills far less: at most 14 000 (88 000) per word for 20 000 query
/// words, prefixes and typos of the vocabulary of 10 000 (100 000)
/// generated reports. A vocabulary of long words that all hold a long
/// query word's letters in order would fill 2 000 per word: seconds per
/// query word. Past its share a word's remaining candidates, the weakest
/// kind of match, are left out.
pub(super) const FUZZY_CELLS: usize = 1 << 20;
/// Cells of the typo walk's rows (`typos.rs`) one query may compute,
/// shared between its words. Ordinary text computes far less: at most
/// 13 155 per query word on the 100 000-report prose corpus and 207 905 on
/// the generated one (1 005 and 1 179 query words: words of the corpus, a
/// swap, a dropped letter and a prefix of each), so nothing is left out
/// of a query of up to ten words even there. A vocabulary made so that
/// every word stays within two edits of a long query word for most of its
/// letters computed 36.7 million for one query word at 400 000 words
/// (0.42 s). This is about 24 ms, the fuzzy cells about 10 ms: a query,
/// whatever its words, costs that and the walks over the vocabulary.
pub(super) const TYPO_CELLS: usize = 1 << 21;

/// The work one query word may do: its share of the query's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Limits {
    pub typo_cells: usize,
    pub fuzzy_cells: usize,
}

impl Limits {
    /// Each word's share of a query of `words` words.
    pub fn share(words: usize) -> Limits {
        let words = words.max(1);
        Limits {
            typo_cells: TYPO_CELLS / words,
            fuzzy_cells: FUZZY_CELLS / words,
        }
    }

    /// Whether a word resolved within `self` found all that one resolved
    /// within `other` would.
    pub fn covers(self, other: Limits) -> bool {
        self.typo_cells >= other.typo_cells && self.fuzzy_cells >= other.fuzzy_cells
    }
}

/// A query word's matches, and whether they are all of them: `false` when
/// its limits stopped the typo walk or the fuzzy matcher.
#[derive(Debug, Clone)]
pub(super) struct Resolved {
    pub words: WordMatches,
    pub complete: bool,
}

impl Query {
    pub fn parse(index: &SearchIndex, raw: &str) -> Query {
        let folded = fold(raw);
        let mut seen = std::collections::HashSet::new();
        // As the index keeps words: their first 64 bytes.
        let texts: Vec<String> = word_spans(&folded)
            .map(|r| cap_word(&folded[r]).to_owned())
            .filter(|t| seen.insert(t.clone()))
            .take(MAX_TERMS)
            .collect();
        let limits = Limits::share(texts.len());
        let terms = texts
            .into_iter()
            .map(|text| {
                let words = index.resolve_cached(&text, limits);
                Term { text, words }
            })
            .collect();
        Query {
            terms,
            highlights: OnceLock::new(),
        }
    }

    /// True when the query has no words (blank or only punctuation).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded query words.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| t.text.as_str())
    }

    /// The matched folded words and how many bytes of each to highlight.
    pub(super) fn highlights(&self, index: &SearchIndex) -> &FxHashMap<Box<str>, usize> {
        self.highlights.get_or_init(|| {
            let mut map: FxHashMap<Box<str>, usize> = FxHashMap::default();
            for term in &self.terms {
                for &(id, m) in term.words.iter() {
                    let e = map
                        .entry(Box::from(index.vocab.get(id as usize)))
                        .or_insert(0);
                    *e = (*e).max(m.highlight_bytes);
                }
            }
            Arc::new(map)
        })
    }
}

/// The vocabulary words a query word matches, by word id, in id order: a
/// list, since it is only ever walked.
pub(super) type WordMatches = Vec<(u32, WordMatch)>;

/// The vocabulary words `term` matches. Exact and prefix matches come from
/// a binary search in the sorted vocabulary. Typos are looked for in the
/// whole vocabulary, walked as a trie (`typos.rs`); typos in a word still
/// being typed, and fuzzy matches, among the words that start with the same
/// letter (a contiguous range of the sorted vocabulary), which keeps a
/// keystroke cheap.
pub(super) fn resolve(index: &SearchIndex, term: &str, limits: Limits) -> Resolved {
    let prefixed = index.prefix_range(term);
    let mut out: WordMatches = prefixed
        .clone()
        .map(|id| {
            let word = index.vocab.get(id);
            let (kind, weight) = if word.len() == term.len() {
                (MatchKind::Exact, 1.0)
            } else {
                // A prefix closer to the whole word ranks higher.
                (
                    MatchKind::Prefix,
                    0.7 + 0.2 * term.len() as f32 / word.len() as f32,
                )
            };
            (
                id as u32,
                WordMatch {
                    kind,
                    weight,
                    highlight_bytes: term.len(),
                },
            )
        })
        .collect();
    let t: Vec<char> = term.chars().collect();
    if t.len() < MIN_FUZZY_LEN {
        return Resolved {
            words: out,
            complete: true,
        };
    }

    let budget = typo_budget(t.len());
    let mut complete = true;
    let mut first = [0u8; 4];
    let initial = index.prefix_range(t[0].encode_utf8(&mut first));
    // Words with a typo, in id order, none of them a prefix match.
    let mut typos: Vec<(u32, WordMatch)> = Vec::new();
    if budget > 0 {
        // Past its limit of cells the walk stops: the later words are not
        // looked at for typos (see `TYPO_CELLS`).
        let walked = TypoWalk::limited(limits.typo_cells).scan(
            &index.vocab,
            &index.word_chars,
            &t,
            budget,
            initial.clone(),
            |near| {
                if prefixed.contains(&near.id) {
                    return;
                }
                // A typo in the whole word counts before one in its start.
                let m = match (near.whole, near.head) {
                    (Some(d), _) => WordMatch {
                        kind: MatchKind::Typo,
                        weight: 0.5 - 0.1 * d as f32,
                        highlight_bytes: index.vocab.get(near.id).len(),
                    },
                    // A typo in a word still being typed: its start.
                    (None, Some((d, head))) => WordMatch {
                        kind: MatchKind::Typo,
                        weight: 0.4 - 0.1 * d as f32,
                        highlight_bytes: head,
                    },
                    (None, None) => return,
                };
                typos.push((near.id as u32, m));
            },
        );
        complete &= matches!(walked, Walked::Whole { .. });
    }

    let matcher = SkimMatcherV2::default().respect_case();
    let perfect = matcher.fuzzy_match(term, term).unwrap_or(1).max(1) as f32;
    let mut fuzzy: Vec<(u32, WordMatch)> = Vec::new();
    let mut typo_at = 0;
    let mut cells = 0;
    for id in initial {
        // `typos` is in id order: the next typo at or after `id`.
        while typos
            .get(typo_at)
            .is_some_and(|&(typo, _)| (typo as usize) < id)
        {
            typo_at += 1;
        }
        let len = usize::from(index.word_chars[id]);
        // Fuzzy: the query's letters in order, in a word not much longer.
        if len <= t.len()
            || len > t.len() * 2
            || prefixed.contains(&id)
            || typos
                .get(typo_at)
                .is_some_and(|&(typo, _)| typo as usize == id)
        {
            continue;
        }
        let word = index.vocab.get(id);
        // The matcher finds nothing unless the query's letters are in the
        // word in order; that is cheap to see, the matcher is not.
        if !in_order(&t, word) {
            continue;
        }
        cells += t.len() * len;
        if cells > limits.fuzzy_cells {
            complete = false;
            break;
        }
        if let Some(score) = matcher.fuzzy_match(word, term) {
            let quality = score as f32 / perfect;
            if quality >= FUZZY_MIN_QUALITY {
                let weight = 0.2 + 0.1 * quality.min(1.0);
                fuzzy.push((
                    id as u32,
                    WordMatch {
                        kind: MatchKind::Fuzzy,
                        weight,
                        highlight_bytes: word.len(),
                    },
                ));
            }
        }
    }
    out.extend(typos);
    out.extend(fuzzy);
    out.sort_unstable_by_key(|&(id, _)| id);
    Resolved {
        words: out,
        complete,
    }
}

/// Whether `letters` all occur in `word`, in order (with others between).
fn in_order(letters: &[char], word: &str) -> bool {
    let mut rest = letters.iter();
    let mut next = rest.next();
    for c in word.chars() {
        match next {
            Some(&l) if l == c => next = rest.next(),
            Some(_) => {}
            None => break,
        }
    }
    next.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn kinds(q: &str) -> Vec<(String, MatchKind)> {
        let idx = SearchIndex::build(&bundled());
        let query = Query::parse(&idx, q);
        let mut v: Vec<(String, MatchKind)> = query.terms[0]
            .words
            .iter()
            .map(|&(id, m)| (idx.vocab.get(id as usize).to_string(), m.kind))
            .collect();
        v.sort();
        v
    }

    fn has(v: &[(String, MatchKind)], word: &str, kind: MatchKind) -> bool {
        v.iter().any(|(w, k)| w == word && *k == kind)
    }

    /// Resolution as it was before the trie walk: every word of the
    /// vocabulary compared with the query word, one at a time.
    fn resolve_simply(index: &SearchIndex, term: &str) -> Vec<(u32, MatchKind, f32, usize)> {
        use crate::text::distance::Distance;
        let mut out: std::collections::BTreeMap<u32, WordMatch> = Default::default();
        for id in index.prefix_range(term) {
            let word = index.vocab.get(id);
            let (kind, weight) = if word.len() == term.len() {
                (MatchKind::Exact, 1.0)
            } else {
                (
                    MatchKind::Prefix,
                    0.7 + 0.2 * term.len() as f32 / word.len() as f32,
                )
            };
            let highlight_bytes = term.len();
            out.insert(
                id as u32,
                WordMatch {
                    kind,
                    weight,
                    highlight_bytes,
                },
            );
        }
        let t: Vec<char> = term.chars().collect();
        let budget = typo_budget(t.len());
        let mut dist = Distance::default();
        if t.len() >= MIN_FUZZY_LEN {
            for (id, word) in index.vocab.iter().enumerate() {
                let w: Vec<char> = word.chars().collect();
                if budget == 0 || out.contains_key(&(id as u32)) {
                    continue;
                }
                if let Some(d) = dist.within(&t, &w, budget) {
                    let weight = 0.5 - 0.1 * d as f32;
                    let highlight_bytes = word.len();
                    let kind = MatchKind::Typo;
                    out.insert(
                        id as u32,
                        WordMatch {
                            kind,
                            weight,
                            highlight_bytes,
                        },
                    );
                }
            }
            let matcher = SkimMatcherV2::default().respect_case();
            let perfect = matcher.fuzzy_match(term, term).unwrap_or(1).max(1) as f32;
            let mut first = [0u8; 4];
            for id in index.prefix_range(t[0].encode_utf8(&mut first)) {
                let word = index.vocab.get(id);
                let len = word.chars().count();
                if len <= t.len() || out.contains_key(&(id as u32)) {
                    continue;
                }
                let head: Vec<char> = word.chars().take(t.len()).collect();
                if let Some(d) = dist.within(&t, &head, budget).filter(|_| budget > 0) {
                    let weight = 0.4 - 0.1 * d as f32;
                    let highlight_bytes = head.iter().map(|c| c.len_utf8()).sum();
                    let kind = MatchKind::Typo;
                    out.insert(
                        id as u32,
                        WordMatch {
                            kind,
                            weight,
                            highlight_bytes,
                        },
                    );
                } else if len <= t.len() * 2 {
                    if let Some(score) = matcher.fuzzy_match(word, term) {
                        let quality = score as f32 / perfect;
                        if quality >= FUZZY_MIN_QUALITY {
                            let weight = 0.2 + 0.1 * quality.min(1.0);
                            let highlight_bytes = word.len();
                            let kind = MatchKind::Fuzzy;
                            out.insert(
                                id as u32,
                                WordMatch {
                                    kind,
                                    weight,
                                    highlight_bytes,
                                },
                            );
                        }
                    }
                }
            }
        }
        out.into_iter()
            .map(|(id, m)| (id, m.kind, m.weight, m.highlight_bytes))
            .collect()
    }

    #[test]
    fn the_trie_walk_finds_what_comparing_every_word_finds() {
        let idx = SearchIndex::build(&bundled());
        for term in [
            "a",
            "ab",
            "ank",
            "ankara",
            "ankra",
            "ankaro",
            "balikesir",
            "balikesor",
            "balekes",
            "blkesir",
            "belediye",
            "belediey",
            "belmek",
            "ogrenen",
            "ogrneme",
            "sehri",
            "learnin",
            "lerning",
            "citiy",
            "hochiminh",
            "hanoi",
            "kadn",
            "zzzzzz",
            "egitim",
            "egtim",
        ] {
            let got: Vec<(u32, MatchKind, f32, usize)> = resolve(&idx, term, Limits::share(1))
                .words
                .into_iter()
                .map(|(id, m)| (id, m.kind, m.weight, m.highlight_bytes))
                .collect();
            assert_eq!(got, resolve_simply(&idx, term), "{term}");
        }
    }

    /// 3 000 words 'a' × 61 with two letters changed and three added stay
    /// within two edits of 'a' × 64 for most of their letters: the typo
    /// walk computes some 600 000 cells. Alone, a query word has room for
    /// them and finds "b" + 'a' × 63, which sorts after them; as one of 32
    /// words it has a 32nd of the room, stops before it, and says so. The
    /// cache then serves the cut matches to no query that gives the word
    /// more room, and the whole ones to any.
    #[test]
    fn the_words_of_a_query_share_its_limits_and_the_cache_knows_it() {
        let mut rng = crate::search::lcg::Lcg(5_u64);
        let mut next = |n: u64| rng.below(n) as usize;
        let mut words = String::new();
        for _ in 0..3_000 {
            let mut w = vec!['a'; 61];
            for _ in 0..2 {
                w[1 + next(60)] = char::from(b'c' + next(24) as u8);
            }
            w.extend((0..3).map(|_| char::from(b'c' + next(24) as u8)));
            words.extend(w);
            words.push(' ');
        }
        let late = format!("b{}", "a".repeat(63));
        words.push_str(&late);
        let json = format!(
            r#"{{"schema": 1, "cities": [{{"id": "x", "name": "X", "country": "Y"}}],
              "articles": [{{"id": "a", "city": "x", "title": "T", "body": [{{"kind": "paragraph", "text": "{words}"}}]}}]}}"#
        );
        let corpus = crate::corpus::load_bytes("typos.json", json.as_bytes()).unwrap();
        let idx = SearchIndex::build(&corpus);
        let q = "a".repeat(64);
        let late_id = (0..idx.vocab.len())
            .find(|&i| idx.vocab.get(i) == late)
            .unwrap() as u32;
        let finds_late = |w: &WordMatches| w.iter().any(|&(id, _)| id == late_id);

        let alone = resolve(&idx, &q, Limits::share(1));
        assert!(alone.complete && finds_late(&alone.words));
        let shared = resolve(&idx, &q, Limits::share(MAX_TERMS));
        assert!(!shared.complete && !finds_late(&shared.words));

        let cut = idx.resolve_cached(&q, Limits::share(MAX_TERMS));
        assert!(!finds_late(&cut));
        let whole = idx.resolve_cached(&q, Limits::share(1));
        assert!(finds_late(&whole), "the cut matches were served");
        let again = idx.resolve_cached(&q, Limits::share(MAX_TERMS));
        assert!(
            Arc::ptr_eq(&again, &whole),
            "the whole matches serve any share"
        );
    }

    /// 20 000 words 'a' × 40 + b?c?d?e? (48 letters): each holds the
    /// letters of 'a' × 37 + "bcd" in order, starts three edits from it,
    /// and the matcher rates each highly. It filled a 40 × 48 table for
    /// every one of them (seconds per query word at 400 000 words); it
    /// examines as many as `FUZZY_CELLS` allows, and the rest are left
    /// out.
    #[test]
    fn the_fuzzy_matcher_does_a_bounded_amount_of_work_per_query_word() {
        let mut rng = crate::search::lcg::Lcg(11);
        let mut letter = || char::from(b'f' + rng.below(21) as u8);
        let mut words = String::new();
        for _ in 0..20_000 {
            words.push_str(&"a".repeat(40));
            for c in ['b', 'c', 'd', 'e'] {
                words.push(c);
                words.push(letter());
            }
            words.push(' ');
        }
        let json = format!(
            r#"{{"schema": 1, "cities": [{{"id": "x", "name": "X", "country": "Y"}}],
              "articles": [{{"id": "a", "city": "x", "title": "T", "body": [{{"kind": "paragraph", "text": "{words}"}}]}}]}}"#
        );
        let corpus = crate::corpus::load_bytes("fuzzy.json", json.as_bytes()).unwrap();
        let idx = SearchIndex::build(&corpus);
        assert!(idx.vocab.len() > 15_000, "{} words", idx.vocab.len());
        let query = format!("{}bcd", "a".repeat(37));
        let fuzzy = resolve(&idx, &query, Limits::share(1))
            .words
            .iter()
            .filter(|(_, m)| m.kind == MatchKind::Fuzzy)
            .count();
        let examined = FUZZY_CELLS / (query.len() * 48);
        assert!(
            (examined / 2..=examined).contains(&fuzzy),
            "{fuzzy} fuzzy matches; {examined} words fit in the bound"
        );
    }

    #[test]
    fn letters_in_order() {
        let letters = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(in_order(&letters("blmk"), "belmek"));
        assert!(in_order(&letters("belmek"), "belmek"));
        assert!(in_order(&letters(""), "belmek"));
        assert!(!in_order(&letters("bmlk"), "belmek"));
        assert!(!in_order(&letters("belmekk"), "belmek"));
        assert!(in_order(&letters("şhr"), "şehir"));
        assert!(!in_order(&letters("shr"), "şehir"));
    }

    #[test]
    fn exact_prefix_and_typo() {
        let v = kinds("Balıkesir");
        assert!(has(&v, "balikesir", MatchKind::Exact));
        let v = kinds("balikes");
        assert!(has(&v, "balikesir", MatchKind::Prefix));
        let v = kinds("balikesor");
        assert!(has(&v, "balikesir", MatchKind::Typo));
        let v = kinds("balekes");
        assert!(
            has(&v, "balikesir", MatchKind::Typo),
            "a typo in a word still being typed"
        );
    }

    #[test]
    fn short_words_match_only_exactly_or_as_prefix() {
        let v = kinds("ab");
        assert!(
            v.iter()
                .all(|(w, k)| w.starts_with("ab") && *k >= MatchKind::Prefix),
            "{v:?}"
        );
    }

    #[test]
    fn fuzzy_does_not_match_scattered_letters() {
        let v = kinds("belmek");
        assert!(has(&v, "belmek", MatchKind::Exact));
        assert!(v.iter().all(|(w, _)| w.starts_with("belmek")), "{v:?}");
    }

    #[test]
    fn a_query_searches_its_first_32_distinct_words() {
        let idx = SearchIndex::build(&bundled());
        let long: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let q = Query::parse(&idx, &format!("ankara ankara {}", long.join(" ")));
        assert_eq!(q.terms.len(), MAX_TERMS);
        assert_eq!(q.terms[0].text, "ankara");
        assert_eq!(q.terms[1].text, "w0");
    }

    #[test]
    fn query_words_are_folded() {
        let idx = SearchIndex::build(&bundled());
        let q = Query::parse(&idx, "  ÖĞRENEN, Şehir! ");
        assert_eq!(q.words().collect::<Vec<_>>(), ["ogrenen", "sehir"]);
        assert!(Query::parse(&idx, " ,.; ").is_empty());
    }
}
