//! printf-style formatting: `str % args` (`PyUnicode_Format` in `Objects/unicodeobject.c`) and
//! `bytes % args` (`_PyBytes_FormatEx` in `Objects/bytesobject.c`), reached through the
//! `nb_remainder` slot of `str` and `bytes`.
//!
//! ```text
//!   run ── literal text ──────────────────────────────────────────────> out
//!    └─ '%' ── "%%" ─> '%'
//!          └─ parse_spec: (key) flags width .prec [hlL] conversion     (unicode_format_arg_parse)
//!               └─ convert: s r a [b] | d i u o x X | e E f F g G | c  (unicode_format_arg_format)
//!                    └─ output: sign, 0x prefix, fill, text, right padding (…_arg_output)
//! ```
//!
//! One engine serves both: a bytes format is read as Latin-1 text (each byte one character
//! below U+0100) and its output converted back, so the two differ only where CPython's do — the
//! `%s`/`%b`/`%c` conversions, `prec too big`, `during bytes formatting` and the mapping rule.
//! The scanning mirrors CPython's counters (`fmtcnt`, `fmtpos`) so that every error comes from
//! the same place (`incomplete format`, `unsupported format character 'y' (0x79) at index 1`).
//! Numbers are spelled by [`crate::long_digits`] and floats by
//! [`crate::float_repr::format_float`] (`PyOS_double_to_string`), so the digits are CPython's.

use crate::abstract_;
use crate::error::{PyErr, PyResult};
use crate::float_repr::format_float;
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::bytes::{self, Bytes, bytes_value};
use crate::types::long::{self, Int, long_error};
use crate::types::unicode::{self, Str, str_value};
use crate::types::{class, complex, dict, float, list, range, tuple};

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Which operator is running: `str % args` or `bytes % args`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Str,
    Bytes,
}

/// One conversion specifier (`unicode_format_arg_t`).
struct Spec {
    ch: char,
    flags: u8,
    width: isize,
    prec: i32,
}

/// The state of one formatting (`unicode_formatter_t`).
struct Formatter<'a, 'h> {
    heap: &'h Heap,
    flavor: Flavor,
    fmt: &'a [char],
    /// `fmtpos`: the next character to read.
    pos: usize,
    /// `fmtcnt`: the characters left, decremented before each read as CPython does.
    cnt: isize,
    /// The arguments: the tuple's items, or the one argument (or the mapping's value).
    args: Vec<Obj<'h>>,
    arglen: isize,
    argidx: isize,
    dict: Option<Obj<'h>>,
    out: String,
}

/// `str % args` (`unicode_mod`): `None` (`NotImplemented`) when the left operand is not a str.
///
/// # Errors
/// CPython's: `TypeError: not enough arguments for format string`, `not all arguments converted
/// during string formatting`, `format requires a mapping`, `%d format: a real number is
/// required, not str`, `* wants int`, `%c requires int or char`; `ValueError: incomplete
/// format`, `unsupported format character 'y' (0x79) at index 1`, `width too big`, `precision
/// too big`; `OverflowError`, `KeyError`, `MemoryError`, and what `str()`/`repr()` raise.
pub fn str_remainder<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(format) = Str::cast(v) else {
        return Ok(None);
    };
    let fmt: Vec<char> = str_value(format).chars().collect();
    let out = Formatter::new(heap, Flavor::Str, &fmt, w)?.run()?;
    unicode::new_str(heap, &out).map(Some)
}

/// `bytes % args` (`bytes_mod`): `None` (`NotImplemented`) when the left operand is not bytes.
///
/// # Errors
/// As [`str_remainder`], with the bytes wording (`not all arguments converted during bytes
/// formatting`, `prec too big`, `%b requires a bytes-like object, or an object that implements
/// __bytes__, not 'str'`, `%c requires an integer in range(256) or a single byte`).
pub fn bytes_remainder<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    let array = crate::types::bytearray::ByteArray::cast(v);
    let format = match (Bytes::cast(v), array) {
        (Some(b), _) => bytes_value(b).to_vec(),
        (None, Some(b)) => crate::types::bytearray::data(b).to_vec(),
        (None, None) => return Ok(None),
    };
    let fmt: Vec<char> = format.iter().map(|&b| char::from(b)).collect();
    let out = Formatter::new(heap, Flavor::Bytes, &fmt, w)?.run()?;
    // Every character written is below U+0100: Latin-1 back to bytes.
    let data: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    if array.is_some() {
        // `bytearray_mod`: the same formatting, a bytearray result.
        return crate::types::bytearray::new_bytearray(heap, &data).map(Some);
    }
    bytes::new_bytes(heap, &data).map(Some)
}

fn type_error(message: &str) -> PyErr {
    PyErr::type_error(message)
}

impl<'a, 'h> Formatter<'a, 'h> {
    fn new(heap: &'h Heap, flavor: Flavor, fmt: &'a [char], args: &PyObject) -> PyResult<Self> {
        // SAFETY: the caller holds `args`, an object of this heap.
        let owned = unsafe { Obj::from_borrowed(heap, args) };
        let (items, arglen, argidx) = match tuple::Tuple::cast(args) {
            Some(t) => {
                let items: Vec<Obj<'h>> = tuple::items(t)
                    .iter()
                    // SAFETY: the tuple holds references to its items, objects of this heap.
                    .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                    .collect();
                let n = items.len() as isize;
                (items, n, 0)
            }
            None => (vec![owned.clone()], -1, -2),
        };
        let dict = is_mapping(args, flavor).then_some(owned);
        let mut out = String::new();
        out.try_reserve(fmt.len().saturating_add(100))
            .map_err(|_| PyErr::memory_error())?;
        Ok(Formatter {
            heap,
            flavor,
            fmt,
            pos: 0,
            cnt: fmt.len() as isize,
            args: items,
            arglen,
            argidx,
            dict,
            out,
        })
    }

    /// The character at `fmtpos`; past the end, the terminating NUL CPython reads there.
    fn read(&self) -> char {
        self.fmt.get(self.pos).copied().unwrap_or('\0')
    }

    /// `--fmtcnt >= 0`, then the next character (`FORMAT_READ` and `fmtpos++`).
    fn advance(&mut self) -> Option<char> {
        self.cnt -= 1;
        if self.cnt < 0 {
            return None;
        }
        let c = self.read();
        self.pos += 1;
        Some(c)
    }

    fn what(&self) -> &'static str {
        match self.flavor {
            Flavor::Str => "string",
            Flavor::Bytes => "bytes",
        }
    }

    /// `PyUnicode_Format`'s main loop.
    fn run(mut self) -> PyResult<String> {
        loop {
            self.cnt -= 1;
            if self.cnt < 0 {
                break;
            }
            if self.read() != '%' {
                let start = self.pos;
                self.pos += 1;
                while self.cnt >= 0 && self.read() != '%' {
                    self.pos += 1;
                    self.cnt -= 1;
                }
                if self.cnt < 0 {
                    self.pos -= 1;
                }
                self.out.extend(&self.fmt[start..self.pos]);
            } else {
                self.pos += 1;
                self.format_arg()?;
            }
        }
        if self.argidx < self.arglen && self.dict.is_none() {
            return Err(self.not_all_converted());
        }
        Ok(self.out)
    }

    fn not_all_converted(&self) -> PyErr {
        type_error(&format!(
            "not all arguments converted during {} formatting",
            self.what()
        ))
    }

    /// `unicode_format_getnextarg`.
    fn next_arg(&mut self) -> PyResult<Obj<'h>> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            return Ok(if self.arglen < 0 {
                self.args[0].clone()
            } else {
                self.args[i as usize].clone()
            });
        }
        Err(type_error("not enough arguments for format string"))
    }

    /// `unicode_format_arg`: one `%` specifier, the `%` already read.
    fn format_arg(&mut self) -> PyResult<()> {
        let ch = self.read();
        if ch == '%' {
            self.pos += 1;
            self.cnt -= 1;
            self.out.push('%');
            return Ok(());
        }
        let mut spec = Spec {
            ch,
            flags: 0,
            width: -1,
            prec: -1,
        };
        self.parse_spec(&mut spec)?;
        let v = self.next_arg()?;
        if let Some((text, sign)) = self.convert(&mut spec, &v)? {
            self.output(&spec, &text, sign)?;
        }
        if self.dict.is_some() && self.argidx < self.arglen {
            return Err(self.not_all_converted());
        }
        Ok(())
    }

    /// `unicode_format_arg_parse`: the key, flags, width, precision and length modifier.
    fn parse_spec(&mut self, spec: &mut Spec) -> PyResult<()> {
        if spec.ch == '(' {
            self.mapping_key()?;
        }
        while let Some(c) = self.advance() {
            spec.ch = c;
            match c {
                '-' => spec.flags |= F_LJUST,
                '+' => spec.flags |= F_SIGN,
                ' ' => spec.flags |= F_BLANK,
                '#' => spec.flags |= F_ALT,
                '0' => spec.flags |= F_ZERO,
                _ => break,
            }
        }
        if spec.ch == '*' {
            let v = self.next_arg()?;
            let w = star_arg(&v)?;
            let w = long::as_ssize_t(w)?;
            if w < 0 {
                spec.flags |= F_LJUST;
            }
            spec.width = w.saturating_abs();
            if let Some(c) = self.advance() {
                spec.ch = c;
            }
        } else if spec.ch.is_ascii_digit() {
            spec.width = digit(spec.ch) as isize;
            while let Some(c) = self.advance() {
                spec.ch = c;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = digit(c) as isize;
                if spec.width > (isize::MAX - d) / 10 {
                    return Err(PyErr::value_error("width too big"));
                }
                spec.width = spec.width * 10 + d;
            }
        }
        if spec.ch == '.' {
            self.parse_precision(spec)?;
        }
        if self.cnt >= 0
            && matches!(spec.ch, 'h' | 'l' | 'L')
            && let Some(c) = self.advance()
        {
            spec.ch = c;
        }
        if self.cnt < 0 {
            return Err(PyErr::value_error("incomplete format"));
        }
        Ok(())
    }

    /// `.prec` or `.*`.
    fn parse_precision(&mut self, spec: &mut Spec) -> PyResult<()> {
        spec.prec = 0;
        if let Some(c) = self.advance() {
            spec.ch = c;
        }
        if spec.ch == '*' {
            let v = self.next_arg()?;
            let p = long::as_i64(star_arg(&v)?)
                .and_then(|p| i32::try_from(p).ok())
                .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
            spec.prec = p.max(0);
            if let Some(c) = self.advance() {
                spec.ch = c;
            }
        } else if spec.ch.is_ascii_digit() {
            spec.prec = digit(spec.ch) as i32;
            while let Some(c) = self.advance() {
                spec.ch = c;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = digit(c) as i32;
                if spec.prec > (i32::MAX - d) / 10 {
                    return Err(PyErr::value_error(match self.flavor {
                        Flavor::Str => "precision too big",
                        Flavor::Bytes => "prec too big",
                    }));
                }
                spec.prec = spec.prec * 10 + d;
            }
        }
        Ok(())
    }

    /// `%(key)`: the value of `key` in the mapping becomes the only argument.
    fn mapping_key(&mut self) -> PyResult<()> {
        let Some(mapping) = self.dict.clone() else {
            return Err(type_error("format requires a mapping"));
        };
        self.pos += 1;
        self.cnt -= 1;
        let start = self.pos;
        let mut depth = 1;
        while depth > 0 {
            self.cnt -= 1;
            if self.cnt < 0 {
                break;
            }
            match self.read() {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            self.pos += 1;
        }
        if self.cnt < 0 || depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key: String = self.fmt[start..self.pos - 1].iter().collect();
        let key = match self.flavor {
            Flavor::Str => unicode::new_str(self.heap, &key)?,
            Flavor::Bytes => {
                let data: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
                bytes::new_bytes(self.heap, &data)?
            }
        };
        let value = get_item(self.heap, mapping.object(), key.object())?;
        self.args = vec![value];
        self.arglen = -1;
        self.argidx = -2;
        Ok(())
    }

    /// `unicode_format_arg_format`: the argument's text, and whether it is a number whose sign
    /// the output handles; `None` never happens for a valid conversion.
    fn convert(&mut self, spec: &mut Spec, v: &Obj<'h>) -> PyResult<Option<(String, bool)>> {
        let heap = self.heap;
        let o = v.object();
        let bytes = self.flavor == Flavor::Bytes;
        let text = match spec.ch {
            's' if !bytes => match Str::cast(o) {
                Some(s) => str_value(s),
                None => abstract_::str(heap, o)?,
            },
            'r' if !bytes => abstract_::repr(heap, o)?,
            'r' | 'a' => crate::format::ascii(heap, o)?,
            's' | 'b' if bytes => match crate::types::buffer::contiguous_bytes(o) {
                Some(b) => b.iter().map(|&b| char::from(b)).collect(),
                None => {
                    return Err(PyErr::type_error(format!(
                        "%b requires a bytes-like object, or an object that implements \
                         __bytes__, not '{}'",
                        o.ob_type().name()
                    )));
                }
            },
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                return format_integer(o, spec).map(|t| Some((t, true)));
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                return format_real(self.heap, o, spec).map(|t| Some((t, true)));
            }
            'c' if bytes => char::from(byte_char(o)?).to_string(),
            'c' => unicode_char(o)?.to_string(),
            c => return Err(self.unsupported(c)),
        };
        Ok(Some((text, false)))
    }

    /// `unsupported format character 'y' (0x79) at index 1`.
    fn unsupported(&self, c: char) -> PyErr {
        let index = self.pos as isize - 1;
        let code = c as u32;
        if self.flavor == Flavor::Bytes {
            // `%c` of a `char`, which is signed: bytes from 0x80 are negative code points.
            if code >= 0x80 {
                return PyErr::overflow_error("character argument not in range(0x110000)");
            }
            return PyErr::value_error(format!(
                "unsupported format character '{c}' (0x{code:x}) at index {index}"
            ));
        }
        let shown = if (31..=126).contains(&code) { c } else { '?' };
        PyErr::value_error(format!(
            "unsupported format character '{shown}' (0x{code:x}) at index {index}"
        ))
    }

    /// `unicode_format_arg_output`: sign, alternate prefix, fill and padding around `text`.
    fn output(&mut self, spec: &Spec, text: &str, number: bool) -> PyResult<()> {
        let mut width = spec.width;
        let flags = spec.flags;
        let fill = if number && flags & F_ZERO != 0 {
            '0'
        } else {
            ' '
        };
        let chars: Vec<char> = text.chars().collect();
        let mut len = chars.len() as isize;
        if matches!(spec.ch, 's' | 'r' | 'a' | 'b') && spec.prec >= 0 && len > spec.prec as isize {
            len = spec.prec as isize;
        }
        let mut body = &chars[..len as usize];
        let mut sign = None;
        if number {
            match body.first() {
                Some(&c @ ('-' | '+')) => {
                    sign = Some(c);
                    body = &body[1..];
                    len -= 1;
                }
                _ if flags & F_SIGN != 0 => sign = Some('+'),
                _ if flags & F_BLANK != 0 => sign = Some(' '),
                _ => {}
            }
        }
        width = width.max(len);
        let room = width as usize + usize::from(sign.is_some());
        self.out
            .try_reserve(room)
            .map_err(|_| PyErr::memory_error())?;
        let alt_prefix = flags & F_ALT != 0 && matches!(spec.ch, 'x' | 'X' | 'o');
        if let Some(s) = sign {
            if fill != ' ' {
                self.out.push(s);
            }
            if width > len {
                width -= 1;
            }
        }
        let mut prefix: &[char] = &[];
        if alt_prefix {
            (prefix, body) = body.split_at(2.min(body.len()));
            if fill != ' ' {
                self.out.extend(prefix);
            }
            width = (width - 2).max(0);
            len -= 2;
        }
        if width > len && flags & F_LJUST == 0 {
            self.out
                .extend(core::iter::repeat_n(fill, (width - len) as usize));
            width = len;
        }
        if fill == ' ' {
            self.out.extend(sign);
            self.out.extend(prefix);
        }
        self.out.extend(body);
        if width > len {
            self.out
                .extend(core::iter::repeat_n(' ', (width - len) as usize));
        }
        Ok(())
    }
}

fn digit(c: char) -> u32 {
    c as u32 - '0' as u32
}

/// The argument of `*`: an int (`PyLong_Check`).
fn star_arg<'a>(v: &'a Obj<'_>) -> PyResult<&'a Int> {
    Int::cast(v.object()).ok_or_else(|| type_error("* wants int"))
}

/// `PyMapping_Check(args)` with the exclusions of each formatter: a type with `mp_subscript`
/// (dict, list, range, bytes for a str format, a class with `__getitem__`), never a tuple or a
/// str (nor bytes, for a bytes format).
fn is_mapping(o: &PyObject, flavor: Flavor) -> bool {
    if tuple::is_tuple(o) || unicode::is_str(o) {
        return false;
    }
    if bytes::is_bytes(o) {
        return flavor == Flavor::Str;
    }
    dict::is_dict(o) || list::is_list(o) || range::is_range(o) || class_getitem(o).is_some()
}

/// A class's `__getitem__`, looked up along its bases.
fn class_getitem(o: &PyObject) -> Option<&PyObject> {
    let mut ty = Some(o.ob_type());
    while let Some(t) = ty {
        if let Some(d) = class::class_dict(t).and_then(dict::Dict::cast) {
            let found = dict::entries(d).find(|(k, _)| {
                // SAFETY: the dict holds references to its keys, live objects.
                let k = unsafe { k.as_ref() };
                Str::cast(k).is_some_and(|k| str_value(k) == "__getitem__")
            });
            if let Some((_, v)) = found {
                // SAFETY: the class dict holds the value, alive as long as the class.
                return Some(unsafe { &*v.as_ptr() });
            }
        }
        ty = t.base();
    }
    None
}

/// `PyObject_GetItem(mapping, key)` for the mappings a format can be given.
fn get_item<'h>(heap: &'h Heap, mapping: &PyObject, key: &PyObject) -> PyResult<Obj<'h>> {
    if let Some(d) = dict::Dict::cast(mapping) {
        return match dict::get_item(heap, d, key)? {
            Some(v) => Ok(v),
            // SAFETY: the caller holds the key; the error keeps its own reference.
            None => Err(crate::types::exceptions::key_error(heap, unsafe {
                Obj::from_borrowed(heap, key)
            })),
        };
    }
    if let Some(f) = class_getitem(mapping) {
        return abstract_::call_object(heap, f, &[mapping, key]);
    }
    let what = if list::is_list(mapping) {
        "list"
    } else if range::is_range(mapping) {
        "range"
    } else {
        "byte"
    };
    Err(PyErr::type_error(format!(
        "{what} indices must be integers or slices, not {}",
        key.ob_type().name()
    )))
}

/// `PyNumber_Check` for the types pyrt has: int, float, complex.
fn is_number(o: &PyObject) -> bool {
    long::is_int(o) || float::is_float(o) || complex::is_complex(o)
}

/// `mainformatlong`: `%d %i %u %o %x %X` of an int, or of a float (truncated, not for
/// `o x X`).
fn format_integer(o: &PyObject, spec: &Spec) -> PyResult<String> {
    let ty = spec.ch;
    let wrong = || {
        let what = if matches!(ty, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        PyErr::type_error(format!(
            "%{ty} format: {what} is required, not {}",
            o.ob_type().name()
        ))
    };
    if let Some(v) = crate::numbers::user_index_value(o) {
        // A script's class with `__index__` (`_PyNumber_Index`, or `PyNumber_Long` for `%d`).
        return format_long(&v?, spec.flags & F_ALT != 0, spec.prec, ty);
    }
    if !is_number(o) {
        return Err(wrong());
    }
    let value = if let Some(i) = Int::cast(o) {
        long::long_value(i)
    } else if let (Some(x), false) = (float::Float::cast(o), matches!(ty, 'o' | 'x' | 'X')) {
        LongValue::from_f64(float::float_value(x)).map_err(long_error)?
    } else {
        return Err(wrong());
    };
    format_long(&value, spec.flags & F_ALT != 0, spec.prec, ty)
}

/// `_PyUnicode_FormatLong`: `-?(0x|0X|0o)?digits`, the prefix only with `#`, at least `prec`
/// digits.
fn format_long(v: &LongValue, alt: bool, prec: i32, ty: char) -> PyResult<String> {
    if prec > i32::MAX - 3 {
        return Err(PyErr::overflow_error("precision too large"));
    }
    let (text, prefix) = match ty {
        'o' => (v.to_string_radix(8, false), "0o"),
        'x' | 'X' => (v.to_string_radix(16, false), "0x"),
        _ => (v.to_string_radix10().map_err(long_error)?, ""),
    };
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let zeros = (prec.max(0) as usize).saturating_sub(digits.len());
    let mut out = String::new();
    out.try_reserve(digits.len() + zeros + 3)
        .map_err(|_| PyErr::memory_error())?;
    if v.is_negative() {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    out.extend(core::iter::repeat_n('0', zeros));
    out.push_str(digits);
    if ty == 'X' {
        out.make_ascii_uppercase();
    }
    Ok(out)
}

/// `formatfloat`: `PyFloat_AsDouble`, then `PyOS_double_to_string(x, type, prec, ALT?)`
/// (precision 6 by default).
fn format_real(heap: &Heap, o: &PyObject, spec: &Spec) -> PyResult<String> {
    let x = crate::math::as_double_special(heap, o)?;
    let prec = if spec.prec < 0 { 6 } else { spec.prec };
    let alt = if spec.flags & F_ALT != 0 { "#" } else { "" };
    format_float(x, &format!("{alt}.{prec}{}", spec.ch)).map_err(|m| {
        if m.is_empty() {
            PyErr::memory_error()
        } else {
            PyErr::value_error(m)
        }
    })
}

/// `formatchar`: `%c` of a one-character str or of an int below 0x110000. (A lone surrogate
/// becomes U+FFFD, as everywhere in pyrt's strings.)
fn unicode_char(o: &PyObject) -> PyResult<char> {
    let wrong = || type_error("%c requires int or char");
    if let Some(s) = Str::cast(o) {
        let text = str_value(s);
        let mut chars = text.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(wrong()),
        };
    }
    let i = Int::cast(o).ok_or_else(wrong)?;
    match long::as_i64(i) {
        Some(x @ 0..=0x10ffff) => Ok(char::from_u32(x as u32).unwrap_or('\u{fffd}')),
        _ => Err(PyErr::overflow_error("%c arg not in range(0x110000)")),
    }
}

/// `byte_converter`: `%c` of a one-byte bytes or of an int in `range(256)`.
fn byte_char(o: &PyObject) -> PyResult<u8> {
    if let Some(b) = Bytes::cast(o)
        && let [byte] = bytes_value(b)
    {
        return Ok(*byte);
    }
    let Some(i) = Int::cast(o) else {
        return Err(type_error(
            "%c requires an integer in range(256) or a single byte",
        ));
    };
    long::as_i64(i)
        .and_then(|x| u8::try_from(x).ok())
        .ok_or_else(|| PyErr::overflow_error("%c arg not in range(256)"))
}
