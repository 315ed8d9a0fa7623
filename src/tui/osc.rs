//! Operating-system commands the reader writes to the terminal on purpose:
//! OSC 52 (put text on the clipboard, which works through SSH and, with
//! `set-clipboard on`, through tmux). Corpus text never reaches the
//! terminal raw: the payload is base64, so nothing in it can end the
//! sequence early.

/// The most text one copy puts on the clipboard. Terminals refuse larger
/// OSC 52 writes (xterm's default limit is about 100 kB of base64), and a
/// clipboard write should not stall a slow SSH link.
pub const MAX_COPY: usize = 75_000;

/// Whether the terminal named by `TERM` takes OSC sequences. The Linux
/// console, `dumb` and the old DEC terminals show them as garbage or
/// nothing; the rest ignore what they do not know.
pub fn terminal_takes_osc(term: Option<&str>) -> bool {
    !matches!(
        term.map(|t| t.split('-').next().unwrap_or(t)),
        Some("dumb" | "linux" | "vt100" | "vt102" | "vt220" | "cons25")
    )
}

/// `text` cut to [`MAX_COPY`] bytes at a character boundary; true if cut.
pub fn capped(text: &str) -> (&str, bool) {
    if text.len() <= MAX_COPY {
        return (text, false);
    }
    let mut end = MAX_COPY;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// The OSC 52 sequence that puts `text` on the clipboard ("c").
pub fn clipboard(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.extend_from_slice(b"\x1b\\");
    out
}

/// Standard base64 with padding (RFC 4648, section 4).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_gives_it() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain:?}");
        }
        assert_eq!(base64("ı".as_bytes()), "xLE=");
    }

    #[test]
    fn the_clipboard_sequence_carries_only_base64() {
        let seq = clipboard("a\x1b]0;evil\x07\x1b\\b");
        assert!(seq.starts_with(b"\x1b]52;c;") && seq.ends_with(b"\x1b\\"));
        let body = &seq[7..seq.len() - 2];
        assert!(body
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b)));
    }

    #[test]
    fn long_text_is_cut_at_a_character() {
        let text = "ş".repeat(MAX_COPY);
        let (cut, was) = capped(&text);
        assert!(was && cut.len() <= MAX_COPY && cut.len() >= MAX_COPY - 1);
        assert_eq!(capped("kısa"), ("kısa", false));
    }

    #[test]
    fn dumb_linux_and_dec_terminals_get_no_osc() {
        for t in ["dumb", "linux", "vt100", "vt220"] {
            assert!(!terminal_takes_osc(Some(t)), "{t}");
        }
        for t in ["xterm-256color", "screen", "tmux-256color", "foot"] {
            assert!(terminal_takes_osc(Some(t)), "{t}");
        }
        assert!(terminal_takes_osc(None));
    }
}
