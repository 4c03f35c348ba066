//! The first pass over statements (`symtable_visit_stmt` and its helpers in
//! `Python/symtable.c`): definitions open their blocks (a generic one inside its
//! type-parameter block), and `global`, `nonlocal`, `import`, annotations and the rest record
//! their names in the block being walked.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

use super::visit::Walker;
use super::{BlockId, BlockKind, def};
use crate::error::CompileError;
use crate::instr::Location;

impl Walker<'_> {
    /// Walks a block of statements.
    pub(super) fn visit_body(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// Walks one statement (`symtable_visit_stmt`).
    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        self.nest(stmt, |w| w.visit_stmt_inner(stmt))
    }

    fn visit_stmt_inner(&mut self, stmt: &Stmt) -> Result<(), CompileError> {
        match stmt {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => self.visit_class_def(c),
            Stmt::TypeAlias(t) => self.visit_type_alias(t),
            Stmt::Return(r) => {
                if let Some(value) = &r.value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
                Ok(())
            }
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_ann_assign(a),
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                self.visit_elif_else(&i.elif_else_clauses)
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(vars) = &item.optional_vars {
                        self.visit_expr(vars)?;
                    }
                }
                self.visit_body(&w.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.visit_expr(guard)?;
                    }
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                if let Some(exc) = &r.exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = &r.cause {
                        self.visit_expr(cause)?;
                    }
                }
                Ok(())
            }
            Stmt::Try(t) => self.visit_try(t),
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(msg) = &a.msg {
                    self.visit_expr(msg)?;
                }
                Ok(())
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::ImportFrom(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::Global(g) => self.visit_declaration(&g.names, stmt, true),
            Stmt::Nonlocal(n) => self.visit_declaration(&n.names, stmt, false),
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {
                Ok(())
            }
        }
    }

    /// The `elif` and `else` clauses of an `if`: CPython nests each `elif` as an `if` in the
    /// `else` of the one before, one level deeper each.
    fn visit_elif_else(&mut self, clauses: &[ast::ElifElseClause]) -> Result<(), CompileError> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(());
        };
        match &first.test {
            Some(test) => self.nest(first, |w| {
                w.visit_expr(test)?;
                w.visit_body(&first.body)?;
                w.visit_elif_else(rest)
            }),
            None => self.visit_body(&first.body),
        }
    }

    /// `try` (and `try`/`except*`): 3.12 walks the body, the `else` clause, the handlers,
    /// then the `finally` clause.
    fn visit_try(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        self.visit_body(&t.body)?;
        self.visit_body(&t.orelse)?;
        for handler in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            if let Some(type_) = &h.type_ {
                self.visit_expr(type_)?;
            }
            if let Some(name) = &h.name {
                self.add_def(name.as_str(), def::LOCAL, self.loc(h))?;
            }
            self.visit_body(&h.body)?;
        }
        self.visit_body(&t.finalbody)
    }

    /// `def` and `async def`: the name, then defaults, decorators, type parameters and
    /// annotations in the enclosing scope (annotations in the type-parameter block, if any),
    /// then the body in a block of its own.
    fn visit_function_def(&mut self, f: &ast::StmtFunctionDef) -> Result<(), CompileError> {
        let at = self.def_location(f, &f.decorator_list, &f.name);
        self.add_def(f.name.as_str(), def::LOCAL, at)?;
        self.visit_defaults(&f.parameters)?;
        for decorator in &f.decorator_list {
            self.visit_expr(&decorator.expression)?;
        }
        if let Some(type_params) = &f.type_params {
            // 3.12 tests the list of defaults for NULL, which it never is: a generic function
            // always has `.defaults`; `.kwdefaults` only when a keyword-only default exists.
            let has_defaults = true;
            let has_kwdefaults = f.parameters.kwonlyargs.iter().any(|a| a.default.is_some());
            let name = f.name.as_str();
            self.enter_type_param_block(
                name,
                type_params,
                has_defaults,
                has_kwdefaults,
                false,
                at,
            )?;
        }
        self.visit_annotations(f, &f.parameters, f.returns.as_deref())?;
        let key = f as *const ast::StmtFunctionDef as usize;
        self.enter_block(BlockKind::Function, f.name.as_str().into(), key, at);
        if f.is_async {
            self.cur_mut().coroutine = true;
        }
        self.visit_parameters(&f.parameters)?;
        self.visit_body(&f.body)?;
        self.exit_block();
        if f.type_params.is_some() {
            self.exit_block();
        }
        Ok(())
    }

    /// Where CPython's `FunctionDef`/`ClassDef` node starts: at `def`/`class`, after the
    /// decorators (which Ruff's range includes). Past decorators, that is the name's line (a
    /// backslash between `def` and the name would move it a line), in the column of the `@`.
    fn def_location(
        &self,
        node: &impl Ranged,
        decorators: &[ast::Decorator],
        name: &ast::Identifier,
    ) -> Location {
        let mut at = self.loc(node);
        if !decorators.is_empty() {
            at.lineno = self.loc(name).lineno;
        }
        at
    }

    /// Default values, in the enclosing scope: positional ones, then keyword-only ones.
    pub(super) fn visit_defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for arg in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(default) = &arg.default {
                self.visit_expr(default)?;
            }
        }
        Ok(())
    }

    /// The parameters, in `varnames` order (`symtable_visit_arguments`): positional-only,
    /// positional, keyword-only, then `*args` and `**kwargs`.
    pub(super) fn visit_parameters(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for arg in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            let at = self.loc(&arg.parameter);
            self.add_def(arg.parameter.name.as_str(), def::PARAM, at)?;
        }
        if let Some(vararg) = &p.vararg {
            self.add_def(
                vararg.name.as_str(),
                def::PARAM,
                self.star_param_location(vararg),
            )?;
            self.cur_mut().varargs = true;
        }
        if let Some(kwarg) = &p.kwarg {
            self.add_def(
                kwarg.name.as_str(),
                def::PARAM,
                self.star_param_location(kwarg),
            )?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    /// Where CPython's `arg` node of `*args` or `**kwargs` is: from the name (Ruff's range
    /// starts at the stars).
    fn star_param_location(&self, param: &ast::Parameter) -> Location {
        let mut at = self.loc(param);
        let name = self.loc(&param.name);
        (at.lineno, at.col_offset) = (name.lineno, name.col_offset);
        at
    }

    /// A function's annotations (`symtable_visit_annotations`): positional-only, positional,
    /// `*args`, `**kwargs`, keyword-only, then the return annotation.
    fn visit_annotations(
        &mut self,
        f: &ast::StmtFunctionDef,
        p: &ast::Parameters,
        returns: Option<&ast::Expr>,
    ) -> Result<(), CompileError> {
        let future = self.future_annotations;
        if future {
            let key = f as *const ast::StmtFunctionDef as usize;
            self.enter_block(
                BlockKind::Annotation,
                "_annotation".into(),
                key,
                self.loc(f),
            );
        }
        let positional = p.posonlyargs.iter().chain(&p.args).map(|a| &a.parameter);
        let variadic = p.vararg.iter().chain(&p.kwarg).map(|a| &**a);
        let keyword = p.kwonlyargs.iter().map(|a| &a.parameter);
        for param in positional.chain(variadic).chain(keyword) {
            if let Some(annotation) = &param.annotation {
                self.visit_expr(annotation)?;
            }
        }
        if future {
            self.exit_block();
        }
        match returns {
            Some(returns) => self.visit_annotation(returns),
            None => Ok(()),
        }
    }

    /// One annotation (`symtable_visit_annotation`): in its own annotation block under
    /// `from __future__ import annotations`, else in the current block.
    fn visit_annotation(&mut self, annotation: &ast::Expr) -> Result<(), CompileError> {
        let future = self.future_annotations;
        if future {
            let key = annotation as *const ast::Expr as usize;
            let at = self.loc(annotation);
            self.enter_block(BlockKind::Annotation, "_annotation".into(), key, at);
        }
        self.visit_expr(annotation)?;
        if future {
            self.exit_block();
        }
        Ok(())
    }

    /// `class`: the name, decorators, type parameters, bases and keywords in the enclosing
    /// scope, then the body in a class block that mangles private names.
    fn visit_class_def(&mut self, c: &ast::StmtClassDef) -> Result<(), CompileError> {
        let at = self.def_location(c, &c.decorator_list, &c.name);
        self.add_def(c.name.as_str(), def::LOCAL, at)?;
        for decorator in &c.decorator_list {
            self.visit_expr(&decorator.expression)?;
        }
        if let Some(type_params) = &c.type_params {
            self.enter_type_param_block(c.name.as_str(), type_params, false, false, true, at)?;
        }
        if let Some(arguments) = &c.arguments {
            self.visit_exprs(&arguments.args)?;
            for keyword in &arguments.keywords {
                self.visit_expr(&keyword.value)?;
            }
        }
        let key = c as *const ast::StmtClassDef as usize;
        self.enter_block(BlockKind::Class, c.name.as_str().into(), key, at);
        // Entering a generic class's type-parameter block has already set the private name,
        // and CPython does not restore the one before it: after `class C[T]: ...`, names
        // stay mangled with `C` until the next class (3.12's behaviour, kept).
        let saved = self.private.replace(c.name.as_str().into());
        if c.type_params.is_some() {
            self.add_def("__type_params__", def::LOCAL, at)?;
            self.add_def(".type_params", def::USE, at)?;
        }
        self.visit_body(&c.body)?;
        self.private = saved;
        self.exit_block();
        if c.type_params.is_some() {
            self.exit_block();
        }
        Ok(())
    }

    /// `type X[...] = value`: the name in the enclosing scope, the value in a type-alias
    /// block (inside the type-parameter block when generic).
    fn visit_type_alias(&mut self, t: &ast::StmtTypeAlias) -> Result<(), CompileError> {
        self.visit_expr(&t.name)?;
        let name: Rc<str> = match &*t.name {
            ast::Expr::Name(n) => n.id.as_str().into(),
            other => return Err(self.error("invalid type alias name", self.loc(other))),
        };
        let at = self.loc(t);
        let in_class = self.block(self.cur()).kind == BlockKind::Class;
        if let Some(type_params) = &t.type_params {
            self.enter_type_param_block(&name, type_params, false, false, false, at)?;
        }
        let key = t as *const ast::StmtTypeAlias as usize;
        self.enter_block(BlockKind::TypeAlias, name, key, at);
        self.cur_mut().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", def::USE, self.loc(&*t.value))?;
        }
        self.visit_expr(&t.value)?;
        self.exit_block();
        if t.type_params.is_some() {
            self.exit_block();
        }
        Ok(())
    }

    /// `x: int = value`: a simple name is annotated (and local); at function level it cannot
    /// also be declared `global` or `nonlocal`.
    fn visit_ann_assign(&mut self, a: &ast::StmtAnnAssign) -> Result<(), CompileError> {
        match &*a.target {
            ast::Expr::Name(name) => {
                let cur = self.lookup(name.id.as_str());
                let at_module = self.cur() == BlockId(0);
                if cur & (def::GLOBAL | def::NONLOCAL) != 0 && !at_module && a.simple {
                    let kind = if cur & def::GLOBAL != 0 {
                        "global"
                    } else {
                        "nonlocal"
                    };
                    let message = format!("annotated name '{}' can't be {kind}", name.id);
                    return Err(self.error(message, self.loc(a)));
                }
                let at = self.loc(name);
                if a.simple {
                    self.add_def(name.id.as_str(), def::ANNOT | def::LOCAL, at)?;
                } else if a.value.is_some() {
                    self.add_def(name.id.as_str(), def::LOCAL, at)?;
                }
            }
            target => self.visit_expr(target)?,
        }
        self.visit_annotation(&a.annotation)?;
        if let Some(value) = &a.value {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `global` (`is_global`) or `nonlocal` names: an error if the name was already a
    /// parameter, used, annotated or assigned in the block.
    fn visit_declaration(
        &mut self,
        names: &[ast::Identifier],
        stmt: &Stmt,
        is_global: bool,
    ) -> Result<(), CompileError> {
        let at = self.loc(stmt);
        let kind = if is_global { "global" } else { "nonlocal" };
        for name in names {
            let name = name.as_str();
            let cur = self.lookup(name);
            if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                let message = if cur & def::PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & def::USE != 0 {
                    format!("name '{name}' is used prior to {kind} declaration")
                } else if cur & def::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else {
                    format!("name '{name}' is assigned to before {kind} declaration")
                };
                return Err(self.error(message, at));
            }
            let flag = if is_global {
                def::GLOBAL
            } else {
                def::NONLOCAL
            };
            self.add_def(name, flag, at)?;
            self.record_directive(name, at);
        }
        Ok(())
    }

    /// One name of an `import` (`symtable_visit_alias`): binds the as-name, or the first
    /// component of a dotted name; `*` is allowed only at module level.
    fn visit_alias(&mut self, a: &ast::Alias) -> Result<(), CompileError> {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        if name == "*" {
            if self.block(self.cur()).kind != BlockKind::Module {
                return Err(self.error("import * only allowed at module level", self.loc(a)));
            }
            return Ok(());
        }
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, def::IMPORT, self.loc(a))
    }

    /// Opens the block of a generic function's, class's or alias's type parameters
    /// (`symtable_enter_type_param_block`) and walks the parameters in it.
    fn enter_type_param_block(
        &mut self,
        name: &str,
        type_params: &ast::TypeParams,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        at: Location,
    ) -> Result<(), CompileError> {
        let enclosing = self.block(self.cur()).kind;
        let key = type_params as *const ast::TypeParams as usize;
        self.enter_block(BlockKind::TypeParams, name.into(), key, at);
        if enclosing == BlockKind::Class {
            self.cur_mut().can_see_class_scope = true;
            self.add_def("__classdict__", def::USE, at)?;
        }
        if is_class {
            // Set when the tuple of type parameters is made, used when the bases are.
            self.add_def(".type_params", def::LOCAL, at)?;
            self.add_def(".type_params", def::USE, at)?;
            self.private = Some(name.into());
            // For the generic base (`Generic[*T]`).
            self.add_def(".generic_base", def::LOCAL, at)?;
            self.add_def(".generic_base", def::USE, at)?;
        }
        if has_defaults {
            self.add_def(".defaults", def::PARAM, at)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", def::PARAM, at)?;
        }
        type_params
            .type_params
            .iter()
            .try_for_each(|tp| self.visit_type_param(tp))
    }
}
