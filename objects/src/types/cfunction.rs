//! `builtin_function_or_method` (`Objects/methodobject.c`, `PyCFunctionObject`): the objects
//! that `len` and `[].append` are; `list.append` is a `method_descriptor`
//! ([`descrobject`](crate::types::descrobject)).
//!
//! ```text
//!  PyCFunctionObject (56, GC: getsizeof 72)     PyMethodDescrObject (56, GC: getsizeof 72)
//!  16 m_ml ──► &'static MethodDef              16 d_type (a type, counted)
//!  24 m_self (NULL, a module, or the receiver)  24 d_name (str)
//!  32 m_module (`__module__`)                   32 d_qualname (NULL until asked)
//!  40 m_weakreflist (tp_weaklistoffset 40)      40 d_method ──► &'static MethodDef
//!  48 vectorcall (opaque to the object layer)   48 vectorcall
//! ```
//!
//! A [`MethodDef`] is `PyMethodDef`: the name, the owner type's name for argument errors
//! (`BaseException.with_traceback() takes exactly one argument (0 given)`), how it takes its
//! arguments ([`Params`], whose binding gives CPython's messages) and the Rust function.
//! Both objects are tracked by the collector, as CPython's are.

use core::cell::Cell;
use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, Params};
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::unicode;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// The implementation of a built-in: the receiver (`m_self`, `None` for a function without
/// one) and the arguments bound by [`Params`].
pub type CFunctionImpl = for<'h> fn(&'h Heap, &PyObject, Bound<'_, 'h>) -> PyResult<Obj<'h>>;

/// `PyMethodDef`.
pub struct MethodDef {
    /// `ml_name`.
    pub name: &'static str,
    /// The type that defines it, for argument errors (`""` for a module function).
    pub owner: &'static str,
    /// How it takes its arguments (`ml_flags`).
    pub params: Params,
    /// `ml_meth`.
    pub call: CFunctionImpl,
    /// `ml_doc`.
    pub doc: Option<&'static str>,
}

/// `PyCFunctionObject`.
#[repr(C)]
pub struct PyCFunctionObject {
    ob_base: PyObject,
    m_ml: &'static MethodDef,
    m_self: RefField,
    m_module: RefField,
    m_weakreflist: Cell<Option<ObjPtr>>,
    /// `vectorcall`: opaque to the object layer.
    vectorcall: Cell<usize>,
}

const _: () = {
    assert!(size_of::<PyCFunctionObject>() == 56);
    assert!(core::mem::offset_of!(PyCFunctionObject, m_weakreflist) == 40);
};

/// Whether `o` is a built-in function or method (`PyCFunction_Check`).
pub fn is_cfunction(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), CFUNCTION_TYPE.get())
}

crate::view! {
    /// A built-in function or method (`PyCFunction_Check`).
    pub struct CFunction: "builtin_function_or_method" = is_cfunction;
}

fn slot_self(o: &PyObject) -> &CFunction {
    // SAFETY: the type's slots are only called on its instances (no subclasses).
    unsafe { CFunction::cast_unchecked(o) }
}

fn header(f: &CFunction) -> &PyCFunctionObject {
    // SAFETY: the view guarantees a `PyCFunctionObject`.
    unsafe { &*ptr::from_ref(f).cast::<PyCFunctionObject>() }
}

/// `PyCFunction_NewEx(ml, self, module)`: a tracked built-in function (`self` `None` or a
/// module) or method (`self` the receiver).
///
/// # Errors
/// `MemoryError`.
pub fn new_cfunction<'h>(
    heap: &'h Heap,
    def: &'static MethodDef,
    self_: Option<Obj<'h>>,
    module: Option<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let op = heap.alloc_object(CFUNCTION_TYPE.get(), size_of::<PyCFunctionObject>())?;
    // SAFETY: a fresh body with the header `alloc_object` wrote; complete before tracking.
    unsafe {
        op.cast::<PyCFunctionObject>().write(PyCFunctionObject {
            ob_base: PyObject::new(CFUNCTION_TYPE.ptr()),
            m_ml: def,
            m_self: RefField::new(self_),
            m_module: RefField::new(module),
            m_weakreflist: Cell::new(None),
            vectorcall: Cell::new(0),
        });
        let f = Obj::from_owned(heap, op);
        heap.track(f.object());
        Ok(f)
    }
}

impl CFunction {
    /// `m_ml`.
    pub fn def(&self) -> &'static MethodDef {
        header(self).m_ml
    }

    /// `__self__` (`m_self`; `None` when NULL).
    pub fn self_<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self).m_self.get(heap).unwrap_or_else(|| none(heap))
    }

    /// `__module__` (`m_module`; `None` when NULL).
    pub fn module<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self)
            .m_module
            .get(heap)
            .unwrap_or_else(|| none(heap))
    }

    /// The `vectorcall` word.
    pub fn vectorcall(&self) -> usize {
        header(self).vectorcall.get()
    }

    /// Sets the `vectorcall` word.
    pub fn set_vectorcall(&self, v: usize) {
        header(self).vectorcall.set(v);
    }

    /// Whether it is a function (no receiver, or a module: `<built-in function len>`).
    pub fn is_function(&self) -> bool {
        header(self)
            .m_self
            .ptr()
            // SAFETY: the field holds a live object.
            .is_none_or(|p| crate::types::module::is_module(unsafe { p.as_ref() }))
    }

    /// `__qualname__`: the name, or `Type.name` for a method (`ValueError.with_traceback`).
    pub fn qualname(&self, heap: &Heap) -> String {
        let name = self.def().name;
        if self.is_function() {
            return name.to_string();
        }
        let me = self.self_(heap);
        let ty = crate::types::type_object(me.object()).unwrap_or(me.ob_type());
        format!("{}.{name}", ty.name())
    }

    /// `f(*args, **kwargs)`: the arguments bound by the definition's [`Params`], with
    /// CPython's messages, then the implementation.
    ///
    /// # Errors
    /// `TypeError` for arguments that do not fit; what the implementation raises.
    pub fn call<'h>(
        &self,
        heap: &'h Heap,
        args: &[Obj<'h>],
        kwargs: &[(String, Obj<'h>)],
    ) -> PyResult<Obj<'h>> {
        let def = self.def();
        let bound = match def.params {
            // `*args, **kwargs` as they come: keyword names become objects here.
            Params::VarKeywords => crate::methods::bind_var_keywords(heap, args, kwargs)?,
            params => crate::methods::bind(def.owner, def.name, params, args, kwargs)?,
        };
        let me = self.self_(heap);
        (def.call)(heap, me.object(), &bound)
    }
}

/// `meth_repr`: `<built-in function len>`, `<built-in method append of list object at 0x…>`.
fn cfunction_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let f = slot_self(o);
    let name = f.def().name;
    if f.is_function() {
        return Ok(format!("<built-in function {name}>"));
    }
    let me = f.self_(heap);
    Ok(format!(
        "<built-in method {name} of {} object at {:#x}>",
        me.ob_type().name(),
        ptr::from_ref(me.object()).addr()
    ))
}

/// `meth_traverse`: `m_self`, `m_module`.
fn cfunction_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let h = header(slot_self(o));
    h.m_self.visit(visit);
    h.m_module.visit(visit);
}

/// `meth_dealloc`: weak references, `m_self`, `m_module`, the memory.
unsafe fn cfunction_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead built-in of this heap; each field is released once.
    unsafe {
        let h = &*op.cast::<PyCFunctionObject>().as_ptr();
        heap.untrack(op.as_ref());
        if h.m_weakreflist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        }
        h.m_self.clear(heap);
        h.m_module.clear(heap);
        heap.free_object(op, CFUNCTION_TYPE.get());
    }
}

static CFUNCTION_MEMBERS: [Member; 4] = [
    Member {
        name: "__name__",
        get: |h, o| unicode::new_str(h, slot_self(o).def().name),
    },
    Member {
        name: "__qualname__",
        get: |h, o| unicode::new_str(h, &slot_self(o).qualname(h)),
    },
    Member {
        name: "__self__",
        get: |h, o| Ok(slot_self(o).self_(h)),
    },
    Member {
        name: "__module__",
        get: |h, o| Ok(slot_self(o).module(h)),
    },
];

static CFUNCTION_SLOTS: Slots = Slots {
    dealloc: cfunction_dealloc,
    sizeof: None,
    repr: cfunction_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(cfunction_traverse),
    clear: None,
    members: &CFUNCTION_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `builtin_function_or_method`: 56 bytes, a GC type, weak references at 40.
pub static CFUNCTION_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "builtin_function_or_method",
        basicsize: size_of::<PyCFunctionObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &CFUNCTION_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyCFunctionObject, m_weakreflist));
