//! Cleaning text from a corpus so that nothing in it can drive the terminal.
//!
//! Run once, when a corpus is loaded: every later consumer (CLI, TUI, JSON
//! output) can then print the text as it is. Whole escape sequences are
//! dropped, not just their ESC, so a title-change `ESC ] 2 ; … BEL` does not
//! leave `]2;…` behind on screen.

/// Removes terminal control sequences and control characters from a block of
/// text. Newlines are kept (`\r\n` and `\r` become `\n`), tabs become spaces.
pub fn sanitize_text(s: &str) -> String {
    clean(s, false)
}

/// As [`sanitize_text`], for one-line fields (names, titles, labels): line
/// breaks and tabs become single spaces and the ends are trimmed.
pub fn sanitize_line(s: &str) -> String {
    let cleaned = clean(s, true);
    let mut out = String::with_capacity(cleaned.len());
    for part in cleaned.split(' ').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// As [`sanitize_text`], reusing `s` when it is already clean (the usual
/// case: the loader then copies no text).
pub fn sanitize_text_owned(s: String) -> String {
    if is_clean(&s) {
        s
    } else {
        sanitize_text(&s)
    }
}

/// As [`sanitize_line`], reusing `s` when it is already clean.
pub fn sanitize_line_owned(s: String) -> String {
    let tidy = !s.contains('\n') && !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ");
    if tidy && is_clean(&s) {
        s
    } else {
        sanitize_line(&s)
    }
}

/// `s` with control and bidirectional characters, line breaks and tabs
/// shown as escapes (`\u{1b}`, `\n`), for text that must be printed but may
/// not be changed silently, such as a file name in a message: it can then
/// neither drive the terminal, nor reorder its line, nor forge another one.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_control(c)
                || is_bidi_control(c)
                || is_mark_or_separator(c)
                || c == '\t'
                || c == '\n'
            {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// As [`printable`], keeping line breaks: for a whole message of several
/// lines whose user-given parts were escaped with [`printable`] first.
pub fn printable_lines(s: &str) -> String {
    s.split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

/// True when `s` needs no cleaning: the common case, checked on bytes
/// without decoding or allocating. C1 controls are U+0080–U+009F (UTF-8
/// `C2 80`–`C2 9F`); the bidi controls U+202A–U+202E and U+2066–U+2069 are
/// `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
pub fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {}
            0..=0x1f | 0x7f => return false,
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => return false,
            0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => return false,
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    true
}

fn is_control(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n') || (0x7f..=0x9f).contains(&u)
}

/// Bidirectional embeddings, overrides and isolates can reorder what is
/// shown on a line (the "Trojan Source" trick); they are removed.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Bidi marks (LRM, RLM, ALM) and the line and paragraph separators: at
/// home in a corpus's Arabic or Hebrew text, where they are kept, but in a
/// name echoed by a message they reorder or split it unseen, so
/// [`printable`] shows them as escapes.
fn is_mark_or_separator(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{2028}' | '\u{2029}'
    )
}

fn clean(s: &str, one_line: bool) -> String {
    if is_clean(s) && !(one_line && s.contains('\n')) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push(if one_line { ' ' } else { '\n' }),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push(if one_line { ' ' } else { '\n' });
                }
            }
            '\t' => out.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            // C1 forms of CSI, OSC, DCS, SOS, PM and APC introduce sequences too.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_control(c) || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF sequences (ESC ( B, ESC # 8): intermediate bytes, then a final one.
        Some(' '..='/') => {
            while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
            chars.next_if(|c| !c.is_control());
        }
        // Two-character sequences (ESC c, ESC 7, ...); a lone ESC before a
        // line break or the end just disappears.
        Some(c) if !c.is_control() => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// OSC, DCS and friends run until BEL, ST (`ESC \` or U+009C) or a line break.
fn skip_string(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_returned_unchanged() {
        let s = "Balıkesir “Öğrenen Şehir”\nikinci satır";
        assert!(is_clean(s));
        assert_eq!(sanitize_text(s), s);
    }

    #[test]
    fn osc_title_change_is_removed_whole() {
        assert_eq!(sanitize_line("a\u{1b}]2;pwned\u{7}b"), "ab");
        assert_eq!(sanitize_line("a\u{1b}]52;c;Y2xpcA==\u{1b}\\b"), "ab");
        assert_eq!(sanitize_line("a\u{9d}0;x\u{9c}b"), "ab");
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize_line("x\u{1b}[2J\u{1b}[1;31mred\u{1b}[0m"), "xred");
        assert_eq!(sanitize_line("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize_line("x\u{1b}cy"), "xy");
        assert_eq!(sanitize_line("trailing\u{1b}"), "trailing");
        assert_eq!(sanitize_line("a\u{1b}(Bb\u{1b}#8c"), "abc");
        assert_eq!(sanitize_text("a\u{1b}]0;x\r\nb"), "a\nb");
    }

    #[test]
    fn c0_c1_del_and_bidi_controls_are_removed() {
        assert_eq!(
            sanitize_line("a\u{0}b\u{7}c\u{7f}d\u{85}e\u{202e}f\u{2066}g"),
            "abcdefg"
        );
    }

    #[test]
    fn line_breaks_and_tabs() {
        assert_eq!(sanitize_text("a\r\nb\rc\td"), "a\nb\nc d");
        assert_eq!(sanitize_line("  a\n\n b\t c  "), "a b c");
    }

    #[test]
    fn the_byte_check_agrees_with_the_char_rules() {
        for c in [
            '\u{0}', '\t', '\r', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}', '\u{202a}', '\u{202e}',
            '\u{2066}', '\u{2069}',
        ] {
            assert!(!is_clean(&format!("a{c}b")), "{c:?}");
        }
        for c in [
            '\n', ' ', '\u{a0}', '’', '“', '\u{2029}', '\u{202f}', '\u{2065}', 'ş', '北', '🎓',
        ] {
            assert!(is_clean(&format!("a{c}b")), "{c:?}");
        }
    }

    #[test]
    fn printable_names_show_their_escapes() {
        assert_eq!(
            printable("evil\u{1b}]2;x\u{7}.json"),
            "evil\\u{1b}]2;x\\u{7}.json"
        );
        assert_eq!(printable("Öğrenen şehir.json"), "Öğrenen şehir.json");
        assert_eq!(
            printable("a\u{200f}b\u{61c}c\u{2028}d\u{2029}e\u{200e}.json"),
            "a\\u{200f}b\\u{61c}c\\u{2028}d\\u{2029}e\\u{200e}.json"
        );
    }

    #[test]
    fn owned_forms_agree() {
        for s in [
            "plain",
            " two  spaces ",
            "a\nb",
            "x\u{1b}[2Jy",
            "tab\there",
            "",
        ] {
            assert_eq!(sanitize_text_owned(s.to_owned()), sanitize_text(s), "{s:?}");
            assert_eq!(sanitize_line_owned(s.to_owned()), sanitize_line(s), "{s:?}");
        }
    }

    #[test]
    fn unicode_text_is_kept() {
        assert_eq!(
            sanitize_line("北京 서울 القاهرة 🎓"),
            "北京 서울 القاهرة 🎓"
        );
    }
}
