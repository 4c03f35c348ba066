//! Exceptions (`Objects/exceptions.c`, `Include/cpython/pyerrors.h`): the built-in exception
//! and warning classes of `builtins`, their instances with CPython 3.12's layouts and sizes,
//! and the safe API the VM raises, chains and matches them with.
//!
//! * [`classes`]: the 68 classes (`BaseException` … `ExceptionGroup`), their bases, MRO,
//!   `__module__` and the `OSError` errno table.
//! * [`layout`]: `PyBaseExceptionObject` (72 bytes; `sys.getsizeof` 88 with the GC header) and
//!   the subclass bodies (`SyntaxError` 136, `OSError` and `UnicodeError`s 112, …).
//! * [`create`]: calling a class (`tp_new` then `tp_init`): the argument rules of each class,
//!   `OSError(errno, …)`'s subclass choice, the group's checks.
//! * [`text`]: `str()` and `repr()` of each class; `overrides`: a Python subclass's own
//!   `__str__` and `__repr__`.
//! * [`attrs`]: attribute access: `args`, `__traceback__`, `__context__`, `__cause__` and
//!   `__suppress_context__` with CPython's checks, each layout's members, the instance
//!   `__dict__`, the methods `with_traceback` and `add_note`.
//! * [`group`]: exception groups' `split`, `subgroup`, `derive` and `except*`'s re-raise.
//! * [`api`]: the VM's API: `PyErr` ↔ exception objects, context chaining, matching.
//!
//! Every instance is tracked by the collector. Its references are visited subclass fields
//! first, then `dict`, `args`, `notes`, `traceback`, `context`, `cause` (`BaseException_traverse`)
//! and cleared in `BaseException_clear`'s order.

pub mod api;
pub mod attrs;
pub mod classes;
pub mod create;
mod docs;
pub mod group;
mod key_repr;
pub mod layout;
mod overrides;
pub mod text;
pub mod type_attrs;

use core::ptr;

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{PyTypeObject, Slots};
use crate::types::builtin_subclass::members;
use crate::types::fields::RefField;
use crate::types::tuple;
use crate::types::{none, traceback};

pub use api::*;
pub use attrs::{add_note_to, set_attribute, set_traceback};
pub use classes::*;
pub use create::{call_class, init_method, new_exception, new_uninitialized};
pub use layout::Layout;
use layout::{ExcHead, OsBody, UnicodeBody};
pub use text::exception_str;
pub use type_attrs::class_attribute;

/// Whether `o` is an exception instance (`PyExceptionInstance_Check`).
pub fn is_exception(o: &PyObject) -> bool {
    o.ob_type().is_subtype(BASE_EXCEPTION.get())
}

/// Whether `o` is an exception class (`PyExceptionClass_Check`).
pub fn is_exception_class(o: &PyObject) -> bool {
    crate::types::type_object(o).is_some_and(|t| t.is_subtype(BASE_EXCEPTION.get()))
}

crate::view! {
    /// An exception instance (`PyExceptionInstance_Check`): an instance of `BaseException` or
    /// of a subclass, laid out as its nearest built-in class says ([`Exception::layout`]).
    pub struct Exception: "BaseException" = is_exception;
}

fn slot_self(o: &PyObject) -> &Exception {
    // SAFETY: `SLOTS` is the slot table of the exception classes only, whose slots are only
    // called on their instances, exactly those `is_exception` accepts.
    unsafe { Exception::cast_unchecked(o) }
}

fn header(e: &Exception) -> &ExcHead {
    // SAFETY: the view guarantees an exception instance, which starts with the head.
    unsafe { &*ptr::from_ref(e).cast::<ExcHead>() }
}

impl Exception {
    /// The layout of this instance's fields.
    pub fn layout(&self) -> Layout {
        layout_of(self.ob_type())
    }

    /// The reference field at `offset`, one of [`Layout::ref_fields`] of this instance's
    /// layout.
    pub(crate) fn field(&self, offset: layout::FieldOffset) -> &RefField {
        assert!(
            self.layout().ref_fields().contains(&offset),
            "no such field in a {:?} exception",
            self.layout()
        );
        // SAFETY: the offset is one of the reference fields of this instance's layout (checked
        // above), inside its body and aligned; the field lives as long as the instance.
        unsafe {
            &*ptr::from_ref(self)
                .cast::<u8>()
                .add(offset)
                .cast::<RefField>()
        }
    }

    fn unicode_body(&self) -> Option<&UnicodeBody> {
        // SAFETY: the `Unicode` layout starts with a `UnicodeBody`.
        (self.layout() == Layout::Unicode)
            .then(|| unsafe { &*ptr::from_ref(self).cast::<UnicodeBody>() })
    }

    fn os_body(&self) -> Option<&OsBody> {
        // SAFETY: the `OsError` layout starts with an `OsBody`.
        (self.layout() == Layout::OsError)
            .then(|| unsafe { &*ptr::from_ref(self).cast::<OsBody>() })
    }

    /// `args` (always a tuple once made).
    pub fn args<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self).args.get(heap).unwrap_or_else(|| none(heap))
    }

    /// The `args` items.
    pub fn arg_items<'h>(&self, heap: &'h Heap) -> Vec<Obj<'h>> {
        let args = self.args(heap);
        match tuple::Tuple::cast(args.object()) {
            // SAFETY: the tuple holds its items.
            Some(t) => tuple::items(t)
                .iter()
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect(),
            None => Vec::new(),
        }
    }

    pub(crate) fn set_args_tuple<'h>(&self, heap: &'h Heap, args: Obj<'h>) {
        header(self).args.set(heap, Some(args));
    }

    /// `__traceback__` (`None` when unset).
    pub fn traceback<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).traceback.get(heap)
    }

    /// `__context__`.
    pub fn context<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).context.get(heap)
    }

    /// `__cause__`.
    pub fn cause<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).cause.get(heap)
    }

    /// `__suppress_context__`.
    pub fn suppress_context(&self) -> bool {
        header(self).suppress_context.get() != 0
    }

    /// Sets `__suppress_context__`.
    pub fn set_suppress_context(&self, v: bool) {
        header(self).suppress_context.set(u8::from(v));
    }

    /// `PyException_SetContext`: `None`/`Some(exception)` (the caller checked the type).
    pub fn set_context_unchecked<'h>(&self, heap: &'h Heap, ctx: Option<Obj<'h>>) {
        header(self).context.set(heap, ctx);
    }

    /// `PyException_SetCause`: also sets `__suppress_context__`, as CPython does.
    pub fn set_cause_unchecked<'h>(&self, heap: &'h Heap, cause: Option<Obj<'h>>) {
        header(self).suppress_context.set(1);
        header(self).cause.set(heap, cause);
    }

    /// `PyException_SetTraceback` with a traceback or `None` (checked by the caller).
    pub(crate) fn set_traceback_unchecked<'h>(&self, heap: &'h Heap, tb: Option<Obj<'h>>) {
        header(self).traceback.set(heap, tb);
    }

    /// The instance `__dict__` if it was made.
    pub fn dict_if_made<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).dict.get(heap)
    }

    /// `__dict__`, made on first use.
    ///
    /// # Errors
    /// `MemoryError`.
    pub fn dict<'h>(&self, heap: &'h Heap) -> PyResult<Obj<'h>> {
        if let Some(d) = header(self).dict.get(heap) {
            return Ok(d);
        }
        let d = crate::types::dict::new_dict(heap)?;
        header(self).dict.set(heap, Some(d.clone()));
        Ok(d)
    }

    pub(crate) fn set_dict<'h>(&self, heap: &'h Heap, d: Obj<'h>) {
        header(self).dict.set(heap, Some(d));
    }

    /// `UnicodeError.start` and `.end`, for the `Unicode` layout.
    pub fn unicode_range(&self) -> Option<(isize, isize)> {
        self.unicode_body().map(|u| (u.start.get(), u.end.get()))
    }

    pub(crate) fn set_unicode_range(&self, start: Option<isize>, end: Option<isize>) {
        if let Some(u) = self.unicode_body() {
            if let Some(s) = start {
                u.start.set(s);
            }
            if let Some(e) = end {
                u.end.set(e);
            }
        }
    }

    /// `BlockingIOError.characters_written` as stored (-1: unset), for the `OsError` layout.
    pub fn written(&self) -> Option<isize> {
        self.os_body().map(|o| o.written.get())
    }

    pub(crate) fn set_written(&self, n: isize) {
        if let Some(o) = self.os_body() {
            o.written.set(n);
        }
    }
}

/// A fresh, tracked instance of `cls` (a built-in exception class or a subclass laid out as
/// one) with empty fields and `args` (`BaseException_new` before its argument handling).
///
/// # Errors
/// `MemoryError`.
pub(crate) fn alloc_instance<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: Obj<'h>,
) -> PyResult<Obj<'h>> {
    let size = cls.basicsize().max(layout_of(cls).basicsize());
    let op = heap.alloc_object(cls, size)?;
    if crate::types::class::is_heap_type(cls) {
        // An instance of a Python subclass holds its class (released by `subclass_dealloc`).
        cls.ob_base.ob_base.incref();
    }
    // SAFETY: a fresh body of `size` bytes after the header `alloc_object` wrote: zero is a
    // NULL `RefField` and 0 for the numbers; `written` is set to -1 (CPython's unset) below.
    unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, size - size_of::<PyObject>());
        let e = Obj::from_owned(heap, op);
        let view = Exception::cast_internal(e.object())?;
        view.set_args_tuple(heap, args);
        view.set_written(-1);
        heap.track(e.object());
        Ok(e)
    }
}

/// The head's fields in `BaseException_traverse`'s order.
fn head_fields(h: &ExcHead) -> [&RefField; 6] {
    [
        &h.dict,
        &h.args,
        &h.notes,
        &h.traceback,
        &h.context,
        &h.cause,
    ]
}

/// `tp_traverse`: the subclass fields, then the head's.
fn exc_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let e = slot_self(o);
    for &off in e.layout().ref_fields() {
        e.field(off).visit(visit);
    }
    for f in head_fields(header(e)) {
        f.visit(visit);
    }
}

/// `tp_clear`: the subclass fields, then `dict`, `args`, `notes`, `traceback`, `cause`,
/// `context` (`BaseException_clear`).
fn exc_clear(heap: &Heap, o: &PyObject) {
    let e = slot_self(o);
    for &off in e.layout().ref_fields() {
        e.field(off).clear(heap);
    }
    let h = header(e);
    for f in [
        &h.dict,
        &h.args,
        &h.notes,
        &h.traceback,
        &h.cause,
        &h.context,
    ] {
        f.clear(heap);
    }
}

/// `BaseException_dealloc` and the subclasses': untrack, clear, free.
unsafe fn exc_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead exception instance of this heap; clearing releases each field once.
    unsafe {
        let o = op.as_ref();
        heap.untrack(o);
        if o.ob_type().weaklistoffset() != 0
            || o.ob_type()
                .flags()
                .contains(crate::typeobj::TypeFlags::MANAGED_WEAKREF)
        {
            crate::types::weakref::clear_weakrefs(heap, o);
        }
        exc_clear(heap, o);
        heap.free_object(op, o.ob_type());
    }
}

/// `subtype_dealloc` for instances of a Python subclass of an exception class: the
/// finalizer and weak references, the fields, the memory, and last the class.
unsafe fn subclass_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead instance of this heap, holding its class until the end.
    unsafe {
        if !crate::types::class::finalize_and_clear_weakrefs(heap, op) {
            return;
        }
        let o = op.as_ref();
        let cls = o.type_ptr();
        subclass_clear(heap, o);
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

/// `subtype_traverse`: the member slots, the exception's fields, then the class.
fn subclass_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    members::traverse(o, &mut *visit);
    exc_traverse(o, visit);
    visit(core::ptr::NonNull::from(&o.ob_type().ob_base.ob_base));
}

/// `subtype_clear`: the member slots, then the exception's fields.
fn subclass_clear(heap: &Heap, o: &PyObject) {
    members::clear(heap, o);
    exc_clear(heap, o);
}

/// An attribute of a subclass's instance: its member slots first, then as an exception's.
fn subclass_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    match members::index(o, name) {
        Some(i) => members::get(heap, o, i, name),
        None => attrs::exc_getattr(heap, o, name),
    }
}

/// Sets or deletes an attribute of a subclass's instance: its member slots first, then as an
/// exception's.
fn subclass_setattr(
    heap: &Heap,
    o: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    match members::index(o, name) {
        Some(i) => members::set(heap, o, i, name, value),
        None => attrs::exc_setattr(heap, o, name, value),
    }
}

/// The slot table of Python subclasses of the exception classes (`class E(Exception)`).
pub(crate) static SUBCLASS_SLOTS: Slots = Slots {
    dealloc: subclass_dealloc,
    traverse: Some(subclass_traverse),
    clear: Some(subclass_clear),
    getattr: Some(subclass_getattr),
    setattr: Some(subclass_setattr),
    repr: overrides::subclass_repr,
    str: Some(overrides::subclass_str),
    hash: Some(crate::types::slot_defs::subclass_hash),
    richcompare: Some(crate::types::slot_defs::subclass_richcompare),
    ..SLOTS
};

/// The slot table of every built-in exception class.
pub(crate) static SLOTS: Slots = Slots {
    dealloc: exc_dealloc,
    sizeof: None,
    repr: text::exc_repr,
    str: Some(text::exc_str),
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(exc_traverse),
    clear: Some(exc_clear),
    members: &[],
    getattr: Some(attrs::exc_getattr),
    setattr: Some(attrs::exc_setattr),
};

/// Whether `o` is a traceback object (for the `__traceback__` checks).
pub(crate) fn is_traceback(o: &PyObject) -> bool {
    traceback::is_traceback(o)
}
