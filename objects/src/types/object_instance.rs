//! Plain `object()` instances (`Objects/typeobject.c`'s `object_new` and `object_dealloc`):
//! a bare 16-byte `PyObject` header from pymalloc, not a GC object, with no attributes of its
//! own (`object().x = 1` is an `AttributeError`), hashed and compared by identity.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::types::OBJECT_TYPE;

/// `object()`: a new, featureless object.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_object(heap: &Heap) -> PyResult<Obj<'_>> {
    let op = heap.alloc_object(OBJECT_TYPE.get(), size_of::<PyObject>())?;
    // SAFETY: a fresh object with its header written, owned by the caller.
    Ok(unsafe { Obj::from_owned(heap, op) })
}

/// `object_dealloc`: gives the 16 bytes back.
///
/// # Safety
/// `op` is a dead object of exact type `object` made by [`new_object`] on `heap`.
pub(crate) unsafe fn object_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: per the contract, `op` is a dead `object` of this heap with nothing to release.
    unsafe { heap.free_object(op, OBJECT_TYPE.get()) };
}
