//! The attributes of a function beyond its read-only members (`Objects/funcobject.c`'s
//! `func_getsetlist`, `func_memberlist` and `PyObject_GenericGetAttr`/`SetAttr` over the
//! function's `__dict__` at `tp_dictoffset`): `__name__`, `__qualname__`, `__doc__`,
//! `__module__`, `__defaults__`, `__kwdefaults__`, `__annotations__`, `__code__`,
//! `__type_params__` and `__dict__` are writable with CPython's checks, and any other name
//! lives in the function's `__dict__` (`f.calls = 0`, what `functools.wraps` copies).
//!
//! Lookup order is the generic one: the type's data descriptors (every member here is one)
//! first, then the instance dict. A deleted `__doc__` or `__module__` reads as `None`, as a
//! NULL `T_OBJECT` member does; a deleted `__annotations__` is made again, empty, on the next
//! read.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::dict::{self, Dict};
use crate::types::function::Function;
use crate::types::{none, tuple, unicode};

/// The function `o` is (the slots are only called on functions: `function` is final).
fn function_of(o: &PyObject) -> PyResult<&Function> {
    Function::cast(o).ok_or_else(crate::view::bad_internal_call)
}

/// `tp_getattro` of `function`: the members, the writable descriptors, then `__dict__`.
///
/// # Errors
/// `AttributeError: 'function' object has no attribute 'x'`.
pub fn func_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let f = function_of(o)?;
    if let Some(member) = o.ob_type().find_member(name) {
        return (member.get)(heap, o);
    }
    match name {
        "__dict__" => return f.dict(heap),
        "__annotations__" => return annotations(heap, f),
        "__type_params__" => {
            return match f.typeparams(heap) {
                Some(t) => Ok(t),
                None => tuple::new_tuple(heap, Vec::new()),
            };
        }
        _ => {}
    }
    if let Some(d) = f.dict_if_made(heap)
        && let Some(d) = Dict::cast(d.object())
    {
        let key = unicode::new_str(heap, name)?;
        if let Some(v) = dict::get_item(heap, d, key.object())? {
            return Ok(v);
        }
    }
    Err(no_attribute(name))
}

/// `func_get_annotations`: the annotations dict, made empty on first use, or from the
/// `(name, value, ...)` tuple `MAKE_FUNCTION` stored.
fn annotations<'h>(heap: &'h Heap, f: &Function) -> PyResult<Obj<'h>> {
    let stored = f.annotations(heap);
    if let Some(a) = &stored
        && Dict::cast(a.object()).is_some()
    {
        return Ok(a.clone());
    }
    let d = dict::new_dict(heap)?;
    if let Some(t) = stored.as_ref().and_then(|a| tuple::Tuple::cast(a.object())) {
        let view = Dict::cast_internal(d.object())?;
        for pair in tuple::items(t).chunks(2) {
            if let [k, v] = pair {
                // SAFETY: the tuple holds its items.
                let (k, v) = unsafe {
                    (
                        Obj::from_borrowed(heap, k.as_ref()),
                        Obj::from_borrowed(heap, v.as_ref()),
                    )
                };
                dict::set_item(heap, view, k, v)?;
            }
        }
    }
    f.set_annotations(heap, Some(d.clone()))?;
    Ok(d)
}

/// `tp_setattro` of `function`: sets (`Some`) or deletes (`None`) an attribute.
///
/// # Errors
/// CPython's messages: `TypeError: __name__ must be set to a string object`, `TypeError:
/// __dict__ must be set to a dictionary, not a 'int'`, `TypeError: cannot delete __dict__`,
/// `AttributeError: readonly attribute`, `AttributeError: 'function' object has no attribute
/// 'x'` (deleting a name the dict does not hold).
pub fn func_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let f = function_of(o)?;
    // SAFETY: the caller holds `value`, a live object of this heap.
    let value = value.map(|v| unsafe { Obj::from_borrowed(heap, v) });
    let none_obj = none(heap);
    match (name, value) {
        ("__name__", v) => f.set_name(heap, v.unwrap_or(none_obj)),
        ("__qualname__", v) => f.set_qualname(heap, v.unwrap_or(none_obj)),
        ("__doc__", v) => {
            f.set_doc(heap, v.unwrap_or(none_obj));
            Ok(())
        }
        ("__module__", v) => {
            f.set_module(heap, v.unwrap_or(none_obj));
            Ok(())
        }
        ("__defaults__", v) => f.set_defaults(heap, v),
        ("__kwdefaults__", v) => f.set_kwdefaults(heap, v),
        ("__annotations__", v) => f.set_annotations(heap, v),
        ("__code__", Some(v)) => f.set_code(heap, v),
        ("__code__", None) => Err(PyErr::type_error("__code__ must be set to a code object")),
        ("__type_params__", Some(v)) => f.set_typeparams(heap, v),
        ("__type_params__", None) => {
            Err(PyErr::type_error("__type_params__ must be set to a tuple"))
        }
        ("__dict__", None) => Err(PyErr::type_error("cannot delete __dict__")),
        ("__dict__", Some(v)) => {
            if Dict::cast(v.object()).is_none() {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    v.ob_type().name()
                )));
            }
            f.set_dict(heap, v);
            Ok(())
        }
        (name, _) if o.ob_type().find_member(name).is_some() => Err(PyErr::new(
            ExcKind::AttributeError,
            "readonly attribute".to_string(),
        )),
        (name, Some(v)) => {
            let d = f.dict(heap)?;
            let key = unicode::new_str(heap, name)?;
            dict::set_item(heap, Dict::cast_internal(d.object())?, key, v)
        }
        (name, None) => {
            let Some(d) = f.dict_if_made(heap) else {
                return Err(no_attribute(name));
            };
            let d = Dict::cast_internal(d.object())?;
            let key = unicode::new_str(heap, name)?;
            if dict::get_item(heap, d, key.object())?.is_none() {
                return Err(no_attribute(name));
            }
            dict::del_item(heap, d, key.object())
        }
    }
}

/// `AttributeError: 'function' object has no attribute 'x'`.
fn no_attribute(name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'function' object has no attribute '{name}'"),
    )
}
