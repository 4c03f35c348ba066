//! What `type_new` (`Objects/typeobject.c`) does to a class's namespace around making the
//! class: `__qualname__` leaves the namespace (it becomes the class's own), then the
//! namespace gains, in CPython's order, a `member_descriptor` per `__slots__` name, the
//! `getset_descriptor`s `__dict__` and `__weakref__` when the class adds them, and
//! `__doc__` (`None`) when the body set none; properties learn their names
//! (`__set_name__`). Also `type(name, bases, dict)`.

use pyrt_objects::typeobj::{PyTypeObject, TypeFlags};
use pyrt_objects::types::exceptions::{Exception as ExceptionView, add_note_to};
use pyrt_objects::types::{class, dict, none, slot_defs, tuple, unicode};
use pyrt_objects::{Obj, abstract_};

use super::descriptors::{self, GETSET, MEMBER, PROPERTY, prop};
use super::exceptions;
use super::{Interp, R, Unwind};

impl<'py> Interp<'py> {
    /// `type(name, bases, dict)` and `type.__new__(meta, name, bases, dict, **kwargs)`: a
    /// class made from a copy of `ns`, with `__module__` (when `ns` has none) the caller's
    /// module name, an instance
    /// of the most derived of `meta` (`type` for `None`) and its bases' metaclasses.
    pub(crate) fn type_new(
        &self,
        meta: Option<&Obj<'py>>,
        name: &Obj<'py>,
        bases: &Obj<'py>,
        ns: &Obj<'py>,
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let wrong = |i: usize, what: &str, o: &Obj<'py>| {
            self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "type.__new__() argument {i} must be {what}, not {}",
                    o.ob_type().name()
                ),
            )
        };
        let Some(n) = unicode::Str::cast(name.object()) else {
            return Err(wrong(1, "str", name));
        };
        let Some(b) = tuple::Tuple::cast(bases.object()) else {
            return Err(wrong(2, "tuple", bases));
        };
        let Some(src) = dict::Dict::cast(ns.object()) else {
            return Err(wrong(3, "dict", ns));
        };
        let class_name = unicode::str_value(n);
        if class_name.contains('\0') {
            // `type_new_set_name`.
            return Err(self.raise(
                &exceptions::VALUE_ERROR,
                "type name must not contain null characters",
            ));
        }
        let bases: Vec<Obj<'py>> = tuple::items(b)
            .iter()
            // SAFETY: the tuple holds its items.
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
            .collect();
        let copy = dict::new_dict(heap).map_err(err)?;
        let view = dict::Dict::cast_internal(copy.object()).map_err(err)?;
        for (k, v) in dict::items(heap, src).map_err(err)? {
            dict::set_item(heap, view, k, v).map_err(err)?;
        }
        self.set_module_from_caller(view)?;
        let meta = match meta {
            Some(m) => self.winning_metaclass(m.clone(), &bases)?,
            None => self.winning_metaclass(
                self.type_as_object(pyrt_objects::types::TYPE_TYPE.get()),
                &bases,
            )?,
        };
        let meta = meta.as_ref().and_then(|m| class::Class::cast(m.object()));
        self.new_class(&class_name, &bases, copy, kwargs, meta)
    }

    /// `type_new_set_module`: a namespace without `__module__` gets the running frame's
    /// `globals()['__name__']` (nothing when the globals have none).
    fn set_module_from_caller(&self, ns: &dict::Dict) -> R<'py, ()> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let key = self.name_str("__module__")?;
        if dict::get_item(heap, ns, key.object())
            .map_err(err)?
            .is_some()
        {
            return Ok(());
        }
        let Some(globals) = self.running_frame().and_then(|f| f.globals(heap)) else {
            return Ok(());
        };
        let Some(g) = dict::Dict::cast(globals.object()) else {
            return Ok(());
        };
        let name = self.name_str("__name__")?;
        if let Some(m) = dict::get_item(heap, g, name.object()).map_err(err)? {
            dict::set_item(heap, ns, key, m).map_err(err)?;
        }
        Ok(())
    }

    /// `type_new_slots`: the class's `__slots__` (absent: `None`), checked item by item as
    /// `type_new_visit_slots` does (strings, identifiers, `__dict__` and `__weakref__` once
    /// and only where the base has none), then the special two followed by the member names,
    /// private ones mangled with the class name, sorted (`type_new_copy_slots`).
    pub(crate) fn class_slots(
        &self,
        class_name: &str,
        ns: &dict::Dict,
        base: Option<&pyrt_objects::PyObject>,
    ) -> R<'py, Option<Vec<String>>> {
        let heap = self.heap;
        let key = self.name_str("__slots__")?;
        let Some(slots) = dict::get_item(heap, ns, key.object()).map_err(|e| self.err(e))? else {
            return Ok(None);
        };
        let items = if unicode::is_str(slots.object()) {
            vec![slots]
        } else {
            self.collect(&slots)?
        };
        let base_ty = base.and_then(pyrt_objects::types::type_object);
        if let Some(b) = base_ty
            && !items.is_empty()
            && b.itemsize() != 0
        {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    b.name()
                ),
            ));
        }
        let base_flags = base_ty.map_or(TypeFlags(0), PyTypeObject::flags);
        let may_add_dict = !base_flags.contains(TypeFlags::MANAGED_DICT)
            && !base.is_some_and(exceptions::is_exception_class);
        let may_add_weak = !base_flags.contains(TypeFlags::MANAGED_WEAKREF)
            && base_ty.is_none_or(|b| b.weaklistoffset() == 0 && b.itemsize() == 0);
        let (mut specials, mut names) = (Vec::new(), Vec::new());
        for item in &items {
            let Some(s) = unicode::Str::cast(item.object()).map(unicode::str_value) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "__slots__ items must be strings, not '{}'",
                        item.ob_type().name()
                    ),
                ));
            };
            if !class::is_identifier(&s) {
                return Err(self.raise(&exceptions::TYPE_ERROR, "__slots__ must be identifiers"));
            }
            let may_add = match s.as_str() {
                "__dict__" => may_add_dict,
                "__weakref__" => may_add_weak,
                _ => {
                    names.push(mangle(class_name, s));
                    continue;
                }
            };
            if !may_add || specials.contains(&s) {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("{s} slot disallowed: we already got one"),
                ));
            }
            specials.push(s);
        }
        names.sort();
        specials.extend(names);
        Ok(Some(specials))
    }

    /// Before the class is made: `__qualname__` leaves the namespace (given back), so does
    /// `__classcell__`, and a `__slots__` name
    /// that is also a class attribute is refused.
    pub(crate) fn prepare_namespace(
        &self,
        ns: &dict::Dict,
        slots: Option<&[String]>,
    ) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let key = self.name_str("__qualname__")?;
        let qualname = dict::pop(heap, ns, key.object()).map_err(err)?;
        if let Some(q) = &qualname
            && !unicode::is_str(q.object())
        {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "type __qualname__ must be a str, not {}",
                    q.ob_type().name()
                ),
            ));
        }
        // `type_new_set_classcell`: the class body's `__classcell__` leaves the namespace too
        // (`__build_class__` fills the cell with the class).
        let cell_key = self.name_str("__classcell__")?;
        if let Some(c) = dict::pop(heap, ns, cell_key.object()).map_err(err)?
            && pyrt_objects::types::cell::CellObject::cast(c.object()).is_none()
        {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "__classcell__ must be a nonlocal cell, not <class '{}'>",
                    c.ob_type().name()
                ),
            ));
        }
        self.implicit_classmethods(ns)?;
        for s in slots.unwrap_or_default() {
            if matches!(s.as_str(), "__dict__" | "__weakref__") {
                continue;
            }
            let k = self.name_str(s)?;
            if dict::get_item(heap, ns, k.object()).map_err(err)?.is_some() {
                return Err(self.raise(
                    &exceptions::VALUE_ERROR,
                    format!("'{s}' in __slots__ conflicts with class variable"),
                ));
            }
        }
        Ok(qualname)
    }

    /// `type_new_set_classmethod`: a plain function as `__init_subclass__` or
    /// `__class_getitem__` becomes a `classmethod` in the namespace, so `super()` and the
    /// class's attribute bind it to the class.
    fn implicit_classmethods(&self, ns: &dict::Dict) -> R<'py, ()> {
        let heap = self.heap;
        for name in ["__init_subclass__", "__class_getitem__"] {
            let key = self.name_str(name)?;
            if let Some(f) = dict::get_item(heap, ns, key.object()).map_err(|e| self.err(e))?
                && super::vm::is_function(f.object())
            {
                let cm = descriptors::CLASSMETHOD
                    .alloc(heap, &[Some(f), None], &[])
                    .map_err(|e| self.err(e))?;
                dict::set_item(heap, ns, key, cm).map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }

    /// After the class is made: its descriptors and `__doc__` join its namespace, and its
    /// properties learn their names.
    pub(crate) fn fill_namespace(
        &self,
        cls: &Obj<'py>,
        slots: Option<&[String]>,
        qualname: Option<Obj<'py>>,
    ) -> R<'py, ()> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let Some(ty) = pyrt_objects::types::type_object(cls.object()) else {
            return Ok(());
        };
        if let Some(c) = class::Class::of_type(ty)
            && let Some(q) = qualname
                .as_ref()
                .and_then(|q| unicode::Str::cast(q.object()))
        {
            class::set_class_qualname(c, &unicode::str_value(q));
        }
        let Some(d) = class::class_dict(ty).and_then(dict::Dict::cast) else {
            return Ok(());
        };
        for (k, v) in dict::items(heap, d).map_err(err)? {
            if let Some(p) = PROPERTY.cast(v.object()) {
                p.set_ref(heap, prop::NAME, Some(k));
            }
        }
        let base_flags = ty.base().map_or(0, |b| b.flags().0);
        let adds = |f: TypeFlags| ty.flags().contains(f) && base_flags & f.0 == 0;
        let inherited = ty.base().map_or(0, |b| class::class_names(b).len());
        let own = slots
            .unwrap_or_default()
            .iter()
            .filter(|s| !matches!(s.as_str(), "__dict__" | "__weakref__"));
        for (i, s) in own.enumerate() {
            self.put_descriptor(d, cls, &MEMBER, s, inherited + i)?;
        }
        if adds(TypeFlags::MANAGED_DICT) {
            self.put_descriptor(d, cls, &GETSET, "__dict__", 0)?;
        }
        if adds(TypeFlags::MANAGED_WEAKREF) {
            self.put_descriptor(d, cls, &GETSET, "__weakref__", 1)?;
        }
        let doc = self.name_str("__doc__")?;
        if dict::get_item(heap, d, doc.object())
            .map_err(err)?
            .is_none()
        {
            dict::set_item(heap, d, doc, none(heap)).map_err(err)?;
        }
        Ok(())
    }

    /// `type_new_set_names`: `__set_name__(cls, name)` on each value of the class's
    /// namespace whose type defines it, in the namespace's order; an error propagates with
    /// CPython 3.12's note (`Error calling __set_name__ on 'D' instance 'd' in 'H'`).
    pub(crate) fn set_names(&self, cls: &Obj<'py>, ty: &PyTypeObject) -> R<'py, ()> {
        let heap = self.heap;
        let Some(ns) = class::class_dict(ty).and_then(dict::Dict::cast) else {
            return Ok(());
        };
        for (k, v) in dict::items(heap, ns).map_err(|e| self.err(e))? {
            let Some(f) = slot_defs::lookup(heap, v.ob_type(), "__set_name__") else {
                continue;
            };
            let note = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                v.ob_type().name(),
                abstract_::repr(heap, k.object()).map_err(|e| self.err(e))?,
                ty.name()
            );
            // `_PyObject_LookupSpecial`: bound to the value as its attribute would be.
            // (An error of the binding itself gets no note.)
            let f = self.descr_get(f, Some(&v), v.ob_type(), "__set_name__")?;
            if let Err(u) = self.call(&f, vec![cls.clone(), k], Vec::new()) {
                return Err(self.with_note(u, &note));
            }
        }
        Ok(())
    }

    /// `u` with `note` added to its exception's `__notes__` (`_PyErr_FormatNote`; an
    /// exception that cannot take the note propagates unchanged).
    fn with_note(&self, u: Unwind<'py>, note: &str) -> Unwind<'py> {
        let Unwind::Raise(r) = &u;
        if let Some(e) = ExceptionView::cast(r.exc.object())
            && let Ok(n) = unicode::new_str(self.heap, note)
        {
            let _ = add_note_to(self.heap, e, n);
        }
        u
    }

    /// `init_subclass`: `super(ty, ty).__init_subclass__(**kwargs)`: the first
    /// `__init_subclass__` along the MRO after `ty`, bound as `super()` binds (an implicit
    /// class method gets the class), else `object.__init_subclass__`, which takes no keywords.
    pub(crate) fn init_subclass(
        &self,
        ty: &PyTypeObject,
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        let heap = self.heap;
        let key = self.name_str("__init_subclass__")?;
        // (Of the built-in types only `object` defines it: the static ones are skipped.)
        for base in class::mro_iter(ty)
            .skip(1)
            .filter(|b| class::is_heap_type(b))
        {
            let Some(d) = class::class_dict(base).and_then(dict::Dict::cast) else {
                continue;
            };
            if let Some(f) = dict::get_item(heap, d, key.object()).map_err(|e| self.err(e))? {
                let bound = self.descr_get(f, None, ty, "__init_subclass__")?;
                self.call(&bound, Vec::new(), kwargs.to_vec())?;
                return Ok(());
            }
        }
        if kwargs.is_empty() {
            return Ok(());
        }
        Err(self.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "{}.__init_subclass__() takes no keyword arguments",
                ty.name()
            ),
        ))
    }

    fn put_descriptor(
        &self,
        d: &dict::Dict,
        cls: &Obj<'py>,
        kind: &'static super::objects::Kind,
        name: &str,
        index: usize,
    ) -> R<'py, ()> {
        let heap = self.heap;
        let n = self.name_str(name)?;
        let descr = descriptors::new_class_descriptor(heap, kind, cls.clone(), n.clone(), index)
            .map_err(|e| self.err(e))?;
        dict::set_item(heap, d, n, descr).map_err(|e| self.err(e))
    }
}

/// `_Py_Mangle(class_name, name)`: a private name (`__x`, not `__x__`) gets the class's name
/// without its leading underscores in front (`_C__x`); a class named only by underscores
/// mangles nothing.
fn mangle(class_name: &str, name: String) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name;
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name;
    }
    format!("_{stripped}{name}")
}

impl<'py> Interp<'py> {
    /// `PyMapping_Check(o)`: `o`'s type subscripts (`mp_subscript`): a dict, list, tuple, str,
    /// bytes or range, or a class defining `__getitem__` (or derived from one of those).
    pub(crate) fn is_mapping(&self, o: &Obj<'py>) -> bool {
        use pyrt_objects::types::{
            BYTES_TYPE, DICT_TYPE, LIST_TYPE, STR_TYPE, TUPLE_TYPE, range::RANGE_TYPE,
        };
        let subscripted = [
            &DICT_TYPE,
            &LIST_TYPE,
            &TUPLE_TYPE,
            &STR_TYPE,
            &BYTES_TYPE,
            &RANGE_TYPE,
        ];
        let ty = o.ob_type();
        subscripted.iter().any(|t| ty.is_subtype(t.get()))
            || descriptors::MAPPINGPROXY.is(o.object())
            || (class::is_heap_type(ty) && self.class_lookup(ty, "__getitem__").is_some())
    }

    /// `PyMapping_GetOptionalItem(mapping, key)` for a namespace that is not an exact dict
    /// (a class body's `__prepare__` result): `mapping[key]`, `None` on `KeyError`.
    pub(crate) fn mapping_get_optional(
        &self,
        mapping: &Obj<'py>,
        key: &Obj<'py>,
    ) -> R<'py, Option<Obj<'py>>> {
        if dict::is_exact_dict(mapping.object())
            && let Some(d) = dict::Dict::cast(mapping.object())
        {
            return dict::get_item(self.heap, d, key.object()).map_err(|e| self.err(e));
        }
        match self.getitem(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(u) if self.is_key_error(&u) => Ok(None),
            Err(u) => Err(u),
        }
    }

    fn is_key_error(&self, u: &Unwind<'py>) -> bool {
        let Unwind::Raise(r) = u;
        r.exc.ob_type().is_subtype(exceptions::KEY_ERROR.get())
    }
}
