//! Arena objects and the ordering of usable arenas: obmalloc's `struct arena_object`,
//! `new_arena`, the arena half of `allocate_from_new_pool` and `insert_to_freepool`
//! (`Objects/obmalloc.c`).
//!
//! The table mirrors CPython's `allarenas` vector: it starts with 16 slots and doubles when no
//! unused slot is left; slot indices are what pool headers store as `arenaindex`. Links are
//! slot indices ([`NIL`] for none) instead of pointers.
//!
//! # Invariants
//! * A slot is *allocated* (`base` non-null, on `usable_arenas` or on no list when it has no
//!   free pool) or *unused* (`base` null, on `unused_arena_objects`), never both.
//! * `usable_arenas` holds exactly the allocated arenas with `nfreepools > 0`, sorted by
//!   `nfreepools` ascending, so pools come from the fullest arena and nearly empty ones can drain.
//! * `nfp2lasta[n]` is the last arena of `usable_arenas` with exactly `n` free pools, or NIL.
//! * `nfreepools` = pools on `freepools` + pools not carved yet (`pool_address` up to the end).

use core::ptr::{self, NonNull};

use crate::pool::{self, PoolPtr};
use crate::size_class::{
    ARENA_SIZE, INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, POOL_SIZE, POOL_SIZE_MASK,
};

/// "No arena" in a link.
pub(crate) const NIL: u32 = u32::MAX;

/// One slot of the arena table (`struct arena_object`).
pub(crate) struct ArenaObject {
    /// Start of the arena's memory; null when the slot is unused (`address == 0`).
    base: *mut u8,
    /// Next pool-aligned address not carved yet (`pool_address`).
    pool_address: usize,
    /// Empty cached pools plus pools not carved yet (`nfreepools`).
    nfreepools: u32,
    /// Pools in this arena: 64, or 63 when its base is not pool-aligned (`ntotalpools`).
    ntotalpools: u32,
    /// Singly linked list of empty pools (`freepools`).
    freepools: PoolPtr,
    nextarena: u32,
    prevarena: u32,
}

impl ArenaObject {
    const UNUSED: ArenaObject = ArenaObject {
        base: ptr::null_mut(),
        pool_address: 0,
        nfreepools: 0,
        ntotalpools: 0,
        freepools: ptr::null_mut(),
        nextarena: NIL,
        prevarena: NIL,
    };

    /// The arena's base address (0 when unused).
    pub(crate) fn address(&self) -> usize {
        self.base.addr()
    }

    /// The arena's memory, when allocated.
    pub(crate) fn base(&self) -> Option<NonNull<u8>> {
        NonNull::new(self.base)
    }

    /// First pool-aligned address of the arena.
    pub(crate) fn first_pool_address(&self) -> usize {
        (self.address() + POOL_SIZE_MASK) & !POOL_SIZE_MASK
    }

    /// Next address to carve a pool from.
    pub(crate) fn pool_address(&self) -> usize {
        self.pool_address
    }

    pub(crate) fn nfreepools(&self) -> u32 {
        self.nfreepools
    }

    pub(crate) fn ntotalpools(&self) -> u32 {
        self.ntotalpools
    }

    /// Head of the free-pool list.
    pub(crate) fn freepools(&self) -> PoolPtr {
        self.freepools
    }

    /// Whether the base is not pool-aligned, which costs one pool.
    pub(crate) fn is_misaligned(&self) -> bool {
        self.address() & POOL_SIZE_MASK != 0
    }

    /// The pool header at `address`, with the arena's provenance.
    pub(crate) fn pool_at(&self, address: usize) -> PoolPtr {
        self.base.with_addr(address).cast()
    }
}

/// The arena table and its lists.
pub(crate) struct Arenas {
    objs: Vec<ArenaObject>,
    unused: u32,
    usable: u32,
    nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    /// `narenas_currently_allocated`.
    pub(crate) current: usize,
    /// `ntimes_arena_allocated`.
    pub(crate) total_allocated: usize,
    /// `narenas_highwater`.
    pub(crate) highwater: usize,
}

impl Arenas {
    pub(crate) const fn new() -> Self {
        Arenas {
            objs: Vec::new(),
            unused: NIL,
            usable: NIL,
            nfp2lasta: [NIL; MAX_POOLS_IN_ARENA + 1],
            current: 0,
            total_allocated: 0,
            highwater: 0,
        }
    }

    /// Whether some arena has a free pool (`usable_arenas != NULL`).
    #[inline]
    pub(crate) fn has_usable(&self) -> bool {
        self.usable != NIL
    }

    /// The allocated arena in slot `index`, if any.
    pub(crate) fn get(&self, index: u32) -> Option<&ArenaObject> {
        self.objs.get(index as usize).filter(|a| !a.base.is_null())
    }

    /// Allocated arenas with their slot index.
    pub(crate) fn allocated(&self) -> impl Iterator<Item = (u32, &ArenaObject)> {
        self.objs
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.base.is_null())
            .map(|(i, a)| (i as u32, a))
    }

    /// Takes an unused slot, doubling the table when none is left (first half of `new_arena`).
    pub(crate) fn take_slot(&mut self) -> u32 {
        if self.unused == NIL {
            let old = self.objs.len();
            let new = if old == 0 {
                INITIAL_ARENA_OBJECTS
            } else {
                old * 2
            };
            self.objs.reserve_exact(new - old);
            for i in old..new {
                let next = if i + 1 < new { (i + 1) as u32 } else { NIL };
                self.objs.push(ArenaObject {
                    nextarena: next,
                    ..ArenaObject::UNUSED
                });
            }
            self.unused = old as u32;
        }
        let index = self.unused;
        self.unused = self.objs[index as usize].nextarena;
        index
    }

    /// Returns a slot taken by [`Arenas::take_slot`] whose arena could not be made.
    pub(crate) fn put_back_slot(&mut self, index: u32) {
        self.objs[index as usize].nextarena = self.unused;
        self.unused = index;
    }

    /// Records a new arena at `base` in slot `index` and makes it the only usable arena (second
    /// half of `new_arena` and the start of `allocate_from_new_pool`). Called only when no arena
    /// is usable.
    pub(crate) fn install(&mut self, index: u32, base: NonNull<u8>) {
        debug_assert!(self.usable == NIL);
        let excess = base.addr().get() & POOL_SIZE_MASK;
        let mut nfreepools = MAX_POOLS_IN_ARENA as u32;
        let mut pool_address = base.addr().get();
        if excess != 0 {
            nfreepools -= 1;
            pool_address += POOL_SIZE - excess;
        }
        self.objs[index as usize] = ArenaObject {
            base: base.as_ptr(),
            pool_address,
            nfreepools,
            ntotalpools: nfreepools,
            freepools: ptr::null_mut(),
            nextarena: NIL,
            prevarena: NIL,
        };
        self.current += 1;
        self.total_allocated += 1;
        self.highwater = self.highwater.max(self.current);
        self.usable = index;
        debug_assert!(self.nfp2lasta[nfreepools as usize] == NIL);
        self.nfp2lasta[nfreepools as usize] = index;
    }

    /// Takes a pool from the head of `usable_arenas`: a cached empty pool, else a newly carved
    /// one. Unlinks the arena when it has no free pool left. Requires [`Arenas::has_usable`].
    pub(crate) fn take_pool(&mut self) -> PoolPtr {
        let index = self.usable;
        let ao = &mut self.objs[index as usize];
        let nf = ao.nfreepools as usize;
        // The head already has the smallest count; decrementing it keeps the order.
        if self.nfp2lasta[nf] == index {
            self.nfp2lasta[nf] = NIL;
        }
        if nf > 1 {
            debug_assert!(self.nfp2lasta[nf - 1] == NIL);
            self.nfp2lasta[nf - 1] = index;
        }
        let pool = if !ao.freepools.is_null() {
            let pool = ao.freepools;
            // SAFETY: `freepools` lists empty pools of this live arena.
            ao.freepools = unsafe { pool::next_free(pool) };
            pool
        } else {
            let pool = ao.pool_at(ao.pool_address);
            debug_assert!(ao.pool_address + POOL_SIZE <= ao.address() + ARENA_SIZE);
            // SAFETY: `pool_address` is the next pool-aligned, never-carved 16 KiB of the arena.
            unsafe { pool::carve(pool, index) };
            ao.pool_address += POOL_SIZE;
            pool
        };
        ao.nfreepools -= 1;
        if ao.nfreepools == 0 {
            let next = ao.nextarena;
            self.usable = next;
            if next != NIL {
                self.objs[next as usize].prevarena = NIL;
            }
        }
        pool
    }

    /// Gives an emptied pool back to its arena and keeps `usable_arenas` sorted (the arena part
    /// of `insert_to_freepool`, its cases 1 to 4). Returns the arena's memory when the arena is
    /// now wholly free and is not the last usable one: its slot is then unused and the caller
    /// must unregister and release the memory. The pool must be on no list.
    pub(crate) fn give_back_pool(&mut self, pool: PoolPtr, index: u32) -> Option<NonNull<u8>> {
        let ao = &mut self.objs[index as usize];
        // SAFETY: `pool` is an empty pool of this arena, on no list (caller).
        unsafe { pool::link_free(pool, ao.freepools) };
        ao.freepools = pool;
        let nf = ao.nfreepools as usize;
        let lastnf = self.nfp2lasta[nf];
        self.hand_over_last_with_count(index);
        let ao = &mut self.objs[index as usize];
        ao.nfreepools += 1;
        let nf = nf + 1;

        if nf == ao.ntotalpools as usize && ao.nextarena != NIL {
            // Case 1: wholly free and not the last usable arena: release it.
            self.unlink_usable(index);
            return Some(self.retire(index));
        }
        if nf == 1 {
            // Case 2: the arena was full, hence on no list: it becomes the head.
            let head = self.usable;
            let ao = &mut self.objs[index as usize];
            ao.nextarena = head;
            ao.prevarena = NIL;
            if head != NIL {
                self.objs[head as usize].prevarena = index;
            }
            self.usable = index;
            if self.nfp2lasta[1] == NIL {
                self.nfp2lasta[1] = index;
            }
            return None;
        }
        if self.nfp2lasta[nf] == NIL {
            self.nfp2lasta[nf] = index;
        }
        if lastnf == index {
            // Case 4: it was the rightmost with its old count, so the order holds.
            return None;
        }
        // Case 3: slide it right, to just after the last arena with its old count.
        self.unlink_usable(index);
        let after = self.objs[lastnf as usize].nextarena;
        let ao = &mut self.objs[index as usize];
        ao.prevarena = lastnf;
        ao.nextarena = after;
        if after != NIL {
            self.objs[after as usize].prevarena = index;
        }
        self.objs[lastnf as usize].nextarena = index;
        None
    }

    /// Releases wholly free arenas that [`Arenas::give_back_pool`] kept (CPython keeps the last
    /// one to avoid thrashing, bpo-37257). Calls `release` with each arena's memory.
    pub(crate) fn trim(&mut self, mut release: impl FnMut(NonNull<u8>)) -> usize {
        let mut released = 0;
        let mut index = self.usable;
        while index != NIL {
            let next = self.objs[index as usize].nextarena;
            let ao = &self.objs[index as usize];
            if ao.nfreepools == ao.ntotalpools {
                self.hand_over_last_with_count(index);
                self.unlink_usable(index);
                release(self.retire(index));
                released += 1;
            }
            index = next;
        }
        released
    }

    /// Before arena `index` changes its free-pool count `n` or leaves the list: if it is
    /// `nfp2lasta[n]`, the arena before it takes the role when it has the same count, else no
    /// arena has it.
    fn hand_over_last_with_count(&mut self, index: u32) {
        let ao = &self.objs[index as usize];
        let nf = ao.nfreepools as usize;
        if self.nfp2lasta[nf] == index {
            let prev = ao.prevarena;
            let prev_has_nf = prev != NIL && self.objs[prev as usize].nfreepools as usize == nf;
            self.nfp2lasta[nf] = if prev_has_nf { prev } else { NIL };
        }
    }

    fn unlink_usable(&mut self, index: u32) {
        let (prev, next) = {
            let ao = &self.objs[index as usize];
            (ao.prevarena, ao.nextarena)
        };
        if prev == NIL {
            self.usable = next;
        } else {
            self.objs[prev as usize].nextarena = next;
        }
        if next != NIL {
            self.objs[next as usize].prevarena = prev;
        }
    }

    /// Marks an unlinked slot unused and returns the memory it described.
    fn retire(&mut self, index: u32) -> NonNull<u8> {
        let unused = self.unused;
        let ao = &mut self.objs[index as usize];
        let base = NonNull::new(ao.base).expect("retiring an allocated arena");
        *ao = ArenaObject {
            nextarena: unused,
            ..ArenaObject::UNUSED
        };
        self.unused = index;
        self.current -= 1;
        base
    }

    /// Checks the list invariants listed in the module documentation.
    pub(crate) fn check(&self) -> Result<(), String> {
        let mut seen = vec![false; self.objs.len()];
        let mut index = self.usable;
        let mut prev = NIL;
        let mut last_of = [NIL; MAX_POOLS_IN_ARENA + 1];
        let mut last_nf = 0;
        while index != NIL {
            let ao = self
                .objs
                .get(index as usize)
                .ok_or("usable_arenas links past the table")?;
            if seen[index as usize] {
                return Err(format!("usable_arenas has a cycle at arena {index}"));
            }
            seen[index as usize] = true;
            if ao.base.is_null() || ao.nfreepools == 0 || ao.prevarena != prev {
                return Err(format!(
                    "usable arena {index} is unallocated, full or badly linked"
                ));
            }
            if ao.nfreepools < last_nf {
                return Err(format!("usable_arenas not sorted at arena {index}"));
            }
            last_nf = ao.nfreepools;
            last_of[ao.nfreepools as usize] = index;
            prev = index;
            index = ao.nextarena;
        }
        if last_of != self.nfp2lasta {
            return Err(format!(
                "nfp2lasta is {:?}, expected {:?}",
                self.nfp2lasta, last_of
            ));
        }
        let mut index = self.unused;
        while index != NIL {
            let ao = self
                .objs
                .get(index as usize)
                .ok_or("unused list links past the table")?;
            if seen[index as usize] || !ao.base.is_null() {
                return Err(format!(
                    "unused arena slot {index} is allocated or listed twice"
                ));
            }
            seen[index as usize] = true;
            index = ao.nextarena;
        }
        let mut allocated = 0;
        for (i, ao) in self.objs.iter().enumerate() {
            if !ao.base.is_null() {
                allocated += 1;
                if (ao.nfreepools > 0) != seen[i] {
                    return Err(format!(
                        "arena {i} with {} free pools is misplaced",
                        ao.nfreepools
                    ));
                }
            } else if !seen[i] {
                return Err(format!("unused arena slot {i} is on no list"));
            }
        }
        if allocated != self.current || self.highwater < self.current {
            return Err(format!(
                "arena counters: {allocated} allocated, counter says {}",
                self.current
            ));
        }
        Ok(())
    }
}
