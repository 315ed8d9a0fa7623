//! The terminal's life cycle: raw mode, the alternate screen and bracketed
//! paste on the way in, and their reversal on every way out (quit, error,
//! panic, a signal, an abort), and when the shell stops and continues us.
//!
//! Raw mode is set and reset here with termios directly, not through
//! crossterm: after an outside `kill -STOP` and `fg` the shell may have put
//! the terminal back in line mode, and crossterm, believing it is still
//! raw, would not set it again.

use std::io::{self, Stdout, Write};
use std::os::fd::BorrowedFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::OnceLock;

use ratatui::Terminal;
use rustix::event::{poll, PollFd, PollFlags};
use rustix::termios::{tcgetattr, tcsetattr, OptionalActions, Termios};
use signal_hook::consts::signal::*;
use signal_hook::iterator::Signals;

use super::backend::AnsiBackend;

pub type Term = Terminal<AnsiBackend<Stdout>>;

/// Alternate screen, bracketed paste, cursor hidden.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l";
/// Every mode of `ENTER` switched off again, and the colours reset. It
/// first ends a frame cut short (see `AnsiBackend::begin_frame`), or a terminal that
/// holds frames would wait for the rest before showing the shell.
const LEAVE: &[u8] = b"\x1b[?2026l\x1b[0m\x1b[?1049l\x1b[?25h\x1b[?2004l";
/// `ENTER` and the mouse: presses and the wheel (1000), reported in SGR
/// form (1006), which has no limit on the column. Not 1002/1003: no drag
/// or motion reports, so moving the mouse sends nothing. (crossterm's
/// `EnableMouseCapture` asks for all motion, so it is not used.)
const ENTER_MOUSE: &[u8] = b"\x1b[?1049h\x1b[?2004h\x1b[?25l\x1b[?1000h\x1b[?1006h";
const LEAVE_MOUSE: &[u8] =
    b"\x1b[?2026l\x1b[?1006l\x1b[?1000l\x1b[0m\x1b[?1049l\x1b[?25h\x1b[?2004l";

/// Whether the reader takes the mouse: set once before `enter`, read by
/// every way out (signal handlers included, hence an atomic).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Asks for the mouse on `enter` (and after every stop), or not.
pub fn use_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

fn enter_bytes() -> &'static [u8] {
    if MOUSE.load(Ordering::SeqCst) {
        ENTER_MOUSE
    } else {
        ENTER
    }
}

fn leave_bytes() -> &'static [u8] {
    if MOUSE.load(Ordering::SeqCst) {
        LEAVE_MOUSE
    } else {
        LEAVE
    }
}

/// The terminal's settings before the reader changed them, and its raw form.
static MODES: OnceLock<(Termios, Termios)> = OnceLock::new();
/// Set while the terminal is the reader's (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

fn tty() -> BorrowedFd<'static> {
    // SAFETY: fd 0 is open for the life of the process (the reader only
    // runs when stdin is a terminal).
    unsafe { BorrowedFd::borrow_raw(0) }
}

/// What the event loop is told by the other threads.
#[derive(Debug)]
pub enum Msg {
    Event(crossterm::event::Event),
    /// The terminal cannot be read any more.
    Gone(io::Error),
    /// SIGTSTP from outside (`kill -TSTP`): stop as Ctrl-Z does.
    Stop,
    /// SIGCONT: we were stopped and continued; take the terminal again.
    Continue,
    /// Another thread has something to say (the cache writer's notice):
    /// draw again.
    Wake,
    /// A signal that ends the process (or a hang-up): save what can be
    /// saved within `end_grace()`, then `leave_and_exit(128 + n)`.
    End(i32),
}

/// How long the event loop has to save after a hang-up or SIGTERM before
/// the signal thread ends the process anyway: a stuck save (a lock held,
/// a disk that does not answer) must not keep a dead session alive.
pub const END_GRACE: std::time::Duration = std::time::Duration::from_millis(200);

/// `END_GRACE`, or in debug builds `LEARNCITY_TEST_END_GRACE_MS`: on a
/// test machine loaded by the rest of the suite, two fsyncs can take longer
/// than 200 ms, and the test of the save itself must not depend on that.
pub fn end_grace() -> std::time::Duration {
    static GRACE: OnceLock<std::time::Duration> = OnceLock::new();
    *GRACE.get_or_init(|| {
        #[cfg(debug_assertions)]
        if let Some(ms) = std::env::var("LEARNCITY_TEST_END_GRACE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            return std::time::Duration::from_millis(ms);
        }
        END_GRACE
    })
}

/// Tells the event loop to end, then ends the process if it has not
/// within `end_grace()`.
fn end(to_loop: &Sender<Msg>, sig: i32) -> ! {
    if to_loop.send(Msg::End(sig)).is_ok() {
        std::thread::sleep(end_grace());
    }
    leave_and_exit(128 + sig)
}

/// Raw mode, alternate screen and bracketed paste; restores them on a panic
/// before the panic's message is printed, and on an abort or a crash.
pub fn enter() -> io::Result<Term> {
    let original = tcgetattr(tty())?;
    let mut raw = original.clone();
    raw.make_raw();
    let _ = MODES.set((original, raw));
    restore_on_crash();
    take_terminal()?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        hook(info);
    }));
    Terminal::new(AnsiBackend::new(io::stdout()))
}

/// Raw mode and the reader's screen modes, again after a stop.
fn take_terminal() -> io::Result<()> {
    if let Some((_, raw)) = MODES.get() {
        tcsetattr(tty(), OptionalActions::Now, raw)?;
    }
    let mut out = io::stdout();
    out.write_all(enter_bytes())?;
    out.flush()?;
    ACTIVE.store(true, Ordering::SeqCst);
    Ok(())
}

/// Writes bytes the reader composed itself (an OSC sequence) to the
/// terminal, between frames.
pub fn write_raw(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(bytes)?;
    out.flush()
}

/// Restores the terminal as far as it can; errors are ignored, since after
/// a hang-up there may be no terminal left to restore.
pub fn leave() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    if let Some((original, _)) = MODES.get() {
        let _ = tcsetattr(tty(), OptionalActions::Now, original);
    }
    let mut out = io::stdout();
    let _ = out.write_all(leave_bytes());
    let _ = out.flush();
}

/// The same as `leave`, from a signal handler: system calls only (no lock,
/// no allocation), on the raw file descriptors.
fn leave_from_handler() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    if let Some((original, _)) = MODES.get() {
        let _ = tcsetattr(tty(), OptionalActions::Now, original);
    }
    // SAFETY: fd 1 is open; write(2) is async-signal-safe.
    let out = unsafe { BorrowedFd::borrow_raw(1) };
    let _ = rustix::io::write(out, leave_bytes());
}

/// Signals that end the process at once and cannot wait for a thread: an
/// abort (a failed allocation aborts), an illegal instruction, a trap. The
/// handler gives the terminal back, then lets the signal do what it would
/// have done. SIGSEGV and SIGBUS are left to Rust's own handler, which
/// runs on an alternate stack (so it works on a stack overflow) and aborts,
/// which brings us here.
fn restore_on_crash() {
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::SeqCst) {
        return;
    }
    for sig in [SIGABRT, SIGILL, SIGFPE, SIGTRAP, SIGSYS] {
        // SAFETY: the action only makes async-signal-safe calls.
        let _ = unsafe {
            signal_hook_registry::register_unchecked(sig, move |_| {
                leave_from_handler();
                let _ = signal_hook::low_level::emulate_default_handler(sig);
            })
        };
    }
}

/// Restores the terminal and exits, once: a hang-up can be seen by the
/// signal thread and the hang-up thread together, and exit(3) run by two
/// threads at once is undefined behaviour. The second caller waits for the
/// first to finish the process.
pub fn leave_and_exit(code: i32) -> ! {
    static EXITING: AtomicBool = AtomicBool::new(false);
    if EXITING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    leave();
    std::process::exit(code)
}

/// Every signal whose default action ends the process, and that a thread
/// can wait for. (The crash signals are handled in `restore_on_crash`;
/// SIGKILL cannot be caught.)
fn ending_signals() -> Vec<i32> {
    #[allow(unused_mut)]
    let mut v = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO,
    ];
    #[cfg(target_os = "linux")]
    {
        v.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        v.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    v
}

/// Exits cleanly on any terminating signal (a dropped SSH connection, kill,
/// a stray SIGUSR1), restoring the terminal first; the exit status is 128
/// plus the signal number, as shells report it. SIGTSTP and SIGCONT are
/// passed to the event loop, which stops and resumes the reader properly.
pub fn watch_signals(to_loop: Sender<Msg>) -> io::Result<()> {
    let mut wanted = ending_signals();
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = Signals::new(wanted)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let msg = match sig {
                    SIGTSTP => Msg::Stop,
                    SIGCONT => Msg::Continue,
                    _ => end(&to_loop, sig),
                };
                if to_loop.send(msg).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Reads terminal events on a thread of its own and passes them on, so the
/// event loop can take every event that is waiting at once (a burst of
/// keys, a paste) and search once for all of them.
pub fn read_events(to_loop: Sender<Msg>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("events".into())
        .spawn(move || loop {
            let msg = match crossterm::event::read() {
                Ok(ev) => Msg::Event(ev),
                Err(e) => {
                    let _ = to_loop.send(Msg::Gone(e));
                    return;
                }
            };
            if to_loop.send(msg).is_err() {
                return;
            }
        })?;
    Ok(())
}

/// Exits when the terminal hangs up, whether or not a SIGHUP arrives: the
/// kernel signals only the session leader, and a wrapper that ignores SIGHUP
/// (or `nohup`) would leave crossterm reading a dead terminal at 100% CPU.
/// A thread blocks in poll(2) on stdin asking for no events, which still
/// reports a hang-up: no CPU and no wake-ups until it happens.
pub fn exit_on_hangup(to_loop: Sender<Msg>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(move || {
            loop {
                match hangup_seen(None) {
                    Ok(true) => end(&to_loop, SIGHUP),
                    Ok(false) | Err(rustix::io::Errno::INTR) => continue,
                    // poll itself failed: nothing left to watch with.
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}

/// Whether the terminal was hung up (its other side closed): asked
/// without waiting.
pub fn hung_up() -> bool {
    hangup_seen(Some(&rustix::event::Timespec::default())).unwrap_or(false)
}

/// Waits up to `timeout` (`None`: for good) for the terminal's input to
/// report a hang-up; whether it did.
fn hangup_seen(timeout: Option<&rustix::event::Timespec>) -> rustix::io::Result<bool> {
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
    poll(&mut fds, timeout)?;
    Ok(fds[0]
        .revents()
        .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL))
}

/// Whether a shell can continue us after a stop: our process group has a
/// parent in another group of the same session (it is not "orphaned").
/// A reader started as a session leader (`ssh host learncity`, a test's
/// pty) has no such parent, and a stopped reader there would hang the
/// terminal for good; the kernel drops a keyboard SIGTSTP there too.
pub fn can_stop() -> bool {
    // SAFETY: plain system calls without pointers.
    unsafe {
        let parent = libc::getppid();
        let session = libc::getsid(0);
        session != -1 && libc::getsid(parent) == session && libc::getpgid(parent) != libc::getpgrp()
    }
}

/// Ctrl-Z or SIGTSTP: give the terminal back to the shell and stop. When
/// the shell continues us (`fg`), the SIGCONT that comes with it reaches
/// the event loop, which calls `resume`: one redraw, however the stop came.
/// Does nothing when no shell could continue us.
pub fn suspend() -> io::Result<()> {
    if can_stop() {
        leave();
        // SIGSTOP, not SIGTSTP: SIGTSTP is ours to handle (see watch_signals).
        signal_hook::low_level::raise(SIGSTOP)?;
    }
    Ok(())
}

/// After a stop, however it came (ours, or `kill -STOP` from outside):
/// raw mode, the alternate screen and bracketed paste again. The next
/// frame must then be drawn whole (see `tui::draw`). Doing it twice is
/// harmless.
pub fn resume() -> io::Result<()> {
    ACTIVE.store(false, Ordering::SeqCst);
    take_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::backend::FRAME_END;

    /// Every way out ends a frame cut short first (see `LEAVE`).
    #[test]
    fn leaving_ends_a_frame_first() {
        assert!(LEAVE.starts_with(FRAME_END));
        assert!(LEAVE_MOUSE.starts_with(FRAME_END));
    }
}
