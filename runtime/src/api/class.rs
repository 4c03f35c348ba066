//! Classes through the public API: `py.class(...)`, `py.slots_class(...)` and instantiating
//! them (see `pyrt_objects::types::class`).

use pyrt_objects::PyResult;
use pyrt_objects::types::class;

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyType};

impl<'py> Python<'py> {
    /// `class name: pass`, defined in module `__main__`: instances keep their attributes in
    /// CPython 3.12's inline values, with keys shared by all instances of the class.
    ///
    /// # Errors
    /// `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let point = py.class("Point").unwrap();
    ///     assert_eq!(point.getsizeof(), 1704, "920 bytes of class and 768 of shared keys");
    ///     let p = point.call0().unwrap();
    ///     p.setattr("x", &py.int(1).unwrap()).unwrap();
    ///     p.setattr("y", &py.int(2).unwrap()).unwrap();
    ///     let d = p.getattr("__dict__").unwrap();
    ///     assert_eq!((p.getsizeof(), d.repr().unwrap().as_str()), (48, "{'x': 1, 'y': 2}"));
    ///     assert_eq!(d.getsizeof(), 296, "48 + 8 × 29 shared slots + 16");
    /// });
    /// ```
    pub fn class(self, name: &str) -> PyResult<Bound<'py, PyType>> {
        class::new_class(self.heap(), name, "__main__", None).map(Bound::from_obj)
    }

    /// `class name: __slots__ = slots`, defined in module `__main__`. `'__dict__'` and
    /// `'__weakref__'` in `slots` give instances a managed dict and a weakref list.
    ///
    /// # Errors
    /// `TypeError: __slots__ must be identifiers`, `TypeError: __dict__ slot disallowed: we
    /// already got one`, or `MemoryError`.
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
        class::new_class(self.heap(), name, "__main__", Some(slots)).map(Bound::from_obj)
    }
}

impl<'py> Bound<'py, PyType> {
    /// `cls()`: a new instance with every slot unset and no attribute.
    ///
    /// # Errors
    /// `TypeError` for a built-in type (not constructible this way yet), or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let cls = py.slots_class("P", &["x"]).unwrap();
    ///     let p = cls.call0().unwrap();
    ///     assert_eq!((p.type_name(), p.getsizeof()), ("P", 40));
    /// });
    /// ```
    pub fn call0(&self) -> PyResult<Bound<'py, PyAny>> {
        class::new_instance(self.py().heap(), self.as_object()).map(Bound::from_obj)
    }
}
