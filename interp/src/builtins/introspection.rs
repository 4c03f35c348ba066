//! The introspection built-ins (`Python/bltinmodule.c`): `callable`, `issubclass`, `globals`,
//! `locals`, `vars`, `dir`, `delattr`, `format` and `ascii`. `globals()` and `locals()` read
//! the calling frame: the top frame of the VM's data stack, whose fast locals `locals()` copies
//! into a new dict (cells read through), as `PyFrame_GetLocals` does in 3.12.

use pyrt_objects::Obj;
use pyrt_objects::types::code::{CO_FAST_CELL, CO_FAST_FREE};
use pyrt_objects::types::type_object as as_type;
use pyrt_objects::types::{cell, class, dict, list, long, tuple, unicode};

use super::super::exceptions;
use super::super::objects::{BUILTIN, MODULE, module};
use super::super::{Interp, R};
use super::arg;

/// `callable(obj)`: whether its type can be called (`tp_call`).
pub(super) fn callable<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let o = arg(interp, bound, 0)?;
    Ok(long::new_bool(interp.heap, is_callable(interp, &o)))
}

/// `PyCallable_Check`: whether `o`'s type can be called (`tp_call`).
pub(crate) fn is_callable<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> bool {
    let p = o.object();
    BUILTIN.is(p)
        || super::super::vm::is_function(p)
        || pyrt_objects::types::method::Method::cast(p).is_some()
        || pyrt_objects::types::weakref::Weakref::cast(p).is_some()
        || as_type(p).is_some()
        || pyrt_objects::types::slot_wrappers::WrapperDescr::cast(p).is_some()
        || pyrt_objects::types::slot_wrappers::MethodWrapper::cast(p).is_some()
        || pyrt_objects::types::cfunction::CFunction::cast(p).is_some()
        || super::super::partial::PARTIAL.is(p)
        || super::super::operator_getters::KINDS
            .iter()
            .any(|k| k.is(p))
        || super::super::key_wrapper::KEY_WRAPPER.is(p)
        || super::super::lru_cache::is_wrapper(p)
        || (class::is_heap_type(o.ob_type())
            && interp.class_lookup(o.ob_type(), "__call__").is_some())
}

/// `issubclass(cls, classinfo)`: `classinfo` a class or a tuple of them.
pub(super) fn issubclass<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (derived, info) = (arg(interp, bound, 0)?, arg(interp, bound, 1)?);
    let t = object_issubclass(interp, &derived, &info)?;
    Ok(long::new_bool(interp.heap, t))
}

/// `object_issubclass`: a plain class (whose type is `type`) directly, a tuple item by item
/// in order, else the class's metaclass's `__subclasscheck__` (which may take a `derived`
/// that is not a class), else `recursive_issubclass`'s checks of both arguments.
fn object_issubclass<'py>(
    interp: &Interp<'py>,
    derived: &Obj<'py>,
    cls: &Obj<'py>,
) -> R<'py, bool> {
    let plain = as_type(cls.object()).filter(|t| {
        core::ptr::eq(
            t.ob_base.ob_base.ob_type(),
            pyrt_objects::types::TYPE_TYPE.get(),
        )
    });
    // A union is checked as the tuple of its arguments.
    let args = super::super::union_type::union_args(interp.heap, cls.object());
    let cls = args.as_ref().unwrap_or(cls);
    if plain.is_none() {
        if let Some(items) = tuple::Tuple::cast(cls.object()) {
            for p in tuple::items(items) {
                // SAFETY: the tuple holds its items.
                let item = unsafe { Obj::from_borrowed(interp.heap, p.as_ref()) };
                if object_issubclass(interp, derived, &item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if super::super::typing_objects::is_generic_alias(cls.object()) {
            // `GenericAlias.__subclasscheck__` (`ga_subclasscheck`).
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "issubclass() argument 2 cannot be a parameterized generic",
            ));
        }
        if let Some(r) = interp.user_type_check(cls, derived, "__subclasscheck__") {
            return r;
        }
    }
    let Some(c) = as_type(derived.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "issubclass() arg 1 must be a class",
        ));
    };
    let Some(t) = as_type(cls.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    };
    Ok(c.is_subtype(t))
}

/// `globals()`: the calling frame's globals.
pub(super) fn globals<'py>(
    interp: &Interp<'py>,
    _: &str,
    _: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    interp
        .running_frame()
        .and_then(|f| f.globals(interp.heap))
        .ok_or_else(|| interp.raise(&exceptions::SYSTEM_ERROR, "globals(): no current frame"))
}

/// `locals()`: a module or class body's namespace, or a new dict of a function's bound fast
/// locals, cells and free variables (read through their cells).
pub(super) fn locals<'py>(
    interp: &Interp<'py>,
    _: &str,
    _: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let frame = interp
        .running_frame()
        .ok_or_else(|| interp.raise(&exceptions::SYSTEM_ERROR, "locals(): no current frame"))?;
    if let Some(ns) = frame.locals(heap) {
        return Ok(ns);
    }
    let code = frame
        .code()
        .ok_or_else(|| interp.raise(&exceptions::SYSTEM_ERROR, "locals(): no code"))?;
    let d = dict::new_dict(heap).map_err(err)?;
    let view = dict::Dict::cast_internal(d.object()).map_err(err)?;
    let names = tuple::items(code.localsplusnames());
    let kinds = code.localspluskinds();
    for (i, (name, kind)) in names.iter().zip(kinds).enumerate() {
        let Some(mut v) = frame.local(heap, i) else {
            continue;
        };
        if kind & (CO_FAST_CELL | CO_FAST_FREE) != 0
            && let Some(c) = cell::CellObject::cast(v.object())
        {
            match c.get(heap) {
                Some(inner) => v = inner,
                None => continue,
            }
        }
        // SAFETY: the code object holds its names.
        let k = unsafe { Obj::from_borrowed(heap, name.as_ref()) };
        dict::set_item(heap, view, k, v).map_err(err)?;
    }
    Ok(d)
}

/// `vars()` (the caller's locals) or `vars(obj)`: `obj.__dict__`.
pub(super) fn vars<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let Some(Some(o)) = bound.first() else {
        return locals(interp, name, bound, kwargs);
    };
    if let Some(m) = MODULE.cast(o.object()) {
        return m
            .get_ref(interp.heap, module::DICT)
            .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()));
    }
    interp.getattr(o, "__dict__").map_err(|_| {
        interp.raise(
            &exceptions::TYPE_ERROR,
            "vars() argument must have __dict__ attribute",
        )
    })
}

/// `dir()` (the sorted names of the caller's locals) or `dir(module)` (its sorted names).
pub(super) fn dir<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let d = match bound.first() {
        Some(Some(o)) if MODULE.is(o.object()) => vars(interp, name, bound, kwargs)?,
        Some(Some(o)) => {
            if class::is_heap_type(o.ob_type())
                && let Some(f) = interp.class_lookup(o.ob_type(), "__dir__")
                && super::super::vm::is_function(f.object())
            {
                // `_dir_object`: the class's own `__dir__`, its result made a sorted list.
                let names = interp.call(&f, vec![o.clone()], Vec::new())?;
                return super::sorted(interp, "sorted", &[Some(names)], &[]);
            }
            if let Some(l) = interp.class_dir(o)? {
                return Ok(l);
            }
            return Err(interp.raise(
                &exceptions::NOT_IMPLEMENTED_ERROR,
                format!(
                    "pyrt does not support dir() of a '{}' object yet",
                    o.ob_type().name()
                ),
            ));
        }
        _ => locals(interp, name, bound, kwargs)?,
    };
    let items =
        dict::items(heap, dict::Dict::cast_internal(d.object()).map_err(err)?).map_err(err)?;
    let keys = items.into_iter().map(|(k, _)| k).collect();
    let l = list::new_list(heap, keys).map_err(err)?;
    let l_view = list::List::cast_internal(l.object()).map_err(err)?;
    pyrt_objects::types::list_sort::sort(heap, l_view, false).map_err(err)?;
    Ok(l)
}

/// `delattr(obj, name)`.
pub(super) fn delattr<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let o = arg(interp, bound, 0)?;
    let n = super::attr_name(interp, &arg(interp, bound, 1)?)?;
    interp.setattr(&o, &n, None)?;
    Ok(pyrt_objects::types::none(interp.heap))
}

/// `format(value, format_spec='')`: the type's `__format__`.
pub(super) fn format<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let value = arg(interp, bound, 0)?;
    let spec = match bound.get(1).cloned().flatten() {
        None => String::new(),
        Some(ref s) if let Some(s) = unicode::Str::cast(s.object()) => unicode::str_value(s),
        Some(s) => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "format() argument 2 must be str, not {}",
                    s.ob_type().name()
                ),
            ));
        }
    };
    if class::is_heap_type(value.ob_type())
        && let Some(f) = interp.class_lookup(value.ob_type(), "__format__")
    {
        let spec = unicode::new_str(heap, &spec).map_err(|e| interp.err(e))?;
        return interp.call(&f, vec![value, spec], Vec::new());
    }
    let text =
        pyrt_objects::format::format(heap, value.object(), &spec).map_err(|e| interp.err(e))?;
    unicode::new_str(heap, &text).map_err(|e| interp.err(e))
}

/// `ascii(obj)`: `repr(obj)` with non-ASCII characters escaped.
pub(super) fn ascii<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let o = arg(interp, bound, 0)?;
    let text = pyrt_objects::format::ascii(interp.heap, o.object()).map_err(|e| interp.err(e))?;
    unicode::new_str(interp.heap, &text).map_err(|e| interp.err(e))
}
