//! `code` (`Objects/codeobject.c`, `Include/cpython/code.h`): the 3.12 `PyCodeObject`, the
//! compiled body of a function, module or class, which the VM's frames execute.
//!
//! A code object is a `PyVarObject` whose `ob_size` counts the 2-byte code units of its
//! bytecode, kept inline after the 192-byte fixed part (`co_code_adaptive`), so
//! `__basicsize__` is 192, `__itemsize__` 2 and `sys.getsizeof` is `code_sizeof`:
//! `_PyObject_VAR_SIZE` = 192 + 2 × units rounded up to 8 (`co_extra` is never set: it is only
//! written by the C API `_PyCode_SetExtra`; the `_co_cached` copies of `co_code` and the name
//! tuples that `co_code`/`co_varnames` make on demand are not counted by CPython either).
//!
//! | offset | field |
//! |---|---|
//! | 0 | `PyVarObject` (`ob_size` = code units) |
//! | 24 | `co_consts`, `co_names`, `co_exceptiontable` |
//! | 48 | `co_flags`, `co_argcount`, `co_posonlyargcount`, `co_kwonlyargcount`, `co_stacksize`, `co_firstlineno` (i32) |
//! | 72 | `co_nlocalsplus`, `co_framesize`, `co_nlocals`, `co_ncellvars`, `co_nfreevars`, `co_version` (i32) |
//! | 96 | `co_localsplusnames`, `co_localspluskinds`, `co_filename`, `co_name`, `co_qualname`, `co_linetable` |
//! | 144 | `co_weakreflist` (`tp_weaklistoffset`) |
//! | 152 | `_co_cached`, `_co_instrumentation_version`, `_co_monitoring`, `_co_firsttraceable`, `co_extra` |
//! | 192 | `co_code_adaptive`: the code units |
//!
//! Code objects are not GC objects in 3.12 (no `Py_TPFLAGS_HAVE_GC`): they hold only
//! constants, names and bytes. The constructor ([`new_code`]) validates its parts as
//! `_PyCode_Validate` does, interns the names, the local names and the identifier-like string
//! constants (`intern_strings`, `intern_string_constants`), computes the counts that
//! `get_localsplus_counts` derives from the local kinds, and `co_framesize = nlocalsplus +
//! stacksize + FRAME_SPECIALS_SIZE`. `co_name`, `co_qualname` and `co_filename` are stored as
//! given (the compiler interns the names; `code.replace` does not).
//!
//! `hash(code)` is `code_hash`; `==` is identity here (CPython's `code_richcompare` compares
//! the constants through `_PyCode_ConstantKey`, which is not built yet).

use core::cell::Cell;
use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject, PyVarObject};
use crate::typeobj::{Member, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::bytes::{self, Bytes};
use crate::types::fields::RefField;
use crate::types::tuple::{self, Tuple};
use crate::types::unicode::{self, Str};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};
use crate::view::View;

/// `CO_OPTIMIZED`.
pub const CO_OPTIMIZED: i32 = 0x0001;
/// `CO_NEWLOCALS`.
pub const CO_NEWLOCALS: i32 = 0x0002;
/// `CO_VARARGS`.
pub const CO_VARARGS: i32 = 0x0004;
/// `CO_VARKEYWORDS`.
pub const CO_VARKEYWORDS: i32 = 0x0008;
/// `CO_NESTED`.
pub const CO_NESTED: i32 = 0x0010;
/// `CO_GENERATOR`.
pub const CO_GENERATOR: i32 = 0x0020;
/// `CO_COROUTINE`.
pub const CO_COROUTINE: i32 = 0x0080;
/// `CO_ASYNC_GENERATOR`.
pub const CO_ASYNC_GENERATOR: i32 = 0x0200;

/// `CO_FAST_HIDDEN`: a local of an inlined comprehension (3.12).
pub const CO_FAST_HIDDEN: u8 = 0x10;
/// `CO_FAST_LOCAL`.
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `CO_FAST_CELL`.
pub const CO_FAST_CELL: u8 = 0x40;
/// `CO_FAST_FREE`.
pub const CO_FAST_FREE: u8 = 0x80;

/// The `RESUME` opcode of 3.12, whose first occurrence is `_co_firsttraceable`.
const RESUME: u8 = 151;

/// `PyCodeObject` without its code units.
#[repr(C)]
pub struct PyCodeObject {
    ob_base: PyVarObject,
    co_consts: RefField,
    co_names: RefField,
    co_exceptiontable: RefField,
    co_flags: i32,
    co_argcount: i32,
    co_posonlyargcount: i32,
    co_kwonlyargcount: i32,
    co_stacksize: i32,
    co_firstlineno: i32,
    co_nlocalsplus: i32,
    co_framesize: i32,
    co_nlocals: i32,
    co_ncellvars: i32,
    co_nfreevars: i32,
    co_version: u32,
    co_localsplusnames: RefField,
    co_localspluskinds: RefField,
    co_filename: RefField,
    co_name: RefField,
    co_qualname: RefField,
    co_linetable: RefField,
    co_weakreflist: Cell<Option<ObjPtr>>,
    /// `_co_cached`: never allocated here (the interpreter makes `co_code` from the units).
    _co_cached: usize,
    _co_instrumentation_version: u64,
    _co_monitoring: usize,
    co_firsttraceable: i32,
    co_extra: usize,
}

/// `offsetof(PyCodeObject, co_code_adaptive)`: `code.__basicsize__`.
pub const CODE_UNITS_OFFSET: usize = 192;

const _: () = {
    assert!(size_of::<PyCodeObject>() == CODE_UNITS_OFFSET);
    assert!(core::mem::offset_of!(PyCodeObject, co_flags) == 48);
    assert!(core::mem::offset_of!(PyCodeObject, co_nlocalsplus) == 72);
    assert!(core::mem::offset_of!(PyCodeObject, co_localsplusnames) == 96);
    assert!(core::mem::offset_of!(PyCodeObject, co_weakreflist) == 144);
    assert!(core::mem::offset_of!(PyCodeObject, co_firsttraceable) == 176);
    assert!(core::mem::offset_of!(PyCodeObject, co_extra) == 184);
};

/// `FRAME_SPECIALS_SIZE`: the words of a `_PyInterpreterFrame` before its `localsplus`.
pub const FRAME_SPECIALS_SIZE: i32 = 9;

/// Whether `o` is a code object (`PyCode_Check`; `code` cannot be subclassed).
pub fn is_code(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), CODE_TYPE.get())
}

crate::view! {
    /// A code object (`PyCode_Check`).
    pub struct Code: "code" = is_code;
}

fn slot_self(o: &PyObject) -> &Code {
    // SAFETY: the code type's slots are only called on code objects (no subclasses).
    unsafe { Code::cast_unchecked(o) }
}

fn header(c: &Code) -> &PyCodeObject {
    // SAFETY: the view guarantees a code object, which starts with a `PyCodeObject`.
    unsafe { &*ptr::from_ref(c).cast::<PyCodeObject>() }
}

/// A field the constructor checked, as its view: the code object owns it for its whole life
/// and never replaces it.
fn field<V: View>(f: &RefField) -> &V {
    let p = f
        .ptr()
        .expect("a code object's fields are set by its constructor");
    debug_assert!(V::is_type_of(
        // SAFETY: the field owns a reference to a live object.
        unsafe { p.as_ref() }
    ));
    // SAFETY: `new_code` stores only objects of the checked types (`_PyCode_Validate`) and the
    // fields are never written again; the code object keeps them alive while it is borrowed.
    unsafe { V::cast_unchecked(&*p.as_ptr()) }
}

/// The parts of a code object (`struct _PyCodeConstructor`).
pub struct CodeParts<'h> {
    /// `co_filename` (a str).
    pub filename: Obj<'h>,
    /// `co_name` (a str).
    pub name: Obj<'h>,
    /// `co_qualname` (a str).
    pub qualname: Obj<'h>,
    /// `co_flags`.
    pub flags: i32,
    /// The bytecode (`co_code`, a bytes object of 2-byte code units).
    pub code: Obj<'h>,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_linetable` (bytes).
    pub linetable: Obj<'h>,
    /// `co_consts` (a tuple).
    pub consts: Obj<'h>,
    /// `co_names` (a tuple of str).
    pub names: Obj<'h>,
    /// `co_localsplusnames` (a tuple of str): locals, then cells, then free variables.
    pub localsplusnames: Obj<'h>,
    /// `co_localspluskinds` (bytes, one `CO_FAST_*` kind per local name).
    pub localspluskinds: Obj<'h>,
    /// `co_argcount`.
    pub argcount: i32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: i32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: i32,
    /// `co_stacksize`.
    pub stacksize: i32,
    /// `co_exceptiontable` (bytes).
    pub exceptiontable: Obj<'h>,
}

/// `get_localsplus_counts`: `(nlocals, ncellvars, nfreevars)` of the local kinds.
pub fn localsplus_counts(kinds: &[u8]) -> (i32, i32, i32) {
    let (mut nlocals, mut ncells, mut nfree) = (0, 0, 0);
    for &k in kinds {
        if k & CO_FAST_LOCAL != 0 {
            nlocals += 1;
            if k & CO_FAST_CELL != 0 {
                ncells += 1;
            }
        } else if k & CO_FAST_CELL != 0 {
            ncells += 1;
        } else if k & CO_FAST_FREE != 0 {
            nfree += 1;
        }
    }
    (nlocals, ncells, nfree)
}

/// `_PyCode_Validate`: the checks CPython makes before building a code object.
fn validate(p: &CodeParts<'_>) -> PyResult<()> {
    let is_bytes = |o: &Obj<'_>| Bytes::cast(o.object()).is_some();
    let is_tuple = |o: &Obj<'_>| Tuple::cast(o.object()).is_some();
    let is_str = |o: &Obj<'_>| Str::cast(o.object()).is_some();
    let lengths_match = match (
        Tuple::cast(p.localsplusnames.object()),
        Bytes::cast(p.localspluskinds.object()),
    ) {
        (Some(n), Some(k)) => tuple::tuple_len(n) == bytes::bytes_value(k).len(),
        _ => false,
    };
    if p.argcount < p.posonlyargcount
        || p.posonlyargcount < 0
        || p.kwonlyargcount < 0
        || p.stacksize < 0
        || p.flags < 0
        || !is_bytes(&p.code)
        || !is_tuple(&p.consts)
        || !is_tuple(&p.names)
        || !lengths_match
        || !is_str(&p.name)
        || !is_str(&p.qualname)
        || !is_str(&p.filename)
        || !is_bytes(&p.linetable)
        || !is_bytes(&p.exceptiontable)
    {
        return Err(crate::view::bad_internal_call());
    }
    let code = Bytes::cast_internal(p.code.object())?;
    let n = bytes::bytes_value(code).len();
    if n > i32::MAX as usize {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "code: co_code larger than INT_MAX",
        ));
    }
    if !n.is_multiple_of(2) {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "code: co_code is malformed",
        ));
    }
    let kinds = bytes::bytes_value(Bytes::cast_internal(p.localspluskinds.object())?);
    let (nlocals, _, _) = localsplus_counts(kinds);
    let nplain = i64::from(nlocals)
        - i64::from(p.argcount)
        - i64::from(p.kwonlyargcount)
        - i64::from(p.flags & CO_VARARGS != 0)
        - i64::from(p.flags & CO_VARKEYWORDS != 0);
    if nplain < 0 {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "code: co_varnames is too small",
        ));
    }
    Ok(())
}

/// `intern_strings`: interns every item of a tuple of names, last to first.
fn intern_names(heap: &Heap, names: &Tuple) -> PyResult<()> {
    for i in (0..tuple::tuple_len(names)).rev() {
        // SAFETY: the tuple holds a reference to each item.
        let item = unsafe { Obj::from_borrowed(heap, tuple::items(names)[i].as_ref()) };
        if !ptr::eq(item.ob_type(), crate::types::STR_TYPE.get()) {
            return Err(PyErr::new(
                ExcKind::SystemError,
                "non-string found in code slot",
            ));
        }
        let canonical = unicode::intern(heap, item)?;
        if canonical.as_ptr() != tuple::items(names)[i] {
            tuple::swap_item(heap, names, i, canonical);
        }
    }
    Ok(())
}

/// `all_name_chars`: only ASCII letters, digits and underscores.
fn all_name_chars(s: &Str) -> bool {
    unicode::str_value(s)
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `intern_string_constants`: interns the identifier-like exact strings among the constants,
/// in nested tuples too (walked with a work list). Frozenset constants are left as they are.
fn intern_constants(heap: &Heap, consts: Obj<'_>) -> PyResult<()> {
    let mut work = vec![consts];
    while let Some(t) = work.pop() {
        let Some(t) = Tuple::cast(t.object()) else {
            continue;
        };
        for i in (0..tuple::tuple_len(t)).rev() {
            // SAFETY: the tuple holds a reference to each item.
            let item = unsafe { Obj::from_borrowed(heap, tuple::items(t)[i].as_ref()) };
            if ptr::eq(item.ob_type(), crate::types::STR_TYPE.get()) {
                let Some(s) = Str::cast(item.object()) else {
                    continue;
                };
                if all_name_chars(s) {
                    let canonical = unicode::intern(heap, item)?;
                    if canonical.as_ptr() != tuple::items(t)[i] {
                        tuple::swap_item(heap, t, i, canonical);
                    }
                }
            } else if tuple::is_exact_tuple(item.object()) {
                work.push(item);
            }
        }
    }
    Ok(())
}

/// A new code object from its parts (`_PyCode_New`): validated, names interned, the counts
/// and `co_framesize` derived, the bytecode copied inline.
///
/// # Errors
/// `SystemError: bad internal call` for a part of the wrong type (or local names and kinds of
/// different lengths), `ValueError: code: co_code is malformed` for an odd code length,
/// `ValueError: code: co_varnames is too small`, `SystemError: non-string found in code
/// slot`, `MemoryError`.
pub fn new_code<'h>(heap: &'h Heap, parts: CodeParts<'h>) -> PyResult<Obj<'h>> {
    validate(&parts)?;
    intern_names(heap, Tuple::cast_internal(parts.names.object())?)?;
    intern_constants(heap, parts.consts.clone())?;
    intern_names(heap, Tuple::cast_internal(parts.localsplusnames.object())?)?;
    let code = Bytes::cast_internal(parts.code.object())?;
    let units = bytes::bytes_value(code).len() / 2;
    let kinds = bytes::bytes_value(Bytes::cast_internal(parts.localspluskinds.object())?);
    let nlocalsplus = kinds.len() as i32;
    let (nlocals, ncells, nfree) = localsplus_counts(kinds);
    let framesize = nlocalsplus
        .checked_add(parts.stacksize)
        .and_then(|n| n.checked_add(FRAME_SPECIALS_SIZE))
        .ok_or_else(PyErr::memory_error)?;
    let firsttraceable = bytes::bytes_value(code)
        .chunks_exact(2)
        .position(|u| u[0] == RESUME)
        .unwrap_or(0) as i32;
    let size = (CODE_UNITS_OFFSET + 2 * units).next_multiple_of(8);
    let op = heap.alloc_object(CODE_TYPE.get(), size)?;
    let version = heap.next_code_version();
    let body = PyCodeObject {
        ob_base: PyVarObject {
            // The header `alloc_object` wrote: one reference, type `code`.
            ob_base: PyObject::new(CODE_TYPE.ptr()),
            ob_size: Cell::new(units as isize),
        },
        co_consts: RefField::new(Some(parts.consts)),
        co_names: RefField::new(Some(parts.names)),
        co_exceptiontable: RefField::new(Some(parts.exceptiontable)),
        co_flags: parts.flags,
        co_argcount: parts.argcount,
        co_posonlyargcount: parts.posonlyargcount,
        co_kwonlyargcount: parts.kwonlyargcount,
        co_stacksize: parts.stacksize,
        co_firstlineno: parts.firstlineno,
        co_nlocalsplus: nlocalsplus,
        co_framesize: framesize,
        co_nlocals: nlocals,
        co_ncellvars: ncells,
        co_nfreevars: nfree,
        co_version: version,
        co_localsplusnames: RefField::new(Some(parts.localsplusnames)),
        co_localspluskinds: RefField::new(Some(parts.localspluskinds)),
        co_filename: RefField::new(Some(parts.filename)),
        co_name: RefField::new(Some(parts.name)),
        co_qualname: RefField::new(Some(parts.qualname)),
        co_linetable: RefField::new(Some(parts.linetable)),
        co_weakreflist: Cell::new(None),
        _co_cached: 0,
        _co_instrumentation_version: 0,
        _co_monitoring: 0,
        co_firsttraceable: firsttraceable,
        co_extra: 0,
    };
    // SAFETY: a fresh allocation of `size` bytes: the fixed part, then the units copied from
    // the bytes object, then padding.
    unsafe {
        op.cast::<PyCodeObject>().write(body);
        let dst = op.cast::<u8>().as_ptr().add(CODE_UNITS_OFFSET);
        ptr::copy_nonoverlapping(bytes::bytes_value(code).as_ptr(), dst, 2 * units);
        dst.add(2 * units)
            .write_bytes(0, size - CODE_UNITS_OFFSET - 2 * units);
        Ok(Obj::from_owned(heap, op))
    }
}

impl Code {
    /// `co_argcount`.
    #[inline]
    pub fn argcount(&self) -> i32 {
        header(self).co_argcount
    }
    /// `co_posonlyargcount`.
    pub fn posonlyargcount(&self) -> i32 {
        header(self).co_posonlyargcount
    }
    /// `co_kwonlyargcount`.
    pub fn kwonlyargcount(&self) -> i32 {
        header(self).co_kwonlyargcount
    }
    /// `co_flags`.
    #[inline]
    pub fn flags(&self) -> i32 {
        header(self).co_flags
    }
    /// `co_stacksize`.
    pub fn stacksize(&self) -> i32 {
        header(self).co_stacksize
    }
    /// `co_firstlineno`.
    pub fn firstlineno(&self) -> i32 {
        header(self).co_firstlineno
    }
    /// `co_nlocalsplus`: locals, cells and free variables.
    #[inline]
    pub fn nlocalsplus(&self) -> i32 {
        header(self).co_nlocalsplus
    }
    /// `co_nlocals`.
    pub fn nlocals(&self) -> i32 {
        header(self).co_nlocals
    }
    /// `co_ncellvars`.
    pub fn ncellvars(&self) -> i32 {
        header(self).co_ncellvars
    }
    /// `co_nfreevars`.
    pub fn nfreevars(&self) -> i32 {
        header(self).co_nfreevars
    }
    /// `co_framesize`: the words of a frame running this code (`nlocalsplus + stacksize +
    /// FRAME_SPECIALS_SIZE`).
    pub fn framesize(&self) -> i32 {
        header(self).co_framesize
    }
    /// `_PyFrame_NumSlotsForCodeObject`: the frame's `localsplus` words (locals and stack).
    #[inline]
    pub fn frame_slots(&self) -> usize {
        (header(self).co_framesize - FRAME_SPECIALS_SIZE) as usize
    }
    /// `co_version`.
    pub fn version(&self) -> u32 {
        header(self).co_version
    }
    /// `_co_firsttraceable`: the index of the first `RESUME`.
    pub fn firsttraceable(&self) -> usize {
        header(self).co_firsttraceable as usize
    }
    /// `co_consts`.
    #[inline]
    pub fn consts(&self) -> &Tuple {
        field(&header(self).co_consts)
    }
    /// `co_names`.
    #[inline]
    pub fn names(&self) -> &Tuple {
        field(&header(self).co_names)
    }
    /// `co_localsplusnames`.
    #[inline]
    pub fn localsplusnames(&self) -> &Tuple {
        field(&header(self).co_localsplusnames)
    }
    /// `co_localspluskinds`: one `CO_FAST_*` kind per local.
    pub fn localspluskinds(&self) -> &[u8] {
        bytes::bytes_value(field(&header(self).co_localspluskinds))
    }
    /// `co_filename`.
    pub fn filename(&self) -> &Str {
        field(&header(self).co_filename)
    }
    /// `co_name`.
    pub fn name(&self) -> &Str {
        field(&header(self).co_name)
    }
    /// `co_qualname`.
    pub fn qualname(&self) -> &Str {
        field(&header(self).co_qualname)
    }
    /// `co_linetable`.
    pub fn linetable(&self) -> &[u8] {
        bytes::bytes_value(field(&header(self).co_linetable))
    }
    /// `co_exceptiontable`.
    pub fn exceptiontable(&self) -> &[u8] {
        bytes::bytes_value(field(&header(self).co_exceptiontable))
    }
    /// The number of code units (`Py_SIZE(co)`).
    pub fn code_len(&self) -> usize {
        header(self).ob_base.ob_size.get() as usize
    }
    /// The code units (`_PyCode_CODE`), which the VM may rewrite in place (specialization,
    /// as `co_code_adaptive` is).
    #[inline]
    pub fn units(&self) -> &[Cell<u16>] {
        // SAFETY: `code_len` 2-byte units follow the fixed part; `Cell<u16>` has `u16`'s
        // layout, and the units are only written through these cells.
        unsafe {
            core::slice::from_raw_parts(
                ptr::from_ref(self)
                    .cast::<u8>()
                    .add(CODE_UNITS_OFFSET)
                    .cast::<Cell<u16>>(),
                self.code_len(),
            )
        }
    }
    /// The address of code unit 0, for a frame's `prev_instr`.
    #[inline]
    pub fn units_ptr(&self) -> *const Cell<u16> {
        self.units().as_ptr()
    }
    /// The bytecode as bytes (`co_code`, as little-endian code units).
    pub fn code_bytes(&self) -> Vec<u8> {
        self.units()
            .iter()
            .flat_map(|u| u.get().to_le_bytes())
            .collect()
    }
    /// `_PyCode_GetCode`: the bytecode with every inline cache unit zeroed, whatever the VM
    /// wrote in them at run time (`co_code` as Python sees it).
    pub fn deoptimized_code_bytes(&self) -> Vec<u8> {
        let units = self.units();
        let mut out = Vec::with_capacity(2 * units.len());
        let mut i = 0;
        while i < units.len() {
            let [op, arg] = units[i].get().to_le_bytes();
            out.extend_from_slice(&[op, arg]);
            let caches = cache_entries(op).min(units.len() - i - 1);
            out.resize(out.len() + 2 * caches, 0);
            i += 1 + caches;
        }
        out
    }
}

/// Reads a `varint` of the location table (6-bit groups, bit 6 set while more follow).
fn read_varint(table: &[u8], at: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    while let Some(&b) = table.get(*at) {
        *at += 1;
        value |= u64::from(b & 63) << shift.min(63);
        shift += 6;
        if b & 64 == 0 {
            break;
        }
    }
    value
}

/// Reads an `svarint` (a varint whose low bit is the sign).
fn read_svarint(table: &[u8], at: &mut usize) -> i64 {
    let u = read_varint(table, at);
    if u & 1 != 0 {
        -((u >> 1) as i64)
    } else {
        (u >> 1) as i64
    }
}

/// `PyCode_Addr2Line(code, 2 × unit)`: the line of code unit `unit` from the 3.12 location
/// table (`Objects/locations.md`), `co_firstlineno` for a negative unit, -1 for a unit
/// without a location or past the table.
pub fn addr2line(code: &Code, unit: isize) -> i32 {
    if unit < 0 {
        return code.firstlineno();
    }
    let table = code.linetable();
    let (mut at, mut line, mut start) = (0usize, i64::from(code.firstlineno()), 0isize);
    while let Some(&first) = table.get(at) {
        at += 1;
        let kind = (first >> 3) & 15;
        let len = isize::from(first & 7) + 1;
        let entry_line = match kind {
            15 => None,
            14 => {
                line += read_svarint(table, &mut at);
                for _ in 0..3 {
                    read_varint(table, &mut at);
                }
                Some(line)
            }
            13 => {
                line += read_svarint(table, &mut at);
                Some(line)
            }
            10..=12 => {
                line += i64::from(kind - 10);
                at += 2;
                Some(line)
            }
            _ => {
                at += 1;
                Some(line)
            }
        };
        if unit < start + len {
            return entry_line.map_or(-1, |l| l as i32);
        }
        start += len;
    }
    -1
}

/// `code_sizeof`: `_PyObject_VAR_SIZE(type, units)`, 192 + 2 × units rounded up to 8.
fn code_sizeof(o: &PyObject) -> usize {
    (CODE_UNITS_OFFSET + 2 * slot_self(o).code_len()).next_multiple_of(8)
}

/// `code_repr`: `<code object f at 0x..., file "x.py", line 3>`.
fn code_repr(_heap: &Heap, o: &PyObject) -> PyResult<String> {
    let c = slot_self(o);
    let line = match c.firstlineno() {
        0 => -1,
        n => n,
    };
    Ok(format!(
        "<code object {} at {:#x}, file \"{}\", line {line}>",
        unicode::str_value(c.name()),
        ptr::from_ref(o).addr(),
        unicode::str_value(c.filename())
    ))
}

/// Inline cache entries after each 3.12 opcode (`_PyOpcode_Caches`, checked against the live
/// `opcode._inline_cache_entries`).
fn cache_entries(opcode: u8) -> usize {
    match opcode {
        25 | 60 | 92 | 93 | 107 | 122 | 123 | 141 => 1,
        95 | 116 => 4,
        106 => 9,
        171 => 3,
        _ => 0,
    }
}

/// `code_hash`: the name, constants, names, local names, tables, counts and the instructions
/// (without their caches) scrambled in CPython's order.
fn code_hash(heap: &Heap, o: &PyObject) -> PyResult<i64> {
    const MULTIPLIER: u64 = 1_000_003;
    let c = slot_self(o);
    let mut h: u64 = 20_221_211;
    let mut scramble = |x: u64| {
        h ^= x;
        h = h.wrapping_mul(MULTIPLIER);
    };
    let hc = header(c);
    for f in [
        &hc.co_name,
        &hc.co_consts,
        &hc.co_names,
        &hc.co_localsplusnames,
        &hc.co_linetable,
        &hc.co_exceptiontable,
    ] {
        let obj = f.get(heap).ok_or_else(crate::view::bad_internal_call)?;
        scramble(crate::abstract_::hash(heap, obj.object())? as u64);
    }
    for n in [
        c.argcount(),
        c.posonlyargcount(),
        c.kwonlyargcount(),
        c.flags(),
        c.firstlineno(),
    ] {
        scramble(n as i64 as u64);
    }
    scramble(c.code_len() as u64);
    let units = c.units();
    let mut i = 0;
    while i < units.len() {
        let [op, arg] = units[i].get().to_le_bytes();
        scramble(u64::from(op));
        scramble(u64::from(arg));
        i += 1 + cache_entries(op);
    }
    Ok(if h as i64 == -1 { -2 } else { h as i64 })
}

/// `code_dealloc`: the fields in CPython's order, then the weak references, then the memory.
unsafe fn code_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead code object of this heap; its fields own their references.
    unsafe {
        let c = &*op.cast::<PyCodeObject>().as_ptr();
        for f in [
            &c.co_consts,
            &c.co_names,
            &c.co_localsplusnames,
            &c.co_localspluskinds,
            &c.co_filename,
            &c.co_name,
            &c.co_qualname,
            &c.co_linetable,
            &c.co_exceptiontable,
        ] {
            f.clear(heap);
        }
        if c.co_weakreflist.get().is_some() {
            crate::types::weakref::clear_weakrefs(heap, op.as_ref());
        }
        heap.free_object(op, CODE_TYPE.get());
    }
}

fn member<'h>(
    heap: &'h Heap,
    o: &PyObject,
    f: fn(&PyCodeObject) -> &RefField,
) -> PyResult<Obj<'h>> {
    f(header(slot_self(o)))
        .get(heap)
        .ok_or_else(crate::view::bad_internal_call)
}

fn int_member<'h>(heap: &'h Heap, v: i32) -> PyResult<Obj<'h>> {
    crate::types::long::int_from_i64(heap, i64::from(v))
}

static CODE_MEMBERS: [Member; 18] = [
    Member {
        name: "co_code",
        get: |h, o| bytes::new_bytes(h, &slot_self(o).deoptimized_code_bytes()),
    },
    crate::types::code_attrs::CO_VARNAMES,
    crate::types::code_attrs::CO_CELLVARS,
    crate::types::code_attrs::CO_FREEVARS,
    Member {
        name: "co_consts",
        get: |h, o| member(h, o, |c| &c.co_consts),
    },
    Member {
        name: "co_names",
        get: |h, o| member(h, o, |c| &c.co_names),
    },
    Member {
        name: "co_filename",
        get: |h, o| member(h, o, |c| &c.co_filename),
    },
    Member {
        name: "co_name",
        get: |h, o| member(h, o, |c| &c.co_name),
    },
    Member {
        name: "co_qualname",
        get: |h, o| member(h, o, |c| &c.co_qualname),
    },
    Member {
        name: "co_linetable",
        get: |h, o| member(h, o, |c| &c.co_linetable),
    },
    Member {
        name: "co_exceptiontable",
        get: |h, o| member(h, o, |c| &c.co_exceptiontable),
    },
    Member {
        name: "co_argcount",
        get: |h, o| int_member(h, slot_self(o).argcount()),
    },
    Member {
        name: "co_posonlyargcount",
        get: |h, o| int_member(h, slot_self(o).posonlyargcount()),
    },
    Member {
        name: "co_kwonlyargcount",
        get: |h, o| int_member(h, slot_self(o).kwonlyargcount()),
    },
    Member {
        name: "co_flags",
        get: |h, o| int_member(h, slot_self(o).flags()),
    },
    Member {
        name: "co_stacksize",
        get: |h, o| int_member(h, slot_self(o).stacksize()),
    },
    Member {
        name: "co_firstlineno",
        get: |h, o| int_member(h, slot_self(o).firstlineno()),
    },
    Member {
        name: "co_nlocals",
        get: |h, o| int_member(h, slot_self(o).nlocals()),
    },
];

static CODE_SLOTS: Slots = Slots {
    dealloc: code_dealloc,
    sizeof: Some(code_sizeof),
    repr: code_repr,
    str: None,
    hash: Some(code_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &CODE_MEMBERS,
    getattr: None,
    setattr: None,
};

/// `code`: `__basicsize__` 192, `__itemsize__` 2, not a GC type, weak references at 144.
pub static CODE_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "code",
        basicsize: CODE_UNITS_OFFSET,
        itemsize: 2,
        flags: TypeFlags(0),
        base: Some(&OBJECT_TYPE),
        slots: &CODE_SLOTS,
    },
)
.with_weaklist_offset(core::mem::offset_of!(PyCodeObject, co_weakreflist));
