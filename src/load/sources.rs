//! The source files of a project, as read: relative path and text. Diagnostics point into
//! these by [`FileId`]; nothing else owns file contents.

use crate::model::FileId;

#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    /// The text, without a byte-order mark (empty when the file could not be read).
    pub text: String,
    /// SHA-256 of `text`, computed once on first use (the build keys every output made from
    /// this file with it).
    digest: std::sync::OnceLock<[u8; 32]>,
}

impl SourceFile {
    /// SHA-256 of the text.
    pub fn digest(&self) -> &[u8; 32] {
        self.digest.get_or_init(|| {
            use sha2::Digest;
            sha2::Sha256::digest(self.text.as_bytes()).into()
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Shared, so cloning a project's sources is cheap.
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(std::sync::Arc::new(SourceFile {
            path,
            text,
            digest: std::sync::OnceLock::new(),
        }));
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
        self.get(id).map_or("", |f| f.text.as_str())
    }

    /// SHA-256 of a file's text (of the empty string for an unknown id).
    pub fn digest(&self, id: FileId) -> [u8; 32] {
        match self.get(id) {
            Some(f) => *f.digest(),
            None => {
                use sha2::Digest;
                sha2::Sha256::digest(b"").into()
            }
        }
    }

    pub fn set_text(&mut self, id: FileId, text: String) {
        if let Some(f) = self.files.get_mut(id as usize) {
            let f = std::sync::Arc::make_mut(f);
            f.text = text;
            f.digest = std::sync::OnceLock::new();
        }
    }
}
