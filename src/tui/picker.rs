//! The facet picker (`f`): every value of every facet with how many cities
//! it would show, checked where the filter has it. Checking a value writes
//! its facet word into the search line, so the line always shows the
//! filter in force and typing and picking are two ways to the same thing.
//! Counts are those of faceted search: each facet's values counted under
//! the other facets' filter.

use ratatui::layout::Rect;

use super::filter::FilterState;
use super::ui::layout::{Layout, Mode};
use crate::corpus::{Corpus, Status};
use crate::facets::{Facet, Has, Test, Years};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(Facet),
    Value {
        facet: Facet,
        /// As written in a facet word.
        item: String,
        shown: String,
        /// Cities shown if it were checked alone, under the other facets.
        cities: usize,
        checked: bool,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub open: bool,
    pub entries: Vec<Entry>,
    /// Index into `entries`; always a value while there is one.
    pub selected: usize,
    pub scroll: usize,
    /// Entries shown at once.
    pub height: usize,
}

/// Picker facets, in the order shown: the short lists first.
const ORDER: [Facet; 5] = [
    Facet::Region,
    Facet::Status,
    Facet::Joined,
    Facet::Has,
    Facet::Country,
];

/// Where the picker is drawn: over the viewer, so that the city list and
/// the statistics beside it show what each check does; over the whole body
/// on a narrow screen.
pub fn area(layout: &Layout, size: Rect) -> Rect {
    let body = Rect::new(0, 1, size.width, size.height.saturating_sub(2));
    match layout.mode {
        Mode::Wide => layout.viewer.unwrap_or(body),
        Mode::Medium => layout.viewer.or(layout.statistics).unwrap_or(body),
        Mode::Narrow => body,
    }
}

impl Picker {
    /// Builds the entries for the filter in force, keeping the selection
    /// on the same value.
    pub fn build(&mut self, corpus: &Corpus, f: &FilterState) {
        let keep = self.selected_value().map(|(facet, item, _)| (facet, item));
        let mut entries = Vec::new();
        for facet in ORDER {
            entries.push(Entry::Heading(facet));
            entries.extend(values_of(corpus, f, facet));
        }
        self.entries = entries;
        self.selected = keep
            .and_then(|(facet, item)| {
                self.entries.iter().position(
                    |e| matches!(e, Entry::Value { facet: f, item: i, .. } if *f == facet && *i == item),
                )
            })
            .or_else(|| self.first_value_from(0, 1))
            .unwrap_or(0);
        self.keep_visible();
    }

    pub fn set_height(&mut self, height: usize) {
        self.height = height.max(1);
        self.keep_visible();
    }

    /// The selected value: its facet, how it is written, whether checked.
    pub fn selected_value(&self) -> Option<(Facet, String, bool)> {
        match self.entries.get(self.selected)? {
            Entry::Value {
                facet,
                item,
                checked,
                ..
            } => Some((*facet, item.clone(), *checked)),
            Entry::Heading(_) => None,
        }
    }

    /// The checked values of `facet`, in the picker's order.
    pub fn checked(&self, facet: Facet) -> Vec<String> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Value {
                    facet: f,
                    item,
                    checked: true,
                    ..
                } if *f == facet => Some(item.clone()),
                _ => None,
            })
            .collect()
    }

    fn is_value(&self, i: usize) -> bool {
        matches!(self.entries.get(i), Some(Entry::Value { .. }))
    }

    /// The first value at or after `from` going in `dir`.
    fn first_value_from(&self, from: isize, dir: isize) -> Option<usize> {
        let mut i = from;
        while i >= 0 && (i as usize) < self.entries.len() {
            if self.is_value(i as usize) {
                return Some(i as usize);
            }
            i += dir;
        }
        None
    }

    /// Moves by `delta` values (headings are passed over).
    pub fn step(&mut self, delta: isize) {
        let dir = delta.signum();
        let mut at = self.selected;
        for _ in 0..delta.unsigned_abs() {
            match self.first_value_from(at as isize + dir, dir) {
                Some(i) => at = i,
                None => break,
            }
        }
        self.selected = at;
        self.keep_visible();
    }

    pub fn top(&mut self) {
        self.selected = self.first_value_from(0, 1).unwrap_or(0);
        self.scroll = 0;
        self.keep_visible();
    }

    pub fn bottom(&mut self) {
        let last = self.entries.len() as isize - 1;
        self.selected = self.first_value_from(last, -1).unwrap_or(0);
        self.keep_visible();
    }

    /// To the first value of the next (`dir` 1) or previous facet.
    pub fn group(&mut self, dir: isize) {
        let headings: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Entry::Heading(_)))
            .map(|(i, _)| i)
            .collect();
        let current = headings
            .iter()
            .rposition(|&h| h < self.selected)
            .unwrap_or(0);
        let n = headings.len().max(1) as isize;
        let to = (current as isize + dir).rem_euclid(n) as usize;
        if let Some(i) = headings
            .get(to)
            .and_then(|&h| self.first_value_from(h as isize + 1, 1))
        {
            self.selected = i;
            // The heading too, when the group starts on screen.
            self.scroll = self.scroll.min(i.saturating_sub(1));
            self.keep_visible();
        }
    }

    fn keep_visible(&mut self) {
        let h = self.height.max(1);
        // A group's heading shows with its first value.
        let top = if self.selected > 0 && !self.is_value(self.selected - 1) {
            self.selected - 1
        } else {
            self.selected
        };
        if top < self.scroll {
            self.scroll = top;
        } else if self.selected >= self.scroll + h {
            self.scroll = self.selected + 1 - h;
        }
        self.scroll = self.scroll.min(self.entries.len().saturating_sub(h));
    }
}

/// The entries of one facet.
fn values_of(corpus: &Corpus, f: &FilterState, facet: Facet) -> Vec<Entry> {
    let v = &f.values;
    let others = f.filter().without(facet);
    let base: Vec<bool> = others.cities(corpus, v);
    let positive: Vec<&Test> = f
        .filter()
        .clauses
        .iter()
        .filter(|c| c.facet == facet && !c.negated)
        .map(|c| &c.test)
        .collect();
    let entry = |item: String, shown: String, cities: usize, checked: bool| Entry::Value {
        facet,
        item,
        shown,
        cities,
        checked,
    };
    let inside = |c: usize| base[c];
    match facet {
        Facet::Region | Facet::Country => {
            let field = if facet == Facet::Region {
                &v.regions
            } else {
                &v.countries
            };
            let mut counts = vec![0usize; field.values.len()];
            for c in (0..corpus.cities.len()).filter(|&c| inside(c)) {
                if let Some(id) = field.of_city[c] {
                    counts[id as usize] += 1;
                }
            }
            field
                .values
                .iter()
                .enumerate()
                .map(|(i, val)| {
                    let checked = positive
                        .iter()
                        .any(|t| matches!(t, Test::Values(ids) if ids.contains(&(i as u32))));
                    entry(val.shown.clone(), val.shown.clone(), counts[i], checked)
                })
                .collect()
        }
        Facet::Joined => {
            let mut years: std::collections::BTreeMap<i64, usize> =
                v.years.keys().map(|&y| (y, 0)).collect();
            let mut unknown = 0;
            for c in (0..corpus.cities.len()).filter(|&c| inside(c)) {
                match corpus.cities[c].joined {
                    Some(y) => *years.entry(y).or_default() += 1,
                    None => unknown += 1,
                }
            }
            let checked = |j: Option<i64>| {
                positive.iter().any(|t| match t {
                    Test::Years(ys) => ys.iter().any(|y| match (y, j) {
                        (Years::Unknown, None) => true,
                        (Years::Range(a, b), Some(j)) => *a <= j && j <= *b,
                        _ => false,
                    }),
                    _ => false,
                })
            };
            let mut out: Vec<Entry> = years
                .into_iter()
                .map(|(y, n)| entry(y.to_string(), y.to_string(), n, checked(Some(y))))
                .collect();
            if v.year_unknown > 0 {
                out.push(entry(
                    "unknown".into(),
                    crate::t!("stats-year-unknown"),
                    unknown,
                    checked(None),
                ));
            }
            out
        }
        Facet::Status => Status::ALL
            .into_iter()
            .map(|s| {
                let n = (0..corpus.cities.len())
                    .filter(|&c| inside(c) && corpus.cities[c].status == Some(s))
                    .count();
                let checked = positive
                    .iter()
                    .any(|t| matches!(t, Test::Status(ss) if ss.contains(&s)));
                // The word a search takes, and what it means when that is
                // not plain.
                let said = s.in_words().to_owned();
                let shown = if said == s.as_str() {
                    said
                } else {
                    format!("{} ({said})", s.as_str())
                };
                entry(s.as_str().to_owned(), shown, n, checked)
            })
            .collect(),
        Facet::Has => Has::ALL
            .into_iter()
            .map(|h| {
                let n = (0..corpus.cities.len())
                    .filter(|&c| inside(c) && h.of(corpus, v, c))
                    .count();
                let checked = positive
                    .iter()
                    .any(|t| matches!(t, Test::Has(hs) if hs.contains(&h)));
                entry(h.name().to_owned(), h.in_words().to_owned(), n, checked)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    fn picker(query: &str) -> (Picker, FilterState) {
        let c = bundled();
        let mut f = FilterState::new(&c);
        f.apply(&c, query);
        let mut p = Picker::default();
        p.set_height(10);
        p.build(&c, &f);
        (p, f)
    }

    fn value<'a>(p: &'a Picker, facet: Facet, item: &str) -> &'a Entry {
        p.entries
            .iter()
            .find(
                |e| matches!(e, Entry::Value { facet: f, item: i, .. } if *f == facet && i == item),
            )
            .unwrap()
    }

    #[test]
    fn counts_are_under_the_other_facets_and_checks_follow_the_filter() {
        let (p, _) = picker("region:africa joined:<2020");
        match value(&p, Facet::Region, "Africa") {
            Entry::Value {
                cities, checked, ..
            } => assert_eq!((*cities, *checked), (4, true)),
            _ => unreachable!(),
        }
        match value(&p, Facet::Region, "Europe and North America") {
            Entry::Value { checked, .. } => assert!(!checked),
            _ => unreachable!(),
        }
        // Years are counted within Africa, and those before 2020 checked.
        match value(&p, Facet::Joined, "2017") {
            Entry::Value {
                cities, checked, ..
            } => assert_eq!((*cities, *checked), (4, true)),
            _ => unreachable!(),
        }
        // What `<2020` takes in, whether Africa has cities then or not.
        assert_eq!(
            p.checked(Facet::Joined),
            ["2015", "2016", "2017", "2018", "2019"]
        );
        assert!(p.checked(Facet::Country).is_empty());
    }

    #[test]
    fn moving_passes_over_headings_and_groups_jump() {
        let (mut p, _) = picker("");
        assert!(p.selected_value().is_some());
        assert_eq!(p.selected_value().unwrap().0, Facet::Region);
        p.group(1);
        assert_eq!(p.selected_value().unwrap().0, Facet::Status);
        p.group(-1);
        p.group(-1);
        assert_eq!(p.selected_value().unwrap().0, Facet::Country, "wraps");
        p.bottom();
        let last = p.selected;
        p.step(1);
        assert_eq!(p.selected, last);
        p.top();
        p.step(5);
        assert_eq!(p.selected_value().unwrap().0, Facet::Status);
        assert!(p.selected >= p.scroll && p.selected < p.scroll + p.height);
    }
}
