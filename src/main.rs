//! The `hysbys` binary: parse arguments, run, map the result to an exit code.

// hysbys allocates many small strings while reading YAML and building pages; mimalloc is
// markedly faster than the system allocator at that (see bench/README.md). Built with
// `no_thp`: with transparent huge pages, every fresh 2 MiB of heap was zeroed at first touch
// and a quarter of a rebuild's CPU time went there (`check` of 10,000 notices: 4.1–5.2 s
// with, 3.3 s without).
#[global_allocator]
static GLOBAL: allocator::Mimalloc = allocator::Mimalloc;

fn main() -> std::process::ExitCode {
    allocator::keep_memory_while_busy();
    hysbys::cli::main()
}

mod allocator {
    use std::alloc::{GlobalAlloc, Layout};

    use libc::{c_int, c_long, c_void};

    extern "C" {
        #[cfg(test)]
        fn mi_option_get(option: c_int) -> c_long;
        fn mi_option_set(option: c_int, value: c_long);
        fn mi_malloc(size: usize) -> *mut c_void;
        fn mi_zalloc(size: usize) -> *mut c_void;
        fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
    }

    /// Every block mimalloc gives is aligned to a word at least (its sizes are whole words).
    const WORD: usize = std::mem::size_of::<usize>();

    /// mimalloc, asked through its plain `mi_malloc` for every layout a word aligns, as the
    /// system allocator is asked through `malloc`. `mimalloc::MiMalloc` asks for every
    /// block through `mi_malloc_aligned`, whose fast path ends at 1 KiB: a larger block
    /// that is no power of two was allocated with room to align it and marked as holding
    /// interior pointers (31 a notice in a cold `check`, 4 % of its instructions in
    /// mimalloc).
    pub struct Mimalloc;

    // SAFETY: each call keeps `GlobalAlloc`'s contract: a layout a word aligns goes to
    // `mi_malloc`, `mi_zalloc` or `mi_realloc`, whose blocks a word aligns (mimalloc's block
    // sizes are whole words and its pages start aligned); any other layout goes to
    // `mimalloc::MiMalloc`, which aligns it; and `mi_free`, under both, frees any block.
    unsafe impl GlobalAlloc for Mimalloc {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: mimalloc's `malloc`; any size is allowed.
                unsafe { mi_malloc(layout.size()).cast() }
            } else {
                // SAFETY: the caller keeps `alloc`'s contract.
                unsafe { mimalloc::MiMalloc.alloc(layout) }
            }
        }

        #[inline]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: as in `alloc`.
                unsafe { mi_zalloc(layout.size()).cast() }
            } else {
                // SAFETY: the caller keeps `alloc_zeroed`'s contract.
                unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
            }
        }

        #[inline]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` came from this allocator, that is from mimalloc.
            unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
        }

        #[inline]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if layout.align() <= WORD {
                // SAFETY: `ptr` is a block of mimalloc's; the new one a word aligns too.
                unsafe { mi_realloc(ptr.cast(), new_size).cast() }
            } else {
                // SAFETY: the caller keeps `realloc`'s contract.
                unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
            }
        }
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

        #[test]
        fn blocks_are_aligned_and_kept_through_realloc() {
            use std::alloc::{GlobalAlloc, Layout};
            let a = super::Mimalloc;
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                for size in [1, 7, 8, 24, 40, 1000, 1500, 3000, 70_000] {
                    let layout = Layout::from_size_align(size, align).unwrap();
                    // SAFETY: a layout of non-zero size; each block is written within its
                    // size, read, reallocated with the same alignment and freed once.
                    unsafe {
                        let zeroed = a.alloc_zeroed(layout);
                        assert_eq!(zeroed.align_offset(align), 0, "{size} {align}");
                        assert!((0..size).all(|i| *zeroed.add(i) == 0));
                        a.dealloc(zeroed, layout);
                        let p = a.alloc(layout);
                        assert_eq!(p.align_offset(align), 0, "{size} {align}");
                        for i in 0..size {
                            *p.add(i) = (i % 251) as u8;
                        }
                        let q = a.realloc(p, layout, size * 3);
                        assert_eq!(q.align_offset(align), 0, "{size} {align}");
                        assert!((0..size).all(|i| *q.add(i) == (i % 251) as u8));
                        a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    }
                }
            }
        }
    }
}
