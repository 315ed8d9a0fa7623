//! The command line: argument parsing and the non-interactive commands.
//! Each command is a function from the corpus to text on stdout; errors go
//! to stderr as `error: …` with exit status 2 (1 for a search with no hits).

mod cache_command;
mod completions;
mod import;
mod list;
pub mod localize;
mod man;
mod out;
pub use out::STDOUT_WAS_CLOSED;
mod pager;
pub mod progress;
mod search;
mod show;
mod stats;
mod table;
mod validate;
pub mod version;
pub mod which;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cache;
use crate::corpus::{self, Corpus, LoadError};
use crate::search::SearchIndex;
pub use out::{dumb_terminal, no_color, Out};

/// The arguments. Their help texts are in the message files
/// (locales/*/cli.ftl), put in by `localize`; the comments here are for
/// the code's readers.
#[derive(Debug, Parser)]
#[command(name = "learncity", version, disable_version_flag = true)]
pub struct Cli {
    /// Read this corpus file instead of the bundled one
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Print long output directly instead of through $PAGER (less -R)
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Leave the mouse to the terminal (its own selection and copy), as
    /// LEARNCITY_MOUSE=0 does
    #[arg(long)]
    pub no_mouse: bool,

    /// Read and write no marks, places or history (the reader keeps them in
    /// $XDG_STATE_HOME/learncity); LEARNCITY_STATE=off does the same
    #[arg(long)]
    pub no_state: bool,

    /// Neither read nor write the cache of parsed corpora
    /// ($XDG_CACHE_HOME/learncity); LEARNCITY_CACHE=off does the same
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Print the version, the bundled corpus and its credits
    #[arg(short = 'V', long)]
    pub version: bool,

    /// Print which corpus is used and why (every place looked at, in
    /// order), then exit
    #[arg(long)]
    pub which: bool,

    /// The interface's language (read before parsing: `i18n::scan_args`)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "tr"], ignore_case = true)]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// List the cities, or those of a region, country, join year or status
    List {
        /// Only cities of this UNESCO region (africa, "arab states", asia, europe, latin)
        #[arg(long, value_name = "REGION")]
        region: Vec<String>,
        /// Only cities of this country
        #[arg(long, value_name = "COUNTRY")]
        country: Vec<String>,
        /// Only cities that joined then: 2022, <2020, >=2020, 2016..2019 or unknown
        #[arg(long, value_name = "YEARS", allow_hyphen_values = true)]
        joined: Vec<String>,
        /// Only cities whose membership is: confirmed, single-source or disputed
        #[arg(long, value_name = "STATUS")]
        status: Vec<String>,
        /// Only cities with at least one report
        #[arg(long)]
        has_reports: bool,
        /// The order: name, country, region, joined (oldest first), newest or reports
        #[arg(long, value_enum, value_name = "ORDER", hide_possible_values = true,
              default_value_t = crate::corpus::order::Sort::Name)]
        sort: crate::corpus::order::Sort,
        /// Print JSON instead of a table (see docs/corpus-format.md)
        #[arg(long)]
        json: bool,
    },
    /// Show a city (with its reports) or a report, by id
    Show {
        /// A city or report id, as printed by `list` or `search`
        id: String,
        /// Print the city or report as JSON (see docs/corpus-format.md)
        #[arg(long)]
        json: bool,
    },
    /// Search cities and reports; exits 1 when nothing matches
    Search {
        /// Words to look for; every word must match
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Print the hits as JSON, best first (see docs/corpus-format.md)
        #[arg(long)]
        json: bool,
        /// Show at most N hits
        #[arg(long, value_name = "N", default_value_t = 20,
              value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
    /// Corpus-wide and per-city statistics, with every figure and its quote
    Stats {
        /// Print the statistics as JSON (see docs/corpus-format.md)
        #[arg(long)]
        json: bool,
    },
    /// Where the config file and your marks are; check the config file
    Config {
        /// Print a config file with every setting at its default, commented
        #[arg(long, conflicts_with = "check")]
        default: bool,
        /// Check the config file: each problem as file:line:column
        #[arg(long)]
        check: bool,
    },
    /// Add a plain-text news article to a corpus file as a report
    Import(import::Args),
    /// Check a corpus file and print every problem; exits 0 if valid, 2 if not
    Validate {
        /// The corpus file to check (or --data FILE; without either, the
        /// corpus in effect: `--which`)
        file: Option<PathBuf>,
    },
    /// Print a completion script for a shell
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell (and, hidden,
        /// `__ids`: what the scripts ask for after `show`)
        #[arg(value_enum, value_name = "SHELL")]
        shell: completions::Target,
    },
    /// Print the manual page (roff)
    Man,
    /// Show or remove the cache of parsed corpora
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum CacheAction {
    /// Where the cache is, its files, and whether each is current
    Info,
    /// Remove every cache file
    Clear,
}

/// Prints clap's message for bad usage (or the help or version asked
/// for) and gives its exit status. An argument echoed in a message is shown
/// with its control, C1 and bidirectional characters and its line breaks
/// escaped, as the program's own messages show file names: an argument
/// cannot drive the terminal or forge a line of the message.
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Our own text, no argument in it: the help of the translated
        // command, built only now that it is shown.
        let shown = match localize::parse_from(std::env::args_os()) {
            Err(again) if again.kind() == e.kind() => again,
            _ => e,
        };
        return print_text(&localize::render_help(&shown));
    }
    // clap's plain message drops what looks like an escape sequence from
    // an argument (leaving `''`): parse the arguments again with their
    // controls written as escapes, which gives the same message, showing
    // what was typed.
    let escaped =
        std::env::args_os().map(|a| crate::text::sanitize::printable(&a.to_string_lossy()));
    let shown = match localize::parse_from(escaped) {
        Err(again) if again.kind() == e.kind() => again,
        _ => e,
    };
    let msg = crate::text::sanitize::printable_lines(localize::render_error(&shown).trim_end());
    crate::stderr::line(msg);
    ExitCode::from(u8::try_from(shown.exit_code()).unwrap_or(2))
}

/// Prints our own `text` (the help, the version) on stdout: a failure,
/// exit status 2, when it cannot be printed, as any command's output is
/// (see `write_stdout`); success when a reader stopped reading.
pub fn print_text(text: &str) -> ExitCode {
    match out::write_stdout(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// What a command reports when it fails.
#[derive(Debug)]
pub enum Failure {
    /// A message for stderr, printed after `error: `; exit status 2.
    Usage(String),
    /// A corpus that did not load; exit status 2.
    Corpus(LoadError),
    /// Nothing matched; exit status 1, nothing on stderr.
    NoMatch,
    /// A cache file turned out damaged while the command ran; nothing was
    /// printed, and `run` runs the command again without the cache.
    CacheDamaged,
}

impl Failure {
    pub fn report(&self) -> ExitCode {
        match self {
            Failure::Usage(msg) => {
                crate::stderr::line(format_args!("{} {msg}", crate::t!("cli-error")));
                ExitCode::from(2)
            }
            Failure::Corpus(err) => {
                report_load_error(err);
                ExitCode::from(2)
            }
            Failure::NoMatch => ExitCode::from(1),
            // `run` retries; this is reached only if the retry was damaged
            // too, which it cannot be, as it reads no cache.
            Failure::CacheDamaged => ExitCode::from(2),
        }
    }
}

/// `error: …` then one line per problem, as `file:line:col: message` or
/// `file: path: message`.
pub fn report_load_error(err: &LoadError) {
    crate::stderr::line(format_args!(
        "{} {}",
        crate::t!("cli-error"),
        crate::t!(
            "cli-cannot-use-corpus",
            file = err.file.as_str(),
            n = err.problems.len()
        )
    ));
    for line in err.lines() {
        crate::stderr::line(line);
    }
}

/// The corpus in effect: `--data`, `$LEARNCITY_DATA`, the user's or the
/// system's data file, or the bundled one (`which::lookup`).
pub fn load_corpus(data: Option<&PathBuf>) -> Result<Corpus, Failure> {
    open_corpus(data, false, false).map(|l| l.corpus)
}

/// The corpus in effect and, with `index`, its search index: both from the
/// cache when it is current (`crate::cache`). The bundled corpus is small
/// and already in the binary: it is never cached. With `later`, a cache to
/// write is left to the caller (`cache::Pending`).
pub fn open_corpus(
    data: Option<&PathBuf>,
    index: bool,
    later: bool,
) -> Result<cache::Loaded, Failure> {
    let build = |corpus: &Corpus| {
        let progress =
            progress::Progress::start(crate::t!("search-indexing", n = corpus.articles.len()));
        // Within what the corpus leaves of its memory budget (none is set
        // for the bundled corpus).
        let room = corpus.budget().map_or(u64::MAX, |b| b.room());
        let index = crate::search::SearchIndex::build_within(corpus, room);
        progress.finish();
        index
    };
    let loaded = match which::lookup(data)?.path() {
        Some(path) => {
            let progress = progress::Progress::start(crate::t!(
                "cli-loading",
                file = corpus::display_name(path)
            ));
            let result = cache::load(path, index.then_some(&build as cache::Build), later);
            progress.finish();
            result.map_err(Failure::Corpus)?
        }
        None => {
            let corpus = corpus::bundled();
            cache::Loaded {
                index: index.then(|| SearchIndex::build(&corpus)),
                corpus,
                from_cache: false,
                pending: None,
            }
        }
    };
    Ok(loaded)
}

/// What the cache has to say (not written, damaged), a line each.
fn say_cache_notices() {
    for n in cache::take_notices() {
        crate::stderr::line(format_args!("learncity: {n}"));
    }
}

/// Runs a non-interactive command; again from the corpus file if a cache
/// file turns out damaged on the way (the cache says so on stderr).
pub fn run(data: Option<&PathBuf>, no_pager: bool, command: Command) -> Result<(), Failure> {
    match run_once(data, no_pager, command.clone()) {
        Err(Failure::CacheDamaged) => {
            say_cache_notices();
            cache::turn_off();
            run_once(data, no_pager, command)
        }
        other => other,
    }
}

fn run_once(data: Option<&PathBuf>, no_pager: bool, command: Command) -> Result<(), Failure> {
    // Before the corpus is loaded for nothing.
    out::stdout_open()?;
    let mut out = Out::detect();
    out.page = !no_pager;
    if let Command::Validate { file } = &command {
        let file = match (file, data) {
            (Some(f), Some(d)) if f != d => {
                return Err(Failure::Usage(crate::t!(
                    "cli-validate-one",
                    file = corpus::display_name(f),
                    data = corpus::display_name(d)
                )))
            }
            (f, d) => f.as_ref().or(d),
        };
        return validate::run(which::lookup(file)?.path(), &out);
    }
    match &command {
        Command::Completions { shell } => return completions::run(*shell, data),
        Command::Man => return out::write_stdout(&man::page()),
        Command::Cache { action } => return cache_command::run(*action),
        _ => {}
    }
    if let Command::Config { default, check } = command {
        return config_command(default, check);
    }
    if let Command::Import(args) = command {
        return import::run(data, args);
    }
    let needs_index = matches!(command, Command::Search { .. });
    let loaded = open_corpus(data, needs_index, false)?;
    say_cache_notices();
    let corpus = loaded.corpus;
    let mut index = loaded.index;
    let result = match command {
        Command::List {
            region,
            country,
            joined,
            status,
            has_reports,
            sort,
            json,
        } => {
            let req = list::Request {
                region,
                country,
                joined,
                status,
                has_reports,
                sort: Some(sort),
            };
            list::run(&corpus, &req, json, &out)
        }
        Command::Show { id, json } => show::run(&corpus, &id, json, &out),
        Command::Search { query, json, limit } => {
            let index = index.get_or_insert_with(|| SearchIndex::build(&corpus));
            search::run(&corpus, index, &query.join(" "), json, limit as usize, &out)
        }
        Command::Stats { json } => stats::run(&corpus, index.as_ref(), json, &out),
        Command::Validate { .. }
        | Command::Config { .. }
        | Command::Import(_)
        | Command::Completions { .. }
        | Command::Cache { .. }
        | Command::Man => unreachable!("handled above"),
    };
    // The process ends next: freeing a large corpus string by string (a
    // twentieth of a warm `search` at 100 000 reports) would be work for
    // nothing, since the system takes the pages back whole. Unless the
    // command runs again from the corpus file (a damaged cache): then this
    // copy must not stay beside the next.
    if !matches!(result, Err(Failure::CacheDamaged)) {
        std::mem::forget(corpus);
        std::mem::forget(index);
    }
    result
}

/// `learncity config`: reads, never writes.
fn config_command(default: bool, check: bool) -> Result<(), Failure> {
    if default {
        return out::write_stdout(&crate::config::default_file());
    }
    let path = crate::config::path();
    let config = crate::config::load();
    let shown = |p: &std::path::Path| crate::text::sanitize::printable(&p.display().to_string());
    let mut text = String::new();
    if !check {
        let exists = path.as_deref().is_some_and(|p| p.exists());
        let file = path
            .as_deref()
            .map_or_else(|| crate::t!("config-no-home"), shown);
        text.push_str(&if exists {
            crate::t!("config-file", file = file)
        } else {
            crate::t!("config-file-absent", file = file)
        });
        text.push('\n');
        let marks = crate::state::root().map_or_else(
            |e| crate::t!("config-marks-none", reason = e.to_string()),
            |p| shown(&p),
        );
        text.push_str(&crate::t!("config-marks", dir = marks));
        text.push('\n');
        text.push_str(&crate::t!(
            "config-in-use-lang",
            lang = crate::t!("lang-name"),
            source = lang_source()
        ));
        text.push('\n');
    }
    for p in &config.problems {
        text.push_str(&crate::text::sanitize::printable(p));
        text.push('\n');
    }
    if config.problems.is_empty() && check {
        text.push_str(&crate::t!("config-valid"));
        text.push('\n');
    }
    out::write_stdout(&text)?;
    if check && !config.problems.is_empty() {
        return Err(Failure::Usage(crate::t!(
            "config-has-problems",
            problems = crate::text::number::with_unit(
                config.problems.len() as u64,
                crate::text::number::Unit::Problem
            )
        )));
    }
    Ok(())
}

/// How the interface's language was chosen, for `learncity config`.
fn lang_source() -> String {
    match crate::i18n::choice().source {
        crate::i18n::Source::Flag => crate::t!("config-lang-flag"),
        crate::i18n::Source::Config => crate::t!("config-lang-config"),
        crate::i18n::Source::Env(var) => crate::t!("config-lang-env", var = var),
        crate::i18n::Source::Default => crate::t!("config-lang-default"),
    }
}

/// Prints `value` as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Usage(crate::t!("cli-cannot-write-json", reason = e.to_string())))?;
    out::write_stdout(&format!("{text}\n"))
}
