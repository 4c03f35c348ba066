//! Comprehensions (`compiler_comprehension` and its helpers in `Python/compile.c`):
//! generator expressions compiled as their own generator unit, called at once on the outermost
//! iterator; and list, set and dict comprehensions inlined into the enclosing unit (PEP 709):
//! the names they bind are saved with `LOAD_FAST_AND_CLEAR`, a `SETUP_FINALLY` handler
//! restores them if the comprehension raises, and `STORE_FAST_MAYBE_NULL` restores them after.

use std::rc::Rc;

use ruff_python_ast::{Comprehension, Expr};

use super::Compiler;
use super::expr::intrinsic1;
use super::unit::ScopeType;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::{Instr, Label, Location};
use crate::opcode::Opcode;
use crate::symtable::{BlockId, Scope, Symbol, def};

/// Which comprehension (`COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Generator,
    List,
    Set,
    Dict,
}

/// What an inlined comprehension saved (`inlined_comprehension_state`).
#[derive(Default)]
struct InlinedState {
    /// Names whose outer values were pushed on the stack.
    pushed_locals: Vec<Rc<str>>,
    /// Symbols overridden in the enclosing unit, with the override entry they replaced.
    temp_symbols: Vec<(Rc<str>, Option<Option<Symbol>>)>,
    /// Names made hidden fast locals for the comprehension.
    fast_hidden: Vec<Rc<str>>,
    cleanup: Option<Label>,
    end: Option<Label>,
}

impl<'a> Compiler<'a> {
    /// The symbol-table block a node opens, found by the inner node or the enclosing enum.
    pub(crate) fn block_for<T, U>(
        &self,
        inner: &T,
        outer: &U,
        loc: Location,
    ) -> Result<BlockId, CompileError> {
        self.table
            .block_of(inner)
            .or_else(|| self.table.block_of(outer))
            .ok_or_else(|| self.error(loc, "internal error: no symbol table entry for a scope"))
    }

    /// `compiler_comprehension` for any of the four kinds; `loc` is the node's location.
    pub(crate) fn comprehension(&mut self, e: &'a Expr, loc: Location) -> Result<(), CompileError> {
        let (kind, name, generators, elt, val, block) = match e {
            Expr::Generator(g) => (
                CompKind::Generator,
                "<genexpr>",
                &g.generators,
                &*g.elt,
                None,
                self.block_for(g, e, loc)?,
            ),
            Expr::ListComp(c) => (
                CompKind::List,
                "<listcomp>",
                &c.generators,
                &*c.elt,
                None,
                self.block_for(c, e, loc)?,
            ),
            Expr::SetComp(c) => (
                CompKind::Set,
                "<setcomp>",
                &c.generators,
                &*c.elt,
                None,
                self.block_for(c, e, loc)?,
            ),
            Expr::DictComp(c) => (
                CompKind::Dict,
                "<dictcomp>",
                &c.generators,
                &*c.key,
                Some(&*c.value),
                self.block_for(c, e, loc)?,
            ),
            _ => unreachable!("not a comprehension"),
        };
        let entry = self.table.block(block);
        if entry.coroutine || generators.iter().any(|g| g.is_async) {
            // Outside an asynchronous function (pyrt compiles none) only an asynchronous
            // generator expression is valid Python.
            if kind != CompKind::Generator && self.cur().scope != ScopeType::Comprehension {
                return Err(self.error(
                    loc,
                    "asynchronous comprehension outside of an asynchronous function",
                ));
            }
            return Err(self.unsupported(loc, "asynchronous comprehension"));
        }
        let inlined = entry.comp_inlined;
        let outermost = &generators[0];
        let mut state = InlinedState::default();
        if inlined {
            self.comprehension_iter(loc, outermost)?;
            self.push_inlined_state(loc, block, &mut state)?;
        } else {
            self.enter_scope(
                name.into(),
                ScopeType::Comprehension,
                block,
                loc.lineno as u32,
            )?;
        }
        if kind != CompKind::Generator {
            let op = match kind {
                CompKind::List => Opcode::BuildList,
                CompKind::Set => Opcode::BuildSet,
                _ => Opcode::BuildMap,
            };
            self.emit(op, 0, loc);
            if inlined {
                self.emit(Opcode::Swap, 2, loc);
            }
        }
        self.comp_generator(loc, generators, 0, 0, elt, val, kind, inlined)?;
        if inlined {
            return self.pop_inlined_state(loc, state);
        }
        if kind != CompKind::Generator {
            self.emit(Opcode::ReturnValue, 0, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let (code, freevars) = self.finish_nested(true)?;
        self.make_closure(loc, code, &freevars, 0)?;
        self.comprehension_iter(loc, outermost)?;
        self.emit(Opcode::Call, 0, loc);
        Ok(())
    }

    /// `compiler_comprehension_iter`.
    fn comprehension_iter(
        &mut self,
        loc: Location,
        comp: &'a Comprehension,
    ) -> Result<(), CompileError> {
        self.expr(&comp.iter)?;
        self.emit(Opcode::GetIter, 0, loc);
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`, with the nesting limit.
    #[allow(clippy::too_many_arguments)]
    fn comp_generator(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> Result<(), CompileError> {
        self.nested(loc, |c| {
            c.comp_generator_at(
                loc,
                generators,
                gen_index,
                depth,
                elt,
                val,
                kind,
                iter_on_stack,
            )
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_generator_at(
        &mut self,
        loc: Location,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> Result<(), CompileError> {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let comp = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().argcount = 1;
                self.emit(Opcode::LoadFast, 0, loc);
            } else {
                let elts = if self.is_const(&comp.iter) {
                    None
                } else {
                    match &comp.iter {
                        Expr::List(l) => Some(&l.elts),
                        Expr::Tuple(t) => Some(&t.elts),
                        _ => None,
                    }
                };
                if let Some(elts) = elts
                    && elts.len() == 1
                    && !matches!(elts[0], Expr::Starred(_))
                {
                    self.expr(&elts[0])?;
                    start = None;
                }
                if start.is_some() {
                    self.expr(&comp.iter)?;
                    self.emit(Opcode::GetIter, 0, loc);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.emit_jump(Opcode::ForIter, anchor, loc);
        }
        self.expr(&comp.target)?;
        for cond in &comp.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comp_generator(loc, generators, next_index, depth, elt, val, kind, false)?;
        }
        let mut elt_loc = self.loc(elt);
        if next_index >= generators.len() {
            match kind {
                CompKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Opcode::YieldValue, 0, elt_loc);
                    self.emit(Opcode::Resume, 1, elt_loc);
                    self.emit(Opcode::PopTop, 0, elt_loc);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Opcode::ListAppend, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Opcode::SetAdd, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    let val = val.expect("a dict comprehension's value");
                    self.expr(elt)?;
                    self.expr(val)?;
                    let vloc = self.loc(val);
                    elt_loc.end_lineno = vloc.end_lineno;
                    elt_loc.end_col_offset = vloc.end_col_offset;
                    self.emit(Opcode::MapAdd, depth + 1, elt_loc);
                }
            }
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::Jump, start, elt_loc);
            self.use_label(anchor);
            self.emit(Opcode::EndFor, 0, Location::NONE);
        }
        Ok(())
    }

    /// `push_inlined_comprehension_state`.
    fn push_inlined_state(
        &mut self,
        loc: Location,
        block: BlockId,
        state: &mut InlinedState,
    ) -> Result<(), CompileError> {
        let in_class_block = self.in_class_block() && self.cur().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let function_like = self.is_function_like();
        let symbols = self.table.block(block).symbols.clone();
        for (k, sym) in symbols {
            let bound = sym.flags & def::LOCAL != 0 && sym.flags & def::NONLOCAL == 0;
            if !(bound || in_class_block) {
                continue;
            }
            if !function_like && self.cur().fasthidden.get(&k) != Some(&true) {
                self.u().set_fasthidden(&k, true);
                state.fast_hidden.push(k.clone());
            }
            let scope = sym.scope;
            let outer = self.symbol_of(&k);
            let outsc = outer.map(|s| s.scope);
            if Some(scope) != outsc && !(scope == Scope::Cell && outsc == Some(Scope::Free)) {
                let previous = self.cur().symbol_overrides.get(&k).cloned();
                if !state.temp_symbols.iter().any(|(n, _)| *n == k) {
                    state.temp_symbols.push((k.clone(), previous));
                }
                self.u().symbol_overrides.insert(k.clone(), Some(sym));
            }
            self.emit_varname(Opcode::LoadFastAndClear, &k, loc);
            if scope == Scope::Cell {
                let mangled = super::names::mangle(self.cur().private.as_deref(), &k);
                let arg = if outsc == Some(Scope::Free) {
                    self.u().freevars.add(&mangled)
                } else {
                    self.u().cellvars.add(&mangled)
                };
                self.emit(Opcode::MakeCell, arg, loc);
            }
            state.pushed_locals.push(k);
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::Swap, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            let end = self.new_label();
            state.cleanup = Some(cleanup);
            state.end = Some(end);
            self.emit_jump(Opcode::SetupFinally, cleanup, loc);
        }
        Ok(())
    }

    /// `restore_inlined_comprehension_locals`.
    fn restore_inlined_locals(&mut self, loc: Location, state: &InlinedState) {
        let n = state.pushed_locals.len();
        self.emit(Opcode::Swap, n as u32 + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            self.emit_varname(Opcode::StoreFastMaybeNull, k, loc);
        }
    }

    /// `pop_inlined_comprehension_state`.
    fn pop_inlined_state(
        &mut self,
        loc: Location,
        state: InlinedState,
    ) -> Result<(), CompileError> {
        self.u().in_inlined_comp -= 1;
        for (k, previous) in &state.temp_symbols {
            match previous {
                Some(entry) => {
                    self.u().symbol_overrides.insert(k.clone(), *entry);
                }
                None => {
                    self.u().symbol_overrides.remove(k);
                }
            }
        }
        if !state.pushed_locals.is_empty() {
            let cleanup = state.cleanup.expect("cleanup label");
            let end = state.end.expect("end label");
            self.emit(Opcode::PopBlock, 0, Location::NONE);
            self.emit_jump(Opcode::Jump, end, Location::NONE);
            self.use_label(cleanup);
            self.emit(Opcode::Swap, 2, Location::NONE);
            self.emit(Opcode::PopTop, 0, Location::NONE);
            self.restore_inlined_locals(loc, &state);
            self.emit(Opcode::Reraise, 0, Location::NONE);
            self.use_label(end);
            self.restore_inlined_locals(loc, &state);
        }
        for k in &state.fast_hidden {
            self.u().set_fasthidden(k, false);
        }
        Ok(())
    }

    /// `wrap_in_stopiteration_handler`: a generator's body inside a handler turning a leaked
    /// `StopIteration` into `RuntimeError`.
    pub(crate) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let seq = &mut self.u().seq;
        seq.instrs.insert(
            0,
            Instr {
                op: Opcode::SetupCleanup,
                arg: handler.0,
                loc: Location::NONE,
            },
        );
        for target in seq.labels.iter_mut().flatten() {
            *target += 1;
        }
        self.load_const(Constant::None, Location::NONE);
        self.emit(Opcode::ReturnValue, 0, Location::NONE);
        self.use_label(handler);
        self.emit(
            Opcode::CallIntrinsic1,
            intrinsic1::STOPITERATION_ERROR,
            Location::NONE,
        );
        self.emit(Opcode::Reraise, 1, Location::NONE);
    }
}
