//! The walk over the syntax tree (`astfold_*` of `Python/ast_opt.c`): children first, then
//! the node (`fold_unaryop`, `fold_binop`, `fold_tuple`, `fold_subscr`, `fold_compare`,
//! `fold_iter`, `__debug__`), recording results in [`FoldedConstants`].

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num as _;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    CmpOp, Comprehension, Expr, ExprContext, ModExpression, ModModule, Number, Operator, Pattern,
    Stmt, UnaryOp,
};
use ruff_text_size::Ranged;

use super::{FoldWarning, FoldedConstants, MAX_NESTING, format, key, ops};
use crate::code::Constant;

/// How much stack is left before folding a level asks for more, and how much it asks for.
const STACK_RED_ZONE: usize = 64 * 1024;
const STACK_GROWTH: usize = 1024 * 1024;

/// The text of CPython 3.12's warning for `~` on a bool.
const INVERT_BOOL_WARNING: &str = "Bitwise inversion '~' on bool is deprecated. This returns the \
    bitwise inversion of the underlying int object and is usually not what you expect from \
    negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want \
    the bitwise inversion of the underlying int.";

/// The value of a literal expression (CPython's `Constant` nodes before folding): numbers,
/// strings (implicit concatenation included), bytes, `True`, `False`, `None`, `...`.
/// f-strings are not constants.
pub fn literal_constant(expr: &Expr) -> Option<Constant> {
    Some(match expr {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Constant::Int(match i.as_u64() {
                Some(small) => BigInt::from(small),
                None => parse_big_int(&i.to_string())?,
            }),
            Number::Float(x) => Constant::Float(*x),
            Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Constant::Str(Rc::from(s.value.to_str())),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        _ => return None,
    })
}

/// An integer literal too big for a `u64`, as Ruff keeps it: its source text (`0x...`,
/// `0o...`, `0b...` or decimal, with `_` separators).
fn parse_big_int(token: &str) -> Option<BigInt> {
    let digits: String = token.chars().filter(|c| *c != '_').collect();
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = match lower.get(..2) {
        Some("0x") => (16, &lower[2..]),
        Some("0o") => (8, &lower[2..]),
        Some("0b") => (2, &lower[2..]),
        _ => (10, &lower[..]),
    };
    BigInt::from_str_radix(body, radix).ok()
}

/// The folding walk's state.
pub(super) struct Folder {
    out: FoldedConstants,
    depth: usize,
    future_annotations: bool,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            out: FoldedConstants::default(),
            depth: 0,
            future_annotations: false,
        }
    }

    pub(super) fn fold_module(module: &ModModule) -> FoldedConstants {
        let mut folder = Folder::new();
        folder.future_annotations = has_future_annotations(&module.body);
        folder.fold_body(&module.body);
        folder.out
    }

    pub(super) fn fold_expression(expression: &ModExpression) -> FoldedConstants {
        let mut folder = Folder::new();
        folder.visit_expr(&expression.body);
        folder.out
    }

    /// Runs `walk` one level deeper, unless that is past CPython's limit; grows the stack when
    /// it runs low.
    fn nested(&mut self, walk: impl FnOnce(&mut Folder)) {
        if self.out.too_deep {
            return;
        }
        if self.depth >= MAX_NESTING {
            self.out.too_deep = true;
            return;
        }
        self.depth += 1;
        stacker::maybe_grow(STACK_RED_ZONE, STACK_GROWTH, || walk(self));
        self.depth -= 1;
    }

    /// A module, class or function body (`astfold_body`): a first statement that only folds to
    /// a string must not become a docstring.
    fn fold_body<'a>(&mut self, body: &'a [Stmt]) {
        self.visit_body(body);
        if let Some(Stmt::Expr(first)) = body.first() {
            let folded_to_str = matches!(self.out.get(&first.value), Some(Constant::Str(_)));
            if folded_to_str && !matches!(*first.value, Expr::StringLiteral(_)) {
                self.out.hidden_docstrings.insert(key(&first.value));
            }
        }
    }

    fn constant(&self, expr: &Expr) -> Option<Constant> {
        self.out.constant_of(expr)
    }

    fn record(&mut self, expr: &Expr, value: Option<Constant>) {
        if let Some(value) = value {
            self.out.by_node.insert(key(expr), value);
        }
    }

    /// The items' constants, if every item is one (`make_const_tuple`).
    fn constant_items(&self, items: &[Expr]) -> Option<Vec<Constant>> {
        items.iter().map(|item| self.constant(item)).collect()
    }

    /// Folds `expr` once its children are folded.
    fn fold_expr(&mut self, expr: &Expr) {
        match expr {
            Expr::UnaryOp(unary) => self.fold_unary(expr, unary.op, &unary.operand),
            Expr::BinOp(binop) => self.fold_binop(expr, &binop.left, binop.op, &binop.right),
            Expr::Tuple(tuple) if tuple.ctx == ExprContext::Load => {
                let items = self.constant_items(&tuple.elts);
                self.record(expr, items.map(|items| Constant::Tuple(items.into())));
            }
            Expr::Subscript(sub) if sub.ctx == ExprContext::Load => {
                let value = self
                    .constant(&sub.value)
                    .zip(self.constant(&sub.slice))
                    .and_then(|(v, i)| ops::subscript(&v, &i));
                self.record(expr, value);
            }
            Expr::Compare(compare) => {
                if matches!(compare.ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    self.fold_iter(compare.comparators.last().expect("one per operator"));
                }
            }
            Expr::Name(name)
                if name.ctx == ExprContext::Load && name.id.as_str() == "__debug__" =>
            {
                self.record(expr, Some(Constant::Bool(true)));
            }
            _ => {}
        }
    }

    /// `fold_unaryop`: a constant operand folds; `not` over a single `is`/`is not`/`in`/
    /// `not in` comparison becomes the opposite comparison.
    fn fold_unary(&mut self, expr: &Expr, op: UnaryOp, operand: &Expr) {
        if let Some(value) = self.constant(operand) {
            if op == UnaryOp::Invert && matches!(value, Constant::Bool(_)) {
                self.out.warnings.push(FoldWarning {
                    range: expr.range(),
                    category: "DeprecationWarning",
                    message: INVERT_BOOL_WARNING,
                });
            }
            self.record(expr, ops::unary(op, &value));
            return;
        }
        if op != UnaryOp::Not {
            return;
        }
        let current = match operand {
            Expr::Compare(compare) if compare.ops.len() == 1 => Some(compare.ops[0]),
            Expr::UnaryOp(_) => self.out.negated_compares.get(&key(operand)).copied(),
            _ => None,
        };
        let negated = match current {
            Some(CmpOp::Is) => CmpOp::IsNot,
            Some(CmpOp::IsNot) => CmpOp::Is,
            Some(CmpOp::In) => CmpOp::NotIn,
            Some(CmpOp::NotIn) => CmpOp::In,
            _ => return,
        };
        self.out.negated_compares.insert(key(expr), negated);
    }

    /// `fold_binop`: both operands constant, or `'...' % (a, b)` made an f-string.
    fn fold_binop(&mut self, expr: &Expr, left: &Expr, op: Operator, right: &Expr) {
        let Some(lv) = self.constant(left) else {
            return;
        };
        if let (Operator::Mod, Constant::Str(fmt), Expr::Tuple(tuple)) = (op, &lv, right) {
            let unfolded = self.out.get(right).is_none();
            if unfolded && !tuple.elts.iter().any(Expr::is_starred_expr) {
                if let Some(pieces) = format::optimize_format(fmt, tuple.elts.len()) {
                    self.out.formats.insert(key(expr), pieces);
                }
                return;
            }
        }
        let Some(rv) = self.constant(right) else {
            return;
        };
        self.record(expr, ops::binary(op, &lv, &rv));
    }

    /// `fold_iter`: a list display iterated over becomes a tuple display (a constant one if
    /// its items are constants), a set display of constants a frozenset.
    fn fold_iter(&mut self, iter: &Expr) {
        match iter {
            Expr::List(list) => {
                if list.elts.iter().any(Expr::is_starred_expr) {
                    return;
                }
                self.out.lists_as_tuples.insert(key(iter));
                let items = self.constant_items(&list.elts);
                self.record(iter, items.map(|items| Constant::Tuple(items.into())));
            }
            Expr::Set(set) => {
                let items = self.constant_items(&set.elts).map(|items| {
                    let mut unique: Vec<Constant> = Vec::with_capacity(items.len());
                    for item in items {
                        if !unique.iter().any(|seen| ops::py_eq(seen, &item)) {
                            unique.push(item);
                        }
                    }
                    Constant::FrozenSet(unique.into())
                });
                self.record(iter, items);
            }
            _ => {}
        }
    }
}

/// Whether the module starts (after its docstring) with `from __future__ import annotations`
/// among its future imports.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let mut stmts = body.iter().peekable();
    if let Some(Stmt::Expr(first)) = stmts.peek() {
        if matches!(*first.value, Expr::StringLiteral(_)) {
            stmts.next();
        }
    }
    for stmt in stmts {
        match stmt {
            Stmt::ImportFrom(import)
                if import.level == 0
                    && import
                        .module
                        .as_ref()
                        .is_some_and(|m| m.as_str() == "__future__") =>
            {
                if import
                    .names
                    .iter()
                    .any(|alias| alias.name.as_str() == "annotations")
                {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

impl<'a> Visitor<'a> for Folder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.nested(|folder| match stmt {
            Stmt::FunctionDef(def) => {
                // Ruff's walk, with the body as a body that may have a docstring.
                for decorator in &def.decorator_list {
                    folder.visit_decorator(decorator);
                }
                if let Some(type_params) = &def.type_params {
                    folder.visit_type_params(type_params);
                }
                folder.visit_parameters(&def.parameters);
                if let Some(returns) = &def.returns {
                    folder.visit_annotation(returns);
                }
                folder.fold_body(&def.body);
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    folder.visit_decorator(decorator);
                }
                if let Some(type_params) = &class.type_params {
                    folder.visit_type_params(type_params);
                }
                if let Some(arguments) = &class.arguments {
                    folder.visit_arguments(arguments);
                }
                folder.fold_body(&class.body);
            }
            Stmt::For(for_stmt) => {
                visitor::walk_stmt(folder, stmt);
                // 3.12 folds the iterable of `for`, not of `async for`.
                if !for_stmt.is_async {
                    folder.fold_iter(&for_stmt.iter);
                }
            }
            _ => visitor::walk_stmt(folder, stmt),
        });
    }

    fn visit_annotation(&mut self, expr: &'a Expr) {
        if !self.future_annotations {
            self.visit_expr(expr);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.nested(|folder| {
            visitor::walk_expr(folder, expr);
            folder.fold_expr(expr);
        });
    }

    fn visit_comprehension(&mut self, comprehension: &'a Comprehension) {
        visitor::walk_comprehension(self, comprehension);
        self.fold_iter(&comprehension.iter);
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.nested(|folder| visitor::walk_pattern(folder, pattern));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_literals_parse_in_every_base() {
        let cases = [
            ("0x_FFFF_FFFF_FFFF_FFFF_F", "295147905179352825855"),
            ("0o7777777777777777777777777", "37778931862957161709567"),
            (
                "0B1_0000000000000000000000000000000000000000000000000000000000000000",
                "18446744073709551616",
            ),
            ("100_000_000_000_000_000_000", "100000000000000000000"),
        ];
        for (token, value) in cases {
            assert_eq!(parse_big_int(token).unwrap().to_string(), value, "{token}");
        }
    }
}
