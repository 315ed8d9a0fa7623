//! The terminal's life cycle: entering and leaving raw mode and the
//! alternate screen, signals, and suspending to the shell. Every way out
//! (quit, error, panic, signal) goes through `leave`.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::DefaultTerminal;
use rustix::event::{poll, PollFd, PollFlags};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

/// Raw mode, alternate screen, and a panic hook that restores the terminal
/// (ratatui's) and shows the cursor before the panic message is printed.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), Show);
        ratatui_hook(info);
    }));
    Ok(terminal)
}

/// Restores the terminal as far as it can; errors are ignored, since after
/// a hang-up there may be no terminal left to restore.
pub fn leave() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

/// Restores the terminal and exits, once: a hang-up can be seen by the
/// signal thread and the hang-up thread together, and exit(3) run by two
/// threads at once is undefined behaviour. The second caller waits for the
/// first to finish the process.
fn leave_and_exit(code: i32) -> ! {
    static EXITING: AtomicBool = AtomicBool::new(false);
    if EXITING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    leave();
    std::process::exit(code)
}

/// Exits cleanly on hang-up (a dropped SSH connection), termination and
/// interrupt signals: crossterm alone would keep polling a dead terminal.
/// The exit status is 128 plus the signal number, as shells report it.
pub fn exit_on_signals() -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                leave_and_exit(128 + sig);
            }
        })?;
    Ok(())
}

/// Exits when the terminal hangs up, whether or not a SIGHUP arrives: the
/// kernel signals only the session leader, and a wrapper that ignores SIGHUP
/// (or `nohup`) would leave crossterm reading a dead terminal at 100% CPU.
/// A thread blocks in poll(2) on stdin asking for no events, which still
/// reports a hang-up: no CPU and no wake-ups until it happens.
pub fn exit_on_hangup() -> io::Result<()> {
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(|| {
            let stdin = io::stdin();
            let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
            loop {
                match poll(&mut fds, None) {
                    Ok(_)
                        if fds[0]
                            .revents()
                            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
                    {
                        leave_and_exit(128 + SIGHUP)
                    }
                    Ok(_) | Err(rustix::io::Errno::INTR) => continue,
                    // poll itself failed: nothing left to watch with.
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}

/// Ctrl-Z: give the terminal back to the shell and stop; when the shell
/// continues us (`fg`), take it again and redraw from scratch.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    // Not `terminal.clear()`: it asks the terminal for the cursor position
    // and would hang or fail on a terminal that does not answer. A resize
    // clears the screen and makes the next draw complete.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}
