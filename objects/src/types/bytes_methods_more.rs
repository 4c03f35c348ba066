//! More methods of `bytes` (and, through [`super::bytearray_methods`], of `bytearray`), from
//! `Objects/bytes_methods.c` and `Objects/stringlib/`: the case tests and conversions
//! (`isascii`, `islower`, `isupper`, `istitle`, `capitalize`, `swapcase`, `title`), padding
//! (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`), `partition`/`rpartition`,
//! `removeprefix`/`removesuffix`, `rfind`/`rindex`, `rsplit`, `splitlines`, `translate` and
//! `maketrans`.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, arg, opt, ssize_arg};
use crate::obj::Obj;
use crate::types::bytes::{Bytes, bytes_value, new_bytes};
use crate::types::bytes_methods::{bounds, bytes_arg, is_none, needle};
use crate::types::long::{self, new_bool};
use crate::types::{list, tuple};

/// `isascii`: every byte below 128 (true when empty).
pub(crate) fn isascii<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(new_bool(heap, bytes_value(b).is_ascii()))
}

/// `islower`: some lowercase letter and no uppercase one.
pub(crate) fn islower<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let d = bytes_value(b);
    let v = d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase);
    Ok(new_bool(heap, v))
}

/// `isupper`: some uppercase letter and no lowercase one.
pub(crate) fn isupper<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let d = bytes_value(b);
    let v = d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase);
    Ok(new_bool(heap, v))
}

/// `istitle`: uppercase letters only after uncased bytes, lowercase only after cased ones,
/// and at least one cased byte.
pub(crate) fn istitle<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let (mut cased, mut previous_cased) = (false, false);
    for &c in bytes_value(b) {
        if c.is_ascii_uppercase() {
            if previous_cased {
                return Ok(new_bool(heap, false));
            }
            previous_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !previous_cased {
                return Ok(new_bool(heap, false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(new_bool(heap, cased))
}

/// `capitalize`: the first byte uppercase, the rest lowercase.
pub(crate) fn capitalize<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let mut d = bytes_value(b).to_ascii_lowercase();
    if let Some(first) = d.first_mut() {
        first.make_ascii_uppercase();
    }
    new_bytes(heap, &d)
}

/// `swapcase`.
pub(crate) fn swapcase<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let d: Vec<u8> = bytes_value(b)
        .iter()
        .map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c })
        .collect();
    new_bytes(heap, &d)
}

/// `title`: a letter after a letter lowercase, any other letter uppercase.
pub(crate) fn title<'h>(heap: &'h Heap, b: &Bytes, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let mut previous_cased = false;
    let d: Vec<u8> = bytes_value(b)
        .iter()
        .map(|&c| {
            let out = if previous_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            previous_cased = c.is_ascii_alphabetic();
            out
        })
        .collect();
    new_bytes(heap, &d)
}

/// The fill byte of `center`, `ljust`, `rjust` (a bytes or bytearray of length 1).
fn fill_byte(name: &str, o: Option<&Obj<'_>>) -> PyResult<u8> {
    let Some(o) = o else { return Ok(b' ') };
    match crate::types::buffer::contiguous_bytes(o.object()) {
        Some(v) if v.len() == 1 && !crate::types::memoryview::is_memoryview(o.object()) => Ok(v[0]),
        _ => Err(PyErr::type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            o.ob_type().name()
        ))),
    }
}

/// `center`, `ljust`, `rjust`: padded to `width` (`pad` of `stringlib/transmogrify.h`).
fn justify<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>, name: &str) -> PyResult<Obj<'h>> {
    let width = ssize_arg(arg(args, 0)?.object())?;
    let fill = fill_byte(name, opt(args, 1))?;
    let d = bytes_value(b);
    let n = d.len() as isize;
    if width <= n {
        return new_bytes(heap, d);
    }
    let marg = width - n;
    let left = match name {
        "center" => marg / 2 + (marg & width & 1),
        "rjust" => marg,
        _ => 0,
    } as usize;
    let mut out = vec![fill; width as usize];
    out[left..left + d.len()].copy_from_slice(d);
    new_bytes(heap, &out)
}

/// `center(width, fillchar=b' ', /)`.
pub(crate) fn center<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    justify(heap, b, args, "center")
}

/// `ljust(width, fillchar=b' ', /)`.
pub(crate) fn ljust<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    justify(heap, b, args, "ljust")
}

/// `rjust(width, fillchar=b' ', /)`.
pub(crate) fn rjust<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    justify(heap, b, args, "rjust")
}

/// `zfill(width, /)`: zeros after any sign.
pub(crate) fn zfill<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let width = ssize_arg(arg(args, 0)?.object())?;
    let d = bytes_value(b);
    if width <= d.len() as isize {
        return new_bytes(heap, d);
    }
    let fill = width as usize - d.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(d);
    if let Some(&sign @ (b'+' | b'-')) = d.first() {
        out[0] = sign;
        out[fill] = b'0';
    }
    new_bytes(heap, &out)
}

/// `expandtabs(tabsize=8)`.
pub(crate) fn expandtabs<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let tab = match opt(args, 0) {
        Some(t) => long::Int::cast(t.object())
            .and_then(long::as_i64)
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    t.ob_type().name()
                ))
            })?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut column = 0i64;
    for &c in bytes_value(b) {
        match c {
            b'\t' => {
                if tab > 0 {
                    let spaces = tab - column % tab;
                    out.extend(std::iter::repeat_n(b' ', spaces as usize));
                    column += spaces;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    new_bytes(heap, &out)
}

/// The separator of `partition`/`rpartition` (bytes-like, not empty).
fn separator(o: &Obj<'_>) -> PyResult<Vec<u8>> {
    let sep = bytes_arg(o.object())?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(sep)
}

fn three<'h>(heap: &'h Heap, parts: [&[u8]; 3]) -> PyResult<Obj<'h>> {
    let items = parts
        .into_iter()
        .map(|p| new_bytes(heap, p))
        .collect::<PyResult<Vec<_>>>()?;
    tuple::new_tuple(heap, items)
}

/// `partition(sep, /)`.
pub(crate) fn partition<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let sep = separator(arg(args, 0)?)?;
    let d = bytes_value(b);
    match d.windows(sep.len()).position(|w| w == sep) {
        Some(i) => three(heap, [&d[..i], &sep, &d[i + sep.len()..]]),
        None => three(heap, [d, b"", b""]),
    }
}

/// `rpartition(sep, /)`.
pub(crate) fn rpartition<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let sep = separator(arg(args, 0)?)?;
    let d = bytes_value(b);
    match d.windows(sep.len()).rposition(|w| w == sep) {
        Some(i) => three(heap, [&d[..i], &sep, &d[i + sep.len()..]]),
        None => three(heap, [b"", b"", d]),
    }
}

/// `removeprefix(prefix, /)`.
pub(crate) fn removeprefix<'h>(
    heap: &'h Heap,
    b: &Bytes,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let p = bytes_arg(arg(args, 0)?.object())?;
    let d = bytes_value(b);
    new_bytes(heap, d.strip_prefix(&p[..]).unwrap_or(d))
}

/// `removesuffix(suffix, /)`.
pub(crate) fn removesuffix<'h>(
    heap: &'h Heap,
    b: &Bytes,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let p = bytes_arg(arg(args, 0)?.object())?;
    let d = bytes_value(b);
    new_bytes(heap, d.strip_suffix(&p[..]).unwrap_or(d))
}

/// The last position of the needle in `[start, end)`, if any.
fn rfind_in(b: &Bytes, args: Bound<'_, '_>) -> PyResult<Option<usize>> {
    let data = bytes_value(b);
    let sub = needle(arg(args, 0)?.object())?;
    let (start, end) = bounds(args, data.len())?;
    let raw_start = opt(args, 1)
        .filter(|o| !is_none(o.object()))
        .map(|o| crate::methods::slice_index(o.object()))
        .transpose()?;
    if raw_start.is_some_and(|s| s > data.len() as isize) || end - start < sub.len() {
        return Ok(None);
    }
    Ok((start..=end - sub.len())
        .rev()
        .find(|&i| data[i..i + sub.len()] == sub[..]))
}

/// `rfind(sub[, start[, end]])`.
pub(crate) fn rfind<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, rfind_in(b, args)?.map_or(-1, |i| i as i64))
}

/// `rindex(sub[, start[, end]])`.
pub(crate) fn rindex<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    match rfind_in(b, args)? {
        Some(i) => long::int_from_i64(heap, i as i64),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn is_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0b
}

/// `rsplit(sep=None, maxsplit=-1)`: splits from the right.
pub(crate) fn rsplit<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let d = bytes_value(b);
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
            let mut j = d.len();
            loop {
                while j > 0 && is_space(d[j - 1]) {
                    j -= 1;
                }
                if j == 0 {
                    break;
                }
                if left == 0 {
                    pieces.push(&d[..j]);
                    break;
                }
                let end = j;
                while j > 0 && !is_space(d[j - 1]) {
                    j -= 1;
                }
                pieces.push(&d[j..end]);
                left -= 1;
            }
        }
        Some(sep) => {
            let sep = bytes_arg(sep.object())?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut end = d.len();
            let mut i = d.len();
            while left > 0 && i >= sep.len() {
                if d[i - sep.len()..i] == sep[..] {
                    pieces.push(&d[i..end]);
                    i -= sep.len();
                    end = i;
                    left -= 1;
                } else {
                    i -= 1;
                }
            }
            pieces.push(&d[..end]);
        }
    }
    pieces.reverse();
    let items = pieces
        .into_iter()
        .map(|p| new_bytes(heap, p))
        .collect::<PyResult<Vec<_>>>()?;
    list::new_list(heap, items)
}

/// `splitlines(keepends=False)`: at `\n`, `\r` and `\r\n`.
pub(crate) fn splitlines<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let keep = match opt(args, 0) {
        Some(k) => crate::abstract_::is_true(heap, k.object())?,
        None => false,
    };
    let d = bytes_value(b);
    let mut items = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let start = i;
        while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < d.len() {
            i += if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            if keep {
                eol = i;
            }
        }
        items.push(new_bytes(heap, &d[start..eol])?);
    }
    list::new_list(heap, items)
}

/// `translate(table, /, delete=b'')`.
pub(crate) fn translate<'h>(heap: &'h Heap, b: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let table = arg(args, 0)?;
    let table = if is_none(table.object()) {
        None
    } else {
        let t = bytes_arg(table.object())?;
        if t.len() != 256 {
            return Err(PyErr::value_error(
                "translation table must be 256 characters long",
            ));
        }
        Some(t)
    };
    let delete = match opt(args, 1) {
        Some(d) => bytes_arg(d.object())?,
        None => Vec::new(),
    };
    let out: Vec<u8> = bytes_value(b)
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[usize::from(c)]))
        .collect();
    new_bytes(heap, &out)
}

/// `bytes.maketrans(frm, to, /)`: the 256-byte table mapping each byte of `frm` to the byte
/// of `to` at the same place.
pub(crate) fn maketrans<'h>(heap: &'h Heap, _: &Bytes, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let from = bytes_arg(arg(args, 0)?.object())?;
    let to = bytes_arg(arg(args, 1)?.object())?;
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(&to) {
        table[usize::from(*f)] = *t;
    }
    new_bytes(heap, &table)
}
