//! Shared helpers of pyrt's integration tests.
//!
//! The tests themselves live in `tests/`: `allocator_*.rs` check `pyrt-allocator` against a
//! model of live blocks and against CPython's numbers. The `pyrt` command's own tests are in
//! `runtime/tests/`, where Cargo builds the binary for them.
//!
//! # Cross-checks against CPython
//!
//! [`cross_check`] (in [`cpython`](mod@cpython)) is the one runner of every comparison with
//! a live CPython 3.12.

pub mod cpython;

pub use cpython::{CPython, CrossCheck, cross_check};

/// A proptest configuration with `default_cases` cases unless `PROPTEST_CASES` says otherwise
/// (set it low when running under valgrind).
pub fn proptest_cases(default_cases: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases)
}
