//! The frame object's namespace attributes (`Objects/frameobject.c`'s `frame_getlocals`,
//! `frame_getglobals`, `frame_getbuiltins`): `f_globals`, `f_builtins`, and `f_locals`,
//! which for a function's frame is the dict `_PyFrame_FastToLocalsWithError` fills from the
//! fast locals, cells and free variables (kept in the frame's `f_locals` and brought up to
//! date on each read; unbound names are removed), and for a module or class body the mapping
//! the body runs in.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::Member;
use crate::types::cell::CellObject;
use crate::types::code::{CO_FAST_FREE, CO_FAST_HIDDEN, CO_OPTIMIZED, Code};
use crate::types::dict::{self, Dict};
use crate::types::frame::InterpreterFrame;
use crate::types::frameobject::FrameObject;
use crate::types::{none, tuple};

/// The interpreter frame of frame object `o` (the slots are only called on frames).
fn frame_of(o: &PyObject) -> PyResult<&InterpreterFrame> {
    Ok(FrameObject::cast(o)
        .ok_or_else(crate::view::bad_internal_call)?
        .frame())
}

/// `frame.f_locals`.
///
/// # Errors
/// `MemoryError`.
pub fn locals<'h>(heap: &'h Heap, frame: &InterpreterFrame) -> PyResult<Obj<'h>> {
    let Some(code) = frame.code() else {
        return Ok(none(heap));
    };
    let optimized = code.flags() & CO_OPTIMIZED != 0;
    if !optimized && let Some(l) = frame.locals(heap) {
        return Ok(l);
    }
    let d = match frame.locals(heap) {
        Some(d) if Dict::cast(d.object()).is_some() => d,
        _ => {
            let d = dict::new_dict(heap)?;
            frame.set_locals(heap, Some(d.clone()));
            d
        }
    };
    fill_locals(
        heap,
        frame,
        code,
        Dict::cast_internal(d.object())?,
        optimized,
    )?;
    Ok(d)
}

/// `_PyFrame_FastToLocalsWithError`'s loop: each named slot's value into `d`.
fn fill_locals(
    heap: &Heap,
    frame: &InterpreterFrame,
    code: &Code,
    d: &Dict,
    optimized: bool,
) -> PyResult<()> {
    let names = tuple::items(code.localsplusnames());
    for (i, (&name, &kind)) in names.iter().zip(code.localspluskinds()).enumerate() {
        if kind & CO_FAST_HIDDEN != 0 || (kind & CO_FAST_FREE != 0 && !optimized) {
            continue;
        }
        let mut value = frame.local(heap, i);
        if let Some(v) = &value
            && let Some(cell) = CellObject::cast(v.object())
        {
            value = cell.get(heap);
        }
        // SAFETY: the code object holds its local names.
        let key = unsafe { Obj::from_borrowed(heap, name.as_ref()) };
        match value {
            Some(v) => dict::set_item(heap, d, key, v)?,
            None => {
                if dict::get_item(heap, d, key.object())?.is_some() {
                    dict::del_item(heap, d, key.object())?;
                }
            }
        }
    }
    Ok(())
}

/// `f_locals`.
pub const F_LOCALS: Member = Member {
    name: "f_locals",
    get: |h, o| locals(h, frame_of(o)?),
};

/// `f_globals`.
pub const F_GLOBALS: Member = Member {
    name: "f_globals",
    get: |h, o| Ok(frame_of(o)?.globals(h).unwrap_or_else(|| none(h))),
};

/// `f_builtins`.
pub const F_BUILTINS: Member = Member {
    name: "f_builtins",
    get: |h, o| Ok(frame_of(o)?.builtins(h).unwrap_or_else(|| none(h))),
};
