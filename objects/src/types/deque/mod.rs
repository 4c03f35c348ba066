//! `collections.deque` (`Modules/_collectionsmodule.c`, CPython 3.12): a double-ended queue
//! stored in a doubly linked list of 64-slot blocks.
//!
//! The layout is CPython 3.12's `dequeobject`: the variable-size header (`ob_size` is the
//! length), `leftblock`/`rightblock`, `leftindex`/`rightindex` (inclusive, `0..BLOCKLEN`),
//! `state` (bumped whenever the indices move, so iterators and the searching methods notice
//! a mutation), `maxlen` (-1 when unbounded), the 16-entry cache of spare blocks
//! (`freeblocks`, `numfreeblocks`) and `weakreflist`: `__basicsize__` 216. A block is
//! `leftlink`, 64 item slots and `rightlink`, 528 bytes from `PyMem_Malloc`
//! ([`Heap::alloc_bytes`]); `deque_sizeof` counts the blocks in use, so `sys.getsizeof(deque())`
//! is 216 + 528 + 16 (GC) = 760.
//!
//! Invariants (as CPython's comment states them): the block list is never empty and not
//! circular; the first item is `leftblock[leftindex]`, the last `rightblock[rightindex]`;
//! `(leftindex + len - 1) % 64 == rightindex`; an empty deque has `leftblock == rightblock`,
//! `leftindex == CENTER + 1`, `rightindex == CENTER`. Only this module (and its private
//! submodules, through `slot` and `item_at`) touches blocks; every
//! operation re-reads the fields after running Python code (a comparison, a finalizer), as
//! CPython does, and never keeps a Rust reference into a block across such a call.
//!
//! The type lives in the object layer (not the interpreter) because everything it needs is
//! here: comparisons that call a script's `__eq__` ([`abstract_::compare_bool`]), iteration of
//! any iterable ([`abstract_::for_each`]), calling a subclass ([`abstract_::call_object`]),
//! and [`BuiltinBase`](crate::types::builtin_subclass::BuiltinBase), which makes instances of
//! `class Q(deque)` with the base's layout. Its methods are in [`methods`], its iterators in
//! [`iter`], the searches in `search.rs`, the type object and its slots in `slots.rs`; the
//! interpreter's built-in module `_collections` exposes the type.

pub mod iter;
pub mod methods;
mod search;
mod slots;

pub use search::{contains, count, index, insert, remove};
pub(crate) use slots::DEQUE_SLOTS;
pub use slots::{DEQUE_TYPE, copy, deque_sizeof, inplace_repeat};

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{
    CompareOp, Member, PyTypeObject, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec,
};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, list, long};

/// Items per block.
pub const BLOCKLEN: usize = 64;
/// Where an empty deque's indices sit (`(BLOCKLEN - 1) / 2`).
const CENTER: isize = (BLOCKLEN as isize - 1) / 2;
/// Spare blocks a deque keeps for reuse.
const MAXFREEBLOCKS: usize = 16;

/// `block`: the links and 64 item slots (an item slot holds a reference while it is inside
/// the deque's `leftindex..=rightindex` range, and is garbage otherwise).
#[repr(C)]
struct Block {
    leftlink: *mut Block,
    data: [Option<ObjPtr>; BLOCKLEN],
    rightlink: *mut Block,
}

/// `sizeof(block)`.
pub const BLOCK_SIZE: usize = size_of::<Block>();
const _: () = assert!(BLOCK_SIZE == 528);

/// `dequeobject` (CPython 3.12).
#[repr(C)]
pub struct PyDequeObject {
    ob_base: PyVarObject,
    leftblock: Cell<*mut Block>,
    rightblock: Cell<*mut Block>,
    leftindex: Cell<isize>,
    rightindex: Cell<isize>,
    state: Cell<usize>,
    maxlen: Cell<isize>,
    numfreeblocks: Cell<usize>,
    freeblocks: [Cell<*mut Block>; MAXFREEBLOCKS],
    weakreflist: Cell<*mut PyObject>,
}

const _: () = assert!(size_of::<PyDequeObject>() == 216);

/// Whether `o` is a deque or an instance of a subclass (`PyObject_TypeCheck(o, &deque_type)`).
pub fn is_deque(o: &PyObject) -> bool {
    o.ob_type().is_subtype(DEQUE_TYPE.get())
}

crate::view! {
    /// A deque, or an instance of a class on `deque`.
    pub struct Deque: "collections.deque" = is_deque;
}

/// The deque a slot of the deque type was called on.
fn slot_self(o: &PyObject) -> &Deque {
    // SAFETY: the deque type's slots run only on deques and instances of its subclasses, which
    // share the layout.
    unsafe { Deque::cast_unchecked(o) }
}

fn header(d: &Deque) -> &PyDequeObject {
    // SAFETY: the view guarantees a deque, which starts with a `PyDequeObject`.
    unsafe { &*ptr::from_ref(d).cast::<PyDequeObject>() }
}

/// The item slot `i` of block `b`.
///
/// # Safety
/// `b` must be a live block of a deque and `0 <= i < BLOCKLEN`.
unsafe fn slot(b: *mut Block, i: isize) -> *mut Option<ObjPtr> {
    debug_assert!((0..BLOCKLEN as isize).contains(&i));
    // SAFETY: in bounds of the block's data (caller).
    unsafe {
        ptr::addr_of_mut!((*b).data)
            .cast::<Option<ObjPtr>>()
            .add(i as usize)
    }
}

/// Reads the item in slot `i` of block `b` as a new reference.
///
/// # Safety
/// As [`slot`], and the slot must hold an item of the deque.
unsafe fn item_at<'h>(heap: &'h Heap, b: *mut Block, i: isize) -> Obj<'h> {
    // SAFETY: the slot holds a reference to a live object (caller).
    unsafe {
        let p = (*slot(b, i)).expect("deque slot inside the items holds an item");
        Obj::from_borrowed(heap, p.as_ref())
    }
}

/// Number of items (`Py_SIZE`).
pub fn len(d: &Deque) -> usize {
    header(d).ob_base.ob_size.get() as usize
}

fn set_len(d: &Deque, n: isize) {
    header(d).ob_base.ob_size.set(n);
}

/// `maxlen`, `None` when unbounded.
pub fn maxlen(d: &Deque) -> Option<usize> {
    usize::try_from(header(d).maxlen.get()).ok()
}

/// Sets `maxlen` (`deque_init`), `None` for unbounded.
pub fn set_maxlen(d: &Deque, maxlen: Option<usize>) {
    header(d).maxlen.set(maxlen.map_or(-1, |m| m as isize));
}

/// The mutation counter.
fn state(d: &Deque) -> usize {
    header(d).state.get()
}

fn bump_state(d: &Deque) {
    let h = header(d);
    h.state.set(h.state.get().wrapping_add(1));
}

/// `newblock`: a spare block from the deque's cache, else 528 fresh bytes.
fn newblock(heap: &Heap, d: &Deque) -> PyResult<*mut Block> {
    let h = header(d);
    let n = h.numfreeblocks.get();
    if n > 0 {
        h.numfreeblocks.set(n - 1);
        return Ok(h.freeblocks[n - 1].get());
    }
    Ok(heap.alloc_bytes(BLOCK_SIZE)?.as_ptr().cast())
}

/// `freeblock`: keeps the block in the cache if there is room, else gives it back.
///
/// # Safety
/// `b` must be a block of this deque no longer linked into it.
unsafe fn freeblock(heap: &Heap, d: &Deque, b: *mut Block) {
    let h = header(d);
    let n = h.numfreeblocks.get();
    if n < MAXFREEBLOCKS {
        h.freeblocks[n].set(b);
        h.numfreeblocks.set(n + 1);
    } else {
        // SAFETY: an unlinked block from `alloc_bytes` (caller).
        unsafe { heap.free_bytes(NonNull::new_unchecked(b.cast())) };
    }
}

/// A new, untracked, empty deque of type `ty` (`deque` or a class on it: `deque_new` through
/// `tp_alloc`); a class's member slots after the struct are zeroed. The caller tracks it.
///
/// # Errors
/// `MemoryError`.
pub(crate) fn new_subclass_deque<'h>(heap: &'h Heap, ty: &PyTypeObject) -> PyResult<Obj<'h>> {
    let base = size_of::<PyDequeObject>();
    let size = ty.basicsize().max(base);
    let op = heap.alloc_object(ty, size)?;
    // SAFETY: a fresh object of `size` bytes whose header `alloc_object` wrote: the fields are
    // written before any use; the object owns its first block.
    let deque = unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, size - size_of::<PyObject>());
        let d = op.cast::<PyDequeObject>().as_ptr();
        (*d).ob_base.ob_size.set(0);
        (*d).leftindex.set(CENTER + 1);
        (*d).rightindex.set(CENTER);
        (*d).maxlen.set(-1);
        Obj::from_owned(heap, op)
    };
    let d = Deque::cast_internal(deque.object())?;
    let b = newblock(heap, d)?;
    // SAFETY: a fresh block: its links are the list's ends.
    unsafe {
        (*b).leftlink = ptr::null_mut();
        (*b).rightlink = ptr::null_mut();
    }
    header(d).leftblock.set(b);
    header(d).rightblock.set(b);
    Ok(deque)
}

/// A new empty `deque` (tracked), unbounded.
///
/// # Errors
/// `MemoryError`.
pub fn new_deque(heap: &Heap) -> PyResult<Obj<'_>> {
    let d = new_subclass_deque(heap, DEQUE_TYPE.get())?;
    // SAFETY: a complete deque.
    unsafe { heap.track(d.object()) };
    Ok(d)
}

/// `deque_pop`: the rightmost item.
///
/// # Errors
/// `IndexError: pop from an empty deque`.
pub fn pop<'h>(heap: &'h Heap, d: &Deque) -> PyResult<Obj<'h>> {
    if len(d) == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from an empty deque"));
    }
    let h = header(d);
    let rb = h.rightblock.get();
    // SAFETY: `rightindex` is the last item of a non-empty deque; its reference moves to the
    // caller. An emptied right block (not the only one) is unlinked before it is freed.
    unsafe {
        let p = (*slot(rb, h.rightindex.get())).take();
        h.rightindex.set(h.rightindex.get() - 1);
        set_len(d, len(d) as isize - 1);
        bump_state(d);
        if h.rightindex.get() < 0 {
            if len(d) > 0 {
                let prev = (*rb).leftlink;
                freeblock(heap, d, rb);
                (*prev).rightlink = ptr::null_mut();
                h.rightblock.set(prev);
                h.rightindex.set(BLOCKLEN as isize - 1);
            } else {
                h.leftindex.set(CENTER + 1);
                h.rightindex.set(CENTER);
            }
        }
        let p = p.expect("deque slot inside the items holds an item");
        Ok(Obj::from_owned(heap, p))
    }
}

/// `deque_popleft`: the leftmost item.
///
/// # Errors
/// `IndexError: pop from an empty deque`.
pub fn popleft<'h>(heap: &'h Heap, d: &Deque) -> PyResult<Obj<'h>> {
    if len(d) == 0 {
        return Err(PyErr::new(ExcKind::IndexError, "pop from an empty deque"));
    }
    let h = header(d);
    let lb = h.leftblock.get();
    // SAFETY: as in `pop`, at the left end.
    unsafe {
        let p = (*slot(lb, h.leftindex.get())).take();
        h.leftindex.set(h.leftindex.get() + 1);
        set_len(d, len(d) as isize - 1);
        bump_state(d);
        if h.leftindex.get() == BLOCKLEN as isize {
            if len(d) > 0 {
                let next = (*lb).rightlink;
                freeblock(heap, d, lb);
                (*next).leftlink = ptr::null_mut();
                h.leftblock.set(next);
                h.leftindex.set(0);
            } else {
                h.leftindex.set(CENTER + 1);
                h.rightindex.set(CENTER);
            }
        }
        let p = p.expect("deque slot inside the items holds an item");
        Ok(Obj::from_owned(heap, p))
    }
}

/// Whether a deque of `n` items is over `maxlen` (`NEEDS_TRIM`: never when unbounded).
fn needs_trim(n: usize, maxlen: isize) -> bool {
    (maxlen as usize) < n
}

/// `deque_append_internal`: `item` goes right; the leftmost item goes if the deque passes
/// `maxlen`.
fn append_internal(heap: &Heap, d: &Deque, item: Obj<'_>, maxlen: isize) -> PyResult<()> {
    let h = header(d);
    if h.rightindex.get() == BLOCKLEN as isize - 1 {
        let b = newblock(heap, d)?;
        let rb = h.rightblock.get();
        // SAFETY: a new block linked after the right end.
        unsafe {
            (*b).leftlink = rb;
            (*b).rightlink = ptr::null_mut();
            (*rb).rightlink = b;
        }
        h.rightblock.set(b);
        h.rightindex.set(-1);
    }
    set_len(d, len(d) as isize + 1);
    h.rightindex.set(h.rightindex.get() + 1);
    // SAFETY: the slot after the last item, inside the right block.
    unsafe { *slot(h.rightblock.get(), h.rightindex.get()) = Some(item.into_ptr()) };
    if needs_trim(len(d), maxlen) {
        drop(popleft(heap, d)?);
    } else {
        bump_state(d);
    }
    Ok(())
}

/// `deque_appendleft_internal`: `item` goes left; the rightmost item goes if the deque
/// passes `maxlen`.
fn appendleft_internal(heap: &Heap, d: &Deque, item: Obj<'_>, maxlen: isize) -> PyResult<()> {
    let h = header(d);
    if h.leftindex.get() == 0 {
        let b = newblock(heap, d)?;
        let lb = h.leftblock.get();
        // SAFETY: a new block linked before the left end.
        unsafe {
            (*b).rightlink = lb;
            (*b).leftlink = ptr::null_mut();
            (*lb).leftlink = b;
        }
        h.leftblock.set(b);
        h.leftindex.set(BLOCKLEN as isize);
    }
    set_len(d, len(d) as isize + 1);
    h.leftindex.set(h.leftindex.get() - 1);
    // SAFETY: the slot before the first item, inside the left block.
    unsafe { *slot(h.leftblock.get(), h.leftindex.get()) = Some(item.into_ptr()) };
    if needs_trim(len(d), maxlen) {
        drop(pop(heap, d)?);
    } else {
        bump_state(d);
    }
    Ok(())
}

/// `d.append(item)`.
///
/// # Errors
/// `MemoryError`.
pub fn append(heap: &Heap, d: &Deque, item: Obj<'_>) -> PyResult<()> {
    append_internal(heap, d, item, header(d).maxlen.get())
}

/// `d.appendleft(item)`.
///
/// # Errors
/// `MemoryError`.
pub fn appendleft(heap: &Heap, d: &Deque, item: Obj<'_>) -> PyResult<()> {
    appendleft_internal(heap, d, item, header(d).maxlen.get())
}

/// The items, as new references (`PySequence_List`'s loop, with no code run in between).
pub fn items<'h>(heap: &'h Heap, d: &Deque) -> Vec<Obj<'h>> {
    let h = header(d);
    let mut out = Vec::with_capacity(len(d));
    let (mut b, mut i) = (h.leftblock.get(), h.leftindex.get());
    for _ in 0..len(d) {
        // SAFETY: walking the items from the left; `b` stays a live block of the deque.
        unsafe {
            out.push(item_at(heap, b, i));
            i += 1;
            if i == BLOCKLEN as isize {
                b = (*b).rightlink;
                i = 0;
            }
        }
    }
    out
}

/// `deque_extend` (`right`) and `deque_extendleft`: every item of `iterable` added at one end
/// (a deque extended by itself reads its items first).
fn extend_side(heap: &Heap, d: &Deque, iterable: &PyObject, right: bool) -> PyResult<()> {
    if ptr::eq(d.as_ref(), iterable) {
        let snapshot = list::new_list(heap, items(heap, d))?;
        return extend_side(heap, d, snapshot.object(), right);
    }
    let maxlen = header(d).maxlen.get();
    if maxlen == 0 {
        return abstract_::for_each(heap, iterable, |_| Ok(true));
    }
    abstract_::for_each_started(
        heap,
        iterable,
        || {
            // The space-saving heuristic: an empty deque fills from one end of its block.
            if len(d) == 0 {
                let h = header(d);
                let (l, r) = if right {
                    (1, 0)
                } else {
                    (BLOCKLEN as isize - 1, BLOCKLEN as isize - 2)
                };
                h.leftindex.set(l);
                h.rightindex.set(r);
            }
            Ok(())
        },
        |item| {
            if right {
                append_internal(heap, d, item, maxlen)?;
            } else {
                appendleft_internal(heap, d, item, maxlen)?;
            }
            Ok(true)
        },
    )
}

/// `d.extend(iterable)`.
///
/// # Errors
/// What iterating raises; `MemoryError`.
pub fn extend(heap: &Heap, d: &Deque, iterable: &PyObject) -> PyResult<()> {
    extend_side(heap, d, iterable, true)
}

/// `d.extendleft(iterable)`.
///
/// # Errors
/// What iterating raises; `MemoryError`.
pub fn extendleft(heap: &Heap, d: &Deque, iterable: &PyObject) -> PyResult<()> {
    extend_side(heap, d, iterable, false)
}

/// `deque_clear`: the deque is emptied onto a new block first, then the old items are
/// released and their blocks freed (a finalizer run by a release sees an empty deque).
pub fn clear(heap: &Heap, d: &Deque) {
    if len(d) == 0 {
        return;
    }
    let Ok(b) = newblock(heap, d) else {
        // The alternate method: pop until empty.
        while let Ok(item) = pop(heap, d) {
            drop(item);
        }
        return;
    };
    let h = header(d);
    let mut n = len(d);
    let mut block = h.leftblock.get();
    let mut index = h.leftindex.get();
    // SAFETY: the fresh block becomes the whole (empty) deque; the old chain, detached, is
    // walked from its first item, each item's reference released, each block freed once
    // walked.
    unsafe {
        (*b).leftlink = ptr::null_mut();
        (*b).rightlink = ptr::null_mut();
        set_len(d, 0);
        h.leftblock.set(b);
        h.rightblock.set(b);
        h.leftindex.set(CENTER + 1);
        h.rightindex.set(CENTER);
        bump_state(d);
        while n > 0 {
            if let Some(p) = (*slot(block, index)).take() {
                heap.decref(p);
            }
            n -= 1;
            index += 1;
            if index == BLOCKLEN as isize && n > 0 {
                let next = (*block).rightlink;
                freeblock(heap, d, block);
                block = next;
                index = 0;
            }
        }
        freeblock(heap, d, block);
    }
}

/// Checks the layout's invariants (see the module doc): the block chain from `leftblock`
/// reaches `rightblock` with consistent back links and NULL ends, the indices are in range and
/// agree with the length, every item slot holds an item, and the block cache is within bounds.
///
/// # Panics
/// On the first broken invariant (a test or debug aid).
pub fn check_invariants(d: &Deque) {
    let h = header(d);
    let bl = BLOCKLEN as isize;
    let (li, ri, n) = (h.leftindex.get(), h.rightindex.get(), len(d) as isize);
    assert!(
        (0..bl).contains(&li) && (0..bl).contains(&ri),
        "indices {li} {ri}"
    );
    assert_eq!(
        (li + n - 1).rem_euclid(bl),
        ri,
        "rightindex from leftindex and length"
    );
    if n == 0 {
        assert_eq!(
            h.leftblock.get(),
            h.rightblock.get(),
            "an empty deque has one block"
        );
        assert_eq!(li, ri + 1, "an empty deque's indices are adjacent");
    }
    let blocks = (li + n + bl - 1) / bl;
    let mut b = h.leftblock.get();
    // SAFETY: the chain is walked only as far as the length says blocks exist; each step
    // checks the links before following them.
    unsafe {
        assert!((*b).leftlink.is_null(), "the left block has no left link");
        for k in 0..blocks.max(1) {
            if k + 1 == blocks.max(1) {
                assert_eq!(b, h.rightblock.get(), "the chain ends at rightblock");
                assert!(
                    (*b).rightlink.is_null(),
                    "the right block has no right link"
                );
            } else {
                let next = (*b).rightlink;
                assert!(!next.is_null() && (*next).leftlink == b, "links agree");
                b = next;
            }
        }
    }
    let mut count = 0;
    let (mut b, mut i) = (h.leftblock.get(), li);
    for _ in 0..n {
        // SAFETY: the chain was checked above.
        unsafe {
            assert!((*slot(b, i)).is_some(), "an item slot is empty");
            i += 1;
            if i == bl {
                b = (*b).rightlink;
                i = 0;
            }
        }
        count += 1;
    }
    assert_eq!(count, n);
    assert!(h.numfreeblocks.get() <= MAXFREEBLOCKS);
}

/// Releases the items and every block, the cached ones too (`deque_dealloc` after the
/// weak references): the deque is left without blocks and must not be used again.
///
/// # Safety
/// `d` must be dead (being deallocated).
pub(crate) unsafe fn release_blocks(heap: &Heap, d: &Deque) {
    clear(heap, d);
    let h = header(d);
    let last = h.leftblock.replace(ptr::null_mut());
    h.rightblock.set(ptr::null_mut());
    // SAFETY: the one block left and the cached blocks belong to the dead deque alone.
    unsafe {
        if !last.is_null() {
            heap.free_bytes(NonNull::new_unchecked(last.cast()));
        }
        for i in 0..h.numfreeblocks.replace(0) {
            heap.free_bytes(NonNull::new_unchecked(h.freeblocks[i].get().cast()));
        }
    }
}

/// `_deque_rotate`: the deque turned `n` steps to the right (left when negative), moving item
/// pointers between the end blocks without touching reference counts.
///
/// # Errors
/// `MemoryError` (the deque is left consistent).
pub fn rotate(heap: &Heap, d: &Deque, mut n: isize) -> PyResult<()> {
    let h = header(d);
    let size = len(d) as isize;
    let halflen = size >> 1;
    if size <= 1 {
        return Ok(());
    }
    if n > halflen || n < -halflen {
        n %= size;
        if n > halflen {
            n -= size;
        } else if n < -halflen {
            n += size;
        }
    }
    let bl = BLOCKLEN as isize;
    let mut spare: *mut Block = ptr::null_mut();
    let (mut leftblock, mut rightblock) = (h.leftblock.get(), h.rightblock.get());
    let (mut leftindex, mut rightindex) = (h.leftindex.get(), h.rightindex.get());
    bump_state(d);
    let mut result = Ok(());
    // SAFETY: CPython's loop: the indices stay inside their blocks, a new block is linked at
    // an end before it is written, an emptied end block is unlinked and kept as the spare;
    // item pointers move from slot to slot, so every item keeps exactly one slot.
    unsafe {
        while n > 0 {
            if leftindex == 0 {
                if spare.is_null() {
                    match newblock(heap, d) {
                        Ok(b) => spare = b,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                (*spare).rightlink = leftblock;
                (*leftblock).leftlink = spare;
                leftblock = spare;
                (*leftblock).leftlink = ptr::null_mut();
                leftindex = bl;
                spare = ptr::null_mut();
            }
            let m = n.min(rightindex + 1).min(leftindex);
            rightindex -= m;
            leftindex -= m;
            for k in 0..m {
                *slot(leftblock, leftindex + k) = (*slot(rightblock, rightindex + 1 + k)).take();
            }
            n -= m;
            if rightindex < 0 {
                spare = rightblock;
                rightblock = (*rightblock).leftlink;
                (*rightblock).rightlink = ptr::null_mut();
                rightindex = bl - 1;
            }
        }
        while n < 0 && result.is_ok() {
            if rightindex == bl - 1 {
                if spare.is_null() {
                    match newblock(heap, d) {
                        Ok(b) => spare = b,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                (*spare).leftlink = rightblock;
                (*rightblock).rightlink = spare;
                rightblock = spare;
                (*rightblock).rightlink = ptr::null_mut();
                rightindex = -1;
                spare = ptr::null_mut();
            }
            let m = (-n).min(bl - leftindex).min(bl - 1 - rightindex);
            for k in 0..m {
                *slot(rightblock, rightindex + 1 + k) = (*slot(leftblock, leftindex + k)).take();
            }
            leftindex += m;
            rightindex += m;
            n += m;
            if leftindex == bl {
                spare = leftblock;
                leftblock = (*leftblock).rightlink;
                (*leftblock).leftlink = ptr::null_mut();
                leftindex = 0;
            }
        }
        if !spare.is_null() {
            freeblock(heap, d, spare);
        }
    }
    h.leftblock.set(leftblock);
    h.rightblock.set(rightblock);
    h.leftindex.set(leftindex);
    h.rightindex.set(rightindex);
    result
}

/// `deque_reverse`: the items reversed in place (the state does not change, as in CPython).
pub fn reverse(d: &Deque) {
    let h = header(d);
    let (mut lb, mut rb) = (h.leftblock.get(), h.rightblock.get());
    let (mut li, mut ri) = (h.leftindex.get(), h.rightindex.get());
    for _ in 0..len(d) / 2 {
        // SAFETY: the two positions walk inwards over the items and never cross.
        unsafe {
            ptr::swap(slot(lb, li), slot(rb, ri));
            li += 1;
            if li == BLOCKLEN as isize {
                lb = (*lb).rightlink;
                li = 0;
            }
            ri -= 1;
            if ri < 0 {
                rb = (*rb).leftlink;
                ri = BLOCKLEN as isize - 1;
            }
        }
    }
}

/// The block and slot of item `i` (`0 <= i < len`), walking from the nearer end
/// (`deque_item`'s and `deque_ass_item`'s search; `from_left` chooses the end).
fn locate(d: &Deque, index: usize, from_left: bool) -> (*mut Block, isize) {
    let h = header(d);
    let i = index as isize + h.leftindex.get();
    let mut n = i / BLOCKLEN as isize;
    let i = i % BLOCKLEN as isize;
    // SAFETY: walking `n` links from an end stays inside the list (the item exists).
    unsafe {
        if from_left {
            let mut b = h.leftblock.get();
            while n > 0 {
                b = (*b).rightlink;
                n -= 1;
            }
            (b, i)
        } else {
            n = (h.leftindex.get() + len(d) as isize - 1) / BLOCKLEN as isize - n;
            let mut b = h.rightblock.get();
            while n > 0 {
                b = (*b).leftlink;
                n -= 1;
            }
            (b, i)
        }
    }
}

fn index_error() -> PyErr {
    PyErr::new(ExcKind::IndexError, "deque index out of range")
}

/// `deque_item`: item `i` (`PySequence_GetItem`: a negative `i` counts from the right).
///
/// # Errors
/// `IndexError: deque index out of range`.
pub fn get_item<'h>(heap: &'h Heap, d: &Deque, i: isize) -> PyResult<Obj<'h>> {
    let n = len(d) as isize;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(index_error());
    }
    let h = header(d);
    let (b, k) = if i == 0 {
        (h.leftblock.get(), h.leftindex.get())
    } else if i == n - 1 {
        (h.rightblock.get(), h.rightindex.get())
    } else {
        locate(d, i as usize, i < (n >> 1))
    };
    // SAFETY: `(b, k)` is item `i`'s slot.
    Ok(unsafe { item_at(heap, b, k) })
}

/// `deque_ass_item`: item `i` replaced (negative `i` counts from the right); the old item is
/// released after the slot holds the new one.
///
/// # Errors
/// `IndexError: deque index out of range`.
pub fn set_item(heap: &Heap, d: &Deque, i: isize, value: Obj<'_>) -> PyResult<()> {
    let n = len(d) as isize;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(index_error());
    }
    let (b, k) = locate(d, i as usize, i <= (n + 1) >> 1);
    // SAFETY: `(b, k)` is item `i`'s slot; its old reference is released last.
    unsafe {
        let old = (*slot(b, k)).replace(value.into_ptr());
        if let Some(old) = old {
            heap.decref(old);
        }
    }
    Ok(())
}

/// `deque_del_item`: item `i` removed (negative `i` counts from the right), by rotating it to
/// the left end.
///
/// # Errors
/// `IndexError: deque index out of range`; `MemoryError`.
pub fn del_item(heap: &Heap, d: &Deque, i: isize) -> PyResult<()> {
    let n = len(d) as isize;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(index_error());
    }
    del_valid(heap, d, i)
}

fn del_valid(heap: &Heap, d: &Deque, i: isize) -> PyResult<()> {
    rotate(heap, d, -i)?;
    let item = popleft(heap, d)?;
    let r = rotate(heap, d, i);
    drop(item);
    r
}

#[cfg(test)]
mod tests;
