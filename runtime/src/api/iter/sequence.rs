//! The list and tuple iterators (`list_iterator`, `tuple_iterator`).

use core::iter::FusedIterator;

use pyrt_objects::types::list;

use crate::api::bound::Bound;
use crate::api::types::{PyAny, PyList, PyTuple};

/// An iterator over a list, as CPython's `list_iterator`: each step reads the item at the
/// next index of the list as it is then, so it sees items appended during iteration, and
/// it ends when the index passes the length.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
///     let mut it = l.iter();
///     assert_eq!(it.next().unwrap().repr().unwrap(), "1");
///     l.append(&py.str("new").unwrap()).unwrap();
///     let rest: Vec<String> = it.map(|x| x.repr().unwrap()).collect();
///     assert_eq!(rest, ["2", "'new'"]);
/// });
/// ```
#[derive(Clone, Debug)]
pub struct ListIterator<'py> {
    /// `it_seq`: `None` once exhausted.
    list: Option<Bound<'py, PyList>>,
    /// `it_index`.
    index: usize,
}

impl<'py> Iterator for ListIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Bound<'py, PyAny>> {
        let l = self.list.as_ref()?;
        if self.index < list::list_len(l.view())
            && let Ok(item) = l.get_item(self.index as isize)
        {
            self.index += 1;
            return Some(item);
        }
        self.list = None;
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .list
            .as_ref()
            .map_or(0, |l| list::list_len(l.view()).saturating_sub(self.index));
        (n, Some(n))
    }
}

impl FusedIterator for ListIterator<'_> {}

impl<'py> Bound<'py, PyList> {
    /// `iter(l)`: the items, read by index at each step (see [`ListIterator`]).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let l = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
    ///     // for x in l: if len(l) < 4: l.append(x * 10)
    ///     let mut seen = Vec::new();
    ///     for x in l.iter() {
    ///         if l.len().unwrap() < 4 {
    ///             l.append(&x.mul(&py.int(10).unwrap()).unwrap()).unwrap();
    ///         }
    ///         seen.push(x.repr().unwrap());
    ///     }
    ///     assert_eq!(seen, ["1", "2", "10", "20"]);
    /// });
    /// ```
    pub fn iter(&self) -> ListIterator<'py> {
        self.clone().into_iter()
    }
}

/// `for x in l`, the list handle moved into the iterator.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let l = py.list([py.str("a").unwrap(), py.str("b").unwrap()]).unwrap();
///     let items: Vec<String> = l.into_iter().map(|x| x.str().unwrap()).collect();
///     assert_eq!(items, ["a", "b"]);
/// });
/// ```
impl<'py> IntoIterator for Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = ListIterator<'py>;

    fn into_iter(self) -> ListIterator<'py> {
        ListIterator {
            list: Some(self),
            index: 0,
        }
    }
}

/// `for x in &l`: [`Bound<PyList>::iter`].
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let l = py.list([py.int(3).unwrap(), py.int(4).unwrap()]).unwrap();
///     let mut total = 0;
///     for x in &l {
///         total += x.extract::<i64>().unwrap();
///     }
///     assert_eq!(total, 7);
/// });
/// ```
impl<'py> IntoIterator for &Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = ListIterator<'py>;

    fn into_iter(self) -> ListIterator<'py> {
        self.iter()
    }
}

/// An iterator over a tuple, as CPython's `tuple_iterator`; tuples cannot change, so it knows
/// its length and runs from both ends.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let t = py.tuple([py.int(1).unwrap(), py.int(2).unwrap(), py.int(3).unwrap()]).unwrap();
///     let mut it = t.iter();
///     assert_eq!(it.len(), 3);
///     assert_eq!(it.next_back().unwrap().repr().unwrap(), "3");
///     assert_eq!(it.map(|x| x.repr().unwrap()).collect::<Vec<_>>(), ["1", "2"]);
/// });
/// ```
#[derive(Clone, Debug)]
pub struct TupleIterator<'py> {
    /// `it_seq`: `None` once exhausted.
    tuple: Option<Bound<'py, PyTuple>>,
    /// The next index from the front.
    front: usize,
    /// One past the next index from the back.
    back: usize,
}

impl<'py> TupleIterator<'py> {
    /// The item at `index`, or `None` (and the tuple let go) when the ends have met.
    fn take(&mut self, index: impl FnOnce(&mut Self) -> usize) -> Option<Bound<'py, PyAny>> {
        if self.front < self.back {
            let i = index(self);
            if let Ok(item) = self.tuple.as_ref()?.get_item(i as isize) {
                return Some(item);
            }
        }
        self.tuple = None;
        None
    }
}

impl<'py> Iterator for TupleIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Bound<'py, PyAny>> {
        self.take(|it| {
            it.front += 1;
            it.front - 1
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = if self.tuple.is_some() {
            self.back - self.front
        } else {
            0
        };
        (n, Some(n))
    }
}

impl DoubleEndedIterator for TupleIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.take(|it| {
            it.back -= 1;
            it.back
        })
    }
}

impl ExactSizeIterator for TupleIterator<'_> {}

impl FusedIterator for TupleIterator<'_> {}

impl<'py> Bound<'py, PyTuple> {
    /// `iter(t)`: the items in order (see [`TupleIterator`]).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let t = py.tuple([py.str("x").unwrap().into_any(), py.none().into_any()]).unwrap();
    ///     let reprs: Vec<String> = t.iter().rev().map(|x| x.repr().unwrap()).collect();
    ///     assert_eq!(reprs, ["None", "'x'"]);
    /// });
    /// ```
    pub fn iter(&self) -> TupleIterator<'py> {
        self.clone().into_iter()
    }
}

/// `for x in t`, the tuple handle moved into the iterator.
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let t = py.tuple([py.int(5).unwrap(), py.int(6).unwrap()]).unwrap();
///     assert_eq!(t.into_iter().map(|x| x.repr().unwrap()).collect::<Vec<_>>(), ["5", "6"]);
/// });
/// ```
impl<'py> IntoIterator for Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = TupleIterator<'py>;

    fn into_iter(self) -> TupleIterator<'py> {
        let back = pyrt_objects::types::tuple::tuple_len(self.view());
        TupleIterator {
            tuple: Some(self),
            front: 0,
            back,
        }
    }
}

/// `for x in &t`: [`Bound<PyTuple>::iter`].
///
/// # Example
/// ```
/// pyrt::Runtime::new().with(|py| {
///     let t = py.tuple([py.int(5).unwrap(), py.int(6).unwrap()]).unwrap();
///     let mut n = 0;
///     for _ in &t {
///         n += 1;
///     }
///     assert_eq!(n, 2);
/// });
/// ```
impl<'py> IntoIterator for &Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = TupleIterator<'py>;

    fn into_iter(self) -> TupleIterator<'py> {
        self.iter()
    }
}
