//! Descriptors and class namespaces (`Objects/descrobject.c`, `Objects/funcobject.c`): the
//! `property`, `classmethod` and `staticmethod` objects, the `member_descriptor`s of
//! `__slots__` and the `getset_descriptor`s `__dict__` and `__weakref__` a class statement
//! puts in its namespace, and `mappingproxy`, the read-only view `C.__dict__` gives.
//!
//! Each is an interpreter object ([`Kind`]) with CPython 3.12's size: `property` 64 bytes
//! (`fget`, `fset`, `fdel`, `doc`, `name`, `getter_doc`), `classmethod` and `staticmethod` 32
//! (`cm_callable`, `cm_dict`), the two descriptors 48 (`PyDescr_COMMON` and the member or
//! getset definition), `mappingproxy` 24; all GC types. How the attribute protocol uses them
//! is in [`super::attributes`].

use core::ptr;

use pyrt_objects::typeobj::{Member, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, none, unicode};
use pyrt_objects::{CompareOp, Heap, Obj, PyObject, PyResult, abstract_};

use super::objects::{Kind, clear, dealloc, traverse};

/// The reference words of a `property`.
pub(crate) mod prop {
    /// The getter.
    pub(crate) const FGET: usize = 0;
    /// The setter.
    pub(crate) const FSET: usize = 1;
    /// The deleter.
    pub(crate) const FDEL: usize = 2;
    /// The docstring.
    pub(crate) const DOC: usize = 3;
    /// The attribute name (`__set_name__`).
    pub(crate) const NAME: usize = 4;
}

/// The reference words of a member or getset descriptor.
pub(crate) mod descr {
    /// The type that defines the attribute (`d_type`, `__objclass__`).
    pub(crate) const TYPE: usize = 0;
    /// The attribute name (`d_name`).
    pub(crate) const NAME: usize = 1;
}

const GC: TypeFlags = TypeFlags::HAVE_GC;

macro_rules! descr_slots {
    ($repr:expr, $members:expr) => {
        Slots {
            dealloc,
            sizeof: None,
            repr: $repr,
            str: None,
            hash: Some(pyrt_objects::types::identity_hash),
            richcompare: None,
            number: None,
            sequence: None,
            traverse: Some(traverse),
            clear: Some(clear),
            members: $members,
            getattr: None,
            setattr: None,
        }
    };
}

macro_rules! static_type {
    ($ty:ident, $name:literal, $size:expr, $slots:expr) => {
        static $ty: StaticType = StaticType::new(
            &TYPE_TYPE,
            TypeSpec {
                name: $name,
                basicsize: $size,
                itemsize: 0,
                flags: GC.union(TypeFlags::BASETYPE),
                base: Some(&OBJECT_TYPE),
                slots: $slots,
            },
        );
    };
}

/// The value of reference word `i` of `o` (of kind `k`), or `None`.
fn word<'h>(heap: &'h Heap, k: &'static Kind, o: &PyObject, i: usize) -> Obj<'h> {
    k.cast(o)
        .and_then(|t| t.get_ref(heap, i))
        .unwrap_or_else(|| none(heap))
}

/// `repr` of reference word `i` of `o`, borrowed from a fresh reference.
fn word_repr(heap: &Heap, k: &'static Kind, o: &PyObject, i: usize) -> PyResult<String> {
    abstract_::repr(heap, word(heap, k, o, i).object())
}

fn address_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(format!(
        "<{} object at {:#x}>",
        o.ob_type().name(),
        ptr::from_ref(o).addr()
    ))
}

/// `_PyObject_IsAbstract(f)`: whether `f.__isabstractmethod__` is true (a missing attribute
/// is false).
fn is_abstract(heap: &Heap, f: &PyObject) -> PyResult<bool> {
    match abstract_::getattr(heap, f, "__isabstractmethod__") {
        Ok(v) => abstract_::is_true(heap, v.object()),
        Err(e) if e.kind() == pyrt_objects::ExcKind::AttributeError => Ok(false),
        Err(e) => Err(e),
    }
}

/// `property_get___isabstractmethod__`: whether the getter, setter or deleter is abstract.
fn property_is_abstract<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    for i in [prop::FGET, prop::FSET, prop::FDEL] {
        let f = word(heap, &PROPERTY, o, i);
        if !f.is(&none(heap)) && is_abstract(heap, f.object())? {
            return Ok(pyrt_objects::types::long::new_bool(heap, true));
        }
    }
    Ok(pyrt_objects::types::long::new_bool(heap, false))
}

/// `cm_get___isabstractmethod__` / `sm_get___isabstractmethod__`: the callable's.
fn wrapped_is_abstract<'h>(heap: &'h Heap, k: &'static Kind, o: &PyObject) -> PyResult<Obj<'h>> {
    let f = word(heap, k, o, 0);
    let yes = is_abstract(heap, f.object())?;
    Ok(pyrt_objects::types::long::new_bool(heap, yes))
}

static PROPERTY_MEMBERS: [Member; 5] = [
    Member {
        name: "fget",
        get: |h, o| Ok(word(h, &PROPERTY, o, prop::FGET)),
    },
    Member {
        name: "fset",
        get: |h, o| Ok(word(h, &PROPERTY, o, prop::FSET)),
    },
    Member {
        name: "fdel",
        get: |h, o| Ok(word(h, &PROPERTY, o, prop::FDEL)),
    },
    Member {
        name: "__doc__",
        get: |h, o| Ok(word(h, &PROPERTY, o, prop::DOC)),
    },
    Member {
        name: "__isabstractmethod__",
        get: property_is_abstract,
    },
];
static PROPERTY_SLOTS: Slots = descr_slots!(address_repr, &PROPERTY_MEMBERS);
static_type!(PROPERTY_TYPE, "property", 64, &PROPERTY_SLOTS);
/// `property`: getter, setter, deleter, doc and name; `getter_doc` as a number.
pub(crate) static PROPERTY: Kind = Kind::new(&PROPERTY_TYPE, 5, 1);

fn classmethod_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let k = if CLASSMETHOD.is(o) {
        &CLASSMETHOD
    } else {
        &STATICMETHOD
    };
    Ok(format!(
        "<{}({})>",
        o.ob_type().name(),
        word_repr(heap, k, o, 0)?
    ))
}

static CLASSMETHOD_MEMBERS: [Member; 3] = [
    Member {
        name: "__func__",
        get: |h, o| Ok(word(h, &CLASSMETHOD, o, 0)),
    },
    Member {
        name: "__wrapped__",
        get: |h, o| Ok(word(h, &CLASSMETHOD, o, 0)),
    },
    Member {
        name: "__isabstractmethod__",
        get: |h, o| wrapped_is_abstract(h, &CLASSMETHOD, o),
    },
];
static STATICMETHOD_MEMBERS: [Member; 3] = [
    Member {
        name: "__func__",
        get: |h, o| Ok(word(h, &STATICMETHOD, o, 0)),
    },
    Member {
        name: "__wrapped__",
        get: |h, o| Ok(word(h, &STATICMETHOD, o, 0)),
    },
    Member {
        name: "__isabstractmethod__",
        get: |h, o| wrapped_is_abstract(h, &STATICMETHOD, o),
    },
];
static CLASSMETHOD_SLOTS: Slots = descr_slots!(classmethod_repr, &CLASSMETHOD_MEMBERS);
static STATICMETHOD_SLOTS: Slots = descr_slots!(classmethod_repr, &STATICMETHOD_MEMBERS);
static_type!(CLASSMETHOD_TYPE, "classmethod", 32, &CLASSMETHOD_SLOTS);
static_type!(STATICMETHOD_TYPE, "staticmethod", 32, &STATICMETHOD_SLOTS);
/// `classmethod`: the callable and the instance dict.
pub(crate) static CLASSMETHOD: Kind = Kind::new(&CLASSMETHOD_TYPE, 2, 0);
/// `staticmethod`: the callable and the instance dict.
pub(crate) static STATICMETHOD: Kind = Kind::new(&STATICMETHOD_TYPE, 2, 0);

/// The name of a member or getset descriptor and the name of its class.
fn descr_names(heap: &Heap, o: &PyObject) -> (String, String) {
    let k = if MEMBER.is(o) { &MEMBER } else { &GETSET };
    let name = word(heap, k, o, descr::NAME);
    let name = unicode::Str::cast(name.object()).map_or_else(|| "?".into(), unicode::str_value);
    let ty = word(heap, k, o, descr::TYPE);
    let owner = pyrt_objects::types::type_object(ty.object())
        .map_or_else(|| "?".into(), |t| t.name().to_string());
    (name, owner)
}

/// `member_repr`: `<member 'x' of 'Point' objects>`.
fn member_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let (name, owner) = descr_names(heap, o);
    Ok(format!("<member '{name}' of '{owner}' objects>"))
}

/// `getset_repr`: `<attribute '__dict__' of 'P' objects>`.
fn getset_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let (name, owner) = descr_names(heap, o);
    Ok(format!("<attribute '{name}' of '{owner}' objects>"))
}

macro_rules! descr_members {
    ($kind:ident) => {
        [
            Member {
                name: "__name__",
                get: |h, o| Ok(word(h, &$kind, o, descr::NAME)),
            },
            Member {
                name: "__objclass__",
                get: |h, o| Ok(word(h, &$kind, o, descr::TYPE)),
            },
            Member {
                name: "__qualname__",
                get: |h, o| {
                    let (name, owner) = descr_names(h, o);
                    unicode::new_str(h, &format!("{owner}.{name}"))
                },
            },
            Member {
                name: "__doc__",
                get: descr_doc,
            },
        ]
    };
}

/// `__doc__` of a class's descriptors: a slot has none (`PyMemberDef.doc` is NULL for
/// `__slots__`), `__dict__` and `__weakref__` have `subtype_getsets`' docstrings.
fn descr_doc<'h>(heap: &'h Heap, o: &PyObject) -> PyResult<Obj<'h>> {
    if MEMBER.is(o) {
        return Ok(none(heap));
    }
    match descr_names(heap, o).0.as_str() {
        "__dict__" => unicode::new_str(heap, "dictionary for instance variables"),
        "__weakref__" => unicode::new_str(heap, "list of weak references to the object"),
        _ => Ok(none(heap)),
    }
}

static MEMBER_MEMBERS: [Member; 4] = descr_members!(MEMBER);
static GETSET_MEMBERS: [Member; 4] = descr_members!(GETSET);
static MEMBER_SLOTS: Slots = descr_slots!(member_repr, &MEMBER_MEMBERS);
static GETSET_SLOTS: Slots = descr_slots!(getset_repr, &GETSET_MEMBERS);
static_type!(MEMBER_TYPE, "member_descriptor", 48, &MEMBER_SLOTS);
static_type!(GETSET_TYPE, "getset_descriptor", 48, &GETSET_SLOTS);
/// The member slot index a `__slots__` descriptor reads and writes (`None` for other objects).
pub(crate) fn member_index(d: &PyObject) -> Option<usize> {
    MEMBER.cast(d).map(|t| t.get_num(0))
}
/// `member_descriptor`: a `__slots__` name (type, name, qualname; the slot's index).
pub(crate) static MEMBER: Kind = Kind::new(&MEMBER_TYPE, 3, 1);
/// `getset_descriptor`: `__dict__` or `__weakref__` of a class (type, name, qualname; 0).
pub(crate) static GETSET: Kind = Kind::new(&GETSET_TYPE, 3, 1);

/// The mapping a `mappingproxy` shows.
pub(crate) fn proxy_mapping<'h>(heap: &'h Heap, o: &PyObject) -> Option<Obj<'h>> {
    MAPPINGPROXY.cast(o).and_then(|t| t.get_ref(heap, 0))
}

fn proxy_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(format!(
        "mappingproxy({})",
        word_repr(heap, &MAPPINGPROXY, o, 0)?
    ))
}

fn proxy_str(heap: &Heap, o: &PyObject) -> PyResult<String> {
    abstract_::str(heap, word(heap, &MAPPINGPROXY, o, 0).object())
}

fn proxy_len(o: &PyObject) -> usize {
    super::objects::view_len(o)
}

/// `mappingproxy_richcompare`: the mapping compared with the other object.
fn proxy_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let m = word(heap, &MAPPINGPROXY, a, 0);
    let other = proxy_mapping(heap, b);
    let b = other.as_ref().map_or(b, Obj::object);
    abstract_::compare(heap, m.object(), b, op).map(Some)
}

static PROXY_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(proxy_len),
    concat: None,
    repeat: None,
};

static PROXY_SLOTS: Slots = Slots {
    str: Some(proxy_str),
    hash: None,
    richcompare: Some(proxy_richcompare),
    sequence: Some(&PROXY_SEQUENCE),
    ..descr_slots!(proxy_repr, &[])
};
static_type!(MAPPINGPROXY_TYPE, "mappingproxy", 24, &PROXY_SLOTS);
/// `mappingproxy`: the mapping.
pub(crate) static MAPPINGPROXY: Kind = Kind::new(&MAPPINGPROXY_TYPE, 1, 0);

/// Every kind of this module, for the interpreter objects' dealloc, traverse and clear.
pub(crate) static KINDS: [&Kind; 6] = [
    &PROPERTY,
    &CLASSMETHOD,
    &STATICMETHOD,
    &MEMBER,
    &GETSET,
    &MAPPINGPROXY,
];

/// The types of this module the `builtins` module names.
pub(crate) fn builtin_types() -> [&'static StaticType; 3] {
    [&PROPERTY_TYPE, &CLASSMETHOD_TYPE, &STATICMETHOD_TYPE]
}

/// Whether `ty` is one of this module's types (construction goes through [`construct`]).
pub(crate) fn is_descriptor_type(
    ty: &pyrt_objects::typeobj::PyTypeObject,
) -> Option<&'static Kind> {
    KINDS
        .iter()
        .copied()
        .find(|k| ptr::eq(ty, k.static_type().get()))
}

/// A new `mappingproxy` over `mapping`.
pub(crate) fn new_proxy<'h>(heap: &'h Heap, mapping: Obj<'h>) -> PyResult<Obj<'h>> {
    MAPPINGPROXY.alloc(heap, &[Some(mapping)], &[])
}

/// A new member or getset descriptor of class `ty` for `name`.
pub(crate) fn new_class_descriptor<'h>(
    heap: &'h Heap,
    kind: &'static Kind,
    ty: Obj<'h>,
    name: Obj<'h>,
    index: usize,
) -> PyResult<Obj<'h>> {
    kind.alloc(heap, &[Some(ty), Some(name), None], &[index])
}
