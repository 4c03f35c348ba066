//! The code object's derived attributes (`Objects/codeobject.c`'s `code_getvarnames`,
//! `code_getcellvars`, `code_getfreevars`, `code_getcode`): the tuples of local, cell and free
//! variable names that 3.12 computes from `co_localsplusnames` and `co_localspluskinds`.
//!
//! A name is in `co_varnames` when its kind has `CO_FAST_LOCAL` (the arguments first, then the
//! other locals, in slot order), in `co_cellvars` when it has `CO_FAST_CELL` (an argument that
//! is also a cell is in both), and in `co_freevars` when it has `CO_FAST_FREE`. CPython caches
//! each tuple in `_co_cached` on first use; pyrt makes a new, equal tuple on each access.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::Member;
use crate::types::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, Code};
use crate::types::tuple;

/// The names of the slots whose kind has any bit of `kind` (`get_localsplus_names`).
pub fn names_of_kind<'h>(heap: &'h Heap, code: &Code, kind: u8) -> PyResult<Obj<'h>> {
    let names = tuple::items(code.localsplusnames());
    let kinds = code.localspluskinds();
    let picked = names
        .iter()
        .zip(kinds)
        .filter(|&(_, &k)| k & kind != 0)
        // SAFETY: the code object holds its local names.
        .map(|(&n, _)| unsafe { Obj::from_borrowed(heap, n.as_ref()) })
        .collect();
    tuple::new_tuple(heap, picked)
}

/// The code object `o` is, for the getters (the type's slot only calls them on code objects).
fn code_of(o: &PyObject) -> PyResult<&Code> {
    Code::cast(o).ok_or_else(crate::view::bad_internal_call)
}

/// `co_varnames`: the names of the arguments and other locals.
pub const CO_VARNAMES: Member = Member {
    name: "co_varnames",
    get: |h, o| names_of_kind(h, code_of(o)?, CO_FAST_LOCAL),
};

/// `co_cellvars`: the locals that inner functions refer to.
pub const CO_CELLVARS: Member = Member {
    name: "co_cellvars",
    get: |h, o| names_of_kind(h, code_of(o)?, CO_FAST_CELL),
};

/// `co_freevars`: the variables of enclosing functions this code refers to.
pub const CO_FREEVARS: Member = Member {
    name: "co_freevars",
    get: |h, o| names_of_kind(h, code_of(o)?, CO_FAST_FREE),
};
