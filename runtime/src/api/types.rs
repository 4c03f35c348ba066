//! Marker types for typed views of objects, as PyO3's `PyInt`, `PyFloat`, …: a
//! `Bound<'py, PyInt>` is known to be an int.

use pyrt_objects::PyObject;
use pyrt_objects::types::{bytes, complex, dict, float, list, long, set, tuple, unicode, weakref};

/// A Python type that a [`crate::Bound`] can be cast to.
///
/// # Example
/// ```
/// use pyrt::{PyInt, PyStr, PyTypeInfo};
/// assert_eq!(PyStr::NAME, "str");
/// pyrt::Runtime::new().with(|py| {
///     let b = py.bool(false).into_any();
///     assert!(b.cast::<PyInt>().is_ok(), "bool is a subclass of int");
/// });
/// ```
pub trait PyTypeInfo {
    /// The Python name of the type, for error messages.
    const NAME: &'static str;

    /// Whether `obj` is an instance of the type (subclasses included).
    fn is_type_of(obj: &PyObject) -> bool;
}

macro_rules! marker {
    ($(#[$doc:meta])* $name:ident, $py:literal, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name(());

        impl PyTypeInfo for $name {
            const NAME: &'static str = $py;

            fn is_type_of(obj: &PyObject) -> bool {
                let check: fn(&PyObject) -> bool = $check;
                check(obj)
            }
        }
    };
}

marker!(
    /// Any object.
    PyAny, "object", |_| true
);
marker!(
    /// `int` (and `bool`, its subclass).
    PyInt, "int", long::is_int
);
marker!(
    /// `bool`.
    PyBool, "bool", |o| core::ptr::eq(o.ob_type(), pyrt_objects::types::BOOL_TYPE.get())
);
marker!(
    /// `float`.
    PyFloat, "float", float::is_float
);
marker!(
    /// `complex`.
    PyComplex, "complex", complex::is_complex
);
marker!(
    /// `NoneType`.
    PyNone, "NoneType", |o| core::ptr::eq(o.ob_type(), pyrt_objects::types::NONE_TYPE.get())
);
marker!(
    /// `tuple`.
    PyTuple, "tuple", tuple::is_tuple
);
marker!(
    /// `str`.
    PyStr, "str", unicode::is_str
);
marker!(
    /// `bytes`.
    PyBytes, "bytes", bytes::is_bytes
);
marker!(
    /// `list`.
    PyList, "list", list::is_list
);
marker!(
    /// `dict`.
    PyDict, "dict", dict::is_dict
);
marker!(
    /// `set`.
    PySet, "set", set::is_set
);
marker!(
    /// `frozenset`.
    PyFrozenSet, "frozenset", set::is_frozenset
);
marker!(
    /// `type`: classes and built-in types.
    PyType, "type", |o| o.ob_type().flags().contains(pyrt_objects::typeobj::TypeFlags::TYPE_SUBCLASS)
);
marker!(
    /// `weakref.ReferenceType` (`weakref.ref`).
    PyWeakref, "weakref.ReferenceType", pyrt_objects::types::weakref::is_weakref
);

/// A marker whose objects have a typed view in the object layer (`PyList` → `List`), which
/// the object layer's functions of that type take.
pub trait HasView: PyTypeInfo {
    /// The object layer's view.
    type View: pyrt_objects::View;
}

impl HasView for PyList {
    type View = list::List;
}

impl HasView for PyDict {
    type View = dict::Dict;
}

impl HasView for PyTuple {
    type View = tuple::Tuple;
}

impl HasView for PySet {
    type View = set::Set;
}

impl HasView for PyWeakref {
    type View = weakref::Weakref;
}

impl HasView for PyFrozenSet {
    type View = set::AnySet;
}

impl HasView for PyInt {
    type View = long::Int;
}

impl HasView for PyBool {
    type View = long::Int;
}

impl HasView for PyFloat {
    type View = float::Float;
}

impl HasView for PyComplex {
    type View = complex::Complex;
}

impl HasView for PyStr {
    type View = unicode::Str;
}

impl HasView for PyBytes {
    type View = bytes::Bytes;
}
