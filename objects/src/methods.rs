//! Method tables: each built-in type declares its Python-visible methods once, beside the
//! type, as CPython's `PyMethodDef` arrays do (`list_methods` in `Objects/listobject.c`), and
//! the argument checking that Argument Clinic generates lives here, in one place, so every
//! caller — the interpreter's `obj.name(...)`, a bound method object, the Rust API — gets the
//! same behaviour and CPython's exact messages:
//!
//! | [`Params`] | CPython | too many / too few | keywords |
//! |---|---|---|---|
//! | `NoArgs` | `METH_NOARGS` | `list.clear() takes no arguments (1 given)` | `list.clear() takes no keyword arguments` |
//! | `One` | `METH_O` | `list.append() takes exactly one argument (0 given)` | as above |
//! | `Positional` | Clinic, positional-only | `pop expected at most 1 argument, got 2` | as above |
//! | `Keywords` | Clinic with keywords | `split() takes at most 2 arguments (3 given)` | `'x' is an invalid keyword argument for split()` |
//! | `AnyArgs` | `METH_VARARGS` | (any number) | `set.union() takes no keyword arguments` |
//! | `VarArgs` | `PyArg_ParseTuple` | `find() takes at least 1 argument (0 given)` | `str.find() takes no keyword arguments` |
//! | `VarKeywords` | `*args, **kwargs` | (the method checks) | (the method checks) |
//! | `KeywordsDict` | `METH_VARARGS \| METH_KEYWORDS` | `update expected at most 1 argument, got 2` | any, passed as a dict |
//! | `VarArgsKeywords` | Clinic with `*args` and keyword-only parameters | (any number) | `'sepx' is an invalid keyword argument for print()` |
//!
//! A module-level function (`len`, `print`) is bound with an empty type name: its messages
//! have no `type.` prefix (`len() takes exactly one argument (0 given)`), as CPython's do.
//!
//! A method's implementation receives its receiver as the table's typed view and its
//! parameters bound by position ([`Bound`]): `None` for an optional one not given.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::long;
use crate::view::{View, descriptor_error};

/// How a method takes its arguments (which decides CPython's error messages).
#[derive(Clone, Copy, Debug)]
pub enum Params {
    /// `METH_NOARGS`.
    NoArgs,
    /// `METH_O`: exactly one positional argument.
    One,
    /// Argument Clinic with positional-only parameters, `min` of them required.
    Positional {
        /// Required parameters.
        min: usize,
        /// All parameters.
        max: usize,
    },
    /// Argument Clinic with named parameters: the first `positional` may be given by position,
    /// the first `required` must be given; the rest are keyword-only. A leading name `""` is a
    /// positional-only parameter, as in Clinic's `_keywords` (`sum(iterable, /, start=0)` is
    /// `["", "start"]`).
    Keywords {
        /// The parameter names, in order (`""` for a positional-only one).
        names: &'static [&'static str],
        /// Parameters that may be given by position.
        positional: usize,
        /// Parameters that must be given.
        required: usize,
    },
    /// `METH_VARARGS` without keywords (`set.union(*others)`): every positional argument is
    /// bound, none required.
    AnyArgs,
    /// `METH_VARARGS` parsed by `PyArg_ParseTuple` (`"O|OO:find"`): positional only, `min` of
    /// `max` required, with the old messages (`find() takes at least 1 argument (0 given)`).
    VarArgs {
        /// Required parameters.
        min: usize,
        /// All parameters.
        max: usize,
    },
    /// `METH_VARARGS | METH_KEYWORDS` taking `*args, **kwargs` as they come (`str.format`):
    /// bound as each positional argument, a `None`, then each keyword's name (a `str`) and
    /// value. [`MethodTable::call`] binds the keywords, since their names become objects.
    VarKeywords,
    /// `METH_VARARGS | METH_KEYWORDS` whose positional count the method checks with
    /// `_PyArg_CheckPositional(name, n, 0, max)` (`dict.update`): the `max` positional slots,
    /// then the keywords, any names, as a dict (`kwds`, `None` when there are none).
    KeywordsDict {
        /// Positional parameters.
        max: usize,
    },
    /// Argument Clinic with `*args` then keyword-only parameters
    /// (`_PyArg_UnpackKeywordsWithVararg`: `print(*args, sep=' ', end='\n', file=None,
    /// flush=False)`): bound as the keyword-only parameters (`None` for one not given), then
    /// every positional argument.
    VarArgsKeywords {
        /// The keyword-only parameters' names.
        names: &'static [&'static str],
    },
}

/// The arguments of one call, bound to the method's parameters by position.
pub type Bound<'a, 'h> = &'a [Option<Obj<'h>>];

/// A method's implementation.
pub type MethodFn<V> = for<'h> fn(&'h Heap, &V, Bound<'_, 'h>) -> PyResult<Obj<'h>>;

/// One method of a built-in type (`PyMethodDef`).
pub struct MethodDef<V: 'static> {
    /// The method's name.
    pub name: &'static str,
    /// How it takes its arguments.
    pub params: Params,
    /// What it does.
    pub call: MethodFn<V>,
}

/// A type's methods, with the type's name for messages (`list`).
pub struct MethodTable<V: 'static> {
    /// The type's Python name.
    pub type_name: &'static str,
    /// The methods, in CPython's order (`dir()` sorts them anyway).
    pub methods: &'static [MethodDef<V>],
}

impl<V: View> MethodTable<V> {
    /// The method called `name`.
    pub fn get(&self, name: &str) -> Option<&MethodDef<V>> {
        self.methods.iter().find(|m| m.name == name)
    }

    /// Whether the table has a method called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// `receiver.name(*args, **kwargs)`: `None` when the type has no such method.
    ///
    /// # Errors
    /// CPython's argument errors, `TypeError: descriptor 'append' for 'list' objects doesn't
    /// apply to a 'int' object` for a receiver of another type, and what the method raises.
    pub fn call<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        name: &str,
        args: &[Obj<'h>],
        kwargs: &[(String, Obj<'h>)],
    ) -> Option<PyResult<Obj<'h>>> {
        let method = self.get(name)?;
        let Some(view) = V::cast(receiver) else {
            return Some(Err(descriptor_error(name, self.type_name, receiver)));
        };
        let bound = match method.params {
            Params::VarKeywords => bind_var_keywords(heap, args, kwargs),
            params => {
                bind(self.type_name, method.name, params, args, kwargs).and_then(|mut bound| {
                    if let (Params::KeywordsDict { .. }, Some(slot)) = (params, bound.last_mut()) {
                        *slot = keywords_dict(heap, kwargs)?;
                    }
                    Ok(bound)
                })
            }
        };
        Some(bound.and_then(|bound| (method.call)(heap, view, &bound)))
    }
}

/// The keywords of a `METH_KEYWORDS` call as CPython's `_PyStack_AsDict` makes them: a dict
/// presized for them, keyed by interned strs; `None` when there are none.
///
/// # Errors
/// `MemoryError`.
pub fn keywords_dict<'h>(
    heap: &'h Heap,
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Option<Obj<'h>>> {
    if kwargs.is_empty() {
        return Ok(None);
    }
    let mut pairs = Vec::with_capacity(kwargs.len());
    for (k, v) in kwargs {
        pairs.push((keyword_name(heap, k)?, v.clone()));
    }
    crate::types::dict::dict_from_pairs(heap, pairs).map(Some)
}

/// A keyword's name as the interned str CPython's compiler makes of it.
///
/// # Errors
/// `MemoryError`.
pub fn keyword_name<'h>(heap: &'h Heap, name: &str) -> PyResult<Obj<'h>> {
    let s = crate::types::unicode::new_str(heap, name)?;
    crate::types::unicode::intern(heap, s)
}

/// The most positional arguments a call binds in place ([`positional_fit`]): no method of a
/// table takes more parameters (a test checks every table).
pub const MAX_FAST_ARGS: usize = 8;

/// The length of the bound arguments of a call with `n` positional arguments and no keywords
/// to a method taking `params`, when the call binds without an error: the arguments in order,
/// then `None` for each optional parameter not given, exactly what [`bind`] would make. The
/// VM's calls of built-ins (3.12's `CALL_NO_KW_METHOD_DESCRIPTOR_O`/`_FAST`,
/// `CALL_NO_KW_BUILTIN_O`/`_FAST`) bind this way, in a fixed array of [`MAX_FAST_ARGS`]
/// slots, without a `Vec`.
///
/// `None` when the call raises (too many or too few arguments: the caller binds through
/// [`bind`], which words CPython's message), or when `params` binds otherwise
/// (`VarArgsKeywords` puts its keyword slots first).
#[inline]
pub fn positional_fit(params: Params, n: usize) -> Option<usize> {
    let len = match params {
        Params::NoArgs => (n == 0).then_some(0)?,
        Params::One => (n == 1).then_some(1)?,
        Params::Positional { min, max } | Params::VarArgs { min, max } => {
            (min..=max).contains(&n).then_some(max)?
        }
        Params::Keywords {
            names,
            positional,
            required,
        } => (n <= positional && n >= required).then_some(names.len())?,
        Params::AnyArgs => n,
        // The positional arguments, then the `None` that says "no keywords".
        Params::VarKeywords => n + 1,
        // The positional slots, then the keywords' dict: `None` without keywords.
        Params::KeywordsDict { max } => (n <= max).then_some(max + 1)?,
        Params::VarArgsKeywords { .. } => return None,
    };
    (len <= MAX_FAST_ARGS).then_some(len)
}

/// A method table with its receiver type erased, so that a caller can pick an object's table at
/// run time (CPython's `Py_TYPE(o)->tp_methods`).
pub trait Methods {
    /// Whether the table has a method called `name`.
    fn has(&self, name: &str) -> bool;

    /// The index in the table of the method called `name`, for [`Methods::call_at`].
    fn index_of(&self, name: &str) -> Option<usize>;

    /// The name of the method at `index`, if there is one.
    fn name_at(&self, index: usize) -> Option<&'static str>;

    /// `receiver.method(*args)` for the method at `index` (from [`Methods::index_of`]), with
    /// positional arguments only: the first `n` of `args` (at least [`MAX_FAST_ARGS`] slots,
    /// the rest `None`), bound in place when they fit ([`positional_fit`]), else through
    /// [`bind`] for its error. A vectorcall of a method descriptor.
    ///
    /// # Errors
    /// As [`MethodTable::call`].
    fn call_at<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        index: usize,
        args: &[Option<Obj<'h>>],
        n: usize,
    ) -> PyResult<Obj<'h>>;

    /// `receiver.name(*args, **kwargs)`, as [`MethodTable::call`].
    fn call<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        name: &str,
        args: &[Obj<'h>],
        kwargs: &[(String, Obj<'h>)],
    ) -> Option<PyResult<Obj<'h>>>;
}

impl<V: View> Methods for MethodTable<V> {
    fn has(&self, name: &str) -> bool {
        MethodTable::has(self, name)
    }

    fn call<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        name: &str,
        args: &[Obj<'h>],
        kwargs: &[(String, Obj<'h>)],
    ) -> Option<PyResult<Obj<'h>>> {
        MethodTable::call(self, heap, receiver, name, args, kwargs)
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.methods.iter().position(|m| m.name == name)
    }

    fn name_at(&self, index: usize) -> Option<&'static str> {
        self.methods.get(index).map(|m| m.name)
    }

    #[inline]
    fn call_at<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        index: usize,
        args: &[Option<Obj<'h>>],
        n: usize,
    ) -> PyResult<Obj<'h>> {
        let Some(method) = self.methods.get(index) else {
            return Err(crate::view::bad_internal_call());
        };
        let Some(view) = V::cast(receiver) else {
            return Err(descriptor_error(method.name, self.type_name, receiver));
        };
        match positional_fit(method.params, n) {
            Some(len) if len <= args.len() => (method.call)(heap, view, &args[..len]),
            _ => self.call_at_slow(heap, receiver, method.name, &args[..n.min(args.len())]),
        }
    }
}

impl<V: View> MethodTable<V> {
    /// [`Methods::call_at`] for a call that does not bind in place: the general binding,
    /// which raises CPython's error.
    #[cold]
    #[inline(never)]
    fn call_at_slow<'h>(
        &self,
        heap: &'h Heap,
        receiver: &PyObject,
        name: &str,
        args: &[Option<Obj<'h>>],
    ) -> PyResult<Obj<'h>> {
        let args: Vec<Obj<'h>> = args.iter().flatten().cloned().collect();
        MethodTable::call(self, heap, receiver, name, &args, &[])
            .unwrap_or_else(|| Err(crate::view::bad_internal_call()))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Binds `args` and `kwargs` to a method's parameters, with CPython's messages. For
/// [`Params::KeywordsDict`] the keywords are left unbound: the last slot stays `None` for the
/// dict of them that [`MethodTable::call`] makes ([`keywords_dict`]).
///
/// # Errors
/// `TypeError` for a call that does not fit `params`.
pub fn bind<'h>(
    type_name: &str,
    name: &str,
    params: Params,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Vec<Option<Obj<'h>>>> {
    let n = args.len();
    // The qualified name is only for the error messages: built when one is raised, not per call.
    // It is the descriptor's `__qualname__`: the type's `__qualname__` (its name without the
    // module, `array` of `array.array`) and the method's.
    let qualified = || {
        if type_name.is_empty() {
            name.to_owned()
        } else {
            let owner = type_name.rsplit('.').next().unwrap_or(type_name);
            format!("{owner}.{name}")
        }
    };
    let no_keywords = || PyErr::type_error(format!("{}() takes no keyword arguments", qualified()));
    match params {
        Params::NoArgs => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            if n != 0 {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments ({n} given)",
                    qualified()
                )));
            }
            Ok(Vec::new())
        }
        Params::One => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            if n != 1 {
                return Err(PyErr::type_error(format!(
                    "{}() takes exactly one argument ({n} given)",
                    qualified()
                )));
            }
            Ok(vec![Some(args[0].clone())])
        }
        Params::Positional { min, max } => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            check_positional(name, n, min, max)?;
            Ok((0..max).map(|i| args.get(i).cloned()).collect())
        }
        Params::Keywords {
            names,
            positional,
            required,
        } => bind_keywords(name, names, positional, required, args, kwargs, true),
        Params::AnyArgs => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            Ok(args.iter().cloned().map(Some).collect())
        }
        Params::VarArgs { min, max } => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            check_var_args(name, n, min, max)?;
            Ok((0..max).map(|i| args.get(i).cloned()).collect())
        }
        Params::VarKeywords if kwargs.is_empty() => {
            Ok(args.iter().cloned().map(Some).chain([None]).collect())
        }
        // Keyword names become objects: `MethodTable::call` binds them with the heap.
        Params::VarKeywords => Err(crate::view::bad_internal_call()),
        Params::KeywordsDict { max } => {
            check_positional(name, n, 0, max)?;
            // The last slot is for the keywords' dict, which `MethodTable::call` makes.
            Ok((0..=max).map(|i| args.get(i).cloned()).collect())
        }
        Params::VarArgsKeywords { names } => {
            // No count check: any number of positional arguments, and a keyword too many is
            // one that is not a parameter.
            let mut bound = bind_keywords(name, names, 0, 0, &[], kwargs, false)?;
            bound.extend(args.iter().cloned().map(Some));
            Ok(bound)
        }
    }
}

/// `vgetargs1_impl`'s arity check (`PyArg_ParseTuple`).
fn check_var_args(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let (how, k) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(PyErr::type_error(format!(
        "{name}() takes {how} {k} argument{} ({n} given)",
        plural(k)
    )))
}

/// [`Params::VarKeywords`]: the positional arguments, a `None`, then each keyword's name and
/// value.
///
/// # Errors
/// `MemoryError` making a name.
pub fn bind_var_keywords<'h>(
    heap: &'h Heap,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Vec<Option<Obj<'h>>>> {
    let mut bound: Vec<Option<Obj<'h>>> = args.iter().cloned().map(Some).collect();
    bound.push(None);
    for (key, value) in kwargs {
        bound.push(Some(crate::types::unicode::new_str(heap, key)?));
        bound.push(Some(value.clone()));
    }
    Ok(bound)
}

/// `_PyArg_CheckPositional(name, n, min, max)`: `TypeError: dict expected at most 1 argument,
/// got 2`.
///
/// # Errors
/// `TypeError` when `n` is not in `min..=max`.
pub fn check_positional(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let message = if min == max && n != min {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else if n > max {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(message))
}

/// `_PyArg_UnpackKeywords`, in its order: the counts, the positional-only parameters
/// (`names[i] == ""`), a required parameter missing, a parameter given twice, then a keyword
/// that is no parameter. `count` is whether too many arguments in all is an error of its own
/// (not so for `*args`).
fn bind_keywords<'h>(
    name: &str,
    names: &[&str],
    positional: usize,
    required: usize,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
    count: bool,
) -> PyResult<Vec<Option<Obj<'h>>>> {
    let (n, total, max) = (args.len(), args.len() + kwargs.len(), names.len());
    let posonly = names.iter().take_while(|p| p.is_empty()).count();
    if count && total > max {
        let keyword = if n == 0 { "keyword " } else { "" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} {keyword}argument{} ({total} given)",
            plural(max)
        )));
    }
    if n > positional {
        let message = if positional == 0 {
            format!("{name}() takes no positional arguments")
        } else {
            let at = if required < positional {
                "at most"
            } else {
                "exactly"
            };
            format!(
                "{name}() takes {at} {positional} positional argument{} ({n} given)",
                plural(positional)
            )
        };
        return Err(PyErr::type_error(message));
    }
    let min_posonly = posonly.min(required);
    if n < min_posonly {
        let at = if min_posonly < positional {
            "at least"
        } else {
            "exactly"
        };
        return Err(PyErr::type_error(format!(
            "{name}() takes {at} {min_posonly} positional argument{} ({n} given)",
            plural(min_posonly)
        )));
    }
    let find = |p: &str| {
        kwargs
            .iter()
            .find(|(k, _)| !p.is_empty() && k == p)
            .map(|(_, v)| v.clone())
    };
    let mut bound: Vec<Option<Obj<'h>>> = (0..max).map(|i| args.get(i).cloned()).collect();
    let mut unused = kwargs.len();
    for i in n.max(posonly)..max {
        if let Some(v) = find(names[i]) {
            bound[i] = Some(v);
            unused -= 1;
        } else if i < required {
            return Err(PyErr::type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    if unused > 0 {
        if let Some(i) = (posonly..n).find(|&i| find(names[i]).is_some()) {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{}') and position ({})",
                names[i],
                i + 1
            )));
        }
        if let Some((key, _)) = kwargs
            .iter()
            .find(|(k, _)| k.is_empty() || !names.contains(&k.as_str()))
        {
            return Err(PyErr::type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    Ok(bound)
}

/// The `i`-th bound argument of a method, which [`bind`] guarantees is present.
///
/// # Errors
/// `SystemError: bad internal call` when it is not (a table that disagrees with its method).
pub fn arg<'a, 'h>(args: Bound<'a, 'h>, i: usize) -> PyResult<&'a Obj<'h>> {
    args.get(i)
        .and_then(Option::as_ref)
        .ok_or_else(crate::view::bad_internal_call)
}

/// The `i`-th bound argument of a method, if it was given.
pub fn opt<'a, 'h>(args: Bound<'a, 'h>, i: usize) -> Option<&'a Obj<'h>> {
    args.get(i).and_then(Option::as_ref)
}

/// An argument that must be an int fitting `Py_ssize_t` (`PyNumber_AsSsize_t(o,
/// OverflowError)`: `list.pop(i)`, `list.insert(i, x)`).
///
/// # Errors
/// `TypeError: 'str' object cannot be interpreted as an integer`, `OverflowError: Python int
/// too large to convert to C ssize_t`.
pub fn ssize_arg(o: &PyObject) -> PyResult<isize> {
    if let Some(v) = crate::numbers::user_index_value(o) {
        return v?
            .to_i64()
            .and_then(|n| isize::try_from(n).ok())
            .ok_or_else(|| {
                PyErr::new(
                    crate::error::ExcKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            });
    }
    let Some(i) = long::Int::cast(o) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.ob_type().name()
        )));
    };
    long::as_ssize_t(i)
}

/// An index value clamped to the `Py_ssize_t` range.
fn clamp_value(v: &crate::long_digits::LongValue) -> isize {
    v.to_i64()
        .and_then(|n| isize::try_from(n).ok())
        .unwrap_or(if v.is_negative() {
            isize::MIN
        } else {
            isize::MAX
        })
}

/// A `start`/`stop` argument given (`_PyEval_SliceIndexNotNone`): an int clamped to the
/// `Py_ssize_t` range.
///
/// # Errors
/// `TypeError: slice indices must be integers or have an __index__ method`.
pub fn slice_index_arg(o: &PyObject) -> PyResult<isize> {
    if let Some(v) = crate::numbers::user_index_value(o) {
        return Ok(clamp_value(&v?));
    }
    long::Int::cast(o).map(long::clamp_to_ssize).ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or have an __index__ method")
    })
}

/// A slice bound other than `None` (`_PyEval_SliceIndex`: slices, `str.find`'s `start` and
/// `end`): an int clamped to the `Py_ssize_t` range.
///
/// # Errors
/// `TypeError: slice indices must be integers or None or have an __index__ method`.
pub fn slice_index(o: &PyObject) -> PyResult<isize> {
    if let Some(v) = crate::numbers::user_index_value(o) {
        return Ok(clamp_value(&v?));
    }
    long::Int::cast(o).map(long::clamp_to_ssize).ok_or_else(|| {
        PyErr::type_error("slice indices must be integers or None or have an __index__ method")
    })
}

#[cfg(test)]
mod tests {
    use super::{Params, bind};
    use crate::Heap;
    use crate::types::long::int_from_i64;

    /// The messages, as CPython 3.12.1 words them for `list`, `dict` and `str` methods.
    #[test]
    fn binding_errors_are_cpythons() {
        let heap = Heap::new();
        let one = || int_from_i64(&heap, 1).unwrap();
        let kw = |k: &str| vec![(k.to_string(), one())];
        let err = |r: crate::PyResult<Vec<_>>| r.unwrap_err().to_string();
        let split = Params::Keywords {
            names: &["sep", "maxsplit"],
            positional: 2,
            required: 0,
        };
        let sort = Params::Keywords {
            names: &["key", "reverse"],
            positional: 0,
            required: 0,
        };
        let from_bytes = Params::Keywords {
            names: &["bytes", "byteorder", "signed"],
            positional: 2,
            required: 1,
        };
        let cases = [
            (
                err(bind("list", "clear", Params::NoArgs, &[one()], &[])),
                "TypeError: list.clear() takes no arguments (1 given)",
            ),
            (
                err(bind("list", "append", Params::One, &[], &[])),
                "TypeError: list.append() takes exactly one argument (0 given)",
            ),
            (
                err(bind("list", "append", Params::One, &[], &kw("x"))),
                "TypeError: list.append() takes no keyword arguments",
            ),
            (
                err(bind(
                    "list",
                    "insert",
                    Params::Positional { min: 2, max: 2 },
                    &[one()],
                    &[],
                )),
                "TypeError: insert expected 2 arguments, got 1",
            ),
            (
                err(bind(
                    "dict",
                    "get",
                    Params::Positional { min: 1, max: 2 },
                    &[],
                    &[],
                )),
                "TypeError: get expected at least 1 argument, got 0",
            ),
            (
                err(bind(
                    "list",
                    "pop",
                    Params::Positional { min: 0, max: 1 },
                    &[one(), one()],
                    &[],
                )),
                "TypeError: pop expected at most 1 argument, got 2",
            ),
            (
                err(bind("str", "split", split, &[one(), one(), one()], &[])),
                "TypeError: split() takes at most 2 arguments (3 given)",
            ),
            (
                err(bind("str", "split", split, &[one()], &kw("sep"))),
                "TypeError: argument for split() given by name ('sep') and position (1)",
            ),
            (
                err(bind("str", "split", split, &[], &kw("sepx"))),
                "TypeError: 'sepx' is an invalid keyword argument for split()",
            ),
            (
                err(bind("list", "sort", sort, &[one()], &[])),
                "TypeError: sort() takes no positional arguments",
            ),
            (
                err(bind("int", "from_bytes", from_bytes, &[], &[])),
                "TypeError: from_bytes() missing required argument 'bytes' (pos 1)",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        let bound = bind("str", "split", split, &[], &kw("maxsplit")).unwrap();
        assert!(bound[0].is_none() && bound[1].is_some(), "bound by name");
    }

    /// `METH_VARARGS` (`set.union(*others)`): any number of positional arguments, each bound;
    /// no keywords, with CPython 3.12.1's message.
    #[test]
    fn any_args_bind_every_positional_argument_and_no_keyword() {
        let heap = Heap::new();
        let one = || int_from_i64(&heap, 1).unwrap();
        let none = bind("set", "union", Params::AnyArgs, &[], &[]).unwrap();
        assert!(none.is_empty());
        let three = bind(
            "set",
            "update",
            Params::AnyArgs,
            &[one(), one(), one()],
            &[],
        )
        .unwrap();
        assert_eq!(three.len(), 3);
        assert!(three.iter().all(Option::is_some));
        let kw = vec![("x".to_string(), one())];
        let err = bind("frozenset", "union", Params::AnyArgs, &[one()], &kw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: frozenset.union() takes no keyword arguments"
        );
    }

    /// `PyArg_ParseTuple`'s messages (`str.find`, `str.startswith` in CPython 3.12.1), and
    /// `*args, **kwargs` bound as they come.
    #[test]
    fn var_args_errors_are_cpythons() {
        let heap = Heap::new();
        let one = || int_from_i64(&heap, 1).unwrap();
        let find = Params::VarArgs { min: 1, max: 3 };
        let exact = Params::VarArgs { min: 1, max: 1 };
        let err = |r: crate::PyResult<Vec<_>>| r.unwrap_err().to_string();
        let kw = vec![("x".to_string(), one())];
        let cases = [
            (
                err(bind("str", "find", find, &[], &[])),
                "TypeError: find() takes at least 1 argument (0 given)",
            ),
            (
                err(bind(
                    "str",
                    "find",
                    find,
                    &[one(), one(), one(), one()],
                    &[],
                )),
                "TypeError: find() takes at most 3 arguments (4 given)",
            ),
            (
                err(bind("str", "find", find, &[one()], &kw)),
                "TypeError: str.find() takes no keyword arguments",
            ),
            (
                err(bind("x", "f", exact, &[one(), one()], &[])),
                "TypeError: f() takes exactly 1 argument (2 given)",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        let bound = bind("str", "find", find, &[one(), one()], &[]).unwrap();
        assert_eq!(
            bound.iter().map(Option::is_some).collect::<Vec<_>>(),
            [true, true, false]
        );
        let bound = super::bind_var_keywords(&heap, &[one()], &kw).unwrap();
        assert_eq!(bound.len(), 4);
        assert!(
            bound[0].is_some() && bound[1].is_none(),
            "positional, then None"
        );
        let name = crate::types::unicode::Str::cast(bound[2].as_ref().unwrap().object());
        assert_eq!(crate::types::unicode::str_value(name.unwrap()), "x");
        let bound = bind("str", "format", Params::VarKeywords, &[one()], &[]).unwrap();
        assert!(bound.len() == 2 && bound[1].is_none(), "no keywords");
    }

    /// Module-level functions (an empty type name): CPython 3.12.1's messages for `len`,
    /// `isinstance`, `sum`, `round`, `print`, in `_PyArg_UnpackKeywords`'s order.
    #[test]
    fn module_functions_have_no_type_prefix() {
        let heap = Heap::new();
        let one = || int_from_i64(&heap, 1).unwrap();
        let kw = |k: &str| vec![(k.to_string(), one())];
        let err = |r: crate::PyResult<Vec<_>>| r.unwrap_err().to_string();
        let sum = Params::Keywords {
            names: &["", "start"],
            positional: 2,
            required: 1,
        };
        let round = Params::Keywords {
            names: &["number", "ndigits"],
            positional: 2,
            required: 1,
        };
        let print = Params::VarArgsKeywords {
            names: &["sep", "end", "file", "flush"],
        };
        let cases = [
            (
                err(bind("", "len", Params::One, &[], &[])),
                "TypeError: len() takes exactly one argument (0 given)",
            ),
            (
                err(bind("", "repr", Params::One, &[one()], &kw("x"))),
                "TypeError: repr() takes no keyword arguments",
            ),
            (
                err(bind(
                    "",
                    "isinstance",
                    Params::Positional { min: 2, max: 2 },
                    &[one()],
                    &[],
                )),
                "TypeError: isinstance expected 2 arguments, got 1",
            ),
            (
                err(bind("", "sum", sum, &[], &[])),
                "TypeError: sum() takes at least 1 positional argument (0 given)",
            ),
            (
                err(bind("", "sum", sum, &[], &kw("iterable"))),
                "TypeError: sum() takes at least 1 positional argument (0 given)",
            ),
            (
                err(bind("", "sum", sum, &[one()], &kw("x"))),
                "TypeError: 'x' is an invalid keyword argument for sum()",
            ),
            (
                err(bind("", "sum", sum, &[one(), one(), one()], &[])),
                "TypeError: sum() takes at most 2 arguments (3 given)",
            ),
            (
                err(bind("", "round", round, &[], &kw("x"))),
                "TypeError: round() missing required argument 'number' (pos 1)",
            ),
            (
                err(bind("", "print", print, &[one()], &kw("sepx"))),
                "TypeError: 'sepx' is an invalid keyword argument for print()",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
        let bound = bind("", "sum", sum, &[one()], &kw("start")).unwrap();
        assert!(bound[0].is_some() && bound[1].is_some(), "start by name");
        let bound = bind("", "print", print, &[one(), one()], &kw("end")).unwrap();
        assert_eq!(
            bound.iter().map(Option::is_some).collect::<Vec<_>>(),
            [false, true, false, false, true, true],
            "the keywords, then the positional arguments"
        );
    }

    /// Every table's entries: unique names, and fixed-arity conventions with a small `max`
    /// (`bind` makes one slot per parameter; unbounded arity is `AnyArgs`' job).
    #[test]
    fn every_method_table_is_well_formed() {
        use crate::types::{dict, float_methods, list_methods, long_methods, range_methods};
        use crate::types::{set_methods, str_methods};
        fn check<V: crate::view::View>(t: &super::MethodTable<V>) {
            let mut names: Vec<&str> = t.methods.iter().map(|m| m.name).collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{}: a method declared twice", t.type_name);
            for m in t.methods {
                let max = match m.params {
                    Params::Positional { min, max } | Params::VarArgs { min, max } => {
                        assert!(min <= max, "{}.{}", t.type_name, m.name);
                        max
                    }
                    Params::Keywords { names, .. } => names.len(),
                    Params::KeywordsDict { max } => max,
                    _ => 0,
                };
                assert!(
                    max <= super::MAX_FAST_ARGS,
                    "{}.{}: {max} parameters",
                    t.type_name,
                    m.name
                );
            }
        }
        check(&list_methods::LIST_METHODS);
        check(&dict::methods::DICT_METHODS);
        check(&set_methods::SET_METHODS);
        check(&set_methods::FROZENSET_METHODS);
        check(&str_methods::STR_METHODS);
        check(&long_methods::INT_METHODS);
        check(&float_methods::FLOAT_METHODS);
        check(&range_methods::RANGE_METHODS);
        check(&crate::types::tuple_methods::TUPLE_METHODS);
        check(&crate::types::bytes_methods::BYTES_METHODS);
        check(&crate::math::MATH_FUNCTIONS);
    }

    /// [`super::positional_fit`] agrees with [`bind`] for every method of every table and
    /// every count of positional arguments: a fit exactly when the binding succeeds, with the
    /// binding's length (so the VM's in-place binding is `bind`'s).
    #[test]
    fn positional_fit_is_binds_success() {
        use crate::types::{dict, float_methods, list_methods, long_methods, range_methods};
        use crate::types::{set_methods, str_methods};
        fn check<V: crate::view::View>(t: &super::MethodTable<V>, heap: &Heap) {
            for m in t.methods {
                for n in 0..=super::MAX_FAST_ARGS + 1 {
                    let args: Vec<_> = (0..n).map(|_| int_from_i64(heap, 1).unwrap()).collect();
                    let fit = super::positional_fit(m.params, n);
                    if matches!(m.params, Params::VarArgsKeywords { .. }) {
                        assert!(fit.is_none());
                        continue;
                    }
                    let bound = bind(t.type_name, m.name, m.params, &args, &[]);
                    match (fit, bound) {
                        (Some(len), Ok(b)) => {
                            assert_eq!(len, b.len(), "{}.{} with {n}", t.type_name, m.name);
                            assert!(b[..n].iter().all(Option::is_some));
                            assert!(b[n..].iter().all(Option::is_none));
                        }
                        (None, Err(_)) => {}
                        (None, Ok(b)) => assert!(
                            b.len() > super::MAX_FAST_ARGS,
                            "{}.{} with {n}: bound but no fit",
                            t.type_name,
                            m.name
                        ),
                        (Some(_), Err(e)) => {
                            panic!("{}.{} with {n}: a fit but {e}", t.type_name, m.name)
                        }
                    }
                }
            }
        }
        let heap = Heap::new();
        check(&list_methods::LIST_METHODS, &heap);
        check(&dict::methods::DICT_METHODS, &heap);
        check(&set_methods::SET_METHODS, &heap);
        check(&set_methods::FROZENSET_METHODS, &heap);
        check(&str_methods::STR_METHODS, &heap);
        check(&long_methods::INT_METHODS, &heap);
        check(&float_methods::FLOAT_METHODS, &heap);
        check(&range_methods::RANGE_METHODS, &heap);
        check(&crate::types::tuple_methods::TUPLE_METHODS, &heap);
        check(&crate::types::bytes_methods::BYTES_METHODS, &heap);
        check(&crate::math::MATH_FUNCTIONS, &heap);
    }
}
