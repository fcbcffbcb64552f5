//! The source files of a project, as read: relative path and text. Diagnostics point into
//! these by [`FileId`]; nothing else owns file contents.
//!
//! A large project's texts would be a quarter of its memory, and most are never looked at
//! again once parsed: [`Sources::set_evicted`] lets a text go, keeping its [`Fingerprint`],
//! and the text is read back from disk the first time something asks for it (a diagnostic's
//! snippet, an edit by `i18n import`). If the file has changed in between, the text reads as
//! empty, so a snippet is not shown from another version of the file (told by SHA-256, or in
//! a `check` without the cache by the length and a 64-bit hash).

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::model::FileId;

#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    /// The text, without a byte-order mark (empty when the file could not be read).
    text: OnceLock<String>,
    /// SHA-256 of the text, computed once on first use (the build keys every output made
    /// from this file with it).
    digest: OnceLock<[u8; 32]>,
    /// The quick fingerprint of a text let go without its SHA-256 ([`Fingerprint::Quick`]).
    quick: Option<Fingerprint>,
    /// Where to read the text again after [`Sources::set_evicted`].
    origin: Option<PathBuf>,
}

fn sha256(text: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).into()
}

/// What a text let go is known by when it is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fingerprint {
    /// Its SHA-256: what the build keys outputs with and the cache files notices under.
    Sha256([u8; 32]),
    /// Its length and a 64-bit hash (rustc-hash's), for a load that keys nothing with the
    /// text (a `check` without the cache), where it only has to tell whether the file
    /// changed since it was read. SHA-256 (with SHA-NI) was 6–7 % of such a `check`.
    Quick { len: usize, hash: u64 },
    /// None: the text of a notice in which a `check` found nothing, which nothing shows
    /// again (hashing every clean text for this was 2 % of a cold check). Read back, it
    /// counts as changed, as a text that cannot be told again must.
    Unneeded,
}

impl Fingerprint {
    pub fn quick(bytes: &[u8]) -> Fingerprint {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(bytes);
        Fingerprint::Quick {
            len: bytes.len(),
            hash: h.finish(),
        }
    }
}

impl SourceFile {
    fn new(path: String, text: String) -> SourceFile {
        SourceFile {
            path,
            text: OnceLock::from(text),
            digest: OnceLock::new(),
            quick: None,
            origin: None,
        }
    }

    /// The text (read again from disk if it was let go).
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let Some(origin) = &self.origin else {
                return String::new();
            };
            let text = std::fs::read(origin)
                .ok()
                .and_then(|b| super::decode(b).ok())
                .unwrap_or_default();
            let unchanged = match self.digest.get() {
                Some(digest) => sha256(&text) == *digest,
                None => self.quick == Some(Fingerprint::quick(text.as_bytes())),
            };
            if unchanged {
                text
            } else {
                String::new()
            }
        })
    }

    /// SHA-256 of the text. For a text let go with a quick fingerprint, it is computed from
    /// the file read back, which is the empty text if the file has changed since.
    pub fn digest(&self) -> &[u8; 32] {
        self.digest.get_or_init(|| sha256(self.text()))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Shared, so cloning a project's sources is cheap.
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files
            .push(std::sync::Arc::new(SourceFile::new(path, text)));
        FileId::try_from(self.files.len() - 1).unwrap_or(FileId::MAX)
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id as usize).map(|f| &**f)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn path(&self, id: FileId) -> &str {
        self.get(id).map_or("", |f| f.path.as_str())
    }

    pub fn text(&self, id: FileId) -> &str {
        self.get(id).map_or("", SourceFile::text)
    }

    /// SHA-256 of a file's text (of the empty string for an unknown id).
    pub fn digest(&self, id: FileId) -> [u8; 32] {
        match self.get(id) {
            Some(f) => *f.digest(),
            None => sha256(""),
        }
    }

    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(f) = self.files.get_mut(id as usize) {
            let f = std::sync::Arc::make_mut(f);
            f.text = OnceLock::from(text);
            f.digest = OnceLock::new();
            f.quick = None;
            f.origin = None;
        }
    }

    /// Was the file's text let go ([`Sources::set_evicted`]): read with no problem found?
    pub fn is_evicted(&self, id: FileId) -> bool {
        self.get(id).is_some_and(|f| f.origin.is_some())
    }

    /// Record a file whose text was read from `origin` and has the given fingerprint,
    /// without keeping the text: it is read again if asked for (and its SHA-256 computed
    /// then, if asked for, when it was let go with a quick fingerprint).
    pub fn set_evicted(&mut self, id: FileId, fingerprint: Fingerprint, origin: PathBuf) {
        if let Some(f) = self.files.get_mut(id as usize) {
            let f = std::sync::Arc::make_mut(f);
            f.text = OnceLock::new();
            (f.digest, f.quick) = match fingerprint {
                Fingerprint::Sha256(digest) => (OnceLock::from(digest), None),
                quick @ Fingerprint::Quick { .. } => (OnceLock::new(), Some(quick)),
                Fingerprint::Unneeded => (OnceLock::new(), None),
            };
            f.origin = Some(origin);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evicted_text_is_read_back_only_if_unchanged() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "\u{feff}title: Croeso\n")?;
        let mut s = Sources::default();
        let id = s.add("notices/a.yaml".into(), String::new());
        s.set_evicted(
            id,
            Fingerprint::Sha256(sha256("title: Croeso\n")),
            file.clone(),
        );
        assert_eq!(s.text(id), "title: Croeso\n", "read back, without the BOM");

        let id = s.add("notices/b.yaml".into(), String::new());
        s.set_evicted(
            id,
            Fingerprint::Sha256(sha256("title: Croeso\n")),
            file.clone(),
        );
        std::fs::write(&file, "title: Changed\n")?;
        assert_eq!(s.text(id), "", "a changed file is not shown as the old one");
        assert_eq!(s.digest(id), sha256("title: Croeso\n"));
        Ok(())
    }

    #[test]
    fn a_text_let_go_with_a_quick_fingerprint_is_read_back_only_if_unchanged() -> std::io::Result<()>
    {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "title: Croeso\n")?;
        let quick = Fingerprint::quick(b"title: Croeso\n");
        let mut s = Sources::default();
        let id = s.add("notices/a.yaml".into(), String::new());
        s.set_evicted(id, quick, file.clone());
        assert!(s.is_evicted(id));
        assert_eq!(
            s.digest(id),
            sha256("title: Croeso\n"),
            "the SHA-256, from the file"
        );
        assert_eq!(s.text(id), "title: Croeso\n");

        // The same length, other bytes.
        let id = s.add("notices/b.yaml".into(), String::new());
        s.set_evicted(id, quick, file.clone());
        std::fs::write(&file, "title: Cr0eso\n")?;
        assert_eq!(s.text(id), "", "a changed file is not shown as the old one");
        assert_ne!(quick, Fingerprint::quick(b"title: Cr0eso\n"));
        Ok(())
    }
}
