//! `divmod(a, b)` (`nb_divmod`) and `pow(base, exp, mod=None)` (`PyNumber_Power`): with a
//! modulus, `ternary_op` of `Objects/abstract.c` tries the `nb_power` slot of each operand's
//! type in turn (`long_pow`, `float_pow`, `complex_pow`), each answering `NotImplemented`
//! for operands it does not take.

use crate::abstract_::{BinOp, binary_op};
use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::complex::Complex;
use crate::types::float::Float;
use crate::types::long::{Int, long_error, long_value, new_int};

use super::{as_double, is_none};

/// `divmod(a, b)`: `(a // b, a % b)` through the `nb_divmod` slots.
///
/// # Errors
/// `ZeroDivisionError: integer division or modulo by zero`, `ZeroDivisionError: float
/// divmod()`, `TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'`.
pub fn divmod<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    binary_op(heap, a, b, BinOp::DivMod)
}

/// Which built-in `nb_power` slot a type has (`bool` shares `int`'s).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PowerSlot {
    Long,
    Float,
    Complex,
}

fn power_slot(o: &PyObject) -> Option<PowerSlot> {
    if Int::cast(o).is_some() {
        Some(PowerSlot::Long)
    } else if Float::cast(o).is_some() {
        Some(PowerSlot::Float)
    } else if Complex::cast(o).is_some() {
        Some(PowerSlot::Complex)
    } else {
        None
    }
}

/// `pow(base, exp)` and `pow(base, exp, mod)`; a `mod` of `None` (or the `None` object) is
/// two-argument `pow`, i.e. `base ** exp`.
///
/// # Errors
/// `ValueError: pow() 3rd argument cannot be 0`, `ValueError: base is not invertible for the
/// given modulus`, `TypeError: pow() 3rd argument not allowed unless all arguments are
/// integers`, `ValueError: complex modulo`, `TypeError: unsupported operand type(s) for ** or
/// pow(): 'int', 'int', 'str'`, and what `**` raises.
pub fn power<'h>(
    heap: &'h Heap,
    base: &PyObject,
    exp: &PyObject,
    modulus: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let Some(modulus) = modulus.filter(|m| !is_none(m)) else {
        return binary_op(heap, base, exp, BinOp::Pow);
    };
    if let Some(r) = user_ternary_power(heap, base, exp, modulus)? {
        return Ok(r);
    }
    let mut tried: Vec<PowerSlot> = Vec::with_capacity(3);
    for o in [base, exp, modulus] {
        let Some(slot) = power_slot(o) else { continue };
        if tried.contains(&slot) {
            continue;
        }
        tried.push(slot);
        if let Some(r) = ternary_power(heap, slot, base, exp, modulus)? {
            return Ok(r);
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        base.ob_type().name(),
        exp.ob_type().name(),
        modulus.ob_type().name()
    )))
}

/// A type's `nb_power` for `ternary_op`: a class's `slot_nb_power` or a built-in one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TernarySlot {
    User,
    Builtin(PowerSlot),
}

fn ternary_slot(heap: &Heap, o: &PyObject) -> Option<TernarySlot> {
    if crate::types::subclass_binary::user_slot_of(heap, o, BinOp::Pow) {
        Some(TernarySlot::User)
    } else {
        power_slot(o).map(TernarySlot::Builtin)
    }
}

/// `slot_nb_power(v, w, z)` with a modulus: `type(v).__pow__(v, w, z)` when `v`'s own slot is
/// `slot_nb_power` (three-argument `pow` never calls `__rpow__`), the base's `nb_power` where
/// the class does not define `__pow__`; else `NotImplemented`.
fn call_ternary<'h>(
    heap: &'h Heap,
    slot: TernarySlot,
    v: &PyObject,
    w: &PyObject,
    z: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    match slot {
        TernarySlot::Builtin(s) => ternary_power(heap, s, v, w, z),
        TernarySlot::User if ternary_slot(heap, v) == Some(TernarySlot::User) => {
            let ty = v.ob_type();
            let r = if crate::types::slot_defs::lookup(heap, ty, "__pow__").is_some() {
                crate::types::slot_defs::call_special(heap, v, "__pow__", &[w, z])?
            } else if let Some(s) = power_slot(v) {
                ternary_power(heap, s, v, w, z)?
            } else {
                None
            };
            Ok(r.filter(|r| !r.is(&crate::types::not_implemented(heap))))
        }
        TernarySlot::User => Ok(None),
    }
}

/// `ternary_op` when a class among the operands' types defines `__pow__` or `__rpow__`
/// (`None` when none does): the left, the right (first when its type is a subtype of the
/// left's), then the modulus's slot, each once; `Some(None)` never: all answering
/// `NotImplemented` is the caller's `TypeError`.
fn user_ternary_power<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    z: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    let any_user = [v, w, z]
        .iter()
        .any(|o| ternary_slot(heap, o) == Some(TernarySlot::User));
    if !any_user {
        return Ok(None);
    }
    let slotv = ternary_slot(heap, v);
    let mut slotw = if core::ptr::eq(v.ob_type(), w.ob_type()) {
        None
    } else {
        ternary_slot(heap, w)
    };
    if slotw.is_some() && slotw == slotv {
        slotw = None;
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw
            && w.ob_type().is_subtype(v.ob_type())
        {
            if let Some(r) = call_ternary(heap, sw, v, w, z)? {
                return Ok(Some(r));
            }
            slotw = None;
        }
        if let Some(r) = call_ternary(heap, sv, v, w, z)? {
            return Ok(Some(r));
        }
    }
    if let Some(sw) = slotw
        && let Some(r) = call_ternary(heap, sw, v, w, z)?
    {
        return Ok(Some(r));
    }
    if let Some(sz) = ternary_slot(heap, z).filter(|s| Some(*s) != slotv && Some(*s) != slotw)
        && let Some(r) = call_ternary(heap, sz, v, w, z)?
    {
        return Ok(Some(r));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        v.ob_type().name(),
        w.ob_type().name(),
        z.ob_type().name()
    )))
}

/// The `nb_power(v, w, z)` of the built-in type whose instance `owner` is (`int.__pow__(2, 5,
/// 3)`: `wrap_ternaryfunc` calls that one slot), `z` not `None`; `None` is `NotImplemented` (or
/// `owner`'s type has no such slot).
///
/// # Errors
/// As [`power`].
pub fn slot_power<'h>(
    heap: &'h Heap,
    owner: &PyObject,
    v: &PyObject,
    w: &PyObject,
    z: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    match power_slot(owner) {
        Some(slot) => ternary_power(heap, slot, v, w, z),
        None => Ok(None),
    }
}

/// One type's `nb_power(v, w, z)` with `z` not `None`; `None` is `NotImplemented`. `float`'s
/// refuses any modulus at once (`pow('x', 2.0, 3)` is that `TypeError`); `complex`'s converts
/// its operands first (`NotImplemented` for a `str`, `OverflowError` for a huge int).
fn ternary_power<'h>(
    heap: &'h Heap,
    slot: PowerSlot,
    v: &PyObject,
    w: &PyObject,
    z: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    let real = |o: &PyObject| Int::cast(o).is_some() || Float::cast(o).is_some();
    match slot {
        PowerSlot::Long => {
            let (Some(a), Some(b), Some(m)) = (Int::cast(v), Int::cast(w), Int::cast(z)) else {
                return Ok(None);
            };
            let r = long_value(a)
                .pow_mod(&long_value(b), &long_value(m))
                .map_err(long_error)?;
            new_int(heap, &r).map(Some)
        }
        // `float_pow` refuses a modulus before it looks at its operands.
        PowerSlot::Float => Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        )),
        PowerSlot::Complex => {
            let complexish = |o: &PyObject| real(o) || Complex::cast(o).is_some();
            if !complexish(v) || !complexish(w) {
                return Ok(None);
            }
            for o in [v, w] {
                if Complex::cast(o).is_none() {
                    as_double(o)?;
                }
            }
            Err(PyErr::value_error("complex modulo"))
        }
    }
}
