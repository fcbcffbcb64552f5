//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. Hand-rolled serde values
//! (a few dozen lines) rather than a crate of generated types; a test validates the output
//! against the OASIS schema.

use serde_json::{json, Value};

use super::{Diagnostic, Severity};
use crate::load::Sources;
use crate::rules::LINTS;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: unreserved characters and `/` as they are, every
/// other byte percent-encoded (RFC 3986), so `notices/gŵyl haf.yaml` is a valid `uri`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(diags: &[Diagnostic], sources: &Sources) -> String {
    let rules: Vec<Value> = LINTS
        .iter()
        .map(|l| {
            json!({
                "id": l.name,
                "shortDescription": {"text": l.summary},
                "fullDescription": {"text": l.explanation},
                "help": {"text": format!("{}\n\nBad:\n{}\nGood:\n{}", l.explanation, l.bad, l.good)},
                "defaultConfiguration": {"level": level(l.default_severity())},
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let rule_index = LINTS.iter().position(|l| l.name == d.lint).unwrap_or(0);
            json!({
                "ruleId": d.lint,
                "ruleIndex": rule_index,
                "level": level(d.severity),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(sources.path(d.file)), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": d.pos.line, "startColumn": d.pos.col},
                    }
                }],
            })
        })
        .collect();
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "hysbys",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
