//! The `hysbys` binary: parse arguments, run, map the result to an exit code.

// hysbys allocates many small strings while reading YAML and building pages; mimalloc is
// markedly faster than the system allocator at that (see bench/README.md). Built with
// `no_thp`: with transparent huge pages, every fresh 2 MiB of heap was zeroed at first touch
// and a quarter of a rebuild's CPU time went there (`check` of 10,000 notices: 4.1–5.2 s
// with, 3.3 s without).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    allocator::keep_memory_while_busy();
    hysbys::cli::main()
}

mod allocator {
    use libc::{c_int, c_long};

    extern "C" {
        #[cfg(test)]
        fn mi_option_get(option: c_int) -> c_long;
        fn mi_option_set(option: c_int, value: c_long);
    }

    /// `mi_option_purge_delay` in mimalloc v3's `mi_option_e` (`include/mimalloc.h`); a
    /// test holds it to that option's default.
    const PURGE_DELAY: c_int = 15;

    /// How long memory freed and not used again is kept before it goes back to the system.
    const KEEP_MS: c_long = 10_000;

    /// mimalloc gives memory that has been free for a second back to the system (its
    /// `purge_delay`), and a build, which frees a batch's buffers and soon needs as much
    /// again, then paid for that memory once more in page faults: 164,000 of them for
    /// 10,000 notices, 0.7 s of CPU by `perf`, where keeping it ten seconds takes 62,000
    /// (0.2 s) for 38 MiB more at the peak. `serve`, once idle, still gives memory back.
    pub fn keep_memory_while_busy() {
        // SAFETY: mimalloc's documented option setter, with an option it has and a value in
        // its range; options may be set at any time, from any thread.
        unsafe { mi_option_set(PURGE_DELAY, KEEP_MS) }
    }

    /// The option's current value.
    #[cfg(test)]
    fn purge_delay() -> c_long {
        // SAFETY: as in `keep_memory_while_busy`; reading an option has no precondition.
        unsafe { mi_option_get(PURGE_DELAY) }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_option_set_is_the_purge_delay() {
            // mimalloc v3's default purge delay is 1000 ms, and no other option has that
            // default: a wrong index reads another option's value. mimalloc reads the
            // option from `MIMALLOC_PURGE_DELAY` when that is set, so then that is the value.
            let expected = std::env::var("MIMALLOC_PURGE_DELAY")
                .map_or(Some(1000), |v| v.trim().parse::<super::c_long>().ok());
            if let Some(expected) = expected {
                assert_eq!(super::purge_delay(), expected);
            }
            super::keep_memory_while_busy();
            assert_eq!(super::purge_delay(), super::KEEP_MS);
        }
    }
}
