//! `module` (`Objects/moduleobject.c`): `PyModuleObject` — `md_dict` (`tp_dictoffset` 16),
//! `md_def`, `md_state`, `md_weaklist` (40) and `md_name` — 56 bytes and a GC type, so
//! `sys.getsizeof` of a module is 72.
//!
//! [`new_module`] is `PyModule_NewObject`: a fresh namespace holding `__name__`, `__doc__`
//! (`None`), `__package__`, `__loader__` and `__spec__` (`None`), in that order, and `md_name`
//! when the name is an exact str. Python-defined modules have no `md_def` or `md_state`; the
//! words are kept (zero) for the size. Traversal visits the dict, clearing drops it, as
//! `module_traverse` and `module_clear` do for a module without a definition.

use core::cell::Cell;
use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::dict::{self, Dict};
use crate::types::fields::RefField;
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `PyModuleObject`.
#[repr(C)]
pub struct PyModuleObject {
    ob_base: PyObject,
    md_dict: RefField,
    /// `md_def`: NULL for modules made by Python code.
    md_def: usize,
    /// `md_state`: NULL for modules made by Python code.
    md_state: usize,
    md_weaklist: Cell<Option<ObjPtr>>,
    md_name: RefField,
}

const _: () = {
    assert!(size_of::<PyModuleObject>() == 56);
    assert!(core::mem::offset_of!(PyModuleObject, md_weaklist) == 40);
};

/// Whether `o` is a module (`PyModule_CheckExact`: subclasses of `module` are not made here).
pub fn is_module(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), MODULE_TYPE.get())
}

crate::view! {
    /// A module (`PyModule_Check`).
    pub struct Module: "module" = is_module;
}

fn slot_self(o: &PyObject) -> &Module {
    // SAFETY: the module type's slots are only called on modules.
    unsafe { Module::cast_unchecked(o) }
}

fn header(m: &Module) -> &PyModuleObject {
    // SAFETY: the view guarantees a module, which starts with a `PyModuleObject`.
    unsafe { &*ptr::from_ref(m).cast::<PyModuleObject>() }
}

/// An interned str key (CPython's `_Py_ID`).
fn key<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    unicode::intern(heap, unicode::new_str(heap, text)?)
}

/// `PyModule_NewObject(name)`: a tracked module with its namespace initialised
/// (`module_init_dict`).
///
/// # Errors
/// `MemoryError`, or what hashing the name raises.
pub fn new_module<'h>(heap: &'h Heap, name: Obj<'h>) -> PyResult<Obj<'h>> {
    let d = dict::new_dict(heap)?;
    let dv = Dict::cast_internal(d.object())?;
    dict::set_item(heap, dv, key(heap, "__name__")?, name.clone())?;
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        dict::set_item(heap, dv, key(heap, k)?, none(heap))?;
    }
    let md_name = ptr::eq(name.ob_type(), crate::types::STR_TYPE.get()).then_some(name);
    let op = heap.alloc_object(MODULE_TYPE.get(), size_of::<PyModuleObject>())?;
    // SAFETY: a fresh module body with the header `alloc_object` wrote; complete before it is
    // tracked.
    unsafe {
        op.cast::<PyModuleObject>().write(PyModuleObject {
            ob_base: PyObject::new(MODULE_TYPE.ptr()),
            md_dict: RefField::new(Some(d)),
            md_def: 0,
            md_state: 0,
            md_weaklist: Cell::new(None),
            md_name: RefField::new(md_name),
        });
        let m = Obj::from_owned(heap, op);
        heap.track(m.object());
        Ok(m)
    }
}

impl Module {
    /// `__dict__` (`PyModule_GetDict`); an empty dict if the module was cleared.
    pub fn dict<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        match header(self).md_dict.get(heap) {
            Some(d) => d,
            None => {
                let d = dict::new_dict(heap);
                match d {
                    Ok(d) => {
                        header(self).md_dict.set(heap, Some(d.clone()));
                        d
                    }
                    Err(_) => none(heap),
                }
            }
        }
    }

    /// `md_name`: the name given at creation when it was an exact str.
    pub fn md_name<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).md_name.get(heap)
    }
}

/// `module_repr` as importlib's `_module_repr` words it for a module without a loader or
/// spec: `<module 'm' from 'path'>` with a str `__file__`, else `<module 'm'>`.
fn module_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let m = slot_self(o);
    let d = m.dict(heap);
    let text = |k: &str| -> PyResult<Option<String>> {
        let Some(d) = Dict::cast(d.object()) else {
            return Ok(None);
        };
        let v = crate::types::function::dict_get_str(heap, d, k)?;
        Ok(v.and_then(|v| Str::cast(v.object()).map(unicode::str_value)))
    };
    let name = text("__name__")?.unwrap_or_else(|| "?".into());
    Ok(match text("__file__")? {
        Some(file) => format!("<module '{name}' from '{file}'>"),
        None => format!("<module '{name}'>"),
    })
}

fn module_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    header(slot_self(o)).md_dict.visit(visit);
}

fn module_clear(heap: &Heap, o: &PyObject) {
    header(slot_self(o)).md_dict.clear(heap);
}

/// `module_dealloc`: the weak references, the dict, the name, the memory.
unsafe fn module_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead module of this heap (untracked by the heap).
    unsafe {
        let m = &*op.cast::<PyModuleObject>().as_ptr();
        if m.md_weaklist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        }
        m.md_dict.clear(heap);
        m.md_name.clear(heap);
        heap.free_object(op, MODULE_TYPE.get());
    }
}

static MODULE_MEMBERS: [Member; 1] = [Member {
    name: "__dict__",
    get: |h, o| Ok(slot_self(o).dict(h)),
}];

static MODULE_SLOTS: Slots = Slots {
    dealloc: module_dealloc,
    sizeof: None,
    repr: module_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(module_traverse),
    clear: Some(module_clear),
    members: &MODULE_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `module`: 56 bytes, a GC type, weak references at 40 (not subclassable here yet).
pub static MODULE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "module",
        basicsize: size_of::<PyModuleObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &MODULE_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyModuleObject, md_weaklist));
