//! The facet filter in effect: what the search line's facet words say
//! (`region:africa has:report`), which cities it lets through, and the
//! statistics of those cities. Recomputed when the facet words change,
//! never while drawing.

use crate::corpus::Corpus;
use crate::facets::{parse_query, Facet, Filter, Has, Parsed, Test, Values};
use crate::stats::network::SetStats;

#[derive(Debug, Clone)]
pub struct FilterState {
    /// The facet values of the corpus (for parsing, completion, the picker).
    pub values: Values,
    /// The query, split into facets and text.
    pub parsed: Parsed,
    /// The cities the facets let through; `None` without facets.
    pub members: Option<Vec<bool>>,
    /// The statistics of those cities (of all of them without facets).
    pub set: SetStats,
    /// Counts changes of the filter, so that what depends on it can tell.
    pub generation: u64,
}

impl FilterState {
    pub fn new(corpus: &Corpus) -> Self {
        let values = Values::new(corpus);
        let set = SetStats::of(corpus, &values, None);
        FilterState {
            values,
            parsed: Parsed::default(),
            members: None,
            set,
            generation: 0,
        }
    }

    pub fn filter(&self) -> &Filter {
        &self.parsed.filter
    }

    pub fn active(&self) -> bool {
        !self.parsed.filter.is_empty()
    }

    pub fn members(&self) -> Option<&[bool]> {
        self.members.as_deref()
    }

    pub fn is_member(&self, city: usize) -> bool {
        self.members
            .as_ref()
            .is_none_or(|m| m.get(city).copied().unwrap_or(false))
    }

    /// Reads `query`; returns true if the filter changed (the text to
    /// search for may have changed either way: see `parsed.text`).
    pub fn apply(&mut self, corpus: &Corpus, query: &str) -> bool {
        let parsed = parse_query(query, &self.values);
        let changed = parsed.filter != self.parsed.filter;
        self.parsed = parsed;
        if changed {
            self.members = self
                .active()
                .then(|| self.parsed.filter.cities(corpus, &self.values));
            self.set = SetStats::of(corpus, &self.values, self.members.as_deref());
            self.generation += 1;
        }
        changed
    }

    /// New marks (`has:bookmark`, `has:unread` read them): the cities the
    /// filter lets through again, if it uses them.
    pub fn set_personal(&mut self, corpus: &Corpus, personal: crate::facets::values::Personal) {
        if self.values.personal == personal {
            return;
        }
        self.values.personal = personal;
        if self.parsed.filter.uses_marks() {
            self.members = Some(self.parsed.filter.cities(corpus, &self.values));
            self.set = SetStats::of(corpus, &self.values, self.members.as_deref());
            self.generation += 1;
        }
    }

    /// Whether `has:report` is in effect.
    pub fn only_reports(&self) -> bool {
        self.parsed.filter.clauses.iter().any(|c| {
            c.facet == Facet::Has
                && !c.negated
                && matches!(&c.test, Test::Has(h) if h.contains(&Has::Report))
        })
    }
}
