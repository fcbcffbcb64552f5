//! The `hysbys` binary: parse arguments, run, map the result to an exit code.

// hysbys allocates many small strings while reading YAML and building pages; mimalloc is
// markedly faster than the system allocator at that (see bench/README.md). Built with
// `no_thp`: with transparent huge pages, every fresh 2 MiB of heap was zeroed at first touch
// and a quarter of a rebuild's CPU time went there (`check` of 10,000 notices: 4.1–5.2 s
// with, 3.3 s without).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    hysbys::cli::main()
}
