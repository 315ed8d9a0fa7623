//! Prints a corpus as one line per article (id, title and body, tabs and
//! line breaks turned into spaces), for comparing learncity's search with
//! line-based fuzzy finders such as `fzf --filter` and `sk --filter`:
//!
//!     cargo run --release --example corpus-lines -- big.json > big.lines

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("error: usage: corpus-lines CORPUS.json");
        return ExitCode::from(2);
    };
    let corpus = match learncity::corpus::load_file(std::path::Path::new(&path)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for a in &corpus.articles {
        let mut line = format!("{} {}", a.id, a.title);
        for b in &a.body {
            line.push(' ');
            line.push_str(&b.text);
        }
        let line: String = line
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
        if writeln!(out, "{line}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
