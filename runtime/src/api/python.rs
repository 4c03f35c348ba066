//! [`Python`]: the token that stands for access to a runtime's objects.

use core::marker::PhantomData;

use pyrt_allocator::MallocStats;
use pyrt_objects::abstract_;
use pyrt_objects::long_digits::LongValue;
use pyrt_objects::types::{bytes, complex, float, long, tuple, unicode};
use pyrt_objects::{Heap, PyErr, PyResult};

use super::bound::Bound;
use super::types::{PyAny, PyBool, PyBytes, PyComplex, PyFloat, PyInt, PyNone, PyStr, PyTuple};

/// Access to one runtime's objects for the lifetime `'py`. `Copy`; obtained from
/// [`crate::Runtime::with`]. The lifetime is invariant, which brands every object with its
/// runtime: the compiler rejects handing an object of one runtime to another,
///
/// ```compile_fail
/// let (a, b) = (pyrt::Runtime::new(), pyrt::Runtime::new());
/// a.with(|pa| {
///     b.with(|pb| {
///         let x = pa.int(1000).unwrap();
///         let _ = pb.tuple([x]); // error: `x` belongs to runtime `a`
///     })
/// });
/// ```
///
/// and an object cannot outlive the call that lent the token:
///
/// ```compile_fail
/// let rt = pyrt::Runtime::new();
/// let escaped = rt.with(|py| py.int(1000).unwrap()); // error: borrowed data escapes
/// ```
#[derive(Clone, Copy)]
pub struct Python<'py> {
    heap: &'py Heap,
    _brand: PhantomData<fn(&'py ()) -> &'py ()>,
}

impl<'py> Python<'py> {
    pub(crate) fn new(heap: &'py Heap) -> Self {
        Python {
            heap,
            _brand: PhantomData,
        }
    }

    /// The heap underneath: the object model (`pyrt-objects`) of this runtime, for crates
    /// that build on it below the API, as `pyrt-interp` does to run scripts on these objects.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let _ = py.str_constant("name").unwrap();
    ///     assert_eq!(py.heap().interned_count(), 1);
    /// });
    /// ```
    pub fn heap(self) -> &'py Heap {
        self.heap
    }

    /// `None`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.none().repr().unwrap(), "None"));
    /// ```
    pub fn none(self) -> Bound<'py, PyNone> {
        let none = pyrt_objects::types::none(self.heap);
        Bound::from_obj(none)
    }

    /// `NotImplemented`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.not_implemented().repr().unwrap(), "NotImplemented"));
    /// ```
    pub fn not_implemented(self) -> Bound<'py, PyAny> {
        Bound::from_obj(pyrt_objects::types::not_implemented(self.heap))
    }

    /// `Ellipsis` (`...`).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.ellipsis().getsizeof(), 16));
    /// ```
    pub fn ellipsis(self) -> Bound<'py, PyAny> {
        Bound::from_obj(pyrt_objects::types::ellipsis(self.heap))
    }

    /// A `str` (the empty and one-character Latin-1 strings are cached singletons).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.str("spam").unwrap().getsizeof(), 45);
    ///     assert_eq!(py.str("\u{e9}").unwrap().getsizeof(), 61);
    ///     assert!(py.str("a").unwrap().is(&py.str("a").unwrap()));
    /// });
    /// ```
    pub fn str(self, text: &str) -> PyResult<Bound<'py, PyStr>> {
        unicode::new_str(self.heap, text).map(Bound::from_obj)
    }

    /// `sys.intern(s)`: the canonical string with this text, made immortal.
    ///
    /// # Errors
    /// `TypeError` if `s` is not a str.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let (a, b) = (py.str("identifier").unwrap(), py.str("identifier").unwrap());
    ///     assert!(!a.is(&b));
    ///     let (a, b) = (py.intern(a).unwrap(), py.intern(b).unwrap());
    ///     assert!(a.is(&b));
    ///     assert_eq!(py.getrefcount(&a), 4_294_967_295);
    /// });
    /// ```
    pub fn intern<T>(self, s: Bound<'py, T>) -> PyResult<Bound<'py, PyStr>> {
        unicode::intern(self.heap, s.into_obj()).map(Bound::from_obj)
    }

    /// A string as a constant of compiled code gets it: interned (immortal, one object per
    /// text) when it is identifier-like (ASCII letters, digits, `_`), as CPython's compiler
    /// interns such literals; other constants are ordinary strings.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert!(py.str_constant("spam_1").unwrap().is(&py.str_constant("spam_1").unwrap()));
    ///     assert!(!py.str_constant("hello world").unwrap().is(&py.str_constant("hello world").unwrap()));
    ///     // A string built at run time is a new object until sys.intern.
    ///     assert!(!py.str("spam_1").unwrap().is(&py.str_constant("spam_1").unwrap()));
    /// });
    /// ```
    pub fn str_constant(self, text: &str) -> PyResult<Bound<'py, PyStr>> {
        unicode::new_constant_str(self.heap, text).map(Bound::from_obj)
    }

    /// A `bytes` object with a copy of `data` (lengths 0 and 1 are cached singletons).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.bytes(b"ab").unwrap().getsizeof(), 35));
    /// ```
    pub fn bytes(self, data: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
        bytes::new_bytes(self.heap, data).map(Bound::from_obj)
    }

    /// `bytes(n)`: `n` zero bytes in a fresh object (not a cached one, even for `n == 1`).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let b = py.zeroed_bytes(3).unwrap();
    ///         assert_eq!(b.repr().unwrap(), "b'\\x00\\x00\\x00'");
    ///         assert!(!py.zeroed_bytes(1).unwrap().is(&py.zeroed_bytes(1).unwrap()));
    /// });
    /// ```
    pub fn zeroed_bytes(self, n: usize) -> PyResult<Bound<'py, PyBytes>> {
        bytes::new_zeroed_bytes(self.heap, n).map(Bound::from_obj)
    }

    /// `True` or `False`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.bool(true).repr().unwrap(), "True"));
    /// ```
    pub fn bool(self, v: bool) -> Bound<'py, PyBool> {
        Bound::from_obj(long::new_bool(self.heap, v))
    }

    /// An `int`. −5…256 are the cached singletons.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert!(py.int(256).unwrap().is(&py.int(256).unwrap()));
    ///     assert!(!py.int(257).unwrap().is(&py.int(257).unwrap()));
    /// });
    /// ```
    pub fn int(self, v: i64) -> PyResult<Bound<'py, PyInt>> {
        long::int_from_i64(self.heap, v).map(Bound::from_obj)
    }

    /// `int(text)` in base 10, with CPython's rules and errors.
    ///
    /// # Errors
    /// `ValueError: invalid literal for int() with base 10: 'x'`, or the 4300-digit limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let big = py.int_from_str("1_000_000_000_000_000_000_000").unwrap();
    ///     assert_eq!(big.getsizeof(), 36);
    ///     assert_eq!(py.int_from_str("x").unwrap_err().to_string(),
    ///                "ValueError: invalid literal for int() with base 10: 'x'");
    /// });
    /// ```
    pub fn int_from_str(self, text: &str) -> PyResult<Bound<'py, PyInt>> {
        let v = LongValue::parse(text).map_err(long::long_error)?;
        long::new_int(self.heap, &v).map(Bound::from_obj)
    }

    /// A `float`.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.float(1e16).unwrap().repr().unwrap(), "1e+16"));
    /// ```
    pub fn float(self, v: f64) -> PyResult<Bound<'py, PyFloat>> {
        float::new_float(self.heap, v).map(Bound::from_obj)
    }

    /// `float(text)`, with CPython's parsing rules and errors.
    ///
    /// # Errors
    /// `ValueError: could not convert string to float: 'x'`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     assert_eq!(py.float_from_str(" 1_000.5 ").unwrap().repr().unwrap(), "1000.5");
    ///     assert_eq!(py.float_from_str("x").unwrap_err().to_string(),
    ///                "ValueError: could not convert string to float: 'x'");
    /// });
    /// ```
    pub fn float_from_str(self, text: &str) -> PyResult<Bound<'py, PyFloat>> {
        let v = pyrt_objects::float_repr::parse_float(text).map_err(PyErr::value_error)?;
        self.float(v)
    }

    /// A `tuple` of the given objects (the empty tuple is the immortal singleton).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let t = py.tuple([py.int(1).unwrap().into_any(), py.str("a").unwrap().into_any()]).unwrap();
    ///     assert_eq!((t.repr().unwrap().as_str(), t.getsizeof()), ("(1, 'a')", 56));
    ///     assert!(py.tuple(Vec::<pyrt::Bound<'_>>::new()).unwrap().is(&py.tuple(Vec::<pyrt::Bound<'_>>::new()).unwrap()));
    /// });
    /// ```
    pub fn tuple<T>(
        self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let items = items.into_iter().map(Bound::into_obj).collect();
        tuple::new_tuple(self.heap, items).map(Bound::from_obj)
    }

    /// A `complex`.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.complex(1.0, -2.0).unwrap().repr().unwrap(), "(1-2j)"));
    /// ```
    pub fn complex(self, real: f64, imag: f64) -> PyResult<Bound<'py, PyComplex>> {
        complex::new_complex(self.heap, real, imag).map(Bound::from_obj)
    }

    /// `sys.getsizeof(obj)`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| assert_eq!(py.getsizeof(&py.int(1).unwrap()), 28));
    /// ```
    pub fn getsizeof<T>(self, obj: &Bound<'py, T>) -> usize {
        abstract_::getsizeof(obj.as_object())
    }

    /// What `sys.getrefcount(obj)` would print if `obj` were passed to it: the refcount plus the
    /// argument's own reference, or 4294967295 for immortal objects.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let x = py.int(123_456_789).unwrap();
    ///     assert_eq!(py.getrefcount(&x), 2);      // like a fresh local in CPython
    ///     assert_eq!(py.getrefcount(&py.none()), 4_294_967_295);
    /// });
    /// ```
    pub fn getrefcount<T>(self, obj: &Bound<'py, T>) -> u64 {
        let o = obj.as_object();
        if o.is_immortal() {
            o.refcnt()
        } else {
            o.refcnt() + 1
        }
    }

    /// Frees the objects kept on free lists, as a full `gc.collect()` does in CPython
    /// (`_PyGC_ClearAllFreeLists`).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     drop(py.float(1.5).unwrap());
    ///     assert_eq!(py.malloc_stats().allocated_blocks(), 1, "the float waits on the free list");
    ///     py.clear_freelists();
    ///     assert_eq!(py.malloc_stats().allocated_blocks(), 0);
    /// });
    /// ```
    pub fn clear_freelists(self) {
        self.heap.clear_freelists();
    }

    /// Number of interned strings (`sys.getunicodeinternedsize()`).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let _ = py.str_constant("name").unwrap();
    ///     assert_eq!(py.interned_count(), 1);
    /// });
    /// ```
    pub fn interned_count(self) -> usize {
        self.heap.interned_count()
    }

    /// The allocator's statistics; its `Display` is `sys._debugmallocstats()`'s report.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let floats: Vec<_> = (0..100).map(|i| py.float(i as f64).unwrap()).collect();
    ///     assert_eq!(py.malloc_stats().class(1).blocks_in_use, 100);  // 24-byte floats: 32-byte blocks
    ///     drop(floats);
    /// });
    /// ```
    pub fn malloc_stats(self) -> MallocStats {
        self.heap.malloc_stats()
    }

    /// A new handle to the object at `p`.
    ///
    /// # Safety
    /// `p` must be a live object of this runtime's heap.
    pub(crate) unsafe fn borrowed(self, p: pyrt_objects::ObjPtr) -> Bound<'py, PyAny> {
        // SAFETY: a live object of this heap (caller); the handle takes its own reference.
        Bound::from_obj(unsafe { pyrt_objects::Obj::from_borrowed(self.heap(), p.as_ref()) })
    }
}
