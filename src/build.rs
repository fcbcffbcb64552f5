//! `hysbys check` and `hysbys build`: load → check → render → emit. [`stream`] does it a
//! batch of notices at a time (the commands); [`prepare`] and [`write`] hold the whole
//! project (`serve`, `register`, tests). Both give the same diagnostics and the same bytes;
//! with errors nothing is written and the previous output is left as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

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
    let (i18n, theme) = locales_and_theme(root, &mut project, &mut diags);
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

/// The project's Fluent bundles and theme, with their problems added to `diags`.
fn locales_and_theme(
    root: &Path,
    project: &mut Project,
    diags: &mut Vec<Diagnostic>,
) -> (I18n, Option<Theme>) {
    let mut sources = std::mem::take(&mut project.sources);
    let i18n = I18n::load(root, &project.config.languages, &mut sources, diags);
    let theme = site::theme(project, &mut sources, diags);
    project.sources = sources;
    (i18n, theme)
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

/// How many notices `build` reads, checks, renders and writes at a time: enough to keep
/// both cores busy, few enough that memory stays flat however large the estate.
pub const BATCH: usize = 256;

/// How many notices `check` with the cache reads and checks at a time (without it, each
/// notice is checked as it is read, and `check` reads [`BATCH`] at a time). Fewer than a
/// build: the memory that one batch's models give back is then still in the processor's
/// cache when the next batch is read into it, and enough that the two threads seldom wait
/// for each other. At 10,000 notices, five cold checks each, alternating, the medians were
/// 0.83, 0.78, 0.75, 0.79 and 0.86 s for batches of 16, 32, 64, 128 and 256 (with each
/// model freed on the thread that made it; before that, 16 was best: 1.05 s against 1.22 s
/// for 256). That was before a `check` without the cache checked each notice as it read it.
pub const CHECK_BATCH: usize = 64;

/// What `hysbys build` is asked to write: the output folder (`--out`, else `[build]
/// output`), and whether a warning stops the build (`--deny-warnings`).
pub struct BuildTo<'a> {
    pub out: Option<&'a Path>,
    pub deny_warnings: bool,
}

/// What [`stream`] found, and what it wrote.
pub struct Streamed {
    /// The project, each notice only as its [`crate::model::Notice::stub`].
    pub project: Project,
    /// Every diagnostic, sorted, with `[lints]` applied: the same as [`crate::check`].
    pub diagnostics: Vec<Diagnostic>,
    /// Translations with no fingerprint in `hysbys.lock` (see
    /// [`crate::i18n::workflow::unrecorded`]).
    pub unrecorded: usize,
    /// An error, or the theme could not be loaded: nothing may be written.
    pub has_errors: bool,
    /// When building without errors: the output written and swapped in, or why it could
    /// not be (an I/O or template problem).
    pub written: Option<Result<Stats, String>>,
    /// `check` with the cache: notices answered by a verdict kept by an earlier `check`
    /// (not decoded or checked again), and notices whose verdict this one kept.
    pub verdicts_used: usize,
    pub verdicts_kept: usize,
    /// `build` with the cache: notices answered by a verdict whose model had to be loaded
    /// after all, because some page or part of them could not be taken from the previous
    /// build.
    pub models_loaded: usize,
}

/// `check` and `build` of a project of any size: the notices are read, checked, rendered
/// and written `batch` at a time (in id order), and let go but for their stubs, so memory
/// stays flat. The diagnostics are those of [`prepare`], and the output is byte for byte
/// what [`write`] gives (both are tested).
///
/// Building, the output is opened first and written while nothing stops the build; a
/// diagnostic that does (an error, or with `deny_warnings` a warning) stops the writing,
/// the checking goes on, and the new output is thrown away: the previous one is left as
/// it was.
pub fn stream(
    root: &Path,
    opts: &load::Options,
    build: Option<BuildTo<'_>>,
    batch: usize,
) -> Result<Streamed, LoadError> {
    use crate::i18n::workflow::unrecorded_part;
    let t = std::time::Instant::now();
    let (mut project, mut pending) = load::begin(root, opts)?;
    // A `check` without the cache checks each notice as it reads it, and keeps no model.
    let judging = opts.cache;
    if build.is_none() {
        pending.keys_nothing();
    }
    let inline = build.is_none() && !judging && pending.checks_while_reading();
    let mut diags = std::mem::take(&mut project.load_diagnostics);
    let (i18n, theme) = locales_and_theme(root, &mut project, &mut diags);
    if inline {
        crate::rules::check_organisation(&project, &mut diags);
    }
    crate::rules::apply_levels(&project, &mut diags);
    let deny = build.as_ref().is_some_and(|b| b.deny_warnings);
    let stops =
        |d: &Diagnostic| d.severity == Severity::Error || (deny && d.severity == Severity::Warning);
    let mut stopped = theme.is_none() || diags.iter().any(stops);
    let mut problem: Option<String> = None;
    let writer = match (&build, &theme) {
        (Some(b), Some(_)) => match output_dir(&project, b.out).and_then(|o| {
            Writer::begin(&o).map_err(|e| format!("cannot write {}: {e}", o.display()))
        }) {
            Ok(w) => Some(w),
            Err(e) => {
                problem = Some(e);
                None
            }
        },
        _ => None,
    };
    let mut machine = match &writer {
        Some(w) => match crate::emit::Machine::begin(&project, &i18n, w) {
            Ok(m) => Some(m),
            Err(e) => {
                problem = Some(format!("writing output: {e}"));
                None
            }
        },
        None => None,
    };
    timing("start: settings, organisation, locales, theme, output", t);
    let t = std::time::Instant::now();
    let mut stubs = Vec::with_capacity(pending.len());
    let mut unrecorded = unrecorded_part(&project, false);
    // With the cache, a verdict is kept on every notice (see `load::cache::Verdict`): the
    // next `check` of an unchanged notice only reads it, and the next `build` loads its model
    // only if one of its pages or parts cannot be taken from the previous build. What the rules find in the organisation alone
    // is the baseline against which each notice's own findings are told apart.
    let baseline = if judging {
        let mut b = Vec::new();
        crate::rules::check_notices(&project, &mut b);
        let mut levelled = b.clone();
        crate::rules::apply_levels(&project, &mut levelled);
        diags.append(&mut levelled);
        b
    } else {
        Vec::new()
    };
    let file_ids: std::collections::HashMap<String, crate::model::FileId> = if judging {
        (0..u32::try_from(project.sources.len()).unwrap_or(0))
            .map(|i| (project.sources.path(i).to_owned(), i))
            .collect()
    } else {
        Default::default()
    };
    let (mut verdicts_used, mut verdicts_kept, mut models_loaded) = (0, 0, 0);
    // The messages and the key that every batch's pages share, made once.
    let shared = theme
        .as_ref()
        .filter(|_| writer.is_some())
        .map(|t| crate::render::site::Shared::new(&project, &i18n, t, false));
    // Batch k + 1 is read while batch k is checked and rendered: the two cores stay busy
    // through the pauses of each stage.
    let first = pending.claim(batch);
    let mut ahead = Some(pending.read(&project, first, judging));
    while let Some(read) = ahead.take() {
        let load::Merged {
            notices,
            owners,
            verdicts,
            unrecorded: unrecorded_read,
        } = read.merge_verdicts(&mut project);
        unrecorded += unrecorded_read;
        project.notices = notices;
        let mut found = std::mem::take(&mut project.load_diagnostics);
        let next = pending.claim(batch);
        let (next, ()) = rayon::join(
            || (!next.is_empty()).then(|| pending.read(&project, next, judging)),
            || {
                // With no notices at all, this still runs once: the rules look at the
                // organisation (once before the first batch when each notice is checked as
                // it is read).
                let mut rules = Vec::new();
                if !inline {
                    crate::rules::check_notices(&project, &mut rules);
                }
                if judging {
                    verdicts_kept += judge(&project, &pending, &baseline, &rules);
                }
                found.append(&mut rules);
                verdicts_used += verdicts.len();
                let mut judged = Vec::with_capacity(verdicts.len());
                for v in verdicts {
                    let id = |path: &str| file_ids.get(path).copied();
                    found.extend(v.findings.into_iter().filter_map(|f| f.diagnostic(id)));
                    unrecorded += usize::try_from(v.unrecorded).unwrap_or(0);
                    let stub = Arc::new(v.stub);
                    stubs.push(Arc::clone(&stub));
                    judged.push((stub, v.paragraphs));
                }
                crate::rules::apply_levels(&project, &mut found);
                stopped |= found.iter().any(stops);
                if inline {
                    // The notices read are their stubs already.
                    stubs.extend(project.notices.iter().map(Arc::clone));
                    return;
                }
                stubs.extend(project.notices.iter().map(|n| Arc::new(n.stub())));
                unrecorded += unrecorded_part(&project, true);
                let (false, None, Some(w), Some(m), Some(theme), Some(shared)) =
                    (stopped, &problem, &writer, &mut machine, &theme, &shared)
                else {
                    return;
                };
                let site = Site::with(&project, &i18n, theme, shared.clone());
                // A notice answered by its verdict is written as its stub when every page
                // and part of it is the previous build's; otherwise its model is loaded.
                let (kept, remake): (Vec<_>, Vec<_>) = judged
                    .into_iter()
                    .partition(|(n, _)| site.kept(n, w) && m.kept(&project, n));
                let loaded: Result<Vec<crate::model::Notice>, String> = remake
                    .par_iter()
                    .map(|(n, _)| pending.model(&project, n))
                    .collect();
                let loaded = match loaded {
                    Ok(l) => l,
                    Err(e) => {
                        problem = Some(e);
                        return;
                    }
                };
                models_loaded += loaded.len();
                for (_, used) in &kept {
                    m.paragraphs(used);
                }
                let mut list: Vec<&crate::model::Notice> = project
                    .notices
                    .iter()
                    .map(|n| &**n)
                    .chain(kept.iter().map(|(n, _)| &**n))
                    .chain(&loaded)
                    .collect();
                list.sort_by(|a, b| a.id.cmp(&b.id));
                let (pages, parts) = rayon::join(
                    || site.render_notices(&list, w),
                    || m.notices(&project, &list),
                );
                if let Err(e) = pages {
                    problem = Some(e.to_string());
                } else if let Err(e) = parts {
                    problem = Some(format!("writing output: {e}"));
                }
            },
        );
        ahead = next;
        diags.append(&mut found);
        // Freeing a batch's models is a tenth of a cached check: not on the main path, and
        // each on the thread that made it.
        let read = std::mem::take(&mut project.notices);
        if !inline {
            load::drop_where_made(read, &owners);
        }
    }
    pending.finish();
    if judging {
        // Verdicts and fresh notices came apart: back to id order.
        stubs.sort_by(|a, b| a.id.cmp(&b.id));
    }
    project.notices = stubs;
    let mut found = std::mem::take(&mut project.load_diagnostics);
    crate::rules::check_project(&project, &mut found);
    crate::rules::apply_levels(&project, &mut found);
    stopped |= found.iter().any(stops);
    diags.append(&mut found);
    crate::rules::sort(&project, &mut diags);
    timing("notices: load, check, render, write", t);
    let has_errors = theme.is_none() || diags.iter().any(|d| d.severity == Severity::Error);
    let written = match (build, problem, stopped) {
        (None, _, _) | (Some(_), None, true) => None,
        (Some(_), Some(e), _) => Some(Err(e)),
        (Some(_), None, false) => {
            let t = std::time::Instant::now();
            let ended = match (&writer, machine, &theme) {
                (Some(w), Some(m), Some(theme)) => match shared {
                    Some(shared) => Site::with(&project, &i18n, theme, shared),
                    None => Site::new(&project, &i18n, theme, false),
                }
                .render_rest(w)
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    m.finish(&project)
                        .map_err(|e| format!("writing output: {e}"))
                }),
                _ => Err("the output could not be opened".to_owned()),
            };
            let finished = ended.and_then(|()| match writer {
                Some(w) => {
                    let out = w.out().to_path_buf();
                    w.commit()
                        .map_err(|e| format!("cannot replace {}: {e}", out.display()))
                }
                None => Err("the output could not be opened".to_owned()),
            });
            timing("indexes, the end of the large files, swap", t);
            Some(finished)
        }
    };
    Ok(Streamed {
        project,
        diagnostics: diags,
        unrecorded,
        has_errors,
        written,
        verdicts_used,
        verdicts_kept,
        models_loaded,
    })
}

/// Keep a verdict on each notice of a batch just checked, whose rules found `found`: its
/// stub, the catalogue entries it uses, its unrecorded translations, and the findings in
/// its own file. A finding in another file (the organisation's, the settings') that is not
/// in the `baseline` of the organisation alone cannot be told to be one notice's: then no
/// verdict is kept for the batch, and the next `check` checks it again.
fn judge(
    project: &Project,
    pending: &load::Pending,
    baseline: &[Diagnostic],
    found: &[Diagnostic],
) -> usize {
    use crate::load::cache::{Finding, Verdict};
    let files: std::collections::HashSet<crate::model::FileId> =
        project.notices.iter().map(|n| n.file).collect();
    if found
        .iter()
        .any(|d| !files.contains(&d.file) && !baseline.contains(d))
    {
        return 0;
    }
    project
        .notices
        .par_iter()
        .map(|n| {
            let mut used = crate::load::resolve::Used::new(project.org.as_ref());
            used.add(n);
            let verdict = Verdict {
                stub: n.stub(),
                recipients: used.recipients,
                retention: used.retention,
                unrecorded: crate::i18n::workflow::unrecorded_of(project, n) as u64,
                paragraphs: crate::emit::jsonld::paragraphs(n),
                findings: found
                    .iter()
                    .filter(|d| d.file == n.file)
                    .map(|d| Finding::new(d, &project.sources))
                    .collect(),
            };
            pending.judged(project, n, &verdict)
        })
        .filter(|kept| *kept)
        .count()
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
