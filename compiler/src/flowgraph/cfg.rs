//! The control-flow graph (`Python/flowgraph.c`'s `basicblock` and `cfg_builder`): basic blocks
//! in an arena, chained in emission order by `next`, and its construction from the code
//! generator's flat sequence (`instr_sequence_to_cfg` of `Python/compile.c`).
//!
//! Blocks are never freed: a pass that drops a block unlinks it from the `next` chain (as
//! CPython does), so a [`BlockId`] stays valid for the whole compilation. Jump opargs keep the
//! target's label number until the assembler resolves them, exactly as in CPython (the first
//! round of sizing jumps reads them).

use crate::error::{CompileError, ErrorKind};
use crate::instr::{InstrSequence, Location};
use crate::opcode::Opcode;

/// An index into [`Cfg::blocks`].
pub(crate) type BlockId = usize;

/// One instruction of a block (`cfg_instr`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CfgInstr {
    pub op: Opcode,
    /// CPython's `int i_oparg` (a label number for jumps until they are resolved).
    pub arg: i32,
    pub loc: Location,
    /// The jump's or `SETUP_*`'s target block.
    pub target: Option<BlockId>,
    /// The handler an exception raised here goes to (`i_except`).
    pub except: Option<BlockId>,
}

impl CfgInstr {
    /// An instruction without a target or handler.
    pub fn new(op: Opcode, arg: i32, loc: Location) -> CfgInstr {
        CfgInstr {
            op,
            arg,
            loc,
            target: None,
            except: None,
        }
    }

    /// `INSTR_SET_OP0`: a new opcode that takes no argument.
    pub fn set_op0(&mut self, op: Opcode) {
        self.op = op;
        self.arg = 0;
    }
}

/// A basic block (`basicblock`).
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub instrs: Vec<CfgInstr>,
    /// The block reached by falling through (`b_next`).
    pub next: Option<BlockId>,
    /// The label number if the block is a jump target.
    pub label: Option<i32>,
    pub unsafe_locals_mask: u64,
    pub predecessors: u32,
    pub startdepth: i32,
    /// Offset in code units, set when jumps are resolved.
    pub offset: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub cold: bool,
    pub warm: bool,
}

impl Block {
    fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            label: None,
            unsafe_locals_mask: 0,
            predecessors: 0,
            startdepth: 0,
            offset: 0,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            cold: false,
            warm: false,
        }
    }

    /// The last instruction (`_PyCfg_BasicblockLastInstr`).
    pub fn last(&self) -> Option<&CfgInstr> {
        self.instrs.last()
    }

    /// Whether control never falls off the end (`BB_NO_FALLTHROUGH`).
    pub fn no_fallthrough(&self) -> bool {
        self.last()
            .is_some_and(|i| is_scope_exit(i.op) || is_unconditional_jump(i.op))
    }

    /// Whether the block ends the code unit (`basicblock_exits_scope`).
    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| is_scope_exit(i.op))
    }
}

/// `IS_SCOPE_EXIT_OPCODE`.
pub(crate) fn is_scope_exit(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::ReturnValue | Opcode::ReturnConst | Opcode::RaiseVarargs | Opcode::Reraise
    )
}

/// `IS_UNCONDITIONAL_JUMP_OPCODE`.
pub(crate) fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Jump
            | Opcode::JumpNoInterrupt
            | Opcode::JumpForward
            | Opcode::JumpBackward
            | Opcode::JumpBackwardNoInterrupt
    )
}

/// `HAS_TARGET`: jumps and `SETUP_*`.
pub(crate) fn has_target(op: Opcode) -> bool {
    op.is_jump() || op.is_block_push()
}

/// `IS_TERMINATOR_OPCODE`: must end its block.
fn is_terminator(op: Opcode) -> bool {
    op.is_jump() || is_scope_exit(op)
}

/// A `SystemError` of the compiler: a sequence the code generator should never make.
pub(crate) fn internal_error(filename: &str, message: impl Into<String>) -> CompileError {
    CompileError {
        kind: ErrorKind::System,
        message: message.into(),
        filename: filename.to_owned(),
        location: Location::NONE,
    }
}

/// A code unit's control-flow graph (`cfg_builder`).
#[derive(Clone, Debug)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

impl Cfg {
    /// A new empty block, not yet linked (`cfg_builder_new_block`).
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// The blocks in `next` order from the entry block.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    /// Clears `visited` on every block of the chain (`make_cfg_traversal_stack`).
    pub fn clear_visited(&mut self) {
        for id in self.order() {
            self.blocks[id].visited = false;
        }
    }

    /// The greatest label number of the chain, or -1 (`get_max_label`).
    pub fn max_label(&self) -> i32 {
        self.order()
            .iter()
            .filter_map(|&b| self.blocks[b].label)
            .max()
            .unwrap_or(-1)
    }

    /// The first instruction of `block`, if it has one.
    pub fn first(&self, block: BlockId) -> Option<&CfgInstr> {
        self.blocks[block].instrs.first()
    }

    /// Builds the graph from the flat sequence (`instr_sequence_to_cfg`), translating labels to
    /// target blocks (`translate_jump_labels_to_targets`) and the name-loading pseudo-ops to
    /// their real forms (what 3.12's `compiler_addop_name` does as it emits them).
    pub fn from_sequence(seq: &InstrSequence, filename: &str) -> Result<Cfg, CompileError> {
        let n = seq.instrs.len();
        // Several labels can mark one offset: the last-numbered is used for all of them.
        let mut offset2lbl: Vec<Option<i32>> = vec![None; n];
        for (lbl, offset) in seq.labels.iter().enumerate() {
            if let Some(offset) = *offset {
                if offset < n {
                    offset2lbl[offset] = Some(lbl as i32);
                }
            }
        }
        let mut builder = Builder::new();
        for (i, instr) in seq.instrs.iter().enumerate() {
            if let Some(lbl) = offset2lbl[i] {
                builder.current_label = Some(lbl);
                builder.maybe_start_new_block();
            }
            let (op, mut arg) = real_name_op(instr.op, instr.arg);
            if has_target(op) {
                let target = seq
                    .labels
                    .get(instr.arg as usize)
                    .copied()
                    .flatten()
                    .and_then(|offset| offset2lbl.get(offset).copied().flatten());
                arg = target.ok_or_else(|| {
                    internal_error(filename, "jump to a label that marks no instruction")
                })? as i64;
            } else if !op.has_arg() {
                arg = 0;
            }
            let arg = i32::try_from(arg)
                .ok()
                .filter(|a| (0..1 << 30).contains(a))
                .ok_or_else(|| internal_error(filename, "instruction argument out of range"))?;
            builder.maybe_start_new_block();
            let cur = builder.current;
            builder.cfg.blocks[cur]
                .instrs
                .push(CfgInstr::new(op, arg, instr.loc));
        }
        let mut cfg = builder.cfg;
        if cfg.blocks[cfg.entry].instrs.is_empty() && cfg.blocks[cfg.entry].next.is_none() {
            return Err(internal_error(filename, "empty code unit"));
        }
        cfg.translate_labels(filename)?;
        Ok(cfg)
    }

    /// Refuses a constant-loading instruction whose index is not in `co_consts`.
    pub fn check_const_indices(&self, nconsts: usize, filename: &str) -> Result<(), CompileError> {
        for b in self.order() {
            for instr in &self.blocks[b].instrs {
                if super::peephole::has_const(instr.op) && instr.arg as usize >= nconsts {
                    return Err(internal_error(filename, "constant index out of range"));
                }
            }
        }
        Ok(())
    }

    /// Points every jump at the block carrying its label.
    fn translate_labels(&mut self, filename: &str) -> Result<(), CompileError> {
        let mut label2block = std::collections::HashMap::new();
        for b in self.order() {
            if let Some(l) = self.blocks[b].label {
                label2block.insert(l, b);
            }
        }
        for b in self.order() {
            for instr in &mut self.blocks[b].instrs {
                if has_target(instr.op) {
                    let target = label2block.get(&instr.arg).copied();
                    instr.target = Some(target.ok_or_else(|| {
                        internal_error(filename, "jump to a label that marks no block")
                    })?);
                }
            }
        }
        Ok(())
    }
}

/// The real opcode and argument of 3.12's name-loading pseudo-ops, whose argument is the plain
/// name index (`compiler_addop_name`); other instructions are returned as they are.
fn real_name_op(op: Opcode, arg: u32) -> (Opcode, i64) {
    let arg = i64::from(arg);
    match op {
        Opcode::LoadMethod => (Opcode::LoadAttr, (arg << 1) | 1),
        Opcode::LoadSuperMethod => (Opcode::LoadSuperAttr, (arg << 2) | 3),
        Opcode::LoadZeroSuperAttr => (Opcode::LoadSuperAttr, arg << 2),
        Opcode::LoadZeroSuperMethod => (Opcode::LoadSuperAttr, (arg << 2) | 1),
        _ => (op, arg),
    }
}

/// The state of `cfg_builder` while the sequence is read.
struct Builder {
    cfg: Cfg,
    current: BlockId,
    current_label: Option<i32>,
}

impl Builder {
    fn new() -> Builder {
        let mut cfg = Cfg {
            blocks: Vec::new(),
            entry: 0,
        };
        let entry = cfg.new_block();
        cfg.entry = entry;
        Builder {
            cfg,
            current: entry,
            current_label: None,
        }
    }

    /// `cfg_builder_current_block_is_terminated`.
    fn current_block_is_terminated(&mut self) -> bool {
        let block = &mut self.cfg.blocks[self.current];
        if block.last().is_some_and(|i| is_terminator(i.op)) {
            return true;
        }
        if self.current_label.is_some() {
            if block.last().is_some() || block.label.is_some() {
                return true;
            }
            block.label = self.current_label.take();
        }
        false
    }

    /// `cfg_builder_maybe_start_new_block`.
    fn maybe_start_new_block(&mut self) {
        if self.current_block_is_terminated() {
            let b = self.cfg.new_block();
            self.cfg.blocks[b].label = self.current_label.take();
            self.cfg.blocks[self.current].next = Some(b);
            self.current = b;
        }
    }
}
