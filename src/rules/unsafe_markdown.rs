//! `unsafe-markdown`: raw HTML, a disallowed link scheme or a remote image in Markdown.

use super::prelude::*;
use crate::render::markdown;

pub static LINT: Lint = Lint {
    name: "unsafe-markdown",
    default: Some(Level::Deny),
    summary: "raw HTML, a disallowed link scheme or a remote image in Markdown",
    explanation: "Notices are published on council websites, so Markdown never passes raw HTML, links only to http:, https:, mailto:, tel: and relative addresses, and shows images only from inside the site (a remote image would tell a third party who reads the notice). Whatever the level of this lint, the output is neutralised: raw HTML is shown as text, a bad link as its text, a bad image as its alt text.",
    bad: "summary:\n  en: 'Read <b>this</b> and [our policy](javascript:alert(1)).'\n",
    good: "summary:\n  en: 'Read **this** and [our policy](https://www.example.gov.wales/policy).'\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let report = |file: FileId, t: &Text, out: &mut Vec<Diagnostic>| {
        for lang in &p.config.languages {
            for problem in markdown::problems(t.get(*lang)) {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        file,
                        t.span(*lang).unwrap_or(t.pos),
                        format!("unsafe Markdown in the `{}` text", lang.code()),
                    )
                    .label(problem.to_string())
                    .help(
                        "use Markdown instead of HTML, and links starting https:, mailto: or tel:",
                    ),
                );
            }
            if t.plain {
                break;
            }
        }
    };
    if let Some(o) = p.organisation_file() {
        for t in o.markdown() {
            report(o.file, t, out);
        }
    }
    // A notice whose reader found every string of its file plainly safe has nothing to
    // report (the test of this lint holds the shortcut to the long way on every notice).
    for n in p.notices.iter().filter(|n| !n.plain_markdown) {
        for t in n.markdown() {
            report(n.file, t, out);
        }
    }
}
