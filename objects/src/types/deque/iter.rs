//! The deque iterators (`dequeiterobject`, `Modules/_collectionsmodule.c`):
//! `collections._deque_iterator` and `collections._deque_reverse_iterator`, 56 bytes + GC.
//!
//! An iterator keeps the block and slot of its next item, the deque, the deque's `state` when
//! it was made and how many items remain. Any change to the deque's indices bumps its state,
//! and the next step then fails with `RuntimeError: deque mutated during iteration` (and the
//! iterator is exhausted from then on): the block pointer is only followed while the state is
//! unchanged, so it never points at a freed block when it is read.

use core::cell::Cell;
use core::ptr;

use super::{BLOCKLEN, Block, Deque, header, item_at, len, state};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, long};

/// `dequeiterobject`.
#[repr(C)]
struct DequeIterObject {
    ob_base: PyObject,
    b: Cell<*mut Block>,
    index: Cell<isize>,
    deque: RefField,
    state: Cell<usize>,
    counter: Cell<isize>,
}

const _: () = assert!(size_of::<DequeIterObject>() == 56);

/// Whether `o` is a deque iterator of either direction.
pub fn is_deque_iter(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), DEQUE_ITER_TYPE.get()) || ptr::eq(o.ob_type(), DEQUE_REVITER_TYPE.get())
}

crate::view! {
    /// A deque iterator (forward or reverse).
    pub struct DequeIter: "collections._deque_iterator" = is_deque_iter;
}

fn iter_header(it: &DequeIter) -> &DequeIterObject {
    // SAFETY: the view guarantees a deque iterator, which starts with this layout.
    unsafe { &*ptr::from_ref(it).cast::<DequeIterObject>() }
}

fn new_iter<'h>(heap: &'h Heap, d: &Deque, reverse: bool) -> PyResult<Obj<'h>> {
    let ty = if reverse {
        &DEQUE_REVITER_TYPE
    } else {
        &DEQUE_ITER_TYPE
    };
    let h = header(d);
    let (b, index) = if reverse {
        (h.rightblock.get(), h.rightindex.get())
    } else {
        (h.leftblock.get(), h.leftindex.get())
    };
    let op = heap.alloc_object(ty.get(), size_of::<DequeIterObject>())?;
    // SAFETY: a fresh object of the iterator's size; the header is `alloc_object`'s; the deque
    // reference is a new one the iterator owns.
    unsafe {
        op.cast::<DequeIterObject>().write(DequeIterObject {
            ob_base: PyObject::new(ty.ptr()),
            b: Cell::new(b),
            index: Cell::new(index),
            deque: RefField::new(Some(Obj::from_borrowed(heap, d))),
            state: Cell::new(state(d)),
            counter: Cell::new(len(d) as isize),
        });
        let it = Obj::from_owned(heap, op);
        heap.track(it.object());
        Ok(it)
    }
}

/// `iter(d)` (`deque_iter`).
///
/// # Errors
/// `MemoryError`.
pub fn deque_iter<'h>(heap: &'h Heap, d: &Deque) -> PyResult<Obj<'h>> {
    new_iter(heap, d, false)
}

/// `reversed(d)` (`deque_reviter`).
///
/// # Errors
/// `MemoryError`.
pub fn deque_reviter<'h>(heap: &'h Heap, d: &Deque) -> PyResult<Obj<'h>> {
    new_iter(heap, d, true)
}

/// `dequeiter_next` and `dequereviter_next`: the next item, `None` when done.
///
/// # Errors
/// `RuntimeError: deque mutated during iteration`.
pub fn next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let it = DequeIter::cast_internal(o)?;
    let h = iter_header(it);
    let Some(deque) = h.deque.get(heap) else {
        return Ok(None);
    };
    let d = Deque::cast_internal(deque.object())?;
    if state(d) != h.state.get() {
        h.counter.set(0);
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "deque mutated during iteration",
        ));
    }
    if h.counter.get() == 0 {
        return Ok(None);
    }
    let reverse = ptr::eq(o.ob_type(), DEQUE_REVITER_TYPE.get());
    let (b, index) = (h.b.get(), h.index.get());
    // SAFETY: the deque's state is the one the iterator saw, so its indices have not moved
    // since: `(b, index)` is the slot of an item, and the neighbouring block exists while
    // items remain.
    unsafe {
        let item = item_at(heap, b, index);
        h.counter.set(h.counter.get() - 1);
        if reverse {
            h.index.set(index - 1);
            if index == 0 && h.counter.get() > 0 {
                h.b.set((*b).leftlink);
                h.index.set(BLOCKLEN as isize - 1);
            }
        } else {
            h.index.set(index + 1);
            if index + 1 == BLOCKLEN as isize && h.counter.get() > 0 {
                h.b.set((*b).rightlink);
                h.index.set(0);
            }
        }
        Ok(Some(item))
    }
}

/// `dequeiter_len`: the items left (`__length_hint__`).
///
/// # Errors
/// `MemoryError`.
pub fn length_hint<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let it = DequeIter::cast_internal(o)?;
    long::int_from_i64(heap, iter_header(it).counter.get() as i64)
}

unsafe fn dequeiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead deque iterator: its deque reference released, then its memory.
    unsafe {
        if let Some(it) = DequeIter::cast(op.as_ref()) {
            iter_header(it).deque.set(heap, None);
        }
        heap.free_object(op, op.as_ref().ob_type());
    }
}

fn dequeiter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(it) = DequeIter::cast(o) {
        iter_header(it).deque.visit(visit);
    }
}

static DEQUEITER_SLOTS: Slots = Slots {
    dealloc: dequeiter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(dequeiter_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

const fn iter_type(name: &'static str) -> StaticType {
    StaticType::new(
        &TYPE_TYPE,
        TypeSpec {
            name,
            basicsize: size_of::<DequeIterObject>(),
            itemsize: 0,
            flags: TypeFlags::HAVE_GC,
            base: Some(&OBJECT_TYPE),
            slots: &DEQUEITER_SLOTS,
        },
    )
}

/// `_deque_iterator`.
pub static DEQUE_ITER_TYPE: StaticType = iter_type("collections._deque_iterator");
/// `_deque_reverse_iterator`.
pub static DEQUE_REVITER_TYPE: StaticType = iter_type("collections._deque_reverse_iterator");
