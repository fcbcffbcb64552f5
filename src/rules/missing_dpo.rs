//! `missing-dpo`: a controller that must have a Data Protection Officer without one.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-dpo",
    default: Some(Level::Deny),
    summary: "a controller that must have a Data Protection Officer without one",
    explanation: "Public authorities and bodies must designate a Data Protection Officer (Art 37(1)(a)), as must controllers whose core activities are large-scale monitoring or large-scale processing of special-category or criminal-offence data (Art 37(1)(b), (c); set `dpo_required: true`). The notice must give the DPO's contact details (Art 13(1)(b)).",
    bad: "name: Example Council\npublic_authority: true\n",
    good: "name: Example Council\npublic_authority: true\ndpo:\n  email: dpo@example.gov.wales\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = p.organisation_file() else {
        return;
    };
    if (o.public_authority.v || o.dpo_required) && o.dpo.is_none() && !o.wrote("dpo") {
        let why = if o.public_authority.v {
            "a public authority"
        } else {
            "`dpo_required: true`"
        };
        out.push(
            Diagnostic::new(
                LINT.name,
                o.file,
                o.first_key,
                format!("the organisation is {why} but names no Data Protection Officer"),
            )
            .label("needs `dpo`")
            .help("add `dpo:` with at least `email` or `address` (Art 37(1), Art 13(1)(b))"),
        );
    }
}
