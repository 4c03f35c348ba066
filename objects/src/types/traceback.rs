//! `traceback` (`Python/traceback.c`, `struct _traceback` in `Include/cpython/traceback.h`):
//! `tb_next`, `tb_frame`, `tb_lasti` and `tb_lineno` — 40 bytes and a GC type, so
//! `sys.getsizeof` is 56.
//!
//! `tb_lasti` is a byte offset into the frame's code (2 × the code unit); a `tb_lineno` of -1
//! is computed on demand from it (`tb_lineno_get`: `PyCode_Addr2Line`), as 3.12 does for
//! tracebacks made by `TracebackType(...)` with `tb_lineno=-1`. The VM passes the line it
//! knows to [`traceback_here`] (`PyTraceBack_Here`, which uses `PyFrame_GetLineNumber`).
//!
//! Only `tb_next` is writable, with the loop check of `tb_next_set`; traversal and clearing
//! take `tb_next` then `tb_frame`.

use core::cell::Cell;
use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::fields::RefField;
use crate::types::frameobject::FrameObject;
use crate::types::long;
use crate::types::{OBJECT_TYPE, TYPE_TYPE, none};

/// `PyTracebackObject`.
#[repr(C)]
pub struct PyTracebackObject {
    ob_base: PyObject,
    tb_next: RefField,
    tb_frame: RefField,
    tb_lasti: Cell<i32>,
    tb_lineno: Cell<i32>,
}

const _: () = assert!(size_of::<PyTracebackObject>() == 40);

/// Whether `o` is a traceback (`PyTraceBack_Check`).
pub fn is_traceback(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), TRACEBACK_TYPE.get())
}

crate::view! {
    /// A traceback object (`PyTraceBack_Check`).
    pub struct Traceback: "traceback" = is_traceback;
}

fn slot_self(o: &PyObject) -> &Traceback {
    // SAFETY: the traceback type's slots are only called on tracebacks (no subclasses).
    unsafe { Traceback::cast_unchecked(o) }
}

fn header(t: &Traceback) -> &PyTracebackObject {
    // SAFETY: the view guarantees a traceback, which starts with a `PyTracebackObject`.
    unsafe { &*ptr::from_ref(t).cast::<PyTracebackObject>() }
}

/// `TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (`tb_new`, `tb_create_raw`): a
/// tracked traceback entry.
///
/// # Errors
/// `TypeError: expected traceback object or None, got 'int'`, `TypeError: TracebackType()
/// argument 'tb_frame' must be frame, not int`, `MemoryError`.
pub fn new_traceback<'h>(
    heap: &'h Heap,
    next: Option<Obj<'h>>,
    frame: Obj<'h>,
    lasti: i32,
    lineno: i32,
) -> PyResult<Obj<'h>> {
    let next = next.filter(|n| !n.is(&none(heap)));
    if let Some(n) = next.as_ref().filter(|n| !is_traceback(n.object())) {
        return Err(PyErr::type_error(format!(
            "expected traceback object or None, got '{}'",
            n.ob_type().name()
        )));
    }
    if FrameObject::cast(frame.object()).is_none() {
        return Err(PyErr::type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            frame.ob_type().name()
        )));
    }
    let op = heap.alloc_object(TRACEBACK_TYPE.get(), size_of::<PyTracebackObject>())?;
    // SAFETY: a fresh body with the header `alloc_object` wrote; complete before tracking.
    unsafe {
        op.cast::<PyTracebackObject>().write(PyTracebackObject {
            ob_base: PyObject::new(TRACEBACK_TYPE.ptr()),
            tb_next: RefField::new(next),
            tb_frame: RefField::new(Some(frame)),
            tb_lasti: Cell::new(lasti),
            tb_lineno: Cell::new(lineno),
        });
        let tb = Obj::from_owned(heap, op);
        heap.track(tb.object());
        Ok(tb)
    }
}

/// `TracebackType(...)` with Python arguments: `tb_lasti` and `tb_lineno` must be ints that
/// fit a C `int`.
///
/// # Errors
/// As [`new_traceback`]; `TypeError: 'str' object cannot be interpreted as an integer`,
/// `OverflowError: Python int too large to convert to C int`.
pub fn traceback_from_args<'h>(
    heap: &'h Heap,
    next: Obj<'h>,
    frame: Obj<'h>,
    lasti: &PyObject,
    lineno: &PyObject,
) -> PyResult<Obj<'h>> {
    let int = |o: &PyObject| -> PyResult<i32> {
        let v = crate::methods::ssize_arg(o)?;
        i32::try_from(v)
            .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
    };
    let (lasti, lineno) = (int(lasti)?, int(lineno)?);
    new_traceback(heap, Some(next), frame, lasti, lineno)
}

/// `PyTraceBack_Here(frame)`: prepends an entry for `frame` (at byte offset `lasti`, line
/// `lineno`) to the traceback of `exc`.
///
/// # Errors
/// `MemoryError`; `TypeError` when `frame` is not a frame.
pub fn traceback_here<'h>(
    heap: &'h Heap,
    exc: &crate::types::exceptions::Exception,
    frame: Obj<'h>,
    lasti: i32,
    lineno: i32,
) -> PyResult<()> {
    let tb = new_traceback(heap, exc.traceback(heap), frame, lasti, lineno)?;
    exc.set_traceback_unchecked(heap, Some(tb));
    Ok(())
}

impl Traceback {
    /// `tb_next`.
    pub fn next<'h>(&self, heap: &'h Heap) -> Option<Obj<'h>> {
        header(self).tb_next.get(heap)
    }

    /// `tb_frame`.
    pub fn frame<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        header(self)
            .tb_frame
            .get(heap)
            .unwrap_or_else(|| none(heap))
    }

    /// `tb_lasti` (bytes).
    pub fn lasti(&self) -> i32 {
        header(self).tb_lasti.get()
    }

    /// `tb_lineno`, computed from `tb_lasti` and the frame's code when stored as -1.
    pub fn lineno(&self, heap: &Heap) -> i32 {
        let stored = header(self).tb_lineno.get();
        if stored != -1 {
            return stored;
        }
        let frame = self.frame(heap);
        FrameObject::cast(frame.object())
            .and_then(|f| f.frame().code())
            .map_or(-1, |c| {
                crate::types::code::addr2line(c, (self.lasti() / 2) as isize)
            })
    }

    /// `tb.tb_next = value` (`None`: no next entry).
    ///
    /// # Errors
    /// `TypeError: expected traceback object, got 'int'`, `ValueError: traceback loop
    /// detected` when `self` is reachable from `value`.
    pub fn set_next<'h>(&self, heap: &'h Heap, value: Obj<'h>) -> PyResult<()> {
        if value.is(&none(heap)) {
            header(self).tb_next.set(heap, None);
            return Ok(());
        }
        if !is_traceback(value.object()) {
            return Err(PyErr::type_error(format!(
                "expected traceback object, got '{}'",
                value.ob_type().name()
            )));
        }
        let mut cursor = Some(value.clone());
        while let Some(c) = cursor {
            if ptr::eq(c.object(), &**self) {
                return Err(PyErr::new(ExcKind::ValueError, "traceback loop detected"));
            }
            cursor = Traceback::cast(c.object()).and_then(|t| t.next(heap));
        }
        header(self).tb_next.set(heap, Some(value));
        Ok(())
    }
}

/// `tb_traverse`: `tb_next`, `tb_frame`.
fn tb_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let h = header(slot_self(o));
    h.tb_next.visit(visit);
    h.tb_frame.visit(visit);
}

/// `tb_clear`.
fn tb_clear(heap: &Heap, o: &PyObject) {
    let h = header(slot_self(o));
    h.tb_next.clear(heap);
    h.tb_frame.clear(heap);
}

/// `tb_dealloc`: untrack, release `tb_next` and `tb_frame`, free.
unsafe fn tb_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead traceback of this heap; each field is released once.
    unsafe {
        heap.untrack(op.as_ref());
        tb_clear(heap, op.as_ref());
        heap.free_object(op, TRACEBACK_TYPE.get());
    }
}

/// `tb_setattro`: `tb_next` is writable; the members are read-only.
fn tb_setattr(heap: &Heap, o: &PyObject, name: &str, value: Option<&PyObject>) -> PyResult<()> {
    let t = slot_self(o);
    match (name, value) {
        ("tb_next", None) => Err(PyErr::type_error("can't delete tb_next attribute")),
        // SAFETY: the caller holds `v`, a live object of this heap.
        ("tb_next", Some(v)) => t.set_next(heap, unsafe { Obj::from_borrowed(heap, v) }),
        ("tb_frame" | "tb_lasti" | "tb_lineno", _) => {
            Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
        }
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'traceback' object has no attribute '{name}'"),
        )),
    }
}

static TB_MEMBERS: [Member; 4] = [
    Member {
        name: "tb_next",
        get: |h, o| Ok(slot_self(o).next(h).unwrap_or_else(|| none(h))),
    },
    Member {
        name: "tb_frame",
        get: |h, o| Ok(slot_self(o).frame(h)),
    },
    Member {
        name: "tb_lasti",
        get: |h, o| long::int_from_i64(h, i64::from(slot_self(o).lasti())),
    },
    Member {
        name: "tb_lineno",
        get: |h, o| long::int_from_i64(h, i64::from(slot_self(o).lineno(h))),
    },
];

static TB_SLOTS: Slots = Slots {
    dealloc: tb_dealloc,
    sizeof: None,
    repr: crate::types::base_object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(tb_traverse),
    clear: Some(tb_clear),
    members: &TB_MEMBERS,
    getattr: None,
    setattr: Some(tb_setattr),
};

/// `traceback`: 40 bytes, a GC type, not subclassable.
pub static TRACEBACK_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "traceback",
        basicsize: size_of::<PyTracebackObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &TB_SLOTS,
    },
);
