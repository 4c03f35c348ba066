//! `PyDictValues` (`Include/internal/pycore_dict.h`, `new_values` in `Objects/dictobject.c`):
//! the values of one instance whose keys are its class's shared keys, and the only code that
//! reads or writes their bytes.
//!
//! ```text
//!   allocation: │ order bytes … │ used │ prefix │ values[0] … values[size-1] │
//!                 ▲ values[-3-i]  [-2]    [-1]    ▲ the pointer held by dicts and instances
//! ```
//!
//! A block of `prefix + 8 × size` bytes (`size = dk_nentries + dk_usable` of the shared keys when
//! it is made, `prefix = round_up(size + 2, 8)`), one `PyMem_Malloc`: the first instance of a
//! class gets 29 slots, a 264-byte block. The bytes before the values hold the prefix size, the
//! number of values set, and the order in which their slots were filled, one byte each, so that
//! `__dict__` keeps insertion order although slots are indexed by the shared keys.
//!
//! Invariant: an array has at least `dk_nentries` slots of its keys at any time (keys are only
//! added while `dk_usable > 0`, and `nentries + usable` only shrinks), so every index below
//! `dk_nentries` is inside it.

use core::ptr::NonNull;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::object::ObjPtr;

/// A values array, by the pointer to its first slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Values(NonNull<Option<ObjPtr>>);

impl Values {
    /// `new_values(size)`: `size` empty slots and an empty order.
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    pub(crate) fn new(heap: &Heap, size: usize) -> PyResult<Values> {
        debug_assert!((1..=super::keys::SHARED_KEYS_MAX_SIZE).contains(&size));
        let prefix = (size + 2).next_multiple_of(8);
        let block = heap.alloc_bytes(prefix + 8 * size)?;
        // SAFETY: the block holds `prefix + 8 × size` bytes; the prefix bytes and the slots are
        // written before the array is used.
        unsafe {
            let p = block.as_ptr();
            p.write_bytes(0, prefix);
            p.add(prefix - 1).write(prefix as u8);
            let values = p.add(prefix).cast::<Option<ObjPtr>>();
            for i in 0..size {
                values.add(i).write(None);
            }
            Ok(Values(NonNull::new_unchecked(values)))
        }
    }

    /// The tagged pointer an instance's pre-header holds for these values (`values − 1`, odd,
    /// as CPython's `_PyDictOrValues_SetValues`).
    pub(crate) fn tagged(self) -> *mut u8 {
        self.0.as_ptr().cast::<u8>().wrapping_sub(1)
    }

    /// The values a tagged pre-header pointer points at.
    ///
    /// # Safety
    /// `tagged` must come from [`Values::tagged`] of a live array.
    pub(crate) unsafe fn from_tagged(tagged: *mut u8) -> Values {
        let p = tagged.wrapping_add(1).cast::<Option<ObjPtr>>();
        // SAFETY: the pointer was a live array's pointer minus one (caller), so it is non-null.
        Values(unsafe { NonNull::new_unchecked(p) })
    }

    fn byte(self, back: usize) -> *mut u8 {
        self.0.as_ptr().cast::<u8>().wrapping_sub(back)
    }

    fn prefix(self) -> usize {
        // SAFETY: byte −1 of a live array is its prefix size.
        usize::from(unsafe { self.byte(1).read() })
    }

    /// Slot `ix`.
    pub(crate) fn get(self, ix: usize) -> Option<ObjPtr> {
        // SAFETY: `ix < dk_nentries`, inside the array (module invariant).
        unsafe { self.0.as_ptr().add(ix).read() }
    }

    /// Sets slot `ix`, returning what it held; the order is the caller's business.
    pub(crate) fn replace(self, ix: usize, v: Option<ObjPtr>) -> Option<ObjPtr> {
        // SAFETY: as in `get`.
        unsafe { self.0.as_ptr().add(ix).replace(v) }
    }

    /// How many slots are set (byte −2).
    pub(crate) fn used(self) -> usize {
        // SAFETY: byte −2 of a live array is the count of set slots.
        usize::from(unsafe { self.byte(2).read() })
    }

    /// The slot filled `i`-th among those set (`get_index_from_order`).
    pub(crate) fn order(self, i: usize) -> usize {
        debug_assert!(i < self.used());
        // SAFETY: order bytes `0..used` are at −3, −4, … inside the prefix.
        usize::from(unsafe { self.byte(3 + i).read() })
    }

    /// The set slots in the order they were filled.
    pub(crate) fn ordered(self) -> impl Iterator<Item = usize> {
        (0..self.used()).map(move |i| self.order(i))
    }

    /// `_PyDictValues_AddToInsertionOrder`: slot `ix` was just filled.
    pub(crate) fn push_order(self, ix: usize) {
        let used = self.used();
        debug_assert!(used + 3 <= self.prefix());
        // SAFETY: `used + 2 < prefix`: the new order byte is inside the prefix.
        unsafe {
            self.byte(3 + used).write(ix as u8);
            self.byte(2).write((used + 1) as u8);
        }
    }

    /// `delete_index_from_values`: slot `ix` was just emptied; later entries move up.
    pub(crate) fn remove_order(self, ix: usize) {
        let used = self.used();
        let at = (0..used)
            .find(|&i| self.order(i) == ix)
            .expect("an emptied slot was in the order");
        // SAFETY: order bytes `at..used` are inside the prefix.
        unsafe {
            for i in at..used - 1 {
                self.byte(3 + i).write(self.byte(4 + i).read());
            }
            self.byte(2).write((used - 1) as u8);
        }
    }

    /// Copies the order of `other` (`PyDict_Copy` of a split dict copies the prefix bytes).
    pub(crate) fn copy_order_from(self, other: Values) {
        for (i, ix) in other.ordered().enumerate() {
            // SAFETY: `other.used() + 2 < prefix` of both arrays (each has room for every key).
            unsafe { self.byte(3 + i).write(ix as u8) };
        }
        // SAFETY: byte −2 of a live array.
        unsafe { self.byte(2).write(other.used() as u8) };
    }

    /// `free_values`: gives the block back; the slots must have been released.
    pub(crate) fn free(self, heap: &Heap) {
        let block = self.byte(self.prefix());
        // SAFETY: the block starts `prefix` bytes before the values and is not used again.
        unsafe { heap.free_bytes(NonNull::new_unchecked(block)) };
    }
}
