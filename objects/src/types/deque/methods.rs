//! The methods of `collections.deque` (`deque_methods` in `Modules/_collectionsmodule.c`, in
//! its order), with CPython 3.12's argument conventions: `METH_O` and `METH_NOARGS` methods,
//! `index` and `insert` parsed by `_PyArg_ParseStack` (`index() takes at least 1 argument`),
//! `rotate` by `_PyArg_CheckPositional` (`deque.rotate expected at most 1 argument, got 2`).

use crate::error::{ExcKind, PyResult};
use crate::heap::Heap;
use crate::methods::{
    Bound, MethodDef, MethodTable, Params, arg, check_positional, opt, slice_index_arg, ssize_arg,
};
use crate::obj::Obj;
use crate::types::deque::{self as dq, Deque};
use crate::types::{dict, long, none, tuple};

macro_rules! def {
    ($name:literal, $params:expr, $call:expr) => {
        MethodDef {
            name: $name,
            params: $params,
            call: $call,
        }
    };
}

/// `collections.deque`'s methods.
pub static DEQUE_METHODS: MethodTable<Deque> = MethodTable {
    type_name: "deque",
    methods: &[
        def!("append", Params::One, append),
        def!("appendleft", Params::One, appendleft),
        def!("clear", Params::NoArgs, clear),
        def!("__copy__", Params::NoArgs, copy),
        def!("copy", Params::NoArgs, copy),
        def!("count", Params::One, count),
        def!("extend", Params::One, extend),
        def!("extendleft", Params::One, extendleft),
        def!("index", Params::VarArgs { min: 1, max: 3 }, index),
        def!("insert", Params::VarArgs { min: 2, max: 2 }, insert),
        def!("pop", Params::NoArgs, pop),
        def!("popleft", Params::NoArgs, popleft),
        def!("__reduce__", Params::NoArgs, reduce),
        def!("remove", Params::One, remove),
        def!("__reversed__", Params::NoArgs, reversed),
        def!("reverse", Params::NoArgs, reverse),
        def!("rotate", Params::AnyArgs, rotate),
        def!("__sizeof__", Params::NoArgs, sizeof),
    ],
};

fn append<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::append(heap, d, arg(args, 0)?.clone())?;
    Ok(none(heap))
}

fn appendleft<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::appendleft(heap, d, arg(args, 0)?.clone())?;
    Ok(none(heap))
}

fn clear<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::clear(heap, d);
    Ok(none(heap))
}

fn copy<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::copy(heap, d)
}

fn count<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let n = dq::count(heap, d, arg(args, 0)?.object())?;
    long::int_from_i64(heap, n as i64)
}

fn extend<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::extend(heap, d, arg(args, 0)?.object())?;
    Ok(none(heap))
}

fn extendleft<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::extendleft(heap, d, arg(args, 0)?.object())?;
    Ok(none(heap))
}

/// `index(value, [start, [stop]])`: the bounds as `_PyEval_SliceIndexNotNone` reads them.
fn index<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let bound = |i: usize, default: isize| match opt(args, i) {
        Some(a) => slice_index_arg(a.object()),
        None => Ok(default),
    };
    let (start, stop) = (bound(1, 0)?, bound(2, isize::MAX)?);
    let i = dq::index(heap, d, arg(args, 0)?.object(), start, stop)?;
    long::int_from_i64(heap, i as i64)
}

fn insert<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let i = ssize_arg(arg(args, 0)?.object())?;
    dq::insert(heap, d, i, arg(args, 1)?.clone())?;
    Ok(none(heap))
}

fn pop<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::pop(heap, d)
}

fn popleft<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::popleft(heap, d)
}

/// `deque___reduce__`: `(type(d), (), state, iter(d))`, or `(type(d), ((), maxlen), state,
/// iter(d))` for a bounded deque. The state is the instance dict of a subclass instance that
/// has attributes, else `None` (what `object.__getstate__` gives without `__slots__`).
fn reduce<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let state = match crate::abstract_::getattr(heap, d, "__dict__") {
        Ok(v) if dict::Dict::cast(v.object()).is_some_and(|m| dict::dict_len(m) > 0) => v,
        Ok(_) => none(heap),
        Err(e) if e.kind() == ExcKind::AttributeError => none(heap),
        Err(e) => return Err(e),
    };
    let it = dq::iter::deque_iter(heap, d)?;
    // SAFETY: a live object's type is alive while the object is.
    let ty = unsafe { Obj::from_borrowed(heap, &d.ob_type().ob_base.ob_base) };
    let empty = tuple::new_tuple(heap, Vec::new())?;
    let args = match dq::maxlen(d) {
        None => empty,
        Some(m) => tuple::new_tuple(heap, vec![empty, long::int_from_i64(heap, m as i64)?])?,
    };
    tuple::new_tuple(heap, vec![ty, args, state, it])
}

fn remove<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::remove(heap, d, arg(args, 0)?.object())?;
    Ok(none(heap))
}

fn reversed<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::iter::deque_reviter(heap, d)
}

fn reverse<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    dq::reverse(d);
    Ok(none(heap))
}

/// `rotate(n=1, /)`, whose count check names the type (`_PyArg_CheckPositional("deque.rotate",
/// ...)`).
fn rotate<'h>(heap: &'h Heap, d: &Deque, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    check_positional("deque.rotate", args.len(), 0, 1)?;
    let n = match opt(args, 0) {
        Some(a) => ssize_arg(a.object())?,
        None => 1,
    };
    dq::rotate(heap, d, n)?;
    Ok(none(heap))
}

fn sizeof<'h>(heap: &'h Heap, d: &Deque, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, dq::deque_sizeof(d) as i64)
}
