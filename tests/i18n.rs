//! Welsh that never falls behind: `hysbys.lock`, `stale-translation` and `hysbys i18n`
//! (status, accept, and the XLIFF 2.0 round trip through a translator's tool).
//!
//! The fixture `tests/fixtures/i18n/project/` writes its texts in every YAML style (plain,
//! single- and double-quoted, literal and folded blocks, flow maps), with comments, a
//! catalogue entry, plain-string names (never translated) and overridden `.ftl` messages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hysbys::model::Lang;

mod common;
use common::{copy_dir, diagnostics, edit, run, Run};

const NOTICE: &str = "notices/services/advice.yaml";
const ORG: &str = "notices/_organisation.yaml";
const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&common::fixtures().join("i18n/project"), dir.path());
    dir
}

fn root_str(root: &Path) -> &str {
    root.to_str().expect("UTF-8 temp path")
}

/// `hysbys i18n <sub> --root <root> [extra]`.
#[track_caller]
fn i18n(root: &Path, sub: &str, extra: &[&str]) -> Run {
    let mut args = vec!["i18n", sub, "--root", root_str(root)];
    args.extend_from_slice(extra);
    run(&args)
}

fn check_json(root: &Path) -> Run {
    common::check(root, &["--format", "json"])
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("read {file}: {e}"))
}

/// `line:column` (1-based, columns in characters) of the first occurrence of `needle`.
fn at(root: &Path, file: &str, needle: &str) -> String {
    let text = read(root, file);
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in {file}"));
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{file}:{line}:{col}")
}

fn stale(root: &Path) -> Vec<String> {
    let r = check_json(root);
    r.assert_code(0);
    diagnostics(&r)
        .into_iter()
        .filter(|d| d.starts_with("stale-translation "))
        .collect()
}

/// Every file under `root`, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read dir") {
            let e = e.expect("entry");
            let p = e.path();
            if e.file_type().expect("type").is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(root).expect("inside").to_path_buf(),
                    std::fs::read(&p).expect("read"),
                );
            }
        }
    }
    out
}

/// Every translatable value: key → (English, Welsh).
fn strings(root: &Path) -> BTreeMap<String, (String, String)> {
    let p = hysbys::load::load(root, &hysbys::load::Options::default()).expect("loads");
    hysbys::i18n::values::values(&p)
        .iter()
        .map(|v| {
            (
                v.key(),
                (
                    v.text.get(Lang::En).to_owned(),
                    v.text.get(Lang::Cy).to_owned(),
                ),
            )
        })
        .collect()
}

fn status(root: &Path) -> serde_json::Value {
    let r = i18n(root, "status", &["--format", "json"]);
    r.assert_code(0);
    r.json()
}

#[test]
fn editing_english_marks_exactly_the_dependent_welsh_stale_and_accept_clears_it() {
    let dir = project();
    let root = dir.path();
    i18n(root, "accept", &[]).assert_code(0);
    assert_eq!(stale(root), Vec::<String>::new());
    assert_eq!(status(root)["total"]["cy"]["translated"], 22);

    // Three English texts change; a plain name and a Welsh text change too (neither makes
    // anything stale).
    edit(
        root,
        ORG,
        "  en: Example Town Council ",
        "  en: Exampletown Council ",
    );
    edit(
        root,
        ORG,
        "      en: When the law requires it.",
        "      en: When the law says so.",
    );
    edit(root, NOTICE, "  en: Getting advice ", "  en: Get advice ");
    edit(
        root,
        NOTICE,
        "        For example:\n",
        "        For instance:\n",
    );
    edit(
        root,
        NOTICE,
        "    name: Refernet\n",
        "    name: Refernet Ltd\n",
    );
    edit(
        root,
        NOTICE,
        "      cy: Eich cynghori\n",
        "      cy: Eich cynghori chi\n",
    );

    let expected = vec![
        format!(
            "stale-translation {}",
            at(root, ORG, "Cyngor Tref Enghraifft")
        ),
        format!("stale-translation {}", at(root, ORG, "Pan fydd y gyfraith")),
        format!("stale-translation {}", at(root, NOTICE, "Cael cyngor")),
        format!("stale-translation {}", at(root, NOTICE, "Er enghraifft:")),
    ];
    assert_eq!(stale(root), expected);

    // The diagnostic shows the English before and after.
    let r = check_json(root);
    let d = &r.json()["diagnostics"];
    let title = d
        .as_array()
        .expect("array")
        .iter()
        .find(|x| x["message"].as_str().unwrap_or("").contains("advice/title"))
        .expect("the title is stale");
    assert_eq!(title["severity"], "warning");
    let notes = title["notes"].to_string();
    assert!(
        notes.contains("Getting advice") && notes.contains("Get advice"),
        "{notes}"
    );

    let st = status(root);
    assert_eq!(st["notices"]["advice"]["languages"]["cy"]["stale"], 2);
    assert_eq!(st["organisation"]["languages"]["cy"]["stale"], 2);
    assert_eq!(st["total"]["cy"]["stale"], 4);

    // `[lints]` sets its level.
    std::fs::write(
        root.join("hysbys.toml"),
        "[site]\nlanguages = [\"en\", \"cy\"]\n[lints]\nstale-translation = \"deny\"\n",
    )
    .expect("write");
    let r = check_json(root);
    r.assert_code(1);
    assert_eq!(r.json()["errors"], 4);
    std::fs::write(
        root.join("hysbys.toml"),
        "[site]\nlanguages = [\"en\", \"cy\"]\n",
    )
    .expect("write");

    // Accepting one notice clears only its values.
    i18n(root, "accept", &["--notice", "advice"]).assert_code(0);
    assert_eq!(stale(root), expected[..2].to_vec());
    let r = i18n(root, "accept", &["--notice", "advcie"]);
    r.assert_code(2);
    assert!(r.stderr.contains("did you mean `advice`"), "{}", r.stderr);
    i18n(root, "accept", &[]).assert_code(0);
    assert_eq!(stale(root), Vec::<String>::new());
}

#[test]
fn the_lock_is_sorted_deterministic_and_skips_plain_names() {
    let a = project();
    let b = project();
    i18n(a.path(), "accept", &[]).assert_code(0);
    let first = read(a.path(), "hysbys.lock");
    i18n(a.path(), "accept", &[]).assert_code(0);
    assert_eq!(
        read(a.path(), "hysbys.lock"),
        first,
        "accept twice: same bytes"
    );
    i18n(b.path(), "accept", &[]).assert_code(0);
    assert_eq!(
        read(b.path(), "hysbys.lock"),
        first,
        "another folder: same bytes"
    );

    assert!(first.starts_with("# hysbys.lock"));
    let lines: Vec<&str> = first.lines().filter(|l| !l.starts_with('#')).collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "lines are sorted bytewise");
    for l in &lines {
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 4, "{l}");
        assert_eq!(f[1], "cy");
        assert_eq!(f[2].len(), 64);
    }
    let keys: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    for k in [
        "_organisation/name",
        "_organisation/complaints.details",
        "_organisation/recipients[police].details",
        "advice/categories[problem].details",
        "advice/data_subjects[1]",
        "advice/purposes[advise].legislation[1]",
        "advice/retention[case].records",
        "advice/changes[0].summary",
        "_locales/skip-link",
        "_locales/switch-language",
    ] {
        assert!(keys.contains(&k), "{k} is missing from\n{first}");
    }
    for k in [
        "_organisation/recipients[police].name",
        "advice/recipients[refernet].name",
        "advice/purposes[advise].legislation[0]",
    ] {
        assert!(!keys.contains(&k), "{k} must not be fingerprinted");
    }
    // The English source is kept, escaped, so a diagnostic can show it.
    assert!(first.contains("_organisation/complaints.details\tcy\t"));
    assert!(first.contains("Tell us if you are unhappy.\\n\\nWe will look into it.\\n"));
}

#[test]
fn a_project_without_a_lock_gets_one_hint_not_a_flood() {
    let dir = project();
    let root = dir.path();
    let r = common::check(root, &[]);
    r.assert_code(0);
    let hints: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("hint:"))
        .collect();
    assert_eq!(hints.len(), 1, "{}", r.stderr);
    assert!(hints[0].contains("hysbys i18n accept"));
    assert!(!r.stderr.contains("warning[stale-translation]"));

    let r = check_json(root);
    assert_eq!(diagnostics(&r), Vec::<String>::new());
    assert!(!r.stderr.contains("hint:") && !r.stdout.contains("hint"));

    i18n(root, "accept", &[]).assert_code(0);
    let r = common::check(root, &[]);
    assert!(!r.stderr.contains("hint:"), "{}", r.stderr);

    // A new translated value without a fingerprint: one line again.
    edit(
        root,
        NOTICE,
        "  - {en: \"People who help them\"",
        "  - {en: Neighbours, cy: Cymdogion}\n  - {en: \"People who help them\"",
    );
    let r = common::check(root, &[]);
    let hints: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("hint:"))
        .collect();
    assert_eq!(hints.len(), 1, "{}", r.stderr);
    assert!(
        hints[0].contains("1 translation has no fingerprint"),
        "{}",
        hints[0]
    );
}

#[test]
fn status_counts_values_and_overridden_furniture() {
    let dir = project();
    let root = dir.path();
    edit(root, NOTICE, "    cy: Pobl sy'n gofyn i ni am gyngor\n", "");
    edit(
        root,
        "locales/cy/overrides.ftl",
        "switch-language = Darllenwch yr hysbysiad hwn yn Saesneg\n",
        "",
    );
    let st = status(root);
    assert_eq!(st["primary"], "en");
    assert_eq!(st["lock"], false);
    let advice = &st["notices"]["advice"]["languages"]["cy"];
    assert_eq!(advice["values"], 15);
    assert_eq!(advice["missing"], 1);
    assert_eq!(advice["unrecorded"], 14);
    let furniture = &st["furniture"]["languages"]["cy"];
    assert_eq!(furniture["values"], 2);
    assert_eq!(furniture["missing"], 1, "switch-language has no Welsh");
    assert_eq!(furniture["unrecorded"], 1);

    i18n(root, "accept", &[]).assert_code(0);
    std::fs::write(
        root.join("locales/en/overrides.ftl"),
        "skip-link = Skip to the privacy notice\nswitch-language = Read this notice in Welsh\n",
    )
    .expect("write");
    let st = status(root);
    assert_eq!(st["furniture"]["languages"]["cy"]["stale"], 1);
    assert_eq!(st["total"]["cy"]["missing"], 2);
    let human = i18n(root, "status", &[]);
    human.assert_code(0);
    assert!(human.stdout.contains("advice"), "{}", human.stdout);
    assert!(human.stdout.contains("_locales"), "{}", human.stdout);
}

/// Make `title` and `summary` stale, and take away three Welsh strings (a block entry, a
/// flow entry and a literal block).
fn stale_and_missing(root: &Path) {
    i18n(root, "accept", &[]).assert_code(0);
    edit(root, NOTICE, "  en: Getting advice ", "  en: Get advice ");
    edit(
        root,
        NOTICE,
        "    benefits, housing or debt,",
        "    benefits, housing, work or debt,",
    );
    edit(root, NOTICE, "    cy: Pobl sy'n gofyn i ni am gyngor\n", "");
    edit(
        root,
        NOTICE,
        "service: {en: Advice, cy: Cyngor}",
        "service: {en: Advice}",
    );
    edit(
        root,
        ORG,
        "    cy: |\n      Rhowch wybod i ni os ydych chi'n anhapus.\n\n      Byddwn yn ymchwilio.\n",
        "",
    );
}

fn export(root: &Path, extra: &[&str]) -> String {
    let out = root.join("cy.xlf");
    let mut args = vec!["--to", "cy", "-o", root_str(&out)];
    args.extend_from_slice(extra);
    i18n(root, "export", &args).assert_code(0);
    let xml = std::fs::read_to_string(&out).expect("the export was written");
    std::fs::remove_file(&out).expect("remove");
    xml
}

fn units<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name((XLIFF_NS, "unit")))
        .collect()
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name((XLIFF_NS, name)))
}

#[test]
fn export_writes_xliff_2_with_sources_targets_and_notes() {
    let dir = project();
    let root = dir.path();
    stale_and_missing(root);
    let xml = export(root, &[]);
    let doc = roxmltree::Document::parse(&xml).expect("the export is well-formed XML");
    let x = doc.root_element();
    assert!(x.has_tag_name((XLIFF_NS, "xliff")));
    assert_eq!(x.attribute("version"), Some("2.0"));
    assert_eq!(x.attribute("srcLang"), Some("en"));
    assert_eq!(x.attribute("trgLang"), Some("cy"));
    let files: Vec<_> = x.children().filter(|n| n.is_element()).collect();
    assert!(files.iter().all(|f| f.has_tag_name((XLIFF_NS, "file"))));
    let ids: Vec<_> = files
        .iter()
        .map(|f| f.attribute("id").unwrap_or(""))
        .collect();
    assert_eq!(ids, ["_organisation", "advice"]);
    assert_eq!(files[1].attribute("original"), Some(NOTICE));

    let english = strings(root);
    let mut seen = Vec::new();
    for u in units(&doc) {
        let file = u.parent().and_then(|f| f.attribute("id")).unwrap_or("");
        let name = u.attribute("name").expect("unit name");
        let id = u.attribute("id").expect("unit id");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "unit ids are NMTOKENs: {id}"
        );
        let key = format!("{file}/{name}");
        let notes: Vec<_> = child(u, "notes")
            .expect("notes")
            .children()
            .filter(|n| n.is_element())
            .map(|n| {
                (
                    n.attribute("category").unwrap_or(""),
                    n.text().unwrap_or(""),
                )
            })
            .collect();
        assert!(notes
            .iter()
            .any(|(c, t)| *c == "location" && t.contains(name)));
        assert!(notes
            .iter()
            .any(|(c, t)| *c == "description" && !t.is_empty()));
        let seg = child(u, "segment").expect("segment");
        let source = child(seg, "source").and_then(|s| s.text()).unwrap_or("");
        assert_eq!(source, english[&key].0, "{key}: source is the English");
        let target = child(seg, "target").and_then(|t| t.text());
        let welsh = english[&key].1.as_str();
        assert_eq!(target, (!welsh.is_empty()).then_some(welsh), "{key}");
        if key == "advice/title" {
            assert!(notes
                .iter()
                .any(|(c, t)| *c == "previous-source" && t.contains("Getting advice")));
        }
        seen.push(key);
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "_organisation/complaints.details",
            "advice/data_subjects[0]",
            "advice/service",
            "advice/summary",
            "advice/title"
        ]
    );

    // --all: every value.
    let xml = export(root, &["--all"]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    assert_eq!(units(&doc).len(), english.len());
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\r', "&#13;")
}

/// Give units translations, as a translator's tool would: replace or add each `<target>`.
fn fill(xml: &str, targets: &BTreeMap<&str, &str>) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let mut splices: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for u in units(&doc) {
        let file = u.parent().and_then(|f| f.attribute("id")).unwrap_or("");
        let key = format!("{file}/{}", u.attribute("name").unwrap_or(""));
        let Some(t) = targets.get(key.as_str()) else {
            continue;
        };
        let seg = child(u, "segment").expect("segment");
        let el = format!("<target>{}</target>", xml_escape(t));
        match child(seg, "target") {
            Some(old) => splices.push((old.range(), el)),
            None => {
                let end = child(seg, "source").expect("source").range().end;
                splices.push((end..end, el));
            }
        }
    }
    assert_eq!(splices.len(), targets.len(), "every target found a unit");
    splices.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = xml.to_owned();
    for (r, s) in splices {
        out.replace_range(r, &s);
    }
    out
}

/// The lines of `file` on which the Welsh string (key and value) of one of `keys` is
/// written, or where it would be added inside a flow map.
fn welsh_lines(root: &Path, file: &str, keys: &[&str]) -> Vec<usize> {
    let p = hysbys::load::load(root, &hysbys::load::Options::default()).expect("loads");
    let text = read(root, file);
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    for v in hysbys::i18n::values::values(&p) {
        if p.sources.path(v.file) != file || !keys.contains(&v.key().as_str()) {
            continue;
        }
        let Some(span) = v.text.span(Lang::Cy) else {
            // No Welsh yet: a flow map's line is where `, cy: …` goes.
            if chars.get(v.text.pos.index as usize) == Some(&'{') {
                lines.push(v.text.pos.line as usize);
            }
            continue;
        };
        let start = span.index as usize;
        let end = start + span.len as usize;
        // From the `cy:` key (a block scalar's header is on the line above its text).
        let prefix: String = chars[..start].iter().collect();
        let key_at = prefix.rfind("cy:").expect("a cy key before the value");
        let first = prefix[..key_at].matches('\n').count() + 1;
        let value: String = chars[start..end].iter().collect();
        let last = span.line as usize + value.trim_end().matches('\n').count();
        lines.extend(first..=last);
    }
    lines
}

/// Lines of `old` and `new` outside their longest common subsequence (1-based).
fn changed_lines(old: &str, new: &str) -> (Vec<usize>, Vec<usize>) {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut dp = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            dp[i][j] = if a[i] == b[j] {
                dp[i + 1][j + 1] + 1
            } else {
                dp[i + 1][j].max(dp[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut added) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || dp[i][j + 1] >= dp[i + 1][j]) {
            added.push(j + 1);
            j += 1;
        } else {
            gone.push(i + 1);
            i += 1;
        }
    }
    (gone, added)
}

#[test]
fn export_edit_import_changes_only_the_welsh() {
    let dir = project();
    let root = dir.path();
    stale_and_missing(root);
    let xml = export(root, &[]);
    let targets: BTreeMap<&str, &str> = [
        // Would break a plain scalar (`: ` and ` #`): double quotes instead.
        ("advice/title", "Cael cyngor: \"newydd\" #1"),
        // A missing entry in a block map: a new line under `en:`.
        ("advice/data_subjects[0]", "Pobl sy'n gofyn am gyngor"),
        // A missing entry in a flow map, with a comma.
        ("advice/service", "Cyngor, help"),
        // A folded block, re-wrapped; a line break in the text is kept.
        (
            "advice/summary",
            "Sut mae'r gwasanaeth cyngor yn defnyddio eich gwybodaeth pan fyddwch yn gofyn i ni am help gyda budd-daliadau, tai, gwaith neu ddyled.\nA gyda phwy rydym yn ei rhannu: ŵ ŷ & 3 < 4.",
        ),
        // A literal block, inserted in the style of its English.
        (
            "_organisation/complaints.details",
            "Rhowch wybod i ni.\n\n  - wedi'i fewnoli\nByddwn yn ymchwilio.\n",
        ),
    ]
    .into_iter()
    .collect();
    let filled = fill(&xml, &targets);
    let xlf = root.join("back.xlf");
    std::fs::write(&xlf, &filled).expect("write");

    let before = snapshot(root);
    let strings_before = strings(root);
    let org_before = read(root, ORG);
    let notice_before = read(root, NOTICE);

    let dry = i18n(root, "import", &["--dry-run", root_str(&xlf)]);
    dry.assert_code(0);
    assert_eq!(snapshot(root), before, "--dry-run writes nothing");

    let r = i18n(root, "import", &[root_str(&xlf)]);
    r.assert_code(0);
    assert!(r.stderr.contains("Imported 5"), "{}", r.stderr);
    assert!(r.stderr.contains("no problems found"), "{}", r.stderr);

    // Every value reads as before except the Welsh imported.
    let after = strings(root);
    assert_eq!(after.len(), strings_before.len());
    for (k, (en, cy)) in &strings_before {
        let (en2, cy2) = &after[k];
        assert_eq!(en2, en, "{k}: English unchanged");
        match targets.get(k.as_str()) {
            Some(t) => assert_eq!(cy2, t, "{k}: Welsh imported"),
            None => assert_eq!(cy2, cy, "{k}: Welsh unchanged"),
        }
    }

    // Every byte outside the imported Welsh is unchanged: lines that differ are only the
    // Welsh values' own lines, before and after.
    let keys: Vec<&str> = targets.keys().copied().collect();
    for (file, old) in [(ORG, &org_before), (NOTICE, &notice_before)] {
        let new = read(root, file);
        let (gone, added) = changed_lines(old, &new);
        let allowed_new = welsh_lines(root, file, &keys);
        for l in &added {
            assert!(allowed_new.contains(l), "{file}: line {l} changed:\n{new}");
        }
        // The old Welsh lines: those of the values that had Welsh before.
        let dir_before = tempfile::tempdir().expect("tempdir");
        copy_dir(root, dir_before.path());
        std::fs::write(dir_before.path().join(ORG), &org_before).expect("write");
        std::fs::write(dir_before.path().join(NOTICE), &notice_before).expect("write");
        let allowed_old = welsh_lines(dir_before.path(), file, &keys);
        for l in &gone {
            assert!(
                allowed_old.contains(l),
                "{file}: old line {l} removed:\n{old}"
            );
        }
        assert!(!added.is_empty());
    }
    assert!(read(root, ORG).contains("# The controller. Comments must survive an import."));
    assert!(read(root, NOTICE).contains("  en: Get advice          # shown as the page heading\n  cy: \"Cael cyngor: \\\"newydd\\\" #1\"\n"));
    assert!(read(root, NOTICE).contains("service: {en: Advice, cy: \"Cyngor, help\"}"));
    assert!(read(root, NOTICE)
        .contains("  - en: People who ask us for advice\n    cy: Pobl sy'n gofyn am gyngor\n"));
    assert!(read(root, ORG).contains("    cy: |\n      Rhowch wybod i ni.\n\n        - wedi'i fewnoli\n      Byddwn yn ymchwilio.\n"));

    // Clean, and recorded in the lock.
    assert_eq!(diagnostics(&check_json(root)), Vec::<String>::new());
    let st = status(root);
    assert_eq!(st["total"]["cy"]["stale"], 0);
    assert_eq!(st["total"]["cy"]["missing"], 0);
    assert_eq!(st["total"]["cy"]["unrecorded"], 0);

    // Nothing left to translate.
    let r = i18n(root, "export", &["--to", "cy", "--notice", "advice"]);
    r.assert_code(0);
    assert!(r.stdout.is_empty() && r.stderr.contains("Nothing to translate"));
}

#[test]
fn hostile_or_wrong_xliff_is_refused_and_nothing_is_written() {
    let dir = project();
    let root = dir.path();
    stale_and_missing(root);
    let xml = export(root, &[]);
    let good = fill(
        &xml,
        &[("advice/title", "Cael cyngor")].into_iter().collect(),
    );
    let doctype = |decl: &str| good.replacen("<xliff ", &format!("{decl}\n<xliff "), 1);
    let laughs = {
        let mut d = String::from("<!DOCTYPE xliff [\n<!ENTITY l0 \"ha\">\n");
        for i in 1..10 {
            let prev = format!("&l{};", i - 1).repeat(10);
            d.push_str(&format!("<!ENTITY l{i} \"{prev}\">\n"));
        }
        d.push_str("]>");
        doctype(&d).replace(">Cael cyngor<", ">&l9;<")
    };
    let cases: Vec<(&str, String, &str)> = vec![
        ("entity expansion", laughs, "DOCTYPE"),
        (
            "external entity",
            doctype("<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace(">Cael cyngor<", ">&xxe;<"),
            "DOCTYPE",
        ),
        (
            "external DTD",
            doctype("<!DOCTYPE xliff SYSTEM \"http://example.com/x.dtd\">"),
            "DOCTYPE",
        ),
        (
            "undeclared entity",
            good.replace(">Cael cyngor<", ">&xxe;<"),
            "entity",
        ),
        (
            "wrong version",
            good.replace("version=\"2.0\"", "version=\"1.2\""),
            "version 1.2",
        ),
        (
            "wrong namespace",
            good.replace(XLIFF_NS, "urn:oasis:names:tc:xliff:document:1.2"),
            "namespace",
        ),
        (
            "wrong target language",
            good.replace("trgLang=\"cy\"", "trgLang=\"en\""),
            "primary language",
        ),
        (
            "markup in a target",
            good.replace(">Cael cyngor<", ">Cael <pc id=\"1\">cyngor</pc><"),
            "markup",
        ),
        ("malformed XML", good[..good.len() / 2].to_owned(), "line"),
        (
            "unknown unit",
            good.replace("id=\"title\" name=\"title\"", "id=\"titel\" name=\"titel\""),
            "not a value of this project",
        ),
        (
            "unknown file",
            good.replace("<file id=\"advice\"", "<file id=\"adviec\""),
            "not a value of this project",
        ),
    ];
    let xlf = root.join("back.xlf");
    for (what, text, expect) in cases {
        std::fs::write(&xlf, &text).expect("write");
        let before = snapshot(root);
        let r = i18n(root, "import", &[root_str(&xlf)]);
        r.assert_code(1);
        assert!(
            r.stderr.contains(expect) && r.stderr.contains("nothing was written"),
            "{what}: {}",
            r.stderr
        );
        assert_eq!(snapshot(root), before, "{what}: nothing was written");
    }

    // English changed since the export: refused.
    std::fs::write(&xlf, &good).expect("write");
    edit(root, NOTICE, "  en: Get advice ", "  en: Get some advice ");
    let before = snapshot(root);
    let r = i18n(root, "import", &[root_str(&xlf)]);
    r.assert_code(1);
    assert!(
        r.stderr.contains("has changed since the export"),
        "{}",
        r.stderr
    );
    assert_eq!(snapshot(root), before);
}

#[test]
fn crlf_and_byte_order_mark_survive_an_import() {
    let dir = project();
    let root = dir.path();
    let text = read(root, NOTICE)
        .replace("    cy: Pobl sy'n gofyn i ni am gyngor\n", "")
        .replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    std::fs::write(root.join(NOTICE), &bytes).expect("write");
    let xml = export(root, &[]);
    let filled = fill(
        &xml,
        &[("advice/data_subjects[0]", "Pobl sy'n gofyn i ni am gyngor")]
            .into_iter()
            .collect(),
    );
    let xlf = root.join("back.xlf");
    std::fs::write(&xlf, filled).expect("write");
    i18n(root, "import", &[root_str(&xlf)]).assert_code(0);
    let after = std::fs::read(root.join(NOTICE)).expect("read");
    let original = std::fs::read_to_string(common::fixtures().join("i18n/project").join(NOTICE))
        .expect("read the fixture");
    let mut expected = b"\xEF\xBB\xBF".to_vec();
    expected.extend_from_slice(original.replace('\n', "\r\n").as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&after),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn init_creates_the_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("new");
    let r = run(&["init", "--root", root_str(&root)]);
    r.assert_code(0);
    assert!(root.join("hysbys.lock").is_file(), "{}", r.stderr);
    let r = common::check(&root, &[]);
    r.assert_code(0);
    assert!(!r.stderr.contains("hint:"), "{}", r.stderr);
    let st = status(&root);
    assert_eq!(st["lock"], true);
    let total = &st["total"]["cy"];
    assert_eq!(total["values"], total["translated"]);
}
