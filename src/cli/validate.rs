//! `learncity validate FILE`: every problem, or a one-line summary.

use std::path::Path;

use super::out::{write_stdout, Out};
use super::Failure;
use crate::corpus;

pub fn run(file: &Path, _out: &Out) -> Result<(), Failure> {
    let c = corpus::load_file(file).map_err(Failure::Corpus)?;
    let figures: usize = c.articles.iter().map(|a| a.figures.len()).sum();
    write_stdout(&format!(
        "{}: valid corpus (schema {}): {} cities, {} reports, {} figures, {} timeline events\n",
        file.display(),
        c.schema,
        c.cities.len(),
        c.articles.len(),
        figures,
        c.network.timeline.len()
    ))
}
