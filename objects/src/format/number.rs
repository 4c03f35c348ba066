//! `int.__format__`, `float.__format__` and `complex.__format__` (`format_long_internal`,
//! `format_float_internal`, `format_complex_internal`, `calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` in `Python/formatter_unicode.c`).
//!
//! Floats are spelled by [`crate::float_repr::format_float`], which owns
//! `PyOS_double_to_string`; this module checks the spec against the object's type first, so that
//! error messages name it, and lays out ints and complex numbers around the same spelling.

use super::spec::{Align, FormatSpec, quoted_code};
use super::{Grouping, reserve};
use crate::error::{PyErr, PyResult};
use crate::float_repr::format_float;
use crate::long_digits::LongValue;
use crate::types::complex::ComplexValue;
use crate::types::long::long_error;

/// `unknown_presentation_type`.
pub(super) fn unknown_code(kind: char, type_name: &str) -> PyErr {
    PyErr::value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quoted_code(kind)
    ))
}

/// `format_float`'s errors as exceptions: an empty message is its `MemoryError`.
fn float_result(r: Result<String, String>) -> PyResult<String> {
    r.map_err(|m| {
        if m.is_empty() {
            PyErr::memory_error()
        } else {
            PyErr::value_error(m)
        }
    })
}

/// `float.__format__` (`_PyFloat_FormatAdvancedWriter`) for a non-empty spec.
pub(super) fn format_float_value(x: f64, spec: &str, type_name: &str) -> PyResult<String> {
    let f = FormatSpec::parse(spec, '\0', Align::Right, type_name)?;
    match f.kind {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => float_result(format_float(x, spec)),
        kind => Err(unknown_code(kind, type_name)),
    }
}

/// `int.__format__` (`_PyLong_FormatAdvancedWriter`) for a non-empty spec: the integer types
/// here, the float types through `float(v)`.
pub(super) fn format_long(v: &LongValue, spec: &str, type_name: &str) -> PyResult<String> {
    let f = FormatSpec::parse(spec, 'd', Align::Right, type_name)?;
    match f.kind {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, &f),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = v.to_f64().map_err(long_error)?;
            float_result(format_float(x, spec))
        }
        kind => Err(unknown_code(kind, type_name)),
    }
}

/// `format_long_internal`: the digits in the type's base, the `0x` prefix for `#`, grouping by
/// three (decimal) or four (`_` with `b o x X`).
fn format_long_internal(v: &LongValue, f: &FormatSpec) -> PyResult<String> {
    if f.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if f.kind == 'c' {
        return format_char(v, f);
    }
    let (base, prefix) = match f.kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let text = if base == 10 {
        v.to_string_radix10().map_err(long_error)?
    } else {
        v.to_string_radix(base, false)
    };
    let mut digits = text.strip_prefix('-').unwrap_or(&text).to_owned();
    if f.kind == 'X' {
        digits.make_ascii_uppercase();
    }
    // 'n' groups as the current locale says; pyrt's is the C locale, which does not group.
    let group = match (f.kind, f.grouping) {
        ('n', _) | (_, Grouping::None) => None,
        (_, Grouping::Comma) => Some((b',', 3)),
        (_, Grouping::Underscore) => Some((b'_', if base == 10 { 3 } else { 4 })),
    };
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    layout_number(f, &parts, group)
}

/// The `c` type: the code point as a one-character "remainder", padded like a number.
fn format_char(v: &LongValue, f: &FormatSpec) -> PyResult<String> {
    if f.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if f.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let x = v
        .to_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&x) {
        return Err(PyErr::overflow_error("%c arg not in range(0x110000)"));
    }
    // A lone surrogate cannot live in a Rust string: it becomes U+FFFD, as in `str_value`.
    let c = char::from_u32(x as u32).unwrap_or('\u{fffd}');
    let mut one = [0; 4];
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        remainder: c.encode_utf8(&mut one),
    };
    layout_number(f, &parts, None)
}

/// A number cut the way `calc_number_widths` sees it (`<sign><prefix><digits><remainder>`);
/// `digits` and `prefix` are ASCII.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    remainder: &'a str,
}

/// `calc_number_widths` + `fill_number`: the sign the spec asks for, the digits grouped (and
/// zero-padded for `0`/`0=`), and the fill on the side the alignment says; with `=` between the
/// sign and prefix and the digits.
fn layout_number(
    f: &FormatSpec,
    parts: &NumberParts<'_>,
    group: Option<(u8, usize)>,
) -> PyResult<String> {
    let sign = match (parts.negative, f.sign) {
        (true, _) => Some('-'),
        (false, Some(s @ ('+' | ' '))) => Some(s),
        _ => None,
    };
    let remainder_len = parts.remainder.chars().count();
    let non_digit = (usize::from(sign.is_some()) + parts.prefix.len() + remainder_len) as isize;
    let width = f.width_or_minus_one();
    let min_width = if f.fill == '0' && f.align == Align::AfterSign {
        width - non_digit
    } else {
        0
    };
    let grouped = match parts.digits {
        "" => String::new(),
        digits => group_digits(digits, min_width, group)?,
    };
    let padding = (width - non_digit - grouped.len() as isize).max(0) as usize;
    let (left, inner, right) = match f.align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let fixed = parts.prefix.len() + grouped.len() + parts.remainder.len() + 1;
    let mut out = reserve(
        f.fill
            .len_utf8()
            .saturating_mul(padding)
            .saturating_add(fixed),
    )?;
    out.extend(std::iter::repeat_n(f.fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(f.fill, inner));
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(f.fill, right));
    Ok(out)
}

/// `_PyUnicode_InsertThousandsGrouping`: `digits` (ASCII) in groups of `size` from the right
/// with `separator` between them, or ungrouped for `None`; with a positive `min_width` (zero
/// padding with `=`), zeros are prefixed, grouped too, until the result is that wide.
///
/// # Errors
/// `MemoryError` when the padded result cannot be allocated.
fn group_digits(digits: &str, min_width: isize, group: Option<(u8, usize)>) -> PyResult<String> {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let Some((separator, size)) = group else {
        let zeros = (min_width - remaining).max(0) as usize;
        let mut out = reserve(zeros.saturating_add(digits.len()))?;
        out.extend(std::iter::repeat_n('0', zeros));
        out.extend(digits.iter().map(|&b| char::from(b)));
        return Ok(out);
    };
    let body = remaining.max(min_width) as usize;
    let mut reversed = Vec::new(); // built right to left
    reversed
        .try_reserve_exact(body.saturating_add(body / size + 1))
        .map_err(|_| PyErr::memory_error())?;
    loop {
        let len = (size as isize).min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0) as usize;
        let n_chars = remaining.min(len).max(0);
        if !reversed.is_empty() {
            reversed.push(separator);
        }
        let end = remaining.max(0) as usize;
        reversed.extend(digits[end - n_chars as usize..end].iter().rev());
        reversed.extend(std::iter::repeat_n(b'0', n_zeros));
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1; // the separator's width
    }
    reversed.reverse();
    Ok(reversed.into_iter().map(char::from).collect())
}

/// `complex.__format__` (`_PyComplex_FormatAdvancedWriter`) for a non-empty spec: each part
/// spelled as a float without padding, the imaginary part always signed (unless the real part is
/// left out), `j`, parentheses when no type is given (as `str()`), then the padding.
pub(super) fn format_complex(c: ComplexValue, spec: &str, type_name: &str) -> PyResult<String> {
    let f = FormatSpec::parse(spec, '\0', Align::Right, type_name)?;
    if !matches!(f.kind, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_code(f.kind, type_name));
    }
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(PyErr::value_error("precision too big"));
    }
    if f.fill == '0' {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Align::AfterSign {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    // No type: like str(), which leaves out a real part of +0.0 and otherwise adds parentheses.
    let skip_re = f.kind == '\0' && c.real == 0.0 && c.real.is_sign_positive();
    let parens = f.kind == '\0' && !skip_re;
    let re = if skip_re {
        String::new()
    } else {
        complex_part(c.real, &f, f.sign)?
    };
    let im = complex_part(c.imag, &f, if skip_re { f.sign } else { Some('+') })?;
    let len = re.chars().count() + im.chars().count() + 1 + 2 * usize::from(parens);
    let (left, right) = super::spec::padding(len, f.width, f.align);
    let fill_bytes = f.fill.len_utf8().saturating_mul(left.saturating_add(right));
    let mut out = reserve(fill_bytes.saturating_add(re.len() + im.len() + 3))?;
    out.extend(std::iter::repeat_n(f.fill, left));
    out.extend(parens.then_some('('));
    out.push_str(&re);
    out.push_str(&im);
    out.push('j');
    out.extend(parens.then_some(')'));
    out.extend(std::iter::repeat_n(f.fill, right));
    Ok(out)
}

/// One part of a complex number: `PyOS_double_to_string` with the spec's type, precision, `#` and
/// `z` but without `Py_DTSF_ADD_DOT_0`, then the sign and grouping of `calc_number_widths`.
fn complex_part(x: f64, f: &FormatSpec, sign: Option<char>) -> PyResult<String> {
    let mut spec = String::new();
    spec.extend(sign);
    spec.extend(f.no_neg_0.then_some('z'));
    spec.extend(f.alternate.then_some('#'));
    spec.extend(f.grouping.separator());
    if let Some(p) = f.precision {
        spec.push_str(&format!(".{p}"));
    }
    // With a precision and no type, complex uses plain 'g' (float's no-type keeps a ".0").
    let kind = match (f.kind, f.precision) {
        ('\0', Some(_)) => 'g',
        (kind, _) => kind,
    };
    spec.extend((kind != '\0').then_some(kind));
    let mut text = float_result(format_float(x, &spec))?;
    // format_float's no-type spelling is repr's, which adds ".0" to integral values; shortest
    // digits never end in 0 otherwise, so a final ".0" without exponent is that addition.
    if kind == '\0' && text.ends_with(".0") && !text.contains('e') {
        text.pop();
        if !f.alternate {
            text.pop();
        }
    }
    Ok(text)
}
