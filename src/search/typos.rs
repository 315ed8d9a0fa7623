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
//!
//! A row keeps only the columns within the budget of its diagonal: a
//! distance is at least the difference of the two lengths, so the others
//! are over the budget whatever the letters. A row then costs at most
//! five steps (a budget of two) however long the query word: with whole
//! rows, a vocabulary whose words share long starts with the query but
//! not with each other cost a 64-column row per letter of every word.

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
    /// `rows[i * band + k]`: distance between the path's first `i` letters
    /// and the query's first `i + k - budget`, or `budget + 1` when that is
    /// more (or the column is outside the query).
    rows: Vec<u16>,
    /// The letters of the path the rows were computed for.
    path: Vec<char>,
    /// `ends[i]`: bytes taken by the path's first `i` letters.
    ends: Vec<usize>,
    /// The cells a walk may compute before it stops; none if `None`.
    limit: Option<usize>,
    /// Cells of the rows computed so far, for the tests of the walk's cost.
    #[cfg(test)]
    steps: usize,
}

impl TypoWalk {
    /// A walk that stops once it has computed more than `cells` cells.
    pub fn limited(cells: usize) -> Self {
        TypoWalk {
            limit: Some(cells),
            ..Self::default()
        }
    }

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
    ) -> Walked {
        let m = query.len();
        // No longer word can be within the budget of the whole query, and
        // heads need only `m` rows.
        let max_depth = m + budget;
        let band = 2 * budget + 1;
        // Every distance over the budget is kept as this: whether it is
        // within the budget is all that is asked of it.
        let budget16 = budget as u16;
        let over = budget16 + 1;
        // The slot of column `j` in row `i`.
        let slot = |i: usize, j: usize| j + budget - i;
        self.rows.clear();
        self.rows.resize((max_depth + 1) * band, over);
        for j in 0..=budget.min(m) {
            self.rows[slot(0, j)] = j as u16;
        }
        self.path.clear();
        self.ends.clear();
        self.ends.push(0);
        // The first depth of the path whose row is all over the budget.
        let mut dead = usize::MAX;
        let n = vocab.len();
        let mut id = 0;
        let mut cells = 0;
        let limit = self.limit.unwrap_or(usize::MAX);
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
                let (done, row) = self.rows.split_at_mut(i * band);
                let row = &mut row[..band];
                let prev = &done[(i - 1) * band..];
                let before = (i >= 2).then(|| &done[(i - 2) * band..(i - 1) * band]);
                let last = self.path.last().copied();
                let mut row_min = over;
                let mut left = over;
                // Slot `k` is column `i + k - budget`; the neighbours of a
                // cell sit in the same slot one and two rows up (diagonal),
                // the next slot one row up (above) and the slot before in
                // this row (left).
                for (k, cell) in row.iter_mut().enumerate() {
                    let j = (i + k).wrapping_sub(budget);
                    *cell = if j > m {
                        over
                    } else if j == 0 {
                        (i as u16).min(over)
                    } else {
                        let q = query[j - 1];
                        let cost = u16::from(c != q);
                        let above = prev.get(k + 1).map_or(over, |&v| v);
                        let mut d = (above + 1).min(prev[k] + cost);
                        if k > 0 {
                            d = d.min(left + 1);
                        }
                        if let (Some(before), Some(last)) = (before, last) {
                            if j >= 2 && c == query[j - 2] && last == q {
                                d = d.min(before[k] + 1);
                            }
                        }
                        d.min(over)
                    };
                    left = *cell;
                    row_min = row_min.min(*cell);
                }
                cells += band;
                if cells > limit {
                    return Walked::Cut { cells };
                }
                #[cfg(test)]
                {
                    self.steps += band;
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
                .then(|| self.rows[m * band + slot(m, m)])
                .filter(|&d| d <= budget16)
                .map(|d| (usize::from(d), self.ends[m]));
            let whole = (len.abs_diff(m) <= budget && len == depth && dead > len)
                .then(|| self.rows[len * band + slot(len, m)])
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
        Walked::Whole { cells }
    }
}

/// How far a walk went, and the cells of rows it computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Walked {
    /// Every word was looked at.
    Whole { cells: usize },
    /// The walk stopped at its limit of cells: the words after it were not
    /// looked at.
    Cut { cells: usize },
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

    /// Words over two or three letters share starts and near misses in
    /// every way: each cell at the band's edges is reached.
    #[test]
    fn finds_what_comparing_every_word_finds_in_small_alphabets() {
        let mut rng = crate::search::lcg::Lcg(0x9e37_79b9_7f4a_7c15_u64);
        let mut next = |n: u64| rng.below(n) as usize;
        for alphabet in [&['a', 'b'][..], &['a', 'b', 'c'], &['a', 'ı', 'b']] {
            let mut random_word = |max: u64| -> String {
                let len = next(max) + 1;
                (0..len)
                    .map(|_| alphabet[next(alphabet.len() as u64)])
                    .collect()
            };
            let words: Vec<String> = (0..300).map(|_| random_word(12)).collect();
            let queries: Vec<String> = (0..40).map(|_| random_word(9)).collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let (v, chars) = vocab(&refs);
            for q in &queries {
                for budget in 0..=3 {
                    for heads in [0..v.len(), 0..v.len() / 2] {
                        assert_eq!(
                            scan(&v, &chars, q, budget, heads.clone()),
                            naive(&v, &chars, q, budget, heads.clone()),
                            "{q} within {budget}, heads {heads:?}"
                        );
                    }
                }
            }
        }
    }

    /// Words that start much as the query word does but differ from each
    /// other early stay within the budget for most of their letters, and
    /// share few rows: every word computes a row for most of its letters.
    /// A row costs the band (five cells for a budget of two), not the
    /// query's 65 columns: the walk costs a few steps per letter of the
    /// vocabulary, whatever the query.
    #[test]
    fn a_row_costs_its_band_not_the_query_word() {
        let mut rng = crate::search::lcg::Lcg(7_u64);
        let mut next = |n: u64| rng.below(n) as usize;
        let other = |i: usize| char::from(b'b' + (i % 25) as u8);
        let words: Vec<String> = (0..2000)
            .map(|_| {
                let mut w = vec!['a'; 61];
                let p = next(10);
                w[p] = other(next(25));
                w[p + 1 + next(10)] = other(next(25));
                w.extend((0..3).map(|_| other(next(25))));
                w.into_iter().collect()
            })
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (v, chars) = vocab(&refs);
        let letters: usize = chars.iter().map(|&c| usize::from(c)).sum();
        let query: Vec<char> = "a".repeat(64).chars().collect();
        let mut walk = TypoWalk::default();
        let mut found = 0;
        let walked = walk.scan(&v, &chars, &query, 2, 0..v.len(), |_| found += 1);
        assert_eq!(walked, Walked::Whole { cells: walk.steps });
        assert_eq!(found, 0, "every word is five edits away");
        assert!(
            walk.steps > letters / 2,
            "most letters are walked: {} steps",
            walk.steps
        );
        assert!(
            walk.steps <= 5 * letters,
            "{} steps for {letters} letters of vocabulary",
            walk.steps
        );
        // With a limit, the walk stops there, in the middle of the words.
        let limit = walk.steps / 3;
        let walked = TypoWalk::limited(limit).scan(&v, &chars, &query, 2, 0..v.len(), |_| {});
        assert!(
            matches!(walked, Walked::Cut { cells } if cells > limit && cells <= limit + 5),
            "{walked:?} for a limit of {limit}"
        );
    }

    /// A limit the walk does not reach changes nothing it finds.
    #[test]
    fn a_limit_not_reached_finds_the_same_words() {
        let (v, chars) = vocab(&["balikesir", "balıkesir", "balkesir", "bakelsir", "ankara"]);
        let query: Vec<char> = "balikesir".chars().collect();
        let mut all = Vec::new();
        let whole = TypoWalk::default().scan(&v, &chars, &query, 2, 0..v.len(), |n| all.push(n));
        let Walked::Whole { cells } = whole else {
            panic!("{whole:?}");
        };
        let mut limited = Vec::new();
        let again =
            TypoWalk::limited(cells).scan(&v, &chars, &query, 2, 0..v.len(), |n| limited.push(n));
        assert_eq!(again, whole);
        assert_eq!(limited, all);
        assert!(all.len() >= 3, "{all:?}");
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
