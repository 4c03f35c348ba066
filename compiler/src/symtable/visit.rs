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
//! This file holds the walk's state and the recording of names; statements are walked in
//! `visit_stmt`, expressions, comprehensions, patterns and type parameters in `visit_expr`.

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
    starting_depth: u32,
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
        depth: starting_depth,
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
