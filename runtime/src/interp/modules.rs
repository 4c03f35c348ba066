//! The built-in modules a script can import: `sys` (`Python/sysmodule.c`: `argv`,
//! `getsizeof`, `getrefcount`, `intern`, the recursion limit, `_debugmallocstats`,
//! `version_info`), `time` (`perf_counter`), `collections` (`namedtuple`), and `gc` and
//! `weakref`, whose functions live in `gc_module.rs`.

use pyrt_objects::types::{dict, list, long, record, unicode};
use pyrt_objects::{Obj, PyObject, abstract_};

use super::exceptions;
use super::objects::{BUILTIN, MODULE};
use super::{Interp, R};

/// Module functions, by index after the built-ins and methods.
pub(crate) const FUNCTIONS: &[(&str, &str)] = &[
    ("sys", "getsizeof"),
    ("sys", "getrefcount"),
    ("sys", "intern"),
    ("sys", "getrecursionlimit"),
    ("sys", "setrecursionlimit"),
    ("sys", "_debugmallocstats"),
    ("time", "perf_counter"),
    ("collections", "namedtuple"),
];

/// The first index of module functions in the built-in table.
pub(crate) fn base_index() -> usize {
    super::builtins::method_index() + 1
}

/// A new module object for `name`.
pub(crate) fn new_module<'py>(interp: &Interp<'py>, name: &str) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    if !["sys", "time", "collections", "gc", "weakref"].contains(&name) {
        return Err(interp.raise(
            &exceptions::MODULE_NOT_FOUND_ERROR,
            format!("No module named '{name}'"),
        ));
    }
    let d = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&d)?;
    let all = FUNCTIONS.iter().chain(super::gc_module::FUNCTIONS);
    for (i, (m, f)) in all.enumerate() {
        if *m == name {
            let n = interp.name_str(f)?;
            let b = BUILTIN
                .alloc(heap, &[Some(n), None], &[base_index() + i])
                .map_err(err)?;
            dict::set_item(heap, view, interp.name_str(f)?, b).map_err(err)?;
        }
    }
    if name == "sys" {
        let argv = interp
            .argv
            .iter()
            .map(|a| unicode::new_str(heap, a))
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        let argv = list::new_list(heap, argv).map_err(err)?;
        dict::set_item(heap, view, interp.name_str("argv")?, argv).map_err(err)?;
        let vi = version_info(interp)?;
        dict::set_item(heap, view, interp.name_str("version_info")?, vi).map_err(err)?;
        let maxsize = long::int_from_i64(heap, i64::MAX).map_err(err)?;
        dict::set_item(heap, view, interp.name_str("maxsize")?, maxsize).map_err(err)?;
    }
    let mut attrs = Vec::new();
    if name == "gc" {
        attrs = super::gc_module::gc_attributes(interp)?;
    }
    if name == "weakref" {
        let ty = &pyrt_objects::types::weakref::WEAKREF_TYPE
            .get()
            .ob_base
            .ob_base;
        // SAFETY: a static type object is immortal.
        let ty = unsafe { Obj::from_borrowed(heap, ty) };
        attrs = vec![("ref", ty.clone()), ("ReferenceType", ty)];
    }
    for (k, v) in attrs {
        dict::set_item(heap, view, interp.name_str(k)?, v).map_err(err)?;
    }
    let n = interp.name_str(name)?;
    MODULE.alloc(heap, &[Some(n), Some(d)], &[]).map_err(err)
}

/// `sys.version_info`: CPython 3.12.1's, as a named tuple.
fn version_info<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let fields = ["major", "minor", "micro", "releaselevel", "serial"];
    let cls = record::new_namedtuple_class(heap, "version_info", "sys", &fields).map_err(err)?;
    let values = vec![
        long::int_from_i64(heap, 3).map_err(err)?,
        long::int_from_i64(heap, 12).map_err(err)?,
        long::int_from_i64(heap, 1).map_err(err)?,
        unicode::new_str(heap, "final").map_err(err)?,
        long::int_from_i64(heap, 0).map_err(err)?,
    ];
    let cls = pyrt_objects::types::class::Class::cast_internal(cls.object()).map_err(err)?;
    pyrt_objects::types::class::call(heap, cls, values).map_err(err)
}

/// Attributes computed when read (none yet).
pub(crate) fn dynamic_attr<'py>(
    _interp: &Interp<'py>,
    _m: &Obj<'py>,
    _name: &str,
) -> R<'py, Option<Obj<'py>>> {
    Ok(None)
}

/// Calls module function `index` (relative to [`base_index`]).
pub(crate) fn call_function<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    if index >= FUNCTIONS.len() {
        return super::gc_module::call(interp, index - FUNCTIONS.len(), args, kwargs);
    }
    let (module, name) = FUNCTIONS[index];
    if !kwargs.is_empty() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{name}() takes no keyword arguments"),
        ));
    }
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let one = |args: &[Obj<'py>]| -> R<'py, Obj<'py>> {
        match args {
            [a] => Ok(a.clone()),
            _ => Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("{name}() takes exactly one argument ({} given)", args.len()),
            )),
        }
    };
    match (module, name) {
        ("sys", "getsizeof") => {
            let o = one(&args)?;
            long::int_from_i64(heap, abstract_::getsizeof(o.object()) as i64).map_err(err)
        }
        ("sys", "getrefcount") => {
            one(&args)?;
            // The argument list holds one reference, as CPython's call stack does.
            let n = args[0].object().refcnt();
            long::int_from_i64(heap, n as i64).map_err(err)
        }
        ("sys", "intern") => {
            let o = one(&args)?;
            if !unicode::is_str(o.object()) {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("intern() argument must be str, not {}", o.ob_type().name()),
                ));
            }
            drop(args);
            unicode::intern(heap, o).map_err(err)
        }
        ("sys", "getrecursionlimit") => {
            long::int_from_i64(heap, interp.recursion_limit.get() as i64).map_err(err)
        }
        ("sys", "setrecursionlimit") => {
            let o = one(&args)?;
            let n = long::object_as_i64(o.object())
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    interp.raise(
                        &exceptions::VALUE_ERROR,
                        "recursion limit must be greater or equal than 1",
                    )
                })?;
            interp.recursion_limit.set(n as usize);
            Ok(pyrt_objects::types::none(heap))
        }
        ("sys", "_debugmallocstats") => {
            let _ = interp.out.borrow_mut().flush();
            eprint!("{}", heap.malloc_stats());
            Ok(pyrt_objects::types::none(heap))
        }
        ("time", "perf_counter") => {
            // Monotonic seconds from a process-wide start (the first call), as CPython's clock
            // is monotonic with an undefined reference point: only differences mean anything.
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            let t = START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64();
            pyrt_objects::types::float::new_float(heap, t).map_err(err)
        }
        ("collections", "namedtuple") => {
            let (Some(n), Some(f)) = (args.first(), args.get(1)) else {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    "namedtuple() missing required arguments",
                ));
            };
            let fields: Vec<String> = if let Some(f) = unicode::Str::cast(f.object()) {
                unicode::str_value(f)
                    .replace(',', " ")
                    .split_whitespace()
                    .map(str::to_string)
                    .collect()
            } else {
                interp
                    .collect(f)?
                    .iter()
                    .map(|x| str_of(x.object()))
                    .collect()
            };
            let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
            record::new_namedtuple_class(heap, &str_of(n.object()), "__main__", &refs).map_err(err)
        }
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown module function")),
    }
}

fn str_of(o: &PyObject) -> String {
    unicode::Str::cast(o).map_or_else(String::new, unicode::str_value)
}

use std::io::Write as _;
