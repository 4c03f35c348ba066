//! The interpreter's side of the bytes-like types of the object layer (`bytearray`,
//! `memoryview`, `array.array`): their method tables for attribute lookup, their
//! constructors, subscripts (`x[i]`, `x[a:b:c]`, assignment and deletion), `in` and the
//! in-place `+=` and `*=` (`bytearray_iconcat`, `array_inplace_concat`, ...).

use pyrt_objects::methods::{Methods, Params};
use pyrt_objects::typeobj::{PyTypeObject, StaticType};
use pyrt_objects::types::array::{self, Array};
use pyrt_objects::types::array_methods::{self, ARRAY_METHODS};
use pyrt_objects::types::bytearray::{self, BYTEARRAY_TYPE, ByteArray};
use pyrt_objects::types::bytearray_methods::BYTEARRAY_METHODS;
use pyrt_objects::types::memoryview::{self, MEMORYVIEW_TYPE, MemoryView};
use pyrt_objects::types::memoryview_methods::MEMORYVIEW_METHODS;
use pyrt_objects::types::{buffer, bytes, long, unicode};
use pyrt_objects::{Obj, PyErr, abstract_};
use ruff_python_ast as ast;

use super::{Interp, R, exceptions};

/// The method table of a bytes-like type.
pub(crate) fn type_table(ty: &PyTypeObject) -> Option<&'static dyn Methods> {
    let is = |t: &'static StaticType| core::ptr::eq(ty, t.get());
    if is(&BYTEARRAY_TYPE) {
        Some(&BYTEARRAY_METHODS)
    } else if is(&MEMORYVIEW_TYPE) {
        Some(&MEMORYVIEW_METHODS)
    } else if is(&array::ARRAY_TYPE) {
        Some(&ARRAY_METHODS)
    } else {
        None
    }
}

/// The bytes-like types named in `builtins`.
pub(crate) fn builtin_types() -> [&'static StaticType; 2] {
    [&BYTEARRAY_TYPE, &MEMORYVIEW_TYPE]
}

/// `bytearray(...)`, `memoryview(obj)` or `array.array(code, init)`; `None` for other types.
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    ty: &PyTypeObject,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let is = |t: &'static StaticType| core::ptr::eq(ty, t.get());
    let e = |err: PyErr| interp.err(err);
    let bind = |name: &str, params: Params| {
        pyrt_objects::methods::bind("", name, params, args, kwargs).map_err(e)
    };
    if is(&BYTEARRAY_TYPE) {
        let params = Params::Keywords {
            names: &["source", "encoding", "errors"],
            positional: 3,
            required: 0,
        };
        return Some(bind("bytearray", params).and_then(|b| new_bytearray(interp, &b)));
    }
    if is(&MEMORYVIEW_TYPE) {
        let params = Params::Keywords {
            names: &["object"],
            positional: 1,
            required: 1,
        };
        return Some(bind("memoryview", params).and_then(|b| {
            let o = b[0]
                .clone()
                .ok_or_else(|| e(pyrt_objects::view::bad_internal_call()))?;
            memoryview::new_memoryview(interp.heap, &o).map_err(e)
        }));
    }
    if is(&array::ARRAY_TYPE) {
        if !kwargs.is_empty() {
            return Some(Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "array.array() takes no keyword arguments",
            )));
        }
        return Some(new_array(interp, args));
    }
    None
}

fn new_bytearray<'py>(interp: &Interp<'py>, b: &[Option<Obj<'py>>]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    let type_error = |m: &str| Err(interp.raise(&exceptions::TYPE_ERROR, m.to_owned()));
    let Some(src) = &b[0] else {
        if b[1].is_some() {
            return type_error("encoding without a string argument");
        }
        if b[2].is_some() {
            return type_error("errors without a string argument");
        }
        return bytearray::new_empty(heap).map_err(e);
    };
    let o = src.object();
    if unicode::is_str(o) {
        if b[1].is_none() {
            return type_error("string argument without an encoding");
        }
        let encoded = interp.call_method(
            src,
            "encode",
            b[1..].iter().flatten().cloned().collect(),
            Vec::new(),
        )?;
        let data = buffer::contiguous_bytes(encoded.object()).unwrap_or_default();
        return bytearray::new_bytearray(heap, &data).map_err(e);
    }
    if b[1].is_some() {
        return type_error("encoding without a string argument");
    }
    if b[2].is_some() {
        return type_error("errors without a string argument");
    }
    if let Some(data) = buffer::contiguous_bytes(o) {
        return bytearray::new_bytearray(heap, &data).map_err(e);
    }
    if long::is_int(o) || interp.user_index(src).is_some() {
        let n = abstract_::repeat_count(o).map_err(e)?;
        if n < 0 {
            return Err(interp.raise(&exceptions::VALUE_ERROR, "negative count"));
        }
        return bytearray::new_zeroed(heap, n as usize).map_err(e);
    }
    if abstract_::get_iter(heap, o).is_err() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "cannot convert '{}' object to bytearray",
                src.ob_type().name()
            ),
        ));
    }
    let data = bytearray::bytes_of_iterable(heap, o).map_err(e)?;
    bytearray::new_bytearray(heap, &data).map_err(e)
}

/// `array.array(typecode[, initializer])` (`array_new`): a list, tuple or array of the same
/// code is allocated exactly, bytes go through `frombytes`, a str through `fromunicode`, and
/// any other iterable is appended item by item.
fn new_array<'py>(interp: &Interp<'py>, args: &[Obj<'py>]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    pyrt_objects::methods::check_positional("array", args.len(), 1, 2).map_err(e)?;
    let code = array::parse_typecode(args[0].object()).map_err(e)?;
    let Some(init) = args.get(1) else {
        return array::new_array(heap, code, 0).map_err(e);
    };
    let o = init.object();
    if let Some(s) = unicode::Str::cast(o) {
        if code != b'u' {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    char::from(code)
                ),
            ));
        }
        let mut raw = Vec::new();
        for c in unicode::str_value(s).chars() {
            raw.extend((c as u32).to_le_bytes());
        }
        return array::from_raw(heap, code, &raw).map_err(e);
    }
    if let Some(a) = Array::cast(o) {
        if array::typecode(a) == code {
            return array::from_raw(heap, code, array::raw_bytes(a)).map_err(e);
        }
        if code == b'u' || array::typecode(a) == b'u' {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    char::from(code)
                ),
            ));
        }
    }
    let exact_items = pyrt_objects::types::list::is_list(o)
        || pyrt_objects::types::tuple::is_tuple(o)
        || Array::cast(o).is_some();
    if exact_items {
        let items = interp.collect(init)?;
        let new = array::new_array(heap, code, items.len()).map_err(e)?;
        let a = Array::cast_internal(new.object()).map_err(e)?;
        for (i, item) in items.iter().enumerate() {
            let v = array::item_from(code, item.object()).map_err(e)?;
            array::set(a, i, v);
        }
        return Ok(new);
    }
    let new = array::new_array(heap, code, 0).map_err(e)?;
    let a = Array::cast_internal(new.object()).map_err(e)?;
    if bytes::is_bytes(o) || bytearray::is_bytearray(o) {
        let data = buffer::contiguous_bytes(o).unwrap_or_default();
        array::frombytes(heap, a, &data).map_err(e)?;
        return Ok(new);
    }
    array_methods::extend_from(heap, a, init).map_err(e)?;
    Ok(new)
}

/// A subscript's selection: one index, or a slice's `(start, step, length)`.
enum Key {
    Index(usize),
    Slice(isize, isize, usize),
}

/// Reads `key` against a sequence of `len` items; `what` names the sequence in messages.
fn read_key<'py>(interp: &Interp<'py>, key: &Obj<'py>, len: usize, what: &str) -> R<'py, Key> {
    if let Some((start, step, length)) = super::builtins::slice_indices(interp, key, len)? {
        return Ok(Key::Slice(start, step, length));
    }
    let i = if what == "memoryview" {
        if !long::is_int(key.object()) && interp.user_index(key).is_none() {
            return Err(interp.raise(&exceptions::TYPE_ERROR, "memoryview: invalid slice key"));
        }
        interp.index(key, what)?
    } else if what.starts_with("array") {
        if !long::is_int(key.object()) && interp.user_index(key).is_none() {
            return Err(interp.raise(&exceptions::TYPE_ERROR, "array indices must be integers"));
        }
        interp.index(key, "array")?
    } else {
        interp.index(key, what)?
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j >= len as isize {
        return Err(interp.raise(&exceptions::INDEX_ERROR, out_of_range(what)));
    }
    Ok(Key::Index(j as usize))
}

fn out_of_range(what: &str) -> &'static str {
    match what {
        "bytearray" => "bytearray index out of range",
        "memoryview" => "index out of bounds on dimension 1",
        "array assignment" => "array assignment index out of range",
        _ => "array index out of range",
    }
}

fn picks(start: isize, step: isize, length: usize) -> impl Iterator<Item = usize> {
    (0..length).map(move |k| (start + k as isize * step) as usize)
}

/// `obj[key]` for a bytes-like object; `None` for other objects.
pub(crate) fn getitem<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
) -> Option<R<'py, Obj<'py>>> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    let o = obj.object();
    if let Some(b) = ByteArray::cast(o) {
        return Some(
            read_key(interp, key, bytearray::len(b), "bytearray").and_then(|k| match k {
                Key::Index(i) => {
                    long::int_from_i64(heap, i64::from(bytearray::data(b)[i])).map_err(e)
                }
                Key::Slice(start, step, length) => {
                    let data = bytearray::data(b);
                    let picked: Vec<u8> = picks(start, step, length).map(|i| data[i]).collect();
                    bytearray::new_bytearray(heap, &picked).map_err(e)
                }
            }),
        );
    }
    if let Some(a) = Array::cast(o) {
        return Some(
            read_key(interp, key, array::len(a), "array").and_then(|k| match k {
                Key::Index(i) => array::item_object(heap, array::get(a, i)).map_err(e),
                Key::Slice(start, step, length) => {
                    let size = array::itemsize(a);
                    let data = array::raw_bytes(a);
                    let mut raw = Vec::with_capacity(length * size);
                    for i in picks(start, step, length) {
                        raw.extend_from_slice(&data[i * size..(i + 1) * size]);
                    }
                    array::from_raw(heap, array::typecode(a), &raw).map_err(e)
                }
            }),
        );
    }
    if let Some(m) = MemoryView::cast(o) {
        return Some((|| {
            let n = memoryview::length(m).map_err(e)?;
            match read_key(interp, key, n, "memoryview")? {
                Key::Index(i) => memoryview::get_item(heap, m, i as isize).map_err(e),
                Key::Slice(start, step, length) => {
                    memoryview::slice(heap, m, start, step, length).map_err(e)
                }
            }
        })());
    }
    None
}

/// The bytes of a value assigned to a bytearray slice (`bytearray_ass_subscript`: a number or
/// a str is refused, any buffer or iterable of ints is taken).
fn slice_source<'py>(interp: &Interp<'py>, v: &Obj<'py>) -> R<'py, Vec<u8>> {
    let o = v.object();
    if let Some(d) = buffer::contiguous_bytes(o) {
        return Ok(d);
    }
    if long::is_int(o) || unicode::is_str(o) || pyrt_objects::types::float::Float::cast(o).is_some()
    {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    if abstract_::get_iter(interp.heap, o).is_err() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "cannot convert '{}' object to bytearray",
                v.ob_type().name()
            ),
        ));
    }
    bytearray::bytes_of_iterable(interp.heap, o).map_err(|err| interp.err(err))
}

/// `obj[key] = value` (or `del obj[key]` when `value` is `None`) for a bytes-like object;
/// `None` for other objects.
pub(crate) fn setitem<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
    value: Option<&Obj<'py>>,
) -> Option<R<'py, ()>> {
    let o = obj.object();
    if let Some(b) = ByteArray::cast(o) {
        return Some(set_bytearray(interp, b, key, value));
    }
    if let Some(a) = Array::cast(o) {
        return Some(set_array(interp, a, key, value));
    }
    if let Some(m) = MemoryView::cast(o) {
        return Some(set_memoryview(interp, m, key, value));
    }
    None
}

fn set_bytearray<'py>(
    interp: &Interp<'py>,
    b: &ByteArray,
    key: &Obj<'py>,
    value: Option<&Obj<'py>>,
) -> R<'py, ()> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    match read_key(interp, key, bytearray::len(b), "bytearray")? {
        Key::Index(i) => match value {
            Some(v) => {
                let x = bytearray::byte_value(v.object()).map_err(e)?;
                bytearray::set_byte(b, i, x);
                Ok(())
            }
            None => bytearray::set_slice(heap, b, i, i + 1, &[]).map_err(e),
        },
        Key::Slice(start, step, length) => {
            let src = match value {
                Some(v) => Some(slice_source(interp, v)?),
                None => None,
            };
            if step == 1 || length == 0 && src.as_ref().is_none_or(Vec::is_empty) {
                let lo = start.max(0) as usize;
                let hi = if step == 1 { lo + length } else { lo };
                return bytearray::set_slice(heap, b, lo, hi, src.as_deref().unwrap_or(&[]))
                    .map_err(e);
            }
            match src {
                None => bytearray::delete_extended(heap, b, start, step, length).map_err(e),
                Some(src) if src.len() != length => Err(interp.raise(
                    &exceptions::VALUE_ERROR,
                    format!(
                        "attempt to assign bytes of size {} to extended slice of size {length}",
                        src.len()
                    ),
                )),
                Some(src) => {
                    for (i, x) in picks(start, step, length).zip(src) {
                        bytearray::set_byte(b, i, x);
                    }
                    Ok(())
                }
            }
        }
    }
}

fn set_array<'py>(
    interp: &Interp<'py>,
    a: &Array,
    key: &Obj<'py>,
    value: Option<&Obj<'py>>,
) -> R<'py, ()> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    let n = array::len(a);
    let what = if value.is_some() {
        "array assignment"
    } else {
        "array"
    };
    match read_key(interp, key, n, what)? {
        Key::Index(i) => match value {
            Some(v) => {
                let item = array::item_from(array::typecode(a), v.object()).map_err(e)?;
                array::set(a, i, item);
                Ok(())
            }
            None => array_methods::delete_range(heap, a, i, i + 1).map_err(e),
        },
        Key::Slice(start, step, length) => {
            let size = array::itemsize(a);
            let src = match value {
                None => None,
                Some(v) => match Array::cast(v.object()) {
                    Some(s) if array::typecode(s) == array::typecode(a) => {
                        Some(array::raw_bytes(s).to_vec())
                    }
                    Some(_) => {
                        return Err(interp.raise(
                            &exceptions::TYPE_ERROR,
                            "bad argument type for built-in operation",
                        ));
                    }
                    None => {
                        return Err(interp.raise(
                            &exceptions::TYPE_ERROR,
                            format!(
                                "can only assign array (not \"{}\") to array slice",
                                v.ob_type().name()
                            ),
                        ));
                    }
                },
            };
            let mut all = array::raw_bytes(a).to_vec();
            if step == 1 {
                let lo = start.max(0) as usize;
                all.splice(lo * size..(lo + length) * size, src.unwrap_or_default());
                return array::set_raw(heap, a, &all).map_err(e);
            }
            match src {
                None => {
                    let gone: Vec<usize> = picks(start, step, length).collect();
                    let kept: Vec<u8> = all
                        .chunks(size)
                        .enumerate()
                        .filter(|(i, _)| !gone.contains(i))
                        .flat_map(|(_, c)| c.iter().copied())
                        .collect();
                    array::set_raw(heap, a, &kept).map_err(e)
                }
                Some(src) if src.len() != length * size => Err(interp.raise(
                    &exceptions::VALUE_ERROR,
                    format!(
                        "attempt to assign array of size {} to extended slice of size {length}",
                        src.len() / size
                    ),
                )),
                Some(src) => {
                    for (k, i) in picks(start, step, length).enumerate() {
                        all[i * size..(i + 1) * size]
                            .copy_from_slice(&src[k * size..(k + 1) * size]);
                    }
                    array::set_raw(heap, a, &all).map_err(e)
                }
            }
        }
    }
}

fn set_memoryview<'py>(
    interp: &Interp<'py>,
    m: &MemoryView,
    key: &Obj<'py>,
    value: Option<&Obj<'py>>,
) -> R<'py, ()> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    let n = memoryview::length(m).map_err(e)?;
    let Some(value) = value else {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "cannot delete memory"));
    };
    if memoryview::readonly(m) {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "cannot modify read-only memory"));
    }
    match read_key(interp, key, n, "memoryview")? {
        Key::Index(i) => memoryview::set_item(heap, m, i as isize, value.object()).map_err(e),
        Key::Slice(start, step, length) => {
            let Some(src) = buffer::contiguous_bytes(value.object()) else {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "a bytes-like object is required, not '{}'",
                        value.ob_type().name()
                    ),
                ));
            };
            memoryview::set_slice(heap, m, start, step, length, &src).map_err(e)
        }
    }
}

/// `item in ba` for a bytearray (`_Py_bytes_contains`); `None` for other objects.
pub(crate) fn bytearray_data(obj: &Obj<'_>) -> Option<Vec<u8>> {
    ByteArray::cast(obj.object()).map(|b| bytearray::data(b).to_vec())
}

/// `l += r` and `l *= r` for a bytearray or an array, in place; `None` otherwise.
pub(crate) fn inplace<'py>(
    interp: &Interp<'py>,
    op: ast::Operator,
    l: &Obj<'py>,
    r: &Obj<'py>,
) -> Option<R<'py, ()>> {
    let heap = interp.heap;
    let e = |err: PyErr| interp.err(err);
    let count = || abstract_::repeat_count(r.object()).map_err(e);
    if let Some(b) = ByteArray::cast(l.object()) {
        return match op {
            ast::Operator::Add => Some(bytearray::inplace_concat(heap, b, r.object()).map_err(e)),
            ast::Operator::Mult if long::is_int(r.object()) => {
                Some(count().and_then(|n| bytearray::inplace_repeat(heap, b, n).map_err(e)))
            }
            _ => None,
        };
    }
    if let Some(a) = Array::cast(l.object()) {
        return match op {
            ast::Operator::Add => Some(match Array::cast(r.object()) {
                Some(_) => array_methods::extend_from(heap, a, r).map_err(e),
                None => Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "can only extend array with array (not \"{}\")",
                        r.ob_type().name()
                    ),
                )),
            }),
            ast::Operator::Mult if long::is_int(r.object()) => Some(count().and_then(|n| {
                let all = bytearray::repeated(array::raw_bytes(a), n).map_err(e)?;
                array::set_raw(heap, a, &all).map_err(e)
            })),
            _ => None,
        };
    }
    None
}

/// The `array` module's names: the type (as `array` and `ArrayType`) and `typecodes`.
pub(crate) fn array_module_attributes<'py>(
    interp: &Interp<'py>,
) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    // SAFETY: a static type object is immortal.
    let ty = unsafe { Obj::from_borrowed(heap, &array::ARRAY_TYPE.get().ob_base.ob_base) };
    let codes = unicode::new_str(heap, array::TYPECODES).map_err(|e| interp.err(e))?;
    Ok(vec![
        ("array", ty.clone()),
        ("ArrayType", ty),
        ("typecodes", codes),
    ])
}
