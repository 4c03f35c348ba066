//! `gc_collect_main` (`Modules/gcmodule.c`, 3.12): one collection, phase by phase.
//!
//! ```text
//!  young = gen g (+ younger merged in)      old = gen g+1 (gen 2 itself for a full one)
//!    │ deduce_unreachable (update_refs, subtract_refs, move_unreachable)
//!    ├──────────────► unreachable (tentative marks)
//!    │ untrack hooks; young merged into old            │ move_legacy_finalizers (+ reachable)
//!    ▼                                                 ├──────────────► finalizers
//!   old ◄── weakrefs with callbacks ── handle_weakrefs │                  │
//!   old ◄── resurrected ── finalize_garbage, handle_resurrected_objects  │
//!   old ◄── survivors of tp_clear ── delete_garbage(final_unreachable)   │
//!   old ◄───────────────────────────── handle_legacy_finalizers ─────────┘
//! ```
//!
//! No phase recurses: each walks an intrusive list, and the lists that grow while walked
//! (young during `move_unreachable`, finalizers during `move_legacy_finalizer_reachable`) are
//! walked to their current end. The collector allocates nothing on the object heap; its
//! scratch space is the sentinels of its temporary lists (boxed, on the Rust heap) and one
//! `Vec` for the weak references reported for one object. Object memory is touched only
//! through [`GcObjects`] and the headers.

mod finalizers;
mod garbage;
mod reachability;
mod report;
mod weakrefs;

use crate::collector::Collector;
use crate::contract::GcObjects;
use crate::generations::{NUM_GENERATIONS, debug};
use crate::list::header::GcHeader;
use crate::list::{GcList, ListFlags, unreachable};

/// The result of one collection, as CPython counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Collected {
    /// `m`: unreachable objects cleared (or saved, with `DEBUG_SAVEALL`) plus weak
    /// references freed while their callbacks ran.
    pub collected: usize,
    /// `n`: unreachable objects kept because a legacy finalizer (`tp_del`) reaches them.
    pub uncollectable: usize,
}

impl Collected {
    /// `n + m`: what `gc.collect()` returns.
    pub fn total(self) -> usize {
        self.collected + self.uncollectable
    }
}

/// `gc_collect_main(generation)`.
///
/// Afterwards: every object of generations `0..=generation` that was unreachable from
/// outside them has been finalized at most once and cleared (or saved); survivors are in
/// `old`; counts, stats and the long-lived counters are updated.
///
/// # Safety
/// `objects` implements the contract for every object tracked by `c`, and the caller holds
/// `c`'s collecting guard.
pub(crate) unsafe fn collect_main<O: GcObjects + ?Sized>(
    c: &Collector,
    objects: &O,
    generation: usize,
) -> Collected {
    let gens = &c.gens;
    let flags = gens.debug.get();
    let started = (flags & debug::STATS != 0).then(|| report::start(objects, c, generation));
    gens.advance_counts(generation);
    for g in 0..generation {
        gens.list(g).merge_into(gens.list(generation));
    }
    let young = gens.list(generation);
    let old = gens.list((generation + 1).min(NUM_GENERATIONS - 1));
    let full = generation == NUM_GENERATIONS - 1;
    c.debug_check_old(old, full);

    let unreachable = GcList::new();
    // A full collection merged every generation into young: with nothing frozen, every
    // tracked object is in it.
    let all_tracked = generation == NUM_GENERATIONS - 1 && gens.permanent.is_empty();
    // SAFETY: young is an ordinary list of objects of `objects`, and `all_tracked` is as
    // `deduce_unreachable` requires. The tuples that can be are untracked on the way
    // (`untrack_tuples`, fused into `move_unreachable`'s scan), and in a full collection the
    // dicts that can be right after it (`untrack_dicts`).
    let survivors = unsafe {
        reachability::deduce_unreachable(
            objects,
            young,
            &unreachable,
            &gens.permanent,
            true,
            full,
            all_tracked,
        )
    };
    if !full {
        if generation == NUM_GENERATIONS - 2 {
            gens.record_survivors(generation, survivors);
        }
        young.merge_into(old);
    } else {
        gens.record_survivors(generation, survivors);
    }

    let finalizers = GcList::new();
    let (mut collected, finalized) = if objects.may_have_legacy_finalizers() {
        // SAFETY: unreachable is as move_unreachable left it.
        unsafe { finalizers::move_legacy_finalizers(objects, &unreachable, &finalizers) };
        c.debug_check(&finalizers, ListFlags::CLEAR);
        if flags & debug::COLLECTABLE != 0 {
            report::cycle(objects, "collectable", &unreachable.objects());
        }
        // SAFETY: here and below, the lists are ordinary lists of objects of `objects`, in
        // the states each phase documents.
        let collected = unsafe { weakrefs::handle_weakrefs(objects, &unreachable, old) };
        c.debug_check_old(old, full);
        // SAFETY: as above.
        let finalized = unsafe { finalizers::finalize_garbage(objects, &unreachable) };
        (collected, finalized)
    } else {
        // Without legacy finalizers nothing moves out of `unreachable`: the walk that strips
        // its marks also clears the weak references (handle_weakrefs' first loop, in the same
        // order) and looks for finalizers still to run, so that finalize_garbage's walk is
        // skipped when there are none.
        let weakrefs = objects.may_have_weakrefs();
        let mut pass = weakrefs::WeakrefPass::new();
        let mut pending = false;
        let mut seen = 0;
        let mut collectable = Vec::new();
        let report_collectable = flags & debug::COLLECTABLE != 0;
        // SAFETY: unreachable is as move_unreachable left it; `pass.clear` moves only
        // reachable weak references, never a member of `unreachable`.
        unsafe {
            unreachable::strip_marks_and_split(&unreachable, &finalizers, &mut |obj| {
                if weakrefs {
                    pass.clear(objects, obj);
                }
                if report_collectable {
                    collectable.push(obj);
                }
                seen += 1;
                pending =
                    pending || (!GcHeader::of(obj).is_finalized() && objects.has_finalizer(obj));
                false
            })
        };
        if report_collectable {
            report::cycle(objects, "collectable", &collectable);
        }
        // SAFETY: as above.
        let collected = unsafe { pass.call_callbacks(objects, old) };
        c.debug_check_old(old, full);
        let finalized = if pending {
            // SAFETY: as above.
            unsafe { finalizers::finalize_garbage(objects, &unreachable) }
        } else {
            finalizers::Finalized { ran: false, seen }
        };
        (collected, finalized)
    };
    c.debug_check(
        &unreachable,
        ListFlags {
            collecting: true,
            unreachable: false,
        },
    );
    let final_unreachable = GcList::new();
    // SAFETY: as above.
    unsafe {
        finalizers::handle_resurrected_objects(
            objects,
            c,
            &unreachable,
            &final_unreachable,
            old,
            finalized.ran,
        )
    };
    collected += if finalized.ran {
        final_unreachable.len()
    } else {
        finalized.seen
    };
    // SAFETY: as above.
    unsafe { garbage::delete_garbage(objects, c, &final_unreachable, old) };

    let uncollectable = finalizers.len();
    if flags & debug::UNCOLLECTABLE != 0 {
        report::cycle(objects, "uncollectable", &finalizers.objects());
    }
    // SAFETY: as above.
    unsafe { garbage::handle_legacy_finalizers(objects, c, &finalizers, old) };
    c.debug_check_old(old, full);

    if generation == NUM_GENERATIONS - 1 {
        objects.clear_freelists();
    }
    gens.add_stats(generation, collected, uncollectable);
    if let Some(started) = started {
        report::done(objects, collected + uncollectable, uncollectable, started);
    }
    Collected {
        collected,
        uncollectable,
    }
}
