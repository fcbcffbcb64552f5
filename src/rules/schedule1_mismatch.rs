//! `schedule1-mismatch`: a Schedule 1 paragraph that does not fit the condition it is given with.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "schedule1-mismatch",
    default: Some(Level::Deny),
    summary: "a Schedule 1 paragraph that does not fit the condition it is given with",
    explanation: "`schedule1` must match the Art 9 condition: exactly 1 for employment-social-security, 2 for health-social-care, 3 for public-health, 4 for archiving-research, one of 6-28 for substantial-public-interest, and nothing for the other conditions. A `criminal_condition` paragraph must be one usable for criminal-offence data (1-4, 6, 7, 10-15, 17, 18, 23-35 or 37; 36 only as `{paragraph: 36, extends: N}` with N one of 6, 7, 10-15, 17, 18, 23-28).",
    bad: "special_condition: health-social-care\nschedule1: 17\n",
    good: "special_condition: health-social-care\nschedule1: 2\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        for pu in &n.purposes {
            if let (Some(sc), Some(s1)) = (&pu.special_condition, &pu.schedule1) {
                if !sc.v.accepts_schedule1(s1.v) {
                    let expected = match sc.v.schedule1_need() {
                        Schedule1Need::None => format!(
                            "`{}` takes no Schedule 1 condition: remove `schedule1`",
                            sc.v.code()
                        ),
                        Schedule1Need::Exactly(k) => {
                            format!("`{}` takes `schedule1: {k}`", sc.v.code())
                        }
                        Schedule1Need::Part2 => {
                            format!("`{}` takes a Part 2 paragraph, 6 to 28", sc.v.code())
                        }
                    };
                    out.push(
                        Diagnostic::new(
                            LINT.name,
                            n.file,
                            s1.pos,
                            format!(
                                "Schedule 1 paragraph {} does not fit `{}` in purpose `{}`",
                                s1.v,
                                sc.v.code(),
                                pu.id.v
                            ),
                        )
                        .label("wrong paragraph for this condition")
                        .help(expected),
                    );
                }
            }
            if let Some(cc) = &pu.criminal_condition {
                let bad = match cc.v {
                    CriminalCondition::Paragraph(k) if !criminal_paragraph_usable(k) => Some(
                        format!("paragraph {k} cannot be used for criminal-offence data"),
                    ),
                    CriminalCondition::Extends(k) if !para36_extends_usable(k) => {
                        Some(format!("paragraph 36 cannot extend paragraph {k}"))
                    }
                    _ => None,
                };
                if let Some(why) = bad {
                    out.push(
                        Diagnostic::new(LINT.name, n.file, cc.pos, format!("{why} (purpose `{}`)", pu.id.v))
                            .label("not a usable criminal-offence condition")
                            .help("use 1-4, 6, 7, 10-15, 17, 18, 23-35 or 37, `{paragraph: 36, extends: N}`, or `official-authority`"),
                    );
                }
            }
        }
    }
}
