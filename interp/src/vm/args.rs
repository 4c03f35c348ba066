//! Binding a call's arguments to a new frame's locals (`initialize_locals` in
//! `Python/ceval.c`), with CPython 3.12's argument errors (`too_many_positional`,
//! `missing_arguments`, `positional_only_passed_as_keyword`).

use pyrt_objects::types::code::{CO_VARARGS, CO_VARKEYWORDS, Code};
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::function::Function;
use pyrt_objects::types::{dict, tuple, unicode};
use pyrt_objects::{Obj, ObjPtr};

use super::super::exceptions;
use super::super::{Interp, R};

/// Fills `frame`'s parameters from `args` and `kwargs` (names as str objects), with the
/// function's defaults.
pub(crate) fn bind<'py>(
    interp: &Interp<'py>,
    func: &Function,
    frame: &InterpreterFrame,
    mut args: Vec<Obj<'py>>,
    kwargs: Vec<(Obj<'py>, Obj<'py>)>,
) -> R<'py, ()> {
    let heap = interp.heap;
    let code = frame.code().ok_or_else(|| interp.err(bad()))?;
    let slots = frame.slots();
    let argcount = code.argcount() as usize;
    let kwonly = code.kwonlyargcount() as usize;
    let total = argcount + kwonly;
    let flags = code.flags();
    let names = tuple::items(code.localsplusnames());
    let qualname = || unicode::str_value(super::eval::str_of(func.qualname(heap).object()));
    // **kwargs
    let kwdict = if flags & CO_VARKEYWORDS != 0 {
        let d = dict::new_dict(heap).map_err(|e| interp.err(e))?;
        let at = total + usize::from(flags & CO_VARARGS != 0);
        slots[at].set(heap, Some(d.clone()));
        Some(d)
    } else {
        None
    };
    let given = args.len();
    // *args
    if flags & CO_VARARGS != 0 {
        let rest = if given > argcount {
            args.split_off(argcount)
        } else {
            Vec::new()
        };
        let t = tuple::new_tuple(heap, rest).map_err(|e| interp.err(e))?;
        slots[total].set(heap, Some(t));
    }
    let too_many = given > argcount && flags & CO_VARARGS == 0;
    for (i, a) in args.into_iter().enumerate().take(argcount) {
        slots[i].set(heap, Some(a));
    }
    // Keywords.
    let posonly = code.posonlyargcount() as usize;
    for (name, value) in kwargs {
        let Some(key) = unicode::Str::cast(name.object()) else {
            // Only a `**` mapping brings a key that is not a str: `_PyStack_UnpackDict`'s
            // message, which names no function.
            return Err(interp.raise(&exceptions::TYPE_ERROR, "keywords must be strings"));
        };
        let key_text = unicode::str_value(key);
        let found = (posonly..total).find(|&i| {
            // SAFETY: the code holds its names.
            let n = unsafe { names[i].as_ref() };
            core::ptr::eq(n, name.object())
                || unicode::Str::cast(n).is_some_and(|n| unicode::str_value(n) == key_text)
        });
        match found {
            Some(i) if slots[i].is_null() => slots[i].set(heap, Some(value)),
            Some(_) => {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "{}() got multiple values for argument '{key_text}'",
                        qualname()
                    ),
                ));
            }
            None => match &kwdict {
                Some(d) => {
                    let d = dict::Dict::cast_internal(d.object()).map_err(|e| interp.err(e))?;
                    dict::set_item(heap, d, name, value).map_err(|e| interp.err(e))?;
                }
                None => {
                    let posonly_names: Vec<String> = (0..posonly)
                        .map(|i| name_at(names, i))
                        .filter(|n| *n == key_text)
                        .collect();
                    let msg = if posonly_names.is_empty() {
                        format!(
                            "{}() got an unexpected keyword argument '{key_text}'",
                            qualname()
                        )
                    } else {
                        format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{key_text}'",
                            qualname()
                        )
                    };
                    return Err(interp.raise(&exceptions::TYPE_ERROR, msg));
                }
            },
        }
    }
    let defaults = func.defaults(heap);
    let defaults: Vec<Obj<'py>> = defaults
        .as_ref()
        .and_then(|d| tuple::Tuple::cast(d.object()))
        .map(|t| {
            tuple::items(t)
                .iter()
                // SAFETY: the defaults tuple holds its items.
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect()
        })
        .unwrap_or_default();
    if too_many {
        return Err(too_many_positional(
            interp,
            code,
            &qualname(),
            given,
            defaults.len(),
            frame,
        ));
    }
    // Missing positional arguments, then defaults.
    if given < argcount {
        let first_default = argcount - defaults.len().min(argcount);
        let missing: Vec<String> = (given..first_default)
            .filter(|&i| slots[i].is_null())
            .map(|i| name_at(names, i))
            .collect();
        if !missing.is_empty() {
            return Err(missing_error(interp, &qualname(), &missing, "positional"));
        }
        for i in given.max(first_default)..argcount {
            if slots[i].is_null() {
                slots[i].set(heap, Some(defaults[i - first_default].clone()));
            }
        }
    }
    // Keyword-only arguments.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults(heap);
        let mut missing = Vec::new();
        for i in argcount..total {
            if !slots[i].is_null() {
                continue;
            }
            let default = match kwdefaults
                .as_ref()
                .and_then(|d| dict::Dict::cast(d.object()))
            {
                // SAFETY: the code holds its names.
                Some(d) => dict::get_item(heap, d, unsafe { names[i].as_ref() })
                    .map_err(|e| interp.err(e))?,
                None => None,
            };
            match default {
                Some(v) => slots[i].set(heap, Some(v)),
                None => missing.push(name_at(names, i)),
            }
        }
        if !missing.is_empty() {
            return Err(missing_error(interp, &qualname(), &missing, "keyword-only"));
        }
    }
    Ok(())
}

/// The defaults a call of `func` with `nargs` positional arguments and no keywords takes,
/// when it binds without [`bind`]: no `*args`, `**kwargs` or keyword-only parameters, no more
/// arguments than parameters, and defaults for the rest (the guards of `CALL_PY_EXACT_ARGS`
/// and `CALL_PY_WITH_DEFAULTS`); the last `argcount - nargs` items of `__defaults__`
/// (borrowed: valid while nothing replaces `__defaults__`, that is, while no Python code
/// runs). `None` for every other call, and so for every call that raises an argument error,
/// which goes through [`bind`].
#[inline(always)]
pub(crate) fn positional_defaults(func: &Function, nargs: usize) -> Option<&[ObjPtr]> {
    let code = func.code_view()?;
    let argcount = code.argcount() as usize;
    if code.flags() & (CO_VARARGS | CO_VARKEYWORDS) != 0
        || code.kwonlyargcount() != 0
        || nargs > argcount
    {
        return None;
    }
    if nargs == argcount {
        return Some(&[]);
    }
    let defaults = tuple::items(func.defaults_view()?);
    let missing = argcount - nargs;
    defaults.get(defaults.len().checked_sub(missing)?..)
}

/// Whether a call of `func` with `nargs` positional arguments and no keywords binds without
/// [`bind`] (see [`positional_defaults`]).
#[inline]
pub(crate) fn fits_positional(func: &Function, nargs: usize) -> bool {
    positional_defaults(func, nargs).is_some()
}

/// Binds a call from Rust that [`fits_positional`] accepted: `args` move into the first
/// local slots of `frame` (a fresh frame of `func`), the parameters after them take their
/// defaults.
pub(crate) fn bind_positional<'py>(
    heap: &'py pyrt_objects::Heap,
    func: &Function,
    frame: &InterpreterFrame,
    args: Vec<Obj<'py>>,
) {
    let slots = frame.slots();
    let nargs = args.len();
    for (slot, v) in slots.iter().zip(args) {
        slot.set(heap, Some(v));
    }
    if let Some(defaults) = positional_defaults(func, nargs) {
        fill_defaults(heap, frame, nargs, defaults);
    }
}

/// The parameters from `nargs` on take `defaults` (what [`positional_defaults`] gave for the
/// call), new references.
#[inline(always)]
fn fill_defaults(
    heap: &pyrt_objects::Heap,
    frame: &InterpreterFrame,
    nargs: usize,
    defaults: &[ObjPtr],
) {
    if defaults.is_empty() {
        return;
    }
    let Some(slots) = frame.slots().get(nargs..nargs + defaults.len()) else {
        return;
    };
    for (slot, d) in slots.iter().zip(defaults) {
        // SAFETY: the defaults tuple holds its items.
        slot.set(heap, Some(unsafe { Obj::from_borrowed(heap, d.as_ref()) }));
    }
}

fn name_at(names: &[pyrt_objects::ObjPtr], i: usize) -> String {
    // SAFETY: the code holds its names.
    unicode::str_value(super::eval::str_of(unsafe { names[i].as_ref() }))
}

/// `missing_arguments`: `f() missing 2 required positional arguments: 'a' and 'b'`.
fn missing_error<'py>(
    interp: &Interp<'py>,
    qualname: &str,
    missing: &[String],
    kind: &str,
) -> super::super::Unwind<'py> {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        [] => String::new(),
    };
    let n = missing.len();
    interp.raise(
        &exceptions::TYPE_ERROR,
        format!(
            "{qualname}() missing {n} required {kind} argument{}: {list}",
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// `too_many_positional`.
fn too_many_positional<'py>(
    interp: &Interp<'py>,
    code: &Code,
    qualname: &str,
    given: usize,
    defcount: usize,
    frame: &InterpreterFrame,
) -> super::super::Unwind<'py> {
    let argcount = code.argcount() as usize;
    let total = argcount + code.kwonlyargcount() as usize;
    let slots = frame.slots();
    let kwonly_given = (argcount..total).filter(|&i| !slots[i].is_null()).count();
    let (sig, plural) = if defcount > 0 {
        (
            format!("from {} to {argcount}", argcount - defcount.min(argcount)),
            true,
        )
    } else {
        (argcount.to_string(), argcount != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    interp.raise(
        &exceptions::TYPE_ERROR,
        format!(
            "{qualname}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
            if plural { "s" } else { "" },
            if given == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        ),
    )
}

fn bad() -> pyrt_objects::PyErr {
    pyrt_objects::view::bad_internal_call()
}
