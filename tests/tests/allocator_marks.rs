//! Model-based property test of the allocator's marks (`Allocator::mark`): random programs of
//! malloc, mark, unmark, realloc and free, in each allocator mode (pymalloc, its debug mode,
//! the system allocator alone), checked after every step against a model: the marked addresses
//! that `for_each_mark` walks are exactly the model's, `mark_count` agrees, a freed or
//! reallocated block has lost its marks, and bad requests get the right [`MarkError`].

use std::collections::BTreeSet;
use std::ptr::NonNull;

use proptest::prelude::*;
use pyrt_allocator::{Allocator, Config, MARK_GRANULE, MarkError, PlacedArenas, SizeClass};

#[derive(Debug, Clone)]
enum Op {
    Malloc(usize),
    /// Mark granule `g` of the live block at this index (modulo the number of live blocks).
    Mark(usize, usize),
    Unmark(usize, usize),
    /// Mark an offset that is not a multiple of 16.
    MarkMisaligned(usize, usize),
    Free(usize),
    Realloc(usize, usize),
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1..=512usize,
        1 => Just(0usize),
        2 => 513..3000usize,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => size().prop_map(Op::Malloc),
        6 => (any::<usize>(), 0..70usize).prop_map(|(i, g)| Op::Mark(i, g)),
        2 => (any::<usize>(), 0..70usize).prop_map(|(i, g)| Op::Unmark(i, g)),
        1 => (any::<usize>(), 1..16usize).prop_map(|(i, o)| Op::MarkMisaligned(i, o)),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size()).prop_map(|(i, n)| Op::Realloc(i, n)),
    ]
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    Pymalloc,
    Debug,
    SystemOnly,
}

struct Block {
    ptr: NonNull<u8>,
    size: usize,
    /// The pool block's size (a small block reallocated in place keeps its class), `None` for
    /// a block of the system allocator.
    pooled: Option<usize>,
    marks: BTreeSet<usize>,
}

struct Harness {
    heap: Allocator,
    mode: Mode,
    live: Vec<Block>,
}

impl Harness {
    fn new(mode: Mode) -> Self {
        let config = Config::new().arena_source(PlacedArenas::new(4096));
        let config = match mode {
            Mode::Pymalloc => config,
            Mode::Debug => config.debug(true),
            Mode::SystemOnly => config.pymalloc(false),
        };
        Harness {
            heap: Allocator::with_config(config),
            mode,
            live: Vec::new(),
        }
    }

    /// The first offset a mark may not take in block `b`.
    fn limit(&self, b: &Block) -> usize {
        match (self.mode, b.pooled) {
            (Mode::Debug, _) => b.size.min(1024),
            (_, Some(block_size)) => block_size,
            _ => b.size.clamp(1, 1024),
        }
    }

    /// The pool block size of a block of `n` bytes at `ptr` (not in debug mode).
    fn pooled(&self, ptr: NonNull<u8>, n: usize) -> Option<usize> {
        let pooled = !matches!(self.mode, Mode::Debug) && self.heap.owns(ptr);
        pooled.then(|| SizeClass::for_request(n).unwrap().block_size())
    }

    fn apply(&mut self, op: &Op) {
        let n = self.live.len();
        match *op {
            Op::Malloc(size) => {
                let ptr = self.heap.malloc(size).unwrap();
                assert!(!self.heap.is_marked(ptr, 0), "a fresh block has no mark");
                let pooled = self.pooled(ptr, size);
                self.live.push(Block {
                    ptr,
                    size,
                    pooled,
                    marks: BTreeSet::new(),
                });
            }
            Op::Mark(i, g) if n > 0 => {
                let offset = g * MARK_GRANULE;
                let limit = self.limit(&self.live[i % n]);
                let b = &mut self.live[i % n];
                let got = self.heap.mark(b.ptr, offset);
                if offset < limit {
                    assert_eq!(got, Ok(b.marks.insert(offset)));
                } else {
                    assert_eq!(
                        got,
                        Err(MarkError::OutsideBlock {
                            addr: b.ptr.as_ptr() as usize,
                            offset,
                            limit
                        })
                    );
                }
            }
            Op::Unmark(i, g) if n > 0 => {
                let offset = g * MARK_GRANULE;
                let limit = self.limit(&self.live[i % n]);
                let b = &mut self.live[i % n];
                let got = self.heap.unmark(b.ptr, offset);
                if offset < limit {
                    assert_eq!(got, Ok(b.marks.remove(&offset)));
                } else {
                    assert!(got.is_err());
                }
            }
            Op::MarkMisaligned(i, o) if n > 0 => {
                let b = &self.live[i % n];
                if self.limit(b) > 0 {
                    assert_eq!(
                        self.heap.mark(b.ptr, o),
                        Err(MarkError::Misaligned { offset: o })
                    );
                }
            }
            Op::Free(i) if n > 0 => {
                let b = self.live.swap_remove(i % n);
                // SAFETY: a live block, freed once.
                unsafe { self.heap.free(b.ptr).unwrap() };
            }
            Op::Realloc(i, size) if n > 0 => {
                let old = self.live[i % n].ptr;
                // SAFETY: a live block, replaced in the model by the result.
                let ptr = unsafe { self.heap.realloc(Some(old), size).unwrap() };
                let pooled = match self.live[i % n].pooled {
                    Some(block_size) if ptr == old => Some(block_size),
                    _ => self.pooled(ptr, size),
                };
                let b = &mut self.live[i % n];
                (b.ptr, b.size, b.pooled) = (ptr, size, pooled);
                b.marks.clear();
            }
            _ => {}
        }
    }

    fn check(&self) {
        self.heap.check_invariants().unwrap();
        let mut walked = Vec::new();
        self.heap
            .for_each_mark(|p| walked.push(p.as_ptr() as usize));
        walked.sort_unstable();
        let mut model: Vec<usize> = self
            .live
            .iter()
            .flat_map(|b| b.marks.iter().map(|o| b.ptr.as_ptr() as usize + o))
            .collect();
        model.sort_unstable();
        assert_eq!(walked, model, "the marks walked");
        assert_eq!(self.heap.mark_count(), model.len());
        for b in &self.live {
            for &o in &b.marks {
                assert!(self.heap.is_marked(b.ptr, o));
            }
        }
    }

    fn finish(mut self) {
        for b in std::mem::take(&mut self.live) {
            // SAFETY: a live block, freed once.
            unsafe { self.heap.free(b.ptr).unwrap() };
        }
        assert_eq!(self.heap.mark_count(), 0);
        self.check();
    }
}

fn run(mode: Mode, ops: &[Op]) {
    let mut h = Harness::new(mode);
    for op in ops {
        h.apply(op);
        h.check();
    }
    h.finish();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn marks_follow_the_model_with_pymalloc(ops in prop::collection::vec(op(), 1..120)) {
        run(Mode::Pymalloc, &ops);
    }

    #[test]
    fn marks_follow_the_model_in_debug_mode(ops in prop::collection::vec(op(), 1..120)) {
        run(Mode::Debug, &ops);
    }

    #[test]
    fn marks_follow_the_model_on_the_system_allocator(ops in prop::collection::vec(op(), 1..120)) {
        run(Mode::SystemOnly, &ops);
    }
}

#[test]
fn only_block_starts_take_marks() {
    let mut heap = Allocator::new();
    let block = heap.malloc(100).unwrap();
    // SAFETY: 16 bytes into a 112-byte block.
    let inner = unsafe { block.byte_add(16) };
    let addr = inner.as_ptr() as usize;
    assert_eq!(heap.mark(inner, 0), Err(MarkError::NotABlock { addr }));
    let stack = 0u128;
    let foreign = NonNull::from(&stack).cast::<u8>();
    assert!(matches!(
        heap.mark(foreign, 0),
        Err(MarkError::NotABlock { .. })
    ));
    assert_eq!(heap.mark(block, 96), Ok(true));
    assert_eq!(heap.mark(block, 96), Ok(false));
    assert!(matches!(
        heap.mark(block, 112),
        Err(MarkError::OutsideBlock { limit: 112, .. })
    ));
    // SAFETY: a live block, freed once.
    unsafe { heap.free(block).unwrap() };
    assert_eq!(heap.mark_count(), 0);
}

#[test]
fn a_million_marks_are_walked_in_address_order_per_arena() {
    let mut heap = Allocator::new();
    let blocks: Vec<_> = (0..1_000_000)
        .map(|i| heap.malloc(16 + (i % 4) * 16).unwrap())
        .collect();
    for &b in &blocks {
        heap.mark(b, 0).unwrap();
    }
    assert_eq!(heap.mark_count(), blocks.len());
    let mut walked = 0;
    heap.for_each_mark(|_| walked += 1);
    assert_eq!(walked, blocks.len());
    for b in blocks {
        // SAFETY: live blocks, freed once.
        unsafe { heap.free(b).unwrap() };
    }
    assert_eq!(heap.mark_count(), 0);
}
