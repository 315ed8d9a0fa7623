//! OSC 8 hyperlinks. A web address drawn on screen carries its link in the
//! cells themselves: each cell's symbol gets a zero-width marker (a Unicode
//! tag sequence naming the link's number), so ratatui's diff rewrites a cell
//! whenever its link changes, and the backend, when it writes a marked
//! cell, opens the link around it (`ESC ] 8 ; ; URL ST`) and closes it
//! after the run. The marker never reaches the terminal.

use std::hash::BuildHasher;

use foldhash::fast::RandomState;
use std::sync::Arc;

use hashbrown::HashTable;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::corpus::Corpus;

/// Starts the marker: U+E0001 LANGUAGE TAG, then the link's number in tag
/// digits (U+E0030–U+E0039). All are zero-width and default-ignorable.
const MARK: char = '\u{E0001}';
const TAG_ZERO: u32 = 0xE0030;

/// Every web address of a corpus, numbered once when it is loaded.
#[derive(Debug, Clone, Default)]
pub struct Links {
    urls: Arc<[String]>,
    /// Numbers of `urls`, hashed by address: each address is kept once (a
    /// map from owned addresses kept a second copy of each, 1.5 MB for
    /// 10 000 reports).
    index: HashTable<u32>,
    hasher: RandomState,
}

impl Links {
    pub fn new(corpus: &Corpus) -> Self {
        // At most one address per source: sized once, never rehashed.
        let most = corpus.articles.len()
            + corpus.cities.iter().map(|c| c.sources.len()).sum::<usize>()
            + corpus
                .network
                .rounds
                .iter()
                .map(|r| r.sources.len())
                .sum::<usize>();
        let mut urls: Vec<String> = Vec::with_capacity(most);
        let mut index = HashTable::with_capacity(most);
        let hasher = RandomState::default();
        let mut add = |u: &str| {
            let hash = hasher.hash_one(u);
            if is_web(u) && index.find(hash, |&i| urls[i as usize] == u).is_none() {
                urls.push(u.to_owned());
                let n = urls.len() as u32 - 1;
                index.insert_unique(hash, n, |&i| hasher.hash_one(&urls[i as usize]));
            }
        };
        for c in &corpus.cities {
            c.sources
                .iter()
                .filter_map(|l| l.url.as_deref())
                .for_each(&mut add);
        }
        for a in &corpus.articles {
            if let Some(u) = a.source.as_ref().and_then(|s| s.url.as_deref()) {
                add(u);
            }
        }
        for r in &corpus.network.rounds {
            r.sources
                .iter()
                .filter_map(|l| l.url.as_deref())
                .for_each(&mut add);
        }
        Links {
            urls: urls.into(),
            index,
            hasher,
        }
    }

    pub fn id(&self, url: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(url);
        self.index
            .find(hash, |&i| self.urls[i as usize] == url)
            .copied()
    }

    /// The addresses by number, for the backend.
    pub fn table(&self) -> Arc<[String]> {
        self.urls.clone()
    }
}

/// Whether `url` is a web address (http or https). Only those become
/// links or are handed to a browser: a corpus could hold `javascript:` or
/// `file:` addresses, which are shown as text.
pub fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `symbol` with the marker of link `id` after it.
pub fn mark(symbol: &str, id: u32) -> String {
    let mut s = String::from(symbol);
    s.push(MARK);
    for d in id.to_string().chars() {
        let digit = d.to_digit(10).unwrap_or(0);
        s.push(char::from_u32(TAG_ZERO + digit).unwrap_or(MARK));
    }
    s
}

/// What a cell shows, and the link it belongs to.
pub fn split(symbol: &str) -> (&str, Option<u32>) {
    let Some(at) = symbol.find(MARK) else {
        return (symbol, None);
    };
    let mut id: u32 = 0;
    for c in symbol[at + MARK.len_utf8()..].chars() {
        let d = (c as u32).wrapping_sub(TAG_ZERO);
        if d > 9 {
            return (&symbol[..at], None);
        }
        id = id.saturating_mul(10).saturating_add(d);
    }
    (&symbol[..at], Some(id))
}

/// Marks the cells of `area` (a run of one row) as link `id`.
pub fn mark_cells(buf: &mut Buffer, area: Rect, id: u32) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let marked = mark(cell.symbol(), id);
            cell.set_symbol(&marked);
        }
    }
}

/// Opens link `url`: the address with every byte outside printable ASCII
/// percent-encoded, as OSC 8 requires (the corpus has no control
/// characters left, but an address may hold spaces or letters).
pub fn open(url: &str) -> Vec<u8> {
    let mut out = b"\x1b]8;;".to_vec();
    for &b in url.as_bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("%{b:02X}").as_bytes());
        }
    }
    out.extend_from_slice(b"\x1b\\");
    out
}

/// Closes the open link.
pub const CLOSE: &[u8] = b"\x1b]8;;\x1b\\";

/// Whether the reader and `show` write links: a terminal that takes OSC
/// sequences, and not turned off with LEARNCITY_HYPERLINKS=0.
pub fn wanted(term: Option<&str>, setting: Option<&str>) -> bool {
    super::osc::terminal_takes_osc(term) && setting != Some("0")
}

/// An address wrapped in its link, for the command line's output (other
/// schemes as they are).
pub fn wrap_url(url: &str) -> String {
    if !is_web(url) {
        return url.to_owned();
    }
    let mut s = String::from_utf8(open(url)).unwrap_or_default();
    s.push_str(url);
    s.push_str("\x1b]8;;\x1b\\");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn the_marker_is_invisible_and_round_trips() {
        for id in [0, 7, 42, 1234] {
            let m = mark("ş", id);
            assert_eq!(m.width(), 1, "{id}: the marker takes no column");
            assert_eq!(split(&m), ("ş", Some(id)));
        }
        assert_eq!(split("a"), ("a", None));
    }

    #[test]
    fn addresses_are_percent_encoded_inside_the_sequence() {
        let seq = open("https://ex.org/a b/ş?x=1;y");
        assert_eq!(
            seq,
            b"\x1b]8;;https://ex.org/a%20b/%C5%9F?x=1;y\x1b\\".to_vec()
        );
    }

    #[test]
    fn every_source_of_the_bundled_corpus_has_a_number() {
        let c = crate::corpus::bundled();
        let l = Links::new(&c);
        let url = c.cities[0].sources[0].url.as_deref().unwrap();
        let id = l.id(url).unwrap();
        assert_eq!(&l.table()[id as usize], url);
        assert!(l.table().len() > 100, "{}", l.table().len());
    }

    #[test]
    fn each_address_is_numbered_once() {
        let c = crate::corpus::bundled();
        let l = Links::new(&c);
        let table = l.table();
        for (i, url) in table.iter().enumerate() {
            assert_eq!(l.id(url), Some(i as u32), "{url}");
        }
        let all: std::collections::HashSet<&String> = table.iter().collect();
        assert_eq!(all.len(), table.len());
        assert_eq!(l.id("https://example.org/no-such-page"), None);
        assert_eq!(Links::default().id("https://a.org"), None);
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web("https://a.org") && is_web("HTTP://a.org"));
        assert!(!is_web("javascript:alert(1)") && !is_web("file:///etc/passwd") && !is_web("ht"));
        assert_eq!(wrap_url("javascript:alert(1)"), "javascript:alert(1)");
    }

    #[test]
    fn links_are_off_for_dumb_terminals_and_on_request() {
        assert!(wanted(Some("xterm-256color"), None));
        assert!(!wanted(Some("xterm-256color"), Some("0")));
        assert!(!wanted(Some("linux"), None));
        assert!(wanted(Some("tmux-256color"), Some("1")));
    }
}
