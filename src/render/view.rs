//! View models: one small serialisable struct per page, with text chosen for the page's
//! language, Markdown rendered and sanitised, articles, Schedule 1 titles and rights
//! already derived. Templates see only these; no legal logic lives in a template.

use crate::emit::concat;
use fluent_bundle::FluentValue;
use serde::Serialize;

use super::markdown::{to_html, to_inline_html};
use super::words;
use crate::i18n::I18n;
use crate::model::rights::{notice_rights, purpose_rights};
use crate::model::*;
use crate::Project;

/// What every view needs to turn model values into words.
pub struct Ctx<'a> {
    pub project: &'a Project,
    pub i18n: &'a I18n,
    pub lang: Lang,
}

impl Ctx<'_> {
    fn t(&self, text: &Text) -> String {
        text.get(self.lang).to_owned()
    }

    fn md(&self, text: &Text) -> String {
        to_html(text.get(self.lang), 2)
    }

    fn md_opt(&self, text: &Option<Text>) -> Option<String> {
        text.as_ref().map(|t| self.md(t))
    }

    fn inline(&self, text: &Text) -> String {
        to_inline_html(text.get(self.lang))
    }

    fn msg(&self, id: &str) -> String {
        self.i18n.msg(self.lang, id)
    }

    fn fmt(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.fmt(self.lang, id, args)
    }

    fn article(&self, article: &str) -> String {
        self.fmt("cite-article", &[("article", FluentValue::from(article))])
    }

    fn date(&self, d: Date) -> String {
        words::date(self.i18n, self.lang, d)
    }

    fn schedule1(&self, paragraph: u32) -> Condition {
        let part = schedule1_part(paragraph).unwrap_or(0);
        Condition {
            name: self.msg(&format!("sch1-{paragraph}")),
            citation: self.fmt(
                "cite-schedule1",
                &[
                    ("part", FluentValue::from(i64::from(part))),
                    ("paragraph", FluentValue::from(i64::from(paragraph))),
                ],
            ),
        }
    }

    /// A URL in the page's language (a map gives one per language).
    fn url(&self, t: &Text) -> String {
        self.t(t)
    }
}

#[derive(Debug, Serialize)]
pub struct Condition {
    pub name: String,
    pub citation: String,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub text: String,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct Controller {
    pub intro: String,
    pub address: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub website: Option<String>,
    pub ico_registration: Option<String>,
    pub representative: Option<Representative>,
    pub dpo: Option<DpoView>,
}

#[derive(Debug, Serialize)]
pub struct Representative {
    pub name: String,
    pub address: String,
    pub email: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DpoView {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone_href: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JointView {
    pub name: String,
    pub responsibilities: String,
    pub contact: String,
}

#[derive(Debug, Serialize)]
pub struct ChannelView {
    pub id: crate::model::Id,
    pub name: String,
    pub details: Option<String>,
    pub processors: Vec<String>,
    pub retention: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CategoryView {
    pub id: crate::model::Id,
    pub name: String,
    pub details: Option<String>,
    pub special: Option<String>,
    pub criminal: bool,
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct SourceView {
    pub name: String,
    pub details: Option<String>,
    pub public: bool,
}

#[derive(Debug, Serialize)]
pub struct PurposeView {
    pub id: crate::model::Id,
    pub name: String,
    pub details: Option<String>,
    pub categories: Vec<String>,
    pub basis: Option<Condition>,
    pub legitimate_interests: Option<String>,
    pub annex1: Option<String>,
    pub legislation: Vec<String>,
    pub special: Option<Condition>,
    pub schedule1: Option<Condition>,
    pub criminal: Option<Condition>,
    pub consent_withdrawal: Option<String>,
    pub direct_marketing: bool,
}

#[derive(Debug, Serialize)]
pub struct TransferView {
    pub destination: String,
    pub safeguard: Option<Condition>,
    pub details: Option<String>,
    pub copy: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RecipientView {
    pub id: crate::model::Id,
    pub name: String,
    pub kind: String,
    pub details: Option<String>,
    pub purposes: Vec<String>,
    pub categories: Vec<String>,
    pub transfers: Vec<TransferView>,
}

#[derive(Debug, Serialize)]
pub struct RetentionView {
    pub id: crate::model::Id,
    pub records: String,
    pub period: String,
    pub from: Option<String>,
    pub then: String,
    pub categories: Vec<String>,
    pub justification: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DecisionView {
    pub name: String,
    pub logic: String,
    pub significance: String,
    pub consequences: String,
    pub purposes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RightView {
    pub code: &'static str,
    pub name: String,
    pub description: String,
    /// "This right applies to: …" when it does not apply to every purpose.
    pub applies_to: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ContactView {
    pub url: Option<String>,
    pub email: Option<String>,
    pub details: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RegulatorView {
    pub intro: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub phone_href: String,
    pub website: String,
}

#[derive(Debug, Serialize)]
pub struct ChangeView {
    pub date: String,
    pub iso: String,
    pub summary: String,
}

/// One section of a notice page; `kind` picks the template block.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Body {
    Controller(Box<Controller>),
    JointControllers {
        items: Vec<JointView>,
    },
    DataSubjects {
        items: Vec<String>,
    },
    Collection {
        items: Vec<ChannelView>,
    },
    Categories {
        items: Vec<CategoryView>,
    },
    Sources {
        items: Vec<SourceView>,
    },
    Purposes {
        items: Vec<PurposeView>,
    },
    Recipients {
        items: Vec<RecipientView>,
        /// "We do not share…" or "only within…", when that is the case.
        statement: Option<String>,
    },
    Retention {
        items: Vec<RetentionView>,
    },
    AutomatedDecisions {
        items: Vec<DecisionView>,
    },
    StatutoryRequirement {
        html: String,
    },
    Rights {
        direct_marketing: Option<String>,
        items: Vec<RightView>,
        note: Option<String>,
        contact: Option<ContactView>,
    },
    Complaints(ContactView),
    Ico(RegulatorView),
    Changes {
        items: Vec<ChangeView>,
    },
    Custom {
        html: String,
    },
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: crate::model::Id,
    pub title: String,
    pub body: Body,
}

#[derive(Debug, Serialize)]
pub struct NoticePage {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub controller_name: String,
    pub updated: String,
    pub updated_iso: String,
    pub review_by: Option<String>,
    pub service: Option<String>,
    pub sections: Vec<SectionView>,
}

fn tel(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn names<'a>(
    cx: &Ctx<'_>,
    ids: impl IntoIterator<Item = &'a str>,
    lookup: impl Fn(&str) -> Option<&'a Text>,
) -> Vec<String> {
    ids.into_iter()
        .filter_map(|id| lookup(id).map(|t| cx.t(t)))
        .collect()
}

pub fn controller(cx: &Ctx<'_>, o: &Organisation) -> Controller {
    Controller {
        intro: cx.fmt(
            "controller-intro",
            &[("name", FluentValue::from(cx.t(&o.name)))],
        ),
        address: cx.t(&o.address),
        email: o.email.as_ref().map(|e| e.v.clone()),
        phone: o.phone.as_ref().map(|p| p.v.clone()),
        phone_href: o.phone.as_ref().map(|p| tel(&p.v)),
        website: o.website.as_ref().map(|w| cx.url(w)),
        ico_registration: o.ico_registration.as_ref().map(|r| {
            cx.fmt(
                "ico-registration",
                &[("number", FluentValue::from(r.v.as_str()))],
            )
        }),
        representative: o.representative.as_ref().map(|r| Representative {
            name: cx.t(&r.name),
            address: cx.t(&r.address),
            email: r.email.as_ref().map(|e| e.v.clone()),
        }),
        dpo: o.dpo.as_ref().map(|d| DpoView {
            name: d.name.as_ref().map(|n| cx.t(n)),
            email: d.email.as_ref().map(|e| e.v.clone()),
            phone: d.phone.as_ref().map(|p| p.v.clone()),
            phone_href: d.phone.as_ref().map(|p| tel(&p.v)),
            address: d.address.as_ref().map(|a| cx.t(a)),
        }),
    }
}

pub fn contact(cx: &Ctx<'_>, c: &Contact) -> ContactView {
    ContactView {
        url: c.url.as_ref().map(|u| cx.url(u)),
        email: c.email.as_ref().map(|e| e.v.clone()),
        details: cx.md_opt(&c.details),
    }
}

pub fn regulator(cx: &Ctx<'_>) -> RegulatorView {
    let r = &cx.project.config.regulator;
    let name = r
        .name
        .as_ref()
        .map_or_else(|| cx.msg("regulator-name"), |t| cx.t(t));
    let phone = r.phone.clone().unwrap_or_else(|| cx.msg("regulator-phone"));
    RegulatorView {
        intro: cx.fmt(
            "ico-intro",
            &[("regulator", FluentValue::from(name.as_str()))],
        ),
        address: r
            .address
            .as_ref()
            .map_or_else(|| cx.msg("regulator-address"), |t| cx.t(t)),
        phone_href: tel(&phone),
        phone,
        website: r
            .website
            .as_ref()
            .map_or_else(|| cx.msg("regulator-website"), |t| cx.t(t)),
        name,
    }
}

fn purpose_view(cx: &Ctx<'_>, n: &Notice, p: &Purpose) -> PurposeView {
    PurposeView {
        id: p.id.v.clone(),
        name: cx.t(&p.name),
        details: cx.md_opt(&p.details),
        categories: names(cx, p.categories.iter().map(|c| c.v.as_str()), |id| {
            n.category(id).map(|c| &c.name)
        }),
        basis: p.lawful_basis.as_ref().map(|b| Condition {
            name: cx.msg(&concat(&["basis-", b.v.code()])),
            citation: cx.article(b.v.article().unwrap_or("6(1)")),
        }),
        legitimate_interests: p.legitimate_interests.as_ref().map(|t| cx.t(t)),
        annex1: p.annex1.as_ref().map(|a| {
            cx.fmt(
                "cite-annex1",
                &[("paragraph", FluentValue::from(i64::from(a.v)))],
            )
        }),
        legislation: p.legislation.iter().map(|l| cx.t(l)).collect(),
        special: p.special_condition.as_ref().map(|c| Condition {
            name: cx.msg(&concat(&["special-", c.v.code()])),
            citation: cx.article(c.v.article().unwrap_or("9(2)")),
        }),
        schedule1: p.schedule1.as_ref().map(|s| cx.schedule1(s.v)),
        criminal: p.criminal_condition.as_ref().map(|c| match c.v {
            CriminalCondition::OfficialAuthority => Condition {
                name: cx.msg("criminal-official-authority"),
                citation: cx.article("10"),
            },
            CriminalCondition::Paragraph(k) => cx.schedule1(k),
            CriminalCondition::Extends(k) => {
                let mut c = cx.schedule1(36);
                c.name = format!(
                    "{} ({})",
                    c.name,
                    cx.fmt(
                        "cite-schedule1-extends",
                        &[("paragraph", FluentValue::from(i64::from(k)))]
                    )
                );
                c
            }
        }),
        consent_withdrawal: cx.md_opt(&p.consent_withdrawal),
        direct_marketing: p.direct_marketing,
    }
}

fn transfer_view(cx: &Ctx<'_>, t: &Transfer) -> TransferView {
    TransferView {
        destination: match &t.destination {
            Destination::Country(c) => {
                let id = concat(&["country-", &c.v]);
                if cx.i18n.has(cx.lang, &id) {
                    cx.msg(&id)
                } else {
                    c.v.clone()
                }
            }
            Destination::InternationalOrganisation(o) => cx.t(o),
        },
        safeguard: t.safeguard.as_ref().map(|s| {
            let (name, article) = match (&s.v, &t.derogation) {
                (Safeguard::Derogation, Some(d)) => (
                    format!(
                        "{}: {}",
                        cx.msg("safeguard-derogation"),
                        cx.msg(&concat(&["derogation-", d.v.code()]))
                    ),
                    d.v.article().unwrap_or("49(1)"),
                ),
                _ => (
                    cx.msg(&concat(&["safeguard-", s.v.code()])),
                    s.v.article().unwrap_or("46"),
                ),
            };
            Condition {
                name,
                citation: cx.article(article),
            }
        }),
        details: cx.md_opt(&t.details),
        copy: t.copy.as_ref().map(|c| {
            let s = c.get(cx.lang);
            if crate::load::convert::is_http_url(s) {
                let escaped = s
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;");
                format!("<a href=\"{escaped}\">{escaped}</a>")
            } else {
                cx.inline(c)
            }
        }),
    }
}

fn recipient_view(cx: &Ctx<'_>, n: &Notice, r: &Recipient) -> RecipientView {
    RecipientView {
        id: r.id.v.clone(),
        name: cx.t(&r.name),
        kind: cx.msg(&concat(&["recipient-kind-", r.kind.code()])),
        details: cx.md_opt(&r.details),
        purposes: names(cx, r.purposes.iter().map(|p| p.v.as_str()), |id| {
            n.purpose(id).map(|p| &p.name)
        }),
        categories: names(cx, r.categories.iter().map(|c| c.v.as_str()), |id| {
            n.category(id).map(|c| &c.name)
        }),
        transfers: r.transfers.iter().map(|t| transfer_view(cx, t)).collect(),
    }
}

fn retention_view(cx: &Ctx<'_>, n: &Notice, r: &Retention) -> RetentionView {
    let period = match &r.keep {
        Keep::Criteria(c) => cx.inline(c),
        Keep::Period(p) => html_escape(&words::period(cx.i18n, cx.lang, p.v, r.qualifier)),
    };
    RetentionView {
        id: r.id.v.clone(),
        records: cx.t(&r.records),
        period,
        from: r.from.as_ref().map(|t| cx.t(t)),
        then: r.then.as_ref().map_or_else(
            || html_escape(&cx.msg("retention-then-default")),
            |t| cx.inline(t),
        ),
        // A row that names no categories covers them all: their names, in order, with no
        // looking up each id among them.
        categories: match &r.categories {
            Some(ids) => names(cx, ids.iter().map(|c| c.v.as_str()), |id| {
                n.category(id).map(|c| &c.name)
            }),
            None => n.categories.iter().map(|c| cx.t(&c.name)).collect(),
        },
        justification: cx.md_opt(&r.justification),
    }
}

pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_escape_into(&mut out, s);
    out
}

/// [`html_escape`], onto the end of `out`.
pub fn html_escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn rights_body(cx: &Ctx<'_>, n: &Notice) -> Body {
    let per: Vec<(&Purpose, Vec<Right>)> = n
        .purposes
        .iter()
        .map(|p| (p, purpose_rights(n, p)))
        .collect();
    let mut items = Vec::new();
    let mut direct_marketing = None;
    for r in notice_rights(n) {
        let covered: Vec<&Purpose> = per
            .iter()
            .filter(|(_, rs)| rs.contains(&r))
            .map(|(p, _)| *p)
            .collect();
        let applies_to = (covered.len() < per.len()).then(|| {
            let list = covered
                .iter()
                .map(|p| cx.t(&p.name))
                .collect::<Vec<_>>()
                .join("; ");
            cx.fmt(
                "rights-applies-to",
                &[("purposes", FluentValue::from(list))],
            )
        });
        let view = RightView {
            code: r.code(),
            name: cx.msg(&concat(&["right-", r.code()])),
            description: cx.msg(&concat(&["right-", r.code(), "-desc"])),
            applies_to,
        };
        if r == Right::ObjectDirectMarketing {
            direct_marketing = Some(
                format!(
                    "{} {}",
                    view.description,
                    view.applies_to.clone().unwrap_or_default()
                )
                .trim()
                .to_owned(),
            );
        }
        items.push(view);
    }
    // The absolute right to object to direct marketing is shown at the top (Art 21(4)).
    items.retain(|v| v.code != "object-direct-marketing");
    Body::Rights {
        direct_marketing,
        items,
        note: cx.md_opt(&n.rights_note),
        contact: cx
            .project
            .org
            .as_ref()
            .and_then(|o| o.rights_contact.as_ref())
            .map(|c| contact(cx, c)),
    }
}

/// The sections of a notice page, in page order, with custom sections in their place.
fn sections(cx: &Ctx<'_>, n: &Notice) -> Vec<SectionView> {
    let org = cx.project.org.as_ref();
    let mut out: Vec<SectionView> = Vec::new();
    for &id in BUILTIN_SECTIONS {
        let body = match id {
            "controller" => org.map(|o| Body::Controller(Box::new(controller(cx, o)))),
            "joint-controllers" => {
                (!n.joint_controllers.is_empty()).then(|| Body::JointControllers {
                    items: n
                        .joint_controllers
                        .iter()
                        .map(|j| JointView {
                            name: cx.t(&j.name),
                            responsibilities: cx.md(&j.responsibilities),
                            contact: cx.md(&j.contact),
                        })
                        .collect(),
                })
            }
            "data-subjects" => n.data_subjects.as_ref().map(|d| Body::DataSubjects {
                items: d.iter().map(|t| cx.t(t)).collect(),
            }),
            "collection" => (!n.channels.is_empty()).then(|| Body::Collection {
                items: n
                    .channels
                    .iter()
                    .map(|c| ChannelView {
                        id: c.id.v.clone(),
                        name: cx.t(&c.name),
                        details: cx.md_opt(&c.details),
                        processors: names(cx, c.recipients.iter().map(|r| r.v.as_str()), |id| {
                            n.recipients
                                .iter()
                                .flatten()
                                .find(|r| r.id.v == id)
                                .map(|r| &r.name)
                        }),
                        retention: c
                            .retention
                            .iter()
                            .filter_map(|id| n.retention.iter().find(|r| r.id.v == id.v))
                            .map(|r| {
                                let v = retention_view(cx, n, r);
                                format!("{}: {}", html_escape(&v.records), v.period)
                            })
                            .collect(),
                    })
                    .collect(),
            }),
            "categories" => Some(Body::Categories {
                items: n
                    .categories
                    .iter()
                    .map(|c| CategoryView {
                        id: c.id.v.clone(),
                        name: cx.t(&c.name),
                        details: cx.md_opt(&c.details),
                        special: (!c.special.is_empty()).then(|| {
                            let types = c
                                .special
                                .iter()
                                .map(|s| cx.msg(&concat(&["art9-", s.v.code()])))
                                .collect::<Vec<_>>()
                                .join(", ");
                            cx.fmt(
                                "category-special-types",
                                &[("types", FluentValue::from(types))],
                            )
                        }),
                        criminal: c.criminal,
                        source: cx.msg(&concat(&["source-", c.source.code()])),
                    })
                    .collect(),
            }),
            "sources" => (!n.sources.is_empty()).then(|| Body::Sources {
                items: n
                    .sources
                    .iter()
                    .map(|s| SourceView {
                        name: cx.t(&s.name),
                        details: cx.md_opt(&s.details),
                        public: s.public,
                    })
                    .collect(),
            }),
            "purposes" => Some(Body::Purposes {
                items: n.purposes.iter().map(|p| purpose_view(cx, n, p)).collect(),
            }),
            "recipients" => n.recipients.as_ref().map(|rs| {
                let statement = if rs.is_empty() {
                    Some(cx.msg("recipients-none"))
                } else if rs.iter().all(|r| r.kind == RecipientKind::Internal) {
                    let name = org.map(|o| cx.t(&o.name)).unwrap_or_default();
                    Some(cx.fmt(
                        "recipients-internal-only",
                        &[("controller", FluentValue::from(name))],
                    ))
                } else {
                    None
                };
                Body::Recipients {
                    items: rs.iter().map(|r| recipient_view(cx, n, r)).collect(),
                    statement,
                }
            }),
            "retention" => Some(Body::Retention {
                items: n
                    .retention
                    .iter()
                    .map(|r| retention_view(cx, n, r))
                    .collect(),
            }),
            "automated-decisions" => Some(Body::AutomatedDecisions {
                items: n
                    .automated_decisions
                    .iter()
                    .map(|a| DecisionView {
                        name: cx.t(&a.name),
                        logic: cx.md(&a.logic),
                        significance: cx.md(&a.significance),
                        consequences: cx.md(&a.consequences),
                        purposes: names(cx, a.purposes.iter().map(|p| p.v.as_str()), |id| {
                            n.purpose(id).map(|p| &p.name)
                        }),
                    })
                    .collect(),
            }),
            "statutory-requirement" => n
                .statutory_requirement
                .as_ref()
                .map(|s| Body::StatutoryRequirement { html: cx.md(s) }),
            "rights" => Some(rights_body(cx, n)),
            "complaints" => org
                .and_then(|o| o.complaints.as_ref())
                .map(|c| Body::Complaints(contact(cx, c))),
            "ico" => Some(Body::Ico(regulator(cx))),
            "changes" => (!n.changes.is_empty()).then(|| {
                let mut items: Vec<&Change> = n.changes.iter().collect();
                items.sort_by_key(|c| std::cmp::Reverse(c.date.v));
                Body::Changes {
                    items: items
                        .into_iter()
                        .map(|c| ChangeView {
                            date: cx.date(c.date.v),
                            iso: c.date.v.to_string(),
                            summary: cx.t(&c.summary),
                        })
                        .collect(),
                }
            }),
            _ => None,
        };
        // Custom sections without `after` go before the change history.
        if id == "changes" {
            for s in n.sections.iter().filter(|s| s.after.is_none()) {
                push_custom(cx, s, n, &mut out);
            }
        }
        if let Some(body) = body {
            out.push(SectionView {
                id: crate::model::Id::from(id),
                title: cx.msg(&format!("section-{id}")),
                body,
            });
        }
        let mut anchor = id.to_owned();
        // Sections `after` this one, and sections after those, in source order.
        loop {
            let next: Vec<&Section> = n
                .sections
                .iter()
                .filter(|s| s.after.as_ref().is_some_and(|a| a.v == anchor))
                .collect();
            if next.is_empty() {
                break;
            }
            for s in &next {
                push_custom(cx, s, n, &mut out);
            }
            // Chains (`after: my-section`) are placed after their anchor too.
            let chained: Vec<&Section> = next
                .iter()
                .flat_map(|s| {
                    n.sections
                        .iter()
                        .filter(move |x| x.after.as_ref().is_some_and(|a| a.v == s.id.v))
                })
                .collect();
            if chained.is_empty() {
                break;
            }
            for s in chained {
                push_custom(cx, s, n, &mut out);
            }
            anchor = String::new();
        }
    }
    out
}

fn push_custom(cx: &Ctx<'_>, s: &Section, _n: &Notice, out: &mut Vec<SectionView>) {
    if out.iter().any(|x| x.id == s.id.v) {
        return;
    }
    out.push(SectionView {
        id: s.id.v.clone(),
        title: cx.t(&s.title),
        body: Body::Custom {
            html: cx.md(&s.body),
        },
    });
}

pub fn notice_page(cx: &Ctx<'_>, n: &Notice) -> NoticePage {
    NoticePage {
        id: n.id.clone(),
        title: cx.t(&n.title),
        summary: cx.md(&n.summary),
        controller_name: cx
            .project
            .org
            .as_ref()
            .map(|o| cx.t(&o.name))
            .unwrap_or_default(),
        updated: cx.fmt(
            "last-updated",
            &[("date", FluentValue::from(cx.date(n.updated.v)))],
        ),
        updated_iso: n.updated.v.to_string(),
        review_by: n
            .review_by
            .as_ref()
            .map(|r| cx.fmt("review-by", &[("date", FluentValue::from(cx.date(r.v)))])),
        service: n.service.as_ref().map(|s| cx.t(s)),
        sections: sections(cx, n),
    }
}

// ---------------------------------------------------------------------------------------
// Index pages

#[derive(Debug, Serialize)]
pub struct IndexEntry {
    pub title: String,
    pub href: String,
    pub updated: String,
}

#[derive(Debug, Serialize)]
pub struct IndexGroup {
    pub name: String,
    pub notices: Vec<IndexEntry>,
}

#[derive(Debug, Serialize)]
pub struct IndexPage {
    pub intro: String,
    pub groups: Vec<IndexGroup>,
}

/// `s` in lower case with the accents of the vowels (and w and y) taken off, a character
/// at a time: what [`collation_key`] orders.
fn folded(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ẃ' | 'ẁ' | 'ŵ' | 'ẅ' => 'w',
            'ý' | 'ỳ' | 'ŷ' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// A sort key that orders Welsh words by the Welsh alphabet, where ch, dd, ff, ng, ll,
/// ph, rh and th are single letters (so "llys" sorts after "lyfr"); accents are ignored
/// at this level. English uses the plain letters.
pub fn collation_key(s: &str, lang: Lang) -> Vec<u32> {
    /// The place of each letter a–z in the Welsh alphabet (a b c ch d dd e f ff g ng h i j
    /// k l ll m n o p ph q r rh s t th u v w x y z).
    const CY_SINGLE: [u32; 26] = [
        0, 1, 2, 4, 6, 7, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 22, 23, 25, 26, 28, 29, 30, 31,
        32, 33,
    ];
    let cy_pair = |a: char, b: char| match (a, b) {
        ('c', 'h') => Some(3),
        ('d', 'd') => Some(5),
        ('f', 'f') => Some(8),
        ('n', 'g') => Some(10),
        ('l', 'l') => Some(16),
        ('p', 'h') => Some(21),
        ('r', 'h') => Some(24),
        ('t', 'h') => Some(27),
        _ => None,
    };
    let folded = folded(s);
    let mut key = Vec::with_capacity(folded.len());
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        if lang == Lang::Cy {
            if let Some(k) = folded.get(i + 1).and_then(|&next| cy_pair(c, next)) {
                key.push(1000 + k);
                i += 2;
                continue;
            }
        }
        key.push(match c {
            'a'..='z' if lang == Lang::Cy => 1000 + CY_SINGLE[(c as u8 - b'a') as usize],
            'a'..='z' => 1000 + (c as u32 - 'a' as u32) * 2,
            _ => c as u32,
        });
        i += 1;
    }
    key
}

pub fn index_page(cx: &Ctx<'_>, href: impl Fn(&Notice) -> String) -> IndexPage {
    let mut groups: Vec<(Option<String>, Vec<&Notice>)> = Vec::new();
    for n in &cx.project.notices {
        let name = n.service.as_ref().map(|s| cx.t(s));
        match groups.iter_mut().find(|(g, _)| *g == name) {
            Some((_, v)) => v.push(n),
            None => groups.push((name, vec![n])),
        }
    }
    let lang = cx.lang;
    groups.sort_by(|(a, _), (b, _)| match (a, b) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(a), Some(b)) => collation_key(a, lang)
            .cmp(&collation_key(b, lang))
            .then(a.cmp(b)),
    });
    let count = cx.project.notices.len();
    IndexPage {
        intro: cx.fmt("index-intro", &[("count", FluentValue::from(count as i64))]),
        groups: groups
            .into_iter()
            .map(|(name, mut notices)| {
                // The collation key once a notice, not once a comparison.
                notices.sort_by_cached_key(|n| {
                    let n: &Notice = n;
                    let t = n.title.get(lang);
                    (collation_key(t, lang), t, n.id.as_str())
                });
                IndexGroup {
                    name: name.unwrap_or_else(|| cx.msg("index-other-service")),
                    notices: notices
                        .into_iter()
                        .map(|n| IndexEntry {
                            title: cx.t(&n.title),
                            href: href(n),
                            updated: cx.fmt(
                                "last-updated",
                                &[("date", FluentValue::from(cx.date(n.updated.v)))],
                            ),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key as it was first written (a string and a search of the alphabet for each
    /// letter), which the table-driven one must give exactly; the folding is shared.
    fn collation_key_before(s: &str, lang: Lang) -> Vec<u32> {
        const CY: &[&str] = &[
            "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "k", "l",
            "ll", "m", "n", "o", "p", "ph", "q", "r", "rh", "s", "t", "th", "u", "v", "w", "x",
            "y", "z",
        ];
        let folded = folded(s);
        let mut key = Vec::with_capacity(folded.len());
        let mut i = 0;
        while i < folded.len() {
            let c = folded[i];
            if lang == Lang::Cy && i + 1 < folded.len() {
                let pair: String = [c, folded[i + 1]].iter().collect();
                if let Some(k) = CY.iter().position(|x| *x == pair) {
                    key.push(1000 + k as u32);
                    i += 2;
                    continue;
                }
            }
            let single = c.to_string();
            key.push(match (lang, CY.iter().position(|x| *x == single)) {
                (Lang::Cy, Some(k)) => 1000 + k as u32,
                _ if c.is_ascii_lowercase() => 1000 + (c as u32 - 'a' as u32) * 2,
                _ => c as u32,
            });
            i += 1;
        }
        key
    }

    #[test]
    fn collation_key_is_the_first_one() {
        let pieces = [
            "a", "b", "c", "h", "ch", "d", "dd", "f", "ff", "n", "g", "ng", "l", "ll", "p", "ph",
            "r", "rh", "t", "th", "w", "ŵ", "ŷ", "Â", "LL", "Ch", "-", " ", "'", "1", "é", "z",
            "q", "x", "ß", "İ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 7) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
            for lang in Lang::ALL {
                assert_eq!(
                    collation_key(&s, lang),
                    collation_key_before(&s, lang),
                    "{s:?} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn welsh_collation_treats_digraphs_as_letters() {
        let mut words = vec![
            "llys",
            "lyfr",
            "cyngor",
            "chwaraeon",
            "dydd",
            "ddoe",
            "tai",
            "theatr",
            "tŷ",
        ];
        words.sort_by_key(|w| collation_key(w, Lang::Cy));
        assert_eq!(
            words,
            [
                "cyngor",
                "chwaraeon",
                "dydd",
                "ddoe",
                "lyfr",
                "llys",
                "tai",
                "tŷ",
                "theatr"
            ]
        );
        let mut en = vec!["llys", "lyfr"];
        en.sort_by_key(|w| collation_key(w, Lang::En));
        assert_eq!(en, ["llys", "lyfr"]);
    }
}
