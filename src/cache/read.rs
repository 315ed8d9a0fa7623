//! Opening a cache file: the header and the small sections are checked and
//! read at once; bodies and postings stay in the mapped file and are
//! checked chunk by chunk as they are first read.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use memmap2::Mmap;

use super::format::{Header, Reject, Section, CHUNK, HEADER};
use super::meta::{self, BodyAt};
use super::write::BlockEntry;
use crate::corpus::{Block, BlockKind, Body, BodyStore, Corpus};
use crate::search::{Doc, Posting, Postings, SearchIndex, Vocab};

/// The mapped file, and what is needed to read its large sections.
pub struct Store {
    map: Mmap,
    path: PathBuf,
    blocks: Checked,
    text: Checked,
    postings: Checked,
    bodies: Vec<BodyAt>,
    reported: AtomicBool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// A large section, with the sum of each chunk and which chunks have been
/// checked.
struct Checked {
    range: std::ops::Range<usize>,
    sums: Vec<u64>,
    done: Vec<AtomicU64>,
}

impl Checked {
    fn new(range: std::ops::Range<usize>, sums: Vec<u64>) -> Self {
        let done = (0..sums.len().div_ceil(64))
            .map(|_| AtomicU64::new(0))
            .collect();
        Checked { range, sums, done }
    }

    /// Bytes `r` of the section, once every chunk they touch matches its
    /// sum; `None` if one does not.
    fn get<'m>(&self, map: &'m [u8], r: std::ops::Range<usize>) -> Option<&'m [u8]> {
        let section = map.get(self.range.clone())?;
        let bytes = section.get(r.clone())?;
        if r.is_empty() {
            return Some(bytes);
        }
        for c in r.start / CHUNK..=(r.end - 1) / CHUNK {
            let (word, bit) = (c / 64, 1u64 << (c % 64));
            if self.done[word].load(Ordering::Relaxed) & bit != 0 {
                continue;
            }
            let chunk = section.get(c * CHUNK..((c + 1) * CHUNK).min(section.len()))?;
            if xxhash_rust::xxh3::xxh3_64(chunk) != *self.sums.get(c)? {
                return None;
            }
            self.done[word].fetch_or(bit, Ordering::Relaxed);
        }
        Some(bytes)
    }

    /// The bytes of the file, from the first chunk `r` touches to the end
    /// of its last: what `get` checked, and so read.
    fn chunks_of(&self, r: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.range.start + r.start / CHUNK * CHUNK;
        let end = self.range.start + r.end.next_multiple_of(CHUNK);
        start..end.min(self.range.end)
    }
}

impl Store {
    /// A part of the file failed its check after the file was opened: the
    /// file is removed, so the next run rebuilds it, and the damage is
    /// reported once.
    fn damaged(&self) {
        if !self.reported.swap(true, Ordering::Relaxed) {
            let _ = std::fs::remove_file(&self.path);
            super::report_damage(&self.path);
        }
    }

    fn read_blocks(&self, at: &BodyAt) -> Option<Vec<Block>> {
        let size = std::mem::size_of::<BlockEntry>();
        let first = usize::try_from(at.first_block).ok()?;
        let n = usize::try_from(at.blocks).ok()?;
        let entry_bytes = first * size..(first + n) * size;
        let text_bytes = usize::try_from(at.text_start).ok()?..usize::try_from(at.text_end).ok()?;
        let entries = self.blocks.get(&self.map, entry_bytes.clone())?;
        let entries: &[BlockEntry] = bytemuck::try_cast_slice(entries).ok()?;
        let text = self.text.get(&self.map, text_bytes.clone())?;
        let mut start = 0usize;
        let mut out = Vec::with_capacity(n);
        for e in entries {
            let end = e.end as usize;
            let kind = match e.kind {
                0 => BlockKind::Heading,
                1 => BlockKind::Paragraph,
                2 => BlockKind::Quote,
                _ => return None,
            };
            let t = simdutf8::basic::from_utf8(text.get(start..end)?).ok()?;
            out.push(Block {
                kind,
                text: t.to_owned(),
            });
            start = end;
        }
        let whole = start == text.len();
        // The blocks own their text now: the mapped pages they came from
        // need not stay resident beside them.
        self.give_back(self.blocks.chunks_of(&entry_bytes));
        self.give_back(self.text.chunks_of(&text_bytes));
        whole.then_some(out)
    }

    /// Takes bytes `r` of the file out of the process's resident memory
    /// (they stay in the page cache, and are read from it again if need
    /// be). The kernel maps a fault's neighbours with it, in aligned 64 KiB
    /// windows, so the windows `r` touches go whole.
    fn give_back(&self, r: std::ops::Range<usize>) {
        const WINDOW: usize = 64 * 1024;
        let base = self.map.as_ptr() as usize;
        let start = ((base + r.start) / WINDOW * WINDOW).max(base) - base;
        let end = (base + r.end).next_multiple_of(WINDOW) - base;
        release(&self.map, start..end.min(self.map.len()));
    }
}

impl BodyStore for Store {
    fn blocks(&self, article: u32) -> Vec<Block> {
        let got = self
            .bodies
            .get(article as usize)
            .and_then(|at| self.read_blocks(at));
        got.unwrap_or_else(|| {
            self.damaged();
            Vec::new()
        })
    }
}

/// Postings in the mapped file.
#[derive(Debug)]
pub struct MappedPostings {
    store: Arc<Store>,
    ends: Vec<u64>,
}

impl MappedPostings {
    pub fn list(&self, word: usize) -> &[Posting] {
        let start = if word == 0 { 0 } else { self.ends[word - 1] };
        let size = std::mem::size_of::<Posting>();
        let r = start as usize * size..self.ends[word] as usize * size;
        let got = self
            .store
            .postings
            .get(&self.store.map, r)
            .and_then(|b| bytemuck::try_cast_slice(b).ok());
        got.unwrap_or_else(|| {
            self.store.damaged();
            &[]
        })
    }

    pub fn words(&self) -> usize {
        self.ends.len()
    }

    pub fn total(&self) -> usize {
        self.ends.last().copied().unwrap_or(0) as usize
    }
}

/// A cache file, mapped, with its header read.
pub struct Mapped {
    file: File,
    map: Mmap,
    pub header: Header,
}

impl Mapped {
    /// The bytes of section `s` of a file that is being opened.
    pub fn path_section(&self) -> Option<&[u8]> {
        self.map.get(self.header.range(Section::Path))
    }
}

/// Maps `path` and reads its header.
pub fn map(path: &Path) -> Result<Mapped, Reject> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Reject::Absent,
        _ => Reject::NotCache,
    })?;
    let meta = file.metadata().map_err(|_| Reject::NotCache)?;
    // Only a regular file of this user's: on a shared machine, another
    // user's file would be another user's word for what the corpus says.
    use std::os::unix::fs::MetadataExt;
    if !meta.is_file() || meta.uid() != rustix::process::geteuid().as_raw() {
        return Err(Reject::NotCache);
    }
    if meta.len() < super::format::HEADER as u64 {
        return Err(Reject::NotCache);
    }
    // SAFETY: the file is this user's, in a directory only this user can
    // write, and is never written in place: a writer makes a new file and
    // renames it over this one, which leaves this mapping as it was.
    let map = unsafe { Mmap::map(&file) }.map_err(|_| Reject::NotCache)?;
    let header = Header::decode(&map)?;
    Ok(Mapped { file, map, header })
}

/// The corpus and index of a mapped file whose header has been read and
/// whose corpus file is known to be the same.
pub fn open(mapped: Mapped, path: &Path) -> Result<(Corpus, SearchIndex), Reject> {
    let Mapped { file, map, header } = mapped;
    drop(file);
    // The sections read whole on opening are checked, then decoded or
    // copied straight from the mapping (reading them into a buffer first
    // was an eighth of a warm start at 100 000 reports: a copy, and fresh
    // pages for it), and their pages are then given back (see below).
    let eager = map
        .get(HEADER..header.eager_end())
        .ok_or(Reject::Truncated)?;
    // What has been summed, checked or decoded is given back `GIVE_BACK` at
    // a time, so that no more than that of the mapping is resident beside
    // what is decoded from it: held whole, a corpus whose metadata is most
    // of it took more memory warm than cold.
    let page = page_size();
    let give_back = |part: &[u8]| {
        let start = (part.as_ptr() as usize - map.as_ptr() as usize).next_multiple_of(page);
        let end = (part.as_ptr() as usize - map.as_ptr() as usize + part.len()) / page * page;
        release(&map, start..end);
    };
    if Header::checksum_giving_back(eager, &header, Some(&give_back)) != header.sum {
        return Err(Reject::Corrupt);
    }
    // A section, given back once copied or decoded by the caller.
    let section = |s: Section| {
        let r = header.range(s);
        &eager[r.start - HEADER..r.end - HEADER]
    };
    let copied = |s: Section| give_back(section(s));
    let meta::Meta {
        schema,
        title,
        network,
        cities: city_list,
        articles: article_list,
        bodies,
    } = meta::decode(section(Section::Meta), Some(&give_back)).ok_or(Reject::Corrupt)?;
    let cities = city_list.len();
    let articles = article_list.len();
    // The corpus's tables (ids, each city's reports) and the index's are
    // made at once, one on a thread of its own: each is a tenth of a warm
    // start at 100 000 reports. A file found corrupt below loses both.
    let (mut corpus, tables) = crate::parallel::both(
        move || Corpus::new(schema, title, city_list, article_list, network),
        || -> Result<IndexTables, Reject> {
            let vocab_ends: Vec<u32> = cast(section(Section::VocabEnds))?;
            copied(Section::VocabEnds);
            let name_words: Vec<u16> = cast(section(Section::NameWords))?;
            copied(Section::NameWords);
            let article_words: Vec<u32> = cast(section(Section::ArticleWords))?;
            copied(Section::ArticleWords);
            let posting_ends: Vec<u64> = cast(section(Section::PostingEnds))?;
            copied(Section::PostingEnds);
            let word_chars = section(Section::WordChars).to_vec();
            copied(Section::WordChars);
            let vocab_text = simdutf8::basic::from_utf8(section(Section::VocabText))
                .ok()
                .map(str::to_owned);
            copied(Section::VocabText);
            let vocab = vocab_text
                .and_then(|t| Vocab::from_parts(t, vocab_ends))
                .ok_or(Reject::Corrupt)?;
            let sums: Vec<u64> = cast(section(Section::Sums))?;
            Ok(IndexTables {
                name_words,
                article_words,
                posting_ends,
                word_chars,
                vocab,
                sums,
            })
        },
    );
    let tables = tables?;
    let words = header.sections[Section::WordChars as usize].1 as usize;
    let posting_size = std::mem::size_of::<Posting>() as u64;
    let (blocks_len, text_len, postings_len) = (
        header.sections[Section::Blocks as usize].1,
        header.sections[Section::Text as usize].1,
        header.sections[Section::Postings as usize].1,
    );
    let chunks = |len: u64| len.div_ceil(CHUNK as u64) as usize;
    let consistent = tables.vocab.len() == words
        && tables.posting_ends.len() == words
        && tables.name_words.len() == cities + articles
        && tables.article_words.len() == articles
        && tables.posting_ends.windows(2).all(|w| w[0] <= w[1])
        && tables.posting_ends.last().copied().unwrap_or(0) * posting_size == postings_len
        && tables.sums.len() == chunks(blocks_len) + chunks(text_len) + chunks(postings_len)
        && blocks_len.is_multiple_of(std::mem::size_of::<BlockEntry>() as u64)
        && bodies.iter().all(|at| {
            at.first_block
                .checked_add(at.blocks)
                .is_some_and(|e| e * std::mem::size_of::<BlockEntry>() as u64 <= blocks_len)
                && at.text_start <= at.text_end
                && at.text_end <= text_len
        });
    if !consistent {
        return Err(Reject::Corrupt);
    }
    // What was read through the mapping is decoded or copied by now: its
    // pages need not stay in the process's resident memory.
    release(&map, 0..header.eager_end());
    let (block_sums, rest) = tables.sums.split_at(chunks(blocks_len));
    let (text_sums, posting_sums) = rest.split_at(chunks(text_len));
    let store = Arc::new(Store {
        blocks: Checked::new(header.range(Section::Blocks), block_sums.to_vec()),
        text: Checked::new(header.range(Section::Text), text_sums.to_vec()),
        postings: Checked::new(header.range(Section::Postings), posting_sums.to_vec()),
        map,
        path: path.to_owned(),
        bodies,
        reported: AtomicBool::new(false),
    });
    let body_store: Arc<dyn BodyStore> = store.clone();
    for (i, a) in corpus.articles.iter_mut().enumerate() {
        a.body = Body::stored(body_store.clone(), i as u32);
    }
    let docs = (0..cities)
        .map(Doc::City)
        .chain((0..articles).map(Doc::Article))
        .collect();
    let postings = Postings::Mapped(MappedPostings {
        store,
        ends: tables.posting_ends,
    });
    let index = SearchIndex::from_parts(
        docs,
        tables.name_words,
        tables.article_words,
        tables.vocab,
        tables.word_chars,
        postings,
    );
    Ok((corpus, index))
}

/// The index's tables read whole on opening.
struct IndexTables {
    name_words: Vec<u16>,
    article_words: Vec<u32>,
    posting_ends: Vec<u64>,
    word_chars: Vec<u8>,
    vocab: Vocab,
    sums: Vec<u64>,
}

/// A section as a table of numbers (copied, so the buffer it was read into
/// need not be aligned for them).
fn cast<T: bytemuck::Pod>(bytes: &[u8]) -> Result<Vec<T>, Reject> {
    if !bytes.len().is_multiple_of(std::mem::size_of::<T>()) {
        return Err(Reject::Corrupt);
    }
    let mut v = vec![T::zeroed(); bytes.len() / std::mem::size_of::<T>()];
    bytemuck::cast_slice_mut::<T, u8>(&mut v).copy_from_slice(bytes);
    Ok(v)
}

/// Takes bytes `r` of `map` (`r.start` at a page) out of the process's
/// resident memory; they stay in the page cache.
fn release(map: &Mmap, r: std::ops::Range<usize>) {
    if r.end > r.start {
        // SAFETY: a read-only mapping of a file nobody writes in place (a
        // writer renames a new file over it): bytes read after
        // MADV_DONTNEED are read from the file again, and are the same, so
        // a slice of them that anything still holds reads as before.
        let _ = unsafe {
            map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, r.start, r.end - r.start)
        };
    }
}

/// The size of a page of memory, what `madvise` works in.
fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(n).ok().filter(|&n| n > 0).unwrap_or(4096)
}
