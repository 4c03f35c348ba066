//! Type version tags and the method cache (`Objects/typeobject.c` of CPython 3.12:
//! `assign_version_tag`, `PyType_Modified`, `_PyType_Lookup`; `Include/internal/
//! pycore_typeobject.h`): what the VM's attribute caches check, and what makes a lookup along
//! the bases cheap.
//!
//! ```text
//!  tp_version_tag  0 ─ type_version() ─► N (fresh)  ─ namespace set/deleted ─► 0 (also for
//!                                                     every subclass, through the registry)
//!  method cache    4096 × {version, name (a reference), value (borrowed)}
//!                  slot = (version ^ (address of name >> 3)) & 4095
//! ```
//!
//! * **Version tags.** A type has a valid tag (`Py_TPFLAGS_VALID_VERSION_TAG`; pyrt keeps no
//!   separate flag: the tag is non-zero) only if every base has one, so invalidating stops at
//!   a type without one. Static types take tags from a process-wide counter, 1 to
//!   `_Py_MAX_GLOBAL_TYPE_VERSION_TAG` (2^17 − 1); classes from their heap's, from 2^17 until
//!   it wraps to 0, after which no new tag is given and lookups are not cached. A tag is never
//!   given twice, so a cached `(version, …)` pair can only match the state it was made in.
//! * **Invalidation.** [`type_modified`] runs whenever a class namespace changes: every
//!   mutation of a dict that is a class's namespace notifies the type cache (a watcher bit
//!   in `ma_version_tag`, as 3.12's dict watchers use its low bits), so no caller can forget
//!   it. The class and its subclasses (each class records its direct subclasses) lose their
//!   tags, walked with a work list.
//! * **Method cache.** [`type_lookup`] answers `_PyType_Lookup(type, name)`: the value of
//!   `name` in the first namespace along the bases that has it. An entry matches when its
//!   version is the type's tag and its name is `name` itself (identity, as CPython's): a hit
//!   reads three words. Only exact strs of at most 100 characters are cached
//!   (`MCACHE_CACHEABLE_NAME`); the entry holds a reference to the name, and borrows the value,
//!   which stays alive while the tag is unchanged (removing it changes a namespace).

use core::cell::{Cell, RefCell};
use core::ptr::NonNull;
use core::sync::atomic::{AtomicU32, Ordering};

use hashbrown::HashMap;

use crate::heap::Heap;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::PyTypeObject;
use crate::types::class;
use crate::types::dict::{self, Dict};
use crate::types::unicode::{self, Str};

/// `MCACHE_SIZE_EXP`: the method cache has 2^12 entries.
pub const MCACHE_SIZE_EXP: u32 = 12;
/// `MCACHE_MAX_ATTR_SIZE`: longer names are looked up without the cache.
pub const MCACHE_MAX_ATTR_SIZE: usize = 100;
/// `_Py_TYPE_BASE_VERSION_TAG`: the first tag of a class; static types have those below.
pub const TYPE_BASE_VERSION_TAG: u32 = 2 << 16;
/// `_Py_MAX_GLOBAL_TYPE_VERSION_TAG`: the last tag a static type can get.
pub const MAX_GLOBAL_TYPE_VERSION_TAG: u32 = TYPE_BASE_VERSION_TAG - 1;

/// `_PyRuntime.types.next_version_tag`: the static types' counter, shared by every heap of
/// the process as the static types are.
static NEXT_GLOBAL_VERSION_TAG: AtomicU32 = AtomicU32::new(1);

/// `struct type_cache_entry`.
struct Entry {
    version: Cell<u32>,
    /// A reference to an exact str, or none.
    name: Cell<Option<ObjPtr>>,
    /// Borrowed: alive while some type has tag `version`.
    value: Cell<Option<ObjPtr>>,
}

/// A heap's type state (`struct types_state`): the classes' version counter, the method
/// cache, the registry of class namespaces, and hit counts for tests and benchmarks.
pub(crate) struct TypeCache {
    next_version_tag: Cell<u32>,
    entries: Box<[Entry]>,
    /// Namespace dict (by address) → the classes whose namespace it is.
    namespaces: RefCell<HashMap<usize, Vec<NonNull<PyTypeObject>>>>,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl TypeCache {
    pub(crate) fn new() -> TypeCache {
        TypeCache {
            next_version_tag: Cell::new(TYPE_BASE_VERSION_TAG),
            entries: (0..1usize << MCACHE_SIZE_EXP)
                .map(|_| Entry {
                    version: Cell::new(0),
                    name: Cell::new(None),
                    value: Cell::new(None),
                })
                .collect(),
            namespaces: RefCell::new(HashMap::new()),
            hits: Cell::new(0),
            misses: Cell::new(0),
        }
    }

    fn entry(&self, version: u32, name: &PyObject) -> &Entry {
        let name_hash = (core::ptr::from_ref(name).addr() >> 3) as u32;
        let slot = (version ^ name_hash) & ((1 << MCACHE_SIZE_EXP) - 1);
        &self.entries[slot as usize]
    }
}

/// Method cache hits and misses of this heap so far (`Py_STATS`' type cache counters).
pub fn method_cache_stats(heap: &Heap) -> (u64, u64) {
    (heap.type_cache.hits.get(), heap.type_cache.misses.get())
}

/// Sets the next class version tag, for tests of the counter's exhaustion.
#[doc(hidden)]
pub fn set_next_version_tag(heap: &Heap, tag: u32) {
    heap.type_cache.next_version_tag.set(tag);
}

/// A fresh tag for `ty`, or 0 when its counter is exhausted.
fn next_tag(heap: &Heap, ty: &PyTypeObject) -> u32 {
    if class::is_heap_type(ty) {
        let counter = &heap.type_cache.next_version_tag;
        let tag = counter.get();
        if tag != 0 {
            counter.set(tag.wrapping_add(1));
        }
        return tag;
    }
    NEXT_GLOBAL_VERSION_TAG
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
            (t <= MAX_GLOBAL_TYPE_VERSION_TAG).then_some(t + 1)
        })
        .unwrap_or(0)
}

/// `assign_version_tag`: makes sure `ty` and all its bases have valid tags (bases first, so
/// that a type with a tag always has bases with tags). `false` when a counter ran out.
fn assign_version_tag(heap: &Heap, ty: &PyTypeObject) -> bool {
    if ty.version_tag() != 0 {
        return true;
    }
    let mut chain = Vec::new();
    let mut t = Some(ty);
    while let Some(cur) = t.filter(|c| c.version_tag() == 0) {
        chain.push(cur);
        t = cur.base();
    }
    // Multiple inheritance: every class of the MRO gets its tag first, so that a change to
    // any of them reaches this class (`type_modified` stops at an untagged class).
    if class::has_c3_mro(ty) {
        for cur in class::mro_iter(ty).skip(1) {
            if !assign_version_tag(heap, cur) {
                return false;
            }
        }
    }
    for cur in chain.into_iter().rev() {
        let tag = next_tag(heap, cur);
        if tag == 0 {
            return false;
        }
        cur.set_version_tag(tag);
    }
    true
}

/// The type's version tag, given one first if it has none (`assign_version_tag` followed by
/// reading `tp_version_tag`): `None` when the counters are exhausted. While the type and its
/// bases' namespaces do not change, the tag stays the same.
pub fn type_version(heap: &Heap, ty: &PyTypeObject) -> Option<u32> {
    assign_version_tag(heap, ty).then(|| ty.version_tag())
}

/// `PyType_Modified`: `ty` and every subclass that has a tag lose it (the work list stops at
/// a class without one: its subclasses have none either). Static types never change and are
/// left alone.
pub fn type_modified(ty: &PyTypeObject) {
    if !class::is_heap_type(ty) {
        return;
    }
    let mut work = vec![NonNull::from(ty)];
    while let Some(t) = work.pop() {
        // SAFETY: `ty` is alive (borrowed); each subclass in a registry is alive, since a
        // class leaves its base's registry when it is freed.
        let t = unsafe { t.as_ref() };
        if t.version_tag() == 0 {
            continue;
        }
        class::for_each_subclass(t, |s| work.push(s));
        t.set_version_tag(0);
    }
}

/// Records that `d` is the namespace of class `ty`: its mutations invalidate `ty`'s tag.
pub(crate) fn watch_namespace(heap: &Heap, d: &Dict, ty: &PyTypeObject) {
    dict::set_type_watched(d);
    let mut namespaces = heap.type_cache.namespaces.borrow_mut();
    let owners = namespaces.entry(core::ptr::from_ref(d).addr()).or_default();
    owners.push(NonNull::from(ty));
}

/// Forgets that `d` is `ty`'s namespace (the class is being freed).
pub(crate) fn unwatch_namespace(heap: &Heap, d: &PyObject, ty: &PyTypeObject) {
    let mut namespaces = heap.type_cache.namespaces.borrow_mut();
    let key = core::ptr::from_ref(d).addr();
    if let Some(owners) = namespaces.get_mut(&key) {
        owners.retain(|t| !core::ptr::eq(t.as_ptr(), ty));
        if owners.is_empty() {
            namespaces.remove(&key);
        }
    }
}

/// A dict with the type watcher bit is about to change: the classes whose namespace it is
/// are modified (the dict watcher callback of `PyType_Modified`'s users).
#[cold]
#[inline(never)]
pub(crate) fn namespace_modified(heap: &Heap, d: &Dict) {
    let owners = heap
        .type_cache
        .namespaces
        .borrow()
        .get(&core::ptr::from_ref(d).addr())
        .cloned()
        .unwrap_or_default();
    for ty in owners {
        // SAFETY: a registered class is alive (it unregisters when freed).
        type_modified(unsafe { ty.as_ref() });
    }
}

/// `find_name_in_mro`: the value of `name` in the first namespace along `ty`'s bases that has
/// it, borrowed. An error a key comparison raises (only possible for a namespace with keys
/// other than strs) ends the walk with no answer, as `_PyType_Lookup` clears it.
pub fn find_name_in_mro(heap: &Heap, ty: &PyTypeObject, name: &PyObject) -> Option<ObjPtr> {
    for cur in class::mro_iter(ty) {
        if let Some(d) = class::class_dict(cur).and_then(Dict::cast) {
            match dict::lookup_value(heap, d, name) {
                Ok(Some(v)) => return Some(v),
                Ok(None) => {}
                Err(_) => return None,
            }
        }
    }
    None
}

/// `MCACHE_CACHEABLE_NAME`: an exact str of at most 100 characters.
fn cacheable(name: &PyObject) -> bool {
    unicode::is_exact_str(name) && Str::cast(name).is_some_and(|s| unicode::str_len(s) <= 100)
}

/// `_PyType_Lookup(ty, name)`: `name` along `ty`'s bases, through the method cache, as a
/// borrowed pointer (dereferencing it is the caller's business: the value is alive while the
/// type and its bases' namespaces do not change). Gives `ty` a version tag on a miss.
#[inline]
pub fn type_lookup(heap: &Heap, ty: &PyTypeObject, name: &PyObject) -> Option<ObjPtr> {
    let cache = &heap.type_cache;
    let e = cache.entry(ty.version_tag(), name);
    if e.version.get() == ty.version_tag() && e.name.get() == Some(NonNull::from(name)) {
        cache.hits.set(cache.hits.get() + 1);
        return e.value.get();
    }
    type_lookup_miss(heap, ty, name)
}

#[cold]
#[inline(never)]
fn type_lookup_miss(heap: &Heap, ty: &PyTypeObject, name: &PyObject) -> Option<ObjPtr> {
    let cache = &heap.type_cache;
    cache.misses.set(cache.misses.get() + 1);
    let version = (cacheable(name) && assign_version_tag(heap, ty)).then(|| ty.version_tag());
    let found = find_name_in_mro(heap, ty, name);
    // A key comparison may have run Python code that changed a namespace: then the tag
    // changed too, and the answer is not cached.
    if let Some(version) = version.filter(|&v| v == ty.version_tag()) {
        let e = cache.entry(version, name);
        name.incref();
        let old = e.name.replace(Some(NonNull::from(name)));
        e.version.set(version);
        e.value.set(found);
        if let Some(old) = old {
            // SAFETY: the entry held this reference to its old name.
            unsafe { heap.decref(old) };
        }
    }
    found
}
