//! The index: a sorted vocabulary of folded words and, for each word, the
//! documents that contain it, with the fields it occurs in and how often.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use std::sync::{Arc, Mutex};

use super::query::{resolve, WordMatch};
use super::rank::name_word_count;
use super::store::{Postings, Vocab};
use crate::corpus::Corpus;
use crate::text::words::{fold_word_into, word_spans};

/// A searchable document: a city or an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Doc {
    City(usize),
    Article(usize),
}

impl Doc {
    /// Its id: what `learncity show` takes.
    pub fn id(self, corpus: &Corpus) -> &str {
        match self {
            Doc::City(c) => &corpus.cities[c].id,
            Doc::Article(a) => &corpus.articles[a].id,
        }
    }

    /// The city or report with this id.
    pub fn by_id(corpus: &Corpus, id: &str) -> Option<Doc> {
        corpus.lookup(id).map(|e| match e {
            crate::corpus::Entry::City(c) => Doc::City(c),
            crate::corpus::Entry::Article(a) => Doc::Article(a),
        })
    }
}

/// Where in a document a word occurs, as bit flags.
pub(super) mod field {
    /// A city's name or an article's title.
    pub const NAME: u8 = 1;
    /// A city's country or region.
    pub const PLACE: u8 = 2;
    /// An article's body or summary, a city's notes.
    pub const BODY: u8 = 4;
    /// A city's or an article's id.
    pub const ID: u8 = 8;
    /// A city's whole name written as one word ("hanoi" for "Ha Noi").
    pub const JOINED: u8 = 16;
}

/// Longest run of a name's words that is also indexed as one word.
const MAX_JOINED_WORDS: usize = 6;

/// Laid out for the cache file, which maps postings straight into memory:
/// eight bytes, no padding the compiler chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub struct Posting {
    pub doc: u32,
    /// Occurrences, saturating.
    pub count: u16,
    pub fields: u8,
    pub pad: u8,
}

/// The index's tables, borrowed, for the cache file.
pub(crate) struct IndexParts<'a> {
    pub name_words: &'a [u16],
    pub article_words: &'a [u32],
    pub vocab: &'a Vocab,
    pub word_chars: &'a [u8],
    pub postings: &'a Postings,
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    pub(super) docs: Vec<Doc>,
    /// Words in each document's name or title (for the whole-name bonus).
    pub(super) name_words: Vec<u16>,
    /// Words in each article's body, counted while indexing, so the
    /// statistics need not read every text again.
    article_words: Vec<u32>,
    /// Folded words, sorted, so prefixes are contiguous ranges.
    pub(super) vocab: Vocab,
    /// For each word of `vocab`, its length in chars (saturating at 255).
    pub(super) word_chars: Vec<u8>,
    /// For each word of `vocab`, its postings in document order.
    pub(super) postings: Postings,
    /// Resolved query words: as a query is typed, only its last word changes,
    /// so the others come from here.
    term_cache: Mutex<HashMap<String, Arc<HashMap<u32, WordMatch>>>>,
}

/// Resolved query words kept before the cache starts over.
const TERM_CACHE_SIZE: usize = 64;

impl SearchIndex {
    /// Builds the index. Articles are split between two threads (the
    /// machines this runs on have at least two cores), each with its own
    /// word table; the second's words and postings are then merged into the
    /// first, whose documents all come before the second's.
    pub fn build(corpus: &Corpus) -> Self {
        let split = corpus.articles.len() / 2;
        let (mut first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| {
                let base = (corpus.cities.len() + split) as u32;
                let mut b = Builder::starting_at(base);
                add_articles(&mut b, corpus, split..corpus.articles.len());
                b
            });
            let mut b = Builder::starting_at(0);
            add_cities(&mut b, corpus);
            add_articles(&mut b, corpus, 0..split);
            (b, second.join().expect("the index thread does not panic"))
        });
        first.append(second);
        first.into_index()
    }

    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// Words in the body of each article, by article index (the same count
    /// as `stats::article_words`).
    pub fn article_words(&self) -> &[u32] {
        &self.article_words
    }

    /// Forgets the resolved query words, so that a benchmark measures the
    /// first time a query is typed rather than a repeat.
    pub fn clear_cache(&self) {
        if let Ok(mut cache) = self.term_cache.lock() {
            cache.clear();
        }
    }

    /// The vocabulary words a folded query word matches, from the cache
    /// when it was resolved recently.
    pub(super) fn resolve_cached(&self, term: &str) -> Arc<HashMap<u32, WordMatch>> {
        if let Some(hit) = self
            .term_cache
            .lock()
            .ok()
            .and_then(|c| c.get(term).cloned())
        {
            return hit;
        }
        let words = Arc::new(resolve(self, term));
        if let Ok(mut cache) = self.term_cache.lock() {
            if cache.len() >= TERM_CACHE_SIZE {
                cache.clear();
            }
            cache.insert(term.to_owned(), words.clone());
        }
        words
    }

    #[cfg(test)]
    pub(super) fn word_id(&self, folded: &str) -> Option<usize> {
        let i = self.vocab.partition_point(0, |w| w < folded);
        (i < self.vocab.len() && self.vocab.get(i) == folded).then_some(i)
    }

    /// Ids of the words that start with `prefix` (including `prefix` itself).
    pub(super) fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.vocab.partition_point(0, |w| w < prefix);
        let end = self.vocab.partition_point(start, |w| w.starts_with(prefix));
        start..end
    }

    /// The parts the cache file keeps.
    pub(crate) fn parts(&self) -> IndexParts<'_> {
        IndexParts {
            name_words: &self.name_words,
            article_words: &self.article_words,
            vocab: &self.vocab,
            word_chars: &self.word_chars,
            postings: &self.postings,
        }
    }

    /// An index from the cache file's parts, checked by the cache.
    pub(crate) fn from_parts(
        docs: Vec<Doc>,
        name_words: Vec<u16>,
        article_words: Vec<u32>,
        vocab: Vocab,
        word_chars: Vec<u8>,
        postings: Postings,
    ) -> Self {
        SearchIndex {
            docs,
            name_words,
            article_words,
            vocab,
            word_chars,
            postings,
            term_cache: Mutex::default(),
        }
    }
}

fn add_cities(b: &mut Builder, corpus: &Corpus) {
    for (i, city) in corpus.cities.iter().enumerate() {
        let mut d = b.doc(Doc::City(i), &city.name);
        d.add(&city.name, field::NAME);
        d.add_joined(&city.name);
        if let Some(local) = &city.name_local {
            d.add(local, field::NAME);
            d.add_joined(local);
        }
        d.add(&city.id, field::ID);
        if let Some(country) = &city.country {
            d.add(country, field::PLACE);
        }
        if let Some(region) = &city.region {
            d.add(region, field::PLACE);
        }
        if let Some(notes) = &city.notes {
            d.add(notes, field::BODY);
        }
    }
}

fn add_articles(b: &mut Builder, corpus: &Corpus, range: std::ops::Range<usize>) {
    for i in range {
        let article = &corpus.articles[i];
        let mut d = b.doc(Doc::Article(i), &article.title);
        d.add(&article.title, field::NAME);
        d.add(&article.id, field::ID);
        if let Some(summary) = &article.summary {
            d.add(summary, field::BODY);
        }
        let words: usize = article
            .body
            .iter()
            .map(|block| d.add(&block.text, field::BODY))
            .sum();
        b.article_words.push(words as u32);
    }
}

#[derive(Default)]
struct Builder {
    /// The number of the first document this builder adds.
    base: u32,
    docs: Vec<Doc>,
    name_words: Vec<u16>,
    /// Words in each added article's body, in article order.
    article_words: Vec<u32>,
    /// FxHash: the index hashes every word of the corpus; SipHash's
    /// protection against hostile keys costs time here and buys nothing.
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    postings: Vec<Vec<Posting>>,
    buf: String,
}

impl Builder {
    fn starting_at(base: u32) -> Self {
        Builder {
            base,
            ..Builder::default()
        }
    }

    fn doc(&mut self, doc: Doc, name: &str) -> DocBuilder<'_> {
        self.docs.push(doc);
        self.name_words.push(name_word_count(name));
        let doc = self.base + (self.docs.len() - 1) as u32;
        DocBuilder { builder: self, doc }
    }

    /// Adds `later`'s documents, words and postings after this builder's.
    fn append(&mut self, later: Builder) {
        debug_assert_eq!(later.base as usize, self.base as usize + self.docs.len());
        self.docs.extend(later.docs);
        self.article_words.extend(later.article_words);
        self.name_words.extend(later.name_words);
        for (word, postings) in later.words.into_iter().zip(later.postings) {
            let id = self.word_id_or_insert(word);
            self.postings[id as usize].extend(postings);
        }
    }

    fn word_id_or_insert(&mut self, word: Box<str>) -> u32 {
        if let Some(&id) = self.ids.get(&word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.clone(), id);
        self.words.push(word);
        self.postings.push(Vec::new());
        id
    }

    fn into_index(self) -> SearchIndex {
        // Sort the vocabulary, then renumber the postings to match.
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        let vocab = Vocab::from_sorted(order.iter().map(|&i| &*self.words[i as usize]));
        let mut postings: Vec<Option<Vec<Posting>>> = self.postings.into_iter().map(Some).collect();
        let postings = order
            .iter()
            .map(|&i| {
                // Growth left up to half of each list unused; a long reading
                // session should not carry that.
                let mut list = postings[i as usize].take().unwrap_or_default();
                list.shrink_to_fit();
                list
            })
            .collect();
        let word_chars = vocab
            .iter()
            .map(|w| w.chars().count().min(255) as u8)
            .collect();
        SearchIndex {
            docs: self.docs,
            name_words: self.name_words,
            article_words: self.article_words,
            vocab,
            word_chars,
            postings: Postings::Lists(postings),
            term_cache: Mutex::default(),
        }
    }
}

struct DocBuilder<'a> {
    builder: &'a mut Builder,
    doc: u32,
}

impl DocBuilder<'_> {
    /// Adds the words of `text`; returns how many it has.
    fn add(&mut self, text: &str, field: u8) -> usize {
        let mut words = 0;
        for span in word_spans(text) {
            words += 1;
            fold_word_into(&text[span], &mut self.builder.buf);
            self.post(field);
        }
        words
    }

    /// Adds each run of two or more of the name's words written as one
    /// word: "Cao Lãnh" as `caolanh`, "Ho Chi Minh City" as `hochiminh`,
    /// `chiminhcity`… so a name typed without its spaces is found. The run
    /// of all the words is marked as the whole name.
    fn add_joined(&mut self, name: &str) {
        let words: Vec<String> = word_spans(name)
            .map(|r| {
                let mut w = String::new();
                fold_word_into(&name[r], &mut w);
                w
            })
            .collect();
        let n = words.len();
        if !(2..=MAX_JOINED_WORDS).contains(&n) {
            return;
        }
        for start in 0..n {
            for end in start + 2..=n {
                let whole = if start == 0 && end == n {
                    field::JOINED
                } else {
                    0
                };
                let b = &mut *self.builder;
                b.buf.clear();
                for w in &words[start..end] {
                    b.buf.push_str(w);
                }
                self.post(field::NAME | whole);
            }
        }
    }

    /// Posts the folded word in the builder's buffer for this document. A
    /// word's posting for this document is the last one in its list, if that
    /// one is for this document: no per-document table is needed, and
    /// postings come out in document order.
    fn post(&mut self, field: u8) {
        let b = &mut *self.builder;
        let id = match b.ids.get(b.buf.as_str()) {
            Some(&id) => id,
            None => {
                let id = b.words.len() as u32;
                let word: Box<str> = b.buf.as_str().into();
                b.ids.insert(word.clone(), id);
                b.words.push(word);
                b.postings.push(Vec::new());
                id
            }
        };
        let list = &mut b.postings[id as usize];
        match list.last_mut() {
            Some(p) if p.doc == self.doc => {
                p.fields |= field;
                p.count = p.count.saturating_add(1);
            }
            _ => list.push(Posting {
                doc: self.doc,
                count: 1,
                fields: field,
                pad: 0,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    #[test]
    fn vocabulary_is_folded_sorted_and_unique() {
        let idx = SearchIndex::build(&bundled());
        let words: Vec<&str> = idx.vocab.iter().collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(idx.word_id("balikesir").is_some());
        assert!(idx.word_id("Balıkesir").is_none());
        assert!(idx.word_id("ogrenen").is_some());
        assert_eq!(idx.doc_count(), 322);
    }

    #[test]
    fn postings_record_fields() {
        let corpus = bundled();
        let idx = SearchIndex::build(&corpus);
        let belmek = idx.word_id("belmek").unwrap();
        let ankara_report = corpus.article_index("ankara-belmek-2025").unwrap();
        let docs: Vec<Doc> = idx
            .postings
            .get(belmek)
            .iter()
            .map(|p| idx.docs[p.doc as usize])
            .collect();
        assert_eq!(docs, [Doc::Article(ankara_report)]);
        let p = idx.postings.get(belmek)[0];
        assert_eq!(p.fields, field::NAME | field::BODY | field::ID);
        assert!(p.count >= 5);
    }

    #[test]
    fn prefix_ranges() {
        let idx = SearchIndex::build(&bundled());
        let words: Vec<&str> = idx
            .prefix_range("balik")
            .map(|i| idx.vocab.get(i))
            .collect();
        assert!(words.contains(&"balikesir"));
        assert!(words.iter().all(|w| w.starts_with("balik")));
        assert!(idx.prefix_range("zzzz").is_empty());
    }
}
