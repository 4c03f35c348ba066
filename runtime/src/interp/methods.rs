//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::Obj;
use pyrt_objects::types::dict::methods::DICT_METHODS;
use pyrt_objects::types::float_methods::FLOAT_METHODS;
use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::long_methods::INT_METHODS;
use pyrt_objects::types::range_methods::RANGE_METHODS;
use pyrt_objects::types::set_methods::{FROZENSET_METHODS, SET_METHODS};
use pyrt_objects::types::str_methods::STR_METHODS;
use pyrt_objects::types::{dict, float, list, long, range, set, unicode};

use super::objects::{BUILTIN, DICT_ITEMS, DICT_KEYS, DICT_VALUES};
use super::{Interp, R};

/// `obj.name` as a bound built-in method, if the type has that method.
pub(crate) fn bound<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
) -> R<'py, Option<Obj<'py>>> {
    if !has_method(obj, name) {
        return Ok(None);
    }
    let n = interp.name_str(name)?;
    let index = super::builtins::method_index();
    BUILTIN
        .alloc(interp.heap, &[Some(n), Some(obj.clone())], &[index])
        .map(Some)
        .map_err(|e| interp.err(e))
}

fn has_method(obj: &Obj<'_>, name: &str) -> bool {
    let o = obj.object();
    if list::is_list(o) {
        LIST_METHODS.has(name)
    } else if dict::is_dict(o) {
        DICT_METHODS.has(name)
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
    } else if dict::is_dict(o) {
        DICT_METHODS.call(heap, o, name, args, kwargs)
    } else {
        None
    };
    if let Some(r) = table {
        return r.map(Some).map_err(|e| interp.err(e));
    }
    Ok(None)
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
