//! Cold blocks to the end (`mark_warm`, `mark_cold` and `push_cold_blocks_to_end` of
//! `Python/flowgraph.c`): the blocks only reachable from exception handlers are moved after
//! all the others, so the normal path runs straight through.
//!
//! After [`push_cold_blocks_to_end`]: every block reachable from the entry without going
//! through a handler comes first, in its original order; a cold block that fell through into
//! a warm one now ends with an explicit `JUMP`.

use super::cfg::{BlockId, Cfg, CfgInstr};
use super::optimize::remove_redundant_jumps;
use crate::instr::Location;
use crate::opcode::Opcode;

/// The jump targets of a block's instructions.
fn jump_targets(cfg: &Cfg, b: BlockId) -> Vec<BlockId> {
    cfg.blocks[b]
        .instrs
        .iter()
        .filter(|i| i.op.is_jump())
        .filter_map(|i| i.target)
        .collect()
}

/// Marks the blocks reachable from the entry by fall-through and jumps (`mark_warm`).
fn mark_warm(cfg: &mut Cfg) {
    cfg.clear_visited();
    let entry = cfg.entry;
    let mut stack = vec![entry];
    cfg.blocks[entry].visited = true;
    while let Some(b) = stack.pop() {
        cfg.blocks[b].warm = true;
        if let Some(next) = cfg.blocks[b].next {
            if !cfg.blocks[b].no_fallthrough() && !cfg.blocks[next].visited {
                stack.push(next);
                cfg.blocks[next].visited = true;
            }
        }
        for t in jump_targets(cfg, b) {
            if !cfg.blocks[t].visited {
                stack.push(t);
                cfg.blocks[t].visited = true;
            }
        }
    }
}

/// Marks the blocks reachable from the handlers but not warm (`mark_cold`).
fn mark_cold(cfg: &mut Cfg) {
    mark_warm(cfg);
    cfg.clear_visited();
    let mut stack = Vec::new();
    for b in cfg.order() {
        if cfg.blocks[b].except_handler {
            stack.push(b);
            cfg.blocks[b].visited = true;
        }
    }
    while let Some(b) = stack.pop() {
        cfg.blocks[b].cold = true;
        let mut successors = Vec::new();
        if let Some(next) = cfg.blocks[b].next {
            if !cfg.blocks[b].no_fallthrough() {
                successors.push(next);
            }
        }
        successors.extend(jump_targets(cfg, b));
        for s in successors {
            if !cfg.blocks[s].warm && !cfg.blocks[s].visited {
                stack.push(s);
                cfg.blocks[s].visited = true;
            }
        }
    }
}

/// Moves the cold blocks after the warm ones (`push_cold_blocks_to_end`).
pub(crate) fn push_cold_blocks_to_end(cfg: &mut Cfg) {
    let entry = cfg.entry;
    if cfg.blocks[entry].next.is_none() {
        return;
    }
    mark_cold(cfg);
    let mut next_lbl = cfg.max_label() + 1;
    // A cold block falling through into a warm one gets an explicit jump.
    let mut b = Some(entry);
    while let Some(id) = b {
        let next = cfg.blocks[id].next;
        let falls_to_warm = next.is_some_and(|n| cfg.blocks[n].warm);
        if cfg.blocks[id].cold && !cfg.blocks[id].no_fallthrough() && falls_to_warm {
            let next = next.expect("checked");
            let label = *cfg.blocks[next].label.get_or_insert_with(|| {
                next_lbl += 1;
                next_lbl - 1
            });
            let jump = cfg.new_block();
            let mut instr = CfgInstr::new(Opcode::Jump, label, Location::NONE);
            instr.target = Some(next);
            cfg.blocks[jump].instrs.push(instr);
            cfg.blocks[jump].cold = true;
            cfg.blocks[jump].next = Some(next);
            cfg.blocks[id].next = Some(jump);
        }
        b = cfg.blocks[id].next;
    }
    // Unlink each streak of cold blocks and chain the streaks at the end.
    let mut cold_head: Option<BlockId> = None;
    let mut cold_tail: Option<BlockId> = None;
    let mut b = entry;
    while cfg.blocks[b].next.is_some() {
        while let Some(n) = cfg.blocks[b].next.filter(|&n| !cfg.blocks[n].cold) {
            b = n;
        }
        let Some(start) = cfg.blocks[b].next else {
            break;
        };
        let mut end = start;
        while let Some(n) = cfg.blocks[end].next.filter(|&n| cfg.blocks[n].cold) {
            end = n;
        }
        match cold_tail {
            None => cold_head = Some(start),
            Some(tail) => cfg.blocks[tail].next = Some(start),
        }
        cold_tail = Some(end);
        cfg.blocks[b].next = cfg.blocks[end].next;
        cfg.blocks[end].next = None;
    }
    cfg.blocks[b].next = cold_head;
    if cold_head.is_some() {
        remove_redundant_jumps(cfg);
    }
}
