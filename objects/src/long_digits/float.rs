//! Conversions between `int` and `float`, correctly rounded: `float(int)`
//! (`PyLong_AsDouble`), `int(float)` (`PyLong_FromDouble`) and `int / int`
//! (`long_true_divide`).

use super::{LongError, LongValue, SHIFT, mag};
use std::cmp::Ordering;

impl LongValue {
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
