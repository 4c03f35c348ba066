//! The methods of `tuple` (`tuple_methods` in `Objects/tupleobject.c`, with the argument
//! handling of `Objects/clinic/tupleobject.c.h`): `count` and `index`, whose comparisons take
//! an item that *is* the value as equal before asking `==` (`PyObject_RichCompareBool`).

use crate::abstract_;
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt, slice_index_arg};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::CompareOp;
use crate::types::long;
use crate::types::tuple::{self, Tuple};

/// `tuple`'s methods.
pub static TUPLE_METHODS: MethodTable<Tuple> = MethodTable {
    type_name: "tuple",
    methods: &[
        MethodDef {
            name: "index",
            params: Params::Positional { min: 1, max: 3 },
            call: index,
        },
        MethodDef {
            name: "count",
            params: Params::One,
            call: count,
        },
    ],
};

/// `PyObject_RichCompareBool(item, value, Py_EQ)`: identity first.
fn same(heap: &Heap, item: &PyObject, value: &PyObject) -> PyResult<bool> {
    Ok(core::ptr::eq(item, value) || abstract_::compare_bool(heap, item, value, CompareOp::Eq)?)
}

/// Item `i`, borrowed from the tuple, which the caller holds (a tuple never changes, so its
/// items live as long as it does).
fn item(t: &Tuple, i: usize) -> Option<&PyObject> {
    // SAFETY: the tuple holds references to its items, alive as long as it is.
    tuple::items(t).get(i).map(|p| unsafe { &*p.as_ptr() })
}

/// `t.index(value, start=0, stop=sys.maxsize, /)`.
///
/// # Errors
/// `ValueError: tuple.index(x): x not in tuple`, `TypeError: slice indices must be integers or
/// have an __index__ method`, and what `==` raises.
fn index<'h>(heap: &'h Heap, t: &Tuple, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let value = arg(args, 0)?.object();
    let n = tuple::tuple_len(t) as isize;
    let bound = |i: usize, default: isize| -> PyResult<isize> {
        let v = match opt(args, i) {
            Some(a) => slice_index_arg(a.object())?,
            None => default,
        };
        Ok(if v < 0 { (v + n).max(0) } else { v.min(n) })
    };
    let (start, stop) = (bound(1, 0)?, bound(2, isize::MAX)?);
    for i in start..stop {
        if let Some(x) = item(t, i as usize)
            && same(heap, x, value)?
        {
            return long::int_from_i64(heap, i as i64);
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

/// `t.count(value)`.
///
/// # Errors
/// What `==` raises.
fn count<'h>(heap: &'h Heap, t: &Tuple, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let value = arg(args, 0)?.object();
    let mut n = 0;
    for i in 0..tuple::tuple_len(t) {
        if let Some(x) = item(t, i)
            && same(heap, x, value)?
        {
            n += 1;
        }
    }
    long::int_from_i64(heap, n)
}
