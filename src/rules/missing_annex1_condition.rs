//! `missing-annex1-condition`: recognised legitimate interests without the Annex 1 condition.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-annex1-condition",
    default: Some(Level::Deny),
    summary: "recognised legitimate interests without the Annex 1 condition",
    explanation: "The Data (Use and Access) Act 2025 added Art 6(1)(ea), recognised legitimate interests, which applies only to the conditions listed in Annex 1 of the UK GDPR (such as disclosures for public tasks, national security, emergencies, crime and safeguarding). A purpose on this basis must name the Annex 1 paragraph it meets in `annex1`.",
    bad: "lawful_basis: recognised-legitimate-interests\n",
    good: "lawful_basis: recognised-legitimate-interests\nannex1: 4\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if pu.lawful_basis.as_ref().map(|b| b.v)
                == Some(LawfulBasis::RecognisedLegitimateInterests)
                && !pu.wrote("annex1")
            {
                let at = pu.lawful_basis.as_ref().map_or(pu.id.pos, |b| b.pos);
                out.push(
                    Diagnostic::new(LINT.name, n.file, at, format!("purpose `{}` relies on recognised legitimate interests without an Annex 1 condition", pu.id.v))
                        .label("which Annex 1 condition?")
                        .help("add `annex1: N`, the paragraph of UK GDPR Annex 1 that applies"),
                );
            }
        }
    }
}
