//! # The bytecode VM (`Python/ceval.c`, `Python/bytecodes.c`)
//!
//! Runs the CPython 3.12 bytecode that `pyrt-compiler` produces, on pyrt objects: code objects
//! ([`load`]), functions, cells, bound methods, generators and frames are the object model's
//! own types (`pyrt_objects::types`), with CPython's sizes, refcounts and GC tracking.
//!
//! ```text
//!   source ──compile_module──► CodeObject tree ──load──► code objects
//!                                                          │
//!   module function + frame on the DataStack ──eval::Run──► dispatch loop
//!        ├─ Python calls push a frame and continue the loop (no Rust recursion)
//!        ├─ errors: the exception table (unwind.rs), traceback entries as frames are left
//!        └─ built-ins, attributes, operators: the interpreter's helpers (call.rs, builtins.rs)
//! ```
//!
//! ## Frames
//! Each running frame is a 3.12 `_PyInterpreterFrame` ([`InterpreterFrame`]) on the session's
//! data stack (`DataStack`, chunks as `_PyThreadState_PushFrame` makes them), or inside its
//! generator. Its slots are the fast locals, cells and free variables, then the value stack;
//! values on the stack are owned references, pushed and popped through the frame's API (the
//! one owner of the "slots at or past `stacktop` are NULL" invariant).
//!
//! A call from Rust (a built-in calling back, the module body) enters [`eval::Run`] with one
//! frame; Python-to-Python calls push frames on the same run, and `RETURN_VALUE` pops them
//! (3.11's inlined calls). A run keeps only its entry and top frames: the others are the
//! top frame's `previous` chain, and a caller continues after its `prev_instr` (the last
//! cache unit of its `CALL`, `FOR_ITER` or `SEND`, as in 3.12). Only built-ins that call
//! back (and generators resumed) recurse in Rust; each such entry counts against the
//! recursion limit, as every Python frame does (`RecursionError` at
//! `sys.getrecursionlimit()`), and against CPython's C recursion limit
//! of 1500 (two for a call, one for a resume), so no recursion limit a script sets can
//! overflow the Rust stack; a run grows the stack (`stacker`) when less than 512 KiB is left.
//!
//! ## Exceptions
//! An error jumps to the frame's exception table (`get_exception_handler`): the stack is cut to
//! the handler's depth, `lasti` pushed if asked, the exception pushed, and the loop goes on at
//! the handler; without a handler the frame is popped and the caller unwinds. Each frame an
//! exception is raised in or passes through puts a traceback object for its frame object in
//! front of `__traceback__` (`PyTraceBack_Here`), from which [`print_exc`] and [`traceback`]
//! print 3.12's traceback with caret lines. The exception classes are the object model's
//! (`pyrt_objects::types::exceptions`); `except*` is [`except_star`].
//!
//! ## Generators
//! `RETURN_GENERATOR` moves the frame into a new generator object. `FOR_ITER` and `SEND` on a
//! suspended generator push its frame on the running run (3.12's `FOR_ITER_GEN`/`SEND_GEN`):
//! its `YIELD_VALUE` pops back to the caller, a return lands at the instruction's target (the
//! loop runs these three itself). From Rust, `send`, `next`, `throw` and `close` resume it with
//! a run whose entry frame is the generator's ([`generator`]); a built-in looping over a
//! generator (`sum`, `list`, `str.join`) resumes it on one run kept across its yields.
//!
//! ## Inline caches and instantiation
//! `LOAD_GLOBAL`, `LOAD_ATTR` and `STORE_ATTR` keep what they found in their `CACHE` units,
//! guarded by dict keys versions and type version tags ([`inline_cache`]; `co_code` shows the
//! units zeroed). A class whose `__init__` is a Python function is instantiated on the run:
//! the instance is made and `__init__`'s frame pushed (3.13's `CALL_ALLOC_AND_ENTER_INIT`).
//! A `CALL` of a built-in method, function or type with positional arguments binds them in
//! place, off the value stack, without a `Vec` (3.12's `CALL_NO_KW_*`, `call_builtin.rs`); a
//! method called by name keeps its index in the method table in the `CALL`'s cache units.

pub(crate) mod args;
mod call_builtin;
mod decode;
pub(crate) mod eval;
pub(crate) mod except_star;
mod fast;
pub mod generator;
pub(crate) mod import;
pub(crate) mod inline_cache;
pub(crate) mod intrinsics;
pub(crate) mod load;
pub(crate) mod ops;
pub(crate) mod print_exc;
pub(crate) mod print_syntax_error;
pub(crate) mod shipped_lib;
mod stack_pointer;
pub(crate) mod stdlib_names;
pub(crate) mod suggestions;
pub(crate) mod traceback;
pub(crate) mod unwind;
pub(crate) mod yield_from;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use pyrt_compiler::parse::Lines;
use pyrt_objects::types::datastack::DataStack;
use pyrt_objects::types::function::{self, Function};
use pyrt_objects::types::method::Method;
use pyrt_objects::{Heap, Obj, PyObject};

use super::{Interp, R};

/// The VM's part of a session: the data stack, the constants made so far, the exception being
/// handled, and the source of each file run (for tracebacks).
pub(crate) struct VmState<'py> {
    /// The frames of running functions.
    pub stack: DataStack<'py>,
    /// The frame running now (`tstate->cframe->current_frame`): the top frame of the
    /// innermost run (an inline generator's too), NULL outside any run. Set by the run as its
    /// frames change, given back when it ends; read only while that frame is in place.
    pub current_frame: core::cell::Cell<*const pyrt_objects::types::frame::InterpreterFrame>,
    /// `tstate->exc_info`: the exception being handled (`sys.exc_info()`, bare `raise`).
    pub exc_info: RefCell<Option<Obj<'py>>>,
    /// The source of each file compiled, by file name.
    pub sources: RefCell<HashMap<String, Rc<Lines>>>,
    /// The exception (and its traceback) that last left a run already raised, or was thrown
    /// into a generator: by address only, compared and cleared by the next unwind, which must
    /// not chain it again (see [`unwind`]'s `escaped`).
    pub escaped: core::cell::Cell<(usize, usize)>,
}

impl<'py> VmState<'py> {
    /// The state of a new session.
    pub(crate) fn new(heap: &'py Heap) -> VmState<'py> {
        VmState {
            stack: DataStack::new(heap),
            current_frame: core::cell::Cell::new(core::ptr::null()),
            exc_info: RefCell::new(None),
            sources: RefCell::new(HashMap::new()),
            escaped: core::cell::Cell::new((0, 0)),
        }
    }
}

/// Whether `o` is a function the VM runs.
pub(crate) fn is_function(o: &PyObject) -> bool {
    function::is_function(o)
}

impl<'py> Interp<'py> {
    /// Runs `code` (a module's) with `globals` as its globals and locals: the body's function
    /// is made, its frame pushed, and the loop runs it to the end.
    pub(crate) fn vm_run_module(&self, code: &Obj<'py>, globals: &Obj<'py>) -> R<'py, Obj<'py>> {
        let func = function::new_function(
            self.heap,
            code.object(),
            globals.object(),
            None,
            self.builtins.clone(),
        )
        .map_err(|e| self.err(e))?;
        let frame = self
            .vm
            .stack
            .push(func, Some(globals.clone()))
            .map_err(|e| self.err(e))?;
        // An imported module's frame runs above its importer's (CPython has importlib's
        // frames between them): `sys._getframe().f_back`, and `__main__` found as the
        // outermost frame's namespace when a module imports `sys` first.
        self.link_to_caller(&frame);
        let mut run = eval::Run::new(self);
        // The module's frame is the first of the recursion limit's count, which the session
        // already counts.
        run.uncounted_entry();
        run.run_entry(eval::Entry::Stack(frame))
    }

    /// The frame running now: the innermost run's top frame (an inline generator's too), or
    /// outside any run the data stack's top frame. What `globals()`, `locals()`,
    /// `sys._getframe`, relative imports and `import *` look at.
    pub(crate) fn running_frame(&self) -> Option<&pyrt_objects::types::frame::InterpreterFrame> {
        // SAFETY: the running frame stays in place while the built-in it called runs, which
        // outlasts the borrow of `self` the caller holds it under.
        unsafe { self.vm.current_frame.get().as_ref() }.or_else(|| self.vm.stack.top_frame())
    }

    /// Links a frame just pushed for a call from Rust to the frame below it on the data stack,
    /// as CPython links every frame it enters to the running one: its `f_back` (and the
    /// frame a frame object that outlives it gets as `f_back`) is the caller's: the running
    /// frame (an inline generator's too), or outside any run the frame below on the stack.
    pub(crate) fn link_to_caller(&self, frame: &pyrt_objects::types::datastack::StackFrame<'_>) {
        // The running frame (a generator's too), else the frame below on the data stack.
        let below = core::ptr::NonNull::new(self.vm.current_frame.get().cast_mut()).or_else(|| {
            self.vm
                .stack
                .frame_from_top(1)
                .map(core::ptr::NonNull::from)
        });
        // SAFETY: the running frame stays in place while the built-in it called runs, which
        // outlasts this frame; the frame below stays on the data stack, in place, until this
        // one (pushed above it) is popped.
        unsafe { frame.frame().set_previous(below) };
    }

    /// Calls a VM function from Rust (a built-in calling back, `__init__`, `__del__`...):
    /// `_PyFunction_Vectorcall`.
    pub(crate) fn vm_call_function(
        &self,
        func: &Obj<'py>,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let f = Function::cast(func.object()).ok_or_else(|| self.err(bad_call()))?;
        if kwargs.is_empty() && args::fits_positional(f, args.len()) {
            // The arguments fill the parameters with the defaults: no general binding.
            let frame = self
                .vm
                .stack
                .push(func.clone(), None)
                .map_err(|e| self.err(e))?;
            self.link_to_caller(&frame);
            args::bind_positional(self.heap, f, frame.frame(), args);
            return eval::Run::new(self).run_entry(eval::Entry::Stack(frame));
        }
        let kw = kwargs
            .into_iter()
            .map(|(k, v)| Ok((self.name_str(&k)?, v)))
            .collect::<R<'py, Vec<_>>>()?;
        let frame = self
            .vm
            .stack
            .push(func.clone(), None)
            .map_err(|e| self.err(e))?;
        self.link_to_caller(&frame);
        if let Err(e) = args::bind(self, f, frame.frame(), args, kw) {
            let _ = self.vm.stack.pop(frame);
            return Err(e);
        }
        eval::Run::new(self).run_entry(eval::Entry::Stack(frame))
    }

    /// `func(*args, **kwargs)` for a VM function or a bound method of one; `None` for any
    /// other callable.
    pub(crate) fn vm_call(
        &self,
        callable: &Obj<'py>,
        args: &mut Vec<Obj<'py>>,
        kwargs: &mut Vec<(String, Obj<'py>)>,
    ) -> Option<R<'py, Obj<'py>>> {
        let o = callable.object();
        if is_function(o) {
            return Some(self.vm_call_function(
                callable,
                std::mem::take(args),
                std::mem::take(kwargs),
            ));
        }
        if let Some(m) = Method::cast(o) {
            let func = m.func(self.heap);
            let mut full = vec![m.self_(self.heap)];
            full.append(args);
            return Some(self.call(&func, full, std::mem::take(kwargs)));
        }
        None
    }

    /// `__build_class__(func, name, *bases)`: the class body runs with a new namespace as its
    /// locals, the class is made from it, and `__classcell__` (for `super()` and `__class__`)
    /// is filled with the class.
    pub(crate) fn vm_build_class(
        &self,
        args: Vec<Obj<'py>>,
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let mut it = args.into_iter();
        let (Some(func), Some(name)) = (it.next(), it.next()) else {
            return Err(self.raise(
                &super::exceptions::TYPE_ERROR,
                "__build_class__: not enough arguments",
            ));
        };
        let orig_bases: Vec<Obj<'py>> = it.collect();
        let resolved = self.resolve_mro_entries(&orig_bases)?;
        let bases = resolved.as_ref().unwrap_or(&orig_bases).clone();
        if !is_function(func.object()) {
            return Err(self.raise(
                &super::exceptions::TYPE_ERROR,
                "__build_class__: func must be a function",
            ));
        }
        if pyrt_objects::types::unicode::Str::cast(name.object()).is_none() {
            return Err(self.raise(
                &super::exceptions::TYPE_ERROR,
                "__build_class__: name is not a string",
            ));
        }
        let keywords = self.class_keywords(&bases, kwargs)?;
        let ns = self.prepare_class_namespace(&keywords, &name, &bases)?;
        let frame = self
            .vm
            .stack
            .push(func.clone(), Some(ns.clone()))
            .map_err(|e| self.err(e))?;
        self.link_to_caller(&frame);
        let cell = eval::Run::new(self).run_entry(eval::Entry::Stack(frame))?;
        if resolved.is_some() {
            self.set_orig_bases(&ns, orig_bases)?;
        }
        let cls = self.make_class(keywords, &name, &bases, ns)?;
        if let Some(c) = pyrt_objects::types::cell::CellObject::cast(cell.object())
            && pyrt_objects::types::type_object(cls.object()).is_some()
        {
            c.set(heap, Some(cls.clone()));
        }
        Ok(cls)
    }
}

fn bad_call() -> pyrt_objects::PyErr {
    pyrt_objects::view::bad_internal_call()
}

/// How a compile error ends a script, as CPython prints it: a `SyntaxError` with its line and
/// carets under the offending range, or the compiler's `RecursionError`/`MemoryError`.
pub(crate) fn compile_error_outcome(
    e: &pyrt_compiler::CompileError,
    lines: &Lines,
) -> super::Outcome {
    use pyrt_compiler::ErrorKind;
    let name = match e.kind {
        ErrorKind::Syntax => "SyntaxError",
        ErrorKind::Indentation => "IndentationError",
        ErrorKind::Recursion => {
            return super::Outcome::Uncaught(format!("RecursionError: {}\n", e.message));
        }
        ErrorKind::Memory => {
            return super::Outcome::Uncaught(format!("MemoryError: {}\n", e.message));
        }
        ErrorKind::System => {
            return super::Outcome::Uncaught(format!("SystemError: {}\n", e.message));
        }
    };
    let at = e.location;
    let mut out = format!("  File \"{}\", line {}\n", e.filename, at.lineno);
    if at.lineno >= 1 {
        let text = lines.text_of(at.lineno as usize);
        let stripped = text.trim_start();
        let indent = text.len() - stripped.len();
        out.push_str(&format!("    {}\n", stripped.trim_end()));
        let start = (at.col_offset.max(0) as usize).saturating_sub(indent);
        let end = if at.end_lineno == at.lineno && at.end_col_offset > at.col_offset {
            (at.end_col_offset as usize).saturating_sub(indent)
        } else {
            stripped.trim_end().len()
        };
        let width = end.saturating_sub(start).max(1);
        out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
    }
    out.push_str(&format!("{name}: {}\n", e.message));
    super::Outcome::SyntaxError(out)
}
