//! The built-in exception and warning classes of `builtins` (`Objects/exceptions.c`'s
//! `SimpleExtendsException`, `ComplexExtendsException` and `MiddlingExtendsException`
//! declarations): each a static type with CPython's name, base, instance size and
//! `__module__` (`builtins`), plus the `OSError(errno, ...)` → subclass table (`errnomap`).
//!
//! `ExceptionGroup` is the one class with two bases (`BaseExceptionGroup`, `Exception`). A
//! static type has a single `tp_base`, so its second base is recorded here: [`bases`] and
//! [`mro`] give CPython's answers, and [`is_subclass`] (used by exception matching) follows
//! them, where the generic `PyTypeObject::is_subtype` sees only the `tp_base` chain.

use crate::typeobj::{PyTypeObject, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE};

use super::SLOTS;
use super::layout::Layout;

/// `Py_TPFLAGS_BASE_EXC_SUBCLASS`.
pub const BASE_EXC_SUBCLASS: TypeFlags = TypeFlags(1 << 30);

/// The flags of every built-in exception class (`Py_TPFLAGS_DEFAULT | BASETYPE | HAVE_GC |
/// BASE_EXC_SUBCLASS`).
const FLAGS: TypeFlags = TypeFlags::HAVE_GC
    .union(TypeFlags::BASETYPE)
    .union(BASE_EXC_SUBCLASS);

/// The static type of a built-in exception class with `layout`'s instances.
const fn exc_type(name: &'static str, base: &'static StaticType, layout: Layout) -> StaticType {
    StaticType::new(
        &TYPE_TYPE,
        TypeSpec {
            name,
            basicsize: layout.basicsize(),
            itemsize: 0,
            flags: FLAGS,
            base: Some(base),
            slots: &SLOTS,
        },
    )
}

/// One built-in class: its type, the name it has in `builtins`, its layout.
pub struct ClassInfo {
    /// The type.
    pub ty: &'static StaticType,
    /// Its layout (which fields its instances have).
    pub layout: Layout,
}

macro_rules! exception_classes {
    ($($ident:ident = $name:literal : $base:ident, $layout:ident;)*) => {
        $(
            #[doc = concat!("`", $name, "`.")]
            pub static $ident: StaticType = exc_type($name, &$base, Layout::$layout);
        )*
        /// Every built-in exception and warning class, in `Objects/exceptions.c`'s order
        /// (`ExceptionGroup` apart, see [`EXCEPTION_GROUP`]).
        pub static CLASSES: &[ClassInfo] = &[
            $(ClassInfo { ty: &$ident, layout: Layout::$layout },)*
            ClassInfo { ty: &EXCEPTION_GROUP, layout: Layout::Group },
        ];
    };
}

exception_classes! {
    BASE_EXCEPTION = "BaseException": OBJECT_TYPE, Base;
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": BASE_EXCEPTION, Group;
    EXCEPTION = "Exception": BASE_EXCEPTION, Base;
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION, Base;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION, Base;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION, SystemExit;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION, Base;
    ASSERTION_ERROR = "AssertionError": EXCEPTION, Base;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION, AttributeError;
    BUFFER_ERROR = "BufferError": EXCEPTION, Base;
    EOF_ERROR = "EOFError": EXCEPTION, Base;
    IMPORT_ERROR = "ImportError": EXCEPTION, ImportError;
    LOOKUP_ERROR = "LookupError": EXCEPTION, Base;
    MEMORY_ERROR = "MemoryError": EXCEPTION, Base;
    NAME_ERROR = "NameError": EXCEPTION, NameError;
    OS_ERROR = "OSError": EXCEPTION, OsError;
    REFERENCE_ERROR = "ReferenceError": EXCEPTION, Base;
    RUNTIME_ERROR = "RuntimeError": EXCEPTION, Base;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION, Base;
    STOP_ITERATION = "StopIteration": EXCEPTION, StopIteration;
    SYNTAX_ERROR = "SyntaxError": EXCEPTION, SyntaxError;
    SYSTEM_ERROR = "SystemError": EXCEPTION, Base;
    TYPE_ERROR = "TypeError": EXCEPTION, Base;
    VALUE_ERROR = "ValueError": EXCEPTION, Base;
    WARNING = "Warning": EXCEPTION, Base;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR, Base;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR, Base;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR, Base;
    BYTES_WARNING = "BytesWarning": WARNING, Base;
    DEPRECATION_WARNING = "DeprecationWarning": WARNING, Base;
    ENCODING_WARNING = "EncodingWarning": WARNING, Base;
    FUTURE_WARNING = "FutureWarning": WARNING, Base;
    IMPORT_WARNING = "ImportWarning": WARNING, Base;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING, Base;
    RESOURCE_WARNING = "ResourceWarning": WARNING, Base;
    RUNTIME_WARNING = "RuntimeWarning": WARNING, Base;
    SYNTAX_WARNING = "SyntaxWarning": WARNING, Base;
    UNICODE_WARNING = "UnicodeWarning": WARNING, Base;
    USER_WARNING = "UserWarning": WARNING, Base;
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR, OsError;
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR, OsError;
    CONNECTION_ERROR = "ConnectionError": OS_ERROR, OsError;
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR, OsError;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR, OsError;
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR, OsError;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR, OsError;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR, OsError;
    PERMISSION_ERROR = "PermissionError": OS_ERROR, OsError;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR, OsError;
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR, OsError;
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR, SyntaxError;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR, Base;
    KEY_ERROR = "KeyError": LOOKUP_ERROR, Base;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR, ImportError;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR, Base;
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR, Base;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR, NameError;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR, Base;
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR, OsError;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR, OsError;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR, OsError;
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR, OsError;
    TAB_ERROR = "TabError": INDENTATION_ERROR, SyntaxError;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR, Unicode;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR, Unicode;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR, Unicode;
}

/// `ExceptionGroup(BaseExceptionGroup, Exception)`: CPython makes it at start-up as a heap
/// type with a managed weak-reference list, so its instances are 88 bytes with a 32-byte
/// pre-header (`sys.getsizeof` 120).
pub static EXCEPTION_GROUP: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "ExceptionGroup",
        basicsize: Layout::Group.basicsize(),
        itemsize: 0,
        flags: FLAGS.union(TypeFlags::MANAGED_WEAKREF),
        base: Some(&BASE_EXCEPTION_GROUP),
        slots: &SLOTS,
    },
);

/// The names `builtins` binds to exception classes: every class by its name, and the aliases
/// `EnvironmentError` and `IOError` of `OSError`.
pub fn builtins_names() -> Vec<(&'static str, &'static StaticType)> {
    let mut names: Vec<_> = CLASSES.iter().map(|c| (c.ty.get().name(), c.ty)).collect();
    names.push(("EnvironmentError", &OS_ERROR));
    names.push(("IOError", &OS_ERROR));
    names
}

/// The built-in class `ty` is, if it is one.
pub fn class_info(ty: &PyTypeObject) -> Option<&'static ClassInfo> {
    CLASSES.iter().find(|c| core::ptr::eq(c.ty.get(), ty))
}

/// `__module__` of the built-in exception classes.
pub const MODULE: &str = "builtins";

/// `ty.__bases__`: `tp_base`, and `Exception` after it for `ExceptionGroup`.
pub fn bases(ty: &PyTypeObject) -> Vec<&PyTypeObject> {
    let mut out: Vec<&PyTypeObject> = ty.base().into_iter().collect();
    if core::ptr::eq(ty, EXCEPTION_GROUP.get()) {
        out.push(EXCEPTION.get());
    }
    out
}

/// `ty.__mro__`, by C3 linearization over [`bases`] (only `ExceptionGroup` has two).
pub fn mro(ty: &PyTypeObject) -> Vec<&PyTypeObject> {
    let bases = bases(ty);
    let mut seqs: Vec<Vec<&PyTypeObject>> = bases.iter().map(|b| mro(b)).collect();
    seqs.push(bases);
    let mut out = vec![ty];
    loop {
        seqs.retain(|s| !s.is_empty());
        let Some(head) = seqs.iter().map(|s| s[0]).find(|h| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|t| core::ptr::eq(*t, *h)))
        }) else {
            return out;
        };
        for s in &mut seqs {
            if core::ptr::eq(s[0], head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// Whether `ty` is `cls` or a subclass of it, following `ExceptionGroup`'s second base
/// (`PyType_IsSubtype` over the MRO).
pub fn is_subclass(ty: &PyTypeObject, cls: &PyTypeObject) -> bool {
    if ty.is_subtype(cls) {
        return true;
    }
    ty.is_subtype(EXCEPTION_GROUP.get()) && EXCEPTION.get().is_subtype(cls)
}

/// The layout of instances of `ty`: that of its nearest built-in exception base.
pub fn layout_of(ty: &PyTypeObject) -> Layout {
    let mut t = Some(ty);
    while let Some(cur) = t {
        if let Some(c) = class_info(cur) {
            return c.layout;
        }
        t = cur.base();
    }
    Layout::Base
}

/// The `OSError` subclass CPython picks for `errno` (`errnomap`, Linux values).
pub fn errno_class(errno: i64) -> Option<&'static StaticType> {
    Some(match errno {
        11 | 114 | 115 => &BLOCKING_IO_ERROR, // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS
        10 => &CHILD_PROCESS_ERROR,           // ECHILD
        32 | 108 => &BROKEN_PIPE_ERROR,       // EPIPE, ESHUTDOWN
        103 => &CONNECTION_ABORTED_ERROR,     // ECONNABORTED
        111 => &CONNECTION_REFUSED_ERROR,     // ECONNREFUSED
        104 => &CONNECTION_RESET_ERROR,       // ECONNRESET
        17 => &FILE_EXISTS_ERROR,             // EEXIST
        2 => &FILE_NOT_FOUND_ERROR,           // ENOENT
        21 => &IS_A_DIRECTORY_ERROR,          // EISDIR
        20 => &NOT_A_DIRECTORY_ERROR,         // ENOTDIR
        4 => &INTERRUPTED_ERROR,              // EINTR
        1 | 13 => &PERMISSION_ERROR,          // EPERM, EACCES
        3 => &PROCESS_LOOKUP_ERROR,           // ESRCH
        110 => &TIMEOUT_ERROR,                // ETIMEDOUT
        _ => return None,
    })
}
