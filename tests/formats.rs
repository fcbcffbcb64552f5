//! Diagnostics as users see them, in every output format, snapshotted: a change to wording,
//! positions or shape shows up in review.

use std::path::PathBuf;

use hysbys::model::Date;

fn diagnostics() -> (hysbys::Project, Vec<hysbys::diag::Diagnostic>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diagnostics");
    let opts = hysbys::load::Options {
        cache: false,
        today: Some(Date::constant(2026, 11, 23)),
    };
    hysbys::check(&root, &opts).expect("loads")
}

#[test]
fn human() {
    let (p, d) = diagnostics();
    let c = hysbys::diag::count(&d);
    let mut out = hysbys::diag::human::render(&d, &p.sources, false);
    out.push_str(&hysbys::diag::human::summary(
        p.notices.len(),
        c.errors,
        c.warnings,
    ));
    assert!(!out.contains('\u{1b}'), "no colour when not asked for");
    insta::assert_snapshot!(out);
}

#[test]
fn json() {
    let (p, d) = diagnostics();
    insta::assert_snapshot!(hysbys::diag::json::render(&d, &p.sources));
}

#[test]
fn sarif() {
    let (p, d) = diagnostics();
    let v: serde_json::Value =
        serde_json::from_str(&hysbys::diag::sarif::render(&d, &p.sources)).expect("json");
    // The rules table is long and covered by the SARIF schema test; snapshot the results.
    insta::assert_json_snapshot!(v["runs"][0]["results"]);
}

#[test]
fn github() {
    let (p, d) = diagnostics();
    insta::assert_snapshot!(hysbys::diag::github::render(&d, &p.sources));
}
