//! Emitting: the one writer that puts pages into a temporary folder beside the output and
//! swaps it into place at the end, and the machine-readable outputs (register, JSON-LD,
//! record of processing). A failed build leaves the previous output untouched.

pub mod json;
pub mod jsonld;
pub mod register;
pub mod ropa;
pub mod writer;

use rustc_hash::FxHashMap as HashMap;

use crate::emit::writer::{Kept, Out, Sink};
use crate::i18n::I18n;
use crate::model::Notice;
use crate::Project;
use rayon::prelude::*;

/// Each notice's part of a large output (its register entry, its JSON-LD nodes, its rows of
/// the record of processing): taken from the previous build when made from the same
/// inputs, so that a rebuild after editing one notice does not rebuild every notice's part.
pub trait Parts: Sync {
    /// The previous build's part of `n`, if it was made from the same inputs.
    fn get(&self, n: &Notice) -> Option<Kept>;
    /// This build wrote `n`'s part at byte `offset`, `len` bytes long.
    fn wrote(&self, n: &Notice, offset: u64, len: u64);
}

/// No previous build: every part is made afresh.
pub struct NoParts;

impl Parts for NoParts {
    fn get(&self, _: &Notice) -> Option<Kept> {
        None
    }

    fn wrote(&self, _: &Notice, _: u64, _: u64) {}
}

/// A notice's part of a large output: made by this build, or kept from the previous one.
pub enum Part {
    Made(Vec<u8>),
    Kept(Kept),
}

impl Part {
    /// Kept from `parts`, else made by `make`; a [`Notice::stub`] has nothing to make a
    /// part from, so its part must be kept.
    pub fn get(
        parts: &dyn Parts,
        n: &Notice,
        make: impl FnOnce() -> Vec<u8>,
    ) -> std::io::Result<Part> {
        match parts.get(n) {
            Some(k) => Ok(Part::Kept(k)),
            None if n.is_stub => Err(std::io::Error::other(format!(
                "the previous output's part for {} could not be read; build again",
                n.id
            ))),
            None => Ok(Part::Made(make())),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Part::Made(b) => b.is_empty(),
            Part::Kept(k) => k.is_empty(),
        }
    }

    /// Its bytes (read back, when kept).
    pub fn bytes(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        Ok(match self {
            Part::Made(b) => std::borrow::Cow::Borrowed(b),
            Part::Kept(k) => std::borrow::Cow::Owned(k.read()?),
        })
    }
}

/// Where a large output is written: a writer that may take a kept part straight from the
/// previous build's file ([`Out::keep`]).
pub trait PartOut: std::io::Write {
    fn keep(&mut self, part: &Kept) -> std::io::Result<()> {
        self.write_all(&part.read()?)
    }
}

impl PartOut for &mut dyn std::io::Write {}

impl PartOut for Box<dyn Out + '_> {
    fn keep(&mut self, part: &Kept) -> std::io::Result<()> {
        (**self).keep(part)
    }
}

/// A writer that knows how many bytes went through it: where each part starts.
pub struct Tracked<W> {
    pub inner: W,
    pub pos: u64,
}

impl<W: std::io::Write> Tracked<W> {
    pub fn new(inner: W) -> Tracked<W> {
        Tracked { inner, pos: 0 }
    }
}

impl<W: PartOut> Tracked<W> {
    /// Write a part whole.
    pub fn part(&mut self, part: &Part) -> std::io::Result<()> {
        match part {
            Part::Made(b) => std::io::Write::write_all(self, b),
            Part::Kept(k) => {
                self.inner.keep(k)?;
                self.pos += k.len();
                Ok(())
            }
        }
    }
}

impl<W: std::io::Write> std::io::Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.pos += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The parts of one output file, kept in the sink's manifest under each notice's key.
struct SinkParts<'a> {
    sink: &'a dyn Sink,
    file: &'a str,
    keys: &'a HashMap<&'a str, String>,
}

impl Parts for SinkParts<'_> {
    fn get(&self, n: &Notice) -> Option<Kept> {
        self.sink
            .previous_part(self.file, &n.id, self.keys.get(n.id.as_str())?)
    }

    fn wrote(&self, n: &Notice, offset: u64, len: u64) {
        if let Some(key) = self.keys.get(n.id.as_str()) {
            self.sink.record_part(self.file, &n.id, key, offset, len);
        }
    }
}

/// The machine-readable outputs: the register and its schema, one file a notice, the
/// JSON-LD export and the record of processing in each language.
pub fn machine_outputs(project: &Project, i18n: &I18n, sink: &dyn Sink) -> std::io::Result<()> {
    let notices: Vec<&Notice> = project.notices.iter().map(|n| &**n).collect();
    let mut m = Machine::begin(project, i18n, sink)?;
    m.notices(project, &notices)?;
    m.finish(project)
}

type Stream<'s> = Tracked<Box<dyn Out + 's>>;

/// The key of what every part of `n` is made from: `global` (see [`Machine`]) and its text.
fn part_key(global: &str, project: &Project, n: &Notice) -> String {
    let mut key = writer::Key::new(global);
    key.add(&project.sources.digest(n.file));
    key.hex()
}

/// [`machine_outputs`] written a batch of notices at a time (batches in id order), so that
/// a large project is never held whole: the four large files stay open from
/// [`Machine::begin`] to [`Machine::finish`].
pub struct Machine<'s> {
    sink: &'s dyn Sink,
    /// What every notice's part depends on besides the notice.
    global: String,
    register: (Stream<'s>, register::RegisterStream<'s>),
    jsonld: (Stream<'s>, jsonld::JsonldStream<'s>),
    ropa: Vec<(String, Stream<'s>, ropa::RopaStream<'s>)>,
}

impl<'s> Machine<'s> {
    pub fn begin(project: &Project, i18n: &'s I18n, sink: &'s dyn Sink) -> std::io::Result<Self> {
        let mut global = writer::Key::new(env!("CARGO_PKG_VERSION"));
        global.add(b"notice-parts");
        for i in 0..u32::try_from(project.sources.len()).unwrap_or(0) {
            let path = project.sources.path(i);
            if path == "hysbys.toml" || path.starts_with("notices/_organisation.") {
                global
                    .add(path.as_bytes())
                    .add(project.sources.text(i).as_bytes());
            }
        }
        for (path, text) in &i18n.override_sources {
            global.add(path.as_bytes()).add(text.as_bytes());
        }
        let open = |rel: &str| sink.open(rel).map(Tracked::new);
        let mut w = open("register.json")?;
        let r = register::RegisterStream::begin(project, i18n, &mut w)?;
        let register = (w, r);
        let mut w = open("register.jsonld")?;
        let j = jsonld::JsonldStream::begin(project, i18n, &mut w)?;
        let jsonld = (w, j);
        let primary = project.config.primary();
        let mut ropa = Vec::new();
        for &lang in &project.config.languages {
            let name = if lang == primary {
                "ropa.csv".to_owned()
            } else {
                format!("ropa.{}.csv", lang.code())
            };
            let mut w = open(&name)?;
            let r = ropa::RopaStream::begin(i18n, lang, &mut w)?;
            ropa.push((name, w, r));
        }
        Ok(Machine {
            sink,
            global: global.hex(),
            register,
            jsonld,
            ropa,
        })
    }

    /// Would every part of `n`, and its `notices/<id>.json`, be taken from the previous
    /// build? Then `n` can be given as a [`Notice::stub`], with its Schedule 1 paragraphs
    /// ([`Machine::paragraphs`]).
    pub fn kept(&self, project: &Project, n: &Notice) -> bool {
        let key = part_key(&self.global, project, n);
        let sink = self.sink;
        sink.would_reuse(&format!("notices/{}.json", n.id), &key)
            && ["register.json", "register.jsonld"]
                .into_iter()
                .chain(self.ropa.iter().map(|(name, _, _)| name.as_str()))
                .all(|file| sink.has_part(file, &n.id, &key))
    }

    /// Schedule 1 paragraphs used by notices given as stubs (see [`jsonld::paragraphs`]).
    pub fn paragraphs(&mut self, used: &[u32]) {
        self.jsonld.1.add_paragraphs(used);
    }

    /// The parts of some notices of `project` (the next in id order), in every output.
    pub fn notices(&mut self, project: &Project, notices: &[&Notice]) -> std::io::Result<()> {
        let sink = self.sink;
        let keys: HashMap<&str, String> = notices
            .par_iter()
            .map(|n| (n.id.as_str(), part_key(&self.global, project, n)))
            .collect();
        let keys = &keys;
        let parts = |file: &'s str| SinkParts { sink, file, keys };
        // The four large streams are independent: write them side by side. The register's
        // entries are also each notice's own file, written (or linked unchanged from the
        // previous build) on the way.
        let (w, r) = &mut self.register;
        let register = || {
            let each = &|n: &Notice, entry: &Part| {
                let rel = format!("notices/{}.json", n.id);
                let key = keys.get(n.id.as_str());
                if key.is_some_and(|key| sink.reuse(&rel, key)) {
                    return Ok(());
                }
                let bytes = register::entry_file(entry)?;
                match key {
                    Some(key) => sink.put_keyed(&rel, &bytes, key),
                    None => sink.put(&rel, &bytes),
                }
            };
            r.notices(notices, w, &parts("register.json"), each)
        };
        let (jw, j) = &mut self.jsonld;
        let linked = || j.notices(project, notices, jw, &parts("register.jsonld"));
        let ropa = || -> std::io::Result<()> {
            self.ropa.par_iter_mut().try_for_each(|(name, w, r)| {
                let parts = SinkParts {
                    sink,
                    file: name,
                    keys,
                };
                r.notices(project, notices, w, &parts)
            })
        };
        let (a, (b, c)) = rayon::join(register, || rayon::join(linked, ropa));
        a?;
        b?;
        c
    }

    /// End every output and put the register's schema.
    pub fn finish(self, project: &Project) -> std::io::Result<()> {
        let (mut w, r) = self.register;
        r.finish(&mut w)?;
        w.inner.close()?;
        let (mut w, j) = self.jsonld;
        j.finish(project, &mut w)?;
        w.inner.close()?;
        for (_, w, _) in self.ropa {
            w.inner.close()?;
        }
        self.sink
            .put("register.schema.json", register::REGISTER_SCHEMA.as_bytes())
    }
}

/// The pieces joined: the exports make millions of small strings on a large estate, and
/// `format!` costs several times as much.
pub(crate) fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum::<usize>() + 8);
    for p in pieces {
        s.push_str(p);
    }
    s
}
