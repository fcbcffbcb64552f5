//! `hysbys.toml`: build settings. Every key is optional; unknown keys and bad values are
//! diagnostics with a position, like any other source file.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diag::{did_you_mean, Diagnostic, Level};
use crate::load::yaml::Pos;
use crate::model::{FileId, Lang, Text};

#[derive(Debug, Clone)]
pub struct Config {
    pub title: Text,
    /// Absolute http(s), ending in `/`.
    pub base_url: Option<String>,
    /// The first is the primary language.
    pub languages: Vec<Lang>,
    pub theme: String,
    pub output: String,
    pub minify: bool,
    pub lints: BTreeMap<String, Level>,
    pub regulator: Regulator,
}

/// `[regulator]` overrides of the built-in ICO details, key by key.
#[derive(Debug, Clone, Default)]
pub struct Regulator {
    pub name: Option<Text>,
    pub address: Option<Text>,
    pub phone: Option<String>,
    pub website: Option<Text>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: Text::new(
                "Privacy notices",
                "Hysbysiadau preifatrwydd",
                Pos::default(),
            ),
            base_url: None,
            languages: vec![Lang::En, Lang::Cy],
            theme: "default".into(),
            output: "output".into(),
            minify: true,
            lints: BTreeMap::new(),
            regulator: Regulator::default(),
        }
    }
}

impl Config {
    pub fn primary(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::En)
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }
}

/// Byte offset → 1-based line and column (in characters).
pub fn pos_at(text: &str, byte: usize, len_bytes: usize) -> Pos {
    let byte = byte.min(text.len());
    let before = text.get(..byte).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    let index = before.chars().count();
    let len = text
        .get(byte..(byte + len_bytes).min(text.len()))
        .map_or(1, |s| s.chars().count().max(1));
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
        index: u32::try_from(index).unwrap_or(u32::MAX),
        len: u32::try_from(len).unwrap_or(u32::MAX),
    }
}

struct Reader<'a> {
    file: FileId,
    text: &'a str,
    diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn pos<T>(&self, s: &Spanned<T>) -> Pos {
        let r = s.span();
        pos_at(self.text, r.start, r.end.saturating_sub(r.start))
    }

    fn err<T>(&mut self, lint: &'static str, at: &Spanned<T>, msg: String, help: Option<String>) {
        let mut d = Diagnostic::new(lint, self.file, self.pos(at), msg);
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diags.push(d);
    }

    fn table<'t, 'i>(
        &mut self,
        v: &'t Spanned<DeValue<'i>>,
        what: &str,
        known: &[&str],
    ) -> Option<&'t DeTable<'i>> {
        let DeValue::Table(t) = v.get_ref() else {
            self.err(
                "invalid-value",
                v,
                format!("`{what}` must be a table"),
                None,
            );
            return None;
        };
        for (k, _) in t.iter() {
            if !known.contains(&k.get_ref().as_ref()) {
                let help = did_you_mean(k.get_ref(), known.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"))
                    .or_else(|| Some(format!("the keys of `{what}` are: {}", known.join(", "))));
                self.err(
                    "unknown-field",
                    k,
                    format!("unknown key `{}` in `{what}`", k.get_ref()),
                    help,
                );
            }
        }
        Some(t)
    }

    fn string(&mut self, v: &Spanned<DeValue<'_>>, what: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.err(
                    "invalid-value",
                    v,
                    format!("`{what}` must be a string"),
                    None,
                );
                None
            }
        }
    }

    fn bool(&mut self, v: &Spanned<DeValue<'_>>, what: &str) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.err(
                    "invalid-value",
                    v,
                    format!("`{what}` must be `true` or `false`"),
                    None,
                );
                None
            }
        }
    }

    /// A string, or a table `{en = "…", cy = "…"}`.
    fn text(&mut self, v: &Spanned<DeValue<'_>>, what: &str) -> Option<Text> {
        let pos = self.pos(v);
        match v.get_ref() {
            DeValue::String(s) => Some(Text::same(s, pos)),
            DeValue::Table(_) => {
                let t = self.table(v, what, &["en", "cy"])?;
                let (mut en, mut cy) = (String::new(), String::new());
                for (k, val) in t.iter() {
                    let s = self.string(val, what)?;
                    match k.get_ref().as_ref() {
                        "en" => en = s,
                        "cy" => cy = s,
                        _ => {}
                    }
                }
                Some(Text::new(&en, &cy, pos))
            }
            _ => {
                self.err(
                    "invalid-value",
                    v,
                    format!("`{what}` must be a string or `{{en = \"…\", cy = \"…\"}}`"),
                    None,
                );
                None
            }
        }
    }
}

fn get<'t, 'i>(t: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
}

/// Read `hysbys.toml`. Problems go to `diags`; what can be read is kept.
pub fn parse(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Config {
    let mut cfg = Config::default();
    let root = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let pos = pos_at(text, span.start, span.end.saturating_sub(span.start));
            diags.push(Diagnostic::new(
                "parse-error",
                file,
                pos,
                format!("hysbys.toml: {}", e.message().trim()),
            ));
            return cfg;
        }
    };
    let mut r = Reader { file, text, diags };
    let top = root.get_ref();
    for (k, _) in top.iter() {
        let known = ["site", "build", "lints", "regulator"];
        if !known.contains(&k.get_ref().as_ref()) {
            let help = did_you_mean(k.get_ref(), known).map(|s| format!("did you mean `[{s}]`?"));
            r.err(
                "unknown-field",
                k,
                format!("unknown table `{}` in hysbys.toml", k.get_ref()),
                help,
            );
        }
    }
    if let Some(site) = get(top, "site") {
        if let Some(t) = r.table(site, "site", &["title", "base_url", "languages", "theme"]) {
            if let Some(v) = get(t, "languages") {
                let langs: Option<Vec<Lang>> = match v.get_ref() {
                    DeValue::Array(items) => items
                        .iter()
                        .map(|i| match i.get_ref() {
                            DeValue::String(s) => Lang::from_code(s),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                match langs {
                    Some(l) if matches!(l.as_slice(), [_] | [Lang::En, Lang::Cy] | [Lang::Cy, Lang::En]) => {
                        cfg.languages = l;
                    }
                    _ => r.err(
                        "invalid-value",
                        v,
                        "`languages` must be [\"en\"], [\"cy\"], [\"en\", \"cy\"] or [\"cy\", \"en\"]".into(),
                        Some("the first language is the primary one".into()),
                    ),
                }
            }
            if let Some(v) = get(t, "title") {
                if let Some(title) = r.text(v, "site.title") {
                    cfg.title = title;
                }
            }
            if let Some(v) = get(t, "base_url") {
                if let Some(mut s) = r.string(v, "site.base_url") {
                    if crate::load::convert::is_http_url(&s) {
                        if !s.ends_with('/') {
                            s.push('/');
                        }
                        cfg.base_url = Some(s);
                    } else {
                        r.err(
                            "invalid-value",
                            v,
                            format!("`{s}` is not an absolute http(s) URL"),
                            Some(
                                "e.g. base_url = \"https://www.example.gov.wales/privacy/\"".into(),
                            ),
                        );
                    }
                }
            }
            if let Some(v) = get(t, "theme") {
                if let Some(s) = r.string(v, "site.theme") {
                    if crate::load::convert::is_id(&s) {
                        cfg.theme = s;
                    } else {
                        r.err("invalid-value", v, format!("`{s}` is not a theme name"), Some("a theme name is a folder name under themes/ in lower case, letters, digits and hyphens".into()));
                    }
                }
            }
        }
    }
    if let Some(build) = get(top, "build") {
        if let Some(t) = r.table(build, "build", &["output", "minify"]) {
            if let Some(v) = get(t, "output") {
                if let Some(s) = r.string(v, "build.output") {
                    cfg.output = s;
                }
            }
            if let Some(v) = get(t, "minify") {
                if let Some(b) = r.bool(v, "build.minify") {
                    cfg.minify = b;
                }
            }
        }
    }
    if let Some(lints) = get(top, "lints") {
        let names: Vec<&str> = crate::rules::LINTS.iter().map(|l| l.name).collect();
        if let Some(t) = r.table(lints, "lints", &names) {
            for (k, v) in t.iter() {
                let name = k.get_ref().as_ref();
                let Some(lint) = crate::rules::lint(name) else {
                    continue;
                };
                if !lint.configurable() {
                    r.err(
                        "invalid-value",
                        k,
                        format!("`{name}` is always an error and cannot be configured"),
                        Some("remove it from [lints]".into()),
                    );
                    continue;
                }
                let level = match v.get_ref() {
                    DeValue::String(s) => Level::from_code(s),
                    _ => None,
                };
                match level {
                    Some(l) => {
                        cfg.lints.insert(name.to_owned(), l);
                    }
                    None => r.err(
                        "invalid-value",
                        v,
                        format!("the level of `{name}` must be \"allow\", \"warn\" or \"deny\""),
                        None,
                    ),
                }
            }
        }
    }
    if let Some(reg) = get(top, "regulator") {
        if let Some(t) = r.table(reg, "regulator", &["name", "address", "phone", "website"]) {
            if let Some(v) = get(t, "name") {
                cfg.regulator.name = r.text(v, "regulator.name");
            }
            if let Some(v) = get(t, "address") {
                cfg.regulator.address = r.text(v, "regulator.address");
            }
            if let Some(v) = get(t, "phone") {
                cfg.regulator.phone = r.string(v, "regulator.phone");
            }
            if let Some(v) = get(t, "website") {
                cfg.regulator.website = r.text(v, "regulator.website");
            }
        }
    }
    // A text map in the config must give every language of the site.
    let langs = cfg.languages.clone();
    for (t, what) in [
        (Some(&cfg.title), "site.title"),
        (cfg.regulator.name.as_ref(), "regulator.name"),
        (cfg.regulator.address.as_ref(), "regulator.address"),
        (cfg.regulator.website.as_ref(), "regulator.website"),
    ] {
        let Some(t) = t else { continue };
        for l in &langs {
            if t.get(*l).trim().is_empty() {
                r.diags.push(
                    Diagnostic::new(
                        "missing-translation",
                        file,
                        t.pos,
                        format!("`{what}` has no `{}`", l.code()),
                    )
                    .help(format!("add `{} = \"…\"`", l.code())),
                );
            }
        }
    }
    cfg
}
