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
