//! `functools.partial` (`Modules/_functoolsmodule.c`): a callable that holds a function and
//! the first positional and keyword arguments of its calls.
//!
//! `partialobject` is six words after the header — `fn`, `args`, `kw`, `dict`,
//! `weakreflist`, `vectorcall` — so its basic size is 64 and, with the GC header,
//! `sys.getsizeof(partial(f))` is 80, as in CPython 3.12. The words are an interpreter
//! [`Kind`] (four references, two numbers). The built-in module `_functools` exposes the
//! type; the shipped `functools.py` imports it from there, as CPython's does. A partial of a
//! partial is flattened (`partial_new`); a call puts the stored arguments first and merges the
//! stored keywords under the call's (`partial_call`).
//!
//! Not yet as CPython: the type cannot be subclassed, and it has no `__reduce__`/
//! `__setstate__` (the shipped `copy` copies a partial from its three attributes).

use core::ptr::NonNull;

use pyrt_objects::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, dict, none, tuple, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr, PyObject, PyResult};

use super::exceptions;
use super::kind_dict::KindDict;
use super::objects::{Kind, clear, dealloc, traverse};
use super::{Interp, R};

/// The function word.
const FUNC: usize = 0;
/// The positional arguments (a tuple).
const ARGS: usize = 1;
/// The keyword arguments (a dict).
const KEYWORDS: usize = 2;

/// `func`, `args`, `keywords`: read-only members (`partial_memberlist`).
static PARTIAL_MEMBERS: [Member; 3] = [
    Member {
        name: "func",
        get: |h, o| word(h, o, FUNC),
    },
    Member {
        name: "args",
        get: |h, o| word(h, o, ARGS),
    },
    Member {
        name: "keywords",
        get: |h, o| word(h, o, KEYWORDS),
    },
];

static PARTIAL_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: partial_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &PARTIAL_MEMBERS,
    getattr: Some(getattr),
    setattr: Some(setattr),
};

/// `functools.partial`: `sizeof(partialobject)` is 64.
pub(crate) static PARTIAL_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "functools.partial",
        basicsize: 64,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &PARTIAL_SLOTS,
    },
)
.with_weaklist_offset(WEAKLIST_OFFSET);

/// `offsetof(partialobject, weakreflist)`: the first number word, after the header and the
/// four references.
const WEAKLIST_OFFSET: usize = 16 + 8 * 4;

/// Partial objects: `fn`, `args`, `kw`, `dict`; then `weakreflist` and `vectorcall`.
pub(crate) static PARTIAL: Kind = Kind::new(&PARTIAL_TYPE, 4, 2);

/// Reference word `i` of partial `o`.
fn word<'h>(heap: &'h Heap, o: &PyObject, i: usize) -> PyResult<Obj<'h>> {
    let p = PARTIAL
        .cast(o)
        .ok_or_else(pyrt_objects::view::bad_internal_call)?;
    Ok(p.get_ref(heap, i).unwrap_or_else(|| none(heap)))
}

/// The dict word.
const DICT: usize = 3;

/// Partial objects' instance dict (the `dict` word).
static PARTIAL_DICT: KindDict = KindDict {
    kind: &PARTIAL,
    word: DICT,
};

/// `tp_getattro` (`PyObject_GenericGetAttr`): the members, `__dict__`, then the dict's
/// entries.
fn getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if let Some(member) = o.ob_type().find_member(name) {
        return (member.get)(heap, o);
    }
    if name == "__dict__" {
        return PARTIAL_DICT.get_or_make(heap, o);
    }
    PARTIAL_DICT.lookup(heap, o, name)
}

/// `tp_setattro` (`PyObject_GenericSetAttr`): the members are read-only; `__dict__` takes a
/// dict; other names go to the instance dict.
fn setattr(heap: &Heap, o: &PyObject, name: &str, value: Option<&PyObject>) -> PyResult<()> {
    if PARTIAL_MEMBERS.iter().any(|m| m.name == name) {
        return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"));
    }
    PARTIAL_DICT.set(heap, o, name, value)
}

/// A partial's stored arguments: the positional ones, and the keyword (name, value) pairs.
type Stored<'h> = (Vec<Obj<'h>>, Vec<(Obj<'h>, Obj<'h>)>);

/// The stored positional and keyword arguments of partial `o`.
fn stored<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Stored<'h>> {
    let args = word(heap, o, ARGS)?;
    let args = tuple::Tuple::cast(args.object())
        .map(|t| {
            tuple::items(t)
                .iter()
                // SAFETY: the tuple holds a reference to each item.
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect()
        })
        .unwrap_or_default();
    let kw = word(heap, o, KEYWORDS)?;
    let kw = match dict::Dict::cast(kw.object()) {
        Some(d) => dict::items(heap, d)?,
        None => Vec::new(),
    };
    Ok((args, kw))
}

/// `partial_repr`: `functools.partial(<func>, arg, ..., key=value, ...)`; a partial met again
/// inside its own repr is `...`.
fn partial_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok("...".into());
    }
    let result = (|| {
        let func = word(heap, o, FUNC)?;
        let mut out = format!(
            "functools.partial({}",
            pyrt_objects::abstract_::repr(heap, func.object())?
        );
        let (args, kw) = stored(heap, o)?;
        for a in &args {
            out.push_str(", ");
            out.push_str(&pyrt_objects::abstract_::repr(heap, a.object())?);
        }
        for (k, v) in &kw {
            out.push_str(", ");
            out.push_str(&pyrt_objects::abstract_::str(heap, k.object())?);
            out.push('=');
            out.push_str(&pyrt_objects::abstract_::repr(heap, v.object())?);
        }
        out.push(')');
        Ok(out)
    })();
    heap.repr_leave(me);
    result
}

/// `partial(func, /, *args, **keywords)` (`partial_new`).
pub(crate) fn new<'py>(
    interp: &Interp<'py>,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let mut args = args.into_iter();
    let Some(mut func) = args.next() else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "type 'partial' takes at least one argument",
        ));
    };
    if !super::builtins::is_callable(interp, &func) {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "the first argument must be callable",
        ));
    }
    let mut all_args = Vec::new();
    let mut keywords: Vec<(Obj<'py>, Obj<'py>)> = Vec::new();
    // A partial of a plain partial is flattened into one.
    if let Some(inner) = PARTIAL.cast(func.object())
        && inner.get_ref(heap, DICT).is_none()
    {
        let (a, k) = stored(heap, func.object()).map_err(err)?;
        all_args = a;
        keywords = k;
        func = inner
            .get_ref(heap, FUNC)
            .ok_or_else(|| err(pyrt_objects::view::bad_internal_call()))?;
    }
    all_args.extend(args);
    let kw = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&kw)?;
    for (k, v) in keywords {
        dict::set_item(heap, view, k, v).map_err(err)?;
    }
    for (k, v) in kwargs {
        let k = unicode::new_str(heap, &k).map_err(err)?;
        dict::set_item(heap, view, k, v).map_err(err)?;
    }
    let args = tuple::new_tuple(heap, all_args).map_err(err)?;
    PARTIAL
        .alloc(heap, &[Some(func), Some(args), Some(kw), None], &[0, 0])
        .map_err(err)
}

/// `partial(*args, **kwargs)` (`partial_call`): the stored arguments first, then the call's;
/// the call's keywords win over the stored ones.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    p: &Obj<'py>,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let func = word(heap, p.object(), FUNC).map_err(err)?;
    let (mut all_args, stored_kw) = stored(heap, p.object()).map_err(err)?;
    all_args.extend(args);
    let mut all_kwargs: Vec<(String, Obj<'py>)> = stored_kw
        .into_iter()
        .map(|(k, v)| {
            let k = unicode::Str::cast(k.object()).map_or_else(String::new, unicode::str_value);
            (k, v)
        })
        .collect();
    for (k, v) in kwargs {
        match all_kwargs.iter_mut().find(|(name, _)| *name == k) {
            Some(slot) => slot.1 = v,
            None => all_kwargs.push((k, v)),
        }
    }
    interp.call(&func, all_args, all_kwargs)
}

/// The attributes of the built-in module `_functools`: the type.
pub(crate) fn module_attributes<'py>(interp: &Interp<'py>) -> Vec<(&'static str, Obj<'py>)> {
    let ty = &PARTIAL_TYPE.get().ob_base.ob_base;
    // SAFETY: a static type object is immortal.
    let ty = unsafe { Obj::from_borrowed(interp.heap, ty) };
    vec![("partial", ty)]
}
