//! `frame` (`Objects/frameobject.c`, `struct _frame` in `pycore_frame.h`): the Python-visible
//! `PyFrameObject`, made lazily for `sys._getframe()` and tracebacks.
//!
//! ```text
//!  16 f_back   24 f_frame   32 f_trace   40 f_lineno (i32)   44 f_trace_lines
//!  45 f_trace_opcodes   46 f_fast_as_locals   48 _f_frame_data: room for a whole
//!  _PyInterpreterFrame of the code (72 + 8 × slots)
//! ```
//!
//! `__basicsize__` is 120 (48 + the frame specials) and `__itemsize__` 8; the object is
//! allocated with room for `co_nlocalsplus + co_stacksize` slots (`_PyFrame_New_NoTrack`) and
//! `frame_sizeof` is `120 + 8 × slots`. The header is a plain `PyObject`: `ob_size` is not kept
//! (its word is `f_back`), so the size always comes from the code.
//!
//! # Lifetime rules
//! * A frame object made for a running frame (`make_and_set`) is **not tracked** and points at
//!   the interpreter frame, which holds the only counted link to it (`frame_obj`).
//! * When that frame finishes (`_PyFrame_ClearExceptCode`) and the frame object is referenced
//!   elsewhere, the object takes the frame over (`take_ownership`): the contents move into its
//!   `_f_frame_data`, its `f_back` becomes the frame object of the first complete frame below,
//!   and it is tracked from then on. Otherwise the frame object dies with the frame.
//! * Only an owning frame object traverses and clears the frame's references
//!   (`frame_traverse`, `frame_tp_clear`) and releases them when it dies (`frame_dealloc`).
//!
//! What the VM must do: link frames with `previous` while they run (so `f_back` and
//! `take_ownership` find the caller), clear every finished frame through the data stack's
//! `pop` or the generator's own clearing (never drop a frame's memory otherwise), keep
//! `prev_instr` current at each call and at each point a frame object can be observed, and
//! fill `f_locals`/`f_lineno`/`f_trace` for `frame.f_locals`, tracing and `frame.f_lineno`.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::code::{self, Code};
use crate::types::fields::RefField;
use crate::types::frame::{InterpreterFrame, LOCALSPLUS_OFFSET, OWNED_BY_FRAME_OBJECT};
use crate::types::unicode;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `struct _frame` without its frame data.
#[repr(C)]
pub struct PyFrameObject {
    ob_base: PyObject,
    f_back: RefField,
    f_frame: Cell<*const InterpreterFrame>,
    f_trace: RefField,
    f_lineno: Cell<i32>,
    f_trace_lines: Cell<u8>,
    f_trace_opcodes: Cell<u8>,
    f_fast_as_locals: Cell<u8>,
    _pad: u8,
}

/// `offsetof(PyFrameObject, _f_frame_data)`.
const FRAME_DATA_OFFSET: usize = 48;

const _: () = {
    assert!(size_of::<PyFrameObject>() == FRAME_DATA_OFFSET);
    assert!(core::mem::offset_of!(PyFrameObject, f_lineno) == 40);
};

/// `frame.__basicsize__`: 120.
pub const FRAME_BASICSIZE: usize = FRAME_DATA_OFFSET + LOCALSPLUS_OFFSET;

/// Whether `o` is a frame object (`PyFrame_Check`).
pub fn is_frame(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), FRAME_TYPE.get())
}

crate::view! {
    /// A frame object (`PyFrame_Check`).
    pub struct FrameObject: "frame" = is_frame;
}

fn slot_self(o: &PyObject) -> &FrameObject {
    // SAFETY: the frame type's slots are only called on frame objects (no subclasses).
    unsafe { FrameObject::cast_unchecked(o) }
}

fn header(f: &FrameObject) -> &PyFrameObject {
    // SAFETY: the view guarantees a frame object, which starts with a `PyFrameObject`.
    unsafe { &*ptr::from_ref(f).cast::<PyFrameObject>() }
}

/// The place of a frame object's own frame data.
fn own_data(f: &FrameObject) -> NonNull<InterpreterFrame> {
    let p = ptr::from_ref(f)
        .cast::<u8>()
        .wrapping_add(FRAME_DATA_OFFSET)
        .cast_mut();
    NonNull::new(p.cast()).unwrap_or(NonNull::dangling())
}

/// `_PyFrame_New_NoTrack(code)`: an untracked frame object with room for the code's slots,
/// not yet pointing at a frame.
fn new_no_track<'h>(heap: &'h Heap, code: &Code) -> PyResult<Obj<'h>> {
    let size = FRAME_BASICSIZE + 8 * code.frame_slots();
    let op = heap.alloc_object(FRAME_TYPE.get(), size)?;
    // SAFETY: a fresh frame object with the header `alloc_object` wrote; the frame data is
    // zeroed (no references) until a frame moves in.
    unsafe {
        op.cast::<PyFrameObject>().write(PyFrameObject {
            ob_base: PyObject::new(FRAME_TYPE.ptr()),
            f_back: RefField::new(None),
            f_frame: Cell::new(ptr::null()),
            f_trace: RefField::new(None),
            f_lineno: Cell::new(0),
            f_trace_lines: Cell::new(1),
            f_trace_opcodes: Cell::new(0),
            f_fast_as_locals: Cell::new(0),
            _pad: 0,
        });
        op.cast::<u8>()
            .add(FRAME_DATA_OFFSET)
            .write_bytes(0, size - FRAME_DATA_OFFSET);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `_PyFrame_MakeAndSetFrameObject`: a frame object for `frame`, which holds it from now on.
///
/// # Errors
/// `MemoryError`.
pub(crate) fn make_and_set<'h>(heap: &'h Heap, frame: &InterpreterFrame) -> PyResult<Obj<'h>> {
    let code = frame.code().ok_or_else(crate::view::bad_internal_call)?;
    let f = new_no_track(heap, code)?;
    if let Some(existing) = frame.frame_obj(heap) {
        // A collection run by the allocation made one already (GH-97002): keep that one.
        return Ok(existing);
    }
    retarget(f.object(), frame);
    frame.set_frame_obj(heap, Some(f.clone()));
    Ok(f)
}

/// Points frame object `f` at `frame` (a frame that holds `f`, or that `f` owns).
pub(crate) fn retarget(f: &PyObject, frame: &InterpreterFrame) {
    if let Some(f) = FrameObject::cast(f) {
        header(f).f_frame.set(ptr::from_ref(frame));
    }
}

/// `take_ownership`: frame object `f` takes the finished `frame` over — its contents move
/// into `f`'s frame data (the code gets a new reference, which `f` owns), `f.f_back` becomes
/// the frame object of the first complete frame below, and `f` is tracked.
pub(crate) fn take_ownership(heap: &Heap, f: &PyObject, frame: &InterpreterFrame) {
    let Some(fo) = FrameObject::cast(f) else {
        return;
    };
    let dest = own_data(fo);
    let prev = frame.previous().and_then(InterpreterFrame::first_complete);
    // SAFETY: the frame data of a frame object of this code has room for the frame; it holds
    // no references (a frame object owns at most one frame, and this one owned none).
    unsafe { frame.move_to(heap, dest, OWNED_BY_FRAME_OBJECT) };
    let h = header(fo);
    h.f_frame.set(dest.as_ptr());
    // SAFETY: the frame data was just written.
    let own = unsafe { dest.as_ref() };
    if own.is_incomplete()
        && let Some(c) = own.code()
    {
        own.set_lasti(c.firsttraceable() as isize);
    }
    // `move_to` took the frame object link along; an owned frame has none.
    drop(own.frame_obj(heap));
    own.set_frame_obj(heap, None);
    if let Some(prev) = prev
        && let Ok(back) = prev.frame_object(heap)
    {
        h.f_back.set(heap, Some(back));
    }
    if !heap.is_tracked(f) {
        // SAFETY: a whole frame object of this heap, now owning its frame.
        unsafe { heap.track(f) };
    }
}

impl FrameObject {
    /// The interpreter frame: the object's own, or the running frame that holds it.
    pub fn frame(&self) -> &InterpreterFrame {
        // SAFETY: `f_frame` is set when the object is made and points at a frame that holds
        // the object (and so outlives it) or at the object's own data (module docs).
        unsafe { &*header(self).f_frame.get() }
    }

    /// Whether the frame object owns its frame (the call finished).
    pub fn owns_frame(&self) -> bool {
        self.frame().owner() == OWNED_BY_FRAME_OBJECT
    }

    /// `PyFrame_GetBack`: `f_back`, or the frame object of the first complete frame below a
    /// running frame.
    ///
    /// # Errors
    /// `MemoryError` when that frame object cannot be made.
    pub fn back<'h>(&self, heap: &'h Heap) -> PyResult<Option<Obj<'h>>> {
        if let Some(b) = header(self).f_back.get(heap) {
            return Ok(Some(b));
        }
        match self
            .frame()
            .previous()
            .and_then(InterpreterFrame::first_complete)
        {
            Some(prev) => prev.frame_object(heap).map(Some),
            None => Ok(None),
        }
    }

    /// `PyFrame_GetLineNumber`: `f_lineno` when set, else the line of the last instruction.
    pub fn lineno(&self) -> i32 {
        match header(self).f_lineno.get() {
            0 => self
                .frame()
                .code()
                .map_or(-1, |c| code::addr2line(c, self.frame().lasti())),
            n => n,
        }
    }

    /// Sets `f_lineno` (the VM's tracing).
    pub fn set_lineno(&self, n: i32) {
        header(self).f_lineno.set(n);
    }

    /// `f_trace`.
    pub fn trace<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).f_trace.get(heap)
    }

    /// Sets `f_trace`.
    pub fn set_trace<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) {
        header(self).f_trace.set(heap, value);
    }
}

/// `frame_sizeof`: 120 + 8 × the code's slots.
fn frame_sizeof(o: &PyObject) -> usize {
    FRAME_BASICSIZE + 8 * slot_self(o).frame().code().map_or(0, Code::frame_slots)
}

/// `frame_repr`: `<frame at 0x..., file 'x.py', line 3, code f>`.
fn frame_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let f = slot_self(o);
    let Some(code) = f.frame().code() else {
        return Ok(format!("<frame at {:#x}>", ptr::from_ref(o).addr()));
    };
    Ok(format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        ptr::from_ref(o).addr(),
        crate::abstract_::repr(heap, code.filename())?,
        f.lineno(),
        unicode::str_value(code.name())
    ))
}

/// `frame_traverse`: `f_back`, `f_trace`, then the frame when owned.
fn frame_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let f = slot_self(o);
    header(f).f_back.visit(visit);
    header(f).f_trace.visit(visit);
    if f.owns_frame() {
        f.frame().traverse(visit);
    }
}

/// `frame_tp_clear`: `f_trace`, then the owned frame's slots.
fn frame_clear(heap: &Heap, o: &PyObject) {
    let f = slot_self(o);
    header(f).f_trace.clear(heap);
    if f.owns_frame() {
        let frame = f.frame();
        let top = frame.stacktop().min(frame.slots().len());
        for slot in &frame.slots()[..top] {
            slot.clear(heap);
        }
    }
}

/// `frame_dealloc`: an owned frame's references (the code last, after the memory), then
/// `f_back` and `f_trace`.
unsafe fn frame_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead frame object of this heap (untracked by the heap); an owned frame's
    // references are released once, the code after the object's memory.
    unsafe {
        let f = FrameObject::cast_unchecked(op.as_ref());
        let mut code = None;
        if !header(f).f_frame.get().is_null() && f.owns_frame() {
            let frame = f.frame();
            code = frame.code_obj(heap);
            frame.clear_except_code(heap);
            frame.release_code(heap);
        }
        header(f).f_back.clear(heap);
        header(f).f_trace.clear(heap);
        heap.free_object(op, FRAME_TYPE.get());
        drop(code);
    }
}

static FRAME_MEMBERS: [Member; 7] = [
    crate::types::frame_attrs::F_LOCALS,
    crate::types::frame_attrs::F_GLOBALS,
    crate::types::frame_attrs::F_BUILTINS,
    Member {
        name: "f_code",
        get: |h, o| Ok(slot_self(o).frame().code_obj(h).unwrap_or_else(|| none(h))),
    },
    Member {
        name: "f_back",
        get: |h, o| Ok(slot_self(o).back(h)?.unwrap_or_else(|| none(h))),
    },
    Member {
        name: "f_lineno",
        get: |h, o| crate::types::long::int_from_i64(h, i64::from(slot_self(o).lineno())),
    },
    Member {
        name: "f_lasti",
        get: |h, o| {
            let lasti = slot_self(o).frame().lasti();
            crate::types::long::int_from_i64(h, if lasti < 0 { -1 } else { lasti as i64 * 2 })
        },
    },
];

static FRAME_SLOTS: Slots = Slots {
    dealloc: frame_dealloc,
    sizeof: Some(frame_sizeof),
    repr: frame_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(frame_traverse),
    clear: Some(frame_clear),
    members: &FRAME_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `frame`: `__basicsize__` 120, `__itemsize__` 8, a GC type.
pub static FRAME_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "frame",
        basicsize: FRAME_BASICSIZE,
        itemsize: 8,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &FRAME_SLOTS,
    },
);
