//! Measure `hysbys serve`'s edit-to-reload latency, in process.
//!
//! ```text
//! cargo run --release --example serve_latency -- PROJECT_DIR [ROUNDS]
//! ```
//!
//! Starts `hysbys::serve::Server` on the project (no HTTP listener: the reload channel is
//! what the SSE endpoint forwards to open pages), runs `serve::watch` in a thread, and
//! waits until the watcher sees a change. Then, ROUNDS times (default 20), it toggles one
//! word in the summary of one notice ("explains" ⇄ "describes") and measures
//!
//! * reload: from just before the write to the receipt of the reload event. This includes
//!   the watcher's 50 ms quiet period (see `serve::watch`), so 50 ms is the floor;
//! * page: rendering that notice's English page afterwards (the cache was dropped, so this
//!   is what the browser's reload waits for, minus HTTP).
//!
//! It prints min/median/p95/max of each in ms, and restores the file. `--today` is pinned
//! to 2026-11-23 so `review-overdue` does not depend on the day the benchmark runs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hysbys::serve::{self, Server};

const TODAY: &str = "2026-11-23";

/// The first notice file in bytewise path order (what the loader reads first).
fn first_notice(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if let Some(f) = first_notice(&p) {
                return Some(f);
            }
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            return Some(p);
        }
    }
    None
}

/// The file's text with its first "explains" or "describes" (in the summary, in the
/// generated estates and the example project) swapped for the other.
fn toggled(text: &str) -> Option<String> {
    let at = |w: &'static str| text.find(w).map(|i| (i, w));
    let (i, w) = match (at("explains"), at("describes")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let other = if w == "explains" {
        "describes"
    } else {
        "explains"
    };
    Some(format!("{}{other}{}", &text[..i], &text[i + w.len()..]))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// min, median, p95 (nearest rank), max
fn stats(v: &mut [f64]) -> (f64, f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    let p95 = v[((0.95 * n as f64).ceil() as usize).clamp(1, n) - 1];
    (v[0], median, p95, v[n - 1])
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: serve_latency PROJECT_DIR [ROUNDS]";
    let Some(root) = args.first().map(PathBuf::from) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let rounds: usize = match args.get(1).map(|s| s.parse()) {
        None => 20,
        Some(Ok(n)) if n > 0 => n,
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let root = match root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("serve_latency: {}: {e}", root.display());
            return ExitCode::from(2);
        }
    };
    let Some(file) = first_notice(&root.join("notices")) else {
        eprintln!("serve_latency: no notice under {}/notices", root.display());
        return ExitCode::from(2);
    };
    let original = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("serve_latency: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    if toggled(&original).is_none() {
        eprintln!(
            "serve_latency: {} has neither `explains` nor `describes` to toggle",
            file.display()
        );
        return ExitCode::from(2);
    }
    let id = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let page = format!("en/{id}/index.html");

    let opts = hysbys::load::Options {
        cache: false,
        today: TODAY.parse().ok(),
    };
    let started = Instant::now();
    let server = match Server::new(root.clone(), opts) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("serve_latency: {e}");
            return ExitCode::from(1);
        }
    };
    let load = started.elapsed();
    let notices = server
        .state
        .read()
        .map(|s| s.current.project.notices.len())
        .unwrap_or(0);
    let rx = server.subscribe();
    let watcher = server.clone();
    std::thread::spawn(move || {
        if let Err(e) = serve::watch(watcher) {
            eprintln!("serve_latency: watch: {e}");
        }
    });

    // Render the page once so that the first round is not the first render.
    let render = |server: &Server| -> Option<Duration> {
        let t = Instant::now();
        let mut s = server.state.write().ok()?;
        s.get(&page)?;
        Some(t.elapsed())
    };
    if render(&server).is_none() {
        eprintln!("serve_latency: the server cannot render {page} (does the project have errors?)");
        return ExitCode::from(1);
    }

    // Ready: the watcher is set up once an edit produces a reload event.
    let mut text = original.clone();
    let ready_by = Instant::now() + Duration::from_secs(60);
    loop {
        text = toggled(&text).unwrap_or_default();
        if let Err(e) = std::fs::write(&file, &text) {
            eprintln!("serve_latency: {}: {e}", file.display());
            return ExitCode::from(1);
        }
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(_) => break,
            Err(RecvTimeoutError::Timeout) if Instant::now() < ready_by => continue,
            Err(_) => {
                eprintln!("serve_latency: the watcher never reported a change");
                let _ = std::fs::write(&file, &original);
                return ExitCode::from(1);
            }
        }
    }
    let settle = || {
        std::thread::sleep(Duration::from_millis(150));
        while rx.try_recv().is_ok() {}
    };
    settle();

    let mut reload = Vec::with_capacity(rounds);
    let mut render_ms = Vec::with_capacity(rounds);
    let mut failed = None;
    for round in 0..rounds {
        text = toggled(&text).unwrap_or_default();
        let t0 = Instant::now();
        if let Err(e) = std::fs::write(&file, &text) {
            failed = Some(format!("{}: {e}", file.display()));
            break;
        }
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(_) => reload.push(ms(t0.elapsed())),
            Err(_) => {
                failed = Some(format!("no reload event in round {}", round + 1));
                break;
            }
        }
        match render(&server) {
            Some(d) => render_ms.push(ms(d)),
            None => {
                failed = Some(format!("cannot render {page} after round {}", round + 1));
                break;
            }
        }
        settle();
    }
    let _ = std::fs::write(&file, &original);
    if let Some(f) = failed {
        eprintln!("serve_latency: {f}");
        return ExitCode::from(1);
    }

    let rel = file
        .strip_prefix(&root)
        .unwrap_or(&file)
        .display()
        .to_string();
    println!(
        "serve_latency: {notices} notices, initial load {:.2} s, {rounds} edits of {rel}",
        load.as_secs_f64()
    );
    let (a, b, c, d) = stats(&mut reload);
    println!("reload ms: min {a:.1} median {b:.1} p95 {c:.1} max {d:.1}");
    let (a, b, c, d) = stats(&mut render_ms);
    println!("page ms: min {a:.1} median {b:.1} p95 {c:.1} max {d:.1}");
    ExitCode::SUCCESS
}
