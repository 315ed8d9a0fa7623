//! Which of an article's quotes occur in its body, in time linear in the
//! body and the quotes, and memory in proportion to the file.
//!
//! Checking each quote with `contains` costs the body's length per quote:
//! 30 000 figures quoting a 30 MB report took 83 s to load. An Aho–Corasick
//! automaton over the quotes reads the body once. It is written here rather
//! than taken from the `aho-corasick` crate because that crate, to report
//! overlapping matches, copies every state's matches into each state that
//! fails over to it: quotes nested in one another (`a`, `aa`, … and one
//! long run of `a`) make that quadratic, gigabytes for a 1.5 MB file. Here
//! each state keeps a link to the nearest state that ends a quote (its
//! dictionary link), and a chain of such states is walked only as far as
//! the first state already reported: every state is reported once.
//!
//! The automaton takes about 30 bytes a quote byte. So that it never takes
//! much more memory than the file itself, the quotes are taken in batches
//! of at most `budget` bytes, one pass over the body each: a file of n
//! bytes gives at most n / budget passes, and the budget is a fixed share of
//! the file, so the total stays linear.

use rustc_hash::FxHashMap;

/// Up to this many quotes are looked for one by one.
const FEW: usize = 8;
const NONE: u32 = u32::MAX;
const ROOT: u32 = 0;

/// For each quote, whether it occurs inside one of `blocks` (never across
/// two), as an exact substring. `budget` bounds the quote bytes put in one
/// automaton (see the module's notes).
pub fn found_in(blocks: &[&str], quotes: &[&str], budget: usize) -> Vec<bool> {
    let mut found = vec![false; quotes.len()];
    // Each distinct quote is looked for once; and a quote longer than every
    // block cannot be in one.
    let longest = blocks.iter().map(|b| b.len()).max().unwrap_or(0);
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    let mut same: Vec<(usize, usize)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        match first.get(q) {
            Some(&j) => same.push((i, j)),
            None => {
                first.insert(q, i);
                if q.len() <= longest {
                    candidates.push(i);
                }
            }
        }
    }
    find(blocks, quotes, candidates, budget, &mut found);
    for (i, j) in same {
        found[i] = found[j];
    }
    found
}

fn find(
    blocks: &[&str],
    quotes: &[&str],
    candidates: Vec<usize>,
    budget: usize,
    found: &mut [bool],
) {
    if candidates.len() <= FEW {
        for i in candidates {
            found[i] = blocks.iter().any(|b| b.contains(quotes[i]));
        }
        return;
    }
    let budget = budget.max(1 << 20);
    let mut batch: Vec<usize> = Vec::new();
    let mut bytes = 0;
    for i in candidates {
        if bytes + quotes[i].len() > budget && !batch.is_empty() {
            Automaton::new(quotes, &batch).scan(blocks, found);
            batch.clear();
            bytes = 0;
        }
        bytes += quotes[i].len();
        batch.push(i);
    }
    if !batch.is_empty() {
        Automaton::new(quotes, &batch).scan(blocks, found);
    }
}

/// A trie of quotes with failure and dictionary links.
struct Automaton {
    /// Edges: (node << 8 | byte) → child.
    edges: FxHashMap<u64, u32>,
    /// The root's 256 edges, looked up on most bytes of the text.
    root: [u32; 256],
    /// Per node: first child and next sibling (to visit the trie in
    /// breadth), failure link, dictionary link, the quote ending here.
    first: Vec<u32>,
    next: Vec<u32>,
    fail: Vec<u32>,
    dict: Vec<u32>,
    ends: Vec<u32>,
}

impl Automaton {
    fn new(quotes: &[&str], batch: &[usize]) -> Automaton {
        let size: usize = batch.iter().map(|&i| quotes[i].len()).sum::<usize>() + 1;
        let mut a = Automaton {
            edges: FxHashMap::default(),
            root: [NONE; 256],
            first: Vec::with_capacity(size),
            next: Vec::with_capacity(size),
            fail: Vec::new(),
            dict: Vec::new(),
            ends: Vec::with_capacity(size),
        };
        a.push_node();
        for &q in batch {
            let mut node = ROOT;
            for &b in quotes[q].as_bytes() {
                node = match a.child(node, b) {
                    Some(c) => c,
                    None => a.add_child(node, b),
                };
            }
            // Quotes are distinct here (see `found_in`).
            a.ends[node as usize] = q as u32;
        }
        a.link();
        a
    }

    fn push_node(&mut self) -> u32 {
        let id = self.first.len() as u32;
        self.first.push(NONE);
        self.next.push(NONE);
        self.ends.push(NONE);
        id
    }

    fn child(&self, node: u32, b: u8) -> Option<u32> {
        let c = if node == ROOT {
            self.root[b as usize]
        } else {
            *self.edges.get(&(u64::from(node) << 8 | u64::from(b)))?
        };
        (c != NONE).then_some(c)
    }

    fn add_child(&mut self, node: u32, b: u8) -> u32 {
        let c = self.push_node();
        if node == ROOT {
            self.root[b as usize] = c;
        } else {
            self.edges.insert(u64::from(node) << 8 | u64::from(b), c);
        }
        self.next[c as usize] = self.first[node as usize];
        self.first[node as usize] = c;
        c
    }

    /// Failure and dictionary links, breadth first.
    fn link(&mut self) {
        let n = self.first.len();
        self.fail = vec![ROOT; n];
        self.dict = vec![NONE; n];
        // The byte on the edge into each node, for the failure search.
        let mut byte = vec![0u8; n];
        for b in 0..=255u8 {
            let c = self.root[b as usize];
            if c != NONE {
                byte[c as usize] = b;
            }
        }
        for (&key, &c) in &self.edges {
            byte[c as usize] = key as u8;
        }
        let mut queue = std::collections::VecDeque::new();
        let mut c = self.first[ROOT as usize];
        while c != NONE {
            queue.push_back(c);
            c = self.next[c as usize];
        }
        while let Some(node) = queue.pop_front() {
            let mut c = self.first[node as usize];
            while c != NONE {
                let b = byte[c as usize];
                // The longest proper suffix of c's string that is in the trie.
                let mut f = self.fail[node as usize];
                let target = loop {
                    if let Some(t) = self.child(f, b) {
                        break t;
                    }
                    if f == ROOT {
                        break ROOT;
                    }
                    f = self.fail[f as usize];
                };
                self.fail[c as usize] = target;
                self.dict[c as usize] = if self.ends[target as usize] != NONE {
                    target
                } else {
                    self.dict[target as usize]
                };
                queue.push_back(c);
                c = self.next[c as usize];
            }
        }
    }

    /// Marks the quotes that occur in the blocks. Each node that ends a
    /// quote is reported once; a dictionary chain is followed only until a
    /// node already reported, whose own chain was followed then.
    fn scan(&self, blocks: &[&str], found: &mut [bool]) {
        let mut reported = vec![false; self.first.len()];
        let mut left = self.ends.iter().filter(|&&e| e != NONE).count();
        for block in blocks {
            let mut s = ROOT;
            for &b in block.as_bytes() {
                s = loop {
                    if let Some(t) = self.child(s, b) {
                        break t;
                    }
                    if s == ROOT {
                        break ROOT;
                    }
                    s = self.fail[s as usize];
                };
                let mut o = if self.ends[s as usize] != NONE {
                    s
                } else {
                    self.dict[s as usize]
                };
                while o != NONE && !reported[o as usize] {
                    reported[o as usize] = true;
                    found[self.ends[o as usize] as usize] = true;
                    left -= 1;
                    o = self.dict[o as usize];
                }
                if left == 0 {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Through the automaton, whatever the number of quotes.
    fn by_automaton(blocks: &[&str], quotes: &[&str]) -> Vec<bool> {
        let mut found = vec![false; quotes.len()];
        let all: Vec<usize> = (0..quotes.len()).collect();
        Automaton::new(quotes, &all).scan(blocks, &mut found);
        found
    }

    #[test]
    fn finds_which_quotes_occur_in_a_block() {
        let blocks = [
            "BELMEK, 20’den fazla merkezde.",
            "Ankara, 2025 yılında listeye",
        ];
        let quotes = [
            "20’den fazla",
            "2025 yılında",
            "fazla merkezde. Ankara",
            "yok",
            "Ankara",
        ];
        let want = [true, true, false, false, true];
        assert_eq!(
            found_in(&blocks, &quotes, 0),
            want,
            "never across two blocks"
        );
        assert_eq!(by_automaton(&blocks, &quotes), want);
    }

    #[test]
    fn overlapping_and_nested_quotes_are_all_found() {
        let text = "a".repeat(2000);
        let quotes: Vec<String> = (1..=300)
            .map(|n| "a".repeat(n))
            .chain(["b".into()])
            .collect();
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let found = found_in(&[&text], &quotes, 0);
        assert!(found[..300].iter().all(|&f| f));
        assert!(!found[300]);
    }

    #[test]
    fn agrees_with_contains_on_many_quotes() {
        let blocks = [
            "the quick brown fox",
            "jumps over the lazy dog",
            "ıİşğüöç",
            "abcabcabd",
        ];
        let quotes = [
            "quick",
            "the",
            "fox jumps",
            "lazy dog",
            "ğüö",
            "xyz",
            "e",
            "ç",
            "abcabd",
            "bcab",
            "cabcabd",
            "abcabcabdx",
            "he q",
            "over",
            "",
        ];
        let want: Vec<bool> = quotes
            .iter()
            .map(|q| blocks.iter().any(|b| b.contains(q)))
            .collect();
        assert_eq!(found_in(&blocks, &quotes, 0), want);
        assert_eq!(by_automaton(&blocks, &quotes), want);
        // In batches of a few bytes: the same answer.
        let all: Vec<usize> = (0..quotes.len()).collect();
        let mut batched = vec![false; quotes.len()];
        for chunk in all.chunks(3) {
            Automaton::new(&quotes, chunk).scan(&blocks, &mut batched);
        }
        assert_eq!(batched, want);
    }

    /// Quotes nested in one another made the crate's automaton quadratic:
    /// every state held every quote that is a suffix of it.
    #[test]
    fn nested_quotes_cost_their_bytes_not_their_square() {
        let long = "a".repeat(1_000_000);
        let mut quotes: Vec<String> = (1..=1000).map(|n| "a".repeat(n)).collect();
        quotes.push(long.clone());
        let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let a = Automaton::new(&quotes, &(0..quotes.len()).collect::<Vec<_>>());
        assert!(a.first.len() <= 1_000_001, "a node per distinct quote byte");
        let found = found_in(&["x", &long[..1500]], &quotes, 0);
        assert!(found[..1000].iter().all(|&f| f));
        assert!(!found[1000], "the long quote is longer than any block");
    }
}
