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

/// The streamed register, JSON-LD and record of processing are byte for byte what the
/// in-memory values print as.
#[test]
fn streamed_outputs_match_the_values() {
    for rel in [".", "tests/fixtures/full", "tests/fixtures/register-basic"] {
        let root = example().join(rel);
        let opts = hysbys::load::Options {
            cache: false,
            today: Some(hysbys::model::Date::constant(2026, 11, 23)),
        };
        let p = hysbys::build::prepare(&root, &opts).expect("prepare");
        let mut streamed = Vec::new();
        let entries = std::sync::atomic::AtomicUsize::new(0);
        hysbys::emit::register::write_register(&p.project, &p.i18n, &mut streamed, &|n, bytes| {
            entries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            assert_eq!(
                bytes,
                hysbys::emit::register::to_bytes(&hysbys::emit::register::notice_entry(
                    &p.project, &p.i18n, n
                ))
            );
            Ok(())
        })
        .expect("write");
        assert_eq!(entries.into_inner(), p.project.notices.len());
        let value = hysbys::emit::register::document_bytes(
            &hysbys::emit::register::register(&p.project, &p.i18n),
            "notices",
        );
        assert!(streamed == value, "{rel}: register.json differs");
        let mut streamed = Vec::new();
        hysbys::emit::jsonld::write_jsonld(&p.project, &p.i18n, &mut streamed).expect("write");
        let value = hysbys::emit::register::document_bytes(
            &hysbys::emit::jsonld::jsonld(&p.project, &p.i18n),
            "@graph",
        );
        assert!(streamed == value, "{rel}: register.jsonld differs");
        for &lang in &p.project.config.languages {
            let mut streamed = Vec::new();
            hysbys::emit::ropa::write_ropa(&p.project, &p.i18n, lang, &mut streamed)
                .expect("write");
            assert_eq!(
                streamed,
                hysbys::emit::ropa::ropa_csv(&p.project, &p.i18n, lang).into_bytes(),
                "{rel}: ropa {lang:?}"
            );
        }
    }
}
