//! The methods of `bytearray` (`bytearray_methods` in `Objects/bytearrayobject.c`, with the
//! argument handling of `Objects/clinic/bytearrayobject.c.h`): the mutators (`append`,
//! `extend`, `insert`, `pop`, `remove`, `clear`, `reverse`, `copy`, `__alloc__`), and the
//! methods it shares with `bytes` through `Objects/bytes_methods.c` and `stringlib`, which run
//! [`BYTES_METHODS`]' code on a bytes copy of the data and give back a bytearray where bytes
//! would come back (`upper`, `split`'s items, `fromhex`...).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt, ssize_arg};
use crate::obj::Obj;
use crate::types::bytearray::{self, ByteArray, byte_value};
use crate::types::bytes::{self, Bytes};
use crate::types::bytes_methods::BYTES_METHODS;
use crate::types::{buffer, list, none};

/// `find`, `count`, `index`, `startswith`, `endswith`: `(sub, start=None, end=None, /)`.
const FIND: Params = Params::VarArgs { min: 1, max: 3 };
const STRIP: Params = Params::Positional { min: 0, max: 1 };

macro_rules! shared {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            via_bytes(heap, o, $name, args)
        })*
    };
}

shared! {
    decode => "decode", hex => "hex", fromhex => "fromhex", join => "join", split => "split",
    strip => "strip", lstrip => "lstrip", rstrip => "rstrip", startswith => "startswith",
    endswith => "endswith", find => "find", index => "index", count => "count",
    replace => "replace", upper => "upper", lower => "lower", isdigit => "isdigit",
    isalpha => "isalpha", isalnum => "isalnum", isspace => "isspace",
    isascii => "isascii",
    islower => "islower",
    isupper => "isupper",
    istitle => "istitle",
    capitalize => "capitalize",
    swapcase => "swapcase",
    title => "title",
    center => "center",
    ljust => "ljust",
    rjust => "rjust",
    zfill => "zfill",
    expandtabs => "expandtabs",
    partition => "partition",
    rpartition => "rpartition",
    removeprefix => "removeprefix",
    removesuffix => "removesuffix",
    rfind => "rfind",
    rindex => "rindex",
    rsplit => "rsplit",
    splitlines => "splitlines",
    translate => "translate",
    maketrans => "maketrans",
}

/// `bytearray`'s methods.
pub static BYTEARRAY_METHODS: MethodTable<ByteArray> = MethodTable {
    type_name: "bytearray",
    methods: &[
        MethodDef {
            name: "__alloc__",
            params: Params::NoArgs,
            call: alloc,
        },
        MethodDef {
            name: "append",
            params: Params::One,
            call: append,
        },
        MethodDef {
            name: "clear",
            params: Params::NoArgs,
            call: clear,
        },
        MethodDef {
            name: "copy",
            params: Params::NoArgs,
            call: copy,
        },
        MethodDef {
            name: "count",
            params: FIND,
            call: count,
        },
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
            name: "endswith",
            params: FIND,
            call: endswith,
        },
        MethodDef {
            name: "extend",
            params: Params::One,
            call: extend,
        },
        MethodDef {
            name: "find",
            params: FIND,
            call: find,
        },
        MethodDef {
            name: "fromhex",
            params: Params::One,
            call: fromhex,
        },
        MethodDef {
            name: "hex",
            params: Params::NoArgs,
            call: hex,
        },
        MethodDef {
            name: "index",
            params: FIND,
            call: index,
        },
        MethodDef {
            name: "insert",
            params: Params::Positional { min: 2, max: 2 },
            call: insert,
        },
        MethodDef {
            name: "isalnum",
            params: Params::NoArgs,
            call: isalnum,
        },
        MethodDef {
            name: "isalpha",
            params: Params::NoArgs,
            call: isalpha,
        },
        MethodDef {
            name: "isdigit",
            params: Params::NoArgs,
            call: isdigit,
        },
        MethodDef {
            name: "isspace",
            params: Params::NoArgs,
            call: isspace,
        },
        MethodDef {
            name: "join",
            params: Params::One,
            call: join,
        },
        MethodDef {
            name: "lower",
            params: Params::NoArgs,
            call: lower,
        },
        MethodDef {
            name: "lstrip",
            params: STRIP,
            call: lstrip,
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
            name: "replace",
            params: Params::Positional { min: 2, max: 3 },
            call: replace,
        },
        MethodDef {
            name: "reverse",
            params: Params::NoArgs,
            call: reverse,
        },
        MethodDef {
            name: "rstrip",
            params: STRIP,
            call: rstrip,
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
            name: "startswith",
            params: FIND,
            call: startswith,
        },
        MethodDef {
            name: "strip",
            params: STRIP,
            call: strip,
        },
        MethodDef {
            name: "upper",
            params: Params::NoArgs,
            call: upper,
        },
        MethodDef {
            name: "isascii",
            params: Params::NoArgs,
            call: isascii,
        },
        MethodDef {
            name: "islower",
            params: Params::NoArgs,
            call: islower,
        },
        MethodDef {
            name: "isupper",
            params: Params::NoArgs,
            call: isupper,
        },
        MethodDef {
            name: "istitle",
            params: Params::NoArgs,
            call: istitle,
        },
        MethodDef {
            name: "capitalize",
            params: Params::NoArgs,
            call: capitalize,
        },
        MethodDef {
            name: "swapcase",
            params: Params::NoArgs,
            call: swapcase,
        },
        MethodDef {
            name: "title",
            params: Params::NoArgs,
            call: title,
        },
        MethodDef {
            name: "center",
            params: Params::Positional { min: 1, max: 2 },
            call: center,
        },
        MethodDef {
            name: "ljust",
            params: Params::Positional { min: 1, max: 2 },
            call: ljust,
        },
        MethodDef {
            name: "rjust",
            params: Params::Positional { min: 1, max: 2 },
            call: rjust,
        },
        MethodDef {
            name: "zfill",
            params: Params::One,
            call: zfill,
        },
        MethodDef {
            name: "expandtabs",
            params: Params::Keywords {
                names: &["tabsize"],
                positional: 1,
                required: 0,
            },
            call: expandtabs,
        },
        MethodDef {
            name: "partition",
            params: Params::One,
            call: partition,
        },
        MethodDef {
            name: "rpartition",
            params: Params::One,
            call: rpartition,
        },
        MethodDef {
            name: "removeprefix",
            params: Params::One,
            call: removeprefix,
        },
        MethodDef {
            name: "removesuffix",
            params: Params::One,
            call: removesuffix,
        },
        MethodDef {
            name: "rfind",
            params: FIND,
            call: rfind,
        },
        MethodDef {
            name: "rindex",
            params: FIND,
            call: rindex,
        },
        MethodDef {
            name: "rsplit",
            params: Params::Keywords {
                names: &["sep", "maxsplit"],
                positional: 2,
                required: 0,
            },
            call: rsplit,
        },
        MethodDef {
            name: "splitlines",
            params: Params::Keywords {
                names: &["keepends"],
                positional: 1,
                required: 0,
            },
            call: splitlines,
        },
        MethodDef {
            name: "translate",
            params: Params::Keywords {
                names: &["", "delete"],
                positional: 2,
                required: 1,
            },
            call: translate,
        },
        MethodDef {
            name: "maketrans",
            params: Params::Positional { min: 2, max: 2 },
            call: maketrans,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

/// Runs `bytes.name` on a copy of the data; a bytes result (or a list of them) comes back as
/// bytearrays, as the `bytearray` methods built on the same `stringlib` code return.
fn via_bytes<'h>(
    heap: &'h Heap,
    o: &ByteArray,
    name: &str,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let copy = bytes::new_bytes(heap, bytearray::data(o))?;
    let b = Bytes::cast_internal(copy.object())?;
    let def = BYTES_METHODS
        .get(name)
        .ok_or_else(crate::view::bad_internal_call)?;
    let r = (def.call)(heap, b, args)?;
    if name == "maketrans" {
        // A static method that makes a bytes table for both types.
        return Ok(r);
    }
    as_bytearrays(heap, r)
}

fn as_bytearrays<'h>(heap: &'h Heap, r: Obj<'h>) -> PyResult<Obj<'h>> {
    if let Some(b) = Bytes::cast(r.object()) {
        return bytearray::new_bytearray(heap, bytes::bytes_value(b));
    }
    if let Some(l) = list::List::cast(r.object()) {
        let items = list::items(l)
            .iter()
            .map(|p| {
                // SAFETY: the list holds a reference to each item.
                let item = unsafe { p.as_ref() };
                match Bytes::cast(item) {
                    Some(b) => bytearray::new_bytearray(heap, bytes::bytes_value(b)),
                    // SAFETY: as above.
                    None => Ok(unsafe { Obj::from_borrowed(heap, item) }),
                }
            })
            .collect::<PyResult<Vec<_>>>()?;
        return list::new_list(heap, items);
    }
    if let Some(t) = crate::types::tuple::Tuple::cast(r.object()) {
        let items = crate::types::tuple::items(t)
            .iter()
            .map(|p| {
                // SAFETY: the tuple holds a reference to each item.
                let item = unsafe { p.as_ref() };
                match Bytes::cast(item) {
                    Some(b) => bytearray::new_bytearray(heap, bytes::bytes_value(b)),
                    // SAFETY: as above.
                    None => Ok(unsafe { Obj::from_borrowed(heap, item) }),
                }
            })
            .collect::<PyResult<Vec<_>>>()?;
        return crate::types::tuple::new_tuple(heap, items);
    }
    Ok(r)
}

/// `ba.__alloc__()`: `ob_alloc`.
fn alloc<'h>(heap: &'h Heap, o: &ByteArray, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::long::int_from_i64(heap, bytearray::alloc(o) as i64)
}

/// `ba.append(item)`: one resize to `len + 1`.
fn append<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let v = byte_value(arg(args, 0)?.object())?;
    let n = bytearray::len(o);
    bytearray::resize(heap, o, n + 1)?;
    bytearray::set_byte(o, n, v);
    Ok(none(heap))
}

/// `ba.extend(iterable_of_ints)` (`bytearray_extend`): a buffer is appended as a slice
/// assignment at the end; another iterable is collected first, then appended the same way.
/// A str is refused (`expected iterable of integers; got: 'str'`).
fn extend<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let src = arg(args, 0)?.object();
    let data = match buffer::contiguous_bytes(src) {
        Some(d) => d,
        None => {
            if crate::abstract_::get_iter(heap, src).is_err() {
                return Err(PyErr::type_error(format!(
                    "can't extend bytearray with {}",
                    src.ob_type().name()
                )));
            }
            bytearray::bytes_of_iterable(heap, src)?
        }
    };
    let n = bytearray::len(o);
    bytearray::set_slice(heap, o, n, n, &data)?;
    Ok(none(heap))
}

/// `ba.insert(index, item)`.
fn insert<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let i = ssize_arg(arg(args, 0)?.object())?;
    let v = byte_value(arg(args, 1)?.object())?;
    let n = bytearray::len(o) as isize;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    bytearray::set_slice(heap, o, at, at, &[v])?;
    Ok(none(heap))
}

/// `ba.pop(index=-1)`.
fn pop<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let n = bytearray::len(o) as isize;
    let i = match opt(args, 0) {
        Some(a) => ssize_arg(a.object())?,
        None => -1,
    };
    if n == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::new(ExcKind::IndexError, "pop index out of range"));
    }
    let j = j as usize;
    let v = bytearray::data(o)[j];
    bytearray::set_slice(heap, o, j, j + 1, &[])?;
    crate::types::long::int_from_i64(heap, i64::from(v))
}

/// `ba.remove(value)`: the first byte equal to it goes.
fn remove<'h>(heap: &'h Heap, o: &ByteArray, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let v = byte_value(arg(args, 0)?.object())?;
    let Some(j) = bytearray::data(o).iter().position(|&b| b == v) else {
        return Err(PyErr::value_error("value not found in bytearray"));
    };
    bytearray::set_slice(heap, o, j, j + 1, &[])?;
    Ok(none(heap))
}

/// `ba.clear()`: resized to 0 (the buffer is cut to one byte, as `PyByteArray_Resize` does).
fn clear<'h>(heap: &'h Heap, o: &ByteArray, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    bytearray::resize(heap, o, 0)?;
    Ok(none(heap))
}

/// `ba.copy()`.
fn copy<'h>(heap: &'h Heap, o: &ByteArray, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    bytearray::new_bytearray(heap, bytearray::data(o))
}

/// `ba.reverse()`, in place.
fn reverse<'h>(heap: &'h Heap, o: &ByteArray, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let mut d = bytearray::data(o).to_vec();
    d.reverse();
    bytearray::set_slice(heap, o, 0, d.len(), &d)?;
    Ok(none(heap))
}

/// `ba.__sizeof__()`: 56 + `ob_alloc`.
fn sizeof<'h>(heap: &'h Heap, o: &ByteArray, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::long::int_from_i64(heap, crate::abstract_::sizeof(o) as i64)
}
