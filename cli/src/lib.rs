//! # pyrt-cli: the `pyrt` command
//!
//! The command line of pyrt (the binary `pyrt`, `src/main.rs`) and what only it needs: the
//! built-in demos and the side-by-side benchmarks. The library part exists so that the
//! criterion benchmarks (`benches/alloc.rs`) and the tests can reach them.
//!
//! * [`demo`](mod@demo): the built-in demos of `pyrt demo`;
//! * [`bench`](mod@bench): `pyrt bench alloc`, the allocator against glibc, mimalloc and
//!   bumpalo; `pyrt bench gc`, `gc.collect()` against CPython 3.12's;
//! * [`tracemalloc_option`]: `pyrt run -X tracemalloc=N` and `PYTHONTRACEMALLOC`.

pub mod bench;
pub mod demo;
pub mod tracemalloc_option;
