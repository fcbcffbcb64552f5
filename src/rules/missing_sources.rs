//! `missing-sources`: data from others without saying where it comes from.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-sources",
    default: Some(Level::Deny),
    summary: "data from others without saying where it comes from",
    explanation: "When personal data is not collected from the person, Art 14(2)(f) requires the notice to say where it comes from, and whether from publicly accessible sources. A notice with a category whose `source` is `others` or `both` needs `sources`.",
    bad: "categories:\n  - id: referral\n    source: others\n",
    good: "sources:\n  - name: {en: Your GP, cy: Eich meddyg teulu}\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        if !n.sources.is_empty() || n.wrote("sources") {
            continue;
        }
        if let Some(c) = n
            .categories
            .iter()
            .find(|c| c.source != DataSource::Subject)
        {
            out.push(
                Diagnostic::new(
                    LINT.name,
                    n.file,
                    n.first_key,
                    format!("notice `{}` has data from others but no `sources`", n.id),
                )
                .label("this notice needs `sources`")
                .help(format!(
                    "category `{}` comes from others: add `sources:` naming where (Art 14(2)(f))",
                    c.id.v
                )),
            );
        }
    }
}
