//! Loading a corpus: JSON parsing, cleaning and validation (`load_bytes`),
//! building the search index, and both together, per corpus size
//! (`LEARNCITY_BENCH_SIZES`, see `benches/common/mod.rs`).
//!
//! `cargo bench --bench load`

mod common;
#[path = "../examples/gen_corpus/gen.rs"]
mod gen;

use std::hint::black_box;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use learncity::corpus::load_bytes;
use learncity::search::SearchIndex;

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sampling_mode(SamplingMode::Flat);
    for n in common::sizes() {
        let bytes = common::corpus_json(n);
        let corpus = load_bytes("bench.json", &bytes).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::build(&corpus);
        eprintln!(
            "corpus {n}: {:.1} MB of JSON, {} cities, {} articles, vocabulary {} words",
            bytes.len() as f64 / 1e6,
            corpus.cities.len(),
            corpus.articles.len(),
            index.vocab_len()
        );
        drop(index);

        g.sample_size(if n >= 10_000 { 10 } else { 20 });
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        // Results are dropped outside the timing: the program never frees them.
        g.bench_with_input(BenchmarkId::new("parse_validate", n), &bytes, |b, bytes| {
            b.iter_with_large_drop(|| load_bytes("bench.json", black_box(bytes)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("index", n), &corpus, |b, corpus| {
            b.iter_with_large_drop(|| SearchIndex::build(black_box(corpus)))
        });
        drop(corpus);
        g.bench_with_input(BenchmarkId::new("total", n), &bytes, |b, bytes| {
            b.iter_with_large_drop(|| {
                let corpus = load_bytes("bench.json", black_box(bytes)).unwrap();
                let index = SearchIndex::build(&corpus);
                (corpus, index)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
