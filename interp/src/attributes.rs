//! The attribute protocol of classes and their instances (`PyObject_GenericGetAttr`,
//! `_PyObject_GenericSetAttrWithDict` of `Objects/object.c`; `type_getattro`,
//! `slot_tp_getattr_hook`, `slot_tp_setattro`, `slot_tp_descr_get` of
//! `Objects/typeobject.c`): data descriptors (`property`, the member and getset descriptors,
//! a script's class with `__set__` or `__delete__`) win over the instance's own attributes,
//! which win over non-data descriptors (functions, `classmethod`, `staticmethod`, a class with
//! only `__get__`) and plain class attributes; a class's `__getattribute__`, `__getattr__`
//! (called on `AttributeError`), `__setattr__` and `__delattr__` replace or extend the generic
//! forms, which `object.__getattribute__` / `object.__setattr__` / `object.__delattr__` (the
//! [`OBJECT_WRAPPER`] objects) reach from inside them.

use pyrt_objects::typeobj::{PyTypeObject, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, class, dict, list, method, none, unicode};
use pyrt_objects::{ExcKind, Obj, PyObject, abstract_};

use super::descriptors::{self, CLASSMETHOD, GETSET, MEMBER, PROPERTY, STATICMETHOD, prop};
use super::exceptions;
use super::objects::Kind;
use super::{Interp, R, Unwind};

std::thread_local! {
    /// Set by `type.__getattribute__(C, name)` (a metaclass's `__getattribute__` reaching
    /// `type`'s) for the lookup it starts: [`Interp::meta_getattribute`] then skips the
    /// metaclass's `__getattribute__` once (and clears it, so nested lookups are as usual).
    pub(crate) static IN_TYPE_GETATTRIBUTE: core::cell::Cell<bool> =
        const { core::cell::Cell::new(false) };
}

/// What a class attribute is to the attribute protocol.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DescrKind {
    /// No `__get__`: the attribute itself is the answer.
    Plain,
    /// `__get__` only: the instance's own attribute wins.
    NonData,
    /// `__set__` or `__delete__`: wins over the instance's own attribute.
    Data,
}

/// `object.__getattribute__`, `object.__setattr__`, `object.__delattr__`
/// (`wrapper_descriptor`, 56 bytes): which one, as a number.
pub(crate) static OBJECT_WRAPPER: Kind = Kind::new(&WRAPPER_TYPE, 0, 5);

static WRAPPER_SLOTS: pyrt_objects::typeobj::Slots = pyrt_objects::typeobj::Slots {
    dealloc: super::objects::dealloc,
    sizeof: None,
    repr: wrapper_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(super::objects::traverse),
    clear: Some(super::objects::clear),
    members: &[],
    getattr: None,
    setattr: None,
};

static WRAPPER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "wrapper_descriptor",
        basicsize: 56,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &WRAPPER_SLOTS,
    },
);

/// The names of the [`OBJECT_WRAPPER`]s, by number.
const WRAPPER_NAMES: [&str; 3] = ["__getattribute__", "__setattr__", "__delattr__"];

fn wrapper_repr(_heap: &pyrt_objects::Heap, o: &PyObject) -> pyrt_objects::PyResult<String> {
    let which = OBJECT_WRAPPER.cast(o).map_or(0, |t| t.get_num(0));
    Ok(format!(
        "<slot wrapper '{}' of 'object' objects>",
        WRAPPER_NAMES[which.min(2)]
    ))
}

impl<'py> Interp<'py> {
    /// `_PyType_Lookup(ty, name)`: `name` in the first namespace along `ty`'s bases.
    pub(crate) fn type_lookup(&self, ty: &PyTypeObject, name: &str) -> R<'py, Option<Obj<'py>>> {
        if !class::is_heap_type(ty) {
            return Ok(None);
        }
        let key = self.name_str(name)?;
        Ok(class::lookup(self.heap, ty, key.object()))
    }

    /// `ty` as an object.
    pub(crate) fn type_as_object(&self, ty: &PyTypeObject) -> Obj<'py> {
        // SAFETY: a type is alive while anything refers to it.
        unsafe { Obj::from_borrowed(self.heap, &ty.ob_base.ob_base) }
    }

    /// Whether `d` (a class attribute) is a descriptor, and which kind.
    pub(crate) fn descr_kind(&self, d: &PyObject) -> R<'py, DescrKind> {
        if super::vm::is_function(d)
            || CLASSMETHOD.is(d)
            || STATICMETHOD.is(d)
            || super::lru_cache::is_wrapper(d)
        {
            return Ok(DescrKind::NonData);
        }
        if PROPERTY.is(d) || MEMBER.is(d) || GETSET.is(d) {
            return Ok(DescrKind::Data);
        }
        let ty = d.ob_type();
        if !class::is_heap_type(ty) || exceptions::is_exception(d) {
            return Ok(DescrKind::Plain);
        }
        if self.type_lookup(ty, "__set__")?.is_some()
            || self.type_lookup(ty, "__delete__")?.is_some()
        {
            return Ok(DescrKind::Data);
        }
        Ok(if self.type_lookup(ty, "__get__")?.is_some() {
            DescrKind::NonData
        } else {
            DescrKind::Plain
        })
    }

    /// `type(d).__get__(d, obj, ty)`: what class attribute `d` gives for `obj` (`None`: looked
    /// up on the class `ty` itself).
    pub(crate) fn descr_get(
        &self,
        d: Obj<'py>,
        obj: Option<&Obj<'py>>,
        ty: &PyTypeObject,
        name: &str,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let o = d.object();
        if super::vm::is_function(o) {
            return match obj {
                Some(obj) => method::new_method(heap, d, obj.clone()).map_err(|e| self.err(e)),
                None => Ok(d),
            };
        }
        if let Some(r) = super::lru_cache::descr_get(self, &d, obj) {
            return r;
        }
        if let Some(cm) = CLASSMETHOD.cast(o) {
            let f = cm.get_ref(heap, 0).unwrap_or_else(|| none(heap));
            return method::new_method(heap, f, self.type_as_object(ty)).map_err(|e| self.err(e));
        }
        if let Some(sm) = STATICMETHOD.cast(o) {
            return Ok(sm.get_ref(heap, 0).unwrap_or_else(|| none(heap)));
        }
        if class::is_heap_type(o.ob_type())
            && !exceptions::is_exception(o)
            && let Some(get) = self.type_lookup(o.ob_type(), "__get__")?
        {
            let inst = obj.cloned().unwrap_or_else(|| none(heap));
            let args = vec![d.clone(), inst, self.type_as_object(ty)];
            return self.call(&get, args, Vec::new());
        }
        let Some(obj) = obj else {
            return Ok(d);
        };
        if let Some(p) = PROPERTY.cast(o) {
            let Some(fget) = p.get_ref(heap, prop::FGET).filter(|f| !f.is(&none(heap))) else {
                return Err(self.property_error(&d, obj, "getter"));
            };
            return self.call(&fget, vec![obj.clone()], Vec::new());
        }
        if GETSET.is(o) && name == "__weakref__" {
            // `subtype_getweakref`: the first weak reference, or None.
            let first = pyrt_objects::types::weakref::weakrefs(heap, obj.object())
                .into_iter()
                .next();
            return Ok(first.unwrap_or_else(|| none(heap)));
        }
        if let Some(m) = MEMBER.cast(o) {
            self.member_check(o, obj)?;
            return class::read_member_slot(heap, obj.object(), m.get_num(0), name)
                .map_err(|e| self.err(e));
        }
        if GETSET.is(o) {
            return abstract_::getattr(heap, obj.object(), name).map_err(|e| self.err(e));
        }
        Ok(d)
    }

    /// `descr_check` of a `__slots__` member descriptor: `obj` is an instance of the class
    /// that defines it (`descriptor 'x' for 'A' objects doesn't apply to a 'int' object`).
    fn member_check(&self, d: &PyObject, obj: &Obj<'py>) -> R<'py, ()> {
        let owner = MEMBER
            .cast(d)
            .and_then(|t| t.get_ref(self.heap, descriptors::descr::TYPE));
        let Some(ty) = owner
            .as_ref()
            .and_then(|t| pyrt_objects::types::type_object(t.object()))
        else {
            return Ok(());
        };
        if obj.ob_type().is_subtype(ty) {
            return Ok(());
        }
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            self.descriptor_name(d),
            ty.name(),
            obj.ob_type().name()
        );
        Err(self.raise(&exceptions::TYPE_ERROR, msg))
    }

    /// `C.__name__ = v` / `C.__qualname__ = v` (`type_set_name`, `type_set_qualname`): the
    /// class's names change, its namespace gets no entry.
    pub(crate) fn set_class_name_attr(
        &self,
        c: &class::Class,
        name: &str,
        value: &Obj<'py>,
    ) -> R<'py, ()> {
        let Some(s) = unicode::Str::cast(value.object()) else {
            let msg = format!(
                "can only assign string to {}.{name}, not '{}'",
                c.as_type().name(),
                value.ob_type().name()
            );
            return Err(self.raise(&exceptions::TYPE_ERROR, msg));
        };
        let text = unicode::str_value(s);
        if name == "__name__" {
            class::set_class_name(c, &text).map_err(|e| self.err(e))?;
        } else {
            class::set_class_qualname(c, &text);
        }
        Ok(())
    }

    /// `'B' object attribute 'x' is read-only`: a store into an instance without a dict
    /// where the class has a plain attribute of that name.
    fn read_only_error(&self, obj: &Obj<'py>, name: &str) -> Unwind<'py> {
        let msg = format!(
            "'{}' object attribute '{name}' is read-only",
            obj.ob_type().name()
        );
        self.raise(&exceptions::ATTRIBUTE_ERROR, msg)
    }

    /// `property 'x' of 'C' object has no setter` (or getter, deleter).
    fn property_error(&self, p: &Obj<'py>, obj: &Obj<'py>, what: &str) -> Unwind<'py> {
        let heap = self.heap;
        let name = PROPERTY
            .cast(p.object())
            .and_then(|t| t.get_ref(heap, prop::NAME))
            .and_then(|n| unicode::Str::cast(n.object()).map(unicode::str_value));
        let owner = obj.ob_type().name();
        let msg = match name {
            Some(n) => format!("property '{n}' of '{owner}' object has no {what}"),
            None => format!("property of '{owner}' object has no {what}"),
        };
        self.raise(&exceptions::ATTRIBUTE_ERROR, msg)
    }

    /// `type(d).__set__(d, obj, value)` or `__delete__(d, obj)` for a data descriptor `d`;
    /// `false` when `d` is not one (the instance's own attribute is set).
    fn descr_set(
        &self,
        d: &Obj<'py>,
        obj: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> R<'py, bool> {
        let heap = self.heap;
        let o = d.object();
        if let Some(p) = PROPERTY.cast(o) {
            let (word, what) = match value {
                Some(_) => (prop::FSET, "setter"),
                None => (prop::FDEL, "deleter"),
            };
            let Some(f) = p.get_ref(heap, word).filter(|f| !f.is(&none(heap))) else {
                return Err(self.property_error(d, obj, what));
            };
            let mut args = vec![obj.clone()];
            args.extend(value.cloned());
            self.call(&f, args, Vec::new())?;
            return Ok(true);
        }
        if let Some(m) = MEMBER.cast(o) {
            self.member_check(o, obj)?;
            let v = value.map(Obj::object);
            class::write_member_slot(heap, obj.object(), m.get_num(0), name, v)
                .map_err(|e| self.err(e))?;
            return Ok(true);
        }
        if GETSET.is(o) {
            match value {
                Some(v) => abstract_::setattr(heap, obj.object(), name, v.object()),
                None => abstract_::delattr(heap, obj.object(), name),
            }
            .map_err(|e| self.err(e))?;
            return Ok(true);
        }
        if self.descr_kind(o)? != DescrKind::Data {
            return Ok(false);
        }
        let hook = if value.is_some() {
            "__set__"
        } else {
            "__delete__"
        };
        let Some(f) = self.type_lookup(o.ob_type(), hook)? else {
            return Err(self.raise(&exceptions::ATTRIBUTE_ERROR, hook));
        };
        let mut args = vec![d.clone(), obj.clone()];
        args.extend(value.cloned());
        self.call(&f, args, Vec::new())?;
        Ok(true)
    }

    /// `C.name` for a class whose metaclass is a script's (`type_getattro`'s first step, or
    /// `slot_tp_getattr_hook` for a metaclass with `__getattribute__`): the metaclass's
    /// `__getattribute__`, else its data descriptor (which wins over the class's own
    /// attribute); `None` when neither applies (the class's attribute, then the metaclass's
    /// non-data attribute, as [`Interp::metaclass_attr`] gives it).
    pub(crate) fn meta_getattribute(&self, cls: &Obj<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
        let meta: &PyTypeObject = cls.ob_type();
        if !pyrt_objects::types::slot_defs::is_metaclass(meta) {
            return Ok(None);
        }
        let from_type_getattribute = IN_TYPE_GETATTRIBUTE.replace(false);
        if !from_type_getattribute && let Some(f) = self.type_lookup(meta, "__getattribute__")? {
            let n = self.name_str(name)?;
            return self
                .call_special_method(f, cls, vec![n], Vec::new())
                .map(Some);
        }
        match self.type_lookup(meta, name)? {
            Some(d) if self.descr_kind(d.object())? == DescrKind::Data => {
                self.descr_get(d, Some(cls), meta, name).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// The last step of `C.name` for a class whose metaclass defines `__getattr__`: called
    /// with the name when the lookup raised `AttributeError` (`u`); `u` otherwise.
    pub(crate) fn meta_getattr_fallback(
        &self,
        u: Unwind<'py>,
        cls: &Obj<'py>,
        name: &str,
    ) -> R<'py, Obj<'py>> {
        let meta: &PyTypeObject = cls.ob_type();
        if !pyrt_objects::types::slot_defs::is_metaclass(meta)
            || pyrt_objects::types::type_object(cls.object()).is_none()
            || !self.is_attribute_error(&u)
        {
            return Err(u);
        }
        match self.type_lookup(meta, "__getattr__")? {
            Some(f) => {
                let n = self.name_str(name)?;
                self.call_special_method(f, cls, vec![n], Vec::new())
            }
            None => Err(u),
        }
    }

    /// `C.name = value` (`Some`) or `del C.name` (`None`) for a class whose metaclass is a
    /// script's: the metaclass's `__setattr__`/`__delattr__`, else its data descriptor's
    /// `__set__`/`__delete__`; `None` when neither applies (the class's namespace changes).
    pub(crate) fn meta_setattr(
        &self,
        cls: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> Option<R<'py, ()>> {
        let meta: &PyTypeObject = cls.ob_type();
        if !pyrt_objects::types::slot_defs::is_metaclass(meta) {
            return None;
        }
        let run = || -> R<'py, bool> {
            let hook = if value.is_some() {
                "__setattr__"
            } else {
                "__delattr__"
            };
            if let Some(f) = self.type_lookup(meta, hook)? {
                let mut args = vec![self.name_str(name)?];
                args.extend(value.cloned());
                self.call_special_method(f, cls, args, Vec::new())?;
                return Ok(true);
            }
            self.meta_descriptor_set(cls, name, value)
        };
        match run() {
            Ok(true) => Some(Ok(())),
            Ok(false) => None,
            Err(u) => Some(Err(u)),
        }
    }

    /// `C.name = value` (or `del C.name`) through a data descriptor of `C`'s metaclass:
    /// `false` when it has none of that name.
    pub(crate) fn meta_descriptor_set(
        &self,
        cls: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> R<'py, bool> {
        match self.type_lookup(cls.ob_type(), name)? {
            Some(d) => self.descr_set(&d, cls, name, value),
            None => Ok(false),
        }
    }

    /// Whether `u` is an `AttributeError`.
    pub(crate) fn is_attribute_error(&self, u: &Unwind<'py>) -> bool {
        let Unwind::Raise(r) = u;
        r.exc
            .ob_type()
            .is_subtype(exceptions::ATTRIBUTE_ERROR.get())
    }

    /// `obj.name` for an instance of a script's class (`slot_tp_getattr_hook`): the class's
    /// `__getattribute__` or the generic lookup, then `__getattr__` on `AttributeError`.
    pub(crate) fn instance_getattr(&self, obj: &Obj<'py>, name: &str) -> R<'py, Obj<'py>> {
        let ty = obj.ob_type();
        let r = match self.type_lookup(ty, "__getattribute__")? {
            Some(f) => {
                let n = self.name_str(name)?;
                self.call(&f, vec![obj.clone(), n], Vec::new())
            }
            None => self.generic_getattr(obj, name),
        };
        match r {
            Err(u) if self.is_attribute_error(&u) => match self.type_lookup(ty, "__getattr__")? {
                Some(f) => {
                    let n = self.name_str(name)?;
                    self.call(&f, vec![obj.clone(), n], Vec::new())
                }
                None => Err(u),
            },
            r => r,
        }
    }

    /// `PyObject_GenericGetAttr` (`object.__getattribute__`) for an instance of a script's
    /// class: a data descriptor of the class, the instance's own attribute, then a non-data
    /// descriptor or plain class attribute.
    pub(crate) fn generic_getattr(&self, obj: &Obj<'py>, name: &str) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let o = obj.object();
        let ty = o.ob_type();
        if !class::is_heap_type(ty) {
            return self.getattr(obj, name);
        }
        let descr = self.type_lookup(ty, name)?;
        if let Some(d) = &descr
            && self.descr_kind(d.object())? == DescrKind::Data
        {
            return self.descr_get(d.clone(), Some(obj), ty, name);
        }
        // A class attribute that shadows a `__slots__` descriptor hides the slot: only the
        // instance dict is looked at (`PyObject_GenericGetAttr` never reads a slot by name).
        let shadows_slot = descr.is_some() && class::member_slot_index(ty, name).is_some();
        let own = if shadows_slot {
            class::instance_dict_getattr(heap, o, name)
        } else {
            abstract_::getattr(heap, o, name)
        };
        let e = match own {
            Ok(v) => return Ok(v),
            Err(e) if e.kind() != ExcKind::AttributeError => return Err(self.err(e)),
            Err(e) => e,
        };
        if let Some(d) = descr {
            return self.descr_get(d, Some(obj), ty, name);
        }
        if let Some(m) = super::methods::bound(self, obj, name)? {
            return Ok(m);
        }
        // A slot inherited from `object` (`p.__eq__`: a method-wrapper).
        if let Some(m) = pyrt_objects::types::slot_wrappers::instance_attribute(heap, o, name)
            .map_err(|e| self.err(e))?
        {
            return Ok(m);
        }
        if name == "__class__" {
            return Ok(self.type_as_object(ty));
        }
        if name == "__doc__" {
            return Ok(none(heap));
        }
        Err(self.err(e))
    }

    /// `obj.name = value` (or `del obj.name` for `None`) on an instance of a script's class:
    /// the class's `__setattr__` / `__delattr__`, else the generic form.
    pub(crate) fn instance_setattr(
        &self,
        obj: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> R<'py, ()> {
        let hook = if value.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        if let Some(f) = self.type_lookup(obj.ob_type(), hook)? {
            let mut args = vec![obj.clone(), self.name_str(name)?];
            args.extend(value.cloned());
            self.call(&f, args, Vec::new())?;
            return Ok(());
        }
        self.generic_setattr(obj, name, value)
    }

    /// `PyObject_GenericSetAttr` (`object.__setattr__`, `object.__delattr__`): a data
    /// descriptor of the class, else the instance's own attribute.
    pub(crate) fn generic_setattr(
        &self,
        obj: &Obj<'py>,
        name: &str,
        value: Option<&Obj<'py>>,
    ) -> R<'py, ()> {
        let o = obj.object();
        if class::is_heap_type(o.ob_type())
            && let Some(d) = self.type_lookup(o.ob_type(), name)?
        {
            if self.descr_set(&d, obj, name, value)? {
                return Ok(());
            }
            // A plain class attribute: the instance dict takes the value, never a slot of
            // that name (the attribute hides it); without a dict the name is read-only.
            if class::is_instance(o) && !class::has_instance_dict(o) {
                return Err(self.read_only_error(obj, name));
            }
            if class::member_slot_index(o.ob_type(), name).is_some() {
                let v = value.map(Obj::object);
                return class::instance_dict_setattr(self.heap, o, name, v)
                    .map_err(|e| self.err(e));
            }
        }
        if name == "__class__" {
            return self.object_set_class(obj, value);
        }
        match value {
            Some(v) => abstract_::setattr(self.heap, o, name, v.object()),
            None => abstract_::delattr(self.heap, o, name),
        }
        .map_err(|e| self.err(e))
    }

    /// `C.name` for a class made by a script (`type_getattro`): its namespace as a
    /// `mappingproxy`, its names and base, else the attribute along its bases through the
    /// descriptor's `__get__(None, C)`. `None` when the class does not have it.
    pub(crate) fn class_getattr(&self, ty: &PyTypeObject, name: &str) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        if class::is_heap_type(ty) {
            match name {
                "__dict__" => {
                    if let Some(d) = class::class_dict(ty) {
                        // SAFETY: the class holds its namespace.
                        let d = unsafe { Obj::from_borrowed(heap, d) };
                        return descriptors::new_proxy(heap, d).map(Some).map_err(err);
                    }
                }
                "__qualname__" => {
                    let c = class::Class::of_type(ty).map(class::class_module_and_name);
                    if let Some((_, q)) = c {
                        return unicode::new_str(heap, q).map(Some).map_err(err);
                    }
                }
                "__base__" => {
                    let b = ty.base().map(|b| self.type_as_object(b));
                    return Ok(Some(b.unwrap_or_else(|| none(heap))));
                }
                _ => {}
            }
            if let Some(v) = self.type_lookup(ty, name)? {
                return self.descr_get(v, None, ty, name).map(Some);
            }
        }
        if core::ptr::eq(ty, OBJECT_TYPE.get())
            && let Some(i) = WRAPPER_NAMES.iter().position(|n| *n == name)
        {
            return OBJECT_WRAPPER
                .alloc(heap, &[], &[i, 0, 0, 0, 0])
                .map(Some)
                .map_err(err);
        }
        Ok(None)
    }

    /// Calls `object.__getattribute__` / `__setattr__` / `__delattr__` (`w`) with `args`.
    pub(crate) fn call_object_wrapper(
        &self,
        w: &PyObject,
        args: &[Obj<'py>],
    ) -> Option<R<'py, Obj<'py>>> {
        let which = OBJECT_WRAPPER.cast(w)?.get_num(0);
        let name = WRAPPER_NAMES[which.min(2)];
        let want = [2, 3, 2][which.min(2)];
        if args.len() != want {
            return Some(Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "expected {} arguments, got {}",
                    want - 1,
                    args.len().max(1) - 1
                ),
            )));
        }
        let r = (|| {
            let n = unicode::Str::cast(args[1].object())
                .map(unicode::str_value)
                .ok_or_else(|| {
                    self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "attribute name must be string, not '{}'",
                            args[1].ob_type().name()
                        ),
                    )
                })?;
            match name {
                "__getattribute__" => self.generic_getattr(&args[0], &n),
                "__setattr__" => self
                    .generic_setattr(&args[0], &n, Some(&args[2]))
                    .map(|()| none(self.heap)),
                _ => self
                    .generic_setattr(&args[0], &n, None)
                    .map(|()| none(self.heap)),
            }
        })();
        Some(r)
    }

    /// `dir(obj)` of an instance or a class (`object.__dir__`, `type.__dir__`): the instance's
    /// own `__dict__` names, then the names in the dicts along the class's MRO (a script's
    /// class's namespace; a built-in type's names from [`static_type_names`]), sorted without
    /// repeats. `None` where a built-in type along the MRO is not in that table.
    ///
    /// [`static_type_names`]: super::static_type_names
    pub(crate) fn class_dir(&self, obj: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let o = obj.object();
        let (start, own) = match pyrt_objects::types::type_object(o) {
            Some(ty) => (ty, None),
            None => {
                let d = self.getattr(obj, "__dict__").ok();
                (o.ob_type(), d)
            }
        };
        let mut names: Vec<Obj<'py>> = Vec::new();
        let add_dict = |names: &mut Vec<Obj<'py>>, d: &PyObject| -> R<'py, ()> {
            if let Some(d) = dict::Dict::cast(d) {
                for (k, _) in dict::items(heap, d).map_err(err)? {
                    names.push(k);
                }
            }
            Ok(())
        };
        if let Some(d) = &own {
            add_dict(&mut names, d.object())?;
        }
        for cur in class::mro_iter(start) {
            if class::is_heap_type(cur) {
                if let Some(d) = class::class_dict(cur) {
                    add_dict(&mut names, d)?;
                }
                continue;
            }
            let Some((table, _)) = super::static_type_dict::dict_table(cur) else {
                return Ok(None);
            };
            for n in table {
                names.push(self.name_str(n)?);
            }
        }
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| {
            unicode::Str::cast(n.object()).is_none_or(|s| seen.insert(unicode::str_value(s)))
        });
        let l = list::new_list(heap, names).map_err(err)?;
        let view = list::List::cast_internal(l.object()).map_err(err)?;
        pyrt_objects::types::list_sort::sort(heap, view, false).map_err(err)?;
        Ok(Some(l))
    }
}

/// The methods of this module's objects and of [`descriptors`]'s (called by name, as the
/// built-in types' methods are).
pub(crate) fn has_descriptor_method(o: &PyObject, name: &str) -> bool {
    if PROPERTY.is(o) {
        return matches!(
            name,
            "getter" | "setter" | "deleter" | "__get__" | "__set__" | "__delete__"
        );
    }
    if MEMBER.is(o) || GETSET.is(o) {
        return matches!(name, "__get__" | "__set__" | "__delete__");
    }
    if CLASSMETHOD.is(o)
        || STATICMETHOD.is(o)
        || super::vm::is_function(o)
        || pyrt_objects::types::descrobject::is_method_descriptor(o)
    {
        return name == "__get__";
    }
    if descriptors::MAPPINGPROXY.is(o) {
        return matches!(name, "keys" | "values" | "items" | "get" | "copy");
    }
    pyrt_objects::types::type_object(o).is_some() && matches!(name, "__subclasses__" | "mro")
}

impl<'py> Interp<'py> {
    /// `obj.name(*args)` for the objects of [`has_descriptor_method`]; `None` for others.
    pub(crate) fn descriptor_method(
        &self,
        obj: &Obj<'py>,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> Option<R<'py, Obj<'py>>> {
        let o = obj.object();
        if !has_descriptor_method(o, name) {
            return None;
        }
        let heap = self.heap;
        if let Some(ty) = pyrt_objects::types::type_object(o) {
            return Some(self.type_method(ty, name, args, kwargs));
        }
        if let Some(m) = descriptors::proxy_mapping(heap, o) {
            return Some(
                super::methods::call(self, &m, name, args, kwargs).and_then(|r| {
                    r.ok_or_else(|| {
                        self.raise(
                            &exceptions::ATTRIBUTE_ERROR,
                            format!("'mappingproxy' object has no attribute '{name}'"),
                        )
                    })
                }),
            );
        }
        if let Some(d) = pyrt_objects::types::descrobject::MethodDescr::cast(o) {
            return Some(self.method_descriptor_get(obj, d, args, kwargs));
        }
        Some((|| {
            if !kwargs.is_empty() {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("{name}() takes no keyword arguments"),
                ));
            }
            let arity = |min: usize, max: usize| -> R<'py, ()> {
                if args.len() < min || args.len() > max {
                    let msg = if min == max {
                        format!(
                            "expected {min} argument{}, got {}",
                            if min == 1 { "" } else { "s" },
                            args.len()
                        )
                    } else {
                        format!("expected at least {min} argument, got {}", args.len())
                    };
                    return Err(self.raise(&exceptions::TYPE_ERROR, msg));
                }
                Ok(())
            };
            match name {
                "getter" | "setter" | "deleter" => {
                    arity(1, 1)?;
                    let word = match name {
                        "getter" => prop::FGET,
                        "setter" => prop::FSET,
                        _ => prop::FDEL,
                    };
                    self.property_copy(obj, word, args[0].clone())
                }
                "__get__" => {
                    arity(1, 2)?;
                    let none = none(heap);
                    let inst = (!args[0].is(&none)).then(|| args[0].clone());
                    let ty = match args.get(1).filter(|t| !t.is(&none)) {
                        Some(t) => pyrt_objects::types::type_object(t.object()),
                        None => inst.as_ref().map(|i| i.ob_type()),
                    };
                    let Some(ty) = ty else {
                        return Err(
                            self.raise(&exceptions::TYPE_ERROR, "__get__(None, None) is invalid")
                        );
                    };
                    let n = self.descriptor_name(o);
                    self.descr_get(obj.clone(), inst.as_ref(), ty, &n)
                }
                "__set__" => {
                    arity(2, 2)?;
                    let n = self.descriptor_name(o);
                    self.descr_set(obj, &args[0], &n, Some(&args[1]))?;
                    Ok(none(heap))
                }
                _ => {
                    arity(1, 1)?;
                    let n = self.descriptor_name(o);
                    self.descr_set(obj, &args[0], &n, None)?;
                    Ok(none(heap))
                }
            }
        })())
    }

    /// `descr.__get__(obj, type=None)` of a method descriptor (`wrap_descr_get`, then
    /// `method_get`): the descriptor itself for no instance, else the method bound to `obj`
    /// (`list.append.__get__([1])` is `<built-in method append of list object at 0x…>`).
    fn method_descriptor_get(
        &self,
        descr: &Obj<'py>,
        d: &pyrt_objects::types::descrobject::MethodDescr,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let type_error = |m: String| Err(self.raise(&exceptions::TYPE_ERROR, m));
        if !kwargs.is_empty() {
            return type_error("wrapper __get__() takes no keyword arguments".into());
        }
        // `PyArg_UnpackTuple(args, "", 1, 2, ...)`: an empty name before the message.
        match args.len() {
            0 => return type_error(" expected at least 1 argument, got 0".into()),
            1 | 2 => {}
            n => return type_error(format!(" expected at most 2 arguments, got {n}")),
        }
        let none = none(heap);
        if args[0].is(&none) {
            if args.get(1).is_none_or(|t| t.is(&none)) {
                return type_error("__get__(None, None) is invalid".into());
            }
            return Ok(descr.clone());
        }
        let obj = &args[0];
        let owner = d.objclass(heap);
        let fits = pyrt_objects::types::type_object(owner.object())
            .is_some_and(|t| obj.ob_type().is_subtype(t));
        if !fits {
            let owner_name =
                pyrt_objects::types::type_object(owner.object()).map_or("?", |t| t.name());
            return type_error(format!(
                "descriptor '{}' for '{owner_name}' objects doesn't apply to a '{}' object",
                d.name(),
                obj.ob_type().name()
            ));
        }
        if let Some(m) = super::methods::bound(self, obj, d.name())? {
            return Ok(m);
        }
        d.bind(heap, obj.clone()).map_err(|e| self.err(e))
    }

    /// `C.__subclasses__()` and `C.mro()`.
    fn type_method(
        &self,
        ty: &PyTypeObject,
        name: &str,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let (ty, args, owner) = if ty.is_subtype(pyrt_objects::types::TYPE_TYPE.get()) {
            // `type.mro` on `type` or a metaclass is the method descriptor itself, unbound:
            // its first argument is the class (`type.mro(bool)`).
            let Some((first, rest)) = args.split_first() else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("unbound method type.{name}() needs an argument"),
                ));
            };
            let Some(cls) = pyrt_objects::types::type_object(first.object()) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "descriptor '{name}' for 'type' objects doesn't apply to a '{}' object",
                        first.ob_type().name()
                    ),
                ));
            };
            (cls, rest, "type")
        } else {
            // A bound method names the class it is bound to (`int.mro()`).
            (ty, args, ty.name())
        };
        if !args.is_empty() || !kwargs.is_empty() {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("{owner}.{name}() takes no arguments ({} given)", args.len()),
            ));
        }
        let types: Vec<Obj<'py>> = if name == "mro" {
            super::mro::mro_of(ty)
                .into_iter()
                .map(|t| self.type_as_object(t))
                .collect()
        } else {
            class::subclasses(ty)
                .into_iter()
                // SAFETY: a class is in its base's list only while it is alive.
                .map(|t| self.type_as_object(unsafe { t.as_ref() }))
                .collect()
        };
        list::new_list(self.heap, types).map_err(|e| self.err(e))
    }

    /// The attribute name a member or getset descriptor serves (empty for others).
    fn descriptor_name(&self, o: &PyObject) -> String {
        [&MEMBER, &GETSET]
            .into_iter()
            .find_map(|k| k.cast(o))
            .and_then(|t| t.get_ref(self.heap, descriptors::descr::NAME))
            .and_then(|n| unicode::Str::cast(n.object()).map(unicode::str_value))
            .unwrap_or_default()
    }

    /// `property_copy`: a new property like `p` with reference word `word` replaced by `f`
    /// (the docstring taken again from a new getter when it came from the old one).
    fn property_copy(&self, p: &Obj<'py>, word: usize, f: Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let t = PROPERTY
            .cast(p.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        let mut refs: Vec<Option<Obj<'py>>> = (0..5).map(|i| t.get_ref(heap, i)).collect();
        let getter_doc = t.get_num(0) != 0;
        refs[word] = Some(f);
        if getter_doc && word == prop::FGET {
            refs[prop::DOC] = None;
        }
        self.new_property(refs, getter_doc && word != prop::FGET)
    }

    /// A new property of `refs` (fget, fset, fdel, doc, name): a missing doc is the getter's
    /// `__doc__` (`property_init_impl`).
    fn new_property(&self, mut refs: Vec<Option<Obj<'py>>>, getter_doc: bool) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let none = none(heap);
        for r in refs.iter_mut().take(3) {
            if r.as_ref().is_some_and(|v| v.is(&none)) {
                *r = None;
            }
        }
        let mut from_getter = getter_doc;
        if refs[prop::DOC].as_ref().is_none_or(|d| d.is(&none))
            && let Some(fget) = refs[prop::FGET].clone()
            && let Ok(doc) = self.getattr(&fget, "__doc__")
            && !doc.is(&none)
        {
            refs[prop::DOC] = Some(doc);
            from_getter = true;
        }
        for r in refs.iter_mut().take(4) {
            if r.is_none() {
                *r = Some(none.clone());
            }
        }
        PROPERTY
            .alloc(heap, &refs, &[usize::from(from_getter)])
            .map_err(|e| self.err(e))
    }

    /// `mappingproxy(mapping)` (`types.MappingProxyType`, `mappingproxy_new`): a read-only
    /// view of a dict. CPython takes any mapping that is not a list or a tuple; pyrt's proxy
    /// reads its mapping as a dict, so other mappings are refused with a `TypeError` that
    /// says so.
    fn construct_proxy(
        &self,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let params = pyrt_objects::methods::Params::Keywords {
            names: &["mapping"],
            positional: 1,
            required: 1,
        };
        let bound = pyrt_objects::methods::bind("", "mappingproxy", params, args, kwargs)
            .map_err(|e| self.err(e))?;
        let Some(Some(mapping)) = bound.into_iter().next() else {
            return Err(self.err(pyrt_objects::view::bad_internal_call()));
        };
        let o = mapping.object();
        if dict::is_dict(o) {
            return descriptors::new_proxy(self.heap, mapping).map_err(|e| self.err(e));
        }
        let tname = o.ob_type().name();
        let is_mapping = !list::is_list(o)
            && pyrt_objects::types::tuple::Tuple::cast(o).is_none()
            && self.getattr(&mapping, "__getitem__").is_ok();
        let msg = if is_mapping {
            format!("mappingproxy() argument must be a dict in pyrt, not {tname}")
        } else {
            format!("mappingproxy() argument must be a mapping, not {tname}")
        };
        Err(self.raise(&exceptions::TYPE_ERROR, msg))
    }

    /// `property(...)`, `classmethod(f)`, `staticmethod(f)`; `None` for other types.
    pub(crate) fn construct_descriptor(
        &self,
        ty: &PyTypeObject,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> Option<R<'py, Obj<'py>>> {
        let kind = descriptors::is_descriptor_type(ty)?;
        let heap = self.heap;
        Some((|| {
            if core::ptr::eq(kind, &PROPERTY) {
                const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
                if args.len() > 4 {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "property() takes at most 4 arguments ({} given)",
                            args.len()
                        ),
                    ));
                }
                let mut refs: Vec<Option<Obj<'py>>> = vec![None; 5];
                for (i, a) in args.iter().enumerate() {
                    refs[i] = Some(a.clone());
                }
                for (k, v) in kwargs {
                    let Some(i) = NAMES.iter().position(|n| n == k) else {
                        return Err(self.raise(
                            &exceptions::TYPE_ERROR,
                            format!("property() got an unexpected keyword argument '{k}'"),
                        ));
                    };
                    if i < args.len() {
                        return Err(self.raise(
                            &exceptions::TYPE_ERROR,
                            format!(
                                "argument for property() given by name ('{k}') and position ({})",
                                i + 1
                            ),
                        ));
                    }
                    refs[i] = Some(v.clone());
                }
                return self.new_property(refs, false);
            }
            let tname = ty.name();
            if core::ptr::eq(kind, &descriptors::MAPPINGPROXY) {
                return self.construct_proxy(args, kwargs);
            }
            if core::ptr::eq(kind, &CLASSMETHOD) || core::ptr::eq(kind, &STATICMETHOD) {
                if !kwargs.is_empty() {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("{tname}() takes no keyword arguments"),
                    ));
                }
                if args.len() != 1 {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("{tname} expected 1 argument, got {}", args.len()),
                    ));
                }
                return kind
                    .alloc(heap, &[Some(args[0].clone()), None], &[])
                    .map_err(|e| self.err(e));
            }
            Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!("cannot create '{tname}' instances"),
            ))
        })())
    }
}
