//! `missing-criminal-condition`: criminal-offence data used without an Art 10 condition.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-criminal-condition",
    default: Some(Level::Deny),
    summary: "criminal-offence data used without an Art 10 condition",
    explanation: "Personal data about criminal convictions and offences (Art 10) may be processed only under the control of official authority or when a condition of DPA 2018 Schedule 1 is met (s.10(5)). A purpose that uses a category with `criminal: true` must name it in `criminal_condition`: `official-authority`, a paragraph number, or `{paragraph: 36, extends: N}`.",
    bad: "categories:\n  - id: convictions\n    criminal: true\npurposes:\n  - id: licensing\n    categories: [convictions]\n    lawful_basis: public-task\n",
    good: "purposes:\n  - id: licensing\n    categories: [convictions]\n    lawful_basis: public-task\n    criminal_condition: 6\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            // The categories are looked up only for a purpose with no condition, and listed
            // only for the message.
            if pu.criminal_condition.is_none()
                && !pu.wrote("criminal_condition")
                && n.purpose_categories(pu).any(|c| c.criminal)
            {
                let criminal: Vec<&str> = n
                    .purpose_categories(pu)
                    .filter(|c| c.criminal)
                    .map(|c| c.id.v.as_str())
                    .collect();
                out.push(
                    Diagnostic::new(LINT.name, n.file, pu.id.pos, format!("purpose `{}` uses criminal-offence data without an Article 10 condition", pu.id.v))
                        .label(format!("uses {}", criminal.join(", ")))
                        .help("add `criminal_condition:` (`official-authority`, or a Schedule 1 paragraph such as 6 or 10)"),
                );
            }
        }
    }
}
