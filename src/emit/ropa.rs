//! The record of processing activities (UK GDPR Art 30(1)) as a
//! spreadsheet, one row per purpose of each notice, in one language. It owns the CSV layout
//! and wording of each cell; names of bases, conditions, special categories, safeguards and
//! countries come from the Fluent messages, periods in words from
//! [`crate::render::words::period`]. It must not decide anything the model has not.
//!
//! The file is RFC 4180 CSV: a header row, CRLF line endings, a field quoted when it holds a
//! comma, a double quote, CR or LF (inner quotes doubled). It is UTF-8 and starts with a
//! byte-order mark so that Excel opens it as UTF-8 rather than the Windows code page
//! (Welsh letters such as ŵ and ŷ would otherwise be garbled). Several values in one cell
//! are joined with "; "; Markdown values are kept as written.

use std::borrow::Cow;
use std::io::Write as _;

use fluent_bundle::FluentValue;

use super::concat;
use crate::i18n::I18n;
use crate::model::{
    schedule1_part, CriminalCondition, Destination, Keep, Lang, Notice, Organisation, Purpose,
    Recipient,
};
use crate::render::words;
use crate::Project;

/// The columns, in order.
pub const COLUMNS: [&str; 18] = [
    "notice",
    "purpose",
    "controller",
    "controller_contact",
    "joint_controllers",
    "dpo_contact",
    "data_subjects",
    "personal_data",
    "special_categories",
    "criminal_offence_data",
    "lawful_basis",
    "special_condition",
    "schedule1",
    "criminal_condition",
    "recipients",
    "transfers",
    "retention",
    "security",
];

const SEP: &str = "; ";

/// Quote a field if RFC 4180 needs it.
pub fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_field(&mut out, s);
    out
}

/// Append a field, quoted if RFC 4180 needs it.
fn push_field(out: &mut String, s: &str) {
    let b = s.as_bytes();
    if memchr::memchr3(b',', b'"', b'\n', b).is_some() || memchr::memchr(b'\r', b).is_some() {
        out.push('"');
        for (i, piece) in s.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, c.as_ref());
    }
    out.push_str("\r\n");
}

/// The non-empty values, joined with [`SEP`].
fn join<S: AsRef<str>>(v: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for s in v {
        let s = s.as_ref();
        if s.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(SEP);
        }
        out.push_str(s);
    }
    out
}

struct Cx<'a> {
    i18n: &'a I18n,
    lang: Lang,
    /// The controller's and the DPO's contact cells, the same on every row: the address of
    /// the organisation they were made from, and the two cells.
    contacts: std::sync::OnceLock<(usize, String, String)>,
}

impl<'a> Cx<'a> {
    fn new(i18n: &'a I18n, lang: Lang) -> Cx<'a> {
        Cx {
            i18n,
            lang,
            contacts: std::sync::OnceLock::new(),
        }
    }

    /// The controller's contact details and the DPO's, each joined into one cell; made once
    /// for the organisation a stream is used with, and afresh for any other.
    fn contacts(&self, o: &Organisation) -> (Cow<'_, str>, Cow<'_, str>) {
        let at = std::ptr::from_ref(o) as usize;
        let (cached, contact, dpo) = self
            .contacts
            .get_or_init(|| (at, controller_contact(self, o), dpo_contact(self, o)));
        if *cached == at {
            (Cow::Borrowed(contact), Cow::Borrowed(dpo))
        } else {
            (
                Cow::Owned(controller_contact(self, o)),
                Cow::Owned(dpo_contact(self, o)),
            )
        }
    }

    fn msg(&self, id: &str) -> String {
        self.i18n.msg(self.lang, id)
    }

    fn fmt(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.fmt(self.lang, id, args)
    }

    /// "Name (UK GDPR Article 6(1)(e))".
    fn with_article(&self, name_id: &str, article: Option<&str>) -> String {
        let name = self.msg(name_id);
        match article {
            Some(a) => concat(&[
                &name,
                " (",
                &self.fmt("cite-article", &[("article", FluentValue::from(a))]),
                ")",
            ]),
            None => name,
        }
    }

    /// "Counselling etc (Data Protection Act 2018, Schedule 1, Part 2, paragraph 17)".
    fn schedule1(&self, paragraph: u32) -> String {
        let title = self.msg(&concat(&["sch1-", &paragraph.to_string()]));
        let part = schedule1_part(paragraph).unwrap_or_default();
        let cite = self.fmt(
            "cite-schedule1",
            &[
                ("part", FluentValue::from(i64::from(part))),
                ("paragraph", FluentValue::from(i64::from(paragraph))),
            ],
        );
        concat(&[&title, " (", &cite, ")"])
    }
}

fn controller_contact(cx: &Cx<'_>, o: &Organisation) -> String {
    join([
        o.address.get(cx.lang).to_owned(),
        o.email.as_ref().map(|e| e.v.clone()).unwrap_or_default(),
        o.phone.as_ref().map(|p| p.v.clone()).unwrap_or_default(),
        o.website
            .as_ref()
            .map(|w| w.get(cx.lang).to_owned())
            .unwrap_or_default(),
    ])
}

fn dpo_contact(cx: &Cx<'_>, o: &Organisation) -> String {
    o.dpo.as_ref().map_or_else(String::new, |d| {
        join([
            d.name
                .as_ref()
                .map(|n| n.get(cx.lang).to_owned())
                .unwrap_or_default(),
            d.email.as_ref().map(|e| e.v.clone()).unwrap_or_default(),
            d.phone.as_ref().map(|p| p.v.clone()).unwrap_or_default(),
            d.address
                .as_ref()
                .map(|a| a.get(cx.lang).to_owned())
                .unwrap_or_default(),
        ])
    })
}

fn lawful_basis(cx: &Cx<'_>, p: &Purpose) -> String {
    let Some(b) = &p.lawful_basis else {
        return String::new();
    };
    let mut parts = vec![cx.with_article(&concat(&["basis-", b.v.code()]), b.v.article())];
    if let Some(a) = &p.annex1 {
        parts.push(cx.fmt(
            "cite-annex1",
            &[("paragraph", FluentValue::from(i64::from(a.v)))],
        ));
    }
    if let Some(li) = &p.legitimate_interests {
        parts.push(concat(&[
            &cx.i18n.msg_str(cx.lang, "purpose-legitimate-interests"),
            ": ",
            li.get(cx.lang),
        ]));
    }
    if !p.legislation.is_empty() {
        let laws: Vec<&str> = p.legislation.iter().map(|l| l.get(cx.lang)).collect();
        parts.push(concat(&[
            &cx.i18n.msg_str(cx.lang, "purpose-legislation"),
            ": ",
            &laws.join(", "),
        ]));
    }
    join(parts)
}

fn criminal_condition(cx: &Cx<'_>, c: CriminalCondition) -> String {
    match c {
        CriminalCondition::OfficialAuthority => cx.msg("criminal-official-authority"),
        CriminalCondition::Paragraph(n) => cx.schedule1(n),
        CriminalCondition::Extends(e) => format!(
            "{}, {}",
            cx.schedule1(36),
            cx.fmt(
                "cite-schedule1-extends",
                &[("paragraph", FluentValue::from(i64::from(e)))]
            )
        ),
    }
}

/// One transfer of a recipient's: "Country (Recipient): safeguard".
fn transfer_text(cx: &Cx<'_>, r: &Recipient, t: &crate::model::Transfer) -> String {
    let dest = match &t.destination {
        Destination::Country(c) => cx.msg(&concat(&["country-", &c.v])),
        Destination::InternationalOrganisation(o) => o.get(cx.lang).to_owned(),
    };
    let mut s = concat(&[&dest, " (", r.name.get(cx.lang), ")"]);
    if let Some(g) = &t.safeguard {
        s.push_str(": ");
        s.push_str(&cx.msg(&concat(&["safeguard-", g.v.code()])));
    }
    if let Some(d) = &t.derogation {
        s.push_str(": ");
        s.push_str(&cx.msg(&concat(&["derogation-", d.v.code()])));
    }
    s
}

/// One retention entry: "Records: period (from: event)" or "Records: criteria".
fn retention_text(cx: &Cx<'_>, r: &crate::model::Retention) -> String {
    let how_long = match &r.keep {
        Keep::Period(d) => {
            let period = words::period(cx.i18n, cx.lang, d.v, r.qualifier);
            match &r.from {
                Some(f) => concat(&[
                    &period,
                    " (",
                    &cx.i18n.msg_str(cx.lang, "retention-from"),
                    ": ",
                    f.get(cx.lang),
                    ")",
                ]),
                None => period,
            }
        }
        Keep::Criteria(c) => c.get(cx.lang).to_owned(),
    };
    concat(&[r.records.get(cx.lang), ": ", &how_long])
}

/// What the rows of one notice share, made once for all its purposes: the cells that do
/// not depend on the purpose, each retention entry (with the categories it covers) and
/// each recipient's transfers.
struct Shared<'n> {
    contact: Cow<'n, str>,
    dpo: Cow<'n, str>,
    joint: String,
    subjects: String,
    retention: Vec<(Vec<&'n str>, String)>,
    /// Per recipient, in the notice's order.
    transfers: Vec<Vec<String>>,
}

impl<'n> Shared<'n> {
    fn new(cx: &'n Cx<'_>, org: Option<&'n Organisation>, n: &'n Notice) -> Shared<'n> {
        let l = cx.lang;
        let (contact, dpo) = org.map_or((Cow::Borrowed(""), Cow::Borrowed("")), |o| cx.contacts(o));
        Shared {
            contact,
            dpo,
            joint: join(
                n.joint_controllers
                    .iter()
                    .map(|j| concat(&[j.name.get(l), " (", j.contact.get(l), ")"])),
            ),
            subjects: join(n.data_subjects.iter().flatten().map(|s| s.get(l))),
            retention: n
                .retention
                .iter()
                .map(|r| (n.retention_categories(r), retention_text(cx, r)))
                .collect(),
            transfers: n
                .recipients
                .iter()
                .flatten()
                .map(|r| {
                    r.transfers
                        .iter()
                        .map(|t| transfer_text(cx, r, t))
                        .collect()
                })
                .collect(),
        }
    }

    /// The transfers to the recipients of purpose `p`.
    fn transfers(&self, n: &Notice, p: &Purpose) -> String {
        join(
            n.recipients
                .iter()
                .flatten()
                .zip(&self.transfers)
                .filter(|(r, _)| shares_for(r, p))
                .flat_map(|(_, t)| t),
        )
    }

    /// The retention entries covering any category of purpose `p`.
    fn retention(&self, p: &Purpose) -> String {
        join(
            self.retention
                .iter()
                .filter(|(cats, _)| p.categories.iter().any(|c| cats.contains(&c.v.as_str())))
                .map(|(_, text)| text),
        )
    }
}

/// Whether recipient `r` is shared with for purpose `p`: it names it, or names no purpose.
fn shares_for(r: &Recipient, p: &Purpose) -> bool {
    r.purposes.is_empty() || r.purposes.iter().any(|x| x.v == p.id.v)
}

fn row<'n>(
    cx: &'n Cx<'_>,
    org: Option<&'n Organisation>,
    n: &'n Notice,
    p: &'n Purpose,
    shared: &'n Shared<'n>,
) -> [Cow<'n, str>; 18] {
    let l = cx.lang;
    let cats: Vec<_> = n.purpose_categories(p).collect();
    let mut special: Vec<String> = Vec::new();
    for c in &cats {
        for s in &c.special {
            let name = cx.msg(&concat(&["art9-", s.v.code()]));
            if !special.contains(&name) {
                special.push(name);
            }
        }
    }
    let b = Cow::Borrowed;
    [
        b(n.title.get(l)),
        b(p.name.get(l)),
        b(org.map_or("", |o| o.name.get(l))),
        b(&shared.contact),
        b(&shared.joint),
        b(&shared.dpo),
        b(&shared.subjects),
        Cow::Owned(join(cats.iter().map(|c| c.name.get(l)))),
        Cow::Owned(join(special)),
        Cow::Owned(join(
            cats.iter().filter(|c| c.criminal).map(|c| c.name.get(l)),
        )),
        Cow::Owned(lawful_basis(cx, p)),
        Cow::Owned(
            p.special_condition
                .as_ref()
                .map(|c| cx.with_article(&concat(&["special-", c.v.code()]), c.v.article()))
                .unwrap_or_default(),
        ),
        Cow::Owned(
            p.schedule1
                .as_ref()
                .map(|s| cx.schedule1(s.v))
                .unwrap_or_default(),
        ),
        Cow::Owned(
            p.criminal_condition
                .as_ref()
                .map(|c| criminal_condition(cx, c.v))
                .unwrap_or_default(),
        ),
        Cow::Owned(join(
            n.recipients
                .iter()
                .flatten()
                .filter(|r| shares_for(r, p))
                .map(|r| r.name.get(l)),
        )),
        Cow::Owned(shared.transfers(n, p)),
        Cow::Owned(shared.retention(p)),
        b(org
            .and_then(|o| o.security.as_ref())
            .map_or("", |s| s.get(l))),
    ]
}

/// The rows of one notice, one per purpose.
fn rows(cx: &Cx<'_>, org: Option<&Organisation>, n: &Notice) -> String {
    let shared = Shared::new(cx, org, n);
    let cells: Vec<[Cow<'_, str>; 18]> = n
        .purposes
        .iter()
        .map(|p| row(cx, org, n, p, &shared))
        .collect();
    // Rows are 2.6 KB on average in the benchmark's estate: allocate once, at about the
    // size (quotes may add a little), not grow.
    let size = cells.iter().flatten().map(|c| c.len() + 3).sum::<usize>();
    let mut out = String::with_capacity(size + 2 * cells.len());
    for r in &cells {
        push_row(&mut out, r);
    }
    out
}

/// The record of processing in `lang`: BOM, header row, one row per purpose per notice
/// (notices by id, purposes in source order), CRLF line endings.
pub fn ropa_csv(project: &Project, i18n: &I18n, lang: Lang) -> String {
    let cx = Cx::new(i18n, lang);
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &COLUMNS);
    let mut notices: Vec<&Notice> = project.notices.iter().map(|n| &**n).collect();
    notices.sort_by(|a, b| a.id.cmp(&b.id));
    for n in notices {
        out.push_str(&rows(&cx, project.org.as_ref(), n));
    }
    out
}

/// Stream the record of processing to `w`, byte for byte what [`ropa_csv`] gives, a few
/// hundred notices at a time.
pub fn write_ropa(
    project: &Project,
    i18n: &I18n,
    lang: Lang,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut notices: Vec<&Notice> = project.notices.iter().map(|n| &**n).collect();
    notices.sort_by(|a, b| a.id.cmp(&b.id));
    let mut w = super::Tracked::new(w);
    let stream = RopaStream::begin(i18n, lang, &mut w)?;
    stream.notices(project, &notices, &mut w, &super::NoParts)
}

/// The record of processing in one language, written a batch of notices at a time:
/// [`RopaStream::begin`] writes the header row, [`RopaStream::notices`] each batch's rows.
pub struct RopaStream<'a> {
    cx: Cx<'a>,
}

impl<'a> RopaStream<'a> {
    pub fn begin<W: std::io::Write>(
        i18n: &'a I18n,
        lang: Lang,
        w: &mut super::Tracked<W>,
    ) -> std::io::Result<RopaStream<'a>> {
        let mut head = String::from("\u{feff}");
        push_row(&mut head, &COLUMNS);
        w.write_all(head.as_bytes())?;
        Ok(RopaStream {
            cx: Cx::new(i18n, lang),
        })
    }

    /// The rows of some notices of `project`, in the order given.
    pub fn notices<W: super::PartOut>(
        &self,
        project: &Project,
        notices: &[&Notice],
        w: &mut super::Tracked<W>,
        parts: &dyn super::Parts,
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        for chunk in notices.chunks(super::register::CHUNK) {
            let rows: Vec<super::Part> = chunk
                .par_iter()
                .map(|n| {
                    super::Part::get(parts, n, || {
                        rows(&self.cx, project.org.as_ref(), n).into_bytes()
                    })
                })
                .collect::<std::io::Result<_>>()?;
            for (n, r) in chunk.iter().zip(&rows) {
                if r.is_empty() {
                    continue;
                }
                let at = w.pos;
                w.part(r)?;
                parts.wrote(n, at, w.pos - at);
            }
        }
        Ok(())
    }
}
