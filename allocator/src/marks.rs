//! Marks: addresses inside live blocks that the allocator's caller has flagged, so that a walk
//! of the heap can find them again. pyrt's object layer marks the start of every object (after
//! its pre-header), which lets a census find every object — tracked by the collector or not —
//! from the allocator alone. CPython has nothing like it (its heap walkers, guppy and objgraph,
//! start from the collector's lists and miss untracked objects); the marks live beside the
//! arenas, so pymalloc's own layout (pool headers, blocks per pool) is unchanged.
//!
//! A mark is a 16-byte granule: an address `block + offset` with `offset` a multiple of 16.
//! * Pool blocks: one bit per granule of each arena slot, 8 KiB per slot, allocated when a slot
//!   gets its first mark and kept for the arenas that later fill the slot ([`PoolMarks`]). The bit of address `a` is found from its pool's
//!   `arenaindex` and `a`'s place in the pool, so no arena base is needed on the hot path.
//! * Blocks of the system allocator, and every block in debug mode: a table from block to a
//!   64-bit mask of its first 64 granules ([`SideMarks`]).
//!
//! # Invariants
//! * Every mark lies inside a block that is allocated: freeing a block, or reallocating it
//!   (moved or not), removes its marks, so a block handed out again starts unmarked.
//! * `SideMarks::count` is the number of marks it holds.

use core::ptr::NonNull;

use hashbrown::HashMap;

use crate::size_class::{MAX_POOLS_IN_ARENA, POOL_SIZE, POOL_SIZE_MASK};

/// The unit of marking: objects start on 16-byte boundaries.
pub const MARK_GRANULE: usize = 16;

/// Granules per pool.
const POOL_GRANULES: usize = POOL_SIZE / MARK_GRANULE;
/// Words of one arena's bitmap.
const ARENA_WORDS: usize = MAX_POOLS_IN_ARENA * POOL_GRANULES / 64;

/// The bit index of address `a` in its arena's bitmap: the pool's position among the 64
/// consecutive pool-aligned addresses an arena spans (distinct modulo 64), then the granule.
#[inline(always)]
fn bit_of(a: usize) -> usize {
    ((a / POOL_SIZE) % MAX_POOLS_IN_ARENA) * POOL_GRANULES + (a & POOL_SIZE_MASK) / MARK_GRANULE
}

/// The marks of pool blocks, one bitmap per arena slot. No count is kept (the hot paths only
/// set and clear bits); [`PoolMarks::count`] walks the bitmaps.
#[derive(Default)]
pub(crate) struct PoolMarks {
    arenas: Vec<Option<Box<[u64; ARENA_WORDS]>>>,
}

impl PoolMarks {
    /// Whether any arena slot has a bitmap: until then frees have no marks to drop.
    #[inline(always)]
    pub(crate) fn in_use(&self) -> bool {
        !self.arenas.is_empty()
    }

    /// Marks address `a` of a pool of arena `arena`. Returns whether it was unmarked.
    #[inline(always)]
    pub(crate) fn set(&mut self, arena: u32, a: usize) -> bool {
        let b = bit_of(a);
        let bits = match self.arenas.get_mut(arena as usize) {
            Some(Some(bits)) => bits,
            _ => self.bitmap(arena),
        };
        let word = &mut bits[b / 64];
        let fresh = *word & (1 << (b % 64)) == 0;
        *word |= 1 << (b % 64);
        fresh
    }

    /// The bitmap of slot `arena`, made on its first mark.
    #[cold]
    #[inline(never)]
    fn bitmap(&mut self, arena: u32) -> &mut [u64; ARENA_WORDS] {
        let slot = arena as usize;
        if self.arenas.len() <= slot {
            self.arenas.resize_with(slot + 1, || None);
        }
        self.arenas[slot].get_or_insert_with(|| Box::new([0; ARENA_WORDS]))
    }

    /// Unmarks address `a`. Returns whether it was marked.
    pub(crate) fn clear(&mut self, arena: u32, a: usize) -> bool {
        let Some(Some(bits)) = self.arenas.get_mut(arena as usize) else {
            return false;
        };
        let b = bit_of(a);
        let was = bits[b / 64] & (1 << (b % 64)) != 0;
        bits[b / 64] &= !(1 << (b % 64));
        was
    }

    /// Whether address `a` of arena `arena` is marked.
    pub(crate) fn is_set(&self, arena: u32, a: usize) -> bool {
        let b = bit_of(a);
        self.arenas
            .get(arena as usize)
            .and_then(Option::as_ref)
            .is_some_and(|bits| bits[b / 64] & (1 << (b % 64)) != 0)
    }

    /// Unmarks the granules of the block of `size` bytes at `a` (at most 512 bytes, so at most
    /// 32 granules, inside one pool: one or two words of the bitmap).
    #[inline(always)]
    pub(crate) fn clear_block(&mut self, arena: u32, a: usize, size: usize) {
        let Some(Some(bits)) = self.arenas.get_mut(arena as usize) else {
            return;
        };
        let b = bit_of(a);
        let n = size / MARK_GRANULE;
        debug_assert!((1..=32).contains(&n));
        let (w, shift) = (b / 64, b % 64);
        let ones = (1u64 << n) - 1;
        bits[w] &= !(ones << shift);
        if shift + n > 64 {
            // The block's granules run on into the next word (n <= 32 < 64 - shift + 64).
            if let Some(next) = bits.get_mut(w + 1) {
                *next &= !(ones >> (64 - shift));
            }
        }
    }

    /// Number of marks (a walk of the bitmaps).
    pub(crate) fn count(&self) -> usize {
        self.arenas
            .iter()
            .flatten()
            .map(|bits| bits.iter().map(|w| w.count_ones() as usize).sum::<usize>())
            .sum()
    }

    /// Calls `f` with every marked address of arena `arena` (memory at `base`), whose pools
    /// are the 64 (or 63) pool-aligned addresses from `first_pool`, in address order. The
    /// pointers carry `base`'s provenance.
    pub(crate) fn for_each_in_arena(
        &self,
        arena: u32,
        base: NonNull<u8>,
        first_pool: usize,
        pools: usize,
        mut f: impl FnMut(NonNull<u8>),
    ) {
        let Some(Some(bits)) = self.arenas.get(arena as usize) else {
            return;
        };
        for pool in (0..pools).map(|i| first_pool + i * POOL_SIZE) {
            let first = bit_of(pool) / 64;
            for (w, &word) in bits[first..first + POOL_GRANULES / 64].iter().enumerate() {
                let mut word = word;
                while word != 0 {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    let a = pool + (w * 64 + bit) * MARK_GRANULE;
                    // A marked address is inside a block, so neither null nor outside the arena.
                    if let Some(a) = core::num::NonZeroUsize::new(a) {
                        f(base.with_addr(a));
                    }
                }
            }
        }
    }
}

/// Marks of system-allocator blocks, and of every block in debug mode: block → mask of its
/// first 64 granules.
#[derive(Default)]
pub(crate) struct SideMarks {
    blocks: HashMap<NonNull<u8>, u64>,
    count: usize,
}

impl SideMarks {
    /// Marks granule `g` of `block`. Returns whether it was unmarked.
    pub(crate) fn set(&mut self, block: NonNull<u8>, g: usize) -> bool {
        let mask = self.blocks.entry(block).or_insert(0);
        let fresh = *mask & (1 << g) == 0;
        *mask |= 1 << g;
        self.count += usize::from(fresh);
        fresh
    }

    /// Unmarks granule `g` of `block`. Returns whether it was marked.
    pub(crate) fn clear(&mut self, block: NonNull<u8>, g: usize) -> bool {
        let Some(mask) = self.blocks.get_mut(&block) else {
            return false;
        };
        let was = *mask & (1 << g) != 0;
        *mask &= !(1 << g);
        if *mask == 0 {
            self.blocks.remove(&block);
        }
        self.count -= usize::from(was);
        was
    }

    /// Whether granule `g` of `block` is marked.
    pub(crate) fn is_set(&self, block: NonNull<u8>, g: usize) -> bool {
        self.blocks.get(&block).is_some_and(|m| m & (1 << g) != 0)
    }

    /// Drops every mark of `block` (freed or reallocated).
    #[inline]
    pub(crate) fn forget(&mut self, block: NonNull<u8>) {
        if self.blocks.is_empty() {
            return;
        }
        if let Some(mask) = self.blocks.remove(&block) {
            self.count -= mask.count_ones() as usize;
        }
    }

    /// Number of marks.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Calls `f` with every marked address (with its block's provenance).
    pub(crate) fn for_each(&self, mut f: impl FnMut(NonNull<u8>)) {
        for (block, &mask) in &self.blocks {
            let mut m = mask;
            while m != 0 {
                let g = m.trailing_zeros() as usize;
                m &= m - 1;
                // SAFETY: a marked granule lies inside its live block.
                f(unsafe { block.byte_add(g * MARK_GRANULE) });
            }
        }
    }
}
