//! The methods of `set` and `frozenset` (`set_methods` and `frozenset_methods` in
//! `Objects/setobject.c`): declared once here, called by the interpreter for `s.add(x)` and
//! bound methods alike. The Rust API calls the same functions of [`set`] and
//! [`set_ops`] that these entries call.
//!
//! CPython gives these methods no Argument Clinic: `add`, `discard`, `remove`, `issubset`,
//! `issuperset`, `isdisjoint` and the symmetric differences are `METH_O`; `update`, `union`,
//! `intersection`, `difference` and their `_update` forms take `*others` (`METH_VARARGS`,
//! none required: `s.union()` is a copy); `pop`, `clear` and `copy` are `METH_NOARGS`.
//! `frozenset` shares the non-mutating ones, except `copy` (`frozenset_copy`: an exact
//! frozenset is its own copy).

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::set::{self, AnySet, Set};
use crate::types::{long, none, set_ops};
use crate::view::View;

/// `set`'s methods, in CPython's order.
pub static SET_METHODS: MethodTable<Set> = MethodTable {
    type_name: "set",
    methods: &[
        MethodDef {
            name: "add",
            params: Params::One,
            call: add,
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
            name: "discard",
            params: Params::One,
            call: discard,
        },
        MethodDef {
            name: "difference",
            params: Params::AnyArgs,
            call: difference::<Set>,
        },
        MethodDef {
            name: "difference_update",
            params: Params::AnyArgs,
            call: difference_update,
        },
        MethodDef {
            name: "intersection",
            params: Params::AnyArgs,
            call: intersection::<Set>,
        },
        MethodDef {
            name: "intersection_update",
            params: Params::AnyArgs,
            call: intersection_update,
        },
        MethodDef {
            name: "isdisjoint",
            params: Params::One,
            call: isdisjoint::<Set>,
        },
        MethodDef {
            name: "issubset",
            params: Params::One,
            call: issubset::<Set>,
        },
        MethodDef {
            name: "issuperset",
            params: Params::One,
            call: issuperset::<Set>,
        },
        MethodDef {
            name: "pop",
            params: Params::NoArgs,
            call: pop,
        },
        MethodDef {
            name: "remove",
            params: Params::One,
            call: remove,
        },
        MethodDef {
            name: "symmetric_difference",
            params: Params::One,
            call: symmetric_difference::<Set>,
        },
        MethodDef {
            name: "symmetric_difference_update",
            params: Params::One,
            call: symmetric_difference_update,
        },
        MethodDef {
            name: "union",
            params: Params::AnyArgs,
            call: union::<Set>,
        },
        MethodDef {
            name: "update",
            params: Params::AnyArgs,
            call: update,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

/// `frozenset`'s methods, in CPython's order.
pub static FROZENSET_METHODS: MethodTable<AnySet> = MethodTable {
    type_name: "frozenset",
    methods: &[
        MethodDef {
            name: "copy",
            params: Params::NoArgs,
            call: frozenset_copy,
        },
        MethodDef {
            name: "difference",
            params: Params::AnyArgs,
            call: difference::<AnySet>,
        },
        MethodDef {
            name: "intersection",
            params: Params::AnyArgs,
            call: intersection::<AnySet>,
        },
        MethodDef {
            name: "isdisjoint",
            params: Params::One,
            call: isdisjoint::<AnySet>,
        },
        MethodDef {
            name: "issubset",
            params: Params::One,
            call: issubset::<AnySet>,
        },
        MethodDef {
            name: "issuperset",
            params: Params::One,
            call: issuperset::<AnySet>,
        },
        MethodDef {
            name: "symmetric_difference",
            params: Params::One,
            call: symmetric_difference::<AnySet>,
        },
        MethodDef {
            name: "union",
            params: Params::AnyArgs,
            call: union::<AnySet>,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: frozenset_sizeof,
        },
    ],
};

/// The receiver as a view of any set: the methods `set` and `frozenset` share take either.
trait AsAnySet {
    fn any(&self) -> &AnySet;
}

impl AsAnySet for Set {
    fn any(&self) -> &AnySet {
        self.as_any()
    }
}

impl AsAnySet for AnySet {
    fn any(&self) -> &AnySet {
        self
    }
}

/// All the arguments of a `METH_VARARGS` method.
fn others<'a>(args: Bound<'a, '_>) -> PyResult<Vec<&'a PyObject>> {
    (0..args.len())
        .map(|i| arg(args, i).map(Obj::object))
        .collect()
}

fn add<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let key = args
        .first()
        .cloned()
        .flatten()
        .ok_or_else(crate::view::bad_internal_call)?;
    set::add(heap, s, key)?;
    Ok(none(heap))
}

fn clear<'h>(heap: &'h Heap, s: &Set, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set::clear(heap, s);
    Ok(none(heap))
}

/// `set_copy`: a new set (of a subclass's base kind).
fn copy<'h>(heap: &'h Heap, s: &Set, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::copy(heap, s.as_any())
}

/// `frozenset_copy`: an exact frozenset is its own copy.
fn frozenset_copy<'h>(heap: &'h Heap, s: &AnySet, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::copy_method(heap, s)
}

fn discard<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set::discard(heap, s, arg(args, 0)?.object())?;
    Ok(none(heap))
}

fn remove<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set::remove(heap, s, arg(args, 0)?.object())?;
    Ok(none(heap))
}

fn pop<'h>(heap: &'h Heap, s: &Set, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set::pop(heap, s)
}

/// `set_update`: each argument in turn.
fn update<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    for other in others(args)? {
        set_ops::update(heap, s, other)?;
    }
    Ok(none(heap))
}

fn union<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::union(heap, s.any(), &others(args)?)
}

fn intersection<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::intersection_multi(heap, s.any(), &others(args)?)
}

fn intersection_update<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::intersection_update_multi(heap, s, &others(args)?)?;
    Ok(none(heap))
}

fn difference<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    set_ops::difference_multi(heap, s.any(), &others(args)?)
}

/// `set_difference_update`: each argument in turn.
fn difference_update<'h>(heap: &'h Heap, s: &Set, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    for other in others(args)? {
        set_ops::difference_update(heap, s, other)?;
    }
    Ok(none(heap))
}

fn symmetric_difference<'h, S: AsAnySet>(
    heap: &'h Heap,
    s: &S,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    set_ops::symmetric_difference(heap, s.any(), arg(args, 0)?.object())
}

fn symmetric_difference_update<'h>(
    heap: &'h Heap,
    s: &Set,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    set_ops::symmetric_difference_update(heap, s, arg(args, 0)?.object())?;
    Ok(none(heap))
}

fn issubset<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(long::new_bool(
        heap,
        set_ops::issubset(heap, s.any(), arg(args, 0)?.object())?,
    ))
}

fn issuperset<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(long::new_bool(
        heap,
        set_ops::issuperset(heap, s.any(), arg(args, 0)?.object())?,
    ))
}

fn isdisjoint<'h, S: AsAnySet>(heap: &'h Heap, s: &S, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(long::new_bool(
        heap,
        set_ops::isdisjoint(heap, s.any(), arg(args, 0)?.object())?,
    ))
}

/// `set___sizeof__`: the header, and the hash table when it is not the inline one.
fn sizeof<'h>(heap: &'h Heap, s: &Set, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i128(heap, crate::abstract_::sizeof(s.as_object()) as i128)
}

/// `set___sizeof__` of a frozenset.
fn frozenset_sizeof<'h>(heap: &'h Heap, s: &AnySet, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i128(heap, crate::abstract_::sizeof(s.as_object()) as i128)
}
