//! The allocators the benchmark compares, behind one small trait so that each workload is
//! compiled once per allocator (no dynamic dispatch in the timed loops).
//!
//! * [`Pyrt`]: `pyrt_allocator::Allocator`, CPython 3.12's pymalloc.
//! * [`Glibc`]: the system allocator, `malloc`/`free` through libc.
//! * [`Mimalloc`]: raw `mi_malloc`/`mi_free`.
//! * [`Bump`]: bumpalo, which never frees: the floor for allocation cost and memory.

use core::ptr::NonNull;

use pyrt_allocator::Allocator;

/// An allocator under test.
pub trait Competitor {
    /// The name printed in the `baseline` column.
    const NAME: &'static str;
    /// Whether blocks can be freed one by one.
    const FREES: bool = true;

    /// Allocates `size` bytes.
    fn alloc(&mut self, size: usize) -> NonNull<u8>;

    /// Frees a block.
    ///
    /// # Safety
    /// `p` must come from `alloc` of this allocator and not be freed yet.
    unsafe fn free(&mut self, p: NonNull<u8>);

    /// Forgets every block at once (only for allocators that cannot free).
    fn reset(&mut self) {}

    /// Returns freed memory to the system if the allocator keeps it.
    fn trim(&mut self) {}
}

/// pyrt's pymalloc.
#[derive(Default)]
pub struct Pyrt(pub Allocator);

impl Competitor for Pyrt {
    const NAME: &'static str = "pyrt";

    #[inline(always)]
    fn alloc(&mut self, size: usize) -> NonNull<u8> {
        match self.0.malloc(size) {
            Ok(p) => p,
            Err(e) => panic!("benchmark allocation failed: {e}"),
        }
    }

    #[inline(always)]
    unsafe fn free(&mut self, p: NonNull<u8>) {
        // SAFETY: forwarded contract.
        let result = unsafe { self.0.free(p) };
        debug_assert!(result.is_ok());
    }

    fn trim(&mut self) {
        self.0.trim();
    }
}

/// glibc's `malloc`.
#[derive(Default)]
pub struct Glibc;

impl Competitor for Glibc {
    const NAME: &'static str = "glibc";

    #[inline(always)]
    fn alloc(&mut self, size: usize) -> NonNull<u8> {
        // SAFETY: malloc has no preconditions.
        NonNull::new(unsafe { libc::malloc(size) }.cast()).expect("malloc failed")
    }

    #[inline(always)]
    unsafe fn free(&mut self, p: NonNull<u8>) {
        // SAFETY: `p` came from malloc and is freed once (caller).
        unsafe { libc::free(p.as_ptr().cast()) }
    }

    fn trim(&mut self) {
        // SAFETY: malloc_trim has no preconditions.
        unsafe { libc::malloc_trim(0) };
    }
}

/// mimalloc, called directly.
#[derive(Default)]
pub struct Mimalloc;

impl Competitor for Mimalloc {
    const NAME: &'static str = "mimalloc";

    #[inline(always)]
    fn alloc(&mut self, size: usize) -> NonNull<u8> {
        // SAFETY: mi_malloc has no preconditions.
        NonNull::new(unsafe { libmimalloc_sys::mi_malloc(size) }.cast()).expect("mi_malloc failed")
    }

    #[inline(always)]
    unsafe fn free(&mut self, p: NonNull<u8>) {
        // SAFETY: `p` came from mi_malloc and is freed once (caller).
        unsafe { libmimalloc_sys::mi_free(p.as_ptr().cast()) }
    }

    fn trim(&mut self) {
        // SAFETY: mi_collect has no preconditions.
        unsafe { libmimalloc_sys::mi_collect(true) };
    }
}

/// bumpalo: allocation is a pointer bump, nothing is freed until `reset`.
#[derive(Default)]
pub struct Bump(pub bumpalo::Bump);

impl Competitor for Bump {
    const NAME: &'static str = "bumpalo";
    const FREES: bool = false;

    #[inline(always)]
    fn alloc(&mut self, size: usize) -> NonNull<u8> {
        let layout = core::alloc::Layout::from_size_align(size.max(1), 16).expect("valid layout");
        self.0.alloc_layout(layout)
    }

    #[inline(always)]
    unsafe fn free(&mut self, _p: NonNull<u8>) {}

    fn reset(&mut self) {
        self.0.reset();
    }
}
