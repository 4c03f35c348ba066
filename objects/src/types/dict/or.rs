//! `dict | other` and `dict |= other` (PEP 584, `Objects/dictobject.c`'s `dict_or` and
//! `dict_ior`): `|` takes two dicts and gives a new exact dict, the left's items updated by the
//! right's; `|=` updates in place from anything `dict.update` takes (a mapping, or an iterable
//! of pairs).

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::NumberSlots;
use crate::types::dict::{Dict, copy_object, update_arg};

/// `dict_or`: `NotImplemented` (`None`) unless both operands are dicts.
///
/// # Errors
/// `MemoryError`; what hashing or comparing keys raises.
pub fn dict_or<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), true) = (Dict::cast(v), Dict::cast(w).is_some()) else {
        return Ok(None);
    };
    let new = copy_object(heap, a)?;
    update_arg(heap, Dict::cast_internal(new.object())?, w)?;
    Ok(Some(new))
}

/// `dict_ior`: `d |= other`, `d` updated in place as by `d.update(other)`.
///
/// # Errors
/// As `dict.update`: `TypeError: 'int' object is not iterable`, the pair errors, what hashing
/// or comparing keys raises.
pub fn dict_ior(heap: &Heap, d: &Dict, other: &PyObject) -> PyResult<()> {
    update_arg(heap, d, other)
}

/// The dict's number protocol: only `|`.
pub(crate) static DICT_NUMBER: NumberSlots = NumberSlots {
    or: Some(dict_or),
    ..crate::types::base::EMPTY_NUMBER_SLOTS
};
