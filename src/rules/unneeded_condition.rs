//! `unneeded-condition`: an Art 9 or Art 10 condition on a purpose that uses no such data.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "unneeded-condition",
    default: Some(Level::Warn),
    summary: "an Art 9 or Art 10 condition on a purpose that uses no such data",
    explanation: "A special condition or Schedule 1 condition on a purpose with no special-category data, or a criminal condition on a purpose with no criminal-offence data, tells readers you process data that you do not, or shows a category missing from the purpose's `categories`. Remove the condition or add the category.",
    bad: "purposes:\n  - id: newsletter\n    categories: [contact]\n    special_condition: explicit-consent\n",
    good: "purposes:\n  - id: newsletter\n    categories: [contact]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            // The categories are looked up only for a purpose with a condition.
            let special = || n.purpose_categories(pu).any(|c| !c.special.is_empty());
            let criminal = || n.purpose_categories(pu).any(|c| c.criminal);
            if (pu.special_condition.is_some() || pu.schedule1.is_some()) && !special() {
                if let Some(sc) = &pu.special_condition {
                    out.push(unneeded(
                        n.file,
                        sc.pos,
                        &pu.id.v,
                        "a special condition",
                        "special-category",
                    ));
                }
                if let Some(s1) = &pu.schedule1 {
                    out.push(unneeded(
                        n.file,
                        s1.pos,
                        &pu.id.v,
                        "a Schedule 1 condition",
                        "special-category",
                    ));
                }
            }
            if pu.criminal_condition.is_some() && !criminal() {
                if let Some(cc) = &pu.criminal_condition {
                    out.push(unneeded(
                        n.file,
                        cc.pos,
                        &pu.id.v,
                        "a criminal condition",
                        "criminal-offence",
                    ));
                }
            }
        }
    }
}

fn unneeded(file: FileId, at: Pos, purpose: &str, what: &str, data: &str) -> Diagnostic {
    Diagnostic::new(
        LINT.name,
        file,
        at,
        format!("purpose `{purpose}` has {what} but uses no {data} data"),
    )
    .label("not needed")
    .help(format!(
        "remove it, or add the {data} category to the purpose's `categories`"
    ))
}
