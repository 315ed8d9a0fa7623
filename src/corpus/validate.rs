//! Rules about values: the schema version, dates, join years.

use super::error::{Problem, Problems};
use super::model::SCHEMA_VERSION;
use super::schema::Parts;

/// The year the network was founded: no city can have joined before it.
pub const FIRST_YEAR: i64 = 2013;

pub(super) fn check(parts: &Parts, problems: &mut Problems) {
    if let Some(v) = parts.schema.filter(|&v| v > SCHEMA_VERSION) {
        // First, since it may explain every other problem.
        problems.push_first(Problem::at(
            "schema",
            crate::t!(
                "error-schema-newer",
                version = v.to_string(),
                newest = SCHEMA_VERSION.to_string()
            ),
        ));
    }
}

/// Why a year cannot be a join year. The message is worded only when the
/// problem is kept (see `Problems::report`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BadYear {
    Early(i64),
    Future { year: i64, now: i64 },
}

impl BadYear {
    /// (Years are passed to messages as text: a number would be grouped,
    /// `2,013`.)
    pub(super) fn message(self) -> String {
        match self {
            BadYear::Early(year) => crate::t!(
                "error-joined-early",
                year = year.to_string(),
                first = FIRST_YEAR.to_string()
            ),
            BadYear::Future { year, now } => crate::t!(
                "error-joined-future",
                year = year.to_string(),
                now = now.to_string()
            ),
        }
    }
}

/// Why `year` cannot be a join year, if it cannot.
pub(super) fn joined_problem(year: i64) -> Option<BadYear> {
    let now = current_year();
    if year < FIRST_YEAR {
        Some(BadYear::Early(year))
    } else if year > now {
        Some(BadYear::Future { year, now })
    } else {
        None
    }
}

/// Why a text is not a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadDate {
    Form,
    Month(u32),
    Day(u32),
}

impl BadDate {
    pub(crate) fn message(self, date: &str) -> String {
        let date = format!("{date:?}");
        match self {
            BadDate::Form => crate::t!("error-date-form", date = date),
            BadDate::Month(month) => crate::t!("error-date-month", date = date, month = month),
            BadDate::Day(day) => crate::t!("error-date-day", date = date, day = day),
        }
    }
}

/// Why `s` is not a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, if it is not.
pub(crate) fn date_problem(s: &str) -> Option<BadDate> {
    let bad = || Some(BadDate::Form);
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if parts.is_empty() || parts.len() > 3 || !digits(parts[0], 4) {
        return bad();
    }
    let year: i64 = parts[0].parse().ok()?;
    if let Some(m) = parts.get(1) {
        let month: u32 = if digits(m, 2) {
            m.parse().ok()?
        } else {
            return bad();
        };
        if !(1..=12).contains(&month) {
            return Some(BadDate::Month(month));
        }
        if let Some(d) = parts.get(2) {
            let day: u32 = if digits(d, 2) {
                d.parse().ok()?
            } else {
                return bad();
            };
            if day < 1 || day > days_in_month(year, month) {
                return Some(BadDate::Day(day));
            }
        }
    }
    None
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The year this program was released in: `joined` may always be up to
/// it, so a machine whose clock is wrong (or reset to 1970) still loads the
/// bundled corpus.
pub const RELEASE_YEAR: i64 = 2026;

/// The current year (UTC) from the system clock, but never before
/// [`RELEASE_YEAR`].
pub fn current_year() -> i64 {
    let days = (crate::clock::now_ms() / 86_400_000) as i64;
    crate::clock::civil_date(days).0.max(RELEASE_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for ok in ["2025", "2020-09", "2024-02-29", "2025-12-04"] {
            assert_eq!(date_problem(ok), None, "{ok}");
        }
        for bad in [
            "25",
            "2025-9",
            "2025/09",
            "2025-09-04-01",
            "",
            "2025-13",
            "2023-02-29",
            "2025-00",
        ] {
            assert!(date_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn the_current_year_is_never_before_the_release() {
        assert!(current_year() >= RELEASE_YEAR);
    }
}
