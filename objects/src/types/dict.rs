//! `dict` (`Objects/dictobject.c`, `Include/internal/pycore_dict.h`): the compact dict with
//! combined tables (split tables arrive with instance dictionaries).
//!
//! ```text
//!  PyDictObject (48 + 16 GC) ──ma_keys──► PyDictKeysObject
//!                                         │ header 32 │ indices 2^k × w │ entries: usable(2^k) × 16|24 │
//! ```
//!
//! * indices: `w` = 1, 2, 4 or 8 bytes for `k` < 8, < 16, < 32, else; −1 empty, −2 deleted;
//! * entries in insertion order: `{key, value}` (16) when every key is an exact `str`
//!   (UNICODE kind, the hash read from the str), else `{hash, key, value}` (24, GENERAL);
//! * `usable` = ⅔ of the table; when it runs out the table is rebuilt at
//!   `calculate_log2_keysize(3 × used)`, dropping deleted entries;
//! * `{}` points at the shared immortal empty keys (never counted); `clear()` returns to it;
//! * `__sizeof__` = 48 + the keys object when this dict owns it.
//!
//! Probing is CPython's: `i = hash & mask`, then `i = (5i + perturb + 1) & mask` with
//! `perturb >>= 5`, so every table has the layout CPython gives it.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{IMMORTAL_REFCNT, ObjPtr, PyObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyDictObject`.
#[repr(C)]
pub struct PyDictObject {
    ob_base: PyObject,
    ma_used: Cell<isize>,
    ma_version_tag: Cell<u64>,
    ma_keys: Cell<NonNull<KeysHeader>>,
    ma_values: Cell<*mut ObjPtr>,
}

const _: () = assert!(size_of::<PyDictObject>() == 48);

/// The header of `PyDictKeysObject`; indices and entries follow it.
#[repr(C)]
pub(crate) struct KeysHeader {
    dk_refcnt: Cell<u64>,
    dk_log2_size: u8,
    dk_log2_index_bytes: u8,
    dk_kind: u8,
    _padding: u8,
    dk_version: u32,
    dk_usable: Cell<isize>,
    dk_nentries: Cell<isize>,
}

const _: () = assert!(size_of::<KeysHeader>() == 32);

const KIND_GENERAL: u8 = 0;
const KIND_UNICODE: u8 = 1;
const DKIX_EMPTY: isize = -1;
const DKIX_DUMMY: isize = -2;
const PERTURB_SHIFT: u32 = 5;
/// `PyDict_LOG_MINSIZE`.
pub const LOG_MINSIZE: u8 = 3;
/// Largest table a presized dict starts with (`log2_max_presize`).
const LOG_MAX_PRESIZE: u8 = 17;
/// Dead dicts and 8-slot str-key tables kept for reuse (`PyDict_MAXFREELIST`).
pub const DICT_FREELIST_LIMIT: usize = 80;

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
    if kind == KIND_UNICODE { 16 } else { 24 }
}

/// Bytes of a keys object of this shape (`_PyDict_KeysSize`).
fn keys_size(log2_size: u8, kind: u8) -> usize {
    size_of::<KeysHeader>()
        + (1 << log2_index_bytes(log2_size))
        + usable_fraction(1 << log2_size) * entry_size(kind)
}

/// A typed view of a keys object.
#[derive(Clone, Copy)]
struct Keys(NonNull<KeysHeader>);

/// One entry: the stored hash (read from the str for UNICODE tables), key and value.
#[derive(Clone, Copy)]
struct Entry {
    hash: i64,
    key: Option<ObjPtr>,
    value: Option<ObjPtr>,
}

impl Keys {
    fn header(&self) -> &KeysHeader {
        // SAFETY: a live keys object (owned by a dict, or the heap's empty keys).
        unsafe { self.0.as_ref() }
    }

    fn size(&self) -> usize {
        1 << self.header().dk_log2_size
    }

    fn is_unicode(&self) -> bool {
        self.header().dk_kind == KIND_UNICODE
    }

    fn base(&self) -> *mut u8 {
        self.0.as_ptr().cast()
    }

    fn get_index(&self, i: usize) -> isize {
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

    fn set_index(&self, i: usize, ix: isize) {
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
    fn raw_entry(&self, ix: usize) -> (Option<ObjPtr>, Option<ObjPtr>, Option<i64>) {
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

    /// Entry `ix`, with the hash read from the key for UNICODE tables (cached in the str).
    fn entry(&self, heap: &Heap, ix: usize) -> Entry {
        let (key, value, stored) = self.raw_entry(ix);
        let hash = match (stored, key) {
            (Some(hash), _) => hash,
            (None, None) => 0,
            (None, Some(k)) => {
                // SAFETY: keys of a live table are live objects of this heap.
                let k = unsafe { k.as_ref() };
                crate::abstract_::hash(heap, k).unwrap_or(-1)
            }
        };
        Entry { hash, key, value }
    }

    fn set_entry(&self, ix: usize, e: Entry) {
        // SAFETY: as in `entry`.
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

    fn nentries(&self) -> usize {
        self.header().dk_nentries.get() as usize
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
                dk_kind: KIND_UNICODE,
                _padding: 0,
                dk_version: 1,
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

/// Whether `o` is a dict.
pub fn is_dict(o: &PyObject) -> bool {
    o.ob_type().flags().contains(DICT_SUBCLASS)
}

/// `Py_TPFLAGS_DICT_SUBCLASS`.
const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);

fn header(o: &PyObject) -> &PyDictObject {
    debug_assert!(is_dict(o));
    // SAFETY: dicts start with a `PyDictObject` (caller checked the type).
    unsafe { &*ptr::from_ref(o).cast::<PyDictObject>() }
}

fn keys(o: &PyObject) -> Keys {
    Keys(header(o).ma_keys.get())
}

/// Number of items.
pub fn dict_len(o: &PyObject) -> usize {
    header(o).ma_used.get() as usize
}

/// `new_keys_object`: a table of `2^log2_size` slots, from the keys free list for an 8-slot
/// str-key table when it has one.
fn new_keys(heap: &Heap, log2_size: u8, unicode: bool) -> PyResult<Keys> {
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
            dk_kind: kind,
            _padding: 0,
            dk_version: 0,
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

/// Frees a keys object whose entries were moved out or released (`free_keys_object`).
fn free_keys(heap: &Heap, k: Keys) {
    if k.header().dk_refcnt.get() == IMMORTAL_REFCNT {
        return;
    }
    if k.header().dk_log2_size == LOG_MINSIZE && k.is_unicode() && heap.dict_keys_push(k.0.cast()) {
        return;
    }
    // SAFETY: a keys object of this heap that nothing uses any more.
    unsafe { heap.free_bytes(k.0.cast()) };
}

/// A new empty dict (`PyDict_New`), from the free list when it has one.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_dict(heap: &Heap) -> PyResult<Obj<'_>> {
    let op = match heap.dicts.pop(DICT_TYPE.ptr()) {
        Some(op) => op,
        None => heap.alloc_object(DICT_TYPE.get(), size_of::<PyDictObject>())?,
    };
    // SAFETY: a dict body with a fresh header and one reference that we own.
    unsafe {
        let d = op.cast::<PyDictObject>().as_ptr();
        ptr::addr_of_mut!((*d).ma_used).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_version_tag).write(Cell::new(0));
        ptr::addr_of_mut!((*d).ma_keys).write(Cell::new(heap.singletons().empty_dict_keys()));
        ptr::addr_of_mut!((*d).ma_values).write(Cell::new(ptr::null_mut()));
        Ok(Obj::from_owned(heap, op))
    }
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
        header(d.object()).ma_keys.set(k.0);
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
    for (k, v) in pairs {
        set_item(heap, d.object(), k, v)?;
    }
    Ok(d)
}

fn is_exact_str(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), crate::types::STR_TYPE.get())
}

/// Probes for `key`: the entry index if present, and the slot where the probe ended.
fn lookup(heap: &Heap, k: Keys, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
    for i in probe_sequence(k, hash) {
        let ix = k.get_index(i);
        if ix == DKIX_EMPTY {
            return Ok(None);
        }
        if ix < 0 {
            continue;
        }
        let e = k.entry(heap, ix as usize);
        if let Some(ek) = e.key {
            // SAFETY: keys of a live table are live objects of this heap.
            let ek = unsafe { ek.as_ref() };
            if ptr::eq(ek, key)
                || (e.hash == hash && crate::abstract_::compare_bool(heap, ek, key, CompareOp::Eq)?)
            {
                return Ok(Some(ix as usize));
            }
        }
    }
    unreachable!("a table always has an empty slot, which ends every probe")
}

/// The slots `hash` probes, in order: `hash & mask`, then `(5i + perturb + 1) & mask` with
/// `perturb >>= 5` each step. Endless: callers stop at the slot they look for.
fn probe_sequence(k: Keys, hash: i64) -> impl Iterator<Item = usize> {
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

/// `dictresize`: a new table of `2^log2_size` slots holding the live entries in order, str-keyed
/// only if `unicode` and the old table was.
fn resize(heap: &Heap, d: &PyObject, log2_size: u8, unicode: bool) -> PyResult<()> {
    let old = keys(d);
    let new = new_keys(heap, log2_size, unicode && old.is_unicode())?;
    let mut n = 0;
    for ix in 0..old.nentries() {
        let e = old.entry(heap, ix);
        if e.key.is_none() {
            continue;
        }
        new.set_entry(n, e);
        new.set_index(find_empty_slot(new, e.hash), n as isize);
        n += 1;
    }
    new.header()
        .dk_usable
        .set(new.header().dk_usable.get() - n as isize);
    new.header().dk_nentries.set(n as isize);
    header(d).ma_keys.set(new.0);
    free_keys(heap, old);
    Ok(())
}

/// `d[key] = value` (`insertdict`).
///
/// # Errors
/// `TypeError: unhashable type: 'list'`, or `MemoryError`.
pub fn set_item<'h>(heap: &'h Heap, d: &PyObject, key: Obj<'h>, value: Obj<'h>) -> PyResult<()> {
    let hash = crate::abstract_::hash(heap, key.object())?;
    let str_key = is_exact_str(key.object());
    if keys(d).is_unicode() && !str_key && keys(d).header().dk_refcnt.get() != IMMORTAL_REFCNT {
        resize(heap, d, calculate_log2_keysize(dict_len(d) * 3), false)?;
    }
    if let Some(ix) = lookup(heap, keys(d), key.object(), hash)? {
        let k = keys(d);
        let mut e = k.entry(heap, ix);
        let old = e.value.replace(value.into_ptr());
        k.set_entry(ix, e);
        if let Some(old) = old {
            // SAFETY: the replaced value's reference was the table's.
            unsafe { heap.decref(old) };
        }
        return Ok(());
    }
    if keys(d).header().dk_refcnt.get() == IMMORTAL_REFCNT {
        header(d)
            .ma_keys
            .set(new_keys(heap, LOG_MINSIZE, str_key)?.0);
    } else if keys(d).header().dk_usable.get() <= 0 {
        resize(heap, d, calculate_log2_keysize(dict_len(d) * 3), true)?;
    }
    let k = keys(d);
    let ix = k.nentries();
    k.set_index(find_empty_slot(k, hash), ix as isize);
    k.set_entry(
        ix,
        Entry {
            hash,
            key: Some(key.into_ptr()),
            value: Some(value.into_ptr()),
        },
    );
    k.header().dk_usable.set(k.header().dk_usable.get() - 1);
    k.header().dk_nentries.set(ix as isize + 1);
    header(d).ma_used.set(header(d).ma_used.get() + 1);
    Ok(())
}

/// `d.get(key)`: the value, or `None` when absent.
///
/// # Errors
/// `TypeError: unhashable type: ...`, or what a key comparison raises.
pub fn get_item<'h>(heap: &'h Heap, d: &PyObject, key: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let hash = crate::abstract_::hash(heap, key)?;
    let Some(ix) = lookup(heap, keys(d), key, hash)? else {
        return Ok(None);
    };
    let value = keys(d)
        .entry(heap, ix)
        .value
        .expect("a found entry has a value");
    // SAFETY: values of a live table are live objects of this heap.
    Ok(Some(unsafe { Obj::from_borrowed(heap, value.as_ref()) }))
}

/// `del d[key]` (`delitem_common`): the slot becomes a dummy, the entry empty; the table never
/// shrinks.
///
/// # Errors
/// `KeyError: key` (its repr) when absent; `TypeError` for an unhashable key.
pub fn del_item(heap: &Heap, d: &PyObject, key: &PyObject) -> PyResult<()> {
    let hash = crate::abstract_::hash(heap, key)?;
    let Some(ix) = lookup(heap, keys(d), key, hash)? else {
        return Err(PyErr::new(
            ExcKind::KeyError,
            crate::abstract_::repr(heap, key)?,
        ));
    };
    let k = keys(d);
    let i = probe_sequence(k, hash)
        .find(|&i| k.get_index(i) == ix as isize)
        .expect("a found entry has a slot");
    k.set_index(i, DKIX_DUMMY);
    let e = k.entry(heap, ix);
    k.set_entry(
        ix,
        Entry {
            hash: 0,
            key: None,
            value: None,
        },
    );
    header(d).ma_used.set(header(d).ma_used.get() - 1);
    // SAFETY: the removed key and value references were the table's.
    unsafe {
        heap.decref(e.key.expect("a live entry has a key"));
        heap.decref(e.value.expect("a live entry has a value"));
    }
    Ok(())
}

/// The live `(key, value)` pairs in insertion order.
pub fn items(heap: &Heap, d: &PyObject) -> Vec<(ObjPtr, ObjPtr)> {
    let k = keys(d);
    (0..k.nentries())
        .filter_map(|ix| {
            let e = k.entry(heap, ix);
            Some((e.key?, e.value?))
        })
        .collect()
}

/// `d.clear()`: back to the shared empty keys; the old entries are released in order.
pub fn clear(heap: &Heap, d: &PyObject) {
    let old = keys(d);
    if old.header().dk_refcnt.get() == IMMORTAL_REFCNT {
        return;
    }
    header(d).ma_keys.set(heap.singletons().empty_dict_keys());
    header(d).ma_used.set(0);
    for ix in 0..old.nentries() {
        let e = old.entry(heap, ix);
        // SAFETY: each live entry's key and value references were the table's.
        unsafe {
            if let Some(k) = e.key {
                heap.decref(k);
            }
            if let Some(v) = e.value {
                heap.decref(v);
            }
        }
    }
    free_keys(heap, old);
}

fn dict_sizeof(o: &PyObject) -> usize {
    let k = keys(o);
    let own = if k.header().dk_refcnt.get() == 1 {
        keys_size(k.header().dk_log2_size, k.header().dk_kind)
    } else {
        0
    };
    size_of::<PyDictObject>() + own
}

unsafe fn dict_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead dict of this heap: entries released, keys freed, header recycled or freed.
    unsafe {
        clear(heap, op.as_ref());
        if !heap.dicts.push(op) {
            heap.free_object(op, DICT_TYPE.get());
        }
    }
}

fn dict_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    if dict_len(o) == 0 {
        return Ok("{}".into());
    }
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok("{...}".into());
    }
    let result = items(heap, o)
        .into_iter()
        .map(|(k, v)| {
            // SAFETY: borrowed entries of a live dict, kept alive across the reprs.
            let (k, v) = unsafe {
                (
                    Obj::from_borrowed(heap, k.as_ref()),
                    Obj::from_borrowed(heap, v.as_ref()),
                )
            };
            Ok(format!(
                "{}: {}",
                crate::abstract_::repr(heap, k.object())?,
                crate::abstract_::repr(heap, v.object())?
            ))
        })
        .collect::<PyResult<Vec<_>>>()
        .map(|parts| format!("{{{}}}", parts.join(", ")));
    heap.repr_leave(me);
    result
}

fn dict_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !is_dict(a) || !is_dict(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let mut equal = dict_len(a) == dict_len(b);
    if equal {
        for (k, v) in items(heap, a) {
            // SAFETY: borrowed entries of a live dict.
            let (k, v) = unsafe {
                (
                    Obj::from_borrowed(heap, k.as_ref()),
                    Obj::from_borrowed(heap, v.as_ref()),
                )
            };
            match get_item(heap, b, k.object())? {
                Some(w)
                    if crate::abstract_::compare_bool(
                        heap,
                        v.object(),
                        w.object(),
                        CompareOp::Eq,
                    )? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(Some(crate::types::long::new_bool(
        heap,
        equal == (op == CompareOp::Eq),
    )))
}

fn dict_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let k = keys(o);
    for ix in 0..k.nentries() {
        let (key, value, _) = k.raw_entry(ix);
        key.into_iter().chain(value).for_each(&mut *visit);
    }
}

fn dict_clear_slot(heap: &Heap, o: &PyObject) {
    clear(heap, o);
}

static DICT_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(dict_len),
    concat: None,
    repeat: None,
};

static DICT_SLOTS: Slots = Slots {
    dealloc: dict_dealloc,
    sizeof: Some(dict_sizeof),
    repr: dict_repr,
    str: None,
    hash: None,
    richcompare: Some(dict_richcompare),
    number: None,
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

/// Clones a combined keys table byte for byte (taking a reference to every key and value).
fn clone_keys(heap: &Heap, k: Keys) -> PyResult<Keys> {
    let size = keys_size(k.header().dk_log2_size, k.header().dk_kind);
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

/// `dict_merge(target, source)` (`d.update(other)`, `dict(other)`): an empty target whose source
/// has no deleted entries and a table of 8 slots or more than half used gets a clone of the
/// source's table; otherwise the target is first resized to fit both (when its usable room is
/// smaller than the source) and the items are inserted one by one.
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
    if dict_len(target) == 0 && sk.nentries() == used && half_used {
        let clone = clone_keys(heap, sk)?;
        header(target).ma_keys.set(clone.0);
        header(target).ma_used.set(used as isize);
        free_keys(heap, tk);
        return Ok(());
    }
    if usable_fraction(tk.size()) < used {
        let log2 = estimate_log2_keysize(dict_len(target) + used);
        if tk.header().dk_refcnt.get() == IMMORTAL_REFCNT {
            header(target)
                .ma_keys
                .set(new_keys(heap, log2, sk.is_unicode())?.0);
        } else {
            resize(heap, target, log2, sk.is_unicode())?;
        }
    }
    for (k, v) in items(heap, source) {
        // SAFETY: entries of the live source, borrowed as new references.
        let (k, v) = unsafe {
            (
                Obj::from_borrowed(heap, k.as_ref()),
                Obj::from_borrowed(heap, v.as_ref()),
            )
        };
        set_item(heap, target, k, v)?;
    }
    Ok(())
}

/// `d.copy()` (`PyDict_Copy`): an empty dict for an empty source; a byte-for-byte clone of the
/// table when at most a third of its entries are deleted; else a merge into a new dict.
///
/// # Errors
/// `MemoryError`, or what hashing and comparing keys raise.
pub fn copy<'h>(heap: &'h Heap, d: &PyObject) -> PyResult<Obj<'h>> {
    let new = new_dict(heap)?;
    let (k, used) = (keys(d), dict_len(d));
    if used == 0 {
        return Ok(new);
    }
    if used >= (2 * k.nentries()) / 3 {
        let clone = clone_keys(heap, k)?;
        header(new.object()).ma_keys.set(clone.0);
        header(new.object()).ma_used.set(used as isize);
        return Ok(new);
    }
    merge(heap, new.object(), d)?;
    Ok(new)
}
