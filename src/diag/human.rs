//! rustc-style diagnostics for people, through annotate-snippets: headline, location, the
//! source line with a caret under the value, and `help:`. Colour only when asked for.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity};
use crate::load::Sources;

/// Where each line of a text starts: its byte offset and its character offset. Made once a
/// file, so that a file with a hundred thousand diagnostics is not read once for each.
fn line_starts(text: &str) -> Vec<(usize, usize)> {
    let mut starts = vec![(0, 0)];
    let mut chars = 0;
    let mut from = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        chars += text[from..=nl].chars().count();
        from = nl + 1;
        starts.push((from, chars));
    }
    starts
}

/// The line holding a value at character offset `index` with `len` characters: the line's
/// byte range in `text`, its number, and the value's byte range in the line (cut at the
/// line's end: the caret stays on the first line of a multi-line value). An offset past
/// the end gives an empty range at the end.
/// `None` for a line longer than [`LONG_LINE`] bytes, which is not shown.
fn locate(
    text: &str,
    starts: &[(usize, usize)],
    index: u32,
    len: u32,
) -> Option<(std::ops::Range<usize>, usize, std::ops::Range<usize>)> {
    let index = index as usize;
    let line = starts
        .partition_point(|&(_, c)| c <= index)
        .saturating_sub(1);
    let (line_start, line_chars) = starts.get(line).copied().unwrap_or((0, 0));
    let line_end = starts.get(line + 1).map_or(text.len(), |&(b, _)| b - 1);
    if line_end - line_start > LONG_LINE {
        return None;
    }
    let source = text.get(line_start..line_end)?;
    let start = source
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(source.len()))
        .nth(index - line_chars)
        .unwrap_or(source.len());
    let end = source[start..]
        .char_indices()
        .map(|(b, _)| start + b)
        .chain(std::iter::once(source.len()))
        .nth(len.max(1) as usize)
        .unwrap_or(source.len());
    Some((line_start..line_end, line + 1, start..end))
}

/// Lines longer than this (a whole file written as one flow mapping, say) are not shown
/// under a diagnostic: the location is given instead. Showing them would print the line
/// and, for many diagnostics on it, take time in the square of its length.
const LONG_LINE: usize = 4096;

/// Render diagnostics to a string; `color` for a terminal.
pub fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut lines: std::collections::HashMap<u32, Vec<(usize, usize)>> = Default::default();
    for d in diags {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = sources.path(d.file);
        let text = sources.text(d.file);
        let location = format!("{path}:{}:{}", d.pos.line, d.pos.col);
        let mut report: Vec<Group<'_>> = Vec::new();
        let found = (!text.is_empty())
            .then(|| {
                let starts = lines.entry(d.file).or_insert_with(|| line_starts(text));
                locate(text, starts, d.pos.index, d.pos.len)
            })
            .flatten();
        if let Some((line, number, range)) = found {
            let mut ann = AnnotationKind::Primary.span(range);
            if let Some(l) = &d.label {
                ann = ann.label(l.as_str());
            }
            let snippet = Snippet::source(&text[line])
                .line_start(number)
                .path(path)
                .fold(true)
                .annotation(ann);
            let g = Group::with_title(level.primary_title(d.message.as_str()).id(d.lint))
                .element(snippet);
            report.push(g);
        } else {
            let mut g = Group::with_title(level.primary_title(d.message.as_str()).id(d.lint));
            g = g.element(Level::NOTE.message(format!("in {location}")));
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
    fn values_are_found_by_character_offset() {
        let t = "a: ŵŷ\nb: x\n";
        let starts = line_starts(t);
        assert_eq!(starts, [(0, 0), (8, 6), (13, 11)]);
        assert_eq!(locate(t, &starts, 3, 2), Some((0..7, 1, 3..7)));
        let (line, number, range) = locate(t, &starts, 9, 1).expect("found");
        assert_eq!((number, &t[line][range]), (2, "x"));
        // A multi-line value: the caret stays on its first line.
        assert_eq!(locate(t, &starts, 3, 8), Some((0..7, 1, 3..7)));
        // Past the end: an empty range at the end.
        assert_eq!(locate(t, &starts, 100, 1), Some((13..13, 3, 0..0)));
        // A line too long to show.
        let long = format!("a: {}\n", "x".repeat(LONG_LINE));
        assert_eq!(locate(&long, &line_starts(&long), 3, 1), None);
    }
}
