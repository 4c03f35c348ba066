//! Constant folding (`Python/ast_opt.c`): which expressions of the syntax tree are constants
//! once folded (`2**100`, `-1`, `(1, 2)`, `'ab' * 3`, `x in [1, 2]`'s list as a tuple), within
//! CPython's size limits.
//!
//! Ruff's syntax tree cannot hold a folded tuple or frozenset, so folding does not rewrite the
//! tree: it records, for each expression node that folds, the constant it becomes, and the code
//! generator asks [`FoldedConstants::get`] before compiling an expression.

use std::collections::HashMap;

use crate::code::Constant;

/// The constants the expressions of one module fold to, by node address.
#[derive(Clone, Debug, Default)]
pub struct FoldedConstants {
    by_node: HashMap<usize, Constant>,
}

impl FoldedConstants {
    /// The constant `expr` folds to, if it does.
    pub fn get(&self, expr: &ruff_python_ast::Expr) -> Option<&Constant> {
        self.by_node.get(&(expr as *const _ as usize))
    }
}

/// Folds the constant expressions of a module (`_PyAST_Optimize`).
pub fn fold_module(_module: &ruff_python_ast::ModModule) -> FoldedConstants {
    unimplemented!("constant folding is being written")
}
