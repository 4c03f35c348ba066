//! Record types for comparing the memory of small objects: a `collections.namedtuple` class
//! (`Lib/collections/__init__.py` on top of `Objects/tupleobject.c`) and a record without a GC
//! header in the manner of the `recordclass` package.
//!
//! Both are heap types whose instances are a `PyVarObject` followed by one pointer per field:
//!
//! * a **namedtuple** class is a tuple subclass with `__slots__ = ()`: `basicsize` 24,
//!   `itemsize` 8, a GC type, so `sys.getsizeof(Point(3, 4))` is 56 as for `(3, 4)`. Its
//!   instances are tuples (equal to and hashed like them) whose fields read by name and never
//!   change. Like every heap subclass of a variable-size type (`PyType_GenericAlloc`), an
//!   instance's block has room for one more item than it holds: 64 bytes for two fields.
//! * a **record** has the same 24-byte header and 8 bytes per field but no GC header and no
//!   room to spare: 48 bytes for three fields. Fields can be set; records are unhashable, and
//!   a record cannot take part in cycle collection (a cycle through records lives forever, as
//!   with `recordclass` objects made without `gc=True`).

use core::ptr::{self, NonNull};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{CompareOp, SequenceSlots, Slots, TypeFlags};
use crate::types::class::{self, ClassKind, HeapTypeInit};
use crate::types::{OBJECT_TYPE, TUPLE_TYPE, tuple};

const ITEMS_OFFSET: usize = size_of::<PyVarObject>();

/// `collections.namedtuple(name, fields)`, defined in `module`.
///
/// # Errors
/// `ValueError` for a field that is not an identifier, starts with an underscore or is
/// repeated (CPython's messages); `MemoryError`.
pub fn new_namedtuple_class<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    fields: &[&str],
) -> PyResult<Obj<'h>> {
    let names = check_fields(name, fields)?;
    class::alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names,
            cached_keys: None,
            kind: ClassKind::NamedTuple,
            basicsize: ITEMS_OFFSET,
            itemsize: 8,
            flags: TUPLE_TYPE.get().flags().union(TypeFlags::BASETYPE),
            base: TUPLE_TYPE.ptr(),
            slots: &NAMEDTUPLE_SLOTS,
        },
    )
}

/// A record class with `fields`, defined in `module`.
///
/// # Errors
/// As [`new_namedtuple_class`]; `MemoryError`.
pub fn new_record_class<'h>(
    heap: &'h Heap,
    name: &str,
    module: &str,
    fields: &[&str],
) -> PyResult<Obj<'h>> {
    let names = check_fields(name, fields)?;
    class::alloc_heap_type(
        heap,
        HeapTypeInit {
            name,
            module,
            names,
            cached_keys: None,
            kind: ClassKind::Record,
            basicsize: ITEMS_OFFSET,
            itemsize: 8,
            flags: TypeFlags(0),
            base: OBJECT_TYPE.ptr(),
            slots: &RECORD_SLOTS,
        },
    )
}

/// `namedtuple`'s checks of the type and field names.
fn check_fields(name: &str, fields: &[&str]) -> PyResult<Vec<String>> {
    for n in core::iter::once(&name).chain(fields) {
        if !class::is_identifier(n) {
            return Err(PyErr::value_error(format!(
                "Type names and field names must be valid identifiers: '{n}'"
            )));
        }
    }
    for (i, f) in fields.iter().enumerate() {
        if f.starts_with('_') {
            return Err(PyErr::value_error(format!(
                "Field names cannot start with an underscore: '{f}'"
            )));
        }
        if fields[..i].contains(f) {
            return Err(PyErr::value_error(format!(
                "Encountered duplicate field name: '{f}'"
            )));
        }
    }
    Ok(fields.iter().map(|f| f.to_string()).collect())
}

/// `cls(*args)` for a namedtuple class or a record class: one value per field.
///
/// # Errors
/// `TypeError: Point.__new__() missing 1 required positional argument: 'y'`, or `takes 3
/// positional arguments but 4 were given`; `MemoryError`.
pub(crate) fn new_record<'h>(
    heap: &'h Heap,
    cls: &class::Class,
    args: Vec<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    let ty = cls.as_type();
    let fields = class::class_names(ty);
    check_arity(ty.name(), fields, args.len())?;
    // A heap subclass of a variable-size type gets one spare item (`PyType_GenericAlloc`).
    let spare = usize::from(ty.flags().contains(TypeFlags::HAVE_GC));
    let n = args.len();
    let op = heap.alloc_object(ty, ITEMS_OFFSET + 8 * (n + spare))?;
    // SAFETY: a fresh block for `n` items (plus the spare, zeroed); the instance owns the
    // arguments' references and one to its class.
    unsafe {
        ptr::addr_of_mut!((*op.cast::<PyVarObject>().as_ptr()).ob_size)
            .write(core::cell::Cell::new(n as isize));
        let dst = op.cast::<u8>().add(ITEMS_OFFSET).cast::<Option<ObjPtr>>();
        for (i, item) in args.into_iter().enumerate() {
            dst.add(i).write(Some(item.into_ptr()));
        }
        if spare == 1 {
            dst.add(n).write(None);
        }
        cls.incref();
        let record = Obj::from_owned(heap, op);
        if spare == 1 {
            heap.track(record.object());
        }
        Ok(record)
    }
}

/// The arity error `namedtuple`'s generated `__new__` raises.
fn check_arity(name: &str, fields: &[String], given: usize) -> PyResult<()> {
    if given > fields.len() {
        let takes = fields.len() + 1;
        let plural = if takes == 1 { "" } else { "s" };
        let were = if given + 1 == 1 { "was" } else { "were" };
        return Err(PyErr::type_error(format!(
            "{name}.__new__() takes {takes} positional argument{plural} but {} {were} given",
            given + 1
        )));
    }
    if given == fields.len() {
        return Ok(());
    }
    Err(PyErr::missing_arguments(
        &format!("{name}.__new__"),
        &fields[given..],
    ))
}

/// Whether `o` is a record: an instance of a namedtuple class or of a record class.
pub fn is_record(o: &PyObject) -> bool {
    let slots = o.ob_type().slots();
    ptr::eq(slots, &NAMEDTUPLE_SLOTS) || ptr::eq(slots, &RECORD_SLOTS)
}

crate::view! {
    /// A record: an instance of a namedtuple class or of a record class, a `PyVarObject`
    /// followed by one cell per field.
    pub struct Record: "record" = is_record;
}

/// The record a slot of the record types was called on.
fn slot_self(o: &PyObject) -> &Record {
    // SAFETY: `NAMEDTUPLE_SLOTS` and `RECORD_SLOTS` belong to the record classes only, whose
    // slots are only called on their instances; `is_record` accepts exactly those.
    unsafe { Record::cast_unchecked(o) }
}

fn header(o: &Record) -> &PyVarObject {
    // SAFETY: the view guarantees a record, which starts with a `PyVarObject`.
    unsafe { &*ptr::from_ref(o).cast::<PyVarObject>() }
}

/// The field cells after a record's header.
fn cells(o: &Record) -> &[Option<ObjPtr>] {
    let n = header(o).ob_size.get() as usize;
    // SAFETY: a record's block holds `ob_size` item cells after the header.
    unsafe {
        core::slice::from_raw_parts(
            ptr::from_ref(o)
                .cast::<u8>()
                .add(ITEMS_OFFSET)
                .cast::<Option<ObjPtr>>(),
            n,
        )
    }
}

fn field_index(o: &Record, name: &str) -> Option<usize> {
    class::class_names(o.ob_type())
        .iter()
        .position(|f| f == name)
}

fn no_attribute(o: &PyObject, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", o.ob_type().name()),
    )
}

/// `Point(x=3, y=4)`, for both kinds.
fn record_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let o = slot_self(o);
    let me = NonNull::from(&**o);
    if !heap.repr_enter(me) {
        return Ok("...".into());
    }
    let parts = class::class_names(o.ob_type())
        .iter()
        .zip(cells(o))
        .map(|(f, v)| {
            let v = v.expect("a record's fields are always set");
            // SAFETY: the record holds a reference to each field's value.
            let v = unsafe { Obj::from_borrowed(heap, v.as_ref()) };
            Ok(format!("{f}={}", crate::abstract_::repr(heap, v.object())?))
        })
        .collect::<PyResult<Vec<_>>>();
    heap.repr_leave(me);
    Ok(format!("{}({})", o.ob_type().name(), parts?.join(", ")))
}

/// A field by name; `_fields` gives the names as a tuple.
fn record_getattr<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Obj<'h>> {
    let o = slot_self(o);
    if let Some(i) = field_index(o, name) {
        let v = cells(o)[i].expect("a record's fields are always set");
        // SAFETY: the record holds a reference to each field's value.
        return Ok(unsafe { Obj::from_borrowed(heap, v.as_ref()) });
    }
    if name == "_fields" {
        let names = class::class_names(o.ob_type())
            .iter()
            .map(|f| crate::types::unicode::new_str(heap, f))
            .collect::<PyResult<Vec<_>>>()?;
        return tuple::new_tuple(heap, names);
    }
    Err(no_attribute(o, name))
}

/// A namedtuple's fields are read-only properties and it has no other attributes.
fn namedtuple_setattr(
    _heap: &Heap,
    o: &PyObject,
    name: &str,
    _value: Option<&PyObject>,
) -> PyResult<()> {
    let o = slot_self(o);
    if field_index(o, name).is_some() {
        let verb = if _value.is_some() { "set" } else { "delete" };
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("can't {verb} attribute"),
        ));
    }
    Err(no_attribute(o, name))
}

/// A record's fields can be replaced, not deleted.
fn record_setattr(heap: &Heap, o: &PyObject, name: &str, value: Option<&PyObject>) -> PyResult<()> {
    let o = slot_self(o);
    let Some(i) = field_index(o, name) else {
        return Err(no_attribute(o, name));
    };
    let Some(value) = value else {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("can't delete attribute '{name}'"),
        ));
    };
    value.incref();
    let cell = ptr::from_ref(&cells(o)[i]).cast_mut();
    // SAFETY: field `i` exists; it owns one reference, replaced by the new value's.
    let old = unsafe { cell.replace(Some(NonNull::from(value))) };
    if let Some(old) = old {
        // SAFETY: the field owned this reference.
        unsafe { heap.decref(old) };
    }
    Ok(())
}

/// `subtype_traverse`: the class, then the fields last to first (`tupletraverse`).
fn record_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    visit(NonNull::from(&o.ob_type().ob_base.ob_base));
    cells(slot_self(o))
        .iter()
        .rev()
        .flatten()
        .for_each(|&v| visit(v));
}

/// `subtype_dealloc` of both kinds: the fields are released (last to first, as
/// `tupledealloc`), the block freed, then the reference to the class dropped.
unsafe fn record_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead record of this heap owning its fields and a reference to its class,
    // which outlives the block through that reference, dropped last.
    unsafe {
        let cls = op.as_ref().type_ptr();
        for v in cells(slot_self(op.as_ref())).iter().rev().flatten() {
            heap.decref(*v);
        }
        heap.free_object(op, cls.as_ref());
        heap.decref(cls.cast());
    }
}

fn record_len(o: &PyObject) -> usize {
    cells(slot_self(o)).len()
}

/// Records of one class compare field by field; only `==` and `!=`.
fn record_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    if !ptr::eq(a.ob_type(), b.ob_type()) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(None);
    }
    let Some(b) = Record::cast(b) else {
        return Ok(None);
    };
    let (xs, ys) = (cells(slot_self(a)), cells(b));
    let pair = |i: usize| {
        let (x, y) = (xs.get(i)?.as_ref()?, ys.get(i)?.as_ref()?);
        // SAFETY: both records hold references to their fields' values.
        Some(unsafe {
            (
                Obj::from_borrowed(heap, x.as_ref()),
                Obj::from_borrowed(heap, y.as_ref()),
            )
        })
    };
    crate::abstract_::compare_sequences(heap, op, pair, || (xs.len(), ys.len())).map(Some)
}

fn unhashable(_heap: &Heap, o: &PyObject) -> PyResult<i64> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        o.ob_type().name()
    )))
}

/// A tuple's behaviour, with fields by name and `Point(x=3, y=4)` for a repr.
static NAMEDTUPLE_SLOTS: Slots = Slots {
    dealloc: record_dealloc,
    sizeof: None,
    repr: record_repr,
    str: None,
    hash: Some(tuple::tuple_hash_slot),
    richcompare: Some(tuple::tuple_richcompare),
    number: None,
    sequence: Some(&tuple::TUPLE_SEQUENCE),
    traverse: Some(record_traverse),
    clear: None,
    members: &[],
    getattr: Some(record_getattr),
    setattr: Some(namedtuple_setattr),
};

static RECORD_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(record_len),
    concat: None,
    repeat: None,
};

static RECORD_SLOTS: Slots = Slots {
    dealloc: record_dealloc,
    sizeof: None,
    repr: record_repr,
    str: None,
    hash: Some(unhashable),
    richcompare: Some(record_richcompare),
    number: None,
    sequence: Some(&RECORD_SEQUENCE),
    traverse: Some(record_traverse),
    clear: None,
    members: &[],
    getattr: Some(record_getattr),
    setattr: Some(record_setattr),
};
