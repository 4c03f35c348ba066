//! The methods of `list` (`list_methods` in `Objects/listobject.c`, with the argument handling
//! of `Objects/clinic/listobject.c.h`): declared once here, called by the interpreter for
//! `l.append(x)` and bound methods alike. The Rust API calls the same functions of
//! [`list`] and [`list_sort`] that these entries call.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, slice_index_arg, ssize_arg};
use crate::obj::Obj;
use crate::typeobj::CompareOp;
use crate::types::list::{self, List};
use crate::types::{list_sort, none, tuple};
use crate::{abstract_, view::View};

/// `list`'s methods.
pub static LIST_METHODS: MethodTable<List> = MethodTable {
    type_name: "list",
    methods: &[
        MethodDef {
            name: "append",
            params: Params::One,
            call: append,
        },
        MethodDef {
            name: "extend",
            params: Params::One,
            call: extend,
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
            name: "index",
            params: Params::Positional { min: 1, max: 3 },
            call: index,
        },
        MethodDef {
            name: "count",
            params: Params::One,
            call: count,
        },
        MethodDef {
            name: "reverse",
            params: Params::NoArgs,
            call: reverse,
        },
        MethodDef {
            name: "sort",
            params: Params::Keywords {
                names: &["key", "reverse"],
                positional: 0,
                required: 0,
            },
            call: sort,
        },
        MethodDef {
            name: "__reversed__",
            params: Params::NoArgs,
            call: reversed,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

fn append<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    list::append(heap, l, arg(args, 0)?.clone())?;
    Ok(none(heap))
}

fn extend<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    extend_from(heap, l, arg(args, 0)?)?;
    Ok(none(heap))
}

/// `list_extend`: a list or tuple (the list itself included) is copied up front; any other
/// iterable is walked item by item after room for its length hint (8 without one) is made.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, what iterating raises, or `MemoryError`.
pub fn extend_from<'h>(heap: &'h Heap, l: &List, iterable: &Obj<'h>) -> PyResult<()> {
    let o = iterable.object();
    if (List::is_type_of(o) || tuple::is_tuple(o))
        && !crate::types::builtin_subclass::iterates_itself(heap, o)
    {
        let items = list::borrowed_items(heap, o)?;
        return list::extend_sized(heap, l, items);
    }
    // The room for the length hint is made once the iterator exists, as `list_extend` does:
    // extending by a non-iterable leaves the list as it was.
    let grow = core::cell::RefCell::new(None);
    abstract_::for_each_started(
        heap,
        o,
        || {
            let hint = abstract_::length_hint(heap, o, 8)?;
            *grow.borrow_mut() = Some(list::ExtendIter::begin(heap, l, hint)?);
            Ok(())
        },
        |item| {
            let mut grow = grow.borrow_mut();
            let grow = grow.as_mut().ok_or_else(crate::view::bad_internal_call)?;
            grow.push(item).map(|()| true)
        },
    )?;
    match grow.into_inner() {
        Some(grow) => grow.end(),
        None => Err(crate::view::bad_internal_call()),
    }
}

fn insert<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let i = ssize_arg(arg(args, 0)?.object())?;
    list::insert(heap, l, i, arg(args, 1)?.clone())?;
    Ok(none(heap))
}

fn pop<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let i = match &args[0] {
        Some(a) => Some(ssize_arg(a.object())?),
        None => None,
    };
    list::pop(heap, l, i)
}

/// `list_remove`: the first item that is `value` or `== value` goes.
fn remove<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let value = arg(args, 0)?.object();
    let mut i = 0;
    while i < list::list_len(l) {
        let item = list::get_item(heap, l, i as isize)?;
        let found = core::ptr::eq(item.object(), value)
            || abstract_::compare_bool(heap, item.object(), value, CompareOp::Eq)?;
        // As `list_remove`: the item is released first (its `__del__` may change the list),
        // then `l[i:i+1]` is deleted, clamped to the list as it is now (nothing when the
        // comparison emptied it).
        drop(item);
        if found {
            if i < list::list_len(l) {
                list::del_item(heap, l, i as isize)?;
            }
            return Ok(none(heap));
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn clear<'h>(heap: &'h Heap, l: &List, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    list::clear(heap, l);
    Ok(none(heap))
}

fn copy<'h>(heap: &'h Heap, l: &List, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    list::slice(heap, l, 0, list::list_len(l))
}

fn index<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let bound = |i: usize, default: isize| match &args[i] {
        Some(a) => slice_index_arg(a.object()),
        None => Ok(default),
    };
    let (start, stop) = (
        bound(1, list_sort::INDEX_START)?,
        bound(2, list_sort::INDEX_STOP)?,
    );
    list_sort::index(heap, l, arg(args, 0)?.object(), start, stop)
}

fn count<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    list_sort::count(heap, l, arg(args, 0)?.object())
}

fn reverse<'h>(heap: &'h Heap, l: &List, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    list_sort::reverse(l)?;
    Ok(none(heap))
}

/// `list.sort(*, key=None, reverse=False)`: the key function runs once per item while the list
/// is empty, as in CPython.
fn sort<'h>(heap: &'h Heap, l: &List, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let key = args[0]
        .as_ref()
        .filter(|k| !core::ptr::eq(k.ob_type(), crate::types::NONE_TYPE.get()));
    let reverse = match &args[1] {
        Some(r) => abstract_::is_true(heap, r.object())?,
        None => false,
    };
    match key {
        None => list_sort::sort(heap, l, reverse)?,
        Some(f) => list_sort::sort_with_key(
            heap,
            l,
            &mut |item| abstract_::call_object(heap, f.object(), &[item]),
            reverse,
        )?,
    }
    Ok(none(heap))
}

/// `list___reversed__`: a reverse iterator over the list.
fn reversed<'h>(heap: &'h Heap, l: &List, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    // SAFETY: `l` is a live list of this heap.
    let l = unsafe { Obj::from_borrowed(heap, l.as_object()) };
    crate::types::iter::seq::list_reversed(heap, &l)
}

/// `list___sizeof__`: the header and the allocated item array.
fn sizeof<'h>(heap: &'h Heap, l: &List, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::long::int_from_i128(heap, crate::abstract_::sizeof(l.as_object()) as i128)
}
