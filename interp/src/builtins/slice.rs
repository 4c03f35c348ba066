//! `slice` as a built-in type (`Objects/sliceobject.c`): `slice(stop)` and
//! `slice(start, stop[, step])`, the read-only `start`, `stop` and `step`, `indices(length)`,
//! comparisons as of the tuple `(start, stop, step)`, and 3.12's hash (the tuple hash without
//! the length term). The slice object itself is the interpreter's ([`super::super::objects`]),
//! the one `BUILD_SLICE` makes.

use pyrt_objects::error::ExcKind;
use pyrt_objects::typeobj::{CompareOp, Member};
use pyrt_objects::types::list_slice::{adjust_indices, slice_unpack};
use pyrt_objects::types::{long, none, tuple};
use pyrt_objects::{Heap, Obj, PyErr, PyObject, PyResult, abstract_};

use super::super::exceptions;
use super::super::objects::SLICE;
use super::super::{Interp, R};

/// `slice(...)` (`slice_new`).
pub(crate) fn new<'py>(
    interp: &Interp<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    if !kwargs.is_empty() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "slice() takes no keyword arguments",
        ));
    }
    let (start, stop, step) = match args {
        [] => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "slice expected at least 1 argument, got 0",
            ));
        }
        [stop] => (None, Some(stop.clone()), None),
        [start, stop] => (Some(start.clone()), Some(stop.clone()), None),
        [start, stop, step] => (Some(start.clone()), Some(stop.clone()), Some(step.clone())),
        _ => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("slice expected at most 3 arguments, got {}", args.len()),
            ));
        }
    };
    let or_none = |v: Option<Obj<'py>>| Some(v.unwrap_or_else(|| none(heap)));
    SLICE
        .alloc(heap, &[or_none(start), or_none(stop), or_none(step)], &[])
        .map_err(|e| interp.err(e))
}

/// Part `i` (0 start, 1 stop, 2 step) of slice `o`; `None` for a missing part.
fn part<'h>(heap: &'h Heap, o: &PyObject, i: usize) -> PyResult<Obj<'h>> {
    let s = SLICE
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    Ok(s.get_ref(heap, i).unwrap_or_else(|| none(heap)))
}

/// The parts of slice `o` that are not `None`.
fn parts<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<[Option<Obj<'h>>; 3]> {
    let n = none(heap);
    let get = |i| part(heap, o, i).map(|v| Some(v).filter(|v| !v.is(&n)));
    Ok([get(0)?, get(1)?, get(2)?])
}

/// `start`, `stop`, `step` (`slice_members`, read-only).
pub(crate) static SLICE_MEMBERS: [Member; 3] = [
    Member {
        name: "start",
        get: |h, o| part(h, o, 0),
    },
    Member {
        name: "stop",
        get: |h, o| part(h, o, 1),
    },
    Member {
        name: "step",
        get: |h, o| part(h, o, 2),
    },
];

/// `slice.indices(length)`: `(start, stop, step)` fitted to a sequence of that length.
pub(crate) fn indices<'py>(
    interp: &Interp<'py>,
    slice: &Obj<'py>,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let [length] = args else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "slice.indices() takes exactly one argument ({} given)",
                args.len()
            ),
        ));
    };
    let length = interp.index(length, "slice")?;
    if length < 0 {
        return Err(interp.raise(&exceptions::VALUE_ERROR, "length should not be negative"));
    }
    let [start, stop, step] = parts(heap, slice.object()).map_err(|e| interp.err(e))?;
    let (mut start, mut stop, step) = slice_unpack(
        start.as_ref().map(Obj::object),
        stop.as_ref().map(Obj::object),
        step.as_ref().map(Obj::object),
    )
    .map_err(|e| interp.err(e))?;
    adjust_indices(length as usize, &mut start, &mut stop, step);
    let int = |v: isize| long::int_from_i64(heap, v as i64);
    let items = vec![int(start), int(stop), int(step)]
        .into_iter()
        .collect::<PyResult<Vec<_>>>()
        .map_err(|e| interp.err(e))?;
    tuple::new_tuple(heap, items).map_err(|e| interp.err(e))
}

/// `slice_richcompare`: two slices compare as the tuples of their parts.
pub(crate) fn richcompare<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !SLICE.is(v) || !SLICE.is(w) {
        return Ok(None);
    }
    let as_tuple = |o| -> PyResult<Obj<'h>> {
        tuple::new_tuple(
            heap,
            vec![part(heap, o, 0)?, part(heap, o, 1)?, part(heap, o, 2)?],
        )
    };
    let (a, b) = (as_tuple(v)?, as_tuple(w)?);
    abstract_::compare(heap, a.object(), b.object(), op).map(Some)
}

/// `slice_hash` (new in 3.12): xxHash over the three parts' hashes, as `tuplehash` without
/// its final length term.
pub(crate) fn hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
    const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
    const XXPRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = XXPRIME_5;
    for i in 0..3 {
        let lane = abstract_::hash(heap, part(heap, o, i)?.object())? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    Ok(if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    })
}

/// `tp_setattro` of `slice`: its members are `READONLY` `PyMemberDef`s, and it has no dict.
pub(crate) fn setattr(
    _heap: &Heap,
    o: &PyObject,
    name: &str,
    _value: Option<&PyObject>,
) -> PyResult<()> {
    let message = if SLICE_MEMBERS.iter().any(|m| m.name == name) {
        "readonly attribute".to_string()
    } else {
        format!("'{}' object has no attribute '{name}'", o.ob_type().name())
    };
    Err(PyErr::new(ExcKind::AttributeError, message))
}
