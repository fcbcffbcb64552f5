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
//!
//! So that an unchanged notice is not even read, `stamps` keeps each cached notice's file
//! metadata (length, modification and change times, inode) with the SHA-256 of its text, as
//! git's index and ruff's cache do: a file whose metadata is the same has the same text.
//! The change time (ctime) is set by the kernel on every write and cannot be set back, so an
//! edit that keeps the length and restores the modification time is still seen. The
//! metadata is taken before the file is read, and a file changed in the two seconds before
//! the load began is not stamped ("racy" in git's words: a second edit within the same
//! clock tick would leave the same times).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::model::{FileId, Notice};

/// The folder, relative to the project root.
pub const DIR: &str = ".hysbys-cache";

/// Bump when the layout of the model changes without a version bump.
const FORMAT: &[u8] = b"hysbys-parse-cache/3";

pub struct Cache {
    dir: PathBuf,
    /// The hash of what every entry depends on besides its own notice.
    env: [u8; 32],
    /// The entries in the folder when the load began (one listing instead of a failed open
    /// for every notice that is not cached).
    present: HashSet<String>,
    /// The entries this load used or wrote; the rest are deleted by [`Cache::finish`].
    used: std::sync::Mutex<HashSet<String>>,
    /// The stamps when the load began (path → metadata and SHA-256 of the text).
    stamps: HashMap<String, (Stamp, [u8; 32])>,
    /// The stamps of the notices this load took from the cache or put in it.
    stamped: std::sync::Mutex<HashMap<String, (Stamp, [u8; 32])>>,
    /// A file changed after this is not stamped (two seconds before the load began).
    settled: Option<(i64, i64)>,
    /// The hash of what a [`Verdict`] depends on besides its notice (see
    /// [`Cache::judge_by`]); none until then.
    verdict_env: Option<[u8; 32]>,
}

/// What `check` found in one notice, kept so that the next `check` of the same text, with
/// the same settings, organisation, lock and date, does not even decode the notice.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Verdict {
    /// The notice's [`Notice::stub`].
    pub stub: Notice,
    /// Which of the organisation's recipients and retention rows it uses.
    pub recipients: Vec<bool>,
    pub retention: Vec<bool>,
    /// How many of its translations have no fingerprint in the lock.
    pub unrecorded: u64,
    /// The Schedule 1 paragraphs its purposes rely on (for the JSON-LD export when it is
    /// given as its stub).
    pub paragraphs: Vec<u32>,
    /// What the rules found in it (before `[lints]` levels).
    pub findings: Vec<Finding>,
}

/// A [`Diagnostic`] as kept: the file by its path, the lint by its name.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Finding {
    lint: String,
    error: bool,
    file: String,
    pos: crate::load::yaml::Pos,
    message: String,
    label: Option<String>,
    help: Option<String>,
    notes: Vec<String>,
}

impl Finding {
    pub fn new(d: &Diagnostic, sources: &crate::load::Sources) -> Finding {
        Finding {
            lint: d.lint.to_owned(),
            error: d.severity == Severity::Error,
            file: sources.path(d.file).to_owned(),
            pos: d.pos,
            message: d.message.clone(),
            label: d.label.clone(),
            help: d.help.clone(),
            notes: d.notes.clone(),
        }
    }

    /// The diagnostic again, its file found by `file_id`; none if its lint or file is
    /// unknown.
    pub fn diagnostic(self, file_id: impl Fn(&str) -> Option<FileId>) -> Option<Diagnostic> {
        let lint = crate::rules::LINTS
            .iter()
            .find(|l| l.name == self.lint)?
            .name;
        Some(Diagnostic {
            lint,
            severity: if self.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            file: file_id(&self.file)?,
            pos: self.pos,
            message: self.message,
            label: self.label,
            help: self.help,
            notes: self.notes,
        })
    }
}

/// The names in the cache's folder.
pub type Listing = HashSet<String>;

/// The names in the cache's folder under `root` (none when there is no folder): one
/// listing, instead of a failed open for every notice that is not cached. At 10,000 notices
/// it takes about as long as finding them, and is made at the same time.
pub fn listing(root: &Path) -> Listing {
    std::fs::read_dir(root.join(DIR))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The stamps file in the folder.
const STAMPS: &str = "stamps";

/// What a file's metadata says of its text: length, modification and change times
/// (seconds, nanoseconds), inode and device.
pub type Stamp = [i64; 7];

/// The stamp of a file's metadata (none where the system has no inodes or change times).
pub fn stamp(meta: &std::fs::Metadata) -> Option<Stamp> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let n = |v: u64| i64::try_from(v).ok();
        Some([
            n(meta.size())?,
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
            n(meta.ino())?,
            n(meta.dev())?,
        ])
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

impl Cache {
    /// The cache of the project at `root`, whose settings and organisation file have these
    /// texts.
    pub fn new(root: &Path, config: &str, organisation: &str) -> Cache {
        Cache::with_listing(root, config, organisation, listing(root))
    }

    /// [`Cache::new`], with the folder's [`listing`] made already (while the project's
    /// notices were being found).
    pub fn with_listing(root: &Path, config: &str, organisation: &str, present: Listing) -> Cache {
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
        let stamps = std::fs::read(dir.join(STAMPS))
            .ok()
            .and_then(|b| postcard::from_bytes::<Vec<(String, Stamp, [u8; 32])>>(&b).ok())
            .map(|v| v.into_iter().map(|(p, s, d)| (p, (s, d))).collect())
            .unwrap_or_default();
        let settled = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| {
                Some((
                    i64::try_from(d.as_secs()).ok()? - 2,
                    i64::from(d.subsec_nanos()),
                ))
            });
        Cache {
            dir,
            env: h.finalize().into(),
            present,
            used: std::sync::Mutex::new(HashSet::default()),
            stamps,
            stamped: std::sync::Mutex::new(HashMap::default()),
            settled,
            verdict_env: None,
        }
    }

    /// Keep and use verdicts, which also depend on the translation lock and on today's
    /// date (`review-overdue`).
    /// (`None`: there is no lock, which is not the same as an empty one).
    pub fn judge_by(&mut self, lock: Option<&str>, today: &str) {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(self.env);
        h.update([u8::from(lock.is_some())]);
        let lock = lock.unwrap_or_default();
        for part in [b"verdict".as_slice(), lock.as_bytes(), today.as_bytes()] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        self.verdict_env = Some(h.finalize().into());
    }

    fn verdict_name(&self, rel: &str, digest: &[u8; 32]) -> Option<String> {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(self.verdict_env?);
        h.update((rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        h.update(digest);
        Some(hex::encode(&h.finalize()[..20]))
    }

    /// The verdict on the notice `id` at `rel` whose text has this SHA-256, if kept.
    pub fn verdict(&self, rel: &str, id: &str, digest: &[u8; 32]) -> Option<Verdict> {
        let name = self.verdict_name(rel, digest)?;
        if !self.present.contains(&name) {
            return None;
        }
        let bytes = std::fs::read(self.dir.join(&name)).ok()?;
        let v: Verdict = postcard::from_bytes(&bytes).ok()?;
        if v.stub.id != id {
            return None;
        }
        self.mark(&name);
        // The notice's model is kept too, for the next `build`.
        let model = self.name(rel, digest);
        if self.present.contains(&model) {
            self.mark(&model);
        }
        Some(v)
    }

    /// Keep the verdict on the notice at `rel` whose text has this SHA-256, if there is
    /// one, without reading it (a `build`, which does not use verdicts, keeps them for the
    /// next `check`).
    pub fn keep_verdict(&self, rel: &str, digest: &[u8; 32]) {
        if let Some(name) = self.verdict_name(rel, digest) {
            if self.present.contains(&name) {
                self.mark(&name);
            }
        }
    }

    /// Keep the verdict on the notice at `rel` whose text has this SHA-256.
    pub fn put_verdict(&self, rel: &str, digest: &[u8; 32], v: &Verdict) {
        let Some(name) = self.verdict_name(rel, digest) else {
            return;
        };
        self.mark(&name);
        if self.present.contains(&name) {
            return;
        }
        if let Ok(bytes) = postcard::to_allocvec(v) {
            self.write(&name, &bytes);
        }
    }

    /// The SHA-256 of the text of the notice at `rel`, if its metadata is as stamped.
    pub fn known(&self, rel: &str, stamp: &Stamp) -> Option<[u8; 32]> {
        let (s, digest) = self.stamps.get(rel)?;
        (s == stamp).then_some(*digest)
    }

    /// Stamp the notice at `rel`, whose metadata before it was read was `stamp` and whose
    /// text has this SHA-256; not if it changed too recently to be sure of (see above).
    pub fn stamp(&self, rel: &str, stamp: &Stamp, digest: &[u8; 32]) {
        let Some(settled) = self.settled else {
            return;
        };
        let (mtime, ctime) = ((stamp[1], stamp[2]), (stamp[3], stamp[4]));
        if mtime >= settled || ctime >= settled {
            return;
        }
        if let Ok(mut s) = self.stamped.lock() {
            s.insert(rel.to_owned(), (*stamp, *digest));
        }
    }

    fn name(&self, rel: &str, digest: &[u8; 32]) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(self.env);
        h.update((rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        h.update(digest);
        hex::encode(&h.finalize()[..20])
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
        if let Ok(bytes) = postcard::to_allocvec(notice) {
            self.write(&name, &bytes);
        }
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        if self.present.is_empty() && !self.dir.is_dir() && !self.create() {
            return;
        }
        let _ = std::fs::write(self.dir.join(name), bytes);
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
        if let Ok(stamped) = self.stamped.lock() {
            if *stamped != self.stamps && (self.dir.is_dir() || self.create()) {
                let mut list: Vec<(&String, &Stamp, &[u8; 32])> =
                    stamped.iter().map(|(p, (s, d))| (p, s, d)).collect();
                list.sort_unstable();
                // Written aside and renamed, so that a load never reads half of it.
                let tmp = self.dir.join(format!("{STAMPS}.{}", std::process::id()));
                if let Ok(bytes) = postcard::to_allocvec(&list) {
                    if std::fs::write(&tmp, bytes).is_err()
                        || std::fs::rename(&tmp, self.dir.join(STAMPS)).is_err()
                    {
                        let _ = std::fs::remove_file(&tmp);
                    }
                }
            }
        }
        let Ok(used) = self.used.lock() else {
            return;
        };
        // The folder as it was listed when the load began: what this load wrote is in
        // `used`, and what another process wrote since is left alone (listing it again cost
        // as much as the first listing).
        let mut stale: Vec<&String> = self
            .present
            .iter()
            .filter(|name| name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|name| !used.contains(*name))
            .collect();
        stale.sort_unstable();
        for name in stale {
            let _ = std::fs::remove_file(self.dir.join(name));
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

        // What a load did not use goes; what another load wrote after it began stays.
        let later = dir.path().join(DIR).join("ab".repeat(20));
        std::fs::write(&later, b"another load's entry")?;
        other.put(&rel, &digest, n);
        other.finish();
        assert!(!dir.path().join(DIR).join(&name).exists());
        assert!(later.exists());
        assert!(dir
            .path()
            .join(DIR)
            .join(other.name(&rel, &digest))
            .exists());
        Ok(())
    }

    #[test]
    fn only_settled_unchanged_files_are_known_by_their_stamps() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("notice.yaml");
        std::fs::write(&file, "title: one\n")?;
        let digest = [7; 32];
        let stamp_of = || -> std::io::Result<Stamp> {
            stamp(&std::fs::metadata(&file)?).ok_or_else(|| std::io::Error::other("no stamp"))
        };
        let first = stamp_of()?;
        // Just written: too recent to be sure of, so not stamped.
        let cache = Cache::new(dir.path(), "", "");
        cache.stamp("notice.yaml", &first, &digest);
        cache.finish();
        assert_eq!(
            Cache::new(dir.path(), "", "").known("notice.yaml", &first),
            None
        );
        std::thread::sleep(std::time::Duration::from_millis(2100));
        let cache = Cache::new(dir.path(), "", "");
        cache.stamp("notice.yaml", &first, &digest);
        cache.finish();
        let cache = Cache::new(dir.path(), "", "");
        assert_eq!(cache.known("notice.yaml", &first), Some(digest));
        assert_eq!(cache.known("other.yaml", &first), None);
        // The same length and modification time, other text: the change time tells.
        let modified = std::fs::metadata(&file)?.modified()?;
        std::fs::write(&file, "title: two\n")?;
        std::fs::File::options()
            .write(true)
            .open(&file)?
            .set_modified(modified)?;
        let second = stamp_of()?;
        assert_eq!(
            second[..3],
            first[..3],
            "length and modification time as before"
        );
        assert_eq!(cache.known("notice.yaml", &second), None);
        Ok(())
    }
}
