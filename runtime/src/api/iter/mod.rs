//! Iterators over the containers (`list_iterator` of `Objects/listobject.c`, `tuple_iterator`
//! of `Objects/tupleobject.c`, `dict_keyiterator`/`dict_valueiterator`/`dict_itemiterator` of
//! `Objects/dictobject.c`, `set_iterator` of `Objects/setobject.c`).
//!
//! | method | iterator | item | the container changes during iteration |
//! |---|---|---|---|
//! | `Bound<PyList>::iter` | [`ListIterator`] | `Bound<PyAny>` | read by index each step: appends are seen |
//! | `Bound<PyTuple>::iter` | [`TupleIterator`] | `Bound<PyAny>` | cannot happen: exact size, double-ended |
//! | `Bound<PyDict>::iter`, `keys`, `values` | [`DictItemIterator`], [`DictKeyIterator`], [`DictValueIterator`] | `PyResult<…>` | walked by position; `RuntimeError` when the size changed |
//! | `Bound<PySet>::iter` | [`SetIterator`] | `PyResult<Bound<PyAny>>` | walked by position; `RuntimeError` when the size changed |
//! | `Bound<PyFrozenSet>::iter` | [`FrozenSetIterator`] | `Bound<PyAny>` | cannot happen: exact size |
//!
//! Every iterator holds a reference to its container, as CPython's do, and lets it go when it
//! is exhausted: an exhausted iterator stays exhausted even if the container grows afterwards.
//! `IntoIterator` is implemented for `Bound<…>` and `&Bound<…>` of each container.
//!
//! The dict and set iterators walk the table by position as CPython's do (`di_pos`, `si_pos`,
//! with the size they started with): one private `Cursor` holds that state for both, and each
//! one's documentation states, under *Changes during iteration*, what it then yields or
//! raises. The one difference from CPython: after a `changed size` error the iterator is
//! exhausted and lets its container go, where CPython's keeps it and raises again.

mod sequence;
mod table;

use pyrt_objects::{ExcKind, PyErr};

pub use sequence::{ListIterator, TupleIterator};
pub use table::{
    DictItemIterator, DictKeyIterator, DictValueIterator, FrozenSetIterator, SetIterator,
};

/// `RuntimeError(message)`.
#[cold]
fn runtime_error(message: &str) -> PyErr {
    PyErr::new(ExcKind::RuntimeError, message)
}
