//! `__import__(name, globals=None, locals=None, fromlist=(), level=0)` (`builtin___import__`
//! of `Python/bltinmodule.c`, over `PyImport_ImportModuleLevelObject` of `Python/import.c`):
//! the function the `import` statement stands for, called by hand. Without a `fromlist` it
//! returns the top-level package of a dotted name (`__import__('os.path')` is `os`); with one,
//! the named module itself, after importing the submodules the list names. A relative import
//! (`level > 0`) resolves against the calling frame's `__package__`/`__name__`, which is what
//! the `globals()` a caller passes holds.

use pyrt_objects::Obj;
use pyrt_objects::types::{long, tuple, unicode};

use super::super::exceptions;
use super::super::{Interp, R};
use super::arg;

pub(super) fn dunder_import<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let name_obj = arg(interp, bound, 0)?;
    let Some(name) = unicode::Str::cast(name_obj.object()).map(unicode::str_value) else {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "module name must be a string"));
    };
    let level_obj = match bound.get(4).cloned().flatten() {
        Some(l) => l,
        None => long::int_from_i64(heap, 0).map_err(err)?,
    };
    let Some(level) = long::object_as_i64(level_obj.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                level_obj.ob_type().name()
            ),
        ));
    };
    if level < 0 {
        return Err(interp.raise(&exceptions::VALUE_ERROR, "level must be >= 0"));
    }
    if level == 0 && name.is_empty() {
        return Err(interp.raise(&exceptions::VALUE_ERROR, "Empty module name"));
    }
    if level == 0 && name.starts_with('.') {
        // No finder knows a name that starts with a dot.
        return Err(interp.raise(
            &exceptions::MODULE_NOT_FOUND_ERROR,
            format!("No module named '{name}'"),
        ));
    }
    // The fromlist as `IMPORT_NAME` takes it: a tuple of names, or None for a plain import.
    let fromlist = match bound.get(3).cloned().flatten() {
        Some(f) if interp.vm_truth(&f)? => tuple::sequence_tuple(heap, &f).map_err(err)?,
        _ => pyrt_objects::types::none(heap),
    };
    interp.vm_import_name(&name, &fromlist, &level_obj)
}
