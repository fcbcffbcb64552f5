//! `--format json`: one object, `{"diagnostics": [...], "errors": N, "warnings": N}`.

use serde_json::{json, Value};

use super::{count, Diagnostic};
use crate::load::Sources;

pub fn diagnostic(d: &Diagnostic, sources: &Sources) -> Value {
    let mut v = json!({
        "lint": d.lint,
        "severity": d.severity.as_str(),
        "file": sources.path(d.file),
        "line": d.pos.line,
        "column": d.pos.col,
        "message": d.message,
    });
    if let Some(map) = v.as_object_mut() {
        if let Some(l) = &d.label {
            map.insert("label".into(), json!(l));
        }
        if let Some(h) = &d.help {
            map.insert("help".into(), json!(h));
        }
        if !d.notes.is_empty() {
            map.insert("notes".into(), json!(d.notes));
        }
    }
    v
}

pub fn render(diags: &[Diagnostic], sources: &Sources) -> String {
    let c = count(diags);
    let v = json!({
        "diagnostics": diags.iter().map(|d| diagnostic(d, sources)).collect::<Vec<_>>(),
        "errors": c.errors,
        "warnings": c.warnings,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
