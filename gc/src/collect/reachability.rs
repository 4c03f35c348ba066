//! `deduce_unreachable` (`update_refs`, `subtract_refs`, `move_unreachable`) and the
//! untracking passes (`untrack_tuples`, `untrack_dicts`) of `Modules/gcmodule.c`.

use crate::contract::{GcObjects, ObjRef, UntrackPass};
use crate::list::header::GcHeader;
use crate::list::{GcList, unreachable};

/// `update_refs`: every object of `base` enters the counting state with `gc_refs` =
/// its refcount and COLLECTING set; immortal objects (3.12) move to `permanent` instead.
///
/// Afterwards `base` is singly linked (through `next`) and every member is COLLECTING.
///
/// # Safety
/// `base` is an ordinary list of objects of `objects`, without COLLECTING.
pub(super) unsafe fn update_refs<O: GcObjects + ?Sized>(
    objects: &O,
    base: &GcList,
    permanent: &GcList,
) {
    let mut cur = base.first();
    while let Some(obj) = cur {
        // SAFETY: `obj` is a member of `base` (its next link is intact in every state).
        cur = unsafe { base.next_of(obj) };
        // SAFETY: `obj` is a live tracked object (rule 2).
        let gc = unsafe { GcHeader::of(obj) };
        if objects.is_immortal(obj) {
            // SAFETY: `obj` is not reset yet, so its prev link and its successor's are
            // intact; only its predecessor's next word is written, which every state keeps.
            unsafe { permanent.move_to_end(gc) };
            continue;
        }
        let refs = objects.refcount(obj);
        debug_assert!(refs != 0, "gc: a tracked object with refcount 0 (rule 3)");
        gc.reset_refs(refs);
    }
}

/// `subtract_refs`: for each reference held by a member of `base` to a member of `base`,
/// `gc_refs` of the referent drops by one. Afterwards `gc_refs > 0` exactly for the
/// members referenced from outside `base`.
///
/// # Safety
/// `base` is in the counting state `update_refs` left.
pub(super) unsafe fn subtract_refs<O: GcObjects + ?Sized>(objects: &O, base: &GcList) {
    let mut cur = base.first();
    while let Some(obj) = cur {
        objects.traverse(obj, |child: ObjRef| {
            // SAFETY: traverse reports live GC objects (rule 4).
            let gc = unsafe { GcHeader::of(child) };
            if gc.is_collecting() {
                gc.decref_refs();
            }
        });
        // SAFETY: `obj` is a member of `base`.
        cur = unsafe { base.next_of(obj) };
    }
}

/// `deduce_unreachable(base, unreachable)`: afterwards `base` holds the objects reachable
/// from outside it (an ordinary list, no COLLECTING) and `unreachable` the others, in
/// CPython's order, with COLLECTING and NEXT_MASK_UNREACHABLE set. With `untrack_tuples`,
/// the survivors the contract can untrack ([`UntrackPass::EveryCollection`]) are untracked
/// on the way, as CPython's `untrack_tuples` would right after; with `untrack_dicts` too, the
/// survivors a [`UntrackPass::FullCollection`] can untrack are noted on the way and untracked
/// after the scan, when every tuple has its final state (the only other objects their test
/// reads, rule 10): CPython's `untrack_dicts` walk, without the walk. Returns the number of
/// survivors left in `base`.
///
/// With `all_tracked` (every tracked object is in `base` and `permanent` is empty: a full
/// collection of a heap without frozen objects), `update_refs` and `subtract_refs` share one
/// walk ([`unreachable::update_and_subtract_refs`]), with the same result.
///
/// # Safety
/// `base` is an ordinary list of objects of `objects` without COLLECTING (outside
/// `base`, no object has COLLECTING); `unreachable` is empty; `all_tracked` only as above.
pub(super) unsafe fn deduce_unreachable<O: GcObjects + ?Sized>(
    objects: &O,
    base: &GcList,
    unreachable: &GcList,
    permanent: &GcList,
    untrack_tuples: bool,
    untrack_dicts: bool,
    all_tracked: bool,
) -> usize {
    let mut later: Vec<ObjRef> = Vec::new();
    // SAFETY: the caller's preconditions are those of each step, in turn.
    let survivors = unsafe {
        if all_tracked {
            unreachable::update_and_subtract_refs(objects, base, permanent);
        } else {
            update_refs(objects, base, permanent);
            subtract_refs(objects, base);
        }
        unreachable::move_unreachable(objects, base, unreachable, |obj| {
            if !untrack_tuples {
                return false;
            }
            match objects.untrack_pass_of(obj) {
                Some(UntrackPass::EveryCollection) => {
                    objects.can_untrack(obj, UntrackPass::EveryCollection)
                }
                Some(UntrackPass::FullCollection) if untrack_dicts => {
                    later.push(obj);
                    false
                }
                _ => false,
            }
        })
    };
    let mut untracked = 0;
    for obj in later {
        if objects.can_untrack(obj, UntrackPass::FullCollection) {
            // SAFETY: a survivor scanned by move_unreachable stays in `base`, which is an
            // ordinary list again.
            unsafe { GcList::remove(GcHeader::of(obj)) };
            untracked += 1;
        }
    }
    survivors - untracked
}
