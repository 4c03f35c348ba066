//! `memoryview` (`Objects/memoryobject.c`), one-dimensional: a view of the bytes a `bytes`,
//! `bytearray` or `array.array` exports, with the exporter's format and item size, a start
//! and a stride (slicing makes a new view over the same exporter). CPython's
//! `PyMemoryViewObject` is a `PyVarObject` of 144 bytes with `3 × ndim` words of shape,
//! strides and suboffsets, and GC: `sys.getsizeof` of a one-dimensional view is 184.
//!
//! A view over a `bytearray` or an array counts as an export of it (`ob_exports`) until
//! `release()` or its deallocation, so resizing the exporter meanwhile raises `BufferError`.
//! A released view answers every operation with `ValueError: operation forbidden on released
//! memoryview object`.

use core::cell::Cell;
use core::ptr;

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, Member, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::array::{self, Array, Item};
use crate::types::bytearray::{self, ByteArray};
use crate::types::bytes::{self, Bytes};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, long, unicode};

/// `PyMemoryViewObject` (pyrt keeps its own fields in CPython's 144 bytes, then the three
/// words of shape, strides and suboffsets of one dimension).
#[repr(C)]
pub struct PyMemoryViewObject {
    ob_base: PyVarObject,
    obj: RefField,
    start: Cell<usize>,
    length: Cell<usize>,
    stride: Cell<isize>,
    format: Cell<u8>,
    released: Cell<bool>,
    readonly: Cell<bool>,
    hash: Cell<i64>,
    _rest: [usize; 9],
    ob_array: [Cell<isize>; 3],
}

/// `memoryview.__basicsize__`.
pub const MEMORYVIEW_BASICSIZE: usize = 144;
const _: () = assert!(size_of::<PyMemoryViewObject>() == MEMORYVIEW_BASICSIZE + 24);

/// Whether `o` is a memoryview.
pub fn is_memoryview(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), MEMORYVIEW_TYPE.get())
}

crate::view! {
    /// A memoryview (`PyMemoryView_Check`).
    pub struct MemoryView: "memoryview" = is_memoryview;
}

fn slot_self(o: &PyObject) -> &MemoryView {
    // SAFETY: the memoryview type's slots are only called on memoryviews.
    unsafe { MemoryView::cast_unchecked(o) }
}

fn header(o: &MemoryView) -> &PyMemoryViewObject {
    // SAFETY: the view guarantees a memoryview, which starts with a `PyMemoryViewObject`.
    unsafe { &*ptr::from_ref(o).cast::<PyMemoryViewObject>() }
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// Counts an export on (or with `-1` releases one from) a resizable exporter.
fn export(o: &PyObject, delta: isize) {
    if let Some(b) = ByteArray::cast(o) {
        bytearray::add_export(b, delta);
    } else if let Some(a) = Array::cast(o) {
        array::add_export(a, delta);
    }
}

/// `memoryview(obj)`.
///
/// # Errors
/// `TypeError: memoryview: a bytes-like object is required, not 'int'`, `ValueError` for a
/// released view, `MemoryError`.
pub fn new_memoryview<'h>(heap: &'h Heap, obj: &Obj<'h>) -> PyResult<Obj<'h>> {
    let o = obj.object();
    let (exporter, start, length, stride, format, readonly) = if let Some(m) = MemoryView::cast(o) {
        let h = header(m);
        let base = h.obj.get(heap).ok_or_else(released_error)?;
        (
            base,
            h.start.get(),
            h.length.get(),
            h.stride.get(),
            h.format.get(),
            h.readonly.get(),
        )
    } else if let Some(b) = Bytes::cast(o) {
        (obj.clone(), 0, bytes::bytes_value(b).len(), 1, b'B', true)
    } else if let Some(b) = ByteArray::cast(o) {
        (obj.clone(), 0, bytearray::len(b), 1, b'B', false)
    } else if let Some(a) = Array::cast(o) {
        let size = array::itemsize(a) as isize;
        (
            obj.clone(),
            0,
            array::len(a),
            size,
            array::typecode(a),
            false,
        )
    } else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.ob_type().name()
        )));
    };
    make(heap, exporter, start, length, stride, format, readonly)
}

fn make<'h>(
    heap: &'h Heap,
    exporter: Obj<'h>,
    start: usize,
    length: usize,
    stride: isize,
    format: u8,
    readonly: bool,
) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(MEMORYVIEW_TYPE.get(), size_of::<PyMemoryViewObject>())?;
    export(exporter.object(), 1);
    let itemsize = format_itemsize(format) as isize;
    // SAFETY: a fresh object of the full size, written whole before use; tracked complete.
    unsafe {
        op.cast::<PyMemoryViewObject>().write(PyMemoryViewObject {
            ob_base: PyVarObject {
                ob_base: PyObject::new(MEMORYVIEW_TYPE.ptr()),
                ob_size: Cell::new(3),
            },
            obj: RefField::new(Some(exporter)),
            start: Cell::new(start),
            length: Cell::new(length),
            stride: Cell::new(stride),
            format: Cell::new(format),
            released: Cell::new(false),
            readonly: Cell::new(readonly),
            hash: Cell::new(-1),
            _rest: [0; 9],
            ob_array: [
                Cell::new(length as isize),
                Cell::new(stride),
                Cell::new(itemsize),
            ],
        });
        let m = Obj::from_owned(heap, op);
        heap.track(m.object());
        Ok(m)
    }
}

fn format_itemsize(format: u8) -> usize {
    if format == b'B' {
        1
    } else {
        array::code_itemsize(format)
    }
}

/// Runs `f` on the exporter's whole data.
fn with_data<R>(heap: &Heap, m: &MemoryView, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    let h = header(m);
    if h.released.get() {
        return Err(released_error());
    }
    let base = h.obj.get(heap).ok_or_else(released_error)?;
    let o = base.object();
    if let Some(b) = Bytes::cast(o) {
        Ok(f(bytes::bytes_value(b)))
    } else if let Some(b) = ByteArray::cast(o) {
        Ok(f(bytearray::data(b)))
    } else if let Some(a) = Array::cast(o) {
        Ok(f(array::raw_bytes(a)))
    } else {
        Err(released_error())
    }
}

/// The number of items.
///
/// # Errors
/// `ValueError` for a released view.
pub fn length(m: &MemoryView) -> PyResult<usize> {
    if header(m).released.get() {
        return Err(released_error());
    }
    Ok(header(m).length.get())
}

/// The item size in bytes.
pub fn itemsize(m: &MemoryView) -> usize {
    format_itemsize(header(m).format.get())
}

/// The byte offsets of each item.
fn offsets(m: &MemoryView) -> impl Iterator<Item = usize> {
    let h = header(m);
    let (start, stride) = (h.start.get() as isize, h.stride.get());
    (0..h.length.get()).map(move |i| (start + i as isize * stride) as usize)
}

/// `m.tobytes()`: the items' bytes in order.
///
/// # Errors
/// `ValueError` for a released view.
pub fn to_bytes(m: &MemoryView) -> PyResult<Vec<u8>> {
    let size = itemsize(m);
    // The heap is only needed to read the exporter field; a borrowed read suffices.
    let h = header(m);
    if h.released.get() {
        return Err(released_error());
    }
    let Some(p) = h.obj.ptr() else {
        return Err(released_error());
    };
    // SAFETY: the field owns a reference to the live exporter.
    let o = unsafe { p.as_ref() };
    let data: &[u8] = if let Some(b) = Bytes::cast(o) {
        bytes::bytes_value(b)
    } else if let Some(b) = ByteArray::cast(o) {
        bytearray::data(b)
    } else if let Some(a) = Array::cast(o) {
        array::raw_bytes(a)
    } else {
        return Err(released_error());
    };
    let mut out = Vec::with_capacity(h.length.get() * size);
    for at in offsets(m) {
        out.extend_from_slice(data.get(at..at + size).unwrap_or(&[]));
    }
    Ok(out)
}

/// The item at `i` (negative from the end) as an object.
///
/// # Errors
/// `IndexError: index out of bounds on dimension 1`, `ValueError` for a released view.
pub fn get_item<'h>(heap: &'h Heap, m: &MemoryView, i: isize) -> PyResult<Obj<'h>> {
    let j = normalize(m, i)?;
    let at = offsets(m)
        .nth(j)
        .ok_or_else(crate::view::bad_internal_call)?;
    let size = itemsize(m);
    let format = header(m).format.get();
    let raw = with_data(heap, m, |d| d[at..at + size].to_vec())?;
    item_value(heap, format, &raw)
}

fn item_value<'h>(heap: &'h Heap, format: u8, raw: &[u8]) -> PyResult<Obj<'h>> {
    if format == b'B' {
        return long::int_from_i64(heap, i64::from(raw[0]));
    }
    array::item_object(heap, array::decode(format, raw))
}

fn normalize(m: &MemoryView, i: isize) -> PyResult<usize> {
    let n = length(m)? as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(
            crate::error::ExcKind::IndexError,
            "index out of bounds on dimension 1",
        ));
    }
    Ok(j as usize)
}

/// `m[start::step]` of `length` items: a new view of the same exporter.
///
/// # Errors
/// `ValueError` for a released view, `MemoryError`.
pub fn slice<'h>(
    heap: &'h Heap,
    m: &MemoryView,
    start: isize,
    step: isize,
    count: usize,
) -> PyResult<Obj<'h>> {
    let h = header(m);
    length(m)?;
    let base = h.obj.get(heap).ok_or_else(released_error)?;
    let first = h.start.get() as isize + start * h.stride.get();
    make(
        heap,
        base,
        first.max(0) as usize,
        count,
        h.stride.get() * step,
        h.format.get(),
        h.readonly.get(),
    )
}

/// `m[i] = v`.
///
/// # Errors
/// `TypeError: cannot modify read-only memory`, the item conversion's errors, `IndexError`.
pub fn set_item(heap: &Heap, m: &MemoryView, i: isize, v: &PyObject) -> PyResult<()> {
    let h = header(m);
    if h.readonly.get() {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let j = normalize(m, i)?;
    let format = h.format.get();
    let raw = if format == b'B' {
        let Some(n) = long::Int::cast(v) else {
            return Err(PyErr::type_error("memoryview: invalid type for format 'B'"));
        };
        match long::as_i64(n).and_then(|x| u8::try_from(x).ok()) {
            Some(b) => vec![b],
            None => {
                return Err(PyErr::value_error(
                    "memoryview: invalid value for format 'B'",
                ));
            }
        }
    } else {
        array::encode(format, array::item_from(format, v)?)
    };
    let at = offsets(m)
        .nth(j)
        .ok_or_else(crate::view::bad_internal_call)?;
    write_raw(heap, m, at, &raw)
}

/// Writes `raw` at byte `at` of a writable exporter.
fn write_raw(heap: &Heap, m: &MemoryView, at: usize, raw: &[u8]) -> PyResult<()> {
    let base = header(m).obj.get(heap).ok_or_else(released_error)?;
    if let Some(b) = ByteArray::cast(base.object()) {
        for (k, &x) in raw.iter().enumerate() {
            bytearray::set_byte(b, at + k, x);
        }
        return Ok(());
    }
    if let Some(a) = Array::cast(base.object()) {
        let size = array::itemsize(a);
        let mut all = array::raw_bytes(a).to_vec();
        all[at..at + raw.len()].copy_from_slice(raw);
        let i = at / size;
        for k in (i..).take(raw.len().div_ceil(size)) {
            let item = array::decode(array::typecode(a), &all[k * size..(k + 1) * size]);
            array::set(a, k, item);
        }
        return Ok(());
    }
    Err(PyErr::type_error("cannot modify read-only memory"))
}

/// `m[start::step] = src` (`count` items, the same number as `src` holds).
///
/// # Errors
/// `TypeError` for read-only memory, `ValueError` when the sizes differ.
pub fn set_slice(
    heap: &Heap,
    m: &MemoryView,
    start: isize,
    step: isize,
    count: usize,
    src: &[u8],
) -> PyResult<()> {
    if header(m).readonly.get() {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let size = itemsize(m);
    if src.len() != count * size {
        return Err(PyErr::value_error(
            "memoryview assignment: lvalue and rvalue have different structures",
        ));
    }
    let all: Vec<usize> = offsets(m).collect();
    for k in 0..count {
        let at = all[(start + k as isize * step) as usize];
        write_raw(heap, m, at, &src[k * size..(k + 1) * size])?;
    }
    Ok(())
}

/// `m.toreadonly()`: a read-only view of the same items.
///
/// # Errors
/// `ValueError` for a released view, `MemoryError`.
pub fn readonly_copy<'h>(heap: &'h Heap, m: &MemoryView) -> PyResult<Obj<'h>> {
    let n = length(m)?;
    let h = header(m);
    let base = h.obj.get(heap).ok_or_else(released_error)?;
    make(
        heap,
        base,
        h.start.get(),
        n,
        h.stride.get(),
        h.format.get(),
        true,
    )
}

/// `m.tolist()`.
///
/// # Errors
/// `ValueError` for a released view, `MemoryError`.
pub fn to_list<'h>(heap: &'h Heap, m: &MemoryView) -> PyResult<Obj<'h>> {
    let size = itemsize(m);
    let format = header(m).format.get();
    let raw = to_bytes(m)?;
    let items = raw
        .chunks(size)
        .map(|c| item_value(heap, format, c))
        .collect::<PyResult<Vec<_>>>()?;
    crate::types::list::new_list(heap, items)
}

/// `m.release()`: gives the export back and drops the exporter (idempotent).
pub fn release(heap: &Heap, m: &MemoryView) {
    let h = header(m);
    if h.released.replace(true) {
        return;
    }
    if let Some(base) = h.obj.get(heap) {
        export(base.object(), -1);
    }
    h.obj.set(heap, None);
}

/// Whether the view was released.
pub fn is_released(m: &MemoryView) -> bool {
    header(m).released.get()
}

/// The format string (`'B'`, or the array's type code).
pub fn format(m: &MemoryView) -> char {
    char::from(header(m).format.get())
}

/// Whether the view is read-only.
pub fn readonly(m: &MemoryView) -> bool {
    header(m).readonly.get()
}

/// The exporter (`m.obj`).
///
/// # Errors
/// `ValueError` for a released view.
pub fn exporter<'h>(heap: &'h Heap, m: &MemoryView) -> PyResult<Obj<'h>> {
    header(m).obj.get(heap).ok_or_else(released_error)
}

unsafe fn memoryview_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead memoryview of this heap (untracked by the heap).
    unsafe {
        let m = MemoryView::cast_unchecked(op.as_ref());
        release(heap, m);
        heap.free_object(op, MEMORYVIEW_TYPE.get());
    }
}

fn memoryview_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(m) = MemoryView::cast(o) {
        header(m).obj.visit(visit);
    }
}

fn memoryview_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let m = slot_self(o);
    let released = if is_released(m) { "released " } else { "" };
    Ok(format!(
        "<{released}memoryview at {:#x}>",
        ptr::from_ref(o) as usize
    ))
}

fn memoryview_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let m = slot_self(o);
    let h = header(m);
    if h.hash.get() != -1 {
        return Ok(h.hash.get());
    }
    if !h.readonly.get() {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    let data = to_bytes(m)?;
    let v = crate::hash::hash_bytes(heap.hash_secret(), &data);
    h.hash.set(v);
    Ok(v)
}

fn memoryview_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let eq = if ptr::eq(a, b) {
        true
    } else {
        let released = |o: &PyObject| MemoryView::cast(o).is_some_and(is_released);
        if released(a) || released(b) {
            false
        } else {
            let values = |o: &PyObject| -> Option<Vec<Item>> {
                if let Some(m) = MemoryView::cast(o) {
                    let f = header(m).format.get();
                    let size = itemsize(m);
                    let raw = to_bytes(m).ok()?;
                    Some(raw.chunks(size).map(|c| as_item(f, c)).collect())
                } else if let Some(arr) = Array::cast(o) {
                    Some((0..array::len(arr)).map(|i| array::get(arr, i)).collect())
                } else {
                    crate::types::buffer::contiguous_bytes(o)
                        .map(|x| x.iter().map(|&v| Item::Int(i128::from(v))).collect())
                }
            };
            let (Some(x), Some(y)) = (values(a), values(b)) else {
                return Ok(None);
            };
            x == y
        }
    };
    Ok(Some(long::new_bool(heap, eq == (op == CompareOp::Eq))))
}

fn as_item(format: u8, raw: &[u8]) -> Item {
    if format == b'B' {
        Item::Int(i128::from(raw[0]))
    } else {
        array::decode(format, raw)
    }
}

fn seq_len(o: &PyObject) -> usize {
    header(slot_self(o)).length.get()
}

static MEMORYVIEW_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(seq_len),
    concat: None,
    repeat: None,
};

fn member<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let m = slot_self(o);
    if is_released(m) {
        return Err(released_error());
    }
    let h = header(m);
    let int = |v: usize| long::int_from_i64(heap, v as i64);
    let tuple1 = |v: isize| -> PyResult<Obj<'h>> {
        let x = long::int_from_i64(heap, v as i64)?;
        crate::types::tuple::new_tuple(heap, vec![x])
    };
    match name {
        "obj" => exporter(heap, m),
        "nbytes" => int(h.length.get() * itemsize(m)),
        "readonly" => Ok(long::new_bool(heap, h.readonly.get())),
        "itemsize" => int(itemsize(m)),
        "format" => unicode::new_str(heap, format(m).encode_utf8(&mut [0; 4])),
        "ndim" => int(1),
        "shape" => tuple1(h.length.get() as isize),
        "strides" => tuple1(h.stride.get()),
        _ => Ok(long::new_bool(
            heap,
            h.stride.get() == itemsize(m) as isize || h.length.get() <= 1,
        )),
    }
}

macro_rules! members {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> { member(heap, o, $name) })*
        static MEMBERS: &[Member] = &[$(Member { name: $name, get: $f }),*];
    };
}

members! {
    get_obj => "obj",
    get_nbytes => "nbytes",
    get_readonly => "readonly",
    get_itemsize => "itemsize",
    get_format => "format",
    get_ndim => "ndim",
    get_shape => "shape",
    get_strides => "strides",
    get_c_contiguous => "c_contiguous",
    get_contiguous => "contiguous",
}

static MEMORYVIEW_SLOTS: Slots = Slots {
    dealloc: memoryview_dealloc,
    sizeof: None,
    repr: memoryview_repr,
    str: None,
    hash: Some(memoryview_hash),
    richcompare: Some(memoryview_richcompare),
    number: None,
    sequence: Some(&MEMORYVIEW_SEQUENCE),
    traverse: Some(memoryview_traverse),
    clear: None,
    members: MEMBERS,
    getattr: None,
    setattr: None,
};

/// `memoryview`: `__basicsize__` 144, `__itemsize__` 8, GC.
pub static MEMORYVIEW_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "memoryview",
        basicsize: MEMORYVIEW_BASICSIZE,
        itemsize: 8,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &MEMORYVIEW_SLOTS,
    },
);
