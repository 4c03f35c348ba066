//! The set operators of `dict_keys` and `dict_items` (`Objects/dictobject.c`'s
//! `dictviews_sub`, `dictviews_or`, `dictviews_xor` and `_PyDictView_Intersect`): either
//! operand may be the view, the other any iterable, and the result is a new `set`.
//!
//! `-`, `|` and `^` start from a set of the left operand's items and update it with the right
//! operand (`difference_update`, `update`, `symmetric_difference_update`); `&` iterates the
//! smaller of a view and a set (or the non-view operand) and keeps what the other holds, so the
//! result's order is CPython's. `dict_values` has no set operators.

use pyrt_objects::types::{SET_TYPE, set};
use pyrt_objects::{Obj, abstract_};
use ruff_python_ast as ast;

use super::objects::{DICT_ITEMS, DICT_KEYS};
use super::{Interp, R};

/// Whether `o` is a `dict_keys` or `dict_items` view (`PyDictViewSet_Check`).
fn is_set_view(o: &Obj<'_>) -> bool {
    DICT_KEYS.is(o.object()) || DICT_ITEMS.is(o.object())
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
        // Iterate the smaller of a view and a set or view.
        if set::AnySet::cast(other.object()).is_some() || is_set_view(other) {
            let len = |o: &Obj<'py>| abstract_::len(o.object()).map_err(|e| self.err(e));
            if len(other)? > len(view)? {
                core::mem::swap(&mut view, &mut other);
            }
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
