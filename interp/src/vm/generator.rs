//! Generators (`Objects/genobject.c`): resuming a generator's frame (`gen_send_ex2`), `send`,
//! `throw`, `close` and finalization (`gen_close` through the runtime's hooks), and `next()`
//! of a generator for the object layer's iteration.

use core::ptr::NonNull;

use pyrt_objects::Obj;
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::genobject::{
    FRAME_CLEARED, FRAME_COMPLETED, FRAME_CREATED, FRAME_EXECUTING, FRAME_SUSPENDED, Generator,
};
use pyrt_objects::types::{none, tuple};

use super::super::exceptions::{self, Exception};
use super::super::{Interp, R, Unwind};
use super::eval::{Entry, Exit, Run, raised};

/// What a step of a sub-iterator gave (`SEND`).
pub(crate) enum Sent<'py> {
    /// It yielded this value.
    Yielded(Obj<'py>),
    /// It finished, returning this value.
    Returned(Obj<'py>),
}

/// The value a `StopIteration` carries (`args[0]`, else `None`).
pub(crate) fn stop_value<'py>(interp: &Interp<'py>, exc: &Obj<'py>) -> Obj<'py> {
    let heap = interp.heap;
    Exception::cast(exc.object())
        .map(|e| exceptions::args(heap, e))
        .and_then(|a| tuple::Tuple::cast(a.object()).and_then(|t| tuple::items(t).first().copied()))
        // SAFETY: the args tuple holds its items.
        .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
        .unwrap_or_else(|| none(heap))
}

/// A generator whose frame runs on the current run, pushed by `FOR_ITER` or `SEND` (3.12's
/// `FOR_ITER_GEN` and `SEND_GEN`): what its caller needs when the frame yields, returns or
/// raises.
pub(crate) struct InlineGen<'py> {
    /// The generator (a strong reference while its frame runs).
    pub generator: Obj<'py>,
    /// `tstate->exc_info` of the caller, given back when the frame is left.
    pub saved_exc: Option<Obj<'py>>,
    /// The number of frames of the run with the generator's on top.
    pub depth: usize,
    /// Where the caller continues when the generator returns (its return value pushed).
    pub return_ip: usize,
}

impl<'py> Interp<'py> {
    /// Whether generator `g` can be resumed with `value` on the current run (not running, not
    /// finished, and no non-None value sent to a just-started one); every other case goes
    /// through [`Interp::gen_send`], which raises what CPython raises.
    pub(crate) fn gen_can_inline(&self, g: &Obj<'py>, value: &Obj<'py>) -> bool {
        let Some(g_view) = Generator::cast(g.object()) else {
            return false;
        };
        match g_view.frame_state() {
            FRAME_SUSPENDED => true,
            FRAME_CREATED => value.is(&none(self.heap)),
            _ => false,
        }
    }

    /// Starts resuming generator `g` (for which [`Interp::gen_can_inline`] said yes) on the
    /// current run: `value` pushed on its frame, its state executing, its own handled
    /// exception made current. Gives the frame and the unit it resumes at, and the caller's
    /// handled exception to restore.
    pub(crate) fn gen_enter_inline(
        &self,
        g: &Obj<'py>,
        value: Obj<'py>,
    ) -> R<'py, (NonNull<InterpreterFrame>, usize, Option<Obj<'py>>)> {
        let heap = self.heap;
        let g_view = Generator::cast(g.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        let frame = g_view.frame();
        let resume = (frame.lasti() + 1).max(0) as usize;
        frame
            .stack_push_opt(heap, Some(value))
            .map_err(|e| self.err(e))?;
        g_view.set_frame_state(heap, FRAME_EXECUTING);
        let saved = self.vm.exc_info.borrow().clone();
        if let Some(own) = g_view.exc_value(heap) {
            *self.vm.exc_info.borrow_mut() = Some(own);
        }
        Ok((g_view.frame_ptr(), resume, saved))
    }

    /// The frame of an inline generator yielded: suspended, its handled exception kept, the
    /// caller's restored (as [`Interp::gen_send`] does after a yield).
    pub(crate) fn gen_leave_yield(&self, g: &InlineGen<'py>) {
        let heap = self.heap;
        let Some(g_view) = Generator::cast(g.generator.object()) else {
            return;
        };
        let now = self.vm.exc_info.replace(g.saved_exc.clone());
        let own = match (&now, &g.saved_exc) {
            (Some(n), Some(s)) if n.is(s) => None,
            (n, _) => n.clone(),
        };
        g_view.set_exc_value(heap, own);
        // SAFETY: unlinking is always allowed.
        unsafe { g_view.frame().set_previous(None) };
        g_view.set_frame_state(heap, FRAME_SUSPENDED);
    }

    /// The frame of an inline generator returned or raised: the generator is finished and its
    /// frame cleared, the caller's handled exception restored.
    pub(crate) fn gen_leave_done(&self, g: &InlineGen<'py>) {
        let heap = self.heap;
        self.vm.exc_info.replace(g.saved_exc.clone());
        if let Some(g_view) = Generator::cast(g.generator.object()) {
            g_view.set_exc_value(heap, None);
            g_view.set_frame_state(heap, FRAME_CLEARED);
        }
    }

    /// Resumes generator `g` with `value` sent in (or `throw` raised in it).
    pub(super) fn gen_resume(
        &self,
        g: &Obj<'py>,
        value: Obj<'py>,
        throw: Option<Obj<'py>>,
    ) -> R<'py, Sent<'py>> {
        let heap = self.heap;
        let g_view = Generator::cast(g.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        let state = g_view.frame_state();
        if state == FRAME_EXECUTING {
            return Err(self.raise(&exceptions::VALUE_ERROR, "generator already executing"));
        }
        if state >= FRAME_COMPLETED {
            if let Some(exc) = throw {
                return Err(raised(exc));
            }
            return Ok(Sent::Returned(none(heap)));
        }
        if state == FRAME_CREATED && throw.is_none() && !value.is(&none(heap)) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                "can't send non-None value to a just-started generator",
            ));
        }
        // The value is pushed for a throw too (`gen_send_ex2`): the handler of a `yield from`
        // counts it. The generator's own handled exception is current while it runs.
        let (frame, resume, saved) = self.gen_enter_inline(g, value)?;
        let mut run = Run::new(self);
        let result = run.run(Entry::Generator(frame, resume), throw);
        let now = self.vm.exc_info.replace(saved.clone());
        match result {
            Ok(Exit::Yield(v)) => {
                let own = match (&now, &saved) {
                    (Some(n), Some(s)) if n.is(s) => None,
                    (n, _) => n.clone(),
                };
                g_view.set_exc_value(heap, own);
                g_view.set_frame_state(heap, FRAME_SUSPENDED);
                Ok(Sent::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                g_view.set_exc_value(heap, None);
                g_view.set_frame_state(heap, FRAME_CLEARED);
                Ok(Sent::Returned(v))
            }
            Err(e) => {
                g_view.set_exc_value(heap, None);
                g_view.set_frame_state(heap, FRAME_CLEARED);
                Err(e)
            }
        }
    }

    /// `g_view.send(value)` as `SEND` and `yield from` use it.
    pub(crate) fn gen_send(&self, g: &Obj<'py>, value: Obj<'py>) -> R<'py, Sent<'py>> {
        self.gen_resume(g, value, None)
    }

    /// `next(gen)`: the value yielded, `None` when it returned.
    pub(crate) fn gen_next(&self, g: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        match self.gen_resume(g, none(self.heap), None)? {
            Sent::Yielded(v) => Ok(Some(v)),
            Sent::Returned(_) => Ok(None),
        }
    }

    /// `g_view.send(value)`: the value yielded, or `StopIteration(value)` raised at the end.
    pub(crate) fn gen_send_method(&self, g: &Obj<'py>, value: Obj<'py>) -> R<'py, Obj<'py>> {
        match self.gen_resume(g, value, None)? {
            Sent::Yielded(v) => Ok(v),
            Sent::Returned(r) => Err(self.stop_iteration(r)),
        }
    }

    /// `g_view.throw(exc)`.
    pub(crate) fn gen_throw(&self, g: &Obj<'py>, exc: Obj<'py>) -> R<'py, Obj<'py>> {
        let exc = if exceptions::is_exception_class(exc.object()) {
            self.call(&exc, Vec::new(), Vec::new())?
        } else if exceptions::is_exception(exc.object()) {
            exc
        } else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    + exc.ob_type().name(),
            ));
        };
        match self.gen_throw_exc(g, exc)? {
            Sent::Yielded(v) => Ok(v),
            Sent::Returned(r) => Err(self.stop_iteration(r)),
        }
    }

    /// `g_view.close()`: `GeneratorExit` thrown in; a yield in answer is a `RuntimeError`.
    pub(crate) fn gen_close_method(&self, g: &Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let Some(g_view) = Generator::cast(g.object()) else {
            return Ok(none(heap));
        };
        match g_view.frame_state() {
            FRAME_CREATED => {
                g_view.set_frame_state(heap, FRAME_COMPLETED);
                return Ok(none(heap));
            }
            s if s >= FRAME_COMPLETED => return Ok(none(heap)),
            _ => {}
        }
        let exit = match self.close_yield_from(g) {
            Some(err) => err,
            None => {
                exceptions::new_exception(heap, exceptions::GENERATOR_EXIT.get(), Vec::new(), false)
                    .map_err(|e| self.err(e))?
            }
        };
        match self.gen_resume(g, none(heap), Some(exit)) {
            Ok(Sent::Yielded(_)) => Err(self.raise(
                &exceptions::RUNTIME_ERROR,
                "generator ignored GeneratorExit",
            )),
            Ok(Sent::Returned(_)) => Ok(none(heap)),
            Err(Unwind::Raise(r))
                if r.exc.ob_type().is_subtype(exceptions::GENERATOR_EXIT.get())
                    || r.exc.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) =>
            {
                Ok(none(heap))
            }
            Err(e) => Err(e),
        }
    }

    /// `StopIteration(value)` (no argument for `None`).
    pub(crate) fn stop_iteration(&self, value: Obj<'py>) -> Unwind<'py> {
        let heap = self.heap;
        let args = if value.is(&none(heap)) {
            Vec::new()
        } else {
            vec![value]
        };
        match exceptions::new_exception(heap, exceptions::STOP_ITERATION.get(), args, false) {
            Ok(e) => raised(e),
            Err(e) => self.err(e),
        }
    }
}
