//! The first pass over expressions, patterns and type parameters (`symtable_visit_expr`,
//! `symtable_handle_comprehension`, `symtable_handle_namedexpr`, `symtable_visit_pattern`,
//! `symtable_visit_type_param` of `Python/symtable.c`).
//!
//! Comprehensions get a function block each (the first iterable is walked in the enclosing
//! block, the rest inside, with the implicit parameter `.0`); a walrus inside a comprehension
//! binds in the nearest enclosing function or module, after the checks of PEP 572.

use ruff_python_ast::{
    self as ast, Expr, ExprContext, InterpolatedStringElement, Pattern, TypeParam,
};

use super::visit::Walker;
use super::{BlockKind, ComprehensionKind, def};
use crate::error::CompileError;

/// A comprehension's parts, whichever its kind.
struct Comprehension<'e> {
    kind: ComprehensionKind,
    generators: &'e [ast::Comprehension],
    /// The element (the key of a dict comprehension).
    elt: &'e Expr,
    /// The value of a dict comprehension.
    value: Option<&'e Expr>,
}

impl Walker<'_> {
    /// Walks expressions in order.
    pub(super) fn visit_exprs(&mut self, exprs: &[Expr]) -> Result<(), CompileError> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// Walks one expression (`symtable_visit_expr`), one level deeper.
    pub(super) fn visit_expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        self.nest(e, |w| w.visit_expr_inner(e))
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Named(n) => {
                self.raise_if_annotation_block("named expression", e)?;
                self.visit_named(n)
            }
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => self.visit_lambda(l),
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => {
                // All the keys, then all the values, as CPython's `Dict` node holds them.
                for key in d.items.iter().filter_map(|item| item.key.as_ref()) {
                    self.visit_expr(key)?;
                }
                d.items
                    .iter()
                    .try_for_each(|item| self.visit_expr(&item.value))
            }
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => self.visit_comprehension_expr(
                e,
                c.range,
                comp(ComprehensionKind::List, &c.generators, &c.elt, None),
            ),
            Expr::SetComp(c) => self.visit_comprehension_expr(
                e,
                c.range,
                comp(ComprehensionKind::Set, &c.generators, &c.elt, None),
            ),
            Expr::DictComp(c) => self.visit_comprehension_expr(
                e,
                c.range,
                comp(
                    ComprehensionKind::Dict,
                    &c.generators,
                    &c.key,
                    Some(&c.value),
                ),
            ),
            Expr::Generator(c) => self.visit_comprehension_expr(
                e,
                c.range,
                comp(ComprehensionKind::Generator, &c.generators, &c.elt, None),
            ),
            Expr::Yield(y) => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(value) = &y.value {
                    self.visit_expr(value)?;
                }
                self.mark_generator(e)
            }
            Expr::YieldFrom(y) => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(&y.value)?;
                self.mark_generator(e)
            }
            Expr::Await(a) => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(&a.value)?;
                self.cur_mut().coroutine = true;
                Ok(())
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(&c.comparators)
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(&c.arguments.args)?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.visit_expr(&k.value))
            }
            Expr::FString(f) => self.visit_interpolations(f.value.elements()),
            Expr::TString(t) => self.visit_interpolations(t.value.elements()),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => Ok(()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
                Ok(())
            }
            Expr::Name(n) => self.visit_name(n),
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
        }
    }

    /// A name: a use when loaded, a binding when stored or deleted. `super` in a function
    /// is also a use of `__class__`.
    fn visit_name(&mut self, n: &ast::ExprName) -> Result<(), CompileError> {
        let load = matches!(n.ctx, ExprContext::Load | ExprContext::Invalid);
        let at = self.loc(n);
        self.add_def(n.id.as_str(), if load { def::USE } else { def::LOCAL }, at)?;
        if load && n.id.as_str() == "super" && self.block(self.cur()).is_function_like() {
            self.add_def("__class__", def::USE, at)?;
        }
        Ok(())
    }

    /// The expressions of an f-string (or t-string): each replacement field is a
    /// `FormattedValue` one level deeper, its format spec a `JoinedStr` one level deeper still.
    fn visit_interpolations<'e>(
        &mut self,
        elements: impl Iterator<Item = &'e InterpolatedStringElement>,
    ) -> Result<(), CompileError> {
        for element in elements {
            let InterpolatedStringElement::Interpolation(field) = element else {
                continue;
            };
            self.nest(field, |w| {
                w.visit_expr(&field.expression)?;
                match &field.format_spec {
                    Some(spec) => w.nest(&**spec, |w| w.visit_interpolations(spec.elements.iter())),
                    None => Ok(()),
                }
            })?;
        }
        Ok(())
    }

    /// `yield` or `yield from`: the block is a generator; in a comprehension it is an error.
    fn mark_generator(&mut self, e: &Expr) -> Result<(), CompileError> {
        let block = self.cur_mut();
        block.generator = true;
        let message = match block.comprehension {
            None => return Ok(()),
            Some(ComprehensionKind::List) => "'yield' inside list comprehension",
            Some(ComprehensionKind::Set) => "'yield' inside set comprehension",
            Some(ComprehensionKind::Dict) => "'yield' inside dict comprehension",
            Some(ComprehensionKind::Generator) => "'yield' inside generator expression",
        };
        Err(self.error(message, self.loc(e)))
    }

    /// `what` (a walrus, `yield`, `await`) is not allowed in annotation and type scopes
    /// (`symtable_raise_if_annotation_block`).
    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> Result<(), CompileError> {
        let place = match self.block(self.cur()).kind {
            BlockKind::Annotation => "an annotation",
            BlockKind::TypeVarBound => "a TypeVar bound",
            BlockKind::TypeAlias => "a type alias",
            BlockKind::TypeParams => "the definition of a generic",
            _ => return Ok(()),
        };
        Err(self.error(format!("{what} cannot be used within {place}"), self.loc(e)))
    }

    /// `lambda`: defaults in the enclosing block, parameters and body in a block of its own.
    fn visit_lambda(&mut self, l: &ast::ExprLambda) -> Result<(), CompileError> {
        if self.block(self.cur()).can_see_class_scope {
            // gh-109118.
            let message = "Cannot use lambda in annotation scope within class scope";
            return Err(self.error(message, self.loc(l)));
        }
        if let Some(parameters) = &l.parameters {
            self.visit_defaults(parameters)?;
        }
        let key = l as *const ast::ExprLambda as usize;
        self.enter_block(BlockKind::Function, "<lambda>".into(), key, self.loc(l));
        if let Some(parameters) = &l.parameters {
            self.visit_parameters(parameters)?;
        }
        self.visit_expr(&l.body)?;
        self.exit_block();
        Ok(())
    }

    /// A comprehension or generator expression (`symtable_handle_comprehension`).
    fn visit_comprehension_expr(
        &mut self,
        e: &Expr,
        range: ruff_text_size::TextRange,
        c: Comprehension<'_>,
    ) -> Result<(), CompileError> {
        let at = self.loc(&range);
        if self.block(self.cur()).can_see_class_scope {
            // gh-109118.
            let message = "Cannot use comprehension in annotation scope within class scope";
            return Err(self.error(message, at));
        }
        let Some((outermost, rest)) = c.generators.split_first() else {
            return Ok(());
        };
        // The first iterable is evaluated in the enclosing block.
        self.in_comp_iter(|w| w.visit_expr(&outermost.iter))?;
        let key = comprehension_key(e);
        let name = match c.kind {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        };
        let id = self.enter_block(BlockKind::Function, name.into(), key, at);
        let is_generator = c.kind == ComprehensionKind::Generator;
        {
            let block = self.cur_mut();
            block.comprehension = Some(c.kind);
            block.coroutine |= outermost.is_async;
        }
        // The first iterator is received as the argument `.0`.
        self.add_def(".0", def::PARAM, at)?;
        self.visit_comp_target(&outermost.target)?;
        self.visit_exprs(&outermost.ifs)?;
        for generator in rest {
            self.visit_comp_target(&generator.target)?;
            self.in_comp_iter(|w| w.visit_expr(&generator.iter))?;
            self.visit_exprs(&generator.ifs)?;
            if generator.is_async {
                self.cur_mut().coroutine = true;
            }
        }
        if let Some(value) = c.value {
            self.visit_expr(value)?;
        }
        self.visit_expr(c.elt)?;
        let block = self.block_mut(id);
        block.generator = is_generator;
        let is_async = block.coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    /// Walks the target of a comprehension's `for`, whose names are iteration variables.
    fn visit_comp_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        self.scratch_mut().comp_iter_target = true;
        let result = self.visit_expr(target);
        self.scratch_mut().comp_iter_target = false;
        result
    }

    /// Runs `f` as the walk of a comprehension's iterable, where a walrus is an error.
    fn in_comp_iter(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        self.scratch_mut().comp_iter_expr += 1;
        let result = f(self);
        self.scratch_mut().comp_iter_expr -= 1;
        result
    }

    /// `target := value` (`symtable_handle_namedexpr`).
    fn visit_named(&mut self, n: &ast::ExprNamed) -> Result<(), CompileError> {
        if self.scratch_mut().comp_iter_expr > 0 {
            let message =
                "assignment expression cannot be used in a comprehension iterable expression";
            return Err(self.error(message, self.loc(n)));
        }
        if self.block(self.cur()).comprehension.is_some()
            && let Expr::Name(target) = &*n.target
        {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// A walrus in a comprehension binds in the nearest enclosing function (as `nonlocal`, or
    /// `global` when declared so there) or module (as `global`)
    /// (`symtable_extend_namedexpr_scope`).
    fn extend_named_expr_scope(&mut self, target: &ast::ExprName) -> Result<(), CompileError> {
        let name = target.id.as_str();
        let at = self.loc(target);
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let block = self.block(id);
            let (kind, is_comprehension) = (block.kind, block.comprehension.is_some());
            let flags = block.symbol(name).map_or(0, |s| s.flags);
            if is_comprehension {
                if flags & def::COMP_ITER != 0 && flags & def::LOCAL != 0 {
                    let message = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    return Err(self.error(message, at));
                }
                continue;
            }
            let message = match kind {
                BlockKind::Function => {
                    let declare = if flags & def::GLOBAL != 0 {
                        def::GLOBAL
                    } else {
                        def::NONLOCAL
                    };
                    self.add_def(name, declare, at)?;
                    self.record_directive(name, at);
                    return self.add_def_in(id, name, def::LOCAL, at);
                }
                BlockKind::Module => {
                    self.add_def(name, def::GLOBAL, at)?;
                    self.record_directive(name, at);
                    return self.add_def_in(id, name, def::GLOBAL, at);
                }
                BlockKind::Annotation => continue,
                BlockKind::Class => {
                    "assignment expression within a comprehension cannot be used in a class body"
                }
                BlockKind::TypeParams => {
                    "assignment expression within a comprehension cannot be used within the \
                     definition of a generic"
                }
                BlockKind::TypeAlias => {
                    "assignment expression within a comprehension cannot be used in a type alias"
                }
                BlockKind::TypeVarBound => {
                    "assignment expression within a comprehension cannot be used in a TypeVar bound"
                }
            };
            return Err(self.error(message, at));
        }
        Ok(())
    }

    /// A `match` pattern (`symtable_visit_pattern`): capture names are bound.
    pub(super) fn visit_pattern(&mut self, p: &Pattern) -> Result<(), CompileError> {
        self.nest(p, |w| w.visit_pattern_inner(p))
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> Result<(), CompileError> {
        let at = self.loc(p);
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            Pattern::MatchStar(s) => match &s.name {
                Some(name) => self.add_def(name.as_str(), def::LOCAL, at),
                None => Ok(()),
            },
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                match &m.rest {
                    Some(rest) => self.add_def(rest.as_str(), def::LOCAL, at),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|p| self.visit_pattern(p))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.visit_pattern(&k.pattern))
            }
            Pattern::MatchAs(a) => {
                if let Some(pattern) = &a.pattern {
                    self.visit_pattern(pattern)?;
                }
                match &a.name {
                    Some(name) => self.add_def(name.as_str(), def::LOCAL, at),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        }
    }

    /// One type parameter (`symtable_visit_type_param`): a local of the type-parameter block;
    /// a type variable's bound or constraints get a block of their own. (Defaults of type
    /// parameters are 3.13 syntax and are not walked.)
    pub(super) fn visit_type_param(&mut self, tp: &TypeParam) -> Result<(), CompileError> {
        self.nest(tp, |w| {
            let at = w.loc(tp);
            match tp {
                TypeParam::TypeVar(t) => {
                    w.add_def(t.name.as_str(), def::TYPE_PARAM | def::LOCAL, at)?;
                    if let Some(bound) = &t.bound {
                        let in_class = w.block(w.cur()).can_see_class_scope;
                        let key = t as *const ast::TypeParamTypeVar as usize;
                        w.enter_block(BlockKind::TypeVarBound, t.name.as_str().into(), key, at);
                        w.cur_mut().can_see_class_scope = in_class;
                        if in_class {
                            w.add_def("__classdict__", def::USE, w.loc(&**bound))?;
                        }
                        w.visit_expr(bound)?;
                        w.exit_block();
                    }
                    Ok(())
                }
                TypeParam::TypeVarTuple(t) => {
                    w.add_def(t.name.as_str(), def::TYPE_PARAM | def::LOCAL, at)
                }
                TypeParam::ParamSpec(p) => {
                    w.add_def(p.name.as_str(), def::TYPE_PARAM | def::LOCAL, at)
                }
            }
        })
    }
}

/// A comprehension's parts.
fn comp<'e>(
    kind: ComprehensionKind,
    generators: &'e [ast::Comprehension],
    elt: &'e Expr,
    value: Option<&'e Expr>,
) -> Comprehension<'e> {
    Comprehension {
        kind,
        generators,
        elt,
        value,
    }
}

/// The address that keys a comprehension's block: that of its `ExprListComp`,
/// `ExprSetComp`, `ExprDictComp` or `ExprGenerator`.
fn comprehension_key(e: &Expr) -> usize {
    match e {
        Expr::ListComp(c) => c as *const ast::ExprListComp as usize,
        Expr::SetComp(c) => c as *const ast::ExprSetComp as usize,
        Expr::DictComp(c) => c as *const ast::ExprDictComp as usize,
        Expr::Generator(c) => c as *const ast::ExprGenerator as usize,
        other => other as *const Expr as usize,
    }
}
