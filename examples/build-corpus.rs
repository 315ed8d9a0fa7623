//! Builds the bundled corpus, `data/corpus.json`, from the member directory
//! (`data/gnlc/*.tsv`) and the curated reports and facts
//! (`data/curated.json`), and says what it merged:
//!
//!     cargo run --example build-corpus            # writes data/corpus.json
//!     cargo run --example build-corpus -- --check # exits 1 if it is stale
//!
//! See `learncity::gnlc` for the rules.

use std::path::Path;
use std::process::ExitCode;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let texts = [
        "gnlc/cities.tsv",
        "gnlc/coords.tsv",
        "gnlc/cohorts.tsv",
        "curated.json",
    ]
    .map(|f| read(&data.join(f)));
    let [cities, coords, cohorts, curated] = match texts {
        [Ok(a), Ok(b), Ok(c), Ok(d)] => [a, b, c, d],
        texts => {
            for e in texts.into_iter().filter_map(Result::err) {
                eprintln!("error: {e}");
            }
            return ExitCode::from(2);
        }
    };
    let built = match learncity::gnlc::build(&learncity::gnlc::Inputs {
        cities: &cities,
        coords: &coords,
        cohorts: &cohorts,
        curated: &curated,
    }) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for line in &built.report {
        println!("{line}");
    }
    let out = data.join("corpus.json");
    let old = std::fs::read_to_string(&out).unwrap_or_default();
    if check {
        return if old == built.json {
            println!("data/corpus.json is up to date");
            ExitCode::SUCCESS
        } else {
            eprintln!("error: data/corpus.json is stale; run `cargo run --example build-corpus`");
            ExitCode::from(1)
        };
    }
    // Written whole to a temporary file, then renamed over the old one: an
    // interrupted build never leaves half a corpus.
    let tmp = data.join("corpus.json.tmp");
    if let Err(e) = std::fs::write(&tmp, &built.json).and_then(|()| std::fs::rename(&tmp, &out)) {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!(
        "wrote data/corpus.json ({})",
        if old == built.json {
            "unchanged"
        } else {
            "changed"
        }
    );
    ExitCode::SUCCESS
}
