//! The interactive reader.

use std::path::PathBuf;

use crate::cli::{load_corpus, Failure};

pub fn run(data: Option<&PathBuf>) -> Result<(), Failure> {
    let _corpus = load_corpus(data)?;
    Err(Failure::Usage(
        "the interactive reader is not built yet; try `learncity list`, `search`, `show` or `stats` (see --help)".into(),
    ))
}
