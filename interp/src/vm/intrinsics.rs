//! `CALL_INTRINSIC_1` and `CALL_INTRINSIC_2` (`Python/intrinsics.c`): the functions the
//! compiler calls by number, with 3.12's numbering (`Include/internal/pycore_intrinsics.h`).
//!
//! | 1-argument | | 2-argument | |
//! |---|---|---|---|
//! | 1 | `INTRINSIC_PRINT` | 1 | `INTRINSIC_PREP_RERAISE_STAR` |
//! | 2 | `INTRINSIC_IMPORT_STAR` | 2 | `INTRINSIC_TYPEVAR_WITH_BOUND` |
//! | 3 | `INTRINSIC_STOPITERATION_ERROR` | 3 | `INTRINSIC_TYPEVAR_WITH_CONSTRAINTS` |
//! | 4 | `INTRINSIC_ASYNC_GEN_WRAP` | 4 | `INTRINSIC_SET_FUNCTION_TYPE_PARAMS` |
//! | 5 | `INTRINSIC_UNARY_POSITIVE` | | |
//! | 6 | `INTRINSIC_LIST_TO_TUPLE` | | |
//! | 7–11 | `TYPEVAR`, `PARAMSPEC`, `TYPEVARTUPLE`, `SUBSCRIPT_GENERIC`, `TYPEALIAS` | | |
//!
//! `ASYNC_GEN_WRAP` never runs (the compiler refuses `async`) and raises `SystemError`;
//! `PREP_RERAISE_STAR` is `except*`'s ([`super::except_star`]). The PEP 695 ones make the objects of
//! [`crate::typing_objects`]; `SUBSCRIPT_GENERIC` (a generic class) calls the shipped `typing`.

use std::io::Write as _;

use pyrt_objects::Obj;
use pyrt_objects::abstract_;
use pyrt_objects::types::function::Function;
use pyrt_objects::types::{dict, none, tuple, unicode};

use super::super::exceptions::{self, Exception, Link};
use super::super::typing_objects::{new_type_alias, new_type_param};
use super::super::{R, Unwind};
use super::eval::{Run, raised};

impl<'py> Run<'_, 'py> {
    /// `CALL_INTRINSIC_1`: intrinsic `which` applied to `v`.
    pub(super) fn intrinsic1(&mut self, which: usize, v: Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        match which {
            // INTRINSIC_PRINT (the REPL's displayhook).
            1 => {
                if !v.is(&none(heap)) {
                    let text = abstract_::repr(heap, v.object()).map_err(|e| interp.err(e))?;
                    let _ = writeln!(interp.out.borrow_mut(), "{text}");
                }
                Ok(none(heap))
            }
            // INTRINSIC_IMPORT_STAR.
            2 => interp.vm_import_star(&v),
            // INTRINSIC_STOPITERATION_ERROR (PEP 479).
            3 => self.stopiteration_error(v),
            // INTRINSIC_UNARY_POSITIVE.
            5 => abstract_::unary_op(heap, v.object(), abstract_::UnOp::Pos)
                .map_err(|e| interp.err(e)),
            // INTRINSIC_LIST_TO_TUPLE: the list `*args` were gathered in, as a tuple.
            6 => {
                let items = self.collect(&v)?;
                tuple::new_tuple(heap, items).map_err(|e| interp.err(e))
            }
            // INTRINSIC_TYPEVAR, INTRINSIC_PARAMSPEC, INTRINSIC_TYPEVARTUPLE: `v` is the name.
            7..=9 => new_type_param(heap, which, v, None, None).map_err(|e| interp.err(e)),
            // INTRINSIC_SUBSCRIPT_GENERIC (`_Py_subscript_generic`): the base of `class
            // C[T]`, `typing._GenericAlias(typing.Generic, params)`: pyrt's `Generic` is the
            // shipped `typing.py`'s.
            10 => {
                let typing = interp.vm_import("typing")?;
                let alias = interp.getattr(&typing, "_GenericAlias")?;
                let generic = interp.getattr(&typing, "Generic")?;
                interp.call(&alias, vec![generic, v], Vec::new())
            }
            // INTRINSIC_TYPEALIAS: `v` is `(name, type_params, compute_value)`.
            11 => {
                let module = self.module_name();
                new_type_alias(heap, v.object(), module).map_err(|e| interp.err(e))
            }
            _ => Err(unknown(self, "intrinsic", which)),
        }
    }

    /// The `__name__` of the running code's globals (`caller()` in `typevarobject.c`), or
    /// `None`.
    fn module_name(&self) -> Obj<'py> {
        let interp = self.interp();
        let heap = interp.heap;
        let name = (|| {
            let globals = self.frame_ref().globals(heap)?;
            let d = dict::Dict::cast(globals.object())?;
            let key = unicode::new_str(heap, "__name__").ok()?;
            dict::get_item(heap, d, key.object()).ok()?
        })();
        name.unwrap_or_else(|| none(heap))
    }

    /// `CALL_INTRINSIC_2`: intrinsic `which` applied to `v2` (pushed first) and `v1`.
    pub(super) fn intrinsic2(
        &mut self,
        which: usize,
        v2: Obj<'py>,
        v1: Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        match which {
            // INTRINSIC_PREP_RERAISE_STAR: what an `except*` block re-raises.
            1 => self.prep_reraise_star(v2, v1),
            // INTRINSIC_TYPEVAR_WITH_BOUND: the name, and the function computing the bound.
            2 => new_type_param(heap, 7, v2, Some(v1), None).map_err(|e| interp.err(e)),
            // INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: the name, and the function computing them.
            3 => new_type_param(heap, 7, v2, None, Some(v1)).map_err(|e| interp.err(e)),
            // INTRINSIC_SET_FUNCTION_TYPE_PARAMS: the function gets `__type_params__`.
            4 => {
                let f = Function::cast(v2.object())
                    .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
                f.set_typeparams(heap, v1).map_err(|e| interp.err(e))?;
                Ok(v2)
            }
            _ => Err(unknown(self, "intrinsic2", which)),
        }
    }

    /// `INTRINSIC_STOPITERATION_ERROR`: a `StopIteration` leaving a generator becomes a
    /// `RuntimeError` caused by it (PEP 479); any other exception is raised again.
    fn stopiteration_error(&mut self, v: Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        if v.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) {
            let e = interp.raise(&exceptions::RUNTIME_ERROR, "generator raised StopIteration");
            if let Unwind::Raise(r) = &e
                && let Some(ev) = Exception::cast(r.exc.object())
            {
                exceptions::set_link(interp.heap, ev, Link::Cause, Some(v.clone()));
                exceptions::set_link(interp.heap, ev, Link::Context, Some(v));
            }
            return Err(e);
        }
        self.set_reraise();
        Err(raised(v))
    }
}

/// The `SystemError` of an intrinsic pyrt does not run.
fn unknown<'py>(run: &Run<'_, 'py>, kind: &str, which: usize) -> Unwind<'py> {
    run.interp().raise(
        &exceptions::SYSTEM_ERROR,
        format!("pyrt's VM does not run {kind} {which}"),
    )
}
