//! The generator's state attributes (`Objects/genobject.c`'s `gen_getsetlist` and
//! `_PyGen_yf`): `gi_frame` (the frame object while the generator can still run, else
//! `None`), `gi_suspended`, `gi_yieldfrom` (the sub-iterator of a `yield from` it is
//! suspended in, else `None`).

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::Member;
use crate::types::genobject::{
    FRAME_CLEARED, FRAME_COMPLETED, FRAME_CREATED, FRAME_SUSPENDED, Generator,
};
use crate::types::{long, none};

/// The `RESUME` opcode of 3.12; its argument is 2 after a `yield from`'s `YIELD_VALUE`
/// (3 after an `await`'s, 1 after a plain `yield`).
const RESUME: u16 = 151;

/// `_PyGen_yf`: the sub-iterator `g` delegates to, when it is suspended in a `yield from`:
/// the instruction after its last is `RESUME` with an argument of 2 or more, and the
/// sub-iterator is on top of its stack.
pub fn yield_from_target<'h>(heap: &'h Heap, g: &Generator) -> Option<Obj<'h>> {
    let state = g.frame_state();
    if state == FRAME_CREATED || state >= FRAME_CLEARED {
        return None;
    }
    let frame = g.frame();
    let code = frame.code()?;
    let next = usize::try_from(frame.lasti() + 1).ok()?;
    let word = code.units().get(next)?.get();
    if word & 0xff != RESUME || word >> 8 < 2 {
        return None;
    }
    frame.stack_peek(heap)
}

/// The generator `o` is (the type's slots are only called on generators).
fn gen_of(o: &PyObject) -> PyResult<&Generator> {
    Generator::cast(o).ok_or_else(crate::view::bad_internal_call)
}

/// `gi_frame`: `None` once the generator finished (`FRAME_STATE_FINISHED`).
pub const GI_FRAME: Member = Member {
    name: "gi_frame",
    get: |h, o| {
        let g = gen_of(o)?;
        if g.frame_state() >= FRAME_COMPLETED {
            return Ok(none(h));
        }
        g.frame().frame_object(h)
    },
};

/// `gi_suspended`: stopped at a `yield`.
pub const GI_SUSPENDED: Member = Member {
    name: "gi_suspended",
    get: |h, o| {
        Ok(long::new_bool(
            h,
            gen_of(o)?.frame_state() == FRAME_SUSPENDED,
        ))
    },
};

/// `gi_yieldfrom`: the iterator a `yield from` delegates to, else `None`.
pub const GI_YIELDFROM: Member = Member {
    name: "gi_yieldfrom",
    get: |h, o| Ok(yield_from_target(h, gen_of(o)?).unwrap_or_else(|| none(h))),
};
