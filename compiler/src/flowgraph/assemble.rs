//! From the optimised graph to bytes (`_PyCfg_ConvertPseudoOps` and `_PyCfg_ResolveJumps` of
//! `Python/flowgraph.c`, then `Python/assemble.c`): pseudo-instructions removed, jumps given
//! their direction and their offsets (growing `EXTENDED_ARG` prefixes until the sizes
//! settle), then `co_code` with zeroed inline caches, the exception table and the location
//! table written in one pass over the blocks.

use super::cfg::{Cfg, CfgInstr, internal_error};
use super::linetable::LineTableWriter;
use super::optimize::remove_redundant_nops;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;

/// Replaces the `SETUP_*` and `POP_BLOCK` pseudo-instructions by `NOP`s (then removes those it
/// can) and `STORE_FAST_MAYBE_NULL` by `STORE_FAST` (`_PyCfg_ConvertPseudoOps`).
pub(crate) fn convert_pseudo_ops(cfg: &mut Cfg) {
    for b in cfg.order() {
        for instr in &mut cfg.blocks[b].instrs {
            if instr.op.is_block_push() || instr.op == Opcode::PopBlock {
                instr.set_op0(Opcode::Nop);
            } else if instr.op == Opcode::StoreFastMaybeNull {
                instr.op = Opcode::StoreFast;
            }
        }
    }
    for b in cfg.order() {
        remove_redundant_nops(cfg, b);
    }
}

/// The opposite of a conditional jump.
fn reversed(op: Opcode) -> Opcode {
    match op {
        Opcode::PopJumpIfNotNone => Opcode::PopJumpIfNone,
        Opcode::PopJumpIfNone => Opcode::PopJumpIfNotNone,
        Opcode::PopJumpIfFalse => Opcode::PopJumpIfTrue,
        Opcode::PopJumpIfTrue => Opcode::PopJumpIfFalse,
        other => other,
    }
}

/// Gives each jump its direction: `JUMP` becomes `JUMP_FORWARD` or `JUMP_BACKWARD`, and a
/// backward conditional jump becomes the reversed jump over a new `JUMP_BACKWARD`
/// (`normalize_jumps`).
pub(crate) fn normalize_jumps(cfg: &mut Cfg, filename: &str) -> Result<(), CompileError> {
    cfg.clear_visited();
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        cfg.blocks[id].visited = true;
        if let Some(last) = cfg.blocks[id].last().copied().filter(|l| l.op.is_jump()) {
            let target = last.target.expect("targets are set");
            let is_forward = !cfg.blocks[target].visited;
            let new_op = match last.op {
                Opcode::Jump if is_forward => Some(Opcode::JumpForward),
                Opcode::Jump => Some(Opcode::JumpBackward),
                Opcode::JumpNoInterrupt if is_forward => Some(Opcode::JumpForward),
                Opcode::JumpNoInterrupt => Some(Opcode::JumpBackwardNoInterrupt),
                Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt => {
                    return Err(internal_error(filename, "assembler jump in the flow graph"));
                }
                _ => None,
            };
            if let Some(op) = new_op {
                cfg.blocks[id].instrs.last_mut().expect("not empty").op = op;
            } else if !is_forward {
                // `cond T` becomes `reversed-cond next; JUMP T`.
                let label = cfg.blocks[target].label.unwrap_or(-1);
                let jump = cfg.new_block();
                let mut instr = CfgInstr::new(Opcode::Jump, label, last.loc);
                instr.target = Some(target);
                cfg.blocks[jump].instrs.push(instr);
                let next = cfg.blocks[id].next;
                let cold = cfg.blocks[id].cold;
                let l = cfg.blocks[id].instrs.last_mut().expect("not empty");
                l.op = reversed(last.op);
                l.target = next;
                cfg.blocks[jump].cold = cold;
                cfg.blocks[jump].next = next;
                cfg.blocks[id].next = Some(jump);
                if next.is_none() {
                    return Err(internal_error(
                        filename,
                        "conditional jump at the end of the code",
                    ));
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    Ok(())
}

/// The code units an instruction takes: `EXTENDED_ARG`s, itself and its caches
/// (`_PyCompile_InstrSize`).
pub(crate) fn instr_size(instr: &CfgInstr) -> i32 {
    let arg = instr.arg;
    let extended = i32::from(arg > 0xFF_FFFF) + i32::from(arg > 0xFFFF) + i32::from(arg > 0xFF);
    extended + 1 + instr.op.cache_entries() as i32
}

/// Sets every block's offset and every jump's argument, until no jump changes size
/// (`resolve_jump_offsets`).
pub(crate) fn resolve_jump_offsets(cfg: &mut Cfg) {
    let order = cfg.order();
    loop {
        let mut total = 0;
        for &b in &order {
            cfg.blocks[b].offset = total;
            total += cfg.blocks[b].instrs.iter().map(instr_size).sum::<i32>();
        }
        let mut recompile = false;
        for &b in &order {
            let mut pos = cfg.blocks[b].offset;
            for i in 0..cfg.blocks[b].instrs.len() {
                let instr = cfg.blocks[b].instrs[i];
                let isize = instr_size(&instr);
                pos += isize;
                if instr.op.is_jump() {
                    let target_offset = cfg.blocks[instr.target.expect("targets are set")].offset;
                    let arg = if target_offset < pos {
                        pos - target_offset
                    } else {
                        target_offset - pos
                    };
                    let instr = &mut cfg.blocks[b].instrs[i];
                    instr.arg = arg;
                    if instr_size(instr) != isize {
                        recompile = true;
                    }
                }
            }
        }
        if !recompile {
            break;
        }
    }
}

/// The assembled bytes of a code unit.
pub(crate) struct Assembled {
    pub code: Vec<u8>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
}

/// Writes `co_code`, `co_exceptiontable` and `co_linetable` (`assemble_emit`).
pub(crate) fn assemble_emit(
    cfg: &Cfg,
    firstlineno: i32,
    filename: &str,
) -> Result<Assembled, CompileError> {
    let order = cfg.order();
    let mut code = Vec::new();
    for &b in &order {
        for instr in &cfg.blocks[b].instrs {
            if instr.op.is_pseudo() {
                return Err(internal_error(
                    filename,
                    "pseudo-instruction left at assembly",
                ));
            }
            write_instr(&mut code, instr);
        }
    }
    let mut lines = LineTableWriter::new(firstlineno);
    let mut loc: Option<Location> = None;
    let mut size = 0;
    for &b in &order {
        for instr in &cfg.blocks[b].instrs {
            if loc != Some(instr.loc) {
                lines.emit(loc.unwrap_or(Location::NONE), size);
                loc = Some(instr.loc);
                size = 0;
            }
            size += instr_size(instr) as usize;
        }
    }
    lines.emit(loc.unwrap_or(Location::NONE), size);
    Ok(Assembled {
        code,
        linetable: lines.finish(),
        exceptiontable: exception_table(cfg, filename)?,
    })
}

/// Appends one instruction's code units (`write_instr`).
fn write_instr(code: &mut Vec<u8>, instr: &CfgInstr) {
    let arg = instr.arg as u32;
    let caches = instr.op.cache_entries();
    let units = instr_size(instr) as usize - caches;
    for shift in (1..units).rev() {
        code.push(Opcode::ExtendedArg as u8);
        code.push((arg >> (8 * shift)) as u8);
    }
    code.push(instr.op as u8);
    code.push(arg as u8);
    code.extend(std::iter::repeat_n(0, 2 * caches));
}

/// The exception table: one entry per run of instructions with the same handler
/// (`assemble_exception_table`).
fn exception_table(cfg: &Cfg, filename: &str) -> Result<Vec<u8>, CompileError> {
    let mut table = Vec::new();
    let mut handler = None;
    let mut start = 0;
    let mut offset = 0;
    for b in cfg.order() {
        offset = cfg.blocks[b].offset;
        for instr in &cfg.blocks[b].instrs {
            if instr.except != handler {
                if let Some(h) = handler {
                    exception_entry(&mut table, cfg, start, offset, h, filename)?;
                }
                start = offset;
                handler = instr.except;
            }
            offset += instr_size(instr);
        }
    }
    if let Some(h) = handler {
        exception_entry(&mut table, cfg, start, offset, h, filename)?;
    }
    Ok(table)
}

/// One entry: start, size, target, `depth << 1 | lasti`, as varints, the first byte of the
/// entry marked (`assemble_emit_exception_table_entry`).
fn exception_entry(
    table: &mut Vec<u8>,
    cfg: &Cfg,
    start: i32,
    end: i32,
    handler: usize,
    filename: &str,
) -> Result<(), CompileError> {
    let h = &cfg.blocks[handler];
    let lasti = i32::from(h.preserve_lasti);
    let depth = h.startdepth.saturating_sub(1 + lasti);
    if depth < 0 || end <= start {
        return Err(internal_error(filename, "malformed exception handler"));
    }
    except_varint(table, start as u32, true);
    except_varint(table, (end - start) as u32, false);
    except_varint(table, h.offset as u32, false);
    except_varint(table, ((depth << 1) | lasti) as u32, false);
    Ok(())
}

/// A big-endian varint of 6-bit groups, bit 6 marking continuation, bit 7 an entry's start
/// (`assemble_emit_exception_table_item`).
fn except_varint(table: &mut Vec<u8>, value: u32, start: bool) {
    let mut msb = if start { 0x80 } else { 0 };
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            table.push((((value >> shift) & 0x3F) as u8) | 0x40 | msb);
            msb = 0;
        }
    }
    table.push((value & 0x3F) as u8 | msb);
}
