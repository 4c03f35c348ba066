//! The float operators whose rules differ from IEEE 754: `/`, `//`, `%`, `divmod`, `**`, `round`
//! and `hash` (`Objects/floatobject.c`, `Python/pyhash.c`).

use super::*;

// ---------------------------------------------------------------------------------------------
// Arithmetic whose rules differ from IEEE 754: Objects/floatobject.c.
// ---------------------------------------------------------------------------------------------

/// `a / b` (`float_div`).
///
/// # Errors
///
/// `ZeroDivisionError`: `float division by zero` when `b` is zero (either sign).
pub fn float_div(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err("float division by zero".to_owned());
    }
    Ok(a / b)
}

/// `a // b` (`float_floor_div`): the quotient part of [`float_divmod`].
///
/// # Errors
///
/// `ZeroDivisionError`: `float floor division by zero`.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err("float floor division by zero".to_owned());
    }
    Ok(div_mod(a, b).0)
}

/// `a % b` (`float_rem`): the remainder takes the sign of the divisor; a zero remainder is a zero
/// with the divisor's sign.
///
/// # Errors
///
/// `ZeroDivisionError`: `float modulo` (CPython 3.12's whole text).
pub fn float_mod(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err("float modulo".to_owned());
    }
    let m = a % b; // fmod
    Ok(if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    })
}

/// `divmod(a, b)` (`float_divmod`): `(floor quotient, remainder)` by CPython's `_float_div_mod`.
///
/// # Errors
///
/// `ZeroDivisionError`: `float divmod()`.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), String> {
    if b == 0.0 {
        return Err("float divmod()".to_owned());
    }
    Ok(div_mod(a, b))
}

/// `_float_div_mod`: `fmod`, then the quotient from `(a - mod) / b`, corrected so the remainder has
/// the divisor's sign and snapped to the nearest integer; a zero quotient gets the sign of `a / b`.
pub(super) fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    // fmod is exact, so vx - m is mathematically a multiple of wx; the division is not.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// The value of `float ** float`: a float, or the complex number Python 3 returns for a negative
/// base with a non-integral exponent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PowResult {
    /// A `float` result.
    Float(f64),
    /// A `complex` result `(real, imag)`.
    Complex(f64, f64),
}

/// `a ** b` (`float_pow`) with CPython's special cases settled before libm's `pow` is called:
/// `x ** 0 == 1` (even for nan), `1 ** y == 1` (even for nan), `(-1) ** ±inf == 1`, the infinity
/// and signed-zero rules of C99 Annex F, and a complex result for a negative finite base raised to a
/// finite non-integer (computed as `complex_pow` does).
///
/// # Errors
///
/// * `ZeroDivisionError`: `0.0 cannot be raised to a negative power`.
/// * `OverflowError`: `(34, 'Numerical result out of range')` when the float result overflows
///   (`errno` `ERANGE`, as `PyErr_SetFromErrno` prints it), `complex exponentiation` when a complex
///   result overflows.
pub fn float_pow(a: f64, b: f64) -> Result<PowResult, String> {
    let is_odd_integer = |x: f64| x.abs() % 2.0 == 1.0;
    let float = |x: f64| Ok(PowResult::Float(x));
    if b == 0.0 {
        return float(1.0);
    }
    if a.is_nan() {
        return float(a);
    }
    if b.is_nan() {
        return float(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let a = a.abs();
        return float(if a == 1.0 {
            1.0
        } else if (b > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return float(match (b > 0.0, odd) {
            (true, true) => a,
            (true, false) => a.abs(),
            (false, true) => 0.0f64.copysign(a),
            (false, false) => 0.0,
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err("0.0 cannot be raised to a negative power".to_owned());
        }
        return float(if is_odd_integer(b) { a } else { 0.0 });
    }
    finite_pow(a, b)
}

/// `float_pow` for finite `a != 0` and finite `b != 0`.
pub(super) fn finite_pow(a: f64, b: f64) -> Result<PowResult, String> {
    let mut negate = false;
    let mut base = a;
    if a < 0.0 {
        if b != b.floor() {
            return complex_pow_real(a, b);
        }
        base = -a;
        negate = b.abs() % 2.0 == 1.0;
    }
    if base == 1.0 {
        // (-1) ** huge_even_or_odd_integer lands here too; some libms got it wrong.
        return Ok(PowResult::Float(if negate { -1.0 } else { 1.0 }));
    }
    let x = base.powf(b);
    if x.is_infinite() {
        // _Py_ADJUST_ERANGE1: finite operands and an infinite result mean ERANGE.
        return Err("(34, 'Numerical result out of range')".to_owned());
    }
    Ok(PowResult::Float(if negate { -x } else { x }))
}

/// `complex_pow(complex(a, 0), complex(b, 0))` for `a < 0` and non-integral `b` (`_Py_c_pow`).
pub(super) fn complex_pow_real(a: f64, b: f64) -> Result<PowResult, String> {
    let vabs = a.hypot(0.0);
    let len = vabs.powf(b);
    let phase = 0.0f64.atan2(a) * b;
    let (re, im) = (len * phase.cos(), len * phase.sin());
    if re.is_infinite() || im.is_infinite() {
        return Err("complex exponentiation".to_owned());
    }
    Ok(PowResult::Complex(re, im))
}

/// `round(x)` (`ndigits` `None`) and `round(x, ndigits)` (`float.__round__`).
///
/// Without `ndigits` the result is the nearest integral value, ties to even, as an `f64` for the
/// caller to turn into an `int` (a zero result may be `-0.0`; the `int` is `0` either way). With
/// `ndigits` the result is a float correctly rounded to that many decimal places (ties to even on the
/// exact binary value, so `round(2.675, 2) == 2.67`); `ndigits` may be negative, and is the clipped
/// `Py_ssize_t` CPython gets from the argument. Infinities and nan round to themselves.
///
/// # Errors
///
/// * Without `ndigits`: `OverflowError` `cannot convert float infinity to integer`, `ValueError`
///   `cannot convert float NaN to integer`.
/// * With `ndigits`: `OverflowError` `rounded value too large to represent`.
pub fn float_round(x: f64, ndigits: Option<i64>) -> Result<f64, String> {
    let Some(ndigits) = ndigits else {
        if x.is_infinite() {
            return Err("cannot convert float infinity to integer".to_owned());
        }
        if x.is_nan() {
            return Err("cannot convert float NaN to integer".to_owned());
        }
        let rounded = x.round(); // C round(): halves away from zero
        return Ok(if (x - rounded).abs() == 0.5 {
            2.0 * (x / 2.0).round()
        } else {
            rounded
        });
    };
    // Beyond NDIGITS_MAX x rounds to itself, below NDIGITS_MIN to a zero of its sign. CPython
    // computes them with 0.30103 as an upper bound for log10(2):
    // (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103) and -(int)((DBL_MAX_EXP + 1) * 0.30103).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // double_round: dtoa mode 3, then read "[-]0<digits>e<exp>" back with strtod.
    let (digits, decpt) = dtoa(x.abs(), DtoaMode::Fixed(ndigits));
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let digits = std::str::from_utf8(&digits).expect("ASCII digits");
    let text = format!("{sign}0{digits}e{}", decpt - digits.len() as i64);
    let rounded: f64 = text.parse().expect("a well-formed decimal");
    if rounded.is_infinite() {
        return Err("rounded value too large to represent".to_owned());
    }
    Ok(rounded)
}

/// `hash(x)` for a float (`_Py_HashDouble`): the value of `x` reduced modulo the Mersenne prime
/// 2**61 - 1 (so equal ints, floats and fractions hash alike), ±314159 for infinities, `-1` mapped
/// to `-2`.
///
/// Since 3.10 a nan hashes by identity: CPython returns `_Py_HashPointer(obj)`, so the caller passes
/// the object's address (or any stable identity) as `identity`; it is used only for nan and is
/// rotated right by 4 bits, as `_Py_HashPointerRaw` does.
///
/// These are the values of a 64-bit CPython (`sys.hash_info.width == 64`, modulus 2**61 - 1).
///
/// # Example
///
/// ```
/// use pyrt_objects::float_repr::float_hash;
/// assert_eq!(float_hash(1.0, 0), 1);
/// assert_eq!(float_hash(-1.0, 0), -2);
/// assert_eq!(float_hash(0.5, 0), 1 << 60);
/// assert_eq!(float_hash(f64::INFINITY, 0), 314159);
/// ```
pub fn float_hash(x: f64, identity: usize) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.is_nan() {
        return hash_pointer(identity);
    }
    let (mut m, mut e) = frexp(x);
    let negative = m < 0.0;
    m = m.abs();
    // Take 28 bits of the mantissa at a time, accumulating modulo 2**61 - 1.
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | h >> (BITS - 28);
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    // Multiply by 2**e: a rotation by e modulo 61.
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    } as u32;
    h = ((h << e) & MODULUS) | h >> (BITS as u32 - e);
    if negative {
        h = h.wrapping_neg();
    }
    if h == u64::MAX { -2 } else { h as i64 }
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (the low bits are alignment zeros),
/// with `-1` mapped to `-2`.
pub(super) fn hash_pointer(identity: usize) -> i64 {
    let h = identity.rotate_right(4) as isize as i64;
    if h == -1 { -2 } else { h }
}

/// C's `frexp` for finite `x`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (or `(0, 0)`).
pub(super) fn frexp(x: f64) -> (f64, i32) {
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        let (m, e) = frexp(x * TWO_64); // subnormal: scale into the normal range first
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}
