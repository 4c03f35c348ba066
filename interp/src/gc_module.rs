//! The `gc` module (`Modules/gcmodule.c`'s Python API) and the `_weakref` module's functions
//! (`Modules/_weakref.c`, under the shipped `weakref.py`); `gc_hooks.rs` runs what they
//! register.
//!
//! `gc.garbage` and `gc.callbacks` are the lists the module was created with (rebinding the
//! module attribute does not change them, as in CPython): collections move what they save into
//! the first, and call what the second holds.

use pyrt_gc::{NUM_GENERATIONS, debug};
use pyrt_objects::types::{dict, list, long, none, tuple, unicode, weakref};
use pyrt_objects::{Obj, PyObject};

use pyrt_objects::methods::Params;

use super::exceptions;
use super::modules::{ModuleFunction, def};
use super::{Interp, R};

/// The functions of the `gc` and `_weakref` modules, each with how CPython 3.12 takes its
/// arguments (which decides its error messages, and whether calling it allocates an argument
/// tuple: a `METH_VARARGS` one does, `_PyObject_MakeTpCall`).
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("gc", "collect", GENERATION),
    def("gc", "enable", Params::NoArgs),
    def("gc", "disable", Params::NoArgs),
    def("gc", "isenabled", Params::NoArgs),
    def("gc", "get_count", Params::NoArgs),
    def("gc", "get_threshold", Params::NoArgs),
    def("gc", "set_threshold", Params::VarArgs { min: 1, max: 3 }),
    def("gc", "set_debug", Params::One),
    def("gc", "get_debug", Params::NoArgs),
    def("gc", "is_tracked", Params::One),
    def("gc", "is_finalized", Params::One),
    def("gc", "get_objects", GENERATION),
    def("gc", "get_referrers", Params::AnyArgs),
    def("gc", "get_referents", Params::AnyArgs),
    def("gc", "get_stats", Params::NoArgs),
    def("gc", "freeze", Params::NoArgs),
    def("gc", "unfreeze", Params::NoArgs),
    def("gc", "get_freeze_count", Params::NoArgs),
    def("_weakref", "getweakrefcount", Params::One),
    def("_weakref", "getweakrefs", Params::One),
    def(
        "_weakref",
        "_remove_dead_weakref",
        Params::Positional { min: 2, max: 2 },
    ),
];

/// `gc.collect(generation=2)`, `gc.get_objects(generation=None)`: Argument Clinic.
const GENERATION: Params = Params::Keywords {
    names: &["generation"],
    positional: 1,
    required: 0,
};

/// The lists behind `gc.garbage` and `gc.callbacks`.
pub(crate) struct GcLists<'py> {
    pub garbage: Obj<'py>,
    pub callbacks: Obj<'py>,
}

/// The data attributes of the `gc` module: the two lists and the `DEBUG_*` flags.
pub(crate) fn gc_attributes<'py>(interp: &Interp<'py>) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let lists = interp.gc_lists()?;
    let mut attrs = vec![
        ("garbage", lists.garbage.clone()),
        ("callbacks", lists.callbacks.clone()),
    ];
    for (name, value) in [
        ("DEBUG_STATS", debug::STATS),
        ("DEBUG_COLLECTABLE", debug::COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", debug::UNCOLLECTABLE),
        ("DEBUG_SAVEALL", debug::SAVEALL),
        ("DEBUG_LEAK", debug::LEAK),
    ] {
        attrs.push((
            name,
            long::int_from_i64(heap, i64::from(value)).map_err(err)?,
        ));
    }
    Ok(attrs)
}

/// How an out-of-range C `int` argument is reported.
#[derive(Clone, Copy)]
enum IntParser {
    /// Argument Clinic's `int` converter (`_PyLong_AsInt`).
    Clinic,
    /// `PyArg_ParseTuple`'s `i` format.
    ParseTuple,
}

/// A C `int` argument: an `int` (or `bool`) in `i32` range, with CPython's `TypeError` for
/// other types and its `OverflowError`s.
fn c_int<'py>(interp: &Interp<'py>, o: &Obj<'py>, parser: IntParser) -> R<'py, i32> {
    let Some(i) = long::Int::cast(o.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                o.ob_type().name()
            ),
        ));
    };
    let value = long::as_i64(i);
    if let Some(v) = value.and_then(|v| i32::try_from(v).ok()) {
        return Ok(v);
    }
    let message = match (parser, value) {
        (IntParser::Clinic, _) => "Python int too large to convert to C int",
        // `PyArg_ParseTuple` reads a C `long` first.
        (IntParser::ParseTuple, None) => "Python int too large to convert to C long",
        (IntParser::ParseTuple, Some(v)) if v > 0 => "signed integer is greater than maximum",
        (IntParser::ParseTuple, Some(_)) => "signed integer is less than minimum",
    };
    Err(interp.raise(&exceptions::OVERFLOW_ERROR, message))
}

/// `gc.get_objects`'s `generation`: `None` or a `Py_ssize_t` (`_Py_convert_optional_to_ssize_t`),
/// checked as `gc_get_objects_impl` checks it.
fn generation_or_all<'py>(interp: &Interp<'py>, arg: Option<&Obj<'py>>) -> R<'py, Option<usize>> {
    let value_error = |m: &str| interp.raise(&exceptions::VALUE_ERROR, m.to_string());
    let Some(a) = arg.filter(|a| !a.is(&none(interp.heap))) else {
        return Ok(None);
    };
    let Some(a) = long::Int::cast(a.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "argument should be integer or None, not '{}'",
                a.ob_type().name()
            ),
        ));
    };
    let Some(g) = long::as_i64(a) else {
        return Err(interp.raise(
            &exceptions::OVERFLOW_ERROR,
            "cannot fit 'int' into an index-sized integer",
        ));
    };
    match g {
        -1 => Ok(None),
        g if g < -1 => Err(value_error("generation parameter cannot be negative")),
        g if g >= NUM_GENERATIONS as i64 => Err(value_error(
            "generation parameter must be less than the number of available generations (3)",
        )),
        g => Ok(Some(g as usize)),
    }
}

/// Calls `gc.name` or `_weakref.name` (index `index` of [`FUNCTIONS`]).
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let f = &FUNCTIONS[index];
    let name = f.name;
    // A `METH_VARARGS` function receives its arguments as a new tuple, made before the
    // function runs (and counted by the collector like any tuple allocation).
    let arg_tuple = match f.params {
        Params::VarArgs { .. } | Params::AnyArgs => {
            Some(tuple::new_tuple(heap, args.clone()).map_err(|e| interp.err(e))?)
        }
        _ => None,
    };
    let bound = super::modules::bind(interp, f, &args, &kwargs)?;
    drop(args);
    let args: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
    match name {
        "collect" | "enable" | "disable" | "isenabled" | "get_count" | "get_threshold"
        | "set_threshold" | "set_debug" | "get_debug" | "get_stats" | "freeze" | "unfreeze"
        | "get_freeze_count" => call_setting(interp, name, &args),
        _ => call_inspection(interp, name, &args, arg_tuple.as_ref()),
    }
}

/// The functions about collections and the collector's settings.
fn call_setting<'py>(interp: &Interp<'py>, name: &str, args: &[Obj<'py>]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let int = |n: i64| long::int_from_i64(heap, n).map_err(err);
    let gc = heap.collector();
    match name {
        "collect" => {
            let g = match args.first() {
                Some(a) => c_int(interp, a, IntParser::Clinic)?,
                None => 2,
            };
            let g = usize::try_from(g)
                .ok()
                .filter(|g| *g < NUM_GENERATIONS)
                .ok_or_else(|| interp.raise(&exceptions::VALUE_ERROR, "invalid generation"))?;
            let collected = heap
                .collect(g)
                .map_err(|_| interp.raise(&exceptions::VALUE_ERROR, "invalid generation"))?;
            interp.save_garbage();
            int(collected.total() as i64)
        }
        "enable" | "disable" => {
            gc.set_enabled(name == "enable");
            Ok(none(heap))
        }
        "isenabled" => Ok(long::new_bool(heap, gc.is_enabled())),
        "get_count" | "get_threshold" => {
            let values = if name == "get_count" {
                gc.counts()
            } else {
                gc.thresholds()
            };
            let items = values
                .iter()
                .map(|&v| int(v as i64))
                .collect::<R<'py, Vec<_>>>()?;
            tuple::new_tuple(heap, items).map_err(err)
        }
        "set_threshold" => {
            let mut t = Vec::new();
            for a in args {
                let v = c_int(interp, a, IntParser::ParseTuple)?;
                t.push(usize::try_from(v).map_err(|_| {
                    interp.raise(
                        &exceptions::VALUE_ERROR,
                        "pyrt does not support negative collection thresholds",
                    )
                })?);
            }
            gc.set_thresholds(&t);
            Ok(none(heap))
        }
        "set_debug" => {
            // The flags are a C `int`: `gc.set_debug(-1)` is read back as -1.
            let flags = c_int(interp, &args[0], IntParser::Clinic)?;
            gc.set_debug_flags(flags as u32);
            Ok(none(heap))
        }
        "get_debug" => int(i64::from(gc.debug_flags() as i32)),
        "get_stats" => get_stats(interp),
        "freeze" => {
            gc.freeze();
            Ok(none(heap))
        }
        "unfreeze" => {
            gc.unfreeze();
            Ok(none(heap))
        }
        "get_freeze_count" => int(gc.freeze_count() as i64),
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown gc function")),
    }
}

/// `gc.get_stats()`: a list of three dicts, one per generation.
fn get_stats<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let mut out = Vec::new();
    for s in heap.collector().stats() {
        let d = dict::new_dict(heap).map_err(err)?;
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            let k = unicode::new_str(heap, k).map_err(err)?;
            let v = long::int_from_i64(heap, v as i64).map_err(err)?;
            dict::set_item(heap, interp.own_dict(&d)?, k, v).map_err(err)?;
        }
        out.push(d);
    }
    list::new_list(heap, out).map_err(err)
}

/// The functions that look at objects: tracking, the object graph, weak references.
/// `arg_tuple` is the argument tuple of a `METH_VARARGS` call.
fn call_inspection<'py>(
    interp: &Interp<'py>,
    name: &str,
    args: &[Obj<'py>],
    arg_tuple: Option<&Obj<'py>>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    match name {
        "is_tracked" => Ok(long::new_bool(heap, heap.is_tracked(args[0].object()))),
        "is_finalized" => Ok(long::new_bool(heap, heap.is_finalized(args[0].object()))),
        "get_objects" => {
            let g = generation_or_all(interp, args.first())?;
            let objects = heap
                .gc_objects(g)
                .map_err(|_| interp.raise(&exceptions::VALUE_ERROR, "invalid generation"))?;
            list::new_list(heap, objects).map_err(err)
        }
        "get_referrers" => {
            let objs: Vec<&PyObject> = args.iter().map(Obj::object).collect();
            // `gc_referrers_for` skips the call's own argument tuple.
            let found = heap
                .referrers(&objs)
                .into_iter()
                .filter(|o| arg_tuple.is_none_or(|t| !o.is(t)))
                .collect();
            list::new_list(heap, found).map_err(err)
        }
        "get_referents" => {
            let objs: Vec<&PyObject> = args.iter().map(Obj::object).collect();
            list::new_list(heap, heap.referents(&objs)).map_err(err)
        }
        "getweakrefcount" => {
            long::int_from_i64(heap, weakref::weakref_count(args[0].object()) as i64).map_err(err)
        }
        "getweakrefs" => {
            list::new_list(heap, weakref::weakrefs(heap, args[0].object())).map_err(err)
        }
        "_remove_dead_weakref" => remove_dead_weakref(interp, &args[0], &args[1]),
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown gc function")),
    }
}

/// `_weakref._remove_dead_weakref(dct, key)`: deletes `dct[key]` if it is a dead weak
/// reference (`_PyDict_DelItemIf` with `is_dead_weakref`); a missing key is no error, as a
/// weak-value dictionary's callback may run after the key is gone.
fn remove_dead_weakref<'py>(
    interp: &Interp<'py>,
    dct: &Obj<'py>,
    key: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let Ok(d) = dict::Dict::cast_internal(dct.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "_remove_dead_weakref() argument 1 must be dict, not {}",
                dct.ob_type().name()
            ),
        ));
    };
    let Some(value) = dict::get_item(heap, d, key.object()).map_err(err)? else {
        return Ok(none(heap));
    };
    let Some(w) = weakref::Weakref::cast(value.object()) else {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "not a weakref"));
    };
    if weakref::referent(heap, w).is_none() {
        dict::del_item(heap, d, key.object()).map_err(err)?;
    }
    Ok(none(heap))
}
