//! User special methods as their class's slots: the `slot_*` functions of
//! `Objects/typeobject.c` (`slot_tp_repr`, `slot_tp_hash`, `slot_tp_richcompare`,
//! `SLOT1BINFULL`'s `slot_nb_add`, `slot_sq_length`, `slot_nb_bool`, ...).
//!
//! CPython's `slotdefs` table maps each special method name to a slot, and `update_one_slot`
//! points the slot of a class at the `slot_*` function when the class (or a base) defines the
//! method. pyrt's classes whose base is `object` share one static slot table
//! ([`class`]'s `INSTANCE_SLOTS`) whose entries are the functions here:
//! each looks the special method up along the class's bases through the method cache
//! ([`type_lookup`], `_PyType_Lookup`, as `lookup_maybe_method` does) and calls it through the
//! runtime's hooks; a class that does not define it gets `object`'s behaviour. The lookup at
//! each call is what makes a later `C.__add__ = f` (CPython's `update_slot`) and inheritance
//! work without a per-class table; a method-cache hit is three loads.
//!
//! The slots whose pyrt signatures cannot fail (`nb_bool`, `sq_length`) are reached from the
//! abstract layer instead ([`nb_bool`], [`sq_length`]), as are the protocols pyrt keeps in
//! the interpreter (`__getitem__`, `__contains__`, `__call__`, ...): [`call_special`] is their
//! common way in.

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::type_cache::{find_name_in_mro, type_lookup};
use crate::typeobj::{CompareOp, NumberSlots, PyTypeObject};
use crate::types::{class, long, unicode};

/// Whether `ty` is a class whose slots are this module's (a class whose base is `object`).
#[inline]
pub fn has_user_slots(ty: &PyTypeObject) -> bool {
    class::is_object_instance_type(ty)
}

/// Whether `ty` is a class on a built-in base other than `object` (`class L(list)`, `class
/// D(dict)`, `class S(str)`, ...; a metaclass, on `type`), whose special methods fill its
/// slots over the base's: the slot functions of such classes try the class's method first
/// ([`lookup`] finds only class namespaces, never a built-in type's), then the base's own
/// slot.
#[inline]
pub fn overrides_builtin(ty: &PyTypeObject) -> bool {
    class::is_heap_type(ty)
        && matches!(
            class::class_kind(ty),
            Some(
                class::ClassKind::List
                    | class::ClassKind::Builtin(_)
                    | class::ClassKind::Exception
                    | class::ClassKind::Meta
            )
        )
}

/// Whether special methods of `ty`'s namespaces answer a protocol: a class on `object`, or
/// a class on another built-in base ([`overrides_builtin`]).
#[inline]
pub fn has_protocol_methods(ty: &PyTypeObject) -> bool {
    has_user_slots(ty) || overrides_builtin(ty)
}

/// The built-in type whose slots `ty`'s instances have below the class's own methods (`ty`'s
/// first static base).
pub fn static_base(ty: &PyTypeObject) -> &PyTypeObject {
    let mut t = ty;
    while class::is_heap_type(t)
        && let Some(b) = t.base()
    {
        t = b;
    }
    t
}

/// `slot_tp_repr` of a class on a built-in base: `__repr__`, else the base's `tp_repr`.
///
/// # Errors
/// What `__repr__` or the base raises; `TypeError` for a result that is not a str.
pub(crate) fn subclass_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    match call_special(heap, o, "__repr__", &[])? {
        Some(r) => text_result(&r, "__repr__"),
        None => (static_base(o.ob_type()).slots().repr)(heap, o),
    }
}

/// `slot_tp_str` of a class on a built-in base: `__str__`, else the base's `tp_str` (a
/// str's is itself), else the repr slot (which finds a class's `__repr__`).
///
/// # Errors
/// What `__str__`, `__repr__` or the base raises; `TypeError` for a result that is not a str.
pub(crate) fn subclass_str(heap: &Heap, o: &PyObject) -> PyResult<String> {
    if let Some(r) = call_special(heap, o, "__str__", &[])? {
        return text_result(&r, "__str__");
    }
    match static_base(o.ob_type()).slots().str {
        Some(f) => f(heap, o),
        None => subclass_repr(heap, o),
    }
}

/// `slot_tp_hash` of a class on a built-in base (or an exception class): its `__hash__` (`None`
/// there, as `__eq__` without `__hash__` leaves it: unhashable), else the base's `tp_hash`.
///
/// # Errors
/// As [`slot_tp_hash`]; `TypeError: unhashable type: 'L'` for an unhashable base.
pub(crate) fn subclass_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    if lookup(heap, o.ob_type(), "__hash__").is_some() {
        return slot_tp_hash(heap, o);
    }
    match static_base(o.ob_type()).slots().hash {
        Some(f) => f(heap, o),
        None => Err(PyErr::type_error(format!(
            "unhashable type: '{}'",
            o.ob_type().name()
        ))),
    }
}

/// `slot_tp_richcompare` of a class on a built-in base (or an exception class): the class's
/// `__lt__` ... `__ge__` (`NotImplemented` is `Ok(None)`), else the base's `tp_richcompare`;
/// on a base without one (an exception), `!=` inverts the class's `__eq__` as
/// `object.__ne__` does.
///
/// # Errors
/// What the method or the base raises.
pub(crate) fn subclass_richcompare<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if let Some(r) = call_special(heap, v, compare_name(op), &[w])? {
        return Ok((!is_not_implemented(heap, &r)).then_some(r));
    }
    match static_base(v.ob_type()).slots().richcompare {
        Some(f) => f(heap, v, w, op),
        None if op == CompareOp::Ne => match call_special(heap, v, "__eq__", &[w])? {
            Some(r) if !is_not_implemented(heap, &r) => {
                let t = abstract_::is_true(heap, r.object())?;
                Ok(Some(long::new_bool(heap, !t)))
            }
            _ => Ok(None),
        },
        None => Ok(None),
    }
}

/// `_PyType_Lookup(ty, name)` for a class: the value of `name` in the first namespace along
/// its bases, as a new reference; `None` for a built-in type or when no namespace has it.
pub fn lookup<'h>(heap: &'h Heap, ty: &PyTypeObject, name: &str) -> Option<Obj<'h>> {
    if !class::is_heap_type(ty) {
        return None;
    }
    let found = match unicode::interned(heap, name) {
        Some(key) => type_lookup(heap, ty, key.object()),
        None => {
            let key = unicode::new_str(heap, name).ok()?;
            find_name_in_mro(heap, ty, key.object())
        }
    }?;
    // SAFETY: the value is alive while the class's namespaces are unchanged, and it is taken
    // as a new reference before any code runs.
    Some(unsafe { Obj::from_borrowed(heap, found.as_ref()) })
}

/// `vectorcall_method`/`call_maybe`: `type(o).name(o, *args)` if the class defines `name`
/// (`Ok(None)` if it does not).
///
/// # Errors
/// What the method raises.
pub fn call_special<'h>(
    heap: &'h Heap,
    o: &PyObject,
    name: &str,
    args: &[&PyObject],
) -> PyResult<Option<Obj<'h>>> {
    let Some(f) = lookup(heap, o.ob_type(), name) else {
        return Ok(None);
    };
    call_found(heap, &f, o, args).map(Some)
}

/// `lookup_maybe_method` then the call: special method `f` found on `o`'s class called with
/// `o` first when it is a function (or any object that is not a descriptor), else bound
/// first (`f.__get__(o, type(o))`: a `staticmethod` or `classmethod` as `__len__` works).
///
/// # Errors
/// What `__get__` or the call raises.
pub fn call_found<'h>(
    heap: &'h Heap,
    f: &Obj<'h>,
    o: &PyObject,
    args: &[&PyObject],
) -> PyResult<Obj<'h>> {
    if !crate::types::function::is_function(f.object())
        && let Some(bound) = heap
            .call_hooks(|h| h.bind_special(f.object(), o))
            .transpose()?
            .flatten()
    {
        // SAFETY: the hook returns a new reference to an object of this heap.
        let bound = unsafe { Obj::from_owned(heap, bound) };
        return abstract_::call_object(heap, bound.object(), args);
    }
    let mut all: Vec<&PyObject> = Vec::with_capacity(args.len() + 1);
    all.push(o);
    all.extend_from_slice(args);
    abstract_::call_object(heap, f.object(), &all)
}

fn is_not_implemented(heap: &Heap, o: &Obj<'_>) -> bool {
    o.is(&crate::types::not_implemented(heap))
}

/// `object_repr`: `<__main__.P object at 0x...>`, without the module for a built-in type
/// (`<int object at 0x...>`).
pub(crate) fn object_repr(o: &PyObject) -> String {
    let ty = o.ob_type();
    let addr = core::ptr::from_ref(o).addr();
    let class = class::Class::of_type(ty);
    let module = class.and_then(class::class_module);
    match (class.map(class::class_module_and_name), module) {
        (Some((_, name)), Some(module)) if module != "builtins" => {
            format!("<{module}.{name} object at {addr:#x}>")
        }
        _ => format!("<{} object at {addr:#x}>", ty.name()),
    }
}

/// The text of what `__repr__`/`__str__` returned, or `TypeError: __str__ returned
/// non-string (type int)`.
fn text_result(r: &Obj<'_>, name: &str) -> PyResult<String> {
    match unicode::Str::cast(r.object()) {
        Some(s) => Ok(unicode::str_value(s)),
        None => Err(PyErr::type_error(format!(
            "{name} returned non-string (type {})",
            r.ob_type().name()
        ))),
    }
}

/// `slot_tp_repr`: `__repr__`, else `object_repr`.
///
/// # Errors
/// What `__repr__` raises, or `TypeError` for a result that is not a str.
pub fn slot_tp_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    match call_special(heap, o, "__repr__", &[])? {
        Some(r) => text_result(&r, "__repr__"),
        None => Ok(object_repr(o)),
    }
}

/// `slot_tp_str`: `__str__`, else `object_str` (the repr slot).
///
/// # Errors
/// What `__str__` raises, or `TypeError` for a result that is not a str.
pub fn slot_tp_str(heap: &Heap, o: &PyObject) -> PyResult<String> {
    match call_special(heap, o, "__str__", &[])? {
        Some(r) => text_result(&r, "__str__"),
        None => slot_tp_repr(heap, o),
    }
}

/// `slot_tp_hash`: `__hash__` (`None` there: unhashable), else the identity hash. An int
/// result in the range of `Py_ssize_t` is the hash itself, a larger one is hashed as an int;
/// -1 becomes -2.
///
/// # Errors
/// `TypeError: unhashable type: 'P'`, `TypeError: __hash__ method should return an integer`,
/// or what `__hash__` raises.
pub fn slot_tp_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let Some(f) = lookup(heap, o.ob_type(), "__hash__") else {
        return crate::types::identity_hash(heap, o);
    };
    if f.is(&crate::types::none(heap)) {
        return Err(PyErr::type_error(format!(
            "unhashable type: '{}'",
            o.ob_type().name()
        )));
    }
    let r = call_found(heap, &f, o, &[])?;
    let Some(i) = long::Int::cast(r.object()) else {
        return Err(PyErr::type_error(
            "__hash__ method should return an integer",
        ));
    };
    let h = match long::as_i64(i) {
        Some(h) => h,
        None => crate::types::INT_TYPE
            .get()
            .slots()
            .hash
            .map_or(Ok(-1), |f| f(heap, r.object()))?,
    };
    Ok(if h == -1 { -2 } else { h })
}

fn compare_name(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

/// `slot_tp_richcompare`: the class's `__lt__` ... `__ge__` (`NotImplemented` is `Ok(None)`),
/// else `object_richcompare`: `==` is identity, `!=` inverts `__eq__`, the orderings are not
/// implemented.
///
/// # Errors
/// What the method raises.
pub fn slot_tp_richcompare<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if let Some(r) = call_special(heap, v, compare_name(op), &[w])? {
        return Ok((!is_not_implemented(heap, &r)).then_some(r));
    }
    match op {
        CompareOp::Eq if core::ptr::eq(v, w) => Ok(Some(long::new_bool(heap, true))),
        CompareOp::Ne => match call_special(heap, v, "__eq__", &[w])? {
            Some(r) if !is_not_implemented(heap, &r) => {
                let t = abstract_::is_true(heap, r.object())?;
                Ok(Some(long::new_bool(heap, !t)))
            }
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// `SLOT1BINFULL`: the binary slot of a class, called with the operands in their order, as
/// `binary_op1` calls both operands' slots. The left operand's `__op__` when it is the class's
/// instance (after the right one's `__rop__` if that one's class is a subclass of it), then
/// the right operand's `__rop__` when it is one of these classes' instances.
fn binary_full<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    name: &str,
    rname: &str,
) -> PyResult<Option<Obj<'h>>> {
    let (tv, tw) = (v.ob_type(), w.ob_type());
    let same = core::ptr::eq(tv, tw);
    let mut do_other = !same && has_protocol_methods(tw);
    let answer = |r: Option<Obj<'h>>| r.filter(|r| !is_not_implemented(heap, r));
    if has_protocol_methods(tv) {
        if do_other && tw.is_subtype(tv) {
            if let Some(r) = answer(call_special(heap, w, rname, &[v])?) {
                return Ok(Some(r));
            }
            do_other = false;
        }
        let r = answer(call_special(heap, v, name, &[w])?);
        if r.is_some() || same {
            return Ok(r);
        }
    }
    if do_other {
        return Ok(answer(call_special(heap, w, rname, &[v])?));
    }
    Ok(None)
}

macro_rules! binary_slots {
    ($($fn_name:ident: $name:literal, $rname:literal;)*) => {
        $(
            #[doc = concat!("`slot_nb_*` for `", $name, "` and `", $rname, "`.")]
            fn $fn_name<'h>(
                heap: &'h Heap,
                v: &PyObject,
                w: &PyObject,
            ) -> PyResult<Option<Obj<'h>>> {
                binary_full(heap, v, w, $name, $rname)
            }
        )*
    };
}

binary_slots! {
    nb_add: "__add__", "__radd__";
    nb_subtract: "__sub__", "__rsub__";
    nb_multiply: "__mul__", "__rmul__";
    nb_remainder: "__mod__", "__rmod__";
    nb_divmod: "__divmod__", "__rdivmod__";
    nb_power: "__pow__", "__rpow__";
    nb_floor_divide: "__floordiv__", "__rfloordiv__";
    nb_true_divide: "__truediv__", "__rtruediv__";
    nb_lshift: "__lshift__", "__rlshift__";
    nb_rshift: "__rshift__", "__rrshift__";
    nb_and: "__and__", "__rand__";
    nb_xor: "__xor__", "__rxor__";
    nb_or: "__or__", "__ror__";
}

/// `v @ w` (`PyNumber_MatrixMultiply`): no built-in type has the slot, so only classes answer.
///
/// # Errors
/// What the methods raise, or `TypeError: unsupported operand type(s) for @: 'P' and 'int'`
/// (`@=` with `inplace`, after `__imatmul__`).
pub fn matmul<'h>(heap: &'h Heap, v: &PyObject, w: &PyObject, inplace: bool) -> PyResult<Obj<'h>> {
    if inplace
        && has_protocol_methods(v.ob_type())
        && let Some(r) = call_special(heap, v, "__imatmul__", &[w])?
        && !is_not_implemented(heap, &r)
    {
        return Ok(r);
    }
    if let Some(r) = binary_full(heap, v, w, "__matmul__", "__rmatmul__")? {
        return Ok(r);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for @{}: '{}' and '{}'",
        if inplace { "=" } else { "" },
        v.ob_type().name(),
        w.ob_type().name()
    )))
}

/// The method and reflected method of a binary operator (`__add__`, `__radd__` for `+`).
pub(crate) fn binary_names(op: abstract_::BinOp) -> (&'static str, &'static str) {
    use abstract_::BinOp;
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::DivMod => ("__divmod__", "__rdivmod__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::And => ("__and__", "__rand__"),
        BinOp::Or => ("__or__", "__ror__"),
        BinOp::Xor => ("__xor__", "__rxor__"),
    }
}

/// `v op w` when either operand is an instance of a class on a built-in base
/// ([`overrides_builtin`]): the classes' `__op__`/`__rop__` as `SLOT1BINFULL` calls them;
/// `Ok(None)` when neither defines one or both answer `NotImplemented` (the bases' operator
/// applies).
///
/// # Errors
/// What the methods raise.
pub fn subclass_binary<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: abstract_::BinOp,
) -> PyResult<Option<Obj<'h>>> {
    if !overrides_builtin(v.ob_type()) && !overrides_builtin(w.ob_type()) {
        return Ok(None);
    }
    let (name, rname) = binary_names(op);
    binary_full(heap, v, w, name, rname)
}

/// Whether the class of `v` or of `w`, on a built-in base, defines the method or reflected
/// method of `op`: then `v op w` goes through the slots, not a base's shortcut.
pub fn subclass_defines_binary(
    heap: &Heap,
    v: &PyObject,
    w: &PyObject,
    op: abstract_::BinOp,
) -> bool {
    let (name, rname) = binary_names(op);
    let defines = |ty: &PyTypeObject| {
        overrides_builtin(ty)
            && (lookup(heap, ty, name).is_some() || lookup(heap, ty, rname).is_some())
    };
    defines(v.ob_type()) || defines(w.ob_type())
}

/// Whether the class of `v`, on a built-in base, defines the in-place or plain method of
/// `op` (`__iadd__` or `__add__`): then `v op= w` goes through the slots, not the base's
/// in-place shortcut.
pub fn subclass_defines_inplace(heap: &Heap, v: &PyObject, op: abstract_::BinOp) -> bool {
    use crate::types as t;
    use abstract_::BinOp;
    let ty = v.ob_type();
    if !overrides_builtin(ty) {
        return false;
    }
    if inplace_name(op).is_some_and(|n| lookup(heap, ty, n).is_some()) {
        return true;
    }
    // The base's own in-place method (`list.__iadd__`, `set.__ior__`, `dict.__ior__`) comes
    // before the class's `__add__` along the MRO.
    let base = static_base(ty);
    let is = |s: &'static crate::typeobj::StaticType| core::ptr::eq(base, s.get());
    let base_inplace = match op {
        BinOp::Add | BinOp::Mul => is(&t::LIST_TYPE),
        BinOp::Or => is(&t::SET_TYPE) || is(&t::DICT_TYPE),
        BinOp::And | BinOp::Sub | BinOp::Xor => is(&t::SET_TYPE),
        _ => false,
    };
    !base_inplace && lookup(heap, ty, binary_names(op).0).is_some()
}

/// The in-place method of a binary operator (`__iadd__` for `+`).
fn inplace_name(op: abstract_::BinOp) -> Option<&'static str> {
    use abstract_::BinOp;
    Some(match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::And => "__iand__",
        BinOp::Or => "__ior__",
        BinOp::Xor => "__ixor__",
        BinOp::DivMod => return None,
    })
}

/// The in-place slot of a class (`slot_nb_inplace_add`, ...): `v.__iadd__(w)` when `v`'s
/// class defines it, `Ok(None)` when it does not or answers `NotImplemented` (then the
/// binary operator runs, as `binary_iop1` falls back).
///
/// # Errors
/// What the method raises.
pub fn inplace<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: abstract_::BinOp,
) -> PyResult<Option<Obj<'h>>> {
    let Some(name) = inplace_name(op) else {
        return Ok(None);
    };
    if !has_protocol_methods(v.ob_type()) {
        return Ok(None);
    }
    Ok(call_special(heap, v, name, &[w])?.filter(|r| !is_not_implemented(heap, r)))
}

macro_rules! unary_slots {
    ($($fn_name:ident: $name:literal, $what:literal;)*) => {
        $(
            #[doc = concat!("`slot_nb_*` for `", $name, "`.")]
            fn $fn_name<'h>(heap: &'h Heap, v: &PyObject) -> PyResult<Obj<'h>> {
                call_special(heap, v, $name, &[])?.ok_or_else(|| {
                    PyErr::type_error(format!(
                        concat!("bad operand type for ", $what, ": '{}'"),
                        v.ob_type().name()
                    ))
                })
            }
        )*
    };
}

unary_slots! {
    nb_negative: "__neg__", "unary -";
    nb_positive: "__pos__", "unary +";
    nb_absolute: "__abs__", "abs()";
    nb_invert: "__invert__", "unary ~";
}

/// The number slots of a class whose base is `object`.
pub(crate) static USER_NUMBER_SLOTS: NumberSlots = NumberSlots {
    add: Some(nb_add),
    subtract: Some(nb_subtract),
    multiply: Some(nb_multiply),
    remainder: Some(nb_remainder),
    divmod: Some(nb_divmod),
    power: Some(nb_power),
    floor_divide: Some(nb_floor_divide),
    true_divide: Some(nb_true_divide),
    lshift: Some(nb_lshift),
    rshift: Some(nb_rshift),
    and: Some(nb_and),
    xor: Some(nb_xor),
    or: Some(nb_or),
    negative: Some(nb_negative),
    positive: Some(nb_positive),
    absolute: Some(nb_absolute),
    invert: Some(nb_invert),
    bool: None,
};

/// The number slots of a metaclass: the unary operators through its methods (its binary
/// operators go through [`subclass_binary`], as a built-in subclass's do).
pub(crate) static META_NUMBER_SLOTS: NumberSlots = NumberSlots {
    // `type`'s own `nb_or` (PEP 604), inherited where the metaclass defines no `__or__`.
    or: Some(crate::types::base::union_type_or),
    negative: Some(nb_negative),
    positive: Some(nb_positive),
    absolute: Some(nb_absolute),
    invert: Some(nb_invert),
    ..NumberSlots::EMPTY
};

/// Whether `ty` is a metaclass made by a `class` statement (on `type`).
#[inline]
pub fn is_metaclass(ty: &PyTypeObject) -> bool {
    // The flag first: one load for the instances of every other class.
    ty.flags()
        .contains(crate::typeobj::TypeFlags::TYPE_SUBCLASS)
        && class::is_heap_type(ty)
        && class::class_kind(ty) == Some(class::ClassKind::Meta)
}

/// `__len__`'s result as a length (`slot_sq_length`).
fn length_result(r: &Obj<'_>) -> PyResult<usize> {
    let Some(i) = long::Int::cast(r.object()) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            r.ob_type().name()
        )));
    };
    // `slot_sq_length` checks the sign before the size: `-2**100` is a ValueError.
    if long::clamp_to_ssize(i) < 0 {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "__len__() should return >= 0",
        ));
    }
    let n = long::as_ssize_t(i).map_err(|_| {
        PyErr::new(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )
    })?;
    usize::try_from(n).map_err(|_| PyErr::new(ExcKind::ValueError, "__len__() should return >= 0"))
}

/// `slot_sq_length` of a class: `Some` when the class defines `__len__`.
///
/// # Errors
/// What `__len__` raises; `TypeError` for a result that is not an int, `ValueError:
/// __len__() should return >= 0`, `OverflowError` past `sys.maxsize`.
pub fn sq_length(heap: &Heap, o: &PyObject) -> Option<PyResult<usize>> {
    if !has_protocol_methods(o.ob_type()) {
        return None;
    }
    match call_special(heap, o, "__len__", &[]) {
        Ok(Some(r)) => Some(length_result(&r)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

/// `slot_nb_bool` of a class: `__bool__` (which must return a bool), else `__len__` (true
/// when non-zero), else true.
///
/// # Errors
/// What the methods raise; `TypeError: __bool__ should return bool, returned int`.
pub fn nb_bool(heap: &Heap, o: &PyObject) -> PyResult<bool> {
    if let Some(r) = call_special(heap, o, "__bool__", &[])? {
        if !core::ptr::eq(r.ob_type(), crate::types::BOOL_TYPE.get()) {
            return Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                r.ob_type().name()
            )));
        }
        return abstract_::is_true(heap, r.object());
    }
    match sq_length(heap, o) {
        Some(n) => Ok(n? > 0),
        None => Ok(true),
    }
}

/// `slot_nb_bool` of a class on a built-in base that defines `__bool__` or `__len__`:
/// `None` when it defines neither (the base's truth applies).
///
/// # Errors
/// As [`nb_bool`].
pub fn subclass_bool(heap: &Heap, o: &PyObject) -> Option<PyResult<bool>> {
    let ty = o.ob_type();
    if !overrides_builtin(ty) {
        return None;
    }
    if lookup(heap, ty, "__bool__").is_some() {
        return Some(nb_bool(heap, o));
    }
    sq_length(heap, o).map(|n| n.map(|n| n > 0))
}

/// `format(o, spec)` for a class's instance (or a metaclass's class) (`PyObject_Format`): its `__format__`, which must return a
/// str, else `object.__format__`: `str(o)` for an empty spec, a `TypeError` otherwise.
/// `None` for an object whose class is not one of these.
///
/// # Errors
/// What `__format__` or `__str__` raises; `TypeError: __format__ must return a str, not
/// int`; `TypeError: unsupported format string passed to P.__format__`.
pub fn format<'h>(heap: &'h Heap, o: &PyObject, spec: &str) -> Option<PyResult<Obj<'h>>> {
    let ty = o.ob_type();
    // A class on a built-in base without `__format__` formats as its base; a metaclass's
    // classes go through `format_user` (its `__format__`, or `type`'s).
    let own = overrides_builtin(ty) && lookup(heap, ty, "__format__").is_some();
    if !(has_user_slots(ty) || own || is_metaclass(ty)) {
        return None;
    }
    Some(format_user(heap, o, spec))
}

fn format_user<'h>(heap: &'h Heap, o: &PyObject, spec: &str) -> PyResult<Obj<'h>> {
    let spec_obj = unicode::new_str(heap, spec)?;
    if let Some(r) = call_special(heap, o, "__format__", &[spec_obj.object()])? {
        if unicode::Str::cast(r.object()).is_none() {
            return Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                r.ob_type().name()
            )));
        }
        return Ok(r);
    }
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            o.ob_type().name()
        )));
    }
    let text = abstract_::str(heap, o)?;
    unicode::new_str(heap, &text)
}

/// `o.__sizeof__()` for a class that defines it (`sys.getsizeof` adds the pre-header):
/// `None` when it does not.
///
/// # Errors
/// What `__sizeof__` raises; `TypeError: an integer is required`, `ValueError:
/// __sizeof__() should return >= 0`.
pub fn sizeof(heap: &Heap, o: &PyObject) -> Option<PyResult<usize>> {
    if !has_protocol_methods(o.ob_type()) {
        return None;
    }
    let r = match call_special(heap, o, "__sizeof__", &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return None,
        Err(e) => return Some(Err(e)),
    };
    Some(match long::Int::cast(r.object()) {
        None => Err(PyErr::type_error("an integer is required")),
        Some(i) => match long::as_ssize_t(i) {
            Ok(n) => usize::try_from(n)
                .map_err(|_| PyErr::new(ExcKind::ValueError, "__sizeof__() should return >= 0")),
            // `PyLong_AsSsize_t`'s error, either sign.
            Err(_) => Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
        },
    })
}

/// `slot_nb_index` (`PyNumber_Index`'s call of `__index__`) for an instance of a class:
/// `None` when `o` is not one or its class does not define `__index__`.
///
/// # Errors
/// What `__index__` raises; `TypeError: __index__ returned non-int (type float)`.
pub fn nb_index<'h>(heap: &'h Heap, o: &PyObject) -> Option<PyResult<Obj<'h>>> {
    // An int subclass's instance is its own index (`_PyNumber_Index` checks `PyLong_Check`
    // before `nb_index`).
    if !has_protocol_methods(o.ob_type()) || long::Int::cast(o).is_some() {
        return None;
    }
    match call_special(heap, o, "__index__", &[]) {
        Ok(Some(r)) if long::Int::cast(r.object()).is_some() => Some(Ok(r)),
        Ok(Some(r)) => Some(Err(PyErr::type_error(format!(
            "__index__ returned non-int (type {})",
            r.ob_type().name()
        )))),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}
