//! `complex` (`Objects/complexobject.c`): the header and two doubles, 32 bytes, not GC, no free
//! list. Division is Smith's algorithm (`_Py_c_quot`); a power with a small integral exponent
//! uses repeated squaring (`c_powi`), others the polar formula (`_Py_c_pow`), so results match
//! CPython to the last bit.

use crate::error::{PyErr, PyResult};
use crate::float_repr::{float_hash, float_repr};
use crate::hash::complex_hash;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Member, NumberSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::base::EMPTY_NUMBER_SLOTS;
use crate::types::float::{Float, float_value, new_float};
use crate::types::long::{self, Int, long_value};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `Py_complex`: the value of a complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ComplexValue {
    /// Real part.
    pub real: f64,
    /// Imaginary part.
    pub imag: f64,
}

/// `PyComplexObject`.
#[repr(C)]
pub struct PyComplexObject {
    ob_base: PyObject,
    cval: ComplexValue,
}

const _: () = assert!(size_of::<PyComplexObject>() == 32);

/// Whether `o` is a complex number.
pub fn is_complex(o: &PyObject) -> bool {
    o.ob_type().is_subtype(COMPLEX_TYPE.get())
}

crate::view! {
    /// A complex number or an instance of a subclass of `complex` (`PyComplex_Check`).
    pub struct Complex: "complex" = is_complex;
}

/// The complex number a slot of the complex type was called on.
fn slot_self(o: &PyObject) -> &Complex {
    // SAFETY: the complex type's slots are only called on instances of `complex` or of a
    // subclass, which share its layout.
    unsafe { Complex::cast_unchecked(o) }
}

/// The value of a complex object.
pub fn complex_value(o: &Complex) -> ComplexValue {
    // SAFETY: the view guarantees a complex object, which starts with a `PyComplexObject`.
    unsafe { (*core::ptr::from_ref(o).cast::<PyComplexObject>()).cval }
}

/// A new complex number.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_complex(heap: &Heap, real: f64, imag: f64) -> PyResult<Obj<'_>> {
    let op = heap.alloc_object(COMPLEX_TYPE.get(), size_of::<PyComplexObject>())?;
    // SAFETY: a fresh complex body whose header and single reference we own.
    unsafe {
        core::ptr::addr_of_mut!((*op.cast::<PyComplexObject>().as_ptr()).cval)
            .write(ComplexValue { real, imag });
        Ok(Obj::from_owned(heap, op))
    }
}

/// A new instance of `ty`, a class whose base is `complex`, of value `v`
/// (`complex_subtype_from_doubles`: `PyType_GenericAlloc`). The caller gives the instance its
/// reference to `ty` and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_complex<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
    v: ComplexValue,
) -> PyResult<Obj<'h>> {
    let base = size_of::<PyComplexObject>();
    let op = heap.alloc_object(ty, ty.basicsize().max(base))?;
    // SAFETY: a fresh complex body whose header and single reference we own, followed by the
    // class's member slots, which start unset.
    unsafe {
        op.cast::<u8>()
            .add(base)
            .write_bytes(0, ty.basicsize().saturating_sub(base));
        core::ptr::addr_of_mut!((*op.cast::<PyComplexObject>().as_ptr()).cval).write(v);
        Ok(Obj::from_owned(heap, op))
    }
}

unsafe fn complex_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead complex of this heap.
    unsafe { heap.free_object(op, COMPLEX_TYPE.get()) }
}

/// `repr()` of one part with format code `'r'` and no added `.0` (`PyOS_double_to_string`).
fn part_repr(x: f64, with_sign: bool) -> String {
    let s = float_repr(x);
    let s = s.strip_suffix(".0").map_or(s.clone(), str::to_string);
    if with_sign && !s.starts_with('-') {
        format!("+{s}")
    } else {
        s
    }
}

fn complex_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let c = complex_value(slot_self(o));
    if c.real == 0.0 && c.real.is_sign_positive() {
        return Ok(format!("{}j", part_repr(c.imag, false)));
    }
    Ok(format!(
        "({}{}j)",
        part_repr(c.real, false),
        part_repr(c.imag, true)
    ))
}

fn complex_hash_slot(_heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let c = complex_value(slot_self(o));
    let id = core::ptr::from_ref(o).addr();
    Ok(complex_hash(float_hash(c.real, id), float_hash(c.imag, id)))
}

/// An operand of complex arithmetic (`to_complex`): complex, float or int.
fn as_complex(o: &PyObject) -> PyResult<Option<ComplexValue>> {
    if let Some(c) = Complex::cast(o) {
        return Ok(Some(complex_value(c)));
    }
    if let Some(x) = Float::cast(o) {
        return Ok(Some(ComplexValue {
            real: float_value(x),
            imag: 0.0,
        }));
    }
    if let Some(i) = Int::cast(o) {
        let real = long_value(i).to_f64().map_err(long::long_error)?;
        return Ok(Some(ComplexValue { real, imag: 0.0 }));
    }
    Ok(None)
}

fn prod(a: ComplexValue, b: ComplexValue) -> ComplexValue {
    ComplexValue {
        real: a.real * b.real - a.imag * b.imag,
        imag: a.real * b.imag + a.imag * b.real,
    }
}

/// `_Py_c_quot`: Smith's division; `None` for a zero divisor (CPython's `EDOM`).
fn quot(a: ComplexValue, b: ComplexValue) -> Option<ComplexValue> {
    let (abs_r, abs_i) = (b.real.abs(), b.imag.abs());
    if abs_r >= abs_i {
        if abs_r == 0.0 {
            return None;
        }
        let ratio = b.imag / b.real;
        let denom = b.real + b.imag * ratio;
        Some(ComplexValue {
            real: (a.real + a.imag * ratio) / denom,
            imag: (a.imag - a.real * ratio) / denom,
        })
    } else if abs_i >= abs_r {
        let ratio = b.real / b.imag;
        let denom = b.real * ratio + b.imag;
        Some(ComplexValue {
            real: (a.real * ratio + a.imag) / denom,
            imag: (a.imag * ratio - a.real) / denom,
        })
    } else {
        Some(ComplexValue {
            real: f64::NAN,
            imag: f64::NAN,
        })
    }
}

/// `_Py_c_pow`; `None` for zero to a negative or complex power.
fn pow_polar(a: ComplexValue, b: ComplexValue) -> Option<ComplexValue> {
    if b.real == 0.0 && b.imag == 0.0 {
        return Some(ComplexValue {
            real: 1.0,
            imag: 0.0,
        });
    }
    if a.real == 0.0 && a.imag == 0.0 {
        return if b.imag != 0.0 || b.real < 0.0 {
            None
        } else {
            Some(ComplexValue {
                real: 0.0,
                imag: 0.0,
            })
        };
    }
    let vabs = a.real.hypot(a.imag);
    let mut len = vabs.powf(b.real);
    let at = a.imag.atan2(a.real);
    let mut phase = at * b.real;
    if b.imag != 0.0 {
        len /= (at * b.imag).exp();
        phase += b.imag * vabs.ln();
    }
    Some(ComplexValue {
        real: len * phase.cos(),
        imag: len * phase.sin(),
    })
}

/// `c_powi`: repeated squaring for integral exponents up to 100 in size.
fn pow_int(x: ComplexValue, n: i64) -> Option<ComplexValue> {
    if !(-100..=100).contains(&n) {
        return pow_polar(
            x,
            ComplexValue {
                real: n as f64,
                imag: 0.0,
            },
        );
    }
    let (mut r, mut p, mut k) = (
        ComplexValue {
            real: 1.0,
            imag: 0.0,
        },
        x,
        n.unsigned_abs(),
    );
    while k > 0 {
        if k & 1 == 1 {
            r = prod(r, p);
        }
        p = prod(p, p);
        k >>= 1;
    }
    if n < 0 {
        quot(
            ComplexValue {
                real: 1.0,
                imag: 0.0,
            },
            r,
        )
    } else {
        Some(r)
    }
}

fn complex_binary<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    f: impl FnOnce(ComplexValue, ComplexValue) -> PyResult<ComplexValue>,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (as_complex(a)?, as_complex(b)?) else {
        return Ok(None);
    };
    let r = f(x, y)?;
    new_complex(heap, r.real, r.imag).map(Some)
}

fn complex_add<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    complex_binary(heap, a, b, |x, y| {
        Ok(ComplexValue {
            real: x.real + y.real,
            imag: x.imag + y.imag,
        })
    })
}

fn complex_sub<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    complex_binary(heap, a, b, |x, y| {
        Ok(ComplexValue {
            real: x.real - y.real,
            imag: x.imag - y.imag,
        })
    })
}

fn complex_mul<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    complex_binary(heap, a, b, |x, y| Ok(prod(x, y)))
}

fn complex_div<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    complex_binary(heap, a, b, |x, y| {
        quot(x, y).ok_or_else(|| PyErr::zero_division("complex division by zero"))
    })
}

fn complex_pow<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    complex_binary(heap, a, b, |x, y| {
        let n = y.real as i64;
        let p = if y.imag == 0.0 && y.real == n as f64 {
            pow_int(x, n)
        } else {
            pow_polar(x, y)
        };
        let p = p.ok_or_else(|| PyErr::zero_division("0.0 to a negative or complex power"))?;
        if p.real.is_infinite() || p.imag.is_infinite() {
            return Err(PyErr::overflow_error("complex exponentiation"));
        }
        Ok(p)
    })
}

fn complex_neg<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    let c = complex_value(slot_self(a));
    new_complex(heap, -c.real, -c.imag)
}

fn complex_pos<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    // SAFETY: `a` is a live object of `heap` (the slot's caller holds it).
    Ok(unsafe { Obj::from_borrowed(heap, a) })
}

/// `abs()` (`_Py_c_abs`): infinite if a part is, NaN if a part is, else `hypot`.
fn complex_abs<'h>(heap: &'h Heap, a: &PyObject) -> PyResult<Obj<'h>> {
    let c = complex_value(slot_self(a));
    let r = if c.real.is_infinite() || c.imag.is_infinite() {
        f64::INFINITY
    } else if c.real.is_nan() || c.imag.is_nan() {
        f64::NAN
    } else {
        let h = c.real.hypot(c.imag);
        if h.is_infinite() {
            return Err(PyErr::overflow_error("absolute value too large"));
        }
        h
    };
    new_float(heap, r)
}

fn complex_bool(o: &PyObject) -> bool {
    let c = complex_value(slot_self(o));
    c.real != 0.0 || c.imag != 0.0
}

/// Only `==` and `!=` (`complex_richcompare`); ints compare through float's exact rules.
fn complex_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let Some(a) = Complex::cast(a) else {
        return Ok(None);
    };
    let c = complex_value(a);
    let equal = if Int::cast(b).is_some() {
        if c.imag != 0.0 {
            false
        } else {
            let real = new_float(heap, c.real)?;
            return crate::abstract_::compare(heap, real.object(), b, op).map(Some);
        }
    } else if let Some(x) = Float::cast(b) {
        c.real == float_value(x) && c.imag == 0.0
    } else if let Some(y) = Complex::cast(b) {
        c == complex_value(y)
    } else {
        return Ok(None);
    };
    Ok(Some(long::new_bool(heap, equal == (op == CompareOp::Eq))))
}

static COMPLEX_NUMBER: NumberSlots = NumberSlots {
    add: Some(complex_add),
    subtract: Some(complex_sub),
    multiply: Some(complex_mul),
    true_divide: Some(complex_div),
    power: Some(complex_pow),
    negative: Some(complex_neg),
    positive: Some(complex_pos),
    absolute: Some(complex_abs),
    bool: Some(complex_bool),
    ..EMPTY_NUMBER_SLOTS
};

fn complex_real<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    new_float(heap, complex_value(slot_self(o)).real)
}

fn complex_imag<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    new_float(heap, complex_value(slot_self(o)).imag)
}

static COMPLEX_MEMBERS: [Member; 2] = [
    Member {
        name: "real",
        get: complex_real,
    },
    Member {
        name: "imag",
        get: complex_imag,
    },
];

pub(crate) static COMPLEX_SLOTS: Slots = Slots {
    dealloc: complex_dealloc,
    sizeof: None,
    repr: complex_repr,
    str: None,
    hash: Some(complex_hash_slot),
    richcompare: Some(complex_richcompare),
    number: Some(&COMPLEX_NUMBER),
    sequence: None,
    traverse: None,
    clear: None,
    members: &COMPLEX_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `complex`.
pub static COMPLEX_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "complex",
        basicsize: 32,
        itemsize: 0,
        flags: TypeFlags::BASETYPE,
        base: Some(&OBJECT_TYPE),
        slots: &COMPLEX_SLOTS,
    },
);
