//! `format(value, spec)` and the f-string conversions (`PyObject_Format` in `Objects/abstract.c`,
//! the `__format__` methods of `Python/formatter_unicode.c`, `PyObject_ASCII` in
//! `Objects/object.c`).
//!
//! # How it mirrors CPython
//!
//! ```text
//!   format(v, spec) ──spec == ""──> str(v)                          every built-in __format__
//!        │
//!        ├─ int, bool ──FormatSpec::parse('d', '>')──> b c d o x X n   (format_long_internal)
//!        │                                        └──> e E f F g G %   float(v), then as float
//!        ├─ float ─────FormatSpec::parse('\0', '>')──> float_repr::format_float
//!        ├─ complex ───FormatSpec::parse('\0', '>')──> each part as a float, then padded
//!        ├─ str ───────FormatSpec::parse('s', '<')───> truncate to .precision, pad
//!        └─ others ────object.__format__: TypeError for a non-empty spec
//! ```
//!
//! * **Grammar.** [`FormatSpec::parse`] is `parse_internal_render_format_spec`:
//!   `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, where the type's default
//!   and the default alignment come from the object's `__format__`. A leading `0` is fill `0`
//!   and, for numbers only, alignment `=`. Widths and precisions are runs of Unicode decimal
//!   digits; width counts code points.
//! * **Numbers.** Ints are spelled in their base by [`crate::long_digits`] (decimal under the
//!   4300-digit limit, as `str()`), floats by [`crate::float_repr::format_float`]. The layout is
//!   `calc_number_widths`: `<fill><sign><0x><fill for '='><grouped digits><.rest><fill>`; zero
//!   padding with `=` pads the digits before grouping them, so the zeros are grouped too.
//! * **Locale.** `n` uses the current locale, which in pyrt (as in CPython, which never calls
//!   `setlocale(LC_NUMERIC)`) is the C locale: `n` is `d` or `g` without grouping.
//! * **Text.** pyrt's strings are Rust strings, so `format(0xd800, 'c')` (a lone surrogate in
//!   CPython) gives U+FFFD, as the object layer does everywhere.
//!
//! # Errors
//!
//! Every function returns CPython's exception: `ValueError` for a spec the type rejects (`Unknown
//! format code 'd' for object of type 'float'`, `Invalid format specifier '…' for object of type
//! 'int'`, `Cannot specify ',' with 's'.`, `Sign not allowed in string format specifier`, …),
//! `TypeError: unsupported format string passed to list.__format__`, `OverflowError` for `c` out
//! of range or an int too large for a float type, and `MemoryError` for a width that cannot be
//! allocated.

mod number;
mod spec;
#[cfg(test)]
mod tests;
mod to_str;

pub use spec::{Align, FormatSpec, Grouping};
pub use to_str::format_to_str;

use crate::abstract_;
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::object::PyObject;
use crate::types::{complex, float, long, unicode};

/// `format(value, spec)` (`PyObject_Format`): the value's `__format__`, that of `int`, `bool`,
/// `float`, `complex` or `str`, else `object.__format__`. An empty spec gives `str(value)`.
///
/// # Errors
///
/// See the [module documentation](self): `ValueError` for a spec the type rejects, `TypeError`
/// for a non-empty spec on a type without its own `__format__`, `OverflowError`, `MemoryError`,
/// and what `str(value)` raises.
///
/// # Example
///
/// ```
/// use pyrt_objects::{Heap, format::format, types::float::new_float};
/// let heap = Heap::new();
/// let x = new_float(&heap, 1234567.891).unwrap();
/// assert_eq!(format(&heap, x.object(), ",.2f").unwrap(), "1,234,567.89");
/// assert_eq!(format(&heap, x.object(), "d").unwrap_err().to_string(),
///            "ValueError: Unknown format code 'd' for object of type 'float'");
/// ```
pub fn format(heap: &Heap, value: &PyObject, spec: &str) -> PyResult<String> {
    if let Some(r) = crate::types::slot_defs::format(heap, value, spec) {
        return r
            .map(|s| unicode::Str::cast(s.object()).map_or_else(String::new, unicode::str_value));
    }
    format_builtin(heap, value, spec)
}

/// `int.__format__`, `float.__format__`, `complex.__format__` and `str.__format__` of `value`
/// (an instance of the type or of a subclass): the built-in formatting of its value, never the
/// subclass's own `__format__` (which may be this very method: `IntEnum` sets
/// `__format__ = int.__format__`). An empty spec is `str(value)`, as CPython's `format_obj`.
///
/// # Errors
/// As [`format()`].
pub fn format_builtin(heap: &Heap, value: &PyObject, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return abstract_::str(heap, value);
    }
    let type_name = value.ob_type().name();
    if let Some(i) = long::Int::cast(value) {
        number::format_long(&long::long_value(i), spec, type_name)
    } else if let Some(x) = float::Float::cast(value) {
        number::format_float_value(float::float_value(x), spec, type_name)
    } else if let Some(c) = complex::Complex::cast(value) {
        number::format_complex(complex::complex_value(c), spec, type_name)
    } else if let Some(s) = unicode::Str::cast(value) {
        format_str(&unicode::str_value(s), spec, type_name)
    } else {
        Err(PyErr::type_error(format!(
            "unsupported format string passed to {type_name}.__format__"
        )))
    }
}

/// `str.__format__` (`format_string_internal`) on `text`, for an object of type `type_name`: at
/// most `.precision` code points, padded to the width (default alignment `<`).
///
/// # Errors
///
/// `ValueError`: `Unknown format code 'd' for object of type 'str'`, `Sign not allowed in string
/// format specifier` (`Space not allowed…` for `' '`), `Negative zero coercion (z) not allowed in
/// string format specifier`, `Alternate form (#) not allowed in string format specifier`, `'='
/// alignment not allowed in string format specifier`, or a grammar error of
/// [`FormatSpec::parse`]; `MemoryError` for an impossible width.
///
/// # Example
///
/// ```
/// use pyrt_objects::format::format_str;
/// assert_eq!(format_str("héllo", "*^9.4", "str").unwrap(), "**héll***");
/// ```
pub fn format_str(text: &str, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(text.to_owned());
    }
    let f = FormatSpec::parse(spec, 's', Align::Left, type_name)?;
    if f.kind != 's' {
        return Err(number::unknown_code(f.kind, type_name));
    }
    let refuse = |what: &str| {
        Err(PyErr::value_error(format!(
            "{what} not allowed in string format specifier"
        )))
    };
    match f.sign {
        Some(' ') => return refuse("Space"),
        Some(_) => return refuse("Sign"),
        None => {}
    }
    if f.no_neg_0 {
        return refuse("Negative zero coercion (z)");
    }
    if f.alternate {
        return refuse("Alternate form (#)");
    }
    if f.align == Align::AfterSign {
        return refuse("'=' alignment");
    }
    let (len, body) = match f.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((end, _)) => (p, &text[..end]),
            None => (text.chars().count(), text),
        },
        None => (text.chars().count(), text),
    };
    let (left, right) = spec::padding(len, f.width, f.align);
    let fill_bytes = f.fill.len_utf8().saturating_mul(left.saturating_add(right));
    let mut out = reserve(fill_bytes.saturating_add(body.len()))?;
    out.extend(std::iter::repeat_n(f.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(f.fill, right));
    Ok(out)
}

/// An empty string with room for `bytes`, or CPython's `MemoryError` (`_PyUnicodeWriter_Prepare`)
/// when that much cannot be had.
fn reserve(bytes: usize) -> PyResult<String> {
    let mut out = String::new();
    out.try_reserve_exact(bytes)
        .map_err(|_| PyErr::memory_error())?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Conversions: f"{x!s}", f"{x!r}", f"{x!a}".
// ---------------------------------------------------------------------------------------------

/// The conversion of a replacement field: `!s`, `!r` or `!a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `!s`: `str(value)`.
    Str,
    /// `!r`: `repr(value)`.
    Repr,
    /// `!a`: `ascii(value)`.
    Ascii,
}

impl Conversion {
    /// The conversion written `!c`, or `None` for a character that names none (an f-string's
    /// `SyntaxError`, `str.format`'s `ValueError: Unknown conversion specifier c`).
    pub fn from_char(c: char) -> Option<Conversion> {
        match c {
            's' => Some(Conversion::Str),
            'r' => Some(Conversion::Repr),
            'a' => Some(Conversion::Ascii),
            _ => None,
        }
    }
}

/// `str(value)`, `repr(value)` or `ascii(value)`, as the conversion says.
///
/// # Errors
/// What `str()` or `repr()` raises.
pub fn format_conversion(
    heap: &Heap,
    value: &PyObject,
    conversion: Conversion,
) -> PyResult<String> {
    match conversion {
        Conversion::Str => abstract_::str(heap, value),
        Conversion::Repr => abstract_::repr(heap, value),
        Conversion::Ascii => ascii(heap, value),
    }
}

/// A replacement field `{value!conversion:spec}` (the `FORMAT_VALUE` instruction): the
/// conversion, if any, then the spec applied to the result, which is a `str`.
///
/// # Errors
/// As [`format_conversion`] and [`format()`].
///
/// # Example
///
/// ```
/// use pyrt_objects::{Heap, format::{Conversion, format_field}, types::unicode::new_str};
/// let heap = Heap::new();
/// let s = new_str(&heap, "é").unwrap();
/// assert_eq!(format_field(&heap, s.object(), Some(Conversion::Ascii), ">8").unwrap(), "  '\\xe9'");
/// ```
pub fn format_field(
    heap: &Heap,
    value: &PyObject,
    conversion: Option<Conversion>,
    spec: &str,
) -> PyResult<String> {
    match conversion {
        None => format(heap, value, spec),
        Some(c) => format_str(&format_conversion(heap, value, c)?, spec, "str"),
    }
}

/// `ascii(value)` (`PyObject_ASCII`): `repr(value)` with every non-ASCII character escaped.
///
/// # Errors
/// What `repr()` raises.
pub fn ascii(heap: &Heap, value: &PyObject) -> PyResult<String> {
    Ok(ascii_escape(&abstract_::repr(heap, value)?))
}

/// The `backslashreplace` error handler of the ASCII codec: non-ASCII characters become
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (lowercase hex), everything else is kept.
///
/// # Example
///
/// ```
/// use pyrt_objects::format::ascii_escape;
/// assert_eq!(ascii_escape("é€😀\n"), "\\xe9\\u20ac\\U0001f600\n");
/// ```
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}
