//! The control-flow graph and its optimisation (`Python/flowgraph.c`), then assembly
//! (`Python/assemble.c`): from the code generator's [`InstrSequence`] to a finished
//! [`CodeObject`] with resolved jumps, `EXTENDED_ARG`s, inline caches, the exception table,
//! the location table and the stack depth.

use crate::code::CodeObject;
use crate::error::CompileError;
use crate::instr::{InstrSequence, UnitMetadata};

/// Optimises one code unit's instructions and assembles its code object
/// (`optimize_and_assemble` of `compile.c`).
pub fn optimize_and_assemble(
    _seq: InstrSequence,
    _meta: UnitMetadata,
    _filename: &str,
) -> Result<CodeObject, CompileError> {
    unimplemented!("the flow graph and assembler are being written")
}
