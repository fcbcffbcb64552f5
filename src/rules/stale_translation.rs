//! `stale-translation`: a translation made from primary-language text that has changed
//! since (the fingerprint in `hysbys.lock` no longer matches).

use super::prelude::*;
use crate::i18n::lock::hash;
use crate::i18n::values::{values_of, ORGANISATION};

pub static LINT: Lint = Lint {
    name: "stale-translation",
    default: Some(Level::Warn),
    summary: "a translation made from English that has changed since",
    explanation: "A notice must say the same thing in every language it is published in: people reading the Welsh have the same right to be informed (Arts 12 and 13, and the Welsh Language Standards for public bodies in Wales). `missing-translation` catches Welsh that is absent; this catches Welsh that is out of date. `hysbys.lock` records, for every Welsh value, a fingerprint of the English it was translated from (with that English, so this lint can show what changed). When the English no longer matches, the Welsh is reported at its own line and column. Update the Welsh, then record it with `hysbys i18n accept --notice <id>`, or send the stale values to a translator with `hysbys i18n export --to cy -o cy.xlf` and bring them back with `hysbys i18n import cy.xlf`.",
    bad: "# hysbys.lock records `contact/title  cy  …  Contacting the council`\ntitle:\n  en: Contact us\n  cy: Cysylltu â'r cyngor\n",
    good: "# after `hysbys i18n accept --notice contact`\ntitle:\n  en: Contact us\n  cy: Cysylltu â ni\n",
    check: Some(check),
};

/// A long text shortened for a note.
fn clip(s: &str) -> String {
    const MAX: usize = 240;
    let one_line = s.trim().replace('\n', "⏎");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let mut t: String = one_line.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Cy => "Welsh",
    }
}

fn check(p: &Scope, out: &mut Vec<Diagnostic>) {
    let Some(lock) = &p.lock else { return };
    if lock.is_empty() {
        return;
    }
    let primary = p.config.primary();
    let others: Vec<Lang> = p
        .config
        .languages
        .iter()
        .copied()
        .filter(|l| *l != primary)
        .collect();
    if others.is_empty() {
        return;
    }
    for v in values_of(p.organisation_file(), p.notices, primary) {
        let key = v.key();
        let now = v.text.get(primary);
        for &lang in &others {
            if v.text.get(lang).trim().is_empty() {
                continue;
            }
            let Some(fp) = lock.get(&key, lang) else {
                continue;
            };
            if fp.hash == hash(now) {
                continue;
            }
            let accept = if v.owner == ORGANISATION {
                format!("hysbys i18n accept --notice {ORGANISATION}")
            } else {
                format!("hysbys i18n accept --notice {}", v.owner)
            };
            let mut d = Diagnostic::new(
                LINT.name,
                v.file,
                v.text.span(lang).unwrap_or(v.text.pos),
                format!(
                    "the {} of `{key}` was translated from {} that has changed since",
                    lang_name(lang),
                    lang_name(primary)
                ),
            )
            .label(format!(
                "translated from earlier {}",
                lang_name(primary)
            ))
            .help(format!(
                "bring the {} up to date, then run `{accept}`; or send it to a translator with `hysbys i18n export --to {}`",
                lang_name(lang),
                lang.code()
            ));
            if let Some(before) = &fp.source {
                d = d.note(format!("{} then: {}", lang_name(primary), clip(before)));
                d = d.note(format!("{} now:  {}", lang_name(primary), clip(now)));
            }
            out.push(d);
        }
    }
}
