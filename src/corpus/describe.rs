//! How a city's directory facts read in words, the same in the reader and
//! on the command line.

use super::model::{City, Coords, Status};

impl City {
    /// The status in words: "one source", "sources disagree: …" (with the
    /// note that says how).
    pub fn status_line(&self) -> Option<String> {
        let status = self.status?;
        Some(match (status, &self.notes) {
            (Status::Confirmed, _) => {
                "confirmed (an official page, or two sources that agree)".to_owned()
            }
            (Status::SingleSource, _) => "one source".to_owned(),
            (Status::Disputed, Some(n)) => format!("sources disagree: {n}"),
            (Status::Disputed, None) => "sources disagree".to_owned(),
        })
    }

    /// The notes, unless the status line already says them.
    pub fn notes_apart(&self) -> Option<&str> {
        match self.status {
            Some(Status::Disputed) => None,
            _ => self.notes.as_deref(),
        }
    }

    /// "joined 2020", or "year unknown".
    pub fn joined_words(&self) -> String {
        self.joined
            .map_or("year unknown".to_owned(), |y| format!("joined {y}"))
    }
}

impl Coords {
    /// "41.01° N, 28.95° E (GeoNames: İstanbul, exact match)".
    pub fn describe(&self) -> String {
        let ns = if self.lat < 0.0 { 'S' } else { 'N' };
        let ew = if self.lon < 0.0 { 'W' } else { 'E' };
        let mut s = format!("{:.2}° {ns}, {:.2}° {ew}", self.lat.abs(), self.lon.abs());
        let how = self.matched.as_deref().map(|m| match m {
            "exact" => "exact match".to_owned(),
            "folded" => "matched without accents".to_owned(),
            "alternate" => "matched by another of its names".to_owned(),
            "seat" => "the main town of the district".to_owned(),
            "ambiguous" => "the largest of several places of that name".to_owned(),
            other => other.to_owned(),
        });
        match (&self.place, how) {
            (Some(p), Some(h)) => s.push_str(&format!(" (GeoNames: {p}, {h})")),
            (Some(p), None) => s.push_str(&format!(" (GeoNames: {p})")),
            (None, Some(h)) => s.push_str(&format!(" ({h})")),
            (None, None) => {}
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::bundled;

    #[test]
    fn directory_facts_in_words() {
        let c = bundled();
        let city = |id: &str| &c.cities[c.city_index(id).unwrap()];
        assert_eq!(city("bolu").status_line().unwrap(), "one source");
        let tehran = city("tehran");
        assert!(tehran
            .status_line()
            .unwrap()
            .starts_with("sources disagree: 2020 per tehrantimes"));
        assert_eq!(tehran.notes_apart(), None);
        assert_eq!(tehran.joined_words(), "year unknown");
        let abuja = city("abuja").coords.as_ref().unwrap().describe();
        assert_eq!(abuja, "9.06° N, 7.50° E (GeoNames: Abuja, exact match)");
    }
}
