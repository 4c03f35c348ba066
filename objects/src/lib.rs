//! # pyrt-objects: CPython 3.12's objects on pyrt's allocator (`Objects/*.c`, `Include/object.h`)
//!
//! This crate will hold the `PyObject`/`PyVarObject` headers, type objects and their slot tables,
//! every concrete type, interning, the small-int cache and deallocation, all allocated on
//! `pyrt-allocator`, and it will implement `pyrt-gc`'s contract.
//!
//! Status: the crate is a placeholder in the workspace layout; the object model is built by the
//! object-model issues. It exports nothing yet.
