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
    if !objects.may_have_weakrefs() {
        return 0;
    }
    let mut pass = WeakrefPass::new();
    let mut cur = unreachable.first();
    while let Some(obj) = cur {
        // SAFETY: `obj` is a member of `unreachable`.
        cur = unsafe { unreachable.next_of(obj) };
        // SAFETY: `obj` is an unreachable object; the walk's next member is read already and
        // is not a reachable weak reference.
        unsafe { pass.clear(objects, obj) };
    }
    // SAFETY: as required.
    unsafe { pass.call_callbacks(objects, old) }
}

/// The two halves of `handle_weakrefs`, so that the first can run inside another walk over
/// the unreachable objects.
pub(super) struct WeakrefPass {
    wrcb_to_call: GcList,
    reported: Vec<ObjRef>,
}

impl WeakrefPass {
    pub(super) fn new() -> WeakrefPass {
        WeakrefPass {
            wrcb_to_call: GcList::new(),
            reported: Vec::new(),
        }
    }

    /// The first loop's body for `obj`: clears it if it is a weak reference, clears the weak
    /// references to it, and keeps those with a callback that are reachable (taking a
    /// reference to each) to be called later.
    ///
    /// # Safety
    /// `obj` is a member of the unreachable set (COLLECTING), whose members are live GC
    /// objects of `objects`; the caller's walk does not hold a reachable weak reference as its
    /// next position.
    pub(super) unsafe fn clear<O: GcObjects + ?Sized>(&mut self, objects: &O, obj: ObjRef) {
        objects.clear_if_weakref(obj);
        self.reported.clear();
        let reported = &mut self.reported;
        objects.clear_weakrefs_to(obj, &mut |wr| reported.push(wr));
        for &wr in &self.reported {
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
            // SAFETY: not COLLECTING, so linked in an ordinary list, and not the caller's
            // next position.
            unsafe { self.wrcb_to_call.move_to_end(wr_gc) };
        }
    }

    /// The second loop: calls the kept callbacks in order. Returns how many of those weak
    /// references died when the collector's reference was dropped; the others move to `old`.
    ///
    /// # Safety
    /// `old` is an ordinary list; no collection phase is between `update_refs` and
    /// `move_legacy_finalizers`.
    pub(super) unsafe fn call_callbacks<O: GcObjects + ?Sized>(
        self,
        objects: &O,
        old: &GcList,
    ) -> usize {
        let mut freed = 0;
        while let Some(wr) = self.wrcb_to_call.first() {
            objects.call_weakref_callback(wr);
            objects.decref(wr);
            if self.wrcb_to_call.first() == Some(wr) {
                // SAFETY: still first, so alive and linked.
                unsafe { old.move_to_end(GcHeader::of(wr)) };
            } else {
                freed += 1;
            }
        }
        freed
    }
}
