//! The methods of `float` (`float_methods` in `Objects/floatobject.c`, with the argument
//! handling of `Objects/clinic/floatobject.c.h`) that pyrt does exactly: declared once here,
//! called by the interpreter for `x.is_integer()` and bound methods alike. The semantic
//! functions are public for the Rust API.

use crate::error::{PyErr, PyResult};
use crate::float_repr;
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::methods::{Bound, MethodDef, MethodTable, Params};
use crate::obj::Obj;
use crate::types::float::{self, Float, float_value, new_float};
use crate::types::long::{long_error, new_bool, new_int};
use crate::types::tuple;
use crate::view::View;

/// `float`'s methods, in CPython's order. `fromhex` is a classmethod: called on an instance
/// here; on the class `float` itself, call [`fromhex`].
pub static FLOAT_METHODS: MethodTable<Float> = MethodTable {
    type_name: "float",
    methods: &[
        MethodDef {
            name: "conjugate",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "as_integer_ratio",
            params: Params::NoArgs,
            call: as_integer_ratio,
        },
        MethodDef {
            name: "is_integer",
            params: Params::NoArgs,
            call: call_is_integer,
        },
        MethodDef {
            name: "__trunc__",
            params: Params::NoArgs,
            call: trunc,
        },
        MethodDef {
            name: "__floor__",
            params: Params::NoArgs,
            call: floor,
        },
        MethodDef {
            name: "__ceil__",
            params: Params::NoArgs,
            call: ceil,
        },
        MethodDef {
            name: "__round__",
            params: Params::Positional { min: 0, max: 1 },
            call: round,
        },
        MethodDef {
            name: "hex",
            params: Params::NoArgs,
            call: hex,
        },
        MethodDef {
            name: "fromhex",
            params: Params::One,
            call: fromhex_method,
        },
        MethodDef {
            name: "__getnewargs__",
            params: Params::NoArgs,
            call: getnewargs,
        },
        MethodDef {
            name: "__format__",
            params: Params::One,
            call: |heap, x, args| super::long_methods::format_number(heap, x.as_object(), args),
        },
    ],
};

/// `float___getnewargs___impl`: `(float(self),)`.
fn getnewargs<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    tuple::new_tuple(heap, vec![new_float(heap, float_value(x))?])
}

/// `x.is_integer()`: finite with no fractional part.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// `x.as_integer_ratio()`: the numerator and positive denominator in lowest terms (the
/// denominator a power of two), exactly.
///
/// # Errors
/// `OverflowError: cannot convert Infinity to integer ratio`, `ValueError: cannot convert NaN
/// to integer ratio`.
pub fn integer_ratio(x: f64) -> PyResult<(LongValue, LongValue)> {
    if x.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((LongValue::zero(), LongValue::one()));
    }
    // |x| = mantissa * 2**exp, the mantissa odd or the exponent not negative.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (mut mantissa, mut exp) = if biased == 0 {
        (bits & ((1 << 52) - 1), -1074)
    } else {
        ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075)
    };
    if exp < 0 {
        let shift = i64::from(mantissa.trailing_zeros()).min(-exp);
        mantissa >>= shift;
        exp += shift;
    }
    let shifted =
        |v: LongValue, by: i64| v.shl(&LongValue::from_i64(by.max(0))).map_err(long_error);
    let numerator = shifted(LongValue::from_u64(mantissa), exp)?;
    let numerator = if x < 0.0 { numerator.neg() } else { numerator };
    Ok((numerator, shifted(LongValue::one(), -exp)?))
}

/// `float_float`: `x` itself when it is an exact `float`, else an exact `float` of its value.
fn conjugate<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let o = x.as_object();
    if core::ptr::eq(o.ob_type(), float::FLOAT_TYPE.get()) {
        // SAFETY: the caller holds `x`, an object of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    new_float(heap, float_value(x))
}

fn as_integer_ratio<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let (n, d) = integer_ratio(float_value(x))?;
    tuple::new_tuple(heap, vec![new_int(heap, &n)?, new_int(heap, &d)?])
}

fn call_is_integer<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(new_bool(heap, self::is_integer(float_value(x))))
}

/// `PyLong_FromDouble(f(x))`: an int of an integral float.
fn integral<'h>(heap: &'h Heap, x: f64) -> PyResult<Obj<'h>> {
    crate::types::long::new_int_from_word_value(heap, &LongValue::from_f64(x).map_err(long_error)?)
}

/// `x.__trunc__()` (`int(x)`).
fn trunc<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    integral(heap, float_value(x))
}

/// `x.__floor__()` (`math.floor(x)`).
fn floor<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    integral(heap, float_value(x).floor())
}

/// `x.__ceil__()` (`math.ceil(x)`).
fn ceil<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    integral(heap, float_value(x).ceil())
}

/// `x.__round__(ndigits=None)`.
fn round<'h>(heap: &'h Heap, x: &Float, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::numbers::float_round_object(heap, x, crate::methods::opt(args, 0).map(Obj::object))
}

/// `x.hex()`.
fn hex<'h>(heap: &'h Heap, x: &Float, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::unicode::new_str(heap, &float_repr::float_hex(float_value(x)))
}

fn fromhex_method<'h>(heap: &'h Heap, _: &Float, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    fromhex(heap, crate::methods::arg(args, 0)?.object())
}

/// `float.fromhex(string)` (a classmethod; the result is an exact `float`).
///
/// # Errors
/// `TypeError: bad argument type for built-in operation` for a non-str, `ValueError: invalid
/// hexadecimal floating-point string`, `OverflowError: hexadecimal value too large to
/// represent as a float`.
pub fn fromhex<'h>(heap: &'h Heap, string: &crate::object::PyObject) -> PyResult<Obj<'h>> {
    let Some(s) = crate::types::unicode::Str::cast(string) else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    match float_repr::float_fromhex(&crate::types::unicode::str_value(s)) {
        Ok(v) => new_float(heap, v),
        Err(e @ float_repr::FromHexError::Overflow) => Err(PyErr::overflow_error(e.message())),
        Err(e) => Err(PyErr::value_error(e.message())),
    }
}
