//! The debug mode, like `PYTHONMALLOC=debug` (`_PyMem_DebugRawAlloc`, `_PyMem_DebugRawFree`,
//! `_PyMem_DebugCheckAddress` in `Objects/obmalloc.c`).
//!
//! Every block gets CPython's 24 extra bytes, so a request of `n` takes `n + 24` from pymalloc:
//!
//! ```text
//!  [ size: 8 bytes, big-endian ][ 'o' ][ 0xfd × 7 ][ data: n bytes ][ 0xfd × 8 ]
//!  ^ pymalloc block                                 ^ returned pointer (16-byte aligned)
//! ```
//!
//! Fresh data is filled with 0xcd, freed blocks with 0xdd. Checks beyond CPython's, so that every
//! fault is reported as a value and never crashes or corrupts the heap:
//! * a table of live blocks, so a double free or a foreign pointer is recognised before any of
//!   its bytes are read;
//! * a quarantine: freed blocks wait, filled with 0xdd, before pymalloc gets them back; when a
//!   block leaves it (or on [`crate::Allocator::verify_heap`]) an overwritten dead byte is
//!   reported as a write after free. pymalloc's own links never sit in a quarantined block, so
//!   such a write cannot corrupt the allocator.
//! * a block whose guards were damaged is withheld rather than reused: the bytes past its end
//!   may belong to the next block.

use core::ptr::NonNull;
use std::collections::VecDeque;

use hashbrown::HashMap;

use crate::allocator::Core;
use crate::error::{AllocError, HeapFault};

/// Bytes before the data: the size, the API id and 7 guard bytes.
pub const DEBUG_HEADER_BYTES: usize = 16;
/// Guard bytes after the data.
pub const DEBUG_TRAILER_BYTES: usize = 8;
/// All the bytes the debug mode adds to a request (`PYMEM_DEBUG_EXTRA_BYTES`).
pub const DEBUG_EXTRA_BYTES: usize = DEBUG_HEADER_BYTES + DEBUG_TRAILER_BYTES;
/// Guard bytes around a block (`PYMEM_FORBIDDENBYTE`).
pub const FORBIDDEN_BYTE: u8 = 0xfd;
/// Fill of fresh blocks (`PYMEM_CLEANBYTE`).
pub const CLEAN_BYTE: u8 = 0xcd;
/// Fill of freed blocks (`PYMEM_DEADBYTE`).
pub const DEAD_BYTE: u8 = 0xdd;
/// The API id of the object domain (`'o'`).
const API_ID: u8 = b'o';
/// Freed blocks kept back at most, by count and by bytes.
const QUARANTINE_BLOCKS: usize = 1024;
const QUARANTINE_BYTES: usize = 1 << 20;

pub(crate) struct DebugLayer {
    /// Live blocks: data pointer → requested size.
    live: HashMap<NonNull<u8>, usize>,
    /// Freed blocks not yet given back, oldest first: data pointer and requested size.
    quarantine: VecDeque<(NonNull<u8>, usize)>,
    /// The same blocks by address, with their requested sizes.
    quarantined: HashMap<NonNull<u8>, usize>,
    quarantine_bytes: usize,
    /// Blocks taken out of circulation because their guards were damaged.
    withheld: HashMap<NonNull<u8>, usize>,
    /// A write after free found while evicting during an operation that had to succeed.
    pending: Option<HeapFault>,
}

/// The pymalloc block behind a data pointer.
fn block_of(data: NonNull<u8>) -> NonNull<u8> {
    // SAFETY: every data pointer sits DEBUG_HEADER_BYTES into its block.
    unsafe { data.byte_sub(DEBUG_HEADER_BYTES) }
}

/// Reads `len` bytes at `p`.
///
/// # Safety
/// `p..p + len` must be readable memory owned by the allocator.
unsafe fn bytes<'a>(p: NonNull<u8>, len: usize) -> &'a [u8] {
    // SAFETY: readable and initialised (every byte was written by this layer or the caller).
    unsafe { core::slice::from_raw_parts(p.as_ptr(), len) }
}

impl DebugLayer {
    pub(crate) fn new() -> Self {
        DebugLayer {
            live: HashMap::new(),
            quarantine: VecDeque::new(),
            quarantined: HashMap::new(),
            quarantine_bytes: 0,
            withheld: HashMap::new(),
            pending: None,
        }
    }

    /// The requested size of live block `data`, or `None` if it is not one.
    pub(crate) fn size_of(&self, data: NonNull<u8>) -> Option<usize> {
        self.live.get(&data).copied()
    }

    pub(crate) fn live_blocks(&self) -> impl Iterator<Item = (NonNull<u8>, usize)> + '_ {
        self.live.iter().map(|(&p, &n)| (p, n))
    }

    pub(crate) fn quarantined_blocks(&self) -> impl Iterator<Item = (NonNull<u8>, usize)> + '_ {
        self.quarantine.iter().copied()
    }

    /// Verifies and gives back every quarantined block.
    pub(crate) fn flush(&mut self, core: &mut Core) -> Result<(), HeapFault> {
        while !self.quarantine.is_empty() {
            self.evict_oldest(core);
        }
        self.pending.take().map_or(Ok(()), Err)
    }

    /// `_PyMem_DebugRawAlloc`.
    pub(crate) fn alloc(
        &mut self,
        core: &mut Core,
        n: usize,
        zeroed: bool,
    ) -> Result<NonNull<u8>, AllocError> {
        let total = n
            .checked_add(DEBUG_EXTRA_BYTES)
            .ok_or(AllocError::SizeOverflow {
                nelem: 1,
                elsize: n,
            })?;
        let block = if zeroed {
            core.calloc_any(total)
        } else {
            core.malloc_any(total)
        }
        .map_err(|e| match e {
            // `request` is what the caller asked for; `needed` keeps the guards.
            AllocError::LimitExceeded {
                needed,
                in_use,
                limit,
                ..
            } => AllocError::LimitExceeded {
                request: n,
                needed,
                in_use,
                limit,
            },
            e => e,
        })?;
        // SAFETY: the block has `total` writable bytes.
        unsafe {
            let p = block.as_ptr();
            p.cast::<[u8; 8]>()
                .write_unaligned((n as u64).to_be_bytes());
            p.add(8).write(API_ID);
            p.add(9).write_bytes(FORBIDDEN_BYTE, 7);
            if !zeroed {
                p.add(DEBUG_HEADER_BYTES).write_bytes(CLEAN_BYTE, n);
            }
            p.add(DEBUG_HEADER_BYTES + n)
                .write_bytes(FORBIDDEN_BYTE, DEBUG_TRAILER_BYTES);
        }
        // SAFETY: inside the block.
        let data = unsafe { block.byte_add(DEBUG_HEADER_BYTES) };
        self.live.insert(data, n);
        Ok(data)
    }

    /// Looks `data` up as a live block: its size, or the fault of freeing it.
    fn lookup(&self, data: NonNull<u8>) -> Result<usize, HeapFault> {
        if let Some(&n) = self.live.get(&data) {
            return Ok(n);
        }
        let addr = data.addr().get();
        match self
            .quarantined
            .get(&data)
            .or_else(|| self.withheld.get(&data))
        {
            Some(&size) => Err(HeapFault::DoubleFree { addr, size }),
            None => Err(HeapFault::NotOwned { addr }),
        }
    }

    /// Checks the guards of a live block (`_PyMem_DebugCheckAddress`).
    fn check_guards(data: NonNull<u8>, n: usize) -> Result<(), HeapFault> {
        let addr = data.addr().get();
        // SAFETY: a live block has its header before and its trailer after the data.
        let (head, tail) = unsafe {
            (
                bytes(block_of(data), DEBUG_HEADER_BYTES),
                bytes(data.byte_add(n), DEBUG_TRAILER_BYTES),
            )
        };
        let mut expected = [FORBIDDEN_BYTE; DEBUG_HEADER_BYTES];
        expected[..8].copy_from_slice(&(n as u64).to_be_bytes());
        expected[8] = API_ID;
        if let Some(i) = (0..DEBUG_HEADER_BYTES)
            .rev()
            .find(|&i| head[i] != expected[i])
        {
            return Err(HeapFault::WriteBeforeStart {
                addr,
                size: n,
                distance: DEBUG_HEADER_BYTES - i,
                found: head[i],
                expected: expected[i],
            });
        }
        if let Some(offset) = tail.iter().position(|&b| b != FORBIDDEN_BYTE) {
            return Err(HeapFault::WritePastEnd {
                addr,
                size: n,
                offset,
                found: tail[offset],
            });
        }
        Ok(())
    }

    /// Checks that a quarantined block still holds the dead pattern everywhere.
    fn check_dead(data: NonNull<u8>, n: usize) -> Result<(), HeapFault> {
        // SAFETY: a quarantined block keeps all its bytes, still allocated in the core.
        let all = unsafe { bytes(block_of(data), n + DEBUG_EXTRA_BYTES) };
        match all.iter().position(|&b| b != DEAD_BYTE) {
            None => Ok(()),
            Some(i) => Err(HeapFault::WriteAfterFree {
                addr: data.addr().get(),
                size: n,
                offset: i.wrapping_sub(DEBUG_HEADER_BYTES),
                found: all[i],
            }),
        }
    }

    /// `_PyMem_DebugRawFree`, plus the quarantine. A fault from the block itself leaves the heap
    /// as it was (or withholds a damaged block); a write after free found in an older block is
    /// reported after the free itself has completed.
    pub(crate) fn free(&mut self, core: &mut Core, data: NonNull<u8>) -> Result<(), AllocError> {
        let n = self.lookup(data)?;
        self.live.remove(&data);
        if let Err(fault) = Self::check_guards(data, n) {
            self.withheld.insert(data, n);
            return Err(fault.into());
        }
        // SAFETY: the whole block is ours again.
        unsafe {
            block_of(data)
                .as_ptr()
                .write_bytes(DEAD_BYTE, n + DEBUG_EXTRA_BYTES)
        };
        self.quarantine.push_back((data, n));
        self.quarantined.insert(data, n);
        self.quarantine_bytes += n + DEBUG_EXTRA_BYTES;
        while self.quarantine.len() > QUARANTINE_BLOCKS || self.quarantine_bytes > QUARANTINE_BYTES
        {
            self.evict_oldest(core);
        }
        match self.pending.take() {
            Some(fault) => Err(fault.into()),
            None => Ok(()),
        }
    }

    fn evict_oldest(&mut self, core: &mut Core) {
        let Some((data, n)) = self.quarantine.pop_front() else {
            return;
        };
        self.quarantined.remove(&data);
        self.quarantine_bytes -= n + DEBUG_EXTRA_BYTES;
        if let Err(fault) = Self::check_dead(data, n) {
            self.pending.get_or_insert(fault);
        }
        // SAFETY: the block was allocated from `core` and, being quarantined, not freed since.
        let freed = unsafe { core.free(block_of(data)) };
        debug_assert!(freed.is_ok());
    }

    /// `_PyMem_DebugRawRealloc`: a new block, the data copied, the old block freed (and
    /// quarantined). On failure the old block is untouched.
    pub(crate) fn realloc(
        &mut self,
        core: &mut Core,
        data: NonNull<u8>,
        n: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        let old = self.lookup(data)?;
        Self::check_guards(data, old)?;
        let new = self.alloc(core, n, false)?;
        // SAFETY: both blocks are live and distinct; `min(old, n)` bytes fit in each.
        unsafe { core::ptr::copy_nonoverlapping(data.as_ptr(), new.as_ptr(), old.min(n)) };
        // The old block's guards were just checked, so this can only report an older block's
        // fault; keep that for the next free or heap check rather than lose `new`.
        if let Err(AllocError::Fault(fault)) = self.free(core, data) {
            self.pending.get_or_insert(fault);
        }
        Ok(new)
    }

    /// Checks every live block's guards and every quarantined block's dead pattern.
    pub(crate) fn verify(&self) -> Result<(), HeapFault> {
        if let Some(fault) = &self.pending {
            return Err(fault.clone());
        }
        for (&data, &n) in &self.live {
            Self::check_guards(data, n)?;
        }
        for &(data, n) in &self.quarantine {
            Self::check_dead(data, n)?;
        }
        Ok(())
    }

    /// Checks the layer's own bookkeeping against the core.
    pub(crate) fn check(&self, core: &Core) -> Result<(), String> {
        if self.quarantine.len() != self.quarantined.len() {
            return Err("quarantine list and set disagree".into());
        }
        let bytes: usize = self
            .quarantine
            .iter()
            .map(|&(_, n)| n + DEBUG_EXTRA_BYTES)
            .sum();
        if bytes != self.quarantine_bytes {
            return Err(format!(
                "quarantine holds {bytes} bytes, counter says {}",
                self.quarantine_bytes
            ));
        }
        let blocks = core.live_block_set();
        for (&data, _) in self
            .live
            .iter()
            .chain(self.quarantine.iter().map(|(p, n)| (p, n)))
        {
            if !blocks.contains(&block_of(data)) {
                return Err(format!(
                    "debug block {data:p} is not a block of the underlying heap"
                ));
            }
        }
        Ok(())
    }

    /// Blocks the core holds for this layer: live, quarantined and withheld.
    pub(crate) fn core_blocks(&self) -> usize {
        self.live.len() + self.quarantine.len() + self.withheld.len()
    }
}
