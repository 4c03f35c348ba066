//! The `posix` module (`Modules/posixmodule.c`): the operating system calls under the shipped
//! `os.py` and `posixpath.py`, and the file descriptors under the shipped `_pyio.py` (`open`).
//!
//! Files are opened with `std::fs::OpenOptions` and kept in a table by their descriptor
//! number (`as_raw_fd`), so `read`, `write`, `lseek` and `close` work on real descriptors
//! without unsafe code. Errors are CPython's `OSError` subclasses, picked by errno
//! (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::os::fd::AsRawFd as _;
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, OpenOptionsExt as _};

use pyrt_objects::Obj;
use pyrt_objects::methods::Params;
use pyrt_objects::types::{bytes, dict, float, list, long, none, tuple, unicode};

use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R};

/// The functions of `posix`, as CPython 3.12 takes them.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("posix", "getpid", Params::NoArgs),
    def("posix", "getppid", Params::NoArgs),
    def("posix", "getcwd", Params::NoArgs),
    def("posix", "listdir", Params::Positional { min: 0, max: 1 }),
    def("posix", "remove", Params::One),
    def("posix", "unlink", Params::One),
    def("posix", "mkdir", Params::Positional { min: 1, max: 2 }),
    def("posix", "rmdir", Params::One),
    def("posix", "rename", Params::Positional { min: 2, max: 2 }),
    def("posix", "stat", Params::One),
    def("posix", "fspath", Params::One),
    def("posix", "urandom", Params::One),
    def("posix", "cpu_count", Params::NoArgs),
    def("posix", "strerror", Params::One),
    def("posix", "open", Params::Positional { min: 2, max: 3 }),
    def("posix", "read", Params::Positional { min: 2, max: 2 }),
    def("posix", "write", Params::Positional { min: 2, max: 2 }),
    def("posix", "lseek", Params::Positional { min: 3, max: 3 }),
    def("posix", "close", Params::One),
];

/// The `os.O_*` flags and `os.SEEK_*` whences (Linux values), as `posix` attributes.
const CONSTANTS: &[(&str, i64)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
];

thread_local! {
    /// The files `posix.open` opened, by descriptor, until `posix.close`.
    static FILES: RefCell<HashMap<i32, File>> = RefCell::new(HashMap::new());
}

/// `posix`'s attributes beside its functions: `environ` (bytes to bytes, as on POSIX), the
/// `O_*` and `SEEK_*` constants.
pub(crate) fn attributes<'py>(interp: &Interp<'py>) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let env = dict::new_dict(heap).map_err(err)?;
    let view = interp.own_dict(&env)?;
    for (k, v) in std::env::vars_os() {
        let k = bytes::new_bytes(heap, k.as_bytes()).map_err(err)?;
        let v = bytes::new_bytes(heap, v.as_bytes()).map_err(err)?;
        dict::set_item(heap, view, k, v).map_err(err)?;
    }
    let mut attrs = vec![("environ", env)];
    for (name, value) in CONSTANTS {
        attrs.push((*name, long::int_from_i64(heap, *value).map_err(err)?));
    }
    Ok(attrs)
}

/// The text `strerror` gives for an errno (glibc's), as `std::io::Error` spells it.
fn strerror_text(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    text.split(" (os error").next().unwrap_or(&text).to_string()
}

/// Raises the `OSError` for `e` (`PyErr_SetFromErrnoWithFilenameObjects`): its subclass is
/// picked by errno, and `filename`/`filename2` show in its message.
fn os_error<'py>(
    interp: &Interp<'py>,
    e: &std::io::Error,
    filename: Option<&Obj<'py>>,
    filename2: Option<&Obj<'py>>,
) -> crate::Unwind<'py> {
    let heap = interp.heap;
    let errno = e.raw_os_error().unwrap_or(5);
    let made = (|| {
        let mut args = vec![
            long::int_from_i64(heap, i64::from(errno))?,
            unicode::new_str(heap, &strerror_text(errno))?,
        ];
        if let Some(f) = filename {
            args.push(f.clone());
            if let Some(f2) = filename2 {
                args.push(none(heap));
                args.push(f2.clone());
            }
        }
        exceptions::call_class(heap, exceptions::OS_ERROR.get(), &args, &[])
    })();
    match made {
        Ok(exc) => crate::Unwind::Raise(crate::Raised { exc }),
        Err(e) => interp.err(e),
    }
}

/// A path argument (`path_converter`): a str or bytes, or an object whose `__fspath__`
/// gives one; the bytes of the path.
fn path_arg<'py>(interp: &Interp<'py>, func: &str, o: &Obj<'py>) -> R<'py, Vec<u8>> {
    path_arg_at(interp, func, o, false)
}

/// [`path_arg`] for the first (`false`) or second (`true`) path of a function.
fn path_arg_at<'py>(
    interp: &Interp<'py>,
    func: &str,
    o: &Obj<'py>,
    second: bool,
) -> R<'py, Vec<u8>> {
    // A wrong type is named with the function, as `path_converter` does.
    let p = match fspath(interp, o) {
        Ok(p) => p,
        Err(_) => {
            let (arg, kinds) = match func {
                "listdir" => ("path", "string, bytes, os.PathLike, integer or None"),
                "stat" => ("path", "string, bytes, os.PathLike or integer"),
                "rename" if second => ("dst", "string, bytes or os.PathLike"),
                "rename" => ("src", "string, bytes or os.PathLike"),
                _ => ("path", "string, bytes or os.PathLike"),
            };
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{func}: {arg} should be {kinds}, not {}",
                    o.ob_type().name()
                ),
            ));
        }
    };
    if let Some(s) = unicode::Str::cast(p.object()) {
        let text = unicode::str_value(s);
        if text.contains('\0') {
            return Err(interp.raise(
                &exceptions::VALUE_ERROR,
                format!("{func}: embedded null character in path"),
            ));
        }
        return Ok(text.into_bytes());
    }
    let data = bytes::Bytes::cast(p.object())
        .map(|b| bytes::bytes_value(b).to_vec())
        .unwrap_or_default();
    if data.contains(&0) {
        return Err(interp.raise(
            &exceptions::VALUE_ERROR,
            format!("{func}: embedded null character in path"),
        ));
    }
    Ok(data)
}

/// `os.fspath(path)` (`PyOS_FSPath`): a str or bytes as it is, else what `__fspath__` returns.
fn fspath<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, Obj<'py>> {
    if unicode::is_str(o.object()) || bytes::is_bytes(o.object()) {
        return Ok(o.clone());
    }
    let ty_name = o.ob_type().name().to_string();
    let method = match interp.getattr(o, "__fspath__") {
        Ok(m) => m,
        Err(_) => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!("expected str, bytes or os.PathLike object, not {ty_name}"),
            ));
        }
    };
    let r = interp.call(&method, Vec::new(), Vec::new())?;
    if unicode::is_str(r.object()) || bytes::is_bytes(r.object()) {
        return Ok(r);
    }
    Err(interp.raise(
        &exceptions::TYPE_ERROR,
        format!(
            "expected {ty_name}.__fspath__() to return str or bytes, not {}",
            r.ob_type().name()
        ),
    ))
}

/// A C `int` argument (Clinic's `int` converter).
fn int_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, i64> {
    c_arg(interp, o, "int")
}

/// A `Py_ssize_t` argument (Clinic's `Py_ssize_t` converter).
fn ssize_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, i64> {
    c_arg(interp, o, "ssize_t")
}

/// An integer argument of a C type, `OverflowError` naming it past the range of `i64`.
fn c_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>, c_type: &str) -> R<'py, i64> {
    if pyrt_objects::types::float::Float::cast(o.object()).is_some() {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let i = match interp.user_index(o) {
        Some(i) => i?,
        None => o.clone(),
    };
    let Some(n) = long::Int::cast(i.object()) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                o.ob_type().name()
            ),
        ));
    };
    long::as_i64(n).ok_or_else(|| {
        interp.raise(
            &exceptions::OVERFLOW_ERROR,
            format!("Python int too large to convert to C {c_type}"),
        )
    })
}

/// A path as an `OsStr`, for `std::fs`.
fn os_path(p: &[u8]) -> &std::path::Path {
    std::path::Path::new(std::ffi::OsStr::from_bytes(p))
}

/// The most bytes one `posix.read` returns.
const MAX_READ: usize = 1 << 24;

/// `n` zero bytes, or `MemoryError` where they cannot be had.
fn zeroed<'py>(interp: &Interp<'py>, n: usize) -> R<'py, Vec<u8>> {
    let mut data = Vec::new();
    data.try_reserve_exact(n)
        .map_err(|_| interp.err(pyrt_objects::PyErr::memory_error()))?;
    data.resize(n, 0);
    Ok(data)
}

/// Runs `f` on the open file `fd`, or raises `OSError: [Errno 9] Bad file descriptor`.
fn with_file<'py, T>(
    interp: &Interp<'py>,
    fd: i64,
    f: impl FnOnce(&mut File) -> std::io::Result<T>,
) -> R<'py, T> {
    let r = FILES.with(|files| {
        let mut files = files.borrow_mut();
        let Some(file) = i32::try_from(fd).ok().and_then(|fd| files.get_mut(&fd)) else {
            return Err(std::io::Error::from_raw_os_error(9));
        };
        f(file)
    });
    r.map_err(|e| os_error(interp, &e, None, None))
}

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    if let (Params::Positional { .. }, false) = (f.params, kwargs.is_empty()) {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{}() takes no keyword arguments", f.name),
        ));
    }
    let bound = super::bind(interp, f, &args, &kwargs)?;
    drop(args);
    let args: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let int = |v: i64| long::int_from_i64(heap, v).map_err(err);
    let str_or_bytes = |like_bytes: bool, data: &[u8]| {
        if like_bytes {
            bytes::new_bytes(heap, data).map_err(err)
        } else {
            unicode::new_str(heap, &String::from_utf8_lossy(data)).map_err(err)
        }
    };
    match f.name {
        "getpid" => int(i64::from(std::process::id())),
        "getppid" => int(i64::from(std::os::unix::process::parent_id())),
        "getcwd" => {
            let d = std::env::current_dir().map_err(|e| os_error(interp, &e, None, None))?;
            str_or_bytes(false, d.as_os_str().as_bytes())
        }
        "listdir" => {
            let (p, like_bytes, shown) = match args.first() {
                Some(o) => (
                    path_arg(interp, "listdir", o)?,
                    bytes::is_bytes(fspath(interp, o)?.object()),
                    Some(o.clone()),
                ),
                None => (b".".to_vec(), false, None),
            };
            let shown = match shown {
                Some(s) => s,
                None => unicode::new_str(heap, ".").map_err(err)?,
            };
            let entries = std::fs::read_dir(os_path(&p))
                .map_err(|e| os_error(interp, &e, Some(&shown), None))?;
            let mut items = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|e| os_error(interp, &e, Some(&shown), None))?;
                items.push(str_or_bytes(like_bytes, entry.file_name().as_bytes())?);
            }
            list::new_list(heap, items).map_err(err)
        }
        "remove" | "unlink" | "rmdir" => {
            let p = path_arg(interp, f.name, &args[0])?;
            let r = if f.name == "rmdir" {
                std::fs::remove_dir(os_path(&p))
            } else {
                std::fs::remove_file(os_path(&p))
            };
            r.map_err(|e| os_error(interp, &e, Some(&args[0]), None))?;
            Ok(none(heap))
        }
        "mkdir" => {
            let p = path_arg(interp, "mkdir", &args[0])?;
            let mode = match args.get(1) {
                Some(m) => int_arg(interp, m)?,
                None => 0o777,
            };
            std::fs::DirBuilder::new()
                .mode(mode as u32)
                .create(os_path(&p))
                .map_err(|e| os_error(interp, &e, Some(&args[0]), None))?;
            Ok(none(heap))
        }
        "rename" => {
            let a = path_arg(interp, "rename", &args[0])?;
            let b = path_arg_at(interp, "rename", &args[1], true)?;
            std::fs::rename(os_path(&a), os_path(&b))
                .map_err(|e| os_error(interp, &e, Some(&args[0]), Some(&args[1])))?;
            Ok(none(heap))
        }
        "stat" => {
            let p = path_arg(interp, "stat", &args[0])?;
            let m = std::fs::metadata(os_path(&p))
                .map_err(|e| os_error(interp, &e, Some(&args[0]), None))?;
            let time = |s: i64, ns: i64| float::new_float(heap, s as f64 + ns as f64 * 1e-9);
            let items = vec![
                int(i64::from(m.mode()))?,
                int(m.ino() as i64)?,
                int(m.dev() as i64)?,
                int(m.nlink() as i64)?,
                int(i64::from(m.uid()))?,
                int(i64::from(m.gid()))?,
                int(m.size() as i64)?,
                int(m.atime())?,
                int(m.mtime())?,
                int(m.ctime())?,
                time(m.atime(), m.atime_nsec()).map_err(err)?,
                time(m.mtime(), m.mtime_nsec()).map_err(err)?,
                time(m.ctime(), m.ctime_nsec()).map_err(err)?,
            ];
            tuple::new_tuple(heap, items).map_err(err)
        }
        "fspath" => fspath(interp, &args[0]),
        "urandom" => {
            let n = ssize_arg(interp, &args[0])?;
            let Ok(n) = usize::try_from(n) else {
                return Err(interp.raise(&exceptions::VALUE_ERROR, "negative argument not allowed"));
            };
            let mut data = zeroed(interp, n)?;
            File::open("/dev/urandom")
                .and_then(|mut f| f.read_exact(&mut data))
                .map_err(|e| os_error(interp, &e, None, None))?;
            bytes::new_bytes(heap, &data).map_err(err)
        }
        "cpu_count" => match std::thread::available_parallelism() {
            Ok(n) => int(n.get() as i64),
            Err(_) => Ok(none(heap)),
        },
        "strerror" => {
            let code = int_arg(interp, &args[0])?;
            let text = match i32::try_from(code) {
                Ok(c) => strerror_text(c),
                Err(_) => format!("Unknown error {code}"),
            };
            unicode::new_str(heap, &text).map_err(err)
        }
        "open" => {
            let p = path_arg(interp, "open", &args[0])?;
            let flags = int_arg(interp, &args[1])?;
            let mode = match args.get(2) {
                Some(m) => int_arg(interp, m)?,
                None => 0o777,
            };
            let access = flags & 3;
            let mut opts = std::fs::OpenOptions::new();
            opts.read(access == 0 || access == 2)
                .write(access == 1 || access == 2)
                .append(flags & 0o2000 != 0)
                .truncate(flags & 0o1000 != 0)
                .mode(mode as u32);
            if flags & 0o200 != 0 && flags & 0o100 != 0 {
                opts.create_new(true);
            } else {
                opts.create(flags & 0o100 != 0);
            }
            let file = opts
                .open(os_path(&p))
                .map_err(|e| os_error(interp, &e, Some(&args[0]), None))?;
            let fd = file.as_raw_fd();
            FILES.with(|files| files.borrow_mut().insert(fd, file));
            int(i64::from(fd))
        }
        "read" => {
            let fd = int_arg(interp, &args[0])?;
            let n = ssize_arg(interp, &args[1])?;
            let Ok(n) = usize::try_from(n) else {
                let e = std::io::Error::from_raw_os_error(22);
                return Err(os_error(interp, &e, None, None));
            };
            // One `read` gives at most `MAX_READ` bytes, as a raw read may give fewer than
            // asked; the buffer is only as large as what can come.
            let mut data = zeroed(interp, n.min(MAX_READ))?;
            let data = with_file(interp, fd, move |file| {
                let got = file.read(&mut data)?;
                data.truncate(got);
                Ok(data)
            })?;
            bytes::new_bytes(heap, &data).map_err(err)
        }
        "write" => {
            let fd = int_arg(interp, &args[0])?;
            let Some(b) = bytes::Bytes::cast(args[1].object()) else {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "a bytes-like object is required, not '{}'",
                        args[1].ob_type().name()
                    ),
                ));
            };
            let data = bytes::bytes_value(b).to_vec();
            let n = with_file(interp, fd, |file| file.write(&data))?;
            int(n as i64)
        }
        "lseek" => {
            let fd = int_arg(interp, &args[0])?;
            let pos = int_arg(interp, &args[1])?;
            let how = int_arg(interp, &args[2])?;
            let target = match how {
                0 => u64::try_from(pos).ok().map(SeekFrom::Start),
                1 => Some(SeekFrom::Current(pos)),
                2 => Some(SeekFrom::End(pos)),
                _ => None,
            };
            let r = with_file(interp, fd, |file| match target {
                Some(t) => file.seek(t),
                None => Err(std::io::Error::from_raw_os_error(22)),
            })?;
            int(r as i64)
        }
        "close" => {
            let fd = int_arg(interp, &args[0])?;
            let file = FILES.with(|files| {
                i32::try_from(fd)
                    .ok()
                    .and_then(|fd| files.borrow_mut().remove(&fd))
            });
            match file {
                Some(file) => {
                    drop(file);
                    Ok(none(heap))
                }
                None => Err(os_error(
                    interp,
                    &std::io::Error::from_raw_os_error(9),
                    None,
                    None,
                )),
            }
        }
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown module function")),
    }
}
