//! The built-in modules a script can import: `sys` (`Python/sysmodule.c`: `argv`,
//! `getsizeof`, `getrefcount`, `intern`, the recursion limit, `_debugmallocstats`,
//! `version_info`), `_pyrt_time` (under the shipped `time.py`: the clocks `time`,
//! `perf_counter`, `monotonic`, and their `_ns` forms here, the rest in `modules/time.rs`),
//! `builtins`, `_operator` (`index`, `length_hint` here, the other functions in
//! `modules/operator.rs`, the getter types in `operator_getters.rs`; `operator` is shipped
//! Python over it), `_functools` (`reduce` and `cmp_to_key` in `modules/functools.rs`, the
//! types in `partial.rs`, `key_wrapper.rs`, `lru_cache.rs`), `_random` (`Random`, from
//! `random_module.rs`; `random` is shipped Python over it), `gc` and `_weakref` (`weakref` is shipped
//! Python over it), whose functions live
//! in `gc_module.rs`, and `_tracemalloc` (with pyrt's `_pyrt_tracemalloc`), whose functions
//! live in `modules/tracemalloc.rs`, `posix` (`modules/posix.rs`, under the shipped `os`
//! and `open()`), `_pyrt_traceback` (`modules/pyrt_traceback.rs`, under the shipped
//! `traceback`) and `_collections` (`collections/`, under the shipped `collections`).

use pyrt_objects::methods::{self, Params};
use pyrt_objects::types::{dict, long, record, unicode};
use pyrt_objects::{Obj, abstract_};

pub(crate) mod atexit;
pub(crate) mod functools;
mod getframe;
pub(crate) mod operator;
pub(crate) mod posix;
mod pyrt_traceback;
mod recordclass;
mod struct_module;
pub(crate) mod sys;
pub(crate) mod time;
pub(crate) mod tracemalloc;
pub(crate) mod tracemalloc_frames;

use super::exceptions;
use super::objects::{BUILTIN, MODULE};
use super::{Interp, R};

/// A function of a built-in module, declared with how CPython 3.12 takes its arguments.
pub(crate) struct ModuleFunction {
    pub module: &'static str,
    pub name: &'static str,
    pub params: Params,
}

pub(crate) const fn def(
    module: &'static str,
    name: &'static str,
    params: Params,
) -> ModuleFunction {
    ModuleFunction {
        module,
        name,
        params,
    }
}

/// Module functions, by index after the built-ins and methods.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def(
        "sys",
        "getsizeof",
        Params::Keywords {
            names: &["object", "default"],
            positional: 2,
            required: 1,
        },
    ),
    def("sys", "getrefcount", Params::One),
    def("sys", "intern", Params::One),
    def("sys", "getrecursionlimit", Params::NoArgs),
    def("sys", "setrecursionlimit", Params::One),
    def("sys", "_debugmallocstats", Params::NoArgs),
    def("sys", "getallocatedblocks", Params::NoArgs),
    def("sys", "exit", Params::Positional { min: 0, max: 1 }),
    def("sys", "exc_info", Params::NoArgs),
    def("sys", "exception", Params::NoArgs),
    def("sys", "_getframe", Params::Positional { min: 0, max: 1 }),
    def("_pyrt_time", "perf_counter", Params::NoArgs),
    def("_pyrt_time", "perf_counter_ns", Params::NoArgs),
    def("_pyrt_time", "monotonic", Params::NoArgs),
    def("_pyrt_time", "monotonic_ns", Params::NoArgs),
    def("_pyrt_time", "time", Params::NoArgs),
    def("_pyrt_time", "time_ns", Params::NoArgs),
    def("dis", "dis", Params::One),
    def(
        "_operator",
        "length_hint",
        Params::Positional { min: 1, max: 2 },
    ),
    def("_operator", "index", Params::One),
    def(
        "_recordclass",
        "new_items",
        Params::Positional { min: 2, max: 2 },
    ),
    def("_recordclass", "items", Params::One),
    def(
        "_pyrt_traceback",
        "format_entry",
        Params::Positional { min: 3, max: 3 },
    ),
    def("_pyrt_traceback", "format_exception_only", Params::One),
    def("_pyrt_traceback", "format_exception", Params::One),
    def(
        "_recordclass",
        "set_item",
        Params::Positional { min: 3, max: 3 },
    ),
    def("_struct", "pack", Params::AnyArgs),
    def("_struct", "unpack", Params::Positional { min: 2, max: 2 }),
    def("_struct", "calcsize", Params::One),
    def(
        "_struct",
        "unpack_from",
        Params::Keywords {
            names: &["", "buffer", "offset"],
            positional: 3,
            required: 2,
        },
    ),
    def("_struct", "pack_into", Params::AnyArgs),
];

/// Binds a module function's arguments with `methods::bind`: `METH_NOARGS` and `METH_O`
/// messages name the function with its module (`sys.intern() takes exactly one argument (0
/// given)`, `_weakref.getweakrefs`), the others by itself (`set_threshold() takes no keyword
/// arguments`). For `Params::VarKeywords` the positional arguments as they come.
pub(crate) fn bind<'py>(
    interp: &Interp<'py>,
    f: &ModuleFunction,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Vec<Option<Obj<'py>>>> {
    // `_pyrt_time`'s functions are `time`'s (the shipped `time.py` re-exports them).
    let module = match f.module {
        "_pyrt_time" => "time",
        m => m,
    };
    let type_name = match f.params {
        Params::NoArgs | Params::One => module,
        Params::VarKeywords => return Ok(args.iter().cloned().map(Some).collect()),
        _ => "",
    };
    methods::bind(type_name, f.name, f.params, args, kwargs).map_err(|e| interp.err(e))
}

/// The first index of module functions in the built-in table.
pub(crate) fn base_index() -> usize {
    super::builtins::method_index() + 1
}

/// Every module function, in the order of their indices from [`base_index`] on: this file's
/// table, then each module's own.
pub(crate) fn all_functions() -> impl Iterator<Item = &'static ModuleFunction> {
    FUNCTIONS
        .iter()
        .chain(super::gc_module::FUNCTIONS)
        .chain(tracemalloc::FUNCTIONS)
        .chain(atexit::FUNCTIONS)
        .chain(time::FUNCTIONS)
        .chain(posix::FUNCTIONS)
        .chain(operator::FUNCTIONS)
        .chain(functools::FUNCTIONS)
        .chain(super::collections::odict::FUNCTIONS)
}

/// The modules built into pyrt, made by [`new_module`].
pub(crate) const BUILTIN_MODULES: &[&str] = &[
    "builtins",
    "sys",
    "_pyrt_time",
    "gc",
    "_weakref",
    "math",
    "dis",
    "_operator",
    "_functools",
    "_random",
    "_collections",
    "_tracemalloc",
    "_pyrt_tracemalloc",
    "_recordclass",
    "array",
    "_struct",
    "atexit",
    "posix",
    "_pyrt_traceback",
];

/// The `builtins` module: a built-in module over the session's builtins dict, whose header
/// (`__name__`, `__doc__`, ...) the dict already holds.
pub(crate) fn new_builtins_module<'py>(
    heap: &'py pyrt_objects::Heap,
    builtins: &Obj<'py>,
) -> pyrt_objects::PyResult<Obj<'py>> {
    let name = unicode::new_constant_str(heap, "builtins")?;
    MODULE.alloc(heap, &[Some(name), Some(builtins.clone())], &[1])
}

/// A new module object for `name`.
pub(crate) fn new_module<'py>(interp: &Interp<'py>, name: &str) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    if !BUILTIN_MODULES.contains(&name) {
        return Err(interp.raise(
            &exceptions::MODULE_NOT_FOUND_ERROR,
            format!("No module named '{name}'"),
        ));
    }
    if name == "builtins" {
        return new_builtins_module(heap, &interp.builtins).map_err(err);
    }
    let d = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&d)?;
    // `module_init_dict`: the name, then `__doc__`, `__package__`, `__loader__`, `__spec__`.
    let none = pyrt_objects::types::none(heap);
    let header = [
        ("__name__", unicode::new_str(heap, name).map_err(err)?),
        ("__doc__", none.clone()),
        ("__package__", unicode::new_str(heap, "").map_err(err)?),
        ("__loader__", none.clone()),
        ("__spec__", none),
    ];
    for (k, v) in header {
        dict::set_item(heap, view, interp.name_str(k)?, v).map_err(err)?;
    }
    let all = all_functions();
    for (i, f) in all.enumerate() {
        if f.module == name {
            let n = interp.name_str(f.name)?;
            let b = BUILTIN
                .alloc(heap, &[Some(n), None], &[base_index() + i])
                .map_err(err)?;
            dict::set_item(heap, view, interp.name_str(f.name)?, b).map_err(err)?;
        }
    }
    let mut attrs = Vec::new();
    if name == "sys" {
        attrs = sys::attributes(interp)?;
    }
    if name == "posix" {
        attrs = posix::attributes(interp)?;
    }
    if name == "math" {
        attrs = math_attributes(interp)?;
    }
    if name == "_functools" {
        attrs = super::partial::module_attributes(interp);
        attrs.push(super::lru_cache::module_attribute(interp));
    }
    if name == "_operator" {
        attrs = super::operator_getters::module_attributes(interp);
    }
    if name == "_random" {
        attrs = super::random_module::module_attributes(interp)?;
    }
    if name == "_collections" {
        attrs.extend(super::deque::module_attributes(interp));
    }
    if name == "gc" {
        attrs = super::gc_module::gc_attributes(interp)?;
    }
    if name == "_struct" {
        attrs = vec![("error", struct_module::new_error_class(interp)?)];
    }
    if name == "array" {
        attrs = super::bytes_like::array_module_attributes(interp)?;
    }
    if name == "_weakref" {
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
    MODULE.alloc(heap, &[Some(n), Some(d)], &[1]).map_err(err)
}

/// `types.ModuleType(name, doc=None)` (`module___init___impl`): a module that is not built
/// in, whose dict holds `__name__`, `__doc__`, `__package__`, `__loader__` and `__spec__`.
pub(crate) fn construct_module<'py>(
    interp: &Interp<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let params = Params::Keywords {
        names: &["name", "doc"],
        positional: 2,
        required: 1,
    };
    let bound = methods::bind("", "module", params, args, kwargs).map_err(err)?;
    let none = pyrt_objects::types::none(heap);
    let (Some(Some(name)), doc) = (bound.first(), bound.get(1).cloned().flatten()) else {
        return Err(interp.err(pyrt_objects::view::bad_internal_call()));
    };
    if !unicode::is_str(name.object()) {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "module() argument 'name' must be str, not {}",
                name.ob_type().name()
            ),
        ));
    }
    let d = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&d)?;
    let header = [
        ("__name__", name.clone()),
        ("__doc__", doc.unwrap_or_else(|| none.clone())),
        ("__package__", none.clone()),
        ("__loader__", none.clone()),
        ("__spec__", none),
    ];
    for (k, v) in header {
        dict::set_item(heap, view, interp.name_str(k)?, v).map_err(err)?;
    }
    MODULE
        .alloc(heap, &[Some(name.clone()), Some(d)], &[0])
        .map_err(err)
}

/// `sys.version_info`: CPython 3.12.1's, as a named tuple.
pub(crate) fn version_info<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
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

/// The `math` module's functions and constants: each function is a built-in bound to an
/// object-layer module named `math`, whose method table is [`MATH_FUNCTIONS`] (see
/// `methods::table_of`).
///
/// [`MATH_FUNCTIONS`]: pyrt_objects::math::MATH_FUNCTIONS
fn math_attributes<'py>(interp: &Interp<'py>) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let receiver =
        pyrt_objects::types::module::new_module(heap, interp.name_str("math")?).map_err(err)?;
    let mut attrs = Vec::new();
    for f in pyrt_objects::math::MATH_FUNCTIONS.methods {
        let n = interp.name_str(f.name)?;
        let b = BUILTIN
            .alloc(
                heap,
                &[Some(n), Some(receiver.clone())],
                &[super::builtins::method_index()],
            )
            .map_err(err)?;
        attrs.push((f.name, b));
    }
    for (name, value) in pyrt_objects::math::CONSTANTS {
        let v = pyrt_objects::types::float::new_float(heap, *value).map_err(err)?;
        attrs.push((*name, v));
    }
    Ok(attrs)
}

/// `module.name = value` (`Some`) or `del module.name` (`None`), in the module's namespace
/// (`module_setattro` is the generic one, over `md_dict`).
pub(crate) fn set_module_attr<'py>(
    interp: &Interp<'py>,
    m: &Obj<'py>,
    name: &str,
    value: Option<&Obj<'py>>,
) -> R<'py, ()> {
    let heap = interp.heap;
    let d = MODULE
        .cast(m.object())
        .and_then(|md| md.get_ref(heap, super::objects::module::DICT))
        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
    let view = interp.own_dict(&d)?;
    let key = interp.name_str(name)?;
    match value {
        Some(v) => dict::set_item(heap, view, key, v.clone()).map_err(|e| interp.err(e)),
        None => dict::del_item(heap, view, key.object()).map_err(|_| {
            interp.raise(
                &exceptions::ATTRIBUTE_ERROR,
                format!("module has no attribute '{name}'"),
            )
        }),
    }
}

/// Attributes a module has beside its namespace: `__dict__` (the module type's `md_dict`
/// member), the namespace itself.
pub(crate) fn dynamic_attr<'py>(
    interp: &Interp<'py>,
    m: &Obj<'py>,
    name: &str,
) -> R<'py, Option<Obj<'py>>> {
    if name == "__dict__" {
        return Ok(MODULE
            .cast(m.object())
            .and_then(|md| md.get_ref(interp.heap, super::objects::module::DICT)));
    }
    Ok(None)
}

/// A `Py_ssize_t` argument (Argument Clinic's `n` converter: `PyNumber_Index`, then
/// `OverflowError` past the range).
fn ssize_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, isize> {
    let i = match interp.user_index(o) {
        Some(i) => i?,
        None => o.clone(),
    };
    let Some(n) = long::Int::cast(i.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                o.ob_type().name()
            ),
        ));
    };
    long::as_ssize_t(n).map_err(|_| {
        interp.raise(
            &exceptions::OVERFLOW_ERROR,
            "Python int too large to convert to C ssize_t",
        )
    })
}

/// Calls module function `index` (relative to [`base_index`]).
pub(crate) fn call_function<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let gc_end = FUNCTIONS.len() + super::gc_module::FUNCTIONS.len();
    let tracemalloc_end = gc_end + tracemalloc::FUNCTIONS.len();
    let atexit_end = tracemalloc_end + atexit::FUNCTIONS.len();
    let time_end = atexit_end + time::FUNCTIONS.len();
    let posix_end = time_end + posix::FUNCTIONS.len();
    let operator_end = posix_end + operator::FUNCTIONS.len();
    let functools_end = operator_end + functools::FUNCTIONS.len();
    if index >= functools_end {
        let f = super::collections::odict::FUNCTIONS
            .get(index - functools_end)
            .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
        let bound = bind(interp, f, &args, &kwargs)?;
        let bound: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
        return super::collections::odict::call(interp, f.name, &bound);
    }
    if index >= operator_end {
        return functools::call(interp, index - operator_end, args, kwargs);
    }
    if index >= posix_end {
        return operator::call(interp, index - posix_end, args, kwargs);
    }
    if index >= time_end {
        return posix::call(interp, index - time_end, args, kwargs);
    }
    if index >= atexit_end {
        return time::call(interp, index - atexit_end, args, kwargs);
    }
    if index >= tracemalloc_end {
        return atexit::call(interp, index - tracemalloc_end, args, kwargs);
    }
    if index >= gc_end {
        return tracemalloc::call(interp, index - gc_end, args, kwargs);
    }
    if index >= FUNCTIONS.len() {
        return super::gc_module::call(interp, index - FUNCTIONS.len(), args, kwargs);
    }
    let f = &FUNCTIONS[index];
    let (module, name) = (f.module, f.name);
    let bound = bind(interp, f, &args, &kwargs)?;
    // The bound arguments hold the references the call's arguments held.
    drop(args);
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let arg = |i: usize| -> R<'py, Obj<'py>> {
        bound
            .get(i)
            .cloned()
            .flatten()
            .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))
    };
    match (module, name) {
        ("sys", "getsizeof") => {
            // Only a class's `__sizeof__` can fail: a `TypeError` gives `default` if there
            // is one.
            let o = arg(0)?;
            let size = match pyrt_objects::types::slot_defs::sizeof(heap, o.object()) {
                Some(Ok(n)) => n + o.ob_type().preheader_size(),
                Some(Err(e)) => {
                    if let Some(Some(default)) = bound.get(1)
                        && e.kind() == pyrt_objects::ExcKind::TypeError
                    {
                        return Ok(default.clone());
                    }
                    return Err(err(e));
                }
                None => abstract_::getsizeof(o.object()),
            };
            // `PyLong_FromSize_t`: a `__sizeof__` near `sys.maxsize` plus the pre-header
            // goes past it, unsigned.
            long::int_from_i128(heap, size as i128).map_err(err)
        }
        ("sys", "getrefcount") => {
            // The bound arguments hold one reference, as CPython's call stack does.
            let Some(Some(o)) = bound.first() else {
                return Err(interp.err(pyrt_objects::view::bad_internal_call()));
            };
            let n = o.object().refcnt();
            long::int_from_i64(heap, n as i64).map_err(err)
        }
        ("sys", "intern") => {
            let o = arg(0)?;
            if !unicode::is_str(o.object()) {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("intern() argument must be str, not {}", o.ob_type().name()),
                ));
            }
            if !unicode::is_exact_str(o.object()) {
                // `sys_intern_impl`: only exact strs are interned.
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("can't intern {}", o.ob_type().name()),
                ));
            }
            drop(bound);
            unicode::intern(heap, o).map_err(err)
        }
        ("sys", "_getframe") => {
            let depth = bound.first().cloned().flatten();
            getframe::getframe(interp, depth.as_ref().map(Obj::object))
        }
        ("sys", "getrecursionlimit") => {
            long::int_from_i64(heap, interp.recursion_limit.get() as i64).map_err(err)
        }
        ("sys", "setrecursionlimit") => {
            // A C `int` (Clinic's `int` converter), at least 1.
            let o = arg(0)?;
            let Some(i) = long::Int::cast(o.object()) else {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.ob_type().name()
                    ),
                ));
            };
            let Some(n) = long::as_i64(i).filter(|n| i32::try_from(*n).is_ok()) else {
                return Err(interp.raise(
                    &exceptions::OVERFLOW_ERROR,
                    "Python int too large to convert to C int",
                ));
            };
            if n < 1 {
                return Err(interp.raise(
                    &exceptions::VALUE_ERROR,
                    "recursion limit must be greater or equal than 1",
                ));
            }
            interp.recursion_limit.set(n as usize);
            Ok(pyrt_objects::types::none(heap))
        }
        ("dis", "dis") => interp.dis_dis(&arg(0)?),
        ("_struct", name) => struct_module::call(interp, name, &bound),
        ("sys", "exit") => Err(sys::exit(interp, bound.first().cloned().flatten())),
        ("sys", "exc_info") => sys::exc_info(interp),
        ("sys", "exception") => Ok(sys::exception(interp)),
        ("sys", "getallocatedblocks") => {
            long::int_from_i64(heap, heap.allocated_blocks() as i64).map_err(err)
        }
        ("sys", "_debugmallocstats") => {
            let _ = interp.out.borrow_mut().flush();
            // Without pymalloc CPython prints no obmalloc section
            // (`_PyObject_DebugMallocStats` returns 0).
            if heap.with_allocator_mut(|a| a.is_pymalloc()) {
                eprint!("{}", heap.malloc_stats());
            }
            Ok(pyrt_objects::types::none(heap))
        }
        ("_operator", "length_hint") => {
            // `_operator.length_hint(obj, default=0, /)`: `default` is a `Py_ssize_t`.
            let default = match bound.get(1).cloned().flatten() {
                None => 0,
                Some(d) => ssize_arg(interp, &d)?,
            };
            let o = arg(0)?;
            let n = match usize::try_from(default) {
                Ok(d) => abstract_::length_hint(heap, o.object(), d).map_err(err)?,
                // A negative default comes back as it is when there is no hint.
                Err(_) => match abstract_::length_hint(heap, o.object(), usize::MAX) {
                    Ok(usize::MAX) => return long::int_from_i64(heap, default as i64).map_err(err),
                    other => other.map_err(err)?,
                },
            };
            long::int_from_i64(heap, n as i64).map_err(err)
        }
        ("_operator", "index") => {
            let o = arg(0)?;
            if long::Int::cast(o.object()).is_some() {
                return abstract_::unary_op(heap, o.object(), abstract_::UnOp::Pos).map_err(err);
            }
            match interp.user_index(&o) {
                Some(r) => r,
                None => Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.ob_type().name()
                    ),
                )),
            }
        }
        ("_pyrt_time", "perf_counter" | "monotonic" | "perf_counter_ns" | "monotonic_ns") => {
            // Monotonic time from a process-wide start (the first call), as CPython's clocks
            // are monotonic with an undefined reference point: only differences mean anything.
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            let elapsed = START.get_or_init(std::time::Instant::now).elapsed();
            if f.name.ends_with("_ns") {
                let ns = i64::try_from(elapsed.as_nanos()).unwrap_or(i64::MAX);
                return long::int_from_i64(heap, ns).map_err(err);
            }
            pyrt_objects::types::float::new_float(heap, elapsed.as_secs_f64()).map_err(err)
        }
        ("_pyrt_time", "time" | "time_ns") => {
            // Seconds since the Unix epoch from the system clock (`_PyTime_GetSystemClock`).
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            if f.name == "time_ns" {
                let ns = i64::try_from(since.as_nanos()).unwrap_or(i64::MAX);
                return long::int_from_i64(heap, ns).map_err(err);
            }
            pyrt_objects::types::float::new_float(heap, since.as_secs_f64()).map_err(err)
        }
        ("_recordclass", "new_items") => recordclass::new_items(interp, &arg(0)?, &arg(1)?),
        ("_pyrt_traceback", "format_entry") => {
            pyrt_traceback::format_entry(interp, &arg(0)?, &arg(1)?, &arg(2)?)
        }
        ("_pyrt_traceback", "format_exception_only") => {
            pyrt_traceback::format_exception_only(interp, &arg(0)?)
        }
        ("_pyrt_traceback", "format_exception") => {
            pyrt_traceback::format_exception(interp, &arg(0)?)
        }
        ("_recordclass", "items") => recordclass::items(interp, arg(0)?.object()),
        ("_recordclass", "set_item") => {
            recordclass::set_item(interp, arg(0)?.object(), arg(1)?.object(), arg(2)?)
        }
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown module function")),
    }
}

use std::io::Write as _;
