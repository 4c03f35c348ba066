//! Reference fields of object layouts: a `PyObject *` member that owns one reference or is
//! NULL, with CPython's macros as methods (`Py_NewRef` on read, `Py_XSETREF`, `Py_CLEAR`,
//! `Py_VISIT`).
//!
//! The VM's objects (code, cells, functions, methods, modules, frames, generators, iterators)
//! are mostly such fields. A [`RefField`] is written only through its methods, which take an
//! owned [`Obj`] in and give owned ones out, so the field always holds either nothing or one
//! counted reference to a live object: reading it as a new reference is then safe.
//!
//! The old value of a replaced or cleared field is released *after* the field is updated, as
//! `Py_XSETREF` and `Py_CLEAR` do, so a finalizer run by that release never sees a dangling
//! field.

use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::ObjPtr;
use core::cell::Cell;

/// A `PyObject *` field that owns its reference (or is NULL).
#[repr(transparent)]
pub struct RefField(Cell<Option<ObjPtr>>);

const _: () = assert!(size_of::<RefField>() == 8);

impl RefField {
    /// A field holding `value` (the field takes over the reference).
    #[inline]
    pub fn new(value: Option<Obj<'_>>) -> RefField {
        RefField(Cell::new(value.map(Obj::into_ptr)))
    }

    /// The object's address, without a new reference (for identity tests and traversal).
    #[inline]
    pub fn ptr(&self) -> Option<ObjPtr> {
        self.0.get()
    }

    /// Whether the field is NULL.
    #[inline]
    pub fn is_null(&self) -> bool {
        self.0.get().is_none()
    }

    /// A new reference to the object (`Py_XNewRef`).
    #[inline]
    pub fn get<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        // SAFETY: the field owns a reference to a live object of the heap its owner lives in.
        self.0
            .get()
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
    }

    /// Stores `value` and releases the old object afterwards (`Py_XSETREF`).
    #[inline]
    pub fn set<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) {
        let old = self.0.replace(value.map(Obj::into_ptr));
        if let Some(old) = old {
            // SAFETY: the field owned this reference; it is no longer stored anywhere.
            unsafe { heap.decref(old) };
        }
    }

    /// Stores `value` into a field known to be NULL: a plain write, with no old value to load
    /// and release (the value stack's `PUSH`, whose slot at `stacktop` is always empty).
    ///
    /// The field must be NULL (checked by `debug_assert!`); were it not, its reference would
    /// leak (never a dangling pointer: nothing is freed).
    #[inline(always)]
    pub fn set_empty<'h>(&self, value: Option<Obj<'h>>) {
        debug_assert!(self.is_null(), "set_empty on a field holding a value");
        self.0.set(value.map(Obj::into_ptr));
    }

    /// Swaps the contents of two fields (no reference changes hands).
    #[inline(always)]
    pub fn swap(&self, other: &RefField) {
        self.0.swap(&other.0);
    }

    /// Empties the field and gives its reference to the caller.
    #[inline]
    pub fn take<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        // SAFETY: the field owned this reference, which moves to the caller.
        self.0.take().map(|p| unsafe { Obj::from_owned(heap, p) })
    }

    /// Empties the field and releases the object (`Py_CLEAR`).
    #[inline]
    pub fn clear(&self, heap: &Heap) {
        drop(self.take(heap));
    }

    /// Calls `visit` with the object if there is one (`Py_VISIT`).
    #[inline]
    pub fn visit(&self, visit: &mut dyn FnMut(ObjPtr)) {
        if let Some(p) = self.0.get() {
            visit(p);
        }
    }
}
