//! Runs `learncity` in a real pseudo-terminal and reads what it draws.
//!
//! A [`Session`] starts the binary on the slave side of a pty of a given
//! size. A reader thread takes every byte the program writes, appends it to
//! a shared buffer (so tests can inspect the raw escape sequences) and feeds
//! it to a `vt100` emulator (so tests can read the screen as a person sees
//! it, cell attributes included). The screen tests read is the one after
//! the last whole frame: the program marks its frames with synchronized
//! output (DEC mode 2026), and a frame that arrives in several reads is
//! not shown half drawn, as a terminal that knows the mode would not.
//!
//! Tests never sleep a fixed time: they wait for the screen to show what
//! they expect ([`Session::wait_for`]) or for the program to stop writing
//! ([`Session::wait_stable`]). Timeouts only stop a hung test; no test
//! asserts on how long something took.
//!
//! Notes for tests built on this:
//! - Send a lone Esc (`"\x1b"`) on its own and wait for its effect before
//!   the next key: written together, `"\x1bj"` reads as Alt-j.
//! - portable-pty's writer, when dropped, types a newline and the EOF
//!   character (Enter, Ctrl-D) into the terminal. [`Session`] drops it only
//!   after the child is gone; a test that closes input early must expect
//!   those keys.
//! - The reader thread keeps a handle on the pty's master side, blocked in
//!   `read`, so dropping the session's own handles does not hang the
//!   terminal up. [`Session::hang_up`] closes the master for real: it asks
//!   the reader to let go after its next read, makes the program write (a
//!   resize), then drops the writer and the master. A test can also just
//!   send the signal with [`Session::signal`].

use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use learncity::tui::backend::{FRAME_BEGIN, FRAME_END};
use portable_pty::{native_pty_system, Child, MasterPty, PtySize};

pub use portable_pty::{CommandBuilder, ExitStatus};

/// How long a test waits for anything before it fails as hung.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How long without output counts as "the screen stopped changing".
pub const QUIET: Duration = Duration::from_millis(150);
const POLL: Duration = Duration::from_millis(10);

/// The terminal type a session gets unless the test passes its own `TERM`.
pub const DEFAULT_TERM: &str = "xterm-256color";

pub struct Session {
    /// `None` once hung up (see [`Session::hang_up`]).
    master: Option<Box<dyn MasterPty + Send>>,
    /// `None` once dropped (see the module notes).
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    /// Every byte the program wrote, in order.
    output: Arc<Mutex<Vec<u8>>>,
    /// The emulated terminal, fed the same bytes.
    emulator: Arc<Mutex<Emulator>>,
    /// When the last byte arrived (the spawn time before any).
    last_output: Arc<Mutex<Instant>>,
    /// Set by the reader thread when the pty reports end of output: the
    /// program and everything it started have closed the terminal. Also
    /// set when the reader let go of the pty for a hang-up.
    closed: Arc<AtomicBool>,
    /// Asks the reader thread to close its handle on the master after its
    /// next read (for [`Session::hang_up`]).
    release: Arc<AtomicBool>,
    status: Option<ExitStatus>,
    cols: u16,
    rows: u16,
}

/// A `vt100` terminal that, like one that knows synchronized output,
/// shows a frame only once it is whole.
pub struct Emulator {
    parser: vt100::Parser,
    /// Inside a frame: the screen as it was when the frame began, shown
    /// until it ends.
    held: Option<vt100::Screen>,
    /// How much of `ESC[?2026` the last bytes matched, across reads.
    matched: usize,
}

/// What the frame markers (`FRAME_BEGIN`, `FRAME_END`) share: all but the
/// last byte, `h` or `l`.
const SYNC: &[u8] = FRAME_BEGIN.split_last().unwrap().1;

impl Emulator {
    pub fn new(rows: u16, cols: u16) -> Emulator {
        Emulator {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            held: None,
            matched: 0,
        }
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if self.matched == SYNC.len() {
                self.matched = 0;
                let begin = b == FRAME_BEGIN[SYNC.len()];
                if begin || b == FRAME_END[SYNC.len()] {
                    self.parser.process(&bytes[from..=i]);
                    from = i + 1;
                    if !begin {
                        self.held = None;
                    } else if self.held.is_none() {
                        self.held = Some(self.parser.screen().clone());
                    }
                }
            }
            self.matched = match b {
                _ if b == SYNC[self.matched] => self.matched + 1,
                0x1b => 1,
                _ => 0,
            };
        }
        self.parser.process(&bytes[from..]);
    }

    /// Lets go of the frame's start it holds: the program will write no
    /// more, so what it wrote is shown, whole frame or not.
    fn release(&mut self) {
        self.held = None;
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.held.as_ref().unwrap_or_else(|| self.parser.screen())
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the screen from the next look.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal needs at least one row and one column")
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    /// Starts `learncity ARGS` in a `cols`×`rows` pseudo-terminal.
    ///
    /// The child inherits the test's environment, with `TERM` set to
    /// [`DEFAULT_TERM`] and `NO_COLOR` removed; `env` then sets variables on
    /// top (so it can override `TERM` or set `NO_COLOR`). The working
    /// directory is the crate root, so `--data data/…` paths work.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let mut cmd = learncity_command(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        Session::spawn_command(cmd, cols, rows)
    }

    /// Starts any command in a `cols`×`rows` pseudo-terminal, as the
    /// session leader with the pty as its controlling terminal (build it
    /// with [`command`] or [`learncity_command`] for the usual
    /// environment). [`Session::pid`] is then that command's.
    pub fn spawn_command(cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open a pseudo-terminal");
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("start the command in the pty");
        // Only the child may hold the slave side, so that the reader sees
        // end of output when the child is gone.
        drop(pair.slave);

        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");

        let output = Arc::new(Mutex::new(Vec::new()));
        let emulator = Arc::new(Mutex::new(Emulator::new(rows, cols)));
        let last_output = Arc::new(Mutex::new(Instant::now()));
        let closed = Arc::new(AtomicBool::new(false));
        let release = Arc::new(AtomicBool::new(false));
        {
            let (output, emulator, last_output, closed, release) = (
                Arc::clone(&output),
                Arc::clone(&emulator),
                Arc::clone(&last_output),
                Arc::clone(&closed),
                Arc::clone(&release),
            );
            thread::Builder::new()
                .name("pty-reader".into())
                .spawn(move || {
                    let mut buf = [0u8; 16 * 1024];
                    loop {
                        match reader.read(&mut buf) {
                            Ok(0) => break,
                            Ok(n) => {
                                // Parser first, then the buffer, both held:
                                // the two never disagree for a reader.
                                let mut p = lock(&emulator);
                                let mut o = lock(&output);
                                p.feed(&buf[..n]);
                                o.extend_from_slice(&buf[..n]);
                                *lock(&last_output) = Instant::now();
                                if release.load(Ordering::SeqCst) {
                                    break;
                                }
                            }
                            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                            // EIO: every slave handle is closed.
                            Err(_) => break,
                        }
                    }
                    // Whatever came last is all there will be, whole frame
                    // or not.
                    lock(&emulator).release();
                    // Close the reader's handle on the master before saying
                    // so: a hang-up waits for this.
                    drop(reader);
                    closed.store(true, Ordering::SeqCst);
                })
                .expect("start the pty reader thread");
        }

        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            output,
            emulator,
            last_output,
            closed,
            release,
            status: None,
            cols,
            rows,
        }
    }

    // ---- input -----------------------------------------------------------

    /// Types `keys`: text as UTF-8, plus control bytes such as `"\t"` (Tab),
    /// `"\r"` (Enter), `"\x1b"` (Esc), `"\x1b[B"` (Down), `"\x03"` (Ctrl-C).
    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        if let Err(e) = self.try_send_bytes(bytes) {
            panic!("could not type {bytes:?}: {e}\n{}", self.describe("screen"));
        }
    }

    /// Like [`send_bytes`](Self::send_bytes), for tests that type into a
    /// terminal whose program may be gone.
    pub fn try_send_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        let w = self
            .writer
            .as_mut()
            .ok_or_else(|| io::Error::new(io::ErrorKind::BrokenPipe, "input closed"))?;
        w.write_all(bytes)?;
        w.flush()
    }

    /// Tells the program its terminal is `cols`×`rows` (the pty's size and
    /// SIGWINCH) while the emulator keeps its own size: for sizes no
    /// emulator could hold, such as 65535×65535. The screen then shows the
    /// top-left corner of what the program draws.
    pub fn claim_size(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the terminal was hung up")
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
    }

    /// Changes the terminal's size, as a window manager would: the
    /// emulator first, then the pty (which sends the program SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.emulator)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("the terminal was hung up")
            .resize(pty_size(cols, rows))
            .expect("resize the pty");
        self.cols = cols;
        self.rows = rows;
    }

    /// Hangs the terminal up for real, as a dropped SSH connection does:
    /// every handle on the pty's master side is closed, and the kernel
    /// sends SIGHUP to the session leader (the program) and its foreground
    /// process group. Nothing the program writes afterwards can be read.
    ///
    /// The reader thread is blocked reading the master, and only a read
    /// returning lets it close its handle; so it is told to let go after
    /// its next read, and the program is made to write by a resize (one
    /// column wider: the program redraws). A program that does not redraw
    /// on a resize cannot be hung up this way: `Err` then, with the screen.
    /// Dropping the writer types Enter and Ctrl-D first (see the module
    /// notes): the program may see those two keys just before the hang-up.
    pub fn hang_up(&mut self) -> Result<(), String> {
        self.release.store(true, Ordering::SeqCst);
        if !self.closed() {
            let (cols, rows) = self.size();
            self.resize(cols + 1, rows);
            let deadline = Instant::now() + TIMEOUT;
            while !self.closed() {
                if Instant::now() >= deadline {
                    return Err(self.describe(
                        "the program wrote nothing after a resize, so the reader \
                         could not let go of the terminal to hang it up",
                    ));
                }
                thread::sleep(POLL);
            }
        }
        self.writer.take();
        self.master.take();
        Ok(())
    }

    // ---- waiting ---------------------------------------------------------

    /// Polls the screen until `pred` holds for its text (rows joined by
    /// newlines). `Err` carries the screen at the time of failure, so a
    /// failing test shows what was on it.
    pub fn wait_for(
        &self,
        pred: impl Fn(&str) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            // Read `closed` before the screen: if it was set, the screen
            // already holds everything the program will ever write.
            let closed = self.closed();
            let text = self.screen();
            if pred(&text) {
                return Ok(text);
            }
            if closed {
                return Err(
                    self.describe("the program closed the terminal before the screen matched")
                );
            }
            if Instant::now() >= deadline {
                return Err(self.describe(&format!(
                    "timed out after {timeout:?} waiting for the screen to match"
                )));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `needle` is on screen.
    pub fn wait_for_text(&self, needle: &str) -> Result<String, String> {
        self.wait_for(|s| s.contains(needle), TIMEOUT)
            .map_err(|e| format!("looking for {needle:?}: {e}"))
    }

    /// Polls until `pred` holds for the session (for checks on cell
    /// attributes, which the screen's text does not show). `what` names
    /// the awaited state in the failure message.
    pub fn wait_until(
        &self,
        what: &str,
        pred: impl Fn(&Session) -> bool,
        timeout: Duration,
    ) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let closed = self.closed();
            if pred(self) {
                return Ok(self.screen());
            }
            if closed {
                return Err(self.describe(&format!(
                    "the program closed the terminal before this held: {what}"
                )));
            }
            if Instant::now() >= deadline {
                return Err(
                    self.describe(&format!("timed out after {timeout:?} waiting for: {what}"))
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until no byte has arrived for `quiet_for`, counted from the
    /// later of this call and the last byte (or until the program closed
    /// the terminal): the screen stopped changing. The program thus gets
    /// at least `quiet_for` to react to the last key. Prefer waiting for
    /// what the key should show; use this to let a frame finish drawing
    /// before reading several parts of it, or where nothing should change.
    pub fn wait_stable(&self, quiet_for: Duration, timeout: Duration) -> Result<String, String> {
        let start = Instant::now();
        let deadline = start + timeout;
        loop {
            let last = (*lock(&self.last_output)).max(start);
            if self.closed() || last.elapsed() >= quiet_for {
                return Ok(self.screen());
            }
            if Instant::now() >= deadline {
                return Err(
                    self.describe(&format!("the screen was still changing after {timeout:?}"))
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the program to exit and for its last bytes to be read.
    /// `None` if it is still running at the timeout.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while self.status.is_none() {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.status = Some(status);
                break;
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL);
        }
        while !self.closed() && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        self.status.clone()
    }

    /// True while the program has not exited.
    pub fn is_running(&mut self) -> bool {
        if self.status.is_none() {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.status = Some(status);
            }
        }
        self.status.is_none()
    }

    /// True once the pty reported end of output.
    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// The process's state letter from `/proc/PID/stat` (`S` sleeping,
    /// `R` running, `T` stopped, `Z` zombie); `None` where there is no
    /// /proc or the process is gone.
    pub fn process_state(&self) -> Option<char> {
        proc_state(self.pid()?)
    }

    /// CPU time the process has used so far (see [`cpu_time`]).
    pub fn cpu_time(&self) -> Option<CpuTime> {
        cpu_time(self.pid()?)
    }

    /// Sends a signal by name (`"HUP"`, `"TERM"`, `"CONT"`…) with kill(1).
    pub fn signal(&self, name: &str) -> io::Result<()> {
        let pid = self
            .pid()
            .ok_or_else(|| io::Error::other("no process id"))?;
        let status = std::process::Command::new("kill")
            .args(["-s", name, &pid.to_string()])
            .status()?;
        if status.success() {
            Ok(())
        } else {
            Err(io::Error::other(format!("kill -s {name} {pid}: {status}")))
        }
    }

    /// The pty's line settings as `stty -a` prints them (e.g. to check
    /// that the program left raw mode: `icanon`, `echo`, not `-icanon`).
    pub fn tty_settings(&self) -> io::Result<String> {
        let tty = self
            .master
            .as_ref()
            .ok_or_else(|| io::Error::other("the terminal was hung up"))?
            .tty_name()
            .ok_or_else(|| io::Error::other("the pty has no name"))?;
        let out = std::process::Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(&tty)
            .output()?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(io::Error::other(format!(
                "stty -a -F {}: {}",
                tty.display(),
                String::from_utf8_lossy(&out.stderr)
            )))
        }
    }

    // ---- the screen ------------------------------------------------------

    /// (columns, rows) as last set.
    pub fn size(&self) -> (u16, u16) {
        (self.cols, self.rows)
    }

    /// The screen's text, one line per row (trailing blanks dropped).
    pub fn screen(&self) -> String {
        self.rows_text().join("\n")
    }

    fn rows_text(&self) -> Vec<String> {
        let p = lock(&self.emulator);
        let (_, cols) = p.screen().size();
        p.screen().rows(0, cols.get()).collect()
    }

    /// Row `n` (0 at the top); empty past the bottom.
    pub fn row(&self, n: u16) -> String {
        self.rows_text()
            .into_iter()
            .nth(n as usize)
            .unwrap_or_default()
    }

    /// The last row: the status line of the reader.
    pub fn last_row(&self) -> String {
        self.row(self.rows.saturating_sub(1))
    }

    /// The first place (row, column) where `needle` is on screen, counting
    /// columns as cells (a wide character is one cell of text).
    pub fn find_text(&self, needle: &str) -> Option<(u16, u16)> {
        (0..self.rows).find_map(|r| self.find_in_row(r, needle).map(|c| (r, c)))
    }

    /// The column where `needle` first appears in row `row`.
    pub fn find_in_row(&self, row: u16, needle: &str) -> Option<u16> {
        let p = lock(&self.emulator);
        let screen = p.screen();
        let mut text = String::new();
        let mut col_at = Vec::new(); // byte offset in `text` -> column
        for col in 0..self.cols {
            let Some(cell) = screen.cell(row, col) else {
                break;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let s = if cell.has_contents() {
                cell.contents()
            } else {
                " "
            };
            col_at.extend(std::iter::repeat_n(col, s.len()));
            text.push_str(s);
        }
        text.find(needle).map(|i| col_at[i])
    }

    /// A copy of one cell, for its text and attributes.
    pub fn cell(&self, row: u16, col: u16) -> Option<vt100::Cell> {
        lock(&self.emulator).screen().cell(row, col).cloned()
    }

    pub fn cell_bold(&self, row: u16, col: u16) -> bool {
        self.cell(row, col).is_some_and(|c| c.bold())
    }

    pub fn cell_reversed(&self, row: u16, col: u16) -> bool {
        self.cell(row, col).is_some_and(|c| c.inverse())
    }

    pub fn cell_underlined(&self, row: u16, col: u16) -> bool {
        self.cell(row, col).is_some_and(|c| c.underline())
    }

    pub fn cell_fg(&self, row: u16, col: u16) -> vt100::Color {
        self.cell(row, col)
            .map_or(vt100::Color::Default, |c| c.fgcolor())
    }

    pub fn cell_bg(&self, row: u16, col: u16) -> vt100::Color {
        self.cell(row, col)
            .map_or(vt100::Color::Default, |c| c.bgcolor())
    }

    /// Every cell of the screen, row by row: (row, column, cell).
    pub fn cells(&self) -> Vec<(u16, u16, vt100::Cell)> {
        let p = lock(&self.emulator);
        let screen = p.screen();
        let mut out = Vec::new();
        for r in 0..self.rows {
            for c in 0..self.cols {
                if let Some(cell) = screen.cell(r, c) {
                    out.push((r, c, cell.clone()));
                }
            }
        }
        out
    }

    /// True while the program shows the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        lock(&self.emulator).screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        lock(&self.emulator).screen().hide_cursor()
    }

    /// Whether the terminal, as the emulator sees it, reports mouse events.
    pub fn mouse_reporting(&self) -> bool {
        lock(&self.emulator).screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// (row, column) of the cursor.
    pub fn cursor_position(&self) -> (u16, u16) {
        lock(&self.emulator).screen().cursor_position()
    }

    // ---- raw output ------------------------------------------------------

    /// Every byte the program wrote so far.
    pub fn bytes_written(&self) -> Vec<u8> {
        lock(&self.output).clone()
    }

    /// How many bytes the program wrote so far.
    pub fn output_len(&self) -> usize {
        lock(&self.output).len()
    }

    /// A failure message: `what`, the terminal's state and the screen with
    /// row numbers.
    pub fn describe(&self, what: &str) -> String {
        let mut s = format!(
            "{what}\n{}x{} terminal, alternate screen {}, {} bytes written{}; screen:\n",
            self.cols,
            self.rows,
            self.alternate_screen(),
            self.output_len(),
            if self.closed() { ", closed" } else { "" },
        );
        for (i, line) in self.rows_text().iter().enumerate() {
            s.push_str(&format!("{i:>3}│{line}\n"));
        }
        s
    }
}

// ---- processes -----------------------------------------------------------

/// The fields of `/proc/PID/stat` after the command name, from the state
/// on (so field 3 of proc(5) is index 0).
fn proc_stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "PID (COMM) S …": COMM may hold spaces and parentheses.
    Some(
        stat[stat.rfind(')')? + 1..]
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
    )
}

/// Process `pid`'s state letter (see [`Session::process_state`]).
pub fn proc_state(pid: u32) -> Option<char> {
    proc_stat_fields(pid)?.first()?.chars().next()
}

/// The processes whose parent is `pid`, found by scanning /proc.
pub fn children_of(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&p| {
            proc_stat_fields(p)
                .and_then(|f| f.get(1)?.parse::<u32>().ok())
                .is_some_and(|ppid| ppid == pid)
        })
        .collect()
}

/// The command name of process `pid` (`/proc/PID/comm`).
pub fn proc_name(pid: u32) -> Option<String> {
    Some(
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .ok()?
            .trim_end()
            .to_owned(),
    )
}

/// CPU time used by a process, all its threads together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpuTime {
    /// utime + stime from `/proc/PID/stat`, in clock ticks.
    pub ticks: u64,
    /// The same from the scheduler (`/proc/PID/task/*/schedstat`, the
    /// first field, nanoseconds on the CPU), where the kernel keeps it: a
    /// finer measure than ticks.
    pub nanos: Option<u64>,
}

/// Process `pid`'s CPU time so far; `None` where there is no /proc or the
/// process is gone.
pub fn cpu_time(pid: u32) -> Option<CpuTime> {
    let f = proc_stat_fields(pid)?;
    // utime and stime are fields 14 and 15 of proc(5).
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    let nanos = (|| {
        let mut sum = 0;
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
            let path = task.ok()?.path().join("schedstat");
            let text = std::fs::read_to_string(path).ok()?;
            sum += text.split_whitespace().next()?.parse::<u64>().ok()?;
        }
        Some(sum)
    })();
    Some(CpuTime { ticks, nanos })
}

/// Clock ticks per second (`getconf CLK_TCK`), 100 if that cannot be run.
pub fn clock_ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok()?.trim().parse().ok())
        .unwrap_or(100)
}

/// A command for [`Session::spawn_command`]: `program ARGS`, started in
/// the crate root, with `TERM` set to [`DEFAULT_TERM`] and `NO_COLOR`
/// removed.
pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", DEFAULT_TERM);
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("COLUMNS");
    cmd.env_remove("PAGER");
    // English, whatever the developer's locale.
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_MESSAGES");
    cmd.env("LANG", "C.UTF-8");
    // Each run its own empty state and config directories: no test reads
    // or writes the developer's marks or config, or another test's.
    let home = scratch_home();
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env_remove("LEARNCITY_CACHE");
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env_remove("LEARNCITY_STATE");
    // The bundled corpus, whatever the machine has installed.
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("LEARNCITY_TEST_SYSTEM_DATA", home.join("system"));
    cmd.env_remove("LEARNCITY_DATA");
    cmd
}

/// A new empty directory for one run's state and config.
pub fn scratch_home() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("home-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch home");
    dir
}

/// The path of the `learncity` binary under test: the one cargo built, or
/// `LEARNCITY_TEST_BIN` (to run these tests against another build, such as
/// an older one, to see which of them it fails).
pub fn learncity_bin() -> &'static str {
    static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var("LEARNCITY_TEST_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_learncity").to_owned())
    })
}

/// `learncity ARGS` as [`command`] builds it.
pub fn learncity_command(args: &[&str]) -> CommandBuilder {
    command(learncity_bin(), args)
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            // SIGHUP, then SIGKILL after a short grace period.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Only now: dropping the writer types Enter and Ctrl-D.
        self.writer.take();
    }
}

// ---- escape sequences ----------------------------------------------------

/// The parameters of every SGR sequence (`ESC [ … m`) in `bytes`, in
/// order: `"0;1"`, `"38;5;6"`, `""` for a bare `ESC[m`.
pub fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != 0x1b || bytes[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut j = start;
        while j < bytes.len() && (0x30..=0x3f).contains(&bytes[j]) {
            j += 1;
        }
        let params_end = j;
        while j < bytes.len() && (0x20..=0x2f).contains(&bytes[j]) {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'm' && params_end == j {
            let params = &bytes[start..params_end];
            // A private marker (`ESC[>4;1m`) is not an SGR.
            if !params.first().is_some_and(|b| (b'<'..=b'?').contains(b)) {
                out.push(String::from_utf8_lossy(params).into_owned());
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// The SGR sequences in `bytes` that set a colour: a foreground or
/// background from the 8/16 colours (30–37, 40–47, 90–97, 100–107), or an
/// indexed or RGB one (38, 48, and 58 for underlines). 39 and 49 (back to
/// the terminal's default colours) set no colour and are not listed.
pub fn colour_sgrs(bytes: &[u8]) -> Vec<String> {
    sgr_params(bytes)
        .into_iter()
        .filter(|p| {
            p.split(';').any(|part| {
                let code = part.split(':').next().unwrap_or("");
                matches!(
                    code.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
                )
            })
        })
        .map(|p| format!("ESC[{p}m"))
        .collect()
}
