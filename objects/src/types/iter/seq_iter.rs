//! `iterator` (`PySeqIter_Type`, `Objects/iterobject.c`): the iterator `iter(o)` makes for an
//! object that has `__getitem__` but no `__iter__`, the old sequence protocol: items `o[0]`,
//! `o[1]`, ... until `IndexError` or `StopIteration`. 32 bytes (`it_index`, `it_seq`), a GC
//! type.

use core::cell::Cell;
use core::ptr;

use crate::abstract_;
use crate::error::{ExcKind, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `seqiterobject`.
#[repr(C)]
pub struct SeqIterObject {
    ob_base: PyObject,
    it_index: Cell<isize>,
    it_seq: RefField,
}

const _: () = assert!(size_of::<SeqIterObject>() == 32);

fn is_seq_iter(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), SEQ_ITER_TYPE.get())
}

crate::view! {
    /// An `iterator` over an object's `__getitem__`.
    pub struct SeqIter: "iterator" = is_seq_iter;
}

fn header(s: &SeqIter) -> &SeqIterObject {
    // SAFETY: the view guarantees an `iterator` object.
    unsafe { &*ptr::from_ref(s).cast::<SeqIterObject>() }
}

/// `PySeqIter_New(seq)`.
///
/// # Errors
/// `MemoryError`.
pub fn new_seq_iter<'h>(heap: &'h Heap, seq: Obj<'h>) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(SEQ_ITER_TYPE.get(), size_of::<SeqIterObject>())?;
    // SAFETY: a fresh allocation of a `SeqIterObject`, written whole before it is tracked.
    unsafe {
        op.cast::<SeqIterObject>().write(SeqIterObject {
            ob_base: PyObject::new(SEQ_ITER_TYPE.ptr()),
            it_index: Cell::new(0),
            it_seq: RefField::new(Some(seq)),
        });
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

/// `iter_iternext`: `seq[index]`, then one up; `IndexError` or `StopIteration` ends it and
/// drops the sequence.
pub(crate) fn seq_iter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(s) = SeqIter::cast(o) else {
        return Ok(None);
    };
    let h = header(s);
    let Some(seq) = h.it_seq.get(heap) else {
        return Ok(None);
    };
    let index = h.it_index.get();
    match abstract_::sequence_get_item(heap, seq.object(), index) {
        Ok(item) => {
            h.it_index.set(index + 1);
            Ok(Some(item))
        }
        Err(e) if matches!(e.kind(), ExcKind::IndexError | ExcKind::StopIteration) => {
            h.it_seq.clear(heap);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

unsafe fn seq_iter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead `iterator` of this heap (untracked by the heap).
    unsafe {
        (*op.cast::<SeqIterObject>().as_ptr()).it_seq.clear(heap);
        heap.free_object(op, SEQ_ITER_TYPE.get());
    }
}

fn seq_iter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(s) = SeqIter::cast(o) {
        header(s).it_seq.visit(visit);
    }
}

static SEQ_ITER_SLOTS: Slots = Slots {
    dealloc: seq_iter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(seq_iter_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `iterator`: 32 bytes, GC.
pub static SEQ_ITER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "iterator",
        basicsize: size_of::<SeqIterObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &SEQ_ITER_SLOTS,
    },
);
