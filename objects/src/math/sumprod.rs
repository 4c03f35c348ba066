//! `math.sumprod(p, q)` (`math_sumprod_impl` of CPython 3.12's `Modules/mathmodule.c`): the
//! sum of the products of two iterables' items, taken pairwise.
//!
//! Three accumulators run as CPython's do: exact ints in a machine word while the products
//! and the sum fit; floats (and float/int, float/bool pairs) in triple-length arithmetic
//! (Dekker's error-free product and sum, `tl_fma`), rounded once, while the total is finite;
//! and the generic `total + p * q` for anything else. An accumulator hands its total to the
//! generic one the first time an item does not fit it, and never starts again.

use crate::abstract_::{BinOp, binary_op, get_iter, iter_next};
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::float::{FLOAT_TYPE, float_value, new_float};
use crate::types::long::{BOOL_TYPE, INT_TYPE, Int, as_i64, int_from_i64, long_value};

/// `x` split into a high half of 26 bits and the rest (Veltkamp, `dl_split`).
fn dl_split(x: f64) -> (f64, f64) {
    let t = x * 134_217_729.0;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// `x * y` as `hi + lo`, exactly (Dekker's product, `dl_mul` of 3.12).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let (xh, xl) = dl_split(x);
    let (yh, yl) = dl_split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let z = p + q;
    let zz = p - z + q + xl * yl;
    (z, zz)
}

/// `a + b` as `hi + lo`, exactly (Knuth's two-sum, `dl_sum`).
fn dl_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}

/// A triple-length float: `hi + lo + tiny`.
#[derive(Clone, Copy, Default)]
struct Triple {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl Triple {
    /// `self + x * y` (`tl_fma`).
    fn fma(self, x: f64, y: f64) -> Triple {
        let pr = dl_mul(x, y);
        let sm = dl_sum(self.hi, pr.0);
        let r1 = dl_sum(self.lo, pr.1);
        let r2 = dl_sum(r1.0, sm.1);
        Triple {
            hi: sm.0,
            lo: r2.0,
            tiny: self.tiny + r1.1 + r2.1,
        }
    }

    /// Rounded to a double (`tl_to_d`).
    fn to_f64(self) -> f64 {
        let last = dl_sum(self.lo, self.hi);
        self.tiny + last.1 + last.0
    }
}

fn is_type(o: &PyObject, t: &'static crate::typeobj::StaticType) -> bool {
    core::ptr::eq(o.ob_type(), t.get())
}

/// An exact int or a bool as a double (`PyLong_AsDouble`), `None` past the float range.
fn int_as_double(o: &PyObject) -> Option<f64> {
    if !(is_type(o, &INT_TYPE) || is_type(o, &BOOL_TYPE)) {
        return None;
    }
    long_value(Int::cast(o)?).to_f64().ok()
}

/// The pair as two doubles, if the float path takes it.
fn float_pair(p: &PyObject, q: &PyObject) -> Option<(f64, f64)> {
    let pf = is_type(p, &FLOAT_TYPE);
    let qf = is_type(q, &FLOAT_TYPE);
    let value = |o: &PyObject| crate::types::float::Float::cast(o).map(float_value);
    match (pf, qf) {
        (true, true) => Some((value(p)?, value(q)?)),
        (true, false) => Some((value(p)?, int_as_double(q)?)),
        (false, true) => Some((int_as_double(p)?, value(q)?)),
        _ => None,
    }
}

/// The pair as two machine ints, if both are exact ints that fit.
fn int_pair(p: &PyObject, q: &PyObject) -> Option<(i64, i64)> {
    if !(is_type(p, &INT_TYPE) && is_type(q, &INT_TYPE)) {
        return None;
    }
    Some((as_i64(Int::cast(p)?)?, as_i64(Int::cast(q)?)?))
}

/// `math.sumprod(p, q)`.
///
/// # Errors
/// `TypeError` for an argument that is not iterable or items that do not multiply or add,
/// `ValueError: Inputs are not the same length`.
pub fn sumprod<'h>(heap: &'h Heap, p: &PyObject, q: &PyObject) -> PyResult<Obj<'h>> {
    let p_it = get_iter(heap, p)?;
    let q_it = get_iter(heap, q)?;
    let mut total = int_from_i64(heap, 0)?;
    let (mut int_path, mut int_total, mut int_in_use) = (true, 0i64, false);
    let (mut flt_path, mut flt_total, mut flt_in_use) = (true, Triple::default(), false);
    loop {
        let p_i = iter_next(heap, p_it.object())?;
        let q_i = iter_next(heap, q_it.object())?;
        let pair = match (&p_i, &q_i) {
            (Some(a), Some(b)) => Some((a.object(), b.object())),
            (None, None) => None,
            _ => return Err(PyErr::value_error("Inputs are not the same length")),
        };
        if int_path {
            let step = pair
                .and_then(|(a, b)| int_pair(a, b))
                .and_then(|(a, b)| a.checked_mul(b))
                .and_then(|prod| int_total.checked_add(prod));
            if let Some(t) = step {
                int_total = t;
                int_in_use = true;
                continue;
            }
            int_path = false;
            if int_in_use {
                let term = int_from_i64(heap, int_total)?;
                total = binary_op(heap, total.object(), term.object(), BinOp::Add)?;
                int_in_use = false;
            }
        }
        if flt_path {
            if let Some((x, y)) = pair.and_then(|(a, b)| float_pair(a, b)) {
                let t = flt_total.fma(x, y);
                if t.hi.is_finite() {
                    flt_total = t;
                    flt_in_use = true;
                    continue;
                }
            }
            flt_path = false;
            if flt_in_use {
                let term = new_float(heap, flt_total.to_f64())?;
                total = binary_op(heap, total.object(), term.object(), BinOp::Add)?;
                flt_in_use = false;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(total);
        };
        let term = binary_op(heap, a, b, BinOp::Mul)?;
        total = binary_op(heap, total.object(), term.object(), BinOp::Add)?;
    }
}
