//! Statements (`compiler_visit_stmt` of `Python/compile.c`): bodies with docstrings and
//! `SETUP_ANNOTATIONS` (`compiler_body`), assignments (plain, augmented, annotated), `del`,
//! `if`/`while`/`for` with `else`, `return`/`break`/`continue` through the frame blocks,
//! `raise`, `assert`, imports (and the `__future__` rules of `Python/future.c`), expression
//! statements and `pass`. `try`, `with`, `match`, `def` and `class` live in their own modules.

use ruff_python_ast::{ElifElseClause, Expr, Stmt, StmtAnnAssign, StmtAugAssign, StmtImportFrom};
use ruff_text_size::Ranged;

use super::Compiler;
use super::expr::{binary_op_arg, intrinsic1};
use super::names::Ctx;
use super::unit::ScopeType;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;
use num_bigint::BigInt;

/// `find_ann`: whether a body (not counting nested functions and classes) has an annotated
/// assignment.
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            t.handlers.iter().any(|h| match h {
                ruff_python_ast::ExceptHandler::ExceptHandler(h) => find_ann(&h.body),
            }) || find_ann(&t.body)
                || find_ann(&t.finalbody)
                || find_ann(&t.orelse)
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// The docstring of a body (`_PyAST_GetDocString`), if its first statement is a string.
    pub(crate) fn docstring(&self, body: &'a [Stmt]) -> Option<(&'a Expr, Constant)> {
        let Some(Stmt::Expr(e)) = body.first() else {
            return None;
        };
        if self.folded.hides_docstring(&e.value) {
            return None;
        }
        match self.const_of(&e.value) {
            Some(c @ Constant::Str(_)) => Some((&*e.value, c)),
            _ => None,
        }
    }

    /// `compiler_body`: a module or class body, with its docstring and annotations dict.
    pub(crate) fn body(
        &mut self,
        mut loc: Location,
        stmts: &'a [Stmt],
    ) -> Result<(), CompileError> {
        if self.cur().scope == ScopeType::Module
            && let Some(first) = stmts.first()
        {
            loc = self.stmt_loc(first);
        }
        if find_ann(stmts) {
            self.emit(Opcode::SetupAnnotations, 0, loc);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut rest = stmts;
        if let Some((doc, _)) = self.docstring(stmts) {
            self.expr(doc)?;
            self.nameop(Location::NONE, "__doc__", Ctx::Store)?;
            rest = &stmts[1..];
        }
        self.stmts(rest)
    }

    /// A sequence of statements.
    pub(crate) fn stmts(&mut self, stmts: &'a [Stmt]) -> Result<(), CompileError> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// The location of a statement (`LOC(s)`); definitions start at their keyword, not at
    /// their first decorator.
    pub(crate) fn stmt_loc(&self, s: &Stmt) -> Location {
        let mut loc = self.loc(s);
        if matches!(
            s,
            Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::If(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::With(_)
                | Stmt::Try(_)
                | Stmt::Match(_)
        ) {
            self.extend_over_semicolon(&mut loc, s.end());
        }
        let last_decorator_end = match s {
            Stmt::FunctionDef(f) => f.decorator_list.last().map(|d| d.end()),
            Stmt::ClassDef(c) => c.decorator_list.last().map(|d| d.end()),
            _ => None,
        };
        if let Some(end) = last_decorator_end {
            let start = self.skip_trivia(end.into());
            let (lineno, col) = self.map.line_col((start as u32).into());
            loc.lineno = lineno;
            loc.col_offset = col;
        }
        loc
    }

    /// A block ends at its last token, which CPython counts a trailing `;` of the last simple
    /// statement among (Ruff's range stops before it).
    pub(crate) fn extend_over_semicolon(&self, loc: &mut Location, end: ruff_text_size::TextSize) {
        let bytes = self.source.as_bytes();
        let mut i = u32::from(end) as usize;
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t' || bytes[i] == b'\x0c') {
            i += 1;
        }
        if bytes.get(i) == Some(&b';') {
            let (line, col) = self.map.line_col(((i + 1) as u32).into());
            loc.end_lineno = line;
            loc.end_col_offset = col;
        }
    }

    /// The offset of the next token at or after `offset` (skipping blanks, newlines, line
    /// continuations and comments).
    fn skip_trivia(&self, offset: u32) -> usize {
        let bytes = self.source.as_bytes();
        let mut i = offset as usize;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        i
    }

    /// `compiler_visit_stmt`, with the nesting limit.
    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> Result<(), CompileError> {
        let loc = self.stmt_loc(s);

        self.nested(loc, |c| c.stmt_at(s, loc))
    }

    fn stmt_at(&mut self, s: &'a Stmt, loc: Location) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                if f.is_async {
                    return Err(self.unsupported(loc, "'async def'"));
                }
                self.function_def(f, loc)
            }
            Stmt::ClassDef(c) => self.class_def(c, loc),
            Stmt::TypeAlias(t) => self.type_alias(t, loc),
            Stmt::Return(r) => self.return_stmt(r.value.as_deref(), loc),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1, loc);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a, loc),
            Stmt::AnnAssign(a) => self.ann_assign(a, loc),
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.unsupported(loc, "'async for'"));
                }
                let start = self.new_label();
                let body = self.new_label();
                let cleanup = self.new_label();
                let end = self.new_label();
                self.push_fblock(
                    loc,
                    super::fblock::FBlockKind::ForLoop,
                    Some(start),
                    Some(end),
                    super::fblock::Datum::None,
                )?;
                self.expr(&f.iter)?;
                self.emit(Opcode::GetIter, 0, loc);
                self.use_label(start);
                self.emit_jump(Opcode::ForIter, cleanup, loc);
                self.use_label(body);
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.emit_jump(Opcode::Jump, start, Location::NONE);
                self.use_label(cleanup);
                self.emit(Opcode::EndFor, 0, Location::NONE);
                self.pop_fblock(super::fblock::FBlockKind::ForLoop);
                self.stmts(&f.orelse)?;
                self.use_label(end);
                Ok(())
            }
            Stmt::While(w) => {
                let looplabel = self.new_label();
                let body = self.new_label();
                let end = self.new_label();
                let anchor = self.new_label();
                self.use_label(looplabel);
                self.push_fblock(
                    loc,
                    super::fblock::FBlockKind::WhileLoop,
                    Some(looplabel),
                    Some(end),
                    super::fblock::Datum::None,
                )?;
                self.jump_if(loc, &w.test, anchor, false)?;
                self.use_label(body);
                self.stmts(&w.body)?;
                self.jump_if(loc, &w.test, body, true)?;
                self.pop_fblock(super::fblock::FBlockKind::WhileLoop);
                self.use_label(anchor);
                self.stmts(&w.orelse)?;
                self.use_label(end);
                Ok(())
            }
            Stmt::If(i) => self.if_chain(loc, &i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.unsupported(loc, "'async with'"));
                }
                self.with(w, 0, loc)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.expr(exc)?;
                    n += 1;
                    if let Some(cause) = &r.cause {
                        self.expr(cause)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n, loc);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if t.finalbody.is_empty() {
                        self.try_star_except(t, loc)
                    } else {
                        self.try_finally(t, loc)
                    }
                } else if t.finalbody.is_empty() {
                    self.try_except(t, loc)
                } else {
                    self.try_finally(t, loc)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(loc, &a.test, end, true)?;
                self.emit(Opcode::LoadAssertionError, 0, loc);
                if let Some(msg) = &a.msg {
                    self.expr(msg)?;
                    self.emit(Opcode::Call, 0, loc);
                }
                // 3.12.1 locates the raise at the statement (later 3.12s at the test).
                self.emit(Opcode::RaiseVarargs, 1, loc);
                self.use_label(end);
                Ok(())
            }
            Stmt::Import(imp) => {
                for alias in &imp.names {
                    self.load_const(Constant::Int(BigInt::from(0)), loc);
                    self.load_const(Constant::None, loc);
                    let name = alias.name.as_str();
                    self.emit_name(Opcode::ImportName, name, loc);
                    if let Some(asname) = &alias.asname {
                        self.import_as(loc, name, asname.as_str())?;
                    } else {
                        let first = name.split('.').next().unwrap_or(name);
                        self.nameop(loc, first, Ctx::Store)?;
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(imp) => self.import_from(imp, loc),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) if self.interactive && self.units.len() <= 1 => {
                self.expr(&e.value)?;
                self.emit(Opcode::CallIntrinsic1, intrinsic1::PRINT, loc);
                self.emit(Opcode::PopTop, 0, Location::NONE);
                Ok(())
            }
            Stmt::Expr(e) => {
                // A first statement that only folds to a string is a `JoinedStr` to CPython.
                if self.is_const(&e.value) && !self.folded.hides_docstring(&e.value) {
                    self.emit(Opcode::Nop, 0, loc);
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Opcode::PopTop, 0, Location::NONE);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop, 0, loc);
                Ok(())
            }
            Stmt::Break(_) => {
                let mut l = loc;
                self.emit(Opcode::Nop, 0, l);
                let lp = self.unwind_fblock_stack(&mut l, false, true)?;
                let Some(lp) = lp else {
                    return Err(self.error(loc, "'break' outside loop"));
                };
                self.unwind_fblock(&mut l, &lp, false)?;
                self.emit_jump(Opcode::Jump, lp.exit.expect("loop exit"), l);
                Ok(())
            }
            Stmt::Continue(_) => {
                let mut l = loc;
                self.emit(Opcode::Nop, 0, l);
                let lp = self.unwind_fblock_stack(&mut l, false, true)?;
                let Some(lp) = lp else {
                    return Err(self.error(loc, "'continue' not properly in loop"));
                };
                self.emit_jump(Opcode::Jump, lp.block.expect("loop start"), l);
                Ok(())
            }
            Stmt::IpyEscapeCommand(_) => Err(self.error(loc, "invalid syntax")),
        }
    }

    /// `compiler_if`, over Ruff's `elif`/`else` clauses (each `elif` is a nested `if`).
    fn if_chain(
        &mut self,
        loc: Location,
        test: &'a Expr,
        body: &'a [Stmt],
        clauses: &'a [ElifElseClause],
    ) -> Result<(), CompileError> {
        let end = self.new_label();
        let next = if clauses.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(loc, test, next, false)?;
        self.stmts(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.emit_jump(Opcode::Jump, end, Location::NONE);
            self.use_label(next);
            match &first.test {
                Some(t) => {
                    let cloc = self.loc(first);
                    let r = self.nested(cloc, |c| c.if_chain(cloc, t, &first.body, rest));
                    r?;
                }
                None => self.stmts(&first.body)?,
            }
        }
        self.use_label(end);
        Ok(())
    }

    /// `compiler_return`.
    fn return_stmt(&mut self, value: Option<&'a Expr>, sloc: Location) -> Result<(), CompileError> {
        let mut loc = sloc;
        let preserve_tos = value.is_some_and(|v| !self.is_const(v));
        if !self.is_function_like() {
            return Err(self.error(loc, "'return' outside function"));
        }
        if preserve_tos {
            self.expr(value.unwrap())?;
        } else if let Some(v) = value {
            loc = self.loc(v);
            self.emit(Opcode::Nop, 0, loc);
        }
        if value.is_none_or(|v| self.loc(v).lineno != sloc.lineno) {
            loc = sloc;
            self.emit(Opcode::Nop, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match value {
            None => self.load_const(Constant::None, loc),
            Some(v) if !preserve_tos => {
                let c = self.const_of(v).expect("a constant");
                self.load_const(c, loc);
            }
            Some(_) => {}
        }
        self.emit(Opcode::ReturnValue, 0, loc);
        Ok(())
    }

    /// `compiler_augassign`.
    fn aug_assign(&mut self, a: &'a StmtAugAssign, sloc: Location) -> Result<(), CompileError> {
        let e = &*a.target;
        let loc = self.loc(e);
        match e {
            Expr::Attribute(attr) => {
                self.expr(&attr.value)?;
                self.emit(Opcode::Copy, 1, loc);
                let l = self.attr_loc(loc, attr);
                self.emit_name(Opcode::LoadAttr, attr.attr.as_str(), l);
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                if let Expr::Slice(sl) = &*sub.slice {
                    if sl.step.is_none() {
                        self.slice(sl)?;
                        self.emit(Opcode::Copy, 3, loc);
                        self.emit(Opcode::Copy, 3, loc);
                        self.emit(Opcode::Copy, 3, loc);
                        self.emit(Opcode::BinarySlice, 0, loc);
                    } else {
                        self.expr(&sub.slice)?;
                        self.emit(Opcode::Copy, 2, loc);
                        self.emit(Opcode::Copy, 2, loc);
                        self.emit(Opcode::BinarySubscr, 0, loc);
                    }
                } else {
                    self.expr(&sub.slice)?;
                    self.emit(Opcode::Copy, 2, loc);
                    self.emit(Opcode::Copy, 2, loc);
                    self.emit(Opcode::BinarySubscr, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(loc, n.id.as_str(), Ctx::Load)?,
            _ => return Err(self.error(loc, "illegal expression for augmented assignment")),
        }
        self.expr(&a.value)?;
        self.emit(Opcode::BinaryOp, binary_op_arg(a.op, true), sloc);
        match e {
            Expr::Attribute(attr) => {
                let l = self.attr_loc(loc, attr);
                self.emit(Opcode::Swap, 2, l);
                self.emit_name(Opcode::StoreAttr, attr.attr.as_str(), l);
            }
            Expr::Subscript(sub) => {
                if matches!(&*sub.slice, Expr::Slice(sl) if sl.step.is_none()) {
                    self.emit(Opcode::Swap, 4, loc);
                    self.emit(Opcode::Swap, 3, loc);
                    self.emit(Opcode::Swap, 2, loc);
                    self.emit(Opcode::StoreSlice, 0, loc);
                } else {
                    self.emit(Opcode::Swap, 3, loc);
                    self.emit(Opcode::Swap, 2, loc);
                    self.emit(Opcode::StoreSubscr, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(loc, n.id.as_str(), Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `check_ann_expr`: evaluates an expression and discards it.
    fn check_ann_expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        self.expr(e)?;
        let loc = self.loc(e);
        self.emit(Opcode::PopTop, 0, loc);
        Ok(())
    }

    /// `check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        match e {
            Expr::Slice(s) if !self.is_const(e) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) if !self.is_const(e) => {
                for elt in &t.elts {
                    self.check_ann_subscr(elt)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// `compiler_annassign`.
    fn ann_assign(&mut self, a: &'a StmtAnnAssign, loc: Location) -> Result<(), CompileError> {
        let targ = &*a.target;
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.expr(targ)?;
        }
        let module_or_class = matches!(self.cur().scope, ScopeType::Module | ScopeType::Class);
        match targ {
            Expr::Name(n) => {
                self.check_forbidden(loc, n.id.as_str(), Ctx::Store)?;
                if a.simple && module_or_class {
                    self.expr(&a.annotation)?;
                    self.emit_name(Opcode::LoadName, "__annotations__", loc);
                    let mangled =
                        super::names::mangle(self.cur().private.as_deref(), n.id.as_str());
                    self.load_const(Constant::Str(mangled), loc);
                    self.emit(Opcode::StoreSubscr, 0, loc);
                }
            }
            Expr::Attribute(attr) => {
                self.check_forbidden(loc, attr.attr.as_str(), Ctx::Store)?;
                if a.value.is_none() {
                    self.check_ann_expr(&attr.value)?;
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscr(&sub.slice)?;
                }
            }
            _ => return Err(self.error(loc, "invalid node type for annotated assignment")),
        }
        if !a.simple && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    /// `compiler_import_as`: binds `import a.b.c as d`.
    fn import_as(&mut self, loc: Location, name: &str, asname: &str) -> Result<(), CompileError> {
        let mut parts = name.split('.');
        parts.next();
        let attrs: Vec<&str> = parts.collect();
        if attrs.is_empty() {
            return self.nameop(loc, asname, Ctx::Store);
        }
        for (i, attr) in attrs.iter().enumerate() {
            let arg = self.u().names.add(attr);
            self.emit(Opcode::ImportFrom, arg, loc);
            if i + 1 < attrs.len() {
                self.emit(Opcode::Swap, 2, loc);
                self.emit(Opcode::PopTop, 0, loc);
            }
        }
        self.nameop(loc, asname, Ctx::Store)?;
        self.emit(Opcode::PopTop, 0, loc);
        Ok(())
    }

    /// `compiler_from_import`.
    fn import_from(&mut self, imp: &'a StmtImportFrom, loc: Location) -> Result<(), CompileError> {
        self.load_const(Constant::Int(BigInt::from(imp.level)), loc);
        let names: Vec<Constant> = imp
            .names
            .iter()
            .map(|a| Self::str_constant(a.name.as_str()))
            .collect();
        if imp
            .module
            .as_ref()
            .is_some_and(|m| m.as_str() == "__future__")
            && self.future_ends_before(loc)
        {
            return Err(self.error(
                loc,
                "from __future__ imports must occur at the beginning of the file",
            ));
        }
        self.load_const(Constant::Tuple(names.into()), loc);
        let module = imp.module.as_ref().map_or("", |m| m.as_str());
        self.emit_name(Opcode::ImportName, module, loc);
        for (i, alias) in imp.names.iter().enumerate() {
            if i == 0 && alias.name.as_str().starts_with('*') {
                self.emit(Opcode::CallIntrinsic1, intrinsic1::IMPORT_STAR, loc);
                self.emit(Opcode::PopTop, 0, Location::NONE);
                return Ok(());
            }
            self.emit_name(Opcode::ImportFrom, alias.name.as_str(), loc);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(loc, store.as_str(), Ctx::Store)?;
        }
        self.emit(Opcode::PopTop, 0, loc);
        Ok(())
    }

    /// Whether `loc` comes after the last valid `from __future__` import.
    fn future_ends_before(&self, loc: Location) -> bool {
        let f = self.future.location;
        loc.lineno > f.end_lineno
            || (loc.lineno == f.end_lineno && loc.col_offset > f.end_col_offset)
    }
}
