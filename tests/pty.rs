//! End-to-end tests: the reader in a real pseudo-terminal, read back through
//! a vt100 emulator (see `common/pty.rs`). Each test has its own pty and
//! process, so they run in parallel.
//!
//! At 160×45 the wide layout puts the city list in columns 0–34, the viewer
//! in 35–119 and the statistics in 120–159; row 0 is the search line, row 1
//! the panes' titles, row 43 their bottom borders and row 44 the status line.

mod common;

use common::screen::{line, must, wide_ready};

use common::pty::{colour_sgrs, Emulator, Session, QUIET, TIMEOUT};
use learncity::tui::backend::{FRAME_BEGIN, FRAME_END};

const W: u16 = 160;
const H: u16 = 45;
/// The row of the panes' bottom borders (the viewer's position indicator).
const BOTTOM: usize = H as usize - 2;

/// The reader at 160×45 in colour, its first screen drawn.
fn start() -> Session {
    let s = Session::spawn(&[], W, H, &[]);
    must(s.wait_for(wide_ready, TIMEOUT));
    s
}

/// The text of list row `i` of the city pane at 160 columns (inside its
/// borders), trimmed.
fn list_row(s: &Session, i: u16) -> String {
    s.row(2 + i)
        .chars()
        .skip(1)
        .take(33)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// "Cities · 4 hits" in the list's title → 4 (None while browsing).
fn hit_count(titles: &str) -> Option<usize> {
    let rest = &titles[titles.find("Cities · ")? + "Cities · ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Types `/query`, waits for the results, and returns the hit count (the
/// same in the list's title and the search line) and the first row.
fn search(s: &mut Session, query: &str) -> (usize, String) {
    s.send("/");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    s.send(query);
    let prompt = format!("Search: {query}");
    let t = must(s.wait_for(
        |t| line(t, 0).starts_with(&prompt) && hit_count(line(t, 1)).is_some(),
        TIMEOUT,
    ));
    let n = hit_count(line(&t, 1)).unwrap();
    must(s.wait_stable(QUIET, TIMEOUT));
    let unit = if n == 1 { "hit" } else { "hits" };
    assert!(
        s.row(0).trim_end().ends_with(&format!(" {n}\u{a0}{unit}")),
        "{}",
        s.describe(&format!("the search line should say {n} {unit}"))
    );
    (n, list_row(s, 0))
}

/// Esc in the search line: the filter is gone, the browse list is back.
fn clear_search(s: &mut Session) {
    s.send("\x1b");
    must(s.wait_for(
        |t| {
            line(t, 0).contains("press / to search")
                && line(t, 1).contains("Cities · by name")
                && hit_count(line(t, 1)).is_none()
        },
        TIMEOUT,
    ));
}

/// Where the output's last cursor move (`ESC [ row ; col H`, which starts
/// every run of cells a frame draws) begins.
fn last_cursor_move(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).rev().find(|&i| {
        if !bytes[i..].starts_with(b"\x1b[") {
            return false;
        }
        let rest = &bytes[i + 2..];
        let params = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        params > 0 && rest.get(params) == Some(&b'H')
    })
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn starts_on_the_alternate_screen_and_q_restores_the_main_screen() {
    let mut s = start();
    assert!(
        s.alternate_screen(),
        "{}",
        s.describe("not on the alternate screen")
    );
    let titles = s.row(1);
    let at = |name: &str| titles.find(name).unwrap_or(usize::MAX);
    assert!(
        at("Cities") < at("Viewer") && at("Viewer") < at("Statistics"),
        "{}",
        s.describe("three panes, left to right: Cities, Viewer, Statistics")
    );
    let status = s.last_row();
    for hint in ["Tab panes", "/ search", "? help", "q quit"] {
        assert!(
            status.contains(hint),
            "{}",
            s.describe(&format!("status line lacks {hint:?}"))
        );
    }
    // Raw mode while it runs (so the check after it quits means something).
    let stty = s.tty_settings().expect("stty");
    assert!(
        stty.split_whitespace().any(|w| w == "-icanon"),
        "not in raw mode: {stty}"
    );

    s.send("q");
    let status = s
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("{}", s.describe("q did not quit")));
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(status.exit_code(), 0);

    // The emulator is back on the main screen, with the cursor shown, and
    // nothing of the reader was drawn there.
    assert!(
        !s.alternate_screen(),
        "{}",
        s.describe("still on the alternate screen")
    );
    assert!(
        !s.cursor_hidden(),
        "{}",
        s.describe("the cursor stayed hidden")
    );
    assert!(
        !s.screen().contains("Cities"),
        "{}",
        s.describe("the reader drew on the main screen")
    );
    // In the bytes: after the last draw, the program leaves the alternate
    // screen and shows the cursor.
    let bytes = s.bytes_written();
    let last_draw = last_cursor_move(&bytes).expect("the program never drew");
    let leave = rfind(&bytes, b"\x1b[?1049l");
    let show = rfind(&bytes, b"\x1b[?25h");
    let tail = String::from_utf8_lossy(&bytes[last_draw..]);
    assert!(
        leave.is_some_and(|i| i > last_draw),
        "no ESC[?1049l after the last draw; output from the last draw on: {tail:?}"
    );
    assert!(
        show.is_some_and(|i| i > last_draw),
        "no ESC[?25h after the last draw; output from the last draw on: {tail:?}"
    );
    // And the line discipline is out of raw mode again.
    let stty = s.tty_settings().expect("stty");
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the terminal is left in raw mode: {stty}"
    );
}

#[test]
fn search_folds_case_and_turkish_letters_and_esc_clears() {
    let mut s = start();
    let (n, first) = search(&mut s, "balikesir");
    assert!(n >= 1);
    assert!(
        first.starts_with("▸ Balıkesir"),
        "{}",
        s.describe("the city Balıkesir, with a report to open, should be the first result")
    );
    // The matched word is marked in the list; the rest of the row is not.
    let (r, c) = s
        .find_text("Balıkesir UNESCO")
        .unwrap_or_else(|| panic!("{}", s.describe("the Balıkesir report is not listed")));
    assert!(r > 1 && c < 35);
    assert_ne!(
        s.cell_bg(r, c),
        vt100::Color::Default,
        "{}",
        s.describe("the match in a result's title is not marked")
    );
    let unesco = c + "Balıkesir ".chars().count() as u16;
    assert_eq!(s.cell_bg(r, unesco), vt100::Color::Default);
    clear_search(&mut s);

    for query in ["balıkesır", "BALIKESIR"] {
        let got = search(&mut s, query);
        assert_eq!(
            got,
            (n, first.clone()),
            "{query:?} found other results than \"balikesir\"\n{}",
            s.describe("")
        );
        clear_search(&mut s);
    }
    assert!(s.is_running());
}

#[test]
fn q_in_the_search_line_is_a_letter() {
    let mut s = start();
    s.send("/");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    s.send("q");
    must(s.wait_for(|t| line(t, 0).starts_with("Search: q"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(s.is_running(), "q in the search line quit the reader");
    assert!(s.alternate_screen());
    // Ctrl-C still quits from the search line, cleanly.
    s.send("\x03");
    let status = s
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("{}", s.describe("Ctrl-C did not quit")));
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert!(!s.alternate_screen());
}

#[test]
fn kadin_finds_the_ankara_report() {
    let mut s = start();
    let (n, first) = search(&mut s, "kadin");
    assert!(n >= 1);
    assert!(
        first.starts_with("▤ ● BELMEK başarısı"),
        "{}",
        s.describe("the Ankara report (BELMEK…) should be the first result")
    );
    // The viewer shows it.
    assert!(
        s.row(2).contains("BELMEK başarısı taçlandı"),
        "{}",
        s.describe("viewer")
    );
}

#[test]
fn open_a_report_and_scroll_it() {
    let mut s = start();
    // To the top of the list and its first city; then back down to the
    // Ankara report, under its city.
    s.send("g");
    must(s.wait_for(
        |t| line(t, 1).contains("Viewer · city") && line(t, 2).contains("Abuja"),
        TIMEOUT,
    ));
    s.send(&"j".repeat(19));
    must(s.wait_for(
        |t| line(t, 1).contains("Viewer · city") && line(t, 2).contains("│Ankara "),
        TIMEOUT,
    ));
    s.send("j");
    must(s.wait_for(|t| line(t, 1).contains("Viewer · report"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        list_row(&s, 20).starts_with("└ ● BELMEK"),
        "{}",
        s.describe("list")
    );
    assert!(
        s.cell_reversed(22, 4) && !s.cell_reversed(21, 4),
        "{}",
        s.describe("the selected report should be the reversed row")
    );

    s.send("\t");
    must(s.wait_for(
        |t| line(t, 1).contains("▶ Viewer · report") && line(t, BOTTOM).contains(" top "),
        TIMEOUT,
    ));
    assert!(line(&s.screen(), 2).contains("BELMEK başarısı taçlandı"));

    s.send("G");
    must(s.wait_for(
        |t| line(t, BOTTOM).contains(" end ") && t.contains("Yavaş, şunu söyledi:"),
        TIMEOUT,
    ));
    s.send("g");
    must(s.wait_for(
        |t| line(t, BOTTOM).contains(" top ") && !t.contains("Yavaş, şunu söyledi:"),
        TIMEOUT,
    ));
    let top_line = s.row(2);

    s.send("\x1b[6~"); // PgDn
    let t = must(s.wait_for(|t| !line(t, BOTTOM).contains(" top "), TIMEOUT));
    assert_ne!(line(&t, 2), top_line, "PgDn did not move the text");
}

#[test]
fn a_figure_jumps_to_the_sentence_that_states_it() {
    let mut s = start();
    s.send("\t\t");
    must(s.wait_for(|t| line(t, 1).contains("▶ Statistics"), TIMEOUT));
    s.send("j");
    must(s.wait_until(
        "the 2 100 women figure is the selected (reversed) row",
        |s| {
            s.find_text("100\u{a0}women")
                .is_some_and(|(r, c)| s.cell_reversed(r, c))
        },
        TIMEOUT,
    ));
    let (r, c) = s.find_text("756\u{a0}women").expect("first figure listed");
    assert!(
        !s.cell_reversed(r, c),
        "{}",
        s.describe("two figures selected")
    );

    s.send("\r");
    must(s.wait_for(
        |t| {
            line(t, 1).contains("▶ Viewer · report")
                && t.contains("2 bin 100 kadına")
                && line(t, H as usize - 1).contains("Women earning direct income")
                && line(t, H as usize - 1).contains("is stated here")
        },
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));

    let marked =
        |r: u16, c: u16| s.cell_bg(r, c) != vt100::Color::Default || s.cell_underlined(r, c);
    let (r, c) = s.find_text("2 bin 100 kadına").unwrap();
    assert!((35..120).contains(&c), "the sentence is not in the viewer");
    for i in 0.."2 bin 100 kadına".chars().count() as u16 {
        assert!(
            marked(r, c + i),
            "{}",
            s.describe(&format!(
                "cell ({r}, {}) of the sentence is not marked",
                c + i
            ))
        );
    }
    // The text after the sentence, in the same paragraph, is ordinary.
    let (r, c) = s.find_text("UNESCO, bu modeli").unwrap();
    assert!(
        !marked(r, c),
        "{}",
        s.describe("the mark runs past the sentence")
    );
    let (r, c) = s.find_text("Kursiyerlerin").unwrap();
    assert!(!marked(r, c), "{}", s.describe("ordinary text is marked"));

    // The colour theme is in use here (and the colour check of the NO_COLOR
    // test can see colours).
    assert!(!colour_sgrs(&s.bytes_written()).is_empty());
}

#[test]
fn n_and_shift_n_walk_the_matches() {
    let mut s = start();
    let (n, _) = search(&mut s, "belmek");
    assert!(n >= 1);
    // Enter opens the hit, the report, in the viewer.
    s.send("\r");
    let t = must(s.wait_for(
        |t| {
            line(t, 1).contains("▶ Viewer · report")
                && line(t, H as usize - 1).contains(" matches in this text")
        },
        TIMEOUT,
    ));
    let status = line(&t, H as usize - 1);
    let total: usize = status
        .split_whitespace()
        .rev()
        .nth(4)
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no match count in the status line: {status:?}"));
    assert!(total >= 2, "{status}");

    for (key, want) in [("n", 1), ("n", 2), ("N", 1)] {
        s.send(key);
        let want = format!("match {want}/{total}");
        must(
            s.wait_for(|t| line(t, H as usize - 1).ends_with(&want), TIMEOUT)
                .map_err(|e| format!("after {key}: {e}")),
        );
    }
}

#[test]
fn help_lists_the_keys_and_q_esc_or_question_mark_close_it() {
    let mut s = start();
    for closer in ["q", "\x1b", "?"] {
        s.send("?");
        must(s.wait_for(
            |t| t.contains("╔ Keys ") && t.contains("quit") && t.contains("q closes"),
            TIMEOUT,
        ));
        s.send(closer);
        must(
            s.wait_for(|t| !t.contains(" Keys ") && wide_ready(t), TIMEOUT)
                .map_err(|e| format!("{closer:?} did not close the help: {e}")),
        );
    }
    assert!(s.is_running());
}

/// At medium widths the list and the viewer share the screen.
fn two_panes_at(cols: u16, rows: u16) {
    let s = Session::spawn(&[], cols, rows, &[]);
    let t = must(s.wait_for(
        |t| line(t, 1).contains("Cities · ") && line(t, rows as usize - 1).contains("q quit"),
        TIMEOUT,
    ));
    let titles = line(&t, 1);
    let cities = titles.find("Cities").unwrap();
    let report = titles
        .find(" Viewer")
        .unwrap_or_else(|| panic!("{}", s.describe("no viewer beside the list")));
    assert!(cities < report);
    assert!(!t.contains("Statistics"), "{}", s.describe("a third pane"));
    assert!(
        !t.contains("Tab switches"),
        "{}",
        s.describe("tabs at medium width")
    );
}

#[test]
fn at_100x30_two_panes() {
    two_panes_at(100, 30);
}

#[test]
fn at_80x24_two_panes() {
    two_panes_at(80, 24);
}

/// The narrow layout: a tab bar and the city list alone.
fn narrow_cities(t: &str) -> bool {
    line(t, 1).contains("▶Cities │ Viewer │ Statistics")
        && line(t, 2).contains("Cities · by name")
        && !line(t, 2).contains("Viewer")
        && !line(t, 2).contains("Statistics")
}

#[test]
fn at_40x15_one_pane_with_tabs() {
    let mut s = Session::spawn(&[], 40, 15, &[]);
    must(s.wait_for(narrow_cities, TIMEOUT));
    s.send("\t");
    must(s.wait_for(
        |t| {
            line(t, 1).contains("▶Viewer")
                && line(t, 2).contains("▶ Viewer · report")
                && !t.contains("Cities ·")
        },
        TIMEOUT,
    ));
}

#[test]
fn at_20x6_too_small() {
    let mut s = Session::spawn(&[], 20, 6, &[]);
    must(s.wait_for(|t| t.contains("too small"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(!s.screen().contains("Cities"));
    assert!(s.is_running());
}

#[test]
fn resizing_a_running_reader_follows_the_layout() {
    let mut s = start();
    s.resize(40, 15);
    must(s.wait_for(narrow_cities, TIMEOUT));
    s.resize(W, H);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        s.is_running(),
        "{}",
        s.describe("the reader died while resizing")
    );
    s.send("q");
    let status = s
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("{}", s.describe("q did not quit after resizing")));
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

#[test]
fn no_color_writes_no_colour_but_marks_the_selection() {
    let mut s = Session::spawn(&[], W, H, &[("NO_COLOR", "1")]);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    // The focused list's selection (the first report) is bold and reversed,
    // its neighbours are not; the focused pane's border is bold.
    let (r, c) = s
        .find_text("└ ● BELMEK")
        .expect("the Ankara report is listed");
    assert!(
        s.cell_reversed(r, c) && s.cell_bold(r, c),
        "{}",
        s.describe("the selection is not bold and reversed")
    );
    assert!(!s.cell_reversed(r - 1, c) && !s.cell_reversed(r + 1, c));
    assert!(
        s.cell_bold(1, 0),
        "{}",
        s.describe("the focused border is not bold")
    );

    // Draw every kind of mark: search matches, the current match, a traced
    // sentence, the statistics' selection.
    search(&mut s, "belmek");
    s.send("\r");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("matches in this text"),
        TIMEOUT,
    ));
    s.send("n");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("match 1/"), TIMEOUT));
    // Enter opened the report: the statistics are the next pane.
    s.send("\t");
    must(s.wait_for(|t| line(t, 1).contains("▶ Statistics"), TIMEOUT));
    s.send("j");
    must(s.wait_until(
        "the second figure is selected",
        |s| {
            s.find_text("100\u{a0}women")
                .is_some_and(|(r, c)| s.cell_reversed(r, c))
        },
        TIMEOUT,
    ));
    s.send("\r");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("is stated here"),
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));

    let (r, c) = s.find_text("2 bin 100 kadına").unwrap();
    assert!(
        s.cell_underlined(r, c) || s.cell_reversed(r, c),
        "{}",
        s.describe("the traced sentence is not marked without colour")
    );

    let colours = colour_sgrs(&s.bytes_written());
    assert!(colours.is_empty(), "colour under NO_COLOR: {colours:?}");
    let coloured: Vec<_> = s
        .cells()
        .into_iter()
        .filter(|(_, _, cell)| {
            cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
        })
        .map(|(r, c, cell)| (r, c, cell.contents().to_owned()))
        .take(5)
        .collect();
    assert!(
        coloured.is_empty(),
        "coloured cells under NO_COLOR: {coloured:?}"
    );
}

// Ctrl-Z, signals, hang-up and the other ways out are tested in `safety.rs`.

#[test]
fn narrow_tabbing_back_to_the_list_keeps_its_scroll() {
    let mut s = Session::spawn(&[], 40, 15, &[]);
    let first = must(s.wait_for(narrow_cities, TIMEOUT));
    assert!(first.contains("└ ● BELMEK"), "{first}");
    for tab in ["▶Viewer", "▶Statistics", "▶Cities"] {
        s.send("\t");
        must(s.wait_for(|t| line(t, 1).contains(tab), TIMEOUT));
    }
    must(s.wait_for(narrow_cities, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    // The selected report is on screen: the list has no reason to scroll.
    assert_eq!(
        line(&s.screen(), 3),
        line(&first, 3),
        "{}",
        s.describe(&format!(
            "the list scrolled; before the Tabs it was:\n{first}\nand now"
        ))
    );
}

#[test]
fn the_colour_check_sees_colours() {
    let bytes = b"\x1b[0;1m\x1b[38;5;6mA\x1b[39m\x1b[49m\x1b[7mB\x1b[43mC\x1b[0;97mD\x1b[48:2:1:2:3mE\x1b[?25h\x1b[m";
    assert_eq!(
        colour_sgrs(bytes),
        ["ESC[38;5;6m", "ESC[43m", "ESC[0;97m", "ESC[48:2:1:2:3m"]
    );
}

/// The sessions' emulator shows a frame only once it is whole, even when
/// it and its markers arrive in pieces: a test never reads half a frame.
#[test]
fn the_emulator_shows_whole_frames_only() {
    let mut e = Emulator::new(2, 10);
    let text = |e: &Emulator| e.screen().contents();
    e.feed(b"old");
    assert_eq!(text(&e), "old");
    e.feed(b"\x1b[?2026h\x1b[1;1Hne");
    assert_eq!(text(&e), "old", "half a frame was shown");
    e.feed(b"w\x1b[?20");
    assert_eq!(text(&e), "old", "half a frame was shown");
    e.feed(b"26lafter");
    assert_eq!(text(&e), "newafter");
    // Other private modes are not frame markers.
    e.feed(b"\x1b[?2004h\x1b[?25l!");
    assert_eq!(text(&e), "newafter!");
    // What comes before a frame, in the same read, shows while it is drawn.
    e.feed(b"\r\n>\x1b[?2026hpart");
    assert_eq!(text(&e), "newafter!\n>");
}

/// Every frame is sent as one synchronized update (DEC mode 2026), so a
/// terminal that knows the mode never shows a frame half drawn, however
/// slow the link: no cell is drawn outside `ESC[?2026h` … `ESC[?2026l`,
/// nor the cursor moved, not even for the redraw after a stop.
#[test]
fn every_frame_is_one_synchronized_update() {
    let mut s = start();
    s.send("jj/ank");
    must(s.wait_for(|t| hit_count(line(t, 1)) == Some(2), TIMEOUT));
    // Esc alone, waiting for its effect, then q, which in the search line
    // would be a letter.
    assert!(
        s.last_row().contains("Esc cancel"),
        "{}",
        s.describe("searching")
    );
    s.send("\x1b");
    must(s.wait_for(|t| !line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    // Stopped and continued from outside: the whole redraw after it is a
    // frame too, its clear included.
    let before = s.bytes_written().len();
    s.signal("STOP").unwrap();
    s.signal("CONT").unwrap();
    must(s.wait_until(
        "a frame after the continue",
        |s| {
            let b = s.bytes_written();
            b.len() > before && b[before..].windows(FRAME_END.len()).any(|w| w == FRAME_END)
        },
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    s.send("q");
    s.wait_exit(TIMEOUT).expect("q quits");
    let bytes = s.bytes_written();
    let (mut frames, mut in_frame) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(FRAME_BEGIN) {
            assert!(!in_frame, "a frame began inside a frame at byte {i}");
            in_frame = true;
        } else if rest.starts_with(FRAME_END) {
            frames += usize::from(in_frame);
            in_frame = false;
        } else if rest.starts_with(b"\x1b[") && !in_frame {
            let params = rest[2..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b';')
                .count();
            assert!(
                !(params > 0 && rest.get(2 + params) == Some(&b'H')),
                "a cell drawn outside a frame at byte {i}: {:?}",
                String::from_utf8_lossy(&rest[..rest.len().min(80)])
            );
        }
        i += 1;
    }
    assert!(!in_frame, "the last frame was never ended");
    assert!(frames >= 3, "{frames} frames: the first, the search, Esc");
}

// ---- issue 8: what only a real terminal shows ------------------------------

/// Item 17: the reader writes colours only in the 16-colour forms
/// (30–37, 90–97, 40–47, 100–107), never `38;5;N` or RGB.
#[test]
fn the_reader_writes_colours_in_the_16_colour_forms_only() {
    let mut s = start();
    search(&mut s, "belmek");
    s.send("\r");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("matches in this text"),
        TIMEOUT,
    ));
    s.send("n");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("match 1/"), TIMEOUT));
    let colours = colour_sgrs(&s.bytes_written());
    assert!(!colours.is_empty(), "the colour theme is in use");
    for sgr in &colours {
        let params = sgr.trim_start_matches("ESC[").trim_end_matches('m');
        for p in params.split(';') {
            let code: u16 = p.parse().unwrap_or(0);
            assert!(
                !matches!(code, 38 | 48 | 58),
                "{sgr}: an extended colour; a 16-colour terminal misreads it"
            );
        }
    }
}

/// Item 17: `TERM=dumb` means no colour at all, as `NO_COLOR` does.
#[test]
fn term_dumb_gets_no_colour() {
    let mut s = Session::spawn(&[], W, H, &[("TERM", "dumb")]);
    must(s.wait_for(wide_ready, TIMEOUT));
    search(&mut s, "belmek");
    must(s.wait_stable(QUIET, TIMEOUT));
    let colours = colour_sgrs(&s.bytes_written());
    assert!(colours.is_empty(), "colour under TERM=dumb: {colours:?}");
}

/// Item 17: the CLI on a terminal marks matches with bold and underline,
/// and uses no colour at all.
#[test]
fn the_cli_on_a_terminal_uses_attributes_not_colours() {
    let s = Session::spawn(&["--no-pager", "search", "balikesir"], 100, 40, &[]);
    must(s.wait_until("the command ends", |s| s.closed(), TIMEOUT));
    let bytes = s.bytes_written();
    assert!(colour_sgrs(&bytes).is_empty(), "{:?}", colour_sgrs(&bytes));
    let (r, c) = s.find_text("Balıkesir").expect("a hit");
    assert!(
        s.cell_bold(r, c) && s.cell_underlined(r, c),
        "{}",
        s.describe("match")
    );
}

/// Item 18: `show` of a report longer than the screen goes through $PAGER
/// on a terminal; `--no-pager` prints it directly; a short one is printed.
#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    let pager = [("PAGER", "sed s/^/PAGED:/")];
    let paged = Session::spawn(&["show", "ankara-belmek-2025"], 80, 24, &pager);
    must(paged.wait_until("the command ends", |s| s.closed(), TIMEOUT));
    assert!(
        paged.screen().contains("PAGED:"),
        "{}",
        paged.describe("not paged")
    );

    let direct = Session::spawn(
        &["--no-pager", "show", "ankara-belmek-2025"],
        80,
        24,
        &pager,
    );
    must(direct.wait_until("the command ends", |s| s.closed(), TIMEOUT));
    let t = direct.screen();
    assert!(
        !t.contains("PAGED:") && t.contains("Year the UNESCO"),
        "{}",
        direct.describe("")
    );

    let short = Session::spawn(&["show", "konya"], 80, 24, &pager);
    must(short.wait_until("the command ends", |s| s.closed(), TIMEOUT));
    assert!(
        !short.screen().contains("PAGED:"),
        "{}",
        short.describe("a short text was paged")
    );
}

/// Item 13: bracketed paste is on while the reader runs; a paste in the
/// search line is text (its first line), never keys: `Balıkesir⏎qj` does
/// not quit.
#[test]
fn a_paste_is_text_in_the_search_line_and_never_keys() {
    let mut s = start();
    assert!(
        s.bytes_written().windows(8).any(|w| w == b"\x1b[?2004h"),
        "bracketed paste is not enabled"
    );
    s.send("/");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    s.send("\x1b[200~Balıkesir\rqj\x1b[201~");
    must(s.wait_for(|t| line(t, 0).starts_with("Search: Balıkesir"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(s.is_running(), "the pasted q quit the reader");
    assert!(line(&s.screen(), 0).trim_end().ends_with("hits") || s.row(0).contains("hit"));
    // Outside the search line a paste does nothing.
    s.send("\x1b");
    must(s.wait_for(|t| line(t, 0).contains("press / to search"), TIMEOUT));
    s.send("\x1b[200~qqq\x1b[201~");
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(s.is_running(), "a paste outside the search line quit");
    s.send("q");
    let status = s.wait_exit(TIMEOUT).expect("q quits");
    assert_eq!(status.exit_code(), 0);
    assert!(
        s.bytes_written().windows(8).any(|w| w == b"\x1b[?2004l"),
        "bracketed paste is not switched off on the way out"
    );
}

/// Item 12: a terminal that claims 65535×65535 does not make the reader
/// allocate for it: it draws (clamped), answers q, and restores the
/// terminal.
#[test]
fn an_absurd_window_size_is_drawn_clamped_and_q_still_quits() {
    let mut s = start();
    let before = s.output_len();
    s.claim_size(65535, 65535);
    must(s.wait_until(
        "a redraw after the resize",
        |s| s.output_len() > before,
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    let rss = std::fs::read_to_string(format!("/proc/{}/status", s.pid().unwrap()))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().to_owned()))
        .unwrap_or_default();
    let kb: u64 = rss
        .split_whitespace()
        .next()
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    assert!(kb < 1_000_000, "the reader uses {rss} at 65535x65535");
    s.send("q");
    let status = s
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("{}", s.describe("q did not quit")));
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert!(!s.alternate_screen());
}

/// Issue 10: checking a region in the facet picker (`f`, Space, Esc)
/// narrows the list and the statistics describe the filtered set.
#[test]
fn filtering_by_region_changes_the_list_and_the_statistics() {
    let mut s = start();
    assert!(
        s.row(1).contains("/320 "),
        "{}",
        s.describe("the list shows its position among all 320 cities")
    );
    s.send("f");
    must(s.wait_for(|t| t.contains("[ ] Africa"), TIMEOUT));
    s.send(" ");
    must(s.wait_for(|t| t.contains("[x] Africa"), TIMEOUT));
    s.send("\x1b");
    let t = must(s.wait_for(
        |t| line(t, 1).contains("/36 ") && !t.contains("[x] Africa"),
        TIMEOUT,
    ));
    assert!(
        line(&t, 0).contains("36 of 320\u{a0}cities"),
        "{}",
        s.describe("the search line counts the filtered cities")
    );
    // Every row of the list is an African member city.
    let rows: Vec<String> = (0..5).map(|i| list_row(&s, i)).collect();
    assert!(
        rows[0].contains("Abuja"),
        "{}",
        s.describe("Abuja leads the African cities")
    );
    assert!(
        !rows.iter().any(|r| r.starts_with("Afyonkarahisar")),
        "{}",
        s.describe("a Turkish city is left out")
    );
    // The statistics: scroll the pane to its network section.
    s.send("ll");
    must(s.wait_for(|t| line(t, 1).contains("▶ Statistics"), TIMEOUT));
    let mut found = false;
    for _ in 0..15 {
        if s.screen().contains("Filtered: 36 of 320") {
            found = true;
            break;
        }
        s.send("\x1b[6~"); // PgDn
        must(s.wait_stable(QUIET, TIMEOUT));
    }
    assert!(
        found,
        "{}",
        s.describe("the statistics say the set is filtered")
    );
    let t = must(s.wait_for(|t| t.contains("Cities by region (filtered)"), TIMEOUT));
    assert!(
        !t.contains("Europe and Nor"),
        "{}",
        s.describe("the region bars describe the filtered set only")
    );
}

// ---- issue 13: the reader in Turkish ---------------------------------------

/// The first screen of the wide layout in Turkish.
fn turkish_ready(t: &str) -> bool {
    let titles = line(t, 1);
    titles.contains("Şehirler · ")
        && titles.contains(" Ayrıntı · rapor")
        && titles.contains(" İstatistikler ")
        && t.lines().last().is_some_and(|l| l.contains("q çık"))
}

/// A Turkish locale (`LANG=tr_TR.UTF-8`) gets the reader in Turkish: pane
/// titles, the search line, the key hints, the report's Turkish text before
/// its English summary, and numbers the Turkish way.
#[test]
fn a_turkish_locale_gets_the_reader_in_turkish() {
    let mut cmd = common::pty::learncity_command(&[]);
    cmd.env("LANG", "tr_TR.UTF-8");
    let s = Session::spawn_command(cmd, W, H);
    must(s.wait_for(turkish_ready, TIMEOUT));
    let t = must(s.wait_stable(QUIET, TIMEOUT));
    assert!(line(&t, 0).starts_with("Ara: aramak için /"), "{t}");
    assert!(t.contains("Önce metin, özet sonda"), "{t}");
    assert!(t.contains("36.756"), "{t}");
    assert!(!t.contains("Cities ·") && !t.contains("Statistics"), "{t}");
    assert!(line(&t, H as usize - 1).contains("? yardım"), "{t}");
}

/// `--lang tr` beats an English locale (the tests' `LANG=C.UTF-8`); `L`
/// puts the English summary first, and the help is in Turkish too.
#[test]
fn lang_tr_on_the_command_line_gets_the_reader_in_turkish() {
    let mut s = Session::spawn(&["--lang", "tr"], W, H, &[]);
    must(s.wait_for(turkish_ready, TIMEOUT));
    s.send("L");
    must(s.wait_for(|t| t.contains("Önce özet, sonra metin"), TIMEOUT));
    s.send("?");
    // The help's frame and its words (the screen may be caught half drawn:
    // wait for all of it).
    must(s.wait_for(
        |t| {
            t.contains(" Tuşlar ") && t.contains("Her panelde") && t.contains("önce İngilizce özet")
        },
        TIMEOUT,
    ));
}
