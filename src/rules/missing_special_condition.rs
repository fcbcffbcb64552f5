//! `missing-special-condition`: special-category data used without an Art 9 condition.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-special-condition",
    default: Some(Level::Deny),
    summary: "special-category data used without an Art 9 condition",
    explanation: "Processing special-category data (Art 9(1): health, ethnic origin, religion, sexual orientation and the rest) is prohibited unless one of the conditions of Art 9(2) applies, in addition to the Art 6 lawful basis. A purpose that uses a category with `special` must name it in `special_condition`.",
    bad: "categories:\n  - id: health\n    special: [health]\npurposes:\n  - id: support\n    categories: [health]\n    lawful_basis: public-task\n",
    good: "purposes:\n  - id: support\n    categories: [health]\n    lawful_basis: public-task\n    special_condition: substantial-public-interest\n    schedule1: 18\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            // The categories are looked up only for a purpose with no condition, and listed
            // only for the message.
            let is_special = |c: &&Category| !c.special.is_empty();
            if pu.special_condition.is_none()
                && !pu.wrote("special_condition")
                && n.purpose_categories(pu).any(|c| is_special(&c))
            {
                let special: Vec<&str> = n
                    .purpose_categories(pu)
                    .filter(is_special)
                    .map(|c| c.id.v.as_str())
                    .collect();
                out.push(
                    Diagnostic::new(LINT.name, n.file, pu.id.pos, format!("purpose `{}` uses special-category data without an Article 9 condition", pu.id.v))
                        .label(format!("uses {}", special.join(", ")))
                        .help("add `special_condition:` (e.g. `substantial-public-interest` with `schedule1: N`)"),
                );
            }
        }
    }
}
