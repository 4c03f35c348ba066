//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::types::float_methods::FLOAT_METHODS;
use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::long_methods::INT_METHODS;
use pyrt_objects::types::range_methods::RANGE_METHODS;
use pyrt_objects::types::set_methods::{FROZENSET_METHODS, SET_METHODS};
use pyrt_objects::types::str_methods::STR_METHODS;
use pyrt_objects::types::{dict, float, list, long, range, set, unicode};
use pyrt_objects::{Obj, abstract_};

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
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
    "rindex",
    "conjugate",
    "bit_count",
    "as_integer_ratio",
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
    let dict_methods = [
        "get",
        "setdefault",
        "pop",
        "popitem",
        "keys",
        "values",
        "items",
        "update",
        "clear",
        "copy",
    ];
    if list::is_list(o) {
        LIST_METHODS.has(name)
    } else if dict::is_dict(o) {
        dict_methods.contains(&name)
    } else if set::is_set(o) {
        SET_METHODS.has(name)
    } else if set::is_anyset(o) {
        FROZENSET_METHODS.has(name)
    } else if unicode::is_str(o) {
        STR_METHODS.has(name)
    } else if range::is_range(o) {
        RANGE_METHODS.has(name)
    } else if float::is_float(o) {
        FLOAT_METHODS.has(name)
    } else {
        long::is_int(o) && INT_METHODS.has(name)
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
    let (o, heap) = (obj.object(), interp.heap);
    let table = if list::is_list(o) {
        LIST_METHODS.call(heap, o, name, args, kwargs)
    } else if unicode::is_str(o) {
        STR_METHODS.call(heap, o, name, args, kwargs)
    } else if long::is_int(o) {
        INT_METHODS.call(heap, o, name, args, kwargs)
    } else if float::is_float(o) {
        FLOAT_METHODS.call(heap, o, name, args, kwargs)
    } else if range::is_range(o) {
        RANGE_METHODS.call(heap, o, name, args, kwargs)
    } else if set::is_set(o) {
        SET_METHODS.call(heap, o, name, args, kwargs)
    } else if set::is_anyset(o) {
        FROZENSET_METHODS.call(heap, o, name, args, kwargs)
    } else {
        None
    };
    if let Some(r) = table {
        return r.map(Some).map_err(|e| interp.err(e));
    }
    match dict::Dict::cast(o) {
        Some(d) => dict_method(interp, obj, d, name, args, kwargs).map(Some),
        None => Ok(None),
    }
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

fn dict_method<'py>(
    interp: &Interp<'py>,
    d: &Obj<'py>,
    o: &dict::Dict,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    if !kwargs.is_empty() && name != "update" {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("dict.{name}() takes no keyword arguments"),
        ));
    }
    match name {
        "get" => {
            arity(interp, "get", args, 1, 2)?;
            let v = dict::get_item(heap, o, args[0].object()).map_err(err)?;
            Ok(v.unwrap_or_else(|| args.get(1).cloned().unwrap_or_else(|| none(interp))))
        }
        "setdefault" => {
            arity(interp, "setdefault", args, 1, 2)?;
            if let Some(v) = dict::get_item(heap, o, args[0].object()).map_err(err)? {
                return Ok(v);
            }
            let v = args.get(1).cloned().unwrap_or_else(|| none(interp));
            dict::set_item(heap, o, args[0].clone(), v.clone()).map_err(err)?;
            Ok(v)
        }
        "pop" => {
            arity(interp, "pop", args, 1, 2)?;
            match dict::get_item(heap, o, args[0].object()).map_err(err)? {
                Some(v) => {
                    dict::del_item(heap, o, args[0].object()).map_err(err)?;
                    Ok(v)
                }
                None => match args.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => {
                        let r = abstract_::repr(heap, args[0].object()).map_err(err)?;
                        Err(interp
                            .err(pyrt_objects::PyErr::new(pyrt_objects::ExcKind::KeyError, r)))
                    }
                },
            }
        }
        "popitem" => {
            let Some((k, v)) = dict::items(heap, o).map_err(err)?.pop() else {
                return Err(interp.err(pyrt_objects::PyErr::new(
                    pyrt_objects::ExcKind::KeyError,
                    "'popitem(): dictionary is empty'",
                )));
            };
            dict::del_item(heap, o, k.object()).map_err(err)?;
            pyrt_objects::types::tuple::new_tuple(heap, vec![k, v]).map_err(err)
        }
        "keys" => DICT_KEYS.alloc(heap, &[Some(d.clone())], &[]).map_err(err),
        "values" => DICT_VALUES
            .alloc(heap, &[Some(d.clone())], &[])
            .map_err(err),
        "items" => DICT_ITEMS.alloc(heap, &[Some(d.clone())], &[]).map_err(err),
        "update" => {
            dict_update(interp, o, "update", args, kwargs)?;
            Ok(none(interp))
        }
        "clear" => {
            dict::clear(heap, o);
            Ok(none(interp))
        }
        "copy" => dict::copy(heap, o).map_err(err),
        _ => Err(interp.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("'dict' object has no attribute '{name}'"),
        )),
    }
}

/// `dict_update_common` (`d.update(...)`, `dict(...)`): at most one positional argument,
/// merged by [`dict_update_arg`], then the keyword arguments in order.
pub(crate) fn dict_update<'py>(
    interp: &Interp<'py>,
    d: &dict::Dict,
    method: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, ()> {
    if args.len() > 1 {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{method} expected at most 1 argument, got {}", args.len()),
        ));
    }
    if let Some(arg) = args.first() {
        dict_update_arg(interp, d, arg)?;
    }
    for (k, v) in kwargs {
        let k = interp.name_str(k)?;
        dict::set_item(interp.heap, d, k, v.clone()).map_err(|e| interp.err(e))?;
    }
    Ok(())
}

/// `dict_update_arg`: a dict merges as a mapping (`PyDict_Merge`); anything else is an
/// iterable of pairs (`PyDict_MergeFromSeq2`), each element made a sequence as
/// `PySequence_Fast` does. (pyrt's mappings are its dicts: a class cannot define
/// `__getitem__`, so the `keys()` protocol has nothing else to find.)
pub(crate) fn dict_update_arg<'py>(
    interp: &Interp<'py>,
    d: &dict::Dict,
    arg: &Obj<'py>,
) -> R<'py, ()> {
    if let Some(source) = dict::Dict::cast(arg.object()) {
        return dict::merge(interp.heap, d, source).map_err(|e| interp.err(e));
    }
    let mut it = interp.iter(arg)?;
    let elements = core::iter::from_fn(|| match it.next(interp) {
        Ok(Some(element)) => Some(sequence_fast(interp, &element)),
        Ok(None) => None,
        Err(u) => Some(Err(u)),
    });
    dict::merge_from_seq2(interp.heap, d, elements, |e| interp.err(e))
}

/// `PySequence_Fast(o)`: the items of `o`, or `None` when collecting them raised `TypeError`
/// (the caller gives its own message).
fn sequence_fast<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, Option<Vec<Obj<'py>>>> {
    match interp.collect(o) {
        Ok(items) => Ok(Some(items)),
        Err(super::Unwind::Raise(r))
            if r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get()) =>
        {
            Ok(None)
        }
        Err(u) => Err(u),
    }
}
