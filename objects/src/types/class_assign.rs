//! `obj.__class__ = C`: the setter of `object.__class__` (`object_set_class`,
//! `compatible_for_assignment`, `compatible_with_tp_base` and `same_slots_added` in CPython's
//! `Objects/typeobject.c`).
//!
//! An instance may change its class only between mutable (heap) types whose instances are laid
//! out alike: the same deallocator (GC or not), and, after walking up from each type past the
//! bases that add nothing to the layout, the same solid base, or two bases on one parent that
//! add the same `__slots__`; both with the same managed `__dict__` and weak-reference list (or neither). The instance's inline
//! values become a real dict first (they are indexed by the old class's shared keys), then it
//! holds a reference to its new class and drops the one to its old class.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::object::PyObject;
use crate::typeobj::{PyTypeObject, TypeFlags};
use crate::types::class::{self, Class};
use crate::types::dict::managed;

/// `object.__class__ = newto` on `o` (`object_set_class` after its type check of the value).
///
/// # Errors
/// `TypeError: __class__ assignment only supported for mutable types or ModuleType
/// subclasses` when either class is a built-in type; `TypeError: __class__ assignment: 'B'
/// object layout differs from 'A'` (or `deallocator differs`) when the instances are laid out
/// differently; `MemoryError` when the inline values cannot become a dict.
pub fn set_class(heap: &Heap, o: &PyObject, newto: &PyTypeObject) -> PyResult<()> {
    let oldto = o.ob_type();
    // Static types are immutable (`Py_TPFLAGS_IMMUTABLETYPE`); pyrt has no module subclasses.
    if !class::is_heap_type(newto) || !class::is_heap_type(oldto) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    compatible_for_assignment(oldto, newto, "__class__")?;
    if let Some((m, k)) = managed::of(o)
        && managed::has_inline_values(m)
    {
        // The new class's shared keys do not index the old values: they become a split dict
        // over the old keys (which the dict keeps).
        drop(managed::get_dict(heap, m, k)?);
    }
    let new_class = Class::of_type(newto).expect("a heap type is a class");
    new_class.incref();
    let old = core::ptr::NonNull::from(&oldto.ob_base.ob_base);
    o.set_type_ptr(core::ptr::NonNull::from(newto));
    // SAFETY: `o` held a reference to its old class (every instance of a heap type does),
    // which it gives up now that it points at the new class, whose reference it took above.
    unsafe { heap.decref(old) };
    Ok(())
}

/// `compatible_for_assignment(oldto, newto, attr)`: whether instances of `oldto` may become
/// instances of `newto`.
///
/// # Errors
/// `TypeError: {attr} assignment: 'B' deallocator differs from 'A'` or `... 'B' object layout
/// differs from 'A'`.
pub fn compatible_for_assignment(
    oldto: &PyTypeObject,
    newto: &PyTypeObject,
    attr: &str,
) -> PyResult<()> {
    if has_gc(newto) != has_gc(oldto) {
        return Err(PyErr::type_error(format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            newto.name(),
            oldto.name()
        )));
    }
    let mut newbase = newto;
    while let Some(b) = compatible_with_tp_base(newbase) {
        newbase = b;
    }
    let mut oldbase = oldto;
    while let Some(b) = compatible_with_tp_base(oldbase) {
        oldbase = b;
    }
    let same_parent = match (newbase.base(), oldbase.base()) {
        (Some(a), Some(b)) => core::ptr::eq(a, b),
        (None, None) => true,
        _ => false,
    };
    let layout_ok =
        core::ptr::eq(newbase, oldbase) || (same_parent && same_slots_added(newbase, oldbase));
    // The walk above does not see what lives before the object (`Py_TPFLAGS_PREHEADER`).
    // (pyrt's instance kinds are a net under CPython's test: the same solid base gives the
    // same kind, so this refuses nothing CPython allows except a namedtuple class.)
    let same_kind = class::class_kind(oldto) == class::class_kind(newto);
    if layout_ok && same_kind && preheader(oldto) == preheader(newto) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "{attr} assignment: '{}' object layout differs from '{}'",
        newto.name(),
        oldto.name()
    )))
}

/// The managed dict and weak-reference list flags (`Py_TPFLAGS_PREHEADER`).
fn preheader(ty: &PyTypeObject) -> u64 {
    ty.flags().0 & (TypeFlags::MANAGED_DICT.0 | TypeFlags::MANAGED_WEAKREF.0)
}

fn has_gc(ty: &PyTypeObject) -> bool {
    ty.flags().contains(TypeFlags::HAVE_GC)
}

/// `compatible_with_tp_base`: `child`'s base when `child` adds nothing to its instances'
/// layout (same sizes, dict and weak-reference places, GC, and deallocation kind: a heap
/// type's `subtype_dealloc` or a built-in's own).
fn compatible_with_tp_base(child: &PyTypeObject) -> Option<&PyTypeObject> {
    let parent = child.base()?;
    let same = child.basicsize() == parent.basicsize()
        && child.itemsize() == parent.itemsize()
        && preheader(child) == preheader(parent)
        && child.weaklistoffset() == parent.weaklistoffset()
        && has_gc(child) == has_gc(parent)
        && class::is_heap_type(child) == class::is_heap_type(parent);
    same.then_some(parent)
}

/// `same_slots_added(a, b)` for two types on one base: both classes, adding the same
/// `__slots__` (their mangled, sorted names) and nothing else. (A managed dict or weak
/// reference list lives before the object in 3.12, so it adds nothing to `tp_basicsize`.)
fn same_slots_added(a: &PyTypeObject, b: &PyTypeObject) -> bool {
    let Some(base) = a.base() else {
        return false;
    };
    if !class::is_heap_type(a) || !class::is_heap_type(b) {
        return false;
    }
    let (own_a, own_b) = (own_slots(a), own_slots(b));
    if own_a != own_b {
        return false;
    }
    let size = base.basicsize() + size_of::<usize>() * own_a.len();
    size == a.basicsize() && size == b.basicsize()
}

/// The member slots `ty` adds to its base's (`ht_slots`).
fn own_slots(ty: &PyTypeObject) -> &[String] {
    let all = class::class_names(ty);
    let inherited = ty.base().map_or(0, |b| class::class_names(b).len());
    all.get(inherited..).unwrap_or_default()
}
