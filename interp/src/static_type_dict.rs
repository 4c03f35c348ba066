//! `T.__dict__` of a built-in static type (`type_dict` in `Objects/typeobject.c`: a
//! `mappingproxy` over the `tp_dict` that `type_ready` fills): a real dict with CPython 3.12.1's
//! keys in CPython's order ([`static_type_names::dict_names`]), built once per session on first
//! use and kept by the interpreter (static types are immortal; their dicts live as long as the
//! session and are dropped with it, never by a collection).
//!
//! Each value is made by the kind CPython's dict holds ([`static_type_names::dict_kinds`]):
//! `getset_descriptor` and `member_descriptor` values are made here (`int.real`,
//! `range.start`, `BaseException.args`), `__doc__` is the type's docstring, `__hash__` of an
//! unhashable type is None; the other values (slot wrappers, methods, `__new__`) are what
//! `T.name` answers, so the dict and the attribute agree (`int.__dict__['__add__'] is
//! int.__add__`, the one wrapper per type and name of [`Interp::one_wrapper_descr`]). A name
//! pyrt does not resolve yet is left out of the dict rather than faked.

use core::ptr;

use pyrt_objects::Obj;
use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::descrobject::{
    ClassMethodDescr, new_table_classmethod_descriptor, new_table_method_descriptor, type_methods,
};
use pyrt_objects::types::{class, dict, none};

use super::descriptors::{self, GETSET, MEMBER};
use super::static_type_names;
use super::{Interp, R};

/// A static type's name as its dict table knows it (`tp_name` after its last dot).
fn table_name(ty: &PyTypeObject) -> &str {
    let full = ty.name();
    full.rsplit('.').next().unwrap_or(full)
}

/// The names in static type `ty`'s dict and their kinds: the generated table's, or for a
/// type of a built-in module that CPython makes as a heap type (which the generator leaves
/// out), its module's (`_random.Random`).
pub(crate) fn dict_table(ty: &PyTypeObject) -> Option<(&'static [&'static str], &'static str)> {
    let name = table_name(ty);
    match (
        static_type_names::dict_names(name),
        static_type_names::dict_kinds(name),
    ) {
        (Some(names), Some(kinds)) => Some((names, kinds)),
        _ => super::random_module::dict_table(ty),
    }
}

/// Whether `name` is a data descriptor of `type` or `object` (`type.__name__`,
/// `object.__class__`): on a type it gives the metatype's value, not the type's descriptor.
fn is_meta_data_descriptor(name: &str) -> bool {
    ["type", "object"].into_iter().any(|t| {
        let names = static_type_names::dict_names(t).unwrap_or(&[]);
        let kinds = static_type_names::dict_kinds(t).unwrap_or("");
        names
            .iter()
            .zip(kinds.chars())
            .any(|(n, k)| *n == name && matches!(k, 'g' | 'M'))
    })
}

impl<'py> Interp<'py> {
    /// `T.__dict__` for a built-in static type `ty`: a new `mappingproxy` over the type's dict
    /// (built on first use, then the same dict). `None` for a class made at run time or a
    /// static type the generated table does not list.
    pub(crate) fn static_type_dict_proxy(&self, ty: &PyTypeObject) -> R<'py, Option<Obj<'py>>> {
        let Some(d) = self.static_type_dict(ty)? else {
            return Ok(None);
        };
        descriptors::new_proxy(self.heap, d)
            .map(Some)
            .map_err(|e| self.err(e))
    }

    /// The dict of built-in static type `ty` (see the module doc), made once per session.
    pub(crate) fn static_type_dict(&self, ty: &PyTypeObject) -> R<'py, Option<Obj<'py>>> {
        if class::is_heap_type(ty) {
            return Ok(None);
        }
        let key = ptr::from_ref(ty).addr();
        if let Some(d) = self.static_type_dicts.borrow().get(&key) {
            return Ok(Some(d.clone()));
        }
        let Some((names, kinds)) = dict_table(ty) else {
            return Ok(None);
        };
        let d = dict::new_dict(self.heap).map_err(|e| self.err(e))?;
        let view = dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))?;
        for (&entry, kind) in names.iter().zip(kinds.chars()) {
            if let Some(value) = self.static_dict_value(ty, entry, kind)? {
                let k = self.name_str(entry)?;
                dict::set_item(self.heap, view, k, value).map_err(|e| self.err(e))?;
            }
        }
        // A lookup made while building (a value's own lookup) may have built it already.
        let kept = self
            .static_type_dicts
            .borrow_mut()
            .entry(key)
            .or_insert(d)
            .clone();
        Ok(Some(kept))
    }

    /// `T.name` through the dicts of the static types along `ty`'s bases, for a descriptor
    /// the other lookups do not make: a `getset_descriptor` (`int.real`), a
    /// `member_descriptor` (`range.start`) or a `method_descriptor` of a method table
    /// (`list.append`, `bool.bit_length`: `<method 'bit_length' of 'int' objects>`). The
    /// value is the dict's own, so `int.__dict__['real'] is int.real`.
    pub(crate) fn static_type_dict_attr(
        &self,
        ty: &PyTypeObject,
        name: &str,
    ) -> R<'py, Option<Obj<'py>>> {
        let mut t = Some(ty);
        while let Some(cur) = t {
            t = cur.base();
            if class::is_heap_type(cur) {
                continue;
            }
            let Some((names, kinds)) = dict_table(cur) else {
                continue;
            };
            let Some(pos) = names.iter().position(|n| *n == name) else {
                continue;
            };
            let kind = kinds.chars().nth(pos);
            let wanted = match kind {
                Some('g' | 'M') => !is_meta_data_descriptor(name),
                Some('m') => type_methods(cur).is_some_and(|m| m.has(name)),
                _ => false,
            };
            if !wanted {
                return Ok(None);
            }
            let Some(d) = self.static_type_dict(cur)? else {
                return Ok(None);
            };
            let view = dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))?;
            let k = self.name_str(name)?;
            return dict::get_item(self.heap, view, k.object()).map_err(|e| self.err(e));
        }
        Ok(None)
    }

    /// The value of entry `name` (of kind letter `kind`) of static type `ty`'s dict, `None`
    /// where pyrt has none.
    fn static_dict_value(
        &self,
        ty: &PyTypeObject,
        name: &str,
        kind: char,
    ) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        match kind {
            'N' => return Ok(Some(none(heap))),
            'd' => {
                if let Some(doc) = self.static_type_doc(ty)? {
                    return Ok(Some(doc));
                }
            }
            'g' | 'M' => {
                let descr_kind = if kind == 'g' { &GETSET } else { &MEMBER };
                let n = self.name_str(name)?;
                return descriptors::new_class_descriptor(
                    heap,
                    descr_kind,
                    self.type_as_object(ty),
                    n,
                    0,
                )
                .map(Some)
                .map_err(|e| self.err(e));
            }
            'm' | 'c' => {
                let made = if kind == 'm' {
                    new_table_method_descriptor(heap, ty, name)
                } else {
                    new_table_classmethod_descriptor(heap, ty, name)
                };
                if let Some(d) = made.map_err(|e| self.err(e))? {
                    return Ok(Some(d));
                }
            }
            _ => {}
        }
        let ty_obj = self.type_as_object(ty);
        match self.getattr(&ty_obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(u) if self.is_attribute_error(&u) => Ok(None),
            Err(u) => Err(u),
        }
    }

    /// `descr(T, *args, **kwargs)` for a class method descriptor of a built-in type
    /// (`dict.__dict__['fromkeys'](dict, 'ab')`, `classmethoddescr_call`): `T` must be a
    /// subtype of the owning type; then `T.name(*args, **kwargs)`.
    pub(crate) fn call_classmethod_descriptor(
        &self,
        d: &ClassMethodDescr,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let name = d.name();
        let owner = d.objclass(self.heap);
        let owner_name = pyrt_objects::types::type_object(owner.object()).map_or("?", |t| t.name());
        let type_error = |m: String| Err(self.raise(&super::exceptions::TYPE_ERROR, m));
        let Some((cls, rest)) = args.split_first() else {
            return type_error(format!(
                "descriptor '{name}' of '{owner_name}' object needs an argument"
            ));
        };
        let Some(ty) = pyrt_objects::types::type_object(cls.object()) else {
            return type_error(format!(
                "descriptor '{name}' for type '{owner_name}' needs a type, not a '{}' as arg 2",
                cls.ob_type().name()
            ));
        };
        let fits =
            pyrt_objects::types::type_object(owner.object()).is_some_and(|o| ty.is_subtype(o));
        if !fits {
            return type_error(format!(
                "descriptor '{name}' requires a subtype of '{owner_name}' but received '{}'",
                ty.name()
            ));
        }
        let bound = self.getattr(cls, name)?;
        self.call(&bound, rest.to_vec(), kwargs)
    }
}
