//! The dispatch loop's fast paths for values of the built-in types: what CPython 3.12's
//! specialised instructions do (`Python/bytecodes.c`: `BINARY_OP_ADD_INT`,
//! `BINARY_OP_MULTIPLY_FLOAT`, `COMPARE_OP_INT`, `COMPARE_OP_STR`, `BINARY_SUBSCR_LIST_INT`,
//! `BINARY_SUBSCR_DICT`, `STORE_SUBSCR_LIST_INT`, `FOR_ITER_RANGE`, `UNPACK_SEQUENCE_TUPLE`...),
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

use pyrt_objects::types::dict::{self, DICT_TYPE};
use pyrt_objects::types::float::{self, FLOAT_TYPE};
use pyrt_objects::types::iter::seq::{self, LIST_ITER_TYPE, RANGE_ITER_TYPE, TUPLE_ITER_TYPE};
use pyrt_objects::types::list::{self, LIST_TYPE};
use pyrt_objects::types::long;
use pyrt_objects::types::tuple::{self, TUPLE_TYPE};
use pyrt_objects::types::unicode::{self, STR_TYPE};
use pyrt_objects::{Heap, Obj, ObjPtr, PyObject, PyResult};

/// `NB_*` numbers of `BINARY_OP`'s argument (`Include/opcode.h`), modulo the in-place offset.
mod nb {
    pub const ADD: usize = 0;
    pub const AND: usize = 1;
    pub const FLOOR_DIVIDE: usize = 2;
    pub const MULTIPLY: usize = 5;
    pub const REMAINDER: usize = 6;
    pub const OR: usize = 7;
    pub const POWER: usize = 8;
    pub const SUBTRACT: usize = 10;
    pub const TRUE_DIVIDE: usize = 11;
    pub const XOR: usize = 12;
    /// `NB_INPLACE_ADD`: the in-place forms follow the plain ones.
    pub const INPLACE: usize = 13;
}

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

/// `BINARY_OP oparg` on two compact ints or two floats; `None` when the types do not match or
/// the generic path must answer (division by zero, an operator without a fast form). An int
/// or float operation in place is the plain one (both types are immutable).
#[inline]
pub(super) fn binary_op<'h>(
    heap: &'h Heap,
    oparg: usize,
    l: &PyObject,
    r: &PyObject,
) -> Option<PyResult<Obj<'h>>> {
    let op = oparg % nb::INPLACE;
    if let (Some(a), Some(b)) = (long::exact_compact_value(l), long::exact_compact_value(r)) {
        return int_op(op, a, b).map(|v| long::int_from_i64(heap, v));
    }
    if let (Some(a), Some(b)) = (exact_float(l), exact_float(r)) {
        let v = match op {
            nb::ADD => a + b,
            nb::SUBTRACT => a - b,
            nb::MULTIPLY => a * b,
            nb::TRUE_DIVIDE if b != 0.0 => a / b,
            nb::POWER => float_pow(a, b)?,
            _ => return None,
        };
        return Some(float::new_float(heap, v));
    }
    None
}

/// `float_pow` where it is just C's `pow`: a positive finite base, a finite exponent and a
/// finite result (the other cases are special-cased, raise, or go complex in `float_pow`).
/// Rust's `powf` is the C library's `pow`, the one CPython calls.
#[inline]
fn float_pow(a: f64, b: f64) -> Option<f64> {
    if !(a > 0.0 && a.is_finite() && b.is_finite()) {
        return None;
    }
    let v = a.powf(b);
    v.is_finite().then_some(v)
}

/// An int operator on compact values (each below 2**30 in magnitude, so no result overflows
/// an `i64`): Python's floor division and remainder take the divisor's sign.
#[inline(always)]
fn int_op(op: usize, a: i64, b: i64) -> Option<i64> {
    Some(match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::AND => a & b,
        nb::OR => a | b,
        nb::XOR => a ^ b,
        nb::FLOOR_DIVIDE if b != 0 => {
            let q = a / b;
            if a % b != 0 && (a < 0) != (b < 0) {
                q - 1
            } else {
                q
            }
        }
        nb::REMAINDER if b != 0 => {
            let m = a % b;
            if m != 0 && (m < 0) != (b < 0) {
                m + b
            } else {
                m
            }
        }
        _ => return None,
    })
}

/// `COMPARE_OP` with comparison `cmp` (`oparg >> 4`: `<`, `<=`, `==`, `!=`, `>`, `>=`) on two
/// compact ints, two floats, or (`==` and `!=`) two strs (`COMPARE_OP_INT`, `_FLOAT`, `_STR`).
#[inline]
pub(super) fn compare(cmp: usize, l: &PyObject, r: &PyObject) -> Option<bool> {
    if let (Some(a), Some(b)) = (long::exact_compact_value(l), long::exact_compact_value(r)) {
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
    fn floor_division_and_remainder_take_the_divisors_sign() {
        // Python: 7 // -2 == -4, 7 % -2 == -1, -7 // 2 == -4, -7 % 2 == 1, -7 // -2 == 3.
        let cases = [
            (7, 2, 3, 1),
            (7, -2, -4, -1),
            (-7, 2, -4, 1),
            (-7, -2, 3, -1),
            (6, -3, -2, 0),
            (0, 5, 0, 0),
        ];
        for (a, b, q, m) in cases {
            assert_eq!(int_op(nb::FLOOR_DIVIDE, a, b), Some(q), "{a} // {b}");
            assert_eq!(int_op(nb::REMAINDER, a, b), Some(m), "{a} % {b}");
        }
        assert_eq!(int_op(nb::FLOOR_DIVIDE, 1, 0), None);
        assert_eq!(int_op(nb::REMAINDER, 1, 0), None);
        assert_eq!(int_op(3, 1, 2), None, "<< has no fast form");
    }
}
