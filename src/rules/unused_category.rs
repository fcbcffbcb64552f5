//! `unused-category`: a category that no purpose uses.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "unused-category",
    default: Some(Level::Warn),
    summary: "a category that no purpose uses",
    explanation: "Every category should be used for some purpose; an unused one is either collected without a purpose (against the purpose limitation and data minimisation principles, Art 5(1)(b), (c)) or missing from a purpose's `categories`.",
    bad: "categories:\n  - id: contact\n  - id: photo\npurposes:\n  - id: advice\n    categories: [contact]\n",
    good: "purposes:\n  - id: advice\n    categories: [contact, photo]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for c in &n.categories {
            if !n
                .purposes
                .iter()
                .any(|pu| pu.categories.iter().any(|r| r.v == c.id.v))
            {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        c.id.pos,
                        format!("no purpose uses category `{}`", c.id.v),
                    )
                    .label("unused")
                    .help("add it to a purpose's `categories`, or stop collecting it"),
                );
            }
        }
    }
}
