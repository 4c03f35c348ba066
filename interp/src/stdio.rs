//! `sys.stdout` and `sys.stderr` (`Modules/_io/textio.c`'s `TextIOWrapper`, in its smallest
//! form): text streams over the session's output and the process's standard error, with
//! `write(s)` (which returns the number of characters written) and `flush()`, and their `name`
//! and `encoding`.
//!
//! An object is a header and the stream it writes to (1 for stdout, 2 for stderr); what
//! `write` does is the interpreter's, as the session owns the output (`Interp::out`).

use core::ptr;
use std::io::Write as _;

use pyrt_objects::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, long, unicode};
use pyrt_objects::{Heap, Obj, ObjPtr, PyObject, PyResult};

use super::exceptions;
use super::{Interp, R};

/// A text stream: the header, then the stream number.
#[repr(C)]
struct StreamObject {
    ob_base: PyObject,
    fd: usize,
}

/// Whether `o` is a text stream.
pub(crate) fn is_stream(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), STREAM_TYPE.get())
}

/// The stream number of `o` (1 or 2), if it is a text stream.
pub(crate) fn stream_fd(o: &PyObject) -> Option<usize> {
    // SAFETY: the type check guarantees the layout.
    is_stream(o).then(|| unsafe { (*ptr::from_ref(o).cast::<StreamObject>()).fd })
}

/// A new text stream writing to `fd` (1 or 2).
pub(crate) fn new_stream(heap: &Heap, fd: usize) -> PyResult<Obj<'_>> {
    let ty = STREAM_TYPE.get();
    let op = heap.alloc_object(ty, size_of::<StreamObject>())?;
    // SAFETY: a fresh object of the stream's size, whose field is written before use.
    unsafe {
        (&raw mut (*op.as_ptr().cast::<StreamObject>()).fd).write(fd);
        Ok(Obj::from_owned(heap, op))
    }
}

/// A stream's data attributes: `name` (`'<stdout>'`, `'<stderr>'`) and `encoding`
/// (`'utf-8'`); `None` for another object or name.
pub(crate) fn attribute<'py>(
    heap: &'py Heap,
    o: &PyObject,
    name: &str,
) -> PyResult<Option<Obj<'py>>> {
    let Some(fd) = stream_fd(o) else {
        return Ok(None);
    };
    let value = match name {
        "name" if fd == 1 => "<stdout>",
        "name" => "<stderr>",
        "encoding" => "utf-8",
        _ => return Ok(None),
    };
    unicode::new_str(heap, value).map(Some)
}

/// Whether a stream has method `name`.
pub(crate) fn has_method(name: &str) -> bool {
    matches!(name, "write" | "flush")
}

/// `stream.write(s)` and `stream.flush()`.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    fd: usize,
    name: &str,
    args: &[Obj<'py>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let expect = |n: usize| {
        if args.len() == n {
            return Ok(());
        }
        let what = if n == 0 {
            format!(
                "TextIOWrapper.{name}() takes no arguments ({} given)",
                args.len()
            )
        } else {
            format!(
                "TextIOWrapper.{name}() takes exactly one argument ({} given)",
                args.len()
            )
        };
        Err(interp.raise(&exceptions::TYPE_ERROR, what))
    };
    if name == "flush" {
        expect(0)?;
        flush(interp, fd);
        return Ok(pyrt_objects::types::none(heap));
    }
    expect(1)?;
    let Some(s) = unicode::Str::cast(args[0].object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "write() argument must be str, not {}",
                args[0].ob_type().name()
            ),
        ));
    };
    let text = unicode::str_value(s);
    write(interp, fd, &text);
    long::int_from_i64(heap, text.chars().count() as i64).map_err(|e| interp.err(e))
}

/// Writes `text` on stream `fd`.
pub(crate) fn write(interp: &Interp<'_>, fd: usize, text: &str) {
    if fd == 2 {
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = interp.out.borrow_mut().write_all(text.as_bytes());
    }
}

/// Flushes stream `fd`.
pub(crate) fn flush(interp: &Interp<'_>, fd: usize) {
    if fd == 2 {
        let _ = std::io::stderr().flush();
    } else {
        let _ = interp.out.borrow_mut().flush();
    }
}

fn stream_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let name = if stream_fd(o) == Some(2) {
        "<stderr>"
    } else {
        "<stdout>"
    };
    Ok(format!(
        "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
    ))
}

/// Frees a stream (it holds no references).
unsafe fn dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead stream of this heap.
    unsafe { heap.free_object(op, op.as_ref().ob_type()) };
}

static STREAM_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: stream_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `_io.TextIOWrapper`.
static STREAM_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "_io.TextIOWrapper",
        basicsize: size_of::<StreamObject>(),
        itemsize: 0,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &STREAM_SLOTS,
    },
);
