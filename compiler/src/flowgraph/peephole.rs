//! The per-block peepholes of 3.12 (`optimize_basic_block` of `Python/flowgraph.c`):
//! constant conditions, `LOAD_CONST None; IS_OP; POP_JUMP_IF_*` to `POP_JUMP_IF_(NOT_)NONE`,
//! `LOAD_CONST; RETURN_VALUE` to `RETURN_CONST`, tuples of constants folded
//! (`fold_tuple_on_constants`), `BUILD_TUPLE n; UNPACK_SEQUENCE n` to `SWAP`s, jumps to jumps
//! threaded, runs of `SWAP`s made minimal (`swaptimize`) and applied to the instructions they
//! reorder (`apply_static_swaps`), and `PUSH_NULL; LOAD_GLOBAL` merged.

use std::rc::Rc;

use super::cfg::{BlockId, Cfg, CfgInstr, has_target, internal_error};
use crate::code::Constant;
use crate::error::CompileError;
use crate::opcode::Opcode;

/// CPython's truth value of a constant (`PyObject_IsTrue`).
fn is_true(c: &Constant) -> bool {
    use num_traits::Zero;
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// The constant a `LOAD_CONST` loads (`get_const_value`).
fn const_value<'a>(
    instr: &CfgInstr,
    consts: &'a [Constant],
    filename: &str,
) -> Result<&'a Constant, CompileError> {
    let found = (instr.op == Opcode::LoadConst)
        .then(|| consts.get(instr.arg as usize))
        .flatten();
    found.ok_or_else(|| {
        internal_error(
            filename,
            "Internal error: failed to get value of a constant",
        )
    })
}

/// Whether the opcode's argument indexes `co_consts` (`HAS_CONST`).
pub(crate) fn has_const(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LoadConst | Opcode::ReturnConst | Opcode::KwNames
    )
}

/// Optimises one block in place (`optimize_basic_block`).
pub(crate) fn optimize_basic_block(
    cfg: &mut Cfg,
    b: BlockId,
    consts: &mut Vec<Constant>,
    filename: &str,
) -> Result<(), CompileError> {
    let nop = CfgInstr::new(Opcode::Nop, 0, crate::instr::Location::NONE);
    let mut target = nop;
    let mut opcode: Option<Opcode> = None;
    let mut oparg = 0;
    let mut i = 0usize;
    while i < cfg.blocks[b].instrs.len() {
        let len = cfg.blocks[b].instrs.len();
        let inst = cfg.blocks[b].instrs[i];
        let is_copy_of_load_const =
            opcode == Some(Opcode::LoadConst) && inst.op == Opcode::Copy && inst.arg == 1;
        if !is_copy_of_load_const {
            opcode = Some(inst.op);
            oparg = inst.arg;
            target = match inst.target.filter(|_| has_target(inst.op)) {
                Some(t) => cfg.first(t).copied().unwrap_or(nop),
                None => nop,
            };
        }
        let nextop = (i + 1 < len).then(|| cfg.blocks[b].instrs[i + 1].op);
        let instrs = &mut cfg.blocks[b].instrs;
        match opcode.expect("set above") {
            Opcode::LoadConst => match nextop {
                Some(Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue) => {
                    let probe = CfgInstr::new(Opcode::LoadConst, oparg, inst.loc);
                    let truth = is_true(const_value(&probe, consts, filename)?);
                    instrs[i].set_op0(Opcode::Nop);
                    let jump_if_true = nextop == Some(Opcode::PopJumpIfTrue);
                    if truth == jump_if_true {
                        instrs[i + 1].op = Opcode::Jump;
                    } else {
                        instrs[i + 1].set_op0(Opcode::Nop);
                    }
                }
                Some(Opcode::IsOp) => {
                    let probe = CfgInstr::new(Opcode::LoadConst, oparg, inst.loc);
                    let value = const_value(&probe, consts, filename)?;
                    let jump_op = (i + 2 < len).then(|| instrs[i + 2].op);
                    let is_cond = matches!(
                        jump_op,
                        Some(Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue)
                    );
                    if matches!(value, Constant::None) && is_cond {
                        let nextarg = instrs[i + 1].arg & 0xFF;
                        instrs[i].set_op0(Opcode::Nop);
                        instrs[i + 1].set_op0(Opcode::Nop);
                        let if_false = i32::from(jump_op == Some(Opcode::PopJumpIfFalse));
                        instrs[i + 2].op = if nextarg ^ if_false != 0 {
                            Opcode::PopJumpIfNotNone
                        } else {
                            Opcode::PopJumpIfNone
                        };
                    }
                }
                Some(Opcode::ReturnValue) => {
                    instrs[i].set_op0(Opcode::Nop);
                    i += 1;
                    instrs[i].op = Opcode::ReturnConst;
                    instrs[i].arg = oparg;
                }
                _ => {}
            },
            Opcode::BuildTuple => {
                if nextop == Some(Opcode::UnpackSequence) && oparg == instrs[i + 1].arg {
                    match oparg {
                        1 => {
                            instrs[i].set_op0(Opcode::Nop);
                            instrs[i + 1].set_op0(Opcode::Nop);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            instrs[i].set_op0(Opcode::Nop);
                            instrs[i + 1].op = Opcode::Swap;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if i >= oparg as usize {
                    fold_tuple_on_constants(
                        instrs,
                        i - oparg as usize,
                        oparg as usize,
                        consts,
                        filename,
                    )?;
                }
            }
            Opcode::PopJumpIfNotNone
            | Opcode::PopJumpIfNone
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::Jump => {
                if target.op == Opcode::Jump && jump_thread(&mut instrs[i], &target, inst.op) {
                    // Look at the same instruction again, with its new target.
                    continue;
                }
            }
            Opcode::Swap => {
                if oparg == 1 {
                    instrs[i].set_op0(Opcode::Nop);
                } else {
                    swaptimize(instrs, &mut i);
                    apply_static_swaps(instrs, i);
                }
            }
            Opcode::PushNull => {
                if nextop == Some(Opcode::LoadGlobal) && instrs[i + 1].arg & 1 == 0 {
                    instrs[i].set_op0(Opcode::Nop);
                    instrs[i + 1].arg |= 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Sends `inst` straight to the target of the jump it jumps to, when that changes nothing a
/// line-number event could see (`jump_thread`).
fn jump_thread(inst: &mut CfgInstr, target: &CfgInstr, opcode: Opcode) -> bool {
    let same_line = inst.loc.lineno == target.loc.lineno || target.loc.lineno == -1;
    if same_line && inst.target != target.target {
        inst.target = target.target;
        inst.op = opcode;
        return true;
    }
    false
}

/// Replaces `LOAD_CONST c1 ... LOAD_CONST cn; BUILD_TUPLE n` (from `start`) by
/// `NOP`s and `LOAD_CONST (c1, ..., cn)` (`fold_tuple_on_constants`).
fn fold_tuple_on_constants(
    instrs: &mut [CfgInstr],
    start: usize,
    n: usize,
    consts: &mut Vec<Constant>,
    filename: &str,
) -> Result<(), CompileError> {
    if !instrs[start..start + n].iter().all(|i| has_const(i.op)) {
        return Ok(());
    }
    let items = instrs[start..start + n]
        .iter()
        .map(|i| const_value(i, consts, filename).cloned())
        .collect::<Result<Vec<_>, _>>()?;
    let tuple = Constant::Tuple(Rc::from(items));
    let index = match consts.iter().position(|c| c.same_constant(&tuple)) {
        Some(index) => index,
        None => {
            consts.push(tuple);
            consts.len() - 1
        }
    };
    for instr in &mut instrs[start..start + n] {
        instr.set_op0(Opcode::Nop);
    }
    let index = i32::try_from(index).map_err(|_| internal_error(filename, "too many constants"))?;
    instrs[start + n].op = Opcode::LoadConst;
    instrs[start + n].arg = index;
    Ok(())
}

/// Replaces a run of `SWAP`s and `NOP`s starting at `*ix` by the fewest `SWAP`s with the same
/// effect, and moves `*ix` to the run's last instruction (`swaptimize`).
fn swaptimize(instrs: &mut [CfgInstr], ix: &mut usize) {
    let run = &mut instrs[*ix..];
    let mut depth = run[0].arg.max(1) as usize;
    let mut len = 1;
    let mut more = false;
    while len < run.len() {
        match run[len].op {
            Opcode::Swap => {
                depth = depth.max(run[len].arg.max(1) as usize);
                more = true;
            }
            Opcode::Nop => {}
            _ => break,
        }
        len += 1;
    }
    let malformed = run[..len].iter().any(|i| i.op == Opcode::Swap && i.arg < 1);
    if !more || malformed {
        return;
    }
    // Run the swaps on the stack [0, 1, ..., depth - 1] to see where each item ends up.
    let mut stack: Vec<Option<usize>> = (0..depth).map(Some).collect();
    for instr in &run[..len] {
        if instr.op == Opcode::Swap {
            stack.swap(0, instr.arg as usize - 1);
        }
    }
    // Undo the shuffle cycle by cycle, writing the swaps from the end of the run.
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i].is_none() || stack[i] == Some(i) {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let slot = &mut run[current as usize];
                slot.op = Opcode::Swap;
                slot.arg = j as i32 + 1;
                current -= 1;
            }
            match stack[j] {
                None => break,
                Some(next) => {
                    stack[j] = None;
                    j = next;
                }
            }
        }
    }
    while current >= 0 {
        run[current as usize].set_op0(Opcode::Nop);
        current -= 1;
    }
    *ix += len - 1;
}

/// `SWAPPABLE`: instructions that only pop the top of the stack and cannot run user code.
fn swappable(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::StoreFast | Opcode::StoreFastMaybeNull | Opcode::PopTop
    )
}

/// `STORES_TO`: the local an instruction stores to.
fn stores_to(instr: &CfgInstr) -> Option<i32> {
    matches!(instr.op, Opcode::StoreFast | Opcode::StoreFastMaybeNull).then_some(instr.arg)
}

/// The next swappable instruction after `i`, skipping `NOP`s, on line `lineno` if that is
/// not negative (`next_swappable_instruction`).
fn next_swappable_instruction(instrs: &[CfgInstr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno >= 0 && instr.loc.lineno != lineno {
            return None;
        }
        if instr.op == Opcode::Nop {
            continue;
        }
        return swappable(instr.op).then_some(i);
    }
}

/// Applies the `SWAP`s at and before `i` by exchanging the instructions that consume the
/// swapped items, when that is safe (`apply_static_swaps`).
fn apply_static_swaps(instrs: &mut [CfgInstr], i: usize) {
    for i in (0..=i).rev() {
        let swap = instrs[i];
        if swap.op != Opcode::Swap {
            if swap.op == Opcode::Nop || swappable(swap.op) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, i, -1) else {
            return;
        };
        let lineno = instrs[j].loc.lineno;
        let mut k = j;
        for _ in 1..swap.arg {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(next) => k = next,
                None => return,
            }
        }
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            let clash = instrs[j + 1..k].iter().any(|instr| {
                stores_to(instr).is_some_and(|s| Some(s) == store_j || Some(s) == store_k)
            });
            if clash {
                return;
            }
        }
        instrs[i].set_op0(Opcode::Nop);
        instrs.swap(j, k);
    }
}
