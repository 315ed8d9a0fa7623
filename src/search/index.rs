//! The index: a sorted vocabulary of folded words and, for each word, the
//! documents that contain it, with the fields it occurs in and how often.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxBuildHasher;

use super::query::{resolve, Limits, Resolved, WordMatches};
use super::rank::{name_word_count, Scratch};
use super::store::{Postings, Vocab};
use crate::corpus::Corpus;
use crate::text::words::{fold_word_into, word_spans};

/// A searchable document: a city or an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// The city it is, or the city of the report.
    pub fn city(self, corpus: &Corpus) -> Option<usize> {
        match self {
            Doc::City(c) => Some(c),
            Doc::Article(a) => corpus.city_of(a),
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

/// A query word's matches, and the limits they were cut short by (none
/// when they are whole).
type CachedTerm = (Arc<WordMatches>, Option<Limits>);

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
    term_cache: Mutex<HashMap<String, CachedTerm>>,
    /// The ranking's per-document tables, kept between keystrokes.
    pub(super) scratch: Mutex<Scratch>,
}

/// Resolved query words kept before the cache starts over.
const TERM_CACHE_SIZE: usize = 64;

/// An index that would take more memory than its corpus's budget leaves:
/// the distinct words met before the build stopped, and what the index
/// would have taken by then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub words: u64,
    pub need: u64,
}

impl SearchIndex {
    /// Builds the index, without a limit on its memory.
    pub fn build(corpus: &Corpus) -> Self {
        match Self::build_within(corpus, u64::MAX) {
            Ok(index) => index,
            Err(_) => unreachable!("an index without a limit is always built"),
        }
    }

    /// Builds the index within `room` bytes of memory, as `Gauge`
    /// estimates it; stops as soon as it would need more. Articles are
    /// split between two threads (the machines this runs on have at least
    /// two cores), each with its own word table; the second's words and
    /// postings are then merged into the first's, whose documents all come
    /// before the second's.
    pub fn build_within(corpus: &Corpus, room: u64) -> Result<Self, TooLarge> {
        let (cities, articles) = (corpus.cities.len(), corpus.articles.len());
        let split = articles / 2;
        let gauge = Arc::new(Gauge::new(room));
        let (mut first, second) = crate::parallel::both(
            || {
                let mut b = Builder::starting_at(0, gauge.clone());
                // The second's documents are appended to these.
                b.reserve(cities + split, cities + articles, articles);
                add_cities(&mut b, corpus);
                add_articles(&mut b, corpus, 0..split);
                b
            },
            || {
                let base = (cities + split) as u32;
                let mut b = Builder::starting_at(base, gauge.clone());
                b.reserve(articles - split, articles - split, articles - split);
                add_articles(&mut b, corpus, split..articles);
                b.into_part()
            },
        );
        // Both builders' words and entries are counted now: what merging
        // them takes is known before it starts.
        first.report();
        if gauge.stopped.load(Ordering::Relaxed) {
            return Err(gauge.too_large());
        }
        Ok(first.into_index(second))
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

    /// The vocabulary words a folded query word matches within `limits`,
    /// from the cache when it was resolved recently: whole (as nearly
    /// every word is), or within limits at least as large.
    pub(super) fn resolve_cached(&self, term: &str, limits: Limits) -> Arc<WordMatches> {
        if let Some(hit) = self.term_cache.lock().ok().and_then(|c| {
            c.get(term)
                .filter(|(_, cut)| cut.is_none_or(|within| within.covers(limits)))
                .map(|(words, _)| words.clone())
        }) {
            return hit;
        }
        let Resolved { words, complete } = resolve(self, term, limits);
        let words = Arc::new(words);
        if let Ok(mut cache) = self.term_cache.lock() {
            if cache.len() >= TERM_CACHE_SIZE {
                cache.clear();
            }
            let cut = (!complete).then_some(limits);
            cache.insert(term.to_owned(), (words.clone(), cut));
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
            scratch: Mutex::default(),
        }
    }
}

fn add_cities(b: &mut Builder, corpus: &Corpus) {
    for (i, city) in corpus.cities.iter().enumerate() {
        if b.stopped() {
            return;
        }
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
        if b.stopped() {
            return;
        }
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

/// A builder's words, each kept once: their texts end to end in one
/// string, found through a table of word numbers hashed by their text. (A
/// map from owned strings kept each word twice, in the map and in the list
/// of words, as two allocations besides.)
#[derive(Default)]
struct Words {
    text: String,
    ends: Vec<u32>,
    table: hashbrown::HashTable<u32>,
}

/// FxHash: the index hashes every word of the corpus; SipHash's protection
/// against hostile keys costs time here and buys nothing.
fn hash_word(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

fn word_at<'a>(text: &'a str, ends: &[u32], id: u32) -> &'a str {
    let start = match id {
        0 => 0,
        _ => ends[id as usize - 1] as usize,
    };
    &text[start..ends[id as usize] as usize]
}

impl Words {
    /// Words whose tables are in pages of their own from the start (see
    /// `OWN_PAGES`); a slot of the table takes 5 bytes, with its control
    /// byte, and the table keeps an eighth of its slots free.
    fn with_room() -> Self {
        Words {
            text: String::with_capacity(OWN_PAGES),
            ends: own_pages(0),
            table: hashbrown::HashTable::with_capacity(OWN_PAGES / 5 * 7 / 8),
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: u32) -> &str {
        word_at(&self.text, &self.ends, id)
    }

    /// The number of `word`, and whether it is new.
    fn id(&mut self, word: &str) -> (u32, bool) {
        let hash = hash_word(word);
        let Words { text, ends, table } = self;
        if let Some(&id) = table.find(hash, |&id| word_at(text, ends, id) == word) {
            return (id, false);
        }
        let id = ends.len() as u32;
        text.push_str(word);
        ends.push(text.len() as u32);
        table.insert_unique(hash, id, |&id| hash_word(word_at(text, ends, id)));
        (id, true)
    }
}

/// Bytes past mimalloc's largest size class (512 KiB): a buffer this
/// large has pages of its own, which go back to the system whole when it is
/// freed, and of which only what is written is resident. The builder's
/// growing tables start this large, and its short-lived arrays are made
/// this large: a smaller buffer shares pages with others, and when freed
/// (or outgrown) leaves a hole that stays resident beside the index's own
/// arrays. On 10 000 reports that was 2.7 MB of the peak.
const OWN_PAGES: usize = 520 << 10;

/// Room for `n` values of `T`, in pages of its own (see `OWN_PAGES`).
fn own_pages<T>(n: usize) -> Vec<T> {
    Vec::with_capacity(n.max(OWN_PAGES / std::mem::size_of::<T>()))
}

/// A word in the document being added: what its posting will say.
#[derive(Debug, Clone, Copy)]
struct Entry {
    word: u32,
    count: u16,
    fields: u8,
}

/// Bits of the fields in a logged entry, below its count.
const FIELD_BITS: u32 = 5;
const _: () = assert!(
    (field::NAME | field::PLACE | field::BODY | field::ID | field::JOINED) >> FIELD_BITS == 0
);

/// Bytes in a chunk of a log: in pages of its own (see `OWN_PAGES`), so
/// that each chunk goes back to the system as soon as it is placed.
const LOG_CHUNK: usize = OWN_PAGES;

/// The most bytes an entry takes in a log: two LEB128 numbers of 32 bits.
const MAX_ENTRY: usize = 10;

/// A builder's entries, document after document, each as two LEB128
/// numbers: the word's number, and its count and fields. Frequent words
/// come early and so have small numbers: an entry takes about three bytes,
/// where its posting takes eight. Kept in chunks, which never move and
/// are freed one by one as the postings are placed; no entry straddles two.
#[derive(Default)]
struct Log {
    chunks: Vec<Vec<u8>>,
    /// Entries so far.
    len: u32,
}

fn put_leb128(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn get_leb128(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        n |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return n;
        }
        shift += 7;
    }
}

impl Log {
    fn push(&mut self, e: Entry) {
        let chunk = match self.chunks.last_mut() {
            Some(c) if c.capacity() - c.len() >= MAX_ENTRY => c,
            _ => {
                self.chunks.push(Vec::with_capacity(LOG_CHUNK));
                self.chunks.last_mut().expect("just pushed")
            }
        };
        put_leb128(chunk, e.word);
        put_leb128(
            chunk,
            u32::from(e.count) << FIELD_BITS | u32::from(e.fields),
        );
        self.len += 1;
    }

    /// Every entry in order, each chunk freed once read.
    fn drain(self) -> impl Iterator<Item = Entry> {
        self.chunks.into_iter().flat_map(|chunk| {
            let mut at = 0;
            std::iter::from_fn(move || {
                (at < chunk.len()).then(|| {
                    let word = get_leb128(&chunk, &mut at);
                    let rest = get_leb128(&chunk, &mut at);
                    Entry {
                        word,
                        count: (rest >> FIELD_BITS) as u16,
                        fields: (rest & ((1 << FIELD_BITS) - 1)) as u8,
                    }
                })
            })
        })
    }
}

/// The memory the two builders will have taken by the end of the build,
/// estimated from what they have found so far, against the room the
/// corpus's budget leaves (`crate::corpus::Left`). A distinct word costs
/// far more than its bytes: its number, its slot in the word table, its
/// counts, its place in the sorted vocabulary; a word of a few letters,
/// different from every other, takes ten times its bytes in the file.
#[derive(Debug, Default)]
struct Gauge {
    room: u64,
    /// Distinct words (a word of both builders counted twice), their
    /// bytes, the entries logged, the log's bytes, the documents.
    words: AtomicU64,
    bytes: AtomicU64,
    entries: AtomicU64,
    log: AtomicU64,
    docs: AtomicU64,
    stopped: AtomicBool,
}

/// A builder reports to the gauge after every so many words it posts.
const GAUGE_EVERY: u32 = 4096;

impl Gauge {
    fn new(room: u64) -> Self {
        Gauge {
            room,
            ..Gauge::default()
        }
    }

    /// The most the build takes at once, for these counts: while words are
    /// added, their text, numbers, table and counts, each at the moment it
    /// grows (when its old and new buffers are both held); while postings
    /// are placed, the sorted vocabulary, the tables that renumber words,
    /// and the postings, eight bytes each. The logs are held throughout,
    /// and the builders' first buffers are a few megabytes.
    fn need(&self) -> u64 {
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let (w, t, e) = (get(&self.words), get(&self.bytes), get(&self.entries));
        let adding = 2 * t + 50 * w;
        let placing = t + 21 * w + 8 * e;
        adding.max(placing) + get(&self.log) + 32 * get(&self.docs) + (8 << 20)
    }

    fn too_large(&self) -> TooLarge {
        TooLarge {
            words: self.words.load(Ordering::Relaxed),
            need: self.need(),
        }
    }
}

/// What a builder last told the gauge.
#[derive(Debug, Default)]
struct Reported {
    words: u64,
    bytes: u64,
    entries: u64,
    log: u64,
    docs: u64,
    /// Words posted since.
    posted: u32,
}

/// A word's place in a builder.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// The document it was last seen in (counted from 1; 0 before any),
    /// and its entry there, in `Builder::pending`.
    doc: u32,
    slot: u32,
    /// Its entries so far: its postings.
    entries: u32,
}

/// Builds the postings in two steps. While indexing, each document's words
/// go to a log, document after document, one entry per word and document.
/// Then every word's number of postings is known, and each entry is placed
/// into one array of postings, sized exactly, as the log is read and
/// freed: the log is a third the size of the postings, and no list grows
/// by doubling (which left up to half of each unused, and copied it on
/// every growth).
#[derive(Default)]
struct Builder {
    /// The number of the first document this builder adds.
    base: u32,
    docs: Vec<Doc>,
    name_words: Vec<u16>,
    /// Words in each added article's body, in article order.
    article_words: Vec<u32>,
    words: Words,
    /// By word number.
    seen: Vec<Seen>,
    /// The entries of the document being added, logged when it is done.
    pending: Vec<Entry>,
    log: Log,
    /// For each document, its first entry in the log.
    starts: Vec<u32>,
    buf: String,
    gauge: Arc<Gauge>,
    reported: Reported,
}

impl Builder {
    fn starting_at(base: u32, gauge: Arc<Gauge>) -> Self {
        Builder {
            base,
            words: Words::with_room(),
            seen: own_pages(0),
            gauge,
            ..Builder::default()
        }
    }

    /// True once the build is over its room: nothing more is added.
    fn stopped(&self) -> bool {
        self.gauge.stopped.load(Ordering::Relaxed)
    }

    /// Tells the gauge what this builder has added since it last did, and
    /// stops the build if the estimate is over the room.
    fn report(&mut self) {
        let now = Reported {
            words: self.words.len() as u64,
            bytes: self.words.text.len() as u64,
            entries: u64::from(self.log.len) + self.pending.len() as u64,
            log: (self.log.chunks.len() * LOG_CHUNK) as u64,
            docs: self.docs.len() as u64,
            posted: 0,
        };
        let g = &self.gauge;
        let r = &self.reported;
        for (total, new, old) in [
            (&g.words, now.words, r.words),
            (&g.bytes, now.bytes, r.bytes),
            (&g.entries, now.entries, r.entries),
            (&g.log, now.log, r.log),
            (&g.docs, now.docs, r.docs),
        ] {
            total.fetch_add(new - old, Ordering::Relaxed);
        }
        self.reported = now;
        if g.need() > g.room {
            g.stopped.store(true, Ordering::Relaxed);
        }
    }

    /// Room for `own` documents of this builder's, and for `docs`
    /// documents of which `articles` articles once another's are appended:
    /// vectors that grow leave their old copies behind as holes in the heap.
    fn reserve(&mut self, own: usize, docs: usize, articles: usize) {
        self.starts.reserve_exact(own);
        self.docs.reserve_exact(docs);
        self.name_words.reserve_exact(docs);
        self.article_words.reserve_exact(articles);
    }

    fn doc(&mut self, doc: Doc, name: &str) -> DocBuilder<'_> {
        self.report();
        self.flush();
        self.docs.push(doc);
        self.name_words.push(name_word_count(name));
        self.starts.push(self.log.len);
        DocBuilder { builder: self }
    }

    /// Logs the entries of the document added last.
    fn flush(&mut self) {
        for e in self.pending.drain(..) {
            self.log.push(e);
        }
    }

    /// What the merge needs of a builder whose words are merged into
    /// another's. Made by the thread that built it, which frees the rest:
    /// memory a thread frees is reused at once, where memory it left
    /// behind, freed by another thread, may not be.
    fn into_part(mut self) -> Part {
        self.report();
        self.flush();
        let Words { text, ends, .. } = self.words;
        Part {
            base: self.base,
            docs: self.docs,
            name_words: self.name_words,
            article_words: self.article_words,
            text,
            ends,
            entries: {
                let mut entries = own_pages(self.seen.len());
                entries.extend(self.seen.iter().map(|s| s.entries));
                entries
            },
            log: self.log,
            starts: self.starts,
        }
    }

    /// The index of this builder's documents followed by `later`'s (whose
    /// first document comes right after this one's last).
    fn into_index(mut self, later: Part) -> SearchIndex {
        debug_assert_eq!(later.base as usize, self.base as usize + self.docs.len());
        self.flush();
        self.docs.extend(later.docs);
        self.name_words.extend(later.name_words);
        self.article_words.extend(later.article_words);
        // The later builder's words, numbered as this one's.
        let mut renumber: Vec<u32> = own_pages(later.entries.len());
        for (w, &entries) in (0..).zip(&later.entries) {
            let (id, new) = self.words.id(word_at(&later.text, &later.ends, w));
            if new {
                self.seen.push(Seen::default());
            }
            self.seen[id as usize].entries += entries;
            renumber.push(id);
        }
        drop((later.text, later.ends, later.entries));

        // Sort the vocabulary; postings go by rank in it.
        let words = std::mem::take(&mut self.words);
        let mut order: Vec<u32> = own_pages(words.len());
        order.extend(0..words.len() as u32);
        order.sort_unstable_by(|&a, &b| words.get(a).cmp(words.get(b)));
        let vocab = Vocab::from_sorted(order.iter().map(|&w| words.get(w)));
        drop(words);
        let word_chars = vocab
            .iter()
            .map(|w| w.chars().count().min(255) as u8)
            .collect();
        let mut rank: Vec<u32> = own_pages(order.len());
        rank.resize(order.len(), 0);
        // Where each word's postings end, and where its next one goes.
        let mut ends = Vec::with_capacity(order.len());
        let mut next = own_pages(order.len());
        let mut total = 0u32;
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
            next.push(total);
            total += self.seen[w as usize].entries;
            ends.push(total);
        }
        drop((order, std::mem::take(&mut self.seen)));
        for id in &mut renumber {
            *id = rank[*id as usize];
        }
        let mut all: Vec<Posting> = Vec::with_capacity(total as usize);
        let slots = all.spare_capacity_mut();
        let log = std::mem::take(&mut self.log);
        place(slots, &mut next, log, &self.starts, self.base, &rank);
        drop(rank);
        place(
            slots,
            &mut next,
            later.log,
            &later.starts,
            later.base,
            &renumber,
        );
        // Each word's range was filled from its start, one slot a posting:
        // when every word has reached its end, every slot below `total` is
        // written. (Anything else is a bug, and would leave slots unwritten.)
        assert!(next == ends, "every posting is placed once");
        // SAFETY: the ranges `ends` marks out cover 0..total, each written
        // in full (above); `all` has room for `total`.
        unsafe { all.set_len(total as usize) };
        SearchIndex {
            docs: self.docs,
            name_words: self.name_words,
            article_words: self.article_words,
            vocab,
            word_chars,
            postings: Postings::Flat { ends, all },
            term_cache: Mutex::default(),
            scratch: Mutex::default(),
        }
    }
}

/// Writes the postings of a builder's `log` (its documents from `base`,
/// each starting at its entry in `starts`) to `slots`: each to the next
/// slot of its word, whose rank in the vocabulary is `rank[word]`. The
/// postings are written in document order, so each word's come out in
/// document order too.
fn place(
    slots: &mut [std::mem::MaybeUninit<Posting>],
    next: &mut [u32],
    log: Log,
    starts: &[u32],
    base: u32,
    rank: &[u32],
) {
    let mut doc = 0;
    for (at, e) in (0u32..).zip(log.drain()) {
        while doc + 1 < starts.len() && starts[doc + 1] <= at {
            doc += 1;
        }
        let slot = &mut next[rank[e.word as usize] as usize];
        slots[*slot as usize].write(Posting {
            doc: base + doc as u32,
            count: e.count,
            fields: e.fields,
            pad: 0,
        });
        *slot += 1;
    }
}

/// A builder's words, postings and documents, without its word table.
struct Part {
    base: u32,
    docs: Vec<Doc>,
    name_words: Vec<u16>,
    article_words: Vec<u32>,
    /// The words, as `Words` keeps them.
    text: String,
    ends: Vec<u32>,
    /// Each word's entries.
    entries: Vec<u32>,
    log: Log,
    starts: Vec<u32>,
}

struct DocBuilder<'a> {
    builder: &'a mut Builder,
}

impl DocBuilder<'_> {
    /// Adds the words of `text`; returns how many it has.
    fn add(&mut self, text: &str, field: u8) -> usize {
        let mut words = 0;
        for span in word_spans(text) {
            words += 1;
            fold_word_into(&text[span], &mut self.builder.buf);
            self.post(field);
            let b = &mut *self.builder;
            b.reported.posted += 1;
            if b.reported.posted == GAUGE_EVERY {
                b.report();
                if b.stopped() {
                    break;
                }
            }
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
    /// word seen before in this document has its entry updated.
    fn post(&mut self, field: u8) {
        let b = &mut *self.builder;
        let (id, new) = b.words.id(&b.buf);
        if new {
            b.seen.push(Seen::default());
        }
        let doc = b.docs.len() as u32;
        let seen = &mut b.seen[id as usize];
        if seen.doc == doc {
            let e = &mut b.pending[seen.slot as usize];
            e.fields |= field;
            e.count = e.count.saturating_add(1);
        } else {
            seen.doc = doc;
            seen.slot = b.pending.len() as u32;
            seen.entries += 1;
            b.pending.push(Entry {
                word: id,
                count: 1,
                fields: field,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    #[test]
    fn words_are_kept_once_and_numbered_in_order() {
        let mut w = Words::default();
        let many: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, word) in many.iter().enumerate() {
            assert_eq!(w.id(word), (i as u32, true));
        }
        for (i, word) in many.iter().enumerate().rev() {
            assert_eq!(w.id(word), (i as u32, false));
            assert_eq!(w.get(i as u32), word);
        }
        assert_eq!(w.id(""), (5000, true));
        assert_eq!(w.get(5000), "");
        assert_eq!(w.len(), 5001);
    }

    #[test]
    fn the_log_gives_back_what_it_was_given() {
        let mut entries = Vec::new();
        for word in [0, 1, 127, 128, 16_383, 16_384, 2_097_152, u32::MAX] {
            for count in [1, 2, 2047, 2048, u16::MAX] {
                for fields in 0..32 {
                    entries.push(Entry {
                        word,
                        count,
                        fields,
                    });
                }
            }
        }
        // Enough of them to fill chunks.
        let entries: Vec<Entry> = entries
            .iter()
            .copied()
            .cycle()
            .take(entries.len() * 200)
            .collect();
        let mut log = Log::default();
        for &e in &entries {
            log.push(e);
        }
        assert_eq!(log.len as usize, entries.len());
        assert!(log.chunks.len() > 1, "entries cross chunks");
        let back: Vec<(u32, u16, u8)> = log.drain().map(|e| (e.word, e.count, e.fields)).collect();
        let sent: Vec<(u32, u16, u8)> = entries
            .iter()
            .map(|e| (e.word, e.count, e.fields))
            .collect();
        assert_eq!(back, sent);
    }

    /// The postings a plain map gives, documents numbered from 0.
    fn plain(docs: &[Vec<(String, u8)>]) -> std::collections::BTreeMap<String, Vec<Posting>> {
        let mut map: std::collections::BTreeMap<String, Vec<Posting>> = Default::default();
        for (doc, words) in (0u32..).zip(docs) {
            for (word, field) in words {
                let list = map.entry(word.clone()).or_default();
                match list.last_mut() {
                    Some(p) if p.doc == doc => {
                        p.fields |= field;
                        p.count = p.count.saturating_add(1);
                    }
                    _ => list.push(Posting {
                        doc,
                        count: 1,
                        fields: *field,
                        pad: 0,
                    }),
                }
            }
        }
        map
    }

    #[test]
    fn postings_are_what_a_plain_map_gives_wherever_the_documents_are_split() {
        // Documents of words from a small vocabulary, some in every
        // document, one repeated past a count's limit.
        let mut rng = crate::search::lcg::Lcg(1);
        let mut next = |n: u64| rng.below(n);
        let mut docs: Vec<Vec<(String, u8)>> = (0..300)
            .map(|_| {
                (0..next(200))
                    .map(|_| {
                        // Low numbers far more often than high ones.
                        let top = next(3000) + 1;
                        (format!("w{}", next(top)), 1 << next(5))
                    })
                    .chain([("every".to_owned(), field::ID)])
                    .collect()
            })
            .collect();
        docs[7].extend((0..70_000).map(|_| ("often".to_owned(), field::BODY)));
        docs.push(Vec::new());
        let want = plain(&docs);
        for split in [0, 1, 150, docs.len() - 1, docs.len()] {
            let gauge = Arc::new(Gauge::new(u64::MAX));
            let mut builders = [
                Builder::starting_at(0, gauge.clone()),
                Builder::starting_at(split as u32, gauge),
            ];
            for (i, words) in docs.iter().enumerate() {
                let b = &mut builders[usize::from(i >= split)];
                let mut d = b.doc(Doc::Article(i), "");
                for (word, field) in words {
                    d.builder.buf.clone_from(word);
                    d.post(*field);
                }
            }
            let [first, second] = builders;
            let idx = first.into_index(second.into_part());
            let words: Vec<&str> = idx.vocab.iter().collect();
            assert_eq!(words, want.keys().map(String::as_str).collect::<Vec<_>>());
            for (i, list) in want.values().enumerate() {
                assert_eq!(idx.postings.get(i), list, "{split}: {}", words[i]);
            }
            assert_eq!(
                idx.postings.total(),
                want.values().map(Vec::len).sum::<usize>()
            );
            assert_eq!(idx.docs.len(), docs.len());
        }
        assert_eq!(want["often"][0].count, u16::MAX);
    }

    #[test]
    fn an_index_over_its_room_is_not_built() {
        let corpus = bundled();
        let whole = SearchIndex::build(&corpus);
        let within = SearchIndex::build_within(&corpus, 1 << 30).unwrap();
        assert_eq!(
            within.vocab.iter().collect::<Vec<_>>(),
            whole.vocab.iter().collect::<Vec<_>>()
        );
        // The builders' first buffers alone take more than this.
        let over = SearchIndex::build_within(&corpus, 1 << 20).unwrap_err();
        assert!(over.need > 1 << 20, "{over:?}");
        assert!(over.words <= whole.vocab_len() as u64 * 2);
    }

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
