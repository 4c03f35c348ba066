//! `import` (`IMPORT_NAME`, `IMPORT_FROM`, `from m import *`), as `Python/import.c`'s
//! `PyImport_ImportModuleLevelObject` and importlib's path finder do it for the modules pyrt
//! can load: a module already in `sys.modules`, a built-in module (`modules.rs`), or the user's
//! own source — `name.py` or the package `name/__init__.py` in a folder of `sys.path` (the
//! script's folder, then `PYTHONPATH`), submodules in their package's `__path__` — or the
//! standard library pyrt ships (`shipped_lib.rs`, the last folder of `sys.path`).
//!
//! A dotted name imports each parent first and binds each child as an attribute of its parent.
//! `import a.b` gives `a`; `from a.b import x` gives `a.b`, and a name of the from-list that is
//! not an attribute yet is imported as a submodule (`_handle_fromlist`). Relative imports
//! resolve against the importing module's `__package__` (or `__name__`).

use std::path::PathBuf;
use std::rc::Rc;

use pyrt_compiler::parse::{self, Lines};
use pyrt_objects::types::{dict, list, none, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::super::exceptions;
use super::super::modules::{BUILTIN_MODULES, sys};
use super::super::objects::{MODULE, module};
use super::super::{Interp, R};
use super::shipped_lib;

/// Where a module's source is: the file, and for a package its folder (`__path__`); for a
/// module of the shipped library, its embedded text.
struct Found {
    file: PathBuf,
    package_dir: Option<PathBuf>,
    shipped: Option<&'static str>,
}

/// A str's text.
fn text_of(o: &PyObject) -> Option<String> {
    unicode::Str::cast(o).map(unicode::str_value)
}

impl<'py> Interp<'py> {
    /// `import name` as the compiler's `IMPORT_NAME` gives it: `level` dots before `name`, and
    /// the names of a `from` import (`None` for a plain `import`).
    pub(crate) fn vm_import_name(
        &self,
        name: &str,
        fromlist: &Obj<'py>,
        level: &Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        let level = pyrt_objects::types::long::object_as_i64(level.object()).unwrap_or(0);
        let absolute = if level > 0 {
            self.resolve_relative(name, level as usize)?
        } else {
            name.to_string()
        };
        let m = self.vm_import(&absolute)?;
        let names: Vec<String> = tuple::Tuple::cast(fromlist.object())
            .map(|t| {
                tuple::items(t)
                    .iter()
                    // SAFETY: the tuple holds its items.
                    .filter_map(|p| text_of(unsafe { p.as_ref() }))
                    .collect()
            })
            .unwrap_or_default();
        if names.is_empty() {
            // `import a.b.c` binds `a` (for a relative import, the module itself when no dots
            // are left after the package part: importlib's `_gcd_import` + front of the name).
            if level == 0 && absolute.contains('.') {
                let top = absolute.split('.').next().unwrap_or_default();
                return self.vm_import(top);
            }
            return Ok(m);
        }
        if self.module_dict_item(&m, "__path__")?.is_some() {
            for n in names.iter().filter(|n| n.as_str() != "*") {
                if self.module_dict_item(&m, n)?.is_none() {
                    // A missing submodule is left for `IMPORT_FROM` to report.
                    match self.vm_import(&format!("{absolute}.{n}")) {
                        Ok(_) => {}
                        Err(e) if self.is_module_not_found(&e) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        Ok(m)
    }

    /// `IMPORT_FROM name`: `module.name`, else the submodule `sys.modules["module.name"]`,
    /// else `ImportError: cannot import name ...`.
    pub(crate) fn vm_import_from(&self, m: &Obj<'py>, name: &str) -> R<'py, Obj<'py>> {
        if let Ok(v) = self.getattr(m, name) {
            return Ok(v);
        }
        let mname = self
            .module_dict_item(m, "__name__")?
            .and_then(|n| text_of(n.object()))
            .unwrap_or_else(|| "<unknown module name>".into());
        if let Some(v) = sys::lookup(self, &format!("{mname}.{name}"))? {
            return Ok(v);
        }
        let file = self
            .module_dict_item(m, "__file__")?
            .and_then(|f| text_of(f.object()));
        let location = file.clone().unwrap_or_else(|| "unknown location".into());
        let message = format!("cannot import name '{name}' from '{mname}' ({location})");
        // `_PyErr_SetImportErrorWithNameFrom`: the module's name and file, and the name.
        let exc = exceptions::import_error(self.heap, &message, &mname, file.as_deref(), name)
            .map_err(|e| self.err(e))?;
        Err(super::eval::raised(exc))
    }

    /// `from module import *` (`import_all_from`): the names of `__all__`, else every name
    /// of the module not starting with `_`, stored in the running frame's namespace.
    pub(crate) fn vm_import_star(&self, m: &Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let locals = self
            .running_frame()
            .and_then(|f| f.locals(heap))
            .ok_or_else(|| {
                self.raise(
                    &exceptions::SYSTEM_ERROR,
                    "no locals found during 'import *'",
                )
            })?;
        let target = self.own_dict(&locals)?;
        let names: Vec<Obj<'py>> = match self.module_dict_item(m, "__all__")? {
            Some(all) => self.vm_collect(&all)?,
            None => {
                let d = self.module_namespace(m)?;
                dict::items(heap, self.own_dict(&d)?)
                    .map_err(err)?
                    .into_iter()
                    .map(|(k, _)| k)
                    .filter(|k| text_of(k.object()).is_some_and(|t| !t.starts_with('_')))
                    .collect()
            }
        };
        for n in names {
            let Some(text) = text_of(n.object()) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "Item in {}.__all__ must be str, not {}",
                        self.module_name(m),
                        n.ob_type().name()
                    ),
                ));
            };
            let v = self.getattr(m, &text)?;
            dict::set_item(heap, target, n, v).map_err(err)?;
        }
        Ok(none(heap))
    }

    /// `import name` of an absolute dotted name: the module itself (not its top package).
    pub(crate) fn vm_import(&self, name: &str) -> R<'py, Obj<'py>> {
        if let Some(m) = sys::lookup(self, name)? {
            return Ok(m);
        }
        if name.is_empty() || name.split('.').any(str::is_empty) {
            return Err(self.raise(&exceptions::VALUE_ERROR, "Empty module name"));
        }
        let (parent, dirs, short) = match name.rsplit_once('.') {
            Some((parent, short)) => {
                let p = self.vm_import(parent)?;
                if let Some(m) = sys::lookup(self, name)? {
                    return Ok(m);
                }
                let Some(path) = self.module_dict_item(&p, "__path__")? else {
                    return Err(self.raise(
                        &exceptions::MODULE_NOT_FOUND_ERROR,
                        format!("No module named '{name}'; '{parent}' is not a package"),
                    ));
                };
                let dirs = self
                    .vm_collect(&path)?
                    .iter()
                    .filter_map(|d| text_of(d.object()).map(PathBuf::from))
                    .collect();
                (Some(p), dirs, short)
            }
            None => {
                if BUILTIN_MODULES.contains(&name) {
                    let m = super::super::modules::new_module(self, name)?;
                    sys::register(self, name, &m)?;
                    if name == "sys" {
                        // `sys.modules` holds `sys` itself.
                        sys::register(self, name, &m)?;
                    }
                    return Ok(m);
                }
                (None, self.search_path(), name)
            }
        };
        let Some(found) = find_source(&dirs, short) else {
            return Err(self.raise(
                &exceptions::MODULE_NOT_FOUND_ERROR,
                format!("No module named '{name}'"),
            ));
        };
        let m = self.run_user_module(name, found)?;
        if let Some(p) = parent {
            // `setattr(parent, short, module)`, in the parent's namespace.
            let d = self.module_namespace(&p)?;
            let key = self.name_str(short)?;
            dict::set_item(self.heap, self.own_dict(&d)?, key, m.clone())
                .map_err(|e| self.err(e))?;
        }
        Ok(m)
    }

    /// The folders `import` searches for a top-level module: `sys.path` once `sys` is
    /// imported (a script may change it), else the script's folder and `PYTHONPATH`.
    fn search_path(&self) -> Vec<PathBuf> {
        if let Some(entries) = sys::path_entries(self) {
            return entries
                .into_iter()
                .map(|e| {
                    if e.is_empty() {
                        PathBuf::from(".")
                    } else {
                        PathBuf::from(e)
                    }
                })
                .collect();
        }
        let mut dirs = vec![self.script_dir.clone()];
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            dirs.extend(std::env::split_paths(&pp));
        }
        dirs.push(PathBuf::from(shipped_lib::LIB_DIR));
        dirs
    }

    /// The package a relative import of `level` dots starts from (`resolve_name`).
    fn resolve_relative(&self, name: &str, level: usize) -> R<'py, String> {
        let globals = self.running_frame().and_then(|f| f.globals(self.heap));
        let item = |k: &str| -> R<'py, Option<String>> {
            let Some(g) = &globals else { return Ok(None) };
            let key = self.name_str(k)?;
            Ok(dict::get_item(self.heap, self.own_dict(g)?, key.object())
                .map_err(|e| self.err(e))?
                .and_then(|v| text_of(v.object())))
        };
        let package = match item("__package__")? {
            Some(p) => p,
            None => {
                let is_package = globals.is_some() && item("__path__")?.is_some();
                let n = item("__name__")?.unwrap_or_default();
                if is_package {
                    n
                } else {
                    n.rsplit_once('.')
                        .map(|(p, _)| p.to_string())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(self.raise(
                &exceptions::IMPORT_ERROR,
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            return Err(self.raise(
                &exceptions::IMPORT_ERROR,
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() + 1 - level].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    /// Compiles and runs a user module, registered in `sys.modules` before its body runs (so
    /// circular imports see the partial module), forgotten again if the body raises.
    fn run_user_module(&self, name: &str, found: Found) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let filename = if found.shipped.is_some() {
            found.file.to_string_lossy().into_owned()
        } else {
            std::path::absolute(&found.file)
                .unwrap_or_else(|_| found.file.clone())
                .to_string_lossy()
                .into_owned()
        };
        let not_found = || {
            self.raise(
                &exceptions::MODULE_NOT_FOUND_ERROR,
                format!("No module named '{name}'"),
            )
        };
        let bytes = match found.shipped {
            Some(text) => std::borrow::Cow::Borrowed(text.as_bytes()),
            None => std::borrow::Cow::Owned(std::fs::read(&found.file).map_err(|_| not_found())?),
        };
        let source = parse::decode(&filename, &bytes)
            .map_err(|m| self.raise(&exceptions::SYNTAX_ERROR, m.trim_end().to_string()))?;
        // SAFETY: the text is used by the session's line tables only, which go before the
        // store (the last field of `Interp`).
        let text = unsafe { self.texts.keep_text(&source) };
        let lines = Rc::new(Lines::new(text));
        let module = parse::parse(&filename, &lines).map_err(|e| match e {
            parse::ParseFailure::Syntax(e) => self.raise_syntax_error(&e, text),
            e => self.raise(&exceptions::SYNTAX_ERROR, e.render().trim_end().to_string()),
        })?;
        let code = pyrt_compiler::compile_module(&module, text, &filename);
        // A deep tree is dropped without recursing over its depth.
        parse::drop_body(module.body);
        let code = code.map_err(|e| self.raise(&exceptions::SYNTAX_ERROR, e.message.clone()))?;
        self.vm.sources.borrow_mut().insert(filename.clone(), lines);
        let globals = dict::new_dict(heap).map_err(err)?;
        let view = self.own_dict(&globals)?;
        let package = match &found.package_dir {
            Some(_) => name.to_string(),
            None => name
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        let mut attrs = vec![
            ("__name__", unicode::new_str(heap, name).map_err(err)?),
            ("__doc__", none(heap)),
            (
                "__package__",
                unicode::new_str(heap, &package).map_err(err)?,
            ),
            ("__loader__", none(heap)),
            ("__spec__", none(heap)),
        ];
        if let Some(dir) = &found.package_dir {
            let dir = if found.shipped.is_some() {
                dir.clone()
            } else {
                std::path::absolute(dir).unwrap_or_else(|_| dir.clone())
            };
            let dir = unicode::new_str(heap, &dir.to_string_lossy()).map_err(err)?;
            attrs.push(("__path__", list::new_list(heap, vec![dir]).map_err(err)?));
        }
        attrs.push(("__file__", unicode::new_str(heap, &filename).map_err(err)?));
        for (k, v) in attrs {
            dict::set_item(heap, view, self.name_str(k)?, v).map_err(err)?;
        }
        let n = self.name_str(name)?;
        let m = MODULE
            .alloc(heap, &[Some(n), Some(globals.clone())], &[0])
            .map_err(err)?;
        sys::register(self, name, &m)?;
        let code = super::load::ConstantPool::new()
            .code(heap, &code)
            .map_err(err)?;
        if let Err(e) = self.vm_run_module(&code, &globals) {
            sys::unregister(self, name);
            return Err(e);
        }
        // What the body left in `sys.modules` is the module (a body may replace itself).
        Ok(sys::lookup(self, name)?.unwrap_or(m))
    }

    /// A module's namespace dict.
    fn module_namespace(&self, m: &Obj<'py>) -> R<'py, Obj<'py>> {
        match MODULE.cast(m.object()) {
            Some(md) => md
                .get_ref(self.heap, module::DICT)
                .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call())),
            None => self.getattr(m, "__dict__"),
        }
    }

    /// `module.__dict__[name]`, if the module has it.
    fn module_dict_item(&self, m: &Obj<'py>, name: &str) -> R<'py, Option<Obj<'py>>> {
        if !MODULE.is(m.object()) {
            return Ok(self.getattr(m, name).ok());
        }
        let d = self.module_namespace(m)?;
        let key = self.name_str(name)?;
        dict::get_item(self.heap, self.own_dict(&d)?, key.object()).map_err(|e| self.err(e))
    }

    /// A module's `__name__`, for messages.
    fn module_name(&self, m: &Obj<'py>) -> String {
        self.module_dict_item(m, "__name__")
            .ok()
            .flatten()
            .and_then(|n| text_of(n.object()))
            .unwrap_or_default()
    }

    /// Whether an error is a `ModuleNotFoundError`.
    fn is_module_not_found(&self, e: &super::super::Unwind<'py>) -> bool {
        matches!(e, super::super::Unwind::Raise(r)
            if r.exc.ob_type().is_subtype(exceptions::MODULE_NOT_FOUND_ERROR.get()))
    }
}

/// `short` in the first of `dirs` that has it: the package `short/__init__.py`, else the
/// module `short.py` (importlib's `FileFinder` order). The shipped library's folders are
/// searched in the embedded table instead of on disk.
fn find_source(dirs: &[PathBuf], short: &str) -> Option<Found> {
    dirs.iter().find_map(|d| {
        let package = d.join(short);
        let init = package.join("__init__.py");
        let file = d.join(format!("{short}.py"));
        if shipped_lib::is_shipped_dir(d) {
            if let Some(text) = shipped_lib::source(&init) {
                return Some(Found {
                    file: init,
                    package_dir: Some(package),
                    shipped: Some(text),
                });
            }
            return shipped_lib::source(&file).map(|text| Found {
                file,
                package_dir: None,
                shipped: Some(text),
            });
        }
        if init.is_file() {
            return Some(Found {
                file: init,
                package_dir: Some(package),
                shipped: None,
            });
        }
        file.is_file().then_some(Found {
            file,
            package_dir: None,
            shipped: None,
        })
    })
}
