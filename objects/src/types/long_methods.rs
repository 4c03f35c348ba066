//! The methods of `int` (`long_methods` in `Objects/longobject.c`, with the argument handling
//! of `Objects/clinic/longobject.c.h`) that pyrt does exactly: declared once here, called by
//! the interpreter for `n.bit_length()` and bound methods alike; a `bool` is an int, so
//! `True.bit_length()` finds them too. The semantic functions are public for the Rust API.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::methods::{Bound, MethodDef, MethodTable, Params};
use crate::obj::Obj;
use crate::types::long::{self, Int, long_value, new_bool, new_int};
use crate::types::{long_bytes, tuple};
use crate::view::View;

/// `int`'s methods, in CPython's order (`__index__` is a slot wrapper:
/// [`slot_wrappers`](crate::types::slot_wrappers)).
/// `from_bytes` is a classmethod: called on an instance here (`(5).from_bytes(b'\x01')`, a
/// `bool` instance giving a `bool`); on the class `int` itself, call
/// [`long_bytes::int_from_bytes`].
pub static INT_METHODS: MethodTable<Int> = MethodTable {
    type_name: "int",
    methods: &[
        MethodDef {
            name: "conjugate",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "bit_length",
            params: Params::NoArgs,
            call: bit_length,
        },
        MethodDef {
            name: "bit_count",
            params: Params::NoArgs,
            call: call_bit_count,
        },
        MethodDef {
            name: "to_bytes",
            params: long_bytes::TO_BYTES_PARAMS,
            call: long_bytes::call_to_bytes,
        },
        MethodDef {
            name: "from_bytes",
            params: long_bytes::FROM_BYTES_PARAMS,
            call: from_bytes,
        },
        MethodDef {
            name: "as_integer_ratio",
            params: Params::NoArgs,
            call: as_integer_ratio,
        },
        MethodDef {
            name: "is_integer",
            params: Params::NoArgs,
            call: is_integer,
        },
        MethodDef {
            name: "__trunc__",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "__floor__",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "__ceil__",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "__round__",
            params: Params::Positional { min: 0, max: 1 },
            call: round,
        },
        MethodDef {
            name: "__getnewargs__",
            params: Params::NoArgs,
            call: getnewargs,
        },
        MethodDef {
            name: "__format__",
            params: Params::One,
            call: format,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

/// `long_long` (`int(n)` of an int): `n` itself when it is an exact `int`, else (a `bool`) an
/// exact `int` of the same value.
///
/// # Errors
/// `MemoryError`.
pub fn exact_int<'h>(heap: &'h Heap, n: &Int) -> PyResult<Obj<'h>> {
    let o = n.as_object();
    if core::ptr::eq(o.ob_type(), long::INT_TYPE.get()) {
        // SAFETY: the caller holds `n`, an object of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    new_int(heap, &long_value(n))
}

/// `n.bit_count()`: the number of ones in `abs(n)`'s binary form.
pub fn bit_count(n: &Int) -> u64 {
    long_value(n)
        .digits()
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum()
}

fn conjugate<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    exact_int(heap, n)
}

/// `int___getnewargs___impl`: `(int(self),)`.
fn getnewargs<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    tuple::new_tuple(heap, vec![exact_int(heap, n)?])
}

/// `int___format___impl`: the format mini-language on the int (`str(self)` for `''`).
fn format<'h>(heap: &'h Heap, n: &Int, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    format_number(heap, n.as_object(), args)
}

/// `int.__format__(spec)`, `float.__format__(spec)` and `str.__format__(spec)`: `spec` must
/// be a str.
///
/// # Errors
/// `TypeError: __format__() argument must be str, not int`, the format errors.
pub(crate) fn format_number<'h>(
    heap: &'h Heap,
    n: &crate::object::PyObject,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let spec = args.first().and_then(Option::as_ref);
    let Some(spec) = spec.and_then(|s| crate::types::unicode::Str::cast(s.object())) else {
        let got = spec.map_or("NoneType", |s| s.ob_type().name());
        return Err(crate::error::PyErr::type_error(format!(
            "__format__() argument must be str, not {got}"
        )));
    };
    let spec = crate::types::unicode::str_value(spec);
    let text = crate::format::format_builtin(heap, n, spec.as_str())?;
    crate::types::unicode::new_str(heap, &text)
}

/// `int___sizeof___impl`: the object's size without the GC header.
fn sizeof<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, crate::abstract_::sizeof(n.as_object()) as i64)
}

fn bit_length<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &LongValue::from_u64(long_value(n).bit_length()))
}

fn call_bit_count<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &LongValue::from_u64(self::bit_count(n)))
}

/// `n.as_integer_ratio()`: `(int(n), 1)`.
fn as_integer_ratio<'h>(heap: &'h Heap, n: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let items = vec![exact_int(heap, n)?, long::int_from_i64(heap, 1)?];
    tuple::new_tuple(heap, items)
}

fn is_integer<'h>(heap: &'h Heap, _: &Int, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(new_bool(heap, true))
}

/// `from_bytes` through an instance: the class is the instance's (`bool` gives a `bool`).
fn from_bytes<'h>(heap: &'h Heap, n: &Int, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let as_bool = core::ptr::eq(n.as_object().ob_type(), long::BOOL_TYPE.get());
    long_bytes::call_from_bytes(heap, args, as_bool)
}

/// `int.__round__(ndigits=None)`.
fn round<'h>(heap: &'h Heap, n: &Int, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::numbers::int_round(heap, n, crate::methods::opt(args, 0).map(Obj::object))
}
