//! The `hysbys` binary: parse arguments, run, map the result to an exit code.

// hysbys allocates many small strings while reading YAML and building pages; mimalloc is
// markedly faster than the system allocator at that (see bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    hysbys::cli::main()
}
