//! The number built-ins (`Python/bltinmodule.c`): `pow`, `round`, `divmod` and `sum` on the
//! object layer's `numbers` (three-argument `pow`, `round` with `ndigits`, 3.12's compensated
//! float `sum`), and `hex`, `oct` and `bin` through `int.__format__`'s alternate forms.
//! A class defined in Python with its own `__round__`, `__index__`, `__pow__` is dispatched
//! here first, as CPython looks the special method up on the type.

use pyrt_objects::numbers;
use pyrt_objects::types::{class, long, unicode};
use pyrt_objects::{Obj, PyObject};

use super::super::exceptions;
use super::super::{Interp, R};
use super::arg;

/// A Python class's own special method `name` for `o`, if it has one.
fn special<'py>(interp: &Interp<'py>, o: &Obj<'py>, name: &str) -> Option<Obj<'py>> {
    let ty = o.ob_type();
    class::is_heap_type(ty)
        .then(|| interp.class_lookup(ty, name))
        .flatten()
}

/// `pow(base, exp, mod=None)`.
pub(super) fn pow<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (base, exp) = (arg(interp, bound, 0)?, arg(interp, bound, 1)?);
    let modulus = bound.get(2).cloned().flatten();
    let none = pyrt_objects::types::none(interp.heap);
    if modulus.as_ref().is_none_or(|m| m.is(&none)) {
        return interp.binary_op(ruff_python_ast::Operator::Pow, &base, &exp);
    }
    numbers::power(
        interp.heap,
        base.object(),
        exp.object(),
        modulus.as_ref().map(Obj::object),
    )
    .map_err(|e| interp.err(e))
}

/// `round(number, ndigits=None)`: the type's `__round__`.
pub(super) fn round<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let number = arg(interp, bound, 0)?;
    let ndigits = bound.get(1).cloned().flatten();
    if let Some(f) = special(interp, &number, "__round__") {
        let none = pyrt_objects::types::none(interp.heap);
        let mut args = vec![number];
        if let Some(n) = ndigits.filter(|n| !n.is(&none)) {
            args.push(n);
        }
        return interp.call(&f, args, Vec::new());
    }
    numbers::round(
        interp.heap,
        number.object(),
        ndigits.as_ref().map(Obj::object),
    )
    .map_err(|e| interp.err(e))
}

/// `divmod(a, b)`.
pub(super) fn divmod<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (a, b) = (arg(interp, bound, 0)?, arg(interp, bound, 1)?);
    for (o, name, other) in [(&a, "__divmod__", &b), (&b, "__rdivmod__", &a)] {
        if let Some(f) = special(interp, o, name) {
            let r = interp.call(&f, vec![o.clone(), other.clone()], Vec::new())?;
            if !r.is(&pyrt_objects::types::not_implemented(interp.heap)) {
                return Ok(r);
            }
        }
    }
    numbers::divmod(interp.heap, a.object(), b.object()).map_err(|e| interp.err(e))
}

/// `sum(iterable, /, start=0)`: ints, then floats (with 3.12's compensated summation), then
/// `+` of whatever comes.
pub(super) fn sum<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let iterable = arg(interp, bound, 0)?;
    let start = bound.get(1).cloned().flatten();
    numbers::sum_with(
        heap,
        iterable.object(),
        start.as_ref().map(Obj::object),
        |a: &PyObject, b: &PyObject| {
            // SAFETY: the summation holds both operands for the call.
            let (a, b) = unsafe { (Obj::from_borrowed(heap, a), Obj::from_borrowed(heap, b)) };
            interp
                .binary_op(ruff_python_ast::Operator::Add, &a, &b)
                .map_err(|u| interp.to_pyerr(u))
        },
    )
    .map_err(|e| interp.err(e))
}

/// `hex(x)`, `oct(x)`, `bin(x)`: `format(x.__index__(), '#x')` and so on.
pub(super) fn radix<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let mut x = arg(interp, bound, 0)?;
    // An int (an int subclass's instance too) is its own index (`_PyNumber_Index`).
    if !long::is_int(x.object())
        && let Some(i) = interp.user_index(&x)
    {
        x = i?;
    }
    if !long::is_int(x.object()) {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                x.ob_type().name()
            ),
        ));
    }
    // `PyNumber_ToBase` formats the int's value, never a subclass's `__format__`.
    if let Some(i) = long::Int::cast(x.object())
        && !core::ptr::eq(x.ob_type(), pyrt_objects::types::INT_TYPE.get())
    {
        x = long::new_int(interp.heap, &long::long_value(i)).map_err(|e| interp.err(e))?;
    }
    let spec = match name {
        "hex" => "#x",
        "oct" => "#o",
        _ => "#b",
    };
    let text =
        pyrt_objects::format::format(interp.heap, x.object(), spec).map_err(|e| interp.err(e))?;
    unicode::new_str(interp.heap, &text).map_err(|e| interp.err(e))
}
