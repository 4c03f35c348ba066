//! The `builtins` module (`Python/bltinmodule.c`): the built-in functions, the constructors of
//! the built-in types (`int(x)`, `list(it)`, ...) and subscripts of built-in containers.

use pyrt_objects::abstract_::{self, UnOp};
use pyrt_objects::methods::{self, Params};
use pyrt_objects::object::PyObject;
use pyrt_objects::typeobj::{PyTypeObject, StaticType};
use pyrt_objects::types::list_methods::{self, LIST_METHODS};
use pyrt_objects::types::{
    BOOL_TYPE, BYTES_TYPE, COMPLEX_TYPE, DICT_TYPE, FLOAT_TYPE, FROZENSET_TYPE, INT_TYPE,
    LIST_TYPE, OBJECT_TYPE, SET_TYPE, STR_TYPE, TUPLE_TYPE, TYPE_TYPE, bytes, dict, float, list,
    long, range, set_ops, tuple, unicode, weakref,
};
use pyrt_objects::{CompareOp, Heap, Obj, PyErr, PyResult};

mod dunder_import;
mod eval_exec;
pub(crate) mod introspection;
pub(crate) use introspection::is_callable;
mod iterators;
mod numbers;
pub(crate) mod slice;

use super::exceptions;
use super::objects::{BUILTIN, SLICE};
use super::{Interp, R};

/// A built-in function's implementation: its arguments bound by its [`Params`] (for
/// `Params::VarKeywords`, every positional argument as it comes, the function checking them),
/// and the keywords as given (which only the `VarKeywords` ones read).
type BuiltinFn =
    for<'py> fn(&Interp<'py>, &str, &[Option<Obj<'py>>], &[(String, Obj<'py>)]) -> R<'py, Obj<'py>>;

/// One built-in function (`PyMethodDef` of `builtin_methods` in `Python/bltinmodule.c`).
struct Builtin {
    name: &'static str,
    params: Params,
    call: BuiltinFn,
}

const fn def(name: &'static str, params: Params, call: BuiltinFn) -> Builtin {
    Builtin { name, params, call }
}

/// The built-in functions, by index in this table, each with how CPython 3.12 takes its
/// arguments.
const FUNCTIONS: &[Builtin] = &[
    def(
        "print",
        Params::VarArgsKeywords {
            names: &["sep", "end", "file", "flush"],
        },
        print,
    ),
    def("len", Params::One, len),
    def("repr", Params::One, repr),
    // `io.open`, which the shipped `_pyio` implements over `posix`'s descriptors.
    def("open", Params::VarKeywords, open_file),
    def("id", Params::One, id),
    def(
        "isinstance",
        Params::Positional { min: 2, max: 2 },
        isinstance,
    ),
    def(
        "hasattr",
        Params::Positional { min: 2, max: 2 },
        attr_builtin,
    ),
    def(
        "getattr",
        Params::Positional { min: 2, max: 3 },
        attr_builtin,
    ),
    def("setattr", Params::Positional { min: 3, max: 3 }, setattr),
    def("hash", Params::One, hash),
    def("abs", Params::One, abs),
    // `min(iterable, *, key=None, default=...)` / `min(a, b, *args, key=None)`: checked by
    // `min_max` as `builtin_min` does.
    def("min", Params::VarKeywords, min_max),
    def("max", Params::VarKeywords, min_max),
    def(
        "sum",
        Params::Keywords {
            names: &["", "start"],
            positional: 2,
            required: 1,
        },
        numbers::sum,
    ),
    def("sorted", Params::VarKeywords, sorted),
    // `enum_vectorcall` checks its own arguments.
    def("enumerate", Params::VarKeywords, iterators::enumerate),
    def("zip", Params::VarKeywords, iterators::zip),
    def("map", Params::VarKeywords, iterators::map),
    def(
        "filter",
        Params::Positional { min: 2, max: 2 },
        iterators::filter,
    ),
    def("reversed", Params::One, iterators::reversed),
    def("any", Params::One, iterators::any_all),
    def("all", Params::One, iterators::any_all),
    def("iter", Params::Positional { min: 1, max: 2 }, iter),
    def("next", Params::Positional { min: 1, max: 2 }, next),
    def("__build_class__", Params::VarKeywords, build_class),
    def(
        "__import__",
        Params::Keywords {
            names: &["name", "globals", "locals", "fromlist", "level"],
            positional: 5,
            required: 1,
        },
        dunder_import::dunder_import,
    ),
    def(
        "divmod",
        Params::Positional { min: 2, max: 2 },
        numbers::divmod,
    ),
    def(
        "round",
        Params::Keywords {
            names: &["number", "ndigits"],
            positional: 2,
            required: 1,
        },
        numbers::round,
    ),
    def(
        "pow",
        Params::Keywords {
            names: &["base", "exp", "mod"],
            positional: 3,
            required: 2,
        },
        numbers::pow,
    ),
    def("hex", Params::One, numbers::radix),
    def("oct", Params::One, numbers::radix),
    def("bin", Params::One, numbers::radix),
    def("callable", Params::One, introspection::callable),
    def(
        "issubclass",
        Params::Positional { min: 2, max: 2 },
        introspection::issubclass,
    ),
    def("globals", Params::NoArgs, introspection::globals),
    def("locals", Params::NoArgs, introspection::locals),
    def(
        "vars",
        Params::Positional { min: 0, max: 1 },
        introspection::vars,
    ),
    def(
        "dir",
        Params::Positional { min: 0, max: 1 },
        introspection::dir,
    ),
    def(
        "delattr",
        Params::Positional { min: 2, max: 2 },
        introspection::delattr,
    ),
    def(
        "format",
        Params::Positional { min: 1, max: 2 },
        introspection::format,
    ),
    def("ascii", Params::One, introspection::ascii),
    def("chr", Params::One, chr),
    def(
        "eval",
        Params::Positional { min: 1, max: 3 },
        eval_exec::eval,
    ),
    def(
        "exec",
        Params::Keywords {
            names: &["", "", "", "closure"],
            positional: 3,
            required: 1,
        },
        eval_exec::exec,
    ),
    def(
        "compile",
        Params::Keywords {
            names: &[
                "source",
                "filename",
                "mode",
                "flags",
                "dont_inherit",
                "optimize",
            ],
            positional: 6,
            required: 3,
        },
        eval_exec::compile,
    ),
    def("ord", Params::One, ord),
    // Not in `builtins`: the methods `super()` finds on `type` and `object` (HIDDEN).
    def(
        "__new__",
        Params::VarKeywords,
        super::metaclass::type_new_method,
    ),
    def(
        "__init__",
        Params::VarKeywords,
        super::metaclass::type_init_method,
    ),
    def(
        "__call__",
        Params::VarKeywords,
        super::metaclass::type_call_method,
    ),
    def(
        "__init_subclass__",
        Params::VarKeywords,
        super::metaclass::object_init_subclass_method,
    ),
    def(
        "__getattribute__",
        Params::VarKeywords,
        super::metaclass::type_getattribute_method,
    ),
    def(
        "__setattr__",
        Params::VarKeywords,
        super::metaclass::type_setattr_method,
    ),
    def(
        "__delattr__",
        Params::VarKeywords,
        super::metaclass::type_setattr_method,
    ),
];

/// How many functions at the end of [`FUNCTIONS`] are not in `builtins`
/// ([`hidden_builtin`] makes them).
const HIDDEN: usize = 7;

/// One of the functions at the end of [`FUNCTIONS`] that are not in `builtins`, by name.
pub(crate) fn hidden_builtin<'h>(heap: &'h Heap, name: &str) -> PyResult<Option<Obj<'h>>> {
    let first = FUNCTIONS.len() - HIDDEN;
    let Some(i) = FUNCTIONS[first..].iter().position(|f| f.name == name) else {
        return Ok(None);
    };
    let n = unicode::intern(heap, unicode::new_str(heap, name)?)?;
    BUILTIN
        .alloc(heap, &[Some(n), None], &[first + i])
        .map(Some)
}

/// `open(file, mode='r', ...)`: `io.open` (`_io.open` in CPython), which pyrt ships in
/// Python as `_pyio.open`.
fn open_file<'py>(
    interp: &Interp<'py>,
    _name: &str,
    args: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let module = interp.vm_import("_pyio")?;
    let open = interp.getattr(&module, "open")?;
    let args = args.iter().flatten().cloned().collect();
    interp.call(&open, args, kwargs.to_vec())
}

/// Types reachable by name.
fn types() -> Vec<&'static StaticType> {
    vec![
        &INT_TYPE,
        &BOOL_TYPE,
        &FLOAT_TYPE,
        &COMPLEX_TYPE,
        &STR_TYPE,
        &BYTES_TYPE,
        &TUPLE_TYPE,
        &LIST_TYPE,
        &DICT_TYPE,
        &SET_TYPE,
        &FROZENSET_TYPE,
        &OBJECT_TYPE,
        &TYPE_TYPE,
        &range::RANGE_TYPE,
        &super::objects::SLICE_TYPE,
    ]
}

/// `builtins.__doc__` (`Python/bltinmodule.c`'s `builtin_doc`).
const BUILTINS_DOC: &str = "Built-in functions, types, exceptions, and other objects.\n\n\
This module provides direct access to all 'built-in'\n\
identifiers of Python; for example, builtins.len is\n\
the full name for the built-in function len().\n\n\
This module is not normally accessed explicitly by most\n\
applications, but can be useful in modules that provide\n\
objects with the same name as a built-in value, but in\n\
which the built-in of that name is also needed.";

/// A dict of the built-in names: the namespace of the `builtins` module.
pub(crate) fn new_builtins(heap: &Heap) -> PyResult<Obj<'_>> {
    let d = dict::new_dict(heap)?;
    let view = dict::Dict::cast_internal(d.object())?;
    let put = |name: &str, v: Obj<'_>| -> PyResult<()> {
        let k = unicode::intern(heap, unicode::new_str(heap, name)?)?;
        dict::set_item(heap, view, k, v)
    };
    // `builtins`' module header (`module_init_dict`), first in its dict as in CPython.
    put("__name__", unicode::new_str(heap, "builtins")?)?;
    put("__doc__", unicode::new_str(heap, BUILTINS_DOC)?)?;
    put("__package__", unicode::new_str(heap, "")?)?;
    put("__loader__", pyrt_objects::types::none(heap))?;
    put("__spec__", pyrt_objects::types::none(heap))?;
    for (i, f) in FUNCTIONS.iter().enumerate().take(FUNCTIONS.len() - HIDDEN) {
        let n = unicode::intern(heap, unicode::new_str(heap, f.name)?)?;
        put(f.name, BUILTIN.alloc(heap, &[Some(n), None], &[i])?)?;
    }
    put("None", pyrt_objects::types::none(heap))?;
    put("Ellipsis", pyrt_objects::types::ellipsis(heap))?;
    put("NotImplemented", pyrt_objects::types::not_implemented(heap))?;
    for ty in types()
        .into_iter()
        .chain(super::descriptors::builtin_types())
        .chain(super::bytes_like::builtin_types())
        .chain([super::super_object::super_type()])
        .chain(exceptions::ALL.iter().copied())
    {
        // SAFETY: a static type object is immortal.
        let o = unsafe { Obj::from_borrowed(heap, &ty.get().ob_base.ob_base) };
        put(ty.get().name(), o)?;
    }
    for (name, ty) in exceptions::ALIASES {
        // SAFETY: a static type object is immortal.
        put(name, unsafe {
            Obj::from_borrowed(heap, &ty.get().ob_base.ob_base)
        })?;
    }
    put("False", long::new_bool(heap, false))?;
    put("True", long::new_bool(heap, true))?;
    put("__debug__", long::new_bool(heap, true))?;
    Ok(d)
}

/// The index bound built-in methods carry: they are called by name, through their type's
/// method table.
pub(crate) fn method_index() -> usize {
    FUNCTIONS.len()
}

/// Calls built-in function `index` (below [`method_index`]) or a module's function (from
/// [`super::modules::base_index`]).
pub(crate) fn call_builtin<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    if index >= super::modules::base_index() {
        let index = index - super::modules::base_index();
        return super::modules::call_function(interp, index, args, kwargs);
    }
    let Some(f) = FUNCTIONS.get(index) else {
        return Err(interp.err(pyrt_objects::view::bad_internal_call()));
    };
    if kwargs.is_empty()
        && let Some(len) = builtin_positional_fit(index, args.len())
    {
        // The arguments fit: bound in place, as the VM's calls bind them.
        let mut slots: [Option<Obj<'py>>; methods::MAX_FAST_ARGS] = Default::default();
        for (slot, a) in slots.iter_mut().zip(args) {
            *slot = Some(a);
        }
        return (f.call)(interp, f.name, &slots[..len], &[]);
    }
    let bound = match f.params {
        Params::VarKeywords => args.into_iter().map(Some).collect(),
        params => methods::bind("", f.name, params, &args, &kwargs).map_err(|e| interp.err(e))?,
    };
    (f.call)(interp, f.name, &bound, &kwargs)
}

/// The length of the bound arguments of built-in function `index` (below [`method_index`])
/// called with `n` positional arguments and no keywords, when they bind in place without an
/// error ([`methods::positional_fit`]; a `Params::VarKeywords` function gets them as they
/// come); `None` for a module's function or a call that raises, which [`call_builtin`] makes.
#[inline]
pub(crate) fn builtin_positional_fit(index: usize, n: usize) -> Option<usize> {
    match FUNCTIONS.get(index)?.params {
        Params::VarKeywords => (n <= methods::MAX_FAST_ARGS).then_some(n),
        params => methods::positional_fit(params, n),
    }
}

/// Calls built-in function `index` with its arguments bound in place, as
/// [`builtin_positional_fit`] sized them (3.12's `CALL_NO_KW_BUILTIN_O`/`_FAST`,
/// `CALL_NO_KW_LEN`, `CALL_NO_KW_ISINSTANCE`).
pub(crate) fn call_builtin_bound<'py>(
    interp: &Interp<'py>,
    index: usize,
    bound: &[Option<Obj<'py>>],
) -> R<'py, Obj<'py>> {
    let Some(f) = FUNCTIONS.get(index) else {
        return Err(interp.err(pyrt_objects::view::bad_internal_call()));
    };
    (f.call)(interp, f.name, bound, &[])
}

/// `PyObject_Str(a)`: `str(a)` of one argument (3.12's `CALL_NO_KW_STR_1`), an exact str
/// itself, an exact int in decimal.
pub(crate) fn object_str<'py>(interp: &Interp<'py>, a: &Obj<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    if core::ptr::eq(a.ob_type(), STR_TYPE.get()) {
        return Ok(a.clone());
    }
    if core::ptr::eq(a.ob_type(), INT_TYPE.get())
        && let Some(i) = long::Int::cast(a.object())
    {
        return long::to_decimal_str(heap, i).map_err(|e| interp.err(e));
    }
    let s = abstract_::str(heap, a.object()).map_err(|e| interp.err(e))?;
    unicode::new_str(heap, &s).map_err(|e| interp.err(e))
}

/// Bound parameter `i`, which the binding made sure of.
fn arg<'py>(interp: &Interp<'py>, bound: &[Option<Obj<'py>>], i: usize) -> R<'py, Obj<'py>> {
    bound
        .get(i)
        .cloned()
        .flatten()
        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))
}

/// The positional arguments of a `Params::VarKeywords` function.
fn positional<'py>(bound: &[Option<Obj<'py>>]) -> Vec<Obj<'py>> {
    bound.iter().flatten().cloned().collect()
}

fn iter<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    if let Some(Some(sentinel)) = bound.get(1) {
        let f = arg(interp, bound, 0)?;
        let yes = introspection::callable(interp, name, &bound[..1], kwargs)?;
        if !yes.is(&long::new_bool(interp.heap, true)) {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "iter(object, sentinel): object must be callable",
            ));
        }
        return pyrt_objects::types::iter::call_iter::new_call_iter(
            interp.heap,
            f,
            sentinel.clone(),
        )
        .map_err(|e| interp.err(e));
    }
    let o = arg(interp, bound, 0)?;
    abstract_::get_iter(interp.heap, o.object()).map_err(|e| interp.err(e))
}

fn next<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let it = arg(interp, bound, 0)?;
    let is_iterator = pyrt_objects::types::iter::is_builtin_iterator(it.object())
        || pyrt_objects::types::genobject::is_generator(it.object())
        || (pyrt_objects::types::class::is_heap_type(it.ob_type())
            && interp.class_lookup(it.ob_type(), "__next__").is_some());
    if !is_iterator {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("'{}' object is not an iterator", it.ob_type().name()),
        ));
    }
    match pyrt_objects::abstract_::iter_next(interp.heap, it.object()) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match bound.get(1).cloned().flatten() {
            Some(d) => Ok(d),
            None => Err(interp.stop_iteration(pyrt_objects::types::none(interp.heap))),
        },
        Err(e) => {
            let u = interp.err(e);
            match (u, bound.get(1).cloned().flatten()) {
                (super::Unwind::Raise(r), Some(d))
                    if r.exc.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) =>
                {
                    Ok(d)
                }
                (u, _) => Err(u),
            }
        }
    }
}

fn build_class<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let args: Vec<Obj<'py>> = bound.iter().flatten().cloned().collect();
    interp.vm_build_class(args, kwargs)
}

fn len<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let n = abstract_::sequence_len(interp.heap, arg(interp, bound, 0)?.object())
        .map_err(|e| interp.err(e))?;
    long::int_from_i64(interp.heap, n as i64).map_err(|e| interp.err(e))
}

fn repr<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let s =
        abstract_::repr(interp.heap, arg(interp, bound, 0)?.object()).map_err(|e| interp.err(e))?;
    unicode::new_str(interp.heap, &s).map_err(|e| interp.err(e))
}

fn id<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let addr = arg(interp, bound, 0)?.as_ptr().as_ptr().addr();
    long::int_from_i64(interp.heap, addr as i64).map_err(|e| interp.err(e))
}

fn hash<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let h =
        abstract_::hash(interp.heap, arg(interp, bound, 0)?.object()).map_err(|e| interp.err(e))?;
    long::int_from_i64(interp.heap, h).map_err(|e| interp.err(e))
}

fn abs<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    abstract_::unary_op(interp.heap, arg(interp, bound, 0)?.object(), UnOp::Abs)
        .map_err(|e| interp.err(e))
}

fn isinstance<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (o, c) = (arg(interp, bound, 0)?, arg(interp, bound, 1)?);
    let t = recursive_isinstance(interp, &o, &c)?;
    Ok(long::new_bool(interp.heap, t))
}

/// `object_recursive_isinstance`: a type, or a tuple of them (nested), its items tried in order
/// until one matches; each level of tuple counts against the C recursion limit, as
/// `_Py_EnterRecursiveCall(" in __instancecheck__")` does.
fn recursive_isinstance<'py>(interp: &Interp<'py>, o: &Obj<'py>, c: &Obj<'py>) -> R<'py, bool> {
    let cls = c.object();
    let exact_type = |t: &PyTypeObject| core::ptr::eq(t.ob_base.ob_base.ob_type(), TYPE_TYPE.get());
    if let Some(t) = pyrt_objects::types::type_object(cls)
        && (core::ptr::eq(o.ob_type(), t) || exact_type(t))
    {
        return object_isinstance(interp, o, t);
    }
    // A union is checked as the tuple of its arguments.
    let args = super::union_type::union_args(interp.heap, cls);
    let (c, cls) = match &args {
        Some(a) => (a, a.object()),
        None => (c, cls),
    };
    let items = tuple::Tuple::cast(cls);
    if super::typing_objects::is_generic_alias(cls) {
        // `GenericAlias.__instancecheck__` (`ga_instancecheck`).
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "isinstance() argument 2 cannot be a parameterized generic",
        ));
    }
    if items.is_none()
        && let Some(r) = interp.user_type_check(c, o, "__instancecheck__")
    {
        return r;
    }
    if let Some(t) = pyrt_objects::types::type_object(cls) {
        return object_isinstance(interp, o, t);
    }
    let Some(items) = items else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    };
    if interp.enter_c(1).is_err() {
        return Err(interp.raise(
            &exceptions::RECURSION_ERROR,
            "maximum recursion depth exceeded in __instancecheck__",
        ));
    }
    let mut found = Ok(false);
    for p in tuple::items(items) {
        // SAFETY: the tuple holds its items while it is checked. (The depth is bounded by the
        // C recursion limit, 1500 small frames.)
        found = recursive_isinstance(interp, o, &unsafe {
            Obj::from_borrowed(interp.heap, p.as_ref())
        });
        if !matches!(found, Ok(false)) {
            break;
        }
    }
    interp.leave_c(1);
    found
}

/// `object_isinstance` for a class `t`: `type(o)` is a subtype of `t`, else `o.__class__`,
/// when it is another class, is (a property may give one). An `AttributeError` from the
/// lookup means no; any other error propagates.
fn object_isinstance<'py>(interp: &Interp<'py>, o: &Obj<'py>, t: &PyTypeObject) -> R<'py, bool> {
    let ty = o.ob_type();
    if ty.is_subtype(t) {
        return Ok(true);
    }
    // `o.__class__` is `type(o)` unless a class along its MRO defines `__class__` or
    // `__getattribute__` (the built-in types' namespaces are not searched here).
    if !pyrt_objects::types::class::is_heap_type(ty)
        || (interp.type_lookup(ty, "__class__")?.is_none()
            && interp.type_lookup(ty, "__getattribute__")?.is_none())
    {
        return Ok(false);
    }
    let icls = match interp.getattr(o, "__class__") {
        Ok(c) => c,
        Err(u) if interp.is_attribute_error(&u) => return Ok(false),
        Err(u) => return Err(u),
    };
    Ok(pyrt_objects::types::type_object(icls.object())
        .is_some_and(|c| !core::ptr::eq(c, ty) && c.is_subtype(t)))
}

/// An attribute name argument: `attribute name must be string, not 'int'`.
fn attr_name<'py>(interp: &Interp<'py>, n: &Obj<'py>) -> R<'py, String> {
    match unicode::Str::cast(n.object()) {
        Some(s) => Ok(unicode::str_value(s)),
        None => Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "attribute name must be string, not '{}'",
                n.ob_type().name()
            ),
        )),
    }
}

fn setattr<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let o = arg(interp, bound, 0)?;
    let name = attr_name(interp, &arg(interp, bound, 1)?)?;
    let v = arg(interp, bound, 2)?;
    interp.setattr(&o, &name, Some(&v))?;
    Ok(pyrt_objects::types::none(interp.heap))
}

/// `chr(i)`: `i` an int fitting a C int (`PyLong_AsInt`), in `range(0x110000)`.
fn chr<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let mut a = arg(interp, bound, 0)?;
    if let Some(i) = interp.user_index(&a) {
        a = i?;
    }
    let Some(i) = long::Int::cast(a.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                a.ob_type().name()
            ),
        ));
    };
    let Some(v) = long::as_i64(i).and_then(|v| i32::try_from(v).ok()) else {
        return Err(interp.raise(
            &exceptions::OVERFLOW_ERROR,
            "Python int too large to convert to C int",
        ));
    };
    let c = u32::try_from(v)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| {
            interp.raise(&exceptions::VALUE_ERROR, "chr() arg not in range(0x110000)")
        })?;
    unicode::new_str(interp.heap, c.encode_utf8(&mut [0; 4])).map_err(|e| interp.err(e))
}

/// `ord(c)`: a str or bytes of length 1.
fn ord<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let a = arg(interp, bound, 0)?;
    let (code, length) = if let Some(s) = unicode::Str::cast(a.object()) {
        let text = unicode::str_value(s);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => (Some(u32::from(c)), 1),
            _ => (None, text.chars().count()),
        }
    } else if let Some(b) = bytes::Bytes::cast(a.object()) {
        match bytes::bytes_value(b) {
            [c] => (Some(u32::from(*c)), 1),
            data => (None, data.len()),
        }
    } else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "ord() expected string of length 1, but {} found",
                a.ob_type().name()
            ),
        ));
    };
    match code {
        Some(c) => long::int_from_i64(interp.heap, i64::from(c)).map_err(|e| interp.err(e)),
        None => Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("ord() expected a character, but string of length {length} found"),
        )),
    }
}

/// `hasattr(o, name)`, `getattr(o, name[, default])`.
fn attr_builtin<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = arg(interp, bound, 0)?;
    let attr = attr_name(interp, &arg(interp, bound, 1)?)?;
    let default = bound.get(2).cloned().flatten();
    let r = interp.getattr(&o, &attr);
    // Only an `AttributeError` means "no such attribute" (`_PyObject_LookupAttr`): any other
    // exception `__getattribute__` or a descriptor raises propagates.
    match (name, r, default) {
        (_, Err(e), _) if !interp.is_attribute_error(&e) => Err(e),
        ("hasattr", r, _) => Ok(long::new_bool(heap, r.is_ok())),
        (_, Ok(v), _) => Ok(v),
        (_, Err(_), Some(d)) => Ok(d),
        (_, Err(e), None) => Err(e),
    }
}

/// `print(*args, sep=' ', end='\n', file=None, flush=False)`.
fn print<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let none = pyrt_objects::types::none(heap);
    let text = |i: usize, what: &str, default: &str| -> R<'py, String> {
        match &bound[i] {
            None => Ok(default.to_owned()),
            Some(v) if v.is(&none) => Ok(default.to_owned()),
            Some(v) if let Some(s) = unicode::Str::cast(v.object()) => Ok(unicode::str_value(s)),
            Some(v) => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{what} must be None or a string, not {}",
                    v.ob_type().name()
                ),
            )),
        }
    };
    // `file=None` is `sys.stdout` as it is now (a script or `contextlib.redirect_stdout` may
    // have replaced it); `sys.stdout = None` prints nothing and a deleted one is an error, as
    // in CPython.
    let file = match bound[2].clone().filter(|f| !f.is(&none)) {
        Some(f) => Some(f),
        None => match super::modules::sys::sys_attr(interp, "stdout") {
            Some(s) if s.is(&none) => return Ok(none),
            Some(s) if super::stdio::stream_fd(s.object()) == Some(1) => None,
            Some(s) => Some(s),
            None if interp.modules.borrow().contains_key("sys") => {
                return Err(interp.raise(&exceptions::RUNTIME_ERROR, "lost sys.stdout"));
            }
            None => None,
        },
    };
    let (sep, end) = (text(0, "sep", " ")?, text(1, "end", "\n")?);
    // The pieces `PyFile_WriteObject` writes one by one: each argument, separators, the end.
    // Argument Clinic gathers `*args` in a tuple (`print` is `METH_FASTCALL` with a
    // varargs parameter in 3.12), which `gc.get_count()` sees when no free tuple is at hand.
    let args_tuple = tuple::new_tuple(heap, bound[4..].iter().flatten().cloned().collect())
        .map_err(|e| interp.err(e))?;
    let args = tuple::Tuple::cast(args_tuple.object())
        .map(tuple::items)
        .unwrap_or_default();
    let mut pieces = Vec::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        // SAFETY: the tuple, alive until the end of this function, holds its items.
        let a = unsafe { a.as_ref() };
        pieces.push(abstract_::str(heap, a).map_err(|e| interp.err(e))?);
    }
    pieces.push(end);
    let line = pieces.concat();
    let flush = match &bound[3] {
        Some(f) => abstract_::is_true(heap, f.object()).map_err(|e| interp.err(e))?,
        None => false,
    };
    match file
        .as_ref()
        .map(|f| (f, super::stdio::stream_fd(f.object())))
    {
        None => {
            let _ = interp.out.borrow_mut().write_all(line.as_bytes());
            if flush {
                super::stdio::flush(interp, 1);
            }
        }
        Some((_, Some(fd))) => {
            super::stdio::write(interp, fd, &line);
            if flush {
                super::stdio::flush(interp, fd);
            }
        }
        Some((f, None)) => {
            // Any object with a `write` method.
            for piece in pieces {
                let text = unicode::new_str(heap, &piece).map_err(|e| interp.err(e))?;
                interp.call_method(f, "write", vec![text], Vec::new())?;
            }
            if flush {
                interp.call_method(f, "flush", Vec::new(), Vec::new())?;
            }
        }
    }
    Ok(none)
}

use std::io::Write as _;

/// `min`/`max` (`min_max` in `Python/bltinmodule.c`): at least one positional argument, then
/// the keywords `key` and `default`.
fn min_max<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let args = positional(bound);
    methods::check_positional(name, args.len(), 1, usize::MAX).map_err(|e| interp.err(e))?;
    let keywords = Params::Keywords {
        names: &["key", "default"],
        positional: 0,
        required: 0,
    };
    let keywords = methods::bind("", name, keywords, &[], kwargs).map_err(|e| interp.err(e))?;
    let none = pyrt_objects::types::none(heap);
    let key = keywords[0].clone().filter(|k| !k.is(&none));
    let default = keywords[1].clone();
    if args.len() > 1 && default.is_some() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("Cannot specify a default for {name}() with multiple positional arguments"),
        ));
    }
    // One argument is iterated as the comparisons go (an error leaves the rest of the
    // iterator unread, as CPython's loop does); several are the items themselves.
    let iterator = match args.as_slice() {
        [one] => Some(abstract_::get_iter(heap, one.object()).map_err(|e| interp.err(e))?),
        _ => None,
    };
    let mut listed = args.into_iter();
    let mut next = || -> R<'py, Option<Obj<'py>>> {
        match &iterator {
            Some(it) => interp.vm_iter_next(it),
            None => Ok(listed.next()),
        }
    };
    let op = if name == "min" {
        CompareOp::Lt
    } else {
        CompareOp::Gt
    };
    let mut best: Option<(Obj<'py>, Obj<'py>)> = None;
    while let Some(x) = next()? {
        let k = match &key {
            Some(f) => interp.call(f, vec![x.clone()], Vec::new())?,
            None => x.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, b)) => abstract_::compare_bool(heap, k.object(), b.object(), op)
                .map_err(|e| interp.err(e))?,
        };
        if better {
            best = Some((x, k));
        }
    }
    match (best, default) {
        (Some((x, _)), _) => Ok(x),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.raise(
            &exceptions::VALUE_ERROR,
            format!("{name}() iterable argument is empty"),
        )),
    }
}

/// `sorted(iterable, /, *, key=None, reverse=False)` (`builtin_sorted`): `list(iterable)`, then
/// that list's own `sort` with the keywords, so the errors name `sort()` as CPython's do.
fn sorted<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    methods::check_positional(name, bound.len(), 1, 1).map_err(|e| interp.err(e))?;
    let it = arg(interp, bound, 0)?;
    let l = list::new_list(heap, Vec::new()).map_err(|e| interp.err(e))?;
    extend_list(interp, &l, &it)?;
    LIST_METHODS
        .call(heap, l.object(), "sort", &[], kwargs)
        .unwrap_or_else(|| Err(pyrt_objects::view::bad_internal_call()))
        .map_err(|e| interp.err(e))?;
    Ok(l)
}

/// `types.MethodType(function, instance)` (`method_new`): a bound method of any callable.
fn new_bound_method<'py>(
    interp: &Interp<'py>,
    args: Vec<Obj<'py>>,
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let type_error = |m: &str| interp.raise(&exceptions::TYPE_ERROR, m);
    if !kwargs.is_empty() {
        return Err(type_error("method() takes no keyword arguments"));
    }
    let n = args.len();
    let Ok([func, instance]) = <[Obj<'py>; 2]>::try_from(args) else {
        return Err(type_error(&format!("method expected 2 arguments, got {n}")));
    };
    if !introspection::is_callable(interp, &func) {
        return Err(type_error("first argument must be callable"));
    }
    if instance.is(&pyrt_objects::types::none(interp.heap)) {
        return Err(type_error("instance must not be None"));
    }
    pyrt_objects::types::method::new_method(interp.heap, func, instance).map_err(|e| interp.err(e))
}

/// `cls(*args)` for a built-in type.
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    ty: &PyTypeObject,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let e = |r: PyResult<Obj<'py>>| r.map_err(|e| interp.err(e));
    let is = |t: &'static StaticType| core::ptr::eq(ty, t.get());
    // The types without a vectorcall in 3.12 are called through `type_call`, which packs the
    // positional arguments in a tuple (and the keywords in a dict) for the call's length:
    // `gc.get_count()` sees them.
    let _call_args = if [&INT_TYPE, &STR_TYPE, &BYTES_TYPE, &COMPLEX_TYPE]
        .iter()
        .any(|t| is(t))
    {
        let t = e(tuple::new_tuple(heap, args.clone()))?;
        let d = if kwargs.is_empty() {
            None
        } else {
            Some(e(dict::new_dict(heap))?)
        };
        Some((t, d))
    } else {
        None
    };
    if is(&weakref::WEAKREF_TYPE) {
        return new_weakref(interp, args, kwargs);
    }
    if let Some(r) = interp.construct_descriptor(ty, &args, &kwargs) {
        return r;
    }
    if let Some(r) = super::bytes_like::construct(interp, ty, &args, &kwargs) {
        return r;
    }
    if let Some(r) = super::typing_objects::construct_type_param(heap, ty, &args, &kwargs) {
        return r.map_err(|e| interp.err(e));
    }
    if let Some(r) = super::typing_objects::construct_generic_alias(heap, ty, &args, &kwargs) {
        return r.map_err(|e| interp.err(e));
    }
    if is(super::super_object::super_type()) {
        return interp.new_super(&args);
    }
    if is(&DICT_TYPE) {
        // A `mappingproxy` argument is read as the mapping it shows.
        let args: Vec<Obj<'py>> = args
            .into_iter()
            .map(|a| super::descriptors::proxy_mapping(heap, a.object()).unwrap_or(a))
            .collect();
        return e(dict::methods::dict_vectorcall(heap, &args, &kwargs));
    }
    if is(&TYPE_TYPE) {
        // `type_new`'s own check; the three-argument form makes a class.
        return match args.as_slice() {
            [o] if kwargs.is_empty() => {
                let t = &o.ob_type().ob_base.ob_base;
                // SAFETY: an object's type lives as long as the object.
                Ok(unsafe { Obj::from_borrowed(heap, t) })
            }
            [name, bases, ns] => interp.type_new(None, name, bases, ns, &kwargs),
            _ => Err(interp.raise(&exceptions::TYPE_ERROR, "type() takes 1 or 3 arguments")),
        };
    }
    if is(&super::objects::SLICE_TYPE) {
        return slice::new(interp, &args, &kwargs);
    }
    if core::ptr::eq(ty, super::objects::MODULE.static_type().get()) {
        return super::modules::construct_module(interp, &args, &kwargs);
    }
    if is(&super::partial::PARTIAL_TYPE) {
        return super::partial::new(interp, args, kwargs);
    }
    if is(&pyrt_objects::types::random::RANDOM_TYPE) {
        return super::random_module::construct(interp, &args, &kwargs);
    }
    if let Some(r) = super::operator_getters::construct(interp, ty, &args, &kwargs) {
        return r;
    }
    if let Some(r) = super::lru_cache::construct(interp, ty, &args, &kwargs) {
        return r;
    }
    if is(&pyrt_objects::types::deque::DEQUE_TYPE) {
        return super::deque::construct(interp, &args, &kwargs);
    }
    if is(&pyrt_objects::types::method::METHOD_TYPE) {
        return new_bound_method(interp, args, &kwargs);
    }
    if is(&OBJECT_TYPE) {
        // `object_new`'s excess-arguments check.
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(interp.raise(&exceptions::TYPE_ERROR, "object() takes no arguments"));
        }
        return pyrt_objects::types::object_instance::new_object(heap).map_err(|e| interp.err(e));
    }
    let Some(params) = constructor_params(ty) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("cannot create '{}' instances", ty.name()),
        ));
    };
    let bound = methods::bind("", ty.name(), params, &args, &kwargs).map_err(|e| interp.err(e))?;
    if is(&range::RANGE_TYPE) {
        let zero = long::int_from_i64(heap, 0).map_err(|e| interp.err(e))?;
        let one = long::int_from_i64(heap, 1).map_err(|e| interp.err(e))?;
        let (start, stop, step) = match (&bound[0], &bound[1], &bound[2]) {
            (Some(stop), None, _) => (zero, stop.clone(), one),
            (Some(start), Some(stop), None) => (start.clone(), stop.clone(), one),
            (Some(start), Some(stop), Some(step)) => (start.clone(), stop.clone(), step.clone()),
            _ => return Err(interp.err(pyrt_objects::view::bad_internal_call())),
        };
        return e(range::new_range(
            heap,
            start.object(),
            stop.object(),
            step.object(),
        ));
    }
    let arg = bound[0].as_ref();
    if is(&INT_TYPE) {
        return match arg {
            None if bound[1].is_some() => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "int() missing string argument",
            )),
            None => e(long::int_from_i64(heap, 0)),
            Some(a) if let Some(base) = &bound[1] => e(int_with_base(a.object(), base.object())
                .and_then(|v| long::new_int(heap, &v))),
            // A class on a built-in base with `__int__` (or `__index__` where the base has no
            // `nb_int`): `PyNumber_Long` calls its slot before looking at the base's value.
            Some(a) if converts_itself(interp, a, "__int__") && let Some(r) = interp.user_int(a) => r,
            Some(a) if let Some(text) = unicode::Str::cast(a.object()) => {
                let text = unicode::str_value(text);
                let v = pyrt_objects::long_digits::LongValue::parse(&text)
                    .map_err(|e| interp.err(long::long_error(e)))?;
                e(long::new_int(heap, &v))
            }
            Some(a) if let Some(x) = float::Float::cast(a.object()) => {
                let v = pyrt_objects::long_digits::LongValue::from_f64(float::float_value(x).trunc())
                    .map_err(|e| interp.err(long::long_error(e)))?;
                // `PyLong_FromDouble`: a value that fits a `long` is `PyLong_FromLong`'s.
                e(long::new_int_from_word_value(heap, &v))
            }
            Some(a) if long::is_int(a.object()) => e(abstract_::unary_op(heap, a.object(), UnOp::Pos)),
            Some(a) if let Some(r) = interp.user_int(a) => r,
            Some(a) => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", a.ob_type().name()),
            )),
        };
    }
    if is(&FLOAT_TYPE) {
        return match arg {
            None => e(float::new_float(heap, 0.0)),
            // `PyNumber_Float`: a class's `__float__` (or `__index__` where the base has no
            // `nb_float`) before the base's value.
            Some(a)
                if converts_itself(interp, a, "__float__")
                    && let Some(r) = interp.user_float(a) =>
            {
                r
            }
            Some(a) if let Some(text) = unicode::Str::cast(a.object()) => {
                let text = unicode::str_value(text);
                let v = pyrt_objects::float_repr::parse_float(text.trim()).map_err(|_| {
                    interp.raise(
                        &exceptions::VALUE_ERROR,
                        format!(
                            "could not convert string to float: {}",
                            abstract_::repr(heap, a.object()).unwrap_or_default()
                        ),
                    )
                })?;
                e(float::new_float(heap, v))
            }
            // `PyLong_AsDouble`: `OverflowError: int too large to convert to float`.
            Some(a) if long::is_int(a.object()) => e(pyrt_objects::numbers::as_double(a.object())
                .and_then(|x| float::new_float(heap, x))),
            Some(a) if core::ptr::eq(a.ob_type(), FLOAT_TYPE.get()) => Ok(a.clone()),
            Some(a) if let Some(x) = float::Float::cast(a.object()) => {
                e(float::new_float(heap, float::float_value(x)))
            }
            Some(a) if let Some(r) = interp.user_float(a) => r,
            Some(a) => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "float() argument must be a string or a real number, not '{}'",
                    a.ob_type().name()
                ),
            )),
        };
    }
    if is(&STR_TYPE) {
        return match arg {
            None => e(unicode::new_str(heap, "")),
            Some(a) if bound[1].is_some() || bound[2].is_some() => {
                decode_bytes(interp, a.object(), bound[1].as_ref(), bound[2].as_ref())
            }
            Some(a) => object_str(interp, a),
        };
    }
    if is(&BOOL_TYPE) {
        let t = match arg {
            None => false,
            Some(a) => abstract_::is_true(heap, a.object()).map_err(|e| interp.err(e))?,
        };
        return Ok(long::new_bool(heap, t));
    }
    if is(&LIST_TYPE) {
        let l = e(list::new_list_from_type(heap))?;
        if let Some(a) = arg {
            extend_list(interp, &l, a)?;
        }
        return Ok(l);
    }
    if is(&TUPLE_TYPE) {
        return match arg {
            None => e(tuple::new_tuple(heap, Vec::new())),
            Some(a) => e(tuple::sequence_tuple(heap, a)),
        };
    }
    if is(&SET_TYPE) || is(&FROZENSET_TYPE) {
        if is(&FROZENSET_TYPE)
            && let Some(a) = arg
            && core::ptr::eq(a.ob_type(), FROZENSET_TYPE.get())
        {
            return Ok(a.clone());
        }
        return e(match (arg, is(&SET_TYPE)) {
            (Some(a), true) => set_ops::set_from(heap, a.object()),
            (Some(a), false) => set_ops::frozenset_from(heap, a.object()),
            (None, true) => set_ops::set_from_items(heap, []),
            (None, false) => set_ops::frozenset_from_items(heap, []),
        });
    }
    if is(&BYTES_TYPE) {
        let encoding = str_arg(interp, "bytes", "encoding", bound[1].as_ref())?;
        let errors = str_arg(interp, "bytes", "errors", bound[2].as_ref())?;
        if let Some(encoding) = encoding {
            return match arg {
                Some(a) if unicode::Str::cast(a.object()).is_some() => {
                    encode_str(interp, a, &encoding, errors.as_deref())
                }
                _ => Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    "encoding without a string argument",
                )),
            };
        }
        if errors.is_some() {
            let message = match arg {
                Some(a) if unicode::is_str(a.object()) => "string argument without an encoding",
                _ => "errors without a string argument",
            };
            return Err(interp.raise(&exceptions::TYPE_ERROR, message));
        }
        if let Some(a) = arg
            && let Some(r) = interp.user_bytes(a)
        {
            return r;
        }
        return match arg {
            None => e(bytes::new_bytes(heap, b"")),
            Some(a) if let Some(n) = long::Int::cast(a.object()) => {
                let n = abstract_::repeat_count(n).map_err(|e| interp.err(e))?;
                if n < 0 {
                    return Err(interp.raise(&exceptions::VALUE_ERROR, "negative count"));
                }
                e(bytes::new_zeroed_bytes(heap, n as usize))
            }
            Some(a) if unicode::is_str(a.object()) => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "string argument without an encoding",
            )),
            Some(a)
                if let Some(data) = pyrt_objects::types::buffer::contiguous_bytes(a.object()) =>
            {
                e(bytes::new_bytes(heap, &data))
            }
            Some(a) if abstract_::get_iter(interp.heap, a.object()).is_err() => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("cannot convert '{}' object to bytes", a.ob_type().name()),
            )),
            Some(a) => {
                let mut data = Vec::new();
                for x in interp.collect(a)? {
                    let Some(v) = long::Int::cast(x.object()) else {
                        return Err(interp.raise(
                            &exceptions::TYPE_ERROR,
                            format!(
                                "'{}' object cannot be interpreted as an integer",
                                x.ob_type().name()
                            ),
                        ));
                    };
                    let v = long::as_i64(v)
                        .filter(|v| (0..256).contains(v))
                        .ok_or_else(|| {
                            interp.raise(&exceptions::VALUE_ERROR, "bytes must be in range(0, 256)")
                        })?;
                    data.push(v as u8);
                }
                e(bytes::new_bytes(heap, &data))
            }
        };
    }
    if is(&COMPLEX_TYPE) {
        use pyrt_objects::types::complex::{self, ComplexValue};
        let part = |i: usize| -> R<'py, ComplexValue> {
            let real = |real| ComplexValue { real, imag: 0.0 };
            match &bound[i] {
                None => Ok(real(0.0)),
                Some(a) if let Some(r) = interp.user_complex_part(a, i == 0) => r,
                Some(a) if let Some(c) = complex::Complex::cast(a.object()) => {
                    Ok(complex::complex_value(c))
                }
                Some(a) if let Some(x) = float::Float::cast(a.object()) => {
                    Ok(real(float::float_value(x)))
                }
                Some(a) if let Some(n) = long::Int::cast(a.object()) => long::long_value(n)
                    .to_f64()
                    .map(real)
                    .map_err(|e| interp.err(long::long_error(e))),
                Some(a) => Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    if i == 0 {
                        format!(
                            "complex() first argument must be a string or a number, not '{}'",
                            a.ob_type().name()
                        )
                    } else {
                        format!(
                            "complex() second argument must be a number, not '{}'",
                            a.ob_type().name()
                        )
                    },
                )),
            }
        };
        let (r, i) = (part(0)?, part(1)?);
        // `complex(r, i)` is `r + i*1j`.
        return e(complex::new_complex(heap, r.real - i.imag, r.imag + i.real));
    }
    Err(interp.err(pyrt_objects::view::bad_internal_call()))
}

/// How each constructable built-in type takes its arguments (`dict`, `type` and `object`
/// check theirs as CPython's do, by hand).
fn constructor_params(ty: &PyTypeObject) -> Option<Params> {
    let is = |t: &'static StaticType| core::ptr::eq(ty, t.get());
    let optional_one = Params::Positional { min: 0, max: 1 };
    Some(
        if is(&LIST_TYPE)
            || is(&TUPLE_TYPE)
            || is(&SET_TYPE)
            || is(&FROZENSET_TYPE)
            || is(&FLOAT_TYPE)
            || is(&BOOL_TYPE)
        {
            optional_one
        } else if is(&range::RANGE_TYPE) {
            Params::Positional { min: 1, max: 3 }
        } else if is(&INT_TYPE) {
            Params::Keywords {
                names: &["", "base"],
                positional: 2,
                required: 0,
            }
        } else if is(&STR_TYPE) {
            Params::Keywords {
                names: &["object", "encoding", "errors"],
                positional: 3,
                required: 0,
            }
        } else if is(&BYTES_TYPE) {
            Params::Keywords {
                names: &["source", "encoding", "errors"],
                positional: 3,
                required: 0,
            }
        } else if is(&COMPLEX_TYPE) {
            Params::Keywords {
                names: &["real", "imag"],
                positional: 2,
                required: 0,
            }
        } else {
            return None;
        },
    )
}

/// `list(iterable)`: `list_extend`, as `l.extend(iterable)` does.
fn extend_list<'py>(interp: &Interp<'py>, l: &Obj<'py>, a: &Obj<'py>) -> R<'py, ()> {
    let view = list::List::cast_internal(l.object()).map_err(|e| interp.err(e))?;
    list_methods::extend_from(interp.heap, view, a).map_err(|e| interp.err(e))
}

/// `int(x, base)`: `x` must be a str (pyrt has no bytearray), `base` an int in 0 or 2..=36.
fn int_with_base(
    x: &pyrt_objects::PyObject,
    base: &pyrt_objects::PyObject,
) -> PyResult<pyrt_objects::long_digits::LongValue> {
    let Some(b) = long::Int::cast(base) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            base.ob_type().name()
        )));
    };
    let b = long::as_i64(b)
        .and_then(|b| u32::try_from(b).ok())
        .filter(|&b| b == 0 || (2..=36).contains(&b))
        .ok_or_else(|| PyErr::value_error("int() base must be >= 2 and <= 36, or 0"))?;
    let Some(text) = unicode::Str::cast(x) else {
        return Err(PyErr::type_error(
            "int() can't convert non-string with explicit base",
        ));
    };
    pyrt_objects::long_digits::LongValue::parse_radix(&unicode::str_value(text), b)
        .map_err(long::long_error)
}

/// A `str`-typed argument of a constructor (Clinic's `_PyArg_BadArgument`): `str() argument
/// 'encoding' must be str, not int`.
fn str_arg<'py>(
    interp: &Interp<'py>,
    function: &str,
    what: &str,
    o: Option<&Obj<'py>>,
) -> R<'py, Option<String>> {
    let Some(o) = o else { return Ok(None) };
    match unicode::Str::cast(o.object()) {
        Some(s) => Ok(Some(unicode::str_value(s))),
        None => {
            let got = if o.is(&pyrt_objects::types::none(interp.heap)) {
                "None"
            } else {
                o.ob_type().name()
            };
            Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("{function}() argument '{what}' must be str, not {got}"),
            ))
        }
    }
}

/// `bytes(s, encoding, errors)`: `s.encode(encoding, errors)` (the object layer's codecs).
fn encode_str<'py>(
    interp: &Interp<'py>,
    text: &Obj<'py>,
    encoding: &str,
    errors: Option<&str>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    unknown_encoding(interp, encoding)?;
    let mut args = vec![unicode::new_str(heap, encoding).map_err(|e| interp.err(e))?];
    if let Some(errors) = errors {
        args.push(unicode::new_str(heap, errors).map_err(|e| interp.err(e))?);
    }
    interp.call_method(text, "encode", args, Vec::new())
}

/// `LookupError: unknown encoding: x` for a codec pyrt does not have.
fn unknown_encoding<'py>(interp: &Interp<'py>, encoding: &str) -> R<'py, ()> {
    match pyrt_objects::types::bytes_methods::codec(encoding) {
        Some(_) => Ok(()),
        None => Err(interp.raise(
            &exceptions::LOOKUP_ERROR,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

/// `str(b, encoding, errors)`: `b.decode(encoding, errors)` (the object layer's codecs,
/// `types::codecs`; others are `LookupError`s: pyrt has no codec registry).
fn decode_bytes<'py>(
    interp: &Interp<'py>,
    b: &pyrt_objects::PyObject,
    encoding: Option<&Obj<'py>>,
    errors: Option<&Obj<'py>>,
) -> R<'py, Obj<'py>> {
    let encoding = str_arg(interp, "str", "encoding", encoding)?.unwrap_or_else(|| "utf-8".into());
    str_arg(interp, "str", "errors", errors)?;
    if bytes::Bytes::cast(b).is_none() {
        let message = if unicode::is_str(b) {
            "decoding str is not supported".to_owned()
        } else {
            format!(
                "decoding to str: need a bytes-like object, {} found",
                b.ob_type().name()
            )
        };
        return Err(interp.raise(&exceptions::TYPE_ERROR, message));
    }
    unknown_encoding(interp, &encoding)?;
    // `b.decode(encoding, errors)`: the object layer's codecs and error handlers.
    // SAFETY: the caller holds `b`, a live object of this heap.
    let b = unsafe { Obj::from_borrowed(interp.heap, b) };
    let mut args = vec![unicode::new_str(interp.heap, &encoding).map_err(|e| interp.err(e))?];
    if let Some(errors) = errors {
        args.push(errors.clone());
    }
    interp.call_method(&b, "decode", args, Vec::new())
}

/// A slice object `start:stop:step`.
pub(crate) fn new_slice<'py>(interp: &Interp<'py>, items: Vec<Obj<'py>>) -> R<'py, Obj<'py>> {
    let refs: Vec<Option<Obj<'py>>> = items.into_iter().map(Some).collect();
    SLICE
        .alloc(interp.heap, &refs, &[])
        .map_err(|e| interp.err(e))
}

/// The `(start, step, length)` a slice selects from a sequence of `len` items
/// (`PySlice_Unpack` + `PySlice_AdjustIndices`), `None` if `key` is not a slice.
pub(crate) fn slice_indices<'py>(
    interp: &Interp<'py>,
    key: &Obj<'py>,
    len: usize,
) -> R<'py, Option<(isize, isize, usize)>> {
    let Some(slice) = SLICE.cast(key.object()) else {
        return Ok(None);
    };
    let heap = interp.heap;
    let none = pyrt_objects::types::none(heap);
    let part = |i: usize| slice.get_ref(heap, i).filter(|v| !v.is(&none));
    // `PySlice_Unpack`: each part clamped to the `Py_ssize_t` range (`_PyEval_SliceIndex`),
    // and the step to `-sys.maxsize` at least, so that it can be negated.
    let clamp = |v: &Obj<'py>| methods::slice_index(v.object()).map_err(|e| interp.err(e));
    let step = match part(2) {
        Some(v) => clamp(&v)?.max(-isize::MAX),
        None => 1,
    };
    if step == 0 {
        return Err(interp.raise(&exceptions::VALUE_ERROR, "slice step cannot be zero"));
    }
    let n = len as isize;
    let adjust = |v: Option<Obj<'py>>, default: isize| -> R<'py, isize> {
        let Some(v) = v else { return Ok(default) };
        let mut i = clamp(&v)?;
        if i < 0 {
            i = i.saturating_add(n);
            if i < 0 {
                i = if step < 0 { -1 } else { 0 };
            }
        } else if i >= n {
            i = if step < 0 { n - 1 } else { n };
        }
        Ok(i)
    };
    let start = adjust(part(0), if step < 0 { n - 1 } else { 0 })?;
    let stop = adjust(part(1), if step < 0 { -1 } else { n })?;
    let length = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(Some((start, step, length as usize)))
}

/// `l[i]` and `t[i]` for an exact list or tuple and an int index that fits a machine word
/// (`list_subscript`'s and `tuplesubscript`'s `PyIndex_Check` branch, with the same
/// `IndexError`s); `None` for any other pair, which [`getitem`]'s general path handles.
#[inline]
fn getitem_exact_index<'py>(
    heap: &'py Heap,
    o: &PyObject,
    key: &PyObject,
) -> Option<PyResult<Obj<'py>>> {
    let ty = o.ob_type();
    if core::ptr::eq(ty, LIST_TYPE.get()) {
        let i = isize::try_from(long::object_as_i64(key)?).ok()?;
        let l = list::List::cast(o)?;
        return Some(list::get_item(heap, l, i));
    }
    if core::ptr::eq(ty, TUPLE_TYPE.get()) {
        let i = isize::try_from(long::object_as_i64(key)?).ok()?;
        let items = tuple::items(tuple::Tuple::cast(o)?);
        let j = if i < 0 { i + items.len() as isize } else { i };
        let Some(item) = usize::try_from(j).ok().and_then(|j| items.get(j)) else {
            return Some(Err(PyErr::new(
                pyrt_objects::ExcKind::IndexError,
                "tuple index out of range",
            )));
        };
        // SAFETY: the tuple holds a reference to each item, objects of this heap.
        return Some(Ok(unsafe { Obj::from_borrowed(heap, item.as_ref()) }));
    }
    None
}

/// `obj[key]` for the built-in containers.
pub(crate) fn getitem<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    if let Some(r) = interp.subclass_getitem(obj, key) {
        return r;
    }
    getitem_base(interp, obj, key)
}

/// `obj[key]` by the built-in type's own subscript (`list.__getitem__(obj, key)` for an
/// instance of a list subclass whose class defines `__getitem__`).
pub(crate) fn getitem_base<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    key: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let o = obj.object();
    let e = |r: PyResult<Obj<'py>>| r.map_err(|e| interp.err(e));
    if let Some(r) = getitem_exact_index(heap, o, key.object()) {
        return e(r);
    }
    if let Some(r) = interp.user_getitem(obj, key) {
        return r;
    }
    if let Some(r) = interp.user_class_getitem(obj, key) {
        return r;
    }
    if let Some(r) = super::deque::getitem(interp, obj, key) {
        return r;
    }
    if let Some(k) = interp.index_slice(obj, key)? {
        return getitem_base(interp, obj, &k);
    }
    if let Some(r) = super::bytes_like::getitem(interp, obj, key) {
        return r;
    }
    if dict::Dict::cast(o).is_none()
        && let Some(i) = interp.user_index(key)
    {
        let i = i?;
        if let Some(n) = long::Int::cast(i.object())
            && long::as_ssize_t(n).is_err()
        {
            // `PyNumber_AsSsize_t(key, PyExc_IndexError)` names the key's type.
            return Err(interp.raise(
                &exceptions::INDEX_ERROR,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    key.ob_type().name()
                ),
            ));
        }
        return getitem(interp, obj, &i);
    }
    if super::union_type::UNION.is(o) {
        super::union_type::check_subscript(heap, o, key.object()).map_err(|e| interp.err(e))?;
        // Substituting calls `typing._typevar_subst`: pyrt has no `typing` module, so the
        // import fails as CPython's would without one.
        interp.vm_import("typing")?;
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "substituting the type parameters of a union needs typing._typevar_subst",
        ));
    }
    // `list[int]`, `Alias[int]`: `types.GenericAlias`.
    if let Some(alias) =
        super::typing_objects::class_getitem(heap, obj, key).map_err(|e| interp.err(e))?
    {
        return Ok(alias);
    }
    if let Some(m) = super::descriptors::proxy_mapping(heap, o) {
        return getitem(interp, &m, key);
    }
    if let Some(d) = dict::Dict::cast(o) {
        return match dict::get_item(heap, d, key.object()).map_err(|e| interp.err(e))? {
            Some(v) => Ok(v),
            None => match interp.dict_missing(obj, key) {
                Some(r) => r,
                None => Err(interp.key_error(key)),
            },
        };
    }
    if let Some(r) = range::Range::cast(o) {
        if let Some(slice) = SLICE.cast(key.object()) {
            let none = pyrt_objects::types::none(heap);
            let part = |i: usize| slice.get_ref(heap, i).filter(|v| !v.is(&none));
            let (start, stop, step) = (part(0), part(1), part(2));
            return e(range::range_slice(
                heap,
                r,
                start.as_ref().map(Obj::object),
                stop.as_ref().map(Obj::object),
                step.as_ref().map(Obj::object),
            ));
        }
        return e(range::range_item(heap, r, key.object()));
    }
    let len = abstract_::len(o).ok();
    if let Some(len) = len
        && let Some((start, step, length)) = slice_indices(interp, key, len)?
    {
        let picks: Vec<usize> = (0..length)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        let contiguous = step == 1;
        if let Some(l) = list::List::cast(o) {
            if contiguous {
                let lo = picks.first().copied().unwrap_or(0);
                return e(list::slice(heap, l, lo, lo + length));
            }
            let all = interp.collect(obj)?;
            return e(list::new_list(
                heap,
                picks.iter().map(|&i| all[i].clone()).collect(),
            ));
        }
        if tuple::is_tuple(o) {
            let all = interp.collect(obj)?;
            if contiguous && length == len && core::ptr::eq(o.ob_type(), TUPLE_TYPE.get()) {
                return Ok(obj.clone());
            }
            return e(tuple::new_tuple(
                heap,
                picks.iter().map(|&i| all[i].clone()).collect(),
            ));
        }
        if let Some(s) = unicode::Str::cast(o)
            && contiguous
        {
            if length == len && core::ptr::eq(o.ob_type(), STR_TYPE.get()) {
                return Ok(obj.clone());
            }
            let lo = picks.first().copied().unwrap_or(0);
            return e(unicode::substring(heap, s, lo, length));
        }
        if let Some(s) = unicode::Str::cast(o) {
            let chars: Vec<char> = unicode::str_value(s).chars().collect();
            let text: String = picks.iter().map(|&i| chars[i]).collect();
            if contiguous && length == len && core::ptr::eq(o.ob_type(), STR_TYPE.get()) {
                return Ok(obj.clone());
            }
            return if contiguous || length <= 1 {
                e(unicode::new_str(heap, &text))
            } else {
                e(unicode::new_str_fresh(heap, &text))
            };
        }
        if let Some(b) = bytes::Bytes::cast(o) {
            let data = bytes::bytes_value(b);
            let picked: Vec<u8> = picks.iter().map(|&i| data[i]).collect();
            return e(bytes::new_bytes(heap, &picked));
        }
    }
    let what = if tuple::is_tuple(o) {
        "tuple"
    } else if unicode::is_str(o) {
        "string"
    } else {
        "list"
    };
    if let Some(l) = list::List::cast(o) {
        let i = interp.index(key, "list")?;
        return e(list::get_item(heap, l, i));
    }
    if let Some(len) = len
        && (tuple::is_tuple(o) || unicode::is_str(o) || bytes::is_bytes(o))
    {
        let i = interp.index(key, what)?;
        let j = if i < 0 { i + len as isize } else { i };
        if j < 0 || j >= len as isize {
            return Err(interp.raise(
                &exceptions::INDEX_ERROR,
                format!("{what} index out of range"),
            ));
        }
        let j = j as usize;
        if let Some(t) = tuple::Tuple::cast(o) {
            // SAFETY: the tuple holds its items.
            return Ok(unsafe { Obj::from_borrowed(heap, tuple::items(t)[j].as_ref()) });
        }
        if let Some(s) = unicode::Str::cast(o) {
            return e(unicode::char_str(heap, s, j));
        }
        let b = bytes::Bytes::cast_internal(o).map_err(|e| interp.err(e))?;
        return e(long::int_from_i64(
            heap,
            i64::from(bytes::bytes_value(b)[j]),
        ));
    }
    // `PyObject_GetItem` names a class without `__class_getitem__` itself.
    let message = match pyrt_objects::types::type_object(o) {
        Some(t) => format!("type '{}' is not subscriptable", t.name()),
        None => format!("'{}' object is not subscriptable", obj.ob_type().name()),
    };
    Err(interp.raise(&exceptions::TYPE_ERROR, message))
}

/// `weakref.ref(obj[, callback])`.
fn new_weakref<'py>(
    interp: &Interp<'py>,
    mut args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    // `weakref___new__` (`PyArg_UnpackTuple(args, "__new__", 1, 2)`) makes the reference,
    // then `weakref___init__` refuses keywords.
    methods::check_positional("__new__", args.len(), 1, 2).map_err(|e| interp.err(e))?;
    let callback = (args.len() == 2).then(|| args.pop()).flatten();
    let r = weakref::new_ref(
        interp.heap,
        args[0].object(),
        callback.as_ref().map(Obj::object),
    )
    .map_err(|e| interp.err(e))?;
    if !kwargs.is_empty() {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "ref() takes no keyword arguments"));
    }
    Ok(r)
}

/// Whether `int(a)` (`name` `__int__`) or `float(a)` (`__float__`) goes to the methods of `a`'s
/// class on a built-in base: it defines `name`, or its base is not a number (then `__index__`
/// answers, as `nb_index` does when `nb_int`/`nb_float` is missing).
fn converts_itself(interp: &Interp<'_>, a: &Obj<'_>, name: &str) -> bool {
    let ty = a.ob_type();
    pyrt_objects::types::slot_defs::overrides_builtin(ty)
        && (pyrt_objects::types::slot_defs::lookup(interp.heap, ty, name).is_some()
            || (!long::is_int(a.object()) && float::Float::cast(a.object()).is_none()))
}
