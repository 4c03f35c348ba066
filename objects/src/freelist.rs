//! Free lists of dead objects kept for reuse (`Include/internal/pycore_floatobject.h` and its
//! siblings). A free list chains its objects through their `ob_type` field, as CPython's float
//! free list does; an object taken from it gets its type pointer and one reference back.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::object::{ObjPtr, PyObject};
use crate::typeobj::PyTypeObject;

/// A LIFO list of dead objects of one type, at most `limit` long.
pub struct FreeList {
    head: Cell<Option<ObjPtr>>,
    len: Cell<usize>,
    limit: usize,
}

impl FreeList {
    pub(crate) const fn new(limit: usize) -> Self {
        FreeList {
            head: Cell::new(None),
            len: Cell::new(0),
            limit,
        }
    }

    /// Objects on the list (what `sys._debugmallocstats()` reports as free objects).
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// Keeps a dead object for reuse; `false` when the list is full (the caller frees it).
    ///
    /// # Safety
    /// `op` must be a dead object whose memory stays allocated while it is on the list.
    pub(crate) unsafe fn push(&self, op: ObjPtr) -> bool {
        if self.len.get() >= self.limit {
            return false;
        }
        let next = self
            .head
            .get()
            .map_or(NonNull::dangling(), |n| n.cast::<PyTypeObject>());
        // SAFETY: dead object (caller): its type field is free for the link.
        unsafe { op.as_ref() }.set_type_ptr(next);
        self.head.set(Some(op));
        self.len.set(self.len.get() + 1);
        true
    }

    /// Takes an object back, revived with type `ty` and one reference.
    pub(crate) fn pop(&self, ty: NonNull<PyTypeObject>) -> Option<ObjPtr> {
        let op = self.head.get()?;
        let n = self.len.get() - 1;
        // SAFETY: listed objects keep their memory; their type field holds the link.
        let next = unsafe { op.as_ref() }.type_ptr();
        self.head.set(if n == 0 {
            None
        } else {
            Some(next.cast::<PyObject>())
        });
        self.len.set(n);
        // SAFETY: the memory is still an allocated object body of the right size.
        unsafe { op.write(PyObject::new(ty)) };
        Some(op)
    }

    /// Calls `f` on every listed object and empties the list (to free them).
    pub(crate) fn drain(&self, mut f: impl FnMut(ObjPtr)) {
        while self.len.get() > 0 {
            let op = self.head.get().expect("a non-empty free list has a head");
            // SAFETY: listed objects keep their memory; their type field holds the link.
            let next = unsafe { op.as_ref() }.type_ptr();
            self.len.set(self.len.get() - 1);
            self.head
                .set((self.len.get() > 0).then(|| next.cast::<PyObject>()));
            f(op);
        }
    }
}
