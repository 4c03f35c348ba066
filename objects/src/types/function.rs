//! `function` (`Objects/funcobject.c`, `Include/cpython/funcobject.h`): the 3.12
//! `PyFunctionObject`, 144 bytes and a GC type, so `sys.getsizeof(f)` is 160.
//!
//! | offset | field |
//! |---|---|
//! | 16 | `func_globals`, `func_builtins`, `func_name`, `func_qualname`, `func_code`, `func_defaults`, `func_kwdefaults`, `func_closure` |
//! | 80 | `func_doc`, `func_dict` (`tp_dictoffset` 88), `func_weakreflist` (96) |
//! | 104 | `func_module`, `func_annotations`, `func_typeparams`, `vectorcall` |
//! | 136 | `func_version` (u32) |
//!
//! [`new_function`] is `PyFunction_NewWithQualName`: the name is the code's `co_name`, the
//! qualified name the code's `co_qualname` unless given, `__doc__` the first constant when it
//! is a str (else `None`), `__module__` `globals['__name__']`, and the builtins
//! `globals['__builtins__']` (a module's dict for a module) or the interpreter's. Setting
//! `__code__`, `__defaults__`, `__kwdefaults__` or `__annotations__` resets `func_version`,
//! which the VM assigns for its specializer.
//!
//! Traversal and clearing follow `func_traverse` and `func_clear`: `func_clear` keeps the code,
//! and replaces the name and qualified name by `''` (they are never NULL).

use core::cell::Cell;
use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::code::Code;
use crate::types::dict::{self, Dict};
use crate::types::fields::RefField;
use crate::types::tuple::{self, Tuple};
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `PyFunctionObject`.
#[repr(C)]
pub struct PyFunctionObject {
    ob_base: PyObject,
    func_globals: RefField,
    func_builtins: RefField,
    func_name: RefField,
    func_qualname: RefField,
    func_code: RefField,
    func_defaults: RefField,
    func_kwdefaults: RefField,
    func_closure: RefField,
    func_doc: RefField,
    func_dict: RefField,
    func_weakreflist: Cell<Option<ObjPtr>>,
    func_module: RefField,
    func_annotations: RefField,
    func_typeparams: RefField,
    /// `vectorcall`: opaque to the object layer (0: the VM's default, `_PyFunction_Vectorcall`).
    vectorcall: Cell<usize>,
    func_version: Cell<u32>,
}

const _: () = {
    assert!(size_of::<PyFunctionObject>() == 144);
    assert!(core::mem::offset_of!(PyFunctionObject, func_dict) == 88);
    assert!(core::mem::offset_of!(PyFunctionObject, func_weakreflist) == 96);
    assert!(core::mem::offset_of!(PyFunctionObject, func_version) == 136);
};

/// Whether `o` is a function (`PyFunction_Check`; `function` cannot be subclassed).
pub fn is_function(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), FUNCTION_TYPE.get())
}

crate::view! {
    /// A Python function (`PyFunction_Check`).
    pub struct Function: "function" = is_function;
}

fn slot_self(o: &PyObject) -> &Function {
    // SAFETY: the function type's slots are only called on functions (no subclasses).
    unsafe { Function::cast_unchecked(o) }
}

fn header(f: &Function) -> &PyFunctionObject {
    // SAFETY: the view guarantees a function, which starts with a `PyFunctionObject`.
    unsafe { &*ptr::from_ref(f).cast::<PyFunctionObject>() }
}

/// `d[key]` for a str key, `None` when missing.
pub(crate) fn dict_get_str<'h>(heap: &'h Heap, d: &Dict, key: &str) -> PyResult<Option<Obj<'h>>> {
    let k = unicode::new_str(heap, key)?;
    dict::get_item(heap, d, k.object())
}

/// `_PyEval_BuiltinsFromGlobals`: `globals['__builtins__']` (a module's dict when it is a
/// module), else `default`. A value that is neither a dict nor a module of this layer (the
/// interpreter's `builtins` module, whose dict is `default`) gives `default`.
fn builtins_from_globals<'h>(
    heap: &'h Heap,
    globals: &Dict,
    default: Obj<'h>,
) -> PyResult<Obj<'h>> {
    match dict_get_str(heap, globals, "__builtins__")? {
        Some(b) => match crate::types::module::Module::cast(b.object()) {
            Some(m) => Ok(m.dict(heap)),
            None if dict::is_dict(b.object()) => Ok(b),
            None => Ok(default),
        },
        None => Ok(default),
    }
}

/// `PyFunction_NewWithQualName(code, globals, qualname)`: a tracked function with no defaults,
/// closure, annotations or dict.
///
/// # Errors
/// `TypeError: expected code, got 'int'` / `expected dict, got ...` for a wrong code or
/// globals, `MemoryError`.
pub fn new_function<'h>(
    heap: &'h Heap,
    code: &PyObject,
    globals: &PyObject,
    qualname: Option<Obj<'h>>,
    default_builtins: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let c = <Code as crate::View>::cast_or_else(code, |t| format!("expected code, got '{t}'"))?;
    let g = <Dict as crate::View>::cast_or_else(globals, |t| format!("expected dict, got '{t}'"))?;
    // SAFETY: the caller holds `code` and `globals`, live objects of this heap.
    let (code, globals) = unsafe {
        (
            Obj::from_borrowed(heap, code),
            Obj::from_borrowed(heap, globals),
        )
    };
    // SAFETY: the code object holds its name, qualified name and constants.
    let name = unsafe { Obj::from_borrowed(heap, c.name()) };
    let qualname = match qualname {
        Some(q) => q,
        // SAFETY: as above.
        None => unsafe { Obj::from_borrowed(heap, c.qualname()) },
    };
    let doc = match tuple::items(c.consts()).first() {
        // SAFETY: an item of the code's constants.
        Some(&d) if Str::cast(unsafe { d.as_ref() }).is_some() => unsafe {
            Obj::from_borrowed(heap, d.as_ref())
        },
        _ => none(heap),
    };
    let module = dict_get_str(heap, g, "__name__")?;
    let builtins = builtins_from_globals(heap, g, default_builtins)?;
    let op = heap.alloc_object(FUNCTION_TYPE.get(), size_of::<PyFunctionObject>())?;
    // SAFETY: a fresh function body with the header `alloc_object` wrote; complete before it
    // is tracked.
    unsafe {
        op.cast::<PyFunctionObject>().write(PyFunctionObject {
            ob_base: PyObject::new(FUNCTION_TYPE.ptr()),
            func_globals: RefField::new(Some(globals)),
            func_builtins: RefField::new(Some(builtins)),
            func_name: RefField::new(Some(name)),
            func_qualname: RefField::new(Some(qualname)),
            func_code: RefField::new(Some(code)),
            func_defaults: RefField::new(None),
            func_kwdefaults: RefField::new(None),
            func_closure: RefField::new(None),
            func_doc: RefField::new(Some(doc)),
            func_dict: RefField::new(None),
            func_weakreflist: Cell::new(None),
            func_module: RefField::new(module),
            func_annotations: RefField::new(None),
            func_typeparams: RefField::new(None),
            vectorcall: Cell::new(0),
            func_version: Cell::new(0),
        });
        let f = Obj::from_owned(heap, op);
        heap.track(f.object());
        Ok(f)
    }
}

impl Function {
    /// `__code__`.
    pub fn code<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        required(heap, &header(self).func_code)
    }

    /// The code, borrowed: valid until `__code__` is replaced, which the caller must not let
    /// happen (run no Python code) while it uses the view.
    #[inline]
    pub fn code_view(&self) -> Option<&Code> {
        let p = header(self).func_code.ptr()?;
        // SAFETY: the function holds a reference to its code; `set_code` is the only writer,
        // and the callers (the VM's call path) do not run Python code while they hold this.
        Code::cast(unsafe { &*p.as_ptr() })
    }

    /// The defaults tuple, borrowed (see [`Function::code_view`] for the borrow's contract).
    #[inline]
    pub fn defaults_view(&self) -> Option<&Tuple> {
        let p = header(self).func_defaults.ptr()?;
        // SAFETY: as in `code_view`: the function holds it, and the caller does not let
        // `__defaults__` be replaced while it uses the view.
        Tuple::cast(unsafe { &*p.as_ptr() })
    }

    /// `__globals__` as a borrowed pointer (for a frame's `f_globals`).
    #[inline]
    pub fn globals_ptr(&self) -> Option<ObjPtr> {
        header(self).func_globals.ptr()
    }

    /// `__builtins__` as a borrowed pointer (for a frame's `f_builtins`).
    #[inline]
    pub fn builtins_ptr(&self) -> Option<ObjPtr> {
        header(self).func_builtins.ptr()
    }

    /// `__globals__`.
    pub fn globals<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_globals.get(heap)
    }

    /// `__builtins__`.
    pub fn builtins<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_builtins.get(heap)
    }

    /// `__name__`.
    pub fn name<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        required(heap, &header(self).func_name)
    }

    /// `__qualname__`.
    pub fn qualname<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        required(heap, &header(self).func_qualname)
    }

    /// `__defaults__` (`None`: no defaults).
    pub fn defaults<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_defaults.get(heap)
    }

    /// `__kwdefaults__`.
    pub fn kwdefaults<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_kwdefaults.get(heap)
    }

    /// `__closure__`: a tuple of cells, or `None`.
    pub fn closure<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_closure.get(heap)
    }

    /// `__doc__`.
    pub fn doc<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_doc.get(heap)
    }

    /// `__module__`.
    pub fn module<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_module.get(heap)
    }

    /// `__annotations__` as stored (`None` until set).
    pub fn annotations<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_annotations.get(heap)
    }

    /// `__type_params__` as stored.
    pub fn typeparams<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_typeparams.get(heap)
    }

    /// `__dict__`, made on first use (`PyObject_GenericGetDict`).
    ///
    /// # Errors
    /// `MemoryError`.
    pub fn dict<'h>(&self, heap: &'h Heap) -> PyResult<Obj<'h>> {
        let field = &header(self).func_dict;
        if let Some(d) = field.get(heap) {
            return Ok(d);
        }
        let d = dict::new_dict(heap)?;
        field.set(heap, Some(d.clone()));
        Ok(d)
    }

    /// `f.__dict__ = d` (the caller checked that `d` is a dict).
    pub fn set_dict<'h>(&self, heap: &'h Heap, d: Obj<'h>) {
        header(self).func_dict.set(heap, Some(d));
    }

    /// The instance dict if it was made (without making it).
    pub fn dict_if_made<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).func_dict.get(heap)
    }

    /// `func_version` (0: none assigned).
    pub fn version(&self) -> u32 {
        header(self).func_version.get()
    }

    /// Sets `func_version` (the VM's `_PyFunction_GetVersionForCurrentState`).
    pub fn set_version(&self, v: u32) {
        header(self).func_version.set(v);
    }

    /// The `vectorcall` word (opaque to the object layer).
    pub fn vectorcall(&self) -> usize {
        header(self).vectorcall.get()
    }

    /// Sets the `vectorcall` word; resets the version as `_PyFunction_SetVectorcall` does.
    pub fn set_vectorcall(&self, v: usize) {
        header(self).func_version.set(0);
        header(self).vectorcall.set(v);
    }

    /// `f.__code__ = code` (`func_set_code`): the code must have as many free variables.
    ///
    /// # Errors
    /// `TypeError: __code__ must be set to a code object`, `ValueError: f() requires a code
    /// object with 1 free vars, not 0`.
    pub fn set_code<'h>(&self, heap: &'h Heap, code: Obj<'h>) -> PyResult<()> {
        let Some(new) = Code::cast(code.object()) else {
            return Err(PyErr::type_error("__code__ must be set to a code object"));
        };
        let nclosure = self
            .closure(heap)
            .and_then(|c| Tuple::cast(c.object()).map(tuple::tuple_len))
            .unwrap_or(0) as i32;
        if new.nfreevars() != nclosure {
            let name = unicode::str_value(Str::cast_internal(self.name(heap).object())?);
            return Err(PyErr::new(
                ExcKind::ValueError,
                format!(
                    "{name}() requires a code object with {nclosure} free vars, not {}",
                    new.nfreevars()
                ),
            ));
        }
        header(self).func_version.set(0);
        header(self).func_code.set(heap, Some(code));
        Ok(())
    }

    /// `f.__defaults__ = value` (`None` removes them).
    ///
    /// # Errors
    /// `TypeError: __defaults__ must be set to a tuple object`.
    pub fn set_defaults<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) -> PyResult<()> {
        let value = none_or(
            heap,
            value,
            |v| Tuple::cast(v).is_some(),
            "__defaults__ must be set to a tuple object",
        )?;
        header(self).func_version.set(0);
        header(self).func_defaults.set(heap, value);
        Ok(())
    }

    /// `f.__kwdefaults__ = value` (`None` removes them).
    ///
    /// # Errors
    /// `TypeError: __kwdefaults__ must be set to a dict object`.
    pub fn set_kwdefaults<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) -> PyResult<()> {
        let value = none_or(
            heap,
            value,
            |v| Dict::cast(v).is_some(),
            "__kwdefaults__ must be set to a dict object",
        )?;
        header(self).func_version.set(0);
        header(self).func_kwdefaults.set(heap, value);
        Ok(())
    }

    /// `f.__annotations__ = value` (`None` removes them).
    ///
    /// # Errors
    /// `TypeError: __annotations__ must be set to a dict object`.
    pub fn set_annotations<'h>(&self, heap: &'h Heap, value: Option<Obj<'h>>) -> PyResult<()> {
        let value = none_or(
            heap,
            value,
            |v| Dict::cast(v).is_some(),
            "__annotations__ must be set to a dict object",
        )?;
        header(self).func_version.set(0);
        header(self).func_annotations.set(heap, value);
        Ok(())
    }

    /// `MAKE_FUNCTION`'s annotations as 3.12 stores them: the flat tuple `(name, value, ...)`,
    /// made a dict on first read of `__annotations__` (`func_get_annotations`).
    pub fn set_annotations_from_make_function<'h>(&self, heap: &'h Heap, value: Obj<'h>) {
        header(self).func_version.set(0);
        header(self).func_annotations.set(heap, Some(value));
    }

    /// Sets the closure (`MAKE_FUNCTION`'s `closure` flag): a tuple of as many cells as the
    /// code has free variables.
    ///
    /// # Errors
    /// `TypeError` when `closure` is not a tuple of that length.
    pub fn set_closure<'h>(&self, heap: &'h Heap, closure: Obj<'h>) -> PyResult<()> {
        let code = self.code(heap);
        let nfree = Code::cast(code.object()).map_or(0, Code::nfreevars) as usize;
        match Tuple::cast(closure.object()) {
            Some(t) if tuple::tuple_len(t) == nfree => {
                header(self).func_closure.set(heap, Some(closure));
                Ok(())
            }
            _ => Err(PyErr::type_error(format!(
                "closure must be a tuple of {nfree} cells"
            ))),
        }
    }

    /// `f.__name__ = value`.
    ///
    /// # Errors
    /// `TypeError: __name__ must be set to a string object`.
    pub fn set_name<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        if Str::cast(value.object()).is_none() {
            return Err(PyErr::type_error("__name__ must be set to a string object"));
        }
        header(self).func_name.set(heap, Some(value));
        Ok(())
    }

    /// `f.__qualname__ = value`.
    ///
    /// # Errors
    /// `TypeError: __qualname__ must be set to a string object`.
    pub fn set_qualname<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        if Str::cast(value.object()).is_none() {
            return Err(PyErr::type_error(
                "__qualname__ must be set to a string object",
            ));
        }
        header(self).func_qualname.set(heap, Some(value));
        Ok(())
    }

    /// `f.__doc__ = value` (anything).
    pub fn set_doc<'h>(&self, heap: &'h Heap, value: Obj<'h>) {
        header(self).func_doc.set(heap, Some(value));
    }

    /// `f.__module__ = value` (anything).
    pub fn set_module<'h>(&self, heap: &'h Heap, value: Obj<'h>) {
        header(self).func_module.set(heap, Some(value));
    }

    /// `f.__type_params__ = value`.
    ///
    /// # Errors
    /// `TypeError: __type_params__ must be set to a tuple`.
    pub fn set_typeparams<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        if Tuple::cast(value.object()).is_none() {
            return Err(PyErr::type_error("__type_params__ must be set to a tuple"));
        }
        header(self).func_typeparams.set(heap, Some(value));
        Ok(())
    }
}

/// A field that is never NULL while the function lives (code, name, qualified name).
fn required<'h>(heap: &'h Heap, f: &RefField) -> Obj<'h> {
    f.get(heap).unwrap_or_else(|| none(heap))
}

/// `func_repr`: `<function f at 0x...>` with the qualified name.
fn func_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let q = slot_self(o).qualname(heap);
    let name = Str::cast(q.object()).map_or_else(String::new, unicode::str_value);
    Ok(format!(
        "<function {name} at {:#x}>",
        ptr::from_ref(o).addr()
    ))
}

/// `func_traverse`, in CPython's order.
fn func_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let f = header(slot_self(o));
    for field in [
        &f.func_code,
        &f.func_globals,
        &f.func_builtins,
        &f.func_module,
        &f.func_defaults,
        &f.func_kwdefaults,
        &f.func_doc,
        &f.func_name,
        &f.func_dict,
        &f.func_closure,
        &f.func_annotations,
        &f.func_typeparams,
        &f.func_qualname,
    ] {
        field.visit(visit);
    }
}

/// `func_clear`: every field but the code, in CPython's order; the names become `''`.
fn func_clear(heap: &Heap, o: &PyObject) {
    let f = header(slot_self(o));
    f.func_version.set(0);
    for field in [
        &f.func_globals,
        &f.func_builtins,
        &f.func_module,
        &f.func_defaults,
        &f.func_kwdefaults,
        &f.func_doc,
        &f.func_dict,
        &f.func_closure,
        &f.func_annotations,
        &f.func_typeparams,
    ] {
        field.clear(heap);
    }
    if let Ok(empty) = unicode::new_str(heap, "") {
        f.func_name.set(heap, Some(empty.clone()));
        f.func_qualname.set(heap, Some(empty));
    }
}

/// `func_dealloc`: the weak references, `func_clear`'s fields, then the code and names.
unsafe fn func_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead function of this heap (untracked by the heap); each field owns its
    // reference and is released once.
    unsafe {
        let f = &*op.cast::<PyFunctionObject>().as_ptr();
        if f.func_weakreflist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        }
        for field in [
            &f.func_globals,
            &f.func_builtins,
            &f.func_module,
            &f.func_defaults,
            &f.func_kwdefaults,
            &f.func_doc,
            &f.func_dict,
            &f.func_closure,
            &f.func_annotations,
            &f.func_typeparams,
            &f.func_code,
            &f.func_name,
            &f.func_qualname,
        ] {
            field.clear(heap);
        }
        heap.free_object(op, FUNCTION_TYPE.get());
    }
}

fn getter<'h>(heap: &'h Heap, v: Option<Obj<'h>>) -> PyResult<Obj<'h>> {
    Ok(v.unwrap_or_else(|| none(heap)))
}

static FUNCTION_MEMBERS: [Member; 10] = [
    Member {
        name: "__code__",
        get: |h, o| Ok(slot_self(o).code(h)),
    },
    Member {
        name: "__globals__",
        get: |h, o| getter(h, slot_self(o).globals(h)),
    },
    Member {
        name: "__builtins__",
        get: |h, o| getter(h, slot_self(o).builtins(h)),
    },
    Member {
        name: "__name__",
        get: |h, o| Ok(slot_self(o).name(h)),
    },
    Member {
        name: "__qualname__",
        get: |h, o| Ok(slot_self(o).qualname(h)),
    },
    Member {
        name: "__defaults__",
        get: |h, o| getter(h, slot_self(o).defaults(h)),
    },
    Member {
        name: "__kwdefaults__",
        get: |h, o| getter(h, slot_self(o).kwdefaults(h)),
    },
    Member {
        name: "__closure__",
        get: |h, o| getter(h, slot_self(o).closure(h)),
    },
    Member {
        name: "__doc__",
        get: |h, o| getter(h, slot_self(o).doc(h)),
    },
    Member {
        name: "__module__",
        get: |h, o| getter(h, slot_self(o).module(h)),
    },
];

static FUNCTION_SLOTS: Slots = Slots {
    dealloc: func_dealloc,
    sizeof: None,
    repr: func_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(func_traverse),
    clear: Some(func_clear),
    members: &FUNCTION_MEMBERS,
    getattr: Some(crate::types::function_attrs::func_getattr),
    setattr: Some(crate::types::function_attrs::func_setattr),
};

/// `function`: 144 bytes, a GC type, weak references at 96.
pub static FUNCTION_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "function",
        basicsize: size_of::<PyFunctionObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &FUNCTION_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyFunctionObject, func_weakreflist));

/// What a `None`-or-`T` attribute setter stores: nothing for `None`, else `value`, which must
/// pass `check` (`func_set_defaults`, `func_set_kwdefaults`, `func_set_annotations`).
///
/// # Errors
/// `TypeError: {message}` when `value` is neither `None` nor accepted by `check`.
fn none_or<'h>(
    heap: &'h Heap,
    value: Option<Obj<'h>>,
    check: impl Fn(&PyObject) -> bool,
    message: &str,
) -> PyResult<Option<Obj<'h>>> {
    let value = value.filter(|v| !v.is(&none(heap)));
    if value.as_ref().is_some_and(|v| !check(v.object())) {
        return Err(PyErr::type_error(message));
    }
    Ok(value)
}
