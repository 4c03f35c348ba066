//! `set` and `frozenset` (`Objects/setobject.c`): a 200-byte GC object with an inline table of
//! 8 entries (`smalltable`); bigger tables are separate `PyMem` blocks of `16 × size` bytes.
//! `__sizeof__` = 200 + the separate table.
//!
//! Probing, growth and deletion are CPython's, so iteration order (table order) matches:
//! * a lookup checks slot `hash & mask` and up to 9 following slots, then jumps with
//!   `i = (5i + 1 + perturb) & mask`, `perturb >>= 5`;
//! * a deleted entry becomes a dummy, reused by a later insertion of a new key;
//! * after filling a never-used slot, when `fill × 5 >= mask × 3`, the table is rebuilt at the
//!   smallest power of two (at least 8) strictly greater than `4 × used` (`2 × used` above
//!   50,000 items); removal never shrinks, except that `difference_update` rebuilds the same way
//!   when more than a quarter of the table is dummies (`purge_dummies`);
//! * merging a set resizes once to fit `2 × (used + other.used)` first.
//!
//! Views: [`AnySet`] (`PyAnySet_Check`: set, frozenset and their subclasses) is what the
//! reading operations take; [`Set`] (`PySet_Check`: set and its subclasses, never a
//! frozenset) is what every mutating one takes, so a frozenset cannot be changed through the
//! public API. A frozenset is filled once, when it is made, by [`frozenset_from`](crate::types::set_ops::frozenset_from) (or by the
//! set algebra of this crate, on the fresh result).
//!
//! This module owns the table: its entries, `fill`/`used`/`mask` and the inline table are
//! touched nowhere else. The set algebra (union, intersection, difference, symmetric
//! difference and their in-place forms) is in [`super::set_ops`], built on the primitives
//! here: `active_entries`, `contains_hashed`, `add_hashed`, `discard_hashed`,
//! `purge_dummies` and `swap_bodies`.
//! The Python-visible methods are declared in [`super::set_methods`].

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PySet_MINSIZE`.
pub const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// `setentry`: an unused entry has no key and hash 0; a dummy has the dummy key and hash −1.
#[derive(Clone, Copy)]
#[repr(C)]
struct SetEntry {
    key: Option<ObjPtr>,
    hash: i64,
}

const UNUSED: SetEntry = SetEntry { key: None, hash: 0 };

/// `PySetObject`.
#[repr(C)]
pub struct PySetObject {
    ob_base: PyObject,
    fill: Cell<isize>,
    used: Cell<isize>,
    mask: Cell<isize>,
    table: Cell<*mut SetEntry>,
    hash: Cell<i64>,
    finger: Cell<isize>,
    smalltable: [Cell<SetEntry>; MINSIZE],
    weakreflist: Cell<*mut PyObject>,
}

const _: () = assert!(size_of::<PySetObject>() == 200);

/// Whether `o` is a set or frozenset, or an instance of a subclass of either
/// (`PyAnySet_Check`).
pub fn is_anyset(o: &PyObject) -> bool {
    is_set(o) || is_frozenset(o)
}

/// Whether `o` is a set or an instance of a subclass of `set`, never a frozenset
/// (`PySet_Check`).
pub fn is_set(o: &PyObject) -> bool {
    o.ob_type().is_subtype(SET_TYPE.get())
}

/// Whether `o` is a frozenset or an instance of a subclass of `frozenset`
/// (`PyFrozenSet_Check`).
pub fn is_frozenset(o: &PyObject) -> bool {
    o.ob_type().is_subtype(FROZENSET_TYPE.get())
}

crate::view! {
    /// A set or frozenset, or an instance of a subclass of either (`PyAnySet_Check`): what
    /// the reading operations take.
    pub struct AnySet: "set" = is_anyset;
}

crate::view! {
    /// A mutable set: `set` or an instance of a subclass, never a frozenset (`PySet_Check`):
    /// what the mutating operations take.
    pub struct Set: "set" = is_set;
}

impl Set {
    /// The set as a view of any set, for the reading operations.
    #[inline]
    pub fn as_any(&self) -> &AnySet {
        // SAFETY: `PySet_Check` implies `PyAnySet_Check`.
        unsafe { AnySet::cast_unchecked(self) }
    }
}

/// The set or frozenset a slot of the set or frozenset type was called on.
fn slot_self(o: &PyObject) -> &AnySet {
    // SAFETY: the slots of `set` and `frozenset` are only called on their instances (or on
    // instances of subclasses, which inherit the slots and the layout).
    unsafe { AnySet::cast_unchecked(o) }
}

fn header(o: &AnySet) -> &PySetObject {
    // SAFETY: the view guarantees a set or frozenset, which start with a `PySetObject`.
    unsafe { &*ptr::from_ref(o).cast::<PySetObject>() }
}

/// Number of elements.
pub fn set_len(o: &AnySet) -> usize {
    header(o).used.get() as usize
}

/// Table size (`mask + 1`).
pub fn table_size(o: &AnySet) -> usize {
    header(o).mask.get() as usize + 1
}

fn entry(o: &AnySet, i: usize) -> SetEntry {
    // SAFETY: `i <= mask`: inside the current table.
    unsafe { header(o).table.get().add(i).read() }
}

fn set_entry(o: &AnySet, i: usize, e: SetEntry) {
    // SAFETY: as in `entry`.
    unsafe { header(o).table.get().add(i).write(e) }
}

fn is_dummy(heap: &Heap, e: SetEntry) -> bool {
    e.key == Some(heap.singletons().set_dummy())
}

/// A new empty set or frozenset using its inline table.
fn alloc_set<'h>(heap: &'h Heap, ty: &'static StaticType) -> PyResult<Obj<'h>> {
    let set = new_subclass_set(heap, ty.get())?;
    // SAFETY: the set is complete.
    unsafe { heap.track(set.object()) };
    Ok(set)
}

/// A new empty, untracked set body of type `ty` (`set`, `frozenset`, or a class whose base is
/// one of them: `make_new_set` through `PyType_GenericAlloc`); the caller tracks it, and for a
/// class gives it its reference to `ty`.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_set<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
) -> PyResult<Obj<'h>> {
    let base = size_of::<PySetObject>();
    let op = heap.alloc_object(ty, ty.basicsize().max(base))?;
    // SAFETY: a fresh set body whose header and single reference we own; the table points at
    // its own inline entries (the object never moves); a class's member slots follow, unset.
    unsafe {
        op.cast::<u8>()
            .add(base)
            .write_bytes(0, ty.basicsize().saturating_sub(base));
        let s = op.cast::<PySetObject>().as_ptr();
        ptr::addr_of_mut!((*s).fill).write(Cell::new(0));
        ptr::addr_of_mut!((*s).used).write(Cell::new(0));
        ptr::addr_of_mut!((*s).mask).write(Cell::new(MINSIZE as isize - 1));
        ptr::addr_of_mut!((*s).hash).write(Cell::new(-1));
        ptr::addr_of_mut!((*s).finger).write(Cell::new(0));
        ptr::addr_of_mut!((*s).smalltable).write(core::array::from_fn(|_| Cell::new(UNUSED)));
        ptr::addr_of_mut!((*s).weakreflist).write(Cell::new(ptr::null_mut()));
        let small = ptr::addr_of_mut!((*s).smalltable).cast::<SetEntry>();
        ptr::addr_of_mut!((*s).table).write(Cell::new(small));
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new empty `set`.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_set(heap: &Heap) -> PyResult<Obj<'_>> {
    alloc_set(heap, &SET_TYPE)
}

/// A new empty `frozenset`, to be filled before it is shared (outside this crate, frozensets
/// are made filled, by [`set_ops::frozenset_from`](super::set_ops::frozenset_from)).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_frozenset(heap: &Heap) -> PyResult<Obj<'_>> {
    alloc_set(heap, &FROZENSET_TYPE)
}

fn uses_smalltable(o: &AnySet) -> bool {
    ptr::eq(
        header(o).table.get().cast_const(),
        header(o).smalltable.as_ptr().cast(),
    )
}

/// `set_insert_clean`: places a key known to be absent in a table without dummies.
fn insert_clean(table: *mut SetEntry, mask: usize, key: ObjPtr, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        // SAFETY: every index visited is `<= mask`, inside the table.
        unsafe {
            if (*table.add(i)).key.is_none() {
                table.add(i).write(SetEntry {
                    key: Some(key),
                    hash,
                });
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if (*table.add(i + j)).key.is_none() {
                        table.add(i + j).write(SetEntry {
                            key: Some(key),
                            hash,
                        });
                        return;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// `set_table_resize`: rebuilds the table at the smallest power of two above `minused`.
fn table_resize(heap: &Heap, o: &AnySet, minused: usize) -> PyResult<()> {
    let mut newsize = MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let h = header(o);
    let (oldmask, was_small) = (h.mask.get() as usize, uses_smalltable(o));
    let old: Vec<SetEntry> = (0..=oldmask).map(|i| entry(o, i)).collect();
    if newsize == MINSIZE && was_small && h.fill.get() == h.used.get() {
        return Ok(());
    }
    let new_table: *mut SetEntry = if newsize == MINSIZE {
        small_ptr(h)
    } else {
        heap.alloc_bytes(16 * newsize)?.as_ptr().cast()
    };
    // SAFETY: the new table holds `newsize` entries.
    unsafe { new_table.write_bytes(0, newsize) };
    if !was_small {
        // SAFETY: the old separate table, copied into `old` above.
        unsafe { heap.free_bytes(NonNull::new_unchecked(h.table.get().cast())) };
    }
    h.table.set(new_table);
    h.mask.set(newsize as isize - 1);
    h.fill.set(h.used.get());
    for e in old {
        if let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) {
            insert_clean(new_table, newsize - 1, k, e.hash);
        }
    }
    Ok(())
}

/// Outcome of a probe for a key.
enum Probe {
    /// Present at this slot.
    Found(usize),
    /// Absent; the slot to use and whether it is a reused dummy.
    Absent(usize, bool),
}

/// `set_add_entry`'s probe: finds `key`, or the slot an insertion would take.
///
/// Comparing elements may run Python code that changes the set: as CPython does, the key
/// compared is held for the call, and the probe starts over when the table or that entry
/// changed meanwhile: `set_lookkey` always; `set_add_entry` only when the elements were not
/// equal (an equal element found is "already present", even in a changed table, and the slot
/// is not used).
fn probe(heap: &Heap, o: &AnySet, key: &PyObject, hash: i64) -> PyResult<Probe> {
    probe_for(heap, o, key, hash, false)
}

/// [`probe`] as `set_add_entry` makes it (`adding`: equality before the mutation check) or as
/// `set_lookkey` does.
fn probe_for(heap: &Heap, o: &AnySet, key: &PyObject, hash: i64, adding: bool) -> PyResult<Probe> {
    'restart: loop {
        let (table, mask) = (header(o).table.get(), header(o).mask.get() as usize);
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let e = entry(o, j);
                if e.hash == 0 && e.key.is_none() {
                    return Ok(match freeslot {
                        Some(f) => Probe::Absent(f, true),
                        None => Probe::Absent(j, false),
                    });
                }
                if e.hash == hash
                    && let Some(k) = e.key
                {
                    if ptr::eq(k.as_ptr().cast_const(), key) {
                        return Ok(Probe::Found(j));
                    }
                    // SAFETY: an active key of the set, taken as a new reference for the
                    // comparison, which may change the set.
                    let start = unsafe { Obj::from_borrowed(heap, k.as_ref()) };
                    let eq =
                        crate::abstract_::compare_bool(heap, start.object(), key, CompareOp::Eq)?;
                    drop(start);
                    if adding && eq {
                        return Ok(Probe::Found(j));
                    }
                    if header(o).table.get() != table || entry(o, j).key != Some(k) {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Probe::Found(j));
                    }
                } else if e.hash == -1 {
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

/// `set.add(key)` (`set_add_entry`).
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub fn add<'h>(heap: &'h Heap, o: &Set, key: Obj<'h>) -> PyResult<()> {
    add_key(heap, o.as_any(), key)
}

/// `set_add_key` on a set or a frozenset being made (the crate's path for filling a fresh
/// frozenset).
///
/// # Errors
/// `TypeError: unhashable type: ...`, or `MemoryError`.
pub(super) fn add_key<'h>(heap: &'h Heap, o: &AnySet, key: Obj<'h>) -> PyResult<()> {
    let hash = crate::abstract_::hash(heap, key.object())?;
    add_hashed(heap, o, key, hash)
}

/// `set_add_entry`: adds `key` (whose hash is `hash`) unless present, growing the table after
/// filling a never-used slot when `fill × 5 >= mask × 3`.
///
/// # Errors
/// `MemoryError`, or what comparing elements raises.
pub(super) fn add_hashed<'h>(heap: &'h Heap, o: &AnySet, key: Obj<'h>, hash: i64) -> PyResult<()> {
    let h = header(o);
    match probe_for(heap, o, key.object(), hash, true)? {
        // The index may be stale (the table changed during an equal comparison): unused.
        Probe::Found(_) => Ok(()),
        Probe::Absent(slot, reused_dummy) => {
            set_entry(
                o,
                slot,
                SetEntry {
                    key: Some(key.into_ptr()),
                    hash,
                },
            );
            h.used.set(h.used.get() + 1);
            if reused_dummy {
                return Ok(());
            }
            h.fill.set(h.fill.get() + 1);
            if (h.fill.get() as usize) * 5 < (h.mask.get() as usize) * 3 {
                return Ok(());
            }
            table_resize(heap, o, growth_target(o))
        }
    }
}

/// `key in s` (`set_contains`): a set key, unhashable, is looked up as a frozenset of its
/// elements (`{1} in {frozenset({1})}` is true).
///
/// # Errors
/// `TypeError: unhashable type: ...`.
pub fn contains(heap: &Heap, o: &AnySet, key: &PyObject) -> PyResult<bool> {
    as_frozen_on_type_error(heap, key, |key| {
        let hash = crate::abstract_::hash(heap, key)?;
        Ok(matches!(probe(heap, o, key, hash)?, Probe::Found(_)))
    })
}

/// Runs `f` with `key`; when that raises `TypeError` and `key` is a set (unhashable), runs it
/// again with a frozenset of the same elements: how `set_contains`, `set_discard` and
/// `set_remove` look up a set.
fn as_frozen_on_type_error<T>(
    heap: &Heap,
    key: &PyObject,
    f: impl Fn(&PyObject) -> PyResult<T>,
) -> PyResult<T> {
    match f(key) {
        Err(e) if e.kind() == ExcKind::TypeError && is_set(key) => {
            let frozen = new_frozenset(heap)?;
            let view = AnySet::cast_internal(frozen.object())?;
            merge_into(heap, view, AnySet::cast_internal(key)?)?;
            f(view)
        }
        r => r,
    }
}

/// `s.discard(key)` (`set_discard`): `true` if it was there (its entry becomes a dummy). A set
/// key is looked up as a frozenset, as by [`contains`].
///
/// # Errors
/// `TypeError: unhashable type: ...`.
pub fn discard(heap: &Heap, o: &Set, key: &PyObject) -> PyResult<bool> {
    as_frozen_on_type_error(heap, key, |key| {
        let hash = crate::abstract_::hash(heap, key)?;
        discard_hashed(heap, o.as_any(), key, hash)
    })
}

/// `set_discard_entry`: removes `key` (whose hash is `hash`) if present, leaving a dummy;
/// `true` if it was there. Never resizes.
///
/// # Errors
/// What comparing elements raises.
pub(super) fn discard_hashed(heap: &Heap, o: &AnySet, key: &PyObject, hash: i64) -> PyResult<bool> {
    let Probe::Found(i) = probe(heap, o, key, hash)? else {
        return Ok(false);
    };
    let old = entry(o, i).key.expect("a found entry is active");
    set_entry(
        o,
        i,
        SetEntry {
            key: Some(heap.singletons().set_dummy()),
            hash: -1,
        },
    );
    header(o).used.set(header(o).used.get() - 1);
    // SAFETY: the removed key's reference was the table's.
    unsafe { heap.decref(old) };
    Ok(true)
}

/// `s.remove(key)` (`set_remove`): as [`discard`], and absent is an error.
///
/// # Errors
/// `KeyError: key` when absent, `TypeError: unhashable type: ...`.
pub fn remove(heap: &Heap, o: &Set, key: &PyObject) -> PyResult<()> {
    if discard(heap, o, key)? {
        return Ok(());
    }
    // SAFETY: the caller holds the key; the error keeps its own reference (`KeyError(key)`).
    Err(crate::types::exceptions::key_error(heap, unsafe {
        Obj::from_borrowed(heap, key)
    }))
}

/// `s.pop()`: the first active entry from the search finger on.
///
/// # Errors
/// `KeyError: 'pop from an empty set'`.
pub fn pop<'h>(heap: &'h Heap, o: &Set) -> PyResult<Obj<'h>> {
    let o = o.as_any();
    let h = header(o);
    if h.used.get() == 0 {
        return Err(PyErr::new(ExcKind::KeyError, "'pop from an empty set'"));
    }
    let mask = h.mask.get() as usize;
    let mut i = (h.finger.get() as usize) & mask;
    loop {
        let e = entry(o, i);
        if let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) {
            set_entry(
                o,
                i,
                SetEntry {
                    key: Some(heap.singletons().set_dummy()),
                    hash: -1,
                },
            );
            h.used.set(h.used.get() - 1);
            h.finger.set(i as isize + 1);
            // SAFETY: the popped key's reference moves to the caller.
            return Ok(unsafe { Obj::from_owned(heap, k) });
        }
        i = if i >= mask { 0 } else { i + 1 };
    }
}

/// The elements in table order (iteration order).
pub fn elements(heap: &Heap, o: &AnySet) -> Vec<ObjPtr> {
    (0..table_size(o))
        .map(|i| entry(o, i))
        .filter(|e| !is_dummy(heap, *e))
        .filter_map(|e| e.key)
        .collect()
}

/// The element at or after table position `pos`, with the position after it: what CPython's
/// set iterator steps through (`si_pos`, skipping unused and dummy entries).
pub fn next_entry(heap: &Heap, o: &AnySet, pos: usize) -> Option<(usize, ObjPtr)> {
    (pos..table_size(o)).find_map(|i| {
        let e = entry(o, i);
        e.key.filter(|_| !is_dummy(heap, e)).map(|k| (i + 1, k))
    })
}

/// The active entries in table order, each key as a new reference with its stored hash: a
/// snapshot that stays valid while the set changes (`set_next` over a copy).
pub(super) fn active_entries<'h>(heap: &'h Heap, o: &AnySet) -> Vec<(Obj<'h>, i64)> {
    (0..table_size(o))
        .map(|i| entry(o, i))
        .filter(|e| !is_dummy(heap, *e))
        .filter_map(|e| {
            let k = e.key?;
            // SAFETY: an active key of a live set of this heap, taken as a new reference.
            Some((unsafe { Obj::from_borrowed(heap, k.as_ref()) }, e.hash))
        })
        .collect()
}

/// The active entries as `set_next` walks them: the table read live at each step (its mask
/// and array as they are then, so elements added past the position are met, as in CPython),
/// each key as a new reference with its stored hash.
pub(super) fn live_entries<'h, 'a>(
    heap: &'h Heap,
    o: &'a AnySet,
) -> impl Iterator<Item = (Obj<'h>, i64)> + use<'h, 'a> {
    let mut pos = 0;
    core::iter::from_fn(move || {
        while pos < table_size(o) {
            let e = entry(o, pos);
            pos += 1;
            if let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) {
                // SAFETY: an active key of the live set, taken as a new reference before any
                // code runs.
                return Some((unsafe { Obj::from_borrowed(heap, k.as_ref()) }, e.hash));
            }
        }
        None
    })
}

/// `set_contains_entry`: whether `key`, whose hash is `hash`, is in the set.
///
/// # Errors
/// What comparing elements raises.
pub(super) fn contains_hashed(
    heap: &Heap,
    o: &AnySet,
    key: &PyObject,
    hash: i64,
) -> PyResult<bool> {
    Ok(matches!(probe(heap, o, key, hash)?, Probe::Found(_)))
}

/// The argument of the growth resize: `4 × used`, or `2 × used` above 50,000 items.
fn growth_target(o: &AnySet) -> usize {
    let used = header(o).used.get() as usize;
    if used > 50_000 { used * 2 } else { used * 4 }
}

/// The end of `set_difference_update_internal`: when more than a quarter of the table is
/// dummies (`fill − used > mask / 4`), rebuilds it at the growth size for `used`. The result
/// may be *larger* than before: 2 of 4 items left in the inline table of 8 give a table of 16.
///
/// # Errors
/// `MemoryError` when the new table cannot be allocated.
pub(super) fn purge_dummies(heap: &Heap, o: &AnySet) -> PyResult<()> {
    let h = header(o);
    if (h.fill.get() - h.used.get()) as usize <= h.mask.get() as usize / 4 {
        return Ok(());
    }
    table_resize(heap, o, growth_target(o))
}

/// `set_swap_bodies`: exchanges the contents of two distinct sets (`fill`, `used`, `mask`, the
/// table, moving inline entries between the inline tables). The frozenset hash caches are
/// swapped when both are frozensets, and reset otherwise. Neither object's identity, type,
/// refcount or `finger` changes; element refcounts are untouched (each is still held once).
pub(super) fn swap_bodies(a: &AnySet, b: &AnySet) {
    assert!(!ptr::eq(a, b), "swap_bodies needs two distinct sets");
    let (ha, hb) = (header(a), header(b));
    let (a_small, b_small) = (uses_smalltable(a), uses_smalltable(b));
    let (ta, tb) = (ha.table.get(), hb.table.get());
    ha.fill.swap(&hb.fill);
    ha.used.swap(&hb.used);
    ha.mask.swap(&hb.mask);
    ha.table.set(if b_small { small_ptr(ha) } else { tb });
    hb.table.set(if a_small { small_ptr(hb) } else { ta });
    if a_small || b_small {
        for (x, y) in ha.smalltable.iter().zip(&hb.smalltable) {
            x.swap(y);
        }
    }
    if is_frozenset(a) && is_frozenset(b) {
        ha.hash.swap(&hb.hash);
    } else {
        ha.hash.set(-1);
        hb.hash.set(-1);
    }
}

fn small_ptr(h: &PySetObject) -> *mut SetEntry {
    h.smalltable.as_ptr().cast_mut().cast()
}

/// The resize `set_merge` and `set_update_internal` make before adding `n` entries: once, to
/// twice the entries there will be, when the table would be at least 3/5 full.
fn grow_for(heap: &Heap, o: &AnySet, n: isize) -> PyResult<()> {
    let h = header(o);
    if ((h.fill.get() + n) as usize) * 5 >= (h.mask.get() as usize) * 3 {
        table_resize(heap, o, ((h.used.get() + n) * 2) as usize)?;
    }
    Ok(())
}

/// `set_update_internal` for a dict: the table is first grown to fit the dict's keys (as
/// CPython sizes it, so that `sys.getsizeof` agrees), then each key is added in the dict's
/// order. The keys are taken as references first, so whatever adding runs cannot free one.
///
/// # Errors
/// `MemoryError` when the table cannot grow, or what comparing elements raises.
pub(super) fn merge_dict_keys(
    heap: &Heap,
    o: &AnySet,
    d: &crate::types::dict::Dict,
) -> PyResult<()> {
    grow_for(heap, o, crate::types::dict::dict_len(d) as isize)?;
    // `_PyDict_Next`: the dict read live at each position (an `__eq__` growing or clearing it
    // is seen, as in CPython), with its stored hashes (a key's `__hash__` is not called again;
    // a str key's hash is the one its str caches).
    let mut pos = 0;
    while let Some((next, k, _, hash)) = crate::types::dict::next_entry_hash(d, pos) {
        pos = next;
        // SAFETY: a key of the live dict, taken as a new reference before any code runs.
        let k = unsafe { Obj::from_borrowed(heap, k.as_ref()) };
        let hash = match hash {
            Some(h) => h,
            None => crate::abstract_::hash(heap, k.object())?,
        };
        add_hashed(heap, o, k, hash)?;
    }
    Ok(())
}

/// `set_merge` (`s |= other` for two sets): adds every element of another set or frozenset,
/// resizing once first.
///
/// # Errors
/// `MemoryError` when the table cannot grow, or what comparing elements raises.
pub fn merge(heap: &Heap, o: &Set, other: &AnySet) -> PyResult<()> {
    merge_into(heap, o.as_any(), other)
}

/// [`merge`] into a set or into a frozenset being made (copies, unions).
///
/// # Errors
/// `MemoryError` when the table cannot grow, or what comparing elements raises.
pub(super) fn merge_into(heap: &Heap, o: &AnySet, other: &AnySet) -> PyResult<()> {
    let (h, oh) = (header(o), header(other));
    if ptr::eq(o, other) || oh.used.get() == 0 {
        return Ok(());
    }
    grow_for(heap, o, oh.used.get())?;
    // The two bulk copies below run no code between reading `other` and writing `o`.
    if h.fill.get() == 0 && h.mask.get() == oh.mask.get() && oh.fill.get() == oh.used.get() {
        for i in 0..table_size(other) {
            let e = entry(other, i);
            if let Some(k) = e.key {
                // SAFETY: an element of the other set, now shared by this one.
                unsafe { k.as_ref() }.incref();
                set_entry(o, i, e);
            }
        }
        h.fill.set(oh.fill.get());
        h.used.set(oh.used.get());
        return Ok(());
    }
    if h.fill.get() == 0 {
        for i in 0..table_size(other) {
            let e = entry(other, i);
            if let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) {
                // SAFETY: an element of the other set, now shared by this one.
                unsafe { k.as_ref() }.incref();
                insert_clean(h.table.get(), h.mask.get() as usize, k, e.hash);
            }
        }
        h.fill.set(oh.used.get());
        h.used.set(oh.used.get());
        return Ok(());
    }
    // As CPython's loop, `other`'s table is read live by index up to its mask as it is at
    // each step (comparing elements may run code that changes either set: elements `other`
    // gains after the index are added too); each key is taken as a reference first.
    let mut i = 0;
    while i < table_size(other) {
        let e = entry(other, i);
        i += 1;
        let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) else {
            continue;
        };
        // SAFETY: an active element of the live set, taken as a new reference before any
        // code runs.
        let k = unsafe { Obj::from_borrowed(heap, k.as_ref()) };
        add_hashed(heap, o, k, e.hash)?;
    }
    Ok(())
}

/// `s.clear()`: back to the inline table.
pub fn clear(heap: &Heap, o: &Set) {
    clear_table(heap, o.as_any());
}

/// `set_clear_internal`: empties the table first, then releases the elements (whose
/// finalizers may run and see the set empty).
pub(super) fn clear_table(heap: &Heap, o: &AnySet) {
    let h = header(o);
    let old: Vec<SetEntry> = (0..table_size(o)).map(|i| entry(o, i)).collect();
    if !uses_smalltable(o) {
        // SAFETY: the separate table, copied into `old` above.
        unsafe { heap.free_bytes(NonNull::new_unchecked(h.table.get().cast())) };
    }
    h.smalltable.iter().for_each(|c| c.set(UNUSED));
    h.table.set(small_ptr(h));
    h.mask.set(MINSIZE as isize - 1);
    h.fill.set(0);
    h.used.set(0);
    h.hash.set(-1);
    for e in old {
        if let Some(k) = e.key.filter(|_| !is_dummy(heap, e)) {
            // SAFETY: each element's reference was the table's.
            unsafe { heap.decref(k) };
        }
    }
}

fn set_sizeof(o: &PyObject) -> usize {
    // `_PyObject_SIZE(Py_TYPE(so))`: a subclass's member slots count.
    let basicsize = o.ob_type().basicsize();
    let o = slot_self(o);
    basicsize
        + if uses_smalltable(o) {
            0
        } else {
            16 * table_size(o)
        }
}

unsafe fn set_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead set of this heap: its weak references cleared, its elements released,
    // its table and body freed.
    unsafe {
        crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        clear_table(heap, slot_self(op.as_ref()));
        let ty = op.as_ref().ob_type();
        heap.free_object(op, ty);
    }
}

fn set_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let name = o.ob_type().name();
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok(format!("{name}(...)"));
    }
    let o = slot_self(o);
    let result = if set_len(o) == 0 {
        Ok(format!("{name}()"))
    } else {
        // As CPython (`PySequence_List`, then its repr): references to the elements are taken
        // first, so that what their reprs run cannot free one.
        active_entries(heap, o)
            .into_iter()
            .map(|(k, _)| crate::abstract_::repr(heap, k.object()))
            .collect::<PyResult<Vec<_>>>()
            .map(|parts| {
                let body = parts.join(", ");
                if ptr::eq(o.ob_type(), SET_TYPE.get()) {
                    format!("{{{body}}}")
                } else {
                    format!("{name}({{{body}}})")
                }
            })
    };
    heap.repr_leave(me);
    result
}

/// `set_issubset` for two sets: whether every element of `a` is in `b` (false at once when `a`
/// is longer).
///
/// # Errors
/// What comparing elements raises.
pub(super) fn is_subset(heap: &Heap, a: &AnySet, b: &AnySet) -> PyResult<bool> {
    if set_len(a) > set_len(b) {
        return Ok(false);
    }
    for (k, hash) in live_entries(heap, a) {
        if !contains_hashed(heap, b, k.object(), hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (AnySet::cast(a), AnySet::cast(b)) else {
        return Ok(None);
    };
    let (la, lb) = (set_len(a), set_len(b));
    let result = match op {
        CompareOp::Eq => la == lb && is_subset(heap, a, b)?,
        CompareOp::Ne => !(la == lb && is_subset(heap, a, b)?),
        CompareOp::Le => is_subset(heap, a, b)?,
        CompareOp::Ge => is_subset(heap, b, a)?,
        CompareOp::Lt => la < lb && is_subset(heap, a, b)?,
        CompareOp::Gt => la > lb && is_subset(heap, b, a)?,
    };
    Ok(Some(crate::types::long::new_bool(heap, result)))
}

/// `hash(frozenset)`: order-independent, cached (`frozenset_hash`).
fn frozenset_hash_slot(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let o = slot_self(o);
    let h = header(o);
    if h.hash.get() == -1 {
        let hashes: Vec<i64> = (0..table_size(o))
            .map(|i| entry(o, i))
            .filter(|e| e.key.is_some() && !is_dummy(heap, *e))
            .map(|e| e.hash)
            .collect();
        h.hash.set(crate::hash::frozenset_hash(&hashes));
    }
    Ok(h.hash.get())
}

fn set_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let o = slot_self(o);
    let h = header(o);
    let mask = h.mask.get() as usize;
    for i in 0..=mask {
        // A dummy is an immortal sentinel: visiting it is harmless, but skip it as CPython does.
        if let SetEntry { key: Some(k), hash } = entry(o, i)
            && hash != -1
        {
            visit(k);
        }
    }
}

fn set_clear_slot(heap: &Heap, o: &PyObject) {
    clear_table(heap, slot_self(o));
}

fn set_len_slot(o: &PyObject) -> usize {
    set_len(slot_self(o))
}

static SET_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(set_len_slot),
    concat: None,
    repeat: None,
};

pub(crate) static SET_SLOTS: Slots = Slots {
    dealloc: set_dealloc,
    sizeof: Some(set_sizeof),
    repr: set_repr,
    str: None,
    hash: None,
    richcompare: Some(set_richcompare),
    number: None,
    sequence: Some(&SET_SEQUENCE),
    traverse: Some(set_traverse),
    clear: Some(set_clear_slot),
    members: &[],
    getattr: None,
    setattr: None,
};

pub(crate) static FROZENSET_SLOTS: Slots = Slots {
    hash: Some(frozenset_hash_slot),
    ..SET_SLOTS
};

/// `set`: `__basicsize__` 200, a GC type.
pub static SET_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "set",
        basicsize: size_of::<PySetObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
        base: Some(&OBJECT_TYPE),
        slots: &SET_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PySetObject, weakreflist));

/// `frozenset`: the same layout, hashable.
pub static FROZENSET_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "frozenset",
        basicsize: size_of::<PySetObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
        base: Some(&OBJECT_TYPE),
        slots: &FROZENSET_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PySetObject, weakreflist));
