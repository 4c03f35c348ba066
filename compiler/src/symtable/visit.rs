//! The symbol table's first pass (`symtable_visit_*` of `Python/symtable.c`): one walk over
//! the syntax tree that opens a block for each scope and records, for each name, the raw facts
//! of its use in each block (the [`def`] flags), in the order CPython visits the tree.
//!
//! What holds after [`collect`]: every block has its symbols (flags only: scopes are still
//! [`Scope::GlobalImplicit`] placeholders), its parameters in `varnames`, its children in
//! source order and its generator/coroutine/comprehension facts; the errors that need only
//! the block being walked have been raised. The walk counts its depth as CPython does
//! ([`MAX_DEPTH`]) and grows the stack on demand, so no input can overflow it.
//!
//! Statements are walked here; expressions, comprehensions, patterns and type parameters in
//! [`super::visit_expr`].

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

use super::analyze::Directives;
use super::{Block, BlockId, BlockKind, MAX_DEPTH, Scope, Symbol, def, mangle};
use crate::error::{CompileError, ErrorKind};
use crate::instr::Location;
use crate::source_map::SourceMap;

/// Stack kept free below the walk's frames before [`stacker`] gives it a new segment.
const STACK_RED_ZONE: usize = 128 * 1024;
/// The size of each new stack segment.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// The result of the first pass.
pub(super) struct Collected {
    /// Every block, the module's first.
    pub(super) blocks: Vec<Block>,
    /// The block each node opens, by the node's address.
    pub(super) by_node: HashMap<usize, BlockId>,
    /// The `global`/`nonlocal` declarations of each block, for the analysis's errors.
    pub(super) directives: Directives,
    /// Whether `from __future__ import annotations` is in force.
    pub(super) future_annotations: bool,
}

/// Walks `module` and returns its blocks, unanalysed (see the [module](self) doc).
pub(super) fn collect(
    module: &ast::ModModule,
    source: &SourceMap,
    filename: &str,
) -> Result<Collected, CompileError> {
    let future_annotations = has_future_annotations(&module.body);
    let mut walker = Walker {
        source,
        filename,
        blocks: Vec::new(),
        scratch: Vec::new(),
        stack: Vec::new(),
        by_node: HashMap::new(),
        private: None,
        depth: 0,
        future_annotations,
    };
    let top = walker.new_block(BlockKind::Module, "top".into(), Location::default_at(0, 0));
    walker
        .by_node
        .insert(module as *const ast::ModModule as usize, top);
    walker.stack.push(top);
    walker.visit_body(&module.body)?;
    walker.stack.pop();
    Ok(Collected {
        blocks: walker.blocks,
        by_node: walker.by_node,
        directives: walker.scratch.into_iter().map(|s| s.directives).collect(),
        future_annotations,
    })
}

/// Whether the module's `__future__` imports (the statements after the docstring that are
/// `from __future__ import ...`, as `future.c` reads them) include `annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let mut stmts = body.iter().peekable();
    if let Some(Stmt::Expr(e)) = stmts.peek()
        && e.value.is_string_literal_expr()
    {
        stmts.next();
    }
    for stmt in stmts {
        let Stmt::ImportFrom(import) = stmt else {
            break;
        };
        if import.level != 0
            || import
                .module
                .as_ref()
                .is_none_or(|m| m.as_str() != "__future__")
        {
            break;
        }
        if import
            .names
            .iter()
            .any(|a| a.name.as_str() == "annotations")
        {
            return true;
        }
    }
    false
}

/// What the walk keeps per block besides the [`Block`] itself.
#[derive(Default)]
pub(super) struct Scratch {
    /// Each `global`/`nonlocal` declaration (and each walrus target declared so), with where
    /// it was (`ste_directives`), for the errors of the analysis.
    pub(super) directives: Vec<(Rc<str>, Location)>,
    /// Set while the target of a comprehension's `for` is walked (`ste_comp_iter_target`).
    pub(super) comp_iter_target: bool,
    /// Above zero while a comprehension's iterable is walked (`ste_comp_iter_expr`).
    pub(super) comp_iter_expr: u32,
}

/// The walk's state (`struct symtable`).
pub(super) struct Walker<'a> {
    source: &'a SourceMap,
    pub(super) filename: &'a str,
    pub(super) blocks: Vec<Block>,
    pub(super) scratch: Vec<Scratch>,
    /// The blocks being walked, innermost last (`st_stack`).
    pub(super) stack: Vec<BlockId>,
    pub(super) by_node: HashMap<usize, BlockId>,
    /// The name of the class that mangles private names (`st_private`).
    pub(super) private: Option<Rc<str>>,
    /// How deeply the walk is nested (`recursion_depth`).
    depth: u32,
    pub(super) future_annotations: bool,
}

impl Location {
    /// A one-point location.
    fn default_at(lineno: i32, col_offset: i32) -> Location {
        Location {
            lineno,
            end_lineno: lineno,
            col_offset,
            end_col_offset: col_offset,
        }
    }
}

impl<'a> Walker<'a> {
    /// The location of a node.
    pub(super) fn loc(&self, node: &impl Ranged) -> Location {
        self.source.location(node)
    }

    /// A `SyntaxError` at `location`.
    pub(super) fn error(&self, message: impl Into<String>, location: Location) -> CompileError {
        CompileError::syntax(self.filename, message, location)
    }

    /// The block being walked (`st_cur`).
    pub(super) fn cur(&self) -> BlockId {
        *self.stack.last().expect("the walk is inside a block")
    }

    /// A block.
    pub(super) fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// A block, to change.
    pub(super) fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.0 as usize]
    }

    /// The block being walked, to change.
    pub(super) fn cur_mut(&mut self) -> &mut Block {
        let id = self.cur();
        self.block_mut(id)
    }

    /// The walk state of the block being walked.
    pub(super) fn scratch_mut(&mut self) -> &mut Scratch {
        let id = self.cur();
        &mut self.scratch[id.0 as usize]
    }

    /// Runs one level of the walk (`++st->recursion_depth`): fails past [`MAX_DEPTH`], and
    /// gives the stack a new segment when it runs low.
    pub(super) fn nest<T>(
        &mut self,
        at: &impl Ranged,
        f: impl FnOnce(&mut Self) -> Result<T, CompileError>,
    ) -> Result<T, CompileError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError {
                kind: ErrorKind::Recursion,
                message: "maximum recursion depth exceeded during compilation".into(),
                filename: self.filename.to_owned(),
                location: self.loc(at),
            });
        }
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self));
        self.depth -= 1;
        result
    }

    /// A new block, not yet entered.
    fn new_block(&mut self, kind: BlockKind, name: Rc<str>, at: Location) -> BlockId {
        let id = BlockId(self.blocks.len() as u32);
        let parent = self.stack.last().copied();
        let nested = parent.is_some_and(|p| {
            let p = self.block(p);
            p.nested || p.is_function_like()
        });
        let mut block = Block {
            kind,
            name,
            symbols: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            parent,
            lineno: at.lineno.max(0) as u32,
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            comp_inlined: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            child_free: false,
            function: false,
            returns_value: false,
            free: false,
            col_offset: at.col_offset.max(0) as u32,
            index: HashMap::new(),
        };
        block.function = block.is_function_like();
        self.blocks.push(block);
        // bpo-37757: a block opened inside a comprehension's iterable stays in it.
        let comp_iter_expr = parent.map_or(0, |p| self.scratch[p.0 as usize].comp_iter_expr);
        self.scratch.push(Scratch {
            comp_iter_expr,
            ..Scratch::default()
        });
        id
    }

    /// Opens a block for `key` and makes it the current one (`symtable_enter_block`).
    /// Annotation blocks are nobody's child and are not found by node.
    pub(super) fn enter_block(
        &mut self,
        kind: BlockKind,
        name: Rc<str>,
        key: usize,
        at: Location,
    ) -> BlockId {
        let id = self.new_block(kind, name, at);
        if kind != BlockKind::Annotation {
            self.by_node.insert(key, id);
            let parent = self.cur();
            self.block_mut(parent).children.push(id);
        }
        self.stack.push(id);
        id
    }

    /// Leaves the current block (`symtable_exit_block`).
    pub(super) fn exit_block(&mut self) {
        self.stack.pop();
    }

    /// The flags of a name in the current block, mangled (`symtable_lookup`).
    pub(super) fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.block(self.cur())
            .symbol(&mangled)
            .map_or(0, |s| s.flags)
    }

    /// Records `flag` for `name` in the current block (`symtable_add_def`).
    pub(super) fn add_def(
        &mut self,
        name: &str,
        flag: u32,
        at: Location,
    ) -> Result<(), CompileError> {
        self.add_def_in(self.cur(), name, flag, at)
    }

    /// Records `flag` for `name` in `block` (`symtable_add_def_helper`): the name is mangled,
    /// a second parameter or type parameter of one name is an error, a parameter joins
    /// `varnames`, and a `global` declaration is noted in the module's symbols too.
    pub(super) fn add_def_in(
        &mut self,
        block: BlockId,
        name: &str,
        flag: u32,
        at: Location,
    ) -> Result<(), CompileError> {
        let mangled: Rc<str> = mangle(self.private.as_deref(), name).into();
        let old = self.block(block).symbol(&mangled).map(|s| s.flags);
        let mut val = flag;
        if let Some(old) = old {
            if flag & def::PARAM != 0 && old & def::PARAM != 0 {
                let message = format!("duplicate argument '{name}' in function definition");
                return Err(self.error(message, at));
            }
            if flag & def::TYPE_PARAM != 0 && old & def::TYPE_PARAM != 0 {
                return Err(self.error(format!("duplicate type parameter '{name}'"), at));
            }
            val |= old;
        }
        if self.scratch[block.0 as usize].comp_iter_target {
            // An iteration variable of a comprehension: it must not rebind a walrus target
            // of the same comprehension, and later walruses must not rebind it.
            if val & (def::GLOBAL | def::NONLOCAL) != 0 {
                let message = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                return Err(self.error(message, at));
            }
            val |= def::COMP_ITER;
        }
        set_flags(self.block_mut(block), &mangled, val);
        if flag & def::PARAM != 0 {
            self.block_mut(block).varnames.push(mangled);
        } else if flag & def::GLOBAL != 0 {
            let module = &mut self.blocks[0];
            let val = flag | module.symbol(&mangled).map_or(0, |s| s.flags);
            set_flags(module, &mangled, val);
        }
        Ok(())
    }

    /// Notes a `global` or `nonlocal` declaration of `name` in the current block
    /// (`symtable_record_directive`).
    pub(super) fn record_directive(&mut self, name: &str, at: Location) {
        let mangled: Rc<str> = mangle(self.private.as_deref(), name).into();
        self.scratch_mut().directives.push((mangled, at));
    }

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
        let at = self.def_location(f, &f.name);
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

    /// Where CPython's `FunctionDef`/`ClassDef` node starts: at `def`/`class` (after the
    /// decorators, which Ruff includes), so at the name's line.
    fn def_location(&self, node: &impl Ranged, name: &ast::Identifier) -> Location {
        let mut at = self.loc(node);
        let name_at = self.loc(name);
        if name_at.lineno != at.lineno {
            at.lineno = name_at.lineno;
            at.col_offset = 0;
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
        let at = self.def_location(c, &c.name);
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

/// Sets a name's flags in a block under construction, adding the name if new.
pub(super) fn set_flags(block: &mut Block, name: &Rc<str>, flags: u32) {
    match block.index.get(name) {
        Some(&i) => block.symbols[i].1.flags = flags,
        None => {
            block.index.insert(name.clone(), block.symbols.len());
            let symbol = Symbol {
                flags,
                scope: Scope::GlobalImplicit,
            };
            block.symbols.push((name.clone(), symbol));
        }
    }
}
