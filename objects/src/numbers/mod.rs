//! The number built-ins that are more than one operator slot: `round()`, `divmod()`,
//! three-argument `pow()` and `sum()` (`builtin_round_impl`, `builtin_divmod_impl`,
//! `builtin_pow_impl` and `builtin_sum_impl` in `Python/bltinmodule.c`, with
//! `ternary_op` of `Objects/abstract.c`), and the argument conversions they share with the
//! `math` functions (`PyNumber_Index`, `PyNumber_AsSsize_t`, `PyFloat_AsDouble`).
//!
//! The functions here know the built-in number types (`int`, `bool`, `float`, `complex` and
//! their subclasses, which share their slots). A class defined in Python with its own
//! `__round__`, `__pow__` or `__index__` is the interpreter's to dispatch first: the object
//! layer cannot look up or call Python methods. For the rest these functions give CPython's
//! results and exact messages.
//!
//! | function | CPython |
//! |---|---|
//! | [`round`] | `round(number, ndigits=None)`: `int.__round__`, `float.__round__` |
//! | [`divmod`] | `divmod(a, b)`: `nb_divmod` |
//! | [`power`] | `pow(base, exp, mod=None)`: `PyNumber_Power` / `ternary_op` |
//! | [`sum`], [`Summation`] | `sum(iterable, /, start=0)`: int, then float (Neumaier), then generic |

mod power;
mod round;
mod sum;

pub use power::{divmod, power, slot_power};
pub use round::{float_round_object, int_round, round};
pub use sum::{Summation, sum, sum_with};

use crate::error::{PyErr, PyResult};
use crate::long_digits::LongValue;
use crate::object::PyObject;
use crate::types::float::{Float, float_value};
use crate::types::long::{Int, long_error, long_value};

/// Whether `o` is `None`.
pub fn is_none(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), crate::types::NONE_TYPE.get())
}

/// `PyNumber_Index(o)` for the built-in types: the value of an int (or bool).
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub fn index_value(o: &PyObject) -> PyResult<LongValue> {
    if let Some(r) = user_index_value(o) {
        return r;
    }
    match Int::cast(o) {
        Some(i) => Ok(long_value(i)),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.ob_type().name()
        ))),
    }
}

/// `PyNumber_Index(o)` for an instance of a script's class with `__index__` (through the
/// running interpreter's hooks); `None` for any other object.
///
/// # Errors
/// What `__index__` raises; `TypeError: __index__ returned non-int (type str)`.
pub fn user_index_value(o: &PyObject) -> Option<PyResult<LongValue>> {
    if !crate::types::slot_defs::has_user_slots(o.ob_type()) {
        return None;
    }
    crate::heap::with_current_hooks(|h| h.index_value(o)).flatten()
}

/// `PyNumber_AsSsize_t(o, NULL)`: an index clipped to the `Py_ssize_t` range (how
/// `float.__round__` reads `ndigits`).
///
/// # Errors
/// As [`index_value`].
pub fn index_clipped(o: &PyObject) -> PyResult<i64> {
    let v = index_value(o)?;
    Ok(v.to_i64()
        .unwrap_or(if v.is_negative() { i64::MIN } else { i64::MAX }))
}

/// `PyFloat_AsDouble(o)` for the built-in types: a float's value, an int converted with
/// correct rounding.
///
/// # Errors
/// `TypeError: must be real number, not str`, `OverflowError: int too large to convert to
/// float`.
pub fn as_double(o: &PyObject) -> PyResult<f64> {
    if let Some(x) = Float::cast(o) {
        return Ok(float_value(x));
    }
    if let Some(i) = Int::cast(o) {
        return long_value(i).to_f64().map_err(long_error);
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        o.ob_type().name()
    )))
}
