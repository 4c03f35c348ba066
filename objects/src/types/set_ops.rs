//! Set algebra (`Objects/setobject.c`, from `set_copy` on): copy, union, intersection,
//! difference, symmetric difference, their in-place forms and the subset tests, of a set or
//! frozenset with any iterable (CPython's fast paths for sets and dicts). Built on the table primitives of [`super::set`], which owns the
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
//! `set_update_internal` is here too ([`update`], [`set_from`], [`frozenset_from`]), and the
//! forms of the methods that take any iterable (`set_union`, `set_intersection_multi`, ...):
//! the method table ([`super::set_methods`]), the interpreter's operators and constructors and
//! the Rust API all call these. An operand that is not a set is iterated with
//! [`abstract_::for_each`] (the interpreter's objects through its hooks), keeping CPython's fast
//! paths for sets and dicts.
//!
//! The operations read their operands through [`AnySet`] and change only a [`Set`], or a
//! frozenset they have just made and not yet shared.

use core::ptr;

use crate::abstract_;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::dict::{self, Dict};
use crate::types::set::{
    self, AnySet, Set, add_hashed, contains_hashed, discard_hashed, live_entries, set_len,
};

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

/// The keys of a dict as references, in its order: a snapshot that stays valid whatever
/// comparing them runs.
fn dict_keys<'h>(heap: &'h Heap, d: &Dict) -> Vec<Obj<'h>> {
    dict::entries(d)
        // SAFETY: a key of the live dict, taken as a new reference.
        .map(|(k, _)| unsafe { Obj::from_borrowed(heap, k.as_ref()) })
        .collect()
}

/// `PyObject_GetIter(other)` and `PyIter_Next` for the operands of the set methods: a dict's
/// keys from a snapshot, anything else through [`abstract_::for_each`], until `each` answers
/// `false`.
fn for_each_key<'h>(
    heap: &'h Heap,
    other: &PyObject,
    mut each: impl FnMut(Obj<'h>) -> PyResult<bool>,
) -> PyResult<()> {
    // An exact dict (`PyDict_CheckExact`): a subclass may iterate otherwise (`__iter__`).
    if let Some(d) = Dict::cast(other).filter(|_| ptr::eq(other.ob_type(), dict::DICT_TYPE.get())) {
        for k in dict_keys(heap, d) {
            if !each(k)? {
                break;
            }
        }
        return Ok(());
    }
    abstract_::for_each(heap, other, each)
}

/// `set_update_internal` into a set or a frozenset being made: a set or frozenset is merged
/// (one resize up front), a dict's keys are added after sizing the table for them, any other
/// iterable's items are added one by one.
pub(crate) fn update_internal(heap: &Heap, o: &AnySet, other: &PyObject) -> PyResult<()> {
    if let Some(other) = AnySet::cast(other) {
        return set::merge_into(heap, o, other);
    }
    // An exact dict only (`PyDict_CheckExact`): a subclass is iterated (its `__iter__`).
    if let Some(d) = Dict::cast(other).filter(|_| ptr::eq(other.ob_type(), dict::DICT_TYPE.get())) {
        return set::merge_dict_keys(heap, o, d);
    }
    abstract_::for_each(heap, other, |key| set::add_key(heap, o, key).map(|()| true))
}

/// `s.update(other)` and `s |= other` (`set_update_internal`): a set or frozenset is merged
/// (one resize up front), a dict's keys are added after sizing the table for them, any other
/// iterable's items are added one by one.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, what iterating raises, `TypeError: unhashable
/// type: ...`, or `MemoryError`.
pub fn update(heap: &Heap, o: &Set, other: &PyObject) -> PyResult<()> {
    update_internal(heap, o.as_any(), other)
}

/// `set(iterable)` (`make_new_set`): a new set updated from `other`.
///
/// # Errors
/// As [`update`].
pub fn set_from<'h>(heap: &'h Heap, other: &PyObject) -> PyResult<Obj<'h>> {
    let result = set::new_set(heap)?;
    update_internal(heap, fresh(&result)?, other)?;
    Ok(result)
}

/// `frozenset(iterable)` (`make_new_set`): a new frozenset filled from `other` before anyone
/// else sees it.
///
/// # Errors
/// As [`update`].
pub fn frozenset_from<'h>(heap: &'h Heap, other: &PyObject) -> PyResult<Obj<'h>> {
    let result = set::new_frozenset(heap)?;
    update_internal(heap, fresh(&result)?, other)?;
    Ok(result)
}

/// A new set of `items`, added one by one (`BUILD_SET`; `set(iterable)` for an iterable the
/// caller walks itself, such as a Rust iterator).
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn set_from_items<'h>(
    heap: &'h Heap,
    items: impl IntoIterator<Item = Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let result = set::new_set(heap)?;
    let r = fresh(&result)?;
    for key in items {
        set::add_key(heap, r, key)?;
    }
    Ok(result)
}

/// A new frozenset of `items`, added one by one before anyone else sees it (`frozenset()` for
/// no items; `frozenset(iterable)` for an iterable the caller walks itself).
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn frozenset_from_items<'h>(
    heap: &'h Heap,
    items: impl IntoIterator<Item = Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let result = set::new_frozenset(heap)?;
    let r = fresh(&result)?;
    for key in items {
        set::add_key(heap, r, key)?;
    }
    Ok(result)
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

/// `a.union(*others)` and `a | b` (`set_union`, `set_or`): a copy of `a` updated from each of
/// `others` in turn (`a` itself among them is skipped).
///
/// # Errors
/// As [`update`].
pub fn union<'h>(heap: &'h Heap, a: &AnySet, others: &[&PyObject]) -> PyResult<Obj<'h>> {
    let result = copy(heap, a)?;
    for &other in others {
        if ptr::eq(other, &**a) {
            continue;
        }
        update_internal(heap, fresh(&result)?, other)?;
    }
    Ok(result)
}

/// `a & b` and `a.intersection(b)` (`set_intersection`). For a set `b`: the elements of the
/// smaller set (`b` when the lengths are equal) found in the larger, added one by one in the
/// smaller set's table order. For any other iterable: its items found in `a`, added in its
/// order to a set of `a`'s kind, stopping once the result is as long as `a`
/// (`{1}.intersection([1, []])` is `{1}`, the list never hashed).
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn intersection<'h>(heap: &'h Heap, a: &AnySet, other: &PyObject) -> PyResult<Obj<'h>> {
    if ptr::eq(other, &**a) {
        return copy(heap, a);
    }
    let result = new_like(heap, a)?;
    let r = fresh(&result)?;
    if let Some(b) = AnySet::cast(other) {
        let (small, large) = if set_len(b) > set_len(a) {
            (a, b)
        } else {
            (b, a)
        };
        for (k, hash) in live_entries(heap, small) {
            if contains_hashed(heap, large, k.object(), hash)? {
                add_hashed(heap, r, k, hash)?;
            }
        }
        return Ok(result);
    }
    for_each_key(heap, other, |key| {
        let hash = abstract_::hash(heap, key.object())?;
        if contains_hashed(heap, a, key.object(), hash)? {
            add_hashed(heap, r, key, hash)?;
            return Ok(set_len(r) < set_len(a));
        }
        Ok(true)
    })?;
    Ok(result)
}

/// `a.intersection(*others)` (`set_intersection_multi`): a copy of `a` without `others`, else
/// [`intersection`] with each in turn.
///
/// # Errors
/// As [`intersection`].
pub fn intersection_multi<'h>(
    heap: &'h Heap,
    a: &AnySet,
    others: &[&PyObject],
) -> PyResult<Obj<'h>> {
    let Some((&first, rest)) = others.split_first() else {
        return copy(heap, a);
    };
    let mut result = intersection(heap, a, first)?;
    for &other in rest {
        result = intersection(heap, fresh(&result)?, other)?;
    }
    Ok(result)
}

/// `a &= b` (`set_intersection_update`): builds `a & b`, then swaps table bodies with it, so
/// `a` ends with the table the intersection was built in, whatever its own was
/// (`s = set(range(100)); s &= set(range(95, 105))` leaves 32 slots, not 512).
///
/// # Errors
/// As [`intersection`]; `o` is unchanged then.
pub fn intersection_update(heap: &Heap, o: &Set, other: &PyObject) -> PyResult<()> {
    intersection_update_multi(heap, o, &[other])
}

/// `a.intersection_update(*others)` (`set_intersection_update_multi`): as
/// [`intersection_multi`], then the table bodies are swapped.
///
/// # Errors
/// As [`intersection`]; `o` is unchanged then.
pub fn intersection_update_multi(heap: &Heap, o: &Set, others: &[&PyObject]) -> PyResult<()> {
    let tmp = intersection_multi(heap, o.as_any(), others)?;
    set::swap_bodies(o.as_any(), fresh(&tmp)?);
    Ok(())
}

/// The size `set_difference` compares `a` with: a set's or an exact dict's length.
fn difference_size(other: &PyObject) -> Option<usize> {
    if let Some(b) = AnySet::cast(other) {
        return Some(set_len(b));
    }
    Dict::cast(other)
        .filter(|_| ptr::eq(other.ob_type(), dict::DICT_TYPE.get()))
        .map(dict::dict_len)
}

/// `a - b` and `a.difference(b)` (`set_difference`). For a set or dict `b` that `a` is not
/// over four times longer than: the elements of `a` not in `b`, added one by one in `a`'s
/// table order. Otherwise (`set_copy_and_difference`): a copy of `a` with `b`'s items
/// discarded, rebuilt when more than a quarter of its table is dummies.
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn difference<'h>(heap: &'h Heap, a: &AnySet, other: &PyObject) -> PyResult<Obj<'h>> {
    let size = difference_size(other);
    if size.is_none_or(|n| (set_len(a) >> 2) > n) {
        let result = copy(heap, a)?;
        difference_update_internal(heap, fresh(&result)?, other)?;
        return Ok(result);
    }
    let result = new_like(heap, a)?;
    let r = fresh(&result)?;
    for (k, hash) in live_entries(heap, a) {
        let found = match AnySet::cast(other) {
            Some(b) => contains_hashed(heap, b, k.object(), hash)?,
            None => {
                // `_PyDict_Contains_KnownHash` with `a`'s stored hash.
                let d = Dict::cast_internal(other)?;
                dict::get_item_known_hash(heap, d, k.object(), Some(hash))?.is_some()
            }
        };
        if !found {
            add_hashed(heap, r, k, hash)?;
        }
    }
    Ok(result)
}

/// `a.difference(*others)` (`set_difference_multi`): a copy of `a` without `others`, else
/// [`difference`] with the first, then [`difference_update`] of that with the rest.
///
/// # Errors
/// As [`difference`].
pub fn difference_multi<'h>(heap: &'h Heap, a: &AnySet, others: &[&PyObject]) -> PyResult<Obj<'h>> {
    let Some((&first, rest)) = others.split_first() else {
        return copy(heap, a);
    };
    let result = difference(heap, a, first)?;
    for &other in rest {
        difference_update_internal(heap, fresh(&result)?, other)?;
    }
    Ok(result)
}

/// `a -= b` and `a.difference_update(b)` (`set_difference_update_internal`): `a -= a` clears
/// `a` (back to the inline table); otherwise each element of `b` (of `a & b` when `b` is a set
/// over eight times longer) is discarded from `a`, leaving dummies, and then the table is
/// rebuilt at the growth size for what is left if more than a quarter of it is dummies: it
/// can *grow* (`s = set(range(4)); s -= {0, 1}` goes from 8 slots to 16).
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn difference_update(heap: &Heap, o: &Set, other: &PyObject) -> PyResult<()> {
    difference_update_internal(heap, o.as_any(), other)
}

/// [`difference_update`] of a set or of a frozenset being made.
fn difference_update_internal(heap: &Heap, o: &AnySet, other: &PyObject) -> PyResult<()> {
    if ptr::eq(&**o, other) {
        set::clear_table(heap, o);
        return Ok(());
    }
    if let Some(b) = AnySet::cast(other) {
        let common;
        let b = if (set_len(b) >> 3) > set_len(o) {
            common = intersection(heap, o, b)?;
            fresh(&common)?
        } else {
            b
        };
        for (k, hash) in live_entries(heap, b) {
            discard_hashed(heap, o, k.object(), hash)?;
        }
    } else {
        for_each_key(heap, other, |key| {
            let hash = abstract_::hash(heap, key.object())?;
            discard_hashed(heap, o, key.object(), hash).map(|_| true)
        })?;
    }
    set::purge_dummies(heap, o)
}

/// `a ^= b` and `a.symmetric_difference_update(b)` (`set_symmetric_difference_update`):
/// `a ^= a` clears `a`; otherwise, in `b`'s order (a dict's keys; any other iterable made a set
/// first), each element of `b` is discarded from `a` (leaving a dummy) or, when absent, added
/// (reusing a dummy met on its probe, or growing the table after filling a new slot).
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn symmetric_difference_update(heap: &Heap, o: &Set, other: &PyObject) -> PyResult<()> {
    symmetric_difference_update_internal(heap, o.as_any(), other)
}

/// [`symmetric_difference_update`] of a set or of a frozenset being made.
fn symmetric_difference_update_internal(heap: &Heap, o: &AnySet, other: &PyObject) -> PyResult<()> {
    if ptr::eq(&**o, other) {
        set::clear_table(heap, o);
        return Ok(());
    }
    let toggle = |k: Obj<'_>, hash: i64| -> PyResult<()> {
        if !discard_hashed(heap, o, k.object(), hash)? {
            add_hashed(heap, o, k, hash)?;
        }
        Ok(())
    };
    if let Some(d) = Dict::cast(other).filter(|_| ptr::eq(other.ob_type(), dict::DICT_TYPE.get())) {
        // `_PyDict_Next`'s stored hashes: no key's `__hash__` runs again.
        for (k, hash) in dict::keys_with_hashes(heap, d)? {
            toggle(k, hash)?;
        }
        return Ok(());
    }
    let made;
    let b = match AnySet::cast(other) {
        Some(b) => b,
        None => {
            made = new_like(heap, o)?;
            update_internal(heap, fresh(&made)?, other)?;
            fresh(&made)?
        }
    };
    for (k, hash) in live_entries(heap, b) {
        toggle(k, hash)?;
    }
    Ok(())
}

/// `a ^ b` and `a.symmetric_difference(b)` (`set_symmetric_difference`): a set of `a`'s kind
/// made from `b` (as [`set_from`] would), then [`symmetric_difference_update`] with `a`. So
/// the table starts from `b`'s size, and `set(range(10)) ^ {100}` iterates as
/// `0, 1, 2, 3, 100, 4, ...` (100 sits in slot 4 of `{100}`'s table before `a`'s elements
/// arrive) while `{100} ^ set(range(10))` ends in 100.
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn symmetric_difference<'h>(heap: &'h Heap, a: &AnySet, other: &PyObject) -> PyResult<Obj<'h>> {
    let result = new_like(heap, a)?;
    let r = fresh(&result)?;
    update_internal(heap, r, other)?;
    symmetric_difference_update_internal(heap, r, a)?;
    Ok(result)
}

/// `a.issubset(b)` (`set_issubset`): for a set `b`, whether every element of `a` is in `b`
/// (`a <= b`); for any other iterable, whether `a & b` is as long as `a`.
///
/// # Errors
/// As [`intersection`].
pub fn issubset(heap: &Heap, a: &AnySet, other: &PyObject) -> PyResult<bool> {
    if let Some(b) = AnySet::cast(other) {
        return set::is_subset(heap, a, b);
    }
    let common = intersection(heap, a, other)?;
    Ok(set_len(fresh(&common)?) == set_len(a))
}

/// `a.issuperset(b)` (`set_issuperset`): whether every element of `b` is in `a`; for an
/// iterable other than a set, its items are looked up in order until one is missing
/// (`{1}.issuperset([2, []])` is `False`, the list never hashed).
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn issuperset(heap: &Heap, a: &AnySet, other: &PyObject) -> PyResult<bool> {
    if let Some(b) = AnySet::cast(other) {
        return set::is_subset(heap, b, a);
    }
    let mut all = true;
    for_each_key(heap, other, |key| {
        let hash = abstract_::hash(heap, key.object())?;
        all = contains_hashed(heap, a, key.object(), hash)?;
        Ok(all)
    })?;
    Ok(all)
}

/// `a.isdisjoint(b)` (`set_isdisjoint`): for a set `b`, whether no element of the smaller set
/// (`b` when the lengths are equal) is in the larger, and `a.isdisjoint(a)` whether `a` is
/// empty; for any other iterable, whether none of its items (looked up in order until one is
/// found) is in `a`.
///
/// # Errors
/// As [`update`], or what comparing elements raises.
pub fn isdisjoint(heap: &Heap, a: &AnySet, other: &PyObject) -> PyResult<bool> {
    if ptr::eq(other, &**a) {
        return Ok(set_len(a) == 0);
    }
    if let Some(b) = AnySet::cast(other) {
        let (small, large) = if set_len(b) > set_len(a) {
            (a, b)
        } else {
            (b, a)
        };
        for (k, hash) in live_entries(heap, small) {
            if contains_hashed(heap, large, k.object(), hash)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut disjoint = true;
    for_each_key(heap, other, |key| {
        let hash = abstract_::hash(heap, key.object())?;
        disjoint = !contains_hashed(heap, a, key.object(), hash)?;
        Ok(disjoint)
    })?;
    Ok(disjoint)
}
