//! The heap: the state CPython keeps per interpreter for objects (`PyInterpreterState`'s
//! obmalloc, singletons, free lists) and the deallocation path (`_Py_Dealloc` with the trashcan
//! of `Objects/object.c`).
//!
//! Object memory comes from pyrt's pymalloc; a GC type's allocation starts with its pre-header
//! (`_PyType_PreHeaderSize`), which is zeroed (an untracked GC header). The singletons that are
//! static in CPython (None, the bools, the small ints) live outside pymalloc, in one boxed
//! region owned by the heap, and are immortal.
//!
//! # Deallocation never overflows the stack
//! When a refcount reaches zero the type's `tp_dealloc` runs at once, and may release the
//! object's references, which can reach zero in turn: CPython recurses here, and so does pyrt,
//! but only [`TRASHCAN_UNWIND_LEVEL`] deep. Deeper deallocations are deferred to a list that is
//! drained, last in first out, when the outermost deallocation returns — CPython's trashcan. The
//! order of frees is therefore CPython's, and a chain of any length is freed in bounded stack.

use core::cell::{Cell, RefCell};
use core::ptr::NonNull;

use hashbrown::HashMap;
use pyrt_allocator::{Allocator, MallocStats};

use crate::hash::HashSecret;
use crate::hooks::RuntimeHooks;
use crate::obj::Obj;

use crate::error::{PyErr, PyResult};
use crate::freelist::FreeList;
use crate::object::{ObjPtr, PyObject};
use crate::singletons::Singletons;
use crate::typeobj::{PyTypeObject, TypeFlags};

/// Deallocation depth past which frees are deferred (`_PyTrash_UNWIND_LEVEL`).
pub const TRASHCAN_UNWIND_LEVEL: usize = 50;

/// Nesting depth of C-level recursion (`repr`, comparisons) before `RecursionError`
/// (`Py_C_RECURSION_LIMIT` of CPython 3.12).
pub const C_RECURSION_LIMIT: usize = 1500;

/// Free list objects kept for reuse at most (`PyList_MAXFREELIST`).
pub const LIST_FREELIST_LIMIT: usize = 80;

/// Longest tuple kept on a free list (`PyTuple_MAXSAVESIZE`).
pub const TUPLE_MAXSAVESIZE: usize = 20;
/// Free tuples kept per length at most (`PyTuple_MAXFREELIST`).
pub const TUPLE_FREELIST_LIMIT: usize = 2000;

/// Stack that must be left before a guarded level runs without growing the stack.
const STACK_RED_ZONE: usize = 128 << 10;
/// Size of each stack segment added when it runs low.
const STACK_SEGMENT: usize = 2 << 20;

/// Free floats kept for reuse at most (`PyFloat_MAXFREELIST`).
pub const FLOAT_FREELIST_LIMIT: usize = 100;

/// Objects, their memory and the runtime-wide object state.
pub struct Heap {
    /// The cycle collector: the generations every tracked object is linked into. Declared
    /// first so that it is dropped first: its lists unlink the objects still tracked (a heap
    /// dropped with live cycles), whose headers live in the allocator's memory.
    pub(crate) gc: pyrt_gc::Collector,
    alloc: RefCell<Allocator>,
    singletons: Box<Singletons>,
    pub(crate) floats: FreeList,
    pub(crate) lists: FreeList,
    pub(crate) dicts: FreeList,
    /// 8-slot str-key tables kept for reuse (the keys free list).
    dict_keys: RefCell<Vec<NonNull<u8>>>,
    /// Dead tuples of lengths 1 to 20, one free list per length.
    pub(crate) tuples: [FreeList; TUPLE_MAXSAVESIZE],
    /// Containers whose `repr` is in progress (`Py_ReprEnter`), to print `[...]` for cycles.
    repr_stack: RefCell<Vec<ObjPtr>>,
    /// `Py_ReprEnter`'s objects in CPython's thread state: the thread-state dict and its
    /// `Py_Repr` list (two owned references), made by the first container repr.
    repr_objects: Cell<Option<(ObjPtr, ObjPtr)>>,
    /// Whether the heap is an interpreter's, whose thread state the first repr fills
    /// ([`Heap::model_thread_state`]); a heap of the Rust API has no thread state.
    thread_state: Cell<bool>,
    dealloc_depth: Cell<usize>,
    deferred: RefCell<Vec<ObjPtr>>,
    recursion_depth: Cell<usize>,
    hash_secret: HashSecret,
    /// The interned strings by text (CPython's `interned` dict).
    interned: RefCell<HashMap<String, ObjPtr>>,
    /// An automatic collection is due at the next safe point (`_Py_ScheduleGC`).
    gc_scheduled: Cell<bool>,
    /// The runtime's hooks while [`Heap::with_hooks`] runs (see [`RuntimeHooks`]).
    hooks: Cell<Option<NonNull<dyn RuntimeHooks + 'static>>>,
    /// The object [`Heap::release_watching`] watches, and whether it died.
    watched: Cell<Option<ObjPtr>>,
    watched_died: Cell<bool>,
    /// Weak-reference objects alive: while there are none, collections skip the weak-reference
    /// pass (`GcObjects::may_have_weakrefs`).
    pub(crate) weakrefs: Cell<usize>,
    /// This heap's identity, which errors carrying its exception objects name.
    pub(crate) id: crate::raised::HeapId,
    /// Exception objects carried by errors ([`crate::raised`]).
    pub(crate) raised: crate::raised::RaisedStash,
    /// The next `co_version` (`_Py_next_func_version`), from 1; 0 once exhausted.
    next_code_version: Cell<u32>,
    /// The next dict keys version (`dict_state.next_keys_version`), from 2; 0 once exhausted.
    next_dict_keys_version: Cell<u32>,
    /// Type version tags and the method cache (`types_state`).
    pub(crate) type_cache: crate::type_cache::TypeCache,
    /// Whether allocations ask the runtime's hooks for a trace tag (`tracemalloc` is on).
    trace_tags: Cell<bool>,
    /// Whether allocations are left out of tracing now ([`Heap::untraced`]).
    untraced: Cell<bool>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// A heap on a fresh pymalloc.
    pub fn new() -> Heap {
        Heap::with_allocator(Allocator::new())
    }

    /// A heap on the given allocator (for a debug-mode or limited allocator).
    pub fn with_allocator(alloc: Allocator) -> Heap {
        Heap {
            gc: pyrt_gc::Collector::new(),
            alloc: RefCell::new(alloc),
            singletons: Singletons::new(),
            floats: FreeList::new(FLOAT_FREELIST_LIMIT),
            lists: FreeList::new(LIST_FREELIST_LIMIT),
            dicts: FreeList::new(crate::types::dict::DICT_FREELIST_LIMIT),
            dict_keys: RefCell::new(Vec::new()),
            tuples: core::array::from_fn(|_| FreeList::new(TUPLE_FREELIST_LIMIT)),
            repr_stack: RefCell::new(Vec::new()),
            repr_objects: Cell::new(None),
            thread_state: Cell::new(false),
            dealloc_depth: Cell::new(0),
            deferred: RefCell::new(Vec::new()),
            recursion_depth: Cell::new(0),
            hash_secret: HashSecret::ZERO,
            interned: RefCell::new(HashMap::new()),
            gc_scheduled: Cell::new(false),
            hooks: Cell::new(None),
            watched: Cell::new(None),
            watched_died: Cell::new(false),
            weakrefs: Cell::new(0),
            id: crate::raised::HeapId::fresh(),
            raised: crate::raised::RaisedStash::default(),
            next_code_version: Cell::new(1),
            next_dict_keys_version: Cell::new(2),
            type_cache: crate::type_cache::TypeCache::new(),
            trace_tags: Cell::new(false),
            untraced: Cell::new(false),
        }
    }

    /// Uses the hash key that `PYTHONHASHSEED=seed` gives (0, the default here, disables
    /// randomization as in CPython). Set it before any string is hashed.
    pub fn set_hash_seed(&mut self, seed: u32) {
        self.hash_secret = HashSecret::from_seed(seed);
    }

    /// The key of string and bytes hashes.
    pub fn hash_secret(&self) -> &HashSecret {
        &self.hash_secret
    }

    /// `Py_EnterRecursiveCall` around `f`: one more level of nested `repr` or comparison, or
    /// `RecursionError: maximum recursion depth exceeded{context}` past [`C_RECURSION_LIMIT`].
    ///
    /// CPython's limit protects its small C frames; Rust frames can be larger (much larger in
    /// debug builds), so each level also makes sure enough stack is left, growing it on the heap
    /// when it runs low (`stacker`). The depth, not the thread's stack size, decides when
    /// recursion stops, as in CPython.
    ///
    /// # Errors
    /// `RecursionError` when the limit is reached, or what `f` raises.
    pub fn recursive_call<R>(&self, context: &str, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
        let depth = self.recursion_depth.get();
        if depth >= C_RECURSION_LIMIT {
            return Err(PyErr::new(
                crate::error::ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{context}"),
            ));
        }
        self.recursion_depth.set(depth + 1);
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, f);
        self.recursion_depth.set(depth);
        result
    }

    /// Whether one more [`Heap::recursive_call`] level would raise `RecursionError`.
    #[inline]
    pub fn at_recursion_limit(&self) -> bool {
        self.recursion_depth.get() >= C_RECURSION_LIMIT
    }

    /// A new code object's `co_version` (`_Py_next_func_version`, counting from 1 and
    /// sticking at 0 once it wraps, as in CPython).
    pub(crate) fn next_code_version(&self) -> u32 {
        let v = self.next_code_version.get();
        if v != 0 {
            self.next_code_version.set(v.wrapping_add(1));
        }
        v
    }

    /// A new dict keys version (`next_keys_version++`, from 2: the shared empty keys are 1),
    /// sticking at 0 once it wraps, as in CPython.
    pub(crate) fn next_dict_keys_version(&self) -> u32 {
        let v = self.next_dict_keys_version.get();
        if v != 0 {
            self.next_dict_keys_version.set(v.wrapping_add(1));
        }
        v
    }

    /// Sets the next dict keys version, for tests of the counter's exhaustion.
    #[doc(hidden)]
    pub fn set_next_dict_keys_version(&self, v: u32) {
        self.next_dict_keys_version.set(v);
    }

    /// Takes an 8-slot str-key table from the keys free list.
    pub(crate) fn dict_keys_pop(&self) -> Option<NonNull<u8>> {
        self.dict_keys.borrow_mut().pop()
    }

    /// Keeps an 8-slot str-key table for reuse; `false` when the list is full.
    pub(crate) fn dict_keys_push(&self, p: NonNull<u8>) -> bool {
        let mut list = self.dict_keys.borrow_mut();
        if list.len() >= crate::types::dict::DICT_FREELIST_LIMIT {
            return false;
        }
        list.push(p);
        true
    }

    /// `Py_ReprEnter`: `false` if `op`'s repr is already in progress (the caller prints `[...]`),
    /// else records it until [`Heap::repr_leave`].
    pub fn repr_enter(&self, op: ObjPtr) -> bool {
        if self.thread_state.get() && self.repr_objects.get().is_none() {
            self.make_repr_objects();
        }
        let mut stack = self.repr_stack.borrow_mut();
        if stack.contains(&op) {
            return false;
        }
        stack.push(op);
        true
    }

    /// Makes this heap an interpreter's: its first container repr fills CPython's thread state
    /// as `Py_ReprEnter` does (see `make_repr_objects`), objects `gc.get_count()` counts and
    /// that live until the heap drops.
    pub fn model_thread_state(&self) {
        self.thread_state.set(true);
    }

    /// The first `Py_ReprEnter` makes the thread-state dict (`PyThreadState_GetDict`) and
    /// puts a new list under `"Py_Repr"` in it: two GC objects that live as long as the
    /// thread, which `gc.get_count()` counts. (pyrt keeps its own stack of the containers
    /// being shown; the list stays empty.) On `MemoryError` nothing is made.
    #[cold]
    fn make_repr_objects(&self) {
        let made = (|| {
            let d = crate::types::dict::new_dict(self)?;
            let l = crate::types::list::new_list(self, Vec::new())?;
            let key = crate::types::unicode::new_str(self, "Py_Repr")?;
            let key = crate::types::unicode::intern(self, key)?;
            let view = crate::types::dict::Dict::cast_internal(d.object())?;
            crate::types::dict::set_item(self, view, key, l.clone())?;
            Ok::<_, crate::error::PyErr>((d.into_ptr(), l.into_ptr()))
        })();
        if let Ok(pair) = made {
            self.repr_objects.set(Some(pair));
        }
    }

    /// `Py_ReprLeave`.
    pub fn repr_leave(&self, op: ObjPtr) {
        let mut stack = self.repr_stack.borrow_mut();
        if let Some(i) = stack.iter().rposition(|&p| p == op) {
            stack.remove(i);
        }
    }

    /// The interned string with this text.
    pub(crate) fn interned_get(&self, text: &str) -> Option<ObjPtr> {
        self.interned.borrow().get(text).copied()
    }

    /// Records an interned string (which the caller made immortal).
    pub(crate) fn interned_insert(&self, text: String, s: ObjPtr) {
        self.interned.borrow_mut().insert(text, s);
    }

    /// Frees every object kept on a free list (`_PyGC_ClearAllFreeLists`, which a full
    /// collection runs).
    pub fn clear_freelists(&self) {
        // Exceptions stashed for errors that were dropped unhandled are kept only until the
        // next safe point; release them first, so their blocks go back with the rest.
        self.release_dead_raised();
        self.floats.drain(|op| {
            // SAFETY: free-listed floats are dead floats of this heap.
            unsafe { self.free_object(op, crate::types::FLOAT_TYPE.get()) }
        });
        for list in &self.tuples {
            list.drain(|op| {
                // SAFETY: free-listed tuples are dead tuples of this heap, their items released.
                unsafe { self.free_object(op, crate::types::TUPLE_TYPE.get()) }
            });
        }
        self.dicts.drain(|op| {
            // SAFETY: free-listed dicts are dead dict headers of this heap (tables released).
            unsafe { self.free_object(op, crate::types::DICT_TYPE.get()) }
        });
        for p in self.dict_keys.borrow_mut().drain(..) {
            // SAFETY: free-listed keys tables are dead buffers of this heap.
            unsafe { self.free_bytes(p) };
        }
        self.lists.drain(|op| {
            // SAFETY: free-listed lists are dead list headers of this heap (items already freed).
            unsafe { self.free_object(op, crate::types::LIST_TYPE.get()) }
        });
    }

    /// Number of interned strings (`sys.getunicodeinternedsize()`).
    pub fn interned_count(&self) -> usize {
        self.interned.borrow().len()
    }

    /// The singletons (None, bools, small ints).
    #[inline]
    pub(crate) fn singletons(&self) -> &Singletons {
        &self.singletons
    }

    /// The allocator's statistics (`sys._debugmallocstats()`).
    pub fn malloc_stats(&self) -> MallocStats {
        self.alloc.borrow().stats()
    }

    /// The blocks pymalloc has handed out (`sys.getallocatedblocks()`).
    pub fn allocated_blocks(&self) -> usize {
        self.alloc.borrow().allocated_blocks()
    }

    /// Runs `f` with the allocator (statistics, tracing, checks).
    pub fn with_allocator_mut<R>(&self, f: impl FnOnce(&mut Allocator) -> R) -> R {
        f(&mut self.alloc.borrow_mut())
    }

    /// Allocates `size` bytes of object body for an instance of `ty`, preceded by its zeroed
    /// pre-header, and writes a header with one reference. The body after the header is left
    /// uninitialised for the caller.
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    #[inline]
    pub fn alloc_object(&self, ty: &PyTypeObject, size: usize) -> PyResult<ObjPtr> {
        debug_assert!(size >= size_of::<PyObject>());
        let pre = ty.preheader_size();
        let block = self.alloc_bytes(pre + size)?;
        if ty.flags().contains(TypeFlags::HAVE_GC) && self.gc.on_alloc() {
            self.gc_scheduled.set(true);
        }
        // SAFETY: the block has `pre + size` writable bytes, 16-aligned (pymalloc's
        // alignment); the pre-header (0, 16 or 32 bytes) is zeroed with plain stores rather
        // than a call to `memset`, and the header fits at `pre`.
        unsafe {
            match pre {
                0 => {}
                16 => block.as_ptr().cast::<[u64; 2]>().write([0; 2]),
                32 => block.as_ptr().cast::<[u64; 4]>().write([0; 4]),
                _ => block.as_ptr().write_bytes(0, pre),
            }
            let op = block.byte_add(pre).cast::<PyObject>();
            op.write(PyObject::new(NonNull::from(ty)));
            Ok(op)
        }
    }

    /// [`Heap::alloc_object`] for a type without pre-header that the collector does not track
    /// (`int`, `float`): the block is the object, so the pre-header and the collector's
    /// allocation count are skipped (`PyObject_Malloc` then `_PyObject_Init`, as
    /// `_PyLong_New` and `PyFloat_FromDouble` do).
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    #[inline(always)]
    pub(crate) fn alloc_plain_object(&self, ty: &PyTypeObject, size: usize) -> PyResult<ObjPtr> {
        debug_assert!(size >= size_of::<PyObject>());
        debug_assert!(ty.preheader_size() == 0 && !ty.flags().contains(TypeFlags::HAVE_GC));
        let op = self.alloc_bytes(size)?.cast::<PyObject>();
        // SAFETY: a fresh block of `size` bytes, 16-aligned, room for the header.
        unsafe { op.write(PyObject::new(NonNull::from(ty))) };
        Ok(op)
    }

    /// Gives back the memory of an object from [`Heap::alloc_plain_object`]
    /// (`PyObject_Free`).
    ///
    /// # Safety
    /// `op` must come from [`Heap::alloc_plain_object`] of this heap and be dead.
    #[inline(always)]
    pub(crate) unsafe fn free_plain_object(&self, op: ObjPtr) {
        // SAFETY: the block starts at the object (no pre-header), live until now (caller).
        unsafe { self.free_bytes(op.cast::<u8>()) };
    }

    /// [`Heap::free_plain_object`] of an object allocated with at most 512 bytes, which
    /// pymalloc served: the allocator skips the arena map lookup (`Allocator::free_small`).
    ///
    /// # Safety
    /// As for [`Heap::free_plain_object`], and the object's allocation asked for 1 to 512
    /// bytes.
    #[inline(always)]
    pub(crate) unsafe fn free_small_plain_object(&self, op: ObjPtr) {
        // SAFETY: a live small block of this heap, freed once (caller).
        let result = unsafe { self.alloc.borrow_mut().free_small(op.cast::<u8>()) };
        debug_assert!(
            result.is_ok(),
            "freeing an object's memory failed: {result:?}"
        );
    }

    /// Whether an automatic collection is due (the allocation count of generation 0 crossed
    /// its threshold); [`Heap::collect_if_due`] runs it.
    pub fn collection_due(&self) -> bool {
        self.gc_scheduled.get()
    }

    /// Forgets a scheduled collection (it is about to run).
    pub(crate) fn take_scheduled(&self) -> bool {
        self.gc_scheduled.replace(false)
    }

    /// Gives an object's memory (pre-header included) back to the allocator.
    ///
    /// # Safety
    /// `op` must come from [`Heap::alloc_object`] of this heap with type `ty`, and be dead.
    #[inline]
    pub unsafe fn free_object(&self, op: ObjPtr, ty: &PyTypeObject) {
        if ty.flags().contains(TypeFlags::HAVE_GC) {
            // SAFETY: a GC object of this heap (its type has the flag and it was allocated
            // with the pre-header), dead but not yet freed: `PyObject_GC_Del` untracks it and
            // uncounts the allocation.
            unsafe { self.gc.gc_del(pyrt_gc::ObjRef::new(op.cast())) };
        }
        // SAFETY: the allocation starts `preheader_size` bytes before the object (caller).
        unsafe { self.free_bytes(op.cast::<u8>().byte_sub(ty.preheader_size())) };
    }

    /// Allocates a buffer that is not an object (list items, dict tables, ...).
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    #[inline]
    pub fn alloc_bytes(&self, n: usize) -> PyResult<NonNull<u8>> {
        if self.trace_tags.get() {
            return self.alloc_bytes_traced(n);
        }
        match self.alloc.borrow_mut().malloc(n) {
            Ok(p) => Ok(p),
            Err(_) => Err(PyErr::memory_error()),
        }
    }

    /// [`Heap::alloc_bytes`] while `tracemalloc` traces: the block is tagged with the
    /// runtime's frames ([`RuntimeHooks::trace_tag`]), asked before the allocator is borrowed.
    #[cold]
    #[inline(never)]
    fn alloc_bytes_traced(&self, n: usize) -> PyResult<NonNull<u8>> {
        let tag = self.trace_tag();
        self.alloc
            .borrow_mut()
            .malloc_tagged(n, tag)
            .map_err(|_| PyErr::memory_error())
    }

    /// The tag of an allocation made now: the hooks' answer, or no tag without hooks.
    fn trace_tag(&self) -> pyrt_allocator::Tag {
        if self.untraced.get() {
            return pyrt_allocator::Tag::UNTRACED;
        }
        self.call_hooks(|h| h.trace_tag())
            .unwrap_or(pyrt_allocator::Tag::NONE)
    }

    /// Runs `f` with its allocations left out of `tracemalloc`'s traces: for objects the
    /// runtime makes on demand where CPython has static ones (the identifiers it interns,
    /// `_Py_ID`), which CPython's allocators never see.
    pub fn untraced<R>(&self, f: impl FnOnce() -> R) -> R {
        let outer = self.untraced.replace(true);
        let r = f();
        self.untraced.set(outer);
        r
    }

    /// Turns on (or off) asking the runtime's hooks for a tag at each allocation, which
    /// `tracemalloc` turns on with tracing: while off, allocations cost one flag test more.
    pub fn set_trace_tags(&self, on: bool) {
        self.trace_tags.set(on);
    }

    /// Resizes a buffer (`PyMem_Realloc`): `None` allocates. On failure the old buffer is
    /// unchanged.
    ///
    /// # Errors
    /// `MemoryError` when the allocator refuses.
    ///
    /// # Safety
    /// `p` must be a live buffer of this heap; on success it must no longer be used unless it
    /// was returned.
    pub unsafe fn realloc_bytes(&self, p: Option<NonNull<u8>>, n: usize) -> PyResult<NonNull<u8>> {
        let tag = if self.trace_tags.get() {
            self.trace_tag()
        } else {
            pyrt_allocator::Tag::NONE
        };
        // SAFETY: forwarded contract.
        unsafe { self.alloc.borrow_mut().realloc_tagged(p, n, tag) }
            .map_err(|_| PyErr::memory_error())
    }

    /// Frees a buffer from [`Heap::alloc_bytes`].
    ///
    /// # Safety
    /// `p` must be a live allocation of this heap, freed once.
    #[inline]
    pub unsafe fn free_bytes(&self, p: NonNull<u8>) {
        // SAFETY: forwarded contract.
        let result = unsafe { self.alloc.borrow_mut().free(p) };
        debug_assert!(
            result.is_ok(),
            "freeing an object's memory failed: {result:?}"
        );
    }

    /// `Py_DECREF`: drops one reference and deallocates the object when it was the last.
    ///
    /// # Safety
    /// `op` must be a live object of this heap and the caller must own the reference it drops.
    #[inline]
    pub unsafe fn decref(&self, op: ObjPtr) {
        // SAFETY: live object (caller).
        if unsafe { op.as_ref() }.decref_is_zero() {
            // SAFETY: the count reached zero: nothing refers to it any more.
            unsafe { self.dealloc(op) };
        }
    }

    /// `_Py_DECREF_SPECIALIZED(op, dealloc)`: drops one reference to an object whose type's
    /// deallocation is known to the caller and releases no other object (an exact int or
    /// float), calling that deallocation directly when the count reaches zero.
    ///
    /// # Safety
    /// As for [`Heap::decref`]; `dealloc` must be the `tp_dealloc` of `op`'s type, and that
    /// type must own no references (so no trashcan is needed).
    #[inline(always)]
    pub(crate) unsafe fn decref_leaf(&self, op: ObjPtr, dealloc: unsafe fn(&Heap, ObjPtr)) {
        // SAFETY: live object (caller).
        if unsafe { op.as_ref() }.decref_is_zero() {
            self.note_death(op);
            // SAFETY: the count reached zero; `dealloc` is its type's (caller).
            unsafe { dealloc(self, op) };
        }
    }

    /// Records the death of the object [`Heap::release_watching`] watches.
    #[inline(always)]
    fn note_death(&self, op: ObjPtr) {
        if self.watched.get() == Some(op) {
            self.watched.set(None);
            self.watched_died.set(true);
        }
    }

    /// `_Py_Dealloc` with the trashcan (see the module documentation).
    ///
    /// Exact ints and floats hold no references, and CPython's `tp_dealloc`s that use the
    /// trashcan are the containers': they are freed at once, at any depth, without the
    /// trashcan's bookkeeping.
    ///
    /// # Safety
    /// `op` must be an object of this heap whose refcount just reached zero.
    unsafe fn dealloc(&self, op: ObjPtr) {
        // SAFETY: `op` is still allocated.
        let ty = unsafe { op.as_ref() }.type_ptr();
        if ty == crate::types::FLOAT_TYPE.ptr() {
            self.note_death(op);
            // SAFETY: a dead exact float of this heap.
            return unsafe { crate::types::float::float_dealloc(self, op) };
        }
        if ty == crate::types::INT_TYPE.ptr() {
            self.note_death(op);
            // SAFETY: a dead exact int of this heap.
            return unsafe { crate::types::long::long_dealloc(self, op) };
        }
        // Every GC type's `tp_dealloc` starts with `PyObject_GC_UnTrack`: a dead object must
        // never be seen by a collection (a finalizer run below may start one).
        // SAFETY: `op` is still allocated; `is_gc` says it has a GC header.
        if crate::tracking::is_gc(unsafe { op.as_ref() }) {
            // SAFETY: a live GC object of this heap; no collection is mid-phase here.
            unsafe { self.gc.untrack(pyrt_gc::ObjRef::new(op.cast())) };
        }
        self.note_death(op);
        let depth = self.dealloc_depth.get();
        if depth >= TRASHCAN_UNWIND_LEVEL {
            self.deferred.borrow_mut().push(op);
            return;
        }
        self.dealloc_depth.set(depth + 1);
        // SAFETY: dead object of this heap; its type's dealloc frees it.
        unsafe { Self::run_dealloc(self, op) };
        self.dealloc_depth.set(depth);
        if depth == 0 {
            self.drain_deferred();
        }
    }

    /// # Safety
    /// `op` must be a dead object of this heap.
    unsafe fn run_dealloc(&self, op: ObjPtr) {
        // SAFETY: the type outlives its instances; `op` is dead (caller).
        unsafe { (op.as_ref().ob_type().slots().dealloc)(self, op) }
    }

    fn drain_deferred(&self) {
        loop {
            let Some(op) = self.deferred.borrow_mut().pop() else {
                break;
            };
            self.dealloc_depth.set(1);
            // SAFETY: deferred objects are dead objects of this heap, each queued once.
            unsafe { self.run_dealloc(op) };
            self.dealloc_depth.set(0);
        }
    }
}

impl Heap {
    /// Runs `f` with `hooks` installed: the runtime's way to run Python code when the object
    /// layer needs it (`__del__`, weakref callbacks, `gc.callbacks`). Hooks nest; the previous
    /// ones come back when `f` returns or unwinds.
    pub fn with_hooks<R>(&self, hooks: &dyn RuntimeHooks, f: impl FnOnce() -> R) -> R {
        struct Restore<'a> {
            heap: &'a Heap,
            previous: Option<NonNull<dyn RuntimeHooks + 'static>>,
        }
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.heap.hooks.set(self.previous);
            }
        }
        // SAFETY: only the lifetime is erased. The pointer is used only through `hooks()`,
        // while this call is on the stack (the guard puts the previous value back before
        // `hooks` can go away, even on unwinding).
        let erased = unsafe {
            core::mem::transmute::<
                NonNull<dyn RuntimeHooks + '_>,
                NonNull<dyn RuntimeHooks + 'static>,
            >(NonNull::from(hooks))
        };
        let _restore = Restore {
            heap: self,
            previous: self.hooks.replace(Some(erased)),
        };
        let _current = RestoreCurrent(CURRENT_HOOKS.replace(Some(erased)));
        f()
    }

    /// Drops the reference `obj`, runs `f`, and says whether the object died meanwhile (its
    /// refcount reached zero). When it did not, the caller may take a new reference to it from
    /// its address: it is alive. (Interpreter shutdown uses this to learn whether the main
    /// module's namespace was freed, as CPython learns it from a weak reference to the module.)
    /// One object is watched at a time: a nested call stops the outer watch.
    pub fn release_watching<R>(&self, obj: Obj<'_>, f: impl FnOnce() -> R) -> (R, bool) {
        self.watched.set(Some(obj.as_ptr()));
        self.watched_died.set(false);
        drop(obj);
        let result = f();
        self.watched.set(None);
        (result, self.watched_died.get())
    }

    /// Calls `f` with the hooks installed by the innermost [`Heap::with_hooks`]; `None` when
    /// there are none (a heap used from Rust alone: finalizers and callbacks do not run).
    pub(crate) fn call_hooks<R>(&self, f: impl FnOnce(&dyn RuntimeHooks) -> R) -> Option<R> {
        let p = self.hooks.get()?;
        // SAFETY: an installed pointer is valid while its `with_hooks` call runs, and that call
        // is below this one on the stack; the borrow given to `f` cannot escape it.
        Some(f(unsafe { p.as_ref() }))
    }
}

std::thread_local! {
    /// The hooks of the innermost [`Heap::with_hooks`] call running on this thread, for the
    /// conversions that have no heap at hand ([`with_current_hooks`]).
    static CURRENT_HOOKS: Cell<Option<NonNull<dyn RuntimeHooks + 'static>>> =
        const { Cell::new(None) };
}

/// Puts back the previous current hooks when a [`Heap::with_hooks`] call ends.
struct RestoreCurrent(Option<NonNull<dyn RuntimeHooks + 'static>>);

impl Drop for RestoreCurrent {
    fn drop(&mut self) {
        CURRENT_HOOKS.set(self.0);
    }
}

/// `f(hooks)` with the hooks of the innermost [`Heap::with_hooks`] call running on this
/// thread (`None` outside one): for `PyNumber_Index` of a script's object where the object
/// layer converts an argument without a heap at hand.
pub(crate) fn with_current_hooks<R>(f: impl FnOnce(&dyn RuntimeHooks) -> R) -> Option<R> {
    let p = CURRENT_HOOKS.get()?;
    // SAFETY: an installed pointer is valid while its `with_hooks` call runs, and that call is
    // below this one on the stack (its guard restores the previous value, even on
    // unwinding); the borrow given to `f` cannot escape it.
    Some(f(unsafe { p.as_ref() }))
}

impl Drop for Heap {
    /// Releases what the heap holds, then collects the cycles left, as `Py_FinalizeEx`'s last
    /// collections do: objects that only cycles keep (classes are such cycles, through their
    /// MRO tuple) give back their memory, including what they own outside the allocator
    /// (a class's names). Finalizers do not run (no runtime is there to run them); objects
    /// still referenced from outside a cycle stay as they are. Skipped while panicking.
    fn drop(&mut self) {
        if let Some((d, l)) = self.repr_objects.take() {
            // SAFETY: the heap owned these two references, and its objects are still alive.
            unsafe {
                self.decref(l);
                self.decref(d);
            }
        }
        if !std::thread::panicking() {
            // An error (a collection already running) leaves the cycles be.
            let _ = self.collect(2);
        }
        self.clear_freelists();
    }
}

#[cfg(test)]
mod tests {
    use super::Heap;
    use crate::types::list;

    #[test]
    fn a_heap_dropped_with_a_cycle_collects_it() {
        let heap = Heap::new();
        let l = list::new_list(&heap, vec![]).unwrap();
        list::append(&heap, l.cast::<list::List>().unwrap(), l.clone()).unwrap();
        drop(l);
        drop(heap);
    }

    /// Hooks that tag every traced allocation with 7.
    struct Tagger;

    impl crate::hooks::RuntimeHooks for Tagger {
        fn finalize(&self, _: &crate::PyObject) {}
        fn weakref_callback(&self, _: &crate::PyObject, _: &crate::PyObject) {}
        fn gc_callback(&self, _: pyrt_gc::CallbackPhase, _: pyrt_gc::CollectionInfo) {}
        fn trace_tag(&self) -> pyrt_allocator::Tag {
            pyrt_allocator::Tag(7)
        }
    }

    #[test]
    fn traced_blocks_carry_the_hooks_tag_and_untraced_ones_no_trace() {
        let heap = Heap::new();
        heap.with_allocator_mut(|a| a.start_tracing());
        heap.with_hooks(&Tagger, || {
            let before = heap.alloc_bytes(40).unwrap();
            heap.set_trace_tags(true);
            let tagged = heap.alloc_bytes(40).unwrap();
            let untraced = heap.untraced(|| heap.alloc_bytes(40).unwrap());
            // SAFETY: a live buffer of this heap, reallocated once.
            let grown = unsafe { heap.realloc_bytes(Some(tagged), 600) }.unwrap();
            heap.with_allocator_mut(|a| {
                assert_eq!(a.trace_at(before).unwrap().tag, pyrt_allocator::Tag::NONE);
                assert_eq!(a.trace_at(grown).unwrap().tag, pyrt_allocator::Tag(7));
                assert_eq!(a.trace_at(grown).unwrap().size, 600);
                assert!(a.trace_at(untraced).is_none());
                assert_eq!(a.traced_memory().current, 640);
            });
            heap.set_trace_tags(false);
            // SAFETY: live buffers of this heap, each freed once.
            unsafe {
                heap.free_bytes(before);
                heap.free_bytes(grown);
                heap.free_bytes(untraced);
            }
            assert_eq!(heap.with_allocator_mut(|a| a.traced_memory().current), 0);
        });
    }
}
