//! `gen-corpus`: writes a deterministic synthetic corpus to stdout, for
//! benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles 10000 --seed 1 > big.json
//! learncity validate big.json
//! ```
//!
//! Flags:
//!
//! - `--articles N` (required): number of articles (reports).
//! - `--seed S` (default 1): the same seed and flags always give the same bytes.
//! - `--cities M` (default: N/20 rounded, at least 1): number of cities.
//! - `--long K` (default: N/5000, at least 1 when N > 0): how many of the
//!   articles have a body of about 2 MB instead of about 3 KB; they are spread
//!   evenly through the file.
//!
//! The corpus is valid (`learncity validate` accepts it): Turkish text with
//! realistic suffixes and both cases of ç ğ ı İ ö ş ü, some English,
//! numbers, 0–3 figures per article quoting a sentence of its body, join
//! years 2013–2025 or null, and a network timeline. It is streamed, so
//! memory stays small whatever N is. A summary line goes to stderr.
//!
//! Usage errors (and refusing to write to a terminal) print `error: …` and
//! exit with status 2; a write error exits with status 1.
//!
//! The generator itself is `examples/gen_corpus/gen.rs`, shared with
//! `tests/gen_corpus.rs` and the benchmarks.

#[path = "gen_corpus/gen.rs"]
mod gen;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

/// Writes a deterministic synthetic learncity corpus (JSON) to stdout.
#[derive(Parser)]
#[command(name = "gen-corpus")]
struct Args {
    /// Number of articles.
    #[arg(long, value_name = "N")]
    articles: usize,
    /// Seed: the same seed and flags give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Number of cities [default: N/20, at least 1].
    #[arg(long, value_name = "M")]
    cities: Option<usize>,
    /// Number of long (about 2 MB) articles [default: N/5000, at least 1].
    #[arg(long, value_name = "K")]
    long: Option<usize>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut cfg = gen::Config::new(args.articles, args.seed);
    if let Some(m) = args.cities {
        cfg.cities = m;
    }
    if let Some(k) = args.long {
        cfg.long = k;
    }
    if let Some(problem) = cfg.problem() {
        Args::command()
            .error(ErrorKind::ValueValidation, problem)
            .exit();
    }
    let stdout = io::stdout();
    if stdout.is_terminal() {
        eprintln!("error: refusing to write a corpus to a terminal; redirect stdout to a file (> big.json)");
        return ExitCode::from(2);
    }
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    match gen::write_corpus(&cfg, &mut out).and_then(|s| out.flush().map(|()| s)) {
        Ok(s) => {
            eprintln!(
                "gen-corpus: {} articles ({} long), {} cities, {} figures; {:.1} MB, bodies {:.1} MB (seed {})",
                s.articles,
                cfg.long,
                s.cities,
                s.figures,
                s.bytes as f64 / 1e6,
                s.body_bytes as f64 / 1e6,
                cfg.seed
            );
            ExitCode::SUCCESS
        }
        // `gen-corpus … | head` is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the corpus: {e}");
            ExitCode::from(1)
        }
    }
}
