//! `str` (`Objects/unicodeobject.c`, 3.12 layouts of `Include/cpython/unicodeobject.h`).
//!
//! Every string pyrt makes is *compact*: header and characters in one allocation, the
//! characters in the narrowest width that holds the largest code point, followed by a NUL:
//!
//! | kind | max code point | header | `__sizeof__` |
//! |---|---|---|---|
//! | ASCII | < 128 | `PyASCIIObject`, 40 | `40 + len + 1` |
//! | Latin-1 (1 byte) | < 256 | `PyCompactUnicodeObject`, 56 | `56 + (len + 1)` |
//! | UCS-2 | < 65536 | 56 | `56 + 2·(len + 1)` |
//! | UCS-4 | otherwise | 56 | `56 + 4·(len + 1)` |
//!
//! plus `utf8_length + 1` when a UTF-8 copy is cached, which in 3.12 only the static one-character
//! Latin-1 strings U+0080–U+00FF have (so `sys.getsizeof('é') == 61`). The empty string and the
//! 256 one-character Latin-1 strings are immortal singletons. The hash (SipHash-1-3 of the
//! character buffer) is cached in the header; interned strings are immortal, as in 3.12.1.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{
    CompareOp, NumberSlots, SequenceSlots, Slots, StaticType, TypeFlags, TypeSpec,
};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

/// `PyASCIIObject`.
#[repr(C)]
pub struct PyASCIIObject {
    ob_base: PyObject,
    length: isize,
    hash: Cell<i64>,
    state: Cell<u32>,
    _padding: u32,
}

/// `PyCompactUnicodeObject`.
#[repr(C)]
pub struct PyCompactUnicodeObject {
    base: PyASCIIObject,
    utf8_length: isize,
    utf8: *const u8,
}

const _: () = {
    assert!(size_of::<PyASCIIObject>() == 40);
    assert!(size_of::<PyCompactUnicodeObject>() == 56);
    assert!(core::mem::offset_of!(PyASCIIObject, state) == 32);
};

/// `state` bit fields (little-endian GCC layout, as CPython's).
const INTERNED_MASK: u32 = 0b11;
const INTERNED_IMMORTAL: u32 = 2;
const KIND_SHIFT: u32 = 2;
const COMPACT: u32 = 1 << 5;
const ASCII: u32 = 1 << 6;
const STATICALLY_ALLOCATED: u32 = 1 << 7;

/// Bytes per code point (`PyUnicode_KIND`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One byte (ASCII or Latin-1).
    One = 1,
    /// Two bytes (UCS-2).
    Two = 2,
    /// Four bytes (UCS-4).
    Four = 4,
}

/// The kind that holds `max` and whether the text is ASCII.
fn kind_for(max: u32) -> (Kind, bool) {
    match max {
        0..=0x7f => (Kind::One, true),
        0x80..=0xff => (Kind::One, false),
        0x100..=0xffff => (Kind::Two, false),
        _ => (Kind::Four, false),
    }
}

/// Whether `o` is a str.
pub fn is_str(o: &PyObject) -> bool {
    o.ob_type().flags().contains(TypeFlags::UNICODE_SUBCLASS)
}

crate::view! {
    /// A str or an instance of a subclass of `str` (`PyUnicode_Check`).
    pub struct Str: "str" = is_str;
}

/// The string a slot of the str type was called on.
fn slot_self(o: &PyObject) -> &Str {
    // SAFETY: the str type's slots are only called on strings (instances of `str` or of a
    // subclass, which inherits the slots and `UNICODE_SUBCLASS`).
    unsafe { Str::cast_unchecked(o) }
}

#[inline]
fn ascii_header(o: &Str) -> &PyASCIIObject {
    // SAFETY: the view guarantees a string, and strings start with a `PyASCIIObject`.
    unsafe { &*core::ptr::from_ref(o).cast::<PyASCIIObject>() }
}

/// Number of code points.
#[inline]
pub fn str_len(o: &Str) -> usize {
    ascii_header(o).length as usize
}

fn str_length_slot(o: &PyObject) -> usize {
    str_len(slot_self(o))
}

#[inline]
fn state(o: &Str) -> u32 {
    ascii_header(o).state.get()
}

#[inline]
fn kind(o: &Str) -> Kind {
    match (state(o) >> KIND_SHIFT) & 0b111 {
        1 => Kind::One,
        2 => Kind::Two,
        _ => Kind::Four,
    }
}

#[inline]
fn is_ascii(o: &Str) -> bool {
    state(o) & ASCII != 0
}

/// Offset of the characters from the object's start.
#[inline]
fn data_offset(ascii: bool) -> usize {
    if ascii {
        size_of::<PyASCIIObject>()
    } else {
        size_of::<PyCompactUnicodeObject>()
    }
}

/// The text of an ASCII string, borrowed from its characters (which are valid UTF-8); `None`
/// for a string with a character past U+007F.
#[inline]
pub fn ascii_text(o: &Str) -> Option<&str> {
    if !is_ascii(o) {
        return None;
    }
    // SAFETY: an ASCII string's one-byte characters are ASCII bytes, which are valid UTF-8.
    Some(unsafe { core::str::from_utf8_unchecked(str_data(o)) })
}

/// The string's text.
pub fn str_value(o: &Str) -> String {
    if let Some(text) = ascii_text(o) {
        return text.to_owned();
    }
    let n = str_len(o);
    let base = core::ptr::from_ref(o).cast::<u8>();
    // SAFETY: a compact string's characters follow its header: `n` units of its kind.
    unsafe {
        let data = base.add(data_offset(is_ascii(o)));
        match kind(o) {
            Kind::One => core::slice::from_raw_parts(data, n)
                .iter()
                .map(|&b| char::from(b))
                .collect(),
            Kind::Two => {
                let units = core::slice::from_raw_parts(data.cast::<u16>(), n);
                units
                    .iter()
                    .map(|&u| char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'))
                    .collect()
            }
            Kind::Four => {
                let units = core::slice::from_raw_parts(data.cast::<u32>(), n);
                units
                    .iter()
                    .map(|&u| char::from_u32(u).unwrap_or('\u{fffd}'))
                    .collect()
            }
        }
    }
}

/// Whether the string is compact ASCII (`PyUnicode_IS_COMPACT_ASCII`): its iterator is a
/// `str_ascii_iterator`.
pub fn is_compact_ascii(o: &Str) -> bool {
    is_ascii(o) && state(o) & COMPACT != 0
}

/// The code point at index `i` (`PyUnicode_READ_CHAR`), `None` past the end.
pub fn char_at(o: &Str, i: usize) -> Option<u32> {
    if i >= str_len(o) {
        return None;
    }
    let base = core::ptr::from_ref(o).cast::<u8>();
    // SAFETY: a compact string's `len` units of its kind follow its header, and `i < len`.
    unsafe {
        let data = base.add(data_offset(is_ascii(o)));
        Some(match kind(o) {
            Kind::One => u32::from(data.add(i).read()),
            Kind::Two => u32::from(data.cast::<u16>().add(i).read_unaligned()),
            Kind::Four => data.cast::<u32>().add(i).read_unaligned(),
        })
    }
}

/// `str.__sizeof__`.
fn str_sizeof(o: &PyObject) -> usize {
    let o = slot_self(o);
    let n = str_len(o);
    if is_ascii(o) {
        return size_of::<PyASCIIObject>() + n + 1;
    }
    // SAFETY: a non-ASCII compact string has the compact header.
    let compact = unsafe { &*core::ptr::from_ref(o).cast::<PyCompactUnicodeObject>() };
    let utf8 = if compact.utf8.is_null() {
        0
    } else {
        compact.utf8_length as usize + 1
    };
    size_of::<PyCompactUnicodeObject>() + (n + 1) * kind(o) as usize + utf8
}

/// Writes `text`'s code points as `kind` units, then the NUL.
///
/// # Safety
/// `dst` must have room for `(count + 1) * kind` bytes.
unsafe fn write_units(dst: *mut u8, text: &str, kind: Kind) {
    // SAFETY: room for every unit and the NUL (caller).
    unsafe {
        let mut i = 0;
        for c in text.chars() {
            match kind {
                Kind::One => dst.add(i).write(c as u8),
                Kind::Two => dst.cast::<u16>().add(i).write_unaligned(c as u16),
                Kind::Four => dst.cast::<u32>().add(i).write_unaligned(c as u32),
            }
            i += 1;
        }
        dst.add(i * kind as usize).write_bytes(0, kind as usize);
    }
}

/// A new string: the empty or one-character Latin-1 singleton when it is one, else a fresh
/// compact string (`PyUnicode_FromStringAndSize`).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_str<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    let (count, max) = text
        .chars()
        .fold((0usize, 0u32), |(n, m), c| (n + 1, m.max(c as u32)));
    if count <= 1 && max < 256 {
        let single = text
            .chars()
            .next()
            .map_or(heap.singletons().empty_str(), |c| {
                heap.singletons().latin1_char(c as u8)
            });
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, single.as_ref()) });
    }
    alloc_compact(heap, text, count, max)
}

/// A new string that is a fresh object even for one Latin-1 character (`PyUnicode_New` then a
/// copy); only the empty string is the singleton. The `str` methods that build their result in
/// place (`upper`, `lower`, `join`, `replace`) return such strings, so `'a'.upper()` is not the
/// cached `'A'` and `sys.getsizeof('é'.upper())` is 58, not the singleton's 61.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_str_fresh<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    if text.is_empty() {
        return new_str(heap, text);
    }
    let (count, max) = text
        .chars()
        .fold((0usize, 0u32), |(n, m), c| (n + 1, m.max(c as u32)));
    alloc_compact(heap, text, count, max)
}

/// A fresh compact string of `count` code points, the largest being `max`.
fn alloc_compact<'h>(heap: &'h Heap, text: &str, count: usize, max: u32) -> PyResult<Obj<'h>> {
    let (kind, ascii) = kind_for(max);
    let op = alloc_units(heap, count, kind, ascii)?;
    // SAFETY: a fresh string with its header written and room for `count + 1` units.
    unsafe {
        write_units(op.cast::<u8>().as_ptr().add(data_offset(ascii)), text, kind);
        Ok(Obj::from_owned(heap, op))
    }
}

/// Writes the header fields after `ob_base`.
///
/// # Safety
/// `op` must be a string allocation with room for its header.
unsafe fn write_header(op: ObjPtr, count: usize, kind: Kind, ascii: bool, extra_state: u32) {
    let state =
        ((kind as u32) << KIND_SHIFT) | COMPACT | if ascii { ASCII } else { 0 } | extra_state;
    // SAFETY: the header fits in the allocation (caller).
    unsafe {
        let h = op.cast::<PyASCIIObject>().as_ptr();
        core::ptr::addr_of_mut!((*h).length).write(count as isize);
        core::ptr::addr_of_mut!((*h).hash).write(Cell::new(-1));
        core::ptr::addr_of_mut!((*h).state).write(Cell::new(state));
        core::ptr::addr_of_mut!((*h)._padding).write(0);
        if !ascii {
            let c = op.cast::<PyCompactUnicodeObject>().as_ptr();
            core::ptr::addr_of_mut!((*c).utf8_length).write(0);
            core::ptr::addr_of_mut!((*c).utf8).write(core::ptr::null());
        }
    }
}

unsafe fn str_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead string of this heap (interned strings are immortal and never get here).
    unsafe { heap.free_object(op, STR_TYPE.get()) }
}

fn str_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(crate::unicode_data::str_repr(&str_value(slot_self(o))))
}

fn str_str(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    Ok(str_value(slot_self(o)))
}

/// `hash(s)`: computed once and cached in the header.
fn str_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    let o = slot_self(o);
    let cached = ascii_header(o).hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    // The string's compact code units are the bytes `hash_str` hashes (PEP 393's narrowest
    // kind, native order): hash them in place, without building a `String`.
    let h = crate::hash::hash_bytes(heap.hash_secret(), str_data(o));
    ascii_header(o).hash.set(h);
    Ok(h)
}

fn str_richcompare<'h>(
    heap: &'h Heap,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult<Option<Obj<'h>>> {
    let (Some(a), Some(b)) = (Str::cast(a), Str::cast(b)) else {
        return Ok(None);
    };
    let result = match op {
        CompareOp::Eq => str_eq(a, b),
        CompareOp::Ne => !str_eq(a, b),
        _ => op.holds(str_cmp(a, b)),
    };
    Ok(Some(crate::types::long::new_bool(heap, result)))
}

/// The order of two strings by code points (`unicode_compare`), without copying them.
pub fn str_cmp(a: &Str, b: &Str) -> core::cmp::Ordering {
    match (kind(a), kind(b)) {
        // One byte per character: byte order is code point order.
        (Kind::One, Kind::One) => str_data(a).cmp(str_data(b)),
        _ => code_points(a).cmp(code_points(b)),
    }
}

/// The code points of a string, read in place.
fn code_points(o: &Str) -> impl Iterator<Item = u32> + '_ {
    let data = str_data(o);
    let k = kind(o) as usize;
    data.chunks_exact(k).map(move |unit| match unit {
        [b] => u32::from(*b),
        [x, y] => u32::from(u16::from_ne_bytes([*x, *y])),
        [w, x, y, z] => u32::from_ne_bytes([*w, *x, *y, *z]),
        _ => unreachable!("a code unit is 1, 2 or 4 bytes"),
    })
}

fn str_concat<'h>(heap: &'h Heap, a: &PyObject, b: &PyObject) -> PyResult<Obj<'h>> {
    let Some(b) = Str::cast(b) else {
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.ob_type().name()
        )));
    };
    concat(heap, slot_self(a), b)
}

/// `s * n` (`unicode_repeat`): the length is checked against `PY_SSIZE_T_MAX` first
/// (`OverflowError`), then the object is allocated at its final size (`MemoryError` when the
/// allocator refuses) and the characters are copied in, without an intermediate Rust string.
fn str_repeat<'h>(heap: &'h Heap, a: &PyObject, n: isize) -> PyResult<Obj<'h>> {
    let s = slot_self(a);
    let len = str_len(s);
    if n <= 0 || len == 0 {
        return new_str(heap, "");
    }
    let n = n as usize;
    if len > isize::MAX as usize / n {
        return Err(PyErr::overflow_error("repeated string is too long"));
    }
    if n == 1 {
        // `unicode_result_unchanged`: the string itself when it is an exact `str`.
        return crate::types::unicode_methods::unchanged(heap, s);
    }
    let (kind, ascii) = (kind(s), is_ascii(s));
    let op = alloc_units(heap, len * n, kind, ascii)?;
    let chunk = len * kind as usize;
    // SAFETY: `op` is a fresh string of `len * n` units of `s`'s kind plus the NUL;
    // `s`'s `len` units follow its header (same kind and header size), and the copies
    // fill the new buffer chunk by chunk without overlap.
    unsafe {
        let src = core::ptr::from_ref(s).cast::<u8>().add(data_offset(ascii));
        let dst = op.cast::<u8>().as_ptr().add(data_offset(ascii));
        for i in 0..n {
            core::ptr::copy_nonoverlapping(src, dst.add(i * chunk), chunk);
        }
        dst.add(n * chunk).write_bytes(0, kind as usize);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `s * n` (`unicode_repeat`, see `str_repeat`): the VM's fast path for an exact str and a
/// compact int.
///
/// # Errors
/// `OverflowError: repeated string is too long`, or `MemoryError`.
pub fn repeat<'h>(heap: &'h Heap, s: &Str, n: isize) -> PyResult<Obj<'h>> {
    str_repeat(heap, crate::view::View::as_object(s), n)
}

/// A fresh compact string of `count` units of `kind` with its header written and its
/// characters left for the caller (`PyUnicode_New`).
///
/// # Errors
/// `MemoryError` when the size passes `PY_SSIZE_T_MAX` (as `PyUnicode_New` checks) or the
/// allocator refuses.
fn alloc_units(heap: &Heap, count: usize, kind: Kind, ascii: bool) -> PyResult<ObjPtr> {
    let offset = data_offset(ascii);
    if count > (isize::MAX as usize - offset) / kind as usize - 1 {
        return Err(PyErr::memory_error());
    }
    let op = heap.alloc_object(STR_TYPE.get(), offset + (count + 1) * kind as usize)?;
    // SAFETY: a fresh allocation with room for the header.
    unsafe { write_header(op, count, kind, ascii, 0) };
    Ok(op)
}

/// A new instance of `ty`, a class whose base is `str`, with the characters and cached hash of
/// `src` (`unicode_subtype_new`). CPython's instance is a non-compact `PyUnicodeObject` (64
/// bytes, then the class's member slots) with its characters in a separate block; pyrt keeps
/// them after the header as in a compact string of the same kind, with the `compact` and
/// `interned` bits clear, puts the class's member slots (`__slots__` names, `basicsize` past
/// 64) after the characters (see [`subclass_members_offset`]), and [`str_subclass_sizeof`]
/// reports CPython's `__sizeof__`. The caller gives the instance its reference to `ty` and
/// tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn new_subclass_str<'h>(
    heap: &'h Heap,
    ty: &crate::typeobj::PyTypeObject,
    src: &Str,
) -> PyResult<Obj<'h>> {
    let (n, kind, ascii) = (str_len(src), kind(src), is_ascii(src));
    let offset = data_offset(ascii);
    let members = members_offset(n, kind, ascii);
    let member_bytes = ty.basicsize().saturating_sub(STR_TYPE.get().basicsize());
    let op = heap.alloc_object(ty, members + member_bytes)?;
    // SAFETY: a fresh allocation with room for the header, `n + 1` units of `kind` (which
    // `src` holds after its header of the same size) and, 8-aligned after them, the member
    // slots, which start unset.
    unsafe {
        op.cast::<u8>()
            .as_ptr()
            .add(members)
            .write_bytes(0, member_bytes);
        write_header(op, n, kind, ascii, 0);
        let h = op.cast::<PyASCIIObject>().as_ptr();
        (*h).state
            .set(state(src) & !(COMPACT | INTERNED_MASK | STATICALLY_ALLOCATED));
        (*h).hash.set(ascii_header(src).hash.get());
        let from = core::ptr::from_ref(src).cast::<u8>().add(offset);
        let to = op.cast::<u8>().as_ptr().add(offset);
        core::ptr::copy_nonoverlapping(from, to, (n + 1) * kind as usize);
        Ok(Obj::from_owned(heap, op))
    }
}

/// Where the member slots of a str subclass's instance of `n` units of `kind` start: after
/// the characters and their NUL, rounded up to 8 bytes.
fn members_offset(n: usize, kind: Kind, ascii: bool) -> usize {
    (data_offset(ascii) + (n + 1) * kind as usize).next_multiple_of(8)
}

/// The offset of the member slots (`__slots__` names) in `o`, an instance of a class whose
/// base is `str` made by [`new_subclass_str`]: after its characters, where CPython has them
/// at `sizeof(PyUnicodeObject)` with the characters in a block of their own.
pub(crate) fn subclass_members_offset(o: &Str) -> usize {
    members_offset(str_len(o), kind(o), is_ascii(o))
}

/// `str.__sizeof__` of an instance of a class whose base is `str`: CPython's non-compact
/// layout, `sizeof(PyUnicodeObject)` (64) and the characters' block, `(len + 1) * kind`.
pub(crate) fn str_subclass_sizeof(o: &PyObject) -> usize {
    Str::cast(o).map_or(0, |o| 64 + (str_len(o) + 1) * kind(o) as usize)
}

static STR_SEQUENCE: SequenceSlots = SequenceSlots {
    length: Some(str_length_slot),
    concat: Some(str_concat),
    repeat: Some(str_repeat),
};

/// `%` is printf-style formatting (`nb_remainder`, [`crate::types::printf`]).
static STR_NUMBER: NumberSlots = NumberSlots {
    remainder: Some(crate::types::printf::str_remainder),
    ..crate::types::base::EMPTY_NUMBER_SLOTS
};

pub(crate) static STR_SLOTS: Slots = Slots {
    dealloc: str_dealloc,
    sizeof: Some(str_sizeof),
    repr: str_repr,
    str: Some(str_str),
    hash: Some(str_hash),
    richcompare: Some(str_richcompare),
    number: Some(&STR_NUMBER),
    sequence: Some(&STR_SEQUENCE),
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `str`: `__basicsize__` is `sizeof(PyUnicodeObject)` = 64, the layout of str subclasses.
pub static STR_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "str",
        basicsize: 64,
        itemsize: 0,
        flags: TypeFlags::BASETYPE.union(TypeFlags::UNICODE_SUBCLASS),
        base: Some(&OBJECT_TYPE),
        slots: &STR_SLOTS,
    },
);

/// `sys.intern(s)` (`PyUnicode_InternInPlace`): the canonical string equal to `s`, which is `s`
/// itself the first time; interned strings become immortal (3.12.1).
///
/// # Errors
/// `TypeError: intern() argument must be str, not int` for a non-str.
pub fn intern<'h>(heap: &'h Heap, s: Obj<'h>) -> PyResult<Obj<'h>> {
    let Some(o) = Str::cast(s.object()).filter(|o| core::ptr::eq(o.ob_type(), STR_TYPE.get()))
    else {
        return Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            s.ob_type().name()
        )));
    };
    if state(o) & INTERNED_MASK != 0 {
        return Ok(s);
    }
    // An ASCII string's characters are its UTF-8 text: look it up without building a `String`
    // (the common case: attribute and variable names).
    let found = match ascii_text(o) {
        Some(text) => heap.interned_get(text),
        None => heap.interned_get(&str_value(o)),
    };
    if let Some(canonical) = found {
        // SAFETY: interned strings are immortal objects of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, canonical.as_ref()) });
    }
    let text = str_value(o);
    if STATIC_ONE_CHAR_IDS.contains(&text.as_str()) {
        // CPython's runtime interns its static identifiers `_Py_ID(a)`, `_Py_ID(x)`, ... at
        // start: interning "a" gives that object, never the one-character cache `chr(97)`
        // returns, so `"a" is chr(97)` is false in 3.12.1.
        let fresh = new_str_fresh(heap, &text)?;
        return Ok(intern_new(heap, fresh, text));
    }
    Ok(intern_new(heap, s, text))
}

/// Makes `s` (a str whose text no interned string has) the interned string for `text`.
fn intern_new<'h>(heap: &'h Heap, s: Obj<'h>, text: String) -> Obj<'h> {
    let Some(o) = Str::cast(s.object()) else {
        return s;
    };
    o.set_immortal();
    let h = ascii_header(o);
    h.state
        .set((h.state.get() & !INTERNED_MASK) | INTERNED_IMMORTAL);
    heap.interned_insert(text, s.as_ptr());
    s
}

/// The one-character names among CPython 3.12.1's static identifiers
/// (`STRUCT_FOR_ID` in `pycore_global_strings.h`), which are interned before any code runs.
const STATIC_ONE_CHAR_IDS: [&str; 11] = ["_", "a", "b", "c", "d", "e", "n", "p", "r", "s", "x"];

/// The interned string equal to `text`, if there is one.
pub fn interned<'h>(heap: &'h Heap, text: &str) -> Option<Obj<'h>> {
    let canonical = heap.interned_get(text)?;
    // SAFETY: interned strings are immortal objects of this heap.
    Some(unsafe { Obj::from_borrowed(heap, canonical.as_ref()) })
}

/// A string constant of compiled code: interned when it consists only of ASCII letters,
/// digits and underscores (`all_name_chars` in `Objects/codeobject.c`), as CPython's compiler
/// does for identifier-like literals; other constants are ordinary strings.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub fn new_constant_str<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    let s = new_str(heap, text)?;
    if text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return intern(heap, s);
    }
    Ok(s)
}

/// Whether `s` is interned.
pub fn is_interned(o: &Str) -> bool {
    state(o) & INTERNED_MASK != 0
}

/// A static ASCII string of at most one character: `PyASCIIObject`, the character, the NUL.
#[repr(C)]
pub(crate) struct StaticAscii {
    head: PyASCIIObject,
    data: [u8; 8],
}

/// A static one-character Latin-1 string (U+0080–U+00FF) with its UTF-8 form pre-cached, as
/// CPython 3.12 builds them: compact header, the character and NUL, then the 2 UTF-8 bytes
/// and NUL.
#[repr(C)]
pub(crate) struct StaticLatin1 {
    head: PyCompactUnicodeObject,
    data: [u8; 2],
    utf8: [u8; 3],
}

fn static_header(length: isize, ascii: bool) -> PyASCIIObject {
    let state = ((Kind::One as u32) << KIND_SHIFT)
        | COMPACT
        | STATICALLY_ALLOCATED
        | if ascii { ASCII } else { 0 };
    PyASCIIObject {
        ob_base: PyObject::new_immortal(STR_TYPE.ptr()),
        length,
        hash: Cell::new(-1),
        state: Cell::new(state),
        _padding: 0,
    }
}

impl StaticAscii {
    /// The empty string (`None`) or the one-character string `c` (< 128).
    pub(crate) fn new(c: Option<u8>) -> StaticAscii {
        let mut data = [0; 8];
        data[0] = c.unwrap_or(0);
        StaticAscii {
            head: static_header(isize::from(c.is_some()), true),
            data,
        }
    }

    pub(crate) fn ptr(&self) -> ObjPtr {
        NonNull::from(&self.head.ob_base)
    }
}

impl StaticLatin1 {
    /// The one-character string `c` (128 ≤ c < 256). Its `utf8` pointer is set by
    /// [`StaticLatin1::point_utf8`] once the value has its final address.
    pub(crate) fn new(c: u8) -> StaticLatin1 {
        debug_assert!(c >= 0x80);
        let mut utf8 = [0; 3];
        char::from(c).encode_utf8(&mut utf8[..2]);
        StaticLatin1 {
            head: PyCompactUnicodeObject {
                base: static_header(1, false),
                utf8_length: 2,
                utf8: core::ptr::null(),
            },
            data: [c, 0],
            utf8,
        }
    }

    /// Points the cached UTF-8 form at this value's own bytes; the value must not move after.
    pub(crate) fn point_utf8(&mut self) {
        self.head.utf8 = self.utf8.as_ptr();
    }

    pub(crate) fn ptr(&self) -> ObjPtr {
        NonNull::from(&self.head.base.ob_base)
    }
}

/// Whether `o` is exactly a `str` (`PyUnicode_CheckExact`), not an instance of a subclass.
#[inline]
pub fn is_exact_str(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), STR_TYPE.get())
}

/// `o` as a string view when it is an exact `str` (`PyUnicode_CheckExact`): one type test,
/// for the lookups of names and str keys.
#[inline(always)]
pub fn as_exact_str(o: &PyObject) -> Option<&Str> {
    if is_exact_str(o) {
        // SAFETY: an instance of `str` itself is a string.
        Some(unsafe { Str::cast_unchecked(o) })
    } else {
        None
    }
}

/// `hash(s)` of a string without dispatching through its type: the cached hash, computed and
/// cached the first time (`unicode_hash`). Dict lookups with str keys use it.
#[inline]
pub fn str_hash_cached(heap: &Heap, o: &Str) -> i64 {
    let cached = ascii_header(o).hash.get();
    if cached != -1 {
        return cached;
    }
    str_hash_slow(heap, o)
}

#[cold]
fn str_hash_slow(heap: &Heap, o: &Str) -> i64 {
    // The string's compact code units are the bytes `hash_str` hashes (PEP 393's narrowest
    // kind, native order): hash them in place, without building a `String`.
    let h = crate::hash::hash_bytes(heap.hash_secret(), str_data(o));
    ascii_header(o).hash.set(h);
    h
}

/// The string's code units as bytes: `len × kind` bytes.
#[inline]
fn str_data(o: &Str) -> &[u8] {
    let n = str_len(o) * kind(o) as usize;
    let base = core::ptr::from_ref(o).cast::<u8>();
    // SAFETY: a compact string's `len` units of its kind follow its header, alive as long as
    // the string is borrowed.
    unsafe { core::slice::from_raw_parts(base.add(data_offset(is_ascii(o))), n) }
}

/// Whether two strings hold the same text (`unicode_eq` in `Objects/dictobject.c`): same
/// length, same kind, same bytes. Every pyrt string is compact in the narrowest kind that
/// holds it, so strings of different kinds (or one ASCII, one Latin-1) differ. Never
/// allocates and never calls Python code.
#[inline]
pub fn str_eq(a: &Str, b: &Str) -> bool {
    let (ha, hb) = (ascii_header(a), ascii_header(b));
    ha.length == hb.length
        && (state(a) ^ state(b)) & (ASCII | (0b111 << KIND_SHIFT)) == 0
        && str_data(a) == str_data(b)
}

/// A string of the ASCII bytes `text`: the empty or one-character singleton when it is one,
/// else a fresh compact ASCII string (`PyUnicode_Substring`'s and `_PyUnicode_FromASCII`'s
/// result), copied straight into the object.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
///
/// # Panics
/// If `text` has a byte past 0x7F (a caller's bug: an ASCII string must hold ASCII).
pub fn new_ascii<'h>(heap: &'h Heap, text: &[u8]) -> PyResult<Obj<'h>> {
    match text {
        [] => new_str(heap, ""),
        [c] if c.is_ascii() => {
            let single = heap.singletons().latin1_char(*c);
            // SAFETY: a singleton of this heap.
            Ok(unsafe { Obj::from_borrowed(heap, single.as_ref()) })
        }
        _ => new_ascii_with(heap, text.len(), |buf| buf.copy_from_slice(text)),
    }
}

/// A fresh compact ASCII string of `len` characters (`PyUnicode_New(len, 127)`), whose bytes
/// `fill` writes; only the empty string is the singleton.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
///
/// # Panics
/// If `fill` leaves a byte past 0x7F (a caller's bug).
pub fn new_ascii_with<'h>(
    heap: &'h Heap,
    len: usize,
    fill: impl FnOnce(&mut [u8]),
) -> PyResult<Obj<'h>> {
    if len == 0 {
        return new_str(heap, "");
    }
    let op = alloc_units(heap, len, Kind::One, true)?;
    // SAFETY: a fresh string with room for `len` one-byte units and the NUL after its
    // header; nothing else refers to it yet. The characters start zeroed, so a panicking
    // `fill` leaves valid ASCII behind.
    unsafe {
        let data = op.cast::<u8>().as_ptr().add(data_offset(true));
        data.write_bytes(0, len + 1);
        let buf = core::slice::from_raw_parts_mut(data, len);
        fill(buf);
        assert!(buf.is_ascii(), "an ASCII string was given a non-ASCII byte");
        Ok(Obj::from_owned(heap, op))
    }
}

/// `PyUnicode_MAX_CHAR_VALUE`: the largest code point the string's kind admits.
#[inline]
pub(crate) fn max_char_value(o: &Str) -> u32 {
    match (kind(o), is_ascii(o)) {
        (Kind::One, true) => 0x7f,
        (Kind::One, false) => 0xff,
        (Kind::Two, _) => 0xffff,
        (Kind::Four, _) => 0x10_ffff,
    }
}

/// Copies the characters of `src` to `dst` as units of `to` (`_PyUnicode_FastCopyCharacters`),
/// widening them when `to` is wider than `src`'s kind.
///
/// # Safety
/// `dst` must have room for `str_len(src)` units of `to`, and `to` must be at least as wide as
/// `src`'s kind.
unsafe fn copy_widened(dst: *mut u8, to: Kind, src: &Str) {
    let data = str_data(src);
    let from = kind(src);
    debug_assert!(from as usize <= to as usize);
    // SAFETY: room for the units (caller); unaligned writes need no alignment.
    unsafe {
        if from == to {
            core::ptr::copy_nonoverlapping(data.as_ptr(), dst, data.len());
            return;
        }
        for (i, c) in code_points(src).enumerate() {
            match to {
                Kind::One => dst.add(i).write(c as u8),
                Kind::Two => dst.cast::<u16>().add(i).write_unaligned(c as u16),
                Kind::Four => dst.cast::<u32>().add(i).write_unaligned(c),
            }
        }
    }
}

/// `a + b` of two strings (`PyUnicode_Concat`): the empty string (the singleton) as one
/// operand gives the other one (itself when it is an exact `str`, else an exact copy:
/// `PyUnicode_FromObject`); otherwise a fresh string of the wider kind, the characters copied
/// in place.
///
/// # Errors
/// `OverflowError: strings are too large to concat`, or `MemoryError`.
pub fn concat<'h>(heap: &'h Heap, a: &Str, b: &Str) -> PyResult<Obj<'h>> {
    let empty = heap.singletons().empty_str().as_ptr().cast_const();
    let (a_empty, b_empty) = (
        core::ptr::eq(a.as_ref(), empty),
        core::ptr::eq(b.as_ref(), empty),
    );
    if a_empty || b_empty {
        let other = if a_empty { b } else { a };
        if is_exact_str(other) {
            // SAFETY: `other` is a live object of `heap` (the caller holds it).
            return Ok(unsafe { Obj::from_borrowed(heap, other) });
        }
        return new_str_fresh(heap, &str_value(other));
    }
    let (la, lb) = (str_len(a), str_len(b));
    if la > isize::MAX as usize - lb {
        return Err(PyErr::overflow_error("strings are too large to concat"));
    }
    let (kind, ascii) = kind_for(max_char_value(a).max(max_char_value(b)));
    let op = alloc_units(heap, la + lb, kind, ascii)?;
    // SAFETY: a fresh string of `la + lb` units of `kind` (at least as wide as either
    // operand's) plus the NUL.
    unsafe {
        let dst = op.cast::<u8>().as_ptr().add(data_offset(ascii));
        copy_widened(dst, kind, a);
        copy_widened(dst.add(la * kind as usize), kind, b);
        dst.add((la + lb) * kind as usize)
            .write_bytes(0, kind as usize);
        Ok(Obj::from_owned(heap, op))
    }
}

/// The string `items[0] + sep + items[1] + sep + ...` built in place (the copying half of
/// `_PyUnicode_JoinArray`): `PyUnicode_New(size, max)` — only an empty result is the
/// singleton — then each piece's characters copied in, widened to the result's kind.
///
/// Every item must be a str, `size` the result's length in code points and `max` at least
/// every piece's [`max_char_value`] (the caller has checked the pieces and summed the
/// lengths).
///
/// # Errors
/// `MemoryError` when the allocator refuses.
///
/// # Panics
/// If an item is not a str or `size` is not the sum of the pieces' and separators' lengths
/// (a caller's bug).
pub(crate) fn join_pieces<'h>(
    heap: &'h Heap,
    sep: &Str,
    items: &[Obj<'h>],
    size: usize,
    max: u32,
) -> PyResult<Obj<'h>> {
    if size == 0 {
        return new_str(heap, "");
    }
    // The caller checked every item: a str.
    fn piece<'a>(o: &'a Obj<'_>) -> &'a Str {
        Str::cast(o.object()).expect("join_pieces: every item is a str")
    }
    let expected = items.iter().map(|o| str_len(piece(o))).sum::<usize>()
        + str_len(sep) * items.len().saturating_sub(1);
    assert_eq!(expected, size, "join_pieces: the size is the pieces' total");
    let (kind, ascii) = kind_for(max);
    debug_assert!(items.iter().all(|o| max_char_value(piece(o)) <= max));
    debug_assert!(items.len() < 2 || max_char_value(sep) <= max);
    let op = alloc_units(heap, size, kind, ascii)?;
    let width = kind as usize;
    // SAFETY: a fresh string of `size` units of `kind` plus the NUL; the pieces and separators
    // fill exactly `size` units (asserted above), each no wider than `kind` (its max char is at
    // most `max`, checked by the caller and debug-asserted).
    unsafe {
        let mut dst = op.cast::<u8>().as_ptr().add(data_offset(ascii));
        for (i, item) in items.iter().enumerate() {
            let item = piece(item);
            if i > 0 && str_len(sep) > 0 {
                copy_widened(dst, kind, sep);
                dst = dst.add(str_len(sep) * width);
            }
            copy_widened(dst, kind, item);
            dst = dst.add(str_len(item) * width);
        }
        dst.write_bytes(0, width);
        Ok(Obj::from_owned(heap, op))
    }
}

/// `s[i]` for `i < len(s)` (`unicode_getitem`: `PyUnicode_READ_CHAR` then `unicode_char`): the
/// cached singleton for a Latin-1 character, else a fresh one-character string of its kind.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
///
/// # Panics
/// If `i` is not below the string's length (the caller checks the bounds).
pub fn char_str<'h>(heap: &'h Heap, s: &Str, i: usize) -> PyResult<Obj<'h>> {
    let c = char_at(s, i).expect("an index within the string");
    if let Ok(b) = u8::try_from(c) {
        let single = heap.singletons().latin1_char(b);
        // SAFETY: a singleton of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, single.as_ref()) });
    }
    let (kind, ascii) = kind_for(c);
    let op = alloc_units(heap, 1, kind, ascii)?;
    // SAFETY: a fresh string of one unit of `kind` plus the NUL.
    unsafe {
        let dst = op.cast::<u8>().as_ptr().add(data_offset(ascii));
        match kind {
            Kind::Two => dst.cast::<u16>().write_unaligned(c as u16),
            _ => dst.cast::<u32>().write_unaligned(c),
        }
        dst.add(kind as usize).write_bytes(0, kind as usize);
        Ok(Obj::from_owned(heap, op))
    }
}

/// Whether the string's characters are one byte each (ASCII or Latin-1, `PyUnicode_KIND ==
/// PyUnicode_1BYTE_KIND`): `list.sort` then compares such strings by their bytes.
#[inline]
pub fn is_one_byte(o: &Str) -> bool {
    kind(o) == Kind::One
}

/// `s[start:start + len]` (`PyUnicode_Substring` of a non-empty proper part): the empty or
/// one-Latin-1-character singleton when it is one, else a fresh string in the narrowest kind
/// that holds the part's characters (`_PyUnicode_FromUCS1/2/4`), copied from `s` in place.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
///
/// # Panics
/// If the part is not within the string (the caller clamps the bounds).
pub fn substring<'h>(heap: &'h Heap, s: &Str, start: usize, len: usize) -> PyResult<Obj<'h>> {
    assert!(start.checked_add(len).is_some_and(|end| end <= str_len(s)));
    match len {
        0 => return new_str(heap, ""),
        1 => return char_str(heap, s, start),
        _ => {}
    }
    let from = kind(s);
    let bytes = &str_data(s)[start * from as usize..(start + len) * from as usize];
    let unit = |i: usize| -> u32 {
        match from {
            Kind::One => u32::from(bytes[i]),
            Kind::Two => u32::from(u16::from_ne_bytes([bytes[2 * i], bytes[2 * i + 1]])),
            Kind::Four => u32::from_ne_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes")),
        }
    };
    let max = (0..len).map(unit).max().unwrap_or(0);
    let (to, ascii) = kind_for(max);
    let op = alloc_units(heap, len, to, ascii)?;
    // SAFETY: a fresh string of `len` units of `to` plus the NUL; every character fits `to`
    // (`to` holds the part's largest).
    unsafe {
        let dst = op.cast::<u8>().as_ptr().add(data_offset(ascii));
        if to == from {
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len());
        } else {
            for i in 0..len {
                let c = unit(i);
                match to {
                    Kind::One => dst.add(i).write(c as u8),
                    Kind::Two => dst.cast::<u16>().add(i).write_unaligned(c as u16),
                    Kind::Four => dst.cast::<u32>().add(i).write_unaligned(c),
                }
            }
        }
        dst.add(len * to as usize).write_bytes(0, to as usize);
        Ok(Obj::from_owned(heap, op))
    }
}
