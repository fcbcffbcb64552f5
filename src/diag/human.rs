//! rustc-style diagnostics for people, through annotate-snippets: headline, location, the
//! source line with a caret under the value, and `help:`. Colour only when asked for.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity};
use crate::load::Sources;

/// Character offset and length → byte range in `text`.
fn byte_range(text: &str, index: u32, len: u32) -> std::ops::Range<usize> {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let start = it.nth(index as usize).unwrap_or(text.len());
    let end = text[start..]
        .char_indices()
        .map(|(b, _)| start + b)
        .chain(std::iter::once(text.len()))
        .nth(len.max(1) as usize)
        .unwrap_or(text.len());
    // Keep the caret on the first line of a multi-line value.
    let line_end = text[start..end].find('\n').map_or(end, |i| start + i);
    start..line_end.max(start)
}

/// Render diagnostics to a string; `color` for a terminal.
pub fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = sources.path(d.file);
        let text = sources.text(d.file);
        let location = format!("{path}:{}:{}", d.pos.line, d.pos.col);
        let mut report: Vec<Group<'_>> = Vec::new();
        if text.is_empty() {
            let mut g = Group::with_title(level.primary_title(d.message.as_str()).id(d.lint));
            g = g.element(Level::NOTE.message(format!("in {location}")));
            report.push(g);
        } else {
            let range = byte_range(text, d.pos.index, d.pos.len);
            let mut ann = AnnotationKind::Primary.span(range);
            if let Some(l) = &d.label {
                ann = ann.label(l.as_str());
            }
            let g = Group::with_title(level.primary_title(d.message.as_str()).id(d.lint))
                .element(Snippet::source(text).path(path).fold(true).annotation(ann));
            report.push(g);
        }
        let mut extra = Vec::new();
        if let Some(h) = &d.help {
            extra.push(Level::HELP.message(h.as_str()));
        }
        for n in &d.notes {
            extra.push(Level::NOTE.message(n.as_str()));
        }
        extra.push(Level::NOTE.message(format!("run `hysbys explain {}` for the rule", d.lint)));
        if let Some(first) = report.pop() {
            let mut g = first;
            for e in extra {
                g = g.element(e);
            }
            report.push(g);
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The closing line: what was checked and what was found.
pub fn summary(notices: usize, errors: usize, warnings: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let checked = plural(notices, "notice", "notices");
    if errors == 0 && warnings == 0 {
        format!("checked {checked}: no problems found")
    } else {
        format!(
            "checked {checked}: {}, {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_count_characters() {
        let t = "a: ŵŷ\nb: x\n";
        assert_eq!(byte_range(t, 3, 2), 3..7);
        assert_eq!(&t[byte_range(t, 9, 1)], "x");
        // Past the end: empty range at the end.
        assert_eq!(byte_range(t, 100, 1), t.len()..t.len());
    }
}
