//! XLIFF 2.0 (OASIS, `urn:oasis:names:tc:xliff:document:2.0`), the file translators' tools
//! read and write: one `<file>` per notice (or the organisation), one `<unit>` per value.
//!
//! Owns: writing a document, and reading one back defensively. Reading refuses what a
//! hostile or broken file could use against us: a DOCTYPE (and so any entity declaration or
//! external reference), entity references other than XML's five and character references,
//! other XLIFF versions, files too large, and markup inside a `<target>` (a translation is
//! plain text; hysbys has no inline codes). It knows nothing of notices or YAML.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer, XmlVersion};

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The largest XLIFF file `import` reads.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// A unit to write.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    /// The field path, for people.
    pub name: String,
    /// `(category, text)`.
    pub notes: Vec<(&'static str, String)>,
    pub source: String,
    pub target: Option<String>,
    /// XLIFF segment state: `initial`, `translated`, `reviewed` or `final`.
    pub state: &'static str,
}

/// A `<file>` to write.
#[derive(Debug, Clone)]
pub struct File {
    pub id: String,
    /// The source file, relative to the project.
    pub original: String,
    pub units: Vec<Unit>,
}

/// A unit read from a translator's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadUnit {
    pub file: String,
    pub id: String,
    pub source: String,
    /// `None` when no segment has a target (not translated yet).
    pub target: Option<String>,
    /// 1-based line of the `<unit>`, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDocument {
    pub src_lang: String,
    pub trg_lang: String,
    pub units: Vec<ReadUnit>,
}

/// The `id` of a unit for a field path: XLIFF ids are NMTOKENs, which have no `[` or `]`,
/// so `purposes[advice-rights].name` becomes `purposes.advice-rights.name` (ids and field
/// names have no `.`, so this is one to one).
pub fn unit_id(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

/// Escape text for element content or an attribute. A carriage return is written as a
/// character reference (a parser would turn a literal one into a line feed); a control
/// character XML 1.0 cannot carry is an error.
fn escape(s: &str) -> Result<String, char> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => return Err(c),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> Result<BytesStart<'a>, String> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        let v = escape(v).map_err(|c| format!("{k} holds the control character {c:?}"))?;
        // Already escaped: push the raw attribute.
        e.push_attribute(quick_xml::events::attributes::Attribute {
            key: quick_xml::name::QName(k.as_bytes()),
            value: Cow::Owned(v.into_bytes()),
        });
    }
    Ok(e)
}

/// Write a document. Errors name a value holding a character XML cannot carry.
pub fn write(src_lang: &str, trg_lang: &str, files: &[File]) -> Result<String, String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let io = |e: std::io::Error| e.to_string();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    w.write_event(Event::Start(start(
        "xliff",
        &[
            ("xmlns", NAMESPACE),
            ("version", "2.0"),
            ("srcLang", src_lang),
            ("trgLang", trg_lang),
        ],
    )?))
    .map_err(io)?;
    for f in files {
        w.write_event(Event::Start(start(
            "file",
            &[("id", &f.id), ("original", &f.original)],
        )?))
        .map_err(io)?;
        for u in &f.units {
            let ctx = |e: String| format!("{}/{}: {e}", f.id, u.name);
            w.write_event(Event::Start(start(
                "unit",
                &[("id", &u.id), ("name", &u.name)],
            )?))
            .map_err(io)?;
            if !u.notes.is_empty() {
                w.write_event(Event::Start(BytesStart::new("notes")))
                    .map_err(io)?;
                for (category, text) in &u.notes {
                    w.write_event(Event::Start(start("note", &[("category", category)])?))
                        .map_err(io)?;
                    let t = escape(text)
                        .map_err(|c| ctx(format!("the note holds the character {c:?}")))?;
                    w.write_event(Event::Text(BytesText::from_escaped(t)))
                        .map_err(io)?;
                    w.write_event(Event::End(BytesEnd::new("note")))
                        .map_err(io)?;
                }
                w.write_event(Event::End(BytesEnd::new("notes")))
                    .map_err(io)?;
            }
            w.write_event(Event::Start(start("segment", &[("state", u.state)])?))
                .map_err(io)?;
            let mut texts = vec![("source", &u.source)];
            if let Some(t) = &u.target {
                texts.push(("target", t));
            }
            for (el, text) in texts {
                w.write_event(Event::Start(start(el, &[("xml:space", "preserve")])?))
                    .map_err(io)?;
                let t = escape(text).map_err(|c| {
                    ctx(format!(
                        "the text holds the control character {c:?}, which XML cannot carry"
                    ))
                })?;
                w.write_event(Event::Text(BytesText::from_escaped(t)))
                    .map_err(io)?;
                w.write_event(Event::End(BytesEnd::new(el))).map_err(io)?;
            }
            w.write_event(Event::End(BytesEnd::new("segment")))
                .map_err(io)?;
            w.write_event(Event::End(BytesEnd::new("unit")))
                .map_err(io)?;
        }
        w.write_event(Event::End(BytesEnd::new("file")))
            .map_err(io)?;
    }
    w.write_event(Event::End(BytesEnd::new("xliff")))
        .map_err(io)?;
    let mut out = String::from_utf8(w.into_inner()).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Reading

struct Read<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
}

fn line_at(text: &str, byte: u64) -> usize {
    let b = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    text.as_bytes()[..b].iter().filter(|&&c| c == b'\n').count() + 1
}

impl<'a> Read<'a> {
    fn line(&self) -> usize {
        line_at(self.text, self.reader.buffer_position())
    }

    fn err(&self, msg: impl std::fmt::Display) -> String {
        format!("line {}: {msg}", self.line())
    }

    fn next(&mut self) -> Result<Event<'a>, String> {
        let ev = self
            .reader
            .read_event()
            .map_err(|e| self.err(format!("not well-formed XML: {e}")))?;
        match &ev {
            Event::DocType(_) => Err(self.err(
                "the file has a DOCTYPE; XLIFF needs none, and hysbys refuses one because entity declarations can expand without limit or read other files",
            )),
            Event::Decl(d) => {
                if let Some(enc) = d.encoding() {
                    let enc = enc.map_err(|e| self.err(e))?;
                    if !enc.eq_ignore_ascii_case(b"utf-8") {
                        return Err(self.err(format!(
                            "the file is declared as {}; only UTF-8 is read",
                            String::from_utf8_lossy(&enc)
                        )));
                    }
                }
                Ok(ev)
            }
            _ => Ok(ev),
        }
    }

    /// Text content of a text or reference event.
    fn text_of(&self, ev: &Event<'_>) -> Result<Option<String>, String> {
        match ev {
            Event::Text(t) => t
                .xml10_content()
                .map(|c| Some(c.into_owned()))
                .map_err(|e| self.err(e)),
            Event::CData(t) => t
                .decode()
                .map(|c| Some(c.replace("\r\n", "\n").replace('\r', "\n")))
                .map_err(|e| self.err(e)),
            Event::GeneralRef(r) => {
                if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => Ok(Some(c.to_string())),
                        _ => Err(self.err("a character reference that is not a character")),
                    }
                } else {
                    let name = r.decode().map_err(|e| self.err(e))?;
                    match resolve_predefined_entity(&name) {
                        Some(s) => Ok(Some(s.to_owned())),
                        None => Err(self.err(format!(
                            "the entity reference `&{name};` is not one of XML's own (&amp; &lt; &gt; &quot; &apos;); hysbys reads no other entities"
                        ))),
                    }
                }
            }
            _ => Ok(None),
        }
    }

    /// Skip the rest of an element whose start was just read.
    fn skip(&mut self) -> Result<(), String> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(self.err("the file ends inside an element")),
                ev => {
                    self.text_of(&ev)?;
                }
            }
        }
        Ok(())
    }

    /// The text of an element that may hold nothing but text (a `<source>` or `<target>`).
    fn plain(&mut self, what: &str, unit: &str) -> Result<String, String> {
        let mut out = String::new();
        loop {
            let ev = self.next()?;
            match &ev {
                Event::End(_) => return Ok(out),
                Event::Start(e) | Event::Empty(e) => {
                    return Err(self.err(format!(
                        "the {what} of unit `{unit}` holds markup (<{}>); a translation must be plain text (Markdown is fine)",
                        String::from_utf8_lossy(e.name().as_ref())
                    )))
                }
                Event::Eof => return Err(self.err("the file ends inside an element")),
                Event::Comment(_) | Event::PI(_) => {}
                _ => {
                    if let Some(t) = self.text_of(&ev)? {
                        out.push_str(&t);
                    }
                }
            }
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| format!("a malformed attribute: {e}"))?;
        if a.key.as_ref() == name.as_bytes() {
            let v = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| format!("attribute `{name}`: {e}"))?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// Is this element in a namespace of its own (an XLIFF module or a tool's extension)?
fn foreign(e: &BytesStart<'_>) -> bool {
    e.name().as_ref().contains(&b':')
}

/// Read a translator's XLIFF 2.0 file. Every problem refuses the whole file.
pub fn read(text: &str) -> Result<ReadDocument, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "the file is {} bytes; the largest hysbys reads is {MAX_BYTES}",
            text.len()
        ));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut r = Read {
        reader: Reader::from_str(text),
        text,
    };
    r.reader.config_mut().check_end_names = true;
    r.reader.config_mut().check_comments = true;

    // The root element.
    let root = loop {
        match r.next()? {
            Event::Start(e) => break e,
            Event::Empty(_) => return Err(r.err("the <xliff> element is empty")),
            Event::Eof => return Err("the file holds no XML element".into()),
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            _ => return Err(r.err("text before the <xliff> element")),
        }
    };
    if root.name().as_ref() != b"xliff" {
        return Err(r.err(format!(
            "the root element is <{}>, not <xliff>",
            String::from_utf8_lossy(root.name().as_ref())
        )));
    }
    let a = |name: &str| attr(&root, name).map_err(|e| r.err(e));
    let version = a("version")?;
    if version.as_deref() != Some("2.0") {
        return Err(r.err(format!(
            "this is XLIFF version {}; hysbys reads XLIFF 2.0 (version=\"2.0\")",
            version.as_deref().unwrap_or("(none)")
        )));
    }
    if a("xmlns")?.as_deref() != Some(NAMESPACE) {
        return Err(r.err(format!(
            "the <xliff> element is not in the XLIFF 2.0 namespace (xmlns=\"{NAMESPACE}\")"
        )));
    }
    let src_lang = a("srcLang")?.ok_or_else(|| r.err("<xliff> has no srcLang"))?;
    let trg_lang = a("trgLang")?.ok_or_else(|| r.err("<xliff> has no trgLang"))?;

    let mut units = Vec::new();
    let mut file_id: Option<String> = None;
    loop {
        let ev = r.next()?;
        match ev {
            Event::Start(e) if e.name().as_ref() == b"file" && file_id.is_none() => {
                file_id = Some(
                    attr(&e, "id")
                        .map_err(|x| r.err(x))?
                        .ok_or_else(|| r.err("a <file> has no id"))?,
                );
            }
            Event::End(e) if e.name().as_ref() == b"file" => file_id = None,
            Event::End(e) if e.name().as_ref() == b"xliff" => break,
            Event::Start(e) if e.name().as_ref() == b"unit" => {
                let Some(file) = file_id.clone() else {
                    return Err(r.err("a <unit> outside a <file>"));
                };
                let line = r.line();
                let id = attr(&e, "id")
                    .map_err(|x| r.err(x))?
                    .ok_or_else(|| r.err("a <unit> has no id"))?;
                units.push(read_unit(&mut r, file, id, line)?);
            }
            Event::Start(e) if e.name().as_ref() == b"group" => {
                return Err(
                    r.err("<group> is not used by hysbys; export again and translate that file")
                )
            }
            Event::Start(e)
                if foreign(&e) || matches!(e.name().as_ref(), b"notes" | b"skeleton") =>
            {
                r.skip()?
            }
            Event::Empty(e)
                if foreign(&e) || matches!(e.name().as_ref(), b"notes" | b"skeleton") => {}
            Event::Start(e) | Event::Empty(e) => {
                return Err(r.err(format!(
                    "unexpected element <{}>",
                    String::from_utf8_lossy(e.name().as_ref())
                )))
            }
            Event::Eof => return Err(r.err("the file ends before </xliff>")),
            ev => {
                if let Some(t) = r.text_of(&ev)? {
                    if !t.trim().is_empty() {
                        return Err(r.err("text outside any unit"));
                    }
                }
            }
        }
    }
    // Nothing but comments and white space may follow.
    loop {
        match r.next()? {
            Event::Eof => break,
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            Event::Comment(_) | Event::PI(_) => {}
            _ => return Err(r.err("content after </xliff>")),
        }
    }
    Ok(ReadDocument {
        src_lang,
        trg_lang,
        units,
    })
}

/// A unit's segments (and ignorables) joined: the source, and the target when every segment
/// has one.
fn read_unit(r: &mut Read<'_>, file: String, id: String, line: usize) -> Result<ReadUnit, String> {
    let mut source = String::new();
    let mut target = String::new();
    let mut complete = true;
    let mut any_target = false;
    loop {
        match r.next()? {
            Event::End(e) if e.name().as_ref() == b"unit" => break,
            Event::Start(e) if matches!(e.name().as_ref(), b"segment" | b"ignorable") => {
                let ignorable = e.name().as_ref() == b"ignorable";
                let (mut s, mut t) = (None, None);
                loop {
                    match r.next()? {
                        Event::End(_) => break,
                        Event::Start(x) if x.name().as_ref() == b"source" => {
                            s = Some(r.plain("source", &id)?);
                        }
                        Event::Start(x) if x.name().as_ref() == b"target" => {
                            t = Some(r.plain("target", &id)?);
                        }
                        Event::Empty(x) if x.name().as_ref() == b"source" => {
                            s = Some(String::new())
                        }
                        Event::Empty(x) if x.name().as_ref() == b"target" => {
                            t = Some(String::new())
                        }
                        Event::Start(x) if foreign(&x) => r.skip()?,
                        Event::Empty(x) if foreign(&x) => {}
                        Event::Start(x) | Event::Empty(x) => {
                            return Err(r.err(format!(
                                "unexpected <{}> in a segment of unit `{id}`",
                                String::from_utf8_lossy(x.name().as_ref())
                            )))
                        }
                        Event::Eof => return Err(r.err("the file ends inside a segment")),
                        ev => {
                            r.text_of(&ev)?;
                        }
                    }
                }
                let s =
                    s.ok_or_else(|| r.err(format!("a segment of unit `{id}` has no <source>")))?;
                source.push_str(&s);
                match t {
                    Some(t) => {
                        any_target |= !ignorable;
                        target.push_str(&t);
                    }
                    // An ignorable's target defaults to its source.
                    None if ignorable => target.push_str(&s),
                    None => complete = false,
                }
            }
            Event::Start(e)
                if foreign(&e) || matches!(e.name().as_ref(), b"notes" | b"originalData") =>
            {
                r.skip()?
            }
            Event::Empty(e)
                if foreign(&e) || matches!(e.name().as_ref(), b"notes" | b"originalData") => {}
            Event::Start(e) | Event::Empty(e) => {
                return Err(r.err(format!(
                    "unexpected <{}> in unit `{id}`",
                    String::from_utf8_lossy(e.name().as_ref())
                )))
            }
            Event::Eof => return Err(r.err("the file ends inside a unit")),
            ev => {
                r.text_of(&ev)?;
            }
        }
    }
    Ok(ReadUnit {
        file,
        id,
        source,
        target: (complete && any_target).then_some(target),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Vec<File> {
        vec![File {
            id: "advice".into(),
            original: "notices/advice.yaml".into(),
            units: vec![Unit {
                id: unit_id("purposes[x].name"),
                name: "purposes[x].name".into(),
                notes: vec![("description", "a <purpose> & more".into())],
                source: "Line one\nline \"two\" & <three>\r\n  indented".into(),
                target: Some("Llinell un".into()),
                state: "initial",
            }],
        }]
    }

    #[test]
    fn write_then_read_round_trips() {
        let xml = write("en", "cy", &doc()).expect("writes");
        assert!(xml.contains("<unit id=\"purposes.x.name\" name=\"purposes[x].name\">"));
        let back = read(&xml).expect("reads");
        assert_eq!(back.src_lang, "en");
        assert_eq!(back.trg_lang, "cy");
        assert_eq!(back.units.len(), 1);
        assert_eq!(
            back.units[0].source,
            "Line one\nline \"two\" & <three>\r\n  indented"
        );
        assert_eq!(back.units[0].target.as_deref(), Some("Llinell un"));
        assert_eq!(back.units[0].file, "advice");
    }

    #[test]
    fn hostile_files_are_refused() {
        let ok = write("en", "cy", &doc()).expect("writes");
        let bomb = ok.replacen(
            "<xliff",
            "<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<xliff",
            1,
        );
        assert!(read(&bomb).unwrap_err().contains("DOCTYPE"));
        let external = ok.replacen(
            "<xliff",
            "<!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">\n<xliff",
            1,
        );
        assert!(read(&external).unwrap_err().contains("DOCTYPE"));
        let entity = ok.replace("Llinell un", "&secret;");
        assert!(read(&entity).unwrap_err().contains("entity"));
        let v1 = ok.replace("version=\"2.0\"", "version=\"1.2\"");
        assert!(read(&v1).unwrap_err().contains("version 1.2"));
        let markup = ok.replace("Llinell un", "Llinell <pc id=\"1\">un</pc>");
        assert!(read(&markup).unwrap_err().contains("markup"));
        let broken = ok.replace("</target>", "");
        assert!(read(&broken).is_err());
        let ns = ok.replace(NAMESPACE, "urn:oasis:names:tc:xliff:document:1.2");
        assert!(read(&ns).unwrap_err().contains("namespace"));
    }

    #[test]
    fn segments_are_joined() {
        let xml = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"en\" trgLang=\"cy\"><file id=\"a\"><unit id=\"title\">\
             <segment><source>One.</source><target>Un.</target></segment><ignorable><source> </source></ignorable>\
             <segment><source>Two.</source><target>Dau.</target></segment></unit>\
             <unit id=\"summary\"><segment><source>S</source></segment></unit></file></xliff>"
        );
        let d = read(&xml).expect("reads");
        assert_eq!(d.units[0].source, "One. Two.");
        assert_eq!(d.units[0].target.as_deref(), Some("Un. Dau."));
        assert_eq!(d.units[1].target, None);
    }
}
