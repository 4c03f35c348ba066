//! The `gc` module (`Modules/gcmodule.c`'s Python API) and the `weakref` module's functions
//! (`Modules/_weakref.c`), and the interpreter's side of the object layer's hooks: `__del__`,
//! weak-reference callbacks and `gc.callbacks`, with errors reported as CPython's
//! `PyErr_WriteUnraisable` does.
//!
//! `gc.garbage` and `gc.callbacks` are the lists the module was created with (rebinding the
//! module attribute does not change them, as in CPython): collections move what they save into
//! the first, and call what the second holds.

use pyrt_gc::{CallbackPhase, CollectionInfo, NUM_GENERATIONS, debug};
use pyrt_objects::hooks::RuntimeHooks;
use pyrt_objects::types::{dict, list, long, none, tuple, unicode, weakref};
use pyrt_objects::{Obj, PyObject};

use super::exceptions;
use super::{Interp, R, Unwind};

/// The functions of the `gc` and `weakref` modules, as `(module, name)`.
pub(crate) const FUNCTIONS: &[(&str, &str)] = &[
    ("gc", "collect"),
    ("gc", "enable"),
    ("gc", "disable"),
    ("gc", "isenabled"),
    ("gc", "get_count"),
    ("gc", "get_threshold"),
    ("gc", "set_threshold"),
    ("gc", "set_debug"),
    ("gc", "get_debug"),
    ("gc", "is_tracked"),
    ("gc", "is_finalized"),
    ("gc", "get_objects"),
    ("gc", "get_referrers"),
    ("gc", "get_referents"),
    ("gc", "get_stats"),
    ("gc", "freeze"),
    ("gc", "unfreeze"),
    ("gc", "get_freeze_count"),
    ("weakref", "getweakrefcount"),
    ("weakref", "getweakrefs"),
];

/// The lists behind `gc.garbage` and `gc.callbacks`.
pub(crate) struct GcLists<'py> {
    pub garbage: Obj<'py>,
    pub callbacks: Obj<'py>,
}

/// The data attributes of the `gc` module: the two lists and the `DEBUG_*` flags.
pub(crate) fn gc_attributes<'py>(interp: &Interp<'py>) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let lists = interp.gc_lists()?;
    let mut attrs = vec![
        ("garbage", lists.garbage.clone()),
        ("callbacks", lists.callbacks.clone()),
    ];
    for (name, value) in [
        ("DEBUG_STATS", debug::STATS),
        ("DEBUG_COLLECTABLE", debug::COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", debug::UNCOLLECTABLE),
        ("DEBUG_SAVEALL", debug::SAVEALL),
        ("DEBUG_LEAK", debug::LEAK),
    ] {
        attrs.push((
            name,
            long::int_from_i64(heap, i64::from(value)).map_err(err)?,
        ));
    }
    Ok(attrs)
}

impl<'py> Interp<'py> {
    /// The `gc.garbage` and `gc.callbacks` lists, made on first use.
    pub(crate) fn gc_lists(&self) -> R<'py, std::cell::Ref<'_, GcLists<'py>>> {
        if self.gc_lists.borrow().is_none() {
            let garbage = list::new_list(self.heap, Vec::new()).map_err(|e| self.err(e))?;
            let callbacks = list::new_list(self.heap, Vec::new()).map_err(|e| self.err(e))?;
            *self.gc_lists.borrow_mut() = Some(GcLists { garbage, callbacks });
        }
        Ok(std::cell::Ref::map(self.gc_lists.borrow(), |l| {
            l.as_ref().expect("made above")
        }))
    }

    /// A safe point (CPython's eval breaker): runs the automatic collection when one is due.
    #[inline]
    pub(crate) fn gc_safe_point(&self) {
        if self.heap.collection_due() {
            self.heap.collect_if_due();
            self.save_garbage();
        }
    }

    /// Moves what collections saved into `gc.garbage`.
    pub(crate) fn save_garbage(&self) {
        let saved = self.heap.take_garbage();
        if saved.is_empty() {
            return;
        }
        let Ok(lists) = self.gc_lists() else {
            return;
        };
        for o in saved {
            // A failed append (no memory) drops the object, as a full `gc.garbage` would.
            let _ = list::append(self.heap, lists.garbage.object(), o);
        }
    }

    /// `PyErr_WriteUnraisable(obj)`: the exception is printed on stderr, after `Exception
    /// ignored in: <repr of obj>`, and otherwise ignored.
    fn write_unraisable(&self, obj: &PyObject, unwind: Unwind<'py>) {
        let Unwind::Raise(r) = unwind else {
            return;
        };
        let _ = std::io::Write::flush(&mut *self.out.borrow_mut());
        let what = pyrt_objects::abstract_::repr(self.heap, obj).unwrap_or_default();
        eprint!(
            "Exception ignored in: {what}\n{}",
            self.format_traceback(&r)
        );
    }
}

impl RuntimeHooks for Interp<'_> {
    fn finalize(&self, obj: &PyObject) {
        let Some(del) = self.class_lookup(obj.ob_type(), "__del__") else {
            return;
        };
        // SAFETY: the object is alive for the finalizer's duration (the caller holds it).
        let me = unsafe { Obj::from_borrowed(self.heap, obj) };
        if let Err(u) = self.call(&del, vec![me], Vec::new()) {
            self.write_unraisable(del.object(), u);
        }
    }

    fn weakref_callback(&self, weakref: &PyObject, callback: &PyObject) {
        // SAFETY: the caller holds both.
        let (w, cb) = unsafe {
            (
                Obj::from_borrowed(self.heap, weakref),
                Obj::from_borrowed(self.heap, callback),
            )
        };
        if let Err(u) = self.call(&cb, vec![w], Vec::new()) {
            self.write_unraisable(cb.object(), u);
        }
    }

    fn gc_callback(&self, phase: CallbackPhase, info: CollectionInfo) {
        let callbacks = match self.gc_lists.borrow().as_ref() {
            Some(l) if list::list_len(l.callbacks.object()) > 0 => l.callbacks.clone(),
            _ => return,
        };
        let heap = self.heap;
        let phase = match phase {
            CallbackPhase::Start => "start",
            CallbackPhase::Stop => "stop",
        };
        let args = || -> pyrt_objects::PyResult<(Obj<'_>, Obj<'_>)> {
            let d = dict::new_dict(heap)?;
            for (k, v) in [
                ("generation", info.generation),
                ("collected", info.collected),
                ("uncollectable", info.uncollectable),
            ] {
                let k = unicode::new_str(heap, k)?;
                dict::set_item(heap, d.object(), k, long::int_from_i64(heap, v as i64)?)?;
            }
            Ok((unicode::new_str(heap, phase)?, d))
        };
        let Ok((phase, info)) = args() else {
            return;
        };
        let mut i = 0;
        while i < list::list_len(callbacks.object()) {
            let Ok(cb) = list::get_item(heap, callbacks.object(), i as isize) else {
                break;
            };
            if let Err(u) = self.call(&cb, vec![phase.clone(), info.clone()], Vec::new()) {
                self.write_unraisable(cb.object(), u);
            }
            i += 1;
        }
    }
}

/// Calls `gc.name` or `weakref.name` (index `index` of [`FUNCTIONS`]).
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    index: usize,
    args: Vec<Obj<'py>>,
    kwargs: Vec<(String, Obj<'py>)>,
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let (module, name) = FUNCTIONS[index];
    let type_error = |m: String| interp.raise(&exceptions::TYPE_ERROR, m);
    let value_error = |m: &str| interp.raise(&exceptions::VALUE_ERROR, m.to_string());
    // Argument clinic: positional parameters, some also by keyword.
    let params: &[&str] = match name {
        "collect" => &["generation"],
        "get_objects" => &["generation"],
        _ => &[],
    };
    let mut args = args;
    for (k, v) in kwargs {
        match params.iter().position(|p| *p == k) {
            Some(i) if i >= args.len() => args.push(v),
            _ => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for {name}()"
                )));
            }
        }
    }
    let arity = |min: usize, max: usize| -> R<'py, ()> {
        let n = args.len();
        if (min..=max).contains(&n) {
            return Ok(());
        }
        Err(type_error(match (min, max) {
            (0, 0) => format!("{module}.{name}() takes no arguments ({n} given)"),
            (1, 1) => format!("{module}.{name}() takes exactly one argument ({n} given)"),
            (_, _) if n < min => format!("{name}() takes at least {min} argument ({n} given)"),
            _ => format!("{name}() takes at most {max} arguments ({n} given)"),
        }))
    };
    let int_arg = |o: &Obj<'py>| -> R<'py, i64> {
        long::as_i64(o.object()).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                o.ob_type().name()
            ))
        })
    };
    let int = |n: usize| long::int_from_i64(heap, n as i64).map_err(err);
    let boolean = |b: bool| Ok(long::new_bool(heap, b));
    let gc = heap.collector();
    match name {
        "collect" => {
            arity(0, 1)?;
            let g = args.first().map(int_arg).transpose()?.unwrap_or(2);
            let g = usize::try_from(g)
                .ok()
                .filter(|g| *g < NUM_GENERATIONS)
                .ok_or_else(|| value_error("invalid generation"))?;
            let collected = heap
                .collect(g)
                .map_err(|_| value_error("invalid generation"))?;
            interp.save_garbage();
            int(collected.total())
        }
        "enable" | "disable" => {
            arity(0, 0)?;
            gc.set_enabled(name == "enable");
            Ok(none(heap))
        }
        "isenabled" => {
            arity(0, 0)?;
            boolean(gc.is_enabled())
        }
        "get_count" | "get_threshold" => {
            arity(0, 0)?;
            let values = if name == "get_count" {
                gc.counts()
            } else {
                gc.thresholds()
            };
            let items = values.iter().map(|&v| int(v)).collect::<R<'py, Vec<_>>>()?;
            tuple::new_tuple(heap, items).map_err(err)
        }
        "set_threshold" => {
            arity(1, 3)?;
            let mut t = Vec::new();
            for a in &args {
                let v = int_arg(a)?;
                t.push(usize::try_from(v).map_err(|_| {
                    value_error("pyrt does not support negative collection thresholds")
                })?);
            }
            gc.set_thresholds(&t);
            Ok(none(heap))
        }
        "set_debug" => {
            arity(1, 1)?;
            let flags = int_arg(&args[0])?;
            gc.set_debug_flags(flags as u32);
            Ok(none(heap))
        }
        "get_debug" => {
            arity(0, 0)?;
            int(gc.debug_flags() as usize)
        }
        "is_tracked" | "is_finalized" => {
            arity(1, 1)?;
            let o = args[0].object();
            boolean(if name == "is_tracked" {
                heap.is_tracked(o)
            } else {
                heap.is_finalized(o)
            })
        }
        "get_objects" => {
            arity(0, 1)?;
            let g = match args.first() {
                None => None,
                Some(a) if a.is(&none(heap)) => None,
                Some(a) => match int_arg(a)? {
                    -1 => None,
                    g if g < -1 => {
                        return Err(value_error("generation parameter cannot be negative"));
                    }
                    g if g >= NUM_GENERATIONS as i64 => {
                        return Err(value_error(
                            "generation parameter must be less than the number of available generations (3)",
                        ));
                    }
                    g => Some(g as usize),
                },
            };
            let objects = heap
                .gc_objects(g)
                .map_err(|_| value_error("invalid generation"))?;
            list::new_list(heap, objects).map_err(err)
        }
        "get_referrers" | "get_referents" => {
            let objs: Vec<&PyObject> = args.iter().map(Obj::object).collect();
            let found = if name == "get_referrers" {
                heap.referrers(&objs)
            } else {
                heap.referents(&objs)
            };
            list::new_list(heap, found).map_err(err)
        }
        "get_stats" => {
            arity(0, 0)?;
            let mut out = Vec::new();
            for s in gc.stats() {
                let d = dict::new_dict(heap).map_err(err)?;
                for (k, v) in [
                    ("collections", s.collections),
                    ("collected", s.collected),
                    ("uncollectable", s.uncollectable),
                ] {
                    let k = unicode::new_str(heap, k).map_err(err)?;
                    dict::set_item(heap, d.object(), k, int(v)?).map_err(err)?;
                }
                out.push(d);
            }
            list::new_list(heap, out).map_err(err)
        }
        "freeze" | "unfreeze" => {
            arity(0, 0)?;
            if name == "freeze" {
                gc.freeze();
            } else {
                gc.unfreeze();
            }
            Ok(none(heap))
        }
        "get_freeze_count" => {
            arity(0, 0)?;
            int(gc.freeze_count())
        }
        "getweakrefcount" => {
            arity(1, 1)?;
            int(weakref::weakref_count(args[0].object()))
        }
        "getweakrefs" => {
            arity(1, 1)?;
            list::new_list(heap, weakref::weakrefs(heap, args[0].object())).map_err(err)
        }
        _ => Err(interp.raise(&exceptions::SYSTEM_ERROR, "unknown gc function")),
    }
}
