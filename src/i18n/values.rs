//! Every translatable value of a project, each with a stable key, for the translation
//! workflow (`hysbys.lock`, `stale-translation`, `hysbys i18n`).
//!
//! Owns: the key grammar and the walk over the model. A key is
//! `<notice id or _organisation>/<field path>`, where a list item is named by its id when it
//! has one (`purposes[advice-rights].name`) and by its 0-based index otherwise
//! (`data_subjects[2]`). Names written as one plain string, URLs, and values without
//! primary-language text are not translatable and are left out. It reads the model only.

use std::collections::HashSet;

use crate::load::convert::is_http_url;
use crate::model::*;
use crate::Project;

/// The owner of the organisation file's values.
pub const ORGANISATION: &str = "_organisation";

/// One translatable value.
#[derive(Debug, Clone)]
pub struct Value<'a> {
    /// `_organisation` or the notice id.
    pub owner: &'a str,
    /// The field path inside the owner, e.g. `purposes[advice-rights].name`.
    pub path: String,
    pub file: FileId,
    /// What the field is, for translators.
    pub meaning: &'static str,
    pub text: &'a Text,
}

impl Value<'_> {
    /// `<owner>/<path>`: the value's name in `hysbys.lock` and in XLIFF.
    pub fn key(&self) -> String {
        format!("{}/{}", self.owner, self.path)
    }
}

struct Walk<'a> {
    owner: &'a str,
    file: FileId,
    primary: Lang,
    seen: HashSet<String>,
    out: Vec<Value<'a>>,
}

fn item(list: &str, id: Option<&str>, index: usize) -> String {
    match id {
        Some(id) => format!("{list}[{id}]"),
        None => format!("{list}[{index}]"),
    }
}

impl<'a> Walk<'a> {
    fn text(&mut self, path: String, meaning: &'static str, t: &'a Text) {
        if t.plain || t.get(self.primary).is_empty() {
            return;
        }
        // A duplicate id (an error reported elsewhere) must not make two values share a key.
        if !self.seen.insert(path.clone()) {
            return;
        }
        self.out.push(Value {
            owner: self.owner,
            path,
            file: self.file,
            meaning,
            text: t,
        });
    }

    fn opt(&mut self, path: String, meaning: &'static str, t: Option<&'a Text>) {
        if let Some(t) = t {
            self.text(path, meaning, t);
        }
    }

    fn recipient(&mut self, at: &str, r: &'a Recipient) {
        self.text(
            format!("{at}.name"),
            "the name of someone we share the information with",
            &r.name,
        );
        self.opt(
            format!("{at}.details"),
            "Markdown: more about this recipient and what they do with the information",
            r.details.as_ref(),
        );
        for (i, t) in r.transfers.iter().enumerate() {
            let at = format!("{at}.transfers[{i}]");
            if let Destination::InternationalOrganisation(n) = &t.destination {
                self.text(
                    format!("{at}.international_organisation"),
                    "the name of an international organisation the information is sent to",
                    n,
                );
            }
            self.opt(
                format!("{at}.details"),
                "Markdown: more about this transfer outside the UK",
                t.details.as_ref(),
            );
            if let Some(c) = &t.copy {
                if !is_http_url(c.get(self.primary)) {
                    self.text(
                        format!("{at}.copy"),
                        "Markdown: where people can get a copy of the transfer's safeguard",
                        c,
                    );
                }
            }
        }
    }

    fn retention(&mut self, at: &str, r: &'a Retention) {
        self.text(
            format!("{at}.records"),
            "which records this retention rule covers",
            &r.records,
        );
        if let Keep::Criteria(c) = &r.keep {
            self.text(
                format!("{at}.criteria"),
                "Markdown: how we decide how long the records are kept",
                c,
            );
        }
        self.opt(
            format!("{at}.from"),
            "the event the retention period counts from (\"kept for 6 years from …\")",
            r.from.as_ref(),
        );
        self.opt(
            format!("{at}.then"),
            "Markdown: what happens to the records at the end of the period",
            r.then.as_ref(),
        );
        self.opt(
            format!("{at}.justification"),
            "Markdown: why the records are kept indefinitely",
            r.justification.as_ref(),
        );
    }

    fn organisation(&mut self, o: &'a Organisation) {
        self.text("name".into(), "the name of the data controller", &o.name);
        self.text(
            "address".into(),
            "the postal address of the data controller",
            &o.address,
        );
        if let Some(r) = &o.representative {
            self.text(
                "representative.name".into(),
                "the name of the controller's UK representative",
                &r.name,
            );
            self.text(
                "representative.address".into(),
                "the postal address of the controller's UK representative",
                &r.address,
            );
        }
        if let Some(d) = &o.dpo {
            self.opt(
                "dpo.name".into(),
                "the name or title of the Data Protection Officer",
                d.name.as_ref(),
            );
            self.opt(
                "dpo.address".into(),
                "the postal address of the Data Protection Officer",
                d.address.as_ref(),
            );
        }
        if let Some(c) = &o.rights_contact {
            self.opt(
                "rights_contact.details".into(),
                "Markdown: how people use their data protection rights",
                c.details.as_ref(),
            );
        }
        if let Some(c) = &o.complaints {
            self.opt(
                "complaints.details".into(),
                "Markdown: how people complain to us about the use of their information",
                c.details.as_ref(),
            );
        }
        self.opt(
            "security".into(),
            "Markdown: how we keep the information secure",
            o.security.as_ref(),
        );
        for (i, r) in o.recipients.iter().enumerate() {
            self.recipient(&item("recipients", Some(&r.id.v), i), r);
        }
        for (i, r) in o.retention.iter().enumerate() {
            self.retention(&item("retention", Some(&r.id.v), i), r);
        }
    }

    fn notice(&mut self, n: &'a Notice) {
        self.text("title".into(), "the title of the privacy notice", &n.title);
        self.text(
            "summary".into(),
            "Markdown: what the privacy notice covers",
            &n.summary,
        );
        self.opt(
            "service".into(),
            "the service the notice belongs to (groups notices on the index page)",
            n.service.as_ref(),
        );
        for (i, t) in n.data_subjects.iter().flatten().enumerate() {
            self.text(
                item("data_subjects", None, i),
                "a group of people whose information this is",
                t,
            );
        }
        for (i, j) in n.joint_controllers.iter().enumerate() {
            let at = item("joint_controllers", None, i);
            self.text(
                format!("{at}.name"),
                "the name of a joint controller",
                &j.name,
            );
            self.text(
                format!("{at}.responsibilities"),
                "Markdown: what this joint controller is responsible for",
                &j.responsibilities,
            );
            self.text(
                format!("{at}.contact"),
                "Markdown: how to contact this joint controller",
                &j.contact,
            );
        }
        for (i, c) in n.channels.iter().enumerate() {
            let at = item("channels", Some(&c.id.v), i);
            self.text(
                format!("{at}.name"),
                "a way we collect information (e.g. a form, a phone line)",
                &c.name,
            );
            self.opt(
                format!("{at}.details"),
                "Markdown: more about this way of collecting information",
                c.details.as_ref(),
            );
        }
        for (i, s) in n.sources.iter().enumerate() {
            let at = item("sources", None, i);
            self.text(
                format!("{at}.name"),
                "where we get information from, other than the person it is about",
                &s.name,
            );
            self.opt(
                format!("{at}.details"),
                "Markdown: more about this source",
                s.details.as_ref(),
            );
        }
        for (i, c) in n.categories.iter().enumerate() {
            let at = item("categories", Some(&c.id.v), i);
            self.text(
                format!("{at}.name"),
                "a category of personal information",
                &c.name,
            );
            self.opt(
                format!("{at}.details"),
                "Markdown: more about this category of information",
                c.details.as_ref(),
            );
        }
        for (i, p) in n.purposes.iter().enumerate() {
            let at = item("purposes", Some(&p.id.v), i);
            self.text(
                format!("{at}.name"),
                "what we use the information for (a purpose)",
                &p.name,
            );
            self.opt(
                format!("{at}.details"),
                "Markdown: more about this purpose",
                p.details.as_ref(),
            );
            self.opt(
                format!("{at}.legitimate_interests"),
                "the legitimate interests this purpose relies on",
                p.legitimate_interests.as_ref(),
            );
            for (k, l) in p.legislation.iter().enumerate() {
                self.text(
                    format!("{at}.legislation[{k}]"),
                    "the name of a law this purpose relies on",
                    l,
                );
            }
            self.opt(
                format!("{at}.consent_withdrawal"),
                "Markdown: how people withdraw their consent",
                p.consent_withdrawal.as_ref(),
            );
        }
        for (i, r) in n.recipients.iter().flatten().enumerate() {
            if r.catalogue.is_none() {
                self.recipient(&item("recipients", Some(&r.id.v), i), r);
            }
        }
        for (i, r) in n.retention.iter().enumerate() {
            if r.catalogue.is_none() {
                self.retention(&item("retention", Some(&r.id.v), i), r);
            }
        }
        for (i, a) in n.automated_decisions.iter().enumerate() {
            let at = item("automated_decisions", Some(&a.id.v), i);
            self.text(
                format!("{at}.name"),
                "the name of a decision made by automated means",
                &a.name,
            );
            self.text(
                format!("{at}.logic"),
                "Markdown: how the automated decision is made",
                &a.logic,
            );
            self.text(
                format!("{at}.significance"),
                "Markdown: why the automated decision matters to the person",
                &a.significance,
            );
            self.text(
                format!("{at}.consequences"),
                "Markdown: what the automated decision may lead to",
                &a.consequences,
            );
        }
        self.opt(
            "statutory_requirement".into(),
            "Markdown: whether people must give us the information, and what happens if they do not",
            n.statutory_requirement.as_ref(),
        );
        self.opt(
            "rights_note".into(),
            "Markdown: a note shown under the list of people's rights",
            n.rights_note.as_ref(),
        );
        for (i, s) in n.sections.iter().enumerate() {
            let at = item("sections", Some(&s.id.v), i);
            self.text(
                format!("{at}.title"),
                "the heading of an extra section",
                &s.title,
            );
            self.text(
                format!("{at}.body"),
                "Markdown: the text of an extra section",
                &s.body,
            );
        }
        for (i, c) in n.changes.iter().enumerate() {
            self.text(
                format!("{}.summary", item("changes", None, i)),
                "a summary of a change to the notice (in the change history)",
                &c.summary,
            );
        }
    }
}

fn walk<'a>(owner: &'a str, file: FileId, primary: Lang) -> Walk<'a> {
    Walk {
        owner,
        file,
        primary,
        seen: HashSet::new(),
        out: Vec::new(),
    }
}

/// The translatable values of the organisation file.
pub fn organisation_values(o: &Organisation, primary: Lang) -> Vec<Value<'_>> {
    let mut w = walk(ORGANISATION, o.file, primary);
    w.organisation(o);
    w.out
}

/// The translatable values of one notice's own file (not the catalogue entries it uses).
pub fn notice_values(n: &Notice, primary: Lang) -> Vec<Value<'_>> {
    let mut w = walk(&n.id, n.file, primary);
    w.notice(n);
    w.out
}

/// Every translatable value of the project: the organisation's, then each notice's (notices
/// sorted by id), each in source order.
pub fn values(p: &Project) -> Vec<Value<'_>> {
    values_of(p.org.as_ref(), &p.notices, p.config.primary())
}

/// [`values`] of an organisation (when given) and some notices.
pub fn values_of<'a>(
    org: Option<&'a Organisation>,
    notices: &'a [std::sync::Arc<Notice>],
    primary: Lang,
) -> Vec<Value<'a>> {
    let mut out = Vec::new();
    if let Some(o) = org {
        out.extend(organisation_values(o, primary));
    }
    for n in notices {
        out.extend(notice_values(n, primary));
    }
    out
}

/// Is `key`'s owner one of `owners` (notice ids or `_organisation`)?
pub fn owned_by(key: &str, owners: &[String]) -> bool {
    key.split_once('/')
        .is_some_and(|(o, _)| owners.iter().any(|x| x == o))
}
