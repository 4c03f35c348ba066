//! Dict and set iterators: `dictiterobject` (`Objects/dictobject.c`) — the dict, `di_used`,
//! `di_pos`, the reusable result tuple `di_result` and `len`, 56 bytes and GC (72 with the GC
//! header) — for keys, values and items, forwards and reversed; and `setiterobject`
//! (`Objects/setobject.c`) — the set, `si_used`, `si_pos`, `len`, 48 bytes and GC.
//!
//! Every step first compares the container's size with the one recorded at creation:
//! a change raises `RuntimeError: dictionary changed size during iteration` (`Set changed
//! size during iteration`) and the iterator stays failed (`di_used = -1`). A forward dict
//! iterator that finds an entry after it has yielded `len` items raises `RuntimeError:
//! dictionary keys changed during iteration`. An exhausted iterator drops its container. The
//! item iterators reuse their result tuple while nothing else holds it.

use core::cell::Cell;
use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::dict::{self as dictobj, Dict};
use crate::types::fields::RefField;
use crate::types::long;
use crate::types::set::{self, AnySet};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `dictiterobject`.
#[repr(C)]
pub struct DictIterObject {
    ob_base: PyObject,
    di_dict: RefField,
    di_used: Cell<isize>,
    di_pos: Cell<isize>,
    di_result: RefField,
    len: Cell<isize>,
}

const _: () = assert!(size_of::<DictIterObject>() == 56);

/// What a dict iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

const DICT_ITER_TYPES: [(&StaticType, DictIterKind, bool); 6] = [
    (&DICT_KEYITER_TYPE, DictIterKind::Keys, false),
    (&DICT_VALUEITER_TYPE, DictIterKind::Values, false),
    (&DICT_ITEMITER_TYPE, DictIterKind::Items, false),
    (&DICT_REVKEYITER_TYPE, DictIterKind::Keys, true),
    (&DICT_REVVALUEITER_TYPE, DictIterKind::Values, true),
    (&DICT_REVITEMITER_TYPE, DictIterKind::Items, true),
];

fn kind_of(o: &PyObject) -> Option<(DictIterKind, bool)> {
    DICT_ITER_TYPES
        .iter()
        .find(|(t, _, _)| ptr::eq(o.ob_type(), t.get()))
        .map(|&(_, k, r)| (k, r))
}

fn is_dictiter(o: &PyObject) -> bool {
    kind_of(o).is_some()
}

crate::view! {
    /// A dict key, value or item iterator, forwards or reversed.
    pub struct DictIter: "dict_keyiterator" = is_dictiter;
}

fn header(it: &DictIter) -> &DictIterObject {
    // SAFETY: the view guarantees a dict iterator, which starts with a `DictIterObject`.
    unsafe { &*ptr::from_ref(it).cast::<DictIterObject>() }
}

/// `dictiter_new`: an iterator over `d` yielding `kind`, reversed or not.
///
/// # Errors
/// `TypeError` when `d` is not a dict, `MemoryError`.
pub fn dict_iter<'h>(
    heap: &'h Heap,
    d: &Obj<'h>,
    kind: DictIterKind,
    reversed: bool,
) -> PyResult<Obj<'h>> {
    let dv =
        <Dict as crate::View>::cast_or_else(d.object(), |t| format!("expected dict, got '{t}'"))?;
    let used = dictobj::dict_len(dv) as isize;
    let ty = DICT_ITER_TYPES
        .iter()
        .find(|&&(_, k, r)| k == kind && r == reversed)
        .map_or(&DICT_KEYITER_TYPE, |&(t, _, _)| t);
    let pos = if reversed {
        dictobj::iter_end(dv) as isize - 1
    } else {
        0
    };
    let result = if kind == DictIterKind::Items {
        Some(super::none_tuple(heap, 2)?)
    } else {
        None
    };
    let op = heap.alloc_object(ty.get(), size_of::<DictIterObject>())?;
    // SAFETY: a fresh iterator with the header `alloc_object` wrote; complete when tracked.
    unsafe {
        op.cast::<DictIterObject>().write(DictIterObject {
            ob_base: PyObject::new(ty.ptr()),
            di_dict: RefField::new(Some(d.clone())),
            di_used: Cell::new(used),
            di_pos: Cell::new(pos),
            di_result: RefField::new(result),
            len: Cell::new(used),
        });
        let it = Obj::from_owned(heap, op);
        heap.track(it.object());
        Ok(it)
    }
}

fn size_changed(what: &str) -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        format!("{what} changed size during iteration"),
    )
}

/// The value a dict iterator yields for an entry.
fn yield_entry<'h>(
    heap: &'h Heap,
    h: &DictIterObject,
    kind: DictIterKind,
    key: ObjPtr,
    value: ObjPtr,
) -> PyResult<Obj<'h>> {
    // SAFETY: a key and value of the live dict the iterator holds, as new references.
    let (key, value) = unsafe {
        (
            Obj::from_borrowed(heap, key.as_ref()),
            Obj::from_borrowed(heap, value.as_ref()),
        )
    };
    match kind {
        DictIterKind::Keys => Ok(key),
        DictIterKind::Values => Ok(value),
        DictIterKind::Items => super::reuse_result(heap, &h.di_result, vec![key, value]),
    }
}

/// The dict and the checks every step makes first; `None` when exhausted.
fn checked_dict<'h>(heap: &'h Heap, h: &DictIterObject) -> PyResult<Option<Obj<'h>>> {
    let Some(d) = h.di_dict.get(heap) else {
        return Ok(None);
    };
    let used = Dict::cast(d.object()).map_or(-1, |d| dictobj::dict_len(d) as isize);
    if h.di_used.get() != used {
        h.di_used.set(-1);
        return Err(size_changed("dictionary"));
    }
    Ok(Some(d))
}

/// `dictiter_iternextkey` / `…value` / `…item`.
pub(crate) fn dictiter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(it), Some((kind, _))) = (DictIter::cast(o), kind_of(o)) else {
        return Ok(None);
    };
    let h = header(it);
    let Some(d) = checked_dict(heap, h)? else {
        return Ok(None);
    };
    let dv = Dict::cast_internal(d.object())?;
    let Some((next, key, value)) = dictobj::next_entry(dv, h.di_pos.get().max(0) as usize) else {
        h.di_dict.clear(heap);
        return Ok(None);
    };
    if h.len.get() == 0 {
        h.di_dict.clear(heap);
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "dictionary keys changed during iteration",
        ));
    }
    h.di_pos.set(next as isize);
    h.len.set(h.len.get() - 1);
    yield_entry(heap, h, kind, key, value).map(Some)
}

/// `dictreviter_iternext`.
pub(crate) fn dictreviter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(it), Some((kind, _))) = (DictIter::cast(o), kind_of(o)) else {
        return Ok(None);
    };
    let h = header(it);
    let Some(d) = checked_dict(heap, h)? else {
        return Ok(None);
    };
    let dv = Dict::cast_internal(d.object())?;
    let pos = h.di_pos.get();
    let found = if pos < 0 {
        None
    } else {
        dictobj::prev_entry(dv, pos as usize)
    };
    let Some((at, key, value)) = found else {
        h.di_dict.clear(heap);
        return Ok(None);
    };
    h.di_pos.set(at as isize - 1);
    h.len.set(h.len.get() - 1);
    yield_entry(heap, h, kind, key, value).map(Some)
}

/// `dictiter_len`: the items left while the dict kept its size, else 0.
pub(crate) fn dictiter_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let n = DictIter::cast(o).map_or(0, |it| {
        let h = header(it);
        match h.di_dict.get(heap) {
            Some(d)
                if Dict::cast(d.object())
                    .is_some_and(|d| dictobj::dict_len(d) as isize == h.di_used.get()) =>
            {
                h.len.get()
            }
            _ => 0,
        }
    });
    long::int_from_i64(heap, n as i64)
}

unsafe fn dictiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead dict iterator of this heap (untracked by the heap).
    unsafe {
        let it = &*op.cast::<DictIterObject>().as_ptr();
        let ty = op.as_ref().ob_type();
        it.di_dict.clear(heap);
        it.di_result.clear(heap);
        heap.free_object(op, ty);
    }
}

/// `dictiter_traverse`: the dict, then the result tuple.
fn dictiter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(it) = DictIter::cast(o) {
        header(it).di_dict.visit(visit);
        header(it).di_result.visit(visit);
    }
}

static DICTITER_SLOTS: Slots = Slots {
    dealloc: dictiter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(dictiter_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

const fn dictiter_type(name: &'static str) -> StaticType {
    StaticType::new(
        &TYPE_TYPE,
        TypeSpec {
            name,
            basicsize: size_of::<DictIterObject>(),
            itemsize: 0,
            flags: TypeFlags::HAVE_GC,
            base: Some(&OBJECT_TYPE),
            slots: &DICTITER_SLOTS,
        },
    )
}

/// `dict_keyiterator`.
pub static DICT_KEYITER_TYPE: StaticType = dictiter_type("dict_keyiterator");
/// `dict_valueiterator`.
pub static DICT_VALUEITER_TYPE: StaticType = dictiter_type("dict_valueiterator");
/// `dict_itemiterator`.
pub static DICT_ITEMITER_TYPE: StaticType = dictiter_type("dict_itemiterator");
/// `dict_reversekeyiterator`.
pub static DICT_REVKEYITER_TYPE: StaticType = dictiter_type("dict_reversekeyiterator");
/// `dict_reversevalueiterator`.
pub static DICT_REVVALUEITER_TYPE: StaticType = dictiter_type("dict_reversevalueiterator");
/// `dict_reverseitemiterator`.
pub static DICT_REVITEMITER_TYPE: StaticType = dictiter_type("dict_reverseitemiterator");

/// `setiterobject`.
#[repr(C)]
pub struct SetIterObject {
    ob_base: PyObject,
    si_set: RefField,
    si_used: Cell<isize>,
    si_pos: Cell<isize>,
    len: Cell<isize>,
}

const _: () = assert!(size_of::<SetIterObject>() == 48);

fn is_setiter(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), SET_ITER_TYPE.get())
}

crate::view! {
    /// A `set_iterator`.
    pub struct SetIter: "set_iterator" = is_setiter;
}

fn set_header(it: &SetIter) -> &SetIterObject {
    // SAFETY: the view guarantees a set iterator.
    unsafe { &*ptr::from_ref(it).cast::<SetIterObject>() }
}

/// `set_iter`: an iterator over a set or frozenset.
///
/// # Errors
/// `TypeError` when `s` is not a set, `MemoryError`.
pub fn set_iter<'h>(heap: &'h Heap, s: &Obj<'h>) -> PyResult<Obj<'h>> {
    let sv =
        <AnySet as crate::View>::cast_or_else(s.object(), |t| format!("expected set, got '{t}'"))?;
    let used = set::set_len(sv) as isize;
    let op = heap.alloc_object(SET_ITER_TYPE.get(), size_of::<SetIterObject>())?;
    // SAFETY: a fresh iterator with the header `alloc_object` wrote; complete when tracked.
    unsafe {
        op.cast::<SetIterObject>().write(SetIterObject {
            ob_base: PyObject::new(SET_ITER_TYPE.ptr()),
            si_set: RefField::new(Some(s.clone())),
            si_used: Cell::new(used),
            si_pos: Cell::new(0),
            len: Cell::new(used),
        });
        let it = Obj::from_owned(heap, op);
        heap.track(it.object());
        Ok(it)
    }
}

/// `setiter_iternext`.
pub(crate) fn setiter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(it) = SetIter::cast(o) else {
        return Ok(None);
    };
    let h = set_header(it);
    let Some(s) = h.si_set.get(heap) else {
        return Ok(None);
    };
    let sv = AnySet::cast_internal(s.object())?;
    if h.si_used.get() != set::set_len(sv) as isize {
        h.si_used.set(-1);
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "Set changed size during iteration",
        ));
    }
    match set::next_entry(heap, sv, h.si_pos.get().max(0) as usize) {
        Some((next, key)) => {
            h.si_pos.set(next as isize);
            h.len.set(h.len.get() - 1);
            // SAFETY: an element of the live set, as a new reference.
            Ok(Some(unsafe { Obj::from_borrowed(heap, key.as_ref()) }))
        }
        None => {
            h.si_set.clear(heap);
            Ok(None)
        }
    }
}

/// `setiter_len`.
pub(crate) fn setiter_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let n = SetIter::cast(o).map_or(0, |it| {
        let h = set_header(it);
        match h.si_set.get(heap) {
            Some(s)
                if AnySet::cast(s.object())
                    .is_some_and(|s| set::set_len(s) as isize == h.si_used.get()) =>
            {
                h.len.get()
            }
            _ => 0,
        }
    });
    long::int_from_i64(heap, n as i64)
}

unsafe fn setiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead set iterator of this heap (untracked by the heap).
    unsafe {
        let it = &*op.cast::<SetIterObject>().as_ptr();
        it.si_set.clear(heap);
        heap.free_object(op, SET_ITER_TYPE.get());
    }
}

fn setiter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(it) = SetIter::cast(o) {
        set_header(it).si_set.visit(visit);
    }
}

static SETITER_SLOTS: Slots = Slots {
    dealloc: setiter_dealloc,
    traverse: Some(setiter_traverse),
    ..DICTITER_SLOTS
};

/// `set_iterator`: 48 bytes, GC.
pub static SET_ITER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "set_iterator",
        basicsize: size_of::<SetIterObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &SETITER_SLOTS,
    },
);
