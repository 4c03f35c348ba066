//! Benchmarks that `pyrt bench` runs, side by side with competitors, reported as ratios (never
//! as timed tests): `alloc` against other allocators in one process, `gc` against CPython 3.12
//! running the same script, `interp` against CPython 3.12 running the same programs.

pub mod alloc;
pub mod competitors;
pub mod gc;
pub mod interp;
pub mod measure;
