//! `public-authority-legitimate-interests`: a public authority relying on legitimate interests.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "public-authority-legitimate-interests",
    default: Some(Level::Warn),
    summary: "a public authority relying on legitimate interests",
    explanation: "Art 6(1) (last subparagraph) says legitimate interests cannot be relied on by public authorities in the performance of their tasks, and the same goes for recognised legitimate interests. A council can still use them for things outside its public tasks (running a cafe, say), so this is a warning: check the purpose, and use public-task where the processing is part of your functions.",
    bad: "public_authority: true   # in _organisation.yaml\n# …\nlawful_basis: legitimate-interests\n",
    good: "lawful_basis: public-task\nlegislation: [Local Government Act 1972]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = &p.org else { return };
    if !o.public_authority.v {
        return;
    }
    for n in p.notices {
        for pu in &n.purposes {
            let Some(b) = &pu.lawful_basis else { continue };
            if matches!(
                b.v,
                LawfulBasis::LegitimateInterests | LawfulBasis::RecognisedLegitimateInterests
            ) {
                out.push(
                    Diagnostic::new(LINT.name, n.file, b.pos, format!("purpose `{}` relies on {} but the organisation is a public authority", pu.id.v, b.v.code()))
                        .label("not available for a public authority's tasks")
                        .help("use `public-task` for processing that is part of your functions (Art 6(1) last subparagraph)"),
                );
            }
        }
    }
}
