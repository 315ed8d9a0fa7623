//! Writing a cache file: into a temporary file in the cache directory, then
//! renamed over the old one, so a reader sees the old file or the new one,
//! never half of one, and two processes writing at once each rename a whole
//! file (the last one stays).

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::format::{
    EagerSum, Enc, Header, Identity, Keep, Section, CHUNK, FIRST_CHUNKED, HEADER, SECTIONS, VERSION,
};
use super::meta::{self, BodyAt};
use crate::corpus::{BlockKind, Corpus};
use crate::search::SearchIndex;

/// One entry of BLOCKS: where a block's text ends within its article's
/// text, and its kind.
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub struct BlockEntry {
    pub end: u32,
    pub kind: u8,
    pub pad: [u8; 3],
}

pub fn kind_code(k: BlockKind) -> u8 {
    match k {
        BlockKind::Heading => 0,
        BlockKind::Paragraph => 1,
        BlockKind::Quote => 2,
    }
}

/// Writes the cache of `corpus` and `index` to `path`. `source` is the
/// corpus file, kept for `learncity cache info`.
pub fn write(
    path: &Path,
    source: &Path,
    identity: Identity,
    corpus: &Corpus,
    index: &SearchIndex,
) -> io::Result<()> {
    let tmp = temp_name(path);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)?;
    let result = fill(&file, source, identity, corpus, index);
    drop(file);
    // For the test of two processes writing at once: both temporary files
    // exist before either is renamed.
    if let Some(ms) = std::env::var("LEARNCITY_TEST_CACHE_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    let result = result.and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.PID.tmp` beside the cache file: hidden, and named by the process
/// that writes it, so that leftovers of a process that died can be found.
fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "cache".to_owned(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn too_big() -> io::Error {
    io::Error::other("the corpus is too large to cache")
}

fn fill(
    file: &File,
    source: &Path,
    identity: Identity,
    corpus: &Corpus,
    index: &SearchIndex,
) -> io::Result<()> {
    // Where each body is. Its block table is made again as it is written,
    // rather than held: written last, a table held whole stays on top of
    // everything else a cold start has in memory, at its peak.
    let mut bodies = Vec::with_capacity(corpus.articles.len());
    let mut block_count = 0u64;
    let mut text_len = 0u64;
    for a in &corpus.articles {
        let len: u64 = a.body.iter().map(|b| b.text.len() as u64).sum();
        // A block's end is a u32 within its article's text.
        u32::try_from(len).map_err(|_| too_big())?;
        let blocks = a.body.len() as u64;
        bodies.push(BodyAt {
            first_block: block_count,
            blocks,
            text_start: text_len,
            text_end: text_len + len,
        });
        block_count += blocks;
        text_len += len;
    }
    let parts = index.parts();
    // META is counted first and written later in two more passes (see
    // `Enc`): never whole in memory.
    let mut count = Enc::keeping(Keep::Neither);
    let split = meta::encode(
        corpus,
        &bodies,
        meta::Split::default(),
        &mut count,
        &mut |_| Ok::<(), io::Error>(()),
    )?;
    let (heap_len, values_len) = count.lens().ok_or_else(too_big)?;
    let meta_len = 8 + heap_len.next_multiple_of(8) + values_len;
    let (vocab_text, vocab_ends) = parts.vocab.parts();
    let mut posting_ends: Vec<u64> = Vec::with_capacity(parts.postings.len());
    let mut total = 0u64;
    for w in 0..parts.postings.len() {
        total += parts.postings.get(w).len() as u64;
        posting_ends.push(total);
    }
    let blocks_len = block_count * std::mem::size_of::<BlockEntry>() as u64;
    let postings_len = total * std::mem::size_of::<crate::search::Posting>() as u64;
    let sums_len = 8 * (chunks(blocks_len) + chunks(text_len) + chunks(postings_len));

    let path_bytes = source.as_os_str().as_encoded_bytes();
    // The small sections after META, in order; SUMS is filled in at the end.
    let small: [&[u8]; 7] = [
        path_bytes,
        vocab_text.as_bytes(),
        bytemuck::cast_slice(vocab_ends),
        parts.word_chars,
        bytemuck::cast_slice(parts.name_words),
        bytemuck::cast_slice(parts.article_words),
        bytemuck::cast_slice(&posting_ends),
    ];
    let mut sections = [(0u64, 0u64); SECTIONS];
    let mut at = HEADER as u64;
    let lens = std::iter::once(meta_len)
        .chain(small.iter().map(|s| s.len() as u64))
        .chain([sums_len, blocks_len, text_len, postings_len]);
    for (i, len) in lens.enumerate() {
        at = at.next_multiple_of(8);
        sections[i] = (at, len);
        at += len;
    }
    let file_len = at;

    // Write in order, padding between sections; the checksum is computed
    // over what it covers as it goes.
    let mut out = Out::new(file);
    out.put(&[0u8; HEADER])?;
    let mut covered = EagerSum::new(sections[FIRST_CHUNKED as usize].0 - HEADER as u64);
    out.pad_to(sections[Section::Meta as usize].0, Some(&mut covered))?;
    let heap_len_bytes = heap_len.to_ne_bytes();
    covered.update(&heap_len_bytes);
    out.put(&heap_len_bytes)?;
    for keep in [Keep::Heap, Keep::Values] {
        let mut e = Enc::keeping(keep);
        let written = meta::encode(corpus, &bodies, split, &mut e, &mut |e| {
            if e.pending().len() >= CHUNK {
                covered.update(e.pending());
                out.put(e.pending())?;
                e.clear_pending();
            }
            Ok::<(), io::Error>(())
        })?;
        covered.update(e.pending());
        out.put(e.pending())?;
        if e.lens() != Some((heap_len, values_len)) || written != split {
            return Err(io::Error::other("cache layout mismatch"));
        }
        if keep == Keep::Heap {
            out.pad_to(
                sections[Section::Meta as usize].0 + 8 + heap_len.next_multiple_of(8),
                Some(&mut covered),
            )?;
        }
    }
    for (i, s) in small.iter().enumerate() {
        out.pad_to(sections[i + 1].0, Some(&mut covered))?;
        covered.update(s);
        out.put(s)?;
    }
    out.pad_to(sections[Section::Sums as usize].0, Some(&mut covered))?;
    out.put(&vec![0u8; sums_len as usize])?;
    out.pad_to(sections[Section::Blocks as usize].0, None)?;
    let mut chunked = Chunked::new(&mut out);
    for a in &corpus.articles {
        // Each article's text was found to fit in a u32 above.
        let mut end = 0u32;
        for b in a.body.iter() {
            end += b.text.len() as u32;
            let entry = BlockEntry {
                end,
                kind: kind_code(b.kind),
                pad: [0; 3],
            };
            chunked.put(bytemuck::bytes_of(&entry))?;
        }
    }
    let mut sums = chunked.finish()?;
    out.pad_to(sections[Section::Text as usize].0, None)?;
    let mut chunked = Chunked::new(&mut out);
    for a in &corpus.articles {
        for b in a.body.iter() {
            chunked.put(b.text.as_bytes())?;
        }
    }
    sums.extend(chunked.finish()?);
    out.pad_to(sections[Section::Postings as usize].0, None)?;
    let mut chunked = Chunked::new(&mut out);
    for w in 0..parts.postings.len() {
        chunked.put(bytemuck::cast_slice(parts.postings.get(w)))?;
    }
    sums.extend(chunked.finish()?);
    out.flush()?;
    if out.at != file_len || sums.len() as u64 * 8 != sums_len {
        return Err(io::Error::other("cache layout mismatch"));
    }
    let sums_bytes: &[u8] = bytemuck::cast_slice(&sums);
    file.write_all_at(sums_bytes, sections[Section::Sums as usize].0)?;
    covered.update(sums_bytes);

    let mut header = Header {
        version: VERSION.to_owned(),
        identity,
        sections,
        file_len,
        sum: 0,
    };
    header.sum = covered.digest(&header);
    file.write_all_at(&header.encode(), 0)?;
    Ok(())
}

fn chunks(len: u64) -> u64 {
    len.div_ceil(CHUNK as u64)
}

/// Sequential writes through a buffer, counting the bytes.
struct Out<'a> {
    w: io::BufWriter<&'a File>,
    at: u64,
}

impl<'a> Out<'a> {
    fn new(file: &'a File) -> Self {
        Out {
            // Sections go out in chunks of 64 KiB: a larger buffer only
            // adds to a cold start's peak.
            w: io::BufWriter::with_capacity(CHUNK, file),
            at: 0,
        }
    }
    fn put(&mut self, b: &[u8]) -> io::Result<()> {
        self.w.write_all(b)?;
        self.at += b.len() as u64;
        Ok(())
    }
    fn pad_to(&mut self, to: u64, sum: Option<&mut EagerSum>) -> io::Result<()> {
        let pad = vec![0u8; (to - self.at) as usize];
        if let Some(s) = sum {
            s.update(&pad);
        }
        self.put(&pad)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// Writes a section in `CHUNK`s and keeps each chunk's sum.
struct Chunked<'o, 'f> {
    out: &'o mut Out<'f>,
    buf: Vec<u8>,
    sums: Vec<u64>,
}

impl<'o, 'f> Chunked<'o, 'f> {
    fn new(out: &'o mut Out<'f>) -> Self {
        Chunked {
            out,
            buf: Vec::with_capacity(CHUNK),
            sums: Vec::new(),
        }
    }
    fn put(&mut self, mut b: &[u8]) -> io::Result<()> {
        while !b.is_empty() {
            let n = (CHUNK - self.buf.len()).min(b.len());
            self.buf.extend_from_slice(&b[..n]);
            b = &b[n..];
            if self.buf.len() == CHUNK {
                self.flush_chunk()?;
            }
        }
        Ok(())
    }
    fn flush_chunk(&mut self) -> io::Result<()> {
        self.sums.push(xxhash_rust::xxh3::xxh3_64(&self.buf));
        self.out.put(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
    fn finish(mut self) -> io::Result<Vec<u64>> {
        if !self.buf.is_empty() {
            self.flush_chunk()?;
        }
        Ok(self.sums)
    }
}

/// A copy of the cache file at `path` with the corpus file's new identity
/// (same bytes, new inode or times), renamed over it.
pub fn restamp(path: &Path, identity: Identity) -> io::Result<()> {
    let tmp = temp_name(path);
    let result = (|| {
        std::fs::copy(path, &tmp)?;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&tmp)?;
        // SAFETY: a file this process just made, in a directory only this
        // user can write, that nothing else writes.
        let map = unsafe { memmap2::Mmap::map(&file) }?;
        let mut header = Header::decode(&map).map_err(|_| io::Error::other("not a cache file"))?;
        header.identity = identity;
        header.sum = Header::checksum(&map[HEADER..header.eager_end()], &header);
        drop(map);
        file.write_all_at(&header.encode(), 0)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
