//! Writing one language's string of a text map back into a YAML file as a minimal text
//! edit, so comments, key order, quoting and layout stay as they were.
//!
//! Owns: finding the text map by its position (from [`crate::model::Text::pos`]), replacing
//! just the language's scalar with a correctly quoted scalar in the same style where that
//! style can hold the new text (double-quoted otherwise, which can hold anything), or
//! inserting a `cy:` entry after the primary-language one (a line with the same indentation
//! in a block map, `, cy: "…"` in a flow map). It does not decide what to write, and it does
//! not check the result: the caller reads the edited file back and compares.

use std::collections::HashMap;

use crate::load::yaml::{self, Key, Limits, Node, Pos, Value};
use crate::model::Lang;

/// How a scalar is written in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Single,
    Double,
    Literal,
    Folded,
}

/// One string to write: the text map at `map` gets `value` as its `lang` string.
#[derive(Debug, Clone)]
pub struct Target<'a> {
    /// The text map's position ([`crate::model::Text::pos`]).
    pub map: Pos,
    pub lang: Lang,
    /// The language whose entry a missing one is inserted after.
    pub primary: Lang,
    pub value: &'a str,
    /// Write double-quoted whatever the style around it (after a style did not read back).
    pub force_double: bool,
}

/// A replacement of the characters `start..end` (character offsets) with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

struct Src<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// Byte offset of each character, and of the end.
    bytes: Vec<usize>,
    eol: &'static str,
}

impl<'a> Src<'a> {
    fn new(text: &'a str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Src {
            text,
            chars,
            bytes,
            eol: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn starts_with(&self, i: usize, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// The index just after the end of the line holding `i` (after its line break), or the
    /// end of the text.
    fn after_line(&self, mut i: usize) -> usize {
        while let Some(c) = self.at(i) {
            i += 1;
            if c == '\n' {
                break;
            }
        }
        i
    }

    /// Skip spaces and tabs.
    fn blanks(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t')) {
            i += 1;
        }
        i
    }
}

fn end(p: Pos) -> usize {
    (p.index as usize).saturating_add(p.len as usize)
}

/// Where a block scalar's header (`|`, `>-`, …) starts, found after its key's `:`.
fn block_header(src: &Src<'_>, key: &Key, content: usize) -> Option<usize> {
    let mut i = src.blanks(end(key.pos));
    if src.at(i) != Some(':') {
        return None;
    }
    i += 1;
    loop {
        i = src.blanks(i);
        match src.at(i)? {
            '|' | '>' if i < content => return Some(i),
            // An anchor or a tag before the header.
            '&' | '!' => {
                while src.at(i).is_some_and(|c| !matches!(c, ' ' | '\t' | '\n')) {
                    i += 1;
                }
            }
            _ => return None,
        }
    }
}

/// The end of a block scalar's content: after the line break that follows its last
/// character that is not white space (the parser's span runs on into the next line's
/// indentation).
fn block_end(src: &Src<'_>, node: &Node) -> usize {
    let start = node.pos.index as usize;
    let mut last = start;
    for i in start..end(node.pos).min(src.chars.len()) {
        if !src.at(i).is_some_and(char::is_whitespace) {
            last = i;
        }
    }
    src.after_line(last)
}

/// The style a scalar was written in, and for a block scalar where its header starts.
fn style_of(src: &Src<'_>, key: &Key, node: &Node) -> (Style, Option<usize>) {
    let start = node.pos.index as usize;
    match src.at(start) {
        Some('"') => return (Style::Double, None),
        Some('\'') => return (Style::Single, None),
        _ => {}
    }
    if let Some(h) = block_header(src, key, start) {
        let style = if src.at(h) == Some('|') {
            Style::Literal
        } else {
            Style::Folded
        };
        return (style, Some(h));
    }
    (Style::Plain, None)
}

fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// A double-quoted scalar: holds any string.
pub fn double(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_control(c) || c == '\u{85}' => {
                let n = c as u32;
                if n <= 0xFF {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\u{n:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn single(s: &str) -> Option<String> {
    if s.is_empty() || s.chars().any(|c| c == '\n' || c == '\r' || is_control(c)) {
        return None;
    }
    Some(format!("'{}'", s.replace('\'', "''")))
}

fn plain(s: &str, flow: bool) -> Option<String> {
    let first = s.chars().next()?;
    let last = s.chars().last()?;
    let looks_like_other_type = matches!(s, "~" | "null" | "Null" | "NULL")
        || matches!(
            s,
            "true" | "True" | "TRUE" | "false" | "False" | "FALSE" | ".inf" | ".nan"
        )
        || s.parse::<f64>().is_ok();
    let ok = !first.is_whitespace()
        && !last.is_whitespace()
        && last != ':'
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s
            .chars()
            .any(|c| c == '\n' || c == '\r' || c == '\t' || is_control(c))
        && !(flow && s.contains([',', '[', ']', '{', '}']))
        && !looks_like_other_type;
    ok.then(|| s.to_owned())
}

/// The lines of a block scalar's content, or `None` when a block scalar cannot hold `s`
/// simply: the header chomping indicator and the lines.
fn block_lines(s: &str, folded: bool, width: usize) -> Option<(&'static str, Vec<String>)> {
    if s.chars().any(|c| c == '\r' || is_control(c)) {
        return None;
    }
    let (chomp, body) = match s.strip_suffix('\n') {
        Some(b) if !b.ends_with('\n') => ("", b),
        Some(_) => return None,
        None => ("-", s),
    };
    if body.is_empty() || body.starts_with('\n') {
        return None;
    }
    let lines: Vec<&str> = body.split('\n').collect();
    for (i, l) in lines.iter().enumerate() {
        let blank = l.trim().is_empty();
        if blank && !l.is_empty() {
            return None;
        }
        let indented = l.starts_with([' ', '\t']);
        if indented && (i == 0 || folded) {
            return None;
        }
    }
    if !folded {
        return Some((chomp, lines.iter().map(|l| (*l).to_owned()).collect()));
    }
    // Folded: a run of k line breaks is written as k + 1 (one alone would fold to a space);
    // long lines are wrapped at single spaces, which fold back to those spaces.
    let mut out: Vec<String> = Vec::new();
    let mut pending_breaks = 0;
    for l in lines {
        if l.is_empty() {
            pending_breaks += 1;
            continue;
        }
        if !out.is_empty() {
            for _ in 0..=pending_breaks {
                out.push(String::new());
            }
        }
        pending_breaks = 0;
        out.extend(wrap(l, width));
    }
    Some((chomp, out))
}

/// Wrap a line at single spaces between non-space characters.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let breakable = chars[i] == ' '
            && i > start
            && chars.get(i + 1).is_some_and(|c| *c != ' ')
            && chars[i - 1] != ' ';
        if breakable {
            last_break = Some(i);
        }
        if i - start >= width {
            if let Some(b) = last_break.filter(|b| *b > start) {
                out.push(chars[start..b].iter().collect());
                start = b + 1;
                last_break = None;
            }
        }
        i += 1;
    }
    out.push(chars[start..].iter().collect());
    out
}

/// A block scalar from its header on; folded lines are wrapped at `width` characters.
fn block(
    s: &str,
    style: Style,
    indent: usize,
    width: usize,
    header_rest: &str,
    eol: &str,
) -> Option<String> {
    let folded = style == Style::Folded;
    let (chomp, lines) = block_lines(s, folded, width)?;
    let mut out = String::from(if folded { ">" } else { "|" });
    out.push_str(chomp);
    out.push_str(header_rest);
    out.push_str(eol);
    for l in lines {
        if !l.is_empty() {
            out.push_str(&" ".repeat(indent));
            out.push_str(&l);
        }
        out.push_str(eol);
    }
    Some(out)
}

/// A flow scalar (one that ends where it is written) in `style`, or double-quoted.
fn inline(s: &str, style: Style, flow: bool) -> String {
    match style {
        Style::Plain => plain(s, flow),
        Style::Single => single(s),
        _ => None,
    }
    .unwrap_or_else(|| double(s))
}

fn index_maps<'n>(node: &'n Node<'n>, out: &mut HashMap<u32, &'n Node<'n>>) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Map(entries) => {
                out.entry(n.pos.index).or_insert(n);
                stack.extend(entries.iter().map(|(_, v)| v));
            }
            Value::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

/// The edit that writes one target.
fn splice(src: &Src<'_>, maps: &HashMap<u32, &Node>, t: &Target<'_>) -> Result<Splice, String> {
    let map_at = t.map.index as usize;
    if src.at(map_at) == Some('*') {
        return Err("it is written through a YAML alias (`*…`); edit it by hand".into());
    }
    let Some(Node {
        value: Value::Map(entries),
        ..
    }) = maps.get(&t.map.index).copied()
    else {
        return Err("its text map is no longer where it was; run the command again".into());
    };
    let flow = src.at(map_at) == Some('{');
    let code = t.lang.code();
    let entry = |l: &str| entries.iter().find(|(k, _)| k.name == l);

    if let Some((key, node)) = entry(code) {
        return match &node.value {
            Value::Scalar { .. } => {
                let (style, header) = style_of(src, key, node);
                let style = if t.force_double { Style::Double } else { style };
                match (style, header) {
                    (Style::Literal | Style::Folded, Some(h)) => {
                        let header_end = {
                            let mut i = h + 1;
                            while src
                                .at(i)
                                .is_some_and(|c| matches!(c, '+' | '-' | '1'..='9'))
                            {
                                i += 1;
                            }
                            i
                        };
                        let line_end = src.after_line(h);
                        let rest: String = src.chars[header_end..line_end]
                            .iter()
                            .collect::<String>()
                            .trim_end_matches(['\n', '\r'])
                            .to_owned();
                        let stop = block_end(src, node);
                        let indent = node.pos.col.saturating_sub(1) as usize;
                        // Wrap as the text was wrapped (its longest line), within reason.
                        let width = src.chars[line_end.min(stop)..stop]
                            .split(|c| *c == '\n')
                            .map(|l| l.len().saturating_sub(indent))
                            .max()
                            .unwrap_or(0);
                        let width = if width >= 40 { width } else { 80 };
                        let text = block(t.value, style, indent, width, &rest, src.eol)
                            .unwrap_or_else(|| format!("{}{rest}{}", double(t.value), src.eol));
                        Ok(Splice {
                            start: h,
                            end: stop,
                            text,
                        })
                    }
                    (_, Some(h)) => Ok(Splice {
                        start: h,
                        end: block_end(src, node),
                        text: format!("{}{}", double(t.value), src.eol),
                    }),
                    (style, None) => Ok(Splice {
                        start: node.pos.index as usize,
                        end: end(node.pos),
                        text: inline(t.value, style, flow),
                    }),
                }
            }
            Value::Null => {
                let at = node.pos.index as usize;
                let scalar = inline(t.value, primary_style(src, entries, t), flow);
                let null_len = ["~", "null", "Null", "NULL"]
                    .iter()
                    .find(|w| src.starts_with(at, w))
                    .map(|w| w.len());
                match (null_len, src.at(at)) {
                    (Some(n), _) => Ok(Splice {
                        start: at,
                        end: at + n,
                        text: scalar,
                    }),
                    (None, Some(':')) => Ok(Splice {
                        start: at + 1,
                        end: at + 1,
                        text: format!(" {scalar}"),
                    }),
                    _ => Err(format!("cannot find where its empty `{code}:` value is")),
                }
            }
            _ => Err(format!("its `{code}` is not a string")),
        };
    }

    // No entry for the language: add one after the primary language's.
    let Some((pkey, pnode)) = entry(t.primary.code()) else {
        return Err(format!("it has no `{}` entry", t.primary.code()));
    };
    let style = if t.force_double {
        Style::Double
    } else {
        primary_style(src, entries, t)
    };
    if flow {
        return Ok(Splice {
            start: end(pnode.pos),
            end: end(pnode.pos),
            text: format!(", {code}: {}", inline(t.value, style, true)),
        });
    }
    let indent = pkey.pos.col.saturating_sub(1) as usize;
    let (_, header) = style_of(src, pkey, pnode);
    let after = if header.is_some() {
        block_end(src, pnode)
    } else {
        src.after_line(end(pnode.pos).saturating_sub(1))
    };
    let lead = if after > 0 && src.at(after - 1) != Some('\n') {
        src.eol
    } else {
        ""
    };
    let value = match style {
        Style::Literal | Style::Folded => block(t.value, style, indent + 2, 80, "", src.eol)
            .unwrap_or_else(|| format!("{}{}", double(t.value), src.eol)),
        s => format!("{}{}", inline(t.value, s, false), src.eol),
    };
    Ok(Splice {
        start: after,
        end: after,
        text: format!("{lead}{}{code}: {value}", " ".repeat(indent)),
    })
}

/// The style of the primary language's scalar in the same map (what a new entry copies).
fn primary_style(src: &Src<'_>, entries: &[(Key, Node)], t: &Target<'_>) -> Style {
    if t.force_double {
        return Style::Double;
    }
    entries
        .iter()
        .find(|(k, _)| k.name == t.primary.code())
        .filter(|(_, n)| matches!(n.value, Value::Scalar { .. }))
        .map_or(Style::Double, |(k, n)| style_of(src, k, n).0)
}

/// Apply every target to `text` (one file's contents, without a byte-order mark). Errors
/// name the target by its index in `targets`.
pub fn apply(text: &str, targets: &[Target<'_>]) -> Result<String, (usize, String)> {
    let arena = bumpalo::Bump::new();
    let parsed = yaml::parse(text, &arena, &Limits::default());
    let Some(root) = parsed.root else {
        return Err((0, "the file no longer reads as YAML".into()));
    };
    let src = Src::new(text);
    let mut maps = HashMap::new();
    index_maps(&root, &mut maps);
    let mut splices = Vec::with_capacity(targets.len());
    for (i, t) in targets.iter().enumerate() {
        let s = splice(&src, &maps, t).map_err(|e| (i, e))?;
        splices.push((i, s));
    }
    splices.sort_by_key(|(_, s)| (s.start, s.end));
    splices.dedup_by(|b, a| a.1 == b.1);
    for w in splices.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if b.1.start < a.1.end || (b.1.start == a.1.start && b.1.start == b.1.end) {
            return Err((
                b.0,
                "it shares its text with another value (a YAML alias?); edit it by hand".into(),
            ));
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0usize;
    for (_, s) in &splices {
        let (start, end) = (src.bytes[s.start], src.bytes[s.end.min(src.chars.len())]);
        out.push_str(&src.text[at..start]);
        out.push_str(&s.text);
        at = end;
    }
    out.push_str(&src.text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of the text map under top-level `key`.
    fn map_pos(text: &str, key: &str) -> Pos {
        let arena = bumpalo::Bump::new();
        let p = yaml::parse(text, &arena, &Limits::default());
        let Some(Node {
            value: Value::Map(m),
            ..
        }) = p.root
        else {
            panic!("not a map")
        };
        m.iter().find(|(k, _)| k.name == key).expect("key").1.pos
    }

    fn set(text: &str, key: &str, value: &str) -> String {
        let t = Target {
            map: map_pos(text, key),
            lang: Lang::Cy,
            primary: Lang::En,
            value,
            force_double: false,
        };
        apply(text, &[t]).expect("applies")
    }

    /// The `cy` string under `key` after reading the text again.
    fn cy(text: &str, key: &str) -> Option<String> {
        let arena = bumpalo::Bump::new();
        let p = yaml::parse(text, &arena, &Limits::default());
        assert!(p.problems.is_empty(), "{:?}\n{text}", p.problems);
        let Some(Node {
            value: Value::Map(m),
            ..
        }) = p.root
        else {
            panic!("not a map")
        };
        let (_, n) = m.iter().find(|(k, _)| k.name == key)?;
        let Value::Map(t) = &n.value else { return None };
        match &t.iter().find(|(k, _)| k.name == "cy")?.1.value {
            Value::Scalar { text, .. } => Some(text.to_string()),
            _ => None,
        }
    }

    #[test]
    fn replaces_in_the_same_style() {
        let src = "# top\na:\n  en: Hello  # greeting\n  cy: Helo  # cyfarchiad\nb: {en: 'x', cy: 'y'}\nc:\n  en: \"q\"\n  cy: \"r\"\n";
        let out = set(src, "a", "Shwmae");
        assert_eq!(out, src.replace("cy: Helo ", "cy: Shwmae "));
        let out = set(src, "b", "it's");
        assert_eq!(out, src.replace("cy: 'y'", "cy: 'it''s'"));
        let out = set(src, "c", "dau\n\"tri\"");
        assert_eq!(out, src.replace("cy: \"r\"", "cy: \"dau\\n\\\"tri\\\"\""));
        assert_eq!(cy(&out, "c").as_deref(), Some("dau\n\"tri\""));
    }

    #[test]
    fn plain_falls_back_to_double_quotes() {
        let src = "a:\n  en: Hello\n  cy: Helo\nb: {en: x, cy: y}\n";
        for v in ["a: b", "null", "- item", "#tag", "  lead", "2024", "x #y"] {
            let out = set(src, "a", v);
            assert_eq!(cy(&out, "a").as_deref(), Some(v), "{out}");
            assert!(out.contains(&double(v)), "{out}");
        }
        let out = set(src, "b", "un, dau");
        assert_eq!(out, src.replace("cy: y}", "cy: \"un, dau\"}"));
    }

    #[test]
    fn block_scalars_keep_their_style() {
        let src = "a:\n  en: |\n    one\n    two\n  cy: |  # keep\n    un\n    dau\n\nb:\n  en: >-\n    one two\n  cy: >-\n    un\n    dau\nz: 1\n";
        let out = set(src, "a", "un\n\ntri\n");
        assert_eq!(
            out,
            src.replace(
                "  cy: |  # keep\n    un\n    dau\n",
                "  cy: |  # keep\n    un\n\n    tri\n"
            )
        );
        assert_eq!(cy(&out, "a").as_deref(), Some("un\n\ntri\n"));
        let out = set(src, "b", "pedwar\npump");
        assert_eq!(cy(&out, "b").as_deref(), Some("pedwar\npump"), "{out}");
        assert!(
            out.contains("  cy: >-\n    pedwar\n\n    pump\nz: 1\n"),
            "{out}"
        );
        let long = "gair ".repeat(40).trim_end().to_owned();
        let out = set(src, "b", &long);
        assert_eq!(cy(&out, "b").as_deref(), Some(long.as_str()), "{out}");
        // Leading spaces cannot start a block: double quotes instead.
        let out = set(src, "a", "  indented");
        assert_eq!(cy(&out, "a").as_deref(), Some("  indented"), "{out}");
        assert!(out.ends_with("\nb:\n  en: >-\n    one two\n  cy: >-\n    un\n    dau\nz: 1\n"));
    }

    #[test]
    fn inserts_a_missing_entry() {
        let src = "a:\n  en: Hello # hi\nb: {en: x}\nl:\n  - en: \"one\"\n    other: 1\nc:\n  en: |\n    lit\n\nd: 1";
        let out = set(src, "a", "Helo");
        assert_eq!(
            out,
            src.replace("en: Hello # hi\n", "en: Hello # hi\n  cy: Helo\n")
        );
        let out = set(src, "b", "y");
        assert_eq!(out, src.replace("{en: x}", "{en: x, cy: y}"));
        let out = set(src, "c", "llyth\n");
        assert_eq!(
            out,
            src.replace("    lit\n", "    lit\n  cy: |\n    llyth\n")
        );
        let end = "e:\n  en: x";
        assert_eq!(set(end, "e", "y"), "e:\n  en: x\n  cy: y\n");
    }

    #[test]
    fn fills_an_empty_entry() {
        let src =
            "a:\n  en: Hello\n  cy:\nb: {en: x, cy: ~}\nc:\n  en: \"q\"\n  cy: null  # todo\n";
        assert_eq!(
            set(src, "a", "Helo"),
            src.replace("  cy:\n", "  cy: Helo\n")
        );
        assert_eq!(set(src, "b", "y"), src.replace("cy: ~", "cy: y"));
        assert_eq!(set(src, "c", "r"), src.replace("cy: null", "cy: \"r\""));
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let src = "a:\r\n  en: Hello\r\nb: 1\r\n";
        let out = set(src, "a", "Helo");
        assert_eq!(out, "a:\r\n  en: Hello\r\n  cy: Helo\r\nb: 1\r\n");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Whatever the text, every style reads back as exactly that text.
        #[test]
        fn every_style_reads_back(value in "[a-zA-Z âŵŷ'\"#:,\\{}\\[\\]\n\t&*!|>%@`-]{1,40}") {
            proptest::prop_assume!(!value.trim().is_empty());
            let sources = [
                "a:\n  en: Hello\n  cy: Helo\n",
                "a:\n  en: 'Hello'\n  cy: 'Helo'\n",
                "a:\n  en: \"Hello\"\n  cy: \"Helo\"\n",
                "a:\n  en: |\n    Hello\n  cy: |\n    Helo\nb: 1\n",
                "a:\n  en: >-\n    Hello\n  cy: >-\n    Helo\nb: 1\n",
                "a: {en: Hello, cy: Helo}\n",
                "a:\n  en: Hello\nb: 1\n",
                "a:\n  en: |\n    Hello\nb: 1\n",
                "a: {en: Hello}\n",
                "a:\n  en: Hello\n  cy:\nb: 1\n",
                "a:\n  en: Hello\n  cy: ~\n",
            ];
            for src in sources {
                let out = set(src, "a", &value);
                proptest::prop_assert_eq!(cy(&out, "a"), Some(value.clone()), "{}", out);
            }
        }
    }

    #[test]
    fn aliases_are_refused() {
        let src = "a: &t\n  en: Hello\n  cy: Helo\nb: *t\n";
        let t = Target {
            map: map_pos(src, "b"),
            lang: Lang::Cy,
            primary: Lang::En,
            value: "x",
            force_double: false,
        };
        assert!(apply(src, &[t]).unwrap_err().1.contains("alias"));
    }
}
