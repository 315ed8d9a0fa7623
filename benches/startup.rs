//! Start to first frame with the bundled corpus, in process: load and check
//! the corpus compiled into the binary, build the reader (index, statistics,
//! the first report wrapped) and draw one frame at 160x45. Process start and
//! the terminal's own work come on top; docs/performance.md measures the
//! whole process separately.
//!
//! `cargo bench --bench startup`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use criterion::{criterion_group, criterion_main, Criterion};
use learncity::corpus::bundled;
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn startup(c: &mut Criterion) {
    let size = Rect::new(0, 0, 160, 45);
    c.bench_function("startup/bundled_to_first_frame", |b| {
        b.iter(|| {
            let app = App::new(bundled(), size, Theme::colour());
            let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
            term.draw(|f| ui::draw(f, &app)).unwrap().area
        })
    });
    // The world map is drawn whole on every frame it is shown (about
    // 5 000 outline points and a mark per placed city).
    let mut app = App::new(bundled(), size, Theme::colour());
    app.update(Action::ToggleMap);
    let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    c.bench_function("startup/frame_with_map_160x45", |b| {
        b.iter(|| term.draw(|f| ui::draw(f, &app)).unwrap().area)
    });
    c.bench_function("startup/bundled_load_only", |b| b.iter(bundled));
}

criterion_group!(benches, startup);
criterion_main!(benches);
