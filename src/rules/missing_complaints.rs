//! `missing-complaints`: no way to complain to the controller.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-complaints",
    default: Some(Level::Warn),
    summary: "no way to complain to the controller",
    explanation: "DPA 2018 s.164A (inserted by the Data (Use and Access) Act 2025) requires controllers to facilitate complaints about their use of personal data, including by electronic means, and the regulator usually expects people to complain to the controller first. Give `complaints` with a `url` or an `email`.",
    bad: "name: Example Council\n",
    good: "complaints:\n  url: https://www.example.gov.wales/complaints\n  email: complaints@example.gov.wales\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = p.organisation_file() else {
        return;
    };
    if o.complaints.is_none() && !o.wrote("complaints") {
        out.push(
            Diagnostic::new(
                LINT.name,
                o.file,
                o.first_key,
                "the organisation gives no way to complain to it",
            )
            .label("add `complaints`")
            .help("add `complaints:` with a `url` or `email` (DPA 2018 s.164A)"),
        );
    }
}
