//! `math.fsum(seq)` (Shewchuk's exact partials with Dickinson's correctly rounded finish,
//! `math_fsum`), `math.prod(iterable, *, start=1)` (`math_prod_impl`), and the vector norm
//! behind `math.hypot` and `math.dist` (`vector_norm`: exact power-of-two scaling, exact
//! squares by `fma`, compensated sums and a differential correction of the square root).

use crate::abstract_::{BinOp, binary_op, for_each};
use crate::error::{PyErr, PyResult};
use crate::float_repr::{frexp_finite, ldexp};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;

/// The exact sum of the finite partials so far, with the specials (infinities and nans)
/// summed apart as `math_fsum` does.
#[derive(Default)]
pub struct FSum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl FSum {
    /// Adds `x` to the partials, exactly.
    ///
    /// # Errors
    /// `OverflowError: intermediate overflow in fsum`.
    pub fn add(&mut self, x: f64) -> PyResult<()> {
        let xsave = x;
        let mut x = x;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded sum.
    ///
    /// # Errors
    /// `ValueError: -inf + inf in fsum`.
    pub fn total(&self) -> PyResult<f64> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(PyErr::value_error("-inf + inf in fsum"));
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let mut hi = 0.0;
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0;
            // Sum from the top, stopping when the sum becomes inexact.
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                lo = y - (hi - x);
                if lo != 0.0 {
                    break;
                }
            }
            // Half-even rounding across partials (sum([1e-16, 1, 1e16]) rounds up).
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                if y == x - hi {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// `math.fsum(seq)`.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `TypeError: must be real number, not str`,
/// `OverflowError: intermediate overflow in fsum`, `ValueError: -inf + inf in fsum`.
pub fn fsum(heap: &Heap, seq: &PyObject) -> PyResult<f64> {
    let mut acc = FSum::default();
    for_each(heap, seq, |item| {
        acc.add(super::as_double_special(heap, item.object())?)?;
        Ok(true)
    })?;
    acc.total()
}

/// `math.prod(iterable, start=1)`: `start * item * item ...` in order (CPython's int and
/// float fast paths give the same values as plain multiplication), `mul` doing the
/// multiplications.
///
/// # Errors
/// What iterating or multiplying raises.
pub fn prod_with<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    start: Option<Obj<'h>>,
    mut mul: impl FnMut(&PyObject, &PyObject) -> PyResult<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let mut total = match start {
        Some(s) => s,
        None => crate::types::long::int_from_i64(heap, 1)?,
    };
    for_each(heap, iterable, |item| {
        total = mul(total.object(), item.object())?;
        Ok(true)
    })?;
    Ok(total)
}

/// [`prod_with`] multiplying with `*` of the built-in types.
///
/// # Errors
/// As [`prod_with`].
pub fn prod<'h>(heap: &'h Heap, iterable: &PyObject, start: Option<Obj<'h>>) -> PyResult<Obj<'h>> {
    prod_with(heap, iterable, start, |a, b| {
        binary_op(heap, a, b, BinOp::Mul)
    })
}

/// `x * y` exactly, as `hi + lo` (`dl_mul`, with a fused multiply-add).
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `a + b` exactly, as `hi + lo`, for `|a| >= |b|` (`dl_fast_sum`).
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `vector_norm`: the Euclidean norm of non-negative `vec` whose largest element is `max`.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_finite(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -i64::from(max_e));
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (sum, err) = dl_fast_sum(csum, hi);
        csum = sum;
        frac1 += lo;
        frac2 += err;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (sum, err) = dl_fast_sum(csum, hi);
    csum = sum;
    frac1 += lo;
    frac2 += err;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.hypot(*coordinates)`.
///
/// # Errors
/// `TypeError: must be real number, not str`, `OverflowError` for an int too large.
pub fn hypot(heap: &Heap, coordinates: &[&PyObject]) -> PyResult<f64> {
    let mut vec = Vec::with_capacity(coordinates.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for c in coordinates {
        let x = super::as_double_special(heap, c)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(vector_norm(&mut vec, max, found_nan))
}

/// `math.dist(p, q)` (each point made a tuple first, as `PySequence_Tuple`).
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `ValueError: both points must have the same
/// number of dimensions`, and the coordinates' conversion errors.
pub fn dist<'h>(heap: &'h Heap, p: &Obj<'h>, q: &Obj<'h>) -> PyResult<f64> {
    use crate::types::tuple::{Tuple, items, sequence_tuple};
    let p = sequence_tuple(heap, p)?;
    let q = sequence_tuple(heap, q)?;
    let (Some(pt), Some(qt)) = (Tuple::cast(p.object()), Tuple::cast(q.object())) else {
        return Err(crate::view::bad_internal_call());
    };
    let (ps, qs) = (items(pt), items(qt));
    if ps.len() != qs.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(ps.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in ps.iter().zip(qs) {
        // SAFETY: items of live tuples that `p` and `q` keep alive.
        let (a, b) = unsafe { (a.as_ref(), b.as_ref()) };
        let x = (super::as_double_special(heap, a)? - super::as_double_special(heap, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(vector_norm(&mut diffs, max, found_nan))
}
