//! `PyDictKeysObject` (`Objects/dictobject.c`, `Include/internal/pycore_dict.h`): the hash
//! index and the entries of a dict, and the only code that reads or writes their bytes.
//!
//! ```text
//!  │ header 32 │ indices: 2^k slots × w bytes │ entries: usable(2^k) × 16 (str keys) | 24 │
//! ```
//!
//! * indices: `w` = 1, 2, 4 or 8 bytes for `k` < 8, < 16, < 32, else; −1 empty, −2 deleted;
//! * entries in insertion order: `{key, value}` (16) when every key is an exact `str` (UNICODE
//!   and SPLIT kinds, the hash read from the str), else `{hash, key, value}` (24, GENERAL);
//! * a SPLIT table is the shared keys of a class's instances (`ht_cached_keys`): its entries'
//!   values are unused (each instance keeps its own [`Values`](super::values::Values)), and
//!   `dk_refcnt` counts the class and every split dict using it.
//!
//! Probing is CPython's: `i = hash & mask`, then `i = (5i + perturb + 1) & mask` with
//! `perturb >>= 5`, so every table has the layout CPython gives it.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{IMMORTAL_REFCNT, ObjPtr, PyObject};
use crate::typeobj::CompareOp;
use crate::types::unicode::{Str, is_exact_str, str_eq, str_hash_cached};
use crate::view::View;

/// The header of `PyDictKeysObject`; indices and entries follow it.
#[repr(C)]
pub(crate) struct KeysHeader {
    dk_refcnt: Cell<u64>,
    dk_log2_size: u8,
    dk_log2_index_bytes: u8,
    dk_kind: Cell<u8>,
    _padding: u8,
    /// `dk_version`: 0 until [`Keys::version`] gives this state of the keys a number, reset
    /// to 0 by every change of the index (a key added or deleted); a resize makes a new keys
    /// object, at 0. Values may change under one version.
    dk_version: Cell<u32>,
    dk_usable: Cell<isize>,
    dk_nentries: Cell<isize>,
}

const _: () = assert!(size_of::<KeysHeader>() == 32);

/// `DICT_KEYS_GENERAL`: 24-byte entries with the hash.
pub(super) const KIND_GENERAL: u8 = 0;
/// `DICT_KEYS_UNICODE`: 16-byte entries, every key an exact str.
pub(super) const KIND_UNICODE: u8 = 1;
/// `DICT_KEYS_SPLIT`: the shared str keys of a class's instances.
pub(super) const KIND_SPLIT: u8 = 2;
const DKIX_EMPTY: isize = -1;
/// An index slot whose entry was deleted.
pub(super) const DKIX_DUMMY: isize = -2;
const PERTURB_SHIFT: u32 = 5;
/// `PyDict_LOG_MINSIZE`.
pub const LOG_MINSIZE: u8 = 3;
/// `SHARED_KEYS_MAX_SIZE`: at most 30 attribute names are shared by a class's instances.
pub const SHARED_KEYS_MAX_SIZE: usize = 30;
/// `NEXT_LOG2_SHARED_KEYS_MAX_SIZE`: shared keys are a 64-slot table.
const NEXT_LOG2_SHARED_KEYS_MAX_SIZE: u8 = 6;

/// `USABLE_FRACTION(n)`: two thirds of the table.
pub const fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `calculate_log2_keysize`: the bit trick of 64-bit CPython (power of two ≥ `minsize`, at
/// least 8, but the next power for a power of two ≥ 16).
pub fn calculate_log2_keysize(minsize: usize) -> u8 {
    let v = ((minsize | 8) - 1) | 7;
    (usize::BITS - v.leading_zeros()) as u8
}

/// `estimate_log2_keysize`: the table for `n` items inserted at once.
pub fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

fn log2_index_bytes(log2_size: u8) -> u8 {
    match log2_size {
        0..8 => log2_size,
        8..16 => log2_size + 1,
        16..32 => log2_size + 2,
        _ => log2_size + 3,
    }
}

fn entry_size(kind: u8) -> usize {
    if kind == KIND_GENERAL { 24 } else { 16 }
}

/// Bytes of a keys object of this shape (`_PyDict_KeysSize`).
fn keys_size(log2_size: u8, kind: u8) -> usize {
    size_of::<KeysHeader>()
        + (1 << log2_index_bytes(log2_size))
        + usable_fraction(1 << log2_size) * entry_size(kind)
}

/// A typed view of a keys object.
#[derive(Clone, Copy)]
pub(crate) struct Keys(pub(super) NonNull<KeysHeader>);

/// One entry: the stored hash (read from the str for str-keyed tables), key and value.
#[derive(Clone, Copy)]
pub(super) struct Entry {
    pub(super) hash: i64,
    pub(super) key: Option<ObjPtr>,
    pub(super) value: Option<ObjPtr>,
}

impl Keys {
    fn header(&self) -> &KeysHeader {
        // SAFETY: a live keys object (owned by a dict or a class, or the heap's empty keys).
        unsafe { self.0.as_ref() }
    }

    pub(super) fn size(&self) -> usize {
        1 << self.header().dk_log2_size
    }

    /// Whether entries are 16-byte str entries (`DK_IS_UNICODE`: UNICODE or SPLIT).
    pub(super) fn is_unicode(&self) -> bool {
        self.header().dk_kind.get() != KIND_GENERAL
    }

    pub(super) fn is_split(&self) -> bool {
        self.header().dk_kind.get() == KIND_SPLIT
    }

    /// `dk_version` as it is (0: none given to the current state).
    #[inline]
    pub(super) fn raw_version(&self) -> u32 {
        self.header().dk_version.get()
    }

    /// `_PyDictKeys_GetVersionForCurrentState`: the version of the keys as they are now,
    /// given from the heap's counter the first time it is asked for; 0 once the counter ran
    /// out.
    pub(super) fn version(&self, heap: &Heap) -> u32 {
        let v = self.raw_version();
        if v != 0 {
            return v;
        }
        let v = heap.next_dict_keys_version();
        self.header().dk_version.set(v);
        v
    }

    /// The shared empty keys (`Py_EMPTY_KEYS`).
    pub(super) fn is_empty_keys(&self) -> bool {
        self.header().dk_refcnt.get() == IMMORTAL_REFCNT
    }

    pub(super) fn refcnt(&self) -> u64 {
        self.header().dk_refcnt.get()
    }

    /// `dictkeys_incref` (a new split dict shares these keys).
    pub(super) fn incref(&self) {
        if !self.is_empty_keys() {
            self.header().dk_refcnt.set(self.refcnt() + 1);
        }
    }

    pub(super) fn usable(&self) -> isize {
        self.header().dk_usable.get()
    }

    pub(super) fn set_usable(&self, usable: isize) {
        self.header().dk_usable.set(usable);
    }

    pub(super) fn nentries(&self) -> usize {
        self.header().dk_nentries.get() as usize
    }

    pub(super) fn set_nentries(&self, n: usize) {
        self.header().dk_nentries.set(n as isize);
    }

    /// `_PyDict_KeysSize`: the bytes of this keys object.
    pub(super) fn bytes(&self) -> usize {
        keys_size(self.header().dk_log2_size, self.header().dk_kind.get())
    }

    fn base(&self) -> *mut u8 {
        self.0.as_ptr().cast()
    }

    pub(super) fn get_index(&self, i: usize) -> isize {
        let p = self.base().wrapping_add(size_of::<KeysHeader>());
        // SAFETY: `i < size`; the indices array has `size` slots of the table's width.
        unsafe {
            match self.header().dk_log2_index_bytes - self.header().dk_log2_size {
                0 => isize::from(p.cast::<i8>().add(i).read()),
                1 => isize::from(p.cast::<i16>().add(i).read()),
                2 => p.cast::<i32>().add(i).read() as isize,
                _ => p.cast::<i64>().add(i).read() as isize,
            }
        }
    }

    /// Writes slot `i` of the index: a key is added or deleted, so the keys' version (if
    /// any) no longer describes them.
    pub(super) fn set_index(&self, i: usize, ix: isize) {
        self.header().dk_version.set(0);
        let p = self.base().wrapping_add(size_of::<KeysHeader>());
        // SAFETY: as in `get_index`; the value fits the width by construction.
        unsafe {
            match self.header().dk_log2_index_bytes - self.header().dk_log2_size {
                0 => p.cast::<i8>().add(i).write(ix as i8),
                1 => p.cast::<i16>().add(i).write(ix as i16),
                2 => p.cast::<i32>().add(i).write(ix as i32),
                _ => p.cast::<i64>().add(i).write(ix as i64),
            }
        }
    }

    fn entries(&self) -> *mut u8 {
        self.base()
            .wrapping_add(size_of::<KeysHeader>() + (1usize << self.header().dk_log2_index_bytes))
    }

    /// The key and value of entry `ix`, and its stored hash (GENERAL tables only).
    pub(super) fn raw_entry(&self, ix: usize) -> (Option<ObjPtr>, Option<ObjPtr>, Option<i64>) {
        debug_assert!(ix < usable_fraction(self.size()));
        // SAFETY: `ix < usable(size)`: inside the entries array.
        unsafe {
            if self.is_unicode() {
                let [key, value] = self.entries().cast::<[Option<ObjPtr>; 2]>().add(ix).read();
                (key, value, None)
            } else {
                let (hash, key, value) = self
                    .entries()
                    .cast::<(i64, Option<ObjPtr>, Option<ObjPtr>)>()
                    .add(ix)
                    .read();
                (key, value, Some(hash))
            }
        }
    }

    /// Entry `ix`, with the hash read from the key for str-keyed tables (cached in the str).
    pub(super) fn entry(&self, heap: &Heap, ix: usize) -> Entry {
        let (key, value, stored) = self.raw_entry(ix);
        let hash = match (stored, key) {
            (Some(hash), _) => hash,
            (None, None) => 0,
            (None, Some(k)) => {
                // SAFETY: keys of a live table are live objects of this heap.
                str_key_hash(heap, unsafe { k.as_ref() })
            }
        };
        Entry { hash, key, value }
    }

    pub(super) fn set_entry(&self, ix: usize, e: Entry) {
        debug_assert!(ix < usable_fraction(self.size()));
        // SAFETY: as in `raw_entry`.
        unsafe {
            if self.is_unicode() {
                self.entries()
                    .cast::<[Option<ObjPtr>; 2]>()
                    .add(ix)
                    .write([e.key, e.value]);
            } else {
                self.entries()
                    .cast::<(i64, Option<ObjPtr>, Option<ObjPtr>)>()
                    .add(ix)
                    .write((e.hash, e.key, e.value));
            }
        }
    }

    /// Puts `value` in entry `ix` of a combined table, giving back the value it held; the key
    /// (and a GENERAL table's stored hash) stay as they are.
    #[inline]
    pub(super) fn replace_value(&self, ix: usize, value: ObjPtr) -> Option<ObjPtr> {
        debug_assert!(ix < self.nentries());
        if !self.is_unicode() {
            let (key, old, hash) = self.raw_entry(ix);
            let hash = hash.unwrap_or(0);
            self.set_entry(
                ix,
                Entry {
                    hash,
                    key,
                    value: Some(value),
                },
            );
            return old;
        }
        // SAFETY: `ix < dk_nentries <= usable(size)`: inside the entries array of `{key,
        // value}` pairs; the value is the pair's second word.
        unsafe {
            self.entries()
                .cast::<[Option<ObjPtr>; 2]>()
                .add(ix)
                .cast::<Option<ObjPtr>>()
                .add(1)
                .replace(Some(value))
        }
    }

    /// Appends a new entry at `dk_nentries` whose index goes in `hash`'s first free slot; the
    /// caller checked `dk_usable > 0`.
    pub(super) fn push_entry(&self, e: Entry) -> usize {
        debug_assert!(self.usable() > 0);
        let ix = self.nentries();
        self.set_index(find_empty_slot(*self, e.hash), ix as isize);
        self.set_entry(ix, e);
        self.set_usable(self.usable() - 1);
        self.set_nentries(ix + 1);
        ix
    }
}

/// The hash of a key of a str-keyed table (always an exact str there), read from the str.
#[inline]
fn str_key_hash(heap: &Heap, k: &PyObject) -> i64 {
    match Str::cast(k) {
        Some(s) => str_hash_cached(heap, s),
        None => crate::abstract_::hash(heap, k).unwrap_or(-1),
    }
}

/// The shared empty keys (`Py_EMPTY_KEYS`): immortal, size 1, never counted by `__sizeof__`.
#[repr(C)]
pub(crate) struct EmptyKeys {
    header: KeysHeader,
    indices: [u8; 8],
}

impl EmptyKeys {
    pub(crate) fn new() -> EmptyKeys {
        EmptyKeys {
            header: KeysHeader {
                dk_refcnt: Cell::new(IMMORTAL_REFCNT),
                dk_log2_size: 0,
                dk_log2_index_bytes: 0,
                dk_kind: Cell::new(KIND_UNICODE),
                _padding: 0,
                dk_version: Cell::new(1),
                dk_usable: Cell::new(0),
                dk_nentries: Cell::new(0),
            },
            indices: [0xff; 8],
        }
    }

    pub(crate) fn ptr(&self) -> NonNull<KeysHeader> {
        NonNull::from(&self.header)
    }
}

/// `new_keys_object`: a table of `2^log2_size` slots, from the keys free list for an 8-slot
/// str-key table when it has one.
pub(super) fn new_keys(heap: &Heap, log2_size: u8, unicode: bool) -> PyResult<Keys> {
    let kind = if unicode { KIND_UNICODE } else { KIND_GENERAL };
    let recycled = (log2_size == LOG_MINSIZE && unicode)
        .then(|| heap.dict_keys_pop())
        .flatten();
    let size = keys_size(log2_size, kind);
    let p = match recycled {
        Some(p) => p,
        None => heap.alloc_bytes(size)?,
    };
    let usable = usable_fraction(1 << log2_size);
    // SAFETY: `p` holds `size` bytes: the header, the indices and the entries.
    unsafe {
        p.cast::<KeysHeader>().write(KeysHeader {
            dk_refcnt: Cell::new(1),
            dk_log2_size: log2_size,
            dk_log2_index_bytes: log2_index_bytes(log2_size),
            dk_kind: Cell::new(kind),
            _padding: 0,
            dk_version: Cell::new(0),
            dk_usable: Cell::new(usable as isize),
            dk_nentries: Cell::new(0),
        });
        let indices = 1usize << log2_index_bytes(log2_size);
        p.as_ptr()
            .add(size_of::<KeysHeader>())
            .write_bytes(0xff, indices);
        p.as_ptr()
            .add(size_of::<KeysHeader>() + indices)
            .write_bytes(0, usable * entry_size(kind));
    }
    Ok(Keys(p.cast()))
}

/// `_PyDict_NewKeysForClass`: a 64-slot str table turned SPLIT, with `dk_usable` set to 30
/// ("max size + 1, as it shrinks by one before each new object").
pub(crate) fn new_keys_for_class(heap: &Heap) -> PyResult<Keys> {
    let k = new_keys(heap, NEXT_LOG2_SHARED_KEYS_MAX_SIZE, true)?;
    k.header().dk_kind.set(KIND_SPLIT);
    k.set_usable(SHARED_KEYS_MAX_SIZE as isize);
    Ok(k)
}

/// Frees a keys object whose entries were moved out or released (`free_keys_object`).
pub(super) fn free_keys(heap: &Heap, k: Keys) {
    if k.is_empty_keys() {
        return;
    }
    if k.header().dk_log2_size == LOG_MINSIZE
        && k.header().dk_kind.get() == KIND_UNICODE
        && heap.dict_keys_push(k.0.cast())
    {
        return;
    }
    // SAFETY: a keys object of this heap that nothing uses any more.
    unsafe { heap.free_bytes(k.0.cast()) };
}

/// `dictkeys_decref` for shared keys: the last holder releases every key and frees the table.
pub(crate) fn shared_keys_decref(heap: &Heap, k: Keys) {
    debug_assert!(k.is_split());
    let n = k.refcnt() - 1;
    k.header().dk_refcnt.set(n);
    if n > 0 {
        return;
    }
    for ix in 0..k.nentries() {
        if let (Some(key), _, _) = k.raw_entry(ix) {
            // SAFETY: the shared keys owned one reference to each of their names.
            unsafe { heap.decref(key) };
        }
    }
    free_keys(heap, k);
}

/// Probes the table `table()` returns for `key`: the index of its entry, if present
/// (`_Py_dict_lookup`). A comparison may run Python code (`__eq__`) that changes the dict or
/// drops the entry's key: the key is held across it, and when afterwards the dict has another
/// table or the entry another key, the lookup starts again on the table as it is now
/// (CPython's `DKIX_KEY_CHANGED`, "the dict was mutated, restart").
///
/// # Errors
/// What comparing keys raises.
#[inline(never)]
pub(super) fn lookup(
    heap: &Heap,
    table: impl Fn() -> Keys,
    key: &PyObject,
    hash: i64,
) -> PyResult<Option<usize>> {
    if let Some(name) = Str::cast(key).filter(|_| is_exact_str(key)) {
        let k = table();
        if k.is_unicode() {
            return Ok(lookup_unicode(heap, k, name, hash));
        }
    }
    'restart: loop {
        let k = table();
        for i in probe_sequence(k, hash) {
            let ix = k.get_index(i);
            if ix == DKIX_EMPTY {
                return Ok(None);
            }
            if ix < 0 {
                continue;
            }
            let ix = ix as usize;
            let e = k.entry(heap, ix);
            let Some(ek) = e.key else { continue };
            if ptr::eq(ek.as_ptr(), key) {
                return Ok(Some(ix));
            }
            if e.hash != hash {
                continue;
            }
            // SAFETY: a key of the live table, taken as a new reference for the comparison.
            let start = unsafe { Obj::from_borrowed(heap, ek.as_ref()) };
            let equal = crate::abstract_::compare_bool(heap, start.object(), key, CompareOp::Eq)?;
            let now = table();
            if now.0 != k.0 || ix >= now.nentries() || now.raw_entry(ix).0 != Some(ek) {
                continue 'restart;
            }
            if equal {
                return Ok(Some(ix));
            }
        }
        unreachable!("a table always has an empty slot, which ends every probe")
    }
}

/// `unicodekeys_lookup_unicode`: `name`, an exact str with hash `hash`, in a str-keyed table
/// (whose keys are all exact strs): the entry that is `name` itself, or an equal str (same
/// hash, then same length, kind and bytes). Runs no Python code, allocates nothing and takes
/// no reference. The index width is read once and the probe loop runs on that width (as
/// CPython's `dictkeys_get_index` compiles to), over the raw index and entry arrays.
#[inline]
pub(super) fn lookup_unicode(heap: &Heap, k: Keys, name: &Str, hash: i64) -> Option<usize> {
    debug_assert!(k.is_unicode());
    let h = k.header();
    let mask = (1usize << h.dk_log2_size) - 1;
    let indices = k.base().wrapping_add(size_of::<KeysHeader>()).cast_const();
    let entries = k.entries().cast_const().cast::<[Option<ObjPtr>; 2]>();
    let nentries = k.nentries();
    let probe = UnicodeProbe {
        heap,
        mask,
        entries,
        nentries,
        name,
        hash,
    };
    // `indices` is this table's index array of `mask + 1` slots of the width
    // `dk_log2_index_bytes - dk_log2_size` names, each empty, deleted or an entry's index.
    match h.dk_log2_index_bytes - h.dk_log2_size {
        // SAFETY: one-byte slots (see above).
        0 => unsafe { probe.run(indices.cast::<i8>()) },
        // SAFETY: two-byte slots (see above).
        1 => unsafe { probe.run(indices.cast::<i16>()) },
        // SAFETY: four-byte slots (see above).
        2 => unsafe { probe.run(indices.cast::<i32>()) },
        // SAFETY: eight-byte slots (see above).
        _ => unsafe { probe.run(indices.cast::<i64>()) },
    }
}

/// One str lookup's probe of a str-keyed table (see [`lookup_unicode`]).
struct UnicodeProbe<'a> {
    heap: &'a Heap,
    mask: usize,
    entries: *const [Option<ObjPtr>; 2],
    nentries: usize,
    name: &'a Str,
    hash: i64,
}

impl UnicodeProbe<'_> {
    /// Probes the index array `indices` of slots of type `I`.
    ///
    /// # Safety
    /// `indices` is the table's index array: `mask + 1` slots of type `I`, each empty (-1),
    /// deleted (-2) or the index of one of the table's `nentries` entries at `entries`.
    #[inline(always)]
    unsafe fn run<I: Copy + Into<i64>>(&self, indices: *const I) -> Option<usize> {
        let mut perturb = self.hash as u64;
        let mut i = (self.hash as u64 as usize) & self.mask;
        loop {
            // SAFETY: `i <= mask`, inside the index array (caller).
            let ix: i64 = unsafe { indices.add(i).read() }.into();
            if ix >= 0 {
                let ix = ix as usize;
                debug_assert!(ix < self.nentries);
                // SAFETY: a live slot names one of the table's entries (caller).
                let [key, _] = unsafe { self.entries.add(ix).read() };
                if let Some(ek) = key {
                    if ptr::eq(ek.as_ptr().cast_const(), self.name.as_object()) {
                        return Some(ix);
                    }
                    // SAFETY: keys of a live table are live objects of this heap (a str-keyed
                    // table holds only exact strs: the checked cast never fails).
                    if let Some(ek) = Str::cast(unsafe { ek.as_ref() })
                        && str_hash_cached(self.heap, ek) == self.hash
                        && str_eq(ek, self.name)
                    {
                        return Some(ix);
                    }
                }
            } else if ix == DKIX_EMPTY as i64 {
                return None;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & self.mask;
        }
    }
}

/// The slots `hash` probes, in order: `hash & mask`, then `(5i + perturb + 1) & mask` with
/// `perturb >>= 5` each step. Endless: callers stop at the slot they look for.
pub(super) fn probe_sequence(k: Keys, hash: i64) -> impl Iterator<Item = usize> {
    let mask = k.size() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    core::iter::from_fn(move || {
        let current = i;
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
        Some(current)
    })
}

/// `find_empty_slot`: the first empty or deleted slot on `hash`'s probe sequence.
fn find_empty_slot(k: Keys, hash: i64) -> usize {
    probe_sequence(k, hash)
        .find(|&i| k.get_index(i) < 0)
        .expect("the probe sequence is endless")
}

/// Clones a combined keys table byte for byte (taking a reference to every key and value).
pub(super) fn clone_keys(heap: &Heap, k: Keys) -> PyResult<Keys> {
    let size = k.bytes();
    let p = heap.alloc_bytes(size)?;
    // SAFETY: both buffers hold `size` bytes; the copy then owns one more reference to every
    // live key and value, taken below.
    unsafe { ptr::copy_nonoverlapping(k.0.as_ptr().cast::<u8>(), p.as_ptr(), size) };
    let new = Keys(p.cast());
    new.header().dk_refcnt.set(1);
    for ix in 0..new.nentries() {
        let (key, value, _) = new.raw_entry(ix);
        for o in key.into_iter().chain(value) {
            // SAFETY: entries of a live table are live objects of this heap.
            unsafe { o.as_ref() }.incref();
        }
    }
    Ok(new)
}
