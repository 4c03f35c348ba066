//! pymalloc proper: blocks of at most 512 bytes carved from pools of 1 MiB arenas
//! (`pymalloc_alloc`, `allocate_from_new_pool`, `pymalloc_free`, `insert_to_freepool` in
//! `Objects/obmalloc.c`).
//!
//! ```text
//!  usedpools[class] ──► pool ◄─► pool ◄─► pool        (used: some blocks free)
//!                        │ header(48) │ block │ block │ ... │ virgin blocks ... │  16 KiB
//!  usable_arenas ──► arena (fewest free pools) ◄─► ... ◄─► arena (most)
//!                     │ pool │ pool │ ... │ 64 (or 63) pools │                   1 MiB
//! ```
//!
//! Allocation takes the head block of the first used pool of the class; when the class has no
//! used pool, a pool comes from the fullest usable arena, and a new arena is made when none is
//! usable. Freeing pushes the block on its pool's list; a pool that empties goes back to its
//! arena, and an arena that empties goes back to the system unless it is the last usable one.

use core::ptr::NonNull;

use crate::arena::Arenas;
use crate::arena_map::ArenaMap;
use crate::arena_source::ArenaSource;
use crate::marks::PoolMarks;
use crate::pool::{self, AfterPush, PoolPtr, UsedPools};
use crate::size_class::{POOL_OVERHEAD, POOL_SIZE, SizeClass};

/// The small-block heap.
pub(crate) struct SmallHeap {
    used: UsedPools,
    arenas: Arenas,
    map: ArenaMap,
    source: Box<dyn ArenaSource>,
    marks: PoolMarks,
}

impl SmallHeap {
    pub(crate) fn new(source: Box<dyn ArenaSource>) -> Self {
        SmallHeap {
            used: UsedPools::new(),
            arenas: Arenas::new(),
            map: ArenaMap::new(),
            source,
            marks: PoolMarks::default(),
        }
    }

    /// Allocates from the first used pool of `class`; `None` when the class has no used pool.
    #[inline(always)]
    pub(crate) fn alloc_from_used(&mut self, class: SizeClass) -> Option<NonNull<u8>> {
        let pool = self.used.first(class);
        if pool.is_null() {
            return None;
        }
        // SAFETY: pools on a used list are initialised pools of `class` with a free block.
        let (block, full) = unsafe { pool::pop(pool, class) };
        if full {
            // SAFETY: `pool` is on the used list of its class.
            unsafe { self.used.unlink(pool) };
        }
        Some(block)
    }

    /// Whether the next new pool needs a new arena.
    pub(crate) fn needs_arena(&self) -> bool {
        !self.arenas.has_usable()
    }

    /// Maps a new arena and makes it the usable one (`new_arena`). `false` when the source has
    /// no memory. Call only when [`SmallHeap::needs_arena`].
    #[cold]
    pub(crate) fn add_arena(&mut self) -> bool {
        let index = self.arenas.take_slot();
        let Some(base) = self.source.alloc_arena() else {
            self.arenas.put_back_slot(index);
            return false;
        };
        self.map.mark(base.addr().get(), true);
        self.arenas.install(index, base);
        true
    }

    /// Starts a pool for `class` and returns its first block (`allocate_from_new_pool`).
    /// Requires a usable arena (see [`SmallHeap::add_arena`]).
    #[cold]
    pub(crate) fn alloc_from_new_pool(&mut self, class: SizeClass) -> NonNull<u8> {
        let pool = self.arenas.take_pool();
        // SAFETY: `take_pool` returns an empty pool of a live arena, on no list.
        unsafe {
            let block = pool::start(pool, class);
            self.used.push_front(pool);
            block
        }
    }

    /// Whether `p` points into one of this heap's arenas (`address_in_range`).
    #[inline(always)]
    pub(crate) fn owns(&self, p: NonNull<u8>) -> bool {
        self.map.contains(p.addr().get())
    }

    /// The block size of the pool holding `p`.
    ///
    /// # Safety
    /// `p` must be a live block of this heap.
    pub(crate) unsafe fn block_size(&self, p: NonNull<u8>) -> usize {
        // SAFETY: a live block's pool is initialised (caller).
        let szidx = unsafe { pool::info(pool::pool_of(p)) }.szidx;
        (szidx as usize + 1) * crate::size_class::ALIGNMENT
    }

    /// Frees a block (`pymalloc_free`).
    ///
    /// # Safety
    /// `p` must be a live block of this heap (so [`SmallHeap::owns`] holds), freed only once.
    #[inline(always)]
    pub(crate) unsafe fn free(&mut self, p: NonNull<u8>) {
        let pool = pool::pool_of(p);
        if self.marks.in_use() {
            // SAFETY: a live block's pool is initialised (caller).
            let (arena, size) = unsafe { pool::arena_and_block_size(pool) };
            self.marks.clear_block(arena, p.addr().get(), size);
        }
        // SAFETY: `p` is a live block of `pool` (caller).
        match unsafe { pool::push(pool, p) } {
            AfterPush::StillUsed => {}
            // SAFETY: a full pool is on no list and initialised.
            AfterPush::WasFull => unsafe { self.used.push_front(pool) },
            AfterPush::NowEmpty => self.pool_emptied(pool),
        }
    }

    /// The block size of the pool holding `p`, if `p` is the start of a block of a carved,
    /// initialised pool (whether the block is handed out is not checked). Constant time: the
    /// pool's header names its arena, whose carved range must hold the pool.
    pub(crate) fn block_start_size(&self, p: NonNull<u8>) -> Option<usize> {
        let pool = pool::pool_of(p);
        // The pool's own address must be arena memory (a misaligned arena's first partial
        // pool is not), so that its header can be read.
        if !self.owns(p) || !self.map.contains(pool.addr()) {
            return None;
        }
        // SAFETY: `pool` is inside a live arena, all of whose memory is mapped; an uncarved
        // pool's header holds whatever the arena's memory holds, which the checks below refuse.
        let info = unsafe { pool::info(pool) };
        let arena = self.arenas.get(info.arenaindex)?;
        let carved = (arena.first_pool_address()..arena.pool_address()).contains(&pool.addr());
        let offset = p.addr().get() & crate::size_class::POOL_SIZE_MASK;
        if !carved || offset < POOL_OVERHEAD || info.szidx == pool::DUMMY_SIZE_IDX {
            return None;
        }
        let size = (info.szidx as usize + 1) * crate::size_class::ALIGNMENT;
        ((offset - POOL_OVERHEAD).is_multiple_of(size) && offset + size <= POOL_SIZE)
            .then_some(size)
    }

    /// Marks address `a`, inside the block at `block` (see `marks`). Returns whether it was
    /// unmarked.
    pub(crate) fn mark(&mut self, block: NonNull<u8>, a: usize) -> bool {
        // SAFETY: `block` passed `block_start_size`: its pool is carved and initialised.
        let (arena, _) = unsafe { pool::arena_and_block_size(pool::pool_of(block)) };
        self.marks.set(arena, a)
    }

    /// Unmarks address `a` of the block at `block`. Returns whether it was marked.
    pub(crate) fn unmark(&mut self, block: NonNull<u8>, a: usize) -> bool {
        // SAFETY: as in `mark`.
        let (arena, _) = unsafe { pool::arena_and_block_size(pool::pool_of(block)) };
        self.marks.clear(arena, a)
    }

    /// Whether address `a` of the block at `block` is marked.
    pub(crate) fn is_marked(&self, block: NonNull<u8>, a: usize) -> bool {
        // SAFETY: as in `mark`.
        let (arena, _) = unsafe { pool::arena_and_block_size(pool::pool_of(block)) };
        self.marks.is_set(arena, a)
    }

    /// Drops the marks of the live block at `p` (reallocated in place).
    ///
    /// # Safety
    /// `p` must be a live block of this heap.
    pub(crate) unsafe fn unmark_block(&mut self, p: NonNull<u8>) {
        // SAFETY: a live block's pool is initialised (caller).
        let (arena, size) = unsafe { pool::arena_and_block_size(pool::pool_of(p)) };
        self.marks.clear_block(arena, p.addr().get(), size);
    }

    /// Number of marks in pool blocks.
    pub(crate) fn mark_count(&self) -> usize {
        self.marks.count()
    }

    /// Calls `f` with every marked address of the pools, arena by arena.
    pub(crate) fn for_each_mark(&self, mut f: impl FnMut(NonNull<u8>)) {
        for (index, arena) in self.arenas.allocated() {
            let Some(base) = arena.base() else { continue };
            self.marks.for_each_in_arena(
                index,
                base,
                arena.first_pool_address(),
                arena.ntotalpools() as usize,
                &mut f,
            );
        }
    }

    #[cold]
    fn pool_emptied(&mut self, pool: PoolPtr) {
        // SAFETY: `NowEmpty` means the pool's free list was not empty before the free, so the
        // pool was not full and is on its class's used list.
        let arenaindex = unsafe {
            self.used.unlink(pool);
            pool::info(pool).arenaindex
        };
        if let Some(base) = self.arenas.give_back_pool(pool, arenaindex) {
            self.release_arena(base);
        }
    }

    fn release_arena(&mut self, base: NonNull<u8>) {
        self.map.mark(base.addr().get(), false);
        // SAFETY: the arena came from this source and holds no live block any more.
        unsafe { self.source.free_arena(base) };
    }

    /// Gives back wholly free arenas kept to avoid thrashing. Returns how many.
    pub(crate) fn trim(&mut self) -> usize {
        let mut freed = Vec::new();
        let n = self.arenas.trim(|base| freed.push(base));
        for base in freed {
            self.release_arena(base);
        }
        n
    }

    pub(crate) fn arenas(&self) -> &Arenas {
        &self.arenas
    }

    pub(crate) fn map(&self) -> &ArenaMap {
        &self.map
    }

    /// Calls `f` with every carved pool of every allocated arena, with its arena index, in
    /// address order (the walk of `_PyObject_DebugMallocStats`).
    pub(crate) fn for_each_carved_pool(&self, mut f: impl FnMut(u32, PoolPtr, pool::PoolInfo)) {
        for (index, arena) in self.arenas.allocated() {
            let mut address = arena.first_pool_address();
            while address < arena.pool_address() {
                let pool = arena.pool_at(address);
                // SAFETY: pools below `pool_address` were carved and have headers.
                f(index, pool, unsafe { pool::info(pool) });
                address += POOL_SIZE;
            }
        }
    }

    /// Calls `f(address, block_size)` for every block handed out and not freed.
    pub(crate) fn for_each_live_block(&self, mut f: impl FnMut(NonNull<u8>, usize)) {
        self.for_each_carved_pool(|_, pool, info| {
            if info.count == 0 {
                return;
            }
            let size = (info.szidx as usize + 1) * crate::size_class::ALIGNMENT;
            let mut free = [0u64; POOL_SIZE / 16 / 64];
            // SAFETY: a pool with blocks in use is initialised.
            unsafe {
                pool::walk_free_list(pool, |offset| {
                    free[offset / 16 / 64] |= 1 << (offset / 16 % 64);
                    true
                })
            };
            let mut offset = POOL_OVERHEAD;
            while offset < info.nextoffset as usize && offset + size <= POOL_SIZE {
                if free[offset / 16 / 64] & (1 << (offset / 16 % 64)) == 0 {
                    // SAFETY: the offset is inside the pool, so the pointer is non-null.
                    f(
                        unsafe { NonNull::new_unchecked(pool.cast::<u8>().add(offset)) },
                        size,
                    );
                }
                offset += size;
            }
        });
    }

    /// Checks every structure of the heap (see the invariants in `pool`, `arena`, `arena_map`).
    pub(crate) fn check(&self) -> Result<(), String> {
        self.arenas.check()?;
        let mut listed = hashbrown::HashSet::new();
        for class in SizeClass::all() {
            let mut error = None;
            // SAFETY: walking the lists is what is being checked; each visited pointer is first
            // confirmed to lie in one of our arenas before its header is read.
            unsafe {
                self.used.walk(class, usize::MAX, |pool, prev| {
                    if error.is_some() {
                        return;
                    }
                    let p = NonNull::new(pool.cast::<u8>()).expect("walk yields non-null pools");
                    if !self.owns(p) || !listed.insert(pool.addr()) {
                        error = Some(format!(
                            "used list of class {} has a bad or repeated pool",
                            class.index()
                        ));
                        return;
                    }
                    let info = pool::info(pool);
                    if info.szidx as usize != class.index()
                        || info.count == 0
                        || UsedPools::prev_of(pool) != prev
                    {
                        error = Some(format!(
                            "pool {pool:p} on used list {} is inconsistent",
                            class.index()
                        ));
                    }
                });
            }
            if let Some(e) = error {
                return Err(e);
            }
        }
        for (index, arena) in self.arenas.allocated() {
            self.check_arena(index, arena, &listed)?;
        }
        Ok(())
    }

    fn check_arena(
        &self,
        index: u32,
        arena: &crate::arena::ArenaObject,
        listed: &hashbrown::HashSet<usize>,
    ) -> Result<(), String> {
        let base = arena.address();
        let last = base + crate::size_class::ARENA_SIZE - 1;
        if !self.map.contains(base) || !self.map.contains(last) {
            return Err(format!(
                "arena {index} at {base:#x} is not in the arena map"
            ));
        }
        let expected_total = if arena.is_misaligned() { 63 } else { 64 };
        if arena.ntotalpools() != expected_total {
            return Err(format!(
                "arena {index} has {} pools, expected {expected_total}",
                arena.ntotalpools()
            ));
        }
        let mut free_pools = hashbrown::HashSet::new();
        let mut pool = arena.freepools();
        while !pool.is_null() {
            if !free_pools.insert(pool.addr()) || free_pools.len() > 64 {
                return Err(format!("arena {index}'s free-pool list loops"));
            }
            // SAFETY: free-pool lists link carved pools of this arena (checked below).
            pool = unsafe { pool::next_free(pool) };
        }
        let uncarved = (last + 1 - arena.pool_address()) / POOL_SIZE;
        if free_pools.len() + uncarved != arena.nfreepools() as usize {
            return Err(format!(
                "arena {index}: {} cached + {uncarved} uncarved pools, nfreepools {}",
                free_pools.len(),
                arena.nfreepools()
            ));
        }
        let mut result = Ok(());
        self.for_each_carved_pool(|ai, pool, info| {
            if ai != index || result.is_err() {
                return;
            }
            result = check_pool(pool, info, index, &free_pools, listed);
        });
        result
    }
}

fn check_pool(
    pool: PoolPtr,
    info: pool::PoolInfo,
    index: u32,
    free_pools: &hashbrown::HashSet<usize>,
    listed: &hashbrown::HashSet<usize>,
) -> Result<(), String> {
    if info.arenaindex != index {
        return Err(format!(
            "pool {pool:p} names arena {} instead of {index}",
            info.arenaindex
        ));
    }
    if info.count == 0 {
        return if free_pools.contains(&pool.addr()) {
            Ok(())
        } else {
            Err(format!(
                "empty pool {pool:p} is not on its arena's free list"
            ))
        };
    }
    let class = SizeClass::from_index(info.szidx as usize)
        .ok_or(format!("pool {pool:p} has class {}", info.szidx))?;
    let size = class.block_size();
    let mut seen = [0u64; POOL_SIZE / 16 / 64];
    let mut free = 0usize;
    let mut bad = None;
    // SAFETY: a pool with blocks in use is initialised; the walk is bounded.
    let terminated = unsafe {
        pool::walk_free_list(pool, |offset| {
            let fits = offset >= POOL_OVERHEAD
                && (offset - POOL_OVERHEAD).is_multiple_of(size)
                && offset < info.nextoffset as usize;
            let bit = 1u64 << (offset / 16 % 64);
            if !fits || offset >= POOL_SIZE || seen[offset / 16 / 64] & bit != 0 {
                bad = Some(offset);
                return false;
            }
            seen[offset / 16 / 64] |= bit;
            free += 1;
            true
        })
    };
    if !terminated || bad.is_some() {
        return Err(format!(
            "pool {pool:p} (class {}) has a bad free list entry at offset {bad:?}",
            class.index()
        ));
    }
    let virgin = if info.nextoffset <= info.maxnextoffset {
        (info.maxnextoffset - info.nextoffset) as usize / size + 1
    } else {
        0
    };
    if info.count as usize + free + virgin != class.blocks_per_pool() {
        return Err(format!(
            "pool {pool:p} (class {}): {} used + {free} free + {virgin} virgin != {}",
            class.index(),
            info.count,
            class.blocks_per_pool()
        ));
    }
    if (free > 0) != listed.contains(&pool.addr()) {
        return Err(format!(
            "pool {pool:p} with {free} free blocks is misplaced on the used lists"
        ));
    }
    Ok(())
}

impl Drop for SmallHeap {
    fn drop(&mut self) {
        let bases: Vec<_> = self
            .arenas
            .allocated()
            .filter_map(|(_, a)| a.base())
            .collect();
        for base in bases {
            // SAFETY: the heap is going away; nothing may use its blocks any more (the owner of
            // the allocator guarantees no block outlives it).
            unsafe { self.source.free_arena(base) };
        }
    }
}
