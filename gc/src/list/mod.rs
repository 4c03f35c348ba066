//! Intrusive GC lists with sentinel heads (the `gc_list_*` functions of `Modules/gcmodule.c`).
//!
//! This module (with its `header` and `unreachable` children) is the only code that reads or
//! writes the link words of a [`GcHeader`]. A [`GcList`] owns its sentinel (boxed, so its
//! address is stable however the list value moves); its members are objects' headers, kept
//! alive by contract rule 2.
//!
//! # Invariants (checked by [`GcList::check_invariants`])
//! * The sentinel carries no flag bits; an empty list's sentinel points at itself both ways.
//! * Outside a collection's counting phase, the list is doubly linked: for each member `g`,
//!   `prev(next(g)) == g`, and the walk from the sentinel returns to it.
//! * Members carry the COLLECTING and NEXT_MASK_UNREACHABLE bits the current phase expects
//!   ([`ListFlags`]).
//!
//! Operations that take a member header are `unsafe`: the header must be linked (not in the
//! counting state of `update_refs`..`move_unreachable`, where the list is singly linked).

pub mod header;
pub(crate) mod unreachable;

use core::ptr::NonNull;

use header::{GcHeader, NEXT_MASK_UNREACHABLE, PREV_MASK_COLLECTING};

use crate::contract::ObjRef;
use crate::error::GcError;

/// The flag bits each member of a list must have ([`GcList::check_invariants`]), as
/// CPython's `validate_list` states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListFlags {
    /// COLLECTING set on every member (else on none).
    pub collecting: bool,
    /// NEXT_MASK_UNREACHABLE set on every member (else on none).
    pub unreachable: bool,
}

impl ListFlags {
    /// No flags: generation lists between collections.
    pub const CLEAR: ListFlags = ListFlags {
        collecting: false,
        unreachable: false,
    };
}

/// A doubly linked list of GC headers with an owned sentinel head (`PyGC_Head` list).
#[derive(Debug)]
pub struct GcList {
    head: NonNull<GcHeader>,
}

impl Default for GcList {
    fn default() -> Self {
        GcList::new()
    }
}

impl GcList {
    /// An empty list (`gc_list_init`).
    pub fn new() -> GcList {
        let head = NonNull::from(Box::leak(Box::new(GcHeader::new())));
        let list = GcList { head };
        list.reset();
        list
    }

    /// The sentinel.
    #[inline]
    pub(crate) fn head(&self) -> &GcHeader {
        // SAFETY: the sentinel is a box owned by `self`, freed only in `drop`.
        unsafe { self.head.as_ref() }
    }

    #[inline]
    fn head_addr(&self) -> usize {
        self.head.as_ptr() as usize
    }

    /// `gc_list_init` on the sentinel alone (members, if any, are forgotten by the caller).
    fn reset(&self) {
        self.head().set_next_word(self.head_addr());
        self.head().set_prev_word(self.head_addr());
    }

    /// `gc_list_is_empty`.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.head().next_word() == self.head_addr()
    }

    /// `gc_list_size`: walks the list (any state: it follows `next` only).
    pub fn len(&self) -> usize {
        let mut n = 0;
        let mut gc = self.head().next_ptr();
        while gc as usize != self.head_addr() {
            n += 1;
            // SAFETY: members are live headers (rule 2).
            gc = unsafe { (*gc).next_ptr() };
        }
        n
    }

    /// The first member's object, if any.
    #[inline]
    pub fn first(&self) -> Option<ObjRef> {
        self.member(self.head().next_ptr())
    }

    /// The object after `obj` in this list, or `None` at the end (any state).
    ///
    /// # Safety
    /// `obj` is a member of this list.
    #[inline]
    pub unsafe fn next_of(&self, obj: ObjRef) -> Option<ObjRef> {
        // SAFETY: the caller vouches that `obj` is a live member.
        self.member(unsafe { GcHeader::of(obj) }.next_ptr())
    }

    fn member(&self, gc: *const GcHeader) -> Option<ObjRef> {
        if gc as usize == self.head_addr() {
            None
        } else {
            // SAFETY: a link that is not the sentinel points at a live member (rule 2).
            Some(unsafe { &*gc }.object())
        }
    }

    /// The objects of the list, in order (for `gc.get_objects` and tests).
    pub fn objects(&self) -> Vec<ObjRef> {
        let mut out = Vec::new();
        let mut cur = self.first();
        while let Some(obj) = cur {
            out.push(obj);
            // SAFETY: `obj` was just read from this list.
            cur = unsafe { self.next_of(obj) };
        }
        out
    }

    /// `gc_list_append`: links `node` at the end. `node`'s flags are kept (the address bits of
    /// its `prev` are overwritten, as `_PyGCHead_SET_PREV` does).
    ///
    /// # Safety
    /// `node` is a live header in no list (or in the counting state, whose prev word is
    /// free); it stays alive while linked (rule 2).
    #[inline]
    pub unsafe fn append(&self, node: &GcHeader) {
        let last = self.head().prev_ptr();
        node.set_prev_keep_flags(last);
        // SAFETY: `last` is the sentinel or a live member.
        unsafe { &*last }.set_next_word(node as *const GcHeader as usize);
        node.set_next_word(self.head_addr());
        self.head().set_prev_word(node as *const GcHeader as usize);
    }

    /// `gc_list_remove` / `_PyObject_GC_UNTRACK`: unlinks `node` from whatever list holds it;
    /// afterwards it is untracked (`next = 0`, only FINALIZED kept in `prev`).
    ///
    /// # Safety
    /// `node` is linked (tracked, not in the counting or tentatively unreachable state).
    #[inline]
    pub unsafe fn remove(node: &GcHeader) {
        // SAFETY: a linked node's neighbours are live headers.
        let (prev, next) = unsafe { (&*node.prev_ptr(), &*node.next_ptr()) };
        prev.set_next_word(next as *const GcHeader as usize);
        next.set_prev_keep_flags(prev);
        node.forget_links();
    }

    /// `gc_list_move`: moves `node` from whatever list holds it to the end of `self`.
    ///
    /// # Safety
    /// As for [`remove`](Self::remove).
    #[inline]
    pub unsafe fn move_to_end(&self, node: &GcHeader) {
        // SAFETY: a linked node's neighbours are live headers.
        let (prev, next) = unsafe { (&*node.prev_ptr(), &*node.next_ptr()) };
        prev.set_next_word(next as *const GcHeader as usize);
        next.set_prev_keep_flags(prev);
        // SAFETY: `node` is now in no list and stays alive (caller).
        unsafe { self.append(node) };
    }

    /// `gc_list_merge(self, to)`: appends all of `self` to `to`; `self` becomes empty.
    ///
    /// # Panics
    /// If `self` and `to` are the same list.
    pub fn merge_into(&self, to: &GcList) {
        assert_ne!(self.head, to.head, "gc_list_merge of a list into itself");
        if !self.is_empty() {
            let to_tail = to.head().prev_ptr();
            let from_head = self.head().next_ptr();
            let from_tail = self.head().prev_ptr();
            // SAFETY: these are `to`'s sentinel or last member and `self`'s first and last
            // members: live headers (rule 2).
            unsafe {
                (*to_tail).set_next_word(from_head as usize);
                (*from_head).set_prev_keep_flags(to_tail);
                (*from_tail).set_next_word(to.head_addr());
            }
            to.head().set_prev_word(from_tail as usize);
        }
        self.reset();
    }

    /// `gc_list_clear_collecting`: clears COLLECTING on every member.
    pub fn clear_collecting(&self) {
        let mut cur = self.first();
        while let Some(obj) = cur {
            // SAFETY: `obj` is a live member.
            unsafe { GcHeader::of(obj) }.clear_collecting();
            // SAFETY: as above.
            cur = unsafe { self.next_of(obj) };
        }
    }

    /// `validate_list`: checks the links and each member's flags; returns the length.
    ///
    /// # Errors
    /// [`GcError::Corrupt`] naming the first broken rule.
    pub fn check_invariants(&self, flags: ListFlags) -> Result<usize, GcError> {
        let corrupt = |what: String| Err(GcError::Corrupt(what));
        let head = self.head();
        if head.prev_word() & PREV_MASK_COLLECTING != 0 || head.next_word() & 3 != 0 {
            return corrupt("a list head carries flag bits".into());
        }
        let mut prev = head as *const GcHeader;
        let mut gc = head.next_ptr();
        let mut n = 0;
        while gc as usize != self.head_addr() {
            if gc.is_null() {
                return corrupt(format!("member {n} has a null next link"));
            }
            // SAFETY: a non-null link of a list points at a live member (rule 2).
            let g = unsafe { &*gc };
            if g.prev_ptr() != prev {
                return corrupt(format!("member {n}: prev link does not match"));
            }
            if g.is_collecting() != flags.collecting {
                return corrupt(format!("member {n}: COLLECTING is {}", g.is_collecting()));
            }
            if (g.next_word() & NEXT_MASK_UNREACHABLE != 0) != flags.unreachable {
                return corrupt(format!("member {n}: NEXT_MASK_UNREACHABLE is wrong"));
            }
            prev = gc;
            gc = g.next_ptr();
            n += 1;
        }
        if head.prev_ptr() != prev {
            return corrupt("the head's prev link is not the last member".into());
        }
        Ok(n)
    }
}

impl Drop for GcList {
    /// Members still linked are left untracked (their neighbours go with the list), so no
    /// header ever points at the freed sentinel.
    fn drop(&mut self) {
        let mut gc = self.head().next_ptr();
        while gc as usize != self.head_addr() {
            // SAFETY: members are live headers (rule 2).
            let g = unsafe { &*gc };
            gc = g.next_ptr();
            g.forget_links();
        }
        // SAFETY: the sentinel came from `Box::leak` in `new` and is freed only here.
        drop(unsafe { Box::from_raw(self.head.as_ptr()) });
    }
}

#[cfg(test)]
mod tests;
