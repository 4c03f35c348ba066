//! `round(number, ndigits=None)` (`builtin_round_impl`): the type's `__round__`, which for
//! the built-in types is `int.__round__` (`int___round___impl`, rounding to a multiple of
//! `10**-ndigits` half to even with `_PyLong_DivmodNear`) or `float.__round__`
//! (`float___round___impl` and `double_round`, correctly rounded through dtoa mode 3).

use crate::error::{PyErr, PyResult};
use crate::float_repr;
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::float::{Float, float_value, new_float};
use crate::types::long::{Int, long_error, long_value, new_int};
use crate::types::long_methods::exact_int;

use super::{index_clipped, index_value, is_none};

/// `round(number)` (`ndigits` `None`, or the `None` object) and `round(number, ndigits)` for
/// the built-in number types.
///
/// A class defined in Python with its own `__round__` must be dispatched by the caller
/// before this (CPython looks `__round__` up on the type).
///
/// # Errors
/// `TypeError: type str doesn't define __round__ method`, and what the type's `__round__`
/// raises (see [`int_round`] and [`float_round_object`]).
pub fn round<'h>(
    heap: &'h Heap,
    number: &PyObject,
    ndigits: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let ndigits = ndigits.filter(|o| !is_none(o));
    if let Some(n) = Int::cast(number) {
        return int_round(heap, n, ndigits);
    }
    if let Some(x) = Float::cast(number) {
        return float_round_object(heap, x, ndigits);
    }
    Err(PyErr::type_error(format!(
        "type {} doesn't define __round__ method",
        number.ob_type().name()
    )))
}

/// `int.__round__(ndigits=None)`: the int itself without `ndigits` or with `ndigits >= 0`,
/// else the nearest multiple of `10**-ndigits`, ties to the even multiple.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer` for `ndigits`;
/// `MemoryError` when `10**-ndigits` cannot be made.
pub fn int_round<'h>(heap: &'h Heap, n: &Int, ndigits: Option<&PyObject>) -> PyResult<Obj<'h>> {
    let Some(ndigits) = ndigits.filter(|o| !is_none(o)) else {
        return exact_int(heap, n);
    };
    let nd = index_value(ndigits)?;
    if !nd.is_negative() {
        return exact_int(heap, n);
    }
    let value = long_value(n);
    let ten_pow = LongValue::from_i64(10).pow(&nd.neg()).map_err(long_error)?;
    let rem = divmod_near_remainder(&value, &ten_pow)?;
    new_int(heap, &value.sub(&rem))
}

/// The remainder of `_PyLong_DivmodNear(a, b)` for `b > 0`: `a - q*b` where `q` is the
/// integer nearest `a / b`, the even one on a tie.
fn divmod_near_remainder(a: &LongValue, b: &LongValue) -> PyResult<LongValue> {
    let (q, r) = a.divmod(b).map_err(long_error)?;
    let twice = r.add(&r);
    let q_odd = q.digits().first().is_some_and(|d| d & 1 == 1);
    Ok(match twice.cmp(b) {
        core::cmp::Ordering::Greater => r.sub(b),
        core::cmp::Ordering::Equal if q_odd => r.sub(b),
        _ => r,
    })
}

/// `float.__round__(ndigits=None)`: without `ndigits` the nearest int (ties to even); with
/// it a float correctly rounded to `ndigits` decimal places (`ndigits` clipped to the
/// `Py_ssize_t` range, as `PyNumber_AsSsize_t(o, NULL)` clips it).
///
/// # Errors
/// `OverflowError: cannot convert float infinity to integer`, `ValueError: cannot convert
/// float NaN to integer`, `OverflowError: rounded value too large to represent`, and the
/// `TypeError` of a non-integer `ndigits`.
pub fn float_round_object<'h>(
    heap: &'h Heap,
    x: &Float,
    ndigits: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let x = float_value(x);
    let Some(ndigits) = ndigits.filter(|o| !is_none(o)) else {
        let r = float_repr::float_round(x, None).map_err(float_round_error)?;
        return crate::types::long::new_int_from_word_value(
            heap,
            &LongValue::from_f64(r).map_err(long_error)?,
        );
    };
    let n = index_clipped(ndigits)?;
    let r = float_repr::float_round(x, Some(n)).map_err(float_round_error)?;
    new_float(heap, r)
}

/// The exception of a [`float_repr::float_round`] message.
fn float_round_error(message: String) -> PyErr {
    if message.contains("NaN") {
        PyErr::value_error(message)
    } else {
        PyErr::overflow_error(message)
    }
}
