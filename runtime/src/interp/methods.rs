//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::set_methods::{FROZENSET_METHODS, SET_METHODS};
use pyrt_objects::types::{dict, list, long, range, set, unicode, unicode_methods};
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
    if set::is_anyset(o) {
        let r = if set::is_set(o) {
            SET_METHODS.call(interp.heap, o, name, args, kwargs)
        } else {
            FROZENSET_METHODS.call(interp.heap, o, name, args, kwargs)
        };
        return r.transpose().map_err(|e| interp.err(e));
    }
    let r = if let Some(d) = dict::Dict::cast(o) {
        dict_method(interp, obj, d, name, args, kwargs)
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
