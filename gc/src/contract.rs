//! The contract through which the collector sees the object model (the slots `gcmodule.c`
//! calls: `ob_refcnt`, `tp_traverse`, `tp_clear`, `tp_del`, `tp_finalize`, the weak-reference
//! list, `_PyTuple_MaybeUntrack`/`_PyDict_MaybeUntrack`).
//!
//! The collector never names a concrete type and never frees memory. It sees an object as an
//! erased [`ObjRef`] and asks the object model, through [`GcObjects`], everything it needs to
//! know or do. Objects die only by reference counting: the collector calls
//! [`GcObjects::clear`], the object's references go away, refcounts fall to zero and the object
//! model deallocates, telling the collector with [`Collector::untrack`] or
//! [`Collector::gc_del`] on the way — exactly CPython's division of labour.
//!
//! [`Collector::untrack`]: crate::Collector::untrack
//! [`Collector::gc_del`]: crate::Collector::gc_del

use core::ptr::NonNull;

/// An erased pointer to a GC object: the address of the object itself (CPython's
/// `PyObject *`), whose [`GcHeader`](crate::GcHeader) sits in the 16 bytes just before it.
///
/// An `ObjRef` is a plain address: it owns no reference and keeps nothing alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjRef(NonNull<u8>);

impl ObjRef {
    /// Wraps the address of an object.
    #[inline]
    pub const fn new(ptr: NonNull<u8>) -> ObjRef {
        ObjRef(ptr)
    }

    /// The address of the object.
    #[inline]
    pub const fn as_ptr(self) -> NonNull<u8> {
        self.0
    }
}

/// Which untracking pass asks [`GcObjects::can_untrack`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UntrackPass {
    /// Run over the survivors of every collection (`untrack_tuples`: CPython untracks exact
    /// tuples holding no object that may be tracked).
    EveryCollection,
    /// Run over the survivors of full collections only (`untrack_dicts`: exact dicts without
    /// tracked keys or values; only there, to avoid quadratic dict build-up, bpo-14775).
    FullCollection,
}

/// When [`GcObjects::collection_callback`] is called (the `phase` given to `gc.callbacks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackPhase {
    /// Before a collection (`"start"`); the counts in the info are 0.
    Start,
    /// After a collection (`"stop"`).
    Stop,
}

/// The `info` given to `gc.callbacks`: `{"generation", "collected", "uncollectable"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CollectionInfo {
    /// The generation collected (0, 1 or 2).
    pub generation: usize,
    /// Unreachable objects found and cleared (0 at the start).
    pub collected: usize,
    /// Unreachable objects kept alive by legacy finalizers (0 at the start).
    pub uncollectable: usize,
}

/// How the collector sees objects: CPython's type slots, erased.
///
/// Words used below: a *GC object* is an object with a [`GcHeader`](crate::GcHeader) (a type
/// with `Py_TPFLAGS_HAVE_GC`); it is *tracked* while it sits in one of the collector's lists
/// (between [`Collector::track`](crate::Collector::track) and
/// [`Collector::untrack`](crate::Collector::untrack)). A method is *inert* when it reads
/// object memory only: it runs no Python code, allocates nothing, changes no refcount and
/// tracks or untracks nothing.
///
/// # Safety
///
/// The collector relies on these rules for memory safety; an implementation that breaks one
/// may make it read or write freed memory. The numbers are cited where the collector relies
/// on them.
///
/// 1. **Header.** Every GC object has a 16-byte [`GcHeader`](crate::GcHeader) immediately
///    before it (`AS_GC(o) == (PyGC_Head *)o - 1`), initialised untracked (zeroed) before
///    its first `track`, owned by the collector, and never written by the object model.
/// 2. **Liveness.** A tracked object stays allocated until it is untracked: deallocation
///    untracks (through `Collector::untrack` or `Collector::gc_del`) before the memory is
///    reused or freed. Every `ObjRef` this trait hands to the collector is a live GC object.
/// 3. **Exact refcounts.** [`refcount`](Self::refcount) is the object's true `ob_refcnt`:
///    the number of references held to it (by objects, handles and the runtime), at least 1
///    for a live object and below 2⁶¹. It is inert.
/// 4. **Traverse.** [`traverse`](Self::traverse) calls `visit` once for *each reference the
///    object holds to a GC object* (twice if it holds two references to the same one), and
///    for no other object; each such reference is counted in the referent's refcount. It is
///    inert and must not touch any GC header. Its order is `tp_traverse`'s order (it decides
///    the order of CPython's lists).
/// 5. **Clear.** [`clear`](Self::clear) (`tp_clear`) drops the object's references to other
///    objects (or does nothing for a type without `tp_clear`), leaving it valid. It may run
///    arbitrary code: decrefs, deallocations (which untrack, rule 2), finalizers, new
///    allocations and tracking. The collector holds a reference to the object during the
///    call.
/// 6. **Finalizers.** [`has_legacy_finalizer`](Self::has_legacy_finalizer) (`tp_del`) and
///    [`has_finalizer`](Self::has_finalizer) (`tp_finalize`) are inert and depend only on the
///    object's type. [`finalize`](Self::finalize) runs the object's `tp_finalize` once per call
///    (the collector calls it at most once per object, using the FINALIZED bit); it may run
///    arbitrary code like `clear`, including resurrecting objects by storing new references.
/// 7. **Weak references.** [`clear_if_weakref`](Self::clear_if_weakref) and
///    [`clear_weakrefs_to`](Self::clear_weakrefs_to) run no Python code, allocate nothing and
///    track nothing. Every weak reference reported to `clear_weakrefs_to`'s callback is a
///    tracked GC object, already cleared (its referent gone), whose callback is not `None`.
///    [`call_weakref_callback`](Self::call_weakref_callback) may run arbitrary code.
///    [`may_have_weakrefs`](Self::may_have_weakrefs) is inert, and `false` only while no
///    weak reference exists.
/// 8. **Temporary references.** [`incref`](Self::incref) and [`decref`](Self::decref) change
///    the refcount by one; `decref` may deallocate (rule 2) and so run arbitrary code.
/// 9. **Arbitrary code** (rules 5, 6, 7, 8) may allocate, track and untrack objects and change
///    refcounts, but must not free a tracked object without untracking it and must not write
///    GC headers except through the collector's API. It may call
///    [`Collector::collect`](crate::Collector::collect): nested collections do nothing and
///    return zeros (the `collecting` guard).
/// 10. **Untracking hooks.** [`can_untrack`](Self::can_untrack),
///     [`untrack_pass_of`](Self::untrack_pass_of) and [`is_immortal`](Self::is_immortal) are
///     inert; `can_untrack` may read whether other objects are tracked
///     ([`Collector::is_tracked`](crate::Collector::is_tracked)). `can_untrack(obj, pass)` is
///     false unless `untrack_pass_of(obj) == Some(pass)`, and a
///     [`FullCollection`](UntrackPass::FullCollection) answer depends on other objects only
///     through whether they are tracked exact tuples (`_PyDict_MaybeUntrack`'s
///     `_PyObject_GC_MAY_BE_TRACKED`).
pub unsafe trait GcObjects {
    /// `Py_REFCNT(obj)` (rule 3).
    fn refcount(&self, obj: ObjRef) -> usize;

    /// `_Py_IsImmortal(obj)` (3.12): such objects move to the permanent generation when a
    /// collection meets them, since their refcount says nothing (rule 10).
    fn is_immortal(&self, obj: ObjRef) -> bool;

    /// `Py_INCREF(obj)` (rule 8).
    fn incref(&self, obj: ObjRef);

    /// `Py_DECREF(obj)`: may deallocate (rules 2, 8).
    fn decref(&self, obj: ObjRef);

    /// `tp_traverse`: calls `visit` for each reference `obj` holds to a GC object (rule 4).
    ///
    /// Generic over the visitor, so that an implementation can inline the collector's
    /// visitors into its hottest traversals (CPython passes a `visitproc` pointer instead).
    fn traverse<V: FnMut(ObjRef)>(&self, obj: ObjRef, visit: V);

    /// `tp_clear`: drops `obj`'s references (rule 5).
    fn clear(&self, obj: ObjRef);

    /// Whether `obj`'s type has a legacy `tp_del` (makes its cycle uncollectable; rule 6).
    fn has_legacy_finalizer(&self, obj: ObjRef) -> bool;

    /// Whether `obj`'s type has a `tp_finalize` (PEP 442 `__del__`; rule 6).
    fn has_finalizer(&self, obj: ObjRef) -> bool;

    /// Whether any object may have a legacy finalizer. An object model without `tp_del`
    /// answers `false`, and then [`has_legacy_finalizer`](Self::has_legacy_finalizer) must
    /// always be `false`: collections then clear weak references on the walk that prepares
    /// the unreachable objects (nothing can move out of them), one walk fewer (rule 6).
    fn may_have_legacy_finalizers(&self) -> bool {
        true
    }

    /// Runs `obj`'s `tp_finalize` (rule 6). Errors are the object model's to report
    /// (`PyErr_WriteUnraisable`).
    fn finalize(&self, obj: ObjRef);

    /// If `obj` is itself a weak reference, clears it (`_PyWeakref_ClearRef`: the referent is
    /// forgotten, the callback kept but never to be called). Otherwise does nothing (rule 7).
    fn clear_if_weakref(&self, obj: ObjRef);

    /// Clears every weak reference to `obj`, in the order of `obj`'s weak-reference list, and
    /// calls `report` with each cleared one that has a callback (rule 7). Objects whose type
    /// does not support weak references have none.
    fn clear_weakrefs_to(&self, obj: ObjRef, report: &mut dyn FnMut(ObjRef));

    /// Whether any weak reference may exist. When `false`, no object has a weak reference and
    /// none is one, so collections skip [`clear_if_weakref`](Self::clear_if_weakref) and
    /// [`clear_weakrefs_to`](Self::clear_weakrefs_to) altogether (rule 7).
    fn may_have_weakrefs(&self) -> bool {
        true
    }

    /// Calls the callback of the (cleared) weak reference `weakref` with `weakref` as its
    /// argument; errors are the object model's to report (rule 7).
    fn call_weakref_callback(&self, weakref: ObjRef);

    /// Whether the collector should untrack `obj` now (`_PyTuple_MaybeUntrack`,
    /// `_PyDict_MaybeUntrack`), for the given pass (rule 10).
    fn can_untrack(&self, obj: ObjRef, pass: UntrackPass) -> bool;

    /// The pass that may untrack `obj`, if any (`PyTuple_CheckExact`, `PyDict_CheckExact`):
    /// a cheap test of the object's type, so that a collection asks
    /// [`can_untrack`](Self::can_untrack) only where it can say yes (rule 10).
    fn untrack_pass_of(&self, obj: ObjRef) -> Option<UntrackPass>;

    /// Called at the end of every full collection (`_PyGC_ClearAllFreeLists`).
    fn clear_freelists(&self) {}

    /// `Py_TYPE(obj)->tp_name`, for the lines `gc.DEBUG_COLLECTABLE` and
    /// `gc.DEBUG_UNCOLLECTABLE` print (`gc: collectable <list 0x7f...>`). Inert.
    fn type_name(&self, _obj: ObjRef) -> String {
        "object".to_string()
    }

    /// Writes a report line of `gc.set_debug`'s flags where CPython's `PySys_WriteStderr`
    /// writes (by default the process's stderr). It must not run Python code.
    fn debug_write(&self, text: &str) {
        eprint!("{text}");
    }

    /// `gc.callbacks`: called before and after each collection started through
    /// [`Collector::collect`](crate::Collector::collect) or
    /// [`Collector::collect_generations`](crate::Collector::collect_generations).
    fn collection_callback(&self, _phase: CallbackPhase, _info: CollectionInfo) {}
}
