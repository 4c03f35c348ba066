//! Arbitrary-precision `int` arithmetic on CPython 3.12's digit representation
//! (mirrors `Objects/longobject.c`).
//!
//! This is the arithmetic core of Python's `int`: no objects, no reference counts, only
//! values. The object layer stores [`LongValue::digits`] in a `PyLongObject`'s `ob_digit`
//! array (and the sign in `lv_tag`) and rebuilds a value with
//! [`LongValue::from_sign_digits`].
//!
//! # Representation and invariants
//!
//! A [`LongValue`] is a sign plus a magnitude. The magnitude is a little-endian vector of
//! base-2**30 digits, exactly CPython's `digit` array (`PyLong_SHIFT = 30`, `u32` digits,
//! `u64` "twodigits"). [`LongValue::check_invariants`] checks the three invariants:
//!
//! 1. every digit is `< 2**30` (`<= MASK`);
//! 2. the vector is normalized: its most significant digit is not zero;
//! 3. zero is the empty vector and is never negative.
//!
//! # Algorithms (CPython function names in brackets)
//!
//! * Addition and subtraction: digit loops with a carry or borrow (`x_add`, `x_sub`).
//! * Multiplication: schoolbook (`x_mul`) below [`KARATSUBA_CUTOFF`] digits, Karatsuba
//!   (`k_mul`) above it, and the lopsided split of `k_lopsided_mul` when one operand is
//!   at least twice as long as the other. Recursion depth is logarithmic.
//! * Division: single-digit fast path (`divrem1`) and Knuth's Algorithm D (`x_divrem`);
//!   Python's floor semantics are applied on top (`l_divmod`).
//! * Powers: left-to-right binary exponentiation (`long_pow`); negative exponents with a
//!   modulus use the extended-Euclid modular inverse (`long_invmod`).
//! * Bitwise operations: two's complement on infinite precision (`long_bitwise`).
//! * Decimal output: conversion to base 10**9 then formatting (`long_to_decimal_string`);
//!   parsing: validation then multiply-add in chunks of `base**k < 2**30`
//!   (`long_from_string_base`, `long_from_non_binary_base`, `long_from_binary_base`), with
//!   the Unicode digit and whitespace mapping of `_PyUnicode_TransformDecimalAndSpaceToASCII`.
//! * `hash`: `long_hash`, reduction modulo `2**61 - 1`.
//! * Floats: correctly rounded `int -> float` (`PyLong_AsDouble`) and `int / int`
//!   (`long_true_divide`), truncating `float -> int` (`PyLong_FromDouble`).
//!
//! # Errors
//!
//! Operations that can fail return [`LongError`], which carries CPython 3.12's exact
//! exception message. Some messages depend on the operator:
//!
//! | operation | exception and message |
//! |---|---|
//! | `a // 0`, `divmod(a, 0)` | `ZeroDivisionError: integer division or modulo by zero` |
//! | `a % 0` | `ZeroDivisionError: integer modulo by zero` |
//! | `a / 0` | `ZeroDivisionError: division by zero` |
//! | `a / b` too big | `OverflowError: integer division result too large for a float` |
//! | `pow(a, b, 0)` | `ValueError: pow() 3rd argument cannot be 0` |
//! | `pow(a, -b, m)`, no inverse | `ValueError: base is not invertible for the given modulus` |
//! | `a << -1`, `a >> -1` | `ValueError: negative shift count` |
//! | `a << n`, over [`MAX_LONG_DIGITS`] digits | `OverflowError: too many digits in integer` |
//! | `a << n`, unallocatable (`1 << 2**62`) | `MemoryError` |
//! | `a ** b`, unallocatable (`2 ** 2**64`) | `MemoryError` (CPython runs out of memory) |
//! | `float(a)` too big | `OverflowError: int too large to convert to float` |
//! | `str(a)`, `int(s)` over 4300 digits | `ValueError: Exceeds the limit (4300 digits) ...` |
//! | `int(s)` malformed | `ValueError: invalid literal for int() with base 10: 's'` |
//!
//! # Code map
//!
//! * `mod.rs` (this file): the constants and [`LongValue`] with its constructors, accessors,
//!   invariant check and ordering.
//! * `error.rs`: [`LongError`] and CPython's messages.
//! * `mag.rs`: the unsigned layer, algorithms on digit slices that know nothing of signs. The
//!   primitives live there; each operation's magnitude algorithm lives in the operation's file
//!   and is re-exported by `mag`, so callers write `mag::add`, `mag::mul`, `mag::divrem`.
//! * The operators: `addsub.rs`, `mul.rs` (schoolbook and Karatsuba), `div.rs` (Algorithm D
//!   and floor division), `pow.rs` (powers, modular powers and inverses) and `bitwise.rs`
//!   (two's complement operations and shifts).
//! * `hash.rs`: `hash()`. `float.rs`: conversions to and from `float`, and `int / int`.
//! * `text.rs`: `str()`, `hex()`, `oct()`, `bin()`, `int(s, base)` and the digit limits; the
//!   Unicode digits, spaces and `repr()` come from the crate's shared `unicode_data` module.
//! * `tests/`: property tests against num-bigint and exact tables from CPython 3.12.1.

use std::cmp::Ordering;
use std::fmt;

mod addsub;
mod bitwise;
mod div;
mod error;
mod float;
mod hash;
mod mag;
mod mul;
mod pow;
mod text;

#[cfg(test)]
mod tests;

pub use error::LongError;

/// Bits per digit (`PyLong_SHIFT`).
pub const SHIFT: u32 = 30;
/// Largest digit value, `2**30 - 1` (`PyLong_MASK`).
pub const MASK: u32 = (1 << SHIFT) - 1;
/// `2**30` as a "twodigits" value (`PyLong_BASE`).
const BASE: u64 = 1 << SHIFT;
/// Operands up to this many digits are multiplied by the schoolbook method.
pub const KARATSUBA_CUTOFF: usize = 70;
/// Default `sys.get_int_max_str_digits()` (`_PY_LONG_DEFAULT_MAX_STR_DIGITS`).
pub const MAX_STR_DIGITS: usize = 4300;
/// Most digits an `int` can have on a 64-bit build (`MAX_LONG_DIGITS`):
/// `(PY_SSIZE_T_MAX - offsetof(PyLongObject, long_value.ob_digit)) / sizeof(digit)`.
pub const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;

// ---------------------------------------------------------------------------------------
// The value type
// ---------------------------------------------------------------------------------------

/// An arbitrary-precision integer: sign plus normalized base-2**30 magnitude.
///
/// See the module documentation for the invariants. Equality and hashing (the Rust
/// `Hash`) compare the representation, which is canonical; [`LongValue::hash`] is
/// Python's `hash()`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct LongValue {
    negative: bool,
    digits: Vec<u32>,
}

impl LongValue {
    /// Zero.
    pub fn zero() -> Self {
        Self::default()
    }

    /// One.
    pub fn one() -> Self {
        Self::from_parts(false, vec![1])
    }

    /// Builds a value from trusted parts: normalizes and fixes the sign of zero.
    fn from_parts(negative: bool, mut digits: Vec<u32>) -> Self {
        let len = mag::trimmed(&digits).len();
        digits.truncate(len);
        let value = Self {
            negative: negative && len > 0,
            digits,
        };
        debug_assert!(value.invariant_violation().is_none());
        value
    }

    /// Builds a value from a sign and little-endian 30-bit digits, as stored in a
    /// `PyLongObject`. Most-significant zero digits are dropped and a zero magnitude is
    /// made non-negative.
    ///
    /// # Panics
    /// Panics if a digit is `>= 2**30`; masking digits is the caller's job.
    ///
    /// # Example
    /// ```
    /// use pyrt_objects::long_digits::LongValue;
    /// let v = LongValue::from_sign_digits(true, vec![5, 1, 0]);
    /// assert_eq!(v, LongValue::from_i64(-((1 << 30) + 5)));
    /// assert_eq!(v.ndigits(), 2);
    /// ```
    pub fn from_sign_digits(negative: bool, digits: Vec<u32>) -> Self {
        assert!(
            digits.iter().all(|&d| d <= MASK),
            "LongValue::from_sign_digits: a digit is >= 2**30"
        );
        Self::from_parts(negative, digits)
    }

    /// Converts an unsigned 128-bit integer.
    pub fn from_u128(mut v: u128) -> Self {
        let mut digits = Vec::with_capacity(5);
        while v != 0 {
            digits.push((v as u32) & MASK);
            v >>= SHIFT;
        }
        Self::from_parts(false, digits)
    }

    /// Converts a signed 128-bit integer.
    pub fn from_i128(v: i128) -> Self {
        let magnitude = Self::from_u128(v.unsigned_abs());
        Self::from_parts(v < 0, magnitude.digits)
    }

    /// Converts an unsigned 64-bit integer (`PyLong_FromUnsignedLongLong`).
    pub fn from_u64(v: u64) -> Self {
        Self::from_u128(u128::from(v))
    }

    /// Converts a signed 64-bit integer (`PyLong_FromLongLong`).
    pub fn from_i64(v: i64) -> Self {
        Self::from_i128(i128::from(v))
    }

    /// True for values `< 0`.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// True for one.
    pub fn is_one(&self) -> bool {
        !self.negative && self.digits == [1]
    }

    /// The magnitude's digits, least significant first (`ob_digit`).
    pub fn digits(&self) -> &[u32] {
        &self.digits
    }

    /// Number of digits of the magnitude (0 for zero), the `ndigits` of `lv_tag`.
    pub fn ndigits(&self) -> usize {
        self.digits.len()
    }

    /// Describes the first broken invariant, if any.
    fn invariant_violation(&self) -> Option<String> {
        if let Some(i) = self.digits.iter().position(|&d| d > MASK) {
            return Some(format!("digit {i} is {:#x} >= 2**30", self.digits[i]));
        }
        if self.digits.last() == Some(&0) {
            return Some("most significant digit is zero".to_owned());
        }
        if self.negative && self.digits.is_empty() {
            return Some("zero is marked negative".to_owned());
        }
        None
    }

    /// Checks the representation invariants listed in the module documentation.
    ///
    /// # Panics
    /// Panics with a description of the first broken invariant.
    pub fn check_invariants(&self) {
        if let Some(problem) = self.invariant_violation() {
            panic!("LongValue invariant broken: {problem}: {self:?}");
        }
    }

    /// The magnitude as `u128`, if it fits.
    fn magnitude_u128(&self) -> Option<u128> {
        if self.bit_length() > 128 {
            return None;
        }
        let fold = |acc: u128, &d: &u32| (acc << SHIFT) | u128::from(d);
        Some(self.digits.iter().rev().fold(0, fold))
    }

    /// Converts to `i64` if the value fits (`PyLong_AsLongLong` without the error).
    pub fn to_i64(&self) -> Option<i64> {
        self.to_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// Converts to `u64` if the value fits and is not negative.
    pub fn to_u64(&self) -> Option<u64> {
        if self.negative {
            return None;
        }
        self.magnitude_u128().and_then(|v| u64::try_from(v).ok())
    }

    /// Converts to `i128` if the value fits.
    pub fn to_i128(&self) -> Option<i128> {
        let m = self.magnitude_u128()?;
        if !self.negative {
            return i128::try_from(m).ok();
        }
        if m == 1 << 127 {
            return Some(i128::MIN);
        }
        i128::try_from(m).ok().map(|v| -v)
    }

    /// Number of bits of the magnitude, `int.bit_length()`; 0 for zero.
    pub fn bit_length(&self) -> u64 {
        mag::bit_length(&self.digits)
    }

    /// `-self`.
    pub fn neg(&self) -> Self {
        Self::from_parts(!self.negative, self.digits.clone())
    }

    /// `abs(self)`.
    pub fn abs(&self) -> Self {
        Self::from_parts(false, self.digits.clone())
    }
}

impl PartialOrd for LongValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Numeric order (`long_compare`); `a.cmp(&b)` needs no import since `Ord` is in the
/// prelude.
impl Ord for LongValue {
    fn cmp(&self, o: &Self) -> Ordering {
        match (self.negative, o.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => mag::cmp(&self.digits, &o.digits),
            (true, true) => mag::cmp(&o.digits, &self.digits),
        }
    }
}

impl fmt::Display for LongValue {
    /// Decimal, without the `int_max_str_digits` limit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_radix(10, false))
    }
}

/// Bits needed for one digit (`bit_length_digit`).
fn bit_length_digit(d: u32) -> u32 {
    u32::BITS - d.leading_zeros()
}
