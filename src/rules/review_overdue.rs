//! `review-overdue`: a notice past its review date.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "review-overdue",
    default: Some(Level::Warn),
    summary: "a notice past its review date",
    explanation: "Notices drift from practice. `review_by` records when a notice should next be reviewed; from the day after it, this warns. \"Today\" is the Europe/London date, or `--today YYYY-MM-DD`, or SOURCE_DATE_EPOCH, so CI and reproducible builds can pin it.",
    bad: "review_by: 2025-01-31\n",
    good: "updated: 2026-10-01\nreview_by: 2027-10-01\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        if let Some(r) = &n.review_by {
            if p.today > r.v {
                out.push(
                    Diagnostic::new(
                        LINT.name,
                        n.file,
                        r.pos,
                        format!("notice `{}` was due for review by {}", n.id, r.v),
                    )
                    .label(format!("overdue (today is {})", p.today))
                    .help("review the notice, then update `updated` and `review_by`"),
                );
            }
        }
    }
}
