//! Property tests of `int` objects: random operands at and around the 30-bit digit boundaries,
//! negative numbers and large values; every operator's result, `repr`, `hash` and `getsizeof`
//! checked against `num-bigint` and CPython's formulas.

use num_bigint::BigInt;
use proptest::prelude::*;
use pyrt::{Bound, PyResult, Runtime};

/// Operands: small, digit boundaries ±(2**(30k) ± 1), and random values up to ~400 bits.
fn operand() -> impl Strategy<Value = BigInt> {
    let boundary = (0u32..6, -2i64..=2, any::<bool>()).prop_map(|(k, d, neg)| {
        let v = (BigInt::from(1) << (30 * k)) + d;
        if neg { -v } else { v }
    });
    let random =
        (prop::collection::vec(any::<u32>(), 1..14), any::<bool>()).prop_map(|(words, neg)| {
            let v = BigInt::from_slice(num_bigint::Sign::Plus, &words);
            if neg { -v } else { v }
        });
    prop_oneof![3 => (-300i64..300).prop_map(BigInt::from), 3 => boundary, 4 => random]
}

/// Python's floor division and modulo from num-bigint's truncating ones.
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (mut q, mut r) = (a / b, a % b);
    if r != BigInt::from(0) && (r < BigInt::from(0)) != (*b < BigInt::from(0)) {
        q -= 1;
        r += b;
    }
    (q, r)
}

/// CPython's `int.__sizeof__` + 0: 24 + 4 per 30-bit digit, at least one.
fn cpython_size(v: &BigInt) -> usize {
    let bits = v.bits() as usize;
    24 + 4 * bits.div_ceil(30).max(1)
}

/// CPython's `long_hash`: the magnitude modulo 2**61 - 1, signed, -1 mapped to -2.
fn cpython_hash(v: &BigInt) -> i64 {
    let m = BigInt::from((1u64 << 61) - 1);
    let mag: BigInt = v.magnitude().clone().into();
    let h = i64::try_from(mag % &m).unwrap();
    let h = if *v < BigInt::from(0) { -h } else { h };
    if h == -1 { -2 } else { h }
}

fn text(r: PyResult<Bound<'_>>) -> String {
    match r {
        Ok(v) => v.repr().unwrap(),
        Err(e) => e.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(256)))]

    #[test]
    fn int_objects_compute_like_python(a in operand(), b in operand()) {
        Runtime::new().with(|py| {
            let x = py.int_from_str(&a.to_string()).unwrap();
            let y = py.int_from_str(&b.to_string()).unwrap();
            prop_assert_eq!(x.repr().unwrap(), a.to_string());
            prop_assert_eq!(x.getsizeof(), cpython_size(&a));
            prop_assert_eq!(x.hash().unwrap(), cpython_hash(&a));
            prop_assert_eq!(text(x.add(&y)), (&a + &b).to_string());
            prop_assert_eq!(text(x.sub(&y)), (&a - &b).to_string());
            prop_assert_eq!(text(x.mul(&y)), (&a * &b).to_string());
            prop_assert_eq!(text(x.bitand(&y)), (&a & &b).to_string());
            prop_assert_eq!(text(x.bitor(&y)), (&a | &b).to_string());
            prop_assert_eq!(text(x.bitxor(&y)), (&a ^ &b).to_string());
            prop_assert_eq!(text(x.invert()), (-&a - BigInt::from(1)).to_string());
            prop_assert_eq!(text(x.neg()), (-&a).to_string());
            if b == BigInt::from(0) {
                prop_assert_eq!(text(x.floordiv(&y)), "ZeroDivisionError: integer division or modulo by zero");
                prop_assert_eq!(text(x.rem(&y)), "ZeroDivisionError: integer modulo by zero");
            } else {
                let (q, r) = floor_divmod(&a, &b);
                prop_assert_eq!(text(x.floordiv(&y)), q.to_string());
                prop_assert_eq!(text(x.rem(&y)), r.to_string());
                prop_assert_eq!(text(x.divmod(&y)), format!("({q}, {r})"));
            }
            let shift = (&b % 200i32 + 200i32) % 200i32;
            let s = py.int_from_str(&shift.to_string()).unwrap();
            let n = usize::try_from(&shift).unwrap();
            prop_assert_eq!(text(x.lshift(&s)), (&a << n).to_string());
            prop_assert_eq!(text(x.rshift(&s)), (&a >> n).to_string());
            let e = py.int(i64::try_from(&shift).unwrap() % 7).unwrap();
            prop_assert_eq!(text(x.pow(&e)), a.pow(u32::try_from(&shift % 7i32).unwrap()).to_string());
            let cmp = x.rich_compare_bool(&y, pyrt::CompareOp::Lt).unwrap();
            prop_assert_eq!(cmp, a < b);
            Ok(())
        })?;
    }
}
