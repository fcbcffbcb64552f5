//! The built sites, tested in a real browser (issue "Tested in a real browser").
//!
//! Each test builds a project with the hysbys binary into a temporary folder, serves that
//! folder on 127.0.0.1 (an ephemeral port, loopback only) and runs
//! `node tests/browser/run.mjs <base-url> <report.json> <screenshot-dir> [<base_url>]`, which
//! drives Debian's /usr/bin/chromium headless through playwright-core and axe-core and writes
//! a JSON report; the assertions are here.
//!
//! * `example_site` (the project at the repository root) and `full_fixture`
//!   (tests/fixtures/full, every field of the format): on every page, in both languages,
//!   axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) finds nothing at 1280 and at 320 CSS px;
//!   no request leaves the site; no horizontal scrolling at 320 px; every notice page's
//!   language link leads to the same notice in the other language, whose `<html lang>` is
//!   the other language; every page is reachable from the landing page.
//! * `hostile_fixture` (tests/fixtures/hostile): no script runs (no dialog, no console
//!   message, no page error), no link has a javascript:/data:/vbscript: href, no active
//!   element (script, iframe, style, form, ...) or inline event handler is in the page, and
//!   no request leaves the site.
//!
//! Reports and full-page screenshots (an English and a Welsh notice, 1280 and 375 px wide) go
//! to target/browser-artifacts/<test>/.
//!
//! Needs /usr/bin/chromium (or CHROMIUM_PATH), node >= 20 and tests/browser/node_modules
//! installed from the lock file: `scripts/install-test-deps` installs them. When they are
//! missing the tests print how to install them and pass, except with CI=true, where they fail.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const TODAY: &str = "2026-11-23";
/// The path run.mjs requests to see the not-found page (served with status 404).
const MISSING_PATH: &str = "no-such-page-hysbys/";
/// Longest a run of run.mjs may take before it is killed.
const NODE_TIMEOUT: Duration = Duration::from_secs(240);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn browser_dir() -> PathBuf {
    repo().join("tests/browser")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn artifacts_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { repo().join(t) })
        .unwrap_or_else(|| repo().join("target"));
    target.join("browser-artifacts").join(name)
}

/// What is missing for the browser tests, if anything.
fn missing_prerequisites() -> Vec<String> {
    let mut missing = Vec::new();
    let chromium = chromium();
    if !chromium.is_file() {
        missing.push(format!(
            "{} (Debian packages chromium, chromium-driver)",
            chromium.display()
        ));
    }
    match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => {
            let v = String::from_utf8_lossy(&out.stdout);
            let major: u32 = v
                .trim()
                .trim_start_matches('v')
                .split('.')
                .next()
                .and_then(|m| m.parse().ok())
                .unwrap_or(0);
            if major < 20 {
                missing.push(format!("node >= 20 (found {})", v.trim()));
            }
        }
        _ => missing.push("node (Node.js >= 20 on PATH)".into()),
    }
    // node_modules must hold exactly the versions of the lock file.
    let lock: Value = match std::fs::read_to_string(browser_dir().join("package-lock.json")) {
        Ok(s) => serde_json::from_str(&s).expect("tests/browser/package-lock.json is not JSON"),
        Err(e) => panic!("tests/browser/package-lock.json: {e}"),
    };
    for pkg in ["playwright-core", "axe-core"] {
        let want = lock["packages"][format!("node_modules/{pkg}")]["version"]
            .as_str()
            .unwrap_or("?");
        let have = std::fs::read_to_string(
            browser_dir()
                .join("node_modules")
                .join(pkg)
                .join("package.json"),
        )
        .ok()
        .and_then(|s| serde_json::from_str::<Value>(&s).ok())
        .and_then(|v| v["version"].as_str().map(str::to_owned));
        match have {
            Some(h) if h == want => {}
            Some(h) => missing.push(format!(
                "tests/browser/node_modules/{pkg} {want} (found {h}: stale)"
            )),
            None => missing.push(format!("tests/browser/node_modules/{pkg} {want}")),
        }
    }
    missing
}

/// `true` if the browser tests can run; otherwise explains and, with CI=true, fails.
fn prerequisites_ok(test: &str) -> bool {
    let missing = missing_prerequisites();
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "browser test `{test}` needs: {}.\n  Install them with `./test` or `scripts/install-test-deps` (as root on Debian: \
         apt-get install chromium chromium-driver, then npm ci in tests/browser/).",
        missing.join("; ")
    );
    if std::env::var("CI").map(|v| v == "true").unwrap_or(false) {
        panic!("{msg}\n  CI=true: failing instead of skipping.");
    }
    eprintln!("SKIPPED: {msg}");
    false
}

/// Builds `project` into a new temporary folder and returns it with hysbys's standard error.
fn build(project: &Path) -> (tempfile::TempDir, String) {
    let out = tempfile::Builder::new()
        .prefix("hysbys-browser-")
        .tempdir()
        .unwrap();
    let site = out.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_hysbys"))
        .args(["build", "--today", TODAY, "--out"])
        .arg(&site)
        .arg("--root")
        .arg(project)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run hysbys");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        run.status.success(),
        "hysbys build --root {} failed ({}):\n{}",
        project.display(),
        run.status,
        tail(&stderr, 4000)
    );
    assert!(
        site.join("index.html").is_file(),
        "no index.html in {}",
        site.display()
    );
    (out, stderr)
}

fn tail(s: &str, n: usize) -> &str {
    let start = s.len().saturating_sub(n);
    let start = (start..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    &s[start..]
}

/// The project's configured `base_url`, with a final slash.
fn configured_base_url(project: &Path) -> Option<String> {
    let text = std::fs::read_to_string(project.join("hysbys.toml")).ok()?;
    let doc: toml::Table = toml::from_str(&text).ok()?;
    let url = doc.get("site")?.get("base_url")?.as_str()?;
    Some(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

/// Serves `root` under the URL path `mount` (e.g. `/privacy/`: the path of the project's
/// `base_url`, where the site is deployed) on 127.0.0.1 on an ephemeral port, one thread
/// per connection, for the rest of the test process. Directories answer with their
/// index.html (a path without its final slash is redirected), and a missing file with the
/// site's 404.html and status 404. Returns the site's URL.
fn serve(root: PathBuf, mount: &str) -> String {
    let mount = mount.to_owned();
    let prefix = mount.clone();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            let mount = mount.clone();
            thread::spawn(move || {
                let _ = handle(stream, &root, &mount);
            });
        }
    });
    format!("http://{addr}{prefix}")
}

fn handle(mut stream: TcpStream, root: &Path, mount: &str) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Skip the headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed\n",
            &[],
            false,
        );
    }
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    if format!("{path}/") == mount {
        return respond(
            &mut stream,
            "301 Moved Permanently",
            "text/plain",
            b"",
            &[("Location", mount)],
            true,
        );
    }
    let not_found =
        || std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"not found\n".to_vec());
    let Some(inside) = path.strip_prefix(mount) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            &not_found(),
            &[],
            method == "HEAD",
        );
    };
    let rel = Path::new(inside);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            b"bad path\n",
            &[],
            method == "HEAD",
        );
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        if !path.ends_with('/') {
            let location = format!("{path}/");
            return respond(
                &mut stream,
                "301 Moved Permanently",
                "text/plain",
                b"",
                &[("Location", &location)],
                true,
            );
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => respond(
            &mut stream,
            "200 OK",
            content_type(&file),
            &body,
            &[],
            method == "HEAD",
        ),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            &not_found(),
            &[],
            method == "HEAD",
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    headers: &[(&str, &str)],
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" | "jsonld" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Runs run.mjs against `base` and returns its report.
fn run_browser(name: &str, base: &str, site_url: Option<&str>) -> Value {
    let dir = artifacts_dir(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.json");
    let shots = dir.join("screenshots");
    let mut cmd = Command::new("node");
    cmd.arg(browser_dir().join("run.mjs"))
        .arg(base)
        .arg(&report)
        .arg(&shots);
    if let Some(s) = site_url {
        cmd.arg(s);
    }
    cmd.env("CHROMIUM_PATH", chromium())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd.spawn().expect("run node");
    // Drain both pipes in threads so that a chatty browser cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let t_err = thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > NODE_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{name}: run.mjs took longer than {NODE_TIMEOUT:?}; killed");
        }
        thread::sleep(Duration::from_millis(50));
    };
    let stdout = t_out.join().unwrap();
    let stderr = t_err.join().unwrap();
    eprintln!(
        "{name}: {} ({:.1} s)",
        stdout.trim(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        status.success(),
        "{name}: run.mjs failed ({status}):\n{}\n{}",
        stdout,
        tail(&stderr, 6000)
    );
    let text = std::fs::read_to_string(&report)
        .unwrap_or_else(|e| panic!("{name}: no report {}: {e}", report.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: report is not JSON: {e}"))
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// The page keys run.mjs uses (`""`, `en/`, `en/advice/`, `404.html`) of the output's HTML files.
fn html_pages(site: &Path) -> BTreeSet<String> {
    let mut pages = BTreeSet::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "html") {
                let rel = p
                    .strip_prefix(site)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                pages.insert(
                    rel.strip_suffix("index.html")
                        .map(str::to_owned)
                        .unwrap_or(rel),
                );
            }
        }
    }
    pages
}

fn describe_violations(list: &Value) -> Vec<String> {
    arr(list)
        .iter()
        .map(|v| {
            let nodes: Vec<String> = arr(&v["nodes"])
                .iter()
                .take(3)
                .map(|n| {
                    format!(
                        "{} {}",
                        n["target"],
                        s(&n["html"]).chars().take(160).collect::<String>()
                    )
                })
                .collect();
            format!(
                "{} ({}): {} [{} node(s): {}]",
                s(&v["id"]),
                s(&v["impact"]),
                s(&v["help"]),
                arr(&v["nodes"]).len(),
                nodes.join(" | ")
            )
        })
        .collect()
}

/// Checks that hold on every site, hostile or not. Returns the problems found.
fn common_problems(report: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for p in arr(&report["pages"]) {
        let path = format!("/{}", s(&p["path"]));
        let kind = s(&p["kind"]);
        let mut bad = |what: String| problems.push(format!("{path}: {what}"));
        if !p["error"].is_null() {
            bad(format!("browser error: {}", s(&p["error"])));
            continue;
        }
        let want_status = if kind == "missing" { 404 } else { 200 };
        if p["status"].as_u64() != Some(want_status) {
            bad(format!(
                "HTTP status {} (expected {want_status})",
                p["status"]
            ));
        }
        if !["en", "cy"].contains(&s(&p["lang"])) {
            bad(format!("<html lang> is {:?}", p["lang"]));
        }
        for r in arr(&p["external_requests"]) {
            bad(format!("request outside the site: {}", s(r)));
        }
        for d in arr(&p["dialogs"]) {
            bad(format!(
                "a script ran: {} dialog {:?}",
                s(&d["type"]),
                s(&d["message"])
            ));
        }
        for e in arr(&p["page_errors"]) {
            bad(format!("page error: {}", s(e)));
        }
        for c in arr(&p["console"]) {
            // The not-found page is requested on purpose: Chromium logs its 404 status.
            let expected_404 = kind == "missing" && s(&c["text"]).contains("status of 404");
            if !expected_404 {
                bad(format!("console {}: {}", s(&c["type"]), s(&c["text"])));
            }
        }
        for l in arr(&p["bad_links"]) {
            bad(format!("link with a dangerous scheme: {}", s(&l["html"])));
        }
        for u in arr(&p["bad_urls"]) {
            bad(format!(
                "{} with a dangerous scheme: {}",
                s(&u["attr"]),
                s(&u["html"])
            ));
        }
        for h in arr(&p["event_handlers"]) {
            bad(format!(
                "inline event handler {}: {}",
                s(&h["attr"]),
                s(&h["html"])
            ));
        }
        for a in arr(&p["active_elements"]) {
            bad(format!("active element: {}", s(a)));
        }
        for i in arr(&p["remote_images"]) {
            bad(format!("remote image: {}", s(i)));
        }
        for f in arr(&p["missing_fragments"]) {
            bad(format!("link to a missing fragment {}", s(f)));
        }
        if p["theme_css_applied"] != Value::Bool(true) {
            bad("the theme's stylesheet did not load".into());
        }
    }
    problems
}

/// Accessibility, language links, reachability and screenshots, for sites with real content.
fn content_problems(report: &Value, site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let pages = arr(&report["pages"]);
    for p in pages {
        let path = s(&p["path"]);
        for (width, key) in [("1280", "axe_violations"), ("320", "axe_mobile_violations")] {
            for v in describe_violations(&p[key]) {
                problems.push(format!("/{path}: axe at {width} px: {v}"));
            }
        }
        let width = p["narrow"]["scroll_width"].as_u64().unwrap_or(u64::MAX);
        if width > 320 {
            problems.push(format!(
                "/{path}: scrolls horizontally at 320 px: document is {width} px wide; widest: {}",
                p["narrow"]["offenders"]
            ));
        }
        let kind = s(&p["kind"]);
        if kind == "notice" || kind == "index" {
            let lang = s(&p["lang"]);
            let other = if lang == "en" { "cy" } else { "en" };
            let rest = path.split_once('/').map(|(_, r)| r).unwrap_or("");
            let want = format!("{other}/{rest}");
            let sw = &p["lang_switch"];
            if sw.is_null() {
                problems.push(format!(
                    "/{path}: no language link (header .lang-switch a[hreflang])"
                ));
                continue;
            }
            if !path.starts_with(&format!("{lang}/")) {
                problems.push(format!(
                    "/{path}: <html lang> {lang} does not match the page's language folder"
                ));
            }
            if s(&sw["target"]) != want {
                problems.push(format!(
                    "/{path}: the language link leads to /{} instead of /{want}",
                    s(&sw["target"])
                ));
            }
            if s(&sw["hreflang"]) != other {
                problems.push(format!(
                    "/{path}: the language link's hreflang is {:?}, expected {other}",
                    s(&sw["hreflang"])
                ));
            }
            if s(&sw["target_lang"]) != other {
                problems.push(format!(
                    "/{path}: after the language link, <html lang> is {:?}, expected {other}",
                    s(&sw["target_lang"])
                ));
            }
            if s(&sw["back"]) != path {
                problems.push(format!(
                    "/{path}: the other language's link leads back to /{} instead",
                    s(&sw["back"])
                ));
            }
        }
    }
    // Every page of the output is reachable from the landing page (plus 404.html).
    let crawled: BTreeSet<String> = pages
        .iter()
        .map(|p| s(&p["path"]).to_owned())
        .filter(|p| p != MISSING_PATH)
        .collect();
    let built = html_pages(site);
    for missing in built.difference(&crawled) {
        problems.push(format!(
            "/{missing}: built but not reachable by links from the landing page"
        ));
    }
    for extra in crawled.difference(&built) {
        problems.push(format!("/{extra}: linked but not built"));
    }
    let notices = |lang: &str| {
        pages
            .iter()
            .filter(|p| s(&p["kind"]) == "notice" && s(&p["path"]).starts_with(lang))
            .count()
    };
    if notices("en") == 0 || notices("en") != notices("cy") {
        problems.push(format!(
            "{} English and {} Welsh notice pages",
            notices("en"),
            notices("cy")
        ));
    }
    // Screenshots of an English and a Welsh notice, desktop and mobile.
    let shots = arr(&report["screenshots"]);
    for lang in ["en", "cy"] {
        for label in ["desktop", "mobile"] {
            let ok = shots.iter().any(|x| {
                s(&x["lang"]) == lang
                    && s(&x["label"]) == label
                    && std::fs::metadata(s(&x["file"]))
                        .map(|m| m.len() > 1000)
                        .unwrap_or(false)
            });
            if !ok {
                problems.push(format!("no {label} screenshot of a {lang} notice"));
            }
        }
    }
    problems
}

fn summary(name: &str, report: &Value) {
    let pages = arr(&report["pages"]);
    let requests: usize = pages.iter().map(|p| arr(&p["requests"]).len()).sum();
    let via_base: usize = pages.iter().map(|p| arr(&p["site_requests"]).len()).sum();
    eprintln!(
        "{name}: {} pages, {requests} requests ({via_base} to the configured base_url, served locally), chromium {}, axe-core {}, {} ms in the browser; artefacts in {}",
        pages.len(),
        s(&report["browser_version"]),
        s(&report["axe_version"]),
        report["timings_ms"]["total"],
        artifacts_dir(name).display()
    );
}

fn check_site(name: &str, project: &Path, content: bool) -> (Value, String) {
    let (out, stderr) = build(project);
    let site = out.path().join("site");
    let site_url = configured_base_url(project);
    // Serve the site at the path it is deployed at: pages that must work at any depth
    // (404.html) use root-relative links built from base_url's path.
    let mount = site_url
        .as_deref()
        .and_then(|u| u.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
        .unwrap_or_else(|| "/".to_owned());
    let base = serve(site.clone(), &mount);
    let report = run_browser(name, &base, site_url.as_deref());
    summary(name, &report);
    let mut problems = common_problems(&report);
    if content {
        problems.extend(content_problems(&report, &site));
    }
    assert!(
        problems.is_empty(),
        "{name}: {} problem(s) in the browser (report: {}):\n  {}",
        problems.len(),
        artifacts_dir(name).join("report.json").display(),
        problems.join("\n  ")
    );
    (report, stderr)
}

#[test]
fn example_site() {
    if !prerequisites_ok("example_site") {
        return;
    }
    check_site("example", &repo(), true);
}

#[test]
fn full_fixture() {
    if !prerequisites_ok("full_fixture") {
        return;
    }
    check_site("full", &repo().join("tests/fixtures/full"), true);
}

#[test]
fn hostile_fixture() {
    if !prerequisites_ok("hostile_fixture") {
        return;
    }
    let (report, stderr) = check_site("hostile", &repo().join("tests/fixtures/hostile"), false);
    assert!(
        stderr.contains("unsafe-markdown"),
        "the hostile fixture no longer triggers unsafe-markdown:\n{}",
        tail(&stderr, 2000)
    );
    let pages = arr(&report["pages"]);
    let notices: Vec<&Value> = pages.iter().filter(|p| s(&p["kind"]) == "notice").collect();
    assert_eq!(notices.len(), 2, "the hostile notice in both languages");
    for p in notices {
        assert_eq!(
            p["shows_literal_script_tag"],
            Value::Bool(true),
            "/{}: raw HTML must be shown as text, but no literal <script> is on the page",
            s(&p["path"])
        );
    }
}
