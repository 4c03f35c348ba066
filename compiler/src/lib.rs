//! # pyrt-compiler: Python source to CPython 3.12 bytecode
//!
//! The compiler behind pyrt's interpreter, written from the behaviour of CPython 3.12's
//! `Python/symtable.c`, `Python/ast_opt.c`, `Python/compile.c`, `Python/flowgraph.c` and
//! `Python/assemble.c`, and of `Lib/dis.py`. It is its own crate because it needs nothing of
//! the object model: its output is plain data ([`code::CodeObject`]) that the interpreter makes
//! into objects, so it builds fast and is tested on its own against the live CPython's `dis`.
//!
//! ```text
//!   source ──Ruff's parser──► syntax tree ──symtable──► scopes
//!                                  │ └──fold (ast_opt)──► folded constants
//!                                  ▼
//!                          codegen ──► InstrSequence ──flowgraph──► CFG ──assemble──► CodeObject
//!                                                                                  └──dis──► text
//! ```
//!
//! Modules:
//! * [`opcode`]: 3.12's opcode numbers, arguments and inline caches;
//! * [`code`]: the code object's fields and constants, as plain data;
//! * [`instr`]: the instruction sequence, labels and locations;
//! * [`symtable`]: scopes and names;
//! * [`codegen`]: the code generator, from the syntax tree to instruction sequences;
//! * [`fold`]: constant folding;
//! * [`repr`]: `repr()` of constants, as CPython prints them;
//! * [`linetable`]: reading `co_linetable` (`co_positions()`, line numbers);
//! * [`dis`]: the disassembler, printing what `dis.dis` prints;
//! * [`flowgraph`]: the control-flow graph's optimisation and the assembler;
//! * [`source_map`]: byte offsets to lines and columns;
//! * [`carets`]: the `~~^~~` line under a traceback's source line, as CPython 3.12 draws it;
//! * [`error`]: `SyntaxError` and the compiler's other errors;
//! * [`parse`]: the parse front end: Ruff's parser behind CPython's limits, source decoding.

pub mod carets;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod flowgraph;
pub mod fold;
pub mod instr;
pub mod linetable;
pub mod opcode;
pub mod parse;
pub mod repr;
pub mod source_map;
pub mod symtable;

pub use code::{CodeObject, Constant};
pub use error::{CompileError, ErrorKind};

pub use codegen::compile_interactive;
pub use codegen::{compile_eval, eval_expression};

/// Compiles a module's syntax tree (from `ruff_python_parser::parse_module(source)`) to its
/// code object, as CPython 3.12's `compile(source, filename, "exec")` does: symbol table,
/// constant folding, code generation, then optimisation and assembly of every code unit.
///
/// # Errors
/// CPython's compile-time `SyntaxError`s (with its messages), `RecursionError` for too deep
/// nesting, and a `SyntaxError` for what pyrt does not compile (`async`/`await`).
pub fn compile_module(
    module: &ruff_python_ast::ModModule,
    source: &str,
    filename: &str,
) -> Result<CodeObject, CompileError> {
    codegen::compile_module(module, source, filename)
}
