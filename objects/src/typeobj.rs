//! Type objects: `PyTypeObject` with its name, sizes, flags and a static slot table
//! (`Include/cpython/object.h`, `Objects/typeobject.c`).
//!
//! Built-in types are immutable statics, immortal like CPython 3.12's static types, and padded to
//! CPython's 416 bytes so that `sys.getsizeof(int)` is both CPython's answer and the true size of
//! what pyrt holds. Behaviour dispatches through [`Slots`]; operations a type lacks are `None`.

use core::ptr::NonNull;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};

/// `tp_flags` bits, with CPython's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TypeFlags(pub u64);

impl TypeFlags {
    /// `Py_TPFLAGS_MANAGED_WEAKREF`: weak-reference list in the pre-header (3.12).
    pub const MANAGED_WEAKREF: TypeFlags = TypeFlags(1 << 3);
    /// `Py_TPFLAGS_MANAGED_DICT`: instance dict or inline values in the pre-header.
    pub const MANAGED_DICT: TypeFlags = TypeFlags(1 << 4);
    /// `Py_TPFLAGS_IMMUTABLETYPE`.
    pub const IMMUTABLETYPE: TypeFlags = TypeFlags(1 << 8);
    /// `Py_TPFLAGS_HEAPTYPE`.
    pub const HEAPTYPE: TypeFlags = TypeFlags(1 << 9);
    /// `Py_TPFLAGS_BASETYPE`: can be subclassed.
    pub const BASETYPE: TypeFlags = TypeFlags(1 << 10);
    /// `Py_TPFLAGS_HAVE_GC`: instances carry a GC header.
    pub const HAVE_GC: TypeFlags = TypeFlags(1 << 14);
    /// `Py_TPFLAGS_LONG_SUBCLASS`.
    pub const LONG_SUBCLASS: TypeFlags = TypeFlags(1 << 24);
    /// `Py_TPFLAGS_BYTES_SUBCLASS`.
    pub const BYTES_SUBCLASS: TypeFlags = TypeFlags(1 << 27);
    /// `Py_TPFLAGS_UNICODE_SUBCLASS`.
    pub const UNICODE_SUBCLASS: TypeFlags = TypeFlags(1 << 28);
    /// `Py_TPFLAGS_TYPE_SUBCLASS`.
    pub const TYPE_SUBCLASS: TypeFlags = TypeFlags(1 << 31);

    /// The union of two sets of flags.
    pub const fn union(self, other: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | other.0)
    }

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: TypeFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Comparison operators (`Py_LT` .. `Py_GE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CompareOp {
    /// The operator as Python writes it.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// Whether an ordering satisfies the operator.
    pub fn holds(self, ord: core::cmp::Ordering) -> bool {
        use core::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// Frees an object whose refcount reached zero (`tp_dealloc`). It must release the object's
/// references through [`Heap::decref`] (never by recursing) and give its memory back.
pub type DeallocFn = unsafe fn(&Heap, ObjPtr);
/// `tp_traverse`: calls the visitor once for each object this one holds a reference to
/// (the collector's contract: no allocation, no refcount change).
pub type TraverseFn = fn(&PyObject, &mut dyn FnMut(ObjPtr));
/// `tp_clear`: drops the references the object holds, leaving it valid but empty, so the
/// collector can break a cycle through it.
pub type ClearFn = fn(&Heap, &PyObject);
/// `tp_getattro` for types whose instances have their own attributes (classes).
pub type GetAttrFn = for<'h> fn(&'h Heap, &PyObject, &str) -> PyResult<Obj<'h>>;
/// `tp_setattro`: sets (`Some`) or deletes (`None`) an attribute.
pub type SetAttrFn = fn(&Heap, &PyObject, &str, Option<&PyObject>) -> PyResult<()>;
/// The getter of a read-only attribute (a `PyGetSetDef`/`PyMemberDef` entry).
pub type GetterFn = for<'h> fn(&'h Heap, &PyObject) -> PyResult<Obj<'h>>;

/// A read-only attribute that a type's instances have (`tp_getset`, `tp_members`).
#[derive(Clone, Copy)]
pub struct Member {
    /// The attribute's name.
    pub name: &'static str,
    /// Computes its value.
    pub get: GetterFn,
}

/// `__sizeof__` without the pre-header.
pub type SizeofFn = fn(&PyObject) -> usize;
/// `repr()` / `str()` as text.
pub type ReprFn = fn(&Heap, &PyObject) -> PyResult<String>;
/// `hash()`.
pub type HashFn = fn(&Heap, &PyObject) -> PyResult<i64>;
/// A rich comparison; `Ok(None)` is `NotImplemented`.
pub type RichCompareFn =
    for<'h> fn(&'h Heap, &PyObject, &PyObject, CompareOp) -> PyResult<Option<Obj<'h>>>;
/// A binary number operation; `Ok(None)` is `NotImplemented`.
pub type BinaryFn = for<'h> fn(&'h Heap, &PyObject, &PyObject) -> PyResult<Option<Obj<'h>>>;
/// A unary number operation.
pub type UnaryFn = for<'h> fn(&'h Heap, &PyObject) -> PyResult<Obj<'h>>;
/// Truth value (`nb_bool`).
pub type BoolFn = fn(&PyObject) -> bool;

/// The number protocol (`PyNumberMethods`), the operations this layer implements.
#[derive(Clone, Copy, Default)]
pub struct NumberSlots {
    /// `+`
    pub add: Option<BinaryFn>,
    /// `-`
    pub subtract: Option<BinaryFn>,
    /// `*`
    pub multiply: Option<BinaryFn>,
    /// `%`
    pub remainder: Option<BinaryFn>,
    /// `divmod()`
    pub divmod: Option<BinaryFn>,
    /// `**` (two-argument)
    pub power: Option<BinaryFn>,
    /// `//`
    pub floor_divide: Option<BinaryFn>,
    /// `/`
    pub true_divide: Option<BinaryFn>,
    /// `<<`
    pub lshift: Option<BinaryFn>,
    /// `>>`
    pub rshift: Option<BinaryFn>,
    /// `&`
    pub and: Option<BinaryFn>,
    /// `^`
    pub xor: Option<BinaryFn>,
    /// `|`
    pub or: Option<BinaryFn>,
    /// unary `-`
    pub negative: Option<UnaryFn>,
    /// unary `+`
    pub positive: Option<UnaryFn>,
    /// `abs()`
    pub absolute: Option<UnaryFn>,
    /// `~`
    pub invert: Option<UnaryFn>,
    /// `bool()`
    pub bool: Option<BoolFn>,
}

impl NumberSlots {
    /// No number slot at all (the start of a table in struct update syntax, `..EMPTY`).
    pub const EMPTY: NumberSlots = NumberSlots {
        add: None,
        subtract: None,
        multiply: None,
        remainder: None,
        divmod: None,
        power: None,
        floor_divide: None,
        true_divide: None,
        lshift: None,
        rshift: None,
        and: None,
        xor: None,
        or: None,
        negative: None,
        positive: None,
        absolute: None,
        invert: None,
        bool: None,
    };
}

/// `sq_repeat`: `seq * n` with `n` already converted to an index.
pub type RepeatFn = for<'h> fn(&'h Heap, &PyObject, isize) -> PyResult<Obj<'h>>;
/// `sq_concat`: `seq + other` (raising `TypeError` for an unsuitable `other`).
pub type ConcatFn = for<'h> fn(&'h Heap, &PyObject, &PyObject) -> PyResult<Obj<'h>>;
/// `sq_length` / `mp_length`.
pub type LengthFn = fn(&PyObject) -> usize;

/// The sequence protocol (`PySequenceMethods`), the operations this layer implements.
#[derive(Clone, Copy)]
pub struct SequenceSlots {
    /// `len()`.
    pub length: Option<LengthFn>,
    /// `+` when the number protocol declined.
    pub concat: Option<ConcatFn>,
    /// `*` with an int when the number protocol declined.
    pub repeat: Option<RepeatFn>,
}

/// The slot table of a type.
#[derive(Clone, Copy)]
pub struct Slots {
    /// `tp_dealloc`.
    pub dealloc: DeallocFn,
    /// `__sizeof__` (default: basicsize + itemsize × ob_size).
    pub sizeof: Option<SizeofFn>,
    /// `tp_repr`.
    pub repr: ReprFn,
    /// `tp_str` (default: `repr`).
    pub str: Option<ReprFn>,
    /// `tp_hash` (`None`: unhashable).
    pub hash: Option<HashFn>,
    /// `tp_richcompare` (`None`: identity comparison only).
    pub richcompare: Option<RichCompareFn>,
    /// `tp_as_number`.
    pub number: Option<&'static NumberSlots>,
    /// `tp_as_sequence`.
    pub sequence: Option<&'static SequenceSlots>,
    /// `tp_traverse`, for types that hold references (`None` for atomic types).
    pub traverse: Option<TraverseFn>,
    /// `tp_clear`, for mutable containers (`None`: the type cannot be cleared, like `tuple`).
    pub clear: Option<ClearFn>,
    /// The instances' read-only attributes, found by the generic `getattr`.
    pub members: &'static [Member],
    /// `tp_getattro` (`None`: the generic lookup of `members`).
    pub getattr: Option<GetAttrFn>,
    /// `tp_setattro` (`None`: every attribute is read-only or missing).
    pub setattr: Option<SetAttrFn>,
}

/// `PyTypeObject`.
#[repr(C)]
pub struct PyTypeObject {
    /// The header: a type is an object of type `type`.
    pub ob_base: PyVarObject,
    /// `tp_name`: a literal for static types, a string owned by the heap type for classes
    /// (a cell: `C.__name__ = 'D'` points it at a new string the class keeps).
    name: core::cell::Cell<*const str>,
    basicsize: usize,
    itemsize: usize,
    flags: TypeFlags,
    base: Option<NonNull<PyTypeObject>>,
    slots: &'static Slots,
    /// `tp_weaklistoffset`: where an instance keeps its weak-reference list (0: nowhere, or
    /// in the pre-header for `Py_TPFLAGS_MANAGED_WEAKREF`).
    weaklistoffset: usize,
    /// `tp_weaklist`: the weak references to this type, for classes. Never written for a
    /// static type (weak references to them are refused).
    weaklist: core::cell::Cell<Option<ObjPtr>>,
    /// `tp_version_tag`: 0 while the type has none (`Py_TPFLAGS_VALID_VERSION_TAG` unset),
    /// else a number no other state of any type of the process (static types) or of the
    /// heap (classes) had. Atomic because static types are shared by every heap; every
    /// access is relaxed (a plain load or store on the machines pyrt runs on). Only
    /// [`crate::type_cache`] writes it.
    version_tag: core::sync::atomic::AtomicU32,
    /// Room for the fields CPython's `PyTypeObject` has and pyrt does not use yet.
    _reserved: [u8; RESERVED_BYTES],
}

/// `sizeof(PyTypeObject)` in CPython 3.12 on 64-bit.
pub const PYTYPEOBJECT_SIZE: usize = 416;

/// Header (24), name (16), seven words of sizes, flags, base, slots and the weak-reference
/// fields, and the 4-byte version tag: 100 bytes used.
const RESERVED_BYTES: usize = PYTYPEOBJECT_SIZE - 100;

const _: () = assert!(size_of::<PyTypeObject>() == PYTYPEOBJECT_SIZE);

impl PyTypeObject {
    /// `tp_name`.
    pub fn name(&self) -> &str {
        // SAFETY: the name is a literal (static types) or a string owned by the heap type, which
        // lives as long as the type does.
        unsafe { &*self.name.get() }
    }

    /// Points `tp_name` at `name` (`type_set_name`).
    ///
    /// # Safety
    /// The type is a heap type, and `name` stays valid and unchanged as long as the type
    /// does (every `&str` [`name`](Self::name) gave out borrows the type, not the string).
    pub(crate) unsafe fn set_name(&self, name: *const str) {
        debug_assert!(self.flags.contains(TypeFlags::HEAPTYPE));
        self.name.set(name);
    }

    /// `tp_basicsize` (`__basicsize__`).
    pub fn basicsize(&self) -> usize {
        self.basicsize
    }

    /// `tp_itemsize` (`__itemsize__`).
    pub fn itemsize(&self) -> usize {
        self.itemsize
    }

    /// `tp_flags`.
    pub fn flags(&self) -> TypeFlags {
        self.flags
    }

    /// `tp_base`.
    pub fn base(&self) -> Option<&PyTypeObject> {
        // SAFETY: a type holds its base alive (static bases are immortal; a heap type holds a
        // reference to its base).
        self.base.map(|b| unsafe { b.as_ref() })
    }

    /// The slot table.
    pub fn slots(&self) -> &'static Slots {
        self.slots
    }

    /// `tp_weaklistoffset`.
    pub fn weaklistoffset(&self) -> usize {
        self.weaklistoffset
    }

    /// `tp_version_tag` as it is now (0: no valid tag). [`crate::type_cache::type_version`]
    /// gives the type one.
    #[inline]
    pub fn version_tag(&self) -> u32 {
        self.version_tag.load(core::sync::atomic::Ordering::Relaxed)
    }

    /// Sets `tp_version_tag` (the type cache's business only).
    #[inline]
    pub(crate) fn set_version_tag(&self, tag: u32) {
        self.version_tag
            .store(tag, core::sync::atomic::Ordering::Relaxed);
    }

    /// The offset of `tp_weaklist`, the weak-reference list of a type object (the
    /// `tp_weaklistoffset` of `type`).
    pub const WEAKLIST_OFFSET: usize = core::mem::offset_of!(PyTypeObject, weaklist);

    /// The member called `name`, looked up along the base chain (the MRO of single inheritance).
    pub fn find_member(&self, name: &str) -> Option<&'static Member> {
        let mut t = Some(self);
        while let Some(ty) = t {
            if let Some(m) = ty.slots.members.iter().find(|m| m.name == name) {
                return Some(m);
            }
            t = ty.base();
        }
        None
    }

    /// `_PyType_PreHeaderSize`: bytes in front of each instance.
    pub fn preheader_size(&self) -> usize {
        let gc = usize::from(self.flags.contains(TypeFlags::HAVE_GC));
        let managed =
            self.flags.0 & (TypeFlags::MANAGED_DICT.0 | TypeFlags::MANAGED_WEAKREF.0) != 0;
        16 * gc + 16 * usize::from(managed)
    }

    /// Whether this type is `other` or a subtype of it (`PyType_IsSubtype`, through `tp_base`).
    pub fn is_subtype(&self, other: &PyTypeObject) -> bool {
        let mut t = Some(self);
        while let Some(ty) = t {
            if core::ptr::eq(ty, other) {
                return true;
            }
            t = ty.base();
        }
        // Multiple inheritance: the other bases are in the class's MRO.
        crate::types::class::has_c3_mro(self)
            && crate::types::class::mro_iter(self).any(|t| core::ptr::eq(t, other))
    }
}

/// A built-in type: a `PyTypeObject` in a static.
#[repr(transparent)]
pub struct StaticType(PyTypeObject);

// SAFETY: a static type is immortal and immutable: its refcount is never written (incref and
// decref skip immortal objects), its type pointer is never reassigned, its other cells,
// `weaklist` and `name`, are never written (weak references to static types are refused, and
// only heap types are renamed), and its version tag is atomic. Sharing it between threads therefore never races.
unsafe impl Sync for StaticType {}

/// The parts of a static type that differ between types.
pub struct TypeSpec {
    /// `tp_name`.
    pub name: &'static str,
    /// `tp_basicsize`.
    pub basicsize: usize,
    /// `tp_itemsize`.
    pub itemsize: usize,
    /// `tp_flags`.
    pub flags: TypeFlags,
    /// `tp_base` (`None` only for `object`).
    pub base: Option<&'static StaticType>,
    /// The slot table.
    pub slots: &'static Slots,
}

impl StaticType {
    /// A static type of metatype `metatype` (always `type` here).
    pub const fn new(metatype: &'static StaticType, spec: TypeSpec) -> StaticType {
        StaticType(PyTypeObject {
            ob_base: PyVarObject {
                ob_base: PyObject::new_immortal(metatype.ptr()),
                ob_size: core::cell::Cell::new(0),
            },
            name: core::cell::Cell::new(spec.name),
            basicsize: spec.basicsize,
            itemsize: spec.itemsize,
            flags: spec.flags.union(TypeFlags::IMMUTABLETYPE),
            base: match spec.base {
                Some(b) => Some(b.ptr()),
                None => None,
            },
            slots: spec.slots,
            weaklistoffset: 0,
            weaklist: core::cell::Cell::new(None),
            version_tag: core::sync::atomic::AtomicU32::new(0),
            _reserved: [0; RESERVED_BYTES],
        })
    }

    /// The same type whose instances keep their weak-reference list at `offset`
    /// (`tp_weaklistoffset`).
    pub const fn with_weaklist_offset(mut self, offset: usize) -> StaticType {
        self.0.weaklistoffset = offset;
        self
    }

    /// The type object.
    pub const fn get(&'static self) -> &'static PyTypeObject {
        &self.0
    }

    /// The type as a type pointer, for object headers.
    pub const fn ptr(&'static self) -> NonNull<PyTypeObject> {
        NonNull::from_ref(&self.0)
    }

    /// The type as an object pointer.
    pub const fn as_obj(&'static self) -> ObjPtr {
        NonNull::from_ref(&self.0.ob_base.ob_base)
    }
}

/// What a heap type (a class) is made of.
pub(crate) struct HeapTypeSpec {
    /// `tp_name` (the class's qualified name), owned by the heap type.
    pub name: *const str,
    pub basicsize: usize,
    pub itemsize: usize,
    pub flags: TypeFlags,
    pub base: NonNull<PyTypeObject>,
    pub slots: &'static Slots,
}

/// Writes the type-object part of a freshly allocated heap type whose `PyObject` header is
/// already written.
///
/// # Safety
/// `ty` must point at a writable allocation of at least `size_of::<PyTypeObject>()` bytes, and
/// the name must stay valid as long as the type.
pub(crate) unsafe fn init_heap_type(ty: NonNull<PyTypeObject>, spec: HeapTypeSpec) {
    // SAFETY: the allocation holds a whole `PyTypeObject` (caller); the header is in place.
    unsafe {
        let t = ty.as_ptr();
        core::ptr::addr_of_mut!((*t).ob_base.ob_size).write(core::cell::Cell::new(0));
        core::ptr::addr_of_mut!((*t).name).write(core::cell::Cell::new(spec.name));
        core::ptr::addr_of_mut!((*t).basicsize).write(spec.basicsize);
        core::ptr::addr_of_mut!((*t).itemsize).write(spec.itemsize);
        core::ptr::addr_of_mut!((*t).flags).write(spec.flags.union(TypeFlags::HEAPTYPE));
        core::ptr::addr_of_mut!((*t).base).write(Some(spec.base));
        core::ptr::addr_of_mut!((*t).slots).write(spec.slots);
        // `inherit_special`: a base's own weak-reference list (a set's) is inherited.
        let weaklistoffset = if spec.flags.contains(TypeFlags::MANAGED_WEAKREF) {
            0
        } else {
            spec.base.as_ref().weaklistoffset
        };
        core::ptr::addr_of_mut!((*t).weaklistoffset).write(weaklistoffset);
        core::ptr::addr_of_mut!((*t).weaklist).write(core::cell::Cell::new(None));
        core::ptr::addr_of_mut!((*t).version_tag).write(core::sync::atomic::AtomicU32::new(0));
        core::ptr::addr_of_mut!((*t)._reserved).write([0; RESERVED_BYTES]);
    }
}
