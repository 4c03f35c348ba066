//! The control-flow graph and its optimisation (`Python/flowgraph.c`), then assembly
//! (`Python/assemble.c`): from the code generator's [`InstrSequence`] to a finished
//! [`CodeObject`] with resolved jumps, `EXTENDED_ARG`s, inline caches, the exception table,
//! the location table and the stack depth, byte for byte as CPython 3.12.1 makes them.
//!
//! ```text
//!  InstrSequence ─cfg─► blocks ─except─► handlers ─optimize/peephole─► fewer blocks
//!    ─locals─► unused consts gone, LOAD_FAST_CHECK ─cold─► handlers last ─lines─► PEP 626
//!    ─locals─► MAKE_CELL/COPY_FREE_VARS prefix ─stack─► co_stacksize
//!    ─assemble─► co_code, co_exceptiontable ─linetable─► co_linetable ─► CodeObject
//! ```
//!
//! The phases run in `optimize_and_assemble_code_unit`'s order (`Python/compile.c`); each
//! module says what holds after its pass. The input's conventions are CPython's instruction
//! sequence's: jump and `SETUP_*` arguments are [`crate::instr::Label`] numbers; real opcodes
//! carry their final argument (`LOAD_ATTR`'s name index shifted left with the method bit,
//! `LOAD_GLOBAL`'s with the `NULL` bit, `LOAD_SUPER_ATTR`'s with its two bits), while the
//! pseudo-ops `LOAD_METHOD`, `LOAD_SUPER_METHOD`, `LOAD_ZERO_SUPER_METHOD` and
//! `LOAD_ZERO_SUPER_ATTR` carry the plain name index and are converted here, as 3.12's
//! `compiler_addop_name` converts them. Cell and free variable instructions number the cells
//! first, then the free variables, as [`UnitMetadata`] lists them.
//!
//! Nothing here recurses: every walk over the graph uses an explicit work list.

mod assemble;
mod cfg;
mod cold;
mod except;
mod lines;
mod linetable;
mod locals;
mod optimize;
mod peephole;
mod stack;

pub use stack::stack_effect;

use crate::code::{CodeObject, flags, local_kind};
use crate::error::CompileError;
use crate::instr::{InstrSequence, UnitMetadata};

/// Optimises one code unit's instructions and assembles its code object
/// (`optimize_and_assemble_code_unit` of `compile.c`).
///
/// # Errors
/// A `SystemError`-kind [`CompileError`] for a sequence no correct code generator makes (a
/// jump to an unplaced label, an unbalanced `POP_BLOCK`, a stack underflow...).
pub fn optimize_and_assemble(
    seq: InstrSequence,
    meta: UnitMetadata,
    filename: &str,
) -> Result<CodeObject, CompileError> {
    let code_flags = meta.flags;
    let mut consts = meta.consts.clone();
    let mut g = cfg::Cfg::from_sequence(&seq, filename)?;
    g.check_const_indices(consts.len(), filename)?;
    except::mark_except_handlers(&mut g);
    except::label_exception_targets(&mut g, filename)?;
    optimize::optimize_cfg(&mut g, &mut consts, filename)?;
    locals::remove_unused_consts(&mut g, &mut consts);
    let nlocals = meta.varnames.len();
    let nparams = meta.argcount as usize
        + meta.kwonlyargcount as usize
        + usize::from(code_flags & flags::VARARGS != 0)
        + usize::from(code_flags & flags::VARKEYWORDS != 0);
    locals::add_checks_for_loads_of_uninitialized_variables(&mut g, nlocals, nparams);
    cold::push_cold_blocks_to_end(&mut g);
    let firstlineno = meta.firstlineno as i32;
    lines::resolve_line_numbers(&mut g, firstlineno)?;

    let nlocalsplus = locals::prepare_localsplus(&mut g, &meta, code_flags);
    let maxdepth = stack::stackdepth(&mut g, code_flags, filename)?;
    assemble::convert_pseudo_ops(&mut g);
    assemble::normalize_jumps(&mut g, filename)?;
    assemble::resolve_jump_offsets(&mut g);
    let out = assemble::assemble_emit(&g, firstlineno, filename)?;

    let (localsplusnames, localspluskinds) = localsplus_info(&meta, nlocalsplus);
    Ok(CodeObject {
        argcount: meta.argcount,
        posonlyargcount: meta.posonlyargcount,
        kwonlyargcount: meta.kwonlyargcount,
        flags: code_flags,
        stacksize: maxdepth as u32,
        firstlineno: meta.firstlineno,
        code: out.code,
        consts,
        names: meta.names.clone(),
        localsplusnames,
        localspluskinds,
        filename: filename.into(),
        name: meta.name.clone(),
        qualname: if meta.qualname.is_empty() {
            meta.name.clone()
        } else {
            meta.qualname.clone()
        },
        linetable: out.linetable,
        exceptiontable: out.exceptiontable,
    })
}

/// The fast-locals names and kinds: locals (cells among them marked), then the cells that are
/// not locals, then the free variables (`compute_localsplus_info` of `assemble.c`). Arguments
/// are not marked apart, as in 3.12.
fn localsplus_info(meta: &UnitMetadata, nlocalsplus: usize) -> (Vec<std::rc::Rc<str>>, Vec<u8>) {
    let mut names = Vec::with_capacity(nlocalsplus);
    let mut kinds = Vec::with_capacity(nlocalsplus);
    for name in &meta.varnames {
        let mut kind = local_kind::LOCAL;
        if meta.fasthidden.contains(name) {
            kind |= local_kind::HIDDEN;
        }
        if meta.cellvars.contains(name) {
            kind |= local_kind::CELL;
        }
        names.push(name.clone());
        kinds.push(kind);
    }
    for name in &meta.cellvars {
        if !meta.varnames.contains(name) {
            names.push(name.clone());
            kinds.push(local_kind::CELL);
        }
    }
    for name in &meta.freevars {
        names.push(name.clone());
        kinds.push(local_kind::FREE);
    }
    (names, kinds)
}
