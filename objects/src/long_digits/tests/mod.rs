//! Tests of [`super::LongValue`]: property tests against num-bigint as the reference model,
//! and exact results printed by CPython 3.12.1.
//!
//! * `mod.rs` (this file): the reference model and the proptest strategies;
//! * `props.rs`: property tests of every operation against the model;
//! * `exact.rs`: exact results from CPython's tables, and the `int_max_str_digits` limits;
//! * `unit.rs`: hand-written cases: powers, ten-thousand-digit numbers, the representation,
//!   errors;
//! * `cpython.rs`: the tables printed by CPython 3.12.1.

use super::*;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use proptest::collection::vec;
use proptest::prelude::*;

mod cpython;
mod exact;
mod props;
mod unit;

// ----- reference model: num-bigint, and conversions to and from it -----

/// The reference value of `v`, built digit by digit (independent of `LongValue`'s
/// own arithmetic).
fn to_big(v: &LongValue) -> BigInt {
    v.check_invariants();
    let mut m = BigUint::zero();
    for &d in v.digits().iter().rev() {
        m = (m << 30u32) + BigUint::from(d);
    }
    let sign = if v.is_negative() {
        Sign::Minus
    } else {
        Sign::Plus
    };
    BigInt::from_biguint(sign, m)
}

/// `b` as a `LongValue`, split into 30-bit digits with num-bigint.
fn from_big(b: &BigInt) -> LongValue {
    let mask = BigUint::from(MASK);
    let mut m = b.magnitude().clone();
    let mut digits = Vec::new();
    while !m.is_zero() {
        digits.push((&m & &mask).to_u32().unwrap());
        m >>= 30u32;
    }
    LongValue::from_sign_digits(b.sign() == Sign::Minus, digits)
}

/// A decimal literal from the CPython tables.
fn lv(s: &str) -> LongValue {
    LongValue::parse_with_limit(s, 10, 0).unwrap()
}

/// Python's floor `divmod` from num-bigint's truncating operators.
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && r.is_negative() != b.is_negative() {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// `long_hash` written directly from its definition.
fn reference_hash(b: &BigInt) -> i64 {
    let modulus = BigUint::from((1u64 << 61) - 1);
    let h = (b.magnitude() % modulus).to_i64().unwrap();
    let h = if b.is_negative() { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// Modular inverse of `a` modulo `m > 1` by the extended Euclidean algorithm.
fn reference_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut r0, mut r1) = (floor_divmod(a, m).1, m.clone());
    let (mut s0, mut s1) = (BigInt::one(), BigInt::zero());
    while !r1.is_zero() {
        let q = &r0 / &r1;
        let r2 = &r0 - &q * &r1;
        let s2 = &s0 - &q * &s1;
        (r0, r1, s0, s1) = (r1, r2, s1, s2);
    }
    r0.is_one().then(|| floor_divmod(&s0, m).1)
}

/// `x = m * 2**e` exactly, for a finite non-negative float.
fn float_parts(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (BigInt::from(fraction), -1074)
    } else {
        (BigInt::from(fraction | (1 << 52)), biased - 1075)
    }
}

/// True if `|f|` is `|a / b|` rounded to the nearest float, ties to even: no
/// neighbouring float (or 2**1024 above f64::MAX) is closer, checked with exact
/// integer arithmetic scaled by 2**1074.
fn is_nearest_float(a: &BigInt, b: &BigInt, f: f64) -> bool {
    let (a, b, f) = (a.abs(), b.abs(), f.abs());
    let distance = |(m, e): (BigInt, i64)| (&a << 1074u32) - m * (&b << ((e + 1074) as u32));
    let below = (f > 0.0).then(|| float_parts(f64::from_bits(f.to_bits() - 1)));
    let above = if f == f64::MAX {
        (BigInt::one(), 1024)
    } else {
        float_parts(f64::from_bits(f.to_bits() + 1))
    };
    let here = distance(float_parts(f)).abs();
    let even = f.to_bits() & 1 == 0;
    let beats = |other: BigInt| {
        let other = other.abs();
        here < other || (here == other && even)
    };
    below.is_none_or(|p| beats(distance(p))) && beats(distance(above))
}

// ----- strategies -----

/// Digits biased toward the values that stress carries and quotient estimates.
fn digit() -> impl Strategy<Value = u32> {
    prop_oneof![
        4 => 0..=MASK,
        1 => Just(0),
        1 => Just(MASK),
        1 => Just(1),
        1 => Just(1 << 29),
        1 => (MASK - 3)..=MASK,
    ]
}

/// Values near digit boundaries: `+-(2**k + small)`.
fn near_power_of_two(max_bits: u32) -> impl Strategy<Value = LongValue> {
    (any::<bool>(), 0..max_bits, -3i64..=3).prop_map(|(negative, k, small)| {
        let b = (BigInt::one() << k) + small;
        from_big(&if negative { -b } else { b })
    })
}

/// Interesting fixed values: zero, ones and the 30-bit digit boundaries.
fn special() -> impl Strategy<Value = LongValue> {
    let mut values = vec![BigInt::zero(), BigInt::one()];
    for k in [30u32, 60, 90, 120] {
        let p = BigInt::one() << k;
        values.extend([&p - 1, p.clone(), &p + 1]);
    }
    let all: Vec<LongValue> = values
        .iter()
        .flat_map(|b| [from_big(b), from_big(&-b)])
        .collect();
    prop::sample::select(all)
}

/// Any value with at most `max_digits` digits.
fn long(max_digits: usize) -> impl Strategy<Value = LongValue> {
    prop_oneof![
        2 => special(),
        2 => any::<i64>().prop_map(LongValue::from_i64),
        4 => (any::<bool>(), vec(digit(), 0..=max_digits))
            .prop_map(|(negative, d)| LongValue::from_sign_digits(negative, d)),
        2 => near_power_of_two(30 * max_digits as u32),
    ]
}

/// Values of about 2000 bits and less.
fn val() -> impl Strategy<Value = LongValue> {
    long(67)
}

fn check(v: &LongValue, expected: &BigInt) -> Result<(), TestCaseError> {
    prop_assert_eq!(&to_big(v), expected);
    Ok(())
}
