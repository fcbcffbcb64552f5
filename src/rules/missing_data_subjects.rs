//! `missing-data-subjects`: a notice that does not say whose information it covers.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-data-subjects",
    default: Some(Level::Warn),
    summary: "a notice that does not say whose information it covers",
    explanation: "Saying whose information a notice covers (service users, their representatives, staff, complainants) is part of the record of processing (Art 30(1)(c)) and ICO good practice: people can tell at once whether the notice is about them. Add `data_subjects`.",
    bad: "title: {en: Advice, cy: Cyngor}\n",
    good: "title: {en: Advice, cy: Cyngor}\ndata_subjects:\n  - {en: People who ask us for advice, cy: Pobl sy'n gofyn i ni am gyngor}\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    for n in p.notices {
        if n.data_subjects.is_none() && !n.wrote("data_subjects") {
            out.push(
                Diagnostic::new(LINT.name, n.file, n.first_key, format!("notice `{}` does not say whose information it covers", n.id))
                    .label("add `data_subjects`")
                    .help("list the people this notice is about, e.g. service users and their representatives"),
            );
        }
    }
}
