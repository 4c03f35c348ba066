//! `match` statements (PEP 634; `compiler_match` and the `compiler_pattern_*` family of
//! `Python/compile.c`). Every pattern routine consumes the subject on top of the stack and
//! jumps to a `fail_pop` label on failure; captured values are kept on the stack, beneath
//! the `on_top` items still in use, and stored only once the whole pattern has matched.

use std::rc::Rc;

use num_traits::ToPrimitive;
use ruff_python_ast::{Expr, Pattern, Singleton, StmtMatch};

use super::Compiler;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::{Label, Location};
use crate::opcode::Opcode;
use num_bigint::BigInt;
use ruff_python_ast::CmpOp;

/// `pattern_context`.
struct PatternContext {
    /// Names captured so far, in order.
    stores: Vec<Rc<str>>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items then fails.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that must stay there (captures go beneath them).
    on_top: usize,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `WILDCARD_CHECK`: `_`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.name.is_none())
}

/// `WILDCARD_STAR_CHECK`: `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A hash that agrees with [`const_equal`]: constants it calls equal hash alike. Numbers hash
/// by their value as a complex of two floats (`-0.0` as `0.0`), so `1`, `1.0`, `True` and
/// `(1+0j)` meet; tuples by their items; everything else by kind and value.
pub(crate) fn const_equal_hash(c: &Constant) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    fn float_bits(f: f64) -> u64 {
        if f == 0.0 { 0 } else { f.to_bits() }
    }
    fn feed(c: &Constant, h: &mut std::collections::hash_map::DefaultHasher) {
        let number = match c {
            Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
            Constant::Int(i) => i.to_f64().map(|f| (f, 0.0)),
            Constant::Float(f) => Some((*f, 0.0)),
            Constant::Complex(r, i) => Some((*r, *i)),
            _ => None,
        };
        if let Some((r, i)) = number {
            0u8.hash(h);
            (float_bits(r), float_bits(i)).hash(h);
            return;
        }
        std::mem::discriminant(c).hash(h);
        match c {
            Constant::Int(i) => i.hash(h),
            Constant::Str(s) => s.hash(h),
            Constant::Bytes(b) => b.hash(h),
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                items.len().hash(h);
                for i in items.iter() {
                    feed(i, h);
                }
            }
            Constant::Code(code) => std::rc::Rc::as_ptr(code).hash(h),
            _ => {}
        }
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    feed(c, &mut h);
    h.finish()
}

/// Whether two constants are equal as set members (`1 == 1.0 == True`).
pub(crate) fn const_equal(a: &Constant, b: &Constant) -> bool {
    fn number(c: &Constant) -> Option<(f64, f64, Option<BigInt>)> {
        match c {
            Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0, Some(BigInt::from(*b as u8)))),
            Constant::Int(i) => Some((i.to_f64()?, 0.0, Some(i.clone()))),
            Constant::Float(f) => Some((*f, 0.0, None)),
            Constant::Complex(r, i) => Some((*r, *i, None)),
            _ => None,
        }
    }
    if let (Some((ar, ai, aint)), Some((br, bi, bint))) = (number(a), number(b)) {
        if let (Some(x), Some(y)) = (&aint, &bint) {
            return x == y;
        }
        return ar == br && ai == bi;
    }
    match (a, b) {
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_equal(p, q))
        }
        _ => a.same_constant(b),
    }
}

impl<'a> Compiler<'a> {
    /// `ensure_fail_pop`.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// `jump_to_fail_pop`.
    fn jump_to_fail_pop(&mut self, loc: Location, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops], loc);
    }

    /// `emit_and_reset_fail_pop`.
    fn emit_and_reset_fail_pop(&mut self, loc: Location, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        let labels = std::mem::take(&mut pc.fail_pop);
        for &l in labels[1..].iter().rev() {
            self.use_label(l);
            self.emit(Opcode::PopTop, 0, loc);
        }
        self.use_label(labels[0]);
    }

    /// `pattern_helper_rotate`.
    fn rotate(&mut self, loc: Location, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::Swap, count as u32, loc);
            count -= 1;
        }
    }

    /// `pattern_helper_store_name`.
    fn store_name(
        &mut self,
        loc: Location,
        name: Option<&str>,
        pc: &mut PatternContext,
    ) -> Result<(), CompileError> {
        let Some(name) = name else {
            self.emit(Opcode::PopTop, 0, loc);
            return Ok(());
        };
        self.check_forbidden(loc, name, super::names::Ctx::Store)?;
        if pc.stores.iter().any(|s| &**s == name) {
            return Err(self.error(
                loc,
                format!("multiple assignments to name '{name}' in pattern"),
            ));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(loc, rotations);
        pc.stores.push(name.into());
        Ok(())
    }

    /// `pattern_unpack_helper`.
    fn pattern_unpack(&mut self, loc: Location, elts: &[Pattern]) -> Result<(), CompileError> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, p) in elts.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if seen_star {
                    return Err(self.error(loc, "multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error(
                        loc,
                        "too many expressions in star-unpacking sequence pattern",
                    ));
                }
                self.emit(Opcode::UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32, loc);
        }
        Ok(())
    }

    /// `compiler_pattern_subpattern`.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<(), CompileError> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `compiler_pattern`, with the nesting limit.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Result<(), CompileError> {
        let loc = self.loc(p);

        self.nested(loc, |c| c.pattern_at(p, pc, loc))
    }

    fn pattern_at(
        &mut self,
        p: &'a Pattern,
        pc: &mut PatternContext,
        loc: Location,
    ) -> Result<(), CompileError> {
        match p {
            Pattern::MatchValue(v) => {
                let value = &*v.value;
                if !(self.is_const(value) || matches!(value, Expr::Attribute(_))) {
                    return Err(self.error(
                        loc,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                self.expr(value)?;
                self.add_compare(loc, CmpOp::Eq);
                self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    Singleton::None => Constant::None,
                    Singleton::True => Constant::Bool(true),
                    Singleton::False => Constant::Bool(false),
                };
                self.load_const(c, loc);
                self.add_compare(loc, CmpOp::Is);
                self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, loc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(
                &m.keys,
                &m.patterns,
                m.rest.as_ref().map(|r| r.as_str()),
                pc,
                loc,
            )?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc, loc)?,
            Pattern::MatchStar(s) => {
                self.store_name(loc, s.name.as_ref().map(|n| n.as_str()), pc)?
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(name) => self.error(
                                loc,
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    name.as_str()
                                ),
                            ),
                            None => {
                                self.error(loc, "wildcard makes remaining patterns unreachable")
                            }
                        });
                    }
                    self.store_name(loc, a.name.as_ref().map(|n| n.as_str()), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(loc, a.name.as_ref().map(|n| n.as_str()), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc, loc)?,
        }
        Ok(())
    }

    /// `compiler_pattern_sequence`.
    fn pattern_sequence(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
        loc: Location,
    ) -> Result<(), CompileError> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error(loc, "multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0, loc);
                self.load_const(Constant::Int(BigInt::from(size)), loc);
                self.add_compare(loc, CmpOp::Eq);
                self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GetLen, 0, loc);
                self.load_const(Constant::Int(BigInt::from(size - 1)), loc);
                self.add_compare(loc, CmpOp::GtE);
                self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0, loc);
        } else if star_wildcard {
            // pattern_helper_sequence_subscr
            let star = star.expect("a star");
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::Copy, 1, loc);
                if i < star {
                    self.load_const(Constant::Int(BigInt::from(i)), loc);
                } else {
                    self.emit(Opcode::GetLen, 0, loc);
                    self.load_const(Constant::Int(BigInt::from(size - i)), loc);
                    self.emit(
                        Opcode::BinaryOp,
                        super::expr::binary_op_arg(ruff_python_ast::Operator::Sub, false),
                        loc,
                    );
                }
                self.emit(Opcode::BinarySubscr, 0, loc);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0, loc);
        } else {
            // pattern_helper_sequence_unpack
            self.pattern_unpack(loc, patterns)?;
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    /// `compiler_pattern_mapping`.
    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        star_target: Option<&str>,
        pc: &mut PatternContext,
        loc: Location,
    ) -> Result<(), CompileError> {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
        if size == 0 && star_target.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0, loc);
            self.load_const(Constant::Int(BigInt::from(size)), loc);
            self.add_compare(loc, CmpOp::GtE);
            self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            if let Some(c) = self.const_of(key) {
                if seen.iter().any(|s| const_equal(s, &c)) {
                    return Err(self.error(
                        loc,
                        format!("mapping pattern checks duplicate key ({})", c.repr()),
                    ));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error(
                    loc,
                    "mapping pattern keys may only match literals and attribute lookups",
                ));
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BuildTuple, size as u32, loc);
        self.emit(Opcode::MatchKeys, 0, loc);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IsOp, 1, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, size as u32, loc);
        pc.on_top = pc.on_top + size - 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match star_target {
            Some(target) => {
                self.emit(Opcode::BuildMap, 0, loc);
                self.emit(Opcode::Swap, 3, loc);
                self.emit(Opcode::DictUpdate, 2, loc);
                self.emit(Opcode::UnpackSequence, size as u32, loc);
                let mut remaining = size;
                while remaining > 0 {
                    self.emit(Opcode::Copy, (1 + remaining) as u32, loc);
                    remaining -= 1;
                    self.emit(Opcode::Swap, 2, loc);
                    self.emit(Opcode::DeleteSubscr, 0, loc);
                }
                self.store_name(loc, Some(target), pc)?;
            }
            None => {
                self.emit(Opcode::PopTop, 0, loc);
                self.emit(Opcode::PopTop, 0, loc);
            }
        }
        Ok(())
    }

    /// `compiler_pattern_class`.
    fn pattern_class(
        &mut self,
        c: &'a ruff_python_ast::PatternMatchClass,
        pc: &mut PatternContext,
        loc: Location,
    ) -> Result<(), CompileError> {
        let patterns = &c.arguments.patterns;
        let kwds = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kwds.len();
        for (i, k) in kwds.iter().enumerate() {
            let kloc = self.loc(&k.pattern);
            self.check_forbidden(kloc, k.attr.as_str(), super::names::Ctx::Store)?;
            for other in &kwds[i + 1..] {
                if other.attr.as_str() == k.attr.as_str() {
                    let oloc = self.loc(&other.pattern);
                    return Err(self.error(
                        oloc,
                        format!(
                            "attribute name repeated in class pattern: {}",
                            k.attr.as_str()
                        ),
                    ));
                }
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = kwds
            .iter()
            .map(|k| Self::str_constant(k.attr.as_str()))
            .collect();
        self.load_const(Constant::Tuple(names.into()), loc);
        self.emit(Opcode::MatchClass, nargs as u32, loc);
        self.emit(Opcode::Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IsOp, 1, loc);
        pc.on_top += 1;
        self.jump_to_fail_pop(loc, pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let p = if i < nargs {
                &patterns[i]
            } else {
                &kwds[i - nargs].pattern
            };
            if is_wildcard(p) {
                self.emit(Opcode::PopTop, 0, loc);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `compiler_pattern_or`.
    fn pattern_or(
        &mut self,
        alts: &'a [Pattern],
        pc: &mut PatternContext,
        loc: Location,
    ) -> Result<(), CompileError> {
        let end = self.new_label();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<Rc<str>>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let aloc = self.loc(alt);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::Copy, 1, aloc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error(loc, "alternative patterns bind different names"));
                }
                Some(ctl) if nstores > 0 => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error(loc, "alternative patterns bind different names")
                            );
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Rc<str>> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(aloc, icontrol + 1);
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.emit_jump(Opcode::Jump, end, aloc);
            self.emit_and_reset_fail_pop(aloc, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Opcode::PopTop, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::Jump);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    loc,
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0, loc);
        Ok(())
    }

    /// `compiler_match`.
    pub(crate) fn match_stmt(&mut self, s: &'a StmtMatch) -> Result<(), CompileError> {
        self.expr(&s.subject)?;
        let end = self.new_label();
        let cases = s.cases.len();
        let last = &s.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let count = cases - usize::from(has_default);
        for (i, m) in s.cases[..count].iter().enumerate() {
            let ploc = self.loc(&m.pattern);
            if i != count - 1 {
                self.emit(Opcode::Copy, 1, ploc);
            }
            let mut pc = PatternContext::new(m.guard.is_some() || i == cases - 1);
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(ploc, &name, super::names::Ctx::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(ploc, guard, target, false)?;
            }
            if i != count - 1 {
                self.emit(Opcode::PopTop, 0, ploc);
            }
            self.stmts(&m.body)?;
            self.emit_jump(Opcode::Jump, end, Location::NONE);
            self.emit_and_reset_fail_pop(ploc, &mut pc);
        }
        if has_default {
            let ploc = self.loc(&last.pattern);
            if cases == 1 {
                self.emit(Opcode::PopTop, 0, ploc);
            } else {
                self.emit(Opcode::Nop, 0, ploc);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(ploc, guard, end, false)?;
            }
            self.stmts(&last.body)?;
        }
        self.use_label(end);
        Ok(())
    }
}
