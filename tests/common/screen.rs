//! Reading the screen text the pty tests wait on.

/// Unwraps a wait, failing with its message (which holds the screen) as is.
#[track_caller]
pub fn must(r: Result<String, String>) -> String {
    match r {
        Ok(screen) => screen,
        Err(e) => panic!("{e}"),
    }
}

/// Line `n` of a screen text, or "" past its end.
pub fn line(screen: &str, n: usize) -> &str {
    screen.lines().nth(n).unwrap_or("")
}

/// The full first screen of the wide layout at any height: three panes and
/// the status line (drawn last, so the frame is complete).
pub fn wide_ready(t: &str) -> bool {
    let titles = line(t, 1);
    // "by name" gives way to the position in a narrow list.
    titles.contains("Cities · ")
        && titles.contains(" Viewer")
        && titles.contains(" Statistics ")
        && t.lines().last().is_some_and(|l| l.contains("q quit"))
}
