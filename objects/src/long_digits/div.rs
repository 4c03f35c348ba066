//! Division: the one-digit fast path (`divrem1`) and Knuth's Algorithm D (`x_divrem`) on
//! magnitudes, then Python's floor semantics on top (`l_divmod`, `long_div`, `long_mod`).

use super::error::{DIVISION_BY_ZERO, MODULO_BY_ZERO};
use super::mag::{cmp, lshift_bits, normalize, rshift_bits, trimmed};
use super::{BASE, LongError, LongValue, MASK, SHIFT, mag};
use std::cmp::Ordering;

/// `(a / n, a % n)` for a single digit `0 < n < 2**30` (`divrem1`).
pub(super) fn divrem_small(a: &[u32], n: u32) -> (Vec<u32>, u32) {
    debug_assert!(n > 0 && n <= MASK);
    let mut q = vec![0u32; a.len()];
    let mut rem = 0u64;
    for (qd, &d) in q.iter_mut().zip(a).rev() {
        rem = (rem << SHIFT) | u64::from(d);
        *qd = (rem / u64::from(n)) as u32;
        rem %= u64::from(n);
    }
    (normalize(q), rem as u32)
}

/// Truncating `(a / b, a % b)` for `b != 0` (`long_divrem` without the signs).
pub(super) fn divrem(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let (a, b) = (trimmed(a), trimmed(b));
    assert!(!b.is_empty(), "mag::divrem by zero");
    if cmp(a, b) == Ordering::Less {
        (Vec::new(), a.to_vec())
    } else if b.len() == 1 {
        let (q, r) = divrem_small(a, b[0]);
        (q, normalize(vec![r]))
    } else {
        divrem_knuth(a, b)
    }
}

/// Knuth's Algorithm D for `a >= b`, `len(b) >= 2` (`x_divrem`).
fn divrem_knuth(v1: &[u32], w1: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let size_w = w1.len();
    // Normalize: shift so that the divisor's top digit is >= 2**29.
    let d = SHIFT - super::bit_length_digit(w1[size_w - 1]);
    let (w, carry_w) = lshift_bits(w1, d);
    debug_assert_eq!(carry_w, 0);
    let (mut v, carry) = lshift_bits(v1, d);
    if carry != 0 || v[v.len() - 1] >= w[size_w - 1] {
        v.push(carry);
    }
    // Now v's top digit < w's top digit: the quotient has exactly k digits.
    let k = v.len() - size_w;
    let mut q = vec![0u32; k];
    for j in (0..k).rev() {
        q[j] = divrem_step(&mut v[j..=j + size_w], &w);
    }
    v.truncate(size_w);
    (normalize(q), normalize(rshift_bits(&v, d)))
}

/// One step of Algorithm D: divides the `len(w) + 1` digits of `vk` by `w` (whose top
/// digit exceeds `vk`'s), leaves the remainder in `vk[..len(w)]` and returns the
/// quotient digit.
fn divrem_step(vk: &mut [u32], w: &[u32]) -> u32 {
    let size_w = w.len();
    let (wm1, wm2) = (u64::from(w[size_w - 1]), u64::from(w[size_w - 2]));
    let vtop = vk[size_w];
    let vv = (u64::from(vtop) << SHIFT) | u64::from(vk[size_w - 1]);
    // Estimate the quotient digit; it may be one too large (rarely).
    let mut q = vv / wm1;
    let mut r = vv % wm1;
    while wm2 * q > ((r << SHIFT) | u64::from(vk[size_w - 2])) {
        q -= 1;
        r += wm1;
        if r >= BASE {
            break;
        }
    }
    // Subtract q * w from vk.
    let mut zhi: i64 = 0;
    for (vd, &wd) in vk.iter_mut().zip(w) {
        let z = i64::from(*vd) + zhi - (q as i64) * i64::from(wd);
        *vd = (z as u32) & MASK;
        zhi = z >> SHIFT;
    }
    // Add w back if q was too large.
    if i64::from(vtop) + zhi < 0 {
        let mut carry = 0u32;
        for (vd, &wd) in vk.iter_mut().zip(w) {
            carry += *vd + wd;
            *vd = carry & MASK;
            carry >>= SHIFT;
        }
        q -= 1;
    }
    q as u32
}

impl LongValue {
    /// C-style division for `o != 0`: quotient truncated toward zero, remainder with the
    /// sign of `self` (`long_divrem`).
    fn divrem_trunc(&self, o: &Self) -> (Self, Self) {
        let (q, r) = mag::divrem(&self.digits, &o.digits);
        (
            Self::from_parts(self.negative != o.negative, q),
            Self::from_parts(self.negative, r),
        )
    }

    /// Python's floor division for `o != 0`: the remainder has the sign of `o` (`l_divmod`).
    pub(super) fn divmod_floor(&self, o: &Self) -> (Self, Self) {
        let (q, r) = self.divrem_trunc(o);
        if !r.is_zero() && r.negative != o.negative {
            (q.sub(&Self::one()), r.add(o))
        } else {
            (q, r)
        }
    }

    /// `divmod(self, o)` with Python's floor semantics.
    ///
    /// # Errors
    /// `o == 0`: `ZeroDivisionError: integer division or modulo by zero`.
    pub fn divmod(&self, o: &Self) -> Result<(Self, Self), LongError> {
        if o.is_zero() {
            return Err(LongError::ZeroDivision(DIVISION_BY_ZERO));
        }
        Ok(self.divmod_floor(o))
    }

    /// `self // o` (floor).
    ///
    /// # Errors
    /// `o == 0`: `ZeroDivisionError: integer division or modulo by zero`.
    pub fn floordiv(&self, o: &Self) -> Result<Self, LongError> {
        self.divmod(o).map(|(q, _)| q)
    }

    /// `self % o`; the result has the sign of `o`.
    ///
    /// # Errors
    /// `o == 0`: `ZeroDivisionError: integer modulo by zero` (3.12's `l_mod` message,
    /// which differs from `//` and `divmod`).
    pub fn rem(&self, o: &Self) -> Result<Self, LongError> {
        if o.is_zero() {
            return Err(LongError::ZeroDivision(MODULO_BY_ZERO));
        }
        Ok(self.divmod_floor(o).1)
    }
}
