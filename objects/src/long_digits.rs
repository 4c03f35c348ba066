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

use std::cmp::Ordering;
use std::fmt;

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
/// Bits of the hash modulus (`_PyHASH_BITS`).
const HASH_BITS: u32 = 61;
/// The hash modulus `2**61 - 1` (`_PyHASH_MODULUS`).
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

const DIVISION_BY_ZERO: &str = "integer division or modulo by zero";
const MODULO_BY_ZERO: &str = "integer modulo by zero";
const NOT_INVERTIBLE: &str = "base is not invertible for the given modulus";
const POW_MODULUS_ZERO: &str = "pow() 3rd argument cannot be 0";
const NEGATIVE_SHIFT: &str = "negative shift count";
const TOO_MANY_DIGITS: &str = "too many digits in integer";

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// Why an `int` operation failed, with CPython 3.12's exception message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LongError {
    /// `ZeroDivisionError` with its message.
    ZeroDivision(&'static str),
    /// Two-argument `pow` with a negative exponent. Not an error in Python: the object
    /// layer computes the result as a float instead (`long_pow` delegates to `float_pow`).
    NegativeExponent,
    /// `OverflowError` with its message.
    Overflow(String),
    /// `ValueError` with its message.
    Value(String),
    /// `MemoryError` (CPython raises it with an empty message): the result cannot be
    /// allocated, e.g. `1 << 2**62` or `2 ** 2**64`.
    Memory,
}

impl LongError {
    /// The Python exception class name, or `None` for [`LongError::NegativeExponent`],
    /// which is a request for float arithmetic rather than an exception.
    pub fn exception_name(&self) -> Option<&'static str> {
        match self {
            LongError::ZeroDivision(_) => Some("ZeroDivisionError"),
            LongError::NegativeExponent => None,
            LongError::Overflow(_) => Some("OverflowError"),
            LongError::Value(_) => Some("ValueError"),
            LongError::Memory => Some("MemoryError"),
        }
    }

    /// The exception message, exactly as `str(exc)` prints it in CPython 3.12.
    pub fn message(&self) -> &str {
        match self {
            LongError::ZeroDivision(m) => m,
            LongError::NegativeExponent => "negative exponent: the result is a float",
            LongError::Overflow(m) | LongError::Value(m) => m,
            LongError::Memory => "",
        }
    }
}

impl fmt::Display for LongError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.exception_name(), self.message()) {
            (Some(name), "") => f.write_str(name),
            (Some(name), msg) => write!(f, "{name}: {msg}"),
            (None, msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for LongError {}

fn to_str_limit_error(limit: usize) -> LongError {
    LongError::Value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

fn to_int_limit_error(limit: usize, digits: usize) -> LongError {
    LongError::Value(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

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

// ---------------------------------------------------------------------------------------
// Magnitude algorithms
// ---------------------------------------------------------------------------------------

/// Unsigned algorithms on little-endian 30-bit digit slices.
///
/// Inputs may carry most-significant zero digits unless a function says otherwise; every
/// returned vector is normalized.
mod mag {
    use super::{BASE, KARATSUBA_CUTOFF, MASK, SHIFT};
    use std::cmp::Ordering;

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

    /// `a << d` for `d < 30`, same digit count; returns the digits and the carry-out
    /// (`v_lshift`).
    fn lshift_bits(a: &[u32], d: u32) -> (Vec<u32>, u32) {
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
    fn rshift_bits(a: &[u32], d: u32) -> Vec<u32> {
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
}

// ---------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------

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

    /// `self * o`.
    pub fn mul(&self, o: &Self) -> Self {
        Self::from_parts(
            self.negative != o.negative,
            mag::mul(&self.digits, &o.digits),
        )
    }

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
    fn divmod_floor(&self, o: &Self) -> (Self, Self) {
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

// ---------------------------------------------------------------------------------------
// Bitwise operations and shifts
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Hash and float conversions
// ---------------------------------------------------------------------------------------

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

    /// `float(self)`, correctly rounded (round-half-even), like `PyLong_AsDouble`.
    ///
    /// # Errors
    /// `|self|` rounds to `2**1024` or more: `OverflowError: int too large to convert to
    /// float`.
    pub fn to_f64(&self) -> Result<f64, LongError> {
        let overflow = || LongError::Overflow("int too large to convert to float".to_owned());
        let nbits = self.bit_length();
        if nbits > 1024 {
            return Err(overflow());
        }
        let magnitude = if nbits <= 64 {
            mag::low_u64(&self.digits) as f64 // `as` rounds half to even
        } else {
            // Keep the top 55 bits and fold all lower bits into bit 0 (a sticky bit):
            // the one rounding done by `as f64` is then the correct one.
            let shift = nbits - 55;
            let top = mag::shr(&self.digits, (shift / 30) as usize, (shift % 30) as u32);
            let sticky = u64::from(self.has_low_bits(shift));
            (mag::low_u64(&top) | sticky) as f64 * pow2(shift as i64)
        };
        if magnitude.is_infinite() {
            return Err(overflow());
        }
        Ok(if self.negative { -magnitude } else { magnitude })
    }

    /// True if any of the `n` least significant bits of the magnitude is set.
    fn has_low_bits(&self, n: u64) -> bool {
        let words = (n / u64::from(SHIFT)) as usize;
        let rest = (n % u64::from(SHIFT)) as u32;
        let low_words = &self.digits[..words.min(self.digits.len())];
        let partial = self.digits.get(words).map_or(0, |&d| d & ((1 << rest) - 1));
        partial != 0 || low_words.iter().any(|&d| d != 0)
    }

    /// `int(x)` for a float: truncates toward zero (`PyLong_FromDouble`).
    ///
    /// # Errors
    /// * infinity: `OverflowError: cannot convert float infinity to integer`;
    /// * NaN: `ValueError: cannot convert float NaN to integer`.
    pub fn from_f64(x: f64) -> Result<Self, LongError> {
        if x.is_infinite() {
            return Err(LongError::Overflow(
                "cannot convert float infinity to integer".to_owned(),
            ));
        }
        if x.is_nan() {
            return Err(LongError::Value(
                "cannot convert float NaN to integer".to_owned(),
            ));
        }
        let bits = x.to_bits();
        let biased_exp = ((bits >> 52) & 0x7ff) as i64;
        if biased_exp < 1023 {
            return Ok(Self::zero()); // |x| < 1, including subnormals and zeros
        }
        // |x| = mantissa * 2**exp with a 53-bit mantissa.
        let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
        let exp = biased_exp - 1075;
        let digits = if exp >= 0 {
            shl_bits(&Self::from_u64(mantissa).digits, exp as u64)
        } else {
            Self::from_u64(mantissa >> (-exp)).digits
        };
        Ok(Self::from_parts(x < 0.0, digits))
    }

    /// `self / o` as a float, correctly rounded (round-half-even), like
    /// `long_true_divide`. The sign of a zero result is the sign of the quotient, so
    /// `0 / -5` is `-0.0`.
    ///
    /// # Errors
    /// * `o == 0`: `ZeroDivisionError: division by zero`;
    /// * the quotient rounds to `2**1024` or more: `OverflowError: integer division
    ///   result too large for a float`.
    pub fn true_div(&self, o: &Self) -> Result<f64, LongError> {
        if o.is_zero() {
            return Err(LongError::ZeroDivision("division by zero"));
        }
        let magnitude = if self.is_zero() {
            0.0
        } else {
            magnitude_quotient_f64(&self.digits, &o.digits)?
        };
        Ok(if self.negative != o.negative {
            -magnitude
        } else {
            magnitude
        })
    }
}

/// `a << n` for shifts whose result is known to be of moderate size.
fn shl_bits(a: &[u32], n: u64) -> Vec<u32> {
    let (wordshift, remshift) = (
        (n / u64::from(SHIFT)) as usize,
        (n % u64::from(SHIFT)) as u32,
    );
    mag::shl(a, wordshift, remshift).expect("shift result of moderate size")
}

/// `2**e` for `-1074 <= e <= 1023`, exactly.
fn pow2(e: i64) -> f64 {
    debug_assert!((-1074..=1023).contains(&e));
    if e >= -1022 {
        f64::from_bits(((1023 + e) as u64) << 52)
    } else {
        f64::from_bits(1 << (e + 1074))
    }
}

/// `a / b` for non-zero magnitudes, rounded once to the nearest float.
fn magnitude_quotient_f64(a: &[u32], b: &[u32]) -> Result<f64, LongError> {
    let overflow =
        || LongError::Overflow("integer division result too large for a float".to_owned());
    let (na, nb) = (mag::bit_length(a) as i64, mag::bit_length(b) as i64);
    if na <= 53 && nb <= 53 {
        // Both operands are exact floats: the division rounds once.
        return Ok(mag::low_u64(a) as f64 / mag::low_u64(b) as f64);
    }
    // floor(log2(a / b)) is na - nb or na - nb - 1.
    if na - nb - 1 > 1023 {
        return Err(overflow());
    }
    if na - nb < -1076 {
        return Ok(0.0); // below half of the smallest subnormal
    }
    let e = floor_log2_quotient(a, b, na - nb);
    if e > 1023 {
        return Err(overflow());
    }
    // Count in units of the last bit the result keeps: 53 bits, fewer if subnormal.
    let unit = (e - 52).max(-1074);
    let value = rounded_quotient(a, b, unit) as f64 * pow2(unit);
    if value.is_infinite() {
        return Err(overflow());
    }
    Ok(value)
}

/// `floor(log2(a / b))`, given `guess = bit_length(a) - bit_length(b)`: it is `guess`
/// or `guess - 1`.
fn floor_log2_quotient(a: &[u32], b: &[u32], guess: i64) -> i64 {
    let (num, den) = scale_by_power_of_two(a, b, guess);
    if mag::cmp(&num, &den) == Ordering::Less {
        guess - 1
    } else {
        guess
    }
}

/// `a / (b * 2**unit)` rounded to an integer, ties to even; the caller picks `unit` so
/// that the result is at most `2**53`.
fn rounded_quotient(a: &[u32], b: &[u32], unit: i64) -> u64 {
    let (num, den) = scale_by_power_of_two(a, b, unit);
    let (q, r) = mag::divrem(&num, &den);
    debug_assert!(mag::bit_length(&q) <= 53);
    let q = mag::low_u64(&q);
    match mag::cmp(&mag::add(&r, &r), &den) {
        Ordering::Greater => q + 1,
        Ordering::Equal => q + (q & 1),
        Ordering::Less => q,
    }
}

/// `(a, b * 2**e)` for `e >= 0`, `(a * 2**-e, b)` otherwise: a fraction equal to
/// `a / (b * 2**e)` in integers.
fn scale_by_power_of_two(a: &[u32], b: &[u32], e: i64) -> (Vec<u32>, Vec<u32>) {
    if e >= 0 {
        (a.to_vec(), shl_bits(b, e as u64))
    } else {
        (shl_bits(a, e.unsigned_abs()), b.to_vec())
    }
}

// ---------------------------------------------------------------------------------------
// Output: str(), hex(), oct(), bin()
// ---------------------------------------------------------------------------------------

/// Converts a magnitude to base `big_base < 2**30`, least significant chunk first
/// (the inner loop of `long_to_decimal_string_internal`).
fn to_big_base(digits: &[u32], big_base: u32) -> Vec<u32> {
    let big_base = u64::from(big_base);
    let mut out: Vec<u32> = Vec::with_capacity(digits.len() * 34 / 30 + 1);
    for &d in digits.iter().rev() {
        // out = out * 2**30 + d, in base big_base.
        let mut hi = u64::from(d);
        for chunk in out.iter_mut() {
            let z = (u64::from(*chunk) << SHIFT) | hi;
            hi = z / big_base;
            *chunk = (z - hi * big_base) as u32;
        }
        while hi != 0 {
            out.push((hi % big_base) as u32);
            hi /= big_base;
        }
    }
    out
}

/// Digit characters of `int()` and `hex()`: `0-9a-z`.
const DIGIT_CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Writes `value` in `base` with exactly `width` digits (zero-padded) into `out`, or with
/// no padding if `width` is `None`.
fn push_chunk(out: &mut String, mut value: u32, base: u32, width: Option<usize>) {
    let mut buf = [0u8; 32];
    let mut n = 0;
    while value != 0 || n == 0 || width.is_some_and(|w| n < w) {
        buf[n] = DIGIT_CHARS[(value % base) as usize];
        value /= base;
        n += 1;
    }
    out.extend(buf[..n].iter().rev().map(|&b| char::from(b)));
}

/// The magnitude in a base that is not a power of two, without sign.
fn magnitude_to_string(digits: &[u32], base: u32) -> String {
    let (chunk_base, chunk_width) = chunk_params(base);
    let chunks = to_big_base(digits, chunk_base);
    let mut out = String::with_capacity(chunks.len() * chunk_width + 1);
    match chunks.split_last() {
        None => out.push('0'),
        Some((&top, rest)) => {
            push_chunk(&mut out, top, base, None);
            for &chunk in rest.iter().rev() {
                push_chunk(&mut out, chunk, base, Some(chunk_width));
            }
        }
    }
    out
}

/// The magnitude in a power-of-two base, without sign (`long_format_binary`).
fn magnitude_to_binary_string(digits: &[u32], base: u32) -> String {
    let bits = base.trailing_zeros();
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() * 30 / bits as usize + 1);
    let (mut acc, mut accbits) = (0u64, 0u32);
    for (i, &d) in digits.iter().enumerate() {
        acc |= u64::from(d) << accbits;
        accbits += SHIFT;
        let last = i + 1 == digits.len();
        while accbits >= bits || (last && acc != 0) {
            rev.push(DIGIT_CHARS[(acc & u64::from(base - 1)) as usize]);
            acc >>= bits;
            accbits = accbits.saturating_sub(bits);
        }
    }
    while rev.len() > 1 && rev.last() == Some(&b'0') {
        rev.pop();
    }
    if rev.is_empty() {
        rev.push(b'0');
    }
    rev.iter().rev().map(|&b| char::from(b)).collect()
}

/// The largest power `base**k < 2**30`, and `k` (`convmultmax`, `convwidth`).
fn chunk_params(base: u32) -> (u32, usize) {
    let (mut power, mut width) = (u64::from(base), 1);
    while power * u64::from(base) < BASE {
        power *= u64::from(base);
        width += 1;
    }
    (power as u32, width)
}

impl LongValue {
    /// `str(self)` under the default `int_max_str_digits` limit of 4300 digits.
    ///
    /// # Errors
    /// More than 4300 decimal digits (the sign not counted): `ValueError: Exceeds the
    /// limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits()
    /// to increase the limit`.
    pub fn to_string_radix10(&self) -> Result<String, LongError> {
        self.to_string_radix10_with_limit(MAX_STR_DIGITS)
    }

    /// `str(self)` under `sys.set_int_max_str_digits(limit)`; `0` means no limit. (CPython
    /// only accepts 0 or limits `>= 640`.)
    ///
    /// # Errors
    /// More than `limit` decimal digits: the `ValueError` of [`Self::to_string_radix10`].
    pub fn to_string_radix10_with_limit(&self, limit: usize) -> Result<String, LongError> {
        // CPython's cheap pre-check: a number of this many digits certainly has more
        // than `limit` decimal digits.
        let size = self.digits.len();
        if limit > 0 && size >= 73 && limit / 90 <= (size - 11) / 10 {
            return Err(to_str_limit_error(limit));
        }
        let body = magnitude_to_string(&self.digits, 10);
        if limit > 0 && body.len() > limit {
            return Err(to_str_limit_error(limit));
        }
        Ok(if self.negative {
            format!("-{body}")
        } else {
            body
        })
    }

    /// The value in `base` (2..=36, lowercase letters, no digit limit), as used by `hex()`,
    /// `oct()` and `bin()` (`_PyLong_Format`): with `prefix`, `0b`/`0o`/`0x` follows the
    /// sign, e.g. `-0xff`.
    ///
    /// # Panics
    /// Panics if `base` is outside 2..=36, or if `prefix` is set for a base other than
    /// 2, 8 or 16.
    pub fn to_string_radix(&self, base: u32, prefix: bool) -> String {
        assert!(
            (2..=36).contains(&base),
            "to_string_radix: base {base} not in 2..=36"
        );
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        if prefix {
            out.push_str(match base {
                2 => "0b",
                8 => "0o",
                16 => "0x",
                _ => panic!("to_string_radix: no prefix for base {base}"),
            });
        }
        if base.is_power_of_two() {
            out.push_str(&magnitude_to_binary_string(&self.digits, base));
        } else {
            out.push_str(&magnitude_to_string(&self.digits, base));
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Input: int(s, base)
// ---------------------------------------------------------------------------------------

/// Why the ASCII-level parser (`PyLong_FromString`) rejected its input.
enum ScanError {
    /// Malformed literal; the caller reports `invalid literal for int()`.
    Invalid,
    /// Valid, but over the `int_max_str_digits` limit with this many digits.
    TooManyDigits(usize),
}

/// Value of an ASCII digit character in bases up to 36 (`_PyLong_DigitValue`); 37 for
/// anything else.
fn ascii_digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 37,
    }
}

/// C's `isspace` in the C locale (`Py_ISSPACE`).
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII below 127 is kept, Unicode
/// whitespace becomes a space, Unicode decimal digits become ASCII digits; the first other
/// character becomes `?` and ends the buffer.
fn transform_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if unicode::is_space(c) {
            out.push(b' ');
        } else if let Some(d) = unicode::decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// A literal's pieces after the sign and prefix.
struct Literal<'a> {
    negative: bool,
    base: u32,
    /// "Old-style octal" (`base=0`, leading `0`): only zero is valid.
    zero_only: bool,
    /// Digits and single underscores, validated.
    body: &'a [u8],
    /// Digit count (underscores excluded).
    ndigits: usize,
}

/// Splits and validates an ASCII literal (`PyLong_FromString` up to the conversion,
/// and `long_from_string_base`'s scan). `s` ends at its first NUL, like a C string.
fn scan_literal(s: &[u8], base: u32) -> Option<Literal<'_>> {
    let mut i = s.iter().take_while(|&&c| is_ascii_space(c)).count();
    let negative = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let at = |k: usize| s.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let (base, zero_only) = match (base, at(i), at(i + 1)) {
        (0, b'0', b'x') => (16, false),
        (0, b'0', b'o') => (8, false),
        (0, b'0', b'b') => (2, false),
        (0, b'0', _) => (10, true),
        (0, _, _) => (10, false),
        (b, _, _) => (b, false),
    };
    let prefix = match base {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if prefix != 0 && at(i) == b'0' && at(i + 1) == prefix {
        i += 2;
        if at(i) == b'_' {
            i += 1; // one underscore may follow the prefix
        }
    }
    let (body, ndigits) = scan_digits(&s[i..], base)?;
    let rest = &s[i + body.len()..];
    if !rest.iter().all(|&c| is_ascii_space(c)) {
        return None;
    }
    Some(Literal {
        negative,
        base,
        zero_only,
        body,
        ndigits,
    })
}

/// The run of digits and single underscores at the start of `s`, and its digit count.
fn scan_digits(s: &[u8], base: u32) -> Option<(&[u8], usize)> {
    if s.first() == Some(&b'_') {
        return None;
    }
    let mut ndigits = 0;
    let mut prev = 0u8;
    let mut end = 0;
    for &c in s {
        if c == b'_' {
            if prev == b'_' {
                return None;
            }
        } else if ascii_digit_value(c) < base {
            ndigits += 1;
        } else {
            break;
        }
        prev = c;
        end += 1;
    }
    if prev == b'_' || ndigits == 0 {
        return None;
    }
    Some((&s[..end], ndigits))
}

/// Converts validated digits in a base that is not a power of two
/// (`long_from_non_binary_base`).
fn digits_from_non_binary(body: &[u8], base: u32, ndigits: usize) -> Vec<u32> {
    let (chunk_base, chunk_width) = chunk_params(base);
    let mut z = Vec::with_capacity(ndigits / 9 + 1);
    let (mut acc, mut acc_len, mut mult) = (0u32, 0usize, 1u32);
    for &c in body.iter().filter(|&&c| c != b'_') {
        acc = acc * base + ascii_digit_value(c);
        mult *= base;
        acc_len += 1;
        if acc_len == chunk_width {
            debug_assert_eq!(mult, chunk_base);
            mag::mul_add_small(&mut z, mult, acc);
            (acc, acc_len, mult) = (0, 0, 1);
        }
    }
    if acc_len > 0 {
        mag::mul_add_small(&mut z, mult, acc);
    }
    mag::normalize(z)
}

/// Converts validated digits in a power-of-two base (`long_from_binary_base`).
fn digits_from_binary(body: &[u8], base: u32) -> Vec<u32> {
    let bits = base.trailing_zeros();
    let mut z = Vec::with_capacity(body.len() * bits as usize / 30 + 1);
    let (mut acc, mut accbits) = (0u64, 0u32);
    for &c in body.iter().rev().filter(|&&c| c != b'_') {
        acc |= u64::from(ascii_digit_value(c)) << accbits;
        accbits += bits;
        if accbits >= SHIFT {
            z.push((acc as u32) & MASK);
            acc >>= SHIFT;
            accbits -= SHIFT;
        }
    }
    z.push(acc as u32);
    mag::normalize(z)
}

/// Parses an ASCII buffer like `PyLong_FromString`, which stops at the first NUL.
fn parse_ascii(s: &[u8], base: u32, limit: usize) -> Result<LongValue, ScanError> {
    let c_string = s.split(|&c| c == 0).next().unwrap_or(&[]);
    let lit = scan_literal(c_string, base).ok_or(ScanError::Invalid)?;
    let digits = if lit.base.is_power_of_two() {
        digits_from_binary(lit.body, lit.base)
    } else {
        if limit > 0 && lit.ndigits > limit {
            return Err(ScanError::TooManyDigits(lit.ndigits));
        }
        digits_from_non_binary(lit.body, lit.base, lit.ndigits)
    };
    if (lit.zero_only && !digits.is_empty()) || c_string.len() != s.len() {
        return Err(ScanError::Invalid);
    }
    Ok(LongValue::from_parts(lit.negative, digits))
}

impl LongValue {
    /// `int(s)`: base 10 under the default 4300-digit limit.
    ///
    /// Accepts surrounding whitespace (ASCII `" \t\n\v\f\r"` and Unicode whitespace, but
    /// not `\x1c`-`\x1f`), one sign, single underscores between digits, and any Unicode
    /// decimal digits (Arabic-Indic, fullwidth, ...).
    ///
    /// # Errors
    /// * malformed: `ValueError: invalid literal for int() with base 10: 's'`, where `'s'`
    ///   is `repr(s)` cut to 200 characters, like CPython's `%.200R`;
    /// * more than 4300 digits: `ValueError: Exceeds the limit (4300 digits) for integer
    ///   string conversion: value has N digits; use sys.set_int_max_str_digits() to
    ///   increase the limit`. The literal is validated first.
    ///
    /// # Example
    /// ```
    /// use pyrt_objects::long_digits::LongValue;
    /// assert_eq!(LongValue::parse(" -1_000\n"), Ok(LongValue::from_i64(-1000)));
    /// assert_eq!(LongValue::parse("\u{0661}\u{0662}"), Ok(LongValue::from_i64(12)));
    /// ```
    pub fn parse(s: &str) -> Result<Self, LongError> {
        Self::parse_radix(s, 10)
    }

    /// `int(s, base)` for base 0 or 2..=36 under the default 4300-digit limit, which only
    /// applies to bases that are not powers of two. Base 0 reads a `0x`/`0o`/`0b` prefix
    /// and otherwise means 10, where leading zeros are only allowed for zero itself; an
    /// explicit base 16, 8 or 2 also accepts its prefix.
    ///
    /// # Errors
    /// Those of [`Self::parse`], the message naming `base`; and a base outside 0, 2..=36:
    /// `ValueError: int() base must be >= 2 and <= 36, or 0`.
    pub fn parse_radix(s: &str, base: u32) -> Result<Self, LongError> {
        Self::parse_with_limit(s, base, MAX_STR_DIGITS)
    }

    /// [`Self::parse_radix`] under `sys.set_int_max_str_digits(limit)`; `0` means no limit.
    ///
    /// # Errors
    /// Those of [`Self::parse_radix`].
    pub fn parse_with_limit(s: &str, base: u32, limit: usize) -> Result<Self, LongError> {
        if base == 1 || base > 36 {
            return Err(LongError::Value(
                "int() base must be >= 2 and <= 36, or 0".to_owned(),
            ));
        }
        match parse_ascii(&transform_to_ascii(s), base, limit) {
            Ok(v) => Ok(v),
            Err(ScanError::TooManyDigits(n)) => Err(to_int_limit_error(limit, n)),
            Err(ScanError::Invalid) => {
                let shown: String = unicode::py_repr(s).chars().take(200).collect();
                Err(LongError::Value(format!(
                    "invalid literal for int() with base {base}: {shown}"
                )))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Unicode data (Unicode 15.0.0, as in CPython 3.12)
// ---------------------------------------------------------------------------------------

/// The few Unicode facts `int()` and its error message need: decimal digits, whitespace,
/// printable characters and `repr()` of a `str`.
mod unicode {
    /// `str.isspace()` for characters above ASCII (`Py_UNICODE_ISSPACE`).
    pub(super) fn is_space(c: char) -> bool {
        matches!(
            c as u32,
            0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
        )
    }

    /// The decimal value of a non-ASCII Unicode decimal digit (category Nd,
    /// `Py_UNICODE_TODECIMAL`).
    pub(super) fn decimal_value(c: char) -> Option<u32> {
        let cp = c as u32;
        let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
        let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
        (cp - zero < 10).then_some(cp - zero)
    }

    /// `str.isprintable()` for one character (`Py_UNICODE_ISPRINTABLE`).
    pub(super) fn is_printable(c: char) -> bool {
        let cp = c as u32;
        if cp < 0x80 {
            return (0x20..0x7F).contains(&cp);
        }
        // Find the last non-printable range starting at or before cp.
        let (mut lo, mut hi) = (0, NON_PRINTABLE.len() / 2);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if NON_PRINTABLE[2 * mid] <= cp {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo == 0 || cp > NON_PRINTABLE[2 * (lo - 1) + 1]
    }

    /// Python's `repr()` of a `str` (`unicode_repr`).
    pub(super) fn py_repr(s: &str) -> String {
        let quote = if s.contains('\'') && !s.contains('"') {
            '"'
        } else {
            '\''
        };
        let mut out = String::with_capacity(s.len() + 2);
        out.push(quote);
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c if is_printable(c) => out.push(c),
                c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push_str(&format!("\\U{:08x}", c as u32)),
            }
        }
        out.push(quote);
        out
    }

    /// First code point of each run of ten non-ASCII decimal digits `0..=9`.
    #[rustfmt::skip]
    pub(super) const DECIMAL_ZEROS: [u32; 67] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
        0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
        0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50,
        0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2,
        0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950, 0x1FBF0,
    ];

    /// Inclusive ranges `[start, end]` (flattened) of non-printable code points from
    /// U+0080 up: categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs.
    #[rustfmt::skip]
    pub(super) const NON_PRINTABLE: [u32; 1422] = [
        0x80, 0xA0, 0xAD, 0xAD, 0x378, 0x379, 0x380, 0x383, 0x38B, 0x38B, 0x38D, 0x38D, 0x3A2,
        0x3A2, 0x530, 0x530, 0x557, 0x558, 0x58B, 0x58C, 0x590, 0x590, 0x5C8, 0x5CF, 0x5EB,
        0x5EE, 0x5F5, 0x605, 0x61C, 0x61C, 0x6DD, 0x6DD, 0x70E, 0x70F, 0x74B, 0x74C, 0x7B2,
        0x7BF, 0x7FB, 0x7FC, 0x82E, 0x82F, 0x83F, 0x83F, 0x85C, 0x85D, 0x85F, 0x85F, 0x86B,
        0x86F, 0x88F, 0x897, 0x8E2, 0x8E2, 0x984, 0x984, 0x98D, 0x98E, 0x991, 0x992, 0x9A9,
        0x9A9, 0x9B1, 0x9B1, 0x9B3, 0x9B5, 0x9BA, 0x9BB, 0x9C5, 0x9C6, 0x9C9, 0x9CA, 0x9CF,
        0x9D6, 0x9D8, 0x9DB, 0x9DE, 0x9DE, 0x9E4, 0x9E5, 0x9FF, 0xA00, 0xA04, 0xA04, 0xA0B,
        0xA0E, 0xA11, 0xA12, 0xA29, 0xA29, 0xA31, 0xA31, 0xA34, 0xA34, 0xA37, 0xA37, 0xA3A,
        0xA3B, 0xA3D, 0xA3D, 0xA43, 0xA46, 0xA49, 0xA4A, 0xA4E, 0xA50, 0xA52, 0xA58, 0xA5D,
        0xA5D, 0xA5F, 0xA65, 0xA77, 0xA80, 0xA84, 0xA84, 0xA8E, 0xA8E, 0xA92, 0xA92, 0xAA9,
        0xAA9, 0xAB1, 0xAB1, 0xAB4, 0xAB4, 0xABA, 0xABB, 0xAC6, 0xAC6, 0xACA, 0xACA, 0xACE,
        0xACF, 0xAD1, 0xADF, 0xAE4, 0xAE5, 0xAF2, 0xAF8, 0xB00, 0xB00, 0xB04, 0xB04, 0xB0D,
        0xB0E, 0xB11, 0xB12, 0xB29, 0xB29, 0xB31, 0xB31, 0xB34, 0xB34, 0xB3A, 0xB3B, 0xB45,
        0xB46, 0xB49, 0xB4A, 0xB4E, 0xB54, 0xB58, 0xB5B, 0xB5E, 0xB5E, 0xB64, 0xB65, 0xB78,
        0xB81, 0xB84, 0xB84, 0xB8B, 0xB8D, 0xB91, 0xB91, 0xB96, 0xB98, 0xB9B, 0xB9B, 0xB9D,
        0xB9D, 0xBA0, 0xBA2, 0xBA5, 0xBA7, 0xBAB, 0xBAD, 0xBBA, 0xBBD, 0xBC3, 0xBC5, 0xBC9,
        0xBC9, 0xBCE, 0xBCF, 0xBD1, 0xBD6, 0xBD8, 0xBE5, 0xBFB, 0xBFF, 0xC0D, 0xC0D, 0xC11,
        0xC11, 0xC29, 0xC29, 0xC3A, 0xC3B, 0xC45, 0xC45, 0xC49, 0xC49, 0xC4E, 0xC54, 0xC57,
        0xC57, 0xC5B, 0xC5C, 0xC5E, 0xC5F, 0xC64, 0xC65, 0xC70, 0xC76, 0xC8D, 0xC8D, 0xC91,
        0xC91, 0xCA9, 0xCA9, 0xCB4, 0xCB4, 0xCBA, 0xCBB, 0xCC5, 0xCC5, 0xCC9, 0xCC9, 0xCCE,
        0xCD4, 0xCD7, 0xCDC, 0xCDF, 0xCDF, 0xCE4, 0xCE5, 0xCF0, 0xCF0, 0xCF4, 0xCFF, 0xD0D,
        0xD0D, 0xD11, 0xD11, 0xD45, 0xD45, 0xD49, 0xD49, 0xD50, 0xD53, 0xD64, 0xD65, 0xD80,
        0xD80, 0xD84, 0xD84, 0xD97, 0xD99, 0xDB2, 0xDB2, 0xDBC, 0xDBC, 0xDBE, 0xDBF, 0xDC7,
        0xDC9, 0xDCB, 0xDCE, 0xDD5, 0xDD5, 0xDD7, 0xDD7, 0xDE0, 0xDE5, 0xDF0, 0xDF1, 0xDF5,
        0xE00, 0xE3B, 0xE3E, 0xE5C, 0xE80, 0xE83, 0xE83, 0xE85, 0xE85, 0xE8B, 0xE8B, 0xEA4,
        0xEA4, 0xEA6, 0xEA6, 0xEBE, 0xEBF, 0xEC5, 0xEC5, 0xEC7, 0xEC7, 0xECF, 0xECF, 0xEDA,
        0xEDB, 0xEE0, 0xEFF, 0xF48, 0xF48, 0xF6D, 0xF70, 0xF98, 0xF98, 0xFBD, 0xFBD, 0xFCD,
        0xFCD, 0xFDB, 0xFFF, 0x10C6, 0x10C6, 0x10C8, 0x10CC, 0x10CE, 0x10CF, 0x1249, 0x1249,
        0x124E, 0x124F, 0x1257, 0x1257, 0x1259, 0x1259, 0x125E, 0x125F, 0x1289, 0x1289, 0x128E,
        0x128F, 0x12B1, 0x12B1, 0x12B6, 0x12B7, 0x12BF, 0x12BF, 0x12C1, 0x12C1, 0x12C6, 0x12C7,
        0x12D7, 0x12D7, 0x1311, 0x1311, 0x1316, 0x1317, 0x135B, 0x135C, 0x137D, 0x137F, 0x139A,
        0x139F, 0x13F6, 0x13F7, 0x13FE, 0x13FF, 0x1680, 0x1680, 0x169D, 0x169F, 0x16F9, 0x16FF,
        0x1716, 0x171E, 0x1737, 0x173F, 0x1754, 0x175F, 0x176D, 0x176D, 0x1771, 0x1771, 0x1774,
        0x177F, 0x17DE, 0x17DF, 0x17EA, 0x17EF, 0x17FA, 0x17FF, 0x180E, 0x180E, 0x181A, 0x181F,
        0x1879, 0x187F, 0x18AB, 0x18AF, 0x18F6, 0x18FF, 0x191F, 0x191F, 0x192C, 0x192F, 0x193C,
        0x193F, 0x1941, 0x1943, 0x196E, 0x196F, 0x1975, 0x197F, 0x19AC, 0x19AF, 0x19CA, 0x19CF,
        0x19DB, 0x19DD, 0x1A1C, 0x1A1D, 0x1A5F, 0x1A5F, 0x1A7D, 0x1A7E, 0x1A8A, 0x1A8F, 0x1A9A,
        0x1A9F, 0x1AAE, 0x1AAF, 0x1ACF, 0x1AFF, 0x1B4D, 0x1B4F, 0x1B7F, 0x1B7F, 0x1BF4, 0x1BFB,
        0x1C38, 0x1C3A, 0x1C4A, 0x1C4C, 0x1C89, 0x1C8F, 0x1CBB, 0x1CBC, 0x1CC8, 0x1CCF, 0x1CFB,
        0x1CFF, 0x1F16, 0x1F17, 0x1F1E, 0x1F1F, 0x1F46, 0x1F47, 0x1F4E, 0x1F4F, 0x1F58, 0x1F58,
        0x1F5A, 0x1F5A, 0x1F5C, 0x1F5C, 0x1F5E, 0x1F5E, 0x1F7E, 0x1F7F, 0x1FB5, 0x1FB5, 0x1FC5,
        0x1FC5, 0x1FD4, 0x1FD5, 0x1FDC, 0x1FDC, 0x1FF0, 0x1FF1, 0x1FF5, 0x1FF5, 0x1FFF, 0x200F,
        0x2028, 0x202F, 0x205F, 0x206F, 0x2072, 0x2073, 0x208F, 0x208F, 0x209D, 0x209F, 0x20C1,
        0x20CF, 0x20F1, 0x20FF, 0x218C, 0x218F, 0x2427, 0x243F, 0x244B, 0x245F, 0x2B74, 0x2B75,
        0x2B96, 0x2B96, 0x2CF4, 0x2CF8, 0x2D26, 0x2D26, 0x2D28, 0x2D2C, 0x2D2E, 0x2D2F, 0x2D68,
        0x2D6E, 0x2D71, 0x2D7E, 0x2D97, 0x2D9F, 0x2DA7, 0x2DA7, 0x2DAF, 0x2DAF, 0x2DB7, 0x2DB7,
        0x2DBF, 0x2DBF, 0x2DC7, 0x2DC7, 0x2DCF, 0x2DCF, 0x2DD7, 0x2DD7, 0x2DDF, 0x2DDF, 0x2E5E,
        0x2E7F, 0x2E9A, 0x2E9A, 0x2EF4, 0x2EFF, 0x2FD6, 0x2FEF, 0x2FFC, 0x3000, 0x3040, 0x3040,
        0x3097, 0x3098, 0x3100, 0x3104, 0x3130, 0x3130, 0x318F, 0x318F, 0x31E4, 0x31EF, 0x321F,
        0x321F, 0xA48D, 0xA48F, 0xA4C7, 0xA4CF, 0xA62C, 0xA63F, 0xA6F8, 0xA6FF, 0xA7CB, 0xA7CF,
        0xA7D2, 0xA7D2, 0xA7D4, 0xA7D4, 0xA7DA, 0xA7F1, 0xA82D, 0xA82F, 0xA83A, 0xA83F, 0xA878,
        0xA87F, 0xA8C6, 0xA8CD, 0xA8DA, 0xA8DF, 0xA954, 0xA95E, 0xA97D, 0xA97F, 0xA9CE, 0xA9CE,
        0xA9DA, 0xA9DD, 0xA9FF, 0xA9FF, 0xAA37, 0xAA3F, 0xAA4E, 0xAA4F, 0xAA5A, 0xAA5B, 0xAAC3,
        0xAADA, 0xAAF7, 0xAB00, 0xAB07, 0xAB08, 0xAB0F, 0xAB10, 0xAB17, 0xAB1F, 0xAB27, 0xAB27,
        0xAB2F, 0xAB2F, 0xAB6C, 0xAB6F, 0xABEE, 0xABEF, 0xABFA, 0xABFF, 0xD7A4, 0xD7AF, 0xD7C7,
        0xD7CA, 0xD7FC, 0xF8FF, 0xFA6E, 0xFA6F, 0xFADA, 0xFAFF, 0xFB07, 0xFB12, 0xFB18, 0xFB1C,
        0xFB37, 0xFB37, 0xFB3D, 0xFB3D, 0xFB3F, 0xFB3F, 0xFB42, 0xFB42, 0xFB45, 0xFB45, 0xFBC3,
        0xFBD2, 0xFD90, 0xFD91, 0xFDC8, 0xFDCE, 0xFDD0, 0xFDEF, 0xFE1A, 0xFE1F, 0xFE53, 0xFE53,
        0xFE67, 0xFE67, 0xFE6C, 0xFE6F, 0xFE75, 0xFE75, 0xFEFD, 0xFF00, 0xFFBF, 0xFFC1, 0xFFC8,
        0xFFC9, 0xFFD0, 0xFFD1, 0xFFD8, 0xFFD9, 0xFFDD, 0xFFDF, 0xFFE7, 0xFFE7, 0xFFEF, 0xFFFB,
        0xFFFE, 0xFFFF, 0x1000C, 0x1000C, 0x10027, 0x10027, 0x1003B, 0x1003B, 0x1003E, 0x1003E,
        0x1004E, 0x1004F, 0x1005E, 0x1007F, 0x100FB, 0x100FF, 0x10103, 0x10106, 0x10134,
        0x10136, 0x1018F, 0x1018F, 0x1019D, 0x1019F, 0x101A1, 0x101CF, 0x101FE, 0x1027F,
        0x1029D, 0x1029F, 0x102D1, 0x102DF, 0x102FC, 0x102FF, 0x10324, 0x1032C, 0x1034B,
        0x1034F, 0x1037B, 0x1037F, 0x1039E, 0x1039E, 0x103C4, 0x103C7, 0x103D6, 0x103FF,
        0x1049E, 0x1049F, 0x104AA, 0x104AF, 0x104D4, 0x104D7, 0x104FC, 0x104FF, 0x10528,
        0x1052F, 0x10564, 0x1056E, 0x1057B, 0x1057B, 0x1058B, 0x1058B, 0x10593, 0x10593,
        0x10596, 0x10596, 0x105A2, 0x105A2, 0x105B2, 0x105B2, 0x105BA, 0x105BA, 0x105BD,
        0x105FF, 0x10737, 0x1073F, 0x10756, 0x1075F, 0x10768, 0x1077F, 0x10786, 0x10786,
        0x107B1, 0x107B1, 0x107BB, 0x107FF, 0x10806, 0x10807, 0x10809, 0x10809, 0x10836,
        0x10836, 0x10839, 0x1083B, 0x1083D, 0x1083E, 0x10856, 0x10856, 0x1089F, 0x108A6,
        0x108B0, 0x108DF, 0x108F3, 0x108F3, 0x108F6, 0x108FA, 0x1091C, 0x1091E, 0x1093A,
        0x1093E, 0x10940, 0x1097F, 0x109B8, 0x109BB, 0x109D0, 0x109D1, 0x10A04, 0x10A04,
        0x10A07, 0x10A0B, 0x10A14, 0x10A14, 0x10A18, 0x10A18, 0x10A36, 0x10A37, 0x10A3B,
        0x10A3E, 0x10A49, 0x10A4F, 0x10A59, 0x10A5F, 0x10AA0, 0x10ABF, 0x10AE7, 0x10AEA,
        0x10AF7, 0x10AFF, 0x10B36, 0x10B38, 0x10B56, 0x10B57, 0x10B73, 0x10B77, 0x10B92,
        0x10B98, 0x10B9D, 0x10BA8, 0x10BB0, 0x10BFF, 0x10C49, 0x10C7F, 0x10CB3, 0x10CBF,
        0x10CF3, 0x10CF9, 0x10D28, 0x10D2F, 0x10D3A, 0x10E5F, 0x10E7F, 0x10E7F, 0x10EAA,
        0x10EAA, 0x10EAE, 0x10EAF, 0x10EB2, 0x10EFC, 0x10F28, 0x10F2F, 0x10F5A, 0x10F6F,
        0x10F8A, 0x10FAF, 0x10FCC, 0x10FDF, 0x10FF7, 0x10FFF, 0x1104E, 0x11051, 0x11076,
        0x1107E, 0x110BD, 0x110BD, 0x110C3, 0x110CF, 0x110E9, 0x110EF, 0x110FA, 0x110FF,
        0x11135, 0x11135, 0x11148, 0x1114F, 0x11177, 0x1117F, 0x111E0, 0x111E0, 0x111F5,
        0x111FF, 0x11212, 0x11212, 0x11242, 0x1127F, 0x11287, 0x11287, 0x11289, 0x11289,
        0x1128E, 0x1128E, 0x1129E, 0x1129E, 0x112AA, 0x112AF, 0x112EB, 0x112EF, 0x112FA,
        0x112FF, 0x11304, 0x11304, 0x1130D, 0x1130E, 0x11311, 0x11312, 0x11329, 0x11329,
        0x11331, 0x11331, 0x11334, 0x11334, 0x1133A, 0x1133A, 0x11345, 0x11346, 0x11349,
        0x1134A, 0x1134E, 0x1134F, 0x11351, 0x11356, 0x11358, 0x1135C, 0x11364, 0x11365,
        0x1136D, 0x1136F, 0x11375, 0x113FF, 0x1145C, 0x1145C, 0x11462, 0x1147F, 0x114C8,
        0x114CF, 0x114DA, 0x1157F, 0x115B6, 0x115B7, 0x115DE, 0x115FF, 0x11645, 0x1164F,
        0x1165A, 0x1165F, 0x1166D, 0x1167F, 0x116BA, 0x116BF, 0x116CA, 0x116FF, 0x1171B,
        0x1171C, 0x1172C, 0x1172F, 0x11747, 0x117FF, 0x1183C, 0x1189F, 0x118F3, 0x118FE,
        0x11907, 0x11908, 0x1190A, 0x1190B, 0x11914, 0x11914, 0x11917, 0x11917, 0x11936,
        0x11936, 0x11939, 0x1193A, 0x11947, 0x1194F, 0x1195A, 0x1199F, 0x119A8, 0x119A9,
        0x119D8, 0x119D9, 0x119E5, 0x119FF, 0x11A48, 0x11A4F, 0x11AA3, 0x11AAF, 0x11AF9,
        0x11AFF, 0x11B0A, 0x11BFF, 0x11C09, 0x11C09, 0x11C37, 0x11C37, 0x11C46, 0x11C4F,
        0x11C6D, 0x11C6F, 0x11C90, 0x11C91, 0x11CA8, 0x11CA8, 0x11CB7, 0x11CFF, 0x11D07,
        0x11D07, 0x11D0A, 0x11D0A, 0x11D37, 0x11D39, 0x11D3B, 0x11D3B, 0x11D3E, 0x11D3E,
        0x11D48, 0x11D4F, 0x11D5A, 0x11D5F, 0x11D66, 0x11D66, 0x11D69, 0x11D69, 0x11D8F,
        0x11D8F, 0x11D92, 0x11D92, 0x11D99, 0x11D9F, 0x11DAA, 0x11EDF, 0x11EF9, 0x11EFF,
        0x11F11, 0x11F11, 0x11F3B, 0x11F3D, 0x11F5A, 0x11FAF, 0x11FB1, 0x11FBF, 0x11FF2,
        0x11FFE, 0x1239A, 0x123FF, 0x1246F, 0x1246F, 0x12475, 0x1247F, 0x12544, 0x12F8F,
        0x12FF3, 0x12FFF, 0x13430, 0x1343F, 0x13456, 0x143FF, 0x14647, 0x167FF, 0x16A39,
        0x16A3F, 0x16A5F, 0x16A5F, 0x16A6A, 0x16A6D, 0x16ABF, 0x16ABF, 0x16ACA, 0x16ACF,
        0x16AEE, 0x16AEF, 0x16AF6, 0x16AFF, 0x16B46, 0x16B4F, 0x16B5A, 0x16B5A, 0x16B62,
        0x16B62, 0x16B78, 0x16B7C, 0x16B90, 0x16E3F, 0x16E9B, 0x16EFF, 0x16F4B, 0x16F4E,
        0x16F88, 0x16F8E, 0x16FA0, 0x16FDF, 0x16FE5, 0x16FEF, 0x16FF2, 0x16FFF, 0x187F8,
        0x187FF, 0x18CD6, 0x18CFF, 0x18D09, 0x1AFEF, 0x1AFF4, 0x1AFF4, 0x1AFFC, 0x1AFFC,
        0x1AFFF, 0x1AFFF, 0x1B123, 0x1B131, 0x1B133, 0x1B14F, 0x1B153, 0x1B154, 0x1B156,
        0x1B163, 0x1B168, 0x1B16F, 0x1B2FC, 0x1BBFF, 0x1BC6B, 0x1BC6F, 0x1BC7D, 0x1BC7F,
        0x1BC89, 0x1BC8F, 0x1BC9A, 0x1BC9B, 0x1BCA0, 0x1CEFF, 0x1CF2E, 0x1CF2F, 0x1CF47,
        0x1CF4F, 0x1CFC4, 0x1CFFF, 0x1D0F6, 0x1D0FF, 0x1D127, 0x1D128, 0x1D173, 0x1D17A,
        0x1D1EB, 0x1D1FF, 0x1D246, 0x1D2BF, 0x1D2D4, 0x1D2DF, 0x1D2F4, 0x1D2FF, 0x1D357,
        0x1D35F, 0x1D379, 0x1D3FF, 0x1D455, 0x1D455, 0x1D49D, 0x1D49D, 0x1D4A0, 0x1D4A1,
        0x1D4A3, 0x1D4A4, 0x1D4A7, 0x1D4A8, 0x1D4AD, 0x1D4AD, 0x1D4BA, 0x1D4BA, 0x1D4BC,
        0x1D4BC, 0x1D4C4, 0x1D4C4, 0x1D506, 0x1D506, 0x1D50B, 0x1D50C, 0x1D515, 0x1D515,
        0x1D51D, 0x1D51D, 0x1D53A, 0x1D53A, 0x1D53F, 0x1D53F, 0x1D545, 0x1D545, 0x1D547,
        0x1D549, 0x1D551, 0x1D551, 0x1D6A6, 0x1D6A7, 0x1D7CC, 0x1D7CD, 0x1DA8C, 0x1DA9A,
        0x1DAA0, 0x1DAA0, 0x1DAB0, 0x1DEFF, 0x1DF1F, 0x1DF24, 0x1DF2B, 0x1DFFF, 0x1E007,
        0x1E007, 0x1E019, 0x1E01A, 0x1E022, 0x1E022, 0x1E025, 0x1E025, 0x1E02B, 0x1E02F,
        0x1E06E, 0x1E08E, 0x1E090, 0x1E0FF, 0x1E12D, 0x1E12F, 0x1E13E, 0x1E13F, 0x1E14A,
        0x1E14D, 0x1E150, 0x1E28F, 0x1E2AF, 0x1E2BF, 0x1E2FA, 0x1E2FE, 0x1E300, 0x1E4CF,
        0x1E4FA, 0x1E7DF, 0x1E7E7, 0x1E7E7, 0x1E7EC, 0x1E7EC, 0x1E7EF, 0x1E7EF, 0x1E7FF,
        0x1E7FF, 0x1E8C5, 0x1E8C6, 0x1E8D7, 0x1E8FF, 0x1E94C, 0x1E94F, 0x1E95A, 0x1E95D,
        0x1E960, 0x1EC70, 0x1ECB5, 0x1ED00, 0x1ED3E, 0x1EDFF, 0x1EE04, 0x1EE04, 0x1EE20,
        0x1EE20, 0x1EE23, 0x1EE23, 0x1EE25, 0x1EE26, 0x1EE28, 0x1EE28, 0x1EE33, 0x1EE33,
        0x1EE38, 0x1EE38, 0x1EE3A, 0x1EE3A, 0x1EE3C, 0x1EE41, 0x1EE43, 0x1EE46, 0x1EE48,
        0x1EE48, 0x1EE4A, 0x1EE4A, 0x1EE4C, 0x1EE4C, 0x1EE50, 0x1EE50, 0x1EE53, 0x1EE53,
        0x1EE55, 0x1EE56, 0x1EE58, 0x1EE58, 0x1EE5A, 0x1EE5A, 0x1EE5C, 0x1EE5C, 0x1EE5E,
        0x1EE5E, 0x1EE60, 0x1EE60, 0x1EE63, 0x1EE63, 0x1EE65, 0x1EE66, 0x1EE6B, 0x1EE6B,
        0x1EE73, 0x1EE73, 0x1EE78, 0x1EE78, 0x1EE7D, 0x1EE7D, 0x1EE7F, 0x1EE7F, 0x1EE8A,
        0x1EE8A, 0x1EE9C, 0x1EEA0, 0x1EEA4, 0x1EEA4, 0x1EEAA, 0x1EEAA, 0x1EEBC, 0x1EEEF,
        0x1EEF2, 0x1EFFF, 0x1F02C, 0x1F02F, 0x1F094, 0x1F09F, 0x1F0AF, 0x1F0B0, 0x1F0C0,
        0x1F0C0, 0x1F0D0, 0x1F0D0, 0x1F0F6, 0x1F0FF, 0x1F1AE, 0x1F1E5, 0x1F203, 0x1F20F,
        0x1F23C, 0x1F23F, 0x1F249, 0x1F24F, 0x1F252, 0x1F25F, 0x1F266, 0x1F2FF, 0x1F6D8,
        0x1F6DB, 0x1F6ED, 0x1F6EF, 0x1F6FD, 0x1F6FF, 0x1F777, 0x1F77A, 0x1F7DA, 0x1F7DF,
        0x1F7EC, 0x1F7EF, 0x1F7F1, 0x1F7FF, 0x1F80C, 0x1F80F, 0x1F848, 0x1F84F, 0x1F85A,
        0x1F85F, 0x1F888, 0x1F88F, 0x1F8AE, 0x1F8AF, 0x1F8B2, 0x1F8FF, 0x1FA54, 0x1FA5F,
        0x1FA6E, 0x1FA6F, 0x1FA7D, 0x1FA7F, 0x1FA89, 0x1FA8F, 0x1FABE, 0x1FABE, 0x1FAC6,
        0x1FACD, 0x1FADC, 0x1FADF, 0x1FAE9, 0x1FAEF, 0x1FAF9, 0x1FAFF, 0x1FB93, 0x1FB93,
        0x1FBCB, 0x1FBEF, 0x1FBFA, 0x1FFFF, 0x2A6E0, 0x2A6FF, 0x2B73A, 0x2B73F, 0x2B81E,
        0x2B81F, 0x2CEA2, 0x2CEAF, 0x2EBE1, 0x2F7FF, 0x2FA1E, 0x2FFFF, 0x3134B, 0x3134F,
        0x323B0, 0xE00FF, 0xE01F0, 0x10FFFF,
    ];
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::{BigInt, BigUint, Sign};
    use num_traits::{One, Signed, ToPrimitive, Zero};
    use proptest::collection::vec;
    use proptest::prelude::*;

    // ----- reference model: num-bigint, and conversions to and from it -----

    /// The reference value of `v`, built digit by digit (independent of `LongValue`'s
    /// own arithmetic).
    fn to_big(v: &LongValue) -> BigInt {
        v.check_invariants();
        let mut m = BigUint::zero();
        for &d in v.digits().iter().rev() {
            m = (m << 30u32) + BigUint::from(d);
        }
        let sign = if v.is_negative() {
            Sign::Minus
        } else {
            Sign::Plus
        };
        BigInt::from_biguint(sign, m)
    }

    /// `b` as a `LongValue`, split into 30-bit digits with num-bigint.
    fn from_big(b: &BigInt) -> LongValue {
        let mask = BigUint::from(MASK);
        let mut m = b.magnitude().clone();
        let mut digits = Vec::new();
        while !m.is_zero() {
            digits.push((&m & &mask).to_u32().unwrap());
            m >>= 30u32;
        }
        LongValue::from_sign_digits(b.sign() == Sign::Minus, digits)
    }

    /// A decimal literal from the CPython tables.
    fn lv(s: &str) -> LongValue {
        LongValue::parse_with_limit(s, 10, 0).unwrap()
    }

    /// Python's floor `divmod` from num-bigint's truncating operators.
    fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
        let (q, r) = (a / b, a % b);
        if !r.is_zero() && r.is_negative() != b.is_negative() {
            (q - 1, r + b)
        } else {
            (q, r)
        }
    }

    /// `long_hash` written directly from its definition.
    fn reference_hash(b: &BigInt) -> i64 {
        let modulus = BigUint::from((1u64 << 61) - 1);
        let h = (b.magnitude() % modulus).to_i64().unwrap();
        let h = if b.is_negative() { -h } else { h };
        if h == -1 { -2 } else { h }
    }

    /// Modular inverse of `a` modulo `m > 1` by the extended Euclidean algorithm.
    fn reference_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
        let (mut r0, mut r1) = (floor_divmod(a, m).1, m.clone());
        let (mut s0, mut s1) = (BigInt::one(), BigInt::zero());
        while !r1.is_zero() {
            let q = &r0 / &r1;
            let r2 = &r0 - &q * &r1;
            let s2 = &s0 - &q * &s1;
            (r0, r1, s0, s1) = (r1, r2, s1, s2);
        }
        r0.is_one().then(|| floor_divmod(&s0, m).1)
    }

    /// `x = m * 2**e` exactly, for a finite non-negative float.
    fn float_parts(x: f64) -> (BigInt, i64) {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1 << 52) - 1);
        if biased == 0 {
            (BigInt::from(fraction), -1074)
        } else {
            (BigInt::from(fraction | (1 << 52)), biased - 1075)
        }
    }

    /// True if `|f|` is `|a / b|` rounded to the nearest float, ties to even: no
    /// neighbouring float (or 2**1024 above f64::MAX) is closer, checked with exact
    /// integer arithmetic scaled by 2**1074.
    fn is_nearest_float(a: &BigInt, b: &BigInt, f: f64) -> bool {
        let (a, b, f) = (a.abs(), b.abs(), f.abs());
        let distance = |(m, e): (BigInt, i64)| (&a << 1074u32) - m * (&b << ((e + 1074) as u32));
        let below = (f > 0.0).then(|| float_parts(f64::from_bits(f.to_bits() - 1)));
        let above = if f == f64::MAX {
            (BigInt::one(), 1024)
        } else {
            float_parts(f64::from_bits(f.to_bits() + 1))
        };
        let here = distance(float_parts(f)).abs();
        let even = f.to_bits() & 1 == 0;
        let beats = |other: BigInt| {
            let other = other.abs();
            here < other || (here == other && even)
        };
        below.is_none_or(|p| beats(distance(p))) && beats(distance(above))
    }

    // ----- strategies -----

    /// Digits biased toward the values that stress carries and quotient estimates.
    fn digit() -> impl Strategy<Value = u32> {
        prop_oneof![
            4 => 0..=MASK,
            1 => Just(0),
            1 => Just(MASK),
            1 => Just(1),
            1 => Just(1 << 29),
            1 => (MASK - 3)..=MASK,
        ]
    }

    /// Values near digit boundaries: `+-(2**k + small)`.
    fn near_power_of_two(max_bits: u32) -> impl Strategy<Value = LongValue> {
        (any::<bool>(), 0..max_bits, -3i64..=3).prop_map(|(negative, k, small)| {
            let b = (BigInt::one() << k) + small;
            from_big(&if negative { -b } else { b })
        })
    }

    /// Interesting fixed values: zero, ones and the 30-bit digit boundaries.
    fn special() -> impl Strategy<Value = LongValue> {
        let mut values = vec![BigInt::zero(), BigInt::one()];
        for k in [30u32, 60, 90, 120] {
            let p = BigInt::one() << k;
            values.extend([&p - 1, p.clone(), &p + 1]);
        }
        let all: Vec<LongValue> = values
            .iter()
            .flat_map(|b| [from_big(b), from_big(&-b)])
            .collect();
        prop::sample::select(all)
    }

    /// Any value with at most `max_digits` digits.
    fn long(max_digits: usize) -> impl Strategy<Value = LongValue> {
        prop_oneof![
            2 => special(),
            2 => any::<i64>().prop_map(LongValue::from_i64),
            4 => (any::<bool>(), vec(digit(), 0..=max_digits))
                .prop_map(|(negative, d)| LongValue::from_sign_digits(negative, d)),
            2 => near_power_of_two(30 * max_digits as u32),
        ]
    }

    /// Values of about 2000 bits and less.
    fn val() -> impl Strategy<Value = LongValue> {
        long(67)
    }

    fn check(v: &LongValue, expected: &BigInt) -> Result<(), TestCaseError> {
        prop_assert_eq!(&to_big(v), expected);
        Ok(())
    }

    // ----- property tests against num-bigint -----

    proptest! {
        #[test]
        fn prop_add_sub_mul_neg_abs(a in val(), b in val()) {
            let (x, y) = (to_big(&a), to_big(&b));
            check(&a.add(&b), &(&x + &y))?;
            check(&a.sub(&b), &(&x - &y))?;
            check(&a.mul(&b), &(&x * &y))?;
            check(&a.neg(), &-&x)?;
            check(&a.abs(), &x.abs())?;
            check(&a.invert(), &!&x)?;
        }

        #[test]
        fn prop_divmod_is_floor(a in val(), b in val()) {
            let (x, y) = (to_big(&a), to_big(&b));
            if y.is_zero() {
                prop_assert_eq!(a.divmod(&b), Err(LongError::ZeroDivision(DIVISION_BY_ZERO)));
                prop_assert_eq!(a.rem(&b), Err(LongError::ZeroDivision(MODULO_BY_ZERO)));
                return Ok(());
            }
            let (q, r) = floor_divmod(&x, &y);
            let (aq, ar) = a.divmod(&b).unwrap();
            check(&aq, &q)?;
            check(&ar, &r)?;
            check(&a.floordiv(&b).unwrap(), &q)?;
            check(&a.rem(&b).unwrap(), &r)?;
        }

        #[test]
        fn prop_cmp_and_conversions(a in val(), b in val()) {
            let (x, y) = (to_big(&a), to_big(&b));
            prop_assert_eq!(a.cmp(&b), x.cmp(&y));
            prop_assert_eq!(a.partial_cmp(&b), Some(x.cmp(&y)));
            prop_assert_eq!(a == b, x == y);
            prop_assert_eq!(a.bit_length(), x.bits());
            prop_assert_eq!(a.to_i64(), x.to_i64());
            prop_assert_eq!(a.to_u64(), x.to_u64());
            prop_assert_eq!(a.to_i128(), x.to_i128());
            prop_assert_eq!(a.is_zero(), x.is_zero());
            prop_assert_eq!(a.is_negative(), x.is_negative());
        }

        #[test]
        fn prop_from_native_integers(v in any::<i128>(), w in any::<u64>(), z in any::<i64>()) {
            check(&LongValue::from_i128(v), &BigInt::from(v))?;
            check(&LongValue::from_u128(v as u128), &BigInt::from(v as u128))?;
            check(&LongValue::from_u64(w), &BigInt::from(w))?;
            check(&LongValue::from_i64(z), &BigInt::from(z))?;
            prop_assert_eq!(LongValue::from_i128(v).to_i128(), Some(v));
            prop_assert_eq!(LongValue::from_i64(z).to_i64(), Some(z));
            prop_assert_eq!(LongValue::from_u64(w).to_u64(), Some(w));
        }

        #[test]
        fn prop_bitwise_twos_complement(a in val(), b in val()) {
            let (x, y) = (to_big(&a), to_big(&b));
            check(&a.bitand(&b), &(&x & &y))?;
            check(&a.bitor(&b), &(&x | &y))?;
            check(&a.bitxor(&b), &(&x ^ &y))?;
        }

        #[test]
        fn prop_shifts(a in val(), n in prop_oneof![0u32..100, 0u32..2500]) {
            let x = to_big(&a);
            let count = LongValue::from_u64(u64::from(n));
            check(&a.shl(&count).unwrap(), &(&x << n))?;
            let (q, _) = floor_divmod(&x, &(BigInt::one() << n));
            check(&a.shr(&count).unwrap(), &q)?;
        }

        #[test]
        fn prop_hash(a in val()) {
            prop_assert_eq!(a.hash(), reference_hash(&to_big(&a)));
        }

        #[test]
        fn prop_decimal_round_trip(a in val()) {
            let text = a.to_string_radix10().unwrap();
            prop_assert_eq!(&text, &to_big(&a).to_string());
            prop_assert_eq!(a.to_string(), text.clone());
            prop_assert_eq!(LongValue::parse(&text), Ok(a.clone()));
            let spaced = format!(" \t{text}\u{3000}\n");
            prop_assert_eq!(LongValue::parse(&spaced), Ok(a));
        }

        #[test]
        fn prop_underscores_between_digits(a in val(), seed in any::<u64>()) {
            let text = a.abs().to_string_radix10().unwrap();
            let mut with = String::new();
            for (i, c) in text.chars().enumerate() {
                if i > 0 && (seed >> (i % 64)) & 1 == 1 {
                    with.push('_');
                }
                with.push(c);
            }
            prop_assert_eq!(LongValue::parse(&with), Ok(a.abs()));
        }

        #[test]
        fn prop_radix_round_trip(a in val(), base in 2u32..=36) {
            let text = a.to_string_radix(base, false);
            prop_assert_eq!(&text, &to_big(&a).to_str_radix(base));
            prop_assert_eq!(LongValue::parse_with_limit(&text, base, 0), Ok(a.clone()));
            let upper = text.to_ascii_uppercase();
            prop_assert_eq!(LongValue::parse_with_limit(&upper, base, 0), Ok(a));
        }

        #[test]
        fn prop_prefixed_round_trip(a in val(), which in 0usize..3) {
            let (base, prefix) = [(2, "0b"), (8, "0o"), (16, "0x")][which];
            let text = a.to_string_radix(base, true);
            let magnitude = to_big(&a).magnitude().to_str_radix(base);
            let sign = if a.is_negative() { "-" } else { "" };
            prop_assert_eq!(&text, &format!("{sign}{prefix}{magnitude}"));
            prop_assert_eq!(LongValue::parse_radix(&text, 0), Ok(a.clone()));
            prop_assert_eq!(LongValue::parse_radix(&text, base), Ok(a));
        }

        #[test]
        fn prop_to_f64_correctly_rounded(a in prop_oneof![val(), long(40)]) {
            // Rust's float parser rounds correctly (ties to even), independently of us.
            let expected: f64 = to_big(&a).to_string().parse().unwrap();
            match a.to_f64() {
                Ok(f) => prop_assert_eq!(f.to_bits(), expected.to_bits()),
                Err(e) => {
                    prop_assert!(expected.is_infinite());
                    prop_assert_eq!(e.message(), "int too large to convert to float");
                }
            }
        }

        #[test]
        fn prop_from_f64_truncates(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let v = LongValue::from_f64(x).unwrap();
            v.check_invariants();
            prop_assert_eq!(v.to_f64().unwrap().to_bits(), (x.trunc() + 0.0).to_bits());
        }

        #[test]
        fn prop_true_div_correctly_rounded(a in val(), b in val(), tiny in any::<bool>()) {
            // `tiny` divides by a large power of two to reach subnormal results.
            let scale = LongValue::one().shl(&LongValue::from_i64(1060)).unwrap();
            let b = if tiny { b.mul(&scale) } else { b };
            let (x, y) = (to_big(&a), to_big(&b));
            match a.true_div(&b) {
                Ok(f) => {
                    prop_assert!(is_nearest_float(&x, &y, f), "{} / {} gave {:e}", x, y, f);
                    let negative = x.is_negative() != y.is_negative();
                    prop_assert_eq!(f.is_sign_negative(), negative);
                }
                Err(LongError::ZeroDivision(m)) => {
                    prop_assert!(y.is_zero() && m == "division by zero");
                }
                Err(e) => {
                    prop_assert_eq!(e.message(), "integer division result too large for a float");
                    // |x / y| >= 2**1024 - 2**970, the midpoint between f64::MAX and 2**1024.
                    let limit = (BigInt::one() << 1024u32) - (BigInt::one() << 970u32);
                    prop_assert!(x.abs() >= limit * y.abs());
                }
            }
        }

        /// Exact ties: 54 significant bits ending in 1, scaled by powers of two, for both
        /// `float(int)` and `int / int`.
        #[test]
        fn prop_ties_round_to_even(
            m in any::<u64>(),
            k in 0u32..960,
            j in 0u32..1200,
            negative in any::<bool>(),
        ) {
            let odd54 = (m & ((1 << 54) - 1)) | (1 << 53) | 1;
            let x = BigInt::from(odd54) << k;
            let x = if negative { -x } else { x };
            let a = from_big(&x);
            let expected: f64 = x.to_string().parse().unwrap();
            prop_assert_eq!(a.to_f64().map(f64::to_bits), Ok(expected.to_bits()));
            let y = BigInt::one() << j;
            let f = a.true_div(&from_big(&y)).unwrap();
            prop_assert!(is_nearest_float(&x, &y, f));
        }

        #[test]
        fn prop_pow(a in long(6), e in 0u32..40) {
            let x = to_big(&a);
            check(&a.pow(&LongValue::from_u64(u64::from(e))).unwrap(), &x.pow(e))?;
        }

        #[test]
        fn prop_pow_mod(a in long(12), e in long(4), m in long(8)) {
            let (x, y, z) = (to_big(&a), to_big(&e), to_big(&m));
            let got = a.pow_mod(&e, &m);
            if z.is_zero() {
                prop_assert_eq!(got, Err(LongError::Value(POW_MODULUS_ZERO.to_owned())));
                return Ok(());
            }
            if z.abs().is_one() {
                check(&got.unwrap(), &BigInt::zero())?;
                return Ok(());
            }
            let base = if y.is_negative() { reference_inverse(&x, &z.abs()) } else { Some(x) };
            match base {
                Some(base) => check(&got.unwrap(), &base.modpow(&y.abs(), &z))?,
                None => prop_assert_eq!(got, Err(LongError::Value(NOT_INVERTIBLE.to_owned()))),
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Operands past KARATSUBA_CUTOFF, balanced and lopsided.
        #[test]
        fn prop_karatsuba_and_lopsided(a in long(420), b in long(420), c in long(90)) {
            let (x, y, z) = (to_big(&a), to_big(&b), to_big(&c));
            check(&a.mul(&b), &(&x * &y))?;
            check(&a.mul(&c), &(&x * &z))?;
            check(&a.mul(&a), &(&x * &x))?;
        }

        /// Long divisions, including quotients of one digit and divisors of two.
        #[test]
        fn prop_long_division(a in long(700), b in long(300), c in long(2)) {
            let x = to_big(&a);
            for (d, y) in [(&b, to_big(&b)), (&c, to_big(&c))] {
                if y.is_zero() {
                    continue;
                }
                let (q, r) = floor_divmod(&x, &y);
                let (aq, ar) = a.divmod(d).unwrap();
                check(&aq, &q)?;
                check(&ar, &r)?;
            }
            // a * b + c divided by b gives back a and c when 0 <= c < b.
            let (bb, cc) = (b.abs(), c.abs());
            if bb > cc {
                let n = a.mul(&bb).add(&cc);
                let (q, r) = n.divmod(&bb).unwrap();
                prop_assert_eq!((q, r), (a, cc));
            }
        }
    }

    // ----- exact tables from CPython 3.12.1 (see `cpython` below) -----

    #[test]
    fn hash_matches_cpython() {
        for &(value, expected) in cpython::HASH_CASES {
            assert_eq!(lv(value).hash(), expected, "hash({value})");
        }
    }

    #[test]
    fn to_f64_matches_cpython() {
        for &(value, expected) in cpython::TO_F64_CASES {
            let got = lv(value).to_f64().map(f64::to_bits);
            let got = got.as_ref().map_err(LongError::message).copied();
            assert_eq!(got, expected, "float({value})");
        }
    }

    #[test]
    fn from_f64_matches_cpython() {
        for &(bits, expected) in cpython::FROM_F64_CASES {
            let got = LongValue::from_f64(f64::from_bits(bits));
            let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
            let expected = expected.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, expected, "int(float.fromhex bits {bits:#x})");
        }
    }

    #[test]
    fn pow_mod_matches_cpython() {
        for &(a, b, m, expected) in cpython::POW_MOD_CASES {
            let got = lv(a).pow_mod(&lv(b), &lv(m));
            let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
            let expected = expected.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, expected, "pow({a}, {b}, {m})");
        }
    }

    #[test]
    fn divmod_matches_cpython() {
        for &(a, b, expected) in cpython::DIV_CASES {
            let got = lv(a).divmod(&lv(b));
            let got = got.map(|(q, r)| (q.to_string(), r.to_string()));
            let got = got.as_ref().map(|(q, r)| (q.as_str(), r.as_str()));
            let got = got.map_err(|e| e.message().to_owned());
            assert_eq!(got, expected.map_err(str::to_owned), "divmod({a}, {b})");
        }
        let (seven, zero) = (LongValue::from_i64(7), LongValue::zero());
        let errors = [
            seven.floordiv(&zero).unwrap_err(),
            seven.rem(&zero).unwrap_err(),
            seven.divmod(&zero).unwrap_err(),
        ];
        let messages = errors.map(|e| e.to_string());
        assert_eq!(messages, cpython::DIV_BY_ZERO_MESSAGES);
    }

    #[test]
    fn shifts_match_cpython() {
        for &(a, n, left, expected) in cpython::SHIFT_CASES {
            let (a, n) = (lv(a), lv(n));
            let got = if left { a.shl(&n) } else { a.shr(&n) };
            let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
            let expected = expected.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, expected, "{a} {} {n}", if left { "<<" } else { ">>" });
        }
    }

    #[test]
    fn str_hex_oct_bin_match_cpython() {
        for &(value, hex, oct, bin) in cpython::FORMAT_CASES {
            let v = lv(value);
            assert_eq!(v.to_string_radix10().unwrap(), value);
            assert_eq!(v.to_string_radix(16, true), hex);
            assert_eq!(v.to_string_radix(8, true), oct);
            assert_eq!(v.to_string_radix(2, true), bin);
        }
    }

    #[test]
    fn parse_matches_cpython() {
        for &(text, base, expected) in cpython::PARSE_CASES {
            let got = LongValue::parse_radix(text, base);
            let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
            let expected = expected.map(str::to_owned).map_err(str::to_owned);
            assert_eq!(got, expected, "int({text:?}, {base})");
        }
    }

    #[test]
    fn true_div_matches_cpython() {
        for &(a, b, expected) in cpython::TRUE_DIV_CASES {
            let got = lv(a)
                .true_div(&lv(b))
                .map(f64::to_bits)
                .map_err(|e| e.to_string());
            assert_eq!(got, expected.map_err(str::to_owned), "{a} / {b}");
        }
    }

    // ----- int_max_str_digits and long inputs -----

    const TO_STR_LIMIT: &str = "ValueError: Exceeds the limit (4300 digits) for integer string \
        conversion; use sys.set_int_max_str_digits() to increase the limit";

    fn to_int_limit(digits: usize) -> String {
        format!(
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
             value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    }

    fn err_text<T: fmt::Debug>(r: Result<T, LongError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn str_limit_counts_digits_not_sign() {
        let ten = LongValue::from_i64(10);
        let p4299 = ten.pow(&LongValue::from_i64(4299)).unwrap();
        let p4300 = ten.pow(&LongValue::from_i64(4300)).unwrap();
        assert_eq!(p4299.neg().to_string_radix10().unwrap().len(), 4301);
        let max = p4300.sub(&LongValue::one());
        assert_eq!(max.to_string_radix10().unwrap(), "9".repeat(4300));
        assert_eq!(
            max.neg().to_string_radix10().unwrap(),
            format!("-{}", "9".repeat(4300))
        );
        assert_eq!(err_text(p4300.to_string_radix10()), TO_STR_LIMIT);
        assert_eq!(err_text(p4300.neg().to_string_radix10()), TO_STR_LIMIT);
        // The pre-check path (a huge value) gives the same message.
        let huge = LongValue::one()
            .shl(&LongValue::from_i64(1_000_000))
            .unwrap();
        assert_eq!(err_text(huge.to_string_radix10()), TO_STR_LIMIT);
        // A raised or disabled limit, and hex() which has no limit.
        assert_eq!(
            p4300.to_string_radix10_with_limit(4301).unwrap().len(),
            4301
        );
        assert_eq!(p4300.to_string_radix10_with_limit(0).unwrap().len(), 4301);
        assert_eq!(huge.to_string_radix(16, true).len(), 2 + 250_001);
    }

    #[test]
    fn parse_limit_matches_cpython() {
        let ones = |n: usize| "1".repeat(n);
        assert_eq!(
            LongValue::parse(&ones(4300)).unwrap().to_string(),
            ones(4300)
        );
        assert_eq!(err_text(LongValue::parse(&ones(4301))), to_int_limit(4301));
        assert_eq!(
            err_text(LongValue::parse(&format!("  {}", ones(4301)))),
            to_int_limit(4301)
        );
        assert_eq!(
            err_text(LongValue::parse(&"0".repeat(4301))),
            to_int_limit(4301)
        );
        assert_eq!(
            err_text(LongValue::parse(&"\u{661}".repeat(4301))),
            to_int_limit(4301)
        );
        let underscored = format!("{}1", "1_".repeat(4300));
        assert_eq!(err_text(LongValue::parse(&underscored)), to_int_limit(4301));
        assert_eq!(
            err_text(LongValue::parse_radix(&ones(4301), 0)),
            to_int_limit(4301)
        );
        assert_eq!(
            err_text(LongValue::parse_radix(&ones(4301), 36)),
            to_int_limit(4301)
        );
        // Validation comes first: a bad character reports an invalid literal instead.
        let bad = format!("{}x", ones(4301));
        let shown: String = format!("'{bad}'").chars().take(200).collect();
        let invalid = format!("ValueError: invalid literal for int() with base 10: {shown}");
        assert_eq!(err_text(LongValue::parse(&bad)), invalid);
        // A NUL ends CPython's C string, so the limit is reported for what precedes it.
        let nul = format!("{}\0", ones(5000));
        assert_eq!(err_text(LongValue::parse(&nul)), to_int_limit(5000));
        // Power-of-two bases have no limit (CPython 3.12.1: oct result has 3884 digits).
        let octal = LongValue::parse_radix(&ones(4301), 8).unwrap();
        assert_eq!(octal.to_string_radix10().unwrap().len(), 3884);
        assert!(LongValue::parse_radix(&format!("0x{}", ones(5000)), 0).is_ok());
        assert!(LongValue::parse_radix(&ones(4301), 32).is_ok());
        assert_eq!(
            LongValue::parse_with_limit(&ones(4301), 10, 0)
                .unwrap()
                .to_string(),
            ones(4301)
        );
    }

    #[test]
    fn parse_error_repr_is_cut_at_200_characters() {
        let a300 = "a".repeat(300);
        let expected = format!(
            "ValueError: invalid literal for int() with base 10: '{}",
            "a".repeat(199)
        );
        assert_eq!(err_text(LongValue::parse(&a300)), expected);
        let e300 = "\u{e9}".repeat(300);
        let expected = format!(
            "ValueError: invalid literal for int() with base 16: '{}",
            "\u{e9}".repeat(199)
        );
        assert_eq!(err_text(LongValue::parse_radix(&e300, 16)), expected);
    }

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

    #[test]
    fn unicode_tables_are_sorted() {
        assert!(unicode::DECIMAL_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        assert!(unicode::NON_PRINTABLE.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            unicode::NON_PRINTABLE
                .chunks(2)
                .zip(unicode::NON_PRINTABLE[2..].chunks(2))
                .all(|(a, b)| a[1] + 1 < b[0])
        );
    }

    /// Expected values printed by CPython 3.12.1 (`PYENV_VERSION=3.12.1 python3.12`): `hash()`,
    /// `float()`, `int(float)`, `pow(a, b, m)`, `divmod`, shifts, `hex/oct/bin` and `int(s, base)`.
    /// Errors are `str(exc)`, prefixed by the class name where the table says so.
    mod cpython {
        pub(super) const HASH_CASES: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1),
            ("-1", -2),
            ("-2", -2),
            ("2", 2),
            ("1073741823", 1073741823),
            ("1073741824", 1073741824),
            ("-1073741824", -1073741824),
            ("1152921504606846976", 1152921504606846976),
            ("-1152921504606846976", -1152921504606846976),
            ("2305843009213693950", 2305843009213693950),
            ("2305843009213693951", 0),
            ("2305843009213693952", 1),
            ("2305843009213693953", 2),
            ("-2305843009213693951", 0),
            ("-2305843009213693952", -2),
            ("-2305843009213693953", -2),
            ("-2305843009213693950", -2305843009213693950),
            ("4611686018427387904", 2),
            ("-4611686018427387904", -2),
            ("9223372036854775807", 3),
            ("-9223372036854775808", -4),
            ("18446744073709551616", 8),
            ("1267650600228229401496703205376", 549755813888),
            ("-1267650600228229401496703205376", -549755813888),
            ("1000000000000000000000000000000", 465258685558744706),
            ("-1000000000000000000000000000000", -465258685558744706),
            (
                "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001",
                424410663027747676,
            ),
            (
                "-265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001",
                -424410663027747676,
            ),
            ("5316911983139663491615228241121378303", 0),
            ("11529215046068469754", 2305843009213693950),
            ("-11529215046068469756", -2),
            ("16140901064495857657", 0),
            ("1237940039285380274899124231", 536870919),
            (
                "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
                910685213754167846,
            ),
            (
                "-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
                -910685213754167846,
            ),
            (
                "12259964326927110866866776217202473468949912977468817407",
                0,
            ),
            (
                "12259964326927110866866776217202473468949912977468817408",
                1,
            ),
            ("12345678901234567890123456789", 486047579052333735),
        ];
        pub(super) const TO_F64_CASES: &[(&str, Result<u64, &str>)] = &[
            ("0", Ok(0x0000000000000000)),
            ("1", Ok(0x3FF0000000000000)),
            ("-1", Ok(0xBFF0000000000000)),
            ("9007199254740992", Ok(0x4340000000000000)),
            ("9007199254740993", Ok(0x4340000000000000)),
            ("9007199254740994", Ok(0x4340000000000001)),
            ("9007199254740995", Ok(0x4340000000000002)),
            ("-9007199254740993", Ok(0xC340000000000000)),
            ("-9007199254740995", Ok(0xC340000000000002)),
            ("18014398509481986", Ok(0x4350000000000000)),
            ("18014398509481990", Ok(0x4350000000000002)),
            ("18446744073709551615", Ok(0x43F0000000000000)),
            ("18446744073709551617", Ok(0x43F0000000000000)),
            ("9223372036854776832", Ok(0x43E0000000000000)),
            ("9223372036854776833", Ok(0x43E0000000000001)),
            ("9223372036854778880", Ok(0x43E0000000000002)),
            (
                "89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608",
                Ok(0x7FE0000000000000),
            ),
            (
                "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
                Err("int too large to convert to float"),
            ),
            (
                "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
                Ok(0x7FEFFFFFFFFFFFFF),
            ),
            (
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                Ok(0x7FEFFFFFFFFFFFFF),
            ),
            (
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137215",
                Err("int too large to convert to float"),
            ),
            (
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216",
                Err("int too large to convert to float"),
            ),
            (
                "-179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216",
                Err("int too large to convert to float"),
            ),
            (
                "-179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
                Ok(0xFFEFFFFFFFFFFFFF),
            ),
            ("10000000000000000000000", Ok(0x4480F0CF064DD592)),
            ("100000000000000000000000", Ok(0x44B52D02C7E14AF6)),
            ("-100000000000000000000000", Ok(0xC4B52D02C7E14AF6)),
            (
                "136891479058588375991326027382088315966463695625337436471480190078368997177499076593800206155688941388250484440597994042813512732765695774566001",
                Ok(0x5DA6739FFE90B4BB),
            ),
            (
                "1606938044258990453947923680586147734807949174969684883144704",
                Ok(0x4C70000000000000),
            ),
            (
                "1606938044258990453947923680586147734807949174969684883144705",
                Ok(0x4C70000000000001),
            ),
            (
                "1606938044258990810759846857076117999379441537343468978831360",
                Ok(0x4C70000000000002),
            ),
            (
                "3234476509624757991344647769100216810857203198904625400933895331391691459636928060001",
                Ok(0x517AA3B2C5319D5E),
            ),
            (
                "76135265714062484362548301734630967041283963660695292002098302619031807599241359498730176794605453559521600455542873905392954872457840310121329573709474008831464451623876715011678600199434697428051964001233336736562942202413132994145190781720863472435866329126668544503959491495503855616",
                Ok(0x7B7FFFFFFFFFFFFF),
            ),
            ("1152921504606847104", Ok(0x43B0000000000000)),
            ("1152921504606847105", Ok(0x43B0000000000001)),
            ("12345678901234567891", Ok(0x43E56A95319D63E1)),
        ];
        pub(super) const FROM_F64_CASES: &[(u64, Result<&str, &str>)] = &[
            (0x0000000000000000, Ok("0")),
            (0x8000000000000000, Ok("0")),
            (0x3FE0000000000000, Ok("0")),
            (0xBFE0000000000000, Ok("0")),
            (0x3FEFFFFFFFFFFFFF, Ok("0")),
            (0x3FF0000000000000, Ok("1")),
            (0xBFF0000000000000, Ok("-1")),
            (0x3FF8000000000000, Ok("1")),
            (0xBFF8000000000000, Ok("-1")),
            (0x4004000000000000, Ok("2")),
            (0x430C6BF526340004, Ok("1000000000000000")),
            (0x4330000000000000, Ok("4503599627370496")),
            (0x4340000000000000, Ok("9007199254740992")),
            (0x43E0000000000000, Ok("9223372036854775808")),
            (0xC3E0000000000000, Ok("-9223372036854775808")),
            (0x43F0000000000000, Ok("18446744073709551616")),
            (0x4480F0CF064DD592, Ok("10000000000000000000000")),
            (0x44B52D02C7E14AF6, Ok("99999999999999991611392")),
            (0xC4B52D02C7E14AF6, Ok("-99999999999999991611392")),
            (
                0x7FEFFFFFFFFFFFFF,
                Ok(
                    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                ),
            ),
            (
                0xFFEFFFFFFFFFFFFF,
                Ok(
                    "-179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                ),
            ),
            (0x0000000000000001, Ok("0")),
            (0x419D6F3457F35BA8, Ok("123456789")),
            (
                0x7E78000000000000,
                Ok(
                    "16072629107794009814226375735900027158421072175583004111656255825555265766874041837397975682235437871913920093763297202377807179285384710653976866362047862205901851662236346478131611907593556712816931273229569712475372911901098151338748315919115594371856794716529813251490644747478936580255808502104064",
                ),
            ),
            (
                0x7FF0000000000000,
                Err("OverflowError: cannot convert float infinity to integer"),
            ),
            (
                0xFFF0000000000000,
                Err("OverflowError: cannot convert float infinity to integer"),
            ),
            (
                0x7FF8000000000000,
                Err("ValueError: cannot convert float NaN to integer"),
            ),
        ];
        pub(super) const POW_MOD_CASES: &[(&str, &str, &str, Result<&str, &str>)] = &[
            ("2", "-1", "5", Ok("3")),
            (
                "2",
                "-1",
                "4",
                Err("ValueError: base is not invertible for the given modulus"),
            ),
            (
                "2",
                "3",
                "0",
                Err("ValueError: pow() 3rd argument cannot be 0"),
            ),
            ("3", "5", "-7", Ok("-2")),
            ("2", "0", "1", Ok("0")),
            ("2", "0", "-1", Ok("0")),
            ("5", "0", "3", Ok("1")),
            ("5", "0", "-3", Ok("-2")),
            ("0", "0", "7", Ok("1")),
            (
                "0",
                "-1",
                "5",
                Err("ValueError: base is not invertible for the given modulus"),
            ),
            ("2", "-1", "1", Ok("0")),
            ("2", "-1", "-5", Ok("-2")),
            ("-3", "-1", "7", Ok("2")),
            ("-3", "3", "7", Ok("1")),
            ("-3", "3", "-7", Ok("-6")),
            ("3", "-2", "7", Ok("4")),
            (
                "1000000000000000000000000000007",
                "100000000000000000003",
                "618970019642690137449562111",
                Ok("507178867154465818615916532"),
            ),
            (
                "-1000000000000000000000000000007",
                "100000000000000000003",
                "618970019642690137449562111",
                Ok("111791152488224318833645579"),
            ),
            (
                "1000000000000000000000000000007",
                "-100000000000000000003",
                "618970019642690137449562111",
                Ok("505502576035848899890036268"),
            ),
            (
                "1000000000000000000000000000007",
                "-100000000000000000003",
                "-618970019642690137449562111",
                Ok("-113467443606841237559525843"),
            ),
            (
                "1606938044258990275541962092341162602522202993782792835301377",
                "1606938044258990275541962092341162602522202993782792835301379",
                "170141183460469231731687303715884105727",
                Ok("58267640585271205780894778306103699106"),
            ),
            (
                "12",
                "-5",
                "30",
                Err("ValueError: base is not invertible for the given modulus"),
            ),
            ("7", "1267650600228229401496703205376", "13", Ok("9")),
            ("7", "-1267650600228229401496703205376", "13", Ok("3")),
            (
                "1237940039285380274899124224",
                "1237940039285380274899124224",
                "1237940039285380274899124224",
                Ok("0"),
            ),
            (
                "3",
                "10000000000000000000000000000000000000000",
                "10000000000000000000000000000000000000001",
                Ok("465287144172771861555605416688479027445"),
            ),
            ("4", "-1", "2305843009213693951", Ok("576460752303423488")),
        ];
        pub(super) type DivResult = Result<(&'static str, &'static str), &'static str>;
        pub(super) const DIV_CASES: &[(&str, &str, DivResult)] = &[
            ("7", "2", Ok(("3", "1"))),
            ("-7", "2", Ok(("-4", "1"))),
            ("7", "-2", Ok(("-4", "-1"))),
            ("-7", "-2", Ok(("3", "-1"))),
            ("6", "3", Ok(("2", "0"))),
            ("-6", "3", Ok(("-2", "0"))),
            ("0", "5", Ok(("0", "0"))),
            ("0", "-5", Ok(("0", "0"))),
            ("1", "1099511627776", Ok(("0", "1"))),
            ("-1", "1099511627776", Ok(("-1", "1099511627775"))),
            (
                "1267650600228229401496703205376",
                "-1125899906842625",
                Ok(("-1125899906842624", "-1125899906842624")),
            ),
            (
                "-1267650600228229401496703205376",
                "1125899906842625",
                Ok(("-1125899906842624", "1125899906842624")),
            ),
            (
                "1237940039285380274899124224",
                "1237940039285380274899124224",
                Ok(("1", "0")),
            ),
            (
                "-1237940039285380274899124224",
                "1237940039285380274899124224",
                Ok(("-1", "0")),
            ),
            ("7", "0", Err("integer division or modulo by zero")),
            ("0", "0", Err("integer division or modulo by zero")),
            ("-7", "0", Err("integer division or modulo by zero")),
        ];
        pub(super) const DIV_BY_ZERO_MESSAGES: [&str; 3] = [
            "ZeroDivisionError: integer division or modulo by zero",
            "ZeroDivisionError: integer modulo by zero",
            "ZeroDivisionError: integer division or modulo by zero",
        ];
        pub(super) const SHIFT_CASES: &[(&str, &str, bool, Result<&str, &str>)] = &[
            ("1", "-1", true, Err("ValueError: negative shift count")),
            ("0", "-1", true, Err("ValueError: negative shift count")),
            ("0", "-1", false, Err("ValueError: negative shift count")),
            (
                "5",
                "-1180591620717411303424",
                false,
                Err("ValueError: negative shift count"),
            ),
            ("0", "1267650600228229401496703205376", true, Ok("0")),
            (
                "1",
                "1267650600228229401496703205376",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            (
                "-1",
                "1267650600228229401496703205376",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            ("-1", "1267650600228229401496703205376", false, Ok("-1")),
            (
                "1267650600228229401496703205376",
                "1267650600228229401496703205376",
                false,
                Ok("0"),
            ),
            ("-5", "1", false, Ok("-3")),
            ("-5", "3", false, Ok("-1")),
            ("-1237940039285380274899124224", "89", false, Ok("-2")),
            ("-1237940039285380274899124224", "90", false, Ok("-1")),
            ("-1237940039285380274899124224", "91", false, Ok("-1")),
            ("-1237940039285380274899124225", "90", false, Ok("-2")),
            ("3", "29", true, Ok("1610612736")),
            ("3", "30", true, Ok("3221225472")),
            ("-3", "61", true, Ok("-6917529027641081856")),
            (
                "1",
                "276701161105643274210",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            (
                "1",
                "553402322211286548480",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            ("1", "4611686018427387904", true, Err("MemoryError")),
            ("1", "9223372036854775808", true, Err("MemoryError")),
            ("1", "18446744073709551616", true, Err("MemoryError")),
            ("1", "69175290276410818320", true, Err("MemoryError")),
            (
                "1",
                "69175290276410818350",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            (
                "1",
                "69175290276410818321",
                true,
                Err("OverflowError: too many digits in integer"),
            ),
            ("-7", "69175290276410818320", true, Err("MemoryError")),
            ("3", "69175290276410818291", true, Err("MemoryError")),
        ];
        pub(super) const FORMAT_CASES: &[(&str, &str, &str, &str)] = &[
            ("0", "0x0", "0o0", "0b0"),
            ("1", "0x1", "0o1", "0b1"),
            ("-1", "-0x1", "-0o1", "-0b1"),
            ("9", "0x9", "0o11", "0b1001"),
            ("10", "0xa", "0o12", "0b1010"),
            ("-10", "-0xa", "-0o12", "-0b1010"),
            (
                "1073741823",
                "0x3fffffff",
                "0o7777777777",
                "0b111111111111111111111111111111",
            ),
            (
                "1073741824",
                "0x40000000",
                "0o10000000000",
                "0b1000000000000000000000000000000",
            ),
            (
                "999999999",
                "0x3b9ac9ff",
                "0o7346544777",
                "0b111011100110101100100111111111",
            ),
            (
                "1000000000",
                "0x3b9aca00",
                "0o7346545000",
                "0b111011100110101100101000000000",
            ),
            (
                "-1000000000",
                "-0x3b9aca00",
                "-0o7346545000",
                "-0b111011100110101100101000000000",
            ),
            (
                "1000000000000000000",
                "0xde0b6b3a7640000",
                "0o67405553164731000000",
                "0b110111100000101101101011001110100111011001000000000000000000",
            ),
            (
                "18446744073709551616",
                "0x10000000000000000",
                "0o2000000000000000000000",
                "0b10000000000000000000000000000000000000000000000000000000000000000",
            ),
            (
                "-18446744073709551616",
                "-0x10000000000000000",
                "-0o2000000000000000000000",
                "-0b10000000000000000000000000000000000000000000000000000000000000000",
            ),
            (
                "1606938044258990275541962092341162602522202993782792835301376",
                "0x100000000000000000000000000000000000000000000000000",
                "0o4000000000000000000000000000000000000000000000000000000000000000000",
                "0b100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            ),
            (
                "-136891479058588375991326027382088315966463695625337436471480190078368997177499076593800206155688941388250484440597994042813512732765695774566001",
                "-0xb39cfff485a5dbf4d6aae030b91bfb0ec6bba389cd8d7f85bba3985c19c5e24e40c543a123c6e028a873e9e3874e1b4623a44be39b34e67dc5c2671",
                "-0o263471777644132273375153252700302710677541661535643423466153770267350714134063427422344030520720443615600505207175170703516066430435104574346632346373427023161",
                "-0b10110011100111001111111111110100100001011010010111011011111101001101011010101010111000000011000010111001000110111111101100001110110001101011101110100011100010011100110110001101011111111000010110111011101000111001100001011100000110011100010111100010010011100100000011000101010000111010000100100011110001101110000000101000101010000111001111101001111000111000011101001110000110110100011000100011101001000100101111100011100110110011010011100110011111011100010111000010011001110001",
            ),
            (
                "99999999999999999999999999999999999999999999999999",
                "0x446c3b15f9926687d2c40534fdb563ffffffffffff",
                "0o21066073053746223150372261002464773325437777777777777777",
                "0b10001000110110000111011000101011111100110010010011001101000011111010010110001000000010100110100111111011011010101100011111111111111111111111111111111111111111111111111",
            ),
            (
                "118181386580595879976868414312001964434038548836769923458287039207",
                "0x11f487519cdcc0c4e641a0d185eab7c19a7c11afdb6d1b7c28072e7",
                "0o1076441650634671403047144064064302752557406323701065766666433370240071347",
                "0b1000111110100100001110101000110011100110111001100000011000100111001100100000110100000110100011000010111101010101101111100000110011010011111000001000110101111110110110110110100011011011111000010100000000111001011100111",
            ),
            ("255", "0xff", "0o377", "0b11111111"),
            ("-255", "-0xff", "-0o377", "-0b11111111"),
            (
                "2305843009213693951",
                "0x1fffffffffffffff",
                "0o177777777777777777777",
                "0b1111111111111111111111111111111111111111111111111111111111111",
            ),
        ];
        pub(super) const PARSE_CASES: &[(&str, u32, Result<&str, &str>)] = &[
            ("1_000", 10, Ok("1000")),
            (
                "\u{1c}1",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\x1c1'"),
            ),
            (
                "1\u{1c}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1\\x1c'"),
            ),
            ("\u{2000}1\u{3000}", 10, Ok("1")),
            ("\u{85}1", 10, Ok("1")),
            (
                "1\u{0}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1\\x00'"),
            ),
            (
                "\u{0}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\x00'"),
            ),
            (
                "",
                10,
                Err("ValueError: invalid literal for int() with base 10: ''"),
            ),
            (
                " ",
                10,
                Err("ValueError: invalid literal for int() with base 10: ' '"),
            ),
            ("\u{9}\u{a}\u{b}\u{c}\u{d} 7 ", 10, Ok("7")),
            (
                "0x",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0x'"),
            ),
            (
                "0xg",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0xg'"),
            ),
            (
                "12a",
                0,
                Err("ValueError: invalid literal for int() with base 0: '12a'"),
            ),
            (
                "0_7",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0_7'"),
            ),
            ("00_0", 0, Ok("0")),
            (
                "0b102",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0b102'"),
            ),
            ("0B1_0", 0, Ok("2")),
            ("0O17", 0, Ok("15")),
            (
                "0x_",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0x_'"),
            ),
            (
                "0x__1",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0x__1'"),
            ),
            (
                "_1",
                10,
                Err("ValueError: invalid literal for int() with base 10: '_1'"),
            ),
            (
                "1_",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1_'"),
            ),
            (
                "1__",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1__'"),
            ),
            (
                "1__2",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1__2'"),
            ),
            ("1_2_3", 10, Ok("123")),
            ("0x1", 16, Ok("1")),
            ("0X_ff", 16, Ok("255")),
            (
                "x1",
                16,
                Err("ValueError: invalid literal for int() with base 16: 'x1'"),
            ),
            ("0b1", 16, Ok("177")),
            ("0b1", 2, Ok("1")),
            ("0o7", 8, Ok("7")),
            (
                "0o7",
                16,
                Err("ValueError: invalid literal for int() with base 16: '0o7'"),
            ),
            ("z", 36, Ok("35")),
            ("Z", 36, Ok("35")),
            ("10", 36, Ok("36")),
            ("1", 2, Ok("1")),
            (
                "2",
                2,
                Err("ValueError: invalid literal for int() with base 2: '2'"),
            ),
            ("-0", 10, Ok("0")),
            ("+0", 10, Ok("0")),
            (
                "-",
                10,
                Err("ValueError: invalid literal for int() with base 10: '-'"),
            ),
            (
                "+",
                10,
                Err("ValueError: invalid literal for int() with base 10: '+'"),
            ),
            (
                "+-1",
                10,
                Err("ValueError: invalid literal for int() with base 10: '+-1'"),
            ),
            (
                "--1",
                10,
                Err("ValueError: invalid literal for int() with base 10: '--1'"),
            ),
            ("\u{661}\u{662}_\u{663}", 10, Ok("123")),
            ("1\u{662}", 10, Ok("12")),
            ("\u{ff11}", 16, Ok("1")),
            (
                "\u{ff41}",
                16,
                Err("ValueError: invalid literal for int() with base 16: '\u{ff41}'"),
            ),
            (
                "\u{e9}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{e9}'"),
            ),
            (
                "'",
                10,
                Err("ValueError: invalid literal for int() with base 10: \"'\""),
            ),
            (
                "\"",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\"'"),
            ),
            (
                "'\"",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\'\"'"),
            ),
            (
                "\\",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\\\'"),
            ),
            (
                "\u{7f}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\x7f'"),
            ),
            (
                "\u{200b}1",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\u200b1'"),
            ),
            (
                "\u{1f600}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{1f600}'"),
            ),
            (
                "00000000001",
                0,
                Err("ValueError: invalid literal for int() with base 0: '00000000001'"),
            ),
            ("0_0_0", 0, Ok("0")),
            (
                "01",
                0,
                Err("ValueError: invalid literal for int() with base 0: '01'"),
            ),
            (
                "0_1",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0_1'"),
            ),
            (
                "-010",
                0,
                Err("ValueError: invalid literal for int() with base 0: '-010'"),
            ),
            ("0x1 ", 0, Ok("1")),
            (
                " - 1",
                10,
                Err("ValueError: invalid literal for int() with base 10: ' - 1'"),
            ),
            ("\u{661}\u{662}\u{663}", 0, Ok("123")),
            (
                "0\u{661}",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0\u{661}'"),
            ),
            (
                "abc",
                2,
                Err("ValueError: invalid literal for int() with base 2: 'abc'"),
            ),
            ("abc", 16, Ok("2748")),
            ("-0XABC", 0, Ok("-2748")),
            (
                "0b",
                2,
                Err("ValueError: invalid literal for int() with base 2: '0b'"),
            ),
            ("0b_1", 2, Ok("1")),
            (
                "0b__1",
                2,
                Err("ValueError: invalid literal for int() with base 2: '0b__1'"),
            ),
            (
                "1",
                1,
                Err("ValueError: int() base must be >= 2 and <= 36, or 0"),
            ),
            (
                "1",
                37,
                Err("ValueError: int() base must be >= 2 and <= 36, or 0"),
            ),
            (
                "1",
                100,
                Err("ValueError: int() base must be >= 2 and <= 36, or 0"),
            ),
            (" 12 ", 0, Ok("12")),
            (
                "12 3",
                10,
                Err("ValueError: invalid literal for int() with base 10: '12 3'"),
            ),
            (
                "1.5",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1.5'"),
            ),
            (
                "1e5",
                10,
                Err("ValueError: invalid literal for int() with base 10: '1e5'"),
            ),
            (
                "0x1p3",
                0,
                Err("ValueError: invalid literal for int() with base 0: '0x1p3'"),
            ),
            ("\u{a0}12\u{a0}", 10, Ok("12")),
            ("\u{2028}-5\u{2029}", 10, Ok("-5")),
            ("-\u{1d7d9}", 10, Ok("-1")),
            ("\u{ff11}\u{ff10}", 10, Ok("10")),
            ("\u{ff11}\u{ff12}\u{ff13}", 0, Ok("123")),
            (
                "a\u{9}b\u{a}c\u{d}d",
                10,
                Err("ValueError: invalid literal for int() with base 10: 'a\\tb\\nc\\rd'"),
            ),
            (
                "\u{1}\u{1f}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\x01\\x1f'"),
            ),
            (
                "\u{80}\u{9f}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\x80\\x9f'"),
            ),
            (
                "\u{a0}x\u{ad}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\xa0x\\xad'"),
            ),
            (
                "\u{378}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\u0378'"),
            ),
            (
                "\u{e000}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\ue000'"),
            ),
            (
                "\u{e0001}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\\U000e0001'"),
            ),
            (
                "\u{300}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{300}'"),
            ),
            (
                "\u{2135}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{2135}'"),
            ),
            (
                "\u{df}",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{df}'"),
            ),
            (
                "\u{663}x",
                10,
                Err("ValueError: invalid literal for int() with base 10: '\u{663}x'"),
            ),
            (
                "999999999999999999999999999999",
                10,
                Ok("999999999999999999999999999999"),
            ),
            (
                "-ffffffffffffffffffffffffffffffffffffffff",
                16,
                Ok("-1461501637330902918203684832716283019655932542975"),
            ),
            (
                "77777777777777777777777777777777777777777777777777",
                8,
                Ok("1427247692705959881058285969449495136382746623"),
            ),
            (
                "zzzzzzzzzzzzzzzzzzzz",
                36,
                Ok("13367494538843734067838845976575"),
            ),
            (
                "1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111",
                2,
                Ok("1267650600228229401496703205375"),
            ),
            (
                "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                0,
                Ok("5444517870735015415413993718908291383295"),
            ),
            (
                "0o7777777777777777777777777777777777777777",
                0,
                Ok("1329227995784915872903807060280344575"),
            ),
            (
                "0b1111111111111111111111111111111111111111111111111111111111111111111111",
                0,
                Ok("1180591620717411303423"),
            ),
            ("-0b1_0_1", 0, Ok("-5")),
            (
                "12_",
                0,
                Err("ValueError: invalid literal for int() with base 0: '12_'"),
            ),
        ];
        pub(super) const TRUE_DIV_CASES: &[(&str, &str, Result<u64, &str>)] = &[
            ("1", "0", Err("ZeroDivisionError: division by zero")),
            ("0", "0", Err("ZeroDivisionError: division by zero")),
            ("-3", "0", Err("ZeroDivisionError: division by zero")),
            ("0", "5", Ok(0x0000000000000000)),
            ("0", "-5", Ok(0x8000000000000000)),
            (
                "-1",
                "114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376",
                Ok(0x8000000000000000),
            ),
            (
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216",
                "1",
                Err("OverflowError: integer division result too large for a float"),
            ),
            (
                "359538626972463181545861038157804946723595395788461314546860162315465351611001926265416954644815072042240227759742786715317579537628833244985694861278948248755535786849730970552604439202492188238906165904170011537676301364684925762947826221081654474326701021369172596479894491876959432609670712659248448274432",
                "2",
                Err("OverflowError: integer division result too large for a float"),
            ),
            (
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137215",
                "1",
                Err("OverflowError: integer division result too large for a float"),
            ),
            (
                "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                Err("OverflowError: integer division result too large for a float"),
            ),
            ("1", "3", Ok(0x3FD5555555555555)),
            ("-1", "3", Ok(0xBFD5555555555555)),
            ("2", "3", Ok(0x3FE5555555555555)),
            ("9007199254740993", "1", Ok(0x4340000000000000)),
            ("9007199254740995", "1", Ok(0x4340000000000002)),
            ("-7", "2", Ok(0xC00C000000000000)),
            (
                "1",
                "202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784",
                Ok(0x0000000000000001),
            ),
            (
                "1",
                "404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568",
                Ok(0x0000000000000000),
            ),
            (
                "3",
                "809609013229242473409981386875669228198226599056568473427605432109721358271981387567841534805748497980748311457267247645559234949543173907468053599762954039686069697106265445457867630968372865364959070713890980274248029933698770794472413422596638225363240226049435078209333658460922010128745310034584025053230830964373979136",
                Ok(0x0000000000000001),
            ),
            (
                "1",
                "404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989567",
                Ok(0x0000000000000001),
            ),
            (
                "1",
                "404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989569",
                Ok(0x0000000000000000),
            ),
            (
                "114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376",
                "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376",
                Ok(0x7E70000000000000),
            ),
            (
                "11505236063118821809467553221049758295155052665230762065499525194094891251552061640493342548634082305351687288311769174890162545204122663839542235560926343960177145179191391057683342054479750023644997308933440369205641643669917624414330439074612943178454432683813523087356623740062701843509462805095950344781824",
                "1024",
                Ok(0x7FB0000000000000),
            ),
            (
                "11505236063118821809467553221049758295155052665230762065499525194094891251552061640493342548634082305351687288311769174890162545204122663839542235560926343960177145179191391057683342054479750023644997308933440369205641643669917624414330439074612943178454432683813523087356623740062701843509462805095950344781823",
                "64",
                Err("OverflowError: integer division result too large for a float"),
            ),
            (
                "11505236063118820532129755118829078835076516321654079782330718515402064689921826480677731752497080202978589373024920477710996564920925707697181922989026401087107194276899282052879711365784917052420855584541128572307493327161806268682611747797255894289587060877065262282799243339578835192400025857675783990935552",
                "64",
                Ok(0x7FEFFFFFFFFFFFFF),
            ),
            (
                "11505236063118821170798654169939418565115784493442420923915121854748477970736944060585537150565581254165138330668344826300579555062524185768362079274976372523642169728045336555281526710132333538032926446737284470756567485415861946548471093435934418734020746780439392685077933539820768517954744331385867167858688",
                "64",
                Err("OverflowError: integer division result too large for a float"),
            ),
            (
                "1000000000000000000000000000000",
                "7",
                Ok(0x45FCD98A8B00A10B),
            ),
            (
                "-1000000000000000000000000000000",
                "7",
                Ok(0xC5FCD98A8B00A10B),
            ),
            (
                "1000000000000000000000000000000",
                "-7",
                Ok(0xC5FCD98A8B00A10B),
            ),
            (
                "7",
                "1000000000000000000000000000000",
                Ok(0x39E1BF427F0E4A4C),
            ),
            (
                "1152921504606846977",
                "1152921504606846976",
                Ok(0x3FF0000000000000),
            ),
            (
                "515377520732011331036461129765621272702107522001",
                "1267650600228229401496703205376",
                Ok(0x43969194F299CDDA),
            ),
            (
                "1267650600228229401496703205376",
                "515377520732011331036461129765621272702107522001",
                Ok(0x3C46AFB1DF2EFF89),
            ),
            (
                "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                Ok(0x01A56E1FC2F8F359),
            ),
            (
                "1",
                "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                Ok(0x00000000000007E8),
            ),
            (
                "1",
                "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                Ok(0x0000000000000002),
            ),
            (
                "1",
                "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                Ok(0x0000000000000000),
            ),
            (
                "12345678900000000000000000000000000000000000000000000000000",
                "987654321",
                Ok(0x4A211B0EC2E0E986),
            ),
            (
                "134826985114673693079697889309176855021348273420672992955072560868299506854125722349531357991805652015840085409903545018244092326610812466869635572979605593283325920068649113957226664700934570589589812214063754326628613011756847161105434832905620427872512883013439723679960434453859787228626517247218168102913",
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137219",
                Ok(0x3FE8000000000000),
            ),
            (
                "1",
                "44942328371557897693232629769725618340449424473557664318357520289433168951375240783177119330601884005280028469967848339414697442203604155623211857659868531094441973356216371319075554900311523529863270738021251442209537670585615720368478277635206809290837627671146574559986811484619929076208839082406056034304",
                Ok(0x0010000000000000),
            ),
            (
                "1",
                "44942328371557897693232629769725618340449424473557664318357520289433168951375240783177119330601884005280028469967848339414697442203604155623211857659868531094441973356216371319075554900311523529863270738021251442209537670585615720368478277635206809290837627671146574559986811484619929076208839082406056034305",
                Ok(0x0010000000000000),
            ),
            (
                "9007199254740991",
                "404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568",
                Ok(0x0010000000000000),
            ),
            (
                "18014398509481983",
                "809609013229242473409981386875669228198226599056568473427605432109721358271981387567841534805748497980748311457267247645559234949543173907468053599762954039686069697106265445457867630968372865364959070713890980274248029933698770794472413422596638225363240226049435078209333658460922010128745310034584025053230830964373979136",
                Ok(0x0010000000000000),
            ),
        ];
    }
}
