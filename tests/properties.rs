//! Property tests over large input spaces: ids, any text escaped in the HTML, and the
//! register valid against its schema whatever the notice says.

use hysbys::load::{convert::is_id, load_texts, Options};
use hysbys::model::{Date, Lang};
use proptest::prelude::*;

const ORG: &str = include_str!("fixtures/lints/base/notices/_organisation.yaml");

fn opts() -> Options {
    Options {
        cache: false,
        today: Some(Date::constant(2026, 11, 23)),
    }
}

/// A YAML double-quoted scalar holding `s` exactly (JSON strings are valid YAML ones).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn notice(title_en: &str, title_cy: &str, basis: &str, period: &str, extra: &str) -> String {
    format!(
        "title: {{en: {}, cy: {}}}\nsummary: {{en: S, cy: S}}\nupdated: 2026-10-01\ndata_subjects: [{{en: A, cy: A}}]\ncategories:\n  - id: contact\n    name: {{en: C, cy: C}}\npurposes:\n  - id: p\n    name: {{en: P, cy: P}}\n    categories: [contact]\n    lawful_basis: {basis}\n    legislation: [Local Government Act 1972]\n    consent_withdrawal: {{en: W, cy: W}}\n{extra}recipients: []\nretention:\n  - id: r\n    records: {{en: R, cy: R}}\n    period: {period}\n    from: {{en: F, cy: F}}\n    justification: {{en: J, cy: J}}\nstatutory_requirement: {{en: S, cy: S}}\n",
        q(title_en),
        q(title_cy)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ids_follow_the_pattern(s in "[a-z0-9][a-z0-9-]{0,63}") {
        prop_assert!(is_id(&s));
    }

    #[test]
    fn not_ids(s in "([A-Z_ .é/]|-[a-z]|[a-z0-9]{65})[a-zA-Z0-9_ .-]{0,10}") {
        prop_assert!(!is_id(&s));
    }

    /// Whatever a title says, the page shows it as text: escaped, never markup.
    #[test]
    fn any_text_is_escaped_in_the_html(en in "\\PC{1,40}", cy in "[<>&\"' a-zŵŷ]{1,20}") {
        prop_assume!(!en.trim().is_empty() && !cy.trim().is_empty());
        let text = notice(&en, &cy, "public-task", "P6Y", "");
        let project = load_texts(None, Some(ORG), &[("n", &text)], &opts());
        prop_assume!(project.load_diagnostics.is_empty());
        let i18n = hysbys::i18n::I18n::builtin();
        let theme = hysbys::render::site::builtin_theme().expect("theme");
        let site = hysbys::render::site::Site::new(&project, &i18n, &theme, false);
        let n = &project.notices[0];
        for (lang, s) in [(Lang::En, &en), (Lang::Cy, &cy)] {
            let html = String::from_utf8(site.notice(n, lang).expect("render")).expect("utf-8");
            let escaped = hysbys::render::view::html_escape(s);
            // HTML collapses white space, and so may the minifier: compare words.
            let words = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
            let h1 = html.split("<h1>").nth(1).and_then(|r| r.split("</h1>").next()).unwrap_or("");
            prop_assert_eq!(words(h1), words(&escaped), "{:?}: {:?} not shown escaped", lang, s);
            prop_assert!(!html.contains("<script"));
        }
    }

    /// The register validates against its schema for any mix of bases, periods and qualifiers.
    #[test]
    fn register_always_validates(
        basis in prop::sample::select(vec!["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"]),
        y in 0u16..30, m in 0u16..13, w in 0u16..5, d in 0u16..40,
        indefinite in any::<bool>(),
        qualifier in prop::sample::select(vec!["", "    direct_marketing: true\n"]),
    ) {
        let period = if indefinite || y + m + w + d == 0 {
            "indefinite".to_owned()
        } else {
            hysbys::model::Duration::Period { years: y, months: m, weeks: w, days: d }.to_string()
        };
        let text = notice("T", "T", basis, &period, qualifier);
        let project = load_texts(None, Some(ORG), &[("n", &text)], &opts());
        prop_assert!(project.load_diagnostics.is_empty(), "{:?}", project.load_diagnostics);
        let i18n = hysbys::i18n::I18n::builtin();
        let register = hysbys::emit::register::register(&project, &i18n);
        let schema: serde_json::Value = serde_json::from_str(hysbys::emit::register::REGISTER_SCHEMA).expect("schema");
        let validator = jsonschema::validator_for(&schema).expect("compiles");
        let errors: Vec<String> = validator.iter_errors(&register).map(|e| format!("{e} at {}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
    }
}

/// A notice's reader marks it `plain_markdown` only when every Markdown value of its file
/// is plainly safe, so `unsafe-markdown` may pass it over: held to the long way (every
/// value parsed by `markdown::parsed_problems`) on purpose details made of the tokens that start
/// unsafe Markdown, written as folded and literal blocks and as quoted and plain scalars,
/// with links split across lines.
#[test]
fn plain_markdown_notices_have_no_unsafe_markdown() {
    // Block style, which the quick reader takes (it leaves nested flow collections to the
    // full parser, which never marks a file); the purpose's details follow.
    const BLOCK_NOTICE: &str = "title:\n  en: T\n  cy: T\nsummary:\n  en: S\n  cy: S\nupdated: 2026-10-01\ndata_subjects:\n  - en: A\n    cy: A\ncategories:\n  - id: contact\n    name:\n      en: C\n      cy: C\nrecipients: []\nretention:\n  - id: r\n    records:\n      en: R\n      cy: R\n    period: P6Y\n    from:\n      en: F\n      cy: F\n    justification:\n      en: J\n      cy: J\nstatutory_requirement:\n  en: S\n  cy: S\npurposes:\n  - id: p\n    name:\n      en: P\n      cy: P\n    categories: [contact]\n    lawful_basis: public-task\n    legislation: [Local Government Act 1972]\n    consent_withdrawal:\n      en: W\n      cy: W\n";
    const TOKENS: &[&str] = &[
        "word",
        " ",
        " ",
        "<",
        "<b>",
        "!",
        "![i](x.png)",
        "[",
        "]",
        "(",
        ")",
        ":",
        "](",
        "[a](https://ok.example/x)",
        "[a](javascript:alert(1))",
        "[a](http://x y)",
        "]: /x",
        "&amp;",
        "\\",
        "'",
        "''",
        "\n",
        "\n",
        "\n\n",
        "ŵ",
        "](https://a.example/\n",
        "(mailto:a@b)",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut below = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let (mut plain, mut not_plain) = (0, 0);
    for round in 0..1500 {
        let mut s = String::from("We");
        for _ in 0..below(12) {
            s.push_str(TOKENS[below(TOKENS.len())]);
        }
        s.push_str(" end");
        let lines: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let block = |indicator: &str| {
            let body: String = lines.iter().map(|l| format!("        {l}\n")).collect();
            format!("      en: {indicator}\n{body}")
        };
        let en = match round % 4 {
            0 => block(">-"),
            1 => block("|"),
            2 => format!("      en: '{}'\n", lines.join(" ").replace('\'', "''")),
            _ => format!("      en: {}\n", lines.join(" ")),
        };
        let text = format!("{BLOCK_NOTICE}    details:\n{en}      cy: Manylion\n");
        let project = load_texts(None, Some(ORG), &[("n", &text)], &opts());
        let Some(n) = project.notices.first() else {
            continue;
        };
        if !n.plain_markdown {
            not_plain += 1;
            continue;
        }
        plain += 1;
        for t in n.markdown() {
            for lang in [Lang::En, Lang::Cy] {
                let problems = hysbys::render::markdown::parsed_problems(t.get(lang));
                assert!(
                    problems.is_empty(),
                    "marked plain, but {:?} has {problems:?}\n{text}",
                    t.get(lang)
                );
            }
        }
    }
    assert!(
        plain > 300 && not_plain > 300,
        "{plain} plain, {not_plain} not"
    );
}
