//! From a spanned YAML tree to the model's types: shape, types and value rules (the
//! always-error lints: `unknown-field`, `missing-field`, `invalid-value`, `invalid-id`,
//! `missing-translation`, `invalid-duration`). References are left as ids for
//! [`super::resolve`]. Every problem is collected; reading goes on past each one.

use super::yaml::{same_key, Key, Node, Pos, Value};
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::*;

/// The reading context of one file.
pub struct Cx<'a> {
    pub file: FileId,
    pub langs: &'a [Lang],
    pub diags: &'a mut Vec<Diagnostic>,
}

/// A mapping whose keys have been checked against the known ones.
pub struct Fields<'n> {
    entries: &'n [(Key<'n>, Node<'n>)],
    /// Where a missing field is reported: the mapping's first key.
    pub first_key: Pos,
}

impl<'n> Fields<'n> {
    /// The value of `key`, or `None` when absent or null.
    pub fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.entries
            .iter()
            .find(|(k, _)| same_key(k.name, key))
            .map(|(_, v)| v)
            .filter(|v| !matches!(v.value, Value::Null))
    }

    /// Is the key written at all (even as null)?
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| same_key(k.name, key))
    }

    /// The keys of `known` written in this mapping (even as null or an invalid value), so a
    /// rule does not report a field as missing when it was written but wrong.
    pub fn written(&self, known: &[&'static str]) -> Vec<&'static str> {
        // At most one for each key written: room for that many, not grown from four.
        let mut written = Vec::with_capacity(self.entries.len().min(known.len()));
        written.extend(known.iter().copied().filter(|k| {
            match self.entries.iter().find(|(key, _)| same_key(key.name, k)) {
                None => false,
                Some((_, v)) => match &v.value {
                    // `null`, `~` and an empty value mean absent; so does an empty list,
                    // except `recipients: []` ("we share with no one").
                    Value::Null => false,
                    Value::Seq(items) => !items.is_empty() || *k == "recipients",
                    _ => true,
                },
            }
        }));
        written
    }

    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(k, _)| same_key(k.name, key))
            .map(|(k, _)| k.pos)
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Scalar { .. } => "a single value",
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping",
        Value::Null => "nothing",
    }
}

pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

pub fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

pub fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => {
            !a.is_empty()
                && b.contains('.')
                && !b.starts_with('.')
                && !b.ends_with('.')
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        }
        _ => false,
    }
}

pub fn is_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 3
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')'))
}

impl Cx<'_> {
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub fn diag(&self, lint: &'static str, pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(lint, self.file, pos, message)
    }

    fn invalid(&mut self, node: &Node, expected: &str) {
        let d = self
            .diag(
                "invalid-value",
                node.pos,
                format!("expected {expected}, found {}", describe(&node.value)),
            )
            .label(format!("expected {expected}"));
        self.push(d);
    }

    /// A mapping with only `known` keys; unknown keys are reported with a suggestion.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node<'n>,
        what: &str,
        known: &[&str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.invalid(node, &format!("{what} (a mapping)"));
            return None;
        };
        for (k, _) in *entries {
            if !known.iter().any(|name| same_key(name, k.name)) {
                let mut d = self
                    .diag(
                        "unknown-field",
                        k.pos,
                        format!("unknown field `{}` in {what}", k.name),
                    )
                    .label("not a field of the format");
                d = match did_you_mean(k.name, known.iter().copied()) {
                    Some(s) => d.help(format!("did you mean `{s}`?")),
                    None => d.help(format!("the fields of {what} are: {}", known.join(", "))),
                };
                self.push(d);
            }
        }
        Some(Fields {
            entries,
            first_key: entries.first().map_or(node.pos, |(k, _)| k.pos),
        })
    }

    /// A required field; reports `missing-field` at the mapping's first key when absent.
    pub fn req<'n>(&mut self, f: &Fields<'n>, key: &str, what: &str) -> Option<&'n Node<'n>> {
        let v = f.get(key);
        if v.is_none() {
            let noun = what.strip_prefix("the ").unwrap_or(what);
            let d = self
                .diag(
                    "missing-field",
                    f.first_key,
                    format!("{what} has no `{key}`"),
                )
                .label(format!("this {noun} needs `{key}`"))
                .help(format!("add `{key}:` to this {noun}"));
            self.push(d);
        }
        v
    }

    pub fn scalar<'n>(&mut self, node: &'n Node<'n>, expected: &str) -> Option<&'n str> {
        match &node.value {
            Value::Scalar { text, .. } => Some(text),
            _ => {
                self.invalid(node, expected);
                None
            }
        }
    }

    pub fn string(&mut self, node: &Node) -> Option<S<String>> {
        self.scalar(node, "a string").map(|s| S {
            v: s.to_owned(),
            pos: node.pos,
        })
    }

    pub fn bool(&mut self, node: &Node) -> Option<bool> {
        match &node.value {
            Value::Scalar { text, plain: true } if *text == "true" => Some(true),
            Value::Scalar { text, plain: true } if *text == "false" => Some(false),
            _ => {
                let d = self
                    .diag("invalid-value", node.pos, "expected `true` or `false`")
                    .label("not a boolean")
                    .help("only lower-case `true` and `false` are booleans (YAML 1.2)");
                self.push(d);
                None
            }
        }
    }

    pub fn uint(
        &mut self,
        node: &Node,
        range: std::ops::RangeInclusive<u32>,
        what: &str,
    ) -> Option<S<u32>> {
        let n = match &node.value {
            Value::Scalar { text, plain: true } => text.parse::<u32>().ok(),
            _ => None,
        };
        match n {
            Some(n) if range.contains(&n) => Some(S {
                v: n,
                pos: node.pos,
            }),
            _ => {
                let d = self
                    .diag(
                        "invalid-value",
                        node.pos,
                        format!(
                            "{what} must be a whole number from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    )
                    .label("not in range");
                self.push(d);
                None
            }
        }
    }

    pub fn id(&mut self, node: &Node) -> Option<S<Id>> {
        let s = self.scalar(node, "a string")?;
        if is_id(s) {
            Some(S {
                v: Id::from(s),
                pos: node.pos,
            })
        } else {
            let d = self
                .diag("invalid-id", node.pos, format!("`{s}` is not a valid id"))
                .label("not an id")
                .help("an id is 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit");
            self.push(d);
            None
        }
    }

    pub fn closed<E: ClosedSet>(&mut self, node: &Node) -> Option<S<E>> {
        let s = self.scalar(node, E::WHAT)?;
        if let Some(v) = E::from_code(s) {
            return Some(S { v, pos: node.pos });
        }
        let codes = E::codes();
        let mut d = self
            .diag(
                "invalid-value",
                node.pos,
                format!("`{s}` is not a {}", E::WHAT),
            )
            .label(format!("unknown {}", E::WHAT));
        d = match did_you_mean(s, codes.iter().copied()) {
            Some(c) => d.help(format!("did you mean `{c}`?")),
            None => d.help(format!("expected one of: {}", codes.join(", "))),
        };
        self.push(d);
        None
    }

    pub fn date(&mut self, node: &Node) -> Option<S<Date>> {
        let s = self.scalar(node, "a date")?;
        let ok_shape = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        match (ok_shape, s.parse::<Date>()) {
            (true, Ok(d)) => Some(S {
                v: d,
                pos: node.pos,
            }),
            _ => {
                let d = self
                    .diag(
                        "invalid-value",
                        node.pos,
                        format!("`{s}` is not a calendar date"),
                    )
                    .label("not a date")
                    .help("write dates as YYYY-MM-DD, e.g. `2026-10-01`");
                self.push(d);
                None
            }
        }
    }

    pub fn duration(&mut self, node: &Node) -> Option<S<Duration>> {
        let s = self.scalar(node, "a duration")?;
        match Duration::parse(s) {
            Ok(v) => Some(S { v, pos: node.pos }),
            Err(why) => {
                let d = self
                    .diag(
                        "invalid-duration",
                        node.pos,
                        format!("`{s}` is not a duration"),
                    )
                    .label(why)
                    .help("e.g. `P6Y`, `P30D`, `P1Y6M`, `P2W`, or `indefinite`");
                self.push(d);
                None
            }
        }
    }

    /// A text: one non-empty string per site language.
    pub fn text(&mut self, node: &Node) -> Option<Text> {
        self.plain_pair(node).or_else(|| self.text_in_full(node))
    }

    /// [`Cx::text`] by looking each language up, with the diagnostics of a text that is not
    /// a map of the site's languages to strings.
    fn text_in_full(&mut self, node: &Node) -> Option<Text> {
        let Some(f) = self.fields(node, "a text", &["en", "cy"]) else {
            if matches!(node.value, Value::Scalar { .. }) {
                if let Some(last) = self.diags.last_mut() {
                    last.help = Some(format!(
                        "write a text as a map with one string per language, e.g. `{{{}}}`",
                        self.langs
                            .iter()
                            .map(|l| format!("{}: \"…\"", l.code()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            return None;
        };
        let mut strings = ["", ""];
        let mut spans = [None; 2];
        let mut ok = true;
        for &lang in self.langs {
            let value = f.get(lang.code());
            let s = match value {
                Some(v) => self.scalar(v, "a string"),
                None => None,
            };
            match s {
                Some(s) if !blank(s) => {
                    strings[Text::slot(lang)] = s;
                    spans[Text::slot(lang)] = value.map(|n| n.pos);
                }
                _ => {
                    ok = false;
                    let name = match lang {
                        Lang::En => "English",
                        Lang::Cy => "Welsh",
                    };
                    let d = self
                        .diag(
                            "missing-translation",
                            node.pos,
                            format!("this text has no {name} (`{}`)", lang.code()),
                        )
                        .label(format!("`{}` missing or empty", lang.code()))
                        .help(format!("add `{}: \"…\"` to the text", lang.code()));
                    self.push(d);
                }
            }
        }
        // A text that lacks only a translation is still read (the error above stops any
        // build), so that `hysbys i18n` sees its primary-language string.
        let primary = self
            .langs
            .first()
            .is_some_and(|&l| !strings[Text::slot(l)].is_empty());
        (ok || primary).then(|| {
            let mut t = Text::new(strings[0], strings[1], node.pos);
            t.spans = spans;
            t
        })
    }

    /// [`Cx::text`] of the text nearly every text is: a map of two strings, neither blank,
    /// one for each of the site's two languages. It is read without looking its keys up
    /// (`None` for any other text, which [`Cx::text`] then reads in full, with its
    /// diagnostics); the answer is the same, as a test holds.
    fn plain_pair<'n>(&self, node: &Node<'n>) -> Option<Text> {
        let (Value::Map([(k0, v0), (k1, v1)]), [l0, l1]) = (&node.value, self.langs) else {
            return None;
        };
        let lang = |k: &Key| [*l0, *l1].into_iter().find(|l| same_key(k.name, l.code()));
        let scalar = |v: &Node<'n>| match v.value {
            Value::Scalar { text, .. } if !blank(text) => Some(text),
            _ => None,
        };
        let (a, b) = (lang(k0)?, lang(k1)?);
        if a == b {
            return None;
        }
        let mut strings = [""; 2];
        let mut spans = [None; 2];
        for (lang, v) in [(a, v0), (b, v1)] {
            strings[Text::slot(lang)] = scalar(v)?;
            spans[Text::slot(lang)] = Some(v.pos);
        }
        let mut t = Text::new(strings[0], strings[1], node.pos);
        t.spans = spans;
        Some(t)
    }

    /// A name: one string for every language, or a text.
    pub fn name(&mut self, node: &Node) -> Option<Text> {
        match &node.value {
            Value::Scalar { text, .. } if !blank(text) => Some(Text::same(text, node.pos)),
            Value::Map(_) => self.text(node),
            _ => {
                self.invalid(node, "a name (a string, or a text map)");
                None
            }
        }
    }

    /// A URL, or a text map of URLs, each absolute http(s).
    pub fn url(&mut self, node: &Node) -> Option<Text> {
        let t = self.name(node)?;
        let mut ok = true;
        for &lang in self.langs {
            if t.get(lang).is_empty() {
                // A missing translation, already reported.
                ok = false;
            } else if !is_http_url(t.get(lang)) {
                ok = false;
                let d = self
                    .diag(
                        "invalid-value",
                        node.pos,
                        format!("`{}` is not an absolute http(s) URL", t.get(lang)),
                    )
                    .label("not a URL")
                    .help("write a full address starting with `https://`");
                self.push(d);
                if t.plain {
                    break;
                }
            }
        }
        ok.then_some(t)
    }

    pub fn email(&mut self, node: &Node) -> Option<S<String>> {
        let s = self.string(node)?;
        if is_email(&s.v) {
            return Some(s);
        }
        let d = self
            .diag(
                "invalid-value",
                node.pos,
                format!("`{}` is not an email address", s.v),
            )
            .label("not an email address")
            .help("write one address such as `dpo@example.gov.wales`");
        self.push(d);
        None
    }

    pub fn phone(&mut self, node: &Node) -> Option<S<String>> {
        let s = self.string(node)?;
        if is_phone(&s.v) {
            return Some(s);
        }
        let d = self
            .diag(
                "invalid-value",
                node.pos,
                format!("`{}` is not a phone number", s.v),
            )
            .label("not a phone number")
            .help("use digits, spaces, `+`, `(` and `)` only, e.g. `01978 292000`");
        self.push(d);
        None
    }

    /// A list (absent or null: empty).
    pub fn list<'n>(&mut self, node: Option<&'n Node<'n>>) -> &'n [Node<'n>] {
        match node {
            None => &[],
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items,
            Some(n) => {
                self.invalid(n, "a list");
                &[]
            }
        }
    }

    /// A list of ids (references).
    pub fn refs(&mut self, node: Option<&Node>) -> Vec<S<Id>> {
        let items = self.list(node);
        each(items, |n| self.id(n))
    }

    pub fn texts(&mut self, node: Option<&Node>, name: bool) -> Vec<Text> {
        let items = self.list(node);
        each(items, |n| if name { self.name(n) } else { self.text(n) })
    }

    pub fn opt<T>(
        &mut self,
        f: &Fields<'_>,
        key: &str,
        read: impl FnOnce(&mut Self, &Node) -> Option<T>,
    ) -> Option<T> {
        f.get(key).and_then(|n| read(self, n))
    }
}

/// `read` of each of `items` that it reads, in a vector made with room for all of them:
/// a `collect` of a `filter_map` cannot know how many there will be, so it starts with
/// room for four and grows, copying what it holds each time.
fn each<'n, T>(items: &'n [Node<'n>], read: impl FnMut(&'n Node<'n>) -> Option<T>) -> Vec<T> {
    let mut v = Vec::with_capacity(items.len());
    v.extend(items.iter().filter_map(read));
    v
}

/// Whether `s` is empty or only white space, as `str::trim` has it. Nearly every string
/// starts with a letter, which settles it at once; `trim` takes a character at a time
/// from each end, through the standard library's general search for a pattern.
fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => false,
        _ => s.trim().is_empty(),
    }
}

// ---------------------------------------------------------------------------------------
// The organisation file

pub const ORG_FIELDS: &[&str] = &[
    "name",
    "public_authority",
    "address",
    "email",
    "phone",
    "ico_registration",
    "website",
    "representative",
    "dpo",
    "dpo_required",
    "rights_contact",
    "complaints",
    "security",
    "appropriate_policy_document",
    "recipients",
    "retention",
];

pub fn organisation(cx: &mut Cx<'_>, root: &Node) -> Option<Organisation> {
    let f = cx.fields(root, "the organisation file", ORG_FIELDS)?;
    let name = cx
        .req(&f, "name", "the organisation")
        .and_then(|n| cx.name(n));
    let public_authority = cx
        .req(&f, "public_authority", "the organisation")
        .and_then(|n| cx.bool(n).map(|v| S { v, pos: n.pos }));
    let address = cx
        .req(&f, "address", "the organisation")
        .and_then(|n| cx.text(n));
    let email = cx.opt(&f, "email", Cx::email);
    let phone = cx.opt(&f, "phone", Cx::phone);
    let ico_registration = cx.opt(&f, "ico_registration", |cx, n| {
        let s = cx.string(n)?;
        let ok = s.v.len() == 8
            && s.v.starts_with('Z')
            && s.v
                .bytes()
                .skip(1)
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !ok {
            let d = cx
                .diag(
                    "invalid-value",
                    n.pos,
                    format!("`{}` is not an ICO registration number", s.v),
                )
                .label("expected Z and seven capital letters or digits")
                .help("copy the number from the ICO register, e.g. `Z1234567`");
            cx.push(d);
            return None;
        }
        Some(s)
    });
    let website = cx.opt(&f, "website", Cx::url);
    let representative = cx.opt(&f, "representative", |cx, n| {
        let f = cx.fields(n, "the representative", &["name", "address", "email"])?;
        let name = cx
            .req(&f, "name", "the representative")
            .and_then(|n| cx.name(n));
        let address = cx
            .req(&f, "address", "the representative")
            .and_then(|n| cx.text(n));
        let email = cx.opt(&f, "email", Cx::email);
        Some(Representative {
            name: name.unwrap_or_default(),
            address: address.unwrap_or_default(),
            email,
        })
    });
    let dpo = cx.opt(&f, "dpo", |cx, n| {
        let f = cx.fields(n, "the DPO", &["email", "phone", "address", "name"])?;
        let dpo = Dpo {
            name: cx.opt(&f, "name", Cx::name),
            email: cx.opt(&f, "email", Cx::email),
            phone: cx.opt(&f, "phone", Cx::phone),
            address: cx.opt(&f, "address", Cx::text),
        };
        if !f.has("email") && !f.has("address") {
            let d = cx
                .diag(
                    "missing-field",
                    f.first_key,
                    "the DPO has neither `email` nor `address`",
                )
                .label("the DPO needs a way to be reached")
                .help("add `email:` or `address:` (Art 13(1)(b))");
            cx.push(d);
        }
        Some(dpo)
    });
    let dpo_required = cx.opt(&f, "dpo_required", Cx::bool).unwrap_or(false);
    let rights_contact = cx.opt(&f, "rights_contact", |cx, n| {
        contact(cx, n, "the rights contact", false)
    });
    let complaints = cx.opt(&f, "complaints", |cx, n| {
        contact(cx, n, "the complaints contact", true)
    });
    let security = cx.opt(&f, "security", Cx::text);
    let appropriate_policy_document = cx.opt(&f, "appropriate_policy_document", Cx::url);
    let items = cx.list(f.get("recipients"));
    let recipients = each(items, |n| recipient(cx, n, true));
    let items = cx.list(f.get("retention"));
    let retention = each(items, |n| retention(cx, n, true));
    Some(Organisation {
        written: f.written(ORG_FIELDS),
        file: cx.file,
        first_key: f.first_key,
        name: name.unwrap_or_default(),
        public_authority: public_authority.unwrap_or(S {
            v: false,
            pos: f.first_key,
        }),
        address: address.unwrap_or_default(),
        email,
        phone,
        ico_registration,
        website,
        representative,
        dpo,
        dpo_required,
        rights_contact,
        complaints,
        security,
        appropriate_policy_document,
        recipients,
        retention,
    })
}

fn contact(cx: &mut Cx<'_>, n: &Node, what: &str, need_url_or_email: bool) -> Option<Contact> {
    let f = cx.fields(n, what, &["url", "email", "details"])?;
    let c = Contact {
        url: cx.opt(&f, "url", Cx::url),
        email: cx.opt(&f, "email", Cx::email),
        details: cx.opt(&f, "details", Cx::text),
    };
    if need_url_or_email && !f.has("url") && !f.has("email") {
        let d = cx
            .diag(
                "missing-field",
                f.first_key,
                format!("{what} has neither `url` nor `email`"),
            )
            .label("people must be able to complain electronically")
            .help("add `url:` (a complaints form) or `email:` (DPA 2018 s.164A)");
        cx.push(d);
    }
    Some(c)
}

// ---------------------------------------------------------------------------------------
// Entries shared by notices and the organisation catalogues

const RECIPIENT_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "details",
    "purposes",
    "categories",
    "transfers",
    "transfer",
];
const RETENTION_FIELDS: &[&str] = &[
    "id",
    "records",
    "period",
    "criteria",
    "qualifier",
    "from",
    "then",
    "categories",
    "justification",
];

/// Fields a catalogue entry may not have (they name a notice's own ids).
fn catalogue_fields(all: &[&'static str]) -> Vec<&'static str> {
    all.iter()
        .copied()
        .filter(|k| *k != "categories" && *k != "purposes")
        .collect()
}

pub fn recipient(cx: &mut Cx<'_>, n: &Node, catalogue: bool) -> Option<Recipient> {
    let known = if catalogue {
        catalogue_fields(RECIPIENT_FIELDS)
    } else {
        RECIPIENT_FIELDS.to_vec()
    };
    let f = cx.fields(n, "a recipient", &known)?;
    let id = cx.req(&f, "id", "recipient").and_then(|n| cx.id(n));
    let name = cx.req(&f, "name", "recipient").and_then(|n| cx.name(n));
    let kind = cx
        .req(&f, "kind", "recipient")
        .and_then(|n| cx.closed::<RecipientKind>(n));
    let details = cx.opt(&f, "details", Cx::text);
    let purposes = cx.refs(f.get("purposes"));
    let categories = cx.refs(f.get("categories"));
    let mut transfers = Vec::new();
    if let Some(t) = f.get("transfer") {
        if f.has("transfers") {
            let d = cx
                .diag(
                    "invalid-value",
                    t.pos,
                    "a recipient has `transfer` or `transfers`, not both",
                )
                .help("move this transfer into the `transfers` list");
            cx.push(d);
        }
        transfers.extend(transfer(cx, t));
    }
    let items = cx.list(f.get("transfers"));
    transfers.extend(items.iter().filter_map(|t| transfer(cx, t)));
    Some(Recipient {
        id: id?,
        name: name.unwrap_or_default(),
        kind: kind.map_or(RecipientKind::Controller, |k| k.v),
        details,
        purposes,
        categories,
        transfers,
        catalogue: None,
    })
}

fn transfer(cx: &mut Cx<'_>, n: &Node) -> Option<Transfer> {
    let f = cx.fields(
        n,
        "a transfer",
        &[
            "country",
            "international_organisation",
            "safeguard",
            "derogation",
            "details",
            "copy",
        ],
    )?;
    let destination = match (f.get("country"), f.get("international_organisation")) {
        (Some(c), None) => {
            let s = cx.string(c)?;
            let ok = s.v.len() == 2 && s.v.bytes().all(|b| b.is_ascii_uppercase());
            if !ok || s.v == "GB" || s.v == "UK" {
                let d = cx
                    .diag(
                        "invalid-value",
                        c.pos,
                        format!("`{}` is not a country outside the UK", s.v),
                    )
                    .label("expected an ISO 3166-1 alpha-2 code other than GB")
                    .help("e.g. `US`, `IE`, `IN`; a transfer within the UK is not a transfer");
                cx.push(d);
                return None;
            }
            Destination::Country(s)
        }
        (None, Some(o)) => Destination::InternationalOrganisation(cx.name(o)?),
        (Some(_), Some(o)) => {
            let d = cx
                .diag(
                    "invalid-value",
                    o.pos,
                    "a transfer goes to a `country` or an `international_organisation`, not both",
                )
                .help("split it into two transfers");
            cx.push(d);
            return None;
        }
        (None, None) => {
            let d = cx
                .diag("missing-field", f.first_key, "transfer has no `country`")
                .label("where does the data go?")
                .help("add `country:` (ISO 3166-1 alpha-2, e.g. `US`) or `international_organisation:`");
            cx.push(d);
            return None;
        }
    };
    let safeguard = cx.opt(&f, "safeguard", Cx::closed::<Safeguard>);
    let derogation = cx.opt(&f, "derogation", Cx::closed::<Derogation>);
    if let (Some(d), false) = (
        &derogation,
        safeguard.as_ref().map(|s| s.v) == Some(Safeguard::Derogation),
    ) {
        let diag = cx
            .diag(
                "invalid-value",
                d.pos,
                "`derogation` goes with `safeguard: derogation`",
            )
            .help("set `safeguard: derogation`, or remove `derogation`");
        cx.push(diag);
    }
    if safeguard.as_ref().map(|s| s.v) == Some(Safeguard::Derogation)
        && derogation.is_none()
        && !f.has("derogation")
    {
        let d = cx
            .diag(
                "missing-field",
                f.first_key,
                "transfer has `safeguard: derogation` but no `derogation`",
            )
            .label("which Art 49(1) derogation?")
            .help("add `derogation:` with one of a–g or `compelling-interests`");
        cx.push(d);
    }
    let details = cx.opt(&f, "details", Cx::text);
    let copy = cx.opt(&f, "copy", Cx::name);
    Some(Transfer {
        pos: n.pos,
        destination,
        safeguard,
        derogation,
        details,
        copy,
    })
}

pub fn retention(cx: &mut Cx<'_>, n: &Node, catalogue: bool) -> Option<Retention> {
    let known = if catalogue {
        catalogue_fields(RETENTION_FIELDS)
    } else {
        RETENTION_FIELDS.to_vec()
    };
    let f = cx.fields(n, "a retention entry", &known)?;
    let id = cx.req(&f, "id", "retention entry").and_then(|n| cx.id(n));
    let records = cx
        .req(&f, "records", "retention entry")
        .and_then(|n| cx.text(n));
    let keep = match (f.get("period"), f.get("criteria")) {
        (Some(p), None) => cx.duration(p).map(Keep::Period),
        (None, Some(c)) => cx.text(c).map(Keep::Criteria),
        (Some(_), Some(c)) => {
            let d = cx
                .diag(
                    "invalid-value",
                    c.pos,
                    "a retention entry has a `period` or `criteria`, not both",
                )
                .label("remove one")
                .help(
                    "use `period` for a duration, `criteria` when the period cannot be a duration",
                );
            cx.push(d);
            None
        }
        (None, None) => {
            let d = cx
                .diag(
                    "missing-field",
                    f.first_key,
                    "retention entry has no `period`",
                )
                .label("how long is it kept?")
                .help("add `period:` (e.g. `P6Y`) or `criteria:` (how the period is decided)");
            cx.push(d);
            None
        }
    };
    let qualifier = cx
        .opt(&f, "qualifier", Cx::closed::<Qualifier>)
        .map(|q| q.v);
    let from = cx.opt(&f, "from", Cx::text);
    if let Some(Keep::Period(p)) = &keep {
        if p.v != Duration::Indefinite && from.is_none() && !f.has("from") {
            let d = cx
                .diag(
                    "missing-field",
                    f.first_key,
                    "retention entry has a period but no `from`",
                )
                .label("counted from when?")
                .help("add `from:`, the event the period counts from (e.g. the end of your case)");
            cx.push(d);
        }
    }
    let then = cx.opt(&f, "then", Cx::text);
    // An empty list means the same as an absent key: every category of the notice.
    let categories = f
        .get("categories")
        .map(|c| cx.refs(Some(c)))
        .filter(|c| !c.is_empty());
    let justification = cx.opt(&f, "justification", Cx::text);
    if let Some(Keep::Period(p)) = &keep {
        if p.v == Duration::Indefinite && justification.is_none() && !f.has("justification") {
            let d = cx
                .diag(
                    "missing-field",
                    f.first_key,
                    "retention entry kept indefinitely has no `justification`",
                )
                .label("why keep it for ever?")
                .help("add `justification:` saying why the records are kept indefinitely");
            cx.push(d);
        }
    }
    Some(Retention {
        id: id?,
        records: records.unwrap_or_default(),
        keep: keep.unwrap_or(Keep::Criteria(Text::default())),
        qualifier,
        from,
        then,
        categories,
        justification,
        catalogue: None,
    })
}

// ---------------------------------------------------------------------------------------
// A notice

/// A notice's list item that is either a plain-string catalogue ref or an inline entry.
pub enum Item<T> {
    Ref(S<Id>),
    Inline(T),
}

/// A notice as read, before references are resolved.
pub struct RawNotice {
    pub notice: Notice,
    pub recipients: Option<Vec<Item<Recipient>>>,
    pub retention: Vec<Item<Retention>>,
    /// Where `recipients`/`retention` keys stood (for empty-list diagnostics).
    pub retention_key: Option<Pos>,
}

pub const NOTICE_FIELDS: &[&str] = &[
    "title",
    "summary",
    "service",
    "data_subjects",
    "updated",
    "review_by",
    "joint_controllers",
    "channels",
    "sources",
    "categories",
    "purposes",
    "recipients",
    "retention",
    "automated_decisions",
    "statutory_requirement",
    "rights_note",
    "sections",
    "changes",
];

pub const PURPOSE_FIELDS: &[&str] = &[
    "id",
    "name",
    "details",
    "categories",
    "lawful_basis",
    "legitimate_interests",
    "annex1",
    "legislation",
    "special_condition",
    "schedule1",
    "criminal_condition",
    "consent_withdrawal",
    "direct_marketing",
];

pub fn notice(cx: &mut Cx<'_>, id: &str, root: &Node) -> Option<RawNotice> {
    let f = cx.fields(root, "a notice", NOTICE_FIELDS)?;
    let title = cx.req(&f, "title", "the notice").and_then(|n| cx.text(n));
    let summary = cx.req(&f, "summary", "the notice").and_then(|n| cx.text(n));
    let service = cx.opt(&f, "service", Cx::text);
    let data_subjects = f
        .get("data_subjects")
        .map(|n| cx.texts(Some(n), false))
        .filter(|v| !v.is_empty());
    let updated = cx.req(&f, "updated", "the notice").and_then(|n| cx.date(n));
    let review_by = cx.opt(&f, "review_by", Cx::date);

    let items = cx.list(f.get("joint_controllers"));
    let joint_controllers = each(items, |n| {
        let f = cx.fields(
            n,
            "a joint controller",
            &["name", "responsibilities", "contact"],
        )?;
        let name = cx
            .req(&f, "name", "joint controller")
            .and_then(|n| cx.name(n));
        let responsibilities = cx
            .req(&f, "responsibilities", "joint controller")
            .and_then(|n| cx.text(n));
        let contact = cx
            .req(&f, "contact", "joint controller")
            .and_then(|n| cx.text(n));
        Some(JointController {
            name: name.unwrap_or_default(),
            responsibilities: responsibilities.unwrap_or_default(),
            contact: contact.unwrap_or_default(),
        })
    });

    let items = cx.list(f.get("channels"));
    let channels = each(items, |n| {
        let f = cx.fields(
            n,
            "a channel",
            &["id", "name", "details", "recipients", "retention"],
        )?;
        let id = cx.req(&f, "id", "channel").and_then(|n| cx.id(n));
        let name = cx.req(&f, "name", "channel").and_then(|n| cx.text(n));
        let details = cx.opt(&f, "details", Cx::text);
        let recipients = cx.refs(f.get("recipients"));
        let retention = cx.refs(f.get("retention"));
        Some(Channel {
            id: id?,
            name: name.unwrap_or_default(),
            details,
            recipients,
            retention,
        })
    });

    let items = cx.list(f.get("sources"));
    let sources = each(items, |n| {
        let f = cx.fields(n, "a source", &["name", "details", "public"])?;
        let name = cx.req(&f, "name", "source").and_then(|n| cx.name(n));
        let details = cx.opt(&f, "details", Cx::text);
        let public = cx.opt(&f, "public", Cx::bool).unwrap_or(false);
        Some(Source {
            name: name.unwrap_or_default(),
            details,
            public,
        })
    });

    let categories = match cx.req(&f, "categories", "the notice") {
        Some(n) => {
            let items = cx.list(Some(n));
            if items.is_empty() && matches!(n.value, Value::Seq(_)) {
                let d = cx
                    .diag("missing-field", n.pos, "the notice lists no categories")
                    .help("list at least one category of personal information (Art 14(1)(d))");
                cx.push(d);
            }
            each(items, |n| category(cx, n))
        }
        None => Vec::new(),
    };

    let purposes = match cx.req(&f, "purposes", "the notice") {
        Some(n) => {
            let items = cx.list(Some(n));
            if items.is_empty() && matches!(n.value, Value::Seq(_)) {
                let d = cx
                    .diag("missing-field", n.pos, "the notice lists no purposes")
                    .help("list at least one purpose with its lawful basis (Art 13(1)(c))");
                cx.push(d);
            }
            each(items, |n| purpose(cx, n))
        }
        None => Vec::new(),
    };

    // `recipients: ~` is absent (renders nothing); only `recipients: []` says "no one".
    let recipients = if f.get("recipients").is_some() {
        let items = cx.list(f.get("recipients"));
        Some(each(items, |n| match &n.value {
            Value::Scalar { .. } => cx.id(n).map(Item::Ref),
            _ => recipient(cx, n, false).map(Item::Inline),
        }))
    } else {
        None
    };

    let retention_key = f.key_pos("retention");
    let retention = match cx.req(&f, "retention", "the notice") {
        Some(n) => {
            let items = cx.list(Some(n));
            if items.is_empty() && matches!(n.value, Value::Seq(_)) {
                let d = cx
                    .diag(
                        "missing-field",
                        n.pos,
                        "the notice lists no retention entries",
                    )
                    .help("say how long each category is kept (Art 13(2)(a))");
                cx.push(d);
            }
            each(items, |n| match &n.value {
                Value::Scalar { .. } => cx.id(n).map(Item::Ref),
                _ => retention(cx, n, false).map(Item::Inline),
            })
        }
        None => Vec::new(),
    };

    let items = cx.list(f.get("automated_decisions"));
    let automated_decisions = each(items, |n| {
        let f = cx.fields(
            n,
            "an automated decision",
            &[
                "id",
                "name",
                "logic",
                "significance",
                "consequences",
                "purposes",
            ],
        )?;
        let id = cx
            .req(&f, "id", "automated decision")
            .and_then(|n| cx.id(n));
        let name = cx
            .req(&f, "name", "automated decision")
            .and_then(|n| cx.text(n));
        let logic = cx
            .req(&f, "logic", "automated decision")
            .and_then(|n| cx.text(n));
        let significance = cx
            .req(&f, "significance", "automated decision")
            .and_then(|n| cx.text(n));
        let consequences = cx
            .req(&f, "consequences", "automated decision")
            .and_then(|n| cx.text(n));
        let purposes = match cx.req(&f, "purposes", "automated decision") {
            Some(n) => cx.refs(Some(n)),
            None => Vec::new(),
        };
        Some(AutomatedDecision {
            id: id?,
            name: name.unwrap_or_default(),
            logic: logic.unwrap_or_default(),
            significance: significance.unwrap_or_default(),
            consequences: consequences.unwrap_or_default(),
            purposes,
        })
    });

    let statutory_requirement = cx.opt(&f, "statutory_requirement", Cx::text);
    let rights_note = cx.opt(&f, "rights_note", Cx::text);

    let items = cx.list(f.get("sections"));
    let sections = each(items, |n| {
        let f = cx.fields(n, "a section", &["id", "title", "body", "after"])?;
        let id = cx.req(&f, "id", "section").and_then(|n| cx.id(n));
        let title = cx.req(&f, "title", "section").and_then(|n| cx.text(n));
        let body = cx.req(&f, "body", "section").and_then(|n| cx.text(n));
        let after = cx.opt(&f, "after", Cx::id);
        Some(Section {
            id: id?,
            title: title.unwrap_or_default(),
            body: body.unwrap_or_default(),
            after,
        })
    });

    let items = cx.list(f.get("changes"));
    let changes = each(items, |n| {
        let f = cx.fields(n, "a change", &["date", "summary"])?;
        let date = cx.req(&f, "date", "change").and_then(|n| cx.date(n));
        let summary = cx.req(&f, "summary", "change").and_then(|n| cx.text(n));
        Some(Change {
            date: date.unwrap_or(S {
                v: Date::constant(1970, 1, 1),
                pos: f.first_key,
            }),
            summary: summary.unwrap_or_default(),
        })
    });

    let notice = Notice {
        written: f.written(NOTICE_FIELDS),
        is_stub: false,
        id: id.to_owned(),
        file: cx.file,
        first_key: f.first_key,
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        service,
        data_subjects,
        updated: updated.unwrap_or(S {
            v: Date::constant(1970, 1, 1),
            pos: f.first_key,
        }),
        review_by,
        joint_controllers,
        channels,
        sources,
        categories,
        purposes,
        recipients: None,
        retention: Vec::new(),
        automated_decisions,
        statutory_requirement,
        rights_note,
        sections,
        changes,
        plain_markdown: false,
    };
    Some(RawNotice {
        notice,
        recipients,
        retention,
        retention_key,
    })
}

fn category(cx: &mut Cx<'_>, n: &Node) -> Option<Category> {
    let f = cx.fields(
        n,
        "a category",
        &["id", "name", "details", "special", "criminal", "source"],
    )?;
    let id = cx.req(&f, "id", "category").and_then(|n| cx.id(n));
    let name = cx.req(&f, "name", "category").and_then(|n| cx.text(n));
    let details = cx.opt(&f, "details", Cx::text);
    let items = cx.list(f.get("special"));
    let special = each(items, |n| cx.closed::<SpecialCategory>(n));
    let criminal = cx.opt(&f, "criminal", Cx::bool).unwrap_or(false);
    let source = cx
        .opt(&f, "source", Cx::closed::<DataSource>)
        .map_or(DataSource::Subject, |s| s.v);
    Some(Category {
        id: id?,
        name: name.unwrap_or_default(),
        details,
        special,
        criminal,
        source,
    })
}

fn purpose(cx: &mut Cx<'_>, n: &Node) -> Option<Purpose> {
    let f = cx.fields(n, "a purpose", PURPOSE_FIELDS)?;
    let id = cx.req(&f, "id", "purpose").and_then(|n| cx.id(n));
    let name = cx.req(&f, "name", "purpose").and_then(|n| cx.text(n));
    let details = cx.opt(&f, "details", Cx::text);
    let categories = match cx.req(&f, "categories", "purpose") {
        Some(n) => {
            let v = cx.refs(Some(n));
            if v.is_empty() && matches!(n.value, Value::Seq(_)) {
                let d = cx
                    .diag("missing-field", n.pos, "the purpose uses no categories")
                    .help("list the ids of the categories this purpose uses");
                cx.push(d);
            }
            v
        }
        None => Vec::new(),
    };
    let lawful_basis = cx.opt(&f, "lawful_basis", Cx::closed::<LawfulBasis>);
    let legitimate_interests = cx.opt(&f, "legitimate_interests", Cx::text);
    let annex1 = cx.opt(&f, "annex1", |cx, n| cx.uint(n, 1..=99, "`annex1`"));
    let legislation = cx.texts(f.get("legislation"), true);
    let special_condition = cx.opt(&f, "special_condition", Cx::closed::<SpecialCondition>);
    let schedule1 = cx.opt(&f, "schedule1", |cx, n| {
        cx.uint(n, 1..=37, "a Schedule 1 paragraph")
    });
    let criminal_condition = cx.opt(&f, "criminal_condition", criminal_condition);
    let consent_withdrawal = cx.opt(&f, "consent_withdrawal", Cx::text);
    let direct_marketing = cx.opt(&f, "direct_marketing", Cx::bool).unwrap_or(false);
    Some(Purpose {
        written: f.written(PURPOSE_FIELDS),
        id: id?,
        name: name.unwrap_or_default(),
        details,
        categories,
        lawful_basis,
        legitimate_interests,
        annex1,
        legislation,
        special_condition,
        schedule1,
        criminal_condition,
        consent_withdrawal,
        direct_marketing,
    })
}

fn criminal_condition(cx: &mut Cx<'_>, n: &Node) -> Option<S<CriminalCondition>> {
    match &n.value {
        Value::Scalar { text, .. } if *text == "official-authority" => Some(S {
            v: CriminalCondition::OfficialAuthority,
            pos: n.pos,
        }),
        Value::Scalar { .. } => {
            let p = cx.uint(n, 1..=37, "a Schedule 1 paragraph")?;
            Some(S {
                v: CriminalCondition::Paragraph(p.v),
                pos: n.pos,
            })
        }
        Value::Map(_) => {
            let f = cx.fields(n, "a criminal condition", &["paragraph", "extends"])?;
            let p = cx
                .req(&f, "paragraph", "criminal condition")
                .and_then(|n| cx.uint(n, 1..=37, "a Schedule 1 paragraph"));
            let e = cx
                .req(&f, "extends", "criminal condition")
                .and_then(|n| cx.uint(n, 1..=37, "a Schedule 1 paragraph"));
            let (p, e) = (p?, e?);
            if p.v != 36 {
                let d = cx
                    .diag(
                        "invalid-value",
                        p.pos,
                        "only paragraph 36 extends another condition",
                    )
                    .help("write `criminal_condition: N` for any other paragraph");
                cx.push(d);
                return None;
            }
            Some(S {
                v: CriminalCondition::Extends(e.v),
                pos: n.pos,
            })
        }
        _ => {
            cx.invalid(
                n,
                "`official-authority`, a paragraph number or `{paragraph: 36, extends: N}`",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{parse, Bump, Limits};

    /// `blank` is `trim().is_empty()`, on ASCII and on Unicode white space.
    #[test]
    fn blank_is_trimmed_empty() {
        for s in [
            "",
            " ",
            "  \n",
            "\t",
            "a",
            " a",
            "a ",
            "!",
            "~",
            "\u{a0}",
            "\u{a0}x",
            "\u{3000}",
            "\u{2003} \u{2003}",
            "ŵ",
            " ŵ",
            "\u{85}",
            "\u{200b}",
            "\u{7f}",
            "\n\ny",
        ] {
            assert_eq!(blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    /// A text read through the quick path, when it takes it, is the text read in full, and
    /// read in full it has no problem; on every other text the quick path declines.
    #[test]
    fn a_pair_of_strings_reads_as_in_full() {
        let texts = [
            "t:\n  en: Hello\n  cy: Helo\n",
            "t:\n  cy: Helo\n  en: Hello\n",
            "t:\n  en: 'Hello'\n  cy: >-\n    Helo\n    eto\n",
            "t:\n  en: Hello\n  cy: '  '\n",
            "t:\n  en: Hello\n  cy: ''\n",
            "t:\n  en: Hello\n  cy:\n",
            "t:\n  en: Hello\n",
            "t:\n  en: Hello\n  en: Hello\n",
            "t:\n  en: Hello\n  fr: Bonjour\n",
            "t:\n  en: Hello\n  cy: [Helo]\n",
            "t:\n  en: Hello\n  cy: Helo\n  fr: Bonjour\n",
            "t: Hello\n",
            "t:\n  - en: Hello\n",
        ];
        let langs_of_sites: [&[Lang]; 3] =
            [&[Lang::En, Lang::Cy], &[Lang::Cy, Lang::En], &[Lang::En]];
        let mut quick = 0;
        for text in texts {
            for langs in langs_of_sites {
                let arena = Bump::new();
                let parsed = parse(text, &arena, &Limits::default());
                let Some(Node {
                    value: Value::Map([(_, node)]),
                    ..
                }) = parsed.root
                else {
                    panic!("{text:?} is one key");
                };
                let mut diags = Vec::new();
                let mut cx = Cx {
                    file: 0,
                    langs,
                    diags: &mut diags,
                };
                let full = cx.text_in_full(node);
                let problems = cx.diags.len();
                match cx.plain_pair(node) {
                    Some(t) => {
                        quick += 1;
                        assert_eq!(Some(t), full, "{text:?} {langs:?}");
                        assert_eq!(problems, 0, "{text:?} {langs:?}");
                    }
                    None => assert!(
                        problems > 0 || full.is_none() || langs.len() != 2,
                        "{text:?} {langs:?}: declined a text read with no problem"
                    ),
                }
            }
        }
        assert_eq!(quick, 6, "three texts, two orders of languages");
    }
}
