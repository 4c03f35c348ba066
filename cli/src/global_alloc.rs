//! The `pyrt` binary's global allocator: mimalloc for the Rust-side allocations (the `String`s,
//! `Vec`s and `Box`es of the compiler, the VM and the built-ins).
//!
//! Python objects never come from here: they live in pyrt's pymalloc arenas (`pyrt-allocator`),
//! as CPython's do in obmalloc, and its large blocks come from libc `malloc`, as CPython's
//! `PyMem_RawMalloc` does; so `sys._debugmallocstats()`, `sys.getsizeof` and the GC counts are
//! unchanged. Only the Rust heap's temporaries get a faster allocator, which is what the
//! `malloc`/`_int_free` rows of `perf` profiles of `strings.py` and `dict_words.py` were.

use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;

/// mimalloc as a [`GlobalAlloc`] (the `mimalloc` crate's `MiMalloc`, over `libmimalloc-sys`).
pub struct MiMalloc;

// SAFETY: every method forwards to mimalloc's aligned API, which returns blocks of at least the
// requested size and alignment (or null on failure) and frees/reallocates blocks it returned;
// `dealloc` and `realloc` only receive pointers this allocator returned (the `GlobalAlloc`
// contract).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mi_malloc_aligned has no preconditions (a power-of-two alignment, which
        // `Layout` guarantees).
        unsafe { libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast() }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe { libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator and is freed once (caller, `GlobalAlloc`).
        unsafe { libmimalloc_sys::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (caller, `GlobalAlloc`).
        unsafe {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align())
                .cast()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_requested_size_and_alignment() {
        let a = MiMalloc;
        for (size, align) in [(1, 1), (24, 8), (100, 64), (4096, 4096)] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a non-zero-sized layout; the block is written within its size, grown
            // with the same layout, then freed once.
            unsafe {
                let p = a.alloc_zeroed(layout);
                assert!(!p.is_null());
                assert_eq!(p.addr() % align, 0);
                assert!(core::slice::from_raw_parts(p, size).iter().all(|&b| b == 0));
                p.write_bytes(0xab, size);
                let q = a.realloc(p, layout, size * 2);
                assert_eq!(q.addr() % align, 0);
                assert!(
                    core::slice::from_raw_parts(q, size)
                        .iter()
                        .all(|&b| b == 0xab)
                );
                a.dealloc(q, Layout::from_size_align(size * 2, align).unwrap());
            }
        }
    }
}
