//! The iterator built-ins (`Python/bltinmodule.c`, `Objects/enumobject.c`): `enumerate`,
//! `zip`, `map`, `filter` and `reversed` make the object layer's iterator objects
//! (`pyrt_objects::types::iter::builtins`), with CPython's sizes and GC tracking; `any` and
//! `all` stop at the first item that decides.

use pyrt_objects::methods::{self, Params};
use pyrt_objects::types::iter::{builtins as it, dict as di, seq};
use pyrt_objects::types::range::RANGE_TYPE;
use pyrt_objects::types::{DICT_TYPE, LIST_TYPE, long};
use pyrt_objects::{Obj, abstract_};

use super::super::exceptions;
use super::super::{Interp, R};
use super::{arg, positional};

/// `enumerate(iterable, start=0)`, its arguments checked as `enum_vectorcall` does by hand.
pub(super) fn enumerate<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let args = positional(bound);
    let invalid = |k: &str| {
        interp.raise(
            &exceptions::TYPE_ERROR,
            format!("'{k}' is an invalid keyword argument for enumerate()"),
        )
    };
    // `enum_vectorcall`'s cases, in its order: two arguments, one, none, too many.
    let check = |i: usize, name: &str| match kwargs.get(i) {
        Some((k, _)) if k != name => Err(invalid(k)),
        _ => Ok(()),
    };
    let total = args.len() + kwargs.len();
    let mut values = args
        .into_iter()
        .chain(kwargs.iter().map(|(_, v)| v.clone()));
    let (iterable, start) = match (total, kwargs.len()) {
        (2, 0) => (values.next(), values.next()),
        (2, 1) => {
            check(0, "start")?;
            (values.next(), values.next())
        }
        (2, _) if kwargs[0].0 == "start" => {
            check(1, "iterable")?;
            let start = values.next();
            (values.next(), start)
        }
        (2, _) => {
            check(0, "iterable")?;
            check(1, "start")?;
            (values.next(), values.next())
        }
        (1, kw) => {
            if kw == 1 {
                check(0, "iterable")?;
            }
            (values.next(), None)
        }
        (n, kw) if n == kw => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "enumerate() missing required argument 'iterable'",
            ));
        }
        (n, _) => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("enumerate() takes at most 2 arguments ({n} given)"),
            ));
        }
    };
    let Some(iterable) = iterable else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "enumerate() missing required argument 'iterable'",
        ));
    };
    it::new_enumerate(
        interp.heap,
        iterable.object(),
        start.as_ref().map(Obj::object),
    )
    .map_err(|e| interp.err(e))
}

/// `zip(*iterables, strict=False)`: the keyword parsed as `zip_new` does
/// (`PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", ...)`).
pub(super) fn zip<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let strict = Params::Keywords {
        names: &["strict"],
        positional: 0,
        required: 0,
    };
    let keywords = methods::bind("", name, strict, &[], kwargs).map_err(|e| interp.err(e))?;
    let strict = match &keywords[0] {
        Some(s) => abstract_::is_true(heap, s.object()).map_err(|e| interp.err(e))?,
        None => false,
    };
    let args = positional(bound);
    // `zip` has no vectorcall in 3.12: `type_call` packs the arguments in a tuple (and the
    // keywords in a dict), alive while `zip_new` runs, which `gc.get_count()` sees.
    let _call_args =
        pyrt_objects::types::tuple::new_tuple(heap, args.clone()).map_err(|e| interp.err(e))?;
    let _call_kwargs = if kwargs.is_empty() {
        None
    } else {
        Some(pyrt_objects::types::dict::new_dict(heap).map_err(|e| interp.err(e))?)
    };
    let refs: Vec<_> = args.iter().map(Obj::object).collect();
    it::new_zip(heap, &refs, strict).map_err(|e| interp.err(e))
}

/// `map(func, *iterables)`.
pub(super) fn map<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    if !kwargs.is_empty() {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "map() takes no keyword arguments"));
    }
    let args = positional(bound);
    let Some((func, iterables)) = args.split_first() else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "map() must have at least two arguments.",
        ));
    };
    let refs: Vec<_> = iterables.iter().map(Obj::object).collect();
    it::new_map(interp.heap, func.clone(), &refs).map_err(|e| interp.err(e))
}

/// `filter(function or None, iterable)`.
pub(super) fn filter<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (func, iterable) = (arg(interp, bound, 0)?, arg(interp, bound, 1)?);
    it::new_filter(interp.heap, func, iterable.object()).map_err(|e| interp.err(e))
}

/// `reversed(sequence)` (`reversed_new_impl`): the type's `__reversed__` (a class's own, or
/// the reverse iterators of list, range and dict), else the generic reverse iterator over
/// `__len__` and `__getitem__`.
pub(super) fn reversed<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let seq = arg(interp, bound, 0)?;
    let ty = seq.ob_type();
    if pyrt_objects::types::class::is_heap_type(ty)
        && let Some(f) = interp.class_lookup(ty, "__reversed__")
    {
        // `__reversed__ = None` (as `collections.abc.Mapping` has) refuses, as CPython's.
        if pyrt_objects::numbers::is_none(f.object()) {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("'{}' object is not reversible", ty.name()),
            ));
        }
        return interp.call_special_method(f, &seq, Vec::new(), Vec::new());
    }
    if ty.is_subtype(LIST_TYPE.get()) {
        return seq::list_reversed(heap, &seq).map_err(err);
    }
    if core::ptr::eq(ty, RANGE_TYPE.get()) {
        return seq::range_iter(heap, &seq, true).map_err(err);
    }
    if let Some(d) = pyrt_objects::types::deque::Deque::cast(seq.object()) {
        return pyrt_objects::types::deque::iter::deque_reviter(heap, d).map_err(err);
    }
    if core::ptr::eq(ty, DICT_TYPE.get()) {
        return di::dict_iter(heap, &seq, di::DictIterKind::Keys, true).map_err(err);
    }
    // `dictkeys_reversed`, `dictvalues_reversed`, `dictitems_reversed`.
    let views = [
        (&super::super::objects::DICT_KEYS, di::DictIterKind::Keys),
        (
            &super::super::objects::DICT_VALUES,
            di::DictIterKind::Values,
        ),
        (&super::super::objects::DICT_ITEMS, di::DictIterKind::Items),
    ];
    for (view, kind) in views {
        if let Some(v) = view.cast(seq.object())
            && let Some(d) = v.get_ref(heap, 0)
        {
            return di::dict_iter(heap, &d, kind, true).map_err(err);
        }
    }
    let is_sequence = pyrt_objects::types::tuple::is_tuple(seq.object())
        || pyrt_objects::types::unicode::is_str(seq.object())
        || pyrt_objects::types::bytes::is_bytes(seq.object())
        || (pyrt_objects::types::class::is_heap_type(ty)
            && interp.class_lookup(ty, "__getitem__").is_some());
    if !is_sequence {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("'{}' object is not reversible", ty.name()),
        ));
    }
    let n = abstract_::sequence_len(heap, seq.object()).map_err(err)?;
    it::new_reversed(heap, seq, n).map_err(err)
}

/// `any(iterable)` (`any` true) and `all(iterable)`: the first item whose truth is `any`
/// decides.
pub(super) fn any_all<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let want = name == "any";
    let iterable = arg(interp, bound, 0)?;
    let iter = abstract_::get_iter(heap, iterable.object()).map_err(|e| interp.err(e))?;
    while let Some(x) = interp.vm_iter_next(&iter)? {
        if interp.vm_truth(&x)? == want {
            return Ok(long::new_bool(heap, want));
        }
    }
    Ok(long::new_bool(heap, !want))
}
