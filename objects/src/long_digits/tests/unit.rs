//! Hand-written cases: powers, ten-thousand-digit numbers, Karatsuba carries, the
//! normalized representation and the errors' texts.

use super::*;
use crate::long_digits::error::MODULO_BY_ZERO;
use crate::long_digits::text::chunk_params;

// ----- powers, sizes and errors -----

#[test]
fn pow_special_cases() {
    let v = LongValue::from_i64;
    assert_eq!(v(2).pow(&v(-1)), Err(LongError::NegativeExponent));
    assert_eq!(v(0).pow(&v(-1)), Err(LongError::NegativeExponent));
    assert_eq!(v(0).pow(&v(0)), Ok(v(1)));
    assert_eq!(v(-1).pow(&lv("100000000000000000000000000001")), Ok(v(-1)));
    assert_eq!(v(-1).pow(&lv("100000000000000000000000000000")), Ok(v(1)));
    assert_eq!(v(0).pow(&lv("100000000000000000000000000000")), Ok(v(0)));
    assert_eq!(
        v(2).pow(&lv("18446744073709551616")),
        Err(LongError::Memory)
    );
    assert_eq!(v(2).pow(&v(1 << 62)), Err(LongError::Memory));
    let big = v(3).pow(&v(10_000)).unwrap();
    assert_eq!(to_big(&big), BigInt::from(3).pow(10_000u32));
}

#[test]
fn ten_thousand_digit_numbers_are_fast_and_exact() {
    let x = LongValue::parse_with_limit(&"7".repeat(10_000), 10, 0).unwrap();
    let y = LongValue::parse_with_limit(&"3".repeat(6_000), 10, 0).unwrap();
    let (q, r) = x.divmod(&y).unwrap();
    assert_eq!(q.mul(&y).add(&r), x);
    assert_eq!(to_big(&q), to_big(&x) / to_big(&y));
    let product = x.mul(&y);
    assert_eq!(to_big(&product), to_big(&x) * to_big(&y));
    assert_eq!(
        product.to_string_radix10_with_limit(0).unwrap(),
        to_big(&product).to_string()
    );
    assert_eq!(product.floordiv(&x).unwrap(), y);
}

#[test]
fn karatsuba_square_of_all_ones() {
    // (2**(30*n) - 1)**2 has digit patterns that carry through every position.
    for n in [69, 70, 71, 140, 141, 300] {
        let ones = LongValue::from_sign_digits(false, vec![MASK; n]);
        let x = to_big(&ones);
        assert_eq!(to_big(&ones.mul(&ones)), &x * &x, "n = {n}");
    }
}

#[test]
fn representation_is_normalized() {
    let v = LongValue::from_sign_digits(true, vec![5, 1, 0, 0]);
    assert_eq!(v.digits(), &[5, 1]);
    assert_eq!(v.ndigits(), 2);
    assert_eq!(
        LongValue::from_sign_digits(true, vec![0, 0]),
        LongValue::zero()
    );
    assert!(!LongValue::from_i64(0).neg().is_negative());
    assert_eq!(LongValue::zero().digits(), &[] as &[u32]);
    assert_eq!(LongValue::from_i64(-1).digits(), &[1]);
    assert_eq!(LongValue::from_i64(1 << 30).digits(), &[0, 1]);
    assert_eq!(LongValue::from_i64(i64::MIN).digits(), &[0, 0, 8]);
    assert_eq!(LongValue::from_i64(i64::MIN).to_i64(), Some(i64::MIN));
    assert_eq!(LongValue::from_u64(u64::MAX).to_i64(), None);
    assert_eq!(LongValue::from_i128(i128::MIN).to_i128(), Some(i128::MIN));
    assert_eq!(chunk_params(10), (1_000_000_000, 9));
}

#[test]
#[should_panic(expected = "a digit is >= 2**30")]
fn from_sign_digits_rejects_wide_digits() {
    LongValue::from_sign_digits(false, vec![1 << 30]);
}

#[test]
fn error_display() {
    assert_eq!(LongError::Memory.to_string(), "MemoryError");
    assert_eq!(LongError::Memory.exception_name(), Some("MemoryError"));
    assert_eq!(LongError::NegativeExponent.exception_name(), None);
    let e = LongError::ZeroDivision(MODULO_BY_ZERO);
    assert_eq!(e.to_string(), "ZeroDivisionError: integer modulo by zero");
}
