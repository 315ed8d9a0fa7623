//! The one way numbers are written for people, in the reader and the CLI.
//!
//! Thousands are grouped from 1 000 on with a no-break space, and a number
//! is joined to its unit by a no-break space too. The wrapper breaks lines
//! only at ordinary spaces, so "36 756 women" and "2 min" can never be split
//! across lines. (JSON output keeps plain numbers.)

/// U+00A0: every terminal font has it, and it is one column wide.
pub const NBSP: char = '\u{a0}';

/// `n` with its thousands grouped: `999`, `1 000`, `36 756`, `1 800 000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() < 4 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

/// `n` and its unit, which agrees in number: `1 report`, `2 100 words`.
pub fn with_unit(n: u64, one: &str, many: &str) -> String {
    format!("{}{NBSP}{}", count(n), if n == 1 { one } else { many })
}

/// A figure's value as stated: whole numbers grouped, fractions as they are
/// written (`1.5`), and years never grouped (`2013`).
pub fn value(v: f64, is_year: bool) -> String {
    if v.fract() != 0.0 || !v.is_finite() || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let whole = v.abs() as u64;
    let digits = if is_year {
        whole.to_string()
    } else {
        count(whole)
    };
    if v < 0.0 {
        format!("-{digits}")
    } else {
        digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_from_one_thousand_on() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1\u{a0}000");
        assert_eq!(count(2100), "2\u{a0}100");
        assert_eq!(count(36756), "36\u{a0}756");
        assert_eq!(count(409096), "409\u{a0}096");
        assert_eq!(count(1_800_000), "1\u{a0}800\u{a0}000");
    }

    #[test]
    fn a_number_is_bound_to_its_unit() {
        assert_eq!(with_unit(1, "report", "reports"), "1\u{a0}report");
        assert_eq!(
            with_unit(360000, "word", "words"),
            "360\u{a0}000\u{a0}words"
        );
        assert!(!with_unit(1800, "min", "min").contains(' '));
    }

    #[test]
    fn values_keep_years_and_fractions_as_written() {
        assert_eq!(value(36756.0, false), "36\u{a0}756");
        assert_eq!(value(2013.0, true), "2013");
        assert_eq!(value(1.5, false), "1.5");
        assert_eq!(value(-12345.0, false), "-12\u{a0}345");
    }
}
