//! The dispatch loop's stack pointer: 3.12's `stack_pointer` local of
//! `_PyEval_EvalFrameDefault`, with `_PyFrame_GetStackPointer` and `_PyFrame_SetStackPointer`.
//!
//! [`Run::steps`](super::eval) pushes and pops the running frame's value stack through a
//! pointer it keeps in a register, instead of the frame's `stacktop` field: a push and the pop
//! that follows it then do not wait on each other through memory. The frame's `stacktop` is
//! stale while the loop runs its inline instructions; the loop writes it back
//! ([`StackPointer::sync`]) before anything out of line reads or changes the frame's stack (a
//! slow path, a call, a return, a yield), and this guard writes it back when the loop leaves
//! with an error of its own (the unwinder then reads it). After an out-of-line step the frame's
//! `stacktop` is the truth again: the loop [`reset`](StackPointer::reset)s the pointer from the
//! top frame, or [`disarm`](StackPointer::disarm)s the guard when it leaves from there (the
//! frame may be gone).
//!
//! The invariant (the type's, which every `unsafe` method relies on): `sp` points into the
//! slots of `frame`, at or past its locals and at most at the end of its value stack, and every
//! slot from `sp` on is NULL (each pop empties its slot). The compiler's stack-depth analysis
//! keeps pushes within `co_stacksize` and pops within what was pushed; the callers' `# Safety`
//! sections say so for each instruction.

use pyrt_objects::types::fields::RefField;
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::{Heap, Obj};

/// The running frame's stack pointer, written back to the frame when dropped (unless
/// disarmed).
pub(super) struct StackPointer<'a> {
    frame: &'a InterpreterFrame,
    sp: *const RefField,
    armed: bool,
}

impl<'a> StackPointer<'a> {
    /// The stack pointer of `frame`, from its `stacktop`.
    #[inline(always)]
    pub(super) fn new(frame: &'a InterpreterFrame) -> Self {
        StackPointer {
            frame,
            sp: frame.stack_pointer(),
            armed: true,
        }
    }

    /// Points at `frame`'s stack (the top frame after an out-of-line step), without writing
    /// the old pointer back: the frames' `stacktop`s are the truth after such a step.
    #[inline(always)]
    pub(super) fn reset(&mut self, frame: &'a InterpreterFrame) {
        self.frame = frame;
        self.sp = frame.stack_pointer();
        self.armed = true;
    }

    /// Writes the pointer back to the frame's `stacktop`.
    #[inline(always)]
    pub(super) fn sync(&self) {
        // SAFETY: the type's invariant: `sp` is in the frame's value stack, NULL from it on.
        unsafe { self.frame.set_stack_pointer(self.sp) }
    }

    /// Leaves the frames' `stacktop`s as an out-of-line step left them: nothing is written
    /// back when the guard drops.
    #[inline(always)]
    pub(super) fn disarm(&mut self) {
        self.armed = false;
    }

    /// `PUSH`: `v` (or a NULL) on top.
    ///
    /// # Safety
    /// The value stack must have room for one more (the compiler's `co_stacksize`).
    #[inline(always)]
    pub(super) unsafe fn push(&mut self, v: Option<Obj<'_>>) {
        // SAFETY: the slot at `sp` is in the value stack (room: caller) and NULL (invariant).
        let slot = unsafe { &*self.sp };
        debug_assert!(slot.is_null(), "a slot at the stack pointer holds a value");
        slot.set_empty(v);
        // SAFETY: one past a slot of the stack, at most its end.
        self.sp = unsafe { self.sp.add(1) };
    }

    /// `POP`: the top value (a NULL as `None`), its slot emptied.
    ///
    /// # Safety
    /// The value stack must not be empty (the compiler's stack-depth analysis).
    #[inline(always)]
    pub(super) unsafe fn pop<'h>(&mut self, heap: &'h Heap) -> Option<Obj<'h>> {
        // SAFETY: the top slot is a live slot of the value stack (caller).
        unsafe {
            self.sp = self.sp.sub(1);
            (*self.sp).take(heap)
        }
    }

    /// The top two values (`(second, top)`), popped with one move of the pointer.
    ///
    /// # Safety
    /// The value stack must be at least two deep.
    #[inline(always)]
    pub(super) unsafe fn pop2<'h>(&mut self, heap: &'h Heap) -> (Option<Obj<'h>>, Option<Obj<'h>>) {
        // SAFETY: the top two slots are live slots of the value stack (caller).
        unsafe {
            self.sp = self.sp.sub(2);
            ((*self.sp).take(heap), (*self.sp.add(1)).take(heap))
        }
    }

    /// The top two values (`(second, top)`) taken, the stack left one shorter with a NULL on
    /// top, where the instruction's result goes (`peek(1).set_empty(..)`).
    ///
    /// # Safety
    /// The value stack must be at least two deep.
    #[inline(always)]
    pub(super) unsafe fn take2<'h>(
        &mut self,
        heap: &'h Heap,
    ) -> (Option<Obj<'h>>, Option<Obj<'h>>) {
        // SAFETY: the top two slots are live slots of the value stack (caller).
        unsafe {
            self.sp = self.sp.sub(1);
            ((*self.sp.sub(1)).take(heap), (*self.sp).take(heap))
        }
    }

    /// The slot `n` places from the top (1 is the top).
    ///
    /// # Safety
    /// The value stack must be at least `n` deep, `n >= 1`.
    #[inline(always)]
    pub(super) unsafe fn peek(&self, n: usize) -> &'a RefField {
        debug_assert!(n >= 1);
        // SAFETY: a live slot of the value stack (caller), in the frame, which outlives 'a.
        unsafe { &*self.sp.sub(n) }
    }
}

impl Drop for StackPointer<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        if self.armed {
            self.sync();
        }
    }
}
