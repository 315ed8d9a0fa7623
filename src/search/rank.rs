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
use crate::corpus::Corpus;
use std::sync::Arc;

use super::query::{MatchKind, Query, Term, WordMatches};
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
    /// Every hit: the first `ordered` best first, and after them the rest,
    /// which rank below them but in no order (see `SearchIndex::search_top`).
    hits: Vec<Hit>,
    ordered: usize,
}

impl Results {
    /// How many documents matched.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The hits best first, as far as they are in order: all of them
    /// from `SearchIndex::search`.
    pub fn ordered(&self) -> &[Hit] {
        &self.hits[..self.ordered]
    }

    /// The hits after `ordered`, in no order.
    pub fn unordered(&self) -> &[Hit] {
        &self.hits[self.ordered..]
    }
}

/// Puts hits in the order a search ranks them: by score, best first, then
/// cities before articles, each in corpus order (as `sort_key` does).
pub fn order(hits: &mut [Hit]) {
    hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
}

/// Which documents a search may find: all, or those of the cities a
/// filter (the facets) lets through, and their reports.
#[derive(Debug, Clone, Copy)]
pub enum Keep<'a> {
    All,
    InCities(&'a Corpus, &'a [bool]),
}

impl<'a> Keep<'a> {
    /// The documents of the cities `members` marks, or all without it.
    pub fn cities(corpus: &'a Corpus, members: Option<&'a [bool]>) -> Self {
        match members {
            Some(m) => Keep::InCities(corpus, m),
            None => Keep::All,
        }
    }

    fn holds(self, doc: Doc) -> bool {
        match self {
            Keep::All => true,
            Keep::InCities(corpus, members) => doc
                .city(corpus)
                .is_some_and(|c| members.get(c) == Some(&true)),
        }
    }
}

/// Where the word occurs, best place first.
const fn field_tier(fields: u8) -> f32 {
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
        self.search_top(raw, Keep::All, usize::MAX)
    }

    /// Like `search`, for a reader that shows a screenful: only the
    /// documents `keep` keeps, and only the best `top` of them put in
    /// order. The others follow in no order, for the list to order if it
    /// is scrolled that far. A prefix typed in the search line matches
    /// nearly every report, and selecting the best few is one pass where
    /// sorting them all is several.
    pub fn search_top(&self, raw: &str, keep: Keep, top: usize) -> Results {
        let query = Query::parse(self, raw);
        let (hits, ordered) = self.rank(&query, keep, top);
        Results {
            query,
            hits,
            ordered,
        }
    }

    /// Gives the hits' memory back for the next search: a keystroke's
    /// hits (100 000 of them at a keystroke) then go into pages already
    /// there rather than fresh ones the kernel must fault in.
    pub fn recycle(&self, results: Results) {
        if let Ok(mut s) = self.scratch.try_lock() {
            if results.hits.capacity() > s.hits.capacity() {
                s.hits = results.hits;
            }
        }
    }

    fn rank(&self, query: &Query, keep: Keep, top: usize) -> (Vec<Hit>, usize) {
        if query.is_empty() {
            return (Vec::new(), 0);
        }
        // Kept between keystrokes: the tables are as long as the corpus.
        // Another thread searching at the same time gets tables of its own.
        let mut own = Scratch::default();
        let mut guard = self.scratch.try_lock();
        let s = match guard {
            Ok(ref mut g) => &mut **g,
            Err(_) => &mut own,
        };
        s.prepare(self.docs.len());
        let terms = &query.terms;
        let from = s.resume(terms);
        s.keys.clear();
        // The sort key of document `d` with these totals, `None` if `keep`
        // leaves it out.
        let key = |d: usize, total: f32, covered: u16| {
            if !keep.holds(self.docs[d]) {
                return None;
            }
            let words = f32::from(self.name_words[d].max(1));
            let coverage = (f32::from(covered) / words).min(1.0);
            Some(sort_key(total + COVERAGE * coverage, d as u32))
        };
        let last = terms.len() - 1;
        for (k, term) in terms.iter().enumerate().skip(from) {
            for &(id, m) in term.words.iter() {
                let word = WordScore {
                    kind: KIND * kind_tier(m.kind),
                    closeness: CLOSENESS * m.weight,
                };
                let postings = self.postings.get(id as usize);
                if k == 0 {
                    s.add::<true>(postings, word, &self.name_words);
                } else {
                    s.add::<false>(postings, word, &self.name_words);
                }
            }
            // The last term's scores make the keys, in document order, so
            // that sorting by score alone, stably, leaves equal scores in
            // document order; and the tables are left as they were found.
            // Before it, a term's scores go to the totals of the documents
            // it matched, which stay alive; the others die.
            if k == last && k == 0 {
                for d in 0..s.best.len() {
                    if s.best[d] > 0.0 {
                        s.keys.extend(key(d, s.best[d], s.in_name[d]));
                        s.best[d] = 0.0;
                        s.in_name[d] = 0;
                    }
                }
            } else if k == last {
                for &d in &s.alive {
                    let d = d as usize;
                    if s.best[d] > 0.0 {
                        let total = s.total[d] + s.best[d];
                        let covered = s.covered[d].saturating_add(s.in_name[d]);
                        s.keys.extend(key(d, total, covered));
                    }
                    s.best[d] = 0.0;
                    s.in_name[d] = 0;
                }
                // The documents dead since an earlier term.
                s.best.fill(0.0);
            } else if k == 0 {
                s.alive.clear();
                for d in 0..s.best.len() {
                    if s.best[d] > 0.0 {
                        s.total[d] = 0.0;
                        s.covered[d] = 0;
                        s.fold(d);
                        s.alive.push(d as u32);
                    } else {
                        s.best[d] = DEAD;
                    }
                }
            } else {
                let mut kept = 0;
                for i in 0..s.alive.len() {
                    let d = s.alive[i] as usize;
                    if s.best[d] > 0.0 {
                        s.fold(d);
                        s.alive[kept] = d as u32;
                        kept += 1;
                    } else {
                        s.best[d] = DEAD;
                    }
                }
                s.alive.truncate(kept);
            }
            // The words before the one being typed are the same at the
            // next keystroke: what they leave is kept for it.
            if k + 2 == terms.len() {
                s.keep_after(&terms[..=k]);
            }
        }
        // Every term was resumed: the keys are the totals'.
        if from == terms.len() {
            for &d in &s.alive {
                let d = d as usize;
                s.keys.extend(key(d, s.total[d], s.covered[d]));
            }
            s.best.fill(0.0);
        }
        // Keys are unique (the document is in them), so any sort of them
        // gives the one order.
        let ordered = if s.keys.len() > top {
            if top > 0 {
                s.keys.select_nth_unstable(top - 1);
                s.keys[..top].sort_unstable();
            }
            top
        } else {
            radix_sort(&mut s.keys, &mut s.spare, 32);
            s.keys.len()
        };
        let mut hits = std::mem::take(&mut s.hits);
        hits.clear();
        hits.extend(s.keys.iter().map(|&key| {
            let (score, d) = from_sort_key(key);
            Hit {
                doc: self.docs[d as usize],
                score,
            }
        }));
        (hits, ordered)
    }
}

/// What a posting's score owes to its word rather than to where the word
/// is in the document.
#[derive(Clone, Copy)]
struct WordScore {
    kind: f32,
    closeness: f32,
}

/// `FIELD * field_tier(fields)` for every `fields`: a look-up instead of
/// branches per posting.
const FIELD_SCORES: [f32; 256] = {
    let mut t = [0.0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = FIELD * field_tier(i as u8);
        i += 1;
    }
    t
};

/// `FREQUENCY * count / 20.0` for every count up to 20.
const FREQUENCIES: [f32; 21] = {
    let mut t = [0.0; 21];
    let mut i = 0;
    while i < 21 {
        t[i] = FREQUENCY * (i as f32) / 20.0;
        i += 1;
    }
    t
};

/// The best score of a document a term before did not match: below every
/// score, which are all positive.
const DEAD: f32 = -1.0;

/// The tables of one search, as long as the corpus, kept for the next.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// Per document, for the term being ranked: its best score, 0 until
    /// it has one, `DEAD` once it is out of the results. All 0 between
    /// searches. One table for both, as both are read for each posting.
    best: Vec<f32>,
    /// Per document, for the term: how many of its name's words it covers.
    /// All 0 between terms.
    in_name: Vec<u16>,
    /// Per document alive: the sum of its terms' scores, and the name
    /// words they cover.
    total: Vec<f32>,
    covered: Vec<u16>,
    /// The documents alive after the terms ranked so far, in order: each
    /// term after the first looks at these rather than at every document.
    alive: Vec<u32>,
    keys: Vec<u64>,
    spare: Vec<u64>,
    /// The memory of the hits of a search before (`recycle`).
    hits: Vec<Hit>,
    /// What the first terms of a search before left, for a search that
    /// starts with the same terms (`resume`).
    after: Option<After>,
}

/// The documents alive after some terms, with their totals: a query
/// typed word by word resumes from here rather than scoring again, at
/// every keystroke, the words already typed.
#[derive(Debug)]
struct After {
    /// The terms' matches. The same allocation means the same matches:
    /// the term cache hands the one out, and this keeps it alive.
    terms: Vec<Arc<WordMatches>>,
    alive: Vec<u32>,
    /// `total` and `covered` of each of `alive`, in its order.
    total: Vec<f32>,
    covered: Vec<u16>,
}

impl Scratch {
    fn prepare(&mut self, docs: usize) {
        if self.best.len() != docs {
            *self = Scratch {
                best: vec![0.0; docs],
                in_name: vec![0; docs],
                total: vec![0.0; docs],
                covered: vec![0; docs],
                hits: std::mem::take(&mut self.hits),
                ..Scratch::default()
            };
        }
    }

    /// Sets the tables as the longest run of `terms` from the first that
    /// a search before kept (`keep_after`) left them, and returns how many
    /// terms that is: 0 when none.
    fn resume(&mut self, terms: &[Term]) -> usize {
        let n = self.kept_for(terms);
        let Some(after) = self.after.as_ref().filter(|_| n > 0) else {
            return 0;
        };
        self.best.fill(DEAD);
        self.alive.clear();
        self.alive.extend_from_slice(&after.alive);
        for (i, &d) in after.alive.iter().enumerate() {
            let d = d as usize;
            self.best[d] = 0.0;
            self.total[d] = after.total[i];
            self.covered[d] = after.covered[i];
        }
        n
    }

    /// How many of `terms`, from the first, the kept tables are for: 0
    /// unless they are the first terms of `terms`.
    fn kept_for(&self, terms: &[Term]) -> usize {
        let Some(after) = &self.after else {
            return 0;
        };
        let n = after.terms.len();
        let same = n <= terms.len()
            && after
                .terms
                .iter()
                .zip(terms)
                .all(|(a, t)| Arc::ptr_eq(a, &t.words));
        if same {
            n
        } else {
            0
        }
    }

    /// Keeps what `terms` (the first of a query, all ranked) left.
    fn keep_after(&mut self, terms: &[Term]) {
        let after = self.after.get_or_insert_with(|| After {
            terms: Vec::new(),
            alive: Vec::new(),
            total: Vec::new(),
            covered: Vec::new(),
        });
        after.terms.clear();
        after
            .terms
            .extend(terms.iter().map(|t| Arc::clone(&t.words)));
        after.alive.clear();
        after.alive.extend_from_slice(&self.alive);
        after.total.clear();
        after.covered.clear();
        for &d in &self.alive {
            after.total.push(self.total[d as usize]);
            after.covered.push(self.covered[d as usize]);
        }
    }

    /// Adds the score of the term just ranked to document `d`'s total, and
    /// readies its tables for the next term.
    fn fold(&mut self, d: usize) {
        self.total[d] += self.best[d];
        self.covered[d] = self.covered[d].saturating_add(self.in_name[d]);
        self.best[d] = 0.0;
        self.in_name[d] = 0;
    }

    /// Scores a word's postings for the term, in the documents still alive
    /// (all of them for the `FIRST` term).
    fn add<const FIRST: bool>(
        &mut self,
        postings: &[Posting],
        word: WordScore,
        name_words: &[u16],
    ) {
        // Millions of postings for a one-letter word: as little work as can
        // be, and no branch the processor cannot guess.
        for &Posting {
            doc, fields, count, ..
        } in postings
        {
            let d = doc as usize;
            // A posting past the documents could only come from a damaged
            // cache file: skipped, never a panic.
            let Some(best) = self.best.get_mut(d) else {
                continue;
            };
            if !FIRST && *best < 0.0 {
                continue;
            }
            // Summed in the order of `FIELD * tier + KIND * tier +
            // CLOSENESS * weight + frequency`, for the same rounding.
            let score = FIELD_SCORES[usize::from(fields)]
                + word.kind
                + word.closeness
                + FREQUENCIES[usize::from(count.min(20))];
            // Not `f32::max`, which also looks for NaN.
            *best = if score > *best { score } else { *best };
            if fields & (field::JOINED | field::NAME) != 0 {
                let n = &mut self.in_name[d];
                *n = if fields & field::JOINED != 0 {
                    name_words[d]
                } else {
                    (*n).max(1)
                };
            }
        }
    }
}

/// One integer per hit that sorts as the hits must: by score, best first,
/// then cities before articles, each in corpus order, which is the order
/// of `docs` (cities first, as the index and the cache file list them).
/// Integers compare faster than scores and documents, and sort by radix.
fn sort_key(score: f32, doc: u32) -> u64 {
    // The bits of a float, flipped so that they order as `total_cmp`; then
    // inverted, for the best first.
    let bits = score.to_bits();
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    (u64::from(!ordered) << 32) | u64::from(doc)
}

fn from_sort_key(key: u64) -> (f32, u32) {
    let ordered = !((key >> 32) as u32);
    let bits = if ordered >> 31 == 1 {
        ordered & !(1 << 31)
    } else {
        !ordered
    };
    (f32::from_bits(bits), key as u32)
}

/// Sorts `keys` (up to ~100 000 per keystroke) stably by their bits from
/// `from` up, eleven at a time from the least significant (the counts of an
/// 11-bit digit stay in the fastest cache), skipping the digits all keys
/// share: a few linear passes instead of a comparison sort's n·log n.
/// `spare` is scratch space.
fn radix_sort(keys: &mut Vec<u64>, spare: &mut Vec<u64>, from: u32) {
    const BITS: u32 = 11;
    let digits: Vec<u32> = (from..64).step_by(BITS as usize).collect();
    let mut counts = vec![[0usize; 1 << BITS]; digits.len()];
    let digit = |k: u64, shift: u32| (k >> shift) as usize & ((1 << BITS) - 1);
    for &k in keys.iter() {
        for (c, &shift) in counts.iter_mut().zip(&digits) {
            c[digit(k, shift)] += 1;
        }
    }
    // Grown (zeroed) only when too short: it is all written before read.
    let len = keys.len();
    if spare.len() < len {
        spare.resize(len, 0);
    }
    for (c, &shift) in counts.iter().zip(&digits) {
        if c.contains(&keys.len()) {
            continue;
        }
        let mut at = [0usize; 1 << BITS];
        let mut sum = 0;
        for (a, &n) in at.iter_mut().zip(c) {
            *a = sum;
            sum += n;
        }
        for &k in keys.iter() {
            let i = &mut at[digit(k, shift)];
            spare[*i] = k;
            *i += 1;
        }
        std::mem::swap(keys, spare);
        keys.truncate(len);
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

    /// Cities before articles; then corpus order.
    fn kind_order(doc: Doc) -> (u8, usize) {
        match doc {
            Doc::City(i) => (0, i),
            Doc::Article(i) => (1, i),
        }
    }

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

    /// The ranking as it was before its tables were kept and its hits
    /// sorted by integer keys: every document walked per term, the hits
    /// sorted by comparing scores and documents.
    fn rank_simply(idx: &SearchIndex, query: &Query) -> Vec<Hit> {
        let n = idx.docs.len();
        let mut total = vec![0f32; n];
        let mut alive = vec![!query.is_empty(); n];
        let mut covered = vec![0u16; n];
        for term in &query.terms {
            let mut best = vec![0f32; n];
            let mut in_name = vec![0u16; n];
            for &(id, m) in term.words.iter() {
                for p in idx.postings.get(id as usize) {
                    let d = p.doc as usize;
                    if !alive[d] {
                        continue;
                    }
                    let s = FIELD * field_tier(p.fields)
                        + KIND * kind_tier(m.kind)
                        + CLOSENESS * m.weight
                        + FREQUENCY * f32::from(p.count.min(20)) / 20.0;
                    best[d] = best[d].max(s);
                    if p.fields & field::JOINED != 0 {
                        in_name[d] = idx.name_words[d];
                    } else if p.fields & field::NAME != 0 {
                        in_name[d] = in_name[d].max(1);
                    }
                }
            }
            for d in 0..n {
                alive[d] &= best[d] > 0.0;
                total[d] += best[d];
                covered[d] = covered[d].saturating_add(in_name[d]);
            }
        }
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| alive[d])
            .map(|d| {
                let words = f32::from(idx.name_words[d].max(1));
                Hit {
                    doc: idx.docs[d],
                    score: total[d] + COVERAGE * (f32::from(covered[d]) / words).min(1.0),
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

    #[test]
    fn the_kept_tables_rank_as_walking_every_document_does() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let queries = [
            "a",
            "b",
            "be",
            "bel",
            "belediye",
            "belediey",
            "ankara",
            "ankra kadin",
            "ogrenen sehir",
            "ogrenen sehri",
            "hayat boyu ogrenme",
            "hayat boyu ogrneme",
            "learning city",
            "city learning city",
            "hanoi",
            "s",
            "zzzz",
            "ogrenen zzzz",
            "",
        ];
        // Twice: the second time from the tables the first left behind.
        for _ in 0..2 {
            for q in queries {
                let query = Query::parse(&idx, q);
                assert_eq!(
                    idx.rank(&query, Keep::All, usize::MAX).0,
                    rank_simply(&idx, &query),
                    "{q:?}"
                );
            }
        }
    }

    /// Typed letter by letter, then erased, then typed again with other
    /// words after the same first ones: each search resumes from what
    /// the words before left, and ranks as if from nothing.
    #[test]
    fn resuming_after_the_words_already_typed_ranks_as_from_nothing() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let mut typed: Vec<String> = Vec::new();
        for q in ["hayat boyu ogrenme", "ogrenen sehir kadin", "a b c d"] {
            typed.extend((1..=q.len()).map(|n| q[..n].to_owned()));
            typed.extend((1..q.len()).rev().map(|n| q[..n].to_owned()));
        }
        typed.extend(
            ["ogrenen sehri", "ogrenen", "ogrenen sehir", "sehir ogrenen"].map(String::from),
        );
        let mut resumed = 0;
        for q in &typed {
            let query = Query::parse(&idx, q);
            let from = idx.scratch.lock().unwrap().kept_for(&query.terms);
            resumed += usize::from(from > 0);
            assert_eq!(
                idx.rank(&query, Keep::All, usize::MAX).0,
                rank_simply(&idx, &query),
                "{q:?}"
            );
        }
        assert!(resumed > 20, "{resumed} searches resumed");
    }

    /// Putting only the best few in order: they are the full order's
    /// first, the others are the rest of it in some order, and `order`
    /// puts those as the full search does; at every cut, even past the end.
    #[test]
    fn the_best_few_in_order_then_the_rest_ordered_give_the_full_order() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        assert!(idx.search("a").len() > 100);
        for q in ["a", "s", "be", "ankara", "learning city", "zzzz"] {
            let full = idx.search(q);
            assert_eq!(full.ordered().len(), full.len(), "{q}");
            let n = full.len();
            for top in [0, 1, 2, 10, n / 2, n.saturating_sub(1), n, n + 1] {
                let part = idx.search_top(q, Keep::All, top);
                assert_eq!(part.len(), n, "{q} {top}");
                assert_eq!(part.ordered(), &full.ordered()[..top.min(n)], "{q} {top}");
                let mut rest = part.unordered().to_vec();
                order(&mut rest);
                assert_eq!(rest, &full.ordered()[top.min(n)..], "{q} {top}");
            }
        }
    }

    /// A filter given to the search keeps what filtering its hits after would.
    #[test]
    fn a_filtered_search_keeps_what_the_filter_keeps_in_the_same_order() {
        let c = bundled();
        let idx = SearchIndex::build(&c);
        let ankara = c.city_index("ankara").unwrap();
        let balikesir = c.city_index("balikesir").unwrap();
        let members: Vec<bool> = (0..c.cities.len())
            .map(|i| i == ankara || (i % 3 == 0 && i != balikesir))
            .collect();
        // An article by its city's id, not through the table ranking uses.
        let kept = |d: Doc| match d {
            Doc::City(i) => members[i],
            Doc::Article(a) => c
                .city_index(&c.articles[a].city)
                .is_some_and(|i| members[i]),
        };
        let (mut reports, mut left_out) = (0, 0);
        for q in ["a", "s", "ankara", "ogrenen sehir"] {
            let all = idx.search(q);
            let want: Vec<Hit> = all
                .ordered()
                .iter()
                .filter(|h| kept(h.doc))
                .copied()
                .collect();
            reports += want
                .iter()
                .filter(|h| matches!(h.doc, Doc::Article(_)))
                .count();
            let got = idx.search_top(q, Keep::InCities(&c, &members), usize::MAX);
            assert_eq!(got.ordered(), want, "{q}");
            left_out += all.len() - want.len();
        }
        assert!(reports > 0, "no report was kept");
        assert!(left_out > 0, "the filter left every hit");
    }

    #[test]
    fn sort_keys_order_as_scores_then_documents() {
        let scores = [
            0.0f32,
            1.0,
            1.5,
            1000.25,
            1000.5,
            3140.75,
            1e9,
            -1.0,
            -0.0,
            f32::MIN_POSITIVE,
        ];
        let mut pairs: Vec<(f32, u32)> = Vec::new();
        for (i, &s) in scores.iter().enumerate() {
            for d in [0u32, 1, 7, 300, 65_536, u32::MAX] {
                pairs.push((s, d ^ i as u32));
            }
        }
        let mut by_key = pairs.clone();
        by_key.sort_by_key(|&(s, d)| sort_key(s, d));
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        assert_eq!(
            by_key
                .iter()
                .map(|p| (p.0.to_bits(), p.1))
                .collect::<Vec<_>>(),
            pairs
                .iter()
                .map(|p| (p.0.to_bits(), p.1))
                .collect::<Vec<_>>()
        );
        for (s, d) in pairs {
            let (back, doc) = from_sort_key(sort_key(s, d));
            assert_eq!((back.to_bits(), doc), (s.to_bits(), d));
        }
    }

    #[test]
    fn radix_sort_sorts() {
        // A small generator, so the test needs no crate for random numbers.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut spare = Vec::new();
        for (len, mask) in [
            (0, u64::MAX),
            (5, u64::MAX),
            (255, u64::MAX),
            (256, u64::MAX),
            (10_000, u64::MAX),
            // Most bytes shared by every key, as with real scores.
            (10_000, 0x0000_0f00_0001_ffff),
            (3_000, 0),
        ] {
            let mut keys: Vec<u64> = (0..len).map(|_| next() & mask).collect();
            let mut want = keys.clone();
            want.sort_unstable();
            let mut all = keys.clone();
            radix_sort(&mut all, &mut spare, 0);
            assert_eq!(all, want, "{len} keys, mask {mask:x}");
            // By the high half alone, stably: the low halves keep their
            // order among equal high halves.
            let mut high = keys.clone();
            high.sort_by_key(|k| k >> 32);
            radix_sort(&mut keys, &mut spare, 32);
            assert_eq!(keys, high, "{len} keys, mask {mask:x}, high half");
        }
    }

    #[test]
    fn empty_queries_match_nothing() {
        let c = bundled();
        assert!(ids(&c, "").is_empty());
        assert!(ids(&c, "  ?! ").is_empty());
    }
}
