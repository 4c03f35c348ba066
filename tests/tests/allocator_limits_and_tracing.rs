//! The memory limit and allocation tracing.
//!
//! * Limit: pymalloc takes memory from the system one 1 MiB arena at a time, so a limit of
//!   3 MiB allows exactly three arenas; the request that needs a fourth, a large request over
//!   the limit and a `realloc` growing past it fail with the exact `LimitExceeded` figures and
//!   leave the heap as it was; raising the limit lets allocation continue. `calloc` overflow is
//!   `SizeOverflow`.
//! * Tracing (`tracemalloc`): current and peak traced bytes, `reset_peak`, `realloc` as a free of
//!   the old block plus an allocation of the new one, the list of live traces with their tags,
//!   `stop_tracing` and `clear_traces`, blocks from before tracing started, the hook's events in
//!   order, and tracing on top of the debug mode (requested sizes, not the +24).

use std::ptr::NonNull;
use std::sync::{Arc, Mutex};

use pyrt_allocator::{
    ARENA_SIZE, AllocError, Allocator, Config, PlacedArenas, Tag, Trace, TraceEvent, TracedMemory,
};

const MIB: usize = 1 << 20;

fn addr(p: NonNull<u8>) -> usize {
    p.as_ptr() as usize
}

/// Fills `n` bytes at `p` with a pattern that depends on the position and `seed`.
///
/// # Safety
/// `p` must be a live block of at least `n` bytes.
unsafe fn fill(p: NonNull<u8>, n: usize, seed: u8) {
    // SAFETY: forwarded contract.
    let bytes = unsafe { std::slice::from_raw_parts_mut(p.as_ptr(), n) };
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (i % 251) as u8 ^ seed;
    }
}

/// Whether the `n` bytes at `p` still hold the pattern of [`fill`].
///
/// # Safety
/// `p` must be a live block of at least `n` bytes.
unsafe fn holds(p: NonNull<u8>, n: usize, seed: u8) -> bool {
    // SAFETY: forwarded contract.
    let bytes = unsafe { std::slice::from_raw_parts(p.as_ptr(), n) };
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b == (i % 251) as u8 ^ seed)
}

/// Allocates `size`-byte blocks until the first error; returns the blocks and the error.
fn fill_until_error(heap: &mut Allocator, size: usize) -> (Vec<NonNull<u8>>, AllocError) {
    let mut blocks = Vec::new();
    loop {
        match heap.malloc(size) {
            Ok(p) => blocks.push(p),
            Err(e) => return (blocks, e),
        }
        assert!(
            blocks.len() < 1_000_000,
            "the limit never stopped allocation"
        );
    }
}

fn sorted_traces(heap: &Allocator) -> Vec<Trace> {
    let mut traces = heap.traces();
    traces.sort_unstable_by_key(|t| t.addr);
    traces
}

fn trace(p: NonNull<u8>, size: usize, tag: u32) -> Trace {
    Trace {
        addr: addr(p),
        size,
        tag: Tag(tag),
    }
}

#[test]
fn a_three_arena_limit_stops_the_request_that_needs_a_fourth_arena() {
    let limit = 3 << 20;
    let mut heap = Allocator::with_config(
        Config::new()
            .memory_limit(limit)
            .arena_source(PlacedArenas::new(4096)),
    );
    assert_eq!(heap.memory_limit(), Some(3_145_728));
    let (blocks, err) = fill_until_error(&mut heap, 32);
    let expected = AllocError::LimitExceeded {
        request: 32,
        needed: 1_048_576,
        in_use: 3_145_728,
        limit: 3_145_728,
    };
    assert_eq!(err, expected);
    assert_eq!(
        err.to_string(),
        "memory limit exceeded: a request of 32 bytes needs 1048576 more bytes from the system, \
         3145728 of the 3145728-byte limit are in use"
    );
    // Three arenas of 63 pools (placed 4 KiB past a pool boundary) of 510 blocks of 32 bytes.
    assert_eq!(blocks.len(), 3 * 63 * 510);
    let stats = heap.stats();
    assert_eq!(stats.arenas_allocated_current, 3);
    assert_eq!(stats.unused_pools, 0);
    assert_eq!(stats.class(1).blocks_in_use, 96_390);
    assert_eq!(stats.class(1).blocks_available, 0);
    assert_eq!(heap.memory_in_use(), 3 * MIB);
    heap.check_invariants().unwrap();

    // Failing again, or with a large or a zero-byte request, changes nothing.
    assert_eq!(heap.malloc(32), Err(expected));
    assert_eq!(
        heap.malloc(10 << 20),
        Err(AllocError::LimitExceeded {
            request: 10_485_760,
            needed: 10_485_760,
            in_use: 3_145_728,
            limit: 3_145_728,
        })
    );
    assert_eq!(
        heap.calloc(0, 8),
        Err(AllocError::LimitExceeded {
            request: 0,
            needed: 1,
            in_use: 3_145_728,
            limit: 3_145_728,
        })
    );
    assert_eq!(heap.stats(), stats);
    assert_eq!(heap.memory_in_use(), 3 * MIB);
    heap.check_invariants().unwrap();

    // Raising the limit by one arena lets exactly one more arena be made.
    heap.set_memory_limit(Some(4 << 20));
    assert_eq!(heap.memory_limit(), Some(4 * MIB));
    let (more, err) = fill_until_error(&mut heap, 32);
    assert_eq!(more.len(), 63 * 510);
    assert_eq!(
        err,
        AllocError::LimitExceeded {
            request: 32,
            needed: ARENA_SIZE,
            in_use: 4 * MIB,
            limit: 4 * MIB,
        }
    );
    heap.set_memory_limit(None);
    let extra = heap.malloc(32).unwrap();
    assert_eq!(heap.memory_in_use(), 5 * MIB);

    for p in blocks.into_iter().chain(more).chain([extra]) {
        // SAFETY: live blocks, each freed once.
        unsafe { heap.free(p).unwrap() };
    }
    heap.check_invariants().unwrap();
    let stats = heap.stats();
    assert_eq!(stats.allocated_blocks(), 0);
    assert_eq!(stats.arenas_allocated_current, 1, "the last arena is kept");
    assert_eq!(stats.arenas_highwater, 5);
    assert_eq!(heap.trim(), 1);
    assert_eq!(heap.memory_in_use(), 0);
}

#[test]
fn the_limit_counts_whole_arenas_whatever_their_alignment() {
    let mut heap = Allocator::with_config(Config::new().memory_limit(3 << 20));
    let (blocks, err) = fill_until_error(&mut heap, 32);
    assert_eq!(
        err,
        AllocError::LimitExceeded {
            request: 32,
            needed: 1_048_576,
            in_use: 3_145_728,
            limit: 3_145_728,
        }
    );
    let stats = heap.stats();
    assert_eq!(stats.arenas_allocated_current, 3);
    // mmap decides the alignment: each arena whose base is not on a 16 KiB boundary loses a pool.
    assert_eq!(
        blocks.len(),
        510 * (3 * 64 - stats.misaligned_arenas),
        "every pool of the three arenas is used"
    );
    assert_eq!(stats.unused_pools, 0);
    heap.check_invariants().unwrap();
    for p in blocks {
        // SAFETY: live blocks, each freed once.
        unsafe { heap.free(p).unwrap() };
    }
    heap.check_invariants().unwrap();
    assert_eq!(heap.stats().allocated_blocks(), 0);
    assert_eq!(heap.memory_in_use(), MIB);
}

#[test]
fn large_blocks_count_against_the_limit_byte_for_byte() {
    let mut heap = Allocator::with_config(Config::new().memory_limit(MIB));
    let a = heap.malloc(600_000).unwrap();
    assert_eq!(heap.memory_in_use(), 600_000);
    assert_eq!(
        heap.malloc(448_577),
        Err(AllocError::LimitExceeded {
            request: 448_577,
            needed: 448_577,
            in_use: 600_000,
            limit: MIB,
        })
    );
    let b = heap.malloc(448_576).unwrap();
    assert_eq!(heap.memory_in_use(), MIB);
    // A small request now needs an arena, which does not fit.
    assert_eq!(
        heap.malloc(1),
        Err(AllocError::LimitExceeded {
            request: 1,
            needed: ARENA_SIZE,
            in_use: MIB,
            limit: MIB,
        })
    );
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(a).unwrap();
        heap.free(b).unwrap();
    }
    assert_eq!(heap.memory_in_use(), 0);
    let small = heap.malloc(1).unwrap();
    assert_eq!(heap.memory_in_use(), MIB);
    // SAFETY: a live block, freed once.
    unsafe { heap.free(small).unwrap() };
    heap.check_invariants().unwrap();
}

#[test]
fn realloc_growing_past_the_limit_fails_and_keeps_the_block() {
    let mut heap = Allocator::with_config(Config::new().memory_limit(3 << 20));
    let p = heap.malloc(MIB).unwrap();
    // SAFETY: a live block of 1 MiB.
    unsafe { fill(p, MIB, 0x3c) };
    let before = heap.stats();
    // SAFETY: a live block; on failure it stays valid.
    let err = unsafe { heap.realloc(Some(p), 4 << 20) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::LimitExceeded {
            request: 4_194_304,
            needed: 3_145_728,
            in_use: 1_048_576,
            limit: 3_145_728,
        }
    );
    assert_eq!(heap.stats(), before);
    assert_eq!(heap.memory_in_use(), MIB);
    // SAFETY: the block is still live.
    assert!(unsafe { holds(p, MIB, 0x3c) }, "the old block is intact");

    // Growing within the limit works and keeps the contents.
    // SAFETY: a live block; replaced by the result.
    let q = unsafe { heap.realloc(Some(p), 3 << 20) }.unwrap();
    assert_eq!(heap.memory_in_use(), 3 * MIB);
    // SAFETY: q is live with 3 MiB, the first 1 MiB copied from p.
    assert!(unsafe { holds(q, MIB, 0x3c) });
    // SAFETY: a live block, freed once.
    unsafe { heap.free(q).unwrap() };
    assert_eq!(heap.memory_in_use(), 0);
    heap.check_invariants().unwrap();
}

#[test]
fn realloc_of_a_small_block_past_the_limit_fails_and_keeps_the_block() {
    let mut heap = Allocator::with_config(Config::new().memory_limit(3 << 20));
    let p = heap.malloc(100).unwrap();
    // SAFETY: a live block of 100 bytes.
    unsafe { fill(p, 100, 0x5e) };
    assert_eq!(heap.memory_in_use(), MIB, "one arena");
    let before = heap.stats();
    // SAFETY: a live block; on failure it stays valid.
    let err = unsafe { heap.realloc(Some(p), 3 << 20) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::LimitExceeded {
            request: 3_145_728,
            needed: 3_145_728,
            in_use: 1_048_576,
            limit: 3_145_728,
        }
    );
    assert_eq!(heap.stats(), before);
    assert!(heap.owns(p));
    // SAFETY: the block is still live.
    assert!(unsafe { holds(p, 100, 0x5e) });
    // SAFETY: a live block; replaced by the result.
    let q = unsafe { heap.realloc(Some(p), 2 << 20) }.unwrap();
    assert!(!heap.owns(q));
    // SAFETY: q is live with 2 MiB, the first 100 bytes copied.
    assert!(unsafe { holds(q, 100, 0x5e) });
    assert_eq!(heap.memory_in_use(), 3 * MIB, "the emptied arena is kept");
    // SAFETY: a live block, freed once.
    unsafe { heap.free(q).unwrap() };
    heap.check_invariants().unwrap();
}

#[test]
fn the_limit_in_debug_mode_reports_the_callers_request() {
    let mut heap = Allocator::with_config(Config::new().debug(true).memory_limit(MIB));
    // The debug mode asks the system for the request plus its 24 guard bytes.
    assert_eq!(
        heap.malloc(MIB),
        Err(AllocError::LimitExceeded {
            request: 1_048_576,
            needed: 1_048_600,
            in_use: 0,
            limit: 1_048_576,
        })
    );
    let p = heap.malloc(MIB - 24).unwrap();
    assert_eq!(heap.memory_in_use(), MIB);
    // SAFETY: a live block, freed once (it stays quarantined, still counted).
    unsafe { heap.free(p).unwrap() };
    assert_eq!(heap.memory_in_use(), MIB);
    heap.flush_quarantine().unwrap();
    assert_eq!(heap.memory_in_use(), 0);
    heap.check_invariants().unwrap();
}

#[test]
fn calloc_size_overflow_is_reported() {
    let mut heap = Allocator::new();
    assert_eq!(
        heap.calloc(usize::MAX, 2),
        Err(AllocError::SizeOverflow {
            nelem: usize::MAX,
            elsize: 2,
        })
    );
    assert_eq!(
        heap.calloc(3, usize::MAX / 2),
        Err(AllocError::SizeOverflow {
            nelem: 3,
            elsize: usize::MAX / 2,
        })
    );
    assert_eq!(
        heap.calloc(usize::MAX, 2).unwrap_err().to_string(),
        format!(
            "allocation size overflows: {} elements of 2 bytes",
            usize::MAX
        )
    );
    let stats = heap.stats();
    assert_eq!(stats.arenas_allocated_total, 0);
    assert_eq!(stats.allocated_blocks(), 0);
    assert_eq!(heap.memory_in_use(), 0);

    // In debug mode the guards must fit too.
    let mut debug = Allocator::with_config(Config::new().debug(true));
    assert_eq!(
        debug.malloc(usize::MAX - 23),
        Err(AllocError::SizeOverflow {
            nelem: 1,
            elsize: usize::MAX - 23,
        })
    );
    assert_eq!(
        debug.calloc(usize::MAX, 2),
        Err(AllocError::SizeOverflow {
            nelem: usize::MAX,
            elsize: 2,
        })
    );
    assert_eq!(debug.stats().allocated_blocks(), 0);
    debug.check_invariants().unwrap();
}

#[test]
fn traced_memory_counts_current_and_peak_requested_bytes() {
    let mut heap = Allocator::new();
    assert!(!heap.is_tracing());
    assert_eq!(heap.traced_memory(), TracedMemory::default());
    heap.start_tracing();
    assert!(heap.is_tracing());
    let a = heap.malloc_tagged(100, Tag(1)).unwrap();
    let b = heap.malloc_tagged(200, Tag(2)).unwrap();
    let c = heap.calloc_tagged(10, 30, Tag(3)).unwrap();
    let big = heap.malloc_tagged(5000, Tag(4)).unwrap();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 5600,
            peak: 5600
        }
    );
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(big).unwrap();
        heap.free(a).unwrap();
    }
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 500,
            peak: 5600
        },
        "frees lower current, not peak"
    );
    heap.reset_peak();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 500,
            peak: 500
        }
    );
    let d = heap.malloc(50).unwrap();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 550,
            peak: 550
        }
    );
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(b).unwrap();
        heap.free(c).unwrap();
        heap.free(d).unwrap();
    }
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 0,
            peak: 550
        }
    );
    assert_eq!(heap.traces(), []);
}

#[test]
fn realloc_is_a_free_of_the_old_block_and_an_allocation_of_the_new() {
    let mut heap = Allocator::new();
    heap.start_tracing();
    let p = heap.malloc_tagged(20, Tag(1)).unwrap();
    let other = heap.malloc_tagged(1000, Tag(9)).unwrap();
    // In place (same class, shrink by less than a quarter): the trace takes the new size and tag.
    // SAFETY: a live block; replaced by the result.
    let q = unsafe { heap.realloc_tagged(Some(p), 30, Tag(2)) }.unwrap();
    assert_eq!(q, p);
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 1030,
            peak: 1030
        }
    );
    assert_eq!(sorted_traces(&heap).len(), 2);
    assert!(heap.traces().contains(&trace(q, 30, 2)));
    // Moved: the old address disappears, the new one carries the new size.
    // SAFETY: a live block; replaced by the result.
    let r = unsafe { heap.realloc_tagged(Some(q), 400, Tag(3)) }.unwrap();
    assert_ne!(r, q);
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 1400,
            peak: 1400
        }
    );
    let mut expected = vec![trace(r, 400, 3), trace(other, 1000, 9)];
    expected.sort_unstable_by_key(|t| t.addr);
    assert_eq!(sorted_traces(&heap), expected);
    // Shrinking lowers current and leaves the peak.
    // SAFETY: a live block; replaced by the result.
    let s = unsafe { heap.realloc(Some(r), 10) }.unwrap();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 1010,
            peak: 1400
        }
    );
    assert!(heap.traces().contains(&trace(s, 10, 0)));
    // realloc(None, n) is a plain allocation.
    // SAFETY: None allocates.
    let t = unsafe { heap.realloc_tagged(None, 64, Tag(5)) }.unwrap();
    assert_eq!(heap.traced_memory().current, 1074);
    assert!(heap.traces().contains(&trace(t, 64, 5)));
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(s).unwrap();
        heap.free(t).unwrap();
        heap.free(other).unwrap();
    }
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 0,
            peak: 1400
        }
    );
}

#[test]
fn traces_list_exactly_the_live_traced_blocks() {
    let mut heap = Allocator::new();
    heap.start_tracing();
    let blocks: Vec<_> = (1..=10u32)
        .map(|i| {
            let size = 37 * i as usize;
            (heap.malloc_tagged(size, Tag(i)).unwrap(), size, i)
        })
        .collect();
    let mut expected: Vec<Trace> = blocks.iter().map(|&(p, n, t)| trace(p, n, t)).collect();
    expected.sort_unstable_by_key(|t| t.addr);
    assert_eq!(sorted_traces(&heap), expected);
    // Free the odd-tagged blocks.
    for &(p, _, t) in &blocks {
        if t % 2 == 1 {
            // SAFETY: a live block, freed once.
            unsafe { heap.free(p).unwrap() };
        }
    }
    let mut expected: Vec<Trace> = blocks
        .iter()
        .filter(|&&(_, _, t)| t % 2 == 0)
        .map(|&(p, n, t)| trace(p, n, t))
        .collect();
    expected.sort_unstable_by_key(|t| t.addr);
    assert_eq!(sorted_traces(&heap), expected);
    assert_eq!(heap.traced_memory().current, 37 * (2 + 4 + 6 + 8 + 10));
    assert_eq!(heap.traced_memory().peak, 37 * 55);
    for &(p, _, t) in &blocks {
        if t % 2 == 0 {
            // SAFETY: a live block, freed once.
            unsafe { heap.free(p).unwrap() };
        }
    }
    assert_eq!(heap.traces(), []);
}

#[test]
fn stop_tracing_forgets_everything_and_a_restart_begins_at_zero() {
    let mut heap = Allocator::new();
    heap.start_tracing();
    let a = heap.malloc_tagged(300, Tag(1)).unwrap();
    assert_eq!(heap.traced_memory().current, 300);
    heap.stop_tracing();
    assert!(!heap.is_tracing());
    assert_eq!(heap.traced_memory(), TracedMemory::default());
    assert_eq!(heap.traces(), []);
    // Nothing is traced while off.
    let b = heap.malloc_tagged(40, Tag(2)).unwrap();
    assert_eq!(heap.traces(), []);
    heap.start_tracing();
    assert_eq!(heap.traced_memory(), TracedMemory::default());
    // Freeing blocks from before the restart does not count.
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(a).unwrap();
        heap.free(b).unwrap();
    }
    assert_eq!(heap.traced_memory(), TracedMemory::default());
    heap.stop_tracing();
    heap.check_invariants().unwrap();
}

#[test]
fn blocks_allocated_before_tracing_started_are_not_counted() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let mut heap = Allocator::new();
    heap.set_trace_hook(Some(Box::new(move |e: &TraceEvent| {
        sink.lock().unwrap().push(*e)
    })));
    let early = heap.malloc(64).unwrap();
    let early2 = heap.malloc(64).unwrap();
    assert_eq!(
        *events.lock().unwrap(),
        [],
        "no events before tracing starts"
    );
    heap.start_tracing();
    let traced = heap.malloc_tagged(48, Tag(4)).unwrap();
    // SAFETY: live blocks, each freed once.
    unsafe { heap.free(early).unwrap() };
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 48,
            peak: 48
        }
    );
    // A realloc of an untraced block only records the new block.
    // SAFETY: a live block; replaced by the result.
    let moved = unsafe { heap.realloc_tagged(Some(early2), 1000, Tag(6)) }.unwrap();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 1048,
            peak: 1048
        }
    );
    assert_eq!(
        *events.lock().unwrap(),
        [
            TraceEvent::Alloc {
                addr: addr(traced),
                size: 48,
                tag: Tag(4)
            },
            TraceEvent::Alloc {
                addr: addr(moved),
                size: 1000,
                tag: Tag(6)
            },
        ]
    );
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(traced).unwrap();
        heap.free(moved).unwrap();
    }
    assert_eq!(heap.traced_memory().current, 0);
}

#[test]
fn clear_traces_forgets_the_blocks_traced_so_far() {
    let mut heap = Allocator::new();
    heap.start_tracing();
    let a = heap.malloc_tagged(100, Tag(1)).unwrap();
    heap.clear_traces();
    assert!(heap.is_tracing());
    assert_eq!(heap.traced_memory(), TracedMemory::default());
    assert_eq!(heap.traces(), []);
    let b = heap.malloc_tagged(30, Tag(2)).unwrap();
    // SAFETY: a live block, freed once; its trace was cleared.
    unsafe { heap.free(a).unwrap() };
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 30,
            peak: 30
        }
    );
    assert_eq!(heap.traces(), [trace(b, 30, 2)]);
    // SAFETY: a live block, freed once.
    unsafe { heap.free(b).unwrap() };
}

#[test]
fn the_hook_sees_every_event_in_order() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let mut heap = Allocator::new();
    heap.set_trace_hook(Some(Box::new(move |e: &TraceEvent| {
        sink.lock().unwrap().push(*e)
    })));
    heap.start_tracing();
    let a = heap.malloc_tagged(24, Tag(1)).unwrap();
    let b = heap.calloc_tagged(4, 200, Tag(2)).unwrap();
    // SAFETY: a live block; replaced by the result (same class: in place).
    let a2 = unsafe { heap.realloc_tagged(Some(a), 32, Tag(3)) }.unwrap();
    assert_eq!(a2, a);
    // SAFETY: a live block; replaced by the result (moves to a bigger class).
    let a3 = unsafe { heap.realloc_tagged(Some(a2), 100, Tag(4)) }.unwrap();
    // SAFETY: live blocks, each freed once.
    unsafe {
        heap.free(b).unwrap();
        heap.free(a3).unwrap();
    }
    // A foreign pointer is not a traced block: no event.
    let mut local = 0u64;
    // SAFETY: a pointer outside the arenas is rejected in every mode.
    let err = unsafe { heap.free(NonNull::from(&mut local).cast()) };
    assert!(matches!(err, Err(AllocError::Fault(_))));
    let (a, b, a3) = (addr(a), addr(b), addr(a3));
    assert_eq!(
        *events.lock().unwrap(),
        [
            TraceEvent::Alloc {
                addr: a,
                size: 24,
                tag: Tag(1)
            },
            TraceEvent::Alloc {
                addr: b,
                size: 800,
                tag: Tag(2)
            },
            TraceEvent::Free {
                addr: a,
                size: 24,
                tag: Tag(1)
            },
            TraceEvent::Alloc {
                addr: a,
                size: 32,
                tag: Tag(3)
            },
            TraceEvent::Free {
                addr: a,
                size: 32,
                tag: Tag(3)
            },
            TraceEvent::Alloc {
                addr: a3,
                size: 100,
                tag: Tag(4)
            },
            TraceEvent::Free {
                addr: b,
                size: 800,
                tag: Tag(2)
            },
            TraceEvent::Free {
                addr: a3,
                size: 100,
                tag: Tag(4)
            },
        ]
    );
    // Removing the hook stops the events; tracing itself goes on.
    heap.set_trace_hook(None);
    let c = heap.malloc(16).unwrap();
    assert_eq!(events.lock().unwrap().len(), 8);
    assert_eq!(heap.traced_memory().current, 16);
    // SAFETY: a live block, freed once.
    unsafe { heap.free(c).unwrap() };
}

#[test]
fn tracing_in_debug_mode_records_requested_sizes() {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let mut heap = Allocator::with_config(Config::new().debug(true));
    heap.set_trace_hook(Some(Box::new(move |e: &TraceEvent| {
        sink.lock().unwrap().push(*e)
    })));
    heap.start_tracing();
    let a = heap.malloc_tagged(40, Tag(1)).unwrap();
    let b = heap.malloc_tagged(1000, Tag(2)).unwrap();
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 1040,
            peak: 1040
        },
        "requested sizes, not the 24 extra bytes"
    );
    // The block underneath is 64 bytes (class 3).
    assert_eq!(heap.stats().class(3).blocks_in_use, 1);
    let mut expected = vec![trace(a, 40, 1), trace(b, 1000, 2)];
    expected.sort_unstable_by_key(|t| t.addr);
    assert_eq!(sorted_traces(&heap), expected);
    // SAFETY: a live block; replaced by the result.
    let c = unsafe { heap.realloc_tagged(Some(a), 60, Tag(3)) }.unwrap();
    assert_eq!(heap.traced_memory().current, 1060);
    // A double free is reported and traces nothing.
    // SAFETY: live block, freed once.
    unsafe { heap.free(b).unwrap() };
    // SAFETY: the debug mode detects the double free.
    let err = unsafe { heap.free(b) }.unwrap_err();
    assert!(matches!(
        err,
        AllocError::Fault(pyrt_allocator::HeapFault::DoubleFree { size: 1000, .. })
    ));
    assert_eq!(
        heap.traced_memory(),
        TracedMemory {
            current: 60,
            peak: 1060
        }
    );
    // SAFETY: live block, freed once.
    unsafe { heap.free(c).unwrap() };
    let (a, b, c) = (addr(a), addr(b), addr(c));
    assert_eq!(
        *events.lock().unwrap(),
        [
            TraceEvent::Alloc {
                addr: a,
                size: 40,
                tag: Tag(1)
            },
            TraceEvent::Alloc {
                addr: b,
                size: 1000,
                tag: Tag(2)
            },
            TraceEvent::Free {
                addr: a,
                size: 40,
                tag: Tag(1)
            },
            TraceEvent::Alloc {
                addr: c,
                size: 60,
                tag: Tag(3)
            },
            TraceEvent::Free {
                addr: b,
                size: 1000,
                tag: Tag(2)
            },
            TraceEvent::Free {
                addr: c,
                size: 60,
                tag: Tag(3)
            },
        ]
    );
    assert_eq!(heap.traced_memory().current, 0);
    heap.verify_heap().unwrap();
    heap.check_invariants().unwrap();
}
