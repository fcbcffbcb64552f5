//! hysbys: compile bilingual UK GDPR privacy notices.
//!
//! The pipeline, one stage a module: [`load`] (files → spanned YAML → model, references
//! resolved) → [`rules`] (lints over the model) → [`render`] (view models → HTML through
//! Tera and Fluent) → [`emit`] (the output folder, written atomically, and the register).
//! [`cli`] parses arguments and calls these; `main` maps the result to an exit code.

pub mod build;
pub mod cli;
pub mod config;
pub mod diag;
pub mod emit;
pub mod i18n;
pub mod load;
pub mod model;
pub mod render;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod serve;

use std::path::PathBuf;

use config::Config;
use diag::Diagnostic;
use load::Sources;
use model::{Date, Notice, Organisation};

/// A loaded project: what every later stage reads.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub sources: Sources,
    pub org: Option<Organisation>,
    /// Sorted by id. Shared, so that `serve` can keep two versions of a large project
    /// (the newest, and the last without errors) without copying every notice.
    pub notices: Vec<std::sync::Arc<Notice>>,
    /// Which organisation catalogue entries some notice uses.
    pub used: load::resolve::Used,
    /// "Today" for `review-overdue`: `--today`, `SOURCE_DATE_EPOCH` or the Europe/London date.
    pub today: Date,
    /// `hysbys.lock`, the fingerprints of what each translation was made from; `None` when
    /// the project has none (then `stale-translation` has nothing to compare with).
    pub lock: Option<i18n::lock::Lock>,
    /// Diagnostics found while loading (the always-error lints).
    pub load_diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// A copy of the project without its notices (cheap: for the register's header).
    pub fn clone_without_notices(&self) -> Project {
        Project {
            root: self.root.clone(),
            config: self.config.clone(),
            sources: Sources::default(),
            org: self.org.clone(),
            notices: Vec::new(),
            used: self.used.clone(),
            today: self.today,
            load_diagnostics: Vec::new(),
            lock: None,
        }
    }
}

/// Load a project and run every check: the diagnostics, sorted, with `[lints]` applied.
pub fn check(
    root: &std::path::Path,
    opts: &load::Options,
) -> Result<(Project, Vec<Diagnostic>), load::LoadError> {
    // The project's Fluent overrides and theme templates are checked too, so `check` and
    // `build` report the same diagnostics.
    let p = build::prepare(root, opts)?;
    Ok((p.project, p.diagnostics))
}

/// Today's date in Europe/London, or from `SOURCE_DATE_EPOCH` for reproducible builds.
pub fn today() -> Date {
    let ts = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    match ts.in_tz("Europe/London") {
        Ok(z) => z.date(),
        Err(_) => ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date(),
    }
}
