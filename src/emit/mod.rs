//! Emitting: the one writer that puts pages into a temporary folder beside the output and
//! swaps it into place at the end, and the machine-readable outputs (register, JSON-LD,
//! record of processing). A failed build leaves the previous output untouched.

pub mod jsonld;
pub mod register;
pub mod ropa;
pub mod writer;

use std::collections::HashMap;

use crate::emit::writer::Sink;
use crate::i18n::I18n;
use crate::model::Notice;
use crate::Project;
use rayon::prelude::*;

/// Each notice's part of a large output (its register entry, its JSON-LD nodes, its rows of
/// the record of processing): taken from the previous build when made from the same
/// inputs, so that a rebuild after editing one notice does not rebuild every notice's part.
pub trait Parts: Sync {
    /// The previous build's bytes of `n`'s part, if they were made from the same inputs.
    fn get(&self, n: &Notice) -> Option<Vec<u8>>;
    /// This build wrote `n`'s part at byte `offset`, `len` bytes long.
    fn wrote(&self, n: &Notice, offset: u64, len: u64);
}

/// No previous build: every part is made afresh.
pub struct NoParts;

impl Parts for NoParts {
    fn get(&self, _: &Notice) -> Option<Vec<u8>> {
        None
    }

    fn wrote(&self, _: &Notice, _: u64, _: u64) {}
}

/// A writer that knows how many bytes went through it: where each part starts.
pub struct Tracked<'a> {
    inner: &'a mut dyn std::io::Write,
    pub pos: u64,
}

impl<'a> Tracked<'a> {
    pub fn new(inner: &'a mut dyn std::io::Write) -> Tracked<'a> {
        Tracked { inner, pos: 0 }
    }
}

impl std::io::Write for Tracked<'_> {
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
    fn get(&self, n: &Notice) -> Option<Vec<u8>> {
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
    // What every notice's part depends on besides the notice: computed once.
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
    let global = global.hex();
    let keys: HashMap<&str, String> = project
        .notices
        .par_iter()
        .map(|n| {
            let mut key = writer::Key::new(&global);
            key.add(&project.sources.digest(n.file));
            (n.id.as_str(), key.hex())
        })
        .collect();
    let parts = |file: &'static str| SinkParts {
        sink,
        file,
        keys: &keys,
    };
    // The four large streams are independent: write them side by side. The register's
    // entries are also each notice's own file, written (or linked unchanged from the
    // previous build) on the way.
    let register = || {
        sink.put_with("register.json", &mut |w| {
            let each = &|n: &Notice, bytes: &[u8]| {
                let rel = format!("notices/{}.json", n.id);
                let Some(key) = keys.get(n.id.as_str()) else {
                    return sink.put(&rel, bytes);
                };
                if sink.reuse(&rel, key) {
                    return Ok(());
                }
                sink.put_keyed(&rel, bytes, key)
            };
            register::write_register_parts(project, i18n, w, &parts("register.json"), each)
        })
    };
    let linked = || {
        sink.put_with("register.jsonld", &mut |w| {
            jsonld::write_jsonld_parts(project, i18n, w, &parts("register.jsonld"))
        })
    };
    let ropa = || -> std::io::Result<()> {
        let primary = project.config.primary();
        project.config.languages.par_iter().try_for_each(|&lang| {
            let name = if lang == primary {
                "ropa.csv".to_owned()
            } else {
                format!("ropa.{}.csv", lang.code())
            };
            sink.put_with(&name, &mut |w| {
                let parts = SinkParts {
                    sink,
                    file: &name,
                    keys: &keys,
                };
                ropa::write_ropa_parts(project, i18n, lang, w, &parts)
            })
        })
    };
    let (a, (b, c)) = rayon::join(register, || rayon::join(linked, ropa));
    a?;
    b?;
    c?;
    sink.put("register.schema.json", register::REGISTER_SCHEMA.as_bytes())?;
    Ok(())
}
