//! A spanned YAML tree, built from saphyr-parser events.
//!
//! Owns: turning bytes into [`Node`]s with a line and column on every value, with
//! YAML 1.2 core-schema nulls, duplicate keys reported at the second occurrence, and hard
//! limits on depth, node count, alias expansion and string length. It knows nothing of
//! notices; it never panics, whatever the input. Plain block YAML, which is what notices
//! are, is read by the quick reader in `yaml_quick` first, which builds the same tree.
//!
//! A tree lives in an arena (a [`Bump`]) that the caller owns: its collections are slices
//! there and its strings are borrowed from the text or, where they differ from it (a block
//! scalar, an escape), written there. So a tree is built without a call to the allocator
//! for each collection and string, and let go in one piece, without a walk to drop it.

use std::collections::HashMap;

pub use bumpalo::Bump;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

/// A position in a source file: 1-based line, 1-based column counted in Unicode scalar
/// values, and the character offset of the start (for snippets).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    /// Offset in characters from the start of the (BOM-stripped) text.
    pub index: u32,
    /// Length in characters of the value's source (at least 1 for a caret).
    pub len: u32,
}

impl Pos {
    /// Line 1, column 1: where file-level problems are reported.
    pub const START: Pos = Pos {
        line: 1,
        col: 1,
        index: 0,
        len: 1,
    };
}

#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// A scalar: its text (borrowed from the source where it is written as it reads, else
    /// from the arena), and whether it was written plain (unquoted, not a block).
    Scalar {
        text: &'a str,
        plain: bool,
    },
    Seq(&'a [Node<'a>]),
    /// Mapping entries in source order; keys are scalars (other keys are a parse error).
    Map(&'a [(Key<'a>, Node<'a>)]),
    /// `null`, `~` or an empty value.
    Null,
}

#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub name: &'a str,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub pos: Pos,
}

/// Whether two keys are the same: by their lengths and first bytes before their bytes, for
/// most keys compared differ there, and a comparison of the bytes is a call to `memcmp`.
#[inline]
pub fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// The keys of one mapping seen so far: a scan of its entries while it is small, a hash set
/// after, so that a mapping of a hundred thousand keys is not quadratic.
#[derive(Default)]
pub(super) struct SeenKeys<'a>(Option<rustc_hash::FxHashSet<&'a str>>);

impl<'a> SeenKeys<'a> {
    /// Whether `key` is already a key of `entries` (the mapping's entries so far); when it
    /// is not, it is remembered, for the caller to add.
    pub(super) fn is_duplicate(&mut self, entries: &[(Key<'a>, Node<'a>)], key: &Key<'a>) -> bool {
        if self.0.is_none() && entries.len() < 16 {
            return entries.iter().any(|(k, _)| same_key(k.name, key.name));
        }
        let set = self
            .0
            .get_or_insert_with(|| entries.iter().map(|(k, _)| k.name).collect());
        !set.insert(key.name)
    }
}

/// Hard limits; past one, the file is reported with `limit-exceeded` and not read further.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: usize,
    pub max_depth: usize,
    pub max_nodes: usize,
    pub max_alias_nodes: usize,
    pub max_string_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 4 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 250_000,
            max_alias_nodes: 10_000,
            max_string_chars: 100_000,
        }
    }
}

/// A problem found while reading YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlProblem {
    pub kind: ProblemKind,
    pub pos: Pos,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Parse,
    DuplicateKey,
    Limit,
}

/// The result of reading one file: a root node when the document could be read, and any
/// problems (duplicate keys do not stop the read; a parse error or a limit does).
pub struct Parsed<'a> {
    pub root: Option<Node<'a>>,
    pub problems: Vec<YamlProblem>,
    /// Every string in the tree is plainly safe Markdown
    /// ([`crate::render::markdown::plainly_safe`]), as the quick reader found in its pass
    /// over the bytes; never set by the full parser.
    pub plain_markdown: bool,
}

enum Frame<'a> {
    Seq {
        items: Vec<Node<'a>>,
        pos: Pos,
        anchor: usize,
    },
    Map {
        entries: Vec<(Key<'a>, Node<'a>)>,
        seen: SeenKeys<'a>,
        pending_key: Option<Key<'a>>,
        pos: Pos,
        anchor: usize,
    },
}

fn pos_of(span: &YSpan) -> Pos {
    let start = span.start;
    let len = span.end.index().saturating_sub(start.index()).max(1);
    Pos {
        line: u32::try_from(start.line()).unwrap_or(u32::MAX),
        col: u32::try_from(start.col() + 1).unwrap_or(u32::MAX),
        index: u32::try_from(start.index()).unwrap_or(u32::MAX),
        len: u32::try_from(len).unwrap_or(u32::MAX),
    }
}

fn count_nodes(node: &Node<'_>) -> usize {
    // Iterative, so a deep tree cannot overflow the stack.
    let mut stack = vec![node];
    let mut n = 0;
    while let Some(x) = stack.pop() {
        n += 1;
        match &x.value {
            Value::Seq(items) => stack.extend(items.iter()),
            Value::Map(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    n
}

/// The parser reports a tab a little after it (past it on the line, or at the end of the
/// line before): point at the tab itself, the one on the line before `pos`'s column, or
/// else the next one.
fn tab_near(text: &str, pos: Pos) -> Pos {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(pos.line.saturating_sub(1) as usize)
        .map(|l| l.chars().count())
        .sum();
    let chars: Vec<char> = text.chars().collect();
    let at = (pos.index as usize).min(chars.len());
    let back = (line_start..at)
        .rev()
        .find(|&i| chars.get(i) == Some(&'\t'));
    let found = back.or_else(|| (at..chars.len()).find(|&i| chars[i] == '\t'));
    let Some(i) = found else { return pos };
    let line = chars[..i].iter().filter(|&&c| c == '\n').count() + 1;
    let col = i - chars[..i]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |p| p + 1)
        + 1;
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
        index: u32::try_from(i).unwrap_or(u32::MAX),
        len: 1,
    }
}

/// Parse `text` (already valid UTF-8, BOM stripped) into a tree in `arena`: by the quick
/// reader when the file is plain block YAML, else by saphyr-parser. Both give the same tree.
pub fn parse<'a>(text: &'a str, arena: &'a Bump, limits: &Limits) -> Parsed<'a> {
    super::yaml_quick::parse(text, arena, limits).unwrap_or_else(|| parse_full(text, arena, limits))
}

/// Parse `text` with saphyr-parser, whatever YAML it holds.
pub fn parse_full<'a>(text: &'a str, arena: &'a Bump, limits: &Limits) -> Parsed<'a> {
    let mut parsed = parse_saphyr(text, arena, limits);
    let bytes = text.as_bytes();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    if lone_cr {
        by_line_feeds(text, arena, &mut parsed);
    }
    parsed
}

/// saphyr-parser counts a carriage return on its own as a line break, as YAML does, but
/// hysbys counts lines by line feeds, as the quick reader, the human diagnostics, editors
/// and CI annotations of a file with such returns do. Give every position the line and
/// column of its character offset, counted that way.
fn by_line_feeds<'a>(text: &str, arena: &'a Bump, parsed: &mut Parsed<'a>) {
    // The character offset at which each line starts.
    let mut starts = vec![0usize];
    starts.extend(
        text.chars()
            .enumerate()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i + 1),
    );
    let fix = |mut pos: Pos| {
        let index = pos.index as usize;
        let line = starts.partition_point(|&s| s <= index).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        pos.line = u32::try_from(line).unwrap_or(u32::MAX);
        pos.col = u32::try_from(index - start + 1).unwrap_or(u32::MAX);
        pos
    };
    for p in &mut parsed.problems {
        p.pos = fix(p.pos);
    }
    // The tree is built again with the new positions. Recursion is safe: the parser stops
    // past `max_depth` levels, and an alias adds at most that many again.
    fn moved<'a>(node: &Node<'a>, arena: &'a Bump, fix: &impl Fn(Pos) -> Pos) -> Node<'a> {
        let value = match node.value {
            Value::Seq(items) => {
                Value::Seq(arena.alloc_slice_fill_iter(items.iter().map(|n| moved(n, arena, fix))))
            }
            Value::Map(entries) => {
                Value::Map(arena.alloc_slice_fill_iter(entries.iter().map(|(k, v)| {
                    let key = Key {
                        name: k.name,
                        pos: fix(k.pos),
                    };
                    (key, moved(v, arena, fix))
                })))
            }
            v @ (Value::Scalar { .. } | Value::Null) => v,
        };
        Node {
            value,
            pos: fix(node.pos),
        }
    }
    parsed.root = parsed.root.as_ref().map(|root| moved(root, arena, &fix));
}

fn parse_saphyr<'a>(text: &'a str, arena: &'a Bump, limits: &Limits) -> Parsed<'a> {
    let mut problems = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut nodes = 0usize;
    let mut alias_nodes = 0usize;
    let mut documents = 0usize;

    macro_rules! fail {
        ($kind:expr, $pos:expr, $($msg:tt)*) => {{
            problems.push(YamlProblem { kind: $kind, pos: $pos, message: format!($($msg)*) });
            return Parsed { root: None, problems, plain_markdown: false };
        }};
    }

    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(x)) => x,
            Some(Err(e)) => {
                let m = e.marker();
                let pos = Pos {
                    line: u32::try_from(m.line()).unwrap_or(u32::MAX),
                    col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
                    index: u32::try_from(m.index()).unwrap_or(u32::MAX),
                    len: 1,
                };
                let pos = if e.info().contains("tab") {
                    tab_near(text, pos)
                } else {
                    pos
                };
                if e.info().contains("recursion limit") {
                    fail!(
                        ProblemKind::Limit,
                        pos,
                        "values are nested too deeply ({})",
                        e.info()
                    );
                }
                fail!(ProblemKind::Parse, pos, "{}", e.info());
            }
        };
        let pos = pos_of(&span);
        let completed: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    fail!(
                        ProblemKind::Parse,
                        pos,
                        "a notice file holds one YAML document; found a second one"
                    );
                }
                None
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    fail!(ProblemKind::Parse, pos, "alias to an unknown anchor");
                };
                let size = count_nodes(target);
                alias_nodes = alias_nodes.saturating_add(size);
                if alias_nodes > limits.max_alias_nodes {
                    fail!(
                        ProblemKind::Limit,
                        pos,
                        "aliases expand to more than {} values (a YAML alias bomb?)",
                        limits.max_alias_nodes
                    );
                }
                nodes = nodes.saturating_add(size);
                let mut node = *target;
                node.pos = pos;
                Some((node, 0))
            }
            Event::Scalar(text, style, anchor, tag) => {
                if text.chars().count() > limits.max_string_chars {
                    fail!(
                        ProblemKind::Limit,
                        pos,
                        "a value is longer than {} characters",
                        limits.max_string_chars
                    );
                }
                let plain = style == ScalarStyle::Plain;
                let forced_str = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let value = if plain
                    && !forced_str
                    && matches!(&*text, "" | "~" | "null" | "Null" | "NULL")
                {
                    Value::Null
                } else {
                    let text = match text {
                        std::borrow::Cow::Borrowed(text) => text,
                        std::borrow::Cow::Owned(text) => arena.alloc_str(&text),
                    };
                    Value::Scalar {
                        text,
                        plain: plain && !forced_str,
                    }
                };
                Some((Node { value, pos }, anchor))
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= limits.max_depth {
                    fail!(
                        ProblemKind::Limit,
                        pos,
                        "values are nested more than {} levels deep",
                        limits.max_depth
                    );
                }
                stack.push(Frame::Seq {
                    items: Vec::new(),
                    pos,
                    anchor,
                });
                None
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= limits.max_depth {
                    fail!(
                        ProblemKind::Limit,
                        pos,
                        "values are nested more than {} levels deep",
                        limits.max_depth
                    );
                }
                stack.push(Frame::Map {
                    entries: Vec::new(),
                    seen: SeenKeys::default(),
                    pending_key: None,
                    pos,
                    anchor,
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq { items, pos, anchor }) => Some((
                    Node {
                        value: Value::Seq(arena.alloc_slice_copy(&items)),
                        pos,
                    },
                    anchor,
                )),
                _ => fail!(ProblemKind::Parse, pos, "unbalanced sequence"),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    entries,
                    pos,
                    anchor,
                    ..
                }) => Some((
                    Node {
                        value: Value::Map(arena.alloc_slice_copy(&entries)),
                        pos,
                    },
                    anchor,
                )),
                _ => fail!(ProblemKind::Parse, pos, "unbalanced mapping"),
            },
        };
        let Some((node, anchor)) = completed else {
            continue;
        };
        nodes += 1;
        if nodes > limits.max_nodes {
            fail!(
                ProblemKind::Limit,
                node.pos,
                "the file has more than {} values",
                limits.max_nodes
            );
        }
        if anchor != 0 {
            anchors.insert(anchor, node);
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                seen,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    let name = match node.value {
                        Value::Scalar { text, .. } => text,
                        Value::Null => "",
                        _ => fail!(
                            ProblemKind::Parse,
                            node.pos,
                            "a mapping key must be a plain name, not a list or a mapping"
                        ),
                    };
                    *pending_key = Some(Key {
                        name,
                        pos: node.pos,
                    });
                }
                Some(key) => {
                    if seen.is_duplicate(entries, &key) {
                        problems.push(YamlProblem {
                            kind: ProblemKind::DuplicateKey,
                            pos: key.pos,
                            message: format!("duplicate key `{}`", key.name),
                        });
                    } else {
                        entries.push((key, node));
                    }
                }
            },
        }
    }
    Parsed {
        root,
        problems,
        plain_markdown: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p<'a>(arena: &'a Bump, s: &'a str) -> Parsed<'a> {
        parse(s, arena, &Limits::default())
    }

    #[test]
    fn positions_are_one_based_scalar_columns() {
        let arena = Bump::new();
        let r = p(&arena, "a:\n  bé: x\n  c: [1, 2]\n");
        let Some(Node {
            value: Value::Map(m),
            ..
        }) = r.root
        else {
            panic!("not a map")
        };
        let Value::Map(inner) = &m[0].1.value else {
            panic!("not a map")
        };
        assert_eq!((inner[0].0.pos.line, inner[0].0.pos.col), (2, 3));
        assert_eq!((inner[0].1.pos.line, inner[0].1.pos.col), (2, 7));
    }

    /// A carriage return on its own breaks a line for YAML, not for hysbys's positions,
    /// which count line feeds (as the human diagnostics and CI annotations do).
    #[test]
    fn lines_are_counted_by_line_feeds() {
        let arena = Bump::new();
        let r = p(&arena, "a: 1\rb: x\nc: y\n");
        let Some(Node {
            value: Value::Map(m),
            ..
        }) = r.root
        else {
            panic!("not a map")
        };
        let keys: Vec<_> = m
            .iter()
            .map(|(k, _)| (k.name, k.pos.line, k.pos.col))
            .collect();
        assert_eq!(keys, [("a", 1, 1), ("b", 1, 6), ("c", 2, 1)]);
        assert_eq!((m[2].1.pos.line, m[2].1.pos.col), (2, 4));
        // And a problem after such a return.
        let arena = Bump::new();
        let r = p(&arena, "a: 1\rb: x\nc: [\n");
        let problem = r.problems.first().expect("a parse error");
        assert_eq!(problem.pos.line, 3, "{problem:?}");
        // With CRLF, as without any return.
        let arena = Bump::new();
        let r = p(&arena, "a: 1\r\nb: [\r\n");
        assert_eq!(r.problems.first().map(|x| x.pos.line), Some(3));
    }

    #[test]
    fn yaml_1_2_nulls_and_strings() {
        let arena = Bump::new();
        let r = p(&arena, "a: ~\nb: no\nc: 'null'\nd:\n");
        let Some(Node {
            value: Value::Map(m),
            ..
        }) = r.root
        else {
            panic!()
        };
        assert!(matches!(m[0].1.value, Value::Null));
        assert!(matches!(&m[1].1.value, Value::Scalar { text, plain: true } if *text == "no"));
        assert!(matches!(&m[2].1.value, Value::Scalar { text, plain: false } if *text == "null"));
        assert!(matches!(m[3].1.value, Value::Null));
    }

    #[test]
    fn duplicate_key_reported_at_second() {
        let arena = Bump::new();
        let r = p(&arena, "a: 1\nb: 2\na: 3\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(r.problems[0].pos.line, 3);
    }

    #[test]
    fn billion_laughs_is_a_limit() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            s.push_str(&format!(
                "{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = n;
        }
        let arena = Bump::new();
        let r = p(&arena, &s);
        assert!(r.root.is_none());
        assert_eq!(r.problems[0].kind, ProblemKind::Limit);
    }

    #[test]
    fn deep_nesting_is_a_limit() {
        let s = "[".repeat(100_000);
        let arena = Bump::new();
        let r = p(&arena, &s);
        assert_eq!(r.problems[0].kind, ProblemKind::Limit);
    }

    #[test]
    fn two_documents_are_an_error() {
        let arena = Bump::new();
        let r = p(&arena, "a: 1\n---\nb: 2\n");
        assert_eq!(r.problems[0].kind, ProblemKind::Parse);
    }

    #[test]
    fn tabs_are_a_parse_error_at_the_tab() {
        let arena = Bump::new();
        let r = p(&arena, "a:\n\tb: 1\n");
        assert!(
            r.problems
                .iter()
                .any(|x| x.kind == ProblemKind::Parse && (x.pos.line, x.pos.col) == (2, 1)),
            "{:?}",
            r.problems
        );
        let arena = Bump::new();
        let r = p(&arena, "a:\n  b: x\n\tc: y\n");
        assert!(
            r.problems
                .iter()
                .any(|x| x.kind == ProblemKind::Parse && (x.pos.line, x.pos.col) == (3, 1)),
            "{:?}",
            r.problems
        );
    }
}
