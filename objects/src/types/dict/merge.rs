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
    while let Some((next, k, v, hash)) = super::next_entry_hash(source, pos) {
        pos = next;
        // SAFETY: an entry of the live source, taken as new references before anything runs.
        let (k, v) = unsafe {
            (
                Obj::from_borrowed(heap, k.as_ref()),
                Obj::from_borrowed(heap, v.as_ref()),
            )
        };
        // The source's stored hash: a key's `__hash__` is not called again, as CPython.
        super::set_item_known_hash(heap, target, k, v, hash)?;
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
/// (`PyDict_Merge`), and so does any object with a `keys` attribute (the mapping protocol,
/// [`merge_mapping`]); anything else is an iterable of pairs ([`merge_from_seq2`]).
///
/// # Errors
/// As [`merge`], [`merge_mapping`] and [`merge_from_seq2`].
pub fn update_arg(heap: &Heap, d: &Dict, arg: &PyObject) -> PyResult<()> {
    if let Some(source) = Dict::cast(arg).filter(|_| iterates_as_dict(heap, arg)) {
        return merge(heap, d, source);
    }
    let keys = heap
        .call_hooks(|h| h.lookup_attr(arg, "keys"))
        .transpose()?
        .flatten();
    match keys {
        Some(k) => {
            // SAFETY: the hook returns a new reference, dropped here: only its presence counts.
            drop(unsafe { Obj::from_owned(heap, k) });
            merge_mapping(heap, d, arg, None)
        }
        None => merge_from_seq2(heap, d, arg),
    }
}

/// `PyDict_Copy(o)` of any dict: [`copy`] of its table, unless its class defines `__iter__`
/// (then a new dict merged from it as a mapping: its `keys()` and `__getitem__`, as CPython).
///
/// # Errors
/// As [`copy`] and [`merge_mapping`].
pub fn copy_object<'h>(heap: &'h Heap, d: &Dict) -> PyResult<Obj<'h>> {
    let o: &PyObject = d;
    if iterates_as_dict(heap, o) {
        return copy(heap, d);
    }
    let new = new_dict(heap)?;
    merge_mapping(heap, Dict::cast_internal(new.object())?, o, None)?;
    Ok(new)
}

/// Whether `dict_merge` may read `o`'s table directly: a dict whose class does not define
/// `__iter__` (`Py_TYPE(b)->tp_iter == dict_iter`).
fn iterates_as_dict(heap: &Heap, o: &PyObject) -> bool {
    !crate::types::class::is_heap_type(o.ob_type())
        || crate::types::slot_defs::lookup(heap, o.ob_type(), "__iter__").is_none()
}

/// `dict_merge(target, source, override)` for any mapping (`{**m}`, `f(**m)`, `dict(m)`,
/// `d.update(m)`): a dict's table is read directly (unless its class defines `__iter__`);
/// otherwise `PyMapping_Keys(source)` (its `keys()` made a list) is walked and each value read
/// with `source[key]`. A key already in `target` is replaced when `duplicate` is `None`, else
/// it is the error `duplicate` makes of it (`DICT_MERGE`'s `override == 2`).
///
/// # Errors
/// What `keys()`, iterating it and `__getitem__` raise (an `AttributeError` when the source
/// has no `keys`, which the interpreter words as `'int' object is not a mapping`); `TypeError:
/// N.keys() returned a non-iterable (type int)`; the duplicate's error; what hashing and
/// comparing keys raise.
pub fn merge_mapping(
    heap: &Heap,
    target: &Dict,
    source: &PyObject,
    duplicate: Option<&dyn Fn(&PyObject) -> PyErr>,
) -> PyResult<()> {
    if let Some(d) = Dict::cast(source).filter(|_| iterates_as_dict(heap, source)) {
        let Some(dup) = duplicate else {
            return merge(heap, target, d);
        };
        for (k, v) in super::items(heap, d)? {
            if super::get_item(heap, target, k.object())?.is_some() {
                return Err(dup(k.object()));
            }
            set_item(heap, target, k, v)?;
        }
        return Ok(());
    }
    let keys = mapping_keys(heap, source)?;
    abstract_::for_each(heap, keys.object(), |key| {
        if let Some(dup) = duplicate
            && super::get_item(heap, target, key.object())?.is_some()
        {
            return Err(dup(key.object()));
        }
        let value = heap
            .call_hooks(|h| h.get_item(source, key.object()))
            .unwrap_or_else(|| {
                Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    source.ob_type().name()
                )))
            })?;
        // SAFETY: the hook returns a new reference.
        let value = unsafe { Obj::from_owned(heap, value) };
        set_item(heap, target, key, value)?;
        Ok(true)
    })
}

/// `PyMapping_Keys(o)`: a dict's keys as a list, else `o.keys()` made a list
/// (`method_output_as_list`).
///
/// # Errors
/// What looking up and calling `keys` raise (`AttributeError` when there is none);
/// `TypeError: N.keys() returned a non-iterable (type int)`; what iterating the result raises.
fn mapping_keys<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if let Some(d) = Dict::cast(o).filter(|_| !crate::types::class::is_heap_type(o.ob_type())) {
        let keys = super::items(heap, d)?.into_iter().map(|(k, _)| k).collect();
        return crate::types::list::new_list(heap, keys);
    }
    let no_keys = || {
        PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute 'keys'", o.ob_type().name()),
        )
    };
    let method = heap
        .call_hooks(|h| h.lookup_attr(o, "keys"))
        .transpose()?
        .flatten()
        .ok_or_else(no_keys)?;
    // SAFETY: the hook returns a new reference.
    let method = unsafe { Obj::from_owned(heap, method) };
    let output = abstract_::call_object(heap, method.object(), &[])?;
    if crate::types::list::List::cast(output.object()).is_some() {
        return Ok(output);
    }
    let mut items = Vec::new();
    let started = core::cell::Cell::new(false);
    let r = abstract_::for_each_started(
        heap,
        output.object(),
        || {
            started.set(true);
            Ok(())
        },
        |item| {
            items.try_reserve(1).map_err(|_| PyErr::memory_error())?;
            items.push(item);
            Ok(true)
        },
    );
    match r {
        Err(e) if !started.get() && e.kind() == ExcKind::TypeError => {
            Err(PyErr::type_error(format!(
                "{}.keys() returned a non-iterable (type {})",
                o.ob_type().name(),
                output.ob_type().name()
            )))
        }
        Err(e) => Err(e),
        Ok(()) => crate::types::list::new_list(heap, items),
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
    // A dict's or set's keys go in with their stored hashes (`__hash__` is not called again).
    // Only an exact dict or set (frozenset) is read directly (`_PyDict_FromKeys`); a subclass
    // is iterated.
    let exact = |t: &'static crate::typeobj::StaticType| ptr::eq(source.ob_type(), t.get());
    let (log2, unicode, keys) =
        if let Some(source) = Dict::cast(source).filter(|_| exact(&super::DICT_TYPE)) {
            let unicode = keys(source).is_unicode();
            let mut keys = try_vec(dict_len(source))?;
            let mut pos = 0;
            while let Some((next, k, _, hash)) = super::next_entry_hash(source, pos) {
                pos = next;
                // SAFETY: an entry of the live source, taken as a new reference.
                keys.push((unsafe { Obj::from_borrowed(heap, k.as_ref()) }, hash));
            }
            (estimate_log2_keysize(keys.len()), unicode, keys)
        } else if let Some(s) = set::AnySet::cast(source)
            .filter(|_| exact(&crate::types::SET_TYPE) || exact(&crate::types::FROZENSET_TYPE))
        {
            let keys: Vec<_> = set::active_entries(heap, s)
                .into_iter()
                .map(|(k, h)| (k, Some(h)))
                .collect();
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
    for (key, hash) in keys {
        // SAFETY: `value` is a live object; the dict takes a reference per key.
        let value = unsafe { Obj::from_borrowed(heap, value) };
        super::set_item_known_hash(heap, view, key, value, hash)?;
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
