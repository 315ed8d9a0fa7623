//! Typos against the whole vocabulary, walked as a trie.
//!
//! Comparing a query word with each of the ~230 000 words of a large
//! corpus, one edit-distance table per word, cost most of a keystroke. The
//! vocabulary is sorted, so neighbours share their first letters, and the
//! table's rows for shared letters are shared too: each word computes only
//! the rows of the letters it does not share with the word before it. And
//! once every entry of a row exceeds the budget no longer word can come
//! back under it, so every word with that start is skipped at once (a
//! galloping search in the sorted list).
//!
//! The distances are the same as [`crate::text::distance::Distance`]'s
//! (optimal string alignment, which is symmetric): the rows here are the
//! vocabulary word's letters, the columns the query's.

use std::ops::Range;

use super::store::Vocab;

/// A vocabulary word within the budget of the query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Near {
    pub id: usize,
    /// The edit distance to the whole word, when it is within the budget.
    pub whole: Option<usize>,
    /// For a word of `heads` longer than the query: the distance from the
    /// query to as many of its first letters, when within the budget, and
    /// the bytes those letters take.
    pub head: Option<(usize, usize)>,
}

/// Reusable rows and the walk's path, so a keystroke allocates little.
#[derive(Debug, Default)]
pub(super) struct TypoWalk {
    /// `rows[i * width + j]`: distance between the path's first `i` letters
    /// and the query's first `j`.
    rows: Vec<u16>,
    /// The letters of the path the rows were computed for.
    path: Vec<char>,
    /// `ends[i]`: bytes taken by the path's first `i` letters.
    ends: Vec<usize>,
}

impl TypoWalk {
    /// Calls `found` for every word of `vocab` within `budget` edits of
    /// `query`, as a whole word (when its length is within the budget of
    /// the query's) or, for words of `heads` longer than the query, by its
    /// first letters; in word order. `chars[id]` is the length of word `id`
    /// in chars.
    pub fn scan(
        &mut self,
        vocab: &Vocab,
        chars: &[u8],
        query: &[char],
        budget: usize,
        heads: Range<usize>,
        mut found: impl FnMut(Near),
    ) {
        let m = query.len();
        // No longer word can be within the budget of the whole query, and
        // heads need only `m` rows.
        let max_depth = m + budget;
        let width = m + 1;
        let budget16 = budget as u16;
        self.rows.clear();
        self.rows.resize((max_depth + 1) * width, 0);
        for (j, v) in self.rows[..width].iter_mut().enumerate() {
            *v = j as u16;
        }
        self.path.clear();
        self.ends.clear();
        self.ends.push(0);
        // The first depth of the path whose row is all over the budget.
        let mut dead = usize::MAX;
        let n = vocab.len();
        let mut id = 0;
        while id < n {
            let word = vocab.get(id);
            let len = usize::from(chars.get(id).copied().unwrap_or(u8::MAX));
            // Rows for the letters shared with the path are kept.
            let mut depth = 0;
            let mut rest = word.chars();
            let mut next = rest.next();
            while let Some(c) = next {
                if depth == self.path.len() || self.path[depth] != c {
                    break;
                }
                depth += 1;
                next = rest.next();
            }
            self.path.truncate(depth);
            self.ends.truncate(depth + 1);
            if dead > depth {
                dead = usize::MAX;
            }
            while let Some(c) = next {
                if dead != usize::MAX || depth == max_depth {
                    break;
                }
                let i = depth + 1;
                let (done, row) = self.rows.split_at_mut(i * width);
                let row = &mut row[..width];
                let prev = &done[(i - 1) * width..];
                let before = (i >= 2).then(|| &done[(i - 2) * width..(i - 1) * width]);
                let last = self.path.last().copied();
                row[0] = i as u16;
                let mut row_min = row[0];
                for j in 1..width {
                    let q = query[j - 1];
                    let cost = u16::from(c != q);
                    let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
                    if let (Some(before), Some(last)) = (before, last) {
                        if j >= 2 && c == query[j - 2] && last == q {
                            d = d.min(before[j - 2] + 1);
                        }
                    }
                    row[j] = d;
                    row_min = row_min.min(d);
                }
                self.path.push(c);
                self.ends.push(self.ends[depth] + c.len_utf8());
                depth = i;
                if row_min > budget16 {
                    dead = i;
                }
                next = rest.next();
            }

            let in_heads = heads.contains(&id);
            // The head's row is shared by every word with the same first
            // `m` letters.
            let head = (in_heads && dead > m && depth >= m)
                .then(|| self.rows[m * width + m])
                .filter(|&d| d <= budget16)
                .map(|d| (usize::from(d), self.ends[m]));
            let whole = (len.abs_diff(m) <= budget && len == depth && dead > len)
                .then(|| self.rows[len * width + m])
                .filter(|&d| d <= budget16)
                .map(usize::from);
            if whole.is_some() || (head.is_some() && len > m) {
                found(Near {
                    id,
                    whole,
                    head: head.filter(|_| len > m),
                });
            }

            // Every later word sharing the path's first `cut` letters is
            // out of reach as a whole (too far, or too long); skipped unless
            // its head, which is this word's, matches.
            let cut = if dead != usize::MAX {
                Some(dead)
            } else if depth == max_depth {
                Some(depth)
            } else {
                None
            };
            id += 1;
            if let Some(cut) = cut.filter(|_| head.is_none()) {
                id = skip_prefix(vocab, id, &word[..self.ends[cut]]);
            }
        }
    }
}

/// The first word at or after `from` that does not start with `prefix`,
/// the words from `from` on being sorted: galloping, since most runs of
/// words sharing a start are short.
fn skip_prefix(vocab: &Vocab, from: usize, prefix: &str) -> usize {
    let n = vocab.len();
    let mut lo = from;
    let mut step = 1;
    let mut hi = from;
    while hi < n && vocab.get(hi).starts_with(prefix) {
        lo = hi + 1;
        hi = from + step;
        step *= 2;
    }
    let mut hi = hi.min(n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if vocab.get(mid).starts_with(prefix) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::distance::bounded_distance;

    fn vocab(words: &[&str]) -> (Vocab, Vec<u8>) {
        let mut w: Vec<&str> = words.to_vec();
        w.sort_unstable();
        w.dedup();
        let chars = w.iter().map(|x| x.chars().count() as u8).collect();
        (Vocab::from_sorted(w.into_iter()), chars)
    }

    /// What the scan must find, one word at a time as before it.
    fn naive(v: &Vocab, chars: &[u8], q: &str, budget: usize, heads: Range<usize>) -> Vec<Near> {
        let m = q.chars().count();
        (0..v.len())
            .filter_map(|id| {
                let word = v.get(id);
                let len = usize::from(chars[id]);
                let whole = (len.abs_diff(m) <= budget)
                    .then(|| bounded_distance(q, word, budget))
                    .flatten();
                let head = (heads.contains(&id) && len > m)
                    .then(|| {
                        let end = word.char_indices().nth(m).map_or(word.len(), |(i, _)| i);
                        bounded_distance(q, &word[..end], budget).map(|d| (d, end))
                    })
                    .flatten();
                (whole.is_some() || head.is_some()).then_some(Near { id, whole, head })
            })
            .collect()
    }

    fn scan(v: &Vocab, chars: &[u8], q: &str, budget: usize, heads: Range<usize>) -> Vec<Near> {
        let query: Vec<char> = q.chars().collect();
        let mut out = Vec::new();
        TypoWalk::default().scan(v, chars, &query, budget, heads, |n| out.push(n));
        out
    }

    const WORDS: &[&str] = &[
        "a",
        "ab",
        "abc",
        "b",
        "bal",
        "bala",
        "balanga",
        "balik",
        "balikesir",
        "balikesirli",
        "balikesr",
        "baliksir",
        "balkesir",
        "bel",
        "belde",
        "belediey",
        "belediye",
        "belediyeler",
        "belediyesi",
        "beledye",
        "belmek",
        "beyaz",
        "blediye",
        "ebediye",
        "ilce",
        "sehir",
        "sehri",
        "sehre",
        "şehir",
        "öğrenen",
        "ogrenen",
        "ogrneme",
        "ogrenme",
        "ogrenmek",
        "x",
        "xylophone",
        "zzzzzzzzzzzzzzzz",
    ];

    #[test]
    fn finds_what_comparing_every_word_finds() {
        let (v, chars) = vocab(WORDS);
        let queries = [
            "belediye",
            "belediey",
            "blediye",
            "beldiye",
            "sehri",
            "sehir",
            "ogrneme",
            "balikesor",
            "balekes",
            "bal",
            "ab",
            "x",
            "şehr",
            "ogrenen",
            "zzzzzzzzzzzzzzzz",
            "qqqq",
        ];
        for q in queries {
            for budget in 0..=3 {
                let first = q.chars().next().unwrap().to_string();
                let start = v.partition_point(0, |w| w < first.as_str());
                let end = v.partition_point(start, |w| w.starts_with(first.as_str()));
                for heads in [start..end, 0..0, 0..v.len()] {
                    assert_eq!(
                        scan(&v, &chars, q, budget, heads.clone()),
                        naive(&v, &chars, q, budget, heads.clone()),
                        "{q} within {budget}, heads {heads:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_swap_is_one_edit_and_heads_count_the_first_letters() {
        let (v, chars) = vocab(&["belediye", "belediyesi", "ankara"]);
        let found = scan(&v, &chars, "belediey", 1, 0..v.len());
        let id = |w: &str| (0..v.len()).find(|&i| v.get(i) == w).unwrap();
        assert_eq!(
            found,
            [
                Near {
                    id: id("belediye"),
                    whole: Some(1),
                    head: None,
                },
                Near {
                    id: id("belediyesi"),
                    whole: None,
                    head: Some((1, "belediye".len())),
                },
            ]
        );
    }

    #[test]
    fn skipping_stops_at_the_end_of_a_run() {
        let (v, _) = vocab(&["aa", "ab", "aba", "abb", "abc", "ac", "b"]);
        assert_eq!(skip_prefix(&v, 1, "ab"), 5);
        assert_eq!(skip_prefix(&v, 5, "ab"), 5);
        assert_eq!(skip_prefix(&v, 6, "b"), 7);
    }
}
