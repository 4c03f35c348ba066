//! The attributes of built-in functions and methods (`meth_getsets` and `meth_members` of
//! `Objects/methodobject.c`) beyond `__name__`: `__self__` (the receiver of a bound method,
//! the module of a module function, the `builtins` module of a built-in function),
//! `__qualname__` (`list.append`, `len`) and `__module__` (the module's name for a function,
//! `None` for a method).

use pyrt_objects::types::{none, type_object, unicode};
use pyrt_objects::{Obj, PyObject};

use super::objects::{BUILTIN, MODULE, builtin};
use super::{Interp, R};

/// The module a built-in function (no receiver) lives in.
fn module_name(index: usize) -> &'static str {
    let base = super::modules::base_index();
    if index < base {
        return "builtins";
    }
    super::modules::all_functions()
        .nth(index - base)
        // `_pyrt_time`'s functions are `time`'s (the shipped `time.py` re-exports them).
        .map_or("builtins", |f| match f.module {
            "_pyrt_time" => "time",
            m => m,
        })
}

/// `f.name` for a built-in function or method `f`, for the attributes this module answers;
/// `None` for other objects and names.
pub(crate) fn getattr<'py>(
    interp: &Interp<'py>,
    o: &PyObject,
    name: &str,
) -> Option<R<'py, Obj<'py>>> {
    if !matches!(name, "__self__" | "__qualname__" | "__module__") {
        return None;
    }
    let b = BUILTIN.cast(o)?;
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let receiver = match b.get_ref(heap, builtin::SELF) {
        // `math`'s functions are bound to an object-layer module standing for `math`: the
        // module a script imports is the one to show.
        Some(r) => match layer_module_name(interp, &r) {
            Some(n) => match interp.vm_import(&n) {
                Ok(m) => Some(m),
                Err(e) => return Some(Err(e)),
            },
            None => Some(r),
        },
        None => None,
    };
    let own_name = b.get_ref(heap, builtin::NAME)?;
    let module = match &receiver {
        Some(r) if MODULE.cast(r.object()).is_some() => Some(r.clone()),
        Some(_) => None,
        None => None,
    };
    let is_function = receiver.is_none() || module.is_some();
    Some(match name {
        "__self__" => match receiver {
            Some(r) => Ok(r),
            // The module is imported (`builtins` is, from the start).
            None => interp.vm_import(module_name(b.get_num(builtin::INDEX))),
        },
        "__module__" if is_function => match &receiver {
            Some(r) => interp.getattr(r, "__name__"),
            None => unicode::new_str(heap, module_name(b.get_num(builtin::INDEX))).map_err(err),
        },
        "__module__" => Ok(none(heap)),
        _ if is_function => Ok(own_name),
        _ => {
            let r = receiver.unwrap_or_else(|| none(heap));
            let ty = type_object(r.object()).unwrap_or_else(|| r.ob_type());
            let qual = interp.type_as_object(ty);
            interp.getattr(&qual, "__qualname__").and_then(|q| {
                let q = unicode::Str::cast(q.object())
                    .map(unicode::str_value)
                    .unwrap_or_default();
                let n = unicode::Str::cast(own_name.object())
                    .map(unicode::str_value)
                    .unwrap_or_default();
                unicode::new_str(heap, &format!("{q}.{n}")).map_err(err)
            })
        }
    })
}

/// The name of an object-layer module (the receiver of `math`'s functions).
fn layer_module_name(interp: &Interp<'_>, r: &Obj<'_>) -> Option<String> {
    let heap = interp.heap;
    let m = pyrt_objects::types::module::Module::cast(r.object())?;
    let d = m.dict(heap);
    let d = pyrt_objects::types::dict::Dict::cast(d.object())?;
    let key = interp.name_str("__name__").ok()?;
    let n = pyrt_objects::types::dict::get_item(heap, d, key.object()).ok()??;
    unicode::Str::cast(n.object()).map(unicode::str_value)
}
