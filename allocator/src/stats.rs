//! Statistics and the `sys._debugmallocstats()` report (`_PyObject_DebugMallocStats` in
//! `Objects/obmalloc.c`; FACTS.md §1.11).
//!
//! [`MallocStats`] is computed, as in CPython, by walking every carved pool of every arena, so
//! it is always exact. Its `Display` prints the same sections, labels and column widths as
//! CPython 3.12. The free-list section that follows in CPython belongs to the object layer and is
//! appended there.

use core::fmt;

use crate::arena_map::{ARENA_MAP_BOT_BYTES, ARENA_MAP_MID_BYTES, ARENA_MAP_ROOT_BYTES};
use crate::size_class::{
    ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD, SizeClass,
};
use crate::small_heap::SmallHeap;

/// Per-size-class figures: pools with blocks in use, blocks in use, and blocks still available
/// in those pools (free-listed or never used).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Pools of the class with at least one block in use.
    pub pools: usize,
    /// Blocks in use.
    pub blocks_in_use: usize,
    /// Blocks available in those pools.
    pub blocks_available: usize,
}

/// A snapshot of the allocator's state.
///
/// # Example
/// ```
/// use pyrt_allocator::Allocator;
/// let mut heap = Allocator::new();
/// let blocks: Vec<_> = (0..3).map(|_| heap.malloc(20).unwrap()).collect();
/// let stats = heap.stats();
/// assert_eq!(stats.class(1).blocks_in_use, 3);
/// assert_eq!(stats.class(1).blocks_available, 510 - 3);
/// assert!(stats.to_string().starts_with("Small block threshold = 512, in 32 size classes."));
/// # for b in blocks { unsafe { heap.free(b).unwrap() } }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MallocStats {
    classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    /// Arenas ever mapped (`ntimes_arena_allocated`).
    pub arenas_allocated_total: usize,
    /// Arenas mapped now (`narenas_currently_allocated`).
    pub arenas_allocated_current: usize,
    /// Most arenas mapped at once (`narenas_highwater`).
    pub arenas_highwater: usize,
    /// Pools not in use: cached empty pools plus pools never carved.
    pub unused_pools: usize,
    /// Arenas whose base is not pool-aligned (each loses one pool).
    pub misaligned_arenas: usize,
    /// Middle nodes of the arena map.
    pub arena_map_mid_nodes: usize,
    /// Bottom nodes of the arena map.
    pub arena_map_bot_nodes: usize,
    /// Live blocks served by the system allocator (`raw_allocated_blocks`).
    pub raw_blocks: usize,
    /// Bytes in those blocks.
    pub raw_bytes: usize,
}

impl MallocStats {
    pub(crate) fn collect(heap: &SmallHeap, raw_blocks: usize, raw_bytes: usize) -> MallocStats {
        let mut classes = [ClassStats::default(); NB_SMALL_SIZE_CLASSES];
        heap.for_each_carved_pool(|_, _, info| {
            if info.count == 0 {
                return;
            }
            let class = &mut classes[info.szidx as usize];
            let capacity =
                SizeClass::from_index(info.szidx as usize).map_or(0, SizeClass::blocks_per_pool);
            class.pools += 1;
            class.blocks_in_use += info.count as usize;
            class.blocks_available += capacity - info.count as usize;
        });
        let arenas = heap.arenas();
        let (mut unused_pools, mut misaligned_arenas) = (0, 0);
        for (_, arena) in arenas.allocated() {
            unused_pools += arena.nfreepools() as usize;
            misaligned_arenas += usize::from(arena.is_misaligned());
        }
        MallocStats {
            classes,
            arenas_allocated_total: arenas.total_allocated,
            arenas_allocated_current: arenas.current,
            arenas_highwater: arenas.highwater,
            unused_pools,
            misaligned_arenas,
            arena_map_mid_nodes: heap.map().mid_count(),
            arena_map_bot_nodes: heap.map().bot_count(),
            raw_blocks,
            raw_bytes,
        }
    }

    /// The figures of size class `index` (`0..32`).
    ///
    /// # Panics
    /// If `index >= 32`.
    pub fn class(&self, index: usize) -> ClassStats {
        self.classes[index]
    }

    /// The figures of every size class, smallest first.
    pub fn classes(&self) -> &[ClassStats; NB_SMALL_SIZE_CLASSES] {
        &self.classes
    }

    /// Arenas given back to the system (`total - current`).
    pub fn arenas_reclaimed(&self) -> usize {
        self.arenas_allocated_total - self.arenas_allocated_current
    }

    fn sum(&self, f: impl Fn(SizeClass, &ClassStats) -> usize) -> usize {
        SizeClass::all()
            .map(|c| f(c, &self.classes[c.index()]))
            .sum()
    }

    /// Bytes in blocks in use (block sizes, not requested sizes).
    pub fn allocated_bytes(&self) -> usize {
        self.sum(|c, s| s.blocks_in_use * c.block_size())
    }

    /// Bytes in available blocks of pools in use.
    pub fn available_bytes(&self) -> usize {
        self.sum(|c, s| s.blocks_available * c.block_size())
    }

    /// Bytes taken by the headers of pools in use.
    pub fn pool_header_bytes(&self) -> usize {
        self.sum(|_, s| s.pools * POOL_OVERHEAD)
    }

    /// Bytes at the ends of pools in use too small for a block.
    pub fn quantization_bytes(&self) -> usize {
        self.sum(|c, s| s.pools * c.quantization_waste())
    }

    /// Bytes lost because arena bases were not pool-aligned.
    pub fn arena_alignment_bytes(&self) -> usize {
        self.misaligned_arenas * POOL_SIZE
    }

    /// Blocks in use in pools.
    pub fn small_blocks(&self) -> usize {
        self.sum(|_, s| s.blocks_in_use)
    }

    /// `sys.getallocatedblocks()`: blocks in use in pools plus system-allocator blocks.
    pub fn allocated_blocks(&self) -> usize {
        self.small_blocks() + self.raw_blocks
    }

    /// Bytes the allocator holds from the system: mapped arenas plus system-allocator blocks.
    pub fn memory_in_use(&self) -> usize {
        self.arenas_allocated_current * ARENA_SIZE + self.raw_bytes
    }
}

/// CPython's `printone`: a label padded to 35 columns, `=`, and the value with thousands
/// separators right-aligned in 21 columns.
fn printone(f: &mut fmt::Formatter<'_>, label: &str, value: usize) -> Result<usize, fmt::Error> {
    writeln!(f, "{label:<35}={:>21}", with_commas(value))?;
    Ok(value)
}

/// `1234567` → `"1,234,567"`.
pub fn with_commas(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for MallocStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes."
        )?;
        writeln!(f)?;
        writeln!(f, "class   size   num pools   blocks in use  avail blocks")?;
        writeln!(f, "-----   ----   ---------   -------------  ------------")?;
        for class in SizeClass::all() {
            let s = &self.classes[class.index()];
            if s.pools > 0 {
                writeln!(
                    f,
                    "{:>5} {:>6} {:>11} {:>15} {:>13}",
                    class.index(),
                    class.block_size(),
                    s.pools,
                    s.blocks_in_use,
                    s.blocks_available
                )?;
            }
        }
        writeln!(f)?;
        let narenas = self.arenas_allocated_current;
        printone(f, "# arenas allocated total", self.arenas_allocated_total)?;
        printone(f, "# arenas reclaimed", self.arenas_reclaimed())?;
        printone(f, "# arenas highwater mark", self.arenas_highwater)?;
        printone(f, "# arenas allocated current", narenas)?;
        printone(
            f,
            &format!("{narenas} arenas * {ARENA_SIZE} bytes/arena"),
            narenas * ARENA_SIZE,
        )?;
        writeln!(f)?;
        let mut total = printone(f, "# bytes in allocated blocks", self.allocated_bytes())?;
        total += printone(f, "# bytes in available blocks", self.available_bytes())?;
        total += printone(
            f,
            &format!("{} unused pools * {POOL_SIZE} bytes", self.unused_pools),
            self.unused_pools * POOL_SIZE,
        )?;
        total += printone(f, "# bytes lost to pool headers", self.pool_header_bytes())?;
        total += printone(f, "# bytes lost to quantization", self.quantization_bytes())?;
        total += printone(
            f,
            "# bytes lost to arena alignment",
            self.arena_alignment_bytes(),
        )?;
        printone(f, "Total", total)?;
        debug_assert_eq!(
            total,
            narenas * ARENA_SIZE,
            "byte accounting must cover the arenas"
        );
        writeln!(f)?;
        writeln!(f, "arena map counts")?;
        printone(f, "# arena map mid nodes", self.arena_map_mid_nodes)?;
        printone(f, "# arena map bot nodes", self.arena_map_bot_nodes)?;
        writeln!(f)?;
        let mut total = printone(f, "# bytes lost to arena map root", ARENA_MAP_ROOT_BYTES)?;
        total += printone(
            f,
            "# bytes lost to arena map mid",
            ARENA_MAP_MID_BYTES * self.arena_map_mid_nodes,
        )?;
        total += printone(
            f,
            "# bytes lost to arena map bot",
            ARENA_MAP_BOT_BYTES * self.arena_map_bot_nodes,
        )?;
        printone(f, "Total", total)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::with_commas;

    #[test]
    fn commas_group_thousands_like_printone() {
        assert_eq!(with_commas(0), "0");
        assert_eq!(with_commas(999), "999");
        assert_eq!(with_commas(1000), "1,000");
        assert_eq!(with_commas(2_097_152), "2,097,152");
        assert_eq!(with_commas(262_144), "262,144");
    }
}
