//! `object`, `type` and the singleton types `NoneType`, `NotImplementedType` and `ellipsis`
//! (`Objects/object.c`, `Objects/typeobject.c`).

use crate::error::PyResult;
use crate::hash::hash_pointer;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{PYTYPEOBJECT_SIZE, Slots, StaticType, TypeFlags, TypeSpec};

/// Deallocator of objects that are never freed (immortal singletons and static types).
unsafe fn never_dealloc(_heap: &Heap, op: ObjPtr) {
    // SAFETY: only reached if an immortal object's count hit zero, which incref/decref prevent.
    let name = unsafe { op.as_ref() }.ob_type().name().to_string();
    debug_assert!(false, "an immortal {name} object was deallocated");
}

/// `object.__hash__`: `_Py_HashPointer(id(o))`.
pub fn identity_hash(_heap: &Heap, o: &PyObject) -> PyResult<i64> {
    Ok(hash_pointer(core::ptr::from_ref(o).addr()))
}

pub(crate) fn object_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(format!(
        "<{} object at {:#x}>",
        o.ob_type().name(),
        core::ptr::from_ref(o).addr()
    ))
}

static OBJECT_SLOTS: Slots = Slots {
    dealloc: crate::types::object_instance::object_dealloc,
    sizeof: None,
    repr: object_repr,
    str: None,
    hash: Some(identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `object`.
pub static OBJECT_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "object",
        basicsize: 16,
        itemsize: 0,
        flags: TypeFlags::BASETYPE,
        base: None,
        slots: &OBJECT_SLOTS,
    },
);

/// The type object `o` is, if `o` is an object of type `type` or of a metaclass derived from
/// it (`Py_TPFLAGS_TYPE_SUBCLASS`).
#[inline]
pub fn type_object(o: &PyObject) -> Option<&crate::typeobj::PyTypeObject> {
    let t = o.ob_type();
    // SAFETY: objects of type `type`, and of its subclasses (whose instances are allocated as
    // heap types by `class::new_subclass`), are type objects, whose header is first.
    (core::ptr::eq(t, TYPE_TYPE.get()) || t.flags().contains(TypeFlags::TYPE_SUBCLASS))
        .then(|| unsafe { &*core::ptr::from_ref(o).cast::<crate::typeobj::PyTypeObject>() })
}

/// The type object `o` is; `o` is an object of type `type` (the slots of `type` get no other).
fn as_type(o: &PyObject) -> &crate::typeobj::PyTypeObject {
    type_object(o).expect("the slots of `type` receive type objects")
}

fn type_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let ty = as_type(o);
    if let Some(c) = crate::types::class::Class::of_type(ty) {
        let (_, name) = crate::types::class::class_module_and_name(c);
        match crate::types::class::class_module(c) {
            Some(module) if module != "builtins" => {
                return Ok(format!("<class '{module}.{name}'>"));
            }
            _ => {}
        }
    }
    Ok(format!("<class '{}'>", ty.name()))
}

/// `type.__sizeof__`: `sizeof(PyTypeObject)` for a static type, `sizeof(PyHeapTypeObject)` for
/// a class.
fn type_sizeof(o: &PyObject) -> usize {
    let ty = as_type(o);
    if crate::types::class::is_heap_type(ty) {
        crate::types::class::heap_type_sizeof(ty)
    } else {
        PYTYPEOBJECT_SIZE
    }
}

/// `type_dealloc`: classes are freed; static types are immortal and never get here.
unsafe fn type_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead object of type `type` (caller).
    unsafe {
        if crate::types::class::is_heap_type(as_type(op.as_ref())) {
            crate::types::class::heap_type_dealloc(heap, op);
        } else {
            never_dealloc(heap, op);
        }
    }
}

/// Visits what a class owns: its namespace, its base class, the names in its shared keys
/// (static types own nothing).
fn type_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let ty = as_type(o);
    if !crate::types::class::is_heap_type(ty) {
        return;
    }
    if let Some(d) = crate::types::class::class_dict(ty) {
        visit(core::ptr::NonNull::from(d));
    }
    for t in [
        crate::types::class::class_mro(ty),
        crate::types::class::class_bases(ty),
    ]
    .into_iter()
    .flatten()
    {
        visit(core::ptr::NonNull::from(t));
    }
    if let Some(b) = ty.base().filter(|b| crate::types::class::is_heap_type(b)) {
        visit(core::ptr::NonNull::from(&b.ob_base.ob_base));
    }
    if let Some(k) = crate::types::class::class_keys(ty) {
        k.names().for_each(&mut *visit);
    }
    if crate::types::class::is_heap_type(o.ob_type()) {
        // An instance of a metaclass holds it (`subtype_traverse`).
        visit(core::ptr::NonNull::from(&o.ob_type().ob_base.ob_base));
    }
}

/// `type_clear`: only classes take part in cycles.
fn type_clear(heap: &Heap, o: &PyObject) {
    crate::types::class::heap_type_clear(heap, as_type(o));
}

/// `_Py_union_type_or`: `a | b` for types, None, generic aliases and unions (PEP 604), made by
/// the runtime's union object ([`RuntimeHooks::union_or`](crate::hooks::RuntimeHooks::union_or));
/// `NotImplemented` (`None`) for other operands or without a runtime. The `nb_or` of `type`
/// and of the runtime's `types.UnionType`, `types.GenericAlias` and `typing.TypeAliasType`:
/// one function, so `binary_op1` calls it once for two such operands.
///
/// # Errors
/// What the runtime's union raises.
pub fn union_type_or<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Option<Obj<'h>>> {
    let r = heap.call_hooks(|h| h.union_or(a, b)).unwrap_or(Ok(None))?;
    // SAFETY: the hook gives a new reference.
    Ok(r.map(|p| unsafe { Obj::from_owned(heap, p) }))
}

/// `type`'s number slots: only `|` (`type_as_number`'s `nb_or`, PEP 604).
pub(crate) static TYPE_NUMBER: crate::typeobj::NumberSlots = crate::typeobj::NumberSlots {
    or: Some(union_type_or),
    ..NO_NUMBER
};

pub(crate) static TYPE_SLOTS: Slots = Slots {
    dealloc: type_dealloc,
    sizeof: Some(type_sizeof),
    repr: type_repr,
    str: None,
    hash: Some(identity_hash),
    richcompare: None,
    number: Some(&TYPE_NUMBER),
    sequence: None,
    traverse: Some(type_traverse),
    clear: Some(type_clear),
    members: &[],
    getattr: None,
    setattr: None,
};

/// The slots of a metaclass (a class on `type`): `type`'s, with the representation,
/// hash and comparisons of its classes through the metaclass's own special methods
/// ([`slot_defs`](crate::types::slot_defs)`::subclass_*`), as `slot_tp_repr` etc. fill them.
pub(crate) static META_SLOTS: Slots = Slots {
    repr: crate::types::slot_defs::subclass_repr,
    str: Some(crate::types::slot_defs::subclass_str),
    hash: Some(crate::types::slot_defs::subclass_hash),
    richcompare: Some(crate::types::slot_defs::subclass_richcompare),
    number: Some(&crate::types::slot_defs::META_NUMBER_SLOTS),
    ..TYPE_SLOTS
};

/// `type`: `__basicsize__` is `sizeof(PyHeapTypeObject)` (920) and `__itemsize__` 40, as in
/// CPython 3.12.
pub static TYPE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "type",
        basicsize: 920,
        itemsize: 40,
        flags: TypeFlags::HAVE_GC
            .union(TypeFlags::BASETYPE)
            .union(TypeFlags::TYPE_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &TYPE_SLOTS,
    },
)
.with_weaklist_offset(crate::typeobj::PyTypeObject::WEAKLIST_OFFSET);

/// `hash(None)` in 3.12: a constant (`_Py_HashPointer` no longer; gh-99540).
const NONE_HASH: i64 = 0xFCA8_6420;

fn none_repr(_heap: &Heap, _o: &PyObject) -> PyResult<String> {
    Ok("None".into())
}

fn none_hash(_heap: &Heap, _o: &PyObject) -> PyResult<i64> {
    Ok(NONE_HASH)
}

fn false_bool(_o: &PyObject) -> bool {
    false
}

static NONE_NUMBER: crate::typeobj::NumberSlots = crate::typeobj::NumberSlots {
    bool: Some(false_bool),
    ..NO_NUMBER
};

pub(crate) const NO_NUMBER: crate::typeobj::NumberSlots = crate::typeobj::NumberSlots::EMPTY;

static NONE_SLOTS: Slots = Slots {
    dealloc: never_dealloc,
    sizeof: None,
    repr: none_repr,
    str: None,
    hash: Some(none_hash),
    richcompare: None,
    number: Some(&NONE_NUMBER),
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `NoneType`.
pub static NONE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "NoneType",
        basicsize: 16,
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &NONE_SLOTS,
    },
);

fn notimplemented_repr(_heap: &Heap, _o: &PyObject) -> PyResult<String> {
    Ok("NotImplemented".into())
}

static NOTIMPLEMENTED_SLOTS: Slots = Slots {
    repr: notimplemented_repr,
    number: None,
    ..NONE_SLOTS_IDENTITY
};

const NONE_SLOTS_IDENTITY: Slots = Slots {
    dealloc: never_dealloc,
    sizeof: None,
    repr: object_repr,
    str: None,
    hash: Some(identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `NotImplementedType`.
pub static NOTIMPLEMENTED_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "NotImplementedType",
        basicsize: 16,
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &NOTIMPLEMENTED_SLOTS,
    },
);

fn ellipsis_repr(_heap: &Heap, _o: &PyObject) -> PyResult<String> {
    Ok("Ellipsis".into())
}

static ELLIPSIS_SLOTS: Slots = Slots {
    repr: ellipsis_repr,
    ..NONE_SLOTS_IDENTITY
};

/// `ellipsis`, the type of `...`.
pub static ELLIPSIS_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "ellipsis",
        basicsize: 16,
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &ELLIPSIS_SLOTS,
    },
);

pub(crate) use self::NO_NUMBER as EMPTY_NUMBER_SLOTS;

/// `None`.
pub fn none(heap: &Heap) -> crate::obj::Obj<'_> {
    // SAFETY: a singleton of this heap.
    unsafe { crate::obj::Obj::from_borrowed(heap, heap.singletons().none().as_ref()) }
}

/// `NotImplemented`.
pub fn not_implemented(heap: &Heap) -> crate::obj::Obj<'_> {
    // SAFETY: a singleton of this heap.
    unsafe { crate::obj::Obj::from_borrowed(heap, heap.singletons().not_implemented().as_ref()) }
}

/// `Ellipsis` (`...`).
pub fn ellipsis(heap: &Heap) -> crate::obj::Obj<'_> {
    // SAFETY: a singleton of this heap.
    unsafe { crate::obj::Obj::from_borrowed(heap, heap.singletons().ellipsis().as_ref()) }
}
