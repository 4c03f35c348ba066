//! The methods of `array.array` (`array_methods` in `Modules/arraymodule.c`): `append`,
//! `extend`, `insert`, `pop`, `remove`, `index`, `count`, `reverse`, `tolist`, `fromlist`,
//! `tobytes`, `frombytes`, `tounicode`, `fromunicode`, `byteswap`, `buffer_info`.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt, ssize_arg};
use crate::obj::Obj;
use crate::types::array::{self, Array, Item};
use crate::types::{bytes, list, long, none, tuple, unicode};

/// `array.array`'s methods.
pub static ARRAY_METHODS: MethodTable<Array> = MethodTable {
    type_name: "array.array",
    methods: &[
        MethodDef {
            name: "append",
            params: Params::One,
            call: append,
        },
        MethodDef {
            name: "buffer_info",
            params: Params::NoArgs,
            call: buffer_info,
        },
        MethodDef {
            name: "byteswap",
            params: Params::NoArgs,
            call: byteswap,
        },
        MethodDef {
            name: "count",
            params: Params::One,
            call: count,
        },
        MethodDef {
            name: "extend",
            params: Params::One,
            call: extend,
        },
        MethodDef {
            name: "frombytes",
            params: Params::One,
            call: frombytes,
        },
        MethodDef {
            name: "fromlist",
            params: Params::One,
            call: fromlist,
        },
        MethodDef {
            name: "fromunicode",
            params: Params::One,
            call: fromunicode,
        },
        MethodDef {
            name: "index",
            params: Params::Positional { min: 1, max: 3 },
            call: index,
        },
        MethodDef {
            name: "insert",
            params: Params::Positional { min: 2, max: 2 },
            call: insert,
        },
        MethodDef {
            name: "pop",
            params: Params::Positional { min: 0, max: 1 },
            call: pop,
        },
        MethodDef {
            name: "remove",
            params: Params::One,
            call: remove,
        },
        MethodDef {
            name: "reverse",
            params: Params::NoArgs,
            call: reverse,
        },
        MethodDef {
            name: "tobytes",
            params: Params::NoArgs,
            call: tobytes,
        },
        MethodDef {
            name: "tolist",
            params: Params::NoArgs,
            call: tolist,
        },
        MethodDef {
            name: "tounicode",
            params: Params::NoArgs,
            call: tounicode,
        },
        MethodDef {
            name: "__copy__",
            params: Params::NoArgs,
            call: copy,
        },
        MethodDef {
            name: "__deepcopy__",
            params: Params::One,
            call: copy,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

fn append<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    array::append(heap, a, arg(args, 0)?.object())?;
    Ok(none(heap))
}

/// `a.extend(iterable)`: an array must have the same type code; other iterables are appended
/// item by item.
pub fn extend_from<'h>(heap: &'h Heap, a: &Array, src: &Obj<'h>) -> PyResult<()> {
    if let Some(b) = Array::cast(src.object()) {
        if array::typecode(a) != array::typecode(b) {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        let mut all = array::raw_bytes(a).to_vec();
        all.extend_from_slice(array::raw_bytes(b));
        return array::set_raw(heap, a, &all);
    }
    crate::abstract_::for_each_started(
        heap,
        src.object(),
        || Ok(()),
        |item| array::append(heap, a, item.object()).map(|()| true),
    )
}

fn extend<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    extend_from(heap, a, arg(args, 0)?)?;
    Ok(none(heap))
}

fn items(a: &Array) -> Vec<Item> {
    (0..array::len(a)).map(|i| array::get(a, i)).collect()
}

/// The position of the first item equal to `x` in `[start, stop)`.
fn position(
    heap: &Heap,
    a: &Array,
    x: &Obj<'_>,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    for (i, item) in items(a).into_iter().enumerate().take(stop).skip(start) {
        let v = array::item_object(heap, item)?;
        if crate::abstract_::compare_bool(
            heap,
            v.object(),
            x.object(),
            crate::typeobj::CompareOp::Eq,
        )? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn count<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let x = arg(args, 0)?;
    let mut n = 0;
    for item in items(a) {
        let v = array::item_object(heap, item)?;
        if crate::abstract_::compare_bool(
            heap,
            v.object(),
            x.object(),
            crate::typeobj::CompareOp::Eq,
        )? {
            n += 1;
        }
    }
    long::int_from_i64(heap, n)
}

fn index<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let n = array::len(a) as isize;
    let clamp = |o: Option<&Obj<'_>>, default: isize| -> PyResult<usize> {
        let v = match o {
            Some(o) => crate::methods::slice_index(o.object())?,
            None => default,
        };
        Ok((if v < 0 { v + n } else { v }).clamp(0, n) as usize)
    };
    let (start, stop) = (clamp(opt(args, 1), 0)?, clamp(opt(args, 2), n)?);
    match position(heap, a, arg(args, 0)?, start, stop)? {
        Some(i) => long::int_from_i64(heap, i as i64),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn remove<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let Some(i) = position(heap, a, arg(args, 0)?, 0, array::len(a))? else {
        return Err(PyErr::value_error("array.remove(x): x not in array"));
    };
    delete_range(heap, a, i, i + 1)?;
    Ok(none(heap))
}

/// Removes the items `lo..hi`, the rest closing up (`array_del_slice`).
///
/// # Errors
/// `BufferError` while exported, `MemoryError`.
pub fn delete_range(heap: &Heap, a: &Array, lo: usize, hi: usize) -> PyResult<()> {
    let size = array::itemsize(a);
    let mut all = array::raw_bytes(a).to_vec();
    all.drain(lo * size..hi * size);
    array::set_raw(heap, a, &all)
}

fn insert<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let i = ssize_arg(arg(args, 0)?.object())?;
    let item = array::item_from(array::typecode(a), arg(args, 1)?.object())?;
    let n = array::len(a) as isize;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let size = array::itemsize(a);
    let mut all = array::raw_bytes(a).to_vec();
    let raw = array::encode(array::typecode(a), item);
    all.splice(at * size..at * size, raw);
    array::set_raw(heap, a, &all)?;
    Ok(none(heap))
}

fn pop<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let n = array::len(a) as isize;
    let i = match opt(args, 0) {
        Some(o) => ssize_arg(o.object())?,
        None => -1,
    };
    if n == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    let v = array::item_object(heap, array::get(a, j as usize))?;
    delete_range(heap, a, j as usize, j as usize + 1)?;
    Ok(v)
}

fn reverse<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let all = items(a);
    for (i, item) in all.into_iter().rev().enumerate() {
        array::set(a, i, item);
    }
    Ok(none(heap))
}

fn byteswap<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let size = array::itemsize(a);
    let mut all = array::raw_bytes(a).to_vec();
    for chunk in all.chunks_mut(size) {
        chunk.reverse();
    }
    array::set_raw(heap, a, &all)?;
    Ok(none(heap))
}

fn buffer_info<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let address = array::raw_bytes(a).as_ptr() as usize;
    let address = if array::len(a) == 0 { 0 } else { address };
    let x = long::int_from_i64(heap, address as i64)?;
    let n = long::int_from_i64(heap, array::len(a) as i64)?;
    tuple::new_tuple(heap, vec![x, n])
}

fn tolist<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let objs = items(a)
        .into_iter()
        .map(|item| array::item_object(heap, item))
        .collect::<PyResult<Vec<_>>>()?;
    list::new_list(heap, objs)
}

/// `a.fromlist(list)`: all items or none (`array.fromlist`).
fn fromlist<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let src = arg(args, 0)?;
    let Some(l) = list::List::cast(src.object()) else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let code = array::typecode(a);
    let mut raw = array::raw_bytes(a).to_vec();
    for p in list::items(l) {
        // SAFETY: the list holds a reference to each item.
        let item = unsafe { p.as_ref() };
        raw.extend(array::encode(code, array::item_from(code, item)?));
    }
    array::set_raw(heap, a, &raw)?;
    Ok(none(heap))
}

fn tobytes<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    bytes::new_bytes(heap, array::raw_bytes(a))
}

fn frombytes<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let src = arg(args, 0)?.object();
    let Some(data) = crate::types::buffer::contiguous_bytes(src) else {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            src.ob_type().name()
        )));
    };
    array::frombytes(heap, a, &data)?;
    Ok(none(heap))
}

fn tounicode<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    if array::typecode(a) != b'u' {
        return Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    unicode::new_str(heap, &array::unicode_text(a))
}

fn fromunicode<'h>(heap: &'h Heap, a: &Array, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let src = arg(args, 0)?.object();
    let Some(s) = unicode::Str::cast(src) else {
        return Err(PyErr::type_error(format!(
            "fromunicode() argument must be str, not {}",
            src.ob_type().name()
        )));
    };
    if array::typecode(a) != b'u' {
        return Err(PyErr::value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    let mut raw = array::raw_bytes(a).to_vec();
    for c in unicode::str_value(s).chars() {
        raw.extend((c as u32).to_le_bytes());
    }
    array::set_raw(heap, a, &raw)?;
    Ok(none(heap))
}

/// `a.__copy__()` and `a.__deepcopy__(memo)`: a new array of the same items (the items are
/// numbers, so a shallow copy is deep).
fn copy<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    array::from_raw(heap, array::typecode(a), array::raw_bytes(a))
}

/// `a.__sizeof__()`: 64 + allocated × itemsize.
fn sizeof<'h>(heap: &'h Heap, a: &Array, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, crate::abstract_::sizeof(a) as i64)
}
