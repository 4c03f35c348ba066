//! Property tests against num-bigint: every operation on random values, biased toward digit
//! boundaries, carries and quotient estimates.

use super::*;
use crate::long_digits::error::{
    DIVISION_BY_ZERO, MODULO_BY_ZERO, NOT_INVERTIBLE, POW_MODULUS_ZERO,
};

proptest! {
    #[test]
    fn prop_add_sub_mul_neg_abs(a in val(), b in val()) {
        let (x, y) = (to_big(&a), to_big(&b));
        check(&a.add(&b), &(&x + &y))?;
        check(&a.sub(&b), &(&x - &y))?;
        check(&a.mul(&b), &(&x * &y))?;
        check(&a.neg(), &-&x)?;
        check(&a.abs(), &x.abs())?;
        check(&a.invert(), &!&x)?;
    }

    #[test]
    fn prop_divmod_is_floor(a in val(), b in val()) {
        let (x, y) = (to_big(&a), to_big(&b));
        if y.is_zero() {
            prop_assert_eq!(a.divmod(&b), Err(LongError::ZeroDivision(DIVISION_BY_ZERO)));
            prop_assert_eq!(a.rem(&b), Err(LongError::ZeroDivision(MODULO_BY_ZERO)));
            return Ok(());
        }
        let (q, r) = floor_divmod(&x, &y);
        let (aq, ar) = a.divmod(&b).unwrap();
        check(&aq, &q)?;
        check(&ar, &r)?;
        check(&a.floordiv(&b).unwrap(), &q)?;
        check(&a.rem(&b).unwrap(), &r)?;
    }

    #[test]
    fn prop_cmp_and_conversions(a in val(), b in val()) {
        let (x, y) = (to_big(&a), to_big(&b));
        prop_assert_eq!(a.cmp(&b), x.cmp(&y));
        prop_assert_eq!(a.partial_cmp(&b), Some(x.cmp(&y)));
        prop_assert_eq!(a == b, x == y);
        prop_assert_eq!(a.bit_length(), x.bits());
        prop_assert_eq!(a.to_i64(), x.to_i64());
        prop_assert_eq!(a.to_u64(), x.to_u64());
        prop_assert_eq!(a.to_i128(), x.to_i128());
        prop_assert_eq!(a.is_zero(), x.is_zero());
        prop_assert_eq!(a.is_negative(), x.is_negative());
    }

    #[test]
    fn prop_from_native_integers(v in any::<i128>(), w in any::<u64>(), z in any::<i64>()) {
        check(&LongValue::from_i128(v), &BigInt::from(v))?;
        check(&LongValue::from_u128(v as u128), &BigInt::from(v as u128))?;
        check(&LongValue::from_u64(w), &BigInt::from(w))?;
        check(&LongValue::from_i64(z), &BigInt::from(z))?;
        prop_assert_eq!(LongValue::from_i128(v).to_i128(), Some(v));
        prop_assert_eq!(LongValue::from_i64(z).to_i64(), Some(z));
        prop_assert_eq!(LongValue::from_u64(w).to_u64(), Some(w));
    }

    #[test]
    fn prop_bitwise_twos_complement(a in val(), b in val()) {
        let (x, y) = (to_big(&a), to_big(&b));
        check(&a.bitand(&b), &(&x & &y))?;
        check(&a.bitor(&b), &(&x | &y))?;
        check(&a.bitxor(&b), &(&x ^ &y))?;
    }

    #[test]
    fn prop_shifts(a in val(), n in prop_oneof![0u32..100, 0u32..2500]) {
        let x = to_big(&a);
        let count = LongValue::from_u64(u64::from(n));
        check(&a.shl(&count).unwrap(), &(&x << n))?;
        let (q, _) = floor_divmod(&x, &(BigInt::one() << n));
        check(&a.shr(&count).unwrap(), &q)?;
    }

    #[test]
    fn prop_hash(a in val()) {
        prop_assert_eq!(a.hash(), reference_hash(&to_big(&a)));
    }

    #[test]
    fn prop_decimal_round_trip(a in val()) {
        let text = a.to_string_radix10().unwrap();
        prop_assert_eq!(&text, &to_big(&a).to_string());
        prop_assert_eq!(a.to_string(), text.clone());
        prop_assert_eq!(LongValue::parse(&text), Ok(a.clone()));
        let spaced = format!(" \t{text}\u{3000}\n");
        prop_assert_eq!(LongValue::parse(&spaced), Ok(a));
    }

    #[test]
    fn prop_underscores_between_digits(a in val(), seed in any::<u64>()) {
        let text = a.abs().to_string_radix10().unwrap();
        let mut with = String::new();
        for (i, c) in text.chars().enumerate() {
            if i > 0 && (seed >> (i % 64)) & 1 == 1 {
                with.push('_');
            }
            with.push(c);
        }
        prop_assert_eq!(LongValue::parse(&with), Ok(a.abs()));
    }

    #[test]
    fn prop_radix_round_trip(a in val(), base in 2u32..=36) {
        let text = a.to_string_radix(base, false);
        prop_assert_eq!(&text, &to_big(&a).to_str_radix(base));
        prop_assert_eq!(LongValue::parse_with_limit(&text, base, 0), Ok(a.clone()));
        let upper = text.to_ascii_uppercase();
        prop_assert_eq!(LongValue::parse_with_limit(&upper, base, 0), Ok(a));
    }

    #[test]
    fn prop_prefixed_round_trip(a in val(), which in 0usize..3) {
        let (base, prefix) = [(2, "0b"), (8, "0o"), (16, "0x")][which];
        let text = a.to_string_radix(base, true);
        let magnitude = to_big(&a).magnitude().to_str_radix(base);
        let sign = if a.is_negative() { "-" } else { "" };
        prop_assert_eq!(&text, &format!("{sign}{prefix}{magnitude}"));
        prop_assert_eq!(LongValue::parse_radix(&text, 0), Ok(a.clone()));
        prop_assert_eq!(LongValue::parse_radix(&text, base), Ok(a));
    }

    #[test]
    fn prop_to_f64_correctly_rounded(a in prop_oneof![val(), long(40)]) {
        // Rust's float parser rounds correctly (ties to even), independently of us.
        let expected: f64 = to_big(&a).to_string().parse().unwrap();
        match a.to_f64() {
            Ok(f) => prop_assert_eq!(f.to_bits(), expected.to_bits()),
            Err(e) => {
                prop_assert!(expected.is_infinite());
                prop_assert_eq!(e.message(), "int too large to convert to float");
            }
        }
    }

    #[test]
    fn prop_from_f64_truncates(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let v = LongValue::from_f64(x).unwrap();
        v.check_invariants();
        prop_assert_eq!(v.to_f64().unwrap().to_bits(), (x.trunc() + 0.0).to_bits());
    }

    #[test]
    fn prop_true_div_correctly_rounded(a in val(), b in val(), tiny in any::<bool>()) {
        // `tiny` divides by a large power of two to reach subnormal results.
        let scale = LongValue::one().shl(&LongValue::from_i64(1060)).unwrap();
        let b = if tiny { b.mul(&scale) } else { b };
        let (x, y) = (to_big(&a), to_big(&b));
        match a.true_div(&b) {
            Ok(f) => {
                prop_assert!(is_nearest_float(&x, &y, f), "{} / {} gave {:e}", x, y, f);
                let negative = x.is_negative() != y.is_negative();
                prop_assert_eq!(f.is_sign_negative(), negative);
            }
            Err(LongError::ZeroDivision(m)) => {
                prop_assert!(y.is_zero() && m == "division by zero");
            }
            Err(e) => {
                prop_assert_eq!(e.message(), "integer division result too large for a float");
                // |x / y| >= 2**1024 - 2**970, the midpoint between f64::MAX and 2**1024.
                let limit = (BigInt::one() << 1024u32) - (BigInt::one() << 970u32);
                prop_assert!(x.abs() >= limit * y.abs());
            }
        }
    }

    /// Exact ties: 54 significant bits ending in 1, scaled by powers of two, for both
    /// `float(int)` and `int / int`.
    #[test]
    fn prop_ties_round_to_even(
        m in any::<u64>(),
        k in 0u32..960,
        j in 0u32..1200,
        negative in any::<bool>(),
    ) {
        let odd54 = (m & ((1 << 54) - 1)) | (1 << 53) | 1;
        let x = BigInt::from(odd54) << k;
        let x = if negative { -x } else { x };
        let a = from_big(&x);
        let expected: f64 = x.to_string().parse().unwrap();
        prop_assert_eq!(a.to_f64().map(f64::to_bits), Ok(expected.to_bits()));
        let y = BigInt::one() << j;
        let f = a.true_div(&from_big(&y)).unwrap();
        prop_assert!(is_nearest_float(&x, &y, f));
    }

    #[test]
    fn prop_pow(a in long(6), e in 0u32..40) {
        let x = to_big(&a);
        check(&a.pow(&LongValue::from_u64(u64::from(e))).unwrap(), &x.pow(e))?;
    }

    #[test]
    fn prop_pow_mod(a in long(12), e in long(4), m in long(8)) {
        let (x, y, z) = (to_big(&a), to_big(&e), to_big(&m));
        let got = a.pow_mod(&e, &m);
        if z.is_zero() {
            prop_assert_eq!(got, Err(LongError::Value(POW_MODULUS_ZERO.to_owned())));
            return Ok(());
        }
        if z.abs().is_one() {
            check(&got.unwrap(), &BigInt::zero())?;
            return Ok(());
        }
        let base = if y.is_negative() { reference_inverse(&x, &z.abs()) } else { Some(x) };
        match base {
            Some(base) => check(&got.unwrap(), &base.modpow(&y.abs(), &z))?,
            None => prop_assert_eq!(got, Err(LongError::Value(NOT_INVERTIBLE.to_owned()))),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Operands past KARATSUBA_CUTOFF, balanced and lopsided.
    #[test]
    fn prop_karatsuba_and_lopsided(a in long(420), b in long(420), c in long(90)) {
        let (x, y, z) = (to_big(&a), to_big(&b), to_big(&c));
        check(&a.mul(&b), &(&x * &y))?;
        check(&a.mul(&c), &(&x * &z))?;
        check(&a.mul(&a), &(&x * &x))?;
    }

    /// Long divisions, including quotients of one digit and divisors of two.
    #[test]
    fn prop_long_division(a in long(700), b in long(300), c in long(2)) {
        let x = to_big(&a);
        for (d, y) in [(&b, to_big(&b)), (&c, to_big(&c))] {
            if y.is_zero() {
                continue;
            }
            let (q, r) = floor_divmod(&x, &y);
            let (aq, ar) = a.divmod(d).unwrap();
            check(&aq, &q)?;
            check(&ar, &r)?;
        }
        // a * b + c divided by b gives back a and c when 0 <= c < b.
        let (bb, cc) = (b.abs(), c.abs());
        if bb > cc {
            let n = a.mul(&bb).add(&cc);
            let (q, r) = n.divmod(&bb).unwrap();
            prop_assert_eq!((q, r), (a, cc));
        }
    }
}
