//! `hash()` of an `int` (`long_hash`): the magnitude modulo the Mersenne prime `2**61 - 1`,
//! with the sign of the value.

use super::{LongValue, SHIFT};

/// Bits of the hash modulus (`_PyHASH_BITS`).
const HASH_BITS: u32 = 61;
/// The hash modulus `2**61 - 1` (`_PyHASH_MODULUS`).
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

impl LongValue {
    /// Python's `hash(self)` (`long_hash`): `|self| mod (2**61 - 1)` with the sign of
    /// `self`, where `-1` becomes `-2`.
    pub fn hash(&self) -> i64 {
        let mut x = 0u64;
        for &d in self.digits.iter().rev() {
            // Multiply by 2**30 modulo 2**61 - 1: a rotation of the 61-bit value.
            x = ((x << SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - SHIFT));
            x += u64::from(d);
            if x >= HASH_MODULUS {
                x -= HASH_MODULUS;
            }
        }
        let h = if self.negative { -(x as i64) } else { x as i64 };
        if h == -1 { -2 } else { h }
    }
}
