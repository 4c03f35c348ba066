//! The deque type object and its slots (`deque_type` in `Modules/_collectionsmodule.c`):
//! `repr`, the rich comparison, `+` and `*` (`deque_concat`, `deque_repeat`, both through
//! `deque_copy`), `__sizeof__`, traversal, clearing and deallocation.

use super::*;
/// `deque_copy`: a new deque of the same type, items and `maxlen` (a subclass is called
/// with the deque, and its `maxlen` if bounded).
///
/// # Errors
/// What the subclass raises; `TypeError: Q() must return a deque, not int`.
pub fn copy<'h>(heap: &'h Heap, d: &Deque) -> PyResult<Obj<'h>> {
    let ty = d.ob_type();
    if ptr::eq(ty, DEQUE_TYPE.get()) {
        let new = new_deque(heap)?;
        let nd = Deque::cast_internal(new.object())?;
        header(nd).maxlen.set(header(d).maxlen.get());
        if len(d) == 1 {
            append(heap, nd, get_item(heap, d, 0)?)?;
        } else {
            extend(heap, nd, d)?;
        }
        return Ok(new);
    }
    let ty_obj = &ty.ob_base.ob_base;
    let result = match maxlen(d) {
        None => abstract_::call_object(heap, ty_obj, &[d])?,
        Some(m) => {
            let m = long::int_from_i64(heap, m as i64)?;
            abstract_::call_object(heap, ty_obj, &[d, m.object()])?
        }
    };
    if !is_deque(result.object()) {
        return Err(PyErr::type_error(format!(
            "{}() must return a deque, not {}",
            ty.name(),
            result.ob_type().name()
        )));
    }
    Ok(result)
}

/// `deque_inplace_repeat`: the items repeated `n` times in place (fewer when `maxlen` is
/// reached); cleared for `n <= 0`.
///
/// # Errors
/// `MemoryError`.
pub fn inplace_repeat(heap: &Heap, d: &Deque, mut n: isize) -> PyResult<()> {
    let size = len(d) as isize;
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n <= 0 {
        clear(heap, d);
        return Ok(());
    }
    let maxlen = header(d).maxlen.get();
    if size == 1 {
        if maxlen >= 0 && n > maxlen {
            n = maxlen;
        }
        let item = get_item(heap, d, 0)?;
        bump_state(d);
        for _ in 0..n - 1 {
            // No trimming: `n` was capped at `maxlen`.
            append_internal(heap, d, item.clone(), -1)?;
        }
        return Ok(());
    }
    if size.checked_mul(n).is_none() {
        return Err(PyErr::memory_error());
    }
    let seq = list::new_list(heap, items(heap, d))?;
    if maxlen >= 0 && n * size > maxlen {
        n = (maxlen + size - 1) / size;
    }
    for _ in 0..n - 1 {
        extend(heap, d, seq.object())?;
    }
    Ok(())
}

/// `deque_concat`: `d + other`, a copy of `d` extended by `other` (a deque).
fn deque_concat<'h>(heap: &'h Heap, o: &PyObject, other: &PyObject) -> PyResult<Obj<'h>> {
    if !is_deque(other) {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            other.ob_type().name()
        )));
    }
    let new = copy(heap, slot_self(o))?;
    extend(heap, Deque::cast_internal(new.object())?, other)?;
    Ok(new)
}

/// `deque_repeat`: `d * n`, a copy repeated in place.
fn deque_repeat<'h>(heap: &'h Heap, o: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let new = copy(heap, slot_self(o))?;
    inplace_repeat(heap, Deque::cast_internal(new.object())?, n)?;
    Ok(new)
}

/// `_PyType_Name`: the type's name after its last dot.
fn short_name(ty: &PyTypeObject) -> &str {
    let name = ty.name();
    name.rsplit('.').next().unwrap_or(name)
}

/// `deque_repr`: `deque([1, 2])`, `deque([1], maxlen=3)`, `Q([...])` for a subclass;
/// `[...]` for a deque met again inside its own repr.
fn deque_repr(heap: &Heap, o: &PyObject) -> PyResult<String> {
    let me = NonNull::from(o);
    if !heap.repr_enter(me) {
        return Ok("[...]".into());
    }
    let d = slot_self(o);
    let result = (|| {
        let aslist = list::new_list(heap, items(heap, d))?;
        let body = abstract_::repr(heap, aslist.object())?;
        let name = short_name(o.ob_type());
        Ok(match maxlen(d) {
            Some(m) => format!("{name}({body}, maxlen={m})"),
            None => format!("{name}({body})"),
        })
    })();
    heap.repr_leave(me);
    result
}

/// `deque_richcompare`: both deques walked by their iterators to the first unequal pair.
fn deque_richcompare<'h>(
    heap: &'h Heap,
    v: &PyObject,
    w: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Deque::cast(v), Deque::cast(w)) else {
        return Ok(None);
    };
    let (vs, ws) = (len(a), len(b));
    let same = ptr::eq(v, w);
    let shortcut = match op {
        CompareOp::Eq if same => Some(true),
        CompareOp::Eq if vs != ws => Some(false),
        CompareOp::Ne if same => Some(false),
        CompareOp::Ne if vs != ws => Some(true),
        _ => None,
    };
    if let Some(r) = shortcut {
        return Ok(Some(long::new_bool(heap, r)));
    }
    let it1 = iter::deque_iter(heap, a)?;
    let it2 = iter::deque_iter(heap, b)?;
    loop {
        let x = iter::next(heap, it1.object())?;
        let y = iter::next(heap, it2.object())?;
        let (x, y) = match (x, y) {
            (Some(x), Some(y)) => (x, y),
            (x, y) => {
                let r = match op {
                    CompareOp::Lt => y.is_some(),
                    CompareOp::Le => x.is_none(),
                    CompareOp::Eq => x.is_none() && y.is_none(),
                    CompareOp::Ne => x.is_some() || y.is_some(),
                    CompareOp::Gt => x.is_some(),
                    CompareOp::Ge => y.is_none(),
                };
                return Ok(Some(long::new_bool(heap, r)));
            }
        };
        if !abstract_::compare_bool(heap, x.object(), y.object(), CompareOp::Eq)? {
            let r = abstract_::compare_bool(heap, x.object(), y.object(), op)?;
            return Ok(Some(long::new_bool(heap, r)));
        }
    }
}

/// `deque_sizeof`: the type's basic size and the blocks in use.
pub fn deque_sizeof(o: &PyObject) -> usize {
    let d = slot_self(o);
    let blocks = (header(d).leftindex.get() as usize + len(d)).div_ceil(BLOCKLEN);
    o.ob_type().basicsize() + blocks * BLOCK_SIZE
}

/// `deque_traverse`: every item.
pub(crate) fn deque_traverse(o: &PyObject, visit: &mut dyn FnMut(ObjPtr)) {
    let d = slot_self(o);
    let h = header(d);
    let (mut b, mut i) = (h.leftblock.get(), h.leftindex.get());
    for _ in 0..len(d) {
        // SAFETY: walking the items from the left (traversal runs no code).
        unsafe {
            if let Some(p) = *slot(b, i) {
                visit(p);
            }
            i += 1;
            if i == BLOCKLEN as isize {
                b = (*b).rightlink;
                i = 0;
            }
        }
    }
}

fn deque_clear_slot(heap: &Heap, o: &PyObject) {
    clear(heap, slot_self(o));
}

unsafe fn deque_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead deque of this heap: weak references cleared, items and blocks released,
    // then its memory.
    unsafe {
        crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        release_blocks(heap, slot_self(op.as_ref()));
        heap.free_object(op, op.as_ref().ob_type());
    }
}

fn deque_len_slot(o: &PyObject) -> usize {
    len(slot_self(o))
}

static DEQUE_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(deque_len_slot),
    concat: Some(deque_concat),
    repeat: Some(deque_repeat),
};

/// The deque type's slots (also the base of its subclasses' slots).
pub(crate) static DEQUE_SLOTS: Slots = Slots {
    dealloc: deque_dealloc,
    sizeof: Some(deque_sizeof),
    repr: deque_repr,
    str: None,
    hash: None,
    richcompare: Some(deque_richcompare),
    // `deque_bool` is the length's truth, which `is_true` takes from `sequence`.
    number: None,
    sequence: Some(&DEQUE_SEQUENCE),
    traverse: Some(deque_traverse),
    clear: Some(deque_clear_slot),
    members: &DEQUE_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `maxlen` (`deque_getset`): read-only, `None` when unbounded.
static DEQUE_MEMBERS: [Member; 1] = [Member {
    name: "maxlen",
    get: |heap, o| match maxlen(Deque::cast_internal(o)?) {
        Some(m) => long::int_from_i64(heap, m as i64),
        None => Ok(crate::types::none(heap)),
    },
}];

/// `collections.deque`: `__basicsize__` 216, a GC type with a weakref list, subclassable.
pub static DEQUE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "collections.deque",
        basicsize: size_of::<PyDequeObject>(),
        itemsize: 0,
        flags: TypeFlags::HAVE_GC.union(TypeFlags::BASETYPE),
        base: Some(&OBJECT_TYPE),
        slots: &DEQUE_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyDequeObject, weakreflist));
