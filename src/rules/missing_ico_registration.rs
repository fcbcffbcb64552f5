//! `missing-ico-registration`: no ICO registration number.

use super::prelude::*;

pub static LINT: Lint = Lint {
    name: "missing-ico-registration",
    default: Some(Level::Warn),
    summary: "no ICO registration number",
    explanation: "Controllers that pay the data protection fee appear on the ICO's register of fee payers, and quoting the number lets readers check it. Bodies exempt from the fee have none; allow this lint in `[lints]` if that is you.",
    bad: "name: Example Council\n",
    good: "ico_registration: Z1234567\n",
    check: Some(check),
};

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(o) = p.organisation_file() else {
        return;
    };
    if o.ico_registration.is_none() && !o.wrote("ico_registration") {
        out.push(
            Diagnostic::new(LINT.name, o.file, o.first_key, "the organisation has no ICO registration number")
                .label("add `ico_registration`")
                .help("copy the number from the ICO register of fee payers, e.g. `ico_registration: Z1234567`"),
        );
    }
}
