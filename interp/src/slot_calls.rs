//! The interpreter's side of user special methods (`Objects/typeobject.c`'s `slot_*`
//! functions for the protocols pyrt keeps above the object layer): `__getitem__`,
//! `__setitem__`/`__delitem__` (`slot_mp_subscript`, `slot_mp_ass_subscript`),
//! `__contains__` (`slot_sq_contains`), `__call__` (`slot_tp_call`), `__index__`, and what
//! `type_new` does with special methods when a class is made (`__hash__` set to None beside
//! `__eq__`). The slots of the object layer are in
//! [`pyrt_objects::types::slot_defs`].

use pyrt_objects::Obj;
use pyrt_objects::types::{class, dict, long, slot_defs, unicode};

use super::exceptions;
use super::{Interp, R};

std::thread_local! {
    /// The warnings shown so far, by message, file and line (the `__warningregistry__` of
    /// the `default` filter action, which shows each once per place).
    static WARNED: core::cell::RefCell<std::collections::HashSet<(String, String, i32)>> =
        core::cell::RefCell::new(std::collections::HashSet::new());
}

impl<'py> Interp<'py> {
    /// `type_new`'s rule for `__hash__`: a class that defines `__eq__` and not `__hash__` gets
    /// `__hash__ = None` in its namespace (after the other entries), so its instances are
    /// unhashable.
    pub(crate) fn hash_none_beside_eq(&self, cls: &Obj<'py>) -> R<'py, ()> {
        let Some(ty) = pyrt_objects::types::type_object(cls.object()) else {
            return Ok(());
        };
        let Some(ns) = class::class_dict(ty).and_then(dict::Dict::cast) else {
            return Ok(());
        };
        let heap = self.heap;
        let eq = self.name_str("__eq__")?;
        let hash = self.name_str("__hash__")?;
        let has = |k: &Obj<'py>| {
            dict::get_item(heap, ns, k.object())
                .map(|v| v.is_some())
                .map_err(|e| self.err(e))
        };
        if has(&eq)? && !has(&hash)? {
            dict::set_item(heap, ns, hash, pyrt_objects::types::none(heap))
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// What `type_new` does last with a new class: `__set_name__(cls, name)` on each value
    /// of its namespace whose class defines it (in the namespace's order), then the base's
    /// `__init_subclass__` (an implicit class method) with the class.
    pub(crate) fn class_made_hooks(
        &self,
        cls: &Obj<'py>,
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        let Some(ty) = pyrt_objects::types::type_object(cls.object()) else {
            return Ok(());
        };
        self.set_names(cls, ty)?;
        self.init_subclass(ty, kwargs)
    }

    /// `cls(*args, **kwargs)` for a class that defines `__new__` (`slot_tp_new`, then
    /// `type_call`'s `__init__` when the result is an instance of `cls`); `None` when the
    /// class does not define it.
    pub(crate) fn user_new(
        &self,
        cls: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> Option<R<'py, Obj<'py>>> {
        let ty = pyrt_objects::types::type_object(cls.object())?;
        let new = slot_defs::lookup(self.heap, ty, "__new__")?;
        let run = || {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(cls.clone());
            all.extend_from_slice(args);
            let obj = self.call(&new, all, kwargs.to_vec())?;
            if !obj.ob_type().is_subtype(ty) {
                return Ok(obj);
            }
            if let Some(init) = slot_defs::lookup(self.heap, obj.ob_type(), "__init__") {
                self.call_init(&init, &obj, args.to_vec(), kwargs.to_vec())?;
            }
            Ok(obj)
        };
        Some(run())
    }

    /// `cls[key]` for a class that defines `__class_getitem__` (an implicit class method);
    /// `None` for any other object.
    pub(crate) fn user_class_getitem(
        &self,
        cls: &Obj<'py>,
        key: &Obj<'py>,
    ) -> Option<R<'py, Obj<'py>>> {
        let ty = pyrt_objects::types::type_object(cls.object())?;
        if !class::is_heap_type(ty) {
            return None;
        }
        let f = slot_defs::lookup(self.heap, ty, "__class_getitem__")?;
        // (A function there is a `classmethod` since `type_new`: bound as `cls.attr` binds.)
        Some(
            self.descr_get(f, None, ty, "__class_getitem__")
                .and_then(|f| self.call(&f, vec![key.clone()], Vec::new())),
        )
    }

    /// `type(o).name(o, *args)` when `o`'s class defines `name`.
    fn call_special(
        &self,
        o: &Obj<'py>,
        name: &str,
        args: Vec<Obj<'py>>,
    ) -> Option<R<'py, Obj<'py>>> {
        let f = slot_defs::lookup(self.heap, o.ob_type(), name)?;
        Some(self.call_special_method(f, o, args, Vec::new()))
    }

    /// `lookup_maybe_method`'s binding: `Some(f.__get__(o, type(o)))` when special method
    /// `f` (found on `o`'s class) is a descriptor other than a function (a `staticmethod`, a
    /// `classmethod`, a class with `__get__`), `None` when it is called with `o` first.
    pub(crate) fn bind_special_method(
        &self,
        f: Obj<'py>,
        o: &Obj<'py>,
    ) -> R<'py, Option<Obj<'py>>> {
        if super::vm::is_function(f.object())
            || self.descr_kind(f.object())? == super::attributes::DescrKind::Plain
        {
            return Ok(None);
        }
        self.descr_get(f, Some(o), o.ob_type(), "").map(Some)
    }

    /// Calls special method `f` found on `o`'s class: `f(o, *args)`, or the bound `f` without
    /// `o` ([`Self::bind_special_method`]).
    pub(crate) fn call_special_method(
        &self,
        f: Obj<'py>,
        o: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        if let Some(bound) = self.bind_special_method(f.clone(), o)? {
            return self.call(&bound, args, kwargs);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(o.clone());
        all.extend(args);
        self.call(&f, all, kwargs)
    }

    /// `o[key]` for an instance of a class on `object` (`slot_mp_subscript`): `None` when `o`
    /// is not one.
    pub(crate) fn user_getitem(&self, o: &Obj<'py>, key: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::has_user_slots(o.ob_type()) {
            return None;
        }
        Some(
            self.call_special(o, "__getitem__", vec![key.clone()])
                .unwrap_or_else(|| {
                    Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("'{}' object is not subscriptable", o.ob_type().name()),
                    ))
                }),
        )
    }

    /// `o[key] = value` (`Some`) or `del o[key]` (`None`) for an instance of a class
    /// (`slot_mp_ass_subscript`): `None` when `o` is not one, or when its class is on a
    /// built-in base and does not define the method (the base's applies).
    pub(crate) fn user_setitem(
        &self,
        o: &Obj<'py>,
        key: &Obj<'py>,
        value: Option<&Obj<'py>>,
    ) -> Option<R<'py, ()>> {
        let ty = o.ob_type();
        if slot_defs::overrides_builtin(ty) {
            // A class on a built-in base: its own method, else the base's (`None`).
            let name = if value.is_some() {
                "__setitem__"
            } else {
                "__delitem__"
            };
            let mut args = vec![key.clone()];
            args.extend(value.cloned());
            return self.call_special(o, name, args).map(|r| r.map(drop));
        }
        if !slot_defs::has_user_slots(ty) {
            return None;
        }
        let (name, args, refusal) = match value {
            Some(v) => (
                "__setitem__",
                vec![key.clone(), v.clone()],
                "does not support item assignment",
            ),
            None => (
                "__delitem__",
                vec![key.clone()],
                "doesn't support item deletion",
            ),
        };
        Some(match self.call_special(o, name, args) {
            Some(r) => r.map(drop),
            None => Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("'{}' object {refusal}", o.ob_type().name()),
            )),
        })
    }

    /// `item in o` for an instance of a class (on `object` or on a built-in base) that defines `__contains__`
    /// (`slot_sq_contains`): `None` when it does not (the membership walks the iterator).
    pub(crate) fn user_contains(&self, o: &Obj<'py>, item: &Obj<'py>) -> Option<R<'py, bool>> {
        if !slot_defs::has_protocol_methods(o.ob_type()) {
            return None;
        }
        let f = slot_defs::lookup(self.heap, o.ob_type(), "__contains__")?;
        if f.is(&pyrt_objects::types::none(self.heap)) {
            return Some(Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("'{}' object is not a container", o.ob_type().name()),
            )));
        }
        Some(
            self.call_special_method(f, o, vec![item.clone()], Vec::new())
                .and_then(|r| self.vm_truth(&r)),
        )
    }

    /// `PyObject_GetIter` of an instance of a class with `__getitem__` and no `__iter__`: an
    /// `iterator` over its items (`PySeqIter_New`); `None` when `o` is not one.
    pub(crate) fn user_sequence_iter(
        &self,
        o: &Obj<'py>,
    ) -> Option<pyrt_objects::PyResult<Obj<'py>>> {
        if !slot_defs::has_user_slots(o.ob_type())
            || slot_defs::lookup(self.heap, o.ob_type(), "__getitem__").is_none()
        {
            return None;
        }
        Some(pyrt_objects::types::iter::seq_iter::new_seq_iter(
            self.heap,
            o.clone(),
        ))
    }

    /// `PyObject_GetIter`'s check of what `__iter__` returned (`PyIter_Check`): `TypeError:
    /// iter() returned non-iterator of type 'int'`.
    pub(crate) fn checked_iterator(&self, it: Obj<'py>) -> pyrt_objects::PyResult<Obj<'py>> {
        let o = it.object();
        let is_iterator = pyrt_objects::types::iter::is_builtin_iterator(o)
            || pyrt_objects::types::genobject::is_generator(o)
            || (class::is_heap_type(o.ob_type())
                && slot_defs::lookup(self.heap, o.ob_type(), "__next__").is_some())
            || !class::is_heap_type(o.ob_type())
                && pyrt_objects::types::type_object(o).is_none()
                && pyrt_objects::abstract_::get_iter(self.heap, o).is_ok_and(|i| i.is(&it));
        if is_iterator {
            return Ok(it);
        }
        Err(pyrt_objects::PyErr::type_error(format!(
            "iter() returned non-iterator of type '{}'",
            o.ob_type().name()
        )))
    }

    /// `_PySequence_IterSearch`'s error when the container has no iterator: a `TypeError`
    /// becomes `TypeError: argument of type 'P' is not iterable`.
    pub(crate) fn contains_iter_error(
        &self,
        e: pyrt_objects::PyErr,
        container: &Obj<'py>,
    ) -> super::Unwind<'py> {
        if e.kind() == pyrt_objects::ExcKind::TypeError {
            return self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "argument of type '{}' is not iterable",
                    container.ob_type().name()
                ),
            );
        }
        self.err(e)
    }

    /// `o(*args, **kwargs)` for an instance of a class that defines `__call__`
    /// (`slot_tp_call`): `None` when it does not.
    pub(crate) fn user_call(
        &self,
        o: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::has_protocol_methods(o.ob_type()) {
            return None;
        }
        let f = slot_defs::lookup(self.heap, o.ob_type(), "__call__")?;
        Some(self.call_special_method(f, o, args, kwargs))
    }

    /// `PyNumber_Index(o)` for an instance of a class (`slot_nb_index`): its `__index__`,
    /// which must return an int; `None` when `o` is not such an instance or has none.
    pub(crate) fn user_index(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        self.user_number_conversion(o, "__index__")
    }

    /// A slice key for a built-in container (`obj`, not a class's instance) whose bounds
    /// include instances of classes: the slice with their `__index__` values
    /// (`_PyEval_SliceIndex`), which the built-in slicing reads; `None` when there is nothing
    /// to convert.
    ///
    /// # Errors
    /// What `__index__` raises; `TypeError: slice indices must be integers or None or have
    /// an __index__ method` for a bound without one.
    pub(crate) fn index_slice(&self, obj: &Obj<'py>, key: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        let Some(slice) = super::objects::SLICE.cast(key.object()) else {
            return Ok(None);
        };
        if slot_defs::has_user_slots(obj.ob_type()) {
            return Ok(None);
        }
        let parts: Vec<Obj<'py>> = (0..3)
            .map(|i| {
                slice
                    .get_ref(heap, i)
                    .unwrap_or_else(|| pyrt_objects::types::none(heap))
            })
            .collect();
        if !parts.iter().any(|p| slot_defs::has_user_slots(p.ob_type())) {
            return Ok(None);
        }
        let mut converted = Vec::with_capacity(3);
        for p in parts {
            if !slot_defs::has_user_slots(p.ob_type()) {
                converted.push(p);
                continue;
            }
            match self.user_index(&p) {
                Some(i) => converted.push(i?),
                None => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
            }
        }
        super::builtins::new_slice(self, converted).map(Some)
    }

    /// `int(o)` for an instance of a class (`PyNumber_Long`): `__int__`, else `__index__`;
    /// `None` when it has neither.
    pub(crate) fn user_int(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        self.user_number_conversion(o, "__int__")
            .or_else(|| self.user_index(o))
            .or_else(|| self.user_trunc(o))
    }

    /// `int(o)`'s last resort in 3.12 (`PyNumber_Long`): `__trunc__`, after a
    /// `DeprecationWarning` on stderr; a result that is not an int goes through its
    /// `__index__` (`TypeError: __trunc__ returned non-Integral (type str)` without one).
    fn user_trunc(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        let f = slot_defs::lookup(self.heap, o.ob_type(), "__trunc__")?;
        self.warn_deprecated("The delegation of int() to __trunc__ is deprecated.");
        let r = match self.call_special_method(f, o, Vec::new(), Vec::new()) {
            Ok(r) => r,
            Err(u) => return Some(Err(u)),
        };
        if long::Int::cast(r.object()).is_some() {
            return Some(Ok(r));
        }
        self.user_index(&r).or_else(|| {
            Some(Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "__trunc__ returned non-Integral (type {})",
                    r.ob_type().name()
                ),
            )))
        })
    }

    /// `PyErr_WarnEx(PyExc_DeprecationWarning, message, 1)` as the default filters show it
    /// for code in `__main__`: `file:line: DeprecationWarning: message` and the source line on
    /// stderr (pyrt has no `warnings` module: every warning is shown).
    fn warn_deprecated(&self, message: &str) {
        let Some(frame) = self.running_frame() else {
            return;
        };
        let Some(code) = frame.code() else {
            return;
        };
        let filename = unicode::str_value(code.filename());
        let line = pyrt_objects::types::code::addr2line(code, frame.lasti());
        // The `default` action: the first time for each message and place.
        let first =
            WARNED.with_borrow_mut(|w| w.insert((message.to_string(), filename.clone(), line)));
        if !first {
            return;
        }
        let _ = std::io::Write::flush(&mut *self.out.borrow_mut());
        eprintln!("{filename}:{line}: DeprecationWarning: {message}");
        let sources = self.vm.sources.borrow();
        if let Some(lines) = sources.get(&filename)
            && let Ok(n) = usize::try_from(line)
        {
            let text = lines.text_of(n).trim();
            if !text.is_empty() {
                eprintln!("  {text}");
            }
        }
    }

    /// `float(o)` for an instance of a class (`PyNumber_Float`): `__float__` (which must
    /// return a float), else `__index__` as a float; `None` when it has neither.
    pub(crate) fn user_float(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        if let Some(r) = self.user_number_conversion(o, "__float__") {
            return Some(r);
        }
        let i = match self.user_index(o)? {
            Ok(i) => i,
            Err(u) => return Some(Err(u)),
        };
        // `PyLong_AsDouble`: `OverflowError: int too large to convert to float`.
        let x = pyrt_objects::numbers::as_double(i.object());
        Some(
            x.and_then(|x| pyrt_objects::types::float::new_float(self.heap, x))
                .map_err(|e| self.err(e)),
        )
    }

    /// `bytes(o)` for an instance of a class that defines `__bytes__` (`bytes_new`'s
    /// `_PyObject_LookupSpecial`), whose result must be bytes; `None` when it does not.
    pub(crate) fn user_bytes(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::has_user_slots(o.ob_type()) {
            return None;
        }
        let Some(r) = self.call_special(o, "__bytes__", Vec::new()) else {
            return self.user_index(o).map(|i| self.zeroed_bytes(&i?));
        };
        Some(r.and_then(|r| {
            if pyrt_objects::types::bytes::is_bytes(r.object()) {
                return Ok(r);
            }
            Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("__bytes__ returned non-bytes (type {})", r.ob_type().name()),
            ))
        }))
    }

    /// `bytes(n)` for what `__index__` returned: `n` zero bytes.
    fn zeroed_bytes(&self, n: &Obj<'py>) -> R<'py, Obj<'py>> {
        let Some(n) = long::Int::cast(n.object()) else {
            return Err(self.err(pyrt_objects::view::bad_internal_call()));
        };
        let n = long::as_ssize_t(n).map_err(|_| {
            self.raise(
                &exceptions::OVERFLOW_ERROR,
                "cannot fit 'int' into an index-sized integer",
            )
        })?;
        let n = usize::try_from(n)
            .map_err(|_| self.raise(&exceptions::VALUE_ERROR, "negative count"))?;
        pyrt_objects::types::bytes::new_zeroed_bytes(self.heap, n).map_err(|e| self.err(e))
    }

    /// An argument of `complex()` that is an instance of a class: the first argument's
    /// `__complex__` (which must return a complex), else its `__float__` or `__index__` as the
    /// real part (`PyFloat_AsDouble`); `None` when `o` is not such an instance or defines none
    /// of them.
    pub(crate) fn user_complex_part(
        &self,
        o: &Obj<'py>,
        first: bool,
    ) -> Option<R<'py, pyrt_objects::types::complex::ComplexValue>> {
        use pyrt_objects::types::complex::{self, ComplexValue};
        let ty = o.ob_type();
        if !slot_defs::has_user_slots(ty) {
            return None;
        }
        if first && let Some(r) = self.call_special(o, "__complex__", Vec::new()) {
            return Some(r.and_then(|r| match complex::Complex::cast(r.object()) {
                Some(c) => Ok(complex::complex_value(c)),
                None => Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "__complex__ returned non-complex (type {})",
                        r.ob_type().name()
                    ),
                )),
            }));
        }
        let heap = self.heap;
        if slot_defs::lookup(heap, ty, "__float__").is_none()
            && slot_defs::lookup(heap, ty, "__index__").is_none()
        {
            return None;
        }
        Some(
            pyrt_objects::math::as_double_special(heap, o.object())
                .map(|real| ComplexValue { real, imag: 0.0 })
                .map_err(|e| self.err(e)),
        )
    }

    /// `type(o).name(o)` for `__int__`, `__float__` and `__index__`, whose result must be an
    /// int (a float for `__float__`): `TypeError: __int__ returned non-int (type str)`, `TypeError:
    /// P.__float__ returned non-float (type int)`. `None` when `o`'s class does not define the
    /// method.
    fn user_number_conversion(&self, o: &Obj<'py>, name: &str) -> Option<R<'py, Obj<'py>>> {
        // An int subclass's instance is its own index (`_PyNumber_Index`).
        if !slot_defs::has_protocol_methods(o.ob_type())
            || (name == "__index__" && long::Int::cast(o.object()).is_some())
        {
            return None;
        }
        let r = match self.call_special(o, name, Vec::new())? {
            Ok(r) => r,
            Err(u) => return Some(Err(u)),
        };
        let float = name == "__float__";
        let ok = if float {
            pyrt_objects::types::float::Float::cast(r.object()).is_some()
        } else {
            long::Int::cast(r.object()).is_some()
        };
        if ok && !float && !core::ptr::eq(r.ob_type(), pyrt_objects::types::INT_TYPE.get()) {
            // A strict subclass of int (a bool): deprecated, and copied to an int.
            self.warn_deprecated(&format!(
                "{name} returned non-int (type {}).  The ability to return an instance of a \
                 strict subclass of int is deprecated, and may be removed in a future version \
                 of Python.",
                r.ob_type().name()
            ));
            return Some(
                pyrt_objects::abstract_::unary_op(
                    self.heap,
                    r.object(),
                    pyrt_objects::abstract_::UnOp::Pos,
                )
                .map_err(|e| self.err(e)),
            );
        }
        if ok {
            return Some(Ok(r));
        }
        let message = if float {
            format!(
                "{}.__float__ returned non-float (type {})",
                o.ob_type().name(),
                r.ob_type().name()
            )
        } else {
            format!("{name} returned non-int (type {})", r.ob_type().name())
        };
        Some(Err(self.raise(&exceptions::TYPE_ERROR, message)))
    }
}

impl<'py> Interp<'py> {
    /// `o[key]` for an instance of a class on a built-in base that defines `__getitem__`
    /// (`slot_mp_subscript` over the base's): `None` when it does not (the base's subscript
    /// applies).
    pub(crate) fn subclass_getitem(
        &self,
        o: &Obj<'py>,
        key: &Obj<'py>,
    ) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::overrides_builtin(o.ob_type()) {
            return None;
        }
        self.call_special(o, "__getitem__", vec![key.clone()])
    }

    /// `dict_subscript`'s miss for an instance of a dict subclass: the class's
    /// `__missing__(key)` if it defines one; `None` otherwise (a `KeyError`).
    pub(crate) fn dict_missing(&self, o: &Obj<'py>, key: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::overrides_builtin(o.ob_type()) {
            return None;
        }
        self.call_special(o, "__missing__", vec![key.clone()])
    }
}

/// How a built-in type exposes one of its protocol methods: a `method_descriptor`
/// (`list.__getitem__`, `dict.__contains__`: METH_O) or a `wrapper_descriptor` (`list.__len__`,
/// `tuple.__getitem__`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ProtocolKind {
    Method,
    Wrapper,
}

/// The protocol method `name` of static type `ty` that pyrt gives by name (`__getitem__`,
/// `__setitem__`, `__delitem__`, `__len__`, `__contains__` of `list`, `dict`, `str`, `tuple`,
/// `bytes`, `set` and `frozenset`, and the `__init__` of `list`, `dict` and `set`), as CPython
/// 3.12 exposes it; `None` when `ty` has none.
fn protocol_kind(ty: &pyrt_objects::typeobj::PyTypeObject, name: &str) -> Option<ProtocolKind> {
    use ProtocolKind::{Method, Wrapper};
    use pyrt_objects::types as t;
    let is = |s: &'static pyrt_objects::typeobj::StaticType| core::ptr::eq(ty, s.get());
    let list = is(&t::LIST_TYPE);
    let dict = is(&t::DICT_TYPE);
    let seq = is(&t::STR_TYPE) || is(&t::TUPLE_TYPE) || is(&t::BYTES_TYPE);
    let set = is(&t::SET_TYPE) || is(&t::FROZENSET_TYPE);
    let range = is(&t::range::RANGE_TYPE);
    let deque = is(&t::deque::DEQUE_TYPE);
    // `bytearray`, `array.array` and `memoryview`: every protocol method is a wrapper.
    let buffer = is(&t::bytearray::BYTEARRAY_TYPE) || is(&t::array::ARRAY_TYPE);
    let view = is(&t::memoryview::MEMORYVIEW_TYPE);
    Some(match name {
        "__getitem__" | "__setitem__" | "__delitem__" | "__len__" if buffer || view => Wrapper,
        "__init__" | "__getitem__" | "__setitem__" | "__delitem__" | "__len__" | "__contains__"
        | "__iadd__" | "__imul__"
            if deque =>
        {
            Wrapper
        }
        "__contains__" | "__iadd__" | "__imul__" if buffer => Wrapper,
        "__init__" if list || dict || is(&t::SET_TYPE) || is(&t::random::RANDOM_TYPE) => Wrapper,
        "__getitem__" if list || dict => Method,
        "__getitem__" if seq || range => Wrapper,
        "__setitem__" | "__delitem__" if list || dict => Wrapper,
        "__len__" if list || dict || seq || set => Wrapper,
        "__contains__" if dict || set => Method,
        "__contains__" if list || seq || range => Wrapper,
        "__iadd__" | "__imul__" if list => Wrapper,
        "__ior__" if dict || is(&t::SET_TYPE) => Wrapper,
        "__isub__" | "__iand__" | "__ixor__" if is(&t::SET_TYPE) => Wrapper,
        _ => return None,
    })
}

/// Whether `obj.name` is a protocol method of the built-in base of `obj`'s class (a class on
/// a built-in base), given by name: `super().__getitem__(k)` in a class that defines
/// `__getitem__` runs the base's own subscript, never the class's method.
pub(crate) fn is_base_protocol_method(obj: &Obj<'_>, name: &str) -> bool {
    let ty = obj.ob_type();
    slot_defs::overrides_builtin(ty) && protocol_kind(slot_defs::static_base(ty), name).is_some()
}

/// Whether `obj.name` is a `method_descriptor` protocol method of `obj`'s own static type
/// (`{}.__contains__`, `[].__getitem__`: a `builtin_function_or_method` bound to `obj`).
pub(crate) fn is_instance_protocol_method(obj: &Obj<'_>, name: &str) -> bool {
    let ty = obj.ob_type();
    !class::is_heap_type(ty) && protocol_kind(ty, name) == Some(ProtocolKind::Method)
}

/// Whether `T.name` is a protocol method of static type `T` (the object `ty_obj`) given by
/// name (`list.__getitem__(self, i)`, `dict.__setitem__(self, k, v)`).
pub(crate) fn is_type_protocol_method(ty_obj: &Obj<'_>, name: &str) -> bool {
    pyrt_objects::types::type_object(ty_obj.object())
        .is_some_and(|ty| !class::is_heap_type(ty) && protocol_kind(ty, name).is_some())
}

impl<'py> Interp<'py> {
    /// `T.name(obj, *args)` for a protocol method of static type `T` (the object `ty_obj`):
    /// CPython's checks of the descriptor's first argument, then the base behaviour.
    pub(crate) fn call_type_protocol(
        &self,
        ty_obj: &Obj<'py>,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let Some(ty) = pyrt_objects::types::type_object(ty_obj.object()) else {
            return Err(self.err(pyrt_objects::view::bad_internal_call()));
        };
        let kind = protocol_kind(ty, name);
        let tname = ty.name();
        let Some((this, rest)) = args.split_first() else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                if kind == Some(ProtocolKind::Method) {
                    format!("unbound method {tname}.{name}() needs an argument")
                } else {
                    format!("descriptor '{name}' of '{tname}' object needs an argument")
                },
            ));
        };
        if !this.ob_type().is_subtype(ty) {
            let other = this.ob_type().name();
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                if kind == Some(ProtocolKind::Method) {
                    format!(
                        "descriptor '{name}' for '{tname}' objects doesn't apply to a '{other}' object"
                    )
                } else {
                    format!("descriptor '{name}' requires a '{tname}' object but received a '{other}'")
                },
            ));
        }
        self.protocol_call(this, ty, tname, name, rest, kwargs)
    }

    /// Calls `obj`'s own protocol method `name` ([`is_instance_protocol_method`]).
    pub(crate) fn call_instance_protocol(
        &self,
        obj: &Obj<'py>,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let ty = obj.ob_type();
        self.protocol_call(obj, ty, ty.name(), name, args, kwargs)
    }

    /// Calls base protocol method `name` ([`is_base_protocol_method`]) on `obj`.
    pub(crate) fn call_base_protocol(
        &self,
        obj: &Obj<'py>,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let base = slot_defs::static_base(obj.ob_type());
        self.protocol_call(obj, base, obj.ob_type().name(), name, args, kwargs)
    }

    /// The argument count check of `ty`'s protocol method `name` (`method_vectorcall_O`'s
    /// `L.__getitem__() takes exactly one argument (0 given)`, the wrappers' `expected 1
    /// argument, got 0`), then its behaviour on `obj`, past any method of `obj`'s class.
    fn protocol_call(
        &self,
        obj: &Obj<'py>,
        ty: &pyrt_objects::typeobj::PyTypeObject,
        owner: &str,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let method = protocol_kind(ty, name) == Some(ProtocolKind::Method);
        if name == "__init__" {
            return self.base_init(obj, ty, args, kwargs);
        }
        if !kwargs.is_empty() {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                if method {
                    format!("{owner}.{name}() takes no keyword arguments")
                } else {
                    format!("wrapper {name}() takes no keyword arguments")
                },
            ));
        }
        let want = match name {
            "__setitem__" => 2,
            "__len__" => 0,
            _ => 1,
        };
        if args.len() != want {
            let message = if method {
                format!(
                    "{owner}.{name}() takes exactly one argument ({} given)",
                    args.len()
                )
            } else if want == 2 {
                // `wrap_objobjargproc`'s message starts with a space in 3.12.
                format!(" expected 2 arguments, got {}", args.len())
            } else {
                format!(
                    "expected {want} argument{}, got {}",
                    if want == 1 { "" } else { "s" },
                    args.len()
                )
            };
            return Err(self.raise(&exceptions::TYPE_ERROR, message));
        }
        let heap = self.heap;
        let none = pyrt_objects::types::none(heap);
        match name {
            "__getitem__" => super::builtins::getitem_base(self, obj, &args[0]),
            "__setitem__" => self
                .setitem_base(obj, args[0].clone(), args[1].clone())
                .map(|()| none),
            "__delitem__" => self.delitem_base(obj, &args[0]).map(|()| none),
            "__iadd__" | "__imul__" | "__ior__" | "__isub__" | "__iand__" | "__ixor__" => {
                self.inplace_base(obj, name, &args[0])
            }
            "__len__" => {
                let n = pyrt_objects::abstract_::len(obj.object()).map_err(|e| self.err(e))?;
                long::int_from_i64(heap, n as i64).map_err(|e| self.err(e))
            }
            _ => self
                .contains_base(obj, &args[0])
                .map(|b| long::new_bool(heap, b)),
        }
    }
}

impl<'py> Interp<'py> {
    /// `list.__init__`, `dict.__init__` or `set.__init__` (`ty`) on `obj` (`list___init___impl`:
    /// the list emptied, then extended by the iterable; `dict_init`; `set_init`).
    fn base_init(
        &self,
        obj: &Obj<'py>,
        ty: &pyrt_objects::typeobj::PyTypeObject,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        use pyrt_objects::types as t;
        let heap = self.heap;
        if core::ptr::eq(ty, t::DICT_TYPE.get()) {
            self.dict_init(obj, args, kwargs)?;
        } else if core::ptr::eq(ty, t::SET_TYPE.get()) {
            self.set_init(obj, args, kwargs)?;
        } else if core::ptr::eq(ty, t::random::RANDOM_TYPE.get()) {
            super::random_module::random_init(self, obj, args, kwargs)?;
        } else if core::ptr::eq(ty, t::deque::DEQUE_TYPE.get()) {
            self.deque_init(obj, args, kwargs)?;
        } else {
            if !kwargs.is_empty() {
                return Err(
                    self.raise(&exceptions::TYPE_ERROR, "list() takes no keyword arguments")
                );
            }
            if args.len() > 1 {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("list expected at most 1 argument, got {}", args.len()),
                ));
            }
            let l = pyrt_objects::types::list::List::cast_internal(obj.object())
                .map_err(|e| self.err(e))?;
            pyrt_objects::types::list::clear(heap, l);
            if let Some(iterable) = args.first() {
                let items = self.collect(iterable)?;
                pyrt_objects::types::list::extend_sized(heap, l, items).map_err(|e| self.err(e))?;
            }
        }
        Ok(pyrt_objects::types::none(heap))
    }
}

impl<'py> Interp<'py> {
    /// The in-place wrappers of the built-in containers on `obj`, past any method of its
    /// class: `list_inplace_concat` (`list.extend`), `list_inplace_repeat` (the count through
    /// `PyNumber_AsSsize_t`), `dict_ior` (`dict.update`'s argument) and `set_isub`,
    /// `set_iand`, `set_ixor`, `set_ior` (`NotImplemented` unless `other` is a set or a
    /// frozenset). Each answers `obj` itself.
    fn inplace_base(&self, obj: &Obj<'py>, name: &str, other: &Obj<'py>) -> R<'py, Obj<'py>> {
        use pyrt_objects::types::{dict, list, set, set_ops};
        let heap = self.heap;
        let err = |e| self.err(e);
        if let Some(l) = list::List::cast(obj.object()) {
            if name == "__iadd__" {
                pyrt_objects::types::list_methods::extend_from(heap, l, other).map_err(err)?;
            } else {
                let n = self.repeat_count_index(other)?;
                list::inplace_repeat(heap, l, n).map_err(err)?;
            }
            return Ok(obj.clone());
        }
        if let Some(d) = dict::Dict::cast(obj.object()) {
            dict::or::dict_ior(heap, d, other.object()).map_err(err)?;
            return Ok(obj.clone());
        }
        let op = if name == "__iadd__" {
            ruff_python_ast::Operator::Add
        } else {
            ruff_python_ast::Operator::Mult
        };
        if let Some(r) = super::bytes_like::inplace(self, op, obj, other) {
            r?;
            return Ok(obj.clone());
        }
        if matches!(name, "__iadd__" | "__imul__")
            && let Some(r) = super::deque::inplace(self, name == "__iadd__", obj, other)
        {
            r?;
            return Ok(obj.clone());
        }
        let (Some(a), Some(b)) = (
            set::Set::cast(obj.object()),
            set::AnySet::cast(other.object()),
        ) else {
            return Ok(pyrt_objects::types::not_implemented(heap));
        };
        match name {
            "__isub__" => set_ops::difference_update(heap, a, b).map_err(err)?,
            "__iand__" => set_ops::intersection_update(heap, a, b).map_err(err)?,
            "__ixor__" => set_ops::symmetric_difference_update(heap, a, b).map_err(err)?,
            _ => drop(set_ops::update(heap, a, b).map_err(err)?),
        }
        Ok(obj.clone())
    }

    /// `PyNumber_AsSsize_t(o, PyExc_OverflowError)` for `wrap_indexargfunc`: an int, or a
    /// class's `__index__`.
    fn repeat_count_index(&self, o: &Obj<'py>) -> R<'py, isize> {
        let shown = o.ob_type().name();
        let converted = match self.user_index(o) {
            Some(i) => Some(i?),
            None => None,
        };
        let Some(i) = long::Int::cast(converted.as_ref().unwrap_or(o).object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("'{shown}' object cannot be interpreted as an integer"),
            ));
        };
        long::as_ssize_t(i).map_err(|_| {
            self.raise(
                &exceptions::OVERFLOW_ERROR,
                format!("cannot fit '{shown}' into an index-sized integer"),
            )
        })
    }
}
