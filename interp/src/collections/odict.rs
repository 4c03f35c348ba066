//! `_collections`' helpers for the shipped `OrderedDict` (`interp/lib/collections/_dicts.py`),
//! the two things `Objects/odictobject.c` does below Python:
//!
//! - `_odict_move_to_end(od, key, last)`: `OrderedDict_move_to_end_impl`. CPython moves a node
//!   of its linked list and never touches the dict; pyrt keeps the order in the dict's entries
//!   and rotates them in place ([`dict::reorder::move_to_end`]), so the table keeps CPython's
//!   size True when the key moved, False when it was already at that end (CPython then
//!   leaves `od_state` alone), `KeyError` when absent.
//! - `_odict_fast_size(od)`: `od_fast_nodes_size`, the length of the `od_fast_nodes` array
//!   that `_odict_resize` keeps parallel to the dict's hash table (`1 << dk_log2_size`) from
//!   the first lookup after a resize; 0 while the dict has no table of its own (new or
//!   cleared, as `_odict_clear_nodes` leaves it). `odict_sizeof` counts 8 bytes a slot.
//!
//! The class stays in Python over `dict` (its methods are CPython's, written out in
//! `_dicts.py`); these live here because they read and rewrite the dict's table.

use pyrt_objects::Obj;
use pyrt_objects::types::dict::reorder::Moved;
use pyrt_objects::types::dict::{self, Dict};
use pyrt_objects::types::{exceptions as exc, long};

use super::super::modules::{ModuleFunction, def};
use super::super::{Interp, R};
use pyrt_objects::methods::Params;

/// The functions, registered in [`super::super::modules::FUNCTIONS`]'s chain.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def(
        "_collections",
        "_odict_move_to_end",
        Params::Positional { min: 3, max: 3 },
    ),
    def("_collections", "_odict_fast_size", Params::One),
];

/// The dict `o` is, or the `TypeError` of a C function given another object.
fn dict_arg<'a, 'py>(interp: &Interp<'py>, o: &'a Obj<'py>) -> R<'py, &'a Dict> {
    Dict::cast(o.object()).ok_or_else(|| {
        interp.raise(
            &super::super::exceptions::TYPE_ERROR,
            format!("expected a dict, not '{}'", o.ob_type().name()),
        )
    })
}

/// Calls function `name` of [`FUNCTIONS`] with its bound arguments.
pub(crate) fn call<'py>(interp: &Interp<'py>, name: &str, args: &[Obj<'py>]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    match (name, args) {
        ("_odict_move_to_end", [od, key, last]) => {
            let d = dict_arg(interp, od)?;
            let last = pyrt_objects::abstract_::is_true(heap, last.object()).map_err(err)?;
            match dict::reorder::move_to_end(heap, d, key.object(), last).map_err(err)? {
                Moved::Moved => Ok(long::new_bool(heap, true)),
                Moved::AlreadyThere => Ok(long::new_bool(heap, false)),
                Moved::Absent => Err(err(exc::key_error(heap, key.clone()))),
            }
        }
        ("_odict_fast_size", [od]) => {
            let d = dict_arg(interp, od)?;
            long::int_from_i64(heap, dict::reorder::table_size(d) as i64).map_err(err)
        }
        _ => Err(err(pyrt_objects::view::bad_internal_call())),
    }
}
