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

/// What [`move_to_end`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// The key is not in the dict.
    Absent,
    /// The key's entry was already the first (or last) live one.
    AlreadyThere,
    /// The key's entry moved.
    Moved,
}

/// Moves `key`'s entry to the end of `d`'s order (`last`) or to its start.
///
/// # Errors
/// `TypeError` for an unhashable key, or what a key comparison raises.
pub fn move_to_end(heap: &Heap, d: &Dict, key: &PyObject, last: bool) -> PyResult<Moved> {
    let hash = key_hash(heap, key)?;
    let Some(ix) = lookup(heap, d, key, hash)?.filter(|&ix| value_at(heap, d, ix).is_some()) else {
        return Ok(Moved::Absent);
    };
    if super::is_split(d) {
        // Only instance namespaces are split (an `OrderedDict`'s table is combined): there the
        // order is the values' order bytes, rewritten with `ix` first or last.
        let v = super::values(d).ok_or_else(crate::view::bad_internal_call)?;
        let edge = if last {
            v.ordered().last()
        } else {
            v.ordered().next()
        };
        if edge == Some(ix) {
            return Ok(Moved::AlreadyThere);
        }
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
        return Ok(Moved::Moved);
    }
    let k = keys(d);
    let n = k.nentries();
    // The first or last live entry (dead ones may lie before or after it).
    let edge = if last {
        super::prev_entry(d, n.saturating_sub(1)).map(|e| e.0)
    } else {
        super::next_entry(d, 0).map(|e| e.0 - 1)
    };
    if edge == Some(ix) {
        return Ok(Moved::AlreadyThere);
    }
    let (from, to) = if last { (ix, n - 1) } else { (ix, 0) };
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
    Ok(Moved::Moved)
}

/// `1 << dk_log2_size` of `d`'s table, 0 for the shared empty table of a dict that never held
/// an item (or was cleared): the size of an `OrderedDict`'s `od_fast_nodes` array, which
/// `_odict_resize` keeps parallel to the table.
pub fn table_size(d: &Dict) -> usize {
    let k = keys(d);
    if k.is_empty_keys() { 0 } else { k.size() }
}

#[cfg(test)]
mod tests {
    use super::{Moved, move_to_end, table_size};
    use crate::Heap;
    use crate::types::dict::{Dict, get_item, items, keys, new_dict, pop, set_item};
    use crate::types::long::int_from_i64;
    use crate::types::unicode::new_str;

    fn order(heap: &Heap, d: &Dict) -> String {
        let pairs = items(heap, d).unwrap();
        pairs
            .iter()
            .map(|(k, _)| crate::abstract_::repr(heap, k.object()).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Moves rotate the entries (dead ones included) and keep every key findable, the
    /// table's size and its entry count.
    #[test]
    fn moves_keep_the_table_and_the_lookups() {
        let heap = Heap::new();
        let d = new_dict(&heap).unwrap();
        let view = Dict::cast(d.object()).unwrap();
        let int = |i| int_from_i64(&heap, i).unwrap();
        assert_eq!(table_size(view), 0);
        for i in 0..5 {
            set_item(&heap, view, int(i), int(i * 10)).unwrap();
        }
        pop(&heap, view, int(1).object()).unwrap().unwrap();
        let (size, nentries) = (table_size(view), keys(view).nentries());
        assert_eq!(size, 8);
        let mv = |i, last| move_to_end(&heap, view, int(i).object(), last).unwrap();
        assert_eq!(mv(0, true), Moved::Moved);
        assert_eq!(mv(4, false), Moved::Moved);
        assert_eq!(mv(4, false), Moved::AlreadyThere);
        assert_eq!(mv(0, true), Moved::AlreadyThere);
        assert_eq!(mv(1, true), Moved::Absent);
        assert_eq!(order(&heap, view), "4 2 3 0");
        assert_eq!((table_size(view), keys(view).nentries()), (size, nentries));
        for i in [0, 2, 3, 4] {
            let v = get_item(&heap, view, int(i).object()).unwrap().unwrap();
            assert_eq!(
                crate::abstract_::repr(&heap, v.object()).unwrap(),
                (i * 10).to_string()
            );
        }
        pop(&heap, view, int(2).object()).unwrap().unwrap();
        set_item(&heap, view, int(7), int(70)).unwrap();
        assert_eq!(order(&heap, view), "4 3 0 7");
    }

    /// A str-keyed table (entries without stored hashes) moves the same way.
    #[test]
    fn str_keys_move() {
        let heap = Heap::new();
        let d = new_dict(&heap).unwrap();
        let view = Dict::cast(d.object()).unwrap();
        for name in ["a", "b", "c"] {
            let k = new_str(&heap, name).unwrap();
            set_item(&heap, view, k.clone(), k).unwrap();
        }
        let b = new_str(&heap, "b").unwrap();
        assert_eq!(
            move_to_end(&heap, view, b.object(), false).unwrap(),
            Moved::Moved
        );
        let a = new_str(&heap, "a").unwrap();
        assert_eq!(
            move_to_end(&heap, view, a.object(), true).unwrap(),
            Moved::Moved
        );
        assert_eq!(order(&heap, view), "'b' 'c' 'a'");
        assert!(get_item(&heap, view, b.object()).unwrap().is_some());
    }
}
