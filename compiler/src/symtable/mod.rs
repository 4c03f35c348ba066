//! The symbol table (`Python/symtable.c`): one block per module, class, function, lambda,
//! comprehension and type-parameter scope, with every name each block binds or uses and the
//! scope the name resolves to (local, global, free, cell), so that the code generator knows
//! which load and store instructions to emit.
//!
//! Blocks are found from the syntax-tree node that opens them ([`SymbolTable::block_of`]),
//! keyed by the node's address: the tree must not move between [`build`] and code generation.

use std::collections::HashMap;
use std::rc::Rc;

use crate::error::CompileError;

/// A block's index in [`SymbolTable::blocks`]; the module's block is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BlockId(pub u32);

/// What kind of scope a block is (`_Py_block_ty`). Lambdas and comprehensions are function
/// blocks, as in CPython.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The module.
    Module,
    /// A class body.
    Class,
    /// A function, lambda or comprehension.
    Function,
    /// An annotation scope (`AnnotationBlock`).
    Annotation,
    /// A type variable's bound (`TypeVarBoundBlock`).
    TypeVarBound,
    /// A `type X = ...` alias (`TypeAliasBlock`).
    TypeAlias,
    /// The type parameters of a generic function or class (`TypeParamBlock`).
    TypeParams,
}

/// Where a name resolves (`LOCAL`, `GLOBAL_EXPLICIT`, ... of `pycore_symtable.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A local of the block.
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound in any enclosing function: a global or a builtin.
    GlobalImplicit,
    /// Bound in an enclosing function (a free variable).
    Free,
    /// A local that an inner block refers to.
    Cell,
}

/// `DEF_*` and `USE` flags of a symbol (`pycore_symtable.h`).
pub mod def {
    /// Declared `global`.
    pub const GLOBAL: u32 = 1;
    /// Assigned in the block.
    pub const LOCAL: u32 = 2;
    /// A parameter.
    pub const PARAM: u32 = 2 << 1;
    /// Declared `nonlocal`.
    pub const NONLOCAL: u32 = 2 << 2;
    /// Used (read).
    pub const USE: u32 = 2 << 3;
    /// Free in a nested block.
    pub const FREE: u32 = 2 << 4;
    /// Free, but bound in a class enclosing the user.
    pub const FREE_CLASS: u32 = 2 << 5;
    /// Bound by an import.
    pub const IMPORT: u32 = 2 << 6;
    /// Annotated.
    pub const ANNOT: u32 = 2 << 7;
    /// The iteration variable of a comprehension.
    pub const COMP_ITER: u32 = 2 << 8;
    /// A type parameter.
    pub const TYPE_PARAM: u32 = 2 << 9;
    /// A cell of an inlined comprehension.
    pub const COMP_CELL: u32 = 2 << 10;
}

/// One name of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The [`def`] flags.
    pub flags: u32,
    /// Where the name resolves.
    pub scope: Scope,
}

/// One scope (`PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Block {
    /// The kind of scope.
    pub kind: BlockKind,
    /// The block's name (`top`, the function or class name, `<lambda>`, `<listcomp>`, ...).
    pub name: Rc<str>,
    /// The names the block binds or uses, in the order first seen (`ste_symbols`).
    pub symbols: Vec<(Rc<str>, Symbol)>,
    /// The parameters, in order (`ste_varnames`; other locals are added by the code
    /// generator in order of first use).
    pub varnames: Vec<Rc<str>>,
    /// The blocks nested directly in this one, in source order.
    pub children: Vec<BlockId>,
    /// The enclosing block (`None` for the module).
    pub parent: Option<BlockId>,
    /// The line the block starts on.
    pub lineno: u32,
    /// Whether the block is nested in a function (`ste_nested`).
    pub nested: bool,
    /// Whether it is a generator (`yield` in a function, or a generator expression).
    pub generator: bool,
    /// Whether it is a coroutine.
    pub coroutine: bool,
    /// Whether it is a comprehension or generator expression, and which.
    pub comprehension: Option<ComprehensionKind>,
    /// Whether a comprehension is inlined into its parent (PEP 709, `ste_comp_inlined`).
    pub comp_inlined: bool,
    /// Whether it takes `*args`.
    pub varargs: bool,
    /// Whether it takes `**kwargs`.
    pub varkeywords: bool,
    /// A class whose methods use `__class__` or `super()` (`ste_needs_class_closure`).
    pub needs_class_closure: bool,
    /// A class whose annotation scopes need `__classdict__` (`ste_needs_classdict`).
    pub needs_classdict: bool,
    /// Whether the block can see its enclosing class's names (`ste_can_see_class_scope`).
    pub can_see_class_scope: bool,
    /// Whether a child block has free variables (`ste_child_free`).
    pub child_free: bool,
    /// `ste_function`: whether it is a function-like block.
    pub function: bool,
}

/// Which comprehension a block is (`_Py_comprehension_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    /// `[... for ...]`.
    List,
    /// `{... for ...}`.
    Set,
    /// `{k: v for ...}`.
    Dict,
    /// `(... for ...)`.
    Generator,
}

/// The symbol table of one module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// Every block; [`BlockId`] indexes it, the module's is first.
    pub blocks: Vec<Block>,
    /// The block opened by each node, by the node's address.
    by_node: HashMap<usize, BlockId>,
}

impl SymbolTable {
    /// The block a function, class, lambda or comprehension node opens.
    pub fn block_of<T>(&self, node: &T) -> Option<BlockId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    /// A block.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// A name's symbol in a block (`_PyST_GetSymbol`).
    pub fn symbol(&self, id: BlockId, name: &str) -> Option<Symbol> {
        self.block(id)
            .symbols
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, s)| *s)
    }
}

/// Builds the symbol table of a module (`_PySymtable_Build`): the names of every block, then
/// the scope of each (`analyze`).
pub fn build(
    _module: &ruff_python_ast::ModModule,
    _source: &crate::source_map::SourceMap,
    _filename: &str,
) -> Result<SymbolTable, CompileError> {
    unimplemented!("the symbol table is being written")
}
