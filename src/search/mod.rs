//! The search engine shared by the CLI and the TUI.
//!
//! Queries and texts are folded the same way (`text::fold`). Each query word
//! is matched against the vocabulary of the corpus (exactly, as a prefix,
//! with a typo or two, or fuzzily), and documents are found through an index
//! of which documents contain each word: the fuzzy matcher never sees whole
//! article texts, which would match nearly any query. Every query word must
//! match (AND).

mod highlight;
mod index;
#[cfg(test)]
mod lcg;
mod literal;
mod query;
mod rank;
mod store;
mod typos;

pub use highlight::{snippet, BodyMatch, Snippet};
pub use index::{Doc, Posting, SearchIndex, TooLarge};
pub use literal::Pattern;
pub use query::{MatchKind, Query, MAX_TERMS};
pub use rank::{order, Hit, Keep, Results};
pub use store::{Postings, Vocab};
