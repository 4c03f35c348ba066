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
//!
//! A method's implementation receives its receiver as the table's typed view and its
//! parameters bound by position ([`Bound`]): `None` for an optional one not given.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
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
    /// the first `required` must be given; the rest are keyword-only.
    Keywords {
        /// The parameter names, in order.
        names: &'static [&'static str],
        /// Parameters that may be given by position.
        positional: usize,
        /// Parameters that must be given.
        required: usize,
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
        Some(
            bind(self.type_name, method.name, method.params, args, kwargs)
                .and_then(|bound| (method.call)(heap, view, &bound)),
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Binds `args` and `kwargs` to a method's parameters, with CPython's messages.
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
    let no_keywords =
        || PyErr::type_error(format!("{type_name}.{name}() takes no keyword arguments"));
    match params {
        Params::NoArgs => {
            if !kwargs.is_empty() {
                return Err(no_keywords());
            }
            if n != 0 {
                return Err(PyErr::type_error(format!(
                    "{type_name}.{name}() takes no arguments ({n} given)"
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
                    "{type_name}.{name}() takes exactly one argument ({n} given)"
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
        } => bind_keywords(name, names, positional, required, args, kwargs),
    }
}

/// `_PyArg_CheckPositional`.
fn check_positional(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
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

/// `_PyArg_UnpackKeywords`.
fn bind_keywords<'h>(
    name: &str,
    names: &[&str],
    positional: usize,
    required: usize,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Vec<Option<Obj<'h>>>> {
    let (n, total, max) = (args.len(), args.len() + kwargs.len(), names.len());
    if total > max {
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
            let at = if required == positional {
                "exactly"
            } else {
                "at most"
            };
            format!(
                "{name}() takes {at} {positional} positional argument{} ({n} given)",
                plural(positional)
            )
        };
        return Err(PyErr::type_error(message));
    }
    let mut bound: Vec<Option<Obj<'h>>> = (0..names.len()).map(|i| args.get(i).cloned()).collect();
    for (key, value) in kwargs {
        let Some(i) = names.iter().position(|p| p == key) else {
            return Err(PyErr::type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        };
        if bound[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        bound[i] = Some(value.clone());
    }
    if let Some(i) = (0..required).find(|&i| bound[i].is_none()) {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    Ok(bound)
}
