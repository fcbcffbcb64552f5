//! Markdown to HTML with pulldown-cmark, safe whatever the input: raw HTML becomes text,
//! links keep only `http:`, `https:`, `mailto:`, `tel:` and relative targets, images only
//! relative sources inside the site. Anything else is neutralised (a bad link becomes its
//! text, a bad image its alt text) and reported by [`problems`] for `unsafe-markdown`.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What is unsafe in a piece of Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    RawHtml(String),
    Link(String),
    Image(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::RawHtml(h) => write!(f, "raw HTML `{}` is shown as text", h.trim()),
            Problem::Link(u) => write!(f, "the link to `{u}` is not allowed and is shown as text"),
            Problem::Image(u) => write!(
                f,
                "the image `{u}` is not inside the site and is shown as its alt text"
            ),
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The URL's scheme, lower-cased, ignoring the whitespace and control characters that
/// browsers strip (`java\tscript:`); `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if cleaned[end..].starts_with(':') {
        Some(cleaned[..end].to_ascii_lowercase())
    } else {
        None
    }
}

pub fn link_allowed(url: &str) -> bool {
    let trimmed = url.trim_start();
    if trimmed.starts_with("//") || trimmed.starts_with('\\') || trimmed.starts_with("/\\") {
        return false;
    }
    // No real link has a control character; one in the scheme (`htt\x7fps:`) is read past
    // by `scheme` but written percent-encoded, which would make another URL of it.
    if url.chars().any(char::is_control) {
        return false;
    }
    scheme(url).is_none_or(|s| matches!(s.as_str(), "http" | "https" | "mailto" | "tel"))
}

pub fn image_allowed(url: &str) -> bool {
    let t = url.trim_start();
    scheme(url).is_none()
        && !t.starts_with("//")
        && !t.starts_with('\\')
        && !t.starts_with("/\\")
        && !url.chars().any(char::is_control)
}

/// Every unsafe thing in `src`.
pub fn problems(src: &str) -> Vec<Problem> {
    // Most texts have no Markdown that could be unsafe, and need no parsing (the check
    // reads every text of the project).
    if plainly_safe(src) {
        return Vec::new();
    }
    parsed_problems(src)
}

/// Whether `src` certainly has nothing unsafe, without parsing it: it has no `<` (raw HTML,
/// autolinks), no image (`![`) and no link reference definition (`]:`), and every `](`
/// (where every inline link's address starts) is followed by an `https:`, `http:`,
/// `mailto:` or `tel:` address of printable ASCII, up to a `)` or a space, with no `\`,
/// `&`, `(` or `<` (an escape, an entity or a nested or bracketed address could make it
/// another). Links to such addresses are the only Markdown most notices have. One pass
/// over the text, stopping at each `<`, `!` and `]` (it was one pass for each of `<`, `![`,
/// `]:` and `](`, half of the rules' time in a cold check).
pub fn plainly_safe(src: &str) -> bool {
    let b = src.as_bytes();
    memchr::memchr3_iter(b'<', b'!', b']', b).all(|at| plainly_safe_at(b, at))
}

/// Whether the `<`, `!` or `]` at byte `at` of `b` leaves [`plainly_safe`] true: so the
/// reader of a file can tell, in its one pass over the bytes, that every string it holds
/// is plainly safe (a string's bytes are the file's, with a space or a line feed where
/// lines were joined, and the check reads no further than a line).
#[inline]
pub fn plainly_safe_at(b: &[u8], at: usize) -> bool {
    match (b.get(at), b.get(at + 1)) {
        (Some(b'<'), _) | (Some(b'!'), Some(b'[')) | (Some(b']'), Some(b':')) => false,
        (Some(b']'), Some(b'(')) => safe_destination(b.get(at + 2..).unwrap_or_default()),
        _ => true,
    }
}

/// Whether an inline link's address that starts `dest` is plainly safe (see
/// [`plainly_safe`]).
fn safe_destination(dest: &[u8]) -> bool {
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .find_map(|scheme| dest.strip_prefix(scheme.as_bytes()))
        .is_some_and(|rest| {
            rest.iter()
                .take_while(|&&c| c != b')' && c != b' ')
                .all(|&c| c.is_ascii_graphic() && !matches!(c, b'&' | b'\\' | b'(' | b'<'))
        })
}

/// [`problems`], always by parsing (the tests and a fuzz target hold the two to the same
/// answer).
pub fn parsed_problems(src: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for ev in Parser::new_ext(src, options()) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => out.push(Problem::RawHtml(h.to_string())),
            Event::Start(Tag::Link { dest_url, .. }) if !link_allowed(&dest_url) => {
                out.push(Problem::Link(dest_url.to_string()));
            }
            Event::Start(Tag::Image { dest_url, .. }) if !image_allowed(&dest_url) => {
                out.push(Problem::Image(dest_url.to_string()));
            }
            _ => {}
        }
    }
    out
}

fn shift(level: HeadingLevel, by: usize) -> HeadingLevel {
    let n = (level as usize + by).min(6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// Render `src` to safe HTML; headings shift down by `heading_shift` levels (so a notice
/// page keeps its one `h1`).
pub fn to_html(src: &str, heading_shift: usize) -> String {
    plain_paragraphs(src).unwrap_or_else(|| parsed_html(src, heading_shift))
}

/// The HTML of a text that is only paragraphs of plain words, without parsing it: most of
/// a notice's texts are, and a page has a hundred of them. `None` for anything else. A text
/// qualifies when every line starts with a letter (so no line can open a heading, a list, a
/// quote, a code block or a table, or underline the one before), ends without whitespace
/// (no hard breaks), and holds only letters, digits, spaces and punctuation that Markdown
/// gives no meaning to and HTML needs no escape for; lines are separated by one newline (a
/// soft break, kept) or by one blank line (a new paragraph), and the text may end with a
/// newline. Tests compare it with the parser on random texts.
fn plain_paragraphs(src: &str) -> Option<String> {
    let body = src.strip_suffix('\n').unwrap_or(src);
    let mut out = String::with_capacity(src.len() + 16);
    out.push_str("<p>");
    let (mut first, mut blank) = (true, false);
    for line in body.split('\n') {
        if line.is_empty() {
            // A blank line ends a paragraph; one at the start, or two in a row, go to the
            // parser.
            if first || blank {
                return None;
            }
            blank = true;
            continue;
        }
        if !plain_line(line) {
            return None;
        }
        if !first {
            out.push_str(if blank { "</p>\n<p>" } else { "\n" });
        }
        out.push_str(line);
        (first, blank) = (false, false);
    }
    if first || blank {
        return None;
    }
    out.push_str("</p>\n");
    Some(out)
}

/// A line of a plain paragraph: see [`plain_paragraphs`].
fn plain_line(line: &str) -> bool {
    /// ASCII bytes a plain line may hold: letters, digits, a space and ,.;:'()?/%
    static PLAIN: [bool; 128] = {
        let mut t = [false; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        let punct = b" ,.;:'()?/%";
        let mut k = 0;
        while k < punct.len() {
            t[punct[k] as usize] = true;
            k += 1;
        }
        t
    };
    let mut chars = line.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && !line.ends_with(' ')
        && chars.all(|c| match PLAIN.get(c as usize) {
            Some(ok) => *ok,
            None => {
                c.is_alphanumeric() || matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '£' | '€')
            }
        })
}

fn parsed_html(src: &str, heading_shift: usize) -> String {
    let mut skip_link_ends = Vec::new();
    let mut depth_links = 0usize;
    let events = Parser::new_ext(src, options()).filter_map(|ev| match ev {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            depth_links += 1;
            let ok = link_allowed(dest_url);
            skip_link_ends.push(!ok);
            ok.then_some(ev)
        }
        Event::End(TagEnd::Link) => {
            depth_links = depth_links.saturating_sub(1);
            match skip_link_ends.pop() {
                Some(true) => None,
                _ => Some(ev),
            }
        }
        Event::Start(Tag::Image { ref dest_url, .. }) => {
            let ok = image_allowed(dest_url);
            skip_link_ends.push(!ok);
            ok.then_some(ev)
        }
        Event::End(TagEnd::Image) => match skip_link_ends.pop() {
            Some(true) => None,
            _ => Some(ev),
        },
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shift(level, heading_shift),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => {
            Some(Event::End(TagEnd::Heading(shift(level, heading_shift))))
        }
        // A fence's info string would become a `class` attribute, which is not on the
        // allow list (and the theme highlights no code): the block is kept without it.
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => Some(Event::Start(
            Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed(""))),
        )),
        other => Some(other),
    });
    let mut html = String::with_capacity(src.len() + src.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Render inline Markdown (no surrounding `<p>`), for short texts in table cells.
pub fn to_inline_html(src: &str) -> String {
    let html = to_html(src, 2);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// Checks that every tag in `html` is on the allow-list of the sanitiser's output, with
/// allowed attributes and URL schemes: the property the tests and the fuzz target assert.
pub fn allow_listed(html: &str) -> Result<(), String> {
    const TAGS: &[&str] = &[
        "p",
        "a",
        "em",
        "strong",
        "code",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "img",
    ];
    const ATTRS: &[&str] = &["href", "src", "alt", "title", "start", "style"];
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest
            .find('>')
            .ok_or_else(|| format!("unclosed tag in {html}"))?;
        let tag = &rest[..end];
        let tag = tag
            .strip_prefix('/')
            .unwrap_or(tag)
            .trim_end_matches('/')
            .trim();
        let mut parts = tag.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap_or("");
        if !TAGS.contains(&name) {
            return Err(format!("tag <{name}> in {html}"));
        }
        let attrs = parts.next().unwrap_or("");
        for a in attrs.split('"').step_by(2) {
            let a = a.trim().trim_end_matches('=');
            if !a.is_empty() && !ATTRS.contains(&a) {
                return Err(format!("attribute {a} in {html}"));
            }
        }
        // Names and values alternate between the quotes: ` href=`, the URL, ` title=`, …
        // Only a link's URL is a URL (a title may read like anything).
        let pieces: Vec<&str> = attrs.split('"').collect();
        for pair in pieces.chunks(2) {
            if let [name, value] = pair {
                if name.trim().trim_end_matches('=') == "href"
                    && !link_allowed(&value.replace("&amp;", "&"))
                {
                    return Err(format!("URL {value} in {html}"));
                }
            }
        }
        rest = &rest[end + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A fence's info string is dropped: it would be a `class`, off the allow list. The
    /// texts are the fuzz target's finds (with a `\0`, a `\r`, a URL as the info string).
    #[test]
    fn code_blocks_keep_no_info_string() {
        for text in [
            "```rust\nlet a = 1;\n```\n",
            "~~~)\0/",
            "vtpsHell<b~~~~~~\n~~~://o\n",
            "~~~~~~~~ ^^|---|\r| t?ps:2 |\n",
        ] {
            let h = to_html(text, 2);
            assert!(allow_listed(&h).is_ok(), "{text:?}: {h}");
            assert!(!h.contains("class"), "{h}");
        }
        assert_eq!(
            to_html("```rust\nlet a = 1;\n```\n", 2),
            "<pre><code>let a = 1;\n</code></pre>\n"
        );
    }

    /// A link's title is text, however much it looks like a scheme; its URL is checked.
    #[test]
    fn a_title_is_not_taken_for_a_url() {
        let h = to_html("[a](https://x.example \"javascript: no\")", 2);
        assert!(h.contains("title="), "{h}");
        assert!(allow_listed(&h).is_ok(), "{h}");
        assert!(allow_listed("<a href=\"javascript:x\" title=\"t\">a</a>").is_err());
        assert!(allow_listed("<a title=\"t\" href=\"javascript:x\">a</a>").is_err());
        // A control character in a URL drops the link (the fuzz target's find).
        let h = to_html("[ok](htt\u{7f}ps:org/) [x](https://x.example/\u{1}a)", 2);
        assert!(!h.contains("href"), "{h}");
        assert!(allow_listed(&h).is_ok(), "{h}");
    }

    #[test]
    fn raw_html_is_text() {
        let h = to_html("Hello <b>x</b>\n\n<script>alert(1)</script>\n", 2);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<b>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert_eq!(problems("Hello <b>x</b>").len(), 2);
    }

    #[test]
    fn links_keep_only_safe_schemes() {
        for bad in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](data:text/html,<script>alert(1)</script>)",
            "[x](vbscript:msgbox)",
            "[x](//evil.example/)",
            "<javascript:alert(1)>",
        ] {
            let h = to_html(bad, 2);
            assert!(!h.contains("href"), "{bad} -> {h}");
            assert!(!problems(bad).is_empty() || !h.contains("<a"), "{bad}");
        }
        for good in [
            "[x](https://example.org/)",
            "[x](mailto:a@b.cy)",
            "[x](tel:+441234)",
            "[x](../cy/)",
            "[x](#rights)",
        ] {
            assert!(to_html(good, 2).contains("href"), "{good}");
            assert!(problems(good).is_empty(), "{good}");
        }
    }

    #[test]
    fn remote_images_become_alt_text() {
        let h = to_html("![a logo](https://evil.example/pixel.png)", 2);
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("a logo"));
        assert!(to_html("![logo](assets/logo.png)", 2).contains("<img"));
    }

    #[test]
    fn headings_shift() {
        assert!(to_html("# Top", 2).contains("<h3>"));
        assert!(to_html("##### Deep", 2).contains("<h6>"));
    }

    proptest! {
        #[test]
        fn output_tags_are_allow_listed(s in "(<script>|<img src=x onerror=alert(1)>|\\[a\\]\\(javascript:x\\)|!\\[i\\]\\(http://x/y.png\\)|[a-z <>\"'&#;:/()\\[\\]!*_`\n-]){0,40}") {
            let h = to_html(&s, 2);
            prop_assert!(allow_listed(&h).is_ok(), "{:?}", allow_listed(&h));
        }

        /// The scan that skips parsing finds exactly what parsing finds, on texts built
        /// from the pieces of HTML, links, images, entities and schemes (with and without
        /// their `<` and `[`).
        #[test]
        fn the_quick_scan_misses_nothing(s in "(<b>|<!-- x -->|<https://x>|<javascript:x>|\\[a\\]\\(javascript:x\\)|\\[r\\]: javascript:y|!\\[i\\]\\(http://x/y.png\\)|javascript:x|https://x|&lt;b&gt;|&#60;b>|[a-z <>\"'&#;:/()\\[\\]!*_`|\n-]){0,30}") {
            prop_assert_eq!(problems(&s), parsed_problems(&s));
        }

        /// The same for texts of links, most of them to allowed addresses: with entities,
        /// escapes, control characters, spaces, brackets and titles in and around them.
        #[test]
        fn the_scan_of_links_misses_nothing(s in "(\\[a\\]\\(|\\]\\(|https://|http://|mailto:|tel:|HTTPS://|javascript:|//x|x\\.gov\\.wales/p|&#1;|&#x6a;|&amp;|\\\\|\\\\\\)|\u{7f}|\u{85}|\t|\n| |\\(|\\)|\\[|\\]|!|:|\"t\"|`|ŵ|[a-z]){0,24}") {
            prop_assert_eq!(problems(&s), parsed_problems(&s));
        }

        /// Texts taken without parsing render exactly as parsed: lines of words and the
        /// punctuation the quick path takes, soft breaks and blank lines, and in most texts
        /// one of the characters that give a line or a word a meaning (`#`, `-`, `1.`, `>`,
        /// `|`, `=`, `*`, a tab, a leading or trailing space, a third newline, …) put in
        /// somewhere.
        #[test]
        fn plain_paragraphs_render_as_parsed(
            text in "(W|W W|W, W|W\\. W|W’W|W \\(W\\)|W: W|W – W)((\n|\n\n)(W|W W|W, W|W’W|W\\.)){0,3}\n?",
            words in prop::collection::vec("(Gwybodaeth|data|ŵyr|Ŷ|[a-zA-Z][a-zA-Z0-9]{0,5})", 12),
            extra in prop::option::of((any::<prop::sample::Index>(), "([#>|=*_`~&<\"!\\[\\]\\\\\t\r-]|1\\. |2\\) | |\n|\n\n|    |=\n|-\n)")),
        ) {
            let mut words = words.iter().cycle();
            let mut s: String = text
                .chars()
                .map(|c| if c == 'W' { words.next().cloned().unwrap_or_default() } else { c.to_string() })
                .collect();
            if let Some((at, piece)) = extra {
                let bounds: Vec<usize> = (0..=s.len()).filter(|i| s.is_char_boundary(*i)).collect();
                s.insert_str(bounds[at.index(bounds.len())], &piece);
            }
            if let Some(quick) = plain_paragraphs(&s) {
                prop_assert_eq!(quick, parsed_html(&s, 2), "{:?}", s);
            }
        }
    }

    #[test]
    fn plain_paragraphs_cover_the_common_case() {
        for s in [
            "We keep your details.",
            "Cadwn eich manylion: enw, cyfeiriad (a’r cod post).\nAil linell.\n",
            "One.\n\nTwo – three — four; 50% of £5/€6?\n",
            "We'll keep it (for 6 years): ‘quoted’ “twice”.",
            "Ŵyr ac wyresau\nÂ’r teulu",
        ] {
            assert_eq!(plain_paragraphs(s), Some(parsed_html(s, 2)), "{s:?}");
        }
        for s in [
            "", "\n", " lead", "trail ", "1. list", "- list", "# h", "a\n\n\nb", "a\n=", "x *y*",
            "a & b", "a\tb", "a\r\nb",
        ] {
            assert_eq!(plain_paragraphs(s), None, "{s:?}");
        }
    }
}
