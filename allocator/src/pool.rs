//! Pools and their block free lists: obmalloc's `struct pool_header`, `usedpools`,
//! `pymalloc_pool_extend` and the block-level halves of `pymalloc_alloc`/`pymalloc_free`
//! (`Include/internal/pycore_obmalloc.h`, `Objects/obmalloc.c`).
//!
//! A pool is 16 KiB of an arena, starting with a 48-byte [`PoolHeader`]; the rest is carved
//! lazily into blocks of one size class. This module is the only one that reads or writes pool
//! headers and the free-block links stored inside free blocks.
//!
//! # States and invariants
//! Every carved pool is in exactly one state:
//! * **used**: `0 < count` and it has a free or virgin block; linked in `usedpools[szidx]`.
//! * **full**: no free and no virgin block; on no list.
//! * **empty**: `count == 0`; on its arena's `freepools` list (linked through `nextpool`), and
//!   its `szidx`, free list and `nextoffset` are kept so that a pool reused for the same class
//!   needs no re-initialisation.
//!
//! In a used or full pool: `count + free-list length + virgin blocks == NUMBLOCKS(szidx)`; the
//! free list holds distinct block starts below `nextoffset`; virgin blocks are those at
//! `nextoffset..=maxnextoffset`.

use core::ptr::{self, NonNull};

use crate::size_class::{POOL_OVERHEAD, POOL_SIZE, POOL_SIZE_MASK, SizeClass};

/// `szidx` of a pool that was carved from its arena but never initialised (`DUMMY_SIZE_IDX`).
pub(crate) const DUMMY_SIZE_IDX: u32 = 0xffff;

/// The header at the start of every pool: CPython's `struct pool_header`, field for field.
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Blocks handed out from this pool (`ref.count`).
    count: u32,
    _count_padding: u32,
    /// Head of the LIFO free-block list (`freeblock`); the link sits in a free block's first word.
    freeblock: *mut u8,
    /// Next pool in the class's used list, or in the arena's free-pool list (`nextpool`).
    nextpool: *mut PoolHeader,
    /// Previous pool in the class's used list; null for the first (`prevpool`).
    prevpool: *mut PoolHeader,
    /// Index of the owning arena object (`arenaindex`).
    arenaindex: u32,
    /// Size-class index, or [`DUMMY_SIZE_IDX`] (`szidx`).
    szidx: u32,
    /// Offset of the next virgin block (`nextoffset`).
    nextoffset: u32,
    /// Largest valid `nextoffset` (`maxnextoffset`).
    maxnextoffset: u32,
}

const _: () = {
    assert!(size_of::<PoolHeader>() == 48);
    assert!(size_of::<PoolHeader>() <= POOL_OVERHEAD);
    assert!(core::mem::offset_of!(PoolHeader, freeblock) == 8);
    assert!(core::mem::offset_of!(PoolHeader, nextpool) == 16);
    assert!(core::mem::offset_of!(PoolHeader, prevpool) == 24);
    assert!(core::mem::offset_of!(PoolHeader, arenaindex) == 32);
    assert!(core::mem::offset_of!(PoolHeader, szidx) == 36);
    assert!(core::mem::offset_of!(PoolHeader, nextoffset) == 40);
    assert!(core::mem::offset_of!(PoolHeader, maxnextoffset) == 44);
};

/// A raw pointer to a pool header.
pub(crate) type PoolPtr = *mut PoolHeader;

/// The pool that holds the block at `p` (`POOL_ADDR`).
#[inline(always)]
pub(crate) fn pool_of(p: NonNull<u8>) -> PoolPtr {
    p.as_ptr().map_addr(|a| a & !POOL_SIZE_MASK).cast()
}

/// What freeing a block did to its pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AfterPush {
    /// The pool was full and is on no list: it must go to the front of its used list.
    WasFull,
    /// The pool still has blocks in use and stays where it is.
    StillUsed,
    /// The pool has no block in use any more: it must go back to its arena.
    NowEmpty,
}

/// Writes the header of a pool freshly carved from an arena (`szidx = DUMMY_SIZE_IDX`).
///
/// # Safety
/// `pool` must be a pool-aligned, writable 16 KiB region of a live arena that holds no block in
/// use.
pub(crate) unsafe fn carve(pool: PoolPtr, arenaindex: u32) {
    // SAFETY: the caller gives a writable pool-sized region; the header fits at its start.
    unsafe {
        pool.write(PoolHeader {
            count: 0,
            _count_padding: 0,
            freeblock: ptr::null_mut(),
            nextpool: ptr::null_mut(),
            prevpool: ptr::null_mut(),
            arenaindex,
            szidx: DUMMY_SIZE_IDX,
            nextoffset: 0,
            maxnextoffset: 0,
        });
    }
}

/// Hands out the first block of an empty pool that is becoming a used pool of `class`
/// (the tail of `allocate_from_new_pool`). If the pool last served the same class its free
/// list is still valid and is reused; otherwise the pool is initialised for `class`.
///
/// # Safety
/// `pool` must be an empty pool (carved, `count == 0`) of a live arena, on no list.
pub(crate) unsafe fn start(pool: PoolPtr, class: SizeClass) -> NonNull<u8> {
    // SAFETY: `pool` is a carved pool header (caller); we have exclusive access through `&mut`
    // of the owning heap.
    let header = unsafe { &mut *pool };
    header.count = 1;
    header.nextpool = ptr::null_mut();
    header.prevpool = ptr::null_mut();
    if header.szidx == class.index() as u32 {
        let block = header.freeblock;
        debug_assert!(!block.is_null(), "an empty pool always has a free block");
        // SAFETY: the free list of an empty pool holds free blocks inside the pool; each starts
        // with the link to the next one.
        header.freeblock = unsafe { block.cast::<*mut u8>().read() };
        // An emptied pool's list holds every block it ever handed out plus the one free block a
        // used pool always keeps, so at least two entries: one remains after the pop.
        debug_assert!(!header.freeblock.is_null());
        // SAFETY: free-list entries are non-null block starts.
        return unsafe { NonNull::new_unchecked(block) };
    }
    let size = class.block_size();
    header.szidx = class.index() as u32;
    header.nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
    header.maxnextoffset = (POOL_SIZE - size) as u32;
    let base = pool.cast::<u8>();
    // SAFETY: offsets 48 and 48 + size are block starts inside the 16 KiB pool for every class.
    unsafe {
        let second = base.add(POOL_OVERHEAD + size);
        second.cast::<*mut u8>().write(ptr::null_mut());
        header.freeblock = second;
        NonNull::new_unchecked(base.add(POOL_OVERHEAD))
    }
}

/// Takes the head of a used pool's free list (`pymalloc_alloc` fast path). Returns the block and
/// whether the pool is now full, in which case the caller unlinks it from its used list.
///
/// # Safety
/// `pool` must be a used pool of `class` (carved, on `usedpools[class]`, with a free block).
#[inline(always)]
pub(crate) unsafe fn pop(pool: PoolPtr, class: SizeClass) -> (NonNull<u8>, bool) {
    // SAFETY: a used pool has a valid header and a non-empty free list (caller).
    unsafe {
        let header = &mut *pool;
        header.count += 1;
        let block = header.freeblock;
        header.freeblock = block.cast::<*mut u8>().read();
        let full = header.freeblock.is_null() && !extend(pool, class);
        (NonNull::new_unchecked(block), full)
    }
}

/// Makes the next virgin block the free list (`pymalloc_pool_extend`); false if none is left.
///
/// # Safety
/// `pool` must be an initialised pool of `class` whose free list is empty.
#[inline]
unsafe fn extend(pool: PoolPtr, class: SizeClass) -> bool {
    // SAFETY: valid header (caller).
    let header = unsafe { &mut *pool };
    if header.nextoffset > header.maxnextoffset {
        return false;
    }
    // SAFETY: `nextoffset <= maxnextoffset = POOL_SIZE - size`, so the block is inside the pool.
    unsafe {
        let block = pool.cast::<u8>().add(header.nextoffset as usize);
        block.cast::<*mut u8>().write(ptr::null_mut());
        header.freeblock = block;
    }
    header.nextoffset += class.block_size() as u32;
    true
}

/// Pushes a block back on its pool's free list (`pymalloc_free`, LIFO).
///
/// # Safety
/// `block` must be a block handed out from `pool` and not freed since.
#[inline(always)]
pub(crate) unsafe fn push(pool: PoolPtr, block: NonNull<u8>) -> AfterPush {
    // SAFETY: the block is in use, so `pool` is a used or full pool with a valid header and the
    // block's first word is ours to overwrite.
    unsafe {
        let header = &mut *pool;
        let lastfree = header.freeblock;
        block.as_ptr().cast::<*mut u8>().write(lastfree);
        header.freeblock = block.as_ptr();
        header.count -= 1;
        if lastfree.is_null() {
            AfterPush::WasFull
        } else if header.count != 0 {
            AfterPush::StillUsed
        } else {
            AfterPush::NowEmpty
        }
    }
}

/// The arena slot and block size of a carved, initialised pool (what freeing a block needs to
/// drop its marks).
///
/// # Safety
/// `pool` must be a carved, initialised pool of a live arena.
#[inline(always)]
pub(crate) unsafe fn arena_and_block_size(pool: PoolPtr) -> (u32, usize) {
    // SAFETY: valid header (caller).
    let h = unsafe { &*pool };
    (
        h.arenaindex,
        (h.szidx as usize + 1) * crate::size_class::ALIGNMENT,
    )
}

/// Read-only view of a carved pool's header, for statistics and invariant checks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PoolInfo {
    pub count: u32,
    pub arenaindex: u32,
    pub szidx: u32,
    pub nextoffset: u32,
    pub maxnextoffset: u32,
}

/// Reads a carved pool's header.
///
/// # Safety
/// `pool` must be a carved pool of a live arena.
pub(crate) unsafe fn info(pool: PoolPtr) -> PoolInfo {
    // SAFETY: valid header (caller).
    let h = unsafe { &*pool };
    PoolInfo {
        count: h.count,
        arenaindex: h.arenaindex,
        szidx: h.szidx,
        nextoffset: h.nextoffset,
        maxnextoffset: h.maxnextoffset,
    }
}

/// Calls `f` with the offset (from the pool start) of each block on the pool's free list, head
/// first, stopping early (and returning `false`) if `f` returns `false`. The walk is bounded by
/// the pool's capacity so a corrupted list cannot loop forever.
///
/// # Safety
/// `pool` must be a carved, initialised pool of a live arena.
pub(crate) unsafe fn walk_free_list(pool: PoolPtr, mut f: impl FnMut(usize) -> bool) -> bool {
    let base = pool.addr();
    // SAFETY: valid header (caller).
    let mut block = unsafe { (*pool).freeblock };
    let mut steps = 0;
    while !block.is_null() {
        let offset = block.addr().wrapping_sub(base);
        steps += 1;
        if !f(offset) || offset >= POOL_SIZE || steps > POOL_SIZE / 16 {
            return false;
        }
        // SAFETY: the offset was accepted by `f` and is inside the pool, where free blocks hold
        // their link in the first word.
        block = unsafe { block.cast::<*mut u8>().read() };
    }
    true
}

/// The per-class lists of used pools (`usedpools`). CPython makes each list circular through a
/// fake header; here each is a null-terminated doubly linked list with a head pointer, which
/// keeps the same order: allocation uses the head, and pools are linked in at the head.
pub(crate) struct UsedPools {
    heads: [PoolPtr; crate::size_class::NB_SMALL_SIZE_CLASSES],
}

impl UsedPools {
    pub(crate) const fn new() -> Self {
        UsedPools {
            heads: [ptr::null_mut(); crate::size_class::NB_SMALL_SIZE_CLASSES],
        }
    }

    /// The pool allocation uses next for `class`, or null.
    #[inline(always)]
    pub(crate) fn first(&self, class: SizeClass) -> PoolPtr {
        self.heads[class.index()]
    }

    /// Links `pool` at the front of the used list of its own class (`insert_to_usedpool`, and the
    /// front-linking in `allocate_from_new_pool`).
    ///
    /// # Safety
    /// `pool` must be an initialised pool on no list, with `szidx` a real class.
    pub(crate) unsafe fn push_front(&mut self, pool: PoolPtr) {
        // SAFETY: valid header on no list (caller); the old head, if any, is a listed pool.
        unsafe {
            let class = (*pool).szidx as usize;
            let head = self.heads[class];
            (*pool).nextpool = head;
            (*pool).prevpool = ptr::null_mut();
            if !head.is_null() {
                (*head).prevpool = pool;
            }
            self.heads[class] = pool;
        }
    }

    /// Unlinks `pool` from its class's used list.
    ///
    /// # Safety
    /// `pool` must be on the used list of its `szidx`.
    pub(crate) unsafe fn unlink(&mut self, pool: PoolPtr) {
        // SAFETY: `pool` and its neighbours are listed pools with valid headers (caller).
        unsafe {
            let (next, prev) = ((*pool).nextpool, (*pool).prevpool);
            if prev.is_null() {
                self.heads[(*pool).szidx as usize] = next;
            } else {
                (*prev).nextpool = next;
            }
            if !next.is_null() {
                (*next).prevpool = prev;
            }
        }
    }

    /// Calls `f` on every pool of `class`'s used list in order; stops after `limit` pools.
    ///
    /// # Safety
    /// The lists must be well formed (every listed pointer a live pool header).
    pub(crate) unsafe fn walk(
        &self,
        class: SizeClass,
        limit: usize,
        mut f: impl FnMut(PoolPtr, PoolPtr),
    ) {
        let mut prev = ptr::null_mut();
        let mut pool = self.heads[class.index()];
        let mut steps = 0;
        while !pool.is_null() && steps < limit {
            f(pool, prev);
            prev = pool;
            // SAFETY: listed pools have valid headers (caller).
            pool = unsafe { (*pool).nextpool };
            steps += 1;
        }
    }

    /// The `prevpool` link of a listed pool, for invariant checks.
    ///
    /// # Safety
    /// `pool` must be a live pool header.
    pub(crate) unsafe fn prev_of(pool: PoolPtr) -> PoolPtr {
        // SAFETY: valid header (caller).
        unsafe { (*pool).prevpool }
    }
}

/// Pushes an empty pool on an arena's free-pool list (linked through `nextpool`).
///
/// # Safety
/// `pool` must be an empty pool on no list; `head` the arena's current list head.
pub(crate) unsafe fn link_free(pool: PoolPtr, head: PoolPtr) {
    // SAFETY: valid header (caller).
    unsafe { (*pool).nextpool = head };
}

/// The pool after `pool` on an arena's free-pool list.
///
/// # Safety
/// `pool` must be on an arena's free-pool list.
pub(crate) unsafe fn next_free(pool: PoolPtr) -> PoolPtr {
    // SAFETY: valid header (caller).
    unsafe { (*pool).nextpool }
}
