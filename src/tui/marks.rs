//! The reader's marks: which reports were read, which are bookmarked, and
//! the state file they came from, which changes are measured against when
//! they are saved (a value that differs from it gets the time of saving,
//! so the newer of two readers' values wins the merge).

use std::collections::BTreeSet;

use crate::corpus::Corpus;
use crate::state::model::{ReportMarks, Saved, Spot, Stamped, View};

#[derive(Debug, Default)]
pub struct Marks {
    /// Per report (by index); changed only through `set_read` and
    /// `set_bookmark`, which note what a save must look at.
    read: Vec<bool>,
    bookmarked: Vec<bool>,
    /// Per city: its unread reports.
    unread: Vec<usize>,
    /// The state as last loaded or saved.
    pub baseline: Saved,
    /// The report whose end has been on screen since it was opened: it was
    /// marked read then, and is not marked again (so `u` sticks while the
    /// end stays on screen).
    pub end_seen: Option<usize>,
    /// The reports whose read mark or bookmark was set since the baseline:
    /// a save looks at these, not at the whole corpus.
    changed: BTreeSet<usize>,
}

impl Marks {
    pub fn new(corpus: &Corpus, saved: Saved) -> Self {
        let mut m = Marks {
            read: vec![false; corpus.articles.len()],
            bookmarked: vec![false; corpus.articles.len()],
            unread: vec![0; corpus.cities.len()],
            baseline: Saved::default(),
            end_seen: None,
            changed: BTreeSet::new(),
        };
        m.adopt(corpus, saved);
        m
    }

    /// Takes the marks of `saved` (loaded, or merged with another reader's
    /// when saving) as the reader's own.
    pub fn adopt(&mut self, corpus: &Corpus, saved: Saved) {
        self.read.fill(false);
        self.bookmarked.fill(false);
        for (a, m) in saved.known(corpus) {
            self.read[a] = m.is_read();
            self.bookmarked[a] = m.is_bookmarked();
        }
        self.baseline = saved;
        self.changed.clear();
        self.count_unread(corpus);
    }

    fn count_unread(&mut self, corpus: &Corpus) {
        for (c, n) in self.unread.iter_mut().enumerate() {
            *n = corpus
                .articles_of(c)
                .iter()
                .filter(|&&a| !self.read[a])
                .count();
        }
    }

    pub fn is_read(&self, a: usize) -> bool {
        self.read[a]
    }

    pub fn is_bookmarked(&self, a: usize) -> bool {
        self.bookmarked[a]
    }

    /// How many of city `c`'s reports are unread.
    pub fn unread_in(&self, c: usize) -> usize {
        self.unread[c]
    }

    pub fn set_read(&mut self, corpus: &Corpus, a: usize, read: bool) {
        if self.read[a] != read {
            self.read[a] = read;
            self.changed.insert(a);
            if let Some(c) = corpus.city_of(a) {
                if read {
                    self.unread[c] -= 1;
                } else {
                    self.unread[c] += 1;
                }
            }
        }
    }

    pub fn set_bookmark(&mut self, a: usize, on: bool) {
        if self.bookmarked[a] != on {
            self.bookmarked[a] = on;
            self.changed.insert(a);
        }
    }

    /// Whether city `c` has a bookmarked report.
    pub fn city_bookmarked(&self, corpus: &Corpus, c: usize) -> bool {
        corpus.articles_of(c).iter().any(|&a| self.bookmarked[a])
    }

    /// The marks as a state file: the baseline, with every value that
    /// changed since stamped `now`. `places` are where reports were left,
    /// `view` where the reader is, `new_queries` the searches run since the
    /// last load or save (oldest first).
    pub fn snapshot(
        &self,
        corpus: &Corpus,
        places: impl Iterator<Item = (usize, Spot)>,
        view: View,
        new_queries: &[String],
        now: u64,
    ) -> Saved {
        let mut s = self.baseline.clone();
        s.corpus = corpus.title.clone().unwrap_or_default();
        let mut stamp = |a: usize, f: &dyn Fn(&mut ReportMarks)| {
            f(s.reports.entry(corpus.articles[a].id.clone()).or_default());
        };
        for &a in &self.changed {
            let old = self.baseline.marks(&corpus.articles[a].id);
            if old.is_some_and(ReportMarks::is_read) != self.read[a] {
                let v = self.read[a];
                stamp(a, &|m| m.read = Some(Stamped::new(v, now)));
            }
            if old.is_some_and(ReportMarks::is_bookmarked) != self.bookmarked[a] {
                let v = self.bookmarked[a];
                stamp(a, &|m| m.bookmark = Some(Stamped::new(v, now)));
            }
        }
        for (a, spot) in places {
            let old = self.baseline.marks(&corpus.articles[a].id);
            if old.and_then(|m| m.place.as_ref()).map(|p| p.value) != Some(spot) {
                stamp(a, &|m| m.place = Some(Stamped::new(spot, now)));
            }
        }
        if s.view.as_ref().map(|v| &v.value) != Some(&view) {
            s.view = Some(Stamped::new(view, now));
        }
        // This session's searches, oldest first, after the loaded ones; a
        // search run again moves to the end.
        let n = new_queries.len() as u64;
        for (i, q) in new_queries.iter().enumerate() {
            s.queries.retain(|old| &old.value != q);
            s.queries.push(Stamped::new(
                q.clone(),
                now.saturating_sub(n - 1 - i as u64),
            ));
        }
        let excess = s.queries.len().saturating_sub(crate::state::model::QUERIES);
        s.queries.drain(..excess);
        s.tend(|id| corpus.article_index(id).is_some(), now);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn view() -> View {
        View::default()
    }

    #[test]
    fn only_what_changed_gets_a_new_time() {
        let c = bundled();
        let mut m = Marks::new(&c, Saved::default());
        let s1 = m.snapshot(&c, std::iter::empty(), view(), &[], 100);
        assert!(s1.reports.is_empty(), "nothing marked, nothing kept");
        m.set_bookmark(0, true);
        m.set_read(&c, 1, true);
        let s2 = m.snapshot(&c, std::iter::empty(), view(), &["yavaş".into()], 200);
        let id0 = &c.articles[0].id;
        let id1 = &c.articles[1].id;
        assert_eq!(s2.reports[id0].bookmark, Some(Stamped::new(true, 200)));
        assert_eq!(s2.reports[id1].read, Some(Stamped::new(true, 200)));
        assert_eq!(s2.queries.len(), 1);
        m.adopt(&c, s2.clone());
        let s3 = m.snapshot(&c, std::iter::empty(), view(), &[], 300);
        assert_eq!(s3, s2, "nothing new, nothing to write");
        m.set_bookmark(0, false);
        let s4 = m.snapshot(&c, std::iter::empty(), view(), &[], 400);
        assert_eq!(s4.reports[id0].bookmark, Some(Stamped::new(false, 400)));
    }

    #[test]
    fn unread_counts_follow_the_marks() {
        let c = bundled();
        let mut m = Marks::new(&c, Saved::default());
        let city = c.city_of(0).unwrap();
        let before = m.unread_in(city);
        assert!(before >= 1);
        m.set_read(&c, 0, true);
        m.set_read(&c, 0, true);
        assert_eq!(m.unread_in(city), before - 1);
        m.set_read(&c, 0, false);
        assert_eq!(m.unread_in(city), before);
    }
}
