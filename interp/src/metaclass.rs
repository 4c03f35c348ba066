//! The metaclass step of `__build_class__` (`builtin___build_class__` in
//! `Python/bltinmodule.c`, `_PyType_CalculateMetaclass` in `Objects/typeobject.c`): the class
//! keywords are split into `metaclass=` and the rest, the most derived metaclass of the
//! explicit one and the bases' types is chosen (a conflict is CPython's `TypeError`), its
//! `__prepare__` gives the namespace, and after the body runs the class is made by calling it
//! with `(name, bases, namespace, **keywords)`. With `type` as the metaclass the class is made
//! directly and the keywords go to the base's `__init_subclass__`.

use pyrt_objects::Obj;
use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::{TYPE_TYPE, class, dict, none, tuple, type_object, unicode};

use super::{Interp, R, exceptions};

/// A class statement's metaclass and its other keywords.
pub(crate) struct ClassKeywords<'py> {
    /// The metaclass: `metaclass=` if given, else the type of the first base (or `type`),
    /// made the most derived by [`Interp::winning_metaclass`] when it is a type.
    pub meta: Option<Obj<'py>>,
    /// The keywords other than `metaclass=`, for the metaclass (and `__init_subclass__`).
    pub rest: Vec<(String, Obj<'py>)>,
}

impl<'py> Interp<'py> {
    /// Splits `kwargs` into the metaclass and the rest, and picks the winning metaclass
    /// (`None` stands for `type`).
    ///
    /// # Errors
    /// CPython's metaclass conflict `TypeError`.
    pub(crate) fn class_keywords(
        &self,
        bases: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ClassKeywords<'py>> {
        let mut explicit = None;
        let mut rest = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            if k == "metaclass" {
                explicit = Some(v.clone());
            } else {
                rest.push((k.clone(), v.clone()));
            }
        }
        let is_type = explicit
            .as_ref()
            .is_none_or(|m| type_object(m.object()).is_some());
        let meta = match explicit {
            Some(m) if !is_type => Some(m),
            Some(m) => self.winning_metaclass(m, bases)?,
            None => match bases.first() {
                Some(b) => self.winning_metaclass(self.type_as_object(b.ob_type()), bases)?,
                None => None,
            },
        };
        Ok(ClassKeywords { meta, rest })
    }

    /// `_PyType_CalculateMetaclass`: the most derived of `meta` and the types of `bases`
    /// (`None` when that is `type` itself).
    pub(crate) fn winning_metaclass(
        &self,
        meta: Obj<'py>,
        bases: &[Obj<'py>],
    ) -> R<'py, Option<Obj<'py>>> {
        let mut winner = meta;
        for b in bases {
            let t = b.ob_type();
            let w = type_object(winner.object()).expect("the metaclass is a type");
            if w.is_subtype(t) {
                continue;
            }
            if t.is_subtype(w) {
                winner = self.type_as_object(t);
                continue;
            }
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        let exact_type =
            type_object(winner.object()).is_some_and(|w| core::ptr::eq(w, TYPE_TYPE.get()));
        Ok((!exact_type).then_some(winner))
    }

    /// The class body's namespace: a new dict, or what the metaclass's `__prepare__(name,
    /// bases, **kwargs)` returns (any mapping: `STORE_NAME` and `LOAD_NAME` subscript it).
    pub(crate) fn prepare_class_namespace(
        &self,
        keywords: &ClassKeywords<'py>,
        name: &Obj<'py>,
        bases: &[Obj<'py>],
    ) -> R<'py, Obj<'py>> {
        let err = |e| self.err(e);
        let Some(meta) = &keywords.meta else {
            return dict::new_dict(self.heap).map_err(err);
        };
        let prepare = match self.getattr(meta, "__prepare__") {
            Ok(p) => p,
            Err(u) if self.is_attribute_error(&u) => return dict::new_dict(self.heap).map_err(err),
            Err(u) => return Err(u),
        };
        let bases = tuple::new_tuple(self.heap, bases.to_vec()).map_err(err)?;
        let ns = self.call(&prepare, vec![name.clone(), bases], keywords.rest.clone())?;
        if !self.is_mapping(&ns) {
            let who = meta_name(meta);
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{who}.__prepare__() must return a mapping, not {}",
                    ns.ob_type().name()
                ),
            ));
        }
        Ok(ns)
    }

    /// Makes the class from its executed body: `type`'s own `type_new` (the keywords go to
    /// `__init_subclass__`), or `meta(name, bases, ns, **kwargs)`.
    pub(crate) fn make_class(
        &self,
        keywords: ClassKeywords<'py>,
        name: &Obj<'py>,
        bases: &[Obj<'py>],
        ns: Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        let Some(meta) = keywords.meta else {
            let name = unicode::Str::cast(name.object())
                .map(unicode::str_value)
                .unwrap_or_default();
            return self.new_class(&name, bases, ns, &keywords.rest, None);
        };
        let bases = tuple::new_tuple(self.heap, bases.to_vec()).map_err(|e| self.err(e))?;
        self.call(&meta, vec![name.clone(), bases, ns], keywords.rest)
    }
}

impl<'py> Interp<'py> {
    /// The `__call__` a class's metaclass defines (`slot_tp_call` of the metaclass), which
    /// calling the class runs instead of `type.__call__`.
    pub(crate) fn metaclass_call_override(&self, cls: &pyrt_objects::PyObject) -> Option<Obj<'py>> {
        let meta = cls.ob_type();
        if class::class_kind(meta) != Some(class::ClassKind::Meta) {
            return None;
        }
        self.class_lookup(meta, "__call__")
    }

    /// `meta(name, bases, ns, **kwargs)` for a metaclass without its own `__new__`
    /// (`type_call`): `type.__new__`, then the metaclass's `__init__` when it defines one and
    /// the result is its instance.
    pub(crate) fn metaclass_instantiate(
        &self,
        meta: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let cls = self.type_new_call(meta, &args, &kwargs)?;
        let ty = type_object(meta.object()).expect("a metaclass is a type");
        if cls.ob_type().is_subtype(ty)
            && let Some(init) = self.class_lookup(cls.ob_type(), "__init__")
        {
            self.call_init(&init, &cls, args, kwargs)?;
        }
        Ok(cls)
    }

    /// `type.__new__(meta, name, bases, ns, **kwargs)` with `type_new`'s checks of `meta` and
    /// of the argument count.
    pub(crate) fn type_new_call(
        &self,
        meta: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let Some(mt) = type_object(meta.object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "type.__new__(X): X is not a type object ({})",
                    meta.ob_type().name()
                ),
            ));
        };
        if !mt.is_subtype(TYPE_TYPE.get()) {
            let n = mt.name();
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("type.__new__({n}): {n} is not a subtype of type"),
            ));
        }
        let [name, bases, ns] = args else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "type.__new__() takes exactly 3 arguments ({} given)",
                    args.len()
                ),
            ));
        };
        self.type_new(Some(meta), name, bases, ns, kwargs)
    }

    /// The methods of `type` and `object` that `super()` finds past a metaclass or a class
    /// (`type.__new__` unbound, `type.__init__`/`type.__call__` and
    /// `object.__init_subclass__` bound to `obj`), when `after` (the MRO after the `super()`
    /// class) reaches their type.
    pub(crate) fn super_builtin_method(
        &self,
        after: &[&PyTypeObject],
        obj: &Obj<'py>,
        name: &str,
    ) -> R<'py, Option<Obj<'py>>> {
        let reaches = |t: &PyTypeObject| after.iter().any(|a| core::ptr::eq(*a, t));
        let on_type = matches!(
            name,
            "__new__"
                | "__init__"
                | "__call__"
                | "__getattribute__"
                | "__setattr__"
                | "__delattr__"
        ) && reaches(TYPE_TYPE.get());
        let on_object =
            name == "__init_subclass__" && reaches(pyrt_objects::types::OBJECT_TYPE.get());
        if !(on_type || on_object) {
            return Ok(None);
        }
        let err = |e| self.err(e);
        let Some(f) = super::builtins::hidden_builtin(self.heap, name).map_err(err)? else {
            return Ok(None);
        };
        if name == "__new__" {
            return Ok(Some(f));
        }
        pyrt_objects::types::method::new_method(self.heap, f, obj.clone())
            .map(Some)
            .map_err(err)
    }

    /// `C.name` found on `C`'s metaclass (`type_getattro`'s last step): a function there binds
    /// to `C`.
    pub(crate) fn metaclass_attr(&self, cls: &Obj<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
        let meta: &PyTypeObject = cls.ob_type();
        if class::class_kind(meta) != Some(class::ClassKind::Meta) {
            return Ok(None);
        }
        match self.class_lookup(meta, name) {
            Some(v) => self.descr_get(v, Some(cls), meta, name).map(Some),
            None => Ok(None),
        }
    }
}

impl<'py> Interp<'py> {
    /// `cls.__instancecheck__(subject)` or `cls.__subclasscheck__(subject)` (`name`) when the
    /// class of `cls` defines it (a metaclass's method, or the method of a script's class
    /// whose instance is used as the class): its truth; `None` when it does not (`type`'s own
    /// check applies). Called as `_PyObject_LookupSpecial` finds it: bound to `cls`.
    pub(crate) fn user_type_check(
        &self,
        cls: &Obj<'py>,
        subject: &Obj<'py>,
        name: &str,
    ) -> Option<R<'py, bool>> {
        let meta = cls.ob_type();
        if !class::is_heap_type(meta) {
            return None;
        }
        let f = pyrt_objects::types::slot_defs::lookup(self.heap, meta, name)?;
        Some(
            self.call_special_method(f, cls, vec![subject.clone()], Vec::new())
                .and_then(|r| self.vm_truth(&r)),
        )
    }
}

impl<'py> Interp<'py> {
    /// `update_bases` (PEP 560): each base that is not a class but has `__mro_entries__` is
    /// replaced by the items of the tuple `base.__mro_entries__(orig_bases)` returns; `None`
    /// when no base has one (the bases stand as given).
    ///
    /// # Errors
    /// What `__mro_entries__` raises; `TypeError: __mro_entries__ must return a tuple`.
    pub(crate) fn resolve_mro_entries(
        &self,
        orig_bases: &[Obj<'py>],
    ) -> R<'py, Option<Vec<Obj<'py>>>> {
        let mut bases: Option<Vec<Obj<'py>>> = None;
        let mut orig_tuple: Option<Obj<'py>> = None;
        for (i, base) in orig_bases.iter().enumerate() {
            if type_object(base.object()).is_some() {
                if let Some(b) = &mut bases {
                    b.push(base.clone());
                }
                continue;
            }
            let meth = match self.getattr(base, "__mro_entries__") {
                Ok(m) => m,
                Err(u) if self.is_attribute_error(&u) => {
                    if let Some(b) = &mut bases {
                        b.push(base.clone());
                    }
                    continue;
                }
                Err(u) => return Err(u),
            };
            let orig = match &orig_tuple {
                Some(t) => t.clone(),
                None => {
                    let t = tuple::new_tuple(self.heap, orig_bases.to_vec())
                        .map_err(|e| self.err(e))?;
                    orig_tuple = Some(t.clone());
                    t
                }
            };
            let entries = self.call(&meth, vec![orig], Vec::new())?;
            let Some(items) = tuple::Tuple::cast(entries.object()) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    "__mro_entries__ must return a tuple",
                ));
            };
            let b = bases.get_or_insert_with(|| orig_bases[..i].to_vec());
            b.extend(tuple::items(items).iter().map(|p| {
                // SAFETY: the tuple holds its items.
                unsafe { Obj::from_borrowed(self.heap, p.as_ref()) }
            }));
        }
        Ok(bases)
    }

    /// `ns["__orig_bases__"] = orig_bases` after a class body whose bases `__mro_entries__`
    /// changed.
    pub(crate) fn set_orig_bases(&self, ns: &Obj<'py>, orig_bases: Vec<Obj<'py>>) -> R<'py, ()> {
        let err = |e| self.err(e);
        let orig = tuple::new_tuple(self.heap, orig_bases).map_err(err)?;
        let d = dict::Dict::cast_internal(ns.object()).map_err(err)?;
        dict::set_item(self.heap, d, self.name_str("__orig_bases__")?, orig).map_err(err)
    }
}

/// The name CPython's messages give a metaclass: a type's name, else `<metaclass>`.
fn meta_name(meta: &Obj<'_>) -> String {
    type_object(meta.object()).map_or_else(|| "<metaclass>".to_string(), |t| t.name().to_string())
}

/// `type.__new__(meta, name, bases, ns, **kwargs)` as `super().__new__` finds it.
pub(crate) fn type_new_method<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let args: Vec<Obj<'py>> = bound.iter().flatten().cloned().collect();
    let Some((meta, rest)) = args.split_first() else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "type.__new__(): not enough arguments",
        ));
    };
    interp.type_new_call(meta, rest, kwargs)
}

/// `type.__init__(cls, *args, **kwargs)`: nothing to do once `type.__new__` made the class.
pub(crate) fn type_init_method<'py>(
    interp: &Interp<'py>,
    _: &str,
    _: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    Ok(none(interp.heap))
}

/// `type.__call__(cls, *args, **kwargs)` as `super().__call__` finds it: makes an instance of
/// `cls` (its `__new__` and `__init__`).
pub(crate) fn type_call_method<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let mut args: Vec<Obj<'py>> = bound.iter().flatten().cloned().collect();
    let cls = (!args.is_empty()).then(|| args.remove(0));
    let Some(cls) = cls.filter(|c| type_object(c.object()).is_some()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "descriptor '__call__' requires a 'type' object",
        ));
    };
    let ty = type_object(cls.object()).expect("checked above");
    interp.instantiate(&cls, ty, args, kwargs.to_vec())
}

/// The class and attribute name of `type.__getattribute__(cls, name)`,
/// `type.__setattr__(cls, name, value)` or `type.__delattr__(cls, name)` (`want` arguments
/// after the class), with the wrappers' checks.
fn type_attr_args<'a, 'py>(
    interp: &Interp<'py>,
    bound: &'a [Option<Obj<'py>>],
    want: usize,
) -> R<'py, (&'a Obj<'py>, String)> {
    let args: Vec<&Obj<'py>> = bound.iter().flatten().collect();
    let Some(cls) = args.first().filter(|c| type_object(c.object()).is_some()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "descriptor requires a 'type' object",
        ));
    };
    if args.len() != want + 1 {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "expected {want} argument{}, got {}",
                if want == 1 { "" } else { "s" },
                args.len() - 1
            ),
        ));
    }
    let Some(name) = unicode::Str::cast(args[1].object()).map(unicode::str_value) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "attribute name must be string, not '{}'",
                args[1].ob_type().name()
            ),
        ));
    };
    Ok((cls, name))
}

/// `type.__getattribute__(cls, name)` (`type_getattro`), as `super().__getattribute__` or
/// an explicit call from a metaclass's `__getattribute__` reaches it: the lookup without the
/// metaclass's `__getattribute__`.
pub(crate) fn type_getattribute_method<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let (cls, name) = type_attr_args(interp, bound, 1)?;
    super::attributes::IN_TYPE_GETATTRIBUTE.set(true);
    let r = interp.lookup_attr(cls, &name);
    super::attributes::IN_TYPE_GETATTRIBUTE.set(false);
    r
}

/// `type.__setattr__(cls, name, value)` and `type.__delattr__(cls, name)` (`fname`): the
/// metaclass's data descriptor, else the class's namespace, past the metaclass's own
/// `__setattr__`/`__delattr__`.
pub(crate) fn type_setattr_method<'py>(
    interp: &Interp<'py>,
    fname: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let set = fname == "__setattr__";
    let (cls, name) = type_attr_args(interp, bound, if set { 2 } else { 1 })?;
    let value = if set {
        bound.get(2).cloned().flatten()
    } else {
        None
    };
    if !interp.meta_descriptor_set(cls, &name, value.as_ref())? {
        match interp.class_dict_setattr(cls, &name, value.as_ref()) {
            Some(r) => r?,
            None => {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        type_object(cls.object()).map_or("type", |t| t.name())
                    ),
                ));
            }
        }
    }
    Ok(none(interp.heap))
}

/// `object.__init_subclass__(cls)` as `super().__init_subclass__` finds it: takes no
/// keywords.
pub(crate) fn object_init_subclass_method<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let cls = bound.first().cloned().flatten();
    let name = cls
        .as_ref()
        .and_then(|c| type_object(c.object()))
        .map_or_else(|| "object".to_string(), |t| t.name().to_string());
    if !kwargs.is_empty() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{name}.__init_subclass__() takes no keyword arguments"),
        ));
    }
    if bound.len() > 1 {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "{name}.__init_subclass__() takes no arguments ({} given)",
                bound.len() - 1
            ),
        ));
    }
    Ok(none(interp.heap))
}
