//! `hysbys.lock`: for every translatable value and every language other than the primary
//! one, a fingerprint of the primary-language text the translation was made from.
//!
//! Owns: the file's format, reading it (with diagnostics on the file) and writing it in one
//! canonical form, so that the same fingerprints always give the same bytes. The format is
//! plain text, one line per value and language, sorted bytewise, so version control merges
//! two branches' lines without conflict:
//!
//! ```text
//! # hysbys.lock: …
//! advice/purposes[advice-rights].name<TAB>cy<TAB><sha-256 hex><TAB><English, escaped>
//! ```
//!
//! The English is kept (with `\\`, `\t`, `\n` and `\r` escaped) so that `stale-translation`
//! can show what it said when it was translated. The hash decides; the text only informs.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::load::yaml::Pos;
use crate::model::{FileId, Lang};

/// The lock file's name, at the project root.
pub const FILE: &str = "hysbys.lock";

const HEADER: &str =
    "# hysbys.lock: fingerprints of the primary-language text each translation was made from.\n\
# Written by `hysbys i18n accept` and `hysbys i18n import`; read by `stale-translation`.\n\
# Keep it in version control. Lines: key, language, SHA-256 of the source text, source text.\n";

/// What one translation was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// SHA-256 of the primary-language text, lower-case hex.
    pub hash: String,
    /// That text, when the line carries it.
    pub source: Option<String>,
}

/// The fingerprints of a project, by key and language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    entries: BTreeMap<(String, Lang), Fingerprint>,
}

/// The fingerprint of a primary-language text.
pub fn hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next()? {
                '\\' => out.push('\\'),
                't' => out.push('\t'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Lock {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn get(&self, key: &str, lang: Lang) -> Option<&Fingerprint> {
        self.entries.get(&(key.to_owned(), lang))
    }

    /// Record that `key`'s `lang` text was translated from `source`.
    pub fn set(&mut self, key: &str, lang: Lang, source: &str) {
        self.entries.insert(
            (key.to_owned(), lang),
            Fingerprint {
                hash: hash(source),
                source: Some(source.to_owned()),
            },
        );
    }

    /// Keep only the entries whose key passes `keep`.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, Lang) -> bool) {
        self.entries.retain(|(k, l), _| keep(k, *l));
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Lang, &Fingerprint)> {
        self.entries.iter().map(|((k, l), f)| (k.as_str(), *l, f))
    }

    /// The file's text: a header, then one line per entry, sorted bytewise.
    pub fn render(&self) -> String {
        let mut lines: Vec<String> = self
            .entries
            .iter()
            .map(|((key, lang), f)| {
                let mut line = format!("{key}\t{}\t{}", lang.code(), f.hash);
                if let Some(s) = &f.source {
                    line.push('\t');
                    line.push_str(&escape(s));
                }
                line.push('\n');
                line
            })
            .collect();
        lines.sort();
        let mut out = String::from(HEADER);
        for l in lines {
            out.push_str(&l);
        }
        out
    }

    /// Read a lock file's text; bad lines are `parse-error` (a merge conflict among them),
    /// two different fingerprints for one value `duplicate-key`. Good lines are kept.
    pub fn parse(text: &str, file: FileId, diags: &mut Vec<Diagnostic>) -> Lock {
        let mut lock = Lock::default();
        let mut index = 0usize;
        for (n, raw) in text.split_inclusive('\n').enumerate() {
            let start = index;
            index += raw.chars().count();
            let line = raw.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let pos = Pos {
                line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                col: 1,
                index: u32::try_from(start).unwrap_or(u32::MAX),
                len: u32::try_from(line.chars().count().max(1)).unwrap_or(u32::MAX),
            };
            let conflict = ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
                .iter()
                .any(|m| line.starts_with(m));
            if conflict {
                diags.push(
                    Diagnostic::new(
                        "parse-error",
                        file,
                        pos,
                        "hysbys.lock has a merge conflict",
                    )
                    .label("conflict marker")
                    .help("keep the lines of both sides (remove the markers), or delete the conflicting lines and run `hysbys i18n accept` after reviewing the translations"),
                );
                continue;
            }
            let mut parts = line.splitn(4, '\t');
            let key = parts.next().unwrap_or("");
            let lang = parts.next().and_then(Lang::from_code);
            let hash = parts.next().filter(|h| is_hash(h));
            let source = parts.next().map(unescape);
            let (Some(lang), Some(hash), false, false) = (
                lang,
                hash,
                key.is_empty() || !key.contains('/'),
                matches!(source, Some(None)),
            ) else {
                diags.push(
                    Diagnostic::new(
                        "parse-error",
                        file,
                        pos,
                        "this is not a hysbys.lock line",
                    )
                    .label("expected key, language, hash and text, separated by tabs")
                    .help("remove the line and run `hysbys i18n accept` after reviewing the translations"),
                );
                continue;
            };
            let f = Fingerprint {
                hash: hash.to_owned(),
                source: source.flatten(),
            };
            match lock.entries.get(&(key.to_owned(), lang)) {
                Some(old) if old.hash != f.hash => {
                    diags.push(
                        Diagnostic::new(
                            "duplicate-key",
                            file,
                            pos,
                            format!("`{key}` ({}) has two fingerprints", lang.code()),
                        )
                        .label("second fingerprint")
                        .help("two branches recorded different English for this value: keep the line whose English is current, or delete both and run `hysbys i18n accept`"),
                    );
                }
                Some(_) => {}
                None => {
                    lock.entries.insert((key.to_owned(), lang), f);
                }
            }
        }
        lock
    }
}

/// Write the lock file atomically (a temporary file beside it, then a rename).
pub fn write(root: &Path, lock: &Lock) -> std::io::Result<()> {
    let path = root.join(FILE);
    let tmp = root.join(format!(".{FILE}.tmp"));
    std::fs::write(&tmp, lock.render())?;
    std::fs::rename(&tmp, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_canonical_bytes() {
        let mut a = Lock::default();
        a.set("b/title", Lang::Cy, "Title\twith tab\nand line \\ back");
        a.set("a/summary", Lang::Cy, "Summary");
        let text = a.render();
        let mut diags = Vec::new();
        let b = Lock::parse(&text, 0, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(a, b);
        assert_eq!(b.render(), text);
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(body[0].starts_with("a/summary\tcy\t"));
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn conflicts_and_bad_lines_are_reported() {
        let h = hash("x");
        let text = format!(
            "<<<<<<< HEAD\na/title\tcy\t{h}\tx\n=======\na/title\tcy\t{}\ty\n>>>>>>> other\nnonsense\n",
            hash("y")
        );
        let mut diags = Vec::new();
        let lock = Lock::parse(&text, 0, &mut diags);
        let lints: Vec<_> = diags.iter().map(|d| (d.lint, d.pos.line)).collect();
        assert_eq!(
            lints,
            [
                ("parse-error", 1),
                ("parse-error", 3),
                ("duplicate-key", 4),
                ("parse-error", 5),
                ("parse-error", 6)
            ]
        );
        assert_eq!(lock.len(), 1);
    }

    #[test]
    fn hash_is_sha256() {
        assert_eq!(
            hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
