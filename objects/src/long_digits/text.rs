//! `int` to and from text: `str()` (`long_to_decimal_string`), `hex()`, `oct()` and `bin()`
//! (`_PyLong_Format`), `int(s, base)` (`PyLong_FromString`), and the `int_max_str_digits`
//! limits of CPython 3.12.

use super::error::{to_int_limit_error, to_str_limit_error};
use super::{BASE, LongError, LongValue, MASK, MAX_STR_DIGITS, SHIFT, mag};
use crate::unicode_data::{decimal_value, is_py_space, str_repr};

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
pub(super) fn chunk_params(base: u32) -> (u32, usize) {
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
        } else if is_py_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
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
                let shown: String = str_repr(s).chars().take(200).collect();
                Err(LongError::Value(format!(
                    "invalid literal for int() with base {base}: {shown}"
                )))
            }
        }
    }
}
