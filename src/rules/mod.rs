//! Lints: one rule a file, each with static metadata (name, default level, summary, an
//! explanation with a bad and a good example). [`LINTS`] is the one sorted registry that
//! `hysbys explain`, `[lints]` and the docs read. A rule only reads the resolved
//! [`Project`] and pushes diagnostics; it never prints, exits or panics.
//!
//! The always-error lints are emitted while loading (the model cannot be built without
//! them); they are registered here for their documentation.

use std::sync::Arc;

use crate::diag::{Diagnostic, Level, Severity};
use crate::model::{FileId, Notice, Organisation, Recipient};
use crate::Project;

mod structural;

mod prelude {
    pub use super::Lint;
    pub use super::Scope;
    pub use crate::diag::{Diagnostic, Level};
    pub use crate::model::*;
}

mod automated_decision_recognised_legitimate_interests;
mod automated_decision_special_category;
mod missing_annex1_condition;
mod missing_appropriate_policy_document;
mod missing_complaints;
mod missing_consent_withdrawal;
mod missing_criminal_condition;
mod missing_data_subjects;
mod missing_dpo;
mod missing_ico_registration;
mod missing_lawful_basis;
mod missing_legislation;
mod missing_legitimate_interests;
mod missing_recipients;
mod missing_retention;
mod missing_safeguard_copy;
mod missing_schedule1_condition;
mod missing_sources;
mod missing_special_condition;
mod missing_statutory_requirement;
mod public_authority_derogation;
mod public_authority_legitimate_interests;
mod review_overdue;
mod schedule1_mismatch;
mod stale_translation;
mod transfer_without_safeguard;
mod unneeded_condition;
mod unsafe_markdown;
mod unused_category;
mod unused_recipient;
mod unused_retention;

/// A lint's metadata and, for configurable lints, its check.
pub struct Lint {
    /// kebab-case; the name in `[lints]`, the CLI and every output.
    pub name: &'static str,
    /// `None` for the always-error lints, which cannot be configured.
    pub default: Option<Level>,
    /// One line: what it catches.
    pub summary: &'static str,
    /// Why it matters, with the law it comes from.
    pub explanation: &'static str,
    /// YAML that triggers it.
    pub bad: &'static str,
    /// The same YAML, fixed.
    pub good: &'static str,
    /// The rule; `None` when it is emitted while loading or rendering.
    pub check: Option<fn(&Scope, &mut Vec<Diagnostic>)>,
}

/// What a rule looks at: the project, the notices to check (every notice, a batch of them,
/// or one), and whether to look at the organisation's own file as well. The project's
/// settings, organisation and lock are read through it (it derefs to the [`Project`]); a
/// rule reads the notices through [`Scope::notices`] only, never the project's.
pub struct Scope<'a> {
    pub project: &'a Project,
    pub notices: &'a [Arc<Notice>],
    /// Whether findings about the organisation file itself are wanted. A `check` that
    /// looks at each notice as it is read asks for them once, not once a notice.
    pub organisation: bool,
}

impl std::ops::Deref for Scope<'_> {
    type Target = Project;

    fn deref(&self) -> &Project {
        self.project
    }
}

impl<'a> Scope<'a> {
    /// The project's notices, and its organisation.
    pub fn whole(project: &'a Project) -> Scope<'a> {
        Scope {
            project,
            notices: &project.notices,
            organisation: true,
        }
    }

    /// The organisation, when findings about its own file are wanted.
    pub fn organisation_file(&self) -> Option<&'a Organisation> {
        self.project.org.as_ref().filter(|_| self.organisation)
    }

    /// Every recipient written in the scope, with the file it is written in: each notice's
    /// own entries, then the organisation's catalogue (once, not per notice, and only when
    /// the organisation is in the scope).
    pub fn written_recipients(&self) -> Vec<(FileId, &'a Recipient)> {
        let mut out: Vec<(FileId, &'a Recipient)> = self
            .notices
            .iter()
            .flat_map(|n| {
                n.recipients
                    .iter()
                    .flatten()
                    .filter(|r| r.catalogue.is_none())
                    .map(move |r| (n.file, r))
            })
            .collect();
        if let Some(o) = self.organisation_file() {
            out.extend(o.recipients.iter().map(|r| (o.file, r)));
        }
        out
    }
}

impl Lint {
    pub fn configurable(&self) -> bool {
        self.default.is_some()
    }

    pub fn default_severity(&self) -> Severity {
        self.default
            .and_then(Level::severity)
            .unwrap_or(Severity::Error)
    }
}

/// Every lint, sorted by name.
pub static LINTS: &[&Lint] = &[
    &automated_decision_recognised_legitimate_interests::LINT,
    &automated_decision_special_category::LINT,
    &structural::DUPLICATE_ID,
    &structural::DUPLICATE_KEY,
    &structural::INVALID_DURATION,
    &structural::INVALID_ID,
    &structural::INVALID_VALUE,
    &structural::IO_ERROR,
    &structural::LIMIT_EXCEEDED,
    &missing_annex1_condition::LINT,
    &missing_appropriate_policy_document::LINT,
    &missing_complaints::LINT,
    &missing_consent_withdrawal::LINT,
    &missing_criminal_condition::LINT,
    &missing_data_subjects::LINT,
    &missing_dpo::LINT,
    &structural::MISSING_FIELD,
    &missing_ico_registration::LINT,
    &missing_lawful_basis::LINT,
    &missing_legislation::LINT,
    &missing_legitimate_interests::LINT,
    &missing_recipients::LINT,
    &missing_retention::LINT,
    &missing_safeguard_copy::LINT,
    &missing_schedule1_condition::LINT,
    &missing_sources::LINT,
    &missing_special_condition::LINT,
    &missing_statutory_requirement::LINT,
    &structural::MISSING_TRANSLATION,
    &structural::PARSE_ERROR,
    &public_authority_derogation::LINT,
    &public_authority_legitimate_interests::LINT,
    &review_overdue::LINT,
    &schedule1_mismatch::LINT,
    &stale_translation::LINT,
    &transfer_without_safeguard::LINT,
    &structural::UNKNOWN_FIELD,
    &structural::UNKNOWN_REFERENCE,
    &unneeded_condition::LINT,
    &unsafe_markdown::LINT,
    &unused_category::LINT,
    &unused_recipient::LINT,
    &unused_retention::LINT,
];

pub fn lint(name: &str) -> Option<&'static Lint> {
    LINTS
        .binary_search_by(|l| l.name.cmp(name))
        .ok()
        .map(|i| LINTS[i])
}

/// The default severity of a lint by name (an unknown name is an error: it cannot happen
/// for names used in the code, which a test checks).
pub fn default_severity(name: &str) -> Severity {
    lint(name).map_or(Severity::Error, Lint::default_severity)
}

/// The lints that need every notice at once: whether some notice uses a catalogue entry.
/// They read only [`Project::used`] and the organisation. Every other rule looks at one
/// notice at a time (and at the organisation), so it can run on a batch of notices.
pub const WHOLE_PROJECT: &[&str] = &["unused-recipient", "unused-retention"];

/// Run every configurable rule over the project.
pub fn check(project: &Project, out: &mut Vec<Diagnostic>) {
    run(&Scope::whole(project), out, |_| true);
}

/// The rules that look at one notice at a time, over the project's notices (a batch of
/// them when streaming). Findings about the organisation alone come with every batch; the
/// final [`finish`] keeps one of each.
pub fn check_notices(project: &Project, out: &mut Vec<Diagnostic>) {
    run(&Scope::whole(project), out, |l| {
        !WHOLE_PROJECT.contains(&l.name)
    });
}

/// The rules that look at one notice at a time, over one notice and not the organisation,
/// one rule after another: for a notice just read, while its model is still in the
/// processor's cache (see [`crate::load::Pending::checks_while_reading`]).
pub fn check_notice(project: &Project, notice: &Arc<Notice>, out: &mut Vec<Diagnostic>) {
    /// The checks of the rules that look at one notice at a time, in the registry's order.
    type Check = fn(&Scope, &mut Vec<Diagnostic>);
    static CHECKS: std::sync::LazyLock<Vec<Check>> = std::sync::LazyLock::new(|| {
        LINTS
            .iter()
            .filter(|l| !WHOLE_PROJECT.contains(&l.name))
            .filter_map(|l| l.check)
            .collect()
    });
    let scope = Scope {
        project,
        notices: std::slice::from_ref(notice),
        organisation: false,
    };
    for check in CHECKS.iter() {
        check(&scope, out);
    }
}

/// The rules that look at one notice at a time, over the organisation file alone: with
/// [`check_notice`] on every notice, the same findings as [`check_notices`] on all of them.
pub fn check_organisation(project: &Project, out: &mut Vec<Diagnostic>) {
    let scope = Scope {
        project,
        notices: &[],
        organisation: true,
    };
    run(&scope, out, |l| !WHOLE_PROJECT.contains(&l.name));
}

/// The [`WHOLE_PROJECT`] rules, once every notice has been read.
pub fn check_project(project: &Project, out: &mut Vec<Diagnostic>) {
    run(&Scope::whole(project), out, |l| {
        WHOLE_PROJECT.contains(&l.name)
    });
}

fn run(scope: &Scope, out: &mut Vec<Diagnostic>, which: impl Fn(&Lint) -> bool + Sync) {
    use rayon::prelude::*;
    // Rules are independent readers of the project: run them in parallel, then keep the
    // registry's order (the final sort makes the output order independent of it anyway).
    let found: Vec<Vec<Diagnostic>> = LINTS
        .par_iter()
        .filter(|l| which(l))
        .filter_map(|l| l.check)
        .map(|check| {
            let mut v = Vec::new();
            check(scope, &mut v);
            v
        })
        .collect();
    for mut v in found {
        out.append(&mut v);
    }
}

/// Apply `[lints]` levels, drop allowed diagnostics, and sort by file, line, column, lint,
/// keeping one of each diagnostic.
pub fn finish(project: &Project, diags: &mut Vec<Diagnostic>) {
    apply_levels(project, diags);
    sort(project, diags);
}

/// Apply `[lints]` levels and drop allowed diagnostics.
pub fn apply_levels(project: &Project, diags: &mut Vec<Diagnostic>) {
    let levels = &project.config.lints;
    diags.retain_mut(|d| {
        if let Some(level) = levels.get(d.lint) {
            if lint(d.lint).is_some_and(Lint::configurable) {
                match level.severity() {
                    Some(s) => d.severity = s,
                    None => return false,
                }
            }
        }
        true
    });
}

/// Sort by file, line, column, lint and message, and keep one of each diagnostic (equal
/// ones may be apart: a finding about the organisation comes with every batch).
pub fn sort(project: &Project, diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (
            project.sources.path(a.file),
            a.pos.line,
            a.pos.col,
            a.lint,
            &a.message,
        )
            .cmp(&(
                project.sources.path(b.file),
                b.pos.line,
                b.pos.col,
                b.lint,
                &b.message,
            ))
    });
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    // Where the run of diagnostics with the same sort key as the last one starts.
    let mut run = 0;
    for d in diags.drain(..) {
        if let Some(last) = kept.last() {
            let same_key = last.file == d.file
                && last.pos.line == d.pos.line
                && last.pos.col == d.pos.col
                && last.lint == d.lint
                && last.message == d.message;
            if !same_key {
                run = kept.len();
            } else if kept[run..].contains(&d) {
                continue;
            }
        }
        kept.push(d);
    }
    *diags = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_unique_kebab_case_and_documented() {
        for w in LINTS.windows(2) {
            assert!(
                w[0].name < w[1].name,
                "{} must come after {}",
                w[1].name,
                w[0].name
            );
        }
        for l in LINTS {
            assert!(
                l.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !l.name.starts_with('-'),
                "{} is not kebab-case",
                l.name
            );
            assert!(
                !l.summary.is_empty() && !l.summary.ends_with('.'),
                "{}: summary",
                l.name
            );
            assert!(
                l.explanation.len() > 80,
                "{}: explanation too short",
                l.name
            );
            assert!(
                !l.bad.is_empty() && !l.good.is_empty(),
                "{}: examples",
                l.name
            );
            assert_ne!(l.bad, l.good, "{}: examples must differ", l.name);
            assert_eq!(
                l.configurable(),
                l.check.is_some(),
                "{}: configurable lints have a rule",
                l.name
            );
        }
        assert_eq!(LINTS.len(), 43);
    }
}
