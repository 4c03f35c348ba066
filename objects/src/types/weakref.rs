//! Weak references: `weakref.ref` (`weakref.ReferenceType`, `Objects/weakrefobject.c`).
//!
//! A weak reference points at its referent without owning a reference to it. Every object
//! that supports weak references has a *weak-reference list* (`tp_weaklistoffset`): the head
//! of a doubly linked list, threaded through the weak references themselves, of every weak
//! reference to it. The list is kept in CPython's order: the one basic reference (no callback)
//! first, then references with callbacks, newest first.
//!
//! When the referent dies, its deallocation clears every weak reference to it and then calls
//! the callbacks (`PyObject_ClearWeakRefs`); when it dies in a cycle, the collector does both
//! steps itself (`handle_weakrefs`) through `gc_clear_ref` and `gc_clear_all`.
//!
//! Which objects support weak references: instances of classes whose instances have a managed
//! weak-reference list (3.12's `Py_TPFLAGS_MANAGED_WEAKREF`: classes without `__slots__`, or
//! with `'__weakref__'` in them), and objects whose type has a `tp_weaklistoffset`: sets and
//! frozensets, classes (`tp_weaklist`) and the runtime's functions. Others raise CPython's
//! `TypeError: cannot create weak reference to 'list' object`; so do the built-in types, which
//! CPython lets one weakly reference (they never die).
//!
//! A weak reference's own fields are read through its view, [`Weakref`]. The functions about
//! the weak references *to* an object (`weakrefs`, `weakref_count`, `clear_weakrefs`, …) take
//! any object and read nothing of it but the list head its type places at `tp_weaklistoffset`
//! (or in the managed pre-header), as CPython's `_PyObject_GET_WEAKREFS_LISTPTR` does.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyWeakReference`: 64 bytes, as in CPython 3.12.
#[repr(C)]
struct PyWeakReference {
    ob_base: PyObject,
    /// The referent, not owned; `None` once the reference is dead (CPython stores `Py_None`).
    wr_object: Cell<Option<ObjPtr>>,
    /// The callback, owned; `None` when there is none.
    wr_callback: Cell<Option<ObjPtr>>,
    /// The referent's hash, cached (-1 until computed).
    hash: Cell<i64>,
    wr_prev: Cell<Option<ObjPtr>>,
    wr_next: Cell<Option<ObjPtr>>,
    /// `vectorcall` in CPython; unused here, kept for the size.
    _vectorcall: usize,
}

const _: () = assert!(size_of::<PyWeakReference>() == 64);

/// Whether `o` is a weak reference.
pub fn is_weakref(o: &PyObject) -> bool {
    o.ob_type().is_subtype(WEAKREF_TYPE.get())
}

crate::view! {
    /// A weak reference (`PyWeakref_Check`: `weakref.ref` and subclasses).
    pub struct Weakref: "weakref.ReferenceType" = is_weakref;
}

/// The weak reference a slot of the weakref type was called on.
fn slot_self(o: &PyObject) -> &Weakref {
    // SAFETY: the weakref type's slots are only called on weak references (instances of the
    // type or of a subclass, which inherits the slots).
    unsafe { Weakref::cast_unchecked(o) }
}

fn header(w: &Weakref) -> &PyWeakReference {
    // SAFETY: the view guarantees a weak reference, which starts with a `PyWeakReference`.
    unsafe { &*ptr::from_ref(w).cast::<PyWeakReference>() }
}

/// A node of a weak-reference list.
fn wr_at(p: ObjPtr) -> &'static PyWeakReference {
    // SAFETY: the pointers on a weak-reference list are live weak references (only this module
    // links them, and each unlinks itself before it dies); the borrow is used only while the
    // list is walked.
    header(unsafe { Weakref::cast_unchecked(p.as_ref()) })
}

/// The head of `o`'s weak-reference list (`_PyObject_GET_WEAKREFS_LISTPTR`), or `None` if its
/// type does not support weak references.
fn weaklist(o: &PyObject) -> Option<&Cell<Option<ObjPtr>>> {
    if o.ob_type().flags().contains(TypeFlags::MANAGED_WEAKREF) {
        let p = ptr::from_ref(o)
            .cast::<Cell<Option<ObjPtr>>>()
            .wrapping_sub(4);
        // SAFETY: instances of a MANAGED_WEAKREF type have a 16-byte pre-header before their
        // GC header; its first word (object − 32) is the list head, zeroed at allocation.
        return Some(unsafe { &*p });
    }
    let offset = o.ob_type().weaklistoffset();
    if offset == 0
        || crate::types::type_object(o).is_some_and(|t| !crate::types::class::is_heap_type(t))
    {
        return None;
    }
    let p = ptr::from_ref(o)
        .cast::<u8>()
        .wrapping_add(offset)
        .cast::<Cell<Option<ObjPtr>>>();
    // SAFETY: `tp_weaklistoffset` names a word of every instance of the type holding its list
    // head, null at birth (static types, whose word is never to be written, are refused above).
    Some(unsafe { &*p })
}

/// Whether objects of `o`'s type can be weakly referenced.
pub fn supports_weakrefs(o: &PyObject) -> bool {
    weaklist(o).is_some()
}

/// The basic reference (no callback) at the head of a list, if any (`get_basic_refs`).
fn basic_ref(list: &Cell<Option<ObjPtr>>) -> Option<ObjPtr> {
    list.get()
        .filter(|&head| wr_at(head).wr_callback.get().is_none())
}

/// `weakref.ref(obj[, callback])`: the existing basic reference when there is no callback
/// and one exists, else a new weak reference, linked as CPython links it.
///
/// # Errors
/// `TypeError: cannot create weak reference to 'list' object`; `MemoryError`.
pub fn new_ref<'h>(
    heap: &'h Heap,
    obj: &PyObject,
    callback: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let Some(list) = weaklist(obj) else {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            obj.ob_type().name()
        )));
    };
    let callback = callback.filter(|c| !ptr::eq(*c, heap.singletons().none().as_ptr()));
    if callback.is_none()
        && let Some(existing) = basic_ref(list)
    {
        // SAFETY: a live weak reference of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, existing.as_ref()) });
    }
    let ty = WEAKREF_TYPE.get();
    let op = heap.alloc_object(ty, ty.basicsize())?;
    heap.weakrefs.set(heap.weakrefs.get() + 1);
    // SAFETY: a fresh weak-reference body whose fields are written before use; it takes a
    // reference to the callback.
    unsafe {
        let w = op.cast::<PyWeakReference>().as_ptr();
        ptr::addr_of_mut!((*w).wr_object).write(Cell::new(Some(NonNull::from(obj))));
        callback.inspect(|c| c.incref());
        ptr::addr_of_mut!((*w).wr_callback).write(Cell::new(callback.map(NonNull::from)));
        ptr::addr_of_mut!((*w).hash).write(Cell::new(-1));
        ptr::addr_of_mut!((*w).wr_prev).write(Cell::new(None));
        ptr::addr_of_mut!((*w).wr_next).write(Cell::new(None));
        ptr::addr_of_mut!((*w)._vectorcall).write(0);
    }
    match basic_ref(list).filter(|_| callback.is_some()) {
        Some(prev) => insert_after(op, prev),
        None => insert_head(op, list),
    }
    // SAFETY: the fresh object's one reference is ours; its traverse is valid now.
    let new = unsafe { Obj::from_owned(heap, op) };
    // SAFETY: fully initialised.
    unsafe { heap.track(new.object()) };
    Ok(new)
}

fn insert_head(new: ObjPtr, list: &Cell<Option<ObjPtr>>) {
    let next = list.get();
    wr_at(new).wr_prev.set(None);
    wr_at(new).wr_next.set(next);
    if let Some(n) = next {
        wr_at(n).wr_prev.set(Some(new));
    }
    list.set(Some(new));
}

fn insert_after(new: ObjPtr, prev: ObjPtr) {
    let next = wr_at(prev).wr_next.get();
    wr_at(new).wr_prev.set(Some(prev));
    wr_at(new).wr_next.set(next);
    if let Some(n) = next {
        wr_at(n).wr_prev.set(Some(new));
    }
    wr_at(prev).wr_next.set(Some(new));
}

/// `clear_weakref` without the callback: unlinks `w` from its referent's list and forgets the
/// referent.
fn unlink(w: &PyWeakReference) {
    let Some(obj) = w.wr_object.take() else {
        return;
    };
    // SAFETY: the referent is alive while a weak reference to it is linked.
    let list = weaklist(unsafe { obj.as_ref() }).expect("a referent supports weak references");
    let me = NonNull::from(&w.ob_base);
    if list.get() == Some(me) {
        list.set(w.wr_next.get());
    }
    if let Some(p) = w.wr_prev.get() {
        wr_at(p).wr_next.set(w.wr_next.get());
    }
    if let Some(n) = w.wr_next.get() {
        wr_at(n).wr_prev.set(w.wr_prev.get());
    }
    w.wr_prev.set(None);
    w.wr_next.set(None);
}

/// `clear_weakref`: unlinks and drops the callback.
fn clear_weakref(heap: &Heap, w: &PyWeakReference) {
    unlink(w);
    if let Some(cb) = w.wr_callback.take() {
        // SAFETY: the weak reference owned the callback.
        unsafe { heap.decref(cb) };
    }
}

/// The referent of weak reference `w` as a new reference, or `None` if it is dead (`r()`).
pub fn referent<'h>(heap: &'h Heap, w: &Weakref) -> Option<Obj<'h>> {
    // SAFETY: a linked referent is alive.
    header(w)
        .wr_object
        .get()
        .map(|o| unsafe { Obj::from_borrowed(heap, o.as_ref()) })
}

/// The weak references to `o`, in list order (`weakref.getweakrefs`).
pub fn weakrefs<'h>(heap: &'h Heap, o: &PyObject) -> Vec<Obj<'h>> {
    let mut out = Vec::new();
    let mut cur = weaklist(o).and_then(Cell::get);
    while let Some(p) = cur {
        // SAFETY: a live weak reference on the list.
        out.push(unsafe { Obj::from_borrowed(heap, p.as_ref()) });
        cur = wr_at(p).wr_next.get();
    }
    out
}

/// `weakref.getweakrefcount(o)`.
pub fn weakref_count(o: &PyObject) -> usize {
    let mut n = 0;
    let mut cur = weaklist(o).and_then(Cell::get);
    while let Some(p) = cur {
        n += 1;
        cur = wr_at(p).wr_next.get();
    }
    n
}

/// `PyObject_ClearWeakRefs`, run by deallocation: clears every weak reference to `o` (callback
/// references lose their callbacks), then calls the callbacks of those still alive, in list
/// order, through the runtime's hooks.
///
/// As in CPython 3.12: with one weak reference the callback is called with it directly, with
/// no new reference to it; with several, the references and callbacks are first saved in a
/// new tuple of `2 * count` items (an allocation `gc.get_count()` sees unless the tuple free
/// list has one), which owns them while the callbacks run and releases them, last item
/// first, when it dies.
pub fn clear_weakrefs(heap: &Heap, o: &PyObject) {
    let Some(list) = weaklist(o) else {
        return;
    };
    let Some(head) = list.get() else {
        return;
    };
    let count = weakref_count(o);
    if count == 1 {
        let w = wr_at(head);
        let callback = w.wr_callback.take();
        unlink(w);
        if let Some(cb) = callback {
            if w.ob_base.refcnt() > 0 {
                // SAFETY: the weak reference is alive (its refcount is positive) and we own
                // the callback, which we release afterwards.
                heap.call_hooks(|h| h.weakref_callback(&w.ob_base, unsafe { cb.as_ref() }));
            }
            // SAFETY: the weak reference owned its callback, now ours.
            unsafe { heap.decref(cb) };
        }
        return;
    }
    // If the tuple cannot be made, its items go with it: every reference is cleared and no
    // callback is called (`_PyWeakref_ClearWeakRefsNoCallbacks`).
    let Ok(saved) = crate::types::tuple::new_tuple(heap, unlink_all(heap, list, count)) else {
        return;
    };
    let none = crate::types::none(heap);
    let Ok(saved) = crate::types::tuple::Tuple::cast_internal(saved.object()) else {
        return;
    };
    for pair in crate::types::tuple::items(saved).chunks_exact(2) {
        if let [w, cb] = *pair
            && cb != none.as_ptr()
        {
            // SAFETY: the tuple holds both while it lives, and it outlives the call.
            heap.call_hooks(|h| unsafe { h.weakref_callback(w.as_ref(), cb.as_ref()) });
        }
    }
}

/// The first loop of `PyObject_ClearWeakRefs` for several references: unlinks every weak
/// reference of `list` (`count` of them) and returns the items of CPython's tuple: each live
/// reference followed by its callback, `None` in place of a dead reference or a missing
/// callback.
fn unlink_all<'h>(heap: &'h Heap, list: &Cell<Option<ObjPtr>>, count: usize) -> Vec<Obj<'h>> {
    let none = crate::types::none(heap);
    let mut items = Vec::with_capacity(2 * count);
    while let Some(p) = list.get() {
        let w = wr_at(p);
        let callback = w.wr_callback.take();
        unlink(w);
        // SAFETY: the weak reference owned its callback; the `Obj` takes over that reference.
        let callback = callback.map(|cb| unsafe { Obj::from_owned(heap, cb) });
        if w.ob_base.refcnt() > 0 {
            // SAFETY: a live weak reference of this heap (its refcount is positive).
            items.push(unsafe { Obj::from_borrowed(heap, &w.ob_base) });
            items.push(callback.unwrap_or_else(|| none.clone()));
        } else {
            items.push(none.clone());
            items.push(none.clone());
        }
    }
    items
}

/// `_PyWeakref_ClearRef`, for the collector: forgets the referent, keeps the callback.
pub(crate) fn gc_clear_ref(w: &Weakref) {
    unlink(header(w));
}

/// The collector's part of `handle_weakrefs` for one unreachable object: clears each weak
/// reference to `o` in list order (keeping callbacks) and reports those with a callback.
pub(crate) fn gc_clear_all(o: &PyObject, report: &mut dyn FnMut(ObjPtr)) {
    let Some(list) = weaklist(o) else {
        return;
    };
    while let Some(head) = list.get() {
        let w = wr_at(head);
        unlink(w);
        if w.wr_callback.get().is_some() {
            report(head);
        }
    }
}

/// Calls the callback of a weak reference cleared by the collector, with the reference.
pub(crate) fn gc_call_callback(heap: &Heap, w: &Weakref) {
    if let Some(cb) = header(w).wr_callback.get() {
        // SAFETY: the weak reference owns its callback; a new reference keeps it alive during
        // the call, which may clear the weak reference.
        let cb = unsafe { Obj::from_borrowed(heap, cb.as_ref()) };
        heap.call_hooks(|h| h.weakref_callback(w, cb.object()));
    }
}

unsafe fn weakref_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead weak reference of this heap: unlinked, its callback released, freed.
    unsafe {
        clear_weakref(heap, header(slot_self(op.as_ref())));
        heap.free_object(op, op.as_ref().ob_type());
        heap.weakrefs.set(heap.weakrefs.get() - 1);
    }
}

fn weakref_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(cb) = header(slot_self(o)).wr_callback.get() {
        visit(cb);
    }
}

fn weakref_clear(heap: &Heap, o: &PyObject) {
    clear_weakref(heap, header(slot_self(o)));
}

fn weakref_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let me = ptr::from_ref(o).addr();
    Ok(match header(slot_self(o)).wr_object.get() {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(obj) => {
            // SAFETY: a linked referent is alive.
            let name = unsafe { obj.as_ref() }.ob_type().name();
            format!("<weakref at {me:#x}; to '{name}' at {:#x}>", obj.addr())
        }
    })
}

/// `hash(r)`: the referent's hash, cached; `TypeError: weak object has gone away` for a dead
/// reference never hashed.
fn weakref_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let o = slot_self(o);
    let w = header(o);
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let Some(obj) = referent(heap, o) else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = crate::abstract_::hash(heap, obj.object())?;
    w.hash.set(h);
    Ok(h)
}

/// `==` and `!=` between weak references: the referents' comparison while both are alive,
/// identity otherwise.
fn weakref_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let Some(b) = Weakref::cast(b).filter(|_| matches!(op, CompareOp::Eq | CompareOp::Ne)) else {
        return Ok(None);
    };
    let a = slot_self(a);
    match (referent(heap, a), referent(heap, b)) {
        (Some(x), Some(y)) => crate::abstract_::compare(heap, x.object(), y.object(), op).map(Some),
        _ => {
            let same = ptr::eq::<PyObject>(&**a, &**b);
            Ok(Some(crate::types::long::new_bool(
                heap,
                same == (op == CompareOp::Eq),
            )))
        }
    }
}

static WEAKREF_SLOTS: Slots = Slots {
    dealloc: weakref_dealloc,
    sizeof: None,
    repr: weakref_repr,
    str: None,
    hash: Some(weakref_hash),
    richcompare: Some(weakref_richcompare),
    number: None,
    sequence: None,
    traverse: Some(weakref_traverse),
    clear: Some(weakref_clear),
    members: &[],
    getattr: None,
    setattr: None,
};

/// `weakref.ReferenceType` (`weakref.ref`): 64 bytes, a GC type.
pub static WEAKREF_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "weakref.ReferenceType",
        basicsize: size_of::<PyWeakReference>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
        base: Some(&OBJECT_TYPE),
        slots: &WEAKREF_SLOTS,
    },
);
