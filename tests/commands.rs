//! `hysbys register` and the `serve` start-up errors, through the binary.

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hysbys"));
    c.env("NO_COLOR", "1");
    c
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn register_prints_what_build_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    let b = bin()
        .args(["build", "--today", "2026-11-23", "--root"])
        .arg(example())
        .arg("--out")
        .arg(&out)
        .output()
        .expect("build");
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    for (format, lang, file) in [
        ("json", None, "register.json"),
        ("jsonld", None, "register.jsonld"),
        ("csv", None, "ropa.csv"),
        ("csv", Some("cy"), "ropa.cy.csv"),
    ] {
        let mut c = bin();
        c.args([
            "register",
            "--today",
            "2026-11-23",
            "--format",
            format,
            "--root",
        ])
        .arg(example());
        if let Some(l) = lang {
            c.args(["--lang", l]);
        }
        let o = c.output().expect("register");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            o.stdout,
            std::fs::read(out.join(file)).expect("built file"),
            "{format} differs from {file}"
        );
    }
}

#[test]
fn register_with_errors_prints_diagnostics_and_nothing_else() {
    let root = example().join("tests/fixtures/diagnostics");
    let o = bin()
        .args(["register", "--today", "2026-11-23", "--root"])
        .arg(&root)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "nothing on standard output");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error[unknown-field]") && err.contains("notices/advice.yaml:19:5"),
        "{err}"
    );
}

#[test]
fn serve_on_a_port_in_use_says_so_and_exits_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let o = bin()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(example())
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("port {port} is already in use")),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}
