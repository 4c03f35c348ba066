//! `int` and `bool` (`Objects/longobject.c`, `Objects/boolobject.c`, 3.12 layout of
//! `Include/cpython/longintrepr.h`).
//!
//! Layout: the 16-byte header, `lv_tag` = `ndigits << 3 | sign` (sign 0 positive, 1 zero,
//! 2 negative) at offset 16, then `ndigits` 30-bit digits at offset 24, least significant first.
//! An int takes `24 + 4·max(ndigits, 1)` bytes — zero keeps one digit — which is also its
//! `__sizeof__`. Values −5…256 are the immortal cached singletons; `True` and `False` are two more
//! one-digit longs of type `bool`. The arithmetic itself is [`crate::long_digits`]; one-digit
//! operands take an `i64` fast path.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::long_digits::{LongError, LongValue, MASK, SHIFT};
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{
    BinaryFn, CompareOp, Member, NumberSlots, PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec,
};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyLongObject` without its digits, which follow at [`DIGITS_OFFSET`].
#[repr(C)]
pub struct PyLongObject {
    ob_base: PyObject,
    lv_tag: Cell<usize>,
}

/// Offset of `ob_digit` (`offsetof(PyLongObject, long_value.ob_digit)`).
pub const DIGITS_OFFSET: usize = 24;
const _: () = assert!(size_of::<PyLongObject>() == DIGITS_OFFSET);

const SIGN_ZERO: usize = 1;
const SIGN_NEGATIVE: usize = 2;

/// Whether `o` is an int (or a bool).
#[inline]
pub fn is_int(o: &PyObject) -> bool {
    o.ob_type().flags().contains(TypeFlags::LONG_SUBCLASS)
}

crate::view! {
    /// An int or a bool (`PyLong_Check`: `int` and its subclasses).
    pub struct Int: "int" = is_int;
}

/// The int a slot of the int (or bool) type was called on.
fn slot_self(o: &PyObject) -> &Int {
    // SAFETY: the int type's slots are only called on ints (instances of `int` or of a
    // subclass, which inherits the slots and `LONG_SUBCLASS`).
    unsafe { Int::cast_unchecked(o) }
}

#[inline]
fn long_header(o: &Int) -> &PyLongObject {
    // SAFETY: the view guarantees an int, and ints start with a `PyLongObject` header.
    unsafe { &*core::ptr::from_ref(o).cast::<PyLongObject>() }
}

/// Number of digits (0 for zero).
#[inline]
pub fn ndigits(o: &Int) -> usize {
    long_header(o).lv_tag.get() >> 3
}

fn digits(o: &Int) -> &[u32] {
    let n = ndigits(o);
    // SAFETY: an int's allocation holds `max(n, 1)` digits after the header.
    unsafe {
        core::slice::from_raw_parts(
            core::ptr::from_ref(o)
                .cast::<u8>()
                .add(DIGITS_OFFSET)
                .cast::<u32>(),
            n,
        )
    }
}

/// The value of a compact int (0 or 1 digit), as CPython's `_PyLong_CompactValue`.
#[inline]
pub(crate) fn compact_value(o: &Int) -> Option<i64> {
    let tag = long_header(o).lv_tag.get();
    if tag >= (2 << 3) {
        return None;
    }
    let digit = if tag >> 3 == 0 { 0 } else { digits(o)[0] };
    // The sign is 0 (positive), 1 (zero: the digit is 0) or 2 (negative).
    Some((1 - (tag & 3) as i64) * i64::from(digit))
}

/// The value of an int of at most two digits (|v| < 2**60), which fits an `i64` with room
/// for a sum or difference: the operands of the arithmetic's machine-word short paths.
#[inline(always)]
pub(crate) fn medium_value(o: &Int) -> Option<i64> {
    let tag = long_header(o).lv_tag.get();
    if tag >= (3 << 3) {
        return None;
    }
    // SAFETY: an int's allocation holds `max(n, 1)` digits after the header, and `n <= 2`.
    let digit = |i: usize| unsafe {
        i64::from(
            core::ptr::from_ref(o)
                .cast::<u8>()
                .add(DIGITS_OFFSET)
                .cast::<u32>()
                .add(i)
                .read(),
        )
    };
    let magnitude = match tag >> 3 {
        0 => 0,
        1 => digit(0),
        _ => digit(0) | (digit(1) << SHIFT),
    };
    // The sign is 0 (positive), 1 (zero: the magnitude is 0) or 2 (negative).
    Some((1 - (tag & 3) as i64) * magnitude)
}

/// The value of `o` if it is an exact int (not a bool or another subclass) of at most two
/// digits (|v| < 2**60, the machine-word short paths' operands).
#[inline(always)]
pub fn exact_medium_value(o: &PyObject) -> Option<i64> {
    if !core::ptr::eq(o.ob_type(), INT_TYPE.get()) {
        return None;
    }
    // SAFETY: `o` is an exact int.
    medium_value(unsafe { Int::cast_unchecked(o) })
}

/// Drops an owned reference to an exact int (`_Py_DECREF_SPECIALIZED(o, PyObject_Free)` of
/// CPython's specialised int instructions): a last reference frees the block at once.
#[inline(always)]
pub(crate) fn release_exact(o: Obj<'_>) {
    debug_assert!(core::ptr::eq(o.ob_type(), INT_TYPE.get()));
    let heap = o.heap();
    // SAFETY: we owned this reference to an exact int of `heap`, whose dealloc is
    // `long_dealloc` and which holds no references.
    unsafe { heap.decref_leaf(o.into_ptr(), long_dealloc) }
}

/// The value of `o` if it is an exact int (not a bool or another subclass) of at most one
/// digit: the guard of CPython 3.12's specialised int instructions (`PyLong_CheckExact` and
/// `_PyLong_IsCompact`), then `_PyLong_CompactValue`.
#[inline(always)]
pub fn exact_compact_value(o: &PyObject) -> Option<i64> {
    if !core::ptr::eq(o.ob_type(), INT_TYPE.get()) {
        return None;
    }
    // SAFETY: `o` is an exact int.
    compact_value(unsafe { Int::cast_unchecked(o) })
}

/// `Some(truth)` when `o` is `True` or `False` (`Py_IsTrue`/`Py_IsFalse`): the test the
/// dispatch loop makes before the generic `PyObject_IsTrue`.
#[inline(always)]
pub fn as_bool(heap: &Heap, o: &PyObject) -> Option<bool> {
    let p = core::ptr::from_ref(o);
    let singletons = heap.singletons();
    if core::ptr::eq(p, singletons.bool(true).as_ptr()) {
        Some(true)
    } else if core::ptr::eq(p, singletons.bool(false).as_ptr()) {
        Some(false)
    } else {
        None
    }
}

/// The value of an int object.
pub fn long_value(o: &Int) -> LongValue {
    let tag = long_header(o).lv_tag.get();
    LongValue::from_sign_digits(tag & 3 == SIGN_NEGATIVE, digits(o).to_vec())
}

/// The value as an `i64`, if it fits.
#[inline]
pub fn as_i64(o: &Int) -> Option<i64> {
    match compact_value(o) {
        Some(v) => Some(v),
        None => wide_as_i64(o),
    }
}

/// [`as_i64`] of an int of two or more digits.
#[inline(never)]
fn wide_as_i64(o: &Int) -> Option<i64> {
    small_value(o).and_then(|v| i64::try_from(v).ok())
}

/// The value of an int of at most four digits (120 bits), read in place: the common case of
/// arithmetic, without [`long_value`]'s digit vector.
fn small_value(o: &Int) -> Option<i128> {
    let digits = digits(o);
    if digits.len() > 4 {
        return None;
    }
    let magnitude = digits
        .iter()
        .rev()
        .fold(0i128, |acc, &d| (acc << SHIFT) | i128::from(d));
    let negative = long_header(o).lv_tag.get() & 3 == SIGN_NEGATIVE;
    Some(if negative { -magnitude } else { magnitude })
}

/// The value of `o` as an `i64`, if `o` is an int (or bool) whose value fits: a checked cast
/// then [`as_i64`].
#[inline]
pub fn object_as_i64(o: &PyObject) -> Option<i64> {
    Int::cast(o).and_then(as_i64)
}

/// `PyLong_AsSsize_t`: the value as an `isize`.
///
/// # Errors
/// `OverflowError: Python int too large to convert to C ssize_t`.
pub fn as_ssize_t(o: &Int) -> PyResult<isize> {
    as_i64(o)
        .and_then(|v| isize::try_from(v).ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// `o` clamped to the `Py_ssize_t` range, as `_PyEval_SliceIndex` clamps slice bounds.
pub fn clamp_to_ssize(o: &Int) -> isize {
    as_i64(o)
        .and_then(|v| isize::try_from(v).ok())
        .unwrap_or(if long_value(o).is_negative() {
            isize::MIN
        } else {
            isize::MAX
        })
}

/// `__sizeof__`: `24 + 4·max(ndigits, 1)`.
fn long_sizeof(o: &PyObject) -> usize {
    DIGITS_OFFSET + 4 * ndigits(slot_self(o)).max(1)
}

/// A new int with value `v` (a cached small int when −5 ≤ v ≤ 256).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_int<'h>(heap: &'h Heap, v: &LongValue) -> PyResult<Obj<'h>> {
    if let Some(small) = v.to_i64().and_then(|x| heap.singletons().small_int(x)) {
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, small.as_ref()) });
    }
    let n = v.ndigits();
    let op = heap.alloc_object(INT_TYPE.get(), DIGITS_OFFSET + 4 * n.max(1))?;
    let sign = if v.is_zero() {
        SIGN_ZERO
    } else if v.is_negative() {
        SIGN_NEGATIVE
    } else {
        0
    };
    // SAFETY: a fresh allocation of the header plus `max(n, 1)` digits.
    unsafe {
        let long = op.cast::<PyLongObject>();
        core::ptr::addr_of_mut!((*long.as_ptr()).lv_tag).write(Cell::new((n << 3) | sign));
        let dst = op.cast::<u8>().add(DIGITS_OFFSET).cast::<u32>();
        dst.write(0);
        core::ptr::copy_nonoverlapping(v.digits().as_ptr(), dst.as_ptr(), n);
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new int of value `v` made as CPython's arithmetic makes a result that fits a machine
/// word (`PyLong_FromLong`, `_PyLong_FromSTwoDigits`): a one-digit value in a
/// `sizeof(PyLongObject)` allocation (32 bytes where [`new_int`], `_PyLong_New`, asks 28);
/// what `tracemalloc` reports.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_int_from_word_value<'h>(heap: &'h Heap, v: &LongValue) -> PyResult<Obj<'h>> {
    match v.to_i64() {
        Some(x) => int_from_i64(heap, x),
        None => new_int(heap, v),
    }
}

/// A new int from an `i64`.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
#[inline(always)]
pub fn int_from_i64(heap: &Heap, v: i64) -> PyResult<Obj<'_>> {
    if let Some(small) = heap.singletons().small_int(v) {
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, small.as_ref()) });
    }
    new_int_from_word(heap, v)
}

/// A new (not cached) int of value `v`: one to three digits computed and written in place
/// (`_PyLong_FromMedium` and `PyLong_FromLongLong`'s digit loop).
#[inline(never)]
fn new_int_from_word(heap: &Heap, v: i64) -> PyResult<Obj<'_>> {
    let magnitude = v.unsigned_abs();
    if magnitude >> SHIFT == 0 {
        return new_one_digit_int(heap, v);
    }
    new_wide_int_from_word(heap, v)
}

/// `_PyLong_FromMedium`: a one-digit int (0 < |v| < 2**30, not cached), in one allocation
/// of `sizeof(PyLongObject)` (32 bytes, the digit padded), as `tracemalloc` sees it; ints
/// made digit by digit (`_PyLong_New`) ask for 28.
#[inline]
fn new_one_digit_int(heap: &Heap, v: i64) -> PyResult<Obj<'_>> {
    debug_assert!(v != 0 && v.unsigned_abs() >> SHIFT == 0);
    const SIZEOF_PYLONGOBJECT: usize = (DIGITS_OFFSET + 4).next_multiple_of(8);
    let op = heap.alloc_plain_object(INT_TYPE.get(), SIZEOF_PYLONGOBJECT)?;
    let sign = if v < 0 { SIGN_NEGATIVE } else { 0 };
    // SAFETY: a fresh allocation of the header plus one digit.
    unsafe {
        let long = op.cast::<PyLongObject>();
        core::ptr::addr_of_mut!((*long.as_ptr()).lv_tag).write(Cell::new((1 << 3) | sign));
        let dst = op.cast::<u8>().add(DIGITS_OFFSET).cast::<u32>().as_ptr();
        dst.write(v.unsigned_abs() as u32);
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new int of two or three digits from an `i64` (|v| >= 2**30).
#[inline(never)]
fn new_wide_int_from_word(heap: &Heap, v: i64) -> PyResult<Obj<'_>> {
    let magnitude = v.unsigned_abs();
    debug_assert!(magnitude >> SHIFT != 0);
    let n = if magnitude >> (2 * SHIFT) == 0 { 2 } else { 3 };
    let op = heap.alloc_plain_object(INT_TYPE.get(), DIGITS_OFFSET + 4 * n)?;
    let sign = if v < 0 { SIGN_NEGATIVE } else { 0 };
    // SAFETY: a fresh allocation of the header plus `n` digits (`n` is 1 to 3: a 64-bit
    // magnitude has at most 64 bits < 3 · 30).
    unsafe {
        let long = op.cast::<PyLongObject>();
        core::ptr::addr_of_mut!((*long.as_ptr()).lv_tag).write(Cell::new((n << 3) | sign));
        let dst = op.cast::<u8>().add(DIGITS_OFFSET).cast::<u32>().as_ptr();
        dst.write(magnitude as u32 & MASK);
        dst.add(1).write((magnitude >> SHIFT) as u32 & MASK);
        if n == 3 {
            dst.add(2).write((magnitude >> (2 * SHIFT)) as u32);
        }
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new int from an `i128`, its digits written in place (no digit vector): the result path of
/// arithmetic on ints that fit a machine word.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
#[inline]
pub fn int_from_i128(heap: &Heap, v: i128) -> PyResult<Obj<'_>> {
    match i64::try_from(v) {
        Ok(v) => int_from_i64(heap, v),
        Err(_) => new_int_from_i128(heap, v),
    }
}

/// A new int of a value beyond `i64`.
fn new_int_from_i128(heap: &Heap, v: i128) -> PyResult<Obj<'_>> {
    let mut magnitude = v.unsigned_abs();
    let mut buf = [0u32; 5];
    let mut n = 0;
    while magnitude != 0 {
        buf[n] = (magnitude as u32) & MASK;
        magnitude >>= SHIFT;
        n += 1;
    }
    let op = heap.alloc_object(INT_TYPE.get(), DIGITS_OFFSET + 4 * n.max(1))?;
    let sign = match v.signum() {
        0 => SIGN_ZERO,
        -1 => SIGN_NEGATIVE,
        _ => 0,
    };
    // SAFETY: a fresh allocation of the header plus `max(n, 1)` digits; `n <= 5 = buf.len()`.
    unsafe {
        let long = op.cast::<PyLongObject>();
        core::ptr::addr_of_mut!((*long.as_ptr()).lv_tag).write(Cell::new((n << 3) | sign));
        let dst = op.cast::<u8>().add(DIGITS_OFFSET).cast::<u32>();
        dst.write(0);
        core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.as_ptr(), n);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `True` or `False`.
pub fn new_bool(heap: &Heap, v: bool) -> Obj<'_> {
    // SAFETY: a singleton of this heap.
    unsafe { Obj::from_borrowed(heap, heap.singletons().bool(v).as_ref()) }
}

/// Maps an arithmetic error to the exception CPython raises.
pub fn long_error(e: LongError) -> PyErr {
    match e {
        LongError::ZeroDivision(m) => PyErr::zero_division(m),
        LongError::Overflow(m) => PyErr::overflow_error(m),
        LongError::Value(m) => PyErr::value_error(m),
        LongError::NegativeExponent => PyErr::value_error("negative exponent"),
        LongError::Memory => PyErr::memory_error(),
    }
}

/// `int`'s `tp_dealloc`: the block goes back to pymalloc.
///
/// # Safety
/// `op` must be a dead int of `heap`.
#[inline]
pub(crate) unsafe fn long_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: `op` is a dead int (caller), whose digit count is the one it was allocated with.
    let n = ndigits(unsafe { Int::cast_unchecked(op.as_ref()) });
    // SAFETY: a dead int of this heap, allocated without pre-header (`int` is not a GC type)
    // with `24 + 4 * max(n, 1)` bytes (`lv_tag` is written once, when the int is made), so a
    // small block when that is at most 512.
    unsafe {
        if n <= SMALL_BLOCK_DIGITS {
            heap.free_small_plain_object(op);
        } else {
            heap.free_plain_object(op);
        }
    }
}

/// A new instance of `ty`, a class whose base is `int`, with the value of `v`
/// (`long_subtype_new`): `PyType_GenericAlloc` of `max(n, 1)` digits, which allocates one item
/// more than asked and rounds up to a word. The caller gives the instance its reference to
/// `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_int<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    v: &Int,
) -> PyResult<Obj<'h>> {
    let n = ndigits(v).max(1);
    let size = (DIGITS_OFFSET + 4 * (n + 1)).next_multiple_of(8);
    let op = heap.alloc_object(ty, size)?;
    // SAFETY: a fresh allocation with room for the header and `n` digits; `v` holds `n`
    // digits after its header (zero has one digit, 0).
    unsafe {
        let long = op.cast::<PyLongObject>();
        core::ptr::addr_of_mut!((*long.as_ptr()).lv_tag)
            .write(Cell::new(long_header(v).lv_tag.get()));
        let src = core::ptr::from_ref(v).cast::<u8>().add(DIGITS_OFFSET);
        let dst = op.cast::<u8>().add(DIGITS_OFFSET).as_ptr();
        core::ptr::copy_nonoverlapping(src, dst, 4 * n);
        Ok(Obj::from_owned(heap, op))
    }
}

/// The most digits an int's 512-byte pymalloc block holds: `24 + 4 * 122 = 512`.
const SMALL_BLOCK_DIGITS: usize = (512 - DIGITS_OFFSET) / 4;

fn long_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let o = slot_self(o);
    match compact_value(o) {
        Some(v) => Ok(v.to_string()),
        None => long_value(o).to_string_radix10().map_err(long_error),
    }
}

/// `str(i)` of an int (`long_to_decimal_string`): a fresh ASCII string, its digits written
/// straight into the object for a one-digit int.
///
/// # Errors
/// `ValueError` past the integer string conversion limit, or `MemoryError`.
pub fn to_decimal_str<'h>(heap: &'h Heap, o: &Int) -> PyResult<Obj<'h>> {
    let Some(v) = compact_value(o) else {
        let text = long_value(o).to_string_radix10().map_err(long_error)?;
        return crate::types::unicode::new_str(heap, &text);
    };
    // |v| < 2**30: at most 10 digits and a sign.
    let mut buf = [0u8; 12];
    let mut at = buf.len();
    let mut m = v.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    let digits = &buf[at..];
    crate::types::unicode::new_ascii_with(heap, digits.len(), |out| out.copy_from_slice(digits))
}

fn long_hash(_heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let o = slot_self(o);
    Ok(match compact_value(o) {
        Some(-1) => -2,
        Some(v) => v,
        None => long_value(o).hash(),
    })
}

fn long_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Int::cast(a), Int::cast(b)) else {
        return Ok(None);
    };
    let ord = match (compact_value(a), compact_value(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => long_value(a).cmp(&long_value(b)),
    };
    Ok(Some(new_bool(heap, op.holds(ord))))
}

/// Applies a two-int operation: `NotImplemented` unless both are ints; `fast` handles two
/// compact operands in `i128` when it can, `slow` does the general case.
fn int_binary<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    fast: impl FnOnce(i64, i64) -> Option<i128>,
    slow: impl FnOnce(&LongValue, &LongValue) -> Result<LongValue, LongError>,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Int::cast(a), Int::cast(b)) else {
        return Ok(None);
    };
    if let (Some(x), Some(y)) = (as_i64(a), as_i64(b))
        && let Some(r) = fast(x, y)
    {
        // Two compact operands make their result as `_PyLong_FromSTwoDigits` does; wider
        // ones through the digit loops (`_PyLong_New`), which differ in the size they ask
        // for a one-digit result (28 bytes, not 32).
        if compact_value(a).is_some() && compact_value(b).is_some() {
            return int_from_i128(heap, r).map(Some);
        }
        return new_int(heap, &LongValue::from_i128(r)).map(Some);
    }
    let r = slow(&long_value(a), &long_value(b)).map_err(long_error)?;
    new_int(heap, &r).map(Some)
}

fn long_add<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x) + i128::from(y)),
        |x, y| Ok(x.add(y)),
    )
}

fn long_sub<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x) - i128::from(y)),
        |x, y| Ok(x.sub(y)),
    )
}

fn long_mul<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x) * i128::from(y)),
        |x, y| Ok(x.mul(y)),
    )
}

/// Python's floor division and modulo of two compact values (`None` for a zero divisor).
fn floor_divmod(x: i64, y: i64) -> Option<(i128, i128)> {
    if y == 0 {
        return None;
    }
    if y == -1 {
        // The one quotient that overflows `i64` (`i64::MIN // -1`); no remainder.
        return Some((-i128::from(x), 0));
    }
    // Machine division in 64 bits (an `i128` division is a library call): with `y` neither 0
    // nor -1 it cannot overflow, and neither can the floor correction (|r| < |y|).
    let (mut q, mut r) = (x / y, x % y);
    if r != 0 && ((r < 0) != (y < 0)) {
        q -= 1;
        r += y;
    }
    Some((i128::from(q), i128::from(r)))
}

fn long_floordiv<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| floor_divmod(x, y).map(|(q, _)| q),
        LongValue::floordiv,
    )
}

fn long_mod<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| floor_divmod(x, y).map(|(_, r)| r),
        LongValue::rem,
    )
}

fn long_divmod<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Int::cast(a), Int::cast(b)) else {
        return Ok(None);
    };
    let (q, r) = long_value(a).divmod(&long_value(b)).map_err(long_error)?;
    let (q, r) = (new_int(heap, &q)?, new_int(heap, &r)?);
    crate::types::tuple::new_tuple(heap, vec![q, r]).map(Some)
}

fn long_lshift<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| (0..=62).contains(&y).then(|| i128::from(x) << y),
        |x, y| x.shl(y),
    )
}

fn long_rshift<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| (0..=63).contains(&y).then(|| i128::from(x >> y)),
        |x, y| x.shr(y),
    )
}

fn long_and<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x & y)),
        |x, y| Ok(x.bitand(y)),
    )
}

fn long_or<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x | y)),
        |x, y| Ok(x.bitor(y)),
    )
}

fn long_xor<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    int_binary(
        heap,
        a,
        b,
        |x, y| Some(i128::from(x ^ y)),
        |x, y| Ok(x.bitxor(y)),
    )
}

fn long_pow<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(ia), Some(ib)) = (Int::cast(a), Int::cast(b)) else {
        return Ok(None);
    };
    let exp = long_value(ib);
    if exp.is_negative() {
        // CPython hands a negative exponent to float's power.
        return crate::types::float::float_power_values(heap, a, b).map(Some);
    }
    new_int_from_word_value(heap, &long_value(ia).pow(&exp).map_err(long_error)?).map(Some)
}

fn long_true_divide<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Int::cast(a), Int::cast(b)) else {
        return Ok(None);
    };
    let q = long_value(a).true_div(&long_value(b)).map_err(long_error)?;
    crate::types::float::new_float(heap, q).map(Some)
}

fn long_unary<'h>(
    heap: &'h Heap,
    a: &PyObject,
    f: impl FnOnce(&LongValue) -> LongValue,
) -> PyResult<Obj<'h>> {
    new_int_from_word_value(heap, &f(&long_value(slot_self(a))))
}

fn long_neg<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    long_unary(heap, a, LongValue::neg)
}

fn long_pos<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    long_unary(heap, a, Clone::clone)
}

fn long_abs<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    long_unary(heap, a, LongValue::abs)
}

fn long_invert<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    long_unary(heap, a, LongValue::invert)
}

fn long_bool(o: &PyObject) -> bool {
    ndigits(slot_self(o)) != 0
}

static INT_NUMBER: NumberSlots = NumberSlots {
    add: Some(long_add),
    subtract: Some(long_sub),
    multiply: Some(long_mul),
    remainder: Some(long_mod),
    divmod: Some(long_divmod),
    power: Some(long_pow),
    floor_divide: Some(long_floordiv),
    true_divide: Some(long_true_divide),
    lshift: Some(long_lshift),
    rshift: Some(long_rshift),
    and: Some(long_and),
    xor: Some(long_xor),
    or: Some(long_or),
    negative: Some(long_neg),
    positive: Some(long_pos),
    absolute: Some(long_abs),
    invert: Some(long_invert),
    bool: Some(long_bool),
};

/// `int.real` / `int.numerator`: the int itself, or an exact int copy for a bool.
fn long_real<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if core::ptr::eq(o.ob_type(), INT_TYPE.get()) {
        // SAFETY: `o` is a live object of `heap` (the caller holds it).
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    new_int(heap, &long_value(slot_self(o)))
}

fn long_zero<'h>(heap: &'h Heap, _o: &PyObject) -> PyResult<Obj<'h>> {
    int_from_i64(heap, 0)
}

fn long_one<'h>(heap: &'h Heap, _o: &PyObject) -> PyResult<Obj<'h>> {
    int_from_i64(heap, 1)
}

static INT_MEMBERS: [Member; 4] = [
    Member {
        name: "real",
        get: long_real,
    },
    Member {
        name: "imag",
        get: long_zero,
    },
    Member {
        name: "numerator",
        get: long_real,
    },
    Member {
        name: "denominator",
        get: long_one,
    },
];

pub(crate) static INT_SLOTS: Slots = Slots {
    members: &INT_MEMBERS,
    getattr: None,
    setattr: None,
    dealloc: long_dealloc,
    sizeof: Some(long_sizeof),
    repr: long_repr,
    str: None,
    hash: Some(long_hash),
    richcompare: Some(long_richcompare),
    number: Some(&INT_NUMBER),
    sequence: None,
    traverse: None,
    clear: None,
};

/// `int`.
pub static INT_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "int",
        basicsize: DIGITS_OFFSET,
        itemsize: 4,
        flags: TypeFlags::BASETYPE.union(TypeFlags::LONG_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &INT_SLOTS,
    },
);

fn is_bool(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), BOOL_TYPE.get())
}

fn bool_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(if long_bool(o) { "True" } else { "False" }.into())
}

/// `&`, `|` and `^` keep bool-ness when both operands are bools (`bool_and` and friends).
fn bool_logic<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    int_op: BinaryFn,
    f: fn(bool, bool) -> bool,
) -> PyResult<Option<Obj<'h>>> {
    if is_bool(a) && is_bool(b) {
        return Ok(Some(new_bool(heap, f(long_bool(a), long_bool(b)))));
    }
    int_op(heap, a, b)
}

fn bool_and<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    bool_logic(heap, a, b, long_and, |x, y| x & y)
}

fn bool_or<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    bool_logic(heap, a, b, long_or, |x, y| x | y)
}

fn bool_xor<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    bool_logic(heap, a, b, long_xor, |x, y| x ^ y)
}

static BOOL_NUMBER: NumberSlots = NumberSlots {
    and: Some(bool_and),
    or: Some(bool_or),
    xor: Some(bool_xor),
    ..INT_NUMBER
};

static BOOL_SLOTS: Slots = Slots {
    repr: bool_repr,
    number: Some(&BOOL_NUMBER),
    ..INT_SLOTS
};

/// `bool`: a subclass of `int` whose only instances are `True` and `False`.
pub static BOOL_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "bool",
        basicsize: DIGITS_OFFSET,
        itemsize: 4,
        flags: TypeFlags::LONG_SUBCLASS,
        base: Some(&INT_TYPE),
        slots: &BOOL_SLOTS,
    },
);

/// The type pointer of `int`, for headers.
pub fn int_type_ptr() -> NonNull<PyTypeObject> {
    INT_TYPE.ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ints_and_bools_cast_to_int_views() {
        let heap = Heap::new();
        let s = crate::types::unicode::new_str(&heap, "12").unwrap();
        assert!(Int::cast(s.object()).is_none(), "a str is not an int");
        assert_eq!(object_as_i64(s.object()), None);
        let big = new_int(&heap, &LongValue::from_i64(i64::MAX)).unwrap();
        assert_eq!(object_as_i64(big.object()), Some(i64::MAX));
        let t = new_bool(&heap, true);
        assert_eq!(
            Int::cast(t.object()).map(as_i64),
            Some(Some(1)),
            "bool is an int"
        );
        let huge = new_int(&heap, &LongValue::from_i128(1 << 70)).unwrap();
        let huge = Int::cast(huge.object()).unwrap();
        assert_eq!(as_i64(huge), None);
        assert!(as_ssize_t(huge).is_err());
    }
}
