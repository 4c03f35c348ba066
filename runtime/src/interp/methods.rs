//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::Obj;
use pyrt_objects::types::dict::methods::DICT_METHODS;
use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::{dict, list, long, range, set, set_ops, unicode, unicode_methods};

use super::exceptions;
use super::objects::{BUILTIN, DICT_ITEMS, DICT_KEYS, DICT_VALUES};
use super::{Interp, R};

/// Every method name, for bound built-in method objects.
pub(crate) const NAMES: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "copy",
    "index",
    "count",
    "reverse",
    "sort",
    "get",
    "setdefault",
    "popitem",
    "keys",
    "values",
    "items",
    "update",
    "add",
    "discard",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "split",
    "rsplit",
    "join",
    "strip",
    "lstrip",
    "rstrip",
    "upper",
    "lower",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "isdigit",
    "isalpha",
    "isspace",
    "isidentifier",
    "bit_length",
    "format",
    "is_integer",
    "fromkeys",
];

/// `obj.name` as a bound built-in method, if the type has that method.
pub(crate) fn bound<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
) -> R<'py, Option<Obj<'py>>> {
    if !NAMES.contains(&name) || !has_method(obj, name) {
        return Ok(None);
    }
    let n = interp.name_str(name)?;
    let index = super::builtins::method_index(name);
    BUILTIN
        .alloc(interp.heap, &[Some(n), Some(obj.clone())], &[index])
        .map(Some)
        .map_err(|e| interp.err(e))
}

fn has_method(obj: &Obj<'_>, name: &str) -> bool {
    let o = obj.object();
    // `frozenset` has only the methods that do not change the set.
    let set_only = ["add", "discard", "remove", "pop", "clear", "update"];
    let set_methods = [
        "copy",
        "union",
        "intersection",
        "difference",
        "symmetric_difference",
        "issubset",
        "issuperset",
        "isdisjoint",
    ];
    if list::is_list(o) {
        LIST_METHODS.has(name)
    } else if dict::is_dict(o) {
        DICT_METHODS.has(name)
    } else if set::is_anyset(o) {
        set_methods.contains(&name) || (set::is_set(o) && set_only.contains(&name))
    } else if unicode::is_str(o) {
        NAMES[27..46].contains(&name) || name == "count" || name == "index"
    } else if range::is_range(o) {
        name == "count" || name == "index"
    } else {
        long::is_int(o) && name == "bit_length"
    }
}

/// Calls method `name` of a built-in object; `None` if its type has no such method.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Option<Obj<'py>>> {
    if !has_method(obj, name) {
        return Ok(None);
    }
    let o = obj.object();
    if list::is_list(o) {
        let r = LIST_METHODS.call(interp.heap, o, name, args, kwargs);
        return r.transpose().map_err(|e| interp.err(e));
    }
    if dict::is_dict(o) {
        let r = DICT_METHODS.call(interp.heap, o, name, args, kwargs);
        return r.transpose().map_err(|e| interp.err(e));
    }
    let r = if set::is_anyset(o) {
        set_method(interp, obj, name, args)
    } else if let Some(s) = unicode::Str::cast(o) {
        str_method(interp, s, name, args)
    } else if let Some(r) = range::Range::cast(o) {
        range_method(interp, r, name, args)
    } else {
        let i = long::Int::cast_internal(o).map_err(|e| interp.err(e))?;
        let bits = long::long_value(i).bit_length();
        long::int_from_i64(interp.heap, bits as i64).map_err(|e| interp.err(e))
    };
    r.map(Some)
}

/// How `d.keys()`, `d.values()` and `d.items()` of [`DICT_METHODS`] make their views, whose
/// types are the interpreter's (it iterates them): registered by [`super::Session::new`].
pub(crate) fn new_dict_view<'h>(
    heap: &'h pyrt_objects::Heap,
    d: Obj<'h>,
    kind: dict::methods::ViewKind,
) -> pyrt_objects::PyResult<Obj<'h>> {
    let kind = match kind {
        dict::methods::ViewKind::Keys => &DICT_KEYS,
        dict::methods::ViewKind::Values => &DICT_VALUES,
        dict::methods::ViewKind::Items => &DICT_ITEMS,
    };
    kind.alloc(heap, &[Some(d)], &[])
}

fn none<'py>(interp: &Interp<'py>) -> Obj<'py> {
    pyrt_objects::types::none(interp.heap)
}

fn arity<'py>(
    interp: &Interp<'py>,
    name: &str,
    args: &[Obj<'py>],
    min: usize,
    max: usize,
) -> R<'py, ()> {
    if (min..=max).contains(&args.len()) {
        return Ok(());
    }
    let expected = if min == max {
        format!("exactly {min}")
    } else {
        format!("at most {max}")
    };
    let noun = if max == 1 { "argument" } else { "arguments" };
    Err(interp.raise(
        &exceptions::TYPE_ERROR,
        format!("{name}() takes {expected} {noun} ({} given)", args.len()),
    ))
}

fn set_method<'py>(
    interp: &Interp<'py>,
    s: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = set::AnySet::cast_internal(s.object()).map_err(|e| interp.err(e))?;
    let err = |e| interp.err(e);
    let one = |name: &str| -> R<'py, set_ops::Iterable<'_, 'py>> {
        let a = args.first().ok_or_else(|| {
            interp.raise(
                &exceptions::TYPE_ERROR,
                format!("{name}() takes exactly one argument (0 given)"),
            )
        })?;
        iterable(interp, a)
    };
    let other = |i: usize| -> R<'py, Obj<'py>> {
        let a = args.get(i).ok_or_else(|| {
            interp.raise(
                &exceptions::TYPE_ERROR,
                format!("{name}() takes exactly one argument (0 given)"),
            )
        })?;
        if set::is_anyset(a.object()) {
            return Ok(a.clone());
        }
        let items = set_ops::Iterable::Items(interp.collect(a)?);
        set_ops::frozenset_from(heap, items).map_err(err)
    };
    let b = |v: bool| Ok(long::new_bool(heap, v));
    match name {
        "copy" => set_ops::copy_method(heap, o).map_err(err),
        "union" => {
            let others = args
                .iter()
                .map(|a| iterable(interp, a))
                .collect::<R<'py, Vec<_>>>()?;
            set_ops::union_iter(heap, o, others).map_err(err)
        }
        "intersection" => set_ops::intersection_iter(heap, o, one(name)?).map_err(err),
        "difference" => set_ops::difference_iter(heap, o, one(name)?).map_err(err),
        "symmetric_difference" => {
            set_ops::symmetric_difference_iter(heap, o, one(name)?).map_err(err)
        }
        "issubset" => {
            let x = other(0)?;
            let x = set::AnySet::cast_internal(x.object()).map_err(err)?;
            b(set_ops::issubset(heap, o, x).map_err(err)?)
        }
        "issuperset" => {
            let x = other(0)?;
            let x = set::AnySet::cast_internal(x.object()).map_err(err)?;
            b(set_ops::issuperset(heap, o, x).map_err(err)?)
        }
        "isdisjoint" => {
            let x = other(0)?;
            let x = set::AnySet::cast_internal(x.object()).map_err(err)?;
            b(set_ops::isdisjoint(heap, o, x).map_err(err)?)
        }
        _ => mutable_set_method(interp, s, name, args),
    }
}

/// The methods of `set` that `frozenset` does not have.
fn mutable_set_method<'py>(
    interp: &Interp<'py>,
    s: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let Some(o) = set::Set::cast(s.object()) else {
        return Err(interp.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '{name}'", s.ob_type().name()),
        ));
    };
    match name {
        "add" => {
            arity(interp, "set.add", args, 1, 1)?;
            set::add(heap, o, args[0].clone()).map_err(err)?;
        }
        "discard" => {
            arity(interp, "set.discard", args, 1, 1)?;
            set::discard(heap, o, args[0].object()).map_err(err)?;
        }
        "remove" => {
            arity(interp, "set.remove", args, 1, 1)?;
            set::remove(heap, o, args[0].object()).map_err(err)?;
        }
        "pop" => return set::pop(heap, o).map_err(err),
        "clear" => set::clear(heap, o),
        "update" => {
            for a in args {
                set_ops::update(heap, o, iterable(interp, a)?).map_err(err)?;
            }
        }
        _ => {
            return Err(interp.raise(
                &exceptions::ATTRIBUTE_ERROR,
                format!("'set' object has no attribute '{name}'"),
            ));
        }
    }
    Ok(none(interp))
}

/// An argument of the set methods and constructors as the object layer takes it: the
/// objects it iterates itself (sets, dicts, lists, tuples) as they are, any other iterable's
/// items collected here.
pub(crate) fn iterable<'a, 'py>(
    interp: &Interp<'py>,
    a: &'a Obj<'py>,
) -> R<'py, set_ops::Iterable<'a, 'py>> {
    let o = a.object();
    let direct = set::is_anyset(o)
        || dict::is_dict(o)
        || list::is_list(o)
        || pyrt_objects::types::tuple::is_tuple(o);
    if direct {
        Ok(set_ops::Iterable::Object(o))
    } else {
        interp.collect(a).map(set_ops::Iterable::Items)
    }
}

/// `r.index(x)` and `r.count(x)`: by arithmetic for ints, O(1) whatever the range's size.
fn range_method<'py>(
    interp: &Interp<'py>,
    r: &range::Range,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    arity(interp, name, args, 1, 1)?;
    let heap = interp.heap;
    let r = if name == "index" {
        range::range_index(heap, r, args[0].object())
    } else {
        range::range_count(heap, r, args[0].object())
    };
    r.map_err(|e| interp.err(e))
}

fn str_method<'py>(
    interp: &Interp<'py>,
    o: &unicode::Str,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let a = |i: usize| args.get(i).map(Obj::object);
    let need = |i: usize| {
        a(i).ok_or_else(|| {
            interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{name}() takes at least {} argument{} ({} given)",
                    i + 1,
                    if i == 0 { "" } else { "s" },
                    args.len()
                ),
            )
        })
    };
    let r = match name {
        "format" => {
            let mut text = unicode::str_value(o);
            let mut i = 0;
            while let Some(pos) = text.find("{}") {
                let Some(v) = args.get(i) else { break };
                let v = interp.format_value(v, "")?;
                text.replace_range(pos..pos + 2, &v);
                i += 1;
            }
            unicode::new_str(heap, &text)
        }
        "split" => unicode_methods::split(heap, o, a(0), a(1)),
        "rsplit" => unicode_methods::rsplit(heap, o, a(0), a(1)),
        "join" => {
            let items = interp.collect(&need(0).map(|_| args[0].clone())?)?;
            unicode_methods::join(heap, o, &items)
        }
        "strip" => unicode_methods::strip(heap, o, a(0)),
        "lstrip" => unicode_methods::lstrip(heap, o, a(0)),
        "rstrip" => unicode_methods::rstrip(heap, o, a(0)),
        "upper" => unicode_methods::upper(heap, o),
        "lower" => unicode_methods::lower(heap, o),
        "replace" => unicode_methods::replace(heap, o, need(0)?, need(1)?, a(2)),
        "startswith" => unicode_methods::startswith(heap, o, need(0)?, a(1), a(2)),
        "endswith" => unicode_methods::endswith(heap, o, need(0)?, a(1), a(2)),
        "find" => unicode_methods::find(heap, o, need(0)?, a(1), a(2)),
        "rfind" => unicode_methods::rfind(heap, o, need(0)?, a(1), a(2)),
        "index" => unicode_methods::index(heap, o, need(0)?, a(1), a(2)),
        "count" => unicode_methods::count(heap, o, need(0)?, a(1), a(2)),
        "isdigit" => unicode_methods::isdigit(heap, o),
        "isalpha" => unicode_methods::isalpha(heap, o),
        "isspace" => unicode_methods::isspace(heap, o),
        "isidentifier" => unicode_methods::isidentifier(heap, o),
        _ => {
            return Err(interp.raise(
                &exceptions::ATTRIBUTE_ERROR,
                format!("'str' object has no attribute '{name}'"),
            ));
        }
    };
    r.map_err(|e| interp.err(e))
}
