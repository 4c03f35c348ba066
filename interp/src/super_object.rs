//! `super` (`Objects/typeobject.c`, `super_getattro`): `super().name` and `super(C, obj).name`
//! look `name` up along the MRO of `obj`'s type (or of `obj` itself, for a class) after `C`,
//! and give it through the descriptor's `__get__`, with `obj` (no instance when `obj` is the
//! class the lookup starts from, so a `classmethod` binds to it). The `super` object itself
//! (`super(C, obj)` as a value) is 40 bytes: the class, the object and the start type.

use pyrt_objects::typeobj::{PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, class, dict, method, type_object};
use pyrt_objects::{Heap, Obj, PyObject, PyResult};

use super::exceptions;
use super::objects::{Kind, clear, dealloc, traverse};
use super::{Interp, R};
use pyrt_objects::types::slot_wrappers;

static SUPER_SLOTS: Slots = Slots {
    dealloc,
    sizeof: None,
    repr: super_repr,
    str: None,
    hash: Some(pyrt_objects::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: Some(traverse),
    clear: Some(clear),
    members: &[],
    getattr: None,
    setattr: None,
};

static SUPER_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "super",
        basicsize: 40,
        itemsize: 0,
        flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
        base: Some(&OBJECT_TYPE),
        slots: &SUPER_SLOTS,
    },
);

/// `super` objects: the class, the object, the type the lookup starts from.
pub(crate) static SUPER: Kind = Kind::new(&SUPER_TYPE, 3, 0);

/// The `super` type, which the `builtins` module names.
pub(crate) fn super_type() -> &'static StaticType {
    &SUPER_TYPE
}

/// `super_repr`: `<super: <class 'C'>, <D object>>`.
fn super_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let Some(s) = SUPER.cast(o) else {
        return Ok("<super>".into());
    };
    let name = |i: usize| {
        s.get_ref(heap, i)
            .and_then(|t| type_object(t.object()).map(|t| t.name().to_string()))
            .unwrap_or_else(|| "NULL".into())
    };
    Ok(format!(
        "<super: <class '{}'>, <{} object>>",
        name(0),
        name(2)
    ))
}

impl<'py> Interp<'py> {
    /// `super_check`: the type the lookup starts from, for `super(ty, obj)`.
    fn super_start<'a>(&self, ty: &PyTypeObject, obj: &'a Obj<'py>) -> R<'py, &'a PyTypeObject> {
        if let Some(t) = type_object(obj.object())
            && t.is_subtype(ty)
        {
            return Ok(t);
        }
        if obj.ob_type().is_subtype(ty) {
            return Ok(obj.ob_type());
        }
        Err(self.raise(
            &exceptions::TYPE_ERROR,
            "super(type, obj): obj must be an instance or subtype of type",
        ))
    }

    /// `super(class_, obj).name`.
    pub(crate) fn super_getattr(
        &self,
        class_: &Obj<'py>,
        obj: &Obj<'py>,
        name: &str,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let ty = type_object(class_.object()).ok_or_else(|| {
            self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "super() argument 1 must be a type, not {}",
                    class_.ob_type().name()
                ),
            )
        })?;
        let start = self.super_start(ty, obj)?;
        let mro = super::mro::mro_of(start);
        let after = mro
            .iter()
            .position(|t| core::ptr::eq(*t, ty))
            .map_or(&[][..], |i| &mro[i + 1..]);
        let key = self.name_str(name)?;
        let inst = (!core::ptr::eq(obj.object(), &start.ob_base.ob_base)).then_some(obj);
        for cur in after {
            if let Some(d) = class::class_dict(cur).and_then(dict::Dict::cast)
                && let Some(v) = dict::get_item(heap, d, key.object()).map_err(|e| self.err(e))?
            {
                return self.descr_get(v, inst, start, name);
            }
        }
        if name == "__new__" && inst.is_none() && exceptions::is_exception_class(obj.object()) {
            // `super().__new__(cls, ...)` in an exception class's `__new__`: the built-in
            // base's `__new__` (a static method: not bound).
            for cur in after {
                if let Some(attr) =
                    exceptions::class_attribute(heap, cur, name).map_err(|e| self.err(e))?
                {
                    return Ok(attr);
                }
            }
        }
        if exceptions::is_exception(obj.object()) {
            // A built-in method of an exception class (`super().__init__(msg)`,
            // `super().__str__()`), bound to the instance.
            for cur in after {
                if let Some(attr) =
                    exceptions::class_attribute(heap, cur, name).map_err(|e| self.err(e))?
                {
                    return match pyrt_objects::types::descrobject::MethodDescr::cast(attr.object())
                    {
                        Some(d) => d.bind(heap, obj.clone()).map_err(|e| self.err(e)),
                        None => Ok(attr),
                    };
                }
            }
        }
        if let Some(inst) = inst
            && let Some(base) = after.iter().find(|t| !class::is_heap_type(t))
            && let Some(w) =
                pyrt_objects::types::slot_wrappers::bound_slot_of(heap, base, inst, name)
                    .map_err(|e| self.err(e))?
        {
            // A slot of the built-in base (`super().__repr__()` in a list subclass).
            return Ok(w);
        }
        if let Some(f) = self.super_builtin_method(after, inst.unwrap_or(obj), name)? {
            return Ok(f);
        }
        // Whether the built-in base the lookup reaches is `object` itself.
        let on_object = after
            .iter()
            .find(|t| !class::is_heap_type(t))
            .is_some_and(|t| core::ptr::eq(*t, OBJECT_TYPE.get()));
        if name == "__new__"
            && on_object
            && let Some(f) = slot_wrappers::type_attribute(heap, OBJECT_TYPE.get(), name)
                .map_err(|e| self.err(e))?
        {
            // `object.__new__`, a static method (`super().__new__(cls)`): not bound.
            return Ok(f);
        }
        if name == "__init__" && on_object {
            // `object.__init__` (a slot wrapper), bound to the instance.
            let object = OBJECT_TYPE.get();
            let w = match inst {
                Some(i) => slot_wrappers::bound_slot_of(heap, object, i, name),
                None => slot_wrappers::type_attribute(heap, object, name),
            };
            if let Some(w) = w.map_err(|e| self.err(e))? {
                return Ok(w);
            }
        }
        if let Some(w) = self.class_getattr(OBJECT_TYPE.get(), name)? {
            return method::new_method(heap, w, obj.clone()).map_err(|e| self.err(e));
        }
        if inst.is_some()
            && let Some(m) = super::methods::bound(self, obj, name)?
        {
            return Ok(m);
        }
        Err(self.raise(
            &exceptions::ATTRIBUTE_ERROR,
            format!("'super' object has no attribute '{name}'"),
        ))
    }

    /// `super_init_without_args`: the calling function's `__class__` cell and first
    /// argument.
    fn super_frame_args(&self) -> R<'py, (Obj<'py>, Obj<'py>)> {
        use pyrt_objects::types::cell::CellObject;
        use pyrt_objects::types::code::{CO_FAST_CELL, CO_FAST_FREE};
        use pyrt_objects::types::{tuple, unicode};
        let heap = self.heap;
        let fail = |m: &str| self.raise(&exceptions::RUNTIME_ERROR, m);
        let frame = self
            .running_frame()
            .ok_or_else(|| fail("super(): no current frame"))?;
        let code = frame
            .code()
            .ok_or_else(|| fail("super(): no code object"))?;
        if code.argcount() == 0 && code.posonlyargcount() == 0 {
            return Err(fail("super(): no arguments"));
        }
        let kinds = code.localspluskinds();
        let mut first = frame
            .local(heap, 0)
            .ok_or_else(|| fail("super(): arg[0] deleted"))?;
        if kinds.first().is_some_and(|k| k & CO_FAST_CELL != 0)
            && let Some(c) = CellObject::cast(first.object())
        {
            first = c.get(heap).ok_or_else(|| fail("super(): arg[0] deleted"))?;
        }
        let names = tuple::items(code.localsplusnames());
        for (i, (name, kind)) in names.iter().zip(kinds).enumerate() {
            // SAFETY: the code object holds its names.
            let name = unsafe { name.as_ref() };
            let is_class_cell = kind & CO_FAST_FREE != 0
                && unicode::Str::cast(name).is_some_and(|s| unicode::str_value(s) == "__class__");
            if !is_class_cell {
                continue;
            }
            let cell = frame.local(heap, i);
            let Some(c) = cell.as_ref().and_then(|c| CellObject::cast(c.object())) else {
                return Err(fail("super(): bad __class__ cell"));
            };
            let class_ = c
                .get(heap)
                .ok_or_else(|| fail("super(): empty __class__ cell"))?;
            if type_object(class_.object()).is_none() {
                return Err(fail("super(): __class__ is not a type"));
            }
            return Ok((class_, first));
        }
        Err(fail("super(): __class__ cell not found"))
    }

    /// `super(type, obj)` as an object (`super()`: the calling method's class and first
    /// argument).
    pub(crate) fn new_super(&self, args: &[Obj<'py>]) -> R<'py, Obj<'py>> {
        let implicit;
        let (class_, obj) = match args {
            [] => {
                implicit = self.super_frame_args()?;
                (&implicit.0, &implicit.1)
            }
            [c, o] => (c, o),
            _ => {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    "pyrt supports super() with no arguments or two only",
                ));
            }
        };
        let ty = type_object(class_.object()).ok_or_else(|| {
            self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "super() argument 1 must be a type, not {}",
                    class_.ob_type().name()
                ),
            )
        })?;
        let start = self.super_start(ty, obj)?;
        let start = self.type_as_object(start);
        SUPER
            .alloc(
                self.heap,
                &[Some(class_.clone()), Some(obj.clone()), Some(start)],
                &[],
            )
            .map_err(|e| self.err(e))
    }

    /// `s.name` for a `super` object `s`; `None` for other objects.
    pub(crate) fn super_object_getattr(
        &self,
        s: &PyObject,
        name: &str,
    ) -> Option<R<'py, Obj<'py>>> {
        let t = SUPER.cast(s)?;
        let (Some(c), Some(o)) = (t.get_ref(self.heap, 0), t.get_ref(self.heap, 1)) else {
            return None;
        };
        Some(self.super_getattr(&c, &o, name))
    }
}
