//! Building a dict from another (`Objects/dictobject.c`): `dict_merge` (`d.update(other)`,
//! `dict(other)`), `PyDict_Copy` (`d.copy()`) and `_PyDict_FromKeys` (`dict.fromkeys`), each with
//! the table CPython gives the result.

use core::ptr;

use super::keys::{clone_keys, estimate_log2_keysize, new_keys, usable_fraction};
use super::values::Values;
use super::{
    LOG_MINSIZE, dict_len, free_keys, header, keys, new_dict, new_dict_body, resize, set_item,
    values,
};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::{set, tuple};

/// `dict_merge(target, source)` (`d.update(other)`, `dict(other)`): an empty target whose source
/// is a combined table without deleted entries, of 8 slots or more than half used, gets a clone
/// of the source's table; otherwise the target is first resized to fit both (when its usable
/// room is smaller than the source) and the items are inserted one by one, in order.
///
/// # Errors
/// `MemoryError`, or what hashing and comparing keys raise.
pub fn merge(heap: &Heap, target: &PyObject, source: &PyObject) -> PyResult<()> {
    let (tk, sk) = (keys(target), keys(source));
    let used = dict_len(source);
    if ptr::eq(target, source) || used == 0 {
        return Ok(());
    }
    let half_used = sk.size() == 1 << LOG_MINSIZE || usable_fraction(sk.size() / 2) < used;
    let combined = values(source).is_none();
    if dict_len(target) == 0 && combined && sk.nentries() == used && half_used {
        let clone = clone_keys(heap, sk)?;
        header(target).ma_keys.set(clone.0);
        header(target).ma_used.set(used as isize);
        free_keys(heap, tk);
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
fn resize_or_create(heap: &Heap, d: &PyObject, log2: u8, unicode: bool) -> PyResult<()> {
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
fn insert_all(heap: &Heap, target: &PyObject, source: &PyObject) -> PyResult<()> {
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

/// `d.copy()` (`PyDict_Copy`): an empty dict for an empty source; for a split table a new
/// split dict sharing the keys with its own values (as many slots as the shared keys allow
/// now, and the same order); a byte-for-byte clone of a combined table when at most a third
/// of its entries are deleted; else a merge into a new dict.
///
/// # Errors
/// `MemoryError`, or what hashing and comparing keys raise.
pub fn copy<'h>(heap: &'h Heap, d: &PyObject) -> PyResult<Obj<'h>> {
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
        copy_values.copy_order_from(v);
        for ix in 0..k.nentries() {
            if let Some(value) = v.get(ix) {
                // SAFETY: a live value of the source; the copy takes its own reference.
                unsafe { value.as_ref() }.incref();
                copy_values.replace(ix, Some(value));
            }
        }
        k.incref();
        header(new.object()).ma_keys.set(k.0);
        header(new.object()).ma_values.set(Some(copy_values));
        header(new.object()).ma_used.set(used as isize);
        heap.track_like(new.object(), d);
        return Ok(new);
    }
    let new = new_dict(heap)?;
    if used >= (2 * k.nentries()) / 3 {
        let clone = clone_keys(heap, k)?;
        header(new.object()).ma_keys.set(clone.0);
        header(new.object()).ma_used.set(used as isize);
        heap.track_like(new.object(), d);
        return Ok(new);
    }
    merge(heap, new.object(), d)?;
    Ok(new)
}

/// `dict.fromkeys(source, value)` (`_PyDict_FromKeys`) for a source that is a dict, a set or
/// frozenset (the table is sized once for all of them: str-keyed only when the source dict
/// is), or a list or tuple (inserted one by one).
///
/// # Errors
/// `TypeError: unhashable type: ...` for a list or tuple holding one; `TypeError: 'int' object
/// is not iterable` for other sources; `MemoryError`.
pub fn from_keys<'h>(heap: &'h Heap, source: &PyObject, value: &PyObject) -> PyResult<Obj<'h>> {
    let d = new_dict(heap)?;
    let (log2, unicode, keys) = if super::is_dict(source) {
        let items = super::items(heap, source);
        let unicode = keys(source).is_unicode();
        let keys = items.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        (estimate_log2_keysize(keys.len()), unicode, keys)
    } else if let Some(s) = set::AnySet::cast(source) {
        let keys = set::elements(heap, s);
        (estimate_log2_keysize(keys.len()), false, keys)
    } else if let Some(l) = crate::types::list::List::cast(source) {
        let keys = crate::types::list::items(l).to_vec();
        return from_keys_iter(heap, borrow_all(heap, &keys), value);
    } else if let Some(t) = tuple::Tuple::cast(source) {
        let keys = tuple::items(t).to_vec();
        return from_keys_iter(heap, borrow_all(heap, &keys), value);
    } else {
        return Err(crate::error::PyErr::type_error(format!(
            "'{}' object is not iterable",
            source.ob_type().name()
        )));
    };
    resize(heap, d.object(), log2, unicode)?;
    for key in borrow_all(heap, &keys) {
        // SAFETY: `value` is a live object; the dict takes a reference per key.
        let value = unsafe { Obj::from_borrowed(heap, value) };
        set_item(heap, d.object(), key, value)?;
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
    for key in keys {
        // SAFETY: `value` is a live object; the dict takes a reference per key.
        let value = unsafe { Obj::from_borrowed(heap, value) };
        set_item(heap, d.object(), key, value)?;
    }
    Ok(d)
}

/// New references to a snapshot of borrowed items, so that inserting cannot free them.
fn borrow_all<'h>(heap: &'h Heap, items: &[crate::object::ObjPtr]) -> Vec<Obj<'h>> {
    items
        .iter()
        // SAFETY: items of a live container, each taken as a new reference.
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .collect()
}
