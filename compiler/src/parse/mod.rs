//! The parse front end: source bytes and text to Ruff's syntax tree, behind CPython 3.12's
//! limits, with CPython's `SyntaxError` reports (the part of `Parser/` — the tokenizer's and
//! the PEG parser's limits, `pegen_errors.c`'s presentation — that runs before the compiler).
//!
//! * [`source`]: decoding (`decode`, as the tokenizer checks bytes), line tables ([`Lines`]),
//!   [`parse`] after the tokenizer's bracket and indentation limits, the REPL's
//!   [`is_incomplete`], and [`SyntaxError`] / [`ParseFailure`] rendered as CPython prints them;
//! * `parser_stack`: CPython's 6000-level parser stack, estimated from the tokens, so that
//!   Ruff's parser never recurses past what its stack holds;
//! * `error_range`: the range a `SyntaxError` marks (the token a generic `invalid syntax` is
//!   at, the `invalid_*` rules placed from the tokens: Python 2's `print x`, a missing comma);
//! * [`ast_drop`]: syntax trees dropped with a work list, whatever their depth.
//!
//! The interpreter (`pyrt-interp`) parses with it today; the compiler's entry point, source
//! text, goes through it too.

pub mod ast_drop;
mod error_range;
pub mod int_limit;
mod parser_stack;
mod radix_literal;
pub mod source;

pub use ast_drop::drop_body;
pub use source::{Lines, ParseFailure, SyntaxError, decode, is_incomplete, parse};
