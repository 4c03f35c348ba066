//! `cell` (`Objects/cellobject.c`): the box a closure shares a variable through — the header
//! and `ob_ref` (NULL while the variable is unbound), 24 bytes, a GC type, so
//! `sys.getsizeof` is 40.
//!
//! `cell_contents` raises `ValueError: Cell is empty` on an empty cell; two cells compare by
//! their contents (an empty cell is smaller than a full one), and cells are unhashable, as in
//! CPython (`tp_richcompare` without `tp_hash`).

use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyCellObject`.
#[repr(C)]
pub struct PyCellObject {
    ob_base: PyObject,
    ob_ref: RefField,
}

const _: () = assert!(size_of::<PyCellObject>() == 24);

/// Whether `o` is a cell (`PyCell_Check`).
pub fn is_cell(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), CELL_TYPE.get())
}

crate::view! {
    /// A cell (`PyCell_Check`).
    pub struct CellObject: "cell" = is_cell;
}

fn slot_self(o: &PyObject) -> &CellObject {
    // SAFETY: the cell type's slots are only called on cells (no subclasses).
    unsafe { CellObject::cast_unchecked(o) }
}

fn header(c: &CellObject) -> &PyCellObject {
    // SAFETY: the view guarantees a cell, which starts with a `PyCellObject`.
    unsafe { &*ptr::from_ref(c).cast::<PyCellObject>() }
}

/// `PyCell_New(value)`: a tracked cell holding `value` (or empty).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_cell<'h>(heap: &'h Heap, value: Option<Obj<'h>>) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(CELL_TYPE.get(), size_of::<PyCellObject>())?;
    // SAFETY: a fresh cell body with the header `alloc_object` wrote; complete before it is
    // tracked.
    unsafe {
        op.cast::<PyCellObject>().write(PyCellObject {
            ob_base: PyObject::new(CELL_TYPE.ptr()),
            ob_ref: RefField::new(value),
        });
        let cell = Obj::from_owned(heap, op);
        heap.track(cell.object());
        Ok(cell)
    }
}

impl CellObject {
    /// `PyCell_GET`: the contents, `None` when empty.
    pub fn get<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).ob_ref.get(heap)
    }

    /// `PyCell_SET`: replaces the contents (`None` empties the cell).
    pub fn set<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) {
        header(self).ob_ref.set(heap, value);
    }

    /// `cell.cell_contents`.
    ///
    /// # Errors
    /// `ValueError: Cell is empty`.
    pub fn contents<'h>(&self, heap: &'h Heap) -> PyResult<Obj<'h>> {
        self.get(heap)
            .ok_or_else(|| PyErr::new(ExcKind::ValueError, "Cell is empty"))
    }
}

/// `cell_repr`: `<cell at 0x...: empty>` or `<cell at 0x...: int object at 0x...>`.
fn cell_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let me = ptr::from_ref(o).addr();
    Ok(match header(slot_self(o)).ob_ref.ptr() {
        None => format!("<cell at {me:#x}: empty>"),
        Some(p) => {
            // SAFETY: the cell holds a reference to its contents.
            let name = unsafe { p.as_ref() }.ob_type().name();
            format!("<cell at {me:#x}: {name} object at {:#x}>", p.addr())
        }
    })
}

/// `cell_richcompare`: the contents' comparison when both are full, else by emptiness.
fn cell_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let Some(b) = CellObject::cast(b) else {
        return Ok(None);
    };
    let (x, y) = (slot_self(a).get(heap), b.get(heap));
    if let (Some(x), Some(y)) = (&x, &y) {
        return crate::abstract_::compare(heap, x.object(), y.object(), op).map(Some);
    }
    let ord = y.is_none().cmp(&x.is_none());
    Ok(Some(crate::types::long::new_bool(heap, op.holds(ord))))
}

fn cell_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    header(slot_self(o)).ob_ref.visit(visit);
}

fn cell_clear(heap: &Heap, o: &PyObject) {
    header(slot_self(o)).ob_ref.clear(heap);
}

unsafe fn cell_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead cell of this heap (untracked by the heap): its contents are released,
    // then its memory.
    unsafe {
        let c = &*op.cast::<PyCellObject>().as_ptr();
        c.ob_ref.clear(heap);
        heap.free_object(op, CELL_TYPE.get());
    }
}

static CELL_MEMBERS: [Member; 1] = [Member {
    name: "cell_contents",
    get: |h, o| slot_self(o).contents(h),
}];

static CELL_SLOTS: Slots = Slots {
    dealloc: cell_dealloc,
    sizeof: None,
    repr: cell_repr,
    str: None,
    hash: None,
    richcompare: Some(cell_richcompare),
    number: None,
    sequence: None,
    traverse: Some(cell_traverse),
    clear: Some(cell_clear),
    members: &CELL_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `cell`: 24 bytes, a GC type.
pub static CELL_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "cell",
        basicsize: size_of::<PyCellObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &CELL_SLOTS,
    },
);
