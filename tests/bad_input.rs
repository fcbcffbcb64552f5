//! Malformed input, run through the built binary: every problem gets a diagnostic with a
//! file, line and column and exit status 1 (I/O problems: 2), and nothing panics or hangs.
//! Each run is killed, and the test failed, if it outlives a time limit.
//!
//! Projects are copies of `tests/fixtures/lints/base/` (one clean notice,
//! `notices/contact.yaml`) with one thing broken.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

mod common;
use common::{base_project, edit, hysbys, located, run_with_limit, Run};

const ORG: &str = "notices/_organisation.yaml";
const NOTICE: &str = "notices/contact.yaml";

/// Generous for a debug build; a hang is what it catches.
const LIMIT: Duration = Duration::from_secs(30);

/// What `check` found, read from both the JSON and the human output.
struct Checked {
    code: i32,
    /// `lint file:line:column`, in output order.
    found: Vec<String>,
    diagnostics: Vec<Value>,
    human: Run,
}

/// Run `check --format json` and `check` (human) on `root`; both must end, without a panic,
/// with the same exit status, and the human output must give every diagnostic's
/// `file:line:column`.
#[track_caller]
fn check(root: &Path) -> Checked {
    let root_s = root.to_str().expect("UTF-8 path");
    let args = ["check", "--root", root_s, "--today", "2026-11-23"];
    let json = run_with_limit(hysbys().args(args).args(["--format", "json"]), LIMIT);
    let human = run_with_limit(hysbys().args(args), LIMIT);
    for r in [&json, &human] {
        assert!(!r.stderr.contains("panicked"), "panic:\n{}", r.stderr);
    }
    let code = json.code.expect("an exit code, not a signal");
    assert_eq!(human.code, Some(code), "human and json runs disagree");
    let diagnostics = json.json()["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .clone();
    for d in &diagnostics {
        let at = format!(
            "{}:{}:{}",
            d["file"].as_str().unwrap_or("?"),
            d["line"],
            d["column"]
        );
        assert!(
            human.stderr.contains(&at),
            "the human output does not show {at}:\n{}",
            human.stderr
        );
    }
    Checked {
        code,
        found: diagnostics.iter().map(located).collect(),
        diagnostics,
        human,
    }
}

/// The project with `file` replaced by `bytes`.
fn with_file(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = base_project();
    let path = dir.path().join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
    dir
}

// ---------------------------------------------------------------------------------------
// Limits

#[test]
fn alias_bomb_is_a_limit() {
    // Billion laughs: nine levels of ten aliases each would expand to 10^9 values.
    let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='i' {
        let refs = vec![format!("*{prev}"); 10].join(", ");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    let dir = with_file("notices/bomb.yaml", yaml.as_bytes());
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    // Levels b and c expand to 110 and 1,110 values; the 8th `*c` on line 4 passes 10,000.
    assert_eq!(c.found, ["limit-exceeded notices/bomb.yaml:4:36"]);
}

#[test]
fn deep_flow_nesting_is_a_limit() {
    let dir = with_file("notices/deep.yaml", "[".repeat(100_000).as_bytes());
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.found);
    let d = &c.diagnostics[0];
    assert_eq!(d["lint"], "limit-exceeded");
    assert_eq!(d["file"], "notices/deep.yaml");
    assert_eq!(d["line"], 1);
    // At one of the brackets past the 64-level limit, not at the end of the file.
    let col = d["column"].as_u64().expect("column");
    assert!((65..=257).contains(&col), "column {col}");
}

#[test]
fn deep_block_nesting_is_a_limit() {
    let yaml: String = (0..200)
        .map(|i| format!("{}a:\n", "  ".repeat(i)))
        .collect();
    let dir = with_file("notices/deep.yaml", yaml.as_bytes());
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    // The 65th mapping starts on line 65, indented 128 spaces.
    assert_eq!(c.found, ["limit-exceeded notices/deep.yaml:65:129"]);
}

/// A mapping of 60,000 keys, ending with a duplicate: in a block mapping and a flow one,
/// read by the quick reader and (with an anchor it leaves alone) by saphyr-parser. Finding
/// duplicates and showing 60,000 diagnostics must not be quadratic (it took minutes). Run
/// without `check`'s look-up of every diagnostic in the human output, itself quadratic.
#[test]
fn a_mapping_of_many_keys_is_read_in_time() {
    let keys = 60_000;
    let block: String = (0..keys).map(|i| format!("  k{i}: v\n")).collect();
    let flow: String = (0..keys).map(|i| format!("k{i}: v, ")).collect();
    let last = keys + 2;
    for (name, yaml, dup) in [
        (
            "block",
            format!("title:\n{block}  k7: again\n"),
            format!("{last}:3"),
        ),
        (
            "block-anchored",
            format!("title: &t\n{block}  k7: again\n"),
            format!("{last}:3"),
        ),
        (
            "flow",
            format!("title: {{{flow}k7: again}}\n"),
            format!("1:{}", 9 + flow.len()),
        ),
        (
            "flow-anchored",
            format!("title: &t {{{flow}k7: again}}\n"),
            format!("1:{}", 12 + flow.len()),
        ),
    ] {
        let dir = with_file("notices/wide.yaml", yaml.as_bytes());
        let root = dir.path().to_str().expect("UTF-8 path");
        let args = ["check", "--root", root, "--today", "2026-11-23"];
        let json = run_with_limit(hysbys().args(args).args(["--format", "json"]), LIMIT);
        let human = run_with_limit(hysbys().args(args), LIMIT);
        for r in [&json, &human] {
            assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
            assert!(!r.stderr.contains("panicked"), "{name}");
        }
        let found: Vec<String> = json.json()["diagnostics"]
            .as_array()
            .expect("a diagnostics array")
            .iter()
            .map(located)
            .collect();
        let dups: Vec<&String> = found
            .iter()
            .filter(|f| f.starts_with("duplicate-key "))
            .collect();
        assert_eq!(
            dups,
            [&format!("duplicate-key notices/wide.yaml:{dup}")],
            "{name}"
        );
        // Each other key is an unknown field of `title`.
        assert!(found.len() > keys, "{name}: {}", found.len());
        assert!(
            human.stderr.contains(&format!("notices/wide.yaml:{dup}")),
            "{name}"
        );
    }
}

/// A notice padded with comments to `size` bytes.
fn padded_notice(size: usize) -> Vec<u8> {
    let mut text = std::fs::read(common::fixtures().join("lints/base/notices/contact.yaml"))
        .expect("read base notice");
    let line = format!("# {}\n", "x".repeat(77));
    while text.len() + line.len() <= size {
        text.extend_from_slice(line.as_bytes());
    }
    text.resize(size - 1, b' ');
    text.push(b'\n');
    assert_eq!(text.len(), size);
    text
}

#[test]
fn file_over_4_mib_is_a_limit() {
    let dir = with_file(NOTICE, &padded_notice(4 * 1024 * 1024 + 1));
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["limit-exceeded notices/contact.yaml:1:1"]);
    assert!(
        c.diagnostics[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("4194305")),
        "{:?}",
        c.diagnostics
    );
}

#[test]
fn file_of_exactly_4_mib_is_read() {
    let dir = with_file(NOTICE, &padded_notice(4 * 1024 * 1024));
    let c = check(dir.path());
    assert_eq!(c.code, 0, "{:?}", c.found);
    assert_eq!(c.found, Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------
// Encoding and whitespace

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    let text = std::fs::read_to_string(common::fixtures().join("lints/base/notices/contact.yaml"))
        .expect("read");
    // Line 3 is `  cy: Cysylltu â'r cyngor`; the bad byte follows `â'r ` (19 characters, 20
    // bytes: the column counts characters).
    let mut bytes = text.into_bytes();
    let at = bytes
        .windows(b"cyngor\n".len())
        .position(|w| w == "cyngor\n".as_bytes())
        .expect("line 3");
    bytes.insert(at, 0xFF);
    let dir = with_file(NOTICE, &bytes);
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["parse-error notices/contact.yaml:3:20"]);
    assert!(c.human.stderr.contains("UTF-8"), "{}", c.human.stderr);
}

#[test]
fn utf8_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        std::fs::read(common::fixtures().join("lints/base/notices/contact.yaml")).expect("read"),
    );
    let dir = with_file(NOTICE, &bytes);
    let c = check(dir.path());
    assert_eq!(c.code, 0, "{:?}", c.found);
    assert_eq!(c.found, Vec::<String>::new());
    // Positions after a BOM are not shifted by it.
    edit(dir.path(), NOTICE, "    lawful_basis: public-task\n", "");
    let c = check(dir.path());
    assert_eq!(c.found, ["missing-lawful-basis notices/contact.yaml:17:9"]);
    // The organisation file may have one too.
    let dir = base_project();
    let mut org = b"\xEF\xBB\xBF".to_vec();
    org.extend(std::fs::read(dir.path().join(ORG)).expect("read"));
    std::fs::write(dir.path().join(ORG), org).expect("write");
    assert_eq!(check(dir.path()).code, 0);
}

#[test]
fn tab_indentation_is_a_parse_error() {
    let dir = base_project();
    edit(
        dir.path(),
        NOTICE,
        "  en: Contacting the council\n",
        "\ten: Contacting the council\n",
    );
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.found);
    assert_eq!(c.diagnostics[0]["lint"], "parse-error");
    assert_eq!(c.diagnostics[0]["file"], NOTICE);
    assert_eq!(c.diagnostics[0]["line"], 2);
    assert!(c.human.stderr.contains("tab"), "{}", c.human.stderr);
}

#[test]

fn tab_indentation_is_reported_at_the_tab() {
    let dir = with_file("notices/t.yaml", b"title:\n\ten: x\n");
    assert_eq!(check(dir.path()).found, ["parse-error notices/t.yaml:2:1"]);
    let dir = with_file("notices/t.yaml", b"title:\n  en: x\n\tcy: y\n");
    assert_eq!(check(dir.path()).found, ["parse-error notices/t.yaml:3:1"]);
}

// ---------------------------------------------------------------------------------------
// The file system

#[test]

fn folder_named_like_a_notice_is_an_io_error() {
    let dir = base_project();
    std::fs::create_dir(dir.path().join("notices/x.yaml")).expect("mkdir");
    let c = check(dir.path());
    assert_eq!(c.code, 2);
    assert_eq!(c.found, ["io-error notices/x.yaml:1:1"]);
}

#[test]
fn fifo_named_like_a_notice_does_not_hang() {
    let dir = base_project();
    let fifo = dir.path().join("notices/x.yaml");
    let c_path = std::ffi::CString::new(fifo.to_str().expect("UTF-8")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the file.
    let rc = unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo failed");
    let c = check(dir.path());
    assert_eq!(c.code, 2);
    assert_eq!(c.found, ["io-error notices/x.yaml:1:1"]);
}

#[test]
fn symlink_loop_is_an_io_error() {
    // A link to the folder it is in, and one to notices/ from a sub-folder.
    for (link, target) in [
        ("notices/here", "."),
        ("notices/housing/up", "../../notices"),
    ] {
        let dir = base_project();
        std::fs::create_dir_all(dir.path().join("notices/housing")).expect("mkdir");
        std::os::unix::fs::symlink(target, dir.path().join(link)).expect("symlink");
        let c = check(dir.path());
        assert_eq!(c.code, 2, "{link}");
        assert_eq!(c.found, [format!("io-error {link}:1:1")]);
        assert!(c.human.stderr.contains("loops"), "{}", c.human.stderr);
        // The notice beside it is still checked, once.
        assert!(
            c.human.stderr.contains("checked 1 notice"),
            "{}",
            c.human.stderr
        );
    }

    // Two links pointing at each other.
    let dir = base_project();
    std::os::unix::fs::symlink("b.yaml", dir.path().join("notices/a.yaml")).expect("symlink");
    std::os::unix::fs::symlink("a.yaml", dir.path().join("notices/b.yaml")).expect("symlink");
    let c = check(dir.path());
    assert_eq!(c.code, 2);
    assert_eq!(
        c.found,
        ["io-error notices/a.yaml:1:1", "io-error notices/b.yaml:1:1"]
    );
}

/// A folder outside the project holding a valid notice called `outside.yaml`.
fn outside_folder() -> tempfile::TempDir {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        common::fixtures().join("lints/base/notices/contact.yaml"),
        outside.path().join("outside.yaml"),
    )
    .expect("copy");
    outside
}

#[test]
fn symlink_to_a_file_outside_the_project_is_not_followed() {
    let outside = outside_folder();
    let dir = base_project();
    std::os::unix::fs::symlink(
        outside.path().join("outside.yaml"),
        dir.path().join("notices/outside.yaml"),
    )
    .expect("symlink");
    let c = check(dir.path());
    assert_eq!(c.code, 2);
    assert_eq!(c.found, ["io-error notices/outside.yaml:1:1"]);
    assert!(
        c.human.stderr.contains("outside the project"),
        "{}",
        c.human.stderr
    );
    assert!(
        c.human.stderr.contains("checked 1 notice"),
        "{}",
        c.human.stderr
    );
}

#[test]

fn symlink_to_a_folder_outside_the_project_is_not_followed() {
    let outside = outside_folder();
    let dir = base_project();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("notices/shared")).expect("symlink");
    let c = check(dir.path());
    assert_eq!(c.code, 2);
    assert_eq!(c.found, ["io-error notices/shared:1:1"]);
    assert!(
        c.human.stderr.contains("checked 1 notice"),
        "{}",
        c.human.stderr
    );
}

// ---------------------------------------------------------------------------------------
// YAML that parses but is not a notice

#[test]
fn duplicate_keys_are_reported_at_the_second() {
    let dir = base_project();
    edit(
        dir.path(),
        NOTICE,
        "  cy: Cysylltu â'r cyngor\n",
        "  cy: Cysylltu â'r cyngor\n  en: Contact us\n",
    );
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["duplicate-key notices/contact.yaml:4:3"]);

    let dir = base_project();
    let mut text = std::fs::read_to_string(dir.path().join(NOTICE)).expect("read");
    text.push_str("updated: 2026-10-02\n");
    std::fs::write(dir.path().join(NOTICE), text).expect("write");
    let c = check(dir.path());
    assert_eq!(c.found, ["duplicate-key notices/contact.yaml:38:1"]);

    // In a flow mapping too.
    let dir = base_project();
    edit(
        dir.path(),
        ORG,
        "dpo:\n  email: dpo@example.gov.wales\n",
        "dpo: {email: dpo@example.gov.wales, email: x@example.gov.wales}\n",
    );
    let c = check(dir.path());
    assert_eq!(c.found, ["duplicate-key notices/_organisation.yaml:9:37"]);
}

#[test]
fn misspelt_key_suggests_the_right_one() {
    let dir = base_project();
    edit(
        dir.path(),
        NOTICE,
        "    lawful_basis:",
        "    lawfull_basis:",
    );
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    let d = c
        .diagnostics
        .iter()
        .find(|d| d["lint"] == "unknown-field")
        .unwrap_or_else(|| panic!("no unknown-field in {:?}", c.found));
    assert_eq!(located(d), "unknown-field notices/contact.yaml:22:5");
    assert_eq!(d["help"], "did you mean `lawful_basis`?");
    assert!(c.human.stderr.contains("did you mean `lawful_basis`?"));
}

#[test]
fn lawful_basis_no_is_a_string_not_a_boolean() {
    let dir = base_project();
    edit(
        dir.path(),
        NOTICE,
        "lawful_basis: public-task",
        "lawful_basis: no",
    );
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["invalid-value notices/contact.yaml:22:19"]);
    assert_eq!(c.diagnostics[0]["message"], "`no` is not a lawful basis");
}

#[test]
fn yaml_1_1_booleans_are_invalid_values() {
    for word in ["yes", "True", "TRUE", "no", "on", "1"] {
        let dir = base_project();
        edit(
            dir.path(),
            ORG,
            "public_authority: true",
            &format!("public_authority: {word}"),
        );
        let c = check(dir.path());
        assert_eq!(c.code, 1, "{word}");
        assert_eq!(
            c.found,
            ["invalid-value notices/_organisation.yaml:4:19"],
            "{word}"
        );
        assert!(
            c.diagnostics[0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("`true` or `false`")),
            "{word}: {:?}",
            c.diagnostics[0]
        );
    }
}

#[test]

fn empty_file_is_reported() {
    for (file, bytes) in [
        (NOTICE, &b""[..]),
        (NOTICE, b"# nothing here yet\n"),
        (NOTICE, b"\n\n"),
        (ORG, b""),
    ] {
        let dir = with_file(file, bytes);
        let c = check(dir.path());
        assert_eq!(c.code, 1, "{file} = {bytes:?}: {:?}", c.found);
        assert_eq!(
            c.found,
            [format!("missing-field {file}:1:1")],
            "{file} = {bytes:?}"
        );
    }
}

#[test]
fn null_document_is_reported() {
    for bytes in [&b"~\n"[..], b"---\n", b"null\n"] {
        let dir = with_file(NOTICE, bytes);
        let c = check(dir.path());
        assert_eq!(c.code, 1, "{bytes:?}");
        assert_eq!(
            c.found,
            ["missing-field notices/contact.yaml:1:1"],
            "{bytes:?}"
        );
    }
}

#[test]
fn scalar_or_list_file_is_an_invalid_value() {
    for bytes in [&b"hello\n"[..], b"\"quoted\"\n", b"- a\n- b\n", b"42\n"] {
        let dir = with_file(NOTICE, bytes);
        let c = check(dir.path());
        assert_eq!(c.code, 1, "{bytes:?}");
        assert_eq!(
            c.found,
            ["invalid-value notices/contact.yaml:1:1"],
            "{bytes:?}"
        );
    }
    let dir = with_file(ORG, b"Example Council\n");
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert!(
        c.found
            .contains(&"invalid-value notices/_organisation.yaml:1:1".to_owned()),
        "{:?}",
        c.found
    );
}

#[test]
fn two_documents_are_a_parse_error() {
    let dir = base_project();
    let mut text = std::fs::read_to_string(dir.path().join(NOTICE)).expect("read");
    text.push_str("---\ntitle: {en: Second, cy: Ail}\n");
    std::fs::write(dir.path().join(NOTICE), text).expect("write");
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["parse-error notices/contact.yaml:38:1"]);
}

#[test]
fn unterminated_values_are_parse_errors() {
    for (from, to, at) in [
        (
            "    categories: [contact]\n",
            "    categories: [contact\n",
            "parse-error notices/contact.yaml:22:17",
        ),
        (
            "summary:\n",
            "summary: {\n",
            "parse-error notices/contact.yaml:6:5",
        ),
    ] {
        let dir = base_project();
        edit(dir.path(), NOTICE, from, to);
        let c = check(dir.path());
        assert_eq!(c.code, 1, "{to:?}");
        assert_eq!(c.found, [at], "{to:?}");
    }
    let dir = base_project();
    edit(
        dir.path(),
        NOTICE,
        "  en: Contacting the council\n",
        "  en: \"Contacting the council\n",
    );
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.found);
    assert_eq!(c.diagnostics[0]["lint"], "parse-error");
}

// ---------------------------------------------------------------------------------------
// Names under notices/

#[test]
fn file_name_that_is_not_an_id_is_skipped() {
    let dir = base_project();
    std::fs::copy(
        dir.path().join(NOTICE),
        dir.path().join("notices/gŵyl haf.yaml"),
    )
    .expect("copy");
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["invalid-id notices/gŵyl haf.yaml:1:1"]);
    assert!(
        c.human.stderr.contains("checked 1 notice:"),
        "skipped: {}",
        c.human.stderr
    );
}

#[test]
fn folder_names_are_free() {
    let dir = base_project();
    std::fs::create_dir_all(dir.path().join("notices/ŵyl haf")).expect("mkdir");
    std::fs::copy(
        dir.path().join(NOTICE),
        dir.path().join("notices/ŵyl haf/advice.yaml"),
    )
    .expect("copy");
    let c = check(dir.path());
    assert_eq!(c.code, 0, "{:?}", c.found);
    assert_eq!(c.found, Vec::<String>::new());
    assert!(
        c.human.stderr.contains("checked 2 notices"),
        "{}",
        c.human.stderr
    );
    // And positions in them are reported with the folder's name.
    edit(
        dir.path(),
        "notices/ŵyl haf/advice.yaml",
        "    lawful_basis: public-task\n",
        "",
    );
    let c = check(dir.path());
    assert_eq!(
        c.found,
        ["missing-lawful-basis notices/ŵyl haf/advice.yaml:17:9"]
    );
}

#[test]
fn underscore_names_are_not_notices() {
    let dir = base_project();
    for (file, text) in [
        ("notices/_drafts/broken.yaml", "title: [\n"),
        ("notices/_drafts/deeper/Bad Name.yaml", "\t- x\n"),
        ("notices/_partial.yaml", "not: [valid\n"),
        ("notices/housing/_old.yml", "~\n"),
        ("notices/readme.txt", "not yaml at all: [\n"),
    ] {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let c = check(dir.path());
    assert_eq!(c.code, 0, "{:?}", c.found);
    assert_eq!(c.found, Vec::<String>::new());
    assert!(
        c.human.stderr.contains("checked 1 notice:"),
        "{}",
        c.human.stderr
    );
}

#[test]
fn yaml_beside_yml_is_a_duplicate_id() {
    let dir = base_project();
    std::fs::copy(dir.path().join(NOTICE), dir.path().join("notices/a.yaml")).expect("copy");
    std::fs::copy(dir.path().join(NOTICE), dir.path().join("notices/a.yml")).expect("copy");
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    // Bytewise order: `a.yaml` comes first, so `a.yml` is the second occurrence.
    assert_eq!(c.found, ["duplicate-id notices/a.yml:1:1"]);
    assert!(
        c.human.stderr.contains("notices/a.yaml"),
        "{}",
        c.human.stderr
    );

    // The same id in two folders clashes too.
    let dir = base_project();
    std::fs::create_dir_all(dir.path().join("notices/housing")).expect("mkdir");
    std::fs::copy(
        dir.path().join(NOTICE),
        dir.path().join("notices/housing/contact.yaml"),
    )
    .expect("copy");
    let c = check(dir.path());
    assert_eq!(c.found, ["duplicate-id notices/housing/contact.yaml:1:1"]);
}

#[test]
fn two_organisation_files_are_a_duplicate_id() {
    let dir = base_project();
    std::fs::copy(
        dir.path().join(ORG),
        dir.path().join("notices/_organisation.yml"),
    )
    .expect("copy");
    let c = check(dir.path());
    assert_eq!(c.code, 1);
    assert_eq!(c.found, ["duplicate-id notices/_organisation.yml:1:1"]);
}

#[test]

fn missing_field_help_reads_naturally() {
    let dir = base_project();
    edit(dir.path(), NOTICE, "updated: 2026-10-01\n", "");
    let c = check(dir.path());
    assert_eq!(c.found, ["missing-field notices/contact.yaml:1:1"]);
    assert!(!c.human.stderr.contains("this the"), "{}", c.human.stderr);
}
