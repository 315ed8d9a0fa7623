//! Folding: the one normal form that both queries and texts are reduced to
//! before they are compared, so that `BALIKESIR`, `balikesir` and `Balıkesir`
//! are the same word.
//!
//! Lower-casing is not enough: `'İ'.to_lowercase()` is `i` plus a combining
//! dot, and `'I'` never becomes `ı`. We map the Turkish letters to their
//! base letters first, then decompose everything else (NFD), drop combining
//! marks and lower-case what is left.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `c` to `out`.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ı' | 'İ' => out.push('i'),
        'ş' | 'Ş' => out.push('s'),
        'ğ' | 'Ğ' => out.push('g'),
        'ç' | 'Ç' => out.push('c'),
        'ö' | 'Ö' => out.push('o'),
        'ü' | 'Ü' => out.push('u'),
        // Letters with no canonical decomposition: folded by hand, so that
        // `lodz` finds Łódź and the collation sorts them with their base.
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ħ' | 'Ħ' => out.push('h'),
        'ß' | 'ẞ' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'þ' | 'Þ' => out.push_str("th"),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// True when `s` is already in folded form (used by tests and debug checks).
pub fn is_folded(s: &str) -> bool {
    fold(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_letters_fold_to_their_base() {
        assert_eq!(fold("Balıkesir"), "balikesir");
        assert_eq!(fold("BALIKESIR"), "balikesir");
        assert_eq!(fold("balıkesır"), "balikesir");
        assert_eq!(fold("Öğrenen Şehir"), "ogrenen sehir");
        assert_eq!(fold("ÇĞIİÖŞÜ çğıiöşü"), "cgiiosu cgiiosu");
    }

    #[test]
    fn dotted_capital_i_is_not_i_with_a_combining_dot() {
        assert_eq!(fold("İSTANBUL"), "istanbul");
        assert_eq!(fold("İSTANBUL"), fold("istanbul"));
        assert_eq!(fold("İSTANBUL").chars().count(), 8);
        // The same text already lower-cased by Unicode rules (i + U+0307).
        assert_eq!(fold("i\u{307}stanbul"), "istanbul");
    }

    #[test]
    fn other_accents_and_decomposed_forms_are_removed() {
        assert_eq!(fold("dâhil"), "dahil");
        assert_eq!(fold("Café Zürich"), "cafe zurich");
        assert_eq!(fold("e\u{301}cole"), "ecole");
        assert_eq!(fold("Łódź Øresund Straße"), "lodz oresund strasse");
        assert!(is_folded("ogrenen"));
    }

    #[test]
    fn non_latin_scripts_are_kept() {
        assert_eq!(fold("北京"), "北京");
        assert_eq!(fold("Σπάρτη"), "σπαρτη");
    }
}
