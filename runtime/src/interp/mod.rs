//! The Python-subset interpreter behind `pyrt run`, `pyrt repl` and `pyrt demo`: it evaluates
//! Ruff's syntax tree directly on pyrt objects (`Python/ceval.c` in spirit, not in structure),
//! so every value a script makes is a real pyrt object that `sys.getsizeof`, `sys.getrefcount`
//! and `id` answer for.
//!
//! ```text
//!   source ──source.rs──► syntax tree ──code.rs──► code objects + constants ──exec.rs/eval.rs──► objects
//!                                                                     └── call.rs, builtins.rs, methods.rs, modules.rs
//! ```
//!
//! References are held as CPython holds them, so refcounts match: a function's locals are
//! "fast" slots (not a dict), module and class names live in dicts, temporaries are owned
//! `Obj`s on the Rust stack (CPython's value stack), constants are held by the code objects
//! that use them and by the syntax tree (as the parser's arena holds them in CPython).
//!
//! Exceptions are real exception objects (`exceptions.rs`); an uncaught one is printed as
//! CPython's traceback.

mod builtins;
mod call;
mod code;
mod eval;
mod exceptions;
mod exec;
mod iter;
mod methods;
mod modules;
mod objects;
pub mod source;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use pyrt_objects::types::{dict, unicode};
use pyrt_objects::{Heap, Obj, PyErr};
use ruff_python_ast::Stmt;

use code::{Code, Compiler, Constants};
use source::Lines;

/// CPython's default `sys.getrecursionlimit()`.
const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// How a script ended.
#[derive(Debug)]
pub enum Outcome {
    /// It ran to the end.
    Finished,
    /// It did not parse: the error as CPython prints it.
    SyntaxError(String),
    /// An exception escaped: the traceback as CPython prints it.
    Uncaught(String),
}

/// A raised exception on its way up, with the frames it left.
pub(crate) struct Raised<'py> {
    pub exc: Obj<'py>,
    pub traceback: Vec<TraceEntry>,
}

/// One line of a traceback.
#[derive(Clone)]
pub(crate) struct TraceEntry {
    pub line: usize,
    pub name: String,
}

/// Why evaluation stopped before the end of a block.
pub(crate) enum Unwind<'py> {
    Raise(Raised<'py>),
    Return(Obj<'py>),
    Break,
    Continue,
}

/// Evaluation results.
pub(crate) type R<'py, T> = Result<T, Unwind<'py>>;

/// The state of one running script.
pub(crate) struct Interp<'py> {
    pub heap: &'py Heap,
    pub filename: String,
    pub lines: Lines,
    pub consts: RefCell<Constants<'py>>,
    pub codes: RefCell<Vec<Rc<Code<'py>>>>,
    pub builtins: Obj<'py>,
    pub modules: RefCell<HashMap<String, Obj<'py>>>,
    pub out: RefCell<Box<dyn Write + 'py>>,
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
    pub argv: Vec<String>,
}

/// A frame: the code running, its fast locals, its globals, and the namespace dict of a
/// module or class body.
pub(crate) struct Frame<'py> {
    pub code: Rc<Code<'py>>,
    pub fast: RefCell<Vec<Option<Obj<'py>>>>,
    pub globals: Obj<'py>,
    pub namespace: Option<Obj<'py>>,
    pub line: Cell<usize>,
    /// Names bound by the comprehensions being evaluated, innermost last.
    pub comprehension: RefCell<Vec<(String, Option<Obj<'py>>)>>,
}

impl<'py> Interp<'py> {
    /// An error of the object layer as a raised exception.
    pub(crate) fn err(&self, e: PyErr) -> Unwind<'py> {
        match exceptions::from_pyerr(self.heap, &e) {
            Ok(exc) => Unwind::Raise(Raised {
                exc,
                traceback: Vec::new(),
            }),
            Err(_) => self.memory_error(),
        }
    }

    #[cold]
    fn memory_error(&self) -> Unwind<'py> {
        let exc =
            exceptions::new_exception(self.heap, exceptions::MEMORY_ERROR.get(), Vec::new(), false)
                .expect("a MemoryError instance");
        Unwind::Raise(Raised {
            exc,
            traceback: Vec::new(),
        })
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
            Ok(exc) => Unwind::Raise(Raised {
                exc,
                traceback: Vec::new(),
            }),
            Err(e) => self.err(e),
        }
    }
}

/// Runs `source` as the script `filename` with `sys.argv = argv`, printing on `out`.
pub fn run_source<'py>(
    heap: &'py Heap,
    filename: &str,
    source: &str,
    argv: Vec<String>,
    out: Box<dyn Write + 'py>,
) -> Outcome {
    let text: &'static str = Box::leak(source.to_string().into_boxed_str());
    let lines = Lines::new(text);
    let module = match source::parse(filename, &lines) {
        Ok(m) => m,
        Err(e) => return Outcome::SyntaxError(e.render()),
    };
    let body: &'static [Stmt] = Box::leak(module.body.into_boxed_slice());
    if let Err(e) = exec::check_subset(filename, &lines, body) {
        return Outcome::SyntaxError(e.render());
    }
    if code::too_deep(body) {
        return Outcome::Uncaught(
            "RecursionError: maximum recursion depth exceeded during compilation\n".into(),
        );
    }
    let builtins = match builtins::new_builtins(heap) {
        Ok(b) => b,
        Err(e) => return Outcome::Uncaught(format!("{e}\n")),
    };
    let interp = Interp {
        heap,
        filename: filename.to_string(),
        lines,
        consts: RefCell::new(Constants::new(heap)),
        codes: RefCell::new(Vec::new()),
        builtins,
        modules: RefCell::new(HashMap::new()),
        out: RefCell::new(out),
        depth: Cell::new(1),
        recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
        argv,
    };
    interp.run_module(body)
}

impl<'py> Interp<'py> {
    fn run_module(self, body: &'static [Stmt]) -> Outcome {
        let code = {
            let mut consts = self.consts.borrow_mut();
            let mut compiler = Compiler::new(self.heap, &mut consts);
            match compiler.code("<module>", "<module>", Vec::new(), body, true) {
                Ok(c) => c,
                Err(e) => return Outcome::Uncaught(format!("{e}\n")),
            }
        };
        let globals = match self.new_globals() {
            Ok(g) => g,
            Err(e) => return Outcome::Uncaught(format!("{e}\n")),
        };
        let frame = Frame {
            code: code.clone(),
            fast: RefCell::new(Vec::new()),
            globals: globals.clone(),
            namespace: None,
            line: Cell::new(1),
            comprehension: RefCell::new(Vec::new()),
        };
        let result = self.exec_body(&frame, code.body);
        let _ = self.out.borrow_mut().flush();
        let outcome = match result {
            Ok(()) => Outcome::Finished,
            Err(Unwind::Raise(mut r)) => {
                r.traceback.push(TraceEntry {
                    line: frame.line.get(),
                    name: "<module>".into(),
                });
                Outcome::Uncaught(self.format_traceback(&r))
            }
            Err(_) => Outcome::Finished,
        };
        // Module teardown: names go in insertion order, as CPython clears a module dict.
        drop(frame);
        dict::clear(self.heap, globals.object());
        outcome
    }

    fn new_globals(&self) -> Result<Obj<'py>, PyErr> {
        let g = dict::new_dict(self.heap)?;
        let name = unicode::new_constant_str(self.heap, "__name__")?;
        let main = unicode::new_constant_str(self.heap, "__main__")?;
        dict::set_item(self.heap, g.object(), name, main)?;
        Ok(g)
    }

    /// The traceback CPython prints for an uncaught exception: after three identical entries
    /// in a row, the rest are counted (`[Previous line repeated 996 more times]`).
    pub(crate) fn format_traceback(&self, r: &Raised<'py>) -> String {
        let mut s = String::from("Traceback (most recent call last):\n");
        let mut previous: Option<(usize, &str)> = None;
        let mut repeats = 0usize;
        let flush = |s: &mut String, repeats: usize| {
            if repeats > 3 {
                let more = repeats - 3;
                let times = if more == 1 { "time" } else { "times" };
                s.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
            }
        };
        for t in r.traceback.iter().rev() {
            let key = (t.line, t.name.as_str());
            if previous == Some(key) {
                repeats += 1;
            } else {
                flush(&mut s, repeats);
                previous = Some(key);
                repeats = 1;
            }
            if repeats > 3 {
                continue;
            }
            s.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                self.filename, t.line, t.name
            ));
            let text = self.lines.text_of(t.line).trim();
            if !text.is_empty() {
                s.push_str(&format!("    {text}\n"));
            }
        }
        flush(&mut s, repeats);
        let name = r.exc.ob_type().name().to_string();
        let msg = exceptions::exception_str(self.heap, r.exc.object()).unwrap_or_default();
        if msg.is_empty() {
            s.push_str(&format!("{name}\n"));
        } else {
            s.push_str(&format!("{name}: {msg}\n"));
        }
        s
    }
}
