//! `types.UnionType` (`Objects/unionobject.c`, PEP 604): what `int | str` and `list[int] | None`
//! make, so that annotations such as `def f(x: int | None = None)` evaluate at `def` time.
//!
//! | type | words | made by |
//! |---|---|---|
//! | `types.UnionType` (32 bytes) | args, parameters (made on first use) | `X \| Y` on types, None, generic aliases, type aliases and unions |
//!
//! `|` is one slot function, [`union_type_or`] (CPython's `_Py_union_type_or`), shared by `type`,
//! `types.GenericAlias`, `typing.TypeAliasType` and this type; it reaches [`union_or`] through
//! the runtime's hooks. Both operands must be *unionable* (None, a type, a generic alias, a type
//! alias or a union), else the answer is `NotImplemented` and the other operand's `__ror__` (or
//! the `unsupported operand type(s) for |` error) follows. The arguments are flattened (a
//! union's own arguments replace it, `None` becomes `NoneType`) and deduplicated (by identity,
//! by equality between generic aliases); a single argument left is the result itself (`int |
//! int` is `int`).
//!
//! Two unions are equal when their argument sets are, and a union hashes as the frozenset of
//! its arguments; `isinstance` and `issubclass` test against the arguments ([`union_args`]).

use pyrt_objects::typeobj::{CompareOp, NumberSlots, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{
    NONE_TYPE, OBJECT_TYPE, TYPE_TYPE, none, set_ops, tuple, type_object, unicode, union_type_or,
};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr, PyObject, PyResult, abstract_};

use super::objects::{Kind, clear, dealloc, traverse};
use super::typing_objects;

/// The number slots of a union: only `|`.
static UNION_NUMBER: NumberSlots = NumberSlots {
    or: Some(union_type_or),
    ..NumberSlots::EMPTY
};

static UNION_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: union_repr,
    str: None,
    hash: Some(union_hash),
    richcompare: Some(union_richcompare),
    number: Some(&UNION_NUMBER),
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &[],
    getattr: Some(union_getattr),
    setattr: Some(readonly_setattr),
};

/// `types.UnionType` (`_PyUnion_Type`): 32 bytes, a GC object.
static UNION_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "types.UnionType",
        basicsize: 32,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &UNION_SLOTS,
    },
);

/// `types.UnionType`: args (a tuple), parameters (made on first use).
pub(crate) static UNION: Kind = Kind::new(&UNION_TYPE, 2, 0);

/// `is_unionable`: None, a type, a generic alias, a union or a type alias.
fn is_unionable(heap: &Heap, o: &PyObject) -> bool {
    core::ptr::eq(o, none(heap).object())
        || type_object(o).is_some()
        || typing_objects::is_generic_alias(o)
        || UNION.is(o)
        || typing_objects::is_type_alias(o)
}

/// The items of a tuple, as new references.
fn items_of<'h>(heap: &'h Heap, t: &PyObject) -> Vec<Obj<'h>> {
    tuple::Tuple::cast(t)
        .map(tuple::items)
        .unwrap_or_default()
        .iter()
        // SAFETY: the tuple holds its items while they are copied out.
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .collect()
}

/// The arguments tuple of union `o`, `None` when `o` is not a union (`_Py_union_args`).
pub(crate) fn union_args<'h>(heap: &'h Heap, o: &PyObject) -> Option<Obj<'h>> {
    UNION.cast(o).and_then(|u| u.get_ref(heap, 0))
}

/// `a | b` (`_Py_union_type_or`): `None` for `NotImplemented`.
///
/// # Errors
/// What comparing two generic aliases raises.
pub(crate) fn union_or<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
) -> PyResult<Option<Obj<'h>>> {
    if !is_unionable(heap, a) || !is_unionable(heap, b) {
        return Ok(None);
    }
    // SAFETY: the caller holds both operands for the call.
    let operands = unsafe { [Obj::from_borrowed(heap, a), Obj::from_borrowed(heap, b)] };
    make_union(heap, operands).map(Some)
}

/// `make_union`: the flattened, deduplicated arguments as a union, or the one argument left.
fn make_union<'h>(heap: &'h Heap, operands: [Obj<'h>; 2]) -> PyResult<Obj<'h>> {
    let mut args = dedup_and_flatten(heap, operands)?;
    if args.len() == 1 {
        return Ok(args.remove(0));
    }
    let args = tuple::new_tuple(heap, args)?;
    UNION.alloc(heap, &[Some(args), None], &[])
}

/// `dedup_and_flatten_args`: a union's arguments in its place, `None` as `NoneType`, then each
/// argument once (generic aliases compared by `==`, everything else by identity).
fn dedup_and_flatten<'h>(heap: &'h Heap, operands: [Obj<'h>; 2]) -> PyResult<Vec<Obj<'h>>> {
    let none_type = || {
        // SAFETY: `NoneType` is a static, immortal type object.
        unsafe { Obj::from_borrowed(heap, &NONE_TYPE.get().ob_base.ob_base) }
    };
    let mut flat = Vec::new();
    for o in operands {
        match union_args(heap, o.object()) {
            Some(args) => flat.extend(items_of(heap, args.object())),
            None if o.is(&none(heap)) => flat.push(none_type()),
            None => flat.push(o),
        }
    }
    let mut unique: Vec<Obj<'h>> = Vec::with_capacity(flat.len());
    for item in flat {
        let mut duplicate = false;
        for seen in &unique {
            duplicate = if typing_objects::is_generic_alias(item.object())
                && typing_objects::is_generic_alias(seen.object())
            {
                abstract_::compare_bool(heap, item.object(), seen.object(), CompareOp::Eq)?
            } else {
                item.is(seen)
            };
            if duplicate {
                break;
            }
        }
        if !duplicate {
            unique.push(item);
        }
    }
    Ok(unique)
}

/// `union_repr`: the arguments joined by ` | `, `NoneType` as `None`, classes as
/// `module.qualname` (the bare name for built-ins), anything else by its repr.
fn union_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let args = union_args(heap, o).ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let mut out = String::new();
    for (i, item) in items_of(heap, args.object()).iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        if core::ptr::eq(item.object(), &NONE_TYPE.get().ob_base.ob_base) {
            out.push_str("None");
        } else {
            out.push_str(&typing_objects::repr_item(heap, item.object())?);
        }
    }
    Ok(out)
}

/// The arguments of union `o` as a frozenset (what its hash and comparisons use).
fn args_set<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let args = union_args(heap, o).ok_or_else(pyrt_objects::view::bad_internal_call)?;
    set_ops::frozenset_from_items(heap, items_of(heap, args.object()))
}

/// `union_hash`: the hash of the frozenset of the arguments (so order does not matter).
fn union_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    abstract_::hash(heap, args_set(heap, o)?.object())
}

/// `union_richcompare`: `==` and `!=` between two unions compare their argument sets; anything
/// else is `NotImplemented`.
fn union_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !UNION.is(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let (sa, sb) = (args_set(heap, a)?, args_set(heap, b)?);
    abstract_::compare(heap, sa.object(), sb.object(), op).map(Some)
}

/// The attributes of a union (`union_members`, `union_properties`, `union_getattro`'s
/// `__module__` read from the type).
fn union_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let u = UNION
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    match name {
        "__args__" => u
            .get_ref(heap, 0)
            .ok_or_else(pyrt_objects::view::bad_internal_call),
        "__parameters__" => {
            if let Some(p) = u.get_ref(heap, 1) {
                return Ok(p);
            }
            let p = typing_objects::parameters(heap, u.get_ref(heap, 0).as_ref().map(Obj::object))?;
            u.set_ref(heap, 1, Some(p.clone()));
            Ok(p)
        }
        "__module__" => unicode::new_str(heap, "types"),
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'types.UnionType' object has no attribute '{name}'"),
        )),
    }
}

/// `union[item]` (`union_getitem` through `_Py_subs_parameters`): a union without type
/// parameters is not generic; with the wrong number of items the count is refused. `Ok(())`
/// when the parameters would be substituted, which calls `typing._typevar_subst`
/// (`TypeVar.__typing_subst__`): the caller imports `typing` for it.
///
/// # Errors
/// `TypeError: int | str is not a generic class`, `TypeError: Too many arguments for ...`.
pub(crate) fn check_subscript(heap: &Heap, o: &PyObject, item: &PyObject) -> PyResult<()> {
    let params = union_getattr(heap, o, "__parameters__")?;
    let nparams = tuple::Tuple::cast(params.object()).map_or(0, tuple::tuple_len);
    let repr = union_repr(heap, o)?;
    if nparams == 0 {
        return Err(PyErr::type_error(format!("{repr} is not a generic class")));
    }
    let nitems = tuple::Tuple::cast(item).map_or(1, tuple::tuple_len);
    if nitems != nparams {
        let which = if nitems > nparams { "many" } else { "few" };
        return Err(PyErr::type_error(format!(
            "Too {which} arguments for {repr}; actual {nitems}, expected {nparams}"
        )));
    }
    Ok(())
}

/// `PyObject_GenericSetAttr` on an instance of a built-in type without an instance dict (a
/// union, a generic alias): every attribute is read-only, with the message of what the type's
/// dict (or `object`'s) holds under the name: a read-only member (`__args__`) is a `readonly
/// attribute`, a getter without setter (`__parameters__`) is `not writable`, another value
/// (a slot wrapper, `__doc__`) is `read-only`, no value is `no attribute`.
///
/// # Errors
/// Always: the `AttributeError` above, or `object.__class__`'s `TypeError`.
pub(crate) fn readonly_setattr(
    _heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let full = o.ob_type().name();
    let short = full.rsplit('.').next().unwrap_or(full);
    let kind = [short, "object"].into_iter().find_map(|t| {
        let names = super::static_type_names::dict_names(t)?;
        let kinds = super::static_type_names::dict_kinds(t)?;
        names
            .iter()
            .zip(kinds.chars())
            .find_map(|(n, k)| (*n == name).then_some(k))
    });
    let message = match (name, kind) {
        ("__class__", _) if value.is_some() => {
            return Err(PyErr::type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        ("__class__", _) => "can't delete __class__ attribute".to_string(),
        (_, Some('M')) => "readonly attribute".to_string(),
        (_, Some('g')) => format!("attribute '{name}' of '{full}' objects is not writable"),
        (_, Some(_)) => format!("'{full}' object attribute '{name}' is read-only"),
        (_, None) => format!("'{full}' object has no attribute '{name}'"),
    };
    if name == "__class__" {
        return Err(PyErr::type_error(message));
    }
    Err(PyErr::new(ExcKind::AttributeError, message))
}
