//! Crash-safe output and file-system edge cases: `build` killed with SIGKILL at random
//! moments always leaves the complete old site or the complete new one; concurrent builds
//! are serialised by a lock; read-only or odd output paths give a clear error, never a
//! panic or a half-written site.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hysbys"));
    c.env("NO_COLOR", "1");
    c
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project of `copies` × the example's notices, each copy with its own ids.
fn big_project(dir: &Path, copies: usize) {
    let ex = example();
    std::fs::create_dir_all(dir.join("notices")).expect("mkdir");
    std::fs::copy(
        ex.join("notices/_organisation.yaml"),
        dir.join("notices/_organisation.yaml"),
    )
    .expect("org");
    std::fs::copy(ex.join("hysbys.toml"), dir.join("hysbys.toml")).expect("config");
    let notices: Vec<PathBuf> = walkdir::WalkDir::new(ex.join("notices"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "yaml") && !p.ends_with("_organisation.yaml")
        })
        .collect();
    for i in 0..copies {
        for n in &notices {
            let stem = n
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::copy(n, dir.join(format!("notices/{stem}-{i}.yaml"))).expect("copy");
        }
    }
}

fn set_title(dir: &Path, title: &str) {
    let p = dir.join("hysbys.toml");
    let text = std::fs::read_to_string(&p).expect("read");
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("title") {
            out.push_str(&format!(
                "title = {{ en = \"{title}\", cy = \"{title} (cy)\" }}\n"
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(p, out).expect("write");
}

fn tree_hash(dir: &Path) -> Option<u64> {
    if !dir.exists() {
        return None;
    }
    let mut h = DefaultHasher::new();
    for e in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            e.path().strip_prefix(dir).ok()?.hash(&mut h);
            std::fs::read(e.path()).ok()?.hash(&mut h);
        }
    }
    Some(h.finish())
}

fn build(dir: &Path) -> std::process::Output {
    bin()
        .args(["build", "--today", "2026-11-23", "--root"])
        .arg(dir)
        .output()
        .expect("run")
}

#[test]
fn sigkill_during_build_leaves_old_or_new_never_a_mix() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    big_project(&dir, 60);
    let out = dir.join("output");

    // The two sites the output may hold: "A" and "B".
    set_title(&dir, "Site A");
    assert!(build(&dir).status.success());
    let a = tree_hash(&out).expect("A");
    set_title(&dir, "Site B");
    let started = Instant::now();
    assert!(build(&dir).status.success());
    let full = started.elapsed();
    let b = tree_hash(&out).expect("B");
    assert_ne!(a, b);

    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id());
    let mut killed_early = 0;
    for round in 0..24 {
        set_title(&dir, if round % 2 == 0 { "Site A" } else { "Site B" });
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = Duration::from_micros(seed % (full.as_micros() as u64 + 1));
        let mut child = bin()
            .args(["build", "--today", "2026-11-23", "--root"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().expect("wait");
        if !status.success() {
            killed_early += 1;
        }
        let now = tree_hash(&out);
        assert!(
            now == Some(a) || now == Some(b),
            "round {round}: output is neither the old nor the new site"
        );
    }
    assert!(
        killed_early > 0,
        "no build was interrupted; the test did not test anything"
    );
    // A later build cleans up what the killed ones left and succeeds.
    assert!(build(&dir).status.success());
    let stray: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("hysbys-new"))
        .collect();
    assert!(stray.is_empty(), "staging folders left: {stray:?}");
}

#[test]
fn concurrent_builds_are_serialised() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    big_project(&dir, 20);
    let out = dir.join("output");
    assert!(build(&dir).status.success());
    let good = tree_hash(&out);
    let mut refused = 0;
    for _ in 0..6 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                bin()
                    .args(["build", "--today", "2026-11-23", "--root"])
                    .arg(&dir)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().expect("wait");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!err.contains("panicked"), "{err}");
            if !o.status.success() {
                assert_eq!(o.status.code(), Some(2), "{err}");
                assert!(err.contains("another hysbys build is writing"), "{err}");
                refused += 1;
            }
        }
        assert_eq!(tree_hash(&out), good, "the output changed or broke");
    }
    // On 2 cores, three builds at once overlap at least once in six tries.
    assert!(
        refused > 0,
        "no build was refused: the lock was never exercised"
    );
}

#[test]
fn odd_output_paths_give_clear_errors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    big_project(&dir, 1);

    // The output path is a file.
    std::fs::write(dir.join("output"), "not a folder").expect("write");
    let o = build(&dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a folder"));
    assert_eq!(
        std::fs::read_to_string(dir.join("output")).expect("read"),
        "not a folder"
    );
    std::fs::remove_file(dir.join("output")).expect("rm");

    // A folder hysbys did not make is never replaced.
    std::fs::create_dir_all(dir.join("output")).expect("mkdir");
    std::fs::write(dir.join("output/precious.txt"), "keep me").expect("write");
    let o = build(&dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("was not written by hysbys"));
    assert_eq!(
        std::fs::read_to_string(dir.join("output/precious.txt")).expect("read"),
        "keep me"
    );
    std::fs::remove_dir_all(dir.join("output")).expect("rm");

    // Outside the project without --out: refused; with --out: built.
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::write(
        dir.join("hysbys.toml"),
        "[build]\noutput = \"../elsewhere\"\n",
    )
    .expect("write");
    let o = build(&dir);
    if o.status.code() == Some(2) {
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("--out"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert!(
        !elsewhere.exists(),
        "built outside the project without --out"
    );
    let o = bin()
        .args(["build", "--today", "2026-11-23", "--root"])
        .arg(&dir)
        .arg("--out")
        .arg(&elsewhere)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(elsewhere.join("index.html").exists());

    // No notices/ folder: an I/O error, exit 2.
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let o = bin()
        .args(["check", "--root"])
        .arg(&empty)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no notices/ folder"));
}

#[cfg(unix)]
#[test]
fn read_only_output_parent_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    big_project(&dir, 1);
    let ro = tmp.path().join("ro");
    std::fs::create_dir_all(&ro).expect("mkdir");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // root ignores permissions; the test means something only for other users.
    let probe = std::fs::write(ro.join("probe"), "x");
    let o = bin()
        .args(["build", "--today", "2026-11-23", "--root"])
        .arg(&dir)
        .arg("--out")
        .arg(ro.join("site"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    if probe.is_err() {
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.contains("cannot write") || err.contains("ermission"),
            "{err}"
        );
    } else {
        assert!(o.status.success(), "{err}");
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn symlinks_outside_the_project_are_not_followed_and_welsh_names_work() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    big_project(&dir, 1);
    // A notice outside the project, linked in: reported, not read.
    let outside = tmp.path().join("secret.yaml");
    std::fs::write(&outside, "title: {en: SECRET, cy: CYFRINACH}\n").expect("write");
    std::os::unix::fs::symlink(&outside, dir.join("notices/leak.yaml")).expect("symlink");
    // Folder names with spaces and Welsh letters are fine; a file name that is not an id is skipped.
    std::fs::create_dir_all(dir.join("notices/gwasanaethau ŵyl â ŷ")).expect("mkdir");
    std::fs::copy(
        dir.join("notices/corporate-0.yaml"),
        dir.join("notices/gwasanaethau ŵyl â ŷ/gwyl.yaml"),
    )
    .expect("copy");
    std::fs::copy(
        dir.join("notices/corporate-0.yaml"),
        dir.join("notices/Gŵyl Haf.yaml"),
    )
    .expect("copy");
    let o = bin()
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-11-23",
            "--root",
        ])
        .arg(&dir)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let diags = v["diagnostics"].as_array().cloned().unwrap_or_default();
    let find = |lint: &str, file: &str| {
        diags
            .iter()
            .any(|d| d["lint"] == lint && d["file"].as_str().is_some_and(|f| f.contains(file)))
    };
    assert!(find("io-error", "leak.yaml"), "{diags:?}");
    assert!(find("invalid-id", "Gŵyl Haf.yaml"), "{diags:?}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("SECRET"));
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unreadable input is an I/O error"
    );
    // The notice in the Welsh-named folder was read.
    assert!(
        !diags
            .iter()
            .any(|d| d["file"].as_str().is_some_and(|f| f.contains("gwyl.yaml"))),
        "{diags:?}"
    );
}
