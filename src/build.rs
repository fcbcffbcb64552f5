//! `hysbys build`: load → check → render → emit. Every check runs first and prints the
//! same diagnostics as `check`; with errors nothing is written and the previous output is
//! left as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Severity};
use crate::emit::writer::{Sink, Stats, Writer};
use crate::i18n::I18n;
use crate::load::{self, LoadError};
use crate::render::site::{self, Site, Theme};
use crate::Project;

/// A project ready to render: loaded, checked, with its Fluent bundles and theme.
#[derive(Clone)]
pub struct Prepared {
    pub project: Project,
    pub i18n: Arc<I18n>,
    pub theme: Option<Arc<Theme>>,
    /// Every diagnostic, sorted, with `[lints]` applied.
    pub diagnostics: Vec<Diagnostic>,
    /// The diagnostics of loading alone (before the rules), for `serve`'s reloads.
    pub load_diags: Vec<Diagnostic>,
}

impl Prepared {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
            || self.theme.is_none()
    }
}

/// Load, check, and load the locales and theme, collecting every diagnostic.
pub fn prepare(root: &Path, opts: &load::Options) -> Result<Prepared, LoadError> {
    let t = std::time::Instant::now();
    let mut project = load::load(root, opts)?;
    timing("load and resolve", t);
    let t = std::time::Instant::now();
    let mut diags = std::mem::take(&mut project.load_diagnostics);
    let mut sources = std::mem::take(&mut project.sources);
    let i18n = I18n::load(root, &project.config.languages, &mut sources, &mut diags);
    let theme = site::theme(&project, &mut sources, &mut diags);
    project.sources = sources;
    let load_diags = diags.clone();
    crate::rules::check(&project, &mut diags);
    crate::rules::finish(&project, &mut diags);
    timing("locales, theme and checks", t);
    Ok(Prepared {
        project,
        i18n: Arc::new(i18n),
        theme: theme.map(Arc::new),
        diagnostics: diags,
        load_diags,
    })
}

/// Render every page and machine-readable output of a prepared project into `sink`.
pub fn render_into(
    p: &Prepared,
    sink: &dyn Sink,
    livereload: bool,
) -> Result<(), site::RenderError> {
    let theme = p
        .theme
        .as_ref()
        .ok_or_else(|| site::RenderError("the theme could not be loaded".into()))?;
    let site = Site::new(&p.project, &p.i18n, theme, livereload);
    let t = std::time::Instant::now();
    site.render_all(sink)?;
    timing("render pages", t);
    let t = std::time::Instant::now();
    let r = crate::emit::machine_outputs(&p.project, &p.i18n, sink)
        .map_err(|e| site::RenderError(format!("writing output: {e}")));
    timing("register, JSON-LD, record of processing", t);
    r
}

/// With `HYSBYS_TIMINGS` set, print how long a phase took (for profiling builds).
pub fn timing(what: &str, since: std::time::Instant) {
    if std::env::var_os("HYSBYS_TIMINGS").is_some() {
        eprintln!("  timing: {what}: {:.3} s", since.elapsed().as_secs_f64());
    }
}

/// Where the output goes: `--out`, else `[build] output` under the root.
pub fn output_dir(p: &Project, out: Option<&Path>) -> Result<PathBuf, String> {
    let (dir, explicit) = match out {
        Some(o) => (o.to_path_buf(), true),
        None => (p.root.join(&p.config.output), false),
    };
    site::check_output_path(&p.root, &dir, explicit)?;
    Ok(dir)
}

/// Write the site atomically.
pub fn write(p: &Prepared, out: &Path) -> Result<Stats, String> {
    let t = std::time::Instant::now();
    let writer = Writer::begin(out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    timing("start the output", t);
    render_into(p, &writer, false).map_err(|e| e.to_string())?;
    let t = std::time::Instant::now();
    let stats = writer
        .commit()
        .map_err(|e| format!("cannot replace {}: {e}", out.display()));
    timing("swap in the new output, remove the old", t);
    stats
}
