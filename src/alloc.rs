//! The allocator's settings, shared by the program and the benchmarks, so
//! that what a benchmark measures is what the program does: with
//! memory given back at once, a buffer freed between two keystrokes is
//! fresh pages, and faulted in again, at the next.

/// Both settings, before anything is allocated: each binary calls it from
/// `.init_array`.
pub fn configure() {
    no_huge_pages();
    purge_freed_memory_at_once();
}

/// Turns transparent huge pages off for
/// the process. mimalloc asks for them on the memory it reserves
/// (MADV_HUGEPAGE), and a huge page is 2 MiB resident as soon as one byte
/// of it is touched, and stays whole until all of it is free: 7 MB before
/// a corpus is read, 13 MB more with one loaded (10 000 reports), for no
/// speed we could measure. Set to 0 before mimalloc
/// first reserves memory, the option keeps it from asking; the process
/// flag covers memory reserved earlier, should there be any. A user's
/// MIMALLOC_ALLOW_THP is left alone.
fn no_huge_pages() {
    // mimalloc 3's `mi_option_allow_thp` (see `purge_freed_memory_at_once`).
    const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;
    // SAFETY: getenv reads a NUL-terminated name, before any thread
    // exists to change the environment; the option and the process
    // flag take no pointers.
    #[cfg(target_os = "linux")]
    unsafe {
        if libc::getenv(c"MIMALLOC_ALLOW_THP".as_ptr()).is_null() {
            libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0);
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

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
