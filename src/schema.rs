//! JSON Schemas (draft 2020-12) of the input files, for editors (yaml-language-server), and
//! of the register. Hand-written so every field carries a description; tests validate the
//! example project and the generated register against them, so they cannot drift.

pub const NOTICE: &str = include_str!("../schemas/notice.schema.json");
pub const ORGANISATION: &str = include_str!("../schemas/organisation.schema.json");
