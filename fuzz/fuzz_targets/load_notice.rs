//! The YAML loader and the reading of a notice: any bytes, no panic, and every diagnostic
//! points inside the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut diags = Vec::new();
    let langs = [hysbys::model::Lang::En, hysbys::model::Lang::Cy];
    let _ = hysbys::load::notice_from_text(text, "fuzz", 0, &langs, &mut diags);
    let lines = text.lines().count() as u32 + 1;
    for d in &diags {
        assert!(d.pos.line >= 1 && d.pos.line <= lines + 1, "{d:?} outside the file");
        assert!(d.pos.col >= 1, "{d:?}");
    }
});
