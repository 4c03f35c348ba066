//! # pyrt-gc: the generational cycle collector (`Modules/gcmodule.c`, CPython 3.12)
//!
//! Reference counting frees most objects the moment they become garbage; this crate finds
//! the rest — objects kept alive only by reference cycles — and breaks the cycles by asking
//! the object model to clear them. It mirrors `Modules/gcmodule.c` of CPython 3.12
//! (`Include/internal/pycore_gc.h` for the header and state), phase by phase, so that counts,
//! thresholds, the order of finalizers, weakref callbacks and `tp_clear` calls, and the
//! numbers `gc.collect()` returns are CPython's.
//!
//! ```text
//!   object model (pyrt-objects)                     pyrt-gc
//!  ┌──────────────────────────────┐  on_alloc, track,  ┌──────────────────────────────┐
//!  │ allocates with a 16-byte     │  untrack, gc_del   │ Collector                    │
//!  │ GcHeader before each GC      ├───────────────────►│  Generations: gen0 gen1 gen2 │
//!  │ object; frees by refcount    │                    │   permanent, counts, stats   │
//!  │                              │  collect(objects)  │  GcList (intrusive, sentinel)│
//!  │ impl GcObjects (contract):   │◄───────────────────┤  collect: gc_collect_main    │
//!  │  refcount traverse clear     │  refcount/traverse │   (phases, no recursion)     │
//!  │  finalize weakrefs untrack?  │  clear/finalize... └──────────────────────────────┘
//!  └──────────────────────────────┘
//! ```
//!
//! ## The division of labour
//! The collector **never names a concrete type and never frees memory**. It sees objects as
//! erased [`ObjRef`]s through the `unsafe trait` [`GcObjects`], whose numbered rules say what
//! it relies on (exact refcounts, a traverse that visits each reference once and is inert,
//! a clear that leaves the object valid, ...). It owns only the [`GcHeader`] in front of each
//! GC object and its lists. Objects die only by reference counting: a collection calls
//! [`GcObjects::clear`] on the garbage, refcounts fall to zero, and the object model's
//! deallocation calls [`Collector::gc_del`] (or [`Collector::untrack`]) before it frees the
//! memory — the collector tolerates objects vanishing from its lists at any point where it
//! calls out.
//!
//! ## Main types
//! * [`GcObjects`] and [`ObjRef`] (`contract.rs`): the contract. **Start reading here.**
//! * [`Collector`] (`collector.rs`): the hooks (`on_alloc`, `track`, `untrack`, `gc_del`),
//!   the collections (`collect`, `collect_generations`) and the `gc` module's settings.
//! * [`GcHeader`] and [`GcList`] (`list/`): `PyGC_Head` with CPython's flag bits, and the
//!   intrusive lists — the only code that touches the links, with `check_invariants`.
//! * `generations.rs`: thresholds (700, 10, 10), counts, the long-lived heuristic, the
//!   permanent generation, the re-entrancy guard.
//! * `collect/`: `gc_collect_main` and its phases — `reachability.rs` (`update_refs`,
//!   `subtract_refs`, `move_unreachable`), `finalizers.rs` (legacy finalizers, PEP 442,
//!   resurrection), `weakrefs.rs` (`handle_weakrefs`), `garbage.rs` (`delete_garbage`,
//!   `gc.garbage`).
//!
//! ## What the object model does
//! 1. Allocate GC objects with a zeroed [`GcHeader`] immediately before them; call
//!    [`Collector::on_alloc`] and, when it returns `true`, run
//!    [`Collector::collect_generations`] at the next safe point (3.12 schedules the
//!    collection at the eval breaker).
//! 2. [`Collector::track`] objects once their traverse is valid; [`Collector::untrack`]
//!    (e.g. at the start of `tp_dealloc`); [`Collector::gc_del`] when freeing the memory.
//! 3. Implement [`GcObjects`]; drain [`Collector::take_garbage`] into `gc.garbage`.
//!
//! `gc.get_referrers`/`get_referents` need only `traverse` and the lists, so the object model
//! builds them (`pyrt_objects::gc_objects`).
//!
//! ## Not here yet
//! The `DEBUG_STATS`/`DEBUG_COLLECTABLE`/`DEBUG_UNCOLLECTABLE` printing (the flags are
//! stored; only `DEBUG_SAVEALL` changes behaviour).

mod collect;
mod collector;
mod contract;
mod error;
mod generations;
mod list;

pub use collect::Collected;
pub use collector::Collector;
pub use contract::{CallbackPhase, CollectionInfo, GcObjects, ObjRef, UntrackPass};
pub use error::GcError;
pub use generations::{DEFAULT_THRESHOLDS, GenerationStats, NUM_GENERATIONS, debug};
pub use list::header::{
    GcHeader, NEXT_MASK_UNREACHABLE, PREV_MASK_COLLECTING, PREV_MASK_FINALIZED,
};
pub use list::{GcList, ListFlags};
