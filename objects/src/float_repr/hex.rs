//! `float.hex()` and `float.fromhex(s)` (`float_hex_impl` and `float_fromhex` in
//! `Objects/floatobject.c`), and C's `ldexp` (musl's `scalbn`: one rounding, so subnormal
//! results are correctly rounded as glibc's are).

use super::arith::frexp;

/// `ldexp(x, n)`: `x * 2**n`, rounded once.
pub fn ldexp(x: f64, n: i64) -> f64 {
    let two_1023 = f64::from_bits(0x7fe << 52);
    let two_m969 = f64::from_bits(0x036 << 52); // 2**-1022 * 2**53
    let mut y = x;
    let mut n = n.clamp(-10_000, 10_000) as i32;
    if n > 1023 {
        y *= two_1023;
        n -= 1023;
        if n > 1023 {
            y *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Keep the final n below -53 so that the subnormal range is rounded once.
        y *= two_m969;
        n += 1022 - 53;
        if n < -1022 {
            y *= two_m969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// C's `frexp` for finite `x`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (`(x, 0)`
/// for zero).
pub fn frexp_finite(x: f64) -> (f64, i32) {
    frexp(x)
}

/// `x.hex()`: `[-]0x1.<13 hex digits>p<exp>` (`0x0.` for subnormals), `inf`, `nan`,
/// `0x0.0p+0`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_repr(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .to_owned();
    }
    let (m, e) = frexp(x.abs());
    // DBL_MIN_EXP is -1021: subnormals keep a leading 0.
    let shift = 1 - (-1021 - e).max(0);
    let mut m = ldexp(m, i64::from(shift));
    let e = e - shift;
    let hex = |d: f64| char::from_digit(d as u32, 16).unwrap_or('0');
    let mut s = String::new();
    s.push(hex(m));
    m -= m.trunc();
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        s.push(hex(m));
        m -= m.trunc();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}0x{s}p{esign}{}", e.abs())
}

/// Why `float.fromhex` failed, with CPython's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// `ValueError: invalid hexadecimal floating-point string`.
    Invalid,
    /// `OverflowError: hexadecimal value too large to represent as a float`.
    Overflow,
    /// `ValueError: hexadecimal string too long to convert`.
    TooLong,
}

impl FromHexError {
    /// CPython's message.
    pub fn message(self) -> &'static str {
        match self {
            FromHexError::Invalid => "invalid hexadecimal floating-point string",
            FromHexError::Overflow => "hexadecimal value too large to represent as a float",
            FromHexError::TooLong => "hexadecimal string too long to convert",
        }
    }
}

/// `_Py_parse_inf_or_nan`: a signed `inf`, `infinity` or `nan` (any case) at the start of
/// `s`, with the number of bytes it takes.
fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign_len = s.len() - body.len();
    let starts =
        |word: &[u8]| body.len() >= word.len() && body[..word.len()].eq_ignore_ascii_case(word);
    let (value, len) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if negative { -value } else { value }, sign_len + len))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `float.fromhex(s)`: `[sign] ['0x'] digits ['.' digits] ['p' [sign] decimal]`, or `inf` /
/// `nan`, with surrounding whitespace; correctly rounded, half to even.
///
/// # Errors
/// [`FromHexError`].
pub fn float_fromhex(text: &str) -> Result<f64, FromHexError> {
    let s = text.as_bytes();
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let (x, end) = if let Some((v, len)) = parse_inf_or_nan(&s[i..]) {
        (v, i + len)
    } else {
        parse_finite(s, i)?
    };
    let mut i = end;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(FromHexError::Invalid);
    }
    Ok(x)
}

/// The finite part of [`float_fromhex`] from `s[i..]`: the value and where it ends.
fn parse_finite(s: &[u8], mut i: usize) -> Result<(f64, usize), FromHexError> {
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let hexval = |b: u8| (b as char).to_digit(16);
    let negate = at(i) == b'-';
    if matches!(at(i), b'-' | b'+') {
        i += 1;
    }
    if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
        i += 2;
    }
    let int_start = i;
    while hexval(at(i)).is_some() {
        i += 1;
    }
    let mut digits: Vec<u32> = s[int_start..i].iter().filter_map(|&b| hexval(b)).collect();
    let mut fdigits = 0i64;
    if at(i) == b'.' {
        i += 1;
        let frac_start = i;
        while hexval(at(i)).is_some() {
            i += 1;
        }
        digits.extend(s[frac_start..i].iter().filter_map(|&b| hexval(b)));
        fdigits = (i - frac_start) as i64;
    }
    if digits.is_empty() {
        return Err(FromHexError::Invalid);
    }
    // DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN/2 and LONG_MAX/2 + 1 - DBL_MAX_EXP, over 4.
    if digits.len() as i64 > (i64::MAX / 2 + 1 - 1024) / 4 {
        return Err(FromHexError::TooLong);
    }
    let mut exp = 0i64;
    if matches!(at(i), b'p' | b'P') {
        i += 1;
        let exp_start = i;
        if matches!(at(i), b'-' | b'+') {
            i += 1;
        }
        if !at(i).is_ascii_digit() {
            return Err(FromHexError::Invalid);
        }
        while at(i).is_ascii_digit() {
            i += 1;
        }
        exp = strtol(&s[exp_start..i]);
    }
    let x = hex_value(&digits, fdigits, exp)?;
    Ok((if negate { -x } else { x }, i))
}

/// C's `strtol` on `[sign]digits`, saturating.
fn strtol(s: &[u8]) -> i64 {
    let (negative, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut v: i64 = 0;
    for &d in digits {
        v = v.saturating_mul(10).saturating_add(i64::from(d - b'0'));
    }
    if negative { -v } else { v }
}

/// The rounded value of the hex digits (most significant first) with `fdigits` of them after
/// the point, times `2**exp`.
fn hex_value(digits: &[u32], fdigits: i64, exp: i64) -> Result<f64, FromHexError> {
    const DBL_MIN_EXP: i64 = -1021;
    const DBL_MAX_EXP: i64 = 1024;
    const DBL_MANT_DIG: i64 = 53;
    // digit(j): the j-th least significant digit.
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    let digits = &digits[leading..];
    let ndigits = digits.len() as i64;
    let digit = |j: i64| digits[(ndigits - 1 - j) as usize];
    if ndigits == 0 || exp < i64::MIN / 2 {
        return Ok(0.0);
    }
    if exp > i64::MAX / 2 {
        return Err(FromHexError::Overflow);
    }
    let exp = exp - 4 * fdigits;
    let mut top_exp = exp + 4 * (ndigits - 1);
    let mut d = digit(ndigits - 1);
    while d != 0 {
        top_exp += 1;
        d /= 2;
    }
    if top_exp < DBL_MIN_EXP - DBL_MANT_DIG {
        return Ok(0.0);
    }
    if top_exp > DBL_MAX_EXP {
        return Err(FromHexError::Overflow);
    }
    let lsb = top_exp.max(DBL_MIN_EXP) - DBL_MANT_DIG;
    let mut x = 0.0f64;
    if exp >= lsb {
        for j in (0..ndigits).rev() {
            x = 16.0 * x + f64::from(digit(j));
        }
        return Ok(ldexp(x, exp));
    }
    let half_eps: u32 = 1 << ((lsb - exp - 1) % 4);
    let key_digit = (lsb - exp - 1) / 4;
    for j in (key_digit + 1..ndigits).rev() {
        x = 16.0 * x + f64::from(digit(j));
    }
    let d = digit(key_digit);
    x = 16.0 * x + f64::from(d & (16 - 2 * half_eps));
    if d & half_eps != 0 {
        let round_up = d & (3 * half_eps - 1) != 0
            || (half_eps == 8 && key_digit + 1 < ndigits && digit(key_digit + 1) & 1 != 0)
            || (0..key_digit).any(|j| digit(j) != 0);
        if round_up {
            x += f64::from(2 * half_eps);
            if top_exp == DBL_MAX_EXP && x == ldexp(f64::from(2 * half_eps), DBL_MANT_DIG) {
                return Err(FromHexError::Overflow);
            }
        }
    }
    Ok(ldexp(x, exp + 4 * key_digit))
}
