//! How the index's two big tables are held: built in memory, or read from
//! the cache file (the vocabulary copied, the postings mapped).

use super::index::Posting;

/// The sorted vocabulary as one string and the end of each word: one
/// allocation instead of one per word, and the layout the cache file keeps.
#[derive(Debug, Default)]
pub struct Vocab {
    text: String,
    ends: Vec<u32>,
}

impl Vocab {
    /// From words already sorted and unique. Sized first: the vocabulary
    /// stays in memory as long as the index, without growth's slack.
    pub fn from_sorted<'a>(words: impl Iterator<Item = &'a str> + Clone) -> Self {
        let (count, bytes) = words
            .clone()
            .fold((0, 0), |(n, len), w| (n + 1, len + w.len()));
        let mut v = Vocab {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        };
        for w in words {
            v.text.push_str(w);
            v.ends.push(v.text.len() as u32);
        }
        v
    }

    /// From the cache file's parts; `None` unless every end is a character
    /// boundary in order and the words are sorted and unique, so that no
    /// later look-up can slice out of bounds or find the wrong word.
    pub fn from_parts(text: String, ends: Vec<u32>) -> Option<Self> {
        let mut start = 0usize;
        let mut last: Option<&str> = None;
        for &end in &ends {
            let word = text.get(start..end as usize)?;
            if last.is_some_and(|l| l >= word) {
                return None;
            }
            last = Some(word);
            start = end as usize;
        }
        (start == text.len()).then_some(Vocab { text, ends })
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, id: usize) -> &str {
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.text[start..self.ends[id] as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The first word id for which `pred` is false (words sorted by it).
    pub fn partition_point(&self, from: usize, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// For the cache file.
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }
}

/// Each word's postings, in document order.
#[derive(Debug)]
pub enum Postings {
    /// A list per word.
    Lists(Vec<Vec<Posting>>),
    /// As built: every word's postings in one array, word after word, and
    /// where each word's end. One allocation, sized exactly: a list per
    /// word costs a header and a rounded-up allocation each.
    Flat { ends: Vec<u32>, all: Vec<Posting> },
    /// In the cache file, checked as they are first read.
    Mapped(crate::cache::MappedPostings),
}

impl Default for Postings {
    fn default() -> Self {
        Postings::Lists(Vec::new())
    }
}

impl Postings {
    pub fn get(&self, word: usize) -> &[Posting] {
        match self {
            Postings::Lists(lists) => &lists[word],
            Postings::Flat { ends, all } => {
                let start = if word == 0 { 0 } else { ends[word - 1] };
                &all[start as usize..ends[word] as usize]
            }
            Postings::Mapped(m) => m.list(word),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Postings::Lists(lists) => lists.len(),
            Postings::Flat { ends, .. } => ends.len(),
            Postings::Mapped(m) => m.words(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Postings of every word together.
    pub fn total(&self) -> usize {
        match self {
            Postings::Lists(lists) => lists.iter().map(Vec::len).sum(),
            Postings::Flat { all, .. } => all.len(),
            Postings::Mapped(m) => m.total(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vocabulary_is_sized_to_its_words() {
        let words = ["a", "ab", "b", "çay"];
        let v = Vocab::from_sorted(words.iter().copied());
        assert_eq!(v.iter().collect::<Vec<_>>(), words);
        assert_eq!(v.text.capacity(), v.text.len());
        assert_eq!(v.ends.capacity(), 4);
        assert!(Vocab::from_sorted(std::iter::empty()).is_empty());
    }

    #[test]
    fn flat_postings_are_sliced_by_their_ends() {
        let p = |doc| Posting {
            doc,
            count: 1,
            fields: 1,
            pad: 0,
        };
        let flat = Postings::Flat {
            ends: vec![2, 2, 3],
            all: vec![p(0), p(4), p(1)],
        };
        assert_eq!(flat.len(), 3);
        assert_eq!(flat.total(), 3);
        assert_eq!(flat.get(0), [p(0), p(4)]);
        assert!(flat.get(1).is_empty());
        assert_eq!(flat.get(2), [p(1)]);
    }
}
