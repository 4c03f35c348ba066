//! The symbol table's second pass (`analyze_block`, `analyze_name`, `inline_comprehension`,
//! `analyze_cells`, `update_symbols` of `Python/symtable.c`): decides the [`Scope`] of every
//! name, from the module down.
//!
//! Each block is given the names bound in its enclosing functions (`bound`), the names
//! declared global above it (`global`) and the type parameters in scope; it returns the names
//! free in it or in its children that it does not bind (`free`). A local that a child needs
//! becomes a cell; a free name that a function does not bind is passed up, and recorded as
//! free in the blocks it passes through. Class scopes are invisible to their methods, except
//! through the implicit `__class__` and `__classdict__` cells. List, set and dict
//! comprehensions are inlined into their parent (PEP 709): their names join the parent's,
//! and their children become the parent's.
//!
//! What holds after [`analyze`]: every block reachable from the module has final scopes and
//! flags (`DEF_FREE_CLASS`, `DEF_COMP_CELL` included), `child_free`, `needs_class_closure`,
//! `needs_classdict` and `comp_inlined`, and its children spliced as CPython splices them.

use std::collections::HashSet;
use std::rc::Rc;

use super::visit::set_flags;
use super::{Block, BlockId, BlockKind, Scope, def};
use crate::error::CompileError;
use crate::instr::Location;

/// A set of names.
type NameSet = HashSet<Rc<str>>;

/// The `global`/`nonlocal` declarations of each block, by block index.
pub(super) type Directives = Vec<Vec<(Rc<str>, Location)>>;

/// Names bound by a definition (`DEF_BOUND`).
const DEF_BOUND: u32 = def::LOCAL | def::PARAM | def::IMPORT;

/// Analyses every block reachable from the module (see the [module](self) doc).
pub(super) fn analyze(
    blocks: &mut [Block],
    directives: &Directives,
    filename: &str,
) -> Result<(), CompileError> {
    let mut analyzer = Analyzer {
        blocks,
        directives,
        filename,
    };
    analyzer.analyze_block(BlockId(0), None, NameSet::new(), NameSet::new(), None)?;
    Ok(())
}

struct Analyzer<'a> {
    blocks: &'a mut [Block],
    directives: &'a Directives,
    filename: &'a str,
}

/// The sets one block's analysis works on (the locals of `analyze_block`).
#[derive(Default)]
struct Sets {
    /// Names bound in this block.
    local: NameSet,
    /// Names free in this block, to give to the parent.
    free: NameSet,
    /// What children see: bound names, declared globals, their free names.
    new_bound: NameSet,
    new_global: NameSet,
    new_free: NameSet,
    /// Names that are cells of inlined comprehensions.
    inlined_cells: NameSet,
}

impl Analyzer<'_> {
    fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    fn block_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.0 as usize]
    }

    /// Decides the scopes of block `id`'s names and of its children's, and returns the names
    /// free in them that `id` does not bind (`analyze_block`). `bound` is `None` for the
    /// module only.
    fn analyze_block(
        &mut self,
        id: BlockId,
        bound: Option<NameSet>,
        global: NameSet,
        type_params: NameSet,
        class_entry: Option<BlockId>,
    ) -> Result<NameSet, CompileError> {
        // Blocks nest no deeper than the walk that made them, which counts its depth; the
        // stack still grows on demand, as there.
        stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || {
            self.analyze_block_inner(id, bound, global, type_params, class_entry)
        })
    }

    fn analyze_block_inner(
        &mut self,
        id: BlockId,
        mut bound: Option<NameSet>,
        mut global: NameSet,
        mut type_params: NameSet,
        class_entry: Option<BlockId>,
    ) -> Result<NameSet, CompileError> {
        let kind = self.block(id).kind;
        let function_like = self.block(id).is_function_like();
        let mut sets = Sets::default();
        // A class's names are not visible in its methods: what they see is fixed first.
        if kind == BlockKind::Class {
            sets.new_global.clone_from(&global);
            if let Some(bound) = &bound {
                sets.new_bound.clone_from(bound);
            }
        }
        let mut scopes = Vec::with_capacity(self.block(id).symbols.len());
        for i in 0..self.block(id).symbols.len() {
            let (name, symbol) = self.block(id).symbols[i].clone();
            let scope = self.analyze_name(
                id,
                &name,
                symbol.flags,
                bound.as_mut(),
                &mut sets,
                &mut global,
                &mut type_params,
                class_entry,
            )?;
            scopes.push(scope);
        }
        if kind != BlockKind::Class {
            if function_like {
                sets.new_bound.extend(sets.local.iter().cloned());
            }
            if let Some(bound) = &bound {
                sets.new_bound.extend(bound.iter().cloned());
            }
            sets.new_global.extend(global.iter().cloned());
        } else {
            sets.new_bound.insert("__class__".into());
            sets.new_bound.insert("__classdict__".into());
        }
        self.analyze_children(id, class_entry, &type_params, &mut scopes, &mut sets)?;
        self.splice_inlined_children(id);
        if function_like {
            self.analyze_cells(id, &mut scopes, &mut sets);
        } else if kind == BlockKind::Class {
            let block = self.block_mut(id);
            block.needs_class_closure = sets.new_free.remove("__class__");
            block.needs_classdict = sets.new_free.remove("__classdict__");
        }
        let class_flag = kind == BlockKind::Class || self.block(id).can_see_class_scope;
        self.update_symbols(id, &scopes, bound.as_ref(), &sets, class_flag);
        let Sets {
            mut free, new_free, ..
        } = sets;
        free.extend(new_free);
        Ok(free)
    }

    /// Analyses each child with what it can see, inlining comprehensions as they come
    /// (the loop over `ste_children` in `analyze_block`).
    fn analyze_children(
        &mut self,
        id: BlockId,
        class_entry: Option<BlockId>,
        type_params: &NameSet,
        scopes: &mut Vec<Scope>,
        sets: &mut Sets,
    ) -> Result<(), CompileError> {
        let kind = self.block(id).kind;
        let children = self.block(id).children.clone();
        for child in children {
            let c = self.block(child);
            let child_class_entry = match c.can_see_class_scope {
                true if kind == BlockKind::Class => Some(id),
                true => class_entry,
                false => None,
            };
            // Every comprehension but a generator expression is inlined.
            let inline = c.comprehension.is_some() && !c.generator;
            let mut child_free = self.analyze_block(
                child,
                Some(sets.new_bound.clone()),
                sets.new_global.clone(),
                type_params.clone(),
                child_class_entry,
            )?;
            if inline {
                self.inline_comprehension(id, child, scopes, &mut child_free, sets);
                self.block_mut(child).comp_inlined = true;
            }
            sets.new_free.extend(child_free);
            let c = self.block(child);
            if c.free || c.child_free {
                self.block_mut(id).child_free = true;
            }
        }
        Ok(())
    }

    /// Decides one name's scope from its flags (`analyze_name`).
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: BlockId,
        name: &Rc<str>,
        flags: u32,
        bound: Option<&mut NameSet>,
        sets: &mut Sets,
        global: &mut NameSet,
        type_params: &mut NameSet,
        class_entry: Option<BlockId>,
    ) -> Result<Scope, CompileError> {
        if flags & def::GLOBAL != 0 {
            if flags & def::NONLOCAL != 0 {
                return Err(self.error_at_directive(
                    id,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            global.insert(name.clone());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(Scope::GlobalExplicit);
        }
        if flags & def::NONLOCAL != 0 {
            let Some(bound) = bound else {
                let message = "nonlocal declaration not allowed at module level";
                return Err(self.error_at_directive(id, name, message.into()));
            };
            if !bound.contains(name) {
                return Err(self.error_at_directive(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            if type_params.contains(name) {
                let message = format!("nonlocal binding not allowed for type parameter '{name}'");
                return Err(self.error_at_directive(id, name, message));
            }
            self.block_mut(id).free = true;
            sets.free.insert(name.clone());
            return Ok(Scope::Free);
        }
        if flags & DEF_BOUND != 0 {
            sets.local.insert(name.clone());
            global.remove(name);
            if flags & def::TYPE_PARAM != 0 {
                type_params.insert(name.clone());
            } else {
                type_params.remove(name);
            }
            return Ok(Scope::Local);
        }
        // In a scope that sees its class's names (a type-parameter, bound or alias block), a
        // name the class binds or declares global is looked up there and in the globals.
        if let Some(class) = class_entry {
            let class_flags = self.block(class).symbol(name).map_or(0, |s| s.flags);
            if class_flags & def::GLOBAL != 0 {
                return Ok(Scope::GlobalExplicit);
            }
            if class_flags & DEF_BOUND != 0 && class_flags & def::NONLOCAL == 0 {
                return Ok(Scope::GlobalImplicit);
            }
        }
        if bound.is_some_and(|b| b.contains(name)) {
            self.block_mut(id).free = true;
            sets.free.insert(name.clone());
            return Ok(Scope::Free);
        }
        if global.contains(name) {
            return Ok(Scope::GlobalImplicit);
        }
        if self.block(id).nested {
            self.block_mut(id).free = true;
        }
        Ok(Scope::GlobalImplicit)
    }

    /// The error `message` at the first `global`/`nonlocal` declaration of `name` in the
    /// block (`error_at_directive`).
    fn error_at_directive(&self, id: BlockId, name: &str, message: String) -> CompileError {
        let location = self.directives[id.0 as usize]
            .iter()
            .find(|(n, _)| &**n == name)
            .map_or(Location::NONE, |(_, at)| *at);
        CompileError::syntax(self.filename, message, location)
    }

    /// Moves an analysed comprehension's names into its parent (`inline_comprehension`):
    /// names new to the parent are copied with their flags and scope; the comprehension's
    /// cells become cells of the parent; a name free in the comprehension that the parent
    /// binds stops being free, unless a child of the comprehension needs it or the parent is a
    /// class.
    fn inline_comprehension(
        &mut self,
        parent: BlockId,
        comp: BlockId,
        scopes: &mut Vec<Scope>,
        comp_free: &mut NameSet,
        sets: &mut Sets,
    ) {
        let parent_is_class = self.block(parent).kind == BlockKind::Class;
        let symbols = self.block(comp).symbols.clone();
        for (name, symbol) in symbols {
            // The comprehension's parameter `.0`.
            if symbol.flags & def::PARAM != 0 {
                continue;
            }
            if symbol.scope == Scope::Cell || symbol.flags & def::COMP_CELL != 0 {
                sets.inlined_cells.insert(name.clone());
            }
            match self.block(parent).symbol(&name) {
                None => {
                    set_flags(self.block_mut(parent), &name, symbol.flags);
                    scopes.push(symbol.scope);
                }
                Some(existing) => {
                    if existing.flags & DEF_BOUND != 0
                        && !self.is_free_in_any_child(comp, &name)
                        && !parent_is_class
                    {
                        comp_free.remove(&name);
                    }
                }
            }
        }
    }

    /// Whether `name` is free in a child of `id` (`is_free_in_any_child`).
    fn is_free_in_any_child(&self, id: BlockId, name: &str) -> bool {
        self.block(id).children.iter().any(|&c| {
            self.block(c)
                .symbol(name)
                .is_some_and(|s| s.scope == Scope::Free)
        })
    }

    /// Puts the children of inlined comprehensions in their place in `id`'s children.
    fn splice_inlined_children(&mut self, id: BlockId) {
        let children = &self.block(id).children;
        if !children.iter().any(|&c| self.block(c).comp_inlined) {
            return;
        }
        let spliced = children
            .iter()
            .flat_map(|&c| {
                let child = self.block(c);
                if child.comp_inlined {
                    child.children.clone()
                } else {
                    vec![c]
                }
            })
            .collect();
        self.block_mut(id).children = spliced;
    }

    /// A local that a child needs, or that is a cell of an inlined comprehension, becomes a
    /// cell, and is no longer free (`analyze_cells`).
    fn analyze_cells(&self, id: BlockId, scopes: &mut [Scope], sets: &mut Sets) {
        for (scope, (name, _)) in scopes.iter_mut().zip(&self.block(id).symbols) {
            if *scope == Scope::Local
                && (sets.new_free.contains(name) || sets.inlined_cells.contains(name))
            {
                *scope = Scope::Cell;
                sets.new_free.remove(name);
            }
        }
    }

    /// Writes the scopes into the block's symbols, and adds the names free in children that
    /// pass through it (`update_symbols`). A class (or a scope that sees one) marks its own
    /// names that are free in a method `DEF_FREE_CLASS`.
    fn update_symbols(
        &mut self,
        id: BlockId,
        scopes: &[Scope],
        bound: Option<&NameSet>,
        sets: &Sets,
        class_flag: bool,
    ) {
        let block = self.block_mut(id);
        for ((name, symbol), &scope) in block.symbols.iter_mut().zip(scopes) {
            if sets.inlined_cells.contains(name) {
                symbol.flags |= def::COMP_CELL;
            }
            symbol.scope = scope;
        }
        // CPython adds these from a set, in hash order; sorting keeps the table deterministic.
        let mut free: Vec<&Rc<str>> = sets.new_free.iter().collect();
        free.sort();
        for name in free {
            if let Some(&i) = block.index.get(name) {
                if class_flag {
                    block.symbols[i].1.flags |= def::FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) {
                // A global.
                continue;
            }
            set_flags(block, name, 0);
            let last = block.symbols.len() - 1;
            block.symbols[last].1.scope = Scope::Free;
        }
    }
}
