//! Constant folding (`Python/ast_opt.c` of CPython 3.12): which expressions of the syntax tree
//! are constants once folded (`2**100`, `-1`, `(1, 2)`, `'ab' * 3`, `x in [1, 2]`'s list as a
//! tuple), within CPython's size limits, and the other rewrites 3.12 makes before code
//! generation.
//!
//! Ruff's syntax tree cannot hold a folded tuple or frozenset, so folding does not rewrite the
//! tree: it records what CPython's rewritten tree would say, by node address, and the code
//! generator asks before compiling a node:
//!
//! | ask                                   | CPython's rewrite                                   |
//! |---------------------------------------|-----------------------------------------------------|
//! | [`FoldedConstants::get`]              | the expression became this `Constant`               |
//! | [`FoldedConstants::list_as_tuple`]    | `for x in [a, b]` / `x in [a, b]`: a tuple display  |
//! | [`FoldedConstants::negated_compare`]  | `not (a is b)` became `a is not b` (`in`, `not in`) |
//! | [`FoldedConstants::format_of`]        | `'%s' % (a,)` became the f-string `f'{a!s}'`        |
//! | [`FoldedConstants::hides_docstring`]  | a first statement that only *folds* to a string is  |
//! |                                       | no docstring: it is compiled (`LOAD_CONST`, `POP_TOP`)|
//!
//! The tree must not move between folding and code generation (the addresses are the keys).
//!
//! Depth: CPython counts the nesting of statements, expressions and patterns while folding and
//! raises `RecursionError: maximum recursion depth exceeded during compilation` past its limit
//! (a 2 996th nested level, measured on 3.12.1 from a `compile()` call). Folding stops at the
//! same depth and says so through [`FoldedConstants::check_depth`], and it grows its stack as
//! needed (`stacker`), so no input overflows the Rust stack.

mod format;
mod number;
mod ops;
mod walk;

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{CmpOp, Expr, ExprCompare, ModExpression, ModModule};
use ruff_text_size::TextRange;

use crate::code::Constant;
use crate::error::{CompileError, ErrorKind};
use crate::instr::Location;

pub use format::FormatPiece;
pub use ops::{MAX_COLLECTION_SIZE, MAX_INT_SIZE, MAX_STR_SIZE, MAX_TOTAL_ITEMS};
pub use walk::literal_constant;

/// The deepest nesting of statements, expressions and patterns CPython 3.12.1 folds: one more
/// level raises `RecursionError` (its `C_RECURSION_LIMIT`-based limit, less the depth of a
/// `compile()` call, as measured on the live interpreter).
pub const MAX_NESTING: usize = 2996;

/// A warning CPython emits while folding (`~True`: `DeprecationWarning`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldWarning {
    /// The expression folded.
    pub range: TextRange,
    /// The warning's class name (`DeprecationWarning`).
    pub category: &'static str,
    /// The warning's text.
    pub message: &'static str,
}

/// What folding found in one module, by node address (see the [module](self) documentation).
#[derive(Clone, Debug, Default)]
pub struct FoldedConstants {
    by_node: HashMap<usize, Constant>,
    lists_as_tuples: HashSet<usize>,
    negated_compares: HashMap<usize, CmpOp>,
    formats: HashMap<usize, Vec<FormatPiece>>,
    hidden_docstrings: HashSet<usize>,
    warnings: Vec<FoldWarning>,
    too_deep: bool,
}

/// The key of a node: its address.
fn key(expr: &Expr) -> usize {
    expr as *const Expr as usize
}

impl FoldedConstants {
    /// The constant `expr` folds to, if it does (literals themselves are not recorded: see
    /// [`literal_constant`]).
    pub fn get(&self, expr: &Expr) -> Option<&Constant> {
        self.by_node.get(&key(expr))
    }

    /// The constant `expr` is: its folded value, or the literal's own value.
    pub fn constant_of(&self, expr: &Expr) -> Option<Constant> {
        self.get(expr).cloned().or_else(|| literal_constant(expr))
    }

    /// Whether `expr`, a list display that did not fold, is compiled as a tuple display
    /// (`fold_iter`: the iterable of a `for` or a comprehension, the right of `in`/`not in`).
    pub fn list_as_tuple(&self, expr: &Expr) -> bool {
        self.lists_as_tuples.contains(&key(expr))
    }

    /// For `not (a is b)` (and `is not`, `in`, `not in`; `not`s nest): the comparison to
    /// compile instead of the `not`, and its operator. CPython's node becomes the comparison,
    /// so the instructions take the comparison's location, not the `not`'s.
    pub fn negated_compare<'e>(&self, expr: &'e Expr) -> Option<(&'e ExprCompare, CmpOp)> {
        let op = *self.negated_compares.get(&key(expr))?;
        let mut inner = expr;
        while let Expr::UnaryOp(unary) = inner {
            inner = &unary.operand;
        }
        match inner {
            Expr::Compare(compare) => Some((compare, op)),
            _ => None,
        }
    }

    /// For `'...' % (a, b)` that 3.12 turns into an f-string: the pieces, compiled as a
    /// `JoinedStr` (each literal a `LOAD_CONST` without location, each value the tuple item's
    /// code then `FORMAT_VALUE`, then `BUILD_STRING n` unless there is one piece).
    pub fn format_of(&self, expr: &Expr) -> Option<&[FormatPiece]> {
        self.formats.get(&key(expr)).map(Vec::as_slice)
    }

    /// Whether `expr`, the value of the first statement of a module, class or function body,
    /// only folds to a string: it is no docstring, and is compiled as an expression statement
    /// (`LOAD_CONST`, `POP_TOP`), as CPython wraps it in a `JoinedStr`.
    pub fn hides_docstring(&self, expr: &Expr) -> bool {
        self.hidden_docstrings.contains(&key(expr))
    }

    /// The warnings CPython emits while folding, in source order.
    pub fn warnings(&self) -> &[FoldWarning] {
        &self.warnings
    }

    /// Whether the tree nests deeper than CPython folds ([`MAX_NESTING`]); what was folded is
    /// then incomplete and must not be compiled.
    pub fn too_deep(&self) -> bool {
        self.too_deep
    }

    /// `Err(RecursionError: maximum recursion depth exceeded during compilation)` when the tree
    /// is [too deep](Self::too_deep).
    ///
    /// # Errors
    /// The `RecursionError`, located nowhere (CPython's has no location either).
    pub fn check_depth(&self, filename: &str) -> Result<(), CompileError> {
        if !self.too_deep {
            return Ok(());
        }
        Err(CompileError {
            kind: ErrorKind::Recursion,
            message: "maximum recursion depth exceeded during compilation".to_owned(),
            filename: filename.to_owned(),
            location: Location::NONE,
        })
    }
}

/// Folds the constant expressions of a module (`_PyAST_Optimize` with optimisation level 0:
/// `__debug__` is `True`). `from __future__ import annotations` leaves annotations alone.
pub fn fold_module(module: &ModModule) -> FoldedConstants {
    walk::Folder::fold_module(module)
}

/// Folds an `eval`-mode expression.
pub fn fold_expression(expression: &ModExpression) -> FoldedConstants {
    walk::Folder::fold_expression(expression)
}
