//! The interactive reader: terminal set-up, the event loop, and restoring
//! the terminal on every way out.

pub mod app;
pub mod document;
pub mod keys;
pub mod list;
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
    let corpus = load_corpus(data)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "the reader needs a terminal; for scripts use `learncity list`, `search`, `show` or `stats` (see --help)"
                .into(),
        ));
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, corpus);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    corpus: crate::corpus::Corpus,
) -> Result<(), Failure> {
    let size = terminal.size().map_err(io_failure)?;
    let mut app = App::new(
        corpus,
        Rect::new(0, 0, size.width, size.height),
        Theme::detect(),
    );
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| ui::draw(f, &app)).map_err(io_failure)?;
        }
        // Blocks until something happens: an idle reader uses no CPU.
        let ev = event::read().map_err(io_failure)?;
        dirty = app.handle_event(&ev);
    }
    Ok(())
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure::Usage(format!("terminal error: {e}"))
}
