//! Model-based property test of the allocator: random programs of malloc, calloc, realloc and
//! free over every size class and large sizes, checked after every step against a model of the
//! live blocks (no overlap, 16-byte alignment, contents preserved, statistics equal to the
//! model's, `check_invariants()`), and at the end: everything freed, every arena given back.

use std::ptr::NonNull;

use proptest::prelude::*;
use pyrt_allocator::{Allocator, Config, PlacedArenas, SMALL_REQUEST_THRESHOLD, SizeClass};

#[derive(Debug, Clone)]
enum Op {
    Malloc(usize),
    Calloc(usize, usize),
    /// Many blocks of one size, to fill pools and arenas.
    Batch(usize, usize),
    /// Free the live block at this index (modulo the number of live blocks).
    Free(usize),
    /// Free every other block starting at this index, to leave pools and arenas half empty.
    FreeStride(usize),
    Realloc(usize, usize),
}

/// Request sizes: every small class is equally likely, plus 0 and large sizes.
fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1..=SMALL_REQUEST_THRESHOLD,
        1 => Just(0usize),
        2 => 513..6000usize,
        1 => prop::sample::select(vec![1usize, 16, 17, 32, 33, 496, 497, 511, 512, 513]),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => size().prop_map(Op::Malloc),
        1 => (0..40usize, 0..40usize).prop_map(|(a, b)| Op::Calloc(a, b)),
        1 => (1..=SMALL_REQUEST_THRESHOLD, 1..3000usize).prop_map(|(s, n)| Op::Batch(s, n)),
        5 => any::<usize>().prop_map(Op::Free),
        1 => any::<usize>().prop_map(Op::FreeStride),
        3 => (any::<usize>(), size()).prop_map(|(i, s)| Op::Realloc(i, s)),
    ]
}

/// What the model knows of a live block.
struct Live {
    ptr: NonNull<u8>,
    size: usize,
    fill: u8,
    /// The size class of the block, `None` for a system-allocator block.
    class: Option<SizeClass>,
}

struct Harness {
    heap: Allocator,
    live: Vec<Live>,
    next_fill: u8,
    /// Bytes the allocator adds to each request (the debug mode's guards).
    extra: usize,
}

impl Harness {
    fn fill(&mut self, ptr: NonNull<u8>, size: usize) -> u8 {
        self.next_fill = self.next_fill.wrapping_add(1).max(1);
        // SAFETY: a live block of at least `size` bytes.
        unsafe { ptr.as_ptr().write_bytes(self.next_fill, size) };
        self.next_fill
    }

    /// The class a fresh request of `n` bytes is served from.
    fn class_for(&self, n: usize) -> Option<SizeClass> {
        SizeClass::for_request(n + self.extra)
    }

    fn add(&mut self, ptr: NonNull<u8>, size: usize) {
        let fill = self.fill(ptr, size);
        let class = self.class_for(size);
        assert_eq!(
            self.heap.owns(ptr),
            class.is_some(),
            "owns() for {size} bytes"
        );
        self.live.push(Live {
            ptr,
            size,
            fill,
            class,
        });
    }

    fn contents_ok(b: &Live, full: bool) -> bool {
        // SAFETY: live blocks hold `size` initialised bytes.
        let bytes = unsafe { std::slice::from_raw_parts(b.ptr.as_ptr(), b.size) };
        let probe: Vec<u8> = if full || bytes.len() <= 64 {
            bytes.to_vec()
        } else {
            [
                &bytes[..16],
                &bytes[bytes.len() / 2..bytes.len() / 2 + 16],
                &bytes[bytes.len() - 16..],
            ]
            .concat()
        };
        probe.iter().all(|&x| x == b.fill)
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Malloc(n) => {
                let p = self.heap.malloc(n).unwrap();
                self.add(p, n);
            }
            Op::Calloc(a, b) => {
                let p = self.heap.calloc(a, b).unwrap();
                // SAFETY: a fresh block of a * b bytes.
                let zeroed = unsafe { std::slice::from_raw_parts(p.as_ptr(), a * b) }
                    .iter()
                    .all(|&x| x == 0);
                assert!(zeroed, "calloc memory must be zeroed");
                self.add(p, a * b);
            }
            Op::Batch(n, count) => {
                for _ in 0..count {
                    let p = self.heap.malloc(n).unwrap();
                    self.add(p, n);
                }
            }
            Op::Free(i) if !self.live.is_empty() => {
                let b = self.live.swap_remove(i % self.live.len());
                assert!(
                    Self::contents_ok(&b, true),
                    "contents of a {}-byte block changed",
                    b.size
                );
                // SAFETY: a live block, freed once.
                unsafe { self.heap.free(b.ptr).unwrap() };
            }
            Op::FreeStride(start) if !self.live.is_empty() => {
                let start = start % self.live.len();
                let mut kept = Vec::with_capacity(self.live.len());
                for (i, b) in std::mem::take(&mut self.live).into_iter().enumerate() {
                    if i >= start && (i - start).is_multiple_of(2) {
                        // SAFETY: a live block, freed once.
                        unsafe { self.heap.free(b.ptr).unwrap() };
                    } else {
                        kept.push(b);
                    }
                }
                self.live = kept;
            }
            Op::Realloc(i, n) if !self.live.is_empty() => {
                let i = i % self.live.len();
                let (old_ptr, old_size, old_class) =
                    (self.live[i].ptr, self.live[i].size, self.live[i].class);
                // SAFETY: a live block; replaced in the model by the result.
                let p = unsafe { self.heap.realloc(Some(old_ptr), n).unwrap() };
                let class = match old_class {
                    // The debug mode always moves the block, like a fresh request.
                    _ if self.extra > 0 => self.class_for(n),
                    Some(c) => {
                        let s = c.block_size();
                        let in_place = n <= s && 4 * n > 3 * s;
                        assert_eq!(
                            p == old_ptr,
                            in_place,
                            "in-place rule for {old_size} -> {n}"
                        );
                        if in_place { Some(c) } else { self.class_for(n) }
                    }
                    None => None,
                };
                assert_eq!(
                    self.heap.owns(p),
                    class.is_some(),
                    "realloc {old_size} -> {n} lands in the wrong allocator"
                );
                self.live[i].class = class;
                let kept = old_size.min(n);
                let b = &mut self.live[i];
                b.ptr = p;
                b.size = kept;
                assert!(Self::contents_ok(b, true), "realloc lost contents");
                b.size = n;
                let fill = self.fill(p, n);
                self.live[i].fill = fill;
            }
            _ => {}
        }
    }

    fn check(&self) {
        self.heap.check_invariants().unwrap();
        let mut ranges: Vec<(usize, usize)> = self
            .live
            .iter()
            .map(|b| (b.ptr.as_ptr() as usize, b.size.max(1)))
            .collect();
        ranges.sort_unstable();
        for w in ranges.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap: {:x?}", w);
        }
        assert!(
            ranges.iter().all(|&(a, _)| a % 16 == 0),
            "every block is 16-byte aligned"
        );
        for b in &self.live {
            assert!(
                Self::contents_ok(b, false),
                "contents of a {}-byte block changed",
                b.size
            );
        }
        let stats = self.heap.stats();
        let mut per_class = [0usize; 32];
        let (mut raw, mut raw_bytes) = (0, 0);
        for b in &self.live {
            match b.class {
                Some(c) => per_class[c.index()] += 1,
                None => {
                    raw += 1;
                    raw_bytes += (b.size + self.extra).max(1);
                }
            }
        }
        self.heap
            .for_each_quarantined_block(|_, n| match self.class_for(n) {
                Some(c) => per_class[c.index()] += 1,
                None => {
                    raw += 1;
                    raw_bytes += n + self.extra;
                }
            });
        let got: Vec<usize> = stats.classes().iter().map(|c| c.blocks_in_use).collect();
        assert_eq!(got, per_class, "blocks in use per class");
        assert_eq!(
            (stats.raw_blocks, stats.raw_bytes),
            (raw, raw_bytes),
            "system blocks"
        );
        if self.extra == 0 {
            assert_eq!(stats.allocated_blocks(), self.live.len());
        }
        for (c, s) in stats.classes().iter().enumerate() {
            let capacity = SizeClass::from_index(c).unwrap().blocks_per_pool();
            assert_eq!(
                s.blocks_in_use + s.blocks_available,
                s.pools * capacity,
                "class {c} pool capacity"
            );
        }
        let accounted = stats.allocated_bytes()
            + stats.available_bytes()
            + stats.unused_pools * 16384
            + stats.pool_header_bytes()
            + stats.quantization_bytes()
            + stats.arena_alignment_bytes();
        assert_eq!(
            accounted,
            stats.arenas_allocated_current << 20,
            "byte accounting covers the arenas"
        );
        let mut walked = 0;
        self.heap.for_each_live_block(|_, _| walked += 1);
        assert_eq!(walked, self.live.len(), "live-block walk finds every block");
    }

    fn finish(mut self) {
        for b in std::mem::take(&mut self.live) {
            assert!(Self::contents_ok(&b, true));
            // SAFETY: live, freed once.
            unsafe { self.heap.free(b.ptr).unwrap() };
        }
        self.heap.flush_quarantine().unwrap();
        self.heap.check_invariants().unwrap();
        let stats = self.heap.stats();
        assert_eq!(stats.allocated_blocks(), 0);
        assert!(
            stats.arenas_allocated_current <= 1,
            "only the bpo-37257 arena may stay"
        );
        self.heap.trim();
        let stats = self.heap.stats();
        assert_eq!(
            stats.arenas_allocated_current, 0,
            "every arena went back to the OS"
        );
        assert_eq!(stats.arenas_reclaimed(), stats.arenas_allocated_total);
        assert_eq!(self.heap.memory_in_use(), 0);
        self.heap.check_invariants().unwrap();
    }
}

fn run(config: Config, ops: &[Op]) {
    let heap = Allocator::with_config(config);
    let extra = if heap.is_debug() {
        pyrt_allocator::DEBUG_EXTRA_BYTES
    } else {
        0
    };
    let mut h = Harness {
        heap,
        live: Vec::new(),
        next_fill: 0,
        extra,
    };
    for op in ops {
        h.apply(op);
        h.check();
    }
    h.finish();
}

// The fast tier runs 64 programs of each kind; the slow tier (`--ignored`) 2,048.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(64)))]

    #[test]
    fn random_programs_match_the_model(ops in prop::collection::vec(op(), 1..120)) {
        run(Config::new(), &ops);
    }

    #[test]
    fn random_programs_match_the_model_with_pool_aligned_arenas(ops in prop::collection::vec(op(), 1..60)) {
        run(Config::new().arena_source(PlacedArenas::new(0)), &ops);
    }

    #[test]
    fn random_programs_match_the_model_in_debug_mode(ops in prop::collection::vec(op(), 1..60)) {
        run(Config::new().debug(true), &ops);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(2048)))]

    #[test]
    #[ignore = "slow tier: 2,048 programs"]
    fn many_random_programs_match_the_model(ops in prop::collection::vec(op(), 1..120)) {
        run(Config::new(), &ops);
    }

    #[test]
    #[ignore = "slow tier: 2,048 programs"]
    fn many_random_programs_match_the_model_with_pool_aligned_arenas(ops in prop::collection::vec(op(), 1..60)) {
        run(Config::new().arena_source(PlacedArenas::new(0)), &ops);
    }

    #[test]
    #[ignore = "slow tier: 2,048 programs"]
    fn many_random_programs_match_the_model_in_debug_mode(ops in prop::collection::vec(op(), 1..60)) {
        run(Config::new().debug(true), &ops);
    }
}
