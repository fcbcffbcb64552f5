//! Page minification. `html-minifier` does it, but at about 250 MB/s it was a tenth of a
//! large build's CPU time, while on hysbys's pages all it does is collapse whitespace: every
//! run of whitespace becomes one newline (if it held one) or one space, and a run at the start
//! or the end goes.
//! [`minify`] does exactly that in one pass over the bytes, and hands every page it cannot be
//! sure about (one with `<pre>`, `<textarea>`, `<script>`, `<style>`, a comment, a CDATA
//! section, a control character in text or in an attribute's value, or a tag not written the
//! plain way) to `html-minifier`. Tests check that the two give the same bytes on every page
//! of the fixtures and on random pages.

/// Minify a rendered page (UTF-8, as Tera writes it); the same bytes as
/// `html_minifier::minify`.
pub fn minify(html: Vec<u8>) -> Vec<u8> {
    match collapsed(&html) {
        Collapsed::Same => html,
        Collapsed::Into(s) => s,
        Collapsed::Hard => match std::str::from_utf8(&html).map(html_minifier::minify) {
            Ok(Ok(m)) => m.into_bytes(),
            _ => html,
        },
    }
}

/// Collapse whitespace in text, or `None` when the page has anything in which whitespace
/// may matter or that `html-minifier` rewrites (then it minifies the page itself).
pub fn collapse(html: &str) -> Option<Vec<u8>> {
    match collapsed(html.as_bytes()) {
        Collapsed::Same => Some(html.as_bytes().to_vec()),
        Collapsed::Into(s) => Some(s),
        Collapsed::Hard => None,
    }
}

/// What [`collapsed`] made of a page.
enum Collapsed {
    /// Nothing to collapse: the page as it is.
    Same,
    /// The page with its whitespace collapsed. Only ASCII whitespace was replaced or
    /// dropped, so what was UTF-8 still is: the page is not checked again.
    Into(Vec<u8>),
    /// A page for `html-minifier`.
    Hard,
}

/// The work of [`collapse`]. A rendered page is nearly minified already (the default
/// theme writes little whitespace), so it is mostly a check: bytes are copied a stretch at
/// a time, up to each run of whitespace that changes, and not at all when none does.
fn collapsed(bytes: &[u8]) -> Collapsed {
    let mut out: Vec<u8> = Vec::new();
    // `bytes[..copied]` is in `out`, as it is or collapsed.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Pass over ordinary text: only the bytes in `SPECIAL` need a look, and a single
        // space or newline between words (the commonest of them) stays as it is.
        if i > 0 {
            i = plain_run(bytes, i);
        }
        while let Some(&c) = bytes.get(i) {
            let plain = !SPECIAL[usize::from(c)]
                || (matches!(c, b' ' | b'\n')
                    && i > 0
                    && bytes
                        .get(i + 1)
                        .is_some_and(|n| !matches!(n, b' ' | b'\t' | b'\n')));
            if !plain {
                break;
            }
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        match b {
            b'<' => {
                let rest = &bytes[i + 1..];
                let starts = |tag: &[u8]| {
                    rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag)
                };
                if matches!(rest.first(), Some(b'p' | b'P' | b's' | b'S' | b't' | b'T'))
                    && (starts(b"pre")
                        || starts(b"textarea")
                        || starts(b"script")
                        || starts(b"style"))
                {
                    return Collapsed::Hard;
                }
                // `<!DOCTYPE html>` is kept as written.
                i = if rest.first() == Some(&b'!') && starts(b"!doctype html>") {
                    i + 15
                } else {
                    match tag_end(bytes, i) {
                        Some(end) => end,
                        None => return Collapsed::Hard,
                    }
                };
            }
            b' ' | b'\t' | b'\n' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n'))
                {
                    i += 1;
                }
                // A run at the start or the end of the page goes; any other becomes one
                // newline if it holds one, else one space.
                let run = &bytes[start..i];
                let keep: &[u8] = if start == 0 || i == bytes.len() {
                    b""
                } else if run.contains(&b'\n') {
                    b"\n"
                } else {
                    b" "
                };
                // (`keep` is at most one byte long.)
                if run.len() != keep.len() || run.first() != keep.first() {
                    if out.capacity() == 0 {
                        out.reserve(bytes.len());
                    }
                    out.extend_from_slice(&bytes[copied..start]);
                    out.extend_from_slice(keep);
                    copied = i;
                }
            }
            // Raw double quotes and `>` do not occur in text that Tera has escaped, nor
            // carriage returns and other control characters in a page from the default
            // theme; leave whatever has them to the crate (which treats control characters
            // differently).
            _ => return Collapsed::Hard,
        }
    }
    if copied == 0 {
        return Collapsed::Same;
    }
    out.extend_from_slice(&bytes[copied..]);
    Collapsed::Into(out)
}

/// Where the plain text from `i` (not 0) ends, or a place before that: the first byte from
/// `i` that the byte loop of [`collapsed`] would stop at, found 16 bytes at a time (SSE2,
/// which every x86_64 processor has), as long as 17 bytes are left. A byte is plain when
/// it is not in `SPECIAL`, or is a space or newline followed by a byte that is not
/// whitespace. Elsewhere, `i`: the byte loop does it all.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn plain_run(bytes: &[u8], i: usize) -> usize {
    // SAFETY: the function needs SSE2, which this target has (the `cfg` above).
    unsafe { sse2_plain_run(bytes, i) }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_plain_run(bytes: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    while i + 17 <= bytes.len() {
        let (v, next) = (sse2_block(bytes, i), sse2_block(bytes, i + 1));
        let is = |x: __m128i, c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
        let special = _mm_or_si128(
            _mm_or_si128(sse2_control(v), _mm_or_si128(is(v, b'<'), is(v, b' '))),
            _mm_or_si128(_mm_or_si128(is(v, b'"'), is(v, 0x7f)), is(v, b'>')),
        );
        let gap = _mm_or_si128(is(v, b' '), is(v, b'\n'));
        let next_space = _mm_or_si128(
            _mm_or_si128(is(next, b' '), is(next, b'\t')),
            is(next, b'\n'),
        );
        // A lone space or newline between words is plain.
        let lone = _mm_andnot_si128(next_space, gap);
        let stops = _mm_andnot_si128(lone, special);
        let mask = _mm_movemask_epi8(stops);
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    i
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn plain_run(_: &[u8], i: usize) -> usize {
    i
}

/// Where an attribute's value from `i` reaches a byte of `VALUE_STOP`, or a place before
/// that: 16 bytes at a time with SSE2 while 16 are left; elsewhere `i` (the byte loop of
/// [`tag_end`] does the rest).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
fn value_run(bytes: &[u8], i: usize) -> usize {
    // SAFETY: the function needs SSE2, which this target has (the `cfg` above).
    unsafe { sse2_value_run(bytes, i) }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn value_run(_: &[u8], i: usize) -> usize {
    i
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_value_run(bytes: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    while i + 16 <= bytes.len() {
        let v = sse2_block(bytes, i);
        let is = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        let stops = _mm_or_si128(
            sse2_control(v),
            _mm_or_si128(_mm_or_si128(is(b'"'), is(b'<')), is(0x7f)),
        );
        let mask = _mm_movemask_epi8(stops);
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    i
}

/// Bytes `at..at + 16` (which must be there).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_block(bytes: &[u8], at: usize) -> std::arch::x86_64::__m128i {
    let half = |k: usize| {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[at + k..at + k + 8]);
        i64::from_le_bytes(word)
    };
    std::arch::x86_64::_mm_set_epi64x(half(8), half(0))
}

/// The bytes of `v` below 0x20, as unsigned bytes: not negative, and less than 0x20.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_control(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
    )
}

/// The bytes of text that [`collapse`] must look at: markup, whitespace, and what sends a
/// page to the crate. [`plain_run`] tests for the same bytes (a proptest holds the two to
/// each other), as [`value_run`] does for [`VALUE_STOP`].
static SPECIAL: [bool; 256] = with_controls(table(b"< \"\x7f>"));

/// The bytes of a tag's or an attribute's name: ASCII letters, digits and `-`.
static NAME: [bool; 256] =
    table(b"-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

/// The bytes that end an attribute's value, or send the page to the crate: whitespace other
/// than a space, `<`, and (as in text) every other control character and DEL, which the
/// crate drops or turns into spaces.
static VALUE_STOP: [bool; 256] = with_controls(table(b"\"<\x7f"));

/// The table with every byte below 0x20 added (tab, line feed and the control characters).
const fn with_controls(mut t: [bool; 256]) -> [bool; 256] {
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t
}

/// A table of the bytes given.
const fn table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// The end (one past `>`) of a tag at `at` written the plain way: `<name`, then attributes
/// each after one space as `key="value"` or `key`, then `>` or `/>`; a closing tag
/// `</name>`. `None` for anything else.
fn tag_end(b: &[u8], at: usize) -> Option<usize> {
    let name = |mut i: usize| -> Option<usize> {
        let start = i;
        while b.get(i).is_some_and(|&c| NAME[usize::from(c)]) {
            i += 1;
        }
        (i > start && b[start].is_ascii_alphabetic()).then_some(i)
    };
    let mut i = at + 1;
    if b.get(i) == Some(&b'/') {
        i = name(i + 1)?;
        return (b.get(i) == Some(&b'>')).then_some(i + 1);
    }
    i = name(i)?;
    loop {
        match b.get(i)? {
            b'>' => return Some(i + 1),
            b'/' => return (b.get(i + 1) == Some(&b'>')).then_some(i + 2),
            b' ' => {
                i = name(i + 1)?;
                if b.get(i) == Some(&b'=') {
                    if b.get(i + 1) != Some(&b'"') {
                        return None;
                    }
                    i = value_run(b, i + 2);
                    while !VALUE_STOP[usize::from(*b.get(i)?)] {
                        i += 1;
                    }
                    // Whitespace, control characters and `<` inside values: leave them to
                    // the crate.
                    if b[i] != b'"' {
                        return None;
                    }
                    i += 1;
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn crate_minify(s: &str) -> String {
        html_minifier::minify(s).unwrap_or_else(|_| s.to_owned())
    }

    /// Ours, which must also still be UTF-8.
    fn ours(s: &str) -> String {
        String::from_utf8(minify(s.as_bytes().to_vec())).expect("UTF-8")
    }

    #[test]
    fn collapses_like_the_crate() {
        for page in [
            "<!DOCTYPE html>\n<html lang=\"cy\">\n<p>a  b\tc\n\nd</p>\n\n<p>x</p>\n<ul>\n<li>  y  </li>\n</ul>\n",
            "<p>Ŵyr  â’r\n\n\nllyfr</p>\n",
            "text only",
            "",
            "\n\n",
            "<br>\n<br/>\n",
        ] {
            assert_eq!(ours(page), crate_minify(page), "{page:?}");
            assert!(collapse(page).is_some(), "{page:?} takes the fast path");
        }
    }

    #[test]
    fn hands_hard_cases_to_the_crate() {
        for page in [
            "<pre>a\n\n  b</pre>",
            "<p>x</p><!-- c -->",
            "<a  href=\"x\">z</a>",
            "<a href='x'>z</a>",
            "<script>let a  = 1;</script>",
            "<textarea>\n\n</textarea>",
            "<STYLE>p {}</STYLE>",
            "<p>\r\n</p>",
            "a<b=\"<td\nclass=\"n\">",
            "<a title=\"x\x01y\">z</a>",
            "<a class=\"a\x0cb\">z</a>",
        ] {
            assert!(collapse(page).is_none(), "{page:?}");
            assert_eq!(ours(page), crate_minify(page));
        }
    }

    /// Where the scans by blocks of `block` bytes from `i` (each needing `need` bytes) stop:
    /// at the first byte from `i` that `stops` in a block scanned, else where they give up.
    fn by_blocks(
        len: usize,
        i: usize,
        block: usize,
        need: usize,
        stops: impl Fn(usize) -> bool,
    ) -> usize {
        let mut at = i;
        while at + need <= len {
            if let Some(j) = (at..at + block).find(|&j| stops(j)) {
                return j;
            }
            at += block;
        }
        at
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The vector scans stop exactly where the byte loops would, block by block.
        #[test]
        fn vector_scans_stop_where_the_byte_loops_do(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b' ', b'\n', b'\t', b'\r', b'<', b'>', b'"', b'=', 0x7f, 0x00, 0x01,
                    0x0c, 0x1f, b'a', b'-', 0x80, 0xb5, 0xc5, 0xe2, 0xff,
                ]),
                0..90,
            ),
            start in 1usize..90,
        ) {
            let i = start.min(bytes.len().max(1));
            let lone = |j: usize| {
                matches!(bytes[j], b' ' | b'\n')
                    && bytes.get(j + 1).is_some_and(|n| !matches!(n, b' ' | b'\t' | b'\n'))
            };
            let text_stop = |j: usize| SPECIAL[usize::from(bytes[j])] && !lone(j);
            let value_stop = |j: usize| VALUE_STOP[usize::from(bytes[j])];
            let (text, value) = if cfg!(all(target_arch = "x86_64", target_feature = "sse2")) {
                (by_blocks(bytes.len(), i, 16, 17, text_stop), by_blocks(bytes.len(), i, 16, 16, value_stop))
            } else {
                (i, i)
            };
            prop_assert_eq!(plain_run(&bytes, i), text, "{:?} from {}", bytes, i);
            prop_assert_eq!(value_run(&bytes, i), value, "{:?} from {}", bytes, i);
        }

        #[test]
        fn same_bytes_as_the_crate(parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<li>"), Just("</li>"), Just("<br>"),
                Just("<a href=\"#x\">"), Just("</a>"), Just("<h2 id=\"s\">"), Just("</h2>"),
                Just(" "), Just("  "), Just("\n"), Just("\n\n"), Just("\t"), Just(" \n "),
                Just("word"), Just("Gŵyl"), Just("&amp;"), Just("<"), Just(">"), Just("a<b"),
                Just("<a href=\"x  y\" lang=\"cy\">"), Just("<img alt=\"a\n b\">"),
                Just("<td\nclass=\"n\">"), Just("<p class=\"a\" >"), Just("<br />"),
                Just("<!DOCTYPE html>"), Just("</p >"), Just("=\""), Just("\""),
                Just("council's"), Just("'"), Just(" ' "), Just("<a title='x'>"),
                Just("Tŷ'r Harbwr"), Just(" \t"), Just("\x0c"), Just("\x01"), Just("\x1f"),
                Just("\x7f"), Just("<a title=\"x\x01y\">"), Just("<a class=\"a\x0cb\">"),
                Just("<meta content=\"\x7f\">"),
                // Longer than a block of 16, with what stops the vector scans early, late
                // and at the edges of blocks.
                Just("<a href=\"https://www.example.gov.wales/privacy\">"),
                Just("<a title=\"a long value, then a tab\there\">"),
                Just("<a title=\"a value of seventeen\x7f\">"),
                Just("a sentence of several words between two tags"),
                Just("a sentence with two spaces  late in it"),
                Just("fifteen letters a\nthen a line"), Just("sixteen letters\t"),
                Just("seventeen letters>"), Just("a quote at seventeen\""),
            ],
            0..40,
        )) {
            let page: String = parts.concat();
            prop_assert_eq!(ours(&page), crate_minify(&page), "{:?}", page);
        }
    }
}
