//! `automated-decision-special-category`: a significant automated decision on special-category data without the conditions Art 22B allows.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "automated-decision-special-category",
    default: Some(Level::Deny),
    summary: "a significant automated decision on special-category data without the conditions Art 22B allows",
    explanation: "Since the Data (Use and Access) Act 2025, Art 22B allows a significant decision based solely on automated processing of special-category data only when it is based entirely on data the person explicitly consented to, or when Art 9(2)(g) (substantial public interest) applies and the decision is necessary for a contract with the person or required or authorised by law. So every purpose an automated decision serves, if it uses special-category data, needs `special_condition: explicit-consent`, or `substantial-public-interest` together with `lawful_basis: contract` or the authorising law in `legislation`.",
    bad: "automated_decisions:\n  - id: triage\n    purposes: [support]   # support uses health data under health-social-care\n",
    good: "purposes:\n  - id: support\n    special_condition: explicit-consent\n    consent_withdrawal: {en: …, cy: …}\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for (a, r, pu) in n.automated_decision_purposes() {
            if n.purpose_categories(pu).all(|c| c.special.is_empty()) {
                continue;
            }
            let condition = pu.special_condition.as_ref().map(|c| c.v);
            let by_contract_or_law = pu.lawful_basis.as_ref().map(|b| b.v)
                == Some(LawfulBasis::Contract)
                || !pu.legislation.is_empty();
            let problem = match condition {
                    Some(SpecialCondition::ExplicitConsent) => None,
                    Some(SpecialCondition::SubstantialPublicInterest) if by_contract_or_law => None,
                    Some(SpecialCondition::SubstantialPublicInterest) => Some((
                        "relies on substantial public interest without a contract or a law that authorises the decision",
                        "add the law that requires or authorises the decision to the purpose's `legislation` (Art 22B)",
                    )),
                    _ => Some((
                        "uses special-category data without explicit consent or substantial public interest",
                        "rest the purpose on `explicit-consent`, or `substantial-public-interest` with a contract or the authorising law, or add human involvement so the decision is not solely automated",
                    )),
                };
            if let Some((what, help)) = problem {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        r.pos,
                        format!(
                            "automated decision `{}` {what} (purpose `{}`)",
                            a.id.v, pu.id.v
                        ),
                    )
                    .label("Art 22B does not allow this")
                    .help(help),
                );
            }
        }
    }
}
