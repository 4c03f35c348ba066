//! [`Bound`]: an owned, typed handle to an object of a runtime.

use core::fmt;
use core::marker::PhantomData;

use pyrt_objects::abstract_::{self, BinOp, UnOp};
use pyrt_objects::{CompareOp, Obj, PyErr, PyObject, PyResult};

use super::extract::FromPyObject;
use super::python::Python;
use super::types::{HasView, PyAny, PyType, PyTypeInfo};

/// An owned reference to an object, viewed as type `T` (`PyAny` for any object). Cloning
/// increments the refcount; dropping decrements it at once, freeing the object when it was the
/// last reference.
#[repr(transparent)]
pub struct Bound<'py, T = PyAny> {
    obj: Obj<'py>,
    _marker: PhantomData<(fn() -> T, Brand<'py>)>,
}

/// Makes `'py` invariant, so objects of different runtimes cannot be mixed.
type Brand<'py> = fn(&'py ()) -> &'py ();

impl<'py, T> Clone for Bound<'py, T> {
    fn clone(&self) -> Self {
        Bound {
            obj: self.obj.clone(),
            _marker: PhantomData,
        }
    }
}

impl<'py, T> Bound<'py, T> {
    /// Wraps an owned reference. A new handle is the API's safe point: an automatic collection
    /// that an allocation made due runs here (every object is owned by a handle or a
    /// container then).
    pub(crate) fn from_obj(obj: Obj<'py>) -> Self {
        let heap = obj.heap();
        if heap.collection_due() {
            heap.collect_if_due();
        }
        Bound {
            obj,
            _marker: PhantomData,
        }
    }

    pub(crate) fn as_object(&self) -> &PyObject {
        self.obj.object()
    }
}

impl<T: HasView> Bound<'_, T> {
    /// The object as its type's view in the object layer (`Bound<PyList>` → `&List`).
    pub(crate) fn view(&self) -> &T::View {
        debug_assert!(T::is_type_of(self.as_object()));
        // SAFETY: a `Bound<'py, T>` is only made for an object of type `T`: by a checked cast
        // (`cast`, `cast_into`, `extract`) or by a constructor of `T`'s objects.
        unsafe { <T::View as pyrt_objects::View>::cast_unchecked(self.as_object()) }
    }
}

impl<'py, T> Bound<'py, T> {
    /// The token of the runtime this object belongs to.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let x = py.int(5).unwrap();
    ///     assert!(x.py().int(5).unwrap().is(&x));
    /// });
    /// ```
    pub fn py(&self) -> Python<'py> {
        Python::new(self.obj.heap())
    }

    pub(crate) fn into_obj(self) -> Obj<'py> {
        self.obj
    }

    /// `getattr(obj, name)`.
    ///
    /// # Errors
    /// `AttributeError: 'int' object has no attribute 'foo'`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let z = py.complex(1.0, 2.0).unwrap();
    ///     assert_eq!(z.getattr("imag").unwrap().repr().unwrap(), "2.0");
    ///     assert_eq!(z.getattr("foo").unwrap_err().to_string(),
    ///                "AttributeError: 'complex' object has no attribute 'foo'");
    /// });
    /// ```
    pub fn getattr(&self, name: &str) -> PyResult<Bound<'py, PyAny>> {
        abstract_::getattr(self.obj.heap(), self.as_object(), name).map(Bound::from_obj)
    }

    /// `setattr(obj, name, value)`.
    ///
    /// # Errors
    /// `AttributeError` when the attribute is read-only or missing, as for every built-in type.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let x = py.int(5).unwrap();
    ///     assert_eq!(x.setattr("real", &py.int(3).unwrap()).unwrap_err().to_string(),
    ///                "AttributeError: attribute 'real' of 'int' objects is not writable");
    /// });
    /// ```
    pub fn setattr<U>(&self, name: &str, value: &Bound<'py, U>) -> PyResult<()> {
        abstract_::setattr(self.obj.heap(), self.as_object(), name, value.as_object())
    }

    /// `delattr(obj, name)` (`del obj.name`).
    ///
    /// # Errors
    /// `AttributeError` when the attribute is unset, missing or read-only.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let p = py.slots_class("P", &["x"]).unwrap().call0().unwrap();
    ///     assert_eq!(p.delattr("x").unwrap_err().to_string(), "AttributeError: x");
    /// });
    /// ```
    pub fn delattr(&self, name: &str) -> PyResult<()> {
        abstract_::delattr(self.obj.heap(), self.as_object(), name)
    }

    /// The objects this one holds references to, once per reference, in the order its type's
    /// `tp_traverse` visits them (`gc.get_referents`); empty for atomic objects.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let x = py.int(1000).unwrap();
    ///     let t = py.tuple([x.clone(), x.clone()]).unwrap();
    ///     let refs = t.referents();
    ///     assert_eq!(refs.len(), 2);
    ///     assert!(refs.iter().all(|r| r.is(&x)));
    ///     assert!(x.referents().is_empty());
    /// });
    /// ```
    pub fn referents(&self) -> Vec<Bound<'py, PyAny>> {
        let mut found = Vec::new();
        pyrt_objects::gc_objects::references(self.as_object(), &mut |p| found.push(p));
        let heap = self.obj.heap();
        found
            .into_iter()
            // SAFETY: traverse yields objects this live object holds references to, on this heap.
            .map(|p| Bound::from_obj(unsafe { Obj::from_borrowed(heap, p.as_ref()) }))
            .collect()
    }

    /// `len(obj)`.
    ///
    /// # Errors
    /// `TypeError: object of type 'int' has no len()`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.str("h\u{e9}llo").unwrap().len().unwrap(), 5));
    /// ```
    pub fn len(&self) -> PyResult<usize> {
        abstract_::len(self.as_object())
    }

    /// Whether `len(obj) == 0`.
    ///
    /// # Errors
    /// As [`Bound::len`].
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert!(py.str("").unwrap().is_empty().unwrap());
    /// });
    /// ```
    pub fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }

    /// The same object viewed as any object.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let items = vec![py.int(1).unwrap().into_any(), py.str("a").unwrap().into_any()];
    ///     assert_eq!(items[1].type_name(), "str");
    /// });
    /// ```
    pub fn into_any(self) -> Bound<'py, PyAny> {
        Bound::from_obj(self.obj)
    }

    /// A borrowed view as any object.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.str("x").unwrap();
    ///         assert_eq!(s.as_any().type_name(), "str");
    /// });
    /// ```
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: `Bound` is `repr(transparent)` over `Obj`; the type parameter is a phantom.
        unsafe { &*core::ptr::from_ref(self).cast::<Bound<'py, PyAny>>() }
    }

    /// A typed view, if the object is a `U`.
    ///
    /// # Errors
    /// `TypeError: 'float' object cannot be converted to 'int'` otherwise.
    ///
    /// # Example
    /// ```
    /// use pyrt::{PyFloat, PyInt};
    /// pyrt::Runtime::new().with(|py| {
    ///     let x = py.float(1.5).unwrap().into_any();
    ///     assert!(x.cast::<PyFloat>().is_ok());
    ///     assert_eq!(x.cast::<PyInt>().unwrap_err().to_string(),
    ///                "TypeError: 'float' object cannot be converted to 'int'");
    /// });
    /// ```
    pub fn cast<U: PyTypeInfo>(&self) -> PyResult<&Bound<'py, U>> {
        if U::is_type_of(self.as_object()) {
            // SAFETY: `Bound` is `repr(transparent)` over `Obj`; the check above makes the view true.
            Ok(unsafe { &*core::ptr::from_ref(self).cast::<Bound<'py, U>>() })
        } else {
            Err(PyErr::type_error(format!(
                "'{}' object cannot be converted to '{}'",
                self.type_name(),
                U::NAME
            )))
        }
    }

    /// The handle itself as a `U`, if the object is one (the owned form of [`Bound::cast`]).
    ///
    /// # Errors
    /// `TypeError: 'int' object cannot be converted to 'dict'` otherwise.
    ///
    /// # Example
    /// ```
    /// use pyrt::PyDict;
    /// pyrt::Runtime::new().with(|py| {
    ///     let p = py.class("P").unwrap().call0().unwrap();
    ///     let d = p.getattr("__dict__").unwrap().cast_into::<PyDict>().unwrap();
    ///     assert_eq!(d.len().unwrap(), 0);
    ///     assert_eq!(py.int(1).unwrap().into_any().cast_into::<PyDict>().unwrap_err().to_string(),
    ///                "TypeError: 'int' object cannot be converted to 'dict'");
    /// });
    /// ```
    pub fn cast_into<U: PyTypeInfo>(self) -> PyResult<Bound<'py, U>> {
        self.cast::<U>()?;
        Ok(Bound::from_obj(self.into_obj()))
    }

    /// Converts the object to a Rust value.
    ///
    /// # Errors
    /// As [`FromPyObject::extract`].
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.int(-3).unwrap().extract::<i64>().unwrap(), -3));
    /// ```
    pub fn extract<V: FromPyObject>(&self) -> PyResult<V> {
        V::extract(self)
    }

    /// `type(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let cls = py.class("C").unwrap();
    ///     let c = cls.call0().unwrap();
    ///     assert!(c.get_type().is(&cls));
    ///     assert_eq!(py.int(1).unwrap().get_type().repr().unwrap(), "<class 'int'>");
    /// });
    /// ```
    pub fn get_type(&self) -> Bound<'py, PyType> {
        let ty = &self.obj.ob_type().ob_base.ob_base;
        // SAFETY: an object's type is a live object of this heap (static or held by the object).
        Bound::from_obj(unsafe { Obj::from_borrowed(self.obj.heap(), ty) })
    }

    /// The name of the object's type.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.bool(true).type_name(), "bool"));
    /// ```
    pub fn type_name(&self) -> &str {
        self.obj.ob_type().name()
    }

    /// Whether both handles refer to the same object (`is`).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.float(1.5).unwrap();
    ///         assert!(a.is(&a.clone()) && !a.is(&py.float(1.5).unwrap()));
    /// });
    /// ```
    pub fn is<U>(&self, other: &Bound<'py, U>) -> bool {
        self.obj.is(&other.obj)
    }

    /// `id(obj)`: the object's address.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.int(1000).unwrap();
    ///     assert_eq!(a.id(), a.clone().id());
    ///     assert_eq!(a.id() % 16, 0, "pymalloc blocks are 16-byte aligned");
    /// });
    /// ```
    pub fn id(&self) -> usize {
        self.obj.as_ptr().addr().get()
    }

    /// The raw refcount (`ob_refcnt`), this handle's reference included.
    ///
    /// Errors the program has dropped no longer count: an error that carries an exception
    /// object (a `KeyError` holds its key) keeps it until the error is gone, as CPython's
    /// current exception does until `PyErr_Clear`, and the heap lets go of the exceptions of
    /// dropped errors first.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.float(2.5).unwrap();
    ///     let b = a.clone();
    ///     assert_eq!(a.refcnt(), 2);
    ///     drop(b);
    ///     assert_eq!(a.refcnt(), 1);
    /// });
    /// ```
    pub fn refcnt(&self) -> u64 {
        self.py().heap().release_dead_raised();
        self.as_object().refcnt()
    }

    /// `sys.getsizeof(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(2).unwrap().pow(&py.int(60).unwrap()).unwrap().getsizeof(), 36);
    ///     assert_eq!(py.str("\u{20ac}").unwrap().getsizeof(), 60);
    /// });
    /// ```
    pub fn getsizeof(&self) -> usize {
        abstract_::getsizeof(self.as_object())
    }

    /// `repr(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.str("it's").unwrap().repr().unwrap(), "\"it's\""));
    /// ```
    ///
    /// # Errors
    /// What the type's `repr` raises.
    pub fn repr(&self) -> PyResult<String> {
        abstract_::repr(self.obj.heap(), self.as_object())
    }

    /// `str(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.str("it's").unwrap().str().unwrap(), "it's"));
    /// ```
    ///
    /// # Errors
    /// What the type's `str` raises.
    pub fn str(&self) -> PyResult<String> {
        abstract_::str(self.obj.heap(), self.as_object())
    }

    /// `hash(obj)`, with the key of `PYTHONHASHSEED=0`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(-1).unwrap().hash().unwrap(), -2);
    ///     assert_eq!(py.str("spam").unwrap().hash().unwrap(), -7_643_603_308_804_133_256);
    /// });
    /// ```
    ///
    /// # Errors
    /// `TypeError: unhashable type: '...'`.
    pub fn hash(&self) -> PyResult<i64> {
        abstract_::hash(self.obj.heap(), self.as_object())
    }

    /// `bool(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert!(!py.str("").unwrap().is_truthy().unwrap());
    ///     assert!(py.float(0.5).unwrap().is_truthy().unwrap());
    /// });
    /// ```
    ///
    /// # Errors
    /// What the type's truth test raises.
    pub fn is_truthy(&self) -> PyResult<bool> {
        abstract_::is_true(self.obj.heap(), self.as_object())
    }

    fn binary<U>(&self, other: &Bound<'py, U>, op: BinOp) -> PyResult<Bound<'py, PyAny>> {
        abstract_::binary_op(self.obj.heap(), self.as_object(), other.as_object(), op)
            .map(Bound::from_obj)
    }

    fn unary(&self, op: UnOp) -> PyResult<Bound<'py, PyAny>> {
        abstract_::unary_op(self.obj.heap(), self.as_object(), op).map(Bound::from_obj)
    }

    /// `self op other` for a comparison, as an object (`True`, `False` or what the type returns).
    ///
    /// # Errors
    /// `TypeError: '<' not supported between instances of 'int' and 'str'` and the like.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let r = py.int(1).unwrap().compare(&py.int(2).unwrap(), pyrt::CompareOp::Lt).unwrap();
    ///         assert_eq!(r.repr().unwrap(), "True");
    /// });
    /// ```
    pub fn compare<U>(&self, other: &Bound<'py, U>, op: CompareOp) -> PyResult<Bound<'py, PyAny>> {
        abstract_::compare(self.obj.heap(), self.as_object(), other.as_object(), op)
            .map(Bound::from_obj)
    }

    /// The truth of `self op other`.
    ///
    /// # Errors
    /// As [`Bound::compare`].
    ///
    /// # Example
    /// ```
    /// use pyrt::CompareOp;
    /// pyrt::Runtime::new().with(|py| {
    ///     let (a, b) = (py.int(1).unwrap(), py.float(1.0).unwrap());
    ///     assert!(a.rich_compare_bool(&b, CompareOp::Eq).unwrap());
    /// });
    /// ```
    pub fn rich_compare_bool<U>(&self, other: &Bound<'py, U>, op: CompareOp) -> PyResult<bool> {
        abstract_::compare_bool(self.obj.heap(), self.as_object(), other.as_object(), op)
    }
}

macro_rules! binary_methods {
    ($($(#[$doc:meta])* $name:ident => $op:ident),* $(,)?) => {
        impl<'py, T> Bound<'py, T> {
            $(
                $(#[$doc])*
                ///
                /// # Errors
                /// What the operation raises, e.g. `ZeroDivisionError`, or
                /// `TypeError: unsupported operand type(s) ...`.
                pub fn $name<U>(&self, other: &Bound<'py, U>) -> PyResult<Bound<'py, PyAny>> {
                    self.binary(other, BinOp::$op)
                }
            )*
        }
    };
}

binary_methods! {
    /// `self + other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let e = py.int(1).unwrap().add(&py.none()).unwrap_err();
    ///     assert_eq!(e.to_string(), "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'");
    /// });
    /// ```
    add => Add,
    /// `self - other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(7).unwrap().sub(&py.int(10).unwrap()).unwrap().repr().unwrap(), "-3");
    /// });
    /// ```
    sub => Sub,
    /// `self * other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.str("ab").unwrap().mul(&py.int(2).unwrap()).unwrap().repr().unwrap(), "'abab'");
    /// });
    /// ```
    mul => Mul,
    /// `self / other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(7).unwrap().truediv(&py.int(2).unwrap()).unwrap().repr().unwrap(), "3.5");
    /// });
    /// ```
    truediv => TrueDiv,
    /// `self // other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let q = py.int(-7).unwrap().floordiv(&py.int(2).unwrap()).unwrap();
    ///     assert_eq!(q.repr().unwrap(), "-4");
    /// });
    /// ```
    floordiv => FloorDiv,
    /// `self % other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(-7).unwrap().rem(&py.int(3).unwrap()).unwrap().repr().unwrap(), "2");
    /// });
    /// ```
    rem => Mod,
    /// `self ** other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(2).unwrap().pow(&py.int(-2).unwrap()).unwrap().repr().unwrap(), "0.25");
    /// });
    /// ```
    pow => Pow,
    /// `divmod(self, other)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(7).unwrap().divmod(&py.int(-2).unwrap()).unwrap().repr().unwrap(), "(-4, -1)");
    /// });
    /// ```
    divmod => DivMod,
    /// `self << other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(1).unwrap().lshift(&py.int(70).unwrap()).unwrap().repr().unwrap(), "1180591620717411303424");
    /// });
    /// ```
    lshift => LShift,
    /// `self >> other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(-5).unwrap().rshift(&py.int(1).unwrap()).unwrap().repr().unwrap(), "-3");
    /// });
    /// ```
    rshift => RShift,
    /// `self & other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.bool(true).bitand(&py.bool(false)).unwrap().repr().unwrap(), "False");
    /// });
    /// ```
    bitand => And,
    /// `self | other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(5).unwrap().bitor(&py.int(2).unwrap()).unwrap().repr().unwrap(), "7");
    /// });
    /// ```
    bitor => Or,
    /// `self ^ other`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(-5).unwrap().bitxor(&py.int(3).unwrap()).unwrap().repr().unwrap(), "-8");
    /// });
    /// ```
    bitxor => Xor,
}

impl<'py, T> Bound<'py, T> {
    /// `-self`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.complex(0.0, 0.0).unwrap().neg().unwrap().repr().unwrap(), "(-0-0j)"));
    /// ```
    ///
    /// # Errors
    /// `TypeError: bad operand type for unary -: '...'`.
    pub fn neg(&self) -> PyResult<Bound<'py, PyAny>> {
        self.unary(UnOp::Neg)
    }

    /// `+self`.
    ///
    /// # Errors
    /// `TypeError: bad operand type for unary +: '...'`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.int(-3).unwrap().pos().unwrap().repr().unwrap(), "-3");
    /// });
    /// ```
    pub fn pos(&self) -> PyResult<Bound<'py, PyAny>> {
        self.unary(UnOp::Pos)
    }

    /// `~self`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.int(5).unwrap().invert().unwrap().repr().unwrap(), "-6"));
    /// ```
    ///
    /// # Errors
    /// `TypeError: bad operand type for unary ~: '...'`.
    pub fn invert(&self) -> PyResult<Bound<'py, PyAny>> {
        self.unary(UnOp::Invert)
    }

    /// `abs(self)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.complex(3.0, 4.0).unwrap().abs().unwrap().repr().unwrap(), "5.0"));
    /// ```
    ///
    /// # Errors
    /// `TypeError: bad operand type for abs(): '...'`.
    pub fn abs(&self) -> PyResult<Bound<'py, PyAny>> {
        self.unary(UnOp::Abs)
    }
}

impl<T> fmt::Display for Bound<'_, T> {
    /// `str(obj)`; an exception from `__str__` is shown in angle brackets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.str() {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<unprintable object: {e}>"),
        }
    }
}

impl<T> fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr() {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<unrepresentable object: {e}>"),
        }
    }
}

impl<'py> Bound<'py, super::types::PyTuple> {
    /// `t[index]`, with Python's negative indices.
    ///
    /// # Errors
    /// `IndexError: tuple index out of range`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let t = py.tuple([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///     assert_eq!(t.get_item(-1).unwrap().repr().unwrap(), "2");
    ///     assert_eq!(t.get_item(2).unwrap_err().to_string(), "IndexError: tuple index out of range");
    /// });
    /// ```
    pub fn get_item(&self, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let items = pyrt_objects::types::tuple::items(self.view());
        let n = items.len() as isize;
        let i = if index < 0 { index + n } else { index };
        if !(0..n).contains(&i) {
            return Err(PyErr::new(
                pyrt_objects::ExcKind::IndexError,
                "tuple index out of range",
            ));
        }
        // SAFETY: the tuple holds a reference to each of its items, which are objects of this heap.
        let item = unsafe { Obj::from_borrowed(self.obj.heap(), items[i as usize].as_ref()) };
        Ok(Bound::from_obj(item))
    }
}
