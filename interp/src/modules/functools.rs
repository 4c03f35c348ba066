//! `_functools`'s functions (`Modules/_functoolsmodule.c`): `reduce` and `cmp_to_key`, under
//! the shipped `functools.py`, which takes them with `from _functools import ...` as
//! CPython's does. The types of `_functools` live beside it: `partial.rs`, `key_wrapper.rs`
//! (`KeyWrapper`) and `lru_cache.rs`.

use pyrt_objects::Obj;
use pyrt_objects::abstract_;
use pyrt_objects::methods::{self, Params};

use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R, Unwind};

/// The functions of `_functools`.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    // `PyArg_UnpackTuple(args, "reduce", 2, 3, ...)` of a `METH_VARARGS` function.
    def(
        "_functools",
        "reduce",
        Params::Positional { min: 2, max: 3 },
    ),
    def(
        "_functools",
        "cmp_to_key",
        Params::Keywords {
            names: &["mycmp"],
            positional: 1,
            required: 1,
        },
    ),
];

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    let err = |e| interp.err(e);
    let bound = methods::bind("", f.name, f.params, &args, &kwargs).map_err(err)?;
    drop(args);
    let mut a = bound.into_iter();
    let first = a
        .next()
        .flatten()
        .ok_or_else(|| err(pyrt_objects::view::bad_internal_call()))?;
    match f.name {
        "cmp_to_key" => crate::key_wrapper::cmp_to_key(interp, first),
        _ => {
            let seq = a
                .next()
                .flatten()
                .ok_or_else(|| err(pyrt_objects::view::bad_internal_call()))?;
            reduce(interp, &first, &seq, a.next().flatten())
        }
    }
}

/// `functools_reduce`: `function(function(initial, x0), x1)...`, the first item standing
/// for a missing initial value.
fn reduce<'py>(
    interp: &Interp<'py>,
    function: &Obj<'py>,
    seq: &Obj<'py>,
    initial: Option<Obj<'py>>,
) -> R<'py, Obj<'py>> {
    let it = match abstract_::get_iter(interp.heap, seq.object()).map_err(|e| interp.err(e)) {
        Ok(it) => it,
        Err(Unwind::Raise(r)) if r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get()) => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "reduce() arg 2 must support iteration",
            ));
        }
        Err(e) => return Err(e),
    };
    let mut result = initial;
    while let Some(item) = interp.vm_iter_next(&it)? {
        result = Some(match result {
            None => item,
            Some(acc) => interp.call(function, vec![acc, item], Vec::new())?,
        });
    }
    result.ok_or_else(|| {
        interp.raise(
            &exceptions::TYPE_ERROR,
            "reduce() of empty iterable with no initial value",
        )
    })
}
