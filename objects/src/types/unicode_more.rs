//! More `str` methods (`Objects/unicodeobject.c`, `Objects/stringlib/partition.h`, `split.h`,
//! `transmogrify.h`): `partition`/`rpartition`, `splitlines`, `expandtabs`, `zfill`,
//! `center`/`ljust`/`rjust`, `removeprefix`/`removesuffix`, the case mappings `capitalize`,
//! `title`, `swapcase`, `casefold`, the tests `islower`, `isupper`, `istitle`, `isalnum`,
//! `isdecimal`, `isascii`, `isprintable`, and `maketrans`/`translate`.
//!
//! Case mapping is `unicode_methods`' (Unicode 15.0 full mappings); title case and case
//! folding differ from upper and lower case for a few hundred characters, listed at the end
//! as CPython 3.12.1 maps them. Results that are the whole receiver are the receiver itself
//! (`unicode_result_unchanged`), pieces are substrings, as in CPython.

use crate::abstract_;
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::ssize_arg;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::long::{self, new_bool};
use crate::types::unicode::{self, Str, str_value};
use crate::types::unicode_methods::{is_alpha, lower_text, substring, unchanged, upper_text};
use crate::types::{dict, list, tuple};
use crate::unicode_data::{decimal_value, is_numeric, is_printable};

fn chars(s: &Str) -> Vec<char> {
    str_value(s).chars().collect()
}

/// A str argument, else `TypeError: {what}, not int`.
fn str_arg(o: &PyObject, what: &str) -> PyResult<Vec<char>> {
    Str::cast(o)
        .map(chars)
        .ok_or_else(|| PyErr::type_error(format!("{what}, not {}", o.ob_type().name())))
}

/// A str argument checked by Argument Clinic (`_PyArg_BadArgument`, which names `None` as
/// itself): `TypeError: {what}, not None`.
fn clinic_str_arg(o: &PyObject, what: &str) -> PyResult<Vec<char>> {
    let name = if core::ptr::eq(o.ob_type(), crate::types::NONE_TYPE.get()) {
        "None"
    } else {
        o.ob_type().name()
    };
    Str::cast(o)
        .map(chars)
        .ok_or_else(|| PyErr::type_error(format!("{what}, not {name}")))
}

/// `s.partition(sep)` (`right == false`) or `s.rpartition(sep)`: a 3-tuple; when `sep` is not
/// found, the receiver and two empty strings (the other way round for `rpartition`).
///
/// # Errors
/// `TypeError: must be str, not int`, `ValueError: empty separator`.
pub fn partition<'h>(heap: &'h Heap, s: &Str, sep: &PyObject, right: bool) -> PyResult<Obj<'h>> {
    let sep = str_arg(sep, "must be str")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let c = chars(s);
    let found = if right {
        (0..=c.len().saturating_sub(sep.len()))
            .rev()
            .find(|&i| c.len() >= sep.len() && c[i..i + sep.len()] == sep[..])
    } else {
        (0..=c.len().saturating_sub(sep.len()))
            .find(|&i| c.len() >= sep.len() && c[i..i + sep.len()] == sep[..])
    };
    let empty = || unicode::new_str(heap, "");
    let parts = match found {
        None if right => vec![empty()?, empty()?, unchanged(heap, s)?],
        None => vec![unchanged(heap, s)?, empty()?, empty()?],
        Some(i) => {
            let sep_obj = unicode::new_str(heap, &sep.iter().collect::<String>())?;
            vec![
                substring(heap, s, &c, 0, i)?,
                sep_obj,
                substring(heap, s, &c, i + sep.len(), c.len())?,
            ]
        }
    };
    tuple::new_tuple(heap, parts)
}

/// Whether `c` ends a line for `splitlines` (`Py_UNICODE_ISLINEBREAK`).
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends=False)`: split at every line boundary (`\r\n` is one), the
/// boundaries kept when `keepends` is true.
///
/// # Errors
/// `MemoryError`.
pub fn splitlines<'h>(heap: &'h Heap, s: &Str, keepends: Option<&PyObject>) -> PyResult<Obj<'h>> {
    let keep = match keepends {
        None => false,
        Some(k) => abstract_::is_true(heap, k)?,
    };
    let c = chars(s);
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let start = i;
        while i < c.len() && !is_linebreak(c[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < c.len() {
            i += if c[i] == '\r' && c.get(i + 1) == Some(&'\n') {
                2
            } else {
                1
            };
            if keep {
                eol = i;
            }
        }
        pieces.push(substring(heap, s, &c, start, eol)?);
    }
    list::new_list(heap, pieces)
}

/// `s.expandtabs(tabsize=8)`: each tab becomes spaces up to the next multiple of `tabsize`
/// (none for a tabsize of 0 or less); columns restart after `\n` and `\r`.
///
/// # Errors
/// `TypeError` for a non-int tabsize, `OverflowError: new string is too long`, `MemoryError`.
pub fn expandtabs<'h>(heap: &'h Heap, s: &Str, tabsize: Option<&PyObject>) -> PyResult<Obj<'h>> {
    let tab = match tabsize {
        None => 8,
        Some(t) => ssize_arg(t)?,
    };
    let text = str_value(s);
    if !text.contains('\t') {
        return unchanged(heap, s);
    }
    let mut out = String::new();
    let mut col: usize = 0;
    for ch in text.chars() {
        match ch {
            '\t' if tab > 0 => {
                let n = tab as usize - col % tab as usize;
                col = col
                    .checked_add(n)
                    .ok_or_else(|| PyErr::overflow_error("new string is too long"))?;
                out.try_reserve(n).map_err(|_| PyErr::memory_error())?;
                out.extend(core::iter::repeat_n(' ', n));
            }
            '\t' => {}
            '\n' | '\r' => {
                col = 0;
                out.push(ch);
            }
            _ => {
                col += 1;
                out.push(ch);
            }
        }
    }
    unicode::new_str_fresh(heap, &out)
}

/// `pad(s, left, right, fill)`: the receiver itself when nothing is added.
fn pad<'h>(heap: &'h Heap, s: &Str, left: usize, right: usize, fill: char) -> PyResult<Obj<'h>> {
    if left == 0 && right == 0 {
        return unchanged(heap, s);
    }
    let text = str_value(s);
    let mut out = String::new();
    let room = fill.len_utf8().saturating_mul(left.saturating_add(right));
    out.try_reserve(room.saturating_add(text.len()))
        .map_err(|_| PyErr::memory_error())?;
    out.extend(core::iter::repeat_n(fill, left));
    out.push_str(&text);
    out.extend(core::iter::repeat_n(fill, right));
    unicode::new_str_fresh(heap, &out)
}

/// How `center`, `ljust` and `rjust` place the text.
#[derive(Clone, Copy)]
pub enum Justify {
    /// `center`: the odd extra fill goes left when the width is odd (`left = marg/2 + (marg &
    /// width & 1)`).
    Center,
    /// `ljust`.
    Left,
    /// `rjust`.
    Right,
}

/// `s.center(width, fillchar=' ')`, `s.ljust(...)`, `s.rjust(...)`.
///
/// # Errors
/// `TypeError` for a non-int width, `The fill character must be a unicode character, not int`,
/// `The fill character must be exactly one character long`; `MemoryError`.
pub fn justify<'h>(
    heap: &'h Heap,
    s: &Str,
    width: &PyObject,
    fill: Option<&PyObject>,
    how: Justify,
) -> PyResult<Obj<'h>> {
    let width = ssize_arg(width)?;
    let fill = match fill {
        None => ' ',
        Some(f) => {
            let f = Str::cast(f).ok_or_else(|| {
                PyErr::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    f.ob_type().name()
                ))
            })?;
            let f = chars(f);
            if f.len() != 1 {
                return Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            f[0]
        }
    };
    let len = unicode::str_len(s) as isize;
    if width <= len {
        return unchanged(heap, s);
    }
    let marg = (width - len) as usize;
    let (left, right) = match how {
        Justify::Left => (0, marg),
        Justify::Right => (marg, 0),
        Justify::Center => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    pad(heap, s, left, right, fill)
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
///
/// # Errors
/// `TypeError` for a non-int width; `MemoryError`.
pub fn zfill<'h>(heap: &'h Heap, s: &Str, width: &PyObject) -> PyResult<Obj<'h>> {
    let width = ssize_arg(width)?;
    let len = unicode::str_len(s) as isize;
    if width <= len {
        return unchanged(heap, s);
    }
    let fill = (width - len) as usize;
    let text = str_value(s);
    let mut out = String::new();
    out.try_reserve(fill.saturating_add(text.len()))
        .map_err(|_| PyErr::memory_error())?;
    let rest = match text.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &text[1..]
        }
        _ => &text[..],
    };
    out.extend(core::iter::repeat_n('0', fill));
    out.push_str(rest);
    unicode::new_str_fresh(heap, &out)
}

/// `s.removeprefix(prefix)` (`right == false`) or `s.removesuffix(suffix)`.
///
/// # Errors
/// `TypeError: removeprefix() argument must be str, not int`.
pub fn remove_affix<'h>(
    heap: &'h Heap,
    s: &Str,
    affix: &PyObject,
    right: bool,
) -> PyResult<Obj<'h>> {
    let name = if right {
        "removesuffix"
    } else {
        "removeprefix"
    };
    let affix = clinic_str_arg(affix, &format!("{name}() argument must be str"))?;
    let c = chars(s);
    let n = affix.len();
    if n == 0 || n > c.len() {
        return unchanged(heap, s);
    }
    if right && c[c.len() - n..] == affix[..] {
        return substring(heap, s, &c, 0, c.len() - n);
    }
    if !right && c[..n] == affix[..] {
        return substring(heap, s, &c, n, c.len());
    }
    unchanged(heap, s)
}

// ---------------------------------------------------------------------------------------------
// Case.
// ---------------------------------------------------------------------------------------------

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Category Lt, as CPython 3.12.1 lists it.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f
        | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// Case-ignorable characters (`_PyUnicode_IsCaseIgnorable`) matter only through
/// `str::to_lowercase`'s final-sigma rule; `title` and `istitle` look at cased characters.
fn title_of(c: char) -> String {
    match TITLE_NOT_UPPER.binary_search_by_key(&(c as u32), |&(k, _)| k) {
        Ok(i) => TITLE_NOT_UPPER[i].1.to_owned(),
        Err(_) => upper_text(c.encode_utf8(&mut [0; 4])),
    }
}

fn fold_of(c: char, out: &mut String) {
    match FOLD_NOT_LOWER.binary_search_by_key(&(c as u32), |&(k, _)| k) {
        Ok(i) => out.push_str(FOLD_NOT_LOWER[i].1),
        Err(_) => out.push_str(&lower_text(c.encode_utf8(&mut [0; 4]))),
    }
}

/// The lower case of `text[i]` in context (final sigma), as `lower_text` maps the whole text.
fn lower_in_context(text: &[char], i: usize) -> String {
    if text[i] != '\u{3a3}' {
        return lower_text(text[i].encode_utf8(&mut [0; 4]));
    }
    let s: String = text.iter().collect();
    let before: usize = text[..i].iter().map(|c| c.len_utf8()).sum();
    lower_text(&s)[..]
        .get(before..)
        .and_then(|rest| rest.chars().next())
        .map_or_else(|| "σ".to_owned(), String::from)
}

/// `s.capitalize()`: the first character in title case, the rest in lower case.
///
/// # Errors
/// `MemoryError`.
pub fn capitalize<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    let c = chars(s);
    let mut out = String::new();
    for i in 0..c.len() {
        if i == 0 {
            out.push_str(&title_of(c[0]));
        } else {
            out.push_str(&lower_in_context(&c, i));
        }
    }
    unicode::new_str_fresh(heap, &out)
}

/// `s.title()`: a cased character after an uncased one goes to title case, the others to lower
/// case.
///
/// # Errors
/// `MemoryError`.
pub fn title<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    let c = chars(s);
    let mut out = String::new();
    let mut previous_cased = false;
    for i in 0..c.len() {
        if previous_cased {
            out.push_str(&lower_in_context(&c, i));
        } else {
            out.push_str(&title_of(c[i]));
        }
        previous_cased = is_cased(c[i]);
    }
    unicode::new_str_fresh(heap, &out)
}

/// `s.swapcase()`: upper case to lower case and back.
///
/// # Errors
/// `MemoryError`.
pub fn swapcase<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    let c = chars(s);
    let mut out = String::new();
    for i in 0..c.len() {
        if c[i].is_uppercase() {
            out.push_str(&lower_in_context(&c, i));
        } else if c[i].is_lowercase() {
            out.push_str(&upper_text(c[i].encode_utf8(&mut [0; 4])));
        } else {
            out.push(c[i]);
        }
    }
    unicode::new_str_fresh(heap, &out)
}

/// `s.casefold()`: full case folding.
///
/// # Errors
/// `MemoryError`.
pub fn casefold<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    let mut out = String::new();
    for c in str_value(s).chars() {
        fold_of(c, &mut out);
    }
    unicode::new_str_fresh(heap, &out)
}

/// `s.islower()` (`upper == false`) or `s.isupper()`: no character of the other case (nor
/// title case) and at least one cased character.
pub fn is_one_case<'h>(heap: &'h Heap, s: &Str, upper: bool) -> Obj<'h> {
    let mut cased = false;
    for c in str_value(s).chars() {
        let (same, other) = if upper {
            (c.is_uppercase(), c.is_lowercase())
        } else {
            (c.is_lowercase(), c.is_uppercase())
        };
        if other || is_titlecase(c) {
            return new_bool(heap, false);
        }
        cased |= same;
    }
    new_bool(heap, cased)
}

/// `s.istitle()`: upper and title case characters only after uncased ones, lower case ones only
/// after cased ones, and at least one cased character.
pub fn istitle<'h>(heap: &'h Heap, s: &Str) -> Obj<'h> {
    let (mut cased, mut previous_cased) = (false, false);
    for c in str_value(s).chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_cased {
                return new_bool(heap, false);
            }
            previous_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return new_bool(heap, false);
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    new_bool(heap, cased)
}

/// The character tests of `isalnum`, `isdecimal`, `isascii`, `isprintable`.
#[derive(Clone, Copy)]
pub enum CharTest {
    /// `isalnum`: letters and numeric characters (every numeric character that is not in a
    /// number category is a letter, so `isalpha` or a number category decides).
    Alnum,
    /// `isdecimal`: decimal digits (category Nd).
    Decimal,
    /// `isascii`: true for the empty string too.
    Ascii,
    /// `isprintable`: true for the empty string too.
    Printable,
    /// `isnumeric`: characters with a numeric value (`Py_UNICODE_ISNUMERIC`).
    Numeric,
}

/// `s.isalnum()`, `s.isdecimal()`, `s.isascii()`, `s.isprintable()`, `s.isnumeric()`.
pub fn char_test<'h>(heap: &'h Heap, s: &Str, test: CharTest) -> Obj<'h> {
    let text = str_value(s);
    let ok = match test {
        CharTest::Alnum => !text.is_empty() && text.chars().all(|c| is_alpha(c) || is_numeric(c)),
        CharTest::Decimal => !text.is_empty() && text.chars().all(|c| decimal_value(c).is_some()),
        CharTest::Ascii => text.is_ascii(),
        CharTest::Printable => text.chars().all(is_printable),
        CharTest::Numeric => !text.is_empty() && text.chars().all(is_numeric),
    };
    new_bool(heap, ok)
}

// ---------------------------------------------------------------------------------------------
// maketrans and translate.
// ---------------------------------------------------------------------------------------------

fn int_key<'h>(heap: &'h Heap, c: char) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, i64::from(c as u32))
}

/// `str.maketrans(x, y=None, z=None)`: a dict from code points to code points, strings or
/// `None`.
///
/// # Errors
/// CPython's: `if you give only one argument to maketrans it must be a dict`, `string keys in
/// translate table must be of length 1`, `keys in translate table must be strings or
/// integers`, `the first two maketrans arguments must have equal length`, `maketrans() argument
/// 2 must be str, not int`.
pub fn maketrans<'h>(
    heap: &'h Heap,
    x: &PyObject,
    y: Option<&PyObject>,
    z: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let table = dict::new_dict(heap)?;
    let d = dict::Dict::cast(table.object()).ok_or_else(crate::view::bad_internal_call)?;
    let Some(y) = y else {
        let Some(src) = dict::Dict::cast(x) else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in dict::items(heap, src)? {
            let key = if let Some(s) = Str::cast(k.object()) {
                let c = chars(s);
                if c.len() != 1 {
                    return Err(PyErr::value_error(
                        "string keys in translate table must be of length 1",
                    ));
                }
                int_key(heap, c[0])?
            } else if long::is_int(k.object()) {
                k
            } else {
                return Err(PyErr::type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            dict::set_item(heap, d, key, v)?;
        }
        return Ok(table);
    };
    let x = str_arg(
        x,
        "first maketrans argument must be a string if there is a second argument",
    )
    .map_err(|_| {
        PyErr::type_error("first maketrans argument must be a string if there is a second argument")
    })?;
    let y = clinic_str_arg(y, "maketrans() argument 2 must be str")?;
    if x.len() != y.len() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.iter().zip(&y) {
        dict::set_item(heap, d, int_key(heap, *a)?, int_key(heap, *b)?)?;
    }
    if let Some(z) = z {
        for c in clinic_str_arg(z, "maketrans() argument 3 must be str")? {
            dict::set_item(heap, d, int_key(heap, c)?, crate::types::none(heap))?;
        }
    }
    Ok(table)
}

/// `s.translate(table)`: each character looked up in `table` by code point; a missing one
/// (`LookupError`) stays, `None` deletes it, an int or a str replaces it.
///
/// # Errors
/// `TypeError: 'int' object is not subscriptable`, `character mapping must return integer,
/// None or str`, `ValueError: character mapping must be in range(0x110000)`, and what the
/// table's lookup raises.
pub fn translate<'h>(heap: &'h Heap, s: &Str, table: &PyObject) -> PyResult<Obj<'h>> {
    let text = str_value(s);
    let mut out = String::new();
    for c in text.chars() {
        let key = int_key(heap, c)?;
        let Some(value) = lookup(heap, table, &key)? else {
            out.push(c);
            continue;
        };
        let v = value.object();
        if let Some(i) = long::Int::cast(v) {
            match long::as_i64(i) {
                Some(cp @ 0..=0x10ffff) => {
                    out.push(char::from_u32(cp as u32).unwrap_or('\u{fffd}'))
                }
                _ => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ));
                }
            }
        } else if let Some(r) = Str::cast(v) {
            out.push_str(&str_value(r));
        } else if !core::ptr::eq(v.ob_type(), crate::types::NONE_TYPE.get()) {
            return Err(PyErr::type_error(
                "character mapping must return integer, None or str",
            ));
        }
    }
    if out == text {
        return unchanged(heap, s);
    }
    unicode::new_str_fresh(heap, &out)
}

/// `table[key]`, `None` for a `LookupError` (`KeyError`, `IndexError`).
fn lookup<'h>(heap: &'h Heap, table: &PyObject, key: &Obj<'h>) -> PyResult<Option<Obj<'h>>> {
    if let Some(d) = dict::Dict::cast(table) {
        return dict::get_item(heap, d, key.object());
    }
    if let Some(l) = list::List::cast(table) {
        let i = long::object_as_i64(key.object()).unwrap_or(-1);
        let n = list::list_len(l) as i64;
        return (0..n)
            .contains(&i)
            .then(|| list::get_item(heap, l, i as isize))
            .transpose();
    }
    if let Some(t) = tuple::Tuple::cast(table) {
        let i = long::object_as_i64(key.object()).unwrap_or(-1);
        let items = tuple::items(t);
        return Ok(usize::try_from(i).ok().and_then(|i| items.get(i)).map(|p| {
            // SAFETY: the tuple holds references to its items, objects of this heap.
            unsafe { Obj::from_borrowed(heap, p.as_ref()) }
        }));
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not subscriptable",
        table.ob_type().name()
    )))
}

/// Characters whose title case (`_PyUnicode_ToTitleFull`) differs from their upper case, with
/// their title case: generated from CPython 3.12.1 (`c.title() != c.upper()`).
#[rustfmt::skip]
const TITLE_NOT_UPPER: [(u32, &str); 135] = [
    (0xdf, "\u{53}\u{73}"),
    (0x1c4, "\u{1c5}"),
    (0x1c5, "\u{1c5}"),
    (0x1c6, "\u{1c5}"),
    (0x1c7, "\u{1c8}"),
    (0x1c8, "\u{1c8}"),
    (0x1c9, "\u{1c8}"),
    (0x1ca, "\u{1cb}"),
    (0x1cb, "\u{1cb}"),
    (0x1cc, "\u{1cb}"),
    (0x1f1, "\u{1f2}"),
    (0x1f2, "\u{1f2}"),
    (0x1f3, "\u{1f2}"),
    (0x587, "\u{535}\u{582}"),
    (0x10d0, "\u{10d0}"),
    (0x10d1, "\u{10d1}"),
    (0x10d2, "\u{10d2}"),
    (0x10d3, "\u{10d3}"),
    (0x10d4, "\u{10d4}"),
    (0x10d5, "\u{10d5}"),
    (0x10d6, "\u{10d6}"),
    (0x10d7, "\u{10d7}"),
    (0x10d8, "\u{10d8}"),
    (0x10d9, "\u{10d9}"),
    (0x10da, "\u{10da}"),
    (0x10db, "\u{10db}"),
    (0x10dc, "\u{10dc}"),
    (0x10dd, "\u{10dd}"),
    (0x10de, "\u{10de}"),
    (0x10df, "\u{10df}"),
    (0x10e0, "\u{10e0}"),
    (0x10e1, "\u{10e1}"),
    (0x10e2, "\u{10e2}"),
    (0x10e3, "\u{10e3}"),
    (0x10e4, "\u{10e4}"),
    (0x10e5, "\u{10e5}"),
    (0x10e6, "\u{10e6}"),
    (0x10e7, "\u{10e7}"),
    (0x10e8, "\u{10e8}"),
    (0x10e9, "\u{10e9}"),
    (0x10ea, "\u{10ea}"),
    (0x10eb, "\u{10eb}"),
    (0x10ec, "\u{10ec}"),
    (0x10ed, "\u{10ed}"),
    (0x10ee, "\u{10ee}"),
    (0x10ef, "\u{10ef}"),
    (0x10f0, "\u{10f0}"),
    (0x10f1, "\u{10f1}"),
    (0x10f2, "\u{10f2}"),
    (0x10f3, "\u{10f3}"),
    (0x10f4, "\u{10f4}"),
    (0x10f5, "\u{10f5}"),
    (0x10f6, "\u{10f6}"),
    (0x10f7, "\u{10f7}"),
    (0x10f8, "\u{10f8}"),
    (0x10f9, "\u{10f9}"),
    (0x10fa, "\u{10fa}"),
    (0x10fd, "\u{10fd}"),
    (0x10fe, "\u{10fe}"),
    (0x10ff, "\u{10ff}"),
    (0x1f80, "\u{1f88}"),
    (0x1f81, "\u{1f89}"),
    (0x1f82, "\u{1f8a}"),
    (0x1f83, "\u{1f8b}"),
    (0x1f84, "\u{1f8c}"),
    (0x1f85, "\u{1f8d}"),
    (0x1f86, "\u{1f8e}"),
    (0x1f87, "\u{1f8f}"),
    (0x1f88, "\u{1f88}"),
    (0x1f89, "\u{1f89}"),
    (0x1f8a, "\u{1f8a}"),
    (0x1f8b, "\u{1f8b}"),
    (0x1f8c, "\u{1f8c}"),
    (0x1f8d, "\u{1f8d}"),
    (0x1f8e, "\u{1f8e}"),
    (0x1f8f, "\u{1f8f}"),
    (0x1f90, "\u{1f98}"),
    (0x1f91, "\u{1f99}"),
    (0x1f92, "\u{1f9a}"),
    (0x1f93, "\u{1f9b}"),
    (0x1f94, "\u{1f9c}"),
    (0x1f95, "\u{1f9d}"),
    (0x1f96, "\u{1f9e}"),
    (0x1f97, "\u{1f9f}"),
    (0x1f98, "\u{1f98}"),
    (0x1f99, "\u{1f99}"),
    (0x1f9a, "\u{1f9a}"),
    (0x1f9b, "\u{1f9b}"),
    (0x1f9c, "\u{1f9c}"),
    (0x1f9d, "\u{1f9d}"),
    (0x1f9e, "\u{1f9e}"),
    (0x1f9f, "\u{1f9f}"),
    (0x1fa0, "\u{1fa8}"),
    (0x1fa1, "\u{1fa9}"),
    (0x1fa2, "\u{1faa}"),
    (0x1fa3, "\u{1fab}"),
    (0x1fa4, "\u{1fac}"),
    (0x1fa5, "\u{1fad}"),
    (0x1fa6, "\u{1fae}"),
    (0x1fa7, "\u{1faf}"),
    (0x1fa8, "\u{1fa8}"),
    (0x1fa9, "\u{1fa9}"),
    (0x1faa, "\u{1faa}"),
    (0x1fab, "\u{1fab}"),
    (0x1fac, "\u{1fac}"),
    (0x1fad, "\u{1fad}"),
    (0x1fae, "\u{1fae}"),
    (0x1faf, "\u{1faf}"),
    (0x1fb2, "\u{1fba}\u{345}"),
    (0x1fb3, "\u{1fbc}"),
    (0x1fb4, "\u{386}\u{345}"),
    (0x1fb7, "\u{391}\u{342}\u{345}"),
    (0x1fbc, "\u{1fbc}"),
    (0x1fc2, "\u{1fca}\u{345}"),
    (0x1fc3, "\u{1fcc}"),
    (0x1fc4, "\u{389}\u{345}"),
    (0x1fc7, "\u{397}\u{342}\u{345}"),
    (0x1fcc, "\u{1fcc}"),
    (0x1ff2, "\u{1ffa}\u{345}"),
    (0x1ff3, "\u{1ffc}"),
    (0x1ff4, "\u{38f}\u{345}"),
    (0x1ff7, "\u{3a9}\u{342}\u{345}"),
    (0x1ffc, "\u{1ffc}"),
    (0xfb00, "\u{46}\u{66}"),
    (0xfb01, "\u{46}\u{69}"),
    (0xfb02, "\u{46}\u{6c}"),
    (0xfb03, "\u{46}\u{66}\u{69}"),
    (0xfb04, "\u{46}\u{66}\u{6c}"),
    (0xfb05, "\u{53}\u{74}"),
    (0xfb06, "\u{53}\u{74}"),
    (0xfb13, "\u{544}\u{576}"),
    (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"),
    (0xfb16, "\u{54e}\u{576}"),
    (0xfb17, "\u{544}\u{56d}"),
];

/// Characters whose case folding (`_PyUnicode_ToFoldedFull`) differs from their lower case,
/// with their folding: generated from CPython 3.12.1 (`c.casefold() != c.lower()`).
#[rustfmt::skip]
const FOLD_NOT_LOWER: [(u32, &str); 297] = [
    (0xb5, "\u{3bc}"),
    (0xdf, "\u{73}\u{73}"),
    (0x149, "\u{2bc}\u{6e}"),
    (0x17f, "\u{73}"),
    (0x1f0, "\u{6a}\u{30c}"),
    (0x345, "\u{3b9}"),
    (0x390, "\u{3b9}\u{308}\u{301}"),
    (0x3b0, "\u{3c5}\u{308}\u{301}"),
    (0x3c2, "\u{3c3}"),
    (0x3d0, "\u{3b2}"),
    (0x3d1, "\u{3b8}"),
    (0x3d5, "\u{3c6}"),
    (0x3d6, "\u{3c0}"),
    (0x3f0, "\u{3ba}"),
    (0x3f1, "\u{3c1}"),
    (0x3f5, "\u{3b5}"),
    (0x587, "\u{565}\u{582}"),
    (0x13a0, "\u{13a0}"),
    (0x13a1, "\u{13a1}"),
    (0x13a2, "\u{13a2}"),
    (0x13a3, "\u{13a3}"),
    (0x13a4, "\u{13a4}"),
    (0x13a5, "\u{13a5}"),
    (0x13a6, "\u{13a6}"),
    (0x13a7, "\u{13a7}"),
    (0x13a8, "\u{13a8}"),
    (0x13a9, "\u{13a9}"),
    (0x13aa, "\u{13aa}"),
    (0x13ab, "\u{13ab}"),
    (0x13ac, "\u{13ac}"),
    (0x13ad, "\u{13ad}"),
    (0x13ae, "\u{13ae}"),
    (0x13af, "\u{13af}"),
    (0x13b0, "\u{13b0}"),
    (0x13b1, "\u{13b1}"),
    (0x13b2, "\u{13b2}"),
    (0x13b3, "\u{13b3}"),
    (0x13b4, "\u{13b4}"),
    (0x13b5, "\u{13b5}"),
    (0x13b6, "\u{13b6}"),
    (0x13b7, "\u{13b7}"),
    (0x13b8, "\u{13b8}"),
    (0x13b9, "\u{13b9}"),
    (0x13ba, "\u{13ba}"),
    (0x13bb, "\u{13bb}"),
    (0x13bc, "\u{13bc}"),
    (0x13bd, "\u{13bd}"),
    (0x13be, "\u{13be}"),
    (0x13bf, "\u{13bf}"),
    (0x13c0, "\u{13c0}"),
    (0x13c1, "\u{13c1}"),
    (0x13c2, "\u{13c2}"),
    (0x13c3, "\u{13c3}"),
    (0x13c4, "\u{13c4}"),
    (0x13c5, "\u{13c5}"),
    (0x13c6, "\u{13c6}"),
    (0x13c7, "\u{13c7}"),
    (0x13c8, "\u{13c8}"),
    (0x13c9, "\u{13c9}"),
    (0x13ca, "\u{13ca}"),
    (0x13cb, "\u{13cb}"),
    (0x13cc, "\u{13cc}"),
    (0x13cd, "\u{13cd}"),
    (0x13ce, "\u{13ce}"),
    (0x13cf, "\u{13cf}"),
    (0x13d0, "\u{13d0}"),
    (0x13d1, "\u{13d1}"),
    (0x13d2, "\u{13d2}"),
    (0x13d3, "\u{13d3}"),
    (0x13d4, "\u{13d4}"),
    (0x13d5, "\u{13d5}"),
    (0x13d6, "\u{13d6}"),
    (0x13d7, "\u{13d7}"),
    (0x13d8, "\u{13d8}"),
    (0x13d9, "\u{13d9}"),
    (0x13da, "\u{13da}"),
    (0x13db, "\u{13db}"),
    (0x13dc, "\u{13dc}"),
    (0x13dd, "\u{13dd}"),
    (0x13de, "\u{13de}"),
    (0x13df, "\u{13df}"),
    (0x13e0, "\u{13e0}"),
    (0x13e1, "\u{13e1}"),
    (0x13e2, "\u{13e2}"),
    (0x13e3, "\u{13e3}"),
    (0x13e4, "\u{13e4}"),
    (0x13e5, "\u{13e5}"),
    (0x13e6, "\u{13e6}"),
    (0x13e7, "\u{13e7}"),
    (0x13e8, "\u{13e8}"),
    (0x13e9, "\u{13e9}"),
    (0x13ea, "\u{13ea}"),
    (0x13eb, "\u{13eb}"),
    (0x13ec, "\u{13ec}"),
    (0x13ed, "\u{13ed}"),
    (0x13ee, "\u{13ee}"),
    (0x13ef, "\u{13ef}"),
    (0x13f0, "\u{13f0}"),
    (0x13f1, "\u{13f1}"),
    (0x13f2, "\u{13f2}"),
    (0x13f3, "\u{13f3}"),
    (0x13f4, "\u{13f4}"),
    (0x13f5, "\u{13f5}"),
    (0x13f8, "\u{13f0}"),
    (0x13f9, "\u{13f1}"),
    (0x13fa, "\u{13f2}"),
    (0x13fb, "\u{13f3}"),
    (0x13fc, "\u{13f4}"),
    (0x13fd, "\u{13f5}"),
    (0x1c80, "\u{432}"),
    (0x1c81, "\u{434}"),
    (0x1c82, "\u{43e}"),
    (0x1c83, "\u{441}"),
    (0x1c84, "\u{442}"),
    (0x1c85, "\u{442}"),
    (0x1c86, "\u{44a}"),
    (0x1c87, "\u{463}"),
    (0x1c88, "\u{a64b}"),
    (0x1e96, "\u{68}\u{331}"),
    (0x1e97, "\u{74}\u{308}"),
    (0x1e98, "\u{77}\u{30a}"),
    (0x1e99, "\u{79}\u{30a}"),
    (0x1e9a, "\u{61}\u{2be}"),
    (0x1e9b, "\u{1e61}"),
    (0x1e9e, "\u{73}\u{73}"),
    (0x1f50, "\u{3c5}\u{313}"),
    (0x1f52, "\u{3c5}\u{313}\u{300}"),
    (0x1f54, "\u{3c5}\u{313}\u{301}"),
    (0x1f56, "\u{3c5}\u{313}\u{342}"),
    (0x1f80, "\u{1f00}\u{3b9}"),
    (0x1f81, "\u{1f01}\u{3b9}"),
    (0x1f82, "\u{1f02}\u{3b9}"),
    (0x1f83, "\u{1f03}\u{3b9}"),
    (0x1f84, "\u{1f04}\u{3b9}"),
    (0x1f85, "\u{1f05}\u{3b9}"),
    (0x1f86, "\u{1f06}\u{3b9}"),
    (0x1f87, "\u{1f07}\u{3b9}"),
    (0x1f88, "\u{1f00}\u{3b9}"),
    (0x1f89, "\u{1f01}\u{3b9}"),
    (0x1f8a, "\u{1f02}\u{3b9}"),
    (0x1f8b, "\u{1f03}\u{3b9}"),
    (0x1f8c, "\u{1f04}\u{3b9}"),
    (0x1f8d, "\u{1f05}\u{3b9}"),
    (0x1f8e, "\u{1f06}\u{3b9}"),
    (0x1f8f, "\u{1f07}\u{3b9}"),
    (0x1f90, "\u{1f20}\u{3b9}"),
    (0x1f91, "\u{1f21}\u{3b9}"),
    (0x1f92, "\u{1f22}\u{3b9}"),
    (0x1f93, "\u{1f23}\u{3b9}"),
    (0x1f94, "\u{1f24}\u{3b9}"),
    (0x1f95, "\u{1f25}\u{3b9}"),
    (0x1f96, "\u{1f26}\u{3b9}"),
    (0x1f97, "\u{1f27}\u{3b9}"),
    (0x1f98, "\u{1f20}\u{3b9}"),
    (0x1f99, "\u{1f21}\u{3b9}"),
    (0x1f9a, "\u{1f22}\u{3b9}"),
    (0x1f9b, "\u{1f23}\u{3b9}"),
    (0x1f9c, "\u{1f24}\u{3b9}"),
    (0x1f9d, "\u{1f25}\u{3b9}"),
    (0x1f9e, "\u{1f26}\u{3b9}"),
    (0x1f9f, "\u{1f27}\u{3b9}"),
    (0x1fa0, "\u{1f60}\u{3b9}"),
    (0x1fa1, "\u{1f61}\u{3b9}"),
    (0x1fa2, "\u{1f62}\u{3b9}"),
    (0x1fa3, "\u{1f63}\u{3b9}"),
    (0x1fa4, "\u{1f64}\u{3b9}"),
    (0x1fa5, "\u{1f65}\u{3b9}"),
    (0x1fa6, "\u{1f66}\u{3b9}"),
    (0x1fa7, "\u{1f67}\u{3b9}"),
    (0x1fa8, "\u{1f60}\u{3b9}"),
    (0x1fa9, "\u{1f61}\u{3b9}"),
    (0x1faa, "\u{1f62}\u{3b9}"),
    (0x1fab, "\u{1f63}\u{3b9}"),
    (0x1fac, "\u{1f64}\u{3b9}"),
    (0x1fad, "\u{1f65}\u{3b9}"),
    (0x1fae, "\u{1f66}\u{3b9}"),
    (0x1faf, "\u{1f67}\u{3b9}"),
    (0x1fb2, "\u{1f70}\u{3b9}"),
    (0x1fb3, "\u{3b1}\u{3b9}"),
    (0x1fb4, "\u{3ac}\u{3b9}"),
    (0x1fb6, "\u{3b1}\u{342}"),
    (0x1fb7, "\u{3b1}\u{342}\u{3b9}"),
    (0x1fbc, "\u{3b1}\u{3b9}"),
    (0x1fbe, "\u{3b9}"),
    (0x1fc2, "\u{1f74}\u{3b9}"),
    (0x1fc3, "\u{3b7}\u{3b9}"),
    (0x1fc4, "\u{3ae}\u{3b9}"),
    (0x1fc6, "\u{3b7}\u{342}"),
    (0x1fc7, "\u{3b7}\u{342}\u{3b9}"),
    (0x1fcc, "\u{3b7}\u{3b9}"),
    (0x1fd2, "\u{3b9}\u{308}\u{300}"),
    (0x1fd3, "\u{3b9}\u{308}\u{301}"),
    (0x1fd6, "\u{3b9}\u{342}"),
    (0x1fd7, "\u{3b9}\u{308}\u{342}"),
    (0x1fe2, "\u{3c5}\u{308}\u{300}"),
    (0x1fe3, "\u{3c5}\u{308}\u{301}"),
    (0x1fe4, "\u{3c1}\u{313}"),
    (0x1fe6, "\u{3c5}\u{342}"),
    (0x1fe7, "\u{3c5}\u{308}\u{342}"),
    (0x1ff2, "\u{1f7c}\u{3b9}"),
    (0x1ff3, "\u{3c9}\u{3b9}"),
    (0x1ff4, "\u{3ce}\u{3b9}"),
    (0x1ff6, "\u{3c9}\u{342}"),
    (0x1ff7, "\u{3c9}\u{342}\u{3b9}"),
    (0x1ffc, "\u{3c9}\u{3b9}"),
    (0xab70, "\u{13a0}"),
    (0xab71, "\u{13a1}"),
    (0xab72, "\u{13a2}"),
    (0xab73, "\u{13a3}"),
    (0xab74, "\u{13a4}"),
    (0xab75, "\u{13a5}"),
    (0xab76, "\u{13a6}"),
    (0xab77, "\u{13a7}"),
    (0xab78, "\u{13a8}"),
    (0xab79, "\u{13a9}"),
    (0xab7a, "\u{13aa}"),
    (0xab7b, "\u{13ab}"),
    (0xab7c, "\u{13ac}"),
    (0xab7d, "\u{13ad}"),
    (0xab7e, "\u{13ae}"),
    (0xab7f, "\u{13af}"),
    (0xab80, "\u{13b0}"),
    (0xab81, "\u{13b1}"),
    (0xab82, "\u{13b2}"),
    (0xab83, "\u{13b3}"),
    (0xab84, "\u{13b4}"),
    (0xab85, "\u{13b5}"),
    (0xab86, "\u{13b6}"),
    (0xab87, "\u{13b7}"),
    (0xab88, "\u{13b8}"),
    (0xab89, "\u{13b9}"),
    (0xab8a, "\u{13ba}"),
    (0xab8b, "\u{13bb}"),
    (0xab8c, "\u{13bc}"),
    (0xab8d, "\u{13bd}"),
    (0xab8e, "\u{13be}"),
    (0xab8f, "\u{13bf}"),
    (0xab90, "\u{13c0}"),
    (0xab91, "\u{13c1}"),
    (0xab92, "\u{13c2}"),
    (0xab93, "\u{13c3}"),
    (0xab94, "\u{13c4}"),
    (0xab95, "\u{13c5}"),
    (0xab96, "\u{13c6}"),
    (0xab97, "\u{13c7}"),
    (0xab98, "\u{13c8}"),
    (0xab99, "\u{13c9}"),
    (0xab9a, "\u{13ca}"),
    (0xab9b, "\u{13cb}"),
    (0xab9c, "\u{13cc}"),
    (0xab9d, "\u{13cd}"),
    (0xab9e, "\u{13ce}"),
    (0xab9f, "\u{13cf}"),
    (0xaba0, "\u{13d0}"),
    (0xaba1, "\u{13d1}"),
    (0xaba2, "\u{13d2}"),
    (0xaba3, "\u{13d3}"),
    (0xaba4, "\u{13d4}"),
    (0xaba5, "\u{13d5}"),
    (0xaba6, "\u{13d6}"),
    (0xaba7, "\u{13d7}"),
    (0xaba8, "\u{13d8}"),
    (0xaba9, "\u{13d9}"),
    (0xabaa, "\u{13da}"),
    (0xabab, "\u{13db}"),
    (0xabac, "\u{13dc}"),
    (0xabad, "\u{13dd}"),
    (0xabae, "\u{13de}"),
    (0xabaf, "\u{13df}"),
    (0xabb0, "\u{13e0}"),
    (0xabb1, "\u{13e1}"),
    (0xabb2, "\u{13e2}"),
    (0xabb3, "\u{13e3}"),
    (0xabb4, "\u{13e4}"),
    (0xabb5, "\u{13e5}"),
    (0xabb6, "\u{13e6}"),
    (0xabb7, "\u{13e7}"),
    (0xabb8, "\u{13e8}"),
    (0xabb9, "\u{13e9}"),
    (0xabba, "\u{13ea}"),
    (0xabbb, "\u{13eb}"),
    (0xabbc, "\u{13ec}"),
    (0xabbd, "\u{13ed}"),
    (0xabbe, "\u{13ee}"),
    (0xabbf, "\u{13ef}"),
    (0xfb00, "\u{66}\u{66}"),
    (0xfb01, "\u{66}\u{69}"),
    (0xfb02, "\u{66}\u{6c}"),
    (0xfb03, "\u{66}\u{66}\u{69}"),
    (0xfb04, "\u{66}\u{66}\u{6c}"),
    (0xfb05, "\u{73}\u{74}"),
    (0xfb06, "\u{73}\u{74}"),
    (0xfb13, "\u{574}\u{576}"),
    (0xfb14, "\u{574}\u{565}"),
    (0xfb15, "\u{574}\u{56b}"),
    (0xfb16, "\u{57e}\u{576}"),
    (0xfb17, "\u{574}\u{56d}"),
];
