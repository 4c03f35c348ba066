//! Calling an exception class (`type_call`: `tp_new`, then `tp_init`), with each class's
//! argument rules from `Objects/exceptions.c`:
//!
//! * `BaseException_new`/`_init`: `args` is the positional arguments; no keywords
//!   (`ValueError() takes no keyword arguments`).
//! * `StopIteration.value` is `args[0]` (or `None`); `SystemExit.code` is `None`, `args[0]` or
//!   `args`.
//! * `NameError(name=)`, `AttributeError(name=, obj=)`, `ImportError(name=, path=,
//!   name_from=)` take keyword-only arguments; `ImportError.msg` is the single argument.
//! * `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
//! * `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: `OSError` itself becomes
//!   the subclass of `errno` (`FileNotFoundError` for 2); `args` keeps the first two; a
//!   `BlockingIOError`'s third argument, when a number, is `characters_written`.
//! * `UnicodeEncodeError(encoding, object, start, end, reason)` and its siblings.
//! * `BaseExceptionGroup(message, exceptions)`: becomes `ExceptionGroup` when every exception
//!   is an `Exception`; `ExceptionGroup` refuses a `BaseException`.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::typeobj::PyTypeObject;
use crate::types::bytes::Bytes;
use crate::types::long::{self, Int};
use crate::types::none;
use crate::types::tuple::{self, Tuple};
use crate::types::unicode::Str;

use super::layout::{Layout, field};
use super::{
    BASE_EXCEPTION_GROUP, BLOCKING_IO_ERROR, EXCEPTION, EXCEPTION_GROUP, Exception, OS_ERROR,
    UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR, alloc_instance, errno_class, is_exception,
};

/// `cls(*args, **kwargs)` for a built-in exception class (or a subclass laid out as one).
///
/// # Errors
/// CPython's `TypeError`/`ValueError` for arguments the class refuses; `MemoryError`.
///
/// # Example
/// ```
/// use pyrt_objects::{Heap, abstract_, types::exceptions, types::long};
/// let heap = Heap::new();
/// let two = long::int_from_i64(&heap, 2).unwrap();
/// let msg = pyrt_objects::types::unicode::new_str(&heap, "No such file").unwrap();
/// let e = exceptions::call_class(&heap, exceptions::OS_ERROR.get(), &[two, msg], &[]).unwrap();
/// assert_eq!(e.ob_type().name(), "FileNotFoundError");
/// assert_eq!(abstract_::str(&heap, e.object()).unwrap(), "[Errno 2] No such file");
/// ```
pub fn call_class<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    if !cls.is_subtype(super::BASE_EXCEPTION.get()) {
        return Err(crate::view::bad_internal_call());
    }
    let e = exc_new(heap, cls, args, kwargs)?;
    exc_init(heap, Exception::cast_internal(e.object())?, args, kwargs)?;
    Ok(e)
}

/// `cls(*args)`: [`call_class`] without keywords.
///
/// # Errors
/// As [`call_class`].
pub fn new_exception<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: Vec<Obj<'h>>,
) -> PyResult<Obj<'h>> {
    call_class(heap, cls, &args, &[])
}

/// `cls.__new__(cls, *args, **kwargs)` alone, for a Python subclass whose own `__init__` runs
/// next (`type_call` with a `tp_init` other than the built-in one): `args` become the
/// instance's `args`.
///
/// # Errors
/// As [`call_class`]'s allocation; `OSError`'s and the groups' argument checks.
pub fn new_uninitialized<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    if !cls.is_subtype(super::BASE_EXCEPTION.get()) {
        return Err(crate::view::bad_internal_call());
    }
    exc_new(heap, cls, args, kwargs)
}

/// `BaseException.__init__` bound to `e` (what `super().__init__` finds in a Python subclass):
/// a built-in method taking the positional arguments.
///
/// # Errors
/// `MemoryError`.
pub fn init_method<'h>(heap: &'h Heap, e: Obj<'h>) -> PyResult<Obj<'h>> {
    crate::types::cfunction::new_cfunction(heap, &INIT_DEF, Some(e), None)
}

/// `BaseException.__init__` (`BaseException_init`, or the layout's own `tp_init`).
pub(crate) static INIT_DEF: crate::types::cfunction::MethodDef =
    crate::types::cfunction::MethodDef {
        name: "__init__",
        owner: "BaseException",
        params: crate::methods::Params::VarKeywords,
        call: init_call,
        doc: Some("Initialize self.  See help(type(self)) for accurate signature."),
    };

/// `BaseException.__init__(self, *args)` (`tp_init` of the class's layout).
fn init_call<'h>(
    heap: &'h Heap,
    me: &PyObject,
    args: crate::methods::Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let (args, kwargs) = split_var_keywords(args)?;
    exc_init(heap, Exception::cast_internal(me)?, &args, &kwargs)?;
    Ok(none(heap))
}

/// A call's keyword arguments, by name.
pub(crate) type Keywords<'h> = Vec<(String, Obj<'h>)>;

/// The positional arguments and the keywords of a call bound by
/// [`Params::VarKeywords`](crate::methods::Params::VarKeywords).
///
/// # Errors
/// `SystemError` for a binding of another shape.
pub(crate) fn split_var_keywords<'h>(
    bound: crate::methods::Bound<'_, 'h>,
) -> PyResult<(Vec<Obj<'h>>, Keywords<'h>)> {
    let end = bound
        .iter()
        .position(Option::is_none)
        .unwrap_or(bound.len());
    let args = bound[..end].iter().flatten().cloned().collect();
    let mut kwargs = Vec::new();
    for pair in bound.get(end + 1..).unwrap_or_default().chunks(2) {
        let [Some(k), Some(v)] = pair else {
            return Err(crate::view::bad_internal_call());
        };
        let k = Str::cast(k.object()).ok_or_else(crate::view::bad_internal_call)?;
        kwargs.push((crate::types::unicode::str_value(k), v.clone()));
    }
    Ok((args, kwargs))
}

/// `tp_new`.
fn exc_new<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    match super::layout_of(cls) {
        Layout::OsError => os_error_new(heap, cls, args, kwargs),
        Layout::Group => group_new(heap, cls, args),
        _ => alloc_instance(heap, cls, tuple::new_tuple(heap, args.to_vec())?),
    }
}

/// `"X() takes no keyword arguments"` unless `kwargs` is empty (`_PyArg_NoKeywords`).
fn no_keywords(e: &PyObject, kwargs: &[(String, Obj<'_>)]) -> PyResult<()> {
    if kwargs.is_empty() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "{}() takes no keyword arguments",
        e.ob_type().name()
    )))
}

/// The keyword-only arguments `names` of `"|$O…:func"`, in order.
fn keyword_only<'h>(
    func: &str,
    names: &[&str],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Vec<Option<Obj<'h>>>> {
    let mut out = vec![None; names.len()];
    for (k, v) in kwargs {
        match names.iter().position(|n| n == k) {
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {func}()"
                )));
            }
        }
    }
    Ok(out)
}

/// `tp_init`.
fn exc_init<'h>(
    heap: &'h Heap,
    e: &Exception,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<()> {
    let layout = e.layout();
    if layout == Layout::OsError {
        return Ok(()); // `OSError_new` did everything for the built-in classes.
    }
    let set_args = || -> PyResult<()> {
        e.set_args_tuple(heap, tuple::new_tuple(heap, args.to_vec())?);
        Ok(())
    };
    let set = |off, v: Option<Obj<'h>>| e.field(off).set(heap, v);
    match layout {
        Layout::NameError => {
            let [name] = <[_; 1]>::try_from(keyword_only("NameError", &["name"], kwargs)?)
                .unwrap_or_default();
            set_args()?;
            // `Py_XSETREF(self->name, Py_XNewRef(name))`: NULL (read as `None`) when not given.
            set(field::FIRST, name);
        }
        Layout::AttributeError => {
            let kw = keyword_only("AttributeError", &["name", "obj"], kwargs)?;
            set_args()?;
            set(field::SECOND, kw[0].clone());
            set(field::FIRST, kw[1].clone());
        }
        Layout::ImportError => {
            let kw = keyword_only("ImportError", &["name", "path", "name_from"], kwargs)?;
            set_args()?;
            set(field::SECOND, kw[0].clone());
            set(field::THIRD, kw[1].clone());
            set(field::FOURTH, kw[2].clone());
            set(field::FIRST, (args.len() == 1).then(|| args[0].clone()));
        }
        _ => {
            no_keywords(e, kwargs)?;
            set_args()?;
        }
    }
    match layout {
        Layout::StopIteration => set(
            field::FIRST,
            Some(args.first().cloned().unwrap_or_else(|| none(heap))),
        ),
        Layout::SystemExit => set(
            field::FIRST,
            Some(match args {
                [] => none(heap),
                [one] => one.clone(),
                _ => e.args(heap),
            }),
        ),
        Layout::SyntaxError => syntax_error_init(heap, e, args)?,
        Layout::Unicode => unicode_error_init(heap, e, args)?,
        _ => {}
    }
    Ok(())
}

/// `SyntaxError_init`: `msg`, and the location tuple's four to six items.
fn syntax_error_init<'h>(heap: &'h Heap, e: &Exception, args: &[Obj<'h>]) -> PyResult<()> {
    if let Some(msg) = args.first() {
        e.field(field::FIRST).set(heap, Some(msg.clone()));
    }
    if args.len() != 2 {
        return Ok(());
    }
    let info = as_tuple(heap, &args[1])?;
    let items: Vec<Obj<'h>> = super::Exception::tuple_items(heap, &info);
    let n = items.len();
    if n < 4 {
        return Err(PyErr::type_error(format!(
            "function takes at least 4 arguments ({n} given)"
        )));
    }
    if n > 6 {
        return Err(PyErr::type_error(format!(
            "function takes at most 6 arguments ({n} given)"
        )));
    }
    if n == 5 {
        return Err(PyErr::type_error(
            "end_offset must be provided when end_lineno is provided",
        ));
    }
    let offsets = [
        field::SECOND,
        field::THIRD,
        field::FOURTH,
        field::SEVENTH,
        field::FIFTH,
        field::SIXTH,
    ];
    for (off, item) in offsets.into_iter().zip(items) {
        e.field(off).set(heap, Some(item));
    }
    Ok(())
}

/// An `"n"` argument of `PyArg_ParseTuple` (`PyNumber_Index` then `PyLong_AsSsize_t`).
fn ssize_arg(o: &PyObject) -> PyResult<isize> {
    crate::methods::ssize_arg(o)
}

/// A `"U"` argument: `argument 2 must be str, not int`.
fn str_arg<'a, 'h>(o: &'a Obj<'h>, i: usize) -> PyResult<&'a Obj<'h>> {
    if Str::cast(o.object()).is_some() {
        return Ok(o);
    }
    Err(PyErr::type_error(format!(
        "argument {i} must be str, not {}",
        o.ob_type().name()
    )))
}

/// `UnicodeEncodeError_init` (`"UUnnU"`), `UnicodeDecodeError_init` (`"UOnnU"`, the object
/// made `bytes`), `UnicodeTranslateError_init` (`"UnnU"`).
fn unicode_error_init<'h>(heap: &'h Heap, e: &Exception, args: &[Obj<'h>]) -> PyResult<()> {
    let ty = e.ob_type();
    let decode = ty.is_subtype(UNICODE_DECODE_ERROR.get());
    let translate = !decode && !ty.is_subtype(UNICODE_ENCODE_ERROR.get());
    let want = if translate { 4 } else { 5 };
    if args.len() != want {
        return Err(PyErr::type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            args.len()
        )));
    }
    let (encoding, rest) = if translate {
        (None, args)
    } else {
        (Some(str_arg(&args[0], 1)?.clone()), &args[1..])
    };
    let k = usize::from(!translate);
    let object = if decode {
        rest[0].clone()
    } else {
        str_arg(&rest[0], k + 1)?.clone()
    };
    let start = ssize_arg(rest[1].object())?;
    let end = ssize_arg(rest[2].object())?;
    let reason = str_arg(&rest[3], k + 4)?.clone();
    let object = if decode { bytes_like(object)? } else { object };
    e.field(field::FIRST).set(heap, encoding);
    e.field(field::SECOND).set(heap, Some(object));
    e.set_unicode_range(Some(start), Some(end));
    e.field(field::FIFTH).set(heap, Some(reason));
    Ok(())
}

/// The `bytes` of a bytes-like object: `bytes` as it is (the object layer has no `bytearray`
/// or `memoryview` yet).
fn bytes_like(o: Obj<'_>) -> PyResult<Obj<'_>> {
    if Bytes::cast(o.object()).is_some() {
        return Ok(o);
    }
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        o.ob_type().name()
    )))
}

/// `OSError_new`: the errno's subclass, `args[:2]`, the fields.
fn os_error_new<'h>(
    heap: &'h Heap,
    cls: &PyTypeObject,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            cls.name()
        )));
    }
    let parsed = (2..=5).contains(&args.len());
    let mut cls = cls;
    if parsed
        && core::ptr::eq(cls, OS_ERROR.get())
        && let Some(sub) = Int::cast(args[0].object())
            .and_then(long::as_i64)
            .and_then(errno_class)
    {
        cls = sub.get();
    }
    // `args` keeps only `(errno, strerror)` when a filename was taken from it.
    let filename = args
        .get(2)
        .filter(|f| parsed && !f.is(&none(heap)))
        .filter(|f| !(cls.is_subtype(BLOCKING_IO_ERROR.get()) && is_number(f.object())));
    let kept = if filename.is_some() { &args[..2] } else { args };
    let e = alloc_instance(heap, cls, tuple::new_tuple(heap, kept.to_vec())?)?;
    let view = Exception::cast_internal(e.object())?;
    if parsed {
        view.field(field::FIRST).set(heap, Some(args[0].clone()));
        view.field(field::SECOND).set(heap, Some(args[1].clone()));
        if let Some(filename) = args.get(2).filter(|f| !f.is(&none(heap))) {
            if cls.is_subtype(BLOCKING_IO_ERROR.get()) && is_number(filename.object()) {
                view.set_written(number_as_ssize(filename.object())?);
            } else {
                view.field(field::THIRD).set(heap, Some(filename.clone()));
                if let Some(f2) = args.get(4).filter(|f| !f.is(&none(heap))) {
                    view.field(field::FOURTH).set(heap, Some(f2.clone()));
                }
            }
        }
    }
    Ok(e)
}

/// `PyNumber_Check`: an int, float or complex.
fn is_number(o: &PyObject) -> bool {
    Int::cast(o).is_some()
        || crate::types::float::Float::cast(o).is_some()
        || crate::types::complex::Complex::cast(o).is_some()
}

/// `PyNumber_AsSsize_t(o, ValueError)`.
pub(crate) fn number_as_ssize(o: &PyObject) -> PyResult<isize> {
    let Some(i) = Int::cast(o) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.ob_type().name()
        )));
    };
    long::as_ssize_t(i).map_err(|_| {
        PyErr::new(
            ExcKind::ValueError,
            format!(
                "cannot fit '{}' into an index-sized integer",
                o.ob_type().name()
            ),
        )
    })
}

/// `BaseExceptionGroup_new`: `(message: str, exceptions: non-empty sequence of exceptions)`.
fn group_new<'h>(heap: &'h Heap, cls: &PyTypeObject, args: &[Obj<'h>]) -> PyResult<Obj<'h>> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    if Str::cast(args[0].object()).is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            args[0].ob_type().name()
        )));
    }
    if !is_sequence(args[1].object()) {
        return Err(PyErr::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let excs = as_tuple(heap, &args[1])?;
    let items = Exception::tuple_items(heap, &excs);
    if items.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base = false;
    for (i, exc) in items.iter().enumerate() {
        if !is_exception(exc.object()) {
            return Err(PyErr::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        nested_base |= !super::is_subclass(exc.ob_type(), EXCEPTION.get());
    }
    let mut cls = cls;
    if core::ptr::eq(cls, BASE_EXCEPTION_GROUP.get()) && !nested_base {
        cls = EXCEPTION_GROUP.get();
    } else if core::ptr::eq(cls, EXCEPTION_GROUP.get()) && nested_base {
        return Err(PyErr::type_error(
            "Cannot nest BaseExceptions in an ExceptionGroup",
        ));
    }
    let e = alloc_instance(heap, cls, tuple::new_tuple(heap, args.to_vec())?)?;
    let view = Exception::cast_internal(e.object())?;
    view.field(field::FIRST).set(heap, Some(args[0].clone()));
    view.field(field::SECOND).set(heap, Some(excs));
    Ok(e)
}

/// `PySequence_Check` for the built-in types: tuples, lists, str, bytes, ranges.
fn is_sequence(o: &PyObject) -> bool {
    Tuple::cast(o).is_some()
        || crate::types::list::List::cast(o).is_some()
        || Str::cast(o).is_some()
        || Bytes::cast(o).is_some()
        || crate::types::range::Range::cast(o).is_some()
}

impl Exception {
    /// The items of a tuple the caller made (empty for anything else).
    pub(crate) fn tuple_items<'h>(heap: &'h Heap, t: &Obj<'h>) -> Vec<Obj<'h>> {
        match Tuple::cast(t.object()) {
            // SAFETY: the tuple holds its items.
            Some(t) => tuple::items(t)
                .iter()
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect(),
            None => Vec::new(),
        }
    }
}

/// `PySequence_Tuple(o)`, with a str split into its characters.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`; what iterating raises.
pub(crate) fn as_tuple<'h>(heap: &'h Heap, o: &Obj<'h>) -> PyResult<Obj<'h>> {
    let Some(text) = Str::cast(o.object()) else {
        return tuple::sequence_tuple(heap, o);
    };
    let chars = (0..crate::types::unicode::str_len(text))
        .filter_map(|i| crate::types::unicode::char_at(text, i))
        .map(|c| {
            let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
            crate::types::unicode::new_str(heap, c.encode_utf8(&mut [0; 4]))
        })
        .collect::<PyResult<Vec<_>>>()?;
    tuple::new_tuple(heap, chars)
}
