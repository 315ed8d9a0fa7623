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

/// Folds one word into `out` (cleared first), so callers can reuse a buffer.
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        fold_char_into(c, out);
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
    fn counts_words() {
        assert_eq!(count_words("36 bin 756 kadın ücretsiz"), 5);
    }
}
