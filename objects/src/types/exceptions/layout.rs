//! The instance layouts of the built-in exceptions (`Include/cpython/pyerrors.h`): the
//! common head `PyBaseExceptionObject` (72 bytes) and the subclass bodies after it.
//!
//! | layout | classes | size | fields after the head (offset 72) |
//! |---|---|---|---|
//! | `Base` | most | 72 | — |
//! | `SystemExit` | `SystemExit` | 80 | `code` |
//! | `StopIteration` | `StopIteration` | 80 | `value` |
//! | `NameError` | `NameError`, `UnboundLocalError` | 80 | `name` |
//! | `AttributeError` | `AttributeError` | 88 | `obj`, `name` |
//! | `Group` | `BaseExceptionGroup`, `ExceptionGroup` | 88 | `msg`, `excs` |
//! | `ImportError` | `ImportError`, `ModuleNotFoundError` | 104 | `msg`, `name`, `path`, `name_from` |
//! | `OsError` | `OSError` and its subclasses | 112 | `myerrno`, `strerror`, `filename`, `filename2`, `written` (no `winerror` off Windows) |
//! | `Unicode` | `UnicodeEncodeError`, `…DecodeError`, `…TranslateError` | 112 | `encoding`, `object`, `start`, `end`, `reason` |
//! | `SyntaxError` | `SyntaxError`, `IndentationError`, `TabError` | 136 | `msg`, `filename`, `lineno`, `offset`, `end_lineno`, `end_offset`, `text`, `print_file_and_line` |
//!
//! (`UnicodeError` itself has the base layout in CPython: `ValueError`'s 72 bytes.) Every
//! reference field is a [`RefField`]; the layout's `Layout::ref_fields` lists them in struct
//! order (the order `tp_traverse` visits them) and `Layout::members` names the ones Python
//! sees as plain members.

use core::cell::Cell;

use crate::object::PyObject;
use crate::types::fields::RefField;

/// `PyException_HEAD`.
#[repr(C)]
pub(crate) struct ExcHead {
    pub(crate) ob_base: PyObject,
    pub(crate) dict: RefField,
    pub(crate) args: RefField,
    pub(crate) notes: RefField,
    pub(crate) traceback: RefField,
    pub(crate) context: RefField,
    pub(crate) cause: RefField,
    pub(crate) suppress_context: Cell<u8>,
}

/// `PyUnicodeErrorObject`.
#[repr(C)]
pub(crate) struct UnicodeBody {
    pub(crate) head: ExcHead,
    pub(crate) encoding: RefField,
    pub(crate) object: RefField,
    pub(crate) start: Cell<isize>,
    pub(crate) end: Cell<isize>,
    pub(crate) reason: RefField,
}

/// `PyOSErrorObject` (Linux: no `winerror`).
#[repr(C)]
pub(crate) struct OsBody {
    pub(crate) head: ExcHead,
    pub(crate) myerrno: RefField,
    pub(crate) strerror: RefField,
    pub(crate) filename: RefField,
    pub(crate) filename2: RefField,
    pub(crate) written: Cell<isize>,
}

/// The head followed by `N` reference fields (the layouts without plain numbers).
#[repr(C)]
pub(crate) struct RefsBody<const N: usize> {
    pub(crate) head: ExcHead,
    pub(crate) refs: [RefField; N],
}

const HEAD: usize = 72;

const _: () = {
    assert!(size_of::<ExcHead>() == HEAD);
    assert!(core::mem::offset_of!(ExcHead, dict) == 16);
    assert!(core::mem::offset_of!(ExcHead, suppress_context) == 64);
    assert!(size_of::<UnicodeBody>() == 112);
    assert!(core::mem::offset_of!(UnicodeBody, start) == 88);
    assert!(core::mem::offset_of!(UnicodeBody, reason) == 104);
    assert!(size_of::<OsBody>() == 112);
    assert!(core::mem::offset_of!(OsBody, written) == 104);
    assert!(size_of::<RefsBody<8>>() == 136);
};

/// Which fields an exception instance has after its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `PyBaseExceptionObject`.
    Base,
    /// `PySystemExitObject`.
    SystemExit,
    /// `PyStopIterationObject`.
    StopIteration,
    /// `PyNameErrorObject`.
    NameError,
    /// `PyAttributeErrorObject`.
    AttributeError,
    /// `PyBaseExceptionGroupObject`.
    Group,
    /// `PyImportErrorObject`.
    ImportError,
    /// `PyOSErrorObject`.
    OsError,
    /// `PyUnicodeErrorObject`.
    Unicode,
    /// `PySyntaxErrorObject`.
    SyntaxError,
}

/// A reference field by offset (bytes from the object's start).
pub(crate) type FieldOffset = usize;

const fn at(i: usize) -> FieldOffset {
    HEAD + 8 * i
}

const F0: FieldOffset = at(0);
const F1: FieldOffset = at(1);
const F2: FieldOffset = at(2);
const F3: FieldOffset = at(3);
const F4: FieldOffset = at(4);
const F5: FieldOffset = at(5);
const F6: FieldOffset = at(6);
const F7: FieldOffset = at(7);

impl Layout {
    /// `tp_basicsize` of classes with this layout.
    pub const fn basicsize(self) -> usize {
        match self {
            Layout::Base => HEAD,
            Layout::SystemExit | Layout::StopIteration | Layout::NameError => HEAD + 8,
            Layout::AttributeError | Layout::Group => HEAD + 16,
            Layout::ImportError => HEAD + 32,
            Layout::OsError | Layout::Unicode => 112,
            Layout::SyntaxError => HEAD + 64,
        }
    }

    /// The reference fields after the head, in struct order (the order CPython's traverse and
    /// clear functions take them).
    pub(crate) fn ref_fields(self) -> &'static [FieldOffset] {
        match self {
            Layout::Base => &[],
            Layout::SystemExit | Layout::StopIteration | Layout::NameError => &[F0],
            Layout::AttributeError | Layout::Group => &[F0, F1],
            Layout::ImportError => &[F0, F1, F2, F3],
            Layout::OsError => &[F0, F1, F2, F3],
            Layout::Unicode => &[F0, F1, F4],
            Layout::SyntaxError => &[F0, F1, F2, F3, F4, F5, F6, F7],
        }
    }

    /// The plain object members (`T_OBJECT`: `None` when NULL, settable and deletable) and
    /// the read-only ones, by Python name.
    pub(crate) fn members(self) -> &'static [(&'static str, FieldOffset, Access)] {
        use Access::{ReadOnly, ReadWrite};
        match self {
            Layout::Base => &[],
            Layout::SystemExit => &[("code", F0, ReadWrite)],
            Layout::StopIteration => &[("value", F0, ReadWrite)],
            Layout::NameError => &[("name", F0, ReadWrite)],
            Layout::AttributeError => &[("name", F1, ReadWrite), ("obj", F0, ReadWrite)],
            Layout::Group => &[("message", F0, ReadOnly), ("exceptions", F1, ReadOnly)],
            Layout::ImportError => &[
                ("msg", F0, ReadWrite),
                ("name", F1, ReadWrite),
                ("path", F2, ReadWrite),
                ("name_from", F3, ReadWrite),
            ],
            Layout::OsError => &[
                ("errno", F0, ReadWrite),
                ("strerror", F1, ReadWrite),
                ("filename", F2, ReadWrite),
                ("filename2", F3, ReadWrite),
            ],
            Layout::Unicode => &[
                ("encoding", F0, ReadWrite),
                ("object", F1, ReadWrite),
                ("reason", F4, ReadWrite),
            ],
            Layout::SyntaxError => &[
                ("msg", F0, ReadWrite),
                ("filename", F1, ReadWrite),
                ("lineno", F2, ReadWrite),
                ("offset", F3, ReadWrite),
                ("text", F6, ReadWrite),
                ("end_lineno", F4, ReadWrite),
                ("end_offset", F5, ReadWrite),
                ("print_file_and_line", F7, ReadWrite),
            ],
        }
    }
}

/// Whether a member may be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// `READONLY`.
    ReadOnly,
    /// Settable and deletable.
    ReadWrite,
}

/// Offsets of the named fields the Rust code reads.
pub(crate) mod field {
    use super::{F0, F1, F2, F3, F4, F5, F6};
    /// `SystemExit.code`, `StopIteration.value`, `NameError.name`, `AttributeError.obj`,
    /// `ImportError.msg`, the group's `msg`, `OSError.myerrno`, `UnicodeError.encoding`,
    /// `SyntaxError.msg`: the first field.
    pub(crate) const FIRST: usize = F0;
    /// `AttributeError.name`, the group's `excs`, `ImportError.name`, `OSError.strerror`,
    /// `UnicodeError.object`, `SyntaxError.filename`.
    pub(crate) const SECOND: usize = F1;
    /// `ImportError.path`, `OSError.filename`, `SyntaxError.lineno`.
    pub(crate) const THIRD: usize = F2;
    /// `ImportError.name_from`, `OSError.filename2`, `SyntaxError.offset`.
    pub(crate) const FOURTH: usize = F3;
    /// `UnicodeError.reason`, `SyntaxError.end_lineno`.
    pub(crate) const FIFTH: usize = F4;
    /// `SyntaxError.end_offset`.
    pub(crate) const SIXTH: usize = F5;
    /// `SyntaxError.text`.
    pub(crate) const SEVENTH: usize = F6;
}
