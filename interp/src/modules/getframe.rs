//! `sys._getframe(depth=0)` (`Python/sysmodule.c`'s `sys__getframe_impl`): the frame object
//! of the running Python frame, or of the one `depth` calls below it, skipping incomplete
//! frames as `PyFrame_GetBack` does.
//!
//! The frames are walked down the session's data stack, which holds them in call order. A
//! generator's frame lives in the generator, not on that stack, so inside a generator this
//! finds the frame that resumed it (a known difference from CPython, which links the
//! generator's frame on top).

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
    // The data stack holds every running frame but generators' in call order, including
    // those a built-in entered from Rust (whose `previous` link is not set).
    let stack = &interp.vm.stack;
    let mut left = depth.max(0);
    let mut n = 0;
    loop {
        let Some(frame) = stack.frame_from_top(n) else {
            return Err(interp.raise(&exceptions::VALUE_ERROR, "call stack is not deep enough"));
        };
        n += 1;
        if frame.is_incomplete() {
            continue;
        }
        if left == 0 {
            return frame.frame_object(interp.heap).map_err(|e| interp.err(e));
        }
        left -= 1;
    }
}
