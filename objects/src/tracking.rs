//! What the cycle collector needs to decide which objects it tracks, with CPython 3.12's rules
//! (`PyObject_IS_GC` and `_PyObject_GC_MAY_BE_TRACKED` in `Include/internal/pycore_object.h`,
//! `_PyTuple_MaybeUntrack` in `Objects/tupleobject.c`, `_PyDict_MaybeUntrack` and
//! `MAINTAIN_TRACKING` in `Objects/dictobject.c`).
//!
//! Whether an object *is* tracked is the collector's state (its GC header); these functions
//! take it as `is_tracked`, so they state the rules without owning that state:
//!
//! * an object is a GC object when its type has `Py_TPFLAGS_HAVE_GC` and, for a type object,
//!   when it is a class (static types are not collected);
//! * it *may be tracked* when it is a GC object and, if an exact tuple, is tracked now;
//! * a tuple can be untracked when no item may be tracked ("holds only atomic objects");
//! * a dict can be untracked when no key and no value may be tracked (a split dict: no value);
//! * a dict starts untracked and is tracked when it receives a key or value that may be.

use crate::object::PyObject;
use crate::typeobj::TypeFlags;
use crate::types::{class, dict, tuple};

/// `PyObject_IS_GC`: whether `o` is managed by the collector at all.
#[inline]
pub fn is_gc(o: &PyObject) -> bool {
    if !o.ob_type().flags().contains(TypeFlags::HAVE_GC) {
        return false;
    }
    // `type_is_gc`: only classes are collected among type objects.
    crate::types::type_object(o).is_none_or(class::is_heap_type)
}

/// `_PyObject_GC_MAY_BE_TRACKED`: a GC object, and tracked now if it is an exact tuple (a
/// tuple may be untracked while it holds only atomic objects).
pub fn may_be_tracked(o: &PyObject, is_tracked: &dyn Fn(&PyObject) -> bool) -> bool {
    is_gc(o) && (!tuple::is_exact_tuple(o) || is_tracked(o))
}

/// `_PyTuple_MaybeUntrack`'s test: tuple `t` can be untracked when none of its items may be
/// tracked.
pub fn tuple_can_untrack(t: &tuple::Tuple, is_tracked: &dyn Fn(&PyObject) -> bool) -> bool {
    tuple::items(t).iter().all(|item| {
        // SAFETY: the tuple holds a reference to each item.
        !may_be_tracked(unsafe { item.as_ref() }, is_tracked)
    })
}

/// `_PyDict_MaybeUntrack`'s test (run by full collections only): dict `d` can be untracked
/// when none of its values (and, for a combined table, none of its keys) may be tracked.
pub fn dict_can_untrack(d: &dict::Dict, is_tracked: &dyn Fn(&PyObject) -> bool) -> bool {
    let check_keys = !dict::is_split(d);
    dict::entries(d).all(|(k, v)| {
        // SAFETY: the dict holds references to its keys and values.
        let (k, v) = unsafe { (k.as_ref(), v.as_ref()) };
        let tracked_key = check_keys && may_be_tracked(k, is_tracked);
        !(tracked_key || may_be_tracked(v, is_tracked))
    })
}

/// `MAINTAIN_TRACKING`: whether inserting `key: value` into an untracked dict must track it.
pub fn dict_insert_tracks(
    key: &PyObject,
    value: &PyObject,
    is_tracked: &dyn Fn(&PyObject) -> bool,
) -> bool {
    may_be_tracked(key, is_tracked) || may_be_tracked(value, is_tracked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;
    use crate::types::{list, long, unicode};

    #[test]
    fn tuples_of_atoms_can_be_untracked_and_tuples_of_containers_cannot() {
        let heap = Heap::new();
        let tracked_everything = |_: &PyObject| true;
        let untracked_tuples = |o: &PyObject| !tuple::is_exact_tuple(o);
        let one = long::int_from_i64(&heap, 1000).unwrap();
        let s = unicode::new_str(&heap, "atom").unwrap();
        let atoms = tuple::new_tuple(&heap, vec![one.clone(), s]).unwrap();
        assert!(tuple_can_untrack(
            tuple::Tuple::cast(atoms.object()).unwrap(),
            &tracked_everything
        ));
        let l = list::new_list(&heap, vec![]).unwrap();
        let with_list = tuple::new_tuple(&heap, vec![one.clone(), l]).unwrap();
        assert!(!tuple_can_untrack(
            tuple::Tuple::cast(with_list.object()).unwrap(),
            &tracked_everything
        ));
        let nested = tuple::new_tuple(&heap, vec![atoms.clone()]).unwrap();
        assert!(!tuple_can_untrack(
            tuple::Tuple::cast(nested.object()).unwrap(),
            &tracked_everything
        ));
        assert!(
            tuple_can_untrack(
                tuple::Tuple::cast(nested.object()).unwrap(),
                &untracked_tuples
            ),
            "an untracked inner tuple is atomic"
        );
        assert!(!is_gc(&crate::types::TUPLE_TYPE.get().ob_base.ob_base));
        assert!(!is_gc(one.object()));
    }

    #[test]
    fn dicts_follow_maintain_tracking() {
        let heap = Heap::new();
        let is_tracked = |_: &PyObject| true;
        let key = unicode::new_str(&heap, "a").unwrap();
        let one = long::int_from_i64(&heap, 1).unwrap();
        let l = list::new_list(&heap, vec![]).unwrap();
        assert!(!dict_insert_tracks(key.object(), one.object(), &is_tracked));
        assert!(dict_insert_tracks(key.object(), l.object(), &is_tracked));
        let d = dict::new_dict(&heap).unwrap();
        dict::set_item(&heap, d.cast::<dict::Dict>().unwrap(), key.clone(), one).unwrap();
        assert!(dict_can_untrack(
            d.cast::<dict::Dict>().unwrap(),
            &is_tracked
        ));
        dict::set_item(&heap, d.cast::<dict::Dict>().unwrap(), key, l).unwrap();
        assert!(!dict_can_untrack(
            d.cast::<dict::Dict>().unwrap(),
            &is_tracked
        ));
    }
}
