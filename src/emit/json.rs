//! A small JSON tree for the exports, written straight to bytes. It owns nothing but the
//! syntax: objects keep their keys in the order given (the exports' key order is part of
//! their format), strings borrow from the model wherever they can, and the bytes are
//! exactly what `serde_json` writes for the same tree in compact form (a test checks
//! this), so `register.json` and `register.jsonld` read the same as they always have.
//!
//! Why not `serde_json::Value`: on a large estate the exports build millions of small
//! objects, and a `Value` copies every string, allocates every key and hashes it into an
//! index map. This tree does none of that.

use std::borrow::Cow;

use crate::model::Lang;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum J<'a> {
    Null,
    Bool(bool),
    Num(i64),
    Str(Cow<'a, str>),
    /// `{"@id": "…"}`, a JSON-LD node reference, written without a map of its own (there
    /// are hundreds in a notice's part of the JSON-LD export).
    Id(Cow<'a, str>),
    /// `{"@value": "…", "@language": "cy"}`, a JSON-LD language-tagged literal, likewise.
    Lit(&'a str, Lang),
    Arr(Vec<J<'a>>),
    Obj(Obj<'a>),
}

/// An object: keys in the order inserted. Keys are static names (the exports have no
/// keys made from data).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Obj<'a>(Vec<(&'static str, J<'a>)>);

impl<'a> Obj<'a> {
    pub fn new() -> Obj<'a> {
        Obj(Vec::new())
    }

    /// Add `key`. Callers never add a key twice.
    pub fn insert(&mut self, key: &'static str, v: impl Into<J<'a>>) {
        self.0.push((key, v.into()));
    }

    /// Add `key` unless its value is `null` or an empty list.
    pub fn put(&mut self, key: &'static str, v: impl Into<J<'a>>) {
        let v = v.into();
        if !v.is_empty() {
            self.0.push((key, v));
        }
    }
}

impl<'a> J<'a> {
    /// `null` or `[]`.
    pub fn is_empty(&self) -> bool {
        match self {
            J::Null => true,
            J::Arr(a) => a.is_empty(),
            _ => false,
        }
    }

    /// The array's items (nothing for another value).
    pub fn into_items(self) -> Vec<J<'a>> {
        match self {
            J::Arr(a) => a,
            _ => Vec::new(),
        }
    }

    /// An array of the items.
    pub fn arr<T: Into<J<'a>>>(items: impl IntoIterator<Item = T>) -> J<'a> {
        J::Arr(items.into_iter().map(Into::into).collect())
    }

    /// Append the value as compact JSON.
    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            J::Null => out.extend_from_slice(b"null"),
            J::Bool(true) => out.extend_from_slice(b"true"),
            J::Bool(false) => out.extend_from_slice(b"false"),
            J::Num(n) => out.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
            J::Str(s) => string(out, s),
            J::Id(s) => {
                out.extend_from_slice(b"{\"@id\":");
                string(out, s);
                out.push(b'}');
            }
            J::Lit(s, lang) => {
                out.extend_from_slice(b"{\"@value\":");
                string(out, s);
                out.extend_from_slice(b",\"@language\":");
                string(out, lang.code());
                out.push(b'}');
            }
            J::Arr(items) => {
                out.push(b'[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    v.write(out);
                }
                out.push(b']');
            }
            J::Obj(Obj(entries)) => {
                out.push(b'{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    // Keys are the exports' own names, none of which needs escaping.
                    debug_assert!(!k.bytes().any(|b| escape(b).is_some()), "{k}");
                    out.push(b'"');
                    out.extend_from_slice(k.as_bytes());
                    out.extend_from_slice(b"\":");
                    v.write(out);
                }
                out.push(b'}');
            }
        }
    }

    /// Compact JSON with a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_sized(256)
    }

    /// [`J::to_bytes`] into a buffer of `capacity` bytes to start with.
    pub fn to_bytes_sized(&self, capacity: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(capacity);
        self.write(&mut out);
        out.push(b'\n');
        out
    }
}

/// A JSON string, escaped as `serde_json` escapes it: `"`, `\`, and control characters
/// (`\b \t \n \f \r` by name, the rest as `\u00xx`); everything else as is. The text is
/// copied a run at a time between the bytes that need an escape, found by [`next_escape`].
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(j) = next_escape(bytes, start) {
        out.extend_from_slice(&bytes[start..j]);
        match escape(bytes[j]) {
            Some((e, len)) => out.extend_from_slice(&e[..len]),
            // (`next_escape` stops only at bytes `escape` knows.)
            None => out.push(bytes[j]),
        }
        start = j + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The first byte from `i` on that needs an escape. Sixteen bytes at a time with SSE2
/// (which every x86_64 processor has), and the last few by a second look at the text's
/// last sixteen; a text shorter than sixteen bytes a byte at a time. The exports' strings
/// are short (about 60 bytes on average), and a loop of sixteen, then eight bytes, then
/// single bytes spent most of its time on their ends: a fifteenth of a build's
/// instructions.
fn next_escape(b: &[u8], i: usize) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if b.len() >= 16 {
        // SAFETY: the function needs SSE2, which this target has (the `cfg` above).
        return unsafe { sse2_next_escape(b, i) };
    }
    b.get(i..)?
        .iter()
        .position(|&c| NEEDS_ESCAPE[usize::from(c)])
        .map(|at| i + at)
}

/// [`next_escape`] in a text of sixteen bytes or more.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_next_escape(b: &[u8], mut i: usize) -> Option<usize> {
    use std::arch::x86_64::*;
    // Bit k: byte `at + k` needs an escape.
    let mask = |at: usize| {
        let half = |k: usize| {
            let mut word = [0; 8];
            word.copy_from_slice(&b[at + k..at + k + 8]);
            i64::from_le_bytes(word)
        };
        let v = _mm_set_epi64x(half(8), half(0));
        let is = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        // Below 0x20 as an unsigned byte: not negative as a signed one, and below 0x20.
        let control = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
            _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
        );
        let any = _mm_or_si128(control, _mm_or_si128(is(b'"'), is(b'\\')));
        _mm_movemask_epi8(any) as u32
    };
    while i + 16 <= b.len() {
        let m = mask(i);
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    if i >= b.len() {
        return None;
    }
    // The last sixteen bytes, of which those before `i` were looked at already.
    let last = b.len() - 16;
    let m = mask(last) >> (i - last);
    (m != 0).then(|| i + m.trailing_zeros() as usize)
}

/// The bytes that need an escape: control characters, `"` and `\`.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// The escape of one byte, if it needs one: its bytes and their number.
fn escape(b: u8) -> Option<([u8; 6], usize)> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0a => b'n',
        0x0c => b'f',
        0x0d => b'r',
        0x00..=0x1f => {
            let (hi, lo) = (HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]);
            return Some(([b'\\', b'u', b'0', b'0', hi, lo], 6));
        }
        _ => return None,
    };
    Some(([b'\\', short, 0, 0, 0, 0], 2))
}

impl<'a> From<&'a str> for J<'a> {
    fn from(s: &'a str) -> J<'a> {
        J::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for J<'a> {
    fn from(s: &'a String) -> J<'a> {
        J::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a crate::model::Id> for J<'a> {
    fn from(s: &'a crate::model::Id) -> J<'a> {
        J::Str(Cow::Borrowed(s))
    }
}

impl From<String> for J<'_> {
    fn from(s: String) -> Self {
        J::Str(Cow::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for J<'a> {
    fn from(s: Cow<'a, str>) -> J<'a> {
        J::Str(s)
    }
}

impl From<bool> for J<'_> {
    fn from(b: bool) -> Self {
        J::Bool(b)
    }
}

impl From<u32> for J<'_> {
    fn from(n: u32) -> Self {
        J::Num(i64::from(n))
    }
}

impl<'a> From<Obj<'a>> for J<'a> {
    fn from(o: Obj<'a>) -> J<'a> {
        J::Obj(o)
    }
}

impl<'a> From<Vec<J<'a>>> for J<'a> {
    fn from(v: Vec<J<'a>>) -> J<'a> {
        J::Arr(v)
    }
}

impl<'a, T: Into<J<'a>>> From<Option<T>> for J<'a> {
    fn from(v: Option<T>) -> J<'a> {
        v.map_or(J::Null, Into::into)
    }
}

/// An object literal: `obj! { "key": value, … }`, each value anything that converts
/// into [`J`].
macro_rules! obj {
    ($($k:literal : $v:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut o = $crate::emit::json::Obj::new();
        $(o.insert($k, $v);)*
        $crate::emit::json::J::Obj(o)
    }};
}
pub(crate) use obj;

#[cfg(test)]
mod tests {
    use super::*;

    /// A node reference and a language-tagged literal are written as the maps they stand
    /// for.
    #[test]
    fn references_and_literals_are_their_maps() {
        let iri = "https://example.org/notices/a.json#category-\"x\"";
        let text = "Tŷ'r Harbwr\n<b>";
        for (short, long) in [
            (J::Id(iri.into()), obj! {"@id": iri}),
            (
                J::Lit(text, Lang::Cy),
                obj! {"@value": text, "@language": "cy"},
            ),
            (J::Lit("", Lang::En), obj! {"@value": "", "@language": "en"}),
        ] {
            assert_eq!(short.to_bytes(), long.to_bytes());
            assert!(!short.is_empty());
        }
    }

    /// The same bytes as serde_json, for every character that needs care.
    #[test]
    fn writes_what_serde_json_writes() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0xa0, 0x2028, 0x2029, 0x1f600, 0xfeff, 0x0175]) {
            all.extend(char::from_u32(c));
        }
        let tree = obj! {
            "s": all.as_str(),
            "empty": "",
            "n": 37u32,
            "neg": J::Num(-5),
            "t": true,
            "f": false,
            "null": J::Null,
            "a": J::arr(["x", "y\"z"]),
            "nested": obj! {"k": J::arr(Vec::<J>::new()), "o": obj! {}},
            "ŵ": "end\\",
        };
        let value = serde_json::json!({
            "s": all,
            "empty": "",
            "n": 37,
            "neg": -5,
            "t": true,
            "f": false,
            "null": null,
            "a": ["x", "y\"z"],
            "nested": {"k": [], "o": {}},
            "ŵ": "end\\",
        });
        let mut ours = Vec::new();
        tree.write(&mut ours);
        assert_eq!(
            String::from_utf8(ours).expect("UTF-8"),
            serde_json::to_string(&value).expect("serialises")
        );
    }

    /// Every special character at every place of a run of up to 50 bytes (short runs,
    /// three sixteen-byte blocks, and a last block over part of the one before it), alone
    /// and with a second one anywhere after it, against serde_json.
    #[test]
    fn escapes_at_every_offset() {
        let specials = [
            '"', '\\', '\u{0}', '\n', '\u{1f}', 'ŵ', '\u{7f}', ' ', '\u{80}',
        ];
        for c in specials {
            for len in 0..51 {
                for at in 0..len {
                    for second in (at + 1..=len).map(Some).chain([None]) {
                        let s: String = (0..len)
                            .map(|i| match i {
                                _ if i == at => c,
                                _ if Some(i) == second => '"',
                                _ => 'a',
                            })
                            .collect();
                        let mut ours = Vec::new();
                        string(&mut ours, &s);
                        let theirs = serde_json::to_string(&s).expect("serialises");
                        assert_eq!(String::from_utf8(ours).expect("UTF-8"), theirs, "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn put_leaves_out_empty_values() {
        let mut o = Obj::new();
        o.put("a", J::Null);
        o.put("b", J::arr(Vec::<J>::new()));
        o.put("c", J::arr([1u32]));
        o.put("d", "");
        assert_eq!(J::Obj(o).to_bytes(), b"{\"c\":[1],\"d\":\"\"}\n");
    }
}
