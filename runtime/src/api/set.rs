//! Sets through the public API: `py.set(...)`, `py.frozenset(...)` and the methods of
//! `Bound<PySet>` / `Bound<PyFrozenSet>`, with CPython's tables (see
//! `pyrt_objects::types::set`).

use pyrt_objects::types::set::{self, AnySet};
use pyrt_objects::types::set_ops;
use pyrt_objects::{Obj, PyResult};

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyFrozenSet, PySet};

impl<'py> Python<'py> {
    /// `set(iterable)` for an iterable yielding `items`: added one by one.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set((0..5).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!((s.repr().unwrap().as_str(), s.getsizeof()), ("{0, 1, 2, 3, 4}", 728));
    /// });
    /// ```
    pub fn set<T>(
        self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
    ) -> PyResult<Bound<'py, PySet>> {
        let items = items.into_iter().map(Bound::into_obj);
        set_ops::set_from_items(self.heap(), items).map(Bound::from_obj)
    }

    /// `frozenset(iterable)` for an iterable yielding `items`.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let f = py.frozenset((0..100).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!(f.getsizeof(), 8408);
    ///     assert!(f.hash().is_ok());
    /// });
    /// ```
    pub fn frozenset<T>(
        self,
        items: impl IntoIterator<Item = Bound<'py, T>>,
    ) -> PyResult<Bound<'py, PyFrozenSet>> {
        let items = items.into_iter().map(Bound::into_obj);
        set_ops::frozenset_from_items(self.heap(), items).map(Bound::from_obj)
    }
}

/// Operations shared by `set` and `frozenset`: the functions the methods of
/// `pyrt_objects::types::set_methods` call, so `other` may be any iterable a script could pass
/// (a set or frozenset, a dict's keys, a list, a tuple; from Rust alone, with no Python code
/// running, other iterables are `TypeError: 'str' object is not iterable`).
impl<'py, T: SetLike> Bound<'py, T> {
    /// The object as the object layer's view of any set.
    fn any_set(&self) -> &AnySet {
        // SAFETY: a `Bound<'py, T>` for a `SetLike` marker is a set or frozenset (made by a
        // checked cast or by a set constructor).
        unsafe { AnySet::cast_unchecked(self.as_object()) }
    }

    /// `key in s`.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set([py.int(1).unwrap()]).unwrap();
    ///         assert!(s.contains(&py.float(1.0).unwrap()).unwrap());
    /// });
    /// ```
    pub fn contains<K>(&self, key: &Bound<'py, K>) -> PyResult<bool> {
        set::contains(self.py().heap(), self.any_set(), key.as_object())
    }

    /// `s | other` (`s.union(other)`): a set of this kind (`set` or `frozenset`).
    ///
    /// # Errors
    /// `TypeError: 'int' object is not iterable`, `TypeError: unhashable type: ...`,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.set((1..=4).map(|i| py.int(i).unwrap())).unwrap();
    ///     let b = py.set((3..=6).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!(a.union(&b).unwrap().repr().unwrap(), "{1, 2, 3, 4, 5, 6}");
    ///     assert_eq!(a.intersection(&b).unwrap().repr().unwrap(), "{3, 4}");
    ///     assert_eq!(a.difference(&b).unwrap().repr().unwrap(), "{1, 2}");
    ///     // Any iterable, as `s.union([7, 1])`:
    ///     let l = py.list([py.int(7).unwrap(), py.int(1).unwrap()]).unwrap();
    ///     assert_eq!(a.union(&l).unwrap().repr().unwrap(), "{1, 2, 3, 4, 7}");
    ///     let err = a.union(&py.int(5).unwrap()).unwrap_err();
    ///     assert_eq!(err.to_string(), "TypeError: 'int' object is not iterable");
    /// });
    /// ```
    pub fn union<U>(&self, other: &Bound<'py, U>) -> PyResult<Bound<'py, T>> {
        set_ops::union(self.py().heap(), self.any_set(), &[other.as_object()]).map(Bound::from_obj)
    }

    /// `s & other` (`s.intersection(other)`).
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.set((1..=4).map(|i| py.int(i).unwrap())).unwrap();
    ///         let b = py.frozenset((3..=6).map(|i| py.int(i).unwrap())).unwrap();
    ///         assert_eq!(a.intersection(&b).unwrap().repr().unwrap(), "{3, 4}");
    /// });
    /// ```
    pub fn intersection<U>(&self, other: &Bound<'py, U>) -> PyResult<Bound<'py, T>> {
        set_ops::intersection(self.py().heap(), self.any_set(), other.as_object())
            .map(Bound::from_obj)
    }

    /// `s - other` (`s.difference(other)`).
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.set((1..=4).map(|i| py.int(i).unwrap())).unwrap();
    ///         let b = py.set((3..=6).map(|i| py.int(i).unwrap())).unwrap();
    ///         assert_eq!(a.difference(&b).unwrap().repr().unwrap(), "{1, 2}");
    /// });
    /// ```
    pub fn difference<U>(&self, other: &Bound<'py, U>) -> PyResult<Bound<'py, T>> {
        set_ops::difference(self.py().heap(), self.any_set(), other.as_object())
            .map(Bound::from_obj)
    }

    /// `s ^ other` (`s.symmetric_difference(other)`): the elements in exactly one of the two, as
    /// a set of this kind. CPython copies `other` first and then toggles this set's elements in,
    /// so the table and the order start from `other`'s.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.set((0..10).map(|i| py.int(i).unwrap())).unwrap();
    ///     let b = py.set([py.int(100).unwrap()]).unwrap();
    ///     // CPython 3.12: set(range(10)) ^ {100}, and the other way round; both 32 slots.
    ///     let (ab, ba) = (a.symmetric_difference(&b).unwrap(), b.symmetric_difference(&a).unwrap());
    ///     assert_eq!(ab.repr().unwrap(), "{0, 1, 2, 3, 100, 4, 5, 6, 7, 8, 9}");
    ///     assert_eq!(ba.repr().unwrap(), "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100}");
    ///     assert_eq!((ab.getsizeof(), ba.getsizeof()), (728, 728));
    ///     // frozenset(range(8)) ^ set(range(4, 12)) is a frozenset.
    ///     let f = py.frozenset((0..8).map(|i| py.int(i).unwrap())).unwrap();
    ///     let s = py.set((4..12).map(|i| py.int(i).unwrap())).unwrap();
    ///     let x = f.symmetric_difference(&s).unwrap();
    ///     assert_eq!(x.repr().unwrap(), "frozenset({0, 1, 2, 3, 8, 9, 10, 11})");
    /// });
    /// ```
    pub fn symmetric_difference<U>(&self, other: &Bound<'py, U>) -> PyResult<Bound<'py, T>> {
        set_ops::symmetric_difference(self.py().heap(), self.any_set(), other.as_object())
            .map(Bound::from_obj)
    }

    /// `s <= other` (`s.issubset(other)`): whether every element of `s` is in `other`.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item, or what
    /// comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let small = py.set((0..3).map(|i| py.int(i).unwrap())).unwrap();
    ///     let big = py.frozenset((0..5).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert!(small.issubset(&big).unwrap());
    ///     assert!(!big.issubset(&small).unwrap());
    /// });
    /// ```
    pub fn issubset<U>(&self, other: &Bound<'py, U>) -> PyResult<bool> {
        set_ops::issubset(self.py().heap(), self.any_set(), other.as_object())
    }

    /// `s >= other` (`s.issuperset(other)`): whether every element of `other` is in `s`.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item, or what
    /// comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let big = py.set((0..5).map(|i| py.int(i).unwrap())).unwrap();
    ///     let small = py.set((0..3).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert!(big.issuperset(&small).unwrap());
    ///     assert!(big.issuperset(&big).unwrap());
    /// });
    /// ```
    pub fn issuperset<U>(&self, other: &Bound<'py, U>) -> PyResult<bool> {
        set_ops::issuperset(self.py().heap(), self.any_set(), other.as_object())
    }

    /// `s.isdisjoint(other)`: whether the two have no element in common.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item, or what
    /// comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let a = py.set((0..3).map(|i| py.int(i).unwrap())).unwrap();
    ///     let b = py.set((3..6).map(|i| py.int(i).unwrap())).unwrap();
    ///     let c = py.set((2..6).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!((a.isdisjoint(&b).unwrap(), a.isdisjoint(&c).unwrap()), (true, false));
    /// });
    /// ```
    pub fn isdisjoint<U>(&self, other: &Bound<'py, U>) -> PyResult<bool> {
        set_ops::isdisjoint(self.py().heap(), self.any_set(), other.as_object())
    }

    /// The elements in iteration (table) order.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let words = || ["a", "b", "c", "d", "e"].map(|w| py.str(w).unwrap());
    ///     let order = |s: &pyrt::Bound<'_, pyrt::PySet>| -> Vec<String> {
    ///         s.elements().iter().map(|e| e.str().unwrap()).collect()
    ///     };
    ///     // set(['a', 'b', 'c', 'd', 'e']) in CPython 3.12 with PYTHONHASHSEED=0:
    ///     assert_eq!(order(&py.set(words()).unwrap()), ["d", "b", "c", "a", "e"]);
    ///     // The literal {'a', 'b', 'c', 'd', 'e'} merges a constant frozenset into 16 slots:
    ///     let literal = py.set(Vec::<pyrt::Bound<'_>>::new()).unwrap();
    ///     literal.update(&py.frozenset(words()).unwrap()).unwrap();
    ///     assert_eq!(order(&literal), ["d", "c", "a", "e", "b"]);
    /// });
    /// ```
    pub fn elements(&self) -> Vec<Bound<'py, PyAny>> {
        let heap = self.py().heap();
        set::elements(heap, self.any_set())
            .into_iter()
            // SAFETY: the set holds references to its elements, objects of this runtime.
            .map(|k| Bound::from_obj(unsafe { Obj::from_borrowed(heap, k.as_ref()) }))
            .collect()
    }
}

/// `set` or `frozenset`.
pub trait SetLike {}
impl SetLike for PySet {}
impl SetLike for PyFrozenSet {}

impl<'py> Bound<'py, PySet> {
    /// `s.add(key)` (named `insert` as in Rust's `HashSet`: `add` is the `+` operator here).
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set(Vec::<pyrt::Bound<'_>>::new()).unwrap();
    ///         s.insert(&py.int(1).unwrap()).unwrap();
    ///         s.insert(&py.int(1).unwrap()).unwrap();
    ///         assert_eq!(s.len().unwrap(), 1);
    /// });
    /// ```
    pub fn insert<K>(&self, key: &Bound<'py, K>) -> PyResult<()> {
        set::add(self.py().heap(), self.view(), key.clone().into_obj())
    }

    /// `s.discard(key)`: whether it was there.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set([py.int(1).unwrap()]).unwrap();
    ///         assert!(s.discard(&py.int(1).unwrap()).unwrap());
    ///         assert!(!s.discard(&py.int(1).unwrap()).unwrap());
    /// });
    /// ```
    pub fn discard<K>(&self, key: &Bound<'py, K>) -> PyResult<bool> {
        set::discard(self.py().heap(), self.view(), key.as_object())
    }

    /// `s.remove(key)`.
    ///
    /// # Errors
    /// `KeyError: key` when absent.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set([py.int(1).unwrap()]).unwrap();
    ///         assert_eq!(s.remove(&py.int(2).unwrap()).unwrap_err().to_string(), "KeyError: 2");
    /// });
    /// ```
    pub fn remove<K>(&self, key: &Bound<'py, K>) -> PyResult<()> {
        set::remove(self.py().heap(), self.view(), key.as_object())
    }

    /// `s.pop()`.
    ///
    /// # Errors
    /// `KeyError: 'pop from an empty set'`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set([py.int(5).unwrap()]).unwrap();
    ///         assert_eq!(s.pop().unwrap().repr().unwrap(), "5");
    ///         assert!(s.pop().is_err());
    /// });
    /// ```
    pub fn pop(&self) -> PyResult<Bound<'py, PyAny>> {
        set::pop(self.py().heap(), self.view()).map(Bound::from_obj)
    }

    /// `s.clear()`: back to the inline table of 8.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set((0..10).map(|i| py.int(i).unwrap())).unwrap();
    ///         s.clear();
    ///         assert_eq!(s.getsizeof(), 216);
    /// });
    /// ```
    pub fn clear(&self) {
        set::clear(self.py().heap(), self.view());
    }

    /// `s.update(other)` and `s |= other` (`set_update_internal`, the function `s.update(x)` in
    /// a script calls): a set or frozenset is merged (one resize up front), a dict's keys are
    /// added after sizing the table for them, any other iterable's items are added one by one.
    ///
    /// # Errors
    /// `TypeError: 'int' object is not iterable` (from Rust alone, with no Python code running,
    /// for every iterable but sets, dicts, lists and tuples), `TypeError: unhashable type: ...`,
    /// or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     // The literal {1, 2, 3, 4, 5}: BUILD_SET 0, then SET_UPDATE with a constant frozenset.
    ///     let s = py.set(Vec::<pyrt::Bound<'_>>::new()).unwrap();
    ///     s.update(&py.frozenset((1..=5).map(|i| py.int(i).unwrap())).unwrap()).unwrap();
    ///     assert_eq!(s.getsizeof(), 472);
    ///     // A dict gives its keys.
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.str("k").unwrap(), &py.int(0).unwrap()).unwrap();
    ///     s.update(&d).unwrap();
    ///     assert!(s.contains(&py.str("k").unwrap()).unwrap());
    /// });
    /// ```
    pub fn update<U>(&self, other: &Bound<'py, U>) -> PyResult<()> {
        set_ops::update(self.py().heap(), self.view(), other.as_object())
    }

    /// `s &= other` (`s.intersection_update(other)`): CPython builds `s & other` and swaps table
    /// bodies with it, so `s` takes the intersection's table, usually smaller than its own.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises; `s` is unchanged then.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     // CPython 3.12: s = set(range(100)); s &= set(range(95, 105))
    ///     let s = py.set((0..100).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!(s.getsizeof(), 8408);
    ///     s.intersection_update(&py.set((95..105).map(|i| py.int(i).unwrap())).unwrap()).unwrap();
    ///     assert_eq!((s.repr().unwrap().as_str(), s.getsizeof()), ("{96, 97, 98, 99, 95}", 728));
    /// });
    /// ```
    pub fn intersection_update<U>(&self, other: &Bound<'py, U>) -> PyResult<()> {
        set_ops::intersection_update(self.py().heap(), self.view(), other.as_object())
    }

    /// `s -= other` (`s.difference_update(other)`): discards `other`'s elements, then rebuilds
    /// the table at the growth size for what is left when more than a quarter of it is
    /// dummies, which can make it grow. `s -= s` clears `s`.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let ints = |r: std::ops::Range<i64>| py.set(r.map(|i| py.int(i).unwrap())).unwrap();
    ///     // CPython 3.12: s = set(range(4)); s -= {0, 1}: 2 dummies of 8 slots, rebuilt at 16.
    ///     let s = ints(0..4);
    ///     s.difference_update(&ints(0..2)).unwrap();
    ///     assert_eq!((s.repr().unwrap().as_str(), s.getsizeof()), ("{2, 3}", 472));
    ///     // s = set(range(300)); s -= set(range(128)): 128 dummies of 512 slots, rebuilt at 1024.
    ///     let s = ints(0..300);
    ///     s.difference_update(&ints(0..128)).unwrap();
    ///     assert_eq!((s.len().unwrap(), s.getsizeof()), (172, 16600));
    /// });
    /// ```
    pub fn difference_update<U>(&self, other: &Bound<'py, U>) -> PyResult<()> {
        set_ops::difference_update(self.py().heap(), self.view(), other.as_object())
    }

    /// `s ^= other` (`s.symmetric_difference_update(other)`): in `other`'s order, each of its
    /// elements is removed from `s` if there (leaving a dummy) and added otherwise. `s ^= s`
    /// clears `s`.
    ///
    /// # Errors
    /// `TypeError` for an `other` that is not iterable or yields an unhashable item,
    /// `MemoryError`, or what comparing elements raises.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let ints = |r: std::ops::Range<i64>| py.set(r.map(|i| py.int(i).unwrap())).unwrap();
    ///     // CPython 3.12: s = set(range(4)); s ^= set(range(2, 8))
    ///     let s = ints(0..4);
    ///     s.symmetric_difference_update(&ints(2..8)).unwrap();
    ///     assert_eq!((s.repr().unwrap().as_str(), s.getsizeof()), ("{0, 1, 4, 5, 6, 7}", 472));
    /// });
    /// ```
    pub fn symmetric_difference_update<U>(&self, other: &Bound<'py, U>) -> PyResult<()> {
        set_ops::symmetric_difference_update(self.py().heap(), self.view(), other.as_object())
    }

    /// `s.copy()` (`set(s)`): a new set merged from this one.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set((0..30).map(|i| py.int(i).unwrap())).unwrap();
    ///         assert_eq!((s.getsizeof(), s.copy().unwrap().getsizeof()), (2264, 1240));
    /// });
    /// ```
    pub fn copy(&self) -> PyResult<Bound<'py, PySet>> {
        set_ops::copy(self.py().heap(), self.any_set()).map(Bound::from_obj)
    }
}
