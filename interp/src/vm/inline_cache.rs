//! Inline caches in the `CACHE` code units (3.12's `_PyLoadGlobalCache`, `_PyAttrCache` and
//! `_PyLoadMethodCache` of `Include/internal/pycore_code.h`, filled at run time as
//! `Python/specialize.c` does, read as the specialized instructions of `Python/bytecodes.c`
//! do).
//!
//! After the generic path of `LOAD_GLOBAL`, `LOAD_ATTR` or `STORE_ATTR` succeeded, the VM
//! asks the `specialize_*` function of the instruction to record where the answer came from;
//! the next execution asks the matching fast function, which reads the answer straight from
//! there while the recorded guards hold, and answers `None` (the generic path runs again, and
//! re-specializes) the moment one fails:
//!
//! ```text
//!  LOAD_GLOBAL (4 units)  [kind] [index] [globals keys version] [builtins keys version]
//!  LOAD_ATTR   (9 units)  [kind] [type version ×2] [aux ×2] [descriptor or type ×4]
//!  STORE_ATTR  (4 units)  [kind] [type version ×2] [index]
//! ```
//!
//! The guards are CPython's: a dict keys version (`dict::cache`: it changes whenever a key is
//! added or deleted, so a cached entry index keeps naming the same key; values are re-read),
//! a type version tag (`type_cache`: it changes whenever the namespace of the class or of a
//! base changes, and is never given twice, so a matching tag pins the class, its layout and
//! the borrowed descriptor its namespace holds), and the version of a class's shared keys
//! (a name added to them, say an instance attribute shadowing a method, changes it).
//!
//! Kind 0 is "not specialized"; a failed specialization writes a back-off count (high bit
//! set) so that the instruction stays generic for a while, as CPython's adaptive counters do.
//! Only this module writes the cache units; `co_code` shows them zeroed
//! (`Code::deoptimized_code_bytes`, `_PyCode_GetCode`).

use core::cell::Cell;

use pyrt_objects::types::class::{self, Instance};
use pyrt_objects::types::code::Code;
use pyrt_objects::types::dict::cache::{
    KeyIndex, cached_value, has_keys_version, keys_version, str_key_index,
};
use pyrt_objects::types::dict::managed::{self, ManagedInstance};
use pyrt_objects::types::dict::{self, Dict};
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::{method, tuple, unicode};
use pyrt_objects::{Heap, Obj, ObjPtr, PyObject, type_cache};

/// A failed specialization: the generic path runs this many times before the next try.
const BACKOFF: u16 = 0x8000 | 53;

/// The cache units of one instruction.
type Units = [Cell<u16>];

fn get32(c: &Units, i: usize) -> u32 {
    u32::from(c[i].get()) | (u32::from(c[i + 1].get()) << 16)
}

fn set32(c: &Units, i: usize, v: u32) {
    c[i].set(v as u16);
    c[i + 1].set((v >> 16) as u16);
}

fn get64(c: &Units, i: usize) -> u64 {
    u64::from(get32(c, i)) | (u64::from(get32(c, i + 2)) << 32)
}

fn set64(c: &Units, i: usize, v: u64) {
    set32(c, i, v as u32);
    set32(c, i + 2, (v >> 32) as u32);
}

/// Whether a specialization should be tried now: not while backing off (the count goes down
/// by one each time, back to "not specialized" at the end).
fn may_specialize(c: &Units) -> bool {
    let k = c[0].get();
    if k & 0x8000 == 0 {
        return true;
    }
    let n = k - 1;
    c[0].set(if n == 0x8000 { 0 } else { n });
    false
}

/// `ob_type` of `o` as a borrowed object.
fn type_version_of(o: &PyObject) -> u32 {
    o.ob_type().version_tag()
}

/// `co_names[i]` of `code`, borrowed.
pub(crate) fn code_name(code: &Code, i: usize) -> &PyObject {
    // SAFETY: the code holds its names.
    unsafe { tuple::items(code.names())[i].as_ref() }
}

/// A new reference to a cached borrowed object.
///
/// # Safety
/// `p` must be alive: held by a namespace or dict whose guard was just checked.
unsafe fn owned<'py>(heap: &'py Heap, p: ObjPtr) -> Obj<'py> {
    // SAFETY: the caller's promise.
    unsafe { Obj::from_borrowed(heap, p.as_ref()) }
}

// ---------------------------------------------------------------------------------------
// LOAD_GLOBAL

const GLOBAL_MODULE: u16 = 1;
const GLOBAL_BUILTIN: u16 = 2;

/// The globals and builtins of `frame` as dicts.
fn scopes<'py>(heap: &'py Heap, frame: &InterpreterFrame) -> Option<(Obj<'py>, Obj<'py>)> {
    let g = frame.globals(heap)?;
    let b = frame.builtins(heap)?;
    (dict::is_dict(g.object()) && dict::is_dict(b.object())).then_some((g, b))
}

/// `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN`: the value the cache names, if its guards
/// hold.
#[inline]
pub(crate) fn load_global<'py>(
    heap: &'py Heap,
    frame: &InterpreterFrame,
    c: &Units,
) -> Option<Obj<'py>> {
    load_global_units(heap, frame, c.try_into().ok()?)
}

/// [`load_global`] on `LOAD_GLOBAL`'s four cache units as an array (the dispatch loop's
/// form: no bounds checks on the units).
#[inline(always)]
pub(crate) fn load_global_units<'py>(
    heap: &'py Heap,
    frame: &InterpreterFrame,
    c: &[Cell<u16>; 4],
) -> Option<Obj<'py>> {
    let kind = c[0].get();
    if kind != GLOBAL_MODULE && kind != GLOBAL_BUILTIN {
        return None;
    }
    // SAFETY: the frame's function holds its globals and builtins while the frame runs.
    let gd = Dict::cast(unsafe { frame.globals_ptr()?.as_ref() })?;
    let ix = usize::from(c[1].get());
    let p = if kind == GLOBAL_MODULE {
        cached_value(gd, u32::from(c[2].get()), ix)?
    } else {
        if !has_keys_version(gd, u32::from(c[2].get())) {
            return None;
        }
        // SAFETY: as above.
        let bd = Dict::cast(unsafe { frame.builtins_ptr()?.as_ref() })?;
        cached_value(bd, u32::from(c[3].get()), ix)?
    };
    // SAFETY: the dict's entry holds the value, and the dict is alive (the frame's function
    // holds its globals and builtins).
    Some(unsafe { owned(heap, p) })
}

/// `_Py_Specialize_LoadGlobal`: records where `name` was found (after the generic lookup
/// found it): an entry of the globals, or of the builtins while the globals lack it. Versions
/// and indices must fit a unit, as in CPython.
pub(crate) fn specialize_load_global(
    heap: &Heap,
    frame: &InterpreterFrame,
    c: &Units,
    name: &PyObject,
) {
    if !may_specialize(c) {
        return;
    }
    let done = (|| {
        let (g, b) = scopes(heap, frame)?;
        let (gd, bd) = (Dict::cast(g.object())?, Dict::cast(b.object())?);
        let small = |v: u32| u16::try_from(v).ok().filter(|&v| v != 0);
        match str_key_index(heap, gd, name) {
            KeyIndex::Found(ix) => {
                let gv = small(keys_version(heap, gd))?;
                let ix16 = u16::try_from(ix).ok()?;
                cached_value(gd, u32::from(gv), ix)?;
                c[1].set(ix16);
                c[2].set(gv);
                c[0].set(GLOBAL_MODULE);
                Some(())
            }
            KeyIndex::Absent => {
                let KeyIndex::Found(ix) = str_key_index(heap, bd, name) else {
                    return None;
                };
                let gv = small(keys_version(heap, gd))?;
                let bv = small(keys_version(heap, bd))?;
                let ix16 = u16::try_from(ix).ok()?;
                cached_value(bd, u32::from(bv), ix)?;
                c[1].set(ix16);
                c[2].set(gv);
                c[3].set(bv);
                c[0].set(GLOBAL_BUILTIN);
                Some(())
            }
            KeyIndex::Unsupported => None,
        }
    })();
    if done.is_none() {
        c[0].set(BACKOFF);
    }
}

// ---------------------------------------------------------------------------------------
// LOAD_ATTR

/// `LOAD_ATTR_INSTANCE_VALUE`: aux is the index in the class's shared keys.
const ATTR_INSTANCE_VALUE: u16 = 1;
/// `LOAD_ATTR_SLOT`: aux is the member slot's index.
const ATTR_SLOT: u16 = 2;
/// A class attribute of an instance with inline values (`LOAD_ATTR_METHOD_WITH_VALUES`,
/// `LOAD_ATTR_CLASS`): aux is the shared keys' version, the descriptor is cached.
const ATTR_CLASS_VALUES: u16 = 3;
/// A class attribute of an instance without a dict (`LOAD_ATTR_METHOD_NO_DICT`).
const ATTR_CLASS_NO_DICT: u16 = 4;
/// A method of a built-in type, method form: the type's address is cached.
const ATTR_BUILTIN_METHOD: u16 = 5;
/// Added to a class-attribute kind when the attribute is a function (a method).
const ATTR_FUNCTION: u16 = 0x10;

/// What a cached `LOAD_ATTR` gives.
pub(crate) enum AttrHit<'py> {
    /// The attribute's value (the method form pushes NULL below it).
    Value(Obj<'py>),
    /// The method form's unbound method (a function, or a built-in method's name), pushed
    /// below the owner.
    Method(Obj<'py>),
}

/// The specialized `LOAD_ATTR`s: the attribute `name` of `owner` from the cache, if its
/// guards hold.
#[inline]
pub(crate) fn load_attr<'py>(
    heap: &'py Heap,
    c: &Units,
    owner: &Obj<'py>,
    name: &PyObject,
    method_form: bool,
) -> Option<AttrHit<'py>> {
    let kind = c[0].get();
    if kind == 0 || kind & 0x8000 != 0 {
        return None;
    }
    let o = owner.object();
    if kind == ATTR_BUILTIN_METHOD {
        if core::ptr::from_ref(o.ob_type()).addr() as u64 != get64(c, 5) {
            return None;
        }
        // SAFETY: the code object holds its names.
        return Some(AttrHit::Method(unsafe { Obj::from_borrowed(heap, name) }));
    }
    if type_version_of(o) != get32(c, 1) {
        return None;
    }
    let aux = get32(c, 3);
    match kind & !ATTR_FUNCTION {
        ATTR_INSTANCE_VALUE => {
            let p = managed::instance_value(ManagedInstance::cast(o)?, aux as usize)?;
            // SAFETY: the instance's values hold the value.
            Some(AttrHit::Value(unsafe { owned(heap, p) }))
        }
        ATTR_SLOT => {
            let p = class::member_slot_value(Instance::cast(o)?, aux as usize)?;
            // SAFETY: the instance's slot holds the value.
            Some(AttrHit::Value(unsafe { owned(heap, p) }))
        }
        ATTR_CLASS_VALUES | ATTR_CLASS_NO_DICT => {
            if kind & !ATTR_FUNCTION == ATTR_CLASS_VALUES {
                // The instance cannot have the name while its values are inline and the
                // shared keys (which lacked it) are unchanged.
                let m = ManagedInstance::cast(o)?;
                if !managed::has_inline_values(m)
                    || !class::class_keys(o.ob_type())?.has_version(aux)
                {
                    return None;
                }
            }
            let p = core::ptr::NonNull::new(get64(c, 5) as usize as *mut PyObject)?;
            // SAFETY: the type's version tag is the one recorded with the descriptor, so the
            // namespace that holds it is unchanged.
            let d = unsafe { owned(heap, p) };
            if kind & ATTR_FUNCTION == 0 {
                return Some(AttrHit::Value(d));
            }
            if method_form {
                return Some(AttrHit::Method(d));
            }
            method::new_method(heap, d, owner.clone())
                .ok()
                .map(AttrHit::Value)
        }
        _ => None,
    }
}

/// `LOAD_ATTR` when the cache missed (`_Py_Specialize_LoadAttr` followed by the specialized
/// read): records where `name` lives on `owner` (the instance attributes, member slots and
/// class attributes of instances of a script's classes, and the methods of built-in types,
/// for which `has_builtin_method` says whether the method form finds one) and gives the
/// answer from there, which is the generic path's by construction. `None` when the generic
/// path must run (the instruction then backs off for a while).
pub(crate) fn load_attr_miss<'py>(
    heap: &'py Heap,
    c: &Units,
    owner: &Obj<'py>,
    name: &PyObject,
    method_form: bool,
    has_builtin_method: impl FnOnce(&str) -> bool,
) -> Option<AttrHit<'py>> {
    if !may_specialize(c) {
        return None;
    }
    let hit = specialize_attr(heap, c, owner, name, method_form, has_builtin_method)
        .and_then(|()| load_attr(heap, c, owner, name, method_form));
    if hit.is_none() {
        c[0].set(BACKOFF);
    }
    hit
}

fn specialize_attr(
    heap: &Heap,
    c: &Units,
    owner: &Obj<'_>,
    name: &PyObject,
    method_form: bool,
    has_builtin_method: impl FnOnce(&str) -> bool,
) -> Option<()> {
    let o = owner.object();
    let ty = o.ob_type();
    let s = unicode::Str::cast(name)?;
    let owned;
    let text = match unicode::ascii_text(s) {
        Some(t) => t,
        None => {
            owned = unicode::str_value(s);
            owned.as_str()
        }
    };
    if matches!(text, "__dict__" | "__class__" | "__weakref__") {
        // Answered by the instance's own machinery before any class attribute.
        return None;
    }
    if !class::is_heap_type(ty) {
        // `unbound_method`'s answer for a built-in type depends on the type and name only.
        if !method_form || !has_builtin_method(text) {
            return None;
        }
        set64(c, 5, core::ptr::from_ref(ty).addr() as u64);
        c[0].set(ATTR_BUILTIN_METHOD);
        return Some(());
    }
    if !class::is_instance(o) || !generic_attributes(heap, ty) {
        return None;
    }
    let version = type_cache::type_version(heap, ty).filter(|&v| v != 0)?;
    // A descriptor other than a function (a property, a classmethod, an object of a class
    // with `__get__`) answers through its `__get__`: not cached.
    let descr = type_cache::type_lookup(heap, ty, name);
    // SAFETY: the namespace holding the descriptor is alive and unchanged since the lookup.
    if descr.is_some_and(|d| is_descriptor(unsafe { d.as_ref() }, ty, text)) {
        return None;
    }
    // A slot read straight from the instance only while the class attribute found for the
    // name is a member descriptor (a subclass may shadow it): the cell it names.
    // SAFETY: as above.
    if let Some(i) = descr.and_then(|d| crate::descriptors::member_index(unsafe { d.as_ref() })) {
        class::member_slot_value(Instance::cast(o)?, i)?;
        set32(c, 1, version);
        set32(c, 3, i as u32);
        c[0].set(ATTR_SLOT);
        return Some(());
    }
    let keys = class::class_keys(ty);
    let kind = match (keys, ManagedInstance::cast(o)) {
        (Some(k), Some(m)) => {
            if !managed::has_inline_values(m) {
                return None;
            }
            if let Some(ix) = k.index_of(heap, name) {
                managed::instance_value(m, ix)?;
                set32(c, 1, version);
                set32(c, 3, ix as u32);
                c[0].set(ATTR_INSTANCE_VALUE);
                return Some(());
            }
            let kv = k.version(heap);
            if kv == 0 {
                return None;
            }
            set32(c, 3, kv);
            ATTR_CLASS_VALUES
        }
        (None, None) => ATTR_CLASS_NO_DICT,
        _ => return None,
    };
    let descr = descr?;
    if ty.version_tag() != version {
        return None;
    }
    // SAFETY: the namespace holding the descriptor is unchanged since the lookup.
    let is_function = super::is_function(unsafe { descr.as_ref() });
    set32(c, 1, version);
    set64(c, 5, descr.as_ptr().addr() as u64);
    c[0].set(kind | if is_function { ATTR_FUNCTION } else { 0 });
    Some(())
}

/// Whether instances of `ty` (a script's class) take the generic attribute protocol: no
/// `__getattribute__`, `__setattr__` or `__delattr__` of the class's own (CPython checks
/// that `tp_getattro` and `tp_setattro` are the generic ones).
fn generic_attributes(heap: &Heap, ty: &pyrt_objects::typeobj::PyTypeObject) -> bool {
    if let Some(fact) = class::cached_fact(ty) {
        return fact;
    }
    let Some(version) = type_cache::type_version(heap, ty).filter(|&v| v != 0) else {
        return false;
    };
    let generic = ["__getattribute__", "__setattr__", "__delattr__"]
        .iter()
        .all(|n| match unicode::interned(heap, n) {
            Some(key) => type_cache::type_lookup(heap, ty, key.object()).is_none(),
            // A name no script spelled is in no namespace.
            None => true,
        });
    if ty.version_tag() == version {
        class::set_cached_fact(ty, version, generic);
    }
    generic
}

/// Whether class attribute `d` of `ty`, found for `name`, answers through `__get__` in a way
/// the caches do not follow: a descriptor object of the interpreter or an object of a
/// script's class (which may define `__get__`). Functions are bound by the method caches, and
/// the member descriptor of one of `ty`'s own slots is read by `LOAD_ATTR_SLOT`.
fn is_descriptor(d: &PyObject, ty: &pyrt_objects::typeobj::PyTypeObject, name: &str) -> bool {
    if super::is_function(d) {
        return false;
    }
    if crate::descriptors::MEMBER.is(d) {
        return class::member_slot_index(ty, name).is_none();
    }
    crate::descriptors::KINDS.iter().any(|k| k.is(d))
        || crate::lru_cache::is_wrapper(d)
        || class::is_heap_type(d.ob_type())
}

// ---------------------------------------------------------------------------------------
// STORE_ATTR

/// `STORE_ATTR_INSTANCE_VALUE`.
const STORE_INSTANCE_VALUE: u16 = 1;
/// `STORE_ATTR_SLOT`.
const STORE_SLOT: u16 = 2;

/// The specialized `STORE_ATTR`s: `value` stored where the cache says, or given back when a
/// guard fails (the generic path then runs).
///
/// # Errors
/// The value, when the cache does not apply.
#[inline]
pub(crate) fn store_attr<'py>(
    heap: &'py Heap,
    c: &Units,
    owner: &Obj<'py>,
    value: Obj<'py>,
) -> Result<(), Obj<'py>> {
    let kind = c[0].get();
    let o = owner.object();
    if (kind != STORE_INSTANCE_VALUE && kind != STORE_SLOT) || type_version_of(o) != get32(c, 1) {
        return Err(value);
    }
    let ix = usize::from(c[3].get());
    if kind == STORE_SLOT {
        return match Instance::cast(o) {
            Some(i) => class::store_member_slot(heap, i, ix, value),
            None => Err(value),
        };
    }
    match ManagedInstance::cast(o) {
        Some(m) => managed::store_instance_value(heap, m, ix, value),
        None => Err(value),
    }
}

/// `_Py_Specialize_StoreAttr`: after the generic `STORE_ATTR` of `name` on `owner`
/// succeeded, records the member slot or the shared-keys index it went to.
pub(crate) fn specialize_store_attr(heap: &Heap, c: &Units, owner: &Obj<'_>, name: &PyObject) {
    if !may_specialize(c) {
        return;
    }
    let done = (|| {
        let o = owner.object();
        let ty = o.ob_type();
        if !class::is_heap_type(ty) || !class::is_instance(o) || !generic_attributes(heap, ty) {
            return None;
        }
        let text = unicode::str_value(unicode::Str::cast(name)?);
        // A data descriptor (a property's setter) takes the store: not cached.
        if type_cache::type_lookup(heap, ty, name)
            // SAFETY: the namespace holding the descriptor is alive.
            .is_some_and(|d| is_descriptor(unsafe { d.as_ref() }, ty, &text))
        {
            return None;
        }
        if text == "__dict__" || text == "__class__" {
            return None;
        }
        let version = type_cache::type_version(heap, ty).filter(|&v| v != 0)?;
        let descr = type_cache::type_lookup(heap, ty, name);
        // SAFETY: the namespace holding the descriptor is alive.
        let slot = descr.and_then(|d| crate::descriptors::member_index(unsafe { d.as_ref() }));
        let (kind, ix) = match slot {
            Some(i) => (STORE_SLOT, i),
            None => {
                let m = ManagedInstance::cast(o)?;
                if !managed::has_inline_values(m) {
                    return None;
                }
                (
                    STORE_INSTANCE_VALUE,
                    class::class_keys(ty)?.index_of(heap, name)?,
                )
            }
        };
        c[3].set(u16::try_from(ix).ok()?);
        set32(c, 1, version);
        c[0].set(kind);
        Some(())
    })();
    if done.is_none() {
        c[0].set(BACKOFF);
    }
}
