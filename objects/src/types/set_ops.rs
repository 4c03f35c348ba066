//! Set algebra (`Objects/setobject.c`, from `set_copy` on): copy, union, intersection,
//! difference, symmetric difference, their in-place forms and the subset tests, for operands
//! that are sets or frozensets. Built on the table primitives of [`super::set`], which owns the
//! table; nothing here touches an entry directly.
//!
//! The table a result gets is the point of following CPython step by step:
//!
//! | operation | how the result is built |
//! |---|---|
//! | `copy(a)`, `a \| b` | merge `a` into an empty set (one resize to fit `2 × len`), then `b` |
//! | `a & b` | add the common elements one by one, in the smaller operand's order |
//! | `a - b` | `len(a) / 4 > len(b)`: copy `a`, then `difference_update`; else add one by one |
//! | `a ^ b` | copy **`b`** (into `a`'s kind), then `symmetric_difference_update` with `a` |
//! | `a &= b` | build `a & b`, then swap tables with it (`set_swap_bodies`) |
//! | `a -= b` | discard `b`'s elements (those of `a & b` when `b` is 8× longer), then rebuild if over a quarter of the table is dummies |
//! | `a ^= b` | for each element of `b`: discard it from `a`, or add it when absent |
//!
//! A result has the left operand's base kind (`make_new_set_basetype`): `frozenset ^ set` is a
//! frozenset, `set ^ frozenset` a set.

use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::set::{
    self, active_entries, add_hashed, contains_hashed, discard_hashed, set_len,
};

/// A new empty set of the same base kind as `o` (`make_new_set_basetype`).
fn new_like<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if o.ob_type().is_subtype(set::FROZENSET_TYPE.get()) {
        set::new_frozenset(heap)
    } else {
        set::new_set(heap)
    }
}

/// `set_copy`: a new set of the same kind, merged from `o`.
///
/// # Errors
/// `MemoryError`.
pub fn copy<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let result = new_like(heap, o)?;
    set::merge(heap, result.object(), o)?;
    Ok(result)
}

/// `a | b` for two sets (`set_union`): a copy of `a`, then `b` merged in.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn union<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let result = copy(heap, a)?;
    if !ptr::eq(a, b) {
        set::merge(heap, result.object(), b)?;
    }
    Ok(result)
}

/// `a & b` for two sets (`set_intersection`): the elements of the smaller set (`b` when the
/// lengths are equal) found in the larger, added one by one in the smaller set's table order.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn intersection<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    if ptr::eq(a, b) {
        return copy(heap, a);
    }
    let result = new_like(heap, a)?;
    let (small, large) = if set_len(b) > set_len(a) {
        (a, b)
    } else {
        (b, a)
    };
    for (k, hash) in active_entries(heap, small) {
        if contains_hashed(heap, large, k.object(), hash)? {
            add_hashed(heap, result.object(), k, hash)?;
        }
    }
    Ok(result)
}

/// `a &= b` (`set_intersection_update`): builds `a & b`, then swaps table bodies with it, so
/// `a` ends with the table the intersection was built in, whatever its own was
/// (`s = set(range(100)); s &= set(range(95, 105))` leaves 32 slots, not 512).
///
/// # Errors
/// `MemoryError`, or what comparing elements raises; `o` is unchanged then.
pub fn intersection_update(heap: &Heap, o: &PyObject, other: &PyObject) -> PyResult<()> {
    let tmp = intersection(heap, o, other)?;
    set::swap_bodies(o, tmp.object());
    Ok(())
}

/// `a - b` for two sets (`set_difference`): when `a` is over four times longer than `b`, a copy
/// of `a` with [`difference_update`]; otherwise the elements of `a` not in `b`, added one by one
/// in `a`'s table order.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn difference<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    if (set_len(a) >> 2) > set_len(b) {
        let result = copy(heap, a)?;
        difference_update(heap, result.object(), b)?;
        return Ok(result);
    }
    let result = new_like(heap, a)?;
    for (k, hash) in active_entries(heap, a) {
        if !contains_hashed(heap, b, k.object(), hash)? {
            add_hashed(heap, result.object(), k, hash)?;
        }
    }
    Ok(result)
}

/// `a -= b` (`set_difference_update_internal`): `a -= a` clears `a` (back to the inline
/// table); otherwise each element of `b` (of `a & b` when `b` is over eight times longer) is
/// discarded from `a`, leaving dummies, and then the table is rebuilt at the growth size for
/// what is left if more than a quarter of it is dummies: it can *grow*
/// (`s = set(range(4)); s -= {0, 1}` goes from 8 slots to 16).
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn difference_update(heap: &Heap, o: &PyObject, other: &PyObject) -> PyResult<()> {
    if ptr::eq(o, other) {
        set::clear(heap, o);
        return Ok(());
    }
    let common;
    let other = if (set_len(other) >> 3) > set_len(o) {
        common = intersection(heap, o, other)?;
        common.object()
    } else {
        other
    };
    for (k, hash) in active_entries(heap, other) {
        discard_hashed(heap, o, k.object(), hash)?;
    }
    set::purge_dummies(heap, o)
}

/// `a ^= b` (`set_symmetric_difference_update`): `a ^= a` clears `a`; otherwise, in `b`'s
/// table order, each element of `b` is discarded from `a` (leaving a dummy) or, when absent,
/// added (reusing a dummy met on its probe, or growing the table after filling a new slot).
/// `o` is a set, or a frozenset not yet shared.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn symmetric_difference_update(heap: &Heap, o: &PyObject, other: &PyObject) -> PyResult<()> {
    if ptr::eq(o, other) {
        set::clear(heap, o);
        return Ok(());
    }
    for (k, hash) in active_entries(heap, other) {
        if !discard_hashed(heap, o, k.object(), hash)? {
            add_hashed(heap, o, k, hash)?;
        }
    }
    Ok(())
}

/// `a ^ b` for two sets (`set_symmetric_difference`): a copy of **`b`** of `a`'s kind, then
/// [`symmetric_difference_update`] with `a`. So the table starts from `b`'s size, and
/// `set(range(10)) ^ {100}` iterates as `0, 1, 2, 3, 100, 4, ...` (100 sits in slot 4 of
/// `{100}`'s table before `a`'s elements arrive) while `{100} ^ set(range(10))` ends in 100.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn symmetric_difference<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let result = new_like(heap, a)?;
    set::merge(heap, result.object(), b)?;
    symmetric_difference_update(heap, result.object(), a)?;
    Ok(result)
}

/// `a <= b` (`set_issubset`): whether every element of `a` is in `b`.
///
/// # Errors
/// What comparing elements raises.
pub fn issubset(heap: &Heap, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    set::is_subset(heap, a, b)
}

/// `a >= b` (`set_issuperset`): whether every element of `b` is in `a`.
///
/// # Errors
/// What comparing elements raises.
pub fn issuperset(heap: &Heap, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    set::is_subset(heap, b, a)
}

/// `a.isdisjoint(b)` (`set_isdisjoint`): whether no element of the smaller set (`b` when the
/// lengths are equal) is in the larger; `a.isdisjoint(a)` is whether `a` is empty.
///
/// # Errors
/// What comparing elements raises.
pub fn isdisjoint(heap: &Heap, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    if ptr::eq(a, b) {
        return Ok(set_len(a) == 0);
    }
    let (small, large) = if set_len(b) > set_len(a) {
        (a, b)
    } else {
        (b, a)
    };
    for (k, hash) in active_entries(heap, small) {
        if contains_hashed(heap, large, k.object(), hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}
