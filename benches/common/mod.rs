//! Shared by the benchmarks: the corpora they run on, and driving the
//! reader through its public API.
//!
//! Corpora are made in-process by the generator of `examples/gen-corpus.rs`
//! (seed 1, default cities and long articles: see `gen::Config::new`) and
//! cached as JSON in `target/bench-corpora/` (or `$CARGO_TARGET_DIR/…`),
//! named by size and by a hash of the generator's source, so a changed
//! generator never reuses a stale file. Delete the directory to reclaim the
//! space (about 350 MB for 100 000 articles).
//!
//! `LEARNCITY_BENCH_SIZES` selects the corpus sizes in articles, e.g.
//! `LEARNCITY_BENCH_SIZES=1000,10000`; the default is `1000,10000,100000`.

#![allow(dead_code)]

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use learncity::corpus::{load_bytes, Corpus};
use learncity::search::Doc;
use learncity::tui::app::App;
use learncity::tui::keys::Action;
use learncity::tui::ui::layout::Pane;

use crate::gen;

pub const SEED: u64 = 1;
pub const DEFAULT_SIZES: &[usize] = &[1_000, 10_000, 100_000];

/// The corpus sizes to run, from `LEARNCITY_BENCH_SIZES`.
pub fn sizes() -> Vec<usize> {
    match std::env::var("LEARNCITY_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => s
            .split(',')
            .map(|x| {
                x.trim().replace('_', "").parse().unwrap_or_else(|_| {
                    panic!("LEARNCITY_BENCH_SIZES: {x:?} is not a number of articles")
                })
            })
            .collect(),
        _ => DEFAULT_SIZES.to_vec(),
    }
}

pub fn smallest_size() -> usize {
    sizes().into_iter().min().unwrap_or(DEFAULT_SIZES[0])
}

pub fn largest_size() -> usize {
    sizes().into_iter().max().unwrap_or(DEFAULT_SIZES[0])
}

/// FNV-1a of the generator's source: part of the cache file's name.
fn generator_hash() -> u64 {
    let src = include_str!("../../examples/gen_corpus/gen.rs");
    src.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn cache_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("bench-corpora")
}

/// The corpus of `articles` articles as JSON, generated on first use.
pub fn corpus_json(articles: usize) -> Vec<u8> {
    let path = corpus_path(articles);
    std::fs::read(&path).expect("read corpus file")
}

/// The file of the corpus of `articles` articles, generated on first use.
#[allow(dead_code)] // not every benchmark reads corpora from files
pub fn corpus_path(articles: usize) -> PathBuf {
    let dir = cache_dir();
    let path = dir.join(format!(
        "seed{SEED}-{articles}-{:016x}.json",
        generator_hash()
    ));
    if path.exists() {
        return path;
    }
    eprintln!("generating {} ...", path.display());
    std::fs::create_dir_all(&dir).expect("create target/bench-corpora");
    // Write under a temporary name: an interrupted run leaves no half file.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp).expect("create corpus file"));
    gen::write_corpus(&gen::Config::new(articles, SEED), &mut w).expect("write corpus");
    w.flush().expect("write corpus");
    drop(w);
    std::fs::rename(&tmp, &path).expect("rename corpus file");
    path
}

/// The corpus of `articles` articles, loaded and checked.
pub fn corpus(articles: usize) -> Corpus {
    load_bytes("bench.json", &corpus_json(articles)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn body_bytes(c: &Corpus, a: usize) -> usize {
    c.articles[a].body.iter().map(|b| b.text.len()).sum()
}

/// The article with the largest body: one of the 2 MB ones.
pub fn longest_article(c: &Corpus) -> usize {
    (0..c.articles.len())
        .max_by_key(|&a| body_bytes(c, a))
        .expect("the corpus has articles")
}

/// Selects article `a` in the list and opens it in the viewer, the way a
/// user would: to its city (page by page), expand it, down to the report.
pub fn open_article(app: &mut App, a: usize) {
    let city = app.corpus.city_of(a).expect("the article has a city");
    while app.focus != Pane::Cities {
        app.update(Action::FocusNext);
    }
    app.update(Action::Top);
    go_to_row(app, Doc::City(city));
    if !app.list.is_open(city, false) {
        app.update(Action::Open);
    }
    go_to_row(app, Doc::Article(a));
    assert_eq!(
        app.viewer.doc(),
        Some(Doc::Article(a)),
        "the article is open"
    );
}

fn go_to_row(app: &mut App, target: Doc) {
    let row = app
        .list
        .rows
        .iter()
        .position(|r| r.doc == target)
        .expect("the target is listed");
    let page = app.list.height.saturating_sub(1).max(1);
    while app.list.selected + page <= row {
        app.update(Action::PageDown);
    }
    while app.list.selected < row {
        app.update(Action::Down);
    }
    while app.list.selected > row {
        app.update(Action::Up);
    }
}

/// The same allocator as the program (src/main.rs), so the numbers match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// And the same settings, set where the program sets them: freed
/// memory goes back at once, and a buffer freed between two keystrokes
/// costs its page faults again at the next, as in the reader.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static ALLOCATOR_AS_THE_PROGRAM: extern "C" fn() = {
    extern "C" fn configure() {
        learncity::alloc::configure();
    }
    configure
};
