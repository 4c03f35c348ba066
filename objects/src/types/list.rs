//! `list` (`Objects/listobject.c`): a `PyVarObject` (`ob_size` = length), the item array pointer
//! and `allocated` — 40 bytes, a GC type — with the items in a separate `PyMem` block of
//! `8 × allocated` bytes. `__sizeof__` is `40 + 8 × allocated`, so `sys.getsizeof` is
//! `56 + 8 × allocated`.
//!
//! The capacity follows CPython exactly, because sizes depend on it:
//! * [`list_resize`] (append, insert, pop, deletion, extend of a non-empty list): keep the array
//!   while `allocated / 2 <= newsize <= allocated`, else reallocate to
//!   `(newsize + newsize / 8 + 6) & !3` — or `(newsize + 3) & !3` when that is not enough for a
//!   large jump — or 0 for an empty list;
//! * `list_preallocate_exact` (extending an empty list from a sized source): `n` rounded up to
//!   even;
//! * `PyList_New(n)` (displays, slices, `l * k`, `l + m`, `copy()`): exactly `n`.
//!
//! Emptying a list (`clear()`, popping the last item, deleting every item) frees the array.
//! Dead list headers go on a free list of 80, as in CPython.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyListObject`.
#[repr(C)]
pub struct PyListObject {
    ob_base: PyVarObject,
    ob_item: Cell<*mut ObjPtr>,
    allocated: Cell<isize>,
}

const _: () = assert!(size_of::<PyListObject>() == 40);

/// `Py_TPFLAGS_LIST_SUBCLASS`.
pub(crate) const LIST_SUBCLASS: TypeFlags = TypeFlags(1 << 25);

/// Whether `o` is a list (`PyList_Check`).
pub fn is_list(o: &PyObject) -> bool {
    o.ob_type().flags().contains(LIST_SUBCLASS)
}

crate::view! {
    /// A list or an instance of a subclass of `list` (`PyList_Check`).
    pub struct List: "list" = is_list;
}

/// The list a slot of the list type was called on.
fn slot_self(o: &PyObject) -> &List {
    // SAFETY: the list type's slots are only called on lists (instances of `list` or of a
    // subclass, which inherits the slots and `LIST_SUBCLASS`).
    unsafe { List::cast_unchecked(o) }
}

fn header(o: &List) -> &PyListObject {
    // SAFETY: the view guarantees a list, and lists start with a `PyListObject`.
    unsafe { &*ptr::from_ref(o).cast::<PyListObject>() }
}

/// Number of items.
pub fn list_len(o: &List) -> usize {
    header(o).ob_base.ob_size.get() as usize
}

/// Capacity of the item array (`allocated`).
pub fn allocated(o: &List) -> usize {
    header(o).allocated.get() as usize
}

/// The items.
pub fn items(o: &List) -> &[ObjPtr] {
    let h = header(o);
    let n = list_len(o);
    if n == 0 {
        return &[];
    }
    // SAFETY: the array holds `ob_size` initialised item pointers.
    unsafe { core::slice::from_raw_parts(h.ob_item.get(), n) }
}

fn set_len(o: &List, n: usize) {
    header(o).ob_base.ob_size.set(n as isize);
}

/// Writes owned items into the slots starting at `at`, which the caller made room for; the
/// length is the caller's to set.
fn write_items<'h>(o: &List, at: usize, items: impl IntoIterator<Item = Obj<'h>>) {
    let base = header(o).ob_item.get();
    for (i, item) in items.into_iter().enumerate() {
        assert!(at + i < allocated(o), "write past the list's array");
        // SAFETY: slot `at + i` lies inside the allocated array.
        unsafe { base.add(at + i).write(item.into_ptr()) };
    }
}

/// A list's storage as CPython's code on the raw fields sees it: the item array (`ob_item`,
/// null when there is none), the length (`ob_size`) and the capacity (`allocated`, which
/// `list.sort` sets to -1 while the list is detached).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawStorage {
    pub(crate) items: *mut ObjPtr,
    pub(crate) len: isize,
    pub(crate) allocated: isize,
}

/// Puts `new` in place of the list's storage and returns the old one; ownership of each array
/// and of the references in its first `len` slots moves with it. `list.sort` empties a list this
/// way while it sorts, and `str.split` fills one it preallocated, as CPython does on the fields.
///
/// # Safety
/// `new.items` must be null with `len` 0, or a live buffer of this list's heap with room for
/// `max(allocated, len)` pointers whose first `len` are owned references to live objects; the
/// caller becomes the owner of the returned storage.
pub(crate) unsafe fn swap_storage(o: &List, new: RawStorage) -> RawStorage {
    let h = header(o);
    RawStorage {
        items: h.ob_item.replace(new.items),
        len: h.ob_base.ob_size.replace(new.len),
        allocated: h.allocated.replace(new.allocated),
    }
}

/// `PyList_New(n)` filled with `items`: an array of exactly `n` (none for an empty list), as
/// list displays, slices, repetition and concatenation make.
///
/// # Errors
/// `MemoryError` when the allocator refuses (the items are released).
pub fn new_list<'h>(heap: &'h Heap, items: Vec<Obj<'h>>) -> PyResult<Obj<'h>> {
    let list = alloc_list(heap)?;
    let n = items.len();
    if n > 0 {
        let l = slot_self(list.object());
        set_array(heap, l, n)?;
        write_items(l, 0, items);
        set_len(l, n);
    }
    Ok(list)
}

/// A new empty instance of `ty`, a class whose base is `list` (`PyType_GenericAlloc`: no free
/// list, the class's pre-header, no instance dict until an attribute is set).
///
/// # Safety
/// `ty` must be a live class whose instances have the list layout, and `cls` its object.
pub(crate) unsafe fn new_subclass_instance<'h>(
    heap: &'h Heap,
    cls: &PyObject,
    ty: &crate::typeobj::PyTypeObject,
) -> PyResult<Obj<'h>> {
    let base = size_of::<PyListObject>();
    let op = heap.alloc_object(ty, ty.basicsize().max(base))?;
    // SAFETY: a fresh body of the list layout (caller), whose one reference we own, followed
    // by the class's member slots (`basicsize` past the list), which start unset; the
    // instance holds a reference to its class.
    unsafe {
        op.cast::<u8>()
            .add(base)
            .write_bytes(0, ty.basicsize().saturating_sub(base));
        let l = op.cast::<PyListObject>().as_ptr();
        ptr::addr_of_mut!((*l).ob_base.ob_size).write(Cell::new(0));
        ptr::addr_of_mut!((*l).ob_item).write(Cell::new(ptr::null_mut()));
        ptr::addr_of_mut!((*l).allocated).write(Cell::new(0));
        cls.incref();
        let list = Obj::from_owned(heap, op);
        heap.track(list.object());
        Ok(list)
    }
}

/// New references to the items of a list or tuple.
///
/// # Errors
/// `TypeError: 'int' object is not iterable` for anything else.
pub(crate) fn borrowed_items<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Vec<Obj<'h>>> {
    let ptrs = if let Some(l) = List::cast(o) {
        items(l).to_vec()
    } else if let Some(t) = crate::types::tuple::Tuple::cast(o) {
        crate::types::tuple::items(t).to_vec()
    } else {
        return Err(crate::error::PyErr::type_error(format!(
            "'{}' object is not iterable",
            o.ob_type().name()
        )));
    };
    // SAFETY: the container holds its items; each is taken as a new reference.
    Ok(ptrs
        .into_iter()
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .collect())
}

/// A new empty list as calling `list` makes it (`list_new_impl`: `PyType_GenericAlloc`, never
/// the free list, which only `PyList_New` takes from).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_list_from_type(heap: &Heap) -> PyResult<Obj<'_>> {
    init_list(
        heap,
        heap.alloc_object(LIST_TYPE.get(), size_of::<PyListObject>())?,
    )
}

/// An empty list header, from the free list when it has one.
fn alloc_list(heap: &Heap) -> PyResult<Obj<'_>> {
    let op = match heap.lists.pop(LIST_TYPE.ptr()) {
        Some(op) => op,
        None => heap.alloc_object(LIST_TYPE.get(), size_of::<PyListObject>())?,
    };
    init_list(heap, op)
}

/// Makes the list body at `op` (a fresh or recycled block whose one reference the caller
/// gives) an empty, tracked list.
fn init_list(heap: &Heap, op: ObjPtr) -> PyResult<Obj<'_>> {
    // SAFETY: a list body with a fresh header and one reference that we own.
    unsafe {
        let l = op.cast::<PyListObject>().as_ptr();
        ptr::addr_of_mut!((*l).ob_base.ob_size).write(Cell::new(0));
        ptr::addr_of_mut!((*l).ob_item).write(Cell::new(ptr::null_mut()));
        ptr::addr_of_mut!((*l).allocated).write(Cell::new(0));
        let list = Obj::from_owned(heap, op);
        heap.track(list.object());
        Ok(list)
    }
}

/// Reallocates the item array to exactly `capacity` items (0 frees it); the length is unchanged.
fn set_array(heap: &Heap, o: &List, capacity: usize) -> PyResult<()> {
    let h = header(o);
    let old = NonNull::new(h.ob_item.get().cast::<u8>());
    if capacity == 0 {
        if let Some(p) = old {
            // SAFETY: the array is a live buffer of this heap, owned by the list.
            unsafe { heap.free_bytes(p) };
        }
        h.ob_item.set(ptr::null_mut());
    } else {
        let bytes = capacity.checked_mul(8).ok_or_else(PyErr::memory_error)?;
        // SAFETY: the old array (if any) is a live buffer of this heap owned by the list.
        let p = unsafe { heap.realloc_bytes(old, bytes)? };
        h.ob_item.set(p.as_ptr().cast());
    }
    h.allocated.set(capacity as isize);
    Ok(())
}

/// `list_resize`: sets the length to `newsize`, keeping the array while
/// `allocated / 2 <= newsize <= allocated`, else reallocating with CPython's over-allocation.
/// New slots are left for the caller to fill.
///
/// # Errors
/// `MemoryError` when the allocator refuses (the list is unchanged).
pub fn list_resize(heap: &Heap, o: &List, newsize: usize) -> PyResult<()> {
    let allocated = allocated(o);
    if allocated >= newsize && newsize >= allocated >> 1 {
        set_len(o, newsize);
        return Ok(());
    }
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
    if newsize.saturating_sub(list_len(o)) > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    set_array(heap, o, new_allocated)?;
    set_len(o, newsize);
    Ok(())
}

/// `list_preallocate_exact`: an empty list gets room for `n` items rounded up to even.
fn preallocate_exact(heap: &Heap, o: &List, n: usize) -> PyResult<()> {
    debug_assert!(header(o).ob_item.get().is_null());
    set_array(heap, o, n.saturating_add(1) & !1)
}

/// `list.append(item)`.
///
/// # Errors
/// `MemoryError` when the array cannot grow.
pub fn append<'h>(heap: &'h Heap, o: &List, item: Obj<'h>) -> PyResult<()> {
    let n = list_len(o);
    list_resize(heap, o, n + 1)?;
    write_items(o, n, [item]);
    Ok(())
}

/// `list.insert(index, item)`, with CPython's clamping of out-of-range indices.
///
/// # Errors
/// `MemoryError` when the array cannot grow.
pub fn insert<'h>(heap: &'h Heap, o: &List, index: isize, item: Obj<'h>) -> PyResult<()> {
    let n = list_len(o) as isize;
    list_resize(heap, o, n as usize + 1)?;
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    } as usize;
    let base = header(o).ob_item.get();
    // SAFETY: the array now has room for `n + 1` items; slots `at..n` shift up by one.
    unsafe { ptr::copy(base.add(at), base.add(at + 1), n as usize - at) };
    write_items(o, at, [item]);
    Ok(())
}

/// Normalises a Python index against `len`: `None` when out of range.
fn normalize(index: isize, len: usize) -> Option<usize> {
    let i = if index < 0 {
        index + len as isize
    } else {
        index
    };
    (0..len as isize).contains(&i).then_some(i as usize)
}

fn index_error(message: &str) -> PyErr {
    PyErr::new(ExcKind::IndexError, message)
}

/// `l[index]`.
///
/// # Errors
/// `IndexError: list index out of range`.
pub fn get_item<'h>(heap: &'h Heap, o: &List, index: isize) -> PyResult<Obj<'h>> {
    let i = normalize(index, list_len(o)).ok_or_else(|| index_error("list index out of range"))?;
    // SAFETY: the list holds a reference to each item, objects of this heap.
    Ok(unsafe { Obj::from_borrowed(heap, items(o)[i].as_ref()) })
}

/// `l[index] = value`.
///
/// # Errors
/// `IndexError: list assignment index out of range`.
pub fn set_item<'h>(heap: &'h Heap, o: &List, index: isize, value: Obj<'h>) -> PyResult<()> {
    let i = normalize(index, list_len(o))
        .ok_or_else(|| index_error("list assignment index out of range"))?;
    // SAFETY: slot `i` holds an owned item, replaced by the new one; the old one is released
    // after the list is consistent again.
    unsafe {
        let slot = header(o).ob_item.get().add(i);
        let old = slot.read();
        slot.write(value.into_ptr());
        heap.decref(old);
    }
    Ok(())
}

/// `l.pop(index)` (the last item when `None`). Popping the only item frees the array, as
/// CPython's `list_clear` does.
///
/// # Errors
/// `IndexError: pop from empty list`, `IndexError: pop index out of range`.
pub fn pop<'h>(heap: &'h Heap, o: &List, index: Option<isize>) -> PyResult<Obj<'h>> {
    let n = list_len(o);
    if n == 0 {
        return Err(index_error("pop from empty list"));
    }
    let i =
        normalize(index.unwrap_or(-1), n).ok_or_else(|| index_error("pop index out of range"))?;
    let base = header(o).ob_item.get();
    // SAFETY: slot `i` holds an owned item, which moves to the caller; the tail shifts down.
    let item = unsafe { Obj::from_owned(heap, base.add(i).read()) };
    if n == 1 {
        set_len(o, 0);
        set_array(heap, o, 0)?;
        return Ok(item);
    }
    // SAFETY: slots `i + 1..n` are initialised and shift down by one.
    unsafe { ptr::copy(base.add(i + 1), base.add(i), n - 1 - i) };
    list_resize(heap, o, n - 1)?;
    Ok(item)
}

/// `l.clear()` (`_list_clear`): the length and capacity become 0, the items are released last
/// to first, then the array is freed.
pub fn clear(heap: &Heap, o: &List) {
    let h = header(o);
    let array = h.ob_item.get();
    if array.is_null() {
        return;
    }
    let n = list_len(o);
    set_len(o, 0);
    h.ob_item.set(ptr::null_mut());
    h.allocated.set(0);
    // SAFETY: the detached array held `n` owned items; it is a live buffer of this heap.
    unsafe {
        for i in (0..n).rev() {
            heap.decref(array.add(i).read());
        }
        heap.free_bytes(NonNull::new_unchecked(array.cast()));
    }
}

/// `del l[lo:hi]` with `0 <= lo <= hi <= len` (`list_ass_slice` deleting): the tail moves down,
/// then [`list_resize`] may shrink the array; deleting everything clears the list. As in CPython,
/// more than 8 removed items are parked in a temporary buffer from the allocator.
///
/// # Errors
/// `MemoryError` when the temporary buffer or the shrunk array cannot be allocated.
pub fn del_slice(heap: &Heap, o: &List, lo: usize, hi: usize) -> PyResult<()> {
    let n = list_len(o);
    debug_assert!(lo <= hi && hi <= n);
    let removed = hi - lo;
    if removed == 0 {
        return Ok(());
    }
    if removed == n {
        clear(heap, o);
        return Ok(());
    }
    let recycle_buffer = if removed * 8 > 64 {
        Some(heap.alloc_bytes(removed * 8)?)
    } else {
        None
    };
    let base = header(o).ob_item.get();
    // SAFETY: slots `lo..hi` hold owned items that move to `recycle`; the tail `hi..n` shifts
    // down to `lo`.
    let recycle: Vec<ObjPtr> = unsafe {
        let recycle = core::slice::from_raw_parts(base.add(lo), removed).to_vec();
        ptr::copy(base.add(hi), base.add(lo), n - hi);
        recycle
    };
    let resized = list_resize(heap, o, n - removed);
    for &item in recycle.iter().rev() {
        // SAFETY: each removed item's reference is released once.
        unsafe { heap.decref(item) };
    }
    if let Some(buffer) = recycle_buffer {
        // SAFETY: the temporary buffer allocated above.
        unsafe { heap.free_bytes(buffer) };
    }
    resized
}

/// `l[lo:hi] = items` (`list_ass_slice`): the replaced items are parked (in a temporary buffer
/// past 8, as CPython), the tail moves, the array is resized once with [`list_resize`], the new
/// items go in, and the replaced ones are released last to first. A result of length 0 clears
/// the list.
///
/// # Errors
/// `MemoryError` when the temporary buffer or the resized array cannot be allocated.
pub fn set_slice<'h>(
    heap: &'h Heap,
    o: &List,
    lo: usize,
    hi: usize,
    items: Vec<Obj<'h>>,
) -> PyResult<()> {
    let k = list_len(o);
    debug_assert!(lo <= hi && hi <= k);
    let (n, norig) = (items.len(), hi - lo);
    if k + n == norig {
        clear(heap, o);
        return Ok(());
    }
    let recycle_buffer = if norig * 8 > 64 {
        Some(heap.alloc_bytes(norig * 8)?)
    } else {
        None
    };
    let base = header(o).ob_item.get();
    let recycle: Vec<ObjPtr> = if norig == 0 {
        Vec::new()
    } else {
        // SAFETY: slots `lo..hi` hold owned items, parked in `recycle` (with `norig` 0 no slot
        // is read, so a missing array is never touched).
        unsafe { core::slice::from_raw_parts(base.add(lo), norig).to_vec() }
    };
    if n < norig {
        // SAFETY: the tail `hi..k` moves down to `lo + n`, inside the array.
        unsafe { ptr::copy(base.add(hi), base.add(lo + n), k - hi) };
        if let Err(e) = list_resize(heap, o, k + n - norig) {
            // SAFETY: undoes the move and restores the parked items.
            unsafe {
                ptr::copy(base.add(lo + n), base.add(hi), k - hi);
                ptr::copy_nonoverlapping(recycle.as_ptr(), base.add(lo), norig);
            }
            free_buffer(heap, recycle_buffer);
            return Err(e);
        }
    } else if n > norig {
        if let Err(e) = list_resize(heap, o, k + n - norig) {
            free_buffer(heap, recycle_buffer);
            return Err(e);
        }
        let base = header(o).ob_item.get();
        // SAFETY: the array now has room for `k + n - norig` items; the tail moves up.
        unsafe { ptr::copy(base.add(hi), base.add(lo + n), k - hi) };
    }
    write_items(o, lo, items);
    for &item in recycle.iter().rev() {
        // SAFETY: each replaced item's reference is released once.
        unsafe { heap.decref(item) };
    }
    free_buffer(heap, recycle_buffer);
    Ok(())
}

/// `del l[start::step]` of `count` items, `step >= 1` and the slice inside the list (the
/// extended-slice branch of `list_ass_subscript`, `step == 1` from a negative step): the removed items are parked, the others
/// close up in place, the length is set and [`list_resize`] may shrink the array; the removed
/// items are released first to last, even when the resize fails.
///
/// # Errors
/// `MemoryError` when the parking buffer or the shrunk array cannot be allocated.
pub(crate) fn del_stepped(
    heap: &Heap,
    o: &List,
    start: usize,
    step: usize,
    count: usize,
) -> PyResult<()> {
    let n = list_len(o);
    assert!(step >= 1 && count > 0 && start + (count - 1) * step < n);
    let mut garbage: Vec<ObjPtr> = Vec::new();
    garbage
        .try_reserve_exact(count)
        .map_err(|_| PyErr::memory_error())?;
    let base = header(o).ob_item.get();
    let mut write = start;
    for read in start..n {
        // SAFETY: `read < n` and `write <= read` are slots of the array; each item either
        // moves down to `write` or is parked in `garbage`, so every reference stays owned once.
        unsafe {
            let item = base.add(read).read();
            if (read - start).is_multiple_of(step) && garbage.len() < count {
                garbage.push(item);
            } else {
                base.add(write).write(item);
                write += 1;
            }
        }
    }
    set_len(o, n - count);
    let resized = list_resize(heap, o, n - count);
    for item in garbage {
        // SAFETY: each removed item's reference is released once.
        unsafe { heap.decref(item) };
    }
    resized
}

fn free_buffer(heap: &Heap, buffer: Option<core::ptr::NonNull<u8>>) {
    if let Some(buffer) = buffer {
        // SAFETY: a temporary buffer from this heap, no longer used.
        unsafe { heap.free_bytes(buffer) };
    }
}

/// `del l[index]`.
///
/// # Errors
/// `IndexError: list assignment index out of range`.
pub fn del_item(heap: &Heap, o: &List, index: isize) -> PyResult<()> {
    let i = normalize(index, list_len(o))
        .ok_or_else(|| index_error("list assignment index out of range"))?;
    del_slice(heap, o, i, i + 1)
}

/// `l[lo:hi]` with `0 <= lo <= hi <= len`: a new list of exactly the slice.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn slice<'h>(heap: &'h Heap, o: &List, lo: usize, hi: usize) -> PyResult<Obj<'h>> {
    let part = items(o)[lo..hi]
        .iter()
        // SAFETY: the list holds references to its items, objects of this heap.
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .collect();
    new_list(heap, part)
}

/// `l.extend(seq)` for a list or tuple (or the list itself), whose items are known up front
/// (`list_extend`'s fast path): an empty list is preallocated exactly (rounded to even), a
/// non-empty one grows with [`list_resize`].
///
/// # Errors
/// `MemoryError` when the array cannot grow.
pub fn extend_sized<'h>(heap: &'h Heap, o: &List, items: Vec<Obj<'h>>) -> PyResult<()> {
    let n = items.len();
    if n == 0 {
        return Ok(());
    }
    let m = list_len(o);
    if header(o).ob_item.get().is_null() {
        preallocate_exact(heap, o, n)?;
        set_len(o, n);
    } else {
        list_resize(heap, o, m + n)?;
    }
    write_items(o, m, items);
    Ok(())
}

/// `l.extend(iterable)` for any other iterable (`list_extend`'s general path): room for the
/// length hint (8 without one) first, then item by item with [`list_resize`] growth, and a
/// final [`list_resize`] to the true length, which may shrink the array.
///
/// # Errors
/// What the iterator yields as an error, or `MemoryError`.
pub fn extend_iter<'h>(
    heap: &'h Heap,
    o: &List,
    items: impl IntoIterator<Item = PyResult<Obj<'h>>>,
    length_hint: Option<usize>,
) -> PyResult<()> {
    let mut grow = ExtendIter::begin(heap, o, length_hint.unwrap_or(8))?;
    for item in items {
        grow.push(item?)?;
    }
    grow.end()
}

/// `list_extend`'s general path one item at a time, for iterables walked by callback: room
/// for `hint` items is made first ([`ExtendIter::begin`], a `MemoryError` at once when it
/// cannot be), then each item goes in ([`ExtendIter::push`]), and [`ExtendIter::end`] trims
/// the array to the true length.
pub struct ExtendIter<'a, 'h> {
    heap: &'h Heap,
    list: &'a List,
}

impl<'a, 'h> ExtendIter<'a, 'h> {
    /// Makes room for `hint` more items.
    ///
    /// # Errors
    /// `MemoryError` when the room cannot be had (the list is unchanged).
    pub fn begin(heap: &'h Heap, o: &'a List, hint: usize) -> PyResult<Self> {
        let m = list_len(o);
        if header(o).ob_item.get().is_null() {
            if hint > 0 {
                if hint > MAX_ITEMS {
                    return Err(PyErr::memory_error());
                }
                preallocate_exact(heap, o, hint)?;
            }
        } else {
            let total = m
                .checked_add(hint)
                .filter(|&t| t <= MAX_ITEMS)
                .ok_or_else(PyErr::memory_error)?;
            list_resize(heap, o, total)?;
            set_len(o, m);
        }
        Ok(ExtendIter { heap, list: o })
    }

    /// Appends one item.
    ///
    /// # Errors
    /// `MemoryError` when the array cannot grow.
    pub fn push(&mut self, item: Obj<'h>) -> PyResult<()> {
        let (o, n) = (self.list, list_len(self.list));
        if n < allocated(o) {
            write_items(o, n, [item]);
            set_len(o, n + 1);
            Ok(())
        } else {
            append(self.heap, o, item)
        }
    }

    /// Trims the array to the length, as `list_extend` does at the end.
    ///
    /// # Errors
    /// `MemoryError` when the smaller array cannot be allocated.
    pub fn end(self) -> PyResult<()> {
        let o = self.list;
        if list_len(o) < allocated(o) {
            list_resize(self.heap, o, list_len(o))?;
        }
        Ok(())
    }
}

pub(crate) fn list_sizeof(o: &PyObject) -> usize {
    // CPython's `size_t` arithmetic: during `list.sort` `allocated` is -1, giving 32.
    // `_PyObject_SIZE(Py_TYPE(self))`: a subclass's member slots count.
    o.ob_type()
        .basicsize()
        .max(size_of::<PyListObject>())
        .wrapping_add(allocated(slot_self(o)).wrapping_mul(8))
}

unsafe fn list_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead list of this heap: its items are released last to first and its array
    // freed; the header goes on the free list, or back to the allocator when it is full.
    unsafe {
        clear(heap, slot_self(op.as_ref()));
        if !heap.lists.push(op) {
            heap.free_object(op, LIST_TYPE.get());
        }
    }
}

pub(crate) fn list_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let l = slot_self(o);
    if list_len(l) == 0 {
        return Ok("[]".into());
    }
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok("[...]".into());
    }
    let mut parts = Vec::new();
    let mut i = 0;
    // The list may change while its items' reprs run: index it afresh each time, as CPython.
    let result = loop {
        let Some(&item) = items(l).get(i) else {
            break Ok(format!("[{}]", parts.join(", ")));
        };
        // SAFETY: a borrowed item of a live list, kept alive for the call.
        let item = unsafe { Obj::from_borrowed(heap, item.as_ref()) };
        match crate::abstract_::repr(heap, item.object()) {
            Ok(text) => parts.push(text),
            Err(e) => break Err(e),
        }
        i += 1;
    };
    heap.repr_leave(me);
    result
}

pub(crate) fn list_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (List::cast(a), List::cast(b)) else {
        return Ok(None);
    };
    if list_len(a) != list_len(b) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Some(crate::types::long::new_bool(
            heap,
            op == CompareOp::Ne,
        )));
    }
    let pair = |i: usize| {
        let (x, y) = (*items(a).get(i)?, *items(b).get(i)?);
        // SAFETY: items of live lists, objects of this heap, kept alive across the comparison.
        Some(unsafe {
            (
                Obj::from_borrowed(heap, x.as_ref()),
                Obj::from_borrowed(heap, y.as_ref()),
            )
        })
    };
    crate::abstract_::compare_sequences(heap, op, pair, || (list_len(a), list_len(b))).map(Some)
}

fn list_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let Some(b) = List::cast(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.ob_type().name()
        )));
    };
    let total = list_len(a)
        .checked_add(list_len(b))
        .filter(|&t| t <= MAX_ITEMS)
        .ok_or_else(PyErr::memory_error)?;
    let list = alloc_list(heap)?;
    let out = slot_self(list.object());
    if total > 0 {
        set_array(heap, out, total)?;
    }
    // Items are copied one by one with the length kept exact, so that a failure part way
    // leaves a valid list behind.
    for &p in items(a).iter().chain(items(b)) {
        // SAFETY: both lists hold references to their items, objects of this heap.
        let item = unsafe { Obj::from_borrowed(heap, p.as_ref()) };
        let n = list_len(out);
        write_items(out, n, [item]);
        set_len(out, n + 1);
    }
    Ok(list)
}

/// The most items a list's array can hold (`PY_SSIZE_T_MAX / sizeof(PyObject *)`).
const MAX_ITEMS: usize = isize::MAX as usize / 8;

/// `list_repeat` (`l * n`): a list of exactly `len × n` items; the size is checked before any
/// allocation, so an impossible one is a `MemoryError` at once.
fn list_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let a = slot_self(a);
    let len = list_len(a);
    let count = usize::try_from(n).unwrap_or(0);
    if len == 0 || count == 0 {
        return new_list(heap, Vec::new());
    }
    let total = len
        .checked_mul(count)
        .filter(|&t| t <= MAX_ITEMS)
        .ok_or_else(PyErr::memory_error)?;
    let list = alloc_list(heap)?;
    let out = slot_self(list.object());
    set_array(heap, out, total)?;
    for k in 0..total {
        // SAFETY: the source list holds references to its items, objects of this heap; `a`
        // cannot change meanwhile, since taking a reference runs no Python code.
        let item = unsafe { Obj::from_borrowed(heap, items(a)[k % len].as_ref()) };
        write_items(out, k, [item]);
        set_len(out, k + 1);
    }
    Ok(list)
}

/// `list_inplace_repeat` (`l *= n`): the list itself repeated in place.
///
/// # Errors
/// `MemoryError` when `len × n` items cannot be held (checked before allocating).
pub fn inplace_repeat(heap: &Heap, o: &List, n: isize) -> PyResult<()> {
    let len = list_len(o);
    let count = usize::try_from(n).unwrap_or(0);
    if len == 0 || count == 1 {
        return Ok(());
    }
    if count == 0 {
        clear(heap, o);
        return Ok(());
    }
    let total = len
        .checked_mul(count)
        .filter(|&t| t <= MAX_ITEMS)
        .ok_or_else(PyErr::memory_error)?;
    list_resize(heap, o, total)?;
    set_len(o, len);
    for k in len..total {
        // SAFETY: the first `len` slots hold the list's items; taking references runs no code.
        let item = unsafe { Obj::from_borrowed(heap, items(o)[k % len].as_ref()) };
        write_items(o, k, [item]);
        set_len(o, k + 1);
    }
    Ok(())
}

/// `list_traverse`: the items, last to first.
pub(crate) fn list_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    traverse_items(slot_self(o), visit);
}

/// `list_traverse`, generic over the visitor: the items, last to first.
#[inline]
pub(crate) fn traverse_items(o: &List, mut visit: impl FnMut(ObjPtr)) {
    items(o).iter().rev().for_each(|&item| visit(item));
}

/// Whether `ty` traverses its instances as a list does ([`traverse_items`]).
#[inline]
pub(crate) fn has_list_traverse(ty: &crate::typeobj::PyTypeObject) -> bool {
    core::ptr::eq(ty.slots(), &LIST_SLOTS)
}

fn list_clear_slot(heap: &Heap, o: &PyObject) {
    clear(heap, slot_self(o));
}

fn list_len_slot(o: &PyObject) -> usize {
    list_len(slot_self(o))
}

pub(crate) static LIST_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(list_len_slot),
    concat: Some(list_concat),
    repeat: Some(list_repeat),
};

static LIST_SLOTS: Slots = Slots {
    dealloc: list_dealloc,
    sizeof: Some(list_sizeof),
    repr: list_repr,
    str: None,
    hash: None,
    richcompare: Some(list_richcompare),
    number: None,
    sequence: Some(&LIST_SEQUENCE),
    traverse: Some(list_traverse),
    clear: Some(list_clear_slot),
    members: &[],
    getattr: None,
    setattr: None,
};

/// `list`: `__basicsize__` 40, a GC type.
pub static LIST_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "list",
        basicsize: size_of::<PyListObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC
            .union(TypeFlags::BASETYPE)
            .union(LIST_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &LIST_SLOTS,
    },
);
