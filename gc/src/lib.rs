//! # pyrt-gc: the generational cycle collector (`Modules/gcmodule.c`)
//!
//! This crate will hold the GC header that sits 16 bytes before every object of a GC type, the
//! three generations with CPython 3.12's thresholds, and the collection phases. It sees objects
//! only through a contract (traverse, clear, refcount access) that `pyrt-objects` implements,
//! never names a concrete type and never frees memory itself.
//!
//! Status: the crate is a placeholder in the workspace layout; the collector is built by the
//! cycle-collector issue. It exports nothing yet.
