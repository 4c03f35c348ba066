//! Bitwise operations on the infinite two's complement (`long_bitwise`, `long_invert`) and
//! shifts (`long_lshift`, `long_rshift`), with the magnitude shifts behind them.

use super::error::{NEGATIVE_SHIFT, TOO_MANY_DIGITS};
use super::mag::{lshift_bits, normalize, rshift_bits, trimmed};
use super::{LongError, LongValue, MASK, MAX_LONG_DIGITS, SHIFT, mag};

impl LongValue {
    /// The low `n` digits of the infinite two's complement of `self`, and the digit that
    /// extends it to the left (0 or `MASK`). A negative `x` is `~(|x| - 1)`.
    fn twos_complement(&self, n: usize) -> (Vec<u32>, u32) {
        if !self.negative {
            let mut d = self.digits.clone();
            d.resize(n, 0);
            return (d, 0);
        }
        let mut d = mag::sub(&self.digits, &[1]);
        d.resize(n, 0);
        d.iter_mut().for_each(|x| *x = !*x & MASK);
        (d, MASK)
    }

    /// Applies a digit-wise bit operation on two's complements (`long_bitwise`).
    fn bitwise(&self, o: &Self, op: fn(u32, u32) -> u32) -> Self {
        let n = self.digits.len().max(o.digits.len());
        let (a, a_ext) = self.twos_complement(n);
        let (b, b_ext) = o.twos_complement(n);
        let z: Vec<u32> = a.iter().zip(&b).map(|(&x, &y)| op(x, y) & MASK).collect();
        if op(a_ext, b_ext) & MASK == 0 {
            return Self::from_parts(false, z);
        }
        // Negative result z = ~m with m = ~z: the value is -(m + 1).
        let m: Vec<u32> = z.iter().map(|&x| !x & MASK).collect();
        Self::from_parts(true, mag::add(&m, &[1]))
    }

    /// `self & o`.
    pub fn bitand(&self, o: &Self) -> Self {
        self.bitwise(o, |x, y| x & y)
    }

    /// `self | o`.
    pub fn bitor(&self, o: &Self) -> Self {
        self.bitwise(o, |x, y| x | y)
    }

    /// `self ^ o`.
    pub fn bitxor(&self, o: &Self) -> Self {
        self.bitwise(o, |x, y| x ^ y)
    }

    /// `~self`, which is `-(self + 1)`.
    pub fn invert(&self) -> Self {
        self.add(&Self::one()).neg()
    }

    /// `self << n`.
    ///
    /// # Errors
    /// * `n < 0`: `ValueError: negative shift count` (checked before anything else, so
    ///   `0 << -1` fails too).
    /// * More than [`MAX_LONG_DIGITS`] result digits: `OverflowError: too many digits in
    ///   integer` (e.g. `1 << 2**100`).
    /// * The result cannot be allocated: `MemoryError` (e.g. `1 << 2**62`).
    pub fn shl(&self, n: &Self) -> Result<Self, LongError> {
        let count = shift_count(n)?;
        if self.is_zero() {
            return Ok(Self::zero());
        }
        let wordshift = count / u128::from(SHIFT);
        let remshift = (count % u128::from(SHIFT)) as u32;
        let newsize = self.digits.len() as u128 + wordshift + u128::from(remshift != 0);
        if newsize > u128::from(MAX_LONG_DIGITS) {
            return Err(LongError::Overflow(TOO_MANY_DIGITS.to_owned()));
        }
        let wordshift = usize::try_from(wordshift).map_err(|_| LongError::Memory)?;
        let digits = mag::shl(&self.digits, wordshift, remshift).ok_or(LongError::Memory)?;
        Ok(Self::from_parts(self.negative, digits))
    }

    /// `self >> n`, an arithmetic shift: rounds toward negative infinity.
    ///
    /// # Errors
    /// `n < 0`: `ValueError: negative shift count`.
    pub fn shr(&self, n: &Self) -> Result<Self, LongError> {
        let count = shift_count(n)?;
        if count >= u128::from(self.bit_length()) {
            return Ok(if self.negative {
                Self::from_i64(-1)
            } else {
                Self::zero()
            });
        }
        let wordshift = (count / u128::from(SHIFT)) as usize;
        let remshift = (count % u128::from(SHIFT)) as u32;
        if !self.negative {
            return Ok(Self::from_parts(
                false,
                mag::shr(&self.digits, wordshift, remshift),
            ));
        }
        // -x >> n == -(((x - 1) >> n) + 1) for x > 0.
        let shifted = mag::shr(&mag::sub(&self.digits, &[1]), wordshift, remshift);
        Ok(Self::from_parts(true, mag::add(&shifted, &[1])))
    }
}

/// A shift count as `u128` (saturated: larger counts behave alike).
fn shift_count(n: &LongValue) -> Result<u128, LongError> {
    if n.negative {
        return Err(LongError::Value(NEGATIVE_SHIFT.to_owned()));
    }
    Ok(n.magnitude_u128().unwrap_or(u128::MAX))
}

// The magnitude shifts behind `shl` and `shr`, re-exported as `mag::shl` and `mag::shr`.

/// `a << (30 * wordshift + remshift)`; `None` if the result cannot be allocated.
pub(super) fn shl(a: &[u32], wordshift: usize, remshift: u32) -> Option<Vec<u32>> {
    let a = trimmed(a);
    let size = wordshift.checked_add(a.len() + 1)?;
    let mut z = Vec::new();
    z.try_reserve_exact(size).ok()?;
    z.resize(wordshift, 0);
    let (shifted, carry) = lshift_bits(a, remshift);
    z.extend_from_slice(&shifted);
    z.push(carry);
    Some(normalize(z))
}

/// `a >> (30 * wordshift + remshift)`, truncating.
pub(super) fn shr(a: &[u32], wordshift: usize, remshift: u32) -> Vec<u32> {
    match a.get(wordshift..) {
        Some(rest) if !rest.is_empty() => normalize(rshift_bits(rest, remshift)),
        _ => Vec::new(),
    }
}
