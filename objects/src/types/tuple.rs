//! `tuple` (`Objects/tupleobject.c`): a `PyVarObject` followed by `ob_size` item pointers, a GC
//! type (16-byte GC header in front). The empty tuple is an immortal singleton; tuples of 1 to
//! 20 items are kept on per-length free lists of 2000 when they die. Subclasses (namedtuple
//! classes, see [`record`](crate::types::record)) share the layout and behaviour.

use core::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::hash::tuple_hash;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// Bytes before the items (`offsetof(PyTupleObject, ob_item)`).
pub const ITEMS_OFFSET: usize = size_of::<PyVarObject>();

/// `Py_TPFLAGS_TUPLE_SUBCLASS`.
const TUPLE_SUBCLASS: TypeFlags = TypeFlags(1 << 26);

/// Whether `o` is a tuple or an instance of a tuple subclass (`PyTuple_Check`).
pub fn is_tuple(o: &PyObject) -> bool {
    o.ob_type().flags().contains(TUPLE_SUBCLASS)
}

/// Whether `o` is exactly a tuple (`PyTuple_CheckExact`).
pub fn is_exact_tuple(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), TUPLE_TYPE.get())
}

crate::view! {
    /// A tuple or an instance of a subclass of `tuple` (`PyTuple_Check`).
    pub struct Tuple: "tuple" = is_tuple;
}

/// The tuple a slot of the tuple type (or of a subclass sharing its slots) was called on.
fn slot_self(o: &PyObject) -> &Tuple {
    // SAFETY: the tuple type's slots are only called on tuples (instances of `tuple` or of a
    // subclass, which inherits the slots, the layout and `TUPLE_SUBCLASS`).
    unsafe { Tuple::cast_unchecked(o) }
}

fn header(o: &Tuple) -> &PyVarObject {
    // SAFETY: the view guarantees a tuple, and a tuple starts with a `PyVarObject`.
    unsafe { &*core::ptr::from_ref(o).cast::<PyVarObject>() }
}

/// Number of items.
pub fn tuple_len(o: &Tuple) -> usize {
    header(o).ob_size.get() as usize
}

/// The items of a tuple.
pub fn items(o: &Tuple) -> &[ObjPtr] {
    let n = header(o).ob_size.get() as usize;
    // SAFETY: a tuple's allocation holds `ob_size` item pointers after the header.
    unsafe {
        core::slice::from_raw_parts(
            core::ptr::from_ref(o)
                .cast::<u8>()
                .add(ITEMS_OFFSET)
                .cast::<ObjPtr>(),
            n,
        )
    }
}

/// A new tuple owning `items` (`PyTuple_New` then filling): the empty tuple is the immortal
/// singleton; tuples of 1 to 20 items come from their length's free list when it has one.
///
/// # Errors
/// `MemoryError` when the allocator refuses (the items are released).
pub fn new_tuple<'h>(heap: &'h Heap, items: Vec<Obj<'h>>) -> PyResult<Obj<'h>> {
    let mut items = items.into_iter();
    new_tuple_with(heap, items.len(), |_| {
        items.next().expect("an item for each slot")
    })
}

/// `PySequence_Tuple(o)` (`tuple(iterable)`): an exact tuple is itself; a list's or tuple's
/// items are copied; any other iterable is walked after room is made for its length hint, so
/// that an impossible size is a `MemoryError` (or the length's `OverflowError`) before any item
/// is read, as in CPython.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, what iterating raises, `OverflowError` from the
/// length, or `MemoryError`.
pub fn sequence_tuple<'h>(heap: &'h Heap, o: &Obj<'h>) -> PyResult<Obj<'h>> {
    if is_exact_tuple(o.object()) {
        return Ok(o.clone());
    }
    if (crate::types::list::List::cast(o.object()).is_some() || is_tuple(o.object()))
        && !crate::types::builtin_subclass::iterates_itself(heap, o.object())
    {
        return new_tuple(heap, crate::types::list::borrowed_items(heap, o.object())?);
    }
    // The length hint is taken once the iterator exists, as `PySequence_Tuple` does (a
    // class's `__len__` runs after its `__iter__`).
    let items: core::cell::RefCell<Vec<Obj<'h>>> = core::cell::RefCell::new(Vec::new());
    crate::abstract_::for_each_started(
        heap,
        o.object(),
        || {
            let hint = crate::abstract_::length_hint(heap, o.object(), 10)?;
            if hint > MAX_ITEMS {
                return Err(PyErr::memory_error());
            }
            items
                .borrow_mut()
                .try_reserve(hint)
                .map_err(|_| PyErr::memory_error())
        },
        |item| {
            let mut items = items.borrow_mut();
            items.try_reserve(1).map_err(|_| PyErr::memory_error())?;
            items.push(item);
            Ok(true)
        },
    )?;
    let items = items.into_inner();
    // `new_tuple` refuses more than `MAX_ITEMS` with a `MemoryError`.
    new_tuple(heap, items)
}

/// The most items a tuple can hold (`tuple_alloc`'s limit: its size in bytes fits an
/// `isize`).
const MAX_ITEMS: usize = (isize::MAX as usize - ITEMS_OFFSET) / 8;

/// `PyTuple_New(n)` with item `i` from `item(i)`: the size is checked before any allocation,
/// so an impossible one is a `MemoryError` at once, and nothing is built then.
///
/// # Errors
/// `MemoryError` when `n` is over [`MAX_ITEMS`] or the allocator refuses.
fn new_tuple_with<'h>(
    heap: &'h Heap,
    n: usize,
    mut item: impl FnMut(usize) -> Obj<'h>,
) -> PyResult<Obj<'h>> {
    if n == 0 {
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, heap.singletons().empty_tuple().as_ref()) });
    }
    if n > MAX_ITEMS {
        return Err(PyErr::memory_error());
    }
    let recycled = heap
        .tuples
        .get(n - 1)
        .and_then(|list| list.pop(TUPLE_TYPE.ptr()));
    let op = match recycled {
        Some(op) => op,
        None => heap.alloc_object(TUPLE_TYPE.get(), ITEMS_OFFSET + 8 * n)?,
    };
    // SAFETY: a tuple body of `n` items (fresh or recycled for this length) whose header and
    // single reference we own; every slot is written before the tuple is made an `Obj`.
    unsafe {
        core::ptr::addr_of_mut!((*op.cast::<PyVarObject>().as_ptr()).ob_size)
            .write(core::cell::Cell::new(n as isize));
        let dst = op.cast::<u8>().add(ITEMS_OFFSET).cast::<ObjPtr>();
        for i in 0..n {
            dst.add(i).write(item(i).into_ptr());
        }
        let tuple = Obj::from_owned(heap, op);
        heap.track(tuple.object());
        Ok(tuple)
    }
}

/// `PyTuple_SET_ITEM` on a tuple its owner may still change: the tuple a code object's
/// constructor interns strings in (`intern_strings`), and the result tuples that `zip`,
/// `enumerate` and the dict item iterators reuse while nothing else holds them. Puts `item`
/// at `i` and returns the item it replaces; `None` (and `item` released) when `i` is out of
/// range.
pub(crate) fn swap_item<'h>(heap: &'h Heap, t: &Tuple, i: usize, item: Obj<'h>) -> Option<Obj<'h>> {
    if i >= tuple_len(t) {
        return None;
    }
    // SAFETY: slot `i` is inside the tuple and holds an owned reference, which moves to the
    // caller; the new item's reference moves into the slot.
    unsafe {
        let slot = core::ptr::from_ref(t)
            .cast::<u8>()
            .add(ITEMS_OFFSET)
            .cast::<ObjPtr>()
            .cast_mut()
            .add(i);
        let old = slot.read();
        slot.write(item.into_ptr());
        Some(Obj::from_owned(heap, old))
    }
}

/// `_PyTuple_MaybeUntrack`: untracks `t` when none of its items may be tracked (the
/// collector does this to the tuples that survive it).
pub fn maybe_untrack(heap: &Heap, t: &PyObject) {
    if is_exact_tuple(t)
        && let Some(t) = Tuple::cast(t)
        && heap.is_tracked(t)
        && crate::tracking::tuple_can_untrack(t, &|x| heap.is_tracked(x))
    {
        heap.untrack(t);
    }
}

/// Releases a dead tuple's items (last to first) and keeps it on its length's free list, or
/// frees it (`tupledealloc`).
/// A new instance of `ty`, a class whose base is `tuple`, holding new references to `items`
/// (`tuple_subtype_new`: `PyType_GenericAlloc` of `n` items, one more allocated). The caller
/// gives the instance its reference to `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_tuple<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
    items: &[ObjPtr],
) -> PyResult<Obj<'h>> {
    let n = items.len();
    let op = heap.alloc_object(ty, ITEMS_OFFSET + 8 * (n + 1))?;
    // SAFETY: a fresh allocation with room for the header and `n + 1` item pointers; each
    // item is a live object that the new tuple takes a reference to.
    unsafe {
        let t = op.cast::<PyVarObject>().as_ptr();
        core::ptr::addr_of_mut!((*t).ob_size).write(core::cell::Cell::new(n as isize));
        let dst = op.cast::<u8>().as_ptr().add(ITEMS_OFFSET).cast::<ObjPtr>();
        for (i, &item) in items.iter().enumerate() {
            item.as_ref().incref();
            dst.add(i).write(item);
        }
        Ok(Obj::from_owned(heap, op))
    }
}

unsafe fn tuple_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead tuple of this heap owning one reference to each item.
    unsafe {
        let t = slot_self(op.as_ref());
        let n = tuple_len(t);
        for &item in items(t).iter().rev() {
            heap.decref(item);
        }
        let kept = n > 0 && heap.tuples.get(n - 1).is_some_and(|list| list.push(op));
        if !kept {
            heap.free_object(op, TUPLE_TYPE.get());
        }
    }
}

/// Item `i` of `o` as a new reference.
fn item_ref<'h>(heap: &'h Heap, o: &Tuple, i: usize) -> Obj<'h> {
    // SAFETY: the tuple holds a reference to each item, an object of this heap; a tuple's
    // items never change.
    unsafe { Obj::from_borrowed(heap, items(o)[i].as_ref()) }
}

/// `tupleconcat` (`a + b`): `a` or `b` itself when the other is empty and it is an exact
/// tuple; otherwise a new tuple, its size checked before allocating.
fn tuple_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let Some(b) = Tuple::cast(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.ob_type().name()
        )));
    };
    let (la, lb) = (tuple_len(a), tuple_len(b));
    for (t, other) in [(a, lb), (b, la)] {
        if other == 0 && is_exact_tuple(t) {
            // SAFETY: `t` is a live tuple of this heap; tuples are immutable.
            return Ok(unsafe { Obj::from_borrowed(heap, t) });
        }
    }
    let n = la.checked_add(lb).ok_or_else(PyErr::memory_error)?;
    new_tuple_with(heap, n, |i| {
        if i < la {
            item_ref(heap, a, i)
        } else {
            item_ref(heap, b, i - la)
        }
    })
}

/// `tuplerepeat` (`t * n`): `t` itself for an exact tuple when it is empty or `n` is 1, the
/// empty tuple for an empty `t` or `n <= 0` (at once, whatever `n`), else a new tuple whose
/// size is checked before allocating (`MemoryError`).
fn tuple_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let len = tuple_len(a);
    if (len == 0 || n == 1) && is_exact_tuple(a) {
        // SAFETY: `a` is a live tuple of `heap`; tuples are immutable.
        return Ok(unsafe { Obj::from_borrowed(heap, a) });
    }
    let count = usize::try_from(n).unwrap_or(0);
    if len == 0 || count == 0 {
        return new_tuple(heap, Vec::new());
    }
    let total = len.checked_mul(count).ok_or_else(PyErr::memory_error)?;
    new_tuple_with(heap, total, |k| item_ref(heap, a, k % len))
}

/// `tuplerepr`, with CPython's recursion guard (`Py_ReprEnter`): a tuple met again inside
/// its own repr (through a list, a dict, ...) is `(...)`.
fn tuple_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let t = slot_self(o);
    if tuple_len(t) == 0 {
        return Ok("()".into());
    }
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok("(...)".into());
    }
    let parts = items(t)
        .iter()
        // SAFETY: the tuple holds a reference to each item; its items never change.
        .map(|p| crate::abstract_::repr(heap, unsafe { p.as_ref() }))
        .collect::<PyResult<Vec<_>>>();
    heap.repr_leave(me);
    let parts = parts?;
    Ok(match parts.len() {
        1 => format!("({},)", parts[0]),
        _ => format!("({})", parts.join(", ")),
    })
}

/// `hash(t)` (`tuplehash`), computed without recursion: nested tuples are hashed from the
/// innermost out with an explicit stack, so any depth gives CPython's value.
pub(crate) fn tuple_hash_slot(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    // Each frame: a tuple, the index of its next item, and the hashes of the items so far.
    let mut stack: Vec<(&Tuple, usize, Vec<i64>)> = vec![(slot_self(o), 0, Vec::new())];
    loop {
        let (t, i, hashes) = stack.last_mut().expect("the stack holds the outer tuple");
        let Some(item) = items(t).get(*i) else {
            let h = tuple_hash(hashes);
            stack.pop();
            match stack.last_mut() {
                Some((_, i, hashes)) => {
                    hashes.push(h);
                    *i += 1;
                    continue;
                }
                None => return Ok(h),
            }
        };
        // SAFETY: the tuple holds a reference to each item; the outer tuple keeps them all alive.
        let item = unsafe { item.as_ref() };
        if let Some(item) = Tuple::cast(item) {
            stack.push((item, 0, Vec::new()));
        } else {
            hashes.push(crate::abstract_::hash(heap, item)?);
            *i += 1;
        }
    }
}

pub(crate) fn tuple_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Tuple::cast(a), Tuple::cast(b)) else {
        return Ok(None);
    };
    let (xs, ys) = (items(a), items(b));
    let pair = |i: usize| {
        let (x, y) = (xs.get(i)?, ys.get(i)?);
        // SAFETY: both tuples hold references to their items, objects of this heap.
        Some(unsafe {
            (
                Obj::from_borrowed(heap, x.as_ref()),
                Obj::from_borrowed(heap, y.as_ref()),
            )
        })
    };
    crate::abstract_::compare_sequences(heap, op, pair, || (xs.len(), ys.len())).map(Some)
}

/// `tupletraverse`: the items, last to first.
fn tuple_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    traverse_items(slot_self(o), visit);
}

/// `tupletraverse`, generic over the visitor: the items, last to first.
#[inline]
pub(crate) fn traverse_items(o: &Tuple, mut visit: impl FnMut(ObjPtr)) {
    items(o).iter().rev().for_each(|&item| visit(item));
}

/// Whether `ty` traverses its instances as a tuple does ([`traverse_items`]).
#[inline]
pub(crate) fn has_tuple_traverse(ty: &crate::typeobj::PyTypeObject) -> bool {
    core::ptr::eq(ty.slots(), &TUPLE_SLOTS)
}

fn tuple_len_slot(o: &PyObject) -> usize {
    tuple_len(slot_self(o))
}

pub(crate) static TUPLE_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(tuple_len_slot),
    concat: Some(tuple_concat),
    repeat: Some(tuple_repeat),
};

pub(crate) static TUPLE_SLOTS: Slots = Slots {
    dealloc: tuple_dealloc,
    sizeof: None,
    repr: tuple_repr,
    str: None,
    hash: Some(tuple_hash_slot),
    richcompare: Some(tuple_richcompare),
    number: None,
    sequence: Some(&TUPLE_SEQUENCE),
    traverse: Some(tuple_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `tuple`.
pub static TUPLE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "tuple",
        basicsize: ITEMS_OFFSET,
        itemsize: 8,
        flags: TypeFlags::HAVE_GC
            .union(TypeFlags::BASETYPE)
            .union(TUPLE_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &TUPLE_SLOTS,
    },
);

/// The static empty tuple: GC header, then the object.
#[repr(C)]
pub(crate) struct EmptyTuple {
    _gc_head: [usize; 2],
    pub(crate) object: PyVarObject,
}

impl EmptyTuple {
    pub(crate) fn new() -> EmptyTuple {
        EmptyTuple {
            _gc_head: [0; 2],
            object: PyVarObject {
                ob_base: PyObject::new_immortal(TUPLE_TYPE.ptr()),
                ob_size: core::cell::Cell::new(0),
            },
        }
    }

    pub(crate) fn ptr(&self) -> ObjPtr {
        NonNull::from(&self.object.ob_base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::long::int_from_i64;

    #[test]
    fn traverse_visits_each_item_once_in_order() {
        let heap = Heap::new();
        let (a, b) = (
            int_from_i64(&heap, 1000).unwrap(),
            int_from_i64(&heap, -7).unwrap(),
        );
        let t = new_tuple(&heap, vec![a.clone(), b.clone(), a.clone()]).unwrap();
        let mut seen = Vec::new();
        let traverse = TUPLE_TYPE
            .get()
            .slots()
            .traverse
            .expect("tuples hold references");
        traverse(t.object(), &mut |p| seen.push(p));
        assert_eq!(seen, [a.as_ptr(), b.as_ptr(), a.as_ptr()]);
        assert_eq!(a.object().refcnt(), 3, "the handle and two tuple slots");
        drop(t);
        assert_eq!(
            a.object().refcnt(),
            1,
            "dropping the tuple released both slots"
        );
    }
}
