//! The `atexit` module (`Modules/atexitmodule.c`): functions registered to run when the
//! interpreter shuts down, newest first, before the modules are torn down (`Py_FinalizeEx`
//! calls `_PyAtExit_Call` first). `weakref.finalize` registers its `_exitfunc` here.
//!
//! The callbacks live in the session ([`Interp::atexit`]), each with its arguments, in slots as
//! CPython keeps them: `unregister` empties a slot without taking it out, so `_ncallbacks()`
//! still counts it. A callback that raises is reported as CPython's `Exception ignored in
//! atexit callback: <func>` with the traceback, and the others still run.

use pyrt_objects::Obj;
use pyrt_objects::methods::Params;
use pyrt_objects::types::{long, none};

use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R};

/// The functions of `atexit`, as CPython 3.12 takes them.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("atexit", "register", Params::VarKeywords),
    def("atexit", "unregister", Params::One),
    def("atexit", "_run_exitfuncs", Params::NoArgs),
    def("atexit", "_clear", Params::NoArgs),
    def("atexit", "_ncallbacks", Params::NoArgs),
];

/// A registered callback: the function, its positional and its keyword arguments.
pub(crate) struct Callback<'py> {
    func: Obj<'py>,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
}

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    let heap = interp.heap;
    if f.name == "register" {
        return register(interp, args, kwargs);
    }
    let bound = super::bind(interp, f, &args, &kwargs)?;
    match f.name {
        "unregister" => {
            let target = bound.into_iter().flatten().next().expect("one argument");
            // `atexit_unregister`: every slot whose function equals `target` is emptied (the
            // comparison may run Python code, so no borrow is held across it).
            let mut i = 0;
            while i < interp.atexit.borrow().len() {
                let func = interp.atexit.borrow()[i].as_ref().map(|cb| cb.func.clone());
                if let Some(func) = func
                    && interp.rich_eq(&func, &target)?
                    && let Some(slot) = interp.atexit.borrow_mut().get_mut(i)
                {
                    *slot = None;
                }
                i += 1;
            }
            Ok(none(heap))
        }
        "_run_exitfuncs" => {
            run_exitfuncs(interp);
            Ok(none(heap))
        }
        "_clear" => {
            // The callbacks are dropped after the borrow ends: a `__del__` may register more.
            let cleared = std::mem::take(&mut *interp.atexit.borrow_mut());
            drop(cleared);
            Ok(none(heap))
        }
        _ => {
            let n = interp.atexit.borrow().len();
            long::int_from_i64(heap, n as i64).map_err(|e| interp.err(e))
        }
    }
}

/// `atexit.register(func, *args, **kwargs)`: returns `func`.
fn register<'py>(
    interp: &Interp<'py>,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let mut args = args.into_iter();
    let Some(func) = args.next() else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "register() takes at least 1 argument (0 given)",
        ));
    };
    if !crate::builtins::introspection::is_callable(interp, &func) {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "the first argument must be callable",
        ));
    }
    interp.atexit.borrow_mut().push(Some(Callback {
        func: func.clone(),
        args: args.collect(),
        kwargs,
    }));
    Ok(func)
}

/// `atexit_callfuncs`: the callbacks registered when it starts, newest first (one registered
/// meanwhile does not run), an exception reported and the rest still run; then every slot is
/// cleared (`atexit_cleanup`).
pub(crate) fn run_exitfuncs(interp: &Interp<'_>) {
    let n = interp.atexit.borrow().len();
    for i in (0..n).rev() {
        let Some(cb) = interp.atexit.borrow_mut().get_mut(i).and_then(Option::take) else {
            continue;
        };
        if let Err(unwind) = interp.call(&cb.func, cb.args, cb.kwargs) {
            interp.write_unraisable_msg("in atexit callback", cb.func.object(), unwind);
        }
    }
    let cleared = std::mem::take(&mut *interp.atexit.borrow_mut());
    drop(cleared);
}

impl<'py> Interp<'py> {
    /// `PyObject_RichCompareBool(a, b, Py_EQ)`.
    fn rich_eq(&self, a: &Obj<'py>, b: &Obj<'py>) -> R<'py, bool> {
        pyrt_objects::abstract_::compare_bool(
            self.heap,
            a.object(),
            b.object(),
            pyrt_objects::typeobj::CompareOp::Eq,
        )
        .map_err(|e| self.err(e))
    }
}
