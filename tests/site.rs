//! The built site: every page parses as HTML5 without errors, carries its language, links
//! to the same page in the other language, makes no external requests, and two builds are
//! byte-identical; a failing build leaves the previous output untouched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use html5ever::tendril::TendrilSink;
use hysbys::i18n::I18n;
use hysbys::model::*;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn opts() -> hysbys::load::Options {
    hysbys::load::Options {
        cache: false,
        today: Some(Date::constant(2026, 11, 23)),
    }
}

fn build(project: &Path, out: &Path) -> Result<(), String> {
    let p = hysbys::build::prepare(project, &opts()).map_err(|e| e.to_string())?;
    if p.has_errors() {
        return Err(format!("{:?}", p.diagnostics));
    }
    hysbys::build::write(&p, out).map(|_| ())
}

/// Build as `hysbys build` does: streamed, `batch` notices at a time.
fn stream_build(project: &Path, out: &Path, batch: usize) -> hysbys::emit::writer::Stats {
    let to = hysbys::build::BuildTo {
        out: Some(out),
        deny_warnings: false,
    };
    let s = hysbys::build::stream(project, &opts(), Some(to), batch).expect("loads");
    assert!(!s.has_errors, "{:?}", s.diagnostics);
    match s.written {
        Some(Ok(stats)) => stats,
        other => panic!("not written: {:?}", other.map(|r| r.err())),
    }
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

fn html_errors(html: &str) -> Vec<String> {
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap_or_default();
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    errors
}

#[test]
fn example_site_is_complete_valid_and_bilingual() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("site");
    build(&root(), &out).expect("the example builds");
    let files = tree(&out);
    let p = hysbys::check(&root(), &opts()).expect("loads").0;
    assert!(
        p.notices.len() >= 3,
        "the example has at least three notices"
    );

    for must in [
        "index.html",
        "en/index.html",
        "cy/index.html",
        "404.html",
        "sitemap.xml",
        "assets/style.css",
        ".hysbys-output",
    ] {
        assert!(files.contains_key(must), "{must} missing");
    }
    for n in &p.notices {
        for lang in ["en", "cy"] {
            let path = format!("{lang}/{}/index.html", n.id);
            let html =
                String::from_utf8(files.get(&path).cloned().unwrap_or_default()).expect("utf-8");
            assert!(!html.is_empty(), "{path} missing");
            let other = if lang == "en" { "cy" } else { "en" };
            assert!(
                html.contains(&format!("<html lang=\"{lang}\">")),
                "{path}: html lang"
            );
            assert!(
                html.contains(&format!(
                    "href=\"../../{other}/{}/index.html\" hreflang=\"{other}\" lang=\"{other}\"",
                    n.id
                )),
                "{path}: link to the same notice in the other language"
            );
            for hl in ["en", "cy", "x-default"] {
                assert!(
                    html.contains(&format!("<link rel=\"alternate\" hreflang=\"{hl}\"")),
                    "{path}: hreflang {hl}"
                );
            }
            assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
            let title = n.title.get(Lang::from_code(lang).unwrap_or(Lang::En));
            let escaped = hysbys::render::view::html_escape(title);
            assert!(
                html.contains(&format!("<h1>{escaped}</h1>")),
                "{path}: title"
            );
            // Every notice page: the controller, the regulator section, "last updated".
            assert!(
                html.contains("id=\"controller\"") && html.contains("id=\"ico\""),
                "{path}: sections"
            );
            assert!(html.contains("<time datetime=\""), "{path}: last updated");
        }
    }
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).expect("utf-8");
        let errors = html_errors(&html);
        assert!(errors.is_empty(), "{path}: HTML parse errors {errors:?}");
        assert!(
            !html.contains('\u{2068}') && !html.contains('\u{2069}'),
            "{path}: isolation marks"
        );
        assert!(
            !html.contains("<script"),
            "{path}: build output has no script"
        );
        for external in [
            "src=\"http",
            "src=\"//",
            "rel=\"stylesheet\" href=\"http",
            "@import",
            "url(http",
        ] {
            assert!(
                !html.contains(external),
                "{path}: external resource {external}"
            );
        }
        // No message id leaks through as text (a missing Fluent message renders its id).
        for leak in [
            "section-",
            "basis-",
            "special-",
            "right-",
            "sch1-",
            "duration-",
            "recipient-kind-",
        ] {
            assert!(
                !html.contains(&format!(">{leak}")),
                "{path}: untranslated {leak}"
            );
        }
    }
    let css = String::from_utf8(files["assets/style.css"].clone()).unwrap_or_default();
    assert!(
        !css.contains("url(http") && !css.contains("@import"),
        "no external CSS"
    );
    let sitemap = String::from_utf8(files["sitemap.xml"].clone()).unwrap_or_default();
    assert!(sitemap.contains("xhtml:link rel=\"alternate\" hreflang=\"cy\""));
}

/// Every address in the sitemap is escaped whole: the base URL's characters as well as the
/// page's path, in `<loc>` and in each alternate.
#[test]
fn sitemap_addresses_are_escaped() {
    let dir = common::base_project();
    std::fs::write(
        dir.path().join("hysbys.toml"),
        "[site]\nbase_url = \"https://example.org/a&b'c/\"\nlanguages = [\"en\", \"cy\"]\n",
    )
    .expect("write settings");
    let out = dir.path().join("out");
    build(dir.path(), &out).expect("builds");
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    let base = "https://example.org/a&amp;b&#39;c/";
    for url in [format!("{base}en/contact/"), format!("{base}cy/contact/")] {
        assert!(
            sitemap.contains(&format!("<loc>{url}</loc>")),
            "{url} in {sitemap}"
        );
        assert!(
            sitemap.contains(&format!("href=\"{url}\"")),
            "{url} in {sitemap}"
        );
    }
    assert!(!sitemap.contains("a&b"), "{sitemap}");
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    build(&root(), &dir.path().join("a")).expect("first");
    build(&root(), &dir.path().join("b")).expect("second");
    let (a, b) = (tree(&dir.path().join("a")), tree(&dir.path().join("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b.get(k) == Some(v), "{k} differs between two builds");
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap_or(e.path());
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    let (_dir, project) = example_copy();
    let out = project.join("output");
    build(&project, &out).expect("first build");
    let before = tree(&out);

    // Break one notice: the build must refuse, through the CLI too, and write nothing.
    let broken = project.join("notices/corporate.yaml");
    let text = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, text.replacen("lawful_basis:", "lawfull_basis:", 1)).expect("write");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_hysbys"))
        .args(["build", "--today", "2026-11-23", "--root"])
        .arg(&project)
        .output()
        .expect("run");
    assert_eq!(
        status.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(String::from_utf8_lossy(&status.stderr).contains("previous output is unchanged"));
    assert_eq!(tree(&out), before, "output changed after a failed build");
    assert_no_staging_left(&project);
}

/// `hysbys build` streams the project a batch at a time; whatever the batch, the output is
/// byte for byte that of a build holding the whole project.
#[test]
fn streamed_builds_match_a_build_of_the_whole_project() {
    let (dir, project) = example_copy();
    let whole = dir.path().join("whole");
    build(&project, &whole).expect("whole build");
    let expected = tree(&whole);
    for batch in [1, 2, 5, hysbys::build::BATCH] {
        let out = dir.path().join(format!("streamed-{batch}"));
        stream_build(&project, &out, batch);
        let got = tree(&out);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "batch {batch}"
        );
        for (k, v) in &got {
            assert!(expected.get(k) == Some(v), "batch {batch}: {k} differs");
        }
    }
}

/// A streamed build that meets an error in its last batch, after writing the others,
/// throws its output away: the previous output is as it was, and nothing is left behind.
#[test]
fn an_error_in_a_late_batch_leaves_the_previous_output_untouched() {
    let (_dir, project) = example_copy();
    let out = project.join("output");
    stream_build(&project, &out, 1);
    let before = tree(&out);
    // `resettlement` is the last notice in id order.
    let broken = project.join("notices/housing/resettlement.yaml");
    let text = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, text.replacen("lawful_basis:", "lawfull_basis:", 1)).expect("write");
    let to = hysbys::build::BuildTo {
        out: Some(&out),
        deny_warnings: false,
    };
    let s = hysbys::build::stream(&project, &opts(), Some(to), 1).expect("loads");
    assert!(s.has_errors);
    assert!(s.written.is_none());
    assert!(s
        .diagnostics
        .iter()
        .any(|d| s.project.sources.path(d.file) == "notices/housing/resettlement.yaml"));
    drop(s);
    assert_eq!(tree(&out), before, "output changed after a failed build");
    assert_no_staging_left(&project);
    // So does a warning with `--deny-warnings`: every notice is fine but one lacks its
    // data subjects.
    std::fs::write(&broken, text).expect("write");
    let file = project.join("notices/corporate.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let cut: String = text
        .split_inclusive('\n')
        .scan(false, |skip, l| {
            if l.starts_with("data_subjects:") {
                *skip = true;
            } else if *skip && !l.starts_with(' ') && !l.starts_with('-') {
                *skip = false;
            }
            Some(if *skip { "" } else { l })
        })
        .collect();
    assert_ne!(
        cut, text,
        "the example's corporate notice names its data subjects"
    );
    std::fs::write(&file, cut).expect("write");
    let to = hysbys::build::BuildTo {
        out: Some(&out),
        deny_warnings: true,
    };
    let s = hysbys::build::stream(&project, &opts(), Some(to), 1).expect("loads");
    assert!(!s.has_errors);
    assert!(s
        .diagnostics
        .iter()
        .any(|d| d.lint == "missing-data-subjects"));
    assert!(s.written.is_none(), "a denied warning stops the build");
    assert_eq!(tree(&out), before);
    assert_no_staging_left(&project);
}

/// No staging folder of a build is left beside the output.
fn assert_no_staging_left(project: &Path) {
    let stray: Vec<_> = std::fs::read_dir(project)
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("hysbys-new"))
        .collect();
    assert!(stray.is_empty(), "staging folder left behind");
}

#[test]
fn output_paths_that_would_destroy_sources_are_refused() {
    let r = root();
    let check = hysbys::render::site::check_output_path;
    assert!(check(&r, &r, true).is_err());
    assert!(check(&r, &r.join("notices"), true).is_err());
    assert!(check(&r, &r.join("notices/x"), true).is_err());
    assert!(check(&r, r.parent().unwrap_or(&r), true).is_err());
    assert!(check(&r, &r.join("output"), false).is_ok());
    assert!(check(&r, Path::new("/tmp/hysbys-elsewhere"), false).is_err());
    assert!(check(&r, Path::new("/tmp/hysbys-elsewhere"), true).is_ok());
}

/// Every message id the code builds from a closed set exists in both languages, so no
/// page ever shows a bare id.
#[test]
fn every_message_the_code_uses_exists_in_both_languages() {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(
        LawfulBasis::ALL
            .iter()
            .map(|b| format!("basis-{}", b.code())),
    );
    ids.extend(
        SpecialCondition::ALL
            .iter()
            .map(|b| format!("special-{}", b.code())),
    );
    ids.extend(
        SpecialCategory::ALL
            .iter()
            .map(|b| format!("art9-{}", b.code())),
    );
    ids.extend(
        DataSource::ALL
            .iter()
            .map(|b| format!("source-{}", b.code())),
    );
    ids.extend(
        RecipientKind::ALL
            .iter()
            .map(|b| format!("recipient-kind-{}", b.code())),
    );
    ids.extend(
        Safeguard::ALL
            .iter()
            .map(|b| format!("safeguard-{}", b.code())),
    );
    ids.extend(
        Derogation::ALL
            .iter()
            .map(|b| format!("derogation-{}", b.code())),
    );
    for r in Right::ALL {
        ids.push(format!("right-{}", r.code()));
        ids.push(format!("right-{}-desc", r.code()));
    }
    ids.extend((1..=37).map(|n| format!("sch1-{n}")));
    ids.extend((1..=12).map(|n| format!("month-{n}")));
    ids.extend(BUILTIN_SECTIONS.iter().map(|s| format!("section-{s}")));
    // Messages named in the templates.
    for (_, src) in hysbys::render::site::TEMPLATES {
        let mut rest = *src;
        while let Some(i) = rest.find("t[\"") {
            rest = &rest[i + 3..];
            if let Some(end) = rest.find('"') {
                ids.push(rest[..end].to_owned());
            }
        }
    }
    let i = I18n::builtin();
    for lang in Lang::ALL {
        let missing: Vec<&String> = ids.iter().filter(|id| !i.has(lang, id)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn rendered_notice_pages_match_their_snapshots() {
    let p = hysbys::build::prepare(&root(), &opts()).expect("prepare");
    let theme = p.theme.as_ref().expect("theme");
    let site = hysbys::render::site::Site::new(&p.project, &p.i18n, theme, false);
    let n = p
        .project
        .notices
        .iter()
        .find(|n| n.id == "advice")
        .expect("advice notice");
    for lang in Lang::ALL {
        let html = String::from_utf8(site.notice(n, lang).expect("render")).expect("utf-8");
        insta::assert_snapshot!(format!("advice-{}", lang.code()), html);
    }
}

/// The machine-readable exports of a small project, byte for byte, as a streamed build
/// writes them. They are written by hand-rolled streaming writers, so this pins their
/// content independently of the JSON values the other tests compare them with.
#[test]
fn exports_match_their_snapshots() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    stream_build(&root().join("tests/fixtures/register-basic"), &out, 256);
    for file in [
        "register.json",
        "register.jsonld",
        "ropa.csv",
        "ropa.cy.csv",
    ] {
        let text = std::fs::read_to_string(out.join(file)).expect("read");
        // Snapshots keep line ends as `\n`: show the CSV files' carriage returns.
        let text = text.replace('\r', "\\r");
        insta::assert_snapshot!(format!("register-basic-{file}"), text);
    }
}

/// `out` is byte for byte what a clean build of `project` gives.
fn assert_matches_clean_build(project: &Path, out: &Path, scratch: &Path) {
    let clean = scratch.join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    build(project, &clean).expect("clean build");
    let (a, b) = (tree(out), tree(&clean));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(
            b.get(k) == Some(v),
            "{k} differs between the rebuild and a clean build"
        );
    }
}

/// Put `prefix` before the English title of the notice at `rel`.
fn prefix_title(project: &Path, rel: &str, prefix: &str) {
    let file = project.join(rel);
    let text = std::fs::read_to_string(&file).expect("read");
    let edited = text.replacen("title:\n  en: ", &format!("title:\n  en: {prefix}"), 1);
    assert_ne!(text, edited, "the edit must change the file");
    std::fs::write(&file, edited).expect("write");
}

/// A build with the cache, 2 notices at a time.
fn cached_build(project: &Path, out: &Path) -> hysbys::build::Streamed {
    let to = hysbys::build::BuildTo {
        out: Some(out),
        deny_warnings: false,
    };
    let opts = hysbys::load::Options {
        cache: true,
        ..opts()
    };
    let s = hysbys::build::stream(project, &opts, Some(to), 2).expect("loads");
    assert!(!s.has_errors, "{:?}", s.diagnostics);
    assert!(
        matches!(s.written, Some(Ok(_))),
        "{:?}",
        s.written.map(|r| r.err())
    );
    s
}

/// With the cache, a rebuild gives a notice whose pages and parts are all unchanged as its
/// stub, without loading its model; a notice with anything of its output missing from the
/// previous build is loaded and rendered. Either way the output is a clean build's.
#[test]
fn a_cached_rebuild_loads_only_the_notices_it_must_render() {
    let (dir, project) = example_copy();
    let out = project.join("output");
    let notices = 5;
    let first = cached_build(&project, &out);
    assert_eq!((first.verdicts_used, first.verdicts_kept), (0, notices));
    // Nothing changed: every notice is a stub.
    let again = cached_build(&project, &out);
    assert_eq!((again.verdicts_used, again.models_loaded), (notices, 0));
    assert_matches_clean_build(&project, &out, dir.path());
    // One notice edited: it is read afresh; the rest are stubs.
    prefix_title(&project, "notices/corporate.yaml", "Updated ");
    let edited = cached_build(&project, &out);
    assert_eq!(
        (
            edited.verdicts_used,
            edited.verdicts_kept,
            edited.models_loaded
        ),
        (notices - 1, 1, 0)
    );
    assert_matches_clean_build(&project, &out, dir.path());
    // A page gone from the output, and from the tree kept beside it: its notice is loaded.
    let page = "cy/money-advice/index.html";
    for tree in [out.clone(), project.join(".output.hysbys-prev")] {
        std::fs::remove_file(tree.join(page)).expect("remove a page");
    }
    let s = cached_build(&project, &out);
    assert_eq!((s.verdicts_used, s.models_loaded), (notices, 1));
    assert_matches_clean_build(&project, &out, dir.path());
    // The previous output's JSON-LD cut short, and the models gone from the cache (the
    // entries over 4 KiB; a verdict is a few hundred bytes): every notice whose part is past
    // the cut is parsed again.
    let jsonld = out.join("register.jsonld");
    let len = std::fs::metadata(&jsonld).expect("register.jsonld").len();
    std::fs::File::options()
        .write(true)
        .open(&jsonld)
        .and_then(|f| f.set_len(len / 2))
        .expect("cut");
    let cache = project.join(hysbys::load::cache::DIR);
    for e in std::fs::read_dir(&cache).expect("cache").flatten() {
        if e.metadata().is_ok_and(|m| m.len() > 4096) {
            std::fs::remove_file(e.path()).expect("remove a model");
        }
    }
    let s = cached_build(&project, &out);
    assert_eq!(s.verdicts_used, notices);
    assert!(
        s.models_loaded > 0 && s.models_loaded < notices,
        "{}",
        s.models_loaded
    );
    assert_matches_clean_build(&project, &out, dir.path());
}

/// A copy of the example project in a temporary folder: the folder and the project in it.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("project");
    copy_tree(&root().join("notices"), &project.join("notices"));
    std::fs::copy(root().join("hysbys.toml"), project.join("hysbys.toml")).expect("config");
    (dir, project)
}

#[test]
fn a_rebuild_after_one_edit_reuses_unchanged_pages_and_matches_a_clean_build() {
    let (dir, project) = example_copy();
    let out = project.join("output");
    build(&project, &out).expect("first build");

    // Edit one notice's English and Welsh title.
    prefix_title(&project, "notices/corporate.yaml", "Updated ");

    // Rebuilds stream, two notices at a time; the clean builds they are compared with
    // hold the whole project.
    let stats = stream_build(&project, &out, 2);
    let notices = 5;
    // Every other notice's two pages and JSON entry are reused; the edited one is not.
    assert_eq!(stats.reused, (notices - 1) * 3, "{stats:?}");
    // So are their parts of register.json, register.jsonld and both records of processing.
    assert_eq!(stats.parts_reused, (notices - 1) * 4, "{stats:?}");
    assert_matches_clean_build(&project, &out, dir.path());
    assert!(String::from_utf8_lossy(&tree(&out)["en/corporate/index.html"]).contains("Updated "));

    // A second edit, of a notice that now sits after a longer one: the parts are found at
    // the places the first rebuild recorded. This build starts from the tree of the first
    // build (kept beside the output), replacing what changed since; the tree it swaps out
    // is kept as it was, so nothing was written through a hard link into the live output.
    let prev = project.join(".output.hysbys-prev");
    assert!(
        prev.join(".hysbys-manifest").is_file(),
        "the old output is kept"
    );
    prefix_title(&project, "notices/housing/resettlement.yaml", "New ");
    let live = tree(&out);
    let stats = stream_build(&project, &out, 2);
    assert_eq!(stats.reused, (notices - 1) * 3, "{stats:?}");
    assert_eq!(stats.parts_reused, (notices - 1) * 4, "{stats:?}");
    // The large files were rewritten over those of the first build: at least the part
    // before the first edited notice was already in place.
    assert!(stats.bytes_in_place > 0, "{stats:?}");
    assert_matches_clean_build(&project, &out, dir.path());
    let mut kept = tree(&prev);
    assert_eq!(
        kept.remove(".gitignore").as_deref(),
        Some(&b"*\n"[..]),
        "the kept output is out of version control"
    );
    assert!(
        kept == live,
        "the swapped-out output changed during the build"
    );

    // A notice removed: its pages and entry go (the tree the build started from had them).
    std::fs::remove_file(project.join("notices/advice/money-advice.yaml")).expect("remove");
    stream_build(&project, &out, 2);
    assert_matches_clean_build(&project, &out, dir.path());
    assert!(
        !out.join("en/money-advice").exists() && !out.join("notices/money-advice.json").exists()
    );
    assert_matches_clean_build(&project, &out, dir.path());
    let left: Vec<_> = std::fs::read_dir(&project)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("hysbys-new"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // The first notice made longer and a later one removed, in one batch: the kept parts
    // after the first are copied to new places, and those on either side of the removed
    // one are not one run of bytes in the previous build's files.
    prefix_title(&project, "notices/advice/advice.yaml", "Longer ");
    std::fs::remove_file(project.join("notices/council-tax/council-tax-reduction.yaml"))
        .expect("remove");
    stream_build(&project, &out, 8);
    assert_matches_clean_build(&project, &out, dir.path());

    // A damaged manifest is no reason to fail: the parts it points at wrongly are not
    // reused (a wrong key) or not found (past the end), and are made again.
    let manifest = out.join(".hysbys-manifest");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let damaged: String = text
        .lines()
        .map(|l| match l.split('\t').collect::<Vec<_>>()[..] {
            [k, path, _, len] if path.starts_with("register.json#") => {
                format!("{k}\t{path}\t999999999999\t{len}\n")
            }
            [_, path, off, len] => format!("0000\t{path}\t{off}\t{len}\n"),
            _ => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&manifest, damaged).expect("write");
    let stats = stream_build(&project, &out, 2);
    assert_eq!(stats.parts_reused, 0, "{stats:?}");
    assert_matches_clean_build(&project, &out, dir.path());

    // A change to the organisation file changes every page: nothing is reused.
    let org = project.join("notices/_organisation.yaml");
    let text = std::fs::read_to_string(&org).expect("read");
    std::fs::write(&org, format!("{text}\n# a comment changes the inputs\n")).expect("write");
    let p = hysbys::build::prepare(&project, &opts()).expect("prepare");
    assert_eq!(hysbys::build::write(&p, &out).expect("rebuild").reused, 0);
}

/// The fast minifier gives `html-minifier`'s bytes on every page of the example and of the
/// fixtures, and takes its fast path on the example's pages (else it saves nothing).
#[test]
fn fast_minify_matches_html_minifier_on_every_page() {
    for (rel, must_be_fast) in [
        (".", true),
        ("tests/fixtures/full", false),
        ("tests/fixtures/hostile", false),
    ] {
        let p = hysbys::build::prepare(&root().join(rel), &opts()).expect("prepare");
        let theme = p.theme.as_ref().expect("theme");
        let mut site = hysbys::render::site::Site::new(&p.project, &p.i18n, theme, false);
        site.minify = false;
        let mut pages = vec![
            site.landing().expect("landing"),
            site.not_found().expect("404"),
        ];
        for n in &p.project.notices {
            for lang in Lang::ALL {
                pages.push(site.notice(n, lang).expect("render"));
            }
        }
        for lang in Lang::ALL {
            pages.push(site.index(lang).expect("index"));
        }
        for page in pages {
            let page = String::from_utf8(page).expect("utf-8");
            let expected = html_minifier::minify(&page).expect("html-minifier");
            assert!(
                hysbys::render::minify::minify(page.clone().into_bytes()) == expected.as_bytes(),
                "{rel}: the fast minifier differs from html-minifier"
            );
            if must_be_fast {
                assert!(
                    hysbys::render::minify::collapse(&page).is_some(),
                    "{rel}: a page of the example leaves the fast path"
                );
            }
        }
    }
}

/// The parse cache gives the same diagnostics and the same site as parsing, across edits of
/// a notice and of the organisation file, and it is really read.
#[test]
fn the_parse_cache_changes_nothing_but_the_time() {
    let (dir, project) = example_copy();
    let with = |cache: bool| hysbys::load::Options { cache, ..opts() };
    let diagnostics = |cache: bool| {
        let (p, d) = hysbys::check(&project, &with(cache)).expect("check");
        hysbys::diag::json::render(&d, &p.sources)
    };
    let cache_dir = project.join(".hysbys-cache");
    let entries = || {
        std::fs::read_dir(&cache_dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.file_name().is_some_and(|n| n.len() == 40))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    let parsed = diagnostics(false);
    assert!(entries().is_empty(), "--no-cache writes nothing");
    assert_eq!(diagnostics(true), parsed, "first run, filling the cache");
    let notices = hysbys::check(&project, &with(false))
        .expect("check")
        .0
        .notices
        .len();
    assert_eq!(entries().len(), notices, "one entry a notice");
    assert_eq!(diagnostics(true), parsed, "second run, from the cache");

    // A notice edited into an error, then back.
    let file = project.join("notices/corporate.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let broken = text.replacen("lawful_basis:", "lawful_basiss:", 1);
    assert_ne!(broken, text);
    std::fs::write(&file, &broken).expect("write");
    let errors = diagnostics(false);
    assert_ne!(errors, parsed);
    assert_eq!(diagnostics(true), errors);
    std::fs::write(&file, &text).expect("write");
    assert_eq!(diagnostics(true), parsed);

    // The organisation file changes how references resolve: every entry is made again.
    let org = project.join("notices/_organisation.yaml");
    let text = std::fs::read_to_string(&org).expect("read");
    std::fs::write(&org, format!("{text}\n# a comment\n")).expect("write");
    let before: Vec<_> = entries();
    assert_eq!(diagnostics(true), diagnostics(false));
    let after: Vec<_> = entries();
    assert!(
        before.iter().all(|e| !after.contains(e)),
        "old entries are removed"
    );

    // The site is the same with and without the cache.
    let build_with = |cache: bool, out: &Path| {
        let p = hysbys::build::prepare(&project, &with(cache)).expect("prepare");
        hysbys::build::write(&p, out).expect("build");
    };
    build_with(true, &dir.path().join("a"));
    build_with(false, &dir.path().join("b"));
    assert!(tree(&dir.path().join("a")) == tree(&dir.path().join("b")));

    // It is really read: give the original text the entry of an edited version, and the
    // page shows the edit.
    let file = project.join("notices/corporate.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let before = entries();
    std::fs::write(
        &file,
        text.replacen("title:\n  en: ", "title:\n  en: Cached ", 1),
    )
    .expect("write");
    diagnostics(true);
    let edited = entries()
        .into_iter()
        .find(|e| !before.contains(e))
        .expect("new entry");
    let edited = std::fs::read(edited).expect("read entry");
    std::fs::write(&file, &text).expect("write");
    let before = entries();
    diagnostics(true);
    let original = entries()
        .into_iter()
        .find(|e| !before.contains(e))
        .expect("entry");
    std::fs::write(&original, edited).expect("replace entry");
    build_with(true, &dir.path().join("c"));
    let page = tree(&dir.path().join("c"))["en/corporate/index.html"].clone();
    assert!(
        String::from_utf8_lossy(&page).contains("Cached "),
        "the entry was not read"
    );
}
