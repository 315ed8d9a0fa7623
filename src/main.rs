use std::process::ExitCode;

use clap::Parser;

use learncity::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(args.data.as_ref(), args.no_pager, command),
        None => learncity::tui::run(args.data.as_ref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// mimalloc: loading a corpus makes millions of small allocations (texts,
/// posting lists), where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
