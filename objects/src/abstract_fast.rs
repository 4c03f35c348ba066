//! The short paths of [`crate::abstract_`]'s number operators for two operands of the same
//! exact built-in type: two `float`s, or two `int`s of at most two digits (machine words). CPython's specialising
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

/// `v op w` when `v` and `w` are both exactly `float`, or both exactly `int` of at most two
/// digits, for the operators whose result needs no error check; `None` for anything else
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
        let (x, y) = (long::medium_value(a)?, long::medium_value(b)?);
        let r = int_medium(x, y, op)?;
        return Some(long::int_from_i128(heap, r));
    }
    None
}

/// [`binary_exact_builtins`] on two owned operands, as the specialised `BINARY_OP_*_FLOAT` and
/// `_INT` instructions of CPython 3.12 treat their stack: `+`, `-` and `*` of floats reuse an
/// operand held only by the caller for the result (`DECREF_INPUTS_AND_REUSE_FLOAT`), and the
/// operands are released with their types' deallocation called directly
/// (`_Py_DECREF_SPECIALIZED`; the right operand first for `+`, `-` and `*` of ints, as
/// `BINARY_OP_ADD_INT` does, the left first for the int operators 3.12 does not specialise).
///
/// # Errors
/// `Err` gives the operands back, untouched, when the general path must answer.
#[inline]
#[allow(clippy::type_complexity)]
pub fn binary_exact_builtins_owned<'h>(
    heap: &'h Heap,
    v: Obj<'h>,
    w: Obj<'h>,
    op: BinOp,
) -> Result<PyResult<Obj<'h>>, (Obj<'h>, Obj<'h>)> {
    let ty = v.ob_type();
    if !core::ptr::eq(ty, w.ob_type()) {
        return Err((v, w));
    }
    if core::ptr::eq(ty, FLOAT_TYPE.get()) {
        // SAFETY: both are exact floats.
        let (x, y) = unsafe {
            (
                float::float_value(float::Float::cast_unchecked(v.object())),
                float::float_value(float::Float::cast_unchecked(w.object())),
            )
        };
        let Some(r) = float_exact(x, y, op) else {
            return Err((v, w));
        };
        if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul) {
            return Ok(float::reuse_or_new(v, w, r));
        }
        let result = float::new_float(heap, r);
        float::release_exact(v);
        float::release_exact(w);
        return Ok(result);
    }
    if core::ptr::eq(ty, INT_TYPE.get()) {
        // SAFETY: both are exact ints.
        let (x, y) = unsafe {
            (
                long::medium_value(long::Int::cast_unchecked(v.object())),
                long::medium_value(long::Int::cast_unchecked(w.object())),
            )
        };
        let Some(r) = x.zip(y).and_then(|(x, y)| int_medium(x, y, op)) else {
            return Err((v, w));
        };
        let result = long::int_from_i128(heap, r);
        if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul) {
            // `BINARY_OP_ADD_INT`, `_SUBTRACT_INT`, `_MULTIPLY_INT`: the right one first.
            long::release_exact(w);
            long::release_exact(v);
        } else {
            // 3.12 does not specialise the other int operators: the generic `BINARY_OP`'s
            // `DECREF_INPUTS`, the left one first.
            long::release_exact(v);
            long::release_exact(w);
        }
        return Ok(result);
    }
    Err((v, w))
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

/// `x op y` for two ints of at most two digits (|x|, |y| < 2**60: no sum, difference or
/// quotient overflows an `i64`, and a product fits an `i128` multiplied in one instruction),
/// with Python's floor division and modulo (the remainder takes the divisor's sign) in 64-bit
/// machine division, as CPython's one-digit paths; `None` for other operators and for a zero
/// divisor.
#[inline]
pub fn int_medium(x: i64, y: i64, op: BinOp) -> Option<i128> {
    debug_assert!(x.unsigned_abs() < 1 << 60 && y.unsigned_abs() < 1 << 60);
    Some(match op {
        BinOp::Add => i128::from(x + y),
        BinOp::Sub => i128::from(x - y),
        BinOp::Mul => i128::from(x) * i128::from(y),
        BinOp::And => i128::from(x & y),
        BinOp::Or => i128::from(x | y),
        BinOp::Xor => i128::from(x ^ y),
        BinOp::FloorDiv if y != 0 => i128::from(floor_div_mod(x, y).0),
        BinOp::Mod if y != 0 => i128::from(floor_div_mod(x, y).1),
        _ => return None,
    })
}

/// Python's `divmod` of two machine ints (`y != 0`, no overflow: |x| < 2**60): the quotient
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

    /// Ints of one and two digits: around zero, the small-int cache's ends, the one- and
    /// two-digit limits.
    fn compact() -> impl Strategy<Value = i64> {
        let limit = (1i64 << 30) - 1;
        let wide = (1i64 << 60) - 1;
        prop_oneof![
            -300i64..300,
            -limit..=limit,
            -wide..=wide,
            prop::sample::select(vec![
                0,
                -5,
                256,
                257,
                -6,
                limit,
                -limit,
                limit + 1,
                -limit - 1,
                wide,
                -wide,
                1,
                -1
            ]),
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

        #[test]
        fn owned_operands_take_the_general_paths_answers(
            x in compact(), y in compact(), f in double(), g in double(), shared in any::<bool>()
        ) {
            let heap = Heap::new();
            for op in OPS.into_iter().filter(|op| !matches!(op, BinOp::Pow | BinOp::LShift)) {
                let (a, b) = (long::int_from_i64(&heap, x).unwrap(), long::int_from_i64(&heap, y).unwrap());
                let general = outcome(&heap, binary_op_general(&heap, a.object(), b.object(), op));
                let keep = shared.then(|| (a.clone(), b.clone()));
                let owned = match binary_exact_builtins_owned(&heap, a, b, op) {
                    Ok(r) => r,
                    Err((a, b)) => binary_op_general(&heap, a.object(), b.object(), op),
                };
                prop_assert_eq!(outcome(&heap, owned), general, "{} {:?} {}", x, op, y);
                drop(keep);
            }
            for op in OPS {
                let (a, b) = (float::new_float(&heap, f).unwrap(), float::new_float(&heap, g).unwrap());
                let general = outcome(&heap, binary_op_general(&heap, a.object(), b.object(), op));
                let keep = shared.then(|| (a.clone(), b.clone()));
                let owned = match binary_exact_builtins_owned(&heap, a, b, op) {
                    Ok(r) => r,
                    Err((a, b)) => binary_op_general(&heap, a.object(), b.object(), op),
                };
                prop_assert_eq!(outcome(&heap, owned), general, "{} {:?} {}", f, op, g);
                if let Some((a, b)) = keep {
                    prop_assert_eq!(float::float_value(a.cast::<float::Float>().unwrap()).to_bits(), f.to_bits());
                    prop_assert_eq!(float::float_value(b.cast::<float::Float>().unwrap()).to_bits(), g.to_bits());
                }
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

    fn value(o: &Obj<'_>) -> f64 {
        float::float_value(o.cast::<float::Float>().unwrap())
    }

    #[test]
    fn float_operands_held_only_by_the_caller_carry_the_result() {
        // `DECREF_INPUTS_AND_REUSE_FLOAT`: the left operand if only the caller holds it, else
        // the right one, else a new float; a dead operand goes to the free list.
        let heap = Heap::new();
        let (a, b) = (
            float::new_float(&heap, 1.5).unwrap(),
            float::new_float(&heap, 2.25).unwrap(),
        );
        let left = a.as_ptr();
        let r = binary_exact_builtins_owned(&heap, a, b, BinOp::Add)
            .ok()
            .unwrap()
            .unwrap();
        assert_eq!((r.as_ptr(), value(&r)), (left, 3.75));
        assert_eq!(heap.floats.len(), 1, "the right operand died");

        let kept = float::new_float(&heap, 4.0).unwrap();
        let right = float::new_float(&heap, 0.5).unwrap();
        let rp = right.as_ptr();
        let r2 = binary_exact_builtins_owned(&heap, kept.clone(), right, BinOp::Mul)
            .ok()
            .unwrap()
            .unwrap();
        assert_eq!((r2.as_ptr(), value(&r2)), (rp, 2.0));
        assert_eq!((kept.object().refcnt(), value(&kept)), (1, 4.0));

        let r3 = binary_exact_builtins_owned(&heap, kept.clone(), r2.clone(), BinOp::Sub)
            .ok()
            .unwrap()
            .unwrap();
        assert!(r3.as_ptr() != kept.as_ptr() && r3.as_ptr() != r2.as_ptr());
        assert_eq!((value(&r3), value(&kept), value(&r2)), (2.0, 4.0, 2.0));
        assert_eq!((kept.object().refcnt(), r2.object().refcnt()), (1, 1));

        // `/` is not specialised in 3.12: always a new float.
        let d = float::new_float(&heap, 1.0).unwrap();
        let dp = d.as_ptr();
        let q = binary_exact_builtins_owned(&heap, d, r3, BinOp::TrueDiv)
            .ok()
            .unwrap()
            .unwrap();
        assert_eq!(value(&q), 0.5);
        assert!(q.as_ptr() != dp);
    }

    #[test]
    fn two_digit_ints_take_the_machine_word_path() {
        let heap = Heap::new();
        let big = long::int_from_i64(&heap, 40_000_000_000).unwrap();
        let k = long::int_from_i64(&heap, 1000).unwrap();
        assert_eq!(
            int_medium(40_000_000_000, 1000, BinOp::Mod),
            Some(0),
            "a two-digit operand is a machine word"
        );
        let r = binary_exact_builtins_owned(&heap, big.clone(), big.clone(), BinOp::Mul)
            .ok()
            .unwrap()
            .unwrap();
        assert_eq!(
            long::long_value(r.cast().unwrap())
                .to_string_radix10()
                .unwrap(),
            "1600000000000000000000"
        );
        assert_eq!((big.object().refcnt(), k.object().refcnt()), (1, 1));
        // Past two digits the general path answers.
        assert!(binary_exact_builtins_owned(&heap, r, k, BinOp::Add).is_err());
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
        assert_eq!(int_medium(1, 0, BinOp::FloorDiv), None);
        assert_eq!(int_medium(1, 0, BinOp::Mod), None);
        assert_eq!(int_medium(1, 2, BinOp::Pow), None);
        assert_eq!(int_medium(1, 2, BinOp::LShift), None);
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
