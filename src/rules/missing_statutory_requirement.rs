//! `missing-statutory-requirement`: a notice that does not say whether people must provide their data.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-statutory-requirement",
    default: Some(Level::Warn),
    summary: "a notice that does not say whether people must provide their data",
    explanation: "Art 13(2)(e) requires a notice to say whether providing the data is a statutory or contractual requirement, whether people are obliged to provide it, and what happens if they do not. It applies only where data is collected from the person (Art 14 has no such item), so this fires when some category has `source: subject` or `both`.",
    bad: "categories:\n  - id: contact\n",
    good: "statutory_requirement:\n  en: You do not have to give us your details, but we cannot help you without them.\n  cy: Does dim rhaid i chi roi eich manylion i ni, ond ni allwn eich helpu hebddynt.\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        if n.statutory_requirement.is_some() || n.wrote("statutory_requirement") {
            continue;
        }
        if n.categories.iter().any(|c| c.source != DataSource::Others) {
            out.push(
                Diagnostic::new(LINT.name, n.file, n.first_key, format!("notice `{}` does not say whether people must give their information", n.id))
                    .label("add `statutory_requirement`")
                    .help("say whether providing the data is required by law or contract, and what happens if people do not (Art 13(2)(e))"),
            );
        }
    }
}
