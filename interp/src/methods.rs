//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::methods::Methods;
use pyrt_objects::types::dict::methods::DICT_METHODS;
use pyrt_objects::types::float_methods::FLOAT_METHODS;
use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::long_methods::INT_METHODS;
use pyrt_objects::types::range_methods::RANGE_METHODS;
use pyrt_objects::types::set_methods::{FROZENSET_METHODS, SET_METHODS};
use pyrt_objects::types::str_methods::STR_METHODS;
use pyrt_objects::types::{dict, float, list, long, range, set, unicode};
use pyrt_objects::{Obj, PyObject};

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
    table_of(obj.object()).is_some_and(|t| t.has(name))
}

/// The method table of `o`'s type (its `tp_methods`), for the built-in types that have one.
fn table_of(o: &PyObject) -> Option<&'static dyn Methods> {
    let table: &'static dyn Methods = if list::is_list(o) {
        &LIST_METHODS
    } else if dict::is_dict(o) {
        &DICT_METHODS
    } else if set::is_set(o) {
        &SET_METHODS
    } else if set::is_anyset(o) {
        &FROZENSET_METHODS
    } else if unicode::is_str(o) {
        &STR_METHODS
    } else if range::is_range(o) {
        &RANGE_METHODS
    } else if float::is_float(o) {
        &FLOAT_METHODS
    } else if long::is_int(o) {
        &INT_METHODS
    } else {
        return None;
    };
    Some(table)
}

/// Calls method `name` of a built-in object; `None` if its type has no such method.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Option<Obj<'py>>> {
    let r =
        table_of(obj.object()).and_then(|t| t.call(interp.heap, obj.object(), name, args, kwargs));
    r.transpose().map_err(|e| interp.err(e))
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
