//! Multiplication: schoolbook (`x_mul`) below [`KARATSUBA_CUTOFF`] digits, Karatsuba
//! (`k_mul`) above it, and the lopsided split of `k_lopsided_mul` when one operand is at
//! least twice as long as the other; also the multiply-add by one digit used by parsing.

use super::mag::{add, normalize, sub, trimmed};
use super::{KARATSUBA_CUTOFF, LongValue, MASK, SHIFT, mag};

/// Adds `x` into `z` starting at digit `offset`. The caller guarantees that the sum
/// fits in `z`.
fn add_at(z: &mut [u32], offset: usize, x: &[u32]) {
    let mut carry = 0u32;
    let mut i = offset;
    for &d in trimmed(x) {
        carry += z[i] + d;
        z[i] = carry & MASK;
        carry >>= SHIFT;
        i += 1;
    }
    while carry != 0 {
        carry += z[i];
        z[i] = carry & MASK;
        carry >>= SHIFT;
        i += 1;
    }
}

/// `a * b`: schoolbook, lopsided or Karatsuba by operand sizes (`k_mul`).
pub(super) fn mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = (trimmed(a), trimmed(b));
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        Vec::new()
    } else if a.len() <= KARATSUBA_CUTOFF {
        mul_school(a, b)
    } else if 2 * a.len() <= b.len() {
        mul_lopsided(a, b)
    } else {
        mul_karatsuba(a, b)
    }
}

/// Schoolbook multiplication (`x_mul`).
fn mul_school(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut z = vec![0u32; a.len() + b.len()];
    for (i, &ad) in a.iter().enumerate() {
        if ad == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (zd, &bd) in z[i..].iter_mut().zip(b) {
            carry += u64::from(*zd) + u64::from(ad) * u64::from(bd);
            *zd = (carry as u32) & MASK;
            carry >>= SHIFT;
        }
        let mut k = i + b.len();
        while carry != 0 {
            carry += u64::from(z[k]);
            z[k] = (carry as u32) & MASK;
            carry >>= SHIFT;
            k += 1;
        }
    }
    normalize(z)
}

/// `a * b` for `2 * len(a) <= len(b)`: `b` in slices of `len(a)` digits, each slice
/// multiplied with the balanced algorithm (`k_lopsided_mul`).
fn mul_lopsided(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut z = vec![0u32; a.len() + b.len()];
    for (k, chunk) in b.chunks(a.len()).enumerate() {
        add_at(&mut z, k * a.len(), &mul(a, chunk));
    }
    normalize(z)
}

/// Karatsuba for `len(a) <= len(b) < 2 * len(a)`: with `B = 2**(30 * shift)`,
/// `a*b = hi*B**2 + ((ah+al)*(bh+bl) - hi - lo)*B + lo`.
fn mul_karatsuba(a: &[u32], b: &[u32]) -> Vec<u32> {
    let shift = b.len() / 2;
    let (al, ah) = a.split_at(shift);
    let (bl, bh) = b.split_at(shift);
    let hi = mul(ah, bh);
    let lo = mul(al, bl);
    let mid = mul(&add(al, ah), &add(bl, bh));
    let mid = sub(&sub(&mid, &hi), &lo);
    let mut z = vec![0u32; a.len() + b.len()];
    add_at(&mut z, 0, &lo);
    add_at(&mut z, 2 * shift, &hi);
    add_at(&mut z, shift, &mid);
    normalize(z)
}

/// `z = z * mult + add` in place, for `mult, add < 2**30` (`_PyLong_Multiply` by a
/// digit, as in `long_from_non_binary_base`).
pub(super) fn mul_add_small(z: &mut Vec<u32>, mult: u32, add: u32) {
    let mut carry = u64::from(add);
    for d in z.iter_mut() {
        carry += u64::from(*d) * u64::from(mult);
        *d = (carry as u32) & MASK;
        carry >>= SHIFT;
    }
    while carry != 0 {
        z.push((carry as u32) & MASK);
        carry >>= SHIFT;
    }
}

impl LongValue {
    /// `self * o`.
    pub fn mul(&self, o: &Self) -> Self {
        Self::from_parts(
            self.negative != o.negative,
            mag::mul(&self.digits, &o.digits),
        )
    }
}
