//! `_recordclass`: the layout side of the shipped `recordclass` package's `litetuple` and
//! `mutabletuple` (recordclass 0.24.1's `_litetuple.c`), whose behaviour is Python in
//! `interp/lib/recordclass/`. Their classes hold items (`class::new_subclass_gc` with
//! `__pyrt_items__ = True`): a `PyVarObject` header, one cell per item, no GC header.

use pyrt_objects::types::{class, long, tuple};
use pyrt_objects::{Obj, PyObject};

use super::super::{Interp, R};

/// `_recordclass.new_items(cls, items)`: an instance of items class `cls` holding the items
/// of tuple `items`.
pub(crate) fn new_items<'py>(
    interp: &Interp<'py>,
    cls: &Obj<'py>,
    items: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let c = class::Class::cast_internal(cls.object()).map_err(err)?;
    let t = tuple::Tuple::cast_internal(items.object()).map_err(err)?;
    let values = tuple::items(t)
        .iter()
        // SAFETY: the tuple holds a reference to each item.
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .collect();
    class::new_items_instance(heap, c, values).map_err(err)
}

/// `o` as an instance of an items class (`SystemError` for any other object: only the
/// shipped `recordclass` calls these functions, on its own instances).
fn items_instance<'a, 'py>(
    interp: &Interp<'py>,
    o: &'a PyObject,
) -> R<'py, &'a class::ItemsInstance> {
    class::ItemsInstance::cast(o).ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))
}

/// `_recordclass.items(obj)`: the items of an instance of an items class, as a tuple.
pub(crate) fn items<'py>(interp: &Interp<'py>, o: &PyObject) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let values = class::items(heap, items_instance(interp, o)?);
    tuple::new_tuple(heap, values).map_err(|e| interp.err(e))
}

/// `_recordclass.set_item(obj, i, value)`: replaces item `i` (already in range).
pub(crate) fn set_item<'py>(
    interp: &Interp<'py>,
    o: &PyObject,
    i: &PyObject,
    value: Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = items_instance(interp, o)?;
    let index = long::Int::cast(i)
        .and_then(long::as_i64)
        .and_then(|n| usize::try_from(n).ok());
    match index {
        Some(n) if class::set_item(heap, o, n, value) => Ok(pyrt_objects::types::none(heap)),
        _ => Err(interp.err(pyrt_objects::view::bad_internal_call())),
    }
}
