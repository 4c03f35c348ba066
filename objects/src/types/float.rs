//! `float` (`Objects/floatobject.c`): the header and one `double`, 24 bytes, not GC. Dead exact
//! floats go on a free list of up to 100 (`PyFloat_MAXFREELIST`) chained through `ob_type`, and
//! new floats come from it first, as in CPython. Text and the IEEE corner cases of the
//! arithmetic are [`crate::float_repr`]'s.

use crate::error::{PyErr, PyResult};
use crate::float_repr::{self, PowResult};
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Member, NumberSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::base::EMPTY_NUMBER_SLOTS;
use crate::types::long::{self, Int, long_value};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyFloatObject`.
#[repr(C)]
pub struct PyFloatObject {
    ob_base: PyObject,
    ob_fval: f64,
}

const _: () = assert!(size_of::<PyFloatObject>() == 24);

/// Whether `o` is a float.
pub fn is_float(o: &PyObject) -> bool {
    o.ob_type().is_subtype(FLOAT_TYPE.get())
}

crate::view! {
    /// A float or an instance of a subclass of `float` (`PyFloat_Check`).
    pub struct Float: "float" = is_float;
}

/// The float a slot of the float type was called on.
fn slot_self(o: &PyObject) -> &Float {
    // SAFETY: the float type's slots are only called on instances of `float` or of a
    // subclass, which share its layout.
    unsafe { Float::cast_unchecked(o) }
}

/// The value of a float object.
pub fn float_value(o: &Float) -> f64 {
    // SAFETY: the view guarantees a float, which starts with a `PyFloatObject`.
    unsafe { (*core::ptr::from_ref(o).cast::<PyFloatObject>()).ob_fval }
}

/// A new float (`PyFloat_FromDouble`): from the free list when it has one.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
#[inline]
pub fn new_float(heap: &Heap, v: f64) -> PyResult<Obj<'_>> {
    let op = match heap.floats.pop(FLOAT_TYPE.ptr()) {
        Some(op) => op,
        None => heap.alloc_plain_object(FLOAT_TYPE.get(), size_of::<PyFloatObject>())?,
    };
    // SAFETY: `op` is a float body with a fresh header and one reference that we own.
    unsafe {
        core::ptr::addr_of_mut!((*op.cast::<PyFloatObject>().as_ptr()).ob_fval).write(v);
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new instance of `ty`, a class whose base is `float`, of value `v` (`float_subtype_new`:
/// `PyType_GenericAlloc`, never the free list). The caller gives the instance its reference to
/// `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_float<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
    v: f64,
) -> PyResult<Obj<'h>> {
    let base = size_of::<PyFloatObject>();
    let op = heap.alloc_object(ty, ty.basicsize().max(base))?;
    // SAFETY: a fresh float body whose one reference we own, followed by the class's member
    // slots (`basicsize` past the float), which start unset.
    unsafe {
        op.cast::<u8>()
            .add(base)
            .write_bytes(0, ty.basicsize().saturating_sub(base));
        core::ptr::addr_of_mut!((*op.cast::<PyFloatObject>().as_ptr()).ob_fval).write(v);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `float`'s `tp_dealloc` (`_PyFloat_ExactDealloc` for an exact float).
///
/// # Safety
/// `op` must be a dead float of `heap`.
#[inline]
pub(crate) unsafe fn float_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead float of this heap: kept on the free list, or freed when it is full.
    unsafe {
        if !heap.floats.push(op) {
            // A float's block is 24 bytes: pymalloc's.
            heap.free_small_plain_object(op);
        }
    }
}

/// Drops an owned reference to an exact float (`_Py_DECREF_SPECIALIZED(o,
/// _PyFloat_ExactDealloc)`): a last reference goes straight to the free list.
#[inline(always)]
pub(crate) fn release_exact(o: Obj<'_>) {
    debug_assert!(core::ptr::eq(o.ob_type(), FLOAT_TYPE.get()));
    let heap = o.heap();
    // SAFETY: we owned this reference to an exact float of `heap`, whose dealloc is
    // `float_dealloc` and which holds no references.
    unsafe { heap.decref_leaf(o.into_ptr(), float_dealloc) }
}

/// The result `dval` of an operation on two exact floats `left` and `right`, owned by the
/// caller, as CPython 3.12's `DECREF_INPUTS_AND_REUSE_FLOAT` makes it for `BINARY_OP_ADD_FLOAT`,
/// `_SUBTRACT_FLOAT` and `_MULTIPLY_FLOAT`: an operand whose reference is the last one gets the
/// value in place (the left first), else a new float; the operands are released.
///
/// # Errors
/// `MemoryError` when a new float cannot be allocated.
#[inline]
pub(crate) fn reuse_or_new<'h>(left: Obj<'h>, right: Obj<'h>, dval: f64) -> PyResult<Obj<'h>> {
    debug_assert!(core::ptr::eq(left.ob_type(), FLOAT_TYPE.get()));
    debug_assert!(core::ptr::eq(right.ob_type(), FLOAT_TYPE.get()));
    let heap = left.heap();
    if left.object().refcnt() == 1 {
        set_value(&left, dval);
        release_exact(right);
        return Ok(left);
    }
    if right.object().refcnt() == 1 {
        set_value(&right, dval);
        release_exact(left);
        return Ok(right);
    }
    let result = new_float(heap, dval);
    release_exact(left);
    release_exact(right);
    result
}

/// Writes a new value into an exact float that only the caller references.
#[inline(always)]
fn set_value(o: &Obj<'_>, v: f64) {
    debug_assert!(o.object().refcnt() == 1);
    // SAFETY: an exact float (caller), so a `PyFloatObject`; its one reference is the caller's,
    // so nobody else sees the value change (CPython writes `ob_fval` the same way).
    unsafe {
        core::ptr::addr_of_mut!((*o.as_ptr().cast::<PyFloatObject>().as_ptr()).ob_fval).write(v)
    }
}

/// An operand of float arithmetic: a float, or an int converted exactly or with CPython's
/// `OverflowError`. `None` for other types (`NotImplemented`).
fn as_double(o: &PyObject) -> PyResult<Option<f64>> {
    if let Some(x) = Float::cast(o) {
        return Ok(Some(float_value(x)));
    }
    if let Some(i) = Int::cast(o) {
        return long_value(i).to_f64().map(Some).map_err(long::long_error);
    }
    Ok(None)
}

fn float_binary<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    f: impl FnOnce(f64, f64) -> Result<f64, String>,
    error: fn(String) -> PyErr,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (as_double(a)?, as_double(b)?) else {
        return Ok(None);
    };
    let r = f(x, y).map_err(error)?;
    new_float(heap, r).map(Some)
}

fn float_add<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, |x, y| Ok(x + y), PyErr::zero_division)
}

fn float_sub<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, |x, y| Ok(x - y), PyErr::zero_division)
}

fn float_mul<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, |x, y| Ok(x * y), PyErr::zero_division)
}

fn float_div<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, float_repr::float_div, PyErr::zero_division)
}

fn float_floordiv<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, float_repr::float_floordiv, PyErr::zero_division)
}

fn float_mod<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    float_binary(heap, a, b, float_repr::float_mod, PyErr::zero_division)
}

fn float_divmod<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (as_double(a)?, as_double(b)?) else {
        return Ok(None);
    };
    let (q, r) = float_repr::float_divmod(x, y).map_err(PyErr::zero_division)?;
    let pair = vec![new_float(heap, q)?, new_float(heap, r)?];
    crate::types::tuple::new_tuple(heap, pair).map(Some)
}

/// `float ** float` with CPython's special cases; a negative base to a fractional power gives
/// a complex number, as in Python 3.
fn pow_values(heap: &Heap, x: f64, y: f64) -> PyResult<Obj<'_>> {
    match float_repr::float_pow(x, y) {
        Ok(PowResult::Float(r)) => new_float(heap, r),
        Ok(PowResult::Complex(re, im)) => crate::types::complex::new_complex(heap, re, im),
        Err(message) if message.starts_with("0.0 cannot") => Err(PyErr::zero_division(message)),
        Err(message) if message.starts_with('(') || message == "complex exponentiation" => {
            Err(PyErr::overflow_error(message))
        }
        Err(message) => Err(PyErr::value_error(message)),
    }
}

/// `int ** negative int`, which CPython computes as floats.
pub(crate) fn float_power_values<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
) -> PyResult<Obj<'h>> {
    let (Some(x), Some(y)) = (as_double(a)?, as_double(b)?) else {
        return Err(PyErr::type_error("float power of non-numbers"));
    };
    pow_values(heap, x, y)
}

fn float_pow<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (as_double(a)?, as_double(b)?) else {
        return Ok(None);
    };
    pow_values(heap, x, y).map(Some)
}

fn float_unary<'h>(heap: &'h Heap, a: &PyObject, f: fn(f64) -> f64) -> PyResult<Obj<'h>> {
    new_float(heap, f(float_value(slot_self(a))))
}

fn float_neg<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    float_unary(heap, a, |x| -x)
}

fn float_pos<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    float_unary(heap, a, |x| x)
}

fn float_abs<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    float_unary(heap, a, f64::abs)
}

fn float_bool(o: &PyObject) -> bool {
    float_value(slot_self(o)) != 0.0
}

fn float_repr_slot(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(float_repr::float_repr(float_value(slot_self(o))))
}

fn float_hash_slot(_heap: &Heap, o: &PyObject) -> PyResult<i64> {
    Ok(float_repr::float_hash(
        float_value(slot_self(o)),
        core::ptr::from_ref(o).addr(),
    ))
}

/// Compares a float with an int exactly, as `float_richcompare` does: no rounding of the int.
fn compare_float_int(x: f64, i: &LongValue) -> Option<core::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            core::cmp::Ordering::Greater
        } else {
            core::cmp::Ordering::Less
        });
    }
    let whole = LongValue::from_f64(x.trunc()).ok()?;
    let frac = x - x.trunc();
    Some(whole.cmp(i).then(frac.partial_cmp(&0.0)?))
}

fn float_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let Some(a) = Float::cast(a) else {
        return Ok(None);
    };
    let x = float_value(a);
    let ord = if let Some(y) = Float::cast(b) {
        x.partial_cmp(&float_value(y))
    } else if let Some(i) = Int::cast(b) {
        compare_float_int(x, &long_value(i))
    } else {
        return Ok(None);
    };
    let result = match ord {
        Some(ord) => op.holds(ord),
        None => op == CompareOp::Ne,
    };
    Ok(Some(long::new_bool(heap, result)))
}

static FLOAT_NUMBER: NumberSlots = NumberSlots {
    add: Some(float_add),
    subtract: Some(float_sub),
    multiply: Some(float_mul),
    remainder: Some(float_mod),
    divmod: Some(float_divmod),
    power: Some(float_pow),
    floor_divide: Some(float_floordiv),
    true_divide: Some(float_div),
    negative: Some(float_neg),
    positive: Some(float_pos),
    absolute: Some(float_abs),
    bool: Some(float_bool),
    ..EMPTY_NUMBER_SLOTS
};

/// `float.real`: the float itself, or an exact copy for a subclass.
fn float_real<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if core::ptr::eq(o.ob_type(), FLOAT_TYPE.get()) {
        // SAFETY: `o` is a live object of `heap` (the caller holds it).
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    new_float(heap, float_value(slot_self(o)))
}

fn float_imag<'h>(heap: &'h Heap, _o: &PyObject) -> PyResult<Obj<'h>> {
    new_float(heap, 0.0)
}

static FLOAT_MEMBERS: [Member; 2] = [
    Member {
        name: "real",
        get: float_real,
    },
    Member {
        name: "imag",
        get: float_imag,
    },
];

pub(crate) static FLOAT_SLOTS: Slots = Slots {
    dealloc: float_dealloc,
    sizeof: None,
    repr: float_repr_slot,
    str: None,
    hash: Some(float_hash_slot),
    richcompare: Some(float_richcompare),
    number: Some(&FLOAT_NUMBER),
    sequence: None,
    traverse: None,
    clear: None,
    members: &FLOAT_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `float`.
pub static FLOAT_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "float",
        basicsize: 24,
        itemsize: 0,
        flags: TypeFlags::BASETYPE,
        base: Some(&OBJECT_TYPE),
        slots: &FLOAT_SLOTS,
    },
);
