//! The corpus's facts as the reader says them, in the current language:
//! a city's status and join year, the list's orders, the facets' names and
//! the `has:` values. The facts themselves (names, countries, notes) are
//! data and are shown as they are.

use crate::corpus::order::Sort;
use crate::corpus::{City, Status};
use crate::facets::{Facet, Has};
use crate::t;

/// The list's order, as the list's title and the `s` message say it.
pub fn sort(sort: Sort) -> String {
    match sort {
        Sort::Name => t!("reader-sort-name"),
        Sort::Country => t!("reader-sort-country"),
        Sort::Region => t!("reader-sort-region"),
        Sort::Joined => t!("reader-sort-joined"),
        Sort::Newest => t!("reader-sort-newest"),
        Sort::Reports => t!("reader-sort-reports"),
    }
}

/// A status in a word or two: "confirmed", "one source".
pub fn status(status: Status) -> String {
    match status {
        Status::Confirmed => t!("reader-status-confirmed"),
        Status::SingleSource => t!("reader-status-single-source"),
        Status::Disputed => t!("reader-status-disputed"),
    }
}

/// A city's status for its card, with what "confirmed" means and how the
/// sources disagree (the corpus's note, as it is).
pub fn status_line(city: &City) -> Option<String> {
    Some(match (city.status?, &city.notes) {
        (Status::Confirmed, _) => t!("reader-status-confirmed-long"),
        (Status::Disputed, Some(note)) => t!("reader-status-disputed-note", note = note),
        (s, _) => status(s),
    })
}

/// "joined 2020", or "year unknown".
pub fn joined(city: &City) -> String {
    match city.joined {
        Some(year) => t!("reader-joined", year = year.to_string()),
        None => t!("reader-joined-unknown"),
    }
}

/// A facet's heading in the picker.
pub fn facet(facet: Facet) -> String {
    match facet {
        Facet::Region => t!("reader-facet-region"),
        Facet::Country => t!("reader-facet-country"),
        Facet::Joined => t!("reader-facet-joined"),
        Facet::Status => t!("reader-facet-status"),
        Facet::Has => t!("reader-facet-has"),
    }
}

/// A value of the `has:` facet in the picker: what the cities have.
pub fn has(has: Has) -> String {
    match has {
        Has::Report => t!("reader-has-report"),
        Has::Coords => t!("reader-has-coords"),
        Has::Bookmark => t!("reader-has-bookmark"),
        Has::Unread => t!("reader-has-unread"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;
    use crate::i18n::{with, Lang};

    #[test]
    fn facts_in_either_language() {
        let c = bundled();
        let city = |id: &str| &c.cities[c.city_index(id).unwrap()];
        with(Lang::En, || {
            assert_eq!(joined(city("kyiv")), "joined 2022");
            assert_eq!(joined(city("tehran")), "year unknown");
            assert_eq!(status_line(city("bolu")).unwrap(), "one source");
            assert!(status_line(city("tehran"))
                .unwrap()
                .starts_with("sources disagree: 2020 per tehrantimes"));
            assert_eq!(sort(Sort::Joined), "oldest first");
        });
        with(Lang::Tr, || {
            assert_eq!(joined(city("kyiv")), "katılım: 2022");
            assert_eq!(status_line(city("bolu")).unwrap(), "tek kaynak");
            assert_eq!(facet(Facet::Joined), "Katılım yılı");
            assert_eq!(sort(Sort::Name), "ada göre");
        });
    }
}
