//! The parts of `sys` (`Python/sysmodule.c`) that are objects rather than functions:
//! `sys.modules` (the real dict of imported modules, `__main__` and `sys` included, which
//! `import` reads and fills), `sys.path` (the script's folder, then `PYTHONPATH`, then the shipped library), the text
//! streams `sys.stdout` and `sys.stderr`, and the plain values (`argv`, `version_info`,
//! `maxsize`, `byteorder`, `platform`); and `sys.exit`.

use pyrt_objects::types::{dict, list, long, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::super::exceptions;
use super::super::objects::{MODULE, module};
use super::super::{Interp, R};

/// The attributes of a new `sys` module, in the order they are set.
pub(crate) fn attributes<'py>(interp: &Interp<'py>) -> R<'py, Vec<(&'static str, Obj<'py>)>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let strs = |items: &[String]| -> R<'py, Obj<'py>> {
        let items = items
            .iter()
            .map(|a| unicode::new_str(heap, a))
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        list::new_list(heap, items).map_err(err)
    };
    let modules = dict::new_dict(heap).map_err(err)?;
    if let Some(main) = main_module(interp)? {
        set(interp, &modules, "__main__", main)?;
    }
    for (name, m) in interp.modules.borrow().iter() {
        set(interp, &modules, name, m.clone())?;
    }
    let stdout = super::super::stdio::new_stream(heap, 1).map_err(err)?;
    let stderr = super::super::stdio::new_stream(heap, 2).map_err(err)?;
    Ok(vec![
        ("argv", strs(&interp.argv)?),
        ("modules", modules),
        ("path", strs(&search_path(interp))?),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("version_info", super::version_info(interp)?),
        ("maxsize", long::int_from_i64(heap, i64::MAX).map_err(err)?),
        ("byteorder", unicode::new_str(heap, "little").map_err(err)?),
        ("platform", unicode::new_str(heap, "linux").map_err(err)?),
    ])
}

/// `sys.path` at start: the script's folder (absolute), then each `PYTHONPATH` entry, then
/// the shipped library's folder.
fn search_path(interp: &Interp<'_>) -> Vec<String> {
    let dir = std::path::absolute(&interp.script_dir).unwrap_or_else(|_| interp.script_dir.clone());
    let mut path = vec![dir.to_string_lossy().into_owned()];
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        path.extend(
            std::env::split_paths(&pp)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| p.to_string_lossy().into_owned()),
        );
    }
    path.push(crate::vm::shipped_lib::LIB_DIR.to_string());
    path
}

/// `d[name] = v` for a str key.
fn set<'py>(interp: &Interp<'py>, d: &Obj<'py>, name: &str, v: Obj<'py>) -> R<'py, ()> {
    let view = interp.own_dict(d)?;
    let k = unicode::new_str(interp.heap, name).map_err(|e| interp.err(e))?;
    dict::set_item(interp.heap, view, k, v).map_err(|e| interp.err(e))
}

/// The module `__main__`: a module over the namespace of the outermost frame running (the
/// script's).
fn main_module<'py>(interp: &Interp<'py>) -> R<'py, Option<Obj<'py>>> {
    let mut frame = interp.running_frame();
    let mut globals = None;
    while let Some(f) = frame {
        globals = f.globals(interp.heap).or(globals);
        frame = f.previous();
    }
    let Some(globals) = globals else {
        return Ok(None);
    };
    let n = interp.name_str("__main__")?;
    MODULE
        .alloc(interp.heap, &[Some(n), Some(globals)], &[0])
        .map(Some)
        .map_err(|e| interp.err(e))
}

/// The `sys` module if it was imported.
fn sys_module<'py>(interp: &Interp<'py>) -> Option<Obj<'py>> {
    interp.modules.borrow().get("sys").cloned()
}

/// `sys.<name>`, if `sys` was imported and has it.
pub(crate) fn sys_attr<'py>(interp: &Interp<'py>, name: &str) -> Option<Obj<'py>> {
    let sys = sys_module(interp)?;
    let d = MODULE
        .cast(sys.object())?
        .get_ref(interp.heap, module::DICT)?;
    let d = dict::Dict::cast(d.object())?;
    let k = interp.name_str(name).ok()?;
    dict::get_item(interp.heap, d, k.object()).ok().flatten()
}

/// `sys.modules[name]`, or (before `sys` is imported) the module imported as `name`.
pub(crate) fn lookup<'py>(interp: &Interp<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
    let Some(modules) = sys_attr(interp, "modules") else {
        return Ok(interp.modules.borrow().get(name).cloned());
    };
    let Some(d) = dict::Dict::cast(modules.object()) else {
        return Err(interp.raise(&exceptions::RUNTIME_ERROR, "unable to get sys.modules"));
    };
    let k = unicode::new_str(interp.heap, name).map_err(|e| interp.err(e))?;
    dict::get_item(interp.heap, d, k.object()).map_err(|e| interp.err(e))
}

/// Records module `m` as `name`: in the session's table and in `sys.modules`.
pub(crate) fn register<'py>(interp: &Interp<'py>, name: &str, m: &Obj<'py>) -> R<'py, ()> {
    interp
        .modules
        .borrow_mut()
        .insert(name.to_string(), m.clone());
    if let Some(modules) = sys_attr(interp, "modules")
        && dict::is_dict(modules.object())
    {
        set(interp, &modules, name, m.clone())?;
    }
    Ok(())
}

/// Forgets module `name` (its body failed): from the session's table and `sys.modules`.
pub(crate) fn unregister(interp: &Interp<'_>, name: &str) {
    interp.modules.borrow_mut().remove(name);
    if let Some(modules) = sys_attr(interp, "modules")
        && let Some(d) = dict::Dict::cast(modules.object())
        && let Ok(k) = unicode::new_str(interp.heap, name)
    {
        let _ = dict::del_item(interp.heap, d, k.object());
    }
}

/// The entries of `sys.path` that are strings (all of them, unless a script put others).
pub(crate) fn path_entries(interp: &Interp<'_>) -> Option<Vec<String>> {
    let path = sys_attr(interp, "path")?;
    let l = list::List::cast(path.object())?;
    Some(
        list::items(l)
            .iter()
            .filter_map(|p| {
                // SAFETY: the list holds its items.
                let o: &PyObject = unsafe { p.as_ref() };
                unicode::Str::cast(o).map(unicode::str_value)
            })
            .collect(),
    )
}

/// `sys.exit(status=None)`: raises `SystemExit(status)`.
pub(crate) fn exit<'py>(interp: &Interp<'py>, status: Option<Obj<'py>>) -> Unwind<'py> {
    let args = status.into_iter().collect();
    match exceptions::new_exception(interp.heap, exceptions::SYSTEM_EXIT.get(), args, false) {
        Ok(exc) => Unwind::Raise(super::super::Raised { exc }),
        Err(e) => interp.err(e),
    }
}

use super::super::Unwind;

/// How an uncaught `SystemExit` ends the script (`handle_system_exit`): its `code` (the one
/// argument, or the tuple of several) — `None` exits 0, an int exits with it (modulo 256, as
/// the process status is a byte), anything else is printed on stderr and exits 1.
pub(crate) fn exit_outcome<'py>(interp: &Interp<'py>, exc: &Obj<'py>) -> super::super::Outcome {
    let heap = interp.heap;
    let Some(e) = exceptions::Exception::cast(exc.object()) else {
        return super::super::Outcome::Exited(1, String::new());
    };
    let args = exceptions::args(heap, e);
    let code = match tuple::Tuple::cast(args.object()).map(tuple::items) {
        Some([]) | None => return super::super::Outcome::Exited(0, String::new()),
        // SAFETY: the tuple holds its items.
        Some([one]) => unsafe { Obj::from_borrowed(heap, one.as_ref()) },
        Some(_) => args.clone(),
    };
    if code.is(&pyrt_objects::types::none(heap)) {
        return super::super::Outcome::Exited(0, String::new());
    }
    if long::is_int(code.object())
        && let Some(n) = long::object_as_i64(code.object())
    {
        return super::super::Outcome::Exited(n as u8, String::new());
    }
    let _ = std::io::Write::flush(&mut *interp.out.borrow_mut());
    let text = pyrt_objects::abstract_::str(heap, code.object()).unwrap_or_default();
    super::super::Outcome::Exited(1, format!("{text}\n"))
}

/// `sys.exception()`: the exception being handled, else `None`.
pub(crate) fn exception<'py>(interp: &Interp<'py>) -> Obj<'py> {
    let handled = interp.vm.exc_info.borrow().clone();
    handled.unwrap_or_else(|| pyrt_objects::types::none(interp.heap))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, else
/// `(None, None, None)`.
pub(crate) fn exc_info<'py>(interp: &Interp<'py>) -> super::super::R<'py, Obj<'py>> {
    let heap = interp.heap;
    let none = || pyrt_objects::types::none(heap);
    let handled = interp.vm.exc_info.borrow().clone();
    let items = match handled {
        Some(exc) => {
            let ty = &exc.ob_type().ob_base.ob_base;
            // SAFETY: an object's type is alive while the object is.
            let ty = unsafe { Obj::from_borrowed(heap, ty) };
            let tb = exceptions::Exception::cast(exc.object())
                .and_then(|e| e.traceback(heap))
                .unwrap_or_else(none);
            vec![ty, exc, tb]
        }
        None => vec![none(), none(), none()],
    };
    tuple::new_tuple(heap, items).map_err(|e| interp.err(e))
}
