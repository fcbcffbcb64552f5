//! `missing-legitimate-interests`: legitimate interests relied on without saying what they are.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-legitimate-interests",
    default: Some(Level::Deny),
    summary: "legitimate interests relied on without saying what they are",
    explanation: "Where a purpose relies on legitimate interests (Art 6(1)(f)), Art 13(1)(d) and 14(2)(b) require the notice to say what those interests are. Write them in `legitimate_interests`, in every language of the site.",
    bad: "lawful_basis: legitimate-interests\n",
    good: "lawful_basis: legitimate-interests\nlegitimate_interests:\n  en: To keep our premises safe\n  cy: Cadw ein hadeiladau'n ddiogel\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if pu.lawful_basis.as_ref().map(|b| b.v) == Some(LawfulBasis::LegitimateInterests)
                && !pu.wrote("legitimate_interests")
            {
                let at = pu.lawful_basis.as_ref().map_or(pu.id.pos, |b| b.pos);
                out.push(
                    Diagnostic::new(LINT.name, n.file, at, format!("purpose `{}` relies on legitimate interests without saying what they are", pu.id.v))
                        .label("legitimate interests, but which?")
                        .help("add `legitimate_interests: {en: \"…\", cy: \"…\"}` (Art 13(1)(d))"),
                );
            }
        }
    }
}
