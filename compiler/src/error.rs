//! The compiler's errors: what CPython raises from `compile()` (`SyntaxError` with a message
//! and location, and the `RecursionError`/`MemoryError` of its depth limits).

use thiserror::Error;

use crate::instr::Location;

/// The exception class a compile error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a `SyntaxError` subclass).
    Indentation,
    /// `RecursionError` (`maximum recursion depth exceeded during compilation`).
    Recursion,
    /// `MemoryError`.
    Memory,
    /// `SystemError`: the compiler's own invariant broken (`malformed control flow graph.`),
    /// never the fault of the source.
    System,
}

/// A source that cannot be compiled, with CPython's message and where it is.
#[derive(Clone, Debug, Error)]
#[error("{message} ({}, line {})", .filename, .location.lineno)]
pub struct CompileError {
    /// The exception class.
    pub kind: ErrorKind,
    /// CPython's message (`'return' outside function`, ...).
    pub message: String,
    /// The file name given to the compiler.
    pub filename: String,
    /// Where: 1-based lines, 0-based UTF-8 byte columns, as in [`Location`].
    pub location: Location,
}

impl CompileError {
    /// A `SyntaxError` at `location`.
    pub fn syntax(filename: &str, message: impl Into<String>, location: Location) -> CompileError {
        CompileError {
            kind: ErrorKind::Syntax,
            message: message.into(),
            filename: filename.to_owned(),
            location,
        }
    }
}
