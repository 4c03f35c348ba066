//! Methods of the built-in types (`list.append`, `dict.get`, `str.split`, ...), called
//! directly for `obj.name(...)` or through a bound built-in method object for `m = obj.name`.

use pyrt_objects::methods::Methods;
use pyrt_objects::types::bytes_methods::BYTES_METHODS;
use pyrt_objects::types::complex_methods::COMPLEX_METHODS;
use pyrt_objects::types::dict::methods::DICT_METHODS;
use pyrt_objects::types::float_methods::FLOAT_METHODS;
use pyrt_objects::types::list_methods::LIST_METHODS;
use pyrt_objects::types::long_methods::INT_METHODS;
use pyrt_objects::types::range_methods::RANGE_METHODS;
use pyrt_objects::types::set_methods::{FROZENSET_METHODS, SET_METHODS};
use pyrt_objects::types::str_methods::STR_METHODS;
use pyrt_objects::types::tuple_methods::TUPLE_METHODS;
use pyrt_objects::types::{bytes, dict, float, list, long, range, set, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::objects::{BUILTIN, DICT_ITEMS, DICT_KEYS, DICT_VALUES};
use super::{Interp, R};

/// `obj.name` as a bound built-in method, if the type has that method.
pub(crate) fn bound<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
) -> R<'py, Option<Obj<'py>>> {
    if !has_method(obj, name) && !is_interp_method(obj, name) {
        return Ok(None);
    }
    let n = interp.name_str(name)?;
    let index = super::builtins::method_index();
    // `type.__prepare__` is a class method of the metatype: `C.__prepare__` binds to
    // `type(C)`.
    let receiver = if name == "__prepare__" && type_class_method(obj, name) {
        interp.type_as_object(obj.ob_type())
    } else {
        obj.clone()
    };
    BUILTIN
        .alloc(interp.heap, &[Some(n), Some(receiver)], &[index])
        .map(Some)
        .map_err(|e| interp.err(e))
}

/// Whether `obj`'s built-in type has method `name` (called without a bound method object).
pub(crate) fn has_builtin_method(obj: &Obj<'_>, name: &str) -> bool {
    has_method(obj, name) || is_interp_method(obj, name)
}

fn has_method(obj: &Obj<'_>, name: &str) -> bool {
    if name == "fromkeys" && dict_subclass_of(obj).is_some() {
        return true;
    }
    if type_class_method(obj, name) {
        return true;
    }
    table_of(obj.object())
        .or_else(|| type_table(obj.object()))
        .is_some_and(|t| t.has(name))
}

/// The methods of a built-in type reached through the type itself (`str.upper`,
/// `dict.fromkeys`): the type's table, for the static types that have one.
fn type_table(o: &PyObject) -> Option<&'static dyn Methods> {
    let ty = pyrt_objects::types::type_object(o)?;
    if pyrt_objects::types::class::is_heap_type(ty) {
        return None;
    }
    let is = |t: &'static pyrt_objects::typeobj::StaticType| core::ptr::eq(ty, t.get());
    use pyrt_objects::types as t;
    let table: &'static dyn Methods = if is(&t::LIST_TYPE) {
        &LIST_METHODS
    } else if is(&t::DICT_TYPE) {
        &DICT_METHODS
    } else if is(&t::SET_TYPE) {
        &SET_METHODS
    } else if is(&t::FROZENSET_TYPE) {
        &FROZENSET_METHODS
    } else if is(&t::STR_TYPE) {
        &STR_METHODS
    } else if is(&t::TUPLE_TYPE) {
        &TUPLE_METHODS
    } else if is(&t::BYTES_TYPE) {
        &BYTES_METHODS
    } else if is(&t::FLOAT_TYPE) {
        &FLOAT_METHODS
    } else if is(&t::INT_TYPE) || is(&t::BOOL_TYPE) {
        &INT_METHODS
    } else if is(&t::COMPLEX_TYPE) {
        &COMPLEX_METHODS
    } else if is(&t::random::RANDOM_TYPE) {
        &pyrt_objects::types::random_methods::RANDOM_METHODS
    } else if is(&t::deque::DEQUE_TYPE) {
        &pyrt_objects::types::deque::methods::DEQUE_METHODS
    } else {
        super::bytes_like::type_table(ty)?
    };
    Some(table)
}

/// Whether `obj.name` is one of the class methods every type reaches through `object` and
/// `type` (`__init_subclass__`, `__subclasshook__`, `__prepare__`) or the
/// `__class_getitem__` of a generic built-in (`list`, `tuple`, `dict`, `set`, `frozenset`),
/// for a type `obj` whose classes along the MRO do not define `name` themselves.
fn type_class_method(obj: &Obj<'_>, name: &str) -> bool {
    use pyrt_objects::types as t;
    let Some(ty) = t::type_object(obj.object()) else {
        return false;
    };
    match name {
        "__init_subclass__" | "__subclasshook__" | "__prepare__" => {
            !pyrt_objects::types::class::is_heap_type(ty)
                || t::slot_defs::lookup(obj.heap(), ty, name).is_none()
        }
        "__class_getitem__" => {
            [
            &t::LIST_TYPE,
            &t::TUPLE_TYPE,
            &t::DICT_TYPE,
            &t::SET_TYPE,
            &t::FROZENSET_TYPE,
        ]
        .iter()
        .any(|s| core::ptr::eq(ty, s.get()))
            // `deque.__class_getitem__`, which its subclasses inherit.
            || ty.is_subtype(t::deque::DEQUE_TYPE.get())
        }
        _ => false,
    }
}

/// Calls one of the [`type_class_method`]s on the type `obj`: `object.__init_subclass__()`
/// (nothing, and no keywords), `object.__subclasshook__(C)` (`NotImplemented`),
/// `type.__prepare__(name, bases, **kwargs)` (a new dict) and `T.__class_getitem__(item)`
/// (`T[item]`).
fn call_type_class_method<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let owner = pyrt_objects::types::type_object(obj.object()).map_or("object", |t| t.name());
    let type_error = |m: String| Err(interp.raise(&super::exceptions::TYPE_ERROR, m));
    match name {
        "__init_subclass__" => {
            let mut bound = vec![Some(obj.clone())];
            bound.extend(args.iter().cloned().map(Some));
            super::metaclass::object_init_subclass_method(interp, name, &bound, kwargs)
        }
        "__prepare__" => dict::new_dict(heap).map_err(|e| interp.err(e)),
        // `object_subclasshook` takes any arguments.
        "__subclasshook__" => Ok(pyrt_objects::types::not_implemented(heap)),
        _ if !kwargs.is_empty() => {
            type_error(format!("{owner}.{name}() takes no keyword arguments"))
        }
        _ if args.len() != 1 => type_error(format!(
            "{owner}.{name}() takes exactly one argument ({} given)",
            args.len()
        )),
        _ => super::typing_objects::class_getitem(heap, obj, &args[0])
            .map_err(|e| interp.err(e))?
            .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call())),
    }
}

/// The class on `dict` that `obj` is, or is an instance of (a class made by a script whose
/// bases include `dict`): the class `fromkeys` binds to (`dict.fromkeys` is a class method).
fn dict_subclass_of<'a>(obj: &'a Obj<'_>) -> Option<&'a pyrt_objects::typeobj::PyTypeObject> {
    let ty = pyrt_objects::types::type_object(obj.object()).unwrap_or_else(|| obj.ob_type());
    (pyrt_objects::types::class::is_heap_type(ty)
        && ty.is_subtype(pyrt_objects::types::DICT_TYPE.get()))
    .then_some(ty)
}

/// `cls.fromkeys(iterable, value=None)` for a class on `dict` (`_PyDict_FromKeys`): `cls()`,
/// then `d[key] = value` for each key, through the class's own `__setitem__` if it has one.
fn subclass_fromkeys<'py>(
    interp: &Interp<'py>,
    cls: &pyrt_objects::typeobj::PyTypeObject,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    pyrt_objects::methods::check_positional("fromkeys", args.len(), 1, 2)
        .map_err(|e| interp.err(e))?;
    if !kwargs.is_empty() {
        return Err(interp.raise(
            &super::exceptions::TYPE_ERROR,
            "dict.fromkeys() takes no keyword arguments",
        ));
    }
    let cls = interp.type_as_object(cls);
    let d = interp.call(&cls, Vec::new(), Vec::new())?;
    let value = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| pyrt_objects::types::none(interp.heap));
    for key in interp.collect(&args[0])? {
        interp.setitem(&d, key, value.clone())?;
    }
    Ok(d)
}

/// The class and static methods of the built-in types, which take no instance.
const CLASS_METHODS: &[&str] = &["fromkeys", "from_bytes", "fromhex", "maketrans"];

/// `Type.name(*args)` for a built-in type: a class or static method (called with an instance
/// standing for the type, as the methods only read its type), else the method descriptor,
/// whose first argument is the instance (`str.upper("a")`).
fn call_on_type<'py>(
    interp: &Interp<'py>,
    ty_obj: &Obj<'py>,
    table: &'static dyn Methods,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Option<Obj<'py>>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let ty = pyrt_objects::types::type_object(ty_obj.object())
        .ok_or_else(|| err(pyrt_objects::view::bad_internal_call()))?;
    if CLASS_METHODS.contains(&name) {
        let is = |t: &'static pyrt_objects::typeobj::StaticType| core::ptr::eq(ty, t.get());
        use pyrt_objects::types as t;
        if is(&t::DICT_TYPE) {
            // `dict.fromkeys(iterable, value=None)`.
            pyrt_objects::methods::check_positional(name, args.len(), 1, 2).map_err(err)?;
            if !kwargs.is_empty() {
                return Err(interp.raise(
                    &super::exceptions::TYPE_ERROR,
                    format!("dict.{name}() takes no keyword arguments"),
                ));
            }
            let none = pyrt_objects::types::none(heap);
            let value = args.get(1).unwrap_or(&none);
            return dict::from_keys(heap, args[0].object(), value.object())
                .map(Some)
                .map_err(err);
        }
        let prototype = if is(&t::STR_TYPE) {
            unicode::new_str(heap, "").map_err(err)?
        } else if is(&t::bytearray::BYTEARRAY_TYPE) {
            t::bytearray::new_empty(heap).map_err(err)?
        } else if is(&t::BYTES_TYPE) {
            bytes::new_bytes(heap, b"").map_err(err)?
        } else if is(&t::FLOAT_TYPE) {
            float::new_float(heap, 0.0).map_err(err)?
        } else if is(&t::BOOL_TYPE) {
            long::new_bool(heap, false)
        } else {
            long::int_from_i64(heap, 0).map_err(err)?
        };
        return table
            .call(heap, prototype.object(), name, args, kwargs)
            .transpose()
            .map_err(err);
    }
    let Some((receiver, rest)) = args.split_first() else {
        return Err(interp.raise(
            &super::exceptions::TYPE_ERROR,
            format!("unbound method {}.{name}() needs an argument", ty.name()),
        ));
    };
    table
        .call(heap, receiver.object(), name, rest, kwargs)
        .transpose()
        .map_err(err)
}

/// The method table of `o`'s type (its `tp_methods`), for the built-in types that have one.
fn table_of(o: &PyObject) -> Option<&'static dyn Methods> {
    let table: &'static dyn Methods = if list::is_list(o) {
        &LIST_METHODS
    } else if pyrt_objects::types::deque::is_deque(o) {
        &pyrt_objects::types::deque::methods::DEQUE_METHODS
    } else if dict::is_dict(o) {
        &DICT_METHODS
    } else if set::is_set(o) {
        &SET_METHODS
    } else if set::is_anyset(o) {
        &FROZENSET_METHODS
    } else if unicode::is_str(o) {
        &STR_METHODS
    } else if range::is_range(o) {
        &RANGE_METHODS
    } else if float::is_float(o) {
        &FLOAT_METHODS
    } else if long::is_int(o) {
        &INT_METHODS
    } else if tuple::is_tuple(o) {
        &TUPLE_METHODS
    } else if bytes::is_bytes(o) {
        &BYTES_METHODS
    } else if pyrt_objects::types::complex::is_complex(o) {
        &COMPLEX_METHODS
    } else if let Some(table) = super::bytes_like::type_table(o.ob_type()) {
        table
    } else if pyrt_objects::types::random::is_random(o) {
        &pyrt_objects::types::random_methods::RANDOM_METHODS
    } else if pyrt_objects::types::module::is_module(o) {
        // Only `math`'s functions are bound to an object-layer module.
        &pyrt_objects::math::MATH_FUNCTIONS
    } else {
        return None;
    };
    Some(table)
}

fn is_interp_method(obj: &Obj<'_>, name: &str) -> bool {
    is_object_method(obj, name)
        || (pyrt_objects::types::genobject::is_generator(obj.object())
            && matches!(name, "send" | "throw" | "close" | "__next__"))
        || (super::stdio::is_stream(obj.object()) && super::stdio::has_method(name))
        || (super::objects::SLICE.is(obj.object()) && name == "indices")
        || super::attributes::has_descriptor_method(obj.object(), name)
        || super::slot_calls::is_base_protocol_method(obj, name)
        || super::slot_calls::is_type_protocol_method(obj, name)
        || super::slot_calls::is_instance_protocol_method(obj, name)
}

/// The methods of `object` (`object_methods` in `Objects/typeobject.c`) that an instance of
/// any type without its own reaches: `__sizeof__` and `__format__`.
const OBJECT_METHODS: &[&str] = &["__sizeof__", "__format__"];

/// Whether `obj.name` is one of [`OBJECT_METHODS`] that `obj`'s type does not define itself
/// (a class is left to `type`'s attributes).
fn is_object_method(obj: &Obj<'_>, name: &str) -> bool {
    OBJECT_METHODS.contains(&name)
        && pyrt_objects::types::type_object(obj.object()).is_none()
        && !has_method(obj, name)
}

/// `object.__sizeof__(self)` (`object___sizeof___impl`: the type's basic size, plus its item
/// size times `ob_size` for a type with items) and `object.__format__(self, spec)`
/// (`object___format___impl`: `str(self)` for an empty spec, else a `TypeError`).
fn call_object_method<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let type_error = |m: String| Err(interp.raise(&super::exceptions::TYPE_ERROR, m));
    if !kwargs.is_empty() {
        return type_error(format!("object.{name}() takes no keyword arguments"));
    }
    if name == "__sizeof__" {
        if !args.is_empty() {
            return type_error(format!(
                "object.__sizeof__() takes no arguments ({} given)",
                args.len()
            ));
        }
        let size = pyrt_objects::abstract_::sizeof(obj.object());
        return long::int_from_i64(interp.heap, i64::try_from(size).unwrap_or(i64::MAX))
            .map_err(|e| interp.err(e));
    }
    if args.len() != 1 {
        return type_error(format!(
            "object.__format__() takes exactly one argument ({} given)",
            args.len()
        ));
    }
    let Some(spec) = unicode::Str::cast(args[0].object()) else {
        return type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].ob_type().name()
        ));
    };
    if unicode::str_len(spec) > 0 {
        return type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.ob_type().name()
        ));
    }
    super::builtins::object_str(interp, obj)
}

/// A generator's `send`, `throw`, `close` and `__next__` (`gen_methods`).
fn call_generator<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let expect = |n: usize| -> R<'py, ()> {
        if args.len() == n {
            Ok(())
        } else if n == 0 {
            Err(interp.raise(
                &super::exceptions::TYPE_ERROR,
                format!(
                    "generator.{name}() takes no arguments ({} given)",
                    args.len()
                ),
            ))
        } else {
            Err(interp.raise(
                &super::exceptions::TYPE_ERROR,
                format!(
                    "generator.{name}() takes exactly one argument ({} given)",
                    args.len()
                ),
            ))
        }
    };
    match name {
        "send" => {
            expect(1)?;
            interp.gen_send_method(obj, args[0].clone())
        }
        "throw" => {
            if args.is_empty() {
                return Err(interp.raise(
                    &super::exceptions::TYPE_ERROR,
                    "throw expected at least 1 argument, got 0",
                ));
            }
            interp.gen_throw(obj, args[0].clone())
        }
        "close" => {
            expect(0)?;
            interp.gen_close_method(obj)
        }
        _ => {
            expect(0)?;
            match interp.gen_next(obj)? {
                Some(v) => Ok(v),
                None => Err(interp.stop_iteration(pyrt_objects::types::none(heap))),
            }
        }
    }
}

/// The method table of an exact `str`, `list` or `dict` (not a subclass), the receivers of
/// most method calls; `None` for any other object.
fn exact_common_table(o: &PyObject) -> Option<&'static dyn Methods> {
    use pyrt_objects::types as t;
    let ty = o.ob_type();
    if core::ptr::eq(ty, t::STR_TYPE.get()) {
        Some(&STR_METHODS)
    } else if core::ptr::eq(ty, t::LIST_TYPE.get()) {
        Some(&LIST_METHODS)
    } else if core::ptr::eq(ty, t::DICT_TYPE.get()) {
        Some(&DICT_METHODS)
    } else {
        None
    }
}

/// The method table of an object whose type is exactly one of the built-in types with a table
/// (not a subclass, nor a stream, slice or generator, which have methods of their own), with a
/// number naming the type (1 and up) that the VM's `CALL` cache keeps: for such an object,
/// `obj.name(...)` is the table's method `name` when the table has one ([`call`] does the same).
#[inline]
pub(crate) fn exact_table(o: &PyObject) -> Option<(u16, &'static dyn Methods)> {
    use pyrt_objects::types as t;
    let ty = o.ob_type();
    let is = |s: &'static pyrt_objects::typeobj::StaticType| core::ptr::eq(ty, s.get());
    let found: (u16, &'static dyn Methods) = if is(&t::STR_TYPE) {
        (1, &STR_METHODS)
    } else if is(&t::LIST_TYPE) {
        (2, &LIST_METHODS)
    } else if is(&t::DICT_TYPE) {
        (3, &DICT_METHODS)
    } else if is(&t::INT_TYPE) || is(&t::BOOL_TYPE) {
        (4, &INT_METHODS)
    } else if is(&t::FLOAT_TYPE) {
        (5, &FLOAT_METHODS)
    } else if is(&t::TUPLE_TYPE) {
        (6, &TUPLE_METHODS)
    } else if is(&t::SET_TYPE) {
        (7, &SET_METHODS)
    } else if is(&t::FROZENSET_TYPE) {
        (8, &FROZENSET_METHODS)
    } else if is(&t::BYTES_TYPE) {
        (9, &BYTES_METHODS)
    } else {
        return None;
    };
    Some(found)
}

/// Calls method `name` of a built-in object; `None` if its type has no such method.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Option<Obj<'py>>> {
    if let Some(r) = super::operator_getters::method(interp, obj, name, args, kwargs) {
        return r.map(Some);
    }
    if let Some(r) = super::lru_cache::method(interp, obj, name, args, kwargs) {
        return r.map(Some);
    }
    if name == "fromkeys"
        && let Some(cls) = dict_subclass_of(obj)
    {
        return subclass_fromkeys(interp, cls, args, kwargs).map(Some);
    }
    if type_class_method(obj, name) {
        return call_type_class_method(interp, obj, name, args, kwargs).map(Some);
    }
    if super::slot_calls::is_base_protocol_method(obj, name) {
        return interp.call_base_protocol(obj, name, args, kwargs).map(Some);
    }
    if super::slot_calls::is_type_protocol_method(obj, name) {
        return interp.call_type_protocol(obj, name, args, kwargs).map(Some);
    }
    if super::slot_calls::is_instance_protocol_method(obj, name) {
        return interp
            .call_instance_protocol(obj, name, args, kwargs)
            .map(Some);
    }
    // The common receivers first: an exact str, list or dict is no stream, slice or
    // generator, and its own table has its methods.
    if let Some(t) = exact_common_table(obj.object()) {
        let r = t.call(interp.heap, obj.object(), name, args, kwargs);
        if r.is_some() || !OBJECT_METHODS.contains(&name) {
            return r.transpose().map_err(|e| interp.err(e));
        }
    }
    if name == "__new__"
        && let Some(ty) = pyrt_objects::types::type_object(obj.object())
        && !pyrt_objects::types::class::is_heap_type(ty)
    {
        // A static type's `__new__` (`tp_new_wrapper`), bound to the type.
        return interp
            .tp_new_wrapper(ty, args.to_vec(), kwargs.to_vec())
            .map(Some);
    }
    if let Some(r) = interp.descriptor_method(obj, name, args, kwargs) {
        return r.map(Some);
    }
    if let Some(fd) = super::stdio::stream_fd(obj.object())
        && super::stdio::has_method(name)
    {
        return super::stdio::call(interp, fd, name, args).map(Some);
    }
    if super::objects::SLICE.is(obj.object()) && name == "indices" {
        return super::builtins::slice::indices(interp, obj, args).map(Some);
    }
    if is_object_method(obj, name) {
        return call_object_method(interp, obj, name, args, kwargs).map(Some);
    }
    if is_interp_method(obj, name) {
        return call_generator(interp, obj, name, args).map(Some);
    }
    if table_of(obj.object()).is_none()
        && let Some(t) = type_table(obj.object()).filter(|t| t.has(name))
    {
        return call_on_type(interp, obj, t, name, args, kwargs);
    }
    let r =
        table_of(obj.object()).and_then(|t| t.call(interp.heap, obj.object(), name, args, kwargs));
    r.transpose().map_err(|e| interp.err(e))
}

/// How `d.keys()`, `d.values()` and `d.items()` of [`DICT_METHODS`] make their views, whose
/// types are the interpreter's (it iterates them): registered by [`super::Session::new`].
pub(crate) fn new_dict_view<'h>(
    heap: &'h pyrt_objects::Heap,
    d: Obj<'h>,
    kind: dict::methods::ViewKind,
) -> pyrt_objects::PyResult<Obj<'h>> {
    let kind = match kind {
        dict::methods::ViewKind::Keys => &DICT_KEYS,
        dict::methods::ViewKind::Values => &DICT_VALUES,
        dict::methods::ViewKind::Items => &DICT_ITEMS,
    };
    kind.alloc(heap, &[Some(d)], &[])
}
