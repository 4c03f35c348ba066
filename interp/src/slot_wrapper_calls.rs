//! Calls of the slot wrappers whose behaviour the interpreter owns
//! ([`slot_wrappers::interpreter_slot`]): `object.__init__` (`object_init` in
//! `Objects/typeobject.c`), `type.__init__` (`type_init`), `type.__call__` (`type_call`) and
//! the built-in types' `__getattribute__` (`PyObject_GenericGetAttr`), here; the containers' `__init__`, `__getitem__`, `__setitem__`, `__delitem__` and
//! `__contains__` through [`Interp::call_type_protocol`].

use pyrt_objects::Obj;
use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::{
    DICT_TYPE, LIST_TYPE, OBJECT_TYPE, SET_TYPE, TYPE_TYPE, class, none, slot_defs, type_object,
    unicode,
};

use super::exceptions;
use super::{Interp, R};

impl<'py> Interp<'py> {
    /// `T.name(*args, **kwargs)` for the slot wrapper `name` of static type `ty` that the
    /// interpreter owns (`args` starts with the receiver, if any).
    pub(crate) fn call_interp_slot(
        &self,
        ty: &PyTypeObject,
        name: &str,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let object = core::ptr::eq(ty, OBJECT_TYPE.get());
        let meta = core::ptr::eq(ty, TYPE_TYPE.get());
        if meta && matches!(name, "__getattribute__" | "__setattr__" | "__delattr__") {
            return self.type_attribute_slot(name, args, &kwargs);
        }
        if name == "__getattribute__" {
            return self.generic_getattribute(ty, &args, &kwargs);
        }
        if !object && !meta {
            return self.call_type_protocol(&self.type_as_object(ty), name, &args, &kwargs);
        }
        let Some((this, rest)) = args.split_first() else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "descriptor '{name}' of '{}' object needs an argument",
                    ty.name()
                ),
            ));
        };
        if object {
            return self.object_init(this, !rest.is_empty() || !kwargs.is_empty());
        }
        let Some(cls) = type_object(this.object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "descriptor '{name}' requires a 'type' object but received a '{}'",
                    this.ob_type().name()
                ),
            ));
        };
        if name == "__call__" {
            // `type_call` itself, past a metaclass's own `__call__`.
            return self.instantiate(this, cls, rest.to_vec(), kwargs);
        }
        // `type_init`: the class is made; only the argument count is checked.
        if !kwargs.is_empty() || !matches!(rest.len(), 1 | 3) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                "type.__init__() takes 1 or 3 arguments",
            ));
        }
        Ok(none(self.heap))
    }

    /// `type.__getattribute__`, `type.__setattr__` and `type.__delattr__` called through
    /// their slot wrappers (`type_getattro`, `type_setattro`): `wrap_binaryfunc`'s and
    /// `wrap_setattr`'s checks, then the lookup or store past the metaclass's own method.
    fn type_attribute_slot(
        &self,
        name: &str,
        args: Vec<Obj<'py>>,
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let type_error = |m: String| Err(self.raise(&exceptions::TYPE_ERROR, m));
        let Some(this) = args.first() else {
            return type_error(format!(
                "descriptor '{name}' of 'type' object needs an argument"
            ));
        };
        if type_object(this.object()).is_none() {
            return type_error(format!(
                "descriptor '{name}' requires a 'type' object but received a '{}'",
                this.ob_type().name()
            ));
        }
        if !kwargs.is_empty() {
            return type_error(format!("wrapper {name}() takes no keyword arguments"));
        }
        let given = args.len() - 1;
        if name == "__setattr__" && given != 2 {
            // `wrap_setattr`'s `PyArg_UnpackTuple(args, "", 2, 2, ...)`: an empty name first.
            return type_error(format!(" expected 2 arguments, got {given}"));
        }
        if name != "__setattr__" && given != 1 {
            return type_error(format!("expected 1 argument, got {given}"));
        }
        let bound: Vec<Option<Obj<'py>>> = args.into_iter().map(Some).collect();
        if name == "__getattribute__" {
            super::metaclass::type_getattribute_method(self, name, &bound, kwargs)
        } else {
            super::metaclass::type_setattr_method(self, name, &bound, kwargs)
        }
    }

    /// `T.__getattribute__(obj, name)` of a built-in type whose `tp_getattro` is
    /// `PyObject_GenericGetAttr` (`wrap_binaryfunc`'s checks, then the generic lookup, past
    /// any `__getattribute__` of `obj`'s class).
    fn generic_getattribute(
        &self,
        ty: &PyTypeObject,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let type_error = |m: String| Err(self.raise(&exceptions::TYPE_ERROR, m));
        let Some((this, rest)) = args.split_first() else {
            return type_error(format!(
                "descriptor '__getattribute__' of '{}' object needs an argument",
                ty.name()
            ));
        };
        if !this.ob_type().is_subtype(ty) {
            return type_error(format!(
                "descriptor '__getattribute__' requires a '{}' object but received a '{}'",
                ty.name(),
                this.ob_type().name()
            ));
        }
        if !kwargs.is_empty() {
            return type_error("wrapper __getattribute__() takes no keyword arguments".into());
        }
        if rest.len() != 1 {
            return type_error(format!("expected 1 argument, got {}", rest.len()));
        }
        let Some(name) = unicode::Str::cast(rest[0].object()).map(unicode::str_value) else {
            return type_error(format!(
                "attribute name must be string, not '{}'",
                rest[0].ob_type().name()
            ));
        };
        self.generic_getattr(this, &name)
    }

    /// `object_init`: nothing to do; with arguments, CPython refuses them where the class has
    /// an `__init__` of its own (`object.__init__() takes exactly one argument (the instance to
    /// initialize)`) or neither its own `__init__` nor `__new__` (`A.__init__() takes ...`).
    fn object_init(&self, this: &Obj<'py>, excess: bool) -> R<'py, Obj<'py>> {
        let ty = this.ob_type();
        if excess {
            let heap = self.heap;
            let base = slot_defs::static_base(ty);
            let own_base_init = [&LIST_TYPE, &DICT_TYPE, &SET_TYPE, &TYPE_TYPE]
                .iter()
                .any(|t| core::ptr::eq(base, t.get()))
                || exceptions::is_exception_class(&base.ob_base.ob_base);
            let own_init = own_base_init || slot_defs::lookup(heap, ty, "__init__").is_some();
            let object_new = core::ptr::eq(base, OBJECT_TYPE.get())
                && slot_defs::lookup(heap, ty, "__new__").is_none();
            let owner = if own_init {
                Some("object")
            } else if object_new {
                Some(if class::is_heap_type(ty) {
                    ty.name()
                } else {
                    "object"
                })
            } else {
                None
            };
            if let Some(owner) = owner {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "{owner}.__init__() takes exactly one argument (the instance to initialize)"
                    ),
                ));
            }
        }
        Ok(none(self.heap))
    }
}
