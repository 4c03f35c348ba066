//! `PyGC_Head` (`Include/internal/pycore_gc.h`): the 16 bytes before every GC object, and the
//! bit layout of its two words.
//!
//! ```text
//!   _gc_next: address of the next header     | bit 0: NEXT_MASK_UNREACHABLE
//!             (0 = not tracked)              |   (only inside move_unreachable's list)
//!   _gc_prev: address of the previous header | bit 1: COLLECTING (during a collection)
//!             or, during a collection,       | bit 0: FINALIZED (tp_finalize ran; kept
//!             gc_refs << 2                   |   for the object's whole life)
//! ```
//!
//! # States of a header
//! * **untracked**: `next == 0`; `prev` holds only FINALIZED.
//! * **linked**: in a doubly linked list; `prev` is a pointer plus flags. COLLECTING is set
//!   only on the unreachable candidates of a running collection.
//! * **counting** (between `update_refs` and `move_unreachable`): `prev` holds
//!   `gc_refs << 2 | COLLECTING | FINALIZED?`; the list is singly linked through `next`.
//! * **tentatively unreachable** (from `move_unreachable` to `move_legacy_finalizers`):
//!   linked, and `next` carries NEXT_MASK_UNREACHABLE.
//!
//! This module owns the bit layout; the link words are read and written only through
//! `pub(super)` accessors, i.e. by the list module (`list/`), the one owner of the links.
//! Flags and `gc_refs` have crate-visible accessors, each stating the state it needs.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::contract::ObjRef;

/// `_PyGC_PREV_MASK_FINALIZED`: bit 0 of `_gc_prev`, set once `tp_finalize` ran.
pub const PREV_MASK_FINALIZED: usize = 1;
/// `_PyGC_PREV_MASK_COLLECTING`: bit 1 of `_gc_prev`, set during a collection.
pub const PREV_MASK_COLLECTING: usize = 2;
/// `_PyGC_PREV_SHIFT`: where the address (or `gc_refs`) starts in `_gc_prev`.
pub const PREV_SHIFT: u32 = 2;
/// `_PyGC_PREV_MASK`: the address (or `gc_refs`) bits of `_gc_prev`.
pub const PREV_MASK: usize = usize::MAX << PREV_SHIFT;
/// `NEXT_MASK_UNREACHABLE`: bit 0 of `_gc_next`, set inside the tentative unreachable list.
pub const NEXT_MASK_UNREACHABLE: usize = 1;

/// `PyGC_Head`: two words in front of each GC object, and the sentinel of each list.
///
/// The words are `Cell`s because a header is shared: the collector, its lists and the
/// object's neighbours all reach it through raw addresses.
#[repr(C)]
#[derive(Debug, Default)]
pub struct GcHeader {
    next: Cell<usize>,
    prev: Cell<usize>,
}

const _: () = assert!(size_of::<GcHeader>() == 16, "PyGC_Head is 16 bytes");
const _: () = assert!(align_of::<GcHeader>() == 8);

impl GcHeader {
    /// An untracked header (what a zeroed pre-header is).
    pub const fn new() -> GcHeader {
        GcHeader {
            next: Cell::new(0),
            prev: Cell::new(0),
        }
    }

    /// `AS_GC(obj)`: the header of a GC object.
    ///
    /// # Safety
    /// `obj` is a live GC object (contract rules 1 and 2), so its header outlives the
    /// returned reference's use.
    #[inline]
    pub unsafe fn of<'a>(obj: ObjRef) -> &'a GcHeader {
        // SAFETY: rule 1 puts the header in the 16 bytes before `obj`; the caller vouches
        // that the object is alive.
        unsafe { &*obj.as_ptr().as_ptr().cast::<GcHeader>().sub(1) }
    }

    /// `FROM_GC(gc)`: the object behind a header that belongs to an object (not a sentinel).
    #[inline]
    pub fn object(&self) -> ObjRef {
        let after = (self as *const GcHeader)
            .wrapping_add(1)
            .cast_mut()
            .cast::<u8>();
        // One past a live reference is never address 0.
        ObjRef::new(NonNull::new(after).expect("object address is not null"))
    }

    /// Whether the header is in a list (`_PyObject_GC_IS_TRACKED`: `_gc_next != 0`).
    #[inline]
    pub fn is_tracked(&self) -> bool {
        self.next.get() != 0
    }

    /// Whether `tp_finalize` already ran (`_PyGC_FINALIZED`).
    #[inline]
    pub fn is_finalized(&self) -> bool {
        self.prev.get() & PREV_MASK_FINALIZED != 0
    }

    /// Marks that `tp_finalize` ran (`_PyGC_SET_FINALIZED`); kept for the object's life.
    #[inline]
    pub fn set_finalized(&self) {
        self.prev.set(self.prev.get() | PREV_MASK_FINALIZED);
    }

    /// The raw words `(next, prev)`, for checks and tests.
    pub fn raw(&self) -> (usize, usize) {
        (self.next.get(), self.prev.get())
    }

    // --- flags and gc_refs (crate-visible; each says which state it needs) ---------------

    /// Whether COLLECTING is set (any state).
    #[inline]
    pub(crate) fn is_collecting(&self) -> bool {
        self.prev.get() & PREV_MASK_COLLECTING != 0
    }

    /// Clears COLLECTING (linked or counting state).
    #[inline]
    pub(crate) fn clear_collecting(&self) {
        self.prev.set(self.prev.get() & !PREV_MASK_COLLECTING);
    }

    /// `gc_get_refs` (counting state).
    #[inline]
    pub(crate) fn gc_refs(&self) -> usize {
        self.prev.get() >> PREV_SHIFT
    }

    /// `gc_reset_refs`: enters the counting state with `refs`, keeping FINALIZED and setting
    /// COLLECTING. The prev link is lost (the list becomes singly linked).
    #[inline]
    pub(crate) fn reset_refs(&self, refs: usize) {
        debug_assert!(
            refs < 1 << (usize::BITS - PREV_SHIFT),
            "refcount fits gc_refs"
        );
        let finalized = self.prev.get() & PREV_MASK_FINALIZED;
        self.prev
            .set(finalized | PREV_MASK_COLLECTING | (refs << PREV_SHIFT));
    }

    /// `gc_set_refs` (counting state): replaces `gc_refs`, keeping the flags.
    #[inline]
    pub(crate) fn set_refs(&self, refs: usize) {
        self.prev
            .set((self.prev.get() & !PREV_MASK) | (refs << PREV_SHIFT));
    }

    /// `gc_decref` (counting state).
    ///
    /// # Panics
    /// If `gc_refs` is already 0 ("refcount is too small": the object model broke rule 3 or 4).
    #[inline]
    pub(crate) fn decref_refs(&self) {
        assert!(
            self.gc_refs() > 0,
            "gc: refcount is too small (contract rule 3 or 4)"
        );
        self.prev.set(self.prev.get() - (1 << PREV_SHIFT));
    }

    /// Whether NEXT_MASK_UNREACHABLE is set (tentatively unreachable state).
    #[inline]
    pub(crate) fn is_marked_unreachable(&self) -> bool {
        self.next.get() & NEXT_MASK_UNREACHABLE != 0
    }

    /// Untracks in place: `next = 0`, only FINALIZED survives in `prev`. Used when the list
    /// this header was in is being dropped (the header's neighbours are not updated).
    pub(crate) fn forget_links(&self) {
        self.next.set(0);
        self.prev.set(self.prev.get() & PREV_MASK_FINALIZED);
    }

    // --- links (list module only) ---------------------------------------------------------

    /// `_gc_next` as stored (flag bit included).
    #[inline]
    pub(super) fn next_word(&self) -> usize {
        self.next.get()
    }

    /// Stores `_gc_next` as given (flag bit included).
    #[inline]
    pub(super) fn set_next_word(&self, word: usize) {
        self.next.set(word);
    }

    /// `_gc_prev` as stored.
    #[inline]
    pub(super) fn prev_word(&self) -> usize {
        self.prev.get()
    }

    /// Stores `_gc_prev` as given (sentinels only: they carry no flags).
    #[inline]
    pub(super) fn set_prev_word(&self, word: usize) {
        self.prev.set(word);
    }

    /// `_PyGCHead_SET_PREV`: replaces the address bits, keeping the flags.
    #[inline]
    pub(super) fn set_prev_keep_flags(&self, prev: *const GcHeader) {
        let addr = prev as usize;
        debug_assert_eq!(addr & !PREV_MASK, 0, "headers are 4-aligned");
        self.prev.set((self.prev.get() & !PREV_MASK) | addr);
    }

    /// `_PyGCHead_PREV`: the address bits of `_gc_prev`.
    #[inline]
    pub(super) fn prev_ptr(&self) -> *const GcHeader {
        (self.prev.get() & PREV_MASK) as *const GcHeader
    }

    /// `_gc_next` without the unreachable bit.
    #[inline]
    pub(super) fn next_ptr(&self) -> *const GcHeader {
        (self.next.get() & !NEXT_MASK_UNREACHABLE) as *const GcHeader
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_refs_share_prev_as_cpython_does() {
        let h = GcHeader::new();
        assert!(!h.is_tracked() && !h.is_finalized());
        h.set_finalized();
        h.reset_refs(5);
        assert_eq!(
            h.raw().1,
            5 << 2 | PREV_MASK_COLLECTING | PREV_MASK_FINALIZED
        );
        h.decref_refs();
        assert_eq!(h.gc_refs(), 4);
        h.set_refs(1);
        assert!(h.is_collecting() && h.is_finalized() && h.gc_refs() == 1);
        h.clear_collecting();
        assert!(!h.is_collecting());
        h.forget_links();
        assert_eq!(h.raw(), (0, PREV_MASK_FINALIZED));
    }

    #[test]
    #[should_panic(expected = "refcount is too small")]
    fn gc_refs_never_go_negative() {
        let h = GcHeader::new();
        h.reset_refs(0);
        h.decref_refs();
    }

    #[test]
    fn header_and_object_are_sixteen_bytes_apart() {
        let block = [GcHeader::new(), GcHeader::new()];
        let obj = block[0].object();
        assert_eq!(
            obj.as_ptr().as_ptr() as usize,
            &block[1] as *const _ as usize
        );
        // SAFETY: the 16 bytes before `obj` are `block[0]`, alive for this test.
        let back = unsafe { GcHeader::of(obj) };
        assert!(core::ptr::eq(back, &block[0]));
    }
}
