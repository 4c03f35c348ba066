//! The methods of `range` (`range_methods` in `Objects/rangeobject.c`): `count` and `index`,
//! both `METH_O`, declared once here and calling [`range::range_count`] and
//! [`range::range_index`], which answer by arithmetic for ints whatever the range's size.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg};
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
        MethodDef {
            name: "__reversed__",
            params: Params::NoArgs,
            call: reversed,
        },
    ],
};

fn count<'h>(heap: &'h Heap, r: &Range, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    range::range_count(heap, r, arg(args, 0)?.object())
}

fn index<'h>(heap: &'h Heap, r: &Range, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    range::range_index(heap, r, arg(args, 0)?.object())
}

/// `range___reversed__`: a reverse iterator over the range.
fn reversed<'h>(heap: &'h Heap, r: &Range, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    use crate::view::View;
    // SAFETY: `r` is a live range of this heap.
    let r = unsafe { Obj::from_borrowed(heap, r.as_object()) };
    crate::types::iter::seq::range_iter(heap, &r, true)
}
