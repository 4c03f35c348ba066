//! Displays and unpacking (`starunpack_helper`, `compiler_dict`, `compiler_subdict`,
//! `unpack_helper` and `assignment_helper` of `Python/compile.c`): lists, tuples, sets and
//! dicts built in one instruction when small and unstarred, from a folded constant when all
//! items are constants, piecewise (`LIST_APPEND`/`LIST_EXTEND`, `SET_ADD`/`SET_UPDATE`,
//! `MAP_ADD`/`DICT_UPDATE`) otherwise; and the `UNPACK_SEQUENCE`/`UNPACK_EX` of assignment
//! targets.

use ruff_python_ast::{DictItem, Expr};

use super::Compiler;
use super::expr::{STACK_USE_GUIDELINE, intrinsic1};
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;

/// The display-building opcodes of `starunpack_helper`.
#[derive(Clone, Copy)]
pub(crate) struct Builder {
    pub(crate) build: Opcode,
    pub(crate) add: Opcode,
    pub(crate) extend: Opcode,
    pub(crate) tuple: bool,
}

/// Lists (and tuples, built as lists and converted).
pub(crate) const LIST_BUILDER: Builder = Builder {
    build: Opcode::BuildList,
    add: Opcode::ListAppend,
    extend: Opcode::ListExtend,
    tuple: false,
};

impl<'a> Compiler<'a> {
    /// `starunpack_helper`: builds a list, set or tuple display, or a call's positional
    /// arguments, from `elts` on top of `pushed` values already on the stack.
    pub(crate) fn starunpack(
        &mut self,
        loc: Location,
        elts: &'a [Expr],
        pushed: u32,
        b: Builder,
    ) -> Result<(), CompileError> {
        let n = elts.len();
        if n > 2 && elts.iter().all(|e| self.is_const(e)) {
            let items: Vec<Constant> = elts.iter().map(|e| self.const_of(e).unwrap()).collect();
            if b.tuple && pushed == 0 {
                self.load_const(Constant::Tuple(items.into()), loc);
            } else {
                let folded = if b.add == Opcode::SetAdd {
                    // A frozenset keeps the first of equal items (`1`, `1.0`, `True`).
                    // Candidates are found by a hash that agrees with `const_equal`, so a
                    // big set literal takes linear time, not quadratic.
                    let mut unique: Vec<Constant> = Vec::new();
                    let mut by_hash: std::collections::HashMap<u64, Vec<usize>> =
                        std::collections::HashMap::new();
                    for item in items {
                        let bucket = by_hash
                            .entry(super::pattern::const_equal_hash(&item))
                            .or_default();
                        if !bucket
                            .iter()
                            .any(|&u| super::pattern::const_equal(&unique[u], &item))
                        {
                            bucket.push(unique.len());
                            unique.push(item);
                        }
                    }
                    Constant::FrozenSet(unique.into())
                } else {
                    Constant::Tuple(items.into())
                };
                self.emit(b.build, pushed, loc);
                self.load_const(folded, loc);
                self.emit(b.extend, 1, loc);
                if b.tuple {
                    self.emit(Opcode::CallIntrinsic1, intrinsic1::LIST_TO_TUPLE, loc);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let op = if b.tuple { Opcode::BuildTuple } else { b.build };
            self.emit(op, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(b.build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(b.build, i as u32 + pushed, loc);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(b.extend, 1, loc);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(b.add, 1, loc);
                }
            }
        }
        if b.tuple {
            self.emit(Opcode::CallIntrinsic1, intrinsic1::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// `unpack_helper` + `assignment_helper`: stores a sequence into targets.
    pub(crate) fn assignment_unpack(
        &mut self,
        loc: Location,
        elts: &'a [Expr],
    ) -> Result<(), CompileError> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error(loc, "multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(
                        self.error(loc, "too many expressions in star-unpacking assignment")
                    );
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32, loc);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.expr(&s.value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    /// `compiler_dict`.
    pub(crate) fn dict(
        &mut self,
        items: &'a [DictItem],
        loc: Location,
    ) -> Result<(), CompileError> {
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(items, i - elements, i, loc)?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0, loc);
                    have_dict = true;
                }
                self.expr(&items[i].value)?;
                self.emit(Opcode::DictUpdate, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(items, i - elements, i + 1, loc)?;
                if have_dict {
                    self.emit(Opcode::DictUpdate, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(items, n - elements, n, loc)?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0, loc);
        }
        Ok(())
    }

    /// `compiler_subdict`: the items `begin..end` (all with keys) as one dict.
    fn subdict(
        &mut self,
        items: &'a [DictItem],
        begin: usize,
        end: usize,
        loc: Location,
    ) -> Result<(), CompileError> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let keys = &items[begin..end];
        if n > 1
            && !big
            && keys
                .iter()
                .all(|it| it.key.as_ref().is_some_and(|k| self.is_const(k)))
        {
            for it in keys {
                self.expr(&it.value)?;
            }
            let consts: Vec<Constant> = keys
                .iter()
                .map(|it| self.const_of(it.key.as_ref().unwrap()).unwrap())
                .collect();
            self.load_const(Constant::Tuple(consts.into()), loc);
            self.emit(Opcode::BuildConstKeyMap, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BuildMap, 0, loc);
        }
        for it in keys {
            self.expr(it.key.as_ref().expect("keyed item"))?;
            self.expr(&it.value)?;
            if big {
                self.emit(Opcode::MapAdd, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BuildMap, n as u32, loc);
        }
        Ok(())
    }
}
