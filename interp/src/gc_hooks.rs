//! The interpreter's side of the object layer's hooks (`pyrt_objects::hooks`): `__del__`
//! (`slot_tp_finalize`), weak-reference callbacks and `gc.callbacks`, with errors reported as
//! CPython's `PyErr_WriteUnraisable` does; the safe points where automatic collections run, and
//! `gc.garbage`'s filling.

use pyrt_gc::{CallbackPhase, CollectionInfo};
use pyrt_objects::hooks::RuntimeHooks;
use pyrt_objects::types::{dict, list, long, unicode};
use pyrt_objects::{Obj, PyObject};

use super::gc_module::GcLists;
use super::{Interp, R, Unwind};

impl<'py> Interp<'py> {
    /// The `gc.garbage` and `gc.callbacks` lists, made on first use.
    pub(crate) fn gc_lists(&self) -> R<'py, std::cell::Ref<'_, GcLists<'py>>> {
        if self.gc_lists.borrow().is_none() {
            let garbage = list::new_list(self.heap, Vec::new()).map_err(|e| self.err(e))?;
            let callbacks = list::new_list(self.heap, Vec::new()).map_err(|e| self.err(e))?;
            *self.gc_lists.borrow_mut() = Some(GcLists { garbage, callbacks });
        }
        Ok(std::cell::Ref::map(self.gc_lists.borrow(), |l| {
            l.as_ref().expect("made above")
        }))
    }

    /// A safe point (CPython's eval breaker): releases the exceptions of errors dropped
    /// unhandled, and runs the automatic collection when one is due.
    #[inline]
    pub(crate) fn gc_safe_point(&self) {
        self.heap.release_dead_raised();
        if self.heap.collection_due() {
            self.heap.collect_if_due();
            self.save_garbage();
        }
    }

    /// Moves what collections saved into `gc.garbage`.
    pub(crate) fn save_garbage(&self) {
        let saved = self.heap.take_garbage();
        if saved.is_empty() {
            return;
        }
        let Ok(lists) = self.gc_lists() else {
            return;
        };
        let Some(garbage) = list::List::cast(lists.garbage.object()) else {
            return;
        };
        for o in saved {
            // A failed append (no memory) drops the object, as a full `gc.garbage` would.
            let _ = list::append(self.heap, garbage, o);
        }
    }

    /// `PyErr_WriteUnraisable(obj)`: the exception is printed on stderr, after `Exception
    /// ignored in: <repr of obj>`, and otherwise ignored.
    fn write_unraisable(&self, obj: &PyObject, unwind: Unwind<'py>) {
        self.write_unraisable_msg("in", obj, unwind);
    }

    /// `_PyErr_WriteUnraisableMsg(msg, obj)`: as [`Interp::write_unraisable`], after
    /// `Exception ignored {msg}: <repr of obj>`.
    pub(crate) fn write_unraisable_msg(&self, msg: &str, obj: &PyObject, unwind: Unwind<'py>) {
        let Unwind::Raise(r) = unwind;
        let _ = std::io::Write::flush(&mut *self.out.borrow_mut());
        let what = pyrt_objects::abstract_::repr(self.heap, obj).unwrap_or_default();
        eprint!(
            "Exception ignored {msg}: {what}\n{}",
            self.vm_format_exception(&r.exc)
        );
    }
}

impl RuntimeHooks for Interp<'_> {
    fn trace_tag(&self) -> pyrt_allocator::Tag {
        self.tracemalloc.current_tag(self.running_frame())
    }

    fn call(
        &self,
        func: &PyObject,
        args: &[&PyObject],
    ) -> pyrt_objects::PyResult<pyrt_objects::ObjPtr> {
        // SAFETY: the caller holds the callable and the arguments for the call.
        let (func, args) = unsafe {
            (
                Obj::from_borrowed(self.heap, func),
                args.iter()
                    .map(|a| Obj::from_borrowed(self.heap, a))
                    .collect(),
            )
        };
        self.call(&func, args, Vec::new())
            .map(Obj::into_ptr)
            .map_err(|u| self.to_pyerr(u))
    }

    fn union_or(
        &self,
        a: &PyObject,
        b: &PyObject,
    ) -> pyrt_objects::PyResult<Option<pyrt_objects::ObjPtr>> {
        super::union_type::union_or(self.heap, a, b).map(|r| r.map(Obj::into_ptr))
    }

    fn index_value(
        &self,
        o: &PyObject,
    ) -> Option<pyrt_objects::PyResult<pyrt_objects::long_digits::LongValue>> {
        // SAFETY: the caller holds the object for the call.
        let o = unsafe { Obj::from_borrowed(self.heap, o) };
        let r = self.user_index(&o)?;
        Some(match r {
            Ok(i) => pyrt_objects::types::long::Int::cast(i.object())
                .map(pyrt_objects::types::long::long_value)
                .ok_or_else(pyrt_objects::view::bad_internal_call),
            Err(u) => Err(self.to_pyerr(u)),
        })
    }

    fn bind_special(
        &self,
        f: &PyObject,
        obj: &PyObject,
    ) -> pyrt_objects::PyResult<Option<pyrt_objects::ObjPtr>> {
        // SAFETY: the caller holds the method and the instance for the call.
        let (f, obj) = unsafe {
            (
                Obj::from_borrowed(self.heap, f),
                Obj::from_borrowed(self.heap, obj),
            )
        };
        self.bind_special_method(f, &obj)
            .map(|b| b.map(Obj::into_ptr))
            .map_err(|u| self.to_pyerr(u))
    }

    fn iterate(
        &self,
        iterable: &PyObject,
        started: &mut dyn FnMut() -> pyrt_objects::PyResult<()>,
        each: &mut dyn FnMut(&PyObject) -> pyrt_objects::PyResult<bool>,
    ) -> pyrt_objects::PyResult<()> {
        // SAFETY: the caller holds the iterable for the call.
        let iterable = unsafe { Obj::from_borrowed(self.heap, iterable) };
        let it = pyrt_objects::abstract_::get_iter(self.heap, iterable.object())?;
        started()?;
        if pyrt_objects::types::genobject::is_generator(it.object()) {
            // A generator resumes on one run for all its items.
            return self.gen_for_each(&it, |item| each(item.object()), |u| self.to_pyerr(u));
        }
        while let Some(item) = self.vm_iter_next(&it).map_err(|u| self.to_pyerr(u))? {
            if !each(item.object())? {
                break;
            }
        }
        Ok(())
    }

    fn lookup_attr(
        &self,
        o: &PyObject,
        name: &str,
    ) -> pyrt_objects::PyResult<Option<pyrt_objects::ObjPtr>> {
        // SAFETY: the caller holds the object for the call.
        let o = unsafe { Obj::from_borrowed(self.heap, o) };
        match self.getattr(&o, name) {
            Ok(v) => Ok(Some(v.into_ptr())),
            Err(u) if self.is_attribute_error(&u) => Ok(None),
            Err(u) => Err(self.to_pyerr(u)),
        }
    }

    fn get_item(
        &self,
        o: &PyObject,
        key: &PyObject,
    ) -> pyrt_objects::PyResult<pyrt_objects::ObjPtr> {
        // SAFETY: the caller holds both for the call.
        let (o, key) = unsafe {
            (
                Obj::from_borrowed(self.heap, o),
                Obj::from_borrowed(self.heap, key),
            )
        };
        self.getitem(&o, &key)
            .map(Obj::into_ptr)
            .map_err(|u| self.to_pyerr(u))
    }

    fn gen_close(&self, generator: &PyObject) {
        // SAFETY: the generator is alive for the call (the caller finalizes it).
        let g = unsafe { Obj::from_borrowed(self.heap, generator) };
        if let Err(u) = self.gen_close_method(&g) {
            self.write_unraisable(generator, u);
        }
    }

    fn get_iter(&self, iterable: &PyObject) -> pyrt_objects::PyResult<pyrt_objects::ObjPtr> {
        use pyrt_objects::types::iter::dict::{DictIterKind, dict_iter};
        // SAFETY: the caller holds the iterable for the call.
        let o = unsafe { Obj::from_borrowed(self.heap, iterable) };
        for (kind, what) in [
            (&super::objects::DICT_KEYS, DictIterKind::Keys),
            (&super::objects::DICT_VALUES, DictIterKind::Values),
            (&super::objects::DICT_ITEMS, DictIterKind::Items),
        ] {
            if let Some(v) = kind.cast(iterable) {
                let d = v
                    .get_ref(self.heap, 0)
                    .ok_or_else(pyrt_objects::view::bad_internal_call)?;
                return dict_iter(self.heap, &d, what, false).map(Obj::into_ptr);
            }
        }
        if let Some(m) = super::descriptors::proxy_mapping(self.heap, iterable) {
            return pyrt_objects::abstract_::get_iter(self.heap, m.object()).map(Obj::into_ptr);
        }
        let iter_method = pyrt_objects::types::class::is_heap_type(iterable.ob_type())
            .then(|| self.class_lookup(iterable.ob_type(), "__iter__"))
            .flatten();
        // `slot_tp_iter`: `__iter__ = None` makes a class's instances not iterable.
        if let Some(f) = &iter_method
            && !f.is(&pyrt_objects::types::none(self.heap))
        {
            let it = self
                .call_special_method(f.clone(), &o, Vec::new(), Vec::new())
                .map_err(|u| self.to_pyerr(u))?;
            return self.checked_iterator(it).map(Obj::into_ptr);
        }
        if iter_method.is_none()
            && let Some(it) = self.user_sequence_iter(&o)
        {
            return it.map(Obj::into_ptr);
        }
        if let Some(it) = pyrt_objects::types::builtin_subclass::base_iter(self.heap, &o) {
            return it.map(Obj::into_ptr);
        }
        Err(pyrt_objects::PyErr::type_error(format!(
            "'{}' object is not iterable",
            iterable.ob_type().name()
        )))
    }

    fn iter_next(
        &self,
        iterator: &PyObject,
    ) -> pyrt_objects::PyResult<Option<pyrt_objects::ObjPtr>> {
        // SAFETY: the caller holds the iterator for the call.
        let o = unsafe { Obj::from_borrowed(self.heap, iterator) };
        if pyrt_objects::types::genobject::is_generator(iterator) {
            return match self.gen_send(&o, pyrt_objects::types::none(self.heap)) {
                Ok(super::vm::generator::Sent::Yielded(v)) => Ok(Some(v.into_ptr())),
                Ok(super::vm::generator::Sent::Returned(v)) => {
                    if v.is(&pyrt_objects::types::none(self.heap)) {
                        Ok(None)
                    } else {
                        Err(self.to_pyerr(self.stop_iteration(v)))
                    }
                }
                Err(u) => Err(self.to_pyerr(u)),
            };
        }
        if pyrt_objects::types::class::is_heap_type(iterator.ob_type())
            && let Some(f) = self.class_lookup(iterator.ob_type(), "__next__")
        {
            return match self.call_special_method(f, &o, Vec::new(), Vec::new()) {
                Ok(v) => Ok(Some(v.into_ptr())),
                Err(super::Unwind::Raise(r))
                    if r.exc
                        .ob_type()
                        .is_subtype(super::exceptions::STOP_ITERATION.get()) =>
                {
                    Ok(None)
                }
                Err(u) => Err(self.to_pyerr(u)),
            };
        }
        Err(pyrt_objects::PyErr::type_error(format!(
            "'{}' object is not an iterator",
            iterator.ob_type().name()
        )))
    }

    fn finalize(&self, obj: &PyObject) {
        let Some(del) = self.class_lookup(obj.ob_type(), "__del__") else {
            return;
        };
        // SAFETY: the object is alive for the finalizer's duration (the caller holds it).
        let me = unsafe { Obj::from_borrowed(self.heap, obj) };
        if let Err(u) = self.call(&del, vec![me], Vec::new()) {
            self.write_unraisable(del.object(), u);
        }
    }

    fn weakref_callback(&self, weakref: &PyObject, callback: &PyObject) {
        // SAFETY: the caller holds both.
        let (w, cb) = unsafe {
            (
                Obj::from_borrowed(self.heap, weakref),
                Obj::from_borrowed(self.heap, callback),
            )
        };
        if let Err(u) = self.call(&cb, vec![w], Vec::new()) {
            self.write_unraisable(cb.object(), u);
        }
    }

    fn gc_callback(&self, phase: CallbackPhase, info: CollectionInfo) {
        let callbacks = match self.gc_lists.borrow().as_ref() {
            Some(l)
                if list::List::cast(l.callbacks.object())
                    .is_some_and(|c| list::list_len(c) > 0) =>
            {
                l.callbacks.clone()
            }
            _ => return,
        };
        let heap = self.heap;
        let phase = match phase {
            CallbackPhase::Start => "start",
            CallbackPhase::Stop => "stop",
        };
        let args = || -> pyrt_objects::PyResult<(Obj<'_>, Obj<'_>)> {
            let d = dict::new_dict(heap)?;
            let view = dict::Dict::cast_internal(d.object())?;
            for (k, v) in [
                ("generation", info.generation),
                ("collected", info.collected),
                ("uncollectable", info.uncollectable),
            ] {
                let k = unicode::new_str(heap, k)?;
                dict::set_item(heap, view, k, long::int_from_i64(heap, v as i64)?)?;
            }
            Ok((unicode::new_str(heap, phase)?, d))
        };
        let Ok((phase, info)) = args() else {
            return;
        };
        let Some(callbacks) = list::List::cast(callbacks.object()) else {
            return;
        };
        let mut i = 0;
        while i < list::list_len(callbacks) {
            let Ok(cb) = list::get_item(heap, callbacks, i as isize) else {
                break;
            };
            if let Err(u) = self.call(&cb, vec![phase.clone(), info.clone()], Vec::new()) {
                self.write_unraisable(cb.object(), u);
            }
            i += 1;
        }
    }
}
