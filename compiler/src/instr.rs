//! The code generator's output and the flow-graph optimiser's input: a flat sequence of
//! instructions with labels (CPython 3.12's `instr_sequence`, `Python/compile.c`), each with
//! its source location, plus the facts about the code unit the assembler needs
//! (`_PyCompile_CodeUnitMetadata`).

use std::rc::Rc;

use crate::code::Constant;
use crate::opcode::Opcode;

/// A source location (`_PyCompilerSrcLocation`): 1-based lines, 0-based columns counted in
/// UTF-8 bytes as CPython counts them; `-1` where there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// First line.
    pub lineno: i32,
    /// Last line.
    pub end_lineno: i32,
    /// First column.
    pub col_offset: i32,
    /// Column after the last.
    pub end_col_offset: i32,
}

impl Location {
    /// No location (`NO_LOCATION`): the instruction takes its line from its neighbours.
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };
}

/// A jump target (`jump_target_label`): an index into [`InstrSequence::labels`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

/// One instruction. For jumps and `SETUP_*` pseudo-instructions `arg` is the target
/// [`Label`]'s number until the assembler resolves it to an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// The opcode (possibly a pseudo-instruction).
    pub op: Opcode,
    /// The argument (0 for opcodes that take none).
    pub arg: u32,
    /// Where in the source it comes from.
    pub loc: Location,
}

/// A code unit's instructions in emission order, and where each label points.
#[derive(Clone, Debug, Default)]
pub struct InstrSequence {
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// For each label, the index in `instrs` of the instruction it is placed before
    /// (`None` until placed).
    pub labels: Vec<Option<usize>>,
}

impl InstrSequence {
    /// A new label, not yet placed.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` before the next instruction emitted.
    pub fn use_label(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len());
    }

    /// Appends an instruction.
    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Location) {
        self.instrs.push(Instr { op, arg, loc });
    }
}

/// What the assembler needs to know about a code unit besides its instructions
/// (`_PyCompile_CodeUnitMetadata`).
#[derive(Clone, Debug, Default)]
pub struct UnitMetadata {
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_consts` as the code generator added them (the optimiser may add folded constants
    /// and drop unused ones).
    pub consts: Vec<Constant>,
    /// `co_names`.
    pub names: Vec<Rc<str>>,
    /// Local variables in slot order (parameters first).
    pub varnames: Vec<Rc<str>>,
    /// Cell variables (sorted, as the symbol table gives them).
    pub cellvars: Vec<Rc<str>>,
    /// Free variables (sorted, after the cells in the fast-locals array).
    pub freevars: Vec<Rc<str>>,
    /// Locals of inlined comprehensions hidden from `locals()` (`u_fasthidden`).
    pub fasthidden: Vec<Rc<str>>,
    /// `co_argcount`.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_firstlineno`.
    pub firstlineno: u32,
    /// `co_flags` as the code generator computes them (`compute_code_flags`, future-import
    /// flags included). CPython 3.12 never sets `NOFREE`, so the assembler copies them as
    /// they are.
    pub flags: u32,
}
