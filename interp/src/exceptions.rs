//! The interpreter's view of the built-in exceptions (`Objects/exceptions.c`), a thin facade
//! over the object model's classes and instances (`pyrt_objects::types::exceptions`): the 68
//! built-in classes with CPython's layouts and sizes (`sys.getsizeof(ValueError())` is 88),
//! their attributes, and the VM's API for raising and chaining them.
//!
//! This module only keeps the names the interpreter has always used (`exceptions::TYPE_ERROR`,
//! [`Exception`], [`link`], [`set_link`], [`args`], [`new_exception`], ...) so that its call sites
//! read as before; every behaviour lives in the object model, beside its type.

use std::sync::LazyLock;

use pyrt_objects::typeobj::{PyTypeObject, StaticType};
use pyrt_objects::types::exceptions as model;
use pyrt_objects::types::unicode;
use pyrt_objects::{Heap, Obj, PyErr, PyResult};

pub(crate) use model::classes::*;
pub(crate) use model::{
    Exception, call_class, class_attribute, exception_str, given_exception_matches, is_exception,
    is_exception_class, kind_of, new_uninitialized,
};

/// Every built-in exception and warning class, for the builtins module.
pub(crate) static ALL: LazyLock<Vec<&'static StaticType>> =
    LazyLock::new(|| CLASSES.iter().map(|c| c.ty).collect());

/// The reference words of an instance other than `args`, by name.
#[derive(Clone, Copy)]
pub(crate) enum Link {
    /// `__traceback__`.
    Traceback,
    /// `__context__`.
    Context,
    /// `__cause__`.
    Cause,
}

/// A new reference to one of an instance's links (`None` when unset).
pub(crate) fn link<'h>(heap: &'h Heap, o: &Exception, which: Link) -> Option<Obj<'h>> {
    match which {
        Link::Traceback => o.traceback(heap),
        Link::Context => o.context(heap),
        Link::Cause => o.cause(heap),
    }
}

/// Replaces one of an instance's links, releasing the old value. Unlike `raise ... from`,
/// setting the cause here leaves `__suppress_context__` as it was; a traceback link must be a
/// traceback object (anything else is ignored, as the VM only stores tracebacks).
pub(crate) fn set_link(heap: &Heap, o: &Exception, which: Link, value: Option<Obj<'_>>) {
    match which {
        Link::Traceback => {
            let value = value.unwrap_or_else(|| pyrt_objects::types::none(heap));
            let _ = model::set_traceback(heap, o, value);
        }
        Link::Context => o.set_context_unchecked(heap, value),
        Link::Cause => {
            let suppress = o.suppress_context();
            o.set_cause_unchecked(heap, value);
            o.set_suppress_context(suppress);
        }
    }
}

/// `__suppress_context__`.
pub(crate) fn suppress_context(o: &Exception) -> bool {
    o.suppress_context()
}

/// Sets `__suppress_context__`.
pub(crate) fn set_suppress_context(o: &Exception, value: bool) {
    o.set_suppress_context(value);
}

/// A new instance of exception class `cls` with `args`, made as `cls(*args)` makes it (so an
/// `OSError(2, "x")` is a `FileNotFoundError`, a `StopIteration(v)` has `value`, ...).
///
/// `plain` is what the interpreter's former classes needed to print a `KeyError` made from a
/// message; the object model's `KeyError` always holds the key itself, so it has no effect.
pub(crate) fn new_exception<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: Vec<Obj<'h>>,
    plain: bool,
) -> PyResult<Obj<'h>> {
    let _ = plain;
    model::call_class(heap, cls, &args, &[])
}

/// The instance for an error of pyrt's object layer: the object it carries, else a new one of
/// its class with CPython's arguments (a `KeyError` holds the key its message is the repr of).
pub(crate) fn from_pyerr<'h>(heap: &'h Heap, err: &PyErr) -> PyResult<Obj<'h>> {
    model::exception_from_pyerr(heap, err)
}

/// The `args` tuple of an instance.
pub(crate) fn args<'h>(heap: &'h Heap, o: &Exception) -> Obj<'h> {
    o.args(heap)
}

/// The `name` CPython gives the exceptions the VM raises with these messages: a
/// `NameError`'s `name 'x' is not defined` (`format_exc_check_arg`) and a
/// `ModuleNotFoundError`'s `No module named 'x'` (`_bootstrap`'s `name=`), read by "Did you
/// mean" and by scripts (`e.name`).
pub(crate) fn set_name_from_message(
    heap: &Heap,
    cls: &'static StaticType,
    exc: &Obj<'_>,
    message: &str,
) {
    let name = if core::ptr::eq(cls, &NAME_ERROR) {
        message
            .strip_prefix("name '")
            .and_then(|m| m.strip_suffix("' is not defined"))
    } else if core::ptr::eq(cls, &MODULE_NOT_FOUND_ERROR) {
        message
            .strip_prefix("No module named '")
            .and_then(|m| m.split('\'').next())
    } else {
        None
    };
    let Some(name) = name else {
        return;
    };
    if let (Some(e), Ok(n)) = (Exception::cast(exc.object()), unicode::new_str(heap, name)) {
        let _ = model::set_attribute(heap, e, "name", Some(n));
    }
}

/// The other names `builtins` binds to exception classes (`EnvironmentError`, `IOError`).
pub(crate) const ALIASES: [(&str, &StaticType); 2] =
    [("EnvironmentError", &OS_ERROR), ("IOError", &OS_ERROR)];

/// `set_attribute_error_context`: an `AttributeError` raised while looking up `obj.name`
/// gets `name` and `obj`, unless it has either already.
pub(crate) fn set_attribute_error_context<'h>(
    heap: &'h Heap,
    exc: &Obj<'h>,
    obj: &Obj<'h>,
    name: &str,
) {
    if let (Some(e), Ok(n)) = (Exception::cast(exc.object()), unicode::new_str(heap, name)) {
        model::set_attribute_error_context(heap, e, n, obj.clone());
    }
}

/// `ImportError(message, name=name, path=path, name_from=name_from)`, as
/// `_PyErr_SetImportErrorWithNameFrom` makes it for `from module import name`.
pub(crate) fn import_error<'h>(
    heap: &'h Heap,
    message: &str,
    name: &str,
    path: Option<&str>,
    name_from: &str,
) -> PyResult<Obj<'h>> {
    let path = match path {
        Some(p) => unicode::new_str(heap, p)?,
        None => pyrt_objects::types::none(heap),
    };
    let kwargs = [
        ("name".to_string(), unicode::new_str(heap, name)?),
        ("path".to_string(), path),
        ("name_from".to_string(), unicode::new_str(heap, name_from)?),
    ];
    model::call_class(
        heap,
        IMPORT_ERROR.get(),
        &[unicode::new_str(heap, message)?],
        &kwargs,
    )
}

/// `type.__bases__` with single inheritance: the base, and `Exception` after
/// `BaseExceptionGroup` for `ExceptionGroup` (the one built-in class with two bases).
pub(crate) fn type_bases(ty: &PyTypeObject) -> Vec<&PyTypeObject> {
    model::bases(ty)
}

/// `type.__mro__` with single inheritance: the class and its bases in order, through
/// `ExceptionGroup`'s C3 order (`ExceptionGroup`, `BaseExceptionGroup`, `Exception`,
/// `BaseException`, `object`) where a class derives from it.
pub(crate) fn type_mro(ty: &PyTypeObject) -> Vec<&PyTypeObject> {
    let mut out = Vec::new();
    let mut t = Some(ty);
    while let Some(cur) = t {
        if core::ptr::eq(cur, EXCEPTION_GROUP.get()) {
            out.extend(model::mro(cur));
            return out;
        }
        out.push(cur);
        t = cur.base();
    }
    out
}
