//! A toy object model implementing the collector's contract, shared by the integration tests.
//!
//! Each object is a boxed `Block`: a `GcHeader` followed by the object's id (the `ObjRef`
//! points at the id, so the header sits in the 16 bytes before it, rule 1). Everything else
//! about an object lives in a side table indexed by id: its exact refcount, its strong
//! references (all to GC objects), its finalizer, whether it is a weak reference. External
//! handles are roots holding one reference each. Deallocation uses a work list (no
//! recursion), untracks through `Collector::gc_del` and frees the box (rule 2).

#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use pyrt_gc::{
    CallbackPhase, Collected, CollectionInfo, Collector, GcHeader, GcObjects, ObjRef, UntrackPass,
};

#[repr(C)]
#[derive(Debug)]
struct Block {
    header: GcHeader,
    id: usize,
}

/// What an object's `tp_finalize` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Finalizer {
    /// No `tp_finalize`.
    #[default]
    None,
    /// Runs and records itself.
    Plain,
    /// Stores a new external handle to the object the first time it runs (resurrection).
    Resurrect,
}

/// Kind of object to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spec {
    pub finalizer: Finalizer,
    /// Has a legacy `tp_del`.
    pub legacy: bool,
    /// May be untracked by every collection while it holds no reference (like a tuple of
    /// atoms).
    pub atomic: bool,
    /// Immortal (3.12): moved to the permanent generation by a collection.
    pub immortal: bool,
}

/// A weak reference's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weak {
    pub target: Option<usize>,
    pub callback: bool,
}

/// What the model saw happen, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Finalize(usize),
    Clear(usize),
    Callback(usize),
    Freed(usize),
}

/// One object's state (kept after it is freed, for the checks).
#[derive(Debug, Default)]
pub struct Slot {
    pub refcnt: usize,
    pub refs: Vec<usize>,
    pub alive: bool,
    pub spec: Spec,
    pub finalized_runs: usize,
    pub cleared: bool,
    pub weak: Option<Weak>,
    pub weakrefs_to_me: Vec<usize>,
    block: Option<Box<Block>>,
}

/// The toy object model. `gc` is declared first so that it is dropped before the objects.
pub struct Toy {
    pub gc: Collector,
    pub slots: RefCell<Vec<Slot>>,
    /// External handles: one reference each.
    pub handles: RefCell<Vec<usize>>,
    pub events: RefCell<Vec<Event>>,
    pub gc_callbacks: RefCell<Vec<(CallbackPhase, CollectionInfo)>>,
    /// `gc.garbage` (one reference each), filled by `drain_garbage`.
    pub garbage: RefCell<Vec<usize>>,
    pending: RefCell<Vec<usize>>,
    deallocating: Cell<bool>,
    /// Run automatic collections when `on_alloc` asks.
    pub auto_collect: Cell<bool>,
    /// `gc.callbacks` calls `gc.collect()` (which must do nothing) and records its result.
    pub reenter: Cell<bool>,
    pub nested_results: RefCell<Vec<Collected>>,
}

impl Default for Toy {
    fn default() -> Self {
        Toy::new()
    }
}

impl Toy {
    pub fn new() -> Toy {
        Toy {
            gc: Collector::new(),
            slots: RefCell::new(Vec::new()),
            handles: RefCell::new(Vec::new()),
            events: RefCell::new(Vec::new()),
            gc_callbacks: RefCell::new(Vec::new()),
            garbage: RefCell::new(Vec::new()),
            pending: RefCell::new(Vec::new()),
            deallocating: Cell::new(false),
            auto_collect: Cell::new(false),
            reenter: Cell::new(false),
            nested_results: RefCell::new(Vec::new()),
        }
    }

    pub fn obj(&self, id: usize) -> ObjRef {
        let slots = self.slots.borrow();
        let block = slots[id].block.as_ref().expect("object is alive");
        ObjRef::new(NonNull::from(&block.id).cast())
    }

    fn id_of(obj: ObjRef) -> usize {
        // SAFETY: every ObjRef the collector hands back points at a live block's `id`.
        unsafe { *obj.as_ptr().cast::<usize>().as_ptr() }
    }

    /// Creates an object held by a new external handle and tracks it.
    pub fn new_object(&self, spec: Spec) -> usize {
        let id = self.allocate(spec, None);
        self.handles.borrow_mut().push(id);
        id
    }

    /// Creates a weak reference to `target` (held by a new external handle).
    pub fn new_weakref(&self, target: usize, callback: bool) -> usize {
        let weak = Weak {
            target: Some(target),
            callback,
        };
        let id = self.allocate(Spec::default(), Some(weak));
        self.slots.borrow_mut()[target].weakrefs_to_me.push(id);
        self.handles.borrow_mut().push(id);
        id
    }

    fn allocate(&self, spec: Spec, weak: Option<Weak>) -> usize {
        let schedule = self.gc.on_alloc();
        let id = {
            let mut slots = self.slots.borrow_mut();
            let id = slots.len();
            let block = Box::new(Block {
                header: GcHeader::new(),
                id,
            });
            slots.push(Slot {
                refcnt: 1,
                alive: true,
                spec,
                weak,
                block: Some(block),
                ..Slot::default()
            });
            id
        };
        // SAFETY: a live GC object of this model, untracked, alive until `dealloc` untracks.
        unsafe { self.gc.track(self.obj(id)) };
        if schedule && self.auto_collect.get() {
            // SAFETY: every tracked object belongs to `self`.
            unsafe { self.gc.collect_generations(self) };
        }
        id
    }

    /// A new external handle to `id`.
    pub fn new_handle(&self, id: usize) {
        self.incref_id(id);
        self.handles.borrow_mut().push(id);
    }

    /// `from` takes a new reference to `to`.
    pub fn add_ref(&self, from: usize, to: usize) {
        self.incref_id(to);
        self.slots.borrow_mut()[from].refs.push(to);
        let obj = self.obj(from);
        // SAFETY: `from` is alive (MAINTAIN_TRACKING: an untracked atomic object that gains
        // a reference is tracked again).
        unsafe {
            if !self.gc.is_tracked(obj) {
                self.gc.track(obj);
            }
        }
    }

    /// `from` drops its reference number `index` (modulo its length), if it has any.
    pub fn remove_ref(&self, from: usize, index: usize) {
        let removed = {
            let mut slots = self.slots.borrow_mut();
            let refs = &mut slots[from].refs;
            let len = refs.len();
            if len == 0 {
                None
            } else {
                Some(refs.remove(index % len))
            }
        };
        if let Some(to) = removed {
            self.decref_id(to);
        }
    }

    /// Drops external handle number `index` (modulo their number), if any.
    pub fn drop_handle(&self, index: usize) {
        let removed = {
            let mut handles = self.handles.borrow_mut();
            let len = handles.len();
            if len == 0 {
                None
            } else {
                Some(handles.remove(index % len))
            }
        };
        if let Some(id) = removed {
            self.decref_id(id);
        }
    }

    pub fn drop_all_handles(&self) {
        while !self.handles.borrow().is_empty() {
            self.drop_handle(0);
        }
    }

    pub fn alive(&self, id: usize) -> bool {
        self.slots.borrow()[id].alive
    }

    pub fn live_ids(&self) -> Vec<usize> {
        self.slots
            .borrow()
            .iter()
            .enumerate()
            .filter(|(_, s)| s.alive)
            .map(|(i, _)| i)
            .collect()
    }

    fn incref_id(&self, id: usize) {
        let mut slots = self.slots.borrow_mut();
        assert!(slots[id].alive, "incref of a freed object {id}");
        slots[id].refcnt += 1;
    }

    fn decref_id(&self, id: usize) {
        {
            let mut slots = self.slots.borrow_mut();
            let slot = &mut slots[id];
            assert!(
                slot.alive && slot.refcnt > 0,
                "decref of a dead object {id}"
            );
            slot.refcnt -= 1;
            if slot.refcnt > 0 {
                return;
            }
        }
        self.pending.borrow_mut().push(id);
        if self.deallocating.replace(true) {
            return;
        }
        loop {
            let next = self.pending.borrow_mut().pop();
            let Some(next) = next else { break };
            self.dealloc(next);
        }
        self.deallocating.set(false);
    }

    fn run_finalizer(&self, id: usize) {
        self.events.borrow_mut().push(Event::Finalize(id));
        let resurrect = {
            let mut slots = self.slots.borrow_mut();
            let slot = &mut slots[id];
            slot.finalized_runs += 1;
            slot.spec.finalizer == Finalizer::Resurrect && slot.finalized_runs == 1
        };
        if resurrect {
            self.incref_id(id);
            self.handles.borrow_mut().push(id);
        }
    }

    /// `tp_dealloc`: finalizer (once, may resurrect), weakrefs, untrack, references.
    fn dealloc(&self, id: usize) {
        let obj = self.obj(id);
        let finalizer = self.slots.borrow()[id].spec.finalizer;
        // SAFETY: `id` is alive until the end of this function.
        if finalizer != Finalizer::None && !unsafe { self.gc.is_finalized(obj) } {
            // SAFETY: as above.
            unsafe { self.gc.set_finalized(obj) };
            self.slots.borrow_mut()[id].refcnt = 1;
            self.run_finalizer(id);
            let mut slots = self.slots.borrow_mut();
            slots[id].refcnt -= 1;
            if slots[id].refcnt > 0 {
                return; // resurrected
            }
        }
        let (weakrefs, own_target) = {
            let mut slots = self.slots.borrow_mut();
            let own_target = slots[id].weak.and_then(|w| w.target);
            (std::mem::take(&mut slots[id].weakrefs_to_me), own_target)
        };
        if let Some(t) = own_target {
            self.slots.borrow_mut()[t]
                .weakrefs_to_me
                .retain(|&w| w != id);
        }
        for w in weakrefs {
            let callback = {
                let mut slots = self.slots.borrow_mut();
                let weak = slots[w].weak.as_mut().expect("a weak reference");
                weak.target = None;
                weak.callback
            };
            if callback {
                self.events.borrow_mut().push(Event::Callback(w));
            }
        }
        // SAFETY: alive; its memory is freed just below.
        unsafe { self.gc.gc_del(obj) };
        let refs = {
            let mut slots = self.slots.borrow_mut();
            let slot = &mut slots[id];
            slot.alive = false;
            slot.block = None;
            std::mem::take(&mut slot.refs)
        };
        self.events.borrow_mut().push(Event::Freed(id));
        for r in refs {
            self.decref_id(r);
        }
    }

    /// `gc.collect(generation)`.
    pub fn collect(&self, generation: usize) -> Collected {
        // SAFETY: every object tracked by `self.gc` belongs to this model.
        unsafe { self.gc.collect(self, generation) }.expect("a valid generation")
    }

    /// The objects reachable from the handles and from `gc.garbage`.
    pub fn reachable(&self, garbage: &[usize]) -> Vec<bool> {
        let slots = self.slots.borrow();
        let mut seen = vec![false; slots.len()];
        let mut work: Vec<usize> = self
            .handles
            .borrow()
            .iter()
            .chain(garbage)
            .copied()
            .collect();
        while let Some(id) = work.pop() {
            if !std::mem::replace(&mut seen[id], true) {
                work.extend(&slots[id].refs);
            }
        }
        seen
    }

    /// Checks that every live object's refcount equals its referrers plus handles plus
    /// `extra` (e.g. `gc.garbage`).
    pub fn check_refcounts(&self, extra: &[usize]) {
        let slots = self.slots.borrow();
        let mut expected = vec![0usize; slots.len()];
        for slot in slots.iter().filter(|s| s.alive) {
            for &r in &slot.refs {
                expected[r] += 1;
            }
        }
        for &h in self.handles.borrow().iter().chain(extra) {
            expected[h] += 1;
        }
        for (id, slot) in slots.iter().enumerate().filter(|(_, s)| s.alive) {
            assert_eq!(slot.refcnt, expected[id], "refcount of object {id}");
        }
    }

    /// Moves the collector's saved objects (and their references) to the model's
    /// `gc.garbage` list, as the runtime's `gc` module would; returns the whole list.
    pub fn drain_garbage(&self) -> Vec<usize> {
        let saved = self.gc.take_garbage();
        let mut garbage = self.garbage.borrow_mut();
        garbage.extend(saved.into_iter().map(Toy::id_of));
        garbage.clone()
    }

    /// Releases `gc.garbage`.
    pub fn clear_garbage(&self) {
        let garbage = std::mem::take(&mut *self.garbage.borrow_mut());
        for id in garbage {
            self.decref_id(id);
        }
    }
}

// SAFETY: the toy keeps every rule: headers precede objects (1); objects untrack in
// `dealloc` before their box is freed (2); refcounts are exact (3, checked by the tests);
// traverse visits each reference once, touching nothing (4); clear drops every reference (5);
// finalizer kinds are fixed per object (6); weak references are tracked objects, reported
// after clearing (7); collections are only started through the collector's entry points (9).
unsafe impl GcObjects for Toy {
    fn refcount(&self, obj: ObjRef) -> usize {
        self.slots.borrow()[Toy::id_of(obj)].refcnt
    }

    fn is_immortal(&self, obj: ObjRef) -> bool {
        self.slots.borrow()[Toy::id_of(obj)].spec.immortal
    }

    fn incref(&self, obj: ObjRef) {
        self.incref_id(Toy::id_of(obj));
    }

    fn decref(&self, obj: ObjRef) {
        self.decref_id(Toy::id_of(obj));
    }

    fn traverse<V: FnMut(ObjRef)>(&self, obj: ObjRef, mut visit: V) {
        let slots = self.slots.borrow();
        for &r in &slots[Toy::id_of(obj)].refs {
            let block = slots[r].block.as_ref().expect("referents are alive");
            visit(ObjRef::new(NonNull::from(&block.id).cast()));
        }
    }

    fn clear(&self, obj: ObjRef) {
        let id = Toy::id_of(obj);
        self.events.borrow_mut().push(Event::Clear(id));
        let refs = {
            let mut slots = self.slots.borrow_mut();
            slots[id].cleared = true;
            std::mem::take(&mut slots[id].refs)
        };
        for r in refs {
            self.decref_id(r);
        }
    }

    fn has_legacy_finalizer(&self, obj: ObjRef) -> bool {
        self.slots.borrow()[Toy::id_of(obj)].spec.legacy
    }

    /// Only a toy heap holding an object with `tp_del` takes the collector's general path, so
    /// that both paths are exercised.
    fn may_have_legacy_finalizers(&self) -> bool {
        self.slots.borrow().iter().any(|slot| slot.spec.legacy)
    }

    fn has_finalizer(&self, obj: ObjRef) -> bool {
        self.slots.borrow()[Toy::id_of(obj)].spec.finalizer != Finalizer::None
    }

    fn finalize(&self, obj: ObjRef) {
        self.run_finalizer(Toy::id_of(obj));
    }

    fn clear_if_weakref(&self, obj: ObjRef) {
        let id = Toy::id_of(obj);
        let mut slots = self.slots.borrow_mut();
        if let Some(t) = slots[id].weak.as_mut().and_then(|w| w.target.take()) {
            slots[t].weakrefs_to_me.retain(|&w| w != id);
        }
    }

    fn clear_weakrefs_to(&self, obj: ObjRef, report: &mut dyn FnMut(ObjRef)) {
        let id = Toy::id_of(obj);
        let weakrefs = std::mem::take(&mut self.slots.borrow_mut()[id].weakrefs_to_me);
        for w in weakrefs {
            let callback = {
                let mut slots = self.slots.borrow_mut();
                let weak = slots[w].weak.as_mut().expect("a weak reference");
                weak.target = None;
                weak.callback
            };
            if callback {
                report(self.obj(w));
            }
        }
    }

    /// True while a live toy object is a weak reference, so that collections without any
    /// take the collector's shortcut, as pyrt's heap does.
    fn may_have_weakrefs(&self) -> bool {
        self.slots
            .borrow()
            .iter()
            .any(|slot| slot.alive && slot.weak.is_some())
    }

    fn call_weakref_callback(&self, weakref: ObjRef) {
        self.events
            .borrow_mut()
            .push(Event::Callback(Toy::id_of(weakref)));
    }

    fn can_untrack(&self, obj: ObjRef, pass: UntrackPass) -> bool {
        let slots = self.slots.borrow();
        let slot = &slots[Toy::id_of(obj)];
        pass == UntrackPass::EveryCollection && slot.spec.atomic && slot.refs.is_empty()
    }

    fn untrack_pass_of(&self, obj: ObjRef) -> Option<UntrackPass> {
        let slots = self.slots.borrow();
        slots[Toy::id_of(obj)]
            .spec
            .atomic
            .then_some(UntrackPass::EveryCollection)
    }

    fn collection_callback(&self, phase: CallbackPhase, info: CollectionInfo) {
        self.gc_callbacks.borrow_mut().push((phase, info));
        if self.reenter.get() {
            let nested = self.collect(2);
            self.nested_results.borrow_mut().push(nested);
        }
    }
}
