//! The output writer. Pages go into a staging folder beside the output folder; `commit`
//! swaps it into place with one atomic `renameat2(RENAME_EXCHANGE)` (Linux), so the output
//! folder is always the complete old site or the complete new one, even if the build is
//! killed. A lock file stops two builds from writing the same output at once. A folder that
//! hysbys did not create (no marker file) is never replaced or deleted.
//!
//! Rebuilds are incremental. The output that a commit swaps out is kept beside the new one
//! as `.<name>.hysbys-prev` instead of being deleted, and the next build starts from it:
//! a file whose inputs have the same key as when that tree was built is left where it is,
//! any other is replaced (never written through, since it may share its inode with the live
//! output by a hard link), and what the build no longer makes is pruned before the swap.
//! So a rebuild after one edit writes, links and deletes only what changed, plus the large
//! files (register, JSON-LD, records of processing). Those are rewritten over their
//! versions of two builds ago, already in the staging folder ([`Patching`]): what is already
//! in place (the same part at the same offset, or the same bytes) is not written again, and
//! an unchanged part that is not is copied from the live output file to file, inside the
//! kernel (see [`crate::emit::Parts`] and [`Kept`]). A large file with no such version is
//! written afresh, and an old one in the way is removed in the background.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
        hex::encode(&d[..16])
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

    /// Open a file to stream into (large outputs: the register, the JSON-LD); it is put
    /// when closed. This one collects the bytes and puts them at the end.
    fn open<'s>(&'s self, rel: &str) -> io::Result<Box<dyn Out + 's>> {
        Ok(Box::new(Collect {
            sink: self,
            rel: rel.to_owned(),
            buf: Vec::new(),
        }))
    }

    /// Write a file by streaming into it.
    fn put_with(
        &self,
        rel: &str,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut out = self.open(rel)?;
        write(&mut out)?;
        out.close()
    }

    /// The previous build's bytes of notice `id`'s part of the large file `file`, if they
    /// were made from inputs with the same key (see [`crate::emit::Parts`]).
    fn previous_part(&self, file: &str, id: &str, key: &str) -> Option<Kept> {
        let _ = (file, id, key);
        None
    }

    /// Record that notice `id`'s part of `file`, made from inputs with `key`, was written
    /// at byte `offset`, `len` bytes long.
    fn record_part(&self, file: &str, id: &str, key: &str, offset: u64, len: u64) {
        let _ = (file, id, key, offset, len);
    }

    /// Reuse the previous build's file at `rel` if it was made from the same inputs; true
    /// when done (the caller then does not render it).
    fn reuse(&self, rel: &str, key: &str) -> bool {
        let _ = (rel, key);
        false
    }

    /// Would [`Sink::reuse`] reuse the file at `rel`? (Nothing is done.)
    fn would_reuse(&self, rel: &str, key: &str) -> bool {
        let _ = (rel, key);
        false
    }

    /// Would [`Sink::previous_part`] find notice `id`'s part of `file`? (Nothing is done.)
    fn has_part(&self, file: &str, id: &str, key: &str) -> bool {
        let _ = (file, id, key);
        false
    }
}

/// A file being streamed into a [`Sink`]: complete once closed.
pub trait Out: io::Write + Send {
    fn close(self: Box<Self>) -> io::Result<()>;

    /// Append a part kept from the previous build's file.
    fn keep(&mut self, part: &Kept) -> io::Result<()> {
        io::Write::write_all(self, &part.read()?)
    }
}

/// A notice's part of one of the previous build's large files, made from the same inputs
/// as this build's (see [`crate::emit::Parts`]): where it is, so that the writer can copy
/// it file to file without reading it (a rebuild copies gigabytes of these).
#[derive(Clone)]
pub struct Kept {
    file: std::sync::Arc<File>,
    offset: u64,
    len: u64,
    /// The notice, and the key of the inputs the part was made from.
    id: String,
    key: String,
}

impl Kept {
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Its bytes.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        let len = usize::try_from(self.len).map_err(|e| other(e.to_string()))?;
        let mut buf = vec![0; len];
        read_at(&self.file, &mut buf, self.offset)?;
        Ok(buf)
    }
}

/// [`Sink::open`] for a sink that only takes whole files: the bytes, put when closed.
struct Collect<'s, S: ?Sized> {
    sink: &'s S,
    rel: String,
    buf: Vec<u8>,
}

impl<S: Sink + ?Sized> io::Write for Collect<'_, S> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<S: Sink + ?Sized> Out for Collect<'_, S> {
    fn close(self: Box<Self>) -> io::Result<()> {
        self.sink.put(&self.rel, &self.buf)
    }
}

pub struct Writer {
    out: PathBuf,
    staging: PathBuf,
    _lock: File,
    files: AtomicU64,
    bytes: AtomicU64,
    reused: AtomicU64,
    parts_reused: AtomicU64,
    committed: bool,
    /// The previous build's manifest: path (or `file#id` for a part) → key and, for a
    /// part, where it is in the file.
    previous: HashMap<String, (String, Option<Span>)>,
    /// The previous build's large files, opened for reading parts.
    previous_files: Mutex<HashMap<String, (std::sync::Arc<File>, u64)>>,
    /// This build's manifest.
    manifest: Mutex<Vec<Entry>>,
    /// When the staging folder started as the tree of two builds ago: the keys of its files
    /// (path → key), and every path this build has written or kept (the rest is pruned).
    base: Option<Base>,
    /// Large files being removed in the background ([`Writer::discard`]).
    removing: Mutex<Vec<std::thread::JoinHandle<()>>>,
    trashed: AtomicU64,
    /// Bytes of large files found already in place ([`Patching`]).
    patched: AtomicU64,
    /// Files [`Sink::would_reuse`] found reusable, for [`Sink::reuse`] to take without
    /// looking again: path → key, whether in the staging folder (else in the previous
    /// output), and size. Three `stat`s a page were a sixth of a rebuild.
    found: Mutex<HashMap<String, (String, bool, u64)>>,
}

struct Base {
    keys: HashMap<String, String>,
    /// The parts of its large files: file → notice id → key and span.
    parts: HashMap<String, HashMap<String, (String, Span)>>,
    touched: Mutex<HashSet<String>>,
    /// Lists the files the staging folder held at the start, in the background while the
    /// build renders (a cold walk of tens of thousands of files takes a second).
    present: Mutex<Option<std::thread::JoinHandle<Vec<String>>>>,
}

/// Where a part is in its file: offset and length in bytes.
type Span = (u64, u64);

/// One line of the manifest.
type Entry = (String, String, Option<Span>);

/// A file at least this large is removed in the background ([`Writer::discard`]).
const LARGE: u64 = 1 << 24;

/// The longest part read back from a previous build (a guard against a damaged manifest).
const MAX_PART: u64 = 1 << 28;

/// The lines of a manifest: the room its maps need, made once instead of grown (about
/// 70,000 lines at 10,000 notices).
fn lines_in(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// Parse one manifest line: `key \t path`, or `key \t file#id \t offset \t length`.
fn manifest_line(line: &str) -> Option<(String, (String, Option<Span>))> {
    let mut cols = line.split('\t');
    let key = cols.next()?;
    let path = cols.next()?;
    let span = match (cols.next(), cols.next()) {
        (None, _) => None,
        (Some(o), Some(l)) => Some((o.parse().ok()?, l.parse().ok()?)),
        (Some(_), None) => return None,
    };
    Some((path.to_owned(), (key.to_owned(), span)))
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub files: u64,
    pub bytes: u64,
    /// Files unchanged since the previous build, and not written again.
    pub reused: u64,
    /// Notices' parts of the large files (register, JSON-LD, records of processing)
    /// copied unchanged from the previous build.
    pub parts_reused: u64,
    /// Bytes of the large files that were already in place in the tree of two builds ago,
    /// and were not written again.
    pub bytes_in_place: u64,
}

/// Is `rel` a plain relative path that stays inside the folder?
pub fn safe_rel(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// Remove a folder hysbys wrote: everything but the marker first, the marker last, so a
/// removal cut short by a kill still carries the marker and is finished next time. The
/// entries of each subfolder are removed in parallel (a site has tens of thousands).
fn remove_ours(dir: &Path) {
    use rayon::prelude::*;
    if !dir.join(MARKER).exists() {
        // Killed between creating the folder and writing the marker: empty, or nearly.
        let _ = fs::remove_dir(dir);
        return;
    }
    let entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name() != MARKER)
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    let remove = |p: &PathBuf| {
        let _ = if p.is_dir() {
            fs::remove_dir_all(p)
        } else {
            fs::remove_file(p)
        };
    };
    entries.par_iter().for_each(|p| {
        if p.is_dir() {
            if let Ok(rd) = fs::read_dir(p) {
                let inner: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
                inner.par_iter().for_each(remove);
            }
        }
        remove(p);
    });
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

/// Start the staging folder from the tree kept by the last build (`prev`), if it is a
/// complete one of ours: move it to `staging` and return the keys of its files. Its manifest
/// is removed first, so that a build killed half-way through updating it leaves nothing
/// that claims to describe it.
fn start_from_previous(prev: &Path, staging: &Path) -> Option<Base> {
    let is_ours =
        fs::symlink_metadata(prev).is_ok_and(|m| m.is_dir()) && prev.join(MARKER).is_file();
    if !is_ours {
        return None;
    }
    let Ok(text) = fs::read_to_string(prev.join(MANIFEST)) else {
        remove_ours(prev);
        return None;
    };
    let mut keys = HashMap::with_capacity_and_hasher(lines_in(&text), Default::default());
    let mut parts: HashMap<String, HashMap<String, (String, Span)>> = HashMap::default();
    for (path, (key, span)) in text.lines().filter_map(manifest_line) {
        match (span, path.split_once('#')) {
            (None, _) => {
                keys.insert(path, key);
            }
            (Some(span), Some((file, id))) => {
                parts
                    .entry(file.to_owned())
                    .or_default()
                    .insert(id.to_owned(), (key, span));
            }
            (Some(_), None) => {}
        }
    }
    if fs::remove_file(prev.join(MANIFEST)).is_err() || fs::rename(prev, staging).is_err() {
        remove_ours(prev);
        return None;
    }
    let dir = staging.to_path_buf();
    let present = std::thread::spawn(move || {
        let mut files = Vec::new();
        list_files(&dir, "", &mut files);
        files
    });
    Some(Base {
        keys,
        parts,
        touched: Mutex::new(HashSet::default()),
        present: Mutex::new(Some(present)),
    })
}

/// Every file under `dir`, as paths relative to it with `/` separators (the marker and the
/// manifest at the top excepted).
fn list_files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if rel.is_empty() && (name == MARKER || name == MANIFEST) {
            continue;
        }
        let sub = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&e.path(), &sub, out);
        } else {
            out.push(sub);
        }
    }
}

/// Remove from the staging folder every file that was there when the build started and
/// that the build neither wrote nor kept, and the folders this leaves empty.
fn prune(staging: &Path, present: &[String], touched: &HashSet<String>) {
    for rel in present.iter().filter(|r| !touched.contains(*r)) {
        let path = staging.join(rel);
        if fs::remove_file(&path).is_err() {
            continue;
        }
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == staging || fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
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

/// [`lock`], trying again for 20 ms before giving up. A lock just let go can still be held
/// for a moment by a process that another thread of the same program is starting: until
/// it runs its new program, the child has a copy of every open file, the lock's included.
/// (The tests, which start `hysbys` while building beside it, saw it now and then.) A
/// build that really holds the lock holds it for longer, and is still refused.
fn lock_soon(file: &File) -> io::Result<()> {
    lock_within(file, 20, std::time::Duration::from_millis(1))
}

/// [`lock`], tried again `tries` times, `pause` apart.
fn lock_within(file: &File, mut tries: u32, pause: std::time::Duration) -> io::Result<()> {
    loop {
        match lock(file) {
            Err(_) if tries > 0 => {
                tries -= 1;
                std::thread::sleep(pause);
            }
            r => return r,
        }
    }
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
        lock_soon(&lock_file).map_err(|_| {
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
                } else if n.starts_with(&format!(".{name}.hysbys-trash-"))
                    && e.file_type().is_ok_and(|t| t.is_file())
                {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
        let staging = parent.join(format!(".{name}.hysbys-new-{}", std::process::id()));
        // The two manifests (about 70,000 lines each at 10,000 notices) are read at once:
        // one after the other they were half of the start of a rebuild.
        let prev = parent.join(format!(".{name}.hysbys-prev"));
        let (base, previous) = rayon::join(
            || start_from_previous(&prev, &staging),
            // Only a complete previous build (one that has a manifest) is reused from.
            || {
                fs::read_to_string(out.join(MANIFEST))
                    .map(|text| {
                        let mut m =
                            HashMap::with_capacity_and_hasher(lines_in(&text), Default::default());
                        m.extend(text.lines().filter_map(manifest_line));
                        m
                    })
                    .unwrap_or_default()
            },
        );
        if base.is_none() {
            fs::create_dir_all(&staging)?;
            fs::write(
                staging.join(MARKER),
                b"This folder is written by hysbys and replaced on every build.\n",
            )?;
        }
        Ok(Writer {
            out: out.to_path_buf(),
            staging,
            _lock: lock_file,
            files: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            reused: AtomicU64::new(0),
            parts_reused: AtomicU64::new(0),
            committed: false,
            previous,
            previous_files: Mutex::new(HashMap::default()),
            manifest: Mutex::new(Vec::new()),
            base,
            removing: Mutex::new(Vec::new()),
            trashed: AtomicU64::new(0),
            patched: AtomicU64::new(0),
            found: Mutex::new(HashMap::default()),
        })
    }

    /// The output folder this build replaces.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Where the output swapped out by this build is kept for the next one.
    fn prev_path(&self) -> PathBuf {
        self.staging
            .with_file_name(format!(".{}.hysbys-prev", self.out_name()))
    }

    /// The name of the output folder.
    fn out_name(&self) -> String {
        self.out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Make way for a new file at `rel` in the staging folder, which may hold the tree of
    /// two builds ago: remove what is there (never write through it: it may be a hard link
    /// into the live output), and note that the build makes this path.
    fn make_way(&self, rel: &str) -> PathBuf {
        let path = self.staging.join(rel);
        if let Some(base) = &self.base {
            match fs::symlink_metadata(&path) {
                Ok(m) if m.is_dir() => {
                    let _ = fs::remove_dir_all(&path);
                }
                Ok(m) if m.len() >= LARGE => self.discard(&path),
                Ok(_) => {
                    let _ = fs::remove_file(&path);
                }
                Err(_) => {}
            }
            self.touch(base, rel);
        }
        path
    }

    /// Rewrite the large file at `rel` over its version in the staging folder (the tree of
    /// two builds ago), if it has one with parts ([`Patching`]).
    fn patch(&self, rel: &str) -> Option<Patching<'_>> {
        let base = self.base.as_ref()?;
        let parts = base.parts.get(rel)?;
        let path = self.staging.join(rel);
        // Only a file of its own: never one that shares its bytes with the live output.
        let meta = fs::symlink_metadata(&path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() != 1 {
                return None;
            }
        }
        if !meta.is_file() {
            return None;
        }
        let file = File::options().read(true).write(true).open(&path).ok()?;
        self.touch(base, rel);
        Some(Patching {
            file,
            pos: 0,
            parts: parts.clone(),
            pending: Vec::new(),
            run: None,
            changed: 0,
            writer: self,
        })
    }

    /// Remove a large file in the background: freeing the blocks of a file of a gigabyte
    /// takes a tenth of a second or more, a tenth of a rebuild. It is moved out of the
    /// staging folder first (a trash file left by a killed build is removed by the next).
    fn discard(&self, path: &Path) {
        let n = self.trashed.fetch_add(1, Ordering::Relaxed);
        let trash = self.staging.with_file_name(format!(
            ".{}.hysbys-trash-{}-{n}",
            self.out_name(),
            std::process::id()
        ));
        if fs::rename(path, &trash).is_err() {
            let _ = fs::remove_file(path);
            return;
        }
        let job = std::thread::spawn(move || {
            let _ = fs::remove_file(trash);
        });
        if let Ok(mut jobs) = self.removing.lock() {
            jobs.push(job);
        }
    }

    /// Wait for the removals started by [`Writer::discard`].
    fn removed(&self) {
        let jobs = self
            .removing
            .lock()
            .map(|mut j| std::mem::take(&mut *j))
            .unwrap_or_default();
        for job in jobs {
            let _ = job.join();
        }
    }

    fn touch(&self, base: &Base, rel: &str) {
        if let Ok(mut t) = base.touched.lock() {
            t.insert(rel.to_owned());
        }
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
        for (path, key, span) in &lines {
            text.push_str(key);
            text.push('\t');
            text.push_str(path);
            if let Some((offset, len)) = span {
                text.push_str(&format!("\t{offset}\t{len}"));
            }
            text.push('\n');
        }
        if let Some(base) = &self.base {
            let touched = base
                .touched
                .lock()
                .map_err(|_| other("output lock poisoned".into()))?;
            let present = base
                .present
                .lock()
                .map_err(|_| other("output lock poisoned".into()))?
                .take()
                .map(|h| h.join().unwrap_or_default())
                .unwrap_or_default();
            prune(&self.staging, &present, &touched);
        }
        fs::write(self.staging.join(MANIFEST), text)?;
        if self.out.is_dir() {
            exchange(&self.staging, &self.out)?;
            // `staging` now holds the old output: keep it for the next build to start from,
            // out of version control (the next build prunes this file).
            let prev = self.prev_path();
            if prev.exists() || fs::rename(&self.staging, &prev).is_err() {
                remove_ours(&self.staging);
            } else {
                let _ = fs::write(prev.join(".gitignore"), "*\n");
            }
        } else {
            fs::rename(&self.staging, &self.out)?;
        }
        self.committed = true;
        self.removed();
        Ok(Stats {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
            parts_reused: self.parts_reused.load(Ordering::Relaxed),
            bytes_in_place: self.patched.load(Ordering::Relaxed),
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
        let path = self.make_way(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    fn open<'s>(&'s self, rel: &str) -> io::Result<Box<dyn Out + 's>> {
        if !safe_rel(rel) {
            return Err(other(format!(
                "refusing to write outside the output folder: {rel}"
            )));
        }
        if let Some(p) = self.patch(rel) {
            return Ok(Box::new(p));
        }
        let path = self.make_way(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let file = File::create(&path)?;
        Ok(Box::new(Counting {
            inner: io::BufWriter::with_capacity(1 << 20, file),
            bytes: 0,
            writer: self,
        }))
    }

    fn put_keyed(&self, rel: &str, bytes: &[u8], key: &str) -> io::Result<()> {
        self.put(rel, bytes)?;
        if let Ok(mut m) = self.manifest.lock() {
            m.push((rel.to_owned(), key.to_owned(), None));
        }
        Ok(())
    }

    fn previous_part(&self, file: &str, id: &str, key: &str) -> Option<Kept> {
        let kept = self.locate(file, id, key)?;
        self.parts_reused.fetch_add(1, Ordering::Relaxed);
        Some(kept)
    }

    fn has_part(&self, file: &str, id: &str, key: &str) -> bool {
        self.locate(file, id, key).is_some()
    }

    fn would_reuse(&self, rel: &str, key: &str) -> bool {
        if !safe_rel(rel) {
            return false;
        }
        let found = match self.in_base(rel, key) {
            Some(size) => Some((true, size)),
            None if self.previous.get(rel).map(|(k, _)| k.as_str()) == Some(key) => {
                fs::symlink_metadata(self.out.join(rel))
                    .ok()
                    .filter(fs::Metadata::is_file)
                    .map(|m| (false, m.len()))
            }
            None => None,
        };
        let Some((in_base, size)) = found else {
            return false;
        };
        if let Ok(mut f) = self.found.lock() {
            f.insert(rel.to_owned(), (key.to_owned(), in_base, size));
        }
        true
    }

    fn record_part(&self, file: &str, id: &str, key: &str, offset: u64, len: u64) {
        if let Ok(mut m) = self.manifest.lock() {
            m.push((format!("{file}#{id}"), key.to_owned(), Some((offset, len))));
        }
    }

    fn reuse(&self, rel: &str, key: &str) -> bool {
        if !safe_rel(rel) {
            return false;
        }
        let found = self
            .found
            .lock()
            .ok()
            .and_then(|mut f| f.remove(rel))
            .filter(|(k, _, _)| k == key);
        let in_base = match &found {
            Some((_, in_base, size)) => in_base.then_some(*size),
            None => self.in_base(rel, key),
        };
        // Already in the staging folder, from the tree of two builds ago: keep it. It is
        // unchanged since the last build only if the last build made it from the same
        // inputs too (an edit undone makes it again as it was two builds ago).
        if let (Some(base), Some(size)) = (&self.base, in_base) {
            self.touch(base, rel);
            self.files.fetch_add(1, Ordering::Relaxed);
            self.bytes.fetch_add(size, Ordering::Relaxed);
            if self.previous.get(rel).is_some_and(|(k, _)| k == key) {
                self.reused.fetch_add(1, Ordering::Relaxed);
            }
            if let Ok(mut m) = self.manifest.lock() {
                m.push((rel.to_owned(), key.to_owned(), None));
            }
            return true;
        }
        if self.previous.get(rel).map(|(k, _)| k.as_str()) != Some(key) {
            return false;
        }
        let old = self.out.join(rel);
        let new = self.make_way(rel);
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
        let size = match found {
            Some((_, _, size)) => size,
            None => fs::metadata(&new).map_or(0, |m| m.len()),
        };
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
        self.reused.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut m) = self.manifest.lock() {
            m.push((rel.to_owned(), key.to_owned(), None));
        }
        true
    }
}

impl Writer {
    /// Is the file at `rel` in the staging folder, from the tree of two builds ago, made
    /// from inputs with this key? Its size if so.
    fn in_base(&self, rel: &str, key: &str) -> Option<u64> {
        let base = self.base.as_ref()?;
        if base.keys.get(rel).map(String::as_str) != Some(key) {
            return None;
        }
        fs::symlink_metadata(self.staging.join(rel))
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| m.len())
    }

    /// Notice `id`'s part of the previous build's `file`, if made from inputs with `key`.
    fn locate(&self, file: &str, id: &str, key: &str) -> Option<Kept> {
        let (k, span) = self.previous.get(&format!("{file}#{id}"))?;
        let (offset, len) = (*span)?;
        if k != key || !safe_rel(file) || len > MAX_PART {
            return None;
        }
        let (f, size) = {
            let mut open = self.previous_files.lock().ok()?;
            match open.get(file) {
                Some((f, size)) => (std::sync::Arc::clone(f), *size),
                None => {
                    let f = File::open(self.out.join(file)).ok()?;
                    let size = f.metadata().ok()?.len();
                    let f = std::sync::Arc::new(f);
                    open.insert(file.to_owned(), (std::sync::Arc::clone(&f), size));
                    (f, size)
                }
            }
        };
        // A part past the end of the file (a damaged manifest) is made afresh.
        if size < offset.checked_add(len)? {
            return None;
        }
        Some(Kept {
            file: f,
            offset,
            len,
            id: id.to_owned(),
            key: key.to_owned(),
        })
    }
}

/// Read exactly `buf.len()` bytes at `offset`.
fn read_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        f.read_exact_at(buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek};
        let mut f = f.try_clone()?;
        f.seek(io::SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

/// A large file rewritten over its version of two builds ago, already in the staging
/// folder: where the new bytes are those already there (the same part, by key, at the same
/// offset, or the same bytes), nothing is written. After an edit to one notice only what
/// follows its part is written; when the edit kept its length, only the part itself.
struct Patching<'w> {
    file: File,
    /// Where the next byte goes.
    pos: u64,
    /// The old version's parts: notice id → key and span.
    parts: HashMap<String, (String, Span)>,
    /// Bytes written and not yet compared with the old version (they go at `pos`).
    pending: Vec<u8>,
    /// Kept parts not yet copied: bytes `from..from + len` of the previous build's file,
    /// which go at `at`. Parts that follow each other there and here, with the
    /// same bytes between them (a separator), are copied in one call: one `pread` of the
    /// separator instead of a `pread`, a `pwrite` and a `copy_file_range` for each notice.
    run: Option<Run>,
    /// Bytes written to the file (the rest were already there).
    changed: u64,
    writer: &'w Writer,
}

/// The bytes of kept parts copied in one call (see [`Patching::run`]).
const RUN: u64 = 8 << 20;

/// See [`Patching::run`].
struct Run {
    file: std::sync::Arc<File>,
    from: u64,
    len: u64,
    at: u64,
}

impl Patching<'_> {
    /// Copy the kept parts not yet copied.
    fn copy_run(&mut self) -> io::Result<()> {
        let Some(run) = self.run.take() else {
            return Ok(());
        };
        let at = run.at;
        if !copy_range(&run.file, run.from, run.len, &self.file, Some(at))? {
            let len = usize::try_from(run.len).map_err(|e| other(e.to_string()))?;
            let mut buf = vec![0; len];
            read_at(&run.file, &mut buf, run.from)?;
            write_at(&self.file, &buf, at)?;
        }
        Ok(())
    }

    /// Take `part` into the run of kept parts, if it follows the run's last part in the
    /// previous build's file with the pending bytes between them there too.
    fn extends_run(&mut self, part: &Kept) -> io::Result<bool> {
        let Some(run) = &mut self.run else {
            return Ok(false);
        };
        let gap = self.pending.len() as u64;
        // (Nothing was written after the run but the pending bytes.)
        let follows = std::sync::Arc::ptr_eq(&run.file, &part.file)
            && run.at + run.len == self.pos
            && gap <= 64
            && run.from.checked_add(run.len + gap) == Some(part.offset);
        if !follows {
            return Ok(false);
        }
        let mut there = [0; 64];
        let there = &mut there[..self.pending.len()];
        if read_at(&run.file, there, run.from + run.len).is_err() || *there != *self.pending {
            return Ok(false);
        }
        run.len += gap + part.len;
        let full = run.len >= RUN;
        self.pos += gap + part.len;
        self.changed += gap + part.len;
        self.pending.clear();
        // Copied as it goes, a few megabytes at a time, while the other large files are
        // written beside it: copied whole at the end, the four files' copies ran one after
        // the other on one thread.
        if full {
            self.copy_run()?;
        }
        Ok(true)
    }

    /// Compare the pending bytes with what is at their place, and write them if different.
    fn settle(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut old = vec![0; self.pending.len()];
        if read_at(&self.file, &mut old, self.pos).is_err() || old != self.pending {
            write_at(&self.file, &self.pending, self.pos)?;
            self.changed += self.pending.len() as u64;
        }
        self.pos += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }
}

impl io::Write for Patching<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= 1 << 20 {
            self.settle()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.settle()?;
        self.copy_run()
    }
}

impl Out for Patching<'_> {
    fn close(mut self: Box<Self>) -> io::Result<()> {
        self.settle()?;
        self.copy_run()?;
        self.file.set_len(self.pos)?;
        self.writer.files.fetch_add(1, Ordering::Relaxed);
        self.writer.bytes.fetch_add(self.pos, Ordering::Relaxed);
        self.writer
            .patched
            .fetch_add(self.pos - self.changed, Ordering::Relaxed);
        Ok(())
    }

    fn keep(&mut self, part: &Kept) -> io::Result<()> {
        if self.extends_run(part)? {
            return Ok(());
        }
        self.settle()?;
        let here = self
            .parts
            .get(&part.id)
            .is_some_and(|(key, span)| *key == part.key && *span == (self.pos, part.len));
        if here {
            self.pos += part.len;
            return Ok(());
        }
        // A part that begins a run: the run before it is copied now.
        self.copy_run()?;
        self.run = Some(Run {
            file: std::sync::Arc::clone(&part.file),
            from: part.offset,
            len: part.len,
            at: self.pos,
        });
        self.pos += part.len;
        self.changed += part.len;
        Ok(())
    }
}

/// Write all of `buf` at `offset`.
fn write_at(f: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        f.write_all_at(buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, Write};
        let mut f = f.try_clone()?;
        f.seek(io::SeekFrom::Start(offset))?;
        f.write_all(buf)
    }
}

/// A file of the output being streamed into, counted into the build's figures when closed.
struct Counting<'w> {
    inner: io::BufWriter<File>,
    bytes: u64,
    writer: &'w Writer,
}

impl Out for Counting<'_> {
    fn close(mut self: Box<Self>) -> io::Result<()> {
        io::Write::flush(&mut self.inner)?;
        self.writer.files.fetch_add(1, Ordering::Relaxed);
        self.writer.bytes.fetch_add(self.bytes, Ordering::Relaxed);
        Ok(())
    }

    fn keep(&mut self, part: &Kept) -> io::Result<()> {
        io::Write::flush(&mut self.inner)?;
        if !copy_range(
            &part.file,
            part.offset,
            part.len,
            self.inner.get_ref(),
            None,
        )? {
            io::Write::write_all(&mut self.inner, &part.read()?)?;
        }
        self.bytes += part.len;
        Ok(())
    }
}

/// Append `len` bytes of `from`, starting at `offset`, to `to` inside the kernel
/// (`copy_file_range`): a third of the work of reading and writing them. False, with nothing
/// copied, where the system cannot (then the caller reads and writes).
fn copy_range(from: &File, offset: u64, len: u64, to: &File, at: Option<u64>) -> io::Result<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::io::AsRawFd;
        let mut off = i64::try_from(offset).map_err(|e| other(e.to_string()))?;
        let mut out = match at {
            Some(at) => Some(i64::try_from(at).map_err(|e| other(e.to_string()))?),
            None => None,
        };
        let mut left = len;
        while left > 0 {
            let chunk = usize::try_from(left.min(1 << 30)).unwrap_or(1 << 30);
            let out_ptr = out.as_mut().map_or(std::ptr::null_mut(), |o| o as *mut i64);
            // SAFETY: two open descriptors we own; `off` and `out` outlive the call, and a
            // null output offset means the output file's own position (its end: it is
            // appended to).
            let n = unsafe {
                libc::copy_file_range(
                    from.as_raw_fd(),
                    &mut off,
                    to.as_raw_fd(),
                    out_ptr,
                    chunk,
                    0,
                )
            };
            if n < 0 {
                let e = io::Error::last_os_error();
                let unsupported = matches!(
                    e.raw_os_error(),
                    Some(libc::ENOSYS | libc::EXDEV | libc::EINVAL | libc::EOPNOTSUPP)
                );
                if unsupported && left == len {
                    return Ok(false);
                }
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if n == 0 {
                // Some file systems (FUSE, network ones) say 0 for "cannot", as std knows.
                if left == len {
                    return Ok(false);
                }
                return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
            }
            left -= n as u64;
        }
        Ok(true)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (from, offset, len, to, at);
        Ok(false)
    }
}

/// Writes at least this long go to the file as they are, past the buffer: a notice's part
/// of a large output is tens of kilobytes, and copying it into the buffer first only copies
/// it once more.
const DIRECT: usize = 16 * 1024;

impl io::Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = if buf.len() >= DIRECT {
            io::Write::flush(&mut self.inner)?;
            io::Write::write(self.inner.get_mut(), buf)?
        } else {
            self.inner.write(buf)?
        };
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
        self.removed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lock let go while it is being tried for is taken; one held throughout is refused.
    #[cfg(unix)]
    #[test]
    fn a_lock_let_go_soon_is_taken() {
        use std::time::Duration;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("lock");
        let open = || {
            File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .expect("open")
        };
        let (held, wanted) = (open(), open());
        lock(&held).expect("the first lock");
        assert!(
            lock(&wanted).is_err(),
            "two opens of one file exclude each other"
        );
        assert!(lock_within(&wanted, 3, Duration::from_millis(1)).is_err());
        assert!(lock_soon(&wanted).is_err(), "held throughout");
        // Let go 10 ms on, while it is tried for up to 10 s (a loaded machine may be slow
        // to run the thread that lets it go).
        let letting_go = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(10));
            drop(held);
        });
        assert!(lock_within(&wanted, 1000, Duration::from_millis(10)).is_ok());
        letting_go.join().expect("the thread");
    }

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

    #[test]
    fn an_edit_undone_is_not_counted_unchanged() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        let build = |b: &[u8], key: &str| -> io::Result<Stats> {
            let w = Writer::begin(&out)?;
            if !w.reuse("a.html", "ka") {
                w.put_keyed("a.html", b"same", "ka")?;
            }
            if !w.reuse("b.html", key) {
                w.put_keyed("b.html", b, key)?;
            }
            w.commit()
        };
        assert_eq!(build(b"one", "k1")?.reused, 0);
        assert_eq!(build(b"two", "k2")?.reused, 1, "a.html");
        // b.html is taken from the tree of two builds ago, but the last build had `two`.
        let third = build(b"one", "k1")?;
        assert_eq!((third.files, third.reused), (2, 1));
        assert_eq!(fs::read(out.join("b.html"))?, b"one");
        assert_eq!(build(b"one", "k1")?.reused, 2);
        Ok(())
    }

    /// A build of two large files: `big.txt`, a made head, a part kept from the previous
    /// build and `size` bytes of `fill`; and `plain.bin`, with no parts, `LARGE` bytes of
    /// `fill`.
    fn build_large(out: &Path, head: &[u8], size: usize, fill: u8) -> io::Result<Stats> {
        let w = Writer::begin(out)?;
        let mut f = w.open("big.txt")?;
        io::Write::write_all(&mut f, head)?;
        let len = match w.previous_part("big.txt", "kept", "k1") {
            Some(kept) => {
                f.keep(&kept)?;
                kept.len()
            }
            None => {
                io::Write::write_all(&mut f, b"KEPT PART")?;
                9
            }
        };
        w.record_part("big.txt", "kept", "k1", head.len() as u64, len);
        io::Write::write_all(&mut f, &vec![fill; size])?;
        f.close()?;
        let mut plain = w.open("plain.bin")?;
        io::Write::write_all(&mut plain, &vec![fill; size_of_large()?])?;
        plain.close()?;
        w.commit()
    }

    fn size_of_large() -> io::Result<usize> {
        usize::try_from(LARGE).map_err(|e| other(e.to_string()))
    }

    #[test]
    fn large_files_keep_parts_and_are_rewritten_in_place() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("output");
        let size = size_of_large()?;
        // A trash file left by a killed build goes at the next start.
        fs::write(dir.path().join(".output.hysbys-trash-1-0"), b"left")?;
        let first = build_large(&out, b"head", size, b'a')?;
        assert_eq!(first.parts_reused, 0);
        // The second build copies the kept part out of the first build's file. From the
        // third build on, `big.txt` is rewritten over its version of two builds ago: what is
        // already there, at the same place, is not written again; `plain.bin`, which has no
        // parts, is written afresh and its old version removed in the background.
        let same = 4 + 9;
        let builds: [(&[u8], usize, u8, u64); 6] = [
            (b"head", size, b'b', 0),
            (b"head", size, b'c', same),
            (b"head", size, b'b', same + LARGE),
            // A longer head: the kept part moves, and is copied to its new place.
            (b"longer head", size, b'c', 0),
            // A shorter file, all in place: what is left of the old one is cut off.
            (b"head", size / 2, b'b', same + LARGE / 2),
            // Over the longer head: nothing is where it was.
            (b"head", size / 2, b'b', 0),
        ];
        for (head, size, fill, in_place) in builds {
            let stats = build_large(&out, head, size, fill)?;
            let case = format!("head {head:?}, {size} of {}", fill as char);
            assert_eq!(stats.parts_reused, 1, "{case}");
            assert_eq!(stats.bytes_in_place, in_place, "{case}");
            let bytes = fs::read(out.join("big.txt"))?;
            assert_eq!(bytes.len(), head.len() + 9 + size, "{case}");
            assert_eq!(&bytes[..head.len()], head, "{case}");
            assert_eq!(&bytes[head.len()..head.len() + 9], b"KEPT PART", "{case}");
            assert!(bytes[head.len() + 9..].iter().all(|b| *b == fill), "{case}");
            let plain = fs::read(out.join("plain.bin"))?;
            assert!(plain.len() == size_of_large()? && plain.iter().all(|b| *b == fill));
            let left: Vec<String> = fs::read_dir(dir.path())?
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("hysbys-trash") || n.contains("hysbys-new"))
                .collect();
            assert!(left.is_empty(), "left behind: {left:?}");
        }
        // A part with another key, or past the end of the file, is not kept.
        let w = Writer::begin(&out)?;
        assert!(w.previous_part("big.txt", "kept", "k2").is_none());
        assert!(w.previous_part("big.txt", "other", "k1").is_none());
        drop(w);
        let manifest = fs::read_to_string(out.join(MANIFEST))?;
        fs::write(
            out.join(MANIFEST),
            manifest.replace("\t4\t9\n", &format!("\t{size}\t10\n")),
        )?;
        let w = Writer::begin(&out)?;
        assert!(w.previous_part("big.txt", "kept", "k1").is_none());
        Ok(())
    }
}
