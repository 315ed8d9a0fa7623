//! `learncity --version`: the program, the corpus built into it, and the
//! credits its data asks for.

use crate::corpus::bundled;
use crate::text::number;

/// Where the bundled data comes from, as the README and the reader's help
/// also say it.
pub const CREDITS: &[&str] = &[
    "Member directory: compiled from public announcements of each admission round (data/gnlc/README.md)",
    "Coordinates: GeoNames (geonames.org), CC BY 4.0",
    "World outline: ratatui's world map (gnuplotting.org)",
];

pub fn text() -> String {
    let c = bundled();
    let placed = c.cities.iter().filter(|c| c.coords.is_some()).count();
    let mut s = format!("learncity {}\n", env!("CARGO_PKG_VERSION"));
    s.push_str(&format!(
        "Bundled corpus: {}: {} ({} on the map), {}",
        c.title.as_deref().unwrap_or("untitled"),
        number::with_unit(c.cities.len() as u64, crate::text::number::Unit::City),
        number::count(placed as u64),
        number::with_unit(c.articles.len() as u64, crate::text::number::Unit::Report),
    ));
    if let Some(last) = c.network.latest_total() {
        s.push_str(&format!(
            "; admission rounds to {}",
            last.date.clone().unwrap_or_else(|| last.year.to_string())
        ));
    }
    s.push('\n');
    for line in CREDITS {
        s.push_str(line);
        s.push('\n');
    }
    s
}
