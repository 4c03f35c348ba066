//! The C3 method resolution order of a class with several bases (`mro_internal`,
//! `mro_implementation` and `pmerge` of `Objects/typeobject.c`), and the choice of the base
//! that gives the instances their layout (`best_base`).

use core::ptr;

use pyrt_objects::Obj;
use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::{OBJECT_TYPE, class, tuple};

use super::exceptions;
use super::{Interp, R};

/// The MRO of an existing type, as a list.
pub(crate) fn mro_of(ty: &PyTypeObject) -> Vec<&PyTypeObject> {
    if class::has_c3_mro(ty) {
        class::mro_iter(ty).collect()
    } else {
        exceptions::type_mro(ty)
    }
}

impl<'py> Interp<'py> {
    /// `class name(*bases)` with several bases: the C3 linearization of the bases' MROs and
    /// the bases themselves, or CPython's `TypeError`.
    pub(crate) fn c3_mro<'t>(&self, bases: &[&'t PyTypeObject]) -> R<'py, Vec<&'t PyTypeObject>> {
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| ptr::eq(*o, *b)) {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("duplicate base class {}", short_name(b)),
                ));
            }
        }
        let mut seqs: Vec<Vec<&'t PyTypeObject>> = bases.iter().map(|b| mro_of(b)).collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let candidate = seqs
                .iter()
                .map(|s| s[0])
                .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|t| ptr::eq(*t, *c))));
            let Some(c) = candidate else {
                // `set_mro_error`: the heads left, in order, without repeats.
                let mut heads: Vec<&PyTypeObject> = Vec::new();
                for s in &seqs {
                    if !heads.iter().any(|h| ptr::eq(*h, s[0])) {
                        heads.push(s[0]);
                    }
                }
                let names: Vec<&str> = heads.iter().map(|t| short_name(t)).collect();
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                        names.join(", ")
                    ),
                ));
            };
            out.push(c);
            for s in &mut seqs {
                if ptr::eq(s[0], c) {
                    s.remove(0);
                }
            }
        }
    }

    /// `best_base`: the base whose instances' layout (its *solid base*, [`solid_base`]) extends
    /// every other base's, which the new class is made on; `TypeError: multiple bases have
    /// instance lay-out conflict` when two layouts differ (`class C(int, str)`, a base with
    /// `__slots__` names beside `list`). Bases are `object`, classes on it, the built-in types
    /// pyrt subclasses and their subclasses, and the exceptions (`class C(Mixin, list)`, `class
    /// E(ValueError, KeyError)`, `class E(ValueError, OSError)` made on `OSError`).
    pub(crate) fn best_base<'t>(&self, bases: &[&'t PyTypeObject]) -> R<'py, &'t PyTypeObject> {
        let mut best: Option<(&'t PyTypeObject, &'t PyTypeObject)> = None;
        for b in bases {
            if !b
                .flags()
                .contains(pyrt_objects::typeobj::TypeFlags::BASETYPE)
            {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!("type '{}' is not an acceptable base type", b.name()),
                ));
            }
            let supported = ptr::eq(*b, OBJECT_TYPE.get())
                || ptr::eq(*b, pyrt_objects::types::LIST_TYPE.get())
                || matches!(
                    class::class_kind(b),
                    Some(class::ClassKind::Object | class::ClassKind::List)
                )
                || pyrt_objects::types::builtin_subclass::BuiltinBase::of(b).is_some()
                || exceptions::is_exception_class(&b.ob_base.ob_base);
            if !supported {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "pyrt does not support multiple inheritance from '{}' yet",
                        b.name()
                    ),
                ));
            }
            let solid = solid_base(b);
            match best {
                Some((_, w)) if w.is_subtype(solid) => {}
                Some((_, w)) if !solid.is_subtype(w) => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        "multiple bases have instance lay-out conflict",
                    ));
                }
                _ => best = Some((b, solid)),
            }
        }
        Ok(best.map_or(bases[0], |(b, _)| b))
    }

    /// After `cls` was made on its best base: all its bases and its C3 MRO.
    pub(crate) fn set_c3(
        &self,
        cls: &Obj<'py>,
        bases: &[Obj<'py>],
        mro: &[&PyTypeObject],
    ) -> R<'py, ()> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let bases_t = tuple::new_tuple(heap, bases.to_vec()).map_err(err)?;
        let mut items = vec![cls.clone()];
        items.extend(mro.iter().map(|t| self.type_as_object(t)));
        let mro_t = tuple::new_tuple(heap, items).map_err(err)?;
        class::set_bases_and_c3_mro(heap, cls.object(), bases_t, mro_t).map_err(err)
    }
}

/// A type's `__name__`: a static type's name after its last dot.
fn short_name(t: &PyTypeObject) -> &str {
    let full = t.name();
    if class::is_heap_type(t) {
        full
    } else {
        full.rsplit('.').next().unwrap_or(full)
    }
}

/// `solid_base`: the type whose layout `t`'s instances have, the first along its bases that adds
/// to its base's struct (`extra_ivars`: a larger `__basicsize__` or another `__itemsize__`;
/// managed dicts and weakref lists are outside the struct): `int` for `bool` and int
/// subclasses, `BaseException` for `ValueError`, `OSError` for its subclasses, a class with
/// `__slots__` names for itself.
fn solid_base(t: &PyTypeObject) -> &PyTypeObject {
    let mut t = t;
    while let Some(b) = t.base() {
        if t.basicsize() != b.basicsize() || t.itemsize() != b.itemsize() {
            return t;
        }
        t = b;
    }
    t
}
