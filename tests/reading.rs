//! Reading comfort in a real pseudo-terminal (issue 11): where you are in
//! a report, the jumps between headings and paragraphs, the outline.
//!
//! At 160×45 the viewer is columns 35–119; row 43 holds the panes' bottom
//! borders, where the viewer says its section, line and percentage.

mod common;

use common::pty::{Session, QUIET, TIMEOUT};
use common::screen::{line, must, wide_ready};

const W: u16 = 160;
const H: u16 = 45;
const BOTTOM: usize = H as usize - 2;

fn start() -> Session {
    let s = Session::spawn(&[], W, H, &[]);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    s
}

fn quit(s: &mut Session) {
    s.send("q");
    let status = s.wait_exit(TIMEOUT).expect("q quits");
    assert!(status.success(), "{status:?}");
}

#[test]
fn the_viewer_says_line_and_section_and_brackets_jump_between_headings() {
    let mut s = start();
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
    let mut s = start();
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
