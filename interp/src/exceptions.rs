//! Built-in exception classes and instances (`Objects/exceptions.c`): the class hierarchy
//! scripts catch by, and instances of CPython's size (`PyBaseExceptionObject`, 72 bytes + GC:
//! `sys.getsizeof(Exception())` is 88) holding their `args`.
//!
//! An exception raised by pyrt's object layer arrives as a [`PyErr`] (kind and message) and is
//! turned into an instance here, with the message as its only argument. `KeyError`'s message
//! is already the key's repr, so such an instance prints its argument as it is.

use core::cell::Cell;
use core::ptr;

use pyrt_objects::typeobj::{PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, tuple, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, ObjPtr, PyErr, PyObject, PyResult, abstract_};

/// `sizeof(PyBaseExceptionObject)`.
const BASICSIZE: usize = 72;

/// The words of an instance: `args`, whether `str()` shows the first argument as it is, then
/// the VM's `__traceback__` (a list of `(code, lasti)` entries, innermost first), `__context__`,
/// `__cause__` and `__suppress_context__` (`PyBaseExceptionObject`'s `traceback`, `context`,
/// `cause`, `suppress_context`).
#[repr(C)]
struct Instance {
    ob_base: PyObject,
    args: Cell<Option<ObjPtr>>,
    plain: Cell<usize>,
    traceback: Cell<Option<ObjPtr>>,
    context: Cell<Option<ObjPtr>>,
    cause: Cell<Option<ObjPtr>>,
    suppress_context: Cell<usize>,
}

/// The reference words of an instance other than `args`, by name.
#[derive(Clone, Copy)]
pub(crate) enum Link {
    /// `__traceback__`.
    Traceback,
    /// `__context__`.
    Context,
    /// `__cause__`.
    Cause,
}

fn link_cell(o: &Exception, which: Link) -> &Cell<Option<ObjPtr>> {
    let h = header(o);
    match which {
        Link::Traceback => &h.traceback,
        Link::Context => &h.context,
        Link::Cause => &h.cause,
    }
}

/// A new reference to one of an instance's links (`None` when unset).
pub(crate) fn link<'h>(heap: &'h Heap, o: &Exception, which: Link) -> Option<Obj<'h>> {
    // SAFETY: the instance holds a reference to a live object of this heap.
    link_cell(o, which)
        .get()
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
}

/// Replaces one of an instance's links, releasing the old value.
pub(crate) fn set_link(heap: &Heap, o: &Exception, which: Link, value: Option<Obj<'_>>) {
    let old = link_cell(o, which).replace(value.map(Obj::into_ptr));
    if let Some(old) = old {
        // SAFETY: the cell owned this reference.
        unsafe { heap.decref(old) };
    }
}

/// `__suppress_context__`.
pub(crate) fn suppress_context(o: &Exception) -> bool {
    header(o).suppress_context.get() != 0
}

/// Sets `__suppress_context__`.
pub(crate) fn set_suppress_context(o: &Exception, value: bool) {
    header(o).suppress_context.set(usize::from(value));
}

const _: () = assert!(size_of::<Instance>() <= BASICSIZE);

/// Whether `o` is an exception instance.
pub(crate) fn is_exception(o: &PyObject) -> bool {
    o.ob_type().is_subtype(BASE_EXCEPTION.get())
}

pyrt_objects::view! {
    /// An exception instance (`PyExceptionInstance_Check`): an instance of `BaseException` or
    /// of a subclass, all of which have the `Instance` layout.
    pub struct Exception: "BaseException" = is_exception;
}

/// The instance a slot of the exception classes was called on.
fn slot_self(o: &PyObject) -> &Exception {
    // SAFETY: `SLOTS` is the slot table of the exception classes only, whose slots are only
    // called on their instances, exactly those `is_exception` accepts.
    unsafe { Exception::cast_unchecked(o) }
}

fn header(o: &Exception) -> &Instance {
    // SAFETY: the view guarantees an exception instance, which starts with an `Instance`.
    unsafe { &*ptr::from_ref(o).cast::<Instance>() }
}

/// Whether `o` is an exception class.
pub(crate) fn is_exception_class(o: &PyObject) -> bool {
    pyrt_objects::types::type_object(o).is_some_and(|t| t.is_subtype(BASE_EXCEPTION.get()))
}

/// A new instance of exception class `cls` with `args`.
pub(crate) fn new_exception<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: Vec<Obj<'h>>,
    plain: bool,
) -> PyResult<Obj<'h>> {
    let args = tuple::new_tuple(heap, args)?;
    let op = heap.alloc_object(cls, BASICSIZE)?;
    // SAFETY: a fresh instance: the words are written before use; it owns `args`.
    unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, BASICSIZE - size_of::<PyObject>());
        let i = op.cast::<Instance>().as_ptr();
        (*i).args.set(Some(args.into_ptr()));
        (*i).plain.set(usize::from(plain));
        let exc = Obj::from_owned(heap, op);
        heap.track(exc.object());
        Ok(exc)
    }
}

/// The instance for an error of pyrt's object layer.
pub(crate) fn from_pyerr<'h>(heap: &'h Heap, err: &PyErr) -> PyResult<Obj<'h>> {
    let cls = class_for(err.kind());
    let args = if err.message().is_empty() {
        Vec::new()
    } else {
        vec![unicode::new_str(heap, err.message())?]
    };
    new_exception(heap, cls.get(), args, err.kind() == ExcKind::KeyError)
}

/// The `args` tuple of an instance.
pub(crate) fn args<'h>(heap: &'h Heap, o: &Exception) -> Obj<'h> {
    let p = header(o).args.get().expect("an exception has its args");
    // SAFETY: the instance holds its args tuple.
    unsafe { Obj::from_borrowed(heap, p.as_ref()) }
}

/// `str(exc)`: empty, the one argument's `str` (`repr` for `KeyError`), or the args' repr.
pub(crate) fn exception_str(heap: &Heap, o: &Exception) -> PyResult<String> {
    let args = args(heap, o);
    let items = tuple::items(tuple::Tuple::cast_internal(args.object())?);
    match items {
        [] => Ok(String::new()),
        [one] => {
            // SAFETY: the tuple holds its item.
            let one = unsafe { one.as_ref() };
            let key_error = o.ob_type().is_subtype(KEY_ERROR.get());
            if key_error && header(o).plain.get() == 0 {
                abstract_::repr(heap, one)
            } else {
                abstract_::str(heap, one)
            }
        }
        _ => abstract_::repr(heap, args.object()),
    }
}

fn exception_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let args = args(heap, slot_self(o));
    let items = tuple::items(tuple::Tuple::cast_internal(args.object())?);
    let inner = match items {
        // SAFETY: the tuple holds its item.
        [one] => abstract_::repr(heap, unsafe { one.as_ref() })?,
        _ => {
            let r = abstract_::repr(heap, args.object())?;
            r.trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches(',')
                .to_string()
        }
    };
    Ok(format!("{}({inner})", o.ob_type().name()))
}

fn exception_str_slot(heap: &Heap, o: &PyObject) -> PyResult<String> {
    exception_str(heap, slot_self(o))
}

unsafe fn dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance owning its args.
    unsafe {
        let h = header(slot_self(op.as_ref()));
        for cell in [&h.args, &h.traceback, &h.context, &h.cause] {
            if let Some(a) = cell.take() {
                heap.decref(a);
            }
        }
        heap.free_object(op, op.as_ref().ob_type());
    }
}

fn traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let h = header(slot_self(o));
    for cell in [&h.args, &h.traceback, &h.context, &h.cause] {
        cell.get().into_iter().for_each(&mut *visit);
    }
}

/// `BaseException_clear` for the links (the args stay, so `str()` still works).
fn clear(heap: &Heap, o: &PyObject) {
    let h = header(slot_self(o));
    for cell in [&h.traceback, &h.context, &h.cause] {
        if let Some(p) = cell.take() {
            // SAFETY: the cell owned this reference.
            unsafe { heap.decref(p) };
        }
    }
}

static SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: exception_repr,
    str: Some(exception_str_slot),
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &[],
    getattr: None,
    setattr: None,
};

macro_rules! exception_types {
    ($($(#[$doc:meta])* $ident:ident = $name:literal : $base:ident;)*) => {
        $(
            $(#[$doc])*
            pub(crate) static $ident: StaticType = StaticType::new(
                &TYPE_TYPE,
                TypeSpec {
                    name: $name,
                    basicsize: BASICSIZE,
                    itemsize: 0,
                    flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
                    base: Some(&$base),
                    slots: &SLOTS,
                },
            );
        )*
        /// Every built-in exception class, by name, for the builtins module.
        pub(crate) static ALL: &[&StaticType] = &[$(&$ident),*];
    };
}

exception_types! {
    /// `BaseException`.
    BASE_EXCEPTION = "BaseException": OBJECT_TYPE;
    /// `Exception`.
    EXCEPTION = "Exception": BASE_EXCEPTION;
    /// `SystemExit`.
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION;
    /// `GeneratorExit`.
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    /// `KeyboardInterrupt`.
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    /// `ArithmeticError`.
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    /// `ZeroDivisionError`.
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    /// `OverflowError`.
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    /// `LookupError`.
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    /// `IndexError`.
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    /// `KeyError`.
    KEY_ERROR = "KeyError": LOOKUP_ERROR;
    /// `TypeError`.
    TYPE_ERROR = "TypeError": EXCEPTION;
    /// `ValueError`.
    VALUE_ERROR = "ValueError": EXCEPTION;
    /// `AttributeError`.
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
    /// `NameError`.
    NAME_ERROR = "NameError": EXCEPTION;
    /// `UnboundLocalError`.
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    /// `RuntimeError`.
    RUNTIME_ERROR = "RuntimeError": EXCEPTION;
    /// `RecursionError`.
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
    /// `NotImplementedError`.
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
    /// `AssertionError`.
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    /// `MemoryError`.
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    /// `StopIteration`.
    STOP_ITERATION = "StopIteration": EXCEPTION;
    /// `SystemError`.
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    /// `SyntaxError`.
    SYNTAX_ERROR = "SyntaxError": EXCEPTION;
    /// `ImportError`.
    IMPORT_ERROR = "ImportError": EXCEPTION;
    /// `ModuleNotFoundError`.
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
}

/// The class of an object-layer error kind.
pub(crate) fn class_for(kind: ExcKind) -> &'static StaticType {
    match kind {
        ExcKind::TypeError => &TYPE_ERROR,
        ExcKind::ValueError => &VALUE_ERROR,
        ExcKind::ZeroDivisionError => &ZERO_DIVISION_ERROR,
        ExcKind::OverflowError => &OVERFLOW_ERROR,
        ExcKind::MemoryError => &MEMORY_ERROR,
        ExcKind::IndexError => &INDEX_ERROR,
        ExcKind::KeyError => &KEY_ERROR,
        ExcKind::AttributeError => &ATTRIBUTE_ERROR,
        ExcKind::RuntimeError => &RUNTIME_ERROR,
        ExcKind::RecursionError => &RECURSION_ERROR,
        ExcKind::SystemError => &SYSTEM_ERROR,
        ExcKind::StopIteration => &STOP_ITERATION,
        ExcKind::NameError => &NAME_ERROR,
        ExcKind::AssertionError => &ASSERTION_ERROR,
        ExcKind::NotImplementedError => &NOT_IMPLEMENTED_ERROR,
        ExcKind::ImportError => &IMPORT_ERROR,
        ExcKind::Other => &EXCEPTION,
    }
}

/// The object-layer kind that describes an instance of `ty`: its own class's kind, else its
/// nearest built-in base's, else [`ExcKind::Other`].
pub(crate) fn kind_of(ty: &PyTypeObject) -> ExcKind {
    const KINDS: [ExcKind; 16] = [
        ExcKind::TypeError,
        ExcKind::ValueError,
        ExcKind::ZeroDivisionError,
        ExcKind::OverflowError,
        ExcKind::MemoryError,
        ExcKind::IndexError,
        ExcKind::KeyError,
        ExcKind::AttributeError,
        ExcKind::RecursionError,
        ExcKind::NotImplementedError,
        ExcKind::RuntimeError,
        ExcKind::SystemError,
        ExcKind::StopIteration,
        ExcKind::NameError,
        ExcKind::AssertionError,
        ExcKind::ImportError,
    ];
    // Subclasses come before their bases (RecursionError before RuntimeError).
    KINDS
        .into_iter()
        .find(|&k| ty.is_subtype(class_for(k).get()))
        .unwrap_or(ExcKind::Other)
}
