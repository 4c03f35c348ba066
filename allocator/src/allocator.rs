//! The allocator as a whole: CPython's object-domain entry points `_PyObject_Malloc`,
//! `_PyObject_Calloc`, `_PyObject_Realloc` and `_PyObject_Free` (`Objects/obmalloc.c`), with the
//! optional layers that `PYTHONMALLOC=debug` and `tracemalloc` put around them.
//!
//! ```text
//!  Allocator ──► [Tracer: traces, current/peak, hook] ──► [DebugLayer: guards, quarantine]
//!                                                              │
//!                    Core ◄─────────────────────────────────────┘
//!                    ├─ SmallHeap: 1..=512 bytes (pymalloc)
//!                    └─ RawBlocks: 0 and > 512 bytes (system malloc)
//! ```
//!
//! With neither layer on, `malloc` and `free` go straight to the core: one predictable branch
//! on `instrumented` is all the layers cost.

use core::ptr::NonNull;

use crate::arena_source::{ArenaSource, MmapArenas};
use crate::debug::DebugLayer;
use crate::error::{AllocError, HeapFault, InvariantViolation, MarkError};
use crate::marks::{MARK_GRANULE, SideMarks};
use crate::raw::RawBlocks;
use crate::size_class::{ARENA_SIZE, SizeClass};
use crate::small_heap::SmallHeap;
use crate::stats::MallocStats;
use crate::trace::{Tag, Trace, TraceHook, TracedMemory, Tracer};

/// How to build an [`Allocator`].
///
/// # Example
/// ```
/// use pyrt_allocator::{Allocator, Config};
/// let heap = Allocator::with_config(Config::new().debug(true).memory_limit(64 << 20));
/// assert!(heap.is_debug());
/// assert_eq!(heap.memory_limit(), Some(64 << 20));
/// ```
pub struct Config {
    debug: bool,
    pymalloc: bool,
    memory_limit: Option<usize>,
    arena_source: Box<dyn ArenaSource>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            debug: false,
            pymalloc: true,
            memory_limit: None,
            arena_source: Box::new(MmapArenas),
        }
    }
}

impl Config {
    /// pymalloc on `mmap`ed arenas, no debug mode, no limit.
    pub fn new() -> Self {
        Config::default()
    }

    /// Turns the debug mode (guards, fill patterns, fault detection) on or off.
    pub fn debug(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// Turns pymalloc on (the default) or off. Off, every block comes from the system
    /// allocator, as under `PYTHONMALLOC=malloc` (or `malloc_debug` with [`Config::debug`]):
    /// no arenas, no pools, `sys.getallocatedblocks()` is 0.
    pub fn pymalloc(mut self, on: bool) -> Self {
        self.pymalloc = on;
        self
    }

    /// Caps the bytes taken from the system (arenas plus large blocks).
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.memory_limit = Some(bytes);
        self
    }

    /// Takes arenas from `source` instead of `mmap`.
    pub fn arena_source(mut self, source: impl ArenaSource + 'static) -> Self {
        self.arena_source = Box::new(source);
        self
    }
}

/// The undecorated allocator: pymalloc for small requests, the system allocator for the rest.
pub(crate) struct Core {
    small: SmallHeap,
    raw: RawBlocks,
    /// Marks of system-allocator blocks, and of every block in debug mode (keyed by the
    /// block the caller sees).
    side: SideMarks,
    limit: Option<usize>,
    /// pymalloc is off (`PYTHONMALLOC=malloc`): the allocator then always takes its layered
    /// path, whose entries ([`Core::malloc_any`], [`Core::calloc_any`]) send every request to
    /// the system allocator; [`Core::malloc`] and [`Core::calloc`], the fast path's, never see
    /// this mode.
    raw_only: bool,
}

impl Core {
    /// Bytes taken from the system.
    fn memory_in_use(&self) -> usize {
        self.small.arenas().current * ARENA_SIZE + self.raw.bytes()
    }

    fn check_limit(&self, request: usize, needed: usize) -> Result<(), AllocError> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        let in_use = self.memory_in_use();
        if in_use.saturating_add(needed) > limit {
            return Err(AllocError::LimitExceeded {
                request,
                needed,
                in_use,
                limit,
            });
        }
        Ok(())
    }

    /// `_PyObject_Malloc`.
    #[inline(always)]
    pub(crate) fn malloc(&mut self, n: usize) -> Result<NonNull<u8>, AllocError> {
        if let Some(class) = SizeClass::for_request(n) {
            if let Some(p) = self.small.alloc_from_used(class) {
                return Ok(p);
            }
            return self.malloc_from_new_pool(class, n);
        }
        self.malloc_raw(n, false)
    }

    #[cold]
    #[inline(never)]
    fn malloc_from_new_pool(
        &mut self,
        class: SizeClass,
        n: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        if self.small.needs_arena() {
            self.check_limit(n, ARENA_SIZE)?;
            if !self.small.add_arena() {
                return Err(AllocError::OutOfMemory {
                    requested: ARENA_SIZE,
                });
            }
        }
        Ok(self.small.alloc_from_new_pool(class))
    }

    #[inline(never)]
    fn malloc_raw(&mut self, n: usize, zeroed: bool) -> Result<NonNull<u8>, AllocError> {
        self.check_limit(n, n.max(1))?;
        self.raw
            .alloc(n, zeroed)
            .ok_or(AllocError::OutOfMemory { requested: n })
    }

    /// `_PyObject_Malloc` on the layered path: as [`Core::malloc`], or from the system
    /// allocator when pymalloc is off.
    pub(crate) fn malloc_any(&mut self, n: usize) -> Result<NonNull<u8>, AllocError> {
        if self.raw_only {
            return self.malloc_raw(n, false);
        }
        self.malloc(n)
    }

    /// `_PyObject_Calloc` on the layered path: as [`Core::calloc`], or from the system
    /// allocator when pymalloc is off.
    pub(crate) fn calloc_any(&mut self, n: usize) -> Result<NonNull<u8>, AllocError> {
        if self.raw_only {
            return self.malloc_raw(n, true);
        }
        self.calloc(n)
    }

    /// `_PyObject_Calloc` for `n` bytes.
    pub(crate) fn calloc(&mut self, n: usize) -> Result<NonNull<u8>, AllocError> {
        if SizeClass::for_request(n).is_some() {
            let p = self.malloc(n)?;
            // SAFETY: a fresh block of at least `n` bytes.
            unsafe { p.as_ptr().write_bytes(0, n) };
            return Ok(p);
        }
        self.malloc_raw(n, true)
    }

    /// `_PyObject_Free`. A pointer outside the arenas that is not a live large block is
    /// reported as [`HeapFault::NotOwned`].
    ///
    /// # Safety
    /// If `p` lies in one of the arenas it must be a live block, freed only once.
    #[inline(always)]
    pub(crate) unsafe fn free(&mut self, p: NonNull<u8>) -> Result<(), AllocError> {
        if self.small.owns(p) {
            // SAFETY: a live block of the small heap (caller).
            unsafe { self.small.free(p) };
            return Ok(());
        }
        self.free_raw(p)
    }

    #[inline(never)]
    fn free_raw(&mut self, p: NonNull<u8>) -> Result<(), AllocError> {
        if self.raw.free(p) {
            self.side.forget(p);
            Ok(())
        } else {
            Err(HeapFault::NotOwned {
                addr: p.addr().get(),
            }
            .into())
        }
    }

    /// `_PyObject_Realloc` of a live block: kept in place when the new size stays in the block's
    /// class and shrinks it by less than a quarter, otherwise moved (between pymalloc and the
    /// system allocator as the size requires). A system-allocator block stays there. On failure
    /// `p` is unchanged.
    ///
    /// # Safety
    /// As for [`Core::free`].
    pub(crate) unsafe fn realloc(
        &mut self,
        p: NonNull<u8>,
        n: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        if self.small.owns(p) {
            // SAFETY: a live small block (caller).
            let size = unsafe { self.small.block_size(p) };
            let mut copy = size;
            if n <= size {
                if 4 * n > 3 * size {
                    // SAFETY: a live small block (caller).
                    unsafe { self.small.unmark_block(p) };
                    return Ok(p);
                }
                copy = n;
            }
            let q = self.malloc(n)?;
            // SAFETY: distinct live blocks of at least `copy` bytes each; `p` is then freed once.
            unsafe {
                core::ptr::copy_nonoverlapping(p.as_ptr(), q.as_ptr(), copy);
                self.small.free(p);
            }
            return Ok(q);
        }
        let not_owned = HeapFault::NotOwned {
            addr: p.addr().get(),
        };
        let old = self.raw.size_of(p).ok_or(not_owned.clone())?;
        if n.max(1) > old {
            self.check_limit(n, n.max(1) - old)?;
        }
        match self.raw.realloc(p, n) {
            Ok(Some(q)) => {
                self.side.forget(p);
                Ok(q)
            }
            Ok(None) => Err(AllocError::OutOfMemory { requested: n }),
            Err(()) => Err(not_owned.into()),
        }
    }

    /// Every block handed out and not freed (a walk of the whole heap: for checks only).
    pub(crate) fn live_block_set(&self) -> hashbrown::HashSet<NonNull<u8>> {
        let mut set = hashbrown::HashSet::new();
        self.small.for_each_live_block(|p, _| {
            set.insert(p);
        });
        set.extend(self.raw.iter().map(|(p, _)| p));
        set
    }
}

/// pymalloc, as in CPython 3.12, with its debug mode and allocation tracing.
///
/// `Allocator` is single-threaded like CPython's allocator under the GIL: it can move between
/// threads but every call needs `&mut`. Dropping it returns every arena and large block to the
/// system, so no block may be used after the allocator is gone.
///
/// # Example
/// ```
/// use pyrt_allocator::Allocator;
/// let mut heap = Allocator::new();
/// let p = heap.malloc(24)?;                       // a 32-byte block of size class 1
/// let p = unsafe { heap.realloc(Some(p), 30)? };  // same class: stays in place
/// unsafe { heap.free(p)? };
/// heap.check_invariants().unwrap();
/// # Ok::<(), pyrt_allocator::AllocError>(())
/// ```
pub struct Allocator {
    core: Core,
    debug: Option<DebugLayer>,
    tracer: Option<Tracer>,
    hook: Option<TraceHook>,
    /// `debug.is_some() || tracer.is_some()`, or pymalloc off: whether calls take the
    /// layered path.
    instrumented: bool,
}

// SAFETY: the allocator exclusively owns every arena, block and table its pointers reach; it
// uses no thread-local or shared state, and the arena source and hook are `Send`.
unsafe impl Send for Allocator {}

impl Default for Allocator {
    fn default() -> Self {
        Allocator::new()
    }
}

impl Allocator {
    /// pymalloc on `mmap`ed arenas, as CPython runs by default.
    pub fn new() -> Self {
        Allocator::with_config(Config::new())
    }

    /// An allocator built as `config` says.
    pub fn with_config(config: Config) -> Self {
        let debug = config.debug.then(DebugLayer::new);
        Allocator {
            instrumented: debug.is_some() || !config.pymalloc,
            core: Core {
                small: SmallHeap::new(config.arena_source),
                raw: RawBlocks::default(),
                side: SideMarks::default(),
                limit: config.memory_limit,
                raw_only: !config.pymalloc,
            },
            debug,
            tracer: None,
            hook: None,
        }
    }

    /// Whether pymalloc serves the small requests (off under `PYTHONMALLOC=malloc`).
    pub fn is_pymalloc(&self) -> bool {
        !self.core.raw_only
    }

    /// Whether the debug mode is on.
    pub fn is_debug(&self) -> bool {
        self.debug.is_some()
    }

    /// Allocates `size` bytes, 16-byte aligned (`PyObject_Malloc`). Sizes of 1 to 512 come from
    /// pools; 0 and larger sizes from the system allocator. Fresh memory is uninitialised
    /// (filled with 0xcd in debug mode).
    ///
    /// # Errors
    /// [`AllocError::LimitExceeded`] past the memory limit, [`AllocError::OutOfMemory`] when the
    /// system refuses; the heap is unchanged either way.
    ///
    /// # Example
    /// ```
    /// let mut heap = pyrt_allocator::Allocator::new();
    /// let p = heap.malloc(100).unwrap();
    /// assert_eq!(p.as_ptr() as usize % 16, 0);
    /// assert!(heap.owns(p));
    /// unsafe { heap.free(p).unwrap() };
    /// ```
    #[inline]
    pub fn malloc(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        if !self.instrumented {
            return self.core.malloc(size);
        }
        self.alloc_layered(size, false, Tag::NONE)
    }

    /// [`Allocator::malloc`] with a tag that tracing records.
    ///
    /// # Errors
    /// As [`Allocator::malloc`].
    #[inline]
    pub fn malloc_tagged(&mut self, size: usize, tag: Tag) -> Result<NonNull<u8>, AllocError> {
        if !self.instrumented {
            return self.core.malloc(size);
        }
        self.alloc_layered(size, false, tag)
    }

    /// [`Allocator::malloc_tagged`] of a block marked `offset` bytes in at once (see
    /// [`Allocator::mark`]): meant for pyrt's object layer, marking where each object starts
    /// after its pre-header. On the uninstrumented path a request of at most 512 bytes is a
    /// pool block, so the mark needs no arena-map lookup.
    ///
    /// # Example
    /// ```
    /// use pyrt_allocator::{Allocator, Tag};
    /// let mut heap = Allocator::new();
    /// let block = heap.malloc_marked(64, 16, Tag::NONE)?;
    /// assert!(heap.is_marked(block, 16) && !heap.is_marked(block, 0));
    /// unsafe { heap.free(block)? };
    /// assert_eq!(heap.mark_count(), 0);
    /// # Ok::<(), pyrt_allocator::AllocError>(())
    /// ```
    ///
    /// # Errors
    /// As [`Allocator::malloc`].
    ///
    /// # Panics
    /// In debug builds, if `offset` is not a multiple of [`MARK_GRANULE`] below `size` and
    /// below 1024.
    #[inline]
    pub fn malloc_marked(
        &mut self,
        size: usize,
        offset: usize,
        tag: Tag,
    ) -> Result<NonNull<u8>, AllocError> {
        debug_assert!(
            offset.is_multiple_of(MARK_GRANULE) && offset < size && offset < 1024,
            "mark offset {offset} for a {size}-byte block"
        );
        if !self.instrumented && SizeClass::for_request(size).is_some() {
            let p = self.core.malloc(size)?;
            self.core.small.mark(p, p.addr().get() + offset);
            return Ok(p);
        }
        let p = self.malloc_tagged(size, tag)?;
        // SAFETY: a block just handed out, of `size` bytes; `offset` as asserted above (the
        // object layer's pre-headers are 0, 16 or 32 bytes before at least a 16-byte header).
        unsafe { self.mark_unchecked(p, offset) };
        Ok(p)
    }

    /// Allocates `nelem * elsize` zeroed bytes (`PyObject_Calloc`).
    ///
    /// # Errors
    /// [`AllocError::SizeOverflow`] if the product overflows, else as [`Allocator::malloc`].
    ///
    /// # Example
    /// ```
    /// let mut heap = pyrt_allocator::Allocator::new();
    /// let p = heap.calloc(4, 8).unwrap();
    /// assert_eq!(unsafe { *p.as_ptr().cast::<[u64; 4]>() }, [0; 4]);
    /// unsafe { heap.free(p).unwrap() };
    /// ```
    pub fn calloc(&mut self, nelem: usize, elsize: usize) -> Result<NonNull<u8>, AllocError> {
        self.calloc_tagged(nelem, elsize, Tag::NONE)
    }

    /// [`Allocator::calloc`] with a tag that tracing records.
    ///
    /// # Errors
    /// As [`Allocator::calloc`].
    pub fn calloc_tagged(
        &mut self,
        nelem: usize,
        elsize: usize,
        tag: Tag,
    ) -> Result<NonNull<u8>, AllocError> {
        let n = nelem
            .checked_mul(elsize)
            .ok_or(AllocError::SizeOverflow { nelem, elsize })?;
        if !self.instrumented {
            return self.core.calloc(n);
        }
        self.alloc_layered(n, true, tag)
    }

    #[inline(never)]
    fn alloc_layered(
        &mut self,
        n: usize,
        zeroed: bool,
        tag: Tag,
    ) -> Result<NonNull<u8>, AllocError> {
        let p = match &mut self.debug {
            Some(debug) => debug.alloc(&mut self.core, n, zeroed)?,
            None if zeroed => self.core.calloc_any(n)?,
            None => self.core.malloc_any(n)?,
        };
        if let Some(tracer) = &mut self.tracer {
            tracer.on_alloc(p, n, tag, &mut self.hook);
        }
        Ok(p)
    }

    /// Frees a block (`PyObject_Free`).
    ///
    /// # Errors
    /// [`HeapFault::NotOwned`] for a pointer outside the arenas that is not a live large block,
    /// in any mode. In debug mode also [`HeapFault::DoubleFree`], [`HeapFault::NotOwned`] for any
    /// pointer that is not a live block, [`HeapFault::WritePastEnd`] and
    /// [`HeapFault::WriteBeforeStart`] for damaged guards (the block is then withheld, never
    /// reused), and [`HeapFault::WriteAfterFree`] for an earlier freed block whose dead pattern
    /// was found overwritten (this free itself completed).
    ///
    /// # Safety
    /// Unless the debug mode is on, `p` must be a live block of this allocator or a pointer
    /// outside its arenas: freeing a block twice, or an interior pointer, corrupts the heap as
    /// it does in CPython. In debug mode every misuse is detected and reported.
    #[inline]
    pub unsafe fn free(&mut self, p: NonNull<u8>) -> Result<(), AllocError> {
        if !self.instrumented {
            // SAFETY: forwarded contract.
            return unsafe { self.core.free(p) };
        }
        // SAFETY: forwarded contract.
        unsafe { self.free_layered(p) }
    }

    /// [`Allocator::free`] of a block the caller knows to be small: one that [`Allocator::malloc`]
    /// returned for a request of 1 to 512 bytes, which pymalloc always serves (its failures are
    /// `OutOfMemory`, never a fall back to the system allocator). Without the debug and tracing
    /// layers the block goes straight back to its pool, without `address_in_range`'s arena map
    /// lookup; with them it takes [`Allocator::free`]'s path.
    ///
    /// # Errors
    /// As [`Allocator::free`], with the layers on.
    ///
    /// # Safety
    /// As [`Allocator::free`], and `p` must have been allocated by this allocator for a request
    /// of 1 to 512 bytes.
    #[inline]
    pub unsafe fn free_small(&mut self, p: NonNull<u8>) -> Result<(), AllocError> {
        if !self.instrumented {
            debug_assert!(
                self.core.small.owns(p),
                "free_small of a block outside the arenas"
            );
            // SAFETY: a live block of the small heap (caller).
            unsafe { self.core.small.free(p) };
            return Ok(());
        }
        // SAFETY: forwarded contract.
        unsafe { self.free_layered(p) }
    }

    /// # Safety
    /// As [`Allocator::free`].
    #[inline(never)]
    unsafe fn free_layered(&mut self, p: NonNull<u8>) -> Result<(), AllocError> {
        let result = match &mut self.debug {
            Some(debug) => {
                if debug.size_of(p).is_some() {
                    self.core.side.forget(p);
                }
                debug.free(&mut self.core, p)
            }
            // SAFETY: forwarded contract.
            None => unsafe { self.core.free(p) },
        };
        let released = !matches!(
            result,
            Err(AllocError::Fault(
                HeapFault::NotOwned { .. } | HeapFault::DoubleFree { .. }
            ))
        );
        if let (true, Some(tracer)) = (released, &mut self.tracer) {
            tracer.on_free(p, &mut self.hook);
        }
        result
    }

    /// Resizes a block (`PyObject_Realloc`); `None` allocates. Same class and a shrink of less
    /// than a quarter keep the block in place; otherwise the data moves to a block of the new
    /// size, crossing between pymalloc and the system allocator at 512 bytes. A block from the
    /// system allocator stays there, as in CPython.
    ///
    /// # Errors
    /// As [`Allocator::malloc`] (then `p` is still valid and unchanged) and, for `p` itself, as
    /// [`Allocator::free`].
    ///
    /// # Safety
    /// As [`Allocator::free`] for `p`. On success `p` must no longer be used unless it was
    /// returned.
    pub unsafe fn realloc(
        &mut self,
        p: Option<NonNull<u8>>,
        size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: forwarded contract.
        unsafe { self.realloc_tagged(p, size, Tag::NONE) }
    }

    /// [`Allocator::realloc`] with a tag that tracing records for the new block.
    ///
    /// # Errors
    /// As [`Allocator::realloc`].
    ///
    /// # Safety
    /// As [`Allocator::realloc`].
    pub unsafe fn realloc_tagged(
        &mut self,
        p: Option<NonNull<u8>>,
        size: usize,
        tag: Tag,
    ) -> Result<NonNull<u8>, AllocError> {
        let Some(p) = p else {
            return self.malloc_tagged(size, tag);
        };
        let q = match &mut self.debug {
            Some(debug) => {
                let q = debug.realloc(&mut self.core, p, size)?;
                self.core.side.forget(p);
                q
            }
            // SAFETY: forwarded contract.
            None => unsafe { self.core.realloc(p, size)? },
        };
        if let Some(tracer) = &mut self.tracer {
            tracer.on_free(p, &mut self.hook);
            tracer.on_alloc(q, size, tag, &mut self.hook);
        }
        Ok(q)
    }

    /// Marks the address `offset` bytes into `block`, so that [`Allocator::for_each_mark`]
    /// finds it until it is unmarked or the block is freed or reallocated (see `marks`).
    /// Returns whether it was unmarked before.
    ///
    /// # Errors
    /// [`MarkError::NotABlock`] unless `block` is the start of a block this allocator handed
    /// out (for a pool block, of a block of an initialised pool: whether it is handed out is
    /// not checked), [`MarkError::Misaligned`] unless `offset` is a multiple of
    /// [`MARK_GRANULE`], [`MarkError::OutsideBlock`] past the block's end (or past 1024 bytes
    /// for blocks outside the pools).
    ///
    /// # Example
    /// ```
    /// use pyrt_allocator::Allocator;
    /// let mut heap = Allocator::new();
    /// let block = heap.malloc(48)?;
    /// assert_eq!(heap.mark(block, 16), Ok(true));
    /// let mut marked = Vec::new();
    /// heap.for_each_mark(|p| marked.push(p.as_ptr() as usize - block.as_ptr() as usize));
    /// assert_eq!(marked, [16]);
    /// unsafe { heap.free(block)? };
    /// assert_eq!(heap.mark_count(), 0);
    /// # Ok::<(), pyrt_allocator::AllocError>(())
    /// ```
    pub fn mark(&mut self, block: NonNull<u8>, offset: usize) -> Result<bool, MarkError> {
        self.check_mark(block, offset)?;
        // SAFETY: just checked.
        Ok(unsafe { self.mark_unchecked(block, offset) })
    }

    /// [`Allocator::mark`] without the checks: for a caller that marks the blocks it has just
    /// allocated (pyrt's object layer, once per object).
    ///
    /// # Safety
    /// `block` must be a live block of this allocator, and `offset` a multiple of
    /// [`MARK_GRANULE`] below the block's size and below 1024.
    #[inline]
    pub unsafe fn mark_unchecked(&mut self, block: NonNull<u8>, offset: usize) -> bool {
        if self.debug.is_none() && self.core.small.owns(block) {
            return self.core.small.mark(block, block.addr().get() + offset);
        }
        self.core.side.set(block, offset / MARK_GRANULE)
    }

    /// Removes the mark `offset` bytes into `block`. Returns whether it was marked.
    ///
    /// # Errors
    /// As [`Allocator::mark`].
    pub fn unmark(&mut self, block: NonNull<u8>, offset: usize) -> Result<bool, MarkError> {
        self.check_mark(block, offset)?;
        if self.debug.is_none() && self.core.small.owns(block) {
            return Ok(self.core.small.unmark(block, block.addr().get() + offset));
        }
        Ok(self.core.side.clear(block, offset / MARK_GRANULE))
    }

    /// Whether the address `offset` bytes into `block` is marked (`false` where
    /// [`Allocator::mark`] would refuse it).
    pub fn is_marked(&self, block: NonNull<u8>, offset: usize) -> bool {
        if self.check_mark(block, offset).is_err() {
            return false;
        }
        if self.debug.is_none() && self.core.small.owns(block) {
            return self
                .core
                .small
                .is_marked(block, block.addr().get() + offset);
        }
        self.core.side.is_set(block, offset / MARK_GRANULE)
    }

    /// The number of marks.
    pub fn mark_count(&self) -> usize {
        self.core.small.mark_count() + self.core.side.count()
    }

    /// Calls `f` with every marked address: those of the pools arena by arena in address
    /// order, then those of other blocks.
    pub fn for_each_mark(&self, mut f: impl FnMut(NonNull<u8>)) {
        self.core.small.for_each_mark(&mut f);
        self.core.side.for_each(&mut f);
    }

    /// Every mark lies inside a live block, and there are `mark_count()` of them.
    fn check_marks(&self) -> Result<(), String> {
        let mut blocks = Vec::new();
        self.for_each_live_block(|p, n| blocks.push((p.addr().get(), n.max(1))));
        blocks.sort_unstable();
        let mut walked = 0;
        let mut stray = None;
        self.for_each_mark(|p| {
            walked += 1;
            let a = p.addr().get();
            let i = blocks.partition_point(|&(start, _)| start <= a);
            if i == 0 || a >= blocks[i - 1].0 + blocks[i - 1].1 {
                stray.get_or_insert(a);
            }
        });
        if let Some(a) = stray {
            return Err(format!("mark {a:#x} is in no live block"));
        }
        if walked != self.mark_count() {
            return Err(format!(
                "{walked} marks walked, {} counted",
                self.mark_count()
            ));
        }
        Ok(())
    }

    /// Why `block` and `offset` cannot take a mark, if they cannot.
    fn check_mark(&self, block: NonNull<u8>, offset: usize) -> Result<(), MarkError> {
        let addr = block.addr().get();
        let limit = match &self.debug {
            Some(debug) => debug.size_of(block).map(|n| n.min(1024)),
            None => self
                .core
                .small
                .block_start_size(block)
                .or_else(|| self.core.raw.size_of(block).map(|n| n.min(1024))),
        }
        .ok_or(MarkError::NotABlock { addr })?;
        if !offset.is_multiple_of(MARK_GRANULE) {
            return Err(MarkError::Misaligned { offset });
        }
        if offset >= limit {
            return Err(MarkError::OutsideBlock {
                addr,
                offset,
                limit,
            });
        }
        Ok(())
    }

    /// Whether `p` points into one of the pymalloc arenas (`address_in_range`, constant time).
    /// Blocks from the system allocator are not in an arena.
    pub fn owns(&self, p: NonNull<u8>) -> bool {
        let offset = if self.debug.is_some() {
            crate::debug::DEBUG_HEADER_BYTES
        } else {
            0
        };
        NonNull::new(p.as_ptr().wrapping_byte_sub(offset))
            .is_some_and(|block| self.core.small.owns(block))
    }

    /// A snapshot of the statistics (what `sys._debugmallocstats()` prints, as its `Display`).
    pub fn stats(&self) -> MallocStats {
        MallocStats::collect(
            &self.core.small,
            self.core.raw.count(),
            self.core.raw.bytes(),
        )
    }

    /// Blocks the object allocator has handed out and not taken back
    /// (`sys.getallocatedblocks()`, `_PyInterpreterState_GetAllocatedBlocks`: the blocks in use
    /// of every pool, plus `raw_allocated_blocks`, the blocks over 512 bytes `_PyObject_Malloc`
    /// passed to the raw allocator). Blocks the debug mode holds in quarantine are freed blocks
    /// to the caller and are not counted; with pymalloc off the answer is 0, as CPython's under
    /// `PYTHONMALLOC=malloc` (no block goes through `_PyObject_Malloc`).
    pub fn allocated_blocks(&self) -> usize {
        if !self.is_pymalloc() {
            return 0;
        }
        let in_pools: usize = self.stats().classes().iter().map(|c| c.blocks_in_use).sum();
        let mut quarantined = 0;
        self.for_each_quarantined_block(|_, _| quarantined += 1);
        in_pools + self.core.raw.count() - quarantined
    }

    /// Bytes taken from the system: mapped arenas plus large blocks.
    pub fn memory_in_use(&self) -> usize {
        self.core.memory_in_use()
    }

    /// The memory limit, if any.
    pub fn memory_limit(&self) -> Option<usize> {
        self.core.limit
    }

    /// Sets or removes the memory limit. Memory already in use is kept even if over the limit.
    pub fn set_memory_limit(&mut self, limit: Option<usize>) {
        self.core.limit = limit;
    }

    /// Gives back to the system the wholly free arena that pymalloc keeps to avoid thrashing
    /// (bpo-37257), like `malloc_trim`. Returns the number of arenas released.
    pub fn trim(&mut self) -> usize {
        self.core.small.trim()
    }

    /// Calls `f(address, size)` for every live block: the requested size in debug mode and for
    /// system-allocator blocks, the block size for pool blocks. The basis of heap inspection.
    pub fn for_each_live_block(&self, mut f: impl FnMut(NonNull<u8>, usize)) {
        if let Some(debug) = &self.debug {
            debug.live_blocks().for_each(|(p, n)| f(p, n));
            return;
        }
        self.core.small.for_each_live_block(&mut f);
        self.core.raw.iter().for_each(|(p, n)| f(p, n));
    }

    /// In debug mode, calls `f(address, size)` for every freed block still held in quarantine
    /// (filled with 0xdd, not yet given back to pymalloc).
    pub fn for_each_quarantined_block(&self, mut f: impl FnMut(NonNull<u8>, usize)) {
        if let Some(debug) = &self.debug {
            debug.quarantined_blocks().for_each(|(p, n)| f(p, n));
        }
    }

    /// In debug mode, checks the dead pattern of every quarantined block and gives them all back
    /// to pymalloc.
    ///
    /// # Errors
    /// The first write after free found; every block is given back all the same.
    pub fn flush_quarantine(&mut self) -> Result<(), HeapFault> {
        match &mut self.debug {
            Some(debug) => debug.flush(&mut self.core),
            None => Ok(()),
        }
    }

    /// Checks every internal structure: arena lists and their order, `nfp2lasta`, every pool's
    /// counts and free list, the used-pool lists, the arena map, the large-block table and, in
    /// debug mode, the debug bookkeeping. Walks the whole heap.
    ///
    /// # Errors
    /// The first broken invariant found.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        self.core.small.check().map_err(InvariantViolation)?;
        self.core.raw.check().map_err(InvariantViolation)?;
        self.check_marks().map_err(InvariantViolation)?;
        if let Some(debug) = &self.debug {
            debug.check(&self.core).map_err(InvariantViolation)?;
            let core_blocks = self.stats().allocated_blocks();
            if core_blocks != debug.core_blocks() {
                return Err(InvariantViolation(format!(
                    "{core_blocks} blocks allocated, debug layer accounts for {}",
                    debug.core_blocks()
                )));
            }
        }
        Ok(())
    }

    /// In debug mode, checks the guards of every live block and the dead pattern of every
    /// recently freed one. Without the debug mode there is nothing to check.
    ///
    /// # Errors
    /// The first fault found.
    pub fn verify_heap(&self) -> Result<(), HeapFault> {
        self.debug.as_ref().map_or(Ok(()), DebugLayer::verify)
    }

    /// Starts tracing: from now on allocations are recorded (`tracemalloc.start()`).
    pub fn start_tracing(&mut self) {
        if self.tracer.is_none() {
            self.tracer = Some(Tracer::default());
            self.instrumented = true;
        }
    }

    /// Stops tracing and forgets every trace (`tracemalloc.stop()`).
    pub fn stop_tracing(&mut self) {
        self.tracer = None;
        self.instrumented = self.debug.is_some() || self.core.raw_only;
    }

    /// Whether tracing is on (`tracemalloc.is_tracing()`).
    pub fn is_tracing(&self) -> bool {
        self.tracer.is_some()
    }

    /// Current and peak traced bytes (`tracemalloc.get_traced_memory()`); zeros when off.
    pub fn traced_memory(&self) -> TracedMemory {
        self.tracer
            .as_ref()
            .map_or_else(TracedMemory::default, Tracer::memory)
    }

    /// Sets the peak to the current traced bytes (`tracemalloc.reset_peak()`).
    pub fn reset_peak(&mut self) {
        if let Some(tracer) = &mut self.tracer {
            tracer.reset_peak();
        }
    }

    /// Forgets the traces recorded so far and zeroes the counters (`tracemalloc.clear_traces()`).
    pub fn clear_traces(&mut self) {
        if let Some(tracer) = &mut self.tracer {
            tracer.clear();
        }
    }

    /// The trace of the live traced block at `p` (`tracemalloc`'s `_get_object_traceback`
    /// looks up the block an object starts), if tracing recorded one.
    pub fn trace_at(&self, p: NonNull<u8>) -> Option<Trace> {
        self.tracer.as_ref()?.trace_at(p.addr().get())
    }

    /// How many live blocks tracing has recorded (0 when off).
    pub fn trace_count(&self) -> usize {
        self.tracer.as_ref().map_or(0, Tracer::len)
    }

    /// The live traced blocks, in no particular order.
    pub fn traces(&self) -> Vec<Trace> {
        self.tracer
            .as_ref()
            .map_or_else(Vec::new, |t| t.traces().collect())
    }

    /// Sets (or, with `None`, removes) the hook that observes every traced event.
    ///
    /// # Example
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use pyrt_allocator::{Allocator, Tag, TraceEvent};
    /// let events = Arc::new(Mutex::new(Vec::new()));
    /// let sink = events.clone();
    /// let mut heap = Allocator::new();
    /// heap.set_trace_hook(Some(Box::new(move |e: &TraceEvent| sink.lock().unwrap().push(*e))));
    /// heap.start_tracing();
    /// let p = heap.malloc_tagged(40, Tag(7)).unwrap();
    /// unsafe { heap.free(p).unwrap() };
    /// let addr = p.as_ptr() as usize;
    /// assert_eq!(*events.lock().unwrap(), [
    ///     TraceEvent::Alloc { addr, size: 40, tag: Tag(7) },
    ///     TraceEvent::Free { addr, size: 40, tag: Tag(7) },
    /// ]);
    /// ```
    pub fn set_trace_hook(&mut self, hook: Option<TraceHook>) {
        self.hook = hook;
    }
}

#[cfg(test)]
mod free_small_tests {
    use super::*;

    /// Allocates blocks of every small size, frees half with `free` and half with
    /// `free_small`, and returns the statistics and traced memory afterwards.
    fn churn(heap: &mut Allocator, small: bool) -> (MallocStats, TracedMemory) {
        let blocks: Vec<_> = (1..=512).map(|n| heap.malloc(n).unwrap()).collect();
        for (i, p) in blocks.into_iter().enumerate() {
            // SAFETY: each block is live, from a request of 1 to 512 bytes, freed once.
            let freed = unsafe {
                if small && i % 2 == 0 {
                    heap.free_small(p)
                } else {
                    heap.free(p)
                }
            };
            assert!(freed.is_ok());
        }
        (heap.stats(), heap.traced_memory())
    }

    #[test]
    fn free_small_leaves_the_heap_as_free_does() {
        for tracing in [false, true] {
            let (mut plain, mut direct) = (Allocator::new(), Allocator::new());
            if tracing {
                plain.start_tracing();
                direct.start_tracing();
            }
            let a = churn(&mut plain, false);
            let b = churn(&mut direct, true);
            // Where the OS maps each arena decides whether its first pool is lost to
            // alignment (`misaligned_arenas`, one pool fewer unused): the two heaps' arenas
            // may differ there, so that part is compared as the sum it is.
            let aligned = |s: &MallocStats| {
                let mut s = s.clone();
                s.unused_pools += s.misaligned_arenas;
                s.misaligned_arenas = 0;
                s
            };
            assert_eq!(
                aligned(&a.0),
                aligned(&b.0),
                "statistics, tracing {tracing}"
            );
            assert_eq!(a.1, b.1, "traced memory, tracing {tracing}");
            assert!(direct.check_invariants().is_ok());
        }
    }

    #[test]
    fn without_pymalloc_every_block_comes_from_the_system() {
        for debug in [false, true] {
            let mut heap = Allocator::with_config(Config::new().pymalloc(false).debug(debug));
            assert!(!heap.is_pymalloc() && heap.is_debug() == debug);
            let small: Vec<_> = (1..=512)
                .step_by(37)
                .map(|n| heap.malloc(n).unwrap())
                .collect();
            assert!(small.iter().all(|p| !heap.owns(*p)), "debug {debug}");
            assert_eq!(heap.stats().arenas_allocated_current, 0);
            assert_eq!(heap.allocated_blocks(), 0);
            let zeroed = heap.calloc(3, 8).unwrap();
            // SAFETY: a live 24-byte block.
            assert_eq!(unsafe { *zeroed.as_ptr().cast::<[u64; 3]>() }, [0; 3]);
            // SAFETY: live blocks of this heap, freed once; the realloc'd one is freed after.
            unsafe {
                let grown = heap.realloc(Some(zeroed), 100).unwrap();
                assert!(!heap.owns(grown));
                heap.free(grown).unwrap();
                for p in small {
                    heap.free(p).unwrap();
                }
            }
            heap.start_tracing();
            heap.stop_tracing();
            let p = heap.malloc(8).unwrap();
            assert!(!heap.owns(p), "still off after tracing, debug {debug}");
            // SAFETY: a live block, freed once.
            unsafe { heap.free(p).unwrap() };
            assert!(heap.check_invariants().is_ok());
        }
        let mut heap = Allocator::new();
        assert!(heap.is_pymalloc());
        let blocks: Vec<_> = (0..10).map(|_| heap.malloc(24).unwrap()).collect();
        let big = heap.malloc(1000).unwrap();
        assert_eq!(
            heap.allocated_blocks(),
            11,
            "large blocks count, as raw_allocated_blocks"
        );
        // SAFETY: live blocks, freed once.
        unsafe {
            heap.free(big).unwrap();
            for p in blocks {
                heap.free(p).unwrap();
            }
        }
        assert_eq!(heap.allocated_blocks(), 0);
    }

    #[test]
    fn free_small_in_debug_mode_still_catches_a_double_free() {
        let mut heap = Allocator::with_config(Config::new().debug(true));
        let p = heap.malloc(24).unwrap();
        // SAFETY: a live 24-byte block; the second free is the misuse debug mode reports.
        unsafe {
            assert!(heap.free_small(p).is_ok());
            assert!(heap.free_small(p).is_err());
        }
    }
}
