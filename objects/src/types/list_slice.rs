//! `l[a:b:c] = value` and `del l[a:b:c]`: the slice branch of `list_ass_subscript` in
//! `Objects/listobject.c`, with `PySlice_Unpack` and `PySlice_AdjustIndices` of
//! `Objects/sliceobject.c`, which other sequences share.
//!
//! The slice object itself belongs to the interpreter, which hands over its three parts
//! (`None` for a part that is `None`). With step 1 the assignment is `list_ass_slice`
//! (`l[5:2] = x` inserts at 5; a non-iterable is `can only assign an iterable`); with another
//! step the sizes must agree (`attempt to assign sequence of size 3 to extended slice of size
//! 5`) and the items are replaced in place, the old ones released only once all are in, first
//! to last. `l[::-1] = l` reads a copy of `l`.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::slice_index;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::list::{self, List};
use crate::types::str_methods::sequence_fast;
use crate::view::View;

/// `PySlice_Unpack`: the slice's `(start, stop, step)`, each an int clamped to the
/// `Py_ssize_t` range, the step at least `-sys.maxsize`; a missing start or stop is the end
/// the step walks from or to (`0`/`PY_SSIZE_T_MAX`, or `PY_SSIZE_T_MAX`/`PY_SSIZE_T_MIN`).
///
/// # Errors
/// `TypeError: slice indices must be integers or None or have an __index__ method`,
/// `ValueError: slice step cannot be zero`.
pub fn slice_unpack(
    start: Option<&PyObject>,
    stop: Option<&PyObject>,
    step: Option<&PyObject>,
) -> PyResult<(isize, isize, isize)> {
    let step = match step {
        None => 1,
        Some(s) => slice_index(s)?,
    };
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let step = step.max(-isize::MAX);
    let start = match start {
        None if step < 0 => isize::MAX,
        None => 0,
        Some(s) => slice_index(s)?,
    };
    let stop = match stop {
        None if step < 0 => isize::MIN,
        None => isize::MAX,
        Some(s) => slice_index(s)?,
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: `start` and `stop` made to fit a sequence of `length` items, and
/// the number of items the slice selects.
pub fn adjust_indices(length: usize, start: &mut isize, stop: &mut isize, step: isize) -> usize {
    let n = length as isize;
    let fit = |i: &mut isize| {
        if *i < 0 {
            *i = i.saturating_add(n);
            if *i < 0 {
                *i = if step < 0 { -1 } else { 0 };
            }
        } else if *i >= n {
            *i = if step < 0 { n - 1 } else { n };
        }
    };
    fit(start);
    fit(stop);
    if step < 0 {
        if *stop < *start {
            return ((*start - *stop - 1) / -step + 1) as usize;
        }
    } else if *start < *stop {
        return ((*stop - *start - 1) / step + 1) as usize;
    }
    0
}

/// `l[start:stop:step] = value` (`Some`) or `del l[start:stop:step]` (`None`), the slice given
/// by its parts (`None` for a part that is `None`), as `list_ass_subscript` does it.
///
/// # Errors
/// The errors of [`slice_unpack`]; `TypeError: can only assign an iterable` (step 1) or `must
/// assign iterable to extended slice`; `ValueError: attempt to assign sequence of size 2 to
/// extended slice of size 3`; `MemoryError`; what iterating `value` raises.
pub fn ass_subscript_slice(
    heap: &Heap,
    o: &List,
    start: Option<&PyObject>,
    stop: Option<&PyObject>,
    step: Option<&PyObject>,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let (mut start, mut stop, step) = slice_unpack(start, stop, step)?;
    let length = adjust_indices(list::list_len(o), &mut start, &mut stop, step);
    if step == 1 {
        return assign_simple(heap, o, start, stop, value);
    }
    let Some(value) = value else {
        if length == 0 {
            return Ok(());
        }
        // Walk the slice upwards: the same items, from the lowest.
        let (low, step) = if step < 0 {
            (start + step * (length as isize - 1), -step)
        } else {
            (start, step)
        };
        return list::del_stepped(heap, o, low as usize, step as usize, length);
    };
    let items = own_items(heap, o, value, "must assign iterable to extended slice")?;
    if items.len() != length {
        return Err(PyErr::value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {length}",
            items.len()
        )));
    }
    let mut garbage = Vec::new();
    garbage
        .try_reserve_exact(length)
        .map_err(|_| PyErr::memory_error())?;
    for (k, item) in items.into_iter().enumerate() {
        let at = start + k as isize * step;
        garbage.push(list::get_item(heap, o, at)?);
        list::set_item(heap, o, at, item)?;
    }
    // The replaced items are released here, first to last, once every new one is in.
    drop(garbage);
    Ok(())
}

/// `list_ass_slice(l, start, stop, value)`: `start` and `stop` clamped to the list as it is
/// once `value` has been read, `stop` never below `start`.
fn assign_simple(
    heap: &Heap,
    o: &List,
    start: isize,
    stop: isize,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let items = match value {
        Some(v) => Some(own_items(heap, o, v, "can only assign an iterable")?),
        None => None,
    };
    let n = list::list_len(o) as isize;
    let lo = start.clamp(0, n);
    let hi = stop.clamp(lo, n);
    let (lo, hi) = (lo as usize, hi as usize);
    match items {
        Some(items) => list::set_slice(heap, o, lo, hi, items),
        None => list::del_slice(heap, o, lo, hi),
    }
}

/// The items to assign (`PySequence_Fast(value, message)`), a copy when `value` is the list
/// itself.
fn own_items<'h>(
    heap: &'h Heap,
    o: &List,
    value: &PyObject,
    message: &str,
) -> PyResult<Vec<Obj<'h>>> {
    if core::ptr::eq(value, o.as_object()) {
        // SAFETY: the list holds references to its items, objects of this heap.
        return Ok(list::items(o)
            .iter()
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
            .collect());
    }
    sequence_fast(heap, value, message)
}
