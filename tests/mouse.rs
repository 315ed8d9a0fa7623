//! The mouse and zoom in a real pseudo-terminal (issue 11): which modes the
//! reader asks for, and what SGR mouse reports do to the screen. (That
//! every way out gives the mouse back is checked with the rest of the
//! terminal's modes in `tests/safety.rs`, `assert_restored`.)
//!
//! At 160×45 the city list is columns 0–34, the viewer 35–119 and the
//! statistics 120–159; row 1 holds the titles. SGR reports count from 1.

mod common;

use common::pty::{Session, TIMEOUT};
use common::reader::{find, quit, start_wide, H};
use common::screen::{line, must, wide_ready};

/// A left press and its release at 0-based cell (x, y), as an SGR report.
fn click(x: u16, y: u16) -> String {
    format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 1, y + 1, x + 1, y + 1)
}

/// One notch of the wheel, down (`true`) or up, at 0-based cell (x, y).
fn wheel(x: u16, y: u16, down: bool) -> String {
    format!("\x1b[<{};{};{}M", if down { 65 } else { 64 }, x + 1, y + 1)
}

#[test]
fn presses_and_the_wheel_are_asked_for_and_no_motion() {
    let mut s = start_wide(&[], &[]);
    let b = s.bytes_written();
    assert!(find(&b, b"\x1b[?1000h").is_some(), "no press reports asked");
    assert!(find(&b, b"\x1b[?1006h").is_some(), "no SGR encoding asked");
    for motion in [&b"\x1b[?1002h"[..], b"\x1b[?1003h", b"\x1b[?1015h"] {
        assert!(
            find(&b, motion).is_none(),
            "asked for {:?}",
            String::from_utf8_lossy(motion)
        );
    }
    assert!(s.mouse_reporting());
    quit(&mut s);
    assert!(!s.mouse_reporting());
}

#[test]
fn no_mouse_and_learncity_mouse_0_leave_the_mouse_to_the_terminal() {
    for (args, env) in [
        (&["--no-mouse"][..], &[][..]),
        (&[][..], &[("LEARNCITY_MOUSE", "0")][..]),
    ] {
        let mut s = start_wide(args, env);
        quit(&mut s);
        let b = s.bytes_written();
        assert!(
            find(&b, b"\x1b[?1000").is_none() && find(&b, b"\x1b[?1006").is_none(),
            "{args:?} {env:?}: mouse modes written: {:?}",
            String::from_utf8_lossy(&b)
        );
    }
}

#[test]
fn the_wheel_scrolls_the_viewer_under_it_and_leaves_the_focus() {
    let mut s = start_wide(&[], &[]);
    assert!(line(&s.screen(), H as usize - 2).contains(" top "));
    s.send(&wheel(60, 10, true));
    let t = must(s.wait_for(
        |t| {
            let bottom = line(t, H as usize - 2);
            !bottom.contains(" top ") && bottom.contains('%')
        },
        TIMEOUT,
    ));
    assert!(
        line(&t, 1).contains("▶ Cities"),
        "{}",
        s.describe("the focus stays on the list")
    );
    s.send(&wheel(60, 10, false));
    must(s.wait_for(|t| line(t, H as usize - 2).contains(" top "), TIMEOUT));
    quit(&mut s);
}

#[test]
fn a_click_selects_a_row_and_a_double_click_opens_it() {
    let mut s = start_wide(&[], &[]);
    // The first row of the list (screen row 2): the city Abuja.
    s.send(&click(5, 2));
    must(s.wait_for(
        |t| line(t, 1).contains("Viewer · city") && line(t, 2).contains("Abuja"),
        TIMEOUT,
    ));
    assert!(
        s.cell_reversed(2, 4),
        "{}",
        s.describe("the row is selected")
    );
    // The Ankara report is listed under its city, the 21st row; two
    // presses in that cell open it in the viewer.
    let report = (2..H - 2)
        .find(|&y| s.row(y).contains("└ ● BELMEK"))
        .expect("the report row");
    s.send(&format!("{}{}", click(5, report), click(5, report)));
    must(s.wait_for(|t| line(t, 1).contains("▶ Viewer · report"), TIMEOUT));
    quit(&mut s);
}

#[test]
fn a_click_on_a_tab_switches_to_it() {
    let mut s = Session::spawn(&[], 40, 15, &[]);
    must(s.wait_for(|t| line(t, 1).contains("Statistics"), TIMEOUT));
    // " Cities │ Viewer │ Statistics │" on row 1.
    let col = s.find_in_row(1, "Statistics").expect("the tab");
    s.send(&click(col + 2, 1));
    must(s.wait_for(|t| line(t, 2).contains("▶ Statistics"), TIMEOUT));
    quit(&mut s);
}

#[test]
fn z_shows_the_viewer_alone_without_borders_and_back() {
    let mut s = start_wide(&[], &[]);
    s.send("lz");
    let t = must(s.wait_for(|t| line(t, H as usize - 1).contains("z all panes"), TIMEOUT));
    // Text from the first column: no frame, no list beside it.
    assert!(
        line(&t, 1).starts_with("BELMEK başarısı"),
        "{}",
        s.describe("the zoomed viewer's first line")
    );
    assert!(
        !t.contains('│') && !t.contains('┃'),
        "{}",
        s.describe("no frame in the zoomed viewer")
    );
    s.send("z");
    must(s.wait_for(wide_ready, TIMEOUT));
    quit(&mut s);
}
