//! The Markdown sanitiser: whatever the input, the output has only allow-listed tags and
//! attributes and no disallowed URL scheme; and `unsafe-markdown`'s scans that skip parsing
//! find what parsing finds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let html = hysbys::render::markdown::to_html(text, 2);
    if let Err(e) = hysbys::render::markdown::allow_listed(&html) {
        panic!("{e}");
    }
    assert_eq!(
        hysbys::render::markdown::problems(text),
        hysbys::render::markdown::parsed_problems(text)
    );
});
