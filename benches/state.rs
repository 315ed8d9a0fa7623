//! What keeping marks costs (issue 12), for two readers: `all`, who read
//! every report, bookmarked one in ten and left a place in one in ten (the
//! worst case: a mark per report), and `few`, with 100 such reports:
//!
//! - `state/snapshot/N`: building the state to save and finding nothing
//!   new, which every save (3 s after the last key) starts with;
//! - `state/save/N`: a whole save to a temporary directory: lock, read and
//!   parse the file, merge, write, fsync, rename, fsync the directory;
//! - `state/restore/N`: starting from that state (`Action::Restore`).
//!
//! Corpora: the generator's (`LEARNCITY_BENCH_SIZES`), and any corpus file
//! named by `LEARNCITY_BENCH_FILE` (e.g. the real-prose corpus of
//! `benches/real-prose-corpus.py`), run as `file`.
//!
//! `cargo bench --bench state`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use learncity::corpus::{load_file, Corpus};
use learncity::state::model::{ReportMarks, Spot, Stamped};
use learncity::state::{Saved, Store};
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::theme::Theme;
use ratatui::layout::Rect;

/// A state file for `corpus` with marks on its first `marked` reports.
fn used(corpus: &Corpus, marked: usize) -> Saved {
    let mut s = Saved::default();
    for (i, a) in corpus.articles.iter().enumerate().take(marked) {
        let at = 1_700_000_000_000 + i as u64;
        s.reports.insert(
            a.id.clone(),
            ReportMarks {
                read: Some(Stamped::new(true, at)),
                bookmark: (i % 10 == 0).then(|| Stamped::new(true, at)),
                place: (i % 10 == 5).then(|| Stamped::new(Spot { piece: 3, byte: 40 }, at)),
                seen: at,
            },
        );
    }
    s
}

fn run(c: &mut Criterion, size: &str, corpus: Corpus) {
    let mut app = App::new(corpus, Rect::new(0, 0, 160, 45), Theme::colour());
    for (who, marked) in [("all", usize::MAX), ("few", 100)] {
        let saved = used(&app.corpus, marked);
        let bytes = serde_json::to_vec_pretty(&saved).unwrap().len();
        let label = format!("{who}/{size}");
        eprintln!(
            "state/{label}: {} reports, state file {bytes} bytes",
            app.corpus.articles.len()
        );
        measure(c, &mut app, &saved, &label);
    }
}

fn measure(c: &mut Criterion, app: &mut App, saved: &Saved, label: &str) {
    let mut g = c.benchmark_group("state");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function(BenchmarkId::new("restore", label), |b| {
        b.iter(|| app.update(Action::Restore(Box::new(saved.clone()))))
    });
    g.bench_function(BenchmarkId::new("snapshot", label), |b| {
        b.iter(|| app.snapshot(1_800_000_000_000) == app.marks.baseline)
    });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("corpus"));
    store.save(saved, Duration::from_secs(5)).unwrap();
    let mine = app.snapshot(1_800_000_000_000);
    g.bench_function(BenchmarkId::new("save", label), |b| {
        b.iter(|| store.save(&mine, Duration::from_secs(5)).unwrap())
    });
    g.finish();
    app.update(Action::Restore(Box::default()));
}

fn state(c: &mut Criterion) {
    for n in common::sizes() {
        run(c, &n.to_string(), common::corpus(n));
    }
    if let Some(path) = std::env::var_os("LEARNCITY_BENCH_FILE") {
        let corpus = load_file(std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{e}"));
        run(c, "file", corpus);
    }
}

criterion_group!(benches, state);
criterion_main!(benches);
