//! The collector's typed errors.

use thiserror::Error;

/// What a collector operation can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GcError {
    /// `gc.collect(g)` with `g` outside 0..=2 (CPython's `ValueError: invalid generation`).
    #[error("invalid generation")]
    InvalidGeneration,
    /// A checker found a broken invariant (a bug in the collector or a contract violation).
    #[error("gc invariant violated: {0}")]
    Corrupt(String),
}
