//! `register.json`: every notice of the project as data, exactly as NOTICE-FORMAT §7 promises
//! (format `hysbys-register/1`, described by [`REGISTER_SCHEMA`]). It owns the mapping from
//! the resolved model to JSON: catalogue refs already replaced by their entries, texts and
//! names as language maps holding only the site's languages, Markdown kept as Markdown,
//! defaults filled in, derived rights added. Objects are built key by key in a fixed order
//! (serde_json keeps insertion order), so two runs give the same bytes. It must not render
//! HTML, read files or decide anything about the law beyond what the model already says.
//!
//! Two deliberate readings of §7: an absent `recipients` list is `null`, not `[]`, because
//! `[]` is itself a claim ("we do not share your information"); and catalogue entries carry
//! `"catalogue": true` so consumers can tell shared entries from a notice's own. The
//! organisation's catalogues are listed under `controller` as well.

use serde_json::Value;

use std::io::Write as _;

use super::json::{obj, Obj, J};
use super::{Part, Parts, Tracked};
use crate::i18n::I18n;
use crate::model::rights::{notice_rights, purpose_rights};
use crate::model::{
    schedule1_part, AutomatedDecision, Category, Channel, Contact, CriminalCondition, Destination,
    Keep, Lang, Notice, Organisation, Purpose, Recipient, Retention, Right, Text, Transfer,
};
use crate::Project;

/// The register's format name and version.
pub const FORMAT: &str = "hysbys-register/1";

/// JSON Schema (2020-12) of `register.json`; `#/$defs/notice` describes one notice's entry.
pub const REGISTER_SCHEMA: &str = include_str!("../../schemas/register.schema.json");

/// Builds register values for one project: the site's languages and the messages.
struct Cx<'a> {
    langs: Vec<Lang>,
    i18n: &'a I18n,
}

impl<'a> Cx<'a> {
    fn new(project: &Project, i18n: &'a I18n) -> Cx<'a> {
        // Fixed order (en, cy) whatever the primary language, so maps read the same way in
        // every project.
        let langs = Lang::ALL
            .iter()
            .copied()
            .filter(|l| project.config.has(*l))
            .collect();
        Cx { langs, i18n }
    }

    /// A text or name as a language map.
    fn text<'t>(&self, t: &'t Text) -> J<'t> {
        let mut m = Obj::new();
        for l in &self.langs {
            m.insert(l.code(), t.get(*l));
        }
        J::Obj(m)
    }

    fn opt_text<'t>(&self, t: Option<&'t Text>) -> J<'t> {
        t.map_or(J::Null, |t| self.text(t))
    }

    fn texts<'t>(&self, ts: impl IntoIterator<Item = &'t Text>) -> J<'t> {
        J::arr(ts.into_iter().map(|t| self.text(t)))
    }

    /// A message as a language map.
    fn msg(&self, id: &str) -> J<'a> {
        let mut m = Obj::new();
        for l in &self.langs {
            m.insert(l.code(), self.i18n.msg_str(*l, id));
        }
        J::Obj(m)
    }

    /// The notice's page in each language, relative to the site root.
    fn urls(&self, id: &str) -> J<'static> {
        let mut m = Obj::new();
        for l in &self.langs {
            m.insert(l.code(), format!("{}/{id}/", l.code()));
        }
        J::Obj(m)
    }
}

fn opt_str<T>(s: Option<&crate::model::S<T>>) -> J<'_>
where
    for<'a> J<'a>: From<&'a T>,
{
    s.map_or(J::Null, |s| J::from(&s.v))
}

fn ids<'s>(v: impl IntoIterator<Item = &'s crate::model::S<crate::model::Id>>) -> J<'s> {
    J::arr(v.into_iter().map(|s| &s.v))
}

fn code_article(code: &'static str, article: Option<&'static str>) -> J<'static> {
    obj! {"code": code, "article": article.unwrap_or_default()}
}

fn rights(r: &[Right]) -> J<'static> {
    J::arr(r.iter().map(|r| r.code()))
}

/// A Schedule 1 paragraph: number, Part and title.
fn schedule1<'a>(cx: &Cx<'a>, paragraph: u32) -> Obj<'a> {
    let mut m = Obj::new();
    m.insert("paragraph", paragraph);
    m.insert("part", schedule1_part(paragraph));
    m.insert("title", cx.msg(&format!("sch1-{paragraph}")));
    m
}

fn criminal_condition<'a>(cx: &Cx<'a>, c: CriminalCondition) -> J<'a> {
    match c {
        CriminalCondition::OfficialAuthority => obj! {"official_authority": true},
        CriminalCondition::Paragraph(n) => J::Obj(schedule1(cx, n)),
        CriminalCondition::Extends(n) => {
            let mut m = schedule1(cx, 36);
            m.insert("extends", n);
            J::Obj(m)
        }
    }
}

fn contact<'a>(cx: &Cx<'_>, c: Option<&'a Contact>) -> J<'a> {
    c.map_or(J::Null, |c| {
        obj! {
            "url": cx.opt_text(c.url.as_ref()),
            "email": opt_str(c.email.as_ref()),
            "details": cx.opt_text(c.details.as_ref()),
        }
    })
}

fn controller<'a>(cx: &Cx<'a>, o: &'a Organisation) -> J<'a> {
    let representative = o.representative.as_ref().map_or(J::Null, |r| {
        obj! {
            "name": cx.text(&r.name),
            "address": cx.text(&r.address),
            "email": opt_str(r.email.as_ref()),
        }
    });
    let dpo = o.dpo.as_ref().map_or(J::Null, |d| {
        obj! {
            "name": cx.opt_text(d.name.as_ref()),
            "email": opt_str(d.email.as_ref()),
            "phone": opt_str(d.phone.as_ref()),
            "address": cx.opt_text(d.address.as_ref()),
        }
    });
    obj! {
        "name": cx.text(&o.name),
        "ico_registration": opt_str(o.ico_registration.as_ref()),
        "public_authority": o.public_authority.v,
        "address": cx.text(&o.address),
        "email": opt_str(o.email.as_ref()),
        "phone": opt_str(o.phone.as_ref()),
        "website": cx.opt_text(o.website.as_ref()),
        "representative": representative,
        "dpo": dpo,
        "dpo_required": o.dpo_required,
        "rights_contact": contact(cx, o.rights_contact.as_ref()),
        "complaints": contact(cx, o.complaints.as_ref()),
        "security": cx.opt_text(o.security.as_ref()),
        "appropriate_policy_document": cx.opt_text(o.appropriate_policy_document.as_ref()),
        "recipients": J::arr(o.recipients.iter().map(|r| recipient(cx, r, None))),
        "retention": J::arr(o.retention.iter().map(|r| retention(cx, r, None))),
    }
}

fn transfer<'a>(cx: &Cx<'_>, t: &'a Transfer) -> J<'a> {
    let (country, organisation) = match &t.destination {
        Destination::Country(c) => (J::from(&c.v), J::Null),
        Destination::InternationalOrganisation(n) => (J::Null, cx.text(n)),
    };
    obj! {
        "country": country,
        "international_organisation": organisation,
        "safeguard": t.safeguard.as_ref().map(|s| code_article(s.v.code(), s.v.article())),
        "derogation": t.derogation.as_ref().map(|d| code_article(d.v.code(), d.v.article())),
        "details": cx.opt_text(t.details.as_ref()),
        "copy": cx.opt_text(t.copy.as_ref()),
    }
}

/// A recipient; `notice` is `None` for an entry of the organisation's catalogue, which has
/// no `purposes`, `categories` or `catalogue` keys.
fn recipient<'a>(cx: &Cx<'_>, r: &'a Recipient, notice: Option<&Notice>) -> J<'a> {
    let mut m = Obj::new();
    m.insert("id", &r.id.v);
    m.insert("name", cx.text(&r.name));
    m.insert("kind", r.kind.code());
    m.insert("details", cx.opt_text(r.details.as_ref()));
    if notice.is_some() {
        m.insert("purposes", ids(&r.purposes));
        m.insert("categories", ids(&r.categories));
    }
    m.insert(
        "transfers",
        J::arr(r.transfers.iter().map(|t| transfer(cx, t))),
    );
    if notice.is_some() {
        m.insert("catalogue", r.catalogue.is_some());
    }
    J::Obj(m)
}

/// A retention entry; `notice` is `None` for an entry of the organisation's catalogue.
fn retention<'a>(cx: &Cx<'a>, r: &'a Retention, notice: Option<&'a Notice>) -> J<'a> {
    let (period, criteria) = match &r.keep {
        Keep::Period(d) => (J::from(d.v.to_string()), J::Null),
        Keep::Criteria(c) => (J::Null, cx.text(c)),
    };
    let mut m = Obj::new();
    m.insert("id", &r.id.v);
    m.insert("records", cx.text(&r.records));
    m.insert("period", period);
    m.insert("criteria", criteria);
    m.insert("qualifier", r.qualifier.map(|q| q.code()));
    m.insert("from", cx.opt_text(r.from.as_ref()));
    m.insert(
        "then",
        r.then
            .as_ref()
            .map_or_else(|| cx.msg("retention-then-default"), |t| cx.text(t)),
    );
    if let Some(n) = notice {
        m.insert("categories", J::arr(n.retention_categories(r)));
    }
    m.insert("justification", cx.opt_text(r.justification.as_ref()));
    if notice.is_some() {
        m.insert("catalogue", r.catalogue.is_some());
    }
    J::Obj(m)
}

fn channel<'a>(cx: &Cx<'_>, c: &'a Channel) -> J<'a> {
    obj! {
        "id": &c.id.v,
        "name": cx.text(&c.name),
        "details": cx.opt_text(c.details.as_ref()),
        "recipients": ids(&c.recipients),
        "retention": ids(&c.retention),
    }
}

fn category<'a>(cx: &Cx<'_>, c: &'a Category) -> J<'a> {
    obj! {
        "id": &c.id.v,
        "name": cx.text(&c.name),
        "details": cx.opt_text(c.details.as_ref()),
        "special": J::arr(c.special.iter().map(|s| s.v.code())),
        "criminal": c.criminal,
        "source": c.source.code(),
    }
}

fn purpose<'a>(cx: &Cx<'a>, n: &Notice, p: &'a Purpose) -> J<'a> {
    obj! {
        "id": &p.id.v,
        "name": cx.text(&p.name),
        "details": cx.opt_text(p.details.as_ref()),
        "categories": ids(&p.categories),
        "lawful_basis": p.lawful_basis.as_ref().map(|b| code_article(b.v.code(), b.v.article())),
        "legitimate_interests": cx.opt_text(p.legitimate_interests.as_ref()),
        "annex1": p.annex1.as_ref().map(|a| a.v),
        "legislation": cx.texts(&p.legislation),
        "special_condition": p.special_condition.as_ref().map(|c| code_article(c.v.code(), c.v.article())),
        "schedule1": p.schedule1.as_ref().map(|s| schedule1(cx, s.v)),
        "criminal_condition": p.criminal_condition.as_ref().map(|c| criminal_condition(cx, c.v)),
        "consent_withdrawal": cx.opt_text(p.consent_withdrawal.as_ref()),
        "direct_marketing": p.direct_marketing,
        "rights": rights(&purpose_rights(n, p)),
    }
}

fn automated_decision<'a>(cx: &Cx<'_>, a: &'a AutomatedDecision) -> J<'a> {
    obj! {
        "id": &a.id.v,
        "name": cx.text(&a.name),
        "logic": cx.text(&a.logic),
        "significance": cx.text(&a.significance),
        "consequences": cx.text(&a.consequences),
        "purposes": ids(&a.purposes),
    }
}

fn notice<'a>(cx: &Cx<'a>, n: &'a Notice) -> J<'a> {
    obj! {
        "id": &n.id,
        "title": cx.text(&n.title),
        "summary": cx.text(&n.summary),
        "service": cx.opt_text(n.service.as_ref()),
        "updated": n.updated.v.to_string(),
        "review_by": n.review_by.as_ref().map(|d| d.v.to_string()),
        "urls": cx.urls(&n.id),
        "data_subjects": cx.texts(n.data_subjects.iter().flatten()),
        "joint_controllers": J::arr(n.joint_controllers.iter().map(|j| obj! {
            "name": cx.text(&j.name),
            "responsibilities": cx.text(&j.responsibilities),
            "contact": cx.text(&j.contact),
        })),
        "channels": J::arr(n.channels.iter().map(|c| channel(cx, c))),
        "sources": J::arr(n.sources.iter().map(|s| obj! {
            "name": cx.text(&s.name),
            "details": cx.opt_text(s.details.as_ref()),
            "public": s.public,
        })),
        "categories": J::arr(n.categories.iter().map(|c| category(cx, c))),
        "purposes": J::arr(n.purposes.iter().map(|p| purpose(cx, n, p))),
        "recipients": n.recipients.as_ref().map(|rs| {
            J::arr(rs.iter().map(|r| recipient(cx, r, Some(n))))
        }),
        "retention": J::arr(n.retention.iter().map(|r| retention(cx, r, Some(n)))),
        "automated_decisions": J::arr(n.automated_decisions.iter().map(|a| automated_decision(cx, a))),
        "statutory_requirement": cx.opt_text(n.statutory_requirement.as_ref()),
        "rights_note": cx.opt_text(n.rights_note.as_ref()),
        "sections": J::arr(n.sections.iter().map(|s| obj! {
            "id": &s.id.v,
            "title": cx.text(&s.title),
            "body": cx.text(&s.body),
            "after": opt_str(s.after.as_ref()),
        })),
        "changes": J::arr(n.changes.iter().map(|c| obj! {
            "date": c.date.v.to_string(),
            "summary": cx.text(&c.summary),
        })),
        "rights": rights(&notice_rights(n)),
    }
}

/// The register's head: every key before `notices`, without the closing brace.
fn head<'a>(cx: &Cx<'a>, project: &'a Project) -> Obj<'a> {
    let mut m = Obj::new();
    m.insert("format", FORMAT);
    m.insert(
        "languages",
        J::arr(project.config.languages.iter().map(|l| l.code())),
    );
    m.insert("title", cx.text(&project.config.title));
    if let Some(base) = &project.config.base_url {
        m.insert("base_url", base);
    }
    m.insert(
        "controller",
        project.org.as_ref().map(|o| controller(cx, o)),
    );
    m
}

/// The whole register, read back from the bytes [`write_register`] writes. Meant for a
/// project without errors; with a missing organisation file `controller` is `null` (which
/// the schema rejects) rather than a panic.
pub fn register(project: &Project, i18n: &I18n) -> Value {
    let mut buf = Vec::new();
    match write_register(project, i18n, &mut buf, &|_, _| Ok(())) {
        Ok(()) => serde_json::from_slice(&buf).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// One notice's entry of the register, for `output/notices/<id>.json` (schema:
/// `#/$defs/notice` of [`REGISTER_SCHEMA`]).
pub fn notice_entry(project: &Project, i18n: &I18n, n: &Notice) -> Value {
    serde_json::from_slice(&notice(&Cx::new(project, i18n), n).to_bytes()).unwrap_or(Value::Null)
}

/// Compact JSON with a final newline, by serde_json: the layout of `output/notices/<id>.json`.
/// The build writes with [`super::json::J`]; this and [`document_bytes`] are the reference
/// the tests hold the streamed files to.
pub fn to_bytes(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    put_compact(&mut out, v);
    out.push(b'\n');
    out
}

/// Append `v` as compact JSON.
fn put_compact(out: &mut Vec<u8>, v: &Value) {
    // Serialising a `Value` into memory cannot fail (its keys are strings); fall back to
    // `Display` rather than panic should that ever change.
    if serde_json::to_writer(&mut *out, v).is_err() {
        out.extend_from_slice(v.to_string().as_bytes());
    }
}

/// A whole document (the register, the JSON-LD export): compact JSON, except that each
/// element of the top-level array `list` sits on a line of its own, so that line tools
/// (`grep`, `diff`, `head`) stay useful on an estate of thousands of notices. This is the
/// layout the streaming writers produce; written by serde_json, it is what the tests compare
/// them with.
pub fn document_bytes(v: &Value, list: &str) -> Vec<u8> {
    let Value::Object(m) = v else {
        return to_bytes(v);
    };
    let mut out = vec![b'{'];
    for (i, (k, val)) in m.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        put_compact(&mut out, &Value::String(k.clone()));
        out.push(b':');
        match val {
            Value::Array(items) if k == list && !items.is_empty() => {
                out.extend_from_slice(b"[\n");
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        out.extend_from_slice(b",\n");
                    }
                    put_compact(&mut out, item);
                }
                out.extend_from_slice(b"\n]");
            }
            _ => put_compact(&mut out, val),
        }
    }
    out.extend_from_slice(b"}\n");
    out
}

/// How many notices are turned into bytes at a time when streaming: enough to keep both
/// cores busy, few enough that memory stays flat whatever the size of the estate.
pub const CHUNK: usize = 256;

/// Write the items of a streamed document's list: the first after `[`, the rest after a
/// comma, each on its own line (see [`document_bytes`]).
pub struct ListWriter {
    first: bool,
}

impl ListWriter {
    pub fn new() -> ListWriter {
        ListWriter { first: true }
    }

    /// One item (or several, joined by `,\n`), given as compact JSON; a trailing newline
    /// is ignored, and nothing is written for no bytes. Returns where the item's bytes
    /// went: offset and length.
    pub fn item<W: std::io::Write>(
        &mut self,
        w: &mut Tracked<W>,
        json: &[u8],
    ) -> std::io::Result<(u64, u64)> {
        let json = json.strip_suffix(b"\n").unwrap_or(json);
        if json.is_empty() {
            return Ok((w.pos, 0));
        }
        let at = self.next(w)?;
        w.write_all(json)?;
        Ok((at, json.len() as u64))
    }

    /// Start the next item: where it begins.
    fn next<W: std::io::Write>(&mut self, w: &mut Tracked<W>) -> std::io::Result<u64> {
        w.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        Ok(w.pos)
    }

    /// [`ListWriter::item`] for a notice's part, which may be kept from the previous build.
    pub fn part<W: super::PartOut>(
        &mut self,
        w: &mut Tracked<W>,
        part: &super::Part,
    ) -> std::io::Result<(u64, u64)> {
        let super::Part::Kept(k) = part else {
            return self.item(w, &part.bytes()?);
        };
        if k.is_empty() {
            return Ok((w.pos, 0));
        }
        let at = self.next(w)?;
        w.part(part)?;
        Ok((at, k.len()))
    }

    /// Close the list and the document.
    pub fn finish(self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(if self.first { b"]}\n" } else { b"\n]}\n" })
    }
}

impl Default for ListWriter {
    fn default() -> Self {
        ListWriter::new()
    }
}

/// Stream the register to `w` in the layout of [`document_bytes`] (one notice a line),
/// without holding the whole register in memory. `each` sees every notice's entry as
/// written to `notices/<id>.json`, a few hundred notices at a time in parallel.
pub fn write_register(
    project: &Project,
    i18n: &I18n,
    w: &mut dyn std::io::Write,
    each: &(dyn Fn(&Notice, &[u8]) -> std::io::Result<()> + Sync),
) -> std::io::Result<()> {
    let mut notices: Vec<&Notice> = project.notices.iter().map(|n| &**n).collect();
    notices.sort_by(|a, b| a.id.cmp(&b.id));
    let mut w = Tracked::new(w);
    let mut stream = RegisterStream::begin(project, i18n, &mut w)?;
    let each = |n: &Notice, entry: &Part| each(n, &entry_file(entry)?);
    stream.notices(&notices, &mut w, &super::NoParts, &each)?;
    stream.finish(&mut w)
}

/// The bytes of `notices/<id>.json`: a notice's register entry and a newline.
pub fn entry_file(entry: &Part) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
    // A made entry is written by `to_bytes`, newline and all; a kept one is the bytes
    // between the commas of the register.
    let mut bytes = entry.bytes()?;
    if !bytes.ends_with(b"\n") {
        bytes.to_mut().push(b'\n');
    }
    Ok(bytes)
}

/// The register written a batch of notices at a time, so that a large project is never
/// held whole: [`RegisterStream::begin`] writes the head, [`RegisterStream::notices`] each
/// batch's entries (batches in id order), [`RegisterStream::finish`] the end.
pub struct RegisterStream<'a> {
    cx: Cx<'a>,
    list: ListWriter,
}

impl<'a> RegisterStream<'a> {
    pub fn begin<W: std::io::Write>(
        project: &Project,
        i18n: &'a I18n,
        w: &mut Tracked<W>,
    ) -> std::io::Result<RegisterStream<'a>> {
        let cx = Cx::new(project, i18n);
        let mut open = Vec::new();
        J::Obj(head(&cx, project)).write(&mut open);
        // `open` ends with `}`: the notices go before it.
        open.pop();
        open.extend_from_slice(if open.len() > 1 {
            b",\"notices\":["
        } else {
            b"\"notices\":["
        });
        w.write_all(&open)?;
        Ok(RegisterStream {
            cx,
            list: ListWriter::new(),
        })
    }

    /// The entries of some notices, in the order given, a few hundred at a time in
    /// parallel; `each` sees every entry (see [`entry_file`] for `notices/<id>.json`).
    pub fn notices<W: super::PartOut>(
        &mut self,
        notices: &[&Notice],
        w: &mut Tracked<W>,
        parts: &dyn Parts,
        each: &(dyn Fn(&Notice, &Part) -> std::io::Result<()> + Sync),
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        for chunk in notices.chunks(CHUNK) {
            let entries: Vec<Part> = chunk
                .par_iter()
                .map(|n| {
                    // An entry is about 4 KB a purpose: allocate once rather than grow.
                    let size = 4096 * (n.purposes.len() + 1);
                    let entry = Part::get(parts, n, || notice(&self.cx, n).to_bytes_sized(size))?;
                    each(n, &entry).map(|()| entry)
                })
                .collect::<std::io::Result<_>>()?;
            for (n, entry) in chunk.iter().zip(&entries) {
                let (at, len) = self.list.part(w, entry)?;
                parts.wrote(n, at, len);
            }
        }
        Ok(())
    }

    pub fn finish<W: std::io::Write>(self, w: &mut Tracked<W>) -> std::io::Result<()> {
        self.list.finish(w)
    }
}
