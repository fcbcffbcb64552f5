//! Helpers shared by the integration tests: fixture projects in temporary folders, small
//! edits, and running the built binary with a time limit.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `tests/fixtures/`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

/// A copy of `tests/fixtures/lints/base/` (a clean project: one notice, `contact`) in a new
/// temporary folder.
pub fn base_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("lints/base"), dir.path());
    dir
}

/// Replace the one occurrence of `find` in `root/file`.
pub fn edit(root: &Path, file: &str, find: &str, replace: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {file}: {e}"));
    let n = text.matches(find).count();
    assert_eq!(n, 1, "{find:?} occurs {n} times in {file}, not once");
    std::fs::write(&path, text.replacen(find, replace, 1)).expect("write");
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None`: killed by a signal).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The run ended normally, without a panic, with this exit code.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "the binary panicked:\n{}",
            self.stderr
        );
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\n--- stderr\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// The built `hysbys`, with no colour or date settings inherited from the environment.
pub fn hysbys() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hysbys"));
    c.env_remove("NO_COLOR")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("CLICOLOR_FORCE");
    c
}

/// How long one run may take before it counts as a hang.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Run a command to the end, killing it (and failing the test) if it runs past `limit`.
/// stdout and stderr are read on their own threads so a full pipe cannot stall the child.
#[track_caller]
pub fn run_with_limit(cmd: &mut Command, limit: Duration) -> Run {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start hysbys");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_thread = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for hysbys") {
            break s;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}: killed (a hang?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_thread.join().expect("stdout reader");
    let stderr = err_thread.join().expect("stderr reader");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Run `hysbys <args>` with the default time limit.
#[track_caller]
pub fn run(args: &[&str]) -> Run {
    run_with_limit(hysbys().args(args), TIME_LIMIT)
}

/// `hysbys check --root <root> --today 2026-11-23 [extra]`.
#[track_caller]
pub fn check(root: &Path, extra: &[&str]) -> Run {
    let root = root.to_str().expect("UTF-8 temp path");
    let mut args = vec!["check", "--root", root, "--today", "2026-11-23"];
    args.extend_from_slice(extra);
    run(&args)
}

/// One diagnostic of `check --format json`, as `lint file:line:column`.
pub fn located(d: &serde_json::Value) -> String {
    format!(
        "{} {}:{}:{}",
        d["lint"].as_str().unwrap_or("?"),
        d["file"].as_str().unwrap_or("?"),
        d["line"],
        d["column"]
    )
}

/// Every diagnostic of a `--format json` run, as `lint file:line:column`.
pub fn diagnostics(run: &Run) -> Vec<String> {
    run.json()["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(located)
        .collect()
}
