use std::process::ExitCode;

use clap::Parser;

use learncity::cli::{self, Cli};

fn main() -> ExitCode {
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return cli::usage_error(e),
    };
    let result = match args.command {
        Some(command) => cli::run(args.data.as_ref(), args.no_pager, command),
        None => learncity::tui::run(args.data.as_ref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// Runs before Rust's runtime, which replaces a closed standard descriptor
/// with /dev/null: records whether stdout was closed at exec, for
/// `cli::STDOUT_WAS_CLOSED`.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CHECK_STDOUT: extern "C" fn() = {
    extern "C" fn check() {
        // SAFETY: F_GETFD only reads the descriptor's flags.
        let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
        cli::STDOUT_WAS_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
    }
    check
};

/// mimalloc: loading a corpus makes millions of small allocations (texts,
/// posting lists), where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
