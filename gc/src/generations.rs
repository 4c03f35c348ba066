//! The generations and their counters (`struct _gc_runtime_state` of
//! `Include/internal/pycore_gc.h`; `_PyObject_GC_Link`, `PyObject_GC_Del`,
//! `gc_collect_generations` and the counter updates of `gc_collect_main` in
//! `Modules/gcmodule.c`).
//!
//! # How the counts move (CPython 3.12)
//! * `count[0]` is +1 per GC allocation ([`Generations::on_alloc`]), −1 (if > 0) per GC
//!   deallocation ([`Generations::on_free`]), tracked or not.
//! * Collecting generation `g` zeroes `count[0..=g]` and adds 1 to `count[g + 1]`.
//! * An automatic collection takes the oldest `g` with `count[g] > threshold[g]`; for the
//!   oldest generation also `long_lived_pending >= long_lived_total / 4` (else it is skipped
//!   and younger ones are considered).
//!
//! All state is in `Cell`s: the object model calls `on_alloc`/`on_free` while a collection
//! runs (finalizers allocate, `tp_clear` frees), so nothing here is borrowed across a call
//! out.

use core::cell::Cell;

use crate::list::GcList;

/// `NUM_GENERATIONS`.
pub const NUM_GENERATIONS: usize = 3;

/// The default thresholds (`Include/internal/pycore_runtime_init.h`).
pub const DEFAULT_THRESHOLDS: [usize; NUM_GENERATIONS] = [700, 10, 10];

/// `gc.set_debug` flags (`DEBUG_STATS`, ...). `SAVEALL` changes what a collection does; the
/// others make it print CPython's lines through [`GcObjects::debug_write`]
/// (`crate::collect::report`).
///
/// [`GcObjects::debug_write`]: crate::GcObjects::debug_write
pub mod debug {
    /// `gc.DEBUG_STATS`.
    pub const STATS: u32 = 1 << 0;
    /// `gc.DEBUG_COLLECTABLE`.
    pub const COLLECTABLE: u32 = 1 << 1;
    /// `gc.DEBUG_UNCOLLECTABLE`.
    pub const UNCOLLECTABLE: u32 = 1 << 2;
    /// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage` instead of being cleared.
    pub const SAVEALL: u32 = 1 << 5;
    /// `gc.DEBUG_LEAK`.
    pub const LEAK: u32 = COLLECTABLE | UNCOLLECTABLE | SAVEALL;
}

/// `struct gc_generation_stats`: cumulative totals of one generation (`gc.get_stats()`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenerationStats {
    /// Collections of this generation.
    pub collections: usize,
    /// Objects collected by them.
    pub collected: usize,
    /// Uncollectable objects found by them.
    pub uncollectable: usize,
}

/// `struct gc_generation`: a list, its threshold and its count.
#[derive(Debug)]
pub(crate) struct Generation {
    pub(crate) list: GcList,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

/// The generations, the permanent generation and the counters (`GCState` without the
/// Python-level lists).
#[derive(Debug)]
pub(crate) struct Generations {
    gens: [Generation; NUM_GENERATIONS],
    pub(crate) permanent: GcList,
    stats: [Cell<GenerationStats>; NUM_GENERATIONS],
    pub(crate) enabled: Cell<bool>,
    pub(crate) debug: Cell<u32>,
    collecting: Cell<bool>,
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
}

/// Clears the `collecting` flag when dropped (so a panic cannot leave the collector stuck).
pub(crate) struct CollectingGuard<'a>(&'a Cell<bool>);

impl Drop for CollectingGuard<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

impl Generations {
    /// `_PyGC_InitState`: empty lists, thresholds (700, 10, 10), enabled.
    pub(crate) fn new() -> Generations {
        let generation = |threshold| Generation {
            list: GcList::new(),
            threshold: Cell::new(threshold),
            count: Cell::new(0),
        };
        Generations {
            gens: DEFAULT_THRESHOLDS.map(generation),
            permanent: GcList::new(),
            stats: Default::default(),
            enabled: Cell::new(true),
            debug: Cell::new(0),
            collecting: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
        }
    }

    /// The list of generation `g`.
    #[inline]
    pub(crate) fn list(&self, g: usize) -> &GcList {
        &self.gens[g].list
    }

    /// `_PyObject_GC_Link`: counts a GC allocation; returns whether 3.12 would now schedule
    /// an automatic collection (`count[0] > threshold[0]`, enabled, threshold non-zero, not
    /// collecting).
    #[inline]
    pub(crate) fn on_alloc(&self) -> bool {
        let g0 = &self.gens[0];
        g0.count.set(g0.count.get() + 1);
        g0.count.get() > g0.threshold.get()
            && self.enabled.get()
            && g0.threshold.get() != 0
            && !self.collecting.get()
    }

    /// `PyObject_GC_Del`'s count update: `count[0] -= 1` if positive.
    #[inline]
    pub(crate) fn on_free(&self) {
        let c = &self.gens[0].count;
        c.set(c.get().saturating_sub(1));
    }

    /// `gc.get_count()`.
    pub(crate) fn counts(&self) -> [usize; NUM_GENERATIONS] {
        [0, 1, 2].map(|g| self.gens[g].count.get())
    }

    /// `gc.get_threshold()`.
    pub(crate) fn thresholds(&self) -> [usize; NUM_GENERATIONS] {
        [0, 1, 2].map(|g| self.gens[g].threshold.get())
    }

    /// `gc.set_threshold(t0[, t1[, t2]])`: the thresholds given are set, the others kept.
    pub(crate) fn set_thresholds(&self, thresholds: &[usize]) {
        for (g, &t) in self.gens.iter().zip(thresholds) {
            g.threshold.set(t);
        }
    }

    /// Step 1 of `gc_collect_main`: `count[g + 1] += 1`, `count[0..=g] = 0`.
    pub(crate) fn advance_counts(&self, generation: usize) {
        if let Some(older) = self.gens.get(generation + 1) {
            older.count.set(older.count.get() + 1);
        }
        for g in &self.gens[..=generation] {
            g.count.set(0);
        }
    }

    /// `gc_collect_generations`' choice: the oldest generation over its threshold, skipping
    /// the oldest unless `long_lived_pending >= long_lived_total / 4`.
    pub(crate) fn generation_to_collect(&self) -> Option<usize> {
        (0..NUM_GENERATIONS).rev().find(|&g| {
            let over = self.gens[g].count.get() > self.gens[g].threshold.get();
            let full_allowed = g != NUM_GENERATIONS - 1
                || self.long_lived_pending.get() >= self.long_lived_total.get() / 4;
            over && full_allowed
        })
    }

    /// Step 5 of `gc_collect_main` for the survivors `young_len` of a collection of
    /// `generation`: a gen-1 collection adds them to `long_lived_pending`; a full one resets
    /// `long_lived_pending` and sets `long_lived_total`.
    pub(crate) fn record_survivors(&self, generation: usize, young_len: usize) {
        if generation == NUM_GENERATIONS - 1 {
            self.long_lived_pending.set(0);
            self.long_lived_total.set(young_len);
        } else if generation == NUM_GENERATIONS - 2 {
            self.long_lived_pending
                .set(self.long_lived_pending.get() + young_len);
        }
    }

    /// `(long_lived_total, long_lived_pending)`.
    pub(crate) fn long_lived(&self) -> (usize, usize) {
        (self.long_lived_total.get(), self.long_lived_pending.get())
    }

    /// Sets `(long_lived_total, long_lived_pending)` (tests of the heuristic).
    #[cfg(test)]
    pub(crate) fn set_long_lived(&self, total: usize, pending: usize) {
        self.long_lived_total.set(total);
        self.long_lived_pending.set(pending);
    }

    /// Sets `count[g]` (tests).
    #[cfg(test)]
    pub(crate) fn set_count(&self, g: usize, count: usize) {
        self.gens[g].count.set(count);
    }

    /// Adds a collection's result to `generation_stats[g]`.
    pub(crate) fn add_stats(&self, generation: usize, collected: usize, uncollectable: usize) {
        let cell = &self.stats[generation];
        let mut s = cell.get();
        s.collections += 1;
        s.collected += collected;
        s.uncollectable += uncollectable;
        cell.set(s);
    }

    /// `gc.get_stats()`.
    pub(crate) fn stats(&self) -> [GenerationStats; NUM_GENERATIONS] {
        [0, 1, 2].map(|g| self.stats[g].get())
    }

    /// Sets the `collecting` flag unless it is set already (the re-entrancy guard).
    pub(crate) fn begin_collecting(&self) -> Option<CollectingGuard<'_>> {
        if self.collecting.replace(true) {
            None
        } else {
            Some(CollectingGuard(&self.collecting))
        }
    }

    /// Whether a collection is running.
    pub(crate) fn is_collecting(&self) -> bool {
        self.collecting.get()
    }

    /// `gc.freeze()`: generations 0–2 into the permanent generation; counts zeroed.
    pub(crate) fn freeze(&self) {
        for g in &self.gens {
            g.list.merge_into(&self.permanent);
            g.count.set(0);
        }
    }

    /// `gc.unfreeze()`: the permanent generation into the oldest generation.
    pub(crate) fn unfreeze(&self) {
        self.permanent.merge_into(self.list(NUM_GENERATIONS - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_advance_as_in_cpython() {
        let g = Generations::new();
        assert_eq!(g.thresholds(), [700, 10, 10]);
        for _ in 0..700 {
            assert!(!g.on_alloc());
        }
        assert!(g.on_alloc(), "the 701st allocation schedules a collection");
        g.on_free();
        assert_eq!(g.counts(), [700, 0, 0]);
        g.advance_counts(0);
        assert_eq!(g.counts(), [0, 1, 0]);
        g.advance_counts(1);
        assert_eq!(g.counts(), [0, 0, 1]);
        g.advance_counts(2);
        assert_eq!(g.counts(), [0, 0, 0]);
        g.on_free();
        assert_eq!(g.counts(), [0, 0, 0], "count[0] never goes below 0");
    }

    #[test]
    fn scheduling_needs_enabled_nonzero_threshold_and_no_collection() {
        let g = Generations::new();
        g.set_thresholds(&[1]);
        assert_eq!(g.thresholds(), [1, 10, 10]);
        g.on_alloc();
        g.enabled.set(false);
        assert!(!g.on_alloc());
        g.enabled.set(true);
        let guard = g.begin_collecting().unwrap();
        assert!(g.begin_collecting().is_none());
        assert!(!g.on_alloc());
        drop(guard);
        assert!(g.on_alloc());
        g.set_thresholds(&[0]);
        assert!(!g.on_alloc(), "threshold 0 disables automatic collection");
    }

    #[test]
    fn the_oldest_generation_over_threshold_is_chosen_with_the_long_lived_rule() {
        let g = Generations::new();
        assert_eq!(g.generation_to_collect(), None);
        g.set_count(0, 701);
        assert_eq!(g.generation_to_collect(), Some(0));
        g.set_count(1, 11);
        assert_eq!(g.generation_to_collect(), Some(1));
        g.set_count(2, 11);
        assert_eq!(g.generation_to_collect(), Some(2), "0 >= 0 / 4");
        g.set_long_lived(100, 24);
        assert_eq!(
            g.generation_to_collect(),
            Some(1),
            "24 < 100 / 4: skip the full one"
        );
        g.set_long_lived(100, 25);
        assert_eq!(g.generation_to_collect(), Some(2));
        g.record_survivors(1, 5);
        assert_eq!(g.long_lived(), (100, 30));
        g.record_survivors(2, 7);
        assert_eq!(g.long_lived(), (7, 0));
        g.record_survivors(0, 9);
        assert_eq!(g.long_lived(), (7, 0), "gen-0 survivors do not count");
    }

    #[test]
    fn eleven_young_collections_then_one_of_generation_one() {
        // The measured pattern `000000000001...` with the default thresholds.
        let g = Generations::new();
        let mut pattern = String::new();
        for _ in 0..24 {
            g.set_count(0, 701);
            let chosen = g.generation_to_collect().unwrap();
            g.advance_counts(chosen);
            pattern.push(char::from(b'0' + chosen as u8));
        }
        assert_eq!(pattern, "000000000001000000000001");
    }
}
