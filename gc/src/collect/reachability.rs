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
        objects.traverse(obj, &mut |child: ObjRef| {
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
/// on the way, as CPython's `untrack_tuples` would right after. Returns the number of
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
    all_tracked: bool,
) -> usize {
    // SAFETY: the caller's preconditions are those of each step, in turn.
    unsafe {
        if all_tracked {
            unreachable::update_and_subtract_refs(
                base,
                permanent,
                &|o| objects.refcount(o),
                &|o| objects.is_immortal(o),
                &mut |obj, visit| objects.traverse(obj, visit),
            );
        } else {
            update_refs(objects, base, permanent);
            subtract_refs(objects, base);
        }
        unreachable::move_unreachable(
            base,
            unreachable,
            &mut |obj, visit| objects.traverse(obj, visit),
            &mut |obj| untrack_tuples && objects.can_untrack(obj, UntrackPass::EveryCollection),
        )
    }
}

/// `untrack_tuples` / `untrack_dicts`: untracks each member the contract says can be, and
/// returns how many members are left (`gc_list_size` of the survivors, counted on the same
/// walk).
///
/// # Safety
/// `list` is an ordinary list of objects of `objects`.
pub(super) unsafe fn untrack_pass<O: GcObjects + ?Sized>(
    objects: &O,
    list: &GcList,
    pass: UntrackPass,
) -> usize {
    let mut left = 0;
    let mut cur = list.first();
    while let Some(obj) = cur {
        // SAFETY: `obj` is a member of `list`.
        cur = unsafe { list.next_of(obj) };
        if objects.can_untrack(obj, pass) {
            // SAFETY: `obj` is a linked member (can_untrack is inert, rule 10).
            unsafe { GcList::remove(GcHeader::of(obj)) };
        } else {
            left += 1;
        }
    }
    left
}
