//! `throw()` and `close()` of a generator suspended in `yield from` (`Objects/genobject.c`'s
//! `_PyGen_yf`, `_gen_throw`, `gen_close` and `gen_close_iter`): the exception, or the close,
//! goes to the sub-iterator first, and only what comes out of it is raised in the generator's
//! own frame, where the `yield from`'s handler (`CLEANUP_THROW`) turns a `StopIteration` into
//! the value of the `yield from`.

use pyrt_objects::Obj;
use pyrt_objects::types::gen_attrs::yield_from_target;
use pyrt_objects::types::genobject::{FRAME_EXECUTING, Generator};
use pyrt_objects::types::none;

use super::super::exceptions;
use super::super::{Interp, R, Unwind};
use super::eval::raised;
use super::generator::Sent;

impl<'py> Interp<'py> {
    /// `_gen_throw`: `exc` thrown into generator `g`, through the sub-iterator it is
    /// delegating to, if any.
    pub(crate) fn gen_throw_exc(&self, g: &Obj<'py>, exc: Obj<'py>) -> R<'py, Sent<'py>> {
        let heap = self.heap;
        let Some(g_view) = Generator::cast(g.object()) else {
            return Err(raised(exc));
        };
        let Some(yf) = yield_from_target(heap, g_view) else {
            return self.gen_throw_here(g, exc);
        };
        let state = g_view.frame_state();
        if exc.ob_type().is_subtype(exceptions::GENERATOR_EXIT.get()) {
            g_view.set_frame_state(heap, FRAME_EXECUTING);
            let closed = self.close_iter(&yf);
            g_view.set_frame_state(heap, state);
            return match closed {
                Err(Unwind::Raise(r)) => self.gen_throw_here(g, r.exc),
                Ok(()) => self.gen_throw_here(g, exc),
            };
        }
        g_view.set_frame_state(heap, FRAME_EXECUTING);
        let sent = if Generator::cast(yf.object()).is_some() {
            self.gen_throw_exc(&yf, exc)
        } else {
            match self.lookup_method(&yf, "throw") {
                Ok(Some(meth)) => self.call(&meth, vec![exc], Vec::new()).map(Sent::Yielded),
                Ok(None) => {
                    g_view.set_frame_state(heap, state);
                    return self.gen_throw_here(g, exc);
                }
                Err(e) => Err(e),
            }
        };
        g_view.set_frame_state(heap, state);
        match sent {
            Ok(Sent::Yielded(v)) => Ok(Sent::Yielded(v)),
            // What ended the sub-iterator is raised at the `yield from`, whose handler makes
            // a `StopIteration` its value.
            Ok(Sent::Returned(v)) => match self.stop_iteration(v) {
                Unwind::Raise(r) => self.gen_throw_here(g, r.exc),
            },
            Err(Unwind::Raise(r)) => self.gen_throw_here(g, r.exc),
        }
    }

    /// `gen_close`'s first step: the sub-iterator `g` delegates to is closed; its error, if
    /// closing it raised one, is what `close()` then raises in `g` (else `GeneratorExit`).
    pub(crate) fn close_yield_from(&self, g: &Obj<'py>) -> Option<Obj<'py>> {
        let heap = self.heap;
        let g_view = Generator::cast(g.object())?;
        let yf = yield_from_target(heap, g_view)?;
        let state = g_view.frame_state();
        g_view.set_frame_state(heap, FRAME_EXECUTING);
        let closed = self.close_iter(&yf);
        g_view.set_frame_state(heap, state);
        match closed {
            Ok(()) => None,
            Err(Unwind::Raise(r)) => Some(r.exc),
        }
    }

    /// `gen_close_iter`: a generator's `close()`, or any iterator's `close` method if it has
    /// one.
    fn close_iter(&self, yf: &Obj<'py>) -> R<'py, ()> {
        if Generator::cast(yf.object()).is_some() {
            return self.gen_close_method(yf).map(drop);
        }
        if let Some(meth) = self.lookup_method(yf, "close")? {
            self.call(&meth, Vec::new(), Vec::new())?;
        }
        Ok(())
    }

    /// `_PyObject_LookupAttr`: `obj.name`, `None` when it has no such attribute.
    fn lookup_method(&self, obj: &Obj<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
        match self.getattr(obj, name) {
            Ok(m) => Ok(Some(m)),
            Err(Unwind::Raise(r))
                if r.exc
                    .ob_type()
                    .is_subtype(exceptions::ATTRIBUTE_ERROR.get()) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// `throw_here`: `exc` raised in `g`'s own frame.
    fn gen_throw_here(&self, g: &Obj<'py>, exc: Obj<'py>) -> R<'py, Sent<'py>> {
        self.gen_resume(g, none(self.heap), Some(exc))
    }
}
