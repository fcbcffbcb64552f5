//! A quick reader for the plain block YAML that notices are written in.
//!
//! Owns: building the same [`Parsed`] tree as [`super::yaml::parse_full`] (saphyr-parser),
//! positions included, for the everyday subset of YAML: block mappings with simple keys,
//! block sequences, one-line plain and quoted scalars, and literal or folded block scalars.
//! It reads a file line by line, about ten times faster than the full parser. On anything
//! outside that subset (flow collections, anchors, tags, multi-line plain or quoted
//! scalars, escapes, tabs, carriage returns, a limit close by, anything it is unsure of) it
//! returns `None` and the full parser reads the file instead; so does every error, which
//! keeps the full parser's diagnostics. A differential test holds the two to the same
//! tree on every file it accepts.

use bumpalo::Bump;

use crate::render::markdown;

use super::yaml::{Key, Limits, Node, Parsed, Pos, ProblemKind, SeenKeys, Value, YamlProblem};

/// One line of the text, without its line feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    /// Byte offsets of the line's start and end.
    start: usize,
    end: usize,
    /// Leading spaces.
    indent: usize,
    kind: Kind,
    /// Characters in the text before the line.
    chars_before: usize,
    /// Whether the line is all ASCII, so that its columns are its byte offsets.
    ascii: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Only spaces, or nothing.
    Blank,
    /// A `#` after the indentation.
    Comment,
    Content,
}

/// Characters in a run of UTF-8 bytes: the bytes that do not continue a character.
fn chars(bytes: &[u8]) -> usize {
    // A continuation byte is 0b10xx_xxxx: its top bit set and the next one clear. Eight
    // bytes at a time: shifting a word left by one puts each byte's bit 6 under its bit 7.
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuing = 0;
    for w in &mut words {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or_default());
        continuing += (w & !(w << 1) & TOPS).count_ones() as usize;
    }
    let rest = words.remainder();
    continuing += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuing
}

/// Whether the text holds anything the quick reader leaves to the full parser wherever it
/// is: tabs, carriage returns and other control characters, C1 controls, a byte-order
/// mark, non-characters and the Unicode line and paragraph separators. Runs of 32 bytes
/// with none of the bytes that start those are passed over in one vectorised test.
fn has_awkward_bytes(b: &[u8]) -> bool {
    let maybe =
        |c: u8| (c < 0x20 && c != b'\n') | (c == 0x7F) | (c == 0xC2) | (c == 0xE2) | (c == 0xEF);
    let mut blocks = b.chunks_exact(32);
    let mut at = 0;
    for block in &mut blocks {
        if block.iter().fold(0u8, |any, &c| any | u8::from(maybe(c))) != 0
            && (at..at + 32).any(|i| awkward_at(b, i))
        {
            return true;
        }
        at += 32;
    }
    (at..b.len()).any(|i| awkward_at(b, i))
}

fn awkward_at(b: &[u8], i: usize) -> bool {
    let next = |k: usize| b.get(i + k).copied();
    match b[i] {
        b'\n' | b' '..=b'~' | 0x80..=0xC1 | 0xC3..=0xE1 | 0xE3..=0xEE | 0xF0..=0xFF => false,
        0xC2 => next(1).is_some_and(|n| n < 0xA0),
        0xE2 => next(1) == Some(0x80) && matches!(next(2), Some(0xA8 | 0xA9)),
        0xEF => matches!(
            (next(1), next(2)),
            (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))
        ),
        _ => true,
    }
}

/// What one pass over a text finds: its lines, its characters, and whether every string in
/// it is plainly safe Markdown (see [`markdown::plainly_safe_at`]).
#[derive(Debug, PartialEq, Eq)]
struct Scan<'a> {
    /// In the arena, which a thread keeps from notice to notice: no allocation of its own.
    lines: bumpalo::collections::Vec<'a, Line>,
    chars: usize,
    plain_markdown: bool,
}

/// The lines of `b`, which ends in a line feed, the characters in it, and whether its
/// strings are plainly safe Markdown; `None` when it holds an awkward byte (see
/// [`has_awkward_bytes`]). 64 bytes at a time with SSE2 and POPCNT, which x86_64
/// processors of the last fifteen years have; else a line at a time.
fn lines<'a>(b: &[u8], arena: &'a Bump) -> Option<Scan<'a>> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: the function needs SSE2, which this target has (the `cfg` above), and
        // POPCNT, which the processor has (just asked).
        return unsafe { sse2::lines(b, arena) };
    }
    lines_by_line(b, arena)
}

/// [`lines`], a line at a time (and the reference for the vector version's test).
fn lines_by_line<'a>(b: &[u8], arena: &'a Bump) -> Option<Scan<'a>> {
    if has_awkward_bytes(b) {
        return None;
    }
    let mut lines = bumpalo::collections::Vec::with_capacity_in(b.len() / 24, arena);
    let mut start = 0;
    let mut chars_before = 0;
    for end in memchr::memchr_iter(b'\n', b) {
        let line = &b[start..end];
        let indent = line.iter().take_while(|&&c| c == b' ').count();
        let ascii = line.is_ascii();
        lines.push(Line {
            start,
            end,
            indent,
            kind: kind_of(line, indent),
            chars_before,
            ascii,
        });
        chars_before += 1 + if ascii { line.len() } else { chars(line) };
        start = end + 1;
    }
    Some(Scan {
        lines,
        chars: chars_before,
        plain_markdown: memchr::memchr3_iter(b'<', b'!', b']', b)
            .all(|at| markdown::plainly_safe_at(b, at)),
    })
}

fn kind_of(line: &[u8], indent: usize) -> Kind {
    match line.get(indent) {
        None => Kind::Blank,
        Some(b'#') => Kind::Comment,
        Some(_) => Kind::Content,
    }
}

/// [`lines`] with SSE2 (and POPCNT): each block of 64 bytes becomes five masks of 64 bits
/// (its line feeds, spaces, continuation bytes, the bytes that may start an awkward
/// character, and the `<`, `!` and `]` that may start unsafe Markdown), and the lines are
/// read off the masks. A line is all ASCII when it has no continuation byte, for the text
/// is UTF-8. The pass over the text, a `memchr` and two scans of every line were a fifth of
/// a cold check's instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use std::arch::x86_64::*;

    use super::{awkward_at, markdown, Bump, Kind, Line, Scan};

    /// Bit `i` of each mask says something of byte `i` of a block.
    struct Masks {
        line_feed: u64,
        space: u64,
        continuation: u64,
        maybe_awkward: u64,
        markdown: u64,
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn masks(block: &[u8; 64]) -> Masks {
        let mut m = Masks {
            line_feed: 0,
            space: 0,
            continuation: 0,
            maybe_awkward: 0,
            markdown: 0,
        };
        let byte = |c: u8| _mm_set1_epi8(c as i8);
        let mut awkward = [_mm_setzero_si128(); 4];
        let mut markdown = [_mm_setzero_si128(); 4];
        for (k, v) in block.chunks_exact(16).enumerate() {
            let half = |at: usize| {
                let mut word = [0; 8];
                word.copy_from_slice(&v[at..at + 8]);
                i64::from_le_bytes(word)
            };
            let v = _mm_set_epi64x(half(8), half(0));
            let line_feed = _mm_cmpeq_epi8(v, byte(b'\n'));
            let space = _mm_cmpeq_epi8(v, byte(b' '));
            // 0x80 to 0xBF are below -64 as signed bytes.
            let continuation = _mm_cmplt_epi8(v, byte(0xC0));
            // The control characters but the line feed (0 to 0x1F as signed bytes), DEL,
            // 0xC2 and 0xE2 (the same but for bit 5), and 0xEF: as `has_awkward_bytes`.
            let control = _mm_andnot_si128(
                line_feed,
                _mm_and_si128(
                    _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
                    _mm_cmplt_epi8(v, byte(0x20)),
                ),
            );
            awkward[k] = _mm_or_si128(
                _mm_or_si128(control, _mm_cmpeq_epi8(v, byte(0x7F))),
                _mm_or_si128(
                    _mm_cmpeq_epi8(_mm_and_si128(v, byte(0xDF)), byte(0xC2)),
                    _mm_cmpeq_epi8(v, byte(0xEF)),
                ),
            );
            markdown[k] = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, byte(b'<')), _mm_cmpeq_epi8(v, byte(b'!'))),
                _mm_cmpeq_epi8(v, byte(b']')),
            );
            m.line_feed |= bits(line_feed, k);
            m.space |= bits(space, k);
            m.continuation |= bits(continuation, k);
        }
        // Most blocks have neither: one test for the four parts of both.
        let any =
            |x: &[__m128i; 4]| _mm_or_si128(_mm_or_si128(x[0], x[1]), _mm_or_si128(x[2], x[3]));
        let (awkward_any, markdown_any) = (any(&awkward), any(&markdown));
        if _mm_movemask_epi8(_mm_or_si128(awkward_any, markdown_any)) != 0 {
            for k in 0..4 {
                m.maybe_awkward |= bits(awkward[k], k);
                m.markdown |= bits(markdown[k], k);
            }
        }
        m
    }

    /// The top bits of `x`'s bytes, for part `k` of a block.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn bits(x: __m128i, k: usize) -> u64 {
        u64::from(_mm_movemask_epi8(x) as u16) << (16 * k)
    }

    #[target_feature(enable = "sse2,popcnt")]
    pub(super) fn lines<'a>(b: &[u8], arena: &'a Bump) -> Option<Scan<'a>> {
        let mut lines = bumpalo::collections::Vec::with_capacity_in(b.len() / 24, arena);
        let mut plain_markdown = true;
        // The line being read: where it starts, the continuation bytes before it, and its
        // leading spaces so far (`open` while they may go on); and the continuation bytes
        // before this block. A line's characters before it are its start less the
        // continuation bytes before it, and it is all ASCII when there are as many of
        // those before its end.
        let mut start = 0;
        let mut continuing_before = 0;
        let mut continuing_base = 0;
        let (mut indent, mut open) = (0, true);
        let mut last = [b'a'; 64];
        let mut base = 0;
        while base < b.len() {
            let block: &[u8; 64] = match b.get(base..base + 64) {
                Some(block) => block.try_into().ok()?,
                None => {
                    // The last block, filled out with a byte that is in no mask.
                    last[..b.len() - base].copy_from_slice(&b[base..]);
                    &last
                }
            };
            let m = masks(block);
            let mut maybe = m.maybe_awkward;
            while maybe != 0 {
                if awkward_at(b, base + maybe.trailing_zeros() as usize) {
                    return None;
                }
                maybe &= maybe - 1;
            }
            let mut md = if plain_markdown { m.markdown } else { 0 };
            while md != 0 {
                if !markdown::plainly_safe_at(b, base + md.trailing_zeros() as usize) {
                    plain_markdown = false;
                    break;
                }
                md &= md - 1;
            }
            let not_space = !m.space;
            if open {
                let run = not_space.trailing_zeros();
                indent += run as usize;
                open = run == 64;
            }
            let mut feeds = m.line_feed;
            while feeds != 0 {
                let at = feeds.trailing_zeros();
                let end = base + at as usize;
                let continuing_end =
                    continuing_base + (m.continuation & ((1u64 << at) - 1)).count_ones() as usize;
                // The byte after the leading spaces: the line's end when it is all spaces.
                let first = start + indent;
                let kind = match b.get(first) {
                    Some(_) if first >= end => Kind::Blank,
                    Some(b'#') => Kind::Comment,
                    _ => Kind::Content,
                };
                lines.push(Line {
                    start,
                    end,
                    indent,
                    kind,
                    chars_before: start - continuing_before,
                    ascii: continuing_end == continuing_before,
                });
                (start, continuing_before) = (end + 1, continuing_end);
                // The next line's leading spaces in this block (a line feed is no space).
                let from = at + 1;
                let run = not_space
                    .checked_shr(from)
                    .unwrap_or(0)
                    .trailing_zeros()
                    .min(64 - from);
                indent = run as usize;
                open = from + run == 64;
                feeds &= feeds - 1;
            }
            continuing_base += m.continuation.count_ones() as usize;
            base += 64;
        }
        Some(Scan {
            lines,
            chars: start - continuing_before,
            plain_markdown,
        })
    }
}

/// Whether what follows a value on its line is nothing, spaces, or spaces and a comment.
fn ends_line(rest: &[u8]) -> bool {
    let spaces = rest.iter().take_while(|&&c| c == b' ').count();
    match rest.get(spaces) {
        None => true,
        Some(b'#') => spaces > 0,
        _ => false,
    }
}

/// The bytes that may not start a plain scalar here (YAML's indicators; `-`, `?` and `:`
/// may in YAML when a non-space follows, but those are left to the full parser).
fn is_indicator(c: u8) -> bool {
    matches!(
        c,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    )
}

/// The bytes of a simple key: ASCII letters and digits, `_`, `-` and `.`.
static KEY_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
        c += 1;
    }
    t
};

struct Reader<'a> {
    b: &'a [u8],
    text: &'a str,
    /// Where the tree's collections and made strings go.
    arena: &'a Bump,
    lines: bumpalo::collections::Vec<'a, Line>,
    /// The next line to read.
    li: usize,
    nodes: usize,
    limits: Limits,
    problems: Vec<YamlProblem>,
    /// Characters in the whole text.
    total_chars: usize,
    /// The entries of the mappings and the items of the sequences being read, innermost
    /// last: each collection is copied into the arena in one piece when it ends, at its
    /// size, and taken off.
    entries: Vec<(Key<'a>, Node<'a>)>,
    items: Vec<Node<'a>>,
}

/// Read `text` quickly, or `None` when the full parser must.
pub fn parse<'a>(text: &'a str, arena: &'a Bump, limits: &Limits) -> Option<Parsed<'a>> {
    let b = text.as_bytes();
    if b.last() != Some(&b'\n') || b.len() > limits.max_file_bytes {
        return None;
    }
    let Scan {
        lines,
        chars: chars_before,
        plain_markdown,
    } = lines(b, arena)?;
    let mut r = Reader {
        b,
        text,
        arena,
        lines,
        li: 0,
        nodes: 0,
        limits: *limits,
        problems: Vec::new(),
        total_chars: chars_before,
        entries: Vec::with_capacity(64),
        items: Vec::with_capacity(64),
    };
    let first = r.next_sig(0)?;
    r.li = first;
    if r.lines[first].indent == 0 && r.content(first) == b"---" {
        r.li = r.next_sig(first + 1)?;
    }
    let l = r.lines[r.li];
    if l.indent != 0 || !r.is_key(r.li, 0) {
        return None;
    }
    let root = r.mapping(0, 0)?;
    if r.next_sig(r.li).is_some() {
        return None;
    }
    Some(Parsed {
        root: Some(root),
        problems: r.problems,
        plain_markdown,
    })
}

impl<'a> Reader<'a> {
    /// The first line at or after `from` that is neither blank nor a comment.
    fn next_sig(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&i| self.lines[i].kind == Kind::Content)
    }

    /// The line's bytes after its indentation.
    fn content(&self, li: usize) -> &'a [u8] {
        let l = self.lines[li];
        &self.b[l.start + l.indent..l.end]
    }

    fn line_bytes(&self, li: usize) -> &'a [u8] {
        let l = self.lines[li];
        &self.b[l.start..l.end]
    }

    /// Characters in bytes `from..to` of line `li`.
    #[inline]
    fn line_chars(&self, li: usize, from: usize, to: usize) -> usize {
        let l = self.lines[li];
        if l.ascii {
            to - from
        } else {
            chars(&self.b[l.start + from..l.start + to])
        }
    }

    // `pos`, `line_chars` and `key_len` are inlined: called for every key and value, they
    // were 10 % of a cold check (255.2 M -> 246.0 M instructions for 200 notices).
    #[inline]
    fn pos(&self, li: usize, byte: usize, len: usize) -> Pos {
        let l = self.lines[li];
        let col = self.line_chars(li, 0, byte);
        Pos {
            line: u32::try_from(li + 1).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
            index: u32::try_from(l.chars_before + col).unwrap_or(u32::MAX),
            len: u32::try_from(len.max(1)).unwrap_or(u32::MAX),
        }
    }

    /// The position just past the last line.
    fn eof(&self) -> Pos {
        Pos {
            line: u32::try_from(self.lines.len() + 1).unwrap_or(u32::MAX),
            col: 1,
            index: u32::try_from(self.total_chars).unwrap_or(u32::MAX),
            len: 1,
        }
    }

    /// Count one more value; `None` near the limit, which the full parser then reports.
    /// A collection's items are counted as values and again as items, so the count runs
    /// ahead of the full parser's and the quick reader declines early, never late.
    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes < self.limits.max_nodes).then_some(())
    }

    fn str_at(&self, li: usize, from: usize, to: usize) -> &'a str {
        let l = self.lines[li];
        self.text.get(l.start + from..l.start + to).unwrap_or("")
    }

    /// Whether a simple key starts at byte `at` of line `li`.
    fn is_key(&self, li: usize, at: usize) -> bool {
        self.key_len(li, at).is_some()
    }

    /// The length of the simple key at byte `at` of line `li`.
    #[inline]
    fn key_len(&self, li: usize, at: usize) -> Option<usize> {
        let rest = self.line_bytes(li).get(at..)?;
        let first = *rest.first()?;
        if !(first.is_ascii_alphanumeric() || first == b'_') {
            return None;
        }
        let len = rest
            .iter()
            .position(|&c| !KEY_BYTE[usize::from(c)])
            .unwrap_or(rest.len());
        // saphyr-parser forgets a possible key whose `:` is more than 1024 characters on.
        if len > 1024 {
            return None;
        }
        if rest.get(len) != Some(&b':') || !matches!(rest.get(len + 1), None | Some(b' ')) {
            return None;
        }
        if matches!(&rest[..len], b"null" | b"Null" | b"NULL") {
            return None;
        }
        Some(len)
    }

    /// A simple key at byte `at` of line `li`: its name and the byte after its colon.
    #[inline(always)]
    fn key(&self, li: usize, at: usize) -> Option<(Key<'a>, usize)> {
        let len = self.key_len(li, at)?;
        Some(self.key_of_len(li, at, len))
    }

    /// [`Reader::key`] when its length is known (from [`Reader::key_len`]).
    #[inline(always)]
    fn key_of_len(&self, li: usize, at: usize, len: usize) -> (Key<'a>, usize) {
        let colon = at + len;
        let key = Key {
            name: self.str_at(li, at, colon),
            pos: self.pos(li, at, len),
        };
        (key, colon + 1)
    }

    /// A block mapping whose first key is at byte `indent` of the current line, nested
    /// `depth` collections deep.
    fn mapping(&mut self, indent: usize, depth: usize) -> Option<Node<'a>> {
        self.mapping_after(indent, depth, None)
    }

    /// [`Reader::mapping`], with the length of its first key when the caller has found it
    /// already (a sequence's item, told apart from a scalar by its key).
    fn mapping_after(
        &mut self,
        indent: usize,
        depth: usize,
        first_key: Option<usize>,
    ) -> Option<Node<'a>> {
        if depth + 2 >= self.limits.max_depth {
            return None;
        }
        let pos = self.pos(self.li, indent, 1);
        let base = self.entries.len();
        let mut seen = SeenKeys::default();
        let mut known = first_key;
        loop {
            let li = self.li;
            let (key, after) = match known.take() {
                Some(len) => self.key_of_len(li, indent, len),
                None => self.key(li, indent)?,
            };
            self.count()?;
            let value = self.value(li, after, indent, depth)?;
            self.count()?;
            if seen.is_duplicate(&self.entries[base..], &key) {
                self.duplicate(&key);
            } else {
                self.entries.push((key, value));
            }
            let more = self.step(|r, n| match r.lines[n].indent.cmp(&indent) {
                std::cmp::Ordering::Equal => Some(true),
                std::cmp::Ordering::Greater => None,
                std::cmp::Ordering::Less => Some(false),
            })?;
            if !more {
                break;
            }
        }
        self.count()?;
        let entries = self.arena.alloc_slice_copy(&self.entries[base..]);
        self.entries.truncate(base);
        Some(Node {
            value: Value::Map(entries),
            pos,
        })
    }

    /// After an entry of a collection: the next line that is neither blank nor a comment,
    /// as `next` tells it (`Some(true)` another entry, `Some(false)` the end of the
    /// collection, `None` declined). Leaves `self.li` at that line, or past the last.
    fn step(&mut self, next: impl Fn(&Self, usize) -> Option<bool>) -> Option<bool> {
        let Some(n) = self.next_sig(self.li) else {
            self.li = self.lines.len();
            return Some(false);
        };
        let more = next(self, n)?;
        self.li = n;
        Some(more)
    }

    /// Whether line `li` holds a sequence entry at its indentation.
    fn is_entry(&self, li: usize) -> bool {
        let c = self.content(li);
        c.first() == Some(&b'-') && matches!(c.get(1), None | Some(b' '))
    }

    /// A block sequence of entries at column `indent`, starting on the current line.
    /// `indentless` when it sits at its key's own column (`key:` then `- item`).
    fn sequence(&mut self, indent: usize, depth: usize, indentless: bool) -> Option<Node<'a>> {
        if depth + 2 >= self.limits.max_depth {
            return None;
        }
        let mut pos = self.pos(self.li, indent, 1);
        let base = self.items.len();
        loop {
            let li = self.li;
            if !self.is_entry(li) {
                return None;
            }
            let line = self.line_bytes(li);
            let at = indent
                + 1
                + line[indent + 1..]
                    .iter()
                    .take_while(|&&c| c == b' ')
                    .count();
            match line.get(at) {
                None if indentless => return None,
                Some(b'-' | b'#') => return None,
                Some(b'>' | b'|') if indentless && self.items.len() == base => return None,
                _ => {}
            }
            if indentless && self.items.len() == base {
                pos = self.pos(li, at, 1);
            }
            let item = if let Some(len) = self.key_len(li, at) {
                self.mapping_after(at, depth + 1, Some(len))?
            } else {
                self.value(li, indent + 1, indent, depth)?
            };
            self.count()?;
            self.items.push(item);
            let more = self.step(|r, n| match r.lines[n].indent.cmp(&indent) {
                std::cmp::Ordering::Equal if r.is_entry(n) => Some(true),
                std::cmp::Ordering::Equal if !indentless => None,
                std::cmp::Ordering::Greater => None,
                _ => Some(false),
            })?;
            if !more {
                break;
            }
        }
        self.count()?;
        let items = self.arena.alloc_slice_copy(&self.items[base..]);
        self.items.truncate(base);
        Some(Node {
            value: Value::Seq(items),
            pos,
        })
    }

    /// The value after byte `after` of line `li` (a key's colon or an entry's dash), in a
    /// collection at column `indent`. Leaves `self.li` at the first line after the value.
    fn value(&mut self, li: usize, after: usize, indent: usize, depth: usize) -> Option<Node<'a>> {
        let line = self.line_bytes(li);
        let at = after + line[after..].iter().take_while(|&&c| c == b' ').count();
        match line.get(at) {
            None | Some(b'#') => {
                match self.next_sig(li + 1) {
                    Some(n) if self.lines[n].indent > indent => {
                        self.li = n;
                        let inner = self.lines[n].indent;
                        if self.is_entry(n) {
                            self.sequence(inner, depth + 1, false)
                        } else {
                            self.mapping(inner, depth + 1)
                        }
                    }
                    Some(n)
                        if self.lines[n].indent == indent
                            && self.is_entry(n)
                            && line[after - 1] == b':' =>
                    {
                        self.li = n;
                        self.sequence(indent, depth + 1, true)
                    }
                    _ => {
                        // saphyr puts an empty value at a key's colon, or after a dash and
                        // the spaces after it.
                        let at = if line[after - 1] == b':' {
                            after - 1
                        } else {
                            at
                        };
                        self.li = li + 1;
                        Some(Node {
                            value: Value::Null,
                            pos: self.pos(li, at, 1),
                        })
                    }
                }
            }
            Some(b'>' | b'|') => self.block_scalar(li, at, indent),
            Some(b'[' | b'{') => {
                let node = self.flow(li, at)?;
                self.end_of_scalar(li, indent)?;
                Some(node)
            }
            Some(b'"' | b'\'') => {
                let node = self.quoted(li, at)?;
                self.end_of_scalar(li, indent)?;
                Some(node)
            }
            Some(&c) if is_indicator(c) => None,
            Some(_) => {
                let node = self.plain(li, at)?;
                self.end_of_scalar(li, indent)?;
                Some(node)
            }
        }
    }

    /// After a one-line scalar on line `li`: a more indented line next would continue it,
    /// which the full parser reads.
    fn end_of_scalar(&mut self, li: usize, indent: usize) -> Option<()> {
        if let Some(n) = self.next_sig(li + 1) {
            if self.lines[n].indent > indent {
                return None;
            }
        }
        self.li = li + 1;
        Some(())
    }

    /// A plain scalar from byte `at` to the end of the line or a comment.
    fn plain(&self, li: usize, at: usize) -> Option<Node<'a>> {
        let line = self.line_bytes(li);
        let mut end = line.len();
        for i in memchr::memchr2_iter(b'#', b':', &line[at..]).map(|i| at + i) {
            match line[i] {
                b'#' if line[i - 1] == b' ' => {
                    end = i;
                    break;
                }
                b':' if matches!(line.get(i + 1), None | Some(b' ')) => return None,
                _ => {}
            }
        }
        while line[end - 1] == b' ' {
            end -= 1;
        }
        self.plain_node(li, at, end)
    }

    /// The plain scalar in bytes `at..end` of line `li`.
    fn plain_node(&self, li: usize, at: usize, end: usize) -> Option<Node<'a>> {
        let text = self.str_at(li, at, end);
        let len = self.line_chars(li, at, end);
        if len > self.limits.max_string_chars {
            return None;
        }
        let pos = self.pos(li, at, len);
        let value = if matches!(text, "~" | "null" | "Null" | "NULL") {
            Value::Null
        } else {
            Value::Scalar { text, plain: true }
        };
        Some(Node { value, pos })
    }

    /// A quoted scalar that ends its line (but for a comment), with no escapes.
    fn quoted(&self, li: usize, at: usize) -> Option<Node<'a>> {
        let (node, close) = self.quoted_at(li, at)?;
        ends_line(&self.line_bytes(li)[close + 1..]).then_some(node)
    }

    /// A quoted scalar at byte `at` that closes on its own line, with no escapes, and the
    /// byte of its closing quote.
    fn quoted_at(&self, li: usize, at: usize) -> Option<(Node<'a>, usize)> {
        let line = self.line_bytes(li);
        let quote = line[at];
        let mut i = at + 1;
        let close = loop {
            match *line.get(i)? {
                b'\\' if quote == b'"' => return None,
                b'\'' if quote == b'\'' && line.get(i + 1) == Some(&b'\'') => i += 2,
                c if c == quote => break i,
                _ => i += 1,
            }
        };
        let inner = self.str_at(li, at + 1, close);
        let text = if quote == b'\'' && inner.contains("''") {
            &*self.arena.alloc_str(&inner.replace("''", "'"))
        } else {
            inner
        };
        if text.len() > self.limits.max_string_chars
            && chars(text.as_bytes()) > self.limits.max_string_chars
        {
            return None;
        }
        // saphyr's span of a quoted scalar runs on over the spaces after it, and over a
        // comment there to the end of the line.
        let spaces = line[close + 1..].iter().take_while(|&&c| c == b' ').count();
        let mut end = close + 1 + spaces;
        if spaces > 0 && line.get(end) == Some(&b'#') {
            end = line.len();
        }
        let node = Node {
            value: Value::Scalar { text, plain: false },
            pos: self.pos(li, at, self.line_chars(li, at, end)),
        };
        Some((node, close))
    }

    /// A one-line flow sequence (`[a, b]`) or mapping (`{en: a, cy: b}`) of scalars at
    /// byte `at` of line `li`.
    fn flow(&mut self, li: usize, at: usize) -> Option<Node<'a>> {
        let line = self.line_bytes(li);
        let is_map = line[at] == b'{';
        let close = if is_map { b'}' } else { b']' };
        let skip = |i: usize| i + line[i..].iter().take_while(|&&c| c == b' ').count();
        let mut i = skip(at + 1);
        let pos = self.pos(li, at, i - at);
        let mut items = Vec::new();
        let mut entries: Vec<(Key<'a>, Node<'a>)> = Vec::new();
        let mut seen = SeenKeys::default();
        while *line.get(i)? != close {
            let key = if is_map {
                let (key, after) = self.key(li, i)?;
                self.count()?;
                i = skip(after);
                Some(key)
            } else {
                None
            };
            let (node, end) = match *line.get(i)? {
                b'"' | b'\'' => {
                    let (node, q) = self.quoted_at(li, i)?;
                    (node, q + 1)
                }
                c if is_indicator(c) => return None,
                _ => {
                    let len = line[i..]
                        .iter()
                        .take_while(|&&c| !matches!(c, b',' | b']' | b'}'))
                        .count();
                    let mut end = i + len;
                    // saphyr also stops at an indicator after a space in a flow scalar.
                    let item = &line[i..end];
                    if item.iter().any(|&c| matches!(c, b':' | b'#' | b'[' | b'{'))
                        || item.windows(2).any(|w| w[0] == b' ' && is_indicator(w[1]))
                    {
                        return None;
                    }
                    while line[end - 1] == b' ' {
                        end -= 1;
                    }
                    (self.plain_node(li, i, end)?, end)
                }
            };
            self.count()?;
            match key {
                Some(key) if seen.is_duplicate(&entries, &key) => {
                    self.duplicate(&key);
                }
                Some(key) => entries.push((key, node)),
                None => items.push(node),
            }
            i = skip(end);
            match *line.get(i)? {
                b',' => i = skip(i + 1),
                c if c == close => {}
                _ => return None,
            }
        }
        if !ends_line(&line[i + 1..]) {
            return None;
        }
        self.count()?;
        let value = if is_map {
            Value::Map(self.arena.alloc_slice_copy(&entries))
        } else {
            Value::Seq(self.arena.alloc_slice_copy(&items))
        };
        Some(Node { value, pos })
    }

    fn duplicate(&mut self, key: &Key<'_>) {
        self.problems.push(YamlProblem {
            kind: ProblemKind::DuplicateKey,
            pos: key.pos,
            message: format!("duplicate key `{}`", key.name),
        });
    }

    /// A literal (`|`) or folded (`>`) block scalar whose indicator is at byte `at` of
    /// line `li`, in a collection at column `indent`.
    fn block_scalar(&mut self, li: usize, at: usize, indent: usize) -> Option<Node<'a>> {
        let line = self.line_bytes(li);
        let folded = line[at] == b'>';
        let strip = match &line[at + 1..] {
            b"" => false,
            b"-" => true,
            _ => return None,
        };
        let first = li + 1;
        let l0 = *self.lines.get(first)?;
        if l0.kind == Kind::Blank || l0.indent <= indent {
            return None;
        }
        let m = l0.indent;
        let start = self.pos(first, m, 1);
        // First where the scalar ends, so that its text is allocated once, at most the
        // length of its lines.
        let mut n = first;
        let end = loop {
            let Some(&l) = self.lines.get(n) else {
                break self.eof();
            };
            if l.kind == Kind::Blank {
                if l.end - l.start > m {
                    return None;
                }
            } else if l.indent < m {
                break self.pos(n, l.indent, 1);
            } else if folded && l.indent > m {
                // A more indented line is not folded; the full parser knows the rules.
                return None;
            }
            n += 1;
        };
        let lines = &self.lines[first..n];
        let span = lines.last().map_or(0, |l| l.end) - l0.start;
        let mut text = bumpalo::collections::String::with_capacity_in(span + 1, self.arena);
        let mut blanks = 0usize;
        for (i, l) in lines.iter().enumerate() {
            if l.kind == Kind::Blank {
                blanks += 1;
                continue;
            }
            if i > 0 {
                if folded && blanks == 0 {
                    text.push(' ');
                } else {
                    for _ in 0..blanks + usize::from(!folded) {
                        text.push('\n');
                    }
                }
            }
            blanks = 0;
            text.push_str(self.text.get(l.start + m..l.end)?);
        }
        if !strip {
            text.push('\n');
        }
        if text.len() > self.limits.max_string_chars
            && chars(text.as_bytes()) > self.limits.max_string_chars
        {
            return None;
        }
        let len = (end.index - start.index).max(1);
        self.li = n;
        Some(Node {
            value: Value::Scalar {
                text: text.into_bump_str(),
                plain: false,
            },
            pos: Pos { len, ..start },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::yaml::parse_full;
    use super::*;

    /// The two readings of `text`: `None` when the quick reader declines.
    fn readings(text: &str) -> Option<(String, String)> {
        let limits = Limits::default();
        let arena = Bump::new();
        let quick = parse(text, &arena, &limits)?;
        let full = parse_full(text, &arena, &limits);
        Some((
            format!("{:?} {:?}", quick.root, quick.problems),
            format!("{:?} {:?}", full.root, full.problems),
        ))
    }

    fn differs(text: &str) -> bool {
        readings(text).is_some_and(|(q, f)| q != f)
    }

    /// The quick reader either declines or builds exactly what saphyr-parser builds. On a
    /// difference, the text is cut down to a small one that still differs, for the message.
    fn agrees(text: &str) -> bool {
        let Some((q, f)) = readings(text) else {
            return false;
        };
        if q != f {
            let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
            let mut i = 0;
            while i < lines.len() {
                let mut fewer = lines.clone();
                fewer.remove(i);
                if differs(&fewer.concat()) {
                    lines = fewer;
                } else {
                    i += 1;
                }
            }
            let small = lines.concat();
            let (q, f) = readings(&small).unwrap_or_default();
            let at = q.bytes().zip(f.bytes()).take_while(|(a, b)| a == b).count();
            let from = (0..=at.saturating_sub(120))
                .rev()
                .find(|&i| q.is_char_boundary(i))
                .unwrap_or(0);
            let cut = |x: &str| {
                x.get(from..)
                    .unwrap_or("")
                    .chars()
                    .take(300)
                    .collect::<String>()
            };
            panic!(
                "the readers differ on\n{small:?}\nquick: …{}\nfull:  …{}",
                cut(&q),
                cut(&f)
            );
        }
        true
    }

    /// More cases when exploring: `QUICK_ROUNDS=20 cargo test --release yaml_quick`.
    fn rounds() -> usize {
        std::env::var("QUICK_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1)
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'x>(&mut self, xs: &[&'x str]) -> &'x str {
            xs[self.below(xs.len())]
        }
    }

    /// Pieces of YAML syntax, valid and not, that edits put anywhere.
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "    ",
        "\n",
        "\n\n",
        "\n  ",
        "-",
        "- ",
        "\n- ",
        ":",
        ": ",
        ":\n",
        "#",
        " #",
        " # c",
        "'",
        "\"",
        "''",
        "\\",
        "[",
        "]",
        "[]",
        "{",
        "}",
        "{}",
        ",",
        ", ",
        ">",
        ">-",
        "|",
        "|-",
        "|+",
        ">2",
        "~",
        "null",
        "Null",
        "&a ",
        "*a",
        "!!str ",
        "!",
        "?",
        "%",
        "@",
        "`",
        "\t",
        "\r",
        "\r\n",
        "ŵ",
        "ŷ",
        "—",
        "\u{85}",
        "\u{a0}",
        "\u{2028}",
        "\u{feff}",
        "---\n",
        "...\n",
        "en: ",
        "cy: ",
        "key: value\n",
        "  - x\n",
        "- a: b\n",
        "x: [a, b]\n",
        "y: {en: a, cy: b}\n",
        "z: 'q'\n",
        "w: \"q\"\n",
        "v: >-\n  t\n",
        "u: |\n  l\n\n   m\n",
    ];

    fn mutate(rng: &mut Rng, text: &str) -> String {
        let mut s = text.to_owned();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(s.len() + 1);
            let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            match rng.below(4) {
                0 => {
                    let end = (at + 1 + rng.below(6)).min(s.len());
                    let end = (end..=s.len())
                        .find(|&i| s.is_char_boundary(i))
                        .unwrap_or(s.len());
                    s.replace_range(at..end, "");
                }
                1 => {
                    // Indent or dedent one line by one or two spaces.
                    let ls = s[..at].rfind('\n').map_or(0, |i| i + 1);
                    if rng.below(2) == 0 {
                        s.insert_str(ls, if rng.below(2) == 0 { " " } else { "  " });
                    } else if s[ls..].starts_with(' ') {
                        s.remove(ls);
                    }
                }
                _ => s.insert_str(at, rng.pick(PIECES)),
            }
        }
        s
    }

    /// The lines read 64 bytes at a time are those read a line at a time, and so is the
    /// verdict on awkward bytes: on texts of every length to 300 bytes, made of line feeds,
    /// spaces, comments, letters, Welsh letters, curly quotes, control characters and each
    /// awkward character, and on every committed notice.
    #[test]
    fn lines_by_block_are_lines_by_line() {
        const BITS: &[&str] = &[
            "\n",
            " ",
            "  ",
            "    ",
            "#",
            "a",
            "key: value",
            "ŵ",
            "â",
            "’",
            "\u{a0}",
            "ğŸ",
            "€",
            "<",
            "!",
            "![",
            "]",
            "](",
            "]:",
            "](https://a.example/x)",
            "](tel:01632)",
            "](javascript:x)",
        ];
        const AWKWARD: &[&str] = &[
            "\u{2028}", "\u{2029}", "\u{85}", "\u{feff}", "\u{fffe}", "\u{ffff}", "\u{7f}", "\t",
            "\r", "\u{1}", "\u{1f}",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut awkward = 0;
        let mut texts: Vec<String> = Vec::new();
        for round in 0..3000 {
            let mut t = String::new();
            let len = round % 300;
            while t.len() < len {
                let bits = if rng.below(60) == 0 { AWKWARD } else { BITS };
                t.push_str(rng.pick(bits));
            }
            t.push('\n');
            texts.push(t);
        }
        // Runs of spaces across the edges of blocks, and blank lines of spaces.
        for before in 0..70 {
            for spaces in [1, 63, 64, 65, 130] {
                let pad = " ".repeat(spaces);
                texts.push(format!(
                    "{}\n{pad}a: b\n{pad}\n#{pad}\n",
                    "x".repeat(before)
                ));
            }
        }
        let root = env!("CARGO_MANIFEST_DIR");
        for e in walkdir::WalkDir::new(format!("{root}/notices")).sort_by_file_name() {
            let e = e.expect("walk");
            if e.path().extension().is_some_and(|x| x == "yaml") {
                texts.push(std::fs::read_to_string(e.path()).expect("read"));
            }
        }
        let mut plain_markdown = 0;
        for t in &texts {
            let (a, b) = (Bump::new(), Bump::new());
            let by_block = lines(t.as_bytes(), &a);
            assert_eq!(by_block, lines_by_line(t.as_bytes(), &b), "{t:?}");
            awkward += usize::from(by_block.is_none());
            plain_markdown += usize::from(by_block.is_some_and(|s| s.plain_markdown));
        }
        // The texts without awkward bytes are split between the two answers.
        let read = texts.len() - awkward;
        assert!(
            plain_markdown > read / 10 && plain_markdown < read * 9 / 10,
            "{plain_markdown} of {read} texts plainly safe"
        );
        assert!(
            awkward > 300 && awkward < 2700,
            "{awkward} of {} texts awkward",
            texts.len()
        );
    }

    /// Every file in the example and the fixtures is read quickly, and the trees agree.
    #[test]
    fn agrees_on_every_committed_notice() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut n = 0;
        for dir in ["notices", "tests/fixtures"] {
            for e in walkdir::WalkDir::new(format!("{root}/{dir}")).sort_by_file_name() {
                let e = e.expect("walk");
                if e.path().extension().is_some_and(|x| x == "yaml") {
                    let text = std::fs::read_to_string(e.path()).expect("read");
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    assert!(agrees(text), "{} was not read quickly", e.path().display());
                    n += 1;
                }
            }
        }
        assert!(n >= 20, "only {n} files");
    }

    /// Thousands of edited copies of real notices: wherever the quick reader accepts one, it
    /// builds what saphyr-parser builds, and it still accepts many.
    #[test]
    fn agrees_on_edited_notices() {
        let root = env!("CARGO_MANIFEST_DIR");
        let files = [
            "notices/advice/advice.yaml",
            "tests/fixtures/hostile/notices/hostile.yaml",
            "tests/fixtures/full/notices/open-day.yaml",
            "tests/fixtures/i18n/project/notices/_organisation.yaml",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for f in files {
            let text = std::fs::read_to_string(format!("{root}/{f}")).expect("read");
            let (mut tried, mut quick) = (0, 0);
            for _ in 0..1500 * rounds() {
                let m = mutate(&mut rng, &text);
                tried += 1;
                quick += usize::from(agrees(&m));
            }
            eprintln!("{f}: {quick} of {tried} read quickly");
            assert!(
                quick * 8 > tried,
                "{f}: only {quick} of {tried} read quickly"
            );
        }
    }

    /// saphyr-parser gives up on a key of more than 1024 characters (found by review).
    #[test]
    fn keys_of_1024_characters_and_more() {
        for n in [1023, 1024, 1025, 1030] {
            for text in [
                format!("{}: b\n", "a".repeat(n)),
                format!("x:\n  {}: v\n", "k".repeat(n)),
                format!("s:\n{}: v\n", "q".repeat(n)),
                format!("f: {{{}: v}}\n", "k".repeat(n)),
            ] {
                assert_eq!(agrees(&text), n <= 1024, "{n}: {}", &text[..3]);
            }
        }
    }

    /// Short texts built line by line from YAML's pieces, where the edge cases live.
    #[test]
    fn agrees_on_generated_lines() {
        let keys = ["a", "en", "cy", "b_2", "x-y", "null", "k.v", "Δ", "2025"];
        let values = [
            "",
            " ",
            "v",
            "two words",
            "w # c",
            "a:b",
            "a: b",
            "x:",
            "'q'",
            "'it''s'",
            "\"d\"",
            "\"e\\n\"",
            "[a, b]",
            "[ a ]",
            "[]",
            "[a,]",
            "[a,,b]",
            "{en: a, cy: b}",
            "{}",
            "{a: 1, a: 2}",
            "{a:1}",
            "[a: b]",
            "[\"x\", 'y']",
            ">-",
            ">",
            "|",
            "|-",
            "|+",
            "> # c",
            "~",
            "null",
            "- x",
            "&a v",
            "*a",
            "!!str 1",
            "ŵyl",
            "x  ",
            "#",
            "-1",
            "? q",
            "[a, [b]]",
            "{en: a -, cy: b}",
            "[a -, b]",
            "[a ?b, c]",
            "[case-record, web]",
            "x -y",
            "-",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (mut tried, mut quick) = (0, 0);
        for _ in 0..20_000 * rounds() {
            let mut text = format!("{}:\n", rng.pick(&keys));
            let mut depth = 0usize;
            for _ in 0..1 + rng.below(8) {
                depth = match rng.below(6) {
                    0 | 1 => depth + 2,
                    2 => depth.saturating_sub(2),
                    3 => 0,
                    _ => depth,
                };
                let odd = usize::from(rng.below(10) == 0);
                let indent = " ".repeat(depth + odd);
                let line = match rng.below(9) {
                    0 => String::new(),
                    1 => "# note".to_owned(),
                    2 | 3 => format!(
                        "{}:{}{}",
                        rng.pick(&keys),
                        if rng.below(5) == 0 { "" } else { " " },
                        rng.pick(&values)
                    ),
                    4 => format!("- {}", rng.pick(&values)),
                    5 => format!("- {}: {}", rng.pick(&keys), rng.pick(&values)),
                    6 => "-".to_owned(),
                    _ => rng
                        .pick(&["text", "more text", "# not a comment", "  deeper", "---"])
                        .to_owned(),
                };
                text.push_str(&indent);
                text.push_str(&line);
                text.push('\n');
            }
            tried += 1;
            quick += usize::from(agrees(&text));
        }
        eprintln!("generated: {quick} of {tried} read quickly");
        assert!(quick * 20 > tried, "only {quick} of {tried} read quickly");
    }
}
