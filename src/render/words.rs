//! Values in words, in either language, from Fluent messages: dates ("1 Hydref 2026"),
//! durations with Welsh plural forms and mutations ("1 flwyddyn a 6 mis"), citations.

use fluent_bundle::FluentValue;

use crate::i18n::I18n;
use crate::model::{Date, Duration, Lang, Qualifier};

pub fn date(i: &I18n, lang: Lang, d: Date) -> String {
    let month = i.msg(lang, &format!("month-{}", d.month()));
    i.fmt(
        lang,
        "date",
        &[
            ("day", FluentValue::from(i64::from(d.day()))),
            ("month", FluentValue::from(month)),
            ("year", FluentValue::from(i64::from(d.year()))),
        ],
    )
}

/// A duration in words, e.g. "6 years", "1 flwyddyn a 6 mis", or "indefinitely".
pub fn duration(i: &I18n, lang: Lang, d: Duration) -> String {
    i.duration_words(lang, d, || duration_uncached(i, lang, d))
}

/// A retention period in words with its qualifier, if any: "at least 6 years".
pub fn period(i: &I18n, lang: Lang, d: Duration, qualifier: Option<Qualifier>) -> String {
    let words = duration(i, lang, d);
    let id = match qualifier {
        Some(Qualifier::AtLeast) => "retention-at-least",
        Some(Qualifier::UpTo) => "retention-up-to",
        None => return words,
    };
    i.fmt(lang, id, &[("period", FluentValue::from(words))])
}

fn duration_uncached(i: &I18n, lang: Lang, d: Duration) -> String {
    let Duration::Period {
        years,
        months,
        weeks,
        days,
    } = d
    else {
        return i.msg(lang, "retention-indefinite");
    };
    let parts: Vec<(u16, String)> = [
        (years, "duration-years"),
        (months, "duration-months"),
        (weeks, "duration-weeks"),
        (days, "duration-days"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, id)| {
        (
            n,
            i.fmt(lang, id, &[("n", FluentValue::from(i64::from(n)))]),
        )
    })
    .collect();
    let last_n = parts.last().map_or(0, |(n, _)| i64::from(*n));
    let names = ["first", "second", "third", "fourth"];
    match parts.len() {
        0 => String::new(),
        1 => parts.into_iter().next().map(|(_, s)| s).unwrap_or_default(),
        k => {
            let mut args: Vec<(&str, FluentValue<'_>)> = parts
                .iter()
                .zip(names)
                .map(|((_, s), name)| (name, FluentValue::from(s.as_str())))
                .collect();
            args.push(("last-n", FluentValue::from(last_n)));
            i.fmt(lang, &format!("duration-list-{k}"), &args)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(n: u16) -> Duration {
        Duration::Period {
            years: n,
            months: 0,
            weeks: 0,
            days: 0,
        }
    }

    #[test]
    fn welsh_years_with_mutations() {
        let i = I18n::builtin();
        assert_eq!(duration(&i, Lang::Cy, years(1)), "1 flwyddyn");
        assert_eq!(duration(&i, Lang::Cy, years(2)), "2 flynedd");
        assert_eq!(duration(&i, Lang::Cy, years(6)), "6 blynedd");
        assert_eq!(
            duration(
                &i,
                Lang::Cy,
                Duration::Period {
                    years: 0,
                    months: 0,
                    weeks: 0,
                    days: 14
                }
            ),
            "14 diwrnod"
        );
        assert_eq!(duration(&i, Lang::En, years(1)), "1 year");
        assert_eq!(duration(&i, Lang::En, years(6)), "6 years");
    }

    #[test]
    fn every_number_to_100_in_both_languages() {
        let i = I18n::builtin();
        for n in 1..=100u16 {
            for lang in Lang::ALL {
                for d in [
                    years(n),
                    Duration::Period {
                        years: 0,
                        months: n,
                        weeks: 0,
                        days: 0,
                    },
                    Duration::Period {
                        years: 0,
                        months: 0,
                        weeks: n,
                        days: 0,
                    },
                    Duration::Period {
                        years: 0,
                        months: 0,
                        weeks: 0,
                        days: n,
                    },
                ] {
                    let s = duration(&i, lang, d);
                    assert!(s.starts_with(&format!("{n} ")), "{lang:?} {d}: {s:?}");
                    assert!(
                        !s.contains("duration-") && !s.contains('{') && !s.contains('\u{2068}'),
                        "{s:?}"
                    );
                    let word = s.split(' ').nth(1).unwrap_or("");
                    assert!(!word.is_empty(), "{lang:?} {d}: {s:?}");
                }
            }
        }
    }

    #[test]
    fn combined_durations() {
        let i = I18n::builtin();
        let d = Duration::Period {
            years: 1,
            months: 6,
            weeks: 0,
            days: 0,
        };
        assert_eq!(duration(&i, Lang::En, d), "1 year and 6 months");
        let cy = duration(&i, Lang::Cy, d);
        assert!(
            cy.starts_with("1 flwyddyn a") && cy.ends_with("6 mis"),
            "{cy}"
        );
    }

    #[test]
    fn dates() {
        let i = I18n::builtin();
        let d = Date::constant(2026, 10, 1);
        assert_eq!(date(&i, Lang::En, d), "1 October 2026");
        assert_eq!(date(&i, Lang::Cy, d), "1 Hydref 2026");
    }
}
