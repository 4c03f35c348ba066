//! Classes made by `class` statements (heap types, `Objects/typeobject.c`): so far classes
//! with `__slots__`.
//!
//! A class is a `PyHeapTypeObject`: CPython's 920 bytes (`type.__sizeof__` reports them), here a
//! `PyTypeObject` followed by the class's own data (its name, module and slot names), allocated
//! like CPython's with room for one member descriptor per slot. It is a GC object of type `type`,
//! and every instance holds a reference to it.
//!
//! An instance of a class with `__slots__ = (n names)` is the 16-byte header followed by one
//! pointer per slot (`basicsize = 16 + 8n`), a GC type, so `sys.getsizeof` is `32 + 8n`. Listing
//! `'__weakref__'` adds CPython 3.12's managed weakref list to the pre-header (+16).

use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{HeapTypeSpec, PyTypeObject, Slots, TypeFlags, init_heap_type};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `sizeof(PyHeapTypeObject)` in CPython 3.12 on 64-bit.
pub const PYHEAPTYPEOBJECT_SIZE: usize = 920;
/// `sizeof(PyMemberDef)`: CPython allocates one per slot after the heap type (`tp_itemsize`).
const MEMBER_DEF_SIZE: usize = 40;

/// `PyHeapTypeObject`: the type object, then what the class owns.
#[repr(C)]
pub struct PyHeapTypeObject {
    ht_type: PyTypeObject,
    qualname: String,
    module: String,
    slot_names: Vec<String>,
    _reserved: [u8; PYHEAPTYPEOBJECT_SIZE - size_of::<PyTypeObject>() - 3 * size_of::<String>()],
}

const _: () = assert!(size_of::<PyHeapTypeObject>() == PYHEAPTYPEOBJECT_SIZE);

/// Whether `ty` is a class made at run time.
pub fn is_heap_type(ty: &PyTypeObject) -> bool {
    ty.flags().contains(TypeFlags::HEAPTYPE)
}

/// The heap-type view of a class.
fn heap_type(ty: &PyTypeObject) -> &PyHeapTypeObject {
    debug_assert!(is_heap_type(ty));
    // SAFETY: heap types are allocated as `PyHeapTypeObject`, whose first field is the type.
    unsafe { &*ptr::from_ref(ty).cast::<PyHeapTypeObject>() }
}

/// The class's module and qualified name.
pub fn class_module_and_name(ty: &PyTypeObject) -> (&str, &str) {
    let h = heap_type(ty);
    (&h.module, &h.qualname)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `class name: __slots__ = slots` in `module` (`type_new` with `__slots__`).
///
/// # Errors
/// `TypeError: __slots__ must be identifiers`; `'__dict__'` in `__slots__` (instance dictionaries
/// are not built yet) is refused with a `TypeError` naming it; `MemoryError`.
pub fn new_slots_class<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: &[&str],
) -> PyResult<Obj<'h>> {
    if slots.iter().any(|s| !is_identifier(s)) {
        return Err(PyErr::type_error("__slots__ must be identifiers"));
    }
    if slots.contains(&"__dict__") {
        return Err(PyErr::type_error(
            "pyrt does not support '__dict__' in __slots__ yet",
        ));
    }
    let weakref = slots.contains(&"__weakref__");
    let slot_names: Vec<String> = slots
        .iter()
        .filter(|s| **s != "__weakref__")
        .map(|s| s.to_string())
        .collect();
    let mut flags = TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE);
    if weakref {
        flags = flags.union(TypeFlags::MANAGED_WEAKREF);
    }
    let size = PYHEAPTYPEOBJECT_SIZE + (slot_names.len() + 1) * MEMBER_DEF_SIZE;
    let op = heap.alloc_object(TYPE_TYPE.get(), size)?;
    let basicsize = OBJECT_TYPE.get().basicsize() + 8 * slot_names.len();
    // SAFETY: a fresh allocation of a `PyHeapTypeObject` and its member area; the owned fields
    // are written before the type's name points into them, and the name's heap buffer does not
    // move when the `String` value is moved into place.
    unsafe {
        let h = op.cast::<PyHeapTypeObject>().as_ptr();
        ptr::addr_of_mut!((*h).qualname).write(name.to_string());
        ptr::addr_of_mut!((*h).module).write(module.to_string());
        ptr::addr_of_mut!((*h).slot_names).write(slot_names);
        ptr::addr_of_mut!((*h)._reserved).write(
            [0; PYHEAPTYPEOBJECT_SIZE - size_of::<PyTypeObject>() - 3 * size_of::<String>()],
        );
        let name_ptr: *const str = (*h).qualname.as_str();
        let spec = HeapTypeSpec {
            name: name_ptr,
            basicsize,
            flags,
            base: OBJECT_TYPE.ptr(),
            slots: &INSTANCE_SLOTS,
        };
        init_heap_type(op.cast(), spec);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `type.__sizeof__` of a class: `sizeof(PyHeapTypeObject)` (plus a shared-keys table, which
/// only classes with instance dictionaries have).
pub(crate) fn heap_type_sizeof(_ty: &PyTypeObject) -> usize {
    PYHEAPTYPEOBJECT_SIZE
}

/// Frees a class whose last reference went (`type_dealloc`).
///
/// # Safety
/// `op` must be a dead heap type of this heap.
pub(crate) unsafe fn heap_type_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead heap type: its owned fields are dropped once, then its memory freed.
    unsafe {
        let h = op.cast::<PyHeapTypeObject>().as_ptr();
        ptr::drop_in_place(ptr::addr_of_mut!((*h).qualname));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).module));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).slot_names));
        heap.free_object(op, TYPE_TYPE.get());
    }
}

/// A new instance of `cls` (`object.__new__`): every slot unset.
///
/// # Errors
/// `TypeError` if `cls` is not a class with `__slots__`; `MemoryError`.
pub fn new_instance<'h>(heap: &'h Heap, cls: &PyObject) -> PyResult<Obj<'h>> {
    if !ptr::eq(cls.ob_type(), TYPE_TYPE.get()) {
        return Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            cls.ob_type().name()
        )));
    }
    // SAFETY: objects of type `type` are type objects.
    let ty = unsafe { &*ptr::from_ref(cls).cast::<PyTypeObject>() };
    if !is_heap_type(ty) {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances here",
            ty.name()
        )));
    }
    let op = heap.alloc_object(ty, ty.basicsize())?;
    // SAFETY: a fresh instance: the slots after the header start unset; the instance holds a
    // reference to its class.
    unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, ty.basicsize() - size_of::<PyObject>());
        cls.incref();
        Ok(Obj::from_owned(heap, op))
    }
}

fn slot_names(o: &PyObject) -> &[String] {
    &heap_type(o.ob_type()).slot_names
}

/// The slot cells of an instance.
fn slot_cells(o: &PyObject) -> *mut Option<ObjPtr> {
    ptr::from_ref(o)
        .cast::<u8>()
        .wrapping_add(size_of::<PyObject>())
        .cast::<Option<ObjPtr>>()
        .cast_mut()
}

fn no_attribute(o: &PyObject, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", o.ob_type().name()),
    )
}

fn instance_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let Some(i) = slot_names(o).iter().position(|s| s == name) else {
        return Err(no_attribute(o, name));
    };
    // SAFETY: slot `i` exists in the instance.
    match unsafe { slot_cells(o).add(i).read() } {
        // SAFETY: a set slot holds a reference to a live object of this heap.
        Some(v) => Ok(unsafe { Obj::from_borrowed(heap, v.as_ref()) }),
        None => Err(no_attribute(o, name)),
    }
}

fn instance_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let Some(i) = slot_names(o).iter().position(|s| s == name) else {
        return Err(no_attribute(o, name));
    };
    // SAFETY: slot `i` exists in the instance; it owns one reference to its value, if any.
    unsafe {
        let cell = slot_cells(o).add(i);
        let old = cell.read();
        if value.is_none() && old.is_none() {
            return Err(PyErr::new(ExcKind::AttributeError, name));
        }
        if let Some(v) = value {
            v.incref();
        }
        cell.write(value.map(NonNull::from));
        if let Some(old) = old {
            heap.decref(old);
        }
    }
    Ok(())
}

fn instance_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let (module, name) = class_module_and_name(o.ob_type());
    Ok(format!(
        "<{module}.{name} object at {:#x}>",
        ptr::from_ref(o).addr()
    ))
}

fn instance_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    for i in 0..slot_names(o).len() {
        // SAFETY: slot `i` exists in the instance.
        if let Some(v) = unsafe { slot_cells(o).add(i).read() } {
            visit(v);
        }
    }
    visit(NonNull::from(&o.ob_type().ob_base.ob_base));
}

/// Unsets every slot, releasing the values in slot order (`clear_slots`).
fn clear_slots(heap: &Heap, o: &PyObject) {
    for i in 0..slot_names(o).len() {
        // SAFETY: slot `i` exists in the instance and owns its value, released once.
        unsafe {
            let cell = slot_cells(o).add(i);
            if let Some(v) = cell.read() {
                cell.write(None);
                heap.decref(v);
            }
        }
    }
}

/// `subtype_dealloc` for a slotted instance: the slots are released, the memory freed, then the
/// instance's reference to its class is dropped.
unsafe fn instance_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance of this heap; its class outlives this call through the reference
    // the instance holds, dropped last.
    unsafe {
        let cls = op.as_ref().type_ptr();
        clear_slots(heap, op.as_ref());
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

static INSTANCE_SLOTS: Slots = Slots {
    dealloc: instance_dealloc,
    sizeof: None,
    repr: instance_repr,
    str: None,
    hash: Some(crate::types::base::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(instance_traverse),
    clear: Some(clear_slots),
    members: &[],
    getattr: Some(instance_getattr),
    setattr: Some(instance_setattr),
};
