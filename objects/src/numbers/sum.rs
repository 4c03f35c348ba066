//! `sum(iterable, /, start=0)` (`builtin_sum_impl` of CPython 3.12): three paths in a fixed
//! order, whose order decides the results.
//!
//! 1. **int path**, while the total is an exact `int` that fits a C `long` and every item is
//!    an exact `int` or a `bool` whose sum still fits: machine addition.
//! 2. **float path**, entered when the total (after the int path, or the start) is an exact
//!    `float`: exact floats are added with Neumaier's compensated summation (3.12's
//!    `sum([0.1] * 10)` is `1.0`); ints that fit a `long` are added as `(double)value`
//!    without compensation. The compensation is added at the end, or when the path is left,
//!    only if it is non-zero and finite (so `inf` and `nan` totals stay as they are).
//! 3. **generic path**: `total = total + item` for the rest, whatever the types.
//!
//! Once a path is left it is never re-entered. [`Summation`] is that state machine, driven
//! item by item by whoever iterates (the interpreter's loop, or [`sum`] here).

use crate::abstract_::{BinOp, binary_op, for_each_started};
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::float::{FLOAT_TYPE, Float, float_value, new_float};
use crate::types::long::{BOOL_TYPE, INT_TYPE, Int, as_i64, int_from_i64};
use crate::types::{BYTES_TYPE, STR_TYPE};

/// Where a [`Summation`] is.
enum State<'h> {
    /// The int path: the running total.
    Int(i64),
    /// The float path: the running total and Neumaier's compensation.
    Float { total: f64, compensation: f64 },
    /// The generic path: the running total object.
    Generic(Obj<'h>),
}

/// `sum()`'s running total, fed one item at a time.
pub struct Summation<'h> {
    heap: &'h Heap,
    state: State<'h>,
}

fn is_exact(o: &PyObject, ty: &'static crate::typeobj::StaticType) -> bool {
    core::ptr::eq(o.ob_type(), ty.get())
}

impl<'h> Summation<'h> {
    /// A total starting at `start` (`None`: the argument was not given, so `0`). The caller
    /// gets the iterable's iterator first: `sum(5, 'a')` is a `TypeError` about `5`.
    ///
    /// # Errors
    /// `TypeError: sum() can't sum strings [use ''.join(seq) instead]` for a `str` start,
    /// `TypeError: sum() can't sum bytes [use b''.join(seq) instead]` for a `bytes` one.
    pub fn new(heap: &'h Heap, start: Option<&PyObject>) -> PyResult<Self> {
        Self::check_start(start)?;
        Ok(Self::from_start(heap, start))
    }

    /// The errors of [`Summation::new`] for a `start` (`builtin_sum_impl`'s checks, made
    /// after the iterator exists).
    ///
    /// # Errors
    /// As [`Summation::new`].
    pub fn check_start(start: Option<&PyObject>) -> PyResult<()> {
        let Some(start) = start else {
            return Ok(());
        };
        if start.ob_type().is_subtype(STR_TYPE.get()) {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ));
        }
        if start.ob_type().is_subtype(BYTES_TYPE.get()) {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ));
        }
        Ok(())
    }

    /// The total starting at `start`, which [`Summation::check_start`] accepts or not.
    fn from_start(heap: &'h Heap, start: Option<&PyObject>) -> Self {
        let Some(start) = start else {
            return Summation {
                heap,
                state: State::Int(0),
            };
        };
        // SAFETY: the caller holds `start`, an object of this heap.
        let obj = unsafe { Obj::from_borrowed(heap, start) };
        Summation {
            heap,
            state: Self::entered(obj, true),
        }
    }

    /// The path a total object enters: the int path only from the start, the float path for
    /// an exact float, else the generic one.
    fn entered(total: Obj<'h>, int_path: bool) -> State<'h> {
        let o = total.object();
        if int_path
            && is_exact(o, &INT_TYPE)
            && let Some(v) = Int::cast(o).and_then(as_i64)
        {
            return State::Int(v);
        }
        if is_exact(o, &FLOAT_TYPE) {
            let total = Float::cast(o).map_or(0.0, float_value);
            return State::Float {
                total,
                compensation: 0.0,
            };
        }
        State::Generic(total)
    }

    /// Adds `item` (`PyNumber_Add` on the generic path).
    ///
    /// # Errors
    /// What the addition raises.
    pub fn add(&mut self, item: &PyObject) -> PyResult<()> {
        let heap = self.heap;
        self.add_with(item, |a, b| binary_op(heap, a, b, BinOp::Add))
    }

    /// Adds `item`, calling `add(total, item)` where CPython calls `PyNumber_Add` (so that
    /// an interpreter can dispatch `__add__`/`__radd__` of its classes).
    ///
    /// # Errors
    /// What `add` raises.
    pub fn add_with(
        &mut self,
        item: &PyObject,
        add: impl FnOnce(&PyObject, &PyObject) -> PyResult<Obj<'h>>,
    ) -> PyResult<()> {
        let heap = self.heap;
        match &mut self.state {
            State::Int(total) => {
                let small = if is_exact(item, &INT_TYPE) || is_exact(item, &BOOL_TYPE) {
                    Int::cast(item).and_then(as_i64)
                } else {
                    None
                };
                if let Some(sum) = small.and_then(|b| total.checked_add(b)) {
                    *total = sum;
                    return Ok(());
                }
                let so_far = int_from_i64(heap, *total)?;
                let r = add(so_far.object(), item)?;
                self.state = Self::entered(r, false);
            }
            State::Float {
                total,
                compensation,
            } => {
                if is_exact(item, &FLOAT_TYPE) {
                    let x = Float::cast(item).map_or(0.0, float_value);
                    let t = *total + x;
                    if total.abs() >= x.abs() {
                        *compensation += (*total - t) + x;
                    } else {
                        *compensation += (x - t) + *total;
                    }
                    *total = t;
                    return Ok(());
                }
                if let Some(v) = Int::cast(item).and_then(as_i64) {
                    *total += v as f64;
                    return Ok(());
                }
                let so_far = new_float(heap, compensated(*total, *compensation))?;
                let r = add(so_far.object(), item)?;
                self.state = State::Generic(r);
            }
            State::Generic(total) => {
                let r = add(total.object(), item)?;
                *total = r;
            }
        }
        Ok(())
    }

    /// The total.
    ///
    /// # Errors
    /// `MemoryError`.
    pub fn finish(self) -> PyResult<Obj<'h>> {
        match self.state {
            State::Int(v) => int_from_i64(self.heap, v),
            State::Float {
                total,
                compensation,
            } => new_float(self.heap, compensated(total, compensation)),
            State::Generic(total) => Ok(total),
        }
    }
}

/// The float path's total with its compensation, which is added only when non-zero (to keep
/// the sign of `-0.0`) and finite (not to turn an infinite total into a nan).
fn compensated(total: f64, compensation: f64) -> f64 {
    if compensation != 0.0 && compensation.is_finite() {
        total + compensation
    } else {
        total
    }
}

/// `sum(iterable)` (`start` `None`) or `sum(iterable, start)`, iterating with
/// [`for_each_started`](crate::abstract_::for_each_started).
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, the `str`/`bytes` start errors of
/// [`Summation::new`], and what iterating or adding raises.
pub fn sum<'h>(heap: &'h Heap, iterable: &PyObject, start: Option<&PyObject>) -> PyResult<Obj<'h>> {
    sum_with(heap, iterable, start, |a, b| {
        binary_op(heap, a, b, BinOp::Add)
    })
}

/// [`sum`], with the generic path's addition given (see [`Summation::add_with`]).
///
/// # Errors
/// As [`sum`].
pub fn sum_with<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    start: Option<&PyObject>,
    mut add: impl FnMut(&PyObject, &PyObject) -> PyResult<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    // The start's errors come once the iterator exists (`sum(5, 'a')` is about `5`); the
    // total is made up front (no side effects) so that each item goes straight to it.
    let mut acc = Summation::from_start(heap, start);
    for_each_started(
        heap,
        iterable,
        || Summation::check_start(start),
        |item| {
            acc.add_with(item.object(), &mut add)?;
            Ok(true)
        },
    )?;
    acc.finish()
}
