//! Page furniture and legal wording in English and Welsh, from Fluent files: the built-in
//! `locales/<lang>/*.ftl` embedded in the binary, overridden message by message by the
//! project's own `locales/<lang>/*.ftl`. Isolation marks are off (they would leak into the
//! HTML); Fluent output is plain text that the templates escape.

pub mod edit;
pub mod furniture;
pub mod lock;
pub mod values;
pub mod workflow;
pub mod xliff;

use std::collections::BTreeMap;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::config::pos_at;
use crate::diag::Diagnostic;
use crate::load::Sources;
use crate::model::Lang;

/// The built-in Fluent files, per language: (file name, source).
pub const BUILTIN: &[(Lang, &str, &str)] = &[
    (
        Lang::En,
        "hysbys.ftl",
        include_str!("../../locales/en/hysbys.ftl"),
    ),
    (
        Lang::En,
        "legal.ftl",
        include_str!("../../locales/en/legal.ftl"),
    ),
    (
        Lang::En,
        "countries.ftl",
        include_str!("../../locales/en/countries.ftl"),
    ),
    (
        Lang::Cy,
        "hysbys.ftl",
        include_str!("../../locales/cy/hysbys.ftl"),
    ),
    (
        Lang::Cy,
        "legal.ftl",
        include_str!("../../locales/cy/legal.ftl"),
    ),
    (
        Lang::Cy,
        "countries.ftl",
        include_str!("../../locales/cy/countries.ftl"),
    ),
];

/// The project's `locales/<lang>/*.ftl` files, sorted (none when the folder is absent).
pub fn override_files(root: &Path, lang: Lang) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(root.join("locales").join(lang.code())) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
}

pub struct I18n {
    en: FluentBundle<FluentResource>,
    cy: FluentBundle<FluentResource>,
    /// Ids of messages the project overrides, per language (for `i18n status`).
    pub overridden: BTreeMap<String, Vec<Lang>>,
    /// The project's override files, path and text, in the order read: part of the key
    /// that decides whether a page can be reused from the previous build.
    pub override_sources: Vec<(String, String)>,
    /// Durations already put into words: the record of processing and the pages ask for the
    /// same few periods thousands of times.
    durations: std::sync::Mutex<rustc_hash::FxHashMap<(Lang, crate::model::Duration), String>>,
    /// Every message without variables, formatted once on first use (en, cy): the exports
    /// ask for the same few hundred messages millions of times on a large estate.
    simple: [std::sync::OnceLock<rustc_hash::FxHashMap<String, String>>; 2],
    /// Messages with arguments already formatted, by language and [`fmt_key`]: the exports
    /// and the pages cite the same articles, paragraphs and dates thousands of times, and
    /// Fluent takes a microsecond or so for each. At most [`FORMATTED_MAX`] are kept.
    formatted: std::sync::Mutex<rustc_hash::FxHashMap<(Lang, String), String>>,
}

/// How many formatted messages [`I18n::fmt`] keeps.
const FORMATTED_MAX: usize = 4096;

/// The key under which [`I18n::fmt`] keeps a message formatted with `args`: the id and
/// each argument, or `None` when an argument is not a short string or a plain number (a
/// long text would make a large key, and is unlikely to come again).
fn fmt_key(id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
    use std::fmt::Write as _;
    let mut key = String::with_capacity(id.len() + 32);
    key.push_str(id);
    for (name, v) in args {
        key.push('\u{1f}');
        key.push_str(name);
        match v {
            FluentValue::String(s) if s.len() <= 64 => {
                key.push('=');
                key.push_str(s);
            }
            FluentValue::Number(n) if n.options == Default::default() => {
                // The bits, not the decimal: 1 and 1.0 are the same number.
                let _ = write!(key, "#{:x}", n.value.to_bits());
            }
            _ => return None,
        }
    }
    Some(key)
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::En => "en-GB",
        Lang::Cy => "cy",
    }
    .parse()
    .unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    b
}

fn message_ids(res: &FluentResource) -> Vec<String> {
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

impl I18n {
    /// The built-in messages only.
    pub fn builtin() -> I18n {
        let mut i = I18n {
            en: bundle(Lang::En),
            cy: bundle(Lang::Cy),
            overridden: BTreeMap::new(),
            override_sources: Vec::new(),
            durations: std::sync::Mutex::default(),
            simple: Default::default(),
            formatted: std::sync::Mutex::default(),
        };
        for (lang, _, src) in BUILTIN {
            let res = match FluentResource::try_new((*src).to_owned()) {
                Ok(r) | Err((r, _)) => r,
            };
            i.bundle_mut(*lang).add_resource_overriding(res);
        }
        i
    }

    fn bundle_mut(&mut self, lang: Lang) -> &mut FluentBundle<FluentResource> {
        // The formatted messages would be stale once the bundle changes.
        self.simple = Default::default();
        self.formatted = std::sync::Mutex::default();
        self.durations = std::sync::Mutex::default();
        match lang {
            Lang::En => &mut self.en,
            Lang::Cy => &mut self.cy,
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        }
    }

    /// Built-in messages overridden by the project's `locales/<lang>/*.ftl`. Problems
    /// (syntax errors, an override in one language only) go to `diags`.
    pub fn load(
        root: &Path,
        langs: &[Lang],
        sources: &mut Sources,
        diags: &mut Vec<Diagnostic>,
    ) -> I18n {
        let mut i = I18n::builtin();
        let mut per_lang: BTreeMap<String, (Vec<Lang>, u32, crate::load::yaml::Pos)> =
            BTreeMap::new();
        for &lang in langs {
            for path in override_files(root, lang) {
                let rel = format!(
                    "locales/{}/{}",
                    lang.code(),
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                );
                let text = match std::fs::read_to_string(&path) {
                    Ok(t) => t,
                    Err(e) => {
                        let id = sources.add(rel, String::new());
                        diags.push(Diagnostic::new(
                            "io-error",
                            id,
                            pos_at("", 0, 0),
                            format!("cannot read: {e}"),
                        ));
                        continue;
                    }
                };
                i.override_sources.push((rel.clone(), text.clone()));
                let id = sources.add(rel, text.clone());
                let res = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            diags.push(
                                Diagnostic::new(
                                    "parse-error",
                                    id,
                                    pos_at(&text, e.pos.start, e.pos.end - e.pos.start),
                                    format!("Fluent syntax error: {}", e.kind),
                                )
                                .help("see https://projectfluent.org/fluent/guide/ for the syntax"),
                            );
                        }
                        r
                    }
                };
                for m in message_ids(&res) {
                    let at = text
                        .find(&format!("{m} ="))
                        .or_else(|| text.find(&m))
                        .unwrap_or(0);
                    let e = per_lang.entry(m.clone()).or_insert((
                        Vec::new(),
                        id,
                        pos_at(&text, at, m.len()),
                    ));
                    e.0.push(lang);
                    i.overridden.entry(m).or_default().push(lang);
                }
                i.bundle_mut(lang).add_resource_overriding(res);
            }
        }
        // An override in one language and not the other leaves the languages out of step.
        if langs.len() > 1 {
            for (m, (ls, file, pos)) in &per_lang {
                for &lang in langs {
                    if !ls.contains(&lang) {
                        diags.push(
                            Diagnostic::new(
                                "missing-translation",
                                *file,
                                *pos,
                                format!(
                                    "the message `{m}` is overridden without a `{}` version",
                                    lang.code()
                                ),
                            )
                            .help(format!("add `{m} = …` to locales/{}/ too", lang.code())),
                        );
                    }
                }
            }
        }
        i
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// A message with arguments; a missing message gives its id (a test makes sure every
    /// message the code uses exists in both languages).
    pub fn fmt(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let key = fmt_key(id, args).map(|k| (lang, k));
        if let Some(key) = &key {
            if let Some(s) = self.formatted.lock().ok().and_then(|m| m.get(key).cloned()) {
                return s;
            }
        }
        let s = self.format(lang, id, args);
        if let (Some(key), Ok(mut m)) = (key, self.formatted.lock()) {
            if m.len() < FORMATTED_MAX {
                m.insert(key, s.clone());
            }
        }
        s
    }

    /// [`I18n::fmt`] without the cache.
    fn format(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let b = self.bundle(lang);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        b.format_pattern(
            pattern,
            if args.is_empty() { None } else { Some(&fa) },
            &mut errors,
        )
        .into_owned()
    }

    /// A duration in words, from the cache when it was asked for before.
    pub fn duration_words(
        &self,
        lang: Lang,
        d: crate::model::Duration,
        make: impl FnOnce() -> String,
    ) -> String {
        if let Some(s) = self
            .durations
            .lock()
            .ok()
            .and_then(|m| m.get(&(lang, d)).cloned())
        {
            return s;
        }
        let s = make();
        if let Ok(mut m) = self.durations.lock() {
            m.insert((lang, d), s.clone());
        }
        s
    }

    pub fn msg(&self, lang: Lang, id: &str) -> String {
        self.msg_str(lang, id).into_owned()
    }

    /// [`I18n::msg`] without a copy: a message without variables comes from the cache.
    pub fn msg_str(&self, lang: Lang, id: &str) -> std::borrow::Cow<'_, str> {
        let slot = match lang {
            Lang::En => &self.simple[0],
            Lang::Cy => &self.simple[1],
        };
        let simple = slot.get_or_init(|| self.simple_messages(lang).into_iter().collect());
        match simple.get(id) {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(self.fmt(lang, id, &[])),
        }
    }

    /// Every message id of the built-in files.
    pub fn builtin_ids(lang: Lang) -> Vec<String> {
        let mut ids = Vec::new();
        for (l, _, src) in BUILTIN {
            if *l == lang {
                let res = match FluentResource::try_new((*src).to_owned()) {
                    Ok(r) | Err((r, _)) => r,
                };
                ids.extend(message_ids(&res));
            }
        }
        ids.sort();
        ids
    }

    /// Every message without variables, formatted, for the templates' `t` map.
    pub fn simple_messages(&self, lang: Lang) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for id in Self::builtin_ids(lang) {
            let b = self.bundle(lang);
            if let Some(p) = b.get_message(&id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let s = b.format_pattern(p, None, &mut errors);
                if errors.is_empty() {
                    out.insert(id, s.into_owned());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cache of formatted messages gives what Fluent gives, argument by argument.
    #[test]
    fn formatted_messages_come_back_the_same_from_the_cache() {
        let i = I18n::builtin();
        let cite = |part: i64, paragraph: i64| {
            i.fmt(
                Lang::Cy,
                "cite-schedule1",
                &[
                    ("part", FluentValue::from(part)),
                    ("paragraph", FluentValue::from(paragraph)),
                ],
            )
        };
        let first = cite(2, 17);
        assert!(first.contains("17"), "{first}");
        assert_eq!(cite(2, 17), first, "from the cache");
        assert_ne!(cite(2, 18), first, "another argument, another message");
        assert_eq!(
            cite(2, 17),
            i.format(
                Lang::Cy,
                "cite-schedule1",
                &[
                    ("part", FluentValue::from(2)),
                    ("paragraph", FluentValue::from(17))
                ]
            )
        );
        assert_eq!(i.formatted.lock().map(|m| m.len()).unwrap_or(0), 2);
        // A long text is formatted each time, not kept.
        let long = "x".repeat(65);
        assert!(fmt_key(
            "cite-article",
            &[("article", FluentValue::from(long.as_str()))]
        )
        .is_none());
    }

    #[test]
    fn builtin_files_parse_and_match() {
        for (lang, name, src) in BUILTIN {
            if let Err((_, errors)) = FluentResource::try_new((*src).to_owned()) {
                panic!("{}/{name}: {errors:?}", lang.code());
            }
        }
        let en = I18n::builtin_ids(Lang::En);
        let cy = I18n::builtin_ids(Lang::Cy);
        let only_en: Vec<_> = en.iter().filter(|i| !cy.contains(i)).collect();
        let only_cy: Vec<_> = cy.iter().filter(|i| !en.contains(i)).collect();
        assert!(
            only_en.is_empty() && only_cy.is_empty(),
            "only en: {only_en:?}; only cy: {only_cy:?}"
        );
    }

    #[test]
    fn no_isolation_marks() {
        let i = I18n::builtin();
        let s = i.fmt(
            Lang::Cy,
            "controller-intro",
            &[("name", FluentValue::from("Cyngor <b>"))],
        );
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
        assert!(s.contains("Cyngor <b>"));
    }
}
