//! `import name` (`IMPORT_NAME`, `Python/import.c`'s `PyImport_ImportModuleLevelObject` in
//! its simplest form): a module imported before, a built-in module, or the user's own
//! `name.py` next to the script or on `PYTHONPATH`, run once in a module of its own.

use std::path::PathBuf;
use std::rc::Rc;

use pyrt_compiler::parse::{self, Lines};
use pyrt_objects::Obj;
use pyrt_objects::types::{dict, unicode};

use super::super::exceptions;
use super::super::objects::MODULE;
use super::super::{Interp, R};

/// The built-in modules (made by `modules.rs`).
const BUILTIN_MODULES: &[&str] = &["sys", "time", "collections", "gc", "weakref"];

impl<'py> Interp<'py> {
    /// `import name`: the module object.
    pub(crate) fn vm_import(&self, name: &str) -> R<'py, Obj<'py>> {
        if let Some(m) = self.modules.borrow().get(name) {
            return Ok(m.clone());
        }
        if BUILTIN_MODULES.contains(&name) {
            return self.import(name);
        }
        let not_found = || {
            self.raise(
                &exceptions::MODULE_NOT_FOUND_ERROR,
                format!("No module named '{name}'"),
            )
        };
        if name.contains('.') || name.is_empty() {
            return Err(not_found());
        }
        let Some(path) = self.find_module(name) else {
            return Err(not_found());
        };
        let Ok(source) = std::fs::read_to_string(&path) else {
            return Err(not_found());
        };
        self.run_user_module(name, &path.to_string_lossy(), source)
    }

    /// Where `name.py` is: the script's directory, then each `PYTHONPATH` entry.
    fn find_module(&self, name: &str) -> Option<PathBuf> {
        let mut dirs = vec![self.script_dir.clone()];
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            dirs.extend(std::env::split_paths(&pp));
        }
        dirs.into_iter()
            .map(|d| d.join(format!("{name}.py")))
            .find(|p| p.is_file())
    }

    /// Compiles and runs a user module, registered before its body runs (so circular imports
    /// see the partial module, as `sys.modules` gives it).
    fn run_user_module(&self, name: &str, filename: &str, source: String) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        // The text lives as long as the session's code objects may point into it: imported
        // modules are few and stay for the whole run, so their text is kept for good.
        let text: &'static str = Box::leak(source.into_boxed_str());
        let lines = Rc::new(Lines::new(text));
        let module = parse::parse(filename, &lines).map_err(|e| {
            self.raise(&exceptions::SYNTAX_ERROR, e.render().trim_end().to_string())
        })?;
        let code = pyrt_compiler::compile_module(&module, text, filename)
            .map_err(|e| self.raise(&exceptions::SYNTAX_ERROR, e.message.clone()))?;
        self.vm
            .sources
            .borrow_mut()
            .insert(filename.to_string(), lines);
        let globals = dict::new_dict(heap).map_err(|e| self.err(e))?;
        let view = self.own_dict(&globals)?;
        for (k, v) in [("__name__", name), ("__file__", filename)] {
            let v = unicode::new_str(heap, v).map_err(|e| self.err(e))?;
            dict::set_item(heap, view, self.name_str(k)?, v).map_err(|e| self.err(e))?;
        }
        let n = self.name_str(name)?;
        let m = MODULE
            .alloc(heap, &[Some(n), Some(globals.clone())], &[])
            .map_err(|e| self.err(e))?;
        self.modules
            .borrow_mut()
            .insert(name.to_string(), m.clone());
        let code = self
            .vm
            .pool
            .borrow_mut()
            .code(heap, &code)
            .map_err(|e| self.err(e))?;
        if let Err(e) = self.vm_run_module(&code, &globals) {
            self.modules.borrow_mut().remove(name);
            return Err(e);
        }
        Ok(m)
    }
}
