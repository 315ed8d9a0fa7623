//! The cache file's layout: a fixed header, then sections, each at an
//! offset that is a multiple of 8 (postings are mapped as `u32`s).
//!
//! ```text
//! header   magic, format, byte order, program version, the corpus file's
//!          identity, the section table, the file's length, a checksum
//! sections META (corpus without bodies)  PATH  VOCAB_TEXT  VOCAB_ENDS
//!          WORD_CHARS  NAME_WORDS  ARTICLE_WORDS  POSTING_ENDS  SUMS
//!          BLOCKS  TEXT  POSTINGS
//! ```
//!
//! The header's checksum covers the header and every section before
//! BLOCKS: all that is read when the file is opened. It is the sum of the
//! sums of that range's two halves, which two threads compute at once.
//! BLOCKS, TEXT and POSTINGS are large and read piecemeal (a body when it
//! is opened, the postings of the words a query matches), so each is
//! checked in 64 KiB chunks the first time a chunk is read, against the
//! sums in SUMS.

pub const MAGIC: &[u8; 8] = b"LRNCITY\x1a";
/// Raised whenever the layout or what a section means changes.
pub const FORMAT: u32 = 3;
/// Written in the machine's byte order; another order reads differently.
pub const BYTE_ORDER: u32 = 0x0102_0304;
/// The program that wrote the file: another version rebuilds it rather
/// than trust that its loader cleaned the texts the same way.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub enum Section {
    Meta,
    Path,
    VocabText,
    VocabEnds,
    WordChars,
    NameWords,
    ArticleWords,
    PostingEnds,
    Sums,
    Blocks,
    Text,
    Postings,
}

pub const SECTIONS: usize = 12;
/// Sections before this one are checked whole when the file is opened.
pub const FIRST_CHUNKED: Section = Section::Blocks;

/// What the corpus file was when the cache was made. Any change of the
/// first five (an edit, even one that restores the size and the
/// modification time, changes `ctime`) means the file is hashed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Identity {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub hash: u64,
}

impl Identity {
    /// Same file, untouched since: no need to hash it.
    pub fn same_stat(&self, other: &Identity) -> bool {
        (self.dev, self.ino, self.size, self.mtime_ns, self.ctime_ns)
            == (
                other.dev,
                other.ino,
                other.size,
                other.mtime_ns,
                other.ctime_ns,
            )
    }
}

/// Header size: room for the fields below and to spare.
pub const HEADER: usize = 512;
const OFF_FORMAT: usize = 8;
const OFF_ORDER: usize = 12;
const OFF_VERSION: usize = 16; // 32 bytes, NUL-padded
const OFF_IDENTITY: usize = 48; // 6 × 8
const OFF_TABLE: usize = 96; // SECTIONS × (offset, length)
const OFF_FILE_LEN: usize = OFF_TABLE + SECTIONS * 16;
const OFF_SUM: usize = OFF_FILE_LEN + 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub version: String,
    pub identity: Identity,
    pub sections: [(u64, u64); SECTIONS],
    pub file_len: u64,
    pub sum: u64,
}

/// Why a cache file is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reject {
    /// No cache file yet.
    Absent,
    /// Not a cache file, or cut short before its header ends.
    NotCache,
    /// Another layout, byte order or program version.
    Version(String),
    /// Shorter or longer than its header says.
    Truncated,
    /// The header or a section fails its checksum, or does not make sense.
    Corrupt,
    /// The corpus file changed since.
    Stale,
}

impl Reject {
    /// For `LEARNCITY_CACHE_TRACE`: what was wrong, in words.
    pub fn describe(&self) -> String {
        match self {
            Reject::Absent => "none yet".to_owned(),
            Reject::NotCache => "not a cache file of this user's".to_owned(),
            Reject::Version(v) => format!("made by another version: {v}"),
            Reject::Truncated => "cut short".to_owned(),
            Reject::Corrupt => "damaged".to_owned(),
            Reject::Stale => "the corpus file changed since".to_owned(),
        }
    }
}

impl Header {
    pub fn encode(&self) -> [u8; HEADER] {
        let mut h = [0u8; HEADER];
        h[..8].copy_from_slice(MAGIC);
        put32(&mut h, OFF_FORMAT, FORMAT);
        put32(&mut h, OFF_ORDER, BYTE_ORDER);
        let v = self.version.as_bytes();
        let n = v.len().min(32);
        h[OFF_VERSION..OFF_VERSION + n].copy_from_slice(&v[..n]);
        let id = &self.identity;
        let fields = [
            id.dev,
            id.ino,
            id.size,
            id.mtime_ns as u64,
            id.ctime_ns as u64,
            id.hash,
        ];
        for (i, f) in fields.iter().enumerate() {
            put64(&mut h, OFF_IDENTITY + 8 * i, *f);
        }
        for (i, (off, len)) in self.sections.iter().enumerate() {
            put64(&mut h, OFF_TABLE + 16 * i, *off);
            put64(&mut h, OFF_TABLE + 16 * i + 8, *len);
        }
        put64(&mut h, OFF_FILE_LEN, self.file_len);
        put64(&mut h, OFF_SUM, self.sum);
        h
    }

    /// Reads the header at the start of `file`; checks what the header
    /// alone can tell.
    pub fn decode(file: &[u8]) -> Result<Header, Reject> {
        if file.len() < HEADER || &file[..8] != MAGIC {
            return Err(Reject::NotCache);
        }
        let version_bytes = &file[OFF_VERSION..OFF_VERSION + 32];
        let end = version_bytes.iter().position(|&b| b == 0).unwrap_or(32);
        let version = String::from_utf8_lossy(&version_bytes[..end]).into_owned();
        if get32(file, OFF_FORMAT) != FORMAT
            || get32(file, OFF_ORDER) != BYTE_ORDER
            || version != VERSION
        {
            return Err(Reject::Version(version));
        }
        let f = |i: usize| get64(file, OFF_IDENTITY + 8 * i);
        let identity = Identity {
            dev: f(0),
            ino: f(1),
            size: f(2),
            mtime_ns: f(3) as i64,
            ctime_ns: f(4) as i64,
            hash: f(5),
        };
        let mut sections = [(0u64, 0u64); SECTIONS];
        for (i, s) in sections.iter_mut().enumerate() {
            *s = (
                get64(file, OFF_TABLE + 16 * i),
                get64(file, OFF_TABLE + 16 * i + 8),
            );
        }
        let header = Header {
            version,
            identity,
            sections,
            file_len: get64(file, OFF_FILE_LEN),
            sum: get64(file, OFF_SUM),
        };
        if header.file_len != file.len() as u64 {
            return Err(Reject::Truncated);
        }
        // Sections in order, aligned, inside the file.
        let mut at = HEADER as u64;
        for &(off, len) in &header.sections {
            if off < at
                || off % 8 != 0
                || off.checked_add(len).is_none_or(|e| e > file.len() as u64)
            {
                return Err(Reject::Corrupt);
            }
            at = off + len;
        }
        Ok(header)
    }

    pub fn range(&self, s: Section) -> std::ops::Range<usize> {
        let (off, len) = self.sections[s as usize];
        off as usize..(off + len) as usize
    }

    /// The checksum of every section checked whole on opening, then of the
    /// header without its sum (in that order, so a writer can hash the
    /// sections as it writes them and the header last; see [`EagerSum`]).
    /// `eager` is the file's bytes from the end of the header to the first
    /// chunked section.
    pub fn checksum(eager: &[u8], header: &Header) -> u64 {
        Self::checksum_giving_back(eager, header, None)
    }
    /// As `checksum`, calling `give_back` with each `GIVE_BACK` bytes of
    /// `eager` once they are summed. The two halves are summed at once,
    /// one on a thread of its own: at 100 000 reports they are 80 MB.
    pub fn checksum_giving_back<'a>(
        eager: &'a [u8],
        header: &Header,
        give_back: Option<GiveBack<'a>>,
    ) -> u64 {
        let sum = |part: &'a [u8]| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for piece in part.chunks(GIVE_BACK) {
                h.update(piece);
                if let Some(give) = give_back {
                    give(piece);
                }
            }
            h.digest()
        };
        let (first, second) = eager.split_at(eager.len() / 2);
        let (first, second) = crate::parallel::both(|| sum(first), || sum(second));
        EagerSum::combine(first, second, header)
    }

    /// Where the sections checked on opening end.
    pub fn eager_end(&self) -> usize {
        self.sections[FIRST_CHUNKED as usize].0 as usize
    }
}

/// Called with parts of a mapped section once they are read, so that
/// their pages can be given back (see [`Dec::part`]). `Sync`: the
/// halves of a section are read by two threads.
pub type GiveBack<'a> = &'a (dyn Fn(&'a [u8]) + Sync);

/// The header's checksum as a writer computes it, fed the range it covers
/// in order: each half of the range has its own sum, so that a reader can
/// sum the halves at once (`Header::checksum`).
pub struct EagerSum {
    /// Bytes of the range still to be fed to the first half.
    first_left: u64,
    first: xxhash_rust::xxh3::Xxh3,
    second: xxhash_rust::xxh3::Xxh3,
}

impl EagerSum {
    /// For a range of `len` bytes.
    pub fn new(len: u64) -> Self {
        EagerSum {
            first_left: len / 2,
            first: xxhash_rust::xxh3::Xxh3::new(),
            second: xxhash_rust::xxh3::Xxh3::new(),
        }
    }
    pub fn update(&mut self, bytes: &[u8]) {
        let n = usize::try_from(self.first_left).map_or(bytes.len(), |l| l.min(bytes.len()));
        self.first.update(&bytes[..n]);
        self.second.update(&bytes[n..]);
        self.first_left -= n as u64;
    }
    pub fn digest(&self, header: &Header) -> u64 {
        Self::combine(self.first.digest(), self.second.digest(), header)
    }
    fn combine(first: u64, second: u64, header: &Header) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&first.to_le_bytes());
        h.update(&second.to_le_bytes());
        h.update(&header.encode()[..OFF_SUM]);
        h.digest()
    }
}

fn put32(h: &mut [u8], at: usize, v: u32) {
    h[at..at + 4].copy_from_slice(&v.to_ne_bytes());
}

fn put64(h: &mut [u8], at: usize, v: u64) {
    h[at..at + 8].copy_from_slice(&v.to_ne_bytes());
}

fn get32(h: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(h[at..at + 4].try_into().unwrap_or_default())
}

fn get64(h: &[u8], at: usize) -> u64 {
    u64::from_ne_bytes(h[at..at + 8].try_into().unwrap_or_default())
}

/// Appends values to a section. Strings go to a heap of their own, which
/// is checked as UTF-8 once on reading instead of string by string; the
/// values say where in it each string is. The section is the heap's
/// length, the heap, padding to 8, then the values.
///
/// The writer does not hold a whole section (60 MB of metadata at 100 000
/// reports, at its peak of memory): it encodes three times, once to count
/// (`Keep::Neither`), once keeping the heap and once the values, and
/// writes what is kept as it goes (`pending`, `clear_pending`). Offsets and
/// lengths are counted the same way whatever is kept.
pub struct Enc {
    buf: Vec<u8>,
    heap: Vec<u8>,
    heap_len: u64,
    values_len: u64,
    keep: Keep,
    /// A string past 4 GiB of heap (which a 1 GiB corpus cannot make).
    overflow: bool,
}

/// What an `Enc` keeps of what it encodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Both,
    Heap,
    Values,
    Neither,
}

impl Default for Enc {
    fn default() -> Self {
        Enc::keeping(Keep::Both)
    }
}

impl Enc {
    pub fn keeping(keep: Keep) -> Self {
        Enc {
            buf: Vec::new(),
            heap: Vec::new(),
            heap_len: 0,
            values_len: 0,
            keep,
            overflow: false,
        }
    }
    fn value(&mut self, bytes: &[u8]) {
        self.values_len += bytes.len() as u64;
        if matches!(self.keep, Keep::Both | Keep::Values) {
            self.buf.extend_from_slice(bytes);
        }
    }
    pub fn u8(&mut self, v: u8) {
        self.value(&[v]);
    }
    pub fn u64(&mut self, v: u64) {
        self.value(&v.to_ne_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.u64(v as u64);
    }
    pub fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub fn str(&mut self, s: &str) {
        let at = u32::try_from(self.heap_len);
        let len = u32::try_from(s.len());
        let (Ok(at), Ok(len)) = (at, len) else {
            self.overflow = true;
            return;
        };
        self.value(&at.to_ne_bytes());
        self.value(&len.to_ne_bytes());
        self.heap_len += s.len() as u64;
        if matches!(self.keep, Keep::Both | Keep::Heap) {
            self.heap.extend_from_slice(s.as_bytes());
        }
    }

    /// Where the next string and the next value go: the heap's length and
    /// the values' length so far.
    pub fn at(&self) -> (u64, u64) {
        (self.heap_len, self.values_len)
    }

    /// The heap's length and the values' length, as counted; `None` if the
    /// section outgrew its offsets.
    pub fn lens(&self) -> Option<(u64, u64)> {
        (!self.overflow).then_some((self.heap_len, self.values_len))
    }

    /// What is kept and not yet taken: the heap's bytes or the values'
    /// (for `Keep::Heap` or `Keep::Values`).
    pub fn pending(&self) -> &[u8] {
        match self.keep {
            Keep::Heap => &self.heap,
            _ => &self.buf,
        }
    }
    pub fn clear_pending(&mut self) {
        self.heap.clear();
        self.buf.clear();
    }

    /// The whole section, for `Keep::Both`.
    #[cfg(test)]
    pub fn finish(self) -> Option<Vec<u8>> {
        if self.overflow {
            return None;
        }
        let mut out = (self.heap.len() as u64).to_ne_bytes().to_vec();
        out.extend_from_slice(&self.heap);
        out.resize(out.len().next_multiple_of(8), 0);
        out.extend_from_slice(&self.buf);
        Some(out)
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    pub fn opt_u64(&mut self, v: Option<u64>) {
        match v {
            Some(v) => {
                self.u8(1);
                self.u64(v);
            }
            None => self.u8(0),
        }
    }
    pub fn opt_i64(&mut self, v: Option<i64>) {
        self.opt_u64(v.map(|v| v as u64));
    }
}

/// How much of a section is read before it is given back: 256 KiB. Each
/// of the two halves decoded at once holds this much of its heap and of its
/// values: a megabyte of each put 2 MB more on a warm `search`'s peak at
/// 10 000 reports (23 MB, over half the file), and a quarter of it costs no
/// time we could measure (100 000 reports: 105–111 ms either way).
pub const GIVE_BACK: usize = 1 << 18;

/// `bytes` as UTF-8, checked `GIVE_BACK` at a time, each part given back
/// once checked.
fn utf8_giving_back<'a>(bytes: &'a [u8], give_back: Option<GiveBack<'a>>) -> Option<&'a str> {
    let Some(give) = give_back else {
        return simdutf8::basic::from_utf8(bytes).ok();
    };
    let mut at = 0;
    while at < bytes.len() {
        let mut end = (at + GIVE_BACK).min(bytes.len());
        // A part ends where a letter starts (or at the end): at most three
        // continuation bytes back.
        while end < bytes.len() && end > at && (bytes[end] & 0xC0) == 0x80 {
            end -= 1;
        }
        if end == at {
            return None;
        }
        simdutf8::basic::from_utf8(&bytes[at..end]).ok()?;
        give(&bytes[at..end]);
        at = end;
    }
    // SAFETY: every part was checked above, and each ends where a letter
    // starts, so the whole is UTF-8.
    Some(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// A section's heap (not yet checked as UTF-8) and its values.
pub fn heap_and_values(section: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::try_from(u64::from_ne_bytes(section.get(..8)?.try_into().ok()?)).ok()?;
    let end = len.checked_add(8)?;
    Some((
        section.get(8..end)?,
        section.get(end.next_multiple_of(8)..)?,
    ))
}

/// Reads values back; `None` at the first one that does not fit, so a
/// damaged section is refused, never a panic.
pub struct Dec<'a> {
    /// Called with what has been read, `GIVE_BACK` or more at a time, so the
    /// pages of a mapped section need not all stay resident while what they
    /// hold is decoded beside them.
    give_back: Option<GiveBack<'a>>,
    /// Where `heap` and `bytes` have been given back up to.
    heap_given: usize,
    bytes_given: usize,
    heap: &'a str,
    /// Where `heap` starts in the section's heap: the values say where a
    /// string is in the whole heap, and a part of a section (see `part`)
    /// has a part of the heap.
    heap_base: usize,
    /// Where the next string must start, in `heap`: strings follow each
    /// other in the heap as they were written, so a section, however
    /// forged, decodes to no more string bytes than its heap holds.
    heap_at: usize,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Dec<'a> {
    /// `None` if the section does not start with a heap of UTF-8.
    #[cfg(test)]
    pub fn new(section: &'a [u8]) -> Option<Self> {
        let (heap, values) = heap_and_values(section)?;
        Self::part(heap, 0, values, None)
    }
    /// Reads `values`, whose strings are in `heap`, which starts at
    /// `heap_base` of the section's heap, calling `give_back` with the
    /// parts read. `None` if `heap` is not UTF-8.
    pub fn part(
        heap: &'a [u8],
        heap_base: usize,
        values: &'a [u8],
        give_back: Option<GiveBack<'a>>,
    ) -> Option<Self> {
        let heap = utf8_giving_back(heap, give_back)?;
        // With nothing to give back to, the test of `give_back_read` never
        // holds.
        let given = if give_back.is_some() {
            0
        } else {
            usize::MAX / 2
        };
        Some(Dec {
            give_back,
            heap_given: given,
            bytes_given: given,
            heap,
            heap_base,
            heap_at: 0,
            bytes: values,
            at: 0,
        })
    }
    /// Gives back what has been read of the heap and the values since the
    /// last time, once it is `GIVE_BACK` or more. Called for every value:
    /// the test is all it costs until `GIVE_BACK` has been read.
    #[inline]
    fn give_back_read(&mut self) {
        if self.at >= self.bytes_given + GIVE_BACK || self.heap_at >= self.heap_given + GIVE_BACK {
            self.give_back_now();
        }
    }
    #[cold]
    #[inline(never)]
    fn give_back_now(&mut self) {
        let Some(give) = self.give_back else {
            return;
        };
        if self.at >= self.bytes_given + GIVE_BACK {
            give(&self.bytes[self.bytes_given..self.at]);
            self.bytes_given = self.at;
        }
        if self.heap_at >= self.heap_given + GIVE_BACK {
            give(&self.heap.as_bytes()[self.heap_given..self.heap_at]);
            self.heap_given = self.heap_at;
        }
    }
    /// Whether every value has been read.
    pub fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
    /// Whether every value and every string has been read.
    pub fn all_read(&self) -> bool {
        self.done() && self.heap_at == self.heap.len()
    }
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        self.give_back_read();
        Some(s)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_ne_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn i64(&mut self) -> Option<i64> {
        Some(self.u64()? as i64)
    }
    pub fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }
    /// A count of items that each take at least `min_bytes` of values:
    /// `None` if the bytes left cannot hold them, so that a damaged count
    /// never makes a vector larger than a constant times the file.
    pub fn count(&mut self, min_bytes: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(min_bytes.max(1))? <= self.bytes.len() - self.at).then_some(n)
    }
    pub fn str(&mut self) -> Option<String> {
        let at = u32::from_ne_bytes(self.take(4)?.try_into().ok()?) as usize;
        let len = u32::from_ne_bytes(self.take(4)?.try_into().ok()?) as usize;
        if at.checked_sub(self.heap_base) != Some(self.heap_at) {
            return None;
        }
        let at = self.heap_at;
        let s = self.heap.get(at..at.checked_add(len)?)?;
        self.heap_at = at + len;
        let s = s.to_owned();
        self.give_back_read();
        Some(s)
    }
    pub fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => f(self).map(Some),
            _ => None,
        }
    }
    pub fn opt_str(&mut self) -> Option<Option<String>> {
        self.opt(Self::str)
    }
    pub fn opt_u64(&mut self) -> Option<Option<u64>> {
        self.opt(Self::u64)
    }
    pub fn opt_i64(&mut self) -> Option<Option<i64>> {
        self.opt(Self::i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_reads_back() {
        let mut h = Header {
            version: VERSION.to_owned(),
            identity: Identity {
                dev: 1,
                ino: 2,
                size: 3,
                mtime_ns: -4,
                ctime_ns: 5,
                hash: 6,
            },
            sections: [(0, 0); SECTIONS],
            file_len: HEADER as u64,
            sum: 7,
        };
        for (i, s) in h.sections.iter_mut().enumerate() {
            *s = (HEADER as u64, 0);
            let _ = i;
        }
        let bytes = h.encode();
        assert_eq!(Header::decode(&bytes), Ok(h));
    }

    /// The writer feeds the range the checksum covers in pieces of any
    /// size; the reader sums its two halves at once. Both give one sum.
    #[test]
    fn the_writers_sum_fed_in_any_pieces_is_the_readers() {
        let header = Header {
            version: VERSION.to_owned(),
            identity: Identity::default(),
            sections: [(0, 0); SECTIONS],
            file_len: 0,
            sum: 0,
        };
        for len in [0usize, 1, 2, 3, 1000, 70_001] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
            let read = Header::checksum(&bytes, &header);
            for piece in [1, 2, 7, 4096, len.max(1)] {
                let mut sum = EagerSum::new(len as u64);
                bytes.chunks(piece).for_each(|p| sum.update(p));
                assert_eq!(
                    sum.digest(&header),
                    read,
                    "{len} bytes in pieces of {piece}"
                );
            }
            if len > 1 {
                let mut changed = bytes.clone();
                changed[len - 1] ^= 1;
                assert_ne!(Header::checksum(&changed, &header), read, "{len} bytes");
                changed = bytes.clone();
                changed[0] ^= 1;
                assert_ne!(Header::checksum(&changed, &header), read, "{len} bytes");
            }
        }
    }

    #[test]
    fn a_short_or_foreign_file_is_refused() {
        assert_eq!(Header::decode(b"LRNCITY"), Err(Reject::NotCache));
        assert_eq!(Header::decode(&[0u8; 600]), Err(Reject::NotCache));
        let mut bytes = [0u8; HEADER];
        bytes[..8].copy_from_slice(MAGIC);
        assert!(matches!(Header::decode(&bytes), Err(Reject::Version(_))));
    }

    /// A forged section whose strings all point at one long string would
    /// decode into copies of it, without bound: strings must follow each
    /// other in the heap, as the writer lays them out.
    #[test]
    fn strings_pointing_back_into_the_heap_are_refused() {
        let mut e = Enc::default();
        e.str("a long note");
        e.str("x");
        let mut bytes = e.finish().unwrap();
        let mut d = Dec::new(&bytes).unwrap();
        assert_eq!(d.str().as_deref(), Some("a long note"));
        assert_eq!(d.str().as_deref(), Some("x"));
        // The second string's offset (its first 4 bytes), pointed at 0.
        let n = bytes.len();
        bytes[n - 8..n - 4].copy_from_slice(&0u32.to_ne_bytes());
        let mut d = Dec::new(&bytes).unwrap();
        assert_eq!(d.str().as_deref(), Some("a long note"));
        assert_eq!(d.str(), None);
    }

    /// A count is refused when the bytes left cannot hold that many items
    /// of the least size each: vectors are never sized beyond the file.
    #[test]
    fn a_count_beyond_what_the_bytes_can_hold_is_refused() {
        let mut e = Enc::default();
        e.len(3);
        e.u64(0);
        e.u64(0);
        e.u64(0);
        let bytes = e.finish().unwrap();
        assert_eq!(Dec::new(&bytes).unwrap().count(8), Some(3));
        assert_eq!(Dec::new(&bytes).unwrap().count(9), None);
        assert_eq!(Dec::new(&bytes).unwrap().count(usize::MAX), None);
    }

    #[test]
    fn a_damaged_count_is_refused_without_allocating() {
        let mut e = Enc::default();
        e.u64(u64::MAX);
        let bytes = e.finish().unwrap();
        assert_eq!(Dec::new(&bytes).unwrap().count(1), None);
        let mut e = Enc::default();
        e.str("şehir");
        e.opt_str(None);
        e.opt_u64(Some(9));
        let bytes = e.finish().unwrap();
        let mut d = Dec::new(&bytes).unwrap();
        assert_eq!(d.str().as_deref(), Some("şehir"));
        assert_eq!(d.opt_str(), Some(None));
        assert_eq!(d.opt_u64(), Some(Some(9)));
        assert!(d.done());
        // A string that is cut inside a letter, or past the heap.
        let mut e = Enc::default();
        e.str("ş");
        let mut bytes = e.finish().unwrap();
        let n = bytes.len();
        bytes[n - 4..].copy_from_slice(&1u32.to_ne_bytes());
        assert_eq!(Dec::new(&bytes).unwrap().str(), None);
        bytes[n - 4..].copy_from_slice(&9u32.to_ne_bytes());
        assert_eq!(Dec::new(&bytes).unwrap().str(), None);
    }
}
