//! Instance dictionaries of classes with `Py_TPFLAGS_MANAGED_DICT`: CPython 3.12's inline
//! values and shared keys (`init_inline_values`, `_PyObject_StoreInstanceAttribute`,
//! `_PyObject_GetInstanceAttribute`, `make_dict_from_instance_attributes`,
//! `PyObject_GenericGetDict` in `Objects/dictobject.c` and `Objects/typeobject.c`).
//!
//! ```text
//!   instance block: │ weakref list │ dict-or-values │ GC header 16 │ PyObject 16 │ …
//!                      obj − 32        obj − 24
//!   dict-or-values:  values − 1 (odd)  ──► this instance's values, indexed by the class's keys
//!                    or a dict pointer ──► its __dict__, once materialised (or NULL)
//! ```
//!
//! A class owns [`ClassKeys`]: a 64-slot SPLIT table with room for 30 names, shrunk by one
//! before each new instance ("shrink by one before each new object"), so later instances get
//! smaller values arrays. Setting an attribute adds its name to the shared keys while there is
//! room and fills the instance's slot; when the name cannot be added the instance's values
//! become a real split dict ("materialised"), as `obj.__dict__` also does. That dict turns into
//! a combined table when it needs a key the shared keys cannot take.
//!
//! This module is the only code that reads or writes the dict-or-values word.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use super::keys::{self, Entry, Keys, lookup};
use super::values::Values;
use super::{Dict, del_item, get_item, new_split_dict, set_item};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::TypeFlags;

/// A class's shared keys (`ht_cached_keys`): the class holds one reference, each split dict
/// using them another.
#[derive(Clone, Copy)]
pub struct ClassKeys(Keys);

impl ClassKeys {
    /// `_PyDict_NewKeysForClass`.
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    pub(crate) fn new(heap: &Heap) -> PyResult<ClassKeys> {
        keys::new_keys_for_class(heap).map(ClassKeys)
    }

    /// Drops the class's reference (`type_dealloc` → `dictkeys_decref`).
    pub(crate) fn release(self, heap: &Heap) {
        keys::shared_keys_decref(heap, self.0);
    }

    /// The bytes of the keys object, counted by `type.__sizeof__` (768).
    pub fn bytes(self) -> usize {
        self.0.bytes()
    }

    /// `shared_keys_usable_size`: slots of a values array made now (`nentries + usable`).
    pub fn usable_size(self) -> usize {
        self.0.nentries() + self.0.usable() as usize
    }

    /// Names in the shared keys (`dk_nentries`).
    pub fn len(self) -> usize {
        self.0.nentries()
    }

    /// The shared names, in the order they were added.
    pub(crate) fn names(self) -> impl Iterator<Item = ObjPtr> {
        (0..self.len()).filter_map(move |ix| self.0.raw_entry(ix).0)
    }

    /// Whether no name was shared yet.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The version of the shared keys as they are now (`_PyDictKeys_GetVersionForCurrentState`
    /// of `ht_cached_keys`, which `LOAD_ATTR_METHOD_WITH_VALUES` caches so that an instance
    /// attribute added later, shadowing the method, deoptimizes): 0 once the counter is
    /// exhausted. Adding a name changes it.
    pub fn version(self, heap: &Heap) -> u32 {
        self.0.version(heap)
    }

    /// Whether the shared keys still have `version` (non-zero).
    #[inline]
    pub fn has_version(self, version: u32) -> bool {
        version != 0 && self.0.raw_version() == version
    }

    /// The index of `name` (an exact str) in the shared keys (`_PyDictKeys_StringLookup`):
    /// shared keys only grow, so the index of a name never changes.
    pub fn index_of(self, heap: &Heap, name: &PyObject) -> Option<usize> {
        let name = crate::types::unicode::Str::cast(name)
            .filter(|_| crate::types::unicode::is_exact_str(name))?;
        let hash = crate::types::unicode::str_hash_cached(heap, name);
        keys::lookup_unicode(heap, self.0, name, hash)
    }
}

/// Whether `o` still keeps its attributes in inline values (`_PyDictOrValues_IsValues`), not
/// in a materialised `__dict__`.
#[inline]
pub fn has_inline_values(o: &ManagedInstance) -> bool {
    matches!(read(o), DictOrValues::Values(_))
}

/// The read of `LOAD_ATTR_INSTANCE_VALUE`: the value in slot `ix` of `o`'s inline values,
/// borrowed. `None` (deoptimize) when the values became a dict (`__dict__` was asked for, or a
/// name did not fit the shared keys), the slot is empty, `o`'s class has no shared keys, or
/// `ix` is not an index of the shared keys. The caller checked `o`'s type version, which
/// pins the class (and so its shared keys).
#[inline]
pub fn instance_value(o: &ManagedInstance, ix: usize) -> Option<ObjPtr> {
    let k = crate::types::class::class_keys(o.ob_type())?;
    match read(o) {
        DictOrValues::Values(v) if ix < k.len() => v.get(ix),
        _ => None,
    }
}

/// The write of `STORE_ATTR_INSTANCE_VALUE`: `value` into slot `ix` of `o`'s inline values
/// (added to the insertion order when the slot was empty, the old value released otherwise).
/// Gives `value` back (deoptimize) when `o` has no inline values or `ix` is not an index of
/// its class's shared keys.
///
/// # Errors
/// The value given back, when the fast path does not apply.
pub fn store_instance_value<'h>(
    heap: &'h Heap,
    o: &ManagedInstance,
    ix: usize,
    value: Obj<'h>,
) -> Result<(), Obj<'h>> {
    let Some(k) = crate::types::class::class_keys(o.ob_type()) else {
        return Err(value);
    };
    match read(o) {
        DictOrValues::Values(v) if ix < k.len() => {
            match v.replace(ix, Some(value.into_ptr())) {
                None => v.push_order(ix),
                // SAFETY: the replaced value's reference was the instance's.
                Some(old) => unsafe { heap.decref(old) },
            }
            Ok(())
        }
        _ => Err(value),
    }
}

/// Whether `o`'s class has `Py_TPFLAGS_MANAGED_DICT`, so that `o` has a dict-or-values word.
pub fn has_managed_dict(o: &PyObject) -> bool {
    o.ob_type().flags().contains(TypeFlags::MANAGED_DICT)
}

crate::view! {
    /// An instance of a class with a managed dict (`Py_TPFLAGS_MANAGED_DICT`): an object with
    /// the dict-or-values word before its GC header.
    pub struct ManagedInstance: "object" = has_managed_dict;
}

/// `o` as an instance with a managed dict, with its class's shared keys, when its class has
/// them.
#[inline]
pub(crate) fn of(o: &PyObject) -> Option<(&ManagedInstance, ClassKeys)> {
    let m = ManagedInstance::cast(o)?;
    Some((m, crate::types::class::class_keys(o.ob_type())?))
}

/// The dict an instance's word points at.
///
/// # Safety
/// `d` must be the word's pointer, to a live object (the word holds a reference to it).
unsafe fn word_dict<'a>(d: ObjPtr) -> PyResult<&'a Dict> {
    // SAFETY: the caller's promise.
    Dict::cast_internal(unsafe { &*d.as_ptr() })
}

/// What an instance's dict-or-values word holds.
enum DictOrValues {
    Values(Values),
    Dict(Option<ObjPtr>),
}

fn word(o: &ManagedInstance) -> &Cell<*mut u8> {
    let p = ptr::from_ref(o).cast::<Cell<*mut u8>>().wrapping_sub(3);
    // SAFETY: instances of a MANAGED_DICT type (the view's check) have a 16-byte pre-header
    // before their GC header; its second word (object − 24) is the dict-or-values word,
    // zeroed at allocation.
    unsafe { &*p }
}

fn read(o: &ManagedInstance) -> DictOrValues {
    let w = word(o).get();
    if w.addr() & 1 == 1 {
        // SAFETY: odd words are only written by `set_values` from a live array.
        DictOrValues::Values(unsafe { Values::from_tagged(w) })
    } else {
        DictOrValues::Dict(NonNull::new(w.cast::<PyObject>()))
    }
}

fn set_values(o: &ManagedInstance, v: Values) {
    word(o).set(v.tagged());
}

fn set_dict(o: &ManagedInstance, d: Option<ObjPtr>) {
    word(o).set(d.map_or(ptr::null_mut(), |d| d.as_ptr().cast()));
}

/// `init_inline_values`: shrinks the shared keys by one (while above one) and gives a new
/// instance an empty values array of `nentries + usable` slots.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn init_inline_values(heap: &Heap, o: &ManagedInstance, k: ClassKeys) -> PyResult<()> {
    if k.0.usable() > 1 {
        k.0.set_usable(k.0.usable() - 1);
    }
    set_values(o, Values::new(heap, k.usable_size())?);
    Ok(())
}

fn no_attribute(o: &PyObject, name: &PyObject) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            o.ob_type().name(),
            crate::types::unicode::Str::cast(name)
                .map_or_else(String::new, crate::types::unicode::str_value)
        ),
    )
}

/// The instance attribute `name` (an exact str), if set (`_PyObject_GetInstanceAttribute`, or
/// a lookup in the materialised dict).
///
/// # Errors
/// What a key comparison raises.
pub(crate) fn get_attribute<'h>(
    heap: &'h Heap,
    o: &ManagedInstance,
    k: ClassKeys,
    name: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    match read(o) {
        DictOrValues::Values(v) => {
            let hash = crate::abstract_::hash(heap, name)?;
            let found = lookup(heap, || k.0, name, hash)?.and_then(|ix| v.get(ix));
            // SAFETY: a set slot holds a reference to a live object of this heap.
            Ok(found.map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) }))
        }
        // SAFETY: the word holds a reference to the instance's live dict.
        DictOrValues::Dict(Some(d)) => get_item(heap, unsafe { word_dict(d)? }, name),
        DictOrValues::Dict(None) => Ok(None),
    }
}

/// `insert_into_dictkeys`: the index of `name` in the shared keys, added when absent and the
/// keys have room.
fn insert_into_keys(heap: &Heap, k: ClassKeys, name: &Obj<'_>) -> PyResult<Option<usize>> {
    let hash = crate::abstract_::hash(heap, name.object())?;
    if let Some(ix) = lookup(heap, || k.0, name.object(), hash)? {
        return Ok(Some(ix));
    }
    if k.0.usable() <= 0 {
        return Ok(None);
    }
    let key = Some(name.clone().into_ptr());
    Ok(Some(k.0.push_entry(Entry {
        hash,
        key,
        value: None,
    })))
}

/// Sets (`Some`) or deletes (`None`) the instance attribute `name`, an exact str
/// (`_PyObject_StoreInstanceAttribute`, else `_PyObjectDict_SetItem` on the dict).
///
/// # Errors
/// `AttributeError: 'C' object has no attribute 'x'` when deleting an unset attribute;
/// `MemoryError`.
pub(crate) fn set_attribute<'h>(
    heap: &'h Heap,
    o: &ManagedInstance,
    k: ClassKeys,
    name: Obj<'h>,
    value: Option<Obj<'h>>,
) -> PyResult<()> {
    let dict = match read(o) {
        DictOrValues::Values(v) => match insert_into_keys(heap, k, &name)? {
            Some(ix) => return store_in_values(heap, o, v, ix, &name, value),
            None => materialise(heap, o, k, v)?,
        },
        DictOrValues::Dict(Some(d)) => d,
        DictOrValues::Dict(None) => {
            let d = new_shared_dict(heap, k)?;
            set_dict(o, Some(d));
            d
        }
    };
    // SAFETY: the word holds a reference to the instance's live dict; another one is taken
    // for the time of the update.
    let dict = unsafe { Obj::from_borrowed(heap, dict.as_ref()) };
    let d = Dict::cast_internal(dict.object())?;
    match value {
        Some(value) => set_item(heap, d, name, value),
        None => del_item(heap, d, name.object()).map_err(|e| {
            if e.kind() == ExcKind::KeyError {
                no_attribute(o, name.object())
            } else {
                e
            }
        }),
    }
}

fn store_in_values(
    heap: &Heap,
    o: &ManagedInstance,
    v: Values,
    ix: usize,
    name: &Obj<'_>,
    value: Option<Obj<'_>>,
) -> PyResult<()> {
    let deleting = value.is_none();
    match v.replace(ix, value.map(Obj::into_ptr)) {
        None if deleting => Err(no_attribute(o, name.object())),
        None => {
            v.push_order(ix);
            Ok(())
        }
        Some(old) => {
            if deleting {
                v.remove_order(ix);
            }
            // SAFETY: the replaced value's reference was the instance's.
            unsafe { heap.decref(old) };
            Ok(())
        }
    }
}

/// `make_dict_from_instance_attributes`: a split dict adopting the instance's values, stored
/// in its dict-or-values word (which owns the returned pointer's reference).
fn materialise(heap: &Heap, o: &ManagedInstance, k: ClassKeys, v: Values) -> PyResult<ObjPtr> {
    k.0.incref();
    let d = new_split_dict(heap, k.0, v, v.used()).inspect_err(|_| k.release(heap))?;
    let is_tracked = |x: &PyObject| heap.is_tracked(x);
    // SAFETY: the values array holds a reference to each value.
    let track = (0..k.len())
        .filter_map(|ix| v.get(ix))
        .any(|x| crate::tracking::may_be_tracked(unsafe { x.as_ref() }, &is_tracked));
    if track {
        // SAFETY: a whole dict of this heap.
        unsafe { heap.track(d.object()) };
    }
    let d = d.into_ptr();
    set_dict(o, Some(d));
    Ok(d)
}

/// `new_dict_with_shared_keys`: an empty split dict over the class's keys.
fn new_shared_dict(heap: &Heap, k: ClassKeys) -> PyResult<ObjPtr> {
    let v = Values::new(heap, k.usable_size())?;
    k.0.incref();
    match new_split_dict(heap, k.0, v, 0) {
        Ok(d) => Ok(d.into_ptr()),
        Err(e) => {
            v.free(heap);
            k.release(heap);
            Err(e)
        }
    }
}

/// `obj.__dict__` (`PyObject_GenericGetDict`): materialises the values into a split dict, or
/// makes an empty one, the first time.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn get_dict<'h>(heap: &'h Heap, o: &ManagedInstance, k: ClassKeys) -> PyResult<Obj<'h>> {
    let d = match read(o) {
        DictOrValues::Values(v) => materialise(heap, o, k, v)?,
        DictOrValues::Dict(Some(d)) => d,
        DictOrValues::Dict(None) => {
            let d = new_shared_dict(heap, k)?;
            set_dict(o, Some(d));
            d
        }
    };
    // SAFETY: the word holds a reference to the live dict; the caller gets another.
    Ok(unsafe { Obj::from_borrowed(heap, d.as_ref()) })
}

/// `obj.__dict__ = d` (`Some`, a dict) or `del obj.__dict__` (`None`): the values are first
/// materialised, then the dict replaced (`subtype_setdict`).
///
/// # Errors
/// `TypeError: __dict__ must be set to a dictionary, not a 'int'`; `MemoryError`.
pub(crate) fn set_dict_attribute(
    heap: &Heap,
    o: &ManagedInstance,
    k: ClassKeys,
    new: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(d) = new.filter(|d| !super::is_dict(d)) {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            d.ob_type().name()
        )));
    }
    let old = get_dict(heap, o, k)?;
    new.iter().for_each(|d| d.incref());
    set_dict(o, new.map(NonNull::from));
    // SAFETY: the word's reference to the old dict is released; `old` keeps it alive until
    // the end of this function.
    unsafe { heap.decref(old.as_ptr()) };
    Ok(())
}

/// Visits the instance's values (slots below `dk_nentries`) or its dict.
#[inline]
pub(crate) fn traverse(o: &ManagedInstance, k: ClassKeys, visit: impl FnMut(ObjPtr)) {
    match read(o) {
        DictOrValues::Values(v) => (0..k.len()).filter_map(|ix| v.get(ix)).for_each(visit),
        DictOrValues::Dict(d) => d.into_iter().for_each(visit),
    }
}

/// `_PyObject_ClearManagedDict` (also the dealloc path): the word is emptied first, then the
/// values are released in slot order and the array freed, or the dict released.
pub(crate) fn clear(heap: &Heap, o: &ManagedInstance, k: ClassKeys) {
    let old = read(o);
    set_dict(o, None);
    match old {
        DictOrValues::Values(v) => {
            for ix in 0..k.len() {
                if let Some(value) = v.replace(ix, None) {
                    // SAFETY: the slot owned this reference.
                    unsafe { heap.decref(value) };
                }
            }
            v.free(heap);
        }
        // SAFETY: the word owned this reference.
        DictOrValues::Dict(Some(d)) => unsafe { heap.decref(d) },
        DictOrValues::Dict(None) => {}
    }
}
