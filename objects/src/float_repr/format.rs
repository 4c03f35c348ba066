//! `format(x, spec)` for floats: the format-spec mini-language (`Python/formatter_unicode.c`).

use super::*;
use crate::unicode_data::decimal_value;

// ---------------------------------------------------------------------------------------------
// format(x, spec): Python/formatter_unicode.c.
// ---------------------------------------------------------------------------------------------
/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
/// (`InternalFormatSpec`).
#[derive(Clone, Copy, Debug)]
pub(super) struct FormatSpec {
    fill: char,
    /// One of `< > = ^`; numbers default to `>`.
    align: char,
    /// `'+'`, `' '`, `'-'`, or `'\0'` when not given.
    sign: char,
    no_neg_0: bool,
    alternate: bool,
    width: Option<usize>,
    /// `','` or `'_'`, or `'\0'` for none.
    separator: char,
    precision: Option<usize>,
    /// The presentation type; `'\0'` when not given (an explicit NUL character means the same).
    kind: char,
}

/// `format(x, spec)` / `f"{x:spec}"` for a float: CPython's format-spec mini-language with the
/// presentation types `e E f F g G n %` and none, `,`/`_` grouping, `z`, `#`, `0`, fill and align.
/// An empty spec gives `str(x)`.
///
/// # Errors
///
/// `ValueError` with CPython's text for a bad spec, e.g. `Invalid format specifier '…' for object of
/// type 'float'`, `Unknown format code 'x' for object of type 'float'`, `Cannot specify ',' with
/// 'n'.`, `Cannot specify both ',' and '_'.`, `Format specifier missing precision`, `Too many decimal
/// digits in format string`, `precision too big`. An **empty** message is CPython's `MemoryError`
/// (raised there with no text): the requested width cannot be allocated.
///
/// # Example
///
/// ```
/// use pyrt_objects::float_repr::format_float;
/// assert_eq!(format_float(1234.5, ",.2f").unwrap(), "1,234.50");
/// assert_eq!(format_float(-1.5, "08.3f").unwrap(), "-001.500");
/// assert_eq!(format_float(0.25, "%").unwrap(), "25.000000%");
/// assert_eq!(format_float(1.5, "x").unwrap_err(), "Unknown format code 'x' for object of type 'float'");
/// ```
pub fn format_float(x: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_format_spec(spec)?;
    if !matches!(f.kind, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(format!(
            "Unknown format code {} for object of type 'float'",
            quoted_code(f.kind)
        ));
    }
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_owned());
    }
    layout_number(&float_body(x, &f), &f)
}

/// `'c'` for a printable ASCII code, else `'\xhh'`, as CPython's error messages quote them.
pub(super) fn quoted_code(c: char) -> String {
    if (33..128).contains(&(c as u32)) {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `parse_internal_render_format_spec` with `default_type = '\0'` and `default_align = '>'`.
pub(super) fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let is_align = |c: Option<char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut f = FormatSpec {
        fill: ' ',
        align: '>',
        sign: '\0',
        no_neg_0: false,
        alternate: false,
        width: None,
        separator: '\0',
        precision: None,
        kind: '\0',
    };
    let mut pos = 0;
    let (mut fill_given, mut align_given) = (false, false);
    if is_align(at(1)) {
        (f.fill, f.align, fill_given, align_given, pos) = (chars[0], chars[1], true, true, 2);
    } else if is_align(at(0)) {
        (f.align, align_given, pos) = (chars[0], true, 1);
    }
    if let Some(sign @ ('+' | '-' | ' ')) = at(pos) {
        f.sign = sign;
        pos += 1;
    }
    if at(pos) == Some('z') {
        f.no_neg_0 = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_given && at(pos) == Some('0') {
        f.fill = '0';
        if !align_given {
            f.align = '=';
        }
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    parse_spec_tail(spec, &chars, pos, f)
}

/// The rest of `parse_internal_render_format_spec`: grouping, precision, type, and the check that
/// the grouping suits the type.
pub(super) fn parse_spec_tail(
    spec: &str,
    chars: &[char],
    mut pos: usize,
    mut f: FormatSpec,
) -> Result<FormatSpec, String> {
    let at = |i: usize| chars.get(i).copied();
    let both = || "Cannot specify both ',' and '_'.".to_owned();
    if at(pos) == Some(',') {
        f.separator = ',';
        pos += 1;
    }
    if at(pos) == Some('_') {
        if f.separator != '\0' {
            return Err(both());
        }
        f.separator = '_';
        pos += 1;
    }
    if at(pos) == Some(',') && f.separator == '_' {
        return Err(both()); // but ",," leaves ',' as the type
    }
    if at(pos) == Some('.') {
        pos += 1;
        f.precision =
            Some(get_integer(chars, &mut pos)?.ok_or("Format specifier missing precision")?);
    }
    match chars.len() - pos {
        0 => {}
        1 => f.kind = chars[pos],
        _ => {
            return Err(format!(
                "Invalid format specifier '{spec}' for object of type 'float'"
            ));
        }
    }
    let separator_ok = match f.kind {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
        'b' | 'o' | 'x' | 'X' => f.separator == '_', // every four digits, for ints
        _ => false,
    };
    if f.separator != '\0' && !separator_ok {
        return Err(format!(
            "Cannot specify '{}' with {}.",
            f.separator,
            quoted_code(f.kind)
        ));
    }
    Ok(f)
}

/// `get_integer`: a run of (Unicode) decimal digits at `*pos`, or `None` when there is none.
pub(super) fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = d as usize;
        if value > (isize::MAX as usize - d) / 10 {
            return Err("Too many decimal digits in format string".to_owned());
        }
        value = value * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// The start of `format_float_internal`: the number as `PyOS_double_to_string` spells it for this
/// spec, with `%` appended for the percent type.
pub(super) fn float_body(x: f64, f: &FormatSpec) -> String {
    let flags = DtsFlags {
        add_dot_0: f.kind == '\0',
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
    };
    let (code, default_precision, value) = match f.kind {
        // No type: like repr without a precision, else like 'g' with at least one digit after the point.
        '\0' => (if f.precision.is_some() { 'g' } else { 'r' }, 0, x),
        'n' => ('g', 6, x),
        '%' => ('f', 6, x * 100.0),
        code => (code, 6, x),
    };
    let mut body = double_to_string(value, code, f.precision.unwrap_or(default_precision), flags);
    if f.kind == '%' {
        body.push('%');
    }
    body
}

/// A formatted number cut the way `calc_number_widths` lays it out:
/// `<sign><integer digits><point><remainder>`, where the remainder is the fraction digits and any
/// exponent or `%`, or all of `inf`/`nan`.
pub(super) struct NumberParts<'a> {
    sign: Option<char>,
    int_digits: &'a str,
    has_point: bool,
    remainder: &'a str,
}

impl<'a> NumberParts<'a> {
    /// `parse_number` plus the sign rule: `-` for a negative number, else `+` or `' '` if the spec
    /// asks for one.
    fn new(body: &'a str, sign_option: char) -> Self {
        let (negative, unsigned) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let n_digits = unsigned.bytes().take_while(u8::is_ascii_digit).count();
        let (int_digits, after) = unsigned.split_at(n_digits);
        let (has_point, remainder) = match after.strip_prefix('.') {
            Some(rest) => (true, rest),
            None => (false, after),
        };
        let sign = match (negative, sign_option) {
            (true, _) => Some('-'),
            (false, '+' | ' ') => Some(sign_option),
            _ => None,
        };
        NumberParts {
            sign,
            int_digits,
            has_point,
            remainder,
        }
    }

    /// The characters that are neither digits nor padding.
    fn non_digit_len(&self) -> usize {
        usize::from(self.sign.is_some()) + usize::from(self.has_point) + self.remainder.len()
    }
}

/// `calc_number_widths` + `fill_number`: groups the integer digits (zero-padding them for `0` or
/// `0=`), then pads to the width with the fill character on the side the alignment asks for
/// (`=`: between the sign and the digits).
pub(super) fn layout_number(body: &str, f: &FormatSpec) -> Result<String, String> {
    let parts = NumberParts::new(body, f.sign);
    let width = f.width.map_or(-1, |w| w as isize);
    let non_digit = parts.non_digit_len() as isize;
    let min_width = if f.fill == '0' && f.align == '=' {
        width - non_digit
    } else {
        0
    };
    // 'n' uses the current locale, which is the C locale: no grouping, '.' as the point.
    let separator = if f.kind == 'n' { '\0' } else { f.separator };
    let grouped = match parts.int_digits {
        "" => String::new(),
        digits => group_digits(digits, min_width, separator),
    };
    let padding = (width - non_digit - grouped.chars().count() as isize).max(0) as usize;
    let (left, inner, right) = match f.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    let fill_bytes = f.fill.len_utf8().saturating_mul(padding);
    out.try_reserve_exact(fill_bytes.saturating_add(body.len() + grouped.len()))
        .map_err(|_| String::new())?; // MemoryError
    out.extend(std::iter::repeat_n(f.fill, left));
    out.extend(parts.sign);
    out.extend(std::iter::repeat_n(f.fill, inner));
    out.push_str(&grouped);
    if parts.has_point {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(f.fill, right));
    Ok(out)
}

/// `_PyUnicode_InsertThousandsGrouping` with the grouping `"\3"` (or none when `separator` is
/// `'\0'`): groups `digits` by three from the right, and with a positive `min_width` (zero padding
/// with `=` alignment) prefixes zeros, grouped too, until the result is at least that wide.
pub(super) fn group_digits(digits: &str, min_width: isize, separator: char) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    if separator == '\0' {
        return "0".repeat((min_width - remaining).max(0) as usize) + digits;
    }
    let mut groups: Vec<String> = Vec::new(); // right to left
    let mut take = |len: isize, remaining: isize| {
        let n_zeros = (len - remaining).max(0) as usize;
        let n_chars = remaining.min(len).max(0) as usize;
        let end = remaining.max(0) as usize;
        groups.push("0".repeat(n_zeros) + &digits[end - n_chars..end]);
        n_chars as isize
    };
    loop {
        let len = remaining.max(min_width).clamp(1, 3);
        remaining -= take(len, remaining);
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1; // the separator's width
    }
    groups.reverse();
    groups.join(separator.encode_utf8(&mut [0; 4]))
}
