//! The instance dict of an interpreter [`Kind`] that keeps one in a reference word, as C types
//! with a `tp_dictoffset` do (`PyObject_GenericGetDict`, and the dict half of
//! `PyObject_GenericGetAttr`/`PyObject_GenericSetAttr` in `Objects/object.c`):
//! `functools.partial` and the LRU cache wrapper, whose `__dict__` `update_wrapper` fills.

use pyrt_objects::types::{dict, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr, PyObject, PyResult};

use super::objects::Kind;

/// The dict word `word` of objects of kind `kind`.
pub(crate) struct KindDict {
    pub kind: &'static Kind,
    pub word: usize,
}

/// `AttributeError: 'T' object has no attribute 'name'`.
pub(crate) fn no_attribute(o: &PyObject, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", o.ob_type().name()),
    )
}

impl KindDict {
    /// The instance dict of `o`, made empty on first use (`PyObject_GenericGetDict`).
    pub(crate) fn get_or_make<'h>(&self, heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
        let k = self
            .kind
            .cast(o)
            .ok_or_else(pyrt_objects::view::bad_internal_call)?;
        if let Some(d) = k.get_ref(heap, self.word) {
            return Ok(d);
        }
        let d = dict::new_dict(heap)?;
        k.set_ref(heap, self.word, Some(d.clone()));
        Ok(d)
    }

    /// `o.name` from the instance dict, which is not made for the lookup; `AttributeError`
    /// when it has no such entry.
    pub(crate) fn lookup<'h>(&self, heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
        let k = self
            .kind
            .cast(o)
            .ok_or_else(pyrt_objects::view::bad_internal_call)?;
        if let Some(d) = k.get_ref(heap, self.word)
            && let Some(d) = dict::Dict::cast(d.object())
        {
            let key = unicode::new_str(heap, name)?;
            if let Some(v) = dict::get_item(heap, d, key.object())? {
                return Ok(v);
            }
        }
        Err(no_attribute(o, name))
    }

    /// `o.name = value` (`None`: `del o.name`): `__dict__` takes a dict and cannot be deleted;
    /// other names go to the instance dict.
    pub(crate) fn set(
        &self,
        heap: &Heap,
        o: &PyObject,
        name: &str,
        value: Option<&PyObject>,
    ) -> PyResult<()> {
        if name == "__dict__" {
            let Some(v) = value.filter(|v| dict::Dict::cast(v).is_some()) else {
                let message = match value {
                    Some(v) => format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        v.ob_type().name()
                    ),
                    None => "cannot delete __dict__".to_string(),
                };
                return Err(PyErr::new(ExcKind::TypeError, message));
            };
            let k = self
                .kind
                .cast(o)
                .ok_or_else(pyrt_objects::view::bad_internal_call)?;
            // SAFETY: `v` is a live object the caller holds.
            k.set_ref(
                heap,
                self.word,
                Some(unsafe { Obj::from_borrowed(heap, v) }),
            );
            return Ok(());
        }
        let d = self.get_or_make(heap, o)?;
        let d = dict::Dict::cast_internal(d.object())?;
        let key = unicode::new_str(heap, name)?;
        match value {
            // SAFETY: `v` is a live object the caller holds.
            Some(v) => dict::set_item(heap, d, key, unsafe { Obj::from_borrowed(heap, v) }),
            None => dict::del_item(heap, d, key.object()).map_err(|_| no_attribute(o, name)),
        }
    }
}
