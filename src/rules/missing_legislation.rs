//! `missing-legislation`: a legal obligation, public task or official authority without the law named.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-legislation",
    default: Some(Level::Warn),
    summary: "a legal obligation, public task or official authority without the law named",
    explanation: "Where processing rests on a legal obligation (Art 6(1)(c)), a public task (Art 6(1)(e)) or official authority for criminal-offence data, the basis must be laid down by law (Art 6(3)), and people understand a notice better when it names the Act. List it in `legislation`.",
    bad: "lawful_basis: public-task\n",
    good: "lawful_basis: public-task\nlegislation:\n  - Housing Act 1996\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if !pu.legislation.is_empty() || pu.wrote("legislation") {
                continue;
            }
            let basis = pu
                .lawful_basis
                .as_ref()
                .filter(|b| matches!(b.v, LawfulBasis::LegalObligation | LawfulBasis::PublicTask));
            let official = pu
                .criminal_condition
                .as_ref()
                .filter(|c| c.v == CriminalCondition::OfficialAuthority);
            let at = basis.map(|b| b.pos).or(official.map(|c| c.pos));
            if let Some(at) = at {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        at,
                        format!("purpose `{}` does not name the law it relies on", pu.id.v),
                    )
                    .label("which law?")
                    .help("add `legislation:` with the Act or regulations (Art 6(3))"),
                );
            }
        }
    }
}
