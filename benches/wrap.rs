//! A 2 MB report: wrapping it for the viewer at 80 and 200 columns
//! (`Document::build`, and the raw `wrap` of every block), and scrolling it
//! page by page in the reader, with and without drawing the visible slice.
//! Runs on the smallest corpus of `LEARNCITY_BENCH_SIZES` (every size has
//! long articles).
//!
//! `cargo bench --bench wrap`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::hint::black_box;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use learncity::search::Doc;
use learncity::text::wrap::wrap;
use learncity::tui::app::App;
use learncity::tui::document::{Document, Order};
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn wrapping(c: &mut Criterion) {
    let corpus = common::corpus(common::smallest_size());
    let a = common::longest_article(&corpus);
    let bytes = common::body_bytes(&corpus, a);
    eprintln!(
        "article {}: {:.2} MB in {} blocks",
        corpus.articles[a].id,
        bytes as f64 / 1e6,
        corpus.articles[a].body.len()
    );
    let mut g = c.benchmark_group("wrap");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    for width in [80, 200] {
        g.bench_with_input(BenchmarkId::new("document", width), &width, |b, &w| {
            b.iter(|| {
                Document::build(
                    &corpus,
                    Doc::Article(black_box(a)),
                    w,
                    None,
                    Order::SummaryFirst,
                )
            })
        });
        g.bench_with_input(BenchmarkId::new("raw", width), &width, |b, &w| {
            b.iter(|| {
                let mut lines = 0;
                for block in &corpus.articles[a].body {
                    lines += wrap(black_box(&block.text), w).len();
                }
                lines
            })
        });
    }
    g.finish();
}

fn scrolling(c: &mut Criterion) {
    let corpus = common::corpus(common::smallest_size());
    let a = common::longest_article(&corpus);
    let size = Rect::new(0, 0, 160, 45);
    let mut app = App::new(corpus, size, Theme::colour());
    common::open_article(&mut app, a);
    app.update(Action::FocusNext);
    eprintln!(
        "viewer: {} lines at width {}",
        app.viewer.max_scroll() + app.viewer.height,
        app.viewer.width
    );
    let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();

    let mut g = c.benchmark_group("scroll");
    g.bench_function("page_down", |b| {
        b.iter(|| {
            if app.viewer.scroll >= app.viewer.max_scroll() {
                app.update(Action::Top);
            }
            app.update(Action::PageDown);
        })
    });
    g.bench_function("page_down_and_draw", |b| {
        b.iter(|| {
            if app.viewer.scroll >= app.viewer.max_scroll() {
                app.update(Action::Top);
            }
            app.update(Action::PageDown);
            term.draw(|f| ui::draw(f, &app)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, wrapping, scrolling);
criterion_main!(benches);
