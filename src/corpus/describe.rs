//! How a city's directory facts read in words, the same in the reader and
//! on the command line.

use super::model::{City, Coords, Status};

impl City {
    /// The status in words: "one source", "sources disagree: …" (with the
    /// note that says how).
    pub fn status_line(&self) -> Option<String> {
        let status = self.status?;
        Some(match (status, &self.notes) {
            (Status::Confirmed, _) => crate::t!("status-line-confirmed"),
            (Status::SingleSource, _) => crate::t!("status-line-single-source"),
            (Status::Disputed, Some(n)) => crate::t!("status-line-disputed-because", notes = n),
            (Status::Disputed, None) => crate::t!("status-line-disputed"),
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
        match self.joined {
            // A year is text: never grouped.
            Some(y) => crate::t!("city-joined", year = y.to_string()),
            None => crate::t!("city-joined-unknown"),
        }
    }
}

impl Coords {
    /// "41.01° N, 28.95° E (GeoNames: İstanbul, exact match)"; in Turkish
    /// "41,01° K, 28,95° D (GeoNames: İstanbul, tam eşleşme)".
    pub fn describe(&self) -> String {
        let lat = crate::i18n::fixed(self.lat.abs(), 2);
        let lon = crate::i18n::fixed(self.lon.abs(), 2);
        let lat = if self.lat < 0.0 {
            crate::t!("coords-south", degrees = lat)
        } else {
            crate::t!("coords-north", degrees = lat)
        };
        let lon = if self.lon < 0.0 {
            crate::t!("coords-west", degrees = lon)
        } else {
            crate::t!("coords-east", degrees = lon)
        };
        let how = self.matched.as_deref().map(|m| match m {
            "exact" => crate::t!("coords-match-exact"),
            "folded" => crate::t!("coords-match-folded"),
            "alternate" => crate::t!("coords-match-alternate"),
            "seat" => crate::t!("coords-match-seat"),
            "ambiguous" => crate::t!("coords-match-ambiguous"),
            other => other.to_owned(),
        });
        let at = crate::t!("coords", lat = lat, lon = lon);
        match (&self.place, how) {
            (Some(p), Some(h)) => crate::t!("coords-geonames-how", at = at, place = p, how = h),
            (Some(p), None) => crate::t!("coords-geonames", at = at, place = p),
            (None, Some(h)) => crate::t!("coords-how", at = at, how = h),
            (None, None) => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{bundled, Status};
    use crate::i18n::{with, Lang};

    #[test]
    fn directory_facts_in_words() {
        with(Lang::En, directory_facts_in_english);
    }

    fn directory_facts_in_english() {
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

    #[test]
    fn directory_facts_in_turkish() {
        let c = bundled();
        let city = |id: &str| &c.cities[c.city_index(id).unwrap()];
        with(Lang::Tr, || {
            assert_eq!(city("bolu").status_line().unwrap(), "tek kaynak");
            assert!(city("tehran")
                .status_line()
                .unwrap()
                .starts_with("kaynaklar çelişiyor: 2020 per tehrantimes"));
            assert_eq!(city("tehran").joined_words(), "katılım yılı bilinmiyor");
            assert_eq!(city("ankara").joined_words(), "katılım: 2025");
            let abuja = city("abuja").coords.as_ref().unwrap().describe();
            assert_eq!(abuja, "9,06° K, 7,50° D (GeoNames: Abuja, tam eşleşme)");
            assert_eq!(Status::Disputed.in_words(), "kaynaklar çelişiyor");
        });
        for lang in Lang::ALL {
            with(lang, || {
                for st in Status::ALL {
                    assert!(!st.in_words().starts_with("status-"), "{st:?} {lang:?}");
                }
            });
        }
    }
}
