//! The arithmetic of folded numbers, with CPython's rules (`Objects/longobject.c`,
//! `Objects/floatobject.c`, `Objects/complexobject.c`): floor division and modulo taking the
//! divisor's sign, correctly rounded `int` to `float` and `int / int`, `float ** float`'s
//! special cases, complex division and powers by CPython's formulas.
//!
//! Every function returns `None` where CPython raises (`ZeroDivisionError`, `OverflowError`,
//! `ValueError`): the folder then leaves the expression to run (and raise) at run time.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A number operand: `bool` is already an `int` here.
#[derive(Clone, Debug)]
pub(super) enum Num {
    /// An `int` (or a `bool` taken as one).
    Int(BigInt),
    /// A `float`.
    Float(f64),
    /// A `complex`.
    Complex(f64, f64),
}

impl Num {
    /// The value as a `float`, for mixed arithmetic (`None` for complex, or an `int` too large:
    /// `OverflowError: int too large to convert to float`).
    pub(super) fn to_float(&self) -> Option<f64> {
        match self {
            Num::Int(i) => int_to_f64(i),
            Num::Float(x) => Some(*x),
            Num::Complex(..) => None,
        }
    }

    /// The value as a complex `(real, imag)`.
    pub(super) fn to_complex(&self) -> Option<(f64, f64)> {
        match self {
            Num::Complex(re, im) => Some((*re, *im)),
            other => other.to_float().map(|x| (x, 0.0)),
        }
    }
}

/// `x · 2^exp`, exact whenever the result is representable (subnormals included).
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    let big = 2f64.powi(1000);
    let small = 2f64.powi(-1000);
    while exp > 1000 {
        x *= big;
        exp -= 1000;
    }
    while exp < -1000 {
        x *= small;
        exp += 1000;
    }
    x * 2f64.powi(exp as i32)
}

/// `n / d` correctly rounded to a float (half to even), `None` when it overflows. `d` > 0.
fn ratio_to_f64(n: &BigUint, d: &BigUint) -> Option<f64> {
    if n.is_zero() {
        return Some(0.0);
    }
    let (a, b) = (n.bits() as i64, d.bits() as i64);
    // 2^(k-1) <= n/d < 2^k.
    let shifted_d_at_most_n = if a >= b {
        (d << (a - b) as usize) <= *n
    } else {
        *d <= (n << (b - a) as usize)
    };
    let k = a - b + i64::from(shifted_d_at_most_n);
    if k > 1024 {
        return None;
    }
    let exp = (k - 53).max(-1074);
    let (num, den) = if exp >= 0 {
        (n.clone(), d << exp as usize)
    } else {
        (n << (-exp) as usize, d.clone())
    };
    let (mut q, r) = (&num / &den, &num % &den);
    let twice_r = r << 1usize;
    if twice_r > den || (twice_r == den && q.bit(0)) {
        q += 1u32;
    }
    let value = ldexp(q.to_f64().expect("at most 2^53"), exp);
    value.is_finite().then_some(value)
}

/// `float(i)` (`PyLong_AsDouble`): correctly rounded, `None` when too large for a float.
pub(super) fn int_to_f64(i: &BigInt) -> Option<f64> {
    let magnitude = ratio_to_f64(i.magnitude(), &BigUint::one())?;
    Some(if i.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// `a / b` for ints (`long_true_divide`): correctly rounded; the sign of a zero result is the
/// quotient's sign.
pub(super) fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let magnitude = ratio_to_f64(a.magnitude(), b.magnitude())?;
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    Some(if negative { -magnitude } else { magnitude })
}

/// `divmod(a, b)` for ints, rounding the quotient down.
pub(super) fn int_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    if b.is_zero() {
        return None;
    }
    let (mut q, mut r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

/// `a >> b` for ints: rounds down; `None` for a negative count.
pub(super) fn int_rshift(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    if b.is_negative() {
        return None;
    }
    match b.to_usize() {
        Some(n) if n < a.bits() as usize + 1 => Some(a >> n),
        _ => Some(if a.is_negative() {
            BigInt::from(-1)
        } else {
            BigInt::zero()
        }),
    }
}

/// `a << b` for ints: `None` for a negative count or a result CPython could not allocate.
pub(super) fn int_lshift(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    if b.is_negative() {
        return None;
    }
    if a.is_zero() {
        return Some(BigInt::zero());
    }
    Some(a << b.to_usize().filter(|n| *n < 1 << 32)?)
}

/// `a // b` and `a % b` for floats (`_float_div_mod`).
pub(super) fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut modulo = vx % wx;
    let mut div = (vx - modulo) / wx;
    if modulo != 0.0 {
        if (wx < 0.0) != (modulo < 0.0) {
            modulo += wx;
            div -= 1.0;
        }
    } else {
        modulo = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    Some((floordiv, modulo))
}

/// `a % b` for floats (`float_rem`).
pub(super) fn float_mod(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let modulo = vx % wx;
    Some(if modulo != 0.0 {
        if (wx < 0.0) != (modulo < 0.0) {
            modulo + wx
        } else {
            modulo
        }
    } else {
        0f64.copysign(wx)
    })
}

/// Whether a float is an odd integer (`DOUBLE_IS_ODD_INTEGER`).
fn is_odd_integer(x: f64) -> bool {
    (x % 2.0).abs() == 1.0
}

/// What `float ** float` gives (`float_pow`).
pub(super) enum FloatPow {
    /// A float result.
    Float(f64),
    /// A negative base to a fractional power: the complex power of the same operands.
    Complex,
}

/// `iv ** iw` for floats (`float_pow`), `None` where CPython raises.
pub(super) fn float_pow(mut iv: f64, iw: f64) -> Option<FloatPow> {
    use FloatPow::Float;
    if iw == 0.0 {
        return Some(Float(1.0));
    }
    if iv.is_nan() {
        return Some(Float(iv));
    }
    if iw.is_nan() {
        return Some(Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let abs = iv.abs();
        return Some(Float(if abs == 1.0 {
            1.0
        } else if (iw > 0.0) == (abs > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Some(Float(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return None;
        }
        return Some(Float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Some(FloatPow::Complex);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Some(Float(if negate { -1.0 } else { 1.0 }));
    }
    let ix = iv.powf(iw);
    // An infinite result is an overflow (`_Py_ADJUST_ERANGE1`); underflow to 0 is not an error.
    if ix.is_infinite() {
        return None;
    }
    Some(Float(if negate { -ix } else { ix }))
}

/// `a * b` for complex numbers (`_Py_c_prod`).
pub(super) fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` for complex numbers (`_Py_c_quot`, Smith's method), `None` for a zero divisor.
pub(super) fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `x ** n` for a small non-negative integer `n` (`c_powu`).
fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1i64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` for complex numbers (`complex_pow`): exact repeated products for small integral
/// exponents, polar form otherwise; `None` for `0 ** negative-or-complex` and overflow.
pub(super) fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let mut domain_error = false;
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            let d = c_powu(a, -n);
            c_quot((1.0, 0.0), d).unwrap_or_else(|| {
                domain_error = true;
                (0.0, 0.0)
            })
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        domain_error = b.1 != 0.0 || b.0 < 0.0;
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if domain_error || p.0.is_infinite() || p.1.is_infinite() {
        return None;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_to_float_rounds_half_to_even() {
        let two = BigInt::from(2);
        // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: rounds to the even 2^53.
        let x = two.pow(53) + 1;
        assert_eq!(int_to_f64(&x), Some(9007199254740992.0));
        let x = two.pow(53) + 3;
        assert_eq!(int_to_f64(&x), Some(9007199254740996.0));
        assert_eq!(int_to_f64(&two.pow(1024)), None);
        assert_eq!(int_to_f64(&-two.pow(1023)), Some(-(2f64.powi(1023))));
    }

    #[test]
    fn true_division_is_correctly_rounded_down_to_subnormals() {
        let one = BigInt::from(1);
        let big = BigInt::from(10).pow(400);
        assert_eq!(int_true_divide(&one, &big), Some(0.0));
        let d = BigInt::from(2).pow(1074);
        assert_eq!(int_true_divide(&one, &d), Some(5e-324));
        assert_eq!(
            int_true_divide(&BigInt::from(1), &BigInt::from(3)),
            Some(1.0 / 3.0)
        );
        assert_eq!(int_true_divide(&big, &one), None);
    }
}
