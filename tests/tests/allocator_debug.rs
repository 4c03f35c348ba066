//! The debug mode (`Config::debug`, like `PYTHONMALLOC=debug`): CPython's block layout (8-byte
//! big-endian size, API id `'o'`, 0xfd guards), the 0xcd / 0xdd / zero fill patterns, and every
//! fault it reports: a write past the end or before the start of a block, a double free, a free
//! of a pointer it does not own, a write after free (found by `verify_heap` or when the block
//! leaves the quarantine), and the same checks in `realloc`. Each fault is seeded with a small
//! `unsafe` write and must come back as the exact `HeapFault` with its fields and message, after
//! which the heap must still be consistent and usable.

use std::ptr::NonNull;

use pyrt_allocator::{
    AllocError, Allocator, CLEAN_BYTE, Config, DEAD_BYTE, DEBUG_EXTRA_BYTES, DEBUG_HEADER_BYTES,
    DEBUG_TRAILER_BYTES, FORBIDDEN_BYTE, HeapFault,
};

fn debug_heap() -> Allocator {
    Allocator::with_config(Config::new().debug(true))
}

fn addr(p: NonNull<u8>) -> usize {
    p.as_ptr() as usize
}

/// The `len` bytes starting `before` bytes ahead of `p`.
///
/// # Safety
/// The range must lie inside memory the allocator holds for a live or quarantined block.
unsafe fn bytes_around(p: NonNull<u8>, before: usize, len: usize) -> Vec<u8> {
    // SAFETY: the caller guarantees the range is inside one allocated block.
    unsafe { std::slice::from_raw_parts(p.as_ptr().sub(before), len) }.to_vec()
}

/// The whole debug block of a request of `n` bytes at `p`: header, data and trailer.
///
/// # Safety
/// `p` must be a live or quarantined debug block of `n` bytes.
unsafe fn whole_block(p: NonNull<u8>, n: usize) -> Vec<u8> {
    // SAFETY: forwarded contract; the block spans `n + 24` bytes from `p - 16`.
    unsafe { bytes_around(p, DEBUG_HEADER_BYTES, n + DEBUG_EXTRA_BYTES) }
}

/// CPython's debug header for a request of `n` bytes: big-endian size, `'o'`, seven 0xfd.
fn expected_header(n: usize) -> Vec<u8> {
    let mut h = (n as u64).to_be_bytes().to_vec();
    h.push(b'o');
    h.extend([FORBIDDEN_BYTE; 7]);
    h
}

/// Writes `value` at `p + offset` (offset may be negative).
///
/// # Safety
/// The byte must lie inside a block the allocator still holds (live, quarantined or withheld).
unsafe fn poke(p: NonNull<u8>, offset: isize, value: u8) {
    // SAFETY: forwarded contract.
    unsafe { p.as_ptr().offset(offset).write(value) };
}

/// Checks that the heap is consistent and keeps working after a fault: invariants hold, blocks
/// of several sizes (pool and system) can be made, written, verified and freed.
fn assert_heap_still_works(heap: &mut Allocator) {
    heap.check_invariants().unwrap();
    let sizes = [1usize, 16, 40, 100, 488, 489, 1000, 5000];
    let blocks: Vec<_> = sizes
        .iter()
        .map(|&n| (heap.malloc(n).unwrap(), n))
        .collect();
    for &(p, n) in &blocks {
        // SAFETY: a fresh block of `n` bytes.
        unsafe { p.as_ptr().write_bytes(0x5a, n) };
    }
    heap.check_invariants().unwrap();
    for (p, n) in blocks {
        // SAFETY: a live block of `n` bytes.
        let data = unsafe { bytes_around(p, 0, n) };
        assert!(data.iter().all(|&b| b == 0x5a));
        // SAFETY: a live block, freed once.
        unsafe { heap.free(p).unwrap() };
    }
    heap.check_invariants().unwrap();
}

#[test]
fn fresh_blocks_have_cpython_layout_and_clean_fill() {
    let mut heap = debug_heap();
    for n in [0usize, 1, 40, 488, 489, 1000] {
        let p = heap.malloc(n).unwrap();
        assert_eq!(
            addr(p) % 16,
            0,
            "debug blocks stay 16-byte aligned ({n} bytes)"
        );
        // Requests up to 512 - 24 bytes still fit a pool block; larger ones go to the system.
        assert_eq!(
            heap.owns(p),
            n + DEBUG_EXTRA_BYTES <= 512,
            "owns() for {n} bytes"
        );
        // SAFETY: a live block of `n` bytes.
        let all = unsafe { whole_block(p, n) };
        assert_eq!(all[..16], expected_header(n)[..], "header of {n} bytes");
        assert!(
            all[16..16 + n].iter().all(|&b| b == CLEAN_BYTE),
            "0xcd fill, {n} bytes"
        );
        assert_eq!(
            all[16 + n..],
            [FORBIDDEN_BYTE; DEBUG_TRAILER_BYTES],
            "trailer, {n} bytes"
        );
    }
    assert_eq!(CLEAN_BYTE, 0xcd);
    assert_eq!(DEAD_BYTE, 0xdd);
    assert_eq!(FORBIDDEN_BYTE, 0xfd);
    assert_eq!(DEBUG_EXTRA_BYTES, 24);
    heap.verify_heap().unwrap();
    heap.check_invariants().unwrap();
}

#[test]
fn a_request_takes_24_more_bytes_from_pymalloc() {
    let mut heap = debug_heap();
    let p = heap.malloc(40).unwrap(); // 64 bytes: class 3
    let q = heap.malloc(8).unwrap(); // 32 bytes: class 1
    let r = heap.malloc(0).unwrap(); // 24 bytes: class 1
    let stats = heap.stats();
    assert_eq!(stats.class(3).blocks_in_use, 1);
    assert_eq!(stats.class(1).blocks_in_use, 2);
    assert_eq!(stats.allocated_blocks(), 3);
    let mut live = Vec::new();
    heap.for_each_live_block(|p, n| live.push((addr(p), n)));
    live.sort_unstable();
    let mut expected = vec![(addr(p), 40), (addr(q), 8), (addr(r), 0)];
    expected.sort_unstable();
    assert_eq!(
        live, expected,
        "live blocks are reported with their requested sizes"
    );
}

#[test]
fn calloc_memory_is_zero_between_the_guards() {
    let mut heap = debug_heap();
    for (nelem, elsize) in [(5usize, 8usize), (1, 488), (100, 10)] {
        let n = nelem * elsize;
        let p = heap.calloc(nelem, elsize).unwrap();
        // SAFETY: a live block of `n` bytes.
        let all = unsafe { whole_block(p, n) };
        assert_eq!(all[..16], expected_header(n)[..]);
        assert!(
            all[16..16 + n].iter().all(|&b| b == 0),
            "calloc({nelem}, {elsize})"
        );
        assert_eq!(all[16 + n..], [FORBIDDEN_BYTE; 8]);
        // SAFETY: a live block, freed once.
        unsafe { heap.free(p).unwrap() };
    }
    heap.verify_heap().unwrap();
}

#[test]
fn freed_blocks_are_dead_filled_while_quarantined() {
    let mut heap = debug_heap();
    let p = heap.malloc(40).unwrap();
    let big = heap.malloc(700).unwrap();
    // SAFETY: live blocks.
    unsafe {
        p.as_ptr().write_bytes(0x11, 40);
        big.as_ptr().write_bytes(0x22, 700);
        heap.free(p).unwrap();
        heap.free(big).unwrap();
    }
    // SAFETY: both blocks are quarantined: the allocator still holds their memory.
    let (small_dead, big_dead) = unsafe { (whole_block(p, 40), whole_block(big, 700)) };
    assert_eq!(
        small_dead,
        vec![DEAD_BYTE; 64],
        "header, data and trailer all 0xdd"
    );
    assert_eq!(big_dead, vec![DEAD_BYTE; 724]);
    let mut quarantined = Vec::new();
    heap.for_each_quarantined_block(|q, n| quarantined.push((addr(q), n)));
    assert_eq!(
        quarantined,
        [(addr(p), 40), (addr(big), 700)],
        "oldest first"
    );
    // Quarantined blocks are still allocated underneath.
    assert_eq!(heap.stats().class(3).blocks_in_use, 1);
    assert_eq!(heap.stats().raw_blocks, 1);
    heap.verify_heap().unwrap();
    heap.flush_quarantine().unwrap();
    let mut left = 0;
    heap.for_each_quarantined_block(|_, _| left += 1);
    assert_eq!(left, 0);
    assert_eq!(heap.stats().allocated_blocks(), 0);
    heap.check_invariants().unwrap();
}

#[test]
fn write_at_the_first_byte_past_the_end_is_caught_by_free() {
    let mut heap = debug_heap();
    let n = 40;
    let p = heap.malloc(n).unwrap();
    // SAFETY: p + n is the first trailer guard byte, inside the pool block.
    unsafe { poke(p, n as isize, 0x41) };
    let fault = HeapFault::WritePastEnd {
        addr: addr(p),
        size: n,
        offset: 0,
        found: 0x41,
    };
    assert_eq!(
        heap.verify_heap(),
        Err(fault.clone()),
        "verify_heap sees it first"
    );
    // SAFETY: a live block (with a damaged guard, which free reports).
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(err, AllocError::Fault(fault));
    assert_eq!(
        err.to_string(),
        format!(
            "write past the end of block {:#x} (40 bytes): trailing guard byte 0 is 0x41, \
             expected 0xfd",
            addr(p)
        )
    );
    heap.verify_heap().unwrap();
    assert_heap_still_works(&mut heap);
}

#[test]
fn write_at_the_last_guard_byte_is_caught_by_free() {
    let mut heap = debug_heap();
    let n = 100;
    let p = heap.malloc(n).unwrap();
    // SAFETY: p + n + 7 is the last trailer guard byte, inside the pool block.
    unsafe { poke(p, (n + 7) as isize, 0x00) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WritePastEnd {
            addr: addr(p),
            size: n,
            offset: 7,
            found: 0x00,
        })
    );
    assert_eq!(
        err.to_string(),
        format!(
            "write past the end of block {:#x} (100 bytes): trailing guard byte 7 is 0x00, \
             expected 0xfd",
            addr(p)
        )
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn write_past_the_end_of_a_system_block_is_caught() {
    let mut heap = debug_heap();
    let n = 3000;
    let p = heap.malloc(n).unwrap();
    assert!(!heap.owns(p));
    // SAFETY: p + n + 3 is a trailer guard byte inside the malloc'd block.
    unsafe { poke(p, (n + 3) as isize, 0x7f) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WritePastEnd {
            addr: addr(p),
            size: n,
            offset: 3,
            found: 0x7f,
        })
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn write_just_before_the_start_is_caught_by_free() {
    let mut heap = debug_heap();
    let n = 24;
    let p = heap.malloc(n).unwrap();
    // SAFETY: p - 1 is the last header guard byte, inside the pool block.
    unsafe { poke(p, -1, 0x99) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WriteBeforeStart {
            addr: addr(p),
            size: n,
            distance: 1,
            found: 0x99,
            expected: 0xfd,
        })
    );
    assert_eq!(
        err.to_string(),
        format!(
            "write before the start of block {:#x} (24 bytes): header byte at offset -1 is \
             0x99, expected 0xfd",
            addr(p)
        )
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn a_corrupted_size_field_is_caught_by_free() {
    let mut heap = debug_heap();
    let n = 300;
    let p = heap.malloc(n).unwrap();
    // The size is 8 big-endian bytes at p-16..p-8: 300 = 0x012c, low byte 0x2c at p-9.
    // SAFETY: p - 9 is inside the header of the pool block.
    unsafe { poke(p, -9, 0x2d) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WriteBeforeStart {
            addr: addr(p),
            size: n,
            distance: 9,
            found: 0x2d,
            expected: 0x2c,
        })
    );
    assert_eq!(
        err.to_string(),
        format!(
            "write before the start of block {:#x} (300 bytes): header byte at offset -9 is \
             0x2d, expected 0x2c",
            addr(p)
        )
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn corrupted_api_id_and_high_size_byte_are_caught() {
    let mut heap = debug_heap();
    let p = heap.malloc(50).unwrap();
    // SAFETY: p - 8 is the API id byte in the header.
    unsafe { poke(p, -8, b'r') };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WriteBeforeStart {
            addr: addr(p),
            size: 50,
            distance: 8,
            found: b'r',
            expected: b'o',
        })
    );
    let q = heap.malloc(50).unwrap();
    // SAFETY: p - 16 is the most significant byte of the stored size.
    unsafe { poke(q, -16, 0x01) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(q) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::WriteBeforeStart {
            addr: addr(q),
            size: 50,
            distance: 16,
            found: 0x01,
            expected: 0x00,
        })
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn a_block_with_damaged_guards_is_withheld_forever() {
    let mut heap = debug_heap();
    // Control: a sound block goes back to pymalloc once the quarantine lets it go, and LIFO
    // reuse hands the same address out again.
    let q = heap.malloc(40).unwrap();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(q).unwrap() };
    heap.flush_quarantine().unwrap();
    assert_eq!(
        heap.malloc(40).unwrap(),
        q,
        "a sound block is reused (LIFO)"
    );
    // SAFETY: a live block, freed once.
    unsafe { heap.free(q).unwrap() };
    heap.flush_quarantine().unwrap();

    let p = heap.malloc(40).unwrap();
    assert_eq!(p, q);
    // SAFETY: p + 40 is a trailer guard byte.
    unsafe { poke(p, 40, 0xee) };
    // SAFETY: a live block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert!(matches!(
        err,
        AllocError::Fault(HeapFault::WritePastEnd { addr: a, size: 40, offset: 0, found: 0xee })
            if a == addr(p)
    ));
    heap.flush_quarantine().unwrap();
    // The withheld block still occupies its 64-byte pool block and is counted as allocated.
    assert_eq!(heap.stats().class(3).blocks_in_use, 1);
    heap.check_invariants().unwrap();
    heap.verify_heap().unwrap();
    // 600 blocks of the same class (more than two pools of 255) never include it.
    let blocks: Vec<_> = (0..600).map(|_| heap.malloc(40).unwrap()).collect();
    assert!(
        blocks.iter().all(|&b| b != p),
        "the damaged block was handed out again"
    );
    assert_eq!(heap.stats().class(3).blocks_in_use, 601);
    for b in blocks {
        // SAFETY: live blocks, freed once.
        unsafe { heap.free(b).unwrap() };
    }
    heap.flush_quarantine().unwrap();
    assert_eq!(
        heap.stats().class(3).blocks_in_use,
        1,
        "only the withheld block is left"
    );
    // Freeing the withheld block again is a double free, not a foreign pointer.
    // SAFETY: the debug mode detects the misuse before touching the block.
    let again = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        again,
        AllocError::Fault(HeapFault::DoubleFree {
            addr: addr(p),
            size: 40
        })
    );
    assert_heap_still_works(&mut heap);
}

#[test]
fn double_free_is_reported_with_address_and_size() {
    let mut heap = debug_heap();
    let p = heap.malloc(72).unwrap();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(p).unwrap() };
    let before = heap.stats();
    // SAFETY: the debug mode detects the double free before touching the block.
    let err = unsafe { heap.free(p) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::DoubleFree {
            addr: addr(p),
            size: 72,
        })
    );
    assert_eq!(
        err.to_string(),
        format!(
            "double free of block {:#x} (72 bytes): it was already freed",
            addr(p)
        )
    );
    assert_eq!(heap.stats(), before, "a double free changes nothing");
    let mut quarantined = Vec::new();
    heap.for_each_quarantined_block(|q, n| quarantined.push((addr(q), n)));
    assert_eq!(
        quarantined,
        [(addr(p), 72)],
        "the block is quarantined once"
    );
    heap.verify_heap().unwrap();
    assert_heap_still_works(&mut heap);
}

#[test]
fn freeing_pointers_the_allocator_does_not_own_is_reported() {
    let mut heap = debug_heap();
    let live = heap.malloc(64).unwrap();
    // SAFETY: a live block of 64 bytes.
    unsafe { live.as_ptr().write_bytes(0x33, 64) };
    let before = heap.stats();

    let mut local = [0u8; 32];
    let stack = NonNull::new(local.as_mut_ptr()).unwrap();
    // SAFETY: the debug mode rejects a foreign pointer before reading through it.
    let err = unsafe { heap.free(stack) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::NotOwned { addr: addr(stack) })
    );
    assert_eq!(
        err.to_string(),
        format!(
            "free of {:#x}, which is not a block this allocator handed out",
            addr(stack)
        )
    );

    let boxed: *mut [u8; 64] = Box::into_raw(Box::new([7u8; 64]));
    let foreign = NonNull::new(boxed.cast::<u8>()).unwrap();
    // SAFETY: as above; the allocator must neither read nor free the Box's memory.
    let err = unsafe { heap.free(foreign) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::NotOwned {
            addr: addr(foreign)
        })
    );
    // SAFETY: the pointer came from Box::into_raw and was not freed by the allocator.
    let back = unsafe { Box::from_raw(boxed) };
    assert_eq!(*back, [7u8; 64], "the Box's memory is untouched");
    drop(back);

    // SAFETY: 16 bytes inside a live 64-byte block.
    let interior = unsafe { live.byte_add(16) };
    // SAFETY: the debug mode rejects an interior pointer before using it.
    let err = unsafe { heap.free(interior) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::NotOwned {
            addr: addr(live) + 16
        })
    );

    assert_eq!(heap.stats(), before, "foreign frees change nothing");
    assert_eq!(local, [0u8; 32], "the stack buffer is untouched");
    // SAFETY: a live block of 64 bytes.
    let data = unsafe { bytes_around(live, 0, 64) };
    assert_eq!(data, vec![0x33; 64], "the live block is untouched");
    heap.verify_heap().unwrap();
    // SAFETY: the live block, freed once.
    unsafe { heap.free(live).unwrap() };
    assert_heap_still_works(&mut heap);
}

#[test]
fn freeing_a_stack_pointer_is_reported_without_debug_mode_too() {
    let mut heap = Allocator::new();
    let keep = heap.malloc(32).unwrap();
    let before = heap.stats();
    let mut local = 0u64;
    let stack = NonNull::from(&mut local).cast::<u8>();
    // SAFETY: a pointer outside the arenas is allowed in every mode.
    let err = unsafe { heap.free(stack) }.unwrap_err();
    assert_eq!(
        err,
        AllocError::Fault(HeapFault::NotOwned { addr: addr(stack) })
    );
    assert_eq!(heap.stats(), before);
    assert_eq!(local, 0);
    // SAFETY: a live block, freed once.
    unsafe { heap.free(keep).unwrap() };
    heap.check_invariants().unwrap();
}

#[test]
fn write_after_free_is_found_by_verify_heap() {
    let mut heap = debug_heap();
    let n = 40;
    let p = heap.malloc(n).unwrap();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(p).unwrap() };
    heap.verify_heap().unwrap();
    // SAFETY: the block is quarantined, so its memory is still held by the allocator.
    unsafe { poke(p, 5, 0x42) };
    let fault = HeapFault::WriteAfterFree {
        addr: addr(p),
        size: n,
        offset: 5,
        found: 0x42,
    };
    assert_eq!(heap.verify_heap(), Err(fault.clone()));
    assert_eq!(
        fault.to_string(),
        format!(
            "write after free in block {:#x} (40 bytes): byte 5 is 0x42, expected the dead \
             pattern 0xdd",
            addr(p)
        )
    );
    heap.check_invariants().unwrap();
    // Giving the quarantine back reports it once; the block is returned to pymalloc all the same.
    assert_eq!(heap.flush_quarantine(), Err(fault));
    heap.verify_heap().unwrap();
    assert_eq!(heap.stats().allocated_blocks(), 0);
    assert_heap_still_works(&mut heap);
}

#[test]
fn write_after_free_is_reported_when_the_block_leaves_the_quarantine_by_count() {
    let mut heap = debug_heap();
    let victim = heap.malloc(32).unwrap();
    let others: Vec<_> = (0..1100).map(|_| heap.malloc(32).unwrap()).collect();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(victim).unwrap() };
    // SAFETY: the victim is quarantined, so its memory is still held by the allocator.
    unsafe { poke(victim, 31, 0x01) };
    let fault = HeapFault::WriteAfterFree {
        addr: addr(victim),
        size: 32,
        offset: 31,
        found: 0x01,
    };
    // The quarantine holds 1024 blocks (56 bytes each here, far below 1 MiB): the victim is
    // evicted, and checked, by the free that makes it the 1025th.
    let mut reported = Vec::new();
    for (i, &b) in others.iter().enumerate() {
        // SAFETY: a live block, freed once.
        match unsafe { heap.free(b) } {
            Ok(()) => {}
            Err(e) => reported.push((i, e)),
        }
    }
    assert_eq!(reported, [(1023, AllocError::Fault(fault))]);
    heap.verify_heap().unwrap();
    heap.check_invariants().unwrap();
    let mut quarantined = 0;
    heap.for_each_quarantined_block(|_, n| {
        assert_eq!(n, 32);
        quarantined += 1;
    });
    assert_eq!(quarantined, 1024);
    // Every free completed, including the one that reported the fault.
    let mut live = 0;
    heap.for_each_live_block(|_, _| live += 1);
    assert_eq!(live, 0);
    heap.flush_quarantine().unwrap();
    assert_eq!(heap.stats().allocated_blocks(), 0);
    assert_heap_still_works(&mut heap);
}

#[test]
fn write_after_free_is_reported_when_the_block_leaves_the_quarantine_by_bytes() {
    let mut heap = debug_heap();
    let n = 100_000;
    let victim = heap.malloc(n).unwrap();
    let others: Vec<_> = (0..12).map(|_| heap.malloc(n).unwrap()).collect();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(victim).unwrap() };
    // SAFETY: the victim is quarantined, so its memory is still held by the allocator.
    unsafe { poke(victim, 77_777, 0xab) };
    // The quarantine holds at most 1 MiB: 10 blocks of 100,024 bytes fit, 11 do not.
    let mut reported = Vec::new();
    for (i, &b) in others.iter().enumerate() {
        // SAFETY: a live block, freed once.
        if let Err(e) = unsafe { heap.free(b) } {
            reported.push((i, e));
        }
    }
    assert_eq!(
        reported,
        [(
            9,
            AllocError::Fault(HeapFault::WriteAfterFree {
                addr: addr(victim),
                size: n,
                offset: 77_777,
                found: 0xab,
            })
        )]
    );
    heap.check_invariants().unwrap();
    heap.flush_quarantine().unwrap();
    assert_eq!(heap.stats().raw_blocks, 0);
    assert_heap_still_works(&mut heap);
}

#[test]
fn realloc_preserves_contents_and_fills_the_rest() {
    let mut heap = debug_heap();
    let p = heap.malloc(40).unwrap();
    let pattern: Vec<u8> = (0..40).collect();
    // SAFETY: a live block of 40 bytes.
    unsafe { p.as_ptr().copy_from_nonoverlapping(pattern.as_ptr(), 40) };

    // SAFETY: a live block; replaced by the result.
    let q = unsafe { heap.realloc(Some(p), 100) }.unwrap();
    assert_ne!(q, p, "the debug mode always moves the block");
    // SAFETY: q is live with 100 bytes; p is quarantined.
    let (grown, old) = unsafe { (whole_block(q, 100), whole_block(p, 40)) };
    assert_eq!(grown[..16], expected_header(100)[..]);
    assert_eq!(grown[16..56], pattern[..], "the old contents are copied");
    assert!(
        grown[56..116].iter().all(|&b| b == CLEAN_BYTE),
        "the new tail is 0xcd"
    );
    assert_eq!(grown[116..], [FORBIDDEN_BYTE; 8]);
    assert_eq!(
        old,
        vec![DEAD_BYTE; 64],
        "the old block is freed and dead-filled"
    );

    // SAFETY: a live block; replaced by the result.
    let r = unsafe { heap.realloc(Some(q), 10) }.unwrap();
    // SAFETY: r is live with 10 bytes.
    let shrunk = unsafe { whole_block(r, 10) };
    assert_eq!(shrunk[..16], expected_header(10)[..]);
    assert_eq!(shrunk[16..26], pattern[..10]);
    assert_eq!(shrunk[26..], [FORBIDDEN_BYTE; 8]);

    // SAFETY: a live block; replaced by the result. 2000 bytes: a system block.
    let s = unsafe { heap.realloc(Some(r), 2000) }.unwrap();
    assert!(!heap.owns(s));
    // SAFETY: s is live with 2000 bytes.
    let big = unsafe { bytes_around(s, 0, 2000) };
    assert_eq!(big[..10], pattern[..10]);
    assert!(big[10..].iter().all(|&b| b == CLEAN_BYTE));

    // SAFETY: None allocates.
    let t = unsafe { heap.realloc(None, 8) }.unwrap();
    // SAFETY: t is live with 8 bytes.
    assert_eq!(unsafe { bytes_around(t, 0, 8) }, vec![CLEAN_BYTE; 8]);

    heap.verify_heap().unwrap();
    heap.check_invariants().unwrap();
    // SAFETY: live blocks, freed once.
    unsafe {
        heap.free(s).unwrap();
        heap.free(t).unwrap();
    }
    assert_heap_still_works(&mut heap);
}

#[test]
fn realloc_detects_faults_on_the_old_block_and_leaves_it_live() {
    let mut heap = debug_heap();
    let p = heap.malloc(32).unwrap();
    // SAFETY: p + 32 is the first trailer guard byte.
    unsafe { poke(p, 32, 0x00) };
    let fault = AllocError::Fault(HeapFault::WritePastEnd {
        addr: addr(p),
        size: 32,
        offset: 0,
        found: 0x00,
    });
    let before = heap.stats();
    // SAFETY: a live block; the debug mode checks its guards before moving it.
    assert_eq!(unsafe { heap.realloc(Some(p), 64) }, Err(fault.clone()));
    assert_eq!(heap.stats(), before, "a failed realloc changes nothing");
    let mut live = Vec::new();
    heap.for_each_live_block(|q, n| live.push((q, n)));
    assert_eq!(live, [(p, 32)], "the old block is still live");
    // SAFETY: the block is still live; free reports the same fault and withholds it.
    assert_eq!(unsafe { heap.free(p) }, Err(fault));
    heap.check_invariants().unwrap();

    let q = heap.malloc(16).unwrap();
    // SAFETY: q - 3 is a header guard byte.
    unsafe { poke(q, -3, 0x10) };
    // SAFETY: a live block.
    let result = unsafe { heap.realloc(Some(q), 8) };
    assert_eq!(
        result,
        Err(AllocError::Fault(HeapFault::WriteBeforeStart {
            addr: addr(q),
            size: 16,
            distance: 3,
            found: 0x10,
            expected: 0xfd,
        }))
    );

    let r = heap.malloc(16).unwrap();
    // SAFETY: a live block, freed once.
    unsafe { heap.free(r).unwrap() };
    // SAFETY: the debug mode recognises the freed block.
    let result = unsafe { heap.realloc(Some(r), 20) };
    assert_eq!(
        result,
        Err(AllocError::Fault(HeapFault::DoubleFree {
            addr: addr(r),
            size: 16
        }))
    );
    let mut local = [0u8; 16];
    let stack = NonNull::new(local.as_mut_ptr()).unwrap();
    // SAFETY: the debug mode rejects the foreign pointer before using it.
    let result = unsafe { heap.realloc(Some(stack), 20) };
    assert_eq!(
        result,
        Err(AllocError::Fault(HeapFault::NotOwned { addr: addr(stack) }))
    );
    assert_eq!(local, [0u8; 16]);
    heap.check_invariants().unwrap();
    // SAFETY: q is still live (with its damaged header): free reports and withholds it.
    let result = unsafe { heap.free(q) };
    assert!(matches!(
        result,
        Err(AllocError::Fault(HeapFault::WriteBeforeStart {
            distance: 3,
            ..
        }))
    ));
    assert_heap_still_works(&mut heap);
}
