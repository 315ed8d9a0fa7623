//! Issue 4: the reader is safe to leave running on a shared server over
//! SSH. It gives the terminal back on every way out (quit, error, panic,
//! signal, hang-up, Ctrl-Z), never lets a corpus drive the terminal, copes
//! with any terminal size and type, and costs nothing while idle.
//!
//! Each test runs the real binary in a pseudo-terminal (see
//! `common/pty.rs`) and looks at the screen a person would see and at the
//! raw bytes the program wrote. Timeouts only stop a hung test; apart from
//! the idle test (which measures resource use over a fixed 3 s window) no
//! test sleeps a fixed time or asserts on how long something took.
//!
//! Some tests use tmux and GNU screen and skip, saying so on stderr, where
//! those are not installed (`apt-get install -y tmux screen`).

mod common;

use common::screen::{line, must, wide_ready};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::pty::{
    children_of, clock_ticks_per_second, command, learncity_bin, learncity_command, proc_name,
    proc_state, ExitStatus, Session, QUIET, TIMEOUT,
};

const W: u16 = 160;
const H: u16 = 45;

const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// SGR mouse reporting of presses and the wheel, on and off (issue 11).
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

// ---- helpers ---------------------------------------------------------------

/// Any complete frame of the reader: the status line is drawn last.
fn status_line_drawn(t: &str) -> bool {
    t.lines().last().is_some_and(|l| l.contains("q quit"))
}

/// The reader at 160×45, its first screen drawn.
fn start() -> Session {
    start_with(&[])
}

fn start_with(args: &[&str]) -> Session {
    let s = Session::spawn(args, W, H, &[]);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    s
}

/// Waits for the program to exit, failing with the screen if it does not.
#[track_caller]
fn expect_exit(s: &mut Session, after: &str) -> ExitStatus {
    s.wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("{}", s.describe(&format!("still running after {after}"))))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Where the output's last cursor move (`ESC [ row ; col H`, which starts
/// every run of cells a frame draws) begins.
fn last_cursor_move(bytes: &[u8]) -> Option<usize> {
    tokens(bytes)
        .into_iter()
        .rev()
        .find(|(_, t)| matches!(t, Tok::Csi { private, fin: 'H', .. } if private.is_empty()))
        .map(|(at, _)| at)
}

/// Whether the pty's line discipline is in raw mode, from `stty -a`.
fn raw_mode(s: &Session) -> bool {
    let stty = s.tty_settings().expect("stty");
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") || words.contains(&"-icanon"),
        "no icanon in stty -a: {stty}"
    );
    words.contains(&"-icanon") || words.contains(&"-echo")
}

/// The program, now gone, left the terminal as it found it: after its last
/// draw it left the alternate screen and showed the cursor, the emulator
/// agrees, and the line discipline is out of raw mode.
#[track_caller]
fn assert_restored(s: &Session, how: &str) {
    let bytes = s.bytes_written();
    let last_draw =
        last_cursor_move(&bytes).unwrap_or_else(|| panic!("{how}: the program never drew"));
    let tail = String::from_utf8_lossy(&bytes[last_draw..]).into_owned();
    assert!(
        rfind(&bytes, LEAVE_ALT).is_some_and(|i| i > last_draw),
        "{how}: no ESC[?1049l after the last draw; output from the last draw on: {tail:?}"
    );
    assert!(
        rfind(&bytes, SHOW_CURSOR).is_some_and(|i| i > last_draw),
        "{how}: no ESC[?25h after the last draw; output from the last draw on: {tail:?}"
    );
    assert!(
        !s.alternate_screen(),
        "{}",
        s.describe(&format!("{how}: still on the alternate screen"))
    );
    assert!(
        !s.cursor_hidden(),
        "{}",
        s.describe(&format!("{how}: the cursor stayed hidden"))
    );
    // The mouse (issue 11): asked for on the way in, given back on every
    // way out, or the shell would receive mouse reports as typed text.
    assert!(
        find(&bytes, MOUSE_ON).is_some(),
        "{how}: the reader never asked for the mouse"
    );
    assert!(
        rfind(&bytes, MOUSE_OFF).is_some_and(|i| i > last_draw) && !s.mouse_reporting(),
        "{how}: mouse reporting left on; output from the last draw on: {tail:?}"
    );
    assert!(
        !raw_mode(s),
        "{how}: the terminal is left in raw mode: {}",
        s.tty_settings().unwrap_or_default()
    );
}

/// No process `pid` any more (not even a zombie): it was reaped.
fn gone(pid: u32) -> bool {
    !Path::new(&format!("/proc/{pid}")).exists()
}

/// Whether `program` can be run (for tests that skip without it).
fn installed(program: &str, version_arg: &str) -> bool {
    Command::new(program)
        .arg(version_arg)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty())
}

/// Polls `f` until it gives `Some`, for at most [`TIMEOUT`].
fn poll<T>(mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

// ---- an escape-sequence tokenizer ------------------------------------------

/// One unit of terminal output, as ECMA-48 divides it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A printable character.
    Char(char),
    /// A C0 control other than ESC (BEL, BS, CR, LF…), or DEL.
    Control(u8),
    /// A C1 control (U+0080–U+009F), as one raw byte or UTF-8 encoded.
    C1(u32),
    /// `ESC [` private-marker parameters intermediates final.
    Csi {
        private: String,
        params: String,
        inter: String,
        fin: char,
    },
    /// `ESC` intermediates final: `ESC 7`, `ESC ( B`, `ESC =`.
    Esc { inter: String, fin: char },
    /// A control string: OSC (`]`), DCS (`P`), SOS (`X`), PM (`^`) or APC
    /// (`_`), up to BEL or ST.
    Str { kind: char, payload: Vec<u8> },
    /// A byte that is not UTF-8, or an escape sequence cut short.
    Bad(Vec<u8>),
}

/// Splits `bytes` into tokens, each with its offset.
fn tokens(bytes: &[u8]) -> Vec<(usize, Tok)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let tok = if b == 0x1b {
            i += 1;
            match bytes.get(i).copied() {
                Some(b'[') => {
                    i += 1;
                    let p0 = i;
                    while i < bytes.len() && (0x30..=0x3f).contains(&bytes[i]) {
                        i += 1;
                    }
                    let params = &bytes[p0..i];
                    let private_len = params
                        .iter()
                        .take_while(|b| (b'<'..=b'?').contains(b))
                        .count();
                    let i0 = i;
                    while i < bytes.len() && (0x20..=0x2f).contains(&bytes[i]) {
                        i += 1;
                    }
                    let inter = &bytes[i0..i];
                    match bytes.get(i) {
                        Some(&f) if (0x40..=0x7e).contains(&f) => {
                            i += 1;
                            Tok::Csi {
                                private: text(&params[..private_len]),
                                params: text(&params[private_len..]),
                                inter: text(inter),
                                fin: f as char,
                            }
                        }
                        _ => Tok::Bad(bytes[start..i].to_vec()),
                    }
                }
                Some(k @ (b']' | b'P' | b'X' | b'^' | b'_')) => {
                    i += 1;
                    let p0 = i;
                    loop {
                        match bytes.get(i) {
                            None => break,
                            Some(0x07) => {
                                i += 1;
                                break;
                            }
                            Some(0x1b) if bytes.get(i + 1) == Some(&b'\\') => {
                                i += 2;
                                break;
                            }
                            Some(_) => i += 1,
                        }
                    }
                    Tok::Str {
                        kind: k as char,
                        payload: bytes[p0..i].to_vec(),
                    }
                }
                Some(_) => {
                    let i0 = i;
                    while i < bytes.len() && (0x20..=0x2f).contains(&bytes[i]) {
                        i += 1;
                    }
                    let inter = &bytes[i0..i];
                    match bytes.get(i) {
                        Some(&f) if (0x30..=0x7e).contains(&f) => {
                            i += 1;
                            Tok::Esc {
                                inter: text(inter),
                                fin: f as char,
                            }
                        }
                        _ => Tok::Bad(bytes[start..i].to_vec()),
                    }
                }
                None => Tok::Bad(vec![0x1b]),
            }
        } else if b < 0x20 || b == 0x7f {
            i += 1;
            Tok::Control(b)
        } else if (0x80..=0x9f).contains(&b) {
            i += 1;
            Tok::C1(b as u32)
        } else {
            let len = match b {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            match bytes
                .get(i..i + len)
                .and_then(|s| std::str::from_utf8(s).ok())
            {
                Some(s) => {
                    i += len;
                    let c = s.chars().next().unwrap();
                    if ('\u{80}'..='\u{9f}').contains(&c) {
                        Tok::C1(c as u32)
                    } else {
                        Tok::Char(c)
                    }
                }
                None => {
                    i += 1;
                    Tok::Bad(vec![b])
                }
            }
        };
        out.push((start, tok));
    }
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// What a token does, for comparing two runs: the sequence with its
/// parameters where they choose the function (modes, erasures), without
/// them where they only say where or in which colour (cursor moves, SGR).
/// `None` for printable text.
fn kind(t: &Tok) -> Option<String> {
    match t {
        Tok::Char(_) => None,
        Tok::Control(b) => Some(format!("C0 {b:#04x}")),
        Tok::C1(c) => Some(format!("C1 U+{c:04X}")),
        Tok::Csi {
            private,
            params,
            inter,
            fin,
        } => Some(
            if private.is_empty() && inter.is_empty() && "mHfABCDEFGdX@PLMSTe`a".contains(*fin) {
                format!("CSI … {fin}")
            } else {
                format!("CSI {private}{params}{inter}{fin}")
            },
        ),
        Tok::Esc { inter, fin } => Some(format!("ESC {inter}{fin}")),
        Tok::Str { kind: ']', payload } if is_link(payload) => Some("OSC 8 link".into()),
        Tok::Str { kind, .. } => Some(format!("control string ESC {kind}")),
        Tok::Bad(b) => Some(format!("malformed {b:02x?}")),
    }
}

/// An OSC 8 link as the reader writes it: `8;;`, an address of printable
/// ASCII (or nothing, to close), ST.
fn is_link(payload: &[u8]) -> bool {
    payload.starts_with(b"8;;")
        && payload.ends_with(b"\x1b\\")
        && payload[3..payload.len() - 2]
            .iter()
            .all(|b| (0x21..=0x7e).contains(b))
}

/// Every kind of sequence in `bytes`, with how often it occurs.
fn kinds(bytes: &[u8]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for (_, t) in tokens(bytes) {
        if let Some(k) = kind(&t) {
            *m.entry(k).or_insert(0) += 1;
        }
    }
    m
}

#[test]
fn the_tokenizer_splits_sequences() {
    let bytes = "a\x1b[?1049h\x1b[1;2H\x1b]2;t\x07\x1bPq\x1b\\\x1b(B\u{9b}\u{202e}é\x07\r"
        .as_bytes()
        .to_vec();
    let toks: Vec<Tok> = tokens(&bytes).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        toks,
        [
            Tok::Char('a'),
            Tok::Csi {
                private: "?".into(),
                params: "1049".into(),
                inter: "".into(),
                fin: 'h'
            },
            Tok::Csi {
                private: "".into(),
                params: "1;2".into(),
                inter: "".into(),
                fin: 'H'
            },
            Tok::Str {
                kind: ']',
                payload: b"2;t\x07".to_vec()
            },
            Tok::Str {
                kind: 'P',
                payload: b"q\x1b\\".to_vec()
            },
            Tok::Esc {
                inter: "(".into(),
                fin: 'B'
            },
            Tok::C1(0x9b),
            Tok::Char('\u{202e}'),
            Tok::Char('é'),
            Tok::Control(7),
            Tok::Control(b'\r'),
        ]
    );
    assert_eq!(kind(&toks[2]).unwrap(), "CSI … H");
    assert_eq!(kind(&toks[1]).unwrap(), "CSI ?1049h");
    assert_eq!(last_cursor_move(&bytes), Some(9));
    assert_eq!(tokens(&[0x9b])[0].1, Tok::C1(0x9b));
    assert!(matches!(tokens(&[0xff])[0].1, Tok::Bad(_)));
}

// ---- 1, 2. hang-up and termination -------------------------------------------

/// `kill -s NAME`: the reader restores the terminal and exits with
/// 128 + the signal's number, through its handler (not killed by it).
fn signal_exits_cleanly(name: &str, code: u32) {
    let mut s = start();
    let pid = s.pid().unwrap();
    s.signal(name).expect("kill");
    let status = expect_exit(&mut s, &format!("SIG{name}"));
    assert_eq!(
        (status.exit_code(), status.signal()),
        (code, None),
        "SIG{name}: want exit status {code}, got {status:?}"
    );
    assert_restored(&s, &format!("SIG{name}"));
    assert!(gone(pid), "process {pid} still in /proc after SIG{name}");
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_exits_cleanly("HUP", 129);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_exits_cleanly("TERM", 143);
}

#[test]
fn sigint_and_sigquit_restore_the_terminal() {
    signal_exits_cleanly("INT", 130);
    signal_exits_cleanly("QUIT", 131);
}

/// A dropped SSH connection: the master side of the terminal is closed for
/// real and the kernel hangs the terminal up (SIGHUP to the session leader,
/// reads see end of file, writes fail). The reader must exit rather than
/// go on polling a dead terminal, which would spin a CPU.
#[test]
fn closing_the_terminal_hangs_up_and_the_reader_exits() {
    let mut s = start();
    let pid = s.pid().unwrap();
    if let Err(e) = s.hang_up() {
        panic!("could not hang the terminal up: {e}");
    }
    let status = s.wait_exit(TIMEOUT).unwrap_or_else(|| {
        panic!(
            "the reader is still running {TIMEOUT:?} after its terminal was closed \
             (state {:?}, CPU {:?})",
            proc_state(pid),
            common::pty::cpu_time(pid)
        )
    });
    // Exits through the SIGHUP handler: 128 + 1.
    assert_eq!(
        (status.exit_code(), status.signal()),
        (129, None),
        "after a hang-up: {status:?}"
    );
    assert!(gone(pid), "process {pid} still in /proc after the hang-up");
}

/// Kills a process the test started but does not own (a grandchild), if
/// it is still there when the test ends, pass or fail.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if !exited(self.0) {
            let _ = Command::new("kill")
                .args(["-s", "KILL", &self.0.to_string()])
                .status();
        }
    }
}

/// Process `pid` has exited (gone, or a zombie nobody has reaped yet: a
/// grandchild whose shell died is reaped by init, or by nobody in a
/// container).
fn exited(pid: u32) -> bool {
    matches!(proc_state(pid), None | Some('Z'))
}

/// The reader started by `sh -c SCRIPT` (where `"$0"` is the reader), as a
/// login shell over SSH starts it: the shell is the session leader, the
/// reader a child in the foreground process group. The reader's first
/// screen is drawn.
fn reader_under_sh(script: &str) -> (Session, u32) {
    let s = Session::spawn_command(command("sh", &["-c", script, learncity_bin()]), W, H);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    let shell = s.pid().unwrap();
    let reader = poll(|| {
        children_of(shell)
            .into_iter()
            .find(|&p| proc_name(p).as_deref() == Some("learncity"))
    })
    .expect("the reader is a child of sh");
    (s, reader)
}

/// The usual case over SSH: the kernel sends SIGHUP to the session leader
/// (the shell), which dies of it, and then to the foreground process group
/// (the reader).
#[test]
fn a_hang_up_reaches_a_reader_started_by_a_shell() {
    let (mut s, reader) = reader_under_sh(r#""$0"; echo "reader exited $?""#);
    let _cleanup = KillOnDrop(reader);
    if let Err(e) = s.hang_up() {
        panic!("could not hang the terminal up: {e}");
    }
    assert!(
        poll(|| exited(reader).then_some(())).is_some(),
        "the reader is still running {TIMEOUT:?} after its terminal was closed \
         (state {:?}, CPU {:?})",
        proc_state(reader),
        common::pty::cpu_time(reader)
    );
    expect_exit(&mut s, "the hang-up (the shell)");
}

/// A hang-up whose SIGHUP never reaches the reader: here the session
/// leader is a shell that ignores SIGHUP (as a wrapper script with
/// `trap '' HUP` does), so it lives on and the kernel signals no one else.
/// The terminal is gone all the same (reads see end of file, writes fail),
/// and the reader should notice and exit rather than poll it for ever.
#[test]
fn a_hang_up_ends_the_reader_even_when_no_sighup_reaches_it() {
    let (mut s, reader) = reader_under_sh(r#"trap "" HUP; "$0"; echo "reader exited $?""#);
    let _cleanup = KillOnDrop(reader);
    if let Err(e) = s.hang_up() {
        panic!("could not hang the terminal up: {e}");
    }
    if poll(|| exited(reader).then_some(())).is_none() {
        // Show whether it is spinning: its CPU time over one second.
        let a = common::pty::cpu_time(reader);
        thread::sleep(Duration::from_secs(1));
        let b = common::pty::cpu_time(reader);
        let ms = a
            .zip(b)
            .map(|(a, b)| (b.ticks - a.ticks) as f64 * 1000.0 / clock_ticks_per_second() as f64);
        panic!(
            "the reader is still running {TIMEOUT:?} after its terminal was closed \
             (state {:?}), using {ms:?} ms of CPU per second",
            proc_state(reader)
        );
    }
    expect_exit(&mut s, "the reader exited (the shell)");
}

// ---- 3. suspend --------------------------------------------------------------

/// In a test's pty the reader is the session leader: its process group is
/// orphaned, no shell could continue it, and a stop would hang the
/// terminal for good (the kernel drops a keyboard SIGTSTP there for the
/// same reason). Ctrl-Z says so and the reader goes on.
#[test]
fn ctrl_z_without_a_shell_to_return_to_says_so_and_goes_on() {
    let mut s = start();
    s.send("\x1a");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("no shell to return to"),
        TIMEOUT,
    ));
    assert_ne!(s.process_state(), Some('T'));
    assert!(s.alternate_screen() && raw_mode(&s));
    s.send("q");
    let status = expect_exit(&mut s, "q after Ctrl-Z");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert_restored(&s, "q after Ctrl-Z");
}

/// Back from a suspend the reader entered the alternate screen again (which
/// the emulator, like xterm, clears) and drew all of it: the screen is the
/// one before Ctrl-Z, row for row.
#[track_caller]
fn assert_full_redraw(s: &Session, since: usize, before_screen: &str) {
    let b = &s.bytes_written()[since..];
    let back = rfind(b, ENTER_ALT).unwrap_or_else(|| {
        panic!(
            "{}",
            s.describe("no ESC[?1049h after the suspend: the reader did not take the screen back")
        )
    });
    assert!(
        last_cursor_move(&b[back..]).is_some(),
        "nothing drawn after re-entering the alternate screen"
    );
    assert_eq!(
        s.screen(),
        before_screen,
        "{}",
        s.describe("after the suspend the screen differs from before it")
    );
}

/// The reader started by a job-control shell, as from a login shell over
/// SSH: its process group is not orphaned, so Ctrl-Z really stops it, with
/// the terminal given back (main screen, raw mode off). `fg` continues it,
/// in the foreground again, and it redraws everything.
#[test]
fn ctrl_z_under_a_job_control_shell_stops_and_fg_redraws() {
    if !installed("bash", "--version") {
        eprintln!("skipped: bash is not installed");
        return;
    }
    // `set -m`: job control in a non-interactive bash (which, unlike an
    // interactive one, leaves the terminal's modes alone). The reader gets
    // its own process group in the foreground; once it stops, bash takes
    // the terminal back and reads a line, then `fg` resumes the reader.
    let script = r#"set -m; "$0"; read -r _; fg; echo "reader exited $?""#;
    let mut cmd = command(
        "bash",
        &["--norc", "--noprofile", "-c", script, learncity_bin()],
    );
    cmd.env("PS1", "$ ");
    let mut s = Session::spawn_command(cmd, W, H);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    let shell = s.pid().unwrap();
    let reader = poll(|| {
        children_of(shell)
            .into_iter()
            .find(|&p| proc_name(p).as_deref() == Some("learncity"))
    })
    .expect("the reader is a child of bash");
    let _cleanup = KillOnDrop(reader);
    let before_screen = s.screen();
    let before = s.output_len();

    s.send("\x1a");
    must(s.wait_until(
        "Ctrl-Z stops the reader (state T)",
        |_| proc_state(reader) == Some('T'),
        TIMEOUT,
    ));
    // Given back: the main screen, the cursor shown, cooked mode.
    must(s.wait_stable(QUIET, TIMEOUT));
    let b = &s.bytes_written()[before..];
    let leave = find(b, LEAVE_ALT).expect("ESC[?1049l before stopping");
    assert!(
        find(b, MOUSE_OFF).is_some() && !s.mouse_reporting(),
        "mouse reporting left on while stopped"
    );
    assert!(
        find(&b[leave..], SHOW_CURSOR).is_some(),
        "no ESC[?25h before stopping"
    );
    assert!(
        !s.alternate_screen() && !s.cursor_hidden(),
        "{}",
        s.describe("stopped, but the terminal was not given back")
    );
    assert!(
        !raw_mode(&s),
        "stopped, but the terminal is in raw mode: {}",
        s.tty_settings().unwrap_or_default()
    );
    // It stays stopped: no CPU, no output.
    must(s.wait_stable(QUIET, TIMEOUT));
    assert_eq!(proc_state(reader), Some('T'));

    // Enter ends bash's `read`; `fg` continues the reader.
    let before = s.output_len();
    s.send("\r");
    must(s.wait_until(
        "fg brings the reader back on the alternate screen",
        |s| s.alternate_screen() && wide_ready(&s.screen()),
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert_ne!(proc_state(reader), Some('T'));
    assert_full_redraw(&s, before, &before_screen);
    assert!(raw_mode(&s), "back from fg, but not in raw mode");
    // One redraw, not one for the return from the stop and another for
    // SIGCONT: over a slow link a screenful costs.
    assert_eq!(
        count(&s.bytes_written()[before..], ENTER_ALT),
        1,
        "the alternate screen entered more than once after fg"
    );

    s.send("q");
    must(s.wait_for(|t| t.contains("reader exited 0"), TIMEOUT));
    let status = expect_exit(&mut s, "q");
    assert_eq!(status.exit_code(), 0, "bash: {status:?}");
    assert!(!s.alternate_screen());
}

// ---- 4. every way out restores the terminal ----------------------------------

/// q and Ctrl-C (`tests/pty.rs` checks q in more detail).
#[test]
fn quitting_by_key_restores_the_terminal() {
    for key in ["q", "\x03"] {
        let mut s = start();
        assert!(raw_mode(&s), "not in raw mode while running");
        s.send(key);
        let status = expect_exit(&mut s, &format!("{key:?}"));
        assert_eq!(status.exit_code(), 0, "{key:?}: {status:?}");
        assert_restored(&s, &format!("{key:?}"));
    }
}

/// A panic (debug builds panic after the first draw when asked): the
/// terminal is restored before the panic message is printed, so the
/// message lands on the main screen, readable, and the exit status says
/// it failed.
#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut s = Session::spawn(&[], W, H, &[("LEARNCITY_TEST_PANIC", "1")]);
    let status = expect_exit(&mut s, "the requested panic");
    assert!(!status.success(), "a panic exited successfully: {status:?}");
    let bytes = s.bytes_written();
    let msg = find(&bytes, b"test panic requested").unwrap_or_else(|| {
        panic!(
            "no panic message in the output: {:?}",
            String::from_utf8_lossy(&bytes)
        )
    });
    let before_msg = &bytes[..msg];
    let last_draw = last_cursor_move(before_msg).expect("drew before panicking");
    assert!(
        rfind(before_msg, LEAVE_ALT).is_some_and(|i| i > last_draw),
        "ESC[?1049l not between the last draw and the panic message: {:?}",
        String::from_utf8_lossy(&bytes[last_draw..])
    );
    assert!(
        rfind(before_msg, SHOW_CURSOR).is_some_and(|i| i > last_draw),
        "ESC[?25h not between the last draw and the panic message: {:?}",
        String::from_utf8_lossy(&bytes[last_draw..])
    );
    assert!(
        s.screen().contains("test panic requested"),
        "{}",
        s.describe("the panic message is not on the main screen")
    );
    assert_restored(&s, "panic");
}

/// A failed allocation aborts the process (SIGABRT): the handler gives the
/// terminal back first (main screen, cursor shown, line mode), then the
/// abort ends the process as it would have.
#[test]
fn a_failed_allocation_restores_the_terminal_before_aborting() {
    let mut s = Session::spawn(&[], W, H, &[("LEARNCITY_TEST_ALLOC_FAILURE", "1")]);
    let status = expect_exit(&mut s, "an allocation failure");
    assert_eq!(status.signal(), Some("Aborted"), "{status:?}");
    assert_restored(&s, "an allocation failure");
    assert!(
        String::from_utf8_lossy(&s.bytes_written()).contains("memory allocation of"),
        "{}",
        s.describe("the allocator's message")
    );
}

/// Errors before the reader takes the terminal (a corpus that cannot be
/// read, input that is not a terminal): a message, a failure status, and
/// nothing to restore: no escape sequence at all, raw mode never on.
#[test]
fn errors_before_start_leave_the_terminal_alone() {
    let missing = Session::spawn(&["--data", "tests/fixtures/no-such-file.json"], W, H, &[]);
    let redirected = Session::spawn_command(
        command("sh", &["-c", r#"exec "$0" </dev/null"#, learncity_bin()]),
        W,
        H,
    );
    for (mut s, what, says) in [
        (missing, "a missing corpus", "no-such-file.json"),
        (redirected, "input not a terminal", "needs a terminal"),
    ] {
        let status = expect_exit(&mut s, what);
        assert_eq!(status.exit_code(), 2, "{what}: {status:?}");
        let bytes = s.bytes_written();
        let out = String::from_utf8_lossy(&bytes);
        assert!(out.contains(says), "{what}: no {says:?} in {out:?}");
        assert!(
            !bytes.contains(&0x1b),
            "{what}: escape sequences written: {out:?}"
        );
        assert!(!raw_mode(&s), "{what}: raw mode left on");
    }
}

// ---- 5. no escape injection ----------------------------------------------------

/// Visits everything the reader shows: each list row, the viewer to its
/// end, the statistics and a traced figure, a search and its matches, the
/// help, and the narrow layout's tabs. Then quits.
fn tour(s: &mut Session, word: &str, rows: usize, to_report: &str) {
    let step = |s: &mut Session, keys: &str| {
        s.send(keys);
        must(s.wait_stable(QUIET, TIMEOUT));
        assert!(
            s.is_running(),
            "{}",
            s.describe(&format!("exited at {keys:?}"))
        );
    };
    step(s, "g");
    for _ in 0..rows {
        step(s, "j");
    }
    for k in to_report.chars() {
        step(s, &k.to_string());
    }
    step(s, "\t");
    must(s.wait_for(|t| line(t, 1).contains("▶ Viewer · report"), TIMEOUT));
    for k in ["G", "g", "\x1b[6~", "j"] {
        step(s, k);
    }
    step(s, "\t");
    must(s.wait_for(|t| line(t, 1).contains("▶ Statistics"), TIMEOUT));
    step(s, "j");
    step(s, "k");
    // Enter traces the figure to its sentence; then the viewer has the
    // keyboard, and `/` finds in the open text (issue 11).
    step(s, "\r");
    step(s, "/");
    step(s, word);
    step(s, "\r");
    // Back to the list, where `/` searches the corpus. A lone Esc waits
    // for its effect: a key sent before the reader has read it would make
    // the pair Alt-/ (see the notes of common::pty).
    step(s, "\x1b");
    must(s.wait_for(|t| line(t, 1).contains("▶ Cities"), TIMEOUT));
    step(s, "/");
    step(s, word);
    must(s.wait_for(|t| line(t, 1).contains("\u{a0}hit"), TIMEOUT));
    step(s, "\r");
    for k in ["n", "n", "N", "\t", "G"] {
        step(s, k);
    }
    step(s, "?");
    must(s.wait_for(|t| t.contains("q closes"), TIMEOUT));
    step(s, "q");
    s.resize(40, 15);
    must(s.wait_stable(QUIET, TIMEOUT));
    for _ in 0..3 {
        step(s, "\t");
    }
    s.resize(W, H);
    must(s.wait_for(status_line_drawn, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    s.send("q");
    let status = expect_exit(s, "q");
    assert_eq!(status.exit_code(), 0, "{status:?}");
}

/// A corpus full of escape sequences (title changes, screen clears, C1
/// controls, a right-to-left override, BEL, NUL, DEL) cannot drive the
/// terminal: the reader writes no sequence kind that it does not also
/// write for the bundled corpus on the same tour, and none that a corpus
/// could use to change a title, a clipboard or a palette.
#[test]
fn a_hostile_corpus_cannot_drive_the_terminal() {
    let mut evil = start_with(&["--data", "tests/fixtures/valid/escapes.json"]);
    let first_screen = evil.screen();
    let mut bundled = start();
    // The two tours side by side: each waits mostly for its screen to settle.
    // The Ankara report is listed under its city, on the 21st row.
    let to_ankara = format!("g{}", "j".repeat(20));
    thread::scope(|scope| {
        scope.spawn(|| tour(&mut evil, "escapes", 4, "gj"));
        scope.spawn(|| tour(&mut bundled, "belmek", 4, &to_ankara));
    });
    let bytes = evil.bytes_written();
    let reference = bundled.bytes_written();

    let mut bad = Vec::new();
    for (at, t) in tokens(&bytes) {
        let why = match &t {
            // The reader's own links (issue 11): an address of printable
            // ASCII only, so nothing in it can end or extend the sequence.
            Tok::Str { kind: ']', payload } if is_link(payload) => continue,
            Tok::Str { .. } => "a control string (OSC/DCS/SOS/PM/APC)",
            Tok::Control(0x07) => "BEL",
            Tok::Control(0x00) => "NUL",
            Tok::Control(0x7f) => "DEL",
            Tok::C1(_) => "a C1 control",
            Tok::Char('\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') => {
                "a bidirectional override"
            }
            Tok::Bad(_) => "malformed output",
            _ => continue,
        };
        let context =
            String::from_utf8_lossy(&bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())])
                .into_owned();
        bad.push(format!("{why} at byte {at}: {t:?} in {context:?}"));
    }
    assert!(
        bad.is_empty(),
        "the hostile corpus got through:\n{}",
        bad.join("\n")
    );
    // Any OSC but the reader's links.
    let mut i = 0;
    while let Some(k) = find(&bytes[i..], b"\x1b]") {
        assert!(
            bytes[i + k..].starts_with(b"\x1b]8;;"),
            "an OSC other than a link: {:?}",
            String::from_utf8_lossy(&bytes[i + k..(i + k + 40).min(bytes.len())])
        );
        i += k + 2;
    }
    for needle in [&b"pwned"[..], b"\x1bP", b"\x1b_", b"\x1b^", b"\xe2\x80\xae"] {
        assert!(
            find(&bytes, needle).is_none(),
            "{:?} in the output",
            String::from_utf8_lossy(needle)
        );
    }

    let evil_kinds = kinds(&bytes);
    let reference_kinds = kinds(&reference);
    let extra: Vec<&String> = evil_kinds
        .keys()
        .filter(|k| !reference_kinds.contains_key(*k))
        .collect();
    assert!(
        extra.is_empty(),
        "sequences written for the hostile corpus but never for the bundled one: {extra:?}\n\
         hostile: {evil_kinds:?}\nbundled: {reference_kinds:?}"
    );
    // The reader clears the screen itself on a resize; the corpus's
    // ESC[2J must not add clears.
    let clears = count(&bytes, b"\x1b[2J");
    let reference_clears = count(&reference, b"\x1b[2J");
    assert!(
        clears <= reference_clears,
        "{clears} screen clears for the hostile corpus, {reference_clears} for the bundled one"
    );
    assert!(
        find(&bytes, b"]2;").is_none(),
        "remains of a title change in the output"
    );
    // The text is shown, cleaned: "Evil\e]2;pwned\aville\e[2J…".
    assert!(
        first_screen.contains("Evilville"),
        "the hostile city's cleaned name is not listed:\n{first_screen}"
    );
}

// ---- 6. sizes ------------------------------------------------------------------

/// What the reader should show at `cols`×`rows`, given the screen.
fn fits_size(cols: u16, rows: u16, t: &str) -> Result<(), String> {
    let ok = match (cols, rows) {
        // "Terminal too small: 10×3, need 24×8", wrapped: what fits of
        // it. From 10 columns on, the size it names (so that it is this
        // size's message, not one left from the last).
        (c, r) if c < 24 || r < 8 => {
            let first = t.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            if c >= 10 {
                t.contains("small") && t.contains(&format!("{c}×{r}"))
            } else {
                !first.trim().is_empty() && "Terminal".starts_with(first.trim())
            }
        }
        (c, _) if c >= 120 => wide_ready(t),
        (c, _) if c >= 80 => line(t, 1).contains("Cities · ") && line(t, 1).contains(" Viewer"),
        _ => line(t, 1).contains("▶Cities"),
    };
    if ok && (cols < 24 || rows < 8 || status_line_drawn(t)) {
        Ok(())
    } else {
        Err(format!(
            "the screen at {cols}×{rows} is not as expected:\n{t}"
        ))
    }
}

const SIZES: [(u16, u16); 6] = [(1, 1), (2, 2), (10, 3), (20, 6), (80, 24), (300, 100)];

#[test]
fn starts_at_any_size_without_panicking() {
    let sessions: Vec<_> = SIZES
        .iter()
        .map(|&(c, r)| (c, r, Session::spawn(&[], c, r, &[])))
        .collect();
    for (c, r, mut s) in sessions {
        must(s.wait_until("a first frame", |s| s.output_len() > 0, TIMEOUT));
        must(s.wait_stable(QUIET, TIMEOUT));
        let out = s.bytes_written();
        assert!(
            find(&out, b"panicked").is_none() && s.is_running(),
            "{}",
            s.describe(&format!("died at {c}×{r}"))
        );
        let t = must(s.wait_for(|t| fits_size(c, r, t).is_ok(), TIMEOUT));
        fits_size(c, r, &t).unwrap();
        s.send("q");
        let status = expect_exit(&mut s, &format!("q at {c}×{r}"));
        assert_eq!(status.exit_code(), 0, "at {c}×{r}: {status:?}");
    }
}

#[test]
fn survives_resizing_through_every_size_and_back() {
    let mut s = start();
    let there_and_back = SIZES.iter().chain(SIZES.iter().rev().skip(1));
    for &(c, r) in there_and_back.chain([(W, H)].iter()) {
        s.resize(c, r);
        must(
            s.wait_for(|t| fits_size(c, r, t).is_ok(), TIMEOUT)
                .map_err(|e| format!("at {c}×{r}: {e}")),
        );
        must(s.wait_stable(QUIET, TIMEOUT));
        assert!(
            s.is_running() && find(&s.bytes_written(), b"panicked").is_none(),
            "{}",
            s.describe(&format!("died at {c}×{r}"))
        );
    }
    must(s.wait_for(wide_ready, TIMEOUT));
    s.send("q");
    let status = expect_exit(&mut s, "q after resizing");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert_restored(&s, "q after resizing");
}

// ---- 7. idle ---------------------------------------------------------------------

/// Left alone, the reader writes nothing and uses no CPU: it blocks until
/// something happens (a shared server has many idle sessions).
#[test]
fn idle_reader_writes_nothing_and_uses_no_cpu() {
    let s = start();
    must(s.wait_stable(QUIET, TIMEOUT));
    let bytes0 = s.output_len();
    let cpu0 = s.cpu_time().expect("/proc/PID/stat");
    thread::sleep(Duration::from_secs(3));
    let cpu1 = s.cpu_time().expect("/proc/PID/stat");
    let written = s.output_len() - bytes0;

    let tck = clock_ticks_per_second();
    let tick_ms = (cpu1.ticks - cpu0.ticks) as f64 * 1000.0 / tck as f64;
    let sched_ms = cpu0
        .nanos
        .zip(cpu1.nanos)
        .map(|(a, b)| (b - a) as f64 / 1e6);
    eprintln!(
        "idle 3 s: {written} bytes written, CPU {tick_ms} ms by utime+stime \
         ({} ticks at {tck}/s), {sched_ms:?} ms by schedstat",
        cpu1.ticks - cpu0.ticks
    );
    assert_eq!(
        written,
        0,
        "{}",
        s.describe("the idle reader wrote to the terminal")
    );
    assert!(
        tick_ms < 10.0,
        "the idle reader used {tick_ms} ms of CPU in 3 s"
    );
    if let Some(ms) = sched_ms {
        assert!(ms < 10.0, "the idle reader used {ms} ms of CPU in 3 s");
    }
}

// ---- 8. terminal types ----------------------------------------------------------

#[test]
fn starts_and_quits_under_every_term() {
    let terms = [
        Some("xterm-256color"),
        Some("screen-256color"),
        Some("tmux-256color"),
        Some("xterm"),
        Some("vt100"),
        Some("linux"),
        Some("dumb"),
        None,
    ];
    let sessions: Vec<_> = terms
        .iter()
        .map(|&term| {
            let mut cmd = learncity_command(&[]);
            match term {
                Some(t) => cmd.env("TERM", t),
                None => cmd.env_remove("TERM"),
            }
            (term, Session::spawn_command(cmd, W, H))
        })
        .collect();
    for (term, mut s) in sessions {
        must(
            s.wait_for(wide_ready, TIMEOUT)
                .map_err(|e| format!("TERM={term:?}: {e}")),
        );
        s.send("q");
        let status = expect_exit(&mut s, &format!("q with TERM={term:?}"));
        assert_eq!(status.exit_code(), 0, "TERM={term:?}: {status:?}");
        assert_restored(&s, &format!("TERM={term:?}"));
    }
}

/// A private tmux server (its socket in a temporary directory, no
/// configuration read), killed however the test ends.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> std::process::Output {
        // The server started by the first call passes its environment to
        // the reader: state and config of its own, beside the socket, not
        // the developer's (see `common::pty::command`).
        let home = self.socket.with_file_name("home");
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .env("TERM", "xterm-256color")
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env_remove("LEARNCITY_STATE")
            .output()
            .expect("run tmux")
    }

    /// A detached 120×40 session "lc" running the shell command `cmd` in
    /// the crate's directory.
    fn start(&self, cmd: &str) {
        let out = self.run(&[
            "new-session",
            "-d",
            "-s",
            "lc",
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            env!("CARGO_MANIFEST_DIR"),
            cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "lc"]).stdout).into_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// A command line that runs the reader and writes its exit status to
/// `status` (the multiplexer keeps the status to itself).
fn reader_then_status(status: &Path) -> String {
    format!("'{}'; echo $? > '{}'", learncity_bin(), status.display())
}

fn read_status(path: &PathBuf) -> Option<String> {
    let s = std::fs::read_to_string(path).ok()?;
    s.ends_with('\n').then(|| s.trim().to_owned())
}

#[test]
fn runs_inside_tmux() {
    if !installed("tmux", "-V") {
        eprintln!("skipped: tmux is not installed (apt-get install -y tmux)");
        return;
    }
    let dir = temp_dir();
    let status = dir.path().join("status");
    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    tmux.start(&reader_then_status(&status));
    let pane = poll(|| {
        let t = tmux.capture();
        (wide_ready(t.trim_end()) && line(&t, 39).contains("q quit")).then_some(t)
    })
    .unwrap_or_else(|| panic!("no layout in tmux's pane:\n{}", tmux.capture()));
    assert!(pane.contains("Afyonkarahi"), "{pane}");
    let out = tmux.run(&["send-keys", "-t", "lc", "q"]);
    assert!(out.status.success());
    let code = poll(|| read_status(&status))
        .unwrap_or_else(|| panic!("the reader did not exit in tmux:\n{}", tmux.capture()));
    assert_eq!(code, "0", "exit status inside tmux");
    assert!(
        poll(|| (!tmux.run(&["has-session", "-t", "lc"]).status.success()).then_some(())).is_some(),
        "the tmux session outlived the reader"
    );
}

struct ScreenQuit {
    name: String,
    sockets: PathBuf,
}

impl Drop for ScreenQuit {
    fn drop(&mut self) {
        let _ = Command::new("screen")
            .args(["-S", &self.name, "-X", "quit"])
            .env("SCREENDIR", &self.sockets)
            .output();
    }
}

/// GNU screen, run in the test's pty as a person would run it: the reader
/// draws inside screen, and screen draws on our terminal.
#[test]
fn runs_inside_gnu_screen() {
    if !installed("screen", "-v") {
        eprintln!("skipped: GNU screen is not installed (apt-get install -y screen)");
        return;
    }
    let dir = temp_dir();
    let status = dir.path().join("status");
    let sockets = dir.path().join("sockets");
    std::fs::create_dir(&sockets).unwrap();
    std::fs::set_permissions(
        &sockets,
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    let rc = dir.path().join("screenrc");
    std::fs::write(&rc, "startup_message off\n").unwrap();
    let name = format!("learncity-test-{}", std::process::id());
    // Killing the client (the session's process) would leave screen's
    // backend and the reader running, detached: quit it, however the test
    // ends.
    let _quit = ScreenQuit {
        name: name.clone(),
        sockets: sockets.clone(),
    };
    let mut cmd = command(
        "screen",
        &[
            "-c",
            rc.to_str().unwrap(),
            "-S",
            &name,
            "sh",
            "-c",
            &reader_then_status(&status),
        ],
    );
    cmd.env("SCREENDIR", &sockets);
    cmd.env("SYSSCREENRC", "/dev/null");
    let mut s = Session::spawn_command(cmd, 120, 40);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(s.screen().contains("Afyonkarahi"), "{}", s.describe(""));
    s.send("q");
    let code = poll(|| read_status(&status))
        .unwrap_or_else(|| panic!("{}", s.describe("the reader did not exit in screen")));
    assert_eq!(code, "0", "exit status inside screen");
    let st = expect_exit(&mut s, "the reader quit (screen should end)");
    assert!(st.success(), "screen: {st:?}");
}

// ---- 9. wide and combining characters ------------------------------------------

/// The columns of the panes' left and right borders, from the top border
/// row (its corners).
fn border_columns(s: &Session, row: u16) -> Vec<u16> {
    let (cols, _) = s.size();
    (0..cols)
        .filter(|&c| {
            s.cell(row, c)
                .is_some_and(|cell| matches!(cell.contents(), "┌" | "┐" | "┏" | "┓"))
        })
        .collect()
}

/// On every body row, each pane border is where the top border's corners
/// say: no wide, combining or right-to-left character pushed it.
#[track_caller]
fn assert_borders_aligned(s: &Session, top: u16, what: &str) {
    let (_, rows) = s.size();
    let cols = border_columns(s, top);
    assert!(
        cols.len() >= 4,
        "{}",
        s.describe(&format!("{what}: no pane corners on row {top}"))
    );
    // The body: from under the top border to above the bottom one (and
    // the status line).
    for r in top + 1..rows - 2 {
        for &c in &cols {
            let cell = s.cell(r, c).map(|c| c.contents().to_owned());
            assert!(
                matches!(cell.as_deref(), Some("│" | "┃" | "║" | "█")),
                "{}",
                s.describe(&format!(
                    "{what}: row {r}, column {c} should be a pane border (as on row {top}), is {cell:?}"
                ))
            );
        }
    }
    let bottom = rows - 2;
    for &c in &cols {
        let cell = s.cell(bottom, c).map(|c| c.contents().to_owned());
        assert!(
            matches!(cell.as_deref(), Some("└" | "┘" | "┗" | "┛")),
            "{}",
            s.describe(&format!("{what}: no corner at ({bottom}, {c})"))
        );
    }
}

fn unicode_borders_at(cols: u16, rows: u16) {
    let mut s = Session::spawn(
        &["--data", "tests/fixtures/valid/unicode.json"],
        cols,
        rows,
        &[],
    );
    must(s.wait_for(status_line_drawn, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        s.screen().contains("北京"),
        "{}",
        s.describe("the CJK text is not shown")
    );
    assert_borders_aligned(&s, 1, "first screen");
    s.send("g");
    must(s.wait_stable(QUIET, TIMEOUT));
    for i in 0..8 {
        assert_borders_aligned(&s, 1, &format!("list row {i}"));
        s.send("j");
        must(s.wait_stable(QUIET, TIMEOUT));
    }
    // The viewer and statistics of the Beijing report, scrolled.
    s.send("g");
    must(s.wait_stable(QUIET, TIMEOUT));
    s.send("j");
    must(s.wait_stable(QUIET, TIMEOUT));
    for k in ["\t", "j", "G", "\t"] {
        s.send(k);
        must(s.wait_stable(QUIET, TIMEOUT));
        assert_borders_aligned(&s, 1, &format!("after {k:?}"));
    }
    s.send("q");
    let status = expect_exit(&mut s, "q");
    assert_eq!(status.exit_code(), 0);
}

#[test]
fn unicode_keeps_pane_borders_aligned_at_160x45() {
    unicode_borders_at(160, 45);
}

#[test]
fn unicode_keeps_pane_borders_aligned_at_80x24() {
    unicode_borders_at(80, 24);
}

// ---- issue 9: stops, signals, hostile text and sizes --------------------------------

#[test]
fn other_terminating_signals_restore_the_terminal_and_exit_128_plus_n() {
    for (name, n) in [
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
        ("VTALRM", 26),
        ("PROF", 27),
    ] {
        signal_exits_cleanly(name, 128 + n);
    }
}

/// The reader under a job-control bash that resets the terminal to line
/// mode while the reader is stopped (as an interactive shell does), then
/// continues it with `fg`. Returns the session, the reader's pid and the
/// screen before the stop.
fn reader_under_job_control() -> Option<(Session, u32, String, KillOnDrop)> {
    if !installed("bash", "--version") {
        eprintln!("skipped: bash is not installed");
        return None;
    }
    let script = r#"set -m; "$0"; stty sane; read -r _; fg; echo "reader exited $?""#;
    let mut cmd = command(
        "bash",
        &["--norc", "--noprofile", "-c", script, learncity_bin()],
    );
    cmd.env("PS1", "$ ");
    let s = Session::spawn_command(cmd, W, H);
    must(s.wait_for(wide_ready, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    let shell = s.pid().unwrap();
    let reader = poll(|| {
        children_of(shell)
            .into_iter()
            .find(|&p| proc_name(p).as_deref() == Some("learncity"))
    })
    .expect("the reader is a child of bash");
    let screen = s.screen();
    Some((s, reader, screen, KillOnDrop(reader)))
}

/// After `fg`: raw mode, the alternate screen and bracketed paste again,
/// the whole screen redrawn, and a key acts without Enter.
fn assert_resumed(s: &mut Session, before: usize, before_screen: &str, how: &str) {
    must(s.wait_until(
        &format!("{how}: back on the alternate screen"),
        |s| s.alternate_screen() && wide_ready(&s.screen()),
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert_full_redraw(s, before, before_screen);
    assert!(
        raw_mode(s),
        "{how}: back, but not in raw mode: {}",
        s.tty_settings().unwrap_or_default()
    );
    let b = &s.bytes_written()[before..];
    assert!(
        find(b, b"\x1b[?2004h").is_some(),
        "{how}: bracketed paste not enabled again"
    );
    assert!(
        find(b, MOUSE_ON).is_some() && s.mouse_reporting(),
        "{how}: the mouse not asked for again"
    );
    // The first report is selected; j selects the next row (the city
    // Balıkesir), which the viewer then shows: without any Enter.
    s.send("j");
    must(s.wait_for(|t| line(t, 1).contains("Viewer · city"), TIMEOUT));
    s.send("q");
    must(s.wait_for(|t| t.contains("reader exited 0"), TIMEOUT));
}

/// `kill -TSTP` from outside: the reader gives the terminal back before it
/// stops, and redraws when continued.
#[test]
fn sigtstp_from_outside_gives_the_terminal_back_and_fg_redraws() {
    let Some((mut s, reader, before_screen, _kill)) = reader_under_job_control() else {
        return;
    };
    let before = s.output_len();
    let out = Command::new("kill")
        .args(["-s", "TSTP", &reader.to_string()])
        .status()
        .unwrap();
    assert!(out.success());
    must(s.wait_until(
        "the reader stops",
        |_| proc_state(reader) == Some('T'),
        TIMEOUT,
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        !s.alternate_screen(),
        "{}",
        s.describe("stopped on the alternate screen")
    );
    let resume_from = s.output_len();
    s.send("\r");
    assert_resumed(&mut s, resume_from.min(before), &before_screen, "TSTP");
}

/// `kill -STOP` cannot be caught: the reader stops with the terminal as it
/// was, the shell puts it in line mode, and on SIGCONT (`fg`) the reader
/// takes it back: raw mode, alternate screen, bracketed paste, a redraw.
#[test]
fn sigstop_then_fg_takes_the_terminal_back() {
    let Some((mut s, reader, before_screen, _kill)) = reader_under_job_control() else {
        return;
    };
    let out = Command::new("kill")
        .args(["-s", "STOP", &reader.to_string()])
        .status()
        .unwrap();
    assert!(out.success());
    must(s.wait_until(
        "the reader stops",
        |_| proc_state(reader) == Some('T'),
        TIMEOUT,
    ));
    // bash has reset the terminal (stty sane) and reads a line.
    must(s.wait_until("line mode", |s| !raw_mode(s), TIMEOUT));
    let before = s.output_len();
    s.send("\r");
    assert_resumed(&mut s, before, &before_screen, "STOP");
}

/// CPU time used by `pid` so far.
fn cpu_of(pid: u32) -> Duration {
    common::pty::cpu_time(pid).map_or(Duration::ZERO, |t| {
        Duration::from_secs_f64(t.ticks as f64 / clock_ticks_per_second() as f64)
    })
}

/// Pasting 4 000 letters into the search line froze the reader at 100 %
/// CPU for 76 s (it searched once per letter); so did typing them where
/// the terminal does not bracket pastes. Bursts are searched once. Typed
/// letters were still put in one at a time, each at the cost of the whole
/// line (100 000 letters: 29 s); those that arrive together go in at once.
#[test]
fn a_long_paste_or_burst_of_keys_in_the_search_line_answers_at_once() {
    let mut s = start();
    let pid = s.pid().unwrap();
    s.send("/");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    let cpu = cpu_of(pid);
    let letters = "abcdefghij".repeat(400);
    s.send(&format!("\x1b[200~{letters}\x1b[201~"));
    // One word of 4 000 letters: searched, and nothing found.
    must(s.wait_for(|t| line(t, 1).contains("0\u{a0}hits"), TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        line(&s.screen(), 0).contains("abcdefghij"),
        "{}",
        s.describe("the paste")
    );
    s.send("\x1b");
    must(s.wait_for(|t| line(t, 0).contains("press / to search"), TIMEOUT));
    s.send("/");
    must(s.wait_for(|t| line(t, H as usize - 1).contains("Esc cancel"), TIMEOUT));
    let typed = burst_of_letters(&mut s, |t| line(t, 0).contains("abcdefghijklmnop"));
    must(s.wait_for(|t| line(t, 1).contains("0\u{a0}hits"), TIMEOUT));
    let used = cpu_of(pid) - cpu;
    assert!(
        used < Duration::from_secs(5),
        "{} letters took {used:?} of CPU",
        4000 + typed
    );
    assert!(s.is_running());
    s.send("\x03");
    expect_exit(&mut s, "Ctrl-C");
}

/// Types 200 000 letters as single keys (no bracketed paste), the last
/// ones `klmnop`, and waits until `shown` says the line has them all.
/// Returns how many were typed.
fn burst_of_letters(s: &mut Session, shown: impl Fn(&str) -> bool) -> usize {
    let letters = format!("{}klmnop", "abcdefghij".repeat(20_000));
    s.send(&letters);
    must(s.wait_for(shown, Duration::from_secs(60)));
    must(s.wait_stable(QUIET, TIMEOUT));
    letters.len()
}

/// The viewer's find line took each typed letter alone too, marking the
/// text anew after each: 40 000 letters took 5.4 s of CPU.
#[test]
fn a_burst_of_keys_in_the_find_line_answers_at_once() {
    let (mut s, pid) = in_the_find_line();
    let cpu = cpu_of(pid);
    let typed = burst_of_letters(&mut s, |t| {
        line(t, 0).trim_end().ends_with("abcdefghijklmnop")
    });
    let used = cpu_of(pid) - cpu;
    assert!(
        used < Duration::from_secs(5),
        "{typed} letters took {used:?} of CPU"
    );
    assert!(s.is_running());
    s.send("\x03");
    expect_exit(&mut s, "Ctrl-C");
}

/// The reader with the viewer's find line open, and its pid.
fn in_the_find_line() -> (Session, u32) {
    let mut s = start();
    let pid = s.pid().unwrap();
    s.send("\t");
    must(s.wait_for(
        |t| line(t, H as usize - 1).contains("/ find in text"),
        TIMEOUT,
    ));
    s.send("/");
    must(s.wait_for(|t| line(t, 0).starts_with("Find in text:"), TIMEOUT));
    (s, pid)
}

/// A bracketed paste into the viewer's find line went in one letter at a
/// time, each at the cost of the whole line: 80 000 letters took 5 s of
/// CPU, a megabyte would take minutes. It costs what the search line's
/// paste costs.
#[test]
fn a_long_paste_into_the_find_line_answers_at_once() {
    let (mut s, pid) = in_the_find_line();
    let cpu = cpu_of(pid);
    // The end is shown once the whole paste is in.
    let letters = format!("{}klmnop", "abcdefghij".repeat(20_000));
    s.send(&format!("\x1b[200~{letters}\x1b[201~"));
    must(s.wait_for(
        |t| line(t, 0).trim_end().ends_with("abcdefghijklmnop"),
        Duration::from_secs(60),
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    let used = cpu_of(pid) - cpu;
    assert!(
        used < Duration::from_secs(5),
        "a paste of 200 000 letters took {used:?} of CPU"
    );
    assert!(s.is_running());
    s.send("\x1b");
    must(s.wait_for(|t| !line(t, 0).starts_with("Find in text:"), TIMEOUT));
    s.send("\x03");
    expect_exit(&mut s, "Ctrl-C");
}

/// A report that is one 30 MB word: keys cost what the screen shows, not
/// the word (each key took 0.9–2.6 s at 100 MB).
#[test]
fn keys_in_a_report_of_one_huge_word_cost_what_the_screen_shows() {
    let dir = temp_dir();
    let path = dir.path().join("word.json");
    let word = "a".repeat(30_000_000);
    std::fs::write(
        &path,
        format!(
            r#"{{"schema": 1, "cities": [{{"id": "x", "name": "X", "country": "Y"}}],
              "articles": [{{"id": "w", "city": "x", "title": "One word", "body": [{{"kind": "paragraph", "text": "{word}"}}]}}]}}"#
        ),
    )
    .unwrap();
    drop(word);
    let mut s = Session::spawn(&["--data", path.to_str().unwrap()], W, H, &[]);
    must(s.wait_until(
        "the first screen",
        |s| wide_ready(&s.screen()),
        Duration::from_secs(60),
    ));
    must(s.wait_stable(QUIET, TIMEOUT));
    let pid = s.pid().unwrap();
    let cpu = cpu_of(pid);
    for k in [
        "\t", "j", "\x1b[6~", "G", "g", "\t", "j", "k", "\t", "\t", "/", "a", "a", "\x1b",
    ] {
        s.send(k);
        must(s.wait_stable(QUIET, Duration::from_secs(30)));
    }
    let used = cpu_of(pid) - cpu;
    assert!(
        used < Duration::from_secs(3),
        "14 keys took {used:?} of CPU"
    );
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let hwm: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    assert!(hwm < 300_000, "{hwm} kB for a 30 MB report");
    s.send("q");
    expect_exit(&mut s, "q");
}

/// A terminal that claims 5000×5000 cost 2.3 GB; the drawing size is
/// clamped.
#[test]
fn a_5000_by_5000_terminal_is_drawn_within_bounds() {
    let mut s = start();
    let before = s.output_len();
    s.claim_size(5000, 5000);
    must(s.wait_until("a redraw", |s| s.output_len() > before, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    let pid = s.pid().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let hwm: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    assert!(hwm < 400_000, "{hwm} kB at 5000x5000");
    s.send("q");
    expect_exit(&mut s, "q");
    assert_restored(&s, "q at 5000x5000");
}

/// Emoji sequences (a family joined by U+200D, a flag with U+FE0F, a skin
/// tone) are drawn as their parts, so the reader and the terminal count the
/// same columns: borders stay in place, in our emulator and inside tmux.
#[test]
fn emoji_sequences_keep_pane_borders_aligned() {
    let mut s = Session::spawn(&["--data", "tests/fixtures/valid/emoji.json"], W, H, &[]);
    must(s.wait_for(status_line_drawn, TIMEOUT));
    must(s.wait_stable(QUIET, TIMEOUT));
    assert!(
        s.screen().contains("👨👩👧👦"),
        "{}",
        s.describe("the family, as its parts")
    );
    assert!(!String::from_utf8_lossy(&s.bytes_written()).contains('\u{200d}'));
    for k in ["", "j", "j", "\t", "G", "\t"] {
        s.send(k);
        must(s.wait_stable(QUIET, TIMEOUT));
        assert_borders_aligned(&s, 1, &format!("after {k:?}"));
    }
    s.send("q");
    expect_exit(&mut s, "q");
}

/// The same inside tmux, reading tmux's own grid: the border of every row
/// is at the column of the top row's corner.
#[test]
fn emoji_sequences_keep_pane_borders_aligned_inside_tmux() {
    if !installed("tmux", "-V") {
        eprintln!("skipped: tmux is not installed (apt-get install -y tmux)");
        return;
    }
    let dir = temp_dir();
    let status = dir.path().join("status");
    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    let cmd = format!(
        "'{}' --data tests/fixtures/valid/emoji.json; echo $? > '{}'",
        learncity_bin(),
        status.display()
    );
    tmux.start(&cmd);
    poll(|| line(&tmux.capture(), 39).contains("q quit").then_some(()))
        .unwrap_or_else(|| panic!("no layout in tmux:\n{}", tmux.capture()));
    let columns = |l: &str| -> Vec<usize> {
        let mut col = 0;
        let mut out = Vec::new();
        for c in l.chars() {
            if matches!(
                c,
                '│' | '┃' | '║' | '┌' | '┐' | '┏' | '┓' | '└' | '┘' | '┗' | '┛' | '█'
            ) {
                out.push(col);
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        out
    };
    for keys in ["", "j", "j", "Tab", "G"] {
        if !keys.is_empty() {
            tmux.run(&["send-keys", "-t", "lc", keys]);
            thread::sleep(Duration::from_millis(300));
        }
        let pane = tmux.capture();
        let rows: Vec<&str> = pane.lines().collect();
        let corners: Vec<usize> = columns(rows[1]).into_iter().filter(|&c| c > 0).collect();
        for (r, row) in rows.iter().enumerate().take(38).skip(2) {
            let cols = columns(row);
            for c in &corners {
                assert!(
                    cols.contains(c),
                    "after {keys:?}: row {r} has no border at column {c}:\n{pane}"
                );
            }
            let width: usize = row
                .chars()
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum();
            assert!(
                width <= 120,
                "after {keys:?}: row {r} is {width} columns wide:\n{pane}"
            );
        }
    }
    tmux.run(&["send-keys", "-t", "lc", "q"]);
    let code = poll(|| read_status(&status)).unwrap_or_default();
    assert_eq!(code, "0");
}

/// Flags (pairs of regional indicators) and Thai SARA AM are drawn at
/// different widths by different terminals (tmux drew fragments of 🇷 beside
/// the scrollbar and short rows): they are sent as letters and as the
/// vowel's two parts. Inside tmux, after every key, the screen is the one a
/// full redraw (a resize) gives: no fragment is left behind.
#[test]
fn flags_and_thai_leave_no_fragments_inside_tmux() {
    if !installed("tmux", "-V") {
        eprintln!("skipped: tmux is not installed (apt-get install -y tmux)");
        return;
    }
    let dir = temp_dir();
    let status = dir.path().join("status");
    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    let cmd = format!(
        "'{}' --no-state --data tests/fixtures/valid/flags.json; echo $? > '{}'",
        learncity_bin(),
        status.display()
    );
    tmux.start(&cmd);
    poll(|| line(&tmux.capture(), 39).contains("q quit").then_some(()))
        .unwrap_or_else(|| panic!("no layout in tmux:\n{}", tmux.capture()));
    let settled = || {
        // Two equal captures 300 ms apart: the reader has drawn.
        let mut last = tmux.capture();
        loop {
            thread::sleep(Duration::from_millis(300));
            let now = tmux.capture();
            if now == last {
                return now;
            }
            last = now;
        }
    };
    for keys in [
        "j", "j", "j", "Tab", "j", "PageDown", "G", "g", "Tab", "j", "k",
    ] {
        tmux.run(&["send-keys", "-t", "lc", keys]);
        let drawn = settled();
        tmux.run(&["resize-window", "-t", "lc", "-x", "121", "-y", "40"]);
        settled();
        tmux.run(&["resize-window", "-t", "lc", "-x", "120", "-y", "40"]);
        let redrawn = settled();
        assert_eq!(
            drawn, redrawn,
            "after {keys:?} the screen differs from a full redraw"
        );
    }
    tmux.run(&["send-keys", "-t", "lc", "q"]);
    let code = poll(|| read_status(&status)).unwrap_or_default();
    assert_eq!(code, "0");
}
