//! `transfer-without-safeguard`: a transfer outside the UK without its safeguard.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "transfer-without-safeguard",
    default: Some(Level::Deny),
    summary: "a transfer outside the UK without its safeguard",
    explanation: "Transfers of personal data outside the UK must rest on UK adequacy regulations (Art 45A), an appropriate safeguard (Art 46: IDTA, the Addendum, binding corporate rules…) or a derogation (Art 49), and the notice must say which (Art 13(1)(f)). Give `safeguard` on every transfer.",
    bad: "transfers:\n  - country: US\n",
    good: "transfers:\n  - country: US\n    safeguard: adequacy\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for (file, r) in p.written_recipients() {
        for t in r.transfers.iter().filter(|t| t.safeguard.is_none()) {
            out.push(transfer_diag(file, t, &r.id.v));
        }
    }
}

fn transfer_diag(file: FileId, t: &Transfer, recipient: &str) -> Diagnostic {
    Diagnostic::new(
        LINT.name,
        file,
        t.pos,
        format!("the transfer by recipient `{recipient}` has no safeguard"),
    )
    .label("on what basis does the data leave the UK?")
    .help("add `safeguard:` (e.g. `adequacy`, `idta`, `addendum`, `bcrs`)")
}
