//! The source files of a project, as read: relative path and text. Diagnostics point into
//! these by [`FileId`]; nothing else owns file contents.
//!
//! A large project's texts would be a quarter of its memory, and most are never looked at
//! again once parsed: [`Sources::set_evicted`] lets a text go, keeping its SHA-256, and the text
//! is read back from disk the first time something asks for it (a diagnostic's snippet, an
//! edit by `i18n import`). If the file has changed in between, the text reads as empty, so
//! a snippet is never shown from the wrong version of a file.

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
    /// Where to read the text again after [`Sources::set_evicted`].
    origin: Option<PathBuf>,
}

fn sha256(text: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).into()
}

impl SourceFile {
    fn new(path: String, text: String) -> SourceFile {
        SourceFile {
            path,
            text: OnceLock::from(text),
            digest: OnceLock::new(),
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
            if Some(&sha256(&text)) == self.digest.get() {
                text
            } else {
                String::new()
            }
        })
    }

    /// SHA-256 of the text.
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
            f.origin = None;
        }
    }

    /// Was the file's text let go ([`Sources::set_evicted`]): read with no problem found?
    pub fn is_evicted(&self, id: FileId) -> bool {
        self.get(id).is_some_and(|f| f.origin.is_some())
    }

    /// Record a file whose text was read from `origin` and has the given SHA-256, without
    /// keeping the text: it is read again if asked for.
    pub fn set_evicted(&mut self, id: FileId, digest: [u8; 32], origin: PathBuf) {
        if let Some(f) = self.files.get_mut(id as usize) {
            let f = std::sync::Arc::make_mut(f);
            f.text = OnceLock::new();
            f.digest = OnceLock::from(digest);
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
        s.set_evicted(id, sha256("title: Croeso\n"), file.clone());
        assert_eq!(s.text(id), "title: Croeso\n", "read back, without the BOM");

        let id = s.add("notices/b.yaml".into(), String::new());
        s.set_evicted(id, sha256("title: Croeso\n"), file.clone());
        std::fs::write(&file, "title: Changed\n")?;
        assert_eq!(s.text(id), "", "a changed file is not shown as the old one");
        assert_eq!(s.digest(id), sha256("title: Croeso\n"));
        Ok(())
    }
}
