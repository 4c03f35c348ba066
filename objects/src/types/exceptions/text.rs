//! `str()` and `repr()` of exceptions (`BaseException_str`, `BaseException_repr`,
//! `KeyError_str`, `SyntaxError_str`, `ImportError_str`, `OSError_str`,
//! `UnicodeEncodeError_str` and its siblings, `BaseExceptionGroup_str`).

use crate::abstract_;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::object::PyObject;
use crate::types::bytes::{self, Bytes};
use crate::types::tuple::{self, Tuple};
use crate::types::unicode::{self, Str};

use super::layout::field;
use super::{Exception, KEY_ERROR, Layout, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR, slot_self};

/// `tp_str` of the exception classes.
pub(crate) fn exc_str(heap: &Heap, o: &PyObject) -> PyResult<String> {
    exception_str(heap, slot_self(o))
}

/// `str(exc)` by the rules of the exception's class.
///
/// # Errors
/// What the `str()` or `repr()` of a field raises.
pub fn exception_str(heap: &Heap, e: &Exception) -> PyResult<String> {
    match e.layout() {
        Layout::SyntaxError => syntax_error_str(heap, e),
        Layout::ImportError => {
            let msg = e.field(field::FIRST).get(heap);
            match msg {
                Some(m) if is_exact(m.object(), &crate::types::STR_TYPE) => {
                    abstract_::str(heap, m.object())
                }
                _ => base_str(heap, e),
            }
        }
        Layout::OsError => os_error_str(heap, e),
        Layout::Unicode => unicode_error_str(heap, e),
        Layout::Group => {
            let msg = or_none_str(heap, e.field(field::FIRST).get(heap))?;
            let n = e
                .field(field::SECOND)
                .get(heap)
                .and_then(|t| Tuple::cast(t.object()).map(tuple::tuple_len))
                .unwrap_or(0);
            let s = if n > 1 { "s" } else { "" };
            Ok(format!("{msg} ({n} sub-exception{s})"))
        }
        _ if e.ob_type().is_subtype(KEY_ERROR.get()) => match e.arg_items(heap).as_slice() {
            [one] => abstract_::repr(heap, one.object()),
            _ => base_str(heap, e),
        },
        _ => base_str(heap, e),
    }
}

/// `BaseException_str`: `''`, the one argument's `str`, or the `str` of the args tuple.
pub(crate) fn base_str(heap: &Heap, e: &Exception) -> PyResult<String> {
    let args = e.args(heap);
    match e.arg_items(heap).as_slice() {
        [] => Ok(String::new()),
        [one] => abstract_::str(heap, one.object()),
        _ => abstract_::str(heap, args.object()),
    }
}

/// `str()` of a field, `'None'` when it is NULL (`%S` of `OR_NONE`).
fn or_none_str(heap: &Heap, v: Option<crate::obj::Obj<'_>>) -> PyResult<String> {
    match v {
        Some(v) => abstract_::str(heap, v.object()),
        None => Ok("None".into()),
    }
}

/// `PyObject_Str` of a field that may be NULL: `'<NULL>'` then.
fn or_null_str(heap: &Heap, v: Option<crate::obj::Obj<'_>>) -> PyResult<String> {
    match v {
        Some(v) => abstract_::str(heap, v.object()),
        None => Ok("<NULL>".into()),
    }
}

/// `tp_repr`: `ValueError()`, `ValueError('x')`, `ValueError('x', 2)`.
pub(crate) fn exc_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let e = slot_self(o);
    let full = o.ob_type().name();
    let name = full.rsplit('.').next().unwrap_or(full);
    match e.arg_items(heap).as_slice() {
        [one] => Ok(format!("{name}({})", abstract_::repr(heap, one.object())?)),
        _ => Ok(format!(
            "{name}{}",
            abstract_::repr(heap, e.args(heap).object())?
        )),
    }
}

/// `SyntaxError_str`: `msg (file, line N)` with the file's base name, or parts of it.
fn syntax_error_str(heap: &Heap, e: &Exception) -> PyResult<String> {
    let msg = or_none_str(heap, e.field(field::FIRST).get(heap))?;
    let filename = e
        .field(field::SECOND)
        .get(heap)
        .and_then(|f| Str::cast(f.object()).map(unicode::str_value))
        .map(|f| f.rsplit('/').next().unwrap_or_default().to_string());
    let lineno = e
        .field(field::THIRD)
        .get(heap)
        .filter(|l| is_exact(l.object(), &crate::types::INT_TYPE))
        .map(|l| crate::types::long::object_as_i64(l.object()).unwrap_or(-1));
    Ok(match (filename, lineno) {
        (None, None) => msg,
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
    })
}

/// `OSError_str`: `[Errno 2] msg: 'file'` (and `-> 'file2'`), `[Errno 2] msg`, or the base
/// rule.
fn os_error_str(heap: &Heap, e: &Exception) -> PyResult<String> {
    let errno = e.field(field::FIRST).get(heap);
    let strerror = e.field(field::SECOND).get(heap);
    if let Some(f) = e.field(field::THIRD).get(heap) {
        let head = format!(
            "[Errno {}] {}: {}",
            or_none_str(heap, errno)?,
            or_none_str(heap, strerror)?,
            abstract_::repr(heap, f.object())?
        );
        return match e.field(field::FOURTH).get(heap) {
            Some(f2) => Ok(format!("{head} -> {}", abstract_::repr(heap, f2.object())?)),
            None => Ok(head),
        };
    }
    if let (Some(n), Some(s)) = (errno, strerror) {
        return Ok(format!(
            "[Errno {}] {}",
            abstract_::str(heap, n.object())?,
            abstract_::str(heap, s.object())?
        ));
    }
    base_str(heap, e)
}

/// `UnicodeEncodeError_str`, `UnicodeDecodeError_str`, `UnicodeTranslateError_str`.
fn unicode_error_str(heap: &Heap, e: &Exception) -> PyResult<String> {
    let Some(object) = e.field(field::SECOND).get(heap) else {
        return Ok(String::new());
    };
    let (start, end) = e.unicode_range().unwrap_or((0, 0));
    let reason = or_null_str(heap, e.field(field::FIFTH).get(heap))?;
    let ty = e.ob_type();
    let single = |len: usize| start >= 0 && (start as usize) < len && end == start + 1;
    let range = format!("in position {start}-{}: {reason}", end - 1);
    if ty.is_subtype(UNICODE_DECODE_ERROR.get()) {
        let encoding = or_null_str(heap, e.field(field::FIRST).get(heap))?;
        let data = Bytes::cast(object.object()).map_or(&[][..], bytes::bytes_value);
        if single(data.len()) {
            let byte = data[start as usize];
            return Ok(format!(
                "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            ));
        }
        return Ok(format!("'{encoding}' codec can't decode bytes {range}"));
    }
    let text = Str::cast(object.object());
    let len = text.map_or(0, unicode::str_len);
    let badchar = || {
        let c = text
            .and_then(|t| unicode::char_at(t, start as usize))
            .unwrap_or(0);
        match c {
            0..=0xff => format!("\\x{c:02x}"),
            0x100..=0xffff => format!("\\u{c:04x}"),
            _ => format!("\\U{c:08x}"),
        }
    };
    if ty.is_subtype(UNICODE_ENCODE_ERROR.get()) {
        let encoding = or_null_str(heap, e.field(field::FIRST).get(heap))?;
        if single(len) {
            return Ok(format!(
                "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                badchar()
            ));
        }
        return Ok(format!(
            "'{encoding}' codec can't encode characters {range}"
        ));
    }
    if single(len) {
        return Ok(format!(
            "can't translate character '{}' in position {start}: {reason}",
            badchar()
        ));
    }
    Ok(format!("can't translate characters {range}"))
}

/// Whether `o`'s type is exactly `ty` (`Py…_CheckExact`).
pub(crate) fn is_exact(o: &PyObject, ty: &'static crate::typeobj::StaticType) -> bool {
    core::ptr::eq(o.ob_type(), ty.get())
}
