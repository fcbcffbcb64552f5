//! The page-furniture messages a project overrides in its own `locales/<lang>/*.ftl`, for
//! `hysbys i18n status` and the fingerprints in `hysbys.lock` (key `_locales/<message id>`).
//!
//! Owns: reading each overridden message's source in every language, in a canonical form
//! (Fluent's serializer, comments dropped), so that re-wrapping a file does not look like a
//! change. It never reports problems: [`super::I18n::load`] does that when the site is built.

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast::{Entry, Resource};

use super::BUILTIN;
use crate::model::Lang;

/// The owner part of a message's key in `hysbys.lock`.
pub const OWNER: &str = "_locales";

/// One message the project overrides in at least one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    /// The project's own source per language, indexed by [`crate::model::Text::slot`].
    pub overrides: [Option<String>; 2],
    /// The primary-language source translations are made from: the project's override, or
    /// the built-in message.
    pub primary: String,
}

impl Message {
    pub fn key(&self) -> String {
        format!("{OWNER}/{}", self.id)
    }
}

/// Each message of a Fluent file, canonically serialised without its comment.
fn messages(src: &str) -> Vec<(String, String)> {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) | Err((r, _)) => r,
    };
    res.body
        .into_iter()
        .filter_map(|e| match e {
            Entry::Message(mut m) => {
                m.comment = None;
                let id = m.id.name.to_owned();
                let one = Resource {
                    body: vec![Entry::Message(m)],
                };
                let text = fluent_syntax::serializer::serialize(&one);
                Some((id, text.trim_end().to_owned()))
            }
            _ => None,
        })
        .collect()
}

fn slot(lang: Lang) -> usize {
    crate::model::Text::slot(lang)
}

/// The overridden messages of the project at `root`, sorted by id.
pub fn overrides(root: &Path, langs: &[Lang]) -> Vec<Message> {
    let primary = langs.first().copied().unwrap_or(Lang::En);
    let mut found: BTreeMap<String, [Option<String>; 2]> = BTreeMap::new();
    for &lang in langs {
        for path in super::override_files(root, lang) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for (id, src) in messages(&text) {
                found.entry(id).or_default()[slot(lang)] = Some(src);
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let mut builtin: [BTreeMap<String, String>; 2] = Default::default();
    for (lang, _, src) in BUILTIN {
        builtin[slot(*lang)].extend(messages(src));
    }
    found
        .into_iter()
        // A message written exactly as the built-in one changes nothing (the repository's
        // own locales/ is an example).
        .filter(|(id, overrides)| {
            Lang::ALL.iter().any(|&l| {
                overrides[slot(l)]
                    .as_ref()
                    .is_some_and(|o| builtin[slot(l)].get(id) != Some(o))
            })
        })
        .map(|(id, overrides)| {
            let primary = overrides[slot(primary)]
                .clone()
                .or_else(|| builtin[slot(primary)].get(&id).cloned())
                .unwrap_or_default();
            Message {
                id,
                overrides,
                primary,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_source_ignores_comments_and_layout() {
        let a = messages("# a comment\nhello = Hello,\n    world\n");
        let b = messages("hello =\n  Hello,\n  world\n");
        assert_eq!(a, b);
        assert_eq!(a[0].0, "hello");
    }
}
