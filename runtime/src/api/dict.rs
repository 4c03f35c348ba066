//! Dicts through the public API: `py.dict()`, `py.dict_from_pairs(...)` and the methods of
//! `Bound<PyDict>`, with CPython's table sizes (see `pyrt_objects::types::dict`).

use pyrt_objects::types::dict;
use pyrt_objects::{Obj, PyResult};

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyDict};

impl<'py> Python<'py> {
    /// An empty dict (`{}`, `dict()`): it shares the immortal empty table, so 64 bytes.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     assert_eq!(d.getsizeof(), 64);
    ///     d.set_item(&py.str("a").unwrap(), &py.int(1).unwrap()).unwrap();
    ///     assert_eq!(d.getsizeof(), 184);  // 8 slots, str keys: 16-byte entries
    /// });
    /// ```
    pub fn dict(self) -> PyResult<Bound<'py, PyDict>> {
        dict::new_dict(self.heap()).map(Bound::from_obj)
    }

    /// A dict display `{k1: v1, ...}` (`BUILD_MAP n`): presized for `n` items when `n > 5`.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let pairs = (1..=6).map(|i| (py.int(i).unwrap(), py.int(i).unwrap()));
    ///     assert_eq!(py.dict_from_pairs(pairs).unwrap().getsizeof(), 352);
    /// });
    /// ```
    pub fn dict_from_pairs<K, V>(
        self,
        pairs: impl IntoIterator<Item = (Bound<'py, K>, Bound<'py, V>)>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let pairs = pairs
            .into_iter()
            .map(|(k, v)| (k.into_obj(), v.into_obj()))
            .collect();
        dict::dict_from_pairs(self.heap(), pairs).map(Bound::from_obj)
    }

    /// `dict.fromkeys(source, value)` for a dict, set or frozenset source (the table is sized
    /// once for all its keys, str-keyed only for a str-keyed dict) or a list or tuple (keys
    /// inserted one by one), as CPython's `_PyDict_FromKeys`.
    ///
    /// # Errors
    /// `TypeError: 'int' object is not iterable`, `TypeError: unhashable type: ...`, or
    /// `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let keys = py.set((0..21).map(|i| py.int(i).unwrap())).unwrap();
    ///     let d = py.dict_fromkeys(&keys, &py.none()).unwrap();
    ///     assert_eq!((d.len().unwrap(), d.getsizeof()), (21, 1168), "64 slots for 21 keys");
    ///     let l = py.list((0..21).map(|i| py.int(i).unwrap())).unwrap();
    ///     assert_eq!(py.dict_fromkeys(&l, &py.none()).unwrap().getsizeof(), 632);
    /// });
    /// ```
    pub fn dict_fromkeys<T, U>(
        self,
        source: &Bound<'py, T>,
        value: &Bound<'py, U>,
    ) -> PyResult<Bound<'py, PyDict>> {
        dict::from_keys(self.heap(), source.as_object(), value.as_object()).map(Bound::from_obj)
    }

    /// `dict.fromkeys(iterable, value)` for any iterable, given as its items: inserted one by
    /// one.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let keys = ["a", "b"].map(|k| py.str(k).unwrap());
    ///     let d = py.dict_fromkeys_iter(keys, &py.int(0).unwrap()).unwrap();
    ///     assert_eq!((d.repr().unwrap().as_str(), d.getsizeof()), ("{'a': 0, 'b': 0}", 184));
    /// });
    /// ```
    pub fn dict_fromkeys_iter<T, U>(
        self,
        keys: impl IntoIterator<Item = Bound<'py, T>>,
        value: &Bound<'py, U>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let keys = keys.into_iter().map(Bound::into_obj);
        dict::from_keys_iter(self.heap(), keys, value.as_object()).map(Bound::from_obj)
    }
}

impl<'py> Bound<'py, PyDict> {
    /// `d[key] = value`.
    ///
    /// # Errors
    /// `TypeError: unhashable type: 'list'`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///         d.set_item(&py.int(1).unwrap(), &py.str("one").unwrap()).unwrap();
    ///         assert_eq!(d.repr().unwrap(), "{1: 'one'}");
    /// });
    /// ```
    pub fn set_item<K, V>(&self, key: &Bound<'py, K>, value: &Bound<'py, V>) -> PyResult<()> {
        dict::set_item(
            self.py().heap(),
            self.view(),
            key.clone().into_obj(),
            value.clone().into_obj(),
        )
    }

    /// `d.get(key)`: `None` when absent.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///         d.set_item(&py.str("k").unwrap(), &py.int(7).unwrap()).unwrap();
    ///         assert_eq!(d.get_item(&py.str("k").unwrap()).unwrap().unwrap().repr().unwrap(), "7");
    ///         assert!(d.get_item(&py.str("x").unwrap()).unwrap().is_none());
    /// });
    /// ```
    pub fn get_item<K>(&self, key: &Bound<'py, K>) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(dict::get_item(self.py().heap(), self.view(), key.as_object())?.map(Bound::from_obj))
    }

    /// `del d[key]`.
    ///
    /// # Errors
    /// `KeyError: 'key'` when absent; `TypeError` for an unhashable key.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     assert_eq!(d.del_item(&py.str("x").unwrap()).unwrap_err().to_string(), "KeyError: 'x'");
    /// });
    /// ```
    pub fn del_item<K>(&self, key: &Bound<'py, K>) -> PyResult<()> {
        dict::del_item(self.py().heap(), self.view(), key.as_object())
    }

    /// The items in insertion order.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///         d.set_item(&py.str("b").unwrap(), &py.int(2).unwrap()).unwrap();
    ///         d.set_item(&py.str("a").unwrap(), &py.int(1).unwrap()).unwrap();
    ///         let keys: Vec<String> = d.items().iter().map(|(k, _)| k.str().unwrap()).collect();
    ///         assert_eq!(keys, ["b", "a"]);
    /// });
    /// ```
    pub fn items(&self) -> Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let heap = self.py().heap();
        dict::entries(self.view())
            // SAFETY: the dict holds references to its keys and values, objects of this runtime,
            // each taken as a new handle while nothing runs.
            .map(|(k, v)| unsafe {
                (
                    Bound::from_obj(Obj::from_borrowed(heap, k.as_ref())),
                    Bound::from_obj(Obj::from_borrowed(heap, v.as_ref())),
                )
            })
            .collect()
    }

    /// `d.copy()`: a clone of the table when at most a third of its entries are deleted, else a
    /// fresh dict sized for the items.
    ///
    /// # Errors
    /// `MemoryError` past the memory limit.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     for i in 0..40 {
    ///         d.set_item(&py.int(i).unwrap(), &py.int(i).unwrap()).unwrap();
    ///     }
    ///     assert_eq!((d.getsizeof(), d.copy().unwrap().getsizeof()), (1168, 1168));
    /// });
    /// ```
    pub fn copy(&self) -> PyResult<Bound<'py, PyDict>> {
        dict::copy(self.py().heap(), self.view()).map(Bound::from_obj)
    }

    /// `d.update(other)` (`dict_update_arg`): another dict merges as a mapping (`dict_merge`),
    /// anything else is an iterable of `(key, value)` pairs, as in a script; `dict(other)` is
    /// an empty dict updated.
    ///
    /// # Errors
    /// `TypeError: 'int' object is not iterable`, `TypeError: cannot convert dictionary update
    /// sequence element #0 to a sequence`, `ValueError: dictionary update sequence element #0
    /// has length 1; 2 is required`, `TypeError: unhashable type: ...`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let (a, b) = (py.dict().unwrap(), py.dict().unwrap());
    ///         b.set_item(&py.str("k").unwrap(), &py.int(1).unwrap()).unwrap();
    ///         a.update(&b).unwrap();
    ///         assert_eq!((a.len().unwrap(), a.getsizeof()), (1, 184));
    ///     let pair = py.tuple([py.int(2).unwrap().into_any(), py.int(3).unwrap().into_any()]);
    ///     a.update(&py.list([pair.unwrap()]).unwrap()).unwrap();
    ///     assert_eq!(a.repr().unwrap(), "{'k': 1, 2: 3}");
    ///     let err = a.update(&py.list([py.int(1).unwrap()]).unwrap()).unwrap_err();
    ///     assert_eq!(
    ///         err.to_string(),
    ///         "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
    ///     );
    /// });
    /// ```
    pub fn update<T>(&self, other: &Bound<'py, T>) -> PyResult<()> {
        dict::update_arg(self.py().heap(), self.view(), other.as_object())
    }

    /// `d.pop(key)`: the value removed, `None` when `key` was absent.
    ///
    /// # Errors
    /// `TypeError: unhashable type: ...`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.str("k").unwrap(), &py.int(7).unwrap()).unwrap();
    ///     assert_eq!(d.pop(&py.str("k").unwrap()).unwrap().unwrap().repr().unwrap(), "7");
    ///     assert!(d.pop(&py.str("k").unwrap()).unwrap().is_none());
    /// });
    /// ```
    pub fn pop<K>(&self, key: &Bound<'py, K>) -> PyResult<Option<Bound<'py, PyAny>>> {
        Ok(dict::pop(self.py().heap(), self.view(), key.as_object())?.map(Bound::from_obj))
    }

    /// `d.popitem()`: the last item in insertion order, removed (its entry is reused by the
    /// next insert, as in CPython).
    ///
    /// # Errors
    /// `KeyError: 'popitem(): dictionary is empty'`, or `MemoryError`.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     for i in 1..=2 {
    ///         d.set_item(&py.int(i).unwrap(), &py.int(i * 10).unwrap()).unwrap();
    ///     }
    ///     let (k, v) = d.popitem().unwrap();
    ///     assert_eq!((k.repr().unwrap(), v.repr().unwrap()), ("2".into(), "20".into()));
    ///     d.popitem().unwrap();
    ///     let err = d.popitem().unwrap_err().to_string();
    ///     assert_eq!(err, "KeyError: 'popitem(): dictionary is empty'");
    /// });
    /// ```
    pub fn popitem(&self) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let (k, v) = dict::methods::popitem(self.py().heap(), self.view())?;
        Ok((Bound::from_obj(k), Bound::from_obj(v)))
    }

    /// `d.clear()`: back to the shared empty table (64 bytes).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///         d.set_item(&py.int(1).unwrap(), &py.int(1).unwrap()).unwrap();
    ///         d.clear();
    ///         assert_eq!((d.len().unwrap(), d.getsizeof()), (0, 64));
    /// });
    /// ```
    pub fn clear(&self) {
        dict::clear(self.py().heap(), self.view());
    }
}
