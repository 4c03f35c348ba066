//! The arena map: obmalloc's three-level radix tree that answers "is this address inside one of
//! my arenas?" in constant time (`arena_map_*` and `address_in_range` in `Objects/obmalloc.c`,
//! 64-bit layout with `IGNORE_BITS = 0`).
//!
//! Addresses split into 15 top bits, 15 middle bits, 14 bottom bits and the 20-bit offset inside
//! an *ideal* (1 MiB aligned) arena slot. A leaf records, for its ideal slot, where an arena that
//! starts inside the slot begins (`tail_hi`, or -1 for an aligned arena) and where an arena that
//! started in the previous slot ends (`tail_lo`). Interior nodes are made on demand and kept for
//! the life of the allocator, as in CPython; their count is part of the statistics.

use crate::size_class::{ARENA_BITS, ARENA_SIZE, ARENA_SIZE_MASK};

const POINTER_BITS: u32 = 64;
const INTERIOR_BITS: u32 = (POINTER_BITS - ARENA_BITS).div_ceil(3);
const MAP_TOP_BITS: u32 = INTERIOR_BITS;
const MAP_TOP_LENGTH: usize = 1 << MAP_TOP_BITS;
const MAP_MID_BITS: u32 = INTERIOR_BITS;
const MAP_MID_LENGTH: usize = 1 << MAP_MID_BITS;
const MAP_BOT_BITS: u32 = POINTER_BITS - ARENA_BITS - 2 * INTERIOR_BITS;
const MAP_BOT_LENGTH: usize = 1 << MAP_BOT_BITS;
const MAP_BOT_SHIFT: u32 = ARENA_BITS;
const MAP_MID_SHIFT: u32 = MAP_BOT_BITS + MAP_BOT_SHIFT;
const MAP_TOP_SHIFT: u32 = MAP_MID_BITS + MAP_MID_SHIFT;

/// Bytes of the root node (`sizeof(arena_map_root)`).
pub const ARENA_MAP_ROOT_BYTES: usize = MAP_TOP_LENGTH * size_of::<usize>();
/// Bytes of one middle node (`sizeof(arena_map_mid_t)`).
pub const ARENA_MAP_MID_BYTES: usize = MAP_MID_LENGTH * size_of::<usize>();
/// Bytes of one bottom node (`sizeof(arena_map_bot_t)`).
pub const ARENA_MAP_BOT_BYTES: usize = MAP_BOT_LENGTH * size_of::<Leaf>();

const _: () = {
    assert!(INTERIOR_BITS == 15 && MAP_BOT_BITS == 14);
    assert!(ARENA_MAP_ROOT_BYTES == 262_144);
    assert!(ARENA_MAP_MID_BYTES == 262_144);
    assert!(ARENA_MAP_BOT_BYTES == 131_072);
};

/// One ideal arena slot's coverage (`arena_coverage_t`).
#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Leaf {
    tail_hi: i32,
    tail_lo: i32,
}

type BotNode = [Leaf; MAP_BOT_LENGTH];
type MidNode = [Option<Box<BotNode>>; MAP_MID_LENGTH];

/// The radix tree.
pub(crate) struct ArenaMap {
    root: Box<[Option<Box<MidNode>>; MAP_TOP_LENGTH]>,
    mid_count: usize,
    bot_count: usize,
}

/// A boxed array of `len` default values, built on the heap.
fn boxed_array<T: Clone + Default, const N: usize>() -> Box<[T; N]> {
    vec![T::default(); N]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| unreachable!("length is N"))
}

impl ArenaMap {
    pub(crate) fn new() -> Self {
        ArenaMap {
            root: boxed_array(),
            mid_count: 0,
            bot_count: 0,
        }
    }

    /// Middle nodes made so far (`arena_map_mid_count`).
    pub(crate) fn mid_count(&self) -> usize {
        self.mid_count
    }

    /// Bottom nodes made so far (`arena_map_bot_count`).
    pub(crate) fn bot_count(&self) -> usize {
        self.bot_count
    }

    #[inline(always)]
    fn indices(p: usize) -> (usize, usize, usize) {
        (
            (p >> MAP_TOP_SHIFT) & (MAP_TOP_LENGTH - 1),
            (p >> MAP_MID_SHIFT) & (MAP_MID_LENGTH - 1),
            (p >> MAP_BOT_SHIFT) & (MAP_BOT_LENGTH - 1),
        )
    }

    fn leaf_mut(&mut self, p: usize) -> &mut Leaf {
        let (i1, i2, i3) = Self::indices(p);
        let mid = self.root[i1].get_or_insert_with(|| {
            self.mid_count += 1;
            boxed_array()
        });
        let bot = mid[i2].get_or_insert_with(|| {
            self.bot_count += 1;
            boxed_array()
        });
        &mut bot[i3]
    }

    /// Marks (`used`) or unmarks the 1 MiB starting at `base` (`arena_map_mark_used`).
    pub(crate) fn mark(&mut self, base: usize, used: bool) {
        let tail = (base & ARENA_SIZE_MASK) as i32;
        if tail == 0 {
            self.leaf_mut(base).tail_hi = if used { -1 } else { 0 };
        } else {
            self.leaf_mut(base).tail_hi = if used { tail } else { 0 };
            self.leaf_mut(base + ARENA_SIZE).tail_lo = if used { tail } else { 0 };
        }
    }

    /// Whether `p` lies inside a marked arena (`arena_map_is_used`).
    #[inline(always)]
    pub(crate) fn contains(&self, p: usize) -> bool {
        let (i1, i2, i3) = Self::indices(p);
        let Some(mid) = &self.root[i1] else {
            return false;
        };
        let Some(bot) = &mid[i2] else { return false };
        let Leaf { tail_hi, tail_lo } = bot[i3];
        let tail = (p & ARENA_SIZE_MASK) as i32;
        tail < tail_lo || (tail >= tail_hi && tail_hi != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_and_misaligned_arenas_cover_exactly_their_bytes() {
        let mut map = ArenaMap::new();
        let aligned = 0x7f00_0000_0000_usize;
        let misaligned = 0x7f00_0100_3000_usize; // same 16 GiB region: one bottom node
        map.mark(aligned, true);
        map.mark(misaligned, true);
        for (base, name) in [(aligned, "aligned"), (misaligned, "misaligned")] {
            assert!(map.contains(base), "{name} start");
            assert!(map.contains(base + ARENA_SIZE - 1), "{name} last byte");
            assert!(!map.contains(base - 1), "{name} byte before");
            assert!(!map.contains(base + ARENA_SIZE), "{name} byte after");
        }
        assert_eq!((map.mid_count(), map.bot_count()), (1, 1));
        map.mark(misaligned, false);
        assert!(!map.contains(misaligned) && !map.contains(misaligned + ARENA_SIZE - 1));
        assert!(map.contains(aligned + 12345));
        assert!(!map.contains(0x10) && !map.contains(usize::MAX));
    }
}
