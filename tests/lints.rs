//! Every lint of `hysbys::rules::LINTS` has a project that triggers it and one that does not.
//!
//! The projects are edits of one small clean project, `tests/fixtures/lints/base/`, listed in
//! `tests/fixtures/lints/cases/<lint>.toml` (the format is in `tests/fixtures/lints/README.md`).
//! Each case runs `hysbys::check` with "today" pinned to 2026-11-23 and compares every
//! diagnostic, `lint file:line:column`, with the case's `expect` list: the bad project must
//! produce exactly those (the lint itself among them), the good one exactly its own list
//! (empty unless stated).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use hysbys::model::Date;

mod common;
use common::copy_dir;

fn fixtures() -> PathBuf {
    common::fixtures().join("lints")
}

fn case_path(lint: &str) -> PathBuf {
    fixtures().join("cases").join(format!("{lint}.toml"))
}

fn today() -> Date {
    "2026-11-23".parse().expect("a date")
}

fn str_of<'a>(t: &'a toml::Table, key: &str, ctx: &str) -> &'a str {
    t.get(key)
        .and_then(toml::Value::as_str)
        .unwrap_or_else(|| panic!("{ctx}: `{key}` must be a string"))
}

/// Make `path` a file that cannot be read: mode 000, or (as root, where mode 000 does not
/// stop reads) a symbolic link to a file that does not exist.
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, "title: {en: Locked, cy: Ar glo}\n").expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::read(path).is_ok() {
        std::fs::remove_file(path).expect("remove");
        std::os::unix::fs::symlink("does-not-exist.yaml", path).expect("symlink");
    }
}

/// Apply one case's edits to the project at `root`.
fn apply(root: &Path, edits: &[toml::Value], ctx: &str) {
    for (i, e) in edits.iter().enumerate() {
        let ctx = format!("{ctx}, edit {}", i + 1);
        let t = e
            .as_table()
            .unwrap_or_else(|| panic!("{ctx}: an edit is a table"));
        if let Some(file) = t.get("file").and_then(toml::Value::as_str) {
            let path = root.join(file);
            if let Some(find) = t.get("find").and_then(toml::Value::as_str) {
                let replace = str_of(t, "replace", &ctx);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{ctx}: read {file}: {e}"));
                let n = text.matches(find).count();
                assert_eq!(n, 1, "{ctx}: {find:?} occurs {n} times in {file}, not once");
                std::fs::write(&path, text.replacen(find, replace, 1)).expect("write");
            } else if let Some(append) = t.get("append").and_then(toml::Value::as_str) {
                let mut text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{ctx}: read {file}: {e}"));
                text.push_str(append);
                std::fs::write(&path, text).expect("write");
            } else {
                let write = str_of(t, "write", &ctx);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).expect("create folder");
                }
                std::fs::write(&path, write).expect("write");
            }
        } else if let Some(rm) = t.get("remove").and_then(toml::Value::as_str) {
            std::fs::remove_file(root.join(rm)).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        } else if let Some(from) = t.get("copy").and_then(toml::Value::as_str) {
            let to = str_of(t, "to", &ctx);
            std::fs::copy(root.join(from), root.join(to)).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        } else if let Some(dir) = t.get("mkdir").and_then(toml::Value::as_str) {
            std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        } else if let Some(link) = t.get("symlink").and_then(toml::Value::as_str) {
            let target = str_of(t, "target", &ctx);
            std::os::unix::fs::symlink(target, root.join(link)).expect("symlink");
        } else if let Some(file) = t.get("unreadable").and_then(toml::Value::as_str) {
            make_unreadable(&root.join(file));
        } else {
            panic!("{ctx}: unknown edit {t:?}");
        }
    }
}

/// `lint file:line:column` for every diagnostic, in output order.
fn run_check(root: &Path) -> Vec<String> {
    let opts = hysbys::load::Options {
        cache: false,
        today: Some(today()),
    };
    let (project, diags) = hysbys::check(root, &opts).expect("the project loads");
    // `hysbys check` streams the notices a batch at a time: the same diagnostics, and the
    // same count of translations missing from hysbys.lock, whatever the batch.
    let unrecorded = hysbys::i18n::workflow::unrecorded(&project);
    let stream = |opts: &hysbys::load::Options, batch: usize| {
        hysbys::build::stream(root, opts, None, batch).expect("the project loads")
    };
    let mut runs: Vec<(String, hysbys::build::Streamed)> = [1, 2, hysbys::build::BATCH]
        .into_iter()
        .map(|batch| (format!("streamed {batch} at a time"), stream(&opts, batch)))
        .collect();
    // With the cache, the first `check` keeps a verdict on each notice it can, and the
    // second answers those from their verdicts: the same again.
    let cached = hysbys::load::Options {
        cache: true,
        ..opts.clone()
    };
    for which in ["keeping verdicts", "from verdicts"] {
        runs.push((which.to_owned(), stream(&cached, 2)));
    }
    for (which, s) in &runs {
        assert!(
            s.diagnostics == diags,
            "{which}: {:#?}\nwhole: {:#?}",
            s.diagnostics,
            diags
        );
        assert_eq!(s.unrecorded, unrecorded, "{which}");
        assert_eq!(s.project.notices.len(), project.notices.len(), "{which}");
    }
    let (first, again) = (&runs[3].1, &runs[4].1);
    assert_eq!(first.verdicts_used, 0);
    assert_eq!(again.verdicts_used, first.verdicts_kept);
    let _ = std::fs::remove_dir_all(root.join(hysbys::load::cache::DIR));
    diags
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}:{}",
                d.lint,
                project.sources.path(d.file),
                d.pos.line,
                d.pos.col
            )
        })
        .collect()
}

fn strings(v: Option<&toml::Value>, ctx: &str) -> Vec<String> {
    match v {
        None => Vec::new(),
        Some(v) => v
            .as_array()
            .unwrap_or_else(|| panic!("{ctx}: expected an array"))
            .iter()
            .map(|s| {
                s.as_str()
                    .unwrap_or_else(|| panic!("{ctx}: expected strings"))
                    .to_owned()
            })
            .collect(),
    }
}

/// Build one side (`bad` or `good`) of a case and return (expected, actual).
fn side(lint: &str, case: &toml::Table, which: &str) -> (Vec<String>, Vec<String>) {
    let ctx = format!("{lint}.toml [{which}]");
    let t = case
        .get(which)
        .and_then(toml::Value::as_table)
        .unwrap_or_else(|| panic!("{ctx}: missing"));
    let edits = t
        .get("edits")
        .and_then(toml::Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let expect = strings(t.get("expect"), &ctx);
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), dir.path());
    apply(dir.path(), edits, &ctx);
    (expect, run_check(dir.path()))
}

fn run_case(lint: &str) {
    let path = case_path(lint);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let case: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));

    let (expect, actual) = side(lint, &case, "bad");
    assert!(
        expect.iter().any(|e| e.split(' ').next() == Some(lint)),
        "{lint}.toml: the bad project's `expect` must include the lint itself"
    );
    let mut report = String::new();
    if expect != actual {
        let _ = writeln!(
            report,
            "bad project of {lint}:\n  expected {expect:#?}\n  found    {actual:#?}"
        );
    }
    let (expect_good, actual) = side(lint, &case, "good");
    assert!(
        !expect_good
            .iter()
            .any(|e| e.split(' ').next() == Some(lint)),
        "{lint}.toml: the good project must not expect the lint"
    );
    if expect_good != actual {
        let _ = writeln!(
            report,
            "good project of {lint}:\n  expected {expect_good:#?}\n  found    {actual:#?}"
        );
    }
    assert!(report.is_empty(), "{report}");
}

macro_rules! cases {
    ($($(#[$meta:meta])* $test:ident => $lint:literal,)*) => {
        /// The lints with a case below, in registry order.
        const CASES: &[&str] = &[$($lint),*];
        $(
            #[test]
            $(#[$meta])*
            fn $test() {
                run_case($lint);
            }
        )*
    };
}

cases! {
    automated_decision_recognised_legitimate_interests => "automated-decision-recognised-legitimate-interests",
    automated_decision_special_category => "automated-decision-special-category",
    duplicate_id => "duplicate-id",
    duplicate_key => "duplicate-key",
    invalid_duration => "invalid-duration",
    invalid_id => "invalid-id",
    invalid_value => "invalid-value",
    io_error => "io-error",
    limit_exceeded => "limit-exceeded",
    missing_annex1_condition => "missing-annex1-condition",
    missing_appropriate_policy_document => "missing-appropriate-policy-document",
    missing_complaints => "missing-complaints",
    missing_consent_withdrawal => "missing-consent-withdrawal",
    missing_criminal_condition => "missing-criminal-condition",
    missing_data_subjects => "missing-data-subjects",
    missing_dpo => "missing-dpo",
    missing_field => "missing-field",
    missing_ico_registration => "missing-ico-registration",
    missing_lawful_basis => "missing-lawful-basis",
    missing_legislation => "missing-legislation",
    missing_legitimate_interests => "missing-legitimate-interests",
    missing_recipients => "missing-recipients",
    missing_retention => "missing-retention",
    missing_safeguard_copy => "missing-safeguard-copy",
    missing_schedule1_condition => "missing-schedule1-condition",
    missing_sources => "missing-sources",
    missing_special_condition => "missing-special-condition",
    missing_statutory_requirement => "missing-statutory-requirement",
    missing_translation => "missing-translation",
    parse_error => "parse-error",
    public_authority_derogation => "public-authority-derogation",
    public_authority_legitimate_interests => "public-authority-legitimate-interests",
    review_overdue => "review-overdue",
    schedule1_mismatch => "schedule1-mismatch",
    stale_translation => "stale-translation",
    transfer_without_safeguard => "transfer-without-safeguard",
    unknown_field => "unknown-field",
    unknown_reference => "unknown-reference",
    unneeded_condition => "unneeded-condition",
    unsafe_markdown => "unsafe-markdown",
    unused_category => "unused-category",
    unused_recipient => "unused-recipient",
    unused_retention => "unused-retention",
}

/// A new lint without a fixture fails here; so does a case file for a lint that is gone.
#[test]
fn every_lint_has_a_fixture() {
    let names: Vec<&str> = hysbys::rules::LINTS.iter().map(|l| l.name).collect();
    let missing: Vec<&&str> = names.iter().filter(|n| !case_path(n).is_file()).collect();
    assert!(
        missing.is_empty(),
        "lints without tests/fixtures/lints/cases/<lint>.toml: {missing:?}"
    );
    assert_eq!(
        CASES, names,
        "the `cases!` list in tests/lints.rs must name every lint, in registry order"
    );
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("cases"))
        .expect("cases folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let stray: Vec<&String> = files
        .iter()
        .filter(|f| {
            f.strip_suffix(".toml")
                .is_none_or(|stem| !names.contains(&stem))
        })
        .collect();
    assert!(stray.is_empty(), "case files for no lint: {stray:?}");
    for n in &names {
        let case: toml::Table = std::fs::read_to_string(case_path(n))
            .expect("read")
            .parse()
            .unwrap_or_else(|e| panic!("{n}.toml: {e}"));
        for side in ["bad", "good"] {
            assert!(
                case.get(side).is_some_and(toml::Value::is_table),
                "{n}.toml has no [{side}] project"
            );
        }
    }
}

/// The base project every case starts from is clean, so each diagnostic comes from an edit.
#[test]
fn base_project_is_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), dir.path());
    assert_eq!(run_check(dir.path()), Vec::<String>::new());
}

/// `check` keeps a verdict on each notice, and answers an unchanged notice from it: a
/// changed notice, organisation or date is checked afresh.
#[test]
fn verdicts_answer_only_unchanged_notices() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), dir.path());
    for other in ["second", "third"] {
        std::fs::copy(
            dir.path().join(NOTICE),
            dir.path().join(format!("notices/{other}.yaml")),
        )
        .expect("copy a notice");
    }
    let opts = hysbys::load::Options {
        cache: true,
        today: Some(today()),
    };
    let check = || hysbys::build::stream(dir.path(), &opts, None, 2).expect("loads");
    let first = check();
    let notices = first.project.notices.len();
    assert_eq!(notices, 3);
    assert_eq!((first.verdicts_used, first.verdicts_kept), (0, notices));
    let entries = || {
        std::fs::read_dir(dir.path().join(hysbys::load::cache::DIR))
            .expect("the cache")
            .count()
    };
    let kept = entries();
    let again = check();
    assert_eq!((again.verdicts_used, again.verdicts_kept), (notices, 0));
    assert_eq!(entries(), kept, "the models are kept for the next build");
    // A lint in one notice: that notice is checked again, and its finding kept.
    common::edit(
        dir.path(),
        NOTICE,
        "    legislation:\n      - Local Government Act 1972\n",
        "",
    );
    let edited = check();
    assert_eq!(
        (edited.verdicts_used, edited.verdicts_kept),
        (notices - 1, 1)
    );
    let found = |s: &hysbys::build::Streamed| -> Vec<String> {
        s.diagnostics
            .iter()
            .map(|d| {
                let at = s.project.sources.path(d.file);
                format!("{} {at}:{}:{}", d.lint, d.pos.line, d.pos.col)
            })
            .collect()
    };
    assert_eq!(found(&edited).len(), 1, "{:?}", found(&edited));
    assert!(found(&edited)[0].starts_with("missing-legislation notices/contact.yaml:"));
    let from_verdict = check();
    assert_eq!(from_verdict.verdicts_used, notices);
    assert_eq!(found(&from_verdict), found(&edited));
    assert!(from_verdict.diagnostics == edited.diagnostics);
    // A build uses them too (finding the same), and keeps them for the next check.
    let out = dir.path().join("output");
    let built = hysbys::build::stream(
        dir.path(),
        &opts,
        Some(hysbys::build::BuildTo {
            out: Some(&out),
            deny_warnings: false,
        }),
        2,
    )
    .expect("loads");
    assert_eq!(built.verdicts_used, notices);
    assert!(built.diagnostics == edited.diagnostics);
    assert!(matches!(built.written, Some(Ok(_))) && out.join("index.html").exists());
    assert_eq!(check().verdicts_used, notices);
    // An empty lock is not no lock: every translation is then unrecorded.
    std::fs::write(dir.path().join("hysbys.lock"), "").expect("write the lock");
    let locked = check();
    assert_eq!(locked.verdicts_used, 0);
    let whole = hysbys::load::load(dir.path(), &opts).expect("loads");
    let unrecorded = hysbys::i18n::workflow::unrecorded(&whole);
    assert!(unrecorded > 0);
    assert_eq!(locked.unrecorded, unrecorded);
    assert_eq!(check().unrecorded, unrecorded, "from verdicts");
    std::fs::remove_file(dir.path().join("hysbys.lock")).expect("remove the lock");
    assert_eq!(check().unrecorded, 0);
    // Another date or organisation: every notice again.
    let later = hysbys::load::Options {
        today: Some("2099-01-01".parse().expect("a date")),
        ..opts.clone()
    };
    let s = hysbys::build::stream(dir.path(), &later, None, 2).expect("loads");
    assert_eq!(s.verdicts_used, 0);
    common::edit(dir.path(), ORG, "ico_registration: Z1234567\n", "");
    let s = check();
    assert_eq!(s.verdicts_used, 0);
    assert!(s
        .diagnostics
        .iter()
        .any(|d| d.lint == "missing-ico-registration"));
}

/// A copy of the base project with find/replace edits `(file, find, replace)`, checked.
fn check_edited(edits: &[(&str, &str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), dir.path());
    for (file, find, replace) in edits {
        common::edit(dir.path(), file, find, replace);
    }
    run_check(dir.path())
}

const ORG: &str = "notices/_organisation.yaml";
const NOTICE: &str = "notices/contact.yaml";

/// NOTICE-FORMAT §2: "`null`, `~` and an empty value mean absent", and "an empty list means
/// the same as an absent key, except `recipients`". So a field written as null (or an empty
/// list) must get the same lint as the field left out; otherwise `lawful_basis: ~` silently
/// publishes a purpose with no lawful basis.
#[test]
fn null_or_empty_means_absent_for_lints() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            NOTICE,
            "    lawful_basis: public-task\n    legislation:\n      - Local Government Act 1972\n",
            "    lawful_basis:\n",
            "missing-lawful-basis notices/contact.yaml:17:9",
        ),
        (
            NOTICE,
            "lawful_basis: public-task",
            "lawful_basis: ~",
            "missing-lawful-basis notices/contact.yaml:17:9",
        ),
        (
            NOTICE,
            "    legislation:\n      - Local Government Act 1972\n",
            "    legislation: []\n",
            "missing-legislation notices/contact.yaml:22:19",
        ),
        (
            NOTICE,
            "data_subjects:\n  - en: People who contact the council\n    cy: Pobl sy'n cysylltu â'r cyngor\n",
            "data_subjects: []\n",
            "missing-data-subjects notices/contact.yaml:1:1",
        ),
        (
            NOTICE,
            "recipients: []\n",
            "recipients: ~\n",
            "missing-recipients notices/contact.yaml:1:1",
        ),
        (
            NOTICE,
            "statutory_requirement:\n  en: You do not have to give us your details.\n  cy: Does dim rhaid i chi roi eich manylion i ni.\n",
            "statutory_requirement: ~\n",
            "missing-statutory-requirement notices/contact.yaml:1:1",
        ),
        (
            ORG,
            "dpo:\n  email: dpo@example.gov.wales\n",
            "dpo: ~\n",
            "missing-dpo notices/_organisation.yaml:1:1",
        ),
        (
            ORG,
            "complaints:\n  email: complaints@example.gov.wales\n",
            "complaints:\n",
            "missing-complaints notices/_organisation.yaml:1:1",
        ),
        (
            ORG,
            "ico_registration: Z1234567\n",
            "ico_registration: null\n",
            "missing-ico-registration notices/_organisation.yaml:1:1",
        ),
    ];
    let mut report = String::new();
    for (file, find, replace, expected) in cases {
        let found = check_edited(&[(file, find, replace)]);
        if found != [*expected] {
            let _ = writeln!(
                report,
                "{file}: {replace:?}\n  expected [{expected}]\n  found    {found:?}"
            );
        }
    }
    assert!(report.is_empty(), "{report}");
}

/// NOTICE-FORMAT §2 and §4: a retention entry's `categories: []` is the same as no
/// `categories`, which covers every category of the notice.
#[test]
fn empty_retention_categories_cover_every_category() {
    let found = check_edited(&[(
        NOTICE,
        "    period: P2Y\n",
        "    period: P2Y\n    categories: []\n",
    )]);
    assert_eq!(found, Vec::<String>::new());
}

/// Art 22B: substantial public interest allows a solely automated decision on special-category
/// data only with a contract or a law that requires or authorises it.
#[test]
fn automated_decision_on_substantial_public_interest_needs_contract_or_law() {
    let decision = "automated_decisions:\n  - id: triage\n    name: {en: T, cy: T}\n    logic: {en: L, cy: L}\n    significance: {en: S, cy: S}\n    consequences: {en: C, cy: C}\n    purposes: [answer]\n";
    let special = (
        "      cy: Eich enw a'ch manylion cyswllt\n",
        "      cy: Eich enw a'ch manylion cyswllt\n    special: [health]\n",
    );
    let spi = "    lawful_basis: public-task\n    special_condition: substantial-public-interest\n    schedule1: 6\n";
    // With the law named (the base purpose lists the Local Government Act 1972): allowed.
    let with_law = check_edited(&[
        (NOTICE, special.0, special.1),
        (NOTICE, "    lawful_basis: public-task\n", spi),
        (
            NOTICE,
            "  cy: Does dim rhaid i chi roi eich manylion i ni.\n",
            &format!("  cy: Does dim rhaid i chi roi eich manylion i ni.\n{decision}"),
        ),
    ]);
    assert!(
        !with_law
            .iter()
            .any(|d| d.starts_with("automated-decision-special-category")),
        "{with_law:?}"
    );
    // Without it: not allowed.
    let without = check_edited(&[
        (NOTICE, special.0, special.1),
        (NOTICE, "    lawful_basis: public-task\n    legislation:\n      - Local Government Act 1972\n", "    lawful_basis: vital-interests\n    special_condition: substantial-public-interest\n    schedule1: 6\n"),
        (NOTICE, "  cy: Does dim rhaid i chi roi eich manylion i ni.\n", &format!("  cy: Does dim rhaid i chi roi eich manylion i ni.\n{decision}")),
    ]);
    assert!(
        without
            .iter()
            .any(|d| d.starts_with("automated-decision-special-category")),
        "{without:?}"
    );
}

/// Severities in `[lints]`: a configurable lint can be allowed, turned into a warning or an
/// error; naming an always-error lint is `invalid-value`.
#[test]
fn lint_levels_from_hysbys_toml() {
    let without_ico = (ORG, "ico_registration: Z1234567\n", "");
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("base"), dir.path());
    common::edit(dir.path(), without_ico.0, without_ico.1, without_ico.2);
    let opts = hysbys::load::Options {
        cache: false,
        today: Some(today()),
    };
    let severities = |toml: &str| {
        std::fs::write(dir.path().join("hysbys.toml"), toml).expect("write hysbys.toml");
        let (project, diags) = hysbys::check(dir.path(), &opts).expect("loads");
        diags
            .iter()
            .map(|d| {
                format!(
                    "{} {} {}:{}:{}",
                    d.severity.as_str(),
                    d.lint,
                    project.sources.path(d.file),
                    d.pos.line,
                    d.pos.col
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        severities(""),
        ["warning missing-ico-registration notices/_organisation.yaml:1:1"]
    );
    assert_eq!(
        severities("[lints]\nmissing-ico-registration = \"deny\"\n"),
        ["error missing-ico-registration notices/_organisation.yaml:1:1"]
    );
    assert_eq!(
        severities("[lints]\nmissing-ico-registration = \"allow\"\n"),
        Vec::<String>::new()
    );
    let always =
        severities("[lints]\nmissing-ico-registration = \"allow\"\nparse-error = \"allow\"\n");
    assert_eq!(always.len(), 1, "{always:?}");
    assert!(
        always[0].starts_with("error invalid-value hysbys.toml:3:"),
        "{always:?}"
    );
}
