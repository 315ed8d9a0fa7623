//! Text as it is sent to a terminal: the same width everywhere.
//!
//! Terminals disagree about emoji sequences: a family (👨‍👩‍👧‍👦, joined by
//! U+200D) is one glyph of two columns in some and four glyphs of two in
//! others (tmux, GNU screen, older xterm and VTE); a variation selector
//! (U+FE0F) makes a symbol one column or two depending on the terminal; a
//! skin tone adds two columns or none. When the program and the terminal
//! count differently, lines come out short and borders move. So these
//! characters are not sent: a sequence is shown as its parts, whose widths
//! every terminal agrees on, and the program measures text the same way
//! (`wrap::char_width` counts them as zero).

use std::borrow::Cow;

/// Joiners, variation selectors and skin-tone modifiers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}'
    )
}

/// `s` without the characters terminals disagree on.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(is_invisible) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wrap::str_width;

    #[test]
    fn sequences_are_shown_as_their_parts() {
        assert_eq!(for_terminal("👨\u{200d}👩\u{200d}👧\u{200d}👦"), "👨👩👧👦");
        assert_eq!(for_terminal("🏳\u{fe0f}\u{200d}🌈"), "🏳🌈");
        assert_eq!(for_terminal("👍🏽"), "👍");
        assert!(matches!(for_terminal("Öğrenen Şehir"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_measured_width_is_the_width_of_what_is_shown() {
        for s in [
            "👨\u{200d}👩\u{200d}👧\u{200d}👦",
            "🏳\u{fe0f}\u{200d}🌈",
            "👍🏽 ok",
            "北京",
        ] {
            let shown = for_terminal(s);
            let by_grapheme: usize = unicode_width::UnicodeWidthStr::width(shown.as_ref());
            assert_eq!(str_width(s), by_grapheme, "{s}");
        }
    }
}
