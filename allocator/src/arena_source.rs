//! Where arenas come from: CPython's arena allocator (`_PyObject_Arena`, replaceable through
//! `PyObject_SetArenaAllocator`), which on Unix maps and unmaps 1 MiB of anonymous memory.
//!
//! [`MmapArenas`] is the default and behaves like CPython's: whatever address the kernel gives,
//! usually 4 KiB but not 16 KiB aligned, so most arenas lose one pool to alignment.
//! [`PlacedArenas`] puts every arena at a chosen offset from a pool boundary, which makes the
//! statistics report reproducible for snapshot tests and demos.

use core::ptr::NonNull;

use crate::size_class::{ARENA_SIZE, POOL_SIZE};

/// A source of arena memory.
///
/// # Safety
/// `alloc_arena` must return either `None` or the start of `ARENA_SIZE` bytes of readable and
/// writable memory that nothing else uses until it is passed to `free_arena`.
pub unsafe trait ArenaSource: Send {
    /// Returns `ARENA_SIZE` (1 MiB) bytes of fresh memory, or `None` when the system has none.
    fn alloc_arena(&mut self) -> Option<NonNull<u8>>;

    /// Gives an arena's memory back to the system.
    ///
    /// # Safety
    /// `arena` must come from `alloc_arena` of this source and must not be used afterwards.
    unsafe fn free_arena(&mut self, arena: NonNull<u8>);
}

/// Maps each arena with `mmap` and unmaps it with `munmap`, as CPython does on Unix.
#[derive(Debug, Default, Clone, Copy)]
pub struct MmapArenas;

fn map_anonymous(len: usize) -> Option<NonNull<u8>> {
    // SAFETY: an anonymous private mapping with no address hint has no preconditions.
    let p = unsafe {
        libc::mmap(
            core::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        None
    } else {
        NonNull::new(p.cast())
    }
}

/// # Safety
/// `p..p + len` must be a mapping made by `map_anonymous` (or a page-aligned part of one) that
/// nothing uses any more.
unsafe fn unmap(p: NonNull<u8>, len: usize) {
    // SAFETY: the caller hands over a whole mapping it owns.
    let rc = unsafe { libc::munmap(p.as_ptr().cast(), len) };
    debug_assert_eq!(rc, 0, "munmap of an arena failed");
}

// SAFETY: each arena is a fresh private mapping of exactly ARENA_SIZE bytes.
unsafe impl ArenaSource for MmapArenas {
    fn alloc_arena(&mut self) -> Option<NonNull<u8>> {
        map_anonymous(ARENA_SIZE)
    }

    unsafe fn free_arena(&mut self, arena: NonNull<u8>) {
        // SAFETY: `arena` is one of our ARENA_SIZE mappings (caller).
        unsafe { unmap(arena, ARENA_SIZE) }
    }
}

/// Maps each arena so that its base sits `offset` bytes past a pool (16 KiB) boundary: 0 gives
/// pool-aligned arenas with 64 pools, 4096 gives the common case of CPython on Linux (63 pools,
/// 16,384 bytes lost to alignment). Used where reports must not depend on the kernel's choice.
#[derive(Debug, Clone, Copy)]
pub struct PlacedArenas {
    offset: usize,
}

impl PlacedArenas {
    /// Arenas based `offset` bytes past a pool boundary.
    ///
    /// # Panics
    /// If `offset` is not a multiple of 4096 smaller than 16 KiB (mappings are page-granular).
    ///
    /// # Example
    /// ```
    /// use pyrt_allocator::{Allocator, Config, PlacedArenas};
    /// let mut heap = Allocator::with_config(Config::new().arena_source(PlacedArenas::new(4096)));
    /// let _block = heap.malloc(32).unwrap();
    /// assert_eq!(heap.stats().arena_alignment_bytes(), 16_384);
    /// ```
    pub fn new(offset: usize) -> Self {
        assert!(
            offset < POOL_SIZE && offset.is_multiple_of(4096),
            "offset must be a page multiple below 16 KiB"
        );
        PlacedArenas { offset }
    }
}

/// Bytes mapped per placed arena: enough to find a pool boundary and add the offset.
const PLACED_MAPPING_LEN: usize = ARENA_SIZE + 2 * POOL_SIZE;

// SAFETY: the mapping is page aligned, so rounding its start up to a pool boundary skips at most
// POOL_SIZE - 4096 bytes and the offset at most as much again: the ARENA_SIZE bytes at `base` lie
// inside the fresh private mapping, and only they stay mapped.
unsafe impl ArenaSource for PlacedArenas {
    fn alloc_arena(&mut self) -> Option<NonNull<u8>> {
        let mapping = map_anonymous(PLACED_MAPPING_LEN)?;
        let start = mapping.addr().get();
        let base = ((start + POOL_SIZE - 1) & !(POOL_SIZE - 1)) + self.offset;
        let lead = base - start;
        let tail = PLACED_MAPPING_LEN - lead - ARENA_SIZE;
        // Give back the pages before and after the arena so that only the arena stays mapped.
        // SAFETY: both ranges are page-aligned parts of the mapping just made, unused by anyone.
        unsafe {
            if lead > 0 {
                unmap(mapping, lead);
            }
            if tail > 0 {
                unmap(mapping.byte_add(lead + ARENA_SIZE), tail);
            }
            Some(mapping.byte_add(lead))
        }
    }

    unsafe fn free_arena(&mut self, arena: NonNull<u8>) {
        // SAFETY: only the ARENA_SIZE bytes at `arena` are still mapped (see `alloc_arena`).
        unsafe { unmap(arena, ARENA_SIZE) }
    }
}
