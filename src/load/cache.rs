//! The parse cache: each notice's resolved model, kept in `.hysbys-cache/` in the project
//! folder so that the next `check` or `build` does not parse a notice that has not changed
//! (parsing YAML is most of the time of both on a large project).
//!
//! An entry is one file named by a SHA-256 over everything the model is made from: the
//! hysbys version, the notice's path and text, `hysbys.toml` and the organisation file
//! (references resolve against its catalogues). A changed input is a different name, so an
//! entry is never stale, only unused; entries unused by a load are deleted at its end. Only
//! notices that loaded without a diagnostic are cached, and an entry must decode and name the
//! notice it is read for. The folder
//! carries a `CACHEDIR.TAG` and a `.gitignore` of `*`, and can be deleted at any time. Every
//! error here is ignored: the cache only ever saves time.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::model::{FileId, Notice};

/// The folder, relative to the project root.
pub const DIR: &str = ".hysbys-cache";

/// Bump when the layout of the model changes without a version bump.
const FORMAT: &[u8] = b"hysbys-parse-cache/1";

pub struct Cache {
    dir: PathBuf,
    /// The hash of what every entry depends on besides its own notice.
    env: [u8; 32],
    /// The entries in the folder when the load began (one listing instead of a failed open
    /// for every notice that is not cached).
    present: HashSet<String>,
    /// The entries this load used or wrote; the rest are deleted by [`Cache::finish`].
    used: std::sync::Mutex<HashSet<String>>,
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

impl Cache {
    /// The cache of the project at `root`, whose settings and organisation file have these
    /// texts.
    pub fn new(root: &Path, config: &str, organisation: &str) -> Cache {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for part in [
            FORMAT,
            env!("CARGO_PKG_VERSION").as_bytes(),
            config.as_bytes(),
            organisation.as_bytes(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        let dir = root.join(DIR);
        let present = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            dir,
            env: h.finalize().into(),
            present,
            used: std::sync::Mutex::new(HashSet::new()),
        }
    }

    fn name(&self, rel: &str, digest: &[u8; 32]) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(self.env);
        h.update((rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        h.update(digest);
        hex(&h.finalize()[..20])
    }

    fn mark(&self, name: &str) {
        if let Ok(mut u) = self.used.lock() {
            u.insert(name.to_owned());
        }
    }

    /// The model of the notice `id` at `rel` whose text has this SHA-256, if cached; its
    /// spans are given the current `file`.
    pub fn get(&self, rel: &str, id: &str, digest: &[u8; 32], file: FileId) -> Option<Notice> {
        let name = self.name(rel, digest);
        if !self.present.contains(&name) {
            return None;
        }
        let bytes = std::fs::read(self.dir.join(&name)).ok()?;
        let mut notice: Notice = postcard::from_bytes(&bytes).ok()?;
        if notice.id != id {
            return None;
        }
        notice.file = file;
        self.mark(&name);
        Some(notice)
    }

    /// Keep the model of the notice at `rel` whose text has this SHA-256. The entry is
    /// written in place: one cut short (or read while another process writes it) is too
    /// short to decode, and is ignored.
    pub fn put(&self, rel: &str, digest: &[u8; 32], notice: &Notice) {
        let name = self.name(rel, digest);
        self.mark(&name);
        if self.present.contains(&name) {
            return;
        }
        let Ok(bytes) = postcard::to_allocvec(notice) else {
            return;
        };
        if self.present.is_empty() && !self.dir.is_dir() && !self.create() {
            return;
        }
        let _ = std::fs::write(self.dir.join(&name), bytes);
    }

    fn create(&self) -> bool {
        std::fs::create_dir_all(&self.dir).is_ok()
            && std::fs::write(
                self.dir.join("CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n\
                 # This folder is a cache made by hysbys (the parse cache); delete it at any time.\n",
            )
            .is_ok()
            && std::fs::write(self.dir.join(".gitignore"), "*\n").is_ok()
    }

    /// Delete the entries this load neither used nor wrote (older versions of notices, and
    /// notices that are gone).
    pub fn finish(&self) {
        let Ok(used) = self.used.lock() else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit());
            if ours && !used.contains(&name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_are_keyed_by_every_input() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = crate::load::load(
            root,
            &crate::load::Options {
                today: None,
                cache: false,
            },
        )
        .map_err(|e| std::io::Error::other(e.to_string()))?;
        let n = p
            .notices
            .first()
            .ok_or_else(|| std::io::Error::other("no notice"))?;
        let rel = p.sources.path(n.file).to_owned();
        let digest = p.sources.digest(n.file);

        let cache = Cache::new(dir.path(), "config", "organisation");
        let id = n.id.as_str();
        assert!(
            cache.get(&rel, id, &digest, n.file).is_none(),
            "empty at first"
        );
        cache.put(&rel, &digest, n);
        // A later load finds it.
        let cache = Cache::new(dir.path(), "config", "organisation");
        assert!(
            cache.get(&rel, "another-id", &digest, 7).is_none(),
            "ids must agree"
        );
        let back = cache.get(&rel, id, &digest, 7).expect("cached");
        assert_eq!(back.file, 7, "spans point at the current file");
        let mut again = back.clone();
        again.file = n.file;
        assert_eq!(format!("{again:?}"), format!("{n:?}"), "the same model");
        assert!(dir.path().join(DIR).join("CACHEDIR.TAG").is_file());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(DIR).join(".gitignore"))?,
            "*\n"
        );

        // Any other input is another entry.
        assert!(cache.get("notices/other.yaml", id, &digest, 0).is_none());
        assert!(cache.get(&rel, id, &[0; 32], 0).is_none());
        let other = Cache::new(dir.path(), "config", "another organisation");
        assert!(other.get(&rel, id, &digest, 0).is_none());

        // A damaged entry is ignored.
        let name = cache.name(&rel, &digest);
        std::fs::write(dir.path().join(DIR).join(&name), b"\xff\x00not postcard")?;
        assert!(cache.get(&rel, id, &digest, 0).is_none());
        let bytes = postcard::to_allocvec(&**n).map_err(std::io::Error::other)?;
        std::fs::write(dir.path().join(DIR).join(&name), &bytes[..bytes.len() / 2])?;
        assert!(
            cache.get(&rel, id, &digest, 0).is_none(),
            "a cut-short entry"
        );

        // What a load did not use goes.
        other.put(&rel, &digest, n);
        other.finish();
        assert!(!dir.path().join(DIR).join(&name).exists());
        assert!(dir
            .path()
            .join(DIR)
            .join(other.name(&rel, &digest))
            .exists());
        Ok(())
    }
}
