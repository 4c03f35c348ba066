//! What the VM's global-variable caches need from dicts (`Objects/dictobject.c` of CPython
//! 3.12: `_PyDictKeys_GetVersionForCurrentState`, `_PyDictKeys_StringLookup`,
//! `_PyDict_LookupIndex`; the reads of `LOAD_GLOBAL_MODULE` and `LOAD_GLOBAL_BUILTIN` in
//! `Python/bytecodes.c`).
//!
//! A keys object's version names one state of its keys: which key is at which entry index.
//! It is given lazily from the heap's counter (from 2; the shared empty keys are 1; 0 once
//! the counter is exhausted, and then nothing is cached) and dropped back to 0 whenever a key
//! is added or deleted; a resize makes a new keys object, which starts at 0. Changing a value
//! keeps the version. So a cached `(version, index)` pair is never stale: while a dict's keys
//! have that version, entry `index` holds the key it held when the pair was made (its value
//! may be another, and is re-read each time).
//!
//! ```text
//!  specialize: v = keys_version(heap, globals); ix = str_key_index(heap, globals, name)
//!  execute:    cached_value(globals, v, ix)  ── None ──► deoptimize (the generic lookup)
//! ```

use super::keys::lookup_unicode;
use super::{Dict, keys, lookup, value_at, values};
use crate::error::PyResult;
use crate::heap::Heap;
use crate::object::{ObjPtr, PyObject};
use crate::types::unicode::{Str, is_exact_str, str_hash_cached};

/// Where a name is in a dict's table (`_PyDictKeys_StringLookup`'s answers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyIndex {
    /// The entry index of the name.
    Found(usize),
    /// The table has no such key (`DKIX_EMPTY`).
    Absent,
    /// The table has keys other than exact strs, or the name is not an exact str
    /// (`DKIX_ERROR`): CPython does not specialize then.
    Unsupported,
}

/// `_PyDictKeys_GetVersionForCurrentState(d->ma_keys)`: the version of `d`'s keys as they are
/// now, given the first time it is asked for; 0 when the heap's counter is exhausted.
#[inline]
pub fn keys_version(heap: &Heap, d: &Dict) -> u32 {
    keys(d).version(heap)
}

/// `_PyDictKeys_StringLookup(d->ma_keys, name)`: the entry index of `name` (an exact str) in
/// `d`'s table of str keys, found by identity or by hash, length and bytes: no Python code
/// runs and nothing is allocated. For a split table, the index is in the shared keys, and may
/// be that of a name this dict does not hold.
pub fn str_key_index(heap: &Heap, d: &Dict, name: &PyObject) -> KeyIndex {
    let k = keys(d);
    let Some(name) = Str::cast(name).filter(|_| k.is_unicode() && is_exact_str(name)) else {
        return KeyIndex::Unsupported;
    };
    match lookup_unicode(heap, k, name, str_hash_cached(heap, name)) {
        Some(ix) => KeyIndex::Found(ix),
        None => KeyIndex::Absent,
    }
}

/// `_PyDict_LookupIndex(d, key)`: the entry index of any hashable key, if present.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or what a key comparison raises.
pub fn lookup_index(heap: &Heap, d: &Dict, key: &PyObject) -> PyResult<Option<usize>> {
    let hash = super::key_hash(heap, key)?;
    lookup(heap, d, key, hash)
}

/// The read of `LOAD_GLOBAL_MODULE`/`LOAD_GLOBAL_BUILTIN`: the value at entry `ix` of `d`'s
/// combined table if its keys still have `version` (non-zero) and the entry holds a value,
/// borrowed; `None` means "deoptimize". A split table, an index out of range or any other
/// version answer `None`, so no pair can read outside the table.
#[inline]
pub fn cached_value(d: &Dict, version: u32, ix: usize) -> Option<ObjPtr> {
    let k = keys(d);
    if version == 0 || k.raw_version() != version || values(d).is_some() || ix >= k.nentries() {
        return None;
    }
    k.raw_entry(ix).1
}

/// Whether `d`'s keys still have `version` (non-zero): the check `LOAD_GLOBAL_BUILTIN` makes
/// on the globals, where the name was absent when the pair was made.
#[inline]
pub fn has_keys_version(d: &Dict, version: u32) -> bool {
    version != 0 && keys(d).raw_version() == version
}

/// The value at entry `ix` of `d` whatever its version (for a split table, this dict's value
/// for shared key `ix`), borrowed: `None` when the entry is empty or out of range.
pub fn value_at_index(heap: &Heap, d: &Dict, ix: usize) -> Option<ObjPtr> {
    (ix < keys(d).nentries())
        .then(|| value_at(heap, d, ix))
        .flatten()
}
