//! The memory a corpus will take, estimated while it is converted, and the
//! budget it must stay within (docs/corpus-format.md, "Limits").
//!
//! An item costs more in memory than in the file, and the smaller the item
//! the larger the ratio: `{"date":"2013"},` is 16 bytes of JSON and about
//! 140 bytes as a timeline event (its struct, its string as the allocator
//! rounds it, its slot in the list). A file of millions of such items took
//! twenty times its size. So every item kept is charged what it will cost,
//! with the tables later built from it, and once the total would pass the
//! budget the loader stops converting and refuses the corpus: the memory is
//! refused before it is taken. Estimates err high.

use std::mem::size_of;

use super::error::Problem;
use super::load::human_bytes;
use super::model::*;
use crate::text::number::{with_unit, Unit};

/// What any corpus may take beyond its share of its size: the bundled
/// corpus and ordinary ones stay far inside it, and a small file of tiny
/// items, whose share is small, still has room for what an item costs
/// while it is parsed.
pub const ALLOWANCE: u64 = 64 << 20;

/// The most memory a corpus file of `len` bytes may take, its index
/// included: two and a half times its size, and the allowance. The rest of
/// three times the file is left for the allocator's own overhead and for
/// what a command builds from the corpus.
pub fn limit_for(len: u64) -> u64 {
    len.saturating_mul(5) / 2 + ALLOWANCE
}

/// What the allocator (mimalloc) takes for a block of `n` bytes: size
/// classes 8 bytes apart up to 64 bytes, then a quarter apart at most; a
/// large block is rounded to pages.
pub fn alloc(n: usize) -> u64 {
    let n = n as u64;
    match n {
        0 => 0,
        1..=64 => n.next_multiple_of(8),
        65..=0x10_0000 => n + n / 4,
        _ => n + 4096,
    }
}

fn string(s: &str, capacity: usize) -> u64 {
    debug_assert!(capacity >= s.len());
    alloc(capacity)
}

/// A string's buffer.
pub fn own(s: &String) -> u64 {
    string(s, s.capacity())
}

fn opt(s: &Option<String>) -> u64 {
    s.as_ref().map_or(0, own)
}

/// A vector's buffer, without what its items own.
pub fn buffer<T>(v: &Vec<T>) -> u64 {
    alloc(v.capacity() * size_of::<T>())
}

/// A hash table's slot of `size` bytes, with its control byte, at the
/// fullest the table gets (seven eighths) before it grows.
const fn table_slot(size: usize) -> u64 {
    ((size + 1) * 8 / 7) as u64
}

/// What a city costs besides itself, while it is loaded and after: its id
/// in the list of every item's id (a copy, charged beside), the tables
/// that check ids for duplicates, and the corpus's table of ids and its
/// list of each city's reports. Charged for every city item with an id,
/// kept or not.
pub const CITY_TABLES: u64 = size_of::<(usize, String)>() as u64
    + table_slot(size_of::<(&str, usize)>())
    + table_slot(size_of::<&str>())
    + table_slot(size_of::<u32>())
    + size_of::<&str>() as u64
    + size_of::<usize>() as u64;

/// The same for a report, which has its id and its city's id copied.
pub const ARTICLE_TABLES: u64 = 2 * size_of::<(usize, String)>() as u64
    + table_slot(size_of::<(&str, usize)>())
    + table_slot(size_of::<u32>())
    + size_of::<&str>() as u64
    + size_of::<usize>() as u64;

/// What is counted and charged: the items of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    City,
    Source,
    Article,
    Block,
    Figure,
    Event,
    Round,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::City,
        Kind::Source,
        Kind::Article,
        Kind::Block,
        Kind::Figure,
        Kind::Event,
        Kind::Round,
    ];

    fn unit(self) -> Unit {
        match self {
            Kind::City => Unit::City,
            Kind::Source => Unit::Source,
            Kind::Article => Unit::Report,
            Kind::Block => Unit::Block,
            Kind::Figure => Unit::Figure,
            Kind::Event => Unit::Event,
            Kind::Round => Unit::Round,
        }
    }

    /// The least one can cost: for items of a kind none of which was
    /// charged before the budget ran out.
    fn least(self) -> u64 {
        (match self {
            Kind::City => size_of::<City>() + CITY_TABLES as usize,
            Kind::Source => size_of::<Link>(),
            Kind::Article => size_of::<Article>() + ARTICLE_TABLES as usize,
            Kind::Block => size_of::<Block>(),
            Kind::Figure => size_of::<Figure>(),
            Kind::Event => size_of::<TimelineEvent>(),
            Kind::Round => size_of::<Round>(),
        }) as u64
    }
}

/// The running estimate of a conversion.
#[derive(Debug)]
pub struct Budget {
    file_len: u64,
    /// Buffers that are freed once the corpus is made (the file's text, or
    /// the buffer it is read through).
    passing: u64,
    /// What the corpus being made is charged, in all and by kind.
    kept: u64,
    bytes: [u64; 7],
    charged: [u64; 7],
    /// Items met, charged or not: counted on once the budget has run out.
    seen: [u64; 7],
    over: bool,
    /// What the check that ran out of budget asked for.
    asked: u64,
}

impl Budget {
    pub fn new(file_len: u64) -> Self {
        Budget {
            file_len,
            passing: 0,
            kept: 0,
            bytes: [0; 7],
            charged: [0; 7],
            seen: [0; 7],
            over: false,
            asked: 0,
        }
    }

    /// True once the corpus is refused: nothing more is converted.
    pub fn is_over(&self) -> bool {
        self.over
    }

    /// `n` items of `kind` met in the file.
    pub fn count(&mut self, kind: Kind, n: usize) {
        self.seen[kind as usize] += n as u64;
    }

    /// A buffer of the reading, of `bytes` now (it replaces the last).
    pub fn passing(&mut self, bytes: u64) {
        self.passing = bytes;
        self.fits(0);
    }

    /// What is left of the budget now.
    pub fn room(&self) -> u64 {
        limit_for(self.file_len).saturating_sub(self.passing + self.kept)
    }

    /// Quote bytes one automaton of `quotes` may hold (it takes about 30
    /// bytes a quote byte, reckoned 40): about the file's size in memory
    /// at most, and no more than what is left of the budget.
    pub fn quote_bytes(&self) -> usize {
        usize::try_from(self.file_len.min(self.room()) / 40).unwrap_or(usize::MAX)
    }

    /// Whether `extra` more bytes, for a moment, fit beside what is charged;
    /// if not, the budget has run out. (Before an item is converted, its
    /// parsed form is checked so, with the lists that converting makes
    /// again: converting holds both.)
    pub fn fits(&mut self, extra: u64) -> bool {
        let asked = self.passing + self.kept + extra;
        if asked > limit_for(self.file_len) && !self.over {
            self.over = true;
            self.asked = asked;
        }
        !self.over
    }

    /// Charges `bytes` for `n` items of `kind`, kept with the corpus.
    pub fn charge(&mut self, kind: Kind, n: usize, bytes: u64) -> bool {
        self.kept += bytes;
        self.bytes[kind as usize] += bytes;
        self.charged[kind as usize] += n as u64;
        self.fits(0)
    }

    /// Pushes `item`, charged `bytes` (its slot included), onto `list`,
    /// which may have to grow: while it grows, its old buffer and the
    /// copy of its items are both held. `false`, and nothing pushed, when
    /// that does not fit.
    pub fn push<T>(&mut self, list: &mut Vec<T>, item: T, kind: Kind, bytes: u64) -> bool {
        if list.len() == list.capacity() && !self.fits((list.len() * size_of::<T>()) as u64) {
            return false;
        }
        list.push(item);
        self.charge(kind, 1, bytes)
    }

    /// What the corpus is charged: for what its index may take beside it.
    pub fn left(&self) -> Left {
        Left {
            file_len: self.file_len,
            used: self.kept,
        }
    }

    /// Why the corpus is refused: what would have made it large, and how
    /// much it would have needed in all, had it been converted whole.
    pub fn refusal(&self) -> Problem {
        let per = |k: Kind| {
            let i = k as usize;
            match self.charged[i] {
                0 => k.least(),
                n => self.bytes[i].div_ceil(n),
            }
        };
        let met = |k: Kind| self.seen[k as usize].max(self.charged[k as usize]);
        let need = |k: Kind| per(k) * met(k);
        let worst = Kind::ALL
            .into_iter()
            .max_by_key(|&k| need(k))
            .unwrap_or(Kind::City);
        let all = Kind::ALL.into_iter().map(need).sum::<u64>().max(self.asked);
        Problem::file(crate::t!(
            "error-too-many-items",
            items = with_unit(met(worst), worst.unit()),
            need = human_bytes(all),
            allowed = human_bytes(limit_for(self.file_len)),
            size = human_bytes(self.file_len)
        ))
    }
}

/// What a loaded corpus leaves of its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    pub file_len: u64,
    /// What the corpus itself is estimated to take.
    pub used: u64,
}

impl Left {
    /// What the search index may take.
    pub fn room(&self) -> u64 {
        limit_for(self.file_len).saturating_sub(self.used)
    }

    /// Why the corpus is refused when its index does not fit in the room:
    /// it had `words` distinct words, and needed `need` bytes, when the
    /// build stopped. Both parts are said: a corpus of tiny items may leave
    /// its index no room, as a vocabulary of millions of words may need it.
    pub fn index_refusal(&self, words: u64, need: u64) -> Problem {
        Problem::file(crate::t!(
            "error-index-too-large",
            corpus = human_bytes(self.used),
            index = human_bytes(need),
            words = with_unit(words, Unit::Word),
            allowed = human_bytes(limit_for(self.file_len)),
            size = human_bytes(self.file_len)
        ))
    }
}

/// What one converted item costs: itself in its list and what it owns
/// (the tables built from it are charged with its id).
pub fn city(c: &City) -> u64 {
    (size_of::<City>() as u64)
        + own(&c.id)
        + own(&c.name)
        + opt(&c.name_local)
        + opt(&c.country)
        + opt(&c.region)
        + opt(&c.notes)
        + c.coords.as_ref().map_or(0, |k| {
            alloc(size_of::<Coords>()) + opt(&k.place) + opt(&k.matched)
        })
}

/// A list of source links: its buffer and their texts.
pub fn links(l: &Vec<Link>) -> u64 {
    buffer(l) + l.iter().map(|s| opt(&s.title) + opt(&s.url)).sum::<u64>()
}

/// A report's own fields, without its blocks and figures.
pub fn article(a: &Article) -> u64 {
    (size_of::<Article>() as u64)
        + own(&a.id)
        + own(&a.city)
        + own(&a.title)
        + opt(&a.lang)
        + opt(&a.published)
        + a.source.as_ref().map_or(0, |p| opt(&p.name) + opt(&p.url))
        + opt(&a.summary)
}

pub fn blocks(b: &Vec<Block>) -> u64 {
    buffer(b) + b.iter().map(|b| own(&b.text)).sum::<u64>()
}

pub fn figures(f: &Vec<Figure>) -> u64 {
    buffer(f)
        + f.iter()
            .map(|f| {
                own(&f.label) + own(&f.written) + opt(&f.qualifier) + opt(&f.unit) + own(&f.quote)
            })
            .sum::<u64>()
}

pub fn events(t: &Vec<TimelineEvent>) -> u64 {
    buffer(t)
        + t.iter()
            .map(|e| own(&e.date) + opt(&e.event) + opt(&e.source))
            .sum::<u64>()
}

/// Rounds, without their sources.
pub fn rounds(r: &Vec<Round>) -> u64 {
    buffer(r) + r.iter().map(|r| opt(&r.date) + opt(&r.note)).sum::<u64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allocator_rounds_up() {
        assert_eq!(alloc(0), 0);
        assert_eq!(alloc(1), 8);
        assert_eq!(alloc(64), 64);
        assert!(alloc(65) >= 80);
        assert!(alloc(100 << 20) > 100 << 20);
    }

    #[test]
    fn a_budget_runs_out_once_and_stays_out() {
        let mut b = Budget::new(0);
        assert!(b.charge(Kind::Event, 1, ALLOWANCE));
        assert!(!b.fits(1));
        assert!(b.is_over());
        assert!(!b.charge(Kind::Event, 1, 0));
    }

    #[test]
    fn an_index_refused_says_what_the_corpus_and_the_index_take() {
        let left = Left {
            file_len: 10 << 20,
            used: 80 << 20,
        };
        assert_eq!(left.room(), 9 << 20);
        let p = crate::i18n::with(crate::i18n::Lang::Tr, || {
            left.index_refusal(1_500, 12 << 20)
        });
        assert_eq!(
            p.message,
            "dizinlendiğinde boyutuna göre çok büyük: derlem yaklaşık 80,0 MiB, arama dizini \
             12,0 MiB değerinden fazla bellek ister (1.500\u{a0}sözcük ve artıyor); bu, 10,0 MiB \
             büyüklüğündeki bir dosyaya tanınan 89,0 MiB sınırını aşar; learncity böyle bir \
             derlemi kabul etmez"
        );
    }

    #[test]
    fn a_list_that_cannot_grow_is_not_pushed_onto() {
        let mut b = Budget::new(0);
        let mut v: Vec<u64> = Vec::with_capacity(2);
        assert!(b.push(&mut v, 1, Kind::Block, 8));
        assert!(b.push(&mut v, 2, Kind::Block, 8));
        // Growing now would hold the two items twice.
        b.charge(Kind::Block, 0, ALLOWANCE - 16 - 15);
        assert!(!b.push(&mut v, 3, Kind::Block, 8));
        assert_eq!(v, [1, 2]);
    }

    #[test]
    fn the_refusal_names_what_made_the_corpus_large() {
        crate::i18n::with(crate::i18n::Lang::En, || {
            let mut b = Budget::new(1 << 20);
            b.count(Kind::City, 3);
            b.count(Kind::Event, 1_000_000);
            for _ in 0..1000 {
                b.charge(Kind::Event, 1, 100_000);
            }
            let p = b.refusal();
            assert!(
                p.message.starts_with(
                    "too many small items for its size: 1,000,000\u{a0}timeline events would need about 93.1 GiB"
                ),
                "{}",
                p.message
            );
            assert!(
                p.message.contains("66.5 MiB allowed for a file of 1.0 MiB"),
                "{}",
                p.message
            );
        });
        crate::i18n::with(crate::i18n::Lang::Tr, || {
            let mut b = Budget::new(1 << 20);
            b.count(Kind::Source, 2_000_000);
            b.charge(Kind::Source, 1024, 100 << 20);
            assert_eq!(
                b.refusal().message,
                "boyutuna göre çok fazla küçük öğe var: 2.000.000\u{a0}kaynak bağlantısı yaklaşık \
                 190,7 GiB bellek gerektirir, bu da 1,0 MiB büyüklüğündeki bir dosyaya tanınan \
                 66,5 MiB sınırını aşar; learncity böyle bir derlemi kabul etmez"
            );
        });
    }
}
