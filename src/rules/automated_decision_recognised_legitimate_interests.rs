//! `automated-decision-recognised-legitimate-interests`: a significant automated decision that rests on recognised legitimate interests.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "automated-decision-recognised-legitimate-interests",
    default: Some(Level::Deny),
    summary: "a significant automated decision that rests on recognised legitimate interests",
    explanation: "Art 22B, inserted by the Data (Use and Access) Act 2025, forbids a significant decision based solely on automated processing where the processing relies, entirely or partly, on recognised legitimate interests (Art 6(1)(ea)). A purpose that an automated decision serves must rest on another lawful basis, or the decision must involve a person who can change it.",
    bad: "purposes:\n  - id: fraud-check\n    lawful_basis: recognised-legitimate-interests\n    annex1: 4\nautomated_decisions:\n  - id: flag\n    purposes: [fraud-check]\n",
    good: "purposes:\n  - id: fraud-check\n    lawful_basis: public-task\n    legislation: [Local Government Finance Act 1992]\nautomated_decisions:\n  - id: flag\n    purposes: [fraud-check]\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for (a, r, pu) in n.automated_decision_purposes() {
            if pu.lawful_basis.as_ref().map(|b| b.v)
                == Some(LawfulBasis::RecognisedLegitimateInterests)
            {
                out.push(
                        Diagnostic::new(LINT.name, n.file, r.pos, format!("automated decision `{}` serves purpose `{}`, which relies on recognised legitimate interests", a.id.v, pu.id.v))
                            .label("Art 22B forbids this")
                            .help("rest the purpose on another lawful basis, or have a person review each decision so it is not solely automated"),
                    );
            }
        }
    }
}
