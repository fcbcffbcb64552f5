//! The output writer. Pages go into a staging folder beside the output folder; `commit`
//! swaps it into place with one atomic `renameat2(RENAME_EXCHANGE)` (Linux), so the output
//! folder is always the complete old site or the complete new one, even if the build is
//! killed. A lock file stops two builds from writing the same output at once. A folder that
//! hysbys did not create (no marker file) is never replaced or deleted.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// The marker file in every folder hysbys writes.
pub const MARKER: &str = ".hysbys-output";

/// The manifest of a build: every file made from a known set of inputs, with the key
/// (a hash) of those inputs. The next build reuses a file whose key is unchanged.
pub const MANIFEST: &str = ".hysbys-manifest";

/// A SHA-256 over length-prefixed parts: the key of a page's inputs.
pub struct Key(sha2::Sha256);

impl Key {
    pub fn new(domain: &str) -> Key {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update((domain.len() as u64).to_le_bytes());
        h.update(domain.as_bytes());
        Key(h)
    }

    pub fn add(&mut self, part: &[u8]) -> &mut Key {
        use sha2::Digest;
        self.0.update((part.len() as u64).to_le_bytes());
        self.0.update(part);
        self
    }

    /// The first 128 bits, in hex.
    pub fn hex(&self) -> String {
        use sha2::Digest;
        let d = self.0.clone().finalize();
        d.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }
}

/// Where rendered files go: the output writer, or memory for `serve`.
pub trait Sink: Sync {
    fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;

    /// Put a file made from inputs with the given key (recorded in the manifest).
    fn put_keyed(&self, rel: &str, bytes: &[u8], key: &str) -> io::Result<()> {
        let _ = key;
        self.put(rel, bytes)
    }

    /// Write a file by streaming into it (large outputs: the register, the JSON-LD).
    fn put_with(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut buf = Vec::new();
        write(&mut buf)?;
        self.put(rel, &buf)
    }

    /// The previous build's file at `rel`, if it was made from the same inputs.
    fn previous(&self, rel: &str, key: &str) -> Option<Vec<u8>> {
        let _ = (rel, key);
        None
    }

    /// Reuse the previous build's file at `rel` if it was made from the same inputs; true
    /// when done (the caller then does not render it).
    fn reuse(&self, rel: &str, key: &str) -> bool {
        let _ = (rel, key);
        false
    }
}

pub struct Writer {
    out: PathBuf,
    staging: PathBuf,
    _lock: File,
    files: AtomicU64,
    bytes: AtomicU64,
    reused: AtomicU64,
    committed: bool,
    /// The previous build's manifest: path → key.
    previous: HashMap<String, String>,
    /// This build's manifest.
    manifest: Mutex<Vec<(String, String)>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub files: u64,
    pub bytes: u64,
    /// Files linked unchanged from the previous build.
    pub reused: u64,
}

/// Is `rel` a plain relative path that stays inside the folder?
pub fn safe_rel(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Remove a folder hysbys wrote: everything but the marker first, the marker last, so a
/// removal cut short by a kill still carries the marker and is finished next time.
fn remove_ours(dir: &Path) {
    if !dir.join(MARKER).exists() {
        // Killed between creating the folder and writing the marker: empty, or nearly.
        let _ = fs::remove_dir(dir);
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name() == MARKER {
                continue;
            }
            let p = e.path();
            let _ = if p.is_dir() {
                fs::remove_dir_all(&p)
            } else {
                fs::remove_file(&p)
            };
        }
    }
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

fn other(msg: String) -> io::Error {
    io::Error::other(msg)
}

fn lock(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: flock on a file descriptor we own; no memory is shared.
        let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if r != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Swap two paths atomically; falls back to two renames where the kernel cannot.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let ca = CString::new(a.as_os_str().as_bytes()).map_err(|e| other(e.to_string()))?;
        let cb = CString::new(b.as_os_str().as_bytes()).map_err(|e| other(e.to_string()))?;
        // SAFETY: two valid NUL-terminated paths; renameat2 does not keep the pointers.
        let r = unsafe {
            libc::syscall(
                libc::SYS_renameat2,
                libc::AT_FDCWD,
                ca.as_ptr(),
                libc::AT_FDCWD,
                cb.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if r == 0 {
            return Ok(());
        }
    }
    let tmp = a.with_extension("hysbys-swap");
    fs::rename(b, &tmp)?;
    fs::rename(a, b)?;
    fs::rename(&tmp, a)
}

impl Writer {
    /// Start writing a new version of `out`. Fails if `out` exists and is not hysbys's, or
    /// another build holds the lock.
    pub fn begin(out: &Path) -> io::Result<Writer> {
        let name = out
            .file_name()
            .ok_or_else(|| other(format!("{} is not a folder name", out.display())))?
            .to_string_lossy()
            .into_owned();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        if out.exists() && !out.is_dir() {
            return Err(other(format!(
                "{} exists and is not a folder",
                out.display()
            )));
        }
        if out.is_dir() && !out.join(MARKER).exists() && fs::read_dir(out)?.next().is_some() {
            return Err(other(format!(
                "{} exists and was not written by hysbys (no {MARKER} file); refusing to replace it",
                out.display()
            )));
        }
        let lock_path = parent.join(format!(".{name}.hysbys-lock"));
        let lock_file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)?;
        lock(&lock_file).map_err(|_| {
            other(format!(
                "another hysbys build is writing {}; wait for it to finish",
                out.display()
            ))
        })?;
        // Staging folders left by a killed build are ours to remove (we hold the lock).
        if let Ok(entries) = fs::read_dir(&parent) {
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&format!(".{name}.hysbys-new-")) && e.path().is_dir() {
                    remove_ours(&e.path());
                }
            }
        }
        let staging = parent.join(format!(".{name}.hysbys-new-{}", std::process::id()));
        fs::create_dir_all(&staging)?;
        fs::write(
            staging.join(MARKER),
            b"This folder is written by hysbys and replaced on every build.\n",
        )?;
        // Only a complete previous build (one that has a manifest) is reused from.
        let previous = fs::read_to_string(out.join(MANIFEST))
            .map(|text| {
                text.lines()
                    .filter_map(|l| l.split_once('\t'))
                    .map(|(k, p)| (p.to_owned(), k.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Writer {
            out: out.to_path_buf(),
            staging,
            _lock: lock_file,
            files: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            reused: AtomicU64::new(0),
            committed: false,
            previous,
            manifest: Mutex::new(Vec::new()),
        })
    }

    /// Swap the new output into place and remove the old one.
    pub fn commit(mut self) -> io::Result<Stats> {
        let mut lines = std::mem::take(
            &mut *self
                .manifest
                .lock()
                .map_err(|_| other("manifest lock poisoned".into()))?,
        );
        lines.sort();
        let mut text = String::with_capacity(lines.len() * 64);
        for (path, key) in &lines {
            text.push_str(key);
            text.push('\t');
            text.push_str(path);
            text.push('\n');
        }
        fs::write(self.staging.join(MANIFEST), text)?;
        if self.out.is_dir() {
            exchange(&self.staging, &self.out)?;
            // `staging` now holds the old output.
            remove_ours(&self.staging);
        } else {
            fs::rename(&self.staging, &self.out)?;
        }
        self.committed = true;
        Ok(Stats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        })
    }
}

impl Sink for Writer {
    fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if !safe_rel(rel) {
            return Err(other(format!(
                "refusing to write outside the output folder: {rel}"
            )));
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    fn put_with(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        if !safe_rel(rel) {
            return Err(other(format!(
                "refusing to write outside the output folder: {rel}"
            )));
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let file = File::create(&path)?;
        let mut counting = Counting {
            inner: io::BufWriter::with_capacity(1 << 20, file),
            bytes: 0,
        };
        write(&mut counting)?;
        io::Write::flush(&mut counting)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(counting.bytes, Ordering::Relaxed);
        Ok(())
    }

    fn put_keyed(&self, rel: &str, bytes: &[u8], key: &str) -> io::Result<()> {
        self.put(rel, bytes)?;
        if let Ok(mut m) = self.manifest.lock() {
            m.push((rel.to_owned(), key.to_owned()));
        }
        Ok(())
    }

    fn previous(&self, rel: &str, key: &str) -> Option<Vec<u8>> {
        if !safe_rel(rel) || self.previous.get(rel).map(String::as_str) != Some(key) {
            return None;
        }
        fs::read(self.out.join(rel)).ok()
    }

    fn reuse(&self, rel: &str, key: &str) -> bool {
        if !safe_rel(rel) || self.previous.get(rel).map(String::as_str) != Some(key) {
            return false;
        }
        let old = self.out.join(rel);
        let new = self.staging.join(rel);
        if let Some(dir) = new.parent() {
            if fs::create_dir_all(dir).is_err() {
                return false;
            }
        }
        // A hard link shares the bytes; the old tree is only removed after the swap. Where
        // links are not possible (another file system), copying is still cheaper than
        // rendering.
        let ok = fs::hard_link(&old, &new).is_ok() || fs::copy(&old, &new).is_ok();
        if !ok {
            return false;
        }
        let size = fs::metadata(&new).map(|m| m.len()).unwrap_or(0);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
        self.reused.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut m) = self.manifest.lock() {
            m.push((rel.to_owned(), key.to_owned()));
        }
        true
    }
}

/// A writer that counts the bytes through it.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: io::Write> io::Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.committed {
            remove_ours(&self.staging);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_only() {
        assert!(safe_rel("en/advice/index.html"));
        for bad in ["", "/etc/passwd", "../x", "en/../../x", "./x"] {
            assert!(!safe_rel(bad), "{bad}");
        }
    }

    #[test]
    fn swap_replaces_and_refuses_foreign_folders() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        let w = Writer::begin(&out)?;
        w.put("a.txt", b"one")?;
        w.commit()?;
        assert_eq!(fs::read(out.join("a.txt"))?, b"one");
        let w = Writer::begin(&out)?;
        w.put("b.txt", b"two")?;
        w.commit()?;
        assert!(!out.join("a.txt").exists());
        assert_eq!(fs::read(out.join("b.txt"))?, b"two");
        // A second writer cannot start while one holds the lock.
        let held = Writer::begin(&out)?;
        assert!(Writer::begin(&out).is_err());
        drop(held);
        // A folder hysbys did not make is never replaced.
        let foreign = dir.path().join("mine");
        fs::create_dir_all(&foreign)?;
        fs::write(foreign.join("thesis.docx"), b"precious")?;
        assert!(Writer::begin(&foreign).is_err());
        assert_eq!(fs::read(foreign.join("thesis.docx"))?, b"precious");
        // No staging folders are left behind.
        let left: Vec<_> = fs::read_dir(dir.path())?
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("hysbys-new"))
            .collect();
        assert!(left.is_empty());
        Ok(())
    }
}
