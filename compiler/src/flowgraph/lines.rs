//! Line numbers for instructions that have none (`resolve_line_numbers` of
//! `Python/flowgraph.c`): PEP 626 wants every exit (return, raise) to have the line it runs
//! for, so exit blocks without a line that several blocks jump to are copied, one per jump
//! (`duplicate_exits_without_lineno`); then lines flow forward within blocks and into blocks
//! with a single predecessor (`propagate_line_numbers`); any `RETURN_VALUE` still without one
//! takes the last line seen (`guarantee_lineno_for_exits`).

use super::cfg::{BlockId, Cfg};
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;

/// Runs the three passes (`resolve_line_numbers`).
pub(crate) fn resolve_line_numbers(cfg: &mut Cfg, firstlineno: i32) -> Result<(), CompileError> {
    duplicate_exits_without_lineno(cfg);
    propagate_line_numbers(cfg);
    guarantee_lineno_for_exits(cfg, firstlineno);
    Ok(())
}

/// Whether the block ends the code unit and none of its instructions has a line
/// (`is_exit_without_lineno`).
fn is_exit_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    let block = &cfg.blocks[b];
    block.exits_scope() && block.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// Gives every jump to a shared line-less exit block its own copy, with the jump's location
/// (`duplicate_exits_without_lineno`).
fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let mut next_lbl = cfg.max_label() + 1;
    let mut b = Some(cfg.entry);
    while let Some(id) = b {
        if let Some(last) = cfg.blocks[id].last().copied() {
            if let Some(target) = last.target.filter(|_| last.op.is_jump()) {
                if is_exit_without_lineno(cfg, target) && cfg.blocks[target].predecessors > 1 {
                    let copy = cfg.new_block();
                    cfg.blocks[copy].instrs = cfg.blocks[target].instrs.clone();
                    cfg.blocks[copy].instrs[0].loc = last.loc;
                    cfg.blocks[id].instrs.last_mut().expect("not empty").target = Some(copy);
                    cfg.blocks[target].predecessors -= 1;
                    cfg.blocks[copy].predecessors = 1;
                    cfg.blocks[copy].next = cfg.blocks[target].next;
                    cfg.blocks[copy].label = Some(next_lbl);
                    next_lbl += 1;
                    cfg.blocks[target].next = Some(copy);
                }
            }
        }
        b = cfg.blocks[id].next;
    }
    // The remaining line-less exits are reached by falling through from one block.
    for id in cfg.order() {
        let block = &cfg.blocks[id];
        if block.no_fallthrough() || block.instrs.is_empty() {
            continue;
        }
        let Some(next) = block.next else { continue };
        if is_exit_without_lineno(cfg, next) {
            let loc = cfg.blocks[id].last().expect("not empty").loc;
            cfg.blocks[next].instrs[0].loc = loc;
        }
    }
}

/// Copies lines forward within blocks, and into the first instruction of a block with one
/// predecessor (`propagate_line_numbers`).
fn propagate_line_numbers(cfg: &mut Cfg) {
    for b in cfg.order() {
        let Some(last) = cfg.blocks[b].last().copied() else {
            continue;
        };
        let mut prev = Location::NONE;
        for instr in &mut cfg.blocks[b].instrs {
            if instr.loc.lineno < 0 {
                instr.loc = prev;
            } else {
                prev = instr.loc;
            }
        }
        let mut successors = Vec::new();
        if !cfg.blocks[b].no_fallthrough() {
            successors.extend(cfg.blocks[b].next);
        }
        if last.op.is_jump() {
            successors.extend(last.target);
        }
        for s in successors {
            let block = &mut cfg.blocks[s];
            if block.predecessors == 1 {
                if let Some(first) = block.instrs.first_mut() {
                    if first.loc.lineno < 0 {
                        first.loc = prev;
                    }
                }
            }
        }
    }
}

/// Gives each `RETURN_VALUE` still without a line the last line seen before it
/// (`guarantee_lineno_for_exits`).
fn guarantee_lineno_for_exits(cfg: &mut Cfg, firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in cfg.order() {
        let Some(last) = cfg.blocks[b].last().copied() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.op == Opcode::ReturnValue {
                for instr in &mut cfg.blocks[b].instrs {
                    instr.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}
