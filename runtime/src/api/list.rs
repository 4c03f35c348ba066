//! Lists through the public API: `py.list(...)`, `py.list_from_iter(...)` and the methods of
//! `Bound<PyList>`, each with CPython's capacity rules (see `pyrt_objects::types::list`).

use pyrt_objects::types::{list, tuple};
use pyrt_objects::{CompareOp, Obj, PyErr, PyResult, abstract_};

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyList};

impl<'py> Python<'py> {
    /// A list of exactly these items, as a display `[a, b, c]` of non-constant items builds it
    /// (`PyList_New(n)`: capacity `n`).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap(), py.int(3).unwrap()]).unwrap();
    ///     assert_eq!((l.repr().unwrap().as_str(), l.getsizeof()), ("[1, 2, 3]", 80));
    /// });
    /// ```
    pub fn list<T>(
        self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = items.into_iter().map(Bound::into_obj).collect();
        list::new_list(self.heap(), items).map(Bound::from_obj)
    }

    /// `list(iterable)` for an iterable that yields `items` and reports `length_hint`
    /// (`len()` for `range` and other sized iterables, `None` for a generator): CPython makes
    /// room for the hint (8 without one), appends, then trims.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let ints = |n: i64| (0..n).map(move |i| py.int(i).unwrap());
    ///     assert_eq!(py.list_from_iter(ints(5), Some(5)).unwrap().getsizeof(), 104); // list(range(5))
    ///     assert_eq!(py.list_from_iter(ints(20), None).unwrap().getsizeof(), 248);   // list(generator)
    /// });
    /// ```
    pub fn list_from_iter<T>(
        self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
        length_hint: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let l = list::new_list(self.heap(), Vec::new())?;
        list::extend_iter(
            self.heap(),
            list::List::cast_internal(l.object())?,
            items.into_iter().map(|b| Ok(b.into_obj())),
            length_hint,
        )?;
        Ok(Bound::from_obj(l))
    }
}

impl<'py> Bound<'py, PyList> {
    fn heap(&self) -> &'py pyrt_objects::Heap {
        self.py().heap()
    }

    /// The capacity of the item array (`allocated`); `getsizeof` is `56 + 8 × capacity`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list(Vec::<pyrt::Bound<'_>>::new()).unwrap();
    ///     l.append(&py.none()).unwrap();
    ///     assert_eq!(l.capacity(), 4);
    /// });
    /// ```
    pub fn capacity(&self) -> usize {
        list::allocated(self.view())
    }

    /// `l.append(item)`.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list(Vec::<pyrt::Bound<'_>>::new()).unwrap();
    ///         l.append(&py.int(1).unwrap()).unwrap();
    ///         assert_eq!((l.repr().unwrap().as_str(), l.getsizeof()), ("[1]", 88));
    /// });
    /// ```
    pub fn append<U>(&self, item: &Bound<'py, U>) -> PyResult<()> {
        list::append(self.heap(), self.view(), item.clone().into_obj())
    }

    /// `l.insert(index, item)`.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///     l.insert(100, &py.int(3).unwrap()).unwrap();
    ///     l.insert(-10, &py.int(0).unwrap()).unwrap();
    ///     assert_eq!(l.repr().unwrap(), "[0, 1, 2, 3]");
    /// });
    /// ```
    pub fn insert<U>(&self, index: isize, item: &Bound<'py, U>) -> PyResult<()> {
        list::insert(self.heap(), self.view(), index, item.clone().into_obj())
    }

    /// `l.pop()` (`None`) or `l.pop(index)`.
    ///
    /// # Errors
    /// `IndexError: pop from empty list` or `IndexError: pop index out of range`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///         assert_eq!(l.pop(None).unwrap().repr().unwrap(), "2");
    ///         assert_eq!(l.pop(Some(0)).unwrap().repr().unwrap(), "1");
    /// });
    /// ```
    pub fn pop(&self, index: Option<isize>) -> PyResult<Bound<'py, PyAny>> {
        list::pop(self.heap(), self.view(), index).map(Bound::from_obj)
    }

    /// `l[index]`.
    ///
    /// # Errors
    /// `IndexError: list index out of range`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///         assert_eq!(l.get_item(-1).unwrap().repr().unwrap(), "2");
    /// });
    /// ```
    pub fn get_item(&self, index: isize) -> PyResult<Bound<'py, PyAny>> {
        list::get_item(self.heap(), self.view(), index).map(Bound::from_obj)
    }

    /// `l[index] = value`.
    ///
    /// # Errors
    /// `IndexError: list assignment index out of range`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap()]).unwrap();
    ///         l.set_item(0, &py.str("x").unwrap()).unwrap();
    ///         assert_eq!(l.repr().unwrap(), "['x']");
    /// });
    /// ```
    pub fn set_item<U>(&self, index: isize, value: &Bound<'py, U>) -> PyResult<()> {
        list::set_item(self.heap(), self.view(), index, value.clone().into_obj())
    }

    /// `del l[index]`.
    ///
    /// # Errors
    /// `IndexError: list assignment index out of range`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///         l.del_item(0).unwrap();
    ///         assert_eq!(l.repr().unwrap(), "[2]");
    /// });
    /// ```
    pub fn del_item(&self, index: isize) -> PyResult<()> {
        list::del_item(self.heap(), self.view(), index)
    }

    /// Clamps Python slice bounds to `0..=len` (step 1).
    fn bounds(&self, start: isize, stop: isize) -> (usize, usize) {
        let n = list::list_len(self.view()) as isize;
        let clamp = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        let (lo, hi) = (clamp(start), clamp(stop));
        (lo, hi.max(lo))
    }

    /// `del l[start:stop]`, with Python's clamping of the bounds.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list_from_iter((0..100).map(|i| py.int(i).unwrap()), Some(100)).unwrap();
    ///     l.del_slice(49, isize::MAX).unwrap();
    ///     assert_eq!((l.len().unwrap(), l.getsizeof()), (49, 536));
    /// });
    /// ```
    pub fn del_slice(&self, start: isize, stop: isize) -> PyResult<()> {
        let (lo, hi) = self.bounds(start, stop);
        list::del_slice(self.heap(), self.view(), lo, hi)
    }

    /// `l[start:stop]`: a new list of exactly those items.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list((0..5).map(|i| py.int(i).unwrap())).unwrap();
    ///         let part = l.slice(1, -1).unwrap();
    ///         assert_eq!((part.repr().unwrap().as_str(), part.getsizeof()), ("[1, 2, 3]", 80));
    /// });
    /// ```
    pub fn slice(&self, start: isize, stop: isize) -> PyResult<Bound<'py, PyList>> {
        let (lo, hi) = self.bounds(start, stop);
        list::slice(self.heap(), self.view(), lo, hi).map(Bound::from_obj)
    }

    /// `l.copy()` (`l[:]`): capacity exactly the length.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list_from_iter((0..5).map(|i| py.int(i).unwrap()), Some(5)).unwrap();
    ///         assert_eq!((l.getsizeof(), l.copy().unwrap().getsizeof()), (104, 96));
    /// });
    /// ```
    pub fn copy(&self) -> PyResult<Bound<'py, PyList>> {
        self.slice(0, isize::MAX)
    }

    /// `l.extend(other)` (and `l += other`) for a list or tuple.
    ///
    /// # Errors
    /// `TypeError: 'int' object is not iterable` for other objects (only lists and tuples are
    /// iterable through this API so far), or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.list([py.int(1).unwrap()]).unwrap();
    ///     let more = py.list([py.int(2).unwrap(), py.int(3).unwrap()]).unwrap();
    ///     a.extend(&more).unwrap();
    ///     assert_eq!((a.len().unwrap(), a.getsizeof()), (3, 120));
    /// });
    /// ```
    pub fn extend<U>(&self, other: &Bound<'py, U>) -> PyResult<()> {
        let o = other.as_object();
        let source: &[pyrt_objects::ObjPtr] = if let Some(l) = list::List::cast(o) {
            list::items(l)
        } else if let Some(t) = tuple::Tuple::cast(o) {
            tuple::items(t)
        } else {
            return Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                other.type_name()
            )));
        };
        let items = source
            .iter()
            // SAFETY: the source holds references to its items, objects of this runtime.
            .map(|p| unsafe { Obj::from_borrowed(self.heap(), p.as_ref()) })
            .collect();
        list::extend_sized(self.heap(), self.view(), items)
    }

    /// `l.extend(iterable)` for an iterable yielding `items` with a length hint (see
    /// [`Python::list_from_iter`]).
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(0).unwrap()]).unwrap();
    ///         l.extend_from_iter((1..4).map(|i| py.int(i).unwrap()), None).unwrap();
    ///         assert_eq!(l.repr().unwrap(), "[0, 1, 2, 3]");
    /// });
    /// ```
    pub fn extend_from_iter<T>(
        &self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
        length_hint: Option<usize>,
    ) -> PyResult<()> {
        list::extend_iter(
            self.heap(),
            self.view(),
            items.into_iter().map(|b| Ok(b.into_obj())),
            length_hint,
        )
    }

    /// `l.remove(value)`: deletes the first item equal to `value`.
    ///
    /// # Errors
    /// `ValueError: list.remove(x): x not in list`, or what the comparison raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap(), py.int(1).unwrap()]).unwrap();
    ///         l.remove(&py.int(1).unwrap()).unwrap();
    ///         assert_eq!(l.repr().unwrap(), "[2, 1]");
    /// });
    /// ```
    pub fn remove<U>(&self, value: &Bound<'py, U>) -> PyResult<()> {
        let mut i = 0;
        while let Ok(item) = list::get_item(self.heap(), self.view(), i) {
            if abstract_::compare_bool(
                self.heap(),
                item.object(),
                value.as_object(),
                CompareOp::Eq,
            )? {
                return list::del_item(self.heap(), self.view(), i);
            }
            i += 1;
        }
        Err(PyErr::value_error("list.remove(x): x not in list"))
    }

    /// `l.clear()`: frees the item array.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap()]).unwrap();
    ///         l.clear();
    ///         assert_eq!((l.len().unwrap(), l.getsizeof()), (0, 56));
    /// });
    /// ```
    pub fn clear(&self) {
        list::clear(self.heap(), self.view());
    }
}
