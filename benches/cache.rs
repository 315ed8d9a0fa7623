//! Warm start: the corpus and its index opened from the cache file
//! (`src/cache/`), then the reader built and its first frame drawn at
//! 160x45, against the same from the JSON file (cold, no cache). Also
//! `learncity search` done in process: open, search, snippets of the top
//! 20 hits. The cache lives in target/bench-cache/.
//!
//! `cargo bench --bench cache` (LEARNCITY_BENCH_SIZES=10000,100000)

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use learncity::cache;
use learncity::search::{snippet, Keep, SearchIndex};
use learncity::tui::app::App;
use learncity::tui::theme::Theme;
use learncity::tui::ui;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;

fn build(c: &learncity::corpus::Corpus) -> Result<SearchIndex, learncity::search::TooLarge> {
    Ok(SearchIndex::build(c))
}

fn warm(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache");
    std::env::set_var("XDG_CACHE_HOME", &dir);
    let size = Rect::new(0, 0, 160, 45);
    let mut group = c.benchmark_group("cache");
    group.sample_size(10);
    for n in common::sizes() {
        let path = common::corpus_path(n);
        // Written if missing or stale.
        let first = cache::load(&path, Some(&build), false).expect("load");
        drop(first);
        group.bench_function(format!("warm_to_first_frame/{n}"), |b| {
            b.iter(|| {
                let l = cache::load(&path, None, false).expect("load");
                assert!(l.from_cache, "the cache is used");
                let app = App::with_index(
                    Arc::new(l.corpus),
                    Arc::new(l.index.expect("an index")),
                    size,
                    Theme::colour(),
                );
                let mut term = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
                term.draw(|f| ui::draw(f, &app)).unwrap().area
            })
        });
        group.bench_function(format!("warm_search/{n}"), |b| {
            b.iter(|| {
                let l = cache::load(&path, None, false).expect("load");
                let (corpus, index) = (l.corpus, l.index.expect("an index"));
                // As `learncity search` does: the 20 shown put in order.
                let results = index.search_top("ogrenen sehri", Keep::All, 20);
                results
                    .ordered()
                    .iter()
                    .filter_map(|h| match h.doc {
                        learncity::search::Doc::Article(a) => {
                            let body = &corpus.articles[a].body;
                            body.first().map(|b| snippet(&b.text, &[], 80).text.len())
                        }
                        learncity::search::Doc::City(_) => None,
                    })
                    .sum::<usize>()
            })
        });
        if n <= 10_000 {
            group.bench_function(format!("cold_to_first_frame/{n}"), |b| {
                b.iter(|| {
                    let corpus = learncity::corpus::load_file(&path).expect("load");
                    let app = App::new(corpus, size, Theme::colour());
                    let mut term =
                        Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
                    term.draw(|f| ui::draw(f, &app)).unwrap().area
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, warm);
criterion_main!(benches);
