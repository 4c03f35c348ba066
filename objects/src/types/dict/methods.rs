//! The methods of `dict` (`mapp_methods` in `Objects/dictobject.c`, with the argument handling
//! of `Objects/clinic/dictobject.c.h`): declared once here, called by the interpreter for
//! `d.get(k)` and bound methods alike; `dict(...)` is [`dict_vectorcall`]. The Rust API calls
//! the same functions ([`update_common`], [`popitem`], [`pop`](super::pop), ...).
//!
//! `keys()`, `values()` and `items()` make view objects whose types belong to the runtime (the
//! interpreter iterates them): the runtime registers the function that makes them once, with
//! [`register_views`], and the table's entries call it. Without one (a heap driven from Rust
//! alone) they raise `SystemError`.
//!
//! The dunder methods (`__contains__`, `__getitem__`, `__sizeof__`, `__reversed__`) are not in
//! the table: pyrt's scripts reach them through `in`, `d[k]`, `sys.getsizeof` and `reversed`.

use std::sync::OnceLock;

use super::keys::{DKIX_DUMMY, Entry, probe_sequence};
use super::{Dict, dict_len, keys, resize, set_item, set_used, values};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, check_positional, keyword_name};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::{none, tuple};
use crate::view::View;

/// `dict`'s methods.
pub static DICT_METHODS: MethodTable<Dict> = MethodTable {
    type_name: "dict",
    methods: &[
        MethodDef {
            name: "get",
            params: Params::Positional { min: 1, max: 2 },
            call: get,
        },
        MethodDef {
            name: "setdefault",
            params: Params::Positional { min: 1, max: 2 },
            call: setdefault,
        },
        MethodDef {
            name: "pop",
            params: Params::Positional { min: 1, max: 2 },
            call: pop,
        },
        MethodDef {
            name: "popitem",
            params: Params::NoArgs,
            call: popitem_method,
        },
        MethodDef {
            name: "keys",
            params: Params::NoArgs,
            call: keys_method,
        },
        MethodDef {
            name: "items",
            params: Params::NoArgs,
            call: items_method,
        },
        MethodDef {
            name: "values",
            params: Params::NoArgs,
            call: values_method,
        },
        MethodDef {
            name: "update",
            params: Params::KeywordsDict { max: 1 },
            call: update,
        },
        MethodDef {
            name: "fromkeys",
            params: Params::Positional { min: 1, max: 2 },
            call: fromkeys,
        },
        MethodDef {
            name: "clear",
            params: Params::NoArgs,
            call: clear,
        },
        MethodDef {
            name: "copy",
            params: Params::NoArgs,
            call: copy,
        },
        MethodDef {
            name: "__reversed__",
            params: Params::NoArgs,
            call: reversed,
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: sizeof,
        },
    ],
};

/// An optional argument, `None` when not given.
fn or_none<'h>(heap: &'h Heap, args: Bound<'_, 'h>, i: usize) -> Obj<'h> {
    args.get(i).cloned().flatten().unwrap_or_else(|| none(heap))
}

/// `dict.get(key, default=None, /)`.
fn get<'h>(heap: &'h Heap, d: &Dict, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let found = super::get_item(heap, d, arg(args, 0)?.object())?;
    Ok(found.unwrap_or_else(|| or_none(heap, args, 1)))
}

/// `dict.setdefault(key, default=None, /)` (`PyDict_SetDefault`).
fn setdefault<'h>(heap: &'h Heap, d: &Dict, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let key = arg(args, 0)?;
    if let Some(v) = super::get_item(heap, d, key.object())? {
        return Ok(v);
    }
    let v = or_none(heap, args, 1);
    set_item(heap, d, key.clone(), v.clone())?;
    Ok(v)
}

/// `dict.pop(key, default=<unrepresentable>, /)` (`_PyDict_Pop`): an empty dict answers
/// without hashing the key, as CPython's does.
fn pop<'h>(heap: &'h Heap, d: &Dict, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let key = arg(args, 0)?.object();
    let found = if dict_len(d) == 0 {
        None
    } else {
        super::pop(heap, d, key)?
    };
    match (found, &args[1]) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        // SAFETY: the arguments hold the key; the error keeps its own reference.
        (None, None) => Err(crate::types::exceptions::key_error(heap, unsafe {
            Obj::from_borrowed(heap, key)
        })),
    }
}

fn popitem_method<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let (k, v) = popitem(heap, d)?;
    tuple::new_tuple(heap, vec![k, v])
}

/// `d.popitem()` (`dict_popitem_impl`): the last entry in insertion order goes, without
/// copying the others. A split table first becomes a combined one of its size; the entry's
/// slot becomes a dummy and `dk_nentries` drops to the entry's index, so the next insert
/// reuses it (`dk_usable` stays, as in CPython: the dummy still takes a slot).
///
/// # Errors
/// `KeyError: 'popitem(): dictionary is empty'`, or `MemoryError` making a split table
/// combined.
pub fn popitem<'h>(heap: &'h Heap, d: &Dict) -> PyResult<(Obj<'h>, Obj<'h>)> {
    if dict_len(d) == 0 {
        return Err(PyErr::new(
            ExcKind::KeyError,
            "'popitem(): dictionary is empty'",
        ));
    }
    super::notify_modified(heap, d);
    if values(d).is_some() {
        let log2 = keys(d).size().trailing_zeros() as u8;
        resize(heap, d, log2, true)?;
    }
    let k = keys(d);
    let ix = (0..k.nentries())
        .rev()
        .find(|&ix| k.raw_entry(ix).1.is_some())
        .expect("a non-empty dict has a live entry");
    let e = k.entry(heap, ix);
    let slot = probe_sequence(k, e.hash)
        .find(|&i| k.get_index(i) == ix as isize)
        .expect("a live entry has a slot");
    k.set_index(slot, DKIX_DUMMY);
    k.set_entry(
        ix,
        Entry {
            hash: 0,
            key: None,
            value: None,
        },
    );
    k.set_nentries(ix);
    set_used(d, dict_len(d) - 1);
    let (key, value) = (e.key.expect("a live key"), e.value.expect("a live value"));
    // SAFETY: the entry's references were the table's; they go to the caller.
    Ok(unsafe { (Obj::from_owned(heap, key), Obj::from_owned(heap, value)) })
}

/// `dict.update([other], **kwds)`.
fn update<'h>(heap: &'h Heap, d: &Dict, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let kwds = match &args[1] {
        Some(k) => Some(Dict::cast_internal(k.object())?),
        None => None,
    };
    update_common(heap, d, args[0].as_ref().map(Obj::object), kwds)?;
    Ok(none(heap))
}

/// `dict_update_common` after its argument check (`d.update(arg, **kwds)`): `arg` merged by
/// [`update_arg`](super::update_arg), then the keywords' dict merged.
///
/// # Errors
/// As [`update_arg`](super::update_arg), and what hashing and comparing keys raise.
pub fn update_common(
    heap: &Heap,
    d: &Dict,
    arg: Option<&PyObject>,
    kwds: Option<&Dict>,
) -> PyResult<()> {
    if let Some(arg) = arg {
        super::update_arg(heap, d, arg)?;
    }
    match kwds {
        Some(kwds) => super::merge(heap, d, kwds),
        None => Ok(()),
    }
}

/// `dict(*args, **kwargs)` (`dict_vectorcall`): at most one positional argument, merged by
/// [`update_arg`](super::update_arg), then the keywords stored in order.
///
/// # Errors
/// `TypeError: dict expected at most 1 argument, got 2`, or as
/// [`update_arg`](super::update_arg).
pub fn dict_vectorcall<'h>(
    heap: &'h Heap,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    check_positional("dict", args.len(), 0, 1)?;
    let d = super::new_dict_from_type(heap)?;
    let view = Dict::cast_internal(d.object())?;
    if let Some(arg) = args.first() {
        super::update_arg(heap, view, arg.object())?;
    }
    for (k, v) in kwargs {
        set_item(heap, view, keyword_name(heap, k)?, v.clone())?;
    }
    Ok(d)
}

/// `dict.fromkeys(iterable, value=None, /)`, called on an instance (pyrt's type objects have
/// no attributes of their own: `dict.fromkeys(...)` is not reachable from a script).
fn fromkeys<'h>(heap: &'h Heap, _: &Dict, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let value = or_none(heap, args, 1);
    super::from_keys(heap, arg(args, 0)?.object(), value.object())
}

fn copy<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    super::copy_object(heap, d)
}

fn keys_method<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_view(heap, d, ViewKind::Keys)
}

fn values_method<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_view(heap, d, ViewKind::Values)
}

fn items_method<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_view(heap, d, ViewKind::Items)
}

fn clear<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    super::clear(heap, d);
    Ok(none(heap))
}

/// Which view of a dict (`dict_keys`, `dict_values`, `dict_items`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// `d.keys()`.
    Keys,
    /// `d.values()`.
    Values,
    /// `d.items()`.
    Items,
}

/// Makes a view of the dict given: a new reference to a view object of the runtime's type.
pub type NewView = for<'h> fn(&'h Heap, Obj<'h>, ViewKind) -> PyResult<Obj<'h>>;

static NEW_VIEW: OnceLock<NewView> = OnceLock::new();

/// Registers how the runtime makes dict views. The first registration wins: every runtime of
/// the process makes them the same way.
pub fn register_views(new_view: NewView) {
    let _ = NEW_VIEW.set(new_view);
}

/// `d.keys()`, `d.values()`, `d.items()` through the registered constructor.
///
/// # Errors
/// What the constructor raises (`MemoryError`); `SystemError` when none is registered.
pub fn new_view<'h>(heap: &'h Heap, d: &Dict, kind: ViewKind) -> PyResult<Obj<'h>> {
    let Some(new_view) = NEW_VIEW.get() else {
        return Err(PyErr::new(
            ExcKind::SystemError,
            "dict views need a runtime (none registered)",
        ));
    };
    // SAFETY: `d` is a live dict of this heap; the view takes the new reference.
    let d = unsafe { Obj::from_borrowed(heap, d.as_object()) };
    new_view(heap, d, kind)
}

/// `dict___reversed__`: a reverse iterator over the keys.
fn reversed<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    use crate::types::iter::dict as di;
    // SAFETY: `d` is a live dict of this heap.
    let d = unsafe { Obj::from_borrowed(heap, d.as_object()) };
    di::dict_iter(heap, &d, di::DictIterKind::Keys, true)
}

/// `dict___sizeof__`: the header, and the keys and values tables the dict owns.
fn sizeof<'h>(heap: &'h Heap, d: &Dict, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::long::int_from_i128(heap, crate::abstract_::sizeof(d.as_object()) as i128)
}

#[cfg(test)]
mod tests {
    use super::DICT_METHODS;
    use crate::Heap;
    use crate::types::dict::{Dict, dict_len, new_dict};
    use crate::types::long::int_from_i64;

    /// `popitem` takes the last entry and leaves its place for the next insert, as CPython's
    /// does (`d = {1: 1, 2: 2}; d.popitem(); d[3] = 3` keeps 8 slots and 2 entries).
    #[test]
    fn popitem_takes_the_last_entry() {
        let heap = Heap::new();
        let d = new_dict(&heap).unwrap();
        let view = Dict::cast(d.object()).unwrap();
        let int = |i| int_from_i64(&heap, i).unwrap();
        for i in 1..=2 {
            super::set_item(&heap, view, int(i), int(i * 10)).unwrap();
        }
        let call = |name: &str, args: &[crate::Obj<'_>]| {
            DICT_METHODS
                .call(&heap, d.object(), name, args, &[])
                .unwrap()
                .map(|o| crate::abstract_::repr(&heap, o.object()).unwrap())
        };
        assert_eq!(call("popitem", &[]).unwrap(), "(2, 20)");
        assert_eq!(super::keys(view).nentries(), 1);
        super::set_item(&heap, view, int(3), int(30)).unwrap();
        assert_eq!(super::keys(view).nentries(), 2);
        assert_eq!(call("popitem", &[]).unwrap(), "(3, 30)");
        assert_eq!(call("popitem", &[]).unwrap(), "(1, 10)");
        assert_eq!(dict_len(view), 0);
        assert_eq!(
            call("popitem", &[]).unwrap_err().to_string(),
            "KeyError: 'popitem(): dictionary is empty'"
        );
        assert_eq!(
            call("get", &[]).unwrap_err().to_string(),
            "TypeError: get expected at least 1 argument, got 0"
        );
    }
}
