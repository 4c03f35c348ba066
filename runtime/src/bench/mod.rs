//! Benchmarks that `pyrt bench` runs, side by side with competitors in one process, reported as
//! ratios (never as timed tests).

pub mod alloc;
pub mod competitors;
pub mod measure;
