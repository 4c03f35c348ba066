//! The deque operations that compare items with a value (`deque_count`, `deque_contains`,
//! `deque_index`, `deque_remove`) — each comparison may run a script's `__eq__`, which may change
//! the deque, so the walk checks the deque's `state` after every comparison — and
//! `deque_insert`, which rotates the position to an end.

use super::*;
/// The error of a search that saw the deque change under it.
fn mutated(kind: ExcKind) -> PyErr {
    PyErr::new(kind, "deque mutated during iteration")
}

/// Walks the items from position `start`, comparing each with `value` (`==`) until `stop`:
/// the position of the first equal one. The deque must not change meanwhile (`kind` of
/// error then: `RuntimeError`, or `IndexError` for `remove`).
fn find(
    heap: &Heap,
    d: &Deque,
    value: &PyObject,
    start: usize,
    stop: usize,
    kind: ExcKind,
    mut on_match: impl FnMut(usize) -> bool,
) -> PyResult<Option<usize>> {
    let h = header(d);
    let start_state = state(d);
    let (mut b, mut index) = (h.leftblock.get(), h.leftindex.get());
    // SAFETY: walking `start` positions from the left over existing items.
    unsafe {
        for _ in 0..start {
            index += 1;
            if index == BLOCKLEN as isize {
                b = (*b).rightlink;
                index = 0;
            }
        }
    }
    for i in start..stop {
        // SAFETY: the deque has not changed since the walk began (checked after each
        // comparison), so `(b, index)` is item `i`'s slot.
        let item = unsafe { item_at(heap, b, index) };
        let equal = ptr::eq(item.object(), value)
            || abstract_::compare_bool(heap, item.object(), value, CompareOp::Eq)?;
        drop(item);
        if start_state != state(d) {
            return Err(mutated(kind));
        }
        if equal && !on_match(i) {
            return Ok(Some(i));
        }
        index += 1;
        if index == BLOCKLEN as isize {
            // SAFETY: as above; the next item is in the next block.
            b = unsafe { (*b).rightlink };
            index = 0;
        }
    }
    Ok(None)
}

/// `deque_count`: how many items are `== value`.
///
/// # Errors
/// What comparing raises; `RuntimeError: deque mutated during iteration`.
pub fn count(heap: &Heap, d: &Deque, value: &PyObject) -> PyResult<usize> {
    let mut n = 0;
    find(heap, d, value, 0, len(d), ExcKind::RuntimeError, |_| {
        n += 1;
        true
    })?;
    Ok(n)
}

/// `deque_contains`.
///
/// # Errors
/// What comparing raises; `RuntimeError: deque mutated during iteration`.
pub fn contains(heap: &Heap, d: &Deque, value: &PyObject) -> PyResult<bool> {
    // `deque_contains` answers a match before checking the state.
    let h = header(d);
    let start_state = state(d);
    let (mut b, mut index) = (h.leftblock.get(), h.leftindex.get());
    for _ in 0..len(d) {
        // SAFETY: the deque has not changed since the walk began (checked below).
        let item = unsafe { item_at(heap, b, index) };
        let equal = ptr::eq(item.object(), value)
            || abstract_::compare_bool(heap, item.object(), value, CompareOp::Eq)?;
        drop(item);
        if equal {
            return Ok(true);
        }
        if start_state != state(d) {
            return Err(mutated(ExcKind::RuntimeError));
        }
        index += 1;
        if index == BLOCKLEN as isize {
            // SAFETY: as above.
            b = unsafe { (*b).rightlink };
            index = 0;
        }
    }
    Ok(false)
}

/// `deque_index`: the position of the first item `== value` in `start..stop` (clamped as
/// slice bounds).
///
/// # Errors
/// `ValueError: 3 is not in deque`; what comparing raises; `RuntimeError: deque mutated
/// during iteration`.
pub fn index(
    heap: &Heap,
    d: &Deque,
    value: &PyObject,
    start: isize,
    stop: isize,
) -> PyResult<usize> {
    let n = len(d) as isize;
    let clamp = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let stop = clamp(stop);
    let start = clamp(start).min(stop);
    match find(
        heap,
        d,
        value,
        start as usize,
        stop as usize,
        ExcKind::RuntimeError,
        |_| false,
    )? {
        Some(i) => Ok(i),
        None => Err(not_in_deque(heap, value)),
    }
}

fn not_in_deque(heap: &Heap, value: &PyObject) -> PyErr {
    match abstract_::repr(heap, value) {
        Ok(r) => PyErr::value_error(format!("{r} is not in deque")),
        Err(e) => e,
    }
}

/// `deque_remove`: the first item `== value` removed.
///
/// # Errors
/// `ValueError: 3 is not in deque`; what comparing raises; `IndexError: deque mutated during
/// iteration`.
pub fn remove(heap: &Heap, d: &Deque, value: &PyObject) -> PyResult<()> {
    match find(heap, d, value, 0, len(d), ExcKind::IndexError, |_| false)? {
        Some(i) => del_valid(heap, d, i as isize),
        None => Err(not_in_deque(heap, value)),
    }
}

/// `deque_insert`: `value` before position `index`.
///
/// # Errors
/// `IndexError: deque already at its maximum size`; `MemoryError`.
pub fn insert(heap: &Heap, d: &Deque, index: isize, value: Obj<'_>) -> PyResult<()> {
    let n = len(d) as isize;
    if header(d).maxlen.get() == n {
        return Err(PyErr::new(
            ExcKind::IndexError,
            "deque already at its maximum size",
        ));
    }
    if index >= n {
        return append(heap, d, value);
    }
    if index <= -n || index == 0 {
        return appendleft(heap, d, value);
    }
    rotate(heap, d, -index)?;
    if index < 0 {
        append(heap, d, value)?;
    } else {
        appendleft(heap, d, value)?;
    }
    rotate(heap, d, index)
}
