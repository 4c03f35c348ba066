//! `sys._getframe(depth=0)` (`Python/sysmodule.c`'s `sys__getframe_impl`): the frame object
//! of the running Python frame, or of the one `depth` calls below it, skipping incomplete
//! frames as `PyFrame_GetBack` does.
//!
//! The walk starts at the running frame (`current_frame`, an inline generator's frame too)
//! and follows each frame's `previous`, as CPython does: a call's frame links its caller, a
//! generator's frame the frame that resumed it (by `FOR_ITER`/`SEND` or from Rust), a frame a
//! built-in entered from Rust the frame below it. A data-stack frame with no link (a module
//! body an import runs) continues with the frame below it on the data stack.

use pyrt_objects::types::frame::OWNED_BY_THREAD;
use pyrt_objects::types::long;
use pyrt_objects::{Obj, PyObject};

use super::super::exceptions;
use super::super::{Interp, R};

/// `sys._getframe(depth)`.
pub(crate) fn getframe<'py>(interp: &Interp<'py>, depth: Option<&PyObject>) -> R<'py, Obj<'py>> {
    let depth = match depth {
        None => 0,
        Some(d) => match long::Int::cast(d).map(long::as_i64) {
            Some(Some(n)) => n,
            Some(None) => {
                return Err(interp.raise(
                    &exceptions::OVERFLOW_ERROR,
                    "Python int too large to convert to C int",
                ));
            }
            None => {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        d.ob_type().name()
                    ),
                ));
            }
        },
    };
    let stack = &interp.vm.stack;
    let mut at = interp.running_frame();
    let mut left = depth.max(0);
    loop {
        let Some(frame) = at else {
            return Err(interp.raise(&exceptions::VALUE_ERROR, "call stack is not deep enough"));
        };
        if !frame.is_incomplete() {
            if left == 0 {
                return frame.frame_object(interp.heap).map_err(|e| interp.err(e));
            }
            left -= 1;
        }
        at = match frame.previous() {
            Some(p) => Some(p),
            None if frame.owner() == OWNED_BY_THREAD => stack.frame_below(frame),
            None => None,
        };
    }
}
