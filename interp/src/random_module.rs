//! The built-in module `_random` (`Modules/_randommodule.c`): its type `Random`, whose
//! generator and methods are the object layer's ([`pyrt_objects::types::random`]), and the
//! interpreter's part of making one: `type_call` with `PyType_GenericNew` and `random_init`,
//! for the type itself and for classes on it that have no `__init__` of their own.

use pyrt_objects::Obj;
use pyrt_objects::typeobj::PyTypeObject;
use pyrt_objects::types::random::{self, RANDOM_TYPE, Random};
use pyrt_objects::types::{class, unicode};

use super::{Interp, R};

/// `_random`'s `__doc__`.
const MODULE_DOC: &str = "Module implements the Mersenne Twister random number generator.";

/// `_random.Random.__doc__`.
const TYPE_DOC: &str = "Random() -> create a random number generator with its own internal state.";

/// `list(_random.Random.__dict__)` (CPython makes the type from a spec, so the generated
/// table of static types leaves it out) and the kinds of the values, as
/// [`static_type_names::dict_kinds`](super::static_type_names::dict_kinds) letters them.
const DICT_NAMES: &[&str] = &[
    "__new__",
    "__init__",
    "random",
    "seed",
    "getstate",
    "setstate",
    "getrandbits",
    "__doc__",
    "__module__",
];
const DICT_KINDS: &str = "nwmmmmmdo";

/// The names and kinds of `ty`'s dict, if `ty` is `_random.Random`.
pub(crate) fn dict_table(ty: &PyTypeObject) -> Option<(&'static [&'static str], &'static str)> {
    core::ptr::eq(ty, RANDOM_TYPE.get()).then_some((DICT_NAMES, DICT_KINDS))
}

/// `T.__doc__`, if `ty` is `_random.Random`.
pub(crate) fn type_doc(ty: &PyTypeObject) -> Option<&'static str> {
    core::ptr::eq(ty, RANDOM_TYPE.get()).then_some(TYPE_DOC)
}

/// The attributes of the built-in module `_random`: its doc and the type.
pub(crate) fn module_attributes<'py>(
    interp: &Interp<'py>,
) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    // SAFETY: a static type object is immortal.
    let ty = unsafe { Obj::from_borrowed(interp.heap, &RANDOM_TYPE.get().ob_base.ob_base) };
    let doc = unicode::new_str(interp.heap, MODULE_DOC).map_err(|e| interp.err(e))?;
    Ok(vec![("__doc__", doc), ("Random", ty)])
}

/// `_random.Random(*args, **kwargs)`: a zeroed generator (`PyType_GenericNew`), seeded by
/// [`random_init`].
pub(crate) fn construct<'py>(
    interp: &Interp<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let r = random::new_random(interp.heap).map_err(|e| interp.err(e))?;
    random_init(interp, &r, args, kwargs)?;
    Ok(r)
}

/// `random_init`, the `__init__` of `_random.Random` run on `r` (by the type's call, or as
/// `_random.Random.__init__(r, ...)`, `super().__init__(...)`): seeds it with the one
/// argument, or from the system without one. Keywords are refused only when `r`'s own
/// `__init__` is this one (an exact instance, or a class that defines none); a class's
/// `__init__` may pass them on and they are ignored, as CPython's `tp_init` check does.
pub(crate) fn random_init<'py>(
    interp: &Interp<'py>,
    r: &Obj<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> R<'py, ()> {
    let view = Random::cast_internal(r.object()).map_err(|e| interp.err(e))?;
    let ty = r.ob_type();
    let own_init = !class::is_heap_type(ty) || interp.class_lookup(ty, "__init__").is_none();
    random::random_init(interp.heap, view, args, !kwargs.is_empty(), own_init)
        .map_err(|e| interp.err(e))
}
