//! `unused-recipient`: an organisation catalogue recipient that no notice uses.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "unused-recipient",
    default: Some(Level::Warn),
    summary: "an organisation catalogue recipient that no notice uses",
    explanation: "Catalogue entries in _organisation.yaml are shared by notices that name them. One that no notice names is dead weight, or a sign that a notice forgot to list a recipient.",
    bad: "recipients:\n  - id: police\n    name: {en: Police, cy: Yr heddlu}\n    kind: controller\n",
    good: "# and in some notice:\nrecipients:\n  - police\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = &p.org else { return };
    for (i, r) in o.recipients.iter().enumerate() {
        if !p.used.recipients.get(i).copied().unwrap_or(true) {
            out.push(
                Diagnostic::new(
                    LINT.name,
                    o.file,
                    r.id.pos,
                    format!("no notice uses catalogue recipient `{}`", r.id.v),
                )
                .label("unused")
                .help("name it in a notice's `recipients`, or remove it"),
            );
        }
    }
}
