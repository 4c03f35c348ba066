//! Which expressions are constants (`Constant_kind` after `Python/ast_opt.c` has run): Ruff's
//! literal nodes, the expressions constant folding recorded, and `__debug__`, as
//! [`Constant`]s. The code generator asks [`Compiler::const_of`] wherever `compile.c` tests
//! `e->kind == Constant_kind`.

use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{Expr, Number};

use super::Compiler;
use crate::code::Constant;

/// The value of an integer literal's text (`0x_1F`, `1_000`, `0o17`, `0b1`, `123`).
pub(crate) fn int_from_literal(text: &str) -> Option<BigInt> {
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest, 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest, 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::from_str_radix(digits, radix).ok()
}

/// The constant a literal node is, if it is one.
pub(crate) fn literal_constant(expr: &Expr) -> Option<Constant> {
    Some(match expr {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => match i.as_u64() {
                Some(v) => Constant::Int(BigInt::from(v)),
                None => Constant::Int(int_from_literal(&i.to_string())?),
            },
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().into()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// The constant `expr` is once folded, if it is one (`e->kind == Constant_kind`).
    pub(crate) fn const_of(&self, expr: &Expr) -> Option<Constant> {
        if let Some(c) = self.folded.get(expr) {
            return Some(c.clone());
        }
        if let Some(c) = literal_constant(expr) {
            return Some(c);
        }
        if let Expr::Name(name) = expr
            && name.id.as_str() == "__debug__"
            && name.ctx == ruff_python_ast::ExprContext::Load
        {
            return Some(Constant::Bool(true));
        }
        None
    }

    /// Whether `expr` is a constant once folded.
    pub(crate) fn is_const(&self, expr: &Expr) -> bool {
        self.folded.get(expr).is_some()
            || literal_constant(expr).is_some()
            || matches!(expr, Expr::Name(n) if n.id.as_str() == "__debug__"
                && n.ctx == ruff_python_ast::ExprContext::Load)
    }
}
