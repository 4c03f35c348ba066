//! The slots of built-in types as Python objects (`Objects/descrobject.c`'s
//! `wrapper_descriptor` and `method-wrapper`, made by `add_operators` in
//! `Objects/typeobject.c`): `int.__add__` is `<slot wrapper '__add__' of 'int' objects>`,
//! `(1).__add__` is `<method-wrapper '__add__' of int object at 0x...>`, and calling either
//! calls the type's own slot (`int.__add__(1, 2.0)` is `NotImplemented`).
//!
//! ```text
//!  PyWrapperDescrObject (56, GC: getsizeof 72)   wrapperobject (32, GC: getsizeof 48)
//!  16 d_type (a static type: immortal)            16 descr (the wrapper_descriptor)
//!  24 d_name (index into the slot table)          24 self
//!  32 d_qualname, 40 d_base, 48 d_wrapped (unused)
//! ```
//!
//! A type has the wrapper of a slot when it defines the slot itself (it differs from its
//! base's), as `add_operators` adds one per slot the type fills; looking a name up walks the
//! bases, so `bool.__add__` is int's and `int.__str__` is object's. Classes made at run time
//! are skipped: their special methods are functions in their namespace.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use crate::abstract_::{self, BinOp, UnOp};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{CompareOp, Member, PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, class, iter, long, none, not_implemented, unicode};

/// What a slot wrapper calls.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Repr,
    Str,
    Hash,
    Compare(CompareOp),
    /// A binary operator; `true` for the reflected form (`__radd__`).
    Binary(BinOp, bool),
    Unary(UnOp),
    Bool,
    Len,
    /// `tp_iter` (`list.__iter__`; an iterator's returns itself).
    Iter,
    /// `tp_iternext` of a built-in iterator (`StopIteration` at the end).
    Next,
    /// `nb_int` of `int` and `float`: an exact int.
    ToInt,
    /// `nb_float` of `int` and `float`: an exact float.
    ToFloat,
    /// `nb_index` of `int`: an exact int.
    Index,
    /// `object.__new__` (`tp_new`), a built-in method of `object` only.
    New,
    /// A slot whose behaviour the interpreter owns (`list.__init__`, `tuple.__getitem__`,
    /// `list.__setitem__`, `str.__contains__`): [`call`] leaves these to it
    /// ([`interpreter_slot`]).
    Interp,
}

/// One entry of `slotdefs`: the special method's name, what it calls, its `__doc__`.
struct SlotDef {
    name: &'static str,
    kind: Kind,
    doc: &'static str,
}

macro_rules! binary_defs {
    ($($op:ident $name:literal $rname:literal $sym:literal;)*) => {
        [$(
            SlotDef {
                name: $name,
                kind: Kind::Binary(BinOp::$op, false),
                doc: concat!("Return self", $sym, "value."),
            },
            SlotDef {
                name: $rname,
                kind: Kind::Binary(BinOp::$op, true),
                doc: concat!("Return value", $sym, "self."),
            },
        )*]
    };
}

static BINARY_DEFS: [SlotDef; 24] = binary_defs! {
    Add "__add__" "__radd__" "+";
    Sub "__sub__" "__rsub__" "-";
    Mul "__mul__" "__rmul__" "*";
    Mod "__mod__" "__rmod__" "%";
    DivMod "__divmod__" "__rdivmod__" ",";
    LShift "__lshift__" "__rlshift__" "<<";
    RShift "__rshift__" "__rrshift__" ">>";
    And "__and__" "__rand__" "&";
    Xor "__xor__" "__rxor__" "^";
    Or "__or__" "__ror__" "|";
    FloorDiv "__floordiv__" "__rfloordiv__" "//";
    TrueDiv "__truediv__" "__rtruediv__" "/";
};

static OTHER_DEFS: [SlotDef; 36] = [
    SlotDef {
        name: "__repr__",
        kind: Kind::Repr,
        doc: "Return repr(self).",
    },
    SlotDef {
        name: "__str__",
        kind: Kind::Str,
        doc: "Return str(self).",
    },
    SlotDef {
        name: "__hash__",
        kind: Kind::Hash,
        doc: "Return hash(self).",
    },
    SlotDef {
        name: "__lt__",
        kind: Kind::Compare(CompareOp::Lt),
        doc: "Return self<value.",
    },
    SlotDef {
        name: "__le__",
        kind: Kind::Compare(CompareOp::Le),
        doc: "Return self<=value.",
    },
    SlotDef {
        name: "__eq__",
        kind: Kind::Compare(CompareOp::Eq),
        doc: "Return self==value.",
    },
    SlotDef {
        name: "__ne__",
        kind: Kind::Compare(CompareOp::Ne),
        doc: "Return self!=value.",
    },
    SlotDef {
        name: "__gt__",
        kind: Kind::Compare(CompareOp::Gt),
        doc: "Return self>value.",
    },
    SlotDef {
        name: "__ge__",
        kind: Kind::Compare(CompareOp::Ge),
        doc: "Return self>=value.",
    },
    SlotDef {
        name: "__neg__",
        kind: Kind::Unary(UnOp::Neg),
        doc: "-self",
    },
    SlotDef {
        name: "__pos__",
        kind: Kind::Unary(UnOp::Pos),
        doc: "+self",
    },
    SlotDef {
        name: "__abs__",
        kind: Kind::Unary(UnOp::Abs),
        doc: "abs(self)",
    },
    SlotDef {
        name: "__invert__",
        kind: Kind::Unary(UnOp::Invert),
        doc: "~self",
    },
    SlotDef {
        name: "__bool__",
        kind: Kind::Bool,
        doc: "True if self else False",
    },
    SlotDef {
        name: "__len__",
        kind: Kind::Len,
        doc: "Return len(self).",
    },
    SlotDef {
        name: "__pow__",
        kind: Kind::Binary(BinOp::Pow, false),
        doc: "Return pow(self, value, mod).",
    },
    SlotDef {
        name: "__iter__",
        kind: Kind::Iter,
        doc: "Implement iter(self).",
    },
    SlotDef {
        name: "__next__",
        kind: Kind::Next,
        doc: "Implement next(self).",
    },
    SlotDef {
        name: "__init__",
        kind: Kind::Interp,
        doc: "Initialize self.  See help(type(self)) for accurate signature.",
    },
    SlotDef {
        name: "__getitem__",
        kind: Kind::Interp,
        doc: "Return self[key].",
    },
    SlotDef {
        name: "__setitem__",
        kind: Kind::Interp,
        doc: "Set self[key] to value.",
    },
    SlotDef {
        name: "__delitem__",
        kind: Kind::Interp,
        doc: "Delete self[key].",
    },
    SlotDef {
        name: "__contains__",
        kind: Kind::Interp,
        doc: "Return bool(key in self).",
    },
    SlotDef {
        name: "__call__",
        kind: Kind::Interp,
        doc: "Call self as a function.",
    },
    SlotDef {
        name: "__getattribute__",
        kind: Kind::Interp,
        doc: "Return getattr(self, name).",
    },
    SlotDef {
        name: "__iadd__",
        kind: Kind::Interp,
        doc: "Implement self+=value.",
    },
    SlotDef {
        name: "__imul__",
        kind: Kind::Interp,
        doc: "Implement self*=value.",
    },
    SlotDef {
        name: "__isub__",
        kind: Kind::Interp,
        doc: "Return self-=value.",
    },
    SlotDef {
        name: "__iand__",
        kind: Kind::Interp,
        doc: "Return self&=value.",
    },
    SlotDef {
        name: "__ixor__",
        kind: Kind::Interp,
        doc: "Return self^=value.",
    },
    SlotDef {
        name: "__ior__",
        kind: Kind::Interp,
        doc: "Return self|=value.",
    },
    SlotDef {
        name: "__setattr__",
        kind: Kind::Interp,
        doc: "Implement setattr(self, name, value).",
    },
    SlotDef {
        name: "__delattr__",
        kind: Kind::Interp,
        doc: "Implement delattr(self, name).",
    },
    SlotDef {
        name: "__int__",
        kind: Kind::ToInt,
        doc: "int(self)",
    },
    SlotDef {
        name: "__float__",
        kind: Kind::ToFloat,
        doc: "float(self)",
    },
    SlotDef {
        name: "__index__",
        kind: Kind::Index,
        doc: "Return self converted to an integer, if self is suitable for use as an index into a list.",
    },
];

static NEW_DEF: SlotDef = SlotDef {
    name: "__new__",
    kind: Kind::New,
    doc: "Create and return a new object.  See help(type) for accurate signature.",
};

static RPOW_DEF: SlotDef = SlotDef {
    name: "__rpow__",
    kind: Kind::Binary(BinOp::Pow, true),
    doc: "Return pow(value, self, mod).",
};

/// The slot definitions, numbered: a wrapper stores its definition's number.
fn slot_def(i: usize) -> &'static SlotDef {
    let n = BINARY_DEFS.len();
    match i {
        i if i < n => &BINARY_DEFS[i],
        i if i < n + OTHER_DEFS.len() => &OTHER_DEFS[i - n],
        i if i == n + OTHER_DEFS.len() => &RPOW_DEF,
        _ => &NEW_DEF,
    }
}

fn find_def(name: &str) -> Option<usize> {
    let count = BINARY_DEFS.len() + OTHER_DEFS.len() + 2;
    (0..count).find(|&i| slot_def(i).name == name)
}

/// The address of the function `ty` has in the slot `kind` uses (0: none), to compare a type's
/// slot with its base's.
fn slot_address(ty: &PyTypeObject, kind: Kind) -> usize {
    let s = ty.slots();
    match kind {
        Kind::Repr => s.repr as usize,
        Kind::Str => s.str.map_or(0, |f| f as usize),
        Kind::Hash => s.hash.map_or(0, |f| f as usize),
        Kind::Compare(_) => s.richcompare.map_or(0, |f| f as usize),
        Kind::Binary(op, _) if is_set_operator(ty, op) => set_operator as *const () as usize,
        Kind::Binary(op, _) => {
            let number = s.number.and_then(|n| op.slot(n)).map_or(0, |f| f as usize);
            if number != 0 {
                return number;
            }
            let seq = s.sequence;
            match op {
                BinOp::Add => seq.and_then(|q| q.concat).map_or(0, |f| f as usize),
                BinOp::Mul => seq.and_then(|q| q.repeat).map_or(0, |f| f as usize),
                _ => 0,
            }
        }
        Kind::Unary(op) => s
            .number
            .and_then(|n| match op {
                UnOp::Neg => n.negative,
                UnOp::Pos => n.positive,
                UnOp::Abs => n.absolute,
                UnOp::Invert => n.invert,
            })
            .map_or(0, |f| f as usize),
        Kind::Bool => s.number.and_then(|n| n.bool).map_or(0, |f| f as usize),
        Kind::Len => s.sequence.and_then(|q| q.length).map_or(0, |f| f as usize),
        Kind::Iter => usize::from(own_iter(ty).is_some() || iter::is_builtin_iterator_type(ty)),
        Kind::Next => iter::builtin_iternext(ty).map_or(0, |f| f as usize),
        Kind::ToInt | Kind::ToFloat => usize::from(is_int_or_float(ty)),
        Kind::Index => usize::from(ptr::eq(ty, crate::types::INT_TYPE.get())),
        Kind::New | Kind::Interp => 0,
    }
}

/// Whether `op` is one of the operators `set` and `frozenset` fill (`set_as_number`: `-`,
/// `&`, `^`, `|`), and `ty` one of the two.
fn is_set_operator(ty: &PyTypeObject, op: BinOp) -> bool {
    use crate::types::{FROZENSET_TYPE, SET_TYPE};
    matches!(op, BinOp::Sub | BinOp::And | BinOp::Xor | BinOp::Or)
        && (ptr::eq(ty, SET_TYPE.get()) || ptr::eq(ty, FROZENSET_TYPE.get()))
}

/// `set_sub`, `set_and`, `set_xor`, `set_or`: `NotImplemented` unless both operands are sets
/// or frozensets.
fn set_operator<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject, op: BinOp) -> PyResult<Obj<'h>> {
    use crate::types::set::AnySet;
    use crate::types::set_ops;
    let (Some(x), true) = (AnySet::cast(a), AnySet::cast(b).is_some()) else {
        return Ok(not_implemented(heap));
    };
    match op {
        BinOp::Sub => set_ops::difference(heap, x, b),
        BinOp::And => set_ops::intersection(heap, x, b),
        BinOp::Xor => set_ops::symmetric_difference(heap, x, b),
        _ => set_ops::union(heap, x, &[b]),
    }
}

/// Whether `ty` is `int` or `float` (the types with their own `nb_int` and `nb_float`).
fn is_int_or_float(ty: &PyTypeObject) -> bool {
    ptr::eq(ty, crate::types::INT_TYPE.get()) || ptr::eq(ty, crate::types::FLOAT_TYPE.get())
}

/// How the container type `ty` makes its iterator (`tp_iter`), for the built-in containers
/// whose iteration the object layer owns.
type IterFn = for<'h> fn(&'h Heap, &Obj<'h>) -> PyResult<Obj<'h>>;

fn own_iter(ty: &PyTypeObject) -> Option<IterFn> {
    use crate::types::iter::{dict as di, seq};
    use crate::types::{BYTES_TYPE, DICT_TYPE, FROZENSET_TYPE, LIST_TYPE, SET_TYPE, STR_TYPE};
    use crate::types::{TUPLE_TYPE, range::RANGE_TYPE};
    let is = |t: &'static StaticType| ptr::eq(ty, t.get());
    let f: IterFn = if is(&LIST_TYPE) {
        seq::list_iter
    } else if is(&TUPLE_TYPE) {
        seq::tuple_iter
    } else if is(&STR_TYPE) {
        seq::str_iter
    } else if is(&BYTES_TYPE) {
        seq::bytes_iter
    } else if is(&DICT_TYPE) {
        |h, d| di::dict_iter(h, d, di::DictIterKind::Keys, false)
    } else if is(&SET_TYPE) || is(&FROZENSET_TYPE) {
        di::set_iter
    } else if is(&RANGE_TYPE) {
        |h, r| seq::range_iter(h, r, false)
    } else if is(&crate::types::bytearray::BYTEARRAY_TYPE)
        || is(&crate::types::array::ARRAY_TYPE)
        || is(&crate::types::memoryview::MEMORYVIEW_TYPE)
    {
        seq::buffer_iter
    } else if is(&crate::types::deque::DEQUE_TYPE) {
        |h, d| {
            crate::types::deque::iter::deque_iter(
                h,
                crate::types::deque::Deque::cast_internal(d.object())?,
            )
        }
    } else {
        return None;
    };
    Some(f)
}

fn is_object(ty: &PyTypeObject) -> bool {
    ptr::eq(ty, OBJECT_TYPE.get())
}

/// Whether static type `ty` has the wrapper `name` of a slot the interpreter owns, as CPython
/// 3.12's type dicts hold one: `__init__` of `list`, `dict` and `set`; `__getitem__` of
/// `str`, `tuple` and `bytes` (`list`'s and `dict`'s are method descriptors); `__setitem__` and
/// `__delitem__` of `list` and `dict`; `__contains__` of `list`, `str`, `tuple` and `bytes`;
/// `object.__init__`, `type.__init__` and `type.__call__`.
fn defines_interp_slot(ty: &PyTypeObject, name: &str) -> bool {
    use crate::types::{BYTES_TYPE, DICT_TYPE, LIST_TYPE, SET_TYPE, STR_TYPE, TUPLE_TYPE};
    let is = |t: &'static StaticType| ptr::eq(ty, t.get());
    let list = is(&LIST_TYPE);
    let dict = is(&DICT_TYPE);
    let seq = is(&STR_TYPE) || is(&TUPLE_TYPE) || is(&BYTES_TYPE);
    let object = is(&OBJECT_TYPE);
    let meta = is(&TYPE_TYPE);
    // `bytearray` and `array.array`: their subscripts, `in` and in-place operators;
    // `memoryview`: its subscripts.
    let buffer =
        is(&crate::types::bytearray::BYTEARRAY_TYPE) || is(&crate::types::array::ARRAY_TYPE);
    let view = is(&crate::types::memoryview::MEMORYVIEW_TYPE);
    if matches!(name, "__getitem__" | "__setitem__" | "__delitem__") && (buffer || view)
        || matches!(name, "__contains__" | "__iadd__" | "__imul__") && buffer
    {
        return true;
    }
    // `collections.deque`: `deque_init`, its sequence slots and the generic attribute lookup.
    if is(&crate::types::deque::DEQUE_TYPE)
        && matches!(
            name,
            "__init__"
                | "__getitem__"
                | "__setitem__"
                | "__delitem__"
                | "__contains__"
                | "__iadd__"
                | "__imul__"
                | "__getattribute__"
        )
    {
        return true;
    }
    match name {
        "__init__" => {
            list || dict
                || is(&SET_TYPE)
                || object
                || meta
                || is(&crate::types::random::RANDOM_TYPE)
        }
        "__call__" => meta,
        "__getitem__" => seq || is(&crate::types::range::RANGE_TYPE),
        "__setitem__" | "__delitem__" => list || dict,
        "__contains__" => list || seq || is(&crate::types::range::RANGE_TYPE),
        "__iadd__" | "__imul__" => list,
        "__ior__" => dict || is(&SET_TYPE),
        "__isub__" | "__iand__" | "__ixor__" => is(&SET_TYPE),
        // `PyObject_GenericGetAttr` set explicitly, so `add_operators` gives a wrapper.
        // `type_setattro`: `object`'s are given elsewhere.
        "__setattr__" | "__delattr__" => meta,
        "__getattribute__" => {
            use crate::types::{COMPLEX_TYPE, FLOAT_TYPE, FROZENSET_TYPE, INT_TYPE};
            use crate::types::{exceptions::BASE_EXCEPTION, range::RANGE_TYPE};
            meta || list
                || dict
                || seq
                || [
                    &INT_TYPE,
                    &FLOAT_TYPE,
                    &COMPLEX_TYPE,
                    &SET_TYPE,
                    &FROZENSET_TYPE,
                ]
                .into_iter()
                .any(is)
                || is(&RANGE_TYPE)
                || is(&BASE_EXCEPTION)
        }
        _ => false,
    }
}

/// Whether the built-in type `ty` fills the slot itself (`object` fills `__repr__`,
/// `__str__`, `__hash__` and the comparisons).
fn defines(ty: &PyTypeObject, kind: Kind) -> bool {
    if is_object(ty) {
        return matches!(
            kind,
            Kind::Repr | Kind::Str | Kind::Hash | Kind::Compare(_) | Kind::New
        );
    }
    let own = slot_address(ty, kind);
    own != 0
        && ty
            .base()
            .is_none_or(|b| is_object(b) || slot_address(b, kind) != own)
}

/// Whether the built-in type `ty` has made its instances unhashable (its namespace holds
/// `__hash__ = None`, as `list`'s and `dict`'s do).
fn unhashable(ty: &PyTypeObject) -> bool {
    !is_object(ty)
        && ty.slots().hash.is_none()
        && ty.base().is_some_and(|b| b.slots().hash.is_some())
}

/// What `name` is along `ty`'s built-in bases: the slot wrapper of the first that fills the
/// slot (`Some(Ok(..))`), `Some(Err(()))` for `__hash__` on an unhashable type, `None` when no
/// base has it.
fn find_in_bases(
    ty: &PyTypeObject,
    name: &str,
) -> Option<Result<(&'static PyTypeObject, usize), ()>> {
    let i = find_def(name)?;
    let kind = slot_def(i).kind;
    let mut t = Some(ty);
    while let Some(cur) = t {
        if kind == Kind::New && !class::is_heap_type(cur) && !is_object(cur) {
            // Only `object.__new__` is exposed: another built-in base's is not (yet).
            return None;
        }
        if !class::is_heap_type(cur) {
            if kind == Kind::Hash && unhashable(cur) {
                return Some(Err(()));
            }
            let own = match kind {
                Kind::Interp => defines_interp_slot(cur, name),
                _ => defines(cur, kind),
            };
            if own {
                // SAFETY: a built-in type is a static, immortal object.
                let cur: &'static PyTypeObject = unsafe { &*ptr::from_ref(cur) };
                return Some(Ok((cur, i)));
            }
        }
        t = cur.base();
    }
    None
}

/// `type.name` for a special method that no class namespace along `ty`'s bases holds: the
/// `wrapper_descriptor` of the built-in base that fills the slot (or `None` for `__hash__` of
/// an unhashable type). `Ok(None)` when the name is not a slot's or no base fills it.
///
/// # Errors
/// `MemoryError`.
pub fn type_attribute<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    match find_in_bases(ty, name) {
        None => Ok(None),
        Some(Err(())) => Ok(Some(none(heap))),
        Some(Ok((owner, i))) => new_descriptor(heap, owner, i).map(Some),
    }
}

/// `obj.name` for a special method that `obj`'s class namespaces do not hold: the
/// `method-wrapper` binding the built-in slot to `obj`. `Ok(None)` when no base fills it.
///
/// # Errors
/// `MemoryError`.
pub fn instance_attribute<'h>(
    heap: &'h Heap,
    obj: &PyObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    let Some(descr) = type_attribute(heap, obj.ob_type(), name)? else {
        return Ok(None);
    };
    if descr.is(&none(heap)) || name == "__new__" {
        return Ok(Some(descr));
    }
    // SAFETY: the caller holds `obj`.
    let this = unsafe { Obj::from_borrowed(heap, obj) };
    new_method_wrapper(heap, descr, this).map(Some)
}

/// `super(C, obj).name` for a special method of built-in type `ty` (a static base after `C`
/// in `obj`'s MRO): the `method-wrapper` binding `ty`'s own slot to `obj`, so a class's
/// `__repr__` can call its base's (`super().__repr__()`). `Ok(None)` when no base of `ty`
/// fills the slot.
///
/// # Errors
/// `MemoryError`.
pub fn bound_slot_of<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    obj: &Obj<'h>,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    let Some(descr) = type_attribute(heap, ty, name)? else {
        return Ok(None);
    };
    if descr.is(&none(heap)) || name == "__new__" {
        return Ok(Some(descr));
    }
    new_method_wrapper(heap, descr, obj.clone()).map(Some)
}

// ---------------------------------------------------------------------------------------
// wrapper_descriptor

/// `PyWrapperDescrObject`.
#[repr(C)]
pub struct WrapperDescrObject {
    ob_base: PyObject,
    d_type: NonNull<PyTypeObject>,
    d_name: usize,
    d_qualname: Cell<Option<ObjPtr>>,
    d_base: usize,
    d_wrapped: usize,
}

const _: () = assert!(size_of::<WrapperDescrObject>() == 56);

fn is_descr(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), WRAPPER_DESCRIPTOR_TYPE.get())
}

crate::view! {
    /// A `wrapper_descriptor`: a built-in type's slot, unbound.
    pub struct WrapperDescr: "wrapper_descriptor" = is_descr;
}

fn descr_header(d: &WrapperDescr) -> &WrapperDescrObject {
    // SAFETY: the view guarantees a wrapper_descriptor.
    unsafe { &*ptr::from_ref(d).cast::<WrapperDescrObject>() }
}

fn descr_parts(d: &WrapperDescr) -> (&'static PyTypeObject, &'static SlotDef) {
    let h = descr_header(d);
    // SAFETY: `d_type` is a static type (immortal).
    (unsafe { &*h.d_type.as_ptr() }, slot_def(h.d_name))
}

fn new_descriptor<'h>(heap: &'h Heap, owner: &'static PyTypeObject, i: usize) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(
        WRAPPER_DESCRIPTOR_TYPE.get(),
        size_of::<WrapperDescrObject>(),
    )?;
    // SAFETY: a fresh allocation of a `WrapperDescrObject`, written whole before it is tracked.
    unsafe {
        op.cast::<WrapperDescrObject>().write(WrapperDescrObject {
            ob_base: PyObject::new(WRAPPER_DESCRIPTOR_TYPE.ptr()),
            d_type: NonNull::from(owner),
            d_name: i,
            d_qualname: Cell::new(None),
            d_base: 0,
            d_wrapped: 0,
        });
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

fn descr_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let d = WrapperDescr::cast_internal(o)?;
    let (ty, def) = descr_parts(d);
    if def.kind == Kind::New {
        return Ok(format!(
            "<built-in method __new__ of type object at {:#x}>",
            ptr::from_ref(ty).addr()
        ));
    }
    Ok(format!(
        "<slot wrapper '{}' of '{}' objects>",
        def.name,
        ty.name()
    ))
}

unsafe fn descr_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead wrapper_descriptor of this heap; it holds no references.
    unsafe { heap.free_object(op, WRAPPER_DESCRIPTOR_TYPE.get()) }
}

fn descr_traverse(_o: &PyObject, _visit: &mut dyn FnMut(ObjPtr)) {}

fn descr_name<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (_, def) = descr_parts(WrapperDescr::cast_internal(o)?);
    unicode::new_str(heap, def.name)
}

fn descr_qualname<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (ty, def) = descr_parts(WrapperDescr::cast_internal(o)?);
    let short = ty.name().rsplit('.').next().unwrap_or(ty.name());
    unicode::new_str(heap, &format!("{short}.{}", def.name))
}

fn descr_objclass<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (ty, _) = descr_parts(WrapperDescr::cast_internal(o)?);
    // SAFETY: a static type, immortal.
    Ok(unsafe { Obj::from_borrowed(heap, &ty.ob_base.ob_base) })
}

fn descr_doc<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (_, def) = descr_parts(WrapperDescr::cast_internal(o)?);
    unicode::new_str(heap, def.doc)
}

static DESCR_MEMBERS: [Member; 4] = [
    Member {
        name: "__name__",
        get: descr_name,
    },
    Member {
        name: "__qualname__",
        get: descr_qualname,
    },
    Member {
        name: "__objclass__",
        get: descr_objclass,
    },
    Member {
        name: "__doc__",
        get: descr_doc,
    },
];

static DESCR_SLOTS: Slots = Slots {
    dealloc: descr_dealloc,
    sizeof: None,
    repr: descr_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(descr_traverse),
    clear: None,
    members: &DESCR_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `wrapper_descriptor`: 56 bytes, GC.
pub static WRAPPER_DESCRIPTOR_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "wrapper_descriptor",
        basicsize: size_of::<WrapperDescrObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &DESCR_SLOTS,
    },
);

// ---------------------------------------------------------------------------------------
// method-wrapper

/// `wrapperobject`.
#[repr(C)]
pub struct MethodWrapperObject {
    ob_base: PyObject,
    descr: RefField,
    this: RefField,
}

const _: () = assert!(size_of::<MethodWrapperObject>() == 32);

fn is_method_wrapper(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), METHOD_WRAPPER_TYPE.get())
}

crate::view! {
    /// A `method-wrapper`: a built-in slot bound to an object.
    pub struct MethodWrapper: "method-wrapper" = is_method_wrapper;
}

fn wrapper_header(w: &MethodWrapper) -> &MethodWrapperObject {
    // SAFETY: the view guarantees a method-wrapper.
    unsafe { &*ptr::from_ref(w).cast::<MethodWrapperObject>() }
}

fn new_method_wrapper<'h>(heap: &'h Heap, descr: Obj<'h>, this: Obj<'h>) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(METHOD_WRAPPER_TYPE.get(), size_of::<MethodWrapperObject>())?;
    // SAFETY: a fresh allocation of a `MethodWrapperObject`, written whole before it is
    // tracked; it takes over both references.
    unsafe {
        op.cast::<MethodWrapperObject>().write(MethodWrapperObject {
            ob_base: PyObject::new(METHOD_WRAPPER_TYPE.ptr()),
            descr: RefField::new(Some(descr)),
            this: RefField::new(Some(this)),
        });
        let o = Obj::from_owned(heap, op);
        heap.track(o.object());
        Ok(o)
    }
}

/// The descriptor and the object of a method-wrapper.
fn wrapper_parts<'h>(heap: &'h Heap, w: &MethodWrapper) -> PyResult<(Obj<'h>, Obj<'h>)> {
    let h = wrapper_header(w);
    match (h.descr.get(heap), h.this.get(heap)) {
        (Some(d), Some(s)) => Ok((d, s)),
        _ => Err(crate::view::bad_internal_call()),
    }
}

fn wrapper_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let (d, this) = wrapper_parts(heap, MethodWrapper::cast_internal(o)?)?;
    let (_, def) = descr_parts(WrapperDescr::cast_internal(d.object())?);
    Ok(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        def.name,
        this.ob_type().name(),
        ptr::from_ref(this.object()).addr()
    ))
}

unsafe fn wrapper_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead method-wrapper of this heap (untracked by the heap).
    unsafe {
        let w = &*op.cast::<MethodWrapperObject>().as_ptr();
        w.descr.clear(heap);
        w.this.clear(heap);
        heap.free_object(op, METHOD_WRAPPER_TYPE.get());
    }
}

fn wrapper_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(w) = MethodWrapper::cast(o) {
        let h = wrapper_header(w);
        h.descr.visit(visit);
        h.this.visit(visit);
    }
}

fn wrapper_name<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (d, _) = wrapper_parts(heap, MethodWrapper::cast_internal(o)?)?;
    descr_name(heap, d.object())
}

fn wrapper_qualname<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (d, _) = wrapper_parts(heap, MethodWrapper::cast_internal(o)?)?;
    descr_qualname(heap, d.object())
}

fn wrapper_self<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    let (_, this) = wrapper_parts(heap, MethodWrapper::cast_internal(o)?)?;
    Ok(this)
}

static WRAPPER_MEMBERS: [Member; 3] = [
    Member {
        name: "__name__",
        get: wrapper_name,
    },
    Member {
        name: "__qualname__",
        get: wrapper_qualname,
    },
    Member {
        name: "__self__",
        get: wrapper_self,
    },
];

/// Whether two method-wrappers wrap the same slot of the same type (`wrapper_richcompare`
/// compares the descriptors, one per type dict entry) and are bound to the same object.
fn same_wrapper(heap: &Heap, a: &MethodWrapper, b: &MethodWrapper) -> PyResult<bool> {
    let (da, sa) = wrapper_parts(heap, a)?;
    let (db, sb) = wrapper_parts(heap, b)?;
    let ha = descr_header(WrapperDescr::cast_internal(da.object())?);
    let hb = descr_header(WrapperDescr::cast_internal(db.object())?);
    Ok(ha.d_type == hb.d_type && ha.d_name == hb.d_name && sa.is(&sb))
}

/// `wrapper_richcompare`: `==` and `!=` by [`same_wrapper`]; the orderings are not
/// implemented.
fn wrapper_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(wa), Some(wb)) = (MethodWrapper::cast(a), MethodWrapper::cast(b)) else {
        return Ok(None);
    };
    let same = same_wrapper(heap, wa, wb)?;
    match op {
        CompareOp::Eq => Ok(Some(long::new_bool(heap, same))),
        CompareOp::Ne => Ok(Some(long::new_bool(heap, !same))),
        _ => Ok(None),
    }
}

/// `wrapper_hash`: the bound object's address mixed with the slot's (its type and number), so
/// equal wrappers hash equal.
fn wrapper_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let w = MethodWrapper::cast_internal(o)?;
    let (d, this) = wrapper_parts(heap, w)?;
    let h = descr_header(WrapperDescr::cast_internal(d.object())?);
    let slot = h.d_type.as_ptr().addr().rotate_left(8) ^ h.d_name;
    let x = (ptr::from_ref(this.object()).addr().rotate_right(4) ^ slot) as i64;
    Ok(if x == -1 { -2 } else { x })
}

static WRAPPER_SLOTS: Slots = Slots {
    dealloc: wrapper_dealloc,
    sizeof: None,
    repr: wrapper_repr,
    str: None,
    hash: Some(wrapper_hash),
    richcompare: Some(wrapper_richcompare),
    number: None,
    sequence: None,
    traverse: Some(wrapper_traverse),
    clear: None,
    members: &WRAPPER_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `method-wrapper`: 32 bytes, GC.
pub static METHOD_WRAPPER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "method-wrapper",
        basicsize: size_of::<MethodWrapperObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &WRAPPER_SLOTS,
    },
);

// ---------------------------------------------------------------------------------------
// calling

/// Calls `f` if it is a slot wrapper (`wrapperdescr_call`, `wrapper_call`): `None` for any
/// other object.
///
/// # Errors
/// `TypeError: descriptor '__add__' of 'int' object needs an argument`, `TypeError:
/// descriptor '__add__' requires a 'int' object but received a 'str'`, `TypeError: expected 1
/// argument, got 0`, `TypeError: wrapper __add__() takes no keyword arguments`, or what the
/// slot raises.
pub fn call<'h>(
    heap: &'h Heap,
    f: &PyObject,
    args: &[&PyObject],
    has_kwargs: bool,
) -> Option<PyResult<Obj<'h>>> {
    if let Some(d) = WrapperDescr::cast(f) {
        let (ty, def) = descr_parts(d);
        if def.kind == Kind::Interp {
            return None;
        }
        if def.kind == Kind::New {
            return Some(object_new(heap, args, has_kwargs));
        }
        let Some((&this, rest)) = args.split_first() else {
            return Some(Err(PyErr::type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                def.name,
                ty.name()
            ))));
        };
        if !this.ob_type().is_subtype(ty) {
            return Some(Err(PyErr::type_error(format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                def.name,
                ty.name(),
                this.ob_type().name()
            ))));
        }
        return Some(call_slot(heap, ty, def, this, rest, has_kwargs));
    }
    let w = MethodWrapper::cast(f)?;
    if interpreter_slot(heap, f).is_some() {
        return None;
    }
    Some(wrapper_parts(heap, w).and_then(|(d, this)| {
        let (ty, def) = descr_parts(WrapperDescr::cast_internal(d.object())?);
        call_slot(heap, ty, def, this.object(), args, has_kwargs)
    }))
}

/// `wrap_*`: checks the arguments, then calls `ty`'s own slot on `this`.
fn call_slot<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    def: &SlotDef,
    this: &PyObject,
    args: &[&PyObject],
    has_kwargs: bool,
) -> PyResult<Obj<'h>> {
    if has_kwargs {
        return Err(PyErr::type_error(format!(
            "wrapper {}() takes no keyword arguments",
            def.name
        )));
    }
    if def.kind == Kind::New {
        let mut all = vec![this];
        all.extend_from_slice(args);
        return object_new(heap, &all, has_kwargs);
    }
    let want = usize::from(matches!(def.kind, Kind::Compare(_) | Kind::Binary(..)));
    let pow = matches!(def.kind, Kind::Binary(BinOp::Pow, _));
    if args.len() != want && !(pow && args.len() == 2) {
        return Err(PyErr::type_error(if pow {
            // `PyArg_UnpackTuple(args, "", 1, 2, ...)`: an empty name before the message.
            let bound = if args.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            };
            format!(" expected {bound}, got {}", args.len())
        } else {
            format!(
                "expected {want} argument{}, got {}",
                if want == 1 { "" } else { "s" },
                args.len()
            )
        }));
    }
    if pow && args.len() == 2 && !ptr::eq(args[1], none(heap).object()) {
        // `wrap_ternaryfunc(_r)`: the type's own `nb_power` with the modulus.
        let (v, w) = match def.kind {
            Kind::Binary(_, true) => (args[0], this),
            _ => (this, args[0]),
        };
        let r = crate::numbers::slot_power(heap, this, v, w, args[1])?;
        return Ok(r.unwrap_or_else(|| not_implemented(heap)));
    }
    let s = ty.slots();
    let answer = |r: Option<Obj<'h>>| r.unwrap_or_else(|| not_implemented(heap));
    match def.kind {
        Kind::Repr if is_object(ty) => unicode::new_str(heap, &super::slot_defs::object_repr(this)),
        Kind::Repr => unicode::new_str(heap, &(s.repr)(heap, this)?),
        Kind::Str if is_object(ty) => unicode::new_str(heap, &abstract_::repr(heap, this)?),
        Kind::Str => unicode::new_str(heap, &(s.str.unwrap_or(s.repr))(heap, this)?),
        Kind::Hash => {
            let h = match s.hash {
                Some(f) => f(heap, this)?,
                None => crate::types::identity_hash(heap, this)?,
            };
            long::int_from_i64(heap, h)
        }
        Kind::Compare(op) if is_object(ty) => object_richcompare(heap, this, args[0], op),
        Kind::Compare(op) => match s.richcompare {
            Some(f) => Ok(answer(f(heap, this, args[0], op)?)),
            None => Ok(not_implemented(heap)),
        },
        Kind::Binary(op, reflected) => {
            let (a, b) = if reflected {
                (args[0], this)
            } else {
                (this, args[0])
            };
            if is_set_operator(ty, op) {
                return set_operator(heap, a, b, op);
            }
            if let Some(f) = s.number.and_then(|n| op.slot(n)) {
                return Ok(answer(f(heap, a, b)?));
            }
            let seq = s.sequence;
            match op {
                BinOp::Add if let Some(concat) = seq.and_then(|q| q.concat) => {
                    concat(heap, this, args[0])
                }
                BinOp::Mul if let Some(repeat) = seq.and_then(|q| q.repeat) => {
                    repeat(heap, this, abstract_::repeat_count(args[0])?)
                }
                _ => Ok(not_implemented(heap)),
            }
        }
        Kind::Unary(op) => {
            let f = s.number.and_then(|n| match op {
                UnOp::Neg => n.negative,
                UnOp::Pos => n.positive,
                UnOp::Abs => n.absolute,
                UnOp::Invert => n.invert,
            });
            match f {
                Some(f) => f(heap, this),
                None => abstract_::unary_op(heap, this, op),
            }
        }
        Kind::Bool => match s.number.and_then(|n| n.bool) {
            Some(f) => Ok(long::new_bool(heap, f(this))),
            None => Ok(long::new_bool(heap, true)),
        },
        Kind::Len => {
            let n = s.sequence.and_then(|q| q.length).map_or(0, |f| f(this));
            long::int_from_i64(heap, n as i64)
        }
        Kind::Iter => {
            // SAFETY: the caller holds `this`.
            let obj = unsafe { Obj::from_borrowed(heap, this) };
            match own_iter(ty) {
                Some(f) => f(heap, &obj),
                // `PyObject_SelfIter`.
                None => Ok(obj),
            }
        }
        Kind::Next => {
            let next = iter::builtin_iternext(ty).ok_or_else(crate::view::bad_internal_call)?;
            next(heap, this)?.ok_or_else(|| PyErr::new(ExcKind::StopIteration, ""))
        }
        Kind::Index => {
            let i = long::Int::cast_internal(this)?;
            long::new_int(heap, &long::long_value(i))
        }
        Kind::ToInt => match crate::types::float::Float::cast(this) {
            Some(f) => {
                let v = crate::long_digits::LongValue::from_f64(
                    crate::types::float::float_value(f).trunc(),
                )
                .map_err(long::long_error)?;
                long::new_int(heap, &v)
            }
            None => {
                let i = long::Int::cast_internal(this)?;
                long::new_int(heap, &long::long_value(i))
            }
        },
        Kind::ToFloat => crate::types::float::new_float(heap, crate::numbers::as_double(this)?),
        Kind::New | Kind::Interp => Err(crate::view::bad_internal_call()),
    }
}

/// For a slot wrapper (or a method-wrapper) of a slot the interpreter owns
/// (`list.__init__`, `tuple.__getitem__`, `[].__setitem__`): the owning type, the slot's name
/// and, for a method-wrapper, the object it is bound to. [`call`] answers `None` for these: the
/// interpreter calls `T.name(self, *args)` itself. `None` for any other object.
pub fn interpreter_slot<'h>(
    heap: &'h Heap,
    f: &PyObject,
) -> Option<(&'static PyTypeObject, &'static str, Option<Obj<'h>>)> {
    let (descr, this) = match MethodWrapper::cast(f) {
        Some(w) => {
            let (d, this) = wrapper_parts(heap, w).ok()?;
            (d, Some(this))
        }
        // SAFETY: the caller holds `f`.
        None => (unsafe { Obj::from_borrowed(heap, f) }, None),
    };
    let (ty, def) = descr_parts(WrapperDescr::cast(descr.object())?);
    (def.kind == Kind::Interp).then_some((ty, def.name, this))
}

/// `object.__new__(cls, *args)` (`object_new`): a new instance of `cls`, a class whose base
/// is `object` (or `object` itself). Extra arguments are refused when `cls` overrides
/// `__new__` or does not override `__init__`.
///
/// # Errors
/// `TypeError: object.__new__(): not enough arguments`, `TypeError: object.__new__(X): X is
/// not a type object (int)`, `TypeError: object.__new__(int) is not safe, use
/// int.__new__()`, the argument errors; `MemoryError`.
fn object_new<'h>(heap: &'h Heap, args: &[&PyObject], has_kwargs: bool) -> PyResult<Obj<'h>> {
    let Some((&cls, rest)) = args.split_first() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    let Some(ty) = crate::types::type_object(cls) else {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            cls.ob_type().name()
        )));
    };
    if is_object(ty) {
        if !rest.is_empty() || has_kwargs {
            return Err(PyErr::type_error("object() takes no arguments"));
        }
        return crate::types::object_instance::new_object(heap);
    }
    let Some(c) = class::Class::of_type(ty).filter(|_| super::slot_defs::has_user_slots(ty)) else {
        let name = ty.name();
        return Err(PyErr::type_error(format!(
            "object.__new__({name}) is not safe, use {name}.__new__()"
        )));
    };
    if !rest.is_empty() || has_kwargs {
        if super::slot_defs::lookup(heap, ty, "__new__").is_some() {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if super::slot_defs::lookup(heap, ty, "__init__").is_none() {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    class::new_instance(heap, c)
}

/// `object_richcompare`: `==` is identity (else `NotImplemented`), `!=` inverts the type's
/// `==`, the orderings are not implemented.
fn object_richcompare<'h>(
    heap: &'h Heap,
    this: &PyObject,
    other: &PyObject,
    op: CompareOp,
) -> PyResult<Obj<'h>> {
    match op {
        CompareOp::Eq if ptr::eq(this, other) => Ok(long::new_bool(heap, true)),
        CompareOp::Ne => {
            let eq = match this.ob_type().slots().richcompare {
                Some(f) => f(heap, this, other, CompareOp::Eq)?,
                None => ptr::eq(this, other).then(|| long::new_bool(heap, true)),
            };
            match eq {
                Some(r) if !r.is(&not_implemented(heap)) => {
                    let t = abstract_::is_true(heap, r.object())?;
                    Ok(long::new_bool(heap, !t))
                }
                _ => Ok(not_implemented(heap)),
            }
        }
        _ => Ok(not_implemented(heap)),
    }
}
