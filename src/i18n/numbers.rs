//! Numbers the language's way: English groups thousands with a comma and
//! writes `43%`; Turkish groups with a full stop, uses a decimal comma and
//! writes `%43`. Years are never grouped: callers pass them as text.

use fluent_bundle::FluentValue;

use super::{current, Lang};

/// `n` with its thousands grouped: `36,756` / `36.756`; `999` in both.
pub fn count(n: u64) -> String {
    grouped(current(), n)
}

/// A percentage: `43%` / `%43`.
pub fn percent(p: u64) -> String {
    match current() {
        Lang::En => format!("{p}%"),
        Lang::Tr => format!("%{p}"),
    }
}

/// Any number: whole ones grouped, fractions with the language's decimal
/// mark (`1.5` / `1,5`), as many digits as the value has.
pub fn decimal(v: f64) -> String {
    in_lang(current(), v)
}

/// `v` with exactly `places` decimals, the language's mark and grouping:
/// `1.0` / `1,0`, `41.01` / `41,01` (sizes, coordinates).
pub fn fixed(v: f64, places: usize) -> String {
    let lang = current();
    if !v.is_finite() || v.abs() >= 1e15 {
        return format!("{v:.places$}");
    }
    let written = format!("{:.*}", places, v.abs());
    let (whole, fraction) = written.split_once('.').unwrap_or((&written, ""));
    // No "-0.0": the sign only when what is written is not zero.
    let zero = written.bytes().all(|b| b == b'0' || b == b'.');
    let sign = if v < 0.0 && !zero { "-" } else { "" };
    let whole = grouped(lang, whole.parse().unwrap_or(0));
    if fraction.is_empty() {
        return format!("{sign}{whole}");
    }
    let mark = match lang {
        Lang::En => '.',
        Lang::Tr => ',',
    };
    format!("{sign}{whole}{mark}{fraction}")
}

fn in_lang(lang: Lang, v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let whole = grouped(lang, v.abs().trunc() as u64);
    if v.fract() == 0.0 {
        return format!("{sign}{whole}");
    }
    let written = format!("{}", v.abs());
    let fraction = written.split_once('.').map_or("", |(_, f)| f);
    let mark = match lang {
        Lang::En => '.',
        Lang::Tr => ',',
    };
    format!("{sign}{whole}{mark}{fraction}")
}

fn grouped(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    if digits.len() < 4 {
        return digits;
    }
    let sep = match lang {
        Lang::En => ',',
        Lang::Tr => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn fluent(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(in_lang(lang, n.value)),
        _ => None,
    }
}

/// The bundles' number formatters (fluent writes `36756` on its own).
pub(super) fn fluent_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent(Lang::En, value)
}

pub(super) fn fluent_tr<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent(Lang::Tr, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with;

    #[test]
    fn fixed_decimals_keep_their_places_and_the_languages_mark() {
        with(Lang::En, || {
            assert_eq!(fixed(1.0, 1), "1.0");
            assert_eq!(fixed(1023.96, 1), "1,024.0");
            assert_eq!(fixed(-0.001, 2), "0.00");
            assert_eq!(fixed(-12.3456, 2), "-12.35");
            assert_eq!(fixed(7.0, 0), "7");
        });
        with(Lang::Tr, || {
            assert_eq!(fixed(1.0, 1), "1,0");
            assert_eq!(fixed(41.0123, 2), "41,01");
            assert_eq!(fixed(1536.5, 1), "1.536,5");
        });
    }
}
