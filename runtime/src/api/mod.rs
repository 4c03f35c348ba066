//! The public Rust API, shaped like PyO3: a [`Runtime`] owns the heap; [`Runtime::with`] hands
//! a [`Python`] token to a closure; objects are [`Bound`] handles that increment the refcount on
//! clone and decrement it on drop, at once; typed views ([`PyInt`], [`PyFloat`], …) come from
//! [`Bound::cast`]; operations return [`PyResult`] with CPython's exceptions.
//!
//! The token's lifetime is branded (invariant), so objects of one runtime can never be handed to
//! another: the compiler rejects it. No `unsafe` is needed to use any of it.

mod bound;
mod class;
mod dict;
mod extract;
mod gc;
mod iter;
mod list;
mod python;
mod runtime;
mod set;
mod tracemalloc;
mod types;

pub use bound::Bound;
pub use extract::FromPyObject;
pub use iter::{
    DictItemIterator, DictKeyIterator, DictValueIterator, FrozenSetIterator, ListIterator,
    SetIterator, TupleIterator,
};
pub use python::Python;
pub use runtime::{Runtime, RuntimeConfig};
pub use set::SetLike;
pub use types::{
    PyAny, PyBool, PyBytes, PyComplex, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyNone, PySet,
    PyStr, PyTuple, PyType, PyTypeInfo, PyWeakref,
};

pub use pyrt_gc::{GenerationStats, debug as gc_debug};
pub use pyrt_objects::{ExcKind, PyErr, PyResult};
