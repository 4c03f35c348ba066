//! Size classes and tunables: obmalloc's `ALIGNMENT`, `SMALL_REQUEST_THRESHOLD`, `INDEX2SIZE` and
//! `NUMBLOCKS` for a 64-bit build (`Include/internal/pycore_obmalloc.h` in CPython 3.12).
//!
//! Every number here is a CPython 3.12 fact (FACTS.md §1.2–1.3); the tests in this module check
//! them against the table there.

/// Block alignment and the spacing of size classes (`ALIGNMENT`).
pub const ALIGNMENT: usize = 16;
/// `log2(ALIGNMENT)` (`ALIGNMENT_SHIFT`).
pub const ALIGNMENT_SHIFT: u32 = 4;
/// The largest request served from pools (`SMALL_REQUEST_THRESHOLD`).
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes (`NB_SMALL_SIZE_CLASSES`).
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// `log2(POOL_SIZE)` (`POOL_BITS`).
pub const POOL_BITS: u32 = 14;
/// Size of a pool: 16 KiB (`POOL_SIZE`).
pub const POOL_SIZE: usize = 1 << POOL_BITS;
/// Mask of the offset inside a pool (`POOL_SIZE_MASK`).
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;
/// Bytes at the start of each pool taken by its header (`POOL_OVERHEAD`).
pub const POOL_OVERHEAD: usize = 48;
/// `log2(ARENA_SIZE)` (`ARENA_BITS`).
pub const ARENA_BITS: u32 = 20;
/// Size of an arena: 1 MiB (`ARENA_SIZE`).
pub const ARENA_SIZE: usize = 1 << ARENA_BITS;
/// Mask of the offset inside an ideal (1 MiB aligned) arena slot (`ARENA_SIZE_MASK`).
pub const ARENA_SIZE_MASK: usize = ARENA_SIZE - 1;
/// Pools in an arena whose base is pool-aligned (`MAX_POOLS_IN_ARENA`).
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// Length of the arena-object vector when the first arena is made (`INITIAL_ARENA_OBJECTS`).
pub const INITIAL_ARENA_OBJECTS: usize = 16;

/// One of the 32 size classes: requests of `16·i + 1 ..= 16·(i + 1)` bytes share class `i`.
///
/// # Example
/// ```
/// use pyrt_allocator::SizeClass;
/// let class = SizeClass::for_request(33).unwrap();
/// assert_eq!((class.index(), class.block_size(), class.blocks_per_pool()), (2, 48, 340));
/// assert!(SizeClass::for_request(0).is_none() && SizeClass::for_request(513).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SizeClass(u8);

impl SizeClass {
    /// The class serving a request of `nbytes`, or `None` for 0 bytes and for more than 512:
    /// CPython sends those to the system allocator.
    #[inline(always)]
    pub const fn for_request(nbytes: usize) -> Option<SizeClass> {
        if nbytes.wrapping_sub(1) < SMALL_REQUEST_THRESHOLD {
            Some(SizeClass(((nbytes - 1) >> ALIGNMENT_SHIFT) as u8))
        } else {
            None
        }
    }

    /// The class with index `index` (`0..32`).
    pub const fn from_index(index: usize) -> Option<SizeClass> {
        if index < NB_SMALL_SIZE_CLASSES {
            Some(SizeClass(index as u8))
        } else {
            None
        }
    }

    /// Every class, smallest first.
    pub fn all() -> impl ExactSizeIterator<Item = SizeClass> {
        (0..NB_SMALL_SIZE_CLASSES as u8).map(SizeClass)
    }

    /// The class index (`szidx`).
    #[inline(always)]
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The block size of the class (`INDEX2SIZE`).
    #[inline(always)]
    pub const fn block_size(self) -> usize {
        (self.0 as usize + 1) << ALIGNMENT_SHIFT
    }

    /// Blocks that fit in one pool after its header (`NUMBLOCKS`).
    pub const fn blocks_per_pool(self) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) / self.block_size()
    }

    /// Bytes at the end of each pool too small for another block ("quantization").
    pub const fn quantization_waste(self) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) % self.block_size()
    }
}

const _: () = {
    assert!(NB_SMALL_SIZE_CLASSES == 32);
    assert!(MAX_POOLS_IN_ARENA == 64);
    assert!(POOL_OVERHEAD.is_multiple_of(ALIGNMENT));
};

#[cfg(test)]
mod tests {
    use super::*;

    /// FACTS.md §1.3: (blocks per pool, tail waste) for every class.
    const TABLE: [(usize, usize); 32] = [
        (1021, 0),
        (510, 16),
        (340, 16),
        (255, 16),
        (204, 16),
        (170, 16),
        (145, 96),
        (127, 80),
        (113, 64),
        (102, 16),
        (92, 144),
        (85, 16),
        (78, 112),
        (72, 208),
        (68, 16),
        (63, 208),
        (60, 16),
        (56, 208),
        (53, 224),
        (51, 16),
        (48, 208),
        (46, 144),
        (44, 144),
        (42, 208),
        (40, 336),
        (39, 112),
        (37, 352),
        (36, 208),
        (35, 96),
        (34, 16),
        (32, 464),
        (31, 464),
    ];

    #[test]
    fn blocks_per_pool_and_waste_match_cpython_for_every_class() {
        for class in SizeClass::all() {
            let (blocks, waste) = TABLE[class.index()];
            assert_eq!(class.block_size(), 16 * (class.index() + 1));
            assert_eq!(class.blocks_per_pool(), blocks, "class {}", class.index());
            assert_eq!(class.quantization_waste(), waste, "class {}", class.index());
        }
    }

    #[test]
    fn request_sizes_map_to_classes_like_cpython() {
        assert_eq!(SizeClass::for_request(0), None);
        for n in 1..=512usize {
            let class = SizeClass::for_request(n).unwrap();
            assert_eq!(class.index(), (n - 1) >> 4, "request {n}");
            assert!(class.block_size() >= n && class.block_size() - n < 16);
        }
        assert_eq!(SizeClass::for_request(513), None);
        assert_eq!(SizeClass::for_request(usize::MAX), None);
        assert_eq!(SizeClass::for_request(16).unwrap().index(), 0);
        assert_eq!(SizeClass::for_request(17).unwrap().index(), 1);
        assert_eq!(SizeClass::for_request(512).unwrap().index(), 31);
    }

    #[test]
    fn pool_and_arena_geometry_matches_cpython() {
        assert_eq!(
            (POOL_SIZE, POOL_OVERHEAD, ARENA_SIZE),
            (16_384, 48, 1_048_576)
        );
        assert_eq!(MAX_POOLS_IN_ARENA, 64);
        assert_eq!(ALIGNMENT, 16);
        assert_eq!(INITIAL_ARENA_OBJECTS, 16);
        assert_eq!(SizeClass::from_index(32), None);
        assert_eq!(SizeClass::all().len(), 32);
    }
}
