//! The interpreter's own object types, with CPython 3.12's sizes: built-in functions and
//! methods (`builtin_function_or_method`, `Objects/methodobject.c`, 56 + GC), modules
//! (`module`, `Objects/moduleobject.c`, 56 + GC), slices and dict views. (Python functions,
//! bound methods, code objects and generators are the object model's own types.)
//!
//! Each is a header followed by a few words: object references it owns (released by its
//! dealloc and reported by its traverse) and plain numbers (the index of a built-in in the table
//! of built-ins). What a word means is the
//! interpreter's business; this module only keeps the references counted.
//!
//! The words are read only through a [`Typed`] handle, which [`Kind::cast`] makes after
//! checking the object's type: as with the object layer's views, a wrong type is a `None`,
//! never a read of another layout.

use core::cell::Cell;
use core::ptr;

use pyrt_objects::typeobj::{Slots, StaticType, TypeFlags, TypeSpec};
use pyrt_objects::types::{OBJECT_TYPE, TYPE_TYPE, unicode};
use pyrt_objects::{Heap, Obj, ObjPtr, PyObject, PyResult};

/// The words after the header: `REFS` owned references (or empty), then `NUMS` numbers.
#[repr(C)]
struct Body<const REFS: usize, const NUMS: usize> {
    ob_base: PyObject,
    refs: [Cell<Option<ObjPtr>>; REFS],
    nums: [Cell<usize>; NUMS],
}

/// A kind of interpreter object: its type, and how many reference and number words it has.
pub(crate) struct Kind {
    ty: &'static StaticType,
    refs: usize,
    nums: usize,
}

/// An object of a known [`Kind`], made only by [`Kind::cast`].
#[derive(Clone, Copy)]
pub(crate) struct Typed<'o> {
    kind: &'static Kind,
    o: &'o PyObject,
}

/// The words after the header of an object whose kind was checked.
fn words(t: Typed<'_>) -> *const Cell<usize> {
    ptr::from_ref(t.o)
        .cast::<u8>()
        .wrapping_add(size_of::<PyObject>())
        .cast()
}

impl Kind {
    /// A kind of object of type `ty` with `refs` reference words and `nums` number words
    /// (`ty`'s basic size must be 16 + 8 × (`refs` + `nums`)).
    pub(crate) const fn new(ty: &'static StaticType, refs: usize, nums: usize) -> Kind {
        Kind { ty, refs, nums }
    }

    /// A new object of this kind holding `refs` (each reference given to it) and `nums`.
    pub(crate) fn alloc<'h>(
        &self,
        heap: &'h Heap,
        refs: &[Option<Obj<'h>>],
        nums: &[usize],
    ) -> PyResult<Obj<'h>> {
        debug_assert!(refs.len() == self.refs && nums.len() == self.nums);
        let ty = self.ty.get();
        let op = heap.alloc_object(ty, ty.basicsize())?;
        // SAFETY: a fresh object of `basicsize` bytes: the words after the header are written
        // before use (unused ones zeroed); each reference stored is a new one.
        unsafe {
            let w = op.cast::<u8>().add(size_of::<PyObject>()).cast::<usize>();
            w.write_bytes(0, (ty.basicsize() - size_of::<PyObject>()) / 8);
            for (i, r) in refs.iter().enumerate() {
                let p = r.as_ref().map(|o| o.clone().into_ptr());
                w.add(i).cast::<Option<ObjPtr>>().write(p);
            }
            for (i, n) in nums.iter().enumerate() {
                w.add(self.refs + i).write(*n);
            }
            let obj = Obj::from_owned(heap, op);
            // A kind without `Py_TPFLAGS_HAVE_GC` (`functools._lru_list_elem`) is not tracked.
            if pyrt_objects::tracking::is_gc(obj.object()) {
                heap.track(obj.object());
            }
            Ok(obj)
        }
    }

    /// The type of this kind's objects.
    pub(crate) fn static_type(&self) -> &'static StaticType {
        self.ty
    }

    /// Whether `o` is of this kind.
    pub(crate) fn is(&self, o: &PyObject) -> bool {
        ptr::eq(o.ob_type(), self.ty.get())
    }

    /// `o` as an object of this kind, if it is one (the checked cast).
    pub(crate) fn cast<'o>(&'static self, o: &'o PyObject) -> Option<Typed<'o>> {
        self.is(o).then_some(Typed { kind: self, o })
    }
}

impl<'o> Typed<'o> {
    /// Reference word `i`, as a new reference.
    ///
    /// # Panics
    /// If the kind has no reference word `i`.
    pub(crate) fn get_ref<'h>(self, heap: &'h Heap, i: usize) -> Option<Obj<'h>> {
        let cell = &self.refs()[i];
        // SAFETY: the object holds a reference to a live object of this heap.
        cell.get()
            .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
    }

    /// Number word `i`.
    ///
    /// # Panics
    /// If the kind has no number word `i`.
    pub(crate) fn get_num(self, i: usize) -> usize {
        assert!(i < self.kind.nums, "no number word {i}");
        // SAFETY: word `refs + i` of an object of this kind is a number cell.
        unsafe { &*words(self).add(self.kind.refs + i) }.get()
    }

    /// Sets number word `i`.
    ///
    /// # Panics
    /// If the kind has no number word `i`.
    pub(crate) fn set_num(self, i: usize, value: usize) {
        assert!(i < self.kind.nums, "no number word {i}");
        // SAFETY: word `refs + i` of an object of this kind is a number cell.
        unsafe { &*words(self).add(self.kind.refs + i) }.set(value);
    }

    /// Replaces reference word `i` (`None` empties it), releasing the old reference.
    ///
    /// # Panics
    /// If the kind has no reference word `i`.
    pub(crate) fn set_ref<'h>(self, heap: &'h Heap, i: usize, value: Option<Obj<'h>>) {
        let old = self.refs()[i].replace(value.map(Obj::into_ptr));
        if let Some(p) = old {
            // SAFETY: the word owned this reference.
            unsafe { heap.decref(p) };
        }
    }

    /// The reference words, as cells.
    pub(crate) fn ref_cells(self) -> &'o [Cell<Option<ObjPtr>>] {
        self.refs()
    }

    /// The reference words.
    fn refs(self) -> &'o [Cell<Option<ObjPtr>>] {
        // SAFETY: the first `refs` words of an object of this kind are reference cells.
        unsafe { core::slice::from_raw_parts(words(self).cast(), self.kind.refs) }
    }
}

fn refs_of(o: &PyObject) -> &[Cell<Option<ObjPtr>>] {
    kind_of(o).map_or(&[], Typed::refs)
}

fn kind_of(o: &PyObject) -> Option<Typed<'_>> {
    [
        &BUILTIN,
        &MODULE,
        &SLICE,
        &DICT_KEYS,
        &DICT_VALUES,
        &DICT_ITEMS,
    ]
    .into_iter()
    .chain(super::typing_objects::KINDS.iter().copied())
    .chain(super::descriptors::KINDS.iter().copied())
    .chain([&super::super_object::SUPER, &super::union_type::UNION])
    .chain([&super::partial::PARTIAL])
    .chain(super::operator_getters::KINDS.iter().copied())
    .chain([&super::key_wrapper::KEY_WRAPPER])
    .chain([&super::lru_cache::LRU, &super::lru_cache::LRU_ELEM])
    .find_map(|k| k.cast(o))
}

/// Clears the weak references, releases the references (last to first), frees
/// the object.
pub(crate) unsafe fn dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead interpreter object owning its reference words.
    unsafe {
        pyrt_objects::types::weakref::clear_weakrefs(heap, op.as_ref());
        for cell in refs_of(op.as_ref()).iter().rev() {
            if let Some(p) = cell.take() {
                heap.decref(p);
            }
        }
        heap.free_object(op, op.as_ref().ob_type());
    }
}

pub(crate) fn traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    refs_of(o).iter().filter_map(Cell::get).for_each(visit);
}

pub(crate) fn clear(heap: &Heap, o: &PyObject) {
    for cell in refs_of(o) {
        if let Some(p) = cell.take() {
            // SAFETY: the cell owned this reference.
            unsafe { heap.decref(p) };
        }
    }
}

fn name_of(o: &PyObject, i: usize) -> String {
    match refs_of(o).get(i).and_then(Cell::get) {
        Some(p) => {
            // SAFETY: a reference word holds a live object.
            let o = unsafe { p.as_ref() };
            unicode::Str::cast(o).map_or_else(|| "?".into(), unicode::str_value)
        }
        None => "?".into(),
    }
}

fn builtin_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(match refs_of(o)[builtin::SELF].get() {
        None => format!("<built-in function {}>", name_of(o, builtin::NAME)),
        Some(s) => {
            // SAFETY: the method holds its receiver.
            let s = unsafe { s.as_ref() };
            format!(
                "<built-in method {} of {} object at {:#x}>",
                name_of(o, builtin::NAME),
                s.ob_type().name(),
                ptr::from_ref(s).addr()
            )
        }
    })
}

/// `module_repr` (importlib's `_module_repr` without a loader object): a built-in module says
/// so, a module with a `__file__` names it, any other (`types.ModuleType(name)`) only its name.
fn module_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let name = name_of(o, module::NAME);
    let Some(m) = MODULE.cast(o) else {
        return Ok(format!("<module '{name}'>"));
    };
    if m.get_num(module::BUILT_IN) != 0 {
        return Ok(format!("<module '{name}' (built-in)>"));
    }
    if let Some(d) = m.get_ref(heap, module::DICT)
        && let Some(d) = pyrt_objects::types::dict::Dict::cast(d.object())
    {
        let key = unicode::new_str(heap, "__file__")?;
        if let Some(file) = pyrt_objects::types::dict::get_item(heap, d, key.object())? {
            let file = pyrt_objects::abstract_::repr(heap, file.object())?;
            return Ok(format!("<module '{name}' from {file}>"));
        }
    }
    Ok(format!("<module '{name}'>"))
}

macro_rules! slots {
    ($repr:expr) => {
        Slots {
            dealloc,
            sizeof: None,
            repr: $repr,
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
        }
    };
}

static BUILTIN_SLOTS: Slots = slots!(builtin_repr);
static MODULE_SLOTS: Slots = slots!(module_repr);
static SLICE_SLOTS: Slots = Slots {
    members: &super::builtins::slice::SLICE_MEMBERS,
    richcompare: Some(super::builtins::slice::richcompare),
    hash: Some(super::builtins::slice::hash),
    setattr: Some(super::builtins::slice::setattr),
    ..slots!(slice_repr)
};

fn slice_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let part = |i: usize| match refs_of(o)[i].get() {
        // SAFETY: a slice holds its bounds.
        Some(p) => pyrt_objects::abstract_::repr(heap, unsafe { p.as_ref() }),
        None => Ok("None".into()),
    };
    Ok(format!("slice({}, {}, {})", part(0)?, part(1)?, part(2)?))
}

/// `slice`: `sizeof(PySliceObject)` is 40.
pub(crate) static SLICE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "slice",
        basicsize: 40,
        itemsize: 0,
        flags: GC,
        base: Some(&OBJECT_TYPE),
        slots: &SLICE_SLOTS,
    },
);

static VIEW_SLOTS: Slots = Slots {
    sequence: Some(&VIEW_SEQUENCE),
    ..slots!(view_repr)
};

/// `dict_keys` and `dict_items`: set-like, so compared as sets (`dictview_richcompare`), and
/// unhashable (a type with a rich comparison and no hash gets `PyObject_HashNotImplemented`).
static SET_VIEW_SLOTS: Slots = Slots {
    sequence: Some(&VIEW_SEQUENCE),
    richcompare: Some(super::dict_view_ops::richcompare),
    hash: None,
    ..slots!(view_repr)
};

static VIEW_SEQUENCE: pyrt_objects::typeobj::SequenceSlots = pyrt_objects::typeobj::SequenceSlots {
    length: Some(view_len),
    concat: None,
    repeat: None,
};

pub(crate) fn view_dict(o: &PyObject) -> &PyObject {
    let d = refs_of(o)[0].get().expect("a view holds its dict");
    // SAFETY: the view holds a reference to its dict.
    unsafe { &*d.as_ptr() }
}

pub(crate) fn view_len(o: &PyObject) -> usize {
    pyrt_objects::types::dict::Dict::cast(view_dict(o))
        .map_or(0, pyrt_objects::types::dict::dict_len)
}

/// `dict_keys([...])`, `dict_values([...])`, `dict_items([(k, v), ...])`: as CPython's
/// `dictview_repr`, a snapshot of the items (new references, so that a repr which changes
/// the dict frees none of them) is printed.
fn view_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    use pyrt_objects::types::dict;
    let d = dict::Dict::cast_internal(view_dict(o))?;
    let name = o.ob_type().name();
    let mut out = String::new();
    let mut push = |s: &str| {
        out.try_reserve(s.len())
            .map_err(|_| pyrt_objects::PyErr::memory_error())?;
        out.push_str(s);
        Ok::<(), pyrt_objects::PyErr>(())
    };
    push(name)?;
    push("([")?;
    for (i, (k, v)) in dict::items(heap, d)?.iter().enumerate() {
        let repr = |x: &Obj<'_>| pyrt_objects::abstract_::repr(heap, x.object());
        if i > 0 {
            push(", ")?;
        }
        match name {
            "dict_keys" => push(&repr(k)?)?,
            "dict_values" => push(&repr(v)?)?,
            _ => {
                push("(")?;
                push(&repr(k)?)?;
                push(", ")?;
                push(&repr(v)?)?;
                push(")")?;
            }
        }
    }
    push("])")?;
    Ok(out)
}

macro_rules! view_type {
    ($ty:ident, $kind:ident, $name:literal, $slots:ident) => {
        static $ty: StaticType = StaticType::new(
            &TYPE_TYPE,
            TypeSpec {
                name: $name,
                basicsize: 24,
                itemsize: 0,
                flags: GC,
                base: Some(&OBJECT_TYPE),
                slots: &$slots,
            },
        );
        /// A dict view (`_PyDictViewObject`, 24 bytes + GC): the dict.
        pub(crate) static $kind: Kind = Kind {
            ty: &$ty,
            refs: 1,
            nums: 0,
        };
    };
}

view_type!(DICT_KEYS_TYPE, DICT_KEYS, "dict_keys", SET_VIEW_SLOTS);
view_type!(DICT_VALUES_TYPE, DICT_VALUES, "dict_values", VIEW_SLOTS);
view_type!(DICT_ITEMS_TYPE, DICT_ITEMS, "dict_items", SET_VIEW_SLOTS);

/// Slices: start, stop and step.
pub(crate) static SLICE: Kind = Kind {
    ty: &SLICE_TYPE,
    refs: 3,
    nums: 0,
};

const GC: TypeFlags = TypeFlags::HAVE_GC;

/// `builtin_function_or_method`: `sizeof(PyCFunctionObject)` is 56.
static BUILTIN_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "builtin_function_or_method",
        basicsize: 56,
        itemsize: 0,
        flags: GC,
        base: Some(&OBJECT_TYPE),
        slots: &BUILTIN_SLOTS,
    },
);
/// `module`: `sizeof(PyModuleObject)` is 56.
static MODULE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "module",
        basicsize: 56,
        itemsize: 0,
        flags: GC,
        base: Some(&OBJECT_TYPE),
        slots: &MODULE_SLOTS,
    },
);
/// Built-in functions and methods: the name and the receiver (`None` for a function); the
/// index in the table of built-ins.
pub(crate) static BUILTIN: Kind = Kind {
    ty: &BUILTIN_TYPE,
    refs: 2,
    nums: 1,
};
/// Modules: the name and the module's dict; whether the module is built into pyrt.
pub(crate) static MODULE: Kind = Kind {
    ty: &MODULE_TYPE,
    refs: 2,
    nums: 1,
};
/// Word indices of a built-in.
pub(crate) mod builtin {
    pub(crate) const NAME: usize = 0;
    pub(crate) const SELF: usize = 1;
    pub(crate) const INDEX: usize = 0;
}
/// Word indices of a module.
pub(crate) mod module {
    pub(crate) const NAME: usize = 0;
    pub(crate) const DICT: usize = 1;
    /// Number word: 1 for the modules of `modules::BUILTIN_MODULES`, 0 for the others.
    pub(crate) const BUILT_IN: usize = 0;
}
const _: () = assert!(size_of::<Body<2, 1>>() <= 56);
const _: () = assert!(size_of::<Body<2, 0>>() <= 48);
