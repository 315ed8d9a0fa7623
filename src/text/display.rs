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
//!
//! Two more kinds are sent as characters every terminal measures alike:
//! a regional indicator (a flag is a pair of them, 🇹🇷) is one column, two,
//! or half of a two-column flag depending on the terminal, so each is sent
//! as its capital letter ("TR"); Thai and Lao SARA AM (ำ, ຳ) is a spacing
//! vowel that some terminals (tmux) count as a combining mark, so it is
//! sent as its two parts, NIKHAHIT and SARA AA (its compatibility
//! decomposition), which every terminal counts as zero and one.

use std::borrow::Cow;

/// Joiners, variation selectors and skin-tone modifiers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}'
    )
}

/// Whether `c` is sent as something else, or not at all.
fn is_replaced(c: char) -> bool {
    is_invisible(c) || matches!(c, '\u{1f1e6}'..='\u{1f1ff}' | '\u{e33}' | '\u{eb3}')
}

/// `s` as it is sent: without the characters terminals disagree on, and
/// with the ones they measure differently replaced (see above).
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(is_replaced) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if is_invisible(c) => {}
            '\u{1f1e6}'..='\u{1f1ff}' => {
                out.push(char::from(b'A' + (c as u32 - 0x1f1e6) as u8));
            }
            '\u{e33}' => out.push_str("\u{e4d}\u{e32}"),
            '\u{eb3}' => out.push_str("\u{ecd}\u{eb2}"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
    fn flags_are_sent_as_letters_and_sara_am_as_its_parts() {
        assert_eq!(for_terminal("🇹🇷 ve 🇯🇵"), "TR ve JP");
        assert_eq!(for_terminal("กำลัง"), "ก\u{e4d}\u{e32}ลัง");
        assert_eq!(for_terminal("ຄຳ"), "ຄ\u{ecd}\u{eb2}");
    }

    #[test]
    fn the_measured_width_is_the_width_of_what_is_shown() {
        for s in [
            "👨\u{200d}👩\u{200d}👧\u{200d}👦",
            "🏳\u{fe0f}\u{200d}🌈",
            "👍🏽 ok",
            "北京",
            "🇹🇷🇯🇵🇺🇸 bayraklar",
            "กำลัง น้ำ",
            "ຄຳ",
        ] {
            let shown = for_terminal(s);
            let by_grapheme: usize = unicode_width::UnicodeWidthStr::width(shown.as_ref());
            assert_eq!(str_width(s), by_grapheme, "{s}");
        }
    }
}
