//! `missing-recipients`: a notice that does not say who its information is shared with.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-recipients",
    default: Some(Level::Warn),
    summary: "a notice that does not say who its information is shared with",
    explanation: "Art 13(1)(e) requires the recipients or categories of recipients. Without `recipients` hysbys renders nothing rather than claim you share with no one; write `recipients: []` to say plainly that you share with nobody.",
    bad: "title: {en: Advice, cy: Cyngor}\n",
    good: "recipients: []   # we share with no one\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        if n.recipients.is_none() && !n.wrote("recipients") {
            out.push(
                Diagnostic::new(LINT.name, n.file, n.first_key, format!("notice `{}` does not say who its information is shared with", n.id))
                    .label("add `recipients`")
                    .help("list recipients, or write `recipients: []` if you share with no one (Art 13(1)(e))"),
            );
        }
    }
}
