//! Finalizers: `move_legacy_finalizers`, `move_legacy_finalizer_reachable`,
//! `finalize_garbage` (PEP 442) and `handle_resurrected_objects` (`Modules/gcmodule.c`).

use super::reachability::deduce_unreachable;
use crate::collector::Collector;
use crate::contract::{GcObjects, ObjRef};
use crate::list::header::GcHeader;
use crate::list::{GcList, unreachable};

/// `move_legacy_finalizers` + `move_legacy_finalizer_reachable`: the unreachable objects
/// with a `tp_del`, and everything unreachable they reach, move to `finalizers` (without
/// COLLECTING).
///
/// Afterwards `unreachable` is an ordinary list whose members all have COLLECTING.
///
/// # Safety
/// `unreachable` is as `move_unreachable` left it; `finalizers` is empty.
pub(super) unsafe fn move_legacy_finalizers<O: GcObjects + ?Sized>(
    objects: &O,
    unreachable: &GcList,
    finalizers: &GcList,
) {
    // SAFETY: the caller's precondition.
    unsafe {
        unreachable::strip_marks_and_split(unreachable, finalizers, &mut |obj| {
            objects.has_legacy_finalizer(obj)
        })
    };
    // The finalizers list grows while walked: walk to its current end.
    let mut cur = finalizers.first();
    while let Some(obj) = cur {
        objects.traverse(obj, &mut |child: ObjRef| {
            // SAFETY: traverse reports live GC objects (rule 4).
            let gc = unsafe { GcHeader::of(child) };
            if gc.is_collecting() {
                // SAFETY: only members of the (now ordinary) unreachable list are COLLECTING.
                unsafe { finalizers.move_to_end(gc) };
                gc.clear_collecting();
            }
        });
        // SAFETY: `obj` is a member of `finalizers`.
        cur = unsafe { finalizers.next_of(obj) };
    }
}

/// What [`finalize_garbage`] did.
pub(super) struct Finalized {
    /// Whether any finalizer ran (if none did, no code ran and nothing can be resurrected).
    pub ran: bool,
    /// The members met, which is the list's length when no finalizer ran.
    pub seen: usize,
}

/// `finalize_garbage`: calls `tp_finalize` once on each member not yet FINALIZED, marking
/// it FINALIZED first and holding a reference during the call. Finalizers may free members
/// (they untrack themselves); the survivors stay in `collectable`, in order.
///
/// # Safety
/// `collectable` is an ordinary list of objects of `objects`.
pub(super) unsafe fn finalize_garbage<O: GcObjects + ?Sized>(
    objects: &O,
    collectable: &GcList,
) -> Finalized {
    let seen = GcList::new();
    let mut done = Finalized {
        ran: false,
        seen: 0,
    };
    while let Some(obj) = collectable.first() {
        // SAFETY: `obj` is a live member of `collectable`.
        let gc = unsafe { GcHeader::of(obj) };
        // SAFETY: as above; `obj` is linked.
        unsafe { seen.move_to_end(gc) };
        done.seen += 1;
        if !gc.is_finalized() && objects.has_finalizer(obj) {
            gc.set_finalized();
            done.ran = true;
            objects.incref(obj);
            objects.finalize(obj);
            objects.decref(obj);
        }
    }
    seen.merge_into(collectable);
    done
}

/// `handle_resurrected_objects`: recomputes reachability over `unreachable` alone; the
/// objects now referenced from outside it (resurrected by a finalizer, and what they reach)
/// are merged into `old`, the rest move to `still_unreachable` (an ordinary list whose
/// members keep COLLECTING).
///
/// When `finalizers_ran` is false, no code ran since reachability was computed (weakref
/// callbacks only reach reachable objects: the weak references to unreachable ones were
/// cleared before), so the recomputation would move every member, in order, to
/// `still_unreachable`: that is done directly, without the three walks.
///
/// # Safety
/// `unreachable` is an ordinary list of objects of `objects`, all COLLECTING, and no other
/// object is COLLECTING; `still_unreachable` is empty.
pub(super) unsafe fn handle_resurrected_objects<O: GcObjects + ?Sized>(
    objects: &O,
    c: &Collector,
    unreachable: &GcList,
    still_unreachable: &GcList,
    old: &GcList,
    finalizers_ran: bool,
) {
    if !finalizers_ran {
        unreachable.merge_into(still_unreachable);
        return;
    }
    unreachable.clear_collecting();
    // SAFETY: `unreachable` is now an ordinary list without COLLECTING.
    unsafe {
        deduce_unreachable(
            objects,
            unreachable,
            still_unreachable,
            &c.gens.permanent,
            false,
            false,
            false,
        )
    };
    // SAFETY: `still_unreachable` is as `move_unreachable` left it.
    unsafe { unreachable::clear_unreachable_mask(still_unreachable) };
    unreachable.merge_into(old);
}
