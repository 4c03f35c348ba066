//! Classes through the public API: `py.slots_class(...)` and instantiating it (see
//! `pyrt_objects::types::class`).

use pyrt_objects::PyResult;
use pyrt_objects::types::class;

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyType};

impl<'py> Python<'py> {
    /// `class name: __slots__ = slots`, defined in module `__main__`.
    ///
    /// # Errors
    /// `TypeError: __slots__ must be identifiers`, or a `TypeError` for `'__dict__'` in
    /// `__slots__` (not supported yet), or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let point = py.slots_class("Point", &["x", "y"]).unwrap();
    ///     assert_eq!((point.repr().unwrap().as_str(), point.getsizeof()), ("<class '__main__.Point'>", 936));
    ///     let p = point.call0().unwrap();
    ///     p.setattr("x", &py.int(1).unwrap()).unwrap();
    ///     assert_eq!((p.getattr("x").unwrap().repr().unwrap().as_str(), p.getsizeof()), ("1", 48));
    ///     assert_eq!(p.setattr("z", &py.int(1).unwrap()).unwrap_err().to_string(),
    ///                "AttributeError: 'Point' object has no attribute 'z'");
    /// });
    /// ```
    pub fn slots_class(self, name: &str, slots: &[&str]) -> PyResult<Bound<'py, PyType>> {
        class::new_slots_class(self.heap(), name, "__main__", slots).map(Bound::from_obj)
    }
}

impl<'py> Bound<'py, PyType> {
    /// `cls()`: a new instance with every slot unset.
    ///
    /// # Errors
    /// `TypeError` for a built-in type (not constructible this way yet), or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let cls = py.slots_class("P", &["x"]).unwrap();
    ///         let p = cls.call0().unwrap();
    ///         assert_eq!((p.type_name(), p.getsizeof()), ("P", 40));
    /// });
    /// ```
    pub fn call0(&self) -> PyResult<Bound<'py, PyAny>> {
        class::new_instance(self.py().heap(), self.as_object()).map(Bound::from_obj)
    }
}
