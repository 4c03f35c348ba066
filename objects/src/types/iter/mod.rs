//! The built-in iterators, with CPython 3.12's layouts, sizes, GC tracking and `tp_iternext`:
//!
//! | module | types | CPython |
//! |---|---|---|
//! | [`seq`] | `list_iterator`, `list_reverseiterator`, `tuple_iterator`, `bytes_iterator`, `str_ascii_iterator`, `str_iterator` (32 + GC); `range_iterator`, `longrange_iterator` (40, not GC) | `listobject.c`, `tupleobject.c`, `bytesobject.c`, `unicodeobject.c`, `rangeobject.c` |
//! | [`dict`] | `dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator` and their reversed forms (56 + GC); `set_iterator` (48 + GC) | `dictobject.c`, `setobject.c` |
//! | [`builtins`] | `enumerate` (56), `reversed` (32), `zip` (48), `map` (32), `filter` (32), all GC | `enumobject.c`, `bltinmodule.c` |
//!
//! The type objects have no iternext slot in [`Slots`](crate::typeobj::Slots) (adding one would
//! touch every slot table, the interpreter's included), so each iterator type is registered
//! here with its `tp_iternext` and `__length_hint__` ([`builtin_iternext`],
//! [`length_hint`]); [`abstract_::iter_next`](crate::abstract_::iter_next) dispatches through
//! this table and hands other iterators to the runtime's hooks.

pub mod builtins;
pub mod call_iter;
pub mod dict;
pub mod seq;
pub mod seq_iter;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::{PyTypeObject, StaticType};
use crate::types::fields::RefField;
use crate::types::tuple::{self, Tuple};

/// `tp_iternext`: the next item, `None` when the iterator is exhausted.
pub type IterNextFn = for<'h> fn(&'h Heap, &PyObject) -> PyResult<Option<Obj<'h>>>;
/// `__length_hint__`: an int.
pub type LengthHintFn = for<'h> fn(&'h Heap, &PyObject) -> PyResult<Obj<'h>>;

/// An iterator type: its type object, `tp_iternext` and `__length_hint__` if it has one.
struct IterType {
    ty: &'static StaticType,
    next: IterNextFn,
    hint: Option<LengthHintFn>,
}

static ITER_TYPES: &[IterType] = &[
    IterType {
        ty: &seq::LIST_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::LIST_REVITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::TUPLE_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::BYTES_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::BYTEARRAY_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::ARRAY_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::MEMORY_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::STR_ASCII_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::STR_ITER_TYPE,
        next: seq::seqiter_next,
        hint: Some(seq::seqiter_len),
    },
    IterType {
        ty: &seq::RANGE_ITER_TYPE,
        next: seq::rangeiter_next,
        hint: Some(seq::rangeiter_len),
    },
    IterType {
        ty: &seq::LONGRANGE_ITER_TYPE,
        next: seq::longrangeiter_next,
        hint: Some(seq::longrangeiter_len),
    },
    IterType {
        ty: &dict::DICT_KEYITER_TYPE,
        next: dict::dictiter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::DICT_VALUEITER_TYPE,
        next: dict::dictiter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::DICT_ITEMITER_TYPE,
        next: dict::dictiter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::DICT_REVKEYITER_TYPE,
        next: dict::dictreviter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::DICT_REVVALUEITER_TYPE,
        next: dict::dictreviter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::DICT_REVITEMITER_TYPE,
        next: dict::dictreviter_next,
        hint: Some(dict::dictiter_len),
    },
    IterType {
        ty: &dict::SET_ITER_TYPE,
        next: dict::setiter_next,
        hint: Some(dict::setiter_len),
    },
    IterType {
        ty: &builtins::ENUMERATE_TYPE,
        next: builtins::enum_next,
        hint: None,
    },
    IterType {
        ty: &builtins::REVERSED_TYPE,
        next: builtins::reversed_next,
        hint: Some(builtins::reversed_len),
    },
    IterType {
        ty: &builtins::ZIP_TYPE,
        next: builtins::zip_next,
        hint: None,
    },
    IterType {
        ty: &builtins::MAP_TYPE,
        next: builtins::map_next,
        hint: None,
    },
    IterType {
        ty: &builtins::FILTER_TYPE,
        next: builtins::filter_next,
        hint: None,
    },
    IterType {
        ty: &seq_iter::SEQ_ITER_TYPE,
        next: seq_iter::seq_iter_next,
        hint: None,
    },
    IterType {
        ty: &crate::types::deque::iter::DEQUE_ITER_TYPE,
        next: crate::types::deque::iter::next,
        hint: Some(crate::types::deque::iter::length_hint),
    },
    IterType {
        ty: &crate::types::deque::iter::DEQUE_REVITER_TYPE,
        next: crate::types::deque::iter::next,
        hint: Some(crate::types::deque::iter::length_hint),
    },
    IterType {
        ty: &call_iter::CALL_ITER_TYPE,
        next: call_iter::call_iter_next,
        hint: None,
    },
];

fn find(ty: &PyTypeObject) -> Option<&'static IterType> {
    ITER_TYPES.iter().find(|t| core::ptr::eq(t.ty.get(), ty))
}

/// The `tp_iternext` of a built-in iterator type.
pub fn builtin_iternext(ty: &PyTypeObject) -> Option<IterNextFn> {
    find(ty).map(|t| t.next)
}

/// Whether `ty` is the type of one of the built-in iterators of this module.
pub fn is_builtin_iterator_type(ty: &PyTypeObject) -> bool {
    find(ty).is_some()
}

/// Whether `o` is one of the built-in iterators of this module.
pub fn is_builtin_iterator(o: &PyObject) -> bool {
    find(o.ob_type()).is_some()
}

/// `o.__length_hint__()` for a built-in iterator that has one; `None` for other objects.
///
/// # Errors
/// What the hint raises (`reversed` asks its sequence's length).
pub fn length_hint<'h>(heap: &'h Heap, o: &PyObject) -> Option<PyResult<Obj<'h>>> {
    find(o.ob_type()).and_then(|t| t.hint).map(|f| f(heap, o))
}

/// The result tuple of `zip`, `enumerate` and the dict item iterators: the cached one reused in
/// place when the iterator holds its only reference (`Py_REFCNT(result) == 1`), tracked again
/// if a collection untracked it (bpo-42536); otherwise a new tuple.
pub(crate) fn reuse_result<'h>(
    heap: &'h Heap,
    cached: &RefField,
    items: Vec<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    if let Some(result) = cached.get(heap)
        && result.object().refcnt() == 2
        && let Some(t) = Tuple::cast(result.object())
        && tuple::tuple_len(t) == items.len()
    {
        let olds: Vec<_> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| tuple::swap_item(heap, t, i, item))
            .collect();
        drop(olds);
        if !heap.is_tracked(t) {
            // SAFETY: a whole tuple of this heap.
            unsafe { heap.track(t) };
        }
        return Ok(result);
    }
    tuple::new_tuple(heap, items)
}

/// A tuple of `n` `None`s, the first result tuple of `zip`, `enumerate` and dict item
/// iterators (`PyTuple_Pack(2, Py_None, Py_None)`).
pub(crate) fn none_tuple(heap: &Heap, n: usize) -> PyResult<Obj<'_>> {
    tuple::new_tuple(heap, (0..n).map(|_| crate::types::none(heap)).collect())
}
