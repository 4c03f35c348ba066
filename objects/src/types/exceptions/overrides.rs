//! `__str__` and `__repr__` defined by a Python subclass of an exception class
//! (`Objects/typeobject.c`: `slot_tp_str`, `slot_tp_repr`): `str(e)`, `repr(e)`, `print(e)`,
//! f-strings and the last line of a traceback call the class's own method.
//!
//! Only the slot table of Python subclasses ([`SUBCLASS_SLOTS`](super::SUBCLASS_SLOTS)) points
//! here, so the built-in exception classes never pay for the lookup. A subclass without the
//! method answers as its built-in base does.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::PyTypeObject;
use crate::types::class;
use crate::types::unicode::{self, Str};

use super::text;

/// The value of `name` in the namespace of the first Python class along `ty`'s bases that
/// defines it (`_PyType_Lookup`; the built-in exception classes have no namespace here, so a
/// hit is always a script's override).
pub(crate) fn user_attribute<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    if !class::is_heap_type(ty) {
        return Ok(None);
    }
    let key = unicode::intern(heap, unicode::new_str(heap, name)?)?;
    Ok(class::lookup(heap, ty, key.object()))
}

/// Calls the override `name` of `o`'s class with `o` and checks that it returned a `str`
/// (`slot_tp_str`, then `PyObject_Str`'s check): `None` when the class has no override.
fn call_text_override(heap: &Heap, o: &PyObject, name: &str) -> PyResult<Option<String>> {
    let Some(method) = user_attribute(heap, o.ob_type(), name)? else {
        return Ok(None);
    };
    let result = crate::abstract_::call_object(heap, method.object(), &[o])?;
    match Str::cast(result.object()) {
        Some(s) => Ok(Some(unicode::str_value(s))),
        None => Err(PyErr::type_error(format!(
            "{name} returned non-string (type {})",
            result.ob_type().name()
        ))),
    }
}

/// `tp_str` of a Python subclass: its `__str__`, else the built-in base's rules.
pub(crate) fn subclass_str(heap: &Heap, o: &PyObject) -> PyResult<String> {
    match call_text_override(heap, o, "__str__")? {
        Some(s) => Ok(s),
        None => text::exc_str(heap, o),
    }
}

/// `tp_repr` of a Python subclass: its `__repr__`, else the built-in base's rules.
pub(crate) fn subclass_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    match call_text_override(heap, o, "__repr__")? {
        Some(s) => Ok(s),
        None => text::exc_repr(heap, o),
    }
}
