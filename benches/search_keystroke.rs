//! Search as you type: one search per keystroke, for one-, two- and
//! three-word queries with and without a typo, per corpus size
//! (`LEARNCITY_BENCH_SIZES`, see `benches/common/mod.rs`).
//!
//! Each benchmark types the whole query (`b`, `be`, `bel`, …) and reports
//! the mean time **per keystroke** (the sequence's time divided by its
//! length). Two layers:
//!
//! - `search_keystroke/index/QUERY/N`: `SearchIndex::search` alone;
//! - `search_keystroke/app/QUERY/N`: `App::update` with the key, as the
//!   reader does it: search, rebuild the list, open the first hit and find
//!   the matches in it. Clearing the search between runs is not timed.
//!
//! `cargo bench --bench search_keystroke`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use ratatui::layout::Rect;

fn prefixes(q: &str) -> Vec<&str> {
    q.char_indices()
        .map(|(i, c)| &q[..i + c.len_utf8()])
        .collect()
}

fn key(c: char) -> Action {
    Action::SearchEdit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn search_keystroke(c: &mut Criterion) {
    let mut g = c.benchmark_group("search_keystroke");
    g.sampling_mode(SamplingMode::Flat);
    for n in common::sizes() {
        g.sample_size(if n >= 10_000 { 10 } else { 20 });
        let mut app = App::new(common::corpus(n), Rect::new(0, 0, 160, 45), Theme::mono());
        for q in gen::BENCH_QUERIES {
            let id = q.replace(' ', "_");
            let typed = prefixes(q);
            let keys = typed.len() as u32;
            g.bench_function(BenchmarkId::new(format!("index/{id}"), n), |b| {
                b.iter_custom(|iters| {
                    // Each sequence is typed afresh: the cache only holds the
                    // words typed before in the same sequence, as when typing.
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        app.index.clear_cache();
                        let start = Instant::now();
                        for p in &typed {
                            black_box(app.index.search(black_box(p)));
                        }
                        total += start.elapsed();
                    }
                    total / keys
                })
            });
            g.bench_function(BenchmarkId::new(format!("app/{id}"), n), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        app.update(Action::StartSearch);
                        app.index.clear_cache();
                        let start = Instant::now();
                        // As typed one key at a time: each key is settled
                        // before the next arrives.
                        for ch in q.chars() {
                            app.update(key(ch));
                            app.update(Action::Settle);
                        }
                        total += start.elapsed();
                        assert!(!app.list.rows.is_empty(), "{q:?} finds something");
                        app.update(Action::SearchCancel);
                    }
                    total / keys
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, search_keystroke);
criterion_main!(benches);
