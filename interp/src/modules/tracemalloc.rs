//! The `_tracemalloc` module (`Modules/_tracemalloc.c` over `Python/tracemalloc.c`): the C
//! half of `tracemalloc`, whose Python half pyrt ships as `interp/lib/tracemalloc.py`.
//!
//! Tracing is the allocator's (`pyrt_allocator`'s tracer: a trace per live block, with its
//! requested size and a tag, and current and peak bytes); the tag of each block is its
//! traceback, recorded from the VM's frames when the block is allocated
//! ([`tracemalloc_frames`](super::tracemalloc_frames)). Every block is in domain 0 (pyrt has
//! no `PyTraceMalloc_Track`).
//!
//! The module also holds `_pyrt_tracemalloc`, pyrt's private helpers for the Python half where
//! CPython's uses modules pyrt does not have yet: `linecache` (a source line of a file the
//! session ran) and `pickle` with `open` (a snapshot written to and read from a file, in a
//! text format of pyrt's own).

use std::collections::HashMap;
use std::fmt::Write as _;

use pyrt_allocator::Tag;
use pyrt_objects::methods::Params;
use pyrt_objects::types::{list, long, none, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::tracemalloc_frames::MAX_NFRAME;
use super::{ModuleFunction, def};
use crate::exceptions;
use crate::{Interp, R};

/// The functions of `_tracemalloc` and `_pyrt_tracemalloc`, as CPython 3.12 takes them.
pub(crate) const FUNCTIONS: &[ModuleFunction] = &[
    def("_tracemalloc", "_get_object_traceback", Params::One),
    def("_tracemalloc", "_get_traces", Params::NoArgs),
    def("_tracemalloc", "clear_traces", Params::NoArgs),
    def("_tracemalloc", "get_traceback_limit", Params::NoArgs),
    def("_tracemalloc", "get_traced_memory", Params::NoArgs),
    def("_tracemalloc", "get_tracemalloc_memory", Params::NoArgs),
    def("_tracemalloc", "is_tracing", Params::NoArgs),
    def("_tracemalloc", "reset_peak", Params::NoArgs),
    def(
        "_tracemalloc",
        "start",
        Params::Positional { min: 0, max: 1 },
    ),
    def("_tracemalloc", "stop", Params::NoArgs),
    def(
        "_pyrt_tracemalloc",
        "source_line",
        Params::Positional { min: 2, max: 2 },
    ),
    def(
        "_pyrt_tracemalloc",
        "dump",
        Params::Positional { min: 3, max: 3 },
    ),
    def("_pyrt_tracemalloc", "load", Params::One),
];

/// The first line of a snapshot file: what it is and its format's version.
const DUMP_MAGIC: &str = "pyrt tracemalloc snapshot 1";

/// Calls function `index` of [`FUNCTIONS`].
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let f = &FUNCTIONS[index];
    if let (Params::Positional { .. }, false) = (f.params, kwargs.is_empty()) {
        // `_PyArg_NoKeywords`, which names the function with its module.
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{}.{}() takes no keyword arguments", f.module, f.name),
        ));
    }
    let bound = super::bind(interp, f, &args, &kwargs)?;
    drop(args);
    let args: Vec<Obj<'py>> = bound.into_iter().flatten().collect();
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let state = &interp.tracemalloc;
    match f.name {
        "is_tracing" => Ok(long::new_bool(heap, is_tracing(interp))),
        "start" => {
            let n = match args.first() {
                Some(a) => c_int_arg(interp, a)?,
                None => 1,
            };
            if !(1..=MAX_NFRAME as i64).contains(&n) {
                return Err(interp.raise(
                    &exceptions::VALUE_ERROR,
                    "the number of frames must be in range [1; 65535]",
                ));
            }
            start_tracing(interp, n as usize);
            Ok(none(heap))
        }
        "stop" => {
            heap.set_trace_tags(false);
            heap.with_allocator_mut(|a| a.stop_tracing());
            state.clear();
            Ok(none(heap))
        }
        "clear_traces" => {
            if is_tracing(interp) {
                heap.with_allocator_mut(|a| a.clear_traces());
                state.clear();
            }
            Ok(none(heap))
        }
        "get_traceback_limit" => long::int_from_i64(heap, state.limit() as i64).map_err(err),
        "get_traced_memory" => {
            let m = heap.with_allocator_mut(|a| a.traced_memory());
            let items = vec![
                long::int_from_i64(heap, m.current as i64).map_err(err)?,
                long::int_from_i64(heap, m.peak as i64).map_err(err)?,
            ];
            tuple::new_tuple(heap, items).map_err(err)
        }
        "reset_peak" => {
            heap.with_allocator_mut(|a| a.reset_peak());
            Ok(none(heap))
        }
        "get_tracemalloc_memory" => {
            // This implementation's own tables: the traces (address, size, tag) and the
            // interned tracebacks; an estimate, not CPython's number.
            let traces = heap.with_allocator_mut(|a| a.trace_count());
            let n = state.memory() + traces * 3 * size_of::<usize>();
            long::int_from_i64(heap, n as i64).map_err(err)
        }
        "_get_traces" => get_traces(interp),
        "_get_object_traceback" => get_object_traceback(interp, &args[0]),
        "source_line" => source_line(interp, &args[0], &args[1]),
        "dump" => dump(interp, &args[0], &args[1], &args[2]),
        "load" => load(interp, &args[0]),
        _ => Err(err(pyrt_objects::view::bad_internal_call())),
    }
}

/// `tracemalloc_start(nframe)`: starts tracing with a traceback limit of `nframe` (1 to
/// 65535); nothing changes, not even the limit, when tracing is already on.
pub(crate) fn start_tracing(interp: &Interp<'_>, nframe: usize) {
    if !is_tracing(interp) {
        interp.tracemalloc.set_limit(nframe);
        interp.heap.with_allocator_mut(|a| a.start_tracing());
        interp.heap.set_trace_tags(true);
    }
}

fn is_tracing(interp: &Interp<'_>) -> bool {
    interp.heap.with_allocator_mut(|a| a.is_tracing())
}

/// A C `int` argument (Argument Clinic's `int` converter).
fn c_int_arg<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, i64> {
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
    long::as_i64(n)
        .filter(|n| i32::try_from(*n).is_ok())
        .ok_or_else(|| {
            interp.raise(
                &exceptions::OVERFLOW_ERROR,
                "Python int too large to convert to C int",
            )
        })
}

/// Makes the Python tuples of recorded tracebacks, sharing one tuple per tag and one str per
/// filename, as `_get_traces` does with its traceback cache.
struct TracebackObjects<'py> {
    tuples: HashMap<Tag, (Obj<'py>, u16)>,
    filenames: HashMap<String, Obj<'py>>,
}

impl<'py> TracebackObjects<'py> {
    fn new() -> Self {
        TracebackObjects {
            tuples: HashMap::new(),
            filenames: HashMap::new(),
        }
    }

    /// The frames of `tag`'s traceback as a tuple of `(filename, lineno)`, innermost first,
    /// and its total number of frames.
    fn get(&mut self, interp: &Interp<'py>, tag: Tag) -> R<'py, (Obj<'py>, u16)> {
        if let Some(t) = self.tuples.get(&tag) {
            return Ok(t.clone());
        }
        let heap = interp.heap;
        let err = |e| interp.err(e);
        let (frames, total) = interp.tracemalloc.traceback(tag);
        let mut items = Vec::with_capacity(frames.len());
        for (name, line) in frames {
            let name = match self.filenames.get(&*name) {
                Some(s) => s.clone(),
                None => {
                    let s = unicode::new_str(heap, &name).map_err(err)?;
                    self.filenames.insert(name.to_string(), s.clone());
                    s
                }
            };
            let line = long::int_from_i64(heap, i64::from(line)).map_err(err)?;
            items.push(tuple::new_tuple(heap, vec![name, line]).map_err(err)?);
        }
        let t = tuple::new_tuple(heap, items).map_err(err)?;
        self.tuples.insert(tag, (t.clone(), total));
        Ok((t, total))
    }
}

/// `_get_traces()`: a list of `(domain, size, traceback, total_nframe)` for every traced
/// block; empty when not tracing.
fn get_traces<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    // The traces are copied first: the objects made below are traced too, but not listed.
    let mut traces = heap.with_allocator_mut(|a| a.traces());
    traces.sort_unstable_by_key(|t| t.addr);
    let mut objects = TracebackObjects::new();
    let zero = long::int_from_i64(heap, 0).map_err(err)?;
    let mut items = Vec::with_capacity(traces.len());
    for t in traces {
        let (tb, total) = objects.get(interp, t.tag)?;
        let item = vec![
            zero.clone(),
            long::int_from_i64(heap, t.size as i64).map_err(err)?,
            tb,
            long::int_from_i64(heap, i64::from(total)).map_err(err)?,
        ];
        items.push(tuple::new_tuple(heap, item).map_err(err)?);
    }
    list::new_list(heap, items).map_err(err)
}

/// `_get_object_traceback(obj)`: the frames of the block `obj` starts (after its
/// pre-header), innermost first, or `None` when it was not traced.
fn get_object_traceback<'py>(interp: &Interp<'py>, o: &Obj<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let pre = o.ob_type().preheader_size();
    let start = o.as_ptr().cast::<u8>().as_ptr().wrapping_sub(pre);
    let trace =
        core::ptr::NonNull::new(start).and_then(|p| heap.with_allocator_mut(|a| a.trace_at(p)));
    match trace {
        Some(t) => Ok(TracebackObjects::new().get(interp, t.tag)?.0),
        None => Ok(none(heap)),
    }
}

/// `_pyrt_tracemalloc.source_line(filename, lineno)`: line `lineno` of a file the session
/// compiled (its script, its modules, the shipped library), or `''` (`linecache.getline`).
fn source_line<'py>(interp: &Interp<'py>, name: &Obj<'py>, line: &Obj<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let name = unicode::Str::cast(name.object()).map(unicode::str_value);
    let line = long::Int::cast(line.object()).and_then(long::as_i64);
    let text = match (name, line) {
        (Some(name), Some(n)) if n >= 1 => {
            let sources = interp.vm.sources.borrow();
            sources
                .get(&name)
                .filter(|lines| (n as usize) <= lines.count())
                .map(|lines| lines.text_of(n as usize).to_string())
                .unwrap_or_default()
        }
        _ => String::new(),
    };
    unicode::new_str(heap, &text).map_err(|e| interp.err(e))
}

/// The `OSError` `open` raises for a snapshot file (`FileNotFoundError: [Errno 2] No such
/// file or directory: 'name'`).
fn file_error<'py>(interp: &Interp<'py>, e: &std::io::Error, name: &str) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let errno = e.raw_os_error().unwrap_or(5);
    let reason = match errno {
        2 => "No such file or directory".to_string(),
        13 => "Permission denied".to_string(),
        21 => "Is a directory".to_string(),
        _ => {
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    };
    let args = [
        long::int_from_i64(heap, i64::from(errno)).map_err(err)?,
        unicode::new_str(heap, &reason).map_err(err)?,
        unicode::new_str(heap, name).map_err(err)?,
    ];
    let exc = exceptions::call_class(heap, exceptions::OS_ERROR.get(), &args, &[]).map_err(err)?;
    Err(crate::Unwind::Raise(crate::Raised { exc }))
}

/// `_pyrt_tracemalloc.dump(filename, traces, traceback_limit)`: writes a snapshot's traces
/// (the list `_get_traces` makes) in pyrt's text format, one trace a line:
/// `domain size total_nframe nframe` then each frame as `lineno filename-length filename`.
fn dump<'py>(
    interp: &Interp<'py>,
    name: &Obj<'py>,
    traces: &Obj<'py>,
    limit: &Obj<'py>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let bad = || {
        interp.raise(
            &exceptions::TYPE_ERROR,
            "a snapshot's traces must be (domain, size, traceback, total_nframe) tuples",
        )
    };
    let Some(filename) = unicode::Str::cast(name.object()).map(unicode::str_value) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                name.ob_type().name()
            ),
        ));
    };
    let int = |o: &PyObject| long::Int::cast(o).and_then(long::as_i64);
    let limit = int(limit.object()).ok_or_else(bad)?;
    let mut out = format!("{DUMP_MAGIC}\n{limit}\n");
    let items = interp.collect(traces)?;
    for t in &items {
        if !tuple::is_tuple(t.object()) {
            return Err(bad());
        }
        let fields = interp.collect(t)?;
        let [domain, size, tb, total] = fields.as_slice() else {
            return Err(bad());
        };
        let total = if pyrt_objects::numbers::is_none(total.object()) {
            -1
        } else {
            int(total.object()).ok_or_else(bad)?
        };
        if !tuple::is_tuple(tb.object()) {
            return Err(bad());
        }
        let frames = interp.collect(tb)?;
        let _ = write!(
            out,
            "{} {} {} {}",
            int(domain.object()).ok_or_else(bad)?,
            int(size.object()).ok_or_else(bad)?,
            total,
            frames.len()
        );
        for f in &frames {
            if !tuple::is_tuple(f.object()) {
                return Err(bad());
            }
            let pair = interp.collect(f)?;
            let [file, line] = pair.as_slice() else {
                return Err(bad());
            };
            let file = unicode::Str::cast(file.object())
                .map(unicode::str_value)
                .ok_or_else(bad)?;
            let line = int(line.object()).ok_or_else(bad)?;
            let _ = write!(out, " {line} {} {file}", file.len());
        }
        out.push('\n');
    }
    if let Err(e) = std::fs::write(&filename, out) {
        return file_error(interp, &e, &filename);
    }
    Ok(none(heap))
}

/// `_pyrt_tracemalloc.load(filename)`: `(traces, traceback_limit)` of a snapshot file
/// [`dump`] wrote.
fn load<'py>(interp: &Interp<'py>, name: &Obj<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let Some(filename) = unicode::Str::cast(name.object()).map(unicode::str_value) else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                name.ob_type().name()
            ),
        ));
    };
    let bytes = match std::fs::read(&filename) {
        Ok(b) => b,
        Err(e) => return file_error(interp, &e, &filename),
    };
    let bad = || {
        interp.raise(
            &exceptions::VALUE_ERROR,
            format!("'{filename}' is not a tracemalloc snapshot written by pyrt"),
        )
    };
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let parsed = parse_dump(&text).ok_or_else(bad)?;
    let int = |v: i64| long::int_from_i64(heap, v).map_err(err);
    let mut items = Vec::with_capacity(parsed.traces.len());
    for t in parsed.traces {
        let mut frames = Vec::with_capacity(t.frames.len());
        for (line, file) in t.frames {
            let f = unicode::new_str(heap, &file).map_err(err)?;
            frames.push(tuple::new_tuple(heap, vec![f, int(line)?]).map_err(err)?);
        }
        let total = match t.total {
            -1 => none(heap),
            n => int(n)?,
        };
        let item = vec![
            int(t.domain)?,
            int(t.size)?,
            tuple::new_tuple(heap, frames).map_err(err)?,
            total,
        ];
        items.push(tuple::new_tuple(heap, item).map_err(err)?);
    }
    let traces = list::new_list(heap, items).map_err(err)?;
    tuple::new_tuple(heap, vec![traces, int(parsed.limit)?]).map_err(err)
}

/// A trace read back from a snapshot file.
#[derive(Debug, PartialEq)]
struct DumpedTrace {
    domain: i64,
    size: i64,
    total: i64,
    frames: Vec<(i64, String)>,
}

/// A snapshot file's contents.
#[derive(Debug, PartialEq)]
struct Dumped {
    limit: i64,
    traces: Vec<DumpedTrace>,
}

/// The integer before the next space of `rest`, which moves past it.
fn next_int(rest: &mut &str) -> Option<i64> {
    let (w, r) = rest.split_once(' ').unwrap_or((rest, ""));
    *rest = r;
    w.parse().ok()
}

/// Parses a snapshot file; `None` when it is not one.
fn parse_dump(text: &str) -> Option<Dumped> {
    let mut lines = text.split('\n');
    if lines.next()? != DUMP_MAGIC {
        return None;
    }
    let limit = lines.next()?.parse().ok()?;
    let mut traces = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let mut rest = line;
        let (domain, size, total, n) = (
            next_int(&mut rest)?,
            next_int(&mut rest)?,
            next_int(&mut rest)?,
            next_int(&mut rest)?,
        );
        let mut frames = Vec::new();
        for _ in 0..n {
            let lineno = next_int(&mut rest)?;
            let len = usize::try_from(next_int(&mut rest)?).ok()?;
            let file = rest.get(..len)?.to_string();
            rest = rest.get(len..)?.strip_prefix(' ').unwrap_or("");
            frames.push((lineno, file));
        }
        traces.push(DumpedTrace {
            domain,
            size,
            total,
            frames,
        });
    }
    Some(Dumped { limit, traces })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dump_parses_back() {
        let text = format!("{DUMP_MAGIC}\n3\n0 64 2 2 5 4 a.py 7 6 b c.py\n0 8 -1 0\n");
        let d = parse_dump(&text).unwrap();
        assert_eq!(d.limit, 3);
        assert_eq!(
            d.traces,
            vec![
                DumpedTrace {
                    domain: 0,
                    size: 64,
                    total: 2,
                    frames: vec![(5, "a.py".into()), (7, "b c.py".into())],
                },
                DumpedTrace {
                    domain: 0,
                    size: 8,
                    total: -1,
                    frames: vec![],
                },
            ]
        );
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(parse_dump("hello\n"), None);
        assert_eq!(parse_dump(&format!("{DUMP_MAGIC}\nx\n")), None);
        assert_eq!(
            parse_dump(&format!("{DUMP_MAGIC}\n1\n0 1 1 1 3 99 a\n")),
            None
        );
    }
}
