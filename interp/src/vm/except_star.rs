//! `except*` (PEP 654) in the VM: `CHECK_EG_MATCH` (`Python/bytecodes.c`, with
//! `check_except_star_type_valid` and `exception_group_match` of `Python/ceval.c`) and
//! `INTRINSIC_PREP_RERAISE_STAR` (`_PyExc_PrepReraiseStar`).
//!
//! Each `except* T` clause splits the exception being handled: the part matching `T` becomes
//! the handled exception (`sys.exception()`, `as` target) and the rest goes on to the next
//! clause; a naked exception that matches is wrapped in `ExceptionGroup("", [exc])` whose
//! traceback starts at the handling frame. At the end, what the clauses raised or re-raised is
//! put together by the object model's [`group::prep_reraise_star`].

use pyrt_objects::Obj;
use pyrt_objects::types::exceptions::{self as model, group};
use pyrt_objects::types::tuple;
use pyrt_objects::types::{list, none, traceback};

use super::super::R;
use super::super::exceptions;
use super::eval::Run;

impl<'a, 'py> Run<'a, 'py> {
    /// `CHECK_EG_MATCH`: `(exc_value, match_type -- rest, match)`.
    pub(super) fn check_eg_match(&mut self) -> R<'py, ()> {
        let interp = self.interp();
        let heap = interp.heap;
        let match_type = self.pop_value()?;
        let exc_value = self.pop_value()?;
        self.check_except_star_type(&match_type)?;
        let (rest, matched) = self.exception_group_match(exc_value, &match_type)?;
        if !matched.is(&none(heap)) {
            // `PyErr_SetHandledException`: the matched part is what the clause handles.
            let previous = interp.vm.exc_info.replace(Some(matched.clone()));
            drop(previous);
        }
        self.push_value(rest);
        self.push_value(matched);
        Ok(())
    }

    /// `check_except_star_type_valid`: exception classes, none of them a group.
    fn check_except_star_type(&self, t: &Obj<'py>) -> R<'py, ()> {
        let interp = self.interp();
        self.check_except_type(t)?;
        let is_group_class = |o: &pyrt_objects::PyObject| {
            pyrt_objects::types::type_object(o).is_some_and(group::is_group_class)
        };
        let any_group = match tuple::Tuple::cast(t.object()) {
            // SAFETY: the tuple holds its items.
            Some(tp) => tuple::items(tp)
                .iter()
                .any(|p| is_group_class(unsafe { p.as_ref() })),
            None => is_group_class(t.object()),
        };
        if any_group {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    }

    /// `exception_group_match`: `(rest, match)` of `exc` for `match_type`.
    fn exception_group_match(
        &self,
        exc: Obj<'py>,
        match_type: &Obj<'py>,
    ) -> R<'py, (Obj<'py>, Obj<'py>)> {
        let interp = self.interp();
        let heap = interp.heap;
        let err = |e| interp.err(e);
        if exc.is(&none(heap)) {
            return Ok((none(heap), none(heap)));
        }
        if model::given_exception_matches(exc.object(), match_type.object()) {
            if group::is_group(exc.object()) {
                return Ok((none(heap), exc));
            }
            // A naked exception: wrapped, with a traceback from this frame.
            let wrapped = group::wrap_naked_exception(heap, exc).map_err(err)?;
            let frame = self.frame_ref();
            if let Ok(frame_obj) = frame.frame_object(heap) {
                let lasti = frame.lasti().max(0);
                let lineno = frame
                    .code()
                    .map_or(-1, |c| pyrt_objects::types::code::addr2line(c, lasti));
                let tb =
                    traceback::new_traceback(heap, None, frame_obj, (lasti * 2) as i32, lineno)
                        .map_err(err)?;
                if let Some(w) = exceptions::Exception::cast(wrapped.object()) {
                    model::set_traceback(heap, w, tb).map_err(err)?;
                }
            }
            return Ok((none(heap), wrapped));
        }
        if group::is_group(exc.object()) {
            let pair = group::split(heap, &exc, match_type.clone()).map_err(err)?;
            let parts = tuple::Tuple::cast_internal(pair.object()).map_err(err)?;
            // SAFETY: the tuple holds its items.
            let [m, r] = tuple::items(parts) else {
                return Err(err(pyrt_objects::view::bad_internal_call()));
            };
            // SAFETY: the tuple holds its items.
            let (m, r) = unsafe {
                (
                    Obj::from_borrowed(heap, m.as_ref()),
                    Obj::from_borrowed(heap, r.as_ref()),
                )
            };
            return Ok((r, m));
        }
        Ok((exc, none(heap)))
    }

    /// `INTRINSIC_PREP_RERAISE_STAR(orig, excs)`: what the `except*` statement re-raises
    /// (`None`: nothing).
    pub(super) fn prep_reraise_star(&self, orig: Obj<'py>, excs: Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let items: Vec<Obj<'py>> = match list::List::cast(excs.object()) {
            // SAFETY: the list holds its items.
            Some(l) => list::items(l)
                .iter()
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect(),
            None => return Err(interp.err(pyrt_objects::view::bad_internal_call())),
        };
        group::prep_reraise_star(heap, &orig, &items).map_err(|e| interp.err(e))
    }
}
