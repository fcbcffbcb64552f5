//! The command line as a user and a CI job see it: the built binary, its exit codes, its
//! output formats (NOTICE-FORMAT §8), `explain`, `schema`, `init`, `new` and `--help`.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{
    base_project, check, diagnostics, edit, hysbys, run, run_with_limit, Run, TIME_LIMIT,
};

const ORG: &str = "notices/_organisation.yaml";
const NOTICE: &str = "notices/contact.yaml";

/// A project with one warning (no ICO number, at the organisation's first key) and one error
/// (a purpose without a lawful basis).
fn project_with_error_and_warning() -> tempfile::TempDir {
    let dir = base_project();
    edit(dir.path(), ORG, "ico_registration: Z1234567\n", "");
    edit(dir.path(), NOTICE, "    lawful_basis: public-task\n", "");
    dir
}

fn project_with_warning() -> tempfile::TempDir {
    let dir = base_project();
    edit(dir.path(), ORG, "ico_registration: Z1234567\n", "");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

// ---------------------------------------------------------------------------------------
// Exit status

#[test]
fn clean_project_exits_0() {
    let dir = base_project();
    let r = check(dir.path(), &[]);
    r.assert_code(0);
    assert_eq!(r.stdout, "", "human output goes to stderr only");
    assert!(
        r.stderr.contains("checked 1 notice: no problems found"),
        "{}",
        r.stderr
    );
}

#[test]
fn warnings_only_exit_0_and_1_with_deny_warnings() {
    let dir = project_with_warning();
    let r = check(dir.path(), &[]);
    r.assert_code(0);
    assert!(
        r.stderr.contains("warning[missing-ico-registration]"),
        "{}",
        r.stderr
    );
    check(dir.path(), &["--deny-warnings"]).assert_code(1);
    check(dir.path(), &["--deny-warnings", "--format", "json"]).assert_code(1);
    // --deny-warnings on a clean project changes nothing.
    check(base_project().path(), &["--deny-warnings"]).assert_code(0);
}

#[test]
fn errors_exit_1() {
    let dir = project_with_error_and_warning();
    for format in ["human", "json", "sarif", "github"] {
        check(dir.path(), &["--format", format]).assert_code(1);
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = base_project();
    let root = s(dir.path());
    for args in [
        &["check", "--root", root, "--bogus"][..],
        &["check", "--root", root, "--format", "xml"],
        &["check", "--root", root, "--today", "2026-02-30"],
        &["check", "--root", root, "--today", "tomorrow"],
        &["frobnicate"],
        &[],
    ] {
        let r = run(args);
        r.assert_code(2);
        assert!(
            r.stderr.contains("error") || r.stderr.contains("Usage"),
            "{args:?}: {}",
            r.stderr
        );
    }
    let r = run(&["check", "--root", root, "--today", "2026-02-30"]);
    assert!(r.stderr.contains("2026-02-30"), "{}", r.stderr);
}

/// Under CI the parse cache is off unless `--cache` asks for it (a job that keeps
/// `.hysbys-cache/` between runs); `--cache` with `--no-cache` is a usage error.
#[test]
fn the_cache_is_off_under_ci_unless_asked_for() {
    let dir = base_project();
    let cache = dir.path().join(".hysbys-cache");
    let under_ci = |extra: &[&str]| {
        let mut args = vec!["check", "--root", s(dir.path()), "--today", "2026-11-23"];
        args.extend_from_slice(extra);
        run_with_limit(hysbys().env("CI", "true").args(&args), TIME_LIMIT)
    };
    under_ci(&[]).assert_code(0);
    assert!(!cache.exists(), "no cache under CI");
    under_ci(&["--cache"]).assert_code(0);
    assert!(
        cache.join("CACHEDIR.TAG").is_file(),
        "--cache: kept under CI"
    );
    let r = under_ci(&["--cache"]);
    r.assert_code(0);
    assert!(
        r.stderr.contains("checked 1 notice: no problems found"),
        "{}",
        r.stderr
    );
    let r = under_ci(&["--cache", "--no-cache"]);
    r.assert_code(2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}

#[test]
fn missing_root_folder_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-project");
    let r = run(&["check", "--root", s(&missing)]);
    r.assert_code(2);
    assert!(r.stderr.contains("no-such-project"), "{}", r.stderr);
    assert!(r.stderr.contains("not a folder"), "{}", r.stderr);
    // A file is not a folder either.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("write");
    run(&["check", "--root", s(&file)]).assert_code(2);
}

#[test]
fn root_without_notices_folder_is_an_io_error_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = check(dir.path(), &["--format", "json"]);
    r.assert_code(2);
    assert_eq!(diagnostics(&r), ["io-error notices:1:1"]);
}

/// An unreadable notice: io-error at 1:1 of that file and exit 2, even beside ordinary errors;
/// the other files are still checked.
#[test]
fn io_error_exits_2_and_other_files_are_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project_with_error_and_warning();
    let locked = dir.path().join("notices/locked.yaml");
    std::fs::write(&locked, "title: x\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root: mode 000 does not stop reads. A link to nothing cannot be read.
        std::fs::remove_file(&locked).expect("remove");
        std::os::unix::fs::symlink("missing.yaml", &locked).expect("symlink");
    }
    let r = check(dir.path(), &["--format", "json"]);
    r.assert_code(2);
    assert_eq!(
        diagnostics(&r),
        [
            "missing-ico-registration notices/_organisation.yaml:1:1",
            "missing-lawful-basis notices/contact.yaml:17:9",
            "io-error notices/locked.yaml:1:1",
        ]
    );
    check(dir.path(), &[]).assert_code(2);
}

// ---------------------------------------------------------------------------------------
// Output formats

/// NOTICE-FORMAT §8: one object, `diagnostics` with `lint`, `severity`, `file`, `line`,
/// `column`, `message` (plus optional keys consumers ignore), and the two counts.
#[test]
fn json_output_has_the_documented_shape() {
    let dir = project_with_error_and_warning();
    let r = check(dir.path(), &["--format", "json"]);
    r.assert_code(1);
    assert_eq!(r.stderr, "", "json output goes to stdout only");
    let v = r.json();
    let top: BTreeSet<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        top,
        BTreeSet::from(["diagnostics", "errors", "warnings"]),
        "{v:#}"
    );
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 1);
    let diags = v["diagnostics"].as_array().expect("an array");
    assert_eq!(diags.len(), 2, "{v:#}");
    let required = ["lint", "severity", "file", "line", "column", "message"];
    let optional = ["help", "label", "notes", "end_line", "end_column"];
    for d in diags {
        let map = d.as_object().expect("a diagnostic is an object");
        for k in required {
            assert!(map.contains_key(k), "no `{k}` in {d}");
        }
        for k in map.keys() {
            assert!(
                required.contains(&k.as_str()) || optional.contains(&k.as_str()),
                "unexpected key `{k}` in {d}"
            );
        }
        assert!(d["line"].as_u64().is_some_and(|n| n >= 1), "{d}");
        assert!(d["column"].as_u64().is_some_and(|n| n >= 1), "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    }
    // Sorted by file path, then line: the organisation file comes first.
    assert_eq!(diags[0]["lint"], "missing-ico-registration");
    assert_eq!(diags[0]["severity"], "warning");
    assert_eq!(diags[0]["file"], "notices/_organisation.yaml");
    assert_eq!(
        (&diags[0]["line"], &diags[0]["column"]),
        (&1.into(), &1.into())
    );
    assert_eq!(diags[1]["lint"], "missing-lawful-basis");
    assert_eq!(diags[1]["severity"], "error");
    assert_eq!(diags[1]["file"], "notices/contact.yaml");
    assert_eq!(diags[1]["line"], 17);
    assert_eq!(diags[1]["column"], 9);
    assert_eq!(diags[1]["message"], "purpose `answer` has no lawful basis");

    // A clean project: an empty list and zero counts, exit 0.
    let clean = check(base_project().path(), &["--format", "json"]);
    clean.assert_code(0);
    assert_eq!(
        clean.json(),
        serde_json::json!({"diagnostics": [], "errors": 0, "warnings": 0})
    );
}

#[test]
fn human_output_is_on_stderr_with_location_caret_and_help() {
    // With the cache and without it: without it, each notice is checked as it is read and
    // its text let go, and the snippet comes from the file read back.
    let dir = project_with_error_and_warning();
    for extra in [&[][..], &["--no-cache"][..]] {
        human_output_has_location_caret_and_help(check(dir.path(), extra));
    }
}

#[track_caller]
fn human_output_has_location_caret_and_help(r: Run) {
    r.assert_code(1);
    assert_eq!(r.stdout, "", "human output must not go to stdout");
    let e = &r.stderr;
    assert!(
        e.contains("error[missing-lawful-basis]: purpose `answer` has no lawful basis"),
        "{e}"
    );
    assert!(e.contains("notices/contact.yaml:17:9"), "{e}");
    assert!(e.contains("warning[missing-ico-registration]"), "{e}");
    assert!(e.contains("notices/_organisation.yaml:1:1"), "{e}");
    assert!(
        e.contains("help: add e.g. `lawful_basis: public-task`"),
        "{e}"
    );
    // The caret line sits under `answer` (column 9 of `  - id: answer`).
    let lines: Vec<&str> = e.lines().collect();
    let src = lines
        .iter()
        .position(|l| l.ends_with("  - id: answer"))
        .unwrap_or_else(|| panic!("no source line in {e}"));
    let caret = lines[src + 1];
    let col = |l: &str, pat: &str| l.find(pat).map(|b| l[..b].chars().count());
    assert_eq!(
        col(caret, "^^^^^^"),
        col(lines[src], "answer"),
        "caret not under the value:\n{}\n{}",
        lines[src],
        caret
    );
    assert!(e.contains("hysbys explain missing-lawful-basis"), "{e}");
    assert!(e.contains("checked 1 notice: 1 error, 1 warning"), "{e}");
}

#[test]
fn no_ansi_escapes_when_not_a_terminal_or_with_no_color() {
    let dir = project_with_error_and_warning();
    let r = check(dir.path(), &[]);
    assert!(
        !r.stderr.contains('\x1b'),
        "escape codes in a pipe: {:?}",
        r.stderr
    );
    let r = run_with_limit(
        hysbys()
            .env("NO_COLOR", "1")
            .args(["check", "--root", s(dir.path())]),
        TIME_LIMIT,
    );
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
}

/// Run `check` with stderr on a pseudo-terminal; returns what it wrote there.
fn stderr_on_a_terminal(root: &Path, no_color: bool) -> Option<String> {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two new file descriptors into the two integers; the null
    // pointers ask for no name, default terminal settings and no window size.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if rc != 0 {
        return None;
    }
    // SAFETY: both descriptors were just opened by openpty and are owned by nothing else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut cmd = hysbys();
    cmd.args(["check", "--root", s(root), "--today", "2026-11-23"])
        .stdout(std::process::Stdio::null())
        .stderr(slave);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut child = cmd.spawn().expect("start hysbys");
    drop(cmd); // closes our copy of the terminal's slave side
    let mut master = std::fs::File::from(master);
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        // Ends with EIO once the child has closed the terminal.
        let _ = master.read_to_end(&mut v);
        v
    });
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("hysbys check on a terminal did not finish");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let out = reader.join().expect("reader");
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// On a terminal diagnostics are coloured, unless `NO_COLOR` is set.
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let dir = project_with_error_and_warning();
    let Some(coloured) = stderr_on_a_terminal(dir.path(), false) else {
        eprintln!("no pseudo-terminal available; skipped");
        return;
    };
    assert!(coloured.contains("missing-lawful-basis"), "{coloured:?}");
    assert!(
        coloured.contains("\x1b["),
        "no colour on a terminal: {coloured:?}"
    );
    let plain = stderr_on_a_terminal(dir.path(), true).expect("a terminal");
    assert!(plain.contains("missing-lawful-basis"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "NO_COLOR ignored: {plain:?}");
}

#[test]
fn github_format_prints_workflow_commands() {
    let dir = project_with_error_and_warning();
    let r = check(dir.path(), &["--format", "github"]);
    r.assert_code(1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].starts_with(
            "::warning file=notices/_organisation.yaml,line=1,col=1,title=missing-ico-registration::the organisation has no ICO registration number"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(
            "::error file=notices/contact.yaml,line=17,col=9,title=missing-lawful-basis::purpose `answer` has no lawful basis"
        ),
        "{}",
        lines[1]
    );
    // The help travels in the message, newline escaped as %0A (one line per annotation).
    assert!(
        lines[1].contains("%0Ahelp: add e.g. `lawful_basis: public-task`"),
        "{}",
        lines[1]
    );
    assert!(!r.stdout.contains('\x1b'));
}

// ---------------------------------------------------------------------------------------
// SARIF

/// The OASIS SARIF 2.1.0 schema (tests/fixtures/sarif-2.1.0-schema.json, see its ORIGIN
/// note), compiled.
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(common::fixtures().join("sarif-2.1.0-schema.json"))
        .expect("read the SARIF schema");
    // The OASIS schema's `language` pattern, `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, has a
    // stray `]` that jsonschema 0.61 refuses to compile (it meta-validates `format: regex`;
    // see /work/shared/DEPENDENCIES.md §2.6). Replace it, in memory only, with the pattern it
    // means: a two-letter language, optionally with a two-letter region. hysbys never writes
    // `language`, so this does not loosen the check of its output.
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(broken).count(),
        2,
        "the schema has changed: review the pattern patch"
    );
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn sarif_errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let dir = project_with_error_and_warning();
    let r = check(dir.path(), &["--format", "sarif"]);
    r.assert_code(1);
    let doc = r.json();
    let errors = sarif_errors(&validator, &doc);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));

    assert_eq!(doc["version"], "2.1.0");
    let run0 = &doc["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "hysbys");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), hysbys::rules::LINTS.len());
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let r1 = &results[1];
    assert_eq!(r1["ruleId"], "missing-lawful-basis");
    assert_eq!(r1["level"], "error");
    let idx = r1["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(
        rules[idx]["id"], "missing-lawful-basis",
        "ruleIndex points at the rule"
    );
    let loc = &r1["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "notices/contact.yaml");
    assert_eq!(loc["region"]["startLine"], 17);
    assert_eq!(loc["region"]["startColumn"], 9);
    assert_eq!(results[0]["level"], "warning");

    // The validation can fail: a level SARIF does not know is rejected.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][1]["level"] = "fatal".into();
    assert!(!sarif_errors(&validator, &broken).is_empty());
}

#[test]
fn sarif_for_a_clean_project_is_valid() {
    let validator = sarif_validator();
    let r = check(base_project().path(), &["--format", "sarif"]);
    r.assert_code(0);
    let doc = r.json();
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
    let errors = sarif_errors(&validator, &doc);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// A file name with a space and a Welsh letter: SARIF's `artifactLocation.uri` is a URI
/// reference, so the space (and the `ŵ`) must be percent-encoded.
#[test]

fn sarif_uri_of_an_awkward_file_name_is_valid() {
    let validator = sarif_validator();
    let dir = base_project();
    std::fs::copy(
        dir.path().join(NOTICE),
        dir.path().join("notices/gŵyl haf.yaml"),
    )
    .expect("copy");
    let r = check(dir.path(), &["--format", "sarif"]);
    r.assert_code(1);
    let doc = r.json();
    let uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .expect("a uri")
        .to_owned();
    let errors = sarif_errors(&validator, &doc);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(!uri.contains(' '), "unencoded space in {uri:?}");
}

// ---------------------------------------------------------------------------------------
// explain

#[test]
fn explain_a_lint() {
    let r = run(&["explain", "missing-lawful-basis"]);
    r.assert_code(0);
    let lint = hysbys::rules::lint("missing-lawful-basis").expect("registered");
    let o = &r.stdout;
    assert!(
        o.starts_with("missing-lawful-basis: a purpose without a lawful basis\n"),
        "{o}"
    );
    assert!(o.contains("Level: error by default"), "{o}");
    assert!(o.contains("Art 13(1)(c)"), "{o}");
    // The bad and the good example, indented.
    for l in lint.bad.lines().chain(lint.good.lines()) {
        assert!(
            o.contains(&format!("    {l}")),
            "example line {l:?} missing:\n{o}"
        );
    }
    let r = run(&["explain", "parse-error"]);
    r.assert_code(0);
    assert!(r.stdout.contains("always an error"), "{}", r.stdout);
}

#[test]
fn explain_list_prints_one_line_per_lint() {
    let r = run(&["explain", "--list"]);
    r.assert_code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.len() >= 40, "{}", r.stdout);
    assert_eq!(lines.len(), hysbys::rules::LINTS.len(), "{}", r.stdout);
    for (line, lint) in lines.iter().zip(hysbys::rules::LINTS) {
        assert_eq!(line.split_whitespace().next(), Some(lint.name), "{line}");
        assert!(line.contains(lint.summary), "{line}");
    }
    assert!(lines
        .iter()
        .any(|l| l.starts_with("missing-dpo") && l.contains(" error ")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("review-overdue") && l.contains(" warning ")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("parse-error") && l.contains("error (always)")));
}

#[test]
fn explain_an_unknown_lint_exits_2_with_a_suggestion() {
    let r = run(&["explain", "nonsense"]);
    r.assert_code(2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("`nonsense`"), "{}", r.stderr);
    assert!(r.stderr.contains("hysbys explain --list"), "{}", r.stderr);
    let r = run(&["explain", "missing-lawfull-basis"]);
    r.assert_code(2);
    assert!(
        r.stderr.contains("did you mean `missing-lawful-basis`?"),
        "{}",
        r.stderr
    );
    let r = run(&["explain", "dpo-missing"]);
    r.assert_code(2);
}

// ---------------------------------------------------------------------------------------
// schema

fn schema(args: &[&str]) -> Value {
    let r = run(args);
    r.assert_code(0);
    let v = r.json();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::validator_for(&v).expect("a valid JSON Schema");
    v
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

#[test]
fn schema_of_a_notice() {
    let v = schema(&["schema"]);
    let expected: BTreeSet<String> = hysbys::load::convert::NOTICE_FIELDS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(keys(&v["properties"]), expected);
    assert_eq!(schema(&["schema", "notice"]), v);
    let required: BTreeSet<&str> = v["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        required,
        BTreeSet::from([
            "title",
            "summary",
            "updated",
            "categories",
            "purposes",
            "retention"
        ])
    );
    // The base fixture's notice, as JSON, is valid.
    let validator = jsonschema::validator_for(&v).expect("compiles");
    let notice = serde_json::json!({
        "title": {"en": "Contacting the council", "cy": "Cysylltu â'r cyngor"},
        "summary": {"en": "How we use it.", "cy": "Sut rydym yn ei defnyddio."},
        "updated": "2026-10-01",
        "categories": [{"id": "contact", "name": {"en": "Contact", "cy": "Cyswllt"}}],
        "purposes": [{"id": "answer", "name": {"en": "Answer", "cy": "Ateb"},
                      "categories": ["contact"], "lawful_basis": "public-task",
                      "legislation": ["Local Government Act 1972"]}],
        "recipients": [],
        "retention": [{"id": "enquiries", "records": {"en": "Enquiries", "cy": "Ymholiadau"},
                       "period": "P2Y", "from": {"en": "closing", "cy": "cau"}}]
    });
    let errors: Vec<String> = validator
        .iter_errors(&notice)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut unknown = notice.clone();
    unknown["lawfull_basis"] = "public-task".into();
    assert!(!validator.is_valid(&unknown), "unknown keys are rejected");
}

#[test]
fn schema_of_the_organisation_file() {
    let v = schema(&["schema", "organisation"]);
    let expected: BTreeSet<String> = [
        "name",
        "public_authority",
        "address",
        "email",
        "phone",
        "ico_registration",
        "website",
        "representative",
        "dpo",
        "dpo_required",
        "rights_contact",
        "complaints",
        "security",
        "appropriate_policy_document",
        "recipients",
        "retention",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(keys(&v["properties"]), expected);
    assert_ne!(v, schema(&["schema"]));
    run(&["schema", "register-of-everything"]).assert_code(2);
}

// ---------------------------------------------------------------------------------------
// init and new

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

#[test]
fn init_makes_a_project_that_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = s(dir.path());
    run(&["init", "--root", root]).assert_code(0);
    for f in [
        "hysbys.toml",
        "notices/_organisation.yaml",
        "notices/contact.yaml",
    ] {
        assert!(
            read(&dir.path().join(f)).len() > 100,
            "{f} is missing or too short"
        );
    }
    // What a build leaves in the project folder stays out of version control.
    assert_eq!(
        read(&dir.path().join(".gitignore")),
        "/output/\n/.output.hysbys-*\n"
    );
    let r = run(&["check", "--root", root, "--format", "json"]);
    r.assert_code(0);
    assert_eq!(
        r.json(),
        serde_json::json!({"diagnostics": [], "errors": 0, "warnings": 0})
    );
    let r = run(&["check", "--root", root, "--deny-warnings"]);
    r.assert_code(0);
    assert!(r.stderr.contains("no problems found"), "{}", r.stderr);
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = s(dir.path());
    run(&["init", "--root", root]).assert_code(0);
    let files = [
        "hysbys.toml",
        "notices/_organisation.yaml",
        "notices/contact.yaml",
    ];
    for f in files {
        let p = dir.path().join(f);
        let mut t = read(&p);
        t.push_str("# edited by hand\n");
        std::fs::write(&p, t).expect("write");
    }
    let before: Vec<String> = files.iter().map(|f| read(&dir.path().join(f))).collect();
    let r = run(&["init", "--root", root]);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.stderr.contains("exists"), "{}", r.stderr);
    let after: Vec<String> = files.iter().map(|f| read(&dir.path().join(f))).collect();
    assert_eq!(before, after, "init overwrote a file");

    // With one file gone, init writes that one and leaves the others alone.
    std::fs::remove_file(dir.path().join("notices/contact.yaml")).expect("remove");
    run(&["init", "--root", root]).assert_code(0);
    assert!(!read(&dir.path().join("notices/contact.yaml")).contains("# edited by hand"));
    assert_eq!(read(&dir.path().join("hysbys.toml")), before[0]);
    assert_eq!(
        read(&dir.path().join("notices/_organisation.yaml")),
        before[1]
    );
}

#[test]
fn new_creates_a_notice_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = s(dir.path());
    run(&["init", "--root", root]).assert_code(0);
    run(&["new", "my-notice", "--root", root]).assert_code(0);
    let path = dir.path().join("notices/my-notice.yaml");
    let text = read(&path);
    for key in [
        "title:",
        "summary:",
        "updated:",
        "categories:",
        "purposes:",
        "retention:",
    ] {
        assert!(text.contains(key), "no `{key}` in the skeleton:\n{text}");
    }
    assert!(text.contains("id: my-notice"), "{text}");
    // The skeleton is a notice hysbys can read: no parse or field errors, only placeholders.
    let r = run(&["check", "--root", root, "--format", "json"]);
    assert!(!r.stderr.contains("panicked"));
    for d in r.json()["diagnostics"].as_array().expect("diagnostics") {
        assert!(
            !matches!(
                d["lint"].as_str(),
                Some("parse-error" | "unknown-field" | "missing-field" | "invalid-value")
            ),
            "the skeleton has a structural problem: {d}"
        );
    }

    std::fs::write(&path, "# mine\n").expect("write");
    let r = run(&["new", "my-notice", "--root", root]);
    r.assert_code(2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(read(&path), "# mine\n", "new overwrote an existing notice");

    // An id used by a notice in a sub-folder, or as .yml, is taken too.
    std::fs::create_dir_all(dir.path().join("notices/housing")).expect("mkdir");
    std::fs::write(dir.path().join("notices/housing/allocations.yml"), "# x\n").expect("write");
    run(&["new", "allocations", "--root", root]).assert_code(2);
    assert!(!dir.path().join("notices/allocations.yaml").exists());
}

#[test]
fn new_rejects_a_bad_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = s(dir.path());
    run(&["init", "--root", root]).assert_code(0);
    let too_long = "a".repeat(65);
    for bad in ["BadID", "bad_id", "a b", "gŵyl", "../escape", "", &too_long] {
        let r = run(&["new", "--root", root, "--", bad]);
        r.assert_code(2);
        assert!(
            r.stderr.contains("not a notice id"),
            "{bad:?}: {}",
            r.stderr
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("notices"))
        .expect("notices")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["_organisation.yaml", "contact.yaml"]);
    assert!(!dir.path().join("escape.yaml").exists());
}

#[test]
fn new_without_a_project_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(&["new", "advice", "--root", s(dir.path())]);
    r.assert_code(2);
    assert!(r.stderr.contains("hysbys init"), "{}", r.stderr);
    assert!(!dir.path().join("notices").exists());
}

// ---------------------------------------------------------------------------------------
// --help

/// Every command's `--help` exits 0 and shows examples; a new subcommand without them fails.
#[test]
fn every_help_has_examples() {
    use clap::CommandFactory;
    let cli = hysbys::cli::Cli::command();
    let mut commands = vec![Vec::new()];
    commands.extend(cli.get_subcommands().map(|c| vec![c.get_name().to_owned()]));
    assert!(commands.len() >= 7, "{commands:?}");
    for mut args in commands {
        args.push("--help".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args);
        r.assert_code(0);
        assert!(r.stdout.contains("Examples"), "{args:?}:\n{}", r.stdout);
        assert!(r.stdout.contains("hysbys "), "{args:?}:\n{}", r.stdout);
    }
    run(&["--version"]).assert_code(0);
}
