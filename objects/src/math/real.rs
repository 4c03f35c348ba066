//! The `math` functions of floats (`Modules/mathmodule.c`): the platform libm's results, as
//! CPython gets them, with CPython's error rules.
//!
//! * `math_1` (`sqrt`, `exp`, `sin`, ...): a nan from a non-nan argument is `ValueError: math
//!   domain error`; an infinity from a finite argument is `OverflowError: math range error`
//!   for functions that can overflow (`exp`, `cosh`) and a domain error (a singularity) for
//!   the others (`log(0.0)`).
//! * `math_2` (`atan2`, `copysign`): a nan from non-nan arguments is a domain error, an
//!   infinity from finite ones a range error.
//! * `pow`, `fmod`, `ldexp`, `log` with its `int` path (`loghelper`, exact for ints beyond the
//!   float range), `modf`, `frexp`, `isclose` have rules of their own, transcribed case by
//!   case.
//!
//! Rust's `f64` methods used here (`sqrt`, `exp`, `ln`, `log2`, `log10`, `sin`, ..., `powf`,
//! `%`) call the same C library functions CPython calls (or, for `sqrt`, `floor`, `ceil`
//! and `trunc`, compute the same correctly rounded results).

use crate::error::{PyErr, PyResult};
use crate::float_repr::{frexp_finite, ldexp as scale2};
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::object::PyObject;
use crate::types::long::{Int, long_value};

/// `ValueError: math domain error`.
pub fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

/// `OverflowError: math range error`.
pub fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

/// `math_1`: `f(x)` with CPython's checks of the result.
///
/// # Errors
/// `ValueError: math domain error`, `OverflowError: math range error`.
pub fn apply_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// `math_2`: `f(x, y)` with CPython's checks of the result.
///
/// # Errors
/// `ValueError: math domain error`, `OverflowError: math range error`.
pub fn apply_2(x: f64, y: f64, f: fn(f64, f64) -> f64) -> PyResult<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `m_atan2`: C99's special cases settled before libm's `atan2`.
pub fn atan2(y: f64, x: f64) -> f64 {
    use core::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let angle = if x.is_sign_positive() {
                0.25 * PI
            } else {
                0.75 * PI
            };
            return angle.copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

/// `m_log1p`: `log1p` keeping the sign of a zero.
pub fn log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

/// `math.pow(x, y)` (`math_pow_impl`): IEEE special values settled here, finite ones by
/// libm's `pow`.
///
/// # Errors
/// `ValueError: math domain error` (`0.0 ** -1.0`, `(-8.0) ** (1/3)`), `OverflowError: math
/// range error`.
pub fn pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.fmod(x, y)`: C's `fmod`; a finite `x` over an infinite `y` is `x`.
///
/// # Errors
/// `ValueError: math domain error` for a nan from non-nan arguments (`fmod(x, 0.0)`,
/// `fmod(inf, y)`).
pub fn fmod(x: f64, y: f64) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integral part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let whole = x.trunc();
    ((x - whole).copysign(x), whole)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1`; `(x, 0)` for zeros,
/// infinities and nans.
pub fn frexp(x: f64) -> (f64, i64) {
    if !x.is_finite() || x == 0.0 {
        return (x, 0);
    }
    let (m, e) = frexp_finite(x);
    (m, i64::from(e))
}

/// `math.ldexp(x, i)` with `i` the exponent as `PyLong_AsLongAndOverflow` reads it (clamped
/// to the `long` range, which changes nothing: such exponents overflow or underflow anyway).
///
/// # Errors
/// `OverflowError: math range error`.
pub fn ldexp(x: f64, i: &LongValue) -> PyResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let r = scale2(x, e);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.isclose(a, b, rel_tol, abs_tol)`.
///
/// # Errors
/// `ValueError: tolerances must be non-negative`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.ulp(x)`: the value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = f64::from_bits(x.to_bits() + 1);
    if up.is_infinite() {
        return x - f64::from_bits(x.to_bits() - 1);
    }
    up - x
}

/// `_PyLong_Frexp` for `v > 0`: `(x, e)` with `v ≈ x * 2**e`, `0.5 <= x < 1`, `x` correctly
/// rounded to 53 bits (half to even).
pub fn long_frexp(v: &LongValue) -> (f64, i64) {
    let nbits = v.bit_length() as i64;
    let magnitude = v.abs();
    let (top, sticky) = if nbits <= 55 {
        (magnitude.to_u64().unwrap_or(0) << (55 - nbits), false)
    } else {
        let shift = LongValue::from_i64(nbits - 55);
        let top = magnitude.shr(&shift).unwrap_or_default();
        let back = top.shl(&shift).unwrap_or_default();
        (top.to_u64().unwrap_or(0), back != magnitude)
    };
    let x = scale2((top | u64::from(sticky)) as f64, -55);
    if x == 1.0 {
        (0.5, nbits + 1)
    } else {
        (x, nbits)
    }
}

/// `loghelper(arg, func)`: `func` of an int done exactly enough even beyond the float range
/// (`log(x * 2**e) = log(x) + log(2) * e`), of anything else through `math_1`.
///
/// # Errors
/// `ValueError: math domain error` for ints `<= 0` and as `math_1`; the argument errors of
/// `PyFloat_AsDouble`.
pub fn loghelper(heap: &Heap, arg: &PyObject, func: fn(f64) -> f64) -> PyResult<f64> {
    let Some(i) = Int::cast(arg) else {
        return apply_1(super::as_double_special(heap, arg)?, func, false);
    };
    let v = long_value(i);
    if v.is_negative() || v.is_zero() {
        return Err(domain_error());
    }
    Ok(match v.to_f64() {
        Ok(x) => func(x),
        Err(_) => {
            let (x, e) = long_frexp(&v);
            func(x) + func(2.0) * e as f64
        }
    })
}

/// `math.log(x, base)` (`base` `None`: the natural logarithm).
///
/// # Errors
/// As [`loghelper`], and `ZeroDivisionError: float division by zero` for a base of 1.
pub fn log(heap: &Heap, x: &PyObject, base: Option<&PyObject>) -> PyResult<f64> {
    let num = loghelper(heap, x, f64::ln)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = loghelper(heap, base, f64::ln)?;
    crate::float_repr::float_div(num, den).map_err(PyErr::zero_division)
}
