//! The flow graph's optimisation passes (`optimize_cfg` of `Python/flowgraph.c`), in 3.12's
//! order: drop empty blocks, inline small exit blocks, the per-block peepholes
//! ([`super::peephole`]), drop `LOAD_CONST`/`POP_TOP` pairs, inline again, count predecessors
//! and empty the unreachable blocks, drop redundant `NOP`s, empty blocks and jumps to the next
//! block.
//!
//! Transformations that shrink the code first leave `NOP`s; [`remove_redundant_nops`] removes
//! those that carry no line number of their own.

use super::cfg::{BlockId, Cfg, CfgInstr, has_target, internal_error, is_unconditional_jump};
use super::peephole::optimize_basic_block;
use crate::code::Constant;
use crate::error::CompileError;
use crate::opcode::Opcode;

/// The largest exit block copied into its predecessors (`MAX_COPY_SIZE`).
const MAX_COPY_SIZE: usize = 4;

/// Runs the optimisation passes (`optimize_cfg`). After it: no block is empty, unreachable
/// blocks are gone from the chain, every block's `predecessors` is counted, and no
/// unconditional jump goes to the block that follows it.
pub(crate) fn optimize_cfg(
    cfg: &mut Cfg,
    consts: &mut Vec<Constant>,
    filename: &str,
) -> Result<(), CompileError> {
    check_cfg(cfg, filename)?;
    eliminate_empty_basic_blocks(cfg, filename)?;
    for b in cfg.order() {
        inline_small_exit_blocks(cfg, b);
    }
    for b in cfg.order() {
        optimize_basic_block(cfg, b, consts, filename)?;
    }
    remove_redundant_nops_and_pairs(cfg);
    for b in cfg.order() {
        inline_small_exit_blocks(cfg, b);
    }
    mark_reachable(cfg);
    for b in cfg.order() {
        if cfg.blocks[b].predecessors == 0 {
            cfg.blocks[b].instrs.clear();
        }
    }
    for b in cfg.order() {
        remove_redundant_nops(cfg, b);
    }
    eliminate_empty_basic_blocks(cfg, filename)?;
    remove_redundant_jumps(cfg);
    Ok(())
}

/// Refuses a block with a jump or exit before its end (`check_cfg`).
fn check_cfg(cfg: &Cfg, filename: &str) -> Result<(), CompileError> {
    for b in cfg.order() {
        let instrs = &cfg.blocks[b].instrs;
        for (i, instr) in instrs.iter().enumerate() {
            let terminator = instr.op.is_jump() || super::cfg::is_scope_exit(instr.op);
            if terminator && i != instrs.len() - 1 {
                return Err(internal_error(filename, "malformed control flow graph."));
            }
        }
    }
    Ok(())
}

/// Unlinks empty blocks and sends jumps to them on to the next non-empty block
/// (`eliminate_empty_basic_blocks`).
pub(crate) fn eliminate_empty_basic_blocks(
    cfg: &mut Cfg,
    filename: &str,
) -> Result<(), CompileError> {
    for b in cfg.order() {
        let mut next = cfg.blocks[b].next;
        while let Some(n) = next.filter(|&n| cfg.blocks[n].instrs.is_empty()) {
            next = cfg.blocks[n].next;
        }
        cfg.blocks[b].next = next;
    }
    while cfg.blocks[cfg.entry].instrs.is_empty() {
        cfg.entry = cfg.blocks[cfg.entry]
            .next
            .ok_or_else(|| internal_error(filename, "a code unit with no instructions"))?;
    }
    let mut next_lbl = cfg.max_label() + 1;
    for b in cfg.order() {
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if !has_target(instr.op) {
                continue;
            }
            let old = instr.target.expect("targets are set");
            let mut target = old;
            while cfg.blocks[target].instrs.is_empty() {
                target = cfg.blocks[target]
                    .next
                    .ok_or_else(|| internal_error(filename, "jump past the end of the code"))?;
            }
            if target != old {
                let label = *cfg.blocks[target].label.get_or_insert_with(|| {
                    next_lbl += 1;
                    next_lbl - 1
                });
                let instr = &mut cfg.blocks[b].instrs[i];
                instr.target = Some(target);
                instr.arg = label;
            }
        }
    }
    Ok(())
}

/// Replaces a jump to a small exit block by a copy of the block (`inline_small_exit_blocks`).
fn inline_small_exit_blocks(cfg: &mut Cfg, b: BlockId) {
    let Some(last) = cfg.blocks[b].last().copied() else {
        return;
    };
    if !is_unconditional_jump(last.op) {
        return;
    }
    let target = last.target.expect("targets are set");
    let t = &cfg.blocks[target];
    if t.exits_scope() && t.instrs.len() <= MAX_COPY_SIZE {
        let copied = t.instrs.clone();
        let block = &mut cfg.blocks[b];
        block
            .instrs
            .last_mut()
            .expect("not empty")
            .set_op0(Opcode::Nop);
        block.instrs.extend(copied);
    }
}

/// Removes the `NOP`s a line number does not need (`remove_redundant_nops`); returns how many.
pub(crate) fn remove_redundant_nops(cfg: &mut Cfg, b: BlockId) -> usize {
    // The line of the first instruction of the next non-empty block, skipping NOPs without
    // a line (they will go too).
    let next_lineno = {
        let mut next = cfg.blocks[b].next;
        while let Some(n) = next.filter(|&n| cfg.blocks[n].instrs.is_empty()) {
            next = cfg.blocks[n].next;
        }
        next.map(|n| {
            cfg.blocks[n]
                .instrs
                .iter()
                .find(|i| !(i.op == Opcode::Nop && i.loc.lineno == -1))
                .map_or(-1, |i| i.loc.lineno)
        })
    };
    let instrs = &mut cfg.blocks[b].instrs;
    let len = instrs.len();
    let mut dest = 0;
    let mut prev_lineno = -1;
    for src in 0..len {
        let lineno = instrs[src].loc.lineno;
        if instrs[src].op == Opcode::Nop {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src < len - 1 {
                let next = instrs[src + 1].loc.lineno;
                if next == lineno {
                    continue;
                }
                if next < 0 {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else if next_lineno == Some(lineno) {
                continue;
            }
        }
        instrs[dest] = instrs[src];
        dest += 1;
        prev_lineno = lineno;
    }
    instrs.truncate(dest);
    len - dest
}

/// Removes `NOP`s and the pairs `LOAD_CONST; POP_TOP` and `COPY 1; POP_TOP`, across blocks
/// joined by fall-through, until nothing changes (`remove_redundant_nops_and_pairs`).
fn remove_redundant_nops_and_pairs(cfg: &mut Cfg) {
    let mut done = false;
    while !done {
        done = true;
        let mut instr: Option<(BlockId, usize)> = None;
        let mut b = Some(cfg.entry);
        while let Some(id) = b {
            remove_redundant_nops(cfg, id);
            if cfg.blocks[id].label.is_some() {
                instr = None;
            }
            for i in 0..cfg.blocks[id].instrs.len() {
                let prev = instr;
                instr = Some((id, i));
                let (prev_op, prev_arg) = prev.map_or((None, 0), |(pb, pi)| {
                    let p = cfg.blocks[pb].instrs[pi];
                    (Some(p.op), p.arg)
                });
                if cfg.blocks[id].instrs[i].op == Opcode::PopTop {
                    let redundant = prev_op == Some(Opcode::LoadConst)
                        || (prev_op == Some(Opcode::Copy) && prev_arg == 1);
                    if redundant {
                        let (pb, pi) = prev.expect("a previous instruction");
                        cfg.blocks[pb].instrs[pi].set_op0(Opcode::Nop);
                        cfg.blocks[id].instrs[i].set_op0(Opcode::Nop);
                        done = false;
                    }
                }
            }
            let ends_in_jump = instr.is_some_and(|(ib, ii)| cfg.blocks[ib].instrs[ii].op.is_jump());
            if ends_in_jump || cfg.blocks[id].no_fallthrough() {
                instr = None;
            }
            b = cfg.blocks[id].next;
        }
    }
}

/// Replaces an unconditional jump to the next block by a `NOP` (`remove_redundant_jumps`).
pub(crate) fn remove_redundant_jumps(cfg: &mut Cfg) {
    for b in cfg.order() {
        let next = cfg.blocks[b].next;
        if let Some(last) = cfg.blocks[b].instrs.last_mut() {
            if is_unconditional_jump(last.op) && last.target == next {
                last.set_op0(Opcode::Nop);
            }
        }
    }
}

/// Counts each block's predecessors from the entry block; unreachable blocks keep 0
/// (`mark_reachable`).
fn mark_reachable(cfg: &mut Cfg) {
    cfg.clear_visited();
    let entry = cfg.entry;
    cfg.blocks[entry].predecessors = 1;
    let mut stack = vec![entry];
    while let Some(b) = stack.pop() {
        cfg.blocks[b].visited = true;
        if let Some(next) = cfg.blocks[b].next {
            if !cfg.blocks[b].no_fallthrough() {
                if !cfg.blocks[next].visited {
                    stack.push(next);
                }
                cfg.blocks[next].predecessors += 1;
            }
        }
        let targets: Vec<BlockId> = cfg.blocks[b]
            .instrs
            .iter()
            .filter(|i| i.op.is_jump() || i.op.is_block_push())
            .filter_map(|i: &CfgInstr| i.target)
            .collect();
        for target in targets {
            if !cfg.blocks[target].visited {
                stack.push(target);
            }
            cfg.blocks[target].predecessors += 1;
        }
    }
}
