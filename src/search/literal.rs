//! Finding a pattern inside one text, as a reader expects of `/` and `n`:
//! each pattern word matches a word of the text that starts with it, after
//! folding (`ogren` marks `Öğrenen`), and nothing else. The corpus search
//! also accepts typos and fuzzy matches, which rank documents well but
//! would mark every `lifelong` for `long` inside a text.

use std::ops::Range;

use crate::text::fold::fold;
use crate::text::words::{cap_word, fold_word_into, folded_prefix_end, word_spans};

/// The words of a search, folded, for matching inside a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    /// The text as typed, for messages.
    pub raw: String,
    /// Folded words, longest first, so a longer word wins where two match.
    words: Vec<String>,
}

impl Pattern {
    pub fn new(raw: &str) -> Pattern {
        let folded = fold(raw);
        // As the text's words are folded: their first 64 bytes.
        // As the search takes them: the first 32 distinct words (a pasted
        // page costs what 32 words cost).
        let mut words: Vec<String> = Vec::new();
        for r in word_spans(&folded) {
            let w = cap_word(&folded[r]);
            if !words.iter().any(|x| x == w) {
                words.push(w.to_owned());
                if words.len() == crate::search::MAX_TERMS {
                    break;
                }
            }
        }
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Pattern {
            raw: raw.trim().to_owned(),
            words,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Byte ranges of `text` that match: the matched start of each word
    /// that begins with a pattern word. One pass over `text`; each word is
    /// folded once and compared with every pattern word.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.words.is_empty() {
            return out;
        }
        let mut buf = String::new();
        for span in word_spans(text) {
            let word = &text[span.clone()];
            fold_word_into(word, &mut buf);
            if let Some(p) = self.words.iter().find(|p| buf.starts_with(p.as_str())) {
                out.push(span.start..span.start + folded_prefix_end(word, p.len()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(pattern: &str, text: &'a str) -> Vec<&'a str> {
        Pattern::new(pattern)
            .ranges(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn words_match_whole_or_as_a_prefix_after_folding() {
        assert_eq!(
            marked("ogren sehir", "Öğrenen Şehirler Küresel Ağı"),
            ["Öğren", "Şehir"]
        );
        assert_eq!(marked("BELMEK", "BELMEK'ler belmek"), ["BELMEK", "belmek"]);
    }

    #[test]
    fn a_word_inside_another_word_is_not_a_match() {
        assert_eq!(marked("long", "a lifelong learner, long live"), ["long"]);
        assert!(marked("ogrenen sehir", "şehrimiz öğrenmek").is_empty());
    }

    #[test]
    fn typos_are_not_matches() {
        assert!(marked("ankra", "Ankara").is_empty());
    }

    #[test]
    fn an_empty_pattern_marks_nothing() {
        assert!(Pattern::new(" ,. ").is_empty());
        assert!(marked("", "anything").is_empty());
    }
}
