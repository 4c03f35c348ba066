//! The methods of `bytes` (`bytes_methods` in `Objects/bytesobject.c`, `Objects/bytes_methods.c`
//! and `Objects/stringlib/`, with the argument handling of `Objects/clinic/bytesobject.c.h`):
//! `decode` (the codecs and handlers of `types::codecs`), `hex`,
//! `fromhex`, `join`, `split`, the strips, `startswith`/`endswith`, `find`/`index`/`count`,
//! `replace`, `upper`/`lower` and the ASCII character tests.
//!
//! `fromhex` is a class method in CPython; a method table holds instance methods, so here it
//! is reached through an instance (`b''.fromhex('ff')`, which CPython accepts too). A failed
//! decode raises a `ValueError` error (the base of CPython's `UnicodeDecodeError`) with
//! CPython's message and the detail [`crate::error::ExcDetail::UnicodeDecodeError`], and an unknown codec or
//! error handler one with [`crate::error::ExcDetail::LookupError`]: the exception object made of the error
//! (`types::exceptions::exception_from_pyerr`) has CPython's class and fields.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt, slice_index, ssize_arg};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::bytes::{Bytes, bytes_value, new_bytes};
use crate::types::bytes_methods_more as more;
use crate::types::long::{self, new_bool};
use crate::types::str_methods::sequence_fast;
use crate::types::unicode::{self, Str, str_value};
use crate::types::{NONE_TYPE, list, tuple};

/// `find`, `count`, `index`, `startswith`, `endswith`: `(sub, start=None, end=None, /)`.
const FIND: Params = Params::VarArgs { min: 1, max: 3 };

/// `bytes`' methods.
pub static BYTES_METHODS: MethodTable<Bytes> = MethodTable {
    type_name: "bytes",
    methods: &[
        MethodDef {
            name: "decode",
            params: Params::Keywords {
                names: &["encoding", "errors"],
                positional: 2,
                required: 0,
            },
            call: decode,
        },
        MethodDef {
            name: "hex",
            params: Params::NoArgs,
            call: hex,
        },
        MethodDef {
            name: "fromhex",
            params: Params::One,
            call: fromhex,
        },
        MethodDef {
            name: "join",
            params: Params::One,
            call: join,
        },
        MethodDef {
            name: "split",
            params: Params::Keywords {
                names: &["sep", "maxsplit"],
                positional: 2,
                required: 0,
            },
            call: split,
        },
        MethodDef {
            name: "strip",
            params: Params::Positional { min: 0, max: 1 },
            call: strip,
        },
        MethodDef {
            name: "lstrip",
            params: Params::Positional { min: 0, max: 1 },
            call: lstrip,
        },
        MethodDef {
            name: "rstrip",
            params: Params::Positional { min: 0, max: 1 },
            call: rstrip,
        },
        MethodDef {
            name: "startswith",
            params: FIND,
            call: startswith,
        },
        MethodDef {
            name: "endswith",
            params: FIND,
            call: endswith,
        },
        MethodDef {
            name: "find",
            params: FIND,
            call: find,
        },
        MethodDef {
            name: "index",
            params: FIND,
            call: index,
        },
        MethodDef {
            name: "count",
            params: FIND,
            call: count,
        },
        MethodDef {
            name: "replace",
            params: Params::Positional { min: 2, max: 3 },
            call: replace,
        },
        MethodDef {
            name: "upper",
            params: Params::NoArgs,
            call: upper,
        },
        MethodDef {
            name: "lower",
            params: Params::NoArgs,
            call: lower,
        },
        MethodDef {
            name: "isdigit",
            params: Params::NoArgs,
            call: isdigit,
        },
        MethodDef {
            name: "isalpha",
            params: Params::NoArgs,
            call: isalpha,
        },
        MethodDef {
            name: "isalnum",
            params: Params::NoArgs,
            call: isalnum,
        },
        MethodDef {
            name: "isspace",
            params: Params::NoArgs,
            call: isspace,
        },
        MethodDef {
            name: "isascii",
            params: Params::NoArgs,
            call: more::isascii,
        },
        MethodDef {
            name: "islower",
            params: Params::NoArgs,
            call: more::islower,
        },
        MethodDef {
            name: "isupper",
            params: Params::NoArgs,
            call: more::isupper,
        },
        MethodDef {
            name: "istitle",
            params: Params::NoArgs,
            call: more::istitle,
        },
        MethodDef {
            name: "capitalize",
            params: Params::NoArgs,
            call: more::capitalize,
        },
        MethodDef {
            name: "swapcase",
            params: Params::NoArgs,
            call: more::swapcase,
        },
        MethodDef {
            name: "title",
            params: Params::NoArgs,
            call: more::title,
        },
        MethodDef {
            name: "center",
            params: Params::Positional { min: 1, max: 2 },
            call: more::center,
        },
        MethodDef {
            name: "ljust",
            params: Params::Positional { min: 1, max: 2 },
            call: more::ljust,
        },
        MethodDef {
            name: "rjust",
            params: Params::Positional { min: 1, max: 2 },
            call: more::rjust,
        },
        MethodDef {
            name: "zfill",
            params: Params::One,
            call: more::zfill,
        },
        MethodDef {
            name: "expandtabs",
            params: Params::Keywords {
                names: &["tabsize"],
                positional: 1,
                required: 0,
            },
            call: more::expandtabs,
        },
        MethodDef {
            name: "partition",
            params: Params::One,
            call: more::partition,
        },
        MethodDef {
            name: "rpartition",
            params: Params::One,
            call: more::rpartition,
        },
        MethodDef {
            name: "removeprefix",
            params: Params::One,
            call: more::removeprefix,
        },
        MethodDef {
            name: "removesuffix",
            params: Params::One,
            call: more::removesuffix,
        },
        MethodDef {
            name: "rfind",
            params: FIND,
            call: more::rfind,
        },
        MethodDef {
            name: "rindex",
            params: FIND,
            call: more::rindex,
        },
        MethodDef {
            name: "rsplit",
            params: Params::Keywords {
                names: &["sep", "maxsplit"],
                positional: 2,
                required: 0,
            },
            call: more::rsplit,
        },
        MethodDef {
            name: "splitlines",
            params: Params::Keywords {
                names: &["keepends"],
                positional: 1,
                required: 0,
            },
            call: more::splitlines,
        },
        MethodDef {
            name: "translate",
            params: Params::Keywords {
                names: &["", "delete"],
                positional: 2,
                required: 1,
            },
            call: more::translate,
        },
        MethodDef {
            name: "maketrans",
            params: Params::Positional { min: 2, max: 2 },
            call: more::maketrans,
        },
    ],
};

pub(crate) fn is_none(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), NONE_TYPE.get())
}

/// A bytes-like argument, else `TypeError: a bytes-like object is required, not 'int'`.
pub(crate) fn bytes_arg(o: &PyObject) -> PyResult<Vec<u8>> {
    crate::types::buffer::contiguous_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.ob_type().name()
        ))
    })
}

/// A str argument of `decode` (`decode() argument 'encoding' must be str, not int`).
fn decode_name(o: Option<&Obj<'_>>, name: &str, default: &str) -> PyResult<String> {
    match o {
        None => Ok(default.to_owned()),
        Some(o) => Str::cast(o.object()).map(str_value).ok_or_else(|| {
            PyErr::type_error(format!(
                "decode() argument '{name}' must be str, not {}",
                o.ob_type().name()
            ))
        }),
    }
}

pub use crate::types::codecs::codec;

/// `b.decode(encoding='utf-8', errors='strict')` (the codecs of `types::codecs`).
fn decode<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let encoding = decode_name(opt(args, 0), "encoding", "utf-8")?;
    let errors = decode_name(opt(args, 1), "errors", "strict")?;
    let Some(codec) = codec(&encoding) else {
        return Err(crate::types::codecs::unknown_encoding(&encoding));
    };
    let text = crate::types::codecs::decode(codec, bytes_value(b), &errors)?;
    unicode::new_str(heap, &text)
}

/// `b.hex()`: two lowercase hex digits per byte.
fn hex<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    let mut out = String::new();
    out.try_reserve(data.len().saturating_mul(2))
        .map_err(|_| PyErr::memory_error())?;
    for byte in data {
        out.push_str(&format!("{byte:02x}"));
    }
    unicode::new_str(heap, &out)
}

/// `bytes.fromhex(string)`: pairs of hex digits, whitespace allowed between pairs.
fn fromhex<'h>(heap: &'h Heap, _: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let o = arg(args, 0)?;
    let Some(s) = Str::cast(o.object()) else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            o.ob_type().name()
        )));
    };
    let text: Vec<char> = str_value(s).chars().collect();
    let digit = |c: char| c.to_digit(16).filter(|_| c.is_ascii());
    let bad = |i: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_ascii_whitespace() || text[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = digit(text[i]).ok_or_else(|| bad(i))?;
        let lo = text
            .get(i + 1)
            .and_then(|&c| digit(c))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    new_bytes(heap, &out)
}

/// `sep.join(iterable)`.
fn join<'h>(heap: &'h Heap, sep: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let items = sequence_fast(heap, arg(args, 0)?.object(), "can only join an iterable")?;
    let sep = bytes_value(sep);
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = crate::types::buffer::contiguous_bytes(item.object()) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.ob_type().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&b);
    }
    new_bytes(heap, &out)
}

/// `b.split(sep=None, maxsplit=-1)`.
fn split<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    let sep = opt(args, 0).filter(|s| !is_none(s.object()));
    let maxsplit = match opt(args, 1) {
        Some(m) => ssize_arg(m.object())?,
        None => -1,
    };
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut pieces: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && data[i].is_ascii_whitespace() || data.get(i) == Some(&0x0b)
                {
                    i += 1;
                }
                if i >= data.len() {
                    break;
                }
                if left == 0 {
                    pieces.push(&data[i..]);
                    break;
                }
                let start = i;
                while i < data.len() && !(data[i].is_ascii_whitespace() || data[i] == 0x0b) {
                    i += 1;
                }
                pieces.push(&data[start..i]);
                left -= 1;
            }
        }
        Some(sep) => {
            let sep = bytes_arg(sep.object())?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut start = 0;
            let mut i = 0;
            while left > 0 && i + sep.len() <= data.len() {
                if data[i..i + sep.len()] == sep[..] {
                    pieces.push(&data[start..i]);
                    i += sep.len();
                    start = i;
                    left -= 1;
                } else {
                    i += 1;
                }
            }
            pieces.push(&data[start..]);
        }
    }
    let items = pieces
        .into_iter()
        .map(|p| new_bytes(heap, p))
        .collect::<PyResult<Vec<_>>>()?;
    list::new_list(heap, items)
}

/// `strip`, `lstrip`, `rstrip` of the bytes in `chars` (ASCII whitespace by default).
fn do_strip<'h>(
    heap: &'h Heap,
    b: &Bytes,
    args: Bound<'_, 'h>,
    left: bool,
    right: bool,
) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    let set: Option<Vec<u8>> = match opt(args, 0).filter(|c| !is_none(c.object())) {
        Some(c) => Some(bytes_arg(c.object())?),
        None => None,
    };
    let strip = |x: u8| match &set {
        Some(s) => s.contains(&x),
        None => x.is_ascii_whitespace() || x == 0x0b,
    };
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(data[j - 1]) {
            j -= 1;
        }
    }
    new_bytes(heap, &data[i..j])
}

fn strip<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    do_strip(heap, b, args, true, true)
}

fn lstrip<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    do_strip(heap, b, args, true, false)
}

fn rstrip<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    do_strip(heap, b, args, false, true)
}

/// `start`/`end` as bounds of `len` bytes (`ADJUST_INDICES`).
pub(crate) fn bounds(args: Bound<'_, '_>, len: usize) -> PyResult<(usize, usize)> {
    let get = |i: usize, default: isize| match opt(args, i).filter(|o| !is_none(o.object())) {
        Some(o) => slice_index(o.object()),
        None => Ok(default),
    };
    let n = len as isize;
    let fit = |v: isize| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let (start, end) = (get(1, 0)?, get(2, isize::MAX)?);
    let (start, end) = (fit(start), fit(end));
    Ok((start as usize, end.max(start) as usize))
}

/// `startswith`/`endswith`: a bytes or a tuple of bytes.
fn tailmatch<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>, end: bool) -> PyResult<Obj<'h>> {
    let name = if end { "endswith" } else { "startswith" };
    let data = bytes_value(b);
    let sub = arg(args, 0)?.object();
    let (start, stop) = bounds(args, data.len())?;
    let raw_start = opt(args, 1).map(|o| slice_index(o.object())).transpose()?;
    let window = &data[start.min(data.len())..stop];
    let matches = |p: &[u8]| {
        if raw_start.is_some_and(|s| s > data.len() as isize) {
            return false;
        }
        if end {
            window.ends_with(p)
        } else {
            window.starts_with(p)
        }
    };
    if let Some(t) = tuple::Tuple::cast(sub) {
        for p in tuple::items(t) {
            // SAFETY: the tuple holds references to its items.
            let p = unsafe { p.as_ref() };
            let p = crate::types::buffer::contiguous_bytes(p).ok_or_else(|| {
                PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    p.ob_type().name()
                ))
            })?;
            if matches(&p) {
                return Ok(new_bool(heap, true));
            }
        }
        return Ok(new_bool(heap, false));
    }
    let p = crate::types::buffer::contiguous_bytes(sub).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            sub.ob_type().name()
        ))
    })?;
    Ok(new_bool(heap, matches(&p)))
}

fn startswith<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    tailmatch(heap, b, args, false)
}

fn endswith<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    tailmatch(heap, b, args, true)
}

/// The needle of `find`, `index`, `count`: bytes, or an int in `range(256)`.
pub(crate) fn needle(o: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::types::buffer::contiguous_bytes(o) {
        return Ok(b);
    }
    let Some(i) = long::Int::cast(o) else {
        return Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            o.ob_type().name()
        )));
    };
    match long::as_i64(i) {
        Some(v @ 0..=255) => Ok(vec![v as u8]),
        _ => Err(PyErr::value_error("byte must be in range(0, 256)")),
    }
}

/// The first position of the needle in `[start, end)`, if any.
fn find_in(b: &Bytes, args: Bound<'_, '_>) -> PyResult<Option<usize>> {
    let data = bytes_value(b);
    let sub = needle(arg(args, 0)?.object())?;
    let (start, end) = bounds(args, data.len())?;
    let raw_start = opt(args, 1)
        .filter(|o| !is_none(o.object()))
        .map(|o| slice_index(o.object()))
        .transpose()?;
    if raw_start.is_some_and(|s| s > data.len() as isize) || end - start < sub.len() {
        return Ok(None);
    }
    Ok((start..=end - sub.len()).find(|&i| data[i..i + sub.len()] == sub[..]))
}

fn find<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, find_in(b, args)?.map_or(-1, |i| i as i64))
}

fn index<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    match find_in(b, args)? {
        Some(i) => long::int_from_i64(heap, i as i64),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn count<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    let sub = needle(arg(args, 0)?.object())?;
    let (start, end) = bounds(args, data.len())?;
    let raw_start = opt(args, 1)
        .filter(|o| !is_none(o.object()))
        .map(|o| slice_index(o.object()))
        .transpose()?;
    if raw_start.is_some_and(|s| s > data.len() as isize) || end - start < sub.len() {
        return long::int_from_i64(heap, 0);
    }
    if sub.is_empty() {
        return long::int_from_i64(heap, (end - start + 1) as i64);
    }
    let (mut i, mut n) = (start, 0);
    while i + sub.len() <= end {
        if data[i..i + sub.len()] == sub[..] {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    long::int_from_i64(heap, n)
}

/// `b.replace(old, new, count=-1, /)`.
fn replace<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    let old = bytes_arg(arg(args, 0)?.object())?;
    let new = bytes_arg(arg(args, 1)?.object())?;
    let mut left = match opt(args, 2) {
        Some(c) => ssize_arg(c.object())?,
        None => -1,
    };
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for &byte in data {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(byte);
        }
        if left != 0 {
            out.extend_from_slice(&new);
        }
        return new_bytes(heap, &out);
    }
    while i < data.len() {
        if left != 0 && data[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    new_bytes(heap, &out)
}

fn upper<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_bytes(heap, &bytes_value(b).to_ascii_uppercase())
}

fn lower<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_bytes(heap, &bytes_value(b).to_ascii_lowercase())
}

/// An ASCII test over every byte (false for empty bytes).
fn all_bytes<'h>(heap: &'h Heap, b: &Bytes, test: fn(&u8) -> bool) -> PyResult<Obj<'h>> {
    let data = bytes_value(b);
    Ok(new_bool(heap, !data.is_empty() && data.iter().all(test)))
}

fn isdigit<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    all_bytes(heap, b, u8::is_ascii_digit)
}

fn isalpha<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    all_bytes(heap, b, u8::is_ascii_alphabetic)
}

fn isalnum<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    all_bytes(heap, b, u8::is_ascii_alphanumeric)
}

fn isspace<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    all_bytes(heap, b, |&x| x.is_ascii_whitespace() || x == 0x0b)
}
