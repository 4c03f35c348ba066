//! `float(str)`: CPython's `PyFloat_FromString` and `_Py_dg_strtod`'s grammar.

use super::*;
use crate::unicode_data::{decimal_value, is_py_space, str_repr};

// ---------------------------------------------------------------------------------------------
// float(str): PyFloat_FromString.
// ---------------------------------------------------------------------------------------------

/// `float(s)` for a `str` argument, as `PyFloat_FromString` does it: surrounding whitespace is
/// stripped, single underscores between digits are allowed, Unicode decimal digits count as digits,
/// and `inf`, `infinity` and `nan` are accepted in any case with an optional sign. Out-of-range
/// values become `±inf` or `±0.0`, as in CPython.
///
/// # Errors
///
/// `ValueError`: `could not convert string to float: <repr(s)>`.
///
/// # Example
///
/// ```
/// use pyrt_objects::float_repr::parse_float;
/// assert_eq!(parse_float(" 1_000.5\n"), Ok(1000.5));
/// assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
/// assert_eq!(parse_float("١٢٣"), Ok(123.0));
/// assert_eq!(parse_float("abc"), Err("could not convert string to float: 'abc'".to_string()));
/// ```
pub fn parse_float(s: &str) -> Result<f64, String> {
    let error = || format!("could not convert string to float: {}", str_repr(s));
    let ascii = transform_decimal_and_space(s);
    let cleaned = if ascii.contains('_') {
        Cow::Owned(remove_underscores(&ascii).ok_or_else(error)?)
    } else {
        ascii
    };
    // float_from_string_inner: strip ASCII whitespace (Py_ISSPACE), then the whole rest must parse.
    let text = cleaned.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    match ascii_strtod(text) {
        Some((value, used)) if used == text.len() => Ok(value),
        _ => Err(error()),
    }
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: characters below 127 are kept, Unicode spaces
/// become `' '`, Unicode decimal digits become ASCII digits, anything else becomes `'?'`.
pub(super) fn transform_decimal_and_space(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b < 127) {
        return Cow::Borrowed(s);
    }
    let map = |c: char| {
        if (c as u32) < 127 {
            c
        } else if is_py_space(c) {
            ' '
        } else if let Some(d) = decimal_value(c) {
            char::from(b'0' + d as u8)
        } else {
            '?'
        }
    };
    Cow::Owned(s.chars().map(map).collect())
}

/// `_Py_string_to_number_with_underscores`: an underscore must sit between two ASCII digits.
pub(super) fn remove_underscores(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

/// `_PyOS_ascii_strtod`: the value of the longest accepted prefix of `t` and its length, or `None`
/// when no prefix is a number.
pub(super) fn ascii_strtod(t: &str) -> Option<(f64, usize)> {
    match strtod_prefix(t.as_bytes()) {
        Some(len) => Some((t[..len].parse().ok()?, len)),
        None => parse_inf_or_nan(t.as_bytes()),
    }
}

/// The `_Py_dg_strtod` grammar: `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`.
/// Returns the length of the longest match; an exponent without digits is not part of it.
pub(super) fn strtod_prefix(b: &[u8]) -> Option<usize> {
    let digits_from = |i: usize| {
        b.get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_digits = digits_from(i);
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        frac_digits = digits_from(i + 1);
        i += 1 + frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
        let exp_digits = digits_from(i + 1 + sign);
        if exp_digits > 0 {
            i += 1 + sign + exp_digits;
        }
    }
    Some(i)
}

/// `Py_NAN` (`(double)NAN`) and its negation, as `_Py_parse_inf_or_nan` returns them.
pub(super) const NAN_BITS: u64 = 0x7ff8_0000_0000_0000;

/// `_Py_parse_inf_or_nan`: `[sign] (inf | infinity | nan)`, case-insensitive.
pub(super) fn parse_inf_or_nan(b: &[u8]) -> Option<(f64, usize)> {
    let (negate, start) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let has = |at: usize, word: &str| {
        b.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    let sign = if negate { -1.0 } else { 1.0 };
    if has(start, "inf") {
        let len = if has(start + 3, "inity") {
            start + 8
        } else {
            start + 3
        };
        Some((sign * f64::INFINITY, len))
    } else if has(start, "nan") {
        Some((f64::copysign(f64::from_bits(NAN_BITS), sign), start + 3))
    } else {
        None
    }
}
