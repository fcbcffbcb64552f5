//! `missing-retention`: a category that no retention entry covers.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-retention",
    default: Some(Level::Deny),
    summary: "a category that no retention entry covers",
    explanation: "Art 13(2)(a) and 14(2)(a) require the notice to say how long personal data is kept, or the criteria for deciding. Every category must be covered by some retention entry: one without `categories` covers every category of the notice.",
    bad: "categories:\n  - id: contact\n  - id: case-notes\nretention:\n  - id: contact\n    categories: [contact]\n",
    good: "retention:\n  - id: contact\n    categories: [contact]\n  - id: case-notes\n    categories: [case-notes]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for c in &n.categories {
            // An entry without `categories` covers all of the notice's (as
            // `Notice::retention_categories` has it), without listing them.
            let covered = n.retention.iter().any(|r| match &r.categories {
                Some(cats) => cats.iter().any(|x| x.v == c.id.v),
                None => true,
            });
            if !covered {
                out.push(
                    Diagnostic::new(LINT.name, n.file, c.id.pos, format!("no retention entry covers category `{}`", c.id.v))
                        .label("how long is this kept?")
                        .help("add the category to a retention entry's `categories`, or add an entry without `categories`"),
                );
            }
        }
    }
}
