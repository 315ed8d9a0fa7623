//! `learncity --version`: the program, the corpus built into it, and the
//! credits its data asks for, in the interface's language.

use crate::corpus::bundled;
use crate::t;
use crate::text::number::{self, Unit};

/// Where the bundled data comes from, as the README and the reader's help
/// also say it.
pub fn credits() -> [String; 3] {
    [
        t!("version-credit-directory"),
        t!("version-credit-coordinates"),
        t!("version-credit-outline"),
    ]
}

pub fn text() -> String {
    let c = bundled();
    let placed = c.cities.iter().filter(|c| c.coords.is_some()).count();
    let mut s = format!("learncity {}\n", env!("CARGO_PKG_VERSION"));
    let title = c.title.clone().unwrap_or_else(|| t!("version-untitled"));
    s.push_str(&t!(
        "version-bundled",
        title = title,
        cities = number::with_unit(c.cities.len() as u64, Unit::City),
        placed = placed,
        reports = number::with_unit(c.articles.len() as u64, Unit::Report),
    ));
    if let Some(last) = c.network.latest_total() {
        let date = last.date.clone().unwrap_or_else(|| last.year.to_string());
        s.push_str(&t!("version-rounds", date = date));
    }
    s.push('\n');
    for line in credits() {
        s.push_str(&line);
        s.push('\n');
    }
    s
}
