//! The methods of `range` (`range_methods` in `Objects/rangeobject.c`): `count` and `index`,
//! both `METH_O`, declared once here and calling [`range::range_count`] and
//! [`range::range_index`], which answer by arithmetic for ints whatever the range's size.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params};
use crate::obj::Obj;
use crate::types::range::{self, Range};

/// `range`'s methods, in CPython's order.
pub static RANGE_METHODS: MethodTable<Range> = MethodTable {
    type_name: "range",
    methods: &[
        MethodDef {
            name: "count",
            params: Params::One,
            call: count,
        },
        MethodDef {
            name: "index",
            params: Params::One,
            call: index,
        },
    ],
};

/// The one argument of a `METH_O` method, which the binder guarantees.
fn arg<'a, 'h>(args: Bound<'a, 'h>) -> PyResult<&'a Obj<'h>> {
    args.first()
        .and_then(Option::as_ref)
        .ok_or_else(crate::view::bad_internal_call)
}

fn count<'h>(heap: &'h Heap, r: &Range, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    range::range_count(heap, r, arg(args)?.object())
}

fn index<'h>(heap: &'h Heap, r: &Range, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    range::range_index(heap, r, arg(args)?.object())
}
