//! `bytearray` (`Objects/bytearrayobject.c`): a `PyVarObject` whose `ob_size` is the length,
//! then `ob_alloc`, `ob_bytes` (the buffer, from the object allocator), `ob_start` (where the
//! data begins inside it: deleting from the front only moves this) and `ob_exports` (live
//! memoryviews): 56 bytes, not GC. `sys.getsizeof` is 56 + `ob_alloc`.
//!
//! Growth follows `PyByteArray_Resize`: a request that fits the buffer keeps it unless the
//! size falls under half of it (then the buffer is cut to `size + 1`); a request that does not
//! fit over-allocates by an eighth (plus 3, or 6 from 9 bytes on) when it is at most 1.125
//! times the old allocation, else allocates exactly `size + 1`. A buffer with a logical offset
//! is moved to a fresh allocation instead of reallocated. While a memoryview exports the
//! buffer, any resize raises `BufferError`.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::buffer;
use crate::types::bytes::bytes_repr_text;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, long};

/// `PyByteArrayObject`.
#[repr(C)]
pub struct PyByteArrayObject {
    ob_base: PyVarObject,
    ob_alloc: Cell<isize>,
    ob_bytes: Cell<*mut u8>,
    ob_start: Cell<*mut u8>,
    ob_exports: Cell<isize>,
}

/// `sizeof(PyByteArrayObject)`.
pub const BYTEARRAY_BASICSIZE: usize = 56;
const _: () = assert!(size_of::<PyByteArrayObject>() == BYTEARRAY_BASICSIZE);

/// Whether `o` is a bytearray (`PyByteArray_Check`; the type has no subclasses in pyrt).
pub fn is_bytearray(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), BYTEARRAY_TYPE.get())
}

crate::view! {
    /// A bytearray (`PyByteArray_Check`).
    pub struct ByteArray: "bytearray" = is_bytearray;
}

fn slot_self(o: &PyObject) -> &ByteArray {
    // SAFETY: the bytearray type's slots are only called on bytearrays.
    unsafe { ByteArray::cast_unchecked(o) }
}

fn header(o: &ByteArray) -> &PyByteArrayObject {
    // SAFETY: the view guarantees a bytearray, which starts with a `PyByteArrayObject`.
    unsafe { &*ptr::from_ref(o).cast::<PyByteArrayObject>() }
}

/// The length of a bytearray.
pub fn len(o: &ByteArray) -> usize {
    header(o).ob_base.ob_size.get() as usize
}

/// `ob_alloc`: the bytes the buffer holds (0 without a buffer).
pub fn alloc(o: &ByteArray) -> usize {
    header(o).ob_alloc.get() as usize
}

/// The bytes of a bytearray. The slice must not be held across a change of the bytearray.
pub fn data(o: &ByteArray) -> &[u8] {
    let h = header(o);
    let n = len(o);
    if n == 0 {
        return &[];
    }
    // SAFETY: `ob_start` points at `n` initialised bytes inside the live buffer.
    unsafe { core::slice::from_raw_parts(h.ob_start.get(), n) }
}

/// Writes `src` at `at` in the data (`at + src.len() <= len`).
fn write_at(o: &ByteArray, at: usize, src: &[u8]) {
    debug_assert!(at + src.len() <= len(o));
    if src.is_empty() {
        return;
    }
    // SAFETY: the range lies inside the data of the live buffer; `src` is never the
    // bytearray's own data (callers copy it first).
    unsafe { ptr::copy_nonoverlapping(src.as_ptr(), header(o).ob_start.get().add(at), src.len()) }
}

/// Moves `n` bytes of the data from `from` to `to` (both ranges inside the data).
fn move_within(o: &ByteArray, from: usize, to: usize, n: usize) {
    if n == 0 {
        return;
    }
    debug_assert!(from + n <= alloc(o) && to + n <= alloc(o));
    // SAFETY: both ranges lie inside the buffer (callers keep them within the data).
    unsafe {
        let base = header(o).ob_start.get();
        ptr::copy(base.add(from), base.add(to), n);
    }
}

/// Sets the byte at `i` (`i < len`).
pub fn set_byte(o: &ByteArray, i: usize, v: u8) {
    write_at(o, i, &[v]);
}

/// `ob_exports`: how many memoryviews hold the buffer.
pub fn exports(o: &ByteArray) -> isize {
    header(o).ob_exports.get()
}

/// Counts a new export (a memoryview over the bytearray) or, with `-1`, its release.
pub fn add_export(o: &ByteArray, delta: isize) {
    let h = header(o);
    h.ob_exports.set(h.ob_exports.get() + delta);
}

fn buffer_error() -> PyErr {
    PyErr::new(
        ExcKind::BufferError,
        "Existing exports of data: object cannot be re-sized",
    )
}

/// `PyByteArray_Resize`: sets the length to `size` with CPython's allocation policy.
///
/// # Errors
/// `BufferError` while the buffer is exported, `MemoryError` when the allocator refuses.
pub fn resize(heap: &Heap, o: &ByteArray, size: usize) -> PyResult<()> {
    let h = header(o);
    let mut alloc = h.ob_alloc.get() as usize;
    let offset = if h.ob_bytes.get().is_null() {
        0
    } else {
        h.ob_start.get() as usize - h.ob_bytes.get() as usize
    };
    if size == len(o) {
        return Ok(());
    }
    if h.ob_exports.get() > 0 {
        return Err(buffer_error());
    }
    if size + offset < alloc {
        if size < alloc / 2 {
            alloc = size + 1;
        } else {
            h.ob_base.ob_size.set(size as isize);
            // SAFETY: `size < alloc - offset`: the NUL fits inside the buffer.
            unsafe { h.ob_start.get().add(size).write(0) };
            return Ok(());
        }
    } else if (size as f64) <= alloc as f64 * 1.125 {
        alloc = size + (size >> 3) + if size < 9 { 3 } else { 6 };
    } else {
        alloc = size + 1;
    }
    if alloc > isize::MAX as usize {
        return Err(PyErr::memory_error());
    }
    let fresh = if offset > 0 {
        let p = heap.alloc_bytes(alloc)?;
        let keep = size.min(len(o));
        // SAFETY: `keep` bytes of the old data into the fresh block of `alloc > keep` bytes;
        // the old buffer (a live block of this heap) is freed once.
        unsafe {
            ptr::copy_nonoverlapping(h.ob_start.get(), p.as_ptr(), keep);
            heap.free_bytes(NonNull::new_unchecked(h.ob_bytes.get()));
        }
        p
    } else {
        // SAFETY: `ob_bytes` is null or this heap's live buffer, replaced by the result.
        unsafe { heap.realloc_bytes(NonNull::new(h.ob_bytes.get()), alloc)? }
    };
    h.ob_bytes.set(fresh.as_ptr());
    h.ob_start.set(fresh.as_ptr());
    h.ob_alloc.set(alloc as isize);
    h.ob_base.ob_size.set(size as isize);
    // SAFETY: `size < alloc`.
    unsafe { fresh.as_ptr().add(size).write(0) };
    Ok(())
}

/// An empty bytearray (`bytearray()`): no buffer.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_empty(heap: &Heap) -> PyResult<Obj<'_>> {
    let op = heap.alloc_object(BYTEARRAY_TYPE.get(), BYTEARRAY_BASICSIZE)?;
    // SAFETY: a fresh object of the basic size: every field is written before use.
    unsafe {
        let b = op.cast::<PyByteArrayObject>().as_ptr();
        ptr::addr_of_mut!((*b).ob_base.ob_size).write(Cell::new(0));
        ptr::addr_of_mut!((*b).ob_alloc).write(Cell::new(0));
        ptr::addr_of_mut!((*b).ob_bytes).write(Cell::new(ptr::null_mut()));
        ptr::addr_of_mut!((*b).ob_start).write(Cell::new(ptr::null_mut()));
        ptr::addr_of_mut!((*b).ob_exports).write(Cell::new(0));
        Ok(Obj::from_owned(heap, op))
    }
}

/// A bytearray with a copy of `src` (`PyByteArray_FromStringAndSize`: `len + 1` bytes
/// allocated, none for an empty one).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_bytearray<'h>(heap: &'h Heap, src: &[u8]) -> PyResult<Obj<'h>> {
    let o = new_empty(heap)?;
    let b = ByteArray::cast_internal(o.object())?;
    resize(heap, b, src.len())?;
    write_at(b, 0, src);
    Ok(o)
}

/// `bytearray(n)`: `n` zero bytes.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_zeroed(heap: &Heap, n: usize) -> PyResult<Obj<'_>> {
    let o = new_empty(heap)?;
    let b = ByteArray::cast_internal(o.object())?;
    resize(heap, b, n)?;
    if n > 0 {
        // SAFETY: the data has `n` bytes.
        unsafe { header(b).ob_start.get().write_bytes(0, n) };
    }
    Ok(o)
}

/// `_getbytevalue`: an integer (or object with `__index__`) in `range(0, 256)`.
///
/// # Errors
/// `TypeError: 'str' object cannot be interpreted as an integer`, `ValueError: byte must be
/// in range(0, 256)`.
pub fn byte_value(o: &PyObject) -> PyResult<u8> {
    let v = match long::Int::cast(o) {
        Some(i) => long::as_i64(i),
        None => match crate::numbers::user_index_value(o) {
            Some(v) => v?.to_i64(),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.ob_type().name()
                )));
            }
        },
    };
    v.and_then(|v| u8::try_from(v).ok())
        .ok_or_else(|| PyErr::value_error("byte must be in range(0, 256)"))
}

/// The bytes of an iterable of ints (`bytearray_extend`'s and `bytes`' loop).
///
/// # Errors
/// What iterating raises, and [`byte_value`]'s errors.
pub fn bytes_of_iterable(heap: &Heap, o: &PyObject) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    crate::abstract_::for_each_started(
        heap,
        o,
        || Ok(()),
        |item| {
            out.push(byte_value(item.object())?);
            Ok(true)
        },
    )?;
    Ok(out)
}

/// `ba[lo:hi] = src` (`bytearray_setslice_linear`), `src` empty for a deletion: a deletion at
/// the front moves `ob_start`, others move the tail, then the buffer is resized.
///
/// # Errors
/// `BufferError` when the size changes while exported, `MemoryError`.
pub fn set_slice(heap: &Heap, o: &ByteArray, lo: usize, hi: usize, src: &[u8]) -> PyResult<()> {
    let n = len(o);
    let hi = hi.max(lo).min(n);
    let lo = lo.min(hi);
    let needed = src.len();
    let removed = hi - lo;
    if needed < removed {
        if exports(o) > 0 {
            return Err(buffer_error());
        }
        let h = header(o);
        if lo == 0 {
            // SAFETY: the start moves forward inside the data.
            h.ob_start
                .set(unsafe { h.ob_start.get().add(removed - needed) });
        } else {
            move_within(o, hi, lo + needed, n - hi);
        }
        resize(heap, o, n - (removed - needed))?;
    } else if needed > removed {
        let growth = needed - removed;
        if n > isize::MAX as usize - growth {
            return Err(PyErr::memory_error());
        }
        resize(heap, o, n + growth)?;
        move_within(o, hi, lo + needed, n - hi);
    }
    write_at(o, lo, src);
    Ok(())
}

/// Deletes the items at `start`, `start + step`, ... (`length` of them, `step` not 1), as
/// `bytearray_ass_subscript` does for an extended slice: the kept bytes close up, then the
/// buffer is resized.
///
/// # Errors
/// `BufferError` while exported, `MemoryError`.
pub fn delete_extended(
    heap: &Heap,
    o: &ByteArray,
    start: isize,
    step: isize,
    length: usize,
) -> PyResult<()> {
    if length == 0 {
        return Ok(());
    }
    let n = len(o);
    let mut gone = vec![false; n];
    for k in 0..length {
        gone[(start + k as isize * step) as usize] = true;
    }
    let kept: Vec<u8> = data(o)
        .iter()
        .zip(&gone)
        .filter(|(_, g)| !**g)
        .map(|(b, _)| *b)
        .collect();
    if exports(o) > 0 {
        return Err(buffer_error());
    }
    write_at(o, 0, &kept);
    resize(heap, o, kept.len())
}

unsafe fn bytearray_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead bytearray of this heap; its buffer (if any) is freed once.
    unsafe {
        let b = op.cast::<PyByteArrayObject>().as_ref();
        if let Some(p) = NonNull::new(b.ob_bytes.get()) {
            heap.free_bytes(p);
        }
        heap.free_object(op, BYTEARRAY_TYPE.get());
    }
}

fn bytearray_sizeof(o: &PyObject) -> usize {
    BYTEARRAY_BASICSIZE + alloc(slot_self(o))
}

/// `bytearray(b'...')` (`bytearray_repr`: the quote is chosen as for bytes, but a `'` is
/// always escaped).
pub fn repr_text(o: &ByteArray) -> String {
    let d = data(o);
    let text = bytes_repr_text(d);
    let text = if d.contains(&b'\'') && !d.contains(&b'"') {
        text.replace('\'', "\\'")
    } else {
        text
    };
    format!("bytearray({text})")
}

fn bytearray_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(repr_text(slot_self(o)))
}

fn bytearray_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (buffer::contiguous_bytes(a), buffer::contiguous_bytes(b)) else {
        return Ok(None);
    };
    Ok(Some(long::new_bool(heap, op.holds(x.cmp(&y)))))
}

fn seq_len(o: &PyObject) -> usize {
    len(slot_self(o))
}

fn bytearray_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let Some(y) = buffer::contiguous_bytes(b) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to bytearray",
            b.ob_type().name()
        )));
    };
    let x = data(slot_self(a));
    let mut all = Vec::new();
    all.try_reserve(x.len() + y.len())
        .map_err(|_| PyErr::memory_error())?;
    all.extend_from_slice(x);
    all.extend_from_slice(&y);
    new_bytearray(heap, &all)
}

/// The bytes of `data` repeated `n` times (`n < 0` counts as 0).
///
/// # Errors
/// `MemoryError` past `PY_SSIZE_T_MAX` bytes.
pub fn repeated(data: &[u8], n: isize) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    let total = data
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(PyErr::memory_error)?;
    let mut out = Vec::new();
    out.try_reserve(total).map_err(|_| PyErr::memory_error())?;
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn bytearray_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    new_bytearray(heap, &repeated(data(slot_self(a)), n)?)
}

/// `ba += other` (`bytearray_iconcat`): one resize to the sum, then the copy.
///
/// # Errors
/// `TypeError: can't concat int to bytearray`, `BufferError`, `MemoryError`.
pub fn inplace_concat(heap: &Heap, o: &ByteArray, other: &PyObject) -> PyResult<()> {
    let Some(y) = buffer::contiguous_bytes(other) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to bytearray",
            other.ob_type().name()
        )));
    };
    let n = len(o);
    resize(heap, o, n + y.len())?;
    write_at(o, n, &y);
    Ok(())
}

/// `ba *= n` (`bytearray_irepeat`).
///
/// # Errors
/// `BufferError`, `MemoryError`.
pub fn inplace_repeat(heap: &Heap, o: &ByteArray, n: isize) -> PyResult<()> {
    let all = repeated(data(o), n)?;
    resize(heap, o, all.len())?;
    write_at(o, 0, &all);
    Ok(())
}

static BYTEARRAY_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(seq_len),
    concat: Some(bytearray_concat),
    repeat: Some(bytearray_repeat),
};

/// `%` is printf-style formatting, as for bytes, with a bytearray result.
static BYTEARRAY_NUMBER: crate::typeobj::NumberSlots = crate::typeobj::NumberSlots {
    remainder: Some(crate::types::printf::bytes_remainder),
    ..crate::types::base::EMPTY_NUMBER_SLOTS
};

static BYTEARRAY_SLOTS: Slots = Slots {
    dealloc: bytearray_dealloc,
    sizeof: Some(bytearray_sizeof),
    repr: bytearray_repr,
    str: None,
    hash: None,
    richcompare: Some(bytearray_richcompare),
    number: Some(&BYTEARRAY_NUMBER),
    sequence: Some(&BYTEARRAY_SEQUENCE),
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `bytearray`: `__basicsize__` 56, `__itemsize__` 0, not GC.
pub static BYTEARRAY_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "bytearray",
        basicsize: BYTEARRAY_BASICSIZE,
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &BYTEARRAY_SLOTS,
    },
);
