//! The interactive reader: terminal set-up, the event loop, and restoring
//! the terminal on every way out.

pub mod app;
pub mod document;
pub mod keys;
pub mod list;
pub mod terminal;
pub mod theme;
pub mod ui;

use std::io::IsTerminal;
use std::path::PathBuf;

use crossterm::event;
use ratatui::layout::Rect;

use crate::cli::{load_corpus, Failure};
use app::App;
use theme::Theme;

pub fn run(data: Option<&PathBuf>) -> Result<(), Failure> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the reader needs a terminal; for scripts use `learncity list`, `search`, `show` or `stats` (see --help)"
                .into(),
        ));
    }
    let corpus = load_corpus(data)?;
    // Indexing a large corpus takes a moment: do it, with progress, before
    // the terminal switches to the reader.
    let progress = crate::cli::progress::Progress::start(format!(
        "indexing {} reports…",
        corpus.articles.len()
    ));
    let size = crossterm::terminal::size().map_err(io_failure)?;
    let app = App::new(corpus, Rect::new(0, 0, size.0, size.1), Theme::detect());
    progress.finish();
    terminal::exit_on_signals().map_err(io_failure)?;
    terminal::exit_on_hangup().map_err(io_failure)?;
    let mut term = terminal::enter().map_err(io_failure)?;
    let result = event_loop(&mut term, app);
    terminal::leave();
    result
}

fn event_loop(term: &mut ratatui::DefaultTerminal, mut app: App) -> Result<(), Failure> {
    // The size may have changed while indexing.
    let size = term.size().map_err(io_failure)?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let mut dirty = true;
    while !app.quit {
        if dirty {
            term.draw(|f| ui::draw(f, &app)).map_err(io_failure)?;
            panic_if_asked();
        }
        // Blocks until something happens: an idle reader uses no CPU and
        // sends no bytes. A read error means the terminal is gone.
        let ev = event::read().map_err(io_failure)?;
        dirty = app.handle_event(&ev);
        if app.suspend {
            app.suspend = false;
            terminal::suspend(term).map_err(io_failure)?;
            let size = term.size().map_err(io_failure)?;
            app.resize(Rect::new(0, 0, size.width, size.height));
            dirty = true;
        }
    }
    Ok(())
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure::Usage(format!("terminal error: {e}"))
}

/// Lets the end-to-end tests prove that a panic restores the terminal before
/// its message is printed. Debug builds only: release builds never panic on
/// purpose.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("LEARNCITY_TEST_PANIC").is_some() {
        panic!("test panic requested by LEARNCITY_TEST_PANIC");
    }
}
