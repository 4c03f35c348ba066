//! `method_descriptor` (`Objects/descrobject.c`, `PyMethodDescrObject`): what `list.append`
//! is — `d_type`, `d_name`, `d_qualname`, `d_method`, `vectorcall`: 56 bytes and a GC type
//! (`sys.getsizeof` 72). Binding it to a receiver makes a
//! [`builtin_function_or_method`](crate::types::cfunction).
//!
//! A descriptor calls either a `PyMethodDef` of the object model's own types (the exceptions'
//! `__init__`, `with_traceback`) or a method of a built-in type's [method
//! table](crate::methods) (`list.append`, `str.join`: [`new_table_method_descriptor`]), found
//! by its index in the table of `d_type`. The two words CPython spends on `d_method` and
//! `vectorcall` hold which one.

use core::cell::Cell;
use core::ptr;

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::Methods;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::cfunction::{CFunction, MethodDef, new_cfunction};
use crate::types::fields::RefField;
use crate::types::unicode;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};
use crate::view::View;

/// `PyMethodDescrObject`.
#[repr(C)]
pub struct PyMethodDescrObject {
    ob_base: PyObject,
    d_type: Cell<Option<ObjPtr>>,
    d_name: RefField,
    d_qualname: RefField,
    /// `d_method` and `vectorcall`: what the descriptor calls.
    d_method: Method,
}

/// What a method descriptor calls.
#[derive(Clone, Copy)]
enum Method {
    /// A `PyMethodDef` of the object model's own types.
    Def(&'static MethodDef),
    /// The method at this index of `d_type`'s method table ([`type_methods`]).
    Table(usize),
}

/// The method table of built-in type `ty` (its `tp_methods`), for the types that have one.
pub fn type_methods(ty: &PyTypeObject) -> Option<&'static dyn Methods> {
    use crate::types::{self as t, bytes_methods, dict, float_methods, list_methods};
    use crate::types::{long_methods, range_methods, set_methods, str_methods, tuple_methods};
    let is = |s: &'static StaticType| ptr::eq(ty, s.get());
    let table: &'static dyn Methods = if is(&t::LIST_TYPE) {
        &list_methods::LIST_METHODS
    } else if is(&t::DICT_TYPE) {
        &dict::methods::DICT_METHODS
    } else if is(&t::SET_TYPE) {
        &set_methods::SET_METHODS
    } else if is(&t::FROZENSET_TYPE) {
        &set_methods::FROZENSET_METHODS
    } else if is(&t::STR_TYPE) {
        &str_methods::STR_METHODS
    } else if is(&t::TUPLE_TYPE) {
        &tuple_methods::TUPLE_METHODS
    } else if is(&t::BYTES_TYPE) {
        &bytes_methods::BYTES_METHODS
    } else if is(&t::FLOAT_TYPE) {
        &float_methods::FLOAT_METHODS
    } else if is(&t::INT_TYPE) {
        &long_methods::INT_METHODS
    } else if is(&t::range::RANGE_TYPE) {
        &range_methods::RANGE_METHODS
    } else if is(&t::COMPLEX_TYPE) {
        &t::complex_methods::COMPLEX_METHODS
    } else if is(&t::bytearray::BYTEARRAY_TYPE) {
        &t::bytearray_methods::BYTEARRAY_METHODS
    } else if is(&t::memoryview::MEMORYVIEW_TYPE) {
        &t::memoryview_methods::MEMORYVIEW_METHODS
    } else if is(&t::array::ARRAY_TYPE) {
        &t::array_methods::ARRAY_METHODS
    } else if is(&t::random::RANDOM_TYPE) {
        &t::random_methods::RANDOM_METHODS
    } else if is(&t::deque::DEQUE_TYPE) {
        &t::deque::methods::DEQUE_METHODS
    } else {
        return None;
    };
    Some(table)
}

const _: () = assert!(size_of::<PyMethodDescrObject>() == 56);

/// Whether `o` is a method descriptor (`PyMethodDescr_Type`).
pub fn is_method_descriptor(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), METHOD_DESCRIPTOR_TYPE.get())
}

crate::view! {
    /// A method descriptor (`list.append`).
    pub struct MethodDescr: "method_descriptor" = is_method_descriptor;
}

/// Whether `o` is a class method descriptor (`PyClassMethodDescr_Type`: `dict.__dict__
/// ['fromkeys']`), which has a method descriptor's layout.
pub fn is_classmethod_descriptor(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), CLASSMETHOD_DESCRIPTOR_TYPE.get())
}

crate::view! {
    /// A class method descriptor of a built-in type's method table (`dict.fromkeys` as the
    /// type's dict holds it). The interpreter calls it: `descr(T, *args)` is `T.name(*args)`.
    pub struct ClassMethodDescr: "classmethod_descriptor" = is_classmethod_descriptor;
}

impl ClassMethodDescr {
    /// The descriptor as a method descriptor (the same layout and fields).
    fn as_method(&self) -> &MethodDescr {
        slot_self(self.as_object())
    }

    /// The method's name (`fromkeys`).
    pub fn name(&self) -> &'static str {
        self.as_method().name()
    }

    /// The owning type (`__objclass__`).
    pub fn objclass<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        self.as_method().objclass(heap)
    }
}

/// `dict.__dict__['fromkeys']`: a tracked class method descriptor of the method `name` in
/// static type `ty`'s method table; `None` when the table has no such method.
///
/// # Errors
/// `MemoryError`.
pub fn new_table_classmethod_descriptor<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    new_table_descriptor(heap, ty, name, &CLASSMETHOD_DESCRIPTOR_TYPE)
}

/// `o`, a method or class method descriptor (both `PyMethodDescrObject`s: the slots of the
/// two types are only called on their instances), read through the method descriptor's view.
fn slot_self(o: &PyObject) -> &MethodDescr {
    assert!(
        is_method_descriptor(o) || is_classmethod_descriptor(o),
        "a method descriptor's body"
    );
    // SAFETY: `MethodDescr` is `repr(transparent)` over `PyObject`, and both types' objects
    // are `PyMethodDescrObject`s (checked above), which is all its methods read.
    unsafe { &*ptr::from_ref(o).cast::<MethodDescr>() }
}

fn header(d: &MethodDescr) -> &PyMethodDescrObject {
    // SAFETY: the view guarantees a `PyMethodDescrObject`.
    unsafe { &*ptr::from_ref(d).cast::<PyMethodDescrObject>() }
}

/// `PyDescr_NewMethod(type, method)`: a tracked descriptor of `def` in the type `ty`.
///
/// # Errors
/// `MemoryError`.
pub fn new_method_descriptor<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    def: &'static MethodDef,
) -> PyResult<Obj<'h>> {
    new_descriptor(
        heap,
        ty,
        def.name,
        Method::Def(def),
        &METHOD_DESCRIPTOR_TYPE,
    )
}

/// `list.append`: a tracked descriptor of the method called `name` in static type `ty`'s
/// method table ([`type_methods`]); `None` when the table has no such method.
///
/// # Errors
/// `MemoryError`.
pub fn new_table_method_descriptor<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
) -> PyResult<Option<Obj<'h>>> {
    new_table_descriptor(heap, ty, name, &METHOD_DESCRIPTOR_TYPE)
}

/// A descriptor of type `kind` for the method `name` of static type `ty`'s table; `None`
/// when the table has no such method.
fn new_table_descriptor<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &str,
    kind: &'static StaticType,
) -> PyResult<Option<Obj<'h>>> {
    let Some(table) = type_methods(ty) else {
        return Ok(None);
    };
    let Some(index) = table.index_of(name) else {
        return Ok(None);
    };
    let name = table.name_at(index).unwrap_or_default();
    new_descriptor(heap, ty, name, Method::Table(index), kind).map(Some)
}

fn new_descriptor<'h>(
    heap: &'h Heap,
    ty: &PyTypeObject,
    name: &'static str,
    method: Method,
    kind: &'static StaticType,
) -> PyResult<Obj<'h>> {
    let name = unicode::new_str(heap, name)?;
    let name = unicode::intern(heap, name)?;
    let ty_obj = &ty.ob_base.ob_base;
    ty_obj.incref();
    let op = heap.alloc_object(kind.get(), size_of::<PyMethodDescrObject>())?;
    // SAFETY: a fresh body with the header `alloc_object` wrote; the descriptor owns the type
    // reference taken above.
    unsafe {
        op.cast::<PyMethodDescrObject>().write(PyMethodDescrObject {
            ob_base: PyObject::new(kind.ptr()),
            d_type: Cell::new(Some(ptr::NonNull::from(ty_obj))),
            d_name: RefField::new(Some(name)),
            d_qualname: RefField::new(None),
            d_method: method,
        });
        let d = Obj::from_owned(heap, op);
        heap.track(d.object());
        Ok(d)
    }
}

impl MethodDescr {
    /// The method's name (`append`).
    pub fn name(&self) -> &'static str {
        match header(self).d_method {
            Method::Def(def) => def.name,
            Method::Table(i) => self.table().and_then(|t| t.name_at(i)).unwrap_or("?"),
        }
    }

    /// The method table of the owning type, for a descriptor of a table's method.
    fn table(&self) -> Option<&'static dyn Methods> {
        let p = header(self).d_type.get()?;
        // SAFETY: the descriptor holds a reference to its type.
        crate::types::type_object(unsafe { p.as_ref() }).and_then(type_methods)
    }

    /// `__objclass__` (`d_type`).
    pub fn objclass<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        match header(self).d_type.get() {
            // SAFETY: the descriptor holds a reference to its type.
            Some(p) => unsafe { Obj::from_borrowed(heap, p.as_ref()) },
            None => none(heap),
        }
    }

    /// The owning type's name.
    fn type_name(&self) -> String {
        match header(self).d_type.get() {
            // SAFETY: the descriptor holds a reference to its type.
            Some(p) => crate::types::type_object(unsafe { p.as_ref() })
                .map_or_else(|| "?".into(), |t| t.name().to_string()),
            None => "?".into(),
        }
    }

    /// `descr.__get__(obj)`: the bound built-in method (`<built-in method append of list
    /// object at 0x…>`).
    ///
    /// # Errors
    /// `TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object`;
    /// a descriptor of a table's method is not bound here (the interpreter binds those).
    pub fn bind<'h>(&self, heap: &'h Heap, obj: Obj<'h>) -> PyResult<Obj<'h>> {
        self.check_receiver(heap, obj.object())?;
        match header(self).d_method {
            Method::Def(def) => new_cfunction(heap, def, Some(obj), None),
            Method::Table(_) => Err(PyErr::type_error(format!(
                "pyrt cannot bind the method descriptor {}.{} yet",
                self.type_name(),
                self.name()
            ))),
        }
    }

    /// `descr_check`: `obj` must be an instance of the owning type.
    fn check_receiver(&self, heap: &Heap, obj: &PyObject) -> PyResult<()> {
        let objclass = self.objclass(heap);
        let fits = crate::types::type_object(objclass.object())
            .is_some_and(|t| obj.ob_type().is_subtype(t));
        if fits {
            Ok(())
        } else {
            Err(crate::view::descriptor_error(
                self.name(),
                &self.type_name(),
                obj,
            ))
        }
    }

    /// `descr(obj, *args, **kwargs)`: the method called on `obj` (`list.append(l, 1)`).
    ///
    /// # Errors
    /// As [`MethodDescr::bind`]; `TypeError: unbound method list.append() needs an argument`
    /// without a receiver; what the call raises.
    pub fn call<'h>(
        &self,
        heap: &'h Heap,
        args: &[Obj<'h>],
        kwargs: &[(String, Obj<'h>)],
    ) -> PyResult<Obj<'h>> {
        let Some((first, rest)) = args.split_first() else {
            return Err(PyErr::type_error(format!(
                "unbound method {}.{}() needs an argument",
                self.type_name(),
                self.name()
            )));
        };
        if let Method::Table(_) = header(self).d_method {
            self.check_receiver(heap, first.object())?;
            let table = self.table().ok_or_else(crate::view::bad_internal_call)?;
            return table
                .call(heap, first.object(), self.name(), rest, kwargs)
                .unwrap_or_else(|| Err(crate::view::bad_internal_call()));
        }
        let bound = self.bind(heap, first.clone())?;
        CFunction::cast_internal(bound.object())?.call(heap, rest, kwargs)
    }
}

/// `method_repr`: `<method 'append' of 'list' objects>`.
fn descr_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let d = slot_self(o);
    Ok(format!(
        "<method '{}' of '{}' objects>",
        d.name(),
        d.type_name()
    ))
}

/// `descr_traverse`: `d_type`.
fn descr_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    if let Some(t) = header(slot_self(o)).d_type.get() {
        visit(t);
    }
}

/// `descr_dealloc`: the type, the names, the memory.
unsafe fn descr_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead descriptor of this heap; each reference is released once.
    unsafe {
        let h = &*op.cast::<PyMethodDescrObject>().as_ptr();
        heap.untrack(op.as_ref());
        if let Some(t) = h.d_type.take() {
            heap.decref(t);
        }
        h.d_name.clear(heap);
        h.d_qualname.clear(heap);
        let kind = if is_classmethod_descriptor(op.as_ref()) {
            &CLASSMETHOD_DESCRIPTOR_TYPE
        } else {
            &METHOD_DESCRIPTOR_TYPE
        };
        heap.free_object(op, kind.get());
    }
}

static DESCR_MEMBERS: [Member; 3] = [
    Member {
        name: "__name__",
        get: |h, o| unicode::new_str(h, slot_self(o).name()),
    },
    Member {
        name: "__qualname__",
        get: |h, o| {
            let d = slot_self(o);
            unicode::new_str(h, &format!("{}.{}", d.type_name(), d.name()))
        },
    },
    Member {
        name: "__objclass__",
        get: |h, o| Ok(slot_self(o).objclass(h)),
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

/// `method_descriptor`: 56 bytes, a GC type.
pub static METHOD_DESCRIPTOR_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "method_descriptor",
        basicsize: size_of::<PyMethodDescrObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &DESCR_SLOTS,
    },
);

/// `classmethod_descriptor`: a method descriptor's layout and slots, another type.
pub static CLASSMETHOD_DESCRIPTOR_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "classmethod_descriptor",
        basicsize: size_of::<PyMethodDescrObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &DESCR_SLOTS,
    },
);
