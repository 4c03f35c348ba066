//! Frame blocks (`struct fblockinfo` of `Python/compile.c`): the loops, `try` bodies,
//! handlers and `with` bodies a statement is nested in, so that `return`, `break` and
//! `continue` can leave them properly — popping iterators, running `finally` bodies, calling
//! `__exit__`, clearing `except ... as name` (`compiler_unwind_fblock` and
//! `compiler_unwind_fblock_stack`).

use std::rc::Rc;

use ruff_python_ast::Stmt;

use super::Compiler;
use super::names::Ctx;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::{Label, Location};
use crate::opcode::Opcode;

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 20;

/// A frame block's kind (`enum fblocktype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
}

/// What a frame block needs to be unwound (`fb_datum`).
#[derive(Clone, Debug)]
pub(crate) enum Datum<'a> {
    None,
    /// A `finally` body to run.
    FinalBody(&'a [Stmt]),
    /// The `with` statement's location.
    With(Location),
    /// An `except ... as name` handler's name (`None`: no name).
    Handler(Option<Rc<str>>),
}

/// One frame block.
#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub(crate) kind: FBlockKind,
    /// Where `continue` goes for loops (`fb_block`).
    pub(crate) block: Option<Label>,
    /// Where `break` goes for loops (`fb_exit`).
    pub(crate) exit: Option<Label>,
    pub(crate) datum: Datum<'a>,
}

impl<'a> Compiler<'a> {
    /// `compiler_push_fblock`.
    pub(crate) fn push_fblock(
        &mut self,
        loc: Location,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: Datum<'a>,
    ) -> Result<(), CompileError> {
        if self.cur().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error(loc, "too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    /// `compiler_pop_fblock`.
    pub(crate) fn pop_fblock(&mut self, kind: FBlockKind) {
        let popped = self.u().fblocks.pop();
        debug_assert_eq!(popped.map(|f| f.kind), Some(kind));
    }

    /// `compiler_call_exit_with_nones`.
    pub(crate) fn call_exit_with_nones(&mut self, loc: Location) {
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::Call, 2, loc);
    }

    /// `compiler_pop_except_and_reraise`.
    pub(crate) fn pop_except_and_reraise(&mut self, loc: Location) {
        self.emit(Opcode::Copy, 3, loc);
        self.emit(Opcode::PopExcept, 0, loc);
        self.emit(Opcode::Reraise, 1, loc);
    }

    /// `compiler_unwind_fblock`: leaves one frame block on the way out of it.
    pub(crate) fn unwind_fblock(
        &mut self,
        loc: &mut Location,
        info: &FBlock<'a>,
        preserve_tos: bool,
    ) -> Result<(), CompileError> {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit(Opcode::PopTop, 0, *loc);
            }
            FBlockKind::TryExcept => {
                self.emit(Opcode::PopBlock, 0, *loc);
            }
            FBlockKind::FinallyTry => {
                self.emit(Opcode::PopBlock, 0, *loc);
                if preserve_tos {
                    self.push_fblock(*loc, FBlockKind::PopValue, None, None, Datum::None)?;
                }
                if let Datum::FinalBody(body) = info.datum {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock(FBlockKind::PopValue);
                }
                *loc = Location::NONE;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit(Opcode::PopTop, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit(Opcode::PopBlock, 0, *loc);
                self.emit(Opcode::PopExcept, 0, *loc);
            }
            FBlockKind::With => {
                if let Datum::With(with_loc) = info.datum {
                    *loc = with_loc;
                }
                self.emit(Opcode::PopBlock, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                self.emit(Opcode::PopTop, 0, *loc);
                *loc = Location::NONE;
            }
            FBlockKind::HandlerCleanup => {
                let name = match &info.datum {
                    Datum::Handler(name) => name.clone(),
                    _ => None,
                };
                if name.is_some() {
                    self.emit(Opcode::PopBlock, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit(Opcode::PopBlock, 0, *loc);
                self.emit(Opcode::PopExcept, 0, *loc);
                if let Some(name) = name {
                    self.load_const(Constant::None, *loc);
                    self.nameop(*loc, &name, Ctx::Store)?;
                    self.nameop(*loc, &name, Ctx::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2, *loc);
                }
                self.emit(Opcode::PopTop, 0, *loc);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds every frame block, or up to the innermost loop
    /// when `stop_at_loop` (whose index is then returned).
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        loc: &mut Location,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Result<Option<FBlock<'a>>, CompileError> {
        let Some(top) = self.cur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error(
                *loc,
                "'break', 'continue' and 'return' cannot appear in an except* block",
            ));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let result = self
            .unwind_fblock(loc, &top, preserve_tos)
            .and_then(|()| self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop));
        self.u().fblocks.push(top);
        result
    }
}
