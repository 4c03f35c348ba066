//! Attribute access on exceptions (`BaseException_getset`, `BaseException_members`, each
//! class's `*_members` and getsets, `PyObject_GenericGetAttr` with the instance `__dict__`).
//!
//! Lookup order is CPython's: the data descriptors of the type (`args`, `__traceback__`,
//! `__context__`, `__cause__`, `__suppress_context__`, `__dict__`, the layout's members,
//! `characters_written`, `start`/`end`), then the instance dict, then the methods
//! (`with_traceback`, `add_note`, as bound `builtin_function_or_method`s).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, Params};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::cfunction::{MethodDef, new_cfunction};
use crate::types::dict::{self, Dict};
use crate::types::long::{self, Int};
use crate::types::unicode::{self, Str};
use crate::types::{list, none};

use super::layout::{Access, Layout};
use super::{Exception, is_exception, is_traceback, slot_self};

fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcKind::AttributeError, msg)
}

fn no_attribute(e: &Exception, name: &str) -> PyErr {
    attribute_error(format!(
        "'{}' object has no attribute '{name}'",
        e.ob_type().name()
    ))
}

/// `tp_getattro` of the exception classes.
pub(crate) fn exc_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let e = slot_self(o);
    if let Some(v) = data_descriptor(heap, e, name)? {
        return Ok(v);
    }
    if let Some(d) = e.dict_if_made(heap)
        && let Some(v) =
            crate::types::function::dict_get_str(heap, Dict::cast_internal(d.object())?, name)?
    {
        return Ok(v);
    }
    if let Some(v) = super::overrides::user_attribute(heap, o.ob_type(), name)? {
        // A Python subclass's attribute (its own `__str__`, `with_traceback`, ...): a function
        // is bound to the instance, anything else is the value.
        if crate::types::function::is_function(v.object()) {
            // SAFETY: the caller holds `o`, a live object of this heap.
            let me = unsafe { Obj::from_borrowed(heap, o) };
            return crate::types::method::new_method(heap, v, me);
        }
        return Ok(v);
    }
    if let Some(m) = super::type_attrs::bound_method(heap, e, name)? {
        return Ok(m);
    }
    let group_methods: &[MethodDef] = if e.layout() == Layout::Group {
        &GROUP_METHODS
    } else {
        &[]
    };
    if let Some(def) = group_methods
        .iter()
        .chain(METHODS.iter())
        .find(|m| m.name == name)
    {
        // SAFETY: the caller holds `o`, a live object of this heap.
        let me = unsafe { Obj::from_borrowed(heap, o) };
        return new_cfunction(heap, def, Some(me), None);
    }
    Err(no_attribute(e, name))
}

/// The value of a data descriptor of the exception's class, if `name` is one.
fn data_descriptor<'h>(heap: &'h Heap, e: &Exception, name: &str) -> PyResult<Option<Obj<'h>>> {
    let or_none = |v: Option<Obj<'h>>| Some(v.unwrap_or_else(|| none(heap)));
    Ok(match name {
        "args" => Some(e.args(heap)),
        "__traceback__" => or_none(e.traceback(heap)),
        "__context__" => or_none(e.context(heap)),
        "__cause__" => or_none(e.cause(heap)),
        "__suppress_context__" => Some(long::new_bool(heap, e.suppress_context())),
        "__dict__" => Some(e.dict(heap)?),
        // SAFETY: a static type is immortal.
        "__class__" => Some(unsafe { Obj::from_borrowed(heap, &e.ob_type().ob_base.ob_base) }),
        "characters_written" if e.layout() == Layout::OsError => match e.written() {
            Some(-1) | None => return Err(attribute_error("characters_written")),
            Some(n) => Some(long::int_from_i64(heap, n as i64)?),
        },
        "start" | "end" if e.layout() == Layout::Unicode => {
            let (s, end) = e.unicode_range().unwrap_or((0, 0));
            let v = if name == "start" { s } else { end };
            Some(long::int_from_i64(heap, v as i64)?)
        }
        _ => match member(e, name) {
            Some((off, _)) => or_none(e.field(off).get(heap)),
            None => None,
        },
    })
}

fn member(e: &Exception, name: &str) -> Option<(usize, Access)> {
    e.layout()
        .members()
        .iter()
        .find(|m| m.0 == name)
        .map(|m| (m.1, m.2))
}

/// `tp_setattro` of the exception classes (`value` `None`: delete).
pub(crate) fn exc_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let e = slot_self(o);
    // SAFETY: the caller holds `value`, a live object of this heap.
    let value = value.map(|v| unsafe { Obj::from_borrowed(heap, v) });
    set_attribute(heap, e, name, value)
}

/// `setattr(e, name, value)` / `delattr(e, name)` (`value` `None`).
///
/// # Errors
/// CPython's messages: `TypeError: exception cause must be None or derive from
/// BaseException`, `TypeError: __traceback__ may not be deleted`, `AttributeError: readonly
/// attribute`, `AttributeError: 'ValueError' object has no attribute 'x'`, …
pub fn set_attribute<'h>(
    heap: &'h Heap,
    e: &Exception,
    name: &str,
    value: Option<Obj<'h>>,
) -> PyResult<()> {
    let none_obj = none(heap);
    let not_none = |v: &Obj<'h>| !v.is(&none_obj);
    match (name, value) {
        ("args", None) => Err(PyErr::type_error("args may not be deleted")),
        ("args", Some(v)) => {
            let t = super::create::as_tuple(heap, &v)?;
            e.set_args_tuple(heap, t);
            Ok(())
        }
        ("__traceback__", None) => Err(PyErr::type_error("__traceback__ may not be deleted")),
        ("__traceback__", Some(v)) => set_traceback(heap, e, v),
        ("__context__", None) => Err(PyErr::type_error("__context__ may not be deleted")),
        ("__context__", Some(v)) => {
            let v = Some(v).filter(not_none);
            check_exception_or_none(v.as_ref(), "exception context")?;
            e.set_context_unchecked(heap, v);
            Ok(())
        }
        ("__cause__", None) => Err(PyErr::type_error("__cause__ may not be deleted")),
        ("__cause__", Some(v)) => {
            let v = Some(v).filter(not_none);
            check_exception_or_none(v.as_ref(), "exception cause")?;
            e.set_cause_unchecked(heap, v);
            Ok(())
        }
        ("__suppress_context__", None) => {
            Err(PyErr::type_error("can't delete numeric/char attribute"))
        }
        ("__suppress_context__", Some(v)) => {
            if !core::ptr::eq(v.ob_type(), crate::types::BOOL_TYPE.get()) {
                return Err(PyErr::type_error("attribute value type must be bool"));
            }
            e.set_suppress_context(crate::abstract_::is_true(heap, v.object())?);
            Ok(())
        }
        ("__dict__", None) => Err(PyErr::type_error("cannot delete __dict__")),
        ("__dict__", Some(v)) => {
            if Dict::cast(v.object()).is_none() {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    v.ob_type().name()
                )));
            }
            e.set_dict(heap, v);
            Ok(())
        }
        ("characters_written", v) if e.layout() == Layout::OsError => match v {
            None if e.written() == Some(-1) => Err(attribute_error("characters_written")),
            None => {
                e.set_written(-1);
                Ok(())
            }
            Some(v) => {
                e.set_written(super::create::number_as_ssize(v.object())?);
                Ok(())
            }
        },
        ("start" | "end", v) if e.layout() == Layout::Unicode => {
            let Some(v) = v else {
                return Err(PyErr::type_error("can't delete numeric/char attribute"));
            };
            // `PyMember_SetOne` stores -1 before it reports the error.
            let n = match Int::cast(v.object()) {
                Some(i) => long::as_ssize_t(i),
                None => Err(PyErr::type_error("an integer is required")),
            };
            let stored = *n.as_ref().unwrap_or(&-1);
            if name == "start" {
                e.set_unicode_range(Some(stored), None);
            } else {
                e.set_unicode_range(None, Some(stored));
            }
            n.map(|_| ())
        }
        (_, v) => match member(e, name) {
            Some((_, Access::ReadOnly)) => Err(attribute_error("readonly attribute")),
            Some((off, Access::ReadWrite)) => {
                e.field(off).set(heap, v);
                Ok(())
            }
            None => set_in_dict(heap, e, name, v),
        },
    }
}

/// An instance-dict attribute.
fn set_in_dict<'h>(
    heap: &'h Heap,
    e: &Exception,
    name: &str,
    value: Option<Obj<'h>>,
) -> PyResult<()> {
    let key = unicode::new_str(heap, name)?;
    let key = unicode::intern(heap, key)?;
    match value {
        Some(v) => {
            let d = e.dict(heap)?;
            dict::set_item(heap, Dict::cast_internal(d.object())?, key, v)
        }
        None => {
            let missing = || no_attribute(e, name);
            let d = e.dict_if_made(heap).ok_or_else(missing)?;
            dict::del_item(heap, Dict::cast_internal(d.object())?, key.object()).map_err(|err| {
                if err.kind() == ExcKind::KeyError {
                    missing()
                } else {
                    err
                }
            })
        }
    }
}

/// `__context__`/`__cause__` values: `None` or an exception instance.
fn check_exception_or_none(v: Option<&Obj<'_>>, what: &str) -> PyResult<()> {
    match v {
        Some(v) if !is_exception(v.object()) => Err(PyErr::type_error(format!(
            "{what} must be None or derive from BaseException"
        ))),
        _ => Ok(()),
    }
}

/// `PyException_SetTraceback` with its check.
///
/// # Errors
/// `TypeError: __traceback__ must be a traceback or None`.
pub fn set_traceback<'h>(heap: &'h Heap, e: &Exception, tb: Obj<'h>) -> PyResult<()> {
    if tb.is(&none(heap)) {
        e.set_traceback_unchecked(heap, None);
        return Ok(());
    }
    if !is_traceback(tb.object()) {
        return Err(PyErr::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    e.set_traceback_unchecked(heap, Some(tb));
    Ok(())
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__` and returns the exception.
fn with_traceback<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let e = Exception::cast_internal(me)?;
    let tb = crate::methods::arg(args, 0)?.clone();
    set_traceback(heap, e, tb)?;
    // SAFETY: the caller holds the receiver.
    Ok(unsafe { Obj::from_borrowed(heap, me) })
}

/// `BaseException.add_note(note)`: appends to `__notes__` (made a list in the instance dict).
fn add_note<'h>(heap: &'h Heap, me: &PyObject, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let e = Exception::cast_internal(me)?;
    let note = crate::methods::arg(args, 0)?.clone();
    add_note_to(heap, e, note)?;
    Ok(none(heap))
}

/// `_PyException_AddNote`.
///
/// # Errors
/// `TypeError: note must be a str, not 'int'`, `TypeError: Cannot add note: __notes__ is not a
/// list`.
pub fn add_note_to<'h>(heap: &'h Heap, e: &Exception, note: Obj<'h>) -> PyResult<()> {
    if Str::cast(note.object()).is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            note.ob_type().name()
        )));
    }
    let notes = match exc_getattr(heap, e, "__notes__") {
        Ok(n) => n,
        Err(err) if err.kind() == ExcKind::AttributeError => {
            let n = list::new_list(heap, Vec::new())?;
            set_attribute(heap, e, "__notes__", Some(n.clone()))?;
            n
        }
        Err(err) => return Err(err),
    };
    let Some(l) = list::List::cast(notes.object()) else {
        return Err(PyErr::type_error(
            "Cannot add note: __notes__ is not a list",
        ));
    };
    list::append(heap, l, note)
}

/// `BaseException`'s methods.
pub(crate) static METHODS: [MethodDef; 2] = [
    MethodDef {
        name: "with_traceback",
        owner: "BaseException",
        params: Params::One,
        call: with_traceback,
        doc: Some(
            "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self.",
        ),
    },
    MethodDef {
        name: "add_note",
        owner: "BaseException",
        params: Params::One,
        call: add_note,
        doc: Some("Exception.add_note(note) --\n    add a note to the exception"),
    },
];

/// `BaseExceptionGroup`'s own methods.
pub(crate) static GROUP_METHODS: [MethodDef; 3] = [
    MethodDef {
        name: "derive",
        owner: "BaseExceptionGroup",
        params: Params::One,
        call: super::group::derive_method,
        doc: None,
    },
    MethodDef {
        name: "split",
        owner: "BaseExceptionGroup",
        params: Params::One,
        call: super::group::split_method,
        doc: None,
    },
    MethodDef {
        name: "subgroup",
        owner: "BaseExceptionGroup",
        params: Params::One,
        call: super::group::subgroup_method,
        doc: None,
    },
];
