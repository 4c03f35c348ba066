//! Blocks served by the system allocator: requests of 0 bytes or more than 512, as
//! `_PyObject_Malloc` sends them to `PyMem_RawMalloc` (`Objects/obmalloc.c`, FACTS.md §1.8).
//!
//! Unlike CPython, each such block is recorded with its size. That costs one hash-table update
//! per large request (small beside `malloc` of more than 512 bytes) and buys three things: the
//! memory limit can account for frees, freeing a pointer the allocator never handed out is
//! reported instead of corrupting the C heap, and every live block can be enumerated for heap
//! inspection.

use core::ptr::NonNull;

use hashbrown::HashMap;

/// The table of live system-allocator blocks.
#[derive(Default)]
pub(crate) struct RawBlocks {
    sizes: HashMap<NonNull<u8>, usize>,
    bytes: usize,
}

impl RawBlocks {
    /// Number of live blocks (`raw_allocated_blocks`).
    pub(crate) fn count(&self) -> usize {
        self.sizes.len()
    }

    /// Sum of the live blocks' requested sizes (0-byte requests count as 1, as CPython asks
    /// `malloc` for 1 byte).
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    /// The requested size of a live block, or `None` if `p` is not one.
    pub(crate) fn size_of(&self, p: NonNull<u8>) -> Option<usize> {
        self.sizes.get(&p).copied()
    }

    /// Live blocks as `(address, size)`.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (NonNull<u8>, usize)> + '_ {
        self.sizes.iter().map(|(&a, &s)| (a, s))
    }

    /// `malloc(max(n, 1))`, or `calloc` when `zeroed`; `None` when the system refuses.
    pub(crate) fn alloc(&mut self, n: usize, zeroed: bool) -> Option<NonNull<u8>> {
        let n = n.max(1);
        // SAFETY: malloc/calloc have no preconditions; a null result is handled.
        let p = unsafe {
            if zeroed {
                libc::calloc(1, n)
            } else {
                libc::malloc(n)
            }
        };
        let p = NonNull::new(p.cast::<u8>())?;
        debug_assert!(p.addr().get() % crate::size_class::ALIGNMENT == 0);
        self.sizes.insert(p, n);
        self.bytes += n;
        Some(p)
    }

    /// Frees a live block; `false` (and nothing done) if `p` is not one.
    pub(crate) fn free(&mut self, p: NonNull<u8>) -> bool {
        let Some(n) = self.sizes.remove(&p) else {
            return false;
        };
        self.bytes -= n;
        // SAFETY: `p` was returned by malloc/calloc/realloc and is freed exactly once: it was
        // still in the table.
        unsafe { libc::free(p.as_ptr().cast()) };
        true
    }

    /// `realloc(p, max(n, 1))` of a live block. `Err(())` if `p` is not a live block;
    /// `Ok(None)` if the system refused, in which case `p` is still live and unchanged.
    pub(crate) fn realloc(&mut self, p: NonNull<u8>, n: usize) -> Result<Option<NonNull<u8>>, ()> {
        let old = self.sizes.get(&p).copied().ok_or(())?;
        let n = n.max(1);
        // SAFETY: `p` is a live block from malloc (it is in the table).
        let q = unsafe { libc::realloc(p.as_ptr().cast(), n) };
        let Some(q) = NonNull::new(q.cast::<u8>()) else {
            return Ok(None);
        };
        self.sizes.remove(&p);
        self.sizes.insert(q, n);
        self.bytes = self.bytes - old + n;
        Ok(Some(q))
    }

    /// Checks that the byte count matches the table.
    pub(crate) fn check(&self) -> Result<(), String> {
        let sum: usize = self.sizes.values().sum();
        if sum != self.bytes {
            return Err(format!(
                "raw blocks sum to {sum} bytes, counter says {}",
                self.bytes
            ));
        }
        Ok(())
    }
}

impl Drop for RawBlocks {
    fn drop(&mut self) {
        for (&p, _) in self.sizes.iter() {
            // SAFETY: every table entry is a live malloc'd block, freed once here.
            unsafe { libc::free(p.as_ptr().cast()) };
        }
    }
}
