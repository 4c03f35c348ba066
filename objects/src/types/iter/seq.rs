//! Sequence iterators (`listiterobject` of `Objects/listobject.c`, `_PyTupleIterObject`,
//! `striterobject` of `bytesobject.c`, `unicodeiterobject`) — the header, `it_index` and
//! `it_seq`, 32 bytes and GC, so `sys.getsizeof` is 48 — and the range iterators of
//! `Objects/rangeobject.c` — 40 bytes, not GC (they hold only ints).
//!
//! Each step reads the sequence afresh: a list that shrank ends its iterator (which then drops
//! the list, `it_seq = NULL`, for good); a list that grew yields the new items. A reversed list
//! iterator stops when its index falls outside the list. `range(…)` iterates with C longs when
//! `start`, `stop`, `step` and the length fit (`fast_range_iter`), else with ints
//! (`longrange_iterator`), whose `__length_hint__` is the exact remaining count as an int.

use core::cell::Cell;
use core::ptr;

use crate::abstract_::{BinOp, binary_op};
use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::bytes::{self, Bytes};
use crate::types::fields::RefField;
use crate::types::list::{self, List};
use crate::types::long::{self, Int};
use crate::types::range::{self, Range};
use crate::types::tuple::{self, Tuple};
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};
use crate::types::{array, bytearray, memoryview};

/// `listiterobject` and its siblings.
#[repr(C)]
pub struct SeqIterObject {
    ob_base: PyObject,
    it_index: Cell<isize>,
    it_seq: RefField,
}

const _: () = assert!(size_of::<SeqIterObject>() == 32);

fn is_seqiter(o: &PyObject) -> bool {
    [
        &LIST_ITER_TYPE,
        &LIST_REVITER_TYPE,
        &TUPLE_ITER_TYPE,
        &BYTES_ITER_TYPE,
        &BYTEARRAY_ITER_TYPE,
        &ARRAY_ITER_TYPE,
        &MEMORY_ITER_TYPE,
        &STR_ASCII_ITER_TYPE,
        &STR_ITER_TYPE,
    ]
    .iter()
    .any(|t| ptr::eq(o.ob_type(), t.get()))
}

crate::view! {
    /// A list, reversed list, tuple, bytes or str iterator.
    pub struct SeqIter: "list_iterator" = is_seqiter;
}

fn header(it: &SeqIter) -> &SeqIterObject {
    // SAFETY: the view guarantees one of the sequence iterators, which share this layout.
    unsafe { &*ptr::from_ref(it).cast::<SeqIterObject>() }
}

fn new_seqiter<'h>(
    heap: &'h Heap,
    ty: &'static StaticType,
    seq: Obj<'h>,
    index: isize,
) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(ty.get(), ty.get().basicsize())?;
    // SAFETY: a fresh iterator with the header `alloc_object` wrote, of at least the shared
    // layout's size (the words past it, in the larger iterators, are zeroed); complete when
    // tracked.
    unsafe {
        let extra = ty.get().basicsize() - size_of::<SeqIterObject>();
        op.cast::<u8>()
            .add(size_of::<SeqIterObject>())
            .write_bytes(0, extra);
        op.cast::<SeqIterObject>().write(SeqIterObject {
            ob_base: PyObject::new(ty.ptr()),
            it_index: Cell::new(index),
            it_seq: RefField::new(Some(seq)),
        });
        let it = Obj::from_owned(heap, op);
        heap.track(it.object());
        Ok(it)
    }
}

/// `iter(list)` (`list_iter`).
///
/// # Errors
/// `MemoryError`.
pub fn list_iter<'h>(heap: &'h Heap, l: &Obj<'h>) -> PyResult<Obj<'h>> {
    List::cast_internal(l.object())?;
    new_seqiter(heap, &LIST_ITER_TYPE, l.clone(), 0)
}

/// `reversed(list)` (`list___reversed___impl`): from the last item.
///
/// # Errors
/// `MemoryError`.
pub fn list_reversed<'h>(heap: &'h Heap, l: &Obj<'h>) -> PyResult<Obj<'h>> {
    let n = list::list_len(List::cast_internal(l.object())?);
    new_seqiter(heap, &LIST_REVITER_TYPE, l.clone(), n as isize - 1)
}

/// `iter(tuple)` (`tuple_iter`).
///
/// # Errors
/// `MemoryError`.
pub fn tuple_iter<'h>(heap: &'h Heap, t: &Obj<'h>) -> PyResult<Obj<'h>> {
    Tuple::cast_internal(t.object())?;
    new_seqiter(heap, &TUPLE_ITER_TYPE, t.clone(), 0)
}

/// `iter(bytes)` (`bytes_iter`).
///
/// # Errors
/// `MemoryError`.
pub fn bytes_iter<'h>(heap: &'h Heap, b: &Obj<'h>) -> PyResult<Obj<'h>> {
    Bytes::cast_internal(b.object())?;
    new_seqiter(heap, &BYTES_ITER_TYPE, b.clone(), 0)
}

/// `iter(bytearray)`, `iter(array)` or `iter(memoryview)`: `bytearray_iterator` (32 bytes),
/// `arrayiterator` (40) or `memory_iterator` (48), each reading the sequence afresh.
///
/// # Errors
/// `MemoryError`; `TypeError` for another object.
pub fn buffer_iter<'h>(heap: &'h Heap, o: &Obj<'h>) -> PyResult<Obj<'h>> {
    let ty = if bytearray::is_bytearray(o.object()) {
        &BYTEARRAY_ITER_TYPE
    } else if array::is_array(o.object()) {
        &ARRAY_ITER_TYPE
    } else {
        memoryview::MemoryView::cast_internal(o.object())?;
        &MEMORY_ITER_TYPE
    };
    new_seqiter(heap, ty, o.clone(), 0)
}

/// `iter(str)` (`unicode_iter`): a `str_ascii_iterator` for a compact ASCII string, else a
/// `str_iterator`.
///
/// # Errors
/// `MemoryError`.
pub fn str_iter<'h>(heap: &'h Heap, s: &Obj<'h>) -> PyResult<Obj<'h>> {
    let st = Str::cast_internal(s.object())?;
    let ty = if unicode::is_compact_ascii(st) {
        &STR_ASCII_ITER_TYPE
    } else {
        &STR_ITER_TYPE
    };
    new_seqiter(heap, ty, s.clone(), 0)
}

fn is(o: &PyObject, ty: &'static StaticType) -> bool {
    ptr::eq(o.ob_type(), ty.get())
}

/// The item at `i` of an iterator's sequence, `None` past its end.
fn item_at<'h>(heap: &'h Heap, seq: &PyObject, i: usize) -> PyResult<Option<Obj<'h>>> {
    let borrowed = |p: &ObjPtr| {
        // SAFETY: an item of a live list or tuple, taken as a new reference.
        unsafe { Obj::from_borrowed(heap, p.as_ref()) }
    };
    if let Some(l) = List::cast(seq) {
        return Ok(list::items(l).get(i).map(borrowed));
    }
    if let Some(t) = Tuple::cast(seq) {
        return Ok(tuple::items(t).get(i).map(borrowed));
    }
    if let Some(b) = Bytes::cast(seq) {
        return match bytes::bytes_value(b).get(i) {
            Some(&byte) => long::int_from_i64(heap, i64::from(byte)).map(Some),
            None => Ok(None),
        };
    }
    if let Some(b) = bytearray::ByteArray::cast(seq) {
        return match bytearray::data(b).get(i) {
            Some(&byte) => long::int_from_i64(heap, i64::from(byte)).map(Some),
            None => Ok(None),
        };
    }
    if let Some(a) = array::Array::cast(seq) {
        if i >= array::len(a) {
            return Ok(None);
        }
        return array::item_object(heap, array::get(a, i)).map(Some);
    }
    if let Some(m) = memoryview::MemoryView::cast(seq) {
        if i >= memoryview::length(m)? {
            return Ok(None);
        }
        return memoryview::get_item(heap, m, i as isize).map(Some);
    }
    if let Some(s) = Str::cast(seq) {
        return match unicode::char_at(s, i).and_then(char::from_u32) {
            Some(c) => unicode::new_str(heap, c.encode_utf8(&mut [0; 4])).map(Some),
            None => Ok(None),
        };
    }
    Ok(None)
}

fn seq_len(seq: &PyObject) -> usize {
    if let Some(l) = List::cast(seq) {
        list::list_len(l)
    } else if let Some(t) = Tuple::cast(seq) {
        tuple::tuple_len(t)
    } else if let Some(b) = Bytes::cast(seq) {
        bytes::bytes_value(b).len()
    } else if let Some(b) = bytearray::ByteArray::cast(seq) {
        bytearray::len(b)
    } else if let Some(a) = array::Array::cast(seq) {
        array::len(a)
    } else if let Some(m) = memoryview::MemoryView::cast(seq) {
        memoryview::length(m).unwrap_or(0)
    } else {
        Str::cast(seq).map_or(0, unicode::str_len)
    }
}

/// `listiter_next`, `listreviter_next`, `tupleiter_next`, `striter_next`,
/// `unicode_ascii_iter_next`, `unicodeiter_next`.
pub fn seqiter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(it) = SeqIter::cast(o) else {
        return Ok(None);
    };
    let h = header(it);
    let Some(seq) = h.it_seq.get(heap) else {
        return Ok(None);
    };
    let i = h.it_index.get();
    if is(o, &LIST_REVITER_TYPE) {
        if i >= 0
            && let Some(item) = item_at(heap, seq.object(), i as usize)?
        {
            h.it_index.set(i - 1);
            return Ok(Some(item));
        }
        h.it_index.set(-1);
    } else if let Some(item) = item_at(heap, seq.object(), i as usize)? {
        h.it_index.set(i + 1);
        return Ok(Some(item));
    }
    h.it_seq.clear(heap);
    Ok(None)
}

/// `__length_hint__` of the sequence iterators (`listiter_len`, `listreviter_len`, …).
pub(crate) fn seqiter_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let n = SeqIter::cast(o).map_or(0, |it| {
        let h = header(it);
        let Some(seq) = h.it_seq.get(heap) else {
            return 0;
        };
        let (len, i) = (seq_len(seq.object()) as isize, h.it_index.get());
        if is(o, &LIST_REVITER_TYPE) {
            if len < i + 1 { 0 } else { i + 1 }
        } else {
            (len - i).max(0)
        }
    });
    long::int_from_i64(heap, n as i64)
}

/// `iterobject`/`dealloc` of the sequence iterators: the sequence, then the memory.
unsafe fn seqiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead sequence iterator of this heap (untracked by the heap).
    unsafe {
        let it = &*op.cast::<SeqIterObject>().as_ptr();
        let ty = op.as_ref().ob_type();
        it.it_seq.clear(heap);
        heap.free_object(op, ty);
    }
}

fn seqiter_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(it) = SeqIter::cast(o) {
        header(it).it_seq.visit(visit);
    }
}

static SEQITER_SLOTS: Slots = Slots {
    dealloc: seqiter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(seqiter_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

const fn seqiter_type(name: &'static str) -> StaticType {
    sized_seqiter_type(name, size_of::<SeqIterObject>())
}

const fn sized_seqiter_type(name: &'static str, basicsize: usize) -> StaticType {
    StaticType::new(
        &TYPE_TYPE,
        TypeSpec {
            name,
            basicsize,
            itemsize: 0,
            flags: TypeFlags::HAVE_GC,
            base: Some(&OBJECT_TYPE),
            slots: &SEQITER_SLOTS,
        },
    )
}

/// `list_iterator`: 32 bytes, GC.
pub static LIST_ITER_TYPE: StaticType = seqiter_type("list_iterator");
/// `list_reverseiterator`: 32 bytes, GC.
pub static LIST_REVITER_TYPE: StaticType = seqiter_type("list_reverseiterator");
/// `tuple_iterator`: 32 bytes, GC.
pub static TUPLE_ITER_TYPE: StaticType = seqiter_type("tuple_iterator");
/// `bytes_iterator`: 32 bytes, GC.
pub static BYTES_ITER_TYPE: StaticType = seqiter_type("bytes_iterator");
/// `bytearray_iterator`: 32 bytes, GC.
pub static BYTEARRAY_ITER_TYPE: StaticType = seqiter_type("bytearray_iterator");
/// `array.arrayiterator`: 40 bytes (CPython keeps the item getter too), GC.
pub static ARRAY_ITER_TYPE: StaticType = sized_seqiter_type("array.arrayiterator", 40);
/// `memory_iterator`: 48 bytes (CPython keeps the format and item size too), GC.
pub static MEMORY_ITER_TYPE: StaticType = sized_seqiter_type("memory_iterator", 48);
/// `str_ascii_iterator`: 32 bytes, GC.
pub static STR_ASCII_ITER_TYPE: StaticType = seqiter_type("str_ascii_iterator");
/// `str_iterator`: 32 bytes, GC.
pub static STR_ITER_TYPE: StaticType = seqiter_type("str_iterator");

/// `_PyRangeIterObject`: C longs.
#[repr(C)]
pub struct RangeIterObject {
    ob_base: PyObject,
    start: Cell<i64>,
    step: Cell<i64>,
    len: Cell<i64>,
}

/// `longrangeiterobject`: ints.
#[repr(C)]
pub struct LongRangeIterObject {
    ob_base: PyObject,
    start: RefField,
    step: RefField,
    len: RefField,
}

const _: () = assert!(size_of::<RangeIterObject>() == 40 && size_of::<LongRangeIterObject>() == 40);

fn is_rangeiter(o: &PyObject) -> bool {
    is(o, &RANGE_ITER_TYPE)
}

fn is_longrangeiter(o: &PyObject) -> bool {
    is(o, &LONGRANGE_ITER_TYPE)
}

crate::view! {
    /// A `range_iterator`.
    pub struct RangeIter: "range_iterator" = is_rangeiter;
}

crate::view! {
    /// A `longrange_iterator`.
    pub struct LongRangeIter: "longrange_iterator" = is_longrangeiter;
}

fn range_header(it: &RangeIter) -> &RangeIterObject {
    // SAFETY: the view guarantees a range iterator.
    unsafe { &*ptr::from_ref(it).cast::<RangeIterObject>() }
}

fn longrange_header(it: &LongRangeIter) -> &LongRangeIterObject {
    // SAFETY: the view guarantees a long range iterator.
    unsafe { &*ptr::from_ref(it).cast::<LongRangeIterObject>() }
}

fn as_i64(o: &Obj<'_>) -> Option<i64> {
    Int::cast(o.object()).and_then(long::as_i64)
}

/// `range_iter` (and, with `reverse`, `range_reverse`): C longs when the bounds and the length
/// fit and the last value cannot overflow, else ints.
///
/// # Errors
/// `MemoryError`, or what the int arithmetic of a reversed long range raises.
pub fn range_iter<'h>(heap: &'h Heap, r: &Obj<'h>, reverse: bool) -> PyResult<Obj<'h>> {
    let range = Range::cast_internal(r.object())?;
    if !reverse && let Some([start, _, step, len]) = range::compact_parts(range) {
        // Bounds of one digit: the last value `start + (len - 1) * step` is within
        // `[start, stop)` (or `(stop, start]`), far from overflowing an `i64`.
        return fast_range_iter(heap, start, step, len);
    }
    let [start, stop, step, len] = range::range_parts(heap, range);
    if let (Some(lstart), Some(lstop), Some(lstep), Some(ulen)) =
        (as_i64(&start), as_i64(&stop), as_i64(&step), as_i64(&len))
    {
        let overflow = ulen != 0
            && if lstep > 0 {
                lstop > i64::MAX - (lstep - 1)
            } else {
                lstop < i64::MIN + (-1 - lstep)
            };
        let reverse_overflow = reverse && lstep == i64::MIN;
        if !overflow && !reverse_overflow {
            let (s, st) = if reverse {
                (lstart.wrapping_add((ulen - 1).wrapping_mul(lstep)), -lstep)
            } else {
                (lstart, lstep)
            };
            return fast_range_iter(heap, s, st, ulen);
        }
    }
    let (start, step) = if reverse {
        let one = long::int_from_i64(heap, 1)?;
        let last = binary_op(heap, len.object(), one.object(), BinOp::Sub)?;
        let span = binary_op(heap, last.object(), step.object(), BinOp::Mul)?;
        let new_start = binary_op(heap, start.object(), span.object(), BinOp::Add)?;
        let new_step =
            crate::abstract_::unary_op(heap, step.object(), crate::abstract_::UnOp::Neg)?;
        (new_start, new_step)
    } else {
        (start, step)
    };
    let op = heap.alloc_object(LONGRANGE_ITER_TYPE.get(), size_of::<LongRangeIterObject>())?;
    // SAFETY: a fresh iterator with the header `alloc_object` wrote (not a GC object).
    unsafe {
        op.cast::<LongRangeIterObject>().write(LongRangeIterObject {
            ob_base: PyObject::new(LONGRANGE_ITER_TYPE.ptr()),
            start: RefField::new(Some(start)),
            step: RefField::new(Some(step)),
            len: RefField::new(Some(len)),
        });
        Ok(Obj::from_owned(heap, op))
    }
}

fn fast_range_iter(heap: &Heap, start: i64, step: i64, len: i64) -> PyResult<Obj<'_>> {
    let op = heap.alloc_object(RANGE_ITER_TYPE.get(), size_of::<RangeIterObject>())?;
    // SAFETY: a fresh iterator with the header `alloc_object` wrote (not a GC object).
    unsafe {
        op.cast::<RangeIterObject>().write(RangeIterObject {
            ob_base: PyObject::new(RANGE_ITER_TYPE.ptr()),
            start: Cell::new(start),
            step: Cell::new(step),
            len: Cell::new(len),
        });
        Ok(Obj::from_owned(heap, op))
    }
}

/// `rangeiter_next`.
pub fn rangeiter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(it) = RangeIter::cast(o) else {
        return Ok(None);
    };
    let h = range_header(it);
    if h.len.get() <= 0 {
        return Ok(None);
    }
    let result = h.start.get();
    h.start.set(result.wrapping_add(h.step.get()));
    h.len.set(h.len.get() - 1);
    long::int_from_i64(heap, result).map(Some)
}

/// `rangeiter_len`.
pub(crate) fn rangeiter_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let n = RangeIter::cast(o).map_or(0, |it| range_header(it).len.get());
    long::int_from_i64(heap, n)
}

/// `longrangeiter_next`.
pub(crate) fn longrangeiter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(it) = LongRangeIter::cast(o) else {
        return Ok(None);
    };
    let h = longrange_header(it);
    let (Some(start), Some(step), Some(len)) =
        (h.start.get(heap), h.step.get(heap), h.len.get(heap))
    else {
        return Ok(None);
    };
    let positive = Int::cast(len.object()).is_some_and(|i| {
        let v = long::long_value(i);
        !v.is_negative() && !v.is_zero()
    });
    if !positive {
        return Ok(None);
    }
    let one = long::int_from_i64(heap, 1)?;
    let new_start = binary_op(heap, start.object(), step.object(), BinOp::Add)?;
    let new_len = binary_op(heap, len.object(), one.object(), BinOp::Sub)?;
    h.start.set(heap, Some(new_start));
    h.len.set(heap, Some(new_len));
    Ok(Some(start))
}

/// `longrangeiter_len`: the remaining count, an int.
pub(crate) fn longrangeiter_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    match LongRangeIter::cast(o).and_then(|it| longrange_header(it).len.get(heap)) {
        Some(n) => Ok(n),
        None => long::int_from_i64(heap, 0),
    }
}

unsafe fn rangeiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead range iterator of this heap: no references.
    unsafe { heap.free_object(op, RANGE_ITER_TYPE.get()) };
}

unsafe fn longrangeiter_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead long range iterator of this heap: its three ints, then the memory.
    unsafe {
        let it = &*op.cast::<LongRangeIterObject>().as_ptr();
        it.start.clear(heap);
        it.step.clear(heap);
        it.len.clear(heap);
        heap.free_object(op, LONGRANGE_ITER_TYPE.get());
    }
}

static RANGEITER_SLOTS: Slots = Slots {
    dealloc: rangeiter_dealloc,
    ..SEQITER_SLOTS_NO_GC
};

static LONGRANGEITER_SLOTS: Slots = Slots {
    dealloc: longrangeiter_dealloc,
    ..SEQITER_SLOTS_NO_GC
};

const SEQITER_SLOTS_NO_GC: Slots = Slots {
    dealloc: rangeiter_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `range_iterator`: 40 bytes, not GC.
pub static RANGE_ITER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "range_iterator",
        basicsize: size_of::<RangeIterObject>(),
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &RANGEITER_SLOTS,
    },
);

/// `longrange_iterator`: 40 bytes, not GC.
pub static LONGRANGE_ITER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "longrange_iterator",
        basicsize: size_of::<LongRangeIterObject>(),
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &LONGRANGEITER_SLOTS,
    },
);
