//! The dispatch loop's fast paths for values of the built-in types: what CPython 3.12's
//! specialised instructions do (`Python/bytecodes.c`: `BINARY_OP_ADD_INT`,
//! `BINARY_OP_MULTIPLY_FLOAT`, `COMPARE_OP_INT`, `COMPARE_OP_STR`, `BINARY_SUBSCR_LIST_INT`,
//! `BINARY_SUBSCR_DICT`, `STORE_SUBSCR_LIST_INT`, `FOR_ITER_RANGE`, `UNPACK_SEQUENCE_TUPLE`,
//! `BINARY_OP_ADD_UNICODE`...),
//! without rewriting the code: each function checks the exact types (the specialisation's
//! guard) and either does the operation directly or answers `None`, and the loop takes the
//! generic path.
//!
//! The answers are the generic path's: ints are made by the long API (the small-int cache,
//! CPython's digits), floats by `new_float` (its free list), comparisons give the bool
//! singletons; a guard fails (`None`) wherever the generic path would raise, so errors keep
//! their one home there. Only exact built-in types pass the guards: a subclass may override
//! the operation.

use core::ptr;

use pyrt_objects::abstract_::BinOp;
use pyrt_objects::abstract_fast;
use pyrt_objects::types::dict::{self, DICT_TYPE};
use pyrt_objects::types::float::{self, FLOAT_TYPE};
use pyrt_objects::types::iter::seq::{self, LIST_ITER_TYPE, RANGE_ITER_TYPE, TUPLE_ITER_TYPE};
use pyrt_objects::types::list::{self, LIST_TYPE};
use pyrt_objects::types::long;
use pyrt_objects::types::tuple::{self, TUPLE_TYPE};
use pyrt_objects::types::unicode::{self, STR_TYPE};
use pyrt_objects::{Heap, Obj, ObjPtr, PyObject, PyResult};

/// The number of `BINARY_OP`'s plain operators: `NB_INPLACE_ADD`, the first in-place one
/// (`Include/opcode.h`).
const NB_INPLACE: usize = 13;

#[inline(always)]
fn is_exact(o: &PyObject, ty: &pyrt_objects::typeobj::PyTypeObject) -> bool {
    ptr::eq(o.ob_type(), ty)
}

/// The value of an exact float (`PyFloat_CheckExact`, then `PyFloat_AS_DOUBLE`).
#[inline(always)]
fn exact_float(o: &PyObject) -> Option<f64> {
    if !is_exact(o, FLOAT_TYPE.get()) {
        return None;
    }
    float::Float::cast(o).map(float::float_value)
}

/// `BINARY_OP`'s operators by their `NB_*` number (`Include/opcode.h`), the in-place forms
/// folded onto the plain ones: an int or float operation in place is the plain one (both
/// types are immutable).
const NB_OPS: [Option<BinOp>; 2 * NB_INPLACE] = {
    let mut ops = [None; 2 * NB_INPLACE];
    let mut i = 0;
    while i < NB_INPLACE {
        ops[i] = NB_PLAIN[i];
        ops[i + NB_INPLACE] = NB_PLAIN[i];
        i += 1;
    }
    ops
};

/// The plain operators of `BINARY_OP`, by `NB_*` number.
const NB_PLAIN: [Option<BinOp>; NB_INPLACE] = [
    Some(BinOp::Add),
    Some(BinOp::And),
    Some(BinOp::FloorDiv),
    Some(BinOp::LShift),
    None, // `@`: no built-in number has it.
    Some(BinOp::Mul),
    Some(BinOp::Mod),
    Some(BinOp::Or),
    Some(BinOp::Pow),
    Some(BinOp::RShift),
    Some(BinOp::Sub),
    Some(BinOp::TrueDiv),
    Some(BinOp::Xor),
];

/// `BINARY_OP oparg` on two ints of at most two digits or two floats, which it consumes (the
/// object model's [`abstract_fast::binary_exact_builtins_owned`]: a float operand only the
/// stack held carries the result, as `BINARY_OP_ADD_FLOAT` does); `Err` gives the operands
/// back when the types do not match or the generic path must answer (division by zero, an
/// operator without a fast form).
#[inline]
#[allow(clippy::type_complexity)]
pub(super) fn binary_op<'h>(
    heap: &'h Heap,
    oparg: usize,
    l: Obj<'h>,
    r: Obj<'h>,
) -> Result<PyResult<Obj<'h>>, (Obj<'h>, Obj<'h>)> {
    match NB_OPS.get(oparg) {
        Some(&Some(op)) => abstract_fast::binary_exact_builtins_owned(heap, l, r, op),
        _ => Err((l, r)),
    }
}

/// `BINARY_OP oparg` on exact strs: `+` of two, `*` of one and a compact int; `None` for any
/// other operands. (Asked by the loop's slow path after [`binary_op`], so that the number
/// path stays as small as it was.)
#[inline]
pub(super) fn str_binary_op<'h>(
    heap: &'h Heap,
    oparg: usize,
    l: &PyObject,
    r: &PyObject,
) -> Option<PyResult<Obj<'h>>> {
    str_concat(heap, oparg, l, r).or_else(|| str_repeat(heap, oparg, l, r))
}

/// `BINARY_OP` `*` or `*=` of an exact str and a compact int, either way round
/// (`PyNumber_Multiply` reaching `unicode_repeat`: the int has no `*` for a str, the str's
/// sequence repeat answers).
#[inline]
fn str_repeat<'h>(
    heap: &'h Heap,
    oparg: usize,
    l: &PyObject,
    r: &PyObject,
) -> Option<PyResult<Obj<'h>>> {
    const NB_MULTIPLY: usize = 5;
    if oparg % NB_INPLACE != NB_MULTIPLY {
        return None;
    }
    let (s, n) = match unicode::as_exact_str(l) {
        Some(s) => (s, long::exact_compact_value(r)?),
        None => (unicode::as_exact_str(r)?, long::exact_compact_value(l)?),
    };
    Some(unicode::repeat(heap, s, isize::try_from(n).ok()?))
}

/// `BINARY_OP` `+` or `+=` on two exact strs (`BINARY_OP_ADD_UNICODE`): `PyUnicode_Concat`,
/// a new string (or the other operand when one is empty), as the generic path gives. The
/// in-place form makes a new string too: CPython's `BINARY_OP_INPLACE_ADD_UNICODE` resizes
/// the left string in place only when the next instruction stores it into the local it
/// came from; here `s += t` always builds a new string, whose value is the same.
#[inline]
fn str_concat<'h>(
    heap: &'h Heap,
    oparg: usize,
    l: &PyObject,
    r: &PyObject,
) -> Option<PyResult<Obj<'h>>> {
    const NB_ADD: usize = 0;
    if oparg % NB_INPLACE != NB_ADD {
        return None;
    }
    let (a, b) = (unicode::as_exact_str(l)?, unicode::as_exact_str(r)?);
    Some(unicode::concat(heap, a, b))
}

/// `COMPARE_OP` with comparison `cmp` (`oparg >> 4`: `<`, `<=`, `==`, `!=`, `>`, `>=`) on two
/// ints of at most two digits, two floats, or (`==` and `!=`) two strs (`COMPARE_OP_INT`, `_FLOAT`, `_STR`).
#[inline]
pub(super) fn compare(cmp: usize, l: &PyObject, r: &PyObject) -> Option<bool> {
    if let (Some(a), Some(b)) = (long::exact_medium_value(l), long::exact_medium_value(r)) {
        return Some(ordered(cmp, a, b));
    }
    if let (Some(a), Some(b)) = (exact_float(l), exact_float(r)) {
        // IEEE comparisons, as `float_richcompare` on two floats: NaN is unordered.
        return Some(match cmp {
            0 => a < b,
            1 => a <= b,
            2 => a == b,
            3 => a != b,
            4 => a > b,
            _ => a >= b,
        });
    }
    if (cmp == 2 || cmp == 3) && is_exact(l, STR_TYPE.get()) && is_exact(r, STR_TYPE.get()) {
        let eq = ptr::eq(l, r)
            || unicode::Str::cast(l)
                .zip(unicode::Str::cast(r))
                .is_some_and(|(a, b)| unicode::str_eq(a, b));
        return Some(eq == (cmp == 2));
    }
    None
}

#[inline(always)]
fn ordered(cmp: usize, a: i64, b: i64) -> bool {
    match cmp {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        _ => a >= b,
    }
}

/// A new reference to a borrowed item pointer of a live list or tuple.
#[inline(always)]
fn item<'h>(heap: &'h Heap, p: ObjPtr) -> Obj<'h> {
    // SAFETY: the container holds a reference to each of its items, objects of `heap`, and
    // the caller holds the container.
    unsafe { Obj::from_borrowed(heap, p.as_ref()) }
}

/// What `BINARY_SUBSCR` found on its fast path.
pub(super) enum Subscr<'h> {
    /// The item.
    Found(Obj<'h>),
    /// An exact dict without the key: the caller raises `KeyError(key)`.
    Missing,
    /// The key's hash or comparison raised.
    Failed(pyrt_objects::PyErr),
}

/// `BINARY_SUBSCR` of an exact list or tuple by a compact int in range
/// (`BINARY_SUBSCR_LIST_INT`, `_TUPLE_INT`), or of an exact dict (`BINARY_SUBSCR_DICT`).
#[inline]
pub(super) fn subscr<'h>(
    heap: &'h Heap,
    container: &PyObject,
    sub: &PyObject,
) -> Option<Subscr<'h>> {
    let ty = container.ob_type();
    if ptr::eq(ty, LIST_TYPE.get()) {
        let i = usize::try_from(long::exact_compact_value(sub)?).ok()?;
        let l = list::List::cast(container)?;
        return list::items(l).get(i).map(|&p| Subscr::Found(item(heap, p)));
    }
    if ptr::eq(ty, TUPLE_TYPE.get()) {
        let i = usize::try_from(long::exact_compact_value(sub)?).ok()?;
        let t = tuple::Tuple::cast(container)?;
        return tuple::items(t)
            .get(i)
            .map(|&p| Subscr::Found(item(heap, p)));
    }
    if ptr::eq(ty, DICT_TYPE.get()) {
        let d = dict::Dict::cast(container)?;
        return Some(match dict::get_item(heap, d, sub) {
            Ok(Some(v)) => Subscr::Found(v),
            Ok(None) => Subscr::Missing,
            Err(e) => Subscr::Failed(e),
        });
    }
    None
}

/// `STORE_SUBSCR` into an exact list at a compact int index in range
/// (`STORE_SUBSCR_LIST_INT`) or into an exact dict (`STORE_SUBSCR_DICT`); the value comes
/// back (`Err`) when the guard fails.
#[inline]
pub(super) fn store_subscr<'h>(
    heap: &'h Heap,
    container: &PyObject,
    sub: &Obj<'h>,
    value: Obj<'h>,
) -> Result<PyResult<()>, Obj<'h>> {
    let ty = container.ob_type();
    if ptr::eq(ty, LIST_TYPE.get())
        && let Some(i) = long::exact_compact_value(sub.object())
        && let Some(l) = list::List::cast(container)
        && i >= 0
        && (i as usize) < list::list_len(l)
    {
        return Ok(list::set_item(heap, l, i as isize, value));
    }
    if ptr::eq(ty, DICT_TYPE.get())
        && let Some(d) = dict::Dict::cast(container)
    {
        return Ok(dict::set_item(heap, d, sub.clone(), value));
    }
    Err(value)
}

/// `FOR_ITER` over a range, list or tuple iterator (`FOR_ITER_RANGE`, `_LIST`, `_TUPLE`):
/// the next item, `Ok(None)` at the end.
#[inline]
pub(super) fn iter_next<'h>(heap: &'h Heap, it: &PyObject) -> Option<PyResult<Option<Obj<'h>>>> {
    let ty = it.ob_type();
    if ptr::eq(ty, RANGE_ITER_TYPE.get()) {
        return Some(seq::rangeiter_next(heap, it));
    }
    if ptr::eq(ty, LIST_ITER_TYPE.get()) || ptr::eq(ty, TUPLE_ITER_TYPE.get()) {
        return Some(seq::seqiter_next(heap, it));
    }
    None
}

/// The items of an exact tuple or list of exactly `n` items, for `UNPACK_SEQUENCE n`
/// (`UNPACK_SEQUENCE_TWO_TUPLE`, `_TUPLE`, `_LIST`).
#[inline]
pub(super) fn unpack_items(seq: &PyObject, n: usize) -> Option<&[ObjPtr]> {
    let ty = seq.ob_type();
    let items = if ptr::eq(ty, TUPLE_TYPE.get()) {
        tuple::items(tuple::Tuple::cast(seq)?)
    } else if ptr::eq(ty, LIST_TYPE.get()) {
        list::items(list::List::cast(seq)?)
    } else {
        return None;
    };
    (items.len() == n).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operator_table_follows_binary_ops_numbers() {
        // `dis._nb_ops` of CPython 3.12, by `BINARY_OP` argument.
        let symbols = [
            "+",
            "&",
            "//",
            "<<",
            "@",
            "*",
            "%",
            "|",
            "** or pow()",
            ">>",
            "-",
            "/",
            "^",
        ];
        for (n, want) in symbols.iter().enumerate() {
            let got = NB_OPS[n].map_or("@", BinOp::symbol);
            assert_eq!(got, *want, "NB_OPS[{n}]");
            let inplace = NB_OPS[n + NB_INPLACE].map_or("@", BinOp::symbol);
            assert_eq!(inplace, *want, "NB_OPS[{}]", n + NB_INPLACE);
        }
    }
}
