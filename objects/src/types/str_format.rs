//! `str.format(*args, **kwargs)`: `do_string_format` in `Objects/stringlib/unicode_format.h`.
//!
//! ```text
//!   build_string ── MarkupIterator: literal text, "{{" and "}}" ──> output
//!        │
//!        └─ {field_name!conversion:format_spec} ── parse_field
//!              field_name_split: "" (auto-numbered) | digits (manual) | a keyword's name,
//!                                then .attr and [index] lookups
//!              conversion: !s !r !a          (format::format_field)
//!              format_spec: expanded by build_string again when it has "{", two levels at most
//! ```
//!
//! Errors are CPython's: `ValueError: Single '}' encountered in format string`, `cannot switch
//! from manual field specification to automatic field numbering`, `IndexError: Replacement
//! index 1 out of range for positional args tuple`, `KeyError: 'x'`, `Max string recursion
//! exceeded`, ... The result is the receiver itself when nothing is replaced, a `str` argument
//! itself when it is the whole output (`_PyUnicodeWriter`'s read-only buffer), else a new string
//! (the singleton for one Latin-1 character, as `unicode_result` gives).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::format::{self, Conversion};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::unicode::{self, STR_TYPE, Str, str_value};
use crate::types::{bytes, dict, list, long, range, tuple};
use crate::{abstract_, view::View};

/// The arguments of one `str.format` call.
pub struct FormatArgs<'a, 'h> {
    /// The positional arguments.
    pub args: &'a [Obj<'h>],
    /// The keyword arguments, by name.
    pub kwargs: &'a [(String, Obj<'h>)],
    /// `str.format_map`'s mapping, which named fields are looked up in instead of `kwargs`
    /// (and which makes a positional field an error).
    pub mapping: Option<&'a PyObject>,
}

/// `AutoNumber`: whether fields are numbered automatically (`{}`) or by hand (`{0}`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Init,
    Auto(usize),
    Manual,
}

/// What the output is so far: nothing, one whole `str` object (`_PyUnicodeWriter`'s read-only
/// buffer, kept while it is the last write), or text.
enum Output<'h> {
    Empty,
    Whole(Obj<'h>),
    Text(String),
}

impl<'h> Output<'h> {
    fn push(&mut self, text: &str) {
        match self {
            Output::Empty => *self = Output::Text(text.to_owned()),
            Output::Whole(o) => {
                let mut t = str_value(Str::cast(o.object()).expect("a str"));
                t.push_str(text);
                *self = Output::Text(t);
            }
            Output::Text(t) => t.push_str(text),
        }
    }

    fn text(&self) -> String {
        match self {
            Output::Empty => String::new(),
            Output::Whole(o) => str_value(Str::cast(o.object()).expect("a str")),
            Output::Text(t) => t.clone(),
        }
    }
}

/// `mapping[key]` for `str.format_map`: a dict's item, `KeyError` when missing.
///
/// # Errors
/// `KeyError: 'key'`; `TypeError: 'int' object is not subscriptable` for a non-dict.
fn mapping_item<'h>(heap: &'h Heap, mapping: &PyObject, key: &str) -> PyResult<Obj<'h>> {
    let Some(d) = dict::Dict::cast(mapping) else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            mapping.ob_type().name()
        )));
    };
    let k = unicode::new_str(heap, key)?;
    match dict::get_item(heap, d, k.object())? {
        Some(v) => Ok(v),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            abstract_::repr(heap, k.object())?,
        )),
    }
}

/// `s.format(*args, **kwargs)`.
///
/// # Errors
/// See the [module documentation](self), and what formatting a value raises.
pub fn format<'h>(heap: &'h Heap, s: &Str, args: &FormatArgs<'_, 'h>) -> PyResult<Obj<'h>> {
    let text: Vec<char> = str_value(s).chars().collect();
    let mut numbering = Numbering::Init;
    let out = build(heap, &text, args, 2, &mut numbering)?;
    match out {
        Output::Empty => unicode::new_str(heap, ""),
        Output::Whole(o) => Ok(o),
        // The whole receiver, written as one piece: the receiver itself.
        Output::Text(t) if !text.contains(&'{') && t.chars().eq(text.iter().copied()) => {
            // SAFETY: the caller holds the receiver, an object of this heap.
            Ok(unsafe { Obj::from_borrowed(heap, s.as_object()) })
        }
        Output::Text(t) => unicode::new_str(heap, &t),
    }
}

/// `build_string` / `do_markup`.
fn build<'h>(
    heap: &'h Heap,
    input: &[char],
    args: &FormatArgs<'_, 'h>,
    depth: u32,
    numbering: &mut Numbering,
) -> PyResult<Output<'h>> {
    if depth == 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let mut out = Output::Empty;
    let mut i = 0;
    while i < input.len() {
        let (literal, field) = next_markup(input, &mut i)?;
        if !literal.is_empty() {
            out.push(&literal.iter().collect::<String>());
        }
        let Some(field) = field else { continue };
        let value = field_object(heap, field.name, args, numbering)?;
        let conversion = match field.conversion {
            None => None,
            Some(c) => Some(Conversion::from_char(c).ok_or_else(|| unknown_conversion(c))?),
        };
        let spec = if field.spec.contains(&'{') {
            build(heap, field.spec, args, depth - 1, numbering)?.text()
        } else {
            field.spec.iter().collect()
        };
        let whole = matches!(conversion, None | Some(Conversion::Str))
            && spec.is_empty()
            && matches!(out, Output::Empty)
            && core::ptr::eq(value.ob_type(), STR_TYPE.get());
        if whole && i == input.len() {
            out = Output::Whole(value);
        } else {
            out.push(&format::format_field(
                heap,
                value.object(),
                conversion,
                &spec,
            )?);
        }
    }
    Ok(out)
}

fn unknown_conversion(c: char) -> PyErr {
    if (c as u32) > 32 && (c as u32) < 127 {
        PyErr::value_error(format!("Unknown conversion specifier {c}"))
    } else {
        PyErr::value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
    }
}

/// A replacement field's parts.
struct Field<'s> {
    name: &'s [char],
    conversion: Option<char>,
    spec: &'s [char],
}

/// `MarkupIterator_next`: literal text up to the next field (an escaped brace ends the literal
/// with the brace and no field), and the field.
fn next_markup<'s>(s: &'s [char], i: &mut usize) -> PyResult<(&'s [char], Option<Field<'s>>)> {
    let start = *i;
    let mut c = '\0';
    let mut markup = false;
    while *i < s.len() {
        c = s[*i];
        *i += 1;
        if c == '{' || c == '}' {
            markup = true;
            break;
        }
    }
    let at_end = *i >= s.len();
    let mut len = *i - start;
    if c == '}' && markup && (at_end || s[*i] != '}') {
        return Err(PyErr::value_error(
            "Single '}' encountered in format string",
        ));
    }
    if at_end && c == '{' && markup {
        return Err(PyErr::value_error(
            "Single '{' encountered in format string",
        ));
    }
    if markup && !at_end {
        if s[*i] == c {
            *i += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = &s[start..start + len];
    if !markup {
        return Ok((literal, None));
    }
    Ok((literal, Some(parse_field(s, i)?)))
}

/// `parse_field`: the name up to `!`, `:` or `}` (brackets skipped whole), a conversion, and
/// a spec up to the matching `}`.
fn parse_field<'s>(s: &'s [char], i: &mut usize) -> PyResult<Field<'s>> {
    let name_start = *i;
    let mut c = '\0';
    while *i < s.len() {
        c = s[*i];
        *i += 1;
        match c {
            '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            '[' => {
                while *i < s.len() && s[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let mut field = Field {
        name: &s[name_start..*i - 1],
        conversion: None,
        spec: &[],
    };
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        return Ok(field);
    }
    if c == '!' {
        let Some(&conv) = s.get(*i) else {
            return Err(PyErr::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        field.conversion = Some(conv);
        *i += 1;
        if let Some(&next) = s.get(*i) {
            *i += 1;
            if next == '}' {
                return Ok(field);
            }
            if next != ':' {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < s.len() {
        *i += 1;
        match s[*i - 1] {
            '{' => count += 1,
            '}' => {
                count -= 1;
                if count == 0 {
                    field.spec = &s[spec_start..*i - 1];
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

/// `get_integer`: a run of decimal digits, `None` for anything else.
fn get_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// `get_field_object`: the argument the field names, then its `.attr` and `[key]` lookups.
fn field_object<'h>(
    heap: &'h Heap,
    name: &[char],
    args: &FormatArgs<'_, 'h>,
    numbering: &mut Numbering,
) -> PyResult<Obj<'h>> {
    let first_len = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_len);
    let mut index = get_integer(first)?;
    if first.is_empty() || index.is_some() {
        index = Some(auto_number(numbering, first.is_empty(), index)?);
    }
    let mut obj = match index {
        Some(_) if args.mapping.is_some() => {
            return Err(PyErr::value_error(
                "Format string contains positional fields",
            ));
        }
        None if let Some(mapping) = args.mapping => {
            let key: String = first.iter().collect();
            mapping_item(heap, mapping, &key)?
        }
        Some(n) => args.args.get(n).cloned().ok_or_else(|| {
            PyErr::new(
                ExcKind::IndexError,
                format!("Replacement index {n} out of range for positional args tuple"),
            )
        })?,
        None => {
            let key: String = first.iter().collect();
            let found = args.kwargs.iter().find(|(k, _)| *k == key);
            let Some((_, v)) = found else {
                let k = unicode::new_str(heap, &key)?;
                return Err(PyErr::new(
                    ExcKind::KeyError,
                    abstract_::repr(heap, k.object())?,
                ));
            };
            v.clone()
        }
    };
    while let Some((&c, tail)) = rest.split_first() {
        let (part, next) = match c {
            '.' => {
                let end = tail
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .unwrap_or(tail.len());
                (&tail[..end], &tail[end..])
            }
            '[' => {
                let Some(end) = tail.iter().position(|&c| c == ']') else {
                    return Err(PyErr::value_error("Missing ']' in format string"));
                };
                (&tail[..end], &tail[end + 1..])
            }
            _ => {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        };
        if part.is_empty() {
            return Err(PyErr::value_error("Empty attribute in format string"));
        }
        let text: String = part.iter().collect();
        obj = if c == '.' {
            abstract_::getattr(heap, obj.object(), &text)?
        } else {
            item(heap, obj.object(), get_integer(part)?, &text)?
        };
        rest = next;
    }
    Ok(obj)
}

/// `field_name_split`'s numbering: `{}` takes the next number, `{0}` its own, and a format
/// string cannot mix them.
fn auto_number(numbering: &mut Numbering, empty: bool, index: Option<usize>) -> PyResult<usize> {
    if *numbering == Numbering::Init {
        *numbering = if empty {
            Numbering::Auto(0)
        } else {
            Numbering::Manual
        };
    }
    match (*numbering, empty) {
        (Numbering::Manual, true) => Err(PyErr::value_error(
            "cannot switch from manual field specification to automatic field numbering",
        )),
        (Numbering::Auto(_), false) => Err(PyErr::value_error(
            "cannot switch from automatic field numbering to manual field specification",
        )),
        (Numbering::Auto(n), true) => {
            *numbering = Numbering::Auto(n + 1);
            Ok(n)
        }
        _ => Ok(index.unwrap_or(0)),
    }
}

/// `obj[index]` for a field's `[digits]` (`PySequence_GetItem` on a sequence), else
/// `obj[key]` with the text (or the number, for a mapping).
fn item<'h>(heap: &'h Heap, obj: &PyObject, index: Option<usize>, key: &str) -> PyResult<Obj<'h>> {
    let index_error = |what: &str| PyErr::new(ExcKind::IndexError, format!("{what} out of range"));
    let not_int = |what: &str| {
        PyErr::type_error(format!(
            "{what} indices must be integers or slices, not str"
        ))
    };
    if let Some(d) = dict::Dict::cast(obj) {
        let k = match index {
            Some(n) => long::int_from_i64(heap, n as i64)?,
            None => unicode::new_str(heap, key)?,
        };
        return dict::get_item(heap, d, k.object())?.ok_or_else(|| {
            let r = abstract_::repr(heap, k.object()).unwrap_or_default();
            PyErr::new(ExcKind::KeyError, r)
        });
    }
    let seq = |len: usize, what: &str, name: &str| match index {
        Some(n) if n < len => Ok(n),
        Some(_) => Err(index_error(what)),
        None => Err(not_int(name)),
    };
    if let Some(l) = list::List::cast(obj) {
        let n = seq(list::list_len(l), "list index", "list")?;
        return list::get_item(heap, l, n as isize);
    }
    if let Some(t) = tuple::Tuple::cast(obj) {
        let n = seq(tuple::tuple_len(t), "tuple index", "tuple")?;
        // SAFETY: an item of a live tuple, an object of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, tuple::items(t)[n].as_ref()) });
    }
    if let Some(r) = range::Range::cast(obj) {
        let n = seq(range::range_len(r)?, "range object index", "range")?;
        return range::range_item_at(heap, r, n as isize);
    }
    if let Some(b) = bytes::Bytes::cast(obj) {
        let data = bytes::bytes_value(b);
        let n = seq(data.len(), "index", "byte")?;
        return long::int_from_i64(heap, i64::from(data[n]));
    }
    if let Some(s) = Str::cast(obj) {
        let Some(n) = index else {
            return Err(PyErr::type_error(
                "string indices must be integers, not 'str'",
            ));
        };
        let c = str_value(s)
            .chars()
            .nth(n)
            .ok_or_else(|| index_error("string index"))?;
        return unicode::new_str(heap, c.encode_utf8(&mut [0; 4]));
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not subscriptable",
        obj.ob_type().name()
    )))
}
