//! `learncity validate FILE`: every problem, or a one-line summary.

use std::path::Path;

use super::out::{write_stdout, Out};
use super::Failure;
use crate::corpus;
use crate::text::number::{self, Unit};

/// Checks `file`, or the bundled corpus when none is named (the caller
/// looks the file up as every command does).
pub fn run(file: Option<&Path>, out: &Out) -> Result<(), Failure> {
    let (name, c) = match file {
        Some(f) => (
            corpus::display_name(f),
            corpus::load_file(f).map_err(Failure::Corpus)?,
        ),
        None => (crate::t!("validate-bundled-name"), corpus::bundled()),
    };
    let figures: usize = c.articles.iter().map(|a| a.figures.len()).sum();
    let n = |k: usize, unit: Unit| number::with_unit(k as u64, unit);
    let rounds = match c.network.rounds.len() {
        0 => String::new(),
        k => format!(", {}", n(k, Unit::Round)),
    };
    let said = crate::t!(
        "validate-valid",
        file = name,
        schema = c.schema.to_string(),
        cities = n(c.cities.len(), Unit::City),
        reports = n(c.articles.len(), Unit::Report),
        figures = n(figures, Unit::Figure),
        events = n(c.network.timeline.len(), Unit::Event),
        rounds = rounds
    );
    write_stdout(&out.status(&said))
}
