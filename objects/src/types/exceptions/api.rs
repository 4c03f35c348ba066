//! The VM's exception API (`Python/errors.c`, `Python/ceval.c`'s `do_raise` and
//! `CHECK_EXC_MATCH`): object-layer errors ([`PyErr`]) to exception objects and back, context
//! chaining with `_PyErr_SetObject`'s cycle avoidance, and matching (`PyErr_GivenExceptionMatches`).
//!
//! | need | function |
//! |---|---|
//! | the object for a `PyErr` | [`exception_from_pyerr`] |
//! | a `PyErr` carrying an object | [`pyerr_from_exception`] |
//! | `raise X` / `raise X from Y` | [`make_raisable`], [`set_cause_checked`] |
//! | implicit chaining | [`chain_context`] |
//! | `except C:` | [`check_except_target`], [`given_exception_matches`] |
//! | class of a kind and back | [`class_for`], [`kind_of`] |

use crate::abstract_;
use crate::error::{ExcDetail, ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::{PyTypeObject, StaticType};
use crate::types::tuple::{self, Tuple};
use crate::types::{bytes, long, none, type_object, unicode};

use super::classes::*;
use super::create::call_class;
use super::{Exception, is_exception, is_exception_class};

/// The class of an object-layer error kind.
pub fn class_for(kind: ExcKind) -> &'static StaticType {
    match kind {
        ExcKind::TypeError => &TYPE_ERROR,
        ExcKind::ValueError => &VALUE_ERROR,
        ExcKind::ZeroDivisionError => &ZERO_DIVISION_ERROR,
        ExcKind::OverflowError => &OVERFLOW_ERROR,
        ExcKind::MemoryError => &MEMORY_ERROR,
        ExcKind::IndexError => &INDEX_ERROR,
        ExcKind::KeyError => &KEY_ERROR,
        ExcKind::AttributeError => &ATTRIBUTE_ERROR,
        ExcKind::RuntimeError => &RUNTIME_ERROR,
        ExcKind::RecursionError => &RECURSION_ERROR,
        ExcKind::SystemError => &SYSTEM_ERROR,
        ExcKind::StopIteration => &STOP_ITERATION,
        ExcKind::NameError => &NAME_ERROR,
        ExcKind::AssertionError => &ASSERTION_ERROR,
        ExcKind::NotImplementedError => &NOT_IMPLEMENTED_ERROR,
        ExcKind::ImportError => &IMPORT_ERROR,
        ExcKind::BufferError => &BUFFER_ERROR,
        ExcKind::Other => &EXCEPTION,
    }
}

/// The kinds, subclasses before their bases (for [`kind_of`]).
const KINDS: [ExcKind; 17] = [
    ExcKind::TypeError,
    ExcKind::ZeroDivisionError,
    ExcKind::OverflowError,
    ExcKind::ValueError,
    ExcKind::MemoryError,
    ExcKind::IndexError,
    ExcKind::KeyError,
    ExcKind::AttributeError,
    ExcKind::RecursionError,
    ExcKind::NotImplementedError,
    ExcKind::RuntimeError,
    ExcKind::SystemError,
    ExcKind::StopIteration,
    ExcKind::NameError,
    ExcKind::AssertionError,
    ExcKind::ImportError,
    ExcKind::BufferError,
];

/// The kind describing instances of `ty`: its nearest built-in class with a kind, else
/// [`ExcKind::Other`].
pub fn kind_of(ty: &PyTypeObject) -> ExcKind {
    KINDS
        .into_iter()
        .find(|&k| ty.is_subtype(class_for(k).get()))
        .unwrap_or(ExcKind::Other)
}

/// The exception object for `err`: the object it carries (raised by Python code), else a new
/// instance of its class (the detail's class when it has one) with CPython's arguments: the
/// message, or for `KeyError` the key its message is the repr of.
///
/// # Errors
/// `MemoryError`.
pub fn exception_from_pyerr<'h>(heap: &'h Heap, err: &PyErr) -> PyResult<Obj<'h>> {
    if let Some(exc) = heap.raised_object(err).filter(|e| is_exception(e.object())) {
        return Ok(exc);
    }
    let message = || unicode::new_str(heap, err.message());
    match err.detail() {
        Some(ExcDetail::LookupError) => {
            return call_class(heap, LOOKUP_ERROR.get(), &[message()?], &[]);
        }
        Some(ExcDetail::UnicodeDecodeError {
            encoding,
            object,
            start,
            end,
            reason,
        }) => {
            let args = [
                unicode::new_str(heap, encoding)?,
                bytes::new_bytes(heap, object)?,
                long::int_from_i64(heap, *start as i64)?,
                long::int_from_i64(heap, *end as i64)?,
                unicode::new_str(heap, reason)?,
            ];
            return call_class(heap, UNICODE_DECODE_ERROR.get(), &args, &[]);
        }
        Some(ExcDetail::UnicodeEncodeError {
            encoding,
            object,
            start,
            end,
            reason,
        }) => {
            let args = [
                unicode::new_str(heap, encoding)?,
                unicode::new_str(heap, object)?,
                long::int_from_i64(heap, *start as i64)?,
                long::int_from_i64(heap, *end as i64)?,
                unicode::new_str(heap, reason)?,
            ];
            return call_class(heap, UNICODE_ENCODE_ERROR.get(), &args, &[]);
        }
        None => {}
    }
    let cls = class_for(err.kind()).get();
    let args = if err.message().is_empty() {
        Vec::new()
    } else if err.kind() == ExcKind::KeyError {
        vec![key_from_repr(heap, err.message())?]
    } else {
        vec![message()?]
    };
    call_class(heap, cls, &args, &[])
}

/// The key whose repr a `KeyError` message is ([`super::key_repr`]), else the message.
fn key_from_repr<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    match super::key_repr::key_from_repr(heap, text)? {
        Some(k) => Ok(k),
        None => unicode::new_str(heap, text),
    }
}

/// The text of a str repr (`'a\n'`), if it is one.
pub(super) fn unquote(text: &str) -> Option<String> {
    let q = text.chars().next().filter(|&c| c == '\'' || c == '"')?;
    let inner = text.strip_prefix(q)?.strip_suffix(q)?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut core::str::Chars<'_>, n: usize| -> Option<char> {
            let s: String = chars.by_ref().take(n).collect();
            char::from_u32(u32::from_str_radix(&s, 16).ok()?)
        };
        out.push(match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'x' => hex(&mut chars, 2)?,
            'u' => hex(&mut chars, 4)?,
            'U' => hex(&mut chars, 8)?,
            c @ ('\\' | '\'' | '"') => c,
            _ => return None,
        });
    }
    Some(out)
}

/// A `PyErr` carrying `exc` (an exception instance), described by its kind and `str()`, for
/// code of the object layer that must propagate it through `PyResult`.
pub fn pyerr_from_exception(heap: &Heap, exc: Obj<'_>) -> PyErr {
    let kind = kind_of(exc.ob_type());
    let message = Exception::cast(exc.object())
        .and_then(|e| super::text::exception_str(heap, e).ok())
        .unwrap_or_default();
    heap.raise_object(exc, PyErr::new(kind, message), None)
}

/// `KeyError(key)` as an error carrying the real exception object (so its `args` hold the key
/// itself, whatever its repr).
///
/// # Errors
/// The error to return; `MemoryError` if the object cannot be made.
pub fn key_error(heap: &Heap, key: Obj<'_>) -> PyErr {
    match call_class(heap, KEY_ERROR.get(), &[key], &[]) {
        Ok(exc) => pyerr_from_exception(heap, exc),
        Err(e) => e,
    }
}

/// `set_attribute_error_context` (`Objects/object.c`): an `AttributeError` laid out as one
/// whose `name` and `obj` are both unset gets them; any other exception is left alone.
pub fn set_attribute_error_context<'h>(heap: &'h Heap, e: &Exception, name: Obj<'h>, obj: Obj<'h>) {
    use super::layout::{Layout, field};
    if e.layout() != Layout::AttributeError {
        return;
    }
    // `AttributeError`'s fields: `obj` first, then `name`.
    let (obj_field, name_field) = (e.field(field::FIRST), e.field(field::SECOND));
    if obj_field.get(heap).is_some() || name_field.get(heap).is_some() {
        return;
    }
    name_field.set(heap, Some(name));
    obj_field.set(heap, Some(obj));
}

/// `do_raise`'s first step: the instance to raise for `raise obj` — `obj` itself if it is an
/// exception, a new instance if it is an exception class.
///
/// # Errors
/// `TypeError: exceptions must derive from BaseException`; `TypeError: calling X should have
/// returned an instance of BaseException, not Y`; what the class's constructor raises.
pub fn make_raisable<'h>(heap: &'h Heap, obj: Obj<'h>) -> PyResult<Obj<'h>> {
    if is_exception(obj.object()) {
        return Ok(obj);
    }
    match type_object(obj.object()).filter(|_| is_exception_class(obj.object())) {
        Some(cls) => {
            let exc = call_class(heap, cls, &[], &[])?;
            if !is_exception(exc.object()) {
                return Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    abstract_::repr(heap, obj.object())?,
                    exc.ob_type().name()
                )));
            }
            Ok(exc)
        }
        None => Err(PyErr::type_error(
            "exceptions must derive from BaseException",
        )),
    }
}

/// `raise exc from cause`: the cause made an instance (a class is called), `None` clearing
/// it; `__suppress_context__` becomes true.
///
/// # Errors
/// `TypeError: exception causes must derive from BaseException`; what calling the cause
/// class raises.
pub fn set_cause_checked<'h>(heap: &'h Heap, exc: &Exception, cause: Obj<'h>) -> PyResult<()> {
    let cause = if cause.is(&none(heap)) {
        None
    } else if is_exception(cause.object()) {
        Some(cause)
    } else if let Some(cls) =
        type_object(cause.object()).filter(|_| is_exception_class(cause.object()))
    {
        Some(call_class(heap, cls, &[], &[])?)
    } else {
        return Err(PyErr::type_error(
            "exception causes must derive from BaseException",
        ));
    };
    exc.set_cause_unchecked(heap, cause);
    Ok(())
}

/// `_PyErr_SetObject`'s implicit chaining: raising `exc` while `handled` is being handled sets
/// `exc.__context__ = handled`, after cutting the link to `exc` from `handled`'s own context
/// chain (so no cycle forms; a pre-existing cycle is detected with Floyd's tortoise and hare
/// and left alone).
pub fn chain_context<'h>(heap: &'h Heap, exc: &Obj<'h>, handled: Option<Obj<'h>>) {
    let Some(handled) = handled.filter(|h| !h.is(exc) && is_exception(h.object())) else {
        return;
    };
    let Some(target) = Exception::cast(exc.object()) else {
        return;
    };
    let context_of = |o: &Obj<'h>| Exception::cast(o.object()).and_then(|e| e.context(heap));
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut toggle = false;
    while let Some(ctx) = context_of(&o) {
        if ctx.is(exc) {
            if let Some(e) = Exception::cast(o.object()) {
                e.set_context_unchecked(heap, None);
            }
            break;
        }
        o = ctx;
        if o.is(&slow) {
            break;
        }
        if toggle {
            slow = context_of(&slow).unwrap_or_else(|| slow.clone());
        }
        toggle = !toggle;
    }
    target.set_context_unchecked(heap, Some(handled));
}

/// `CHECK_EXC_MATCH`'s check of an `except` target: an exception class or a tuple of them.
///
/// # Errors
/// `TypeError: catching classes that do not inherit from BaseException is not allowed`.
pub fn check_except_target(target: &PyObject) -> PyResult<()> {
    let ok = match Tuple::cast(target) {
        // SAFETY: the tuple holds its items.
        Some(t) => tuple::items(t)
            .iter()
            .all(|p| is_exception_class(unsafe { p.as_ref() })),
        None => is_exception_class(target),
    };
    if ok {
        Ok(())
    } else {
        Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ))
    }
}

/// `PyErr_GivenExceptionMatches(given, spec)`: `given` (an instance, whose class is used, or a
/// class) matches `spec` (a class, or a tuple of them, searched recursively).
pub fn given_exception_matches(given: &PyObject, spec: &PyObject) -> bool {
    if let Some(t) = Tuple::cast(spec) {
        // SAFETY: the tuple holds its items.
        return tuple::items(t)
            .iter()
            .any(|p| given_exception_matches(given, unsafe { p.as_ref() }));
    }
    let given_cls = if is_exception(given) {
        Some(given.ob_type())
    } else {
        type_object(given)
    };
    match (
        given_cls.filter(|_| is_exception(given) || is_exception_class(given)),
        type_object(spec),
    ) {
        (Some(g), Some(s)) if is_exception_class(spec) => is_subclass(g, s),
        _ => core::ptr::eq(given, spec),
    }
}
