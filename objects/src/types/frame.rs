//! The interpreter frame (`Include/internal/pycore_frame.h`, `Python/frame.c`): the 3.12
//! `_PyInterpreterFrame` that the VM executes, which is not an object. It lives in one of
//! three places, named by its `owner`:
//!
//! * on a thread's data stack ([`datastack`](crate::types::datastack), `FRAME_OWNED_BY_THREAD`),
//!   while a function runs;
//! * inside a generator object ([`genobject`](crate::types::genobject),
//!   `FRAME_OWNED_BY_GENERATOR`), for the generator's whole life;
//! * inside a frame object ([`frameobject`](crate::types::frameobject),
//!   `FRAME_OWNED_BY_FRAME_OBJECT`), once the frame finished while its frame object was still
//!   referenced (`take_ownership`).
//!
//! ```text
//!   0 f_code (strong)   8 previous   16 f_funcobj (strong)   24 f_globals (borrowed)
//!  32 f_builtins (borrowed)   40 f_locals (strong)   48 frame_obj (strong)   56 prev_instr
//!  64 stacktop (i32)   68 return_offset (u16)   70 owner (u8)
//!  72 localsplus[co_nlocalsplus + co_stacksize]: the locals, cells and free variables, then
//!     the value stack
//! ```
//!
//! `FRAME_SPECIALS_SIZE` is 9 words, so a frame takes `co_framesize` words. Here the slots are
//! [`RefField`]s and every slot at or past `stacktop` is NULL (the initialiser zeroes them all,
//! and a pop empties the slot): the slots are never uninitialised memory, and
//! [`InterpreterFrame::traverse`] (`_PyFrame_Traverse`) and
//! `InterpreterFrame::clear_except_code` (`_PyFrame_ClearExceptCode`) walk `0..stacktop` as
//! CPython does.
//!
//! `previous` links frames in the order the VM runs them (a generator's frame is linked only
//! while it runs); it is the VM's to set ([`InterpreterFrame::set_previous`], an `unsafe fn`
//! whose contract is that a linked frame outlives the link).

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::ObjPtr;
use crate::types::code::Code;
use crate::types::fields::RefField;

pub use crate::types::code::FRAME_SPECIALS_SIZE;

/// `FRAME_OWNED_BY_THREAD`: on a data stack.
pub const OWNED_BY_THREAD: u8 = 0;
/// `FRAME_OWNED_BY_GENERATOR`: inside a generator.
pub const OWNED_BY_GENERATOR: u8 = 1;
/// `FRAME_OWNED_BY_FRAME_OBJECT`: inside a frame object that outlived the call.
pub const OWNED_BY_FRAME_OBJECT: u8 = 2;
/// `FRAME_OWNED_BY_CSTACK`: an entry frame on the C stack.
pub const OWNED_BY_CSTACK: u8 = 3;

/// `_PyInterpreterFrame` without its `localsplus`.
#[repr(C)]
pub struct InterpreterFrame {
    f_code: RefField,
    previous: Cell<*const InterpreterFrame>,
    f_funcobj: RefField,
    f_globals: Cell<Option<ObjPtr>>,
    f_builtins: Cell<Option<ObjPtr>>,
    f_locals: RefField,
    frame_obj: RefField,
    prev_instr: Cell<*const Cell<u16>>,
    stacktop: Cell<i32>,
    return_offset: Cell<u16>,
    owner: Cell<u8>,
    /// pyrt's own flags in CPython's padding byte ([`FLAG_INIT`]).
    vm_flags: Cell<u8>,
}

/// [`InterpreterFrame::vm_flags`]: the frame runs the `__init__` of an instantiation whose
/// instance waits on its caller's value stack (3.13's `CALL_ALLOC_AND_ENTER_INIT`).
pub const FLAG_INIT: u8 = 1;

/// `offsetof(_PyInterpreterFrame, localsplus)`.
pub const LOCALSPLUS_OFFSET: usize = 72;

const _: () = {
    assert!(size_of::<InterpreterFrame>() == LOCALSPLUS_OFFSET);
    assert!(LOCALSPLUS_OFFSET == FRAME_SPECIALS_SIZE as usize * 8);
    assert!(core::mem::offset_of!(InterpreterFrame, prev_instr) == 56);
    assert!(core::mem::offset_of!(InterpreterFrame, stacktop) == 64);
    assert!(core::mem::offset_of!(InterpreterFrame, owner) == 70);
};

/// What a new frame is made from (`_PyFrame_Initialize`'s arguments).
pub(crate) struct FrameInit<'h> {
    /// The function (its reference moves into the frame).
    pub func: Obj<'h>,
    /// `f_locals` (moves into the frame).
    pub locals: Option<Obj<'h>>,
    /// The code (a new reference is taken).
    pub code: Obj<'h>,
    /// `f_globals`, borrowed from the function.
    pub globals: Option<ObjPtr>,
    /// `f_builtins`, borrowed from the function.
    pub builtins: Option<ObjPtr>,
    /// The owner.
    pub owner: u8,
}

impl InterpreterFrame {
    /// `_PyFrame_Initialize`: writes a whole frame at `at`, every slot NULL and `stacktop` at
    /// `co_nlocalsplus`, `prev_instr` before the first unit.
    ///
    /// # Safety
    /// `at` must be writable for `LOCALSPLUS_OFFSET + 8 × frame_slots` bytes, aligned to 8,
    /// and hold no frame whose references still need releasing.
    pub(crate) unsafe fn init(at: NonNull<InterpreterFrame>, parts: FrameInit<'_>) {
        let Some(code) = Code::cast(parts.code.object()) else {
            return;
        };
        let (slots, nlocalsplus) = (code.frame_slots(), code.nlocalsplus());
        let first = code.units_ptr().wrapping_sub(1);
        // SAFETY: room for the specials and the slots (caller); all-zero bits are NULL slots.
        unsafe {
            at.as_ptr()
                .cast::<u8>()
                .add(LOCALSPLUS_OFFSET)
                .write_bytes(0, 8 * slots);
            at.write(InterpreterFrame {
                f_code: RefField::new(Some(parts.code.clone())),
                previous: Cell::new(ptr::null()),
                f_funcobj: RefField::new(Some(parts.func)),
                f_globals: Cell::new(parts.globals),
                f_builtins: Cell::new(parts.builtins),
                f_locals: RefField::new(parts.locals),
                frame_obj: RefField::new(None),
                prev_instr: Cell::new(first),
                stacktop: Cell::new(nlocalsplus),
                return_offset: Cell::new(0),
                owner: Cell::new(parts.owner),
                vm_flags: Cell::new(0),
            });
        }
    }

    /// `_PyFrame_Initialize` for a call (`_PyFrame_PushUnchecked` in `CALL_PY_EXACT_ARGS`): a
    /// frame at `at` running `code` for `func`, with `f_globals` and `f_builtins` borrowed
    /// from it, whose first `nargs` local slots take the `nargs` values on top of `caller`'s
    /// value stack (moved, in order: no reference counts change, and the caller's slots are
    /// left NULL), the next ones `defaults` (new references), every other slot NULL.
    ///
    /// # Safety
    /// `at` must be writable for `LOCALSPLUS_OFFSET + 8 × code.frame_slots()` bytes, aligned
    /// to 8, disjoint from `caller`, and hold no frame whose references still need releasing;
    /// `code` must be the view of `code_obj` (a reference the frame takes over); `nargs` must
    /// be at most `caller.stacktop()` (the VM's `CALL` moves arguments from the value stack,
    /// `caller.stack_depth()`) and `nargs + defaults.len()` at most `code.nlocalsplus()`;
    /// `defaults` must point to live objects of `heap`.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) unsafe fn init_call<'h>(
        heap: &'h Heap,
        at: NonNull<InterpreterFrame>,
        func: Obj<'h>,
        code_obj: Obj<'h>,
        code: &Code,
        [globals, builtins]: [Option<ObjPtr>; 2],
        caller: &InterpreterFrame,
        nargs: usize,
        defaults: &[ObjPtr],
    ) {
        let slots = code.frame_slots();
        let bound = nargs + defaults.len();
        debug_assert!(bound <= code.nlocalsplus() as usize && nargs <= caller.stacktop());
        debug_assert!(ptr::eq(code_obj.object(), &**code));
        let base = at
            .as_ptr()
            .cast::<u8>()
            .wrapping_add(LOCALSPLUS_OFFSET)
            .cast::<Option<ObjPtr>>();
        let top = caller.stacktop() - nargs;
        // SAFETY: `nargs` live slots of the caller from `top` (caller's contract), and
        // `slots` writable words at `base` (the same); an `Option<ObjPtr>` is one word with
        // NULL as `None`. Each argument's reference moves from the caller's slot to the new
        // one; each default gets a new reference.
        unsafe {
            // Plain loops of a few iterations: calls pass few arguments, and frames have few
            // slots, so neither a vectorised copy nor a `memset` call pays (the empty
            // `black_box` keeps the optimiser from making the loops one; callgrind: 9 fewer
            // instructions per call of `fib`).
            let mut i = 0;
            while i < nargs {
                let from = caller.slot_unchecked(top + i);
                base.add(i).write(from.take(heap).map(Obj::into_ptr));
                i += 1;
                core::hint::black_box(());
            }
            for (j, d) in defaults.iter().enumerate() {
                let v = Obj::from_borrowed(heap, d.as_ref());
                base.add(nargs + j).write(Some(v.into_ptr()));
            }
            let mut i = bound;
            while i < slots {
                base.add(i).write(None);
                i += 1;
                core::hint::black_box(());
            }
            at.write(InterpreterFrame {
                f_code: RefField::new(Some(code_obj)),
                previous: Cell::new(ptr::null()),
                f_funcobj: RefField::new(Some(func)),
                f_globals: Cell::new(globals),
                f_builtins: Cell::new(builtins),
                f_locals: RefField::new(None),
                frame_obj: RefField::new(None),
                prev_instr: Cell::new(code.units_ptr().wrapping_sub(1)),
                stacktop: Cell::new(code.nlocalsplus()),
                return_offset: Cell::new(0),
                owner: Cell::new(OWNED_BY_THREAD),
                vm_flags: Cell::new(0),
            });
        }
        caller.stacktop.set(top as i32);
    }

    /// `f_code`: the code the frame runs (`None` only for a frame a dead frame object held).
    #[inline(always)]
    pub fn code(&self) -> Option<&Code> {
        let p = self.f_code.ptr()?;
        // SAFETY: the frame owns a reference to its code, never replaced while the frame is
        // borrowed (only `init` and the frame object's deallocation write it).
        let o = unsafe { &*p.as_ptr() };
        debug_assert!(crate::types::code::is_code(o));
        // SAFETY: `f_code` only ever holds a code object: `init` and `init_call` store a
        // checked `Code`, `move_to` copies another frame's, and nothing else writes it.
        Some(unsafe { Code::cast_unchecked(o) })
    }

    /// A new reference to the code.
    pub fn code_obj<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.f_code.get(heap)
    }

    /// The `localsplus` slots: the locals, cells and free variables, then the value stack.
    #[inline(always)]
    pub fn slots(&self) -> &[RefField] {
        let n = self.code().map_or(0, Code::frame_slots);
        // SAFETY: a frame is always followed by `frame_slots` slots of its code (`init`),
        // all initialised; `RefField` is a transparent pointer cell.
        unsafe {
            core::slice::from_raw_parts(
                ptr::from_ref(self)
                    .cast::<u8>()
                    .add(LOCALSPLUS_OFFSET)
                    .cast::<RefField>(),
                n,
            )
        }
    }

    /// `stacktop`: the number of live slots (locals, then the stack).
    #[inline(always)]
    pub fn stacktop(&self) -> usize {
        self.stacktop.get().max(0) as usize
    }

    #[inline(always)]
    fn nlocalsplus(&self) -> usize {
        self.code().map_or(0, |c| c.nlocalsplus() as usize)
    }

    /// Local slot `i` (`GETLOCAL`), as a new reference.
    #[inline]
    pub fn local<'h>(&self, heap: &'h Heap, i: usize) -> Option<Obj<'h>> {
        self.slots().get(i).and_then(|s| s.get(heap))
    }

    /// Sets local slot `i` (`SETLOCAL`), releasing the old value.
    ///
    /// # Errors
    /// `SystemError` when `i` is not a local slot.
    pub fn set_local<'h>(&self, heap: &'h Heap, i: usize, value: Option<Obj<'h>>) -> PyResult<()> {
        if i >= self.nlocalsplus() {
            return Err(frame_error("local index out of range"));
        }
        self.slots()[i].set(heap, value);
        Ok(())
    }

    /// `_PyFrame_StackPush`.
    ///
    /// # Errors
    /// `SystemError` when the stack is full (`co_stacksize` reached).
    #[inline(always)]
    pub fn stack_push<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        let top = self.stacktop();
        let slot = self
            .slots()
            .get(top)
            .ok_or_else(|| frame_error("value stack overflow"))?;
        slot.set(heap, Some(value));
        self.stacktop.set(top as i32 + 1);
        Ok(())
    }

    /// Pushes `value` or, with `None`, a NULL (`PUSH_NULL`, `LOAD_FAST_AND_CLEAR` of an
    /// unbound local).
    ///
    /// # Errors
    /// `SystemError` when the stack is full (`co_stacksize` reached).
    #[inline(always)]
    pub fn stack_push_opt<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) -> PyResult<()> {
        let top = self.stacktop();
        let slot = self
            .slots()
            .get(top)
            .ok_or_else(|| frame_error("value stack overflow"))?;
        slot.set(heap, value);
        self.stacktop.set(top as i32 + 1);
        Ok(())
    }

    /// Slot `i` of `localsplus`, without a bounds check: the VM's fast access to locals and
    /// the value stack.
    ///
    /// # Safety
    /// `i` must be below the code's `frame_slots()` (`co_nlocalsplus + co_stacksize`).
    #[inline(always)]
    pub unsafe fn slot_unchecked(&self, i: usize) -> &RefField {
        debug_assert!(i < self.slots().len(), "slot {i} past the frame");
        // SAFETY: a frame is followed by `frame_slots` initialised slots (`init`), and `i` is
        // one of them (caller).
        unsafe {
            &*ptr::from_ref(self)
                .cast::<u8>()
                .add(LOCALSPLUS_OFFSET)
                .cast::<RefField>()
                .add(i)
        }
    }

    /// The address of the slot at `stacktop` (`_PyFrame_GetStackPointer`): where the
    /// dispatch loop, which keeps the stack pointer in a register while it runs the frame's
    /// instructions, pushes next.
    #[inline(always)]
    pub fn stack_pointer(&self) -> *const RefField {
        ptr::from_ref(self)
            .cast::<u8>()
            .wrapping_add(LOCALSPLUS_OFFSET)
            .cast::<RefField>()
            .wrapping_add(self.stacktop.get() as usize)
    }

    /// Sets `stacktop` from a stack pointer (`_PyFrame_SetStackPointer`): the loop's
    /// register written back before anything that reads the frame's stack runs.
    ///
    /// # Safety
    /// `sp` must point into this frame's slots, at or after its locals (as
    /// [`InterpreterFrame::stack_pointer`] gave, moved by pushes and pops within the value
    /// stack), and every slot from it to the end must be NULL.
    #[inline(always)]
    pub unsafe fn set_stack_pointer(&self, sp: *const RefField) {
        let base = ptr::from_ref(self)
            .cast::<u8>()
            .wrapping_add(LOCALSPLUS_OFFSET)
            .cast::<RefField>();
        debug_assert!(sp >= base);
        let top = (sp.addr() - base.addr()) / size_of::<RefField>();
        debug_assert!(top >= self.nlocalsplus() && top <= self.slots().len());
        self.stacktop.set(top as i32);
    }

    /// Pushes `value` (or a NULL) without a bounds check or a `Result`
    /// (`_PyFrame_StackPush` as the dispatch loop's `PUSH`).
    ///
    /// # Safety
    /// The value stack must have room: the code's `co_stacksize` bounds the depth of every
    /// path through the code the compiler made, so an instruction pushes no further than it.
    #[inline(always)]
    pub unsafe fn push_unchecked<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) {
        let top = self.stacktop.get() as usize;
        // SAFETY: `top` is below `frame_slots` (caller).
        let slot = unsafe { self.slot_unchecked(top) };
        debug_assert!(slot.is_null(), "a slot at stacktop holds a value");
        let _ = heap;
        // The slot at `stacktop` is always NULL (every pop empties its slot): a plain write.
        slot.set_empty(value);
        self.stacktop.set(top as i32 + 1);
    }

    /// Pops the top of the value stack (a NULL as `None`) without a check or a `Result`
    /// (the dispatch loop's `POP`); the slot is emptied.
    ///
    /// # Safety
    /// The value stack must not be empty: the compiler's stack-depth analysis guarantees that
    /// an instruction pops only what earlier ones pushed.
    #[inline(always)]
    pub unsafe fn pop_unchecked<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        let top = self.stacktop.get() as usize;
        debug_assert!(top > self.nlocalsplus(), "pop of an empty value stack");
        self.stacktop.set(top as i32 - 1);
        // SAFETY: `top - 1` is a stack slot (caller), below `frame_slots`.
        unsafe { self.slot_unchecked(top - 1) }.take(heap)
    }

    /// Shortens the value stack by its top `n` slots, which are NULL (the callable slots a
    /// `CALL` leaves once the callee took the function and its arguments moved out).
    ///
    /// # Safety
    /// The value stack must be at least `n` deep and its top `n` slots NULL.
    #[inline(always)]
    pub unsafe fn forget_top_empty(&self, n: usize) {
        let top = self.stacktop.get() as usize;
        debug_assert!(top >= self.nlocalsplus() + n, "drop past the stack");
        debug_assert!(self.slots()[top - n..top].iter().all(RefField::is_null));
        self.stacktop.set((top - n) as i32);
    }

    /// The stack slot `n` places from the top (1 is the top), without a check.
    ///
    /// # Safety
    /// The value stack must be at least `n` deep (`n >= 1`), as the compiler guarantees for
    /// the instruction that peeks.
    #[inline(always)]
    pub unsafe fn peek_unchecked(&self, n: usize) -> &RefField {
        let top = self.stacktop.get() as usize;
        debug_assert!(
            n >= 1 && top >= self.nlocalsplus() + n,
            "peek past the stack"
        );
        // SAFETY: `top - n` is a live stack slot (caller).
        unsafe { self.slot_unchecked(top - n) }
    }

    /// Sets `prev_instr` to a code unit's address: the dispatch loop's cheap form of
    /// [`InterpreterFrame::set_lasti`], with the units' base it already holds.
    #[inline(always)]
    pub fn set_prev_instr(&self, unit: *const Cell<u16>) {
        self.prev_instr.set(unit);
    }

    /// The value stack's depth (`stacktop - co_nlocalsplus`).
    #[inline]
    pub fn stack_depth(&self) -> usize {
        self.stacktop().saturating_sub(self.nlocalsplus())
    }

    /// The stack slot `n` places from the top (1 is the top), if the stack is that deep.
    #[inline]
    pub fn stack_slot(&self, n: usize) -> Option<&RefField> {
        if n == 0 || n > self.stack_depth() {
            return None;
        }
        self.slots().get(self.stacktop() - n)
    }

    /// A new reference to the value `n` places from the top (1 is the top); `None` for a NULL
    /// or past the bottom.
    #[inline]
    pub fn stack_peek_at<'h>(&self, heap: &'h Heap, n: usize) -> Option<Obj<'h>> {
        self.stack_slot(n).and_then(|s| s.get(heap))
    }

    /// `_PyFrame_StackPop`: the top of the stack, its slot emptied.
    ///
    /// # Errors
    /// `SystemError` when the stack is empty.
    #[inline(always)]
    pub fn stack_pop<'h>(&self, heap: &'h Heap) -> PyResult<Option<Obj<'h>>> {
        let top = self.stacktop();
        if top <= self.nlocalsplus() {
            return Err(frame_error("value stack underflow"));
        }
        self.stacktop.set(top as i32 - 1);
        Ok(self.slots()[top - 1].take(heap))
    }

    /// `_PyFrame_StackPeek`: a new reference to the top of the stack.
    pub fn stack_peek<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        let top = self.stacktop();
        (top > self.nlocalsplus())
            .then(|| self.slots()[top - 1].get(heap))
            .flatten()
    }

    /// `f_funcobj`.
    #[inline]
    pub fn funcobj<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.f_funcobj.get(heap)
    }

    /// `f_funcobj` as a view, borrowed: valid while the frame holds its function.
    #[inline]
    pub fn function(&self) -> Option<&crate::types::function::Function> {
        let p = self.f_funcobj.ptr()?;
        // SAFETY: the frame owns a reference to its function while it is borrowed.
        crate::types::function::Function::cast(unsafe { &*p.as_ptr() })
    }

    /// `f_globals` (borrowed from the function, which the frame holds).
    #[inline]
    pub fn globals<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.borrowed(heap, self.f_globals.get())
    }

    /// `f_builtins` (borrowed from the function).
    #[inline]
    pub fn builtins<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.borrowed(heap, self.f_builtins.get())
    }

    /// `f_globals` as a borrowed pointer, alive while the frame holds its function (the
    /// VM's inline caches read through it without a reference count).
    #[inline]
    pub fn globals_ptr(&self) -> Option<ObjPtr> {
        self.f_funcobj.ptr().and(self.f_globals.get())
    }

    /// `f_builtins` as a borrowed pointer (see [`InterpreterFrame::globals_ptr`]).
    #[inline]
    pub fn builtins_ptr(&self) -> Option<ObjPtr> {
        self.f_funcobj.ptr().and(self.f_builtins.get())
    }

    #[inline]
    fn borrowed<'h>(&self, heap: &'h Heap, p: Option<ObjPtr>) -> Option<Obj<'h>> {
        // Globals and builtins are borrowed from the function, alive while it is held.
        self.f_funcobj.ptr()?;
        // SAFETY: the function the frame holds keeps its globals and builtins alive.
        p.map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
    }

    /// `f_locals` (a mapping for module and class bodies, else NULL).
    #[inline]
    pub fn locals<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.f_locals.get(heap)
    }

    /// `f_locals` as a borrowed pointer, alive while the frame holds it (the VM's
    /// `LOAD_NAME`/`STORE_NAME` read through it without a reference count).
    #[inline]
    pub fn locals_ptr(&self) -> Option<ObjPtr> {
        self.f_locals.ptr()
    }

    /// Replaces `f_locals`.
    pub fn set_locals<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) {
        self.f_locals.set(heap, value);
    }

    /// `owner`.
    pub fn owner(&self) -> u8 {
        self.owner.get()
    }

    /// pyrt's own flags ([`FLAG_INIT`]), 0 in a new frame.
    #[inline(always)]
    pub fn vm_flags(&self) -> u8 {
        self.vm_flags.get()
    }

    /// Sets pyrt's own flags.
    #[inline(always)]
    pub fn set_vm_flags(&self, flags: u8) {
        self.vm_flags.set(flags);
    }

    /// `previous`, if linked.
    pub fn previous(&self) -> Option<&InterpreterFrame> {
        // SAFETY: `set_previous`'s contract: a linked frame outlives the link.
        unsafe { self.previous.get().as_ref() }
    }

    /// The raw `previous` pointer.
    pub fn previous_ptr(&self) -> *const InterpreterFrame {
        self.previous.get()
    }

    /// Links (or unlinks, with `None`) the frame that runs below this one.
    ///
    /// # Safety
    /// `previous` must stay alive and in place (not popped, its generator or frame object
    /// not freed) until the link is replaced, as the VM's frame chain guarantees.
    pub unsafe fn set_previous(&self, previous: Option<NonNull<InterpreterFrame>>) {
        self.previous
            .set(previous.map_or(ptr::null(), |p| p.as_ptr().cast_const()));
    }

    /// `_PyInterpreterFrame_LASTI`: the index of `prev_instr` in the code units (-1 before the
    /// first instruction).
    #[inline]
    pub fn lasti(&self) -> isize {
        let base = self.code().map_or(ptr::null(), Code::units_ptr);
        (self.prev_instr.get().addr() as isize - base.addr() as isize) / 2
    }

    /// Sets `prev_instr` to code unit `i` (-1: before the first).
    #[inline]
    pub fn set_lasti(&self, i: isize) {
        let base = self.code().map_or(ptr::null(), Code::units_ptr);
        self.prev_instr.set(base.wrapping_offset(i));
    }

    /// The raw `prev_instr`.
    pub fn prev_instr(&self) -> *const Cell<u16> {
        self.prev_instr.get()
    }

    /// `return_offset`.
    pub fn return_offset(&self) -> u16 {
        self.return_offset.get()
    }

    /// Sets `return_offset`.
    pub fn set_return_offset(&self, v: u16) {
        self.return_offset.set(v);
    }

    /// `_PyFrame_IsIncomplete`: an entry frame, or one that has not run its first `RESUME`
    /// (generator frames are always complete).
    pub fn is_incomplete(&self) -> bool {
        self.owner() == OWNED_BY_CSTACK
            || (self.owner() != OWNED_BY_GENERATOR
                && self
                    .code()
                    .is_some_and(|c| self.lasti() < c.firsttraceable() as isize))
    }

    /// `_PyFrame_GetFirstComplete`: this frame or the first complete one below it.
    pub fn first_complete(&self) -> Option<&InterpreterFrame> {
        let mut f = Some(self);
        while let Some(frame) = f
            && frame.is_incomplete()
        {
            f = frame.previous();
        }
        f
    }

    /// The frame object, if one was made.
    pub fn frame_obj<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.frame_obj.get(heap)
    }

    pub(crate) fn set_frame_obj<'h>(&self, heap: &'h Heap, f: Option<Obj<'h>>) {
        self.frame_obj.set(heap, f);
    }

    /// `_PyFrame_GetFrameObject`: the frame's frame object, made on first use
    /// (`sys._getframe()`, tracebacks).
    ///
    /// # Errors
    /// `MemoryError`.
    pub fn frame_object<'h>(&self, heap: &'h Heap) -> PyResult<Obj<'h>> {
        if let Some(f) = self.frame_obj.get(heap) {
            return Ok(f);
        }
        crate::types::frameobject::make_and_set(heap, self)
    }

    /// `_PyFrame_Traverse`: the frame object, `f_locals`, the function, the code, then the
    /// slots below `stacktop`.
    pub fn traverse(&self, visit: &mut dyn FnMut(ObjPtr)) {
        self.frame_obj.visit(visit);
        self.f_locals.visit(visit);
        self.f_funcobj.visit(visit);
        self.f_code.visit(visit);
        for slot in &self.slots()[..self.stacktop().min(self.slots().len())] {
            slot.visit(visit);
        }
    }

    /// `_PyFrame_ClearLocals`: releases the slots below `stacktop` and `f_locals`.
    pub fn clear_locals(&self, heap: &Heap) {
        let top = self.stacktop().min(self.slots().len());
        self.stacktop.set(0);
        for slot in &self.slots()[..top] {
            slot.clear(heap);
        }
        self.f_locals.clear(heap);
    }

    /// `_PyFrame_ClearExceptCode`: the frame is finished. If its frame object is referenced
    /// elsewhere, the object takes the frame's contents over (`take_ownership`); otherwise the
    /// slots, `f_locals` and the function are released. The code stays for the owner to
    /// release.
    #[inline(always)]
    pub(crate) fn clear_except_code(&self, heap: &Heap) {
        if !self.frame_obj.is_null() && self.frame_obj_took_over(heap) {
            return;
        }
        let slots = self.slots();
        let top = self.stacktop().min(slots.len());
        self.stacktop.set(0);
        for slot in &slots[..top] {
            slot.clear(heap);
        }
        self.f_locals.clear(heap);
        self.f_funcobj.clear(heap);
    }

    /// `clear_except_code`'s first step for a frame with a frame object: the object takes
    /// the frame over when it is referenced elsewhere (`true`), else it is released.
    #[cold]
    #[inline(never)]
    fn frame_obj_took_over(&self, heap: &Heap) -> bool {
        if let Some(f) = self.frame_obj.take(heap) {
            if f.object().refcnt() > 1 {
                crate::types::frameobject::take_ownership(heap, f.object(), self);
                return true;
            }
            drop(f);
        }
        false
    }

    /// Moves the contents of `self` into `dest` (a frame of the same code with room for its
    /// slots), leaving `self` without references but its code (`_PyFrame_Copy`, then the
    /// source forgotten). `dest.previous` is NULL; the owner is `owner`.
    ///
    /// # Safety
    /// `dest` must be writable for the frame's size and hold no references.
    pub(crate) unsafe fn move_to(&self, heap: &Heap, dest: NonNull<InterpreterFrame>, owner: u8) {
        let top = self.stacktop();
        let slots = self.slots().len();
        // SAFETY: room for the specials and `slots` slots (caller).
        unsafe {
            dest.as_ptr()
                .cast::<u8>()
                .add(LOCALSPLUS_OFFSET)
                .write_bytes(0, 8 * slots);
            dest.write(InterpreterFrame {
                f_code: RefField::new(self.f_code.get(heap)),
                previous: Cell::new(ptr::null()),
                f_funcobj: RefField::new(self.f_funcobj.take(heap)),
                f_globals: Cell::new(self.f_globals.get()),
                f_builtins: Cell::new(self.f_builtins.get()),
                f_locals: RefField::new(self.f_locals.take(heap)),
                frame_obj: RefField::new(self.frame_obj.take(heap)),
                prev_instr: Cell::new(self.prev_instr.get()),
                stacktop: Cell::new(top as i32),
                return_offset: Cell::new(self.return_offset.get()),
                owner: Cell::new(owner),
                vm_flags: Cell::new(0),
            });
            let d = dest.as_ref();
            for (from, to) in self.slots().iter().zip(d.slots()).take(top) {
                to.set(heap, from.take(heap));
            }
            if let Some(f) = d.frame_obj.get(heap) {
                crate::types::frameobject::retarget(f.object(), d);
            }
        }
        self.stacktop.set(0);
    }

    /// Releases the code reference (the owner's last step after `clear_except_code`).
    #[inline(always)]
    pub(crate) fn release_code(&self, heap: &Heap) {
        self.f_code.clear(heap);
    }
}

#[cold]
#[inline(never)]
fn frame_error(what: &str) -> PyErr {
    PyErr::new(ExcKind::SystemError, format!("frame: {what}"))
}
