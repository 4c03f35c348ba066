//! The collector's public face: the hooks the object model calls as objects are born and die
//! (`_PyObject_GC_Link`, `_PyObject_GC_TRACK`, `_PyObject_GC_UNTRACK`, `PyObject_GC_Del`),
//! the collections (`gc.collect`, `_Py_RunGC`) and the settings of the `gc` module.
//!
//! Every method takes `&self`: the object model calls the hooks while a collection runs
//! (finalizers allocate and track, `tp_clear` frees and untracks), so the state lives in
//! `Cell`s and the collector is `!Sync`, like the heap that owns it.

use core::cell::RefCell;

use crate::collect::{Collected, collect_main};
use crate::contract::{CallbackPhase, CollectionInfo, GcObjects, ObjRef};
use crate::error::GcError;
use crate::generations::{GenerationStats, Generations, NUM_GENERATIONS};
use crate::list::header::GcHeader;
use crate::list::{GcList, ListFlags};

/// CPython's `struct _gc_runtime_state`: generations, counters and `gc.garbage`.
#[derive(Debug)]
pub struct Collector {
    pub(crate) gens: Generations,
    /// `gc.garbage`: objects saved by collections, each holding a reference.
    garbage: RefCell<Vec<ObjRef>>,
}

impl Default for Collector {
    fn default() -> Self {
        Collector::new()
    }
}

impl Collector {
    /// A collector with empty generations, thresholds (700, 10, 10), enabled.
    pub fn new() -> Collector {
        Collector {
            gens: Generations::new(),
            garbage: RefCell::new(Vec::new()),
        }
    }

    // --- object lifecycle hooks ------------------------------------------------------------

    /// `_PyObject_GC_Link`: counts the allocation of a GC object (tracked later or not).
    /// Returns `true` when CPython 3.12 would schedule an automatic collection; the caller
    /// runs [`collect_generations`](Self::collect_generations) at its next safe point.
    #[inline]
    pub fn on_alloc(&self) -> bool {
        self.gens.on_alloc()
    }

    /// `_PyObject_GC_TRACK`: appends `obj` to generation 0.
    ///
    /// # Safety
    /// `obj` is a live GC object of the object model later given to collections (contract
    /// rule 1), its traverse is valid from now on, and it stays alive until untracked
    /// (rule 2).
    ///
    /// # Panics
    /// If `obj` is already tracked ("object already tracked by the garbage collector").
    #[inline]
    pub unsafe fn track(&self, obj: ObjRef) {
        // SAFETY: the caller vouches that `obj` is a live GC object.
        let gc = unsafe { GcHeader::of(obj) };
        assert!(
            !gc.is_tracked(),
            "object already tracked by the garbage collector"
        );
        // SAFETY: untracked, alive until untracked (caller).
        unsafe { self.gens.list(0).append(gc) };
    }

    /// `_PyObject_GC_UNTRACK` / `PyObject_GC_UnTrack`: unlinks `obj` if it is tracked.
    ///
    /// # Safety
    /// `obj` is a live GC object, and no collection is between `update_refs` and
    /// `move_legacy_finalizers` (true whenever the object model's code runs, rule 9).
    #[inline]
    pub unsafe fn untrack(&self, obj: ObjRef) {
        // SAFETY: the caller vouches that `obj` is a live GC object.
        let gc = unsafe { GcHeader::of(obj) };
        if gc.is_tracked() {
            // SAFETY: tracked, and linked (caller).
            unsafe { GcList::remove(gc) };
        }
    }

    /// `PyObject_GC_Del`'s bookkeeping: untracks `obj` if still tracked and uncounts the
    /// allocation (`count[0] -= 1` if positive). The caller frees the memory afterwards.
    ///
    /// # Safety
    /// As for [`untrack`](Self::untrack).
    #[inline]
    pub unsafe fn gc_del(&self, obj: ObjRef) {
        // SAFETY: the caller's contract is untrack's.
        unsafe { self.untrack(obj) };
        self.gens.on_free();
    }

    /// `_PyObject_GC_IS_TRACKED` (`gc.is_tracked`).
    ///
    /// # Safety
    /// `obj` is a live GC object.
    #[inline]
    pub unsafe fn is_tracked(&self, obj: ObjRef) -> bool {
        // SAFETY: the caller vouches that `obj` is a live GC object.
        unsafe { GcHeader::of(obj) }.is_tracked()
    }

    /// `_PyGC_FINALIZED` (`gc.is_finalized`).
    ///
    /// # Safety
    /// `obj` is a live GC object.
    #[inline]
    pub unsafe fn is_finalized(&self, obj: ObjRef) -> bool {
        // SAFETY: the caller vouches that `obj` is a live GC object.
        unsafe { GcHeader::of(obj) }.is_finalized()
    }

    /// `_PyGC_SET_FINALIZED`: for the dealloc path, which runs `tp_finalize` itself
    /// (`PyObject_CallFinalizerFromDealloc`).
    ///
    /// # Safety
    /// `obj` is a live GC object.
    #[inline]
    pub unsafe fn set_finalized(&self, obj: ObjRef) {
        // SAFETY: the caller vouches that `obj` is a live GC object.
        unsafe { GcHeader::of(obj) }.set_finalized();
    }

    // --- collections ----------------------------------------------------------------------

    /// `gc.collect(generation)`: runs a collection with callbacks even when automatic
    /// collection is disabled; does nothing (returns zeros) while a collection runs.
    ///
    /// # Errors
    /// [`GcError::InvalidGeneration`] unless `generation` is 0, 1 or 2.
    ///
    /// # Safety
    /// `objects` implements the contract for every object tracked by this collector.
    pub unsafe fn collect<O: GcObjects + ?Sized>(
        &self,
        objects: &O,
        generation: usize,
    ) -> Result<Collected, GcError> {
        if generation >= NUM_GENERATIONS {
            return Err(GcError::InvalidGeneration);
        }
        let Some(_guard) = self.gens.begin_collecting() else {
            return Ok(Collected::default());
        };
        // SAFETY: the caller's contract; the guard is held.
        Ok(unsafe { self.collect_with_callback(objects, generation) })
    }

    /// `_Py_RunGC` (`gc_collect_generations`): the automatic collection, run when
    /// [`on_alloc`](Self::on_alloc) asked for it. Collects the oldest generation over its
    /// threshold (with the long-lived rule for the oldest), if enabled and not collecting.
    ///
    /// # Safety
    /// As for [`collect`](Self::collect).
    pub unsafe fn collect_generations<O: GcObjects + ?Sized>(&self, objects: &O) -> Collected {
        if !self.gens.enabled.get() {
            return Collected::default();
        }
        let Some(_guard) = self.gens.begin_collecting() else {
            return Collected::default();
        };
        match self.gens.generation_to_collect() {
            // SAFETY: the caller's contract; the guard is held.
            Some(g) => unsafe { self.collect_with_callback(objects, g) },
            None => Collected::default(),
        }
    }

    /// `gc_collect_with_callback`: `"start"` callback, the collection, `"stop"` callback.
    ///
    /// # Safety
    /// As for [`collect`](Self::collect), with the collecting guard held.
    unsafe fn collect_with_callback<O: GcObjects + ?Sized>(
        &self,
        objects: &O,
        generation: usize,
    ) -> Collected {
        let info = CollectionInfo {
            generation,
            ..CollectionInfo::default()
        };
        objects.collection_callback(CallbackPhase::Start, info);
        // SAFETY: the caller's contract.
        let result = unsafe { collect_main(self, objects, generation) };
        let info = CollectionInfo {
            generation,
            collected: result.collected,
            uncollectable: result.uncollectable,
        };
        objects.collection_callback(CallbackPhase::Stop, info);
        result
    }

    /// Whether a collection is running (`gcstate->collecting`).
    pub fn is_collecting(&self) -> bool {
        self.gens.is_collecting()
    }

    /// Saves `obj` in `gc.garbage`, taking a reference.
    pub(crate) fn save_garbage<O: GcObjects + ?Sized>(&self, objects: &O, obj: ObjRef) {
        objects.incref(obj);
        self.garbage.borrow_mut().push(obj);
    }

    /// Takes `gc.garbage`: the objects saved by collections, in order. The caller receives
    /// one reference to each (and must release it).
    pub fn take_garbage(&self) -> Vec<ObjRef> {
        self.garbage.take()
    }

    /// `len(gc.garbage)`.
    pub fn garbage_len(&self) -> usize {
        self.garbage.borrow().len()
    }

    // --- settings and introspection -------------------------------------------------------

    /// `gc.enable()` / `gc.disable()`.
    pub fn set_enabled(&self, enabled: bool) {
        self.gens.enabled.set(enabled);
    }

    /// `gc.isenabled()`.
    pub fn is_enabled(&self) -> bool {
        self.gens.enabled.get()
    }

    /// `gc.get_debug()`.
    pub fn debug_flags(&self) -> u32 {
        self.gens.debug.get()
    }

    /// `gc.set_debug(flags)` (see [`debug`](crate::debug)).
    pub fn set_debug_flags(&self, flags: u32) {
        self.gens.debug.set(flags);
    }

    /// `gc.get_threshold()`.
    pub fn thresholds(&self) -> [usize; NUM_GENERATIONS] {
        self.gens.thresholds()
    }

    /// `gc.set_threshold(t0[, t1[, t2]])`: sets the first `thresholds.len()` (at most 3).
    pub fn set_thresholds(&self, thresholds: &[usize]) {
        self.gens.set_thresholds(thresholds);
    }

    /// `gc.get_count()`.
    pub fn counts(&self) -> [usize; NUM_GENERATIONS] {
        self.gens.counts()
    }

    /// `gc.get_stats()`.
    pub fn stats(&self) -> [GenerationStats; NUM_GENERATIONS] {
        self.gens.stats()
    }

    /// `(long_lived_total, long_lived_pending)`.
    pub fn long_lived(&self) -> (usize, usize) {
        self.gens.long_lived()
    }

    /// `gc.freeze()`.
    pub fn freeze(&self) {
        self.gens.freeze();
    }

    /// `gc.unfreeze()`.
    pub fn unfreeze(&self) {
        self.gens.unfreeze();
    }

    /// `gc.get_freeze_count()`.
    pub fn freeze_count(&self) -> usize {
        self.gens.permanent.len()
    }

    /// `gc.get_objects(generation)`: the tracked objects of one generation, or of all three
    /// (never the permanent one), in list order.
    ///
    /// # Errors
    /// [`GcError::InvalidGeneration`] for a generation outside 0..=2.
    pub fn objects(&self, generation: Option<usize>) -> Result<Vec<ObjRef>, GcError> {
        match generation {
            Some(g) if g >= NUM_GENERATIONS => Err(GcError::InvalidGeneration),
            Some(g) => Ok(self.gens.list(g).objects()),
            None => Ok((0..NUM_GENERATIONS)
                .flat_map(|g| self.gens.list(g).objects())
                .collect()),
        }
    }

    /// Number of objects in generation `g` (a walk).
    ///
    /// # Panics
    /// If `g` is not 0, 1 or 2.
    pub fn generation_len(&self, g: usize) -> usize {
        self.gens.list(g).len()
    }

    /// Checks every list of the collector (links consistent, no flag bits between
    /// collections).
    ///
    /// # Errors
    /// [`GcError::Corrupt`] naming the list and the broken rule.
    pub fn check_invariants(&self) -> Result<(), GcError> {
        let lists = (0..NUM_GENERATIONS)
            .map(|g| self.gens.list(g))
            .chain([&self.gens.permanent]);
        for (i, list) in lists.enumerate() {
            list.check_invariants(ListFlags::CLEAR)
                .map_err(|e| GcError::Corrupt(format!("generation list {i}: {e}")))?;
        }
        Ok(())
    }

    /// In debug builds, checks the next-older generation at a phase boundary: in full
    /// collections only, where the collection itself walks every object. A young collection
    /// checking the whole old generation would make a debug build's run quadratic in the
    /// heap (every generation-1 collection walking every long-lived object); the old
    /// generation is still checked by each full collection and by `check_invariants`.
    #[inline]
    pub(crate) fn debug_check_old(&self, old: &GcList, full: bool) {
        if full {
            self.debug_check(old, ListFlags::CLEAR);
        }
    }

    /// In debug builds, checks `list` at a phase boundary.
    #[inline]
    pub(crate) fn debug_check(&self, list: &GcList, flags: ListFlags) {
        if cfg!(debug_assertions)
            && let Err(e) = list.check_invariants(flags)
        {
            panic!("{e}");
        }
    }
}
