//! What the exception classes themselves answer for their built-in methods
//! (`BaseException.__new__`, `Exception.__init__`, `ValueError.__str__`,
//! `KeyError.with_traceback`, ...), as CPython's `tp_dict` of each class holds them
//! (`Objects/exceptions.c`'s `BaseException_methods`, `add_operators` and `tp_new_wrapper` in
//! `Objects/typeobject.c`):
//!
//! * `__new__` is a built-in method bound to the nearest built-in class along the bases
//!   (`<built-in method __new__ of type object at 0x…>`): `BaseException.__new__(cls, *args)`
//!   makes an instance of `cls` with `args` without running `__init__`.
//! * `__init__`, `__str__`, `__repr__`, `with_traceback`, `add_note` (and a group's `derive`,
//!   `split`, `subgroup`) are method descriptors, called with the instance first
//!   (`Exception.__init__(self, msg)` in a subclass's `__init__`), or bound to an instance.
//!
//! A Python subclass's own definitions live in its namespace and win over these (they are
//! only asked for when the namespaces along the bases do not have the name). `__doc__` is
//! each built-in class's docstring (`docs`), `None` for a Python subclass without one.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, Params};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::PyTypeObject;
use crate::types::cfunction::{MethodDef, new_cfunction};
use crate::types::class;
use crate::types::descrobject::{MethodDescr, new_method_descriptor};
use crate::types::unicode;
use crate::view::View;

use super::{BASE_EXCEPTION, BASE_EXCEPTION_GROUP, Exception, Layout, layout_of, text};

/// `cls.name` for a built-in method of exception class `ty` (a subclass of `BaseException`),
/// or `None` when the exception classes have no such method.
///
/// # Errors
/// `MemoryError`.
pub fn class_attribute<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    if !ty.is_subtype(BASE_EXCEPTION.get()) {
        return Ok(None);
    }
    if name == "__doc__" {
        // A Python subclass without a docstring of its own (nor its Python bases) has `None`.
        let doc = match class::is_heap_type(ty) {
            true => None,
            false => super::docs::class_doc(short_name(ty)),
        };
        return match doc {
            Some(d) => unicode::new_str(heap, d).map(Some),
            None => Ok(Some(crate::types::none(heap))),
        };
    }
    let builtin = nearest_builtin(ty);
    if name == "__new__" {
        let owner = defining_class(builtin, INHERIT_NEW);
        // SAFETY: a built-in class is immortal.
        let cls = unsafe { Obj::from_borrowed(heap, &owner.ob_base.ob_base) };
        return new_cfunction(heap, &NEW_DEF, Some(cls), None).map(Some);
    }
    let Some((owner, def)) = method_def(builtin, name) else {
        return Ok(None);
    };
    new_method_descriptor(heap, owner, def).map(Some)
}

/// `e.name` for a built-in method of exception `e` that is no attribute of its own: the
/// method bound to `e`, or `None`.
///
/// # Errors
/// `MemoryError`.
pub(crate) fn bound_method<'h>(
    heap: &'h Heap,
    e: &Exception,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    let Some(attr) = class_attribute(heap, e.ob_type(), name)? else {
        return Ok(None);
    };
    match MethodDescr::cast(attr.object()) {
        // SAFETY: the caller holds `e`, a live object of this heap.
        Some(d) => d
            .bind(heap, unsafe { Obj::from_borrowed(heap, e.as_object()) })
            .map(Some),
        None => Ok(Some(attr)),
    }
}

/// The first built-in class along `ty`'s bases (`ty` itself when it is one).
fn nearest_builtin(ty: &PyTypeObject) -> &PyTypeObject {
    let mut t = ty;
    while class::is_heap_type(t)
        && let Some(b) = t.base()
    {
        t = b;
    }
    t
}

/// The class that defines method `name` for instances of built-in exception class `builtin`,
/// and the method. Each built-in class has its own `__init__` (`Exception.__init__` applies to exceptions
/// only); `__str__`, `__repr__` and the methods are `BaseException`'s (or the group's).
fn method_def<'t>(
    builtin: &'t PyTypeObject,
    name: &str,
) -> Option<(&'t PyTypeObject, &'static MethodDef)> {
    let base = BASE_EXCEPTION.get();
    let found = match name {
        "__init__" => (
            defining_class(builtin, &["ExceptionGroup"]),
            &super::create::INIT_DEF,
        ),
        "__repr__" => (base, &REPR_DEF),
        "__str__" => {
            let owner = str_owner(builtin);
            if core::ptr::eq(owner, base) {
                (base, &BASE_STR_DEF)
            } else {
                (owner, &STR_DEF)
            }
        }
        // `OSError`, `ImportError` and `AttributeError` reduce their own fields too: not here
        // yet.
        "__reduce__"
            if matches!(
                layout_of(builtin),
                Layout::OsError | Layout::ImportError | Layout::AttributeError
            ) =>
        {
            return None;
        }
        "__reduce__" => (base, &REDUCE_DEF),
        "__setstate__" => (base, &SETSTATE_DEF),
        _ => {
            if let Some(def) = super::attrs::METHODS.iter().find(|m| m.name == name) {
                (base, def)
            } else if builtin.is_subtype(BASE_EXCEPTION_GROUP.get())
                && let Some(def) = super::attrs::GROUP_METHODS.iter().find(|m| m.name == name)
            {
                (BASE_EXCEPTION_GROUP.get(), def)
            } else {
                return None;
            }
        }
    };
    Some(found)
}

/// The built-in classes whose `tp_new` is inherited (so `__new__` is not in their own
/// namespace: `KeyError.__new__` is `LookupError`'s), as CPython 3.12 builds them.
const INHERIT_NEW: &[&str] = &[
    "AttributeError",
    "BlockingIOError",
    "BrokenPipeError",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "ExceptionGroup",
    "FileExistsError",
    "FileNotFoundError",
    "ImportError",
    "IndentationError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "ModuleNotFoundError",
    "NameError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "UnboundLocalError",
];

/// The built-in classes with a `tp_str` of their own; the others inherit `BaseException`'s
/// (or their nearest base's in this list).
const OWN_STR: &[&str] = &[
    "AttributeError",
    "BaseExceptionGroup",
    "ImportError",
    "KeyError",
    "NameError",
    "OSError",
    "SyntaxError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
];

/// The class along built-in class `builtin`'s bases whose namespace holds the method:
/// `builtin` itself unless its name is in `inherits` (then its base, and so on).
fn defining_class<'t>(builtin: &'t PyTypeObject, inherits: &[&str]) -> &'t PyTypeObject {
    first_base(builtin, |name| !inherits.contains(&name))
}

/// The class whose `tp_str` instances of `builtin` use: the first in [`OWN_STR`] along its
/// bases, else `BaseException`.
fn str_owner(builtin: &PyTypeObject) -> &PyTypeObject {
    first_base(builtin, |name| OWN_STR.contains(&name))
}

/// The first class from `builtin` up to `BaseException` whose name `defines` accepts
/// (`BaseException` if none does).
fn first_base(builtin: &PyTypeObject, defines: impl Fn(&str) -> bool) -> &PyTypeObject {
    let mut t = builtin;
    loop {
        match t.base() {
            Some(b) if !defines(short_name(t)) && !core::ptr::eq(t, BASE_EXCEPTION.get()) => {
                t = b;
            }
            _ => return t,
        }
    }
}

/// `tp_new_wrapper` of the exception classes.
static NEW_DEF: MethodDef = MethodDef {
    name: "__new__",
    owner: "BaseException",
    params: Params::VarKeywords,
    call: new_call,
    doc: Some("Create and return a new object.  See help(type) for accurate signature."),
};

/// `Builtin.__new__(cls, *args)`: checks that `cls` is a subclass of the built-in class, then
/// `tp_new` alone (no `__init__`).
fn new_call<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let builtin = crate::types::type_object(me).ok_or_else(crate::view::bad_internal_call)?;
    let owner = short_name(builtin);
    let (args, kwargs) = super::create::split_var_keywords(args)?;
    let Some((cls, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__(): not enough arguments"
        )));
    };
    let Some(sub) = crate::types::type_object(cls.object()) else {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__(X): X is not a type object ({})",
            cls.ob_type().name()
        )));
    };
    if !sub.is_subtype(builtin) {
        let sub_name = short_name(sub);
        return Err(PyErr::type_error(format!(
            "{owner}.__new__({sub_name}): {sub_name} is not a subtype of {owner}"
        )));
    }
    if new_function(layout_of(sub)) != new_function(layout_of(builtin)) {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__({}) is not safe, use {}.__new__()",
            short_name(sub),
            short_name(nearest_builtin(sub))
        )));
    }
    super::create::new_uninitialized(heap, sub, rest, &kwargs)
}

/// A class's `__name__` (a built-in class's `tp_name` after its last dot).
fn short_name(ty: &PyTypeObject) -> &str {
    let full = ty.name();
    full.rsplit('.').next().unwrap_or(full)
}

/// The `__str__` of a class with its own `tp_str` (`KeyError.__str__`: the instance's
/// class's rules, without a Python subclass's override).
static STR_DEF: MethodDef = MethodDef {
    name: "__str__",
    owner: "BaseException",
    params: Params::AnyArgs,
    call: str_call,
    doc: Some("Return str(self)."),
};

/// `BaseException.__str__` (`BaseException_str`, whatever the instance's class).
static BASE_STR_DEF: MethodDef = MethodDef {
    name: "__str__",
    owner: "BaseException",
    params: Params::AnyArgs,
    call: base_str_call,
    doc: Some("Return str(self)."),
};

/// `BaseException.__repr__` (the slot wrapper of `tp_repr`).
static REPR_DEF: MethodDef = MethodDef {
    name: "__repr__",
    owner: "BaseException",
    params: Params::AnyArgs,
    call: repr_call,
    doc: Some("Return repr(self)."),
};

fn str_call<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    no_arguments(args)?;
    let e = Exception::cast_internal(me)?;
    unicode::new_str(heap, &text::exception_str(heap, e)?)
}

/// A slot wrapper's `check_num_args(args, 0)`: `expected 0 arguments, got 1`.
fn no_arguments(args: Bound<'_, '_>) -> PyResult<()> {
    match args.iter().flatten().count() {
        0 => Ok(()),
        n => Err(PyErr::type_error(format!("expected 0 arguments, got {n}"))),
    }
}

fn base_str_call<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    no_arguments(args)?;
    let e = Exception::cast_internal(me)?;
    unicode::new_str(heap, &text::base_str(heap, e)?)
}

fn repr_call<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    no_arguments(args)?;
    unicode::new_str(heap, &text::exc_repr(heap, me)?)
}

/// `BaseException.__reduce__`.
static REDUCE_DEF: MethodDef = MethodDef {
    name: "__reduce__",
    owner: "BaseException",
    params: Params::NoArgs,
    call: reduce_call,
    doc: None,
};

/// `BaseException.__setstate__`.
static SETSTATE_DEF: MethodDef = MethodDef {
    name: "__setstate__",
    owner: "BaseException",
    params: Params::One,
    call: setstate_call,
    doc: None,
};

/// `BaseException___reduce__`: `(type, args)`, or `(type, args, dict)` once the instance has
/// a `__dict__`.
fn reduce_call<'h>(heap: &'h Heap, me: &PyObject, _args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let e = Exception::cast_internal(me)?;
    // SAFETY: an object's type is alive while the object is.
    let cls = unsafe { Obj::from_borrowed(heap, &me.ob_type().ob_base.ob_base) };
    let mut items = vec![cls, e.args(heap)];
    items.extend(e.dict_if_made(heap));
    crate::types::tuple::new_tuple(heap, items)
}

/// `BaseException___setstate__`: each item of the state dict set as an attribute (`None`
/// sets nothing).
fn setstate_call<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let state = crate::methods::arg(args, 0)?;
    if !state.is(&crate::types::none(heap)) {
        let Some(d) = crate::types::dict::Dict::cast(state.object()) else {
            return Err(PyErr::type_error("state is not a dictionary"));
        };
        for (k, v) in crate::types::dict::items(heap, d)? {
            let Some(name) = unicode::Str::cast(k.object()) else {
                return Err(PyErr::type_error(format!(
                    "attribute name must be string, not '{}'",
                    k.ob_type().name()
                )));
            };
            crate::abstract_::setattr(heap, me, &unicode::str_value(name), v.object())?;
        }
    }
    Ok(crate::types::none(heap))
}

/// Which `tp_new` a class of this layout has: `OSError_new`, `BaseExceptionGroup_new`, or
/// `BaseException_new` for the others.
fn new_function(layout: Layout) -> u8 {
    match layout {
        Layout::OsError => 1,
        Layout::Group => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::cfunction::CFunction;
    use crate::types::exceptions::{
        FILE_NOT_FOUND_ERROR, KEY_ERROR, LOOKUP_ERROR, OS_ERROR, VALUE_ERROR,
    };

    /// The class a `__new__` built-in method is bound to (`__self__`).
    fn new_owner(heap: &Heap, ty: &PyTypeObject) -> String {
        let m = class_attribute(heap, ty, "__new__").unwrap().unwrap();
        let me = CFunction::cast(m.object()).unwrap().self_(heap);
        crate::types::type_object(me.object())
            .unwrap()
            .name()
            .to_string()
    }

    #[test]
    fn new_is_found_where_cpython_3_12_defines_it() {
        let heap = Heap::new();
        assert_eq!(new_owner(&heap, KEY_ERROR.get()), "LookupError");
        assert_eq!(new_owner(&heap, VALUE_ERROR.get()), "ValueError");
        assert_eq!(new_owner(&heap, FILE_NOT_FOUND_ERROR.get()), "OSError");
        assert_eq!(new_owner(&heap, LOOKUP_ERROR.get()), "LookupError");
    }

    #[test]
    fn str_belongs_to_the_nearest_class_with_its_own_tp_str() {
        assert_eq!(str_owner(KEY_ERROR.get()).name(), "KeyError");
        assert_eq!(str_owner(VALUE_ERROR.get()).name(), "BaseException");
        assert_eq!(str_owner(FILE_NOT_FOUND_ERROR.get()).name(), "OSError");
    }

    #[test]
    fn docstrings_and_unknown_names() {
        let heap = Heap::new();
        let doc = class_attribute(&heap, VALUE_ERROR.get(), "__doc__")
            .unwrap()
            .unwrap();
        let doc = unicode::Str::cast(doc.object()).map(unicode::str_value);
        assert_eq!(
            doc.as_deref(),
            Some("Inappropriate argument value (of correct type).")
        );
        assert!(
            class_attribute(&heap, VALUE_ERROR.get(), "nothing")
                .unwrap()
                .is_none()
        );
        // Not an exception class: nothing.
        assert!(
            class_attribute(&heap, crate::types::INT_TYPE.get(), "__new__")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn new_refuses_what_tp_new_wrapper_refuses() {
        let heap = Heap::new();
        let call = |owner: &PyTypeObject, sub: &PyObject| {
            let m = class_attribute(&heap, owner, "__new__").unwrap().unwrap();
            // SAFETY: a static type is immortal.
            let sub = unsafe { Obj::from_borrowed(&heap, sub) };
            CFunction::cast(m.object())
                .unwrap()
                .call(&heap, &[sub], &[])
                .map(|o| o.ob_type().name().to_string())
                .map_err(|e| e.message().to_string())
        };
        let os = &OS_ERROR.get().ob_base.ob_base;
        let key = &KEY_ERROR.get().ob_base.ob_base;
        assert_eq!(
            call(BASE_EXCEPTION.get(), os),
            Err("BaseException.__new__(OSError) is not safe, use OSError.__new__()".into())
        );
        assert_eq!(
            call(VALUE_ERROR.get(), key),
            Err("ValueError.__new__(KeyError): KeyError is not a subtype of ValueError".into())
        );
        assert_eq!(call(LOOKUP_ERROR.get(), key), Ok("KeyError".into()));
    }
}
