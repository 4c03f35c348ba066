//! Exception handling statements (`compiler_try_finally`, `compiler_try_except`,
//! `compiler_try_star_except` and `compiler_with` of `Python/compile.c`): the exception
//! table's pseudo-instructions (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`,
//! `POP_BLOCK`), `PUSH_EXC_INFO`/`POP_EXCEPT`, the `except ... as name` cleanup
//! (`name = None; del name`), `except*`'s `CHECK_EG_MATCH` and `PREP_RERAISE_STAR`, and the
//! `with` statement's `__exit__` calls.

use std::rc::Rc;

use ruff_python_ast::{ExceptHandler, StmtTry, StmtWith};

use super::Compiler;
use super::expr::intrinsic2;
use super::fblock::{Datum, FBlockKind};
use super::names::Ctx;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::{Label, Location};
use crate::opcode::Opcode;

impl<'a> Compiler<'a> {
    /// `compiler_try_finally` (and `compiler_try_star_finally`, which is the same).
    pub(crate) fn try_finally(
        &mut self,
        t: &'a StmtTry,
        loc: Location,
    ) -> Result<(), CompileError> {
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SetupFinally, end, loc);
        self.use_label(body);
        self.push_fblock(
            loc,
            FBlockKind::FinallyTry,
            Some(body),
            Some(end),
            Datum::FinalBody(&t.finalbody),
        )?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else if t.is_star {
            self.try_star_except(t, loc)?;
        } else {
            self.try_except(t, loc)?;
        }
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.pop_fblock(FBlockKind::FinallyTry);
        self.stmts(&t.finalbody)?;
        self.emit_jump(Opcode::Jump, exit, Location::NONE);
        // The `finally` block for exceptions.
        self.use_label(end);
        self.emit_jump(Opcode::SetupCleanup, cleanup, Location::NONE);
        self.emit(Opcode::PushExcInfo, 0, Location::NONE);
        self.push_fblock(
            Location::NONE,
            FBlockKind::FinallyEnd,
            Some(end),
            None,
            Datum::None,
        )?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock(FBlockKind::FinallyEnd);
        self.emit(Opcode::Reraise, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(exit);
        Ok(())
    }

    /// The `name = None; del name` of an `except ... as name` handler's exit.
    fn clear_handler_name(&mut self, name: &str) -> Result<(), CompileError> {
        self.load_const(Constant::None, Location::NONE);
        self.nameop(Location::NONE, name, Ctx::Store)?;
        self.nameop(Location::NONE, name, Ctx::Del)
    }

    /// `compiler_try_except`.
    pub(crate) fn try_except(&mut self, t: &'a StmtTry, loc: Location) -> Result<(), CompileError> {
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body), None, Datum::None)?;
        self.stmts(&t.body)?;
        self.pop_fblock(FBlockKind::TryExcept);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.stmts(&t.orelse)?;
        self.emit_jump(Opcode::Jump, end, Location::NONE);
        let n = t.handlers.len();
        self.use_label(except);
        self.emit_jump(Opcode::SetupCleanup, cleanup, Location::NONE);
        self.emit(Opcode::PushExcInfo, 0, Location::NONE);
        self.push_fblock(loc, FBlockKind::ExceptionHandler, None, None, Datum::None)?;
        for (i, handler) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = handler;
            let mut hloc = self.loc(h);
            self.extend_over_semicolon(&mut hloc, ruff_text_size::Ranged::end(h));
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error(hloc, "default 'except:' must be last"));
            }
            except = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckExcMatch, 0, hloc);
                self.emit_jump(Opcode::PopJumpIfFalse, except, hloc);
            }
            if let Some(name) = &h.name {
                let name: Rc<str> = name.as_str().into();
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(hloc, &name, Ctx::Store)?;
                self.emit_jump(Opcode::SetupCleanup, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    Datum::Handler(Some(name.clone())),
                )?;
                self.stmts(&h.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup);
                self.emit(Opcode::PopBlock, 0, Location::NONE);
                self.emit(Opcode::PopBlock, 0, Location::NONE);
                self.emit(Opcode::PopExcept, 0, Location::NONE);
                self.clear_handler_name(&name)?;
                self.emit_jump(Opcode::Jump, end, Location::NONE);
                self.use_label(cleanup_end);
                self.clear_handler_name(&name)?;
                self.emit(Opcode::Reraise, 1, Location::NONE);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::PopTop, 0, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    hloc,
                    FBlockKind::HandlerCleanup,
                    Some(cleanup_body),
                    None,
                    Datum::Handler(None),
                )?;
                self.stmts(&h.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup);
                self.emit(Opcode::PopBlock, 0, Location::NONE);
                self.emit(Opcode::PopExcept, 0, Location::NONE);
                self.emit_jump(Opcode::Jump, end, Location::NONE);
            }
            self.use_label(except);
        }
        self.pop_fblock(FBlockKind::ExceptionHandler);
        self.emit(Opcode::Reraise, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(end);
        Ok(())
    }

    /// `compiler_try_star_except`.
    pub(crate) fn try_star_except(
        &mut self,
        t: &'a StmtTry,
        loc: Location,
    ) -> Result<(), CompileError> {
        let body = self.new_label();
        let mut except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(Opcode::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(loc, FBlockKind::TryExcept, Some(body), None, Datum::None)?;
        self.stmts(&t.body)?;
        self.pop_fblock(FBlockKind::TryExcept);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.emit_jump(Opcode::Jump, orelse, Location::NONE);
        let n = t.handlers.len();
        self.use_label(except);
        self.emit_jump(Opcode::SetupCleanup, cleanup, Location::NONE);
        self.emit(Opcode::PushExcInfo, 0, Location::NONE);
        self.push_fblock(
            loc,
            FBlockKind::ExceptionGroupHandler,
            None,
            None,
            Datum::None,
        )?;
        for (i, handler) in t.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = handler;
            let mut hloc = self.loc(h);
            self.extend_over_semicolon(&mut hloc, ruff_text_size::Ranged::end(h));
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::BuildList, 0, hloc);
                self.emit(Opcode::Copy, 2, hloc);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckEgMatch, 0, hloc);
                self.emit(Opcode::Copy, 1, hloc);
                self.emit_jump(Opcode::PopJumpIfNone, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            let name: Option<Rc<str>> = h.name.as_ref().map(|n| n.as_str().into());
            match &name {
                Some(name) => self.nameop(hloc, name, Ctx::Store)?,
                None => self.emit(Opcode::PopTop, 0, hloc),
            }
            self.emit_jump(Opcode::SetupCleanup, cleanup_end, hloc);
            self.use_label(cleanup_body);
            self.push_fblock(
                hloc,
                FBlockKind::HandlerCleanup,
                Some(cleanup_body),
                None,
                Datum::Handler(name.clone()),
            )?;
            self.stmts(&h.body)?;
            self.pop_fblock(FBlockKind::HandlerCleanup);
            self.emit(Opcode::PopBlock, 0, Location::NONE);
            if let Some(name) = &name {
                self.clear_handler_name(name)?;
            }
            self.emit_jump(Opcode::Jump, except, Location::NONE);
            self.use_label(cleanup_end);
            if let Some(name) = &name {
                self.clear_handler_name(name)?;
            }
            self.emit(Opcode::ListAppend, 3, Location::NONE);
            self.emit(Opcode::PopTop, 0, Location::NONE);
            self.emit_jump(Opcode::Jump, except_with_error, Location::NONE);
            self.use_label(except);
            self.emit(Opcode::Nop, 0, Location::NONE);
            self.emit_jump(Opcode::Jump, except_with_error, Location::NONE);
            self.use_label(no_match);
            self.emit(Opcode::PopTop, 0, hloc);
            self.use_label(except_with_error);
            if i == n - 1 {
                self.emit(Opcode::ListAppend, 1, Location::NONE);
                self.emit_jump(Opcode::Jump, reraise_star, Location::NONE);
            }
        }
        self.pop_fblock(FBlockKind::ExceptionGroupHandler);
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(
            Opcode::CallIntrinsic2,
            intrinsic2::PREP_RERAISE_STAR,
            Location::NONE,
        );
        self.emit(Opcode::Copy, 1, Location::NONE);
        self.emit_jump(Opcode::PopJumpIfNotNone, reraise, Location::NONE);
        self.emit(Opcode::PopTop, 0, Location::NONE);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.emit(Opcode::PopExcept, 0, Location::NONE);
        self.emit_jump(Opcode::Jump, end, Location::NONE);
        self.use_label(reraise);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.emit(Opcode::Swap, 2, Location::NONE);
        self.emit(Opcode::PopExcept, 0, Location::NONE);
        self.emit(Opcode::Reraise, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(orelse);
        self.stmts(&t.orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.emit_jump(Opcode::PopJumpIfTrue, suppress, Location::NONE);
        self.emit(Opcode::Reraise, 2, Location::NONE);
        self.use_label(suppress);
        self.emit(Opcode::PopTop, 0, Location::NONE);
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.emit(Opcode::PopExcept, 0, Location::NONE);
        self.emit(Opcode::PopTop, 0, Location::NONE);
        self.emit(Opcode::PopTop, 0, Location::NONE);
        let exit = self.new_label();
        self.emit_jump(Opcode::Jump, exit, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(exit);
    }

    /// `compiler_with`: the `pos`-th item of a `with` statement and what it encloses.
    pub(crate) fn with(
        &mut self,
        w: &'a StmtWith,
        pos: usize,
        loc: Location,
    ) -> Result<(), CompileError> {
        let item = &w.items[pos];
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BeforeWith, 0, loc);
        self.emit_jump(Opcode::SetupWith, fin, loc);
        self.use_label(block);
        self.push_fblock(
            loc,
            FBlockKind::With,
            Some(block),
            Some(fin),
            Datum::With(loc),
        )?;
        match &item.optional_vars {
            Some(vars) => self.expr(vars)?,
            None => self.emit(Opcode::PopTop, 0, loc),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            let r = self.nested(loc, |c| c.with(w, pos + 1, loc));
            r?;
        }
        self.emit(Opcode::PopBlock, 0, Location::NONE);
        self.pop_fblock(FBlockKind::With);
        self.call_exit_with_nones(loc);
        self.emit(Opcode::PopTop, 0, loc);
        self.emit_jump(Opcode::Jump, exit, loc);
        self.use_label(fin);
        self.emit_jump(Opcode::SetupCleanup, cleanup, loc);
        self.emit(Opcode::PushExcInfo, 0, loc);
        self.emit(Opcode::WithExceptStart, 0, loc);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }
}
