//! The `math` functions of ints (`Modules/mathmodule.c`): `gcd`, `lcm`, `factorial`,
//! `comb`, `perm` and `isqrt`, exact on [`LongValue`]s, with CPython's argument checks in
//! its order. Products of many factors are taken by binary splitting, so that the big
//! multiplications are balanced (Karatsuba then pays).

use crate::error::{PyErr, PyResult};
use crate::long_digits::LongValue;
use crate::numbers::index_value;
use crate::object::PyObject;

/// `gcd(a, b) >= 0`, by Euclid's algorithm.
pub fn gcd(a: &LongValue, b: &LongValue) -> LongValue {
    let (mut a, mut b) = (a.abs(), b.abs());
    while !b.is_zero() {
        let r = a.divmod(&b).map(|(_, r)| r).unwrap_or_default();
        a = core::mem::replace(&mut b, r);
    }
    a
}

/// `lcm(a, b) >= 0` (`long_lcm`): zero when either is zero.
pub fn lcm(a: &LongValue, b: &LongValue) -> LongValue {
    if a.is_zero() || b.is_zero() {
        return LongValue::zero();
    }
    let g = gcd(a, b);
    let f = a.divmod(&g).map(|(q, _)| q).unwrap_or_default();
    f.mul(b).abs()
}

/// `math.gcd(*integers)`.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub fn gcd_of(args: &[&PyObject]) -> PyResult<LongValue> {
    let Some((first, rest)) = args.split_first() else {
        return Ok(LongValue::zero());
    };
    let mut g = index_value(first)?.abs();
    for x in rest {
        let x = index_value(x)?;
        if !g.is_one() {
            g = gcd(&g, &x);
        }
    }
    Ok(g)
}

/// `math.lcm(*integers)`.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub fn lcm_of(args: &[&PyObject]) -> PyResult<LongValue> {
    let Some((first, rest)) = args.split_first() else {
        return Ok(LongValue::one());
    };
    let mut l = index_value(first)?.abs();
    for x in rest {
        let x = index_value(x)?;
        if !l.is_zero() {
            l = lcm(&l, &x);
        }
    }
    Ok(l)
}

/// `lo * (lo + 1) * ... * (lo + count - 1)`, by binary splitting (1 for `count == 0`).
pub fn rising_product(lo: &LongValue, count: u64) -> LongValue {
    match count {
        0 => LongValue::one(),
        1 => lo.clone(),
        2 => lo.mul(&lo.add(&LongValue::one())),
        _ => {
            let half = count / 2;
            let upper = lo.add(&LongValue::from_u64(half));
            rising_product(lo, half).mul(&rising_product(&upper, count - half))
        }
    }
}

/// `n!` for `n >= 0`.
pub fn factorial(n: u64) -> LongValue {
    rising_product(&LongValue::one(), n)
}

/// `math.factorial(n)`.
///
/// # Errors
/// `TypeError` for a non-int, `ValueError: factorial() not defined for negative values`,
/// `OverflowError: factorial() argument should not exceed 9223372036854775807`.
pub fn factorial_of(n: &PyObject) -> PyResult<LongValue> {
    let n = index_value(n)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_i64().ok_or_else(|| {
        PyErr::overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        ))
    })?;
    Ok(factorial(n as u64))
}

/// `n` and `k` of `comb` and `perm`: ints, neither negative.
fn n_and_k(n: &PyObject, k: &PyObject) -> PyResult<(LongValue, LongValue)> {
    let n = index_value(n)?;
    let k = index_value(k)?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `math.perm(n, k)` (`k` `None`: `factorial(n)`).
///
/// # Errors
/// `TypeError` for non-ints, `ValueError: n must be a non-negative integer` (and `k`),
/// `OverflowError: k must not exceed 9223372036854775807`, and [`factorial_of`]'s.
pub fn perm(n: &PyObject, k: Option<&PyObject>) -> PyResult<LongValue> {
    let Some(k) = k else {
        return factorial_of(n);
    };
    let (n, k) = n_and_k(n, k)?;
    if n < k {
        return Ok(LongValue::zero());
    }
    let k = k
        .to_i64()
        .ok_or_else(|| PyErr::overflow_error(format!("k must not exceed {}", i64::MAX)))?
        as u64;
    let lo = n.sub(&LongValue::from_u64(k)).add(&LongValue::one());
    Ok(rising_product(&lo, k))
}

/// `math.comb(n, k)`.
///
/// # Errors
/// `TypeError` for non-ints, `ValueError: n must be a non-negative integer` (and `k`),
/// `OverflowError: min(n - k, k) must not exceed 9223372036854775807`.
pub fn comb(n: &PyObject, k: &PyObject) -> PyResult<LongValue> {
    let (n, k) = n_and_k(n, k)?;
    let rest = n.sub(&k);
    if rest.is_negative() {
        return Ok(LongValue::zero());
    }
    let k = if rest < k { rest } else { k };
    let k = k.to_i64().ok_or_else(|| {
        PyErr::overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX))
    })? as u64;
    let lo = n.sub(&LongValue::from_u64(k)).add(&LongValue::one());
    let (q, _) = rising_product(&lo, k)
        .divmod(&factorial(k))
        .map_err(crate::types::long::long_error)?;
    Ok(q)
}

/// The integer square root of `n >= 0` (Newton's method from above).
pub fn isqrt(n: &LongValue) -> LongValue {
    if n.is_zero() {
        return LongValue::zero();
    }
    let start = n.bit_length().div_ceil(2);
    let mut x = LongValue::one()
        .shl(&LongValue::from_u64(start))
        .unwrap_or_default();
    loop {
        let q = n.divmod(&x).map(|(q, _)| q).unwrap_or_default();
        let y = x.add(&q).shr(&LongValue::one()).unwrap_or_default();
        if y >= x {
            return x;
        }
        x = y;
    }
}

/// `math.isqrt(n)`.
///
/// # Errors
/// `TypeError` for a non-int, `ValueError: isqrt() argument must be nonnegative`.
pub fn isqrt_of(n: &PyObject) -> PyResult<LongValue> {
    let n = index_value(n)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(isqrt(&n))
}
