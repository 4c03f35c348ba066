//! The objects of PEP 695's type parameter syntax (`Objects/typevarobject.c`) and
//! `types.GenericAlias` (`Objects/genericaliasobject.c`), which `list[int]` and the
//! annotations of generic functions make:
//!
//! | type | words | made by |
//! |---|---|---|
//! | `typing.TypeVar` (64 bytes) | name, bound, evaluate_bound, constraints, evaluate_constraints; variance flags | `INTRINSIC_TYPEVAR`, `TYPEVAR_WITH_BOUND`, `TYPEVAR_WITH_CONSTRAINTS` |
//! | `typing.ParamSpec` (40) | name, bound; variance flags | `INTRINSIC_PARAMSPEC` |
//! | `typing.TypeVarTuple` (24) | name | `INTRINSIC_TYPEVARTUPLE` |
//! | `typing.TypeAliasType` (56) | name, type_params, compute_value, value, module | `INTRINSIC_TYPEALIAS` (`type X = ...`) |
//! | `types.GenericAlias` (64) | origin, args, parameters | `list[int]`, `Alias[int]` |
//!
//! A bound, the constraints and an alias's value are evaluated lazily, on first read, by
//! calling the function the compiler made for them (so `type X = Undefined` raises
//! `NameError` only when `X.__value__` is read), then kept. Type parameters made by the
//! syntax infer their variance, so their repr is their bare name.
//!
//! Generic classes (`class C[T]`, `INTRINSIC_SUBSCRIPT_GENERIC`) take their base from the
//! shipped `typing.py` (`typing._GenericAlias(typing.Generic, params)`). `TypeVar(...)`,
//! `ParamSpec(...)` and `TypeVarTuple(...)` called from Python make the same objects
//! ([`construct_type_param`]), with the bound and constraints given.

use pyrt_objects::typeobj::{CompareOp, NumberSlots, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::class;
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, long, none, tuple, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr, PyObject, PyResult, abstract_};

use super::objects::{Kind, Typed, clear, dealloc, traverse};

/// The interpreter kinds of this module, for the object table's dispatch.
pub(crate) static KINDS: [&Kind; 5] = [
    &TYPEVAR,
    &PARAMSPEC,
    &TYPEVARTUPLE,
    &TYPEALIAS,
    &GENERIC_ALIAS,
];

/// The variance flags of a `TypeVar` or `ParamSpec` (one number word).
const COVARIANT: usize = 1;
const CONTRAVARIANT: usize = 2;
const INFER_VARIANCE: usize = 4;

/// The number slots of a generic alias and a type alias: only `|` (`_Py_union_type_or`, PEP 604).
static UNIONABLE_NUMBER: NumberSlots = NumberSlots {
    or: Some(pyrt_objects::types::union_type_or),
    ..NumberSlots::EMPTY
};

macro_rules! typing_type {
    ($ty:ident, $slots:ident, $name:literal, $size:expr, $repr:expr, $getattr:expr) => {
        typing_type!(
            $ty,
            $slots,
            $name,
            $size,
            $repr,
            $getattr,
            pyrt_objects::types::identity_hash,
            None,
            None,
            None
        );
    };
    ($ty:ident, $slots:ident, $name:literal, $size:expr, $repr:expr, $getattr:expr,
     $hash:expr, $richcompare:expr, $number:expr, $setattr:expr) => {
        static $slots: Slots = Slots {
            dealloc,
            sizeof: None,
            repr: $repr,
            str: None,
            hash: Some($hash),
            richcompare: $richcompare,
            number: $number,
            sequence: None,
            traverse: Some(traverse),
            clear: Some(clear),
            members: &[],
            getattr: Some($getattr),
            setattr: $setattr,
        };
        static $ty: StaticType = StaticType::new(
            &TYPE_TYPE,
            TypeSpec {
                name: $name,
                basicsize: $size,
                itemsize: 0,
                flags: TypeFlags::HAVE_GC,
                base: Some(&OBJECT_TYPE),
                slots: &$slots,
            },
        );
    };
}

typing_type!(
    TYPEVAR_TYPE,
    TYPEVAR_SLOTS,
    "typing.TypeVar",
    64,
    param_repr,
    typevar_getattr
);
typing_type!(
    PARAMSPEC_TYPE,
    PARAMSPEC_SLOTS,
    "typing.ParamSpec",
    40,
    param_repr,
    typevar_getattr
);
typing_type!(
    TYPEVARTUPLE_TYPE,
    TYPEVARTUPLE_SLOTS,
    "typing.TypeVarTuple",
    24,
    param_repr,
    typevar_getattr
);
typing_type!(
    TYPEALIAS_TYPE,
    TYPEALIAS_SLOTS,
    "typing.TypeAliasType",
    56,
    alias_repr,
    alias_getattr,
    pyrt_objects::types::identity_hash,
    None,
    Some(&UNIONABLE_NUMBER),
    None
);
typing_type!(
    GENERIC_ALIAS_TYPE,
    GENERIC_ALIAS_SLOTS,
    "types.GenericAlias",
    64,
    ga_repr,
    ga_getattr,
    ga_hash,
    Some(ga_richcompare),
    Some(&UNIONABLE_NUMBER),
    Some(super::union_type::readonly_setattr)
);

/// `typing.TypeVar`: name, bound, evaluate_bound, constraints, evaluate_constraints; flags.
static TYPEVAR: Kind = Kind::new(&TYPEVAR_TYPE, 5, 1);
/// `typing.ParamSpec`: name, bound; flags.
static PARAMSPEC: Kind = Kind::new(&PARAMSPEC_TYPE, 2, 1);
/// `typing.TypeVarTuple`: name.
static TYPEVARTUPLE: Kind = Kind::new(&TYPEVARTUPLE_TYPE, 1, 0);
/// `typing.TypeAliasType`: name, type_params, compute_value, value, module.
static TYPEALIAS: Kind = Kind::new(&TYPEALIAS_TYPE, 5, 0);
/// `types.GenericAlias`: origin, args, parameters (made on first use); three unused words
/// (`weakreflist`, `starred`, `vectorcall`).
static GENERIC_ALIAS: Kind = Kind::new(&GENERIC_ALIAS_TYPE, 3, 3);

/// A type parameter of the syntax: `TypeVar` (with a lazily evaluated bound or constraints),
/// `ParamSpec` or `TypeVarTuple` (`which` 7, 8 or 9, the intrinsics' numbers).
pub(crate) fn new_type_param<'h>(
    heap: &'h Heap,
    which: usize,
    name: Obj<'h>,
    evaluate_bound: Option<Obj<'h>>,
    evaluate_constraints: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    match which {
        7 => TYPEVAR.alloc(
            heap,
            &[Some(name), None, evaluate_bound, None, evaluate_constraints],
            &[INFER_VARIANCE],
        ),
        8 => PARAMSPEC.alloc(heap, &[Some(name), None], &[INFER_VARIANCE]),
        _ => TYPEVARTUPLE.alloc(heap, &[Some(name)], &[]),
    }
}

/// `INTRINSIC_TYPEALIAS`: a `TypeAliasType` from the compiler's `(name, type_params,
/// compute_value)` and the defining module's name.
pub(crate) fn new_type_alias<'h>(
    heap: &'h Heap,
    args: &PyObject,
    module: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let t = tuple::Tuple::cast(args).ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let items = tuple::items(t);
    let [name, params, compute] = items else {
        return Err(pyrt_objects::view::bad_internal_call());
    };
    // SAFETY: the tuple holds its items.
    let get = |p: &pyrt_objects::ObjPtr| unsafe { Obj::from_borrowed(heap, p.as_ref()) };
    let params = Some(get(params)).filter(|p| !p.is(&none(heap)));
    TYPEALIAS.alloc(
        heap,
        &[
            Some(get(name)),
            params,
            Some(get(compute)),
            None,
            Some(module),
        ],
        &[],
    )
}

/// `Py_GenericAlias(origin, args)`: `args` a tuple, or one argument made a 1-tuple.
pub(crate) fn new_generic_alias<'h>(
    heap: &'h Heap,
    origin: Obj<'h>,
    args: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let args = if tuple::is_tuple(args.object()) {
        args
    } else {
        tuple::new_tuple(heap, vec![args])?
    };
    GENERIC_ALIAS.alloc(heap, &[Some(origin), Some(args), None], &[0, 0, 0])
}

/// `X[key]` for the objects that make generic aliases: the built-in generic classes
/// (`list[int]`, `tuple[int, str]`, ...) and generic type aliases. `None` for anything else.
///
/// # Errors
/// `TypeError: Only generic type aliases are subscriptable`.
pub(crate) fn class_getitem<'h>(
    heap: &'h Heap,
    obj: &Obj<'h>,
    key: &Obj<'h>,
) -> PyResult<Option<Obj<'h>>> {
    let o = obj.object();
    if let Some(alias) = TYPEALIAS.cast(o) {
        if alias.get_ref(heap, 1).is_none() {
            return Err(PyErr::type_error(
                "Only generic type aliases are subscriptable",
            ));
        }
        return new_generic_alias(heap, obj.clone(), key.clone()).map(Some);
    }
    let generic_builtin = pyrt_objects::types::type_object(o).is_some_and(|ty| {
        [
            &pyrt_objects::types::LIST_TYPE,
            &pyrt_objects::types::TUPLE_TYPE,
            &pyrt_objects::types::DICT_TYPE,
            &pyrt_objects::types::SET_TYPE,
            &pyrt_objects::types::FROZENSET_TYPE,
            &pyrt_objects::types::TYPE_TYPE,
        ]
        .iter()
        .any(|t| core::ptr::eq(ty, t.get()))
            // `deque.__class_getitem__`, which its subclasses inherit.
            || ty.is_subtype(pyrt_objects::types::deque::DEQUE_TYPE.get())
    });
    if generic_builtin {
        return new_generic_alias(heap, obj.clone(), key.clone()).map(Some);
    }
    Ok(None)
}

/// Whether `o` is a `types.GenericAlias` (`_PyGenericAlias_Check`).
pub(crate) fn is_generic_alias(o: &PyObject) -> bool {
    GENERIC_ALIAS.is(o)
}

/// The origin of generic alias `o` (`list` of `list[int]`); `None` for other objects.
pub(crate) fn generic_alias_origin<'h>(heap: &'h Heap, o: &PyObject) -> Option<Obj<'h>> {
    GENERIC_ALIAS.cast(o)?.get_ref(heap, 0)
}

/// Whether `o` is a `typing.TypeAliasType` (`type X = ...`).
pub(crate) fn is_type_alias(o: &PyObject) -> bool {
    TYPEALIAS.is(o)
}

/// `ga_hash`: the origin's hash xor the arguments'.
fn ga_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let t = GENERIC_ALIAS
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let word = |i: usize| t.get_ref(heap, i).unwrap_or_else(|| none(heap));
    let h0 = abstract_::hash(heap, word(0).object())?;
    let h1 = abstract_::hash(heap, word(1).object())?;
    Ok(h0 ^ h1)
}

/// `ga_richcompare`: `==` and `!=` between two generic aliases compare the origins, then the
/// arguments; anything else is `NotImplemented`.
fn ga_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(ta), Some(tb)) = (GENERIC_ALIAS.cast(a), GENERIC_ALIAS.cast(b)) else {
        return Ok(None);
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let word = |t: Typed<'_>, i: usize| t.get_ref(heap, i).unwrap_or_else(|| none(heap));
    let same_origin = abstract_::compare_bool(
        heap,
        word(ta, 0).object(),
        word(tb, 0).object(),
        CompareOp::Eq,
    )?;
    let eq = same_origin
        && abstract_::compare_bool(
            heap,
            word(ta, 1).object(),
            word(tb, 1).object(),
            CompareOp::Eq,
        )?;
    Ok(Some(long::new_bool(heap, eq == (op == CompareOp::Eq))))
}

/// The typed view of a `TypeVar`, `ParamSpec` or `TypeVarTuple`.
fn type_param(o: &PyObject) -> Option<Typed<'_>> {
    TYPEVAR
        .cast(o)
        .or_else(|| PARAMSPEC.cast(o))
        .or_else(|| TYPEVARTUPLE.cast(o))
}

/// `typevar_repr`, `paramspec_repr`, `typevartuple_repr`: the name, after `+`, `-` or `~`
/// unless the variance is inferred.
fn param_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let t = type_param(o).ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let name = text_of(t.get_ref(heap, 0));
    if TYPEVARTUPLE.is(o) {
        return Ok(name);
    }
    let flags = t.get_num(0);
    if flags & INFER_VARIANCE != 0 {
        return Ok(name);
    }
    let variance = if flags & COVARIANT != 0 {
        '+'
    } else if flags & CONTRAVARIANT != 0 {
        '-'
    } else {
        '~'
    };
    Ok(format!("{variance}{name}"))
}

/// The text of a str word (`?` if it is not one).
fn text_of(o: Option<Obj<'_>>) -> String {
    o.and_then(|o| unicode::Str::cast(o.object()).map(unicode::str_value))
        .unwrap_or_else(|| "?".into())
}

/// Word `value` of `t`, evaluated by calling word `evaluate` the first time.
fn lazy<'h>(
    heap: &'h Heap,
    t: Typed<'_>,
    value: usize,
    evaluate: usize,
) -> PyResult<Option<Obj<'h>>> {
    if let Some(v) = t.get_ref(heap, value) {
        return Ok(Some(v));
    }
    let Some(f) = t.get_ref(heap, evaluate) else {
        return Ok(None);
    };
    let v = abstract_::call_object(heap, f.object(), &[])?;
    t.set_ref(heap, value, Some(v.clone()));
    Ok(Some(v))
}

/// The attributes of a type parameter.
fn typevar_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let t = type_param(o).ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let short = o.ob_type().name().rsplit('.').next().unwrap_or("TypeVar");
    let flag = |bit: usize| Ok(long::new_bool(heap, t.get_num(0) & bit != 0));
    match name {
        "__name__" => Ok(t.get_ref(heap, 0).unwrap_or_else(|| none(heap))),
        "__bound__" if !TYPEVARTUPLE.is(o) => {
            let bound = if TYPEVAR.is(o) {
                lazy(heap, t, 1, 2)?
            } else {
                t.get_ref(heap, 1)
            };
            Ok(bound.unwrap_or_else(|| none(heap)))
        }
        "__constraints__" if TYPEVAR.is(o) => match lazy(heap, t, 3, 4)? {
            Some(c) => Ok(c),
            None => tuple::new_tuple(heap, Vec::new()),
        },
        "__covariant__" if !TYPEVARTUPLE.is(o) => flag(COVARIANT),
        "__contravariant__" if !TYPEVARTUPLE.is(o) => flag(CONTRAVARIANT),
        "__infer_variance__" if !TYPEVARTUPLE.is(o) => flag(INFER_VARIANCE),
        "__module__" => unicode::new_str(heap, "typing"),
        _ => Err(no_attribute(short, name)),
    }
}

/// `typealias_repr`: the alias's name.
fn alias_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let t = TYPEALIAS
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    Ok(text_of(t.get_ref(heap, 0)))
}

/// The attributes of a `TypeAliasType`.
fn alias_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let t = TYPEALIAS
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let params = || match t.get_ref(heap, 1) {
        Some(p) => Ok(p),
        None => tuple::new_tuple(heap, Vec::new()),
    };
    match name {
        "__name__" => Ok(t.get_ref(heap, 0).unwrap_or_else(|| none(heap))),
        "__value__" => Ok(lazy(heap, t, 3, 2)?.unwrap_or_else(|| none(heap))),
        "__type_params__" | "__parameters__" => params(),
        "__module__" => Ok(t.get_ref(heap, 4).unwrap_or_else(|| none(heap))),
        _ => Err(no_attribute("typing.TypeAliasType", name)),
    }
}

/// The attributes of a `GenericAlias`; others are the origin's (`ga_getattro`).
fn ga_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let t = GENERIC_ALIAS
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let origin = t.get_ref(heap, 0).unwrap_or_else(|| none(heap));
    match name {
        "__origin__" => Ok(origin),
        "__args__" => Ok(t.get_ref(heap, 1).unwrap_or_else(|| none(heap))),
        "__parameters__" => {
            if let Some(p) = t.get_ref(heap, 2) {
                return Ok(p);
            }
            let args = t.get_ref(heap, 1);
            let p = parameters(heap, args.as_ref().map(Obj::object))?;
            t.set_ref(heap, 2, Some(p.clone()));
            Ok(p)
        }
        "__unpacked__" => Ok(long::new_bool(heap, false)),
        _ => abstract_::getattr(heap, origin.object(), name),
    }
}

/// `_Py_make_parameters`: the type parameters among `args` (and their aliases' parameters),
/// each once, in order.
pub(crate) fn parameters<'h>(heap: &'h Heap, args: Option<&PyObject>) -> PyResult<Obj<'h>> {
    let mut found: Vec<Obj<'h>> = Vec::new();
    let items = args
        .and_then(tuple::Tuple::cast)
        .map(tuple::items)
        .unwrap_or_default();
    for p in items {
        // SAFETY: the args tuple holds its items.
        let item = unsafe { Obj::from_borrowed(heap, p.as_ref()) };
        let nested: Vec<Obj<'h>> = if type_param(item.object()).is_some() {
            vec![item]
        } else if let Some(ga) = GENERIC_ALIAS.cast(item.object()) {
            let inner = ga.get_ref(heap, 1);
            let p = parameters(heap, inner.as_ref().map(Obj::object))?;
            let t =
                tuple::Tuple::cast(p.object()).ok_or_else(pyrt_objects::view::bad_internal_call)?;
            tuple::items(t)
                .iter()
                // SAFETY: the tuple holds its items.
                .map(|q| unsafe { Obj::from_borrowed(heap, q.as_ref()) })
                .collect()
        } else {
            Vec::new()
        };
        for n in nested {
            if !found.iter().any(|f| f.is(&n)) {
                found.push(n);
            }
        }
    }
    tuple::new_tuple(heap, found)
}

/// `ga_repr`: the origin, then the arguments in brackets (`()` for none).
fn ga_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let t = GENERIC_ALIAS
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let origin = t.get_ref(heap, 0).unwrap_or_else(|| none(heap));
    let mut out = repr_item(heap, origin.object())?;
    out.push('[');
    let args = t.get_ref(heap, 1);
    let items = args
        .as_ref()
        .and_then(|a| tuple::Tuple::cast(a.object()))
        .map(tuple::items)
        .unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, p) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // SAFETY: the args tuple holds its items.
        let item = unsafe { p.as_ref() };
        match pyrt_objects::types::list::List::cast(item) {
            Some(l) => {
                out.push('[');
                let inner: Vec<Obj<'_>> = pyrt_objects::types::list::items(l)
                    .iter()
                    // SAFETY: the list holds its items; the snapshot keeps them alive.
                    .map(|q| unsafe { Obj::from_borrowed(heap, q.as_ref()) })
                    .collect();
                for (j, x) in inner.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr_item(heap, x.object())?);
                }
                out.push(']');
            }
            None => out.push_str(&repr_item(heap, item)?),
        }
    }
    out.push(']');
    Ok(out)
}

/// `ga_repr_item`: `...` for the ellipsis, a class as `module.qualname` (the bare name for
/// built-ins), anything else (aliases and type parameters included) by its repr.
pub(crate) fn repr_item(heap: &Heap, p: &PyObject) -> PyResult<String> {
    if core::ptr::eq(p, pyrt_objects::types::ellipsis(heap).object()) {
        return Ok("...".into());
    }
    if GENERIC_ALIAS.is(p) {
        return abstract_::repr(heap, p);
    }
    let Some(ty) = pyrt_objects::types::type_object(p) else {
        return abstract_::repr(heap, p);
    };
    if !class::is_heap_type(ty) {
        let full = ty.name();
        return Ok(match full.rsplit_once('.') {
            Some((module, name)) => format!("{module}.{name}"),
            None => full.to_string(),
        });
    }
    let dict_text = |key: &str| -> Option<String> {
        let d = class::class_dict(ty).and_then(pyrt_objects::types::dict::Dict::cast)?;
        let k = unicode::new_str(heap, key).ok()?;
        let v = pyrt_objects::types::dict::get_item(heap, d, k.object()).ok()??;
        unicode::Str::cast(v.object()).map(unicode::str_value)
    };
    // `__qualname__` is the class's own (`type_new` takes it out of the namespace).
    let qualname = class::Class::of_type(ty).map_or_else(
        || ty.name().to_string(),
        |c| class::class_module_and_name(c).1.to_string(),
    );
    match dict_text("__module__") {
        Some(m) if m == "builtins" => Ok(qualname),
        Some(m) => Ok(format!("{m}.{qualname}")),
        None => abstract_::repr(heap, p),
    }
}

/// `AttributeError: 'TypeVar' object has no attribute 'x'`.
fn no_attribute(type_name: &str, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{type_name}' object has no attribute '{name}'"),
    )
}

/// `types.GenericAlias(origin, args)` called from Python (`ga_new`), as
/// `collections.abc`'s `__class_getitem__ = classmethod(GenericAlias)` does. `None` when `ty`
/// is not `types.GenericAlias`.
///
/// # Errors
/// `TypeError: GenericAlias() takes no keyword arguments`, `TypeError: GenericAlias expected 2
/// arguments, got N`.
pub(crate) fn construct_generic_alias<'h>(
    heap: &'h Heap,
    ty: &pyrt_objects::typeobj::PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> Option<PyResult<Obj<'h>>> {
    if !core::ptr::eq(ty, GENERIC_ALIAS.static_type().get()) {
        return None;
    }
    if !kwargs.is_empty() {
        return Some(Err(PyErr::type_error(
            "GenericAlias() takes no keyword arguments",
        )));
    }
    let [origin, arguments] = args else {
        return Some(Err(PyErr::type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len()
        ))));
    };
    Some(new_generic_alias(heap, origin.clone(), arguments.clone()))
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False,
/// infer_variance=False)`, `ParamSpec(name, bound=None, covariant=False,
/// contravariant=False, infer_variance=False)` and `TypeVarTuple(name)` called from Python
/// (`typevar_new_impl` and its siblings): the bound and constraints are given, not computed.
/// `None` when `ty` is none of these types.
///
/// # Errors
/// The argument errors; `ValueError: Bivariant types are not supported.`,
/// `ValueError: Variance cannot be specified with infer_variance.`, `TypeError: Constraints
/// cannot be combined with bound=...`, `TypeError: A single constraint is not allowed`.
pub(crate) fn construct_type_param<'h>(
    heap: &'h Heap,
    ty: &pyrt_objects::typeobj::PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> Option<PyResult<Obj<'h>>> {
    let which = [&TYPEVAR, &PARAMSPEC, &TYPEVARTUPLE]
        .iter()
        .position(|k| core::ptr::eq(ty, k.static_type().get()))?;
    let short = ["typevar", "paramspec", "typevartuple"][which];
    Some((|| {
        let Some((name, rest)) = args.split_first() else {
            return Err(PyErr::type_error(format!(
                "{short}() missing required argument 'name' (pos 1)"
            )));
        };
        if unicode::Str::cast(name.object()).is_none() {
            return Err(PyErr::type_error(format!(
                "{short}() argument 'name' must be str, not {}",
                name.ob_type().name()
            )));
        }
        if which != 0 && !rest.is_empty() {
            return Err(PyErr::type_error(format!(
                "{short}() takes exactly 1 positional argument ({} given)",
                args.len()
            )));
        }
        let mut bound = None;
        let mut flags = 0;
        for (k, v) in kwargs {
            let allowed = match k.as_str() {
                "bound" => which != 2,
                "covariant" | "contravariant" | "infer_variance" => which != 2,
                _ => false,
            };
            if !allowed {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {short}()"
                )));
            }
            match k.as_str() {
                "bound" => bound = Some(v.clone()).filter(|b| !b.is(&none(heap))),
                "covariant" if abstract_::is_true(heap, v.object())? => flags |= COVARIANT,
                "contravariant" if abstract_::is_true(heap, v.object())? => {
                    flags |= CONTRAVARIANT;
                }
                "infer_variance" if abstract_::is_true(heap, v.object())? => {
                    flags |= INFER_VARIANCE;
                }
                _ => {}
            }
        }
        if flags & COVARIANT != 0 && flags & CONTRAVARIANT != 0 {
            return Err(PyErr::value_error("Bivariant types are not supported."));
        }
        if flags & INFER_VARIANCE != 0 && flags & (COVARIANT | CONTRAVARIANT) != 0 {
            return Err(PyErr::value_error(
                "Variance cannot be specified with infer_variance.",
            ));
        }
        match which {
            0 => {
                if !rest.is_empty() && bound.is_some() {
                    return Err(PyErr::type_error(
                        "Constraints cannot be combined with bound=...",
                    ));
                }
                if rest.len() == 1 {
                    return Err(PyErr::type_error("A single constraint is not allowed"));
                }
                let constraints = if rest.is_empty() {
                    None
                } else {
                    Some(tuple::new_tuple(heap, rest.to_vec())?)
                };
                TYPEVAR.alloc(
                    heap,
                    &[Some(name.clone()), bound, None, constraints, None],
                    &[flags],
                )
            }
            1 => PARAMSPEC.alloc(heap, &[Some(name.clone()), bound], &[flags]),
            _ => TYPEVARTUPLE.alloc(heap, &[Some(name.clone())], &[]),
        }
    })())
}
