//! Functions, lambdas, classes and type parameters (`compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_type_params`, `compiler_typealias` and
//! `compiler_make_closure` of `Python/compile.c`): decorators, default and keyword-only
//! default values, annotations, the nested code unit, the closure tuple and
//! `MAKE_FUNCTION`; class bodies with `__module__`, `__qualname__` and `__classcell__`; PEP 695
//! generic functions, classes and `type` aliases.

use std::rc::Rc;

use ruff_python_ast::{
    Decorator, Expr, ExprLambda, Parameter, Parameters, StmtClassDef, StmtFunctionDef,
    StmtTypeAlias, TypeParam, TypeParams,
};

use super::Compiler;
use super::expr::{intrinsic1, intrinsic2};
use super::names::{Ctx, mangle};
use super::unit::ScopeType;
use crate::code::{CodeObject, Constant};
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;
use crate::symtable::Scope;

impl<'a> Compiler<'a> {
    /// `compiler_make_closure`: the closure tuple (if the code has free variables), the code
    /// constant and `MAKE_FUNCTION`.
    pub(crate) fn make_closure(
        &mut self,
        loc: Location,
        code: Rc<CodeObject>,
        freevars: &[Rc<str>],
        mut flags: u32,
    ) -> Result<(), CompileError> {
        if !freevars.is_empty() {
            for name in freevars {
                let arg = if self.ref_type(name) == Some(Scope::Cell) {
                    self.cur().cellvars.get(name)
                } else {
                    self.cur().freevars.get(name)
                };
                let Some(arg) = arg else {
                    return Err(self.error(
                        loc,
                        format!("internal error: no cell or free variable '{name}' for a closure"),
                    ));
                };
                self.emit(Opcode::LoadClosure, arg, loc);
            }
            flags |= 0x08;
            self.emit(Opcode::BuildTuple, freevars.len() as u32, loc);
        }
        self.load_const(Constant::Code(code), loc);
        self.emit(Opcode::MakeFunction, flags, loc);
        Ok(())
    }

    /// `compiler_check_debug_args`: no parameter may be named `__debug__`.
    fn check_debug_args(&self, params: &Parameters) -> Result<(), CompileError> {
        let all = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.kwarg.as_deref());
        for p in all {
            self.check_forbidden(self.loc(p), p.name.as_str(), Ctx::Store)?;
        }
        Ok(())
    }

    /// `compiler_default_arguments`: pushes the defaults tuple and keyword-only defaults
    /// dict; returns the `MAKE_FUNCTION` flags for them.
    fn default_arguments(
        &mut self,
        loc: Location,
        params: &'a Parameters,
    ) -> Result<u32, CompileError> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BuildTuple, defaults.len() as u32, loc);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                let mangled = mangle(self.cur().private.as_deref(), p.parameter.name.as_str());
                keys.push(Constant::Str(mangled));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into()), loc);
            self.emit(Opcode::BuildConstKeyMap, n, loc);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// `compiler_visit_argannotation`.
    fn arg_annotation(
        &mut self,
        name: &str,
        annotation: Option<&'a Expr>,
        len: &mut u32,
        loc: Location,
    ) -> Result<(), CompileError> {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.cur().private.as_deref(), name);
        self.load_const(Constant::Str(mangled), loc);
        if let Expr::Starred(s) = annotation {
            self.expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1, loc);
        } else {
            self.expr(annotation)?;
        }
        *len += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: pushes the annotations tuple; whether there is one.
    fn annotations(
        &mut self,
        loc: Location,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> Result<bool, CompileError> {
        let mut len = 0;
        let one = |p: &'a Parameter| (p.name.as_str(), p.annotation.as_deref());
        for p in &params.args {
            let (n, a) = one(&p.parameter);
            self.arg_annotation(n, a, &mut len, loc)?;
        }
        for p in &params.posonlyargs {
            let (n, a) = one(&p.parameter);
            self.arg_annotation(n, a, &mut len, loc)?;
        }
        if let Some(v) = &params.vararg {
            let (n, a) = one(v);
            self.arg_annotation(n, a, &mut len, loc)?;
        }
        for p in &params.kwonlyargs {
            let (n, a) = one(&p.parameter);
            self.arg_annotation(n, a, &mut len, loc)?;
        }
        if let Some(k) = &params.kwarg {
            let (n, a) = one(k);
            self.arg_annotation(n, a, &mut len, loc)?;
        }
        self.arg_annotation("return", returns, &mut len, loc)?;
        if len > 0 {
            self.emit(Opcode::BuildTuple, len, loc);
            return Ok(true);
        }
        Ok(false)
    }

    /// `compiler_decorators`.
    fn decorators(&mut self, decorators: &'a [Decorator]) -> Result<(), CompileError> {
        for d in decorators {
            self.expr(&d.expression)?;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`.
    fn apply_decorators(&mut self, decorators: &'a [Decorator]) {
        for d in decorators.iter().rev() {
            let loc = self.loc(&d.expression);
            self.emit(Opcode::Call, 0, loc);
        }
    }

    /// The first line of a definition: its first decorator's, or its own.
    fn first_lineno(&self, decorators: &[Decorator], loc: Location) -> u32 {
        match decorators.first() {
            Some(d) => self.loc(&d.expression).lineno as u32,
            None => loc.lineno as u32,
        }
    }

    /// `compiler_function` (`def`).
    pub(crate) fn function_def(
        &mut self,
        f: &'a StmtFunctionDef,
        loc: Location,
    ) -> Result<(), CompileError> {
        self.check_debug_args(&f.parameters)?;
        self.decorators(&f.decorator_list)?;
        let firstlineno = self.first_lineno(&f.decorator_list, loc);
        let type_params = f.type_params.as_deref().filter(|t| !t.is_empty());
        if type_params.is_some() {
            self.emit(Opcode::PushNull, 0, loc);
        }
        let mut funcflags = self.default_arguments(loc, &f.parameters)?;
        let mut num_typeparam_args = 0;
        if let Some(tp) = type_params {
            if funcflags & 0x01 != 0 {
                num_typeparam_args += 1;
            }
            if funcflags & 0x02 != 0 {
                num_typeparam_args += 1;
            }
            if num_typeparam_args == 2 {
                self.emit(Opcode::Swap, 2, loc);
            }
            let block = self.block_for(tp, tp, loc)?;
            let name = format!("<generic parameters of {}>", f.name.as_str());
            self.enter_scope(name.into(), ScopeType::TypeParams, block, firstlineno)?;
            self.type_params(tp)?;
            if funcflags & 0x03 != 0 {
                self.emit(Opcode::LoadFast, 0, loc);
            }
            if funcflags & 0x03 == 0x03 {
                self.emit(Opcode::LoadFast, 1, loc);
            }
        }
        if self.annotations(loc, &f.parameters, f.returns.as_deref())? {
            funcflags |= 0x04;
        }
        self.function_body(f, funcflags, firstlineno, loc)?;
        if type_params.is_some() {
            self.emit(Opcode::Swap, 2, loc);
            self.emit(
                Opcode::CallIntrinsic2,
                intrinsic2::SET_FUNCTION_TYPE_PARAMS,
                loc,
            );
            self.u().argcount = num_typeparam_args;
            let (code, freevars) = self.finish_nested(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            if num_typeparam_args > 0 {
                self.emit(Opcode::Swap, num_typeparam_args + 1, loc);
            }
            self.emit(Opcode::Call, num_typeparam_args, loc);
        }
        self.apply_decorators(&f.decorator_list);
        self.nameop(loc, f.name.as_str(), Ctx::Store)
    }

    /// `compiler_function_body`.
    fn function_body(
        &mut self,
        f: &'a StmtFunctionDef,
        funcflags: u32,
        firstlineno: u32,
        loc: Location,
    ) -> Result<(), CompileError> {
        let block = self.block_for(f, f, loc)?;
        self.enter_scope(
            f.name.as_str().into(),
            ScopeType::Function,
            block,
            firstlineno,
        )?;
        let docstring = self.docstring(&f.body);
        let doc = docstring
            .as_ref()
            .map_or(Constant::None, |(_, c)| c.clone());
        self.add_const(doc);
        let params = &f.parameters;
        self.u().argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        self.u().posonlyargcount = params.posonlyargs.len() as u32;
        self.u().kwonlyargcount = params.kwonlyargs.len() as u32;
        let body = if docstring.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        self.stmts(body)?;
        let entry = self.table.block(block);
        if entry.coroutine || entry.generator {
            self.wrap_in_stopiteration_handler();
        }
        let (code, freevars) = self.finish_nested(true)?;
        self.make_closure(loc, code, &freevars, funcflags)
    }

    /// `compiler_lambda`.
    pub(crate) fn lambda(&mut self, e: &'a Expr, l: &'a ExprLambda) -> Result<(), CompileError> {
        let loc = self.loc(e);
        let empty = Parameters::default();
        let params: &Parameters = l.parameters.as_deref().unwrap_or(&empty);
        self.check_debug_args(params)?;
        let funcflags = match &l.parameters {
            Some(p) => self.default_arguments(loc, p)?,
            None => 0,
        };
        let block = self.block_for(l, e, loc)?;
        self.enter_scope(
            "<lambda>".into(),
            ScopeType::Lambda,
            block,
            loc.lineno as u32,
        )?;
        self.add_const(Constant::None);
        self.u().argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        self.u().posonlyargcount = params.posonlyargs.len() as u32;
        self.u().kwonlyargcount = params.kwonlyargs.len() as u32;
        self.expr(&l.body)?;
        let (code, freevars) = if self.table.block(block).generator {
            self.finish_nested(false)?
        } else {
            let rloc = Location {
                lineno: loc.lineno,
                end_lineno: loc.lineno,
                col_offset: 0,
                end_col_offset: 0,
            };
            self.emit(Opcode::ReturnValue, 0, rloc);
            self.finish_nested(true)?
        };
        self.make_closure(loc, code, &freevars, funcflags)
    }

    /// `compiler_class`.
    pub(crate) fn class_def(
        &mut self,
        c: &'a StmtClassDef,
        loc: Location,
    ) -> Result<(), CompileError> {
        self.decorators(&c.decorator_list)?;
        let firstlineno = self.first_lineno(&c.decorator_list, loc);
        let type_params = c.type_params.as_deref().filter(|t| !t.is_empty());
        if let Some(tp) = type_params {
            self.u().private = Some(c.name.as_str().into());
            self.emit(Opcode::PushNull, 0, loc);
            let block = self.block_for(tp, tp, loc)?;
            let name = format!("<generic parameters of {}>", c.name.as_str());
            self.enter_scope(name.into(), ScopeType::TypeParams, block, firstlineno)?;
            self.type_params(tp)?;
            self.nameop(loc, ".type_params", Ctx::Store)?;
        }
        self.class_body(c, firstlineno, loc)?;
        let (args, keywords): (&'a [Expr], &'a [ruff_python_ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        if type_params.is_some() {
            self.nameop(loc, ".type_params", Ctx::Load)?;
            self.emit(Opcode::CallIntrinsic1, intrinsic1::SUBSCRIPT_GENERIC, loc);
            self.nameop(loc, ".generic_base", Ctx::Store)?;
            // The bases, then `.generic_base` (located at the class statement).
            self.generic_class_call(loc, args, keywords)?;
            let (code, freevars) = self.finish_nested(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            self.emit(Opcode::Call, 0, loc);
        } else {
            self.call_helper_parts(loc, 2, args, keywords, c.arguments.as_deref())?;
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(loc, c.name.as_str(), Ctx::Store)
    }

    /// The `__build_class__` call of a generic class: the bases plus `.generic_base`.
    fn generic_class_call(
        &mut self,
        loc: Location,
        args: &'a [Expr],
        keywords: &'a [ruff_python_ast::Keyword],
    ) -> Result<(), CompileError> {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + 1 + keywords.len() * 2 > super::expr::STACK_USE_GUIDELINE;
        if starred {
            return Err(self.error(
                loc,
                "generic classes with unpacked bases are not supported yet by pyrt's compiler",
            ));
        }
        self.validate_keywords(keywords)?;
        for a in args {
            self.expr(a)?;
        }
        self.nameop(loc, ".generic_base", Ctx::Load)?;
        let n = args.len() + 1;
        if !keywords.is_empty() {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let names: Vec<Constant> = keywords
                .iter()
                .map(|k| Self::str_constant(k.arg.as_ref().expect("named").as_str()))
                .collect();
            let i = self.add_const(Constant::Tuple(names.into()));
            self.emit(Opcode::KwNames, i, loc);
        }
        self.emit(Opcode::Call, (2 + n + keywords.len()) as u32, loc);
        Ok(())
    }

    /// `compiler_class_body`: the class body unit, then `PUSH_NULL`, `LOAD_BUILD_CLASS`, the
    /// body function and the name.
    fn class_body(
        &mut self,
        c: &'a StmtClassDef,
        firstlineno: u32,
        sloc: Location,
    ) -> Result<(), CompileError> {
        let block = self.block_for(c, c, sloc)?;
        self.enter_scope(c.name.as_str().into(), ScopeType::Class, block, firstlineno)?;
        let loc = Location {
            lineno: firstlineno as i32,
            end_lineno: firstlineno as i32,
            col_offset: 0,
            end_col_offset: 0,
        };
        self.u().private = Some(c.name.as_str().into());
        self.nameop(loc, "__name__", Ctx::Load)?;
        self.nameop(loc, "__module__", Ctx::Store)?;
        let qualname = self.cur().qualname.clone();
        self.load_const(Constant::Str(qualname), loc);
        self.nameop(loc, "__qualname__", Ctx::Store)?;
        if c.type_params.as_deref().is_some_and(|t| !t.is_empty()) {
            self.nameop(loc, ".type_params", Ctx::Load)?;
            self.nameop(loc, "__type_params__", Ctx::Store)?;
        }
        let entry = self.table.block(block);
        let (needs_classdict, needs_class_closure) =
            (entry.needs_classdict, entry.needs_class_closure);
        if needs_classdict {
            self.emit(Opcode::LoadLocals, 0, loc);
            let arg = self.u().cellvars.add("__classdict__");
            self.emit(Opcode::StoreDeref, arg, loc);
        }
        self.body(loc, &c.body)?;
        if needs_classdict {
            let i = self.u().cellvars.add("__classdict__");
            self.emit(Opcode::LoadClosure, i, Location::NONE);
            self.nameop(Location::NONE, "__classdictcell__", Ctx::Store)?;
        }
        if needs_class_closure {
            let i = self.u().cellvars.add("__class__");
            self.emit(Opcode::LoadClosure, i, Location::NONE);
            self.emit(Opcode::Copy, 1, Location::NONE);
            self.nameop(Location::NONE, "__classcell__", Ctx::Store)?;
        } else {
            self.load_const(Constant::None, Location::NONE);
        }
        self.emit(Opcode::ReturnValue, 0, Location::NONE);
        let (code, freevars) = self.finish_nested(true)?;
        self.emit(Opcode::PushNull, 0, sloc);
        self.emit(Opcode::LoadBuildClass, 0, sloc);
        self.make_closure(sloc, code, &freevars, 0)?;
        self.load_const(Self::str_constant(c.name.as_str()), sloc);
        Ok(())
    }

    /// `compiler_type_params`: each type parameter made and bound, then their tuple.
    fn type_params(&mut self, tps: &'a TypeParams) -> Result<(), CompileError> {
        for tp in tps.iter() {
            let loc = self.loc(tp);
            let name = tp.name().as_str();
            if tp.default().is_some() {
                return Err(self.error(loc, "type parameter defaults are not in Python 3.12"));
            }
            self.load_const(Self::str_constant(name), loc);
            match tp {
                TypeParam::TypeVar(tv) => {
                    if let Some(bound) = &tv.bound {
                        let block = self.block_for(tv, tp, loc)?;
                        let bloc = self.loc(&**bound);
                        self.enter_scope(
                            name.into(),
                            ScopeType::TypeParams,
                            block,
                            bloc.lineno as u32,
                        )?;
                        self.expr(bound)?;
                        self.emit(Opcode::ReturnValue, 0, loc);
                        let (code, freevars) = self.finish_nested(true)?;
                        self.make_closure(loc, code, &freevars, 0)?;
                        let intrinsic = if matches!(&**bound, Expr::Tuple(_)) {
                            intrinsic2::TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            intrinsic2::TYPEVAR_WITH_BOUND
                        };
                        self.emit(Opcode::CallIntrinsic2, intrinsic, loc);
                    } else {
                        self.emit(Opcode::CallIntrinsic1, intrinsic1::TYPEVAR, loc);
                    }
                }
                TypeParam::TypeVarTuple(_) => {
                    self.emit(Opcode::CallIntrinsic1, intrinsic1::TYPEVARTUPLE, loc)
                }
                TypeParam::ParamSpec(_) => {
                    self.emit(Opcode::CallIntrinsic1, intrinsic1::PARAMSPEC, loc)
                }
            }
            self.emit(Opcode::Copy, 1, loc);
            self.nameop(loc, name, Ctx::Store)?;
        }
        let first = self.loc(&tps.type_params[0]);
        self.emit(Opcode::BuildTuple, tps.len() as u32, first);
        Ok(())
    }

    /// `compiler_typealias`.
    pub(crate) fn type_alias(
        &mut self,
        t: &'a StmtTypeAlias,
        loc: Location,
    ) -> Result<(), CompileError> {
        let Expr::Name(name) = &*t.name else {
            return Err(self.error(loc, "invalid type alias name"));
        };
        let name = name.id.as_str();
        let type_params = t.type_params.as_deref().filter(|tp| !tp.is_empty());
        if let Some(tp) = type_params {
            self.emit(Opcode::PushNull, 0, loc);
            let block = self.block_for(tp, tp, loc)?;
            let tpname = format!("<generic parameters of {name}>");
            self.enter_scope(
                tpname.into(),
                ScopeType::TypeParams,
                block,
                loc.lineno as u32,
            )?;
            self.load_const(Self::str_constant(name), loc);
            self.type_params(tp)?;
        } else {
            self.load_const(Self::str_constant(name), loc);
            self.load_const(Constant::None, loc);
        }
        // compiler_typealias_body
        let block = self.block_for(t, t, loc)?;
        self.enter_scope(name.into(), ScopeType::Function, block, loc.lineno as u32)?;
        self.add_const(Constant::None);
        self.expr(&t.value)?;
        self.emit(Opcode::ReturnValue, 0, loc);
        let (code, freevars) = self.finish_nested(false)?;
        self.make_closure(loc, code, &freevars, 0)?;
        self.emit(Opcode::BuildTuple, 3, loc);
        self.emit(Opcode::CallIntrinsic1, intrinsic1::TYPEALIAS, loc);
        if type_params.is_some() {
            let (code, freevars) = self.finish_nested(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            self.emit(Opcode::Call, 0, loc);
        }
        self.nameop(loc, name, Ctx::Store)
    }
}
