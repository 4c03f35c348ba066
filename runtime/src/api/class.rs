//! Classes through the public API: `py.class(...)`, `py.slots_class(...)`,
//! `py.namedtuple(...)`, `py.record_class(...)` and calling them (see
//! `pyrt_objects::types::class` and `pyrt_objects::types::record`).

use pyrt_objects::PyResult;
use pyrt_objects::types::{class, record};

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

    /// `collections.namedtuple(name, fields)`, defined in `__main__`: a tuple subclass whose
    /// instances read their items by field name.
    ///
    /// # Errors
    /// `ValueError: Type names and field names must be valid identifiers: '1x'`, or for a
    /// field starting with an underscore or repeated; `MemoryError`.
    ///
    /// # Example
    /// ```
    /// use pyrt::PyTuple;
    /// pyrt::Runtime::new().with(|py| {
    ///     let point = py.namedtuple("Point", &["x", "y"]).unwrap();
    ///     let p = point.call([py.int(3).unwrap(), py.int(4).unwrap()]).unwrap();
    ///     assert_eq!((p.repr().unwrap().as_str(), p.getsizeof()), ("Point(x=3, y=4)", 56));
    ///     assert_eq!(p.getattr("y").unwrap().repr().unwrap(), "4");
    ///     let t = py.tuple([py.int(3).unwrap(), py.int(4).unwrap()]).unwrap();
    ///     assert!(p.rich_compare_bool(&t, pyrt::CompareOp::Eq).unwrap());
    ///     assert!(p.cast::<PyTuple>().is_ok(), "a namedtuple is a tuple");
    /// });
    /// ```
    pub fn namedtuple(self, name: &str, fields: &[&str]) -> PyResult<Bound<'py, PyType>> {
        record::new_namedtuple_class(self.heap(), name, "__main__", fields).map(Bound::from_obj)
    }

    /// A record class with `fields`, like the `recordclass` package's: mutable fields in a
    /// variable-size object without a GC header, so three fields take 48 bytes.
    ///
    /// # Errors
    /// As [`Python::namedtuple`].
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let point = py.record_class("Point", &["x", "y", "z"]).unwrap();
    ///     let p = point.call([1, 2, 3].map(|v| py.int(v).unwrap())).unwrap();
    ///     assert_eq!((p.repr().unwrap().as_str(), p.getsizeof()), ("Point(x=1, y=2, z=3)", 48));
    ///     p.setattr("z", &py.int(30).unwrap()).unwrap();
    ///     assert_eq!(p.getattr("z").unwrap().repr().unwrap(), "30");
    ///     assert_eq!(p.hash().unwrap_err().to_string(), "TypeError: unhashable type: 'Point'");
    /// });
    /// ```
    pub fn record_class(self, name: &str, fields: &[&str]) -> PyResult<Bound<'py, PyType>> {
        record::new_record_class(self.heap(), name, "__main__", fields).map(Bound::from_obj)
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
        let cls = class::as_class(self.as_object())?;
        class::new_instance(self.py().heap(), cls).map(Bound::from_obj)
    }

    /// `cls(*args)`: a record of a namedtuple or record class (one value per field), or an
    /// instance of a class (which takes no arguments: there is no `__init__` yet).
    ///
    /// # Errors
    /// `TypeError: Point.__new__() missing 1 required positional argument: 'y'`,
    /// `TypeError: C() takes no arguments`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let point = py.namedtuple("Point", &["x", "y"]).unwrap();
    ///     assert_eq!(point.call([py.int(1).unwrap()]).unwrap_err().to_string(),
    ///                "TypeError: Point.__new__() missing 1 required positional argument: 'y'");
    ///     let c = py.class("C").unwrap();
    ///     assert_eq!(c.call([py.int(1).unwrap()]).unwrap_err().to_string(),
    ///                "TypeError: C() takes no arguments");
    /// });
    /// ```
    pub fn call<T>(
        &self,
        args: impl IntoIterator<Item = Bound<'py, T>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let args = args.into_iter().map(Bound::into_obj).collect();
        let cls = class::as_class(self.as_object())?;
        class::call(self.py().heap(), cls, args).map(Bound::from_obj)
    }
}
