//! Moving one entry of a dict to the front or the back of its order without touching the
//! table's size: what `OrderedDict.move_to_end` needs (`Objects/odictobject.c`,
//! `OrderedDict_move_to_end_impl`).
//!
//! CPython's `OrderedDict` keeps its order in a linked list of nodes beside the dict, so
//! `move_to_end` never changes the dict's table. pyrt's `OrderedDict` keeps its order in the
//! dict's own entries (which are in insertion order, as the list is until a move), so a move
//! rotates the entries between the key's and the end in place and renumbers the index slots
//! that point into that range: the keys object keeps its size, `dk_nentries` and
//! `dk_usable`, so `sys.getsizeof` and every later resize are CPython's.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::object::PyObject;

use super::{Dict, key_hash, keys, lookup, value_at};

/// Moves `key`'s entry to the end of `d`'s order (`last`) or to its start. `Ok(false)` when
/// `key` is absent.
///
/// # Errors
/// `TypeError` for an unhashable key, or what a key comparison raises.
pub fn move_to_end(heap: &Heap, d: &Dict, key: &PyObject, last: bool) -> PyResult<bool> {
    let hash = key_hash(heap, key)?;
    let Some(ix) = lookup(heap, d, key, hash)?.filter(|&ix| value_at(heap, d, ix).is_some())
    else {
        return Ok(false);
    };
    if super::is_split(d) {
        // Only instance namespaces are split (an `OrderedDict`'s table is combined): there the
        // order is the values' order bytes, rewritten with `ix` first or last.
        let v = super::values(d).ok_or_else(crate::view::bad_internal_call)?;
        let mut order: Vec<usize> = v.ordered().filter(|&i| i != ix).collect();
        if last {
            order.push(ix);
        } else {
            order.insert(0, ix);
        }
        for &i in &order {
            v.remove_order(i);
        }
        for i in order {
            v.push_order(i);
        }
        return Ok(true);
    }
    let k = keys(d);
    let n = k.nentries();
    let (from, to) = if last { (ix, n - 1) } else { (ix, 0) };
    if from == to {
        return Ok(true);
    }
    let moved = k.entry(heap, from);
    if last {
        for i in from..to {
            let next = k.entry(heap, i + 1);
            k.set_entry(i, next);
        }
    } else {
        for i in (to..from).rev() {
            let prev = k.entry(heap, i);
            k.set_entry(i + 1, prev);
        }
    }
    k.set_entry(to, moved);
    for slot in 0..k.size() {
        let j = k.get_index(slot);
        if j < 0 {
            continue;
        }
        let j = j as usize;
        let renumbered = if j == from {
            to
        } else if last && j > from && j <= to {
            j - 1
        } else if !last && j >= to && j < from {
            j + 1
        } else {
            continue;
        };
        k.set_index(slot, renumbered as isize);
    }
    Ok(true)
}

/// `1 << dk_log2_size` of `d`'s table, 0 for the shared empty table of a dict that never held
/// an item (or was cleared): the size of an `OrderedDict`'s `od_fast_nodes` array, which
/// `_odict_resize` keeps parallel to the table.
pub fn table_size(d: &Dict) -> usize {
    let k = keys(d);
    if k.is_empty_keys() { 0 } else { k.size() }
}
