//! The whole check pipeline on one organisation file plus one notice (split at a line
//! `---8<---`), then the rendering of the notice in both languages and the register.
#![no_main]
use libfuzzer_sys::fuzz_target;

const ORG: &str = include_str!("../../tests/fixtures/register-basic/notices/_organisation.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (org, notice) = match text.split_once("\n---8<---\n") {
        Some((o, n)) => (o, n),
        None => (ORG, text),
    };
    let opts = hysbys::load::Options {
        cache: false, today: hysbys::model::Date::new(2026, 11, 23).ok() };
    let mut project = hysbys::load::load_texts(None, Some(org), &[("fuzz", notice)], &opts);
    let mut diags = std::mem::take(&mut project.load_diagnostics);
    hysbys::rules::check(&project, &mut diags);
    hysbys::rules::finish(&project, &mut diags);
    let _ = hysbys::diag::human::render(&diags, &project.sources, false);
    let _ = hysbys::diag::sarif::render(&diags, &project.sources);
    // Render even when there are errors: the renderer must not panic on a partial model.
    let i18n = hysbys::i18n::I18n::builtin();
    let theme = hysbys::render::site::builtin_theme();
    if let Some(theme) = theme {
        let site = hysbys::render::site::Site::new(&project, &i18n, &theme, false);
        for n in &project.notices {
            for lang in hysbys::model::Lang::ALL {
                if let Ok(html) = site.notice(n, lang) {
                    let html = String::from_utf8_lossy(&html);
                    assert!(!html.contains("<script"), "script in output");
                }
            }
        }
    }
    let _ = hysbys::emit::register::register(&project, &i18n);
});
