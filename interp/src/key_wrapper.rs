//! `functools.KeyWrapper` (`Modules/_functoolsmodule.c`'s `keyobject`): what
//! `functools.cmp_to_key(mycmp)` returns, and what calling it with an object makes. Two
//! wrappers compare by `mycmp(a, b)` against 0; the wrapper is not hashable.
//!
//! `keyobject` is `cmp` and `object` after the header (basic size 32, `sys.getsizeof` 48
//! with the GC header), an interpreter [`Kind`] of two references.

use pyrt_objects::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, long, none};
use pyrt_objects::{CompareOp, ExcKind, Heap, Obj, PyErr, PyObject, PyResult, abstract_};

use super::objects::{Kind, clear, dealloc, traverse};
use super::{Interp, R};

/// The comparison function word.
const CMP: usize = 0;
/// The wrapped object word (empty in what `cmp_to_key` returns).
const OBJECT: usize = 1;

/// `obj`: the wrapped object, `None` when there is none (`keyobject_members`).
static KEY_MEMBERS: [Member; 1] = [Member {
    name: "obj",
    get: |h, o| {
        let k = KEY_WRAPPER
            .cast(o)
            .ok_or_else(pyrt_objects::view::bad_internal_call)?;
        Ok(k.get_ref(h, OBJECT).unwrap_or_else(|| none(h)))
    },
}];

static KEY_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: |_, o| {
        Ok(format!(
            "<{} object at {:#x}>",
            o.ob_type().name(),
            core::ptr::from_ref(o).addr()
        ))
    },
    str: None,
    hash: None,
    richcompare: Some(richcompare),
    number: None,
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &KEY_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `functools.KeyWrapper`.
pub(crate) static KEY_WRAPPER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "functools.KeyWrapper",
        basicsize: 32,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC,
        base: Some(&OBJECT_TYPE),
        slots: &KEY_SLOTS,
    },
);

/// Key wrappers: `cmp`, `object`.
pub(crate) static KEY_WRAPPER: Kind = Kind::new(&KEY_WRAPPER_TYPE, 2, 0);

/// `keyobject_richcompare`: `cmp(self.obj, other.obj) op 0`; the other side must be a key
/// wrapper too.
fn richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(x), Some(y)) = (KEY_WRAPPER.cast(a), KEY_WRAPPER.cast(b)) else {
        return Err(PyErr::new(
            ExcKind::TypeError,
            "other argument must be K instance",
        ));
    };
    let missing = || PyErr::new(ExcKind::AttributeError, "object");
    let cmp = x.get_ref(heap, CMP).ok_or_else(missing)?;
    let left = x.get_ref(heap, OBJECT).ok_or_else(missing)?;
    let right = y.get_ref(heap, OBJECT).ok_or_else(missing)?;
    let res = abstract_::call_object(heap, cmp.object(), &[left.object(), right.object()])?;
    let zero = long::int_from_i64(heap, 0)?;
    abstract_::compare(heap, res.object(), zero.object(), op).map(Some)
}

/// `cmp_to_key(mycmp)`: a key wrapper with no object.
pub(crate) fn cmp_to_key<'py>(interp: &Interp<'py>, mycmp: Obj<'py>) -> R<'py, Obj<'py>> {
    KEY_WRAPPER
        .alloc(interp.heap, &[Some(mycmp), None], &[])
        .map_err(|e| interp.err(e))
}

/// Calls `f` when it is a key wrapper (`None` otherwise): `K(obj)` (`keyobject_call`, parsed
/// as `"O:K"`) wraps `obj` with the same comparison function.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    f: &Obj<'py>,
    args: &[Obj<'py>],
    kwargs: &[(String, Obj<'py>)],
) -> Option<R<'py, Obj<'py>>> {
    let k = KEY_WRAPPER.cast(f.object())?;
    let params = pyrt_objects::methods::Params::Keywords {
        names: &["obj"],
        positional: 1,
        required: 1,
    };
    Some((|| {
        let bound = pyrt_objects::methods::bind("", "K", params, args, kwargs)
            .map_err(|e| interp.err(e))?;
        let obj = bound.into_iter().flatten().next();
        let cmp = k.get_ref(interp.heap, CMP);
        KEY_WRAPPER
            .alloc(interp.heap, &[cmp, obj], &[])
            .map_err(|e| interp.err(e))
    })())
}
