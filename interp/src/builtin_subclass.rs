//! Calling a class whose base is a built-in type (`class C(int)`, `str`, `bytes`, `tuple`,
//! `float`, `dict`, `set`, `frozenset`): `type_call` with the base's `tp_new` and `tp_init`
//! (`Objects/typeobject.c`, and `long_subtype_new`, `tuple_subtype_new`, `dict_new` and
//! `dict_init`, `set_new` and `set_init`, ... in the bases' files); classes with their own
//! `__new__`, and the built-in types' `__new__` (`tp_new_wrapper`: `int.__new__(cls, 5)`,
//! `object.__new__(cls)`); the layout attributes of types (`__basicsize__`, `__itemsize__`,
//! `__dictoffset__`, `__weakrefoffset__`). The instances themselves are
//! [`pyrt_objects::types::builtin_subclass`]'s.

use pyrt_objects::Obj;
use pyrt_objects::methods::check_positional;
use pyrt_objects::typeobj::{PyTypeObject, TypeFlags};
use pyrt_objects::types::builtin_subclass::{self as sub, BuiltinBase};
use pyrt_objects::types::class::Class;
use pyrt_objects::types::{class, dict, long, set, set_ops};

use super::{Interp, R, exceptions};

/// The `__init__` of a built-in base, run on a new instance whose class has none (see
/// [`Interp::instantiate_with_new`]): the instance, the call's arguments and keywords.
pub(crate) type BaseInit<'a, 'py> =
    dyn Fn(&Obj<'py>, Vec<Obj<'py>>, Vec<(String, Obj<'py>)>) -> R<'py, ()> + 'a;

impl<'py> Interp<'py> {
    /// `cls(*args, **kwargs)` for a class on built-in base `base`: the base's `__new__` (an
    /// immutable base's value made as the base makes it, then copied into an instance of the
    /// class; an empty dict or set), then the class's `__init__` if it has one, else the base's
    /// (which fills a dict or a set).
    pub(crate) fn instantiate_builtin_subclass(
        &self,
        c: &Class,
        base: BuiltinBase,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let ty = c.as_type();
        let init = self.class_lookup(ty, "__init__");
        let instance = match base {
            BuiltinBase::Dict | BuiltinBase::Set | BuiltinBase::Random | BuiltinBase::Deque => {
                sub::new_empty(heap, c).map_err(|e| self.err(e))?
            }
            BuiltinBase::FrozenSet => {
                // `frozenset_new` for a subtype: no keywords unless the class has its own
                // `__init__`, at most one iterable, added straight into the new instance
                // (`make_new_set`).
                if init.is_none() && !kwargs.is_empty() {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        "frozenset() takes no keyword arguments",
                    ));
                }
                check_positional(ty.name(), args.len(), 0, 1).map_err(|e| self.err(e))?;
                match args.first() {
                    Some(iterable) => sub::new_from_value(heap, c, iterable.object()),
                    None => sub::new_empty(heap, c),
                }
                .map_err(|e| self.err(e))?
            }
            _ => {
                // `float_new` and `tuple_new` refuse keywords only for a class without its own
                // `__init__` (which gets them); the other bases' `__new__` parse them always.
                let new_kwargs = match base {
                    BuiltinBase::Float | BuiltinBase::Tuple if init.is_some() => Vec::new(),
                    _ => kwargs.clone(),
                };
                let value =
                    super::builtins::construct(self, base.base_type(), args.clone(), new_kwargs)?;
                sub::new_from_value(heap, c, value.object()).map_err(|e| self.err(e))?
            }
        };
        match init {
            Some(init) => self.call_init(&init, &instance, args, kwargs)?,
            None if base == BuiltinBase::Dict => self.dict_init(&instance, &args, &kwargs)?,
            None if base == BuiltinBase::Set => self.set_init(&instance, &args, &kwargs)?,
            None if base == BuiltinBase::Random => {
                super::random_module::random_init(self, &instance, &args, &kwargs)?;
            }
            None if base == BuiltinBase::Deque => self.deque_init(&instance, &args, &kwargs)?,
            None => {}
        }
        Ok(instance)
    }

    /// `dict_init` (`dict.__init__(self, *args, **kwargs)`): at most one mapping or iterable
    /// of pairs, then the keywords, merged into `d`.
    pub(crate) fn dict_init(
        &self,
        d: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        let heap = self.heap;
        check_positional("dict", args.len(), 0, 1).map_err(|e| self.err(e))?;
        let view = dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))?;
        if let Some(arg) = args.first() {
            dict::update_arg(heap, view, arg.object()).map_err(|e| self.err(e))?;
        }
        for (k, v) in kwargs {
            let key = self.name_str(k)?;
            dict::set_item(heap, view, key, v.clone()).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// `set_init` (`set.__init__(self, iterable=(), /)`): no keywords, at most one iterable,
    /// whose items replace the set's.
    pub(crate) fn set_init(
        &self,
        s: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        if !kwargs.is_empty() {
            return Err(self.raise(&exceptions::TYPE_ERROR, "set() takes no keyword arguments"));
        }
        check_positional(s.ob_type().name(), args.len(), 0, 1).map_err(|e| self.err(e))?;
        let view = set::Set::cast_internal(s.object()).map_err(|e| self.err(e))?;
        if set::set_len(view.as_any()) > 0 {
            set::clear(self.heap, view);
        }
        if let Some(iterable) = args.first() {
            set_ops::update(self.heap, view, iterable.object()).map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

impl<'py> Interp<'py> {
    /// The layout attributes of a type (`type_members`: `__basicsize__`, `__itemsize__`,
    /// `__dictoffset__`, `__weakrefoffset__`), for classes and for the built-in types whose
    /// offsets pyrt knows (the bases of classes, and the exceptions); `None` otherwise.
    pub(crate) fn type_layout_attr(
        &self,
        ty: &PyTypeObject,
        name: &str,
    ) -> R<'py, Option<Obj<'py>>> {
        let known = class::is_heap_type(ty)
            || BuiltinBase::of_static(ty).is_some()
            || exceptions::is_exception_class(&ty.ob_base.ob_base)
            || [
                &pyrt_objects::types::OBJECT_TYPE,
                &pyrt_objects::types::LIST_TYPE,
                &pyrt_objects::types::BOOL_TYPE,
                &pyrt_objects::types::COMPLEX_TYPE,
                &pyrt_objects::types::bytearray::BYTEARRAY_TYPE,
                &pyrt_objects::types::memoryview::MEMORYVIEW_TYPE,
                &pyrt_objects::types::array::ARRAY_TYPE,
            ]
            .iter()
            .any(|t| core::ptr::eq(ty, t.get()));
        if !known {
            return Ok(None);
        }
        let flags = ty.flags();
        let exception = exceptions::is_exception_class(&ty.ob_base.ob_base);
        let value: i64 = match name {
            "__basicsize__" => ty.basicsize() as i64,
            "__itemsize__" => ty.itemsize() as i64,
            "__dictoffset__" if flags.contains(TypeFlags::MANAGED_DICT) => -1,
            // `BaseException`'s `dict` follows its header.
            "__dictoffset__" if exception => 16,
            "__dictoffset__" => 0,
            "__weakrefoffset__" if flags.contains(TypeFlags::MANAGED_WEAKREF) => -32,
            "__weakrefoffset__" => ty.weaklistoffset() as i64,
            _ => return Ok(None),
        };
        long::int_from_i64(self.heap, value)
            .map(Some)
            .map_err(|e| self.err(e))
    }
}

/// The built-in types whose `__new__` pyrt exposes (`tp_new_wrapper`): `object`, `list` and
/// the bases of [`BuiltinBase`].
fn has_exposed_new(ty: &PyTypeObject) -> bool {
    BuiltinBase::of_static(ty).is_some()
        || core::ptr::eq(ty, pyrt_objects::types::OBJECT_TYPE.get())
        || core::ptr::eq(ty, pyrt_objects::types::LIST_TYPE.get())
}

/// The built-in type whose `tp_new` makes `ty`'s instances (`ty`'s first static base).
fn static_base(ty: &PyTypeObject) -> &PyTypeObject {
    let mut t = ty;
    while class::is_heap_type(t)
        && let Some(b) = t.base()
    {
        t = b;
    }
    t
}

impl<'py> Interp<'py> {
    /// `T.__new__` for a built-in type `T` (or a class without a `__new__` of its own, which
    /// inherits its static base's): a built-in method bound to the type, whose call is
    /// [`Interp::tp_new_wrapper`]; `None` for types whose `tp_new` pyrt does not expose.
    pub(crate) fn builtin_new_attr(&self, ty: &PyTypeObject) -> R<'py, Option<Obj<'py>>> {
        let base = static_base(ty);
        if !has_exposed_new(base) {
            return Ok(None);
        }
        let name = self.name_str("__new__")?;
        // SAFETY: a static type is immortal.
        let receiver = unsafe { Obj::from_borrowed(self.heap, &base.ob_base.ob_base) };
        let index = super::builtins::method_index();
        super::objects::BUILTIN
            .alloc(self.heap, &[Some(name), Some(receiver)], &[index])
            .map(Some)
            .map_err(|e| self.err(e))
    }

    /// `T.__new__(cls, *args, **kwargs)` (`tp_new_wrapper`): `cls` must be a subtype of `T`
    /// whose instances `T` can make; then `T`'s `tp_new` for `cls` ([`Interp::tp_new`]).
    pub(crate) fn tp_new_wrapper(
        &self,
        base: &PyTypeObject,
        mut args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let name = base.name().to_string();
        if args.is_empty() {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("{name}.__new__(): not enough arguments"),
            ));
        }
        let cls = args.remove(0);
        let Some(sub) = pyrt_objects::types::type_object(cls.object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{name}.__new__(X): X is not a type object ({})",
                    cls.ob_type().name()
                ),
            ));
        };
        if !sub.is_subtype(base) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{name}.__new__({sub}): {sub} is not a subtype of {name}",
                    sub = sub.name()
                ),
            ));
        }
        let solid = static_base(sub);
        if !core::ptr::eq(solid, base) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{name}.__new__({}) is not safe, use {}.__new__()",
                    sub.name(),
                    solid.name()
                ),
            ));
        }
        self.tp_new(sub, args, kwargs)
    }

    /// The built-in `tp_new` of `sub`'s static base, for `sub` (no `__init__` runs): the
    /// base's constructor for the base itself, else an instance of the class made as the
    /// base makes it (`object_new`, `list`'s `PyType_GenericNew`, `long_subtype_new`, ...).
    fn tp_new(
        &self,
        sub: &PyTypeObject,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        if core::ptr::eq(sub, pyrt_objects::types::random::RANDOM_TYPE.get()) {
            // `PyType_GenericNew`: a zeroed generator, which `__init__` seeds.
            return pyrt_objects::types::random::new_random(heap).map_err(|e| self.err(e));
        }
        let Some(c) = Class::of_type(sub) else {
            return super::builtins::construct(self, sub, args, kwargs);
        };
        match class::class_kind(sub) {
            Some(class::ClassKind::Builtin(base)) => match base {
                BuiltinBase::Dict | BuiltinBase::Set | BuiltinBase::Random | BuiltinBase::Deque => {
                    sub::new_empty(heap, c)
                }
                BuiltinBase::FrozenSet => match args.first() {
                    Some(iterable) => sub::new_from_value(heap, c, iterable.object()),
                    None => sub::new_empty(heap, c),
                },
                _ => {
                    let value = super::builtins::construct(self, base.base_type(), args, kwargs)?;
                    sub::new_from_value(heap, c, value.object())
                }
            }
            .map_err(|e| self.err(e)),
            Some(class::ClassKind::List) => {
                class::call(heap, c, Vec::new()).map_err(|e| self.err(e))
            }
            Some(class::ClassKind::Object) => {
                // `object_new`'s excess-arguments check.
                if !args.is_empty() || !kwargs.is_empty() {
                    let message = if self.class_lookup(sub, "__new__").is_some() {
                        "object.__new__() takes exactly one argument (the type to instantiate)"
                            .to_string()
                    } else if self.class_lookup(sub, "__init__").is_none() {
                        format!("{}() takes no arguments", sub.name())
                    } else {
                        String::new()
                    };
                    if !message.is_empty() {
                        return Err(self.raise(&exceptions::TYPE_ERROR, message));
                    }
                }
                class::new_instance(heap, c).map_err(|e| self.err(e))
            }
            _ => Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "pyrt cannot make '{}' instances with __new__ yet",
                    sub.name()
                ),
            )),
        }
    }

    /// `cls(*args, **kwargs)` for a class with its own `__new__` (`type_call`): `__new__(cls,
    /// *args, **kwargs)`, then, if that made an instance of `cls`, its class's `__init__`, or
    /// else `base_init`, the `__init__` of the built-in base ([`Interp::builtin_base_init`] fills
    /// a dict or a set; `BaseException.__init__` sets an exception's `args`).
    pub(crate) fn instantiate_with_new(
        &self,
        cls: &Obj<'py>,
        ty: &PyTypeObject,
        new: Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
        base_init: &BaseInit<'_, 'py>,
    ) -> R<'py, Obj<'py>> {
        let mut full = vec![cls.clone()];
        full.extend(args.iter().cloned());
        let obj = self.call(&new, full, kwargs.clone())?;
        if !obj.ob_type().is_subtype(ty) {
            return Ok(obj);
        }
        let Some(init) = self.class_lookup(obj.ob_type(), "__init__") else {
            base_init(&obj, args, kwargs)?;
            return Ok(obj);
        };
        self.call_init(&init, &obj, args, kwargs)?;
        Ok(obj)
    }

    /// The `__init__` of a built-in base for an instance whose class has none: `dict.__init__`
    /// and `set.__init__` fill the instance; the immutable bases' do nothing.
    pub(crate) fn builtin_base_init(
        &self,
        obj: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        match class::class_kind(obj.ob_type()) {
            Some(class::ClassKind::Builtin(BuiltinBase::Dict)) => self.dict_init(obj, args, kwargs),
            Some(class::ClassKind::Builtin(BuiltinBase::Set)) => self.set_init(obj, args, kwargs),
            Some(class::ClassKind::Builtin(BuiltinBase::Random)) => {
                super::random_module::random_init(self, obj, args, kwargs)
            }
            Some(class::ClassKind::Builtin(BuiltinBase::Deque)) => {
                self.deque_init(obj, args, kwargs)
            }
            _ => Ok(()),
        }
    }
}
