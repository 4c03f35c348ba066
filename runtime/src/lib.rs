//! # pyrt: a CPython 3.12 object runtime in Rust
//!
//! This crate is pyrt's public Rust API, shaped like PyO3: a [`Runtime`] owns a heap of
//! objects laid out as CPython 3.12 lays them out, [`Runtime::with`] lends a [`Python`] token,
//! and objects are [`Bound`] handles (see [`api`]). It builds on `pyrt-allocator` (pymalloc,
//! re-exported as [`allocator`]), `pyrt-objects` (the object model) and `pyrt-gc` (the cycle
//! collector), and on nothing else: no parser, no command line.
//!
//! The crates around it:
//! * `pyrt-interp` runs Python scripts on these runtimes (`use pyrt_interp::RunScripts as _;`
//!   then `py.run_capture(..)`);
//! * `pyrt-compiler` compiles Python source to CPython 3.12 bytecode (being built), and holds
//!   the parse front end the interpreter uses;
//! * `pyrt-cli` is the `pyrt` command (`run`, `repl`, `demo`, `bench`).

pub mod api;

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
