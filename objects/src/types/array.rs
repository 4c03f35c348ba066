//! `array.array` (`Modules/arraymodule.c`): a `PyVarObject` whose `ob_size` is the item count,
//! then `ob_item` (the items, from the object allocator), `allocated`, the type code (CPython
//! keeps a pointer to its descriptor), the weak-reference list and `ob_exports`: 64 bytes and
//! GC, so `sys.getsizeof` is 80 + `allocated` × itemsize.
//!
//! Growth is `array_resize`'s: a size that fits and is less than 16 below the current one
//! keeps the buffer; otherwise the buffer becomes `(n >> 4) + (3 or 7) + n` items (3 while the
//! array has fewer than 8). `array(code, list_or_tuple)` allocates exactly; `frombytes` and
//! `append` resize. Items are stored as the C types of the 64-bit build, little-endian.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, float, long, unicode};

/// `arrayobject`.
#[repr(C)]
pub struct ArrayObject {
    ob_base: PyVarObject,
    ob_item: Cell<*mut u8>,
    allocated: Cell<isize>,
    ob_descr: Cell<usize>,
    weakreflist: Cell<usize>,
    ob_exports: Cell<isize>,
}

/// `sizeof(arrayobject)`.
pub const ARRAY_BASICSIZE: usize = 64;
const _: () = assert!(size_of::<ArrayObject>() == ARRAY_BASICSIZE);

/// The type codes, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// The size of an item of type code `code` (`arraydescr.itemsize`).
pub fn code_itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// Whether `o` is an `array.array`.
pub fn is_array(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), ARRAY_TYPE.get())
}

crate::view! {
    /// An `array.array` (`array_Check`).
    pub struct Array: "array.array" = is_array;
}

fn slot_self(o: &PyObject) -> &Array {
    // SAFETY: the array type's slots are only called on arrays.
    unsafe { Array::cast_unchecked(o) }
}

fn header(o: &Array) -> &ArrayObject {
    // SAFETY: the view guarantees an array, which starts with an `ArrayObject`.
    unsafe { &*ptr::from_ref(o).cast::<ArrayObject>() }
}

/// The type code (`'i'`).
pub fn typecode(o: &Array) -> u8 {
    header(o).ob_descr.get() as u8
}

/// The item size in bytes.
pub fn itemsize(o: &Array) -> usize {
    code_itemsize(typecode(o))
}

/// The number of items.
pub fn len(o: &Array) -> usize {
    header(o).ob_base.ob_size.get() as usize
}

/// The items' bytes. The slice must not be held across a change of the array.
pub fn raw_bytes(o: &Array) -> &[u8] {
    let n = len(o) * itemsize(o);
    if n == 0 {
        return &[];
    }
    // SAFETY: `ob_item` holds `len` initialised items.
    unsafe { core::slice::from_raw_parts(header(o).ob_item.get(), n) }
}

/// `ob_exports`: how many memoryviews hold the buffer.
pub fn add_export(o: &Array, delta: isize) {
    let h = header(o);
    h.ob_exports.set(h.ob_exports.get() + delta);
}

/// One item's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// An integer type code.
    Int(i128),
    /// `f` or `d`.
    Float(f64),
    /// `u`: a code point (a `wchar_t`, 4 bytes here).
    Char(u32),
}

/// The item of type code `code` stored in `b` (`itemsize` bytes, little-endian).
pub fn decode(code: u8, b: &[u8]) -> Item {
    let le = |n: usize| {
        let mut w = [0u8; 8];
        w[..n].copy_from_slice(&b[..n]);
        u64::from_le_bytes(w)
    };
    match code {
        b'b' => Item::Int(i128::from(b[0] as i8)),
        b'B' => Item::Int(i128::from(b[0])),
        b'h' => Item::Int(i128::from(le(2) as u16 as i16)),
        b'H' => Item::Int(i128::from(le(2) as u16)),
        b'i' => Item::Int(i128::from(le(4) as u32 as i32)),
        b'I' => Item::Int(i128::from(le(4) as u32)),
        b'l' | b'q' => Item::Int(i128::from(le(8) as i64)),
        b'L' | b'Q' => Item::Int(i128::from(le(8))),
        b'f' => Item::Float(f64::from(f32::from_bits(le(4) as u32))),
        b'd' => Item::Float(f64::from_bits(le(8))),
        _ => Item::Char(le(4) as u32),
    }
}

/// The bytes of `item` as type code `code`.
pub fn encode(code: u8, item: Item) -> Vec<u8> {
    let n = code_itemsize(code);
    match item {
        Item::Int(v) => (v as u64).to_le_bytes()[..n].to_vec(),
        Item::Float(x) if code == b'f' => (x as f32).to_bits().to_le_bytes().to_vec(),
        Item::Float(x) => x.to_bits().to_le_bytes().to_vec(),
        Item::Char(c) => c.to_le_bytes().to_vec(),
    }
}

/// The Python object for an item.
///
/// # Errors
/// `MemoryError`.
pub fn item_object(heap: &Heap, item: Item) -> PyResult<Obj<'_>> {
    match item {
        Item::Int(v) => match i64::try_from(v) {
            Ok(v) => long::int_from_i64(heap, v),
            Err(_) => long::new_int(
                heap,
                &crate::long_digits::LongValue::parse(&v.to_string()).map_err(long::long_error)?,
            ),
        },
        Item::Float(x) => float::new_float(heap, x),
        Item::Char(c) => {
            let ch = char::from_u32(c).unwrap_or('\u{fffd}');
            unicode::new_str(heap, ch.encode_utf8(&mut [0; 4]))
        }
    }
}

fn overflow(m: &str) -> PyErr {
    PyErr::overflow_error(m)
}

/// An integer in the range of type code `code`, with `PyArg_Parse`'s messages.
fn int_in_range(code: u8, big: i128) -> PyResult<i128> {
    let (lo, hi, low, high): (i128, i128, &str, &str) = match code {
        b'b' => (
            -128,
            127,
            "signed char is less than minimum",
            "signed char is greater than maximum",
        ),
        b'B' => (
            0,
            255,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        ),
        b'h' => (
            -32768,
            32767,
            "signed short integer is less than minimum",
            "signed short integer is greater than maximum",
        ),
        b'H' => (
            0,
            65535,
            "unsigned short is less than minimum",
            "unsigned short is greater than maximum",
        ),
        b'i' => (
            i128::from(i32::MIN),
            i128::from(i32::MAX),
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        ),
        b'I' => (
            0,
            i128::from(u32::MAX),
            "can't convert negative value to unsigned int",
            "unsigned int is greater than maximum",
        ),
        b'l' => (
            i128::from(i64::MIN),
            i128::from(i64::MAX),
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
        b'L' => (
            0,
            i128::from(u64::MAX),
            "can't convert negative value to unsigned int",
            "Python int too large to convert to C unsigned long",
        ),
        b'q' => (
            i128::from(i64::MIN),
            i128::from(i64::MAX),
            "int too big to convert",
            "int too big to convert",
        ),
        _ => (
            0,
            i128::from(u64::MAX),
            "can't convert negative int to unsigned",
            "int too big to convert",
        ),
    };
    if big < lo {
        Err(overflow(low))
    } else if big > hi {
        Err(overflow(high))
    } else {
        Ok(big)
    }
}

/// A Python object as an item of type code `code` (`*_setitem` of `arraymodule.c`).
///
/// # Errors
/// CPython's `TypeError`s and `OverflowError`s.
pub fn item_from(code: u8, o: &PyObject) -> PyResult<Item> {
    match code {
        b'u' => match unicode::Str::cast(o) {
            Some(s) if unicode::str_len(s) == 1 => {
                Ok(Item::Char(unicode::char_at(s, 0).unwrap_or(0)))
            }
            _ => Err(PyErr::type_error("array item must be unicode character")),
        },
        b'f' | b'd' => crate::numbers::as_double(o).map(Item::Float).map_err(|e| {
            if e.kind() == ExcKind::TypeError {
                PyErr::type_error(format!("must be real number, not {}", o.ob_type().name()))
            } else {
                e
            }
        }),
        _ => {
            let value = if let Some(i) = long::Int::cast(o) {
                long::long_value(i)
            } else if let Some(v) = crate::numbers::user_index_value(o) {
                v?
            } else {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.ob_type().name()
                )));
            };
            // Past 128 bits only the sign matters: the value is out of every range.
            let v = value
                .to_string()
                .parse::<i128>()
                .unwrap_or(if value.is_negative() {
                    i128::MIN
                } else {
                    i128::MAX
                });
            int_in_range(code, v).map(Item::Int)
        }
    }
}

/// The type code of `array(code, ...)`'s first argument.
///
/// # Errors
/// CPython's `TypeError` and `ValueError`.
pub fn parse_typecode(o: &PyObject) -> PyResult<u8> {
    let bad = || {
        PyErr::type_error(format!(
            "array() argument 1 must be a unicode character, not {}",
            o.ob_type().name()
        ))
    };
    let s = unicode::Str::cast(o).ok_or_else(bad)?;
    let text = unicode::str_value(s);
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(bad());
    };
    if c.is_ascii() && TYPECODES.as_bytes().contains(&(c as u8)) {
        Ok(c as u8)
    } else {
        Err(PyErr::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ))
    }
}

/// A new array of type code `code` with `n` items allocated exactly (`newarrayobject`), its
/// items zero.
///
/// # Errors
/// `MemoryError`.
pub fn new_array(heap: &Heap, code: u8, n: usize) -> PyResult<Obj<'_>> {
    let size = n
        .checked_mul(code_itemsize(code))
        .filter(|&s| s <= isize::MAX as usize)
        .ok_or_else(PyErr::memory_error)?;
    let items = if size == 0 {
        ptr::null_mut()
    } else {
        let p = heap.alloc_bytes(size)?;
        // SAFETY: a fresh block of `size` bytes.
        unsafe { p.as_ptr().write_bytes(0, size) };
        p.as_ptr()
    };
    let op = heap.alloc_object(ARRAY_TYPE.get(), ARRAY_BASICSIZE)?;
    // SAFETY: a fresh object of the basic size: every field is written before use.
    unsafe {
        let a = op.cast::<ArrayObject>().as_ptr();
        ptr::addr_of_mut!((*a).ob_base.ob_size).write(Cell::new(n as isize));
        ptr::addr_of_mut!((*a).ob_item).write(Cell::new(items));
        ptr::addr_of_mut!((*a).allocated).write(Cell::new(n as isize));
        ptr::addr_of_mut!((*a).ob_descr).write(Cell::new(usize::from(code)));
        ptr::addr_of_mut!((*a).weakreflist).write(Cell::new(0));
        ptr::addr_of_mut!((*a).ob_exports).write(Cell::new(0));
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

/// `array_resize`: `n` items, with CPython's over-allocation.
///
/// # Errors
/// `BufferError` while exported and the size changes, `MemoryError`.
pub fn resize(heap: &Heap, o: &Array, n: usize) -> PyResult<()> {
    let h = header(o);
    let size = len(o);
    if h.ob_exports.get() > 0 && n != size {
        return Err(PyErr::new(
            ExcKind::BufferError,
            "cannot resize an array that is exporting buffers",
        ));
    }
    if h.allocated.get() as usize >= n && size < n + 16 && !h.ob_item.get().is_null() {
        h.ob_base.ob_size.set(n as isize);
        return Ok(());
    }
    if n == 0 {
        if let Some(p) = NonNull::new(h.ob_item.replace(ptr::null_mut())) {
            // SAFETY: the array's live buffer, freed once (the field no longer holds it).
            unsafe { heap.free_bytes(p) };
        }
        h.ob_base.ob_size.set(0);
        h.allocated.set(0);
        return Ok(());
    }
    let new_size = (n >> 4) + if size < 8 { 3 } else { 7 } + n;
    let bytes = new_size
        .checked_mul(itemsize(o))
        .filter(|&s| s <= isize::MAX as usize)
        .ok_or_else(PyErr::memory_error)?;
    // SAFETY: `ob_item` is null or the array's live buffer, replaced by the result.
    let p = unsafe { heap.realloc_bytes(NonNull::new(h.ob_item.get()), bytes)? };
    h.ob_item.set(p.as_ptr());
    h.allocated.set(new_size as isize);
    h.ob_base.ob_size.set(n as isize);
    Ok(())
}

/// Writes `src` at byte offset `at` of the items (inside the items).
fn write_at(o: &Array, at: usize, src: &[u8]) {
    debug_assert!(at + src.len() <= len(o) * itemsize(o));
    if src.is_empty() {
        return;
    }
    // SAFETY: the range lies inside the items; `src` is never the array's own storage
    // (callers copy it first).
    unsafe { ptr::copy_nonoverlapping(src.as_ptr(), header(o).ob_item.get().add(at), src.len()) }
}

/// The item at `i` (`i < len`).
pub fn get(o: &Array, i: usize) -> Item {
    let n = itemsize(o);
    decode(typecode(o), &raw_bytes(o)[i * n..(i + 1) * n])
}

/// Stores `item` at `i` (`i < len`).
pub fn set(o: &Array, i: usize, item: Item) {
    let n = itemsize(o);
    write_at(o, i * n, &encode(typecode(o), item));
}

/// `a.append(x)` (`ins1` at the end).
///
/// # Errors
/// The conversion's errors, `BufferError`, `MemoryError`.
pub fn append(heap: &Heap, o: &Array, x: &PyObject) -> PyResult<()> {
    let item = item_from(typecode(o), x)?;
    let n = len(o);
    resize(heap, o, n + 1)?;
    set(o, n, item);
    Ok(())
}

/// Replaces the items by `bytes` (a whole number of items), resizing as `frombytes` does.
///
/// # Errors
/// `BufferError`, `MemoryError`.
pub fn set_raw(heap: &Heap, o: &Array, bytes: &[u8]) -> PyResult<()> {
    resize(heap, o, bytes.len() / itemsize(o))?;
    write_at(o, 0, bytes);
    Ok(())
}

/// `a.frombytes(b)`: appends the items `b` holds.
///
/// # Errors
/// `ValueError: bytes length not a multiple of item size`, `BufferError`, `MemoryError`.
pub fn frombytes(heap: &Heap, o: &Array, b: &[u8]) -> PyResult<()> {
    let size = itemsize(o);
    if !b.len().is_multiple_of(size) {
        return Err(PyErr::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    let n = b.len() / size;
    if n > 0 {
        let old = len(o);
        resize(heap, o, old + n)?;
        write_at(o, old * size, b);
    }
    Ok(())
}

/// `str` of a `u` array's items.
pub fn unicode_text(o: &Array) -> String {
    (0..len(o))
        .map(|i| match get(o, i) {
            Item::Char(c) => char::from_u32(c).unwrap_or('\u{fffd}'),
            _ => '\u{fffd}',
        })
        .collect()
}

unsafe fn array_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead array of this heap (untracked by the heap); its buffer is freed once.
    unsafe {
        let a = op.cast::<ArrayObject>().as_ref();
        if let Some(p) = NonNull::new(a.ob_item.get()) {
            heap.free_bytes(p);
        }
        heap.free_object(op, ARRAY_TYPE.get());
    }
}

fn array_traverse(_o: &PyObject, _visit: &mut dyn FnMut(ObjPtr)) {}

fn array_sizeof(o: &PyObject) -> usize {
    let a = slot_self(o);
    ARRAY_BASICSIZE + header(a).allocated.get() as usize * itemsize(a)
}

/// `repr(a)`: `array('i', [1, 2])`, `array('u', 'hi')`, `array('i')`.
fn array_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let a = slot_self(o);
    let code = char::from(typecode(a));
    if len(a) == 0 {
        return Ok(format!("array('{code}')"));
    }
    let body = if code == 'u' {
        let s = unicode::new_str(heap, &unicode_text(a))?;
        crate::abstract_::repr(heap, s.object())?
    } else {
        let mut parts = Vec::with_capacity(len(a));
        for i in 0..len(a) {
            let v = item_object(heap, get(a, i))?;
            parts.push(crate::abstract_::repr(heap, v.object())?);
        }
        format!("[{}]", parts.join(", "))
    };
    Ok(format!("array('{code}', {body})"))
}

fn item_cmp(x: Item, y: Item) -> Option<core::cmp::Ordering> {
    match (x, y) {
        (Item::Int(a), Item::Int(b)) => Some(a.cmp(&b)),
        (Item::Char(a), Item::Char(b)) => Some(a.cmp(&b)),
        (Item::Int(a), Item::Float(b)) => (a as f64).partial_cmp(&b),
        (Item::Float(a), Item::Int(b)) => a.partial_cmp(&(b as f64)),
        (Item::Float(a), Item::Float(b)) => a.partial_cmp(&b),
        _ => None,
    }
}

fn array_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Array::cast(a), Array::cast(b)) else {
        return Ok(None);
    };
    let (n, m) = (len(a), len(b));
    if n != m && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Some(long::new_bool(heap, op == CompareOp::Ne)));
    }
    for i in 0..n.min(m) {
        let (x, y) = (get(a, i), get(b, i));
        if x == y {
            continue;
        }
        // A str item against a number, or NaN: unequal, and unordered as Python's compare.
        let Some(ord) = item_cmp(x, y) else {
            let v = match op {
                CompareOp::Eq => false,
                CompareOp::Ne => true,
                _ => false,
            };
            return Ok(Some(long::new_bool(heap, v)));
        };
        if ord == core::cmp::Ordering::Equal {
            continue;
        }
        return Ok(Some(long::new_bool(heap, op.holds(ord))));
    }
    Ok(Some(long::new_bool(heap, op.holds(n.cmp(&m)))))
}

fn seq_len(o: &PyObject) -> usize {
    len(slot_self(o))
}

/// `a + b` for two arrays of one type code.
fn array_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let Some(b) = Array::cast(b) else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            b.ob_type().name()
        )));
    };
    if typecode(a) != typecode(b) {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    let mut all = raw_bytes(a).to_vec();
    all.extend_from_slice(raw_bytes(b));
    from_raw(heap, typecode(a), &all)
}

/// A new array of type code `code` holding exactly the items in `bytes`.
///
/// # Errors
/// `MemoryError`.
pub fn from_raw<'h>(heap: &'h Heap, code: u8, bytes: &[u8]) -> PyResult<Obj<'h>> {
    let o = new_array(heap, code, bytes.len() / code_itemsize(code))?;
    write_at(Array::cast_internal(o.object())?, 0, bytes);
    Ok(o)
}

fn array_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let all = crate::types::bytearray::repeated(raw_bytes(a), n)?;
    from_raw(heap, typecode(a), &all)
}

static ARRAY_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(seq_len),
    concat: Some(array_concat),
    repeat: Some(array_repeat),
};

fn get_typecode<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let c = char::from(typecode(slot_self(o)));
    unicode::new_str(heap, c.encode_utf8(&mut [0; 4]))
}

fn get_itemsize<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, itemsize(slot_self(o)) as i64)
}

static ARRAY_SLOTS: Slots = Slots {
    dealloc: array_dealloc,
    sizeof: Some(array_sizeof),
    repr: array_repr,
    str: None,
    hash: None,
    richcompare: Some(array_richcompare),
    number: None,
    sequence: Some(&ARRAY_SEQUENCE),
    traverse: Some(array_traverse),
    clear: None,
    members: &[
        crate::typeobj::Member {
            name: "typecode",
            get: get_typecode,
        },
        crate::typeobj::Member {
            name: "itemsize",
            get: get_itemsize,
        },
    ],
    getattr: None,
    setattr: None,
};

/// `array.array`: `__basicsize__` 64, GC.
pub static ARRAY_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "array.array",
        basicsize: ARRAY_BASICSIZE,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &ARRAY_SLOTS,
    },
);
