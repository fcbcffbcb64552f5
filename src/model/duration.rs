//! ISO 8601 retention periods as the format allows them: `P` then one or more of `nY`,
//! `nM`, `nW`, `nD` in that order, each n 1–999 without a leading zero; or `indefinite`.
//! Hand-written (30 lines) because the rule is narrower than any ISO 8601 crate's.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Duration {
    Indefinite,
    Period {
        years: u16,
        months: u16,
        weeks: u16,
        days: u16,
    },
}

impl Duration {
    /// Parse a duration; the error says what is wrong, for `invalid-duration`.
    pub fn parse(s: &str) -> Result<Duration, String> {
        if s == "indefinite" {
            return Ok(Duration::Indefinite);
        }
        let Some(rest) = s.strip_prefix('P') else {
            return Err("a duration starts with `P` (e.g. `P6Y`), or is `indefinite`".into());
        };
        if rest.is_empty() {
            return Err("`P` needs at least one of `nY`, `nM`, `nW`, `nD`".into());
        }
        let mut fields = [0u16; 4];
        let units = ['Y', 'M', 'W', 'D'];
        let mut next_unit = 0;
        let mut digits = String::new();
        for c in rest.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let Some(u) = units.iter().position(|&x| x == c) else {
                return Err(match c {
                    'T' | 'H' | 'S' => {
                        "a duration has no time part: use days, weeks, months or years".into()
                    }
                    '.' | ',' => {
                        "a duration has whole numbers only (write `P18M`, not `P1.5Y`)".into()
                    }
                    'y' | 'm' | 'w' | 'd' => {
                        "duration units are upper case: `Y`, `M`, `W`, `D`".into()
                    }
                    _ => format!("unexpected `{c}` in a duration"),
                });
            };
            if u < next_unit {
                return Err("units come in the order Y, M, W, D, each at most once".into());
            }
            if digits.is_empty() {
                return Err(format!("`{c}` needs a number before it"));
            }
            if digits.starts_with('0') {
                return Err("numbers in a duration are 1 to 999 without a leading zero".into());
            }
            let n: u16 = match digits.parse() {
                Ok(n) if (1..=999).contains(&n) => n,
                _ => return Err("numbers in a duration are 1 to 999".into()),
            };
            fields[u] = n;
            next_unit = u + 1;
            digits.clear();
        }
        if !digits.is_empty() {
            return Err(format!("`{digits}` needs a unit after it (Y, M, W or D)"));
        }
        Ok(Duration::Period {
            years: fields[0],
            months: fields[1],
            weeks: fields[2],
            days: fields[3],
        })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Duration::Indefinite => f.write_str("indefinite"),
            Duration::Period {
                years,
                months,
                weeks,
                days,
            } => {
                f.write_str("P")?;
                for (n, u) in [(years, 'Y'), (months, 'M'), (weeks, 'W'), (days, 'D')] {
                    if n > 0 {
                        write!(f, "{n}{u}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_the_format_examples() {
        for s in [
            "P6Y",
            "P14D",
            "P1Y6M",
            "P3M",
            "P2W",
            "P1Y2M3W4D",
            "P999D",
            "indefinite",
        ] {
            let d = Duration::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn rejects_what_the_format_forbids() {
        for s in [
            "",
            "P",
            "6Y",
            "P0D",
            "P06Y",
            "P1000D",
            "PT5H",
            "P1.5Y",
            "P6y",
            "P6M1Y",
            "P1Y1Y",
            "P6",
            "PY",
            "Indefinite",
            "P1DT",
            "p6Y",
            " P6Y",
        ] {
            assert!(Duration::parse(s).is_err(), "{s:?} should be rejected");
        }
    }

    proptest! {
        #[test]
        fn round_trips(y in 0u16..1000, m in 0u16..1000, w in 0u16..1000, d in 0u16..1000) {
            prop_assume!(y + m + w + d > 0);
            let p = Duration::Period { years: y, months: m, weeks: w, days: d };
            prop_assert_eq!(Duration::parse(&p.to_string()), Ok(p));
        }

        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            let _ = Duration::parse(&s);
        }
    }
}
