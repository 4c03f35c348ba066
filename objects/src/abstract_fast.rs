//! The short paths of [`crate::abstract_`]'s number operators for two operands of the same
//! exact built-in type: two `float`s, or two one-digit `int`s. CPython's specialising
//! interpreter has the same shortcuts (`BINARY_OP_ADD_FLOAT`, `BINARY_OP_ADD_INT`, ... in
//! `Python/bytecodes.c`), which skip `binary_op1`'s slot lookups; here they sit in the
//! abstract layer's entry so every caller (the VM, the built-ins) takes them.
//!
//! They change nothing observable: for two exact floats or two exact ints, `binary_op1` calls
//! exactly `float_add` (or `long_add`, ...) of the left operand, which runs no Python code; the
//! shortcuts compute the same IEEE double (or the same integer) and make the result through the
//! same constructors ([`float::new_float`], with its free list, and [`long::int_from_i64`], with
//! its small-int cache). Whatever they do not handle (a zero divisor, `**` of ints and of
//! floats outside the positive finite case, shifts, a wide int)
//! returns `None` and takes the general path, which raises CPython's errors.

use crate::abstract_::BinOp;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::{FLOAT_TYPE, INT_TYPE, float, long};

/// `v op w` when `v` and `w` are both exactly `float`, or both exactly `int` of at most one
/// digit, for the operators whose result needs no error check; `None` for anything else
/// (the caller takes the general path).
#[inline]
pub fn binary_exact_builtins<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> Option<PyResult<Obj<'h>>> {
    let ty = v.ob_type();
    if !core::ptr::eq(ty, w.ob_type()) {
        return None;
    }
    if core::ptr::eq(ty, FLOAT_TYPE.get()) {
        let (a, b) = (float::Float::cast(v)?, float::Float::cast(w)?);
        let r = float_exact(float::float_value(a), float::float_value(b), op)?;
        return Some(float::new_float(heap, r));
    }
    if core::ptr::eq(ty, INT_TYPE.get()) {
        let (a, b) = (long::Int::cast(v)?, long::Int::cast(w)?);
        let (x, y) = (long::compact_value(a)?, long::compact_value(b)?);
        let r = int_compact(x, y, op)?;
        return Some(long::int_from_i64(heap, r));
    }
    None
}

/// `x op y` for two floats, as `float_add`, `float_sub`, `float_mul`, `float_div` and
/// `float_pow` compute it; `None` for other operators, for a zero divisor (`ZeroDivisionError`,
/// raised by the general path), and for `**` outside its plain case.
#[inline]
pub fn float_exact(x: f64, y: f64, op: BinOp) -> Option<f64> {
    Some(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        BinOp::Pow => float_pow_plain(x, y)?,
        _ => return None,
    })
}

/// `x ** y` for a positive finite base and a finite exponent: libm's `pow`, as `float_pow`
/// calls it, when the result is finite; `None` otherwise (a zero, negative, infinite or nan
/// operand has `float_pow`'s special cases; an infinite result is its `OverflowError`).
#[inline]
fn float_pow_plain(x: f64, y: f64) -> Option<f64> {
    if !(x > 0.0 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let r = x.powf(y);
    r.is_finite().then_some(r)
}

/// `x op y` for two one-digit ints (|x|, |y| < 2**30, so no result overflows an `i64`), with
/// Python's floor division and modulo (the remainder takes the divisor's sign); `None` for
/// other operators and for a zero divisor.
#[inline]
pub fn int_compact(x: i64, y: i64, op: BinOp) -> Option<i64> {
    debug_assert!(x.unsigned_abs() < 1 << 30 && y.unsigned_abs() < 1 << 30);
    Some(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv if y != 0 => floor_div_mod(x, y).0,
        BinOp::Mod if y != 0 => floor_div_mod(x, y).1,
        _ => return None,
    })
}

/// Python's `divmod` of two machine ints (`y != 0`, no overflow: |x| < 2**30): the quotient
/// rounded toward minus infinity and the remainder with the sign of `y`.
#[inline]
fn floor_div_mod(x: i64, y: i64) -> (i64, i64) {
    let (q, r) = (x / y, x % y);
    if r != 0 && (r < 0) != (y < 0) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abstract_::{binary_op, binary_op_general};
    use proptest::prelude::*;

    const OPS: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::DivMod,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];

    /// What a result is, to compare two paths: the type, `repr`, and for floats the bits
    /// (`-0.0` and the nans' payloads included); an error's message.
    fn outcome(heap: &Heap, r: PyResult<Obj<'_>>) -> (String, String, Option<u64>) {
        match r {
            Ok(v) => {
                let bits = float::Float::cast(v.object()).map(|f| float::float_value(f).to_bits());
                let repr = crate::abstract_::repr(heap, v.object()).unwrap();
                (v.ob_type().name().to_owned(), repr, bits)
            }
            Err(e) => ("error".to_owned(), format!("{e:?}"), None),
        }
    }

    /// Compact ints: around zero, the small-int cache's ends and the one-digit limits.
    fn compact() -> impl Strategy<Value = i64> {
        let limit = (1i64 << 30) - 1;
        prop_oneof![
            -300i64..300,
            -limit..=limit,
            prop::sample::select(vec![0, -5, 256, 257, -6, limit, -limit, 1, -1]),
        ]
    }

    /// Floats: any bit pattern (nans, infinities, subnormals, -0.0) and ordinary values.
    fn double() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<u64>().prop_map(f64::from_bits),
            -1e6f64..1e6,
            prop::sample::select(vec![
                0.0,
                -0.0,
                1.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn compact_ints_take_the_general_paths_answers(x in compact(), y in compact()) {
            let heap = Heap::new();
            let (a, b) = (long::int_from_i64(&heap, x).unwrap(), long::int_from_i64(&heap, y).unwrap());
            // `**` and `<<` take the general path (checked below); huge powers and shifts of
            // random operands would only make the test slow.
            for op in OPS.into_iter().filter(|op| !matches!(op, BinOp::Pow | BinOp::LShift)) {
                let fast = binary_op(&heap, a.object(), b.object(), op);
                let general = binary_op_general(&heap, a.object(), b.object(), op);
                prop_assert_eq!(outcome(&heap, fast), outcome(&heap, general), "{} {:?} {}", x, op, y);
            }
        }

        #[test]
        fn exact_floats_take_the_general_paths_answers(x in double(), y in double()) {
            let heap = Heap::new();
            let (a, b) = (float::new_float(&heap, x).unwrap(), float::new_float(&heap, y).unwrap());
            for op in OPS {
                let fast = binary_op(&heap, a.object(), b.object(), op);
                let general = binary_op_general(&heap, a.object(), b.object(), op);
                prop_assert_eq!(outcome(&heap, fast), outcome(&heap, general), "{} {:?} {}", x, op, y);
            }
        }
    }

    #[test]
    fn small_results_are_the_cached_ints() {
        let heap = Heap::new();
        let (a, b) = (
            long::int_from_i64(&heap, 200).unwrap(),
            long::int_from_i64(&heap, 56).unwrap(),
        );
        let sum = binary_op(&heap, a.object(), b.object(), BinOp::Add).unwrap();
        let cached = long::int_from_i64(&heap, 256).unwrap();
        assert!(sum.is(&cached), "200 + 56 is the cached 256");
        let big = binary_op(&heap, sum.object(), b.object(), BinOp::Add).unwrap();
        assert_eq!(long::object_as_i64(big.object()), Some(312));
    }

    #[test]
    fn floor_division_and_modulo_follow_python_signs() {
        // CPython 3.12: divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(-6, 3)
        assert_eq!(floor_div_mod(7, 2), (3, 1));
        assert_eq!(floor_div_mod(-7, 2), (-4, 1));
        assert_eq!(floor_div_mod(7, -2), (-4, -1));
        assert_eq!(floor_div_mod(-7, -2), (3, -1));
        assert_eq!(floor_div_mod(-6, 3), (-2, 0));
    }

    #[test]
    fn zero_divisors_and_unhandled_operators_take_the_general_path() {
        assert_eq!(int_compact(1, 0, BinOp::FloorDiv), None);
        assert_eq!(int_compact(1, 0, BinOp::Mod), None);
        assert_eq!(int_compact(1, 2, BinOp::Pow), None);
        assert_eq!(int_compact(1, 2, BinOp::LShift), None);
        assert_eq!(float_exact(1.0, 0.0, BinOp::TrueDiv), None);
        assert_eq!(float_exact(1.0, -0.0, BinOp::TrueDiv), None);
        assert_eq!(float_exact(-1.0, 0.5, BinOp::Pow), None);
        assert_eq!(float_exact(0.0, -1.0, BinOp::Pow), None);
        assert_eq!(float_exact(10.0, 400.0, BinOp::Pow), None);
        assert_eq!(float_exact(f64::INFINITY, 2.0, BinOp::Pow), None);
        assert_eq!(float_exact(4.0, 0.5, BinOp::Pow), Some(2.0));
        assert_eq!(float_exact(1.0, 2.0, BinOp::Mod), None);
    }
}
