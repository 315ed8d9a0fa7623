//! `o` with a display: the user's $BROWSER, run detached so that it never
//! touches the terminal (no stdin, stdout or stderr from it, its own process
//! group, so a Ctrl-C meant for the reader does not reach it).

use std::process::{Command, Stdio};

/// The browsers to try for `o`: $BROWSER, a list like `firefox:chromium`
/// tried in order, when there is a display for them. Over SSH without X
/// forwarding there is none, and `o` shows the address.
pub fn from_env(
    browser: Option<&str>,
    display: Option<&str>,
    wayland: Option<&str>,
) -> Option<String> {
    let has_display = [display, wayland]
        .iter()
        .any(|d| d.is_some_and(|d| !d.trim().is_empty()));
    let list: Vec<&str> = browser?
        .split(':')
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    (has_display && !list.is_empty()).then(|| list.join(":"))
}

/// The command line for `browser` and `url`: the url in place of `%s`, or
/// after the browser's own words.
pub fn command_line(browser: &str, url: &str) -> Vec<String> {
    let mut words: Vec<String> = browser.split_whitespace().map(str::to_owned).collect();
    if words.iter().any(|w| w.contains("%s")) {
        for w in &mut words {
            *w = w.replace("%s", url);
        }
    } else {
        words.push(url.to_owned());
    }
    words
}

/// Starts the first browser of the `:` list that can be started, and does
/// not wait for it (a thread reaps it). The error is the last one met.
pub fn open(browsers: &str, url: &str) -> std::io::Result<()> {
    let mut last = std::io::Error::new(
        std::io::ErrorKind::NotFound,
        crate::t!("reader-no-browser-named"),
    );
    for b in browsers.split(':').filter(|b| !b.trim().is_empty()) {
        match open_one(b, url) {
            Ok(()) => return Ok(()),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn open_one(browser: &str, url: &str) -> std::io::Result<()> {
    let words = command_line(browser, url);
    let Some((program, args)) = words.split_first() else {
        return Ok(());
    };
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd.spawn()?;
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_is_run_only_with_a_display() {
        assert_eq!(
            from_env(Some("firefox"), Some(":0"), None).as_deref(),
            Some("firefox")
        );
        assert_eq!(
            from_env(Some("firefox: chromium"), None, Some("wayland-0")).as_deref(),
            Some("firefox:chromium")
        );
        assert_eq!(from_env(Some("firefox"), None, None), None);
        assert_eq!(from_env(Some("firefox"), Some(""), None), None);
        assert_eq!(from_env(None, Some(":0"), None), None);
        assert_eq!(from_env(Some(" : "), Some(":0"), None), None);
    }

    #[test]
    fn the_next_browser_of_the_list_is_tried_when_one_cannot_start() {
        assert!(open("/nonexistent/browser:true", "https://example.org").is_ok());
        assert!(open("/nonexistent/a:/nonexistent/b", "https://example.org").is_err());
    }

    #[test]
    fn the_address_goes_in_place_of_percent_s_or_last() {
        assert_eq!(
            command_line("firefox --new-tab", "https://x"),
            ["firefox", "--new-tab", "https://x"]
        );
        assert_eq!(command_line("open -a %s", "u"), ["open", "-a", "u"]);
    }
}
