//! Word wrapping by display width. Lines are byte ranges into the wrapped
//! text, not copies: a 2 MB article wraps into a few hundred thousand small
//! ranges, and highlights (also byte ranges) map onto lines without searching.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Display width of one char in a terminal (control chars are 0; the loader
/// removed them anyway). Joiners, variation selectors and skin tones are 0:
/// they are not sent to the terminal (see `text::display`).
#[inline]
pub fn char_width(c: char) -> usize {
    if c.is_ascii() {
        return usize::from(c >= ' ' && c != '\u{7f}');
    }
    if super::display::is_invisible(c) {
        return 0;
    }
    c.width().unwrap_or(0)
}

/// Display width of a string: the sum of its chars' widths, which is what
/// the terminal shows once `text::display::for_terminal` has split emoji
/// sequences into their parts.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|&b| b >= b' ' && b != 0x7f).count();
    }
    s.chars().map(char_width).sum()
}

/// Wraps `text` to `width` columns at spaces; a word wider than the line is
/// broken between characters, except a URL, which is never split: it goes
/// on a line of its own, wider than `width` if it must be (a screen cuts it
/// with `…` when drawing; printed output keeps it whole for copying).
/// Line breaks in `text` are kept. Each returned range is one screen line,
/// with the spaces at its ends left out. An empty text gives one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::with_capacity(text.len() / width.max(8) + 1);
    let mut para_start = 0;
    for para in text.split('\n') {
        wrap_paragraph(para, para_start, width, &mut lines);
        para_start += para.len() + 1;
    }
    lines
}

fn wrap_paragraph(para: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    let before = lines.len();
    // The current line: its byte range within `para` and its width so far.
    let mut line: Option<(usize, usize, usize)> = None;
    let mut pending_gap = 0usize;
    let mut word_start: Option<usize> = None;
    let mut word_width = 0usize;

    let mut flush_word =
        |ws: usize, we: usize, ww: usize, gap: usize, line: &mut Option<(usize, usize, usize)>| {
            match *line {
                Some((ls, _, lw)) if lw + gap + ww <= width => {
                    *line = Some((ls, we, lw + gap + ww))
                }
                _ => {
                    if let Some((ls, le, _)) = line.take() {
                        lines.push(base + ls..base + le);
                    }
                    if ww <= width {
                        *line = Some((ws, we, ww));
                    } else if is_url(&para[ws..we]) {
                        lines.push(base + ws..base + we);
                    } else {
                        *line = break_long_word(&para[ws..we], ws, base, width, lines);
                    }
                }
            }
        };

    let bytes = para.as_bytes();
    for (at, c) in para.char_indices() {
        if c == ' ' && word_start.is_some() && glued(bytes, at, para) {
            // "72 cities", "36 bin 756 kadın": a number keeps its unit.
            word_width += 1;
            continue;
        }
        if c == ' ' {
            if let Some(ws) = word_start.take() {
                flush_word(ws, at, word_width, pending_gap, &mut line);
                pending_gap = 0;
                word_width = 0;
            }
            pending_gap += 1;
        } else {
            word_start.get_or_insert(at);
            word_width += char_width(c);
        }
    }
    if let Some(ws) = word_start {
        flush_word(ws, para.len(), word_width, pending_gap, &mut line);
    }
    if let Some((ls, le, _)) = line {
        lines.push(base + ls..base + le);
    }
    if lines.len() == before {
        lines.push(base..base);
    }
}

/// As [`wrap`], with the first line `first` columns wide and the others
/// `rest` (for text after a label, continued under the label's column).
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    let mut lines = wrap(text, first);
    if first == rest || lines.len() < 2 {
        return lines;
    }
    // The rest of the text starts where the first wrap's second line does.
    let at = lines[1].start;
    lines.truncate(1);
    lines.extend(
        wrap(&text[at..], rest)
            .into_iter()
            .map(|r| r.start + at..r.end + at),
    );
    lines
}

/// Whether the space at `at` joins a number to the word after it: the
/// byte before is a digit and the next character a letter.
fn glued(bytes: &[u8], at: usize, para: &str) -> bool {
    at > 0
        && bytes[at - 1].is_ascii_digit()
        && para[at + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
}

/// `text` cut into pieces at most `width` columns wide, anywhere (a web
/// address has no place to break that is better than another). Linear in
/// the text: each piece is measured as it grows.
pub fn cut_anywhere(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(2);
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in text.char_indices() {
        let w = char_width(c);
        if used + w > width && i > start {
            out.push(start..i);
            start = i;
            used = 0;
        }
        used += w;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// A web address: never broken across lines.
pub fn is_url(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://")
}

/// Pushes full-width pieces of an over-long word and returns its last piece
/// as the start of the current line.
fn break_long_word(
    word: &str,
    offset: usize,
    base: usize,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> Option<(usize, usize, usize)> {
    let mut start = 0;
    let mut w = 0;
    for (at, c) in word.char_indices() {
        let cw = char_width(c);
        if w + cw > width && at > start {
            lines.push(base + offset + start..base + offset + at);
            start = at;
            w = 0;
        }
        w += cw;
    }
    Some((offset + start, offset + word.len(), w))
}

/// `s` cut to at most `width` columns, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = str_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_and_padding_use_columns() {
        assert_eq!(truncate("Balıkesir", 20), "Balıkesir");
        assert_eq!(truncate("Balıkesir", 5), "Balı…");
        assert_eq!(truncate("北京北京", 5), "北京…");
        assert_eq!(pad("Çanakkale", 11), "Çanakkale  ");
        assert_eq!(pad("北京", 5), "北京 ");
    }

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrapped("hayat boyu öğrenen şehir olma yolunda", 12),
            ["hayat boyu", "öğrenen", "şehir olma", "yolunda"]
        );
    }

    #[test]
    fn every_line_fits_and_no_text_is_lost() {
        let text = "Balıkesir Büyükşehir Belediyesi’nin, şehirdeki kamu kuruluşlarıyla ortaklaşa";
        for width in 1..40 {
            let lines = wrapped(text, width);
            assert!(lines.iter().all(|l| str_width(l) <= width), "width {width}");
            let joined: String = lines.concat().replace(' ', "");
            assert_eq!(joined, text.replace(' ', ""), "width {width}");
        }
    }

    #[test]
    fn a_url_is_never_split_across_lines() {
        let url = "https://www.haberturk.com/balikesir-haberleri/81196021-balikesir";
        let text = format!("Source: {url} (Habertürk)");
        for width in [10, 30, 60] {
            let lines = wrapped(&text, width);
            assert!(lines.contains(&url), "{lines:?} at {width}");
        }
        assert_eq!(wrapped(&text, 200), [text.as_str()]);
    }

    #[test]
    fn a_hanging_indent_wraps_the_first_line_to_its_own_width() {
        let text = "one two three four five six";
        let lines: Vec<&str> = wrap_hanging(text, 13, 9)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lines, ["one two three", "four five", "six"]);
        let lines: Vec<&str> = wrap_hanging("a\nb c", 10, 3)
            .into_iter()
            .map(|r| &"a\nb c"[r])
            .collect();
        assert_eq!(lines, ["a", "b c"]);
        assert_eq!(
            wrap_hanging("   \nabc", 5, 3).len(),
            2,
            "as many lines as wrap"
        );
    }

    #[test]
    fn a_number_stays_with_the_word_after_it() {
        assert_eq!(
            wrapped("Mirage News: 72 cities join", 16),
            ["Mirage News:", "72 cities join"]
        );
        assert_eq!(wrapped("36 bin 756 kadın", 10), ["36 bin", "756 kadın"]);
        // Only a number and a word: "1 2 3" still breaks anywhere.
        assert_eq!(wrapped("1 2 3", 3), ["1 2", "3"]);
    }

    #[test]
    fn long_words_are_broken() {
        assert_eq!(wrapped("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(wrapped("北京北京 서울", 4), ["北京", "北京", "서울"]);
        assert_eq!(wrapped("北京北京", 3), ["北", "京", "北", "京"]);
    }

    #[test]
    fn line_breaks_and_empty_text() {
        assert_eq!(wrapped("a b\n\nc", 10), ["a b", "", "c"]);
        assert_eq!(wrapped("", 10), [""]);
        assert_eq!(wrapped("   ", 10), [""]);
    }

    #[test]
    fn zero_width_is_treated_as_one() {
        assert_eq!(wrapped("ab", 0), ["a", "b"]);
    }

    #[test]
    fn cut_anywhere_keeps_every_character_within_the_width() {
        for (text, width) in [
            ("https://example.org/a-long-path", 7),
            ("", 5),
            ("北京北京北京", 3),
            ("ab", 1),
        ] {
            let pieces = cut_anywhere(text, width);
            let joined: String = pieces.iter().map(|r| &text[r.clone()]).collect();
            assert_eq!(joined, text);
            for r in &pieces {
                assert!(
                    str_width(&text[r.clone()]) <= width.max(2),
                    "{text:?} {r:?}"
                );
            }
        }
        // A megabyte address: one pass (the popup and the statistics used
        // to measure the growing row again for every character).
        let long = "x".repeat(1 << 20);
        assert_eq!(cut_anywhere(&long, 80).len(), (1 << 20) / 80 + 1);
    }
}
