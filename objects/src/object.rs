//! The object header and reference counting: `PyObject`, `PyVarObject`, `Py_INCREF`,
//! `Py_DECREF` and PEP 683 immortality as in CPython 3.12 (`Include/object.h`).
//!
//! This module is the only one that reads or writes `ob_refcnt`. The rules (64-bit):
//! * an object is **immortal** when the low 32 bits of its refcount, read as `i32`, are negative;
//!   immortal objects are created with `0xFFFF_FFFF` (what `sys.getrefcount` then reports);
//! * `incref` adds one to the low 32-bit half only and skips the store when that half would wrap,
//!   so an immortal count never changes;
//! * `decref` leaves immortal objects alone, otherwise decrements and reports when the count
//!   reaches zero (the heap then deallocates).

use core::cell::Cell;
use core::ptr::NonNull;

use crate::typeobj::PyTypeObject;

/// The refcount of immortal objects on 64-bit (`_Py_IMMORTAL_REFCNT`).
pub const IMMORTAL_REFCNT: u64 = 0xFFFF_FFFF;

/// `PyObject`: every object starts with these 16 bytes.
#[repr(C)]
pub struct PyObject {
    ob_refcnt: Cell<u64>,
    ob_type: Cell<NonNull<PyTypeObject>>,
}

/// `PyVarObject`: the header of variable-size objects (tuple, bytes, list, ...).
#[repr(C)]
pub struct PyVarObject {
    /// The fixed header.
    pub ob_base: PyObject,
    /// Number of items (`ob_size`).
    pub ob_size: Cell<isize>,
}

const _: () = {
    assert!(size_of::<PyObject>() == 16);
    assert!(core::mem::offset_of!(PyObject, ob_type) == 8);
    assert!(size_of::<PyVarObject>() == 24);
    assert!(core::mem::offset_of!(PyVarObject, ob_size) == 16);
};

/// A pointer to an object of any type.
pub type ObjPtr = NonNull<PyObject>;

impl PyObject {
    /// A header for a new object with one reference.
    pub const fn new(ty: NonNull<PyTypeObject>) -> Self {
        PyObject {
            ob_refcnt: Cell::new(1),
            ob_type: Cell::new(ty),
        }
    }

    /// A header for an immortal object (statics and singletons).
    pub const fn new_immortal(ty: NonNull<PyTypeObject>) -> Self {
        PyObject {
            ob_refcnt: Cell::new(IMMORTAL_REFCNT),
            ob_type: Cell::new(ty),
        }
    }

    /// The object's type (`Py_TYPE`).
    #[inline(always)]
    pub fn ob_type(&self) -> &PyTypeObject {
        // SAFETY: an object's type outlives it: static types forever, heap types hold a
        // reference from each instance.
        unsafe { self.ob_type.get().as_ref() }
    }

    /// The raw type pointer, for identity comparisons.
    #[inline(always)]
    pub fn type_ptr(&self) -> NonNull<PyTypeObject> {
        self.ob_type.get()
    }

    /// Reassigns the type pointer. Free lists chain through it, as CPython's float free list
    /// does; it must point at a live type object again before the object is used.
    pub(crate) fn set_type_ptr(&self, ty: NonNull<PyTypeObject>) {
        debug_assert!(!self.is_immortal(), "immortal objects never change");
        self.ob_type.set(ty);
    }

    /// The refcount as `sys.getrefcount` reads it (`ob_refcnt`, unmodified).
    #[inline]
    pub fn refcnt(&self) -> u64 {
        self.ob_refcnt.get()
    }

    /// The low 32-bit half of `ob_refcnt` (`ob_refcnt_split[PY_BIG_ENDIAN]`), where
    /// `Py_INCREF` and `Py_DECREF` count: the high half is always zero, since counts start at 1
    /// or [`IMMORTAL_REFCNT`] and `incref` never carries into it, so counting on the half is
    /// counting on the whole, with 32-bit loads and stores that never split a 64-bit one.
    #[inline(always)]
    fn low_half(&self) -> &Cell<u32> {
        const LOW: usize = if cfg!(target_endian = "little") { 0 } else { 4 };
        // SAFETY: `Cell<u64>` has `u64`'s layout, so its first (little-endian) or last
        // (big-endian) four bytes are the low half, 4-aligned; the `Cell<u32>` over them is
        // read and written only as a `Cell` (no reference to the value escapes), on one thread.
        unsafe {
            &*self
                .ob_refcnt
                .as_ptr()
                .cast::<u8>()
                .add(LOW)
                .cast::<Cell<u32>>()
        }
    }

    /// `_Py_IsImmortal`.
    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        (self.low_half().get() as i32) < 0
    }

    /// `Py_INCREF`: a saturating increment of the low 32 bits.
    #[inline(always)]
    pub(crate) fn incref(&self) {
        let low = self.low_half();
        let n = low.get().wrapping_add(1);
        if n == 0 {
            return;
        }
        low.set(n);
    }

    /// `Py_DECREF` without the deallocation: returns `true` when the count reached zero and
    /// the caller must deallocate the object.
    #[inline(always)]
    #[must_use = "an object whose count reached zero must be deallocated"]
    pub(crate) fn decref_is_zero(&self) -> bool {
        let low = self.low_half();
        let cur = low.get();
        if (cur as i32) < 0 {
            return false;
        }
        debug_assert!(cur > 0, "decref of an object whose count is zero");
        low.set(cur.wrapping_sub(1));
        cur == 1
    }

    /// Makes the object immortal (`_Py_SetImmortal`), as interning does in 3.12.
    pub(crate) fn set_immortal(&self) {
        self.ob_refcnt.set(IMMORTAL_REFCNT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::INT_TYPE;

    #[test]
    fn immortal_counts_never_move_and_report_4294967295() {
        let o = PyObject::new_immortal(INT_TYPE.ptr());
        o.incref();
        assert!(!o.decref_is_zero());
        assert!(!o.decref_is_zero());
        assert_eq!(o.refcnt(), 4_294_967_295);
        assert!(o.is_immortal());
    }

    #[test]
    fn mortal_counts_go_up_and_down_to_zero() {
        let o = PyObject::new(INT_TYPE.ptr());
        o.incref();
        assert_eq!(o.refcnt(), 2);
        assert!(!o.decref_is_zero());
        assert!(o.decref_is_zero());
        assert!(!o.is_immortal());
    }

    #[test]
    fn a_count_reaching_the_immortal_bit_saturates_like_cpython() {
        let o = PyObject::new(INT_TYPE.ptr());
        o.ob_refcnt.set(0x7FFF_FFFF);
        o.incref();
        assert!(
            o.is_immortal(),
            "bit 31 set makes the object immortal, as in 3.12"
        );
    }
}
