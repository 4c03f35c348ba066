//! `delete_garbage` and `handle_legacy_finalizers` (`Modules/gcmodule.c`): breaking the
//! cycles with `tp_clear`, and keeping what legacy finalizers hold in `gc.garbage`.

use crate::collector::Collector;
use crate::contract::GcObjects;
use crate::generations::debug;
use crate::list::GcList;
use crate::list::header::GcHeader;

/// `delete_garbage`: each member of `collectable`, first to last, is cleared (`tp_clear`,
/// holding a reference during the call) or, with `DEBUG_SAVEALL`, saved in `gc.garbage`. A
/// member still first in the list afterwards did not die: it loses COLLECTING and moves to
/// `old` (it may die later). Members freed by refcounting untracked themselves (rule 2).
///
/// Afterwards `collectable` is empty.
///
/// # Safety
/// `collectable` is an ordinary list of objects of `objects`.
pub(super) unsafe fn delete_garbage<O: GcObjects + ?Sized>(
    objects: &O,
    c: &Collector,
    collectable: &GcList,
    old: &GcList,
) {
    let save_all = c.gens.debug.get() & debug::SAVEALL != 0;
    while let Some(obj) = collectable.first() {
        debug_assert!(objects.refcount(obj) > 0, "gc: refcount is too small");
        if save_all {
            c.save_garbage(objects, obj);
        } else {
            objects.incref(obj);
            objects.clear(obj);
            objects.decref(obj);
        }
        if collectable.first() == Some(obj) {
            // SAFETY: still the first member, so alive and linked.
            let gc = unsafe { GcHeader::of(obj) };
            gc.clear_collecting();
            // SAFETY: as above.
            unsafe { old.move_to_end(gc) };
        }
    }
}

/// `handle_legacy_finalizers`: the members with a `tp_del` (all of them with
/// `DEBUG_SAVEALL`) are saved in `gc.garbage`; then `finalizers` is merged into `old`.
///
/// # Safety
/// `finalizers` is an ordinary list of objects of `objects`.
pub(super) unsafe fn handle_legacy_finalizers<O: GcObjects + ?Sized>(
    objects: &O,
    c: &Collector,
    finalizers: &GcList,
    old: &GcList,
) {
    let save_all = c.gens.debug.get() & debug::SAVEALL != 0;
    let mut cur = finalizers.first();
    while let Some(obj) = cur {
        if save_all || objects.has_legacy_finalizer(obj) {
            c.save_garbage(objects, obj);
        }
        // SAFETY: `obj` is a member of `finalizers` (saving only increfs it).
        cur = unsafe { finalizers.next_of(obj) };
    }
    finalizers.merge_into(old);
}
