//! Calls (`compiler_call`, `compiler_call_helper`, `maybe_optimize_method_call` of
//! `Python/compile.c`): `PUSH_NULL` + callee + arguments + `CALL`, keyword names by
//! `KW_NAMES`, method calls through `LOAD_ATTR`'s method form, `CALL_FUNCTION_EX` for `*args`
//! and `**kwargs`, and `super()`'s `LOAD_SUPER_ATTR` forms.

use ruff_python_ast::{Arguments, Expr, ExprAttribute, ExprCall, Keyword};

use super::Compiler;
use super::expr::{Builder, LIST_BUILDER, STACK_USE_GUIDELINE};
use super::names::Ctx;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;
use crate::symtable::{BlockId, Scope, def};

/// A `super(...)` call that `LOAD_SUPER_ATTR` can replace.
pub(crate) struct SuperCall<'a> {
    /// The `super(...)` call.
    pub(crate) call: &'a ExprCall,
    /// Its positional arguments (none or two).
    pub(crate) args: &'a [Expr],
}

impl<'a> Compiler<'a> {
    /// `can_optimize_super_call`: whether `attr` is `super().name` or `super(a, b).name` in a
    /// form `LOAD_SUPER_ATTR` handles.
    pub(crate) fn super_call_form(&self, attr: &'a ExprAttribute) -> Option<SuperCall<'a>> {
        let Expr::Call(call) = &*attr.value else {
            return None;
        };
        let Expr::Name(func) = &*call.func else {
            return None;
        };
        if func.id.as_str() != "super"
            || attr.attr.as_str() == "__class__"
            || !call.arguments.keywords.is_empty()
        {
            return None;
        }
        if self.scope_of("super") != Some(Scope::GlobalImplicit) {
            return None;
        }
        if self.table.symbol(BlockId(0), "super").is_some() {
            return None;
        }
        let args = &call.arguments.args;
        if args.len() == 2 {
            if args.iter().any(|a| matches!(a, Expr::Starred(_))) {
                return None;
            }
            return Some(SuperCall { call, args });
        }
        if !args.is_empty() {
            return None;
        }
        let unit = self.cur();
        if unit.argcount == 0 && unit.posonlyargcount == 0 {
            return None;
        }
        if self.ref_type("__class__") == Some(Scope::Free) {
            return Some(SuperCall { call, args });
        }
        None
    }

    /// `load_args_for_super`.
    pub(crate) fn load_super_args(&mut self, s: &SuperCall<'a>) -> Result<(), CompileError> {
        let loc = self.loc(s.call);
        let func_loc = self.loc(&*s.call.func);
        self.nameop(func_loc, "super", Ctx::Load)?;
        if s.args.len() == 2 {
            self.expr(&s.args[0])?;
            self.expr(&s.args[1])?;
            return Ok(());
        }
        self.nameop(loc, "__class__", Ctx::Load)?;
        let first = self.cur().varnames.names()[0].clone();
        self.nameop(loc, &first, Ctx::Load)?;
        Ok(())
    }

    /// `compiler_call`.
    pub(crate) fn call(&mut self, c: &'a ExprCall, loc: Location) -> Result<(), CompileError> {
        self.validate_keywords(&c.arguments.keywords)?;
        if self.method_call(c, loc)? {
            return Ok(());
        }
        let func_loc = self.loc(&*c.func);
        self.emit(Opcode::PushNull, 0, func_loc);
        self.expr(&c.func)?;
        self.call_helper(loc, 0, &c.arguments)
    }

    /// `is_import_originated`: whether `e` is a name the module binds by an import.
    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(n) = e else { return false };
        self.table
            .symbol(BlockId(0), n.id.as_str())
            .is_some_and(|s| s.flags & def::IMPORT != 0)
    }

    /// `maybe_optimize_method_call`: `obj.meth(args)` as `LOAD_ATTR` (method form) + `CALL`.
    fn method_call(&mut self, c: &'a ExprCall, loc: Location) -> Result<bool, CompileError> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ruff_python_ast::ExprContext::Load || self.is_import_originated(&meth.value)
        {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kwds = &c.arguments.keywords;
        if args.len() + kwds.len() + usize::from(!kwds.is_empty()) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kwds.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        let mut mloc = self.loc(meth);
        if let Some(super_call) = self.super_call_form(meth) {
            self.load_super_args(&super_call)?;
            let op = if super_call.args.is_empty() {
                Opcode::LoadZeroSuperMethod
            } else {
                Opcode::LoadSuperMethod
            };
            self.emit_name(op, meth.attr.as_str(), mloc);
            mloc = self.attr_loc(mloc, meth);
            self.emit(Opcode::Nop, 0, mloc);
        } else {
            self.expr(&meth.value)?;
            mloc = self.attr_loc(mloc, meth);
            self.emit_name(Opcode::LoadMethod, meth.attr.as_str(), mloc);
        }
        for a in args.iter() {
            self.call_arg(a, &c.arguments)?;
        }
        if !kwds.is_empty() {
            for k in kwds.iter() {
                self.expr(&k.value)?;
            }
            self.kw_names(mloc, kwds);
        }
        let call_loc = self.attr_loc(loc, meth);
        self.emit(Opcode::Call, (args.len() + kwds.len()) as u32, call_loc);
        Ok(true)
    }

    /// One positional argument; an unparenthesized generator expression (the sole argument)
    /// takes the call's parentheses as its location, as in CPython's grammar.
    pub(crate) fn call_arg(
        &mut self,
        a: &'a Expr,
        arguments: &Arguments,
    ) -> Result<(), CompileError> {
        if let Expr::Generator(g) = a
            && !g.parenthesized
        {
            let loc = self.loc(arguments);
            let r = self.nested(loc, |c| c.expr_at(a, loc));
            return r;
        }
        self.expr(a)
    }

    /// `validate_keywords`: no `__debug__=`, no repeated keyword.
    pub(crate) fn validate_keywords(&self, keywords: &[Keyword]) -> Result<(), CompileError> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = &k.arg else { continue };
            self.check_forbidden(self.loc(k), arg.as_str(), Ctx::Store)?;
            for other in &keywords[i + 1..] {
                if other
                    .arg
                    .as_ref()
                    .is_some_and(|o| o.as_str() == arg.as_str())
                {
                    return Err(self.error(
                        self.loc(other),
                        format!("keyword argument repeated: {}", arg.as_str()),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `compiler_call_simple_kw_helper`: `KW_NAMES` with the keywords' names.
    fn kw_names(&mut self, loc: Location, keywords: &[Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Self::str_constant(k.arg.as_ref().expect("named keyword").as_str()))
            .collect();
        let i = self.add_const(Constant::Tuple(names.into()));
        self.emit(Opcode::KwNames, i, loc);
    }

    /// `compiler_call_helper`: the arguments and the call, with `n` values already pushed.
    pub(crate) fn call_helper(
        &mut self,
        loc: Location,
        n: u32,
        arguments: &'a Arguments,
    ) -> Result<(), CompileError> {
        self.call_helper_parts(
            loc,
            n,
            &arguments.args,
            &arguments.keywords,
            Some(arguments),
        )
    }

    /// `compiler_call_helper` over explicit parts (classes add a base).
    pub(crate) fn call_helper_parts(
        &mut self,
        loc: Location,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        arguments: Option<&'a Arguments>,
    ) -> Result<(), CompileError> {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                match arguments {
                    Some(arguments) => self.call_arg(a, arguments)?,
                    None => self.expr(a)?,
                }
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(loc, keywords);
            }
            self.emit(Opcode::Call, n + (nelts + nkwelts) as u32, loc);
            return Ok(());
        }
        // Positional arguments as one tuple.
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value)?;
            } else {
                self.starunpack(
                    loc,
                    args,
                    n,
                    Builder {
                        tuple: true,
                        ..LIST_BUILDER
                    },
                )?;
            }
        } else {
            self.starunpack(
                loc,
                args,
                n,
                Builder {
                    tuple: true,
                    ..LIST_BUILDER
                },
            )?;
        }
        // Keyword arguments as one dict.
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(loc, &keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0, loc);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(loc, &keywords[nkwelts - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1, loc);
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, u32::from(nkwelts > 0), loc);
        Ok(())
    }

    /// `compiler_subkwargs`: named keywords as a dict.
    fn subkwargs(&mut self, loc: Location, keywords: &'a [Keyword]) -> Result<(), CompileError> {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let keys: Vec<Constant> = keywords
                .iter()
                .map(|k| Self::str_constant(k.arg.as_ref().expect("named").as_str()))
                .collect();
            self.load_const(Constant::Tuple(keys.into()), loc);
            self.emit(Opcode::BuildConstKeyMap, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BuildMap, 0, Location::NONE);
        }
        for k in keywords {
            self.load_const(
                Self::str_constant(k.arg.as_ref().expect("named").as_str()),
                loc,
            );
            self.expr(&k.value)?;
            if big {
                self.emit(Opcode::MapAdd, 1, Location::NONE);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32, loc);
        }
        Ok(())
    }
}
