//! [`Obj`]: an owned reference to an object. Cloning increments the refcount, dropping
//! decrements it at once (and deallocates at zero), like `Py_NewRef`/`Py_DECREF` paired by
//! Rust's ownership.

use core::fmt;
use core::ptr::NonNull;

use crate::heap::Heap;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::PyTypeObject;

/// A strong reference to an object of `heap`.
pub struct Obj<'h> {
    ptr: ObjPtr,
    heap: &'h Heap,
}

impl<'h> Obj<'h> {
    /// Takes ownership of one reference to `ptr`.
    ///
    /// # Safety
    /// `ptr` must be a live object of `heap`, and the caller must own the reference it hands
    /// over.
    #[inline]
    pub unsafe fn from_owned(heap: &'h Heap, ptr: ObjPtr) -> Self {
        Obj { ptr, heap }
    }

    /// A new reference to a borrowed object.
    ///
    /// # Safety
    /// `obj` must be a live object of `heap`.
    #[inline]
    pub unsafe fn from_borrowed(heap: &'h Heap, obj: &PyObject) -> Self {
        obj.incref();
        Obj {
            ptr: NonNull::from(obj),
            heap,
        }
    }

    /// The heap the object lives on.
    #[inline]
    pub fn heap(&self) -> &'h Heap {
        self.heap
    }

    /// The object's address (`id()`).
    #[inline]
    pub fn as_ptr(&self) -> ObjPtr {
        self.ptr
    }

    /// The object's type.
    #[inline]
    pub fn ob_type(&self) -> &PyTypeObject {
        self.object().ob_type()
    }

    /// The object header.
    #[inline]
    pub fn object(&self) -> &PyObject {
        // SAFETY: we hold a reference, so the object is live.
        unsafe { self.ptr.as_ref() }
    }

    /// Whether both are the same object (`is`).
    #[inline]
    pub fn is(&self, other: &Obj<'_>) -> bool {
        self.ptr == other.ptr
    }

    /// Gives up ownership without decrementing.
    #[inline]
    pub fn into_ptr(self) -> ObjPtr {
        let ptr = self.ptr;
        core::mem::forget(self);
        ptr
    }
}

impl Clone for Obj<'_> {
    #[inline]
    fn clone(&self) -> Self {
        self.object().incref();
        Obj {
            ptr: self.ptr,
            heap: self.heap,
        }
    }
}

impl Drop for Obj<'_> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: we own one reference to a live object of `heap`.
        unsafe { self.heap.decref(self.ptr) }
    }
}

impl fmt::Debug for Obj<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.ob_type().name(), self.ptr)
    }
}

impl Obj<'_> {
    /// The object as a typed view, if it has the view's type (a checked cast).
    #[inline]
    pub fn cast<T: crate::view::View>(&self) -> Option<&T> {
        T::cast(self.object())
    }
}
