//! The methods of `_random.Random` (`random_methods` in `Modules/_randommodule.c`, with
//! Argument Clinic's parameters): `random`, `seed`, `getstate`, `setstate`, `getrandbits`,
//! declared once here over [`super::random`]'s generator.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt};
use crate::obj::Obj;
use crate::types::random::{self, Random};

/// `_random.Random`'s methods, in CPython's order.
pub static RANDOM_METHODS: MethodTable<Random> = MethodTable {
    type_name: "_random.Random",
    methods: &[
        MethodDef {
            name: "random",
            params: Params::NoArgs,
            call: random_,
        },
        MethodDef {
            name: "seed",
            params: Params::Positional { min: 0, max: 1 },
            call: seed,
        },
        MethodDef {
            name: "getstate",
            params: Params::NoArgs,
            call: getstate,
        },
        MethodDef {
            name: "setstate",
            params: Params::One,
            call: setstate,
        },
        MethodDef {
            name: "getrandbits",
            params: Params::One,
            call: getrandbits,
        },
    ],
};

fn random_<'h>(heap: &'h Heap, r: &Random, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    crate::types::float::new_float(heap, random::random_random(r))
}

fn seed<'h>(heap: &'h Heap, r: &Random, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    random::random_seed(heap, r, opt(args, 0).map(Obj::object))?;
    Ok(crate::types::none(heap))
}

fn getstate<'h>(heap: &'h Heap, r: &Random, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    random::random_getstate(heap, r)
}

fn setstate<'h>(heap: &'h Heap, r: &Random, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    random::random_setstate(r, arg(args, 0)?.object())?;
    Ok(crate::types::none(heap))
}

fn getrandbits<'h>(heap: &'h Heap, r: &Random, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    random::random_getrandbits(heap, r, arg(args, 0)?.object())
}
