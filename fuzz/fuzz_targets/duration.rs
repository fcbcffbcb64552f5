//! The duration parser: no panic, and whatever parses prints back to the same text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(d) = hysbys::model::Duration::parse(text) {
        assert_eq!(d.to_string(), text);
    }
});
