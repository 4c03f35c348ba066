//! # pyrt-objects: CPython 3.12's objects on pyrt's allocator (`Objects/*.c`, `Include/object.h`)
//!
//! Every object has CPython 3.12's 64-bit layout and is allocated for real on `pyrt-allocator`,
//! so `sys.getsizeof` is both CPython's answer and the size of what pyrt holds.
//!
//! ```text
//!   Obj<'h> ──► PyObject { ob_refcnt, ob_type ──► PyTypeObject { name, sizes, flags, &Slots } }
//!                  │                                                         │
//!                  └─ type-specific body (lv_tag + digits, f64, items…)      └─ dealloc, repr, hash,
//!                                                                               richcompare, number…
//! ```
//!
//! * [`object`]: the header and reference counting with 3.12's immortal objects; the only
//!   module that touches `ob_refcnt`.
//! * [`typeobj`]: type objects and their slot tables; built-in types are immortal statics.
//! * [`heap`]: object memory on pymalloc, the singletons, free lists and deallocation (bounded
//!   recursion with CPython's trashcan, so any depth of nesting is freed safely).
//! * [`obj::Obj`]: an owned reference; clone increfs, drop decrefs at once.
//! * [`types`]: `object`, `type`, `NoneType`, `int`, `bool`, `float`, `complex`, `str`,
//!   `bytes`, `tuple`, `list`, `dict` (with instance dictionaries), `set`, `frozenset`, classes
//!   and record types; the built-in exceptions (`types::exceptions`), tracebacks and built-in
//!   functions (`types::cfunction`, `types::descrobject`).
//! * [`type_cache`]: type version tags and the method cache (`_PyType_Lookup`), which the
//!   VM's attribute caches rely on; [`types::dict::cache`] has the dict side (keys versions).
//! * [`tracking`]: CPython's rules for which objects the cycle collector tracks.
//! * [`abstract_`]: operators, comparisons, `repr`, `hash` and `getsizeof`, dispatched as
//!   CPython's `abstract.c` does.
//! * [`long_digits`], [`float_repr`], [`hash`]: the arithmetic, text and hash algorithms;
//!   `unicode_data`: the Unicode tables they share.
//! * [`numbers`]: `round()`, `divmod()`, three-argument `pow()` and `sum()` (re-exported by
//!   [`abstract_`]); [`math`]: the `math` module's functions as a method table, and its
//!   constants.
//!
//! Where to start reading: `object.rs`, `typeobj.rs`, `heap.rs`, then `types/long.rs`.

pub mod abstract_;
pub mod abstract_fast;
pub mod error;
pub mod float_repr;
pub mod format;
pub mod freelist;
pub mod gc_objects;
pub mod hash;
pub mod heap;
pub mod hooks;
pub mod long_digits;
pub mod math;
pub mod methods;
pub mod numbers;
pub mod obj;
pub mod object;
pub mod raised;
pub mod singletons;
pub mod tracking;
pub mod type_cache;
pub mod typeobj;
pub mod types;
pub(crate) mod unicode_data;
pub mod view;

pub use error::{ExcDetail, ExcKind, PyErr, PyResult};
pub use heap::Heap;
pub use obj::Obj;
pub use object::{IMMORTAL_REFCNT, ObjPtr, PyObject};
pub use typeobj::{CompareOp, PyTypeObject};
pub use view::View;
