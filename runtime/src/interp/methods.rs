//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::types::{
    dict, list, list_sort, long, range, set, set_ops, unicode, unicode_methods,
};
use pyrt_objects::{Obj, PyResult, abstract_};

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
    let list_methods = [
        "append", "extend", "insert", "pop", "remove", "clear", "copy", "index", "count",
        "reverse", "sort",
    ];
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
    let set_methods = [
        "add",
        "discard",
        "remove",
        "pop",
        "clear",
        "copy",
        "update",
        "union",
        "intersection",
        "difference",
        "symmetric_difference",
        "issubset",
        "issuperset",
        "isdisjoint",
    ];
    if list::is_list(o) {
        list_methods.contains(&name)
    } else if dict::is_dict(o) {
        dict_methods.contains(&name)
    } else if set::is_anyset(o) {
        set_methods.contains(&name)
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
    let r = if list::is_list(o) {
        list_method(interp, obj, name, args, kwargs)
    } else if dict::is_dict(o) {
        dict_method(interp, obj, name, args)
    } else if set::is_anyset(o) {
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

fn list_method<'py>(
    interp: &Interp<'py>,
    l: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = list::List::cast_internal(l.object()).map_err(|e| interp.err(e))?;
    let e = |r: PyResult<()>| r.map(|_| none(interp)).map_err(|e| interp.err(e));
    match name {
        "append" => {
            arity(interp, "list.append", args, 1, 1)?;
            e(list::append(heap, o, args[0].clone()))
        }
        "extend" => {
            arity(interp, "list.extend", args, 1, 1)?;
            let items = interp.collect(&args[0])?;
            let sized = list::is_list(args[0].object())
                || pyrt_objects::types::tuple::is_tuple(args[0].object());
            if sized {
                e(list::extend_sized(heap, o, items))
            } else {
                let hint = abstract_::len(args[0].object()).ok();
                e(list::extend_iter(heap, o, items.into_iter().map(Ok), hint))
            }
        }
        "insert" => {
            arity(interp, "insert", args, 2, 2)?;
            let i = interp.index(&args[0], "list")?;
            e(list::insert(heap, o, i, args[1].clone()))
        }
        "pop" => {
            arity(interp, "pop", args, 0, 1)?;
            let i = match args.first() {
                Some(a) => Some(interp.index(a, "list")?),
                None => None,
            };
            list::pop(heap, o, i).map_err(|e| interp.err(e))
        }
        "remove" => {
            arity(interp, "list.remove", args, 1, 1)?;
            let i = list_sort::index(
                heap,
                o,
                args[0].object(),
                list_sort::INDEX_START,
                list_sort::INDEX_STOP,
            )
            .map_err(|_| interp.raise(&exceptions::VALUE_ERROR, "list.remove(x): x not in list"))?;
            let i = long::object_as_i64(i.object()).unwrap_or(0) as isize;
            e(list::del_item(heap, o, i))
        }
        "clear" => {
            list::clear(heap, o);
            Ok(none(interp))
        }
        "copy" => list::slice(heap, o, 0, list::list_len(o)).map_err(|e| interp.err(e)),
        "index" => {
            arity(interp, "index", args, 1, 1)?;
            list_sort::index(
                heap,
                o,
                args[0].object(),
                list_sort::INDEX_START,
                list_sort::INDEX_STOP,
            )
            .map_err(|e| interp.err(e))
        }
        "count" => {
            arity(interp, "list.count", args, 1, 1)?;
            list_sort::count(heap, o, args[0].object()).map_err(|e| interp.err(e))
        }
        "reverse" => e(list_sort::reverse(o)),
        "sort" => list_sort_method(interp, o, args, kwargs),
        _ => Err(interp.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("'list' object has no attribute '{name}'"),
        )),
    }
}

/// `list.sort(*, key=None, reverse=False)`: the key function runs once per item while the list
/// is empty, as in CPython.
fn list_sort_method<'py>(
    interp: &Interp<'py>,
    o: &list::List,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    if !args.is_empty() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "sort() takes no positional arguments",
        ));
    }
    let (mut key, mut reverse) = (None, false);
    for (k, v) in kwargs {
        match k.as_str() {
            "key" => {
                key = (!core::ptr::eq(v.ob_type(), pyrt_objects::types::NONE_TYPE.get()))
                    .then_some(v);
            }
            "reverse" => {
                reverse = abstract_::is_true(heap, v.object()).map_err(|e| interp.err(e))?;
            }
            _ => {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("'{k}' is an invalid keyword argument for sort()"),
                ));
            }
        }
    }
    let sorted = match key {
        None => list_sort::sort(heap, o, reverse),
        Some(f) => {
            // The key function's exception is kept aside and re-raised as it was.
            let raised = core::cell::RefCell::new(None);
            let r = list_sort::sort_with_key(
                heap,
                o,
                &mut |item| {
                    // SAFETY: an item of the list being sorted, alive for the call.
                    let item = unsafe { Obj::from_borrowed(heap, item) };
                    interp.call(f, vec![item], Vec::new()).map_err(|u| {
                        *raised.borrow_mut() = Some(u);
                        pyrt_objects::PyErr::new(pyrt_objects::ExcKind::RuntimeError, "")
                    })
                },
                reverse,
            );
            if let Some(u) = raised.into_inner() {
                return Err(u);
            }
            r
        }
    };
    sorted.map(|()| none(interp)).map_err(|e| interp.err(e))
}

fn dict_method<'py>(
    interp: &Interp<'py>,
    d: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = d.object();
    let err = |e| interp.err(e);
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
            let Some((k, v)) = dict::items(heap, o).pop() else {
                return Err(interp.err(pyrt_objects::PyErr::new(
                    pyrt_objects::ExcKind::KeyError,
                    "'popitem(): dictionary is empty'",
                )));
            };
            // SAFETY: the dict holds the key and value until they are deleted below.
            let (k, v) = unsafe {
                (
                    Obj::from_borrowed(heap, k.as_ref()),
                    Obj::from_borrowed(heap, v.as_ref()),
                )
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
            arity(interp, "update", args, 1, 1)?;
            dict::merge(heap, o, args[0].object()).map_err(err)?;
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

fn set_method<'py>(
    interp: &Interp<'py>,
    s: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = s.object();
    let err = |e| interp.err(e);
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
        let f = set::new_frozenset(heap).map_err(err)?;
        for x in interp.collect(a)? {
            set::add(heap, f.object(), x).map_err(err)?;
        }
        Ok(f)
    };
    let b = |v: bool| Ok(long::new_bool(heap, v));
    match name {
        "add" => {
            arity(interp, "set.add", args, 1, 1)?;
            set::add(heap, o, args[0].clone()).map_err(err)?;
            Ok(none(interp))
        }
        "discard" => {
            arity(interp, "set.discard", args, 1, 1)?;
            set::discard(heap, o, args[0].object()).map_err(err)?;
            Ok(none(interp))
        }
        "remove" => {
            arity(interp, "set.remove", args, 1, 1)?;
            set::remove(heap, o, args[0].object()).map_err(err)?;
            Ok(none(interp))
        }
        "pop" => set::pop(heap, o).map_err(err),
        "clear" => {
            set::clear(heap, o);
            Ok(none(interp))
        }
        "copy" => set_ops::copy(heap, o).map_err(err),
        "update" => {
            for a in args {
                add_all(interp, o, a)?;
            }
            Ok(none(interp))
        }
        "union" => {
            let r = set_ops::copy(heap, o).map_err(err)?;
            for a in args {
                add_all(interp, r.object(), a)?;
            }
            Ok(r)
        }
        "intersection" => {
            let a = args.first().ok_or_else(|| {
                interp.raise(
                    &exceptions::TYPE_ERROR,
                    "intersection() takes exactly one argument (0 given)",
                )
            })?;
            if set::is_anyset(a.object()) {
                return set_ops::intersection(heap, o, a.object()).map_err(err);
            }
            // `set_intersection` over an iterable: common items in the iterable's order.
            let r = if set::is_frozenset(o) {
                set::new_frozenset(heap)
            } else {
                set::new_set(heap)
            }
            .map_err(err)?;
            for x in interp.collect(a)? {
                if set::contains(heap, o, x.object()).map_err(err)? {
                    set::add(heap, r.object(), x).map_err(err)?;
                }
            }
            Ok(r)
        }
        "difference" => {
            let a = args.first().ok_or_else(|| {
                interp.raise(
                    &exceptions::TYPE_ERROR,
                    "difference() takes exactly one argument (0 given)",
                )
            })?;
            if set::is_anyset(a.object()) {
                return set_ops::difference(heap, o, a.object()).map_err(err);
            }
            let r = set_ops::copy(heap, o).map_err(err)?;
            for x in interp.collect(a)? {
                set::discard(heap, r.object(), x.object()).map_err(err)?;
            }
            Ok(r)
        }
        "symmetric_difference" => {
            let a = args.first().ok_or_else(|| {
                interp.raise(
                    &exceptions::TYPE_ERROR,
                    "symmetric_difference() takes exactly one argument (0 given)",
                )
            })?;
            if set::is_anyset(a.object()) {
                return set_ops::symmetric_difference(heap, o, a.object()).map_err(err);
            }
            // The iterable's items, one by one, into a set of `o`'s kind, updated with `o`.
            let r = if set::is_frozenset(o) {
                set::new_frozenset(heap)
            } else {
                set::new_set(heap)
            }
            .map_err(err)?;
            add_all(interp, r.object(), a)?;
            set_ops::symmetric_difference_update(heap, r.object(), o).map_err(err)?;
            Ok(r)
        }
        "issubset" => b(set_ops::issubset(heap, o, other(0)?.object()).map_err(err)?),
        "issuperset" => b(set_ops::issuperset(heap, o, other(0)?.object()).map_err(err)?),
        "isdisjoint" => b(set_ops::isdisjoint(heap, o, other(0)?.object()).map_err(err)?),
        _ => Err(interp.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("'set' object has no attribute '{name}'"),
        )),
    }
}

/// `set_update_internal`: a set or dict is merged in bulk, any other iterable added item by
/// item.
fn add_all<'py>(interp: &Interp<'py>, s: &pyrt_objects::PyObject, other: &Obj<'py>) -> R<'py, ()> {
    let heap = interp.heap;
    if set::is_anyset(other.object()) {
        return set::merge(heap, s, other.object()).map_err(|e| interp.err(e));
    }
    if dict::is_dict(other.object()) {
        return set::merge_dict_keys(heap, s, other.object()).map_err(|e| interp.err(e));
    }
    for x in interp.collect(other)? {
        set::add(heap, s, x).map_err(|e| interp.err(e))?;
    }
    Ok(())
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
