//! [`LongError`]: why an `int` operation failed, with CPython 3.12's exception classes and
//! messages (`Objects/longobject.c`).

use std::fmt;

pub(super) const DIVISION_BY_ZERO: &str = "integer division or modulo by zero";
pub(super) const MODULO_BY_ZERO: &str = "integer modulo by zero";
pub(super) const NOT_INVERTIBLE: &str = "base is not invertible for the given modulus";
pub(super) const POW_MODULUS_ZERO: &str = "pow() 3rd argument cannot be 0";
pub(super) const NEGATIVE_SHIFT: &str = "negative shift count";
pub(super) const TOO_MANY_DIGITS: &str = "too many digits in integer";

/// Why an `int` operation failed, with CPython 3.12's exception message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LongError {
    /// `ZeroDivisionError` with its message.
    ZeroDivision(&'static str),
    /// Two-argument `pow` with a negative exponent. Not an error in Python: the object
    /// layer computes the result as a float instead (`long_pow` delegates to `float_pow`).
    NegativeExponent,
    /// `OverflowError` with its message.
    Overflow(String),
    /// `ValueError` with its message.
    Value(String),
    /// `MemoryError` (CPython raises it with an empty message): the result cannot be
    /// allocated, e.g. `1 << 2**62` or `2 ** 2**64`.
    Memory,
}

impl LongError {
    /// The Python exception class name, or `None` for [`LongError::NegativeExponent`],
    /// which is a request for float arithmetic rather than an exception.
    pub fn exception_name(&self) -> Option<&'static str> {
        match self {
            LongError::ZeroDivision(_) => Some("ZeroDivisionError"),
            LongError::NegativeExponent => None,
            LongError::Overflow(_) => Some("OverflowError"),
            LongError::Value(_) => Some("ValueError"),
            LongError::Memory => Some("MemoryError"),
        }
    }

    /// The exception message, exactly as `str(exc)` prints it in CPython 3.12.
    pub fn message(&self) -> &str {
        match self {
            LongError::ZeroDivision(m) => m,
            LongError::NegativeExponent => "negative exponent: the result is a float",
            LongError::Overflow(m) | LongError::Value(m) => m,
            LongError::Memory => "",
        }
    }
}

impl fmt::Display for LongError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.exception_name(), self.message()) {
            (Some(name), "") => f.write_str(name),
            (Some(name), msg) => write!(f, "{name}: {msg}"),
            (None, msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for LongError {}

pub(super) fn to_str_limit_error(limit: usize) -> LongError {
    LongError::Value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

pub(super) fn to_int_limit_error(limit: usize, digits: usize) -> LongError {
    LongError::Value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}
