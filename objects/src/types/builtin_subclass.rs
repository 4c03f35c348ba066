//! Instances of classes whose base is a built-in type other than `object` and `list`
//! (`class C(int)`, `float`, `complex`, `str`, `bytes`, `tuple`, `dict`, `set`, `frozenset`), as
//! `Objects/typeobject.c` makes them: the base's layout and behaviour with the class's
//! `subtype_dealloc`, `subtype_traverse` and `subtype_clear` around it, and the base's
//! `*_subtype_new` (`long_subtype_new`, `float_subtype_new`, `unicode_subtype_new`,
//! `bytes_subtype_new`, `tuple_subtype_new`, `dict_new`, `make_new_set`).
//!
//! What a subclass adds (checked against CPython 3.12.1, see `cli/tests/lang/51*.py`):
//!
//! | base | `__basicsize__`/`__itemsize__` | pre-header | `sys.getsizeof(C(v)) - sys.getsizeof(v)` |
//! |---|---|---|---|
//! | `int`, `bytes` | 24/4, 33/1 | GC + managed dict | 32 |
//! | `tuple` | 24/8 | (GC) + managed dict | 16 |
//! | `float`, `complex` | 24/0, 32/0 | GC + managed dict and weakref list | 32 |
//! | `str` | 64/0 | GC + managed dict and weakref list | 32 + non-compact layout |
//! | `dict` | 48/0 | (GC) + managed dict and weakref list | 16 |
//! | `set`, `frozenset` | 200/0 | (GC) + managed dict (the weakref list is the base's) | 16 |
//!
//! Every such class is a GC type, so its instances are tracked (`PyType_GenericAlloc`) and never
//! untracked (the collector's tuple and dict untracking is for exact types only). A base with
//! items (`int`, `bytes`, `tuple`) leaves no room for a weakref list (`may_add_weak`) nor for
//! member slots; on the others, `__slots__` names are cells after the base's struct
//! (`members`, shared with list and exception subclasses). Instance attributes live in a
//! managed dict made on first use (no inline values: the bases' `tp_new` never calls
//! `_PyObject_InitializeDict`).
//!
//! `str` is the one base whose blocks differ from CPython's: `unicode_subtype_new` makes a
//! non-compact `PyUnicodeObject` (64 bytes, then the member cells) and copies the characters
//! into a second block (`PyObject_Malloc(share ... (length + 1) * kind)`), where pyrt keeps
//! the characters in the object's block after the header, as compact strings have them, so
//! that every str routine reads one layout; the member cells follow the characters
//! (`unicode::subclass_members_offset`). `sys.getsizeof` reports CPython's sizes (the
//! `__sizeof__` of a non-compact string: 64 plus the characters' block), which the sizes table
//! in README.md checks; only the number of allocator blocks differs (one instead of two).

use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{PyTypeObject, Slots, TypeFlags};
use crate::types::class::{self, Class, name_object, no_attribute};
use crate::types::dict::{self, Dict, managed};
use crate::types::{bytes, complex, float, long, set, tuple, unicode};

/// The built-in bases whose subclasses this module makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinBase {
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `complex`.
    Complex,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `tuple`.
    Tuple,
    /// `dict`.
    Dict,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `_random.Random`.
    Random,
    /// `collections.deque`.
    Deque,
}

impl BuiltinBase {
    /// The base `ty` is, if it is exactly one of the built-in types this module subclasses.
    pub fn of_static(ty: &PyTypeObject) -> Option<BuiltinBase> {
        use crate::types as t;
        let is = |s: &'static crate::typeobj::StaticType| ptr::eq(ty, s.get());
        Some(if is(&t::INT_TYPE) {
            BuiltinBase::Int
        } else if is(&t::FLOAT_TYPE) {
            BuiltinBase::Float
        } else if is(&t::COMPLEX_TYPE) {
            BuiltinBase::Complex
        } else if is(&t::STR_TYPE) {
            BuiltinBase::Str
        } else if is(&t::BYTES_TYPE) {
            BuiltinBase::Bytes
        } else if is(&t::TUPLE_TYPE) {
            BuiltinBase::Tuple
        } else if is(&t::DICT_TYPE) {
            BuiltinBase::Dict
        } else if is(&t::SET_TYPE) {
            BuiltinBase::Set
        } else if is(&t::FROZENSET_TYPE) {
            BuiltinBase::FrozenSet
        } else if is(&t::random::RANDOM_TYPE) {
            BuiltinBase::Random
        } else if is(&t::deque::DEQUE_TYPE) {
            BuiltinBase::Deque
        } else {
            return None;
        })
    }

    /// The built-in base of `ty`: `ty` itself if it is one, else the base of the class `ty` is
    /// (a class made by [`class::new_subclass`] on such a base).
    pub fn of(ty: &PyTypeObject) -> Option<BuiltinBase> {
        match class::class_kind(ty) {
            Some(class::ClassKind::Builtin(b)) => Some(b),
            Some(_) => None,
            None => BuiltinBase::of_static(ty),
        }
    }

    /// The built-in type object.
    pub fn base_type(self) -> &'static PyTypeObject {
        use crate::types as t;
        match self {
            BuiltinBase::Int => t::INT_TYPE.get(),
            BuiltinBase::Float => t::FLOAT_TYPE.get(),
            BuiltinBase::Complex => t::COMPLEX_TYPE.get(),
            BuiltinBase::Str => t::STR_TYPE.get(),
            BuiltinBase::Bytes => t::BYTES_TYPE.get(),
            BuiltinBase::Tuple => t::TUPLE_TYPE.get(),
            BuiltinBase::Dict => t::DICT_TYPE.get(),
            BuiltinBase::Set => t::SET_TYPE.get(),
            BuiltinBase::FrozenSet => t::FROZENSET_TYPE.get(),
            BuiltinBase::Random => t::random::RANDOM_TYPE.get(),
            BuiltinBase::Deque => t::deque::DEQUE_TYPE.get(),
        }
    }

    /// Whether instances are made empty and filled by `__init__` (`dict`, `set`, a
    /// `_random.Random` seeded by it), rather than made from a value of the base (`int`,
    /// `str`, `tuple`, `frozenset`, ...).
    pub fn is_mutable(self) -> bool {
        matches!(
            self,
            BuiltinBase::Dict | BuiltinBase::Set | BuiltinBase::Random | BuiltinBase::Deque
        )
    }

    /// The slot table of the subclasses' instances.
    pub(crate) fn slots(self) -> &'static Slots {
        match self {
            BuiltinBase::Int => &INT_SUBCLASS_SLOTS,
            BuiltinBase::Float => &FLOAT_SUBCLASS_SLOTS,
            BuiltinBase::Complex => &COMPLEX_SUBCLASS_SLOTS,
            BuiltinBase::Str => &STR_SUBCLASS_SLOTS,
            BuiltinBase::Bytes => &BYTES_SUBCLASS_SLOTS,
            BuiltinBase::Tuple => &TUPLE_SUBCLASS_SLOTS,
            BuiltinBase::Dict => &DICT_SUBCLASS_SLOTS,
            BuiltinBase::Set => &SET_SUBCLASS_SLOTS,
            BuiltinBase::FrozenSet => &FROZENSET_SUBCLASS_SLOTS,
            BuiltinBase::Random => &RANDOM_SUBCLASS_SLOTS,
            BuiltinBase::Deque => &DEQUE_SUBCLASS_SLOTS,
        }
    }

    /// The flags a class on this base gets without `__slots__` (`type_new`'s `add_dict` and
    /// `add_weak`): a managed dict always, a managed weakref list when the base has neither
    /// items nor a weakref list of its own.
    pub(crate) fn own_flags(self) -> TypeFlags {
        let base = self.base_type();
        if base.itemsize() == 0 && base.weaklistoffset() == 0 {
            TypeFlags::MANAGED_DICT.union(TypeFlags::MANAGED_WEAKREF)
        } else {
            TypeFlags::MANAGED_DICT
        }
    }
}

/// The `Py_TPFLAGS_*_SUBCLASS` bits a class inherits from its base (`inherit_special`).
pub(crate) const SUBCLASS_FLAG_BITS: TypeFlags = TypeFlags(0xff << 24);

/// Whether `o` is an instance of a class on a built-in base that defines `__iter__`: then the
/// shortcuts that read a list's or tuple's items in place (CPython's `PyList_CheckExact` /
/// `PyTuple_CheckExact` fast paths) must iterate it instead.
#[inline]
pub fn iterates_itself(heap: &Heap, o: &PyObject) -> bool {
    let ty = o.ob_type();
    class::is_heap_type(ty)
        && crate::types::slot_defs::overrides_builtin(ty)
        && crate::types::slot_defs::lookup(heap, ty, "__iter__").is_some()
}

/// The error of a `__slots__` naming member slots on a base with items (`type_new`).
pub(crate) fn nonempty_slots_error(base: BuiltinBase) -> PyErr {
    PyErr::type_error(format!(
        "nonempty __slots__ not supported for subtype of '{}'",
        base.base_type().name()
    ))
}

/// The member slots of `o`'s class and its bases (`__slots__` order), each a cell after the
/// built-in base's struct; none on a base with items.
fn member_names(o: &PyObject) -> &[String] {
    class::class_names(o.ob_type())
}

/// The member slot cells of `o`, which start at its built-in base's `basicsize` (the class
/// made its `basicsize` 8 bytes larger per slot, and the base's constructor left them unset),
/// except on `str`, whose characters follow the header: there they follow the characters.
fn member_cells(o: &PyObject) -> *mut Option<ObjPtr> {
    let offset = match BuiltinBase::of(o.ob_type()) {
        Some(BuiltinBase::Str) => unicode::Str::cast(o).map_or(0, unicode::subclass_members_offset),
        _ => solid_basicsize(o.ob_type()),
    };
    ptr::from_ref(o)
        .cast::<u8>()
        .wrapping_add(offset)
        .cast::<Option<ObjPtr>>()
        .cast_mut()
}

/// The `basicsize` of the built-in type `ty`'s instances are laid out as (its first base that
/// is not a class made at run time): where the member slots of `ty`'s instances start.
fn solid_basicsize(ty: &PyTypeObject) -> usize {
    let mut t = ty;
    while class::is_heap_type(t) {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    t.basicsize()
}

/// The member slots (`__slots__` names) of instances of classes on a built-in base whose
/// attributes are not handled by this module (`list`, the exceptions): cells after the
/// built-in base's struct, in `__slots__` order, read and written as `member_get` and
/// `member_set` do.
pub(crate) mod members {
    use super::*;

    /// Whether `o`'s class lays its member cells out after a built-in base's struct: a class on
    /// a built-in base, `list` or an exception (`slot_defs::overrides_builtin`).
    fn laid_out(o: &PyObject) -> bool {
        crate::types::slot_defs::overrides_builtin(o.ob_type())
    }

    /// The index of member slot `name` in `o`, if its class has one.
    pub(crate) fn index(o: &PyObject, name: &str) -> Option<usize> {
        member_names(o).iter().rposition(|s| s == name)
    }

    /// Reads member slot `i` of `o` (`AttributeError` when it is unset).
    ///
    /// # Errors
    /// `AttributeError` for an unset slot; `SystemError` when `o` has no slot `i`.
    pub(crate) fn get<'h>(heap: &'h Heap, o: &PyObject, i: usize, name: &str) -> PyResult<Obj<'h>> {
        if !laid_out(o) || i >= member_names(o).len() {
            return Err(crate::view::bad_internal_call());
        }
        read_member(heap, o, i, name)
    }

    /// Sets (`Some`) or unsets (`None`) member slot `i` of `o`.
    ///
    /// # Errors
    /// `AttributeError` when deleting an unset slot; `SystemError` when `o` has no slot `i`.
    pub(crate) fn set(
        heap: &Heap,
        o: &PyObject,
        i: usize,
        name: &str,
        value: Option<&PyObject>,
    ) -> PyResult<()> {
        if !laid_out(o) || i >= member_names(o).len() {
            return Err(crate::view::bad_internal_call());
        }
        write_member(heap, o, i, name, value)
    }

    /// Visits the values of `o`'s member slots.
    pub(crate) fn traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
        if laid_out(o) {
            traverse_members(o, visit);
        }
    }

    /// Unsets every member slot of `o`, releasing the values.
    pub(crate) fn clear(heap: &Heap, o: &PyObject) {
        if laid_out(o) {
            clear_members(heap, o);
        }
    }
}

/// Visits the values of `o`'s member slots (`subtype_traverse`'s loop over `__slots__`).
fn traverse_members(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    for i in 0..member_names(o).len() {
        // SAFETY: slot `i` exists in the instance.
        if let Some(v) = unsafe { member_cells(o).add(i).read() } {
            visit(v);
        }
    }
}

/// Reads member slot `i` of `o` (`member_get`).
fn read_member<'h>(heap: &'h Heap, o: &PyObject, i: usize, name: &str) -> PyResult<Obj<'h>> {
    debug_assert!(i < member_names(o).len());
    // SAFETY: slot `i` exists in the instance.
    match unsafe { member_cells(o).add(i).read() } {
        // SAFETY: a set slot holds a reference to a live object of this heap.
        Some(v) => Ok(unsafe { Obj::from_borrowed(heap, v.as_ref()) }),
        None => Err(no_attribute(o, name)),
    }
}

/// Sets (`Some`) or unsets (`None`) member slot `i` of `o` (`member_set`).
fn write_member(
    heap: &Heap,
    o: &PyObject,
    i: usize,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    debug_assert!(i < member_names(o).len());
    // SAFETY: slot `i` exists in the instance; it owns one reference to its value, if any.
    unsafe {
        let cell = member_cells(o).add(i);
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

/// Unsets every member slot, releasing the values in slot order (`clear_slots`).
fn clear_members(heap: &Heap, o: &PyObject) {
    for i in 0..member_names(o).len() {
        // SAFETY: slot `i` exists in the instance and owns its value, released once.
        unsafe {
            let cell = member_cells(o).add(i);
            if let Some(v) = cell.read() {
                cell.write(None);
                heap.decref(v);
            }
        }
    }
}

/// A new instance of `cls` (a class on an immutable built-in base) with the value of `value`,
/// an instance of that base (`long_subtype_new` and the others): the value copied into a new
/// object of the class's layout, tracked.
///
/// # Errors
/// `SystemError` when `cls` is not such a class or `value` not of its base; `MemoryError`.
pub fn new_from_value<'h>(heap: &'h Heap, cls: &Class, value: &PyObject) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    let Some(base) = BuiltinBase::of(ty).filter(|_| class::is_heap_type(ty)) else {
        return Err(crate::view::bad_internal_call());
    };
    let bad = crate::view::bad_internal_call;
    let instance = match base {
        BuiltinBase::Int => {
            long::new_subclass_int(heap, ty, long::Int::cast(value).ok_or_else(bad)?)
        }
        BuiltinBase::Float => {
            let v = float::Float::cast(value).ok_or_else(bad)?;
            float::new_subclass_float(heap, ty, float::float_value(v))
        }
        BuiltinBase::Complex => {
            let v = complex::Complex::cast(value).ok_or_else(bad)?;
            complex::new_subclass_complex(heap, ty, complex::complex_value(v))
        }
        BuiltinBase::Str => {
            unicode::new_subclass_str(heap, ty, unicode::Str::cast(value).ok_or_else(bad)?)
        }
        BuiltinBase::Bytes => {
            bytes::new_subclass_bytes(heap, ty, bytes::Bytes::cast(value).ok_or_else(bad)?)
        }
        BuiltinBase::Tuple => {
            let t = tuple::Tuple::cast(value).ok_or_else(bad)?;
            tuple::new_subclass_tuple(heap, ty, tuple::items(t))
        }
        BuiltinBase::FrozenSet | BuiltinBase::Set => {
            let instance = new_empty_unchecked(heap, cls, base)?;
            let s = set::AnySet::cast_internal(instance.object())?;
            crate::types::set_ops::update_internal(heap, s, value)?;
            return Ok(instance);
        }
        BuiltinBase::Dict | BuiltinBase::Random | BuiltinBase::Deque => return Err(bad()),
    }?;
    Ok(adopt(heap, cls, instance))
}

/// A new empty instance of `cls`, a class on `dict`, `set`, `frozenset` (`dict_new`,
/// `set_new`) or `_random.Random` (`PyType_GenericNew`: a zeroed state), tracked; `__init__`
/// fills (or seeds) it.
///
/// # Errors
/// `SystemError` for a class on another base; `MemoryError`.
pub fn new_empty<'h>(heap: &'h Heap, cls: &Class) -> PyResult<Obj<'h>> {
    match BuiltinBase::of(cls.as_type()) {
        Some(
            b @ (BuiltinBase::Dict
            | BuiltinBase::Set
            | BuiltinBase::FrozenSet
            | BuiltinBase::Random
            | BuiltinBase::Deque),
        ) => new_empty_unchecked(heap, cls, b),
        _ => Err(crate::view::bad_internal_call()),
    }
}

fn new_empty_unchecked<'h>(heap: &'h Heap, cls: &Class, base: BuiltinBase) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    let instance = match base {
        BuiltinBase::Dict => dict::new_subclass_dict(heap, ty)?,
        BuiltinBase::Random => crate::types::random::alloc_random(heap, ty)?,
        BuiltinBase::Deque => crate::types::deque::new_subclass_deque(heap, ty)?,
        _ => set::new_subclass_set(heap, ty)?,
    };
    Ok(adopt(heap, cls, instance))
}

/// The last steps of `PyType_GenericAlloc` for a fresh instance of `cls`: its reference to its
/// class, and tracking.
fn adopt<'h>(heap: &'h Heap, cls: &Class, instance: Obj<'h>) -> Obj<'h> {
    cls.incref();
    // SAFETY: the instance is complete and holds its class.
    unsafe { heap.track(instance.object()) };
    instance
}

/// `PyObject_GenericGetAttr` for the instances: the base's attributes (data descriptors such
/// as `int.real`) first, then `__dict__`, then the instance's own attributes.
fn subclass_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    if let Some(i) = member_names(o).iter().rposition(|s| s == name) {
        return read_member(heap, o, i, name);
    }
    if let Some(member) = o.ob_type().find_member(name) {
        return (member.get)(heap, o);
    }
    let Some((m, k)) = managed::of(o) else {
        return Err(no_attribute(o, name));
    };
    if name == "__dict__" {
        return managed::get_dict(heap, m, k);
    }
    let name_obj = name_object(heap, name, false)?;
    managed::get_attribute(heap, m, k, name_obj.object())?.ok_or_else(|| no_attribute(o, name))
}

/// `PyObject_GenericSetAttr` for the instances (`None` deletes): the base's attributes are
/// read-only, then `__dict__` itself, then the instance's own attributes.
fn subclass_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(i) = member_names(o).iter().rposition(|s| s == name) {
        return write_member(heap, o, i, name, value);
    }
    if o.ob_type().find_member(name).is_some() {
        let base = BuiltinBase::of(o.ob_type()).map_or("object", |b| b.base_type().name());
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("attribute '{name}' of '{base}' objects is not writable"),
        ));
    }
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

/// `subtype_traverse`: the member slots, the managed dict, the class, then the base's
/// contents.
fn subclass_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    traverse_members(o, visit);
    if let Some((m, k)) = managed::of(o) {
        managed::traverse(m, k, &mut *visit);
    }
    visit(NonNull::from(&o.ob_type().ob_base.ob_base));
    if let Some(base) = BuiltinBase::of(o.ob_type())
        && let Some(traverse) = base.base_type().slots().traverse
    {
        traverse(o, visit);
    }
}

/// `subtype_clear`: the member slots, the managed dict, then the base's `tp_clear` (a dict's or
/// a set's).
fn subclass_clear(heap: &Heap, o: &PyObject) {
    clear_members(heap, o);
    if let Some((m, k)) = managed::of(o) {
        managed::clear(heap, m, k);
    }
    if let Some(base) = BuiltinBase::of(o.ob_type())
        && let Some(clear) = base.base_type().slots().clear
    {
        clear(heap, o);
    }
}

/// Releases what the base's `tp_dealloc` releases: a tuple's items, a dict's entries, a set's
/// elements and table.
fn release_contents(heap: &Heap, o: &PyObject) {
    if let Some(t) = tuple::Tuple::cast(o) {
        for &item in tuple::items(t).iter().rev() {
            // SAFETY: the dead tuple owned a reference to each item, released once here.
            unsafe { heap.decref(item) };
        }
    } else if let Some(d) = Dict::cast(o) {
        dict::clear(heap, d);
    } else if let Some(s) = set::AnySet::cast(o) {
        set::clear_table(heap, s);
    } else if let Some(d) = crate::types::deque::Deque::cast(o) {
        // SAFETY: `o` is being deallocated.
        unsafe { crate::types::deque::release_blocks(heap, d) };
    }
}

/// `subtype_dealloc`: the finalizer (`__del__`) and weak references, the member slots, the
/// managed dict, the base's contents, the memory, and last the instance's reference to its class.
unsafe fn subclass_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance of this heap holding its class until the end.
    unsafe {
        if !class::finalize_and_clear_weakrefs(heap, op) {
            return;
        }
        let o = op.as_ref();
        let cls = o.type_ptr();
        clear_members(heap, o);
        if let Some((m, k)) = managed::of(o) {
            managed::clear(heap, m, k);
        }
        release_contents(heap, o);
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

/// A base's slot table with the subtype's allocation, collection and attribute slots.
macro_rules! subclass_slots {
    ($name:ident, $base:path, $sizeof:expr) => {
        static $name: Slots = Slots {
            dealloc: subclass_dealloc,
            sizeof: $sizeof,
            traverse: Some(subclass_traverse),
            clear: Some(subclass_clear),
            members: &[],
            repr: crate::types::slot_defs::subclass_repr,
            hash: Some(crate::types::slot_defs::subclass_hash),
            richcompare: Some(crate::types::slot_defs::subclass_richcompare),
            str: Some(crate::types::slot_defs::subclass_str),
            getattr: Some(subclass_getattr),
            setattr: Some(subclass_setattr),
            ..$base
        };
    };
}

subclass_slots!(INT_SUBCLASS_SLOTS, long::INT_SLOTS, long::INT_SLOTS.sizeof);
subclass_slots!(
    FLOAT_SUBCLASS_SLOTS,
    float::FLOAT_SLOTS,
    float::FLOAT_SLOTS.sizeof
);
subclass_slots!(
    COMPLEX_SUBCLASS_SLOTS,
    complex::COMPLEX_SLOTS,
    complex::COMPLEX_SLOTS.sizeof
);
subclass_slots!(
    STR_SUBCLASS_SLOTS,
    unicode::STR_SLOTS,
    Some(unicode::str_subclass_sizeof)
);
subclass_slots!(
    BYTES_SUBCLASS_SLOTS,
    bytes::BYTES_SLOTS,
    bytes::BYTES_SLOTS.sizeof
);
subclass_slots!(
    TUPLE_SUBCLASS_SLOTS,
    tuple::TUPLE_SLOTS,
    tuple::TUPLE_SLOTS.sizeof
);
subclass_slots!(
    DICT_SUBCLASS_SLOTS,
    dict::DICT_SLOTS,
    dict::DICT_SLOTS.sizeof
);
subclass_slots!(SET_SUBCLASS_SLOTS, set::SET_SLOTS, set::SET_SLOTS.sizeof);
subclass_slots!(
    RANDOM_SUBCLASS_SLOTS,
    crate::types::random::RANDOM_SLOTS,
    crate::types::random::RANDOM_SLOTS.sizeof
);
subclass_slots!(
    DEQUE_SUBCLASS_SLOTS,
    crate::types::deque::DEQUE_SLOTS,
    crate::types::deque::DEQUE_SLOTS.sizeof
);
subclass_slots!(
    FROZENSET_SUBCLASS_SLOTS,
    set::FROZENSET_SLOTS,
    set::FROZENSET_SLOTS.sizeof
);

/// `tp_iter` inherited from a built-in base: the base's iterator over `o`, an instance of a
/// class on `list`, `tuple`, `str`, `bytes`, `dict`, `set` or `frozenset` (whose class does
/// not define `__iter__`: the runtime looks for that first); `None` for any other object.
pub fn base_iter<'h>(heap: &'h Heap, o: &Obj<'h>) -> Option<PyResult<Obj<'h>>> {
    use crate::types::iter::{dict as di, seq};
    let p = o.object();
    if !class::is_heap_type(p.ob_type()) {
        return None;
    }
    Some(if crate::types::list::is_list(p) {
        seq::list_iter(heap, o)
    } else if tuple::is_tuple(p) {
        seq::tuple_iter(heap, o)
    } else if unicode::is_str(p) {
        seq::str_iter(heap, o)
    } else if bytes::is_bytes(p) {
        seq::bytes_iter(heap, o)
    } else if dict::is_dict(p) {
        di::dict_iter(heap, o, di::DictIterKind::Keys, false)
    } else if set::is_anyset(p) {
        di::set_iter(heap, o)
    } else if let Some(d) = crate::types::deque::Deque::cast(p) {
        crate::types::deque::iter::deque_iter(heap, d)
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abstract_::getsizeof;
    use crate::types as t;

    /// `class name(base)` (`slots`: `__slots__`), as a class object.
    fn subclass<'h>(heap: &'h Heap, base: &PyTypeObject, slots: Option<&[&str]>) -> Obj<'h> {
        class::new_subclass(
            heap,
            "C",
            "__main__",
            slots,
            Some(&base.ob_base.ob_base),
            None,
        )
        .unwrap()
    }

    fn instance<'h>(heap: &'h Heap, cls: &Obj<'h>, value: &Obj<'h>) -> Obj<'h> {
        let c = Class::cast(cls.object()).unwrap();
        new_from_value(heap, c, value.object()).unwrap()
    }

    #[test]
    fn instances_have_cpython_3_12_sizes() {
        let heap = Heap::new();
        {
            // (base, value, sys.getsizeof(C(value)), with __slots__ = ()), from CPython 3.12.1.
            let cases: Vec<(&PyTypeObject, Obj<'_>, usize, usize)> = vec![
                (
                    t::INT_TYPE.get(),
                    long::int_from_i64(&heap, 5).unwrap(),
                    60,
                    44,
                ),
                (
                    t::INT_TYPE.get(),
                    long::int_from_i64(&heap, 1 << 40).unwrap(),
                    64,
                    48,
                ),
                (
                    t::FLOAT_TYPE.get(),
                    float::new_float(&heap, 1.5).unwrap(),
                    56,
                    40,
                ),
                (
                    t::STR_TYPE.get(),
                    unicode::new_str(&heap, "ab").unwrap(),
                    99,
                    83,
                ),
                (
                    t::STR_TYPE.get(),
                    unicode::new_str(&heap, "ééé").unwrap(),
                    100,
                    84,
                ),
                (
                    t::STR_TYPE.get(),
                    unicode::new_str(&heap, "€€€").unwrap(),
                    104,
                    88,
                ),
                (
                    t::BYTES_TYPE.get(),
                    bytes::new_bytes(&heap, b"ab").unwrap(),
                    67,
                    51,
                ),
                (
                    t::TUPLE_TYPE.get(),
                    tuple::new_tuple(&heap, vec![long::int_from_i64(&heap, 1).unwrap(); 2])
                        .unwrap(),
                    72,
                    56,
                ),
                (
                    t::FROZENSET_TYPE.get(),
                    crate::types::set_ops::frozenset_from_items(
                        &heap,
                        [long::int_from_i64(&heap, 1).unwrap()],
                    )
                    .unwrap(),
                    232,
                    216,
                ),
            ];
            for (base, value, plain, slotted) in cases {
                let c = subclass(&heap, base, None);
                let s = subclass(&heap, base, Some(&[]));
                assert_eq!(
                    getsizeof(instance(&heap, &c, &value).object()),
                    plain,
                    "{}",
                    base.name()
                );
                assert_eq!(
                    getsizeof(instance(&heap, &s, &value).object()),
                    slotted,
                    "{}",
                    base.name()
                );
            }
            for (base, plain, slotted) in
                [(t::DICT_TYPE.get(), 80, 64), (t::SET_TYPE.get(), 232, 216)]
            {
                let c = subclass(&heap, base, None);
                let s = subclass(&heap, base, Some(&[]));
                let empty = |cls: &Obj<'_>| {
                    getsizeof(
                        new_empty(&heap, Class::cast(cls.object()).unwrap())
                            .unwrap()
                            .object(),
                    )
                };
                assert_eq!(empty(&c), plain);
                assert_eq!(empty(&s), slotted);
            }
        }
        // Classes are cycles (each owns its MRO tuple): a collection frees them and
        // what they hold before the heap goes, as valgrind's leak check wants.
        heap.collect(2).unwrap();
    }

    #[test]
    fn values_are_the_bases_and_instances_release_their_class_and_items() {
        let heap = Heap::new();
        {
            let c = subclass(&heap, t::TUPLE_TYPE.get(), None);
            let item = unicode::new_str(&heap, "an item, not interned").unwrap();
            let value = tuple::new_tuple(&heap, vec![item.clone()]).unwrap();
            let (class_refs, item_refs) = (c.object().refcnt(), item.object().refcnt());
            let x = instance(&heap, &c, &value);
            assert!(tuple::Tuple::cast(x.object()).is_some());
            assert_eq!(c.object().refcnt(), class_refs + 1);
            assert_eq!(item.object().refcnt(), item_refs + 1);
            assert!(
                crate::abstract_::compare_bool(
                    &heap,
                    x.object(),
                    value.object(),
                    crate::CompareOp::Eq
                )
                .unwrap()
            );
            drop(x);
            assert_eq!(
                (c.object().refcnt(), item.object().refcnt()),
                (class_refs, item_refs)
            );
        }
        // Classes are cycles (each owns its MRO tuple): a collection frees them and
        // what they hold before the heap goes, as valgrind's leak check wants.
        heap.collect(2).unwrap();
    }

    #[test]
    fn a_cycle_through_an_instance_dict_is_collected() {
        let heap = Heap::new();
        {
            let c = subclass(&heap, t::INT_TYPE.get(), None);
            let class_refs = c.object().refcnt();
            let x = instance(&heap, &c, &long::int_from_i64(&heap, 7).unwrap());
            crate::abstract_::setattr(&heap, x.object(), "me", x.object()).unwrap();
            drop(x);
            heap.collect(2).unwrap();
            assert_eq!(c.object().refcnt(), class_refs);
        }
        // Classes are cycles (each owns its MRO tuple): a collection frees them and
        // what they hold before the heap goes, as valgrind's leak check wants.
        heap.collect(2).unwrap();
    }

    #[test]
    fn nonempty_slots_are_refused_on_bases_with_items() {
        let heap = Heap::new();
        let base = &t::INT_TYPE.get().ob_base.ob_base;
        let err = class::new_subclass(&heap, "C", "__main__", Some(&["x"]), Some(base), None)
            .err()
            .unwrap();
        assert_eq!(
            err.message(),
            "nonempty __slots__ not supported for subtype of 'int'"
        );
    }
}
