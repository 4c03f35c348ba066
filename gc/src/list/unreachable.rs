//! The list surgery of `move_unreachable` and its neighbours (`Modules/gcmodule.c`), where
//! the young list is singly linked and the unreachable list carries NEXT_MASK_UNREACHABLE in
//! every `next` word, so the ordinary list operations do not apply.
//!
//! The steps are CPython's, word for word, so that the order of objects in the unreachable
//! list (and hence of finalizers, weakref callbacks and `tp_clear` calls) is CPython's.

use super::GcList;
use super::header::{GcHeader, NEXT_MASK_UNREACHABLE};
use crate::contract::{GcObjects, ObjRef};

/// `move_unreachable(young, unreachable)`: moves the objects of `young` not reachable from
/// outside it to `unreachable`, using the `gc_refs` that `subtract_refs` left.
///
/// Every object that stays in `young` is scanned exactly once, in its final order (objects
/// moved back from `unreachable` are appended and scanned later). After each scan,
/// `untrack(obj)` may say to untrack it on the spot: that is CPython's `untrack_tuples` walk
/// over the survivors fused into this one (the same objects, in the same order, seeing the
/// same tracked states). Returns the number of objects left in `young`.
///
/// Afterwards: `young` is a doubly linked list of the reachable objects, without
/// COLLECTING; `unreachable` is doubly linked, every member has COLLECTING and
/// NEXT_MASK_UNREACHABLE (its sentinel has no flag).
///
/// # Safety
/// Every member of `young` is in the counting state (`update_refs`, `subtract_refs` ran on
/// exactly this list) and `unreachable` is empty; `untrack` is inert (rule 10).
pub(crate) unsafe fn move_unreachable<O: GcObjects + ?Sized>(
    objects: &O,
    young: &GcList,
    unreachable: &GcList,
    mut untrack: impl FnMut(ObjRef) -> bool,
) -> usize {
    let mut kept = 0;
    debug_assert!(unreachable.is_empty());
    let young_head = young.head();
    let unr_head = unreachable.head();
    // The previous element of young, used to restore prev links.
    let mut prev: &GcHeader = young_head;
    // SAFETY: links of the young list point at live members or the sentinel.
    let mut gc: &GcHeader = unsafe { &*young_head.next_ptr() };
    while !core::ptr::eq(gc, young_head) {
        if gc.gc_refs() != 0 {
            // Reachable from outside: everything it references is reachable too. The
            // traversal may append to young (and so change `gc`'s next when it is the tail).
            objects.traverse(gc.object(), |child| {
                // SAFETY: traverse reports live GC objects (rule 4); young and unreachable are
                // in the states `visit_reachable` expects.
                unsafe { visit_reachable(child, young) }
            });
            if untrack(gc.object()) {
                // Drop it from the (singly linked) young list and untrack it in place; the
                // sentinel's prev, if it was the tail, is repaired at the end.
                prev.set_next_word(gc.next_word());
                gc.forget_links();
            } else {
                gc.set_prev_keep_flags(prev);
                gc.clear_collecting();
                prev = gc;
                kept += 1;
            }
        } else {
            // Tentatively unreachable: move it to the end of `unreachable`, marking it.
            prev.set_next_word(gc.next_word());
            // SAFETY: the unreachable sentinel's prev is itself or its last member.
            let last = unsafe { &*unr_head.prev_ptr() };
            last.set_next_word(NEXT_MASK_UNREACHABLE | gc as *const GcHeader as usize);
            gc.set_prev_keep_flags(last);
            gc.set_next_word(NEXT_MASK_UNREACHABLE | unr_head as *const GcHeader as usize);
            unr_head.set_prev_word(gc as *const GcHeader as usize);
        }
        // SAFETY: `prev`'s next is a young member or the sentinel (young has no marks).
        gc = unsafe { &*(prev.next_word() as *const GcHeader) };
    }
    young_head.set_prev_word(prev as *const GcHeader as usize);
    // The sentinel's next may have picked up the mark; repair it.
    unr_head.set_next_word(unr_head.next_word() & !NEXT_MASK_UNREACHABLE);
    kept
}

/// `visit_reachable`: `op` is referenced by a reachable object.
///
/// # Safety
/// As in `move_unreachable`, which is the only caller.
#[inline]
unsafe fn visit_reachable(op: ObjRef, young: &GcList) {
    // SAFETY: `op` is a live GC object (rule 4).
    let gc = unsafe { GcHeader::of(op) };
    // Objects of other generations, and young objects already scanned, are not COLLECTING.
    if !gc.is_collecting() {
        return;
    }
    debug_assert!(gc.is_tracked(), "COLLECTING set on an untracked object");
    if gc.is_marked_unreachable() {
        // It had gc_refs 0 when move_unreachable met it: move it back to young, to be
        // scanned again. Unlink by hand: the marks defeat the ordinary operations.
        // SAFETY: a member of the unreachable list has live neighbours.
        let (prev, next) = unsafe { (&*gc.prev_ptr(), &*gc.next_ptr()) };
        prev.set_next_word(gc.next_word()); // copies the mark
        next.set_prev_keep_flags(prev);
        // SAFETY: `gc` is now in no list; its prev word is free (it is in counting state).
        unsafe { young.append(gc) };
        gc.set_refs(1);
    } else if gc.gc_refs() == 0 {
        // In young, not scanned yet: tell move_unreachable it is reachable.
        gc.set_refs(1);
    }
}

/// `move_legacy_finalizers` (with `clear_unreachable_mask` when `has_legacy` is always
/// false): strips NEXT_MASK_UNREACHABLE from every member of `unreachable`, and moves those
/// for which `has_legacy(obj)` holds to the end of `finalizers`, clearing their COLLECTING.
///
/// Afterwards `unreachable` is an ordinary list (members keep COLLECTING).
///
/// # Safety
/// `unreachable` is as `move_unreachable` left it; `has_legacy` is inert (rule 6).
pub(crate) unsafe fn strip_marks_and_split(
    unreachable: &GcList,
    finalizers: &GcList,
    has_legacy: &mut dyn FnMut(ObjRef) -> bool,
) {
    let head = unreachable.head();
    debug_assert!(head.next_word() & NEXT_MASK_UNREACHABLE == 0);
    // SAFETY: links point at live members or the sentinel.
    let mut gc: &GcHeader = unsafe { &*head.next_ptr() };
    while !core::ptr::eq(gc, head) {
        debug_assert!(gc.is_marked_unreachable());
        gc.set_next_word(gc.next_word() & !NEXT_MASK_UNREACHABLE);
        // SAFETY: as above.
        let next = unsafe { &*gc.next_ptr() };
        if has_legacy(gc.object()) {
            gc.clear_collecting();
            // SAFETY: `gc` and its neighbours are now ordinary links (its predecessor's
            // mark was stripped already, its successor's `prev` holds no mark).
            unsafe { finalizers.move_to_end(gc) };
        }
        gc = next;
    }
}

/// `clear_unreachable_mask`: strips NEXT_MASK_UNREACHABLE from every member, leaving an
/// ordinary list whose members keep COLLECTING.
///
/// # Safety
/// `unreachable` is as `move_unreachable` left it.
pub(crate) unsafe fn clear_unreachable_mask(unreachable: &GcList) {
    let head = unreachable.head();
    // SAFETY: links point at live members or the sentinel.
    let mut gc: &GcHeader = unsafe { &*head.next_ptr() };
    while !core::ptr::eq(gc, head) {
        debug_assert!(gc.is_marked_unreachable());
        gc.set_next_word(gc.next_word() & !NEXT_MASK_UNREACHABLE);
        // SAFETY: as above.
        gc = unsafe { &*gc.next_ptr() };
    }
}

/// `update_refs` and `subtract_refs` in one walk, for a `young` list that holds *every*
/// tracked object but those in no list at all (a full collection with an empty permanent
/// generation): there, a referent is tracked exactly when it is a member of `young`, so its
/// `gc_refs` can be set from its refcount the first time it is met — as its own list turn
/// comes or as a referent, whichever is first — and then decremented. No code runs during
/// the walk (traverse is inert), so refcounts are those `update_refs` would read, and the
/// result is the two-walk result: every member in the counting state with `gc_refs` =
/// refcount − references from members, immortal members moved to `permanent` (and never
/// decremented), `young` singly linked with the sentinel's prev at its tail.
///
/// # Safety
/// Every tracked object is a member of `young` (an ordinary list of live objects of
/// `objects` without COLLECTING), and `permanent` is empty.
pub(crate) unsafe fn update_and_subtract_refs<O: GcObjects + ?Sized>(
    objects: &O,
    young: &GcList,
    permanent: &GcList,
) {
    debug_assert!(permanent.is_empty());
    let head = young.head();
    // The last member kept in young: immortal members are unlinked through it, since the
    // prev words of members already counted hold their gc_refs.
    let mut prev: &GcHeader = head;
    // SAFETY: links point at live members or the sentinel.
    let mut gc: &GcHeader = unsafe { &*head.next_ptr() };
    while !core::ptr::eq(gc, head) {
        let obj = gc.object();
        // SAFETY: a member's next link points at a member or the sentinel.
        let next: &GcHeader = unsafe { &*gc.next_ptr() };
        if !gc.is_collecting() {
            if objects.is_immortal(obj) {
                prev.set_next_word(next as *const GcHeader as usize);
                if core::ptr::eq(head.prev_ptr(), gc) {
                    head.set_prev_word(prev as *const GcHeader as usize);
                }
                // SAFETY: `gc` is now in no list (its neighbours skip it); it stays alive.
                unsafe { permanent.append(gc) };
                gc = next;
                continue;
            }
            let refs = objects.refcount(obj);
            debug_assert!(refs != 0, "gc: a tracked object with refcount 0 (rule 3)");
            gc.reset_refs(refs);
        }
        objects.traverse(obj, |child| {
            // SAFETY: traverse reports live GC objects (rule 4).
            let cg = unsafe { GcHeader::of(child) };
            if cg.is_collecting() {
                cg.decref_refs();
            } else if cg.is_tracked() && !objects.is_immortal(child) {
                // A member not met yet: enter it in the counting state now.
                cg.reset_refs(objects.refcount(child));
                cg.decref_refs();
            }
        });
        prev = gc;
        // `traverse` is inert: `gc`'s next link is as read above.
        gc = next;
    }
}
