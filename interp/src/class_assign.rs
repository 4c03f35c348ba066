//! `obj.__class__ = C` and `del obj.__class__` as the attribute protocol reaches them: the
//! setter of `object.__class__` (`object_set_class` in CPython's `Objects/typeobject.c`),
//! whose layout checks and reference swap are
//! [`pyrt_objects::types::class_assign::set_class`].

use pyrt_objects::Obj;
use pyrt_objects::types::class_assign;

use super::exceptions;
use super::{Interp, R};

impl<'py> Interp<'py> {
    /// `object.__class__.__set__(obj, value)` (`None`: `del obj.__class__`).
    pub(crate) fn object_set_class(&self, obj: &Obj<'py>, value: Option<&Obj<'py>>) -> R<'py, ()> {
        let Some(value) = value else {
            return Err(self.raise(&exceptions::TYPE_ERROR, "can't delete __class__ attribute"));
        };
        let Some(newto) = pyrt_objects::types::type_object(value.object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "__class__ must be set to a class, not '{}' object",
                    value.ob_type().name()
                ),
            ));
        };
        class_assign::set_class(self.heap, obj.object(), newto).map_err(|e| self.err(e))
    }
}
