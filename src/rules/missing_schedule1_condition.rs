//! `missing-schedule1-condition`: an Art 9 condition that needs a DPA 2018 Schedule 1 condition without one.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-schedule1-condition",
    default: Some(Level::Deny),
    summary: "an Art 9 condition that needs a DPA 2018 Schedule 1 condition without one",
    explanation: "Under DPA 2018 s.10, the Art 9(2)(b), (g), (h), (i) and (j) conditions are met only when a condition of Schedule 1 is: Part 1 paragraph 1 for employment and social security, 2 for health or social care, 3 for public health, 4 for archiving and research, and one of the Part 2 paragraphs 6-28 for substantial public interest. Name the paragraph in `schedule1`.",
    bad: "special_condition: substantial-public-interest\n",
    good: "special_condition: substantial-public-interest\nschedule1: 18   # safeguarding of children and individuals at risk\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            let Some(sc) = &pu.special_condition else {
                continue;
            };
            let need = sc.v.schedule1_need();
            if need != Schedule1Need::None && pu.schedule1.is_none() && !pu.wrote("schedule1") {
                let help = match need {
                    Schedule1Need::Exactly(k) => format!("add `schedule1: {k}`"),
                    _ => "add `schedule1: N` with a Part 2 paragraph from 6 to 28 (e.g. 6 statutory purposes, 18 safeguarding)".to_owned(),
                };
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        sc.pos,
                        format!(
                            "purpose `{}` relies on Article {} without a Schedule 1 condition",
                            pu.id.v,
                            sc.v.article().unwrap_or("9(2)")
                        ),
                    )
                    .label("needs `schedule1`")
                    .help(help),
                );
            }
        }
    }
}
