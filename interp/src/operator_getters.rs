//! `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`
//! (`Modules/_operator.c`): callables that fetch items, (dotted) attributes, or call a
//! method of their one argument.
//!
//! The layouts are CPython 3.12's, as interpreter [`Kind`]s: `itemgetterobject` is
//! `nitems`, `item`, `index`, `vectorcall` (basic size 48, `sys.getsizeof` 64 with the GC
//! header); `attrgetterobject` `nattrs`, `attr`, `vectorcall` (40, 56); `methodcallerobject`
//! `name`, `args`, `kwds` (40, 56). The reference words come first in a `Kind`, the numbers
//! after. `attrgetter` keeps the names as given (CPython keeps them split into tuples of
//! interned parts and joins them again for its repr); a call splits a dotted name.
//!
//! `__reduce__` gives CPython's answers (a `methodcaller` with keywords reduces to a
//! `functools.partial` of the type). Not yet as CPython: the types cannot be subclassed.

use core::ptr::NonNull;

use pyrt_objects::abstract_;
use pyrt_objects::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, dict, long, tuple, unicode};
use pyrt_objects::{Heap, Obj, PyObject, PyResult};

use super::exceptions;
use super::objects::{Kind, clear, dealloc, traverse};
use super::{Interp, R};

const fn slots(repr: fn(&Heap, &PyObject) -> PyResult<String>) -> Slots {
    Slots {
        dealloc,
        sizeof: None,
        repr,
        str: None,
        hash: Some(pyrt_objects::types::identity_hash),
        richcompare: None,
        number: None,
        sequence: None,
        traverse: Some(traverse),
        clear: Some(clear),
        members: &[],
        getattr: Some(getattr),
        setattr: None,
    }
}

static ITEMGETTER_SLOTS: Slots = slots(itemgetter_repr);
static ATTRGETTER_SLOTS: Slots = slots(attrgetter_repr);
static METHODCALLER_SLOTS: Slots = slots(methodcaller_repr);

const fn spec(name: &'static str, basicsize: usize, slots: &'static Slots) -> TypeSpec {
    TypeSpec {
        name,
        basicsize,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots,
    }
}

/// `operator.itemgetter`.
pub(crate) static ITEMGETTER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    spec("operator.itemgetter", 48, &ITEMGETTER_SLOTS),
);
/// `operator.attrgetter`.
pub(crate) static ATTRGETTER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    spec("operator.attrgetter", 40, &ATTRGETTER_SLOTS),
);
/// `operator.methodcaller`.
pub(crate) static METHODCALLER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    spec("operator.methodcaller", 40, &METHODCALLER_SLOTS),
);

/// Item getters: the item (one, or the tuple of several); `nitems`, `index` (the item as a
/// non-negative index, or -1) and `vectorcall`.
pub(crate) static ITEMGETTER: Kind = Kind::new(&ITEMGETTER_TYPE, 1, 3);
/// Attribute getters: the tuple of names; `nattrs` and `vectorcall`.
pub(crate) static ATTRGETTER: Kind = Kind::new(&ATTRGETTER_TYPE, 1, 2);
/// Method callers: the name, the positional arguments (a tuple), the keywords (a dict).
pub(crate) static METHODCALLER: Kind = Kind::new(&METHODCALLER_TYPE, 3, 0);

/// The kinds of this module, for the interpreter's dealloc and traverse.
pub(crate) static KINDS: [&Kind; 3] = [&ITEMGETTER, &ATTRGETTER, &METHODCALLER];

/// The items of tuple `t` as new references (none if `t` is not a tuple).
fn tuple_items<'h>(heap: &'h Heap, t: &PyObject) -> Vec<Obj<'h>> {
    tuple::Tuple::cast(t).map_or_else(Vec::new, |t| {
        tuple::items(t)
            .iter()
            // SAFETY: the tuple holds a reference to each item.
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
            .collect()
    })
}

/// `repr` of a getter: `operator.NAME(` the parts `)`, `...` when met again inside itself
/// (`Py_ReprEnter`).
fn repr_with(
    heap: &Heap,
    o: &PyObject,
    parts: impl FnOnce() -> PyResult<Vec<String>>,
) -> PyResult<String> {
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok(format!("{}(...)", o.ob_type().name()));
    }
    let result = parts().map(|p| format!("{}({})", o.ob_type().name(), p.join(", ")));
    heap.repr_leave(me);
    result
}

fn reprs(heap: &Heap, items: &[Obj<'_>]) -> PyResult<Vec<String>> {
    items
        .iter()
        .map(|i| abstract_::repr(heap, i.object()))
        .collect()
}

fn itemgetter_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let g = ITEMGETTER
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let item = g
        .get_ref(heap, 0)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    repr_with(heap, o, || {
        if g.get_num(0) == 1 {
            Ok(vec![abstract_::repr(heap, item.object())?])
        } else {
            reprs(heap, &tuple_items(heap, item.object()))
        }
    })
}

fn attrgetter_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let g = ATTRGETTER
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let names = g
        .get_ref(heap, 0)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    repr_with(heap, o, || reprs(heap, &tuple_items(heap, names.object())))
}

fn methodcaller_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let m = METHODCALLER
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    let word = |i| {
        m.get_ref(heap, i)
            .ok_or_else(pyrt_objects::view::bad_internal_call)
    };
    let (name, args, kwds) = (word(0)?, word(1)?, word(2)?);
    repr_with(heap, o, || {
        let mut parts = vec![abstract_::repr(heap, name.object())?];
        parts.extend(reprs(heap, &tuple_items(heap, args.object()))?);
        if let Some(d) = dict::Dict::cast(kwds.object()) {
            for (k, v) in dict::items(heap, d)? {
                parts.push(format!(
                    "{}={}",
                    abstract_::str(heap, k.object())?,
                    abstract_::repr(heap, v.object())?
                ));
            }
        }
        Ok(parts)
    })
}

/// `tp_getattro`: `__reduce__`, a built-in method bound to the getter; nothing else.
fn getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if name == "__reduce__" {
        let n = unicode::new_str(heap, name)?;
        // SAFETY: the caller holds `o`, a live object of this heap.
        let me = unsafe { Obj::from_borrowed(heap, o) };
        return super::objects::BUILTIN.alloc(
            heap,
            &[Some(n), Some(me)],
            &[super::builtins::method_index()],
        );
    }
    Err(pyrt_objects::PyErr::new(
        pyrt_objects::ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", o.ob_type().name()),
    ))
}

/// Method `name` of getter `obj` (`None` if `obj` is no getter or has no such method):
/// `__reduce__` (`itemgetter_reduce`, `attrgetter_reduce`, `methodcaller_reduce`).
pub(crate) fn method<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let o = obj.object();
    if name != "__reduce__" || !KINDS.iter().any(|k| k.is(o)) {
        return None;
    }
    let heap = interp.heap;
    let err = |e| interp.err(e);
    Some((|| {
        pyrt_objects::methods::bind(
            o.ob_type().name().trim_start_matches("operator."),
            name,
            pyrt_objects::methods::Params::NoArgs,
            args,
            kwargs,
        )
        .map_err(err)?;
        let ty = &o.ob_type().ob_base.ob_base;
        // SAFETY: an object's type lives as long as the object.
        let ty = unsafe { Obj::from_borrowed(heap, ty) };
        let missing = || err(pyrt_objects::view::bad_internal_call());
        let (callable, cargs) = if let Some(g) = ITEMGETTER.cast(o) {
            let item = g.get_ref(heap, 0).ok_or_else(missing)?;
            let items = if g.get_num(0) == 1 {
                tuple::new_tuple(heap, vec![item]).map_err(err)?
            } else {
                item
            };
            (ty, items)
        } else if let Some(g) = ATTRGETTER.cast(o) {
            (ty, g.get_ref(heap, 0).ok_or_else(missing)?)
        } else {
            let m = METHODCALLER.cast(o).ok_or_else(missing)?;
            let word = |i| m.get_ref(heap, i).ok_or_else(missing);
            let (mname, margs, kwds) = (word(0)?, word(1)?, word(2)?);
            let kw = match dict::Dict::cast(kwds.object()) {
                Some(d) => dict::items(heap, d).map_err(err)?,
                None => Vec::new(),
            };
            if kw.is_empty() {
                let mut all = vec![mname];
                all.extend(tuple_items(heap, margs.object()));
                (ty, tuple::new_tuple(heap, all).map_err(err)?)
            } else {
                // `partial(type(self), name, **kwds)` called with the positional arguments.
                let kw = kw
                    .into_iter()
                    .map(|(k, v)| {
                        let k = unicode::Str::cast(k.object())
                            .map_or_else(String::new, unicode::str_value);
                        (k, v)
                    })
                    .collect();
                let p = super::partial::new(interp, vec![ty, mname], kw)?;
                (p, margs)
            }
        };
        tuple::new_tuple(heap, vec![callable, cargs]).map_err(err)
    })())
}

/// A `TypeError` with CPython's words.
fn type_error<'py>(interp: &Interp<'py>, message: impl Into<String>) -> super::Unwind<'py> {
    interp.raise(&exceptions::TYPE_ERROR, message)
}

/// `itemgetter(*items)`, `attrgetter(*names)` or `methodcaller(name, /, *args, **kwargs)`
/// when `ty` is one of the three types (`None` otherwise).
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    ty: &pyrt_objects::typeobj::PyTypeObject,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let is = |t: &'static StaticType| core::ptr::eq(ty, t.get());
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let getter = if is(&ITEMGETTER_TYPE) {
        "itemgetter"
    } else if is(&ATTRGETTER_TYPE) {
        "attrgetter"
    } else if is(&METHODCALLER_TYPE) {
        return Some(new_methodcaller(interp, args, kwargs));
    } else {
        return None;
    };
    Some((|| {
        if !kwargs.is_empty() {
            return Err(type_error(
                interp,
                format!("{getter}() takes no keyword arguments"),
            ));
        }
        if args.is_empty() {
            return Err(type_error(
                interp,
                format!("{getter} expected 1 argument, got 0"),
            ));
        }
        let n = args.len();
        if getter == "itemgetter" {
            let item = if n == 1 {
                args[0].clone()
            } else {
                tuple::new_tuple(heap, args.to_vec()).map_err(err)?
            };
            // `index`: a single exact non-negative int that fits, for the fast path.
            let index = long::Int::cast(item.object())
                .filter(|_| {
                    n == 1 && core::ptr::eq(item.ob_type(), pyrt_objects::types::INT_TYPE.get())
                })
                .and_then(long::as_i64)
                .and_then(|i| usize::try_from(i).ok())
                .unwrap_or(usize::MAX);
            return ITEMGETTER
                .alloc(heap, &[Some(item)], &[n, index, 0])
                .map_err(err);
        }
        if args.iter().any(|a| !unicode::is_str(a.object())) {
            return Err(type_error(interp, "attribute name must be a string"));
        }
        let names = tuple::new_tuple(heap, args.to_vec()).map_err(err)?;
        ATTRGETTER.alloc(heap, &[Some(names)], &[n, 0]).map_err(err)
    })())
}

/// `methodcaller(name, /, *args, **kwargs)` (`methodcaller_new`).
fn new_methodcaller<'py>(
    interp: &Interp<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let Some(name) = args.first() else {
        return Err(type_error(
            interp,
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if !unicode::is_str(name.object()) {
        return Err(type_error(interp, "method name must be a string"));
    }
    let name = unicode::intern(heap, name.clone()).map_err(err)?;
    let rest = tuple::new_tuple(heap, args[1..].to_vec()).map_err(err)?;
    let kwds = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&kwds)?;
    for (k, v) in kwargs {
        let k = unicode::new_str(heap, k).map_err(err)?;
        dict::set_item(heap, view, k, v.clone()).map_err(err)?;
    }
    METHODCALLER
        .alloc(heap, &[Some(name), Some(rest), Some(kwds)], &[])
        .map_err(err)
}

/// Calls getter `f` when it is one of the three kinds (`None` otherwise): each takes exactly
/// one positional argument.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    f: &Obj<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let o = f.object();
    let name = if ITEMGETTER.is(o) {
        "itemgetter"
    } else if ATTRGETTER.is(o) {
        "attrgetter"
    } else if METHODCALLER.is(o) {
        "methodcaller"
    } else {
        return None;
    };
    Some((|| {
        if !kwargs.is_empty() {
            return Err(type_error(
                interp,
                format!("{name}() takes no keyword arguments"),
            ));
        }
        let [obj] = args else {
            return Err(type_error(
                interp,
                format!("{name} expected 1 argument, got {}", args.len()),
            ));
        };
        let heap = interp.heap;
        let err = |e| interp.err(e);
        let missing = || err(pyrt_objects::view::bad_internal_call());
        if let Some(g) = ITEMGETTER.cast(o) {
            let item = g.get_ref(heap, 0).ok_or_else(missing)?;
            if g.get_num(0) == 1 {
                return interp.getitem(obj, &item);
            }
            let mut out = Vec::new();
            for i in tuple_items(heap, item.object()) {
                out.push(interp.getitem(obj, &i)?);
            }
            return tuple::new_tuple(heap, out).map_err(err);
        }
        if let Some(g) = ATTRGETTER.cast(o) {
            let names = g.get_ref(heap, 0).ok_or_else(missing)?;
            let mut out = Vec::new();
            for n in tuple_items(heap, names.object()) {
                let n = unicode::Str::cast(n.object()).map_or_else(String::new, unicode::str_value);
                let mut value = obj.clone();
                for part in n.split('.') {
                    value = interp.getattr(&value, part)?;
                }
                out.push(value);
            }
            if g.get_num(0) == 1 {
                return out.pop().ok_or_else(missing);
            }
            return tuple::new_tuple(heap, out).map_err(err);
        }
        let m = METHODCALLER.cast(o).ok_or_else(missing)?;
        let word = |i| m.get_ref(heap, i).ok_or_else(missing);
        let (method, margs, kwds) = (word(0)?, word(1)?, word(2)?);
        let method =
            unicode::Str::cast(method.object()).map_or_else(String::new, unicode::str_value);
        let callee = interp.getattr(obj, &method)?;
        let kw = match dict::Dict::cast(kwds.object()) {
            Some(d) => dict::items(heap, d)
                .map_err(err)?
                .into_iter()
                .map(|(k, v)| {
                    let k =
                        unicode::Str::cast(k.object()).map_or_else(String::new, unicode::str_value);
                    (k, v)
                })
                .collect(),
            None => Vec::new(),
        };
        interp.call(&callee, tuple_items(heap, margs.object()), kw)
    })())
}

/// The attributes `_operator` adds to its module: the three types.
pub(crate) fn module_attributes<'py>(interp: &Interp<'py>) -> Vec<(&'static str, Obj<'py>)> {
    [
        ("itemgetter", &ITEMGETTER_TYPE),
        ("attrgetter", &ATTRGETTER_TYPE),
        ("methodcaller", &METHODCALLER_TYPE),
    ]
    .into_iter()
    .map(|(name, t)| {
        let ty = &t.get().ob_base.ob_base;
        // SAFETY: a static type object is immortal.
        (name, unsafe { Obj::from_borrowed(interp.heap, ty) })
    })
    .collect()
}
