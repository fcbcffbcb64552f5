//! Emitting: the one writer that puts pages into a temporary folder beside the output and
//! swaps it into place at the end, and the machine-readable outputs (register, JSON-LD,
//! record of processing). A failed build leaves the previous output untouched.

pub mod jsonld;
pub mod register;
pub mod ropa;
pub mod writer;

use crate::emit::writer::Sink;
use crate::i18n::I18n;
use crate::Project;
use rayon::prelude::*;

/// The machine-readable outputs: the register and its schema, one file a notice, the
/// JSON-LD export and the record of processing in each language.
pub fn machine_outputs(project: &Project, i18n: &I18n, sink: &dyn Sink) -> std::io::Result<()> {
    // What every notice's entry depends on besides the notice: computed once.
    let mut global = writer::Key::new(env!("CARGO_PKG_VERSION"));
    global.add(b"notice-json");
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
    // The register is streamed; each notice's entry is also its own file, written (or
    // linked unchanged from the previous build) on the way.
    let key_of = |n: &crate::model::Notice| {
        let mut key = writer::Key::new(&global);
        key.add(project.sources.text(n.file).as_bytes());
        key.hex()
    };
    let cached =
        |n: &crate::model::Notice| sink.previous(&format!("notices/{}.json", n.id), &key_of(n));
    // The four large streams are independent: write them side by side.
    let register = || {
        sink.put_with("register.json", &mut |w| {
            register::write_register_cached(project, i18n, w, &cached, &mut |n, bytes| {
                let rel = format!("notices/{}.json", n.id);
                let key = key_of(n);
                if sink.reuse(&rel, &key) {
                    return Ok(());
                }
                sink.put_keyed(&rel, bytes, &key)
            })
        })
    };
    let linked = || {
        sink.put_with("register.jsonld", &mut |w| {
            jsonld::write_jsonld(project, i18n, w)
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
            sink.put_with(&name, &mut |w| ropa::write_ropa(project, i18n, lang, w))
        })
    };
    let (a, (b, c)) = rayon::join(register, || rayon::join(linked, ropa));
    a?;
    b?;
    c?;
    sink.put("register.schema.json", register::REGISTER_SCHEMA.as_bytes())?;
    Ok(())
}
