//! Addition and subtraction: digit loops with a carry or a borrow (`x_add`, `x_sub`), and
//! the signs on top (`long_add`, `long_sub`).

use super::mag::{cmp, normalize, trimmed};
use super::{LongValue, MASK, SHIFT, mag};
use std::cmp::Ordering;

/// `a + b` (`x_add`).
pub(super) fn add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut z = Vec::with_capacity(long.len() + 1);
    let mut carry = 0u32;
    for (i, &d) in long.iter().enumerate() {
        carry += d + short.get(i).copied().unwrap_or(0);
        z.push(carry & MASK);
        carry >>= SHIFT;
    }
    z.push(carry);
    normalize(z)
}

/// `a - b` for `a >= b` (`x_sub` after the caller ordered the operands).
pub(super) fn sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let b = trimmed(b);
    debug_assert!(cmp(a, b) != Ordering::Less, "mag::sub needs a >= b");
    let mut z = Vec::with_capacity(a.len());
    let mut borrow = 0u32;
    for (i, &d) in a.iter().enumerate() {
        borrow = d
            .wrapping_sub(b.get(i).copied().unwrap_or(0))
            .wrapping_sub(borrow);
        z.push(borrow & MASK);
        borrow = (borrow >> SHIFT) & 1;
    }
    debug_assert_eq!(borrow, 0);
    normalize(z)
}

impl LongValue {
    /// `(-1)**a_neg * a + (-1)**b_neg * b`.
    fn add_signed(a_neg: bool, a: &[u32], b_neg: bool, b: &[u32]) -> Self {
        if a_neg == b_neg {
            return Self::from_parts(a_neg, mag::add(a, b));
        }
        match mag::cmp(a, b) {
            Ordering::Equal => Self::zero(),
            Ordering::Greater => Self::from_parts(a_neg, mag::sub(a, b)),
            Ordering::Less => Self::from_parts(b_neg, mag::sub(b, a)),
        }
    }

    /// `self + o`.
    pub fn add(&self, o: &Self) -> Self {
        Self::add_signed(self.negative, &self.digits, o.negative, &o.digits)
    }

    /// `self - o`.
    pub fn sub(&self, o: &Self) -> Self {
        Self::add_signed(self.negative, &self.digits, !o.negative, &o.digits)
    }
}
