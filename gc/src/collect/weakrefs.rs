//! `handle_weakrefs` (`Modules/gcmodule.c`; `Modules/gc_weakref.txt` explains why).
//!
//! Every weak reference to an unreachable object is cleared before any callback runs, so no
//! callback can reach trash through a weak reference. A callback runs only when its weak
//! reference is itself reachable (not COLLECTING): if the weak reference is trash too, it is
//! legitimate to pretend it died first. Weak references that are trash are cleared as well,
//! so their callbacks never run during `tp_clear`.

use crate::contract::{GcObjects, ObjRef};
use crate::list::GcList;
use crate::list::header::GcHeader;

/// Clears the weak references to (and from) the members of `unreachable`, then calls the
/// callbacks of the reachable ones, in the order they were met. Returns how many of those
/// weak references died when their callback had run and the collector's reference was
/// dropped (counted as collected); the others move to `old`.
///
/// # Safety
/// `unreachable` is an ordinary list of objects of `objects`, all COLLECTING.
pub(super) unsafe fn handle_weakrefs<O: GcObjects + ?Sized>(
    objects: &O,
    unreachable: &GcList,
    old: &GcList,
) -> usize {
    let wrcb_to_call = GcList::new();
    let mut reported: Vec<ObjRef> = Vec::new();
    let mut cur = unreachable.first();
    while let Some(obj) = cur {
        // SAFETY: `obj` is a member of `unreachable`.
        cur = unsafe { unreachable.next_of(obj) };
        objects.clear_if_weakref(obj);
        reported.clear();
        objects.clear_weakrefs_to(obj, &mut |wr| reported.push(wr));
        for &wr in &reported {
            // SAFETY: reported weak references are live tracked GC objects (rule 7).
            let wr_gc = unsafe { GcHeader::of(wr) };
            assert!(
                wr_gc.is_tracked(),
                "gc: an untracked weak reference (rule 7)"
            );
            if wr_gc.is_collecting() {
                continue; // trash itself: its callback is never called
            }
            objects.incref(wr);
            // SAFETY: not COLLECTING, so linked in an ordinary list; it is not `cur`.
            unsafe { wrcb_to_call.move_to_end(wr_gc) };
        }
    }

    let mut freed = 0;
    while let Some(wr) = wrcb_to_call.first() {
        objects.call_weakref_callback(wr);
        objects.decref(wr);
        if wrcb_to_call.first() == Some(wr) {
            // SAFETY: still first, so alive and linked.
            unsafe { old.move_to_end(GcHeader::of(wr)) };
        } else {
            freed += 1;
        }
    }
    freed
}
