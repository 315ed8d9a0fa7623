//! Drawing one full frame at 160x45 on ratatui's `TestBackend`, with the
//! largest corpus of `LEARNCITY_BENCH_SIZES` in the list:
//!
//! - `frame/long_article/N`: browsing, a 2 MB report open in the viewer
//!   (selected through the list, as a user would) and focused;
//! - `frame/search_results/N`: the hits of "ogrenen sehir" listed and
//!   highlighted, the first one open with its matches marked.
//!
//! Every frame is drawn in full into a fresh buffer; the backend then
//! receives only the cells that changed, as a real terminal would.
//!
//! `cargo bench --bench frame`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn frame(c: &mut Criterion) {
    let n = common::largest_size();
    let corpus = common::corpus(n);
    let a = common::longest_article(&corpus);
    let size = Rect::new(0, 0, 160, 45);
    let mut app = App::new(corpus, size, Theme::colour());
    common::open_article(&mut app, a);
    app.update(Action::FocusNext);
    let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();

    let mut g = c.benchmark_group("frame");
    g.bench_function(BenchmarkId::new("long_article", n), |b| {
        b.iter(|| term.draw(|f| ui::draw(f, &app)).unwrap().area)
    });

    app.update(Action::StartSearch);
    for ch in "ogrenen sehir".chars() {
        app.update(Action::SearchEdit(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Settle);
    app.update(Action::SearchAccept);
    eprintln!(
        "{} hits for \"ogrenen sehir\", {} matches in the first",
        app.list.rows.len(),
        app.viewer.matches.len()
    );
    g.bench_function(BenchmarkId::new("search_results", n), |b| {
        b.iter(|| term.draw(|f| ui::draw(f, &app)).unwrap().area)
    });
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
