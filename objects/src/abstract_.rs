//! Operations on objects of any type: number operators, comparisons, `repr`, `str`, `hash`,
//! truth and `sys.getsizeof`, dispatched through the slot tables exactly as CPython's
//! `Objects/abstract.c` (`binary_op1`), `Objects/object.c` (`do_richcompare`) and
//! `Python/sysmodule.c` (`_PySys_GetSizeOf`) do, with their error messages.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{PyObject, PyVarObject};
use crate::typeobj::{BinaryFn, CompareOp, NumberSlots, RepeatFn, UnaryFn};
use crate::types::long::new_bool;

// `round()`, `divmod()`, `pow()` and `sum()`: the number built-ins live in `crate::numbers`.
pub use crate::numbers::{Summation, divmod, power, round, sum, sum_with};

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    TrueDiv,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `divmod()`
    DivMod,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
}

impl BinOp {
    /// How CPython names the operator in "unsupported operand type(s) for ...".
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::DivMod => "divmod()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }

    pub(crate) fn slot(self, n: &NumberSlots) -> Option<BinaryFn> {
        match self {
            BinOp::Add => n.add,
            BinOp::Sub => n.subtract,
            BinOp::Mul => n.multiply,
            BinOp::TrueDiv => n.true_divide,
            BinOp::FloorDiv => n.floor_divide,
            BinOp::Mod => n.remainder,
            BinOp::Pow => n.power,
            BinOp::DivMod => n.divmod,
            BinOp::LShift => n.lshift,
            BinOp::RShift => n.rshift,
            BinOp::And => n.and,
            BinOp::Or => n.or,
            BinOp::Xor => n.xor,
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `abs(x)`
    Abs,
}

fn binary_slot(o: &PyObject, op: BinOp) -> Option<BinaryFn> {
    o.ob_type().slots().number.and_then(|n| op.slot(n))
}

/// `binary_op1`: the left operand's slot, unless the right operand's type is a subtype with its
/// own slot, which goes first; then the right operand's slot. `None` is `NotImplemented`.
fn binary_op1<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> PyResult<Option<Obj<'h>>> {
    let slotv = binary_slot(v, op);
    let same_type = core::ptr::eq(v.ob_type(), w.ob_type());
    let mut slotw = if same_type { None } else { binary_slot(w, op) };
    if let (Some(a), Some(b)) = (slotv, slotw)
        && core::ptr::fn_addr_eq(a, b)
    {
        slotw = None;
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw
            && w.ob_type().is_subtype(v.ob_type())
        {
            if let Some(r) = fw(heap, v, w)? {
                return Ok(Some(r));
            }
            slotw = None;
        }
        if let Some(r) = fv(heap, v, w)? {
            return Ok(Some(r));
        }
    }
    match slotw {
        Some(fw) => fw(heap, v, w),
        None => Ok(None),
    }
}

/// `v op w` (`PyNumber_Add`, `PyNumber_Multiply`, ...): the number protocol, then for `+` the
/// left operand's sequence concatenation and for `*` either operand's sequence repetition.
///
/// # Errors
/// What the slot raises, or `TypeError: unsupported operand type(s) for +: 'int' and 'str'`.
#[inline]
pub fn binary_op<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject, op: BinOp) -> PyResult<Obj<'h>> {
    if let Some(r) = crate::abstract_fast::binary_exact_builtins(heap, v, w, op) {
        return r;
    }
    binary_op_as(heap, v, w, op, "")
}

/// [`binary_op`] without [`crate::abstract_fast`]'s shortcuts: the slot dispatch alone, which
/// the shortcuts' tests compare them with.
#[cfg(test)]
pub(crate) fn binary_op_general<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> PyResult<Obj<'h>> {
    binary_op_as(heap, v, w, op, "")
}

/// `v op= w` (`PyNumber_InPlaceAdd`, ...): a class's in-place method (`__iadd__`), else
/// [`binary_op`], with the in-place operator in the error (`unsupported operand type(s) for +=: 'int' and
/// 'str'`).
///
/// # Errors
/// What the slot raises, or that `TypeError`.
pub fn inplace_binary_op<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
) -> PyResult<Obj<'h>> {
    if let Some(r) = crate::abstract_fast::binary_exact_builtins(heap, v, w, op) {
        return r;
    }
    if let Some(r) = crate::types::slot_defs::inplace(heap, v, w, op)? {
        return Ok(r);
    }
    binary_op_as(heap, v, w, op, "=")
}

/// `v op w` without the exact built-in shortcuts, naming the operator `op=` in its error when
/// `inplace` (the fallback of `v op= w` after the in-place method): the interpreter's way in
/// for operands whose classes define the operator's method.
///
/// # Errors
/// What the slots raise, or `TypeError: unsupported operand type(s) for -: 'N' and 'int'`.
pub fn binary_op_named<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
    inplace: bool,
) -> PyResult<Obj<'h>> {
    binary_op_as(heap, v, w, op, if inplace { "=" } else { "" })
}

fn binary_op_as<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: BinOp,
    suffix: &str,
) -> PyResult<Obj<'h>> {
    // A class on a built-in base defining the operator's method has `slot_nb_*` over its base's
    // function (`subclass_binary`), and may have dropped its base's sequence slots.
    let r = match crate::types::subclass_binary::binary_op1(heap, v, w, op)? {
        Some(r) => r,
        None => binary_op1(heap, v, w, op)?,
    };
    if let Some(r) = r {
        return Ok(r);
    }
    let seq = |o: &PyObject| {
        o.ob_type()
            .slots()
            .sequence
            .filter(|_| !crate::types::subclass_binary::blocks_sequence(heap, o, op))
    };
    match op {
        BinOp::Add => {
            if let Some(concat) = seq(v).and_then(|s| s.concat) {
                return concat(heap, v, w);
            }
        }
        BinOp::Mul => {
            if let Some(repeat) = seq(v).and_then(|s| s.repeat) {
                return sequence_repeat(heap, repeat, v, w);
            }
            if let Some(repeat) = seq(w).and_then(|s| s.repeat) {
                return sequence_repeat(heap, repeat, w, v);
            }
        }
        _ => {}
    }
    // `PyNumber_InPlacePower` names its operator `**=`, not `** or pow()=`.
    let symbol = match (op, suffix) {
        (BinOp::Pow, "=") => "**",
        _ => op.symbol(),
    };
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for {symbol}{suffix}: '{}' and '{}'",
        v.ob_type().name(),
        w.ob_type().name()
    )))
}

/// `sequence_repeat`: the count must be an int that fits an index.
fn sequence_repeat<'h>(
    heap: &'h Heap,
    repeat: RepeatFn,
    seq: &PyObject,
    count: &PyObject,
) -> PyResult<Obj<'h>> {
    if let Some(i) = crate::types::slot_defs::nb_index(heap, count) {
        // The overflow names the operand, not the int its `__index__` gave.
        let n = repeat_count(i?.object()).map_err(|e| {
            PyErr::new(
                e.kind(),
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    count.ob_type().name()
                ),
            )
        })?;
        return repeat(heap, seq, n);
    }
    repeat(heap, seq, repeat_count(count)?)
}

/// The count of `seq * count` and `seq *= count` (`PyNumber_AsSsize_t(count, OverflowError)`).
///
/// # Errors
/// `TypeError: can't multiply sequence by non-int of type 'float'`, or `OverflowError: cannot
/// fit 'int' into an index-sized integer`.
pub fn repeat_count(count: &PyObject) -> PyResult<isize> {
    let Some(count) = crate::types::long::Int::cast(count) else {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            count.ob_type().name()
        )));
    };
    let n = crate::types::long::as_i64(count)
        .and_then(|n| isize::try_from(n).ok())
        .ok_or_else(|| {
            PyErr::new(
                crate::error::ExcKind::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            )
        })?;
    Ok(n)
}

/// `-x`, `+x`, `~x` and `abs(x)`.
///
/// # Errors
/// What the slot raises, or `TypeError: bad operand type for unary -: 'str'`.
pub fn unary_op<'h>(heap: &'h Heap, v: &PyObject, op: UnOp) -> PyResult<Obj<'h>> {
    let ty = v.ob_type();
    if crate::types::slot_defs::overrides_builtin(ty) {
        // A class on a built-in base: its method (`slot_nb_negative`), else the base's slot.
        let name = match op {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            UnOp::Invert => "__invert__",
            UnOp::Abs => "__abs__",
        };
        if let Some(r) = crate::types::slot_defs::call_special(heap, v, name, &[])? {
            return Ok(r);
        }
    }
    let number = ty.slots().number;
    let slot: Option<UnaryFn> = number.and_then(|n| match op {
        UnOp::Neg => n.negative,
        UnOp::Pos => n.positive,
        UnOp::Invert => n.invert,
        UnOp::Abs => n.absolute,
    });
    match slot {
        Some(f) => f(heap, v),
        None => {
            let what = match op {
                UnOp::Neg => "unary -",
                UnOp::Pos => "unary +",
                UnOp::Invert => "unary ~",
                UnOp::Abs => "abs()",
            };
            Err(PyErr::type_error(format!(
                "bad operand type for {what}: '{}'",
                v.ob_type().name()
            )))
        }
    }
}

fn swapped(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Lt => CompareOp::Gt,
        CompareOp::Le => CompareOp::Ge,
        CompareOp::Eq => CompareOp::Eq,
        CompareOp::Ne => CompareOp::Ne,
        CompareOp::Gt => CompareOp::Lt,
        CompareOp::Ge => CompareOp::Le,
    }
}

/// `v op w` for comparisons (`do_richcompare`): a subtype's reflected method first, then
/// `v`'s, then `w`'s reflected; `==`/`!=` fall back to identity.
///
/// # Errors
/// What the slot raises, or `TypeError: '<' not supported between instances of 'int' and 'str'`.
pub fn compare<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult<Obj<'h>> {
    if let Some(r) = compare_exact_builtins(heap, v, w, op) {
        return Ok(new_bool(heap, r));
    }
    heap.recursive_call(" in comparison", || compare_slots(heap, v, w, op))
}

fn compare_slots<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Obj<'h>> {
    let (tv, tw) = (v.ob_type(), w.ob_type());
    let mut checked_reverse = false;
    if !core::ptr::eq(tv, tw)
        && tw.is_subtype(tv)
        && let Some(f) = tw.slots().richcompare
    {
        checked_reverse = true;
        if let Some(r) = f(heap, w, v, swapped(op))? {
            return Ok(r);
        }
    }
    if let Some(f) = tv.slots().richcompare
        && let Some(r) = f(heap, v, w, op)?
    {
        return Ok(r);
    }
    if !checked_reverse
        && let Some(f) = tw.slots().richcompare
        && let Some(r) = f(heap, w, v, swapped(op))?
    {
        return Ok(r);
    }
    let same = core::ptr::eq(v, w);
    match op {
        CompareOp::Eq => Ok(new_bool(heap, same)),
        CompareOp::Ne => Ok(new_bool(heap, !same)),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            tv.name(),
            tw.name()
        ))),
    }
}

/// A comparison's truth value (`PyObject_RichCompareBool`): identity implies `==`.
///
/// # Errors
/// As [`compare`] and [`is_true`].
#[inline]
pub fn compare_bool(heap: &Heap, v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult<bool> {
    if core::ptr::eq(v, w) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    if let Some(r) = compare_exact_builtins(heap, v, w, op) {
        return Ok(r);
    }
    compare_bool_slow(heap, v, w, op)
}

#[inline(never)]
fn compare_bool_slow(heap: &Heap, v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult<bool> {
    let r = compare(heap, v, w, op)?;
    is_true(heap, r.object())
}

/// `v op w` when both are exactly `int` (of at most one digit), exactly `float` or exactly
/// `str`: the answer their `tp_richcompare` would give, without making a bool or entering a
/// recursion level. These types' comparisons run no Python code and cannot fail, so skipping
/// `do_richcompare`'s dispatch changes nothing observable (`unsafe_long_compare`,
/// `unsafe_float_compare` and `unsafe_latin_compare` of `list.sort` rely on the same fact).
/// `None` for any other pair, and at the recursion limit, where CPython's comparison raises
/// `RecursionError` whatever it compares (the caller's general path does too).
#[inline]
pub fn compare_exact_builtins(
    heap: &Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> Option<bool> {
    use crate::types::{float, long, unicode};
    let ty = v.ob_type();
    if !core::ptr::eq(ty, w.ob_type()) || heap.at_recursion_limit() {
        return None;
    }
    if core::ptr::eq(ty, crate::types::INT_TYPE.get()) {
        let (a, b) = (long::Int::cast(v)?, long::Int::cast(w)?);
        let (x, y) = (long::compact_value(a)?, long::compact_value(b)?);
        return Some(op.holds(x.cmp(&y)));
    }
    if core::ptr::eq(ty, crate::types::FLOAT_TYPE.get()) {
        let (a, b) = (float::Float::cast(v)?, float::Float::cast(w)?);
        let (x, y) = (float::float_value(a), float::float_value(b));
        // NaN: every comparison is false except `!=` (`float_richcompare`).
        return Some(match x.partial_cmp(&y) {
            Some(ord) => op.holds(ord),
            None => op == CompareOp::Ne,
        });
    }
    if core::ptr::eq(ty, crate::types::STR_TYPE.get()) {
        let (a, b) = (unicode::Str::cast(v)?, unicode::Str::cast(w)?);
        return Some(match op {
            CompareOp::Eq => unicode::str_eq(a, b),
            CompareOp::Ne => !unicode::str_eq(a, b),
            _ => op.holds(unicode::str_cmp(a, b)),
        });
    }
    None
}

/// Lexicographic comparison of two sequences (`tuplerichcompare`, `list_richcompare`): the
/// first pair of items that are not equal decides, else the lengths do. `item(i)` returns the
/// pair at `i` (read afresh each step, since comparing may change a mutable sequence) or
/// `None` past the shorter one; `lens` gives both lengths at the end.
///
/// As CPython, the lengths are read again after the first unequal pair: when an item's
/// `__eq__` shrank a list below that index, the lengths decide; otherwise the pair now at that
/// index is compared with `op` (`L < M` where `__eq__` clears `L` is `0 < len(M)`).
///
/// # Errors
/// What comparing the items raises.
pub fn compare_sequences<'h>(
    heap: &'h Heap,
    op: CompareOp,
    mut item: impl FnMut(usize) -> Option<(Obj<'h>, Obj<'h>)>,
    lens: impl FnOnce() -> (usize, usize),
) -> PyResult<Obj<'h>> {
    let mut i = 0;
    let differs = loop {
        let Some((x, y)) = item(i) else {
            break false;
        };
        if !compare_bool(heap, x.object(), y.object(), CompareOp::Eq)? {
            break true;
        }
        i += 1;
    };
    let (la, lb) = lens();
    if !differs || i >= la || i >= lb {
        return Ok(new_bool(heap, op.holds(la.cmp(&lb))));
    }
    match op {
        CompareOp::Eq => Ok(new_bool(heap, false)),
        CompareOp::Ne => Ok(new_bool(heap, true)),
        _ => match item(i) {
            Some((x, y)) => compare(heap, x.object(), y.object(), op),
            None => Ok(new_bool(heap, op.holds(la.cmp(&lb)))),
        },
    }
}

/// `repr(v)`.
///
/// # Errors
/// What the type's `repr` raises; `RecursionError` past [`crate::heap::C_RECURSION_LIMIT`]
/// levels of nesting.
pub fn repr(heap: &Heap, v: &PyObject) -> PyResult<String> {
    heap.recursive_call(" while getting the repr of an object", || {
        (v.ob_type().slots().repr)(heap, v)
    })
}

/// `str(v)`: the type's `str`, else its `repr`.
///
/// # Errors
/// What the slot raises.
pub fn str(heap: &Heap, v: &PyObject) -> PyResult<String> {
    let slots = v.ob_type().slots();
    heap.recursive_call(" while getting the str of an object", || {
        (slots.str.unwrap_or(slots.repr))(heap, v)
    })
}

/// `hash(v)`.
///
/// # Errors
/// `TypeError: unhashable type: 'list'` for types without a hash.
pub fn hash(heap: &Heap, v: &PyObject) -> PyResult<i64> {
    match v.ob_type().slots().hash {
        Some(f) => f(heap, v),
        None => Err(PyErr::type_error(format!(
            "unhashable type: '{}'",
            v.ob_type().name()
        ))),
    }
}

/// `bool(v)` (`PyObject_IsTrue`): the type's `nb_bool`, else its length, else true.
///
/// # Errors
/// What a class's `__bool__` or `__len__` raises.
#[inline]
pub fn is_true(heap: &Heap, v: &PyObject) -> PyResult<bool> {
    if core::ptr::eq(v.ob_type(), crate::types::BOOL_TYPE.get())
        && let Some(b) = crate::types::long::Int::cast(v)
    {
        return Ok(crate::types::long::compact_value(b) != Some(0));
    }
    is_true_slots(heap, v)
}

#[inline(never)]
fn is_true_slots(heap: &Heap, v: &PyObject) -> PyResult<bool> {
    if crate::types::slot_defs::has_user_slots(v.ob_type()) {
        return crate::types::slot_defs::nb_bool(heap, v);
    }
    if let Some(b) = crate::types::slot_defs::subclass_bool(heap, v) {
        return b;
    }
    let slots = v.ob_type().slots();
    if let Some(f) = slots.number.and_then(|n| n.bool) {
        return Ok(f(v));
    }
    Ok(slots
        .sequence
        .and_then(|s| s.length)
        .is_none_or(|f| f(v) > 0))
}

/// `getattr(v, name)` (`PyObject_GenericGetAttr` over the type's members).
///
/// # Errors
/// `AttributeError: 'int' object has no attribute 'foo'`, or what the getter raises.
pub fn getattr<'h>(heap: &'h Heap, v: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if let Some(f) = v.ob_type().slots().getattr {
        return f(heap, v, name);
    }
    // A class's attribute along its MRO (`type_getattro` without the descriptor call, which
    // the interpreter makes): what `"{0.x}".format(C)` reads.
    if let Some(ty) = crate::types::type_object(v).filter(|t| crate::types::class::is_heap_type(t))
    {
        let key = crate::types::unicode::new_str(heap, name)?;
        if let Some(found) = crate::types::class::lookup(heap, ty, key.object()) {
            return Ok(found);
        }
    }
    match v.ob_type().find_member(name) {
        Some(member) => (member.get)(heap, v),
        None => Err(no_attribute(v, name)),
    }
}

/// `setattr(v, name, value)` on an object without an instance dict: every attribute is either
/// read-only or missing (`PyObject_GenericSetAttr`).
///
/// # Errors
/// `AttributeError: attribute 'real' of 'int' objects is not writable`, or
/// `AttributeError: 'int' object has no attribute 'foo'`.
pub fn setattr(heap: &Heap, v: &PyObject, name: &str, value: &PyObject) -> PyResult<()> {
    set_or_delete_attr(heap, v, name, Some(value))
}

/// `delattr(v, name)`.
///
/// # Errors
/// `AttributeError` when the attribute is unset, missing or read-only.
pub fn delattr(heap: &Heap, v: &PyObject, name: &str) -> PyResult<()> {
    set_or_delete_attr(heap, v, name, None)
}

/// `PyObject_SetAttr` (`Some`) or `PyObject_DelAttr` (`None`): the type's `setattr` slot, else
/// the generic rule for objects without an instance dict (read-only member or missing).
fn set_or_delete_attr(
    heap: &Heap,
    v: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let ty = v.ob_type();
    if let Some(f) = ty.slots().setattr {
        return f(heap, v, name, value);
    }
    if let Some(t) = crate::types::type_object(v)
        && !crate::types::class::is_heap_type(t)
    {
        // `type_setattro` of a static (immutable) type.
        return Err(PyErr::type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            t.name()
        )));
    }
    if ty.find_member(name).is_some() {
        return Err(PyErr::new(
            crate::error::ExcKind::AttributeError,
            format!(
                "attribute '{name}' of '{}' objects is not writable",
                ty.name()
            ),
        ));
    }
    Err(no_attribute(v, name))
}

/// `PyObject_GenericGetAttr`'s message, or `type_getattro`'s for a type object.
fn no_attribute(v: &PyObject, name: &str) -> PyErr {
    let message = match crate::types::type_object(v) {
        Some(ty) => format!("type object '{}' has no attribute '{name}'", ty.name()),
        None => format!("'{}' object has no attribute '{name}'", v.ob_type().name()),
    };
    PyErr::new(crate::error::ExcKind::AttributeError, message)
}

/// `len(v)`.
///
/// # Errors
/// `TypeError: object of type 'int' has no len()`.
pub fn len(v: &PyObject) -> PyResult<usize> {
    if let Some(r) = crate::types::range::Range::cast(v) {
        // A range's length is an int that may pass `sys.maxsize` (`OverflowError`).
        return crate::types::range::range_len(r);
    }
    if let Some(m) = crate::types::memoryview::MemoryView::cast(v) {
        // A released view has no length (`memory_length`'s `CHECK_RELEASED`).
        return crate::types::memoryview::length(m);
    }
    match v.ob_type().slots().sequence.and_then(|s| s.length) {
        Some(f) => Ok(f(v)),
        None => Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            v.ob_type().name()
        ))),
    }
}

/// `v.__sizeof__()`: the type's own, else `basicsize + itemsize × len`.
pub fn sizeof(v: &PyObject) -> usize {
    let ty = v.ob_type();
    if let Some(f) = ty.slots().sizeof {
        return f(v);
    }
    let mut size = ty.basicsize();
    if ty.itemsize() > 0 {
        // SAFETY: types with items are variable-size objects with a `PyVarObject` header.
        let n = unsafe { &*core::ptr::from_ref(v).cast::<PyVarObject>() }
            .ob_size
            .get();
        size += ty.itemsize() * n.unsigned_abs();
    }
    size
}

/// `sys.getsizeof(v)`: `__sizeof__` plus the pre-header (16 for GC types, 16 more for a managed
/// dict or weakref list).
pub fn getsizeof(v: &PyObject) -> usize {
    sizeof(v) + v.ob_type().preheader_size()
}

/// `func(*args)` (`PyObject_Call`): through the runtime's hooks, which run Python code.
///
/// # Errors
/// What the call raises, carrying its exception object; `TypeError: 'int' object is not
/// callable` when nothing can call `func`.
pub fn call_object<'h>(heap: &'h Heap, func: &PyObject, args: &[&PyObject]) -> PyResult<Obj<'h>> {
    let not_callable = || {
        PyErr::type_error(format!(
            "'{}' object is not callable",
            func.ob_type().name()
        ))
    };
    let ptr = heap
        .call_hooks(|h| h.call(func, args))
        .unwrap_or_else(|| Err(not_callable()))?;
    // SAFETY: the hook returns a new reference to an object of this heap.
    Ok(unsafe { Obj::from_owned(heap, ptr) })
}

/// `PyObject_GetIter(o)`: the iterator of a built-in container (`list`, `tuple`, `str`,
/// `bytes`, `dict`, `set`, `frozenset`, `range`, exact types), the object itself for a
/// built-in iterator or a generator, else what the runtime's hooks make of it.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `MemoryError`, or what `__iter__` raises.
pub fn get_iter<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    use crate::types::iter::{dict as di, seq};
    use crate::types::{
        BYTES_TYPE, DICT_TYPE, FROZENSET_TYPE, LIST_TYPE, SET_TYPE, STR_TYPE, TUPLE_TYPE,
        range::RANGE_TYPE,
    };
    // SAFETY: the caller holds `o`, a live object of this heap.
    let obj = unsafe { Obj::from_borrowed(heap, o) };
    let ty = o.ob_type();
    let exact = |t: &'static crate::typeobj::StaticType| core::ptr::eq(ty, t.get());
    if exact(&LIST_TYPE) {
        return seq::list_iter(heap, &obj);
    }
    if exact(&TUPLE_TYPE) {
        return seq::tuple_iter(heap, &obj);
    }
    if exact(&STR_TYPE) {
        return seq::str_iter(heap, &obj);
    }
    if exact(&BYTES_TYPE) {
        return seq::bytes_iter(heap, &obj);
    }
    if exact(&DICT_TYPE) {
        return di::dict_iter(heap, &obj, di::DictIterKind::Keys, false);
    }
    if exact(&SET_TYPE) || exact(&FROZENSET_TYPE) {
        return di::set_iter(heap, &obj);
    }
    if exact(&RANGE_TYPE) {
        return seq::range_iter(heap, &obj, false);
    }
    if exact(&crate::types::deque::DEQUE_TYPE) {
        return crate::types::deque::iter::deque_iter(
            heap,
            crate::types::deque::Deque::cast_internal(o)?,
        );
    }
    if crate::types::buffer::has_buffer(o) && !crate::types::bytes::is_bytes(o) {
        return seq::buffer_iter(heap, &obj);
    }
    if crate::types::iter::is_builtin_iterator(o) || crate::types::genobject::is_generator(o) {
        return Ok(obj);
    }
    let ptr = heap.call_hooks(|h| h.get_iter(o)).unwrap_or_else(|| {
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            ty.name()
        )))
    })?;
    // SAFETY: the hook returns a new reference to an object of this heap.
    Ok(unsafe { Obj::from_owned(heap, ptr) })
}

/// `PyIter_Next(it)` (`tp_iternext`): the next item, `None` when exhausted. Built-in
/// iterators step here; other iterators (generators, classes with `__next__`) through the
/// runtime's hooks.
///
/// # Errors
/// `TypeError: 'int' object is not an iterator`, or what the iterator raises.
pub fn iter_next<'h>(heap: &'h Heap, it: &PyObject) -> PyResult<Option<Obj<'h>>> {
    if let Some(next) = crate::types::iter::builtin_iternext(it.ob_type()) {
        return next(heap, it);
    }
    let item = heap.call_hooks(|h| h.iter_next(it)).unwrap_or_else(|| {
        Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.ob_type().name()
        )))
    })?;
    // SAFETY: the hook returns a new reference to an object of this heap.
    Ok(item.map(|p| unsafe { Obj::from_owned(heap, p) }))
}

/// `PySequence_GetItem(seq, index)` with a non-negative index: lists, tuples, strings, bytes
/// and ranges here, other sequences through the runtime's hooks.
///
/// # Errors
/// `IndexError` past the end, or what `__getitem__` raises.
pub fn sequence_get_item<'h>(heap: &'h Heap, seq: &PyObject, index: isize) -> PyResult<Obj<'h>> {
    use crate::types::{bytes, list, range, tuple, unicode};
    let out_of_range = |what: &str| {
        PyErr::new(
            crate::error::ExcKind::IndexError,
            format!("{what} index out of range"),
        )
    };
    if let Some(l) = list::List::cast(seq) {
        return list::get_item(heap, l, index);
    }
    if let Some(t) = tuple::Tuple::cast(seq) {
        let p = usize::try_from(index)
            .ok()
            .and_then(|i| tuple::items(t).get(i).copied());
        // SAFETY: an item of a live tuple, as a new reference.
        return p
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
            .ok_or_else(|| out_of_range("tuple"));
    }
    if let Some(s) = unicode::Str::cast(seq) {
        let c = usize::try_from(index)
            .ok()
            .and_then(|i| unicode::char_at(s, i))
            .and_then(char::from_u32);
        return match c {
            Some(c) => unicode::new_str(heap, c.encode_utf8(&mut [0; 4])),
            None => Err(out_of_range("string")),
        };
    }
    if let Some(b) = bytes::Bytes::cast(seq) {
        return match usize::try_from(index)
            .ok()
            .and_then(|i| bytes::bytes_value(b).get(i))
        {
            Some(&v) => crate::types::long::int_from_i64(heap, i64::from(v)),
            None => Err(out_of_range("index")),
        };
    }
    if let Some(r) = range::Range::cast(seq) {
        return range::range_item_at(heap, r, index);
    }
    if crate::types::slot_defs::has_user_slots(seq.ob_type()) {
        let i = crate::types::long::int_from_i64(heap, index as i64)?;
        return crate::types::slot_defs::call_special(heap, seq, "__getitem__", &[i.object()])?
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    seq.ob_type().name()
                ))
            });
    }
    let p = heap
        .call_hooks(|h| h.sequence_item(seq, index))
        .unwrap_or_else(|| {
            Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                seq.ob_type().name()
            )))
        })?;
    // SAFETY: the hook returns a new reference to an object of this heap.
    Ok(unsafe { Obj::from_owned(heap, p) })
}

/// `PySequence_Size(seq)`: the built-in length, else the runtime's `__len__`.
///
/// # Errors
/// `TypeError: object of type 'X' has no len()`, or what `__len__` raises.
pub fn sequence_len(heap: &Heap, seq: &PyObject) -> PyResult<usize> {
    if let Some(n) = crate::types::slot_defs::sq_length(heap, seq) {
        return n;
    }
    match len(seq) {
        Err(e) if e.kind() == crate::error::ExcKind::TypeError && !e.carries_object() => {
            heap.call_hooks(|h| h.sequence_len(seq)).unwrap_or(Err(e))
        }
        other => other,
    }
}

/// Iterates `iterable` (`PyObject_GetIter` and `PyIter_Next`), calling `each` with every item
/// until it answers `false`. Lists and tuples are walked here by index, reading the length
/// afresh at each step as their iterators do; everything else through the runtime's hooks.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, or what iterating or `each` raises.
pub fn for_each<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    each: impl FnMut(Obj<'h>) -> PyResult<bool>,
) -> PyResult<()> {
    for_each_started(heap, iterable, || Ok(()), each)
}

/// [`for_each`], calling `started` once the iterator exists and before the first item, as
/// `list_extend` takes the length hint only after `PyObject_GetIter` succeeded (so a
/// non-iterable changes nothing).
///
/// # Errors
/// As [`for_each`], or what `started` raises.
pub fn for_each_started<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    started: impl FnOnce() -> PyResult<()>,
    mut each: impl FnMut(Obj<'h>) -> PyResult<bool>,
) -> PyResult<()> {
    use crate::types::{list, tuple};
    let own_iter = crate::types::builtin_subclass::iterates_itself(heap, iterable);
    if let Some(l) = list::List::cast(iterable).filter(|_| !own_iter) {
        started()?;
        let mut i = 0;
        while let Some(&p) = list::items(l).get(i) {
            // SAFETY: an item of a live list, taken as a new reference before any code runs.
            if !each(unsafe { Obj::from_borrowed(heap, p.as_ref()) })? {
                break;
            }
            i += 1;
        }
        return Ok(());
    }
    if let Some(t) = tuple::Tuple::cast(iterable).filter(|_| !own_iter) {
        started()?;
        for &p in tuple::items(t) {
            // SAFETY: an item of a live tuple (immutable), as a new reference.
            if !each(unsafe { Obj::from_borrowed(heap, p.as_ref()) })? {
                break;
            }
        }
        return Ok(());
    }
    let not_iterable = || {
        PyErr::type_error(format!(
            "'{}' object is not iterable",
            iterable.ob_type().name()
        ))
    };
    let mut started = Some(started);
    heap.call_hooks(|h| {
        h.iterate(
            iterable,
            &mut || started.take().map_or(Ok(()), |f| f()),
            &mut |item| {
                // SAFETY: the hook keeps the item alive for this call; it is taken as a new
                // reference.
                each(unsafe { Obj::from_borrowed(heap, item) })
            },
        )
    })
    .unwrap_or_else(|| Err(not_iterable()))
}

/// Appends every item of `iterable` to `items` (the loop of `PySequence_List` and
/// `PySequence_Fast`), growing it fallibly: an iterable longer than memory is a `MemoryError`,
/// not an abort. On an error, the items read so far stay in `items`.
///
/// # Errors
/// As [`for_each`], or `MemoryError`.
pub fn collect_into<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    items: &mut Vec<Obj<'h>>,
) -> PyResult<()> {
    for_each(heap, iterable, |item| {
        items.try_reserve(1).map_err(|_| PyErr::memory_error())?;
        items.push(item);
        Ok(true)
    })
}

/// `PyObject_LengthHint(o, default)`: the length where the type has one (a class's
/// `__len__`), else a class's `__length_hint__`, else `default`.
///
/// # Errors
/// What taking the length raises other than the `TypeError` of a type without one
/// (`OverflowError` for `range(10**20)`).
pub fn length_hint(heap: &Heap, o: &PyObject, default: usize) -> PyResult<usize> {
    // A class's `__len__` that raises `TypeError` gives no hint, as a type without a length.
    if let Some(n) = crate::types::slot_defs::sq_length(heap, o) {
        return match n {
            Err(e) if e.kind() == crate::error::ExcKind::TypeError => {
                length_hint_method(heap, o, default)
            }
            other => other,
        };
    }
    match len(o) {
        Err(e) if e.kind() == crate::error::ExcKind::TypeError && !e.carries_object() => {}
        other => return other,
    }
    length_hint_method(heap, o, default)
}

/// The second half of `PyObject_LengthHint`: a class's `__length_hint__` (`NotImplemented`
/// gives `default`).
///
/// # Errors
/// What `__length_hint__` raises; `TypeError: __length_hint__ must be an integer, not str`,
/// `ValueError: __length_hint__() should return >= 0`, `OverflowError` past `sys.maxsize`.
fn length_hint_method(heap: &Heap, o: &PyObject, default: usize) -> PyResult<usize> {
    use crate::types::{long, slot_defs};
    if !slot_defs::has_protocol_methods(o.ob_type()) {
        return Ok(default);
    }
    let Some(r) = slot_defs::call_special(heap, o, "__length_hint__", &[])? else {
        return Ok(default);
    };
    if r.is(&crate::types::not_implemented(heap)) {
        return Ok(default);
    }
    let Some(i) = long::Int::cast(r.object()) else {
        return Err(PyErr::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            r.ob_type().name()
        )));
    };
    let n = long::as_ssize_t(i).map_err(|_| {
        PyErr::new(
            crate::error::ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    usize::try_from(n).map_err(|_| {
        PyErr::new(
            crate::error::ExcKind::ValueError,
            "__length_hint__() should return >= 0",
        )
    })
}
