//! # pyrt: a CPython 3.12 object runtime in Rust
//!
//! This crate is the top of pyrt: the public API, the `pyrt` command and its benchmarks. It
//! builds on `pyrt-allocator` (pymalloc), and will build on `pyrt-objects` and `pyrt-gc` as
//! the object model and the cycle collector arrive.
//!
//! Today it holds:
//! * [`demo`](mod@demo): the built-in demos of `pyrt demo`;
//! * [`bench`](mod@bench): `pyrt bench alloc`, the allocator against glibc, mimalloc and bumpalo;
//!   `pyrt bench gc`, `gc.collect()` against CPython 3.12's.
//!
//! The allocator itself is re-exported as [`allocator`].

pub mod api;
pub mod interp;

pub use api::{
    Bound, DictItemIterator, DictKeyIterator, DictValueIterator, ExcKind, FromPyObject,
    FrozenSetIterator, GenerationStats, ListIterator, PyAny, PyBool, PyBytes, PyComplex, PyDict,
    PyErr, PyFloat, PyFrozenSet, PyInt, PyList, PyNone, PyResult, PySet, PyStr, PyTuple, PyType,
    PyTypeInfo, PyWeakref, Python, Runtime, RuntimeConfig, SetIterator, SetLike, TupleIterator,
    gc_debug,
};
pub use pyrt_objects::CompareOp;

pub use pyrt_allocator as allocator;

/// The CPython version whose object model pyrt mirrors.
pub const CPYTHON_VERSION: &str = "3.12.1";

/// The examples of README.md, compiled and run as doctests so that they stay true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
