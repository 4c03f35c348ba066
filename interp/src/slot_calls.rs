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

/// The special methods honoured on a class whose base is a built-in type other than `object`
/// (`class L(list)`, `class D(dict)`): they fill its slots over the base's.
const SUBCLASS_SPECIAL_METHODS: &[&str] = &[
    "__repr__",
    "__str__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__len__",
    "__bool__",
    "__contains__",
    "__missing__",
];

impl<'py> Interp<'py> {
    /// Refuses, when a class is made, the special methods pyrt would silently ignore: on a
    /// class whose base is `object` those in [`slot_defs::UNSUPPORTED_SPECIAL_METHODS`], on
    /// other classes (list and exception subclasses) all but `__init__`, `__del__`, and the
    /// iterator and context manager methods.
    pub(crate) fn refuse_unsupported_special_methods(
        &self,
        class_name: &str,
        ns: &dict::Dict,
        base: Option<&pyrt_objects::PyObject>,
    ) -> R<'py, ()> {
        let object_based = base.is_none_or(|b| {
            pyrt_objects::types::type_object(b).is_some_and(slot_defs::has_user_slots)
        });
        // An exception subclass's `__str__`/`__repr__` fill its slots (exceptions::overrides).
        let exception_based = base.is_some_and(exceptions::is_exception_class);
        for (k, v) in dict::items(self.heap, ns).map_err(|e| self.err(e))? {
            let (k, v) = (k.object(), v.object());
            let name = unicode::Str::cast(k).map_or_else(String::new, unicode::str_value);
            // The attribute protocol's methods (type_new, descriptors) are honoured on every class.
            let supported = super::type_new::is_protocol_method(&name)
                || if object_based {
                    !slot_defs::UNSUPPORTED_SPECIAL_METHODS.contains(&name.as_str())
                } else {
                    matches!(
                        name.as_str(),
                        "__init__"
                            | "__new__"
                            | "__del__"
                            | "__enter__"
                            | "__exit__"
                            | "__iter__"
                            | "__next__"
                    ) || (exception_based && matches!(name.as_str(), "__str__" | "__repr__"))
                        || (!exception_based && SUBCLASS_SPECIAL_METHODS.contains(&name.as_str()))
                };
            if super::vm::is_function(v)
                && name.starts_with("__")
                && name.ends_with("__")
                && !supported
            {
                return Err(self.raise(
                    &exceptions::NOT_IMPLEMENTED_ERROR,
                    format!(
                        "pyrt does not support the special method {name} yet (class '{class_name}')"
                    ),
                ));
            }
        }
        Ok(())
    }

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
    pub(crate) fn class_made_hooks(&self, cls: &Obj<'py>) -> R<'py, ()> {
        let heap = self.heap;
        let Some(ty) = pyrt_objects::types::type_object(cls.object()) else {
            return Ok(());
        };
        if let Some(ns) = class::class_dict(ty).and_then(dict::Dict::cast) {
            for (k, v) in dict::items(heap, ns).map_err(|e| self.err(e))? {
                if let Some(f) = slot_defs::lookup(heap, v.ob_type(), "__set_name__") {
                    self.call(&f, vec![v, cls.clone(), k], Vec::new())?;
                }
            }
        }
        if let Some(base) = ty.base()
            && let Some(f) = slot_defs::lookup(heap, base, "__init_subclass__")
        {
            self.call(&f, vec![cls.clone()], Vec::new())?;
        }
        Ok(())
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
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj.clone());
                all.extend_from_slice(args);
                let r = self.call(&init, all, kwargs.to_vec())?;
                if !r.is(&pyrt_objects::types::none(self.heap)) {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "__init__() should return None, not '{}'",
                            r.ob_type().name()
                        ),
                    ));
                }
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
        Some(self.call(&f, vec![cls.clone(), key.clone()], Vec::new()))
    }

    /// `type(o).name(o, *args)` when `o`'s class defines `name`.
    fn call_special(
        &self,
        o: &Obj<'py>,
        name: &str,
        args: Vec<Obj<'py>>,
    ) -> Option<R<'py, Obj<'py>>> {
        let f = slot_defs::lookup(self.heap, o.ob_type(), name)?;
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(o.clone());
        all.extend(args);
        Some(self.call(&f, all, Vec::new()))
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
            let name = if value.is_some() { "__setitem__" } else { "__delitem__" };
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
            self.call(&f, vec![o.clone(), item.clone()], Vec::new())
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
        if !slot_defs::has_user_slots(o.ob_type()) {
            return None;
        }
        let f = slot_defs::lookup(self.heap, o.ob_type(), "__call__")?;
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(o.clone());
        all.extend(args);
        Some(self.call(&f, all, kwargs))
    }

    /// `PyNumber_Index(o)` for an instance of a class (`slot_nb_index`): its `__index__`,
    /// which must return an int; `None` when `o` is not such an instance or has none.
    pub(crate) fn user_index(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        self.user_number_conversion(o, "__index__")
    }

    /// `int(o)` for an instance of a class (`PyNumber_Long`): `__int__`, else `__index__`;
    /// `None` when it has neither.
    pub(crate) fn user_int(&self, o: &Obj<'py>) -> Option<R<'py, Obj<'py>>> {
        self.user_number_conversion(o, "__int__")
            .or_else(|| self.user_index(o))
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
        let heap = self.heap;
        let one = match long::int_from_i64(heap, 1) {
            Ok(one) => one,
            Err(e) => return Some(Err(self.err(e))),
        };
        Some(
            pyrt_objects::abstract_::binary_op(
                heap,
                i.object(),
                one.object(),
                pyrt_objects::abstract_::BinOp::TrueDiv,
            )
            .map_err(|e| self.err(e)),
        )
    }

    /// `type(o).name(o)` for `__int__`, `__float__` and `__index__`, whose result must be an
    /// int (a float for `__float__`): `TypeError: __int__ returned non-int (type str)`, `TypeError:
    /// P.__float__ returned non-float (type int)`. `None` when `o`'s class does not define the
    /// method.
    fn user_number_conversion(&self, o: &Obj<'py>, name: &str) -> Option<R<'py, Obj<'py>>> {
        if !slot_defs::has_user_slots(o.ob_type()) {
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

/// The protocol methods a built-in base gives a subclass's instance by name, for
/// `super().__getitem__(k)` in a class that defines `__getitem__`: each runs the base's own
/// behaviour, never the class's method.
const BASE_PROTOCOL_METHODS: &[&str] = &[
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__len__",
    "__contains__",
];

/// Whether `obj.name` is one of [`BASE_PROTOCOL_METHODS`] of an instance of a class on a
/// built-in base.
pub(crate) fn is_base_protocol_method(obj: &Obj<'_>, name: &str) -> bool {
    slot_defs::overrides_builtin(obj.ob_type()) && BASE_PROTOCOL_METHODS.contains(&name)
}

impl<'py> Interp<'py> {
    /// Calls base protocol method `name` ([`is_base_protocol_method`]) on `obj`.
    pub(crate) fn call_base_protocol(
        &self,
        obj: &Obj<'py>,
        name: &str,
        args: &[Obj<'py>],
    ) -> R<'py, Obj<'py>> {
        let want = match name {
            "__setitem__" => 2,
            "__len__" => 0,
            _ => 1,
        };
        if args.len() != want {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                if want == 1 {
                    format!(
                        "{}.{name}() takes exactly one argument ({} given)",
                        slot_defs::static_base(obj.ob_type()).name(),
                        args.len()
                    )
                } else {
                    format!("expected {want} arguments, got {}", args.len())
                },
            ));
        }
        let heap = self.heap;
        let none = pyrt_objects::types::none(heap);
        match name {
            "__getitem__" => super::builtins::getitem_base(self, obj, &args[0]),
            "__setitem__" => self
                .setitem_base(obj, args[0].clone(), args[1].clone())
                .map(|()| none),
            "__delitem__" => self.delitem_base(obj, &args[0]).map(|()| none),
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
