use std::process::ExitCode;

use learncity::{cli, i18n};

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first: clap's help and errors are written in it.
    i18n::set(i18n::choose(
        i18n::scan_args(&argv),
        learncity::config::lang,
        |var| std::env::var(var).ok(),
    ));
    // clap's own command parses (cheap); the translated one, with every
    // description looked up, is built only for a help or an error.
    let args = match <cli::Cli as clap::Parser>::try_parse_from(&argv) {
        Ok(args) => args,
        Err(e) => return cli::usage_error(e),
    };
    if args.which && args.command.is_some() {
        return cli::Failure::Usage(learncity::t!("which-alone")).report();
    }
    if args.no_cache {
        learncity::cache::turn_off();
    }
    if args.version {
        return cli::print_text(&cli::version::text());
    }
    let result = match args.command {
        _ if args.which => cli::which::run(args.data.as_ref()),
        Some(command) => cli::run(args.data.as_ref(), args.no_pager, command),
        None => learncity::tui::run(
            args.data.as_ref(),
            learncity::tui::Options {
                mouse: !args.no_mouse,
                state: !args.no_state,
            },
        ),
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

/// Runs before anything is allocated: see `alloc::configure`.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static ALLOCATOR: extern "C" fn() = {
    extern "C" fn configure() {
        learncity::alloc::configure();
    }
    configure
};

/// mimalloc: loading a corpus makes millions of small allocations (texts,
/// posting lists), where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
