//! `functools._lru_cache_wrapper` (`Modules/_functoolsmodule.c`'s `lru_cache_object`): the
//! callable `functools.lru_cache` returns, with its cache dict, hit and miss counts, and for
//! a bounded cache the doubly linked list of `_lru_list_elem` nodes in recency order.
//!
//! The layout is CPython 3.12's, as interpreter [`Kind`]s: the wrapper is the list's root
//! node (`prev`, `next`, `hash`, `key`, `result`) then `wrapper`, `typed`, `cache`, `hits`,
//! `func`, `maxsize`, `misses`, `kwd_mark`, `lru_list_elem_type`, `cache_info_type`, `dict`,
//! `weakreflist`: 17 words, basic size 152, `sys.getsizeof` 168 with the GC header. A node
//! (`_lru_list_elem`, not a GC type) is `prev`, `next`, `hash`, `key`, `result`: 56 bytes.
//! The reference words come first in a `Kind`, the numbers after; `prev` and `next` are the
//! addresses of nodes the cache dict owns (or of the wrapper, the root), as CPython's
//! borrowed pointers are.
//!
//! The three call paths are CPython's: `uncached_lru_cache_wrapper` (`maxsize=0`),
//! `infinite_lru_cache_wrapper` (`maxsize=None`) and `bounded_lru_cache_wrapper`, which
//! moves a hit to the most recent end and, when full, reuses the oldest node for the new
//! entry. Keys are `lru_cache_make_key`'s: one exact `int` or `str` argument is its own key,
//! positional arguments alone are their tuple, keywords follow a `kwd_mark`, and `typed`
//! appends the arguments' types.

use core::cell::Cell;

use pyrt_objects::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{INT_TYPE, OBJECT_TYPE, STR_TYPE, TYPE_TYPE, dict, long, none, tuple};
use pyrt_objects::types::{method, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, ObjPtr, PyErr, PyObject, PyResult};

use super::exceptions;
use super::kind_dict::KindDict;
use super::objects::{BUILTIN, Kind, dealloc};
use super::{Interp, R};

// The wrapper's reference words.
/// The root node's `key` and `result` (always empty).
#[allow(dead_code)]
const ROOT_KEY: usize = 0;
#[allow(dead_code)]
const ROOT_RESULT: usize = 1;
const CACHE: usize = 2;
const FUNC: usize = 3;
const KWD_MARK: usize = 4;
#[allow(dead_code)]
const ELEM_TYPE: usize = 5;
const CACHE_INFO_TYPE: usize = 6;
const DICT: usize = 7;
// Its number words (`prev`, `next`, `hash` are the root node's, as in a node).
const PREV: usize = 0;
const NEXT: usize = 1;
const HASH: usize = 2;
const WRAPPER: usize = 3;
const TYPED: usize = 4;
const HITS: usize = 5;
const MAXSIZE: usize = 6;
const MISSES: usize = 7;
// A node's reference words.
const KEY: usize = 0;
const RESULT: usize = 1;

/// `wrapper`: which call path.
const UNCACHED: usize = 0;
const INFINITE: usize = 1;
const BOUNDED: usize = 2;

static LRU_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: address_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &[],
    getattr: Some(getattr),
    setattr: Some(setattr),
};

/// `functools._lru_cache_wrapper`.
pub(crate) static LRU_CACHE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "functools._lru_cache_wrapper",
        basicsize: 152,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &LRU_SLOTS,
    },
)
.with_weaklist_offset(16 + 8 * 16);

static ELEM_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: address_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `functools._lru_list_elem`: not a GC type.
pub(crate) static LRU_ELEM_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "functools._lru_list_elem",
        basicsize: 56,
        itemsize: 0,
        flags: TypeFlags::IMMUTABLETYPE,
        base: Some(&OBJECT_TYPE),
        slots: &ELEM_SLOTS,
    },
);

/// Wrappers: 8 references, 9 numbers.
pub(crate) static LRU: Kind = Kind::new(&LRU_CACHE_TYPE, 8, 9);
/// Nodes: `key`, `result`; `prev`, `next`, `hash`.
pub(crate) static LRU_ELEM: Kind = Kind::new(&LRU_ELEM_TYPE, 2, 3);

fn address_repr(_: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(format!(
        "<{} object at {:#x}>",
        o.ob_type().name(),
        core::ptr::from_ref(o).addr()
    ))
}

/// The object at address `addr`: the wrapper (the root) or one of its nodes.
///
/// # Safety
/// `addr` is the wrapper's address or a node's that the wrapper's cache dict holds.
unsafe fn link<'o>(addr: usize) -> Option<super::objects::Typed<'o>> {
    // SAFETY: the caller's promise: a live object at `addr`.
    let o: &'o PyObject = unsafe { &*(addr as *const PyObject) };
    LRU.cast(o).or_else(|| LRU_ELEM.cast(o))
}

/// `lru_cache_extract_link`: takes node `n` out of the list.
fn extract(n: super::objects::Typed<'_>) {
    let (prev, next) = (n.get_num(PREV), n.get_num(NEXT));
    // SAFETY: the list holds only the root and nodes the cache dict owns.
    unsafe {
        if let Some(p) = link(prev) {
            p.set_num(NEXT, next);
        }
        if let Some(x) = link(next) {
            x.set_num(PREV, prev);
        }
    }
}

/// `lru_cache_append_link`: puts node `n` (at `addr`) at the most recent end.
fn append(w: super::objects::Typed<'_>, root: usize, n: super::objects::Typed<'_>, addr: usize) {
    let last = w.get_num(PREV);
    // SAFETY: the list holds only the root and nodes the cache dict owns.
    unsafe {
        if let Some(l) = link(last) {
            l.set_num(NEXT, addr);
        }
    }
    w.set_num(PREV, addr);
    n.set_num(PREV, last);
    n.set_num(NEXT, root);
}

/// `lru_cache_unlink_list`: an empty list (the root pointing at itself).
fn unlink_list(o: &PyObject) {
    if let Some(w) = LRU.cast(o) {
        let root = core::ptr::from_ref(o).addr();
        w.set_num(PREV, root);
        w.set_num(NEXT, root);
    }
}

/// `lru_cache_tp_traverse`: each node's result, then the wrapper's references.
fn traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let Some(w) = LRU.cast(o) else {
        return;
    };
    let root = core::ptr::from_ref(o).addr();
    let mut at = w.get_num(NEXT);
    while at != root && at != 0 {
        // SAFETY: the list holds only nodes the cache dict owns.
        let Some(n) = (unsafe { link(at) }) else {
            break;
        };
        if let Some(p) = n.ref_ptr(RESULT) {
            visit(p);
        }
        at = n.get_num(NEXT);
    }
    super::objects::traverse(o, visit);
}

/// `lru_cache_tp_clear`: the list emptied first, then the references released.
fn clear(heap: &Heap, o: &PyObject) {
    unlink_list(o);
    super::objects::clear(heap, o);
}

/// The methods (`lru_cache_methods`).
const METHODS: [&str; 5] = [
    "cache_info",
    "cache_clear",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// The wrapper's instance dict (the `dict` word).
static LRU_DICT: KindDict = KindDict {
    kind: &LRU,
    word: DICT,
};

/// `tp_getattro` (`PyObject_GenericGetAttr`): the methods (bound built-ins), `__dict__`,
/// then the instance dict (which `update_wrapper` fills: `__wrapped__`, `__name__`, ...).
fn getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if METHODS.contains(&name) {
        let n = unicode::new_str(heap, name)?;
        // SAFETY: the caller holds `o`, a live object of this heap.
        let me = unsafe { Obj::from_borrowed(heap, o) };
        return BUILTIN.alloc(
            heap,
            &[Some(n), Some(me)],
            &[super::builtins::method_index()],
        );
    }
    if name == "__dict__" {
        return LRU_DICT.get_or_make(heap, o);
    }
    LRU_DICT.lookup(heap, o, name)
}

/// `tp_setattro`: `__dict__` takes a dict; other names go to the instance dict.
fn setattr(heap: &Heap, o: &PyObject, name: &str, value: Option<&PyObject>) -> PyResult<()> {
    if METHODS.contains(&name) && !matches!(name, "cache_info" | "cache_clear") {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object attribute '{name}' is read-only",
                o.ob_type().name()
            ),
        ));
    }
    LRU_DICT.set(heap, o, name, value)
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)` (`lru_cache_new`)
/// when `ty` is the wrapper type (`None` otherwise).
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    ty: &pyrt_objects::typeobj::PyTypeObject,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    if !core::ptr::eq(ty, LRU_CACHE_TYPE.get()) {
        return None;
    }
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let params = pyrt_objects::methods::Params::Keywords {
        names: &["user_function", "maxsize", "typed", "cache_info_type"],
        positional: 4,
        required: 4,
    };
    Some((|| {
        let bound =
            pyrt_objects::methods::bind("", "lru_cache", params, args, kwargs).map_err(err)?;
        let mut a = bound.into_iter().flatten();
        let (Some(func), Some(maxsize), Some(typed), Some(info)) =
            (a.next(), a.next(), a.next(), a.next())
        else {
            return Err(err(pyrt_objects::view::bad_internal_call()));
        };
        if !super::builtins::is_callable(interp, &func) {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "the first argument must be callable",
            ));
        }
        let (wrapper, max) = if maxsize.is(&none(heap)) {
            (INFINITE, usize::MAX)
        } else if long::is_int(maxsize.object()) {
            // `PyNumber_AsSsize_t(maxsize, PyExc_OverflowError)`, then at least 0.
            let Some(n) = long::Int::cast(maxsize.object()).and_then(long::as_i64) else {
                return Err(interp.raise(
                    &exceptions::OVERFLOW_ERROR,
                    "cannot fit 'int' into an index-sized integer",
                ));
            };
            let n = n.max(0);
            let n = usize::try_from(n).unwrap_or(0);
            (if n == 0 { UNCACHED } else { BOUNDED }, n)
        } else {
            return Err(interp.raise(&exceptions::TYPE_ERROR, "maxsize should be integer or None"));
        };
        let typed = usize::from(interp.vm_truth(&typed)?);
        let cache = dict::new_dict(heap).map_err(err)?;
        let mark = pyrt_objects::types::object_instance::new_object(heap).map_err(err)?;
        let elem = &LRU_ELEM_TYPE.get().ob_base.ob_base;
        // SAFETY: a static type object is immortal.
        let elem = unsafe { Obj::from_borrowed(heap, elem) };
        let w = LRU
            .alloc(
                heap,
                &[
                    None,
                    None,
                    Some(cache),
                    Some(func),
                    Some(mark),
                    Some(elem),
                    Some(info),
                    None,
                ],
                &[0, 0, 0, wrapper, typed, 0, max, 0, 0],
            )
            .map_err(err)?;
        unlink_list(w.object());
        Ok(w)
    })())
}

/// `lru_cache_make_key`.
fn make_key<'py>(
    interp: &Interp<'py>,
    mark: &Obj<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
    typed: bool,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    if kwargs.is_empty() && !typed {
        if let [one] = args {
            let t = one.ob_type();
            if core::ptr::eq(t, STR_TYPE.get()) || core::ptr::eq(t, INT_TYPE.get()) {
                return Ok(one.clone());
            }
        }
        return tuple::new_tuple(heap, args.to_vec()).map_err(err);
    }
    let mut items = args.to_vec();
    if !kwargs.is_empty() {
        items.push(mark.clone());
        for (k, v) in kwargs {
            items.push(unicode::new_str(heap, k).map_err(err)?);
            items.push(v.clone());
        }
    }
    if typed {
        let type_of = |o: &Obj<'py>| interp.type_as_object(o.ob_type());
        items.extend(args.iter().map(type_of));
        items.extend(kwargs.iter().map(|(_, v)| type_of(v)));
    }
    tuple::new_tuple(heap, items).map_err(err)
}

/// Calls `f` when it is an LRU cache wrapper (`None` otherwise).
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    f: &Obj<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let w = LRU.cast(f.object())?;
    Some(call_wrapper(interp, f, w, args, kwargs))
}

fn call_wrapper<'py>(
    interp: &Interp<'py>,
    f: &Obj<'py>,
    w: super::objects::Typed<'_>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let missing = || err(pyrt_objects::view::bad_internal_call());
    let func = w.get_ref(heap, FUNC).ok_or_else(missing)?;
    let call_func = || interp.call(&func, args.to_vec(), kwargs.to_vec());
    let kind = w.get_num(WRAPPER);
    if kind == UNCACHED {
        w.set_num(MISSES, w.get_num(MISSES) + 1);
        return call_func();
    }
    let mark = w.get_ref(heap, KWD_MARK).ok_or_else(missing)?;
    let key = make_key(interp, &mark, args, kwargs, w.get_num(TYPED) != 0)?;
    let hash = pyrt_objects::abstract_::hash(heap, key.object()).map_err(err)?;
    let cache = w.get_ref(heap, CACHE).ok_or_else(missing)?;
    let d = interp.own_dict(&cache)?;
    let found = dict::get_item(heap, d, key.object()).map_err(err)?;
    if kind == INFINITE {
        if let Some(result) = found {
            w.set_num(HITS, w.get_num(HITS) + 1);
            return Ok(result);
        }
        w.set_num(MISSES, w.get_num(MISSES) + 1);
        let result = call_func()?;
        dict::set_item(heap, d, key, result.clone()).map_err(err)?;
        return Ok(result);
    }
    let root = core::ptr::from_ref(f.object()).addr();
    if let Some(node) = found {
        let n = LRU_ELEM.cast(node.object()).ok_or_else(missing)?;
        extract(n);
        append(w, root, n, core::ptr::from_ref(node.object()).addr());
        w.set_num(HITS, w.get_num(HITS) + 1);
        return n.get_ref(heap, RESULT).ok_or_else(missing);
    }
    w.set_num(MISSES, w.get_num(MISSES) + 1);
    let result = call_func()?;
    // The call may have changed the cache (recursion, `cache_clear`): look again.
    let cache = w.get_ref(heap, CACHE).ok_or_else(missing)?;
    let d = interp.own_dict(&cache)?;
    if dict::get_item(heap, d, key.object())
        .map_err(err)?
        .is_some()
    {
        return Ok(result);
    }
    let full = dict::dict_len(d) >= w.get_num(MAXSIZE) && w.get_num(NEXT) != root;
    if !full {
        let node = LRU_ELEM
            .alloc(
                heap,
                &[Some(key.clone()), Some(result.clone())],
                &[0, 0, hash as usize],
            )
            .map_err(err)?;
        dict::set_item(heap, d, key, node.clone()).map_err(err)?;
        let n = LRU_ELEM.cast(node.object()).ok_or_else(missing)?;
        append(w, root, n, core::ptr::from_ref(node.object()).addr());
        return Ok(result);
    }
    // Full: the oldest node is taken out and reused for the new entry.
    let oldest = w.get_num(NEXT);
    // SAFETY: the list holds only nodes the cache dict owns.
    let Some(n) = (unsafe { link(oldest) }) else {
        return Err(missing());
    };
    extract(n);
    let old_key = n.get_ref(heap, KEY).ok_or_else(missing)?;
    let Some(popped) = dict::pop(heap, d, old_key.object()).map_err(err)? else {
        // Already gone from the dict: the node is an orphan, not put back.
        return Ok(result);
    };
    n.set_ref(heap, KEY, Some(key.clone()));
    let old_result = n.ref_ptr(RESULT);
    n.set_num(HASH, hash as usize);
    // Keep the old result alive until the node is back in the dict (`oldresult`).
    let keep = old_result.map(|p| {
        // SAFETY: the node holds a reference to its result.
        unsafe { Obj::from_borrowed(heap, p.as_ref()) }
    });
    n.set_ref(heap, RESULT, Some(result.clone()));
    dict::set_item(heap, d, key, popped.clone()).map_err(err)?;
    append(w, root, n, oldest);
    drop((popped, keep, old_key));
    Ok(result)
}

/// Method `name` of wrapper `obj` (`None` if `obj` is no wrapper or `name` none of its
/// methods): `cache_info()`, `cache_clear()`, `__reduce__()`, `__copy__()`,
/// `__deepcopy__(memo)`.
pub(crate) fn method<'py>(
    interp: &Interp<'py>,
    obj: &Obj<'py>,
    name: &str,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let w = LRU.cast(obj.object())?;
    if !METHODS.contains(&name) {
        return None;
    }
    let heap = interp.heap;
    let err = |e| interp.err(e);
    // `__copy__` and `__deepcopy__` are `METH_VARARGS`, any arguments.
    let params = if matches!(name, "__copy__" | "__deepcopy__") {
        pyrt_objects::methods::Params::AnyArgs
    } else {
        pyrt_objects::methods::Params::NoArgs
    };
    Some((|| {
        pyrt_objects::methods::bind("_lru_cache_wrapper", name, params, args, kwargs)
            .map_err(err)?;
        let missing = || err(pyrt_objects::view::bad_internal_call());
        let int = |n: usize| long::int_from_i64(heap, n as i64).map_err(err);
        match name {
            "cache_info" => {
                let info = w.get_ref(heap, CACHE_INFO_TYPE).ok_or_else(missing)?;
                let cache = w.get_ref(heap, CACHE).ok_or_else(missing)?;
                let size = dict::dict_len(interp.own_dict(&cache)?);
                let maxsize = match w.get_num(WRAPPER) {
                    INFINITE => none(heap),
                    _ => int(w.get_num(MAXSIZE))?,
                };
                let values = vec![
                    int(w.get_num(HITS))?,
                    int(w.get_num(MISSES))?,
                    maxsize,
                    int(size)?,
                ];
                interp.call(&info, values, Vec::new())
            }
            "cache_clear" => {
                unlink_list(obj.object());
                w.set_num(HITS, 0);
                w.set_num(MISSES, 0);
                if let Some(cache) = w.get_ref(heap, CACHE) {
                    dict::clear(heap, interp.own_dict(&cache)?);
                }
                Ok(none(heap))
            }
            "__reduce__" => interp.getattr(obj, "__qualname__"),
            _ => Ok(obj.clone()),
        }
    })())
}

/// `lru_cache_descr_get`: a wrapper found on a class through an instance binds to it.
pub(crate) fn descr_get<'py>(
    interp: &Interp<'py>,
    d: &Obj<'py>,
    obj: Option<&Obj<'py>>,
) -> Option<R<'py, Obj<'py>>> {
    if !LRU.is(d.object()) {
        return None;
    }
    Some(match obj {
        Some(o) if !o.is(&none(interp.heap)) => {
            method::new_method(interp.heap, d.clone(), o.clone()).map_err(|e| interp.err(e))
        }
        _ => Ok(d.clone()),
    })
}

/// Whether `o` is an LRU cache wrapper (a non-data descriptor, callable).
pub(crate) fn is_wrapper(o: &PyObject) -> bool {
    LRU.is(o)
}

/// The attribute `_functools` adds to its module: the wrapper type.
pub(crate) fn module_attribute<'py>(interp: &Interp<'py>) -> (&'static str, Obj<'py>) {
    let ty = &LRU_CACHE_TYPE.get().ob_base.ob_base;
    // SAFETY: a static type object is immortal.
    ("_lru_cache_wrapper", unsafe {
        Obj::from_borrowed(interp.heap, ty)
    })
}

/// The pointer in reference word `i`, without a new reference.
trait RefPtr {
    fn ref_ptr(self, i: usize) -> Option<ObjPtr>;
}

impl RefPtr for super::objects::Typed<'_> {
    fn ref_ptr(self, i: usize) -> Option<ObjPtr> {
        self.ref_cells().get(i).and_then(Cell::get)
    }
}
