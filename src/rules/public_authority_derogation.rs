//! `public-authority-derogation`: a public authority transferring data abroad on a derogation that Art 49(3) withholds from it.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "public-authority-derogation",
    default: Some(Level::Warn),
    summary: "a public authority relying on a transfer derogation that Art 49(3) withholds from it",
    explanation: "Art 49(3) says the derogations for explicit consent (49(1)(a)), contracts (49(1)(b) and (c)) and compelling legitimate interests do not apply to activities carried out by public authorities in the exercise of their public powers. A council that transfers data abroad as part of its functions needs adequacy, an appropriate safeguard, or another derogation such as important reasons of public interest (49(1)(d)). This is a warning because a public authority may act outside its public powers.",
    bad: "# _organisation.yaml: public_authority: true\ntransfers:\n  - country: US\n    safeguard: derogation\n    derogation: a\n",
    good: "transfers:\n  - country: US\n    safeguard: idta\n    copy: https://www.example.gov.wales/transfers\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = &p.org else { return };
    if !o.public_authority.v {
        return;
    }
    let check = |file: FileId, r: &Recipient, out: &mut Vec<Diagnostic>| {
        for t in &r.transfers {
            let Some(d) = &t.derogation else { continue };
            if matches!(
                d.v,
                Derogation::A | Derogation::B | Derogation::C | Derogation::CompellingInterests
            ) {
                out.push(
                    Diagnostic::new(LINT.name, file, d.pos, format!("recipient `{}` transfers under derogation `{}`, which a public authority cannot use in the exercise of its public powers", r.id.v, d.v.code()))
                        .label("not available to public authorities (Art 49(3))")
                        .help("use adequacy, an appropriate safeguard (e.g. `idta`), or derogation `d` (important reasons of public interest)"),
                );
            }
        }
    };
    for (file, r) in p.written_recipients() {
        check(file, r, out);
    }
}
