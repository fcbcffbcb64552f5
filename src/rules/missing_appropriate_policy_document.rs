//! `missing-appropriate-policy-document`: a Schedule 1 condition that needs an appropriate policy document without one.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-appropriate-policy-document",
    default: Some(Level::Warn),
    summary: "a Schedule 1 condition that needs an appropriate policy document without one",
    explanation: "DPA 2018 Schedule 1 paragraphs 1, 5 and 39 require an appropriate policy document when relying on paragraph 1, on the Part 2 conditions (6-28) and, for criminal-offence data, on paragraphs 35-37. Publish it and link it as `appropriate_policy_document` in _organisation.yaml.",
    bad: "schedule1: 18\n",
    good: "# _organisation.yaml\nappropriate_policy_document: https://www.example.gov.wales/appropriate-policy\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = &p.org else { return };
    if o.appropriate_policy_document.is_some() || o.wrote("appropriate_policy_document") {
        return;
    }
    for n in p.notices {
        for pu in &n.purposes {
            let s1 = pu.schedule1.as_ref().map(|s| (s.v, s.pos));
            let cc = pu
                .criminal_condition
                .as_ref()
                .and_then(|c| c.v.paragraph().map(|k| (k, c.pos)));
            for (k, at) in s1.into_iter().chain(cc) {
                if needs_appropriate_policy_document(k) {
                    out.push(
                        Diagnostic::new(LINT.name, n.file, at, format!("Schedule 1 paragraph {k} needs an appropriate policy document (purpose `{}`)", pu.id.v))
                            .label("no `appropriate_policy_document` in _organisation.yaml")
                            .help("link your appropriate policy document as `appropriate_policy_document:` in _organisation.yaml"),
                    );
                }
            }
        }
    }
}
