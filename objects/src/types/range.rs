//! `range` (`Objects/rangeobject.c`): the header and four int objects — `start`, `stop`, `step`
//! and the `length` computed once at creation — 48 bytes for every range, whatever its bounds
//! (`sys.getsizeof(range(10**30)) == 48`). It holds only ints, which cannot form cycles, so it is
//! not a GC type, and it cannot be subclassed.
//!
//! The bounds are arbitrary ints: the arithmetic is [`LongValue`]'s, with an `i64` fast path
//! for the common case. A range behaves as the sequence it produces: `range(0, 3, 2) ==
//! range(0, 4, 2)`, and equal ranges hash alike (`hash((length, start or None, step or
//! None))`, as `range_hash`). `len()` raises `OverflowError` past `sys.maxsize` items while
//! `bool()` and indexing still work, as in CPython.
//!
//! Entry points: [`new_range`] / [`range_from_args`] (`range(...)`), [`range_len`],
//! [`range_item`], [`range_contains`], [`range_count`], [`range_index`], [`iter_values`];
//! `repr`, `==` and `hash` are slots, `start`/`stop`/`step` members.

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{
    CompareOp, Member, NumberSlots, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec,
};
use crate::types::long::{self, INT_TYPE, Int, long_error, long_value, new_int};
use crate::types::{BOOL_TYPE, OBJECT_TYPE, TYPE_TYPE, none, tuple};

/// `rangeobject`.
#[repr(C)]
pub struct PyRangeObject {
    ob_base: PyObject,
    start: ObjPtr,
    stop: ObjPtr,
    step: ObjPtr,
    length: ObjPtr,
}

const _: () = assert!(size_of::<PyRangeObject>() == 48);

/// `Py_TPFLAGS_SEQUENCE` (pattern matching treats ranges as sequences).
const SEQUENCE: TypeFlags = TypeFlags(1 << 5);

/// Whether `o` is a range (`PyRange_Check`; range has no subclasses).
pub fn is_range(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), RANGE_TYPE.get())
}

crate::view! {
    /// A range (`PyRange_Check`; `range` has no subclasses).
    pub struct Range: "range" = is_range;
}

/// The range a slot of the range type was called on.
fn slot_self(o: &PyObject) -> &Range {
    // SAFETY: the range type's slots are only called on ranges (the type cannot be
    // subclassed).
    unsafe { Range::cast_unchecked(o) }
}

fn fields(o: &Range) -> &PyRangeObject {
    // SAFETY: the view guarantees a range, and ranges start with a `PyRangeObject`.
    unsafe { &*core::ptr::from_ref(o).cast::<PyRangeObject>() }
}

/// A borrowed field of a live range: the range holds a reference to it, an int.
fn field(p: &ObjPtr) -> &Int {
    // SAFETY: a range owns one reference to each of its four ints for its whole life, and
    // only ever stores exact ints there (`number_index` results and `compute_length`'s).
    unsafe { Int::cast_unchecked(p.as_ref()) }
}

fn value(p: &ObjPtr) -> LongValue {
    long_value(field(p))
}

fn new_ref<'h>(heap: &'h Heap, p: &ObjPtr) -> Obj<'h> {
    // SAFETY: a field of a live range of `heap` (see `field`).
    unsafe { Obj::from_borrowed(heap, field(p)) }
}

/// New references to a range's `start`, `stop`, `step` and `length` ints (for its iterators).
pub fn range_parts<'h>(heap: &'h Heap, r: &Range) -> [Obj<'h>; 4] {
    let f = fields(r);
    [&f.start, &f.stop, &f.step, &f.length].map(|p| new_ref(heap, p))
}

/// A range's `start`, `stop`, `step` and `length` when all four are compact ints (one digit
/// at most, as nearly every range's are), read without new references: the fast way to a
/// `range_iterator`.
#[inline]
pub fn compact_parts(r: &Range) -> Option<[i64; 4]> {
    let f = fields(r);
    Some([
        long::compact_value(field(&f.start))?,
        long::compact_value(field(&f.stop))?,
        long::compact_value(field(&f.step))?,
        long::compact_value(field(&f.length))?,
    ])
}

/// `PyNumber_Index`: an exact int for an int (a `bool` or other subclass is copied to an exact
/// int, from the small-int cache when it is one), a class's `__index__`.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`.
pub fn number_index<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if core::ptr::eq(o.ob_type(), INT_TYPE.get()) {
        // SAFETY: `o` is a live object of `heap` (the caller holds it).
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    if let Some(i) = Int::cast(o) {
        return new_int(heap, &long_value(i));
    }
    if let Some(r) = crate::types::slot_defs::nb_index(heap, o) {
        return number_index(heap, r?.object());
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        o.ob_type().name()
    )))
}

/// `range(*args)` (`range_from_array`): `range(stop)`, `range(start, stop)` or
/// `range(start, stop, step)`.
///
/// # Errors
/// `TypeError: range expected at least 1 argument, got 0` (or `at most 3 arguments, got 4`), and
/// the errors of [`new_range`].
pub fn range_from_args<'h>(heap: &'h Heap, args: &[&PyObject]) -> PyResult<Obj<'h>> {
    match *args {
        [stop] => {
            let stop = number_index(heap, stop)?;
            let (zero, one) = (long::int_from_i64(heap, 0)?, long::int_from_i64(heap, 1)?);
            make_range(heap, zero, stop, one)
        }
        [start, stop] => {
            let (start, stop) = (number_index(heap, start)?, number_index(heap, stop)?);
            make_range(heap, start, stop, long::int_from_i64(heap, 1)?)
        }
        [start, stop, step] => new_range(heap, start, stop, step),
        [] => Err(PyErr::type_error(
            "range expected at least 1 argument, got 0",
        )),
        _ => Err(PyErr::type_error(format!(
            "range expected at most 3 arguments, got {}",
            args.len()
        ))),
    }
}

/// `range(start, stop, step)`: the three are converted with `__index__` in that order, then the
/// step is checked.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`,
/// `ValueError: range() arg 3 must not be zero`, `MemoryError`.
pub fn new_range<'h>(
    heap: &'h Heap,
    start: &PyObject,
    stop: &PyObject,
    step: &PyObject,
) -> PyResult<Obj<'h>> {
    let start = number_index(heap, start)?;
    let stop = number_index(heap, stop)?;
    let step = number_index(heap, step)?;
    if long::ndigits(Int::cast_internal(step.object())?) == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    make_range(heap, start, stop, step)
}

/// `make_range_object`: the length first, then the object, which takes the three references.
fn make_range<'h>(
    heap: &'h Heap,
    start: Obj<'h>,
    stop: Obj<'h>,
    step: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let length = compute_length(
        heap,
        Int::cast_internal(start.object())?,
        Int::cast_internal(stop.object())?,
        Int::cast_internal(step.object())?,
    )?;
    let op = heap.alloc_object(RANGE_TYPE.get(), size_of::<PyRangeObject>())?;
    // SAFETY: a fresh range body with its header written; it takes over the four references.
    unsafe {
        let r = op.cast::<PyRangeObject>().as_ptr();
        core::ptr::addr_of_mut!((*r).start).write(start.into_ptr());
        core::ptr::addr_of_mut!((*r).stop).write(stop.into_ptr());
        core::ptr::addr_of_mut!((*r).step).write(step.into_ptr());
        core::ptr::addr_of_mut!((*r).length).write(length.into_ptr());
        Ok(Obj::from_owned(heap, op))
    }
}

/// `compute_range_length`: `max(0, ceil((stop - start) / step))`, in `i128` when the bounds fit
/// an `i64` (`get_len_of_range`), else on big ints.
fn compute_length<'h>(heap: &'h Heap, start: &Int, stop: &Int, step: &Int) -> PyResult<Obj<'h>> {
    let small = (long::as_i64(start), long::as_i64(stop), long::as_i64(step));
    if let (Some(lo), Some(hi), Some(st)) = small {
        // In unsigned 64-bit words, as `get_len_of_range`: the distance between two `i64`s
        // fits a `u64` (no `i128` division, which is a library call).
        let n = if st > 0 && lo < hi {
            1 + (hi.wrapping_sub(lo) as u64 - 1) / st.unsigned_abs()
        } else if st < 0 && lo > hi {
            1 + (lo.wrapping_sub(hi) as u64 - 1) / st.unsigned_abs()
        } else {
            0
        };
        return long::int_from_i128(heap, i128::from(n));
    }
    let (start, stop, step) = (long_value(start), long_value(stop), long_value(step));
    let (lo, hi, step) = if step.is_negative() {
        (stop, start, step.neg())
    } else {
        (start, stop, step)
    };
    if lo >= hi {
        return long::int_from_i64(heap, 0);
    }
    let diff = hi.sub(&lo).sub(&LongValue::one());
    let n = diff.floordiv(&step).map_err(long_error)?;
    new_int(heap, &n.add(&LongValue::one()))
}

/// `len(r)` (`range_length`: `PyLong_AsSsize_t(r->length)`).
///
/// # Errors
/// `OverflowError: Python int too large to convert to C ssize_t` past `sys.maxsize` items.
pub fn range_len(r: &Range) -> PyResult<usize> {
    long::as_ssize_t(field(&fields(r).length)).map(|n| n as usize)
}

/// `r[i]` for an index object (`range_subscript` with an int: any size, negative from the end).
///
/// # Errors
/// `IndexError: range object index out of range`,
/// `TypeError: range indices must be integers or slices, not str` (slices are
/// [`range_slice`]'s).
pub fn range_item<'h>(heap: &'h Heap, r: &Range, i: &PyObject) -> PyResult<Obj<'h>> {
    let Some(i) = Int::cast(i) else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            i.ob_type().name()
        )));
    };
    compute_item(heap, r, long_value(i))
}

/// `r[start:stop:step]` (`compute_slice`): a new range, computed in O(1) on big ints. The
/// slice's parts are `None` for an absent or `None` part.
///
/// # Errors
/// `TypeError: slice indices must be integers or None or have an __index__ method`,
/// `ValueError: slice step cannot be zero`, `MemoryError`.
pub fn range_slice<'h>(
    heap: &'h Heap,
    r: &Range,
    start: Option<&PyObject>,
    stop: Option<&PyObject>,
    step: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let f = fields(r);
    let (start, stop, step) = slice_long_indices(start, stop, step, &value(&f.length))?;
    let (r_start, r_step) = (value(&f.start), value(&f.step));
    let substart = r_start.add(&start.mul(&r_step));
    let substop = r_start.add(&stop.mul(&r_step));
    let substep = step.mul(&r_step);
    make_range(
        heap,
        new_int(heap, &substart)?,
        new_int(heap, &substop)?,
        new_int(heap, &substep)?,
    )
}

/// `_PySlice_GetLongIndices`: the slice's start, stop and step for a sequence of `length`
/// items, clamped as for any sequence but on big ints.
fn slice_long_indices(
    start: Option<&PyObject>,
    stop: Option<&PyObject>,
    step: Option<&PyObject>,
    length: &LongValue,
) -> PyResult<(LongValue, LongValue, LongValue)> {
    let index = |o: &PyObject| {
        Int::cast(o).map(long_value).ok_or_else(|| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })
    };
    let step = match step {
        None => LongValue::one(),
        Some(o) => index(o)?,
    };
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        let lower = LongValue::from_i64(-1);
        let upper = length.add(&lower);
        (lower, upper)
    } else {
        (LongValue::from_i64(0), length.clone())
    };
    let clamp = |o: Option<&PyObject>, default: &LongValue| -> PyResult<LongValue> {
        let Some(o) = o else {
            return Ok(default.clone());
        };
        let mut i = index(o)?;
        if i.is_negative() {
            i = i.add(length);
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let negative = step.is_negative();
    let start = clamp(start, if negative { &upper } else { &lower })?;
    let stop = clamp(stop, if negative { &lower } else { &upper })?;
    Ok((start, stop, step))
}

/// `r[i]` for a machine index (`range_item`, the sequence slot).
///
/// # Errors
/// `IndexError: range object index out of range`.
pub fn range_item_at<'h>(heap: &'h Heap, r: &Range, i: isize) -> PyResult<Obj<'h>> {
    compute_item(heap, r, LongValue::from_i64(i as i64))
}

/// `compute_range_item`: `start + i * step` once `i` is normalised and checked.
fn compute_item<'h>(heap: &'h Heap, r: &Range, i: LongValue) -> PyResult<Obj<'h>> {
    let f = fields(r);
    let length = value(&f.length);
    let i = if i.is_negative() { length.add(&i) } else { i };
    if i.is_negative() || i >= length {
        return Err(PyErr::new(
            ExcKind::IndexError,
            "range object index out of range",
        ));
    }
    new_int(heap, &value(&f.start).add(&i.mul(&value(&f.step))))
}

/// `range_contains_long`: whether the int `ob` is one of the values, by arithmetic.
fn contains_long(r: &Range, ob: &Int) -> bool {
    let f = fields(r);
    let (start, stop, step, x) = (
        value(&f.start),
        value(&f.stop),
        value(&f.step),
        long_value(ob),
    );
    let inside = if step.is_negative() {
        stop < x && x <= start
    } else {
        start <= x && x < stop
    };
    inside && x.sub(&start).rem(&step).is_ok_and(|m| m.is_zero())
}

/// `ob` as an int if it must be searched by arithmetic (`PyLong_CheckExact(ob) ||
/// PyBool_Check(ob)`); anything else, even an int subclass, is compared with each value in
/// turn.
fn searched_by_value(ob: &PyObject) -> Option<&Int> {
    Int::cast(ob).filter(|_| {
        core::ptr::eq(ob.ob_type(), INT_TYPE.get()) || core::ptr::eq(ob.ob_type(), BOOL_TYPE.get())
    })
}

/// `ob in r` (`range_contains`): arithmetic for ints and bools, else `==` against each value
/// (`_PySequence_IterSearch`, so `3.0 in range(5)` is true).
///
/// # Errors
/// What comparing `ob` with a value raises.
pub fn range_contains(heap: &Heap, r: &Range, ob: &PyObject) -> PyResult<bool> {
    if let Some(i) = searched_by_value(ob) {
        return Ok(contains_long(r, i));
    }
    for item in iter_values(heap, r) {
        if abstract_::compare_bool(heap, item?.object(), ob, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `r.count(ob)`.
///
/// # Errors
/// What comparing `ob` with a value raises.
pub fn range_count<'h>(heap: &'h Heap, r: &Range, ob: &PyObject) -> PyResult<Obj<'h>> {
    if let Some(i) = searched_by_value(ob) {
        return long::int_from_i64(heap, i64::from(contains_long(r, i)));
    }
    let mut n = 0;
    for item in iter_values(heap, r) {
        n += i64::from(abstract_::compare_bool(
            heap,
            item?.object(),
            ob,
            CompareOp::Eq,
        )?);
    }
    long::int_from_i64(heap, n)
}

/// `r.index(ob)`: `(ob - start) // step` for an int in the range.
///
/// # Errors
/// `ValueError: 7 is not in range` for an int or bool,
/// `ValueError: sequence.index(x): x not in sequence` for anything else.
pub fn range_index<'h>(heap: &'h Heap, r: &Range, ob: &PyObject) -> PyResult<Obj<'h>> {
    let Some(ob_int) = searched_by_value(ob) else {
        for (i, item) in iter_values(heap, r).enumerate() {
            if abstract_::compare_bool(heap, item?.object(), ob, CompareOp::Eq)? {
                return long::int_from_i64(heap, i as i64);
            }
        }
        return Err(PyErr::value_error("sequence.index(x): x not in sequence"));
    };
    if !contains_long(r, ob_int) {
        let text = abstract_::repr(heap, ob)?;
        return Err(PyErr::value_error(format!("{text} is not in range")));
    }
    let f = fields(r);
    let offset = long_value(ob_int).sub(&value(&f.start));
    new_int(heap, &offset.floordiv(&value(&f.step)).map_err(long_error)?)
}

/// The values of a range in order, as new int objects (what iterating it yields).
pub fn iter_values<'h>(heap: &'h Heap, r: &Range) -> RangeValues<'h> {
    let f = fields(r);
    RangeValues {
        heap,
        next: value(&f.start),
        step: value(&f.step),
        remaining: value(&f.length),
    }
}

/// Iterator over a range's values; see [`iter_values`].
pub struct RangeValues<'h> {
    heap: &'h Heap,
    next: LongValue,
    step: LongValue,
    remaining: LongValue,
}

impl<'h> Iterator for RangeValues<'h> {
    type Item = PyResult<Obj<'h>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining.is_zero() {
            return None;
        }
        let item = new_int(self.heap, &self.next);
        self.next = self.next.add(&self.step);
        self.remaining = self.remaining.sub(&LongValue::one());
        Some(item)
    }
}

unsafe fn range_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead range of this heap owning one reference to each field, released in
    // CPython's order before the memory goes back.
    unsafe {
        let f = fields(slot_self(op.as_ref()));
        let parts = [f.start, f.stop, f.step, f.length];
        for p in parts {
            heap.decref(p);
        }
        heap.free_object(op, RANGE_TYPE.get());
    }
}

/// `range(0, 10)`, or `range(0, 10, 2)` when the step is not 1.
fn range_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let f = fields(slot_self(o));
    let (start, stop) = (
        abstract_::repr(heap, field(&f.start))?,
        abstract_::repr(heap, field(&f.stop))?,
    );
    if long::as_i64(field(&f.step)) == Some(1) {
        return Ok(format!("range({start}, {stop})"));
    }
    let step = abstract_::repr(heap, field(&f.step))?;
    Ok(format!("range({start}, {stop}, {step})"))
}

/// `range_equals`: same length, and for a non-empty range the same start, and for more than
/// one item the same step.
fn range_equals(a: &Range, b: &Range) -> bool {
    if core::ptr::eq(a, b) {
        return true;
    }
    let (fa, fb) = (fields(a), fields(b));
    let length = value(&fa.length);
    if length != value(&fb.length) {
        return false;
    }
    if length.is_zero() {
        return true;
    }
    if value(&fa.start) != value(&fb.start) {
        return false;
    }
    length.is_one() || value(&fa.step) == value(&fb.step)
}

fn range_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Range::cast(a), Range::cast(b)) else {
        return Ok(None);
    };
    match op {
        CompareOp::Eq => Ok(Some(long::new_bool(heap, range_equals(a, b)))),
        CompareOp::Ne => Ok(Some(long::new_bool(heap, !range_equals(a, b)))),
        _ => Ok(None),
    }
}

/// `range_hash`: the hash of the tuple `(length, start, step)`, with `None` for the start of an
/// empty range and for the step of a one-item range. The tuple is built for real, as CPython
/// builds it.
fn range_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let f = fields(slot_self(o));
    let length = value(&f.length);
    let start = if length.is_zero() {
        none(heap)
    } else {
        new_ref(heap, &f.start)
    };
    let step = if length.is_zero() || length.is_one() {
        none(heap)
    } else {
        new_ref(heap, &f.step)
    };
    let t = tuple::new_tuple(heap, vec![new_ref(heap, &f.length), start, step])?;
    abstract_::hash(heap, t.object())
}

/// `bool(r)`: whether the length is non-zero (no overflow, unlike `len`).
fn range_bool(o: &PyObject) -> bool {
    long::ndigits(field(&fields(slot_self(o)).length)) != 0
}

/// The `len()` slot. Slots cannot raise yet, so a length past `sys.maxsize` reads as
/// `sys.maxsize` here; [`range_len`] raises CPython's `OverflowError` instead, and
/// `abstract_::len` calls it for ranges.
fn range_length_slot(o: &PyObject) -> usize {
    range_len(slot_self(o)).unwrap_or(isize::MAX as usize)
}

fn get_start<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    Ok(new_ref(heap, &fields(slot_self(o)).start))
}

fn get_stop<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    Ok(new_ref(heap, &fields(slot_self(o)).stop))
}

fn get_step<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    Ok(new_ref(heap, &fields(slot_self(o)).step))
}

static RANGE_MEMBERS: [Member; 3] = [
    Member {
        name: "start",
        get: get_start,
    },
    Member {
        name: "stop",
        get: get_stop,
    },
    Member {
        name: "step",
        get: get_step,
    },
];

static RANGE_NUMBER: NumberSlots = NumberSlots {
    bool: Some(range_bool),
    ..crate::types::base::EMPTY_NUMBER_SLOTS
};

static RANGE_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(range_length_slot),
    concat: None,
    repeat: None,
};

static RANGE_SLOTS: Slots = Slots {
    dealloc: range_dealloc,
    sizeof: None,
    repr: range_repr,
    str: None,
    hash: Some(range_hash),
    richcompare: Some(range_richcompare),
    number: Some(&RANGE_NUMBER),
    sequence: Some(&RANGE_SEQUENCE),
    traverse: None,
    clear: None,
    members: &RANGE_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `range`: `__basicsize__` 48, not a GC type, not subclassable.
pub static RANGE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "range",
        basicsize: size_of::<PyRangeObject>(),
        itemsize: 0,
        flags: SEQUENCE,
        base: Some(&OBJECT_TYPE),
        slots: &RANGE_SLOTS,
    },
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::long::int_from_i64;

    fn range<'h>(heap: &'h Heap, a: i64, b: i64, c: i64) -> Obj<'h> {
        let (a, b, c) = (
            int_from_i64(heap, a).unwrap(),
            int_from_i64(heap, b).unwrap(),
            int_from_i64(heap, c).unwrap(),
        );
        new_range(heap, a.object(), b.object(), c.object()).unwrap()
    }

    #[test]
    fn lengths_match_the_values_produced() {
        let heap = Heap::new();
        for (a, b, c) in [
            (0, 10, 3),
            (10, 0, -3),
            (5, 5, 1),
            (0, -1, 1),
            (-7, 7, 7),
            (3, -9, -4),
        ] {
            let r = range(&heap, a, b, c);
            let expected: Vec<i64> = if c > 0 {
                (a..b).step_by(c as usize).collect()
            } else {
                (b + 1..=a).rev().step_by(-c as usize).collect()
            };
            let r = Range::cast(r.object()).unwrap();
            let got: Vec<i64> = iter_values(&heap, r)
                .map(|v| long::object_as_i64(v.unwrap().object()).unwrap())
                .collect();
            assert_eq!(got, expected, "range({a}, {b}, {c})");
            assert_eq!(range_len(r).unwrap(), expected.len());
        }
    }

    #[test]
    fn dealloc_releases_every_field() {
        let heap = Heap::new();
        let big = int_from_i64(&heap, 1 << 40).unwrap();
        let r = range(&heap, 0, 1, 1);
        drop(r);
        let r = new_range(&heap, big.object(), big.object(), big.object()).unwrap();
        assert_eq!(
            big.object().refcnt(),
            4,
            "start, stop and step, and the handle"
        );
        drop(r);
        assert_eq!(big.object().refcnt(), 1);
    }
}
