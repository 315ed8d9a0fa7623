//! `learncity validate FILE`: every problem, or a one-line summary.

use std::path::Path;

use super::out::{write_stdout, Out};
use super::Failure;
use crate::corpus;

pub fn run(file: &Path, _out: &Out) -> Result<(), Failure> {
    let c = corpus::load_file(file).map_err(Failure::Corpus)?;
    let figures: usize = c.articles.iter().map(|a| a.figures.len()).sum();
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    write_stdout(&format!(
        "{}: valid corpus (schema {}): {}, {}, {}, {}\n",
        corpus::display_name(file),
        c.schema,
        n(c.cities.len(), "city", "cities"),
        n(c.articles.len(), "report", "reports"),
        n(figures, "figure", "figures"),
        n(
            c.network.timeline.len(),
            "timeline event",
            "timeline events"
        ),
    ))
}
