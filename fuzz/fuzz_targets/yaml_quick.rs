//! The quick YAML reader against saphyr-parser: on any text, `yaml::parse` (which reads
//! plain block YAML quickly and leaves the rest to saphyr-parser) builds exactly the tree,
//! positions and problems that `yaml::parse_full` (saphyr-parser alone) builds.
#![no_main]
use hysbys::load::yaml::{parse, parse_full, Bump, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::default();
    let arena = Bump::new();
    let quick = parse(text, &arena, &limits);
    let full = parse_full(text, &arena, &limits);
    assert_eq!(
        format!("{:?} {:?}", quick.root, quick.problems),
        format!("{:?} {:?}", full.root, full.problems),
        "the readers differ on {text:?}"
    );
});
