use std::process::ExitCode;

use learncity::{cli, i18n};

fn main() -> ExitCode {
    purge_freed_memory_at_once();
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

/// Runs before anything is allocated: turns transparent huge pages off for
/// the process. mimalloc asks for them on the memory it reserves
/// (MADV_HUGEPAGE), and a huge page is 2 MiB resident as soon as one byte
/// of it is touched, and stays whole until all of it is free: 7 MB before
/// a corpus is read, 13 MB more with one loaded (10 000 reports), for no
/// speed we could measure. Set to 0 before mimalloc
/// first reserves memory, the option keeps it from asking; the process
/// flag covers memory reserved earlier, should there be any. A user's
/// MIMALLOC_ALLOW_THP is left alone.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static NO_HUGE_PAGES: extern "C" fn() = {
    extern "C" fn no_huge_pages() {
        // mimalloc 3's `mi_option_allow_thp` (see `purge_freed_memory_at_once`).
        const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;
        // SAFETY: getenv reads a NUL-terminated name, before any thread
        // exists to change the environment; the option and the process
        // flag take no pointers.
        unsafe {
            if libc::getenv(c"MIMALLOC_ALLOW_THP".as_ptr()).is_null() {
                libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0);
                libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
            }
        }
    }
    no_huge_pages
};

/// mimalloc holds freed memory for a while (1 s in the vendored mimalloc 3)
/// before giving it back, and loading
/// frees as it goes (growing vectors, raw values): a corpus of many small
/// items peaked at 3.6 times what it peaks at when memory goes back at
/// once, for 2 % more time (docs/performance.md). The option's number is
/// mimalloc 3's `mi_option_purge_delay` (libmimalloc-sys's constants
/// predate it), so it is set only while it holds that option's default
/// (1000 ms as vendored, 10 ms as documented); a user's
/// MIMALLOC_PURGE_DELAY is left alone.
fn purge_freed_memory_at_once() {
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: reading and setting a mimalloc option takes no pointers.
    unsafe {
        if matches!(
            libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
            10 | 1000
        ) {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        }
    }
}

/// mimalloc: loading a corpus makes millions of small allocations (texts,
/// posting lists), where it is markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
