//! Which handler each instruction's exceptions go to (`mark_except_handlers` and
//! `label_exception_targets` of `Python/flowgraph.c`): the `SETUP_*`/`POP_BLOCK`
//! pseudo-instructions are followed along every path with a stack of handlers, and every
//! instruction gets the handler on top of the stack where it stands (`i_except`).
//!
//! After [`label_exception_targets`]: every reachable instruction's `except` is set, handler
//! blocks are marked `except_handler` (and `preserve_lasti` for `SETUP_CLEANUP`/`SETUP_WITH`),
//! and each `YIELD_VALUE`'s argument is the depth of the handler stack at it.

use super::cfg::{BlockId, Cfg, internal_error};
use crate::error::CompileError;
use crate::opcode::Opcode;

/// Marks the target of every `SETUP_*` as an exception handler (`mark_except_handlers`).
pub(crate) fn mark_except_handlers(cfg: &mut Cfg) {
    for b in cfg.order() {
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            if instr.op.is_block_push() {
                if let Some(t) = instr.target {
                    cfg.blocks[t].except_handler = true;
                }
            }
        }
    }
}

/// The handlers in force, innermost last (`ExceptStack`).
type ExceptStack = Vec<BlockId>;

/// Sets each instruction's handler by walking the graph with a handler stack
/// (`label_exception_targets`).
pub(crate) fn label_exception_targets(cfg: &mut Cfg, filename: &str) -> Result<(), CompileError> {
    cfg.clear_visited();
    let mut stacks: Vec<Option<ExceptStack>> = vec![None; cfg.blocks.len()];
    let entry = cfg.entry;
    let mut todo = vec![entry];
    cfg.blocks[entry].visited = true;
    stacks[entry] = Some(Vec::new());
    while let Some(b) = todo.pop() {
        let mut stack = stacks[b].take();
        let mut handler = stack.as_ref().and_then(|s| s.last().copied());
        let n = cfg.blocks[b].instrs.len();
        for i in 0..n {
            let instr = cfg.blocks[b].instrs[i];
            let Some(current) = stack.as_mut() else {
                return Err(internal_error(filename, "malformed control flow graph."));
            };
            if instr.op.is_block_push() {
                let target = instr.target.expect("targets are set");
                if !cfg.blocks[target].visited {
                    stacks[target] = Some(current.clone());
                    todo.push(target);
                    cfg.blocks[target].visited = true;
                }
                if matches!(instr.op, Opcode::SetupWith | Opcode::SetupCleanup) {
                    cfg.blocks[target].preserve_lasti = true;
                }
                current.push(target);
                handler = Some(target);
            } else if instr.op == Opcode::PopBlock {
                if current.pop().is_none() {
                    return Err(internal_error(filename, "POP_BLOCK with no handler set up"));
                }
                handler = current.last().copied();
            } else if instr.op.is_jump() {
                cfg.blocks[b].instrs[i].except = handler;
                let target = instr.target.expect("targets are set");
                if !cfg.blocks[target].visited {
                    if !cfg.blocks[b].no_fallthrough() {
                        stacks[target] = Some(current.clone());
                    } else {
                        stacks[target] = stack.take();
                    }
                    todo.push(target);
                    cfg.blocks[target].visited = true;
                }
            } else {
                if instr.op == Opcode::YieldValue {
                    cfg.blocks[b].instrs[i].arg = current.len() as i32;
                }
                cfg.blocks[b].instrs[i].except = handler;
            }
        }
        if !cfg.blocks[b].no_fallthrough() {
            if let Some(next) = cfg.blocks[b].next {
                if !cfg.blocks[next].visited {
                    stacks[next] = stack;
                    todo.push(next);
                    cfg.blocks[next].visited = true;
                }
            }
        }
    }
    Ok(())
}
