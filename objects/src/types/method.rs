//! `method` (`Objects/classobject.c`): a bound method, `PyMethodObject` — `im_func`,
//! `im_self`, `im_weakreflist` and the `vectorcall` word — 48 bytes and a GC type, so
//! `sys.getsizeof` is 64.
//!
//! Two bound methods are equal when their `__self__` is the same object and their functions
//! are equal; the hash mixes the identity of `__self__` with the function's hash, as
//! `method_richcompare` and `method_hash` do. A method has no `tp_clear` in CPython: its
//! references go with the cycle through its other members.

use core::cell::Cell;
use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `PyMethodObject`.
#[repr(C)]
pub struct PyMethodObject {
    ob_base: PyObject,
    im_func: RefField,
    im_self: RefField,
    im_weakreflist: Cell<Option<ObjPtr>>,
    /// `vectorcall`: opaque to the object layer.
    vectorcall: Cell<usize>,
}

const _: () = {
    assert!(size_of::<PyMethodObject>() == 48);
    assert!(core::mem::offset_of!(PyMethodObject, im_weakreflist) == 32);
};

/// Whether `o` is a bound method (`PyMethod_Check`).
pub fn is_method(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), METHOD_TYPE.get())
}

crate::view! {
    /// A bound method (`PyMethod_Check`).
    pub struct Method: "method" = is_method;
}

fn slot_self(o: &PyObject) -> &Method {
    // SAFETY: the method type's slots are only called on bound methods (no subclasses).
    unsafe { Method::cast_unchecked(o) }
}

fn header(m: &Method) -> &PyMethodObject {
    // SAFETY: the view guarantees a bound method, which starts with a `PyMethodObject`.
    unsafe { &*ptr::from_ref(m).cast::<PyMethodObject>() }
}

/// `PyMethod_New(func, self)`: a tracked bound method.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_method<'h>(heap: &'h Heap, func: Obj<'h>, self_: Obj<'h>) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(METHOD_TYPE.get(), size_of::<PyMethodObject>())?;
    // SAFETY: a fresh method body with the header `alloc_object` wrote; complete before it is
    // tracked.
    unsafe {
        op.cast::<PyMethodObject>().write(PyMethodObject {
            ob_base: PyObject::new(METHOD_TYPE.ptr()),
            im_func: RefField::new(Some(func)),
            im_self: RefField::new(Some(self_)),
            im_weakreflist: Cell::new(None),
            vectorcall: Cell::new(0),
        });
        let m = Obj::from_owned(heap, op);
        heap.track(m.object());
        Ok(m)
    }
}

impl Method {
    /// `__func__`.
    pub fn func<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self).im_func.get(heap).unwrap_or_else(|| none(heap))
    }

    /// `__self__`.
    pub fn self_<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self).im_self.get(heap).unwrap_or_else(|| none(heap))
    }

    /// The `vectorcall` word.
    pub fn vectorcall(&self) -> usize {
        header(self).vectorcall.get()
    }

    /// Sets the `vectorcall` word.
    pub fn set_vectorcall(&self, v: usize) {
        header(self).vectorcall.set(v);
    }
}

/// The function's `__qualname__`, else `__name__`, if it is a str (`method_repr`).
fn func_name(heap: &Heap, func: &PyObject) -> Option<String> {
    let text = |o: Obj<'_>| Str::cast(o.object()).map(unicode::str_value);
    if let Some(f) = crate::types::function::Function::cast(func) {
        return text(f.qualname(heap));
    }
    crate::abstract_::getattr(heap, func, "__qualname__")
        .or_else(|_| crate::abstract_::getattr(heap, func, "__name__"))
        .ok()
        .and_then(text)
}

/// `method_repr`: `<bound method C.f of <C object at 0x...>>`.
fn method_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let m = slot_self(o);
    let func = m.func(heap);
    let name = func_name(heap, func.object()).unwrap_or_else(|| "?".into());
    let me = m.self_(heap);
    let self_repr = crate::abstract_::repr(heap, me.object())?;
    Ok(format!("<bound method {name} of {self_repr}>"))
}

/// `method_hash`: `hash(id(self)) ^ hash(func)`, -1 made -2.
fn method_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let m = slot_self(o);
    let me = m.self_(heap);
    let x = crate::types::identity_hash(heap, me.object())?;
    let y = crate::abstract_::hash(heap, m.func(heap).object())?;
    Ok(match x ^ y {
        -1 => -2,
        h => h,
    })
}

/// `method_richcompare`: `==`/`!=` only, same `__self__` and equal functions.
fn method_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let Some(b) = Method::cast(b).filter(|_| matches!(op, CompareOp::Eq | CompareOp::Ne)) else {
        return Ok(None);
    };
    let a = slot_self(a);
    let mut eq = a.self_(heap).is(&b.self_(heap));
    if eq {
        let (f, g) = (a.func(heap), b.func(heap));
        eq = crate::abstract_::compare_bool(heap, f.object(), g.object(), CompareOp::Eq)?;
    }
    Ok(Some(crate::types::long::new_bool(
        heap,
        eq == (op == CompareOp::Eq),
    )))
}

/// `method_traverse`: the function, then `__self__`.
fn method_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let m = header(slot_self(o));
    m.im_func.visit(visit);
    m.im_self.visit(visit);
}

/// `method_dealloc`: the weak references, the function, `__self__`, the memory.
unsafe fn method_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead bound method of this heap (untracked by the heap).
    unsafe {
        let m = &*op.cast::<PyMethodObject>().as_ptr();
        if m.im_weakreflist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        }
        m.im_func.clear(heap);
        m.im_self.clear(heap);
        heap.free_object(op, METHOD_TYPE.get());
    }
}

static METHOD_MEMBERS: [Member; 2] = [
    Member {
        name: "__func__",
        get: |h, o| Ok(slot_self(o).func(h)),
    },
    Member {
        name: "__self__",
        get: |h, o| Ok(slot_self(o).self_(h)),
    },
];

static METHOD_SLOTS: Slots = Slots {
    dealloc: method_dealloc,
    sizeof: None,
    repr: method_repr,
    str: None,
    hash: Some(method_hash),
    richcompare: Some(method_richcompare),
    number: None,
    sequence: None,
    traverse: Some(method_traverse),
    clear: None,
    members: &METHOD_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `method`: 48 bytes, a GC type, weak references at 32.
pub static METHOD_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "method",
        basicsize: size_of::<PyMethodObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &METHOD_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyMethodObject, im_weakreflist));
