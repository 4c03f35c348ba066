//! `dict` (`Objects/dictobject.c`, `Include/internal/pycore_dict.h`): the compact dict, with
//! combined tables and the split tables of instance dictionaries.
//!
//! ```text
//!  combined: PyDictObject (48 + 16 GC) ──ma_keys──► keys: indices + {key, value} entries
//!  split:    PyDictObject ──ma_keys──► the class's shared keys (SPLIT, 30 names at most)
//!                         ──ma_values──► this dict's values, one slot per shared key
//! ```
//!
//! * `keys`: the index and the entries (sizes, probing, the shared empty keys);
//! * `values`: the values array of a split table and its insertion order;
//! * `merge`: `update` (a dict, or an iterable of pairs), `dict(d)`, `copy()` and
//!   `dict.fromkeys`;
//! * [`methods`]: the Python-visible methods, one table (`DICT_METHODS`), and `dict(...)`;
//! * [`managed`]: the instance side, 3.12's inline values and `__dict__`;
//! * [`cache`]: keys versions and indices for the VM's global caches. A str looked up in a
//!   table of str keys never runs Python code (`unicodekeys_lookup_unicode`); a dict that is a
//!   class namespace has a watcher bit, and its changes invalidate the class
//!   ([`crate::type_cache`]).
//!
//! Exact str keys in str-keyed tables take the short road everywhere: [`lookup_str`] (the
//! VM's `LOAD_NAME`, `in`, `get`) and the str case of [`set_item`] probe the index at its
//! width with the hash cached in the str, and compare pointers before text, as
//! `unicodekeys_lookup_unicode` and `insertdict` do; any other key or table takes the
//! generic probe, which may run `__eq__`.
//!
//! When a table's `usable` room runs out it is rebuilt at `calculate_log2_keysize(3 × used)`,
//! dropping deleted entries; a split table is then converted to a combined one, as is a split
//! or str-keyed table receiving a key that is not an exact str. `{}` points at the shared
//! immortal empty keys (never counted); `clear()` returns to it. `__sizeof__` = 48, plus
//! 8 × (nentries + usable) of the shared keys for a split table, plus the keys object when this
//! dict is its only holder.

pub mod cache;
mod keys;
pub mod managed;
mod merge;
pub mod methods;
pub mod or;
pub mod reorder;
mod values;

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

use keys::{DKIX_DUMMY, Entry, Keys, free_keys, new_keys, probe_sequence};
pub(crate) use keys::{EmptyKeys, KeysHeader};
pub use keys::{
    LOG_MINSIZE, SHARED_KEYS_MAX_SIZE, calculate_log2_keysize, estimate_log2_keysize,
    usable_fraction,
};
pub use merge::{
    copy, copy_object, from_keys, from_keys_iter, merge, merge_from_seq2, merge_mapping, update_arg,
};
use values::Values;

/// `PyDictObject`.
#[repr(C)]
pub struct PyDictObject {
    ob_base: PyObject,
    ma_used: Cell<isize>,
    ma_version_tag: Cell<u64>,
    ma_keys: Cell<NonNull<KeysHeader>>,
    ma_values: Cell<Option<Values>>,
}

const _: () = assert!(size_of::<PyDictObject>() == 48);

/// Largest table a presized dict starts with (`log2_max_presize`).
const LOG_MAX_PRESIZE: u8 = 17;
/// Dead dicts and 8-slot str-key tables kept for reuse (`PyDict_MAXFREELIST`).
pub const DICT_FREELIST_LIMIT: usize = 80;

/// Whether `o` is a dict (`PyDict_Check`).
pub fn is_dict(o: &PyObject) -> bool {
    o.ob_type().flags().contains(DICT_SUBCLASS)
}

/// `Py_TPFLAGS_DICT_SUBCLASS`.
const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);

crate::view! {
    /// A dict or an instance of a subclass of `dict` (`PyDict_Check`).
    pub struct Dict: "dict" = is_dict;
}

/// The dict a slot of the dict type was called on.
fn slot_self(o: &PyObject) -> &Dict {
    // SAFETY: the dict type's slots are only called on dicts (instances of `dict`, or of a
    // subclass, which inherits the slots and `DICT_SUBCLASS`).
    unsafe { Dict::cast_unchecked(o) }
}

fn header(o: &Dict) -> &PyDictObject {
    // SAFETY: the view guarantees a dict, and dicts start with a `PyDictObject`.
    unsafe { &*ptr::from_ref(o).cast::<PyDictObject>() }
}

fn keys(o: &Dict) -> Keys {
    Keys(header(o).ma_keys.get())
}

fn values(o: &Dict) -> Option<Values> {
    header(o).ma_values.get()
}

fn set_used(d: &Dict, used: usize) {
    header(d).ma_used.set(used as isize);
}

/// The watcher bit of `ma_version_tag` (3.12 keeps dict watcher bits in its low 8 bits) that
/// marks a class namespace: changing the dict invalidates the class's version tag.
const TYPE_WATCHER_BIT: u64 = 1;

/// Marks `d` as a class namespace (see [`crate::type_cache`]).
pub(crate) fn set_type_watched(d: &Dict) {
    let h = header(d);
    h.ma_version_tag
        .set(h.ma_version_tag.get() | TYPE_WATCHER_BIT);
}

/// `_PyDict_NotifyEvent`: called before `d` changes (an item added, replaced or removed); a
/// class namespace tells the type cache. One bit test on every other dict.
#[inline]
fn notify_modified(heap: &Heap, d: &Dict) {
    if header(d).ma_version_tag.get() & TYPE_WATCHER_BIT != 0 {
        crate::type_cache::namespace_modified(heap, d);
    }
}

/// `hash(key)`, read from the str for an exact str (the common case of names), else through
/// the type's `tp_hash`.
#[inline]
fn key_hash(heap: &Heap, key: &PyObject) -> PyResult<i64> {
    if let Some(s) = crate::types::unicode::Str::cast(key).filter(|_| is_exact_str(key)) {
        return Ok(crate::types::unicode::str_hash_cached(heap, s));
    }
    crate::abstract_::hash(heap, key)
}

/// Number of items.
pub fn dict_len(o: &Dict) -> usize {
    header(o).ma_used.get() as usize
}

/// Whether `d` has a split table (an instance dictionary sharing its class's keys).
pub fn is_split(d: &Dict) -> bool {
    values(d).is_some()
}

/// An empty `Vec` with room for `n` items, or `MemoryError` (never an abort) when `n` comes
/// from a script and cannot be had.
fn try_vec<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    Ok(v)
}

/// Gives back a table the dict no longer points at, whose live entries were moved out or
/// released: a split table's values array and its share of the class's keys, or a combined
/// table's keys object (`dictkeys_decref` / `free_values`).
fn release_table(heap: &Heap, k: Keys, v: Option<Values>) {
    match v {
        Some(v) => {
            v.free(heap);
            keys::shared_keys_decref(heap, k);
        }
        None => free_keys(heap, k),
    }
}

/// A new empty dict (`PyDict_New`), from the free list when it has one.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_dict(heap: &Heap) -> PyResult<Obj<'_>> {
    new_dict_body(heap, heap.dicts.pop(DICT_TYPE.ptr()))
}

/// A new empty dict as calling `dict` makes it (`dict_new`: `PyType_GenericAlloc`, never the
/// free list, which only `PyDict_New` takes from).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_dict_from_type(heap: &Heap) -> PyResult<Obj<'_>> {
    new_dict_body(heap, None)
}

/// An empty dict in `recycled` (a body from the free list) or a fresh allocation
/// (`PyObject_GC_New`, as `PyDict_Copy` of a split dict uses).
fn new_dict_body(heap: &Heap, recycled: Option<ObjPtr>) -> PyResult<Obj<'_>> {
    let op = match recycled {
        Some(op) => op,
        None => heap.alloc_object(DICT_TYPE.get(), size_of::<PyDictObject>())?,
    };
    // SAFETY: a dict body with a fresh header and one reference that we own.
    unsafe {
        let d = op.cast::<PyDictObject>().as_ptr();
        ptr::addr_of_mut!((*d).ma_used).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_version_tag).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_keys).write(Cell::new(heap.singletons().empty_dict_keys()));
        ptr::addr_of_mut!((*d).ma_values).write(Cell::new(None));
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new empty instance of `ty`, a class whose base is `dict` (`dict_new`:
/// `PyType_GenericAlloc`, never the free list). The caller gives the instance its reference to
/// `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_dict<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
) -> PyResult<Obj<'h>> {
    let base = size_of::<PyDictObject>();
    let op = heap.alloc_object(ty, ty.basicsize().max(base))?;
    // SAFETY: a fresh dict body whose one reference we own, followed by the class's member
    // slots, which start unset.
    unsafe {
        op.cast::<u8>()
            .add(base)
            .write_bytes(0, ty.basicsize().saturating_sub(base));
        let d = op.cast::<PyDictObject>().as_ptr();
        ptr::addr_of_mut!((*d).ma_used).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_version_tag).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_keys).write(Cell::new(heap.singletons().empty_dict_keys()));
        ptr::addr_of_mut!((*d).ma_values).write(Cell::new(None));
        Ok(Obj::from_owned(heap, op))
    }
}

/// `new_dict(keys, values, used)`: a split dict over shared keys `k` (whose reference the
/// caller took for it) adopting the values `v`.
fn new_split_dict(heap: &Heap, k: Keys, v: Values, used: usize) -> PyResult<Obj<'_>> {
    let d = new_dict(heap)?;
    let view = Dict::cast_internal(d.object())?;
    header(view).ma_keys.set(k.0);
    header(view).ma_values.set(Some(v));
    set_used(view, used);
    Ok(d)
}

/// `_PyDict_NewPresized(n)`: up to 5 items an ordinary empty dict, else a table sized for `n`
/// (at most 2^17 slots), str-keyed when `unicode`.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_presized(heap: &Heap, n: usize, unicode: bool) -> PyResult<Obj<'_>> {
    let d = new_dict(heap)?;
    if n > 5 {
        let k = new_keys(heap, estimate_log2_keysize(n).min(LOG_MAX_PRESIZE), unicode)?;
        header(Dict::cast_internal(d.object())?).ma_keys.set(k.0);
    }
    Ok(d)
}

/// A dict display `{k: v, ...}` (`BUILD_MAP n`): presized, then filled in order.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn dict_from_pairs<'h>(heap: &'h Heap, pairs: Vec<(Obj<'h>, Obj<'h>)>) -> PyResult<Obj<'h>> {
    let unicode = pairs.iter().all(|(k, _)| is_exact_str(k.object()));
    let d = new_presized(heap, pairs.len(), unicode)?;
    let view = Dict::cast_internal(d.object())?;
    for (k, v) in pairs {
        set_item(heap, view, k, v)?;
    }
    Ok(d)
}

fn is_exact_str(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), crate::types::STR_TYPE.get())
}

/// `dictresize`: a new combined table of `2^log2_size` slots holding the live entries in
/// order, str-keyed only if `unicode` and the old table was. A split table's keys are shared,
/// so the new table takes its own references to them; its values move.
fn resize(heap: &Heap, d: &Dict, log2_size: u8, unicode: bool) -> PyResult<()> {
    let old = keys(d);
    let new = new_keys(heap, log2_size, unicode && old.is_unicode())?;
    match values(d) {
        Some(v) => {
            for ix in v.ordered() {
                let mut e = old.entry(heap, ix);
                if let Some(key) = e.key {
                    // SAFETY: a live shared key; the new table takes its own reference.
                    unsafe { key.as_ref() }.incref();
                }
                e.value = v.get(ix);
                new.push_entry(e);
            }
            header(d).ma_values.set(None);
            release_table(heap, old, Some(v));
        }
        None => {
            for ix in 0..old.nentries() {
                let e = old.entry(heap, ix);
                if e.key.is_some() {
                    new.push_entry(e);
                }
            }
            release_table(heap, old, None);
        }
    }
    header(d).ma_keys.set(new.0);
    Ok(())
}

/// `d[key] = value` (`insertdict`). A split table takes a new str key into the shared keys
/// while they have room.
///
/// # Errors
/// `TypeError: unhashable type: 'list'`, or `MemoryError`.
pub fn set_item<'h>(heap: &'h Heap, d: &Dict, key: Obj<'h>, value: Obj<'h>) -> PyResult<()> {
    match set_str_item(heap, d, key, value) {
        Ok(()) => Ok(()),
        Err((key, value)) => set_item_generic(heap, d, key, value),
    }
}

/// `insertdict` for an exact str key in a combined table of str keys, where no Python code
/// can run: the value replaced in place, or a new entry appended while the table has room.
/// The key and value come back (`Err`) for the generic path otherwise (another key or
/// table, a split table, a table to resize).
#[inline]
fn set_str_item<'h>(
    heap: &'h Heap,
    d: &Dict,
    key: Obj<'h>,
    value: Obj<'h>,
) -> Result<(), (Obj<'h>, Obj<'h>)> {
    let k = keys(d);
    let Some(name) = crate::types::unicode::as_exact_str(key.object()) else {
        return Err((key, value));
    };
    if !k.is_unicode() || values(d).is_some() {
        return Err((key, value));
    }
    let hash = crate::types::unicode::str_hash_cached(heap, name);
    match keys::lookup_unicode(heap, k, name, hash) {
        Some(ix) => {
            heap.maintain_dict_tracking(d, key.object(), value.object());
            notify_modified(heap, d);
            if let Some(old) = k.replace_value(ix, value.into_ptr()) {
                // SAFETY: the replaced value's reference was the table's.
                unsafe { heap.decref(old) };
            }
            // The table keeps the key it has; `key` (a reference of the caller's) goes.
            drop(key);
            Ok(())
        }
        None if k.usable() > 0 => {
            heap.maintain_dict_tracking(d, key.object(), value.object());
            notify_modified(heap, d);
            k.push_entry(Entry {
                hash,
                key: Some(key.into_ptr()),
                value: Some(value.into_ptr()),
            });
            set_used(d, dict_len(d) + 1);
            Ok(())
        }
        None => Err((key, value)),
    }
}

/// [`set_item`] with the key's hash already known (`insertdict` as `dict_merge` calls it with
/// the source entry's stored hash): the key's `__hash__` is not called again. `None` (a str
/// key of a str-keyed table, whose hash is cached in the str) hashes as [`set_item`] does.
///
/// # Errors
/// As [`set_item`].
pub(crate) fn set_item_known_hash<'h>(
    heap: &'h Heap,
    d: &Dict,
    key: Obj<'h>,
    value: Obj<'h>,
    hash: Option<i64>,
) -> PyResult<()> {
    match hash {
        None => set_item(heap, d, key, value),
        Some(hash) => match set_str_item(heap, d, key, value) {
            Ok(()) => Ok(()),
            Err((key, value)) => insert_hashed(heap, d, key, value, hash),
        },
    }
}

/// [`set_item`] of any key into any table.
#[inline(never)]
fn set_item_generic<'h>(heap: &'h Heap, d: &Dict, key: Obj<'h>, value: Obj<'h>) -> PyResult<()> {
    let hash = key_hash(heap, key.object())?;
    insert_hashed(heap, d, key, value, hash)
}

/// `insertdict` of a key whose hash is `hash`.
fn insert_hashed<'h>(
    heap: &'h Heap,
    d: &Dict,
    key: Obj<'h>,
    value: Obj<'h>,
    hash: i64,
) -> PyResult<()> {
    heap.maintain_dict_tracking(d, key.object(), value.object());
    let str_key = is_exact_str(key.object());
    if keys(d).is_unicode() && !str_key && !keys(d).is_empty_keys() {
        resize(heap, d, calculate_log2_keysize(dict_len(d) * 3), false)?;
    }
    let found = lookup(heap, d, key.object(), hash)?;
    // From here on no Python code runs until the table holds the new value.
    notify_modified(heap, d);
    if let Some(ix) = found {
        let old = match values(d) {
            Some(v) => {
                let old = v.replace(ix, Some(value.into_ptr()));
                if old.is_none() {
                    v.push_order(ix);
                    set_used(d, dict_len(d) + 1);
                }
                old
            }
            None => {
                let k = keys(d);
                let mut e = k.entry(heap, ix);
                let old = e.value.replace(value.into_ptr());
                k.set_entry(ix, e);
                old
            }
        };
        if let Some(old) = old {
            // SAFETY: the replaced value's reference was the table's.
            unsafe { heap.decref(old) };
        }
        return Ok(());
    }
    // The lookup may have run a key's `__eq__`, which may have changed the table: it is read
    // again, and a key that is not an exact str never goes into a str-keyed table.
    if keys(d).is_empty_keys() {
        header(d)
            .ma_keys
            .set(new_keys(heap, LOG_MINSIZE, str_key)?.0);
    } else if keys(d).usable() <= 0 || (!str_key && keys(d).is_unicode()) {
        resize(heap, d, calculate_log2_keysize(dict_len(d) * 3), str_key)?;
    }
    let key = Some(key.into_ptr());
    match values(d) {
        Some(v) => {
            let ix = keys(d).push_entry(Entry {
                hash,
                key,
                value: None,
            });
            v.replace(ix, Some(value.into_ptr()));
            v.push_order(ix);
        }
        None => {
            let value = Some(value.into_ptr());
            keys(d).push_entry(Entry { hash, key, value });
        }
    }
    set_used(d, dict_len(d) + 1);
    Ok(())
}

/// The index of `key`'s entry in `d`'s table as it is when this returns, if present (see
/// [`keys::lookup`]: a comparison that changes the dict restarts the probe).
#[inline]
fn lookup(heap: &Heap, d: &Dict, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
    if let Some(name) = crate::types::unicode::as_exact_str(key) {
        let k = keys(d);
        if k.is_unicode() {
            return Ok(keys::lookup_unicode(heap, k, name, hash));
        }
    }
    keys::lookup(heap, || keys(d), key, hash)
}

/// `d.get(name)` for an exact str `name` in a table of str keys (module, class and instance
/// namespaces, and most dicts keyed by text), borrowed: `unicodekeys_lookup_unicode` with the
/// hash cached in the str, no Python code, no reference taken. `None` when the answer needs
/// the generic lookup (`name` is not an exact str, or the table has other keys).
#[inline]
pub fn lookup_str(heap: &Heap, d: &Dict, name: &PyObject) -> Option<Option<ObjPtr>> {
    let name = crate::types::unicode::as_exact_str(name)?;
    let k = keys(d);
    if !k.is_unicode() {
        return None;
    }
    let hash = crate::types::unicode::str_hash_cached(heap, name);
    Some(keys::lookup_unicode(heap, k, name, hash).and_then(|ix| value_at(heap, d, ix)))
}

/// Whether `o` is a dict itself, not an instance of a subclass (`PyDict_CheckExact`).
#[inline(always)]
pub fn is_exact_dict(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), DICT_TYPE.get())
}

/// The value of entry `ix` (for a split table, from the values array: `None` when this
/// instance dictionary does not hold that shared key).
fn value_at(_heap: &Heap, d: &Dict, ix: usize) -> Option<ObjPtr> {
    match values(d) {
        Some(v) => v.get(ix),
        // Only the value: reading the whole entry would fetch the key's hash from the key
        // object, a memory access the lookup (which matched the key by identity) did not need.
        None => keys(d).raw_entry(ix).1,
    }
}

/// `d.get(key)`: the value, or `None` when absent.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or what a key comparison raises.
pub fn get_item<'h>(heap: &'h Heap, d: &Dict, key: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let found = lookup_value(heap, d, key)?;
    // SAFETY: values of a live table are live objects of this heap.
    Ok(found.map(|v| unsafe { Obj::from_borrowed(heap, v.as_ref()) }))
}

/// `d.get(key)` as a borrowed pointer (`_PyDict_GetItem_KnownHash` without the reference):
/// the value in the table as it is when this returns. An exact str looked up in a table of
/// str keys (module, class and instance namespaces) runs no Python code and allocates
/// nothing.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or what a key comparison raises.
#[inline]
pub fn lookup_value(heap: &Heap, d: &Dict, key: &PyObject) -> PyResult<Option<ObjPtr>> {
    if let Some(found) = lookup_str(heap, d, key) {
        return Ok(found);
    }
    lookup_value_generic(heap, d, key)
}

/// [`get_item`] with the key's hash already known (a hash stored in another table), `None`
/// for a str key whose hash the str caches: the key's `__hash__` is not called.
///
/// # Errors
/// What a key comparison raises.
pub fn get_item_known_hash<'h>(
    heap: &'h Heap,
    d: &Dict,
    key: &PyObject,
    hash: Option<i64>,
) -> PyResult<Option<Obj<'h>>> {
    let Some(hash) = hash else {
        return get_item(heap, d, key);
    };
    let found = lookup(heap, d, key, hash)?.and_then(|ix| value_at(heap, d, ix));
    // SAFETY: values of a live table are live objects of this heap.
    Ok(found.map(|v| unsafe { Obj::from_borrowed(heap, v.as_ref()) }))
}

/// [`lookup_value`] of any key: its hash, then the probe that may compare keys.
#[inline(never)]
fn lookup_value_generic(heap: &Heap, d: &Dict, key: &PyObject) -> PyResult<Option<ObjPtr>> {
    let hash = key_hash(heap, key)?;
    Ok(lookup(heap, d, key, hash)?.and_then(|ix| value_at(heap, d, ix)))
}

/// `del d[key]` (`PyDict_DelItem`): see [`pop`].
///
/// # Errors
/// `KeyError: key` (its repr) when absent; `TypeError` for an unhashable key.
pub fn del_item(heap: &Heap, d: &Dict, key: &PyObject) -> PyResult<()> {
    match pop(heap, d, key)? {
        Some(_) => Ok(()),
        // SAFETY: the caller holds the key; the error keeps its own reference.
        None => Err(crate::types::exceptions::key_error(heap, unsafe {
            Obj::from_borrowed(heap, key)
        })),
    }
}

/// Removes `key` and gives back its value, `None` when absent (`delitem_common` as
/// `_PyDict_Pop_KnownHash` uses it): a combined table's slot becomes a dummy and its entry
/// empty; a split table empties the value's slot and drops it from the order. Tables never
/// shrink. The key is released before this returns; the value goes with the result.
///
/// # Errors
/// `TypeError` for an unhashable key, or what a key comparison raises.
pub fn pop<'h>(heap: &'h Heap, d: &Dict, key: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let hash = key_hash(heap, key)?;
    let found = lookup(heap, d, key, hash)?.filter(|&ix| value_at(heap, d, ix).is_some());
    let Some(ix) = found else {
        return Ok(None);
    };
    notify_modified(heap, d);
    set_used(d, dict_len(d) - 1);
    let k = keys(d);
    let (old_key, old_value) = match values(d) {
        Some(v) => {
            v.remove_order(ix);
            (None, v.replace(ix, None))
        }
        None => {
            let i = probe_sequence(k, hash)
                .find(|&i| k.get_index(i) == ix as isize)
                .expect("a found entry has a slot");
            k.set_index(i, DKIX_DUMMY);
            let e = k.entry(heap, ix);
            let empty = Entry {
                hash: 0,
                key: None,
                value: None,
            };
            k.set_entry(ix, empty);
            (e.key, e.value)
        }
    };
    let old_value = old_value.expect("a live entry has a value");
    // SAFETY: the removed key and value references were the table's: the key's is released,
    // the value's goes to the caller.
    unsafe {
        old_key.into_iter().for_each(|o| heap.decref(o));
        Ok(Some(Obj::from_owned(heap, old_value)))
    }
}

/// The `(key, value)` pairs in insertion order, as new references: a snapshot that stays
/// valid whatever runs while it is used.
///
/// # Errors
/// `MemoryError` when there is no room for the snapshot.
pub fn items<'h>(heap: &'h Heap, d: &Dict) -> PyResult<Vec<(Obj<'h>, Obj<'h>)>> {
    let mut out = try_vec(dict_len(d))?;
    // SAFETY: entries of the live dict, each taken as new references while nothing runs.
    out.extend(entries(d).map(|(k, v)| unsafe {
        (
            Obj::from_borrowed(heap, k.as_ref()),
            Obj::from_borrowed(heap, v.as_ref()),
        )
    }));
    Ok(out)
}

/// The live `(key, value)` pairs in insertion order, borrowed from the table: the dict must
/// not change while they are read.
pub fn entries(d: &Dict) -> impl Iterator<Item = (ObjPtr, ObjPtr)> + '_ {
    let k = keys(d);
    let v = values(d);
    let n = v.map_or(k.nentries(), Values::used);
    (0..n).filter_map(move |i| match v {
        Some(v) => {
            let ix = v.order(i);
            Some((k.raw_entry(ix).0?, v.get(ix)?))
        }
        None => {
            let (key, value, _) = k.raw_entry(i);
            Some((key?, value?))
        }
    })
}

/// The entry at or after position `pos` of the iteration order, with the position after it:
/// what CPython's dict iterators step through (`di_pos`). For a combined table positions are
/// entry indices, deleted entries skipped; for a split table, places in the insertion order.
pub fn next_entry(d: &Dict, pos: usize) -> Option<(usize, ObjPtr, ObjPtr)> {
    let k = keys(d);
    match values(d) {
        Some(v) => {
            let ix = (pos < v.used()).then(|| v.order(pos))?;
            Some((pos + 1, k.raw_entry(ix).0?, v.get(ix)?))
        }
        None => (pos..k.nentries()).find_map(|i| match k.raw_entry(i) {
            (Some(key), Some(value), _) => Some((i + 1, key, value)),
            _ => None,
        }),
    }
}

/// The keys of `d` in order as new references, each with its hash: the stored one, or for a
/// str key of a str-keyed table the hash its str caches (no `__hash__` runs): what
/// `_PyDict_Next` gives the set operations that take a dict.
///
/// # Errors
/// None in practice (a str's hash cannot fail); the signature follows [`crate::abstract_::hash`].
pub fn keys_with_hashes<'h>(heap: &'h Heap, d: &Dict) -> PyResult<Vec<(Obj<'h>, i64)>> {
    let mut out = try_vec(dict_len(d))?;
    let mut pos = 0;
    while let Some((next, k, _, hash)) = next_entry_hash(d, pos) {
        pos = next;
        // SAFETY: a key of the live dict, taken as a new reference before anything runs.
        let k = unsafe { Obj::from_borrowed(heap, k.as_ref()) };
        let hash = match hash {
            Some(h) => h,
            None => crate::abstract_::hash(heap, k.object())?,
        };
        out.push((k, hash));
    }
    Ok(out)
}

/// [`next_entry`] with the entry's stored hash (`None` in a str-keyed table, which keeps no
/// hashes: its keys' hashes are cached in the strs).
pub(crate) fn next_entry_hash(
    d: &Dict,
    pos: usize,
) -> Option<(usize, ObjPtr, ObjPtr, Option<i64>)> {
    let k = keys(d);
    match values(d) {
        Some(v) => {
            let ix = (pos < v.used()).then(|| v.order(pos))?;
            let (key, _, hash) = k.raw_entry(ix);
            Some((pos + 1, key?, v.get(ix)?, hash))
        }
        None => (pos..k.nentries()).find_map(|i| match k.raw_entry(i) {
            (Some(key), Some(value), hash) => Some((i + 1, key, value, hash)),
            _ => None,
        }),
    }
}

/// Where a reversed iteration starts, plus one: the number of places in the iteration order
/// (`ma_used` for a split table, `dk_nentries` for a combined one).
pub fn iter_end(d: &Dict) -> usize {
    match values(d) {
        Some(v) => v.used(),
        None => keys(d).nentries(),
    }
}

/// The entry at or before position `pos` of the iteration order, with its position: what
/// CPython's reversed dict iterators step through (deleted entries of a combined table are
/// skipped backwards).
pub fn prev_entry(d: &Dict, pos: usize) -> Option<(usize, ObjPtr, ObjPtr)> {
    let k = keys(d);
    match values(d) {
        Some(v) => {
            let ix = (pos < v.used()).then(|| v.order(pos))?;
            Some((pos, k.raw_entry(ix).0?, v.get(ix)?))
        }
        None => (0..=pos.min(k.nentries().checked_sub(1)?))
            .rev()
            .find_map(|i| match k.raw_entry(i) {
                (Some(key), Some(value), _) => Some((i, key, value)),
                _ => None,
            }),
    }
}

/// `d.clear()` (`PyDict_Clear`): back to the shared empty keys; the old values are released in
/// table order, then the old table (for a split table, its values and its share of the keys).
pub fn clear(heap: &Heap, d: &Dict) {
    let old = keys(d);
    if old.is_empty_keys() {
        return;
    }
    notify_modified(heap, d);
    let old_values = values(d);
    header(d).ma_keys.set(heap.singletons().empty_dict_keys());
    header(d).ma_values.set(None);
    set_used(d, 0);
    for ix in 0..old.nentries() {
        let (key, value) = match old_values {
            Some(v) => (None, v.replace(ix, None)),
            None => {
                let (key, value, _) = old.raw_entry(ix);
                (key, value)
            }
        };
        // SAFETY: each live entry's key and value references were the table's.
        unsafe { key.into_iter().chain(value).for_each(|o| heap.decref(o)) };
    }
    release_table(heap, old, old_values);
}

/// `_PyDict_SizeOf`.
fn dict_sizeof(o: &PyObject) -> usize {
    let o = slot_self(o);
    let k = keys(o);
    let split = if is_split(o) {
        8 * (k.nentries() + k.usable() as usize)
    } else {
        0
    };
    let own = if k.refcnt() == 1 { k.bytes() } else { 0 };
    // `_PyObject_SIZE(Py_TYPE(mp))`: a subclass's member slots count.
    o.ob_type().basicsize() + split + own
}

unsafe fn dict_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead dict of this heap: entries released, keys freed, header recycled or freed.
    unsafe {
        clear(heap, slot_self(op.as_ref()));
        if !heap.dicts.push(op) {
            heap.free_object(op, DICT_TYPE.get());
        }
    }
}

/// `dict_repr`: walks the table by position (`PyDict_Next`), holding each key and value
/// across their reprs, which may run Python code that changes the dict: the walk then goes on
/// over the table as it is, as CPython's does.
fn dict_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let d = slot_self(o);
    let me = NonNull::from(o);
    // CPython enters before it looks at the size.
    if !heap.repr_enter(me) {
        return Ok("{...}".into());
    }
    if dict_len(d) == 0 {
        heap.repr_leave(me);
        return Ok("{}".into());
    }
    let result = repr_entries(heap, d);
    heap.repr_leave(me);
    result
}

fn repr_entries(heap: &Heap, d: &Dict) -> PyResult<String> {
    let mut out = String::new();
    push_str(&mut out, "{")?;
    let mut pos = 0;
    while let Some((next, k, v)) = next_entry(d, pos) {
        pos = next;
        // SAFETY: an entry of the live dict, taken as new references before anything runs.
        let (k, v) = unsafe {
            (
                Obj::from_borrowed(heap, k.as_ref()),
                Obj::from_borrowed(heap, v.as_ref()),
            )
        };
        if out.len() > 1 {
            push_str(&mut out, ", ")?;
        }
        push_str(&mut out, &crate::abstract_::repr(heap, k.object())?)?;
        push_str(&mut out, ": ")?;
        push_str(&mut out, &crate::abstract_::repr(heap, v.object())?)?;
    }
    push_str(&mut out, "}")?;
    Ok(out)
}

/// Appends `s`, with `MemoryError` instead of an abort when the string cannot grow.
pub(crate) fn push_str(out: &mut String, s: &str) -> PyResult<()> {
    out.try_reserve(s.len())
        .map_err(|_| PyErr::memory_error())?;
    out.push_str(s);
    Ok(())
}

/// `dict_richcompare` (`==`, `!=` between dicts; `dict_equal`).
fn dict_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Dict::cast(a), Dict::cast(b)) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let equal = dict_len(a) == dict_len(b) && dict_equal(heap, a, b)?;
    Ok(Some(crate::types::long::new_bool(
        heap,
        equal == (op == CompareOp::Eq),
    )))
}

/// `dict_equal` for dicts of the same length: each entry of `a`, by position in its table as
/// it is at each step, is looked up in `b` and its value compared, key and both values held
/// across the lookup and the comparison (which may run Python code that changes either dict).
fn dict_equal(heap: &Heap, a: &Dict, b: &Dict) -> PyResult<bool> {
    let mut pos = 0;
    while let Some((next, k, v, hash)) = next_entry_hash(a, pos) {
        pos = next;
        // SAFETY: an entry of the live dict, taken as new references before anything runs.
        let (k, v) = unsafe {
            (
                Obj::from_borrowed(heap, k.as_ref()),
                Obj::from_borrowed(heap, v.as_ref()),
            )
        };
        // `a`'s stored hash: the key's `__hash__` is not called (as CPython's `dict_equal`).
        let Some(w) = get_item_known_hash(heap, b, k.object(), hash)? else {
            return Ok(false);
        };
        if !crate::abstract_::compare_bool(heap, v.object(), w.object(), CompareOp::Eq)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Visits what the dict owns: keys and values of a combined table, the values of a split one
/// (its keys belong to the class's shared table).
/// Visits the keys `dict_traverse` leaves out: those of a str-keyed combined table.
pub(crate) fn visit_untraversed_keys(o: &Dict, visit: &mut dyn FnMut(ObjPtr)) {
    let k = keys(o);
    if values(o).is_some() || !k.is_unicode() {
        return;
    }
    for ix in 0..k.nentries() {
        if let (Some(key), Some(_), _) = k.raw_entry(ix) {
            visit(key);
        }
    }
}

/// `dict_traverse`: the values in entry order; a table with keys other than `str` also
/// visits each entry's key, after its value (a str key cannot be part of a cycle).
fn dict_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    traverse_entries(slot_self(o), visit);
}

/// `dict_traverse`, generic over the visitor: in entry order, each value, and its key unless
/// the table holds only `str` keys (which cannot be part of a cycle).
#[inline]
pub(crate) fn traverse_entries(o: &Dict, mut visit: impl FnMut(ObjPtr)) {
    let k = keys(o);
    for ix in 0..k.nentries() {
        match values(o) {
            Some(v) => v.get(ix).into_iter().for_each(&mut visit),
            None => {
                let (key, value, _) = k.raw_entry(ix);
                if let Some(value) = value {
                    visit(value);
                    if !k.is_unicode() {
                        key.into_iter().for_each(&mut visit);
                    }
                }
            }
        }
    }
}

/// Whether `ty` traverses its instances as a dict does ([`traverse_entries`]).
#[inline]
pub(crate) fn has_dict_traverse(ty: &crate::typeobj::PyTypeObject) -> bool {
    core::ptr::eq(ty.slots(), &DICT_SLOTS)
}

fn dict_clear_slot(heap: &Heap, o: &PyObject) {
    clear(heap, slot_self(o));
}

fn dict_len_slot(o: &PyObject) -> usize {
    dict_len(slot_self(o))
}

static DICT_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(dict_len_slot),
    concat: None,
    repeat: None,
};

pub(crate) static DICT_SLOTS: Slots = Slots {
    dealloc: dict_dealloc,
    sizeof: Some(dict_sizeof),
    repr: dict_repr,
    str: None,
    hash: None,
    richcompare: Some(dict_richcompare),
    number: Some(&or::DICT_NUMBER),
    sequence: Some(&DICT_SEQUENCE),
    traverse: Some(dict_traverse),
    clear: Some(dict_clear_slot),
    members: &[],
    getattr: None,
    setattr: None,
};

/// `dict`: `__basicsize__` 48, a GC type.
pub static DICT_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "dict",
        basicsize: size_of::<PyDictObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC
            .union(TypeFlags::BASETYPE)
            .union(DICT_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &DICT_SLOTS,
    },
);
