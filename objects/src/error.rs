//! Python exceptions as Rust values: [`PyErr`] carries the exception type and message that
//! CPython would raise (`TypeError: unsupported operand type(s) for +: 'int' and 'str'`).

use thiserror::Error;

use crate::raised::RaisedRef;

/// The built-in exception types pyrt raises, with CPython's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `TypeError`
    TypeError,
    /// `ValueError`
    ValueError,
    /// `ZeroDivisionError`
    ZeroDivisionError,
    /// `OverflowError`
    OverflowError,
    /// `MemoryError`
    MemoryError,
    /// `IndexError`
    IndexError,
    /// `KeyError`
    KeyError,
    /// `AttributeError`
    AttributeError,
    /// `RuntimeError`
    RuntimeError,
    /// `RecursionError`
    RecursionError,
    /// `SystemError`: an internal inconsistency (a bug in pyrt).
    SystemError,
    /// `StopIteration`
    StopIteration,
    /// `NameError`
    NameError,
    /// `AssertionError`
    AssertionError,
    /// `NotImplementedError`
    NotImplementedError,
    /// `ImportError`
    ImportError,
    /// `BufferError`
    BufferError,
    /// Another exception class (a script's own, or one without a variant here): the error
    /// carries the object, whose class says what it is.
    Other,
}

impl ExcKind {
    /// The exception's name as Python prints it.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::TypeError => "TypeError",
            ExcKind::ValueError => "ValueError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::IndexError => "IndexError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::KeyError => "KeyError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::RecursionError => "RecursionError",
            ExcKind::SystemError => "SystemError",
            ExcKind::StopIteration => "StopIteration",
            ExcKind::NameError => "NameError",
            ExcKind::AssertionError => "AssertionError",
            ExcKind::NotImplementedError => "NotImplementedError",
            ExcKind::ImportError => "ImportError",
            ExcKind::BufferError => "BufferError",
            ExcKind::Other => "Exception",
        }
    }
}

/// A raised Python exception.
///
/// # Example
/// ```
/// use pyrt_objects::{ExcKind, PyErr};
/// let e = PyErr::new(ExcKind::ZeroDivisionError, "division by zero");
/// assert_eq!(e.to_string(), "ZeroDivisionError: division by zero");
/// ```
///
/// An error may also carry an exception object raised by Python code that ran inside the
/// object layer ([`Heap::raise_object`](crate::Heap::raise_object)); its kind and message then
/// describe that object, and whoever handles the error gets the object itself back with
/// [`Heap::raised_object`](crate::Heap::raised_object).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{}", self.render())]
pub struct PyErr {
    kind: ExcKind,
    message: String,
    raised: Option<RaisedRef>,
    detail: Option<Box<ExcDetail>>,
}

/// A built-in class finer than [`ExcKind`] for an error of the object layer, with the
/// arguments its exception object is made with (`types::exceptions::exception_from_pyerr`).
///
/// The kind stays the nearest class callers already know (`ValueError` for a
/// `UnicodeDecodeError`), so code that only looks at kinds keeps working; the exception
/// object made from the error has the exact class and fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExcDetail {
    /// `LookupError(message)` (`unknown encoding: bogus`).
    LookupError,
    /// `UnicodeDecodeError(encoding, object, start, end, reason)`.
    UnicodeDecodeError {
        /// The codec's name.
        encoding: String,
        /// The bytes being decoded.
        object: Vec<u8>,
        /// The first bad byte.
        start: usize,
        /// One past the last bad byte.
        end: usize,
        /// Why (`invalid start byte`).
        reason: String,
    },
    /// `UnicodeEncodeError(encoding, object, start, end, reason)`.
    UnicodeEncodeError {
        /// The codec's name.
        encoding: String,
        /// The text being encoded.
        object: String,
        /// The first bad character.
        start: usize,
        /// One past the last bad character.
        end: usize,
        /// Why (`ordinal not in range(128)`).
        reason: String,
    },
}

impl ExcDetail {
    /// The class's name.
    pub fn name(&self) -> &'static str {
        match self {
            ExcDetail::LookupError => "LookupError",
            ExcDetail::UnicodeDecodeError { .. } => "UnicodeDecodeError",
            ExcDetail::UnicodeEncodeError { .. } => "UnicodeEncodeError",
        }
    }
}

impl PyErr {
    /// An exception of `kind` with `message` (its `str()`).
    pub fn new(kind: ExcKind, message: impl Into<String>) -> PyErr {
        PyErr {
            kind,
            message: message.into(),
            raised: None,
            detail: None,
        }
    }

    /// The same error, made of the finer class `detail` (see [`ExcDetail`]).
    pub fn with_detail(self, detail: ExcDetail) -> PyErr {
        PyErr {
            detail: Some(Box::new(detail)),
            ..self
        }
    }

    /// The finer class of the error, if it has one.
    pub fn detail(&self) -> Option<&ExcDetail> {
        self.detail.as_deref()
    }

    pub(crate) fn with_raised(self, raised: RaisedRef) -> PyErr {
        PyErr {
            raised: Some(raised),
            ..self
        }
    }

    pub(crate) fn raised(&self) -> Option<&RaisedRef> {
        self.raised.as_ref()
    }

    /// Whether the error carries an exception object (see
    /// [`Heap::raised_object`](crate::Heap::raised_object)).
    pub fn carries_object(&self) -> bool {
        self.raised.is_some()
    }

    /// The exception type.
    pub fn kind(&self) -> ExcKind {
        self.kind
    }

    /// The message (`str(exc)`).
    pub fn message(&self) -> &str {
        &self.message
    }

    fn render(&self) -> String {
        let name = self.detail().map_or(self.kind.name(), ExcDetail::name);
        if self.message.is_empty() {
            name.to_string()
        } else {
            format!("{name}: {}", self.message)
        }
    }

    /// `TypeError: f() missing 2 required positional arguments: 'a' and 'b'` for the
    /// parameters `missing` of the callable `func` (CPython's `missing_arguments`).
    pub fn missing_arguments(func: &str, missing: &[String]) -> PyErr {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        };
        let plural = if missing.len() == 1 { "" } else { "s" };
        PyErr::type_error(format!(
            "{func}() missing {} required positional argument{plural}: {list}",
            missing.len()
        ))
    }

    /// `TypeError(message)`.
    pub fn type_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, message)
    }

    /// `ValueError(message)`.
    pub fn value_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, message)
    }

    /// `OverflowError(message)`.
    pub fn overflow_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, message)
    }

    /// `ZeroDivisionError(message)`.
    pub fn zero_division(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, message)
    }

    /// `MemoryError()`, for an allocation that failed: like CPython's, it has no message.
    #[cold]
    #[inline(never)]
    pub fn memory_error() -> PyErr {
        PyErr::new(ExcKind::MemoryError, "")
    }
}

/// The result of an operation that may raise.
pub type PyResult<T> = Result<T, PyErr>;
