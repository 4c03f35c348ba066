//! The set operators of `dict_keys` and `dict_items` (`Objects/dictobject.c`'s
//! `dictviews_sub`, `dictviews_or`, `dictviews_xor` and `_PyDictView_Intersect`): either
//! operand may be the view, the other any iterable, and the result is a new `set`.
//!
//! `-`, `|` and `^` start from a set of the left operand's items and update it with the right
//! operand (`difference_update`, `update`, `symmetric_difference_update`); `&` is an exact
//! set's `intersection` when the set is at least as long as the view, else it iterates the
//! smaller of two views (or the non-view operand) and keeps what the other holds, so the
//! result's order and the comparisons made are CPython's. `dict_values` has no set operators.
//!
//! The comparisons are `dictview_richcompare`'s: a keys or items view against a set,
//! frozenset or another keys or items view compares as a set, by sizes and then
//! `all_contained_in`; anything else is `NotImplemented` (so `==` falls back to identity).

use pyrt_objects::heap::Heap;
use pyrt_objects::typeobj::CompareOp;
use pyrt_objects::types::dict::{self, Dict};
use pyrt_objects::types::{SET_TYPE, set, tuple};
use pyrt_objects::{Obj, PyObject, PyResult, abstract_};
use ruff_python_ast as ast;

use super::objects::{DICT_ITEMS, DICT_KEYS};
use super::{Interp, R};

/// Whether `o` is a `dict_keys` or `dict_items` view (`PyDictViewSet_Check`).
fn is_set_view(o: &Obj<'_>) -> bool {
    is_set_view_ref(o.object())
}

impl<'py> Interp<'py> {
    /// `l op r` when either is a keys or items view and `op` is a set operator; `None`
    /// otherwise.
    pub(crate) fn dict_view_binary(
        &self,
        op: ast::Operator,
        l: &Obj<'py>,
        r: &Obj<'py>,
    ) -> Option<R<'py, Obj<'py>>> {
        if !is_set_view(l) && !is_set_view(r) {
            return None;
        }
        let update = match op {
            ast::Operator::Sub => "difference_update",
            ast::Operator::BitOr => "update",
            ast::Operator::BitXor => "symmetric_difference_update",
            ast::Operator::BitAnd => return Some(self.dict_view_intersect(l, r)),
            _ => return None,
        };
        Some((|| {
            let result = self.new_set_of(l)?;
            self.call_method(&result, update, vec![r.clone()], Vec::new())?;
            Ok(result)
        })())
    }

    /// `set(x)`.
    fn new_set_of(&self, x: &Obj<'py>) -> R<'py, Obj<'py>> {
        self.call(&self.set_type(), vec![x.clone()], Vec::new())
    }

    /// The `set` type.
    fn set_type(&self) -> Obj<'py> {
        // SAFETY: a static type object is immortal.
        unsafe { Obj::from_borrowed(self.heap, &SET_TYPE.get().ob_base.ob_base) }
    }

    /// `_PyDictView_Intersect`: the items of the iterated operand that the other holds.
    fn dict_view_intersect(&self, l: &Obj<'py>, r: &Obj<'py>) -> R<'py, Obj<'py>> {
        let (mut view, mut other) = if is_set_view(l) { (l, r) } else { (r, l) };
        let len = |o: &Obj<'py>| abstract_::len(o.object()).map_err(|e| self.err(e));
        // An exact set at least as long as the view: `other.intersection(view)` (the set's
        // elements are the stored keys each comparison starts from).
        if core::ptr::eq(other.ob_type(), SET_TYPE.get()) && len(view)? <= len(other)? {
            return self.call_method(other, "intersection", vec![view.clone()], Vec::new());
        }
        // Iterate the smaller of two views.
        if is_set_view(other) && len(other)? > len(view)? {
            core::mem::swap(&mut view, &mut other);
        }
        let result = self.call(&self.set_type(), Vec::new(), Vec::new())?;
        for item in self.collect(other)? {
            if self.contains(view, &item)? {
                self.call_method(&result, "add", vec![item], Vec::new())?;
            }
        }
        Ok(result)
    }
}

/// Whether `o` is a `dict_keys` or `dict_items` view, by reference.
fn is_set_view_ref(o: &PyObject) -> bool {
    DICT_KEYS.is(o) || DICT_ITEMS.is(o)
}

/// The dict a view looks at.
fn dict_of_view(view: &PyObject) -> Option<&Dict> {
    Dict::cast(super::objects::view_dict(view))
}

/// The size of a set or of a keys or items view (`PyObject_Size`).
fn set_like_len(o: &PyObject) -> usize {
    match set::AnySet::cast(o) {
        Some(s) => set::set_len(s),
        None => super::objects::view_len(o),
    }
}

/// `item in other`, where `other` is a set or a keys or items view (`PySequence_Contains`:
/// `set_contains`, `dictkeys_contains`, `dictitems_contains`).
pub(crate) fn set_like_contains(heap: &Heap, other: &PyObject, item: &PyObject) -> PyResult<bool> {
    if let Some(s) = set::AnySet::cast(other) {
        return set::contains(heap, s, item);
    }
    let Some(d) = dict_of_view(other) else {
        return Ok(false);
    };
    if DICT_KEYS.is(other) {
        return Ok(dict::get_item(heap, d, item)?.is_some());
    }
    // An items view holds `(key, value)` when the dict maps `key` to an equal value.
    let Some(pair) = tuple::Tuple::cast(item).filter(|t| tuple::items(t).len() == 2) else {
        return Ok(false);
    };
    // SAFETY: the tuple holds its two items while `item` is borrowed.
    let (k, v) = unsafe {
        let items = tuple::items(pair);
        (items[0].as_ref(), items[1].as_ref())
    };
    match dict::get_item(heap, d, k)? {
        Some(found) => abstract_::compare_bool(heap, found.object(), v, CompareOp::Eq),
        None => Ok(false),
    }
}

/// `all_contained_in(view, other)`: every item of `view` (a snapshot: the comparisons may run
/// Python code that changes the dict) is in `other`.
fn all_contained_in(heap: &Heap, view: &PyObject, other: &PyObject) -> PyResult<bool> {
    let items: Vec<Obj<'_>> = if let Some(s) = set::AnySet::cast(view) {
        set::elements(heap, s)
            .into_iter()
            // SAFETY: the set holds its elements; each becomes a new reference at once.
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
            .collect()
    } else {
        let Some(d) = dict_of_view(view) else {
            return Ok(true);
        };
        let pairs = dict::items(heap, d)?;
        if DICT_KEYS.is(view) {
            pairs.into_iter().map(|(k, _)| k).collect()
        } else {
            pairs
                .into_iter()
                .map(|(k, v)| tuple::new_tuple(heap, vec![k, v]))
                .collect::<PyResult<_>>()?
        }
    };
    for item in &items {
        if !set_like_contains(heap, other, item.object())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`: `None` (`NotImplemented`) unless `v` is a keys or items view and
/// `w` a set, frozenset, keys or items view.
pub(crate) fn richcompare<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !is_set_view_ref(v) || !(set::AnySet::cast(w).is_some() || is_set_view_ref(w)) {
        return Ok(None);
    }
    let (len_v, len_w) = (set_like_len(v), set_like_len(w));
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let same = len_v == len_w && all_contained_in(heap, v, w)?;
            same == (op == CompareOp::Eq)
        }
        CompareOp::Lt => len_v < len_w && all_contained_in(heap, v, w)?,
        CompareOp::Le => len_v <= len_w && all_contained_in(heap, v, w)?,
        CompareOp::Gt => len_v > len_w && all_contained_in(heap, w, v)?,
        CompareOp::Ge => len_v >= len_w && all_contained_in(heap, w, v)?,
    };
    Ok(Some(pyrt_objects::types::long::new_bool(heap, ok)))
}
