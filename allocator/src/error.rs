//! The allocator's typed errors. `AllocError` is what a request can fail with (it becomes
//! Python's `MemoryError` in the runtime); `HeapFault` is a misuse of the heap found by a check
//! (CPython's debug hooks print such faults and abort; here they are values).

use thiserror::Error;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AllocError {
    /// The operating system refused memory (`mmap` or `malloc` failed).
    #[error("out of memory: the system refused {requested} bytes")]
    OutOfMemory {
        /// Bytes asked of the system.
        requested: usize,
    },
    /// Serving the request would take the allocator past its configured memory limit.
    #[error(
        "memory limit exceeded: a request of {request} bytes needs {needed} more bytes from the \
         system, {in_use} of the {limit}-byte limit are in use"
    )]
    LimitExceeded {
        /// Bytes the caller asked for.
        request: usize,
        /// Bytes that would have been taken from the system (an arena, or the block itself).
        needed: usize,
        /// Bytes taken from the system before the request.
        in_use: usize,
        /// The limit.
        limit: usize,
    },
    /// `nelem * elsize` (or a size plus the debug guards) does not fit in a `usize`.
    #[error("allocation size overflows: {nelem} elements of {elsize} bytes")]
    SizeOverflow {
        /// Number of elements.
        nelem: usize,
        /// Size of each.
        elsize: usize,
    },
    /// A misuse of the heap was detected.
    #[error(transparent)]
    Fault(#[from] HeapFault),
}

/// A misuse of the heap, found by the debug mode's checks (or, for [`HeapFault::NotOwned`], by
/// any mode). The message names the block, its size and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HeapFault {
    /// A byte after the end of the block was overwritten.
    #[error(
        "write past the end of block {addr:#x} ({size} bytes): trailing guard byte {offset} is \
         {found:#04x}, expected 0xfd"
    )]
    WritePastEnd {
        /// The block's address.
        addr: usize,
        /// The size it was requested with.
        size: usize,
        /// Index of the first damaged guard byte after the block.
        offset: usize,
        /// The value found there.
        found: u8,
    },
    /// A byte just before the block (its header guard) was overwritten.
    #[error(
        "write before the start of block {addr:#x} ({size} bytes): header byte at \
         offset -{distance} is {found:#04x}, expected {expected:#04x}"
    )]
    WriteBeforeStart {
        /// The block's address.
        addr: usize,
        /// The size it was requested with.
        size: usize,
        /// How many bytes before the block the damaged byte is.
        distance: usize,
        /// The value found there.
        found: u8,
        /// The value the header should hold there.
        expected: u8,
    },
    /// The block was freed already.
    #[error("double free of block {addr:#x} ({size} bytes): it was already freed")]
    DoubleFree {
        /// The block's address.
        addr: usize,
        /// The size it was requested with.
        size: usize,
    },
    /// The pointer is not a live block of this allocator.
    #[error("free of {addr:#x}, which is not a block this allocator handed out")]
    NotOwned {
        /// The pointer passed in.
        addr: usize,
    },
    /// A freed block was written to; found when its dead pattern was checked.
    #[error(
        "write after free in block {addr:#x} ({size} bytes): byte {offset} is {found:#04x}, \
         expected the dead pattern 0xdd"
    )]
    WriteAfterFree {
        /// The block's address.
        addr: usize,
        /// The size it was requested with.
        size: usize,
        /// Index of the first overwritten byte.
        offset: usize,
        /// The value found there.
        found: u8,
    },
}

/// A broken internal invariant, reported by `check_invariants()`. Seeing one is a bug in the
/// allocator or a heap corrupted by a misuse that the current mode cannot detect.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("allocator invariant broken: {0}")]
pub struct InvariantViolation(pub String);

/// Why [`Allocator::mark`](crate::Allocator::mark) refused an address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    /// The offset is not a multiple of [`MARK_GRANULE`](crate::MARK_GRANULE).
    #[error("mark offset {offset} is not a multiple of 16")]
    Misaligned {
        /// The offset asked for.
        offset: usize,
    },
    /// The offset is past the block's end, or past the first 1024 bytes of a block outside
    /// the pools.
    #[error("mark offset {offset} is outside the {limit} bytes a mark may take in block {addr:#x}")]
    OutsideBlock {
        /// The block.
        addr: usize,
        /// The offset asked for.
        offset: usize,
        /// The first offset refused.
        limit: usize,
    },
    /// The address is not the start of a block this allocator handed out.
    #[error("{addr:#x} is not the start of a block this allocator handed out")]
    NotABlock {
        /// The address.
        addr: usize,
    },
}
