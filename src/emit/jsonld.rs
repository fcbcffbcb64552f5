//! `register.jsonld`: the register's facts as linked data in the W3C Data Privacy Vocabulary
//! (DPV 2.x, `dpv:` = <https://w3id.org/dpv#>) and its EU GDPR extension (`eu-gdpr:` =
//! <https://w3id.org/dpv/legal/eu/gdpr#>), whose article concepts (`eu-gdpr:A6-1-e`,
//! `eu-gdpr:A9-2-g`, `eu-gdpr:A15`, …) match the UK GDPR's numbering where the UK kept it.
//! It owns only the mapping to RDF; the facts come from the model exactly as the register
//! has them. The `@context` is embedded (no remote context), so the file expands offline.
//!
//! Shape: one `dpv:PrivacyNotice` node per notice; one `dpv:Process` node per purpose of a
//! notice (`dpv:hasNotice` links it to its notice) carrying `dpv:hasPurpose`,
//! `dpv:hasPersonalData` (the purpose's categories), `dpv:hasDataSubject`,
//! `dpv:hasDataController`, `dpv:hasJointDataControllers`, `dpv:hasLegalBasis` (Art 6, Art 9,
//! Schedule 1 and Art 10 conditions), `dpv:hasRecipient` / `dpv:hasDataProcessor` (the
//! recipients shared with for that purpose), `dpv:hasProcess` (their transfers, each a
//! `dpv:Process` with `dpv:hasProcessing dpv:CrossBorderTransfer`, `dpv:hasCountry loc:XX`
//! and the safeguard as `dpv:hasLegalBasis`), `dpv:hasStorageCondition` (the retention
//! entries covering its categories: `dpv:StorageDuration` with `dpv:hasDuration` as an
//! `xsd:duration`, `dpv:EndlessDuration` for `indefinite`, or a `dpv:StorageCondition` with
//! `hysbys:retentionCriteria`) and `dpv:hasRight`. Categories are `dpv:PersonalData`, plus
//! `dpv:SpecialCategoryPersonalData` when they hold Art 9 data. Texts are language-tagged
//! literals (`{"@value": "…", "@language": "cy"}`), one per site language; Markdown stays
//! Markdown. Countries use DPV's location extension (`loc:` = <https://w3id.org/dpv/loc#>).
//!
//! Node identifiers: with `site.base_url`, a notice is `<base>notices/<id>.json` (its register
//! entry), its parts are fragments of it (`#process-<purpose>`, `#purpose-<purpose>`,
//! `#category-<id>`, `#data-subject-<n>`, `#recipient-<id>`, `#retention-<id>`,
//! `#transfer-<recipient>-<n>`, `#joint-controllers`, `#joint-controller-<n>`), the
//! controller is `<base>register.json#controller` and catalogue recipients are
//! `<base>register.json#recipient-<id>`. Without a base URL the same names are blank nodes
//! (`_:<notice>`, `_:<notice>.process-<purpose>`, `_:controller`, …).
//!
//! # The `hysbys:` extension namespace (`https://hysbys.example/ns#`)
//!
//! For what the UK law has and DPV does not. Classes and concepts:
//!
//! - `hysbys:A6-1-ea`: UK GDPR Art 6(1)(ea), recognised legitimate interests (DUAA 2025).
//! - `hysbys:Annex1-<n>`: UK GDPR Annex 1, paragraph n (the recognised legitimate interest).
//! - `hysbys:DPA2018-Sch1-<n>`: DPA 2018 Schedule 1, paragraph n (1–37), described in the
//!   graph with `rdfs:label` (its heading in each language) and `hysbys:schedule1Part`.
//! - `hysbys:A10-OfficialAuthority`: Art 10 processing under the control of official authority.
//! - `hysbys:A45A`: UK GDPR Art 45A, transfer approved by adequacy regulations.
//! - `hysbys:A21-2`: the absolute right to object to direct marketing, UK GDPR Art 21(2).
//! - `hysbys:A22C`: the Art 22C safeguards for significant automated decisions.
//! - `hysbys:Art9-<type>`: an Art 9(1) special category (`hysbys:Art9-health`, …; the types
//!   are the register's codes).
//! - `hysbys:CriminalOffenceData`: class of personal data relating to criminal convictions and
//!   offences (UK GDPR Art 10).
//! - `hysbys:InternalRecipient`: class of recipients that are another service of the same
//!   controller (not a disclosure, listed because people expect to be told).
//! - `hysbys:JointControllerRecipient`: class of recipients that are joint controllers.
//!
//! Properties:
//!
//! - `hysbys:specialCategory` (category → `hysbys:Art9-<type>`).
//! - `hysbys:criminalOffenceCondition` (process → the Art 10 condition: a Schedule 1
//!   paragraph or `hysbys:A10-OfficialAuthority`); the same concept is also a
//!   `dpv:hasLegalBasis`.
//! - `hysbys:extendsSchedule1Condition` (process → the Part 2 paragraph that paragraph 36
//!   extends to criminal-offence data).
//! - `hysbys:schedule1Part` (Schedule 1 paragraph → its Part, an integer).
//! - `hysbys:legitimateInterests`, `hysbys:legislation`, `hysbys:consentWithdrawal`,
//!   `hysbys:directMarketing` (process → text, text, Markdown, boolean).
//! - `hysbys:retentionCriteria`, `hysbys:retentionQualifier` (`"at-least"` | `"up-to"`),
//!   `hysbys:retentionFrom`, `hysbys:retentionThen`, `hysbys:retentionJustification`
//!   (storage condition → Markdown or text).
//! - `hysbys:safeguardCopy` (transfer → where to get a copy of the safeguard, URL or
//!   Markdown), `hysbys:derogation` (transfer → the Art 49(1) derogation code).
//! - `hysbys:icoRegistration`, `hysbys:publicAuthority` (controller → string, boolean).
//! - `hysbys:reviewBy`, `hysbys:service` (notice → `xsd:date`, text).
//! - `hysbys:responsibilities`, `hysbys:contact` (joint controller → Markdown: what it is
//!   responsible for and how to reach it, Art 26).
//!
//! Other vocabularies: `dct:` (Dublin Core terms: `dct:title`, `dct:description`,
//! `dct:modified`, `dct:identifier`), `rdfs:label`, `rdfs:seeAlso` (a notice's pages).

use std::borrow::Cow;
use std::io::Write as _;

use super::concat;
use super::json::{obj, Obj, J};
use super::register::{ListWriter, CHUNK};
use serde_json::Value;

use crate::i18n::I18n;
use crate::model::rights::purpose_rights;
use crate::model::{
    schedule1_part, CriminalCondition, DataSource, Derogation, Destination, Keep, Lang,
    LawfulBasis, Notice, Organisation, Purpose, RecipientKind, Retention, Right, Safeguard,
    SpecialCondition, Text,
};
use crate::Project;

/// The hysbys extension namespace.
pub const HYSBYS_NS: &str = "https://hysbys.example/ns#";

/// The embedded `@context`.
pub fn context() -> J<'static> {
    obj! {
        "dpv": "https://w3id.org/dpv#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "loc": "https://w3id.org/dpv/loc#",
        "hysbys": HYSBYS_NS,
        "dct": "http://purl.org/dc/terms/",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
}

/// The Art 6(1) basis as a DPV concept.
pub fn lawful_basis_iri(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "eu-gdpr:A6-1-a",
        LawfulBasis::Contract => "eu-gdpr:A6-1-b",
        LawfulBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LawfulBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LawfulBasis::PublicTask => "eu-gdpr:A6-1-e",
        LawfulBasis::LegitimateInterests => "eu-gdpr:A6-1-f",
        LawfulBasis::RecognisedLegitimateInterests => "hysbys:A6-1-ea",
    }
}

/// The Art 9(2) condition as a DPV concept.
pub fn special_condition_iri(c: SpecialCondition) -> &'static str {
    match c {
        SpecialCondition::ExplicitConsent => "eu-gdpr:A9-2-a",
        SpecialCondition::EmploymentSocialSecurity => "eu-gdpr:A9-2-b",
        SpecialCondition::VitalInterests => "eu-gdpr:A9-2-c",
        SpecialCondition::NotForProfit => "eu-gdpr:A9-2-d",
        SpecialCondition::MadePublic => "eu-gdpr:A9-2-e",
        SpecialCondition::LegalClaims => "eu-gdpr:A9-2-f",
        SpecialCondition::SubstantialPublicInterest => "eu-gdpr:A9-2-g",
        SpecialCondition::HealthSocialCare => "eu-gdpr:A9-2-h",
        SpecialCondition::PublicHealth => "eu-gdpr:A9-2-i",
        SpecialCondition::ArchivingResearch => "eu-gdpr:A9-2-j",
    }
}

/// A right as a DPV concept.
pub fn right_iri(r: Right) -> &'static str {
    match r {
        Right::Access => "eu-gdpr:A15",
        Right::Rectification => "eu-gdpr:A16",
        Right::Erasure => "eu-gdpr:A17",
        Right::Restriction => "eu-gdpr:A18",
        Right::Portability => "eu-gdpr:A20",
        Right::Objection => "eu-gdpr:A21",
        Right::ObjectDirectMarketing => "hysbys:A21-2",
        Right::WithdrawConsent => "eu-gdpr:A7-3",
        Right::AutomatedDecisions => "hysbys:A22C",
        Right::Complaint => "eu-gdpr:A77",
    }
}

/// The legal basis of a transfer: the safeguard, or for `derogation` the derogation relied on.
fn transfer_basis_iri(s: Option<Safeguard>, d: Option<Derogation>) -> Option<&'static str> {
    let derogation = |d: Derogation| match d {
        Derogation::A => "eu-gdpr:A49-1-a",
        Derogation::B => "eu-gdpr:A49-1-b",
        Derogation::C => "eu-gdpr:A49-1-c",
        Derogation::D => "eu-gdpr:A49-1-d",
        Derogation::E => "eu-gdpr:A49-1-e",
        Derogation::F => "eu-gdpr:A49-1-f",
        Derogation::G => "eu-gdpr:A49-1-g",
        // DPV names the compelling-legitimate-interests derogation (the second
        // subparagraph of Art 49(1)) `A49-2`.
        Derogation::CompellingInterests => "eu-gdpr:A49-2",
    };
    match s? {
        Safeguard::Adequacy => Some("hysbys:A45A"),
        Safeguard::PublicBodyInstrument => Some("eu-gdpr:A46-2-a"),
        // Art 47 BCRs are the Art 46(2)(b) safeguard.
        Safeguard::Bcrs => Some("eu-gdpr:A46-2-b"),
        Safeguard::Idta | Safeguard::Addendum => Some("eu-gdpr:A46-2-d"),
        Safeguard::CodeOfConduct => Some("eu-gdpr:A46-2-e"),
        Safeguard::Certification => Some("eu-gdpr:A46-2-f"),
        Safeguard::AdministrativeArrangement => Some("eu-gdpr:A46-3-b"),
        Safeguard::Derogation => d.map(derogation),
    }
}

fn sch1_iri(paragraph: u32) -> String {
    format!("hysbys:DPA2018-Sch1-{paragraph}")
}

fn id<'a>(iri: impl Into<Cow<'a, str>>) -> J<'a> {
    J::Id(iri.into())
}

fn ids<'a, I: IntoIterator<Item = S>, S: Into<Cow<'a, str>>>(v: I) -> J<'a> {
    J::arr(v.into_iter().map(id))
}

struct Cx<'a> {
    langs: Vec<Lang>,
    i18n: &'a I18n,
    base: Option<&'a str>,
}

impl<'a> Cx<'a> {
    /// Language-tagged literals, one per site language (empty strings left out).
    fn text<'t>(&self, t: &'t Text) -> J<'t> {
        J::arr(
            self.langs
                .iter()
                .filter(|l| !t.get(**l).is_empty())
                .map(|l| J::Lit(t.get(*l), *l)),
        )
    }

    fn opt_text<'t>(&self, t: Option<&'t Text>) -> J<'t> {
        t.map_or(J::Null, |t| self.text(t))
    }

    fn msg(&self, msg_id: &str) -> J<'a> {
        J::arr(
            self.langs
                .iter()
                .map(|l| obj! {"@value": self.i18n.msg_str(*l, msg_id), "@language": l.code()}),
        )
    }

    fn notice(&self, nid: &str) -> String {
        match self.base {
            Some(b) => concat(&[b, "notices/", nid, ".json"]),
            None => concat(&["_:", nid]),
        }
    }

    /// A part of a notice: `#<local>` of the notice's IRI, `local` given in pieces.
    fn part(&self, nid: &str, local: &[&str]) -> String {
        let head: [&str; 4] = match self.base {
            Some(b) => [b, "notices/", nid, ".json#"],
            None => ["_:", nid, ".", ""],
        };
        let len = head.iter().chain(local).map(|p| p.len()).sum::<usize>();
        let mut s = String::with_capacity(len);
        for piece in head.iter().chain(local) {
            s.push_str(piece);
        }
        s
    }

    /// A part of the controller's description (the register).
    fn org_part(&self, local: &str) -> String {
        match self.base {
            Some(b) => concat(&[b, "register.json#", local]),
            None => concat(&["_:", local]),
        }
    }
}

fn recipient_types(kind: RecipientKind) -> J<'static> {
    J::arr(
        match kind {
            RecipientKind::Processor => &["dpv:Recipient", "dpv:DataProcessor"][..],
            RecipientKind::Controller => &["dpv:Recipient", "dpv:DataController"],
            RecipientKind::JointController => &[
                "dpv:Recipient",
                "dpv:DataController",
                "hysbys:JointControllerRecipient",
            ],
            RecipientKind::Internal => &["dpv:Recipient", "hysbys:InternalRecipient"],
        }
        .iter()
        .copied(),
    )
}

/// Nodes for a recipient and its transfers. `scope` names its IRI: a notice id, or `None`
/// for the organisation's catalogue.
fn recipient_nodes<'a>(
    cx: &Cx<'_>,
    r: &'a crate::model::Recipient,
    scope: Option<&str>,
    out: &mut Vec<J<'a>>,
) {
    let rid = recipient_iri(cx, r, scope);
    let mut m = Obj::new();
    m.insert("@id", rid.clone());
    m.insert("@type", recipient_types(r.kind));
    m.put("dpv:hasName", cx.text(&r.name));
    m.put("dct:description", cx.opt_text(r.details.as_ref()));
    out.push(J::Obj(m));
    for (i, t) in r.transfers.iter().enumerate() {
        let tid = transfer_iri(cx, r, scope, i);
        let mut m = Obj::new();
        m.insert("@id", tid);
        m.insert("@type", "dpv:Process");
        m.insert("dpv:hasProcessing", id("dpv:CrossBorderTransfer"));
        m.insert("dpv:hasRecipient", id(rid.clone()));
        match &t.destination {
            Destination::Country(c) => {
                m.insert("dpv:hasCountry", id(concat(&["loc:", &c.v])));
            }
            Destination::InternationalOrganisation(n) => {
                m.insert(
                    "dpv:hasDataImporter",
                    obj! {"@type": "dpv:InternationalOrganisation", "dpv:hasName": cx.text(n)},
                );
            }
        }
        let basis = transfer_basis_iri(
            t.safeguard.as_ref().map(|s| s.v),
            t.derogation.as_ref().map(|d| d.v),
        );
        m.put("dpv:hasLegalBasis", basis.map(id));
        m.put(
            "hysbys:derogation",
            t.derogation.as_ref().map(|d| d.v.code()),
        );
        m.put("dct:description", cx.opt_text(t.details.as_ref()));
        m.put("hysbys:safeguardCopy", cx.opt_text(t.copy.as_ref()));
        out.push(J::Obj(m));
    }
}

fn recipient_iri(cx: &Cx<'_>, r: &crate::model::Recipient, scope: Option<&str>) -> String {
    match (r.catalogue, scope) {
        (None, Some(nid)) => cx.part(nid, &["recipient-", &r.id.v]),
        _ => cx.org_part(&concat(&["recipient-", &r.id.v])),
    }
}

fn transfer_iri(cx: &Cx<'_>, r: &crate::model::Recipient, scope: Option<&str>, i: usize) -> String {
    let n = (i + 1).to_string();
    match (r.catalogue, scope) {
        (None, Some(nid)) => cx.part(nid, &["transfer-", &r.id.v, "-", &n]),
        _ => cx.org_part(&concat(&["transfer-", &r.id.v, "-", &n])),
    }
}

fn controller_node<'a>(cx: &Cx<'_>, o: &'a Organisation) -> J<'a> {
    let mut m = Obj::new();
    m.insert("@id", cx.org_part("controller"));
    m.insert("@type", "dpv:DataController");
    m.put("dpv:hasName", cx.text(&o.name));
    m.put("dpv:hasAddress", cx.text(&o.address));
    m.put(
        "hysbys:icoRegistration",
        o.ico_registration.as_ref().map(|s| &s.v),
    );
    m.insert("hysbys:publicAuthority", o.public_authority.v);
    if let Some(d) = &o.dpo {
        let mut dpo = Obj::new();
        dpo.insert("@id", cx.org_part("dpo"));
        dpo.insert("@type", "dpv:DataProtectionOfficer");
        dpo.put("dpv:hasName", cx.opt_text(d.name.as_ref()));
        dpo.put("dpv:hasAddress", cx.opt_text(d.address.as_ref()));
        m.insert("dpv:hasDataProtectionOfficer", dpo);
    }
    if let Some(r) = &o.representative {
        m.insert(
            "dpv:hasRepresentative",
            obj! {"@id": cx.org_part("representative"), "@type": "dpv:Representative",
            "dpv:hasName": cx.text(&r.name), "dpv:hasAddress": cx.text(&r.address)},
        );
    }
    J::Obj(m)
}

fn retention_node<'a>(cx: &Cx<'a>, n: &'a Notice, r: &'a Retention) -> J<'a> {
    let mut m = Obj::new();
    m.insert("@id", cx.part(&n.id, &["retention-", &r.id.v]));
    match &r.keep {
        Keep::Period(d) => {
            m.insert(
                "@type",
                J::arr(["dpv:StorageCondition", "dpv:StorageDuration"]),
            );
            let duration = match d.v {
                crate::model::Duration::Indefinite => id("dpv:EndlessDuration"),
                p => obj! {"@value": p.to_string(), "@type": "xsd:duration"},
            };
            m.insert("dpv:hasDuration", duration);
        }
        Keep::Criteria(c) => {
            m.insert("@type", "dpv:StorageCondition");
            m.put("hysbys:retentionCriteria", cx.text(c));
        }
    }
    m.put("rdfs:label", cx.text(&r.records));
    m.put("hysbys:retentionQualifier", r.qualifier.map(|q| q.code()));
    m.put("hysbys:retentionFrom", cx.opt_text(r.from.as_ref()));
    m.put(
        "hysbys:retentionThen",
        r.then
            .as_ref()
            .map_or_else(|| cx.msg("retention-then-default"), |t| cx.text(t)),
    );
    m.put(
        "hysbys:retentionJustification",
        cx.opt_text(r.justification.as_ref()),
    );
    m.put(
        "dpv:hasPersonalData",
        ids(n
            .retention_categories(r)
            .iter()
            .map(|c| cx.part(&n.id, &["category-", c]))),
    );
    J::Obj(m)
}

fn process_node<'a>(
    cx: &Cx<'a>,
    org: Option<&Organisation>,
    n: &'a Notice,
    p: &'a Purpose,
) -> J<'a> {
    let nid = &n.id;
    let mut m = Obj::new();
    m.insert("@id", cx.part(nid, &["process-", &p.id.v]));
    m.insert("@type", "dpv:Process");
    m.put("rdfs:label", cx.text(&p.name));
    m.insert("dpv:hasNotice", id(cx.notice(nid)));

    let mut purpose = Obj::new();
    purpose.insert("@id", cx.part(nid, &["purpose-", &p.id.v]));
    purpose.insert(
        "@type",
        if p.direct_marketing {
            J::arr(["dpv:Purpose", "dpv:DirectMarketing"])
        } else {
            J::from("dpv:Purpose")
        },
    );
    purpose.put("rdfs:label", cx.text(&p.name));
    purpose.put("dct:description", cx.opt_text(p.details.as_ref()));
    m.insert("dpv:hasPurpose", purpose);

    m.put(
        "dpv:hasPersonalData",
        ids(p
            .categories
            .iter()
            .map(|c| cx.part(nid, &["category-", &c.v]))),
    );
    let subjects = n.data_subjects.as_ref().map_or(0, Vec::len);
    m.put(
        "dpv:hasDataSubject",
        ids((1..=subjects).map(|i| cx.part(nid, &["data-subject-", &i.to_string()]))),
    );
    if org.is_some() {
        m.insert("dpv:hasDataController", id(cx.org_part("controller")));
    }
    if !n.joint_controllers.is_empty() {
        m.insert(
            "dpv:hasJointDataControllers",
            id(cx.part(nid, &["joint-controllers"])),
        );
    }

    // Legal bases: Art 6, Annex 1, Art 9, Schedule 1 and Art 10, in that order.
    let mut bases: Vec<String> = Vec::new();
    if let Some(b) = &p.lawful_basis {
        bases.push(lawful_basis_iri(b.v).to_owned());
    }
    if let Some(a) = &p.annex1 {
        bases.push(format!("hysbys:Annex1-{}", a.v));
    }
    if let Some(c) = &p.special_condition {
        bases.push(special_condition_iri(c.v).to_owned());
    }
    if let Some(s) = &p.schedule1 {
        bases.push(sch1_iri(s.v));
    }
    let mut criminal: Vec<String> = Vec::new();
    if let Some(c) = &p.criminal_condition {
        let iri = match c.v {
            CriminalCondition::OfficialAuthority => "hysbys:A10-OfficialAuthority".to_owned(),
            CriminalCondition::Paragraph(n) => sch1_iri(n),
            CriminalCondition::Extends(_) => sch1_iri(36),
        };
        if !bases.contains(&iri) {
            bases.push(iri.clone());
        }
        criminal.push(iri);
    }
    m.put("dpv:hasLegalBasis", ids(bases));
    m.put("hysbys:criminalOffenceCondition", ids(criminal));
    if let Some(CriminalCondition::Extends(e)) = p.criminal_condition.as_ref().map(|c| c.v) {
        m.insert("hysbys:extendsSchedule1Condition", id(sch1_iri(e)));
    }
    m.put(
        "hysbys:legitimateInterests",
        cx.opt_text(p.legitimate_interests.as_ref()),
    );
    m.put(
        "hysbys:legislation",
        J::Arr(
            p.legislation
                .iter()
                .flat_map(|t| cx.text(t).into_items())
                .collect(),
        ),
    );
    m.put(
        "hysbys:consentWithdrawal",
        cx.opt_text(p.consent_withdrawal.as_ref()),
    );
    m.insert("hysbys:directMarketing", p.direct_marketing);

    // Recipients shared with for this purpose: those naming it, or naming no purpose.
    let recipients: Vec<&crate::model::Recipient> = n
        .recipients
        .iter()
        .flatten()
        .filter(|r| r.purposes.is_empty() || r.purposes.iter().any(|x| x.v == p.id.v))
        .collect();
    m.put(
        "dpv:hasRecipient",
        ids(recipients.iter().map(|r| recipient_iri(cx, r, Some(nid)))),
    );
    m.put(
        "dpv:hasDataProcessor",
        ids(recipients
            .iter()
            .filter(|r| r.kind == RecipientKind::Processor)
            .map(|r| recipient_iri(cx, r, Some(nid)))),
    );
    m.put(
        "dpv:hasProcess",
        ids(recipients
            .iter()
            .flat_map(|r| (0..r.transfers.len()).map(move |i| transfer_iri(cx, r, Some(nid), i)))),
    );

    // Storage conditions: the retention entries covering any of the purpose's categories.
    let storage = n
        .retention
        .iter()
        .filter(|r| {
            let cats = n.retention_categories(r);
            p.categories.iter().any(|c| cats.contains(&c.v.as_str()))
        })
        .map(|r| cx.part(nid, &["retention-", &r.id.v]));
    m.put("dpv:hasStorageCondition", ids(storage));
    m.put(
        "dpv:hasRight",
        ids(purpose_rights(n, p).into_iter().map(right_iri)),
    );
    if org.is_some_and(|o| o.security.is_some()) {
        m.insert(
            "dpv:hasTechnicalOrganisationalMeasure",
            id(cx.org_part("security")),
        );
    }
    J::Obj(m)
}

fn notice_nodes<'a>(cx: &Cx<'a>, org: Option<&Organisation>, n: &'a Notice, out: &mut Vec<J<'a>>) {
    let nid = &n.id;
    let mut m = Obj::new();
    m.insert("@id", cx.notice(nid));
    m.insert("@type", "dpv:PrivacyNotice");
    m.insert("dct:identifier", nid);
    m.put("dct:title", cx.text(&n.title));
    m.put("dct:description", cx.text(&n.summary));
    m.put("hysbys:service", cx.opt_text(n.service.as_ref()));
    m.insert(
        "dct:modified",
        obj! {"@value": n.updated.v.to_string(), "@type": "xsd:date"},
    );
    if let Some(r) = &n.review_by {
        m.insert(
            "hysbys:reviewBy",
            obj! {"@value": r.v.to_string(), "@type": "xsd:date"},
        );
    }
    if let Some(b) = cx.base {
        m.put(
            "rdfs:seeAlso",
            ids(cx.langs.iter().map(|l| format!("{b}{}/{nid}/", l.code()))),
        );
    }
    out.push(J::Obj(m));

    for (i, s) in n.data_subjects.iter().flatten().enumerate() {
        out.push(obj! {
            "@id": cx.part(nid, &["data-subject-", &(i + 1).to_string()]),
            "@type": "dpv:DataSubject",
            "rdfs:label": cx.text(s),
        });
    }
    if !n.joint_controllers.is_empty() {
        let mut members = Vec::new();
        if org.is_some() {
            members.push(cx.org_part("controller"));
        }
        for (i, j) in n.joint_controllers.iter().enumerate() {
            let jid = cx.part(nid, &["joint-controller-", &(i + 1).to_string()]);
            out.push(obj! {
                "@id": jid.clone(),
                "@type": "dpv:DataController",
                "dpv:hasName": cx.text(&j.name),
                "hysbys:responsibilities": cx.text(&j.responsibilities),
                "hysbys:contact": cx.text(&j.contact),
            });
            members.push(jid);
        }
        out.push(obj! {
            "@id": cx.part(nid, &["joint-controllers"]),
            "@type": "dpv:JointDataControllers",
            "dpv:hasDataController": ids(members),
        });
    }
    for c in &n.categories {
        let mut m = Obj::new();
        m.insert("@id", cx.part(nid, &["category-", &c.id.v]));
        let mut types = vec!["dpv:PersonalData"];
        if !c.special.is_empty() {
            types.push("dpv:SpecialCategoryPersonalData");
        }
        if c.criminal {
            types.push("hysbys:CriminalOffenceData");
        }
        m.insert("@type", J::arr(types));
        m.put("rdfs:label", cx.text(&c.name));
        m.put("dct:description", cx.opt_text(c.details.as_ref()));
        m.put(
            "hysbys:specialCategory",
            ids(c
                .special
                .iter()
                .map(|s| format!("hysbys:Art9-{}", s.v.code()))),
        );
        let sources: &[&'static str] = match c.source {
            DataSource::Subject => &["dpv:DataSubjectDataSource"],
            DataSource::Others => &["dpv:ThirdPartyDataSource"],
            DataSource::Both => &["dpv:DataSubjectDataSource", "dpv:ThirdPartyDataSource"],
        };
        m.insert("dpv:hasDataSource", ids(sources.iter().copied()));
        out.push(J::Obj(m));
    }
    for r in n
        .recipients
        .iter()
        .flatten()
        .filter(|r| r.catalogue.is_none())
    {
        recipient_nodes(cx, r, Some(nid), out);
    }
    for r in &n.retention {
        out.push(retention_node(cx, n, r));
    }
    for p in &n.purposes {
        out.push(process_node(cx, org, n, p));
    }
}

/// The JSON-LD document: `@context` (embedded) and `@graph`.
pub fn jsonld(project: &Project, i18n: &I18n) -> Value {
    // One implementation: the streamed one, read back.
    let mut buf = Vec::new();
    match write_jsonld(project, i18n, &mut buf) {
        Ok(()) => serde_json::from_slice(&buf).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// The DPA 2018 Schedule 1 paragraphs a notice's purposes rely on, which the JSON-LD export
/// describes once each at its end.
pub fn paragraphs(n: &Notice) -> Vec<u32> {
    let mut out = Vec::new();
    for p in &n.purposes {
        out.extend(p.schedule1.as_ref().map(|s| s.v));
        if let Some(c) = &p.criminal_condition {
            out.extend(c.v.paragraph());
            if let CriminalCondition::Extends(e) = c.v {
                out.push(e);
            }
        }
    }
    out
}

/// Stream the JSON-LD export to `w` in the layout of [`super::register::document_bytes`]
/// with the list `@graph` (one node a line), without holding the whole graph in memory.
pub fn write_jsonld(
    project: &Project,
    i18n: &I18n,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut notices: Vec<&Notice> = project.notices.iter().map(|n| &**n).collect();
    notices.sort_by(|a, b| a.id.cmp(&b.id));
    let mut w = super::Tracked::new(w);
    let mut stream = JsonldStream::begin(project, i18n, &mut w)?;
    stream.notices(project, &notices, &mut w, &super::NoParts)?;
    stream.finish(project, &mut w)
}

/// The JSON-LD export written a batch of notices at a time: [`JsonldStream::begin`] writes
/// the context and the organisation's nodes, [`JsonldStream::notices`] each batch's nodes
/// (batches in id order), [`JsonldStream::finish`] the Schedule 1 paragraphs they use.
pub struct JsonldStream<'a> {
    i18n: &'a I18n,
    list: ListWriter,
    paragraphs: Vec<u32>,
}

impl<'a> JsonldStream<'a> {
    fn cx<'p>(project: &'p Project, i18n: &'p I18n) -> Cx<'p> {
        Cx {
            langs: Lang::ALL
                .iter()
                .copied()
                .filter(|l| project.config.has(*l))
                .collect(),
            i18n,
            base: project.config.base_url.as_deref(),
        }
    }

    pub fn begin<W: std::io::Write>(
        project: &Project,
        i18n: &'a I18n,
        w: &mut super::Tracked<W>,
    ) -> std::io::Result<JsonldStream<'a>> {
        let cx = Self::cx(project, i18n);
        let mut context = Vec::new();
        self::context().write(&mut context);
        w.write_all(b"{\"@context\":")?;
        w.write_all(&context)?;
        w.write_all(b",\"@graph\":[")?;
        let mut list = ListWriter::new();
        let mut head = Vec::new();
        if let Some(o) = &project.org {
            head.push(controller_node(&cx, o));
            if let Some(s) = &o.security {
                head.push(obj! {
                    "@id": cx.org_part("security"),
                    "@type": "dpv:TechnicalOrganisationalMeasure",
                    "dct:description": cx.text(s),
                });
            }
            for r in &o.recipients {
                recipient_nodes(&cx, r, None, &mut head);
            }
        }
        for v in &head {
            list.item(w, &v.to_bytes())?;
        }
        Ok(JsonldStream {
            i18n,
            list,
            paragraphs: Vec::new(),
        })
    }

    /// The nodes of some notices of `project`, in the order given.
    pub fn notices<W: super::PartOut>(
        &mut self,
        project: &Project,
        notices: &[&Notice],
        w: &mut super::Tracked<W>,
        parts: &dyn super::Parts,
    ) -> std::io::Result<()> {
        use rayon::prelude::*;
        let cx = Self::cx(project, self.i18n);
        let org = project.org.as_ref();
        for chunk in notices.chunks(CHUNK) {
            let made: Vec<super::Part> = chunk
                .par_iter()
                .map(|n| {
                    super::Part::get(parts, n, || {
                        let mut nodes = Vec::new();
                        notice_nodes(&cx, org, n, &mut nodes);
                        // Nodes are about 2 KB each: allocate once rather than grow.
                        let mut out = Vec::with_capacity(nodes.len() * 2048);
                        for (i, v) in nodes.iter().enumerate() {
                            if i > 0 {
                                out.extend_from_slice(b",\n");
                            }
                            v.write(&mut out);
                        }
                        out
                    })
                })
                .collect::<std::io::Result<_>>()?;
            for (n, part) in chunk.iter().zip(&made) {
                let (at, len) = self.list.part(w, part)?;
                if len > 0 {
                    parts.wrote(n, at, len);
                }
            }
            for n in chunk {
                self.paragraphs.extend(paragraphs(n));
            }
            self.paragraphs.sort_unstable();
            self.paragraphs.dedup();
        }
        Ok(())
    }

    /// Add Schedule 1 paragraphs used by notices given only as stubs (see [`paragraphs`]).
    pub fn add_paragraphs(&mut self, more: &[u32]) {
        self.paragraphs.extend_from_slice(more);
        self.paragraphs.sort_unstable();
        self.paragraphs.dedup();
    }

    /// The Schedule 1 paragraphs the notices use, and the end of the document.
    pub fn finish<W: std::io::Write>(
        self,
        project: &Project,
        w: &mut super::Tracked<W>,
    ) -> std::io::Result<()> {
        let cx = Self::cx(project, self.i18n);
        let mut list = self.list;
        for p in self.paragraphs {
            let mut m = Obj::new();
            m.insert("@id", sch1_iri(p));
            m.put("rdfs:label", cx.msg(&format!("sch1-{p}")));
            m.put("hysbys:schedule1Part", schedule1_part(p));
            list.item(w, &J::Obj(m).to_bytes())?;
        }
        list.finish(w)
    }
}
