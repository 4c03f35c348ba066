//! The dispatch loop (`_PyEval_EvalFrameDefault`): one `match` over the opcode of each code
//! unit, the frames of Python-to-Python calls pushed and popped without Rust recursion.
//!
//! A [`Run`] holds its entry frame, the top frame and its code (cached when frames change),
//! and the index of the next code unit; the frames between are linked as CPython links them,
//! by the frames' own fields: `previous` (the caller), `owner` (a generator's frame, run by
//! `FOR_ITER`/`SEND`, its generator found from the frame's address), pyrt's `FLAG_INIT`
//! (an `__init__`'s frame, its instance waiting on the caller's stack), and the caller's
//! `prev_instr` (left at the last cache unit of the instruction that pushed the frame, as
//! 3.12's `DISPATCH_INLINED` leaves it: `f_lasti` and tracebacks see CPython's numbers) with
//! its `return_offset` (where a generator's return lands). No list of frames is kept. The loop,
//! [`Run::steps`], keeps the frame, its code units and constants and that index in locals;
//! it runs the instructions that move values, jump, return, and the ones with fast paths for
//! exact built-in types ([`fast`](super::fast): what 3.12's specialised instructions do)
//! itself, and hands the rest to [`Run::step`], re-reading its locals afterwards (a call,
//! yield or return may have changed the frame). The value stack is used without bounds
//! checks (the frame's `*_unchecked` API, bounded by `co_stacksize`, `debug_assert!`ed).
//! An error leaves the loop; [`Run::unwind`] finds the handler in the exception table or
//! pops frames until one handles it or the entry frame is left, and the loop is entered
//! again.

use core::ptr::NonNull;

use pyrt_compiler::opcode::Opcode;
use pyrt_objects::abstract_::{self, UnOp};
use pyrt_objects::types::class;
use pyrt_objects::types::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, Code};
use pyrt_objects::types::datastack::StackFrame;
use pyrt_objects::types::frame::{
    FLAG_INIT, InterpreterFrame, OWNED_BY_GENERATOR, OWNED_BY_THREAD,
};
use pyrt_objects::types::function::Function;
use pyrt_objects::types::genobject::Generator;
use pyrt_objects::types::method::Method;
use pyrt_objects::types::{
    NONE_TYPE, cell, dict, genobject, list, long, none, set, tuple, unicode,
};
use pyrt_objects::{Obj, ObjPtr, PyObject};

use super::super::exceptions::{self, Exception, Link};
use super::super::{Interp, R, Raised, Unwind};
use super::decode::{self, CACHE_ENTRIES};
use super::generator::can_resume_inline;
use super::stack_pointer::StackPointer;
use super::{args, fast, inline_cache, unwind};

/// A str object's view (names and constants the compiler made are str).
pub(crate) fn str_of(o: &PyObject) -> &unicode::Str {
    unicode::Str::cast(o).unwrap_or_else(|| {
        // A code object's names are always str (`new_code` checks them).
        unreachable!("a name that is not a str")
    })
}

macro_rules! ops {
    ($($name:ident = $variant:ident;)*) => {
        $(const $name: u8 = Opcode::$variant as u8;)*
    };
}

ops! {
    NOP = Nop; POP_TOP = PopTop; PUSH_NULL = PushNull; END_FOR = EndFor; END_SEND = EndSend;
    UNARY_NEGATIVE = UnaryNegative; UNARY_NOT = UnaryNot; UNARY_INVERT = UnaryInvert;
    BINARY_SUBSCR = BinarySubscr; BINARY_SLICE = BinarySlice; STORE_SLICE = StoreSlice;
    GET_LEN = GetLen; MATCH_MAPPING = MatchMapping; MATCH_SEQUENCE = MatchSequence;
    MATCH_KEYS = MatchKeys; PUSH_EXC_INFO = PushExcInfo; CHECK_EXC_MATCH = CheckExcMatch;
    WITH_EXCEPT_START = WithExceptStart; BEFORE_WITH = BeforeWith; CLEANUP_THROW = CleanupThrow;
    STORE_SUBSCR = StoreSubscr; DELETE_SUBSCR = DeleteSubscr; GET_ITER = GetIter;
    GET_YIELD_FROM_ITER = GetYieldFromIter; LOAD_BUILD_CLASS = LoadBuildClass;
    LOAD_ASSERTION_ERROR = LoadAssertionError; RETURN_GENERATOR = ReturnGenerator;
    RETURN_VALUE = ReturnValue; SETUP_ANNOTATIONS = SetupAnnotations; LOAD_LOCALS = LoadLocals;
    POP_EXCEPT = PopExcept; STORE_NAME = StoreName; DELETE_NAME = DeleteName;
    UNPACK_SEQUENCE = UnpackSequence; FOR_ITER = ForIter; UNPACK_EX = UnpackEx;
    STORE_ATTR = StoreAttr; DELETE_ATTR = DeleteAttr; STORE_GLOBAL = StoreGlobal;
    DELETE_GLOBAL = DeleteGlobal; SWAP = Swap; LOAD_CONST = LoadConst; LOAD_NAME = LoadName;
    BUILD_TUPLE = BuildTuple; BUILD_LIST = BuildList; BUILD_SET = BuildSet; BUILD_MAP = BuildMap;
    LOAD_ATTR = LoadAttr; COMPARE_OP = CompareOp; IMPORT_NAME = ImportName;
    IMPORT_FROM = ImportFrom; JUMP_FORWARD = JumpForward; POP_JUMP_IF_FALSE = PopJumpIfFalse;
    POP_JUMP_IF_TRUE = PopJumpIfTrue; LOAD_GLOBAL = LoadGlobal; IS_OP = IsOp;
    CONTAINS_OP = ContainsOp; RERAISE = Reraise; COPY = Copy; RETURN_CONST = ReturnConst;
    BINARY_OP = BinaryOp; SEND = Send; LOAD_FAST = LoadFast; STORE_FAST = StoreFast;
    DELETE_FAST = DeleteFast; LOAD_FAST_CHECK = LoadFastCheck;
    POP_JUMP_IF_NOT_NONE = PopJumpIfNotNone; POP_JUMP_IF_NONE = PopJumpIfNone;
    RAISE_VARARGS = RaiseVarargs; MAKE_FUNCTION = MakeFunction; BUILD_SLICE = BuildSlice;
    JUMP_BACKWARD_NO_INTERRUPT = JumpBackwardNoInterrupt; MAKE_CELL = MakeCell;
    LOAD_CLOSURE = LoadClosure; LOAD_DEREF = LoadDeref; STORE_DEREF = StoreDeref;
    DELETE_DEREF = DeleteDeref; JUMP_BACKWARD = JumpBackward; LOAD_SUPER_ATTR = LoadSuperAttr;
    CALL_FUNCTION_EX = CallFunctionEx; LOAD_FAST_AND_CLEAR = LoadFastAndClear;
    EXTENDED_ARG = ExtendedArg; LIST_APPEND = ListAppend; SET_ADD = SetAdd; MAP_ADD = MapAdd;
    COPY_FREE_VARS = CopyFreeVars; YIELD_VALUE = YieldValue; RESUME = Resume;
    MATCH_CLASS = MatchClass; FORMAT_VALUE = FormatValue; BUILD_CONST_KEY_MAP = BuildConstKeyMap;
    BUILD_STRING = BuildString; LIST_EXTEND = ListExtend; SET_UPDATE = SetUpdate;
    DICT_MERGE = DictMerge; DICT_UPDATE = DictUpdate; CALL = Call; KW_NAMES = KwNames;
    CALL_INTRINSIC_1 = CallIntrinsic1; CALL_INTRINSIC_2 = CallIntrinsic2;
    LOAD_FROM_DICT_OR_GLOBALS = LoadFromDictOrGlobals;
    LOAD_FROM_DICT_OR_DEREF = LoadFromDictOrDeref; CACHE = Cache;
}

/// The stack a run needs left before it steps: more than the deepest path from one run through
/// built-ins that call back (`sorted(key=f)`, `__init__`, `__del__`, `map`) into the next run,
/// in an unoptimised build.
const RED_ZONE: usize = 512 * 1024;

/// The stack segment added when less than [`RED_ZONE`] is left.
const STACK_SEGMENT: usize = 8 * 1024 * 1024;

/// What a call from Rust into a Python function counts against CPython's C recursion limit:
/// the built-in's call and the frame's evaluation (`_Py_EnterRecursiveCallTstate` in
/// `cfunction_vectorcall_*` and `_PyEval_EvalFrameDefault`), so `list(map(f, ...))` recursing
/// stops at 750 levels as in CPython 3.12.1.
const C_COST_OF_CALL: usize = 2;

/// What instantiating a script's class with a Python `__init__` counts against the C
/// recursion limit in CPython 3.12.1: the type's call, `slot_tp_init`'s call of `__init__`
/// and the frame's evaluation (a class recursing through `__init__` stops 498 deep).
const C_COST_OF_INIT: usize = 3;

/// What resuming a generator from Rust counts against the C recursion limit: the frame's
/// evaluation, which costs `PY_EVAL_C_STACK_UNITS` (2) in `_PyEval_EvalFrameDefault`, whose
/// check names no call in its message ([`Interp::enter_c_eval`]). So `yield sum(g(n + 1))`
/// recursing stops near CPython 3.12.1's 747 levels, not twice as deep. (A generator resumed
/// on a run by `FOR_ITER`/`SEND` costs nothing here, as in CPython, which inlines those
/// frames.)
const C_COST_OF_RESUME: usize = 2;

/// The largest jump a generator's caller keeps in its `return_offset` (a `u16`, as CPython's):
/// a `FOR_ITER`/`SEND` over a generator jumping further takes the generic path.
const RETURN_OFFSET_MAX: usize = u16::MAX as usize;

/// Where a run starts.
pub(crate) enum Entry<'s> {
    /// A frame pushed on the data stack (a call from Rust, a module body).
    Stack(StackFrame<'s>),
    /// A generator's frame, resumed at `resume`.
    Generator(NonNull<InterpreterFrame>, usize),
}

/// How a run's entry frame was left.
pub(crate) enum Exit<'py> {
    /// `return value`.
    Return(Obj<'py>),
    /// `yield value` (generator frames only).
    Yield(Obj<'py>),
}

/// What one instruction did.
enum Flow<'py> {
    Next,
    Exit(Exit<'py>),
}

/// One entry into the dispatch loop.
pub(crate) struct Run<'a, 'py> {
    interp: &'a Interp<'py>,
    /// The frame the run was entered with (a data-stack frame, or a generator's resumed from
    /// Rust); dangling while the run is not running. Leaving it leaves the run.
    entry: NonNull<InterpreterFrame>,
    /// The top frame; the frames below it, down to `entry`, are linked by their `previous`
    /// (as CPython's `cframe.current_frame`): a frame's owner tells a generator's frame (run
    /// by `FOR_ITER`/`SEND`) from a call's, its `FLAG_INIT` an `__init__`'s, and a caller's
    /// `prev_instr` (and `return_offset` below a generator) where it continues.
    current: NonNull<InterpreterFrame>,
    /// The code the top frame runs.
    code: NonNull<Code>,
    /// The next code unit of the top frame.
    ip: usize,
    /// `KW_NAMES`' tuple for the next `CALL`.
    kwnames: Option<Obj<'py>>,
    /// Set by `RERAISE` and re-raises: the error adds no traceback entry and no context.
    reraise: bool,
    /// Where the exception table is searched for the next error when that is not the top
    /// frame's `lasti`: a `RERAISE` moves `lasti` for the traceback, not for the search, and
    /// `gen.throw` raises at the generator's `YIELD_VALUE`.
    search_at: Option<usize>,
    /// Whether the entry frame counts against the recursion limit.
    count_entry: bool,
}

impl<'a, 'py> Run<'a, 'py> {
    /// A run on `interp`'s data stack. (Inlined, so the run is built where it lives rather
    /// than copied there: a run is a few hundred bytes and every resumption of a generator
    /// from Rust makes one.)
    #[inline(always)]
    pub(crate) fn new(interp: &'a Interp<'py>) -> Run<'a, 'py> {
        Run {
            interp,
            entry: NonNull::dangling(),
            current: NonNull::dangling(),
            code: NonNull::dangling(),
            ip: 0,
            kwnames: None,
            reraise: false,
            search_at: None,
            count_entry: true,
        }
    }

    /// Leaves the entry frame out of the recursion count (a module body).
    pub(crate) fn uncounted_entry(&mut self) {
        self.count_entry = false;
    }

    /// Runs a function's frame to its return.
    pub(crate) fn run_entry(mut self, entry: Entry<'a>) -> R<'py, Obj<'py>> {
        match self.run(entry, None)? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        }
    }

    /// Runs from `entry` until it is left; with `throw`, the exception is raised in the entry
    /// frame first (`gen.throw`). The run is empty again afterwards (a generator's frame that
    /// yielded is let go), so a loop resuming one generator can use one run for every resume.
    pub(crate) fn run(&mut self, entry: Entry<'a>, throw: Option<Obj<'py>>) -> R<'py, Exit<'py>> {
        // Each run but the module's is Rust recursion: it counts against the recursion limit
        // as a Python frame, and against CPython's C recursion limit as the C calls around it.
        let c_cost = match (&entry, self.count_entry) {
            (_, false) => 0,
            (Entry::Stack(_), true) => C_COST_OF_CALL,
            (Entry::Generator(..), true) => C_COST_OF_RESUME,
        };
        let entered = if self.count_entry {
            let enter_c = match entry {
                Entry::Generator(..) => Interp::enter_c_eval,
                Entry::Stack(_) => Interp::enter_c,
            };
            enter_c(self.interp, c_cost).and_then(|()| {
                self.interp
                    .enter()
                    .inspect_err(|_| self.interp.leave_c(c_cost))
            })
        } else {
            Ok(())
        };
        if let Err(e) = entered {
            if let Entry::Stack(h) = entry {
                let _ = self.interp.vm.stack.pop(h);
            }
            return Err(e);
        }
        // The frame running when the run was entered, current again when it ends.
        let outer = self.interp.vm.current_frame.get();
        match entry {
            Entry::Stack(h) => {
                // The frame is popped by address when it is left (`DataStack::pop_top`).
                self.entry = h.as_ptr();
                self.ip = 0;
            }
            Entry::Generator(f, resume) => {
                // A generator resumed from Rust runs on top of the frame that resumed it (its
                // `previous` until it yields or finishes, which unlink it), as in CPython.
                // SAFETY: the resuming frame is below this run for as long as it runs.
                unsafe { f.as_ref().set_previous(NonNull::new(outer.cast_mut())) };
                self.entry = f;
                self.ip = resume;
                self.search_at = Some(resume.saturating_sub(1));
            }
        }
        self.set_current(self.entry);
        if throw.is_none() {
            self.search_at = None;
        }
        let mut pending = throw.map(|exc| {
            // `_gen_throw` restores the exception: no context is chained to it.
            self.interp.mark_escaped(&exc);
            Unwind::Raise(Raised { exc })
        });
        let result = loop {
            let step = match pending.take() {
                Some(e) => Err(e),
                None => stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || self.steps()),
            };
            match step {
                Ok(exit) => break Ok(exit),
                Err(e) => match self.unwind(e) {
                    Ok(None) => {}
                    Ok(Some(exit)) => break Ok(exit),
                    Err(e) => break Err(e),
                },
            }
        };
        if self.count_entry {
            self.interp.leave();
            self.interp.leave_c(c_cost);
        }
        // The entry frame was left (popped, or a generator's that yielded, when the frames
        // above it had returned and the generators above it yielded).
        debug_assert!(!matches!(result, Ok(Exit::Yield(_))) || self.current == self.entry);
        self.entry = NonNull::dangling();
        self.current = NonNull::dangling();
        self.interp.vm.current_frame.set(outer);
        result
    }

    /// Executes instructions until the entry frame is left or an error occurs.
    ///
    /// The frame, its code units and the next unit are locals here, re-read from the run only
    /// after an instruction that may change frames (the ones [`Run::step`] runs: calls,
    /// returns, yields) and when the loop is entered again after an unwind. The instructions
    /// that only move values or jump run in this loop; an error leaves it with `Err` (the
    /// error paths are cold), and [`Run::run`] unwinds and enters it again.
    fn steps(&mut self) -> R<'py, Exit<'py>> {
        let interp = self.interp;
        let heap = interp.heap;
        let mut frame = self.frame();
        let mut units = self.code().units_ptr();
        let mut consts = tuple::items(self.code().consts());
        let mut ip = self.ip;
        // The value stack of `frame` through a stack pointer kept in a register, as 3.12's
        // `stack_pointer` local: `PUSH`, `POP` and `PEEK` move it, and `sp.sync()` writes it
        // back to the frame's `stacktop` before anything out of line that reads or changes
        // the frame's stack (a slow path, a call, a return, a yield); when the loop leaves with
        // an error of its own, the guard writes it back as it drops (then `Run::run` unwinds).
        // After an out-of-line step the frame's `stacktop` is the truth: `reload!` reads it,
        // and an error or an exit from there `disarm`s the guard.
        //
        // SAFETY (for the macros): `sp` points into the frame's slots, past its locals (a
        // frame's `stack_pointer`, moved only by these macros); the compiler's `co_stacksize`
        // bounds the depth every instruction pushes to, and its stack-depth analysis
        // guarantees that an instruction pops and peeks only what earlier instructions of the
        // frame pushed (the code objects the VM runs are only made by pyrt's compiler); every
        // slot at or above `sp` is NULL (every pop empties its slot).
        let mut sp = StackPointer::new(frame);
        macro_rules! push_opt {
            ($v:expr) => {{
                let v = $v;
                // SAFETY: see above.
                unsafe { sp.push(v) }
            }};
        }
        macro_rules! push {
            ($v:expr) => {
                push_opt!(Some($v))
            };
        }
        macro_rules! pop_opt {
            () => {
                // SAFETY: see above.
                unsafe { sp.pop(heap) }
            };
        }
        macro_rules! pop {
            () => {
                match pop_opt!() {
                    Some(v) => v,
                    None => return Err(self.system_error("NULL on the value stack")),
                }
            };
        }
        // `(second, top)`: the two operands of a binary instruction, the pointer moved once.
        macro_rules! pop2 {
            () => {
                // SAFETY: see above.
                match unsafe { sp.pop2(heap) } {
                    (Some(l), Some(r)) => (l, r),
                    _ => return Err(self.system_error("NULL on the value stack")),
                }
            };
        }
        // The same, leaving the stack one shorter with a NULL on top: the slot the
        // instruction's result is then written to with `peek!(1).set_empty(..)`.
        macro_rules! take2 {
            () => {
                // SAFETY: see above.
                match unsafe { sp.take2(heap) } {
                    (Some(l), Some(r)) => (l, r),
                    _ => return Err(self.system_error("NULL on the value stack")),
                }
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                // SAFETY: see above.
                unsafe { sp.peek($n) }
            };
        }
        // An out-of-line call that may change frames: the pointer written back first; an error
        // or an exit leaves with the frames as the call left them (their `stacktop`s are the
        // truth), `Flow::Next` reloads the top frame.
        macro_rules! out_of_line {
            ($call:expr) => {{
                sp.sync();
                match $call {
                    Ok(Flow::Next) => reload!(),
                    Ok(Flow::Exit(x)) => {
                        sp.disarm();
                        return Ok(x);
                    }
                    Err(e) => {
                        sp.disarm();
                        return Err(e);
                    }
                }
            }};
        }
        // 3.12's superinstructions `LOAD_FAST__LOAD_FAST`, `LOAD_FAST__LOAD_CONST`,
        // `STORE_FAST__LOAD_FAST` and `LOAD_CONST__LOAD_FAST`, as the quickened code runs them
        // (the bytecode is unchanged): a `LOAD_FAST` or `LOAD_CONST` right after the
        // instruction runs in the same dispatch. Nothing can tell: no eval-breaker check or
        // trace event comes between two instructions, and an error of the second points
        // `prev_instr` at it, as its own dispatch would.
        macro_rules! then_load {
            () => {{
                // SAFETY: `ip` is the unit after an instruction that neither returns, raises
                // nor jumps, so an instruction of the running code (see the loop's head).
                let w = unsafe { (*units.add(ip)).get() };
                let (op2, arg2) = ((w & 0xff) as u8, usize::from(w >> 8));
                if op2 == LOAD_FAST {
                    // SAFETY: the argument of a `LOAD_FAST` is a local slot of its code.
                    match unsafe { frame.slot_unchecked(arg2) }.get(heap) {
                        Some(v) => push!(v),
                        None => {
                            frame.set_prev_instr(units.wrapping_add(ip));
                            return Err(self.unbound_local(arg2));
                        }
                    }
                    ip += 1;
                } else if op2 == LOAD_CONST {
                    push!(self.borrowed(consts[arg2]));
                    ip += 1;
                }
            }};
        }
        // After frames changed: the top frame's state into the locals.
        macro_rules! reload {
            () => {{
                frame = self.frame();
                sp.reset(frame);
                units = self.code().units_ptr();
                consts = tuple::items(self.code().consts());
                ip = self.ip;
            }};
        }
        // The slow path: `Run::step` runs the instruction, then the frame may have changed.
        macro_rules! slow {
            ($op:expr, $oparg:expr, $next:expr) => {{
                self.ip = $next;
                out_of_line!(self.step($op, $oparg, $next))
            }};
        }
        // Debug builds check that an arm of an instruction with caches skipped them: it never
        // goes on at the unit right after the instruction (its first cache unit).
        #[cfg(debug_assertions)]
        let mut skip_check: (*const core::cell::Cell<u16>, usize, u8) = (core::ptr::null(), 0, 0);
        loop {
            #[cfg(debug_assertions)]
            {
                let (u, last_at, last_op) = skip_check;
                debug_assert!(
                    !(core::ptr::eq(u, units)
                        && ip == last_at + 1
                        && CACHE_ENTRIES[usize::from(last_op)] != 0),
                    "the arm of opcode {last_op} did not skip its cache units"
                );
            }
            // SAFETY: `ip` is a unit of the running code: the code objects the VM runs are
            // only made by pyrt's compiler (no Python API makes or replaces code), whose code
            // ends every path with a return, raise or backward jump, and whose jumps and
            // exception handlers land on instructions of the same code.
            let word = unsafe { (*units.add(ip)).get() };
            let (mut op, mut oparg, mut at) = ((word & 0xff) as u8, usize::from(word >> 8), ip);
            if op == EXTENDED_ARG {
                // SAFETY: `units` is the running code's, whose `EXTENDED_ARG`s are prefixes.
                (op, oparg, at) = unsafe { decode::extended(units, at, word) };
            }
            // `frame->prev_instr = next_instr++`: where tracebacks, `f_lineno` and the
            // exception table look.
            frame.set_prev_instr(units.wrapping_add(at));
            // `next_instr += INLINE_CACHE_ENTRIES_<OP>` in the arm of `$op` (the instruction at
            // `at`): `ip` steps over its cache units; the unit after them.
            macro_rules! skip_caches {
                ($op:expr) => {{
                    const SKIP: usize = CACHE_ENTRIES[$op as usize] as usize;
                    debug_assert_eq!(SKIP, usize::from(CACHE_ENTRIES[usize::from(op)]));
                    ip = at + 1 + SKIP;
                    ip
                }};
            }
            // `next_instr++`: an arm whose instruction has inline caches steps over them with
            // `skip_caches!`, by a constant, as 3.12's `next_instr += INLINE_CACHE_ENTRIES_*`
            // (the next unit does not wait on a table load).
            ip = at + 1;
            #[cfg(debug_assertions)]
            {
                skip_check = (units, at, op);
            }
            match op {
                NOP | CACHE => {}
                RESUME => {
                    if oparg == 0 {
                        // A function's start: an eval-breaker check (automatic collections).
                        interp.gc_safe_point();
                    }
                }
                LOAD_FAST | LOAD_FAST_CHECK => {
                    // SAFETY: the argument of a `LOAD_FAST` is a local slot of its code.
                    match unsafe { frame.slot_unchecked(oparg) }.get(heap) {
                        Some(v) => push!(v),
                        None => return Err(self.unbound_local(oparg)),
                    }
                    then_load!();
                }
                LOAD_FAST_AND_CLEAR => {
                    // SAFETY: the argument of a `LOAD_FAST_AND_CLEAR` is a local slot of its
                    // code; as for `push!`.
                    let v = unsafe { frame.slot_unchecked(oparg).take(heap) };
                    push_opt!(v);
                }
                STORE_FAST => {
                    // SAFETY: as for `pop!`; a NULL is stored as it is (`LOAD_FAST_AND_CLEAR`'s).
                    let v = pop_opt!();
                    // SAFETY: the argument of a `STORE_FAST` is a local slot of its code.
                    unsafe { frame.slot_unchecked(oparg) }.set(heap, v);
                    then_load!();
                }
                LOAD_CONST => {
                    push!(self.borrowed(consts[oparg]));
                    then_load!();
                }
                // SAFETY: as for `pop!`; the popped value or NULL is dropped.
                POP_TOP => drop(pop_opt!()),
                // SAFETY: as for `push!`.
                PUSH_NULL => push_opt!(None),
                COPY => {
                    let v = peek!(oparg).get(heap);
                    push_opt!(v);
                }
                SWAP => peek!(1).swap(peek!(oparg)),
                JUMP_FORWARD => ip = at + 1 + oparg,
                JUMP_BACKWARD => {
                    ip = at + 1 - oparg;
                    interp.gc_safe_point();
                }
                JUMP_BACKWARD_NO_INTERRUPT => ip = at + 1 - oparg,
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                    let v = pop!();
                    let t = match long::as_bool(heap, v.object()) {
                        Some(t) => t,
                        None => self.truth(&v)?,
                    };
                    if t == (op == POP_JUMP_IF_TRUE) {
                        ip = at + 1 + oparg;
                    }
                }
                POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                    let v = pop!();
                    if core::ptr::eq(v.ob_type(), NONE_TYPE.get()) == (op == POP_JUMP_IF_NONE) {
                        ip = at + 1 + oparg;
                    }
                }
                BINARY_OP => {
                    skip_caches!(BINARY_OP);
                    let (l, r) = take2!();
                    let v = match fast::binary_op(heap, oparg, l, r) {
                        Ok(Ok(v)) => v,
                        Ok(Err(e)) => return Err(self.err(e)),
                        Err((l, r)) => self.binary_op(oparg, l, r)?,
                    };
                    peek!(1).set_empty(Some(v));
                }
                COMPARE_OP => {
                    skip_caches!(COMPARE_OP);
                    let (l, r) = pop2!();
                    match fast::compare(oparg >> 4, l.object(), r.object()) {
                        Some(t) => {
                            // SAFETY: `ip` is the unit after this instruction (as in
                            // `then_load!`).
                            let w = unsafe { (*units.add(ip)).get() };
                            let op2 = (w & 0xff) as u8;
                            if op2 == POP_JUMP_IF_FALSE || op2 == POP_JUMP_IF_TRUE {
                                // `COMPARE_OP` and the `POP_JUMP_IF_*` after it in one
                                // dispatch: the branch follows the comparison without the bool
                                // going through the stack (a jump has no cache units).
                                ip += 1;
                                if t == (op2 == POP_JUMP_IF_TRUE) {
                                    ip += usize::from(w >> 8);
                                }
                            } else {
                                push!(long::new_bool(heap, t));
                            }
                        }
                        None => push!(self.compare_op(oparg, &l, &r)?),
                    }
                    // `DECREF_INPUTS()`: the left operand goes first (a `__del__` sees it so).
                    drop(l);
                    drop(r);
                }
                BINARY_SUBSCR => {
                    skip_caches!(BINARY_SUBSCR);
                    let (container, sub) = take2!();
                    let v = match fast::subscr(heap, container.object(), sub.object()) {
                        Some(fast::Subscr::Found(v)) => v,
                        Some(fast::Subscr::Missing) => return Err(interp.key_error(&sub)),
                        Some(fast::Subscr::Failed(e)) => return Err(self.err(e)),
                        None => interp.getitem(&container, &sub)?,
                    };
                    // `DECREF_INPUTS()`: the container goes first.
                    drop(container);
                    drop(sub);
                    peek!(1).set_empty(Some(v));
                }
                STORE_SUBSCR => {
                    skip_caches!(STORE_SUBSCR);
                    let (container, sub) = pop2!();
                    let v = pop!();
                    match fast::store_subscr(heap, container.object(), &sub, v) {
                        Ok(done) => done.map_err(|e| self.err(e))?,
                        Err(v) => interp.setitem(&container, sub, v)?,
                    }
                }
                FOR_ITER => {
                    let next = skip_caches!(FOR_ITER);
                    let it = peek!(1).ptr();
                    // SAFETY: the stack slot holds its reference while the iterator steps or
                    // the generator's frame runs above this one.
                    let gen_view = it.and_then(|p| Generator::cast(unsafe { &*p.as_ptr() }));
                    if let Some(g) = gen_view {
                        // `FOR_ITER_GEN`: the generator's frame runs on this run; its return
                        // value lands on the `END_FOR` at the target.
                        if can_resume_inline(g, true) && oparg <= RETURN_OFFSET_MAX {
                            self.ip = next;
                            out_of_line!(
                                self.push_generator_frame(g, none(heap), next + oparg)
                                    .map(|()| Flow::Next)
                            );
                        } else {
                            slow!(op, oparg, next);
                        }
                        continue;
                    }
                    // SAFETY: the stack slot holds its reference for the call; the built-in
                    // iterators `fast::iter_next` accepts do not touch the frame's stack.
                    let next_item = it.and_then(|p| fast::iter_next(heap, unsafe { p.as_ref() }));
                    match next_item {
                        Some(Ok(Some(v))) => push!(v),
                        Some(Ok(None)) => {
                            drop(pop!());
                            // Past the END_FOR at the target.
                            ip = next + oparg + 1;
                        }
                        Some(Err(e)) => return Err(self.err(e)),
                        None => slow!(op, oparg, next),
                    }
                }
                UNPACK_SEQUENCE => {
                    skip_caches!(UNPACK_SEQUENCE);
                    let seq = pop!();
                    match fast::unpack_items(seq.object(), oparg) {
                        Some(items) => {
                            for &p in items.iter().rev() {
                                push!(self.borrowed(p));
                            }
                        }
                        None => {
                            for v in self.unpack(&seq, oparg, None)?.into_iter().rev() {
                                push!(v);
                            }
                        }
                    }
                }
                RETURN_VALUE | RETURN_CONST => {
                    let v = if op == RETURN_VALUE {
                        pop!()
                    } else {
                        self.borrowed(consts[oparg])
                    };
                    if frame.vm_flags() & FLAG_INIT != 0 {
                        // `__init__`'s return: the instance, or a `TypeError` at the CALL.
                        out_of_line!(self.return_from_init(v).map(|()| Flow::Next));
                    } else {
                        sp.sync();
                        if self.pop_frame() {
                            // The frame is gone: nothing to write back.
                            sp.disarm();
                            return Ok(Exit::Return(v));
                        }
                        reload!();
                        push!(v);
                    }
                }
                SEND => {
                    let next = skip_caches!(SEND);
                    // `SEND_GEN`: a generator's frame runs on this run with the value sent; its
                    // return value lands at the target.
                    // SAFETY: the receiver's stack slot holds it while its frame runs above
                    // this one.
                    let receiver = peek!(2)
                        .ptr()
                        .and_then(|p| Generator::cast(unsafe { &*p.as_ptr() }));
                    let sent_none = peek!(1).ptr().is_some_and(|p| {
                        // SAFETY: the slot holds a reference to the value sent.
                        let sent = unsafe { p.as_ref() };
                        core::ptr::eq(sent.ob_type(), NONE_TYPE.get())
                    });
                    match receiver {
                        Some(g)
                            if can_resume_inline(g, sent_none) && oparg <= RETURN_OFFSET_MAX =>
                        {
                            let v = pop!();
                            self.ip = next;
                            out_of_line!(
                                self.push_generator_frame(g, v, next + oparg)
                                    .map(|()| Flow::Next)
                            );
                        }
                        _ => slow!(op, oparg, next),
                    }
                }
                YIELD_VALUE => {
                    let v = pop!();
                    if self.current == self.entry {
                        self.ip = ip;
                        return Ok(Exit::Yield(v));
                    } else if frame.owner() == OWNED_BY_GENERATOR {
                        // Back to the generator's caller, after its `FOR_ITER` or `SEND`.
                        sp.sync();
                        self.yield_to_caller(v);
                        reload!();
                    } else {
                        return Err(self.system_error("yield outside a generator's run"));
                    }
                }
                LIST_APPEND => {
                    let v = pop!();
                    // The list a comprehension builds, below the iterators; borrowed from its
                    // stack slot, which holds it for the append.
                    let l = match peek!(oparg).ptr() {
                        // SAFETY: the slot owns a reference to the list.
                        Some(p) => unsafe { p.as_ref() },
                        None => return Err(self.system_error("NULL on the value stack")),
                    };
                    let view = list::List::cast_internal(l).map_err(|e| self.err(e))?;
                    list::append(heap, view, v).map_err(|e| self.err(e))?;
                }
                LOAD_DEREF => {
                    let v = self.cell(oparg)?.get(heap);
                    match v {
                        Some(v) => push!(v),
                        None => return Err(self.unbound_deref(oparg)),
                    }
                }
                COPY_FREE_VARS => self.copy_free_vars(frame, oparg)?,
                LOAD_GLOBAL => {
                    let next = skip_caches!(LOAD_GLOBAL);
                    // SAFETY: `LOAD_GLOBAL`'s four cache units follow it in the running code
                    // (`CACHE_ENTRIES`); the code object outlives the frame's run; an array of
                    // cells has the layout of its cells in a row.
                    let cache = unsafe { &*units.add(at + 1).cast::<[core::cell::Cell<u16>; 4]>() };
                    match inline_cache::load_global_units(heap, frame, cache) {
                        Some(v) => {
                            if oparg & 1 != 0 {
                                push_opt!(None);
                            }
                            push!(v);
                        }
                        // A miss: the generic lookup, which specializes the cache.
                        None => slow!(op, oparg, next),
                    }
                }
                IS_OP => {
                    let (l, r) = pop2!();
                    push!(long::new_bool(heap, l.is(&r) != (oparg == 1)));
                }
                GET_ITER => {
                    let v = pop!();
                    push!(abstract_::get_iter(heap, v.object()).map_err(|e| self.err(e))?);
                }
                END_FOR => {
                    // SAFETY: as for `pop!`; the popped values (or NULLs) are dropped.
                    let (a, b) = unsafe { sp.pop2(heap) };
                    drop(b);
                    drop(a);
                }
                LOAD_ATTR => {
                    let next = skip_caches!(LOAD_ATTR);
                    // The cached forms (`LOAD_ATTR_INSTANCE_VALUE`, `_SLOT`, `_METHOD_*`...);
                    // a miss puts the owner back and takes the generic path in `step`.
                    let owner = pop!();
                    // SAFETY: `LOAD_ATTR`'s cache units follow it in the running code, up to
                    // `next`; the code object outlives the frame's run.
                    let cache =
                        unsafe { core::slice::from_raw_parts(units.add(at + 1), next - at - 1) };
                    // SAFETY: `self.code` is the running code (the frame has not changed).
                    let name = inline_cache::code_name(unsafe { self.code.as_ref() }, oparg >> 1);
                    match inline_cache::load_attr(heap, cache, &owner, name, oparg & 1 != 0) {
                        Some(inline_cache::AttrHit::Method(meth)) => {
                            push!(meth);
                            push!(owner);
                        }
                        Some(inline_cache::AttrHit::Value(v)) => {
                            if oparg & 1 != 0 {
                                push_opt!(None);
                            }
                            push!(v);
                        }
                        None => {
                            push!(owner);
                            slow!(op, oparg, next);
                        }
                    }
                }
                STORE_ATTR => {
                    let next = skip_caches!(STORE_ATTR);
                    // `STORE_ATTR_INSTANCE_VALUE`, `_SLOT`; a miss puts both operands back and
                    // takes the generic path in `step`.
                    let (v, owner) = pop2!();
                    // SAFETY: as for `LOAD_ATTR`'s cache units.
                    let cache =
                        unsafe { core::slice::from_raw_parts(units.add(at + 1), next - at - 1) };
                    if let Err(v) = inline_cache::store_attr(heap, cache, &owner, v) {
                        push!(v);
                        push!(owner);
                        slow!(op, oparg, next);
                    }
                }
                CALL => {
                    let next = skip_caches!(CALL);
                    // Straight to the call (no second dispatch in `step`); the frame changes
                    // for a Python callee. A Python function taking the arguments as they are
                    // (`CALL_PY_EXACT_ARGS`, `CALL_PY_WITH_DEFAULTS`) is pushed here, inlined;
                    // every other callable goes out of line.
                    self.ip = next;
                    sp.sync();
                    let pushed = if self.kwnames.is_none() {
                        self.call_python_positional(oparg)
                    } else {
                        Ok(None)
                    };
                    let pushed = match pushed {
                        Ok(p) => p.is_some(),
                        Err(e) => {
                            sp.disarm();
                            return Err(e);
                        }
                    };
                    if pushed {
                        reload!();
                        // The callee's first instruction, when it is a plain function's
                        // `RESUME 0`, runs here: its eval-breaker check, with `prev_instr` on
                        // it, as its own dispatch would.
                        // SAFETY: unit 0 of the callee's code, as at the loop's head.
                        if unsafe { (*units).get() } == u16::from(RESUME) {
                            frame.set_prev_instr(units);
                            ip = 1;
                            interp.gc_safe_point();
                        }
                        continue;
                    }
                    out_of_line!(self.call_not_python_positional(oparg));
                }
                // Module and class bodies: names in exact dicts, without `step`'s dispatch.
                LOAD_NAME => match self.load_name_fast(oparg) {
                    Some(v) => push!(v),
                    None => slow!(op, oparg, ip),
                },
                STORE_NAME => {
                    let v = pop!();
                    match self.store_name_fast(oparg, v) {
                        Ok(done) => done?,
                        Err(v) => {
                            // Another mapping: the generic `STORE_NAME` pops it again.
                            push!(v);
                            slow!(op, oparg, ip);
                        }
                    }
                }
                CONTAINS_OP => {
                    let r = pop!();
                    let l = pop!();
                    let c = self.contains(&r, &l)?;
                    push!(long::new_bool(heap, c != (oparg == 1)));
                }
                _ => slow!(
                    op,
                    oparg,
                    at + 1 + usize::from(CACHE_ENTRIES[usize::from(op)])
                ),
            }
        }
    }

    /// A new reference to an object the running code holds (a constant, a name, an item of a
    /// sequence the caller holds).
    #[inline(always)]
    fn borrowed(&self, p: ObjPtr) -> Obj<'py> {
        // SAFETY: the holder keeps the object alive while the run borrows it.
        unsafe { Obj::from_borrowed(self.interp.heap, p.as_ref()) }
    }

    /// Makes `frame` (the entry frame, or one just pushed on the run) the current frame.
    #[inline(always)]
    fn set_current(&mut self, frame: NonNull<InterpreterFrame>) {
        self.current = frame;
        self.interp.vm.current_frame.set(frame.as_ptr());
        // SAFETY: the frame is alive and in place while it runs (see `frame`).
        let code = unsafe { frame.as_ref() }
            .code()
            .expect("a running frame has its code");
        self.code = NonNull::from(code);
    }

    /// Makes `caller` (the `previous` of the frame just left) current again, continuing
    /// after its `prev_instr` (`resume_frame`: the last unit of the instruction that pushed
    /// the frame above it).
    #[inline(always)]
    fn resume_caller(&mut self, caller: *const InterpreterFrame) {
        let caller = NonNull::new(caller.cast_mut()).expect("a frame above the entry has a caller");
        self.set_current(caller);
        // `lasti + 1`, from the units' base `set_current` just read: a caller's `prev_instr`
        // is a unit of its code (the last unit of the instruction that pushed the callee).
        let units = self.code().units_ptr();
        let at = self.frame().prev_instr();
        debug_assert!(at >= units, "a caller's prev_instr is in its code");
        self.ip = ((at.addr() - units.addr()) >> 1) + 1;
    }

    /// The top frame.
    #[inline(always)]
    fn frame(&self) -> &'a InterpreterFrame {
        debug_assert!(self.current != NonNull::dangling());
        // SAFETY: `current` is the top frame while the run runs (`set_current`), and a frame
        // of this run stays in place until the run leaves it (data-stack frames are popped
        // only here; a generator's frame lives in the generator, which its caller's stack
        // holds while the frame runs); the frames below it are its `previous` chain, each in
        // place while a frame above it runs.
        unsafe { self.current.as_ref() }
    }

    /// The code of the top frame.
    #[inline(always)]
    fn code(&self) -> &'a Code {
        // SAFETY: the top frame holds a reference to its code for as long as it runs.
        unsafe { self.code.as_ref() }
    }

    /// `PUSH`.
    #[inline(always)]
    fn push(&self, v: Obj<'py>) {
        self.push_opt(Some(v));
    }

    /// `PUSH` of a value or a NULL.
    #[inline(always)]
    fn push_opt(&self, v: Option<Obj<'py>>) {
        // SAFETY: the compiler's `co_stacksize` bounds the depth every instruction of its code
        // pushes to (the code objects the VM runs are only made by pyrt's compiler).
        unsafe { self.frame().push_unchecked(self.interp.heap, v) }
    }

    /// `POP`: the top value or NULL.
    #[inline(always)]
    fn pop_opt(&self) -> Option<Obj<'py>> {
        // SAFETY: the compiler's stack-depth analysis guarantees an instruction pops only what
        // earlier instructions of the frame pushed.
        unsafe { self.frame().pop_unchecked(self.interp.heap) }
    }

    /// `POP` of a value (a NULL there is a `SystemError`).
    #[inline(always)]
    fn pop(&self) -> R<'py, Obj<'py>> {
        match self.pop_opt() {
            Some(v) => Ok(v),
            None => Err(self.system_error("NULL on the value stack")),
        }
    }

    /// Pops `n` values, bottom first.
    fn pop_n(&self, n: usize) -> R<'py, Vec<Obj<'py>>> {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.pop()?);
        }
        v.reverse();
        Ok(v)
    }

    /// The value `n` places from the top (1 is the top).
    #[inline]
    fn peek(&self, n: usize) -> R<'py, Obj<'py>> {
        // SAFETY: the compiler guarantees the stack is `n` deep where an instruction peeks.
        match unsafe { self.frame().peek_unchecked(n) }.get(self.interp.heap) {
            Some(v) => Ok(v),
            None => Err(self.system_error("NULL on the value stack")),
        }
    }

    /// `UnboundLocalError` for local slot `i`.
    #[cold]
    #[inline(never)]
    fn unbound_local(&self, i: usize) -> Unwind<'py> {
        self.interp.raise(
            &exceptions::UNBOUND_LOCAL_ERROR,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                self.local_name(i)
            ),
        )
    }

    #[cold]
    fn system_error(&self, what: &str) -> Unwind<'py> {
        self.interp
            .raise(&exceptions::SYSTEM_ERROR, format!("VM: {what}"))
    }

    fn err(&self, e: pyrt_objects::PyErr) -> Unwind<'py> {
        self.interp.err(e)
    }

    fn name(&self, i: usize) -> Obj<'py> {
        let p = tuple::items(self.code().names())[i];
        // SAFETY: the code holds its names.
        unsafe { Obj::from_borrowed(self.interp.heap, p.as_ref()) }
    }

    fn name_text(&self, i: usize) -> String {
        let p = tuple::items(self.code().names())[i];
        // SAFETY: the code holds its names.
        unicode::str_value(str_of(unsafe { p.as_ref() }))
    }

    fn local_name(&self, i: usize) -> String {
        let p = tuple::items(self.code().localsplusnames())[i];
        // SAFETY: the code holds its names.
        unicode::str_value(str_of(unsafe { p.as_ref() }))
    }

    fn constant(&self, i: usize) -> Obj<'py> {
        let p = tuple::items(self.code().consts())[i];
        // SAFETY: the code holds its constants.
        unsafe { Obj::from_borrowed(self.interp.heap, p.as_ref()) }
    }

    fn dict_of<'o>(&self, o: &'o Obj<'py>) -> R<'py, &'o dict::Dict> {
        dict::Dict::cast_internal(o.object()).map_err(|e| self.err(e))
    }

    /// Executes one instruction of the slow set (`op` at the frame's `lasti`, whose following unit is
    /// `next`), the ones that call, return, or do more than move values; `self.ip` is `next`
    /// unless the instruction jumps or changes frames.
    #[inline(never)]
    fn step(&mut self, op: u8, oparg: usize, next: usize) -> R<'py, Flow<'py>> {
        let interp = self.interp;
        let heap = interp.heap;
        let frame = self.frame();
        match op {
            END_FOR => {
                self.pop_opt();
                self.pop_opt();
            }
            END_SEND => {
                let v = self.pop()?;
                self.pop_opt();
                self.push(v);
            }
            UNARY_NEGATIVE | UNARY_INVERT => {
                let v = self.pop()?;
                let o = if op == UNARY_NEGATIVE {
                    UnOp::Neg
                } else {
                    UnOp::Invert
                };
                self.push(abstract_::unary_op(heap, v.object(), o).map_err(|e| self.err(e))?);
            }
            UNARY_NOT => {
                let v = self.pop()?;
                let t = self.truth(&v)?;
                self.push(long::new_bool(heap, !t));
            }
            BINARY_SLICE => {
                let stop = self.pop()?;
                let start = self.pop()?;
                let container = self.pop()?;
                let s = super::super::builtins::new_slice(interp, vec![start, stop, none(heap)])?;
                self.push(interp.getitem(&container, &s)?);
            }
            STORE_SLICE => {
                let stop = self.pop()?;
                let start = self.pop()?;
                let container = self.pop()?;
                let v = self.pop()?;
                let s = super::super::builtins::new_slice(interp, vec![start, stop, none(heap)])?;
                interp.setitem(&container, s, v)?;
            }
            GET_LEN => {
                let v = self.peek(1)?;
                // `PyObject_Length`: a class's `__len__` too (a `collections.abc` sequence).
                let n = abstract_::sequence_len(heap, v.object()).map_err(|e| self.err(e))?;
                self.push(long::int_from_i64(heap, n as i64).map_err(|e| self.err(e))?);
            }
            MATCH_MAPPING | MATCH_SEQUENCE => {
                let v = self.peek(1)?;
                let o = v.object();
                // A class's flags come from `collections.abc.Mapping`/`Sequence` (CPython
                // reads `tp_flags` for every type).
                let flags = pyrt_objects::types::class::collection_flags(o.ob_type()).0;
                let yes = if op == MATCH_MAPPING {
                    dict::Dict::cast(o).is_some() || flags & (1 << 6) != 0
                } else {
                    list::List::cast(o).is_some()
                        || tuple::Tuple::cast(o).is_some()
                        || pyrt_objects::types::range::Range::cast(o).is_some()
                        || pyrt_objects::types::memoryview::is_memoryview(o)
                        || flags & (1 << 5) != 0
                };
                self.push(long::new_bool(heap, yes));
            }
            MATCH_KEYS => {
                let keys = self.peek(1)?;
                let subject = self.peek(2)?;
                let r = self.match_keys(&subject, &keys)?;
                self.push(r);
            }
            MATCH_CLASS => {
                let names = self.pop()?;
                let cls = self.pop()?;
                let subject = self.pop()?;
                let r = self.match_class(&subject, &cls, oparg, &names)?;
                self.push(r);
            }
            PUSH_EXC_INFO => {
                let exc = self.pop()?;
                let prev = interp.vm.exc_info.replace(Some(exc.clone()));
                self.push(prev.unwrap_or_else(|| none(heap)));
                self.push(exc);
            }
            POP_EXCEPT => {
                let v = self.pop()?;
                let v = if v.is(&none(heap)) { None } else { Some(v) };
                *interp.vm.exc_info.borrow_mut() = v;
            }
            CHECK_EXC_MATCH => {
                let right = self.pop()?;
                let left = self.peek(1)?;
                self.check_except_type(&right)?;
                let m = exceptions::given_exception_matches(left.object(), right.object());
                self.push(long::new_bool(heap, m));
            }
            WITH_EXCEPT_START => {
                let val = self.peek(1)?;
                let exit = self.peek(4)?;
                // SAFETY: an object's type is alive while the object is.
                let ty = unsafe { Obj::from_borrowed(heap, &val.ob_type().ob_base.ob_base) };
                let tb = Exception::cast(val.object())
                    .and_then(|e| exceptions::link(heap, e, Link::Traceback))
                    .unwrap_or_else(|| none(heap));
                let r = interp.call(&exit, vec![ty, val, tb], Vec::new())?;
                self.push(r);
            }
            BEFORE_WITH => {
                let mgr = self.pop()?;
                let enter = self.special(&mgr, "__enter__", "the context manager protocol")?;
                let exit = self.special(&mgr, "__exit__", "the context manager protocol")?;
                self.push(exit);
                let r = interp.call(&enter, Vec::new(), Vec::new())?;
                self.push(r);
            }
            CLEANUP_THROW => {
                let exc = self.pop()?;
                let _last_sent = self.pop()?;
                let _sub = self.pop()?;
                if exc.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) {
                    let value = Exception::cast(exc.object())
                        .map(|e| exceptions::args(heap, e))
                        .and_then(|a| {
                            tuple::Tuple::cast(a.object())
                                .and_then(|t| tuple::items(t).first().copied())
                        })
                        // SAFETY: the args tuple holds its items.
                        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                        .unwrap_or_else(|| none(heap));
                    self.push(none(heap));
                    self.push(value);
                } else {
                    self.reraise = true;
                    return Err(raised(exc));
                }
            }
            DELETE_SUBSCR => {
                let sub = self.pop()?;
                let container = self.pop()?;
                interp.delitem(&container, &sub)?;
            }
            GET_ITER => {
                let v = self.pop()?;
                self.push(abstract_::get_iter(heap, v.object()).map_err(|e| self.err(e))?);
            }
            GET_YIELD_FROM_ITER => {
                let v = self.pop()?;
                if genobject::is_generator(v.object()) {
                    self.push(v);
                } else {
                    self.push(abstract_::get_iter(heap, v.object()).map_err(|e| self.err(e))?);
                }
            }
            LOAD_BUILD_CLASS => {
                let b = frame
                    .builtins(heap)
                    .unwrap_or_else(|| interp.builtins.clone());
                let key = interp.name_str("__build_class__")?;
                match dict::get_item(heap, self.dict_of(&b)?, key.object())
                    .map_err(|e| self.err(e))?
                {
                    Some(f) => self.push(f),
                    None => {
                        return Err(
                            interp.raise(&exceptions::NAME_ERROR, "__build_class__ not found")
                        );
                    }
                }
            }
            LOAD_ASSERTION_ERROR => {
                // SAFETY: a static type is immortal.
                let t = unsafe {
                    Obj::from_borrowed(heap, &exceptions::ASSERTION_ERROR.get().ob_base.ob_base)
                };
                self.push(t);
            }
            RETURN_GENERATOR => return self.return_generator(),
            SETUP_ANNOTATIONS => {
                let locals = frame
                    .locals(heap)
                    .ok_or_else(|| self.system_error("no locals"))?;
                let key = interp.name_str("__annotations__")?;
                let d = self.dict_of(&locals)?;
                if dict::get_item(heap, d, key.object())
                    .map_err(|e| self.err(e))?
                    .is_none()
                {
                    let ann = dict::new_dict(heap).map_err(|e| self.err(e))?;
                    dict::set_item(heap, d, key, ann).map_err(|e| self.err(e))?;
                }
            }
            LOAD_LOCALS => {
                let locals = frame
                    .locals(heap)
                    .ok_or_else(|| interp.raise(&exceptions::SYSTEM_ERROR, "no locals found"))?;
                self.push(locals);
            }
            STORE_NAME => {
                let v = self.pop()?;
                let locals = frame
                    .locals(heap)
                    .ok_or_else(|| self.system_error("no locals"))?;
                // A namespace other than an exact dict (`__prepare__`'s) is subscripted.
                if dict::is_exact_dict(locals.object()) {
                    dict::set_item(heap, self.dict_of(&locals)?, self.name(oparg), v)
                        .map_err(|e| self.err(e))?;
                } else {
                    interp.setitem(&locals, self.name(oparg), v)?;
                }
            }
            DELETE_NAME => {
                let locals = frame
                    .locals(heap)
                    .ok_or_else(|| self.system_error("no locals"))?;
                let name = self.name(oparg);
                let deleted = if dict::is_exact_dict(locals.object()) {
                    dict::del_item(heap, self.dict_of(&locals)?, name.object()).is_ok()
                } else {
                    interp.delitem(&locals, &name).is_ok()
                };
                if !deleted {
                    return Err(interp.raise(
                        &exceptions::NAME_ERROR,
                        format!("name '{}' is not defined", self.name_text(oparg)),
                    ));
                }
            }
            UNPACK_EX => {
                let seq = self.pop()?;
                let (before, after) = (oparg & 0xff, oparg >> 8);
                let items = self.unpack(&seq, before, Some(after))?;
                for v in items.into_iter().rev() {
                    self.push(v);
                }
            }
            FOR_ITER => {
                // An iterator without a fast path, or a generator that cannot resume on this
                // run (`Run::steps` runs the others' frames).
                let it = self.peek(1)?;
                match self.iter_next(&it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop_opt();
                        // Past the END_FOR at the target.
                        self.ip = next + oparg + 1;
                    }
                }
            }
            STORE_ATTR => {
                let owner = self.pop()?;
                let v = self.pop()?;
                let cache = self.cache_units(next);
                if let Err(v) = inline_cache::store_attr(heap, cache, &owner, v) {
                    interp.setattr(&owner, &self.name_text(oparg), Some(&v))?;
                    let name = inline_cache::code_name(self.code(), oparg);
                    inline_cache::specialize_store_attr(heap, cache, &owner, name);
                }
            }
            DELETE_ATTR => {
                let owner = self.pop()?;
                interp.setattr(&owner, &self.name_text(oparg), None)?;
            }
            STORE_GLOBAL => {
                let v = self.pop()?;
                let g = frame
                    .globals(heap)
                    .ok_or_else(|| self.system_error("no globals"))?;
                dict::set_item(heap, self.dict_of(&g)?, self.name(oparg), v)
                    .map_err(|e| self.err(e))?;
            }
            DELETE_GLOBAL => {
                let g = frame
                    .globals(heap)
                    .ok_or_else(|| self.system_error("no globals"))?;
                let name = self.name(oparg);
                if dict::del_item(heap, self.dict_of(&g)?, name.object()).is_err() {
                    return Err(interp.raise(
                        &exceptions::NAME_ERROR,
                        format!("name '{}' is not defined", self.name_text(oparg)),
                    ));
                }
            }
            LOAD_NAME => {
                let v = self.load_name(oparg)?;
                self.push(v);
            }
            BUILD_TUPLE => {
                let items = self.pop_n(oparg)?;
                self.push(tuple::new_tuple(heap, items).map_err(|e| self.err(e))?);
            }
            BUILD_LIST => {
                let items = self.pop_n(oparg)?;
                self.push(list::new_list(heap, items).map_err(|e| self.err(e))?);
            }
            BUILD_SET => {
                let items = self.pop_n(oparg)?;
                let s = set::new_set(heap).map_err(|e| self.err(e))?;
                let view = set::Set::cast_internal(s.object()).map_err(|e| self.err(e))?;
                for i in items {
                    set::add(heap, view, i).map_err(|e| self.err(e))?;
                }
                self.push(s);
            }
            BUILD_MAP => {
                let items = self.pop_n(2 * oparg)?;
                let d = dict::new_dict(heap).map_err(|e| self.err(e))?;
                let view = self.dict_of(&d)?;
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict::set_item(heap, view, k, v).map_err(|e| self.err(e))?;
                }
                self.push(d);
            }
            BUILD_CONST_KEY_MAP => {
                let keys = self.pop()?;
                let values = self.pop_n(oparg)?;
                let d = dict::new_dict(heap).map_err(|e| self.err(e))?;
                let view = self.dict_of(&d)?;
                let keys = tuple::Tuple::cast_internal(keys.object()).map_err(|e| self.err(e))?;
                for (k, v) in tuple::items(keys).iter().zip(values) {
                    // SAFETY: the tuple holds its items.
                    let k = unsafe { Obj::from_borrowed(heap, k.as_ref()) };
                    dict::set_item(heap, view, k, v).map_err(|e| self.err(e))?;
                }
                self.push(d);
            }
            LOAD_ATTR => {
                let owner = self.pop()?;
                let cache = self.cache_units(next);
                let name_obj = inline_cache::code_name(self.code(), oparg >> 1);
                let method_form = oparg & 1 != 0;
                let hit = match inline_cache::load_attr(heap, cache, &owner, name_obj, method_form)
                {
                    Some(hit) => hit,
                    None => match inline_cache::load_attr_miss(
                        heap,
                        cache,
                        &owner,
                        name_obj,
                        method_form,
                        |n| super::super::methods::has_builtin_method(&owner, n),
                    ) {
                        Some(hit) => hit,
                        None => self.load_attr_generic(&owner, oparg)?,
                    },
                };
                match hit {
                    inline_cache::AttrHit::Method(meth) => {
                        self.push(meth);
                        self.push(owner);
                    }
                    inline_cache::AttrHit::Value(v) => {
                        if method_form {
                            self.push_opt(None);
                        }
                        self.push(v);
                    }
                }
            }
            LOAD_SUPER_ATTR => {
                let self_ = self.pop()?;
                let class = self.pop()?;
                let _global_super = self.pop()?;
                let v = self.super_attr(&class, &self_, &self.name_text(oparg >> 2))?;
                if oparg & 1 != 0 {
                    self.push_opt(None);
                }
                self.push(v);
            }
            IS_OP => {
                let r = self.pop()?;
                let l = self.pop()?;
                self.push(long::new_bool(heap, l.is(&r) != (oparg == 1)));
            }
            CONTAINS_OP => {
                let r = self.pop()?;
                let l = self.pop()?;
                let c = self.contains(&r, &l)?;
                self.push(long::new_bool(heap, c != (oparg == 1)));
            }
            IMPORT_NAME => {
                let fromlist = self.pop()?;
                let level = self.pop()?;
                let m = interp.vm_import_name(&self.name_text(oparg), &fromlist, &level)?;
                self.push(m);
            }
            IMPORT_FROM => {
                let m = self.peek(1)?;
                let v = interp.vm_import_from(&m, &self.name_text(oparg))?;
                self.push(v);
            }
            LOAD_GLOBAL => {
                let cache = self.cache_units(next);
                let v = match inline_cache::load_global(heap, frame, cache) {
                    Some(v) => v,
                    None => {
                        let v = self.load_global(oparg >> 1)?;
                        let name = inline_cache::code_name(self.code(), oparg >> 1);
                        inline_cache::specialize_load_global(heap, frame, cache, name);
                        v
                    }
                };
                if oparg & 1 != 0 {
                    self.push_opt(None);
                }
                self.push(v);
            }
            RERAISE => {
                let exc = self.pop()?;
                // The handler is searched from the `RERAISE`; the traceback names `lasti`.
                self.search_at = Some(frame.lasti().max(0) as usize);
                if oparg != 0 {
                    let lasti = frame
                        .stack_peek_at(heap, oparg)
                        .and_then(|l| long::object_as_i64(l.object()));
                    if let Some(l) = lasti {
                        frame.set_lasti(l as isize);
                    }
                }
                self.reraise = true;
                return Err(raised(exc));
            }
            SEND => {
                // A receiver that is not a generator that can resume on this run (`Run::steps`
                // runs those frames).
                let v = self.pop()?;
                let receiver = self.peek(1)?;
                match self.send(&receiver, v)? {
                    super::generator::Sent::Yielded(y) => self.push(y),
                    super::generator::Sent::Returned(r) => {
                        self.push(r);
                        self.ip = next + oparg;
                    }
                }
            }
            LOAD_FAST_AND_CLEAR => {
                let v = frame.slots()[oparg].take(heap);
                self.push_opt(v);
            }
            DELETE_FAST => {
                if frame.slots()[oparg].take(heap).is_none() {
                    return Err(interp.raise(
                        &exceptions::UNBOUND_LOCAL_ERROR,
                        format!(
                            "cannot access local variable '{}' where it is not associated with a value",
                            self.local_name(oparg)
                        ),
                    ));
                }
            }
            RAISE_VARARGS => return Err(self.raise_varargs(oparg)),
            MAKE_FUNCTION => {
                let f = self.make_function(oparg)?;
                self.push(f);
            }
            BUILD_SLICE => {
                let items = self.pop_n(oparg)?;
                let mut items = items;
                if items.len() == 2 {
                    items.push(none(heap));
                }
                self.push(super::super::builtins::new_slice(interp, items)?);
            }
            MAKE_CELL => {
                let v = frame.slots()[oparg].take(heap);
                let c = cell::new_cell(heap, v).map_err(|e| self.err(e))?;
                frame.slots()[oparg].set(heap, Some(c));
            }
            LOAD_CLOSURE => {
                let v = frame.local(heap, oparg);
                self.push_opt(v);
            }
            STORE_DEREF => {
                let v = self.pop()?;
                self.cell(oparg)?.set(heap, Some(v));
            }
            DELETE_DEREF => {
                let c = self.cell(oparg)?;
                if c.get(heap).is_none() {
                    return Err(self.unbound_deref(oparg));
                }
                c.set(heap, None);
            }
            LOAD_FROM_DICT_OR_DEREF => {
                let mapping = self.pop()?;
                let name = tuple::items(self.code().localsplusnames())[oparg];
                // SAFETY: the code holds its names.
                let name = unsafe { Obj::from_borrowed(heap, name.as_ref()) };
                let found = interp.mapping_get_optional(&mapping, &name)?;
                match found {
                    Some(v) => self.push(v),
                    None => match self.cell(oparg)?.get(heap) {
                        Some(v) => self.push(v),
                        None => return Err(self.unbound_deref(oparg)),
                    },
                }
            }
            LOAD_FROM_DICT_OR_GLOBALS => {
                let mapping = self.pop()?;
                let name = self.name(oparg);
                match interp.mapping_get_optional(&mapping, &name)? {
                    Some(v) => self.push(v),
                    None => {
                        let v = self.load_global(oparg)?;
                        self.push(v);
                    }
                }
            }
            COPY_FREE_VARS => self.copy_free_vars(frame, oparg)?,
            SET_ADD => {
                let v = self.pop()?;
                let s = self.peek(oparg)?;
                let view = set::Set::cast_internal(s.object()).map_err(|e| self.err(e))?;
                set::add(heap, view, v).map_err(|e| self.err(e))?;
            }
            MAP_ADD => {
                let v = self.pop()?;
                let k = self.pop()?;
                let d = self.peek(oparg)?;
                dict::set_item(heap, self.dict_of(&d)?, k, v).map_err(|e| self.err(e))?;
            }
            LIST_EXTEND => {
                let it = self.pop()?;
                let l = self.peek(oparg)?;
                let view = list::List::cast_internal(l.object()).map_err(|e| self.err(e))?;
                let items = self.collect(&it).map_err(|e| {
                    self.not_iterable_in(e, &it, "Value after * must be an iterable, not")
                })?;
                list::extend_sized(heap, view, items).map_err(|e| self.err(e))?;
            }
            SET_UPDATE => {
                let it = self.pop()?;
                let s = self.peek(oparg)?;
                let view = set::Set::cast_internal(s.object()).map_err(|e| self.err(e))?;
                // A set, frozenset or dict is merged with one resize up front, as
                // `set_update_internal` does (the table's size shows in `sys.getsizeof`).
                if set::AnySet::cast(it.object()).is_some()
                    || dict::Dict::cast(it.object()).is_some()
                {
                    pyrt_objects::types::set_ops::update(heap, view, it.object())
                        .map_err(|e| self.err(e))?;
                } else {
                    for v in self.collect(&it)? {
                        set::add(heap, view, v).map_err(|e| self.err(e))?;
                    }
                }
            }
            DICT_UPDATE | DICT_MERGE => {
                let update = self.pop()?;
                let d = self.peek(oparg)?;
                self.dict_update(&d, &update, op == DICT_MERGE)?;
            }
            FORMAT_VALUE => {
                let spec = if oparg & 4 != 0 {
                    Some(self.pop()?)
                } else {
                    None
                };
                let v = self.pop()?;
                let r = self.format_value(v, oparg & 3, spec)?;
                self.push(r);
            }
            BUILD_STRING => {
                // `_PyUnicode_JoinArray(&_Py_STR(empty), pieces, oparg)`: one allocation in
                // the result's final kind, the pieces' characters copied in.
                let items = self.pop_n(oparg)?;
                let joined = pyrt_objects::types::unicode_join::join_pieces(heap, &items);
                self.push(joined.map_err(|e| self.err(e))?);
            }
            KW_NAMES => self.kwnames = Some(self.constant(oparg)),
            CALL => return self.call(oparg),
            CALL_FUNCTION_EX => return self.call_function_ex(oparg),
            CALL_INTRINSIC_1 => {
                let v = self.pop()?;
                let r = self.intrinsic1(oparg, v)?;
                self.push(r);
            }
            CALL_INTRINSIC_2 => {
                let v1 = self.pop()?;
                let v2 = self.pop()?;
                let r = self.intrinsic2(oparg, v2, v1)?;
                self.push(r);
            }
            op if op == Opcode::CheckEgMatch as u8 => self.check_eg_match()?,
            _ => {
                let name = Opcode::from_u16(u16::from(op)).map_or("?", Opcode::name);
                return Err(interp.raise(
                    &exceptions::SYSTEM_ERROR,
                    format!("pyrt's VM does not run {name} yet"),
                ));
            }
        }
        Ok(Flow::Next)
    }

    /// Handles an error: a handler of the top frame, or the frame popped and its caller's
    /// tried; `Ok(Some(exit))` never happens for errors but keeps the shape of `step`.
    fn unwind(&mut self, e: Unwind<'py>) -> R<'py, Option<Exit<'py>>> {
        let interp = self.interp;
        let heap = interp.heap;
        let Unwind::Raise(r) = e;
        let exc = r.exc;
        let fresh = !std::mem::take(&mut self.reraise);
        if fresh {
            interp.set_context(&exc);
        } else {
            interp.vm.escaped.set((0, 0));
        }
        let mut add_tb = fresh;
        self.kwnames = None;
        let mut search_at = self.search_at.take();
        loop {
            let frame = self.frame();
            let lasti = frame.lasti().max(0) as usize;
            if add_tb {
                interp.add_traceback(&exc, frame, lasti);
            }
            let at = search_at.take().unwrap_or(lasti);
            if let Some((target, depth, push_lasti)) = unwind::handler(self.code(), at) {
                while frame.stack_depth() > depth {
                    drop(self.pop_opt());
                }
                if push_lasti {
                    self.push(long::int_from_i64(heap, lasti as i64).map_err(|e| self.err(e))?);
                }
                self.push(exc);
                self.ip = target;
                return Ok(None);
            }
            if self.pop_frame() {
                interp.mark_escaped(&exc);
                return Err(raised(exc));
            }
            add_tb = true;
        }
    }

    /// Pops the top frame (data-stack frames are cleared and given back); whether it was the
    /// entry frame. The caller's next unit becomes current.
    #[inline(always)]
    fn pop_frame(&mut self) -> bool {
        // The common case, a Python-to-Python call's frame returning to its caller: neither an
        // inline generator's nor an `__init__`'s frame, nor the entry frame.
        let f = self.frame();
        if self.current != self.entry && f.owner() == OWNED_BY_THREAD && f.vm_flags() == 0 {
            let caller = f.previous_ptr();
            let popped = self.interp.vm.stack.pop_top(self.current);
            debug_assert!(popped, "a call's frame is the data stack's top frame");
            self.interp.leave();
            self.resume_caller(caller);
            return false;
        }
        self.pop_frame_general()
    }

    /// [`Run::pop_frame`] of an entry frame, an inline generator's or an `__init__`'s.
    #[inline(never)]
    fn pop_frame_general(&mut self) -> bool {
        let interp = self.interp;
        let f = self.frame();
        let is_entry = self.current == self.entry;
        let caller = f.previous_ptr();
        let init = f.vm_flags() & FLAG_INIT != 0;
        // An inline generator's frame returned or raised: the generator is finished, and a
        // return value goes where its `FOR_ITER` or `SEND` said (the caller's
        // `return_offset`).
        let inline_gen = if is_entry {
            None
        } else {
            Generator::of_frame(f)
        };
        if f.owner() == OWNED_BY_THREAD {
            let popped = interp.vm.stack.pop_top(self.current);
            debug_assert!(popped, "a running data-stack frame is the top frame");
        }
        if let Some(g) = inline_gen {
            interp.gen_leave_inline(g);
        }
        // An `__init__` frame raised: the instantiation fails with it, as the generic path's.
        if init {
            interp.leave_c(C_COST_OF_INIT);
            interp.gc_safe_point();
        }
        if is_entry {
            return true;
        }
        interp.leave();
        self.resume_caller(caller);
        if inline_gen.is_some() {
            self.ip += usize::from(self.frame().return_offset());
        } else if init {
            // The caller's `prev_instr` stayed at its `CALL` (see `call_class_positional`).
            self.ip += usize::from(CACHE_ENTRIES[usize::from(CALL)]);
        }
        false
    }

    /// `FOR_ITER_GEN` / `SEND_GEN`: generator `g` (suspended, or just created and sent `None`:
    /// [`can_resume_inline`]) resumes on this run with `value` sent in; its caller continues at
    /// `self.ip` when it yields, at `return_ip` (its return value pushed) when it returns
    /// (`return_ip - self.ip` at most [`RETURN_OFFSET_MAX`]).
    #[inline(always)]
    fn push_generator_frame(
        &mut self,
        g: &Generator,
        value: Obj<'py>,
        return_ip: usize,
    ) -> R<'py, ()> {
        let interp = self.interp;
        interp.enter()?;
        let (resume, saved_exc) = match interp.gen_enter(g, value) {
            Ok(x) => x,
            Err(e) => {
                interp.leave();
                return Err(e);
            }
        };
        // `gen->gi_exc_state.previous_item = tstate->exc_info`.
        drop(g.replace_caller_exc(interp.heap, saved_exc));
        let frame = g.frame_ptr();
        // SAFETY: the generator's frame is linked only while it runs above its caller, which
        // stays in place until the generator's frame is left (yield, return or raise).
        unsafe { frame.as_ref().set_previous(Some(self.current)) };
        // `frame->return_offset = oparg` and `DISPATCH_INLINED`: the caller's `prev_instr` is
        // its instruction's last cache unit.
        let caller = self.frame();
        caller.set_prev_instr(self.code().units_ptr().wrapping_add(self.ip - 1));
        caller.set_return_offset((return_ip - self.ip) as u16);
        self.set_current(frame);
        self.ip = resume;
        Ok(())
    }

    /// `YIELD_VALUE` in an inline generator's frame: the generator is suspended and `v` goes
    /// to its caller's stack, which continues after its `FOR_ITER` or `SEND`.
    #[inline]
    fn yield_to_caller(&mut self, v: Obj<'py>) {
        let interp = self.interp;
        let f = self.frame();
        let caller = f.previous_ptr();
        let g = Generator::of_frame(f).expect("an inline generator's frame");
        let saved = g.replace_caller_exc(interp.heap, None);
        interp.gen_suspend(g, saved);
        interp.leave();
        self.resume_caller(caller);
        self.push(v);
    }

    /// `RETURN_GENERATOR`: the frame moves into a new generator, which is "returned".
    fn return_generator(&mut self) -> R<'py, Flow<'py>> {
        let heap = self.interp.heap;
        let f = self.frame();
        let is_entry = self.current == self.entry;
        let caller = f.previous_ptr();
        let h = match self.interp.vm.stack.top_handle(self.current) {
            Some(h) if f.owner() == OWNED_BY_THREAD => h,
            _ => return Err(self.system_error("RETURN_GENERATOR in a generator")),
        };
        let g =
            genobject::new_generator(heap, &self.interp.vm.stack, h).map_err(|e| self.err(e))?;
        if is_entry {
            return Ok(Flow::Exit(Exit::Return(g)));
        }
        self.interp.leave();
        self.resume_caller(caller);
        self.push(g);
        Ok(Flow::Next)
    }

    /// `CALL argc`.
    fn call(&mut self, argc: usize) -> R<'py, Flow<'py>> {
        if self.kwnames.is_none()
            && let Some(flow) = self.call_python_positional(argc)?
        {
            return Ok(flow);
        }
        self.call_not_python_positional(argc)
    }

    /// [`Run::call`] once [`Run::call_python_positional`] declined.
    #[inline(never)]
    fn call_not_python_positional(&mut self, argc: usize) -> R<'py, Flow<'py>> {
        if self.kwnames.is_none() {
            if let Some(flow) = self.call_class_positional(argc)? {
                return Ok(flow);
            }
            if self.call_builtin_positional(argc)? {
                return Ok(Flow::Next);
            }
        }
        let mut args = self.pop_n(argc)?;
        let callable = self.pop_opt();
        let method = self.pop_opt();
        let func = match (method, callable) {
            // A built-in type's method by name (see `unbound_method`).
            (Some(m), Some(s)) if unicode::is_str(m.object()) => {
                // The name read in place (the compiler's names are ASCII identifiers).
                let text = str_of(m.object());
                let owned;
                let name = match unicode::ascii_text(text) {
                    Some(t) => t,
                    None => {
                        owned = unicode::str_value(text);
                        owned.as_str()
                    }
                };
                let kw = self.take_kwargs(&mut args)?;
                let kw = kw
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            unicode::Str::cast(k.object())
                                .map(unicode::str_value)
                                .unwrap_or_default(),
                            v,
                        )
                    })
                    .collect();
                let r = self.interp.call_method(&s, name, args, kw)?;
                self.push(r);
                return Ok(Flow::Next);
            }
            (Some(m), Some(s)) => {
                args.insert(0, s);
                m
            }
            (None, Some(c)) => c,
            _ => return Err(self.system_error("CALL of NULL")),
        };
        let kwargs = self.take_kwargs(&mut args)?;
        self.call_object(func, args, kwargs)
    }

    /// Splits the keyword arguments `KW_NAMES` named off the end of `args`.
    fn take_kwargs(&mut self, args: &mut Vec<Obj<'py>>) -> R<'py, Vec<(Obj<'py>, Obj<'py>)>> {
        let kwnames = self.kwnames.take();
        Ok(match kwnames {
            Some(names) => {
                let names = tuple::Tuple::cast_internal(names.object()).map_err(|e| self.err(e))?;
                let n = tuple::items(names).len();
                let values = args.split_off(args.len() - n);
                tuple::items(names)
                    .iter()
                    // SAFETY: the tuple holds its items.
                    .map(|p| unsafe { Obj::from_borrowed(self.interp.heap, p.as_ref()) })
                    .zip(values)
                    .collect()
            }
            None => Vec::new(),
        })
    }

    /// The inline cache units of the instruction running, whose following unit is `next`.
    fn cache_units(&self, next: usize) -> &'a [core::cell::Cell<u16>] {
        &self.code().units()[self.frame().lasti().max(0) as usize + 1..next]
    }

    /// `LOAD_ATTR` without its cache: the method form gives `(method, self)` without a bound
    /// method object when the type has the method, else `(NULL, attribute)`.
    fn load_attr_generic(
        &self,
        owner: &Obj<'py>,
        oparg: usize,
    ) -> R<'py, inline_cache::AttrHit<'py>> {
        let name = self.name_text(oparg >> 1);
        if oparg & 1 != 0
            && let Some(meth) = self.unbound_method(owner, &name)?
        {
            return Ok(inline_cache::AttrHit::Method(meth));
        }
        Ok(inline_cache::AttrHit::Value(
            self.interp.getattr(owner, &name)?,
        ))
    }

    /// `LOAD_ATTR`'s method form: the name (a str) for a built-in type's method, the function
    /// for a method a script's class defines (not shadowed by the instance), else `None`.
    fn unbound_method(&self, owner: &Obj<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
        let interp = self.interp;
        let o = owner.object();
        if !pyrt_objects::types::class::is_heap_type(o.ob_type()) {
            if super::super::methods::has_builtin_method(owner, name) {
                return interp.name_str(name).map(Some);
            }
            return Ok(None);
        }
        if let Some(f) = interp.class_lookup(o.ob_type(), name)
            && super::is_function(f.object())
            && interp
                .type_lookup(o.ob_type(), "__getattribute__")?
                .is_none()
            && abstract_::getattr(interp.heap, o, name).is_err()
        {
            return Ok(Some(f));
        }
        Ok(None)
    }

    /// Calls `func`: a VM function (or a bound method of one) gets a frame on this run; any
    /// other callable is called through the interpreter and its result pushed.
    fn call_object(
        &mut self,
        func: Obj<'py>,
        mut args: Vec<Obj<'py>>,
        kwargs: Vec<(Obj<'py>, Obj<'py>)>,
    ) -> R<'py, Flow<'py>> {
        let heap = self.interp.heap;
        let (func, args) = match Method::cast(func.object()) {
            Some(m) if super::is_function(m.func(heap).object()) => {
                args.insert(0, m.self_(heap));
                (m.func(heap), args)
            }
            _ => (func, args),
        };
        if let Some(f) = Function::cast(func.object()) {
            return self.push_call(func.clone(), f, args, kwargs);
        }
        let kw = kwargs
            .into_iter()
            .map(|(k, v)| {
                (
                    unicode::Str::cast(k.object())
                        .map(unicode::str_value)
                        .unwrap_or_default(),
                    v,
                )
            })
            .collect();
        let r = self.interp.call(&func, args, kw)?;
        self.push(r);
        Ok(Flow::Next)
    }

    /// A Python-to-Python call: the callee's frame is pushed and becomes current.
    fn push_call(
        &mut self,
        func: Obj<'py>,
        f: &Function,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(Obj<'py>, Obj<'py>)>,
    ) -> R<'py, Flow<'py>> {
        let interp = self.interp;
        interp.enter()?;
        let h = match interp.vm.stack.push(func.clone(), None) {
            Ok(h) => h,
            Err(e) => {
                interp.leave();
                return Err(self.err(e));
            }
        };
        if let Err(e) = args::bind(interp, f, h.frame(), args, kwargs) {
            let _ = interp.vm.stack.pop(h);
            interp.leave();
            return Err(e);
        }
        self.enter_frame(h);
        Ok(Flow::Next)
    }

    /// `CALL argc` of a Python function (or a bound method of one) with positional
    /// arguments that fill its parameters, with its defaults: 3.12's `CALL_PY_EXACT_ARGS`,
    /// `CALL_PY_WITH_DEFAULTS` and `CALL_BOUND_METHOD_EXACT_ARGS`. The arguments move from
    /// this frame's value stack straight into the new frame's locals (`_PyFrame_PushUnchecked`
    /// and the fast part of `initialize_locals`), a bound method is unpacked in place. `None`
    /// (nothing changed but a bound method unpacked) for any other call, which the general
    /// path makes, with its argument errors.
    #[inline(always)]
    fn call_python_positional(&mut self, argc: usize) -> R<'py, Option<Flow<'py>>> {
        let interp = self.interp;
        let heap = interp.heap;
        let caller = self.frame();
        let (first, second) = self.call_operands(argc);
        if first.is_null() {
            let Some(c) = second.ptr() else {
                return Ok(None);
            };
            // SAFETY: the stack slot holds a reference to the callable.
            if let Some(m) = Method::cast(unsafe { c.as_ref() }) {
                let func = m.func(heap);
                if !super::is_function(func.object()) {
                    return Ok(None);
                }
                // `CALL_BOUND_METHOD_EXACT_ARGS`: `(NULL, method)` becomes `(func, self)`.
                let self_ = m.self_(heap);
                first.set(heap, Some(func));
                second.set(heap, Some(self_));
            }
        }
        let (slot, nargs) = if first.is_null() {
            (second, argc)
        } else {
            (first, argc + 1)
        };
        let Some(p) = slot.ptr() else {
            return Ok(None);
        };
        // SAFETY: the stack slot holds a reference to the function.
        let Some(f) = Function::cast(unsafe { p.as_ref() }) else {
            return Ok(None);
        };
        let Some(defaults) = args::positional_defaults(f, nargs) else {
            return Ok(None);
        };
        interp.enter()?;
        // The stack's reference to the function moves into the frame, the arguments into its
        // first locals, the defaults after them.
        let func = slot.take(heap).expect("the function checked above");
        let h = match interp
            .vm
            .stack
            .push_call(func, caller, nargs, defaults.len())
        {
            Ok(h) => h,
            Err(e) => {
                interp.leave();
                return Err(self.err(e));
            }
        };
        // The function's slot (emptied above), and the NULL below it when there was no `self`.
        let below = argc + 2 - nargs;
        // SAFETY: `CALL`'s callable slots are on the stack, below the arguments moved out, and
        // both are NULL now.
        unsafe { caller.forget_top_empty(below) };
        self.enter_frame(h);
        Ok(Some(Flow::Next))
    }

    /// `CALL argc` of a script's class (NULL below it) whose `__init__` is a Python function
    /// taking the positional arguments: the instance is made, and `__init__` runs on this run
    /// with it as `self` (3.13's `CALL_ALLOC_AND_ENTER_INIT`); [`Run::return_from_init`]
    /// gives the instance. The lookup, the allocation, the recursion counts (the Python and
    /// the C limit, as the Rust re-entry it replaces counted them) and the errors are the
    /// generic path's (`Interp::instantiate`); `None` (nothing changed) for any other call.
    fn call_class_positional(&mut self, argc: usize) -> R<'py, Option<Flow<'py>>> {
        let interp = self.interp;
        let heap = interp.heap;
        let caller = self.frame();
        let (first, second) = self.call_operands(argc);
        if !first.is_null() {
            return Ok(None);
        }
        let Some(p) = second.ptr() else {
            return Ok(None);
        };
        // SAFETY: the stack slot holds a reference to the callable.
        let callable = unsafe { p.as_ref() };
        let Some(ty) = pyrt_objects::types::type_object(callable) else {
            return Ok(None);
        };
        // (A class of a metaclass takes the generic path: the metaclass may define `__call__`.)
        if class::class_kind(ty) != Some(class::ClassKind::Object)
            || exceptions::is_exception_class(callable)
            || class::is_heap_type(callable.ob_type())
        {
            return Ok(None);
        }
        let Some(cls) = class::Class::of_type(ty) else {
            return Ok(None);
        };
        let Some(init) = unicode::interned(heap, "__init__")
            .and_then(|name| class::lookup(heap, ty, name.object()))
        else {
            return Ok(None);
        };
        // A class with its own `__new__` takes the generic path (`slot_tp_new`).
        if interp.class_defines_new(ty) {
            return Ok(None);
        }
        let init_ptr = init.as_ptr();
        // SAFETY: `init` holds the object; the frame takes that reference below and keeps it.
        let Some(f) = Function::cast(unsafe { init_ptr.as_ref() }) else {
            return Ok(None);
        };
        let resumable = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
        if f.code_view().is_none_or(|c| c.flags() & resumable != 0) {
            return Ok(None);
        }
        let Some(ndefaults) = args::positional_defaults(f, argc + 1).map(<[_]>::len) else {
            return Ok(None);
        };
        // `_PyObject_MakeTpCall`, `slot_tp_init`'s call and `_PyEval_EvalFrameDefault`: the
        // last is where CPython 3.12.1 stops (plain message), 498 classes deep from a module.
        if interp.enter_c(C_COST_OF_INIT).is_err() {
            return Err(interp.raise(
                &exceptions::RECURSION_ERROR,
                "maximum recursion depth exceeded",
            ));
        }
        if let Err(e) = interp.enter() {
            interp.leave_c(C_COST_OF_INIT);
            return Err(e);
        }
        // `(NULL, class)` becomes `(NULL, instance)`: `self` is bound with the arguments,
        // which move into `__init__`'s frame.
        let entered = class::new_instance(heap, cls)
            .map_err(|e| self.err(e))
            .and_then(|instance| {
                second.set(heap, Some(instance.clone()));
                let h = interp
                    .vm
                    .stack
                    .push_call(init, caller, argc + 1, ndefaults)
                    .map_err(|e| self.err(e))?;
                Ok((instance, h))
            });
        let (instance, h) = match entered {
            Ok(x) => x,
            Err(e) => {
                interp.leave();
                interp.leave_c(C_COST_OF_INIT);
                return Err(e);
            }
        };
        // The instance waits in the NULL's slot below the arguments (moved out) for
        // `__init__`'s return, which the frame's `FLAG_INIT` tells.
        first.set(heap, Some(instance));
        h.frame().set_vm_flags(FLAG_INIT);
        let at_call = caller.prev_instr();
        self.enter_frame(h);
        // The caller stays at its `CALL` (CPython 3.12 runs `__init__` from `type_call`, not
        // inlined): its `f_lasti` and traceback entries say so.
        caller.set_prev_instr(at_call);
        Ok(Some(Flow::Next))
    }

    /// `RETURN_VALUE` of an `__init__` frame [`Run::call_class_positional`] pushed: `None`
    /// gives the instance to the caller; anything else is the generic path's `TypeError`,
    /// raised at the caller's `CALL`.
    fn return_from_init(&mut self, v: Obj<'py>) -> R<'py, ()> {
        let interp = self.interp;
        interp.leave_c(C_COST_OF_INIT);
        // A plain call's frame now: `pop_frame` resumes the caller after its `CALL`.
        self.frame().set_vm_flags(0);
        let entry = self.pop_frame();
        debug_assert!(!entry, "an __init__ frame is never a run's entry");
        // `pop_frame` resumed the caller after its `prev_instr`, which stayed at the `CALL`.
        self.ip += usize::from(CACHE_ENTRIES[usize::from(CALL)]);
        interp.gc_safe_point();
        if !v.is(&none(interp.heap)) {
            // The instance goes before the error is raised (`type_call`'s `Py_SETREF`).
            drop(self.pop_opt());
            // The error is the `CALL`'s, where the caller's `prev_instr` is.
            return Err(interp.init_not_none(v.object()));
        }
        // The instance is on the caller's stack, where `call_class_positional` left it.
        Ok(())
    }

    /// Makes the pushed frame `h` (a Python-to-Python call, its locals bound) the running
    /// one; the caller resumes at `self.ip` (its `prev_instr` is the unit before: 3.12's
    /// `DISPATCH_INLINED` leaves a caller at its instruction's last cache unit, where
    /// `f_lasti` and tracebacks see it).
    #[inline(always)]
    fn enter_frame(&mut self, h: StackFrame<'a>) {
        let frame = h.as_ptr();
        // SAFETY: the caller stays on the stack below the callee until the callee is popped.
        unsafe { h.frame().set_previous(Some(self.current)) };
        self.frame()
            .set_prev_instr(self.code().units_ptr().wrapping_add(self.ip - 1));
        self.set_current(frame);
        self.ip = 0;
    }

    /// `CALL_FUNCTION_EX`.
    fn call_function_ex(&mut self, oparg: usize) -> R<'py, Flow<'py>> {
        let heap = self.interp.heap;
        let kwargs = if oparg & 1 != 0 {
            Some(self.pop()?)
        } else {
            None
        };
        let callargs = self.pop()?;
        let func = self.pop()?;
        let _null = self.pop_opt();
        let args = match tuple::Tuple::cast(callargs.object()) {
            Some(t) => tuple::items(t)
                .iter()
                // SAFETY: the tuple holds its items.
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect(),
            None => {
                // `check_args_iterable`: before iterating, a type that cannot be iterated.
                if self.cannot_iterate(&callargs) {
                    return Err(self.interp.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "{} argument after * must be an iterable, not {}",
                            self.interp.function_str(&func),
                            callargs.ob_type().name()
                        ),
                    ));
                }
                self.collect(&callargs)?
            }
        };
        let mut kw = Vec::new();
        if let Some(k) = kwargs {
            let d = self.dict_of(&k)?;
            for (key, v) in dict::items(heap, d).map_err(|e| self.err(e))? {
                kw.push((key, v));
            }
        }
        self.call_object(func, args, kw)
    }

    /// `COPY_FREE_VARS n`: the function's closure cells go to the frame's last `n` slots
    /// (its free variables).
    #[inline]
    fn copy_free_vars(&self, frame: &InterpreterFrame, n: usize) -> R<'py, ()> {
        let heap = self.interp.heap;
        let closure = frame
            .function()
            .and_then(|f| f.closure(heap))
            .ok_or_else(|| self.system_error("no closure"))?;
        let cells = tuple::Tuple::cast_internal(closure.object()).map_err(|e| self.err(e))?;
        let Some(offset) = (self.code().nlocalsplus() as usize).checked_sub(n) else {
            return Err(self.system_error("free variables past the locals"));
        };
        for (slot, &c) in frame.slots()[offset..]
            .iter()
            .zip(tuple::items(cells).iter().take(n))
        {
            slot.set(heap, Some(self.borrowed(c)));
        }
        Ok(())
    }

    /// The cell in slot `i`.
    fn cell(&self, i: usize) -> R<'py, &'a cell::CellObject> {
        // SAFETY: the argument of a cell instruction is a cell or free-variable slot of the
        // running code.
        let p = unsafe { self.frame().slot_unchecked(i) }
            .ptr()
            .ok_or_else(|| self.system_error("no cell"))?;
        // SAFETY: the frame holds the cell in its slot for as long as it runs.
        let o = unsafe { &*p.as_ptr() };
        cell::CellObject::cast_internal(o).map_err(|e| self.err(e))
    }

    fn unbound_deref(&self, i: usize) -> Unwind<'py> {
        let name = self.local_name(i);
        let kinds = self.code().localspluskinds();
        if kinds
            .get(i)
            .is_some_and(|k| k & pyrt_objects::types::code::CO_FAST_FREE != 0)
        {
            self.interp.raise(
                &exceptions::NAME_ERROR,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.interp.raise(
                &exceptions::UNBOUND_LOCAL_ERROR,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }
}

/// An exception object as an error.
pub(crate) fn raised(exc: Obj<'_>) -> Unwind<'_> {
    Unwind::Raise(Raised { exc })
}

#[allow(dead_code)]
fn ptr_of(o: &Obj<'_>) -> ObjPtr {
    o.as_ptr()
}

impl<'a, 'py> Run<'a, 'py> {
    /// The interpreter this run belongs to.
    pub(super) fn interp(&self) -> &'a Interp<'py> {
        self.interp
    }

    /// The top frame.
    pub(super) fn frame_ref(&self) -> &'a InterpreterFrame {
        self.frame()
    }

    /// The two slots below `CALL argc`'s arguments: the method or NULL, then the callable or
    /// `self` (what 3.12's `CALL` reads as `method` and `callable`).
    #[inline(always)]
    pub(super) fn call_operands(
        &self,
        argc: usize,
    ) -> (
        &'a pyrt_objects::types::fields::RefField,
        &'a pyrt_objects::types::fields::RefField,
    ) {
        let caller = self.frame();
        // SAFETY: `CALL argc`'s operands are on the stack: the method or NULL, the callable or
        // `self`, then `argc` arguments (the compiler's stack-depth analysis).
        unsafe {
            (
                caller.peek_unchecked(argc + 2),
                caller.peek_unchecked(argc + 1),
            )
        }
    }

    /// `co_names[i]`.
    pub(super) fn name_obj(&self, i: usize) -> Obj<'py> {
        self.name(i)
    }

    /// Pops a value (never NULL).
    pub(super) fn pop_value(&self) -> R<'py, Obj<'py>> {
        self.pop()
    }

    /// Pushes a value.
    pub(super) fn push_value(&self, v: Obj<'py>) {
        self.push(v);
    }

    /// Pops the top value or NULL.
    #[inline(always)]
    pub(super) fn pop_slot(&self) -> Option<Obj<'py>> {
        self.pop_opt()
    }

    /// The cache units of the `CALL` running (its three `_PyCallCache` units).
    #[inline]
    pub(super) fn call_cache(&self) -> &'a [core::cell::Cell<u16>] {
        self.cache_units(self.ip)
    }

    /// Marks the error being returned as a re-raise (no traceback entry, no context).
    pub(super) fn set_reraise(&mut self) {
        self.reraise = true;
    }
}
