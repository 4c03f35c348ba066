//! Stack effects and the stack depth (`stack_effect` of `Python/compile.c`, from 3.12's
//! `opcode_metadata.h`, and `_PyCfg_Stackdepth` of `Python/flowgraph.c`).
//!
//! `tests/flowgraph_vs_cpython.rs` checks [`stack_effect`] against the live
//! `dis.stack_effect` for every opcode, both ways of every jump, and a range of arguments.

use super::cfg::{BlockId, Cfg, has_target, internal_error, is_scope_exit, is_unconditional_jump};
use crate::code::flags;
use crate::error::CompileError;
use crate::opcode::Opcode;

/// How many items `op` with argument `arg` adds to the stack (negative: removes), when it
/// jumps (`jump`) or goes on; `None` for an opcode the compiler never emits
/// (`PyCompile_OpcodeStackEffectWithJump`).
pub fn stack_effect(op: Opcode, arg: u32, jump: bool) -> Option<i32> {
    use Opcode::*;
    let a = i64::from(arg);
    let effect: i64 = match op {
        Cache
        | Nop
        | UnaryNegative
        | UnaryNot
        | UnaryInvert
        | Reserved
        | CheckExcMatch
        | CheckEgMatch
        | GetAiter
        | GetIter
        | GetYieldFromIter
        | ReturnGenerator
        | SetupAnnotations
        | DeleteName
        | DeleteGlobal
        | Swap
        | JumpForward
        | ReturnConst
        | Send
        | DeleteFast
        | GetAwaitable
        | JumpBackwardNoInterrupt
        | MakeCell
        | DeleteDeref
        | JumpBackward
        | ExtendedArg
        | CopyFreeVars
        | YieldValue
        | Resume
        | KwNames
        | CallIntrinsic1
        | LoadFromDictOrGlobals
        | LoadFromDictOrDeref
        | PopBlock
        | Jump
        | JumpNoInterrupt => 0,
        PushNull | GetLen | MatchMapping | MatchSequence | MatchKeys | PushExcInfo
        | WithExceptStart | GetAnext | BeforeAsyncWith | BeforeWith | LoadBuildClass
        | LoadAssertionError | LoadLocals | ForIter | LoadConst | LoadName | ImportFrom | Copy
        | LoadFast | LoadFastCheck | LoadClosure | LoadDeref | LoadFastAndClear | LoadMethod => 1,
        PopTop | InterpreterExit | EndSend | BinarySubscr | ReturnValue | PopExcept | StoreName
        | DeleteAttr | StoreGlobal | CompareOp | ImportName | PopJumpIfFalse | PopJumpIfTrue
        | IsOp | ContainsOp | Reraise | BinaryOp | StoreFast | PopJumpIfNotNone | PopJumpIfNone
        | StoreDeref | ListAppend | SetAdd | ListExtend | SetUpdate | DictMerge | DictUpdate
        | CallIntrinsic2 | CleanupThrow | StoreFastMaybeNull | LoadSuperMethod
        | LoadZeroSuperMethod | LoadZeroSuperAttr => -1,
        EndFor | BinarySlice | DeleteSubscr | EndAsyncFor | StoreAttr | MapAdd | MatchClass => -2,
        StoreSubscr => -3,
        StoreSlice => -4,
        UnpackSequence => a - 1,
        UnpackEx => (a & 0xFF) + (a >> 8),
        BuildTuple | BuildList | BuildSet | BuildString => 1 - a,
        BuildMap => 1 - 2 * a,
        BuildConstKeyMap | RaiseVarargs => -a,
        LoadAttr => a & 1,
        LoadGlobal => 1 + (a & 1),
        LoadSuperAttr => -2 + (a & 1),
        CallFunctionEx => -2 - (a & 1),
        Call => -1 - a,
        MakeFunction => -i64::from((arg & 0x0F).count_ones()),
        BuildSlice => {
            if a == 3 {
                -2
            } else {
                -1
            }
        }
        FormatValue => {
            if a & 0x04 != 0 {
                -1
            } else {
                0
            }
        }
        SetupFinally | SetupWith => i64::from(jump),
        SetupCleanup => 2 * i64::from(jump),
    };
    i32::try_from(effect).ok()
}

/// Pushes `b` to be scanned from `depth` if it has not been reached yet (`stackdepth_push`).
fn stackdepth_push(cfg: &mut Cfg, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
    let block = &mut cfg.blocks[b];
    if block.startdepth < depth && block.startdepth < 100 {
        block.startdepth = depth;
        stack.push(b);
    }
}

/// The deepest the stack gets on any path, assuming loops leave it as they found it; sets each
/// reachable block's `startdepth` (`_PyCfg_Stackdepth`).
pub(crate) fn stackdepth(
    cfg: &mut Cfg,
    code_flags: u32,
    filename: &str,
) -> Result<i32, CompileError> {
    for b in cfg.order() {
        cfg.blocks[b].startdepth = i32::MIN;
    }
    let mut stack = Vec::new();
    let gen_flags = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
    let entry_depth = i32::from(code_flags & gen_flags != 0);
    stackdepth_push(cfg, &mut stack, cfg.entry, entry_depth);
    let mut maxdepth = 0;
    let bad = |filename: &str, what: &str| internal_error(filename, what.to_owned());
    while let Some(b) = stack.pop() {
        let mut depth = cfg.blocks[b].startdepth;
        let mut next = cfg.blocks[b].next;
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i];
            let arg = instr.arg as u32;
            let effect = stack_effect(instr.op, arg, false).ok_or_else(|| {
                let op = instr.op as u16;
                let msg = format!(
                    "compiler PyCompile_OpcodeStackEffectWithJump(opcode={op}, arg={}) failed",
                    instr.arg
                );
                internal_error(filename, msg)
            })?;
            let new_depth = depth + effect;
            if new_depth < 0 {
                return Err(bad(filename, "stack underflow in the compiled code"));
            }
            maxdepth = maxdepth.max(new_depth);
            if has_target(instr.op) {
                let effect = stack_effect(instr.op, arg, true).unwrap_or(0);
                let target_depth = depth + effect;
                if target_depth < 0 {
                    return Err(bad(filename, "stack underflow in the compiled code"));
                }
                maxdepth = maxdepth.max(target_depth);
                let target = instr.target.expect("targets are set");
                stackdepth_push(cfg, &mut stack, target, target_depth);
            }
            depth = new_depth;
            if is_unconditional_jump(instr.op) || is_scope_exit(instr.op) {
                next = None;
                break;
            }
        }
        if let Some(next) = next {
            stackdepth_push(cfg, &mut stack, next, depth);
        }
    }
    Ok(maxdepth)
}
