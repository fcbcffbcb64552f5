//! `hysbys serve`: a live preview on loopback. The project is kept in memory and pages are
//! rendered on request (and cached), so an edit to one notice re-reads only that file,
//! re-runs the checks and drops only the cached pages that depend on it; open pages reload
//! through server-sent events. Errors show as an overlay, in the same words as `check`, while
//! the last good build stays served. Nothing touches `output/`, and no file is served from
//! disk, so a request can never reach outside the site.

use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::build::{self, Prepared};
use crate::diag::{self, Diagnostic, Severity};
use crate::emit::writer::Sink;
use crate::load::{self, resolve};
use crate::model::FileId;
use crate::model::Lang;
use crate::render::site::Site;
use crate::render::view::html_escape;

/// What the server shows.
pub struct State {
    /// The newest load of the project (may have errors).
    pub current: Arc<Prepared>,
    /// The newest load without errors: what pages are rendered from.
    pub good: Option<Arc<Prepared>>,
    /// Rendered files by path under the site root.
    cache: HashMap<String, Arc<Vec<u8>>>,
    /// Bumped on every rebuild; sent with each reload event.
    pub generation: u64,
    /// The rules' diagnostics (before `[lints]` levels), by notice file, so an edit re-runs
    /// the rules on the edited notice only.
    rule_diags: HashMap<FileId, Vec<Diagnostic>>,
    /// The rules' diagnostics about the project as a whole (the organisation file,
    /// catalogue entries no notice uses): cheap, re-run on every edit.
    project_diags: Vec<Diagnostic>,
}

/// The project with only `notices`: the view the rules see when one notice changed.
fn view(project: &crate::Project, notices: Vec<Arc<crate::model::Notice>>) -> crate::Project {
    let mut v = project.clone_without_notices();
    v.sources = project.sources.clone();
    v.lock = project.lock.clone();
    v.notices = notices;
    v
}

/// Run the rules on a project view and return their diagnostics (levels not yet applied).
fn rules(project: &crate::Project) -> Vec<Diagnostic> {
    let mut v = Vec::new();
    crate::rules::check(project, &mut v);
    v
}

/// Split the rules' diagnostics of a whole project into per-notice and project-wide ones.
fn partition(p: &Prepared) -> (HashMap<FileId, Vec<Diagnostic>>, Vec<Diagnostic>) {
    let project_diags = rules(&view(&p.project, Vec::new()));
    let notice_files: std::collections::HashSet<FileId> =
        p.project.notices.iter().map(|n| n.file).collect();
    let mut by_file: HashMap<FileId, Vec<Diagnostic>> = HashMap::new();
    for d in rules(&p.project) {
        if notice_files.contains(&d.file) {
            by_file.entry(d.file).or_default().push(d);
        }
    }
    (by_file, project_diags)
}

/// In-memory sink for the machine-readable outputs.
struct MemorySink(Mutex<HashMap<String, Arc<Vec<u8>>>>);

impl Sink for MemorySink {
    fn put(&self, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
        if let Ok(mut m) = self.0.lock() {
            m.insert(rel.to_owned(), Arc::new(bytes.to_vec()));
        }
        Ok(())
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Percent-decode a URL path and turn it into a site path, or `None` for anything that
/// tries to leave the site (`..`, encoded slashes or backslashes, NUL, absolute paths).
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            let b = u8::from_str_radix(hex, 16).ok()?;
            // An encoded slash or backslash is never a path separator here.
            if b == b'/' || b == b'\\' || b == 0 {
                return None;
            }
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    if !decoded.starts_with('/') || decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if decoded.ends_with('/') || rel.is_empty() {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

impl State {
    pub fn new(current: Prepared) -> State {
        let (rule_diags, project_diags) = partition(&current);
        let mut s = State {
            current: Arc::new(current),
            good: None,
            cache: HashMap::new(),
            generation: 0,
            rule_diags,
            project_diags,
        };
        s.promote();
        s
    }

    /// After a reload: if the current load is clean, it becomes the one pages come from.
    fn promote(&mut self) {
        self.generation += 1;
        if !self.current.has_errors() {
            self.good = Some(self.current.clone());
        }
    }

    /// Render (or fetch from the cache) the file at `rel`.
    pub fn get(&mut self, rel: &str) -> Option<Arc<Vec<u8>>> {
        if let Some(b) = self.cache.get(rel) {
            return Some(b.clone());
        }
        let good = self.good.clone()?;
        let theme = good.theme.as_ref()?;
        let site = Site::new(&good.project, &good.i18n, theme, true);
        let langs = &good.project.config.languages;
        let multi = langs.len() > 1;
        let parts: Vec<&str> = rel.split('/').collect();
        let bytes = match parts.as_slice() {
            ["index.html"] if multi => site.landing().ok(),
            ["index.html"] => site.index(good.project.config.primary()).ok(),
            ["404.html"] => site.not_found().ok(),
            ["sitemap.xml"] => site.sitemap(),
            [lang, "index.html"] if multi => Lang::from_code(lang)
                .filter(|l| langs.contains(l))
                .and_then(|l| site.index(l).ok()),
            [lang, id, "index.html"] => {
                let l = Lang::from_code(lang).filter(|l| langs.contains(l))?;
                let n = good.project.notices.iter().find(|n| n.id == *id)?;
                site.notice(n, l).ok()
            }
            ["assets", ..] => theme.assets.get(rel).cloned(),
            _ => {
                // The machine-readable outputs: rendered together on first request.
                let sink = MemorySink(Mutex::new(HashMap::new()));
                crate::emit::machine_outputs(&good.project, &good.i18n, &sink).ok()?;
                let files = sink.0.into_inner().ok()?;
                let wanted = files.get(rel).cloned();
                self.cache.extend(files);
                return wanted;
            }
        }?;
        let arc = Arc::new(bytes);
        self.cache.insert(rel.to_owned(), arc.clone());
        Some(arc)
    }

    /// The error overlay, in the language of the page asked for.
    pub fn overlay(&self, lang: Lang) -> Vec<u8> {
        let i18n = &self.current.i18n;
        let errors: Vec<_> = self
            .current
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        let text = diag::human::render(&errors, &self.current.project.sources, false);
        let count = diag::count(&errors).errors as i64;
        let title = i18n.fmt(
            lang,
            "overlay-title",
            &[("count", fluent_bundle::FluentValue::from(count))],
        );
        let intro = i18n.msg(
            lang,
            if self.good.is_some() {
                "overlay-intro"
            } else {
                "overlay-intro-none"
            },
        );
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>body{{font-family:system-ui,sans-serif;margin:0;background:#fff;color:#1b1b1b}}main{{max-width:60rem;margin:0 auto;padding:1rem}}h1{{color:#b10e1e}}pre{{background:#f3f2f1;padding:1rem;overflow-x:auto;white-space:pre-wrap;font-size:0.95rem}}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p>{}</p>\n<pre>{}</pre>\n</main>\n<script src=\"/__hysbys/livereload.js\"></script>\n</body>\n</html>\n",
            lang.code(),
            html_escape(&title),
            html_escape(&title),
            html_escape(&intro),
            html_escape(&text)
        )
        .into_bytes()
    }

    /// Re-read after a change to `paths`. A change to one notice re-reads only that file;
    /// anything else (organisation, config, theme, locales) reloads the whole project.
    pub fn reload(
        &mut self,
        root: &Path,
        paths: &[PathBuf],
        opts: &load::Options,
    ) -> Result<(), load::LoadError> {
        let notice_ids: Vec<Option<String>> =
            paths.iter().map(|p| load::notice_id_of(root, p)).collect();
        let only_notices = !paths.is_empty() && notice_ids.iter().all(Option::is_some);
        if only_notices && self.reload_notices(root, paths, opts) {
            for id in notice_ids.into_iter().flatten() {
                self.invalidate_notice(&id);
            }
        } else {
            let p = build::prepare(root, opts)?;
            (self.rule_diags, self.project_diags) = partition(&p);
            self.current = Arc::new(p);
            self.cache.clear();
        }
        self.promote();
        Ok(())
    }

    fn invalidate_notice(&mut self, id: &str) {
        // That notice's pages, the index pages, the landing page, the sitemap and the
        // machine-readable outputs (they list every notice).
        self.cache.retain(|k, _| {
            let parts: Vec<&str> = k.split('/').collect();
            match parts.as_slice() {
                [_, nid, "index.html"] => *nid != id,
                ["assets", ..] | ["404.html"] => true,
                _ => false,
            }
        });
    }

    /// Reload single notices in place; false when that is not possible (a new file whose
    /// id clashes, say), so the caller reloads everything.
    fn reload_notices(&mut self, root: &Path, paths: &[PathBuf], opts: &load::Options) -> bool {
        let mut next: Prepared = (*self.current).clone();
        let p = &mut next;
        let langs = p.project.config.languages.clone();
        let mut changed: Vec<Arc<crate::model::Notice>> = Vec::new();
        for path in paths {
            let Some(id) = load::notice_id_of(root, path) else {
                return false;
            };
            let old = p
                .project
                .notices
                .binary_search_by(|n| n.id.as_str().cmp(&id))
                .ok();
            let old_file = old.map(|i| p.project.notices[i].file);
            if let Some(f) = old_file {
                p.load_diags.retain(|d| d.file != f);
                self.rule_diags.remove(&f);
            }
            if !path.exists() {
                // Deleted: drop it (a rename shows as a delete plus a create).
                if let Some(i) = old {
                    p.project.notices.remove(i);
                }
                continue;
            }
            if old.is_none() {
                return false;
            }
            let rel = path
                .strip_prefix(root)
                .map(|r| {
                    r.components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_default();
            if old_file.is_some_and(|f| p.project.sources.path(f) != rel) {
                return false;
            }
            let file = p.project.sources.add(rel, String::new());
            let (text, raw, local) = load::read_notice(path, &id, file, &langs);
            p.project.sources.set_text(file, text);
            let mut diags = local;
            let mut used = resolve::Used::new(p.project.org.as_ref());
            if let Some(i) = old {
                p.project.notices.remove(i);
            }
            if let Some(raw) = raw {
                let n = Arc::new(resolve::notice(
                    raw,
                    p.project.org.as_ref(),
                    &mut diags,
                    &mut used,
                ));
                let at = p.project.notices.partition_point(|x| x.id < n.id);
                p.project.notices.insert(at, n.clone());
                changed.push(n);
            }
            p.load_diags.extend(diags);
        }
        p.project.used = resolve::Used::recompute(p.project.org.as_ref(), &p.project.notices);
        p.project.today = opts.today.unwrap_or_else(crate::today);
        // The rules on the changed notices only, and the project-wide ones again (they read
        // which catalogue entries are used).
        for n in &changed {
            let found = rules(&view(&p.project, vec![n.clone()]));
            self.rule_diags.insert(
                n.file,
                found.into_iter().filter(|d| d.file == n.file).collect(),
            );
        }
        self.project_diags = rules(&view(&p.project, Vec::new()));
        let mut all = p.load_diags.clone();
        all.extend(self.project_diags.iter().cloned());
        for v in self.rule_diags.values() {
            all.extend(v.iter().cloned());
        }
        crate::rules::finish(&p.project, &mut all);
        p.diagnostics = all;
        self.current = Arc::new(next);
        true
    }
}

/// The server's shared state and the channels to the reload-event clients.
pub struct Server {
    pub state: RwLock<State>,
    clients: Mutex<Vec<Sender<u64>>>,
    pub root: PathBuf,
    pub opts: load::Options,
}

const LIVERELOAD_JS: &str = "(function(){var s=new EventSource('/__hysbys/events');s.addEventListener('reload',function(){location.reload();});})();\n";

impl Server {
    pub fn new(root: PathBuf, opts: load::Options) -> Result<Server, load::LoadError> {
        let p = build::prepare(&root, &opts)?;
        Ok(Server {
            state: RwLock::new(State::new(p)),
            clients: Mutex::new(Vec::new()),
            root,
            opts,
        })
    }

    /// Rebuild after changes and tell every open page; returns the time it took.
    pub fn rebuild(&self, paths: &[PathBuf]) -> Duration {
        let started = Instant::now();
        let generation = match self.state.write() {
            Ok(mut s) => {
                if let Err(e) = s.reload(&self.root, paths, &self.opts) {
                    eprintln!("error: {e}");
                }
                let d = &s.current.diagnostics;
                let c = diag::count(d);
                let errors: Vec<_> = d
                    .iter()
                    .filter(|x| x.severity == Severity::Error)
                    .cloned()
                    .collect();
                if c.errors > 0 {
                    eprint!(
                        "{}",
                        diag::human::render(&errors, &s.current.project.sources, false)
                    );
                }
                eprintln!(
                    "     Rebuilt in {:.1} ms: {}",
                    started.elapsed().as_secs_f64() * 1000.0,
                    diag::human::summary(s.current.project.notices.len(), c.errors, c.warnings)
                );
                s.generation
            }
            Err(_) => return started.elapsed(),
        };
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|tx| tx.send(generation).is_ok());
        }
        started.elapsed()
    }

    /// Subscribe to reload events (for tests and the SSE endpoint).
    pub fn subscribe(&self) -> Receiver<u64> {
        let (tx, rx) = channel();
        if let Ok(mut c) = self.clients.lock() {
            c.push(tx);
        }
        rx
    }

    /// Answer one request.
    pub fn handle(self: &Arc<Self>, req: tiny_http::Request) {
        let url = req.url().to_owned();
        if url == "/__hysbys/livereload.js" {
            let _ = req.respond(response(
                200,
                "text/javascript; charset=utf-8",
                LIVERELOAD_JS.as_bytes().to_vec(),
            ));
            return;
        }
        if url == "/__hysbys/events" {
            let rx = self.subscribe();
            let mut w = req.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n: hysbys\n\n";
            if w.write_all(head.as_bytes())
                .and_then(|()| w.flush())
                .is_err()
            {
                return;
            }
            loop {
                match rx.recv_timeout(Duration::from_secs(15)) {
                    Ok(g) => {
                        if w.write_all(format!("event: reload\ndata: {g}\n\n").as_bytes())
                            .and_then(|()| w.flush())
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        if w.write_all(b": keep-alive\n\n")
                            .and_then(|()| w.flush())
                            .is_err()
                        {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            }
        }
        let Some(rel) = site_path(&url) else {
            let _ = req.respond(self.not_found());
            return;
        };
        let lang = rel
            .split('/')
            .next()
            .and_then(Lang::from_code)
            .unwrap_or(Lang::En);
        let Ok(mut s) = self.state.write() else {
            let _ = req.respond(response(500, "text/plain", b"state poisoned".to_vec()));
            return;
        };
        let has_errors = s.current.has_errors();
        let html = rel.ends_with(".html");
        if has_errors && html {
            let page = s.overlay(lang);
            drop(s);
            let _ = req.respond(response(200, "text/html; charset=utf-8", page));
            return;
        }
        let found = s.get(&rel).or_else(|| {
            // `/en/advice` without the slash.
            if rel.contains('.') {
                None
            } else {
                s.get(&format!("{rel}/index.html"))
            }
        });
        drop(s);
        match found {
            Some(bytes) => {
                let _ = req.respond(response(200, content_type(&rel), bytes.to_vec()));
            }
            None => {
                let _ = req.respond(self.not_found());
            }
        }
    }

    fn not_found(&self) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let body = self
            .state
            .write()
            .ok()
            .and_then(|mut s| s.get("404.html"))
            .map_or_else(|| b"Not found".to_vec(), |b| b.to_vec());
        response(404, "text/html; charset=utf-8", body)
    }
}

fn response(
    status: u16,
    ctype: &str,
    body: Vec<u8>,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut r = tiny_http::Response::from_data(body).with_status_code(status);
    if let Ok(h) = tiny_http::Header::from_bytes(&b"Content-Type"[..], ctype.as_bytes()) {
        r.add_header(h);
    }
    if let Ok(h) = tiny_http::Header::from_bytes(&b"Cache-Control"[..], &b"no-store"[..]) {
        r.add_header(h);
    }
    r
}

/// Start the HTTP server on `addr`; requests are answered on their own threads.
pub fn listen(server: Arc<Server>, addr: SocketAddr) -> Result<Arc<tiny_http::Server>, String> {
    let http = tiny_http::Server::http(addr).map_err(|e| {
        if e.to_string().contains("in use") {
            format!(
                "port {} is already in use: pass --port with another number",
                addr.port()
            )
        } else {
            format!("cannot listen on {addr}: {e}")
        }
    })?;
    let http = Arc::new(http);
    let h = http.clone();
    std::thread::spawn(move || {
        for req in h.incoming_requests() {
            let s = server.clone();
            std::thread::spawn(move || s.handle(req));
        }
    });
    Ok(http)
}

/// How long the watcher waits for more events after one (an editor's save is several).
const QUIET_MS: u64 = 20;

/// Watch the project's sources and rebuild on change. Events are gathered until 20 ms
/// pass without a new one, so an editor's save-rename-write counts once; reads (inotify's
/// open and access events, which a rebuild itself causes) are ignored. Blocks.
pub fn watch(server: Arc<Server>) -> Result<(), String> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let (tx, rx) = channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| e.to_string())?;
    let root = server.root.clone();
    for p in ["notices", "themes", "locales"] {
        let path = root.join(p);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| e.to_string())?;
        }
    }
    // The root, not recursively, so hysbys.toml being created or replaced is seen.
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| e.to_string())?;
    let config = root.join("hysbys.toml");
    let relevant = |p: &Path| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ours = p.starts_with(root.join("notices"))
            || p.starts_with(root.join("themes"))
            || p.starts_with(root.join("locales"))
            || p == config;
        // Under notices/, only YAML files (and folders) matter: an editor's swap and backup
        // files would otherwise cost a full reload.
        let notice_file_or_folder = !p.starts_with(root.join("notices"))
            || p.extension().is_none_or(|e| e == "yaml" || e == "yml");
        ours && notice_file_or_folder
            && !name.starts_with('.')
            && !name.ends_with('~')
            && !name.ends_with(".swp")
    };
    let changed = |ev: notify::Result<notify::Event>| -> Vec<PathBuf> {
        match ev {
            Ok(e) if !matches!(e.kind, EventKind::Access(_)) => {
                e.paths.into_iter().filter(|p| relevant(p)).collect()
            }
            _ => Vec::new(),
        }
    };
    while let Ok(first) = rx.recv() {
        let mut paths = changed(first);
        if paths.is_empty() {
            continue;
        }
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(QUIET_MS)) {
            paths.extend(changed(more));
        }
        paths.sort();
        paths.dedup();
        server.rebuild(&paths);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/en/%2F..%2Fx",
            "/a%5cb",
            "relative",
            "/%00",
            "/en/../../x",
            "/%zz",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/en/advice/").as_deref(),
            Some("en/advice/index.html")
        );
        assert_eq!(
            site_path("/assets/style.css?v=1").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(
            site_path("/cy/gw%C5%B5yl/").as_deref(),
            Some("cy/gwŵyl/index.html")
        );
    }
}
