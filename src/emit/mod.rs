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

/// The machine-readable outputs: the register and its schema, one file a notice, the
/// JSON-LD export and the record of processing in each language.
pub fn machine_outputs(project: &Project, i18n: &I18n, sink: &dyn Sink) -> std::io::Result<()> {
    use rayon::prelude::*;
    sink.put(
        "register.json",
        &register::to_bytes(&register::register(project, i18n)),
    )?;
    sink.put("register.schema.json", register::REGISTER_SCHEMA.as_bytes())?;
    project.notices.par_iter().try_for_each(|n| {
        let entry = register::notice_entry(project, i18n, n);
        sink.put(
            &format!("notices/{}.json", n.id),
            &register::to_bytes(&entry),
        )
    })?;
    sink.put(
        "register.jsonld",
        &register::to_bytes(&jsonld::jsonld(project, i18n)),
    )?;
    let primary = project.config.primary();
    for &lang in &project.config.languages {
        let name = if lang == primary {
            "ropa.csv".to_owned()
        } else {
            format!("ropa.{}.csv", lang.code())
        };
        sink.put(&name, ropa::ropa_csv(project, i18n, lang).as_bytes())?;
    }
    Ok(())
}
