//! The symbol table (`Python/symtable.c`): one block per module, class, function, lambda,
//! comprehension and type-parameter scope, with every name each block binds or uses and the
//! scope the name resolves to (local, global, free, cell), so that the code generator knows
//! which load and store instructions to emit.
//!
//! Blocks are found from the syntax-tree node that opens them ([`SymbolTable::block_of`]),
//! keyed by the node's address: the tree must not move between [`build`] and code generation.
//!
//! # The two passes
//!
//! As in CPython, [`build`] makes two passes:
//!
//! 1. [`visit`] walks every statement and expression once, opening a block for each scope and
//!    recording the raw facts of each name in it (the [`def`] flags: assigned, parameter,
//!    used, declared `global` ...). It raises the `SyntaxError`s that need only those facts
//!    (`name 'x' is parameter and global`, `'yield' inside list comprehension`, the walrus
//!    rules of PEP 572, duplicate parameters ...) and counts its recursion depth as
//!    `symtable.c` does, so that a too-deep tree is a `RecursionError`, never a stack overflow.
//! 2. [`analyze`] walks the blocks from the module down and decides each name's [`Scope`]:
//!    local, global (declared or implicit), free (bound in an enclosing function) or cell (a
//!    local that an inner block uses). It inlines list, set and dict comprehensions into their
//!    parent (PEP 709), and raises the errors that need the enclosing scopes (`no binding for
//!    nonlocal 'x' found`, ...).
//!
//! After [`build`] returns, every block reachable from the module through
//! [`Block::children`] has its final scopes; annotation blocks (only made under
//! `from __future__ import annotations`) are in [`SymbolTable::blocks`] but are nobody's
//! child, and are not analysed, as in CPython.
//!
//! # Which node opens which block
//!
//! | block | node given to [`SymbolTable::block_of`] |
//! | --- | --- |
//! | function (`def`, `async def`) | the `StmtFunctionDef` |
//! | class | the `StmtClassDef` |
//! | lambda | the `ExprLambda` |
//! | comprehension | the `ExprListComp`, `ExprSetComp`, `ExprDictComp` or `ExprGenerator` |
//! | type parameters of a generic `def`, `class` or `type` | its `TypeParams` (`&**type_params`) |
//! | a type variable's bound | the `TypeParamTypeVar` |
//! | `type X = ...` | the `StmtTypeAlias` |
//!
//! # Names are mangled
//!
//! Inside a class, names of the form `__x` are stored mangled (`_C__x`, see [`mangle`]), as
//! CPython stores them: the code generator must mangle a name before looking it up.

mod analyze;
mod visit;
mod visit_expr;

use std::borrow::Cow;
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
    /// The block's name (`top`, the function or class name, `<lambda>`, `<listcomp>`,
    /// `<setcomp>`, `<dictcomp>`, `<genexpr>`; a type-parameter block and a type alias's
    /// block are named after their function, class or alias, a bound after its type variable).
    /// CPython's `ste_name` is the same without the angle brackets (`lambda`, `listcomp`...).
    pub name: Rc<str>,
    /// The names the block binds or uses, in the order first seen (`ste_symbols`), mangled;
    /// names free in a child but not used here come last (CPython adds them from a set, in
    /// hash order; here they are sorted).
    pub symbols: Vec<(Rc<str>, Symbol)>,
    /// The parameters, in order (`ste_varnames`; other locals are added by the code
    /// generator in order of first use).
    pub varnames: Vec<Rc<str>>,
    /// The blocks nested directly in this one, in source order (`ste_children`). As in
    /// CPython, once a comprehension is inlined ([`Block::comp_inlined`]) its own children take
    /// its place in its parent's list; the inlined comprehension keeps its children too.
    /// Annotation blocks are nobody's child.
    pub children: Vec<BlockId>,
    /// The enclosing block in the source (`None` for the module); for a block inside an
    /// inlined comprehension, that comprehension.
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
    /// Whether a `return` in the block has a value (`ste_returns_value`).
    pub returns_value: bool,
    /// Whether the block has free variables (`ste_free`; CPython also sets it for a nested
    /// block that uses a global).
    pub free: bool,
    /// The column (UTF-8 bytes, 0-based) where the block's node starts.
    pub col_offset: u32,
    /// Each symbol's index in [`Block::symbols`].
    index: HashMap<Rc<str>, usize>,
}

impl Block {
    /// A name's symbol (the name given mangled, as stored).
    pub fn symbol(&self, name: &str) -> Option<Symbol> {
        self.index.get(name).map(|&i| self.symbols[i].1)
    }

    /// Whether the block is function-like (`_PyST_IsFunctionLike`): a function, lambda,
    /// comprehension, type-parameter, bound or type-alias block, whose names are fast locals.
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            BlockKind::Function
                | BlockKind::TypeVarBound
                | BlockKind::TypeAlias
                | BlockKind::TypeParams
        )
    }
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
    /// Whether the module starts with `from __future__ import annotations` (annotations are
    /// then not evaluated: their names are recorded in annotation blocks of their own).
    pub future_annotations: bool,
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

    /// A name's symbol in a block (`_PyST_GetSymbol`); the name must be given mangled.
    pub fn symbol(&self, id: BlockId, name: &str) -> Option<Symbol> {
        self.block(id).symbol(name)
    }

    /// The module's block.
    pub fn module(&self) -> BlockId {
        BlockId(0)
    }
}

/// Builds the symbol table of a module (`_PySymtable_Build`): the names of every block, then
/// the scope of each (`analyze`).
///
/// # Errors
/// The `SyntaxError`s of `symtable.c`, with CPython's messages and locations, and a
/// `RecursionError` ([`crate::ErrorKind::Recursion`]) when statements and expressions nest
/// deeper than CPython allows ([`MAX_DEPTH`]).
pub fn build(
    module: &ruff_python_ast::ModModule,
    source: &crate::source_map::SourceMap,
    filename: &str,
) -> Result<SymbolTable, CompileError> {
    let collected = visit::collect(module, source, filename)?;
    let mut blocks = collected.blocks;
    analyze::analyze(&mut blocks, &collected.directives, filename)?;
    Ok(SymbolTable {
        blocks,
        by_node: collected.by_node,
        future_annotations: collected.future_annotations,
    })
}

/// How deeply statements, expressions, patterns and type parameters may nest before
/// [`build`] fails with `RecursionError: maximum recursion depth exceeded during compilation`:
/// CPython 3.12 allows twice its C recursion limit (1500), less the depth at which the
/// compiler starts (2, doubled), so 2996 nested visits — `1+1+...+1` with 2995 terms
/// compiles, with 2996 it does not.
pub const MAX_DEPTH: u32 = 2996;

/// Mangles a private name (`_Py_Mangle`): inside class `C`, `__x` becomes `_C__x`. Names
/// that end in `__`, that contain a dot, or that do not start with `__` are kept, as are all
/// names when the class name is only underscores; leading underscores of the class name are
/// dropped (`class __C` mangles `__x` to `_C__x`).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = private.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}
