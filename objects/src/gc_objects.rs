//! The object model's side of the cycle collector: [`GcObjects`] for the heap (what
//! `Modules/gcmodule.c` reads through `tp_traverse`, `tp_clear`, `tp_finalize` and the
//! weak-reference lists), the tracking calls CPython's constructors make
//! (`_PyObject_GC_TRACK`), and the heap's `gc` operations: collections, `get_objects`,
//! `get_referents`, `get_referrers`, `gc.garbage`.
//!
//! The heap owns its [`Collector`]. Allocation counts GC objects
//! ([`Heap::alloc_object`]); deallocation untracks them and `free_object` uncounts them
//! (`PyObject_GC_Del`). Objects coming back from a free list are not counted, as in CPython.

use core::ptr::NonNull;

use pyrt_gc::{
    CallbackPhase, Collected, CollectionInfo, Collector, GcError, GcObjects, ObjRef, UntrackPass,
};

use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::tracking::{dict_can_untrack, is_gc, tuple_can_untrack};
use crate::types::{class, dict, list, tuple, weakref};

fn erase(p: ObjPtr) -> ObjRef {
    ObjRef::new(p.cast())
}

fn object<'a>(r: ObjRef) -> &'a PyObject {
    // SAFETY: the collector only hands back `ObjRef`s of live objects of this heap (contract
    // rule 2), made by `erase`.
    unsafe { r.as_ptr().cast::<PyObject>().as_ref() }
}

/// The heap as the collector sees it.
struct HeapObjects<'h> {
    heap: &'h Heap,
    /// False for a collection that calls no `gc.callbacks` (`_PyGC_CollectNoFail` at
    /// interpreter shutdown).
    callbacks: bool,
}

impl HeapObjects<'_> {
    fn is_tracked(&self, o: &PyObject) -> bool {
        self.heap.is_tracked(o)
    }
}

// SAFETY: the rules of `GcObjects`, in order:
// 1. GC objects are allocated by `Heap::alloc_object` with a zeroed pre-header ending in the
//    16-byte GC header (or are the empty tuple, whose static has one); only `pyrt-gc` writes it.
// 2. `Heap::dealloc` untracks before a type's dealloc runs, and `free_object` calls `gc_del`.
// 3. `refcount` is `ob_refcnt`; every owned reference is counted (the `Obj` discipline).
// 4. `traverse` forwards the type's `tp_traverse`, which visits each owned reference once,
//    keeping only GC objects; traverse functions read memory only.
// 5. `clear` forwards `tp_clear`, which leaves the object valid.
// 6. No pyrt type has a legacy `tp_del`; `has_finalizer` depends on the class only; `finalize`
//    calls the runtime's hook.
// 7. The weak-reference functions only relink lists; callbacks run through the hooks.
// 8. `incref`/`decref` are the heap's.
// 9. Runtime code reaches the collector only through the heap's safe API.
// 10. `can_untrack` reads items and tracked bits only.
unsafe impl GcObjects for HeapObjects<'_> {
    fn refcount(&self, obj: ObjRef) -> usize {
        object(obj).refcnt() as usize
    }

    fn is_immortal(&self, obj: ObjRef) -> bool {
        object(obj).is_immortal()
    }

    fn incref(&self, obj: ObjRef) {
        object(obj).incref();
    }

    fn type_name(&self, obj: ObjRef) -> String {
        object(obj).ob_type().name().to_string()
    }

    fn decref(&self, obj: ObjRef) {
        // SAFETY: the collector releases a reference it took with `incref` (rule 8).
        unsafe { self.heap.decref(obj.as_ptr().cast()) };
    }

    fn traverse<V: FnMut(ObjRef)>(&self, obj: ObjRef, mut visit: V) {
        let o = object(obj);
        let mut gc_only = |p: ObjPtr| {
            // SAFETY: the object holds a reference to each object it visits.
            if is_gc(unsafe { p.as_ref() }) {
                visit(erase(p));
            }
        };
        // The types most of a heap is made of have their traversal inlined here with the
        // collector's visitor, saving two indirect calls per reference; the others go through
        // `tp_traverse`. The orders are the same.
        let ty = o.ob_type();
        if let Some(i) = class::Instance::cast(o) {
            class::traverse_instance(i, gc_only);
        } else if list::has_list_traverse(ty)
            && let Some(l) = list::List::cast(o)
        {
            list::traverse_items(l, gc_only);
        } else if tuple::has_tuple_traverse(ty)
            && let Some(t) = tuple::Tuple::cast(o)
        {
            tuple::traverse_items(t, gc_only);
        } else if dict::has_dict_traverse(ty)
            && let Some(d) = dict::Dict::cast(o)
        {
            dict::traverse_entries(d, gc_only);
        } else if let Some(traverse) = ty.slots().traverse {
            traverse(o, &mut gc_only);
        }
    }

    fn clear(&self, obj: ObjRef) {
        let o = object(obj);
        if let Some(clear) = o.ob_type().slots().clear {
            clear(self.heap, o);
        }
    }

    fn has_legacy_finalizer(&self, _obj: ObjRef) -> bool {
        false
    }

    fn may_have_legacy_finalizers(&self) -> bool {
        false
    }

    fn has_finalizer(&self, obj: ObjRef) -> bool {
        has_tp_finalize(object(obj))
    }

    fn finalize(&self, obj: ObjRef) {
        self.heap.run_tp_finalize(object(obj));
    }

    fn clear_if_weakref(&self, obj: ObjRef) {
        if let Some(w) = weakref::Weakref::cast(object(obj)) {
            weakref::gc_clear_ref(w);
        }
    }

    fn clear_weakrefs_to(&self, obj: ObjRef, report: &mut dyn FnMut(ObjRef)) {
        weakref::gc_clear_all(object(obj), &mut |w| report(erase(w)));
    }

    fn may_have_weakrefs(&self) -> bool {
        self.heap.weakrefs.get() != 0
    }

    fn call_weakref_callback(&self, weakref: ObjRef) {
        if let Some(w) = weakref::Weakref::cast(object(weakref)) {
            weakref::gc_call_callback(self.heap, w);
        }
    }

    fn can_untrack(&self, obj: ObjRef, pass: UntrackPass) -> bool {
        let o = object(obj);
        let is_tracked = |x: &PyObject| self.is_tracked(x);
        match pass {
            UntrackPass::EveryCollection => {
                tuple::is_exact_tuple(o)
                    && tuple::Tuple::cast(o).is_some_and(|t| tuple_can_untrack(t, &is_tracked))
            }
            UntrackPass::FullCollection => {
                core::ptr::eq(o.ob_type(), crate::types::DICT_TYPE.get())
                    && crate::types::dict::Dict::cast(o)
                        .is_some_and(|d| dict_can_untrack(d, &is_tracked))
            }
        }
    }

    fn untrack_pass_of(&self, obj: ObjRef) -> Option<UntrackPass> {
        let ty = object(obj).ob_type();
        if core::ptr::eq(ty, crate::types::TUPLE_TYPE.get()) {
            Some(UntrackPass::EveryCollection)
        } else if core::ptr::eq(ty, crate::types::DICT_TYPE.get()) {
            Some(UntrackPass::FullCollection)
        } else {
            None
        }
    }

    fn clear_freelists(&self) {
        self.heap.clear_freelists();
    }

    fn collection_callback(&self, phase: CallbackPhase, info: CollectionInfo) {
        if self.callbacks {
            self.heap.call_hooks(|h| h.gc_callback(phase, info));
        }
    }
}

/// Whether `o`'s type has a `tp_finalize`: a class with `__del__`, or a generator
/// (`_PyGen_Finalize`).
pub(crate) fn has_tp_finalize(o: &PyObject) -> bool {
    class::has_finalizer(o.ob_type()) || crate::types::genobject::is_generator(o)
}

impl Heap {
    /// `tp_finalize`: a generator's own (`_PyGen_Finalize`), else the class's `__del__`
    /// through the runtime's hooks.
    pub(crate) fn run_tp_finalize(&self, o: &PyObject) {
        if crate::types::genobject::is_generator(o) {
            crate::types::genobject::finalize(self, o);
        } else {
            self.call_hooks(|h| h.finalize(o));
        }
    }
}

/// Every object `o` holds a reference to: what its `tp_traverse` visits, plus what that
/// leaves out because it cannot be part of a cycle (the `str` keys of a str-keyed dict). For
/// refcount accounting and heap inspection; the collector and `gc.get_referents` use
/// `tp_traverse` alone, as CPython's do.
pub fn references(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(traverse) = o.ob_type().slots().traverse {
        traverse(o, visit);
    }
    if let Some(d) = crate::types::dict::Dict::cast(o) {
        crate::types::dict::visit_untraversed_keys(d, visit);
    }
}

impl Heap {
    /// The collector: settings, counts and statistics (`gc.get_count()`, thresholds, ...).
    pub fn collector(&self) -> &Collector {
        &self.gc
    }

    /// `_PyObject_GC_TRACK`: links a new GC object into generation 0.
    ///
    /// # Safety
    /// `o` is an object of this heap, fully initialised (its traverse may run from now on).
    ///
    /// # Panics
    /// If `o` is not a GC object or is already tracked.
    pub unsafe fn track(&self, o: &PyObject) {
        assert!(
            is_gc(o),
            "a {} object is not a GC object",
            o.ob_type().name()
        );
        // SAFETY: a live GC object of this heap, allocated with its header (caller).
        unsafe { self.gc.track(erase(NonNull::from(o))) };
    }

    /// `_PyObject_GC_UNTRACK` (no-op when untracked or not a GC object).
    pub fn untrack(&self, o: &PyObject) {
        if is_gc(o) {
            // SAFETY: a live GC object of this heap; the object model never runs inside a
            // collection's reachability phases.
            unsafe { self.gc.untrack(erase(NonNull::from(o))) };
        }
    }

    /// `MAINTAIN_TRACKING`: tracks the untracked dict `d` when it receives `key: value` that
    /// may be tracked.
    pub(crate) fn maintain_dict_tracking(&self, d: &PyObject, key: &PyObject, value: &PyObject) {
        if !self.is_tracked(d)
            && crate::tracking::dict_insert_tracks(key, value, &|x| self.is_tracked(x))
        {
            // SAFETY: a whole dict of this heap.
            unsafe { self.track(d) };
        }
    }

    /// Tracks `copy` if `source` is tracked (`PyDict_Copy`'s "maintain tracking").
    pub(crate) fn track_like(&self, copy: &PyObject, source: &PyObject) {
        if self.is_tracked(source) && !self.is_tracked(copy) {
            // SAFETY: `copy` is a whole object of this heap of the same GC type.
            unsafe { self.track(copy) };
        }
    }

    /// `gc.is_tracked(o)`.
    pub fn is_tracked(&self, o: &PyObject) -> bool {
        // SAFETY: a live GC object has a header.
        is_gc(o) && unsafe { self.gc.is_tracked(erase(NonNull::from(o))) }
    }

    /// `gc.is_finalized(o)`: whether the collector or deallocation ran its `__del__`.
    pub fn is_finalized(&self, o: &PyObject) -> bool {
        // SAFETY: a live GC object has a header.
        is_gc(o) && unsafe { self.gc.is_finalized(erase(NonNull::from(o))) }
    }

    /// Marks `o` finalized (`_PyGC_SET_FINALIZED`), for finalizers run by deallocation.
    pub(crate) fn set_finalized(&self, o: &PyObject) {
        if is_gc(o) {
            // SAFETY: a live GC object has a header.
            unsafe { self.gc.set_finalized(erase(NonNull::from(o))) };
        }
    }

    /// `gc.collect(generation)`: a collection with callbacks, enabled or not; zeros when a
    /// collection is already running.
    ///
    /// # Errors
    /// [`GcError::InvalidGeneration`] for a generation other than 0, 1 or 2.
    pub fn collect(&self, generation: usize) -> Result<Collected, GcError> {
        self.take_scheduled();
        // SAFETY: `HeapObjects` implements the contract for every object this heap tracks.
        unsafe {
            self.gc.collect(
                &HeapObjects {
                    heap: self,
                    callbacks: true,
                },
                generation,
            )
        }
    }

    /// `PyGC_Collect()`, the full collection `Py_FinalizeEx` runs first at interpreter
    /// shutdown: with `gc.callbacks`, but nothing at all (zeros) when automatic collection
    /// is disabled or a collection is running.
    pub fn collect_if_enabled(&self) -> Collected {
        if !self.gc.is_enabled() {
            return Collected::default();
        }
        self.collect(pyrt_gc::NUM_GENERATIONS - 1)
            .expect("the oldest generation is valid")
    }

    /// `_PyGC_CollectNoFail`, the full collections of interpreter shutdown after the modules
    /// are gone: enabled or not, and without calling `gc.callbacks`; zeros when a collection
    /// is running.
    pub fn collect_no_fail(&self) -> Collected {
        self.take_scheduled();
        let objects = HeapObjects {
            heap: self,
            callbacks: false,
        };
        // SAFETY: `HeapObjects` implements the contract for every object this heap tracks.
        unsafe { self.gc.collect(&objects, pyrt_gc::NUM_GENERATIONS - 1) }
            .expect("the oldest generation is valid")
    }

    /// Runs the automatic collection if one is due (`_Py_RunGC` at the eval breaker): the
    /// runtime calls this at its safe points.
    pub fn collect_if_due(&self) -> Collected {
        if !self.take_scheduled() {
            return Collected::default();
        }
        // SAFETY: as in `collect`.
        unsafe {
            self.gc.collect_generations(&HeapObjects {
                heap: self,
                callbacks: true,
            })
        }
    }

    /// `gc.get_objects(generation)`: new references to the tracked objects of a generation (or
    /// all three), in list order.
    ///
    /// # Errors
    /// [`GcError::InvalidGeneration`] for a generation other than 0, 1 or 2.
    pub fn gc_objects(&self, generation: Option<usize>) -> Result<Vec<Obj<'_>>, GcError> {
        let refs = self.gc.objects(generation)?;
        // SAFETY: tracked objects are live objects of this heap.
        Ok(refs
            .into_iter()
            .map(|r| unsafe { Obj::from_borrowed(self, object(r)) })
            .collect())
    }

    /// `gc.get_referents(*objs)`: what each GC object among `objs` refers to, in `tp_traverse`
    /// order (non-GC objects contribute nothing).
    pub fn referents<'h>(&'h self, objs: &[&PyObject]) -> Vec<Obj<'h>> {
        let mut out = Vec::new();
        for &o in objs.iter().filter(|o| is_gc(o)) {
            if let Some(traverse) = o.ob_type().slots().traverse {
                traverse(o, &mut |p| {
                    // SAFETY: `o` holds a reference to each object it visits.
                    out.push(unsafe { Obj::from_borrowed(self, p.as_ref()) });
                });
            }
        }
        out
    }

    /// `gc.get_referrers(*objs)`: the tracked objects, generation by generation, that refer to
    /// any of `objs`.
    pub fn referrers<'h>(&'h self, objs: &[&PyObject]) -> Vec<Obj<'h>> {
        let targets: Vec<ObjPtr> = objs.iter().map(|&o| NonNull::from(o)).collect();
        let mut out = Vec::new();
        for r in self.gc.objects(None).unwrap_or_default() {
            let o = object(r);
            let Some(traverse) = o.ob_type().slots().traverse else {
                continue;
            };
            let mut found = false;
            traverse(o, &mut |p| found |= targets.contains(&p));
            if found {
                // SAFETY: a tracked object is a live object of this heap.
                out.push(unsafe { Obj::from_borrowed(self, o) });
            }
        }
        out
    }

    /// Takes what collections saved for `gc.garbage` (`DEBUG_SAVEALL`, uncollectable cycles),
    /// each as an owned reference.
    pub fn take_garbage(&self) -> Vec<Obj<'_>> {
        // SAFETY: the collector handed over one reference to each live object.
        self.gc
            .take_garbage()
            .into_iter()
            .map(|r| unsafe { Obj::from_owned(self, r.as_ptr().cast()) })
            .collect()
    }

    /// `PyObject_CallFinalizerFromDealloc`: runs `o`'s `__del__` once per object while it is
    /// temporarily alive again. Returns `false` when the finalizer resurrected it (the caller
    /// must then stop deallocating).
    ///
    /// # Safety
    /// `o` is an object of this heap whose refcount just reached zero, tracked (as
    /// `subtype_dealloc` re-tracks it around its finalizer) if it is a GC object.
    pub(crate) unsafe fn call_finalizer_from_dealloc(&self, o: &PyObject) -> bool {
        if self.is_finalized(o) {
            return true;
        }
        o.incref();
        let gc = is_gc(o);
        if gc {
            // SAFETY: the object is whole again for the finalizer's duration (caller).
            unsafe { self.track(o) };
        }
        // `PyObject_CallFinalizer` marks the object FINALIZED only after `tp_finalize`
        // returns, so `gc.is_finalized(self)` is still `False` inside a `__del__` run by
        // deallocation (the collector's `finalize_garbage` marks before calling).
        self.run_tp_finalize(o);
        self.set_finalized(o);
        if !o.decref_is_zero() {
            return false;
        }
        self.untrack(o);
        true
    }
}

#[cfg(test)]
mod tests {
    use core::cell::Cell;

    use super::*;
    use crate::hooks::RuntimeHooks;
    use crate::types::list;

    /// Counts the `gc.callbacks` calls.
    #[derive(Default)]
    struct CountCallbacks(Cell<usize>);

    impl RuntimeHooks for CountCallbacks {
        fn finalize(&self, _obj: &PyObject) {}
        fn weakref_callback(&self, _weakref: &PyObject, _callback: &PyObject) {}
        fn gc_callback(&self, _phase: CallbackPhase, _info: CollectionInfo) {
            self.0.set(self.0.get() + 1);
        }
    }

    fn self_referencing_list(heap: &Heap) {
        let l = list::new_list(heap, Vec::new()).unwrap();
        list::append(heap, l.cast::<list::List>().unwrap(), l.clone()).unwrap();
    }

    #[test]
    fn shutdown_collections_follow_py_gc_collect_and_collect_no_fail() {
        let heap = Heap::new();
        let hooks = CountCallbacks::default();
        heap.with_hooks(&hooks, || {
            self_referencing_list(&heap);
            heap.collector().set_enabled(false);
            assert_eq!(
                heap.collect_if_enabled().total(),
                0,
                "PyGC_Collect: disabled"
            );
            assert_eq!(hooks.0.get(), 0);
            heap.collector().set_enabled(true);
            assert_eq!(heap.collect_if_enabled().total(), 1);
            assert_eq!(hooks.0.get(), 2, "PyGC_Collect calls gc.callbacks");
            self_referencing_list(&heap);
            heap.collector().set_enabled(false);
            assert_eq!(heap.collect_no_fail().total(), 1, "enabled or not");
            assert_eq!(hooks.0.get(), 2, "_PyGC_CollectNoFail calls no callbacks");
        });
        assert_eq!(heap.collector().stats()[2].collections, 2);
    }

    /// What `tp_traverse` visits that is a GC object, in its order.
    fn slot_traversal(o: &PyObject) -> Vec<ObjPtr> {
        let mut seen = Vec::new();
        let traverse = o.ob_type().slots().traverse.expect("a container");
        traverse(o, &mut |p| {
            // SAFETY: `o` holds a reference to each object it visits.
            if is_gc(unsafe { p.as_ref() }) {
                seen.push(p);
            }
        });
        seen
    }

    /// What the collector's (inlined) traversal visits, in its order.
    fn collector_traversal(heap: &Heap, o: &PyObject) -> Vec<ObjPtr> {
        let mut seen = Vec::new();
        HeapObjects {
            heap,
            callbacks: true,
        }
        .traverse(erase(NonNull::from(o)), |r| seen.push(r.as_ptr().cast()));
        seen
    }

    #[test]
    fn the_inlined_traversals_visit_what_tp_traverse_visits_in_its_order() {
        use crate::long_digits::LongValue;
        use crate::types::{dict, long, tuple, unicode};
        let heap = Heap::new();
        {
            let int = |v| long::new_int(&heap, &LongValue::from_i64(v)).unwrap();
            let (a, b) = (
                list::new_list(&heap, vec![]).unwrap(),
                list::new_list(&heap, vec![]).unwrap(),
            );
            let t = tuple::new_tuple(&heap, vec![a.clone(), int(1), b.clone()]).unwrap();
            let l = list::new_list(&heap, vec![b.clone(), int(2), a.clone(), t.clone()]).unwrap();
            let plain = class::new_class(&heap, "Plain", "__main__", None).unwrap();
            let slotted =
                class::new_class(&heap, "Slotted", "__main__", Some(&["x", "y"])).unwrap();
            let str_keys = dict::new_dict(&heap).unwrap();
            let mixed_keys = dict::new_dict(&heap).unwrap();
            for (i, v) in [&a, &t, &b].into_iter().enumerate() {
                let key = unicode::new_str(&heap, &format!("k{i}")).unwrap();
                dict::set_item(
                    &heap,
                    str_keys.cast::<dict::Dict>().unwrap(),
                    key,
                    v.clone(),
                )
                .unwrap();
                // A class is a hashable GC object: a key the traversal visits.
                dict::set_item(
                    &heap,
                    mixed_keys.cast::<dict::Dict>().unwrap(),
                    plain.clone(),
                    v.clone(),
                )
                .unwrap();
                dict::set_item(
                    &heap,
                    mixed_keys.cast::<dict::Dict>().unwrap(),
                    int(i as i64),
                    v.clone(),
                )
                .unwrap();
            }
            let mut instances = Vec::new();
            for cls in [&plain, &slotted] {
                let cls = class::Class::cast(cls.object()).unwrap();
                let o = class::new_instance(&heap, cls).unwrap();
                crate::abstract_::setattr(&heap, o.object(), "x", l.object()).unwrap();
                crate::abstract_::setattr(&heap, o.object(), "y", int(3).object()).unwrap();
                instances.push(o);
            }
            for o in [&t, &l, &str_keys, &mixed_keys, &instances[0], &instances[1]] {
                let expected = slot_traversal(o.object());
                assert!(
                    !expected.is_empty(),
                    "{} visits GC objects",
                    o.object().ob_type().name()
                );
                assert_eq!(
                    collector_traversal(&heap, o.object()),
                    expected,
                    "{}",
                    o.object().ob_type().name()
                );
            }
        }
        // Classes are cycles (each owns its MRO tuple): a collection frees them and
        // what they hold before the heap goes, as valgrind's leak check wants.
        heap.collect(2).unwrap();
    }
}
