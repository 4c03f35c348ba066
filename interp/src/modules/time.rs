//! pyrt's `_pyrt_time`: the C library half of the `time` module (`Modules/timemodule.c`),
//! under the shipped `time.py`, which adds `struct_time` and the argument checks. Besides
//! the wall and monotonic clocks (in `modules.rs`), `sleep`, the CPU clocks
//! (`process_time`, `thread_time` and their `_ns` forms, from `clock_gettime`), and the
//! three conversions over the C library: `broken_down` (`gmtime_r`/`localtime_r`),
//! `mktime` and `strftime`, with `struct tm` fields in C's conventions (years from 1900,
//! months from 0, Sunday = 0), which `time.py` translates.
//!
//! The `libc` calls are each behind a small safe function here, with its `SAFETY` note.

use std::ffi::{CStr, CString};

use pyrt_objects::Obj;
use pyrt_objects::methods::Params;
use pyrt_objects::types::{float, long, none, tuple, unicode};

use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R};

/// The functions of `_pyrt_time` beside the clocks.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("_pyrt_time", "sleep", Params::One),
    def("_pyrt_time", "process_time", Params::NoArgs),
    def("_pyrt_time", "process_time_ns", Params::NoArgs),
    def("_pyrt_time", "thread_time", Params::NoArgs),
    def("_pyrt_time", "thread_time_ns", Params::NoArgs),
    def(
        "_pyrt_time",
        "broken_down",
        Params::Positional { min: 2, max: 2 },
    ),
    def(
        "_pyrt_time",
        "mktime",
        Params::Positional { min: 11, max: 11 },
    ),
    def(
        "_pyrt_time",
        "strftime",
        Params::Positional { min: 12, max: 12 },
    ),
];

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    let bound = super::bind(interp, f, &args, &kwargs)?;
    let args: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
    let heap = interp.heap;
    let err = |e| interp.err(e);
    match f.name {
        "sleep" => sleep(interp, &args[0]),
        "process_time" | "thread_time" | "process_time_ns" | "thread_time_ns" => {
            let clock = if f.name.starts_with("process") {
                libc::CLOCK_PROCESS_CPUTIME_ID
            } else {
                libc::CLOCK_THREAD_CPUTIME_ID
            };
            let ns = cpu_clock_ns(clock);
            if f.name.ends_with("_ns") {
                long::int_from_i64(heap, ns).map_err(err)
            } else {
                float::new_float(heap, ns as f64 * 1e-9).map_err(err)
            }
        }
        "broken_down" => {
            let t = int_arg(interp, &args[0])?;
            let local = pyrt_objects::abstract_::is_true(heap, args[1].object()).map_err(err)?;
            broken_down(interp, t, local)
        }
        "mktime" => {
            let tm = tm_from_args(interp, &args)?;
            match mktime(tm) {
                Some(t) => float::new_float(heap, t as f64).map_err(err),
                None => {
                    Err(interp.raise(&exceptions::OVERFLOW_ERROR, "mktime argument out of range"))
                }
            }
        }
        "strftime" => {
            let Some(format) = unicode::Str::cast(args[0].object()) else {
                return Err(err(pyrt_objects::view::bad_internal_call()));
            };
            let format = unicode::str_value(format);
            let Ok(format) = CString::new(format) else {
                return Err(interp.raise(&exceptions::VALUE_ERROR, "embedded null character"));
            };
            let tm = tm_from_args(interp, &args[1..])?;
            let text = strftime(&format, tm);
            unicode::new_str(heap, &String::from_utf8_lossy(&text)).map_err(err)
        }
        _ => Err(err(pyrt_objects::view::bad_internal_call())),
    }
}

/// An int argument that `time.py` has already checked to fit.
fn int_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, i64> {
    long::Int::cast(o.object())
        .and_then(long::as_i64)
        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))
}

/// A `struct tm` and the zone name it points to, to be kept alive while the `tm` is used.
struct Tm {
    tm: libc::tm,
    zone: Option<CString>,
}

/// `(year-1900, mon-1, mday, hour, min, sec, wday (Sunday 0), yday-1, isdst, zone or None,
/// gmtoff or None)` as a `struct tm` (`gettmarg`).
fn tm_from_args<'py>(interp: &Interp<'py>, args: &[Obj<'py>]) -> R<'py, Tm> {
    let mut v = [0i32; 9];
    for (slot, a) in v.iter_mut().zip(args) {
        *slot = i32::try_from(int_arg(interp, a)?)
            .map_err(|_| interp.err(pyrt_objects::view::bad_internal_call()))?;
    }
    // SAFETY: `struct tm` is plain data (ints, a long and a pointer): all zeros is a valid
    // value, as CPython's `memset(p, 0, sizeof(*p))` makes it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = v[0];
    tm.tm_mon = v[1];
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    tm.tm_wday = v[6];
    tm.tm_yday = v[7];
    tm.tm_isdst = v[8];
    let zone = match unicode::Str::cast(args[9].object()) {
        Some(s) => CString::new(unicode::str_value(s)).ok(),
        None => None,
    };
    if let Some(off) = long::Int::cast(args[10].object()).and_then(long::as_i64) {
        tm.tm_gmtoff = off;
    }
    let mut out = Tm { tm, zone };
    if let Some(z) = &out.zone {
        out.tm.tm_zone = z.as_ptr();
    }
    Ok(out)
}

/// `time.sleep(secs)`: a float or an int (or an object with `__index__`) of seconds,
/// as `_PyTime_FromSecondsObject` converts it.
fn sleep<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, Obj<'py>> {
    let too_large = || {
        interp.raise(
            &exceptions::OVERFLOW_ERROR,
            "timestamp too large to convert to C _PyTime_t",
        )
    };
    let ns: i128 = if let Some(x) = float::Float::cast(o.object()) {
        let x = float::float_value(x);
        if x.is_nan() {
            return Err(interp.raise(&exceptions::VALUE_ERROR, "Invalid value NaN (not a number)"));
        }
        let ns = (x * 1e9).ceil();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&ns) {
            return Err(interp.raise(
                &exceptions::OVERFLOW_ERROR,
                "timestamp out of range for platform time_t",
            ));
        }
        ns as i128
    } else {
        let i = match long::Int::cast(o.object()) {
            Some(_) => o.clone(),
            None => match interp.user_index(o) {
                Some(r) => r?,
                None => {
                    return Err(interp.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            o.ob_type().name()
                        ),
                    ));
                }
            },
        };
        let secs = long::Int::cast(i.object())
            .and_then(long::as_i64)
            .ok_or_else(too_large)?;
        let ns = i128::from(secs) * 1_000_000_000;
        if i64::try_from(ns).is_err() {
            return Err(too_large());
        }
        ns
    };
    if ns < 0 {
        return Err(interp.raise(
            &exceptions::VALUE_ERROR,
            "sleep length must be non-negative",
        ));
    }
    let _ = std::io::Write::flush(&mut *interp.out.borrow_mut());
    std::thread::sleep(std::time::Duration::from_nanos(ns as u64));
    Ok(none(interp.heap))
}

/// `clock_gettime(clock)` in nanoseconds (0 if the clock cannot be read).
fn cpu_clock_ns(clock: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable `timespec` for the call's duration.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// `gmtime_r`/`localtime_r` of `t`: the 11 fields of a `struct_time` (year, month 1-12,
/// day, hour, minute, second, weekday with Monday 0, day of the year from 1, isdst, zone,
/// gmtoff), or `(errno, strerror)` when the C library refuses (`OSError` in `time.py`).
fn broken_down<'py>(interp: &Interp<'py>, t: i64, local: bool) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let int = |v: i64| long::int_from_i64(heap, v).map_err(err);
    let tt: libc::time_t = t;
    // SAFETY: all-zero is a valid `struct tm` (plain data); the call fills it in.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; `_r` forms use no shared state.
    let ok = unsafe {
        if local {
            !libc::localtime_r(&tt, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&tt, &mut tm).is_null()
        }
    };
    if !ok {
        let e = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EOVERFLOW);
        let message = unicode::new_str(heap, &strerror(e)).map_err(err)?;
        return tuple::new_tuple(heap, vec![int(i64::from(e))?, message]).map_err(err);
    }
    let zone = if tm.tm_zone.is_null() {
        none(heap)
    } else {
        // SAFETY: the C library points `tm_zone` at a NUL-terminated static name.
        let name = unsafe { CStr::from_ptr(tm.tm_zone) };
        unicode::new_str(heap, &name.to_string_lossy()).map_err(err)?
    };
    let items = vec![
        int(i64::from(tm.tm_year) + 1900)?,
        int(i64::from(tm.tm_mon) + 1)?,
        int(i64::from(tm.tm_mday))?,
        int(i64::from(tm.tm_hour))?,
        int(i64::from(tm.tm_min))?,
        int(i64::from(tm.tm_sec))?,
        int(i64::from((tm.tm_wday + 6) % 7))?,
        int(i64::from(tm.tm_yday) + 1)?,
        int(i64::from(tm.tm_isdst))?,
        zone,
        int(tm.tm_gmtoff)?,
    ];
    tuple::new_tuple(heap, items).map_err(err)
}

/// The C library's message for `errno` `e`.
fn strerror(e: i32) -> String {
    // SAFETY: `strerror` returns a NUL-terminated string valid until the next call; it is
    // copied at once, and the interpreter runs on one thread.
    unsafe { CStr::from_ptr(libc::strerror(e)) }
        .to_string_lossy()
        .into_owned()
}

/// `mktime` of a local time: seconds since the epoch, `None` out of range (`tm_wday` stays
/// at its sentinel -1, as CPython checks).
fn mktime(mut tm: Tm) -> Option<i64> {
    tm.tm.tm_wday = -1;
    // SAFETY: `tm.tm` is a valid `struct tm`; its zone pointer, if any, points into
    // `tm.zone`, alive for the call.
    let t = unsafe { libc::mktime(&mut tm.tm) };
    if t == -1 && tm.tm.tm_wday == -1 {
        return None;
    }
    Some(t)
}

/// `strftime(format, tm)` with CPython's buffer loop: 1024 bytes, doubled until the text
/// fits or the buffer reaches 256 times the format's length (then the text is empty).
fn strftime(format: &CStr, tm: Tm) -> Vec<u8> {
    let limit = 256 * format.to_bytes().len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `format` is NUL-terminated, `tm.tm` is
        // a valid `struct tm` whose zone pointer (if any) is kept alive by `tm.zone`.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, format.as_ptr(), &tm.tm) };
        if n > 0 || size >= limit {
            buf.truncate(n);
            return buf;
        }
        size += size;
    }
}
