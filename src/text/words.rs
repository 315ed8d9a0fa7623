//! Splitting text into words. One definition serves the index, the
//! highlighter and the word counts, so they always agree on what a word is.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold::fold_char_into;

/// Letters and digits make words; combining marks stay with the letter they
/// decorate, so a decomposed `ö` does not split a word. Apostrophes split:
/// `Balıkesir’in` is the word `Balıkesir` plus the suffix `in`.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Byte ranges of the words of `s`, in order.
pub fn word_spans(s: &str) -> WordSpans<'_> {
    WordSpans { s, pos: 0 }
}

pub struct WordSpans<'a> {
    s: &'a str,
    pos: usize,
}

impl Iterator for WordSpans<'_> {
    type Item = Range<usize>;

    /// ASCII bytes are classified directly; only other characters are
    /// decoded and looked up in Unicode's tables.
    fn next(&mut self) -> Option<Range<usize>> {
        let bytes = self.s.as_bytes();
        let mut i = self.pos;
        // Skip to the start of a word.
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                i += 1;
            } else {
                let c = self.s[i..].chars().next()?;
                if is_word_char(c) {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        // Run to its end.
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = self.s[i..].chars().next().unwrap_or(' ');
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        self.pos = i;
        Some(start..i)
    }
}

/// The longest a folded word is kept, in bytes: no word of any language
/// is longer, and a hostile text's 100 MB "word" then costs what a long
/// word costs, in the index, in queries and in counts. Longer words are
/// told apart by their first 64 bytes.
pub const MAX_WORD_BYTES: usize = 64;

/// `s` cut to at most [`MAX_WORD_BYTES`] (at a character boundary).
pub fn cap_word(s: &str) -> &str {
    if s.len() <= MAX_WORD_BYTES {
        return s;
    }
    let mut end = MAX_WORD_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Folds one word into `out` (cleared first), so callers can reuse a buffer;
/// at most the first [`MAX_WORD_BYTES`] of the folded form.
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(cap_word(word));
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        fold_char_into(c, out);
        if out.len() >= MAX_WORD_BYTES {
            let keep = cap_word(out).len();
            out.truncate(keep);
            return;
        }
    }
}

/// The byte length of the shortest start of `word` whose folded form is at
/// least `folded_len` bytes long: where a prefix match of that length ends.
pub fn folded_prefix_end(word: &str, folded_len: usize) -> usize {
    let mut buf = String::new();
    let mut n = 0;
    for (at, c) in word.char_indices() {
        if n >= folded_len {
            return at;
        }
        buf.clear();
        fold_char_into(c, &mut buf);
        n += buf.len();
    }
    word.len()
}

/// Number of words in `s`.
pub fn count_words(s: &str) -> usize {
    word_spans(s).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        word_spans(s).map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_on_spaces_punctuation_and_apostrophes() {
        assert_eq!(
            words("Balıkesir’in “Öğrenen Şehir” unvanı, 2025!"),
            ["Balıkesir", "in", "Öğrenen", "Şehir", "unvanı", "2025"]
        );
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words(" ... "), Vec::<&str>::new());
    }

    #[test]
    fn combining_marks_stay_inside_the_word() {
        assert_eq!(
            words("o\u{308}g\u{306}renen x"),
            ["o\u{308}g\u{306}renen", "x"]
        );
    }

    #[test]
    fn prefix_end_counts_folded_bytes() {
        assert_eq!(&"Öğrenen"[..folded_prefix_end("Öğrenen", 3)], "Öğr");
        assert_eq!(&"İstanbul"[..folded_prefix_end("İstanbul", 1)], "İ");
        assert_eq!(folded_prefix_end("abc", 10), 3);
    }

    #[test]
    fn long_words_are_folded_to_their_first_64_bytes() {
        let mut buf = String::new();
        fold_word_into(&"A".repeat(1000), &mut buf);
        assert_eq!(buf, "a".repeat(MAX_WORD_BYTES));
        fold_word_into(&"Ş".repeat(1000), &mut buf);
        assert_eq!(buf, "s".repeat(MAX_WORD_BYTES));
        fold_word_into(&"ğ".repeat(40), &mut buf);
        assert_eq!(buf, "g".repeat(40), "short words whole");
        assert_eq!(cap_word(&"ı".repeat(40)).len(), 64);
    }

    #[test]
    fn counts_words() {
        assert_eq!(count_words("36 bin 756 kadın ücretsiz"), 5);
    }
}
