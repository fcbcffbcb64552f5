//! Loading a project: reading `hysbys.toml`, walking `notices/`, reading each file (UTF-8,
//! BOM, size limit), parsing YAML with spans, reading the model's types and resolving
//! references. Files are parsed in parallel; results keep bytewise path order.

pub mod cache;
pub mod convert;
pub mod resolve;
pub mod sources;
pub mod yaml;
mod yaml_quick;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use sources::Sources;
use yaml::{Limits, Pos, ProblemKind};

use crate::config::{self, Config};
use crate::diag::Diagnostic;
use crate::model::{FileId, Lang, Notice, Organisation};
use crate::Project;

/// The most notices a project may hold.
pub const MAX_NOTICES: usize = 100_000;

/// What the load found that is not a diagnostic in a file: a problem with the project as a
/// whole, for exit status 2.
#[derive(Debug)]
pub enum LoadError {
    /// `--root` does not exist or is not a folder.
    Root(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Root(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for LoadError {}

/// Read a file as text: io-error, limit-exceeded or parse-error (invalid UTF-8) on failure.
fn read_text(
    path: &Path,
    file: FileId,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let bytes = read_bytes(path, file, limits, diags)?;
    to_text(bytes, file, diags)
}

/// Read a file's bytes, without a byte-order mark: io-error or limit-exceeded on failure.
///
/// The path is asked what it is before anything is opened, so that a device or a FIFO is
/// never opened; the file is then opened without blocking (were it swapped for a FIFO in
/// between, the read ends at once instead of waiting for a writer) and read in two reads,
/// never past the limit and one byte ([`read_all`]).
fn read_bytes(
    path: &Path,
    file: FileId,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let text = read_into(path, file, limits, diags, &mut bytes)?;
    bytes.truncate(text.end);
    bytes.drain(..text.start);
    Some(bytes)
}

/// [`read_bytes`] into `buf`, whose bytes past its length are made only when it must grow
/// (a thread reading notice after notice reads each into the same memory, neither zeroed
/// nor allocated again): where in `buf` the file's bytes are, without a byte-order mark.
/// Bytes of `buf` outside that range are left from earlier reads.
fn read_into(
    path: &Path,
    file: FileId,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
    buf: &mut Vec<u8>,
) -> Option<std::ops::Range<usize>> {
    let at1 = Pos::START;
    let io_error = |e: std::io::Error| {
        Diagnostic::new("io-error", file, at1, format!("cannot read this file: {e}"))
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            diags.push(io_error(e));
            return None;
        }
    };
    if meta.is_dir() {
        diags.push(
            Diagnostic::new("io-error", file, at1, "this path is a folder, not a file")
                .help("rename the folder so that it does not end in .yaml or .yml"),
        );
        return None;
    }
    if !meta.is_file() {
        // A FIFO, socket or device would block or never end: never read one.
        diags.push(
            Diagnostic::new("io-error", file, at1, "this path is not a regular file")
                .help("notices must be ordinary files"),
        );
        return None;
    }
    let too_large = |size: String| {
        Diagnostic::new(
            "limit-exceeded",
            file,
            at1,
            format!(
                "the file is {size}; the limit is {} bytes",
                limits.max_file_bytes
            ),
        )
        .help("split the notice into several notices")
    };
    let limit = limits.max_file_bytes as u64;
    if meta.len() > limit {
        diags.push(too_large(format!("{} bytes", meta.len())));
        return None;
    }
    let filled = match open_without_blocking(path)
        .and_then(|mut f| read_all(&mut f, meta.len(), limit, buf))
    {
        Ok(n) => n,
        Err(e) => {
            diags.push(io_error(e));
            return None;
        }
    };
    if filled as u64 > limit {
        // It grew while it was read, and was read only to one byte past the limit.
        diags.push(too_large(
            "more than that now (it grew while it was read)".to_owned(),
        ));
        return None;
    }
    let start = if buf[..filled].starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    Some(start..filled)
}

/// Read `f`, which `fstat` says has `len` (at most `limit`), into the start of `buf`, and
/// say how many bytes it had: read into room for all of them and one byte more, so that
/// one read takes the file. A read that stops short at the size `fstat` gave has found the
/// end, as a regular file's read stops short only there; any other short read is followed
/// by another, until one finds the end. (`Read::read_to_end` on a reader without a size
/// hint, as `Read::take` is, reads 8 KiB, then 16 KiB and so on: four reads for a notice
/// of 36 KiB.) A file that grew meanwhile is read on, up to one byte past `limit`.
fn read_all(
    f: &mut std::fs::File,
    len: u64,
    limit: u64,
    buf: &mut Vec<u8>,
) -> std::io::Result<usize> {
    use std::io::Read;
    let room = usize::try_from(len.min(limit)).unwrap_or(0) + 1;
    if buf.len() < room {
        buf.resize(room, 0);
    }
    let size = room - 1;
    let mut filled = 0;
    while filled < room {
        match f.read(&mut buf[filled..room]) {
            Ok(0) => return Ok(filled),
            Ok(n) if filled + n == size => return Ok(size),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let rest = (limit + 1).saturating_sub(filled as u64);
    buf.truncate(filled);
    f.take(rest).read_to_end(buf)?;
    Ok(buf.len())
}

/// Open `path` to read, without waiting for a writer were it a FIFO.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// The bytes as text: parse-error (invalid UTF-8, at the first bad byte) on failure.
fn to_text(bytes: Vec<u8>, file: FileId, diags: &mut Vec<Diagnostic>) -> Option<String> {
    utf8(bytes).map_err(|b| not_utf8(&b, file, diags)).ok()
}

/// [`to_text`] for bytes that stay where they are.
fn to_str<'a>(bytes: &'a [u8], file: FileId, diags: &mut Vec<Diagnostic>) -> Option<&'a str> {
    simdutf8::basic::from_utf8(bytes)
        .map_err(|_| not_utf8(bytes, file, diags))
        .ok()
}

/// The parse-error of bytes that are not UTF-8, at the first bad byte.
fn not_utf8(bytes: &[u8], file: FileId, diags: &mut Vec<Diagnostic>) {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    let good = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
    let pos = config::pos_at(good, good.len(), 0);
    diags.push(
        Diagnostic::new("parse-error", file, pos, "the file is not valid UTF-8")
            .label("invalid byte here")
            .help("save the file as UTF-8"),
    );
}

fn strip_bom(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    bytes
}

/// A file's bytes as text without a byte-order mark, or the bytes back if they are not UTF-8.
fn decode(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    utf8(strip_bom(bytes))
}

/// The bytes as a string, or back if they are not UTF-8: checked by `simdutf8` 32 bytes at
/// a time (AVX2, else SSE4.2, detected at run time), where the standard library's check
/// takes a byte at a time past the first non-ASCII character, as every line of Welsh has.
fn utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: `simdutf8` has just found the bytes to be UTF-8 (the crate's tests hold it
    // to the standard library's answer on every input they generate).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Parse and read one YAML file's root node into `arena`, pushing YAML problems as
/// diagnostics; with it, whether every string in the file is plainly safe Markdown
/// ([`yaml::Parsed::plain_markdown`]).
fn parse_yaml<'a>(
    text: &'a str,
    arena: &'a bumpalo::Bump,
    file: FileId,
    limits: &Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<(yaml::Node<'a>, bool)> {
    let parsed = yaml::parse(text, arena, limits);
    for p in parsed.problems {
        let lint = match p.kind {
            ProblemKind::Parse => "parse-error",
            ProblemKind::DuplicateKey => "duplicate-key",
            ProblemKind::Limit => "limit-exceeded",
        };
        let mut d = Diagnostic::new(lint, file, p.pos, p.message);
        if p.kind == ProblemKind::DuplicateKey {
            d = d
                .label("second occurrence")
                .help("remove one of the two, or merge their values");
        }
        diags.push(d);
    }
    let Some(root) = parsed.root else {
        if !diags.iter().any(|d| d.file == file) {
            diags.push(
                Diagnostic::new("missing-field", file, Pos::START, "the file is empty")
                    .help("write the notice's fields, or run `hysbys new <id>` for a skeleton"),
            );
        }
        return None;
    };
    if matches!(root.value, yaml::Value::Null) {
        diags.push(
            Diagnostic::new("missing-field", file, Pos::START, "the file is empty")
                .help("run `hysbys new <id>` for a notice skeleton"),
        );
        return None;
    }
    Some((root, parsed.plain_markdown))
}

#[derive(Clone)]
struct Found {
    rel: String,
    abs: PathBuf,
    /// The notice id (file stem), when this is a notice.
    stem: String,
    organisation: bool,
}

fn rel_path(root: &Path, p: &Path) -> String {
    let r = under_root(root, p);
    // A relative path made by joining names, as the walk's are, is already in that form on
    // Unix: no `.` but at the start, no empty name, no separator but `/`, none at the end.
    if cfg!(unix) {
        if let Some(s) = r.to_str() {
            let plain = !(s.starts_with('/')
                || s.ends_with('/')
                || s.ends_with("/.")
                || s.contains("//")
                || s.contains("/./"));
            if plain {
                return s.to_owned();
            }
        }
    }
    by_components(r)
}

/// `p` less `root` at its start, as [`Path::strip_prefix`] leaves it for [`rel_path`], or
/// `p` when it is not under `root`. The walk's paths start with the root as it was written,
/// so on Unix the bytes are compared first; `strip_prefix` parses both paths into
/// components, and was a fifth of the start's instructions at 10,000 notices.
fn under_root<'p>(root: &Path, p: &'p Path) -> &'p Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (rb, pb) = (root.as_os_str().as_bytes(), p.as_os_str().as_bytes());
        let rest = match pb.strip_prefix(rb) {
            Some(rest) if rb.ends_with(b"/") => Some(rest),
            Some(rest) if !rb.is_empty() => {
                rest.strip_prefix(b"/").or(rest.is_empty().then_some(rest))
            }
            _ => None,
        };
        // A rest that starts with a name is what `strip_prefix` leaves, but for separators
        // and `.` at its end, which `rel_path` then treats alike.
        if let Some(rest) = rest.filter(|r| r.first().is_none_or(|&c| c != b'/' && c != b'.')) {
            return Path::new(std::ffi::OsStr::from_bytes(rest));
        }
    }
    p.strip_prefix(root).unwrap_or(p)
}

/// A path's components joined by `/`.
fn by_components(r: &Path) -> String {
    r.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The bytes of an entry's name: on Unix, its path's bytes after the last `/` (its path is
/// its folder's joined with the name the folder listed, which has no `/`), without parsing
/// the path into components as [`walkdir::DirEntry::file_name`] does.
fn name_of(e: &walkdir::DirEntry) -> &[u8] {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let b = e.path().as_os_str().as_bytes();
        if e.depth() > 0 {
            return b.rsplit(|&c| c == b'/').next().unwrap_or(b);
        }
    }
    e.file_name().as_encoded_bytes()
}

/// Walk `notices/`: `.yaml`/`.yml` files not under a `_` name, plus the organisation file.
fn walk(root: &Path, sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Vec<Found> {
    let dir = root.join("notices");
    let canon_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut found = Vec::new();
    let mut outside: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            // A linked folder that leads outside the project is not followed.
            if e.path_is_symlink() && e.file_type().is_dir() {
                let inside =
                    std::fs::canonicalize(e.path()).is_ok_and(|c| c.starts_with(&canon_root));
                if !inside {
                    outside.push(e.path().to_path_buf());
                    return false;
                }
            }
            // `_` folders are not notices; hidden folders (.git, editor state) are skipped.
            !(e.file_type().is_dir() && name_of(e).first().is_some_and(|&c| c == b'_' || c == b'.'))
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| "notices".to_owned(), |p| rel_path(root, p));
                let id = sources.add(path, String::new());
                let why = if e.loop_ancestor().is_some() {
                    "a symbolic link here loops back to a folder above it".to_owned()
                } else {
                    e.to_string()
                };
                diags.push(Diagnostic::new(
                    "io-error",
                    id,
                    Pos::START,
                    format!("cannot read: {why}"),
                ));
                continue;
            }
        };
        let name = String::from_utf8_lossy(name_of(&entry));
        if entry.file_type().is_dir() {
            if name.ends_with(".yaml") || name.ends_with(".yml") {
                let id = sources.add(rel_path(root, entry.path()), String::new());
                diags.push(
                    Diagnostic::new(
                        "io-error",
                        id,
                        Pos::START,
                        "this path is a folder, not a notice file",
                    )
                    .help("rename the folder so that its name does not end in .yaml or .yml"),
                );
            }
            continue;
        }
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) => (s.to_owned(), e),
            None => continue,
        };
        if ext != "yaml" && ext != "yml" {
            continue;
        }
        let rel = rel_path(root, entry.path());
        if entry.path_is_symlink() {
            let inside =
                std::fs::canonicalize(entry.path()).is_ok_and(|c| c.starts_with(&canon_root));
            if !inside {
                let id = sources.add(rel, String::new());
                diags.push(Diagnostic::new(
                    "io-error",
                    id,
                    Pos::START,
                    "this symbolic link leads outside the project; it is not followed",
                ));
                continue;
            }
        }
        let organisation = entry.depth() == 1 && stem == "_organisation";
        if stem.starts_with('_') && !organisation {
            continue;
        }
        found.push(Found {
            rel,
            abs: entry.path().to_path_buf(),
            stem,
            organisation,
        });
    }
    outside.sort();
    for p in outside {
        let id = sources.add(rel_path(root, &p), String::new());
        diags.push(Diagnostic::new(
            "io-error",
            id,
            Pos::START,
            "this symbolic link leads outside the project; it is not followed",
        ));
    }
    found.sort_by(|a, b| a.rel.as_bytes().cmp(b.rel.as_bytes()));
    found
}

/// Read one notice file: its text, the notice as read (references not yet resolved), and
/// the problems found. Used by [`load`] and by `serve` to reload one edited notice.
pub fn read_notice(
    abs: &Path,
    stem: &str,
    file: FileId,
    langs: &[Lang],
) -> (String, Option<convert::RawNotice>, Vec<Diagnostic>) {
    let limits = Limits::default();
    let mut local = Vec::new();
    let Some(text) = read_text(abs, file, &limits, &mut local) else {
        return (String::new(), None, local);
    };
    let raw = notice_from_text(&text, stem, file, langs, &mut local);
    (text, raw, local)
}

/// Parse and read one notice from its text (no file system).
pub fn notice_from_text(
    text: &str,
    stem: &str,
    file: FileId,
    langs: &[Lang],
    diags: &mut Vec<Diagnostic>,
) -> Option<convert::RawNotice> {
    let limits = Limits::default();
    if text.len() > limits.max_file_bytes {
        diags.push(Diagnostic::new(
            "limit-exceeded",
            file,
            Pos::START,
            "the file is too large",
        ));
        return None;
    }
    with_arena(|arena| {
        let (node, plain_markdown) = parse_yaml(text, arena, file, &limits, diags)?;
        let mut cx = convert::Cx { file, langs, diags };
        let mut raw = convert::notice(&mut cx, stem, &node)?;
        raw.notice.plain_markdown = plain_markdown;
        Some(raw)
    })
}

thread_local! {
    /// The arena of the YAML trees a thread reads. A notice's tree lives only until the
    /// notice is converted, so the arena is emptied and used again for the next one, its
    /// memory still in the processor's cache.
    static ARENA: std::cell::RefCell<bumpalo::Bump> = std::cell::RefCell::new(bumpalo::Bump::new());
}

thread_local! {
    /// The memory a thread reads notices into, one after another ([`read_into`]).
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Run `f` with this thread's read buffer (or a new one, were it in use).
fn with_read_buffer<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    with_kept(&READ_BUFFER, Vec::len, f)
}

/// Run `f` with this thread's arena, emptied (or a new one, were it in use).
fn with_arena<R>(f: impl FnOnce(&bumpalo::Bump) -> R) -> R {
    with_kept(&ARENA, bumpalo::Bump::allocated_bytes, |arena| {
        arena.reset();
        f(arena)
    })
}

/// Run `f` with the thread's value in `key`, or with a new one were it in use (`f` calling
/// back into itself). A value grown past 4 MiB by a large file (by `size`) is let go, not
/// kept for the next file.
fn with_kept<T: Default + 'static, R>(
    key: &'static std::thread::LocalKey<std::cell::RefCell<T>>,
    size: fn(&T) -> usize,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    const KEEP: usize = 4 << 20;
    key.with(|cell| match cell.try_borrow_mut() {
        Ok(mut kept) => {
            let r = f(&mut kept);
            if size(&kept) > KEEP {
                *kept = T::default();
            }
            r
        }
        Err(_) => f(&mut T::default()),
    })
}

/// Load a project from texts in memory: the same pipeline as [`load`] without the file
/// system, for the fuzz targets and tests. Notices are `(id, text)`.
pub fn load_texts(
    config: Option<&str>,
    organisation: Option<&str>,
    notices: &[(&str, &str)],
    opts: &Options,
) -> Project {
    let limits = Limits::default();
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    let config = match config {
        Some(text) => {
            let id = sources.add("hysbys.toml".into(), text.to_owned());
            config::parse(id, text, &mut diags)
        }
        None => Config::default(),
    };
    let langs = config.languages.clone();
    let org = organisation.and_then(|text| {
        let id = sources.add("notices/_organisation.yaml".into(), text.to_owned());
        let arena = bumpalo::Bump::new();
        let (node, _) = parse_yaml(text, &arena, id, &limits, &mut diags)?;
        let mut cx = convert::Cx {
            file: id,
            langs: &langs,
            diags: &mut diags,
        };
        convert::organisation(&mut cx, &node)
    });
    if let Some(o) = &org {
        resolve::organisation(o, &mut diags);
    }
    let mut used = resolve::Used::new(org.as_ref());
    let mut list = Vec::new();
    for (stem, text) in notices {
        let id = sources.add(format!("notices/{stem}.yaml"), (*text).to_owned());
        if let Some(raw) = notice_from_text(text, stem, id, &langs, &mut diags) {
            list.push(std::sync::Arc::new(resolve::notice(
                raw,
                org.as_ref(),
                &mut diags,
                &mut used,
            )));
        }
    }
    list.sort_by(|a, b| a.id.cmp(&b.id));
    Project {
        root: PathBuf::from("."),
        config,
        sources,
        org,
        notices: list,
        used,
        today: opts.today.unwrap_or_else(crate::today),
        lock: None,
        load_diagnostics: diags,
    }
}

/// The notice id of a path under `notices/`, if it is a notice file (not `_`-prefixed,
/// `.yaml`/`.yml`, a valid id); `None` for anything else.
pub fn notice_id_of(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root.join("notices")).ok()?;
    let mut comps: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let file = comps.pop()?;
    if comps
        .iter()
        .any(|c| c.starts_with('_') || c.starts_with('.'))
    {
        return None;
    }
    let (stem, ext) = file.rsplit_once('.')?;
    (matches!(ext, "yaml" | "yml") && !stem.starts_with('_') && convert::is_id(stem))
        .then(|| stem.to_owned())
}

/// Read `hysbys.lock` at the root, if there is one (its problems are diagnostics on it).
fn read_lock(
    root: &Path,
    limits: &Limits,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::i18n::lock::Lock> {
    use crate::i18n::lock::{Lock, FILE};
    let path = root.join(FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return None;
    }
    let id = sources.add(FILE.into(), String::new());
    // One line per value: a large estate's lock is larger than any one notice.
    let limits = Limits {
        max_file_bytes: 256 * 1024 * 1024,
        ..*limits
    };
    let text = read_text(&path, id, &limits, diags)?;
    let lock = Lock::parse(&text, id, diags);
    sources.set_text(id, text);
    Some(lock)
}

/// Options that change what a load sees.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub today: Option<crate::model::Date>,
    /// Read and write the parse cache, `.hysbys-cache/` (see [`cache`]).
    pub cache: bool,
}

/// Load a project: everything that can be read, with every problem found on the way.
pub fn load(root: &Path, opts: &Options) -> Result<Project, LoadError> {
    let (mut project, mut pending) = begin(root, opts)?;
    let mut notices = pending.next(&mut project, usize::MAX).unwrap_or_default();
    pending.finish();
    notices.sort_by(|a, b| a.id.cmp(&b.id));
    project.notices = notices;
    Ok(project)
}

/// The notices of a project still to be read, in id order: [`Pending::next`] reads them a
/// batch at a time, so that a large project never has to be held whole (`check` and
/// `build` stream it; see [`crate::build::stream`]).
pub struct Pending {
    jobs: Vec<(FileId, Found)>,
    done: usize,
    cache: Option<cache::Cache>,
    /// Whether outputs are keyed by the notices' SHA-256 (see [`Pending::keys_nothing`]).
    keyed: bool,
    /// Whether each notice is checked as it is read (see [`Pending::checks_while_reading`]).
    checks: bool,
}

/// Start loading a project: settings, the organisation, the list of notices and the
/// translation lock, with every problem found so far. The project comes back without
/// notices; they are read by [`Pending::next`].
pub fn begin(root: &Path, opts: &Options) -> Result<(Project, Pending), LoadError> {
    if !root.is_dir() {
        return Err(LoadError::Root(format!(
            "{} is not a folder",
            root.display()
        )));
    }
    let limits = Limits::default();
    let mut sources = Sources::default();
    let mut diags = Vec::new();

    let config_path = root.join("hysbys.toml");
    let config = if config_path.exists() {
        let id = sources.add("hysbys.toml".into(), String::new());
        match read_text(&config_path, id, &limits, &mut diags) {
            Some(text) => {
                let c = config::parse(id, &text, &mut diags);
                sources.set_text(id, text);
                c
            }
            None => Config::default(),
        }
    } else {
        Config::default()
    };
    let langs: Vec<Lang> = config.languages.clone();

    let notices_dir = root.join("notices");
    let mut found = Vec::new();
    // The parse cache's folder is listed while the notices are found.
    let (walked, listing) = rayon::join(
        || {
            notices_dir
                .is_dir()
                .then(|| walk(root, &mut sources, &mut diags))
        },
        || opts.cache.then(|| cache::listing(root)),
    );
    if let Some(w) = walked {
        found = w;
    } else {
        let id = sources.add("notices".into(), String::new());
        diags.push(
            Diagnostic::new("io-error", id, Pos::START, "there is no notices/ folder")
                .help("run `hysbys init` to start a project, or pass `--root` to point at one"),
        );
    }

    // The organisation file: exactly one of .yaml/.yml.
    let orgs: Vec<&Found> = found.iter().filter(|f| f.organisation).collect();
    let mut org: Option<Organisation> = None;
    if let Some(first) = orgs.first() {
        let id = sources.add(first.rel.clone(), String::new());
        if let Some(text) = read_text(&first.abs, id, &limits, &mut diags) {
            let mut local = Vec::new();
            let arena = bumpalo::Bump::new();
            if let Some((node, _)) = parse_yaml(&text, &arena, id, &limits, &mut local) {
                let mut cx = convert::Cx {
                    file: id,
                    langs: &langs,
                    diags: &mut local,
                };
                org = convert::organisation(&mut cx, &node);
            }
            diags.append(&mut local);
            sources.set_text(id, text);
        }
        for extra in orgs.iter().skip(1) {
            let id = sources.add(extra.rel.clone(), String::new());
            diags.push(
                Diagnostic::new(
                    "duplicate-id",
                    id,
                    Pos::START,
                    "there are two organisation files",
                )
                .help("keep one of _organisation.yaml and _organisation.yml"),
            );
        }
    } else if notices_dir.is_dir() {
        let id = sources.add("notices/_organisation.yaml".into(), String::new());
        diags.push(
            Diagnostic::new(
                "missing-field",
                id,
                Pos::START,
                "there is no notices/_organisation.yaml",
            )
            .help(
                "describe the controller in notices/_organisation.yaml (`hysbys init` writes one)",
            ),
        );
    }
    if let Some(o) = &org {
        resolve::organisation(o, &mut diags);
    }

    let org_path = orgs.first().map_or_else(String::new, |f| f.rel.clone());

    // Notices: ids valid and unique; then parse in parallel. The files kept are found by
    // their place in `found`, and then moved out of it.
    let mut seen: rustc_hash::FxHashMap<&str, &str> = rustc_hash::FxHashMap::default();
    let mut keep: Vec<(FileId, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate().filter(|(_, f)| !f.organisation) {
        let id = sources.add(f.rel.clone(), String::new());
        let at1 = Pos::START;
        if !convert::is_id(&f.stem) {
            diags.push(
                Diagnostic::new("invalid-id", id, at1, format!("`{}` is not a valid notice id; the file is skipped", f.stem))
                    .help("name notice files in lower-case letters, digits and hyphens, e.g. `housing-benefit.yaml`"),
            );
            continue;
        }
        if let Some(other) = seen.get(f.stem.as_str()) {
            diags.push(
                Diagnostic::new(
                    "duplicate-id",
                    id,
                    at1,
                    format!("the notice id `{}` is already used by {other}", f.stem),
                )
                .help("notice ids are file stems and must be unique across notices/"),
            );
            continue;
        }
        if keep.len() >= MAX_NOTICES {
            diags.push(Diagnostic::new(
                "limit-exceeded",
                id,
                at1,
                format!("the project has more than {MAX_NOTICES} notices; the rest are not read"),
            ));
            break;
        }
        seen.insert(&f.stem, &f.rel);
        keep.push((id, i));
    }
    let mut keep = keep.into_iter().peekable();
    let mut jobs: Vec<(FileId, Found)> = found
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| match keep.peek() {
            Some(&(id, k)) if k == i => {
                keep.next();
                Some((id, f))
            }
            _ => None,
        })
        .collect();

    // A notice unchanged since the last load (same text, settings and organisation file) is
    // taken from the parse cache instead of being parsed again.
    let cache = opts.cache.then(|| {
        let text_of = |path: &str| {
            (0..u32::try_from(sources.len()).unwrap_or(0))
                .find(|i| sources.path(*i) == path)
                .map_or("", |i| sources.text(i))
        };
        cache::Cache::with_listing(
            root,
            text_of("hysbys.toml"),
            text_of(&org_path),
            listing.unwrap_or_default(),
        )
    });
    let lock = read_lock(root, &limits, &mut sources, &mut diags);
    // Batches go in id order, the order of every output.
    jobs.sort_by(|a, b| a.1.stem.cmp(&b.1.stem));
    let used = resolve::Used::new(org.as_ref());
    let today = opts.today.unwrap_or_else(crate::today);
    let mut cache = cache;
    if let Some(c) = &mut cache {
        let lock_text = (0..u32::try_from(sources.len()).unwrap_or(0))
            .find(|i| sources.path(*i) == crate::i18n::lock::FILE)
            .map(|i| sources.text(i));
        c.judge_by(lock_text, &format!("{today:?}"));
    }
    Ok((
        Project {
            root: root.to_path_buf(),
            config,
            sources,
            org,
            notices: Vec::new(),
            used,
            today,
            lock,
            load_diagnostics: diags,
        },
        Pending {
            jobs,
            done: 0,
            cache,
            keyed: true,
            checks: false,
        },
    ))
}

/// A notice's text after reading: kept (it has a diagnostic, which may need it), or let go
/// with its hash and where to read it back.
enum ReadText {
    Kept(String),
    Evicted(sources::Fingerprint, PathBuf),
}

/// What one job of [`Pending::read`] loads: the model (`N`), if any, with the file's text,
/// its diagnostics, its uses of the catalogues and the verdict found instead of a model.
type Job<N> = (
    FileId,
    ReadText,
    Option<N>,
    Vec<Diagnostic>,
    resolve::Used,
    Option<cache::Verdict>,
);

/// A job's result as [`Read`] keeps it, its model boxed.
type ReadOne = Job<std::sync::Arc<Notice>>;

/// A job's result as loaded, before its model is boxed.
type Loaded = Job<Notice>;

/// Drop `items` in the background, each on the pool's thread given by `owners` (by
/// [`rayon::spawn_broadcast`]). A model is hundreds of small allocations made by the thread
/// that read it; freed by another thread, each goes back through the allocator's list of
/// remote frees, and the cache lines with it: at 10,000 notices that was a tenth of a cold
/// `check`'s CPU. Items past the end of `owners` are dropped here.
pub fn drop_where_made<T: Send + 'static>(items: Vec<T>, owners: &[usize]) {
    let threads = rayon::current_num_threads().max(1);
    let mut buckets: Vec<Vec<T>> = (0..threads).map(|_| Vec::new()).collect();
    for (item, &owner) in items.into_iter().zip(owners) {
        if let Some(b) = buckets.get_mut(owner.min(threads - 1)) {
            b.push(item);
        }
    }
    let buckets: Vec<std::sync::Mutex<Vec<T>>> =
        buckets.into_iter().map(std::sync::Mutex::new).collect();
    rayon::spawn_broadcast(move |cx| {
        if let Some(Ok(mut b)) = buckets.get(cx.index()).map(|b| b.lock()) {
            drop(std::mem::take(&mut *b));
        }
    });
}

/// A batch merged into the project ([`Read::merge_verdicts`]).
pub struct Merged {
    /// The notices read, in id order.
    pub notices: Vec<std::sync::Arc<Notice>>,
    /// For each notice, the pool's thread that read it: freeing it there is cheaper.
    pub owners: Vec<usize>,
    /// The verdicts found instead of notices (when asked for), in id order, each with its
    /// file.
    pub verdicts: Vec<cache::Verdict>,
    /// Translations missing from `hysbys.lock` in the notices checked as they were read
    /// ([`Pending::checks_while_reading`]; 0 otherwise).
    pub unrecorded: usize,
}

/// Notices read by [`Pending::read`], not yet added to the project, each with the index
/// of the pool's thread that read it (see [`drop_where_made`]).
pub struct Read(Vec<(ReadOne, usize, usize)>);

impl Read {
    /// Add the texts, diagnostics and catalogue uses to `project`; the notices, in id order.
    pub fn merge(self, project: &mut Project) -> Vec<std::sync::Arc<Notice>> {
        self.merge_verdicts(project).notices
    }

    /// [`Read::merge`], and the verdicts found instead of notices (when asked for), in id
    /// order, each with its file.
    pub fn merge_verdicts(self, project: &mut Project) -> Merged {
        let mut m = Merged {
            notices: Vec::with_capacity(self.0.len()),
            owners: Vec::with_capacity(self.0.len()),
            verdicts: Vec::new(),
            unrecorded: 0,
        };
        for ((id, text, notice, mut local, u, verdict), owner, unrecorded) in self.0 {
            m.unrecorded += unrecorded;
            match text {
                ReadText::Kept(text) => project.sources.set_text(id, text),
                ReadText::Evicted(print, abs) => project.sources.set_evicted(id, print, abs),
            }
            project.load_diagnostics.append(&mut local);
            project.used.merge(&u);
            if let Some(n) = notice {
                m.notices.push(n);
                m.owners.push(owner);
            }
            m.verdicts.extend(verdict.map(|mut v| {
                v.stub.file = id;
                v
            }));
        }
        m
    }
}

impl Pending {
    /// How many notices there are to read (all batches).
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// Read, parse and resolve the next `max` notices, in parallel; `None` when every
    /// notice has been read. Their texts, diagnostics and uses of the organisation's
    /// catalogues are added to `project`; the notices come back in id order.
    pub fn next(
        &mut self,
        project: &mut Project,
        max: usize,
    ) -> Option<Vec<std::sync::Arc<Notice>>> {
        let range = self.claim(max);
        if range.is_empty() {
            return None;
        }
        Some(self.read(project, range, false).merge(project))
    }

    /// Say that nothing will be keyed by the notices' texts (a `check`): without the cache,
    /// a text let go is then known by a quick fingerprint ([`sources::Fingerprint::Quick`]),
    /// and its SHA-256 is computed only if something asks for it.
    pub fn keys_nothing(&mut self) {
        self.keyed = false;
    }

    /// Say that each notice is to be checked as soon as it is read and resolved, on the
    /// thread that read it, by the rules that look at one notice ([`rules::check_notice`]),
    /// and then let go but for its [`Notice::stub`] (a `check` without the cache: nothing
    /// else needs the model). The findings come with the notice's diagnostics, and its
    /// translations missing from `hysbys.lock` with [`Merged::unrecorded`]. A model checked
    /// and freed while it is still in the processor's cache is cheaper than a batch of them
    /// checked later: the next notice's model is then made in memory the cache still
    /// holds. A cold `check` of 10,000 notices took 0.53 s checked a batch at a time, and
    /// 0.47 s so (medians of 15 alternating runs); its peak memory went from 39 to 30 MiB.
    ///
    ///
    /// Only without the cache, whose notices come back as verdicts or cached models: says
    /// whether each notice will be checked so (then the caller must not check them again).
    ///
    /// [`rules::check_notice`]: crate::rules::check_notice
    pub fn checks_while_reading(&mut self) -> bool {
        self.checks = self.cache.is_none();
        self.checks
    }

    /// The next `max` notices still to read (an empty range when none are left).
    pub fn claim(&mut self, max: usize) -> std::ops::Range<usize> {
        let start = self.done;
        self.done = start.saturating_add(max.max(1)).min(self.jobs.len());
        start..self.done
    }

    /// Read, parse and resolve some notices, in parallel, without touching the project
    /// (so that it can be done while the previous batch is checked and rendered); then
    /// [`Read::merge`] adds what was found to the project. With `verdicts`, a notice with
    /// a kept [`cache::Verdict`] comes back as that instead (see [`Pending::judged`]).
    pub fn read(&self, project: &Project, range: std::ops::Range<usize>, verdicts: bool) -> Read {
        let jobs = self.jobs.get(range).unwrap_or_default();
        // Each job keeps its own diagnostics and its own record of the catalogue entries it
        // uses, merged afterwards in id order. A text with no problem found while loading
        // is let go once parsed (keeping its hash): on a large project the texts are a
        // quarter of the memory, and only a file with a diagnostic is looked at again (then
        // it is read back; see `Sources::set_evicted`).
        let parsed: Vec<(ReadOne, usize, usize)> = jobs
            .par_iter()
            .map(|(id, f)| {
                // Translations missing from `hysbys.lock`, of a notice checked as it is read.
                let mut unrecorded = 0;
                let one = self.read_one(project, *id, f, verdicts, &mut unrecorded);
                (one, unrecorded)
            })
            .map(|((id, text, notice, local, used, verdict), unrecorded)| {
                // The model's box is made, and later freed, on the thread that made the model.
                let one = (
                    id,
                    text,
                    notice.map(std::sync::Arc::new),
                    local,
                    used,
                    verdict,
                );
                (one, rayon::current_thread_index().unwrap_or(0), unrecorded)
            })
            .collect();
        Read(parsed)
    }

    /// Read, parse and resolve one notice (or take it from the cache); when each notice is
    /// checked as it is read, check it and keep only its stub, with the translations it
    /// has that are missing from `hysbys.lock` in `unrecorded`.
    fn read_one(
        &self,
        project: &Project,
        id: FileId,
        f: &Found,
        verdicts: bool,
        unrecorded: &mut usize,
    ) -> Loaded {
        let cache = &self.cache;
        let org = project.org.as_ref();
        let langs = &project.config.languages;
        use sha2::Digest;
        use sources::Fingerprint::Sha256;
        let quick = sources::Fingerprint::quick;
        let mut used = resolve::Used::new(org);
        let mut local = Vec::new();
        // A notice whose file's metadata is as stamped is not even read.
        let stamp = cache
            .as_ref()
            .and_then(|_| std::fs::metadata(&f.abs).ok())
            .and_then(|m| cache::stamp(&m));
        let cached = |digest: &[u8; 32]| {
            let c = cache.as_ref()?;
            let n = c.get(&f.rel, &f.stem, digest, id)?;
            if let Some(s) = &stamp {
                c.stamp(&f.rel, s, digest);
            }
            Some(n)
        };
        let known = cache
            .as_ref()
            .zip(stamp.as_ref())
            .and_then(|(c, s)| c.known(&f.rel, s));
        let judged = |digest: &[u8; 32]| {
            let c = cache.as_ref()?;
            if !verdicts {
                c.keep_verdict(&f.rel, digest);
                return None;
            }
            let v = c.verdict(&f.rel, &f.stem, digest)?;
            let mut used = resolve::Used::new(org);
            (used.recipients.len() == v.recipients.len()
                && used.retention.len() == v.retention.len())
            .then_some(())?;
            used.recipients.clone_from(&v.recipients);
            used.retention.clone_from(&v.retention);
            if let Some(s) = &stamp {
                c.stamp(&f.rel, s, digest);
            }
            Some((used, v))
        };
        // From the cache: a verdict (when asked for), else the model.
        let from_cache = |digest: [u8; 32]| -> Option<Loaded> {
            let evicted = ReadText::Evicted(Sha256(digest), f.abs.clone());
            if let Some((used, v)) = judged(&digest) {
                return Some((id, evicted, None, Vec::new(), used, Some(v)));
            }
            let n = cached(&digest)?;
            let mut used = resolve::Used::new(org);
            used.add(&n);
            Some((id, evicted, Some(n), Vec::new(), used, None))
        };
        if let Some(one) = known.and_then(from_cache) {
            return one;
        }
        with_read_buffer(|buf| {
            let Some(at) = read_into(&f.abs, id, &Limits::default(), &mut local, buf) else {
                return (id, ReadText::Kept(String::new()), None, local, used, None);
            };
            let bytes = &buf[at];
            // The hash of the bytes is the hash of the text (the cache only holds notices
            // that were valid UTF-8), so a cached notice is not even checked for UTF-8.
            // Only the cache and the build's keys need the SHA-256.
            let digest: Option<[u8; 32]> =
                (cache.is_some() || self.keyed).then(|| sha2::Sha256::digest(bytes).into());
            if let Some(one) = digest.and_then(from_cache) {
                return one;
            }
            let Some(text) = to_str(bytes, id, &mut local) else {
                return (id, ReadText::Kept(String::new()), None, local, used, None);
            };
            let raw = notice_from_text(text, &f.stem, id, langs, &mut local);
            let notice = raw.map(|raw| resolve::notice(raw, org, &mut local, &mut used));
            // A notice read without a problem lets its text go; else the text is
            // kept, for its diagnostics to show.
            let keep_text = notice.is_none() || !local.is_empty();
            if let (false, Some(n), Some(c), Some(digest)) = (keep_text, &notice, cache, &digest) {
                c.put(&f.rel, digest, n);
                if let Some(s) = &stamp {
                    c.stamp(&f.rel, s, digest);
                }
            }
            // Checked now, while its model is still in the processor's cache: only
            // the stub is kept.
            let mut found = Vec::new();
            let notice = match notice {
                Some(n) if self.checks => {
                    let n = std::sync::Arc::new(n);
                    crate::rules::check_notice(project, &n, &mut found);
                    *unrecorded = crate::i18n::workflow::unrecorded_of(project, &n);
                    Some(n.stub())
                }
                other => other,
            };
            let text = if keep_text {
                ReadText::Kept(text.to_owned())
            } else if self.checks && found.is_empty() && digest.is_none() {
                // Nothing will show this text: no fingerprint to tell it again by.
                ReadText::Evicted(sources::Fingerprint::Unneeded, f.abs.clone())
            } else {
                let print = digest.map_or_else(|| quick(text.as_bytes()), Sha256);
                ReadText::Evicted(print, f.abs.clone())
            };
            local.append(&mut found);
            (id, text, notice, local, used, None)
        })
    }

    /// Keep `check`'s verdict on a notice just read, for the next `check` (no-op without
    /// the cache).
    /// The model of a notice that came back as a verdict ([`Pending::read`]): from the
    /// cache, else read and parsed again (its text must be the one judged).
    pub fn model(&self, project: &Project, stub: &Notice) -> Result<Notice, String> {
        use sha2::Digest;
        let (id, f) = self
            .jobs
            .binary_search_by(|(_, f)| f.stem.as_str().cmp(&stub.id))
            .ok()
            .and_then(|i| self.jobs.get(i))
            .filter(|(id, _)| *id == stub.file)
            .ok_or_else(|| format!("{} is not a notice of this build", stub.id))?;
        let digest = project.sources.digest(*id);
        if let Some(n) = self
            .cache
            .as_ref()
            .and_then(|c| c.get(&f.rel, &f.stem, &digest, *id))
        {
            return Ok(n);
        }
        let changed = || format!("{} changed during the build; build again", f.rel);
        let mut local = Vec::new();
        let bytes = read_bytes(&f.abs, *id, &Limits::default(), &mut local).ok_or_else(changed)?;
        let text = (<[u8; 32]>::from(sha2::Sha256::digest(&bytes)) == digest)
            .then(|| to_text(bytes, *id, &mut local))
            .flatten()
            .ok_or_else(changed)?;
        let mut used = resolve::Used::new(project.org.as_ref());
        let raw = notice_from_text(&text, &f.stem, *id, &project.config.languages, &mut local);
        let notice =
            raw.map(|raw| resolve::notice(raw, project.org.as_ref(), &mut local, &mut used));
        notice.filter(|_| local.is_empty()).ok_or_else(changed)
    }

    /// Only a notice read with no problem is judged (a verdict leaves the loading out);
    /// true if kept.
    pub fn judged(&self, project: &Project, n: &Notice, verdict: &cache::Verdict) -> bool {
        let Some(c) = self
            .cache
            .as_ref()
            .filter(|_| project.sources.is_evicted(n.file))
        else {
            return false;
        };
        let digest = project.sources.digest(n.file);
        c.put_verdict(project.sources.path(n.file), &digest, verdict);
        true
    }

    /// Done: the parse cache drops the entries this load did not use.
    pub fn finish(self) {
        if let Some(c) = &self.cache {
            c.finish();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{by_components, drop_where_made, read_all, rel_path};
    use std::path::Path;
    use std::sync::{Arc, Mutex};

    /// A file is read whole whatever its size was when asked, up to one byte past the limit.
    #[test]
    fn a_file_is_read_to_its_end_or_past_the_limit() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("n.yaml");
        let text: Vec<u8> = (0..100u8).collect();
        std::fs::write(&path, &text).expect("write");
        // One buffer for every read, as a thread's: first larger than the file and full of
        // other bytes, which must not show through.
        let buf = std::cell::RefCell::new(vec![0xFF; 2000]);
        let read = |len: u64, limit: u64| {
            let mut f = std::fs::File::open(&path).expect("open");
            let mut buf = buf.borrow_mut();
            let n = read_all(&mut f, len, limit, &mut buf).expect("read");
            buf[..n].to_vec()
        };
        // As `fstat` said; then as if the file had grown, or shrunk, since.
        assert_eq!(read(100, 1000), text);
        assert_eq!(read(10, 1000), text);
        assert_eq!(read(0, 1000), text);
        assert_eq!(read(500, 1000), text);
        // Grown past the limit: the limit and one byte, for the caller to refuse.
        assert_eq!(read(10, 50), &text[..51]);
        assert_eq!(read(50, 50), &text[..51]);
        assert_eq!(read(100, 99), text);
        // And a buffer smaller than the file grows to it.
        buf.borrow_mut().clear();
        assert_eq!(read(100, 1000), text);
        buf.borrow_mut().truncate(7);
        assert_eq!(read(0, 1000), text);
    }

    /// A path taken as it is names the same file, in the same words, as its components
    /// joined by `/`.
    #[test]
    fn relative_paths_are_their_components() {
        for root in [
            "/p/root",
            "/p/root/",
            "/p/root/.",
            "/p/./root",
            "/p/root//",
            "root",
            "./root",
            "root/..",
            ".",
            "./",
            "/",
            "",
        ] {
            relative_paths_under(Path::new(root));
        }
        // Outside the root, and a root whose bytes begin the path's but whose names do
        // not: the path is kept whole.
        for p in ["/elsewhere/x.yaml", "/p/rootx/notices/a.yaml"] {
            let p = Path::new(p);
            assert_eq!(rel_path(Path::new("/p/root"), p), by_components(p));
        }
    }

    fn relative_paths_under(root: &Path) {
        for rel in [
            "notices/a.yaml",
            "notices/sub/b-2.yml",
            "notices/ŵyn/ç.yaml",
            "notices",
            ".",
            "./notices/a.yaml",
            "notices//a.yaml",
            "notices/./a.yaml",
            "notices/sub/.",
            "notices/sub/",
            "notices/../a.yaml",
            ".hidden/x.yaml",
            "",
        ] {
            let p = root.join(rel);
            let r = p.strip_prefix(root).unwrap_or(&p);
            assert_eq!(rel_path(root, &p), by_components(r), "{root:?} {rel:?}");
        }
        // Outside the root, the path is kept whole.
        let outside = Path::new("/elsewhere/x.yaml");
        let r = outside.strip_prefix(root).unwrap_or(outside);
        assert_eq!(rel_path(root, outside), by_components(r), "{root:?}");
    }

    /// Each item is dropped on the pool's thread its owner names (the last thread for an
    /// owner past the pool's end), and every item is dropped.
    #[test]
    fn items_are_dropped_on_their_owners_threads() {
        /// Which item was dropped, on which thread of the pool.
        type Seen = Arc<Mutex<Vec<(usize, Option<usize>)>>>;
        struct Noted(usize, Seen);
        impl Drop for Noted {
            fn drop(&mut self) {
                if let Ok(mut seen) = self.1.lock() {
                    seen.push((self.0, rayon::current_thread_index()));
                }
            }
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("a pool");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let owners = [0, 2, 1, 1, 7, 0];
        let items: Vec<Noted> = (0..owners.len())
            .map(|i| Noted(i, Arc::clone(&seen)))
            .collect();
        pool.install(|| drop_where_made(items, &owners));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while seen.lock().map_or(0, |s| s.len()) < owners.len() {
            assert!(std::time::Instant::now() < deadline, "not all dropped");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let mut seen = seen.lock().expect("the list").clone();
        seen.sort_unstable();
        let expected: Vec<(usize, Option<usize>)> = owners
            .iter()
            .enumerate()
            .map(|(i, &o)| (i, Some(o.min(2))))
            .collect();
        assert_eq!(seen, expected);
    }
}
