//! # pyrt-interp: pyrt's Python interpreter
//!
//! The interpreter behind `pyrt run`, `pyrt repl`, `pyrt dis` and `pyrt demo`, on the objects
//! of the `pyrt` API's runtimes ([`RunScripts`] runs source on a [`pyrt::Python`] token).
//!
//! Source is parsed and compiled by `pyrt-compiler` to CPython 3.12 bytecode, and the bytecode
//! VM (`vm`, `Python/ceval.c`) runs it on pyrt objects: code objects, functions, frames,
//! cells, bound methods and generators are the object model's own types, so every value a
//! script makes is a real pyrt object that `sys.getsizeof`, `sys.getrefcount`, `id` and
//! `gc.get_count()` answer for as CPython does.
//!
//! ```text
//!   source ──parse──► syntax tree ──compile_module──► CodeObject ──vm::load──► code objects
//!                                                                              │
//!                                         vm::eval's dispatch loop ◄───────────┘
//!                                           └── call.rs, operators.rs, builtins.rs,
//!                                               methods.rs, modules.rs, exceptions.rs
//! ```
//!
//! A session ([`Session`]) is the module `__main__`: its namespace, the built-ins, the
//! imported modules and the VM's data stack, kept across the REPL's inputs (compiled in
//! CPython's `single` mode, so expression statements print their value). Exceptions are real
//! exception objects (`exceptions.rs`) carrying their traceback; an uncaught one is printed as
//! CPython 3.12 prints it, chained causes and contexts and caret lines included
//! (`vm/traceback.rs`). At the end of a session the module is torn down as `Py_FinalizeEx`
//! does (a collection, then the namespace cleared), so finalizers run as in CPython.

mod attributes;
mod builtin_attrs;
mod builtin_subclass;
mod builtins;
mod bytes_like;
mod call;
mod class_assign;
mod collections;
mod deque;
mod descriptors;
mod dict_view_ops;
mod dis_module;
mod exceptions;
mod gc_hooks;
mod gc_module;
mod key_wrapper;
mod kind_dict;
mod lru_cache;
mod metaclass;
mod methods;
mod modules;
mod mro;
mod objects;
mod operator_getters;
mod operators;
mod partial;
mod random_module;
mod run_scripts;
mod slot_calls;
mod slot_wrapper_calls;
mod static_type_dict;
mod static_type_names;
mod stdio;
mod store;
mod super_object;
mod type_new;
mod typing_objects;
mod union_type;
mod vm;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use pyrt_objects::types::{dict, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr};

pub use dis_module::dis_source;
use pyrt_compiler::parse::{self, Lines};
pub use run_scripts::RunScripts;

/// CPython's default `sys.getrecursionlimit()`.
const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// CPython 3.12's `C_RECURSION_LIMIT`: how deep C calls may nest, whatever the recursion limit
/// (`sys.setrecursionlimit(10**6)` still cannot overflow the stack through built-ins).
const C_RECURSION_LIMIT: usize = 1500;

/// How a script ended.
#[derive(Debug)]
pub enum Outcome {
    /// It ran to the end.
    Finished,
    /// It did not parse: the error as CPython prints it.
    SyntaxError(String),
    /// An exception escaped: the traceback as CPython prints it.
    Uncaught(String),
    /// `SystemExit` escaped (`sys.exit`): the exit status, and the text to print on stderr
    /// (the message of `sys.exit("message")`, else nothing).
    Exited(u8, String),
}

/// A raised exception on its way up (its traceback is on the exception object).
pub(crate) struct Raised<'py> {
    pub exc: Obj<'py>,
}

/// Why evaluation stopped: an exception was raised.
pub(crate) enum Unwind<'py> {
    Raise(Raised<'py>),
}

/// Evaluation results.
pub(crate) type R<'py, T> = Result<T, Unwind<'py>>;

/// The state of one running script.
pub(crate) struct Interp<'py> {
    pub heap: &'py Heap,
    pub filename: String,
    pub builtins: Obj<'py>,
    pub modules: RefCell<HashMap<String, Obj<'py>>>,
    pub out: RefCell<Box<dyn Write + 'py>>,
    pub depth: Cell<usize>,
    /// The C recursion CPython would be at: the VM's runs entered from Rust, weighted by the
    /// C calls CPython makes around them (`tstate->c_recursion_remaining`).
    pub c_depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    pub argv: Vec<String>,
    /// `gc.garbage` and `gc.callbacks`, once the `gc` module is imported.
    pub gc_lists: RefCell<Option<gc_module::GcLists<'py>>>,
    /// The `atexit` callbacks' slots, oldest first (`None`: unregistered).
    pub atexit: RefCell<Vec<Option<modules::atexit::Callback<'py>>>>,
    /// A `MemoryError` made at start, raised when no memory is left for a new one.
    pub spare_memory_error: Obj<'py>,
    /// The built-in types' `wrapper_descriptor`s handed out so far, by owning type and name:
    /// CPython keeps one per type dict entry, so `int.__add__ is int.__add__`.
    pub wrapper_descrs: RefCell<HashMap<(usize, String), Obj<'py>>>,
    /// The built-in static types' dicts made so far, by type address (`static_type_dict`).
    pub static_type_dicts: RefCell<HashMap<usize, Obj<'py>>>,
    /// The bytecode VM's state.
    pub vm: vm::VmState<'py>,
    /// `tracemalloc`'s traceback limit and recorded tracebacks.
    pub tracemalloc: modules::tracemalloc_frames::TraceState,
    /// The directory of the script, where `import` looks for the user's modules first.
    pub script_dir: std::path::PathBuf,
    /// The source texts of the session's inputs and imported modules. Declared last: dropped
    /// after everything that points into it (`vm.sources`).
    pub texts: store::Store,
}

impl<'py> Interp<'py> {
    /// An error of the object layer as a raised exception: the very exception object when the
    /// error carries one (raised by Python code inside the object layer), with its traceback.
    pub(crate) fn err(&self, e: PyErr) -> Unwind<'py> {
        if let Some(exc) = self.heap.raised_object(&e) {
            // The error was the stash's last user: release its reference now, so the
            // exception lives exactly as long as the interpreter holds it (as in CPython).
            drop(e);
            self.heap.release_dead_raised();
            return Unwind::Raise(Raised { exc });
        }
        match exceptions::from_pyerr(self.heap, &e) {
            Ok(exc) => Unwind::Raise(Raised { exc }),
            Err(_) => self.memory_error(),
        }
    }

    /// A raised exception as an error of the object layer, for Python code that the object
    /// layer called (a key function, a special method): the error carries the exception object
    /// and its traceback so far, and [`Interp::err`] raises them again unchanged.
    pub(crate) fn to_pyerr(&self, u: Unwind<'py>) -> PyErr {
        match u {
            Unwind::Raise(r) => {
                let kind = exceptions::kind_of(r.exc.ob_type());
                let message = if kind == ExcKind::Other {
                    String::new()
                } else {
                    exceptions::Exception::cast(r.exc.object())
                        .and_then(|e| exceptions::exception_str(self.heap, e).ok())
                        .unwrap_or_default()
                };
                let summary = PyErr::new(kind, message);
                self.heap.raise_object(r.exc, summary, None)
            }
        }
    }

    /// A `MemoryError` to raise: a new instance, or the one kept from the start when even that
    /// cannot be allocated (CPython keeps a free list of them for the same reason).
    #[cold]
    fn memory_error(&self) -> Unwind<'py> {
        let exc =
            exceptions::new_exception(self.heap, exceptions::MEMORY_ERROR.get(), Vec::new(), false)
                .unwrap_or_else(|_| self.spare_memory_error.clone());
        Unwind::Raise(Raised { exc })
    }

    /// Raises `KeyError(key)`, holding the key itself as CPython's does.
    pub(crate) fn key_error(&self, key: &Obj<'py>) -> Unwind<'py> {
        match exceptions::new_exception(
            self.heap,
            exceptions::KEY_ERROR.get(),
            vec![key.clone()],
            false,
        ) {
            Ok(exc) => Unwind::Raise(Raised { exc }),
            Err(e) => self.err(e),
        }
    }

    /// Raises `cls(message)`.
    pub(crate) fn raise(
        &self,
        cls: &'static pyrt_objects::typeobj::StaticType,
        message: impl Into<String>,
    ) -> Unwind<'py> {
        let message = message.into();
        let args = match unicode::new_str(self.heap, &message) {
            Ok(s) => vec![s],
            Err(e) => return self.err(e),
        };
        match exceptions::new_exception(self.heap, cls.get(), args, false) {
            Ok(exc) => {
                exceptions::set_name_from_message(self.heap, cls, &exc, &message);
                Unwind::Raise(Raised { exc })
            }
            Err(e) => self.err(e),
        }
    }
}

/// Runs `source` as the script `filename` with `sys.argv = argv`, printing on `out`; the
/// module's names are released at the end, as CPython clears a module's dict.
pub fn run_source<'py>(
    heap: &'py Heap,
    filename: &str,
    source: &str,
    argv: Vec<String>,
    out: Box<dyn Write + 'py>,
) -> Outcome {
    match Session::new(heap, filename, argv, out) {
        Ok(session) => session.run(source, false),
        Err(e) => Outcome::Uncaught(e),
    }
}

/// [`run_source`] with `tracemalloc` tracing from the start, keeping `nframe` frames per
/// traceback (`-X tracemalloc=NFRAME`, `PYTHONTRACEMALLOC=NFRAME`: 1 to 65535).
pub fn run_source_tracing<'py>(
    heap: &'py Heap,
    filename: &str,
    source: &str,
    argv: Vec<String>,
    out: Box<dyn Write + 'py>,
    nframe: usize,
) -> Outcome {
    match Session::new(heap, filename, argv, out) {
        Ok(session) => {
            modules::tracemalloc::start_tracing(&session.interp, nframe);
            session.run(source, false)
        }
        Err(e) => Outcome::Uncaught(e),
    }
}

/// `pyrt repl`: reads inputs from `input` (`>>> `, then `... ` while a block or a bracket is
/// open), runs each in one session and echoes expression values; tracebacks and syntax errors
/// go to `errors`, and the session goes on.
pub fn repl<'py>(
    heap: &'py Heap,
    input: &mut dyn std::io::BufRead,
    out: Box<dyn Write + 'py>,
    errors: &mut dyn Write,
) {
    let Ok(session) = Session::new(heap, "<stdin>", vec![String::new()], out) else {
        return;
    };
    loop {
        session.write(">>> ");
        let Some(first) = read_line(input) else {
            session.write("\n");
            return;
        };
        let mut buffer = first.clone();
        let block = first.trim_end().ends_with(':');
        while block || session.is_incomplete(&buffer) {
            session.write("... ");
            match read_line(input) {
                Some(line) if !(block && line.trim().is_empty()) => buffer.push_str(&line),
                _ => break,
            }
        }
        if buffer.trim().is_empty() {
            continue;
        }
        match session.run(&buffer, true) {
            Outcome::Finished => {}
            Outcome::SyntaxError(text) | Outcome::Uncaught(text) | Outcome::Exited(_, text) => {
                let _ = errors.write_all(text.as_bytes());
                let _ = errors.flush();
            }
        }
    }
}

fn read_line(input: &mut dyn std::io::BufRead) -> Option<String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => {
            if !line.ends_with('\n') {
                line.push('\n');
            }
            Some(line)
        }
    }
}

/// An interpreter with its module namespace, kept across inputs (a script, or the inputs of
/// the REPL).
pub struct Session<'py> {
    interp: Interp<'py>,
    /// The module's namespace (`__main__.__dict__`); taken at shutdown.
    globals: Option<Obj<'py>>,
}

impl<'py> Session<'py> {
    /// A session for the module `__main__` of file `filename`, printing on `out`.
    ///
    /// # Errors
    /// The error text when even the builtins cannot be made (no memory).
    pub fn new(
        heap: &'py Heap,
        filename: &str,
        argv: Vec<String>,
        out: Box<dyn Write + 'py>,
    ) -> Result<Session<'py>, String> {
        pyrt_objects::types::dict::methods::register_views(methods::new_dict_view);
        let builtins = builtins::new_builtins(heap).map_err(|e| format!("{e}\n"))?;
        let spare_memory_error =
            exceptions::new_exception(heap, exceptions::MEMORY_ERROR.get(), Vec::new(), false)
                .map_err(|e| format!("{e}\n"))?;
        // The first container repr fills the thread state as CPython's does (`gc.get_count`).
        heap.model_thread_state();
        let interp = Interp {
            heap,
            filename: filename.to_string(),
            builtins,
            modules: RefCell::new(HashMap::new()),
            out: RefCell::new(out),
            depth: Cell::new(1),
            c_depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
            argv,
            gc_lists: RefCell::new(None),
            atexit: RefCell::new(Vec::new()),
            wrapper_descrs: RefCell::new(HashMap::new()),
            static_type_dicts: RefCell::new(HashMap::new()),
            spare_memory_error,
            vm: vm::VmState::new(heap),
            tracemalloc: modules::tracemalloc_frames::TraceState::default(),
            script_dir: std::path::Path::new(filename)
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default(),
            texts: store::Store::default(),
        };
        let globals = interp.new_globals().map_err(|e| format!("{e}\n"))?;
        Ok(Session {
            interp,
            globals: Some(globals),
        })
    }

    /// Runs one source text in the session's module; with `interactive`, the value of each
    /// expression statement other than `None` is printed (`sys.displayhook`).
    pub fn run(&self, source: &str, interactive: bool) -> Outcome {
        let filename = self.script_filename();
        let filename = filename.as_str();
        // SAFETY: the text is used by this session's line tables only, which go before the
        // store (the last field of `Interp`).
        let text = unsafe { self.interp.texts.keep_text(source) };
        let lines = Rc::new(Lines::new(text));
        let module = match parse::parse(filename, &lines) {
            Ok(m) => m,
            Err(e) => return Outcome::SyntaxError(e.render()),
        };
        let outcome = self.run_vm(&module, text, lines, interactive);
        // A deep tree is dropped without recursing over its depth.
        parse::drop_body(module.body);
        outcome
    }

    /// The name the script runs under: CPython runs a script under its absolute path
    /// (`co_filename`, tracebacks, the `SyntaxError` report).
    fn script_filename(&self) -> String {
        let interp = &self.interp;
        let path = std::path::Path::new(interp.filename.as_str());
        if path.is_file() {
            std::path::absolute(path).map_or_else(
                |_| interp.filename.clone(),
                |p| p.to_string_lossy().into_owned(),
            )
        } else {
            interp.filename.clone()
        }
    }

    /// Runs a parsed module on the VM.
    fn run_vm(
        &self,
        module: &ruff_python_ast::ModModule,
        text: &'static str,
        lines: Rc<Lines>,
        interactive: bool,
    ) -> Outcome {
        let interp = &self.interp;
        let absolute = self.script_filename();
        let filename = absolute.as_str();
        let compiled = if interactive {
            pyrt_compiler::compile_interactive(module, text, filename)
        } else {
            pyrt_compiler::compile_module(module, text, filename)
        };
        let code = match compiled {
            Ok(c) => c,
            Err(e) => return vm::compile_error_outcome(&e, &lines),
        };
        interp
            .vm
            .sources
            .borrow_mut()
            .insert(filename.to_string(), lines);
        let heap = interp.heap;
        let globals = self
            .globals
            .as_ref()
            .expect("a session has its module until dropped");
        heap.with_hooks(interp, || {
            // The constants stay in the parser's arena while the code runs (one reference
            // each, which `sys.getrefcount` shows), freed when the run returns.
            let mut pool = vm::load::ConstantPool::new();
            let code = match pool.code(heap, &code) {
                Ok(c) => c,
                Err(e) => return Outcome::Uncaught(format!("{e}\n")),
            };
            let result = interp.vm_run_module(&code, globals);
            drop(pool);
            let _ = interp.out.borrow_mut().flush();
            match result {
                Ok(_) => Outcome::Finished,
                Err(Unwind::Raise(r))
                    if r.exc.ob_type().is_subtype(exceptions::SYSTEM_EXIT.get()) =>
                {
                    modules::sys::exit_outcome(interp, &r.exc)
                }
                Err(Unwind::Raise(r)) => Outcome::Uncaught(interp.vm_format_exception(&r.exc)),
            }
        })
    }

    /// Writes `text` on the session's output (the REPL's prompts), flushed.
    pub fn write(&self, text: &str) {
        let mut out = self.interp.out.borrow_mut();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    /// Whether `source` is an incomplete input the REPL should read more lines for.
    pub fn is_incomplete(&self, source: &str) -> bool {
        parse::is_incomplete(source)
    }
}

impl Drop for Session<'_> {
    /// Interpreter shutdown, as `Py_FinalizeEx` and `finalize_modules` do it:
    /// 0. `_PyAtExit_Call`: the `atexit` callbacks run, newest first;
    /// 1. `PyGC_Collect`: a full collection if the collector is enabled, with `gc.callbacks`;
    ///    then `sys.modules` is emptied and the session's table of modules dropped;
    /// 2. `sys.modules` is cleared: the module goes, and with it its namespace unless a cycle
    ///    holds it (functions hold their globals, so any script with a `def` or a class makes
    ///    one); then `_PyGC_CollectNoFail` (enabled or not, no callbacks) runs the finalizers
    ///    of all that, the namespace still whole, and frees it;
    /// 3. a namespace still alive after that is cleared as `_PyModule_ClearDict` does (names
    ///    starting with one underscore set to `None` first, then the others but
    ///    `__builtins__`), and collected again.
    fn drop(&mut self) {
        let heap = self.interp.heap;
        heap.with_hooks(&self.interp, || {
            modules::atexit::run_exitfuncs(&self.interp);
            heap.collect_if_enabled();
            self.interp.save_garbage();
            // `finalize_remove_modules`: `sys.modules` is emptied and the session's table of
            // modules dropped (`sys` holds `sys.modules`, a cycle only a collection frees).
            if let Some(modules) = modules::sys::sys_attr(&self.interp, "modules")
                && let Some(d) = dict::Dict::cast(modules.object())
            {
                dict::clear(heap, d);
            }
            let table = std::mem::take(&mut *self.interp.modules.borrow_mut());
            drop(table);
            let Some(globals) = self.globals.take() else {
                return;
            };
            let address = globals.as_ptr();
            let (_, died) = heap.release_watching(globals, || heap.collect_no_fail());
            if !died {
                // SAFETY: the namespace did not die, so it is still a live dict of this heap.
                let globals = unsafe { Obj::from_borrowed(heap, address.as_ref()) };
                clear_module_dict(heap, &globals);
                drop(globals);
                heap.collect_no_fail();
            }
            self.interp.save_garbage();
        });
        let _ = self.interp.out.borrow_mut().flush();
        // The interpreter's own cycles (gc.garbage, gc.callbacks) go with it.
        self.interp.gc_lists.borrow_mut().take();
    }
}

/// `_PyModule_ClearDict`: the values of names starting with a single underscore become `None`,
/// then those of every other name but `__builtins__`, in dict order (values are freed as they
/// are replaced, so finalizers still see the names not reached yet).
fn clear_module_dict(heap: &Heap, d: &Obj<'_>) {
    let none = pyrt_objects::types::none(heap);
    let Some(d) = dict::Dict::cast(d.object()) else {
        return;
    };
    for underscore_pass in [true, false] {
        let mut pos = 0;
        while let Some((next, k, v)) = dict::next_entry(d, pos) {
            pos = next;
            // SAFETY: the dict holds its keys and values.
            let (k, v) = unsafe { (k.as_ref(), v.as_ref()) };
            let Some(k) = unicode::Str::cast(k).filter(|_| !core::ptr::eq(v, none.object())) else {
                continue;
            };
            let name = unicode::str_value(k);
            let single_underscore = name.starts_with('_') && !name.starts_with("__");
            let clear = if underscore_pass {
                single_underscore
            } else {
                name != "__builtins__"
            };
            if clear {
                // SAFETY: as above.
                let key = unsafe { Obj::from_borrowed(heap, k) };
                let _ = dict::set_item(heap, d, key, none.clone());
            }
        }
    }
}

impl<'py> Interp<'py> {
    /// `_Py_EnterRecursiveCallTstate`: `cost` more levels of C recursion, or `RecursionError`
    /// past [`C_RECURSION_LIMIT`].
    pub(crate) fn enter_c(&self, cost: usize) -> R<'py, ()> {
        let d = self.c_depth.get() + cost;
        if d > C_RECURSION_LIMIT {
            return Err(self.raise(
                &exceptions::RECURSION_ERROR,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.c_depth.set(d);
        Ok(())
    }

    /// [`Interp::enter_c`] for a frame evaluated from Rust without a call around it (a
    /// generator resumed by a built-in): the check that fails is `_PyEval_EvalFrameDefault`'s
    /// `_Py_EnterRecursiveCallTstate(tstate, "")`, whose message names no call.
    pub(crate) fn enter_c_eval(&self, cost: usize) -> R<'py, ()> {
        let d = self.c_depth.get() + cost;
        if d > C_RECURSION_LIMIT {
            return Err(self.raise(
                &exceptions::RECURSION_ERROR,
                "maximum recursion depth exceeded",
            ));
        }
        self.c_depth.set(d);
        Ok(())
    }

    /// Leaves what [`Interp::enter_c`] entered.
    pub(crate) fn leave_c(&self, cost: usize) {
        self.c_depth.set(self.c_depth.get() - cost);
    }

    fn new_globals(&self) -> Result<Obj<'py>, PyErr> {
        let heap = self.heap;
        let g = dict::new_dict(heap)?;
        let view = dict::Dict::cast_internal(g.object())?;
        let none = pyrt_objects::types::none(heap);
        let name = unicode::new_constant_str(heap, "__name__")?;
        let main = unicode::new_constant_str(heap, "__main__")?;
        dict::set_item(heap, view, name, main)?;
        // The rest of `__main__`'s header, in CPython's order: `module_init_dict`'s names,
        // `__annotations__` (an empty dict), `__builtins__`, then `run_simple_file`'s
        // `__file__` and `__cached__`. pyrt has no importlib loader objects: `__loader__` is
        // None, there so that the namespace has CPython's nine names and grows its table at
        // the same assignments (which `sys.getsizeof(globals())` and tracemalloc show).
        for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
            dict::set_item(
                heap,
                view,
                unicode::new_constant_str(heap, k)?,
                none.clone(),
            )?;
        }
        dict::set_item(
            heap,
            view,
            unicode::new_constant_str(heap, "__annotations__")?,
            dict::new_dict(heap)?,
        )?;
        // `__builtins__`: the `builtins` module, registered as imported.
        let builtins = modules::new_builtins_module(heap, &self.builtins)?;
        self.modules
            .borrow_mut()
            .insert("builtins".to_string(), builtins.clone());
        dict::set_item(
            heap,
            view,
            unicode::new_constant_str(heap, "__builtins__")?,
            builtins,
        )?;
        let path = std::path::Path::new(&self.filename);
        if path.is_file() {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            let file = unicode::new_str(heap, &absolute.to_string_lossy())?;
            dict::set_item(
                heap,
                view,
                unicode::new_constant_str(heap, "__file__")?,
                file,
            )?;
            dict::set_item(
                heap,
                view,
                unicode::new_constant_str(heap, "__cached__")?,
                none,
            )?;
        }
        Ok(g)
    }
}
