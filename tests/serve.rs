//! `hysbys serve` over real HTTP on a free loopback port: the page served is the page
//! `build` writes (plus the reload script), an edit sends a reload event and new content, a
//! broken file shows the overlay and a fix clears it, and traversal attempts get 404.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use hysbys::model::{Date, Lang};

fn copy_example(to: &Path) {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for e in walkdir::WalkDir::new(from.join("notices"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(&from).unwrap_or(e.path());
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
    std::fs::copy(from.join("hysbys.toml"), to.join("hysbys.toml")).expect("config");
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let mut r = agent
        .get(&format!("http://{addr}{path}"))
        .call()
        .expect("request");
    let status = r.status().as_u16();
    (status, r.body_mut().read_to_string().unwrap_or_default())
}

/// A raw request, so the path reaches the server exactly as written.
fn raw_get(addr: SocketAddr, path: &str) -> u16 {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut buf = String::new();
    let _ = s.read_to_string(&mut buf);
    buf.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

fn start(root: &Path) -> (Arc<hysbys::serve::Server>, SocketAddr) {
    let opts = hysbys::load::Options {
        cache: false,
        today: Some(Date::constant(2026, 11, 23)),
    };
    let server = Arc::new(hysbys::serve::Server::new(root.to_path_buf(), opts).expect("load"));
    let http = hysbys::serve::listen(server.clone(), "127.0.0.1:0".parse().expect("addr"))
        .expect("listen");
    let addr = http.server_addr().to_ip().expect("ip");
    let w = server.clone();
    std::thread::spawn(move || hysbys::serve::watch(w));
    // Give the watcher a moment to register its inotify watches.
    std::thread::sleep(Duration::from_millis(300));
    (server, addr)
}

fn wait_reload(rx: &std::sync::mpsc::Receiver<u64>) -> u64 {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("a reload event after the edit")
}

#[test]
fn serve_matches_build_reloads_and_shows_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_example(dir.path());
    let (server, addr) = start(dir.path());

    // The page served is the page `build` renders, plus the reload script.
    let p = hysbys::build::prepare(
        dir.path(),
        &hysbys::load::Options {
            cache: false,
            today: Some(Date::constant(2026, 11, 23)),
        },
    )
    .expect("prepare");
    let site = hysbys::render::site::Site::new(
        &p.project,
        &p.i18n,
        p.theme.as_deref().expect("theme"),
        false,
    );
    let n = p
        .project
        .notices
        .iter()
        .find(|n| n.id == "advice")
        .expect("advice");
    let built = String::from_utf8(site.notice(n, Lang::Cy).expect("render")).expect("utf-8");
    let (status, served) = get(addr, "/cy/advice/");
    assert_eq!(status, 200);
    assert!(
        served.contains("/__hysbys/livereload.js"),
        "reload script injected in serve mode"
    );
    assert!(!built.contains("livereload"), "never in build output");
    let without_script = served.replace("<script src=\"/__hysbys/livereload.js\"></script>", "");
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (a, b) = (squash(&without_script), squash(&built));
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    assert!(
        a == b,
        "served page differs from the built page at byte {at}: {:?} vs {:?}",
        a.get(at.saturating_sub(40)..(at + 80).min(a.len())),
        b.get(at.saturating_sub(40)..(at + 80).min(b.len()))
    );
    for path in [
        "/",
        "/en/",
        "/cy/index.html",
        "/assets/style.css",
        "/register.json",
        "/sitemap.xml",
    ] {
        assert_eq!(get(addr, path).0, 200, "{path}");
    }

    // An edit: a reload event, and the new text.
    let rx = server.subscribe();
    let file = dir.path().join("notices/advice/advice.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let first_title = text
        .lines()
        .find(|l| l.trim_start().starts_with("cy:"))
        .expect("a cy line")
        .to_owned();
    let edited = text.replacen(&first_title, "  cy: Teitl newydd sbon", 1);
    std::fs::write(&file, &edited).expect("write");
    wait_reload(&rx);
    let (_, page) = get(addr, "/cy/advice/");
    assert!(page.contains("Teitl newydd sbon"), "the edit shows");

    // A broken file: the overlay, in the page's language, in the words of `check`.
    std::fs::write(&file, edited.replacen("updated:", "updatd:", 1)).expect("write");
    wait_reload(&rx);
    let (status, overlay) = get(addr, "/cy/advice/");
    assert_eq!(status, 200);
    assert!(
        overlay.contains("<html lang=\"cy\">") && overlay.contains("Daeth hysbys o hyd i"),
        "Welsh overlay"
    );
    assert!(
        overlay.contains("notices/advice/advice.yaml:"),
        "file:line:column"
    );
    assert!(
        overlay.contains("unknown-field") && overlay.contains("did you mean `updated`?"),
        "the words of check"
    );
    let (_, overlay_en) = get(addr, "/en/advice/");
    assert!(
        overlay_en.contains("hysbys found"),
        "English overlay on English pages"
    );

    // The fix clears it.
    std::fs::write(&file, &edited).expect("write");
    wait_reload(&rx);
    let (_, page) = get(addr, "/cy/advice/");
    assert!(page.contains("Teitl newydd sbon") && !page.contains("Daeth hysbys o hyd i"));

    // Paths outside the site get 404, never a file.
    for bad in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/en/%2F..%2F..%2Fetc%2Fpasswd",
        "/..%5c..%5cetc%5cpasswd",
        "/notices/advice/advice.yaml",
        "/hysbys.toml",
    ] {
        assert_eq!(raw_get(addr, bad), 404, "{bad}");
    }
}
