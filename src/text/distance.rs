//! Edit distance, for typo-tolerant search and "did you mean" suggestions.

use super::fold::fold;

/// Optimal-string-alignment distance (Levenshtein plus adjacent swaps)
/// between two strings, by chars, giving up once it exceeds `max`.
pub fn bounded_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    Distance::default().within(&a, &b, max)
}

/// Reusable scratch rows, so scanning a vocabulary allocates nothing per word.
#[derive(Debug, Default)]
pub struct Distance {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Distance {
    /// As [`bounded_distance`], on chars already split out.
    pub fn within(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let w = b.len() + 1;
        for row in [&mut self.prev2, &mut self.prev, &mut self.cur] {
            row.clear();
            row.resize(w, 0);
        }
        for (j, v) in self.prev.iter_mut().enumerate() {
            *v = j;
        }
        for i in 1..=a.len() {
            self.cur[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (self.prev[j] + 1)
                    .min(self.cur[j - 1] + 1)
                    .min(self.prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(self.prev2[j - 2] + 1);
                }
                self.cur[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(&mut self.prev2, &mut self.prev);
            std::mem::swap(&mut self.prev, &mut self.cur);
        }
        Some(self.prev[b.len()]).filter(|&d| d <= max)
    }
}

/// How many typos a word of `len` chars may carry and still match.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Up to `n` candidates closest to `query` (folded, by edit distance, or
/// sharing a prefix), best first: for "did you mean" messages.
pub fn closest<'a>(
    query: &str,
    candidates: impl Iterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let q = fold(query);
    let max = typo_budget(q.chars().count()).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .filter_map(|c| {
            let f = fold(c);
            if f.starts_with(&q) || (q.len() >= 3 && q.starts_with(&f)) {
                return Some((0, c));
            }
            bounded_distance(&q, &f, max).map(|d| (d, c))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(bounded_distance("izmir", "izmir", 2), Some(0));
        assert_eq!(bounded_distance("izmr", "izmir", 2), Some(1));
        assert_eq!(
            bounded_distance("imzir", "izmir", 2),
            Some(1),
            "a swap is one edit"
        );
        assert_eq!(bounded_distance("balikesor", "balikesir", 1), Some(1));
        assert_eq!(bounded_distance("ankara", "izmir", 2), None);
        assert_eq!(bounded_distance("", "abc", 3), Some(3));
    }

    #[test]
    fn suggestions() {
        let ids = ["ankara", "izmir", "istanbul", "balikesir"];
        assert_eq!(closest("izmr", ids.iter().copied(), 3), ["izmir"]);
        assert_eq!(closest("İzmir", ids.iter().copied(), 3), ["izmir"]);
        assert_eq!(closest("bali", ids.iter().copied(), 3), ["balikesir"]);
        assert!(closest("zzzzzz", ids.iter().copied(), 3).is_empty());
    }
}
