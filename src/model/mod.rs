//! The resolved model: what a project says once it has been read, checked for shape and
//! had its references resolved. Every value a lint may point at carries its [`Pos`]; every
//! translatable value is a [`Text`]. The renderers only read this.

pub mod duration;
pub mod law;
pub mod rights;

pub use duration::Duration;
pub use law::*;

pub use crate::load::yaml::Pos;

/// An id of the format (see `is_id`): a channel's, a category's, a purpose's and so on, or
/// a reference to one. Up to 24 bytes are kept inline, with no allocation.
pub type Id = compact_str::CompactString;

/// Index of a source file in the project's [`crate::load::Sources`].
pub type FileId = u32;

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct S<T> {
    pub v: T,
    pub pos: Pos,
}

/// A translatable value: one string per language of the site (empty for a language the
/// site does not publish). `plain` marks a `name` written as one string for every language,
/// which is never a translation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// The English string, then the Welsh: one allocation for the two (a notice has
    /// hundreds of texts, and their strings were a quarter of a cold check's allocations).
    strings: String,
    /// Where the Welsh starts in `strings`.
    split: u32,
    pub plain: bool,
    /// Where the text map (or the plain string) was written.
    pub pos: Pos,
    /// Where each language's own string was written, indexed by [`Text::slot`]: `None` for
    /// a plain string, or a language absent from the map.
    pub spans: [Option<Pos>; 2],
}

impl Text {
    /// A text of these strings, written at `pos` (its `plain` false, its `spans` none).
    pub fn new(en: &str, cy: &str, pos: Pos) -> Text {
        let mut strings = String::with_capacity(en.len() + cy.len());
        strings.push_str(en);
        strings.push_str(cy);
        Text {
            strings,
            split: u32::try_from(en.len()).unwrap_or(u32::MAX),
            plain: false,
            pos,
            spans: [None; 2],
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        let (en, cy) = self
            .strings
            .split_at_checked(self.split as usize)
            .unwrap_or((&self.strings, ""));
        match lang {
            Lang::En => en,
            Lang::Cy => cy,
        }
    }

    /// The index of a language in [`Text::spans`].
    pub fn slot(lang: Lang) -> usize {
        match lang {
            Lang::En => 0,
            Lang::Cy => 1,
        }
    }

    /// Where one language's string was written (its scalar, not the map).
    pub fn span(&self, lang: Lang) -> Option<Pos> {
        self.spans[Self::slot(lang)]
    }

    /// The same string in every language.
    pub fn same(s: &str, pos: Pos) -> Text {
        Text {
            plain: true,
            ..Text::new(s, s, pos)
        }
    }
}

/// `written` lists in the parse cache: stored as strings, read back as the format's own
/// field names (a name the format does not know, which cannot happen, is dropped).
mod written_keys {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(keys: &[&'static str], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(keys.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
        use crate::load::convert::{NOTICE_FIELDS, ORG_FIELDS, PURPOSE_FIELDS};
        let names = Vec::<String>::deserialize(d)?;
        Ok(names
            .iter()
            .filter_map(|n| {
                [NOTICE_FIELDS, PURPOSE_FIELDS, ORG_FIELDS]
                    .iter()
                    .flat_map(|set| set.iter())
                    .find(|k| **k == n.as_str())
                    .copied()
            })
            .collect())
    }
}

/// A calendar date, validated.
pub type Date = jiff::civil::Date;

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Organisation {
    /// The keys written in the source (even when their value was invalid).
    #[serde(with = "written_keys")]
    pub written: Vec<&'static str>,
    pub file: FileId,
    /// The first key of the file, where `missing-dpo` is reported.
    pub first_key: Pos,
    pub name: Text,
    pub public_authority: S<bool>,
    pub address: Text,
    pub email: Option<S<String>>,
    pub phone: Option<S<String>>,
    pub ico_registration: Option<S<String>>,
    pub website: Option<Text>,
    pub representative: Option<Representative>,
    pub dpo: Option<Dpo>,
    pub dpo_required: bool,
    pub rights_contact: Option<Contact>,
    pub complaints: Option<Contact>,
    pub security: Option<Text>,
    pub appropriate_policy_document: Option<Text>,
    pub recipients: Vec<Recipient>,
    pub retention: Vec<Retention>,
}

impl Organisation {
    pub fn wrote(&self, key: &str) -> bool {
        self.written.contains(&key)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Representative {
    pub name: Text,
    pub address: Text,
    pub email: Option<S<String>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Dpo {
    pub name: Option<Text>,
    pub email: Option<S<String>>,
    pub phone: Option<S<String>>,
    pub address: Option<Text>,
}

/// `rights_contact` and `complaints`: a url, an email and some words.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    pub url: Option<Text>,
    pub email: Option<S<String>>,
    pub details: Option<Text>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// The keys written in the source (even when their value was invalid).
    #[serde(with = "written_keys")]
    pub written: Vec<&'static str>,
    /// Only a [`Notice::stub`]: its pages and parts can only be those of the previous build.
    #[serde(skip)]
    pub is_stub: bool,
    pub id: String,
    pub file: FileId,
    pub first_key: Pos,
    pub title: Text,
    pub summary: Text,
    pub service: Option<Text>,
    /// `None` when absent (a warning), never a claim.
    pub data_subjects: Option<Vec<Text>>,
    pub updated: S<Date>,
    pub review_by: Option<S<Date>>,
    pub joint_controllers: Vec<JointController>,
    pub channels: Vec<Channel>,
    pub sources: Vec<Source>,
    pub categories: Vec<Category>,
    pub purposes: Vec<Purpose>,
    /// `None` when absent: renders nothing. `Some(vec![])` renders "we do not share".
    pub recipients: Option<Vec<Recipient>>,
    pub retention: Vec<Retention>,
    pub automated_decisions: Vec<AutomatedDecision>,
    pub statutory_requirement: Option<Text>,
    pub rights_note: Option<Text>,
    pub sections: Vec<Section>,
    pub changes: Vec<Change>,
    /// Every string of the notice's file is plainly safe Markdown, as found in the reader's
    /// one pass over its bytes (`yaml::Parsed::plain_markdown`): `unsafe-markdown` need
    /// not read its [`Notice::markdown`] values one by one.
    pub plain_markdown: bool,
}

impl Notice {
    /// What the index pages, the sitemap and the project-wide lints need of a notice once
    /// its own pages and parts are written: its id, file, title, service and date.
    pub fn stub(&self) -> Notice {
        Notice {
            written: Vec::new(),
            is_stub: true,
            id: self.id.clone(),
            file: self.file,
            first_key: self.first_key,
            title: self.title.clone(),
            summary: Text::default(),
            service: self.service.clone(),
            data_subjects: None,
            updated: self.updated.clone(),
            review_by: None,
            joint_controllers: Vec::new(),
            channels: Vec::new(),
            sources: Vec::new(),
            categories: Vec::new(),
            purposes: Vec::new(),
            recipients: None,
            retention: Vec::new(),
            automated_decisions: Vec::new(),
            statutory_requirement: None,
            rights_note: None,
            sections: Vec::new(),
            changes: Vec::new(),
            plain_markdown: self.plain_markdown,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct JointController {
    pub name: Text,
    pub responsibilities: Text,
    pub contact: Text,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Channel {
    pub id: S<Id>,
    pub name: Text,
    pub details: Option<Text>,
    pub recipients: Vec<S<Id>>,
    pub retention: Vec<S<Id>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub name: Text,
    pub details: Option<Text>,
    pub public: bool,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Category {
    pub id: S<Id>,
    pub name: Text,
    pub details: Option<Text>,
    pub special: Vec<S<SpecialCategory>>,
    pub criminal: bool,
    pub source: DataSource,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Purpose {
    /// The keys written in the source (even when their value was invalid).
    #[serde(with = "written_keys")]
    pub written: Vec<&'static str>,
    pub id: S<Id>,
    pub name: Text,
    pub details: Option<Text>,
    pub categories: Vec<S<Id>>,
    pub lawful_basis: Option<S<LawfulBasis>>,
    pub legitimate_interests: Option<Text>,
    pub annex1: Option<S<u32>>,
    pub legislation: Vec<Text>,
    pub special_condition: Option<S<SpecialCondition>>,
    pub schedule1: Option<S<u32>>,
    pub criminal_condition: Option<S<CriminalCondition>>,
    pub consent_withdrawal: Option<Text>,
    pub direct_marketing: bool,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Recipient {
    pub id: S<Id>,
    pub name: Text,
    pub kind: RecipientKind,
    pub details: Option<Text>,
    pub purposes: Vec<S<Id>>,
    pub categories: Vec<S<Id>>,
    pub transfers: Vec<Transfer>,
    /// Index into the organisation's catalogue when this came from a plain-string ref.
    pub catalogue: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Destination {
    Country(S<String>),
    InternationalOrganisation(Text),
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Transfer {
    pub pos: Pos,
    pub destination: Destination,
    pub safeguard: Option<S<Safeguard>>,
    pub derogation: Option<S<Derogation>>,
    pub details: Option<Text>,
    /// A URL or Markdown saying where to get a copy of the safeguard.
    pub copy: Option<Text>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Keep {
    Period(S<Duration>),
    Criteria(Text),
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Retention {
    pub id: S<Id>,
    pub records: Text,
    pub keep: Keep,
    pub qualifier: Option<Qualifier>,
    pub from: Option<Text>,
    pub then: Option<Text>,
    /// `None`: every category of the notice.
    pub categories: Option<Vec<S<Id>>>,
    pub justification: Option<Text>,
    pub catalogue: Option<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AutomatedDecision {
    pub id: S<Id>,
    pub name: Text,
    pub logic: Text,
    pub significance: Text,
    pub consequences: Text,
    pub purposes: Vec<S<Id>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub id: S<Id>,
    pub title: Text,
    pub body: Text,
    pub after: Option<S<Id>>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub date: S<Date>,
    pub summary: Text,
}

/// Built-in section ids, in page order.
pub const BUILTIN_SECTIONS: &[&str] = &[
    "controller",
    "joint-controllers",
    "data-subjects",
    "collection",
    "categories",
    "sources",
    "purposes",
    "recipients",
    "retention",
    "automated-decisions",
    "statutory-requirement",
    "rights",
    "complaints",
    "ico",
    "changes",
];

impl Notice {
    pub fn wrote(&self, key: &str) -> bool {
        self.written.contains(&key)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id.v == id)
    }

    pub fn purpose(&self, id: &str) -> Option<&Purpose> {
        self.purposes.iter().find(|p| p.id.v == id)
    }

    /// Every purpose each automated decision serves: the decision, the reference as written
    /// (for the diagnostic's place), and the purpose (unknown references are left out).
    pub fn automated_decision_purposes(
        &self,
    ) -> impl Iterator<Item = (&AutomatedDecision, &S<Id>, &Purpose)> + '_ {
        self.automated_decisions.iter().flat_map(move |a| {
            a.purposes
                .iter()
                .filter_map(move |r| self.purpose(&r.v).map(|p| (a, r, p)))
        })
    }

    /// The categories a purpose uses (refs are already checked).
    pub fn purpose_categories<'a>(
        &'a self,
        p: &'a Purpose,
    ) -> impl Iterator<Item = &'a Category> + 'a {
        p.categories.iter().filter_map(move |c| self.category(&c.v))
    }

    /// The category ids a retention entry covers (all of the notice's when absent).
    pub fn retention_categories<'a>(&'a self, r: &'a Retention) -> Vec<&'a str> {
        match &r.categories {
            Some(c) => c.iter().map(|c| c.v.as_str()).collect(),
            None => self.categories.iter().map(|c| c.id.v.as_str()).collect(),
        }
    }
}

impl Purpose {
    pub fn wrote(&self, key: &str) -> bool {
        self.written.contains(&key)
    }

    /// Does the purpose rest on consent in any of the ways that let people withdraw it?
    pub fn consent_based(&self) -> bool {
        self.lawful_basis.as_ref().map(|b| b.v) == Some(LawfulBasis::Consent)
            || self.special_condition.as_ref().map(|c| c.v)
                == Some(SpecialCondition::ExplicitConsent)
            || self
                .criminal_condition
                .as_ref()
                .is_some_and(|c| c.v.is_consent())
    }
}

fn recipient_markdown<'a>(r: &'a Recipient, out: &mut Vec<&'a Text>) {
    out.extend(r.details.iter());
    for t in &r.transfers {
        out.extend(t.details.iter());
        out.extend(
            t.copy
                .iter()
                .filter(|c| !c.plain || !c.get(Lang::En).starts_with("http")),
        );
    }
}

fn retention_markdown<'a>(r: &'a Retention, out: &mut Vec<&'a Text>) {
    if let Keep::Criteria(c) = &r.keep {
        out.push(c);
    }
    out.extend(r.then.iter());
    out.extend(r.justification.iter());
}

impl Organisation {
    /// Every Markdown value written in the organisation file.
    pub fn markdown(&self) -> Vec<&Text> {
        let mut out = Vec::new();
        for c in [&self.rights_contact, &self.complaints]
            .into_iter()
            .flatten()
        {
            out.extend(c.details.iter());
        }
        out.extend(self.security.iter());
        for r in &self.recipients {
            recipient_markdown(r, &mut out);
        }
        for r in &self.retention {
            retention_markdown(r, &mut out);
        }
        out
    }
}

impl Notice {
    /// Every Markdown value written in this notice's file (not catalogue entries).
    pub fn markdown(&self) -> Vec<&Text> {
        let mut out = vec![&self.summary];
        for j in &self.joint_controllers {
            out.push(&j.responsibilities);
            out.push(&j.contact);
        }
        for c in &self.channels {
            out.extend(c.details.iter());
        }
        for s in &self.sources {
            out.extend(s.details.iter());
        }
        for c in &self.categories {
            out.extend(c.details.iter());
        }
        for p in &self.purposes {
            out.extend(p.details.iter());
            out.extend(p.consent_withdrawal.iter());
        }
        for r in self
            .recipients
            .iter()
            .flatten()
            .filter(|r| r.catalogue.is_none())
        {
            recipient_markdown(r, &mut out);
        }
        for r in self.retention.iter().filter(|r| r.catalogue.is_none()) {
            retention_markdown(r, &mut out);
        }
        for a in &self.automated_decisions {
            out.extend([&a.logic, &a.significance, &a.consequences]);
        }
        out.extend(self.statutory_requirement.iter());
        out.extend(self.rights_note.iter());
        for s in &self.sections {
            out.push(&s.body);
        }
        out
    }
}
