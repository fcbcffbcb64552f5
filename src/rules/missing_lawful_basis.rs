//! `missing-lawful-basis`: a purpose without a lawful basis.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-lawful-basis",
    default: Some(Level::Deny),
    summary: "a purpose without a lawful basis",
    explanation: "UK GDPR Art 13(1)(c) and 14(1)(c) require a notice to give, for each purpose, the lawful basis of Art 6(1) it relies on. Every purpose needs `lawful_basis`, one of consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests or recognised-legitimate-interests. hysbys shows it in words with its article, and derives the rights that apply from it.",
    bad: "purposes:\n  - id: advice\n    name: {en: Giving advice, cy: Rhoi cyngor}\n    categories: [contact]\n",
    good: "purposes:\n  - id: advice\n    name: {en: Giving advice, cy: Rhoi cyngor}\n    categories: [contact]\n    lawful_basis: public-task\n    legislation: [Local Government Act 1972]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if pu.lawful_basis.is_none() && !pu.wrote("lawful_basis") {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        pu.id.pos,
                        format!("purpose `{}` has no lawful basis", pu.id.v),
                    )
                    .label("this purpose needs `lawful_basis`")
                    .help("add e.g. `lawful_basis: public-task` (Article 6(1)(e))"),
                );
            }
        }
    }
}
