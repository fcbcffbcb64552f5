//! `automated-decision-special-category`: a significant automated decision on special-category data without the conditions Art 22B allows.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "automated-decision-special-category",
    default: Some(Level::Deny),
    summary: "a significant automated decision on special-category data without the conditions Art 22B allows",
    explanation: "Since the Data (Use and Access) Act 2025, Art 22B allows a significant decision based solely on automated processing of special-category data only with the person's explicit consent, or where it is necessary for reasons of substantial public interest (with a basis in law). Every purpose an automated decision serves, if it uses special-category data, must have `special_condition: explicit-consent` or `substantial-public-interest`.",
    bad: "automated_decisions:\n  - id: triage\n    purposes: [support]   # support uses health data under health-social-care\n",
    good: "purposes:\n  - id: support\n    special_condition: explicit-consent\n    consent_withdrawal: {en: …, cy: …}\n",
    check: Some(check),
};

fn check(p: &Project, out: &mut Vec<Diagnostic>) {
    for n in &p.notices {
        for a in &n.automated_decisions {
            for r in &a.purposes {
                let Some(pu) = n.purpose(&r.v) else { continue };
                if n.purpose_categories(pu).all(|c| c.special.is_empty()) {
                    continue;
                }
                let ok = matches!(
                    pu.special_condition.as_ref().map(|c| c.v),
                    Some(
                        SpecialCondition::ExplicitConsent
                            | SpecialCondition::SubstantialPublicInterest
                    )
                );
                if !ok {
                    out.push(
                        Diagnostic::new(LINT.name, n.file, r.pos, format!("automated decision `{}` uses special-category data through purpose `{}` without explicit consent or substantial public interest", a.id.v, pu.id.v))
                            .label("Art 22B does not allow this")
                            .help("rest the purpose on `explicit-consent` or `substantial-public-interest`, or add human involvement so the decision is not solely automated"),
                    );
                }
            }
        }
    }
}
