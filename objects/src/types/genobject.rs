//! `generator` (`Objects/genobject.c`, `_PyGenObject_HEAD` in `Include/cpython/genobject.h`):
//! the 3.12 `PyGenObject` with its `_PyInterpreterFrame` embedded.
//!
//! ```text
//!  16 gi_weakreflist   24 gi_name   32 gi_qualname   40 gi_exc_state (exc_value, previous_item)
//!  56 gi_origin_or_finalizer   64 gi_hooks_inited, gi_closed, gi_running_async, gi_frame_state
//!  72 gi_iframe: the frame (72 bytes of specials), then its co_nlocalsplus + co_stacksize slots
//! ```
//!
//! `__basicsize__` is 144 (`offsetof(gi_iframe) + offsetof(localsplus)`), `__itemsize__` 8, and
//! `gen_sizeof` is `144 + 8 × slots`: `sys.getsizeof(x*x for x in range(1000))` is 200 (2 locals,
//! a stack of 3, plus the GC header). As for frames, the header is a plain `PyObject`.
//!
//! A generator is made by the VM's `RETURN_GENERATOR` from the frame of the call
//! ([`new_generator`]): the frame's contents move into the generator (`_PyFrame_Copy`) and the
//! stack frame is given back. The frame states are CPython's (`FRAME_CREATED` -2 …
//! `FRAME_CLEARED` 4); the VM resumes the frame and sets the state.
//!
//! Finalization (`_PyGen_Finalize`): a generator that never started is simply marked
//! completed; a suspended one must run `close()` (throwing `GeneratorExit` into its frame, so
//! `finally` blocks run), which only the VM can do: the object layer calls
//! [`RuntimeHooks::gen_close`](crate::hooks::RuntimeHooks::gen_close). Then deallocation clears
//! the frame (`_PyFrame_ClearExceptCode`), and releases the code, the names and the exception
//! state. Generators have no `tp_clear`; their traversal visits the names, the frame while it
//! is not cleared, and the saved exception.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::code::Code;
use crate::types::datastack::{DataStack, StackFrame};
use crate::types::fields::RefField;
use crate::types::frame::{InterpreterFrame, LOCALSPLUS_OFFSET, OWNED_BY_GENERATOR};
use crate::types::function::Function;
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `FRAME_CREATED`: made, not started.
pub const FRAME_CREATED: i8 = -2;
/// `FRAME_SUSPENDED`: stopped at a `yield`.
pub const FRAME_SUSPENDED: i8 = -1;
/// `FRAME_EXECUTING`.
pub const FRAME_EXECUTING: i8 = 0;
/// `FRAME_COMPLETED`.
pub const FRAME_COMPLETED: i8 = 1;
/// `FRAME_CLEARED`: the frame's references are gone.
pub const FRAME_CLEARED: i8 = 4;

/// `PyGenObject` up to its frame.
#[repr(C)]
pub struct PyGenObject {
    ob_base: PyObject,
    gi_weakreflist: Cell<Option<ObjPtr>>,
    gi_name: RefField,
    gi_qualname: RefField,
    /// `gi_exc_state.exc_value`.
    exc_value: RefField,
    /// `gi_exc_state.previous_item`: the VM's link while the generator runs.
    exc_previous_item: Cell<Option<ObjPtr>>,
    gi_origin_or_finalizer: RefField,
    gi_hooks_inited: Cell<u8>,
    gi_closed: Cell<u8>,
    gi_running_async: Cell<u8>,
    gi_frame_state: Cell<i8>,
    _pad: u32,
}

/// `offsetof(PyGenObject, gi_iframe)`.
const IFRAME_OFFSET: usize = 72;

const _: () = {
    assert!(size_of::<PyGenObject>() == IFRAME_OFFSET);
    assert!(core::mem::offset_of!(PyGenObject, gi_frame_state) == 67);
};

/// `generator.__basicsize__`: 144.
pub const GEN_BASICSIZE: usize = IFRAME_OFFSET + LOCALSPLUS_OFFSET;

/// Whether `o` is a generator (`PyGen_Check`).
pub fn is_generator(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), GEN_TYPE.get())
}

crate::view! {
    /// A generator (`PyGen_Check`).
    pub struct Generator: "generator" = is_generator;
}

fn slot_self(o: &PyObject) -> &Generator {
    // SAFETY: the generator type's slots are only called on generators (no subclasses).
    unsafe { Generator::cast_unchecked(o) }
}

fn header(g: &Generator) -> &PyGenObject {
    // SAFETY: the view guarantees a generator, which starts with a `PyGenObject`.
    unsafe { &*ptr::from_ref(g).cast::<PyGenObject>() }
}

/// `RETURN_GENERATOR`: a generator for the function running in `frame`, the top frame of
/// `stack` (`_Py_MakeCoro`, then `_PyFrame_Copy` into it, owner and state set, the stack frame
/// given back). The generator has the function's name and qualified name.
///
/// # Errors
/// `SystemError` when `frame` has no function or is not the top frame (the frame is left on
/// the stack then... and given back), `MemoryError`.
pub fn new_generator<'h>(
    heap: &'h Heap,
    stack: &DataStack<'h>,
    frame: StackFrame<'_>,
) -> PyResult<Obj<'h>> {
    let f = frame.frame();
    let func = f.funcobj(heap).ok_or_else(crate::view::bad_internal_call)?;
    let func = Function::cast_internal(func.object())?;
    let code = f.code().ok_or_else(crate::view::bad_internal_call)?;
    if stack.top_frame().is_none_or(|t| !ptr::eq(t, f)) {
        return Err(crate::view::bad_internal_call());
    }
    let slots = code.frame_slots();
    let op = heap.alloc_object(GEN_TYPE.get(), GEN_BASICSIZE + 8 * slots)?;
    // SAFETY: a fresh generator with the header `alloc_object` wrote; the frame moves in
    // before the generator is tracked.
    unsafe {
        op.cast::<PyGenObject>().write(PyGenObject {
            ob_base: PyObject::new(GEN_TYPE.ptr()),
            gi_weakreflist: Cell::new(None),
            gi_name: RefField::new(Some(func.name(heap))),
            gi_qualname: RefField::new(Some(func.qualname(heap))),
            exc_value: RefField::new(None),
            exc_previous_item: Cell::new(None),
            gi_origin_or_finalizer: RefField::new(None),
            gi_hooks_inited: Cell::new(0),
            gi_closed: Cell::new(0),
            gi_running_async: Cell::new(0),
            gi_frame_state: Cell::new(FRAME_CREATED),
            _pad: 0,
        });
        let dest = op
            .cast::<u8>()
            .add(IFRAME_OFFSET)
            .cast::<InterpreterFrame>();
        f.move_to(heap, dest, OWNED_BY_GENERATOR);
        let g = Obj::from_owned(heap, op);
        // The stack frame kept only its code: release it and give the words back.
        f.release_code(heap);
        let _ = stack.pop_moved(frame);
        heap.track(g.object());
        Ok(g)
    }
}

impl Generator {
    /// The embedded frame (`gi_iframe`). Its code stays until the generator dies, even once
    /// the frame is cleared.
    pub fn frame(&self) -> &InterpreterFrame {
        // SAFETY: a generator's frame follows its header for its whole life (`new_generator`).
        unsafe {
            &*ptr::from_ref(self)
                .cast::<u8>()
                .add(IFRAME_OFFSET)
                .cast::<InterpreterFrame>()
        }
    }

    /// The frame's address, for the VM's `previous` links while it runs the generator.
    pub fn frame_ptr(&self) -> NonNull<InterpreterFrame> {
        NonNull::from(self.frame())
    }

    /// `gi_frame_state`.
    pub fn frame_state(&self) -> i8 {
        header(self).gi_frame_state.get()
    }

    /// Sets `gi_frame_state` (the VM, as it starts, suspends and finishes the generator).
    /// Setting `FRAME_CLEARED` clears the frame first.
    pub fn set_frame_state(&self, heap: &Heap, state: i8) {
        if state == FRAME_CLEARED && self.frame_state() < FRAME_CLEARED {
            self.clear_frame(heap);
            return;
        }
        header(self).gi_frame_state.set(state);
    }

    /// Marks the generator cleared and clears its frame, keeping the code.
    fn clear_frame(&self, heap: &Heap) {
        header(self).gi_frame_state.set(FRAME_CLEARED);
        let frame = self.frame();
        // SAFETY: unlinking is always allowed.
        unsafe { frame.set_previous(None) };
        frame.clear_except_code(heap);
    }

    /// `gi_name`.
    pub fn name<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self).gi_name.get(heap).unwrap_or_else(|| none(heap))
    }

    /// `gi_qualname`.
    pub fn qualname<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self)
            .gi_qualname
            .get(heap)
            .unwrap_or_else(|| none(heap))
    }

    /// `gen.__name__ = value`.
    ///
    /// # Errors
    /// `TypeError: __name__ must be set to a string object`.
    pub fn set_name<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        if Str::cast(value.object()).is_none() {
            return Err(crate::PyErr::type_error(
                "__name__ must be set to a string object",
            ));
        }
        header(self).gi_name.set(heap, Some(value));
        Ok(())
    }

    /// `gi_exc_state.exc_value`: the exception being handled while suspended.
    pub fn exc_value<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).exc_value.get(heap)
    }

    /// Sets `gi_exc_state.exc_value`.
    pub fn set_exc_value<'h>(&self, heap: &'h Heap, v: Option<Obj<'h>>) {
        header(self).exc_value.set(heap, v);
    }

    /// Replaces the handled exception of the generator's caller, which the VM keeps in
    /// `gi_exc_state.previous_item` while an inline generator's frame runs (CPython links the
    /// caller's `_PyErr_StackItem` there); gives the one it held. The generator owns the
    /// reference it holds (released by its deallocation, should one be left).
    #[inline(always)]
    pub fn replace_caller_exc<'h>(&self, heap: &'h Heap, v: Option<Obj<'h>>) -> Option<Obj<'h>> {
        let old = header(self).exc_previous_item.replace(v.map(Obj::into_ptr));
        // SAFETY: the field holds only owned references this function stored.
        old.map(|p| unsafe { Obj::from_owned(heap, p) })
    }

    /// The generator whose embedded frame is `frame` (`_PyFrame_GetGenerator`), when `frame`
    /// is owned by a generator.
    #[inline(always)]
    pub fn of_frame(frame: &InterpreterFrame) -> Option<&Generator> {
        if frame.owner() != OWNED_BY_GENERATOR {
            return None;
        }
        // SAFETY: a frame owned by a generator is only ever the frame embedded in a generator
        // (`new_generator` is the one place that gives a frame that owner), at
        // `IFRAME_OFFSET` past the generator's header, which lives as long as its frame.
        let o = unsafe {
            &*ptr::from_ref(frame)
                .cast::<u8>()
                .sub(IFRAME_OFFSET)
                .cast::<PyObject>()
        };
        Generator::cast(o)
    }

    /// `gi_code`.
    pub fn code<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        self.frame().code_obj(heap)
    }
}

/// `_PyGen_Finalize`: nothing for a finished generator; a created one is marked completed
/// (`gen_close` runs no code then); a suspended one is closed by the VM through the hooks.
pub(crate) fn finalize(heap: &Heap, o: &PyObject) {
    let Some(g) = Generator::cast(o) else {
        return;
    };
    match g.frame_state() {
        FRAME_CREATED => header(g).gi_frame_state.set(FRAME_COMPLETED),
        s if s < FRAME_COMPLETED => {
            heap.call_hooks(|h| h.gen_close(o));
        }
        _ => {}
    }
}

/// `gen_sizeof`: 144 + 8 × the code's slots.
fn gen_sizeof(o: &PyObject) -> usize {
    GEN_BASICSIZE + 8 * slot_self(o).frame().code().map_or(0, Code::frame_slots)
}

/// `gen_repr`: `<generator object f.<locals>.<genexpr> at 0x...>`.
fn gen_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let q = slot_self(o).qualname(heap);
    let name = Str::cast(q.object()).map_or_else(String::new, unicode::str_value);
    Ok(format!(
        "<generator object {name} at {:#x}>",
        ptr::from_ref(o).addr()
    ))
}

/// `gen_traverse`: the names, the frame unless cleared, the saved exception.
fn gen_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let g = slot_self(o);
    header(g).gi_name.visit(visit);
    header(g).gi_qualname.visit(visit);
    if g.frame_state() < FRAME_CLEARED {
        g.frame().traverse(visit);
    }
    header(g).exc_value.visit(visit);
}

/// `gen_dealloc`: weak references, the finalizer (which may resurrect), the frame, then the
/// code, the names and the exception state.
unsafe fn gen_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead generator of this heap (untracked by the heap), whole until freed.
    unsafe {
        let o = op.as_ref();
        let g = Generator::cast_unchecked(o);
        if header(g).gi_weakreflist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, o);
        }
        if !heap.call_finalizer_from_dealloc(o) {
            return;
        }
        if g.frame_state() < FRAME_CLEARED {
            g.clear_frame(heap);
        }
        let h = header(g);
        g.frame().release_code(heap);
        h.gi_origin_or_finalizer.clear(heap);
        h.gi_name.clear(heap);
        h.gi_qualname.clear(heap);
        h.exc_value.clear(heap);
        drop(g.replace_caller_exc(heap, None));
        heap.free_object(op, GEN_TYPE.get());
    }
}

static GEN_MEMBERS: [Member; 7] = [
    crate::types::gen_attrs::GI_FRAME,
    crate::types::gen_attrs::GI_SUSPENDED,
    crate::types::gen_attrs::GI_YIELDFROM,
    Member {
        name: "__name__",
        get: |h, o| Ok(slot_self(o).name(h)),
    },
    Member {
        name: "__qualname__",
        get: |h, o| Ok(slot_self(o).qualname(h)),
    },
    Member {
        name: "gi_code",
        get: |h, o| Ok(slot_self(o).code(h).unwrap_or_else(|| none(h))),
    },
    Member {
        name: "gi_running",
        get: |h, o| {
            Ok(crate::types::long::new_bool(
                h,
                slot_self(o).frame_state() == FRAME_EXECUTING,
            ))
        },
    },
];

static GEN_SLOTS: Slots = Slots {
    dealloc: gen_dealloc,
    sizeof: Some(gen_sizeof),
    repr: gen_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(gen_traverse),
    clear: None,
    members: &GEN_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `generator`: `__basicsize__` 144, `__itemsize__` 8, a GC type, weak references at 16.
pub static GEN_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "generator",
        basicsize: GEN_BASICSIZE,
        itemsize: 8,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &GEN_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyGenObject, gi_weakreflist));
