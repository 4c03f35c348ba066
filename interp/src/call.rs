//! Calls and attributes: calling functions, built-ins, bound methods and classes
//! (instantiation with `__init__`), method calls without a bound-method object (CPython's
//! `LOAD_ATTR` method form), attribute lookup through classes, subscripts, `isinstance`,
//! class creation and imports.

use core::ptr;

use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::slot_wrappers;
use pyrt_objects::types::{class, dict, list, long, none, tuple, unicode, weakref};
use pyrt_objects::{Obj, abstract_};

use super::exceptions;
use super::objects::{BUILTIN, MODULE, SLICE, builtin, module};
use super::{Interp, R};

use pyrt_objects::types::type_object as as_type;

impl<'py> Interp<'py> {
    /// `func(*args, **kwargs)`.
    pub(crate) fn call(
        &self,
        func: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let f = func.object();
        let (mut args, mut kwargs) = (args, kwargs);
        if let Some(r) = self.vm_call(func, &mut args, &mut kwargs) {
            return r;
        }
        if let Some(b) = BUILTIN.cast(f) {
            let result = match b.get_ref(self.heap, builtin::SELF) {
                // A bound method of a built-in type: its name says which.
                Some(receiver) => {
                    let name = b
                        .get_ref(self.heap, builtin::NAME)
                        .and_then(|n| unicode::Str::cast(n.object()).map(unicode::str_value))
                        .unwrap_or_default();
                    super::methods::call(self, &receiver, &name, &args, &kwargs).and_then(|r| {
                        r.ok_or_else(|| {
                            self.raise(
                                &exceptions::ATTRIBUTE_ERROR,
                                format!(
                                    "'{}' object has no attribute '{name}'",
                                    receiver.ob_type().name()
                                ),
                            )
                        })
                    })
                }
                None => {
                    let index = b.get_num(builtin::INDEX);
                    super::builtins::call_builtin(self, index, args, kwargs)
                }
            };
            // CPython checks the eval breaker after a call to a C function.
            self.gc_safe_point();
            return result;
        }
        if let Some(c) = pyrt_objects::types::cfunction::CFunction::cast(f) {
            // A method of the object model's own types (`e.with_traceback`, `eg.split`).
            let result = c.call(self.heap, &args, &kwargs).map_err(|e| self.err(e));
            self.gc_safe_point();
            return result;
        }
        if let Some(d) = pyrt_objects::types::descrobject::MethodDescr::cast(f) {
            // A method of a built-in class called through the class (`Exception.__init__`).
            let result = d.call(self.heap, &args, &kwargs).map_err(|e| self.err(e));
            self.gc_safe_point();
            return result;
        }
        if let Some(d) = pyrt_objects::types::descrobject::ClassMethodDescr::cast(f) {
            // `dict.__dict__['fromkeys'](dict, 'ab')`.
            return self.call_classmethod_descriptor(d, args, kwargs);
        }
        if let Some(w) = weakref::Weakref::cast(f) {
            // `weakref_vectorcall`: `_PyArg_NoKwnames`, then `_PyArg_CheckPositional(0, 0)`.
            if !kwargs.is_empty() {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    "weakref() takes no keyword arguments",
                ));
            }
            if !args.is_empty() {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("weakref expected 0 arguments, got {}", args.len()),
                ));
            }
            return Ok(weakref::referent(self.heap, w).unwrap_or_else(|| none(self.heap)));
        }
        if super::partial::PARTIAL.is(f) {
            return super::partial::call(self, func, args, kwargs);
        }
        if let Some(r) = super::operator_getters::call(self, func, &args, &kwargs) {
            return r;
        }
        if let Some(r) = super::key_wrapper::call(self, func, &args, &kwargs) {
            return r;
        }
        if let Some(r) = super::lru_cache::call(self, func, &args, &kwargs) {
            return r;
        }
        if let Some(r) = self.call_object_wrapper(f, &args) {
            return r;
        }
        if let Some(sm) = super::descriptors::STATICMETHOD.cast(f)
            && let Some(inner) = sm.get_ref(self.heap, 0)
        {
            return self.call(&inner, args, kwargs);
        }
        if let Some(ty) = as_type(f) {
            if let Some(call) = self.metaclass_call_override(f) {
                let mut full = vec![func.clone()];
                full.extend(args);
                return self.call(&call, full, kwargs);
            }
            let result = self.instantiate(func, ty, args, kwargs);
            self.gc_safe_point();
            return result;
        }
        if let Some((ty, name, this)) = slot_wrappers::interpreter_slot(self.heap, f) {
            // `list.__init__(l, it)`, `tuple.__getitem__(t, 0)`, `[].__setitem__(0, 1)`.
            let full: Vec<Obj<'py>> = this.into_iter().chain(args).collect();
            return self.call_interp_slot(ty, name, full, kwargs);
        }
        if let Some(result) = {
            let refs: Vec<&pyrt_objects::PyObject> = args.iter().map(Obj::object).collect();
            slot_wrappers::call(self.heap, f, &refs, !kwargs.is_empty())
        } {
            return result.map_err(|e| self.err(e));
        }
        if let Some(origin) = super::typing_objects::generic_alias_origin(self.heap, f) {
            return self.call_generic_alias(func, &origin, args, kwargs);
        }
        if let Some(result) = self.user_call(func, args, kwargs) {
            return result;
        }
        Err(self.raise(
            &exceptions::TYPE_ERROR,
            format!("'{}' object is not callable", func.ob_type().name()),
        ))
    }

    /// `list[int](...)` (`ga_call`): the origin called, then the alias stored as the result's
    /// `__orig_class__` where it takes attributes (an `AttributeError` or `TypeError` from the
    /// store is dropped, as for built-in results).
    fn call_generic_alias(
        &self,
        alias: &Obj<'py>,
        origin: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let obj = self.call(origin, args, kwargs)?;
        if let Err(u) = self.setattr(&obj, "__orig_class__", Some(alias)) {
            let super::Unwind::Raise(r) = &u;
            let dropped = self.is_attribute_error(&u)
                || r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get());
            if !dropped {
                return Err(u);
            }
        }
        Ok(obj)
    }

    /// `type.__call__(cls, *args, **kwargs)`: makes an instance of `cls`.
    pub(crate) fn instantiate(
        &self,
        cls: &Obj<'py>,
        ty: &PyTypeObject,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        if exceptions::is_exception_class(cls.object()) {
            if let Some(new) = self.class_lookup(ty, "__new__") {
                return self.instantiate_with_new(
                    cls,
                    ty,
                    new,
                    args,
                    kwargs,
                    &|obj, args, kwargs| self.exception_base_init(obj, args, kwargs),
                );
            }
            return self.instantiate_exception(ty, args, kwargs);
        }
        let Some(c) = class::Class::of_type(ty) else {
            return super::builtins::construct(self, ty, args, kwargs);
        };
        let defines_new = self.class_defines_new(ty);
        if defines_new && let Some(new) = self.class_lookup(ty, "__new__") {
            return self.instantiate_with_new(cls, ty, new, args, kwargs, &|obj, args, kwargs| {
                self.builtin_base_init(obj, &args, &kwargs)
            });
        }
        if class::class_kind(ty) == Some(class::ClassKind::Meta) {
            return self.metaclass_instantiate(cls, args, kwargs);
        }
        if class::class_kind(ty) == Some(class::ClassKind::List) {
            let init = self.class_lookup(ty, "__init__");
            if init.is_none() && !kwargs.is_empty() {
                // `list.__init__` (the class has no `__init__` of its own).
                return Err(
                    self.raise(&exceptions::TYPE_ERROR, "list() takes no keyword arguments")
                );
            }
            let source = match (&init, args.as_slice()) {
                (None, [a]) => {
                    vec![list::new_list(self.heap, self.collect(a)?).map_err(|e| self.err(e))?]
                }
                (None, _) => args.clone(),
                (Some(_), _) => Vec::new(),
            };
            let instance = class::call(self.heap, c, source).map_err(|e| self.err(e))?;
            if let Some(init) = init {
                let mut full = vec![instance.clone()];
                full.extend(args);
                self.call(&init, full, kwargs)?;
            }
            return Ok(instance);
        }
        if let Some(class::ClassKind::Builtin(base)) = class::class_kind(ty) {
            return self.instantiate_builtin_subclass(c, base, args, kwargs);
        }
        if class::class_kind(ty) != Some(class::ClassKind::Object) {
            return class::call(self.heap, c, args).map_err(|e| self.err(e));
        }
        if defines_new && let Some(r) = self.user_new(cls, &args, &kwargs) {
            return r;
        }
        let init = self.class_lookup(ty, "__init__");
        if init.is_none() && !(args.is_empty() && kwargs.is_empty()) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("{}() takes no arguments", ty.name()),
            ));
        }
        let instance = class::new_instance(self.heap, c).map_err(|e| self.err(e))?;
        if let Some(init) = init {
            self.call_init(&init, &instance, args, kwargs)?;
        }
        Ok(instance)
    }

    /// `cls(*args, **kwargs)` for an exception class: the built-in construction, or for a
    /// Python subclass with its own `__init__`, `BaseException.__new__` then that `__init__`.
    fn instantiate_exception(
        &self,
        ty: &PyTypeObject,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let Some(init) = self.class_lookup(ty, "__init__") else {
            return exceptions::call_class(self.heap, ty, &args, &kwargs).map_err(|e| self.err(e));
        };
        let instance = exceptions::new_uninitialized(self.heap, ty, &args, &kwargs)
            .map_err(|e| self.err(e))?;
        self.call_init(&init, &instance, args, kwargs)?;
        Ok(instance)
    }

    /// `type_call`'s `__init__` step: `init(obj, *args, **kwargs)`, whose result must be
    /// `None`.
    ///
    /// # Errors
    /// What `__init__` raises; `TypeError: __init__() should return None, not 'int'`.
    pub(crate) fn call_init(
        &self,
        init: &Obj<'py>,
        obj: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, ()> {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend(args);
        let r = self.call(init, full, kwargs)?;
        if r.is(&none(self.heap)) {
            Ok(())
        } else {
            Err(self.init_not_none(r.object()))
        }
    }

    /// `TypeError: __init__() should return None, not 'T'` for `__init__`'s result `r`.
    pub(crate) fn init_not_none(&self, r: &pyrt_objects::PyObject) -> super::Unwind<'py> {
        self.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "__init__() should return None, not '{}'",
                r.ob_type().name()
            ),
        )
    }

    /// `BaseException.__init__(obj, *args, **kwargs)`: the `__init__` an exception class without
    /// its own runs after its `__new__` (sets `args`).
    fn exception_base_init(
        &self,
        obj: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, ()> {
        let init = pyrt_objects::types::exceptions::create::init_method(self.heap, obj.clone())
            .map_err(|e| self.err(e))?;
        self.call(&init, args, kwargs).map(drop)
    }

    /// Whether class `ty` or a base defines `__new__` (which `type_call` then runs:
    /// `slot_tp_new`). Kept on the class for its version tag, as CPython's specialised calls
    /// key on it: the lookup runs again only after the namespaces of the class or a base
    /// changed (`C.__new__ = f`, `del C.__new__`).
    #[inline]
    pub(crate) fn class_defines_new(&self, ty: &PyTypeObject) -> bool {
        match class::cached_defines_new(ty) {
            Some(known) => known,
            None => self.lookup_defines_new(ty),
        }
    }

    #[cold]
    #[inline(never)]
    fn lookup_defines_new(&self, ty: &PyTypeObject) -> bool {
        let version = pyrt_objects::type_cache::type_version(self.heap, ty).filter(|&v| v != 0);
        let defines = self.class_lookup(ty, "__new__").is_some();
        // (The lookup runs no code: the tag read before it still describes the class.)
        if let Some(v) = version
            && ty.version_tag() == v
        {
            class::set_cached_defines_new(ty, v, defines);
        }
        defines
    }

    /// An attribute of a class or its bases (`_PyType_Lookup`).
    pub(crate) fn class_lookup(&self, ty: &PyTypeObject, name: &str) -> Option<Obj<'py>> {
        let key = self.name_str(name).ok()?;
        for cur in class::mro_iter(ty) {
            if let Some(d) = class::class_dict(cur).and_then(dict::Dict::cast)
                && let Ok(Some(v)) = dict::get_item(self.heap, d, key.object())
            {
                return Some(v);
            }
        }
        None
    }

    /// `obj.name` (`PyObject_GetAttr`): an `AttributeError` raised on the way gets `name` and
    /// `obj` if it has none yet (`set_attribute_error_context`), for its "Did you mean".
    pub(crate) fn getattr(&self, obj: &Obj<'py>, name: &str) -> R<'py, Obj<'py>> {
        self.lookup_attr(obj, name)
            .or_else(|u| self.meta_getattr_fallback(u, obj, name))
            .map_err(|u| self.attribute_error_context(u, obj, name))
    }

    /// Gives an `AttributeError` being raised from `obj.name` its context.
    fn attribute_error_context(
        &self,
        u: super::Unwind<'py>,
        obj: &Obj<'py>,
        name: &str,
    ) -> super::Unwind<'py> {
        let super::Unwind::Raise(r) = &u;
        exceptions::set_attribute_error_context(self.heap, &r.exc, obj, name);
        u
    }

    /// `obj.name` without the error's context.
    pub(crate) fn lookup_attr(&self, obj: &Obj<'py>, name: &str) -> R<'py, Obj<'py>> {
        let o = obj.object();
        if MODULE.is(o) {
            return self.module_attr(obj, "", name);
        }
        if let Some(v) = super::stdio::attribute(self.heap, o, name).map_err(|e| self.err(e))? {
            return Ok(v);
        }
        if let Some(ty) = as_type(o) {
            if let Some(v) = self.meta_getattribute(obj, name)? {
                return Ok(v);
            }
            if name == "__name__" {
                // `type_name`: a static type's `tp_name` after its last dot.
                let full = ty.name();
                let short = if class::is_heap_type(ty) {
                    full
                } else {
                    full.rsplit('.').next().unwrap_or(full)
                };
                return unicode::new_str(self.heap, short).map_err(|e| self.err(e));
            }
            if name == "__mro__" || name == "__bases__" {
                let stored = if name == "__mro__" {
                    class::class_mro(ty)
                } else {
                    class::class_bases(ty)
                };
                // (An exception class's MRO may leave its chain of bases: `ExceptionGroup`; one
                // made with several bases has its C3 MRO stored.)
                if let Some(t) =
                    stored.filter(|_| !exceptions::is_exception_class(o) || class::has_c3_mro(ty))
                {
                    // SAFETY: the class holds its tuple.
                    return Ok(unsafe { Obj::from_borrowed(self.heap, t) });
                }
                let types = if name == "__mro__" {
                    exceptions::type_mro(ty)
                } else {
                    exceptions::type_bases(ty)
                };
                let items = types
                    .into_iter()
                    // SAFETY: a type in a class's MRO is alive while the class is.
                    .map(|t| unsafe { Obj::from_borrowed(self.heap, &t.ob_base.ob_base) })
                    .collect();
                return tuple::new_tuple(self.heap, items).map_err(|e| self.err(e));
            }
            if name == "__module__" && !class::is_heap_type(ty) {
                // `type_module`: what precedes the last dot of a static type's name, else
                // `builtins`.
                let module = ty.name().rsplit_once('.').map_or("builtins", |(m, _)| m);
                return unicode::new_str(self.heap, module).map_err(|e| self.err(e));
            }
            if name == "__qualname__" && !class::is_heap_type(ty) {
                // `type_qualname` of a static type: its name after the last dot.
                let qualname = ty.name().rsplit_once('.').map_or(ty.name(), |(_, n)| n);
                return unicode::new_str(self.heap, qualname).map_err(|e| self.err(e));
            }
            if name == "__doc__"
                && !class::is_heap_type(ty)
                && !exceptions::is_exception_class(o)
                && let Some(doc) = self.static_type_doc(ty)?
            {
                return Ok(doc);
            }
            if name == "__dict__"
                && let Some(v) = self.static_type_dict_proxy(ty)?
            {
                return Ok(v);
            }
            if let Some(v) = self.class_getattr(ty, name)? {
                return Ok(v);
            }
            if let Some(v) =
                exceptions::class_attribute(self.heap, ty, name).map_err(|e| self.err(e))?
            {
                // `Exception.__init__`, `BaseException.__new__`, `ValueError.__str__`.
                return Ok(v);
            }
            if let Some(v) = self.type_layout_attr(ty, name)? {
                return Ok(v);
            }
            if name == "__new__"
                && ptr::eq(ty, pyrt_objects::types::TYPE_TYPE.get())
                && let Some(v) =
                    super::builtins::hidden_builtin(self.heap, name).map_err(|e| self.err(e))?
            {
                // `type.__new__(meta, name, bases, ns)`.
                return Ok(v);
            }
            if name == "__new__"
                && let Some(v) = self.builtin_new_attr(ty)?
            {
                return Ok(v);
            }
            if let Some(v) =
                slot_wrappers::type_attribute(self.heap, ty, name).map_err(|e| self.err(e))?
            {
                return Ok(self.one_wrapper_descr(v, name));
            }
            if let Some(v) = self.static_type_dict_attr(ty, name)? {
                // `int.real`, `range.start`: a descriptor of the type's dict.
                return Ok(v);
            }
            if let Some(v) = self.metaclass_attr(obj, name)? {
                return Ok(v);
            }
        }
        if class::is_heap_type(o.ob_type()) && as_type(o).is_none() && !exceptions::is_exception(o)
        {
            return self.instance_getattr(obj, name);
        }
        if let Some(r) = self.super_object_getattr(o, name) {
            return r;
        }
        if name == "__name__"
            && let Some(b) = BUILTIN.cast(o)
            && let Some(n) = b.get_ref(self.heap, builtin::NAME)
        {
            // `meth_get__name__`: a built-in function's or method's name.
            return Ok(n);
        }
        if let Some(r) = super::builtin_attrs::getattr(self, o, name) {
            return r;
        }
        if let Some(e) = exceptions::Exception::cast(o) {
            let none = || pyrt_objects::types::none(self.heap);
            match name {
                "args" => return Ok(exceptions::args(self.heap, e)),
                "__cause__" => {
                    return Ok(exceptions::link(self.heap, e, exceptions::Link::Cause)
                        .unwrap_or_else(none));
                }
                "__context__" => {
                    return Ok(exceptions::link(self.heap, e, exceptions::Link::Context)
                        .unwrap_or_else(none));
                }
                "__suppress_context__" => {
                    return Ok(pyrt_objects::types::long::new_bool(
                        self.heap,
                        exceptions::suppress_context(e),
                    ));
                }
                _ => {}
            }
        }
        if class::is_heap_type(o.ob_type()) && as_type(o).is_none() {
            // An instance of a script's exception class: the same protocol, after the
            // exception's own attributes above.
            return self.instance_getattr(obj, name);
        }
        match abstract_::getattr(self.heap, o, name) {
            Ok(v) => Ok(v),
            Err(e) => {
                if let Some(v) = self.class_lookup(o.ob_type(), name) {
                    if super::vm::is_function(v.object()) {
                        return pyrt_objects::types::method::new_method(self.heap, v, obj.clone())
                            .map_err(|e| self.err(e));
                    }
                    return Ok(v);
                }
                if let Some(m) = super::methods::bound(self, obj, name)? {
                    return Ok(m);
                }
                if let Some(m) = slot_wrappers::instance_attribute(self.heap, o, name)
                    .map_err(|e| self.err(e))?
                {
                    return Ok(m);
                }
                if name == "__doc__"
                    && !class::is_heap_type(o.ob_type())
                    && super::static_type_names::instances_share_doc(short_name(o.ob_type()))
                    && let Some(doc) = self.static_type_doc(o.ob_type())?
                {
                    // An instance of a built-in type reads its type's `__doc__`.
                    return Ok(doc);
                }
                if name == "__class__" {
                    let ty = &o.ob_type().ob_base.ob_base;
                    // SAFETY: an object's type is alive while the object is.
                    return Ok(unsafe { Obj::from_borrowed(self.heap, ty) });
                }
                if let Some(m) = pyrt_objects::types::method::Method::cast(o) {
                    // `method_getattro`: what the method type does not have, its function
                    // answers (`obj.m.__name__`, `obj.m.__wrapped__`), errors included.
                    return self.getattr(&m.func(self.heap), name);
                }
                Err(self.err(e))
            }
        }
    }

    /// The `wrapper_descriptor` `v` (named `name`) as the one object its owning type's dict
    /// would hold: the first one handed out for that type and name. Other objects pass through.
    fn one_wrapper_descr(&self, v: Obj<'py>, name: &str) -> Obj<'py> {
        if slot_wrappers::WrapperDescr::cast(v.object()).is_none() {
            return v;
        }
        let Ok(owner) = abstract_::getattr(self.heap, v.object(), "__objclass__") else {
            return v;
        };
        let key = (ptr::from_ref(owner.object()) as usize, name.to_string());
        self.wrapper_descrs
            .borrow_mut()
            .entry(key)
            .or_insert(v)
            .clone()
    }

    /// `T.__doc__` of a built-in static type from [`static_type_names`] (`None` in Python
    /// for a type without a docstring); `None` where the type is not in that table.
    ///
    /// [`static_type_names`]: super::static_type_names
    pub(crate) fn static_type_doc(&self, ty: &PyTypeObject) -> R<'py, Option<Obj<'py>>> {
        let doc = super::random_module::type_doc(ty).map(Some);
        match doc.or_else(|| super::static_type_names::doc(short_name(ty))) {
            None => Ok(None),
            Some(None) => Ok(Some(pyrt_objects::types::none(self.heap))),
            Some(Some(text)) => unicode::new_str(self.heap, text)
                .map(Some)
                .map_err(|e| self.err(e)),
        }
    }

    /// `obj.name = value` (`Some`) or `del obj.name` (`None`).
    pub(crate) fn setattr(
        &self,
        obj: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> R<'py, ()> {
        let o = obj.object();
        if MODULE.is(o) {
            return super::modules::set_module_attr(self, obj, name, value);
        }
        if let Some(r) = self.meta_setattr(obj, name, value) {
            return r;
        }
        if name == "__class__" && as_type(o).is_some_and(class::is_heap_type) {
            // `type_setattro` finds `object.__class__`, a data descriptor, along the
            // metaclass's MRO.
            return self.object_set_class(obj, value);
        }
        if let Some(r) = self.class_dict_setattr(obj, name, value) {
            return r;
        }
        if class::is_heap_type(o.ob_type()) {
            return self.instance_setattr(obj, name, value);
        }
        if name == "__class__" && as_type(o).is_none() {
            return self.object_set_class(obj, value);
        }
        match value {
            Some(v) => abstract_::setattr(self.heap, o, name, v.object()),
            None => abstract_::delattr(self.heap, o, name),
        }
        .map_err(|e| self.err(e))
    }

    /// `C.name = value` or `del C.name` in the namespace of class `C` (`obj`), as
    /// `type_setattro` ends; `None` when `obj` is not a class with a namespace.
    pub(crate) fn class_dict_setattr(
        &self,
        obj: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> Option<R<'py, ()>> {
        let ty = as_type(obj.object())?;
        let d = class::class_dict(ty).and_then(dict::Dict::cast)?;
        let run = || {
            // `check_set_special_type_attr`: the getset attributes of `type` refuse deletion.
            if value.is_none()
                && matches!(
                    name,
                    "__module__" | "__name__" | "__qualname__" | "__doc__" | "__bases__"
                )
            {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "cannot delete '{name}' attribute of immutable type '{}'",
                        ty.name()
                    ),
                ));
            }
            if let Some(v) = value
                && matches!(name, "__name__" | "__qualname__")
                && let Some(c) = class::Class::of_type(ty)
            {
                return self.set_class_name_attr(c, name, v);
            }
            let key = self.name_str(name)?;
            let result = match value {
                Some(v) => dict::set_item(self.heap, d, key, v.clone()),
                // `type_setattro`: deleting a missing attribute is an `AttributeError`.
                None => dict::del_item(self.heap, d, key.object()).map_err(|e| {
                    if e.kind() == pyrt_objects::ExcKind::KeyError {
                        pyrt_objects::PyErr::new(
                            pyrt_objects::ExcKind::AttributeError,
                            format!("type object '{}' has no attribute '{name}'", ty.name()),
                        )
                    } else {
                        e
                    }
                }),
            };
            if name == "__del__" {
                class::update_finalizer(self.heap, ty);
            }
            if name == "__abstractmethods__" && result.is_ok() {
                class::update_abstract(self.heap, ty, value.map(Obj::object))
                    .map_err(|e| self.err(e))?;
            }
            if name == "__abc_tpflags__" && result.is_ok() {
                class::update_collection_flags(ty, value.map(Obj::object));
            }
            result.map_err(|e| self.err(e))
        };
        Some(run())
    }

    /// `obj.name(*args)`: a method of the object's class called with `self` directly, a
    /// built-in type's method, or whatever `obj.name` is, called.
    pub(crate) fn call_method(
        &self,
        obj: &Obj<'py>,
        name: &str,
        mut args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let o = obj.object();
        if class::is_heap_type(o.ob_type())
            && self.type_lookup(o.ob_type(), "__getattribute__")?.is_none()
            && abstract_::getattr(self.heap, o, name).is_err()
            && let Some(f) = self.class_lookup(o.ob_type(), name)
            && super::vm::is_function(f.object())
        {
            args.insert(0, obj.clone());
            return self.call(&f, args, kwargs);
        }
        if let Some(r) = super::methods::call(self, obj, name, &args, &kwargs)? {
            return Ok(r);
        }
        let f = self.getattr(obj, name)?;
        self.call(&f, args, kwargs)
    }

    /// `obj[key]`.
    pub(crate) fn getitem(&self, obj: &Obj<'py>, key: &Obj<'py>) -> R<'py, Obj<'py>> {
        super::builtins::getitem(self, obj, key)
    }

    /// `obj[key] = value`.
    pub(crate) fn setitem(&self, obj: &Obj<'py>, key: Obj<'py>, value: Obj<'py>) -> R<'py, ()> {
        if pyrt_objects::types::slot_defs::overrides_builtin(obj.ob_type())
            && let Some(r) = self.user_setitem(obj, &key, Some(&value))
        {
            return r;
        }
        self.setitem_base(obj, key, value)
    }

    /// `obj[key] = value` by the built-in type's own subscript.
    pub(crate) fn setitem_base(
        &self,
        obj: &Obj<'py>,
        key: Obj<'py>,
        value: Obj<'py>,
    ) -> R<'py, ()> {
        if let Some(r) = super::deque::setitem(self, obj, &key, Some(&value)) {
            return r;
        }
        if let Some(k) = self.index_slice(obj, &key)? {
            return self.setitem_base(obj, k, value);
        }
        let heap = self.heap;
        let o = obj.object();
        if let Some(d) = dict::Dict::cast(o) {
            return dict::set_item(heap, d, key, value).map_err(|e| self.err(e));
        }
        if let Some(r) = super::bytes_like::setitem(self, obj, &key, Some(&value)) {
            return r;
        }
        if let Some(l) = list::List::cast(o) {
            if SLICE.is(key.object()) {
                return self.list_ass_slice(l, &key, Some(&value));
            }
            let i = self.index(&key, "list")?;
            return list::set_item(heap, l, i, value).map_err(|e| self.err(e));
        }
        if let Some(r) = self.user_setitem(obj, &key, Some(&value)) {
            return r;
        }
        Err(self.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object does not support item assignment",
                obj.ob_type().name()
            ),
        ))
    }

    /// `l[slice] = value` or `del l[slice]` (`list_ass_subscript`), extended slices included.
    fn list_ass_slice(
        &self,
        l: &list::List,
        key: &Obj<'py>,
        value: Option<&Obj<'py>>,
    ) -> R<'py, ()> {
        let heap = self.heap;
        let slice = SLICE
            .cast(key.object())
            .ok_or_else(|| self.raise(&exceptions::SYSTEM_ERROR, "list_ass_slice: not a slice"))?;
        let none = pyrt_objects::types::none(heap);
        let part = |i: usize| slice.get_ref(heap, i).filter(|v| !v.is(&none));
        let (start, stop, step) = (part(0), part(1), part(2));
        pyrt_objects::types::list_slice::ass_subscript_slice(
            heap,
            l,
            start.as_ref().map(Obj::object),
            stop.as_ref().map(Obj::object),
            step.as_ref().map(Obj::object),
            value.map(Obj::object),
        )
        .map_err(|e| self.err(e))
    }

    /// `del obj[key]`.
    pub(crate) fn delitem(&self, obj: &Obj<'py>, key: &Obj<'py>) -> R<'py, ()> {
        if pyrt_objects::types::slot_defs::overrides_builtin(obj.ob_type())
            && let Some(r) = self.user_setitem(obj, key, None)
        {
            return r;
        }
        self.delitem_base(obj, key)
    }

    /// `del obj[key]` by the built-in type's own subscript.
    pub(crate) fn delitem_base(&self, obj: &Obj<'py>, key: &Obj<'py>) -> R<'py, ()> {
        if let Some(r) = super::deque::setitem(self, obj, key, None) {
            return r;
        }
        if let Some(k) = self.index_slice(obj, key)? {
            return self.delitem_base(obj, &k);
        }
        let heap = self.heap;
        let o = obj.object();
        if let Some(d) = dict::Dict::cast(o) {
            // `del_item`'s own KeyError carries the key; a KeyError that the key's `__hash__`
            // or `__eq__` raised is kept as it is.
            return dict::del_item(heap, d, key.object()).map_err(|e| self.err(e));
        }
        if let Some(r) = super::bytes_like::setitem(self, obj, key, None) {
            return r;
        }
        if let Some(l) = list::List::cast(o) {
            if SLICE.is(key.object()) {
                return self.list_ass_slice(l, key, None);
            }
            let i = self.index(&key.clone(), "list")?;
            return list::del_item(heap, l, i).map_err(|e| self.err(e));
        }
        if let Some(r) = self.user_setitem(obj, key, None) {
            return r;
        }
        // `PyObject_DelItem`: a type with sequence methods words it differently for an index
        // (`PySequence_DelItem`).
        let is_index = long::Int::cast(key.object()).is_some()
            || pyrt_objects::types::slot_defs::lookup(heap, key.ob_type(), "__index__").is_some();
        let verb = if o.ob_type().slots().sequence.is_some() && is_index {
            "doesn't"
        } else {
            "does not"
        };
        Err(self.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object {verb} support item deletion",
                obj.ob_type().name()
            ),
        ))
    }

    /// An index: an int (or bool), else `TypeError: list indices must be integers or slices`.
    pub(crate) fn index(&self, key: &Obj<'py>, what: &str) -> R<'py, isize> {
        let shown = key.ob_type().name();
        let converted = match self.user_index(key) {
            Some(i) => Some(i?),
            None => None,
        };
        if let Some(i) = long::Int::cast(converted.as_ref().unwrap_or(key).object()) {
            // `PyNumber_AsSsize_t(key, PyExc_IndexError)` names the key's type.
            return long::as_i64(i)
                .and_then(|v| isize::try_from(v).ok())
                .ok_or_else(|| {
                    self.raise(
                        &exceptions::INDEX_ERROR,
                        format!("cannot fit '{shown}' into an index-sized integer"),
                    )
                });
        }
        // `unicode_subscript` words its message apart from the other sequences'.
        let message = if what == "string" {
            format!(
                "string indices must be integers, not '{}'",
                key.ob_type().name()
            )
        } else {
            format!(
                "{what} indices must be integers or slices, not {}",
                key.ob_type().name()
            )
        };
        Err(self.raise(&exceptions::TYPE_ERROR, message))
    }

    /// `isinstance(obj, cls)`.
    pub(crate) fn isinstance(
        &self,
        obj: &pyrt_objects::PyObject,
        cls: &pyrt_objects::PyObject,
    ) -> bool {
        if let Some(cls) = tuple::Tuple::cast(cls) {
            return tuple::items(cls).iter().any(|c| {
                // SAFETY: the tuple holds its items.
                self.isinstance(obj, unsafe { c.as_ref() })
            });
        }
        as_type(cls).is_some_and(|t| obj.ob_type().is_subtype(t))
    }

    /// Takes `key` out of a class namespace, as a truth value (absent: `None`): how the shipped
    /// `recordclass` asks for the layouts of the package's C types (see
    /// `class::new_subclass_gc`): `__pyrt_gc__ = False` for instances without a GC header,
    /// `__pyrt_items__ = True` for instances holding items (`litetuple`).
    fn take_gc_choice(&self, ns: &dict::Dict, key: &str) -> R<'py, Option<bool>> {
        let key = self.name_str(key)?;
        let heap = self.heap;
        let Some(v) = dict::get_item(heap, ns, key.object()).map_err(|e| self.err(e))? else {
            return Ok(None);
        };
        dict::del_item(heap, ns, key.object()).map_err(|e| self.err(e))?;
        Ok(Some(self.vm_truth(&v)?))
    }

    /// Makes a class from its executed body (`type(name, bases, ns, **kwargs)`; the keywords
    /// go to `__init_subclass__`).
    pub(crate) fn new_class(
        &self,
        class_name: &str,
        bases: &[Obj<'py>],
        ns: Obj<'py>,
        kwargs: &[(String, Obj<'py>)],
        meta: Option<&class::Class>,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let ns_dict = dict::Dict::cast_internal(ns.object()).map_err(|e| self.err(e))?;
        let mut c3 = None;
        let base = match bases {
            [] => None,
            [b] => match as_type(b.object()) {
                Some(t) if ptr::eq(t, pyrt_objects::types::OBJECT_TYPE.get()) => None,
                Some(t)
                    if ptr::eq(t, pyrt_objects::types::LIST_TYPE.get())
                        || t.flags()
                            .contains(pyrt_objects::typeobj::TypeFlags::TYPE_SUBCLASS)
                        || pyrt_objects::types::builtin_subclass::BuiltinBase::of(t).is_some()
                        || exceptions::is_exception_class(b.object())
                        || matches!(
                            class::class_kind(t),
                            Some(class::ClassKind::Object | class::ClassKind::List)
                        ) =>
                {
                    Some(b.object())
                }
                Some(t)
                    if !t
                        .flags()
                        .contains(pyrt_objects::typeobj::TypeFlags::BASETYPE) =>
                {
                    // `best_base`'s check.
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("type '{}' is not an acceptable base type", t.name()),
                    ));
                }
                Some(t) => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("pyrt does not support subclassing '{}' yet", t.name()),
                    ));
                }
                None => {
                    return Err(self.raise(&exceptions::TYPE_ERROR, "bases must be types"));
                }
            },
            _ => {
                let mut types = Vec::new();
                for b in bases {
                    let t = as_type(b.object()).ok_or_else(|| {
                        self.raise(&exceptions::TYPE_ERROR, "bases must be types")
                    })?;
                    types.push(t);
                }
                let best = self.best_base(&types)?;
                c3 = Some(self.c3_mro(&types)?);
                (!ptr::eq(best, pyrt_objects::types::OBJECT_TYPE.get()))
                    .then_some(&best.ob_base.ob_base)
            }
        };
        let slot_names = self.class_slots(class_name, ns_dict, base)?;
        let qualname = self.prepare_namespace(ns_dict, slot_names.as_deref())?;
        let slot_refs: Option<Vec<&str>> = slot_names
            .as_ref()
            .map(|v| v.iter().map(String::as_str).collect());
        let gc = self.take_gc_choice(ns_dict, "__pyrt_gc__")?;
        let items = self.take_gc_choice(ns_dict, "__pyrt_items__")?;
        let cls = class::new_subclass_gc(
            heap,
            class_name,
            "__main__",
            slot_refs.as_deref(),
            base,
            Some(ns),
            gc,
            items == Some(true),
        )
        .map_err(|e| self.err(e))?;
        if let Some(m) = meta {
            let c = class::Class::cast_internal(cls.object()).map_err(|e| self.err(e))?;
            class::set_metaclass(c, m).map_err(|e| self.err(e))?;
        }
        let inherits_c3 = base.and_then(as_type).is_some_and(class::has_c3_mro);
        if c3.is_none() && inherits_c3 {
            // A single base with multiple inheritance above it: C3 over that base.
            let b = base.and_then(as_type).into_iter().collect::<Vec<_>>();
            c3 = Some(self.c3_mro(&b)?);
        }
        if let Some(mro) = c3 {
            self.set_c3(&cls, bases, &mro)?;
        }
        self.fill_namespace(&cls, slot_names.as_deref(), qualname)?;
        // `__hash__ = None` beside `__eq__` comes after `__doc__`, as in CPython's dict.
        self.hash_none_beside_eq(&cls)?;
        self.class_made_hooks(&cls, kwargs)?;
        Ok(cls)
    }

    /// `module.name`.
    pub(crate) fn module_attr(
        &self,
        m: &Obj<'py>,
        module_name: &str,
        name: &str,
    ) -> R<'py, Obj<'py>> {
        let md = MODULE
            .cast(m.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        let d = md
            .get_ref(self.heap, module::DICT)
            .expect("a module has its dict");
        let key = self.name_str(name)?;
        let d = dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))?;
        if let Some(v) = dict::get_item(self.heap, d, key.object()).map_err(|e| self.err(e))? {
            return Ok(v);
        }
        if let Some(v) = super::modules::dynamic_attr(self, m, name)? {
            return Ok(v);
        }
        let mname = if module_name.is_empty() {
            md.get_ref(self.heap, module::NAME)
                .and_then(|n| unicode::Str::cast(n.object()).map(unicode::str_value))
                .unwrap_or_default()
        } else {
            module_name.to_string()
        };
        Err(self.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("module '{mname}' has no attribute '{name}'"),
        ))
    }
}

/// A static type's `tp_name` after its last dot (its `__name__`).
fn short_name(ty: &PyTypeObject) -> &str {
    let full = ty.name();
    full.rsplit('.').next().unwrap_or(full)
}
