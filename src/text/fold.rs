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

/// A folded string that remembers where each of its characters came from,
/// so that a match found in the folded text can be highlighted in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each char of `text`, the byte range of the original char it came from.
    origin: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut buf = String::new();
        for (at, c) in original.char_indices() {
            buf.clear();
            fold_char_into(c, &mut buf);
            let span = (at, at + c.len_utf8());
            for f in buf.chars() {
                text.push(f);
                origin.push(span);
            }
        }
        Folded { text, origin }
    }

    /// Number of chars in the folded text.
    pub fn char_len(&self) -> usize {
        self.origin.len()
    }

    /// The original byte range covered by folded chars `start..end` (char indices).
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        debug_assert!(start < end && end <= self.origin.len());
        self.origin[start].0..self.origin[end - 1].1
    }
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

    #[test]
    fn folded_positions_map_back_to_the_original() {
        let f = Folded::new("Öğrenen Şehir");
        assert_eq!(f.text, "ogrenen sehir");
        let start = f.text.find("sehir").unwrap();
        let r = f.original_range(start, start + 5);
        assert_eq!(&"Öğrenen Şehir"[r], "Şehir");
        let r = f.original_range(0, 2);
        assert_eq!(&"Öğrenen Şehir"[r], "Öğ");
    }
}
