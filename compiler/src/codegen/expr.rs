//! Expressions (`compiler_visit_expr1` of `Python/compile.c`) and conditions
//! (`compiler_jump_if`): operators, short-circuit `and`/`or`, comparison chains with
//! `SWAP`/`COPY`, conditional expressions, subscripts and slices, attributes (with the
//! `super()` forms), names, `yield`, and the rewrites constant folding asks for (a folded
//! constant, `not (a is b)` as `a is not b`, a list iterated over as a tuple).

use std::rc::Rc;

use ruff_python_ast::{
    BoolOp, CmpOp, Expr, ExprAttribute, ExprCompare, ExprContext, ExprSlice, ExprSubscript,
    Operator, UnaryOp,
};
use ruff_text_size::Ranged;

use super::Compiler;
use super::displays::{Builder, LIST_BUILDER};
use super::names::Ctx;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::{Label, Location};
use crate::opcode::Opcode;

/// `STACK_USE_GUIDELINE`: displays and calls bigger than this are built piecewise.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// `CALL_INTRINSIC_1` operands (`pycore_intrinsics.h`).
pub(crate) mod intrinsic1 {
    pub(crate) const PRINT: u32 = 1;
    pub(crate) const IMPORT_STAR: u32 = 2;
    pub(crate) const STOPITERATION_ERROR: u32 = 3;
    pub(crate) const UNARY_POSITIVE: u32 = 5;
    pub(crate) const LIST_TO_TUPLE: u32 = 6;
    pub(crate) const TYPEVAR: u32 = 7;
    pub(crate) const PARAMSPEC: u32 = 8;
    pub(crate) const TYPEVARTUPLE: u32 = 9;
    pub(crate) const SUBSCRIPT_GENERIC: u32 = 10;
    pub(crate) const TYPEALIAS: u32 = 11;
}

/// `CALL_INTRINSIC_2` operands.
pub(crate) mod intrinsic2 {
    pub(crate) const PREP_RERAISE_STAR: u32 = 1;
    pub(crate) const TYPEVAR_WITH_BOUND: u32 = 2;
    pub(crate) const TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
    pub(crate) const SET_FUNCTION_TYPE_PARAMS: u32 = 4;
}

/// `BINARY_OP`'s operand for an operator (`NB_*`), in-place forms 13 higher.
pub(crate) fn binary_op_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace { base + 13 } else { base }
}

impl<'a> Compiler<'a> {
    /// The location of a node (`LOC(x)`).
    pub(crate) fn loc(&self, node: &impl Ranged) -> Location {
        self.map.location(node)
    }

    /// `compiler_visit_expr`, with the nesting limit.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        let loc = self.loc(e);

        self.nested(loc, |c| c.expr_at(e, loc))
    }

    /// `compiler_visit_expr1`, with `loc` as the node's location.
    pub(crate) fn expr_at(&mut self, e: &'a Expr, loc: Location) -> Result<(), CompileError> {
        if let Some(pieces) = self.folded.format_of(e) {
            return self.percent_format(e, pieces, loc);
        }
        if let Some((compare, op)) = self.folded.negated_compare(e) {
            let cloc = self.loc(compare);
            return self.compare(compare, Some(op), cloc);
        }
        if let Some(c) = self.const_of(e) {
            self.load_const(c, loc);
            return Ok(());
        }
        match e {
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::Copy, 1, loc);
                self.expr(&n.target)?;
            }
            Expr::BoolOp(b) => self.boolop(b.op, &b.values, loc)?,
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BinaryOp, binary_op_arg(b.op, false), loc);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                match u.op {
                    UnaryOp::UAdd => {
                        self.emit(Opcode::CallIntrinsic1, intrinsic1::UNARY_POSITIVE, loc)
                    }
                    UnaryOp::Not => self.emit(Opcode::UnaryNot, 0, loc),
                    UnaryOp::Invert => self.emit(Opcode::UnaryInvert, 0, loc),
                    UnaryOp::USub => self.emit(Opcode::UnaryNegative, 0, loc),
                }
            }
            Expr::Lambda(l) => self.lambda(e, l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, &i.test, next, false)?;
                self.expr(&i.body)?;
                self.emit_jump(Opcode::Jump, end, Location::NONE);
                self.use_label(next);
                self.expr(&i.orelse)?;
                self.use_label(end);
            }
            Expr::Dict(d) => self.dict(&d.items, loc)?,
            Expr::Set(s) => self.starunpack(
                loc,
                &s.elts,
                0,
                Builder {
                    build: Opcode::BuildSet,
                    add: Opcode::SetAdd,
                    extend: Opcode::SetUpdate,
                    tuple: false,
                },
            )?,
            Expr::Generator(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) => {
                self.comprehension(e, loc)?
            }
            Expr::Await(_) => {
                if !self.is_function_like() {
                    return Err(self.error(loc, "'await' outside function"));
                }
                return Err(self.error(loc, "'await' outside async function"));
            }
            Expr::Yield(y) => {
                if !self.is_function_like() {
                    return Err(self.error(loc, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.emit(Opcode::YieldValue, 0, loc);
                self.emit(Opcode::Resume, 1, loc);
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_like() {
                    return Err(self.error(loc, "'yield' outside function"));
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc, false);
            }
            Expr::Compare(c) => self.compare(c, None, loc)?,
            Expr::Call(c) => self.call(c, loc)?,
            Expr::FString(f) => self.fstring(f, loc)?,
            Expr::TString(_) => {
                return Err(self.error(loc, "t-strings are not supported by Python 3.12"));
            }
            Expr::Attribute(a) => self.attribute(a, loc)?,
            Expr::Subscript(s) => self.subscript(s, loc)?,
            Expr::Starred(s) => {
                return Err(self.error(
                    loc,
                    if s.ctx == ExprContext::Store {
                        "starred assignment target must be in a list or tuple"
                    } else {
                        "can't use starred expression here"
                    },
                ));
            }
            Expr::Slice(s) => {
                let n = self.slice(s)?;
                self.emit(Opcode::BuildSlice, n, loc);
            }
            Expr::Name(n) => self.nameop(loc, n.id.as_str(), n.ctx.into())?,
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_unpack(loc, &l.elts)?,
                ExprContext::Del => {
                    for elt in &l.elts {
                        self.expr(elt)?;
                    }
                }
                _ => {
                    // `fold_iter` made the list a tuple display.
                    let tuple = self.folded.list_as_tuple(e);
                    self.starunpack(
                        loc,
                        &l.elts,
                        0,
                        Builder {
                            tuple,
                            ..LIST_BUILDER
                        },
                    )?
                }
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_unpack(loc, &t.elts)?,
                ExprContext::Del => {
                    for elt in &t.elts {
                        self.expr(elt)?;
                    }
                }
                _ => self.starunpack(
                    loc,
                    &t.elts,
                    0,
                    Builder {
                        tuple: true,
                        ..LIST_BUILDER
                    },
                )?,
            },
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("literals are constants"),
            Expr::IpyEscapeCommand(_) => {
                return Err(self.error(loc, "IPython escape commands are not Python"));
            }
        }
        Ok(())
    }

    /// `compiler_add_yield_from`.
    pub(crate) fn add_yield_from(&mut self, loc: Location, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.emit_jump(Opcode::Send, exit, loc);
        self.emit_jump(Opcode::SetupFinally, fail, loc);
        self.emit(Opcode::YieldValue, 0, loc);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.emit(Opcode::Resume, if is_await { 3 } else { 2 }, loc);
        self.emit_jump(Opcode::JumpNoInterrupt, send, loc);
        self.use_label(fail);
        self.emit(Opcode::CleanupThrow, 0, loc);
        self.use_label(exit);
        self.emit(Opcode::EndSend, 0, loc);
    }

    /// `compiler_boolop`.
    fn boolop(
        &mut self,
        op: BoolOp,
        values: &'a [Expr],
        loc: Location,
    ) -> Result<(), CompileError> {
        let jump = match op {
            BoolOp::And => Opcode::PopJumpIfFalse,
            BoolOp::Or => Opcode::PopJumpIfTrue,
        };
        let end = self.new_label();
        let (last, rest) = values
            .split_last()
            .expect("a boolean operation has operands");
        for v in rest {
            self.expr(v)?;
            self.emit(Opcode::Copy, 1, loc);
            self.emit_jump(jump, end, loc);
            self.emit(Opcode::PopTop, 0, loc);
        }
        self.expr(last)?;
        self.use_label(end);
        Ok(())
    }

    /// `compiler_addcompare`.
    pub(crate) fn add_compare(&mut self, loc: Location, op: CmpOp) {
        let (cmp, mask) = match op {
            CmpOp::Lt => (0, 2),
            CmpOp::LtE => (1, 2 | 8),
            CmpOp::Eq => (2, 8),
            CmpOp::NotEq => (3, 1 | 2 | 4),
            CmpOp::Gt => (4, 4),
            CmpOp::GtE => (5, 4 | 8),
            CmpOp::Is => return self.emit(Opcode::IsOp, 0, loc),
            CmpOp::IsNot => return self.emit(Opcode::IsOp, 1, loc),
            CmpOp::In => return self.emit(Opcode::ContainsOp, 0, loc),
            CmpOp::NotIn => return self.emit(Opcode::ContainsOp, 1, loc),
        };
        self.emit(Opcode::CompareOp, (cmp << 4) | mask, loc);
    }

    /// `compiler_compare`; `negated` replaces the operator of a one-operator comparison that
    /// folding made of `not (a is b)` and the like.
    fn compare(
        &mut self,
        c: &'a ExprCompare,
        negated: Option<CmpOp>,
        loc: Location,
    ) -> Result<(), CompileError> {
        self.expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.expr(&c.comparators[0])?;
            self.add_compare(loc, negated.unwrap_or(c.ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            self.emit(Opcode::Swap, 2, loc);
            self.emit(Opcode::Copy, 2, loc);
            self.add_compare(loc, c.ops[i]);
            self.emit(Opcode::Copy, 1, loc);
            self.emit_jump(Opcode::PopJumpIfFalse, cleanup, loc);
            self.emit(Opcode::PopTop, 0, loc);
        }
        self.expr(&c.comparators[n])?;
        self.add_compare(loc, c.ops[n]);
        let end = self.new_label();
        self.emit_jump(Opcode::Jump, end, Location::NONE);
        self.use_label(cleanup);
        self.emit(Opcode::Swap, 2, loc);
        self.emit(Opcode::PopTop, 0, loc);
        self.use_label(end);
        Ok(())
    }

    /// `compiler_jump_if`: evaluates `e` as a condition and jumps to `next` when its truth
    /// is `cond`.
    pub(crate) fn jump_if(
        &mut self,
        loc: Location,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> Result<(), CompileError> {
        let eloc = self.loc(e);

        self.nested(eloc, |c| c.jump_if_inner(loc, e, next, cond))
    }

    fn jump_if_inner(
        &mut self,
        loc: Location,
        e: &'a Expr,
        next: Label,
        cond: bool,
    ) -> Result<(), CompileError> {
        let folded_away = self.is_const(e)
            || self.folded.negated_compare(e).is_some()
            || self.folded.format_of(e).is_some();
        if !folded_away {
            match e {
                Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                    return self.jump_if(loc, &u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let cond2 = b.op == BoolOp::Or;
                    let next2 = if cond2 != cond {
                        self.new_label()
                    } else {
                        next
                    };
                    let (last, rest) = b.values.split_last().expect("operands");
                    for v in rest {
                        self.jump_if(loc, v, next2, cond2)?;
                    }
                    self.jump_if(loc, last, next, cond)?;
                    if next2 != next {
                        self.use_label(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_label();
                    let next2 = self.new_label();
                    self.jump_if(loc, &i.test, next2, false)?;
                    self.jump_if(loc, &i.body, next, cond)?;
                    self.emit_jump(Opcode::Jump, end, Location::NONE);
                    self.use_label(next2);
                    self.jump_if(loc, &i.orelse, next, cond)?;
                    self.use_label(end);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    let eloc = self.loc(e);
                    let n = c.ops.len() - 1;
                    let cleanup = self.new_label();
                    self.expr(&c.left)?;
                    for i in 0..n {
                        self.expr(&c.comparators[i])?;
                        self.emit(Opcode::Swap, 2, eloc);
                        self.emit(Opcode::Copy, 2, eloc);
                        self.add_compare(eloc, c.ops[i]);
                        self.emit_jump(Opcode::PopJumpIfFalse, cleanup, eloc);
                    }
                    self.expr(&c.comparators[n])?;
                    self.add_compare(eloc, c.ops[n]);
                    let jump = if cond {
                        Opcode::PopJumpIfTrue
                    } else {
                        Opcode::PopJumpIfFalse
                    };
                    self.emit_jump(jump, next, eloc);
                    let end = self.new_label();
                    self.emit_jump(Opcode::Jump, end, Location::NONE);
                    self.use_label(cleanup);
                    self.emit(Opcode::PopTop, 0, eloc);
                    if !cond {
                        self.emit_jump(Opcode::Jump, next, Location::NONE);
                    }
                    self.use_label(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.expr(e)?;
        let jump = if cond {
            Opcode::PopJumpIfTrue
        } else {
            Opcode::PopJumpIfFalse
        };
        let eloc = match self.folded.negated_compare(e) {
            Some((compare, _)) => self.loc(compare),
            None => self.loc(e),
        };
        self.emit_jump(jump, next, eloc);
        Ok(())
    }

    /// `update_start_location_to_match_attr`: a multi-line attribute access is located at
    /// its attribute name.
    pub(crate) fn attr_loc(&self, mut loc: Location, attr: &ExprAttribute) -> Location {
        let aloc = self.loc(attr);
        if loc.lineno != aloc.end_lineno {
            loc.lineno = aloc.end_lineno;
            let len = attr.attr.as_str().chars().count() as i32;
            if len <= aloc.end_col_offset {
                loc.col_offset = aloc.end_col_offset - len;
            } else {
                loc.col_offset = -1;
                loc.end_col_offset = -1;
            }
            loc.end_lineno = loc.lineno.max(loc.end_lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col_offset = loc.col_offset.max(loc.end_col_offset);
            }
        }
        loc
    }

    /// An attribute load, store or delete.
    fn attribute(&mut self, a: &'a ExprAttribute, loc: Location) -> Result<(), CompileError> {
        if a.ctx == ExprContext::Load
            && let Some(super_call) = self.super_call_form(a)
        {
            self.load_super_args(&super_call)?;
            let op = if super_call.args.is_empty() {
                Opcode::LoadZeroSuperAttr
            } else {
                Opcode::LoadSuperAttr
            };
            self.emit_name(op, a.attr.as_str(), loc);
            let l = self.attr_loc(loc, a);
            self.emit(Opcode::Nop, 0, l);
            return Ok(());
        }
        self.expr(&a.value)?;
        let loc = self.attr_loc(loc, a);
        match a.ctx {
            ExprContext::Store => {
                self.check_forbidden(loc, a.attr.as_str(), Ctx::Store)?;
                self.emit_name(Opcode::StoreAttr, a.attr.as_str(), loc);
            }
            ExprContext::Del => self.emit_name(Opcode::DeleteAttr, a.attr.as_str(), loc),
            _ => self.emit_name(Opcode::LoadAttr, a.attr.as_str(), loc),
        }
        Ok(())
    }

    /// `compiler_subscript`.
    fn subscript(&mut self, s: &'a ExprSubscript, loc: Location) -> Result<(), CompileError> {
        self.expr(&s.value)?;
        match (&*s.slice, s.ctx) {
            (Expr::Slice(sl), ctx) if sl.step.is_none() && ctx != ExprContext::Del => {
                self.slice(sl)?;
                let op = if ctx == ExprContext::Store {
                    Opcode::StoreSlice
                } else {
                    Opcode::BinarySlice
                };
                self.emit(op, 0, loc);
            }
            (slice, ctx) => {
                self.expr(slice)?;
                let op = match ctx {
                    ExprContext::Store => Opcode::StoreSubscr,
                    ExprContext::Del => Opcode::DeleteSubscr,
                    _ => Opcode::BinarySubscr,
                };
                self.emit(op, 0, loc);
            }
        }
        Ok(())
    }

    /// `compiler_slice`: pushes the slice's parts; returns how many.
    pub(crate) fn slice(&mut self, s: &'a ExprSlice) -> Result<u32, CompileError> {
        let loc = self.loc(s);
        match &s.lower {
            Some(l) => self.expr(l)?,
            None => self.load_const(Constant::None, loc),
        }
        match &s.upper {
            Some(u) => self.expr(u)?,
            None => self.load_const(Constant::None, loc),
        }
        if let Some(step) = &s.step {
            self.expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    /// A name as a string constant.
    pub(crate) fn str_constant(name: &str) -> Constant {
        Constant::Str(Rc::from(name))
    }
}
