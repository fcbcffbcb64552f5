//! `missing-consent-withdrawal`: consent relied on without saying how to withdraw it.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-consent-withdrawal",
    default: Some(Level::Deny),
    summary: "consent relied on without saying how to withdraw it",
    explanation: "People may withdraw consent at any time, and must be told so and how (Art 7(3), Art 13(2)(c)). A purpose whose lawful basis is consent, whose special condition is explicit-consent, or whose criminal condition is Schedule 1 paragraph 29 (consent) needs `consent_withdrawal`, saying how to withdraw as easily as consent was given.",
    bad: "lawful_basis: consent\n",
    good: "lawful_basis: consent\nconsent_withdrawal:\n  en: Use the unsubscribe link in any email.\n  cy: Defnyddiwch y ddolen dad-danysgrifio mewn unrhyw e-bost.\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if pu.consent_based() && !pu.wrote("consent_withdrawal") {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        pu.id.pos,
                        format!(
                            "purpose `{}` relies on consent without saying how to withdraw it",
                            pu.id.v
                        ),
                    )
                    .label("consent, but how is it withdrawn?")
                    .help("add `consent_withdrawal: {en: \"…\", cy: \"…\"}` (Art 7(3))"),
                );
            }
        }
    }
}
