//! Powers: left-to-right binary exponentiation (`long_pow`), and three-argument `pow` with
//! negative exponents through the extended-Euclid modular inverse (`long_invmod`).

use super::error::{NOT_INVERTIBLE, POW_MODULUS_ZERO};
use super::{LongError, LongValue, MAX_LONG_DIGITS, SHIFT, mag};

impl LongValue {
    /// `self ** exp` for `exp >= 0`.
    ///
    /// # Errors
    /// * `exp < 0`: [`LongError::NegativeExponent`]; Python computes a float instead.
    /// * The result is too big to allocate: [`LongError::Memory`], as CPython eventually
    ///   raises (e.g. `2 ** 2**64`).
    pub fn pow(&self, exp: &Self) -> Result<Self, LongError> {
        if exp.negative {
            return Err(LongError::NegativeExponent);
        }
        if let Some(trivial) = self.pow_trivial(exp) {
            return Ok(trivial);
        }
        // Here |self| >= 2 and exp >= 1: the result has more than (bits - 1) * exp bits.
        let e = exp.to_u64().ok_or(LongError::Memory)?;
        let min_bits = u128::from(self.bit_length() - 1) * u128::from(e) + 1;
        ensure_allocatable(min_bits)?;
        Ok(self.pow_u64(e))
    }

    /// Powers whose result needs no arithmetic: `x**0`, `0**e`, `(+-1)**e`.
    fn pow_trivial(&self, exp: &Self) -> Option<Self> {
        if exp.is_zero() {
            Some(Self::one())
        } else if self.is_zero() {
            Some(Self::zero())
        } else if self.digits == [1] {
            let odd = exp.digits[0] & 1 == 1;
            Some(Self::from_parts(self.negative && odd, vec![1]))
        } else {
            None
        }
    }

    /// Left-to-right binary exponentiation.
    fn pow_u64(&self, e: u64) -> Self {
        let mut z = Self::one();
        for bit in (0..u64::BITS - e.leading_zeros()).rev() {
            z = z.mul(&z);
            if (e >> bit) & 1 == 1 {
                z = z.mul(self);
            }
        }
        z
    }

    /// `pow(self, exp, m)`, including negative exponents through the modular inverse
    /// (CPython 3.8+). The result has the sign of `m` (or is zero).
    ///
    /// # Errors
    /// * `m == 0`: `ValueError: pow() 3rd argument cannot be 0`.
    /// * `exp < 0` and `gcd(self, m) != 1`:
    ///   `ValueError: base is not invertible for the given modulus`.
    ///
    /// # Example
    /// ```
    /// use pyrt_objects::long_digits::LongValue;
    /// let v = |x| LongValue::from_i64(x);
    /// assert_eq!(v(2).pow_mod(&v(-1), &v(5)), Ok(v(3)));
    /// assert_eq!(v(3).pow_mod(&v(5), &v(-7)), Ok(v(-2)));
    /// ```
    pub fn pow_mod(&self, exp: &Self, m: &Self) -> Result<Self, LongError> {
        if m.is_zero() {
            return Err(LongError::Value(POW_MODULUS_ZERO.to_owned()));
        }
        let modulus = m.abs();
        if modulus.is_one() {
            return Ok(Self::zero());
        }
        let (base, exp) = if exp.negative {
            (self.invmod(&modulus)?, exp.abs())
        } else {
            (self.clone(), exp.clone())
        };
        let base = base.divmod_floor(&modulus).1;
        let z = Self::from_parts(false, modexp(&base.digits, &exp, &modulus.digits));
        if m.negative && !z.is_zero() {
            Ok(z.sub(&modulus))
        } else {
            Ok(z)
        }
    }

    /// Inverse of `self` modulo `n > 1` by the extended Euclidean algorithm
    /// (`long_invmod`); the result is not reduced.
    fn invmod(&self, n: &Self) -> Result<Self, LongError> {
        let (mut a, mut n) = (self.clone(), n.clone());
        // Invariant: a == b * self and n == c * self, modulo the original n.
        let (mut b, mut c) = (Self::one(), Self::zero());
        while !n.is_zero() {
            let (q, r) = a.divmod_floor(&n);
            a = std::mem::replace(&mut n, r);
            let s = b.sub(&q.mul(&c));
            b = std::mem::replace(&mut c, s);
        }
        if a.is_one() {
            Ok(b)
        } else {
            Err(LongError::Value(NOT_INVERTIBLE.to_owned()))
        }
    }
}

/// `base**exp mod m` on magnitudes, `base < m`, `m > 1`.
fn modexp(base: &[u32], exp: &LongValue, m: &[u32]) -> Vec<u32> {
    let mut z = vec![1u32];
    for bit in (0..exp.bit_length()).rev() {
        z = mag::divrem(&mag::mul(&z, &z), m).1;
        let word = exp.digits[(bit / u64::from(SHIFT)) as usize];
        if (word >> (bit % u64::from(SHIFT))) & 1 == 1 {
            z = mag::divrem(&mag::mul(&z, base), m).1;
        }
    }
    mag::normalize(z)
}

/// Fails with `MemoryError` if a result of `bits` bits could not be allocated.
fn ensure_allocatable(bits: u128) -> Result<(), LongError> {
    let ndigits = bits.div_ceil(u128::from(SHIFT));
    if ndigits > u128::from(MAX_LONG_DIGITS) {
        return Err(LongError::Memory);
    }
    let ndigits = usize::try_from(ndigits).map_err(|_| LongError::Memory)?;
    let mut probe: Vec<u32> = Vec::new();
    probe
        .try_reserve_exact(ndigits)
        .map_err(|_| LongError::Memory)
}
