//! A figure as a reader says it, in the interface's language: "more than
//! 20 centres" / "20'den fazla merkez", "36,756 women" / "36.756 kadın".
//!
//! The corpus states figures in English words (`unit: "women"`,
//! `qualifier: "more than"`); the message files give the words of the
//! known ones (`figure-unit-women`), and any other is shown as the corpus
//! has it. Turkish puts "more than" after the number, with the ablative
//! suffix that the spoken number takes (20'den, 30'dan, 40'tan, 70'ten).

use crate::corpus::Figure;
use crate::i18n;
use crate::text::number;

/// The figure's amount, never broken across lines (its spaces are
/// no-break).
pub fn figure_amount(f: &Figure) -> String {
    stated_amount(
        f.value,
        &f.written,
        f.qualifier.as_deref(),
        f.unit.as_deref(),
    )
}

/// The amount of `value`, which the corpus writes as `written`.
pub fn stated_amount(
    value: f64,
    written: &str,
    qualifier: Option<&str>,
    unit: Option<&str>,
) -> String {
    // A year is just the year ("2013"): "2013 year" reads oddly.
    let is_year = unit.is_some_and(|u| u.eq_ignore_ascii_case("year"));
    let shown = number::value(value, written, is_year);
    let unit = unit.filter(|_| !is_year).map(|u| word("figure-unit", u));
    let text = match qualifier {
        Some(q) => {
            let said = key("figure-qualifier", q).and_then(|k| {
                let text = i18n::text(
                    &k,
                    &[
                        ("value", shown.as_str().into()),
                        ("ablative", ablative(&shown).into()),
                        ("unit", unit.clone().unwrap_or_default().into()),
                    ],
                );
                (text != k).then_some(text)
            });
            said.unwrap_or_else(|| join(&[q, &shown, unit.as_deref().unwrap_or_default()]))
        }
        None => join(&[&shown, unit.as_deref().unwrap_or_default()]),
    };
    text.trim().replace(' ', &number::NBSP.to_string())
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `figure-unit-women` for "women": a message key, if the word can be one.
fn key(prefix: &str, word: &str) -> Option<String> {
    let slug = word.trim().to_ascii_lowercase().replace(' ', "-");
    (!slug.is_empty() && slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .then(|| format!("{prefix}-{slug}"))
}

/// The word in the interface's language, or as the corpus wrote it.
fn word(prefix: &str, w: &str) -> String {
    key(prefix, w)
        .and_then(|k| i18n::try_text(&k))
        .unwrap_or_else(|| w.to_owned())
}

/// The Turkish ablative suffix of a number as written (`20` → `'den`),
/// from how its last word is spoken: vowel harmony picks e/a, a voiceless
/// final consonant makes d into t.
pub fn ablative(written: &str) -> &'static str {
    let digits: Vec<u32> = written.chars().filter_map(|c| c.to_digit(10)).collect();
    // Of a fraction (1,5 "bir virgül beş") the last digit is spoken last.
    let fraction = written.contains([',', '.']) && !is_grouped_whole(written);
    let last_word = if fraction {
        digits.last().map_or("sıfır", |&d| ONES[d as usize])
    } else {
        let n: u64 = digits
            .iter()
            .fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(d as u64));
        spoken_last(n)
    };
    match last_word {
        "bir" | "iki" | "yedi" | "sekiz" | "yirmi" | "elli" | "seksen" | "yüz" | "bin" => "'den",
        "üç" | "dört" | "beş" | "yetmiş" => "'ten",
        "kırk" | "altmış" => "'tan",
        _ => "'dan", // altı, dokuz, on, otuz, doksan, milyon, milyar, sıfır
    }
}

const ONES: [&str; 10] = [
    "sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz",
];
const TENS: [&str; 10] = [
    "", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan",
];

/// A whole number grouped in thousands (`36.756`): its full stops are not
/// decimal marks.
fn is_grouped_whole(written: &str) -> bool {
    !written.contains(',')
        && written
            .split('.')
            .skip(1)
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

fn spoken_last(n: u64) -> &'static str {
    if n == 0 {
        "sıfır"
    } else if !n.is_multiple_of(10) {
        ONES[(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        TENS[(n / 10 % 10) as usize]
    } else if !n.is_multiple_of(1000) {
        "yüz"
    } else if !n.is_multiple_of(1_000_000) {
        "bin"
    } else if !n.is_multiple_of(1_000_000_000) {
        "milyon"
    } else {
        "milyar"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with, Lang};

    fn amount(v: f64, q: Option<&str>, u: Option<&str>) -> String {
        stated_amount(v, &v.to_string(), q, u).replace(number::NBSP, " ")
    }

    fn figure(written: &str) -> Figure {
        Figure {
            label: "l".into(),
            value: written.parse().unwrap(),
            written: written.into(),
            qualifier: None,
            unit: Some("people".into()),
            quote: String::new(),
        }
    }

    #[test]
    fn a_value_past_what_a_float_holds_is_shown_as_written() {
        with(Lang::En, || {
            let shown = |w: &str| figure_amount(&figure(w)).replace(number::NBSP, " ");
            assert_eq!(shown("99999999999999999999"), "99999999999999999999 people");
            assert_eq!(shown("-1e300"), "-1e300 people");
            assert_eq!(shown("2.02e3"), "2,020 people");
            assert_eq!(shown("36756"), "36,756 people");
        });
    }

    #[test]
    fn english_says_the_corpus_words() {
        with(Lang::En, || {
            assert_eq!(amount(36756.0, None, Some("women")), "36,756 women");
            assert_eq!(
                amount(20.0, Some("more than"), Some("centres")),
                "more than 20 centres"
            );
            assert_eq!(amount(2013.0, None, Some("year")), "2013");
            assert_eq!(
                amount(7.0, Some("roughly"), Some("boats")),
                "roughly 7 boats"
            );
            assert!(!stated_amount(36756.0, "36756", None, Some("women")).contains(' '));
        });
    }

    #[test]
    fn turkish_has_its_own_words_and_order() {
        with(Lang::Tr, || {
            assert_eq!(amount(36756.0, None, Some("women")), "36.756 kadın");
            assert_eq!(
                amount(20.0, Some("more than"), Some("centres")),
                "20'den fazla merkez"
            );
            assert_eq!(
                amount(30.0, Some("more than"), Some("branches")),
                "30'dan fazla şube"
            );
            assert_eq!(amount(2013.0, None, Some("year")), "2013");
            assert_eq!(amount(1.5, None, None), "1,5");
            // A word the files do not know is shown as the corpus has it.
            assert_eq!(
                amount(7.0, Some("roughly"), Some("boats")),
                "roughly 7 boats"
            );
        });
    }

    #[test]
    fn the_ablative_follows_the_spoken_number() {
        for (n, s) in [
            ("1", "'den"),
            ("3", "'ten"),
            ("6", "'dan"),
            ("10", "'dan"),
            ("20", "'den"),
            ("40", "'tan"),
            ("70", "'ten"),
            ("100", "'den"),
            ("1.000", "'den"),
            ("36.756", "'dan"),
            ("2.000.000", "'dan"),
            ("1,5", "'ten"),
            ("0", "'dan"),
        ] {
            assert_eq!(ablative(n), s, "{n}");
        }
    }
}
