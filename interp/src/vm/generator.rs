//! Generators (`Objects/genobject.c`): resuming a generator's frame (`gen_send_ex2`: the steps
//! [`Interp::gen_enter`], [`Interp::gen_suspend`] and [`Interp::gen_finish`], shared with the
//! loop's `FOR_ITER_GEN`/`SEND_GEN`), `send`, `throw`, `close` and finalization (`gen_close`
//! through the runtime's hooks), and the object layer's iteration of a generator (`next()`,
//! and [`Interp::gen_for_each`]: every item on one run).

use pyrt_objects::Obj;
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

/// Whether generator `g` can be resumed on the current run with a value sent in (`None`
/// when `sent_none`): it is suspended, or just created and sent `None` (3.12's
/// `FOR_ITER_GEN`/`SEND_GEN` guards). Every other case goes through [`Interp::gen_send`], which
/// raises what CPython raises.
#[inline(always)]
pub(crate) fn can_resume_inline(g: &Generator, sent_none: bool) -> bool {
    match g.frame_state() {
        FRAME_SUSPENDED => true,
        FRAME_CREATED => sent_none,
        _ => false,
    }
}

impl<'py> Interp<'py> {
    /// Starts resuming generator `g` (suspended or just created): `value` pushed on its frame
    /// (`gen_send_ex2`), its state executing, its own handled exception made current. Gives
    /// the unit it resumes at, and the caller's handled exception, which
    /// [`Interp::gen_suspend`] or [`Interp::gen_finish`] restores.
    #[inline(always)]
    pub(crate) fn gen_enter(
        &self,
        g: &Generator,
        value: Obj<'py>,
    ) -> R<'py, (usize, Option<Obj<'py>>)> {
        let heap = self.heap;
        let frame = g.frame();
        let resume = (frame.lasti() + 1).max(0) as usize;
        frame
            .stack_push_opt(heap, Some(value))
            .map_err(|e| self.err(e))?;
        g.set_frame_state(heap, FRAME_EXECUTING);
        // `tstate->exc_info = &gen->gi_exc_state`: the generator's handled exception while it
        // runs, else the caller's shows through.
        let saved = match g.exc_value(heap) {
            Some(own) => self.vm.exc_info.replace(Some(own)),
            None => self.vm.exc_info.borrow().clone(),
        };
        Ok((resume, saved))
    }

    /// The frame of generator `g` yielded: suspended and unlinked, the exception it handles
    /// kept, the caller's handled exception `saved` restored (`YIELD_VALUE`).
    #[inline(always)]
    pub(crate) fn gen_suspend(&self, g: &Generator, saved: Option<Obj<'py>>) {
        let heap = self.heap;
        let now = {
            let mut slot = self.vm.exc_info.borrow_mut();
            // What is current is the generator's own, unless it is the caller's showing
            // through.
            let own = match (&*slot, &saved) {
                (Some(n), Some(s)) => !n.is(s),
                (n, _) => n.is_some(),
            };
            let now = core::mem::replace(&mut *slot, saved);
            own.then_some(now).flatten()
        };
        g.set_exc_value(heap, now);
        // SAFETY: unlinking is always allowed.
        unsafe { g.frame().set_previous(None) };
        g.set_frame_state(heap, FRAME_SUSPENDED);
    }

    /// The frame of generator `g` returned or raised: the generator is finished and its frame
    /// cleared, the caller's handled exception `saved` restored.
    #[inline]
    pub(crate) fn gen_finish(&self, g: &Generator, saved: Option<Obj<'py>>) {
        let heap = self.heap;
        drop(self.vm.exc_info.replace(saved));
        g.set_exc_value(heap, None);
        g.set_frame_state(heap, FRAME_CLEARED);
    }

    /// The frame of an inline generator (run by `FOR_ITER`/`SEND` on its caller's run)
    /// returned or raised: finished, with the caller's handled exception, which
    /// [`Generator::replace_caller_exc`] kept while it ran, restored.
    pub(crate) fn gen_leave_inline(&self, g: &Generator) {
        let saved = g.replace_caller_exc(self.heap, None);
        self.gen_finish(g, saved);
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
        let (resume, saved) = self.gen_enter(g_view, value)?;
        let mut run = Run::new(self);
        let result = run.run(Entry::Generator(g_view.frame_ptr(), resume), throw);
        drop(run);
        match result {
            Ok(Exit::Yield(v)) => {
                self.gen_suspend(g_view, saved);
                Ok(Sent::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                self.gen_finish(g_view, saved);
                Ok(Sent::Returned(v))
            }
            Err(e) => {
                self.gen_finish(g_view, saved);
                Err(e)
            }
        }
    }

    /// `for item in g` from Rust (`PyIter_Next` in a loop: `sum`, `list`, `str.join` of a
    /// generator): each item yielded goes to `each` until it answers `false` or the generator
    /// is done. Each resume is `gen_iternext`'s (a Rust-level entry of the generator's frame,
    /// counted against the recursion limits), on one run kept for all of them. A return value
    /// other than `None` makes the `StopIteration` that `gen_iternext` sets and `PyIter_Next`
    /// clears.
    ///
    /// # Errors
    /// What the generator raises (`lift`ed), `ValueError: generator already executing`, or
    /// what `each` returns.
    pub(crate) fn gen_for_each<E>(
        &self,
        g: &Obj<'py>,
        mut each: impl FnMut(Obj<'py>) -> Result<bool, E>,
        lift: impl Fn(Unwind<'py>) -> E,
    ) -> Result<(), E> {
        let heap = self.heap;
        let Some(g_view) = Generator::cast(g.object()) else {
            return Err(lift(self.err(pyrt_objects::view::bad_internal_call())));
        };
        let mut run = Run::new(self);
        loop {
            let state = g_view.frame_state();
            if state == FRAME_EXECUTING {
                return Err(lift(
                    self.raise(&exceptions::VALUE_ERROR, "generator already executing"),
                ));
            }
            if state >= FRAME_COMPLETED {
                return Ok(());
            }
            let (resume, saved) = self.gen_enter(g_view, none(heap)).map_err(&lift)?;
            match run.run(Entry::Generator(g_view.frame_ptr(), resume), None) {
                Ok(Exit::Yield(v)) => {
                    self.gen_suspend(g_view, saved);
                    if !each(v)? {
                        return Ok(());
                    }
                }
                Ok(Exit::Return(v)) => {
                    self.gen_finish(g_view, saved);
                    if !v.is(&none(heap)) {
                        drop(self.stop_iteration(v));
                    }
                    return Ok(());
                }
                Err(e) => {
                    self.gen_finish(g_view, saved);
                    return Err(lift(e));
                }
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
