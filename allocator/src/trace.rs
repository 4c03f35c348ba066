//! Allocation tracing: the hook that `tracemalloc` is built on (`Python/tracemalloc.c` installs
//! itself as an allocator wrapper and keeps a table of traces).
//!
//! While tracing is on, every allocation records a trace (address → size and the caller's
//! [`Tag`]), every free removes it, and current and peak traced bytes are kept, as
//! `tracemalloc.get_traced_memory()` reports them. Sizes are the sizes requested, not block
//! sizes. A hook, if set, observes each event as it happens.

use core::ptr::NonNull;

use hashbrown::HashMap;

/// A caller-chosen label attached to an allocation (the runtime will use it for the script
/// line that allocated, as `tracemalloc` records a traceback).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u32);

impl Tag {
    /// No label.
    pub const NONE: Tag = Tag(0);
    /// A block tracing leaves out: memory that stands for what CPython keeps outside its
    /// allocators (its static objects), made on demand by the runtime.
    pub const UNTRACED: Tag = Tag(u32::MAX);
}

/// What the trace hook observes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    /// A block was allocated (also the new block of a `realloc`).
    Alloc {
        /// Its address.
        addr: usize,
        /// The size requested.
        size: usize,
        /// The caller's tag.
        tag: Tag,
    },
    /// A traced block was freed (also the old block of a `realloc` that moved or resized).
    Free {
        /// Its address.
        addr: usize,
        /// The size it was requested with.
        size: usize,
        /// The tag it was allocated with.
        tag: Tag,
    },
}

/// A callback observing trace events.
pub type TraceHook = Box<dyn FnMut(&TraceEvent) + Send>;

/// Traced bytes now and at the peak (`tracemalloc.get_traced_memory()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TracedMemory {
    /// Bytes in traced blocks now.
    pub current: usize,
    /// The most `current` has been since tracing started or the peak was reset.
    pub peak: usize,
}

/// One live traced block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trace {
    /// The block's address.
    pub addr: usize,
    /// The size requested.
    pub size: usize,
    /// The tag it was allocated with.
    pub tag: Tag,
}

#[derive(Default)]
pub(crate) struct Tracer {
    traces: HashMap<usize, (usize, Tag)>,
    memory: TracedMemory,
}

impl Tracer {
    pub(crate) fn on_alloc(
        &mut self,
        p: NonNull<u8>,
        size: usize,
        tag: Tag,
        hook: &mut Option<TraceHook>,
    ) {
        let addr = p.addr().get();
        if tag == Tag::UNTRACED {
            return;
        }
        if let Some((old, _)) = self.traces.insert(addr, (size, tag)) {
            self.memory.current -= old;
        }
        self.memory.current += size;
        self.memory.peak = self.memory.peak.max(self.memory.current);
        if let Some(hook) = hook {
            hook(&TraceEvent::Alloc { addr, size, tag });
        }
    }

    pub(crate) fn on_free(&mut self, p: NonNull<u8>, hook: &mut Option<TraceHook>) {
        let addr = p.addr().get();
        let Some((size, tag)) = self.traces.remove(&addr) else {
            return;
        };
        self.memory.current -= size;
        if let Some(hook) = hook {
            hook(&TraceEvent::Free { addr, size, tag });
        }
    }

    pub(crate) fn memory(&self) -> TracedMemory {
        self.memory
    }

    pub(crate) fn reset_peak(&mut self) {
        self.memory.peak = self.memory.current;
    }

    pub(crate) fn clear(&mut self) {
        self.traces.clear();
        self.memory = TracedMemory::default();
    }

    pub(crate) fn trace_at(&self, addr: usize) -> Option<Trace> {
        self.traces
            .get(&addr)
            .map(|&(size, tag)| Trace { addr, size, tag })
    }

    pub(crate) fn len(&self) -> usize {
        self.traces.len()
    }

    pub(crate) fn traces(&self) -> impl Iterator<Item = Trace> + '_ {
        self.traces
            .iter()
            .map(|(&addr, &(size, tag))| Trace { addr, size, tag })
    }
}
