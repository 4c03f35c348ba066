//! `_pyrt_traceback`: pyrt's private helpers for the shipped `traceback.py`, which format
//! tracebacks and exceptions the way the interpreter prints an uncaught exception
//! ([`crate::vm::traceback`], [`crate::vm::print_exc`]): CPython's `traceback.py` computes
//! source lines and carets from `co_positions` and `linecache`, which pyrt keeps in Rust.

use pyrt_objects::Obj;
use pyrt_objects::types::{long, unicode};

use crate::exceptions;
use crate::{Interp, R};

/// `_pyrt_traceback.format_entry(code, lasti, lineno)`: one traceback entry as
/// `StackSummary.format()` shows it (its `File` line, source line and carets); `lasti` is
/// `tb_lasti`, in bytes.
pub(crate) fn format_entry<'py>(
    interp: &Interp<'py>,
    code: &Obj<'py>,
    lasti: &Obj<'py>,
    lineno: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let int = |o: &Obj<'py>| long::Int::cast(o.object()).and_then(long::as_i64);
    let (Some(lasti), Some(lineno)) = (int(lasti), int(lineno)) else {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "format_entry() expects ints"));
    };
    let line = i32::try_from(lineno).unwrap_or(i32::MAX);
    match interp.format_entry(code, (lasti / 2) as isize, line) {
        Some(text) => unicode::new_str(heap, &text).map_err(|e| interp.err(e)),
        None => Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("expected a code object, not {}", code.ob_type().name()),
        )),
    }
}

/// `_pyrt_traceback.format_exception_only(exc)`: the `Type: message` line and the notes'
/// lines, as one str.
pub(crate) fn format_exception_only<'py>(interp: &Interp<'py>, exc: &Obj<'py>) -> R<'py, Obj<'py>> {
    let text = interp.exception_only(exc);
    unicode::new_str(interp.heap, &text).map_err(|e| interp.err(e))
}

/// `_pyrt_traceback.format_exception(exc)`: everything the interpreter prints for `exc`
/// uncaught (its chain, groups in boxes), as one str.
pub(crate) fn format_exception<'py>(interp: &Interp<'py>, exc: &Obj<'py>) -> R<'py, Obj<'py>> {
    let text = interp.vm_format_exception(exc);
    unicode::new_str(interp.heap, &text).map_err(|e| interp.err(e))
}
