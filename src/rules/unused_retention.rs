//! `unused-retention`: an organisation catalogue retention entry that no notice uses.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "unused-retention",
    default: Some(Level::Warn),
    summary: "an organisation catalogue retention entry that no notice uses",
    explanation: "Catalogue retention entries in _organisation.yaml are your corporate retention schedule, shared by the notices that name them. One that no notice names is dead weight, or a sign that a notice forgot to say how long it keeps something.",
    bad: "retention:\n  - id: complaints\n    records: …\n    period: P6Y\n",
    good: "# and in some notice:\nretention:\n  - complaints\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = &p.org else { return };
    for (i, r) in o.retention.iter().enumerate() {
        if !p.used.retention.get(i).copied().unwrap_or(true) {
            out.push(
                Diagnostic::new(
                    LINT.name,
                    o.file,
                    r.id.pos,
                    format!("no notice uses catalogue retention entry `{}`", r.id.v),
                )
                .label("unused")
                .help("name it in a notice's `retention`, or remove it"),
            );
        }
    }
}
