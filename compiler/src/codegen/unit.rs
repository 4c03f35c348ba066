//! Code units (`struct compiler_unit` of `Python/compile.c`): one per module, class body,
//! function, lambda, comprehension and type-parameter scope, with its instruction sequence,
//! its tables of constants, names and variables (`u_metadata`), its frame blocks, and the
//! emission helpers (`ADDOP`, `ADDOP_I`, `ADDOP_JUMP`, `ADDOP_LOAD_CONST`, `ADDOP_NAME`...).
//! Entering a scope is `compiler_enter_scope`, including the `RESUME` it emits and the
//! qualified name (`compiler_set_qualname`).

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use super::Compiler;
use super::fblock::FBlock;
use crate::code::{Constant, flags};
use crate::error::CompileError;
use crate::instr::{InstrSequence, Label, Location, UnitMetadata};
use crate::opcode::Opcode;
use crate::symtable::{BlockId, BlockKind, Scope, Symbol, SymbolTable};

/// The compiler's kind of unit (`COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
    TypeParams,
}

/// An insertion-ordered set of names with their indices (`dict_add_o` on a name dict).
#[derive(Clone, Debug, Default)]
pub(crate) struct NameTable {
    names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, u32>,
}

impl NameTable {
    /// A table whose names are numbered from `offset` (`dictbytype` with an offset: free
    /// variables are numbered after the cells).
    pub(crate) fn numbered_from(names: &[&Rc<str>], offset: u32) -> NameTable {
        let mut table = NameTable::default();
        for (i, name) in names.iter().enumerate() {
            table.names.push((*name).clone());
            table.index.insert((*name).clone(), offset + i as u32);
        }
        table
    }

    /// The index of `name`, adding it if absent with the table's size as its index, as
    /// `dict_add_o` does.
    pub(crate) fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let name: Rc<str> = name.into();
        let i = self.names.len() as u32;
        self.names.push(name.clone());
        self.index.insert(name, i);
        i
    }

    /// The index of `name`, if present.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// How many names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The names in index order.
    pub(crate) fn names(&self) -> &[Rc<str>] {
        &self.names
    }
}

/// What makes two constants one entry of `co_consts` (`_PyCode_ConstantKey`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    /// An assembled code object: equal code objects are one constant, as `code.__eq__`
    /// compares them (two copies of a loop condition's generator expression merge).
    Code(Box<CodeKey>),
}

/// What `code_richcompare` compares.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct CodeKey {
    name: Rc<str>,
    counts: (u32, u32, u32, u32, u32),
    code: Vec<u8>,
    consts: Vec<ConstKey>,
    names: Vec<Rc<str>>,
    localsplusnames: Vec<Rc<str>>,
    linetable: Vec<u8>,
    exceptiontable: Vec<u8>,
}

fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect()),
        Constant::FrozenSet(items) => ConstKey::FrozenSet(items.iter().map(const_key).collect()),
        Constant::Code(code) => ConstKey::Code(Box::new(CodeKey {
            name: code.name.clone(),
            counts: (
                code.argcount,
                code.posonlyargcount,
                code.kwonlyargcount,
                code.flags,
                code.firstlineno,
            ),
            code: code.code.clone(),
            consts: code.consts.iter().map(const_key).collect(),
            names: code.names.clone(),
            localsplusnames: code.localsplusnames.clone(),
            linetable: code.linetable.clone(),
            exceptiontable: code.exceptiontable.clone(),
        })),
    }
}

/// One code unit being compiled.
pub(crate) struct Unit<'a> {
    /// Its symbol-table block (`u_ste`).
    pub(crate) block: BlockId,
    /// The compiler's kind of unit (`u_scope_type`).
    pub(crate) scope: ScopeType,
    /// The instructions emitted so far.
    pub(crate) seq: InstrSequence,
    /// `co_name`.
    pub(crate) name: Rc<str>,
    /// `co_qualname`.
    pub(crate) qualname: Rc<str>,
    /// The constants, in order of first use.
    consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    /// `co_names`.
    pub(crate) names: NameTable,
    /// Local variables (parameters first).
    pub(crate) varnames: NameTable,
    /// Cell variables.
    pub(crate) cellvars: NameTable,
    /// Free variables.
    pub(crate) freevars: NameTable,
    /// Names made fast locals by an inlined comprehension in a module or class body: `true`
    /// while the comprehension is being compiled, `false` after (`u_fasthidden`).
    pub(crate) fasthidden: HashMap<Rc<str>, bool>,
    /// The order `fasthidden` names were first added.
    fasthidden_order: Vec<Rc<str>>,
    /// The frame blocks (`u_fblock`).
    pub(crate) fblocks: Vec<FBlock<'a>>,
    /// The class name used for mangling private names (`u_private`).
    pub(crate) private: Option<Rc<str>>,
    /// How many inlined comprehensions are being compiled in this unit.
    pub(crate) in_inlined_comp: u32,
    /// Symbols temporarily replaced while an inlined comprehension is compiled (`None` is
    /// "no symbol": scope 0).
    pub(crate) symbol_overrides: HashMap<Rc<str>, Option<Symbol>>,
    /// `co_argcount`, `co_posonlyargcount`, `co_kwonlyargcount`.
    pub(crate) argcount: u32,
    pub(crate) posonlyargcount: u32,
    pub(crate) kwonlyargcount: u32,
    /// `co_firstlineno`.
    pub(crate) firstlineno: u32,
}

impl<'a> Unit<'a> {
    /// The constant's index, adding it if new (`compiler_add_const`).
    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        self.const_index.insert(key, i);
        i
    }

    /// The sequence and metadata of the finished unit.
    pub(crate) fn into_parts(self, table: &SymbolTable) -> (InstrSequence, UnitMetadata) {
        let flags = compute_flags(table, self.block);
        let fasthidden = self
            .fasthidden_order
            .iter()
            .filter(|n| self.fasthidden.contains_key(*n))
            .cloned()
            .collect();
        let meta = UnitMetadata {
            name: self.name,
            qualname: self.qualname,
            consts: self.consts,
            names: self.names.names,
            varnames: self.varnames.names,
            cellvars: self.cellvars.names,
            freevars: self.freevars.names,
            fasthidden,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            firstlineno: self.firstlineno,
            flags,
        };
        (self.seq, meta)
    }

    /// Marks `name` as a hidden fast local (or no longer active).
    pub(crate) fn set_fasthidden(&mut self, name: &Rc<str>, active: bool) {
        if !self.fasthidden.contains_key(name) {
            self.fasthidden_order.push(name.clone());
        }
        self.fasthidden.insert(name.clone(), active);
    }
}

/// `compute_code_flags`: the flags the symbol table determines.
fn compute_flags(table: &SymbolTable, block: BlockId) -> u32 {
    let b = table.block(block);
    let mut f = 0;
    if is_function_like(b.kind) {
        f |= flags::NEWLOCALS | flags::OPTIMIZED;
        if b.nested {
            f |= flags::NESTED;
        }
        if b.generator && !b.coroutine {
            f |= flags::GENERATOR;
        }
        if !b.generator && b.coroutine {
            f |= flags::COROUTINE;
        }
        if b.generator && b.coroutine {
            f |= flags::ASYNC_GENERATOR;
        }
        if b.varargs {
            f |= flags::VARARGS;
        }
        if b.varkeywords {
            f |= flags::VARKEYWORDS;
        }
    }
    f
}

/// `_PyST_IsFunctionLike`: every block but modules and class bodies.
pub(crate) fn is_function_like(kind: BlockKind) -> bool {
    !matches!(kind, BlockKind::Module | BlockKind::Class)
}

impl<'a> Compiler<'a> {
    /// The current unit.
    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is open")
    }

    /// The current unit, read-only.
    pub(crate) fn cur(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is open")
    }

    /// Whether the current unit is function-like.
    pub(crate) fn is_function_like(&self) -> bool {
        is_function_like(self.table.block(self.cur().block).kind)
    }

    /// Whether the current unit's block is a class body.
    pub(crate) fn in_class_block(&self) -> bool {
        self.table.block(self.cur().block).kind == BlockKind::Class
    }

    /// A name's scope in the current unit (`_PyST_GetScope`), overrides first.
    pub(crate) fn scope_of(&self, name: &str) -> Option<Scope> {
        let unit = self.cur();
        if let Some(over) = unit.symbol_overrides.get(name) {
            return over.map(|s| s.scope);
        }
        self.table.symbol(unit.block, name).map(|s| s.scope)
    }

    /// A name's symbol in the current unit, overrides first.
    pub(crate) fn symbol_of(&self, name: &str) -> Option<Symbol> {
        let unit = self.cur();
        if let Some(over) = unit.symbol_overrides.get(name) {
            return *over;
        }
        self.table.symbol(unit.block, name)
    }

    /// Opens a new code unit (`compiler_enter_scope`) and emits its `RESUME`.
    pub(crate) fn enter_scope(
        &mut self,
        name: Rc<str>,
        scope: ScopeType,
        block: BlockId,
        lineno: u32,
    ) -> Result<(), CompileError> {
        let b = self.table.block(block);
        let mut varnames = NameTable::default();
        for v in &b.varnames {
            varnames.add(v);
        }
        let mut cells: Vec<&Rc<str>> = b
            .symbols
            .iter()
            .filter(|(_, s)| {
                s.scope == Scope::Cell || s.flags & crate::symtable::def::COMP_CELL != 0
            })
            .map(|(n, _)| n)
            .collect();
        cells.sort();
        let mut cellvars = NameTable::default();
        for c in cells {
            cellvars.add(c);
        }
        if b.needs_class_closure {
            cellvars.add("__class__");
        }
        if b.needs_classdict {
            cellvars.add("__classdict__");
        }
        let mut frees: Vec<&Rc<str>> = b
            .symbols
            .iter()
            .filter(|(_, s)| {
                s.scope == Scope::Free || s.flags & crate::symtable::def::FREE_CLASS != 0
            })
            .map(|(n, _)| n)
            .collect();
        frees.sort();
        let freevars = NameTable::numbered_from(&frees, cellvars.len() as u32);
        let private = self.units.last().and_then(|u| u.private.clone());
        let unit = Unit {
            block,
            scope,
            seq: InstrSequence::default(),
            name: name.clone(),
            qualname: name,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameTable::default(),
            varnames,
            cellvars,
            freevars,
            fasthidden: HashMap::new(),
            fasthidden_order: Vec::new(),
            fblocks: Vec::new(),
            private,
            in_inlined_comp: 0,
            symbol_overrides: HashMap::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
        };
        self.units.push(unit);
        let mut loc = Location {
            lineno: lineno as i32,
            end_lineno: lineno as i32,
            col_offset: 0,
            end_col_offset: 0,
        };
        if scope == ScopeType::Module {
            loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Opcode::Resume, 0, loc);
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        // `c_stack` holds the enclosing units: all of `units` but the last.
        let n = self.units.len();
        if n <= 2 {
            return; // directly in the module: the qualname is the name
        }
        let mut parent_index = n - 2;
        if self.units[parent_index].scope == ScopeType::TypeParams {
            if n == 3 {
                return; // a type-parameter scope directly in the module
            }
            parent_index = n - 3;
        }
        let unit = &self.units[n - 1];
        let parent = &self.units[parent_index];
        let mut force_global = false;
        if matches!(unit.scope, ScopeType::Function | ScopeType::Class) {
            let mangled = super::names::mangle(parent.private.as_deref(), &unit.name);
            let scope = if let Some(over) = parent.symbol_overrides.get(&*mangled) {
                over.map(|s| s.scope)
            } else {
                self.table.symbol(parent.block, &mangled).map(|s| s.scope)
            };
            if scope == Some(Scope::GlobalExplicit) {
                force_global = true;
            }
        }
        let qualname: Rc<str> = if force_global {
            unit.name.clone()
        } else if matches!(parent.scope, ScopeType::Function | ScopeType::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, unit.name).into()
        } else {
            format!("{}.{}", parent.qualname, unit.name).into()
        };
        self.units[n - 1].qualname = qualname;
    }

    /// `add_return_at_end`.
    pub(crate) fn add_return_at_end(&mut self, add_none: bool) {
        if add_none {
            self.load_const(Constant::None, Location::NONE);
        }
        self.emit(Opcode::ReturnValue, 0, Location::NONE);
    }

    // ---- emission helpers (ADDOP and friends) ----

    /// Appends an instruction.
    pub(crate) fn emit(&mut self, op: Opcode, arg: u32, loc: Location) {
        self.u().seq.emit(op, arg, loc);
    }

    /// Appends a jump (or `SETUP_*`) to `target`.
    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label, loc: Location) {
        self.u().seq.emit(op, target.0, loc);
    }

    /// A new, unplaced label.
    pub(crate) fn new_label(&mut self) -> Label {
        self.u().seq.new_label()
    }

    /// Places a label before the next instruction.
    pub(crate) fn use_label(&mut self, label: Label) {
        self.u().seq.use_label(label);
    }

    /// `ADDOP_LOAD_CONST`.
    pub(crate) fn load_const(&mut self, c: Constant, loc: Location) {
        let i = self.u().add_const(c);
        self.emit(Opcode::LoadConst, i, loc);
    }

    /// `compiler_add_const`.
    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        self.u().add_const(c)
    }

    /// `ADDOP_NAME(..., names)` (`compiler_addop_name`): mangles `name`, adds it to
    /// `co_names`, and encodes the pseudo-forms of `LOAD_ATTR` and `LOAD_SUPER_ATTR`.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str, loc: Location) {
        let mangled = super::names::mangle(self.cur().private.as_deref(), name);
        let mut arg = self.u().names.add(&mangled);
        let op = match op {
            Opcode::LoadAttr => {
                arg <<= 1;
                Opcode::LoadAttr
            }
            Opcode::LoadMethod => {
                arg = (arg << 1) | 1;
                Opcode::LoadAttr
            }
            Opcode::LoadSuperAttr => {
                arg = (arg << 2) | 2;
                Opcode::LoadSuperAttr
            }
            Opcode::LoadSuperMethod => {
                arg = (arg << 2) | 3;
                Opcode::LoadSuperAttr
            }
            Opcode::LoadZeroSuperAttr => {
                arg <<= 2;
                Opcode::LoadSuperAttr
            }
            Opcode::LoadZeroSuperMethod => {
                arg = (arg << 2) | 1;
                Opcode::LoadSuperAttr
            }
            other => other,
        };
        self.emit(op, arg, loc);
    }

    /// `ADDOP_NAME(..., varnames)`: a mangled local's slot.
    pub(crate) fn emit_varname(&mut self, op: Opcode, name: &str, loc: Location) {
        let mangled = super::names::mangle(self.cur().private.as_deref(), name);
        let arg = self.u().varnames.add(&mangled);
        self.emit(op, arg, loc);
    }
}
