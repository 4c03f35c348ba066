//! Exceptions on their way through frames: the exception table (`get_exception_handler` in
//! `Python/ceval.c`, the table format of `Objects/exception_handling_notes.txt`), traceback
//! entries (`PyTraceBack_Here`) and the implicit `__context__` (`_PyErr_SetObject`).

use pyrt_compiler::dis::parse_exception_table;
use pyrt_objects::Obj;
use pyrt_objects::types::code::{Code, addr2line};
use pyrt_objects::types::exceptions::chain_context;
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::traceback;

use super::super::Interp;
use super::super::exceptions::Exception;

/// Where an exception raised at code unit `lasti` is handled: `(handler unit, stack depth,
/// push lasti)`.
pub(crate) fn handler(code: &Code, lasti: usize) -> Option<(usize, usize, bool)> {
    let offset = (lasti * 2) as u32;
    parse_exception_table(code.exceptiontable())
        .into_iter()
        .find(|e| e.start <= offset && offset < e.end)
        .map(|e| ((e.target / 2) as usize, e.depth as usize, e.lasti))
}

impl<'py> Interp<'py> {
    /// `PyTraceBack_Here`: records that `exc` passed through `frame` at code unit `lasti`: a
    /// traceback entry for the frame's object (made now if it has none) is put in front of
    /// `exc.__traceback__`. Without memory for it the entry is left out, as CPython does.
    pub(crate) fn add_traceback(&self, exc: &Obj<'py>, frame: &InterpreterFrame, lasti: usize) {
        let heap = self.heap;
        let Some(e) = Exception::cast(exc.object()) else {
            return;
        };
        let Ok(frame_obj) = frame.frame_object(heap) else {
            return;
        };
        let lineno = frame.code().map_or(-1, |c| addr2line(c, lasti as isize));
        let lasti = i32::try_from(lasti * 2).unwrap_or(i32::MAX);
        let _ = traceback::traceback_here(heap, e, frame_obj, lasti, lineno);
    }

    /// `_PyErr_SetObject`'s chaining: a new exception raised while another is being handled
    /// gets it as `__context__` (cycles through the context chain are cut, as CPython cuts them).
    pub(crate) fn set_context(&self, exc: &Obj<'py>) {
        let handled = self.vm.exc_info.borrow().clone();
        chain_context(self.heap, exc, handled);
    }
}
