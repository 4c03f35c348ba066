//! Float ⇄ text and float arithmetic exactly as CPython 3.12 (`Python/pystrtod.c`, `Python/dtoa.c`,
//! `Python/formatter_unicode.c`, `Objects/floatobject.c`, `Python/pyhash.c`).
//!
//! This module is the text and arithmetic half of Python's `float`: `repr`/`str`, `float(str)`,
//! `format(x, spec)`, and the operators whose rules differ from IEEE 754 (`//`, `%`, `divmod`, `**`,
//! `round`, `hash`). Everything here is a pure function of `f64` and `&str`; the object layer wraps the
//! results into `float`/`int`/`complex` objects and the error texts into exceptions.
//!
//! # How it mirrors CPython
//!
//! ```text
//!   f64 ──dtoa()──> (digits, decpt) ──layout_digits()──> "1.5e+300"       PyOS_double_to_string
//!                                                    └──layout_number()──> "  +1,234.50"  format_float_internal
//!   &str ──transform──> ASCII ──underscores──> strip ──strtod_prefix()──> f64    PyFloat_FromString
//! ```
//!
//! * **Digits.** CPython asks David Gay's `_Py_dg_dtoa` for a digit string and the position of the
//!   decimal point, in mode 0 (shortest round-trip), 2 (`n` significant digits) or 3 (`n` digits
//!   after the point). Rust's `{:.Ne}` and `{:.N}` round the exact binary value, ties to even, as
//!   dtoa does; Rust's `{:e}` gives the shortest round-trip digits closest to the value, as mode 0
//!   does, except that when the value lies exactly halfway between the two closest candidates dtoa
//!   takes the even one and Rust may not (`shortest_digits` settles those ties). `dtoa` keeps what
//!   `_Py_dg_dtoa` returns: digits without trailing zeros plus `decpt` (the value is
//!   `0.d1d2d3… × 10^decpt`). Precisions are capped where every further digit is zero, because
//!   Rust's formatter rejects precisions above `u16::MAX`.
//! * **Layout.** `layout_digits` is `format_float_short`'s "virtual digit string" algorithm;
//!   `layout_number` is `calc_number_widths` + `fill_number` + `_PyUnicode_InsertThousandsGrouping`.
//! * **Parsing.** `float(str)` maps Unicode decimal digits to ASCII and Unicode spaces to `' '`, removes
//!   single underscores between digits, strips ASCII whitespace, then accepts exactly the `_Py_dg_strtod`
//!   grammar or `inf`/`infinity`/`nan`. The grammar is checked here; the value comes from Rust's
//!   correctly rounded `str::parse::<f64>`, which agrees with `_Py_dg_strtod` (also correctly rounded).
//! * **Arithmetic.** `float_rem`, `_float_div_mod`, `float_pow`, `float___round___impl`/`double_round` and
//!   `_Py_HashDouble` are transcribed case by case; libm (`pow`, `fmod`, `sin`, `cos`, `atan2`) is the
//!   platform's, as in CPython.
//!
//! # Errors
//!
//! Fallible functions return `Err(String)` holding CPython's exact exception text. The exception
//! class is fixed by the function and the text; each function's `# Errors` section lists them.
//!
//! The C locale is assumed for the `'n'` presentation type (CPython does not call `setlocale` for
//! `LC_NUMERIC`), so `'n'` is `'g'` without grouping.

use std::borrow::Cow;

mod arith;
mod format;
mod hex;
mod parse;
#[cfg(test)]
mod tests;

pub use arith::{
    PowResult, float_div, float_divmod, float_floordiv, float_hash, float_mod, float_pow,
    float_round,
};
pub use format::format_float;
pub use hex::{FromHexError, float_fromhex, float_hex, frexp_finite, ldexp};
pub use parse::parse_float;

// ---------------------------------------------------------------------------------------------
// Digit generation: the part of `_Py_dg_dtoa` that CPython uses.
// ---------------------------------------------------------------------------------------------

/// The `mode`/`ndigits` pair passed to `_Py_dg_dtoa`.
#[derive(Clone, Copy, Debug)]
enum DtoaMode {
    /// Mode 0: the shortest digit string that reads back to the same double.
    Shortest,
    /// Mode 2: `n >= 1` significant digits, correctly rounded.
    Significant(usize),
    /// Mode 3: rounded to `n` digits after the decimal point (`n` may be negative: tens, hundreds…).
    Fixed(i64),
}

/// Enough significant digits to spell any double exactly (the longest needs 767).
const MAX_SIGNIFICANT: usize = 800;
/// Enough places after the point to spell any double exactly (the smallest needs 1074).
const MAX_FRACTION: i64 = 1100;

/// `_Py_dg_dtoa` for a finite `a >= 0`: ASCII digits without trailing zeros and `decpt`, so that
/// `a ≈ 0.d1d2… × 10^decpt`. Zero gives `("0", 1)`; a value that rounds to nothing in mode 3 gives
/// `("", -n)`, as dtoa does.
fn dtoa(a: f64, mode: DtoaMode) -> (Vec<u8>, i64) {
    debug_assert!(a.is_finite() && a >= 0.0);
    if a == 0.0 {
        return (b"0".to_vec(), 1);
    }
    match mode {
        DtoaMode::Shortest => shortest_digits(a),
        DtoaMode::Significant(n) => {
            scientific_digits(&format!("{a:.*e}", n.clamp(1, MAX_SIGNIFICANT) - 1))
        }
        DtoaMode::Fixed(n) if n >= 0 => {
            fixed_digits(&format!("{a:.*}", n.min(MAX_FRACTION) as usize), n)
        }
        DtoaMode::Fixed(n) => {
            let (digits, decpt) = scientific_digits(&format!("{a:.*e}", MAX_SIGNIFICANT - 1));
            round_half_even(digits, decpt, decpt + n, n)
        }
    }
}

/// Mode 0. Rust's shortest digits are dtoa's, except when `a` lies exactly halfway between the two
/// closest shortest candidates: Rust may take either, dtoa takes the one with an even last digit
/// (`repr(-201785617509049.625)` is `-201785617509049.62`).
fn shortest_digits(a: f64) -> (Vec<u8>, i64) {
    let (digits, decpt) = scientific_digits(&format!("{a:e}"));
    let n = digits.len();
    // A tie needs the exact value to have exactly n + 1 significant digits, the last a 5.
    let one_more = format!("{a:.*e}", n);
    if !one_more
        .split_once('e')
        .is_some_and(|(mantissa, _)| mantissa.ends_with('5'))
    {
        return (digits, decpt);
    }
    let (exact, exact_decpt) = scientific_digits(&format!("{a:.*e}", MAX_SIGNIFICANT - 1));
    if exact.len() != n + 1 {
        return (digits, decpt);
    }
    let (even, even_decpt) = round_half_even(exact, exact_decpt, n as i64, 0);
    let text = format!("0.{}e{even_decpt}", String::from_utf8_lossy(&even));
    if text.parse::<f64>() == Ok(a) {
        (even, even_decpt)
    } else {
        (digits, decpt)
    }
}

/// Splits Rust's `d.ddde±x` into digits (trailing zeros removed) and `decpt = x + 1`.
fn scientific_digits(text: &str) -> (Vec<u8>, i64) {
    let (mantissa, exponent) = text
        .split_once('e')
        .expect("Rust's {:e} always has an exponent");
    let exponent: i64 = exponent.parse().expect("Rust's exponent is an integer");
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    strip_trailing_zeros(&mut digits);
    (digits, exponent + 1)
}

/// Splits Rust's `iii.fff` (rounded to `n` places) into significant digits and `decpt`.
fn fixed_digits(text: &str, n: i64) -> (Vec<u8>, i64) {
    let (int_part, _) = text.split_once('.').unwrap_or((text, ""));
    let mut digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    strip_trailing_zeros(&mut digits);
    if digits.is_empty() {
        return (digits, -n);
    }
    (digits, int_part.len() as i64 - leading as i64)
}

fn strip_trailing_zeros(digits: &mut Vec<u8>) {
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// Rounds the exact digit string `0.digits × 10^decpt` to its first `keep` digits, ties to even
/// (mode 3 with negative `ndigits`). Rounding to nothing gives `("", -ndigits)`, as dtoa does.
fn round_half_even(mut digits: Vec<u8>, decpt: i64, keep: i64, ndigits: i64) -> (Vec<u8>, i64) {
    if keep >= digits.len() as i64 {
        return (digits, decpt);
    }
    let (keep, round_up) = if keep < 0 {
        (0, false)
    } else {
        let k = keep as usize;
        let next = digits[k];
        let beyond = digits.len() > k + 1; // trailing zeros are stripped: anything beyond is nonzero
        let last_odd = k > 0 && (digits[k - 1] - b'0') % 2 == 1;
        (k, next > b'5' || (next == b'5' && (beyond || last_odd)))
    };
    digits.truncate(keep);
    let mut decpt = decpt;
    if round_up {
        while digits.last() == Some(&b'9') {
            digits.pop();
        }
        match digits.last_mut() {
            Some(d) => *d += 1,
            None => {
                digits.push(b'1');
                decpt += 1;
            }
        }
    }
    strip_trailing_zeros(&mut digits);
    if digits.is_empty() {
        return (digits, -ndigits);
    }
    (digits, decpt)
}

// ---------------------------------------------------------------------------------------------
// PyOS_double_to_string / format_float_short.
// ---------------------------------------------------------------------------------------------

/// The `Py_DTSF_*` flags that the float formatters use.
#[derive(Clone, Copy, Debug, Default)]
struct DtsFlags {
    /// `Py_DTSF_ADD_DOT_0`: integers without exponent get `.0` (repr, and no-type specs).
    add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` option — keep the point and, for `g`, trailing zeros.
    alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option — a result that rounds to zero loses its minus sign.
    no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of `e E f F g G r`.
fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (DtoaMode::Significant(precision + 1), precision + 1),
        'f' => (DtoaMode::Fixed(precision as i64), precision),
        'g' => (DtoaMode::Significant(precision.max(1)), precision.max(1)),
        _ => (DtoaMode::Shortest, 0),
    };
    if !x.is_finite() {
        // The sign of a nan is never shown.
        let text = match (x.is_nan(), x < 0.0) {
            (true, _) => "nan",
            (false, true) => "-inf",
            (false, false) => "inf",
        };
        return if upper {
            text.to_ascii_uppercase()
        } else {
            text.to_owned()
        };
    }
    let (digits, decpt) = dtoa(x.abs(), mode);
    let rounds_to_zero = digits.is_empty() || digits == b"0";
    let mut out = String::new();
    if x.is_sign_negative() && !(flags.no_neg_0 && rounds_to_zero) {
        out.push('-');
    }
    let window = DigitWindow::new(digits.len() as i64, decpt, code, precision as i64, flags);
    layout_digits(&mut out, &digits, &window, flags.alt);
    if upper {
        out = out.replace('e', "E");
    }
    out
}

/// Where `format_float_short` puts the digits: the exponent (if one is used), the position of the
/// decimal point, and the slice `start..end` of the "virtual" digit string — the digits padded with
/// zeros on both sides — that is written out, with `start < decpt <= end`.
struct DigitWindow {
    exp: Option<i64>,
    decpt: i64,
    start: i64,
    end: i64,
}

impl DigitWindow {
    fn new(digits_len: i64, decpt: i64, code: char, precision: i64, flags: DtsFlags) -> Self {
        let g_limit = if flags.add_dot_0 {
            precision - 1
        } else {
            precision
        };
        let (use_exp, end) = match code {
            'e' => (true, precision),
            'f' => (false, decpt + precision),
            'g' => (
                decpt <= -4 || decpt > g_limit,
                if flags.alt { precision } else { digits_len },
            ),
            // 'r': exponent from 1e16 on, so that 16-digit shortest reprs are never padded with zeros.
            _ => (decpt <= -4 || decpt > 16, digits_len),
        };
        let point = if use_exp { 1 } else { decpt };
        // With ADD_DOT_0 and no exponent, keep at least one digit after the point.
        let min_end = if !use_exp && flags.add_dot_0 {
            point + 1
        } else {
            point
        };
        DigitWindow {
            exp: use_exp.then_some(decpt - 1),
            decpt: point,
            start: if point <= 0 { point - 1 } else { 0 },
            end: end.max(min_end),
        }
    }
}

/// `format_float_short`'s layout: writes the [`DigitWindow`] of `digits`, the point, and the
/// exponent (`e+05`: a sign and at least two digits).
fn layout_digits(out: &mut String, digits: &[u8], window: &DigitWindow, alt: bool) {
    let DigitWindow {
        exp,
        decpt,
        start,
        end,
    } = *window;
    let len = digits.len() as i64;
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let text = |out: &mut String, d: &[u8]| out.extend(d.iter().map(|&b| char::from(b)));
    // Exactly one of the three parts writes the decimal point: leading zeros, digits, trailing zeros.
    if decpt <= 0 {
        zeros(out, decpt - start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -start);
    }
    if 0 < decpt && decpt <= len {
        text(out, &digits[..decpt as usize]);
        out.push('.');
        text(out, &digits[decpt as usize..]);
    } else {
        text(out, digits);
    }
    if len < decpt {
        zeros(out, decpt - len);
        out.push('.');
        zeros(out, end - decpt);
    } else {
        zeros(out, end - len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if let Some(exp) = exp {
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("e{sign}{:02}", exp.abs()));
    }
}

/// `repr(x)` and `str(x)` (the same in Python 3): the shortest digits that read back to `x`, in
/// scientific notation when the decimal exponent is below -4 or at least 16, always with a `.0` or an
/// exponent so that the text reads back as a float.
///
/// # Example
///
/// ```
/// use pyrt_objects::float_repr::float_repr;
/// assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(1e-5), "1e-05");
/// assert_eq!(float_repr(-0.0), "-0.0");
/// assert_eq!(float_repr(f64::NAN), "nan");
/// ```
pub fn float_repr(x: f64) -> String {
    const REPR_FLAGS: DtsFlags = DtsFlags {
        add_dot_0: true,
        alt: false,
        no_neg_0: false,
    };
    double_to_string(x, 'r', 0, REPR_FLAGS)
}
