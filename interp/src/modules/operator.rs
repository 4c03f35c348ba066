//! `_operator` (`Modules/_operator.c`): the operators as built-in functions, under the
//! shipped `operator.py`, which defines them in Python and then takes these with
//! `from _operator import *`, as CPython's does (so `operator.add` is a
//! `builtin_function_or_method` whose `__module__` is `'_operator'`).
//!
//! Each function is declared with how CPython's Argument Clinic takes its arguments
//! (positional-only: `add expected 2 arguments, got 1`; `METH_O`:
//! `_operator.neg() takes exactly one argument (0 given)`) and does what the interpreter does
//! for the operator (`PyNumber_Add` is the VM's `BINARY_OP`, ...). `index` and `length_hint`
//! are in `modules.rs`; the types `itemgetter`, `attrgetter` and `methodcaller` in
//! `operator_getters.rs`.

use pyrt_objects::Obj;
use pyrt_objects::abstract_::{self, UnOp};
use pyrt_objects::methods::{self, Params};
use pyrt_objects::types::{bytes, class, dict, long, none, unicode};
use ruff_python_ast as ast;

use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R};

const ONE: Params = Params::One;
const TWO: Params = Params::Positional { min: 2, max: 2 };
const THREE: Params = Params::Positional { min: 3, max: 3 };

/// The functions of `_operator` beside `index` and `length_hint`.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("_operator", "lt", TWO),
    def("_operator", "le", TWO),
    def("_operator", "eq", TWO),
    def("_operator", "ne", TWO),
    def("_operator", "ge", TWO),
    def("_operator", "gt", TWO),
    def("_operator", "not_", ONE),
    def("_operator", "truth", ONE),
    def("_operator", "is_", TWO),
    def("_operator", "is_not", TWO),
    def("_operator", "abs", ONE),
    def("_operator", "add", TWO),
    def("_operator", "and_", TWO),
    def("_operator", "floordiv", TWO),
    def("_operator", "inv", ONE),
    def("_operator", "invert", ONE),
    def("_operator", "lshift", TWO),
    def("_operator", "mod", TWO),
    def("_operator", "mul", TWO),
    def("_operator", "matmul", TWO),
    def("_operator", "neg", ONE),
    def("_operator", "or_", TWO),
    def("_operator", "pos", ONE),
    def("_operator", "pow", TWO),
    def("_operator", "rshift", TWO),
    def("_operator", "sub", TWO),
    def("_operator", "truediv", TWO),
    def("_operator", "xor", TWO),
    def("_operator", "concat", TWO),
    def("_operator", "contains", TWO),
    def("_operator", "countOf", TWO),
    def("_operator", "delitem", TWO),
    def("_operator", "getitem", TWO),
    def("_operator", "indexOf", TWO),
    def("_operator", "setitem", THREE),
    def("_operator", "iadd", TWO),
    def("_operator", "iand", TWO),
    def("_operator", "iconcat", TWO),
    def("_operator", "ifloordiv", TWO),
    def("_operator", "ilshift", TWO),
    def("_operator", "imod", TWO),
    def("_operator", "imul", TWO),
    def("_operator", "imatmul", TWO),
    def("_operator", "ior", TWO),
    def("_operator", "ipow", TWO),
    def("_operator", "irshift", TWO),
    def("_operator", "isub", TWO),
    def("_operator", "itruediv", TWO),
    def("_operator", "ixor", TWO),
    def("_operator", "_compare_digest", TWO),
    def("_operator", "call", Params::VarKeywords),
];

/// The binary operator a function name stands for (its in-place form with an `i` in front).
fn binary_operator(name: &str) -> Option<ast::Operator> {
    use ast::Operator as O;
    Some(match name {
        "add" | "concat" => O::Add,
        "and_" => O::BitAnd,
        "floordiv" => O::FloorDiv,
        "lshift" => O::LShift,
        "mod" => O::Mod,
        "mul" => O::Mult,
        "matmul" => O::MatMult,
        "or_" => O::BitOr,
        "pow" => O::Pow,
        "rshift" => O::RShift,
        "sub" => O::Sub,
        "truediv" => O::Div,
        "xor" => O::BitXor,
        _ => return None,
    })
}

/// The comparison a function name stands for.
fn comparison(name: &str) -> Option<ast::CmpOp> {
    use ast::CmpOp as C;
    Some(match name {
        "lt" => C::Lt,
        "le" => C::LtE,
        "eq" => C::Eq,
        "ne" => C::NotEq,
        "ge" => C::GtE,
        "gt" => C::Gt,
        _ => return None,
    })
}

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    let heap = interp.heap;
    let err = |e| interp.err(e);
    if f.name == "call" {
        // `_operator.call(obj, /, *args, **kwargs)`.
        let mut args = args.into_iter();
        let Some(func) = args.next() else {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "call expected at least 1 argument, got 0",
            ));
        };
        return interp.call(&func, args.collect(), kwargs);
    }
    let bound = methods::bind("_operator", f.name, f.params, &args, &kwargs).map_err(err)?;
    drop(args);
    let a: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
    if a.len() != f.params_count() {
        return Err(err(pyrt_objects::view::bad_internal_call()));
    }
    let name = f.name;
    if let Some(op) = comparison(name) {
        return interp.compare(op, &a[0], &a[1]);
    }
    if let Some(op) = binary_operator(name) {
        if name == "concat" {
            check_sequence(interp, &a[0])?;
        }
        return interp.binary_op(op, &a[0], &a[1]);
    }
    let plain = match name {
        "iand" => "and_",
        "ior" => "or_",
        n => n.strip_prefix('i').unwrap_or(""),
    };
    if let Some(op) = binary_operator(plain) {
        if plain == "concat" {
            check_sequence(interp, &a[0])?;
        }
        let mut a = a.into_iter();
        let (Some(l), Some(r)) = (a.next(), a.next()) else {
            return Err(err(pyrt_objects::view::bad_internal_call()));
        };
        return interp.inplace_op(op, l, r);
    }
    let unary = |op| abstract_::unary_op(heap, a[0].object(), op).map_err(err);
    match name {
        "not_" => Ok(long::new_bool(heap, !interp.vm_truth(&a[0])?)),
        "truth" => Ok(long::new_bool(heap, interp.vm_truth(&a[0])?)),
        "is_" => Ok(long::new_bool(heap, a[0].is(&a[1]))),
        "is_not" => Ok(long::new_bool(heap, !a[0].is(&a[1]))),
        "abs" => unary(UnOp::Abs),
        "inv" | "invert" => unary(UnOp::Invert),
        "neg" => unary(UnOp::Neg),
        "pos" => unary(UnOp::Pos),
        "contains" => Ok(long::new_bool(heap, interp.contains(&a[0], &a[1])?)),
        "getitem" => interp.getitem(&a[0], &a[1]),
        "setitem" => {
            interp.setitem(&a[0], a[1].clone(), a[2].clone())?;
            Ok(none(heap))
        }
        "delitem" => {
            interp.delitem(&a[0], &a[1])?;
            Ok(none(heap))
        }
        "countOf" | "indexOf" => search(interp, name == "countOf", &a[0], &a[1]),
        "_compare_digest" => compare_digest(interp, &a[0], &a[1]),
        _ => Err(err(pyrt_objects::view::bad_internal_call())),
    }
}

impl ModuleFunction {
    /// How many arguments a call binds (each function here takes a fixed number).
    fn params_count(&self) -> usize {
        match self.params {
            Params::One => 1,
            Params::Positional { max, .. } => max,
            _ => 0,
        }
    }
}

/// `PySequence_Check`, as `concat` and `iconcat` ask it: a type with `sq_item` that is not a
/// dict (a class defining `__getitem__`, or one of the built-in sequences).
fn check_sequence<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, ()> {
    let ty = o.ob_type();
    let builtin_sequence = class::mro_iter(ty).any(|t| {
        matches!(
            t.name(),
            "list"
                | "tuple"
                | "str"
                | "bytes"
                | "bytearray"
                | "range"
                | "memoryview"
                | "array.array"
                | "collections.deque"
        )
    });
    let is_dict = dict::Dict::cast(o.object()).is_some();
    let user = class::is_heap_type(ty) && interp.type_lookup(ty, "__getitem__")?.is_some();
    if (builtin_sequence || user) && !is_dict {
        return Ok(());
    }
    Err(interp.raise(
        &exceptions::TYPE_ERROR,
        format!("'{}' object can't be concatenated", ty.name()),
    ))
}

/// `PySequence_Count` (`countOf`) or `PySequence_Index` (`indexOf`): a walk over the
/// iterable comparing by identity, then equality.
fn search<'py>(
    interp: &Interp<'py>,
    count: bool,
    seq: &Obj<'py>,
    item: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    // `_PySequence_IterSearch`: a `TypeError` from `iter()` is given its own message.
    let it = match abstract_::get_iter(heap, seq.object()).map_err(err) {
        Ok(it) => it,
        Err(crate::Unwind::Raise(r))
            if r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get()) =>
        {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "argument of type '{}' is not iterable",
                    seq.ob_type().name()
                ),
            ));
        }
        Err(e) => return Err(e),
    };
    let mut n: i64 = 0;
    while let Some(v) = interp.vm_iter_next(&it)? {
        let equal = v.is(item) || {
            let r = interp.compare(ast::CmpOp::Eq, &v, item)?;
            interp.vm_truth(&r)?
        };
        if equal {
            if !count {
                return long::int_from_i64(heap, n).map_err(err);
            }
            n += 1;
        } else if !count {
            n += 1;
        }
    }
    if count {
        return long::int_from_i64(heap, n).map_err(err);
    }
    Err(interp.raise(
        &exceptions::VALUE_ERROR,
        "sequence.index(x): x not in sequence",
    ))
}

/// `_operator._compare_digest(a, b)`: two ASCII strs or two bytes, compared in time that
/// does not depend on where they differ.
fn compare_digest<'py>(interp: &Interp<'py>, a: &Obj<'py>, b: &Obj<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let (x, y) = match (
        unicode::Str::cast(a.object()),
        unicode::Str::cast(b.object()),
    ) {
        (Some(x), Some(y)) => {
            let (x, y) = (unicode::str_value(x), unicode::str_value(y));
            if !x.is_ascii() || !y.is_ascii() {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (x.into_bytes(), y.into_bytes())
        }
        _ => match (
            bytes::Bytes::cast(a.object()),
            bytes::Bytes::cast(b.object()),
        ) {
            (Some(x), Some(y)) => (
                bytes::bytes_value(x).to_vec(),
                bytes::bytes_value(y).to_vec(),
            ),
            _ => {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "unsupported operand types(s) or combination of types: '{}' and '{}'",
                        a.ob_type().name(),
                        b.ob_type().name()
                    ),
                ));
            }
        },
    };
    // `_tscmp`: every byte of `b` is looked at, whatever the lengths.
    let mut result = u8::from(x.len() != y.len());
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(&y) {
        result |= p ^ q;
    }
    Ok(long::new_bool(heap, result == 0))
}
