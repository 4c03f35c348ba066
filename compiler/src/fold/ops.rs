//! The operators `ast_opt.c` applies to constants (`fold_unaryop`, `fold_binop`,
//! `fold_subscr`), with its safety limits (`safe_multiply`, `safe_power`, `safe_lshift`,
//! `safe_mod`): a result that would be too big to keep in the code object is not folded, nor is
//! an operation that raises (`1/0`, `'a' + 1`, `(1, 2)[5]`).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use ruff_python_ast::{Operator, UnaryOp};

use super::number::{self, FloatPow, Num};
use crate::code::Constant;

/// The largest `int` folding makes, in bits (`MAX_INT_SIZE`).
pub const MAX_INT_SIZE: u64 = 128;
/// The longest tuple repetition folding makes (`MAX_COLLECTION_SIZE`).
pub const MAX_COLLECTION_SIZE: usize = 256;
/// The longest `str`/`bytes` repetition folding makes (`MAX_STR_SIZE`).
pub const MAX_STR_SIZE: usize = 4096;
/// The most items, nested ones counted, of a repeated tuple (`MAX_TOTAL_ITEMS`).
pub const MAX_TOTAL_ITEMS: usize = 1024;

/// The constant as a number operand (`bool` as an `int`), if it is one.
fn as_num(c: &Constant) -> Option<Num> {
    Some(match c {
        Constant::Bool(b) => Num::Int(BigInt::from(*b as u8)),
        Constant::Int(i) => Num::Int(i.clone()),
        Constant::Float(x) => Num::Float(*x),
        Constant::Complex(re, im) => Num::Complex(*re, *im),
        _ => return None,
    })
}

/// The constant as an `int` (`bool` included), if it is one.
fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as u8)),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

/// Python's truth value of a constant (`PyObject_IsTrue`).
pub(super) fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(x) => *x != 0.0,
        Constant::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// `op v` (`fold_unaryop` on a constant operand).
pub(super) fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!is_true(v)));
    }
    Some(match (op, as_num(v)?) {
        (UnaryOp::USub, Num::Int(i)) => Constant::Int(-i),
        (UnaryOp::USub, Num::Float(x)) => Constant::Float(-x),
        (UnaryOp::USub, Num::Complex(re, im)) => Constant::Complex(-re, -im),
        (UnaryOp::UAdd, Num::Int(i)) => Constant::Int(i),
        (UnaryOp::UAdd, Num::Float(x)) => Constant::Float(x),
        (UnaryOp::UAdd, Num::Complex(re, im)) => Constant::Complex(re, im),
        (UnaryOp::Invert, Num::Int(i)) => Constant::Int(-(i + BigInt::from(1))),
        _ => return None,
    })
}

/// `l op r` (`fold_binop` with both operands constant).
pub(super) fn binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    match op {
        Operator::Add => add(l, r),
        Operator::Mult => safe_multiply(l, r),
        // `safe_mod`: `%` on str and bytes is formatting, left to run time.
        Operator::Mod if matches!(l, Constant::Str(_) | Constant::Bytes(_)) => None,
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => bitwise(op, l, r),
        Operator::MatMult => None,
        _ => arithmetic(op, &as_num(l)?, &as_num(r)?),
    }
}

/// `l + r`: numbers, or the concatenation of two sequences of one type.
fn add(l: &Constant, r: &Constant) -> Option<Constant> {
    match (l, r) {
        (Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}").into())),
        (Constant::Bytes(a), Constant::Bytes(b)) => {
            Some(Constant::Bytes([&a[..], b].concat().into()))
        }
        (Constant::Tuple(a), Constant::Tuple(b)) => {
            Some(Constant::Tuple(a.iter().chain(b.iter()).cloned().collect()))
        }
        _ => arithmetic(Operator::Add, &as_num(l)?, &as_num(r)?),
    }
}

/// `&`, `|`, `^`: on ints, and on two bools giving a bool.
fn bitwise(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        return Some(Constant::Bool(match op {
            Operator::BitAnd => a & b,
            Operator::BitOr => a | b,
            _ => a ^ b,
        }));
    }
    let (a, b) = (as_int(l)?, as_int(r)?);
    Some(Constant::Int(match op {
        Operator::BitAnd => a & b,
        Operator::BitOr => a | b,
        _ => a ^ b,
    }))
}

/// How many items a tuple holds with its nested tuples and frozensets, counted down from
/// `limit` (`check_complexity`): negative when over the limit.
fn check_complexity(c: &Constant, mut limit: i64) -> i64 {
    // An explicit work list: constants may nest deeply.
    let mut pending = vec![c];
    while let Some(c) = pending.pop() {
        if limit < 0 {
            break;
        }
        if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
            limit -= items.len() as i64;
            pending.extend(items.iter().rev());
        }
    }
    limit
}

/// `l * r` (`safe_multiply`): ints up to [`MAX_INT_SIZE`] bits together, sequence repetition
/// up to [`MAX_COLLECTION_SIZE`] items, [`MAX_TOTAL_ITEMS`] nested items, or [`MAX_STR_SIZE`]
/// characters.
fn safe_multiply(l: &Constant, r: &Constant) -> Option<Constant> {
    let (count, seq) = match (as_int(l), as_int(r)) {
        (Some(a), Some(b)) => {
            if !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > MAX_INT_SIZE {
                return None;
            }
            return Some(Constant::Int(a * b));
        }
        (Some(n), None) => (n, r),
        (None, Some(n)) => (n, l),
        (None, None) => return arithmetic(Operator::Mult, &as_num(l)?, &as_num(r)?),
    };
    let size = match seq {
        Constant::Tuple(t) | Constant::FrozenSet(t) => t.len(),
        Constant::Str(s) => s.chars().count(),
        Constant::Bytes(b) => b.len(),
        // A float or complex times an int.
        _ => return arithmetic(Operator::Mult, &as_num(l)?, &as_num(r)?),
    };
    // `PyLong_AsLong`, then the repetition's `Py_ssize_t`: both fail on huge counts.
    let n = count.to_i64()?;
    if size != 0 {
        let limit = if matches!(seq, Constant::Str(_) | Constant::Bytes(_)) {
            MAX_STR_SIZE
        } else {
            MAX_COLLECTION_SIZE
        };
        if n < 0 || n as usize > limit / size {
            return None;
        }
        if matches!(seq, Constant::Tuple(_) | Constant::FrozenSet(_))
            && n != 0
            && check_complexity(seq, (MAX_TOTAL_ITEMS as i64) / n) < 0
        {
            return None;
        }
    }
    let times = n.max(0) as usize;
    Some(match seq {
        Constant::Tuple(t) => {
            Constant::Tuple(t.iter().cycle().take(t.len() * times).cloned().collect())
        }
        Constant::Str(s) => Constant::Str(s.repeat(times).into()),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(times).into()),
        // `frozenset * int` is a TypeError.
        _ => return None,
    })
}

/// The numeric operators of the tower int < float < complex.
fn arithmetic(op: Operator, l: &Num, r: &Num) -> Option<Constant> {
    match (l, r) {
        (Num::Int(a), Num::Int(b)) => int_arithmetic(op, a, b),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            complex_arithmetic(op, l.to_complex()?, r.to_complex()?)
        }
        _ => float_arithmetic(op, l.to_float()?, r.to_float()?),
    }
}

fn int_arithmetic(op: Operator, a: &BigInt, b: &BigInt) -> Option<Constant> {
    let int = |i| Some(Constant::Int(i));
    match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        Operator::Mult => int(a * b),
        Operator::Div => Some(Constant::Float(number::int_true_divide(a, b)?)),
        Operator::FloorDiv => int(number::int_divmod(a, b)?.0),
        Operator::Mod => int(number::int_divmod(a, b)?.1),
        Operator::Pow => int_power(a, b),
        Operator::LShift => {
            // `safe_lshift`.
            if !a.is_zero() && !b.is_zero() {
                let shift = b.to_u64()?;
                if shift > MAX_INT_SIZE || a.bits() > MAX_INT_SIZE - shift {
                    return None;
                }
            }
            int(number::int_lshift(a, b)?)
        }
        Operator::RShift => int(number::int_rshift(a, b)?),
        _ => None,
    }
}

/// `a ** b` for ints (`safe_power`, then `long_pow`): a negative exponent makes it a float
/// power.
fn int_power(a: &BigInt, b: &BigInt) -> Option<Constant> {
    if b.is_negative() {
        return float_arithmetic(
            Operator::Pow,
            number::int_to_f64(a)?,
            number::int_to_f64(b)?,
        );
    }
    if a.is_zero() || b.is_zero() {
        return Some(Constant::Int(BigInt::from(u8::from(b.is_zero()))));
    }
    let exponent = b.to_u64()?;
    if a.bits() > MAX_INT_SIZE / exponent {
        return None;
    }
    // Within the limit the exponent is at most 128.
    Some(Constant::Int(a.pow(exponent as u32)))
}

fn float_arithmetic(op: Operator, a: f64, b: f64) -> Option<Constant> {
    let float = |x| Some(Constant::Float(x));
    match op {
        Operator::Add => float(a + b),
        Operator::Sub => float(a - b),
        Operator::Mult => float(a * b),
        Operator::Div if b == 0.0 => None,
        Operator::Div => float(a / b),
        Operator::FloorDiv => float(number::float_divmod(a, b)?.0),
        Operator::Mod => float(number::float_mod(a, b)?),
        Operator::Pow => match number::float_pow(a, b)? {
            FloatPow::Float(x) => float(x),
            FloatPow::Complex => complex_arithmetic(op, (a, 0.0), (b, 0.0)),
        },
        _ => None,
    }
}

fn complex_arithmetic(op: Operator, a: (f64, f64), b: (f64, f64)) -> Option<Constant> {
    let (re, im) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        Operator::Mult => number::c_prod(a, b),
        Operator::Div => number::c_quot(a, b)?,
        Operator::Pow => number::complex_pow(a, b)?,
        _ => return None,
    };
    Some(Constant::Complex(re, im))
}

/// `v[i]` for a constant sequence and index (`fold_subscr`): tuples, strings and bytes by an
/// int (or bool) index, negative indexes counting from the end.
pub(super) fn subscript(v: &Constant, index: &Constant) -> Option<Constant> {
    let index = as_int(index)?.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let i = if index < 0 { index + len as i64 } else { index };
        (0..len as i64).contains(&i).then_some(i as usize)
    };
    match v {
        Constant::Tuple(items) => Some(items[at(items.len())?].clone()),
        Constant::Bytes(b) => Some(Constant::Int(BigInt::from(b[at(b.len())?]))),
        Constant::Str(s) => {
            let i = at(s.chars().count())?;
            let c = s.chars().nth(i).expect("index in range");
            Some(Constant::Str(Rc::from(c.to_string())))
        }
        _ => None,
    }
}

/// Python's `a == b` between constants, for the items of a folded frozenset: numbers compare
/// by value across types, containers item by item, NaN equals nothing.
pub(super) fn py_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        (Constant::Code(x), Constant::Code(y)) => Rc::ptr_eq(x, y),
        _ => match (as_num(a), as_num(b)) {
            (Some(x), Some(y)) => num_eq(&x, &y),
            _ => false,
        },
    }
}

/// Numeric equality across int, float and complex, exact (`1 == 1.0`, `2**53 + 1 != 2.0**53`).
fn num_eq(a: &Num, b: &Num) -> bool {
    let int_eq_float = |i: &BigInt, x: f64| {
        x.is_finite() && x.fract() == 0.0 && BigInt::from_f64(x).as_ref() == Some(i)
    };
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(x)) | (Num::Float(x), Num::Int(i)) => int_eq_float(i, *x),
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Complex(re, im), other) | (other, Num::Complex(re, im)) => {
            *im == 0.0
                && match other {
                    Num::Complex(re2, im2) => re == re2 && im == im2,
                    Num::Float(x) => re == x,
                    Num::Int(i) => int_eq_float(i, *re),
                }
        }
    }
}
