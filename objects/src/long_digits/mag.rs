//! Unsigned algorithms on little-endian 30-bit digit slices.
//!
//! Inputs may carry most-significant zero digits unless a function says otherwise; every
//! returned vector is normalized.
//!
//! The primitives shared by several operations are here; each operation's own magnitude
//! algorithm lives with the operation and is re-exported below, so that every caller writes
//! `mag::add`, `mag::mul`, `mag::divrem`, `mag::shl`, whatever file defines it.

use super::{MASK, SHIFT};
use std::cmp::Ordering;

pub(super) use super::addsub::{add, sub};
pub(super) use super::bitwise::{shl, shr};
pub(super) use super::div::divrem;
pub(super) use super::mul::{mul, mul_add_small};

/// `a` without its most-significant zero digits.
pub(super) fn trimmed(a: &[u32]) -> &[u32] {
    let len = a.iter().rposition(|&d| d != 0).map_or(0, |i| i + 1);
    &a[..len]
}

/// Drops most-significant zero digits.
pub(super) fn normalize(mut v: Vec<u32>) -> Vec<u32> {
    let len = trimmed(&v).len();
    v.truncate(len);
    v
}

/// Number of bits of a magnitude.
pub(super) fn bit_length(a: &[u32]) -> u64 {
    let a = trimmed(a);
    match a.last() {
        None => 0,
        Some(&top) => {
            (a.len() as u64 - 1) * u64::from(SHIFT) + u64::from(super::bit_length_digit(top))
        }
    }
}

/// The low 64 bits of a magnitude.
pub(super) fn low_u64(a: &[u32]) -> u64 {
    let fold = |acc: u64, &d: &u32| (acc << SHIFT) | u64::from(d);
    a.iter().take(3).rev().fold(0, fold)
}

/// Numeric comparison of two magnitudes.
pub(super) fn cmp(a: &[u32], b: &[u32]) -> Ordering {
    let (a, b) = (trimmed(a), trimmed(b));
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// `a << d` for `d < 30`, same digit count; returns the digits and the carry-out
/// (`v_lshift`).
pub(super) fn lshift_bits(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut carry = 0u64;
    let z = a
        .iter()
        .map(|&x| {
            let acc = (u64::from(x) << d) | carry;
            carry = acc >> SHIFT;
            (acc as u32) & MASK
        })
        .collect();
    (z, carry as u32)
}

/// `a >> d` for `d < 30`, same digit count (`v_rshift`).
pub(super) fn rshift_bits(a: &[u32], d: u32) -> Vec<u32> {
    let low_mask = (1u64 << d) - 1;
    let mut carry = 0u64;
    let mut z = vec![0u32; a.len()];
    for (zd, &x) in z.iter_mut().zip(a).rev() {
        let acc = (carry << SHIFT) | u64::from(x);
        *zd = ((acc >> d) as u32) & MASK;
        carry = acc & low_mask;
    }
    z
}
