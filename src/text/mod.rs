//! Text handling shared by the loader, the search engine, the CLI and the TUI.

pub mod bars;
pub mod collate;
pub mod display;
pub mod distance;
pub mod fold;
pub mod number;
pub mod sanitize;
pub mod stopwords;
pub mod words;
pub mod wrap;
