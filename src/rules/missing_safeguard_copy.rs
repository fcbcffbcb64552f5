//! `missing-safeguard-copy`: a transfer safeguard without saying how to get a copy.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-safeguard-copy",
    default: Some(Level::Warn),
    summary: "a transfer safeguard without saying how to get a copy",
    explanation: "Art 13(1)(f) requires the notice to say how to obtain a copy of the safeguards for a transfer, or where they have been made available. Adequacy regulations and the Art 49(1)(a)-(g) derogations need none; every other safeguard needs `copy`, a URL or a sentence.",
    bad: "transfers:\n  - country: US\n    safeguard: idta\n",
    good: "transfers:\n  - country: US\n    safeguard: idta\n    copy: https://www.example.gov.wales/transfers\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let check = |file: FileId, r: &Recipient, out: &mut Vec<Diagnostic>| {
        for t in &r.transfers {
            let Some(s) = &t.safeguard else { continue };
            let exempt = s.v == Safeguard::Adequacy
                || (s.v == Safeguard::Derogation
                    && t.derogation
                        .as_ref()
                        .is_some_and(|d| d.v != Derogation::CompellingInterests));
            if !exempt && t.copy.is_none() {
                out.push(
                    Diagnostic::new(LINT.name, file, s.pos, format!("recipient `{}` transfers under `{}` without saying how to get a copy", r.id.v, s.v.code()))
                        .label("add `copy`")
                        .help("add `copy:` with a URL or a sentence saying how people can get a copy (Art 13(1)(f))"),
                );
            }
        }
    };
    for (file, r) in p.written_recipients() {
        check(file, r, out);
    }
}
