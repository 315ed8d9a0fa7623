//! A keystroke in the reader's search line, one at a time, as a user types:
//! the key, the deferred search it schedules (`Action::Settle`), and the
//! frame drawn after it (160x45, TestBackend). Reports the median, 90th
//! percentile and worst keystroke over the six bench queries, typed
//! letter by letter `LEARNCITY_BENCH_REPS` times (default 5) each, with the
//! search's word cache cleared before each query as for a fresh one.
//!
//! Criterion reports the mean of whole samples; issue 14's target is the
//! median keystroke, so this bench keeps every keystroke's time itself.
//!
//! `cargo bench --bench keystroke` (sizes from `LEARNCITY_BENCH_SIZES`, or
//! one corpus file: `LEARNCITY_BENCH_CORPUS=path`, e.g. from
//! `benches/prose-corpus.py`). The corpus is opened through the cache
//! (target/bench-cache/), as a warm start would.

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use learncity::cache;
use learncity::search::SearchIndex;
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn build(c: &learncity::corpus::Corpus) -> Result<SearchIndex, learncity::search::TooLarge> {
    Ok(SearchIndex::build(c))
}

fn key(c: char) -> Action {
    Action::SearchEdit(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn run(path: &Path, reps: usize) {
    let size = Rect::new(0, 0, 160, 45);
    let loaded = cache::load(path, Some(&build), false).expect("load");
    let mut app = App::with_index(
        Arc::new(loaded.corpus),
        Arc::new(loaded.index.expect("an index")),
        size,
        Theme::colour(),
    );
    let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    term.draw(|f| ui::draw(f, &app)).unwrap();
    let mut all = Vec::new();
    for q in gen::BENCH_QUERIES {
        let mut times = Vec::new();
        for _ in 0..reps {
            app.update(Action::StartSearch);
            app.index.clear_cache();
            for c in q.chars() {
                let start = Instant::now();
                app.update(key(c));
                app.update(Action::Settle);
                term.draw(|f| ui::draw(f, &app)).unwrap();
                times.push(start.elapsed());
            }
            app.update(Action::SearchCancel);
            term.draw(|f| ui::draw(f, &app)).unwrap();
        }
        times.sort();
        println!(
            "  {q:20} median {:>9}  p90 {:>9}  worst {:>9}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.9)),
            ms(*times.last().unwrap()),
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "  {:20} median {:>9}  p90 {:>9}  worst {:>9}  ({} keystrokes)",
        "all",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.9)),
        ms(*all.last().unwrap()),
        all.len()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // then there is nothing to run.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache");
    std::env::set_var("XDG_CACHE_HOME", &dir);
    let reps = std::env::var("LEARNCITY_BENCH_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let corpora: Vec<PathBuf> = match std::env::var_os("LEARNCITY_BENCH_CORPUS") {
        Some(p) => vec![PathBuf::from(p)],
        None => common::sizes()
            .into_iter()
            .map(common::corpus_path)
            .collect(),
    };
    for path in corpora {
        println!("keystroke: {}", path.display());
        run(&path, reps);
    }
}
