//! What is kept of a reader between sessions, and how two copies of it are
//! merged: every value carries the time it was last changed, and the newer
//! one wins, field by field. So two readers on one account each keep the
//! other's marks (a bookmark set here and one set there are both kept), and
//! taking a mark off (unbookmarking, marking unread) sticks, which a plain
//! union of marks would undo.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

/// The format's version. A file with a higher one was written by a newer
/// learncity and is not read (it is moved aside, see `file::load`).
pub const VERSION: u32 = 1;

/// How many searches are kept.
pub const QUERIES: usize = 50;

/// Marks of a report that is no longer in the corpus are kept this long
/// after it was last seen, so a report that comes back (a corpus rebuilt,
/// a file swapped for a day) finds them again.
pub const KEEP_VANISHED_MS: u64 = 180 * 24 * 3600 * 1000;

const DAY_MS: u64 = 24 * 3600 * 1000;

/// A value and when it was set, in milliseconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub value: T,
    pub at: u64,
}

impl<T> Stamped<T> {
    pub fn new(value: T, at: u64) -> Self {
        Stamped { value, at }
    }
}

/// Where a report was left: the top line's paragraph ("piece") and the
/// byte it starts at, which survives a different width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Spot {
    pub piece: usize,
    pub byte: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMarks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Stamped<bool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bookmark: Option<Stamped<bool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Stamped<Spot>>,
    /// When the report was last in the corpus (see `KEEP_VANISHED_MS`).
    #[serde(default)]
    pub seen: u64,
}

impl ReportMarks {
    pub fn is_read(&self) -> bool {
        self.read.as_ref().is_some_and(|s| s.value)
    }

    pub fn is_bookmarked(&self) -> bool {
        self.bookmark.as_ref().is_some_and(|s| s.value)
    }

    fn is_empty(&self) -> bool {
        self.read.is_none() && self.bookmark.is_none() && self.place.is_none()
    }
}

/// Where the reader was: the selection, the pane with the keyboard and the
/// list's order (their names, as the reader writes them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The id of the city or report selected in the list (ids are unique
    /// across both), so it is found again in an updated corpus.
    #[serde(default)]
    pub selected: Option<String>,
    #[serde(default)]
    pub pane: String,
    #[serde(default)]
    pub sort: String,
}

/// One state file: the marks of one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    /// The corpus's title, for whoever opens the file.
    #[serde(default)]
    pub corpus: String,
    /// By report id.
    #[serde(default)]
    pub reports: BTreeMap<String, ReportMarks>,
    #[serde(default)]
    pub view: Option<Stamped<View>>,
    /// Oldest first, one entry per text.
    #[serde(default)]
    pub queries: Vec<Stamped<String>>,
}

impl Default for Saved {
    fn default() -> Self {
        Saved {
            version: VERSION,
            corpus: String::new(),
            reports: BTreeMap::new(),
            view: None,
            queries: Vec::new(),
        }
    }
}

/// The newer of two stamped values; on a tie, `a` (the caller passes its
/// own first).
fn newer<T: Clone>(a: &Option<Stamped<T>>, b: &Option<Stamped<T>>) -> Option<Stamped<T>> {
    match (a, b) {
        (Some(x), Some(y)) if y.at > x.at => Some(y.clone()),
        (Some(x), _) => Some(x.clone()),
        (None, y) => y.clone(),
    }
}

/// A tie between a set and an unset mark keeps it set: losing a mark is
/// the worse mistake.
fn newer_mark(a: &Option<Stamped<bool>>, b: &Option<Stamped<bool>>) -> Option<Stamped<bool>> {
    match (a, b) {
        (Some(x), Some(y)) if x.at == y.at => Some(Stamped::new(x.value || y.value, x.at)),
        _ => newer(a, b),
    }
}

impl Saved {
    /// Both copies in one: per report and field the newer value, the newer
    /// view, the searches of both. `self` wins ties.
    pub fn merge(&self, other: &Saved) -> Saved {
        let mut reports = self.reports.clone();
        for (id, theirs) in &other.reports {
            let m = reports.entry(id.clone()).or_default();
            *m = ReportMarks {
                read: newer_mark(&m.read, &theirs.read),
                bookmark: newer_mark(&m.bookmark, &theirs.bookmark),
                place: newer(&m.place, &theirs.place),
                seen: m.seen.max(theirs.seen),
            };
        }
        let mut latest: HashMap<&str, u64> = HashMap::new();
        for q in self.queries.iter().chain(&other.queries) {
            let at = latest.entry(&q.value).or_insert(q.at);
            *at = (*at).max(q.at);
        }
        let mut queries: Vec<Stamped<String>> = latest
            .into_iter()
            .map(|(q, at)| Stamped::new(q.to_owned(), at))
            .collect();
        queries.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.value.cmp(&b.value)));
        let excess = queries.len().saturating_sub(QUERIES);
        queries.drain(..excess);
        Saved {
            version: VERSION,
            corpus: if self.corpus.is_empty() {
                other.corpus.clone()
            } else {
                self.corpus.clone()
            },
            reports,
            view: newer(&self.view, &other.view),
            queries,
        }
    }

    /// Notes which reports are in the corpus now (`in_corpus`), and drops
    /// the marks of reports gone for longer than `KEEP_VANISHED_MS`, and
    /// entries with nothing in them.
    pub fn tend(&mut self, in_corpus: impl Fn(&str) -> bool, now: u64) {
        self.reports.retain(|id, m| {
            // Once a day is enough to know it is still there, and keeps a
            // save with nothing else new from rewriting the file.
            if in_corpus(id) && now.saturating_sub(m.seen) > DAY_MS {
                m.seen = now;
            }
            !m.is_empty() && now.saturating_sub(m.seen) <= KEEP_VANISHED_MS
        });
    }

    pub fn marks(&self, id: &str) -> Option<&ReportMarks> {
        self.reports.get(id)
    }

    /// The marks of the reports `corpus` has, by report index: as many
    /// look-ups as there are marks, not reports.
    pub fn known<'a>(
        &'a self,
        corpus: &'a crate::corpus::Corpus,
    ) -> impl Iterator<Item = (usize, &'a ReportMarks)> + 'a {
        self.reports
            .iter()
            .filter_map(|(id, m)| Some((corpus.article_index(id)?, m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(at: u64, value: bool) -> Option<Stamped<bool>> {
        Some(Stamped::new(value, at))
    }

    fn with(id: &str, m: ReportMarks) -> Saved {
        let mut s = Saved::default();
        s.reports.insert(id.into(), m);
        s
    }

    #[test]
    fn merging_keeps_the_marks_of_both_and_the_newer_of_each() {
        let a = with(
            "x",
            ReportMarks {
                read: mark(10, true),
                bookmark: mark(5, true),
                ..Default::default()
            },
        );
        let mut b = with(
            "x",
            ReportMarks {
                bookmark: mark(7, false),
                place: Some(Stamped::new(Spot { piece: 3, byte: 9 }, 7)),
                ..Default::default()
            },
        );
        b.reports.insert(
            "y".into(),
            ReportMarks {
                bookmark: mark(1, true),
                ..Default::default()
            },
        );
        let m = a.merge(&b);
        let x = &m.reports["x"];
        assert!(x.is_read(), "a's read mark kept");
        assert!(!x.is_bookmarked(), "b took the bookmark off later");
        assert_eq!(x.place.as_ref().unwrap().value, Spot { piece: 3, byte: 9 });
        assert!(m.reports["y"].is_bookmarked(), "b's other bookmark kept");
        assert_eq!(m, b.merge(&a), "the order of merging does not matter");
    }

    #[test]
    fn a_tie_keeps_the_mark() {
        let a = with(
            "x",
            ReportMarks {
                read: mark(4, false),
                ..Default::default()
            },
        );
        let b = with(
            "x",
            ReportMarks {
                read: mark(4, true),
                ..Default::default()
            },
        );
        assert!(a.merge(&b).reports["x"].is_read());
        assert!(b.merge(&a).reports["x"].is_read());
    }

    #[test]
    fn searches_merge_once_each_newest_last_at_most_fifty() {
        let mut a = Saved::default();
        let mut b = Saved::default();
        for i in 0..40u64 {
            a.queries.push(Stamped::new(format!("a{i}"), i * 2));
            b.queries.push(Stamped::new(format!("b{i}"), i * 2 + 1));
        }
        b.queries.push(Stamped::new("a0".into(), 1000));
        let m = a.merge(&b);
        assert_eq!(m.queries.len(), QUERIES);
        assert_eq!(m.queries.last().unwrap().value, "a0");
        assert_eq!(m.queries.iter().filter(|q| q.value == "a0").count(), 1);
        assert!(m.queries.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn vanished_reports_are_kept_for_a_while_then_dropped() {
        let day = 24 * 3600 * 1000;
        let mut s = with(
            "gone",
            ReportMarks {
                bookmark: mark(1, true),
                seen: 1,
                ..Default::default()
            },
        );
        s.reports.insert(
            "here".into(),
            ReportMarks {
                read: mark(1, true),
                seen: 1,
                ..Default::default()
            },
        );
        let here = |id: &str| id == "here";
        s.tend(here, 30 * day);
        assert!(s.reports.contains_key("gone"), "30 days: kept");
        assert_eq!(s.reports["here"].seen, 30 * day);
        s.tend(here, 200 * day);
        assert!(!s.reports.contains_key("gone"), "200 days: dropped");
        assert!(s.reports.contains_key("here"));
    }

    #[test]
    fn the_format_reads_back_and_names_its_version() {
        let mut s = with(
            "r",
            ReportMarks {
                place: Some(Stamped::new(Spot { piece: 1, byte: 2 }, 3)),
                ..Default::default()
            },
        );
        s.view = Some(Stamped::new(
            View {
                selected: Some("r".into()),
                pane: "viewer".into(),
                sort: "name".into(),
            },
            9,
        ));
        let text = serde_json::to_string(&s).unwrap();
        assert!(text.starts_with("{\"version\":1"), "{text}");
        assert!(text.contains("\"selected\":\"r\""), "{text}");
        assert_eq!(serde_json::from_str::<Saved>(&text).unwrap(), s);
    }
}
