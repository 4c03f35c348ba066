//! The interpreter's side of `collections.deque` (the type and its methods are
//! [`pyrt_objects::types::deque`]'s): the built-in module `_collections` that exposes it,
//! `deque_init` (`deque(iterable=(), maxlen=None)`, also `deque.__init__` of a subclass), and
//! the protocols the interpreter dispatches itself: `d[i]`, `d[i] = v`, `del d[i]`
//! (`deque_item`, `deque_ass_item` through `PySequence_*Item`: an index, never a slice),
//! `x in d` (`deque_contains`), `d += iterable` and `d *= n` (`deque_inplace_concat`,
//! `deque_inplace_repeat`).

use pyrt_objects::types::deque::{self as dq, DEQUE_TYPE, Deque};
use pyrt_objects::types::{long, none};
use pyrt_objects::{Obj, PyErr};

use super::{Interp, R, exceptions};

/// The attributes of the built-in module `_collections` that are the deque's: the type.
pub(crate) fn module_attributes<'py>(interp: &Interp<'py>) -> Vec<(&'static str, Obj<'py>)> {
    let ty = &DEQUE_TYPE.get().ob_base.ob_base;
    // SAFETY: a static type object is immortal.
    let ty = unsafe { Obj::from_borrowed(interp.heap, ty) };
    vec![("deque", ty)]
}

/// `deque(*args, **kwargs)` for the `deque` type itself: `deque_new`, then `deque_init`.
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let d = dq::new_deque(interp.heap).map_err(|e| interp.err(e))?;
    interp.deque_init(&d, args, kwargs)?;
    Ok(d)
}

impl<'py> Interp<'py> {
    /// `deque_init`: `iterable` and `maxlen` (by position or name, `"|OO:deque"`); the deque
    /// is emptied, bounded, then extended.
    pub(crate) fn deque_init(
        &self,
        obj: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        let heap = self.heap;
        let type_error = |m: String| self.raise(&exceptions::TYPE_ERROR, m);
        let total = args.len() + kwargs.len();
        if total > 2 {
            return Err(type_error(format!(
                "deque() takes at most 2 arguments ({total} given)"
            )));
        }
        let mut params: [Option<Obj<'py>>; 2] = [args.first().cloned(), args.get(1).cloned()];
        for (name, value) in kwargs {
            let Some(i) = ["iterable", "maxlen"].iter().position(|n| n == name) else {
                return Err(type_error(format!(
                    "'{name}' is an invalid keyword argument for deque()"
                )));
            };
            if params[i].is_some() {
                return Err(type_error(format!(
                    "argument for deque() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            params[i] = Some(value.clone());
        }
        let [iterable, maxlen] = params;
        let none = none(heap);
        let maxlen = match maxlen.filter(|m| !m.is(&none)) {
            None => None,
            Some(m) => {
                // `PyLong_AsSsize_t`: an int, with no `__index__`.
                let Some(i) = long::Int::cast(m.object()) else {
                    return Err(type_error("an integer is required".into()));
                };
                let n = long::as_ssize_t(i).map_err(|e| self.err(e))?;
                if n < 0 {
                    return Err(self.raise(&exceptions::VALUE_ERROR, "maxlen must be non-negative"));
                }
                Some(n as usize)
            }
        };
        let d = Deque::cast_internal(obj.object()).map_err(|e| self.err(e))?;
        dq::set_maxlen(d, maxlen);
        if dq::len(d) > 0 {
            dq::clear(heap, d);
        }
        if let Some(iterable) = iterable {
            dq::extend(heap, d, iterable.object()).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// The index a deque subscript takes (`PySequence_GetItem`'s caller, `PyObject_GetItem`):
    /// an int or an object with `__index__`, else `TypeError: sequence index must be
    /// integer, not 'str'`.
    fn deque_index(&self, key: &Obj<'py>) -> R<'py, isize> {
        let value = match long::Int::cast(key.object()) {
            Some(_) => key.clone(),
            None => match self.user_index(key) {
                Some(v) => v?,
                None => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "sequence index must be integer, not '{}'",
                            key.ob_type().name()
                        ),
                    ));
                }
            },
        };
        let i = long::Int::cast(value.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        long::as_ssize_t(i).map_err(|_| {
            self.raise(
                &exceptions::INDEX_ERROR,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    key.ob_type().name()
                ),
            )
        })
    }
}

/// `obj[key]` for a deque; `None` for other objects.
pub(crate) fn getitem<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
) -> Option<R<'py, Obj<'py>>> {
    let d = Deque::cast(obj.object())?;
    Some(
        interp
            .deque_index(key)
            .and_then(|i| dq::get_item(interp.heap, d, i).map_err(|e| interp.err(e))),
    )
}

/// `obj[key] = value`, or `del obj[key]` when `value` is `None`, for a deque; `None` for
/// other objects.
pub(crate) fn setitem<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
    value: Option<&Obj<'py>>,
) -> Option<R<'py, ()>> {
    let d = Deque::cast(obj.object())?;
    let heap = interp.heap;
    Some(interp.deque_index(key).and_then(|i| {
        match value {
            Some(v) => dq::set_item(heap, d, i, v.clone()),
            None => dq::del_item(heap, d, i),
        }
        .map_err(|e| interp.err(e))
    }))
}

/// `item in obj` for a deque (`deque_contains`); `None` for other objects.
pub(crate) fn contains<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    item: &Obj<'py>,
) -> Option<R<'py, bool>> {
    let d = Deque::cast(obj.object())?;
    Some(dq::contains(interp.heap, d, item.object()).map_err(|e| interp.err(e)))
}

/// `obj += other` (`add`) or `obj *= other` for a deque: `deque_inplace_concat` (any
/// iterable) and `deque_inplace_repeat` (an index); `None` for other objects or operators.
pub(crate) fn inplace<'py>(
    interp: &Interp<'py>,
    add: bool,
    obj: &Obj<'py>,
    other: &Obj<'py>,
) -> Option<R<'py, ()>> {
    let d = Deque::cast(obj.object())?;
    let heap = interp.heap;
    let e = |e: PyErr| interp.err(e);
    if add {
        return Some(dq::extend(heap, d, other.object()).map_err(e));
    }
    let n = if long::Int::cast(other.object()).is_some() {
        pyrt_objects::abstract_::repeat_count(other.object()).map_err(e)
    } else {
        match interp.user_index(other) {
            Some(v) => v.and_then(|v| pyrt_objects::abstract_::repeat_count(v.object()).map_err(e)),
            None => return None,
        }
    };
    Some(n.and_then(|n| dq::inplace_repeat(heap, d, n).map_err(e)))
}
