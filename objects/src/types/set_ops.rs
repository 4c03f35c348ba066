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
//!
//! `set_update_internal` is here too ([`update`], [`set_from`], [`frozenset_from`]), with the
//! forms of the methods that take any iterable ([`union_iter`], [`intersection_iter`], ...):
//! the interpreter and the Rust API both call these, passing an [`Iterable`].
//!
//! The operations read their operands through [`AnySet`] and change only a [`Set`], or a
//! frozenset they have just made and not yet shared.

use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::set::{
    self, AnySet, Set, active_entries, add_hashed, contains_hashed, discard_hashed, set_len,
};

/// What a set is updated from, or made from (`set(x)`, `s.update(x)`, `s.union(x)`, ...).
pub enum Iterable<'a, 'h> {
    /// An object the object layer iterates itself: a set or frozenset (merged with one resize
    /// up front), a dict (its keys, the table sized for all of them first), a list or a tuple
    /// (item by item). Anything else is `TypeError: 'int' object is not iterable`.
    Object(&'a PyObject),
    /// The items of any other iterable, which the caller has iterated (the interpreter's
    /// generators, ranges, strings, ...), added one by one.
    Items(Vec<Obj<'h>>),
}

/// The view of a result this module has just made (a set or frozenset).
fn fresh<'a>(o: &'a Obj<'_>) -> PyResult<&'a AnySet> {
    AnySet::cast_internal(o.object())
}

/// A new empty set of the same base kind as `o` (`make_new_set_basetype`).
fn new_like<'h>(heap: &'h Heap, o: &AnySet) -> PyResult<Obj<'h>> {
    if set::is_frozenset(o) {
        set::new_frozenset(heap)
    } else {
        set::new_set(heap)
    }
}

/// `set_update_internal` into a set or a frozenset being made.
fn update_internal<'h>(heap: &'h Heap, o: &AnySet, other: Iterable<'_, 'h>) -> PyResult<()> {
    let items = match other {
        Iterable::Items(items) => items,
        Iterable::Object(x) => {
            if let Some(other) = AnySet::cast(x) {
                return set::merge_into(heap, o, other);
            }
            if let Some(d) = crate::types::dict::Dict::cast(x) {
                return set::merge_dict_keys(heap, o, d);
            }
            crate::types::list::borrowed_items(heap, x)?
        }
    };
    for key in items {
        set::add_key(heap, o, key)?;
    }
    Ok(())
}

/// `s.update(other)` (`set_update_internal`): a set or frozenset is merged (one resize up
/// front), a dict's keys are added after sizing the table for them, any other iterable's items
/// are added one by one.
///
/// # Errors
/// `TypeError: 'int' object is not iterable` for an [`Iterable::Object`] the object layer
/// cannot iterate, `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn update<'h>(heap: &'h Heap, o: &Set, other: Iterable<'_, 'h>) -> PyResult<()> {
    update_internal(heap, o.as_any(), other)
}

/// `set(iterable)` (`make_new_set`): a new set updated from `other`.
///
/// # Errors
/// As [`update`].
pub fn set_from<'h>(heap: &'h Heap, other: Iterable<'_, 'h>) -> PyResult<Obj<'h>> {
    let result = set::new_set(heap)?;
    update_internal(heap, fresh(&result)?, other)?;
    Ok(result)
}

/// `frozenset(iterable)` (`make_new_set`): a new frozenset filled from `other` before anyone
/// else sees it.
///
/// # Errors
/// As [`update`].
pub fn frozenset_from<'h>(heap: &'h Heap, other: Iterable<'_, 'h>) -> PyResult<Obj<'h>> {
    let result = set::new_frozenset(heap)?;
    update_internal(heap, fresh(&result)?, other)?;
    Ok(result)
}

/// The items of `other` as references (a set's in table order, a dict's keys).
fn items_of<'h>(heap: &'h Heap, other: Iterable<'_, 'h>) -> PyResult<Vec<Obj<'h>>> {
    match other {
        Iterable::Items(items) => Ok(items),
        Iterable::Object(x) => {
            if let Some(s) = AnySet::cast(x) {
                return Ok(active_entries(heap, s)
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect());
            }
            if let Some(d) = crate::types::dict::Dict::cast(x) {
                let keys: Vec<_> = crate::types::dict::entries(d).map(|(k, _)| k).collect();
                // SAFETY: keys of a live dict, taken as new references.
                return Ok(keys
                    .into_iter()
                    .map(|k| unsafe { Obj::from_borrowed(heap, k.as_ref()) })
                    .collect());
            }
            crate::types::list::borrowed_items(heap, x)
        }
    }
}

/// `set_copy`: a new set of the same kind, merged from `o`.
///
/// # Errors
/// `MemoryError`.
pub fn copy<'h>(heap: &'h Heap, o: &AnySet) -> PyResult<Obj<'h>> {
    let result = new_like(heap, o)?;
    set::merge_into(heap, fresh(&result)?, o)?;
    Ok(result)
}

/// `s.copy()`: a new set, except that an exact frozenset is its own copy (`frozenset_copy`).
///
/// # Errors
/// `MemoryError`.
pub fn copy_method<'h>(heap: &'h Heap, o: &AnySet) -> PyResult<Obj<'h>> {
    if ptr::eq(o.ob_type(), set::FROZENSET_TYPE.get()) {
        // SAFETY: `o` is a live object of this heap; a frozenset is immutable.
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    copy(heap, o)
}

/// `a | b` for two sets (`set_union`): a copy of `a`, then `b` merged in.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn union<'h>(heap: &'h Heap, a: &AnySet, b: &AnySet) -> PyResult<Obj<'h>> {
    let result = copy(heap, a)?;
    if !ptr::eq(a, b) {
        set::merge_into(heap, fresh(&result)?, b)?;
    }
    Ok(result)
}

/// `a.union(*others)` (`set_union`): a copy of `a` updated from each of `others` in turn
/// (`a` itself among them is skipped).
///
/// # Errors
/// As [`update`].
pub fn union_iter<'h>(
    heap: &'h Heap,
    a: &AnySet,
    others: Vec<Iterable<'_, 'h>>,
) -> PyResult<Obj<'h>> {
    let result = copy(heap, a)?;
    for other in others {
        if matches!(other, Iterable::Object(x) if ptr::eq(x, &**a)) {
            continue;
        }
        update_internal(heap, fresh(&result)?, other)?;
    }
    Ok(result)
}

/// `a & b` for two sets (`set_intersection`): the elements of the smaller set (`b` when the
/// lengths are equal) found in the larger, added one by one in the smaller set's table order.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn intersection<'h>(heap: &'h Heap, a: &AnySet, b: &AnySet) -> PyResult<Obj<'h>> {
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
            add_hashed(heap, fresh(&result)?, k, hash)?;
        }
    }
    Ok(result)
}

/// `a.intersection(other)` (`set_intersection`): for a set, [`intersection`]; otherwise the
/// items of `other` found in `a`, added in `other`'s order to a set of `a`'s kind.
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn intersection_iter<'h>(
    heap: &'h Heap,
    a: &AnySet,
    other: Iterable<'_, 'h>,
) -> PyResult<Obj<'h>> {
    if let Iterable::Object(x) = other
        && let Some(b) = AnySet::cast(x)
    {
        return intersection(heap, a, b);
    }
    let result = new_like(heap, a)?;
    for key in items_of(heap, other)? {
        let hash = crate::abstract_::hash(heap, key.object())?;
        if contains_hashed(heap, a, key.object(), hash)? {
            add_hashed(heap, fresh(&result)?, key, hash)?;
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
pub fn intersection_update(heap: &Heap, o: &Set, other: &AnySet) -> PyResult<()> {
    let tmp = intersection(heap, o.as_any(), other)?;
    set::swap_bodies(o.as_any(), fresh(&tmp)?);
    Ok(())
}

/// `a - b` for two sets (`set_difference`): when `a` is over four times longer than `b`, a copy
/// of `a` with [`difference_update`]; otherwise the elements of `a` not in `b`, added one by one
/// in `a`'s table order.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn difference<'h>(heap: &'h Heap, a: &AnySet, b: &AnySet) -> PyResult<Obj<'h>> {
    if (set_len(a) >> 2) > set_len(b) {
        let result = copy(heap, a)?;
        difference_update_internal(heap, fresh(&result)?, b)?;
        return Ok(result);
    }
    let result = new_like(heap, a)?;
    for (k, hash) in active_entries(heap, a) {
        if !contains_hashed(heap, b, k.object(), hash)? {
            add_hashed(heap, fresh(&result)?, k, hash)?;
        }
    }
    Ok(result)
}

/// `a.difference(other)` (`set_difference`): for a set, [`difference`]; otherwise a copy of
/// `a` from which each item of `other` is discarded, then rebuilt when more than a quarter of
/// its table is dummies (`set_copy_and_difference`).
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn difference_iter<'h>(
    heap: &'h Heap,
    a: &AnySet,
    other: Iterable<'_, 'h>,
) -> PyResult<Obj<'h>> {
    if let Iterable::Object(x) = other
        && let Some(b) = AnySet::cast(x)
    {
        return difference(heap, a, b);
    }
    let result = copy(heap, a)?;
    let r = fresh(&result)?;
    for key in items_of(heap, other)? {
        let hash = crate::abstract_::hash(heap, key.object())?;
        discard_hashed(heap, r, key.object(), hash)?;
    }
    set::purge_dummies(heap, r)?;
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
pub fn difference_update(heap: &Heap, o: &Set, other: &AnySet) -> PyResult<()> {
    difference_update_internal(heap, o.as_any(), other)
}

/// [`difference_update`] of a set or of a frozenset being made.
fn difference_update_internal(heap: &Heap, o: &AnySet, other: &AnySet) -> PyResult<()> {
    if ptr::eq(o, other) {
        set::clear_table(heap, o);
        return Ok(());
    }
    let common;
    let other = if (set_len(other) >> 3) > set_len(o) {
        common = intersection(heap, o, other)?;
        fresh(&common)?
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
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub fn symmetric_difference_update(heap: &Heap, o: &Set, other: &AnySet) -> PyResult<()> {
    symmetric_difference_update_internal(heap, o.as_any(), other)
}

/// [`symmetric_difference_update`] of a set or of a frozenset being made.
fn symmetric_difference_update_internal(heap: &Heap, o: &AnySet, other: &AnySet) -> PyResult<()> {
    if ptr::eq(o, other) {
        set::clear_table(heap, o);
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
pub fn symmetric_difference<'h>(heap: &'h Heap, a: &AnySet, b: &AnySet) -> PyResult<Obj<'h>> {
    symmetric_difference_iter(heap, a, Iterable::Object(b))
}

/// `a.symmetric_difference(other)` (`set_symmetric_difference`): a set of `a`'s kind made
/// from `other` (as [`set_from`] would), then [`symmetric_difference_update`] with `a`.
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn symmetric_difference_iter<'h>(
    heap: &'h Heap,
    a: &AnySet,
    other: Iterable<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let result = new_like(heap, a)?;
    let r = fresh(&result)?;
    update_internal(heap, r, other)?;
    symmetric_difference_update_internal(heap, r, a)?;
    Ok(result)
}

/// `a <= b` (`set_issubset`): whether every element of `a` is in `b`.
///
/// # Errors
/// What comparing elements raises.
pub fn issubset(heap: &Heap, a: &AnySet, b: &AnySet) -> PyResult<bool> {
    set::is_subset(heap, a, b)
}

/// `a >= b` (`set_issuperset`): whether every element of `b` is in `a`.
///
/// # Errors
/// What comparing elements raises.
pub fn issuperset(heap: &Heap, a: &AnySet, b: &AnySet) -> PyResult<bool> {
    set::is_subset(heap, b, a)
}

/// `a.isdisjoint(b)` (`set_isdisjoint`): whether no element of the smaller set (`b` when the
/// lengths are equal) is in the larger; `a.isdisjoint(a)` is whether `a` is empty.
///
/// # Errors
/// What comparing elements raises.
pub fn isdisjoint(heap: &Heap, a: &AnySet, b: &AnySet) -> PyResult<bool> {
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
