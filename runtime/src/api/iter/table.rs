//! The dict and set iterators: CPython's positional walk over the table (`di_pos`, `si_pos`)
//! with its size checks, shared by [`Cursor`].

use core::iter::FusedIterator;

use pyrt_objects::PyResult;
use pyrt_objects::types::{dict, set};

use super::runtime_error;
use crate::api::bound::Bound;
use crate::api::types::{PyAny, PyDict, PyFrozenSet, PySet};

/// The contract of the dict and set iterators, shown in each one's documentation.
macro_rules! checks_doc {
    () => {
        "# Changes during iteration
As CPython's, the iterator walks the table by position and checks the container's size at
each step:
1. when the size differs from the size at creation: `RuntimeError: dictionary changed size
   during iteration` (`Set changed size during iteration` for a set);
2. a dict iterator that finds an entry after it has yielded as many items as the dict had:
   `RuntimeError: dictionary keys changed during iteration` (keys were deleted and others
   inserted);
3. otherwise the entry at the next position is yielded, as CPython would yield it: a value
   replaced is seen; at equal size, a key inserted after one was deleted is yielded when
   its entry (its slot, for a set) lies ahead of the position, and entries that moved when
   the table was rebuilt (compacted for a dict, rehashed for a set) are found where they
   now lie: skipped when behind the position, and for a set maybe yielded a second time.

After an error the iterator is exhausted, so `for` loops and `filter_map(Result::ok)` end.
CPython's ends too after `keys changed`, but raises `changed size` again at each `next()`.

`size_hint` is `(0, Some(n + 1))` for a dict whose size is unchanged, where `n` is CPython's
`__length_hint__()` (the items left) and the `+ 1` leaves room for a `keys changed` error;
`(0, None)` for such a set, which may yield more items than it had; `(1, Some(1))` once the
size changed (the pending error); `(0, Some(0))` when exhausted.
"
    };
}

/// A dict or a set seen by [`Cursor`].
trait Table<'py> {
    /// What one step yields.
    type Item;
    /// CPython's message when the size changed.
    const SIZE_CHANGED: &'static str;
    /// CPython's message when more entries are found than the size allows (dicts only).
    const KEYS_CHANGED: Option<&'static str>;

    /// The number of keys (`ma_used`, `used`).
    fn used(&self) -> usize;
    /// The item at or after position `pos`, and the position after it.
    fn entry_from(&self, pos: usize) -> Option<(usize, Self::Item)>;
}

impl<'py> Table<'py> for Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    const SIZE_CHANGED: &'static str = "dictionary changed size during iteration";
    const KEYS_CHANGED: Option<&'static str> = Some("dictionary keys changed during iteration");

    fn used(&self) -> usize {
        dict::dict_len(self.view())
    }

    fn entry_from(&self, pos: usize) -> Option<(usize, Self::Item)> {
        let (next, k, v) = dict::next_entry(self.view(), pos)?;
        let py = self.py();
        // SAFETY: a key and a value of this live dict, taken as new handles at once.
        Some((next, unsafe { (py.borrowed(k), py.borrowed(v)) }))
    }
}

impl<'py> Table<'py> for Bound<'py, PySet> {
    type Item = Bound<'py, PyAny>;
    const SIZE_CHANGED: &'static str = "Set changed size during iteration";
    const KEYS_CHANGED: Option<&'static str> = None;

    fn used(&self) -> usize {
        set::set_len(self.view().as_any())
    }

    fn entry_from(&self, pos: usize) -> Option<(usize, Self::Item)> {
        let (next, k) = set::next_entry(self.py().heap(), self.view().as_any(), pos)?;
        // SAFETY: an element of this live set, taken as a new handle at once.
        Some((next, unsafe { self.py().borrowed(k) }))
    }
}

/// The state of CPython's dict and set iterators: the container (`di_dict`, `si_set`), its
/// size at creation (`di_used`), the next position (`di_pos`) and the items left (`len`).
#[derive(Clone, Debug)]
struct Cursor<C> {
    /// `None` once exhausted or failed: the container is let go.
    table: Option<C>,
    used: usize,
    pos: usize,
    len: usize,
}

impl<'py, C: Table<'py>> Cursor<C> {
    fn new(table: C) -> Self {
        let used = table.used();
        Cursor {
            table: Some(table),
            used,
            pos: 0,
            len: used,
        }
    }

    fn next(&mut self) -> Option<PyResult<C::Item>> {
        let table = self.table.as_ref()?;
        let outcome = if table.used() != self.used {
            Some(Err(runtime_error(C::SIZE_CHANGED)))
        } else {
            match table.entry_from(self.pos) {
                Some((_, _)) if self.len == 0 && C::KEYS_CHANGED.is_some() => {
                    C::KEYS_CHANGED.map(|m| Err(runtime_error(m)))
                }
                Some((next, item)) => {
                    self.pos = next;
                    self.len = self.len.saturating_sub(1);
                    return Some(Ok(item));
                }
                None => None,
            }
        };
        self.table = None;
        outcome
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.table {
            None => (0, Some(0)),
            Some(t) if t.used() != self.used => (1, Some(1)),
            Some(_) if C::KEYS_CHANGED.is_some() => (0, Some(self.len + 1)),
            Some(_) => (0, None),
        }
    }
}

/// Declares a dict or set iterator over a [`Cursor`], yielding `$item` mapped by `$map`.
macro_rules! cursor_iterator {
    ($(#[$doc:meta])* $name:ident, $table:ident, $item:ty, $map:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $name<'py>(Cursor<Bound<'py, $table>>);

        impl<'py> Iterator for $name<'py> {
            type Item = PyResult<$item>;

            fn next(&mut self) -> Option<Self::Item> {
                let map: fn(<Bound<'py, $table> as Table<'py>>::Item) -> $item = $map;
                self.0.next().map(|r| r.map(map))
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.0.size_hint()
            }
        }

        impl FusedIterator for $name<'_> {}
    };
}

cursor_iterator!(
    /// An iterator over a dict's `(key, value)` pairs in insertion order, as CPython's
    /// `dict_itemiterator`, with its `RuntimeError`s.
    ///
    #[doc = checks_doc!()]
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.str("a").unwrap(), &py.int(1).unwrap()).unwrap();
    ///     d.set_item(&py.str("b").unwrap(), &py.int(2).unwrap()).unwrap();
    ///     // for k, v in d.items(): d['b'] = 20  -> [('a', 1), ('b', 20)]
    ///     let mut seen = Vec::new();
    ///     for item in d.iter() {
    ///         let (k, v) = item.unwrap();
    ///         d.set_item(&py.str("b").unwrap(), &py.int(20).unwrap()).unwrap();
    ///         seen.push(format!("{k:?}: {v:?}"));
    ///     }
    ///     assert_eq!(seen, ["'a': 1", "'b': 20"]);
    /// });
    /// ```
    DictItemIterator,
    PyDict,
    (Bound<'py, PyAny>, Bound<'py, PyAny>),
    |kv| kv
);

cursor_iterator!(
    /// An iterator over a dict's keys in insertion order, as CPython's `dict_keyiterator`,
    /// with its `RuntimeError`s.
    ///
    #[doc = checks_doc!()]
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.int(2).unwrap(), &py.none()).unwrap();
    ///     d.set_item(&py.int(1).unwrap(), &py.none()).unwrap();
    ///     let keys: pyrt::PyResult<Vec<_>> = d.keys().collect();
    ///     assert_eq!(format!("{:?}", keys.unwrap()), "[2, 1]");
    /// });
    /// ```
    DictKeyIterator,
    PyDict,
    Bound<'py, PyAny>,
    |(k, _)| k
);

cursor_iterator!(
    /// An iterator over a dict's values in insertion order of their keys, as CPython's
    /// `dict_valueiterator`, with its `RuntimeError`s.
    ///
    #[doc = checks_doc!()]
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.str("x").unwrap(), &py.float(0.5).unwrap()).unwrap();
    ///     let values: Vec<String> = d.values().map(|v| v.unwrap().repr().unwrap()).collect();
    ///     assert_eq!(values, ["0.5"]);
    /// });
    /// ```
    DictValueIterator,
    PyDict,
    Bound<'py, PyAny>,
    |(_, v)| v
);

cursor_iterator!(
    /// An iterator over a set's elements in table order, as CPython's `set_iterator`, with
    /// its `RuntimeError`s.
    ///
    #[doc = checks_doc!()]
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///     let mut it = s.iter();
    ///     assert_eq!(it.next().unwrap().unwrap().repr().unwrap(), "1");
    ///     s.insert(&py.int(3).unwrap()).unwrap();
    ///     let e = it.next().unwrap().unwrap_err();
    ///     assert_eq!(e.message(), "Set changed size during iteration");
    ///     assert!(it.next().is_none());
    /// });
    /// ```
    SetIterator,
    PySet,
    Bound<'py, PyAny>,
    |k| k
);

impl<'py> Bound<'py, PyDict> {
    /// `iter(d.items())`: the `(key, value)` pairs in insertion order (see
    /// [`DictItemIterator`]).
    ///
    /// # Errors
    /// Items are `Err` when the dict changes during iteration: `RuntimeError: dictionary
    /// changed size during iteration`, or `RuntimeError: dictionary keys changed during
    /// iteration` when keys replaced at equal size make it find more entries than the dict
    /// had (see [`DictItemIterator`]). The iterator ends after the error.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     d.set_item(&py.str("a").unwrap(), &py.int(1).unwrap()).unwrap();
    ///     d.set_item(&py.str("b").unwrap(), &py.int(2).unwrap()).unwrap();
    ///     let mut it = d.iter();
    ///     let (k, v) = it.next().unwrap().unwrap();
    ///     assert_eq!((k.repr().unwrap(), v.repr().unwrap()), ("'a'".into(), "1".into()));
    ///     d.set_item(&py.str("c").unwrap(), &py.int(3).unwrap()).unwrap();
    ///     let e = it.next().unwrap().unwrap_err();
    ///     assert_eq!(e.message(), "dictionary changed size during iteration");
    ///     assert!(it.next().is_none());
    /// });
    /// ```
    pub fn iter(&self) -> DictItemIterator<'py> {
        self.clone().into_iter()
    }

    /// `iter(d)` (`iter(d.keys())`): the keys in insertion order (see [`DictKeyIterator`]).
    ///
    /// # Errors
    /// As [`Bound<PyDict>::iter`].
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     for w in ["b", "a"] {
    ///         d.set_item(&py.str(w).unwrap(), &py.none()).unwrap();
    ///     }
    ///     let keys: Vec<String> = d.keys().map(|k| k.unwrap().str().unwrap()).collect();
    ///     assert_eq!(keys, ["b", "a"]);
    ///     // for k in d: del d[k]
    ///     let e = d.keys().map(|k| d.del_item(&k?)).collect::<pyrt::PyResult<()>>().unwrap_err();
    ///     assert_eq!(e.message(), "dictionary changed size during iteration");
    /// });
    /// ```
    pub fn keys(&self) -> DictKeyIterator<'py> {
        DictKeyIterator(Cursor::new(self.clone()))
    }

    /// `iter(d.values())`: the values in their keys' insertion order (see
    /// [`DictValueIterator`]).
    ///
    /// # Errors
    /// As [`Bound<PyDict>::iter`].
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     for (k, v) in [("a", 1), ("b", 2)] {
    ///         d.set_item(&py.str(k).unwrap(), &py.int(v).unwrap()).unwrap();
    ///     }
    ///     let total: i64 = d.values().map(|v| v.unwrap().extract::<i64>().unwrap()).sum();
    ///     assert_eq!(total, 3);
    /// });
    /// ```
    pub fn values(&self) -> DictValueIterator<'py> {
        DictValueIterator(Cursor::new(self.clone()))
    }
}

/// `for item in d`, the dict handle moved into the iterator; yields `(key, value)` pairs
/// (what Python's `d.items()` yields: a Rust user expects pairs from a map).
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let d = py.dict().unwrap();
///     d.set_item(&py.int(1).unwrap(), &py.str("one").unwrap()).unwrap();
///     let pairs: Vec<String> = d.into_iter().map(|kv| format!("{:?}", kv.unwrap())).collect();
///     assert_eq!(pairs, ["(1, 'one')"]);
/// });
/// ```
impl<'py> IntoIterator for Bound<'py, PyDict> {
    type Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;
    type IntoIter = DictItemIterator<'py>;

    fn into_iter(self) -> DictItemIterator<'py> {
        DictItemIterator(Cursor::new(self))
    }
}

/// `for item in &d`: [`Bound<PyDict>::iter`].
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let d = py.dict().unwrap();
///     d.set_item(&py.str("k").unwrap(), &py.int(7).unwrap()).unwrap();
///     for item in &d {
///         let (k, v) = item.unwrap();
///         assert_eq!((k.str().unwrap(), v.extract::<i64>().unwrap()), ("k".into(), 7));
///     }
/// });
/// ```
impl<'py> IntoIterator for &Bound<'py, PyDict> {
    type Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;
    type IntoIter = DictItemIterator<'py>;

    fn into_iter(self) -> DictItemIterator<'py> {
        self.iter()
    }
}

impl<'py> Bound<'py, PySet> {
    /// `iter(s)`: the elements in table order (see [`SetIterator`]).
    ///
    /// # Errors
    /// An item is `Err` when the set's size changed during iteration: `RuntimeError: Set
    /// changed size during iteration`. Elements replaced at equal size raise nothing, as in
    /// CPython: each is yielded or not by where its slot lies (see [`SetIterator`]). The
    /// iterator ends after the error.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     // list(set(['eggs', 'ham', 'spam'])) in CPython 3.12 with PYTHONHASHSEED=0
    ///     let s = py.set(["eggs", "ham", "spam"].map(|w| py.str(w).unwrap())).unwrap();
    ///     let order: pyrt::PyResult<Vec<_>> = s.iter().map(|e| e?.str()).collect();
    ///     assert_eq!(order.unwrap(), ["spam", "eggs", "ham"]);
    /// });
    /// ```
    pub fn iter(&self) -> SetIterator<'py> {
        self.clone().into_iter()
    }
}

/// `for item in s`, the set handle moved into the iterator.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let s = py.set([py.int(7).unwrap()]).unwrap();
///     let items: Vec<String> = s.into_iter().map(|e| e.unwrap().repr().unwrap()).collect();
///     assert_eq!(items, ["7"]);
/// });
/// ```
impl<'py> IntoIterator for Bound<'py, PySet> {
    type Item = PyResult<Bound<'py, PyAny>>;
    type IntoIter = SetIterator<'py>;

    fn into_iter(self) -> SetIterator<'py> {
        SetIterator(Cursor::new(self))
    }
}

/// `for item in &s`: [`Bound<PySet>::iter`].
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let s = py.set((0..3).map(|i| py.int(i).unwrap())).unwrap();
///     let mut total = 0;
///     for e in &s {
///         total += e.unwrap().extract::<i64>().unwrap();
///     }
///     assert_eq!(total, 3);
/// });
/// ```
impl<'py> IntoIterator for &Bound<'py, PySet> {
    type Item = PyResult<Bound<'py, PyAny>>;
    type IntoIter = SetIterator<'py>;

    fn into_iter(self) -> SetIterator<'py> {
        self.iter()
    }
}

/// An iterator over a frozenset's elements in table order, as CPython's `set_iterator`; a
/// frozenset cannot change, so the items are plain handles and the length is known. It takes
/// the elements when created (a reference to each, released as they are yielded).
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let f = py.frozenset((1..=3).map(|i| py.int(i).unwrap())).unwrap();
///     let mut it = f.iter();
///     assert_eq!(it.len(), 3);
///     assert_eq!(it.next().unwrap().repr().unwrap(), "1");
///     assert_eq!(it.len(), 2);
/// });
/// ```
#[derive(Clone, Debug)]
pub struct FrozenSetIterator<'py> {
    /// `si_set`: `None` once exhausted.
    set: Option<Bound<'py, PyFrozenSet>>,
    /// The elements not yet yielded.
    elements: std::vec::IntoIter<Bound<'py, PyAny>>,
}

impl<'py> Iterator for FrozenSetIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Bound<'py, PyAny>> {
        let item = self.elements.next();
        if item.is_none() {
            self.set = None;
        }
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.elements.size_hint()
    }
}

impl ExactSizeIterator for FrozenSetIterator<'_> {}

impl FusedIterator for FrozenSetIterator<'_> {}

impl<'py> Bound<'py, PyFrozenSet> {
    /// `iter(f)`: the elements in table order (see [`FrozenSetIterator`]).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     // list(frozenset([5, 3, 17, 1000, -1])) in CPython 3.12
    ///     let f = py.frozenset([5, 3, 17, 1000, -1].map(|i| py.int(i).unwrap())).unwrap();
    ///     let order: Vec<String> = f.iter().map(|e| e.repr().unwrap()).collect();
    ///     assert_eq!(order, ["3", "5", "1000", "17", "-1"]);
    /// });
    /// ```
    pub fn iter(&self) -> FrozenSetIterator<'py> {
        self.clone().into_iter()
    }
}

/// `for item in f`, the frozenset handle moved into the iterator.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let f = py.frozenset([py.str("only").unwrap()]).unwrap();
///     assert_eq!(f.into_iter().map(|e| e.str().unwrap()).collect::<Vec<_>>(), ["only"]);
/// });
/// ```
impl<'py> IntoIterator for Bound<'py, PyFrozenSet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = FrozenSetIterator<'py>;

    fn into_iter(self) -> FrozenSetIterator<'py> {
        FrozenSetIterator {
            elements: self.elements().into_iter(),
            set: Some(self),
        }
    }
}

/// `for item in &f`: [`Bound<PyFrozenSet>::iter`].
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let f = py.frozenset((0..4).map(|i| py.int(i).unwrap())).unwrap();
///     let mut n = 0;
///     for _ in &f {
///         n += 1;
///     }
///     assert_eq!(n, 4);
/// });
/// ```
impl<'py> IntoIterator for &Bound<'py, PyFrozenSet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = FrozenSetIterator<'py>;

    fn into_iter(self) -> FrozenSetIterator<'py> {
        self.iter()
    }
}
