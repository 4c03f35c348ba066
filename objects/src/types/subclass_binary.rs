//! Binary operators when an operand is an instance of a class on a built-in base that defines
//! the operator's method (`class N(float): def __sub__(s, o): ...`): CPython's `binary_op1`
//! over the operands' *effective* slots, as `update_one_slot` leaves them in
//! `Objects/typeobject.c`.
//!
//! A class that defines `__sub__` or `__rsub__` (itself or a base class) has `slot_nb_subtract`
//! (`SLOT1BINFULL`) as its `nb_subtract`, in place of its built-in base's C function; a class
//! that defines neither keeps the base's function. `binary_op1` calls the left operand's slot
//! and, if it differs, the right operand's, so when the class's `__sub__` answers
//! `NotImplemented` the base's function is **not** tried on the left operand: `N(1.5) - 1`
//! raises `TypeError: unsupported operand type(s) for -: 'N' and 'int'` (the right operand's
//! `int` slot answers `NotImplemented` for a float), while `I(5) - 1` for an `int` subclass
//! `I` still gives 4 (the right operand's `long_sub` accepts the subclass instance). Inside
//! `slot_nb_*`, a method the classes do not define is the base's wrapper (`float.__sub__`),
//! which calls the base's function.
//!
//! The sequence slots go the same way: a class defining `__add__` has no `sq_concat`, one
//! defining `__mul__` or `__rmul__` no `sq_repeat` ([`blocks_sequence`]).

use crate::abstract_::BinOp;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::{BinaryFn, PyTypeObject};
use crate::types::slot_defs::{self, has_user_slots, lookup, overrides_builtin, static_base};
use crate::types::{set, set_ops};

/// An operand type's slot for one operator, as `binary_op1` sees it.
#[derive(Clone, Copy)]
enum Slot {
    /// `slot_nb_*`: the classes' methods (`SLOT1BINFULL`).
    User,
    /// A built-in type's C function.
    Builtin(BinaryFn),
}

impl Slot {
    fn same(self, other: Slot) -> bool {
        match (self, other) {
            (Slot::User, Slot::User) => true,
            (Slot::Builtin(a), Slot::Builtin(b)) => core::ptr::fn_addr_eq(a, b),
            _ => false,
        }
    }
}

/// Whether a class on a built-in base defines `name` in one of its namespaces.
fn defines(heap: &Heap, ty: &PyTypeObject, name: &str) -> bool {
    overrides_builtin(ty) && lookup(heap, ty, name).is_some()
}

/// Whether `ty` is a class on a built-in base whose slot for `op` is `slot_nb_*`.
fn user_slot(heap: &Heap, ty: &PyTypeObject, op: BinOp) -> bool {
    let (name, rname) = super::slot_defs::binary_names(op);
    defines(heap, ty, name) || defines(heap, ty, rname)
}

/// Whether `o`'s type has `slot_nb_*` for `op`: a class on `object`, or a class on a built-in
/// base that defines the operator's method or reflected method.
pub(crate) fn user_slot_of(heap: &Heap, o: &PyObject, op: BinOp) -> bool {
    matches!(slot_of(heap, o, op), Some(Slot::User))
}

/// `set_or`, `set_and`, `set_sub`, `set_xor`: both operands sets (or frozensets), else
/// `NotImplemented`. pyrt's sets keep their operators in the interpreter; the built-in base's
/// function is needed here when a set subclass's method answers `NotImplemented`.
fn set_slot(op: BinOp) -> Option<BinaryFn> {
    fn both<'a>(v: &'a PyObject, w: &'a PyObject) -> Option<(&'a set::AnySet, &'a PyObject)> {
        Some((set::AnySet::cast(v)?, set::AnySet::cast(w).map(|_| w)?))
    }
    fn or<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
        both(v, w).map_or(Ok(None), |(a, b)| set_ops::union(heap, a, &[b]).map(Some))
    }
    fn and<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
        both(v, w).map_or(Ok(None), |(a, b)| {
            set_ops::intersection(heap, a, b).map(Some)
        })
    }
    fn sub<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
        both(v, w).map_or(Ok(None), |(a, b)| set_ops::difference(heap, a, b).map(Some))
    }
    fn xor<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject) -> PyResult<Option<Obj<'h>>> {
        both(v, w).map_or(Ok(None), |(a, b)| {
            set_ops::symmetric_difference(heap, a, b).map(Some)
        })
    }
    Some(match op {
        BinOp::Or => or,
        BinOp::And => and,
        BinOp::Sub => sub,
        BinOp::Xor => xor,
        _ => return None,
    })
}

/// The C function of `ty`'s built-in base for `op`, if it has one.
fn base_function(ty: &PyTypeObject, op: BinOp) -> Option<BinaryFn> {
    let base = static_base(ty);
    if let Some(f) = base.slots().number.and_then(|n| op.slot(n)) {
        return Some(f);
    }
    let is_set = core::ptr::eq(base, crate::types::SET_TYPE.get())
        || core::ptr::eq(base, crate::types::FROZENSET_TYPE.get());
    if is_set { set_slot(op) } else { None }
}

/// The slot `o`'s type has for `op`.
fn slot_of(heap: &Heap, o: &PyObject, op: BinOp) -> Option<Slot> {
    let ty = o.ob_type();
    if has_user_slots(ty) || user_slot(heap, ty, op) {
        return Some(Slot::User);
    }
    base_function(ty, op).map(Slot::Builtin)
}

/// `vectorcall_maybe`: `type(this).name(this, other)` where the classes define `name`, else the
/// built-in base's wrapper (`float.__sub__` calls `float_sub(this, other)`, `float.__rsub__`
/// calls `float_sub(other, this)`), else `NotImplemented` (`None`). A `NotImplemented` answer
/// is `None` too.
fn call_maybe<'h>(
    heap: &'h Heap,
    this: &PyObject,
    other: &PyObject,
    op: BinOp,
    reflected: bool,
) -> PyResult<Option<Obj<'h>>> {
    let (name, rname) = super::slot_defs::binary_names(op);
    let name = if reflected { rname } else { name };
    let ty = this.ob_type();
    let r = if lookup(heap, ty, name).is_some() {
        slot_defs::call_special(heap, this, name, &[other])?
    } else if let Some(f) = base_function(ty, op).filter(|_| !has_user_slots(ty)) {
        if reflected {
            f(heap, other, this)?
        } else {
            f(heap, this, other)?
        }
    } else {
        base_sequence(heap, this, other, op, reflected)?
    };
    Ok(r.filter(|r| !r.is(&crate::types::not_implemented(heap))))
}

/// The sequence wrappers of a built-in base without the number slot: `list.__add__` is
/// `sq_concat(this, other)` (`wrap_binaryfunc`), `list.__mul__` and `list.__rmul__` are
/// `sq_repeat(this, other as an index)` (`wrap_indexargfunc`); `None` where the base has no
/// such method.
fn base_sequence<'h>(
    heap: &'h Heap,
    this: &PyObject,
    other: &PyObject,
    op: BinOp,
    reflected: bool,
) -> PyResult<Option<Obj<'h>>> {
    let ty = this.ob_type();
    if has_user_slots(ty) {
        return Ok(None);
    }
    let Some(seq) = static_base(ty).slots().sequence else {
        return Ok(None);
    };
    match op {
        BinOp::Add if !reflected => seq.concat.map(|f| f(heap, this, other)).transpose(),
        BinOp::Mul => match seq.repeat {
            Some(f) => f(heap, this, index_count(heap, other)?).map(Some),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `wrap_indexargfunc`'s `PyNumber_AsSsize_t(other, OverflowError)`.
fn index_count(heap: &Heap, other: &PyObject) -> PyResult<isize> {
    if let Some(i) = slot_defs::nb_index(heap, other) {
        return crate::abstract_::repeat_count(i?.object());
    }
    if crate::types::long::Int::cast(other).is_none() {
        return Err(crate::error::PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.ob_type().name()
        )));
    }
    crate::abstract_::repeat_count(other)
}

/// `SLOT1BINFULL`'s `slot_nb_*(v, w)`.
fn slot_nb<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject, op: BinOp) -> PyResult<Option<Obj<'h>>> {
    let (tv, tw) = (v.ob_type(), w.ob_type());
    let same = core::ptr::eq(tv, tw);
    let is_user = |o: &PyObject| matches!(slot_of(heap, o, op), Some(Slot::User));
    let mut do_other = !same && is_user(w);
    if is_user(v) {
        if do_other && tw.is_subtype(tv) {
            if let Some(r) = call_maybe(heap, w, v, op, true)? {
                return Ok(Some(r));
            }
            do_other = false;
        }
        let r = call_maybe(heap, v, w, op, false)?;
        if r.is_some() || same {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(heap, w, v, op, true);
    }
    Ok(None)
}

fn call_slot<'h>(
    heap: &'h Heap,
    slot: Slot,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> PyResult<Option<Obj<'h>>> {
    match slot {
        Slot::User => slot_nb(heap, v, w, op),
        Slot::Builtin(f) => f(heap, v, w),
    }
}

/// `binary_op1(v, w)` when an operand's class on a built-in base defines the method or
/// reflected method of `op`: `None` when neither does (the caller's usual dispatch applies),
/// `Some(None)` for `NotImplemented` from every slot (then only the sequence slots the classes
/// leave, see [`blocks_sequence`], and the error remain), `Some(Some(r))` for a result.
///
/// # Errors
/// What the methods and slots raise.
pub fn binary_op1<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> PyResult<Option<Option<Obj<'h>>>> {
    let (tv, tw) = (v.ob_type(), w.ob_type());
    if !user_slot(heap, tv, op) && !user_slot(heap, tw, op) {
        return Ok(None);
    }
    let slotv = slot_of(heap, v, op);
    let mut slotw = if core::ptr::eq(tv, tw) {
        None
    } else {
        slot_of(heap, w, op)
    };
    if let (Some(a), Some(b)) = (slotv, slotw)
        && a.same(b)
    {
        slotw = None;
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw
            && tw.is_subtype(tv)
        {
            if let Some(r) = call_slot(heap, sw, v, w, op)? {
                return Ok(Some(Some(r)));
            }
            slotw = None;
        }
        if let Some(r) = call_slot(heap, sv, v, w, op)? {
            return Ok(Some(Some(r)));
        }
    }
    match slotw {
        Some(sw) => call_slot(heap, sw, v, w, op).map(Some),
        None => Ok(Some(None)),
    }
}

/// Whether `o`'s class took away its built-in base's sequence slot for `op`
/// (`update_one_slot` with the `NULL` functions of `SQSLOT("__add__", sq_concat, NULL, ...)`
/// and `SQSLOT("__mul__"/"__rmul__", sq_repeat, NULL, ...)`): a class on a built-in base that
/// defines `__add__` has no `sq_concat`, one that defines `__mul__` or `__rmul__` no
/// `sq_repeat`.
pub fn blocks_sequence(heap: &Heap, o: &PyObject, op: BinOp) -> bool {
    let ty = o.ob_type();
    match op {
        BinOp::Add => defines(heap, ty, "__add__"),
        BinOp::Mul => defines(heap, ty, "__mul__") || defines(heap, ty, "__rmul__"),
        _ => false,
    }
}
