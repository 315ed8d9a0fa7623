//! Reading comfort in a real pseudo-terminal (issue 11): where you are in
//! a report, the jumps between headings and paragraphs, the outline.
//!
//! At 160×45 the viewer is columns 35–119; row 43 holds the panes' bottom
//! borders, where the viewer says its section, line and percentage.

mod common;

use common::pty::{Session, TIMEOUT};
use common::reader::{quit, start_wide, H, W};
use common::screen::{line, must, wide_ready};

const BOTTOM: usize = H as usize - 2;

#[test]
fn the_viewer_says_line_and_section_and_brackets_jump_between_headings() {
    let mut s = start_wide(&[], &[]);
    s.send("l");
    let t = must(s.wait_for(|t| line(t, 1).contains("▶ Viewer"), TIMEOUT));
    assert!(
        line(&t, BOTTOM).contains(" line 1/") && line(&t, BOTTOM).contains(" top "),
        "{}",
        s.describe("line and place in the viewer's frame")
    );
    s.send("]");
    let t = must(s.wait_for(
        |t| line(t, BOTTOM).contains("section: Ankara, UNESCO’nun"),
        TIMEOUT,
    ));
    assert!(
        line(&t, 2).contains("Ankara, UNESCO’nun Öğrenen Şehirler Ağı’na Resmen Katıldı"),
        "{}",
        s.describe("the heading at the top of the viewer")
    );
    s.send("]");
    must(s.wait_for(
        |t| line(t, BOTTOM).contains("section: Kadın Odaklı"),
        TIMEOUT,
    ));
    s.send("[[[");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("no heading above"),
        TIMEOUT,
    ));
    quit(&mut s);
}

#[test]
fn t_opens_the_outline_and_enter_goes_to_the_heading() {
    let mut s = start_wide(&[], &[]);
    s.send("t");
    let t = must(s.wait_for(|t| t.contains("Outline · "), TIMEOUT));
    assert!(t.contains("Kadın Odaklı Öğrenme Modeli Etkili Oldu"));
    s.send("jj\r");
    let t = must(s.wait_for(
        |t| !t.contains("Outline · ") && line(t, 1).contains("▶ Viewer"),
        TIMEOUT,
    ));
    assert!(
        line(&t, BOTTOM).contains("section: "),
        "{}",
        s.describe("the viewer at the third heading")
    );
    quit(&mut s);
}

/// newsboat's `/` in an article: find in this text only; the footer says
/// which `/` a key press means where you are.
#[test]
fn slash_in_the_viewer_finds_in_the_text_and_n_goes_on() {
    let mut s = start_wide(&[], &[]);
    assert!(
        line(&s.screen(), H as usize - 1).contains("/ search"),
        "{}",
        s.describe("in the list, / is the corpus search")
    );
    s.send("l");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("/ find in text"),
        TIMEOUT,
    ));
    s.send("/");
    must(s.wait_for(|t| line(t, 0).starts_with("Find in text:"), TIMEOUT));
    s.send("kadın");
    must(s.wait_for(|t| line(t, 0).starts_with("Find in text: kadın"), TIMEOUT));
    s.send("\r");
    let t = must(s.wait_for(|t| line(t, H as usize - 1).contains("match 1/"), TIMEOUT));
    assert!(
        line(&t, 0).contains("press / to search"),
        "{}",
        s.describe("the find line closed; the corpus search untouched")
    );
    s.send("n");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("match 2/"), TIMEOUT));
    // Matched words in the viewer (columns 35–119) are marked: a background
    // colour, or reverse where there is no colour.
    let marked = (2..BOTTOM as u16).any(|row| {
        s.find_in_row(row, "Kadın").is_some_and(|col| {
            (35..119).contains(&col)
                && (s.cell_bg(row, col + 1) != vt100::Color::Default
                    || s.cell_reversed(row, col + 1))
        })
    });
    assert!(marked, "{}", s.describe("a match marked in the viewer"));
    quit(&mut s);
}

/// `y` puts the selected thing on the clipboard with OSC 52: the bytes the
/// terminal receives are a well-formed sequence with the base64 of the
/// text; under TERM=dumb none is sent.
#[test]
fn y_sends_the_selection_to_the_clipboard_with_osc_52() {
    let mut s = start_wide(&[], &[]);
    s.send("y");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("copied the report id ankara-belmek-2025"),
        TIMEOUT,
    ));
    let b = s.bytes_written();
    // base64("ankara-belmek-2025")
    let want = b"\x1b]52;c;YW5rYXJhLWJlbG1lay0yMDI1\x1b\\";
    assert!(
        b.windows(want.len()).any(|w| w == want),
        "no OSC 52 with the id: {:?}",
        String::from_utf8_lossy(&b)
    );
    quit(&mut s);

    let mut s = Session::spawn(&[], W, H, &[("TERM", "dumb")]);
    must(s.wait_for(wide_ready, TIMEOUT));
    s.send("y");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("cannot take a clipboard write"),
        TIMEOUT,
    ));
    assert!(!s.bytes_written().windows(4).any(|w| w == b"\x1b]52"));
    quit(&mut s);
}
