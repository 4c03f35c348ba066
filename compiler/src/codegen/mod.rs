//! The code generator (CPython 3.12's `Python/compile.c`, `compiler_visit_*`): walks Ruff's
//! syntax tree with the symbol table's scopes and the folded constants, and emits each code
//! unit's [`InstrSequence`] and [`UnitMetadata`] exactly as 3.12's compiler does (the same
//! opcodes, arguments, labels and source locations), then hands each finished unit to
//! [`flowgraph::optimize_and_assemble`]; nested units become [`Constant::Code`](crate::code::Constant::Code) constants of
//! their parent.
//!
//! The pieces, each mirroring a part of `compile.c`:
//! * `unit`: the stack of code units (`compiler_enter_scope`/`compiler_exit_scope`), their
//!   constant, name and variable tables, qualified names, and the emission helpers (`ADDOP*`);
//! * `names`: name mangling and `compiler_nameop` (fast/deref/global/name loads and stores);
//! * `constants`: literals and folded expressions as [`Constant`](crate::code::Constant)s;
//! * `expr`: expressions (`compiler_visit_expr1`), conditions (`compiler_jump_if`),
//!   displays, comparisons, subscripts;
//! * `displays`: list, tuple, set and dict displays, and unpacking assignment targets;
//! * `call`: calls, keywords, method calls and `super()` (`compiler_call*`);
//! * `fstring`: f-strings (`JoinedStr`/`FormattedValue` as 3.12's parser builds them);
//! * `comprehension`: generator expressions and PEP 709 inlined comprehensions;
//! * `stmt`: simple statements, assignments, imports, loops and `return`/`break`/`continue`;
//! * `fblock`: frame blocks and their unwinding (`compiler_unwind_fblock`);
//! * `try_with`: `try`/`except`/`finally`, `try`/`except*` and `with`;
//! * `pattern`: `match` statements (PEP 634);
//! * `function`: functions, lambdas, classes, decorators, defaults, annotations, type
//!   parameters and `type` aliases.
//!
//! Recursion: every statement and expression visit counts its depth; past
//! [`MAX_NESTING`] the compiler stops with CPython's `RecursionError` (`maximum recursion
//! depth exceeded during compilation`), and the stack grows on demand (`stacker`) below that,
//! so no input overflows the Rust stack. (The symbol table, which runs first, applies
//! CPython's own limit.)

mod call;
mod comprehension;
mod constants;
mod displays;
mod expr;
mod fblock;
mod fstring;
mod function;
mod future;
mod names;
mod pattern;
mod stmt;
mod try_with;
mod unit;

use std::rc::Rc;

use ruff_python_ast::ModModule;

use crate::code::CodeObject;
use crate::error::{CompileError, ErrorKind};
use crate::flowgraph;
use crate::fold::{self, FoldedConstants};
use crate::instr::{InstrSequence, Location, UnitMetadata};
use crate::source_map::SourceMap;
use crate::symtable::{self, SymbolTable};

use unit::{ScopeType, Unit};

/// How deep statements and expressions may nest before compilation stops with
/// `RecursionError`. CPython 3.12.1 refuses nesting from about 3000 levels (its symbol
/// table's limit, [`crate::symtable::MAX_DEPTH`]); the code generator's own limit is a little
/// higher, a safety net behind the symbol table's.
pub const MAX_NESTING: u32 = 3200;

/// Stack kept free below the visitors' frames before a new segment is allocated.
const STACK_RED_ZONE: usize = 128 * 1024;
/// The size of each new stack segment.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// Compiles a module to its code object (`_PyAST_Compile`): symbol table, constant folding,
/// code generation, then optimisation and assembly of every code unit.
///
/// # Errors
/// CPython's compile-time errors (`SyntaxError` with its message, `RecursionError` for too
/// deep nesting), and a `SyntaxError` naming any construct pyrt does not compile (`async`).
pub fn compile_module(
    module: &ModModule,
    source: &str,
    filename: &str,
) -> Result<CodeObject, CompileError> {
    let map = SourceMap::new(source);
    let folded = fold::fold_module(module);
    folded.check_depth(filename)?;
    let future = future::parse_future(module, &map, &folded, filename)?;
    let table = symtable::build(module, &map, filename)?;
    let mut compiler = Compiler::new(&table, &folded, &map, source, filename);
    compiler.future = future;
    compiler.module_body(module)?;
    let (seq, meta) = compiler.finish_unit(true)?;
    flowgraph::optimize_and_assemble(seq, meta, filename)
}

/// Compiles the REPL's input as CPython's `compile(source, filename, "single")` does: as
/// [`compile_module`], but each top-level expression statement prints its value
/// (`CALL_INTRINSIC_1 INTRINSIC_PRINT`, `sys.displayhook`) and a first string is no docstring.
///
/// # Errors
/// As [`compile_module`].
pub fn compile_interactive(
    module: &ModModule,
    source: &str,
    filename: &str,
) -> Result<CodeObject, CompileError> {
    let map = SourceMap::new(source);
    let folded = fold::fold_module(module);
    folded.check_depth(filename)?;
    let future = future::parse_future(module, &map, &folded, filename)?;
    let table = symtable::build(module, &map, filename)?;
    let mut compiler = Compiler::new(&table, &folded, &map, source, filename);
    compiler.future = future;
    compiler.interactive_body(module)?;
    let (seq, meta) = compiler.finish_unit(true)?;
    flowgraph::optimize_and_assemble(seq, meta, filename)
}

/// Compiles an expression as CPython's `compile(source, filename, "eval")` does
/// (`compiler_codegen` for `Expression_kind`): the expression's value is returned, with no
/// `None` added. The source is parsed as a module, which must hold exactly one expression
/// statement (the caller checks, see [`eval_expression`]).
///
/// # Errors
/// As [`compile_module`]; `SyntaxError: invalid syntax` when `module` is not one expression.
pub fn compile_eval(
    module: &ModModule,
    source: &str,
    filename: &str,
) -> Result<CodeObject, CompileError> {
    let map = SourceMap::new(source);
    let Some(expr) = eval_expression(module) else {
        let loc = module.body.first().map_or(
            Location {
                lineno: 1,
                end_lineno: 1,
                col_offset: 0,
                end_col_offset: 0,
            },
            |s| map.location(s),
        );
        return Err(CompileError::syntax(filename, "invalid syntax", loc));
    };
    let folded = fold::fold_module(module);
    folded.check_depth(filename)?;
    let table = symtable::build(module, &map, filename)?;
    let mut compiler = Compiler::new(&table, &folded, &map, source, filename);
    let block = symtable::BlockId(0);
    compiler.enter_scope("<module>".into(), ScopeType::Module, block, 1)?;
    compiler.expr(expr)?;
    let (seq, meta) = compiler.finish_unit(false)?;
    flowgraph::optimize_and_assemble(seq, meta, filename)
}

/// The expression of a module that is exactly one expression statement: what `eval` mode
/// accepts.
/// (`yield` and `await` are statements' expressions: CPython's `eval` grammar refuses them.)
pub fn eval_expression(module: &ModModule) -> Option<&ruff_python_ast::Expr> {
    use ruff_python_ast::Expr;
    match module.body.as_slice() {
        [ruff_python_ast::Stmt::Expr(e)]
            if !matches!(
                *e.value,
                Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Await(_)
            ) =>
        {
            Some(&e.value)
        }
        _ => None,
    }
}

/// The module's top-level code unit as the code generator leaves it, before optimisation
/// (what `_testinternalcapi.compiler_codegen` returns): the instructions, with the final
/// `LOAD_CONST None; RETURN_VALUE` added, and the metadata. Nested functions, classes and
/// comprehensions are compiled in full (optimised and assembled) into its constants, as
/// CPython does before it returns.
///
/// # Errors
/// As [`compile_module`].
pub fn module_sequence(
    module: &ModModule,
    source: &str,
    filename: &str,
) -> Result<(InstrSequence, UnitMetadata), CompileError> {
    let map = SourceMap::new(source);
    let folded = fold::fold_module(module);
    folded.check_depth(filename)?;
    let future = future::parse_future(module, &map, &folded, filename)?;
    let table = symtable::build(module, &map, filename)?;
    let mut compiler = Compiler::new(&table, &folded, &map, source, filename);
    compiler.future = future;
    compiler.module_body(module)?;
    compiler.finish_unit(true)
}

/// The state of one compilation (`struct compiler`).
pub(crate) struct Compiler<'a> {
    /// The symbol table.
    table: &'a SymbolTable,
    /// The folded constants.
    folded: &'a FoldedConstants,
    /// Byte offsets to lines and columns.
    map: &'a SourceMap,
    /// The source text (to find keywords the tree does not locate).
    source: &'a str,
    /// The file name, for errors and code objects.
    filename: &'a str,
    /// The code units being compiled; the last is the current one (`c->u`).
    units: Vec<Unit<'a>>,
    /// How deep the visitors are nested.
    depth: u32,
    /// The module's `__future__` features.
    future: future::Future,
    /// `c->c_interactive`: the REPL's input, whose top-level expression statements print
    /// their value (`compile(source, filename, "single")`).
    interactive: bool,
}

impl<'a> Compiler<'a> {
    fn new(
        table: &'a SymbolTable,
        folded: &'a FoldedConstants,
        map: &'a SourceMap,
        source: &'a str,
        filename: &'a str,
    ) -> Compiler<'a> {
        Compiler {
            table,
            folded,
            map,
            source,
            filename,
            units: Vec::new(),
            depth: 0,
            future: future::Future::default(),
            interactive: false,
        }
    }

    /// The module's unit and body (`compiler_codegen` for `Module_kind`).
    fn module_body(&mut self, module: &'a ModModule) -> Result<(), CompileError> {
        let block = symtable::BlockId(0);
        self.enter_scope("<module>".into(), ScopeType::Module, block, 1)?;
        let loc = Location {
            lineno: 1,
            end_lineno: 1,
            col_offset: 0,
            end_col_offset: 0,
        };
        self.body(loc, &module.body)
    }

    /// The REPL's unit and statements (`compiler_codegen` for `Interactive_kind`): no
    /// docstring, and each top-level expression statement prints its value.
    fn interactive_body(&mut self, module: &'a ModModule) -> Result<(), CompileError> {
        let block = symtable::BlockId(0);
        self.enter_scope("<module>".into(), ScopeType::Module, block, 1)?;
        self.interactive = true;
        if let Some(first) = module.body.first() {
            let loc = self.stmt_loc(first);
            if stmt::find_ann(&module.body) {
                self.emit(crate::opcode::Opcode::SetupAnnotations, 0, loc);
            }
        }
        self.stmts(&module.body)
    }

    /// A `SyntaxError` at `loc`.
    fn error(&self, loc: Location, message: impl Into<String>) -> CompileError {
        CompileError::syntax(self.filename, message, loc)
    }

    /// Counts one more level of nesting; fails with `RecursionError` past [`MAX_NESTING`].
    fn enter_nested(&mut self, loc: Location) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            return Err(CompileError {
                kind: ErrorKind::Recursion,
                message: "maximum recursion depth exceeded during compilation".into(),
                filename: self.filename.to_owned(),
                location: loc,
            });
        }
        Ok(())
    }

    /// Leaves one level of nesting.
    fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    /// Runs one level of the walk: counts its depth (`RecursionError` past [`MAX_NESTING`])
    /// and grows the stack when it runs low, so that no input overflows it.
    pub(crate) fn nested<R>(
        &mut self,
        loc: Location,
        f: impl FnOnce(&mut Self) -> Result<R, CompileError>,
    ) -> Result<R, CompileError> {
        self.enter_nested(loc)?;
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self));
        self.leave_nested();
        result
    }

    /// The refusal of a construct pyrt does not compile.
    fn unsupported(&self, loc: Location, what: &str) -> CompileError {
        self.error(
            loc,
            format!("async/await are not supported ({what}): pyrt has no coroutines"),
        )
    }

    /// Adds the final return, then turns the current unit (which must be the last on the
    /// stack) into its sequence and metadata, and pops it.
    fn finish_unit(
        &mut self,
        add_none: bool,
    ) -> Result<(InstrSequence, UnitMetadata), CompileError> {
        self.add_return_at_end(add_none);
        let unit = self.units.pop().expect("a unit is open");
        let (seq, mut meta) = unit.into_parts(self.table);
        meta.flags |= self.future.flags;
        Ok((seq, meta))
    }

    /// Finishes a nested unit (`optimize_and_assemble` + `compiler_exit_scope`): its code
    /// object, and the free variables its closure needs.
    fn finish_nested(
        &mut self,
        add_none: bool,
    ) -> Result<(Rc<CodeObject>, Vec<Rc<str>>), CompileError> {
        let (seq, meta) = self.finish_unit(add_none)?;
        let freevars = meta.freevars.clone();
        let code = flowgraph::optimize_and_assemble(seq, meta, self.filename)?;
        Ok((Rc::new(code), freevars))
    }
}
