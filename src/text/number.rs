//! The one way numbers are written for people, in the reader and the CLI.
//!
//! Thousands are grouped from 1 000 on with a no-break space, and a number
//! is joined to its unit by a no-break space too. The wrapper breaks lines
//! only at ordinary spaces, so "36 756 women" and "2 min" can never be split
//! across lines. (JSON output keeps plain numbers.)

/// U+00A0: every terminal font has it, and it is one column wide.
pub const NBSP: char = '\u{a0}';

/// `n` with its thousands grouped the language's way: `999`, `36,756`
/// (English), `36.756` (Turkish).
pub fn count(n: u64) -> String {
    crate::i18n::count(n)
}

/// What is counted: each has its word in the message files (`unit-city`),
/// singular and plural where the language has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    City,
    Country,
    Report,
    Word,
    Minute,
    Hit,
    Heading,
    Figure,
    Character,
    Problem,
    /// An admission round of the network.
    Round,
    /// An event of the network's timeline.
    Event,
    /// A source link of a city or a round.
    Source,
    /// A block of a report's body.
    Block,
}

impl Unit {
    pub const ALL: [Unit; 14] = [
        Unit::City,
        Unit::Country,
        Unit::Report,
        Unit::Word,
        Unit::Minute,
        Unit::Hit,
        Unit::Heading,
        Unit::Figure,
        Unit::Character,
        Unit::Problem,
        Unit::Round,
        Unit::Event,
        Unit::Source,
        Unit::Block,
    ];

    fn key(self) -> &'static str {
        match self {
            Unit::City => "unit-city",
            Unit::Country => "unit-country",
            Unit::Report => "unit-report",
            Unit::Word => "unit-word",
            Unit::Minute => "unit-minute",
            Unit::Hit => "unit-hit",
            Unit::Heading => "unit-heading",
            Unit::Figure => "unit-figure",
            Unit::Character => "unit-character",
            Unit::Problem => "unit-problem",
            Unit::Round => "unit-round",
            Unit::Event => "unit-event",
            Unit::Source => "unit-source",
            Unit::Block => "unit-block",
        }
    }

    /// The unit's word for `n` of it: `report`, `reports`, `rapor`.
    pub fn word(self, n: u64) -> String {
        crate::i18n::text(self.key(), &[("n", crate::i18n::Arg::from(n))])
    }
}

/// `n` and its unit, which agrees in number: `1 report`, `2,100 words`,
/// `2.100 sözcük`.
pub fn with_unit(n: u64, unit: Unit) -> String {
    format!("{}{NBSP}{}", count(n), unit.word(n))
}

/// A figure's value `v`, which the corpus writes as `written`: whole
/// numbers grouped, fractions with the language's decimal mark, years
/// never grouped (`2013`). Past 10^15, where a float no longer holds every
/// whole number, as written (99999999999999999999, not 1e20).
pub fn value(v: f64, written: &str, is_year: bool) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return written.to_owned();
    }
    if is_year && v.fract() == 0.0 {
        return format!("{}", v as i64);
    }
    crate::i18n::decimal(v)
}

/// A percentage the language's way: `43%`, `%43`.
pub fn percent(p: u64) -> String {
    crate::i18n::percent(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with, Lang};

    #[test]
    fn thousands_are_grouped_the_languages_way() {
        with(Lang::En, || {
            assert_eq!(count(0), "0");
            assert_eq!(count(999), "999");
            assert_eq!(count(1000), "1,000");
            assert_eq!(count(36756), "36,756");
            assert_eq!(count(1_800_000), "1,800,000");
        });
        with(Lang::Tr, || assert_eq!(count(36756), "36.756"));
    }

    #[test]
    fn a_number_is_bound_to_its_unit() {
        with(Lang::En, || {
            assert_eq!(with_unit(1, Unit::Report), "1\u{a0}report");
            assert_eq!(with_unit(360000, Unit::Word), "360,000\u{a0}words");
            assert!(!with_unit(1800, Unit::Minute).contains(' '));
        });
        with(Lang::Tr, || {
            assert_eq!(with_unit(2, Unit::Report), "2\u{a0}rapor");
            assert_eq!(with_unit(36756, Unit::Word), "36.756\u{a0}sözcük");
        });
    }

    #[test]
    fn every_unit_has_its_words() {
        for lang in Lang::ALL {
            for unit in Unit::ALL {
                let word = with(lang, || unit.word(2));
                assert!(!word.starts_with("unit-"), "{unit:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn values_keep_years_and_fractions_as_written() {
        with(Lang::En, || {
            assert_eq!(value(36756.0, "36756.0", false), "36,756");
            assert_eq!(value(2013.0, "2013.0", true), "2013");
            assert_eq!(value(1.5, "1.5", false), "1.5");
            assert_eq!(value(-12345.0, "-12345.0", false), "-12,345");
        });
        with(Lang::Tr, || {
            assert_eq!(value(1.5, "1.5", false), "1,5");
            assert_eq!(value(2013.0, "2013.0", true), "2013");
        });
    }
}
