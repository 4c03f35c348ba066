//! Constants and fast locals: unused constants dropped (`remove_unused_consts` of
//! `Python/flowgraph.c`), `LOAD_FAST` made `LOAD_FAST_CHECK` where the local may be unbound
//! (`add_checks_for_loads_of_uninitialized_variables`), and the fast-locals layout with its
//! prefix instructions (`prepare_localsplus`, `insert_prefix_instructions` and
//! `fix_cell_offsets` of `Python/compile.c`).

use super::cfg::{BlockId, Cfg, CfgInstr};
use super::peephole::has_const;
use crate::code::{Constant, flags};
use crate::instr::{Location, UnitMetadata};
use crate::opcode::Opcode;

/// Drops the constants no instruction loads, keeping the first (it may be the docstring), and
/// renumbers the loads (`remove_unused_consts`).
pub(crate) fn remove_unused_consts(cfg: &mut Cfg, consts: &mut Vec<Constant>) {
    let n = consts.len();
    if n == 0 {
        return;
    }
    let mut used = vec![false; n];
    used[0] = true;
    let order = cfg.order();
    for &b in &order {
        for instr in &cfg.blocks[b].instrs {
            if has_const(instr.op) {
                if let Some(u) = used.get_mut(instr.arg as usize) {
                    *u = true;
                }
            }
        }
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut new_index = vec![0i32; n];
    let mut kept = 0;
    let mut i = 0;
    consts.retain(|_| {
        let keep = used[i];
        if keep {
            new_index[i] = kept;
            kept += 1;
        }
        i += 1;
        keep
    });
    for &b in &order {
        for instr in &mut cfg.blocks[b].instrs {
            if has_const(instr.op) {
                if let Some(&new) = new_index.get(instr.arg as usize) {
                    instr.arg = new;
                }
            }
        }
    }
}

/// Marks the block for another scan when `mask` tells it something new (`maybe_push`).
fn maybe_push(cfg: &mut Cfg, b: BlockId, mask: u64, stack: &mut Vec<BlockId>) {
    let block = &mut cfg.blocks[b];
    let both = block.unsafe_locals_mask | mask;
    if block.unsafe_locals_mask != both {
        block.unsafe_locals_mask = both;
        if !block.visited {
            stack.push(b);
            block.visited = true;
        }
    }
}

/// Scans one block with the locals that may be unbound at its start
/// (`scan_block_for_locals`).
fn scan_block_for_locals(cfg: &mut Cfg, b: BlockId, stack: &mut Vec<BlockId>) {
    let mut mask = cfg.blocks[b].unsafe_locals_mask;
    for i in 0..cfg.blocks[b].instrs.len() {
        let instr = cfg.blocks[b].instrs[i];
        if let Some(handler) = instr.except {
            maybe_push(cfg, handler, mask, stack);
        }
        if !(0..64).contains(&instr.arg) {
            continue;
        }
        let bit = 1u64 << instr.arg;
        match instr.op {
            Opcode::DeleteFast | Opcode::LoadFastAndClear | Opcode::StoreFastMaybeNull => {
                mask |= bit
            }
            Opcode::StoreFast | Opcode::LoadFastCheck => mask &= !bit,
            Opcode::LoadFast => {
                if mask & bit != 0 {
                    cfg.blocks[b].instrs[i].op = Opcode::LoadFastCheck;
                }
                mask &= !bit;
            }
            _ => {}
        }
    }
    if let Some(next) = cfg.blocks[b].next {
        if !cfg.blocks[b].no_fallthrough() {
            maybe_push(cfg, next, mask, stack);
        }
    }
    let jump_target = cfg.blocks[b]
        .last()
        .filter(|l| l.op.is_jump())
        .and_then(|l| l.target);
    if let Some(t) = jump_target {
        maybe_push(cfg, t, mask, stack);
    }
}

/// Locals past the 64th, one block at a time: a load not preceded in its block by a store or
/// load of the local is checked (`fast_scan_many_locals`).
fn fast_scan_many_locals(cfg: &mut Cfg, nlocals: usize) {
    let mut states = vec![0usize; nlocals - 64];
    for (blocknum, b) in (1..).zip(cfg.order()) {
        for instr in &mut cfg.blocks[b].instrs {
            let Some(state) = usize::try_from(instr.arg)
                .ok()
                .and_then(|a| a.checked_sub(64))
                .and_then(|a| states.get_mut(a))
            else {
                continue;
            };
            match instr.op {
                Opcode::DeleteFast | Opcode::LoadFastAndClear | Opcode::StoreFastMaybeNull => {
                    *state = blocknum - 1
                }
                Opcode::StoreFast => *state = blocknum,
                Opcode::LoadFast => {
                    if *state != blocknum {
                        instr.op = Opcode::LoadFastCheck;
                    }
                    *state = blocknum;
                }
                _ => {}
            }
        }
    }
}

/// Turns each `LOAD_FAST` of a local that may be unbound into `LOAD_FAST_CHECK`
/// (`add_checks_for_loads_of_uninitialized_variables`).
pub(crate) fn add_checks_for_loads_of_uninitialized_variables(
    cfg: &mut Cfg,
    nlocals: usize,
    nparams: usize,
) {
    if nlocals == 0 {
        return;
    }
    let mut nlocals = nlocals;
    if nlocals > 64 {
        fast_scan_many_locals(cfg, nlocals);
        nlocals = 64;
    }
    cfg.clear_visited();
    let mut stack = Vec::new();
    let start_mask = (nparams..nlocals).fold(0u64, |m, i| m | 1 << i);
    maybe_push(cfg, cfg.entry, start_mask, &mut stack);
    for b in cfg.order() {
        scan_block_for_locals(cfg, b, &mut stack);
    }
    while let Some(b) = stack.pop() {
        cfg.blocks[b].visited = false;
        scan_block_for_locals(cfg, b, &mut stack);
    }
}

/// The fast-locals slot of each cell and free variable, cells that are also arguments
/// sharing the argument's slot (`build_cellfixedoffsets`).
fn build_cellfixedoffsets(meta: &UnitMetadata) -> Vec<usize> {
    let nlocals = meta.varnames.len();
    let mut fixed: Vec<usize> = (0..meta.cellvars.len() + meta.freevars.len())
        .map(|i| nlocals + i)
        .collect();
    for (cellindex, name) in meta.cellvars.iter().enumerate() {
        if let Some(varindex) = meta.varnames.iter().position(|v| v == name) {
            fixed[cellindex] = varindex;
        }
    }
    fixed
}

/// Puts `COPY_FREE_VARS`, the `MAKE_CELL`s (in slot order) and a generator's
/// `RETURN_GENERATOR; POP_TOP` at the start of the entry block
/// (`insert_prefix_instructions`).
fn insert_prefix_instructions(
    cfg: &mut Cfg,
    meta: &UnitMetadata,
    fixed: &[usize],
    code_flags: u32,
) {
    let entry = cfg.entry;
    let instrs = &mut cfg.blocks[entry].instrs;
    let gen_flags = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
    if code_flags & gen_flags != 0 {
        let line = meta.firstlineno as i32;
        let loc = Location {
            lineno: line,
            end_lineno: line,
            col_offset: -1,
            end_col_offset: -1,
        };
        instrs.insert(0, CfgInstr::new(Opcode::ReturnGenerator, 0, loc));
        instrs.insert(1, CfgInstr::new(Opcode::PopTop, 0, Location::NONE));
    }
    let ncellvars = meta.cellvars.len();
    if ncellvars > 0 {
        let mut sorted = vec![None; ncellvars + meta.varnames.len()];
        for (i, &slot) in fixed.iter().take(ncellvars).enumerate() {
            sorted[slot] = Some(i);
        }
        for (used, oldindex) in sorted.into_iter().flatten().enumerate() {
            let make_cell = CfgInstr::new(Opcode::MakeCell, oldindex as i32, Location::NONE);
            instrs.insert(used, make_cell);
        }
    }
    let nfreevars = meta.freevars.len();
    if nfreevars > 0 {
        let copy = CfgInstr::new(Opcode::CopyFreeVars, nfreevars as i32, Location::NONE);
        instrs.insert(0, copy);
    }
}

/// Renumbers the cell and free variable instructions to fast-locals slots; returns how many
/// cells share an argument's slot (`fix_cell_offsets`).
fn fix_cell_offsets(cfg: &mut Cfg, nlocals: usize, fixed: &mut [usize]) -> usize {
    let mut dropped = 0;
    for (i, slot) in fixed.iter_mut().enumerate() {
        if *slot == i + nlocals {
            *slot -= dropped;
        } else {
            dropped += 1;
        }
    }
    for b in cfg.order() {
        for instr in &mut cfg.blocks[b].instrs {
            let is_cell_op = matches!(
                instr.op,
                Opcode::MakeCell
                    | Opcode::LoadClosure
                    | Opcode::LoadDeref
                    | Opcode::StoreDeref
                    | Opcode::DeleteDeref
                    | Opcode::LoadFromDictOrDeref
            );
            if is_cell_op {
                if let Some(&slot) = fixed.get(instr.arg as usize) {
                    instr.arg = slot as i32;
                }
            }
        }
    }
    dropped
}

/// Lays out the fast locals and inserts the prefix instructions; returns the number of slots
/// (`prepare_localsplus`).
pub(crate) fn prepare_localsplus(cfg: &mut Cfg, meta: &UnitMetadata, code_flags: u32) -> usize {
    let nlocals = meta.varnames.len();
    let nlocalsplus = nlocals + meta.cellvars.len() + meta.freevars.len();
    let mut fixed = build_cellfixedoffsets(meta);
    insert_prefix_instructions(cfg, meta, &fixed, code_flags);
    nlocalsplus - fix_cell_offsets(cfg, nlocals, &mut fixed)
}
