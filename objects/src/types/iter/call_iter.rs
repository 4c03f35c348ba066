//! `callable_iterator` (`PyCallIter_Type`, `Objects/iterobject.c`): what `iter(callable,
//! sentinel)` makes: each step calls `callable()` until it returns a value equal to the
//! sentinel (or raises `StopIteration`). 32 bytes (`it_callable`, `it_sentinel`), a GC type.

use core::ptr;

use crate::abstract_;
use crate::error::{ExcKind, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `calliterobject`.
#[repr(C)]
pub struct CallIterObject {
    ob_base: PyObject,
    it_callable: RefField,
    it_sentinel: RefField,
}

const _: () = assert!(size_of::<CallIterObject>() == 32);

fn is_call_iter(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), CALL_ITER_TYPE.get())
}

crate::view! {
    /// A `callable_iterator`.
    pub struct CallIter: "callable_iterator" = is_call_iter;
}

fn header(c: &CallIter) -> &CallIterObject {
    // SAFETY: the view guarantees a `callable_iterator`.
    unsafe { &*ptr::from_ref(c).cast::<CallIterObject>() }
}

/// `PyCallIter_New(callable, sentinel)` (the caller checked that `callable` is callable).
///
/// # Errors
/// `MemoryError`.
pub fn new_call_iter<'h>(
    heap: &'h Heap,
    callable: Obj<'h>,
    sentinel: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(CALL_ITER_TYPE.get(), size_of::<CallIterObject>())?;
    // SAFETY: a fresh allocation of a `CallIterObject`, written whole before it is tracked.
    unsafe {
        op.cast::<CallIterObject>().write(CallIterObject {
            ob_base: PyObject::new(CALL_ITER_TYPE.ptr()),
            it_callable: RefField::new(Some(callable)),
            it_sentinel: RefField::new(Some(sentinel)),
        });
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

/// `calliter_iternext`: `callable()`, the end when it equals the sentinel or raises
/// `StopIteration` (both references are then dropped).
pub(crate) fn call_iter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(c) = CallIter::cast(o) else {
        return Ok(None);
    };
    let h = header(c);
    let (Some(callable), Some(sentinel)) = (h.it_callable.get(heap), h.it_sentinel.get(heap))
    else {
        return Ok(None);
    };
    let finish = || {
        h.it_callable.clear(heap);
        h.it_sentinel.clear(heap);
    };
    match abstract_::call_object(heap, callable.object(), &[]) {
        Ok(v) => {
            if abstract_::compare_bool(heap, v.object(), sentinel.object(), CompareOp::Eq)? {
                finish();
                return Ok(None);
            }
            Ok(Some(v))
        }
        Err(e) if e.kind() == ExcKind::StopIteration => {
            finish();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

unsafe fn call_iter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead `callable_iterator` of this heap (untracked by the heap).
    unsafe {
        let c = &*op.cast::<CallIterObject>().as_ptr();
        c.it_callable.clear(heap);
        c.it_sentinel.clear(heap);
        heap.free_object(op, CALL_ITER_TYPE.get());
    }
}

fn call_iter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(c) = CallIter::cast(o) {
        let h = header(c);
        h.it_callable.visit(visit);
        h.it_sentinel.visit(visit);
    }
}

static CALL_ITER_SLOTS: Slots = Slots {
    dealloc: call_iter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(call_iter_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `callable_iterator`: 32 bytes, GC.
pub static CALL_ITER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "callable_iterator",
        basicsize: size_of::<CallIterObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &CALL_ITER_SLOTS,
    },
);
