//! What the compiler produces: a code object's fields as plain data (`Include/cpython/code.h`'s
//! `PyCodeObject`, before any of it is an object), and the constants it refers to.
//!
//! The interpreter turns a [`CodeObject`] into a real pyrt code object, making each
//! [`Constant`] an object (equal constants of one module become one object, as CPython's
//! `_PyCode_ConstantKey` merging does). Nothing here depends on the object model, so the
//! compiler can be built and tested on its own, against CPython's `dis`.

use std::rc::Rc;

use num_bigint::BigInt;

/// `co_flags` bits (`Include/cpython/code.h`).
pub mod flags {
    /// Fast locals are used (every function, not module or class bodies).
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new `locals()` dict is made for the frame (functions).
    pub const NEWLOCALS: u32 = 0x0002;
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x0004;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// The code is nested in a function.
    pub const NESTED: u32 = 0x0010;
    /// The code is a generator's.
    pub const GENERATOR: u32 = 0x0020;
    /// The code has no cell or free variables.
    pub const NOFREE: u32 = 0x0040;
    /// The code is a coroutine's.
    pub const COROUTINE: u32 = 0x0080;
    /// The code is an iterable coroutine's.
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    /// The code is an asynchronous generator's.
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// What a fast-locals slot holds (`co_localspluskinds`, `Include/internal/pycore_code.h`).
pub mod local_kind {
    /// An argument (combined with [`LOCAL`]).
    pub const ARG: u8 = 0x02;
    /// A hidden local of an inlined comprehension (3.12's `CO_FAST_HIDDEN`).
    pub const HIDDEN: u8 = 0x10;
    /// A plain local variable.
    pub const LOCAL: u8 = 0x20;
    /// A cell: a local that inner functions refer to.
    pub const CELL: u8 = 0x40;
    /// A free variable: a cell of an enclosing function.
    pub const FREE: u8 = 0x80;
}

/// A constant of `co_consts`, as plain data.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An `int` of any size.
    Int(BigInt),
    /// A `float`.
    Float(f64),
    /// A `complex` (real, imaginary).
    Complex(f64, f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `bytes`.
    Bytes(Rc<[u8]>),
    /// A `tuple` of constants.
    Tuple(Rc<[Constant]>),
    /// A `frozenset` of constants (from `x in {1, 2}`), in the order CPython's compiler
    /// inserted them.
    FrozenSet(Rc<[Constant]>),
    /// A nested function's, class body's or comprehension's code.
    Code(Rc<CodeObject>),
}

impl Constant {
    /// Whether two constants are the same constant for merging (`_PyCode_ConstantKey`): equal
    /// values of the same type, with `0.0` and `-0.0` (and tuples holding them) kept apart, and
    /// code objects compared by identity.
    pub fn same_constant(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_constant(y))
            }
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A compiled code object's fields (`PyCodeObject`), ready to become an object.
///
/// `code` is `co_code`: 16-bit code units (opcode byte, argument byte) with `EXTENDED_ARG`
/// prefixes and zeroed inline cache units, exactly as CPython 3.12's compiler writes them.
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters, positional-only ones included.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_flags` ([`flags`]).
    pub flags: u32,
    /// `co_stacksize`: the deepest the value stack gets.
    pub stacksize: u32,
    /// `co_firstlineno`.
    pub firstlineno: u32,
    /// `co_code`.
    pub code: Vec<u8>,
    /// `co_consts`.
    pub consts: Vec<Constant>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Rc<str>>,
    /// `co_localsplusnames`: locals, then cells, then free variables.
    pub localsplusnames: Vec<Rc<str>>,
    /// `co_localspluskinds`, one [`local_kind`] set per name of `localsplusnames`.
    pub localspluskinds: Vec<u8>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_linetable`: 3.11's location table (`Objects/locations.md`).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`: the exception table's varint entries.
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// The names of the slots of one kind, in slot order.
    fn names_where(&self, keep: impl Fn(u8) -> bool) -> Vec<Rc<str>> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, kind)| keep(**kind))
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// `co_varnames`: the slots that are locals (cells that are also arguments included).
    pub fn varnames(&self) -> Vec<Rc<str>> {
        self.names_where(|k| k & local_kind::LOCAL != 0)
    }

    /// `co_cellvars`.
    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.names_where(|k| k & local_kind::CELL != 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.names_where(|k| k & local_kind::FREE != 0)
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.varnames().len()
    }
}
