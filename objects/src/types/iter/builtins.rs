//! The iterators of the built-in functions: `enumerate` and `reversed`
//! (`Objects/enumobject.c`), `zip`, `map` and `filter` (`Python/bltinmodule.c`), all GC types.
//!
//! | type | layout | size |
//! |---|---|---|
//! | `enumerate` | `en_index`, `en_sit`, `en_result`, `en_longindex`, `one` | 56 |
//! | `reversed` | `index`, `seq` | 32 |
//! | `zip` | `tuplesize`, `ittuple`, `result`, `strict` | 48 |
//! | `map` | `iters`, `func` | 32 |
//! | `filter` | `func`, `it` | 32 |
//!
//! They take the next item of any iterator through
//! [`crate::abstract_::iter_next`] (built-in iterators directly, others
//! through the runtime's hooks) and call functions through
//! [`crate::abstract_::call_object`]. `enumerate` counts in a C
//! `Py_ssize_t` until `sys.maxsize`, then in ints (`enum_next_long`); `enumerate` and `zip`
//! reuse their result tuple while nothing else holds it. `zip(strict=True)` reports the
//! shorter or longer argument as CPython words it.

use core::cell::Cell;
use core::ptr;

use crate::abstract_::{self, BinOp};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::long::{self, Int};
use crate::types::tuple::{self, Tuple};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

fn is(o: &PyObject, t: &'static StaticType) -> bool {
    ptr::eq(o.ob_type(), t.get())
}

/// Allocates `T` for type `ty`, writes it and tracks it.
///
/// # Safety
/// `T` must be the layout of `ty`'s instances, starting with its `PyObject` header.
unsafe fn alloc_tracked<'h, T>(
    heap: &'h Heap,
    ty: &'static StaticType,
    body: T,
) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(ty.get(), size_of::<T>())?;
    // SAFETY: a fresh allocation of `size_of::<T>()` bytes for `ty`, written whole (its
    // header equal to the one `alloc_object` wrote) before it is tracked.
    unsafe {
        op.cast::<T>().write(body);
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

// ---------------------------------------------------------------------------------------
// enumerate

/// `enumobject`.
#[repr(C)]
pub struct EnumObject {
    ob_base: PyObject,
    en_index: Cell<isize>,
    en_sit: RefField,
    en_result: RefField,
    en_longindex: RefField,
    /// `one`: the borrowed int 1 (a small int, immortal).
    one: Cell<usize>,
}

const _: () = assert!(size_of::<EnumObject>() == 56);

fn is_enumerate(o: &PyObject) -> bool {
    is(o, &ENUMERATE_TYPE)
}

crate::view! {
    /// An `enumerate` object.
    pub struct Enumerate: "enumerate" = is_enumerate;
}

fn enum_header(e: &Enumerate) -> &EnumObject {
    // SAFETY: the view guarantees an enumerate object.
    unsafe { &*ptr::from_ref(e).cast::<EnumObject>() }
}

/// `enumerate(iterable, start=0)` (`enum_new_impl`): `start` through `__index__`; a start
/// past `sys.maxsize` counts in ints from the start.
///
/// # Errors
/// `TypeError: 'float' object cannot be interpreted as an integer`, `TypeError: 'int' object
/// is not iterable`, `MemoryError`.
pub fn new_enumerate<'h>(
    heap: &'h Heap,
    iterable: &PyObject,
    start: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let (index, longindex) = match start {
        None => (0, None),
        Some(s) => {
            let s = crate::types::range::number_index(heap, s)?;
            match Int::cast(s.object()).and_then(long::as_i64) {
                Some(i) => (i as isize, None),
                None => (isize::MAX, Some(s)),
            }
        }
    };
    let sit = abstract_::get_iter(heap, iterable)?;
    let result = super::none_tuple(heap, 2)?;
    // SAFETY: `EnumObject` is the layout of `enumerate`.
    unsafe {
        alloc_tracked(
            heap,
            &ENUMERATE_TYPE,
            EnumObject {
                ob_base: PyObject::new(ENUMERATE_TYPE.ptr()),
                en_index: Cell::new(index),
                en_sit: RefField::new(Some(sit)),
                en_result: RefField::new(Some(result)),
                en_longindex: RefField::new(longindex),
                one: Cell::new(0),
            },
        )
    }
}

/// `enum_next` (and `enum_next_long` from `sys.maxsize` on).
pub(crate) fn enum_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(e) = Enumerate::cast(o) else {
        return Ok(None);
    };
    let h = enum_header(e);
    let Some(sit) = h.en_sit.get(heap) else {
        return Ok(None);
    };
    let Some(item) = abstract_::iter_next(heap, sit.object())? else {
        return Ok(None);
    };
    let index = if h.en_index.get() == isize::MAX {
        let current = match h.en_longindex.get(heap) {
            Some(i) => i,
            None => long::int_from_i64(heap, isize::MAX as i64)?,
        };
        let one = long::int_from_i64(heap, 1)?;
        let next = abstract_::binary_op(heap, current.object(), one.object(), BinOp::Add)?;
        h.en_longindex.set(heap, Some(next));
        current
    } else {
        let i = long::int_from_i64(heap, h.en_index.get() as i64)?;
        h.en_index.set(h.en_index.get() + 1);
        i
    };
    super::reuse_result(heap, &h.en_result, vec![index, item]).map(Some)
}

unsafe fn enum_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead enumerate of this heap (untracked by the heap).
    unsafe {
        let e = &*op.cast::<EnumObject>().as_ptr();
        e.en_sit.clear(heap);
        e.en_result.clear(heap);
        e.en_longindex.clear(heap);
        heap.free_object(op, ENUMERATE_TYPE.get());
    }
}

/// `enum_traverse`: the iterator, the result tuple, the long index.
fn enum_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(e) = Enumerate::cast(o) {
        let h = enum_header(e);
        h.en_sit.visit(visit);
        h.en_result.visit(visit);
        h.en_longindex.visit(visit);
    }
}

// ---------------------------------------------------------------------------------------
// reversed

/// `reversedobject`.
#[repr(C)]
pub struct ReversedObject {
    ob_base: PyObject,
    index: Cell<isize>,
    seq: RefField,
}

const _: () = assert!(size_of::<ReversedObject>() == 32);

fn is_reversed(o: &PyObject) -> bool {
    is(o, &REVERSED_TYPE)
}

crate::view! {
    /// A generic `reversed` object over a sequence.
    pub struct Reversed: "reversed" = is_reversed;
}

fn rev_header(r: &Reversed) -> &ReversedObject {
    // SAFETY: the view guarantees a reversed object.
    unsafe { &*ptr::from_ref(r).cast::<ReversedObject>() }
}

/// The generic `reversed(seq)` of a sequence of length `len` (`reversed_new_impl` once it has
/// found no `__reversed__` and taken the length): items `len - 1` down to 0 through
/// [`abstract_::sequence_get_item`].
///
/// # Errors
/// `MemoryError`.
pub fn new_reversed<'h>(heap: &'h Heap, seq: Obj<'h>, len: usize) -> PyResult<Obj<'h>> {
    // SAFETY: `ReversedObject` is the layout of `reversed`.
    unsafe {
        alloc_tracked(
            heap,
            &REVERSED_TYPE,
            ReversedObject {
                ob_base: PyObject::new(REVERSED_TYPE.ptr()),
                index: Cell::new(len as isize - 1),
                seq: RefField::new(Some(seq)),
            },
        )
    }
}

/// `reversed_next`: `seq[index]`, then one down; an `IndexError` or `StopIteration` ends it.
pub(crate) fn reversed_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(r) = Reversed::cast(o) else {
        return Ok(None);
    };
    let h = rev_header(r);
    let index = h.index.get();
    if index >= 0
        && let Some(seq) = h.seq.get(heap)
    {
        match abstract_::sequence_get_item(heap, seq.object(), index) {
            Ok(item) => {
                h.index.set(index - 1);
                return Ok(Some(item));
            }
            Err(e) if matches!(e.kind(), ExcKind::IndexError | ExcKind::StopIteration) => {}
            Err(e) => return Err(e),
        }
    }
    h.index.set(-1);
    h.seq.clear(heap);
    Ok(None)
}

/// `reversed_len`: `index + 1`, or 0 when the sequence became shorter or was dropped.
pub(crate) fn reversed_len<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let Some(r) = Reversed::cast(o) else {
        return long::int_from_i64(heap, 0);
    };
    let h = rev_header(r);
    let Some(seq) = h.seq.get(heap) else {
        return long::int_from_i64(heap, 0);
    };
    let size = abstract_::sequence_len(heap, seq.object())? as isize;
    let position = h.index.get() + 1;
    long::int_from_i64(heap, if size < position { 0 } else { position } as i64)
}

unsafe fn reversed_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead reversed object of this heap (untracked by the heap).
    unsafe {
        (*op.cast::<ReversedObject>().as_ptr()).seq.clear(heap);
        heap.free_object(op, REVERSED_TYPE.get());
    }
}

fn reversed_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(r) = Reversed::cast(o) {
        rev_header(r).seq.visit(visit);
    }
}

// ---------------------------------------------------------------------------------------
// zip

/// `zipobject`.
#[repr(C)]
pub struct ZipObject {
    ob_base: PyObject,
    tuplesize: Cell<isize>,
    ittuple: RefField,
    result: RefField,
    strict: Cell<i32>,
}

const _: () = assert!(size_of::<ZipObject>() == 48);

fn is_zip(o: &PyObject) -> bool {
    is(o, &ZIP_TYPE)
}

crate::view! {
    /// A `zip` object.
    pub struct Zip: "zip" = is_zip;
}

fn zip_header(z: &Zip) -> &ZipObject {
    // SAFETY: the view guarantees a zip object.
    unsafe { &*ptr::from_ref(z).cast::<ZipObject>() }
}

/// `zip(*iterables, strict=False)` (`zip_new`).
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `MemoryError`.
pub fn new_zip<'h>(heap: &'h Heap, iterables: &[&PyObject], strict: bool) -> PyResult<Obj<'h>> {
    let its = iterables
        .iter()
        .map(|o| abstract_::get_iter(heap, o))
        .collect::<PyResult<Vec<_>>>()?;
    let n = its.len();
    let ittuple = tuple::new_tuple(heap, its)?;
    let result = super::none_tuple(heap, n)?;
    // SAFETY: `ZipObject` is the layout of `zip`.
    unsafe {
        alloc_tracked(
            heap,
            &ZIP_TYPE,
            ZipObject {
                ob_base: PyObject::new(ZIP_TYPE.ptr()),
                tuplesize: Cell::new(n as isize),
                ittuple: RefField::new(Some(ittuple)),
                result: RefField::new(Some(result)),
                strict: Cell::new(i32::from(strict)),
            },
        )
    }
}

fn zip_length_error(i: usize, longer: bool) -> PyErr {
    let plural = if i == 1 { " " } else { "s 1-" };
    let which = if longer { "longer" } else { "shorter" };
    PyErr::new(
        ExcKind::ValueError,
        format!(
            "zip() argument {} is {which} than argument{plural}{i}",
            i + 1
        ),
    )
}

/// `zip_next`, with the `strict` checks.
pub(crate) fn zip_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(z) = Zip::cast(o) else {
        return Ok(None);
    };
    let h = zip_header(z);
    let n = h.tuplesize.get() as usize;
    let (Some(its), Some(result)) = (h.ittuple.get(heap), h.result.get(heap)) else {
        return Ok(None);
    };
    if n == 0 {
        return Ok(None);
    }
    let its_t = Tuple::cast_internal(its.object())?;
    let iter_at = |i: usize| {
        // SAFETY: an item of the live iterator tuple, as a new reference.
        unsafe { Obj::from_borrowed(heap, tuple::items(its_t)[i].as_ref()) }
    };
    let reuse = result.object().refcnt() == 2;
    let mut fresh = Vec::new();
    for i in 0..n {
        let item = match abstract_::iter_next(heap, iter_at(i).object()) {
            Ok(Some(item)) => item,
            Ok(None) if h.strict.get() != 0 => {
                return zip_check(heap, i, n, &iter_at).map(|()| None);
            }
            Ok(None) => return Ok(None),
            Err(e) => return Err(e),
        };
        if reuse && let Some(t) = Tuple::cast(result.object()) {
            drop(tuple::swap_item(heap, t, i, item));
        } else {
            fresh.push(item);
        }
    }
    if reuse {
        if let Some(t) = Tuple::cast(result.object())
            && !heap.is_tracked(t)
        {
            // SAFETY: a whole tuple of this heap.
            unsafe { heap.track(t) };
        }
        return Ok(Some(result));
    }
    tuple::new_tuple(heap, fresh).map(Some)
}

/// The `check:` part of `zip_next` for `strict=True` once argument `i` ran out.
fn zip_check<'h>(
    heap: &'h Heap,
    i: usize,
    n: usize,
    iter_at: &dyn Fn(usize) -> Obj<'h>,
) -> PyResult<()> {
    if i > 0 {
        return Err(zip_length_error(i, false));
    }
    for j in 1..n {
        if abstract_::iter_next(heap, iter_at(j).object())?.is_some() {
            return Err(zip_length_error(j, true));
        }
    }
    Ok(())
}

unsafe fn zip_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead zip of this heap (untracked by the heap).
    unsafe {
        let z = &*op.cast::<ZipObject>().as_ptr();
        z.ittuple.clear(heap);
        z.result.clear(heap);
        heap.free_object(op, ZIP_TYPE.get());
    }
}

fn zip_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(z) = Zip::cast(o) {
        zip_header(z).ittuple.visit(visit);
        zip_header(z).result.visit(visit);
    }
}

// ---------------------------------------------------------------------------------------
// map and filter

/// `mapobject` and `filterobject`: two references.
#[repr(C)]
pub struct PairObject {
    ob_base: PyObject,
    first: RefField,
    second: RefField,
}

const _: () = assert!(size_of::<PairObject>() == 32);

fn is_map(o: &PyObject) -> bool {
    is(o, &MAP_TYPE)
}

fn is_filter(o: &PyObject) -> bool {
    is(o, &FILTER_TYPE)
}

crate::view! {
    /// A `map` object (`iters`, `func`).
    pub struct Map: "map" = is_map;
}

crate::view! {
    /// A `filter` object (`func`, `it`).
    pub struct Filter: "filter" = is_filter;
}

fn map_header(m: &Map) -> &PairObject {
    // SAFETY: the view guarantees a map object.
    unsafe { &*ptr::from_ref(m).cast::<PairObject>() }
}

fn filter_header(f: &Filter) -> &PairObject {
    // SAFETY: the view guarantees a filter object.
    unsafe { &*ptr::from_ref(f).cast::<PairObject>() }
}

/// `map(func, *iterables)` (`map_new`).
///
/// # Errors
/// `TypeError: map() must have at least two arguments.`, `TypeError: 'int' object is not
/// iterable`, `MemoryError`.
pub fn new_map<'h>(heap: &'h Heap, func: Obj<'h>, iterables: &[&PyObject]) -> PyResult<Obj<'h>> {
    if iterables.is_empty() {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let its = iterables
        .iter()
        .map(|o| abstract_::get_iter(heap, o))
        .collect::<PyResult<Vec<_>>>()?;
    let iters = tuple::new_tuple(heap, its)?;
    // SAFETY: `PairObject` is the layout of `map` (`iters`, `func`).
    unsafe {
        alloc_tracked(
            heap,
            &MAP_TYPE,
            PairObject {
                ob_base: PyObject::new(MAP_TYPE.ptr()),
                first: RefField::new(Some(iters)),
                second: RefField::new(Some(func)),
            },
        )
    }
}

/// `map_next`: one item of each iterator, then `func(*items)`.
pub(crate) fn map_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(m) = Map::cast(o) else {
        return Ok(None);
    };
    let h = map_header(m);
    let (Some(iters), Some(func)) = (h.first.get(heap), h.second.get(heap)) else {
        return Ok(None);
    };
    let its = Tuple::cast_internal(iters.object())?;
    let mut args = Vec::with_capacity(tuple::tuple_len(its));
    for &it in tuple::items(its) {
        // SAFETY: an item of the live iterator tuple.
        let it = unsafe { Obj::from_borrowed(heap, it.as_ref()) };
        match abstract_::iter_next(heap, it.object())? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    let refs: Vec<&PyObject> = args.iter().map(Obj::object).collect();
    abstract_::call_object(heap, func.object(), &refs).map(Some)
}

/// `filter(func, iterable)` (`filter_new`); `None` (or `bool`) keeps the true items.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`, `MemoryError`.
pub fn new_filter<'h>(heap: &'h Heap, func: Obj<'h>, iterable: &PyObject) -> PyResult<Obj<'h>> {
    let it = abstract_::get_iter(heap, iterable)?;
    // SAFETY: `PairObject` is the layout of `filter` (`func`, `it`).
    unsafe {
        alloc_tracked(
            heap,
            &FILTER_TYPE,
            PairObject {
                ob_base: PyObject::new(FILTER_TYPE.ptr()),
                first: RefField::new(Some(func)),
                second: RefField::new(Some(it)),
            },
        )
    }
}

/// `filter_next`.
pub(crate) fn filter_next<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let Some(f) = Filter::cast(o) else {
        return Ok(None);
    };
    let h = filter_header(f);
    let (Some(func), Some(it)) = (h.first.get(heap), h.second.get(heap)) else {
        return Ok(None);
    };
    let check_true = func.is(&none(heap))
        || ptr::eq(
            func.object(),
            &crate::types::BOOL_TYPE.get().ob_base.ob_base,
        );
    loop {
        let Some(item) = abstract_::iter_next(heap, it.object())? else {
            return Ok(None);
        };
        let ok = if check_true {
            abstract_::is_true(heap, item.object())?
        } else {
            let good = abstract_::call_object(heap, func.object(), &[item.object()])?;
            abstract_::is_true(heap, good.object())?
        };
        if ok {
            return Ok(Some(item));
        }
    }
}

unsafe fn pair_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead map or filter of this heap (untracked by the heap).
    unsafe {
        let p = &*op.cast::<PairObject>().as_ptr();
        let ty = op.as_ref().ob_type();
        p.first.clear(heap);
        p.second.clear(heap);
        heap.free_object(op, ty);
    }
}

/// `map_traverse` (iters, func) and `filter_traverse` (func, it): the fields in order.
fn pair_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let h = if let Some(m) = Map::cast(o) {
        map_header(m)
    } else if let Some(f) = Filter::cast(o) {
        filter_header(f)
    } else {
        return;
    };
    h.first.visit(visit);
    h.second.visit(visit);
}

const BASE_SLOTS: Slots = Slots {
    dealloc: pair_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(pair_traverse),
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

static ENUMERATE_SLOTS: Slots = Slots {
    dealloc: enum_dealloc,
    traverse: Some(enum_traverse),
    ..BASE_SLOTS
};
static REVERSED_SLOTS: Slots = Slots {
    dealloc: reversed_dealloc,
    traverse: Some(reversed_traverse),
    ..BASE_SLOTS
};
static ZIP_SLOTS: Slots = Slots {
    dealloc: zip_dealloc,
    traverse: Some(zip_traverse),
    ..BASE_SLOTS
};
static PAIR_SLOTS: Slots = BASE_SLOTS;

const fn gc_type(name: &'static str, basicsize: usize, slots: &'static Slots) -> StaticType {
    StaticType::new(
        &TYPE_TYPE,
        TypeSpec {
            name,
            basicsize,
            itemsize: 0,
            flags: TypeFlags::HAVE_GC,
            base: Some(&OBJECT_TYPE),
            slots,
        },
    )
}

/// `enumerate`: 56 bytes, GC.
pub static ENUMERATE_TYPE: StaticType =
    gc_type("enumerate", size_of::<EnumObject>(), &ENUMERATE_SLOTS);
/// `reversed`: 32 bytes, GC.
pub static REVERSED_TYPE: StaticType =
    gc_type("reversed", size_of::<ReversedObject>(), &REVERSED_SLOTS);
/// `zip`: 48 bytes, GC.
pub static ZIP_TYPE: StaticType = gc_type("zip", size_of::<ZipObject>(), &ZIP_SLOTS);
/// `map`: 32 bytes, GC.
pub static MAP_TYPE: StaticType = gc_type("map", size_of::<PairObject>(), &PAIR_SLOTS);
/// `filter`: 32 bytes, GC.
pub static FILTER_TYPE: StaticType = gc_type("filter", size_of::<PairObject>(), &PAIR_SLOTS);
