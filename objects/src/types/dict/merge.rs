//! Building a dict from another (`Objects/dictobject.c`): `dict_merge` (`d.update(other)`,
//! `dict(other)`), `PyDict_MergeFromSeq2` (`d.update(pairs)`), `PyDict_Copy` (`d.copy()`) and
//! `_PyDict_FromKeys` (`dict.fromkeys`), each with the table CPython gives the result.

use core::ptr;

use super::keys::{clone_keys, estimate_log2_keysize, new_keys, usable_fraction};
use super::values::Values;
use super::{
    Dict, LOG_MINSIZE, dict_len, header, keys, new_dict, new_dict_body, release_table, resize,
    set_item, try_vec, values,
};
use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::set;

/// `dict_merge(target, source)` for a dict source (`d.update(other)`, `dict(other)`, `{**other}`):
/// an empty target whose source is a combined table without deleted entries, of 8 slots or
/// more than half used, gets a clone of the source's table (its old table given back: a split
/// table's values freed and its share of the class's keys dropped); otherwise the target is
/// first resized to fit both (when its usable room is smaller than the source) and the items
/// are inserted one by one, in order.
///
/// # Errors
/// `MemoryError`, `RuntimeError: dict mutated during update`, or what hashing and comparing
/// keys raise.
pub fn merge(heap: &Heap, target: &Dict, source: &Dict) -> PyResult<()> {
    let (tk, sk) = (keys(target), keys(source));
    let used = dict_len(source);
    if ptr::eq(target, source) || used == 0 {
        return Ok(());
    }
    let half_used = sk.size() == 1 << LOG_MINSIZE || usable_fraction(sk.size() / 2) < used;
    let combined = values(source).is_none();
    if dict_len(target) == 0 && combined && sk.nentries() == used && half_used {
        super::notify_modified(heap, target);
        let clone = clone_keys(heap, sk)?;
        let tv = values(target);
        header(target).ma_keys.set(clone.0);
        header(target).ma_values.set(None);
        header(target).ma_used.set(used as isize);
        release_table(heap, tk, tv);
        heap.track_like(target, source);
        return Ok(());
    }
    if usable_fraction(tk.size()) < used {
        let log2 = estimate_log2_keysize(dict_len(target) + used);
        resize_or_create(heap, target, log2, sk.is_unicode())?;
    }
    insert_all(heap, target, source)
}

/// Resizes `d`, or gives an empty dict its first table.
fn resize_or_create(heap: &Heap, d: &Dict, log2: u8, unicode: bool) -> PyResult<()> {
    if keys(d).is_empty_keys() {
        header(d).ma_keys.set(new_keys(heap, log2, unicode)?.0);
        Ok(())
    } else {
        resize(heap, d, log2, unicode)
    }
}

/// Inserts every item of `source` into `target`, in insertion order. An insert that replaces
/// a value may run a `__del__` that changes `source`: the source is walked by position, each
/// pair taken as new references before its insert, and a source whose entry count changed
/// ends the merge with `RuntimeError: dict mutated during update`, as in CPython.
fn insert_all(heap: &Heap, target: &Dict, source: &Dict) -> PyResult<()> {
    let entries = keys(source).nentries();
    let mut pos = 0;
    while let Some((next, k, v)) = super::next_entry(source, pos) {
        pos = next;
        // SAFETY: an entry of the live source, taken as new references before anything runs.
        let (k, v) = unsafe {
            (
                Obj::from_borrowed(heap, k.as_ref()),
                Obj::from_borrowed(heap, v.as_ref()),
            )
        };
        set_item(heap, target, k, v)?;
        if keys(source).nentries() != entries {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "dict mutated during update",
            ));
        }
    }
    Ok(())
}

/// `dict_update_arg` (`d.update(arg)`, `dict(arg)`): a dict merges as a mapping
/// (`PyDict_Merge`); anything else is an iterable of pairs ([`merge_from_seq2`]). (pyrt's
/// mappings are its dicts: a class cannot define `__getitem__`, so the `keys()` protocol has
/// nothing else to find.)
///
/// # Errors
/// As [`merge`] and [`merge_from_seq2`].
pub fn update_arg(heap: &Heap, d: &Dict, arg: &PyObject) -> PyResult<()> {
    match Dict::cast(arg) {
        Some(source) => merge(heap, d, source),
        None => merge_from_seq2(heap, d, arg),
    }
}

/// `PyDict_MergeFromSeq2(d, seq, override=1)` (`d.update(pairs)`, `dict(pairs)` for anything
/// but a mapping): each element of `seq`, in order, is made a sequence as `PySequence_Fast`
/// does and its pair stored before the next element is asked for. Iterating goes through
/// [`abstract_::for_each`], so errors raised by Python code come back unchanged.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `TypeError: cannot convert dictionary update
/// sequence element #0 to a sequence` (whatever `TypeError` making the element a sequence
/// raised), `ValueError: dictionary update sequence element #0 has length 1; 2 is required`,
/// what iterating raises, or what hashing and comparing keys raise.
pub fn merge_from_seq2(heap: &Heap, d: &Dict, seq: &PyObject) -> PyResult<()> {
    let mut i = 0usize;
    abstract_::for_each(heap, seq, |element| {
        let fast = sequence_fast(heap, element.object()).map_err(|e| {
            if e.kind() == ExcKind::TypeError {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            } else {
                e
            }
        })?;
        let [key, value] = <[Obj<'_>; 2]>::try_from(fast).map_err(|fast| {
            let n = fast.len();
            PyErr::new(
                ExcKind::ValueError,
                format!("dictionary update sequence element #{i} has length {n}; 2 is required"),
            )
        })?;
        set_item(heap, d, key, value)?;
        i += 1;
        Ok(true)
    })
}

/// `PySequence_Fast(o)`: the items of `o` (a list's or tuple's as they are now, any other
/// iterable's collected).
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, or what iterating raises.
fn sequence_fast<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Vec<Obj<'h>>> {
    let mut items = Vec::new();
    abstract_::collect_into(heap, o, &mut items)?;
    Ok(items)
}

/// `d.copy()` (`PyDict_Copy`): an empty dict for an empty source; for a split table a new
/// split dict sharing the keys with its own values (as many slots as the shared keys allow
/// now, and the same order); a byte-for-byte clone of a combined table when at most a third
/// of its entries are deleted; else a merge into a new dict.
///
/// # Errors
/// `MemoryError`, or what hashing and comparing keys raise.
pub fn copy<'h>(heap: &'h Heap, d: &Dict) -> PyResult<Obj<'h>> {
    let (k, used) = (keys(d), dict_len(d));
    if used == 0 {
        return new_dict(heap);
    }
    if let Some(v) = values(d) {
        let size = k.nentries() + k.usable() as usize;
        let copy_values = Values::new(heap, size)?;
        let new = match new_dict_body(heap, None) {
            Ok(new) => new,
            Err(e) => {
                copy_values.free(heap);
                return Err(e);
            }
        };
        let view = Dict::cast_internal(new.object())?;
        copy_values.copy_order_from(v);
        for ix in 0..k.nentries() {
            if let Some(value) = v.get(ix) {
                // SAFETY: a live value of the source; the copy takes its own reference.
                unsafe { value.as_ref() }.incref();
                copy_values.replace(ix, Some(value));
            }
        }
        k.incref();
        header(view).ma_keys.set(k.0);
        header(view).ma_values.set(Some(copy_values));
        header(view).ma_used.set(used as isize);
        heap.track_like(view, d);
        return Ok(new);
    }
    let new = new_dict(heap)?;
    let view = Dict::cast_internal(new.object())?;
    if used >= (2 * k.nentries()) / 3 {
        let clone = clone_keys(heap, k)?;
        header(view).ma_keys.set(clone.0);
        header(view).ma_used.set(used as isize);
        heap.track_like(view, d);
        return Ok(new);
    }
    merge(heap, view, d)?;
    Ok(new)
}

/// `dict.fromkeys(source, value)` (`_PyDict_FromKeys`): for a source that is a dict, a set or
/// a frozenset the table is sized once for all the keys (str-keyed only when the source dict
/// is); any other iterable's keys are inserted one by one as iterating gives them.
///
/// # Errors
/// `TypeError: unhashable type: ...`, `TypeError: 'int' object is not iterable`, what
/// iterating raises, or `MemoryError`.
pub fn from_keys<'h>(heap: &'h Heap, source: &PyObject, value: &PyObject) -> PyResult<Obj<'h>> {
    let d = new_dict(heap)?;
    // `PyDict_CheckExact` / `PyAnySet_CheckExact`: a subclass may iterate otherwise.
    let exact = |t: &'static crate::typeobj::StaticType| core::ptr::eq(source.ob_type(), t.get());
    let (log2, unicode, keys) =
        if let Some(source) = Dict::cast(source).filter(|_| exact(&crate::types::DICT_TYPE)) {
            let unicode = keys(source).is_unicode();
            let mut keys = try_vec(dict_len(source))?;
            keys.extend(super::entries(source).map(|(k, _)| k));
            (estimate_log2_keysize(keys.len()), unicode, keys)
        } else if let Some(s) = set::AnySet::cast(source)
            .filter(|_| exact(&crate::types::SET_TYPE) || exact(&crate::types::FROZENSET_TYPE))
        {
            let keys = set::elements(heap, s);
            (estimate_log2_keysize(keys.len()), false, keys)
        } else {
            let view = Dict::cast_internal(d.object())?;
            abstract_::for_each(heap, source, |key| {
                // SAFETY: `value` is a live object; the dict takes a reference per key.
                let value = unsafe { Obj::from_borrowed(heap, value) };
                set_item(heap, view, key, value).map(|()| true)
            })?;
            return Ok(d);
        };
    let view = Dict::cast_internal(d.object())?;
    resize(heap, view, log2, unicode)?;
    for key in borrow_all(heap, &keys)? {
        // SAFETY: `value` is a live object; the dict takes a reference per key.
        let value = unsafe { Obj::from_borrowed(heap, value) };
        set_item(heap, view, key, value)?;
    }
    Ok(d)
}

/// `dict.fromkeys(iterable, value)` for any other iterable: keys inserted one by one.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn from_keys_iter<'h>(
    heap: &'h Heap,
    keys: impl IntoIterator<Item = Obj<'h>>,
    value: &PyObject,
) -> PyResult<Obj<'h>> {
    let d = new_dict(heap)?;
    let view = Dict::cast_internal(d.object())?;
    for key in keys {
        // SAFETY: `value` is a live object; the dict takes a reference per key.
        let value = unsafe { Obj::from_borrowed(heap, value) };
        set_item(heap, view, key, value)?;
    }
    Ok(d)
}

/// New references to a snapshot of borrowed items, so that inserting cannot free them.
///
/// # Errors
/// `MemoryError` when there is no room for the snapshot.
fn borrow_all<'h>(heap: &'h Heap, items: &[crate::object::ObjPtr]) -> PyResult<Vec<Obj<'h>>> {
    let mut out = try_vec(items.len())?;
    // SAFETY: items of a live container, each taken as a new reference.
    out.extend(
        items
            .iter()
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) }),
    );
    Ok(out)
}
