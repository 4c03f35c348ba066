//! [`FromPyObject`]: converting objects to Rust values, as PyO3's `extract`.

use pyrt_objects::types::{float, long};
use pyrt_objects::{PyErr, PyResult};

use super::bound::Bound;

/// A Rust type that an object can be converted to.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     assert_eq!(py.int(7).unwrap().extract::<f64>().unwrap(), 7.0);
///     assert!(py.bool(true).extract::<bool>().unwrap());
///     let big = py.int(2).unwrap().pow(&py.int(64).unwrap()).unwrap();
///     assert_eq!(big.extract::<i64>().unwrap_err().to_string(),
///                "OverflowError: Python int too large to convert to C long");
///     assert_eq!(py.float(1.5).unwrap().extract::<i64>().unwrap_err().to_string(),
///                "TypeError: 'float' object cannot be interpreted as an integer");
/// });
/// ```
pub trait FromPyObject: Sized {
    /// Converts `obj`.
    ///
    /// # Errors
    /// `TypeError` for an object of the wrong type, `OverflowError` for a value out of range.
    fn extract<T>(obj: &Bound<'_, T>) -> PyResult<Self>;
}

impl FromPyObject for i64 {
    /// An int (or bool) that fits in 64 bits, like `PyLong_AsLong`.
    fn extract<T>(obj: &Bound<'_, T>) -> PyResult<i64> {
        let o = obj.as_object();
        let Some(o) = long::Int::cast(o) else {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.ob_type().name()
            )));
        };
        long::as_i64(o)
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
    }
}

impl FromPyObject for f64 {
    /// A float, or an int converted as `float(n)` (`PyFloat_AsDouble`).
    fn extract<T>(obj: &Bound<'_, T>) -> PyResult<f64> {
        let o = obj.as_object();
        if let Some(x) = float::Float::cast(o) {
            return Ok(float::float_value(x));
        }
        if let Some(i) = long::Int::cast(o) {
            return long::long_value(i).to_f64().map_err(long::long_error);
        }
        Err(PyErr::type_error(format!(
            "must be real number, not {}",
            o.ob_type().name()
        )))
    }
}

impl FromPyObject for bool {
    /// Only `True` and `False` (as PyO3 does); use [`Bound::is_truthy`] for truth values.
    fn extract<T>(obj: &Bound<'_, T>) -> PyResult<bool> {
        let o = obj.as_object();
        if let Some(b) = long::Int::cast(o)
            .filter(|_| core::ptr::eq(o.ob_type(), pyrt_objects::types::BOOL_TYPE.get()))
        {
            return Ok(long::ndigits(b) != 0);
        }
        Err(PyErr::type_error(format!(
            "'{}' object cannot be converted to 'bool'",
            o.ob_type().name()
        )))
    }
}
