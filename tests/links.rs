//! Web addresses as OSC 8 hyperlinks, and `o`, in a real pseudo-terminal
//! (issue 11): the bytes the terminal receives are well-formed links around
//! the addresses, absent where links are off; `o` runs $BROWSER detached
//! with a display and shows the address whole without one.

mod common;

use std::time::Duration;

use common::pty::{Session, QUIET, TIMEOUT};
use common::reader::{find, quit, start_wide, H, W};
use common::screen::{line, must};

const LINK_OPEN: &[u8] = b"\x1b]8;;";
const LINK_CLOSE: &[u8] = b"\x1b]8;;\x1b\\";
const ABUJA: &str = "https://nationalinsightnews.com/?p=4942";

/// `g` selects the first city, Abuja, whose card shows its one source.
fn abuja(s: &mut Session) -> Vec<u8> {
    s.send("g");
    must(s.wait_for(|t| t.contains(ABUJA), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    s.bytes_written()
}

#[test]
fn addresses_are_osc_8_links_and_each_link_is_closed() {
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let mut s = start_wide(&[], env);
        let b = abuja(&mut s);
        let open = format!("\x1b]8;;{ABUJA}\x1b\\");
        let at = find(&b, open.as_bytes()).unwrap_or_else(|| {
            panic!(
                "{env:?}: no link to {ABUJA}: {:?}",
                String::from_utf8_lossy(&b)
            )
        });
        // The address's text is inside the link (after the cursor move and
        // colour that start the run), then the link is closed.
        let rest = &b[at + open.len()..];
        let close = find(rest, LINK_CLOSE).unwrap_or_else(|| panic!("{env:?}: never closed"));
        assert!(
            find(&rest[..close], ABUJA.as_bytes()).is_some(),
            "{env:?}: {:?}",
            String::from_utf8_lossy(&rest[..close])
        );
        // Every OSC 8 is well formed: printable ASCII up to ST.
        let mut i = 0;
        while let Some(k) = find(&b[i..], LINK_OPEN) {
            let start = i + k + LINK_OPEN.len();
            let end = find(&b[start..], b"\x1b\\").expect("ST") + start;
            assert!(b[start..end].iter().all(|c| (0x21..=0x7e).contains(c)));
            i = end;
        }
        quit(&mut s);
    }
}

#[test]
fn no_links_under_learncity_hyperlinks_0_or_a_dumb_terminal() {
    for env in [
        &[("LEARNCITY_HYPERLINKS", "0")][..],
        &[("TERM", "dumb")][..],
        &[("TERM", "linux")][..],
    ] {
        let mut s = Session::spawn(&[], W, H, env);
        must(s.wait_for(|t| line(t, 1).contains("Cities"), TIMEOUT));
        let b = abuja(&mut s);
        assert!(find(&b, LINK_OPEN).is_none(), "{env:?}: a link was written");
        quit(&mut s);
    }
}

#[test]
fn o_without_a_display_shows_the_address_whole() {
    let mut s = start_wide(
        &[],
        &[
            ("DISPLAY", ""),
            ("WAYLAND_DISPLAY", ""),
            ("BROWSER", "firefox"),
        ],
    );
    abuja(&mut s);
    s.send("o");
    let t = must(s.wait_for(|t| t.contains("Source (no browser here"), TIMEOUT));
    assert!(
        t.contains(ABUJA),
        "{}",
        s.describe("the address in the popup")
    );
    s.send("j");
    must(s.wait_for(|t| !t.contains("Source (no browser here"), TIMEOUT));
    quit(&mut s);
}

#[test]
fn o_with_a_display_runs_the_browser_detached() {
    let dir = std::env::temp_dir().join(format!("learncity-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("browser.sh");
    let got = dir.join("opened");
    // A browser that notes its address, and writes to the terminal if it
    // can (it must not be able to).
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$1\" > '{}'\necho BROWSER-OUTPUT\necho BROWSER-ERR >&2\n",
            got.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = start_wide(
        &[],
        &[("DISPLAY", ":0"), ("BROWSER", script.to_str().unwrap())],
    );
    abuja(&mut s);
    s.send("o");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("opening in"), TIMEOUT));
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !got.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let opened = std::fs::read_to_string(&got).expect("the browser ran");
    assert_eq!(opened.trim(), ABUJA);
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        !s.screen().contains("BROWSER-OUTPUT") && !s.screen().contains("BROWSER-ERR"),
        "{}",
        s.describe("the browser wrote to the terminal")
    );
    quit(&mut s);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `learncity show` on a terminal writes its addresses as links; piped
/// (tests/cli.rs checks every byte of piped output) it writes none.
#[test]
fn show_on_a_terminal_writes_its_addresses_as_links() {
    for (env, want) in [
        (&[][..], true),
        (&[("LEARNCITY_HYPERLINKS", "0")][..], false),
        (&[("TERM", "dumb")][..], false),
    ] {
        let mut s = Session::spawn(&["show", "abuja", "--no-pager"], W, H, env);
        let status = s.wait_exit(TIMEOUT).expect("show exits");
        assert!(status.success(), "{status:?}");
        let b = s.bytes_written();
        let link = format!("\x1b]8;;{ABUJA}\x1b\\");
        assert_eq!(
            find(&b, link.as_bytes()).is_some(),
            want,
            "{env:?}: {:?}",
            String::from_utf8_lossy(&b)
        );
        if want {
            assert!(find(&b, LINK_CLOSE).is_some());
        }
    }
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_learncity"))
        .args(["show", "abuja"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert!(!piped.stdout.contains(&0x1b), "escapes in piped output");
}
