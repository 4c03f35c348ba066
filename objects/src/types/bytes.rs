//! `bytes` (`Objects/bytesobject.c`): a `PyVarObject`, the cached hash (`ob_shash`), then the
//! bytes and a NUL: `33 + len` bytes, not GC. The empty bytes and the 256 one-byte objects are
//! immortal singletons, returned whenever a result of that length is made from existing data
//! (`bytes(1)`, made from a fresh zeroed buffer, is not cached — CPython behaves the same).

use core::cell::Cell;
use core::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::hash::hash_bytes;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{
    CompareOp, NumberSlots, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec,
};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyBytesObject` without its bytes, which follow at [`BYTES_OFFSET`].
#[repr(C)]
pub struct PyBytesObject {
    ob_base: PyVarObject,
    ob_shash: Cell<i64>,
}

/// Offset of `ob_sval`.
pub const BYTES_OFFSET: usize = 32;
/// `PyBytesObject_SIZE`: the header and the NUL.
pub const PYBYTESOBJECT_SIZE: usize = BYTES_OFFSET + 1;
const _: () = assert!(size_of::<PyBytesObject>() == BYTES_OFFSET);

/// Whether `o` is a bytes object.
pub fn is_bytes(o: &PyObject) -> bool {
    o.ob_type().flags().contains(TypeFlags::BYTES_SUBCLASS)
}

crate::view! {
    /// A bytes object or an instance of a subclass of `bytes` (`PyBytes_Check`).
    pub struct Bytes: "bytes" = is_bytes;
}

/// The bytes object a slot of the bytes type was called on.
fn slot_self(o: &PyObject) -> &Bytes {
    // SAFETY: the bytes type's slots are only called on bytes objects (instances of `bytes`
    // or of a subclass, which inherits the slots and `BYTES_SUBCLASS`).
    unsafe { Bytes::cast_unchecked(o) }
}

fn header(o: &Bytes) -> &PyBytesObject {
    // SAFETY: the view guarantees a bytes object, which starts with a `PyBytesObject`.
    unsafe { &*core::ptr::from_ref(o).cast::<PyBytesObject>() }
}

/// The bytes of a bytes object.
pub fn bytes_value(o: &Bytes) -> &[u8] {
    let n = header(o).ob_base.ob_size.get() as usize;
    // SAFETY: `n` bytes follow the header.
    unsafe { core::slice::from_raw_parts(core::ptr::from_ref(o).cast::<u8>().add(BYTES_OFFSET), n) }
}

fn bytes_len(o: &PyObject) -> usize {
    header(slot_self(o)).ob_base.ob_size.get() as usize
}

/// Allocates a bytes object of `n` bytes filled by `fill`.
///
/// # Errors
/// `MemoryError` past `PY_SSIZE_T_MAX - PyBytesObject_SIZE` bytes (`_PyBytes_FromSize`) or
/// when the allocator refuses.
fn alloc_bytes<'h>(heap: &'h Heap, n: usize, fill: impl FnOnce(&mut [u8])) -> PyResult<Obj<'h>> {
    if n > isize::MAX as usize - PYBYTESOBJECT_SIZE {
        return Err(PyErr::memory_error());
    }
    let op = heap.alloc_object(BYTES_TYPE.get(), PYBYTESOBJECT_SIZE + n)?;
    // SAFETY: a fresh allocation of the header, `n` bytes and the NUL.
    unsafe {
        let b = op.cast::<PyBytesObject>().as_ptr();
        core::ptr::addr_of_mut!((*b).ob_base.ob_size).write(Cell::new(n as isize));
        core::ptr::addr_of_mut!((*b).ob_shash).write(Cell::new(-1));
        let data = op.cast::<u8>().as_ptr().add(BYTES_OFFSET);
        fill(core::slice::from_raw_parts_mut(data, n));
        data.add(n).write(0);
        Ok(Obj::from_owned(heap, op))
    }
}

/// A bytes object with a copy of `data` (`PyBytes_FromStringAndSize`): the cached singleton for
/// lengths 0 and 1.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_bytes<'h>(heap: &'h Heap, data: &[u8]) -> PyResult<Obj<'h>> {
    let single = match data {
        [] => Some(heap.singletons().empty_bytes()),
        [b] => Some(heap.singletons().byte_char(*b)),
        _ => None,
    };
    if let Some(p) = single {
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, p.as_ref()) });
    }
    alloc_bytes(heap, data.len(), |dst| dst.copy_from_slice(data))
}

/// `bytes(n)`: `n` zero bytes in a fresh object, never a cached one for `n == 1`.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_zeroed_bytes(heap: &Heap, n: usize) -> PyResult<Obj<'_>> {
    if n == 0 {
        return new_bytes(heap, &[]);
    }
    alloc_bytes(heap, n, |dst| dst.fill(0))
}

/// A new instance of `ty`, a class whose base is `bytes`, with the bytes and cached hash of
/// `src` (`bytes_subtype_new`: `PyType_GenericAlloc` of `len` items, one more allocated and
/// rounded up to a word). The caller gives the instance its reference to `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_bytes<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
    src: &Bytes,
) -> PyResult<Obj<'h>> {
    let data = bytes_value(src);
    let n = data.len();
    let size = (PYBYTESOBJECT_SIZE + n + 1).next_multiple_of(8);
    let op = heap.alloc_object(ty, size)?;
    // SAFETY: a fresh allocation with room for the header, `n` bytes and the NUL.
    unsafe {
        let b = op.cast::<PyBytesObject>().as_ptr();
        core::ptr::addr_of_mut!((*b).ob_base.ob_size).write(Cell::new(n as isize));
        core::ptr::addr_of_mut!((*b).ob_shash).write(Cell::new(header(src).ob_shash.get()));
        let dst = op.cast::<u8>().as_ptr().add(BYTES_OFFSET);
        core::ptr::copy_nonoverlapping(data.as_ptr(), dst, n);
        dst.add(n).write(0);
        Ok(Obj::from_owned(heap, op))
    }
}

unsafe fn bytes_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead bytes object of this heap.
    unsafe { heap.free_object(op, BYTES_TYPE.get()) }
}

/// `bytes.__repr__`: `b'...'`, with `"` quotes when the data has `'` and no `"`.
pub fn bytes_repr_text(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = format!("b{quote}");
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(bytes_repr_text(bytes_value(slot_self(o))))
}

/// `hash(b)`, cached in `ob_shash`.
fn bytes_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let o = slot_self(o);
    let h = header(o);
    if h.ob_shash.get() == -1 {
        h.ob_shash
            .set(hash_bytes(heap.hash_secret(), bytes_value(o)));
    }
    Ok(h.ob_shash.get())
}

fn bytes_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Bytes::cast(a), Bytes::cast(b)) else {
        return Ok(None);
    };
    let ord = bytes_value(a).cmp(bytes_value(b));
    Ok(Some(crate::types::long::new_bool(heap, op.holds(ord))))
}

fn bytes_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let Some(y) = crate::types::buffer::contiguous_bytes(b) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to bytes",
            b.ob_type().name()
        )));
    };
    let (x, y) = (bytes_value(slot_self(a)), &y[..]);
    if y.is_empty() || x.is_empty() {
        return new_bytes(heap, if x.is_empty() { y } else { x });
    }
    // Both parts exist, so the sum cannot overflow `isize`.
    alloc_bytes(heap, x.len() + y.len(), |dst| {
        dst[..x.len()].copy_from_slice(x);
        dst[x.len()..].copy_from_slice(y);
    })
}

/// `b * n` (`bytes_repeat`): `OverflowError` when the size passes `PY_SSIZE_T_MAX`, else the
/// object is allocated at its final size (`MemoryError` when the allocator refuses) and filled
/// in place.
fn bytes_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let data = bytes_value(slot_self(a));
    let n = n.max(0) as usize;
    if n > 0 && data.len() > isize::MAX as usize / n {
        return Err(PyErr::overflow_error("repeated bytes are too long"));
    }
    let size = data.len() * n;
    if size <= 1 {
        return new_bytes(heap, if size == 0 { &[] } else { data });
    }
    alloc_bytes(heap, size, |dst| {
        for chunk in dst.chunks_exact_mut(data.len()) {
            chunk.copy_from_slice(data);
        }
    })
}

static BYTES_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(bytes_len),
    concat: Some(bytes_concat),
    repeat: Some(bytes_repeat),
};

/// `%` is printf-style formatting (`nb_remainder`, [`crate::types::printf`]).
static BYTES_NUMBER: NumberSlots = NumberSlots {
    remainder: Some(crate::types::printf::bytes_remainder),
    ..crate::types::base::EMPTY_NUMBER_SLOTS
};

pub(crate) static BYTES_SLOTS: Slots = Slots {
    dealloc: bytes_dealloc,
    sizeof: None,
    repr: bytes_repr,
    str: None,
    hash: Some(bytes_hash),
    richcompare: Some(bytes_richcompare),
    number: Some(&BYTES_NUMBER),
    sequence: Some(&BYTES_SEQUENCE),
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `bytes`: `__basicsize__` 33 (`PyBytesObject_SIZE`), `__itemsize__` 1.
pub static BYTES_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "bytes",
        basicsize: PYBYTESOBJECT_SIZE,
        itemsize: 1,
        flags: TypeFlags::BASETYPE.union(TypeFlags::BYTES_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &BYTES_SLOTS,
    },
);

/// A static bytes object of at most one byte.
#[repr(C)]
pub(crate) struct StaticBytes {
    head: PyBytesObject,
    data: [u8; 8],
}

impl StaticBytes {
    /// `b''` (`None`) or the one-byte object `b`.
    pub(crate) fn new(b: Option<u8>) -> StaticBytes {
        StaticBytes {
            head: PyBytesObject {
                ob_base: PyVarObject {
                    ob_base: PyObject::new_immortal(BYTES_TYPE.ptr()),
                    ob_size: Cell::new(isize::from(b.is_some())),
                },
                ob_shash: Cell::new(-1),
            },
            data: [b.unwrap_or(0), 0, 0, 0, 0, 0, 0, 0],
        }
    }

    pub(crate) fn ptr(&self) -> ObjPtr {
        NonNull::from(&self.head.ob_base.ob_base)
    }
}
