//! # pyrt-allocator: pymalloc as in CPython 3.12
//!
//! This crate re-creates CPython 3.12's small-object allocator, `Objects/obmalloc.c` with the
//! 64-bit tunables of `Include/internal/pycore_obmalloc.h`, so that objects built on it take the
//! memory they take in CPython and `sys._debugmallocstats()` reads the same. It knows nothing of
//! objects: it hands out and takes back blocks of bytes.
//!
//! ```text
//!  request of n bytes
//!   ├─ 1..=512 ─► size class (n-1)>>4 ─► usedpools[class] ─► pool (16 KiB) ─► block
//!   │                                   └─ none: pool from the fullest usable arena (1 MiB, mmap)
//!   └─ 0, >512 ─► system malloc (recorded in a table)
//! ```
//!
//! * 32 size classes of 16 bytes up to 512 ([`SizeClass`]); 16 KiB pools with a 48-byte header,
//!   carved into blocks lazily, free blocks kept on a LIFO list inside the blocks (`pool`).
//! * 1 MiB arenas from `mmap` ([`ArenaSource`]), given back with `munmap` when they empty,
//!   except the last usable one (bpo-37257; [`Allocator::trim`] releases it). Usable arenas are
//!   kept sorted fullest first, in O(1) with `nfp2lasta` (`arena`).
//! * A radix tree answers "is this pointer in an arena?" in constant time (`arena_map`).
//! * `realloc` follows CPython's rules; [`MallocStats`] prints `sys._debugmallocstats()`'s report.
//! * A debug mode like `PYTHONMALLOC=debug` ([`Config::debug`]) reports write past the end,
//!   write before the start, double free, foreign frees and write after free as [`HeapFault`]s.
//! * Tracing ([`Allocator::start_tracing`]) keeps `tracemalloc`'s traces, current and peak bytes,
//!   and calls an optional hook on every event.
//! * Marks ([`Allocator::mark`]): addresses inside live blocks that the caller flags and a heap
//!   walk finds again ([`Allocator::for_each_mark`]); a block's marks go when it is freed.
//! * A memory limit ([`Config::memory_limit`]) turns excess requests into
//!   [`AllocError::LimitExceeded`], leaving the heap as it was.
//!
//! Where to start reading: `allocator.rs` (the entry points), then `small_heap.rs`, `pool.rs`,
//! `arena.rs`. Each module's documentation states the invariants it owns;
//! [`Allocator::check_invariants`] checks all of them.
//!
//! # Example
//! ```
//! use pyrt_allocator::Allocator;
//! let mut heap = Allocator::new();
//! let blocks: Vec<_> = (0..1000).map(|_| heap.malloc(32).unwrap()).collect();
//! assert_eq!(heap.stats().class(1).blocks_in_use, 1000);
//! for b in blocks {
//!     unsafe { heap.free(b).unwrap() };
//! }
//! heap.check_invariants().unwrap();
//! ```

mod allocator;
mod arena;
mod arena_map;
mod arena_source;
mod debug;
mod error;
mod marks;
mod pool;
mod raw;
mod size_class;
mod small_heap;
mod stats;
mod trace;

pub use allocator::{Allocator, Config};
pub use arena_map::{ARENA_MAP_BOT_BYTES, ARENA_MAP_MID_BYTES, ARENA_MAP_ROOT_BYTES};
pub use arena_source::{ArenaSource, MmapArenas, PlacedArenas};
pub use debug::{
    CLEAN_BYTE, DEAD_BYTE, DEBUG_EXTRA_BYTES, DEBUG_HEADER_BYTES, DEBUG_TRAILER_BYTES,
    FORBIDDEN_BYTE,
};
pub use error::{AllocError, HeapFault, InvariantViolation, MarkError};
pub use marks::MARK_GRANULE;
pub use size_class::{
    ALIGNMENT, ARENA_SIZE, INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES,
    POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD, SizeClass,
};
pub use stats::{ClassStats, MallocStats, with_commas};
pub use trace::{Tag, Trace, TraceEvent, TraceHook, TracedMemory};
