//! The interactive reader: terminal set-up, the event loop, and restoring
//! the terminal on every way out.

pub mod app;
pub mod backend;
pub mod browser;
pub mod copy;
pub mod document;
pub mod filter;
pub mod find_line;
pub mod help;
pub mod keys;
pub mod links;
pub mod list;
pub mod marks;
pub mod osc;
pub mod outline;
pub mod persist;
pub mod picker;
pub mod search_line;
pub mod stats_pane;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod viewer;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::Instant;

use ratatui::layout::Rect;

use crate::cli::{open_corpus, Failure};
use app::App;
use keys::Action;
use terminal::{Msg, Term};
use theme::Theme;

/// What the command line asks of the reader.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// False with `--no-mouse`; `LEARNCITY_MOUSE=0` turns it off too.
    pub mouse: bool,
    /// False with `--no-state`; `LEARNCITY_STATE=off` turns it off too.
    pub state: bool,
}

pub fn run(data: Option<&PathBuf>, options: Options) -> Result<(), Failure> {
    let mouse = options.mouse;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Usage(crate::t!("reader-needs-terminal")));
    }
    // Loading and indexing a large corpus takes a moment (unless the cache
    // has them): done, with progress, before the terminal switches to the
    // reader.
    let loaded = open_corpus(data, true, true)?;
    let progress = crate::cli::progress::Progress::start(crate::t!(
        "reader-indexing",
        reports = crate::text::number::with_unit(
            loaded.corpus.articles.len() as u64,
            crate::text::number::Unit::Report
        )
    ));
    let config = crate::config::load();
    if let Some(keymap) = config.keymap.clone() {
        keys::install(keymap);
    }
    let theme = Theme::detect().with_colours(&config.colours);
    let size = crossterm::terminal::size().map_err(io_failure)?;
    let area = Rect::new(0, 0, size.0, size.1);
    let term_name = std::env::var("TERM").ok();
    let hyperlinks = config.hyperlinks != Some(false)
        && links::wanted(
            term_name.as_deref(),
            std::env::var("LEARNCITY_HYPERLINKS").ok().as_deref(),
        );
    let corpus = Arc::new(loaded.corpus);
    let index = Arc::new(match loaded.index {
        Some(index) => index,
        None => crate::search::SearchIndex::build(&corpus),
    });
    let make = || App::with_index(Arc::clone(&corpus), index, area, theme);
    // Numbering the corpus's web addresses takes 21 ms at 100 000 reports,
    // and only links need it: done only for them, on the other core while
    // the reader is made.
    let mut app = if hyperlinks {
        let (mut app, table) = crate::parallel::both(make, || links::Links::new(&corpus));
        app.links = table;
        app
    } else {
        make()
    };
    app.hyperlinks = hyperlinks;
    let pending = loaded.pending;
    app.osc = osc::terminal_takes_osc(term_name.as_deref());
    let env = |k: &str| std::env::var(k).ok();
    app.browser = browser::from_env(
        env("BROWSER").as_deref(),
        env("DISPLAY").as_deref(),
        env("WAYLAND_DISPLAY").as_deref(),
    );
    let state_on = options.state
        && !crate::state::off_by_env(std::env::var("LEARNCITY_STATE").ok().as_deref());
    let opened = persist::Persist::open(&app.corpus, state_on);
    if let Some(saved) = opened.saved {
        app.update(Action::Restore(Box::new(saved)));
    }
    // One line at start: the config file's first problem, and the state's.
    // The status line is short: the file is named without its directory
    // (`learncity config` prints where it is).
    let dir = crate::config::path()
        .and_then(|p| p.parent().map(|d| format!("{}/", d.display())))
        .unwrap_or_default();
    let config_notice = config.problems.first().map(|p| {
        let p = p.strip_prefix(dir.as_str()).unwrap_or(p);
        match config.problems.len() {
            1 => p.to_owned(),
            n => crate::t!("reader-config-more-problems", problem = p, n = n - 1),
        }
    });
    let notices: Vec<String> = config_notice
        .into_iter()
        .chain(opened.notice)
        .chain(crate::cache::take_notices())
        .collect();
    if !notices.is_empty() {
        app.update(Action::Notice(notices.join(" · ")));
    }
    let persist = opened.persist;
    progress.finish();
    let (tx, rx) = mpsc::channel();
    terminal::watch_signals(tx.clone()).map_err(io_failure)?;
    terminal::exit_on_hangup(tx.clone()).map_err(io_failure)?;
    let mouse_off_by_env = std::env::var_os("LEARNCITY_MOUSE").is_some_and(|v| v == "0");
    terminal::use_mouse(mouse && !mouse_off_by_env && config.mouse != Some(false));
    let mut term = terminal::enter().map_err(io_failure)?;
    if app.hyperlinks {
        term.backend_mut().set_links(app.links.table());
    }
    // The first frame is drawn at once; the cache is written meanwhile, and
    // a notice it has shows when it is done.
    if let Some(p) = pending {
        let wake = tx.clone();
        p.spawn(app.corpus.clone(), app.index.clone(), move || {
            let _ = wake.send(Msg::Wake);
        });
    }
    terminal::read_events(tx).map_err(io_failure)?;
    let result = event_loop(&mut term, app, persist, &rx);
    terminal::leave();
    result
}

/// Runs the reader until it quits. A terminal that can no longer be read
/// or written ends it through `lost`, wherever the loop found out.
fn event_loop(
    term: &mut Term,
    mut app: App,
    mut persist: persist::Persist,
    rx: &mpsc::Receiver<Msg>,
) -> Result<(), Failure> {
    run_loop(term, &mut app, &mut persist, rx).map_err(|e| lost(&mut app, &mut persist, e))
}

/// Draws, then waits for something to happen: an idle reader uses no CPU
/// and sends no bytes. Everything that arrived meanwhile is applied before
/// the next draw, and a search runs once for all of it (`Action::Settle`).
fn run_loop(
    term: &mut Term,
    app: &mut App,
    persist: &mut persist::Persist,
    rx: &mpsc::Receiver<Msg>,
) -> std::io::Result<()> {
    // The size may have changed while indexing.
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    // After a stop the screen holds whatever the shell left on it.
    let mut whole = false;
    loop {
        if dirty {
            app.update(Action::Settle);
            // A cache file found damaged while reading a report.
            let notes = crate::cache::take_notices();
            if !notes.is_empty() {
                app.update(Action::Notice(notes.join(" · ")));
            }
            draw(term, app, whole)?;
            whole = false;
            if let (Some(url), Some(b)) = (app.to_open.take(), app.browser.as_deref()) {
                if let Err(e) = browser::open(b, &url) {
                    // Said, and the address shown instead, as without one.
                    app.update(Action::BrowserFailed(url, e.to_string()));
                    continue;
                }
            }
            panic_if_asked();
            dirty = false;
        }
        // Idle, the loop sleeps until an event; with a change unsaved,
        // until it is time to save it.
        let first = match persist.due() {
            None => rx.recv().ok(),
            Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(msg) => Some(msg),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    // Another reader's marks, merged in, show at once.
                    dirty |= persist.save(app, persist::ON_QUIT);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            },
        };
        let Some(first) = first else {
            persist.save(app, persist::ON_QUIT);
            return Ok(());
        };
        let mut next = Some(first);
        // Events in a row are applied together (`App::handle_events`), so
        // that a burst of typed letters goes into a line as one string.
        let mut events = Vec::new();
        while let Some(msg) = next {
            next = rx.try_recv().ok();
            match msg {
                Msg::Event(ev) => {
                    events.push(ev);
                    if matches!(next, Some(Msg::Event(_))) {
                        continue;
                    }
                    let changed = app.handle_events(&events);
                    events.clear();
                    if changed {
                        persist.changed(Instant::now());
                    }
                    dirty |= changed;
                }
                Msg::End(sig) => end_now(app, persist, sig),
                Msg::Gone(e) => return Err(e),
                Msg::Stop => app.suspend = true,
                Msg::Wake => dirty = true,
                Msg::Continue => {
                    terminal::resume()?;
                    let size = term.size()?;
                    app.update(Action::Resize(size.width, size.height));
                    dirty = true;
                    whole = true;
                }
            }
            if app.quit {
                persist.save(app, persist::ON_QUIT);
                return Ok(());
            }
        }
        if app.suspend {
            app.suspend = false;
            terminal::suspend()?;
        }
    }
}

/// One frame, as one synchronized update, then what `y` copied (OSC 52),
/// sent once after the frame that says so. `whole`: the screen cleared
/// and every cell drawn, inside the frame, so that a terminal that holds
/// frames never shows it blank. (A resize clears and forgets what was
/// drawn, asking the terminal nothing, unlike `Terminal::clear`.)
fn draw(term: &mut Term, app: &mut App, whole: bool) -> std::io::Result<()> {
    term.backend_mut().begin_frame()?;
    if whole {
        let size = term.size()?;
        term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    }
    term.draw(|f| ui::draw(f, app))?;
    term.backend_mut().end_frame()?;
    if let Some(text) = app.clipboard.take() {
        terminal::write_raw(&osc::clipboard(&text))?;
    }
    Ok(())
}

/// The terminal can no longer be read or written. The marks are saved
/// first, as on a signal; and a terminal that was hung up ends the reader
/// as the hang-up does (128 + SIGHUP), whether the signal or the failed
/// write reached the loop first.
fn lost(app: &mut App, persist: &mut persist::Persist, e: std::io::Error) -> Failure {
    if terminal::hung_up() {
        end_now(app, persist, libc::SIGHUP);
    }
    persist.save(app, persist::on_signal());
    io_failure(e)
}

/// A signal that ends the reader: the marks saved, the terminal given back,
/// and the exit status of the signal (128 + N).
fn end_now(app: &mut App, persist: &mut persist::Persist, sig: i32) -> ! {
    persist.save(app, persist::on_signal());
    terminal::leave_and_exit(128 + sig)
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure::Usage(format!("terminal error: {e}"))
}

/// Lets the end-to-end tests prove that a panic restores the terminal before
/// its message is printed, and that a failed allocation (which aborts)
/// restores it too. Debug builds only: release builds never fail on purpose.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    {
        if std::env::var_os("LEARNCITY_TEST_PANIC").is_some() {
            panic!("test panic requested by LEARNCITY_TEST_PANIC");
        }
        if std::env::var_os("LEARNCITY_TEST_ALLOC_FAILURE").is_some() {
            // What the allocator does when memory runs out: report, abort.
            let layout = std::alloc::Layout::from_size_align(1 << 46, 8).expect("a layout");
            std::alloc::handle_alloc_error(layout);
        }
    }
}
