//! Classes made by `class` statements (heap types, `Objects/typeobject.c`): plain classes and
//! classes with `__slots__`, whose base is `object`.
//!
//! A class is a `PyHeapTypeObject`: CPython's 920 bytes (`type.__sizeof__` reports them), here a
//! `PyTypeObject` followed by the class's own data (its name, module, slot names and shared
//! keys), allocated like CPython's with room for one member descriptor per slot. It is a GC
//! object of type `type`, and every instance holds a reference to it.
//!
//! * `__slots__ = (n names)`: the 16-byte header followed by one pointer per slot
//!   (`basicsize = 16 + 8n`), a GC type, so `sys.getsizeof` is `32 + 8n`. Listing
//!   `'__weakref__'` adds 3.12's managed weakref list, `'__dict__'` a managed dict; either adds
//!   the 16-byte pre-header.
//! * A plain class (no `__slots__`) has both: `basicsize` 16, instances of 48 bytes. A class
//!   with a managed dict owns shared keys (768 bytes, counted by `type.__sizeof__`) and its
//!   instances keep their attributes in values arrays indexed by them (see
//!   [`dict::managed`](crate::types::dict::managed)).

use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{HeapTypeSpec, PyTypeObject, Slots, TypeFlags, init_heap_type};
use crate::types::builtin_subclass::members as list_members;
use crate::types::dict::managed::{self, ClassKeys};
use crate::types::list::List;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, unicode};

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
    /// Member slots of a class with `__slots__`, or the fields of a record type.
    slot_names: Vec<String>,
    cached_keys: Option<ClassKeys>,
    /// The class namespace (`tp_dict`): class attributes and methods, if any.
    dict: core::cell::Cell<Option<ObjPtr>>,
    /// `tp_bases`: the tuple of the class's bases.
    bases: core::cell::Cell<Option<ObjPtr>>,
    /// `tp_mro`: the class, then its bases in method resolution order (a cycle through the
    /// class, which the collector breaks by clearing it).
    mro: core::cell::Cell<Option<ObjPtr>>,
    /// The weak reference to the class that CPython keeps in its base's `tp_subclasses`
    /// (so `weakref.getweakrefcount(C)` is 1 and `weakref.ref(C)` shares it); held here,
    /// not traversed, released when the class is freed.
    subclass_ref: core::cell::Cell<Option<ObjPtr>>,
    /// A yes/no fact about the class's namespaces that the interpreter computed for the
    /// version tag beside it (see [`cached_fact`]).
    fact: core::cell::Cell<(u32, bool)>,
    /// Whether the class or a base defines `__new__`, for the version tag beside it (see
    /// [`cached_defines_new`]): what instantiation asks each time.
    new_fact: core::cell::Cell<(u32, bool)>,
    /// The direct subclasses (`tp_subclasses`, borrowed: a class leaves its base's list when
    /// it is freed), which [`type_modified`](crate::type_cache::type_modified) invalidates.
    subclasses: core::cell::RefCell<Vec<NonNull<PyTypeObject>>>,
    /// `__qualname__` when it is not the name the class was made with (`ht_qualname`:
    /// `f.<locals>.C`, `Outer.Inner`, or assigned later): a string in `assigned_names`.
    dotted_qualname: core::cell::Cell<Option<NonNull<str>>>,
    /// Every `__name__` and `__qualname__` assigned after the class was made, kept until the
    /// class is freed: `tp_name` and `dotted_qualname` point into them, and the `&str`s
    /// they gave out borrow the class (a boxed `str` does not move when the list grows).
    assigned_names: core::cell::RefCell<Vec<Box<str>>>,
    kind: ClassKind,
    /// Whether `mro` is more than the chain of `tp_base` (multiple inheritance somewhere
    /// above): lookups and subtype tests then follow `mro`.
    c3: core::cell::Cell<bool>,
    /// Whether the class or a base defines `__del__` (CPython's `tp_finalize` slot is set).
    finalizer: core::cell::Cell<bool>,
    /// `Py_TPFLAGS_IS_ABSTRACT`: the class's own `__abstractmethods__` is non-empty, so
    /// `object.__new__` refuses to make instances.
    is_abstract: core::cell::Cell<bool>,
    /// `Py_TPFLAGS_SEQUENCE`/`Py_TPFLAGS_MAPPING` of a class (the only `tp_flags` bits that
    /// change after a class is made): inherited from `tp_base`, set by `collections.abc`'s
    /// `Sequence`/`Mapping` and their `register`; what `match` patterns ask.
    collection_flags: core::cell::Cell<u8>,
    _reserved: [u8; RESERVED],
}

const RESERVED: usize = PYHEAPTYPEOBJECT_SIZE
    - size_of::<PyTypeObject>()
    - 3 * size_of::<String>()
    - size_of::<Option<ClassKeys>>()
    - size_of::<ClassKind>()
    - size_of::<core::cell::Cell<Option<NonNull<str>>>>()
    - size_of::<core::cell::RefCell<Vec<Box<str>>>>()
    - 2 * size_of::<core::cell::Cell<bool>>()
    - size_of::<core::cell::RefCell<Vec<NonNull<PyTypeObject>>>>()
    - 4 * size_of::<Option<ObjPtr>>()
    - 2 * size_of::<core::cell::Cell<(u32, bool)>>()
    - size_of::<core::cell::Cell<bool>>()
    - size_of::<core::cell::Cell<u8>>();

/// What a heap type's instances are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassKind {
    /// Made by a `class` statement on `object`: slots and/or a managed dict.
    Object,
    /// A `collections.namedtuple` class: a tuple subclass with named fields.
    NamedTuple,
    /// A `recordclass`-like record: mutable fields, no GC header.
    Record,
    /// A `class` statement on `list`: list instances of a heap type, with a managed dict.
    List,
    /// A `class` statement on `int`, `float`, `str`, `bytes`, `tuple`, `dict`, `set` or
    /// `frozenset` (or on such a class): the base's layout, with a managed dict
    /// ([`builtin_subclass`](crate::types::builtin_subclass)).
    Builtin(crate::types::builtin_subclass::BuiltinBase),
    /// A `class` statement on an exception class: instances laid out as the built-in base's
    /// (whose `dict` is in the object), with a managed weak-reference list.
    Exception,
    /// A metaclass: a `class` statement on `type` (or on a metaclass), whose instances are
    /// classes ([`set_metaclass`]).
    Meta,
}

/// What a new heap type is made of.
pub(crate) struct HeapTypeInit<'a> {
    pub name: &'a str,
    pub module: &'a str,
    pub names: Vec<String>,
    pub cached_keys: Option<ClassKeys>,
    pub kind: ClassKind,
    pub basicsize: usize,
    pub itemsize: usize,
    pub flags: TypeFlags,
    pub base: NonNull<PyTypeObject>,
    pub slots: &'static Slots,
}

/// Allocates and fills a heap type (`type_new` after the layout is decided); the shared keys,
/// if any, are released if the allocation fails.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn alloc_heap_type<'h>(heap: &'h Heap, init: HeapTypeInit<'_>) -> PyResult<Obj<'h>> {
    let size = PYHEAPTYPEOBJECT_SIZE + (init.names.len() + 1) * MEMBER_DEF_SIZE;
    let op = match heap.alloc_object(TYPE_TYPE.get(), size) {
        Ok(op) => op,
        Err(e) => {
            init.cached_keys.inspect(|k| k.release(heap));
            return Err(e);
        }
    };
    // SAFETY: a fresh allocation of a `PyHeapTypeObject` and its member area; the owned fields
    // are written before the type's name points into them, and the name's heap buffer does not
    // move when the `String` value is moved into place; `init.base` is a live type.
    unsafe {
        let h = op.cast::<PyHeapTypeObject>().as_ptr();
        ptr::addr_of_mut!((*h).qualname).write(init.name.to_string());
        ptr::addr_of_mut!((*h).module).write(init.module.to_string());
        ptr::addr_of_mut!((*h).slot_names).write(init.names);
        ptr::addr_of_mut!((*h).cached_keys).write(init.cached_keys);
        ptr::addr_of_mut!((*h).kind).write(init.kind);
        ptr::addr_of_mut!((*h).dict).write(core::cell::Cell::new(None));
        ptr::addr_of_mut!((*h).bases).write(core::cell::Cell::new(None));
        ptr::addr_of_mut!((*h).mro).write(core::cell::Cell::new(None));
        ptr::addr_of_mut!((*h).subclass_ref).write(core::cell::Cell::new(None));
        ptr::addr_of_mut!((*h).fact).write(core::cell::Cell::new((0, false)));
        ptr::addr_of_mut!((*h).new_fact).write(core::cell::Cell::new((0, false)));
        ptr::addr_of_mut!((*h).c3).write(core::cell::Cell::new(false));
        ptr::addr_of_mut!((*h).finalizer).write(core::cell::Cell::new(false));
        ptr::addr_of_mut!((*h).is_abstract).write(core::cell::Cell::new(false));
        // `inherit_patma_flags`: from `tp_base` only.
        let inherited = collection_bits(collection_flags(init.base.as_ref()));
        ptr::addr_of_mut!((*h).collection_flags).write(core::cell::Cell::new(inherited));
        ptr::addr_of_mut!((*h).dotted_qualname).write(core::cell::Cell::new(None));
        ptr::addr_of_mut!((*h).assigned_names).write(core::cell::RefCell::new(Vec::new()));
        ptr::addr_of_mut!((*h).subclasses).write(core::cell::RefCell::new(Vec::new()));
        ptr::addr_of_mut!((*h)._reserved).write([0; RESERVED]);
        let name_ptr: *const str = (*h).qualname.as_str();
        let spec = HeapTypeSpec {
            name: name_ptr,
            basicsize: init.basicsize,
            itemsize: init.itemsize,
            flags: init.flags,
            base: init.base,
            slots: init.slots,
        };
        init_heap_type(op.cast(), spec);
        Ok(Obj::from_owned(heap, op))
    }
}

/// The kind of a class's instances.
pub fn class_kind(ty: &PyTypeObject) -> Option<ClassKind> {
    Class::of_type(ty).map(|c| header(c).kind)
}

/// The member slots of a class with `__slots__`, or the fields of a record type (none for a
/// built-in type).
#[inline]
pub fn class_names(ty: &PyTypeObject) -> &[String] {
    Class::of_type(ty).map_or(&[], |c| &header(c).slot_names)
}

const _: () = assert!(size_of::<PyHeapTypeObject>() == PYHEAPTYPEOBJECT_SIZE);

/// Whether `ty` is a class made at run time.
#[inline]
pub fn is_heap_type(ty: &PyTypeObject) -> bool {
    ty.flags().contains(TypeFlags::HEAPTYPE)
}

/// Whether `o` is a class made at run time: an object of type `type` that is a heap type.
#[inline]
pub fn is_class(o: &PyObject) -> bool {
    crate::types::type_object(o).is_some_and(is_heap_type)
}

crate::view! {
    /// A class made at run time (a heap type: `class` statements, namedtuple and record
    /// classes), laid out as a `PyHeapTypeObject`.
    pub struct Class: "type" = is_class;
}

impl Class {
    /// The class that type `ty` is, if it is a heap type.
    #[inline]
    pub fn of_type(ty: &PyTypeObject) -> Option<&Class> {
        Class::cast(&ty.ob_base.ob_base)
    }

    /// The class as a type object.
    #[inline]
    pub fn as_type(&self) -> &PyTypeObject {
        &header(self).ht_type
    }
}

/// The class's layout.
#[inline]
fn header(c: &Class) -> &PyHeapTypeObject {
    // SAFETY: the view guarantees a heap type, allocated as a `PyHeapTypeObject`.
    unsafe { &*ptr::from_ref(c).cast::<PyHeapTypeObject>() }
}

/// The class's module and qualified name.
pub fn class_module_and_name(c: &Class) -> (&str, &str) {
    let h = header(c);
    // SAFETY: `dotted_qualname` points into `assigned_names`, kept as long as the class.
    let q = h.dotted_qualname.get().map(|q| unsafe { q.as_ref() });
    (&h.module, q.unwrap_or(&h.qualname))
}

/// A string the class keeps until it is freed (in `assigned_names`), as a pointer.
fn keep_name(c: &Class, name: &str) -> NonNull<str> {
    let kept: Box<str> = name.into();
    let p = NonNull::from(&*kept);
    header(c).assigned_names.borrow_mut().push(kept);
    p
}

/// `type_set_name`: `C.__name__ = name` (`tp_name` and `__name__`; the qualified name and the
/// namespace do not change).
///
/// # Errors
/// `ValueError` when `name` holds a NUL character.
pub fn set_class_name(c: &Class, name: &str) -> PyResult<()> {
    if name.contains('\0') {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "type name must not contain null characters",
        ));
    }
    let p = keep_name(c, name);
    // SAFETY: a class is a heap type; the string is kept until the class is freed.
    unsafe { c.as_type().set_name(p.as_ptr()) };
    Ok(())
}

/// `type_module` of a class as reprs use it: its namespace's `__module__` when that is a str
/// (`None` when it is not: `<class 'C'>`), else the module it was made in.
pub fn class_module(c: &Class) -> Option<String> {
    let ns = class_dict(c.as_type()).and_then(crate::types::dict::Dict::cast);
    if let Some(ns) = ns {
        for (k, v) in crate::types::dict::entries(ns) {
            // SAFETY: the namespace holds its keys and values while it is read here (nothing
            // runs that could change it).
            let (k, v) = unsafe { (k.as_ref(), v.as_ref()) };
            if unicode::Str::cast(k).is_some_and(|k| unicode::str_value(k) == "__module__") {
                return unicode::Str::cast(v).map(unicode::str_value);
            }
        }
    }
    Some(header(c).module.clone())
}

/// Sets the class's `__qualname__` (`type_set_qualname`; its class statement's, or assigned
/// later): a name equal to the one the class was made with is kept as that one.
pub fn set_class_qualname(c: &Class, qualname: &str) {
    let h = header(c);
    let p = (qualname != h.qualname).then(|| keep_name(c, qualname));
    h.dotted_qualname.set(p);
}

/// Whether `name` is an identifier (`str.isidentifier`, as `__slots__` names must be).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `class name: ...` in `module` (`type_new`): a plain class for `slots == None`, else a class
/// with `__slots__ = slots`.
///
/// # Errors
/// `TypeError: __slots__ must be identifiers`; `TypeError: __dict__ slot disallowed: we
/// already got one` (and the same for `__weakref__`) when listed twice; `MemoryError`.
pub fn new_class<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
) -> PyResult<Obj<'h>> {
    new_subclass(heap, name, module, slots, None, None)
}

/// `class name(base): ...` with the namespace `dict` (class attributes and methods): the
/// base's slots come first, then the class's own (`basicsize` grows by 8 per slot); a class
/// without `__slots__` gets a managed dict and weakref list unless its base has them.
///
/// # Errors
/// As [`new_class`]; `TypeError` if `base` is not a class made by `class`.
pub fn new_subclass<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
    base: Option<&PyObject>,
    dict: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    new_subclass_gc(heap, name, module, slots, base, dict, None, false)
}

/// [`new_subclass`], with a say in whether the instances have a GC header: `Some(false)`
/// asks for GC-free instances, `Some(true)` for GC ones, `None` inherits (a class on a
/// GC-free class is GC-free). Only a class on `object` (or on a GC-free class) whose
/// `__slots__` give neither `__dict__` nor `__weakref__` can be GC-free: its instances are the
/// header and the slots, untracked, as the `recordclass` package's `dataobject` instances
/// (`sys.getsizeof` counts no pre-header). Any other class gets a GC header whatever `gc` says.
///
/// With `items`, a GC-free class on `object` with empty `__slots__` holds items instead: its
/// instances are a `PyVarObject` header and one cell per item (`__basicsize__` 24,
/// `__itemsize__` 8, made by [`new_items_instance`]), as recordclass's `litetuple` and
/// `mutabletuple`. Such a class cannot be subclassed.
///
/// # Errors
/// As [`new_subclass`].
#[allow(clippy::too_many_arguments)]
pub fn new_subclass_gc<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
    base: Option<&PyObject>,
    dict: Option<Obj<'h>>,
    gc: Option<bool>,
    items: bool,
) -> PyResult<Obj<'h>> {
    let base_ty = match base {
        None => None,
        Some(b) => Some(object_class(b)?),
    };
    if let Some(b) = base_ty
        && !b.flags().contains(TypeFlags::BASETYPE)
    {
        // An items class (`litetuple`): its instances' layout leaves no room for a subclass's.
        return Err(PyErr::type_error(format!(
            "type '{}' is not an acceptable base type",
            b.name()
        )));
    }
    let inherited = base_ty.map_or(TypeFlags(0), |b| {
        TypeFlags(b.flags().0 & (TypeFlags::MANAGED_DICT.0 | TypeFlags::MANAGED_WEAKREF.0))
    });
    let (own, mut slot_names) = match slots {
        None => (
            TypeFlags::MANAGED_DICT.union(TypeFlags::MANAGED_WEAKREF),
            Vec::new(),
        ),
        Some(slots) => slots_layout(slots)?,
    };
    if let Some(b) = base_ty {
        let mut all = class_names(b).to_vec();
        all.append(&mut slot_names);
        slot_names = all;
    }
    let wants_gc_free = match gc {
        Some(g) => !g,
        None => base_ty.is_some_and(is_gc_free_class),
    };
    let can_be_gc_free = slots.is_some()
        && own.union(inherited).0 == 0
        && base_ty.is_none_or(is_object_instance_type);
    let gc_flag = if wants_gc_free && can_be_gc_free {
        TypeFlags(0)
    } else {
        TypeFlags::HAVE_GC
    };
    let flags = own
        .union(inherited)
        .union(gc_flag)
        .union(TypeFlags::BASETYPE);
    let cached_keys = if flags.contains(TypeFlags::MANAGED_DICT) {
        Some(ClassKeys::new(heap)?)
    } else {
        None
    };
    if let Some(b) = base_ty
        && b.flags().contains(TypeFlags::TYPE_SUBCLASS)
    {
        return new_metaclass(heap, name, module, slots, b, dict);
    }
    let list_based = base_ty.is_some_and(|b| b.flags().contains(crate::types::list::LIST_SUBCLASS));
    let exception_based = base.is_some_and(crate::types::exceptions::is_exception_class);
    if exception_based {
        return new_exception_subclass(heap, name, module, slots, base_ty, dict);
    }
    if let Some(b) = base_ty
        && let Some(builtin) = crate::types::builtin_subclass::BuiltinBase::of(b)
    {
        return new_builtin_subclass(heap, name, module, slots, b, builtin, dict);
    }
    let (kind, slots_table, basicsize, flags) = if list_based {
        // Member slots are cells after the list's struct (builtin_subclass::members).
        let flags = flags.union(crate::types::list::LIST_SUBCLASS);
        (
            ClassKind::List,
            &LIST_INSTANCE_SLOTS,
            crate::types::LIST_TYPE.get().basicsize() + 8 * slot_names.len(),
            flags,
        )
    } else if items
        && base_ty.is_none()
        && slot_names.is_empty()
        && !flags.contains(TypeFlags::HAVE_GC)
    {
        let flags = TypeFlags(flags.0 & !TypeFlags::BASETYPE.0);
        (ClassKind::Object, &INSTANCE_SLOTS, ITEMS_OFFSET, flags)
    } else {
        let basicsize = OBJECT_TYPE.get().basicsize() + 8 * slot_names.len();
        (ClassKind::Object, &INSTANCE_SLOTS, basicsize, flags)
    };
    let itemsize = if basicsize == ITEMS_OFFSET && !flags.contains(TypeFlags::BASETYPE) {
        8
    } else {
        0
    };
    let base_ptr = match base_ty {
        Some(b) => NonNull::from(b),
        None => OBJECT_TYPE.ptr(),
    };
    let cls = alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names: slot_names,
            cached_keys,
            kind,
            basicsize,
            itemsize,
            flags,
            base: base_ptr,
            slots: slots_table,
        },
    )?;
    if let Some(b) = base {
        b.incref();
    }
    finish_class(heap, cls, base_ty.and_then(Class::of_type), dict)
}

/// `class name(type): ...` (or on a metaclass): a metaclass, laid out as `type` (its instances
/// are heap types, `__basicsize__` 920), with `type`'s slots and no dict or weakref of its own
/// (`type` has both).
///
/// # Errors
/// `TypeError` for `__slots__` names (CPython: nonempty `__slots__` are not supported for
/// subtypes of `type`); `MemoryError`.
fn new_metaclass<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
    base_ty: &PyTypeObject,
    dict: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    if let Some(s) = slots
        && s.iter().any(|n| !matches!(*n, "__dict__" | "__weakref__"))
    {
        return Err(PyErr::type_error(
            "nonempty __slots__ not supported for subtype of 'type'",
        ));
    }
    let flags = TypeFlags(base_ty.flags().0 & TypeFlags::TYPE_SUBCLASS.0)
        .union(TypeFlags::TYPE_SUBCLASS)
        .union(TypeFlags::HAVE_GC)
        .union(TypeFlags::BASETYPE);
    let cls = alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names: Vec::new(),
            cached_keys: None,
            kind: ClassKind::Meta,
            basicsize: base_ty.basicsize(),
            itemsize: base_ty.itemsize(),
            flags,
            base: NonNull::from(base_ty),
            slots: &crate::types::base::META_SLOTS,
        },
    )?;
    if is_heap_type(base_ty) {
        // The new class holds its base (released by `heap_type_dealloc`).
        base_ty.ob_base.ob_base.incref();
    }
    finish_class(heap, cls, Class::of_type(base_ty), dict)
}

/// Makes class `cls` (just made, of type `type`) an instance of metaclass `meta`, as
/// `type_new` allocating it through `meta` would: `cls` holds a reference to `meta`, released
/// when `cls` is freed.
///
/// # Errors
/// `TypeError` if `meta` is not a metaclass made by a `class` statement, or `cls` is not a
/// class of type `type`.
pub fn set_metaclass(cls: &Class, meta: &Class) -> PyResult<()> {
    let o: &PyObject = &cls.as_type().ob_base.ob_base;
    if header(meta).kind != ClassKind::Meta || !ptr::eq(o.ob_type(), TYPE_TYPE.get()) {
        return Err(PyErr::type_error(
            "set_metaclass: not a metaclass and a new class",
        ));
    }
    let m: &PyObject = &meta.as_type().ob_base.ob_base;
    m.incref();
    o.set_type_ptr(NonNull::from(meta.as_type()));
    Ok(())
}

/// `class name(B): ...` for a built-in base `B` (`int`, `str`, `tuple`, `dict`, ...) or a class
/// on one (`type_new`): the base's size and item size, its `*_SUBCLASS` flag, a managed dict
/// (and weakref list where the base allows one) unless `__slots__` is given, whose names become
/// member slots after the base's struct (`basicsize` grows by 8 each).
///
/// # Errors
/// `TypeError: nonempty __slots__ not supported for subtype of 'int'` for member slots on a
/// base with items (`int`, `bytes`, `tuple`); as [`new_class`]; `MemoryError`.
fn new_builtin_subclass<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
    base_ty: &PyTypeObject,
    builtin: crate::types::builtin_subclass::BuiltinBase,
    dict: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    use crate::types::builtin_subclass::{SUBCLASS_FLAG_BITS, nonempty_slots_error};
    let (own, own_names) = match slots {
        None => (builtin.own_flags(), Vec::new()),
        Some(slots) => slots_layout(slots)?,
    };
    if !own_names.is_empty() && base_ty.itemsize() != 0 {
        return Err(nonempty_slots_error(builtin));
    }
    let basicsize = base_ty.basicsize() + 8 * own_names.len();
    let mut names = class_names(base_ty).to_vec();
    names.extend(own_names);
    let inherited = TypeFlags(
        base_ty.flags().0
            & (TypeFlags::MANAGED_DICT.0 | TypeFlags::MANAGED_WEAKREF.0 | SUBCLASS_FLAG_BITS.0),
    );
    let flags = own
        .union(inherited)
        .union(TypeFlags::HAVE_GC)
        .union(TypeFlags::BASETYPE);
    let cached_keys = if flags.contains(TypeFlags::MANAGED_DICT) {
        Some(ClassKeys::new(heap)?)
    } else {
        None
    };
    let cls = alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names,
            cached_keys,
            kind: ClassKind::Builtin(builtin),
            basicsize,
            itemsize: base_ty.itemsize(),
            flags,
            base: NonNull::from(base_ty),
            slots: builtin.slots(),
        },
    )?;
    if is_heap_type(base_ty) {
        // The new class holds its base (released by `heap_type_dealloc`).
        base_ty.ob_base.ob_base.incref();
    }
    finish_class(heap, cls, Class::of_type(base_ty), dict)
}

/// `class name(E): ...` for an exception class `E`: instances have `E`'s layout (the `dict`
/// is in the object, so no managed dict) and, unless `__slots__` leaves it out, a managed
/// weak-reference list, as CPython's `type_new` gives them (`sys.getsizeof` 104 for a
/// subclass of `Exception`, 88 with `__slots__ = ()`); `__slots__` names are member cells
/// after the base's struct (`builtin_subclass::members`).
///
/// # Errors
/// `TypeError` for a bad `__slots__` (`__dict__` slot disallowed: the exception has one);
/// `MemoryError`.
fn new_exception_subclass<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    slots: Option<&[&str]>,
    base_ty: Option<&PyTypeObject>,
    dict: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let Some(base_ty) = base_ty else {
        return Err(crate::view::bad_internal_call());
    };
    let (own, mut names) = match slots {
        None => (TypeFlags::MANAGED_WEAKREF, Vec::new()),
        Some(slots) => {
            let (own, names) = slots_layout(slots)?;
            if own.contains(TypeFlags::MANAGED_DICT) {
                return Err(PyErr::type_error(
                    "__dict__ slot disallowed: we already got one",
                ));
            }
            (own, names)
        }
    };
    let inherited = TypeFlags(base_ty.flags().0 & TypeFlags::MANAGED_WEAKREF.0);
    if slots.is_some()
        && own.contains(TypeFlags::MANAGED_WEAKREF)
        && inherited.contains(TypeFlags::MANAGED_WEAKREF)
    {
        return Err(PyErr::type_error(
            "__weakref__ slot disallowed: we already got one",
        ));
    }
    let mut all = class_names(base_ty).to_vec();
    all.append(&mut names);
    let basicsize = base_ty.basicsize() + 8 * (all.len() - class_names(base_ty).len());
    let flags = TypeFlags(base_ty.flags().0 & crate::types::exceptions::BASE_EXC_SUBCLASS.0)
        .union(TypeFlags::HAVE_GC)
        .union(TypeFlags::BASETYPE)
        .union(own)
        .union(inherited);
    let cls = alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names: all,
            cached_keys: None,
            kind: ClassKind::Exception,
            basicsize,
            itemsize: 0,
            flags,
            base: NonNull::from(base_ty),
            slots: &crate::types::exceptions::SUBCLASS_SLOTS,
        },
    )?;
    if is_heap_type(base_ty) {
        // The new class holds its base (released by `heap_type_dealloc`).
        base_ty.ob_base.ob_base.incref();
    }
    finish_class(heap, cls, Class::of_type(base_ty), dict)
}

/// The last steps of making class `cls`: it joins its base class's subclass list, takes its
/// namespace `dict` (watched for the type cache), gets its finalizer flag, and is tracked.
fn finish_class<'h>(
    heap: &'h Heap,
    cls: Obj<'h>,
    base: Option<&Class>,
    dict: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let c = Class::cast_internal(cls.object())?;
    if let Some(b) = base {
        header(b)
            .subclasses
            .borrow_mut()
            .push(NonNull::from(c.as_type()));
    }
    if let Some(d) = dict {
        if let Some(view) = crate::types::dict::Dict::cast(d.object()) {
            crate::type_cache::watch_namespace(heap, view, c.as_type());
        }
        header(c).dict.set(Some(d.into_ptr()));
    }
    update_finalizer(heap, c.as_type());
    set_bases_and_mro(heap, c)?;
    // SAFETY: the class is complete.
    unsafe { heap.track(cls.object()) };
    Ok(cls)
}

/// `tp_bases` and `tp_mro` of a new class (single inheritance: the chain of bases).
fn set_bases_and_mro(heap: &Heap, c: &Class) -> PyResult<()> {
    let ty = c.as_type();
    let as_obj = |t: &PyTypeObject| {
        // SAFETY: a type is alive while its subclass is.
        unsafe { Obj::from_borrowed(heap, &t.ob_base.ob_base) }
    };
    let base = ty.base().unwrap_or(OBJECT_TYPE.get());
    let bases = crate::types::tuple::new_tuple(heap, vec![as_obj(base)])?;
    header(c).bases.set(Some(bases.into_ptr()));
    let mut chain = Vec::new();
    let mut t = Some(ty);
    while let Some(cur) = t {
        chain.push(as_obj(cur));
        t = cur.base();
    }
    let mro = crate::types::tuple::new_tuple(heap, chain)?;
    header(c).mro.set(Some(mro.into_ptr()));
    let r = crate::types::weakref::new_ref(heap, &ty.ob_base.ob_base, None)?;
    header(c).subclass_ref.set(Some(r.into_ptr()));
    Ok(())
}

/// The fact the interpreter recorded for `ty` with [`set_cached_fact`], if `ty`'s version tag
/// is still the one it was recorded with (any change to the namespaces of the class or its
/// bases gives the class a new tag, and tags are never reused).
pub fn cached_fact(ty: &PyTypeObject) -> Option<bool> {
    let (version, fact) = header(Class::of_type(ty)?).fact.get();
    (version != 0 && version == ty.version_tag()).then_some(fact)
}

/// Records a fact about `ty`'s namespaces, valid while its version tag is `version`.
pub fn set_cached_fact(ty: &PyTypeObject, version: u32, fact: bool) {
    if let Some(c) = Class::of_type(ty) {
        header(c).fact.set((version, fact));
    }
}

/// Whether `ty` (a class) or one of its bases defines `__new__`, as recorded with
/// [`set_cached_defines_new`] for `ty`'s current version tag (`None`: not recorded, or the
/// namespaces of the class or a base changed since, e.g. `C.__new__ = f`).
#[inline]
pub fn cached_defines_new(ty: &PyTypeObject) -> Option<bool> {
    let (version, fact) = header(Class::of_type(ty)?).new_fact.get();
    (version != 0 && version == ty.version_tag()).then_some(fact)
}

/// Records whether `ty` or a base defines `__new__`, valid while its version tag is `version`.
pub fn set_cached_defines_new(ty: &PyTypeObject, version: u32, defines: bool) {
    if let Some(c) = Class::of_type(ty) {
        header(c).new_fact.set((version, defines));
    }
}

/// Whether `ty`'s MRO is more than its chain of bases (multiple inheritance).
#[inline]
pub fn has_c3_mro(ty: &PyTypeObject) -> bool {
    Class::of_type(ty).is_some_and(|c| header(c).c3.get())
}

/// The types of `ty`'s MRO, in order: the stored MRO of a class with multiple inheritance
/// above it, else the chain of `tp_base`.
pub fn mro_iter(ty: &PyTypeObject) -> MroIter<'_> {
    let items = if has_c3_mro(ty) {
        class_mro(ty)
            .and_then(crate::types::tuple::Tuple::cast)
            .map_or(&[][..], crate::types::tuple::items)
    } else {
        &[]
    };
    MroIter {
        chain: items.is_empty().then_some(ty),
        items,
    }
}

/// The iterator of [`mro_iter`].
pub struct MroIter<'a> {
    chain: Option<&'a PyTypeObject>,
    items: &'a [ObjPtr],
}

impl<'a> Iterator for MroIter<'a> {
    type Item = &'a PyTypeObject;

    fn next(&mut self) -> Option<&'a PyTypeObject> {
        if let Some(t) = self.chain {
            self.chain = t.base();
            return Some(t);
        }
        let (first, rest) = self.items.split_first()?;
        self.items = rest;
        // SAFETY: the MRO tuple holds its types, alive while the class is.
        crate::types::type_object(unsafe { &*first.as_ptr() })
    }
}

/// Gives class `cls` (made on its best base by [`new_subclass`]) all its bases and its C3
/// MRO (`type_new` with several bases): it joins the subclass lists of its other bases, and
/// lookups and subtype tests follow `mro` from now on.
///
/// # Errors
/// `TypeError` when `cls` is not a class or the tuples are not tuples of types.
pub fn set_bases_and_c3_mro<'h>(
    heap: &'h Heap,
    cls: &PyObject,
    bases: Obj<'h>,
    mro: Obj<'h>,
) -> PyResult<()> {
    let c = Class::cast_internal(cls)?;
    let b = crate::types::tuple::Tuple::cast_internal(bases.object())?;
    crate::types::tuple::Tuple::cast_internal(mro.object())?;
    let me = c.as_type();
    for (i, p) in crate::types::tuple::items(b).iter().enumerate() {
        // SAFETY: the tuple holds its items.
        let t = crate::types::type_object(unsafe { p.as_ref() })
            .ok_or_else(crate::view::bad_internal_call)?;
        let is_tp_base = me.base().is_some_and(|tb| ptr::eq(tb, t));
        if i > 0
            && !is_tp_base
            && let Some(bc) = Class::of_type(t)
        {
            header(bc).subclasses.borrow_mut().push(NonNull::from(me));
        }
    }
    let h = header(c);
    for old in [
        h.bases.replace(Some(bases.into_ptr())),
        h.mro.replace(Some(mro.into_ptr())),
    ]
    .into_iter()
    .flatten()
    {
        // SAFETY: the class owned the old tuples.
        unsafe { heap.decref(old) };
    }
    h.c3.set(true);
    crate::type_cache::type_modified(me);
    Ok(())
}

/// `tp_bases` of a class, if set.
pub fn class_bases(ty: &PyTypeObject) -> Option<&PyObject> {
    // SAFETY: the class holds a reference to its bases tuple.
    header(Class::of_type(ty)?)
        .bases
        .get()
        .map(|d| unsafe { &*d.as_ptr() })
}

/// `tp_mro` of a class, if set (a cleared class has none).
pub fn class_mro(ty: &PyTypeObject) -> Option<&PyObject> {
    // SAFETY: the class holds a reference to its MRO tuple.
    header(Class::of_type(ty)?)
        .mro
        .get()
        .map(|d| unsafe { &*d.as_ptr() })
}

/// `type_clear` of a class in a cycle: the method cache forgets it, its namespace is
/// emptied and its MRO released (its bases and base stay until it is freed).
pub(crate) fn heap_type_clear(heap: &Heap, ty: &PyTypeObject) {
    let Some(c) = Class::of_type(ty) else {
        return;
    };
    crate::type_cache::type_modified(ty);
    if let Some(d) = class_dict(ty).and_then(crate::types::dict::Dict::cast) {
        crate::types::dict::clear(heap, d);
    }
    if let Some(m) = header(c).mro.take() {
        // SAFETY: the class owned this reference.
        unsafe { heap.decref(m) };
    }
}

/// Whether instances of `ty` have a finalizer (`tp_finalize`: a `__del__` in the class or a
/// base).
#[inline]
pub fn has_finalizer(ty: &PyTypeObject) -> bool {
    Class::of_type(ty).is_some_and(|c| header(c).finalizer.get())
}

/// Recomputes whether `ty` has a finalizer, after its namespace gained or lost `__del__`
/// (`update_slot`; the runtime calls it when a class attribute is set or deleted).
pub fn update_finalizer(heap: &Heap, ty: &PyTypeObject) {
    let Some(c) = Class::of_type(ty) else {
        return;
    };
    let own = class_dict(ty).is_some_and(|d| {
        crate::types::unicode::new_str(heap, "__del__")
            .ok()
            .and_then(|key| {
                let d = crate::types::dict::Dict::cast(d)?;
                crate::types::dict::get_item(heap, d, key.object())
                    .ok()
                    .flatten()
            })
            .is_some()
    });
    let inherited = ty.base().is_some_and(has_finalizer);
    header(c).finalizer.set(own || inherited);
}

/// The class a `class` statement made, for use as a base.
fn object_class(b: &PyObject) -> PyResult<&PyTypeObject> {
    if let Some(ty) = crate::types::type_object(b)
        && (ptr::eq(ty, crate::types::LIST_TYPE.get())
            || crate::types::exceptions::is_exception_class(b)
            || crate::types::builtin_subclass::BuiltinBase::of(ty).is_some()
            || ty.flags().contains(TypeFlags::TYPE_SUBCLASS)
            || matches!(class_kind(ty), Some(ClassKind::Object | ClassKind::List)))
    {
        return Ok(ty);
    }
    Err(PyErr::type_error(format!(
        "pyrt cannot subclass '{}' yet",
        b.ob_type().name()
    )))
}

/// The namespace of a class (`tp_dict`), if it has one.
pub fn class_dict(ty: &PyTypeObject) -> Option<&PyObject> {
    // SAFETY: the class holds a reference to its namespace dict.
    header(Class::of_type(ty)?)
        .dict
        .get()
        .map(|d| unsafe { &*d.as_ptr() })
}

/// The direct subclasses of `ty` that are alive, oldest first (`type.__subclasses__()`;
/// none for a static type).
pub fn subclasses(ty: &PyTypeObject) -> Vec<NonNull<PyTypeObject>> {
    let mut out = Vec::new();
    for_each_subclass(ty, |t| out.push(t));
    out
}

/// Calls `f` with each direct subclass of `ty` (none for a static type).
pub(crate) fn for_each_subclass(ty: &PyTypeObject, mut f: impl FnMut(NonNull<PyTypeObject>)) {
    if let Some(c) = Class::of_type(ty) {
        header(c)
            .subclasses
            .borrow()
            .iter()
            .copied()
            .for_each(&mut f);
    }
}

/// `type.__setattr__` / `type.__delattr__` for a class (`type_setattro`): `name` (interned, as
/// CPython interns attribute names) set to `value`, or deleted for `None`, in the class's
/// namespace (made the first time one is needed); then the class and its subclasses lose their
/// version tags (`PyType_Modified`) and, for `__del__`, the finalizer slot is updated.
///
/// # Errors
/// `AttributeError: type object 'C' has no attribute 'x'` when deleting a missing attribute;
/// `MemoryError`.
pub fn type_setattr(heap: &Heap, c: &Class, name: &str, value: Option<&PyObject>) -> PyResult<()> {
    let ty = c.as_type();
    let d = match header(c).dict.get() {
        // SAFETY: the class holds a reference to its namespace.
        Some(d) => unsafe { Obj::from_borrowed(heap, d.as_ref()) },
        None => {
            let d = crate::types::dict::new_dict(heap)?;
            let view = crate::types::dict::Dict::cast_internal(d.object())?;
            crate::type_cache::watch_namespace(heap, view, ty);
            header(c).dict.set(Some(d.clone().into_ptr()));
            d
        }
    };
    let view = crate::types::dict::Dict::cast_internal(d.object())?;
    let key = name_object(heap, name, true)?;
    let result = match value {
        Some(v) => {
            // SAFETY: `v` is a live object; the namespace takes a reference to it.
            let v = unsafe { Obj::from_borrowed(heap, v) };
            crate::types::dict::set_item(heap, view, key, v)
        }
        None => match crate::types::dict::pop(heap, view, key.object())? {
            Some(_) => Ok(()),
            None => Err(PyErr::new(
                ExcKind::AttributeError,
                format!("type object '{}' has no attribute '{name}'", ty.name()),
            )),
        },
    };
    crate::type_cache::type_modified(ty);
    if name == "__del__" {
        update_finalizer(heap, ty);
    }
    if name == "__abstractmethods__" && result.is_ok() {
        update_abstract(heap, ty, value)?;
    }
    if name == "__abc_tpflags__" && result.is_ok() {
        update_collection_flags(ty, value);
    }
    result
}

/// After `C.__abc_tpflags__` was set to an int: what `_abc._abc_init` and
/// `_abc._abc_register` do with an ABC's `__abc_tpflags__` (the shipped `abc.py` sets it on
/// the class, then deletes it), the collection flags given to the class and its subclasses.
pub fn update_collection_flags(ty: &PyTypeObject, value: Option<&PyObject>) {
    if let Some(bits) = value.and_then(crate::types::long::object_as_i64) {
        set_collection_flags(ty, TypeFlags(bits as u64 & COLLECTION_FLAGS.0));
    }
}

/// `Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING` (`COLLECTION_FLAGS` in `Modules/_abc.c`).
pub const COLLECTION_FLAGS: TypeFlags = TypeFlags((1 << 5) | (1 << 6));

/// The header's one-byte form of the collection flags.
fn collection_bits(flags: TypeFlags) -> u8 {
    u8::from(flags.0 & (1 << 5) != 0) | (u8::from(flags.0 & (1 << 6) != 0) << 1)
}

/// `tp_flags & COLLECTION_FLAGS` of `ty`: a class's own (inherited or set), a built-in type's
/// static flags.
pub fn collection_flags(ty: &PyTypeObject) -> TypeFlags {
    match Class::of_type(ty) {
        Some(c) => {
            let bits = header(c).collection_flags.get();
            TypeFlags((u64::from(bits & 1) << 5) | (u64::from(bits >> 1) << 6))
        }
        None => TypeFlags(ty.flags().0 & COLLECTION_FLAGS.0),
    }
}

/// `set_collection_flag_recursive` (`Modules/_abc.c`): `ty` and its subclasses get `flags`
/// unless they already have them; built-in (immutable) types keep theirs.
pub fn set_collection_flags(ty: &PyTypeObject, flags: TypeFlags) {
    let Some(c) = Class::of_type(ty) else {
        return;
    };
    let bits = collection_bits(flags);
    if bits == 0 || header(c).collection_flags.get() == bits {
        return;
    }
    header(c).collection_flags.set(bits);
    for sub in subclasses(ty) {
        // SAFETY: `subclasses` lists live classes.
        set_collection_flags(unsafe { sub.as_ref() }, flags);
    }
}

/// `type_set_abstractmethods`: after `C.__abstractmethods__` was set to `value` (or deleted,
/// `None`), the class is abstract (`Py_TPFLAGS_IS_ABSTRACT`) when the value is true.
///
/// # Errors
/// What the value's `__bool__` raises.
pub fn update_abstract(heap: &Heap, ty: &PyTypeObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(c) = Class::of_type(ty) else {
        return Ok(());
    };
    let abstract_now = match value {
        Some(v) => crate::abstract_::is_true(heap, v)?,
        None => false,
    };
    header(c).is_abstract.set(abstract_now);
    Ok(())
}

/// `object_new`'s refusal for a class whose `__abstractmethods__` is non-empty: `TypeError:
/// Can't instantiate abstract class C without an implementation for abstract method(s) 'f',
/// 'g'` (the names sorted).
fn abstract_instance_error(heap: &Heap, cls: &Class) -> PyErr {
    let ty = cls.as_type();
    let mut names: Vec<String> = Vec::new();
    let methods = class_dict(ty).and_then(|d| {
        let d = crate::types::dict::Dict::cast(d)?;
        let key = crate::types::unicode::new_str(heap, "__abstractmethods__").ok()?;
        crate::types::dict::get_item(heap, d, key.object()).ok()?
    });
    if let Some(m) = methods {
        let r = crate::abstract_::for_each(heap, m.object(), |item| {
            names.push(crate::abstract_::str(heap, item.object())?);
            Ok(true)
        });
        if let Err(e) = r {
            return e;
        }
    }
    names.sort();
    let plural = if names.len() == 1 { "" } else { "s" };
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{plural} '{}'",
        ty.name(),
        names.join("', '")
    ))
}

/// `_PyType_Lookup(ty, name)` through the method cache, as a new reference: `name` (a str) in
/// the first namespace along `ty`'s bases that has it.
pub fn lookup<'h>(heap: &'h Heap, ty: &PyTypeObject, name: &PyObject) -> Option<Obj<'h>> {
    let found = crate::type_cache::type_lookup(heap, ty, name)?;
    // SAFETY: the value is held by a namespace of `ty`'s bases, unchanged since the lookup.
    Some(unsafe { Obj::from_borrowed(heap, found.as_ref()) })
}

/// The index of `name` (an exact str) in the shared keys of `ty`'s instances
/// (`_PyDictKeys_StringLookup` on `ht_cached_keys`), for `LOAD_ATTR_INSTANCE_VALUE` and
/// `STORE_ATTR_INSTANCE_VALUE`: names are never removed from shared keys, so the index holds
/// as long as the type's version tag does.
pub fn shared_key_index(heap: &Heap, ty: &PyTypeObject, name: &PyObject) -> Option<usize> {
    class_keys(ty)?.index_of(heap, name)
}

/// The flags and member slots `__slots__ = slots` gives (`type_new_slots`): `'__dict__'` and
/// `'__weakref__'` become the managed dict and weakref list, the other names member slots.
fn slots_layout(slots: &[&str]) -> PyResult<(TypeFlags, Vec<String>)> {
    if slots.iter().any(|s| !is_identifier(s)) {
        return Err(PyErr::type_error("__slots__ must be identifiers"));
    }
    let mut flags = TypeFlags(0);
    for (special, flag) in [
        ("__dict__", TypeFlags::MANAGED_DICT),
        ("__weakref__", TypeFlags::MANAGED_WEAKREF),
    ] {
        match slots.iter().filter(|s| **s == special).count() {
            0 => {}
            1 => flags = flags.union(flag),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{special} slot disallowed: we already got one"
                )));
            }
        }
    }
    let names = slots
        .iter()
        .filter(|s| !matches!(**s, "__dict__" | "__weakref__"))
        .map(|s| s.to_string())
        .collect();
    Ok((flags, names))
}

/// `type.__sizeof__` of a class: `sizeof(PyHeapTypeObject)`, plus its shared keys if it has
/// instance dictionaries.
pub(crate) fn heap_type_sizeof(ty: &PyTypeObject) -> usize {
    PYHEAPTYPEOBJECT_SIZE + class_keys(ty).map_or(0, ClassKeys::bytes)
}

/// The shared keys of a class whose instances have a managed dict.
#[inline]
pub fn class_keys(ty: &PyTypeObject) -> Option<ClassKeys> {
    header(Class::of_type(ty)?).cached_keys
}

/// Frees a class whose last reference went (`type_dealloc`).
///
/// # Safety
/// `op` must be a dead heap type of this heap.
pub(crate) unsafe fn heap_type_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead heap type: its weak references are cleared, its owned fields dropped
    // once, then its memory freed.
    unsafe {
        crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        let h = op.cast::<PyHeapTypeObject>().as_ptr();
        ptr::drop_in_place(ptr::addr_of_mut!((*h).qualname));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).module));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).slot_names));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).dotted_qualname));
        ptr::drop_in_place(ptr::addr_of_mut!((*h).assigned_names));
        if let Some(k) = (*h).cached_keys.take() {
            k.release(heap);
        }
        if (*h).c3.get()
            && let Some(b) = (*h).bases.get()
            && let Some(b) = crate::types::tuple::Tuple::cast(b.as_ref())
        {
            let me: *const PyTypeObject = &(*h).ht_type;
            for p in crate::types::tuple::items(b) {
                if let Some(bc) = crate::types::type_object(p.as_ref()).and_then(Class::of_type) {
                    header(bc)
                        .subclasses
                        .borrow_mut()
                        .retain(|s| !ptr::eq(s.as_ptr(), me));
                }
            }
        }
        for t in [(*h).mro.take(), (*h).bases.take(), (*h).subclass_ref.take()]
            .into_iter()
            .flatten()
        {
            heap.decref(t);
        }
        if let Some(d) = (*h).dict.take() {
            crate::type_cache::unwatch_namespace(heap, d.as_ref(), &(*h).ht_type);
            heap.decref(d);
        }
        let base = (*h)
            .ht_type
            .base()
            .filter(|b| is_heap_type(b))
            .map(NonNull::from);
        if let Some(b) = base.and_then(|b| Class::of_type(b.as_ref())) {
            let me: *const PyTypeObject = &(*h).ht_type;
            header(b)
                .subclasses
                .borrow_mut()
                .retain(|s| !ptr::eq(s.as_ptr(), me));
        }
        ptr::drop_in_place(ptr::addr_of_mut!((*h).subclasses));
        let meta = op.as_ref().type_ptr();
        heap.free_object(op, TYPE_TYPE.get());
        if let Some(b) = base {
            heap.decref(b.cast());
        }
        if is_heap_type(meta.as_ref()) {
            // An instance of a metaclass held it (`set_metaclass`).
            heap.decref(meta.cast());
        }
    }
}

/// `cls(*args)` for a class made at run time: a new instance of a `class` (no arguments: there
/// are no `__init__` methods yet), or a record of a namedtuple or record class.
///
/// # Errors
/// `TypeError: C() takes no arguments`; the record kinds' arity errors; `MemoryError`.
pub fn call<'h>(heap: &'h Heap, cls: &Class, args: Vec<Obj<'h>>) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    match header(cls).kind {
        ClassKind::Object if args.is_empty() => new_instance(heap, cls),
        ClassKind::Object => Err(PyErr::type_error(format!(
            "{}() takes no arguments",
            ty.name()
        ))),
        ClassKind::NamedTuple | ClassKind::Record => {
            crate::types::record::new_record(heap, cls, args)
        }
        ClassKind::Exception => crate::types::exceptions::call_class(heap, ty, &args, &[]),
        // A metaclass is called by the interpreter (`type.__call__`), never here.
        ClassKind::Meta => Err(crate::view::bad_internal_call()),
        ClassKind::Builtin(b) if b.is_mutable() => {
            crate::types::builtin_subclass::new_empty(heap, cls)
        }
        ClassKind::Builtin(_) => match args.as_slice() {
            [value] => crate::types::builtin_subclass::new_from_value(heap, cls, value.object()),
            _ => Err(crate::view::bad_internal_call()),
        },
        ClassKind::List => {
            if args.len() > 1 {
                return Err(PyErr::type_error(format!(
                    "list expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            // SAFETY: classes of kind List have the list layout.
            let l = unsafe { crate::types::list::new_subclass_instance(heap, cls, ty)? };
            if let Some(source) = args.first() {
                let items = crate::types::list::borrowed_items(heap, source.object())?;
                crate::types::list::extend_sized(heap, List::cast_internal(l.object())?, items)?;
            }
            Ok(l)
        }
    }
}

/// `cls` as a class made at run time, for [`call`] and [`new_instance`] (a checked cast).
///
/// # Errors
/// `TypeError: 'int' object is not callable` when `cls` is not a type; `TypeError: cannot
/// create 'int' instances here` for a built-in type.
pub fn as_class(cls: &PyObject) -> PyResult<&Class> {
    if let Some(c) = Class::cast(cls) {
        return Ok(c);
    }
    Err(PyErr::type_error(match crate::types::type_object(cls) {
        Some(ty) => format!("cannot create '{}' instances here", ty.name()),
        None => format!("'{}' object is not callable", cls.ob_type().name()),
    }))
}

/// A new instance of a `class` (`object.__new__`): every slot unset, and empty inline values
/// when the class has a managed dict (for the other kinds of class, [`call`] with no
/// arguments).
///
/// # Errors
/// The other kinds' errors from [`call`]; `MemoryError`.
pub fn new_instance<'h>(heap: &'h Heap, cls: &Class) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    if header(cls).kind != ClassKind::Object {
        return call(heap, cls, Vec::new());
    }
    if header(cls).is_abstract.get() {
        return Err(abstract_instance_error(heap, cls));
    }
    let op = heap.alloc_object(ty, ty.basicsize())?;
    // SAFETY: a fresh instance: the slots after the header start unset (and the pre-header
    // zeroed: no dict yet); the instance holds a reference to its class.
    let instance = unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, ty.basicsize() - size_of::<PyObject>());
        cls.incref();
        Obj::from_owned(heap, op)
    };
    if let Some((m, k)) = managed::of(instance.object()) {
        managed::init_inline_values(heap, m, k)?;
    }
    if ty.flags().contains(TypeFlags::HAVE_GC) {
        // SAFETY: the instance is complete (`PyType_GenericAlloc` tracks GC instances).
        unsafe { heap.track(instance.object()) };
    }
    Ok(instance)
}

/// Whether `o` is an instance of a class whose base is `object` (a `class` statement without
/// a built-in base): the header, then one cell per member slot.
#[inline]
pub fn is_instance(o: &PyObject) -> bool {
    is_object_instance_type(o.ob_type())
}

crate::view! {
    /// An instance of a class whose base is `object`: the header, then one cell per member
    /// slot (and the managed dict and weak-reference list in the pre-header, if the class
    /// has them).
    pub struct Instance: "object" = is_instance;
}

/// The instance a slot of [`INSTANCE_SLOTS`] was called on.
fn slot_self(o: &PyObject) -> &Instance {
    // SAFETY: `INSTANCE_SLOTS` is the slot table of exactly the classes `is_instance` accepts,
    // and its slots are only called on instances of their type.
    unsafe { Instance::cast_unchecked(o) }
}

#[inline]
fn slot_names(o: &Instance) -> &[String] {
    class_names(o.ob_type())
}

/// The slot cells of an instance.
#[inline]
fn slot_cells(o: &Instance) -> *mut Option<ObjPtr> {
    ptr::from_ref(o)
        .cast::<u8>()
        .wrapping_add(size_of::<PyObject>())
        .cast::<Option<ObjPtr>>()
        .cast_mut()
}

/// `AttributeError: 'T' object has no attribute 'name'`.
pub(crate) fn no_attribute(o: &PyObject, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", o.ob_type().name()),
    )
}

/// The attribute name as a str object: the interned string when there is one (CPython interns
/// the names it sets), else a new str.
pub(crate) fn name_object<'h>(heap: &'h Heap, name: &str, intern: bool) -> PyResult<Obj<'h>> {
    if let Some(s) = unicode::interned(heap, name) {
        return Ok(s);
    }
    let s = unicode::new_str(heap, name)?;
    if intern {
        unicode::intern(heap, s)
    } else {
        Ok(s)
    }
}

/// The instance and the index of its member slot `name`, if `o` is an instance with one (the
/// getattr and setattr slots are shared with list subclasses, which have none).
fn slot_index<'o>(o: &'o PyObject, name: &str) -> Option<(&'o Instance, usize)> {
    let o = Instance::cast(o)?;
    Some((o, slot_names(o).iter().rposition(|s| s == name)?))
}

/// `PyObject_GenericGetAttr` for instances: member slots (data descriptors) first, then
/// `__dict__`, then the instance's own attributes.
fn instance_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if let Some((inst, i)) = slot_index(o, name) {
        // SAFETY: slot `i` exists in the instance.
        return match unsafe { slot_cells(inst).add(i).read() } {
            // SAFETY: a set slot holds a reference to a live object of this heap.
            Some(v) => Ok(unsafe { Obj::from_borrowed(heap, v.as_ref()) }),
            None => Err(no_attribute(o, name)),
        };
    }
    instance_dict_getattr(heap, o, name)
}

/// The part of `PyObject_GenericGetAttr` for instances after the class's descriptors:
/// `__dict__` itself, then the instance's own attributes (the member slots not read by name:
/// a class attribute that shadows a slot's descriptor hides the slot).
///
/// # Errors
/// `AttributeError` when the instance has no dict or the dict has no `name`.
pub fn instance_dict_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let Some((m, k)) = managed::of(o) else {
        return Err(no_attribute(o, name));
    };
    if name == "__dict__" {
        return managed::get_dict(heap, m, k);
    }
    let name_obj = name_object(heap, name, false)?;
    managed::get_attribute(heap, m, k, name_obj.object())?.ok_or_else(|| no_attribute(o, name))
}

/// `PyObject_GenericSetAttr` for instances (`None` deletes): member slots first, then
/// `__dict__` itself, then the instance's own attributes.
fn instance_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    if let Some((inst, i)) = slot_index(o, name) {
        return set_slot(heap, inst, i, name, value);
    }
    instance_dict_setattr(heap, o, name, value)
}

/// Whether instance `o` has an instance dict (its class, or a base, does not set
/// `__slots__` without `__dict__`).
pub fn has_instance_dict(o: &PyObject) -> bool {
    managed::of(o).is_some()
}

/// The part of `PyObject_GenericSetAttr` for instances after the class's descriptors (`None`
/// deletes): `__dict__` itself, then the instance's own attributes, never a member slot.
///
/// # Errors
/// `AttributeError` when the instance has no dict, or (deleting) the dict has no `name`.
pub fn instance_dict_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let Some((m, k)) = managed::of(o) else {
        return Err(no_attribute(o, name));
    };
    if name == "__dict__" {
        return managed::set_dict_attribute(heap, m, k, value);
    }
    let name_obj = name_object(heap, name, true)?;
    // SAFETY: `value` is a live object; the instance takes a reference to it.
    let value = value.map(|v| unsafe { Obj::from_borrowed(heap, v) });
    managed::set_attribute(heap, m, k, name_obj, value)
}

/// The index of member slot `name` of `ty`'s instances (`__slots__` order), if it has one:
/// what `LOAD_ATTR_SLOT`/`STORE_ATTR_SLOT` cache, pinned by the type's version tag.
pub fn member_slot_index(ty: &PyTypeObject, name: &str) -> Option<usize> {
    if !is_object_instance_type(ty) {
        return None;
    }
    class_names(ty).iter().rposition(|s| s == name)
}

/// `member_get` of a `__slots__` descriptor: the value in member slot `i` of instance `o`
/// (the descriptor's own cell, whatever name a subclass gives a slot of its own).
///
/// An instance of a class on a built-in base reads its cells after the base's struct.
///
/// # Errors
/// `AttributeError` (`'T' object has no attribute 'name'`) when the slot is unset or `o`
/// has no slot `i`; `SystemError` when `o` has no member slots at all.
pub fn read_member_slot<'h>(
    heap: &'h Heap,
    o: &PyObject,
    i: usize,
    name: &str,
) -> PyResult<Obj<'h>> {
    let Some(inst) = Instance::cast(o) else {
        return crate::types::builtin_subclass::members::get(heap, o, i, name);
    };
    member_slot_value(inst, i)
        // SAFETY: a set slot holds a reference to a live object of this heap.
        .map(|v| unsafe { Obj::from_borrowed(heap, v.as_ref()) })
        .ok_or_else(|| no_attribute(o, name))
}

/// `member_set` of a `__slots__` descriptor: `value` into member slot `i` of instance `o`
/// (`None` deletes).
///
/// # Errors
/// `AttributeError` when deleting an unset slot or `o` has no slot `i`; `SystemError` when
/// `o` has no member slots at all.
pub fn write_member_slot(
    heap: &Heap,
    o: &PyObject,
    i: usize,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    match Instance::cast(o) {
        Some(inst) if i < slot_names(inst).len() => set_slot(heap, inst, i, name, value),
        Some(_) => Err(no_attribute(o, name)),
        None => crate::types::builtin_subclass::members::set(heap, o, i, name, value),
    }
}

/// The read of `LOAD_ATTR_SLOT`: the value in member slot `i` of `o`, borrowed; `None` when
/// the slot is unset or `i` is not a slot of `o`'s class.
#[inline]
pub fn member_slot_value(o: &Instance, i: usize) -> Option<ObjPtr> {
    if i >= slot_names(o).len() {
        return None;
    }
    // SAFETY: slot `i` exists in the instance.
    unsafe { slot_cells(o).add(i).read() }
}

/// The write of `STORE_ATTR_SLOT`: `value` into member slot `i` of `o`, the old value
/// released. Gives `value` back when `i` is not a slot of `o`'s class.
///
/// # Errors
/// The value given back, when the fast path does not apply.
#[inline]
pub fn store_member_slot<'h>(
    heap: &'h Heap,
    o: &Instance,
    i: usize,
    value: Obj<'h>,
) -> Result<(), Obj<'h>> {
    if i >= slot_names(o).len() {
        return Err(value);
    }
    // SAFETY: slot `i` exists in the instance; it owns one reference to its value, if any,
    // which the new value's reference replaces.
    unsafe {
        let cell = slot_cells(o).add(i);
        let old = cell.replace(Some(value.into_ptr()));
        if let Some(old) = old {
            heap.decref(old);
        }
    }
    Ok(())
}

fn set_slot(
    heap: &Heap,
    o: &Instance,
    i: usize,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
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

fn instance_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    traverse_instance(slot_self(o), visit);
}

/// `subtype_traverse` of an instance of a class whose base is `object`: the slots, the
/// managed dict, then the class. Generic over the visitor, for the collector's walks.
#[inline]
pub(crate) fn traverse_instance(o: &Instance, mut visit: impl FnMut(ObjPtr)) {
    for i in 0..slot_names(o).len() {
        // SAFETY: slot `i` exists in the instance.
        if let Some(v) = unsafe { slot_cells(o).add(i).read() } {
            visit(v);
        }
    }
    if let Some((m, k)) = managed::of(o) {
        managed::traverse(m, k, &mut visit);
    }
    visit(NonNull::from(&o.ob_type().ob_base.ob_base));
}

/// Where the items of an instance of an items class start: after a `PyVarObject` header.
const ITEMS_OFFSET: usize = size_of::<crate::object::PyVarObject>();

/// Whether `ty` is a GC-free class holding items ([`new_subclass_gc`] with `items`).
pub fn is_items_class(ty: &PyTypeObject) -> bool {
    is_gc_free_class(ty) && ty.itemsize() != 0
}

fn is_items_instance(o: &PyObject) -> bool {
    is_items_class(o.ob_type())
}

crate::view! {
    /// An instance of an items class (recordclass's `litetuple`, `mutabletuple`): a
    /// `PyVarObject` header and one cell per item.
    pub struct ItemsInstance: "object" = is_items_instance;
}

/// The item cells of an instance of an items class.
fn items_cells(o: &ItemsInstance) -> &[Option<ObjPtr>] {
    // SAFETY: an instance of an items class starts with a `PyVarObject` whose size is the
    // number of item cells after it (`new_items_instance`, or 0 from `new_instance`).
    unsafe {
        let n = (*ptr::from_ref(o).cast::<crate::object::PyVarObject>())
            .ob_size
            .get() as usize;
        let cells = ptr::from_ref(o)
            .cast::<u8>()
            .add(ITEMS_OFFSET)
            .cast::<Option<ObjPtr>>();
        core::slice::from_raw_parts(cells, n)
    }
}

/// A new instance of items class `cls` holding `items`.
///
/// # Errors
/// `SystemError` if `cls` is not an items class; `MemoryError`.
pub fn new_items_instance<'h>(
    heap: &'h Heap,
    cls: &Class,
    items: Vec<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    if !is_items_class(ty) {
        return Err(crate::view::bad_internal_call());
    }
    let n = items.len();
    let op = heap.alloc_object(ty, ITEMS_OFFSET + 8 * n)?;
    // SAFETY: a fresh block for the header, the size and `n` cells; the instance owns the
    // items' references and one to its class.
    unsafe {
        ptr::addr_of_mut!((*op.cast::<crate::object::PyVarObject>().as_ptr()).ob_size)
            .write(core::cell::Cell::new(n as isize));
        let dst = op.cast::<u8>().add(ITEMS_OFFSET).cast::<Option<ObjPtr>>();
        for (i, item) in items.into_iter().enumerate() {
            dst.add(i).write(Some(item.into_ptr()));
        }
        cls.incref();
        Ok(Obj::from_owned(heap, op))
    }
}

/// The items of an instance of an items class.
pub fn items<'h>(heap: &'h Heap, o: &ItemsInstance) -> Vec<Obj<'h>> {
    items_cells(o)
        .iter()
        .flatten()
        // SAFETY: the instance holds a reference to each item.
        .map(|v| unsafe { Obj::from_borrowed(heap, v.as_ref()) })
        .collect()
}

/// Replaces item `i` of an instance of an items class; `false` when `i` is out of range.
pub fn set_item(heap: &Heap, o: &ItemsInstance, i: usize, value: Obj<'_>) -> bool {
    let Some(cell) = items_cells(o).get(i) else {
        return false;
    };
    let cell = ptr::from_ref(cell).cast_mut();
    // SAFETY: cell `i` of a live instance owns one reference, replaced by `value`'s.
    let old = unsafe { cell.replace(Some(value.into_ptr())) };
    if let Some(old) = old {
        // SAFETY: the cell owned this reference.
        unsafe { heap.decref(old) };
    }
    true
}

/// Releases the items of a dying instance of an items class, last to first.
fn release_items(heap: &Heap, o: &PyObject) {
    let Some(o) = ItemsInstance::cast(o) else {
        return;
    };
    for cell in items_cells(o).iter().rev() {
        let cell = ptr::from_ref(cell).cast_mut();
        // SAFETY: the instance is dead; each cell's reference is released once.
        if let Some(v) = unsafe { cell.replace(None) } {
            // SAFETY: as above.
            unsafe { heap.decref(v) };
        }
    }
}

/// Whether `ty` is a GC-free class on `object` ([`new_subclass_gc`]): its instances have no
/// GC header and are never tracked.
pub fn is_gc_free_class(ty: &PyTypeObject) -> bool {
    is_object_instance_type(ty) && !ty.flags().contains(TypeFlags::HAVE_GC)
}

/// Whether `ty` is a class whose instances [`traverse_instance`] traverses (a class whose
/// base is `object`, with or without `__slots__`).
#[inline]
pub(crate) fn is_object_instance_type(ty: &PyTypeObject) -> bool {
    ptr::eq(ty.slots(), &INSTANCE_SLOTS)
}

/// `subtype_clear`: unsets every slot, releasing the values in slot order (`clear_slots`),
/// then clears the managed dict.
fn instance_clear(heap: &Heap, o: &PyObject) {
    clear_slots(heap, slot_self(o));
    if let Some((m, k)) = managed::of(o) {
        managed::clear(heap, m, k);
    }
}

/// Unsets every slot, releasing the values in slot order (`clear_slots`).
fn clear_slots(heap: &Heap, o: &Instance) {
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

/// The start of `subtype_dealloc`: the finalizer (`__del__`, once per object), then the weak
/// references. Returns `false` when the finalizer resurrected the instance.
///
/// # Safety
/// `op` is a dead instance of this heap (refcount zero, untracked).
pub(crate) unsafe fn finalize_and_clear_weakrefs(heap: &Heap, op: ObjPtr) -> bool {
    // SAFETY: the instance is still whole.
    let o = unsafe { op.as_ref() };
    // SAFETY: refcount zero (caller).
    if has_finalizer(o.ob_type()) && !unsafe { heap.call_finalizer_from_dealloc(o) } {
        return false;
    }
    crate::types::weakref::clear_weakrefs(heap, o);
    true
}

/// `subtype_dealloc`: the slots are released, then the values or the dict, the memory freed,
/// and last the instance's reference to its class is dropped.
unsafe fn instance_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance of this heap; its class outlives this call through the reference
    // the instance holds, dropped last.
    unsafe {
        if !finalize_and_clear_weakrefs(heap, op) {
            return;
        }
        let cls = op.as_ref().type_ptr();
        instance_clear(heap, op.as_ref());
        release_items(heap, op.as_ref());
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

/// `subtype_dealloc` for instances of a list subclass: the items, then the dict or values,
/// the memory, and last the reference to the class.
unsafe fn list_instance_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance of a list subclass, holding its class until the end.
    unsafe {
        if !finalize_and_clear_weakrefs(heap, op) {
            return;
        }
        let cls = op.as_ref().type_ptr();
        list_members::clear(heap, op.as_ref());
        if let Some(l) = List::cast(op.as_ref()) {
            crate::types::list::clear(heap, l);
        }
        if let Some((m, k)) = managed::of(op.as_ref()) {
            managed::clear(heap, m, k);
        }
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

/// `subtype_traverse` of a list subclass: the member slots, the managed dict, the class, then
/// the items.
fn list_instance_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    list_members::traverse(o, &mut *visit);
    if let Some((m, k)) = managed::of(o) {
        managed::traverse(m, k, &mut *visit);
    }
    visit(NonNull::from(&o.ob_type().ob_base.ob_base));
    crate::types::list::list_traverse(o, visit);
}

fn list_instance_clear(heap: &Heap, o: &PyObject) {
    list_members::clear(heap, o);
    if let Some(l) = List::cast(o) {
        crate::types::list::clear(heap, l);
    }
    if let Some((m, k)) = managed::of(o) {
        managed::clear(heap, m, k);
    }
}

/// A list's behaviour, with instance attributes in a managed dict.
static LIST_INSTANCE_SLOTS: Slots = Slots {
    dealloc: list_instance_dealloc,
    sizeof: Some(crate::types::list::list_sizeof),
    repr: crate::types::slot_defs::subclass_repr,
    str: Some(crate::types::slot_defs::subclass_str),
    hash: Some(crate::types::slot_defs::subclass_hash),
    richcompare: Some(crate::types::slot_defs::subclass_richcompare),
    number: None,
    sequence: Some(&crate::types::list::LIST_SEQUENCE),
    traverse: Some(list_instance_traverse),
    clear: Some(list_instance_clear),
    members: &[],
    getattr: Some(list_instance_getattr),
    setattr: Some(list_instance_setattr),
};

/// An attribute of a list subclass's instance: its member slots first, then as an instance's.
fn list_instance_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    match list_members::index(o, name) {
        Some(i) => list_members::get(heap, o, i, name),
        None => instance_getattr(heap, o, name),
    }
}

/// Sets or deletes an attribute of a list subclass's instance: its member slots first, then as
/// an instance's.
fn list_instance_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    match list_members::index(o, name) {
        Some(i) => list_members::set(heap, o, i, name, value),
        None => instance_setattr(heap, o, name, value),
    }
}

/// The slots of a class whose base is `object`: the behaviour of its special methods, as
/// CPython's `slot_*` functions ([`slot_defs`](crate::types::slot_defs)).
static INSTANCE_SLOTS: Slots = Slots {
    dealloc: instance_dealloc,
    sizeof: None,
    repr: crate::types::slot_defs::slot_tp_repr,
    str: Some(crate::types::slot_defs::slot_tp_str),
    hash: Some(crate::types::slot_defs::slot_tp_hash),
    richcompare: Some(crate::types::slot_defs::slot_tp_richcompare),
    number: Some(&crate::types::slot_defs::USER_NUMBER_SLOTS),
    sequence: None,
    traverse: Some(instance_traverse),
    clear: Some(instance_clear),
    members: &[],
    getattr: Some(instance_getattr),
    setattr: Some(instance_setattr),
};
